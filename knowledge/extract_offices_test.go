package knowledge

import "testing"

// The words that finish an office ("for Oceans", "of the Andean Forum")
// are the office's, not a person's, and a headline written in lower case
// ("fund head meets finance minister") names no one the body does not.
func TestOfficeWordsAreNoPeople(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []Participant
	}{
		{
			name: "a portfolio before a comma and an honorific",
			text: "Trade Minister meets Deputy Commissioner for Coasts\n\n6 May 2026\n\nOn 6 May 2026, Minister for Trade Olav Rand of Norway met the Deputy Commissioner for Coasts, Ms Ines Lobo, in Oslo.",
			want: []Participant{
				{Name: "Olav Rand", Title: "Minister for Trade", Affiliation: "Norway"},
				{Name: "Ines Lobo", Title: "Deputy Commissioner for Coasts"},
			},
		},
		{
			name: "a portfolio before a name with no comma",
			text: "7 May 2026\n\nOn 7 May 2026, Minister for Trade Olav Rand of Norway met the Commissioner for Coasts Ines Lobo Reis in Oslo.",
			want: []Participant{
				{Name: "Olav Rand", Title: "Minister for Trade", Affiliation: "Norway"},
				{Name: "Ines Lobo Reis", Title: "Commissioner for Coasts"},
			},
		},
		{
			name: "a portfolio before an honorific with no comma",
			text: "8 May 2026\n\nOn 8 May 2026, Minister for Trade Olav Rand of Norway met the Director of Programmes Ms Ines Lobo in Oslo.",
			want: []Participant{
				{Name: "Olav Rand", Title: "Minister for Trade", Affiliation: "Norway"},
				{Name: "Ines Lobo", Title: "Director of Programmes"},
			},
		},
		{
			name: "a one-word name after an office is still a name",
			text: "9 May 2026\n\nOn 9 May 2026, Minister for Trade Olav Rand of Norway met Indonesia's Minister of Finance Hartanto in Oslo.",
			want: []Participant{
				{Name: "Olav Rand", Title: "Minister for Trade", Affiliation: "Norway"},
				{Name: "Hartanto", Title: "Minister of Finance", Affiliation: "Indonesia"},
			},
		},
		{
			name: "a headline's place that is a word of an office",
			text: "Santa Rosa talks\n\n10 May 2026\n\nOn 10 May 2026, Prime Minister Eva Lund of Iceland met the Governor of Santa Rosa, Mr John Lau, in Reykjavik.",
			want: []Participant{
				{Name: "Eva Lund", Title: "Prime Minister", Affiliation: "Iceland"},
				{Name: "John Lau", Title: "Governor of Santa Rosa"},
			},
		},
		{
			name: "a regional body the tables do not know",
			text: "14 May 2026\n\nPresident Marta Illes of Hungary received the Secretary-General of the Danube Forum, Mr Pavel Horak, in Budapest on 14 May 2026.",
			want: []Participant{
				{Name: "Marta Illes", Title: "President", Affiliation: "Hungary"},
				{Name: "Pavel Horak", Title: "Secretary-General", Affiliation: "Danube Forum"},
			},
		},
		{
			name: "a portfolio noun after and",
			text: "20 May 2026\n\nOn 20 May 2026, Prime Minister Aino Salo of Finland met Kenya's Minister of Water and Sanitation, Joseph Kamau, in Helsinki.",
			want: []Participant{
				{Name: "Aino Salo", Title: "Prime Minister", Affiliation: "Finland"},
				{Name: "Joseph Kamau", Title: "Minister of Water and Sanitation", Affiliation: "Kenya"},
			},
		},
		{
			name: "a headline's loose words for the principals the body names",
			text: "UN Chief Holds Talks With Korean PM\n\n3 June 2026\n\nOn 3 June 2026, Secretary-General Rosa Alves met Min-jun Park of South Korea in New York.",
			want: []Participant{
				{Name: "Rosa Alves", Title: "Secretary-General", Affiliation: "United Nations"},
				{Name: "Min-jun Park", Title: "Prime Minister", Affiliation: "South Korea"},
			},
		},
		{
			name: "a headline's head of an institution the body names by office",
			text: "Fund Head Meets Finance Minister\n\n4 June 2026\n\nOn 4 June 2026, Managing Director Rosa Alves met Finance Minister Tomas Berg of Sweden in Stockholm.",
			want: []Participant{
				{Name: "Rosa Alves", Title: "Managing Director"},
				{Name: "Tomas Berg", Title: "Finance Minister", Affiliation: "Sweden"},
			},
		},
		{
			name: "a headline in lower case",
			text: "Agency head meets finance minister\n\n2 June 2026\n\nOn 2 June 2026, Director-General Rosa Alves of the International Atomic Energy Agency met Finance Minister Tomas Berg of Sweden in Vienna.",
			want: []Participant{
				{Name: "Rosa Alves", Title: "Director-General", Affiliation: "International Atomic Energy Agency"},
				{Name: "Tomas Berg", Title: "Finance Minister", Affiliation: "Sweden"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			checkParticipants(t, tt.text, tt.want)
		})
	}
}

// A principal the meeting sentence names only by office and country takes
// the name the readout gives that office's holder elsewhere; the
// publisher's own principal, whose country the text does not name, and an
// office two people hold in the text stay unnamed.
func TestOfficeTakesHolderName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []Participant
	}{
		{
			name: "the holder speaks in a later sentence",
			text: "3 May 2026\n\nOn 3 May 2026, President Eva Lund of Iceland met the President of Peru in Reykjavik. President Jorge Salas thanked Iceland for its support on fisheries.",
			want: []Participant{
				{Name: "Eva Lund", Title: "President", Affiliation: "Iceland"},
				{Name: "Jorge Salas", Title: "President", Affiliation: "Peru"},
			},
		},
		{
			name: "a country written in the possessive",
			text: "4 May 2026\n\nOn 4 May 2026, Foreign Minister Eva Lund of Iceland met with Peru's Foreign Minister in Reykjavik. Foreign Minister Jorge Salas of Peru raised the fisheries agreement.",
			want: []Participant{
				{Name: "Eva Lund", Title: "Foreign Minister", Affiliation: "Iceland"},
				{Name: "Jorge Salas", Title: "Foreign Minister", Affiliation: "Peru"},
			},
		},
		{
			name: "two holders of the office",
			text: "5 May 2026\n\nOn 5 May 2026, President Eva Lund of Iceland met the President of Peru in Reykjavik. President Jorge Salas raised fisheries. President Ana Quispe raised tourism.",
			want: []Participant{
				{Name: "Eva Lund", Title: "President", Affiliation: "Iceland"},
				{Title: "President", Affiliation: "Peru"},
			},
		},
		{
			name: "a holder written in the possessive is talked about, not present",
			text: "7 May 2026\n\nOn 7 May 2026, Prime Minister Eva Lund of Iceland met the President of Peru in Reykjavik. President Omar Diallo's visit to Iceland was also discussed.",
			want: []Participant{
				{Name: "Eva Lund", Title: "Prime Minister", Affiliation: "Iceland"},
				{Title: "President", Affiliation: "Peru"},
			},
		},
		{
			name: "another country's holder named in passing",
			text: "6 May 2026\n\nOn 6 May 2026, President Eva Lund of Iceland met the President of Peru in Reykjavik. They discussed the visit of President Omar Diallo of Senegal.",
			want: []Participant{
				{Name: "Eva Lund", Title: "President", Affiliation: "Iceland"},
				{Title: "President", Affiliation: "Peru"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			checkParticipants(t, tt.text, tt.want)
		})
	}
}
