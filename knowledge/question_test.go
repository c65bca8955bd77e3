package knowledge

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// fakeNames is a nameIndex over a fixed list of people.
type fakeNames []string

func (f fakeNames) isNameWord(w string) bool {
	for _, n := range f {
		for _, x := range ixWords(n) {
			if x == w {
				return true
			}
		}
	}
	return false
}

func (f fakeNames) isAffWord(w string) bool { return w == "japan" || w == "france" }

func (f fakeNames) peopleWith(words []string) []string {
	var out []string
	for _, n := range f {
		if ixHasAll(ixWords(n), words) {
			out = append(out, n)
		}
	}
	return out
}

var testPeople = fakeNames{"Aiko Tanabe", "Lucas Moreau", "Kang Min-ji", "Khalid bin Salman", "Jonas Niinistö", "Ban Ju-won"}

func TestParseQuestion(t *testing.T) {
	tests := []struct {
		q    string
		want question
	}{
		{"When did Tanabe and Moreau speak by phone?", question{
			people: [][]string{{"tanabe"}, {"moreau"}}, kinds: []Kind{KindTelephone}, hardKind: true, askWhen: true, subject: []string{"tanabe"}}},
		{"Who did Aiko Tanabe meet on 3 May 2019?", question{
			people: [][]string{{"aiko", "tanabe"}}, from: "2019-05-03", to: "2019-05-03", day: "2019-05-03",
			kinds: []Kind{KindInPerson}, askWho: true, subject: []string{"aiko", "tanabe"}}},
		{"What did Kang Min-ji demand about export controls in July 2006?", question{
			people: [][]string{{"kang", "min", "ji"}}, from: "2006-07-01", to: "2006-07-31",
			topic: []string{"demand", "export", "controls"}, about: []string{"export", "controls"}, subject: []string{"kang", "min", "ji"}}},
		{"Did the Tanabe–Moreau call take place on March 18?", question{
			people: [][]string{{"tanabe"}, {"moreau"}}, monthDay: "03-18", kinds: []Kind{KindTelephone, KindVideo}, subject: []string{"tanabe"}, askDid: true}},
		{"Where did Khalid bin Salman meet Niinistö in 2019-02-15?", question{
			people: [][]string{{"khalid", "bin", "salman"}, {"niinisto"}}, from: "2019-02-15", to: "2019-02-15", day: "2019-02-15",
			kinds: []Kind{KindInPerson}, askWhere: true, subject: []string{"khalid", "bin", "salman"}}},
		{"How long did the Ban-Tanabe meeting last?", question{
			people: [][]string{{"ban"}, {"tanabe"}}, kinds: []Kind{KindInPerson}, askDuration: true, subject: []string{"ban"}}},
		{"What did the UN Secretary-General tell Tanabe in early 2013?", question{
			people: [][]string{{"tanabe"}}, roles: []string{"united", "nations", "secretary", "general"}, from: "2013-01-01", to: "2013-12-31",
			topic: []string{"un"}, weak: []string{"un"}, subject: []string{"united", "nations", "secretary", "general"}}},
		{"What did Japan's Prime Minister say to Moreau?", question{
			people: [][]string{{"moreau"}}, roles: []string{"japan", "prime", "minister"},
			topic: []string{"japan"}, weak: []string{"japan"}, subject: []string{"japan", "prime", "minister"}}},
		{"What did Kang Min-ji demand regarding export controls in July 2006?", question{
			people: [][]string{{"kang", "min", "ji"}}, from: "2006-07-01", to: "2006-07-31",
			topic: []string{"demand", "export", "controls"}, about: []string{"export", "controls"}, subject: []string{"kang", "min", "ji"}}},
		{"Who signed the release on the Moreau visit?", question{
			people: [][]string{{"moreau"}}, kinds: []Kind{KindInPerson}, askWho: true, askSource: true,
			topic: []string{"signed", "release", "visit"}}},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			got := parseQuestion(tt.q, testPeople)
			tt.want.text = tt.q
			opts := []cmp.Option{cmp.AllowUnexported(question{}), cmpopts.EquateEmpty(), cmpopts.IgnoreFields(question{}, "unknown")}
			if diff := cmp.Diff(tt.want, got, opts...); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func FuzzParseQuestion(f *testing.F) {
	for _, s := range []string{
		"When did Tanabe and Moreau speak by phone?",
		"Who did Aiko Tanabe meet on 3 May 2019?",
		"What did Kang Min-ji say about exports in July 2006?",
		"Did the Tanabe–Moreau call take place on March 18?",
		"When was 2020-02-15 31st of December 1999 may 12",
		"Ban's Niinistö's O'Neill 'quoted' \u00a0 \u200b",
		"",
		"2019-13-45 September 99, 2019",
		strings.Repeat("Tanabe ", 50),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		pq := parseQuestion(q, testPeople)
		for _, d := range []string{pq.from, pq.to, pq.day} {
			if d != "" && !isoDate.MatchString(d) {
				t.Errorf("date %q is not YYYY-MM-DD", d)
			}
		}
		if pq.from > pq.to {
			t.Errorf("from %q after to %q", pq.from, pq.to)
		}
		for _, p := range pq.people {
			if len(p) == 0 || len(testPeople.peopleWith(p)) == 0 {
				t.Errorf("person %q matches nobody", p)
			}
		}
		for _, w := range pq.topic {
			if !utf8.ValidString(w) || w == "" {
				t.Errorf("bad topic word %q", w)
			}
		}
	})
}

func BenchmarkParseQuestion(b *testing.B) {
	for b.Loop() {
		parseQuestion("What did Aiko Tanabe tell Moreau about rare earth supply on 3 May 2019?", testPeople)
	}
}

func TestParseQuestionEndsAndWho(t *testing.T) {
	tests := []struct {
		q                     string
		latest, first, askWho bool
	}{
		{q: "When did Tanabe and Moreau last meet?", latest: true},
		{q: "How long did the most recent call between Tanabe and Moreau last?", latest: true},
		{q: "when did tanabe first speak to moreau", first: true},
		{q: "Which countries did Tanabe call in May 2019?", askWho: true},
		{q: "Which leader placed the call between Tanabe and Moreau?"}, // who of one meeting, not a list
		{q: "What did Tanabe say at the meeting?"},
	}
	for _, tt := range tests {
		pq := parseQuestion(tt.q, testPeople)
		if pq.askLatest != tt.latest || pq.askFirst != tt.first || pq.askWho != tt.askWho {
			t.Errorf("parseQuestion(%q): latest %v first %v who %v; want %v %v %v", tt.q,
				pq.askLatest, pq.askFirst, pq.askWho, tt.latest, tt.first, tt.askWho)
		}
	}
}
