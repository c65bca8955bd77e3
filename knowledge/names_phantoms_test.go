package knowledge

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Words that finish an office, a dateline in capitals, an organisation's
// bracketed acronym, an organisation's partner countries and seas and
// rivers are not people.
func TestPhantomParticipants(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []Participant
	}{
		{
			name: "a portfolio joined by and, then the holder after a comma",
			text: "Nairobi, 4 May 2026\n\nThe Secretary-General met Peru's Minister of Economy and Public Works, Rosa Quispe Mamani, in Nairobi today. Minister Quispe Mamani asked for technical help.",
			want: []Participant{
				{Name: "", Title: "Secretary-General", Affiliation: "United Nations"},
				{Name: "Rosa Quispe Mamani", Title: "Minister of Economy and Public Works", Affiliation: "Peru"},
			},
		},
		{
			name: "a one-word portfolio joined by and",
			text: "Accra, 5 May 2026\n\nPresident Kojo Mensah received Kenya's Minister of Trade and Tourism, Wanjiru Kamau, at the Jubilee House today.",
			want: []Participant{
				{Name: "Kojo Mensah", Title: "President", Affiliation: "Ghana"},
				{Name: "Wanjiru Kamau", Title: "Minister of Trade and Tourism", Affiliation: "Kenya"},
			},
		},
		{
			name: "a dateline in capitals with a date",
			text: "STATE HOUSE, 6 May 2026 — President Kojo Mensah held a call this morning with Prime Minister Lars Holm of Denmark on shipping.",
			want: []Participant{
				{Name: "Kojo Mensah", Title: "President", Affiliation: ""},
				{Name: "Lars Holm", Title: "Prime Minister", Affiliation: "Denmark"},
			},
		},
		{
			name: "a dateline in capitals with a city",
			text: "6 May 2026\n\nGOVERNMENT HOUSE, Wellington — Prime Minister Aroha Ngata met Prime Minister Lars Holm of Denmark today.",
			want: []Participant{
				{Name: "Aroha Ngata", Title: "Prime Minister", Affiliation: "New Zealand"},
				{Name: "Lars Holm", Title: "Prime Minister", Affiliation: "Denmark"},
			},
		},
		{
			name: "an organisation's acronym between its head's office and name",
			text: "Jakarta, 7 May 2026\n\nThe Director of the Coral Reef Alliance (CRA), Dr Sari Wulandari, received the Ambassador of Fiji, Mr Jone Tuilau, in Jakarta today.",
			want: []Participant{
				{Name: "Sari Wulandari", Title: "Director", Affiliation: "Coral Reef Alliance (CRA)"},
				{Name: "Jone Tuilau", Title: "Ambassador", Affiliation: "Fiji"},
			},
		},
		{
			name: "an organisation's partner countries",
			text: "Perth, 8 May 2026\n\nForeign Minister Ana Ruiz met Foreign Minister Tomas Vidal in Perth today. They welcomed a new Dialogue Partner and thanked the Sectoral Dialogue Partners for their support.",
			want: []Participant{
				{Name: "Ana Ruiz", Title: "Foreign Minister", Affiliation: ""},
				{Name: "Tomas Vidal", Title: "Foreign Minister", Affiliation: ""},
			},
		},
		{
			name: "the leader of a delegation is of its country",
			text: "Geneva, Switzerland — WHO Director-General Ana Ruiz on Tuesday received a delegation from the Republic of Malawi led by the Minister of Health, Chikondi Banda, in Geneva.",
			want: []Participant{
				{Name: "Ana Ruiz", Title: "Director-General", Affiliation: "World Health Organization"},
				{Name: "Chikondi Banda", Title: "Minister of Health", Affiliation: "Malawi"},
			},
		},
		{
			name: "a briefing by a secretary for press affairs",
			text: "Briefing by Senior Secretary for Press Affairs Park Ji-ho on the Summit Call\n\nMay 12, 2026\n\nPresident Lee Dong-hyun held a telephone conversation with Prime Minister Lars Holm of Denmark today.",
			want: []Participant{
				{Name: "Lee Dong-hyun", Title: "President", Affiliation: ""},
				{Name: "Lars Holm", Title: "Prime Minister", Affiliation: "Denmark"},
			},
		},
		{
			name: "seas and rivers named by a place or by their own words",
			text: "Hanoi, 9 May 2026\n\nPresident Tran Van Minh met President Somchai Wong of Thailand in Hanoi today on the South China Sea and the Mekong River.",
			want: []Participant{
				{Name: "Tran Van Minh", Title: "President", Affiliation: "Vietnam"},
				{Name: "Somchai Wong", Title: "President", Affiliation: "Thailand"},
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

// An office in a rotation ("the incoming Chair") is held by no one met, so
// a communiqué that names only such offices is no readout.
func TestRotationOfficeIsNoParticipant(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		want       []Participant
	}{
		{
			name: "a communiqué that thanks the outgoing Chair",
			text: "The Assembly of the Coral Sea Compact met for its ninth session. The Assembly thanked the outgoing Chair and agreed that the next session will be held at a place chosen by the incoming Chair.",
		},
		{
			name: "a readout that mentions the next Chair",
			text: "Suva, 10 May 2026\n\nPrime Minister Sione Fifita met President Ana Ruiz in Suva today. They agreed to brief the incoming Chair of the forum.",
			want: []Participant{
				{Name: "Sione Fifita", Title: "Prime Minister", Affiliation: "Fiji"},
				{Name: "Ana Ruiz", Title: "President", Affiliation: ""},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := extractPlain(t, "t.txt", tt.text)
			if tt.want == nil {
				if !errors.Is(err, ErrNotReadout) {
					t.Errorf("participants %+v, err %v; want ErrNotReadout", m.Participants, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, m.Participants); diff != "" {
				t.Errorf("participants (-want +got):\n%s", diff)
			}
		})
	}
}
