package knowledge

import (
	"context"
	"strings"
	"testing"
)

// venueMeetings are invented: a dialogue whose readout opens with where it
// was held and ends with where the next one will be, and two other
// meetings that share the dialogue's rare words.
var venueMeetings = map[string]Meeting{
	"dialogue.md": {
		Title: "Ostland-Nordmark-Veloria Quadrilateral Energy Dialogue held in Tallvik", Date: "2026-03-12", Location: "Tallvik", Kind: KindInPerson,
		Participants: []Participant{
			{Name: "Ilse Marquardt", Title: "Foreign Minister", Affiliation: "Ostland"},
			{Name: "Arvid Solheim", Title: "Foreign Minister", Affiliation: "Nordmark"},
			{Name: "Tomas Reyes", Title: "Foreign Minister", Affiliation: "Veloria"}},
		Text: "The Third Ostland–Nordmark–Veloria Quadrilateral Energy Dialogue was held in Tallvik today under the chairmanship of Foreign Minister Ilse Marquardt.\n" +
			"The ministers reviewed progress on the Kalder Banks wind corridor.\n" +
			"Minister Solheim said Nordmark would fund the grid study and expressed Nordmark's readiness to host the next quadrilateral dialogue in Harrowgate in 2027.",
	},
	"prep.md": {
		Title: "Quadrilateral Energy Dialogue: Ostland and Veloria ministers meet in Brenna", Date: "2025-06-04", Location: "Brenna", Kind: KindInPerson,
		Participants: []Participant{
			{Name: "Ilse Marquardt", Title: "Foreign Minister", Affiliation: "Ostland"},
			{Name: "Tomas Reyes", Title: "Foreign Minister", Affiliation: "Veloria"}},
		Text: "Foreign Minister Ilse Marquardt met Foreign Minister Tomas Reyes in Brenna on the margins of the Quadrilateral Energy Dialogue preparatory session.\n" +
			"They discussed the Kalder Banks wind corridor.",
	},
	"visit.md": {
		Title: "Foreign Minister Solheim receives Foreign Minister Reyes", Date: "2025-09-09", Location: "Harrowgate", Kind: KindInPerson,
		Participants: []Participant{
			{Name: "Arvid Solheim", Title: "Foreign Minister", Affiliation: "Nordmark"},
			{Name: "Tomas Reyes", Title: "Foreign Minister", Affiliation: "Veloria"}},
		Text: "Foreign Minister Arvid Solheim received Foreign Minister Tomas Reyes in Harrowgate.\n" +
			"They discussed the Ostland–Nordmark–Veloria energy dialogue and fisheries.",
	},
}

// TestAskNextVenue: where the next meeting of a series will be is in the
// sentence that says so, not in the opening sentence on where this one
// was held, however many rare words that sentence shares with the question.
func TestAskNextVenue(t *testing.T) {
	ctx := context.Background()
	ix := newMapIndex(t, venueMeetings)
	for _, q := range []string{
		"Where will the next Ostland-Nordmark-Veloria quadrilateral dialogue be hosted?",
		"Where will the next quadrilateral energy dialogue be held?",
		"Where will the ministers meet next?",
	} {
		ans, err := ix.Ask(ctx, q)
		if err != nil {
			t.Fatalf("Ask(%q): %v", q, err)
		}
		if len(ans.Quotes) == 0 || !strings.Contains(ans.Quotes[0].Text, "Harrowgate in 2027") {
			t.Errorf("Ask(%q) does not quote the next venue first:\n%s", q, ans.Text)
		}
		for _, qt := range ans.Quotes {
			if strings.Contains(qt.Text, "was held in Tallvik") {
				t.Errorf("Ask(%q) quotes where this meeting was held:\n%s", q, ans.Text)
			}
		}
	}
}
