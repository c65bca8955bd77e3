package knowledge

import "testing"

// Styles written before a name, by publishers around the world, are left
// out of the name and never split it or become a person of their own.
func TestStylesLeftOutOfNames(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []Participant
	}{
		{
			name: "a Fijian chiefly title after Hon.",
			text: "2 June 2026\n\nPrime Minister Hon. Ratu Viliame Tuilau met the Prime Minister of Tonga, Hon. Sione Fifita, in Suva today. Prime Minister Tuilau proposed a joint fisheries patrol.",
			want: []Participant{
				{Name: "Viliame Tuilau", Title: "Prime Minister", Affiliation: "Fiji"},
				{Name: "Sione Fifita", Title: "Prime Minister", Affiliation: "Tonga"},
			},
		},
		{
			name: "an Omani style and a given name that is also a rank",
			text: "Muscat, 3 June 2026\n\nSayyid Talal bin Sultan Al Harthy, Minister of Foreign Affairs, received today Mr. Lars Eklund, Minister of State of Sweden. Sayyid Talal stressed the value of dialogue.",
			want: []Participant{
				{Name: "Talal bin Sultan Al Harthy", Title: "Minister of Foreign Affairs", Affiliation: "Oman"},
				{Name: "Lars Eklund", Title: "Minister of State", Affiliation: "Sweden"},
			},
		},
		{
			name: "an Indian office in Hindi before Shri",
			text: "Posted On: 4 JUN 2026 11:05AM by PIB Delhi\n\nRaksha Mantri Shri Devendra Nath Joshi held talks with the Defence Minister of Ghana, Mr Kwame Boateng, in New Delhi on June 4, 2026. Shri Joshi offered places at staff colleges.",
			want: []Participant{
				{Name: "Devendra Nath Joshi", Title: "Raksha Mantri", Affiliation: "India"},
				{Name: "Kwame Boateng", Title: "Defence Minister", Affiliation: "Ghana"},
			},
		},
		{
			name: "the Rt Hon Dame after an office and a comma",
			text: "5 June 2026\n\nThe Commonwealth Secretary-General, the Rt Hon Dame Helena Ashdown, met the Prime Minister of Fiji, the Hon. Jone Rabuka, in London today. The Secretary-General spoke of ocean finance.",
			want: []Participant{
				{Name: "Helena Ashdown", Title: "Secretary-General", Affiliation: "Commonwealth"},
				{Name: "Jone Rabuka", Title: "Prime Minister", Affiliation: "Fiji"},
			},
		},
		{
			name: "Malay styles of two words",
			text: "6 June 2026\n\nPrime Minister Tan Sri Azlan Harun met the Prime Minister of Samoa, Hon. Tavita Leota, in Putrajaya today.",
			want: []Participant{
				{Name: "Azlan Harun", Title: "Prime Minister", Affiliation: "Malaysia"},
				{Name: "Tavita Leota", Title: "Prime Minister", Affiliation: "Samoa"},
			},
		},
		{
			name: "Spanish styles with their dots",
			text: "7 June 2026\n\nSr. Tomás Arce Villalba, Minister of Foreign Affairs of Peru, met Dña. Elena Sotomayor Ruiz, Minister of Foreign Affairs of Chile, in Lima today.",
			want: []Participant{
				{Name: "Tomás Arce Villalba", Title: "Minister of Foreign Affairs", Affiliation: "Peru"},
				{Name: "Elena Sotomayor Ruiz", Title: "Minister of Foreign Affairs", Affiliation: "Chile"},
			},
		},
		{
			name: "military ranks written short",
			text: "8 June 2026\n\nLt Gen. Omar Farid Saleh, Chief of Staff of Egypt, met Brig. Gen. Anders Holm, Chief of Defence of Denmark, in Cairo today.",
			want: []Participant{
				{Name: "Omar Farid Saleh", Title: "Chief of Staff", Affiliation: "Egypt"},
				{Name: "Anders Holm", Title: "Chief of Defence", Affiliation: "Denmark"},
			},
		},
		{
			name: "an engineer's style, not the Singapore given name",
			text: "9 June 2026\n\nEng. Karim Mansour Haddad, Minister of Water of Jordan, met Mr. Lim Eng Keat, Minister of Finance of Singapore, in Amman today.",
			want: []Participant{
				{Name: "Karim Mansour Haddad", Title: "Minister of Water", Affiliation: "Jordan"},
				{Name: "Lim Eng Keat", Title: "Minister of Finance", Affiliation: "Singapore"},
			},
		},
		{
			name: "a peer and the seat of the peerage",
			text: "10 June 2026\n\nLord Hartley of Wexcombe, Minister of State, met the Foreign Minister of Nepal, Mr. Bikash Thapa, in London today.",
			want: []Participant{
				{Name: "Hartley", Title: "Minister of State", Affiliation: "United Kingdom"},
				{Name: "Bikash Thapa", Title: "Foreign Minister", Affiliation: "Nepal"},
			},
		},
		{
			name: "an abbreviated given name and letters after a name",
			text: "12 June 2026\n\nForeign Adviser Md. Rafiqul Islam met the Prime Minister of Malta, the Rt. Hon. Sir Paul Camilleri KCB KC MP, in Dhaka today.",
			want: []Participant{
				{Name: "Md. Rafiqul Islam", Title: "Foreign Adviser", Affiliation: "Bangladesh"},
				{Name: "Paul Camilleri", Title: "Prime Minister", Affiliation: "Malta"},
			},
		},
		{
			name: "a given name that is also a month's abbreviation",
			text: "13 June 2026\n\nHerr Jan Dvorak, Minister for Europe of Czechia, met Madame Ana Ruiz, Minister for Europe of France, in Prague today.",
			want: []Participant{
				{Name: "Jan Dvorak", Title: "Minister for Europe", Affiliation: "Czechia"},
				{Name: "Ana Ruiz", Title: "Minister for Europe", Affiliation: "France"},
			},
		},
		{
			name: "a Polynesian name that opens with a glottal stop",
			text: "14 June 2026\n\nForeign Minister Ana Ruiz met Tongan Prime Minister Hon. Dr. ʻOfa Lavaka in Lima today.",
			want: []Participant{
				{Name: "Ana Ruiz", Title: "Foreign Minister", Affiliation: "Peru"},
				{Name: "ʻOfa Lavaka", Title: "Prime Minister", Affiliation: "Tonga"},
			},
		},
		{
			name: "Sultan as a given name after an office",
			text: "11 June 2026\n\nMinister Sultan Al Marri met Mr. Kenji Ota, Foreign Minister of Japan, in Abu Dhabi today.",
			want: []Participant{
				{Name: "Sultan Al Marri", Title: "Minister", Affiliation: "United Arab Emirates"},
				{Name: "Kenji Ota", Title: "Foreign Minister", Affiliation: "Japan"},
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

// A ruler's rank stays a rank: only a given name is read into "Sultan".
func TestSultanRankStaysRank(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ text, name string }{
		{"His Majesty Sultan Qasim bin Tarik received the ambassador", "Qasim bin Tarik"},
		{"Prince Nawaf bin Sultan Al Saud received the ambassador", "Nawaf bin Sultan Al Saud"},
	} {
		ms := findMentions(tt.text)
		if len(ms) == 0 || cleanName(ms[0].name) != tt.name {
			t.Errorf("findMentions(%q) = %+v, want first name %q", tt.text, ms, tt.name)
		}
	}
}
