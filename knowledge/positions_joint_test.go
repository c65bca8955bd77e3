package knowledge

import "testing"

// TestJointTail checks where a relative clause whose subject is all sides
// starts inside one speaker's clause, and that one whose subject is not
// all sides, or whose antecedent has no verb of its own, is left whole.
func TestJointTail(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, s, joint string // joint is the text from the cut, "" for none
	}{
		{"after which", "Mr Oduya asked for help with coast guard training, after which the two leaders agreed to sign a fisheries accord",
			"the two leaders agreed to sign a fisheries accord"},
		{"following which", "She presented the census results, following which both sides decided to set up a statistics office",
			"both sides decided to set up a statistics office"},
		{"which after and-verb", "Minister Ralte raised port fees and discussed the annual Maritime Dialogue, which the two agreed to hold in Aizawl",
			"discussed the annual Maritime Dialogue, which the two agreed to hold in Aizawl"},
		{"which with no verb before", "Minister Ralte proposed a joint commission, which the two agreed to convene in May", ""},
		{"which with another subject", "Minister Ralte raised port fees and discussed the dialogue, which the ministry plans to host", ""},
		{"which and a capitalised word", "Minister Ralte met Kenya and Uganda, which the two agreed to visit", ""},
		{"no relative clause", "Minister Ralte raised port fees and the two agreed to meet again", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, cut, ok := jointTail(tt.s)
			got := ""
			if ok {
				got = tt.s[cut:]
			}
			if got != tt.joint {
				t.Errorf("jointTail(%q) joint part %q, want %q", tt.s, got, tt.joint)
			}
		})
	}
}

// TestJointRelativeClause checks that what both sides agreed in a relative
// clause is theirs, while the rest of the sentence stays its speaker's,
// and a pronoun after it still means that speaker.
func TestJointRelativeClause(t *testing.T) {
	t.Parallel()
	tests := []speakerCase{
		{
			name: "which the two agreed, then a pronoun",
			text: "Minister of Foreign Affairs meets Minister of Foreign Affairs of Mizoram\n\n4 April 2026\n\n" +
				"Minister of Foreign Affairs Tenzin Dorjee Wangmo received Minister of Foreign Affairs Lalremruata Ralte in Thimphu on Monday.\n\n" +
				"Minister Ralte raised port fees and discussed the annual Maritime Dialogue, which the two agreed to hold in Aizawl in June. He also praised the hydropower exports.\n\n" +
				"Minister Wangmo thanked him for the support on glacier monitoring.\n",
			want: map[string]string{"port fees": "Ralte", "Maritime Dialogue": BothSides, "hydropower": "Ralte", "glacier": "Wangmo"},
		},
		{
			name: "after which the two leaders agreed",
			text: "Prime Minister receives Prime Minister of Tuvalu\n\n4 April 2026\n\n" +
				"Prime Minister Ana Lualua welcomed Prime Minister Peni Oduya of Tuvalu to Apia for talks on Tuesday, with Ms Lualua telling her guest that Samoa wanted joint patrols, while Mr Oduya asked for help with coast guard training, after which the two leaders agreed to sign a fisheries accord before December.\n",
			want: map[string]string{"joint patrols": "Lualua", "coast guard": "Oduya", "fisheries accord": BothSides},
		},
	}
	runSpeakerCases(t, tests)
}
