package knowledge

import (
	"errors"
	"strings"
	"testing"
)

// sweepMeetings are invented readouts written the way publishers write
// them: a headline repeating the question's words, an office instead of a
// name, the sides named in every other sentence.
var sweepMeetings = map[string]Meeting{
	"taoiseach-lund.md": {
		Title: "Taoiseach hosts Prime Minister Lund to discuss the peace process", Date: "2025-04-02", Location: "Dublin", Kind: KindInPerson,
		SourceURL: "https://example.org/sweep/taoiseach-lund",
		Participants: []Participant{
			{Name: "Aoife Brennan", Title: "Taoiseach", Affiliation: "Ireland"},
			{Name: "Eva Lund", Title: "Prime Minister", Affiliation: "Ostland"}},
		Text: "Taoiseach hosts Prime Minister Lund to discuss the peace process\n" +
			"The Taoiseach, Aoife Brennan, today hosted Prime Minister Eva Lund of Ostland in Dublin.\n" +
			"Ireland and Ostland have long shared a commitment to multilateralism, the Taoiseach said.\n" +
			"Speaking afterwards, the Taoiseach said: \"Our islands face the same ocean. We talked about offshore wind and the protection of subsea cables.\"\n" +
			"Prime Minister Lund said the peace negotiations in the north needed a ceasefire that holds.\n" +
			"She said Ostland would not expand its fishing zone this year.\n" +
			"At the end of the visit, Ireland and Ostland signed an agreement on the recognition of driving licences.",
	},
	"holy-see-audience.md": {
		Title: "Audience with the President of Nordmark", Date: "2025-06-09", Location: "Apostolic Palace", Kind: KindInPerson,
		SourceURL: "https://example.org/sweep/holy-see-audience",
		Participants: []Participant{
			{Title: "Pope", Affiliation: "Holy See"},
			{Name: "Henrik Rask", Title: "President", Affiliation: "Nordmark"}},
		Text: "This morning the Holy Father received in audience President Henrik Rask of Nordmark.\n" +
			"The talks touched on the care of migrants and the protection of forests.",
	},
}

func TestAskSweep(t *testing.T) {
	ix := newMapIndex(t, sweepMeetings)
	tests := []struct {
		name    string
		q       string
		want    []string
		notWant []string
	}{
		{name: "the sides named in the question pick no sentence",
			q:       "What agreement did Ireland and Ostland sign?",
			want:    []string{"driving licences"},
			notWant: []string{"multilateralism", "today hosted"}},
		{name: "an office as subject leaves what was discussed to find",
			q:       "What did the Taoiseach discuss with the Ostland prime minister?",
			want:    []string{"offshore wind"},
			notWant: []string{"multilateralism"}},
		{name: "the headline is no answer when the text has one",
			q:       "What did Lund say about the peace process?",
			want:    []string{"ceasefire that holds"},
			notWant: []string{"hosts Prime Minister Lund to discuss"}},
		{name: "a noun in -sion finds its verb",
			q:    "What did Lund say about the expansion of the fishing zone?",
			want: []string{"not expand its fishing zone"}},
		{name: "what was discussed, when the readout never says discuss",
			q:    "What did the Pope discuss with the Nordmark president?",
			want: []string{"care of migrants"}},
		{name: "an office only a participant's title names",
			q:    "Who met the Pope in June 2025?",
			want: []string{"Henrik Rask", "9 June 2025"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans, err := ix.Ask(t.Context(), tt.q)
			if errors.Is(err, ErrNoAnswer) || err != nil {
				t.Fatalf("Ask(%q): %v", tt.q, err)
			}
			checkAnswerText(t, ans.Text, tt.want, tt.notWant)
		})
	}
}

// The latest or first meeting, and who someone met as "which countries".
func TestAskEnds(t *testing.T) {
	ix := newFixIndex(t)
	tests := []struct {
		q       string
		want    []string
		notWant []string
	}{
		{q: "When did Hale and Okoro last meet?", want: []string{"the latest of 3 meetings", "20 May 2022"},
			notWant: []string{"2 March 2021", "14 September 2021"}},
		{q: "when did hale and okoro first speak by phone", want: []string{"14 September 2021"},
			notWant: []string{"2 March 2021", "20 May 2022"}},
		{q: "What did Hale and Okoro discuss at their last meeting?", want: []string{"20 May 2022", "Lagos port project"}},
		{q: "Which countries did Okoro meet in 2022?", want: []string{"Freedonia", "Sweden", "20 May 2022", "21 May 2022"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			ans, err := ix.Ask(t.Context(), tt.q)
			if err != nil {
				t.Fatalf("Ask(%q): %v", tt.q, err)
			}
			checkAnswerText(t, ans.Text, tt.want, tt.notWant)
		})
	}
}

func TestDerivedForms(t *testing.T) {
	tests := []struct {
		w    string
		want []string
	}{
		{"expansion", []string{"expand", "expande"}},
		{"admission", []string{"admit"}},
		{"decide", []string{"decision"}},
		{"extend", []string{"extension"}},
		{"permit", []string{"permission"}},
		{"agreed", nil},
		{"talks", nil},
	}
	for _, tt := range tests {
		if got := derivedForms(tt.w); strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("derivedForms(%q) = %q, want %q", tt.w, got, tt.want)
		}
	}
}

// "What changed in X's position on Y" shows what X said on Y meeting by
// meeting, oldest first.
func TestAskChange(t *testing.T) {
	ix := newFixIndex(t)
	ans, err := ix.Ask(t.Context(), "What changed in Hale's position on maritime security?")
	if err != nil {
		t.Fatal(err)
	}
	first, second := strings.Index(ans.Text, "2 March 2021"), strings.Index(ans.Text, "14 September 2021")
	if !strings.Contains(ans.Text, "oldest first") || first < 0 || second < first || len(ans.Quotes) < 2 {
		t.Errorf("answer is not Hale's words meeting by meeting, oldest first:\n%s", ans.Text)
	}
	if strings.Contains(ans.Text, "20 May 2022") {
		t.Errorf("answer has a meeting that does not touch the topic:\n%s", ans.Text)
	}
	if _, err := ix.Ask(t.Context(), "How has Lind's stance on maritime security evolved?"); !errors.Is(err, ErrNoAnswer) {
		t.Errorf("a topic none of Lind's meetings touch: err = %v, want ErrNoAnswer", err)
	}
}

// Questions as typed in chat: a misspelt question word, a kind of meeting
// that never happened, a place with no one named, a month that names the
// meeting.
func TestAskChat(t *testing.T) {
	ix := newFixIndex(t)
	tests := []struct {
		q       string
		want    []string
		notWant []string
	}{
		{q: "wen did hale and okoro meet", want: []string{"2 March 2021", "20 May 2022"}},
		{q: "Did Lind and Hale speak by phone?", want: []string{"No call by telephone is recorded", "1 June 2023"}},
		{q: "Which meetings were held in Geneva?", want: []string{"2 meetings held there", "20 May 2022", "21 May 2022"},
			notWant: []string{"Lagos"}},
		{q: "What did Hale say about maritime security in September 2021?", want: []string{"14 September 2021"},
			notWant: []string{"2 March 2021"}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			ans, err := ix.Ask(t.Context(), tt.q)
			if err != nil {
				t.Fatalf("Ask(%q): %v", tt.q, err)
			}
			checkAnswerText(t, ans.Text, tt.want, tt.notWant)
		})
	}
	if _, err := ix.Ask(t.Context(), "Who met in Atlantis?"); !errors.Is(err, ErrNoAnswer) {
		t.Errorf("a place no meeting was held at: err = %v, want ErrNoAnswer", err)
	}
}

// An answer says when the readout is silent on the length or time asked,
// and "what did A ask for" finds the request.
func TestAskSilentAndAsk(t *testing.T) {
	ix := newFixIndex(t)
	tests := []struct{ q, want string }{
		{q: "How long did Lind and Hale meet?", want: "The readout does not say how long."},
		{q: "What time did Lind meet Hale?", want: "The readout does not say at what time."},
	}
	for _, tt := range tests {
		ans, err := ix.Ask(t.Context(), tt.q)
		if err != nil {
			t.Fatalf("Ask(%q): %v", tt.q, err)
		}
		if !strings.Contains(ans.Text, tt.want) {
			t.Errorf("Ask(%q) lacks %q:\n%s", tt.q, tt.want, ans.Text)
		}
	}
	sweep := newMapIndex(t, map[string]Meeting{
		"ask.md": {
			Title: "Minister Berg calls Minister Sato", Date: "2025-03-04", Kind: KindTelephone,
			Participants: []Participant{
				{Name: "Nils Berg", Title: "Minister", Affiliation: "Ostland"},
				{Name: "Yui Sato", Title: "Minister", Affiliation: "Japan"}},
			Text: "Minister Nils Berg held a telephone call with Minister Yui Sato of Japan.\n" +
				"They reviewed relations between the two countries.\n" +
				"Minister Sato requested support for flood relief in Kyushu.",
		},
	})
	ans, err := sweep.Ask(t.Context(), "what did sato ask berg for")
	if err != nil || !strings.Contains(ans.Text, "flood relief") {
		t.Errorf("the request is not found: %v\n%s", err, ans.Text)
	}
}

// "Did A and B meet in 2020?" when they did not: a plain no, with the
// meetings they did have; when they did, yes and that meeting.
func TestAskDidMeetThen(t *testing.T) {
	ix := newFixIndex(t)
	ans, err := ix.Ask(t.Context(), "Did Hale and Okoro meet in 2020?")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ans.Text, "No. No meeting in 2020 is recorded.") || !strings.Contains(ans.Text, "20 May 2022") {
		t.Errorf("answer is no plain no with the other meetings:\n%s", ans.Text)
	}
	ans, err = ix.Ask(t.Context(), "did hale and okoro meet in may 2022")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(ans.Text, "Yes. ") || !strings.Contains(ans.Text, "20 May 2022") {
		t.Errorf("answer misses the meeting of May 2022:\n%s", ans.Text)
	}
	if _, err := newFutureIndex(t).Ask(t.Context(), "Did Ito and Lund meet in 2022?"); !errors.Is(err, ErrNoAnswer) {
		t.Errorf("two who never met: err = %v, want ErrNoAnswer", err)
	}
}
