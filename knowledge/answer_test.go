package knowledge

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

var linkRE = regexp.MustCompile(`https?://\S+`)

func TestAsk(t *testing.T) {
	ix := newTestIndex(t)
	tests := []struct {
		name     string
		q        string
		want     []string // every one must appear (case-insensitive)
		notWant  []string
		meetings int
	}{
		{
			name:     "position on a topic",
			q:        "What did Tanabe say about rare earth supply?",
			want:     []string{"rare earth supply chains", "3 May 2019", "https://example.org/readouts/tanabe-moreau-call"},
			notWant:  []string{"climate"},
			meetings: 1,
		},
		{
			name:     "topic picks among meetings of the same people",
			q:        "What did Moreau and Tanabe say about climate finance?",
			want:     []string{"climate finance", "10 February 2020", "Paris"},
			meetings: 1,
		},
		{
			name:     "every meeting of two people, with absolute dates",
			q:        "When did Aiko Tanabe and Lucas Moreau meet?",
			want:     []string{"3 May 2019", "10 February 2020"},
			meetings: 2,
		},
		{
			name:     "did they meet: every meeting",
			q:        "Did Tanabe and Moreau meet?",
			want:     []string{"3 May 2019", "10 February 2020"},
			meetings: 2,
		},
		{
			name:     "only the phone calls",
			q:        "When did Tanabe and Moreau speak by phone?",
			want:     []string{"3 May 2019"},
			notWant:  []string{"10 February 2020"},
			meetings: 1,
		},
		{
			name:     "who someone met on a day",
			q:        "Who did Tanabe meet on 3 May 2019?",
			want:     []string{"Lucas Moreau", "Nadia Karimova"},
			notWant:  []string{"Adeyemi"},
			meetings: 2,
		},
		{
			name:     "how often, on a topic",
			q:        "How often did Tanabe and Moreau talk about climate finance?",
			want:     []string{"1 meeting", "10 February 2020"},
			notWant:  []string{"3 May 2019"},
			meetings: 1,
		},
		{
			name:     "how long and what time",
			q:        "How long did Tanabe and Moreau talk on the phone, and at what time?",
			want:     []string{"30 minutes", "20:00"},
			meetings: 1,
		},
		{
			name:     "where",
			q:        "Where did Karimova meet Adeyemi?",
			want:     []string{"Abuja"},
			meetings: 1,
		},
		{
			name:     "an office stands for an unnamed participant",
			q:        "What did the Secretary-General thank Japan for?",
			want:     []string{"engineering units", "19 September 2018"},
			meetings: 1,
		},
		{
			name:     "who issued the readout",
			q:        "Who issued the readout of Tanabe's meeting with Karimova?",
			want:     []string{"Hiro Sato"},
			meetings: 1,
		},
		{
			name:     "a day without a year",
			q:        "Did Tanabe call Moreau on May 3?",
			want:     []string{"3 May 2019", "by telephone"},
			meetings: 1,
		},
		{
			name:     "a person talked about, not present",
			q:        "What did Karimova tell Adeyemi about Tanabe?",
			want:     []string{"briefed the President on her talks", "Abuja"},
			meetings: 1,
		},
		{
			name:     "a subject named by office",
			q:        "What did the Japanese Prime Minister say about climate finance?",
			want:     []string{"pledged new climate finance"},
			notWant:  []string{"doubling"},
			meetings: 1,
		},
		{
			name:     "lower-case question",
			q:        "what did karimova propose to tanabe?",
			want:     []string{"uranium enrichment"},
			meetings: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans, err := ix.Ask(context.Background(), tt.q)
			if err != nil {
				t.Fatalf("Ask(%q): %v", tt.q, err)
			}
			text := strings.ToLower(ans.Text)
			for _, w := range tt.want {
				if !strings.Contains(text, strings.ToLower(w)) {
					t.Errorf("answer lacks %q:\n%s", w, ans.Text)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(text, strings.ToLower(w)) {
					t.Errorf("answer has %q:\n%s", w, ans.Text)
				}
			}
			if len(ans.Meetings) != tt.meetings {
				t.Errorf("%d meetings, want %d", len(ans.Meetings), tt.meetings)
			}
			if n := utf8.RuneCountInString(linkRE.ReplaceAllString(ans.Text, "")); n > 700 {
				t.Errorf("answer is %d characters, over 700", n)
			}
		})
	}
}

func TestAskRefuses(t *testing.T) {
	ix := newTestIndex(t)
	tests := []struct {
		name string
		q    string
		want error
	}{
		{"off-topic", "What did Tanabe say about penguin conservation?", ErrNoAnswer},
		{"off-topic with a common word", "What did Moreau say about the Venice film festival jury?", ErrNoAnswer},
		{"people who never met", "When did Karimova meet Moreau?", ErrNoAnswer},
		{"did they meet: never", "Did Karimova and Moreau ever meet?", ErrNoAnswer},
		{"how often, never on that topic", "How often did Tanabe and Moreau talk about wheat exports?", ErrNoAnswer},
		{"unknown person", "What did Zebulon Quarrington say about energy cooperation?", ErrNoAnswer},
		{"no such day", "Who did Tanabe meet on 4 May 2019?", ErrNoAnswer},
		{"only question words", "What did they say?", ErrNoAnswer},
		{"empty", "  ?! ", ErrEmptyQuestion},
		{"too long", strings.Repeat("why ", 300), ErrQuestionTooLong},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans, err := ix.Ask(context.Background(), tt.q)
			if !errors.Is(err, tt.want) {
				t.Errorf("Ask(%q) = %q, %v; want %v", tt.q, ans.Text, err, tt.want)
			}
		})
	}
}

func TestSplitSentences(t *testing.T) {
	text := "Mr. Sato met Dr. Lee at 3 p.m. in Washington, D.C. on Monday. They agreed.\n1. The U.S. side said: \"We will help.\" Both sides smiled."
	want := []string{"Mr. Sato met Dr. Lee at 3 p.m. in Washington, D.C. on Monday.", "They agreed.", "1. The U.S. side said: \"We will help.\"", "Both sides smiled."}
	got := answerSentences(text)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("answerSentences:\n got %q\nwant %q", got, want)
	}
}

func BenchmarkAsk(b *testing.B) {
	ix := newTestIndex(b)
	ctx := context.Background()
	qs := []string{
		"What did Tanabe say about rare earth supply?",
		"When did Tanabe and Moreau meet?",
		"Who did Tanabe meet on 3 May 2019?",
		"What did Tanabe say about penguin conservation?",
	}
	i := 0
	for b.Loop() {
		ix.Ask(ctx, qs[i%len(qs)])
		i++
	}
}

func TestNamesSource(t *testing.T) {
	p := []Participant{{Name: "Ines Varga"}, {Name: "Tomas Lind"}}
	tests := []struct {
		text string
		want bool
	}{
		{"The following is attributable to Spokesperson Petra Holm:\nMinister Ines Varga met Tomas Lind.", true},
		{"The following is attributable to the Spokesperson: Minister Ines Varga met Tomas Lind.", false},
		{"Minister Varga met Tomas Lind.\nOla Berg Nilsen\nSpokesperson", true},
		{"Minister Varga met Tomas Lind in Oslo.", false},
	}
	for _, tt := range tests {
		if got := namesSource(Meeting{Participants: p, Text: tt.text}); got != tt.want {
			t.Errorf("namesSource(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestAskLongSentenceIsShortened(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, t.TempDir())
	filler := strings.Repeat("the delegations reviewed shipping schedules and customs paperwork at length, ", 9)
	text := "Bulk Caller said that " + filler + "the new harbour in Zanzibar would open to cargo traffic next spring, " + filler + "and closed the call."
	if _, err := ix.Add(ctx, Readout{Name: "bulk-long.md", Title: "Harbour call", Published: "2022-03-04", Text: text}); err != nil {
		t.Fatal(err)
	}
	ans, err := ix.Ask(ctx, "What did Bulk Caller say about the harbour in Zanzibar?")
	if err != nil {
		t.Fatal(err)
	}
	if n := utf8.RuneCountInString(linkRE.ReplaceAllString(ans.Text, "")); n > 700 {
		t.Errorf("answer is %d characters:\n%s", n, ans.Text)
	}
	if !strings.Contains(ans.Text, "Zanzibar would open") || !strings.Contains(ans.Text, "…") {
		t.Errorf("answer does not quote the matching stretch with an ellipsis:\n%s", ans.Text)
	}
}

func TestSuggestEmptyIndex(t *testing.T) {
	ix := openTest(t, t.TempDir())
	for _, f := range []Field{FieldPerson, FieldCountry, FieldTopic, FieldMeeting} {
		got, err := ix.Suggest(context.Background(), f, "a", 5)
		if err != nil || len(got) != 0 {
			t.Errorf("Suggest(%s) on an empty index = %v, %v", f, got, err)
		}
	}
	if _, err := ix.Suggest(context.Background(), Field("colour"), "a", 5); err == nil {
		t.Error("Suggest on an unknown field: no error")
	}
}

// checkAnswerText reports each of want the answer text lacks and each of
// notWant it has.
func checkAnswerText(t *testing.T, text string, want, notWant []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("answer lacks %q:\n%s", w, text)
		}
	}
	for _, w := range notWant {
		if strings.Contains(text, w) {
			t.Errorf("answer has %q:\n%s", w, text)
		}
	}
}
