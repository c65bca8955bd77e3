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

// TestRoleSubjects checks subjects that name a principal by role: a
// counterpart of the last speaker, the guest and the host as the meeting
// sentence casts them, the agent of "was briefed by", and each person of
// ", with X stressing A and Y emphasising B".
func TestRoleSubjects(t *testing.T) {
	t.Parallel()
	tests := []speakerCase{
		{
			name: "counterpart, guest and host",
			text: "Norway and Chile discuss energy\n\n4 April 2026\n\n" +
				"Minister of Foreign Affairs Halvard Rønning received the Minister of Foreign Affairs of Chile, Camila Orrego Fuentes, in Oslo today.\n\n" +
				"Minister Rønning presented Norway's plans for offshore wind. His counterpart highlighted Chile's lithium reserves.\n\n" +
				"The guest also invited Norwegian firms to the Antofagasta hydrogen hub. The host welcomed the invitation and proposed a salmon health study.\n",
			want: map[string]string{"offshore wind": "Halvard Rønning", "lithium": "Camila Orrego Fuentes",
				"Antofagasta": "Camila Orrego Fuentes", "salmon health": "Halvard Rønning"},
		},
		{
			name: "the guest called on the host",
			text: "Ghana and Japan discuss ports\n\n4 April 2026\n\n" +
				"Minister of Transport Yaw Ofori-Mensah called on Minister of Land, Infrastructure and Transport Hayashida Ren in Tokyo today.\n\n" +
				"The host outlined Japan's port digitalisation grants. The guest asked for help dredging Takoradi harbour.\n",
			want: map[string]string{"digitalisation": "Hayashida Ren", "Takoradi": "Yaw Ofori-Mensah"},
		},
		{
			name: "the guest is on a visit",
			text: "Uzbekistan and Georgia hold talks\n\n4 April 2026\n\n" +
				"Minister of Foreign Affairs Rustam Aliyarov met the Minister of Foreign Affairs of Georgia, Nino Kvaratskhelia-Beridze, who is in Tashkent on an official visit.\n\n" +
				"Minister Aliyarov proposed a new rail corridor. The visiting minister asked for direct flights to Batumi.\n",
			want: map[string]string{"rail corridor": "Rustam Aliyarov", "Batumi": "Nino Kvaratskhelia-Beridze"},
		},
		{
			name: "briefed by",
			text: "South Africa and Austria hold call\n\n4 April 2026\n\n" +
				"Prime Minister Nkosana Dlamini-Moyo spoke with Chancellor Brigitte Aufhauser of Austria by telephone today.\n\n" +
				"Prime Minister Dlamini-Moyo was briefed by the Chancellor on the Danube Commission. The Prime Minister asked for more Austrian tourists.\n",
			want: map[string]string{"Danube Commission": "Brigitte Aufhauser", "tourists": "Nkosana Dlamini-Moyo"},
		},
		{
			name: "with each stressing",
			text: "Poland and Afghanistan discuss aid\n\n4 April 2026\n\n" +
				"Foreign Minister Tomasz Wielgosz met Foreign Minister Ayesha Rahimi of Afghanistan in Warsaw today.\n\n" +
				"The ministers discussed humanitarian aid, with Minister Wielgosz stressing girls' education and Minister Rahimi emphasising earthquake reconstruction.\n\n" +
				"Minister Wielgosz discussed trade, with Minister Rahimi of Afghanistan present.\n",
			want: map[string]string{"humanitarian aid": BothSides, "girls' education": "Tomasz Wielgosz",
				"earthquake": "Ayesha Rahimi", "present": "Tomasz Wielgosz"},
		},
	}
	runSpeakerCases(t, tests)
}

// TestRoleReference checks which openings name a principal by role.
func TestRoleReference(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s    string
		want int
	}{
		{"His counterpart noted the plan.", roleCounterpart},
		{"Her Chilean counterpart, in turn, agreed.", roleCounterpart},
		{"His Excellency noted the plan.", roleNone},
		{"The guest thanked the host.", roleGuest},
		{"The visiting minister asked for aid.", roleGuest},
		{"The host welcomed the idea.", roleHost},
		{"The host country will pay.", roleNone},
		{"The host of the summit, Japan, agreed.", roleNone},
	}
	for _, tt := range tests {
		if got := roleReference(tt.s); got != tt.want {
			t.Errorf("roleReference(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestTurnClauses checks clauses that turn to another speaker after "to
// which", "whereupon" and "after which" followed by a person.
func TestTurnClauses(t *testing.T) {
	t.Parallel()
	runSpeakerCases(t, []speakerCase{{
		name: "to which, whereupon, after which",
		text: "Czechia and Kenya hold talks\n\n4 April 2026\n\n" +
			"Foreign Minister Petra Vondráčková received Foreign Minister Samuel Kiprop Ruto-Lagat of Kenya in Prague today.\n\n" +
			"Minister Vondráčková asked about the security of Czech investors in Mombasa, to which Minister Ruto-Lagat responded that a new investment court would open in May.\n\n" +
			"Minister Ruto-Lagat requested visa facilitation for Kenyan students, whereupon Minister Vondráčková promised to review the procedure.\n\n" +
			"Minister Ruto-Lagat described the drought, after which Minister Vondráčková pledged water pumps.\n",
		want: map[string]string{"Czech investors": "Vondráčková", "investment court": "Ruto-Lagat", "visa facilitation": "Ruto-Lagat",
			"review the procedure": "Vondráčková", "drought": "Ruto-Lagat", "water pumps": "Vondráčková"},
	}})
}
