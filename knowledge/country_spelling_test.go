package knowledge

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A country keeps the spelling its readout uses most ("Viet Nam",
// "Turkey"); an adjective ("Vietnamese") is no spelling of the name.
func TestReadoutSpellsCountry(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []string // affiliations, in order
	}{
		{
			name: "two words for one",
			text: "8 April 2026\n\nOn 8 April 2026, Prime Minister Le Van Hoa of Viet Nam met Prime Minister Jonas Dahl of Norway in Oslo. Viet Nam and Norway agreed to expand trade.",
			want: []string{"Viet Nam", "Norway"},
		},
		{
			name: "the tables' spelling, and an adjective that does not count",
			text: "8 April 2026\n\nOn 8 April 2026, Prime Minister Le Van Hoa of Vietnam met Prime Minister Jonas Dahl of Norway in Oslo. The Vietnamese side welcomed Norwegian investment.",
			want: []string{"Vietnam", "Norway"},
		},
		{
			name: "the spelling used more often wins",
			text: "9 April 2026\n\nOn 9 April 2026, Foreign Minister Selin Kaya of Türkiye met Foreign Minister Anna Berg of Sweden in Stockholm. Sweden and Turkey discussed trade. Turkey hopes to host the next round.",
			want: []string{"Turkey", "Sweden"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, err := Parse("t.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			m, err := Extract(r)
			if err != nil {
				t.Fatal(err)
			}
			newDoc(r).spellAffiliations(m.Participants)
			var got []string
			for _, p := range m.Participants {
				got = append(got, p.Affiliation)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("affiliations (-want +got):\n%s", diff)
			}
		})
	}
}

// Every spelling of a country is one country when matching: its one name,
// the words to index, and two sides' readouts compared.
func TestCountrySpellingsMatch(t *testing.T) {
	t.Parallel()
	tests := []struct {
		aff, name, text string
	}{
		{aff: "Viet Nam", name: "Vietnam", text: "Viet Nam Vietnam"},
		{aff: "Vietnam", name: "Vietnam", text: "Vietnam Viet Nam"},
		{aff: "Turkey", name: "Türkiye", text: "Turkey Türkiye"},
		{aff: "Burma", name: "Myanmar", text: "Burma Myanmar"},
		{aff: "Japan", name: "Japan", text: "Japan"},
		{aff: "United Nations", name: "United Nations", text: "United Nations"},
		{aff: "Andean Forum", name: "Andean Forum", text: "Andean Forum"},
		{aff: "", name: "", text: ""},
	}
	for _, tt := range tests {
		if got := CountryName(tt.aff); got != tt.name {
			t.Errorf("CountryName(%q) = %q, want %q", tt.aff, got, tt.name)
		}
		if got := AffiliationText(tt.aff); got != tt.text {
			t.Errorf("AffiliationText(%q) = %q, want %q", tt.aff, got, tt.text)
		}
		if tt.aff != "" && !sameAffiliation(tt.aff, tt.name) {
			t.Errorf("sameAffiliation(%q, %q) = false", tt.aff, tt.name)
		}
	}
}
