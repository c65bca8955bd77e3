package knowledge

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// person is what a test expects of a mention: its name, office and country.
type person struct{ Name, Title, Aff string }

// TestMentionShapes covers name and office shapes that first came up in
// readouts the extractor had never seen: portfolios listed with commas,
// particles joined to a surname by a hyphen.
func TestMentionShapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []person
	}{
		{
			name: "portfolio list with a comma",
			text: "Minister of Foreign Affairs, Trade and Development Anita Rowe met the delegation.",
			want: []person{{"Anita Rowe", "Minister of Foreign Affairs, Trade and Development", ""}},
		},
		{
			name: "hyphenated particles",
			text: "Foreign Minister Yusuf bin Hamad al-Kuwari spoke with Salma el-Tayeb of Sudan.",
			want: []person{{"Yusuf bin Hamad al-Kuwari", "Foreign Minister", ""}, {"Salma el-Tayeb", "", "Sudan"}},
		},
		{
			name: "comma before and between two people",
			text: "Mr. Ito, Minister for Trade, and Ms. Lee, Minister of Finance of Canada, met.",
			want: []person{{"Ito", "Minister for Trade", ""}, {"Lee", "Minister of Finance", "Canada"}},
		},
		{
			name: "one-word name after an office with its portfolio",
			text: "Minister of Trade Suharno met Secretary of Commerce Blake.",
			want: []person{{"Suharno", "Minister of Trade", ""}, {"Blake", "Secretary of Commerce", ""}},
		},
		{
			name: "institution noun after an office is not a name",
			text: "the Minister of Foreign Trade Promotion spoke.",
			want: []person{{"", "Minister of Foreign Trade Promotion", ""}},
		},
		{
			name: "a meal is not a person",
			text: "Governor Ana Ruiz's Working Lunch with Mayor Tom Bell",
			want: []person{{"Ana Ruiz", "Governor", ""}, {"Tom Bell", "Mayor", ""}},
		},
		{
			name: "office written as one hyphenated word",
			text: "Ambassador-at-Large Ruiz met the delegation.",
			want: []person{{"Ruiz", "Ambassador-at-Large", ""}},
		},
		{
			name: "office then a comma and the titled person holding it",
			text: "The Minister of Finance, Professor Ana Duarte, spoke with the Governor.",
			want: []person{{"Ana Duarte", "Minister of Finance", ""}, {"", "Governor", ""}},
		},
		{
			name: "surname after Secretary General",
			text: "Secretary General Tuilagi thanked the Ambassador.",
			want: []person{{"Tuilagi", "Secretary General", ""}, {"", "Ambassador", ""}},
		},
		{
			name: "given name that is also a city",
			text: "Ms. Florence Adeyemi met Minister Lima Duarte and visited Lima.",
			want: []person{{"Florence Adeyemi", "", ""}, {"Lima Duarte", "Minister", ""}},
		},
		{
			name: "church rank before an office",
			text: "Cardinal Marco Bellini, Prefect of the Dicastery for Culture, met the delegation.",
			want: []person{{"Marco Bellini", "Prefect of the Dicastery for Culture", "Holy See"}},
		},
		{
			name: "diaspora portfolio",
			text: "Minister of Foreign Affairs and Expatriates Karim Haddad received the envoy.",
			want: []person{{"Karim Haddad", "Minister of Foreign Affairs and Expatriates", ""}, {"", "Envoy", ""}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got := []person{}
			for _, m := range findMentions(tc.text) {
				got = append(got, person{m.name, m.title, m.aff})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("findMentions(%q) (-want +got):\n%s", tc.text, diff)
			}
		})
	}
}

// extractInvented runs Extract on an invented readout.
func extractInvented(tb testing.TB, text string) Meeting {
	tb.Helper()
	r, err := Parse("invented.txt", []byte(text))
	if err != nil {
		tb.Fatalf("Parse: %v", err)
	}
	m, err := Extract(r)
	if err != nil {
		tb.Fatalf("Extract: %v", err)
	}
	return m
}

// TestExtractPeopleShapes checks participants and their countries on whole
// invented readouts.
func TestExtractPeopleShapes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []Participant
	}{
		{
			// The host's release names no country for its own minister,
			// only a venue in its capital.
			name: "host known by the venue's city",
			text: "Minister Rask welcomes Chilean Foreign Minister Errázuriz\n\n3 April 2026\n\n" +
				"State Minister Jonas Rask received his Chilean counterpart, Paula Errázuriz, at the Ministry in Copenhagen on Friday for talks on fisheries.\n\n" +
				"Minister Errázuriz spoke about copper exports.\n",
			want: []Participant{
				{"Jonas Rask", "State Minister", "Denmark"},
				{"Paula Errázuriz", "Foreign Minister", "Chile"},
			},
		},
		{
			// An organisation's rotating office held by a national
			// minister, repeated bare in the headline: one person.
			name: "body's office held by a national minister",
			text: "Council Chair and Director-General meet Kenyan Minister\n\n4 May 2026\n\n" +
				"GENEVA, 4 May 2026 – The WTO Council Chair, Norwegian Minister of Trade Ola Brekke, and WTO Director-General Mei Tanaka met today with Kenyan Trade Minister Joseph Otieno.\n\n" +
				"Minister Otieno asked for support on cotton subsidies.\n",
			want: []Participant{
				{"Ola Brekke", "WTO Council Chair; Minister of Trade", "Norway"},
				{"Mei Tanaka", "Director-General", "World Trade Organization"},
				{"Joseph Otieno", "Trade Minister", "Kenya"},
			},
		},
		{
			// The Pope named by another title; a relative clause that
			// reports a second meeting adds the people met there.
			name: "papal audience and a later meeting",
			text: "Papal audience for the Prime Minister of Malta\n\n12 March 2026\n\n" +
				"This morning the Supreme Pontiff received in audience Mr. Paul Camilleri, Prime Minister of Malta, who later met with His Eminence Cardinal Pietro Salvi, Secretary of State.\n\n" +
				"The talks touched on migration in the Mediterranean.\n",
			want: []Participant{
				{"", "Pope", "Holy See"},
				{"Paul Camilleri", "Prime Minister", "Malta"},
				{"Pietro Salvi", "Secretary of State", "Holy See"},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := extractInvented(t, tc.text)
			if diff := cmp.Diff(tc.want, m.Participants); diff != "" {
				t.Errorf("participants (-want +got):\n%s", diff)
			}
		})
	}
}

// TestStatementAfterMeeting checks a readout written as one principal's
// quoted statement: the other side is still a participant, and "I" in the
// quotes is the one who issued it.
func TestStatementAfterMeeting(t *testing.T) {
	t.Parallel()
	m := extractInvented(t, "WHO Director-General meets Peru's health minister\n\n8 June 2026\n\n"+
		"Geneva: Dr. Amara Nwosu, Director-General of the World Health Organization, issued the following statement after meeting with Mr. Diego Quispe Huamán, Minister of Health of Peru:\n\n"+
		"\"I thanked the Minister for Peru's support to the pandemic agreement. I urged faster vaccine deliveries to the Amazon regions.\n\n"+
		"\"Minister Quispe Huamán asked for help with dengue surveillance.\"\n")
	want := []Participant{
		{"Amara Nwosu", "Director-General", "World Health Organization"},
		{"Diego Quispe Huamán", "Minister of Health", "Peru"},
	}
	if diff := cmp.Diff(want, m.Participants); diff != "" {
		t.Errorf("participants (-want +got):\n%s", diff)
	}
	spoke := map[string]string{}
	for _, p := range m.Positions {
		spoke[p.Text] = p.Speaker
	}
	for text, who := range map[string]string{"vaccine deliveries": "Amara Nwosu", "dengue": "Diego Quispe Huamán"} {
		found := false
		for t2, s := range spoke {
			if strings.Contains(t2, text) {
				found = true
				if s != who {
					t.Errorf("%q said by %q, want %q", text, s, who)
				}
			}
		}
		if !found {
			t.Errorf("no position with %q in %+v", text, m.Positions)
		}
	}
}

// TestQuoteAttribution checks that a quote's attribution after the closing
// quote ("he said", "the Minister said after the talks") names the
// speaker, even when the quote itself opens with a participant's country.
func TestQuoteAttribution(t *testing.T) {
	t.Parallel()
	m := extractInvented(t, "Commissioner meets Prime Minister of Latvia\n\n2 March 2026\n\n"+
		"The European Commissioner for Energy, Mr Pavel Novak, welcomed the Prime Minister of Latvia, Ms Ilze Berzina, to Brussels on Monday.\n\n"+
		"The Commissioner praised the grid synchronisation project. \"Latvia proves that energy independence is possible,\" he said.\n\n"+
		"Prime Minister Berzina asked for help with storage.\n\n"+
		"Mr Novak then reviewed the gas market. \"Latvia has cut its imports faster than anyone,\" the Commissioner said after the talks.\n")
	for _, quote := range []string{"Latvia proves", "cut its imports"} {
		found := false
		for _, p := range m.Positions {
			if strings.Contains(p.Text, quote) {
				found = true
				if p.Speaker != "Pavel Novak" {
					t.Errorf("%q said by %q, want Pavel Novak", p.Text, p.Speaker)
				}
			}
		}
		if !found {
			t.Errorf("no position quotes %q: %+v", quote, m.Positions)
		}
	}
}

// TestQuoteRunsOn checks that "we" and "I" in the later sentences of a
// quote belong to whoever opened it.
func TestQuoteRunsOn(t *testing.T) {
	t.Parallel()
	m := extractInvented(t, "Premier hosts Governor-General\n\n5 May 2026\n\n"+
		"The Premier, Hon. Leah Tamati, today hosted the President of the Republic of Fiji, Mr Josaia Ratu, for talks in Wellington.\n\n"+
		"Afterwards, the Premier said: \"Fiji is a close friend. We discussed joint patrols against illegal fishing.\"\n\n"+
		"President Ratu raised sea-level rise.\n")
	found := false
	for _, p := range m.Positions {
		if strings.Contains(p.Text, "illegal fishing") {
			found = true
			if p.Speaker != "Leah Tamati" {
				t.Errorf("%q said by %q, want Leah Tamati", p.Text, p.Speaker)
			}
		}
	}
	if !found {
		t.Errorf("no position on illegal fishing: %+v", m.Positions)
	}
}

// TestRegionAfterCity checks that "in City, Region." adds no participant,
// while a person named after "in City," who goes on to act still counts.
func TestRegionAfterCity(t *testing.T) {
	t.Parallel()
	m := extractInvented(t, "Ministers meet in Kuching\n\n9 May 2026\n\n"+
		"Foreign Minister Siti Rahmah of Malaysia met Foreign Minister Erik Lund of Norway on 8 May 2026 in Kuching, Upper Rajang.\n\n"+
		"Minister Lund raised palm oil.\n")
	want := []Participant{{"Siti Rahmah", "Foreign Minister", "Malaysia"}, {"Erik Lund", "Foreign Minister", "Norway"}}
	if diff := cmp.Diff(want, m.Participants); diff != "" {
		t.Errorf("participants (-want +got):\n%s", diff)
	}
	m = extractInvented(t, "Talks in Oslo\n\n9 May 2026\n\n"+
		"On Friday in Oslo, Erik Lund met Foreign Minister Siti Rahmah of Malaysia.\n")
	if len(m.Participants) != 2 || m.Participants[0].Name != "Erik Lund" {
		t.Errorf("participants = %+v, want Erik Lund first of two", m.Participants)
	}
}

// TestQuotedAgreement checks that a quoted "we agreed" is both sides'
// position, though one side is quoted.
func TestQuotedAgreement(t *testing.T) {
	t.Parallel()
	m := extractInvented(t, "Ministers meet in Riga\n\n9 May 2026\n\n"+
		"Foreign Minister Anna Ozola of Latvia met Foreign Minister Tomas Berg of Sweden in Riga on 8 May 2026.\n\n"+
		"\"We agreed to hold the next round in Stockholm in the autumn,\" Ozola said.\n")
	for _, p := range m.Positions {
		if strings.Contains(p.Text, "next round") && p.Speaker != BothSides {
			t.Errorf("%q said by %q, want %q", p.Text, p.Speaker, BothSides)
		}
	}
	if len(m.Positions) == 0 {
		t.Errorf("no positions")
	}
}
