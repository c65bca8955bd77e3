package knowledge

import "testing"

// TestKindFromPlace: a meeting with no call or screen word takes its kind
// from a place the sides met at; with neither it stays "other".
func TestKindFromPlace(t *testing.T) {
	tests := []struct {
		name, text string
		want       Kind
	}{
		{"consultation in a capital",
			"Outcome of the 3rd Croatia-Chile Policy Consultation\n\nFirst Vice Minister of Foreign Affairs Ana Kovač held the 3rd Croatia-Chile Policy Consultation with Deputy Minister of Foreign Affairs of Chile Tomás Riquelme on 4 June 2026 in Zagreb. The two sides reviewed trade and agreed to open a direct flight.",
			KindInPerson},
		{"forum with a place",
			"Strategic forum with Jordan\n\nState Secretary Lina Berglund held the annual strategic forum with Deputy Foreign Minister Omar Haddad in Oslo on 2 May 2026. State Secretary Berglund raised the situation in Gaza.",
			KindInPerson},
		{"forum without a place",
			"Strategic forum with Jordan\n\nState Secretary Lina Berglund held the annual strategic forum with Deputy Foreign Minister Omar Haddad on 2 May 2026. State Secretary Berglund raised the situation in Gaza.",
			KindOther},
		{"forum by telephone",
			"Strategic forum with Jordan\n\nState Secretary Lina Berglund held the annual strategic forum by telephone with Deputy Foreign Minister Omar Haddad in Oslo on 2 May 2026. State Secretary Berglund raised the situation in Gaza.",
			KindTelephone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := extractPlain(t, "kind.txt", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if m.Kind != tt.want {
				t.Errorf("kind = %q (location %q), want %q", m.Kind, m.Location, tt.want)
			}
		})
	}
}
