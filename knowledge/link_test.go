package knowledge

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The fixtures in testdata/linked are written for these tests: one call
// reported by Japan and by Korea (same day), one reported by the United
// States and Japan (a day apart: evening in Washington, morning in Tokyo),
// a second Korea-Japan call a week after the first, and a foreign
// ministers' meeting.

// linkedIndex is a real index (real extractor) holding testdata/linked.
func linkedIndex(tb testing.TB) (*Index, map[string]Meeting) {
	tb.Helper()
	now := time.Date(2025, 4, 3, 9, 0, 0, 0, time.UTC)
	ix, err := Open(filepath.Join(tb.TempDir(), "index"), Options{Now: func() time.Time { return now }})
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { ix.Close() })
	paths, err := filepath.Glob(filepath.Join("testdata", "linked", "*.md"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no linked fixtures: %v", err)
	}
	var rs []Readout
	for _, p := range paths {
		r, err := ReadFile(p)
		if err != nil {
			tb.Fatalf("read %s: %v", p, err)
		}
		r.Name = filepath.Base(p)
		rs = append(rs, r)
	}
	res, err := ix.Add(context.Background(), rs...)
	if err != nil {
		tb.Fatalf("add: %v", err)
	}
	byName := map[string]Meeting{}
	for _, r := range res {
		if r.Err != nil {
			tb.Fatalf("add %s: %v", r.Name, r.Err)
		}
		byName[strings.TrimSuffix(r.Name, ".md")] = r.Meeting
	}
	return ix, byName
}

func meetingIDs(ms []Meeting) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	slices.Sort(out)
	return out
}

func TestRelatedLinksBothSidesOnly(t *testing.T) {
	ix, m := linkedIndex(t)
	jpKr, krJp := m["jp-2025-03-04-ito-park-call"], m["kr-2025-03-04-park-ito-call"]
	usJp, jpUs := m["us-2025-04-01-lane-ito-call"], m["jp-2025-04-02-ito-lane-call"]
	weekLater := m["kr-2025-03-11-park-ito-call"]
	tests := []struct {
		name string
		of   Meeting
		want []Meeting
	}{
		{"Japan's readout finds Korea's", jpKr, []Meeting{krJp}},
		{"Korea's readout finds Japan's", krJp, []Meeting{jpKr}},
		{"a day apart across time zones", usJp, []Meeting{jpUs}},
		{"and back", jpUs, []Meeting{usJp}},
		{"the call a week later stands alone", weekLater, nil},
		{"a meeting one side reported", m["jp-2025-02-10-sato-cho-meeting"], nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ix.Related(t.Context(), tt.of.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(meetingIDs(got), meetingIDs(tt.want)) {
				t.Errorf("Related(%s %s) = %v, want %v", tt.of.Date, tt.of.Title, meetingIDs(got), meetingIDs(tt.want))
			}
		})
	}
	if _, err := ix.Related(t.Context(), "no-such-meeting"); err == nil {
		t.Error("Related of an unknown id: want ErrNotFound")
	}
}

func TestSameMeetingRules(t *testing.T) {
	ito := Participant{Name: "Kenji Ito", Title: "Prime Minister", Affiliation: "Japan"}
	park := Participant{Name: "Park Min-jun", Title: "President", Affiliation: "South Korea"}
	base := Meeting{ID: "a", Date: "2025-03-04", Kind: KindTelephone, Source: "Japan", Participants: []Participant{ito, park}}
	other := func(edit func(*Meeting)) Meeting {
		m := base
		m.ID, m.Source = "b", "Korea"
		m.Participants = []Participant{park, ito}
		edit(&m)
		return m
	}
	tests := []struct {
		name string
		b    Meeting
		want bool
	}{
		{"same call, other publisher", other(func(*Meeting) {}), true},
		{"surname only", other(func(m *Meeting) {
			m.Participants = []Participant{{Name: "Park", Title: "President", Affiliation: "South Korea"}, {Name: "Ito", Affiliation: "Japan"}}
		}), true},
		{"office instead of name", other(func(m *Meeting) {
			m.Participants = []Participant{park, {Title: "Prime Minister", Affiliation: "Japan"}}
		}), true},
		{"next day, other publisher", other(func(m *Meeting) { m.Date = "2025-03-05" }), true},
		{"next day, same publisher", other(func(m *Meeting) { m.Date = "2025-03-05"; m.Source = "Japan" }), false},
		{"a week apart", other(func(m *Meeting) { m.Date = "2025-03-11" }), false},
		{"two days apart", other(func(m *Meeting) { m.Date = "2025-03-06" }), false},
		{"in person, not a call", other(func(m *Meeting) { m.Kind = KindInPerson }), false},
		{"kind unknown", other(func(m *Meeting) { m.Kind = KindOther }), true},
		{"another counterpart", other(func(m *Meeting) {
			m.Participants = []Participant{ito, {Name: "Thomas Lane", Title: "President", Affiliation: "United States"}}
		}), false},
		{"same surname, other country", other(func(m *Meeting) {
			m.Participants = []Participant{park, {Name: "Ito", Title: "Minister", Affiliation: "Brazil"}}
		}), false},
		{"no date", other(func(m *Meeting) { m.Date = "" }), false},
		{"a country by another name", other(func(m *Meeting) {
			m.Participants = []Participant{{Name: "Park Min-jun", Title: "President", Affiliation: "Republic of Korea"}, ito}
		}), true},
		{"one side named only", other(func(m *Meeting) { m.Participants = []Participant{park} }), false},
		{"a trilateral beside the bilateral", other(func(m *Meeting) {
			m.Participants = []Participant{park, ito, {Name: "Thomas Lane", Title: "President", Affiliation: "United States"}}
		}), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SameMeeting(base, tt.b); got != tt.want {
				t.Errorf("SameMeeting = %v, want %v", got, tt.want)
			}
			if got := SameMeeting(tt.b, base); got != tt.want {
				t.Errorf("SameMeeting reversed = %v, want %v", got, tt.want)
			}
		})
	}
}

// topicNames lists the topics of accounts, lower-cased.
func topicNames(ts []TopicAccounts) []string {
	var out []string
	for _, t := range ts {
		out = append(out, strings.ToLower(t.Topic))
	}
	return out
}

func hasTopic(ts []TopicAccounts, word string) bool {
	for _, n := range topicNames(ts) {
		if strings.Contains(n, word) {
			return true
		}
	}
	return false
}

func TestCompareBothSides(t *testing.T) {
	ix, m := linkedIndex(t)
	jp := m["jp-2025-03-04-ito-park-call"]
	rel, err := ix.Related(t.Context(), jp.ID)
	if err != nil {
		t.Fatal(err)
	}
	c := Compare(append([]Meeting{jp}, rel...))
	if len(c.Sides) != 2 || c.Sides[0].Publisher != "Ministry of Foreign Affairs of Japan" ||
		!strings.Contains(c.Sides[1].Publisher, "Korea") {
		t.Fatalf("sides = %+v", c.Sides)
	}
	// Both readouts speak of North Korea's launches: one shared topic, with
	// each side's own statement.
	shared := c.Shared()
	if !hasTopic(shared, "north korea") {
		t.Errorf("shared topics %q lack North Korea", topicNames(shared))
	}
	for _, ta := range shared {
		if strings.Contains(strings.ToLower(ta.Topic), "north korea") {
			for _, a := range ta.Accounts {
				if len(a.Positions) == 0 {
					t.Errorf("side %d has no statement on North Korea: %+v", a.Side, a)
				}
			}
		}
	}
	// Only Japan raised the abductions issue; only Korea the supply chains.
	if only := c.OnlyBy(0); !hasTopic(only, "abduction") || hasTopic(only, "north korea") {
		t.Errorf("only Japan: %q, want the abductions issue and not North Korea", topicNames(only))
	}
	if only := c.OnlyBy(1); !hasTopic(only, "supply chains") || hasTopic(only, "abduction") {
		t.Errorf("only Korea: %q, want supply chains", topicNames(only))
	}
}

func TestCompareMentionInPassingIsNotOneSided(t *testing.T) {
	a := Meeting{ID: "a", Source: "A", Topics: []string{"Senkaku Islands"},
		Positions: []Position{{Speaker: "X", Topic: "Senkaku Islands", Text: "X spoke of the Senkaku Islands."}}}
	b := Meeting{ID: "b", Source: "B", Text: "The two sides spoke for an hour. Y affirmed the treaty covers the Senkaku Islands. They parted."}
	c := Compare([]Meeting{a, b})
	if len(c.OnlyBy(0)) != 0 {
		t.Fatalf("a topic the other side names in passing was called one-sided: %+v", c.Topics)
	}
	if got := c.Topics[0].Accounts[1].Mention; !strings.Contains(got, "treaty covers") {
		t.Errorf("mention = %q, want B's sentence", got)
	}
}

func TestCleanTopic(t *testing.T) {
	for in, want := range map[string]string{
		"Korean Peninsula and called": "Korean Peninsula",
		"North Korea's":               "North Korea",
		"agreed":                      "",
		"semiconductor supply chains": "semiconductor supply chains",
	} {
		if got := cleanTopic(in); got != want {
			t.Errorf("cleanTopic(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestListAnswerCountsBothSidesOnce(t *testing.T) {
	ix, byName := linkedIndex(t)
	ctx := context.Background()
	tests := []struct {
		question string
		meetings int
		cites    []string // readouts whose links the answer must give
	}{
		// Japan's and Korea's readouts of the 4 March call, and Korea's of 11 March.
		{"When did Ito and Park talk?", 2, []string{"jp-2025-03-04-ito-park-call", "kr-2025-03-04-park-ito-call", "kr-2025-03-11-park-ito-call"}},
		// Washington's evening of 1 April is Tokyo's morning of 2 April.
		{"When did Lane and Ito talk?", 1, []string{"us-2025-04-01-lane-ito-call", "jp-2025-04-02-ito-lane-call"}},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			ans, err := ix.Ask(ctx, tt.question)
			if err != nil {
				t.Fatal(err)
			}
			if len(ans.Meetings) != tt.meetings {
				t.Errorf("%d meetings in the answer, want %d:\n%s", len(ans.Meetings), tt.meetings, ans.Text)
			}
			lines := 0
			for _, l := range strings.Split(ans.Text, "\n") {
				if strings.HasPrefix(l, "- ") {
					lines++
				}
			}
			if tt.meetings > 1 && lines != tt.meetings {
				t.Errorf("%d list lines, want %d:\n%s", lines, tt.meetings, ans.Text)
			}
			for _, name := range tt.cites {
				if u := byName[name].SourceURL; !strings.Contains(ans.Text, u) {
					t.Errorf("answer does not cite %s (%s):\n%s", name, u, ans.Text)
				}
			}
		})
	}
}
