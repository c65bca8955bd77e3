package knowledge

import "testing"

// An office joins the named person written as its apposition or after its
// institution; a list of portfolios stays one title; a UN agency's head is
// the agency's.
func TestOfficeJoinsItsHolder(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []Participant
	}{
		{
			name: "an honourable office, then a rank and the name as its apposition",
			text: "ACCRA, Ghana – The Honourable Minister of Foreign Affairs, Ambassador Kwesi Ofori Boateng, on Monday received the Minister of Foreign Affairs of Togo, Mr. Koffi Adjavon, at the Ministry in Accra.\n\nAmbassador Ofori Boateng called for joint patrols.",
			want: []Participant{
				{Name: "Kwesi Ofori Boateng", Title: "Minister of Foreign Affairs", Affiliation: "Ghana"},
				{Name: "Koffi Adjavon", Title: "Minister of Foreign Affairs", Affiliation: "Togo"},
			},
		},
		{
			name: "an office held at a ministry, then the holder",
			text: "Doha, 20 May 2026\n\nHE Minister of State at the Ministry of Foreign Affairs Dr. Noura bint Salem Al Kuwari met with HE Minister of Foreign Affairs of Panama Mr. Diego Arosemena Vallarino in Doha today.\n\nHE Dr. Al Kuwari affirmed Qatar's readiness to supply gas.",
			want: []Participant{
				{Name: "Noura bint Salem Al Kuwari", Title: "Minister of State at the Ministry of Foreign Affairs", Affiliation: "Qatar"},
				{Name: "Diego Arosemena Vallarino", Title: "Minister of Foreign Affairs", Affiliation: "Panama"},
			},
		},
		{
			name: "a list of portfolios after the name, and a UN agency's head",
			text: "Paris, 8 July 2026\n\nThe Director-General of UNESCO, Ms Celeste Rivadavia, received Mr Batbayar Oyunbileg, Minister of Culture, Sports, Tourism and Youth of Mongolia, at UNESCO Headquarters on 8 July.\n\nThe Director-General welcomed Mongolia's contribution.",
			want: []Participant{
				{Name: "Celeste Rivadavia", Title: "Director-General", Affiliation: "UNESCO"},
				{Name: "Batbayar Oyunbileg", Title: "Minister of Culture, Sports, Tourism and Youth", Affiliation: "Mongolia"},
			},
		},
		{
			name: "an agency's acronym before its head's office",
			text: "New York, 1 July 2026 — UNDP Administrator Sigrid Ólafsdóttir met today with H.E. Dr. Chimwemwe Nyirenda, President of the Republic of Malawi, at United Nations Headquarters.\n\nThe Administrator commended Malawi's progress.",
			want: []Participant{
				{Name: "Sigrid Ólafsdóttir", Title: "Administrator", Affiliation: "United Nations Development Programme"},
				{Name: "Chimwemwe Nyirenda", Title: "President", Affiliation: "Malawi"},
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

// "at the Ministry of ..." after an office says where the office is held,
// not where anyone met.
func TestOfficeInstitutionIsNoVenue(t *testing.T) {
	t.Parallel()
	m, err := extractPlain(t, "t.txt", "Doha, 20 May 2026\n\nHE Minister of State at the Ministry of Foreign Affairs Dr. Noura bint Salem Al Kuwari met with HE Minister of Foreign Affairs of Panama Mr. Diego Arosemena Vallarino on the sidelines of the Doha Energy Forum.\n\nDr. Al Kuwari affirmed Qatar's readiness to supply gas.")
	if err != nil {
		t.Fatal(err)
	}
	if m.Location != "Doha Energy Forum" {
		t.Errorf("location %q, want %q", m.Location, "Doha Energy Forum")
	}
}

// A principal whose country no phrase states takes the country the text
// names most often, and none when two are named as often.
func TestDominantCountryFillsLastAffiliation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []Participant
	}{
		{
			name: "a minister's country named by demonyms",
			text: "Minister Lehto discussed trade with Kenya\n\nMinister for Foreign Trade Aino Lehto held a video meeting on Tuesday 19 May with Kenya's Cabinet Secretary for Trade Peter Kiprono Lagat.\n\nLehto presented Finnish expertise in forestry and invited Kenyan companies to a Finnish business mission.\n\nCabinet Secretary Lagat proposed a joint investment forum.",
			want: []Participant{
				{Name: "Aino Lehto", Title: "Minister for Foreign Trade", Affiliation: "Finland"},
				{Name: "Peter Kiprono Lagat", Title: "Cabinet Secretary for Trade", Affiliation: "Kenya"},
			},
		},
		{
			name: "a sea named after a country is no country's",
			text: "MALACAÑAN PALACE, 11 August 2026 — President Emilio Dantes held a video conference this morning with Vietnamese President Pham Thi Lan on the South China Sea.\n\nPresident Dantes said the Philippines wants a binding code.",
			want: []Participant{
				{Name: "Emilio Dantes", Title: "President", Affiliation: "Philippines"},
				{Name: "Pham Thi Lan", Title: "President", Affiliation: "Vietnam"},
			},
		},
		{
			name: "two other countries named as often",
			text: "Minister for Foreign Trade Aino Lehto held a video meeting on Tuesday 19 May with Kenya's Cabinet Secretary for Trade Peter Kiprono Lagat.\n\nThey discussed aid to Sudan, aid to Somalia, refugees from Sudan and refugees from Somalia.",
			want: []Participant{
				{Name: "Aino Lehto", Title: "Minister for Foreign Trade", Affiliation: ""},
				{Name: "Peter Kiprono Lagat", Title: "Cabinet Secretary for Trade", Affiliation: "Kenya"},
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

// A plural office before a list of names gives each its singular; small
// states and territories are countries; a lone demonym is the country of
// the one principal without one.
func TestPluralOfficesTerritoriesAndLoneDemonyms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []Participant
	}{
		{
			name: "a plural office, then the names after a dash",
			text: "Tórshavn, 6 May 2026\n\nThe foreign ministers of Iceland, Greenland and the Faroe Islands – Sigrún Hallsdóttir, Nuka Lynge and Jógvan Dahl – met in Tórshavn today on fisheries.\n\nSigrún Hallsdóttir proposed a joint quota.",
			want: []Participant{
				{Name: "Sigrún Hallsdóttir", Title: "Foreign Minister", Affiliation: "Iceland"},
				{Name: "Nuka Lynge", Title: "Foreign Minister", Affiliation: "Greenland"},
				{Name: "Jógvan Dahl", Title: "Foreign Minister", Affiliation: "Faroe Islands"},
			},
		},
		{
			name: "a plural office, then the names after a comma",
			text: "Arica, 7 May 2026\n\nThe defence ministers of Peru and Chile, Julio Castañeda Rey and Paula Errázuriz Vial, met today to review border demining.\n\nMinister Castañeda Rey proposed joint patrols.",
			want: []Participant{
				{Name: "Julio Castañeda Rey", Title: "Defence Minister", Affiliation: "Peru"},
				{Name: "Paula Errázuriz Vial", Title: "Defence Minister", Affiliation: "Chile"},
			},
		},
		{
			name: "a plural office, each name after its own country",
			text: "Montevideo, 12 June 2026\n\nMinister of National Defence Lucía Ferreyra Sosa received today the Defence Ministers of Ecuador, Andrés Villamar Ruales, of Paraguay, Óscar Benítez Ayala, and of Bolivia, Rosa Mamani Quispe, for a meeting on river patrols.\n\nMinister Villamar Ruales proposed a joint exercise.",
			want: []Participant{
				{Name: "Lucía Ferreyra Sosa", Title: "Minister of National Defence", Affiliation: "Uruguay"},
				{Name: "Andrés Villamar Ruales", Title: "Defence Minister", Affiliation: "Ecuador"},
				{Name: "Óscar Benítez Ayala", Title: "Defence Minister", Affiliation: "Paraguay"},
				{Name: "Rosa Mamani Quispe", Title: "Defence Minister", Affiliation: "Bolivia"},
			},
		},
		{
			name: "a Pacific territory's prime minister",
			text: "His Majesty King Siaosi Fifita received in audience at the Royal Palace, Nuku'alofa, on Thursday 9 April 2026, the Prime Minister of Niue, Hon. Tagaloa Pihigia.\n\nHis Majesty discussed climate resilience.",
			want: []Participant{
				{Name: "Siaosi Fifita", Title: "King", Affiliation: "Tonga"},
				{Name: "Tagaloa Pihigia", Title: "Prime Minister", Affiliation: "Niue"},
			},
		},
		{
			name: "one demonym and no other country",
			text: "Vice President Carmen Lagos Herrera held a bilateral meeting with the Deputy Prime Minister of Malaysia, Dato' Sri Haziq Rahman, on November 3, 2026.\n\nThe Deputy Prime Minister invited Honduran students to study in Malaysia.",
			want: []Participant{
				{Name: "Carmen Lagos Herrera", Title: "Vice President", Affiliation: "Honduras"},
				{Name: "Haziq Rahman", Title: "Deputy Prime Minister", Affiliation: "Malaysia"},
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
