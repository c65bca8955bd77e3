package knowledge

import "testing"

// A dateline's places, a Hijri month, a room named after an office and a
// building named "Head Office" are not people; the dateline's city gives
// the host's country; a delegation's leader is of the delegation's
// country or institution.
func TestDatelineAndVenueNamesAreNoParticipants(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []Participant
	}{
		{
			name: "a palace dateline with the city after the comma",
			text: "MALACAÑAN PALACE, Manila – President Teodoro Villareal received Prime Minister of Fiji Sione Ratuvou at the Palace on Monday, 2 March 2026.\n\nPresident Villareal proposed a labour mobility agreement.",
			want: []Participant{
				{Name: "Teodoro Villareal", Title: "President", Affiliation: "Philippines"},
				{Name: "Sione Ratuvou", Title: "Prime Minister", Affiliation: "Fiji"},
			},
		},
		{
			name: "a palace dateline with a region, and the region again after the venue",
			text: "BOGOR PALACE, West Java – President Haryo Pranata received Prime Minister of Samoa Tuilaepa Fonoti at the Bogor Presidential Palace, West Java Province, on Wednesday (21/01/2026).\n\nPresident Pranata offered scholarships.",
			want: []Participant{
				{Name: "Haryo Pranata", Title: "President", Affiliation: ""},
				{Name: "Tuilaepa Fonoti", Title: "Prime Minister", Affiliation: "Samoa"},
			},
		},
		{
			name: "a Hijri date in a news agency dateline",
			text: "Riyadh, Rajab 14, 1447, January 3, 2026, SPA -- His Highness Prince Faisal bin Saad, Minister of Foreign Affairs, received a phone call today from Minister of Foreign Affairs of Portugal Rui Tavares Lobo.\n\nHis Highness stressed the importance of a ceasefire.",
			want: []Participant{
				{Name: "Faisal bin Saad", Title: "Minister of Foreign Affairs", Affiliation: "Saudi Arabia"},
				{Name: "Rui Tavares Lobo", Title: "Minister of Foreign Affairs", Affiliation: "Portugal"},
			},
		},
		{
			name: "a room named after the office of its user, and a delegation led by a ranked deputy",
			text: "Lusaka, 22 July 2026\n\nThe Speaker of the National Assembly, Rt Hon Mary Siame, this morning received a delegation of the Parliament of Ghana led by the Second Deputy Speaker, Mr Kojo Asante, in the Speaker's Chambers at Parliament Buildings.\n\nThe Speaker asked for support in training clerks.",
			want: []Participant{
				{Name: "Mary Siame", Title: "Speaker of the National Assembly", Affiliation: "Zambia"},
				{Name: "Kojo Asante", Title: "Deputy Speaker", Affiliation: "Ghana"},
			},
		},
		{
			name: "a head office, and a delegation of an institution led by its officer",
			text: "Karachi, August 11, 2026\n\nThe Governor of the Central Bank of Oman, Mr. Imran Hafeez, met with a delegation of the Islamic Development Bank (IsDB) led by its Vice-President for Operations, Mr. Malik Osman, at CBO Head Office, Muscat, on Tuesday.\n\nThe Governor briefed the delegation on inflation.",
			want: []Participant{
				{Name: "Imran Hafeez", Title: "Governor of the Central Bank", Affiliation: "Oman"},
				{Name: "Malik Osman", Title: "Vice-President for Operations", Affiliation: "Islamic Development Bank (IsDB)"},
			},
		},
		{
			name: "two counterparts named in the order of their demonyms",
			text: "Quito, 3 April 2026\n\nThe Minister of Foreign Affairs, Lucía Andrade Vela, met today with her Peruvian and Colombian counterparts, Tomás Huamán Ríos and Carolina Restrepo Gil, in Quito.\n\nMinister Andrade Vela proposed a border fund.",
			want: []Participant{
				{Name: "Lucía Andrade Vela", Title: "Minister of Foreign Affairs", Affiliation: "Ecuador"},
				{Name: "Tomás Huamán Ríos", Title: "Minister of Foreign Affairs", Affiliation: "Peru"},
				{Name: "Carolina Restrepo Gil", Title: "Minister of Foreign Affairs", Affiliation: "Colombia"},
			},
		},
		{
			name: "a palace before the office and name, and an office that owns a residence",
			text: "Hanoi, 12 March 2026 – On the afternoon of 12 March, at the Presidential Palace, President Lê Văn Thành received Ambassador of Brazil to Viet Nam Marcos Ribeiro, who came to bid farewell, at the official residence of the President.\n\nPresident Lê Văn Thành proposed more trade.",
			want: []Participant{
				{Name: "Lê Văn Thành", Title: "President", Affiliation: "Viet Nam"},
				{Name: "Marcos Ribeiro", Title: "Ambassador of Brazil to Viet Nam", Affiliation: "Brazil"},
			},
		},
		{
			name: "a counterpart with an honorific and no office",
			text: "Wellington – 14/05/2026\n\nMinister of Foreign Affairs Rawiri Tane met his Fijian counterpart, Hon. Jone Vakalala, in Wellington on Thursday.\n\nMinister Tane announced police training funds.",
			want: []Participant{
				{Name: "Rawiri Tane", Title: "Minister of Foreign Affairs", Affiliation: "New Zealand"},
				{Name: "Jone Vakalala", Title: "Minister of Foreign Affairs", Affiliation: "Fiji"},
			},
		},
		{
			name: "a counterpart named with no office holds the host's office",
			text: "26.08.2026\n\nMinister of Defence Priit Kask met on Wednesday in Tallinn with his Greek counterpart Eleni Papathanou, who is in Estonia on a visit to the Baltic states.\n\nKask proposed joint production of ammunition.",
			want: []Participant{
				{Name: "Priit Kask", Title: "Minister of Defence", Affiliation: "Estonia"},
				{Name: "Eleni Papathanou", Title: "Minister of Defence", Affiliation: "Greece"},
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

// A dateline that opens a paragraph ends at its dash; prose before a dash
// is no dateline.
func TestLeadDatelineEnd(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s    string
		want string
	}{
		{"ISTANA, Singapore – President X met Y.", "ISTANA, Singapore"},
		{"ABU DHABI, 15th June, 2026 (WAM) -- H.H. Sheikh X received Y.", "ABU DHABI, 15th June, 2026 (WAM)"},
		{"Riyadh, Rajab 14, 1447, January 3, 2026, SPA -- His Highness received Y.", "Riyadh, Rajab 14, 1447, January 3, 2026, SPA"},
		{"Manama, Sept. 9 (BNA): Minister X received Y.", "Manama, Sept. 9 (BNA)"},
		{"Kathmandu, Nov. 3: Prime Minister X held talks with Y.", "Kathmandu, Nov. 3"},
		{"The minister said – after the talks – that X met Y.", ""},
		{"The minister said: X met Y.", ""},
		{"President X met Y in Oslo.", ""},
	}
	for _, tt := range tests {
		got := ""
		if end := leadDatelineEnd(tt.s); end >= 0 {
			got = tt.s[:end]
		}
		if got != tt.want {
			t.Errorf("leadDatelineEnd(%q) gives %q, want %q", tt.s, got, tt.want)
		}
	}
}
