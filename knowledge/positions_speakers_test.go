package knowledge

import (
	"strings"
	"testing"
)

// positionSpeaker is the speaker of the first position whose text holds part, and
// whether there is one.
func positionSpeaker(m Meeting, part string) (string, bool) {
	for _, p := range m.Positions {
		if strings.Contains(p.Text, part) {
			return p.Speaker, true
		}
	}
	return "", false
}

// TestSpeakerForms checks speakers named in less common ways: an office by
// its initials ("the SE/DC", "the SG"), a bare style of address ("Her
// Majesty stressed"), a present-tense inverted attribution ("says Minister
// X") and one after a single-quoted quote.
func TestSpeakerForms(t *testing.T) {
	t.Parallel()
	tests := []speakerCase{
		{
			name: "slashed initials then a pronoun",
			text: "Envoy meets Minister of Fisheries of Tonga\n\n4 April 2026\n\n" +
				"The Special Envoy for the Pacific/Deputy Commissioner of the European Commission, Ingrid Halvorsen, met with the Minister of Fisheries of Tonga, Sione Fakatava, in Nuku'alofa on Friday.\n\n" +
				"The SE/DC commended the reef monitoring network and pledged new patrol boats. She urged faster ratification of the high seas treaty.\n\n" +
				"Minister Fakatava requested support for tuna stock surveys.\n",
			want: map[string]string{"patrol boats": "Ingrid Halvorsen", "high seas treaty": "Ingrid Halvorsen", "tuna stock": "Sione Fakatava"},
		},
		{
			name: "plain initials",
			text: "Secretary-General receives Foreign Minister of Chile\n\n4 April 2026\n\n" +
				"Secretary-General Tomás Echeverría of the Andean Forum received Foreign Minister Paula Rivas of Chile in Lima on Monday.\n\n" +
				"The SG outlined the new customs corridor for lithium exports.\n\n" +
				"Minister Rivas raised glacier protection.\n",
			want: map[string]string{"customs corridor": "Tomás Echeverría", "glacier": "Paula Rivas"},
		},
		{
			name: "bare style of address",
			text: "King receives President of Ghana\n\n4 April 2026\n\n" +
				"Her Majesty Queen Amalia of the Netherlands received the President of Ghana, Mr Kofi Mensah-Larbi, at the palace in The Hague.\n\n" +
				"The two sides reviewed trade ties.\n\n" +
				"Her Majesty stressed the value of cocoa supply chains free of child labour.\n\n" +
				"President Mensah-Larbi invited Dutch investment in port logistics.\n",
			want: map[string]string{"cocoa supply": "Amalia", "port logistics": "Kofi Mensah-Larbi"},
		},
		{
			name: "present tense after the quote",
			text: "Prime Minister speaks with Prime Minister of Estonia\n\n4 April 2026\n\n" +
				"Prime Minister Oskar Lindqvist held a phone call with Prime Minister of Estonia Mari Tamm on Friday.\n\n" +
				"\"Energy links across the Gulf of Finland must be guarded. Sabotage will be met with a united response,\" says Prime Minister Oskar Lindqvist.\n\n" +
				"Prime Minister Tamm described the new coastal radar chain.\n",
			want: map[string]string{"Sabotage will be met": "Oskar Lindqvist", "guarded": "Oskar Lindqvist", "coastal radar": "Mari Tamm"},
		},
		{
			name: "single quotes",
			text: "Foreign Minister meets Foreign Minister of Peru\n\n4 April 2026\n\n" +
				"Foreign Minister Astrid Solheim today received Foreign Minister Diego Paredes of Peru in Oslo.\n\n" +
				"Minister Paredes thanked Norway for its support to mine clearance.\n\n" +
				"'Demining gives farmers their land back. That work deserves steady funding,' said Foreign Minister Solheim.\n",
			want: map[string]string{"steady funding": "Astrid Solheim", "mine clearance": "Diego Paredes"},
		},
	}
	runSpeakerCases(t, tests)
}

// TestSpeakerInsideSentence checks who said what within one sentence: a
// quote attributed after it closes belongs wholly to that speaker, even
// when it runs over several sentences and opens with the other side's
// country, and "X stressed A, while al-Y said B" gives B to al-Y.
func TestSpeakerInsideSentence(t *testing.T) {
	t.Parallel()
	tests := []speakerCase{
		{
			name: "quote over sentences with an honorific after it",
			text: "Fund President meets Minister of Finance of Kenya\n\n4 April 2026\n\n" +
				"Regional Fund President Dr. Amara Okonjo-Diallo met Kenya's Minister of Finance, Dr. Peter Wanjiru, in Nairobi on Tuesday.\n\n" +
				"\"Kenya is a founding member of the Fund. We stand ready to lend up to $900 million for rural roads,\" Dr. Okonjo-Diallo said.\n\n" +
				"Minister Wanjiru asked for help with a debt swap for forests.\n",
			want: map[string]string{"founding member": "Amara Okonjo-Diallo", "rural roads": "Amara Okonjo-Diallo", "debt swap": "Peter Wanjiru"},
		},
		{
			name: "while a particle name said",
			text: "Three ministers meet in Cairo\n\n4 April 2026\n\n" +
				"Foreign Minister Samir Haddad of Lebanon hosted Foreign Minister Tarek Mansour of Tunisia and Foreign Minister Yousef al-Khatib of Kuwait in Beirut.\n\n" +
				"Mansour underlined Tunisia's offer of olive oil exports to the region, while al-Khatib said Kuwait would fund a new desalination plant.\n",
			want: map[string]string{"olive oil": "Tarek Mansour", "desalination plant": "Yousef al-Khatib"},
		},
	}
	runSpeakerCases(t, tests)
}

// TestInitialsSubject checks which offices a run of initials names: one
// participant's only, never a country's initials, never two offices that
// share them.
func TestInitialsSubject(t *testing.T) {
	t.Parallel()
	ps := []Participant{
		{Name: "Rosa Lind", Title: "Under Secretary for Trade", Affiliation: "Sweden"},
		{Name: "Omar Farah", Title: "Secretary-General of the Horn Council/Chief Envoy", Affiliation: "Djibouti"},
		{Name: "Ana Cruz", Title: "Prime Minister", Affiliation: "Portugal"},
		{Name: "Joel Marr", Title: "Prime Minister", Affiliation: "Malta"},
	}
	tests := []struct {
		head, want string
	}{
		{"The SG/CE opened the session.", "Omar Farah"},
		{"The SG opened the session.", "Omar Farah"},
		{"The US welcomed the deal.", ""},     // a country, though it spells "Under Secretary"
		{"The PM welcomed the deal.", ""},     // two prime ministers
		{"The SG/PM opened the session.", ""}, // no office has both parts
		{"The Secretary-General spoke.", ""},
	}
	for _, tt := range tests {
		ss := &speakerSet{ps: ps}
		got, ok := ss.initialsSubject(tt.head)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("initialsSubject(%q) = %q, %v; want %q", tt.head, got, ok, tt.want)
		}
	}
}

// speakerCase is an invented readout and, for parts of its positions'
// texts, who must have said them.
type speakerCase struct {
	name, text string
	want       map[string]string // part of a position's text -> speaker
}

func runSpeakerCases(t *testing.T, tests []speakerCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := extractInvented(t, tt.text)
			for part, want := range tt.want {
				got, ok := positionSpeaker(m, part)
				if !ok {
					t.Errorf("no position holds %q: %+v", part, m.Positions)
					continue
				}
				if !strings.Contains(got, want) {
					t.Errorf("%q said by %q, want %q", part, got, want)
				}
			}
		})
	}
}
