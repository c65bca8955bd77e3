package knowledge

import (
	"slices"
	"strings"
	"testing"
)

// New wording is salient: no names, places or topic words, no verb-led
// noise, single words only when long, and at most three per entry.
func TestMarkNewWordingSalient(t *testing.T) {
	t.Parallel()
	es := MarkNewWording([]Entry{
		{Speaker: "Kenji Ito", Topic: "North Korea", Date: "2025-01-01",
			Text: "Prime Minister Ito and the United States exchanged views on North Korea, and said the nuclear launches were serious."},
		{Speaker: "Kenji Ito", Topic: "North Korea", Date: "2025-02-01",
			Text: "Prime Minister Ito urged North Korea to abandon its programmes, voiced serious concern and called for complete denuclearization, lasting regional stability, firm deterrence posture and closer trilateral coordination."},
	})
	for _, e := range es {
		if len(e.New) > maxNewWording {
			t.Errorf("%s: %d phrases marked, want at most %d: %q", e.Date, len(e.New), maxNewWording, e.New)
		}
		for _, p := range e.New {
			for _, bad := range []string{"united states", "north korea", "exchanged views", "nuclear", "abandon", "serious", "ito", "korea"} {
				if p == bad {
					t.Errorf("%s: noise %q marked as new wording: %q", e.Date, p, e.New)
				}
			}
			if strings.Contains(p, "ito") {
				t.Errorf("%s: the speaker's name in %q", e.Date, p)
			}
		}
	}
	if !slices.Contains(es[1].New, "serious concern") || !slices.Contains(es[1].New, "complete denuclearization") {
		t.Errorf("New = %q, want serious concern and complete denuclearization", es[1].New)
	}
}
