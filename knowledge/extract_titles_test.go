package knowledge

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Honorifics and the words of a long office stay inside one participant:
// no word of them becomes a person of its own, and a name set off by a
// comma after its office keeps that office and country.
func TestTitlesStayWithTheirPerson(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []Participant
	}{
		{
			name: "an envoy's full rank",
			text: "4 May 2026\n\nOn 4 May 2026, Ms. Lena Ortiz, Minister of Foreign Affairs of Chile, received H.E. Mr. Tobias Aberg, Ambassador Extraordinary and Plenipotentiary of Sweden to Chile, at the Ministry in Santiago.",
			want: []Participant{
				{Name: "Lena Ortiz", Title: "Minister of Foreign Affairs", Affiliation: "Chile"},
				{Name: "Tobias Aberg", Title: "Ambassador Extraordinary and Plenipotentiary of Sweden to Chile", Affiliation: "Sweden"},
			},
		},
		{
			name: "Malay courtesy titles before a name",
			text: "3 March 2026\n\nThe Minister of Defence of Malaysia, YB Dato' Sri Haji Rahim Osman Yusof, held a telephone call with the Minister of Defence of Indonesia, Mr. Budi Santoso, on 3 March 2026.\n\nMinister Budi Santoso spoke of Indonesia's plans as APEC Chair.",
			want: []Participant{
				{Name: "Rahim Osman Yusof", Title: "Minister of Defence", Affiliation: "Malaysia"},
				{Name: "Budi Santoso", Title: "Minister of Defence", Affiliation: "Indonesia"},
			},
		},
		{
			name: "the Hon. after an office and a comma",
			text: "9 June 2026\n\nKingston, Jamaica — Commonwealth Secretary-General Dr. Ana Pereira paid a courtesy call on the Prime Minister of Jamaica, the Hon. Paul Whyte, at Jamaica House on Tuesday.",
			want: []Participant{
				{Name: "Ana Pereira", Title: "Secretary-General", Affiliation: "Commonwealth"},
				{Name: "Paul Whyte", Title: "Prime Minister", Affiliation: "Jamaica"},
			},
		},
		{
			name: "an office that lists its portfolios with commas",
			text: "Norwegian President meets Ghana's Minister of Planning on cocoa trade\n\n12 May 2026\n\nPresident Ola Berg of Norway on Monday met Ghana's Minister of Planning, Economic Development and Regional Integration, Dr. Kofi Mensah, in Oslo.",
			want: []Participant{
				{Name: "Ola Berg", Title: "President", Affiliation: "Norway"},
				{Name: "Kofi Mensah", Title: "Minister of Planning, Economic Development and Regional Integration", Affiliation: "Ghana"},
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

// The head of a development bank or regional body belongs to it, not to
// a country its text happens to name.
func TestOrganisationHeadBelongsToOrganisation(t *testing.T) {
	t.Parallel()
	text := "10 March 2026\n\nInter-American Development Bank President Dr. Luis Ferro on Tuesday received Peru's Minister of Economy, Ms. Ana Torres, at the Bank's offices in Washington.\n\nAbout the IDB: its largest borrowers include Brazil and Mexico."
	m, err := extractPlain(t, "t.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	want := []Participant{
		{Name: "Luis Ferro", Title: "President", Affiliation: "Inter-American Development Bank"},
		{Name: "Ana Torres", Title: "Minister of Economy", Affiliation: "Peru"},
	}
	if diff := cmp.Diff(want, m.Participants); diff != "" {
		t.Errorf("participants (-want +got):\n%s", diff)
	}
}

// A venue followed by "in City, Country" takes the city, even one the
// city tables do not list.
func TestVenueCityBeforeCountry(t *testing.T) {
	t.Parallel()
	text := "2 April 2026\n\nFund Managing Director Ms. Irene Walsh on Thursday met the Ivorian Minister of Finance, Mr. Yao Koffi, at the Fund's offices in Bouaké, Côte d'Ivoire."
	m, err := extractPlain(t, "t.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Fund's offices, Bouaké"; m.Location != want {
		t.Errorf("location = %q, want %q", m.Location, want)
	}
}

// The head of an institution the tables do not know takes its full name,
// as the readout writes it, and the office that follows it.
func TestUnknownInstitutionHead(t *testing.T) {
	t.Parallel()
	text := "11 March 2026\n\nCoastal Resilience Fund Managing Director Dr. Tove Eklund on Wednesday met Fiji's Minister of Finance, Mr. Jone Vula, in Suva.\n\nThe Fund's shareholders include Sweden, Japan and Korea."
	m, err := extractPlain(t, "t.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	want := []Participant{
		{Name: "Tove Eklund", Title: "Managing Director", Affiliation: "Coastal Resilience Fund"},
		{Name: "Jone Vula", Title: "Minister of Finance", Affiliation: "Fiji"},
	}
	if diff := cmp.Diff(want, m.Participants); diff != "" {
		t.Errorf("participants (-want +got):\n%s", diff)
	}
}

// A 24-hour time marked "hrs" is the meeting's time, with or without a
// separator and a preposition before it.
func TestClockHrs(t *testing.T) {
	t.Parallel()
	tests := []struct{ s, want string }{
		{"The talks began at 09.15 hrs. in the ministry.", "09:15"},
		{"On 3 May 2026, 1430 hrs, the minister received the envoy.", "14:30"},
		{"The two delegations met from 16:00 hrs until dinner.", "16:00"},
		{"The fund spent 1500 hours on training.", ""},
		{"Trade rose by 2026 in 12.5 hrs of talks.", ""},
	}
	for _, tt := range tests {
		if got := findTime(tt.s); got != tt.want {
			t.Errorf("findTime(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}
