package knowledge

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// An office written in pieces set off by commas stays one person's, with
// its country, so that "the minister" later in the text is theirs.
func TestOfficesWrittenInPieces(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []Participant
		speakers   []string // speakers of the positions, in order
	}{
		{
			name: "portfolios after a comma, then the name",
			text: "16 June 2026\n\nThe Foreign Minister of Qatar received a phone call today from French Minister for Europe, Foreign Affairs and Trade Claire Vautrin. The French minister invited Qatar to a donors' meeting in Paris.",
			want: []Participant{
				{Title: "Foreign Minister", Affiliation: "Qatar"},
				{Name: "Claire Vautrin", Title: "Minister for Europe, Foreign Affairs and Trade", Affiliation: "France"},
			},
			speakers: []string{"Claire Vautrin"},
		},
		{
			name: "portfolios after a comma, an office with no country",
			text: "19 June 2026\n\nSecretary of State for Trade, Industry and Energy Affairs Tom Hale met the Foreign Minister of Nepal, Mr. Bikash Thapa, in London today.",
			want: []Participant{
				{Name: "Tom Hale", Title: "Secretary of State for Trade, Industry and Energy Affairs", Affiliation: "United Kingdom"},
				{Name: "Bikash Thapa", Title: "Foreign Minister", Affiliation: "Nepal"},
			},
		},
		{
			name: "a second office after the name's first",
			text: "Phnom Penh, 17 June 2026\n\nThe talks were chaired by H.E. Chea Sophal, Deputy Prime Minister, Minister of Economy and Finance of the Kingdom of Cambodia, with the participation of H.E. Mr. Niran Chaiyasit, Minister of Finance of the Kingdom of Thailand. H.E. Chea Sophal proposed a joint customs post.",
			want: []Participant{
				{Name: "Chea Sophal", Title: "Deputy Prime Minister, Minister of Economy and Finance", Affiliation: "Cambodia"},
				{Name: "Niran Chaiyasit", Title: "Minister of Finance", Affiliation: "Thailand"},
			},
			speakers: []string{"Chea Sophal"},
		},
		{
			name: "a counterpart's country before the counterpart",
			text: "18 June 2026\n\nForeign Minister Tomás Arce Villalba held a video call today with his Bolivian counterpart, Foreign Minister Elena Sotomayor Ruiz. Minister Sotomayor Ruiz proposed a river commission.",
			want: []Participant{
				{Name: "Tomás Arce Villalba", Title: "Foreign Minister", Affiliation: ""},
				{Name: "Elena Sotomayor Ruiz", Title: "Foreign Minister", Affiliation: "Bolivia"},
			},
			speakers: []string{"Elena Sotomayor Ruiz"},
		},
		{
			name: "an office after a name that a one-word rank opens",
			text: "20 June 2026\n\nSenator Imran Qureshi, Minister of State for Foreign Affairs, met Chief Bola Adeyemi, Minister of Trade of Nigeria, in Islamabad today.",
			want: []Participant{
				{Name: "Imran Qureshi", Title: "Minister of State for Foreign Affairs", Affiliation: "Pakistan"},
				{Name: "Bola Adeyemi", Title: "Minister of Trade", Affiliation: "Nigeria"},
			},
		},
		{
			name: "a counterpart's country after the name",
			text: "18 June 2026\n\nForeign Minister Tomás Arce Villalba held a video call today with Elena Sotomayor Ruiz, his Bolivian counterpart, on river trade.",
			want: []Participant{
				{Name: "Tomás Arce Villalba", Title: "Foreign Minister", Affiliation: ""},
				{Name: "Elena Sotomayor Ruiz", Title: "", Affiliation: "Bolivia"},
			},
		},
		{
			name: "a counterpart from a country",
			text: "18 June 2026\n\nForeign Minister Tomás Arce Villalba held a video call today with his counterpart from Bolivia, Elena Sotomayor Ruiz.",
			want: []Participant{
				{Name: "Tomás Arce Villalba", Title: "Foreign Minister", Affiliation: ""},
				{Name: "Elena Sotomayor Ruiz", Title: "", Affiliation: "Bolivia"},
			},
		},
		{
			name: "a counterpart's country and office before the name",
			text: "18 June 2026\n\nForeign Minister Tomás Arce Villalba held a video call today with his Bolivian counterpart Minister of Foreign Affairs and Human Mobility Elena Sotomayor Ruiz.",
			want: []Participant{
				{Name: "Tomás Arce Villalba", Title: "Foreign Minister", Affiliation: ""},
				{Name: "Elena Sotomayor Ruiz", Title: "Minister of Foreign Affairs and Human Mobility", Affiliation: "Bolivia"},
			},
		},
		{
			name: "a headline's plain word for an agency's head",
			text: "UNHCR chief urges more aid for Uganda\n\nKAMPALA, 19 June 2026 – The UN High Commissioner for Refugees, Dr. Lena Marsh, met today with Uganda's Minister of the Interior, Moses Okello. The Minister asked for help with registration.",
			want: []Participant{
				{Name: "Lena Marsh", Title: "High Commissioner for Refugees", Affiliation: "UNHCR"},
				{Name: "Moses Okello", Title: "Minister of the Interior", Affiliation: "Uganda"},
			},
			speakers: []string{"Moses Okello"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := checkParticipants(t, tt.text, tt.want)
			var speakers []string
			for _, p := range m.Positions {
				speakers = append(speakers, p.Speaker)
			}
			if diff := cmp.Diff(tt.speakers, speakers); diff != "" {
				t.Errorf("speakers (-want +got):\n%s", diff)
			}
		})
	}
}

// Two people in a row are not one office: a list of named people, or an
// office held in another country, stays apart.
func TestJoinSplitOfficesKeepsPeopleApart(t *testing.T) {
	t.Parallel()
	for _, s := range []string{
		"Ana Ruiz, Minister of Health, the Minister of Finance of Chile, met today.",
		"Ana Ruiz, Minister of Health of Peru, Minister of Finance of Chile, met today.",
		"The Minister of Health, Economic Development and Trade Commissioner Ana Ruiz met today.",
	} {
		ms := findMentions(s)
		if got := joinSplitOffices(s, ms); len(got) != len(ms) {
			t.Errorf("joinSplitOffices(%q) joined %+v into %+v", s, ms, got)
		}
	}
}
