package knowledge

import "testing"

// A city's name inside a name introduced by an office or an honorific is
// part of the name ("Tavares Lima", "Pedro Santiago Lima"); a headline's
// verb before a city keeps the city a place.
func TestCitySurnamesStayInNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []Participant
	}{
		{
			name: "a city as the last surname",
			text: "Brasília, 3 May 2026\n\nPresident Ana Souza received Ambassador of Portugal Marcos Tavares Lima, who came to bid farewell, in Brasília today.\n\nPresident Souza thanked him.",
			want: []Participant{
				{Name: "Ana Souza", Title: "President", Affiliation: "Brazil"},
				{Name: "Marcos Tavares Lima", Title: "Ambassador", Affiliation: "Portugal"},
			},
		},
		{
			name: "two cities as a given name and a surname",
			text: "Quito, 3 May 2026\n\nPresident Ana Souza met Foreign Minister Pedro Santiago Lima of Peru in Quito today.\n\nPresident Souza thanked him.",
			want: []Participant{
				{Name: "Ana Souza", Title: "President", Affiliation: "Ecuador"},
				{Name: "Pedro Santiago Lima", Title: "Foreign Minister", Affiliation: "Peru"},
			},
		},
		{
			name: "a headline's verb before the city",
			text: "Minister Tane Visits Suva\n\nSuva, 3 May 2026\n\nMinister of Foreign Affairs Rawiri Tane met Prime Minister Jone Vakalala of Fiji in Suva today.\n\nMinister Tane thanked him.",
			want: []Participant{
				{Name: "Rawiri Tane", Title: "Minister of Foreign Affairs", Affiliation: ""},
				{Name: "Jone Vakalala", Title: "Prime Minister", Affiliation: "Fiji"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			checkParticipants(t, tt.text, tt.want)
		})
	}
}
