package knowledge

import "testing"

// TestLatterFormer checks which openings refer back to one of two people
// and which name an office ("The former President ...").
func TestLatterFormer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s    string
		want int
	}{
		{"The latter presented a plan.", 1},
		{"the latter, in turn, asked for help.", 1},
		{"The former briefed the latter on the plan.", 0},
		{"The former President of Chile, Ana Rojas, attended.", -1},
		{"The latter half of the meeting was closed.", 1},
		{"Thelatter said.", -1},
		{"The leaders agreed.", -1},
		{"The latter", -1},
	}
	for _, tt := range tests {
		if got := latterFormer(tt.s); got != tt.want {
			t.Errorf("latterFormer(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestImpersonalJoint checks the agentless passives that say what both
// sides said.
func TestImpersonalJoint(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s    string
		want bool
	}{
		{"It was noted that trade had doubled.", true},
		{"It was also stressed that the border must stay open.", true},
		{"It was agreed to meet again in May.", true},
		{"It was a productive meeting.", false},
		{"It was announced later that the talks would resume.", false},
		{"It is noted that trade grew.", false},
	}
	for _, tt := range tests {
		if got := impersonalJoint(tt.s); got != tt.want {
			t.Errorf("impersonalJoint(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestReferenceSubjects checks "the latter" and "the former" as subjects,
// after a sentence that names both people or only one, and inside one
// sentence; and "It was noted that" as both sides'.
func TestReferenceSubjects(t *testing.T) {
	t.Parallel()
	tests := []speakerCase{
		{
			name: "latter after a sentence naming one of two",
			text: "Minister meets Minister of Foreign Affairs of Ghana\n\n4 April 2026\n\n" +
				"Minister of Foreign Affairs Lucia Ferrante received the Minister of Foreign Affairs of Ghana, Kwesi Boakye-Ansah, in Rome today.\n\n" +
				"Minister Ferrante briefed her guest on Italy's plans for the Mattei Plan. The latter presented Ghana's new cocoa processing strategy.\n",
			want: map[string]string{"Mattei Plan": "Lucia Ferrante", "cocoa processing": "Kwesi Boakye-Ansah"},
		},
		{
			name: "former and latter in one sentence",
			text: "Minister of Defence receives Minister of Defence of Norway\n\n4 April 2026\n\n" +
				"Minister of Defence Pieter Hoogeveen hosted the Minister of Defence of Norway, Sindre Aaberg, in Utrecht on Monday.\n\n" +
				"The former briefed the latter on Dutch frigate orders, and the latter presented the Norwegian plan for Arctic patrols.\n",
			want: map[string]string{"frigate orders": "Pieter Hoogeveen", "Arctic patrols": "Sindre Aaberg"},
		},
		{
			name: "it was noted",
			text: "Minister meets Minister of Foreign Affairs of Georgia\n\n4 April 2026\n\n" +
				"Minister of Foreign Affairs Rustam Aliyarov met the Minister of Foreign Affairs of Georgia, Nino Kvaratskhelia-Beridze, in Tashkent today.\n\n" +
				"Minister Aliyarov proposed a new rail corridor. It was noted that direct flights had doubled passenger numbers.\n",
			want: map[string]string{"rail corridor": "Rustam Aliyarov", "direct flights": BothSides},
		},
	}
	runSpeakerCases(t, tests)
}
