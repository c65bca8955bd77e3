package knowledge

import "testing"

// A dateline in a capital tells whose readout it is, unless the meeting
// was at an event held in that city: then the publisher is named elsewhere.
func TestDatelineCapitalGivesIssuer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []Participant
	}{
		{
			name: "a bilateral meeting at home",
			text: "Muscat, 3 June 2026\n\nThe Minister of Foreign Affairs, Sayyid Talal Al Harthy, received today Mr. Lars Eklund, Minister of State of Sweden.",
			want: []Participant{
				{Name: "Talal Al Harthy", Title: "Minister of Foreign Affairs", Affiliation: "Oman"},
				{Name: "Lars Eklund", Title: "Minister of State", Affiliation: "Sweden"},
			},
		},
		{
			name: "talks on the margins of a summit in the dateline's city",
			text: "source: Office of the Prime Minister, Samoa\n---\nHoniara, Solomon Islands\n4 June 2026\n\nThe Prime Minister, Hon. Tavita Leota, held talks with the Prime Minister of Tonga, Hon. Sione Fifita, on the margins of the Forum Economic Ministers Meeting in Honiara this morning.",
			want: []Participant{
				{Name: "Tavita Leota", Title: "Prime Minister", Affiliation: "Samoa"},
				{Name: "Sione Fifita", Title: "Prime Minister", Affiliation: "Tonga"},
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
