package knowledge

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// longSentence is an invented readout of one sentence whose clauses say
// different things: the start who met where, the middle what one side
// asked, the end what both agreed.
const longSentence = "President Arvid Solheim of Nordmark this afternoon received the Chancellor of Ostland, Dr. Lena Brandt, " +
	"at the Granite Palace in Tallvik for talks that lasted ninety minutes, with Mr Solheim telling his visitor that " +
	"Nordmark wanted a joint coast guard rota covering the straits between Vessa Island and the Kalder Banks, and that " +
	"\"good neighbours share their weather\", while Dr Brandt, in reply, sought Nordmark's backing for Ostland's bid to " +
	"host the 2031 Northern Rivers Forum and asked for help in training Ostland customs officers at the Tallvik Harbour " +
	"Academy, after which the two leaders agreed to ratify a convention on the shared management of the Tarn river " +
	"basin before the end of 2027, the statement issued by the President's press office said."

func TestExcerptQuotesTheClauseAsked(t *testing.T) {
	sc := func(words ...string) *scorer {
		s := &scorer{terms: map[string]*qterm{}}
		for i, w := range words {
			st := stemWord(w)
			s.terms[st] = &qterm{word: w, weight: 1 + float64(i%2), variants: []string{st}}
		}
		return s
	}
	tests := []struct {
		name  string
		sc    *scorer
		n     int
		want  string // the excerpt holds this
		avoid string // and not this
	}{
		{"end clause", sc("ratify", "convention", "end"), 300, "agreed to ratify a convention on the shared management of the Tarn river basin before the end of 2027", "received the Chancellor"},
		{"middle clause", sc("forum", "backing", "host"), 300, "while Dr Brandt, in reply, sought Nordmark's backing for Ostland's bid to host the 2031 Northern Rivers Forum", "received the Chancellor"},
		{"start clause", sc("palace", "lasted"), 250, "at the Granite Palace in Tallvik for talks that lasted ninety minutes", "ratify"},
		{"nothing asked", sc("zeppelin"), 200, "President Arvid Solheim", "ratify"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.sc.excerpt(longSentence, tt.n)
			if n := utf8.RuneCountInString(got); n > tt.n+2 {
				t.Errorf("excerpt is %d characters, want at most %d: %s", n, tt.n, got)
			}
			if !strings.Contains(got, tt.want) || strings.Contains(got, tt.avoid) {
				t.Errorf("excerpt = %q\nwant it to hold %q and not %q", got, tt.want, tt.avoid)
			}
		})
	}
}

func TestExcerptCutsAtClauses(t *testing.T) {
	st := stemWord("ratify")
	sc := &scorer{terms: map[string]*qterm{st: {word: "ratify", weight: 1, variants: []string{st}}}}
	got := sc.excerpt(longSentence, 320)
	inner := strings.TrimSuffix(strings.TrimPrefix(got, "…"), "…")
	i := strings.Index(longSentence, inner)
	if i < 0 {
		t.Fatalf("excerpt is not a stretch of the sentence: %q", got)
	}
	before := strings.TrimSpace(longSentence[:i])
	if i > 0 && !strings.HasSuffix(before, ",") && !clauseWords[strings.ToLower(strings.Fields(inner)[0])] {
		t.Errorf("excerpt does not start at a clause: %q", got)
	}
	if after := longSentence[i+len(inner):]; after != "" && !strings.HasPrefix(after, ",") {
		t.Errorf("excerpt does not end at a clause: %q", got)
	}
}

// TestAskOneSentenceReadout asks about the later clauses of a readout that
// is one long sentence: the answer quotes them, within the length limit.
func TestAskOneSentenceReadout(t *testing.T) {
	ctx := context.Background()
	extract := func(r Readout) (Meeting, error) {
		if r.Name != "solheim-brandt.md" {
			return Meeting{}, ErrNotReadout
		}
		return Meeting{ID: fallbackID(r), Title: r.Title, Date: "2026-02-03", Location: "Tallvik", Kind: KindInPerson,
			Text: r.Text, DurationMinutes: 90,
			Participants: []Participant{
				{Name: "Arvid Solheim", Title: "President", Affiliation: "Nordmark"},
				{Name: "Lena Brandt", Title: "Chancellor", Affiliation: "Ostland"}}}, nil
	}
	ix, err := openWith(filepath.Join(t.TempDir(), "index"), Options{}, extract)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.Add(ctx, Readout{Name: "solheim-brandt.md", Title: "President receives the Chancellor of Ostland", Text: longSentence}); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ q, want string }{
		{"What did the Nordmark and Ostland leaders agree to ratify before the end of 2027?", "Tarn river basin"},
		{"Which forum did Brandt seek Nordmark's backing to host?", "Northern Rivers Forum"},
	}
	for _, tt := range tests {
		ans, err := ix.Ask(ctx, tt.q)
		if errors.Is(err, ErrNoAnswer) || err != nil {
			t.Fatalf("Ask(%q): %v", tt.q, err)
		}
		if n := utf8.RuneCountInString(linkRE.ReplaceAllString(ans.Text, "")); n > answerMax {
			t.Errorf("Ask(%q): answer is %d characters", tt.q, n)
		}
		if !strings.Contains(ans.Text, tt.want) {
			t.Errorf("Ask(%q) does not quote %q:\n%s", tt.q, tt.want, ans.Text)
		}
	}
}

// TestExcerptFillsALongClause: a clause too long to quote whole is quoted
// as far as it fits, with what follows the match.
func TestExcerptFillsALongClause(t *testing.T) {
	s := "Chancellor Brandt proposed to promote the Tarn valley as a joint tourism destination with a single visa for visitors " +
		"and a shared rail pass for students and asked for the early opening of the northern checkpoint to freight traffic " +
		"from third countries during the harvest season of the coming year and the one after it"
	st := stemWord("tourism")
	sc := &scorer{terms: map[string]*qterm{st: {word: "tourism", weight: 1, variants: []string{st}}}}
	got := sc.excerpt(s, 160)
	if !strings.Contains(got, "tourism destination with a single visa") || utf8.RuneCountInString(got) < 140 {
		t.Errorf("excerpt = %q, want the clause after the match, about 160 characters", got)
	}
}
