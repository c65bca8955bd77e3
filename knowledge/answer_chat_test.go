package knowledge

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// chatMeetings are invented meetings of invented people, extracted by hand,
// for questions typed the way people type in chat: lower case, no question
// mark, short forms of offices, names from memory.
var chatMeetings = map[string]Meeting{
	// The extractor gave the host no affiliation.
	"oyarzun-tammekivi.md": {
		Title: "Foreign Minister Oyarzun meets Foreign Minister Tammekivi", Date: "2023-11-20", Kind: KindInPerson,
		SourceURL: "https://example.org/chat/oyarzun-tammekivi",
		Participants: []Participant{
			{Name: "Marta Oyarzun", Title: "Minister of Foreign Affairs"},
			{Name: "Rein Tammekivi", Title: "Minister of Foreign Affairs", Affiliation: "Estonia"}},
		Text: "Minister Marta Oyarzun received Foreign Minister Rein Tammekivi of Estonia.\n" +
			"The Peruvian Minister highlighted copper exports to the Baltic ports.",
	},
	"velloso-tammekivi-call.md": {
		Title: "Prime Minister Velloso speaks with Foreign Minister Tammekivi", Date: "2024-02-06", Kind: KindTelephone,
		Time: "20:00", DurationMinutes: 25, SourceURL: "https://example.org/chat/velloso-tammekivi-call",
		Participants: []Participant{
			{Name: "Joana Velloso", Title: "Prime Minister", Affiliation: "Portugal"},
			{Name: "Rein Tammekivi", Title: "Minister of Foreign Affairs", Affiliation: "Estonia"}},
		Text: "Prime Minister Joana Velloso spoke by telephone with Foreign Minister Rein Tammekivi of Estonia.\n" +
			"Prime Minister Velloso urged faster approval of the undersea cable project.\n" +
			"Minister Tammekivi offered cyber training for Portuguese officials.\n" +
			"They agreed to meet in person in Lisbon in the spring.",
	},
	"velloso-tammekivi-lisbon.md": {
		Title: "Prime Minister Velloso receives Foreign Minister Tammekivi", Date: "2025-05-14", Kind: KindInPerson,
		Time: "09:30", DurationMinutes: 90, Location: "Lisbon", SourceURL: "https://example.org/chat/velloso-tammekivi-lisbon",
		Participants: []Participant{
			{Name: "Joana Velloso", Title: "Prime Minister", Affiliation: "Portugal"},
			{Name: "Rein Tammekivi", Title: "Minister of Foreign Affairs", Affiliation: "Estonia"}},
		Text: "Prime Minister Joana Velloso received Foreign Minister Rein Tammekivi in Lisbon.\n" +
			"They reviewed wind energy projects on the Atlantic coast.\n" +
			"The two sides agreed to convene the Coastal Border Committee in Tartu in June 2026.\n" +
			"Both ministers agreed to open a joint maritime institute in Tallinn in the autumn.",
	},
}

func TestAskChatQuestions(t *testing.T) {
	ix := newMapIndex(t, chatMeetings)
	tests := []struct {
		name    string
		q       string
		prefix  string // the answer begins with it
		want    []string
		notWant []string
	}{
		{name: "at what time gives the end as well as the start",
			q: "at what time did velloso and tammekivi meet", want: []string{"09:30", "11:00"}},
		{name: "a list line gives the clock span",
			q: "when did velloso and tammekivi meet", want: []string{"20:00–20:25", "09:30–11:00"}},
		{name: "pm is the prime minister",
			q: "what did the portuguese pm urge", want: []string{"undersea cable"}},
		{name: "fm is the foreign minister",
			q: "what did the estonian fm offer", want: []string{"cyber training"}},
		{name: "a lower-case country before an office names the side",
			q: "what did the estonia foreign minister offer", want: []string{"cyber training"}},
		{name: "whats the date asks when",
			q: "whats the date of velloso's call with tammekivi", want: []string{"6 February 2024"}},
		{name: "yes first when they met in the month asked",
			q: "did velloso meet tammekivi in may", prefix: "Yes.", want: []string{"14 May 2025"}},
		{name: "no first when they did not meet in the year asked",
			q: "did velloso meet tammekivi in 2019", prefix: "No.", want: []string{"14 May 2025", "6 February 2024"}},
		{name: "no first when no meeting of the kind asked",
			q: "did velloso and tammekivi speak by video", prefix: "No.", want: []string{"6 February 2024"}},
		{name: "yes first when they met at all",
			q: "did velloso and tammekivi meet in person", prefix: "Yes."},
		{name: "a name one letter off is the indexed name",
			q: "when did velloso speak with tamekivi", want: []string{"6 February 2024"}},
		{name: "a name with two letters swapped is the indexed name",
			q: "when did velloso talk to tammekiiv by phone", want: []string{"6 February 2024"}},
		{name: "general alone is no office",
			q: "when will the coastal border committee meet", want: []string{"Tartu", "June 2026"}},
		{name: "who'd is who did",
			q: "who'd velloso meet in lisbon", want: []string{"Tammekivi", "14 May 2025"}, notWant: []string{"6 February 2024"}},
		{name: "a lower-case place after visit is where they met",
			q: "when did tammekivi visit lisbon", want: []string{"14 May 2025"}, notWant: []string{"6 February 2024"}},
		{name: "what was discussed at a place quotes what was said there",
			q: "what was discussed in lisbon", want: []string{"wind energy"}},
		{name: "the call names the kind of meeting",
			q: "how long was the call between velloso and tammekivi", want: []string{"25 minutes"}, notWant: []string{"90 minutes"}},
		{name: "a call may plan a meeting in person",
			q: "where will velloso and tammekivi meet in person", want: []string{"in the spring"}},
		{name: "length asks how long",
			q: "velloso tammekivi call length", want: []string{"25 minutes"}},
		{name: "who is gives the office and the meetings",
			q: "whos tammekivi", prefix: "Rein Tammekivi: Minister of Foreign Affairs (Estonia)", want: []string{"14 May 2025"}},
		{name: "who's is who is",
			q: "who's joana velloso", prefix: "Joana Velloso: Prime Minister (Portugal)"},
		{name: "a yes-or-no question by offices begins with yes",
			q: "did the portuguese pm meet the estonian fm in person", prefix: "Yes.", want: []string{"14 May 2025"}},
		{name: "a place asked of what is to come is where it will be",
			q: "when will they meet in tallinn", want: []string{"in the autumn"}},
		{name: "a country in the text stands for an affiliation not extracted",
			q: "what did the peruvian minister highlight", want: []string{"copper exports"}},
		{name: "which ministers did she talk to lists whom",
			q: "which ministers did tammekivi talk to", want: []string{"Velloso", "Oyarzun"}},
		{name: "which officials did she host lists whom",
			q: "what officials did tammekivi see", want: []string{"Velloso", "Oyarzun"}},
		{name: "what is to come is not the visit just made",
			q: "when will tammekivi visit lisbon", want: []string{"in the spring"}},
		{name: "no readout of the two sides asked by office is a plain no",
			q: "did the portuguese pm meet the peruvian minister", prefix: "No.", want: []string{"Portugal and Peru"}},
		{name: "a side named only in the text is no plain no",
			q: "did the estonian fm meet the peruvian minister", want: []string{"Oyarzun"}, notWant: []string{"No."}},
		{name: "abt is about",
			q: "wat did tammekivi say abt cyber", want: []string{"cyber training"}},
		{name: "a lower-case name in a name slot beside a capitalised one",
			q: "did velloso meet Tammekivi in 2019?", prefix: "No.", want: []string{"14 May 2025"}},
		{name: "outcomes are what was agreed",
			q: "what were the outcomes of the lisbon meeting between velloso and tammekivi", want: []string{"Coastal Border Committee"}},
		{name: "was there a call asks yes or no of the offices",
			q: "was there a call between the portuguese prime minister and the estonian foreign minister", prefix: "Yes.", want: []string{"6 February 2024"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ans, err := ix.Ask(context.Background(), tt.q)
			if err != nil {
				t.Fatalf("Ask(%q): %v", tt.q, err)
			}
			if !strings.HasPrefix(ans.Text, tt.prefix) {
				t.Errorf("Ask(%q) = %q, want it to begin with %q", tt.q, ans.Text, tt.prefix)
			}
			checkAnswerText(t, ans.Text, tt.want, tt.notWant)
		})
	}
}

func TestAskChatRefuses(t *testing.T) {
	ix := newMapIndex(t, chatMeetings)
	for _, q := range []string{
		"what did velloso say about the ice hockey league", // no readout uses the words
		"when did velloso meet borrowdale",                 // someone never indexed, typed in lower case
		"when did borrowdale and tammekivi meet",
	} {
		if _, err := ix.Ask(context.Background(), q); !errors.Is(err, ErrNoAnswer) {
			t.Errorf("Ask(%q) err = %v, want ErrNoAnswer", q, err)
		}
	}
}

func TestParseQuestionChat(t *testing.T) {
	names := newMapIndex(t, chatMeetings).terms
	tests := []struct {
		q       string
		roles   []string
		subject []string
		month   string
		when    bool
		did     bool
	}{
		{q: "what did the portuguese pm say", roles: []string{"portugal", "prime", "minister"},
			subject: []string{"portugal", "prime", "minister"}},
		{q: "what did the estonian fm offer", roles: []string{"estonia", "foreign", "minister"},
			subject: []string{"estonia", "foreign", "minister"}},
		{q: "what happened at 9 pm", roles: nil}, // after a number, pm is the time of day
		{q: "whats the date of the lisbon meeting", when: true},
		{q: "date of the velloso tammekivi call", when: true},
		{q: "what did portugal and estonia agree", roles: []string{"portugal", "estonia"}}, // lower-case countries are sides too
		{q: "velloso tammekivi call when", when: true},
		{q: "did velloso meet tammekivi in march", month: "03", did: true, subject: []string{"velloso"}},
		{q: "when will the general assembly meet", when: false},
		{q: "was there a call between them", did: true},
		{q: "who'd velloso meet", subject: []string{"velloso"}},
	}
	for _, tt := range tests {
		pq := parseQuestion(tt.q, names)
		got := question{roles: pq.roles, subject: pq.subject, month: pq.month, askWhen: pq.askWhen, askDid: pq.askDid}
		want := question{roles: tt.roles, subject: tt.subject, month: tt.month, askWhen: tt.when, askDid: tt.did}
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(question{})); diff != "" {
			t.Errorf("parseQuestion(%q) (-want +got):\n%s", tt.q, diff)
		}
	}
}

func TestClockEnd(t *testing.T) {
	tests := []struct {
		start string
		mins  int
		want  string
		ok    bool
	}{
		{"10:00", 75, "11:15", true},
		{"21:00", 30, "21:30", true},
		{"23:40", 30, "", false}, // past midnight
		{"10:00", 0, "", false},
		{"", 30, "", false},
		{"9:00", 30, "", false},
	}
	for _, tt := range tests {
		got, ok := clockEnd(tt.start, tt.mins)
		if got != tt.want || ok != tt.ok {
			t.Errorf("clockEnd(%q, %d) = %q, %v, want %q, %v", tt.start, tt.mins, got, ok, tt.want, tt.ok)
		}
	}
}

func TestEditDistance(t *testing.T) {
	tests := []struct {
		a, b  string
		limit int
		want  int
	}{
		{"wehrhan", "wehrhahn", 2, 1},
		{"hovsepian", "hovsepyan", 2, 1},
		{"tammekiiv", "tammekivi", 2, 1}, // swapped letters
		{"abcdef", "uvwxyz", 2, 3},       // stops above the limit
		{"same", "same", 1, 0},
	}
	for _, tt := range tests {
		if got := editDistance([]rune(tt.a), []rune(tt.b), tt.limit); got != tt.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.limit, got, tt.want)
		}
	}
}
