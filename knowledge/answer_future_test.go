package knowledge

import (
	"errors"
	"strings"
	"testing"
)

// futureMeetings are invented meetings whose readouts announce what is
// still to come: a tender, a ministers' meeting, a trip by someone who
// took no part in the meeting that announced it.
var futureMeetings = map[string]Meeting{
	"vale-rask-call.md": {
		Title: "President Vale speaks with Prime Minister Rask", Date: "2024-02-12", Kind: KindTelephone,
		SourceURL: "https://example.org/future/vale-rask-call",
		Participants: []Participant{
			{Name: "Mira Vale", Title: "President", Affiliation: "Ostland"},
			{Name: "Henrik Rask", Title: "Prime Minister", Affiliation: "Nordmark"}},
		Text: "President Mira Vale of Ostland spoke by telephone with Prime Minister Henrik Rask of Nordmark.\n" +
			"The two leaders discussed the undersea cable between Ostland and Nordmark and fisheries quotas.\n" +
			"Prime Minister Rask said Nordmark would open the cable tender in September.\n" +
			"They agreed that their trade ministers will meet in Tallvik next spring.",
		Positions: []Position{
			{Speaker: "Henrik Rask", Topic: "cable tender", Text: "Prime Minister Rask said Nordmark would open the cable tender in September."}},
	},
	"vale-rask-visit.md": {
		Title: "President Vale receives Prime Minister Rask", Date: "2023-05-03", Location: "Ostberg", Kind: KindInPerson,
		SourceURL: "https://example.org/future/vale-rask-visit",
		Participants: []Participant{
			{Name: "Mira Vale", Title: "President", Affiliation: "Ostland"},
			{Name: "Henrik Rask", Title: "Prime Minister", Affiliation: "Nordmark"}},
		Text: "President Vale received Prime Minister Rask in Ostberg. They reviewed fisheries quotas and grain exports.",
	},
	"vale-ito.md": {
		Title: "President Vale meets Foreign Minister Ito", Date: "2024-06-01", Location: "Ostberg", Kind: KindInPerson,
		SourceURL: "https://example.org/future/vale-ito",
		Participants: []Participant{
			{Name: "Mira Vale", Title: "President", Affiliation: "Ostland"},
			{Name: "Ken Ito", Title: "Foreign Minister", Affiliation: "Japan"}},
		Text: "President Vale met Foreign Minister Ken Ito in Ostberg.\n" +
			"President Vale said Foreign Minister Lund will travel to Tokyo in July to prepare the summit.",
	},
	"lund-rask.md": {
		Title: "Foreign Minister Lund meets Prime Minister Rask", Date: "2022-10-10", Location: "Nordby", Kind: KindInPerson,
		SourceURL: "https://example.org/future/lund-rask",
		Participants: []Participant{
			{Name: "Eva Lund", Title: "Foreign Minister", Affiliation: "Ostland"},
			{Name: "Henrik Rask", Title: "Prime Minister", Affiliation: "Nordmark"}},
		Text: "Foreign Minister Eva Lund met Prime Minister Rask in Nordby. They discussed energy prices and a visit to Tokyo.",
	},
}

func newFutureIndex(tb testing.TB) *Index {
	tb.Helper()
	return newMapIndex(tb, futureMeetings)
}

// A question about something still to come is answered by the sentence
// that announces it, quoted first, then the meeting it is from.
func TestAskFuture(t *testing.T) {
	ix := newFutureIndex(t)
	tests := []struct {
		name    string
		q       string
		first   string // the answer starts with this quote
		want    []string
		notWant []string
		none    bool
	}{
		{name: "according to a participant",
			q:       "When will the cable tender open, according to Rask?",
			first:   `"Prime Minister Rask said Nordmark would open the cable tender in September."`,
			want:    []string{"12 February 2024", "https://example.org/future/vale-rask-call"},
			notWant: []string{"2 meetings", "3 May 2023"}},
		{name: "according to a publisher no readout names",
			q:     "Where will the trade ministers meet, according to the Ostberg Palace?",
			first: `"They agreed that their trade ministers will meet in Tallvik next spring."`},
		{name: "the sides named in the question pick no sentence",
			q:     "when will the Ostland-Nordmark trade ministers meet",
			first: `"They agreed that their trade ministers will meet in Tallvik next spring."`},
		{name: "a person named only in the text of another meeting",
			q:       "When will Lund travel to Tokyo?",
			first:   `"President Vale said Foreign Minister Lund will travel to Tokyo in July to prepare the summit."`,
			want:    []string{"1 June 2024"},
			notWant: []string{"10 October 2022"}},
		{name: "a past question still lists the meetings",
			q:    "When did Vale and Rask meet?",
			want: []string{"3 May 2023"}},
		{name: "something no readout mentions",
			q:    "When will Rask visit Antarctica?",
			none: true},
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
			if !strings.HasPrefix(ans.Text, tt.first) {
				t.Errorf("answer does not start with %s:\n%s", tt.first, ans.Text)
			}
			checkAnswerText(t, ans.Text, tt.want, tt.notWant)
		})
	}
}

func TestParseQuestionFuture(t *testing.T) {
	tests := []struct {
		q                       string
		future, fWhen, fWhere   bool
		askWhen                 bool
		subject, source, absent []string // absent: not topic words
	}{
		{q: "When will Tanabe visit Paris according to Moreau?", future: true, fWhen: true,
			subject: []string{"moreau"}, absent: []string{"according"}},
		{q: "According to the Elysee Palace, where will Moreau go next?", future: true, fWhere: true,
			subject: []string{"moreau"}, source: []string{"elysee", "palace"}, absent: []string{"elysee", "palace"}},
		{q: "When did Tanabe meet Moreau according to the Kyodo agency?", askWhen: true,
			subject: []string{"tanabe"}, source: []string{"kyodo", "agency"}, absent: []string{"kyodo", "agency"}},
	}
	for _, tt := range tests {
		pq := parseQuestion(tt.q, testPeople)
		if pq.askFuture != tt.future || pq.futureWhen != tt.fWhen || pq.futureWhere != tt.fWhere || pq.askWhen != tt.askWhen {
			t.Errorf("parseQuestion(%q): future %v when %v where %v askWhen %v; want %v %v %v %v", tt.q,
				pq.askFuture, pq.futureWhen, pq.futureWhere, pq.askWhen, tt.future, tt.fWhen, tt.fWhere, tt.askWhen)
		}
		if strings.Join(pq.subject, " ") != strings.Join(tt.subject, " ") {
			t.Errorf("parseQuestion(%q).subject = %q, want %q", tt.q, pq.subject, tt.subject)
		}
		if strings.Join(pq.source, " ") != strings.Join(tt.source, " ") {
			t.Errorf("parseQuestion(%q).source = %q, want %q", tt.q, pq.source, tt.source)
		}
		for _, w := range tt.absent {
			if strings.Contains(" "+strings.Join(pq.topic, " ")+" ", " "+w+" ") {
				t.Errorf("parseQuestion(%q).topic = %q has %q", tt.q, pq.topic, w)
			}
		}
	}
}
