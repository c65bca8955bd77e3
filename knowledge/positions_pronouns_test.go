package knowledge

import "testing"

// TestPronounSubjects checks whom "he" and "she" mean: the last speaker,
// also at the start of the next paragraph, unless the readout has shown
// that speaker to be of the other gender (by a pronoun, an honorific or
// "for his part"); then the participant the pronoun fits.
func TestPronounSubjects(t *testing.T) {
	t.Parallel()
	tests := []speakerCase{
		{
			name: "a pronoun opening the next paragraph",
			text: "Minister receives Minister of Trade of Fiji\n\n4 April 2026\n\n" +
				"Minister of Trade Olga Pirogova received the Minister of Trade of Fiji, Mr. Viliame Nakoro, in Minsk on Monday.\n\n" +
				"The two ministers reviewed sugar exports. Minister Nakoro asked for lower tariffs on kava.\n\n" +
				"He also invited a business mission to Suva.\n",
			want: map[string]string{"kava": "Viliame Nakoro", "business mission": "Viliame Nakoro"},
		},
		{
			name: "she after a man who spoke last",
			text: "President meets Prime Minister of Malta\n\n4 April 2026\n\n" +
				"President Dagny Olafsdottir today met the Prime Minister of Malta, Joseph Camilleri-Zahra, in Reykjavik.\n\n" +
				"The President welcomed the new ferry link. She stressed that fishing quotas must follow the science.\n\n" +
				"Prime Minister Camilleri-Zahra described Malta's desalination plants. He noted that Maltese firms could build one in Iceland.\n\n" +
				"She also raised geothermal training for Maltese engineers.\n",
			want: map[string]string{"fishing quotas": "Olafsdottir", "desalination": "Camilleri-Zahra",
				"build one": "Camilleri-Zahra", "geothermal": "Olafsdottir"},
		},
		{
			name: "an honorific tells whom she means after both sides",
			text: "Secretary-General meets Foreign Minister of Benin\n\n4 April 2026\n\n" +
				"Secretary-General Mr. Anders Wikholm met the Foreign Minister of Benin, Ms. Rachida Adjovi, in Geneva on Friday.\n\n" +
				"The two discussed flood warnings. She asked for support to the coastal radar network.\n",
			want: map[string]string{"flood warnings": BothSides, "coastal radar": "Rachida Adjovi"},
		},
		{
			name: "for his part tells whom she does not mean",
			text: "Minister meets Minister of Energy of Chile\n\n4 April 2026\n\n" +
				"Minister of Energy Greta Lindholm met the Minister of Energy of Chile, Tomás Aravena Soto, in Stockholm today.\n\n" +
				"Minister Lindholm presented the offshore wind auctions. Minister Aravena Soto, for his part, outlined copper smelting plans. She then proposed a joint battery study.\n",
			want: map[string]string{"offshore wind": "Greta Lindholm", "copper smelting": "Tomás Aravena Soto", "battery study": "Greta Lindholm"},
		},
		{
			name: "he inside the sentence of a woman",
			text: "Finland and Kenya hold talks\n\n4 April 2026\n\n" +
				"Foreign Minister Aino Kettunen held talks with Foreign Minister Mr. Baraka Otieno of Kenya in Helsinki today.\n\n" +
				"Ms. Kettunen thanked Mr. Otieno for Kenya's role in Somalia, and he highlighted the geothermal plants in Olkaria.\n\n" +
				"Minister Kettunen praised the teachers' exchange, and she also proposed a forestry school.\n",
			want: map[string]string{"Somalia": "Aino Kettunen", "Olkaria": "Baraka Otieno", "forestry school": "Aino Kettunen"},
		},
	}
	runSpeakerCases(t, tests)
}

// TestPronounNotAcross checks that a pronoun after someone who is no
// participant means no participant, in the next paragraph too.
func TestPronounNotAcross(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ name, text, part string }{
		{
			name: "after an envoy",
			text: "June 2, 2026\n\nPresident Maria Lindgren met Prime Minister Sam Okafor of Ghana today. President Lindgren praised the port deal.\n\n" +
				"Special Envoy Tom Ridley briefed the leaders on the talks.\n\nHe said a ceasefire was close.\n",
			part: "ceasefire",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := extractInvented(t, tt.text)
			if who, ok := positionSpeaker(m, tt.part); ok {
				t.Errorf("%q said by %q, want no position", tt.part, who)
			}
		})
	}
}
