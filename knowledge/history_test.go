package knowledge

import (
	"errors"
	"strings"
	"testing"
)

func TestHistoryCountsMeetingsOnce(t *testing.T) {
	ix, _ := linkedIndex(t)
	tests := []struct {
		name                  string
		q                     HistoryQuery
		count, inPerson, call int
		last                  string
		levels                map[Level]int
		topTopic              string
	}{
		{
			// The first call has two readouts (Japan's and Korea's): it
			// counts once, beside the call a week later.
			name: "two people", q: HistoryQuery{A: "Ito", B: "Park"},
			count: 2, call: 2, last: "2025-03-11",
			levels: map[Level]int{LevelLeaders: 2}, topTopic: "north korea",
		},
		{
			name: "two countries", q: HistoryQuery{A: "Japan", B: "Republic of Korea"},
			count: 3, inPerson: 1, call: 2, last: "2025-03-11",
			levels: map[Level]int{LevelLeaders: 2, LevelMinisters: 1}, topTopic: "north korea",
		},
		{
			name: "since", q: HistoryQuery{A: "Korea", B: "Japan", Since: "2025-03-05"},
			count: 1, call: 1, last: "2025-03-11",
			levels: map[Level]int{LevelLeaders: 1},
		},
		{
			// Washington dates the call a day before Tokyo does: one call.
			name: "across time zones", q: HistoryQuery{A: "United States", B: "Kenji Ito"},
			count: 1, call: 1, last: "2025-04-02",
			levels: map[Level]int{LevelLeaders: 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := ix.History(t.Context(), tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if len(h.Encounters) != tt.count || h.InPerson != tt.inPerson || h.Calls != tt.call {
				for _, e := range h.Encounters {
					t.Logf("%s %s (%d readouts)", e.Meeting().Date, e.Meeting().Title, len(e.Readouts))
				}
				t.Fatalf("%d encounters (%d in person, %d calls), want %d (%d, %d)", len(h.Encounters), h.InPerson, h.Calls, tt.count, tt.inPerson, tt.call)
			}
			if got := h.Encounters[0].Meeting().Date; got != tt.last {
				t.Errorf("last = %s, want %s", got, tt.last)
			}
			for l, n := range tt.levels {
				if h.Levels[l] != n {
					t.Errorf("levels = %v, want %v", h.Levels, tt.levels)
				}
			}
			if tt.topTopic != "" && (len(h.Topics) == 0 || !strings.Contains(strings.ToLower(h.Topics[0].Topic), tt.topTopic)) {
				t.Errorf("topics = %+v, want %q first", h.Topics, tt.topTopic)
			}
		})
	}
	if _, err := ix.History(t.Context(), HistoryQuery{A: "Ito", B: "Nobody Atall"}); !errors.Is(err, ErrNotFound) {
		t.Errorf("strangers: err = %v, want ErrNotFound", err)
	}
}

func TestLevelOf(t *testing.T) {
	for title, want := range map[string]Level{
		"Prime Minister":               LevelLeaders,
		"President":                    LevelLeaders,
		"Secretary-General":            LevelLeaders,
		"Minister for Foreign Affairs": LevelMinisters,
		"Secretary of State":           LevelMinisters,
		"Vice President":               LevelOfficials,
		"Deputy Foreign Minister":      LevelOfficials,
		"Ambassador":                   LevelOfficials,
		"":                             LevelUnknown,
	} {
		if got := LevelOf(title); got != want {
			t.Errorf("LevelOf(%q) = %q, want %q", title, got, want)
		}
	}
}
