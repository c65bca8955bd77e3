package knowledge

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fixMeetings are invented meetings of invented people, extracted by hand,
// so these tests exercise answering alone. One person is stored under three
// spellings ("Robert J. Hale Jr.", "Hale", "Bob Hale").
var fixMeetings = map[string]Meeting{
	"hale-okoro-lagos.md": {
		Title: "President Hale meets President Okoro", Date: "2021-03-02", Location: "Lagos", Kind: KindInPerson,
		SourceURL: "https://example.org/fix/hale-okoro-lagos",
		Participants: []Participant{
			{Name: "Robert J. Hale Jr.", Title: "President", Affiliation: "Freedonia"},
			{Name: "Amara Okoro", Title: "President", Affiliation: "Nigeria"}},
		Text: "1. President Robert J. Hale Jr. met President Amara Okoro in Lagos on 2 March 2021.\n" +
			"2. President Hale raised maritime security in the Gulf of Guinea and offered patrol boats.\n" +
			"3. President Okoro stressed port investment.",
		Positions: []Position{
			{Speaker: "Robert J. Hale Jr.", Topic: "maritime security", Text: "President Hale raised maritime security in the Gulf of Guinea and offered patrol boats."},
			{Speaker: "Amara Okoro", Topic: "port investment", Text: "President Okoro stressed port investment."}},
	},
	// The Lagos meeting again, as the host's release tells it.
	"okoro-hale-lagos-host.md": {
		Title: "President Okoro receives President Hale", Date: "2021-03-02", Location: "Lagos", Kind: KindInPerson,
		SourceURL: "https://example.org/fix/okoro-hale-lagos-host",
		Participants: []Participant{
			{Name: "Amara Okoro", Title: "President", Affiliation: "Nigeria"},
			{Name: "Robert J. Hale Jr.", Title: "President", Affiliation: "Freedonia"}},
		Text: "President Okoro received President Hale in Lagos.\nPresident Hale spoke of maritime security.",
	},
	"hale-okoro-call.md": {
		Title: "Call between President Hale and President Okoro", Date: "2021-09-14", Kind: KindTelephone,
		SourceURL: "https://example.org/fix/hale-okoro-call",
		Participants: []Participant{
			{Name: "Hale", Title: "President", Affiliation: "Freedonia"},
			{Name: "Amara Okoro", Title: "President", Affiliation: "Nigeria"}},
		Text: "President Hale spoke by telephone with President Okoro.\n(2) President Hale raised maritime security in the Gulf of Guinea and offered patrol boats.",
		Positions: []Position{
			{Speaker: "Hale", Topic: "maritime security", Text: "President Hale raised maritime security in the Gulf of Guinea and offered patrol boats."}},
	},
	"hale-okoro-geneva.md": {
		Title: "Bob Hale and Amara Okoro meet in Geneva", Date: "2022-05-20", Location: "Geneva", Kind: KindInPerson,
		SourceURL: "https://example.org/fix/hale-okoro-geneva",
		Participants: []Participant{
			{Name: "Bob Hale", Title: "President", Affiliation: "Freedonia"},
			{Name: "Amara Okoro", Title: "President", Affiliation: "Nigeria"}},
		Text: "President Bob Hale met President Amara Okoro in Geneva. They reviewed the Lagos port project and grain prices.",
	},
	"okoro-lind-geneva.md": {
		Title: "Okoro meets Lind", Date: "2022-05-21", Location: "Geneva", Kind: KindInPerson,
		SourceURL: "https://example.org/fix/okoro-lind-geneva",
		Participants: []Participant{
			{Name: "Amara Okoro", Title: "President", Affiliation: "Nigeria"},
			{Name: "Sofia Lind", Title: "Prime Minister", Affiliation: "Sweden"}},
		Text: "President Okoro met Prime Minister Sofia Lind in Geneva. They discussed fisheries.\nThe meeting was the first of the talks.\nPrime Minister Lind stressed the need to protect fish stocks.",
	},
	"okoro-lind-visit.md": {
		Title: "Okoro receives Lind", Date: "2023-01-10", Kind: KindInPerson,
		SourceURL: "https://example.org/fix/okoro-lind-visit",
		Participants: []Participant{
			{Name: "Amara Okoro", Title: "President", Affiliation: "Nigeria"},
			{Name: "Sofia Lind", Title: "Prime Minister", Affiliation: "Sweden"}},
		Text: "President Okoro received Prime Minister Lind. They discussed fisheries and trade. Minister Adebayo joined the talks.",
	},
	"lind-hale.md": {
		Title: "Lind meets Hale", Date: "2023-06-01", Kind: KindInPerson,
		SourceURL: "https://example.org/fix/lind-hale",
		Participants: []Participant{
			{Name: "Sofia Lind", Title: "Prime Minister", Affiliation: "Sweden"},
			{Name: "Hale", Title: "President", Affiliation: "Freedonia"}},
		Text: "Prime Minister Lind met President Hale. They discussed wind power.",
	},
}

func newFixIndex(tb testing.TB) *Index {
	tb.Helper()
	return newMapIndex(tb, fixMeetings)
}

func TestAskFixes(t *testing.T) {
	ix := newFixIndex(t)
	tests := []struct {
		name    string
		q       string
		want    []string
		notWant []string
		none    bool // ErrNoAnswer
	}{
		{name: "asked name holds a stored name, nickname and full name",
			q: "When did Bob Hale and Amara Okoro meet?",
			// Both presidents' readouts of the Lagos meeting count once.
			want: []string{"— 3 meetings:", "2 March 2021", "14 September 2021", "20 May 2022", "okoro-hale-lagos-host"}},
		{name: "full given name finds the nickname and the family name alone",
			q:    "When did Robert Hale and Okoro meet?",
			want: []string{"2 March 2021", "14 September 2021", "20 May 2022"}},
		{name: "a given name no readout writes still names the person",
			q:    "When did Rupert Hale and Okoro meet?",
			want: []string{"2 March 2021", "14 September 2021", "20 May 2022"}},
		{name: "an honorific is no given name",
			q:    "When did Mr Robert Hale and Dr Okoro meet?",
			want: []string{"2 March 2021", "14 September 2021", "20 May 2022"}},
		{name: "a place restricts to the meeting held there",
			q:       "Who did Okoro meet in Lagos?",
			want:    []string{"Hale", "Lagos", "2 March 2021"},
			notWant: []string{"Lind"}},
		{name: "a place where the person never met gives no answer",
			q:    "Who did Lind meet in Lagos?",
			none: true},
		{name: "where states each meeting's place, or that none is given",
			q:    "Where did Lind meet Okoro?",
			want: []string{"Geneva", "place not given"}},
		{name: "where with no place in the readout says so",
			q:    "Where did Lind meet Hale?",
			want: []string{"does not say where"}},
		{name: "where with one meeting states its place",
			q:    "Where did Hale meet Okoro in Lagos?",
			want: []string{"Lagos"}},
		{name: "topic picks the meeting that answers it and names the others that fit",
			q:       "What did Hale say about maritime security when he met Okoro?",
			want:    []string{"maritime security", "2 March 2021", "Also fits: 14 September 2021 (by telephone)."}, // not the same meeting again
			notWant: []string{"20 May 2022"}},
		{name: "a country adjective outside the short list names the side",
			q:    "What did the Nigerian president stress?",
			want: []string{"port investment"}},
		{name: "a named person who took part in no meeting narrows a list to the meetings that mention them",
			q:       "When did Lind meet Adebayo?",
			want:    []string{"10 January 2023"},
			notWant: []string{"21 May 2022"}},
		{name: "a country named in the question is matched through affiliations, not the text",
			q:    "When did Okoro and Lind discuss Sweden-Nigeria fisheries?",
			want: []string{"21 May 2022", "10 January 2023"}},
		{name: "a named person no meeting of the other mentions gives no answer",
			q:    "When did Hale meet Adebayo?",
			none: true},
		{name: "who a person met lists every counterpart once, however spelled",
			q:       "Who did Okoro meet?",
			want:    []string{"5 meetings, with Robert J. Hale Jr. (Freedonia) and Sofia Lind (Sweden):", "2 March 2021", "10 January 2023"},
			notWant: []string{"Bob Hale (Freedonia) and Sofia"}},
		{name: "call for asks what was urged, in any words",
			q:    "What did Lind call for in her meeting with Okoro?",
			want: []string{"protect fish stocks"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans, err := ix.Ask(t.Context(), tt.q)
			if tt.none {
				if !errors.Is(err, ErrNoAnswer) {
					t.Fatalf("Ask(%q) = %q, %v; want ErrNoAnswer", tt.q, ans.Text, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Ask(%q): %v", tt.q, err)
			}
			checkAnswerText(t, ans.Text, tt.want, tt.notWant)
			for _, q := range ans.Quotes {
				if q.Text != stripListMarker(q.Text) {
					t.Errorf("quote keeps its list marker: %q", q.Text)
				}
			}
		})
	}
}

func TestAskQuotesWithoutNumbering(t *testing.T) {
	ix := newFixIndex(t)
	ans, err := ix.Ask(t.Context(), "What did Hale say about patrol boats in Lagos?")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, q := range ans.Quotes {
		found = found || strings.HasPrefix(q.Text, "President Hale raised")
		if strings.HasPrefix(q.Text, "(") || q.Text[0] >= '0' && q.Text[0] <= '9' {
			t.Errorf("quote keeps its numbering: %q", q.Text)
		}
	}
	if !found {
		t.Errorf("quotes = %q, want the sentence without its number", ans.Quotes)
	}
	if strings.Contains(ans.Text, "\"2. ") {
		t.Errorf("answer quotes the numbering:\n%s", ans.Text)
	}
}

func TestStripListMarker(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2. The leaders met.", "The leaders met."},
		{"(3) The leaders met.", "The leaders met."},
		{"b) They agreed.", "They agreed."},
		{"iv. They agreed.", "They agreed."},
		{"(IV) They agreed.", "They agreed."},
		{"• They agreed.", "They agreed."},
		{"- 1. They agreed.", "They agreed."},
		{"2020 was a year.", "2020 was a year."},
		{"U.S. officials met.", "U.S. officials met."},
		{"I. M. Pei spoke.", "I. M. Pei spoke."},
		{"A. The leaders met.", "A. The leaders met."},
		{"President Hale spoke.", "President Hale spoke."},
	}
	for _, tt := range tests {
		if got := stripListMarker(tt.in); got != tt.want {
			t.Errorf("stripListMarker(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// Positions marks new wording with MarkNewWording, the one mechanism the
// bot and the CLI show.
func TestPositionsUseMarkNewWording(t *testing.T) {
	ix := newFixIndex(t)
	got, err := ix.Positions(t.Context(), "Hale", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Fatal("no positions")
	}
	bare := make([]Entry, len(got))
	for i, e := range got {
		e.New = nil
		bare[i] = e
	}
	if diff := cmp.Diff(MarkNewWording(bare), got); diff != "" {
		t.Errorf("Positions New differs from MarkNewWording (-want +got):\n%s", diff)
	}
}

func TestNamesAgree(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Joe Biden", "Joseph R. Biden Jr.", true},
		{"Joe Biden", "Biden", true},
		{"Biden", "Joseph R. Biden Jr.", true},
		{"Tony Blinken", "Antony J. Blinken", true},
		{"Jim Biden", "Joseph R. Biden Jr.", false},
		{"Kim Jong Un", "Kim Dae-jung", false},
	}
	for _, tt := range tests {
		if got := namesAgree(ixWords(tt.a), ixWords(tt.b)); got != tt.want {
			t.Errorf("namesAgree(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// A meeting place picks the meeting; it is no reason to quote a sentence.
func TestPlaceDoesNotPickSentences(t *testing.T) {
	ix := newFixIndex(t)
	pq := parseQuestion("What did Lind say at Geneva about fisheries?", ix.terms)
	sc := ix.newScorer(t.Context(), pq)
	if got := sc.scoreSentence("President Okoro met Prime Minister Sofia Lind in Geneva."); len(got.covers) > 0 {
		t.Errorf("a sentence naming only the place covers %q", got.covers)
	}
	if got := sc.scoreSentence("They discussed fisheries."); len(got.covers) == 0 {
		t.Error("the sentence on the topic covers nothing")
	}
}

func TestParseQuestionFixes(t *testing.T) {
	names := newFixIndex(t).terms
	tests := []struct {
		q                     string
		people                [][]string
		place, topic, subject []string
		kinds                 []Kind
	}{
		{q: "What did the Crown Prince call for in his call with Okoro?", people: [][]string{{"okoro"}},
			topic: []string{"call"}, subject: []string{"crown", "prince"}, kinds: []Kind{KindTelephone, KindVideo}},
		{q: "Who did Okoro meet in Lagos?", people: [][]string{{"okoro"}}, place: []string{"lagos"},
			topic: []string{"lagos"}, subject: []string{"okoro"}, kinds: []Kind{KindInPerson}},
		{q: "When did Bob Hale and Okoro meet?", people: [][]string{{"bob", "hale"}, {"okoro"}},
			subject: []string{"bob", "hale"}, kinds: []Kind{KindInPerson}},
		{q: "When did Rupert Hale and Okoro meet?", people: [][]string{{"rupert", "hale"}, {"okoro"}},
			subject: []string{"rupert", "hale"}, kinds: []Kind{KindInPerson}},
	}
	for _, tt := range tests {
		pq := parseQuestion(tt.q, names)
		got := question{people: pq.people, place: pq.place, topic: pq.topic, subject: pq.subject, kinds: pq.kinds}
		want := question{people: tt.people, place: tt.place, topic: tt.topic, subject: tt.subject, kinds: tt.kinds}
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(question{})); diff != "" {
			t.Errorf("parseQuestion(%q) (-want +got):\n%s", tt.q, diff)
		}
	}
}
