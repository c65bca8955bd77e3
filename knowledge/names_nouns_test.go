package knowledge

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The nouns of institutions and programmes, the words of an
// organisation's name and an acronym in brackets are not people.
func TestInstitutionWordsAreNotPeople(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []Participant
	}{
		{
			name: "an office ending in a capitalised noun, then the name",
			text: "12 June 2026\n\nCommissioner for Regional Partnerships Ilse Van der Meer met Ghana's Minister of Trade, Kojo Asante, in Accra today. The Commissioner proposed a customs pilot.",
			want: []Participant{
				{Name: "Ilse Van der Meer", Title: "Commissioner for Regional Partnerships", Affiliation: ""},
				{Name: "Kojo Asante", Title: "Minister of Trade", Affiliation: "Ghana"},
			},
		},
		{
			name: "a programme named in the headline and the body",
			text: "Central Banks Widen Cross-Border Payment Settlement Cooperation\n\nJakarta, 13 June 2026\n\nGovernor Budi Hartono met Governor Niran Chaiyasit in Jakarta today. Governor Budi said Cross-Border Payment Settlements (CBPS) had doubled.",
			want: []Participant{
				{Name: "Budi Hartono", Title: "Governor", Affiliation: "Indonesia"},
				{Name: "Niran Chaiyasit", Title: "Governor", Affiliation: ""},
			},
		},
		{
			name: "an organisation's name before its noun",
			text: "14 June 2026\n\nPrime Minister Tom Kalsakau met the Prime Minister of Tonga, Sione Fifita, in Port Vila today. They discussed the Polynesian Leaders Group summit.",
			want: []Participant{
				{Name: "Tom Kalsakau", Title: "Prime Minister", Affiliation: "Vanuatu"},
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

// An acronym in brackets after an organisation is not a second person.
func TestBracketAcronymIsNotAPerson(t *testing.T) {
	t.Parallel()
	text := "Dr. Lucia Ferri, Director-General of the International Fisheries Organization (IFO), met today in Rome with Mr. Kojo Asante."
	var names []string
	for _, m := range findMentions(text) {
		names = append(names, m.name)
	}
	if diff := cmp.Diff([]string{"Lucia Ferri", "Kojo Asante"}, names); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
}

// Short words with an institution's ending are often names, and stay so.
func TestInstitutionEndingsSpareNames(t *testing.T) {
	t.Parallel()
	for _, w := range []string{"clement", "felicity", "constance", "clements", "florence"} {
		if institutionNounWord(w) {
			t.Errorf("institutionNounWord(%q) = true, want false", w)
		}
	}
	for _, w := range []string{"partnerships", "transactions", "decentralization", "sustainability", "governance"} {
		if !institutionNounWord(w) {
			t.Errorf("institutionNounWord(%q) = false, want true", w)
		}
	}
}

// "Member State" names a country of an organisation, never an office or
// a person, while "Member of Parliament" stays an office.
func TestMemberStateIsNoParticipant(t *testing.T) {
	t.Parallel()
	tests := []struct {
		text string
		want []string
	}{
		{"The Council of Ministers met in Perth on 3 March 2026. The Council welcomed the offer of a Member State to host the next session.", nil},
		{"Foreign Minister Ana Ruiz met Ambassador Tomas Vidal in Lima on 3 March 2026. The ministers welcomed the offer of a Member State to host the next round.", []string{"Ana Ruiz", "Tomas Vidal"}},
		{"Foreign Minister Ana Ruiz met Member of Parliament John Okafor in Lagos on 3 March 2026.", []string{"Ana Ruiz", "John Okafor"}},
	}
	for _, tt := range tests {
		m, err := Extract(Readout{Name: "m.md", Title: "Meeting", Text: tt.text})
		if tt.want == nil {
			if !errors.Is(err, ErrNotReadout) {
				t.Errorf("Extract(%q) = %v participants, err %v; want ErrNotReadout", tt.text, m.Participants, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("Extract(%q): %v", tt.text, err)
		}
		var got []string
		for _, p := range m.Participants {
			got = append(got, p.Label())
		}
		if len(got) != len(tt.want) {
			t.Errorf("Extract(%q) participants = %q, want %q", tt.text, got, tt.want)
			continue
		}
		for i := range got {
			if !strings.Contains(got[i], tt.want[i]) {
				t.Errorf("Extract(%q) participants = %q, want %q", tt.text, got, tt.want)
			}
		}
	}
}

// TestInstitutionNounWordGate checks the early exits of
// institutionNounWord against the table they summarise.
func TestInstitutionNounWordGate(t *testing.T) {
	for _, e := range institutionEnds {
		if e.min < 6 {
			t.Errorf("ending %q allows %d bytes; institutionNounWord rules out words under 6", e.end, e.min)
		}
		if !strings.ContainsRune("nsptye", rune(e.end[len(e.end)-1])) {
			t.Errorf("ending %q ends in a letter institutionNounWord rules out", e.end)
		}
	}
}
