package knowledge

import "testing"

func TestWatchMatches(t *testing.T) {
	m := Meeting{
		Participants: []Participant{
			{Name: "Kenji Ito", Title: "Prime Minister", Affiliation: "Japan"},
			{Name: "Park Min-jun", Title: "President", Affiliation: "South Korea"},
		},
		Topics:    []string{"North Korea's", "abductions issue"},
		Positions: []Position{{Speaker: "Park Min-jun", Topic: "semiconductor supply chains", Text: "Park spoke of chips."}},
		Text:      "The leaders spoke of North Korea and, in passing, of Taiwan and of Thomas Lane.",
	}
	tests := []struct {
		name string
		w    Watch
		want bool
	}{
		{"person by surname", Watch{Person: "Ito"}, true},
		{"person by full name", Watch{Person: "Kenji Ito"}, true},
		{"country", Watch{Country: "Japan"}, true},
		{"country by another name", Watch{Country: "Republic of Korea"}, true},
		{"topic of the meeting", Watch{Topic: "North Korea"}, true},
		{"topic of a statement", Watch{Topic: "supply chains"}, true},
		{"all three", Watch{Person: "Park", Country: "Japan", Topic: "abductions"}, true},
		{"a name only in the text", Watch{Person: "Lane"}, false},
		{"a topic only in the text", Watch{Topic: "Taiwan"}, false},
		{"another country", Watch{Country: "France"}, false},
		{"one field fails", Watch{Person: "Ito", Topic: "Taiwan"}, false},
		{"empty", Watch{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.w.Matches(m); got != tt.want {
				t.Errorf("%+v.Matches = %v, want %v", tt.w, got, tt.want)
			}
		})
	}
}
