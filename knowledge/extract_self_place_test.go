package knowledge

import "testing"

// A minister's own release may put the place before "I" ("Today in Suva I
// met ..."): the signer is still the author, and the place stops before
// the pronoun; a "we" sentence gives the signer's country when no "I"
// sentence does.
func TestFirstPersonAfterPlace(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, meet, place string // place "" is not checked
	}{
		{"time then place", "Today in Suva I met Fiji's Minister for Foreign Affairs, the Hon Josefa Nakarawa.", "Suva"},
		{"place alone, comma", "In Port Vila, I met Vanuatu's Minister of Foreign Affairs, the Hon Josefa Nakarawa.", ""},
		{"place at the end", "Today I met Fiji's Minister for Foreign Affairs, the Hon Josefa Nakarawa, in Suva.", "Suva"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			text := "Meeting with a Pacific minister\n\n18 September 2025\n\n" + tt.meet +
				"\n\nWe discussed Australia's support for regional policing.\n\nSenator the Hon Fiona Ashcombe\nMinister for Foreign Affairs\n"
			m, err := extractPlain(t, "self.txt", text)
			if err != nil {
				t.Fatal(err)
			}
			if tt.place != "" && m.Location != tt.place {
				t.Errorf("location = %q, want %q", m.Location, tt.place)
			}
			found := false
			for _, p := range m.Participants {
				found = found || p.Name == "Fiona Ashcombe" && p.Title == "Minister for Foreign Affairs" && p.Affiliation == "Australia"
			}
			if !found {
				t.Errorf("participants %+v lack the signer Fiona Ashcombe, Minister for Foreign Affairs, Australia", m.Participants)
			}
		})
	}
}
