package knowledge

import (
	"slices"
	"testing"
)

// Positions marks wording the first time a speaker uses it on a topic, so
// a timeline shows when the language changed.
func TestPositionsMarkFirstWording(t *testing.T) {
	ix, _ := linkedIndex(t)
	es, err := ix.Positions(t.Context(), "Ito", "North Korea")
	if err != nil {
		t.Fatal(err)
	}
	first := map[string]string{} // phrase -> date of the entry that marks it
	for _, e := range es {
		t.Logf("%s %s: %q new=%q", e.Date, e.Speaker, e.Text, e.New)
		for _, p := range e.New {
			if d, ok := first[p]; ok {
				t.Errorf("%q marked new on %s and again on %s", p, d, e.Date)
			}
			first[p] = e.Date
		}
	}
	for phrase, date := range map[string]string{
		"ballistic missile":         "2025-03-04",
		"complete denuclearization": "2025-03-11",
	} {
		if first[phrase] != date {
			t.Errorf("%q first marked on %q, want %s", phrase, first[phrase], date)
		}
	}
	for _, e := range es {
		if e.Date == "2025-03-11" && slices.Contains(e.New, "serious concern") {
			t.Error("serious concern, said before, is marked new again")
		}
	}
}

func TestMarkNewWording(t *testing.T) {
	es := MarkNewWording([]Entry{
		{Speaker: "Kenji Ito", Date: "2025-01-01", Text: "Prime Minister Ito said the launches were a matter of serious concern."},
		{Speaker: "Kenji Ito", Date: "2025-02-01", Text: "Regarding North Korea, Prime Minister Ito called for denuclearization and voiced serious concern."},
		{Speaker: "Kenji Ito", Date: "2025-03-01", Text: "Prime Minister Ito said Japan keeps its one China policy, and called for denuclearization."},
		{Speaker: "Min-jun Park", Date: "2025-03-01", Text: "President Park spoke of serious concern."},
	})
	want := [][]string{
		{"serious concern"},
		{"denuclearization"},
		{"one china"},
		{"serious concern"}, // another speaker's first time
	}
	for i, w := range want {
		for _, p := range w {
			if !slices.Contains(es[i].New, p) {
				t.Errorf("entry %d: New = %q, want %q", i, es[i].New, p)
			}
		}
	}
	if slices.Contains(es[1].New, "serious concern") || slices.Contains(es[2].New, "denuclearization") {
		t.Errorf("wording said before is marked again: %q / %q", es[1].New, es[2].New)
	}
	for _, e := range es {
		for _, p := range e.New {
			if p == "korea prime" || p == "ito" || p == "prime minister" {
				t.Errorf("New holds %q: a phrase across a comma, or the speaker's name", p)
			}
		}
	}
}
