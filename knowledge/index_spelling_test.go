package knowledge

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A country one readout spells "Viet Nam" and another "Vietnam" is one
// country to the index: a filter in either spelling finds both meetings,
// the autocomplete list has one entry for it, and the two sides' readouts
// of one call are linked.
func TestIndexCountrySpellings(t *testing.T) {
	ctx := context.Background()
	meetings := map[string]Meeting{
		"hanoi.md": {Title: "Foreign Minister Lam receives the Chilean ambassador", Date: "2026-03-02", Kind: KindInPerson,
			Participants: []Participant{
				{Name: "Tran Minh Lam", Title: "Minister of Foreign Affairs", Affiliation: "Viet Nam"},
				{Name: "Rosa Fuentes", Title: "Ambassador", Affiliation: "Chile"},
			}},
		"santiago.md": {Title: "Minister Fuentes speaks with her Vietnamese counterpart", Date: "2026-04-10", Kind: KindTelephone,
			Participants: []Participant{
				{Name: "Rosa Fuentes", Title: "Minister of Foreign Affairs", Affiliation: "Chile"},
				{Name: "Tran Minh Lam", Title: "Minister of Foreign Affairs", Affiliation: "Vietnam"},
			}},
		"hanoi-call.md": {Title: "Minister Lam holds a phone call with Minister Fuentes", Date: "2026-04-10", Kind: KindTelephone,
			Participants: []Participant{
				{Name: "Tran Minh Lam", Title: "Minister of Foreign Affairs", Affiliation: "Viet Nam"},
				{Name: "Rosa Fuentes", Title: "Minister of Foreign Affairs", Affiliation: "Chile"},
			}},
	}
	for name, m := range meetings {
		m.Text = m.Title + "."
		meetings[name] = m
	}
	ix := newMapIndex(t, meetings)

	for _, country := range []string{"Vietnam", "Viet Nam", "viet nam"} {
		page, err := ix.Meetings(ctx, Filter{Country: country})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 3 {
			t.Errorf("Filter{Country: %q} found %d meetings %q, want all 3", country, page.Total, titles(page.Meetings))
		}
	}

	got, err := ix.Suggest(ctx, FieldCountry, "viet", 25)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Errorf("Suggest(country, viet) = %v, want one entry for the country", got)
	}

	related, err := ix.Related(ctx, fallbackID(Readout{Name: "hanoi-call.md"}))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{meetings["santiago.md"].Title}, titles(related)); diff != "" {
		t.Errorf("Related(the Hanoi readout of the call) (-want +got):\n%s", diff)
	}
}
