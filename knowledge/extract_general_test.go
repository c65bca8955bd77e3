package knowledge

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// extractPlain parses and extracts a readout given as plain text.
func extractPlain(tb testing.TB, name, text string) (Meeting, error) {
	tb.Helper()
	r, err := Parse(name, []byte(text))
	if err != nil {
		tb.Fatal(err)
	}
	return Extract(r)
}

// checkParticipants extracts text as a plain-text readout, compares its
// participants with want and returns the meeting.
func checkParticipants(t *testing.T, text string, want []Participant) Meeting {
	t.Helper()
	m, err := extractPlain(t, "t.txt", text)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, m.Participants); diff != "" {
		t.Errorf("participants (-want +got):\n%s", diff)
	}
	return m
}

// The place a readout names for its meeting: a city or venue beats the
// event it was held beside, a venue is read past a long appositive, and an
// organisation or a word inside a name is no place.
func TestMeetingPlace(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text, want string
	}{
		{
			name: "a venue with an elided French particle",
			text: "March 3, 2026\n\nForeign Minister Claire Dubois received Minister Ana Ruiz of Chile at the Quai d'Orsay today.",
			want: "Quai d'Orsay",
		},
		{
			name: "a country with an elided French particle",
			text: "March 3, 2026\n\nForeign Minister Claire Dubois met Minister Ana Ruiz of Chile in Côte d'Ivoire today.",
			want: "Côte d'Ivoire",
		},
		{
			name: "a city before the sidelines phrase",
			text: "March 3, 2025\n\nForeign Minister Tomas Varga met Foreign Minister Aiko Mori of Japan today in Lima on the sidelines of the Pacific Rim Ministerial Conference.",
			want: "Lima",
		},
		{
			name: "a venue before the margins phrase takes its dateline city",
			text: "May 9, 2025\n\nLONDON — Chancellor Edwin Marsh hosted Finance Minister Ruth Okafor of Nigeria for dinner at the Treasury Building on the margins of the Global Debt Roundtable.",
			want: "Treasury Building, London",
		},
		{
			name: "the event holds the city",
			text: "June 2, 2025\n\nPresident Karl Lind met Prime Minister Ana Ruiz of Spain on the margins of the Ocean Forum in Lisbon.",
			want: "Ocean Forum in Lisbon",
		},
		{
			name: "a lower-case venue noun belongs to the venue",
			text: "Santiago, 4 April 2025\n\nForeign Minister Inés Rojas received the Foreign Minister of Peru, Diego Salas Paredes, at the MRE headquarters in Santiago.",
			want: "MRE headquarters, Santiago",
		},
		{
			name: "a venue after a long appositive",
			text: "The Secretary General of the Alliance, Mr Pieter Vandenbroucke, welcomed the President of the Republic of Slovenia, Ms Maja Kovačič-Horvat, to the Alliance Headquarters on Tuesday (6 May 2025).",
			want: "Alliance Headquarters",
		},
		{
			name: "welcome to a seat of government",
			text: "June 3, 2025\n\nThe Prime Minister, Alan Reeve, welcomed the Prime Minister of Iceland, Sigrún Jónsdóttir, to Merrion Street today.",
			want: "Merrion Street",
		},
		{
			name: "welcome to an organisation is no place",
			text: "June 3, 2025\n\nManaging Director Ines Wolff met Finance Minister Ravi Perera of Sri Lanka today. \"I was glad to welcome the Minister to the Bank,\" she said.",
			want: "",
		},
		{
			name: "a name ending in -in or -at is no preposition",
			text: "Published 5 June 2025\n\nThe Taoiseach, Pádraig Ó Catháin TD, today hosted the Prime Minister of Malta, Carmen Vella, at Farmleigh House in Dublin.",
			want: "Farmleigh House, Dublin",
		},
		{
			name: "a venue named later in the meeting sentence",
			text: "May 20, 2025\n\nGeneva: Ms. Lotte Brandt, Director-General of the World Trade Organization, issued the following statement after meeting with Mr. Kofi Mensah, Minister of Trade of Ghana, at WTO headquarters:",
			want: "WTO headquarters",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := extractPlain(t, tt.name, tt.text)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if m.Location != tt.want {
				t.Errorf("location = %q, want %q", m.Location, tt.want)
			}
		})
	}
}

// A province named after a city ("in Cebu, Central Visayas") is where the
// meeting was, not one more person at it.
func TestRegionAfterCityIsNoParticipant(t *testing.T) {
	t.Parallel()
	m, err := extractPlain(t, "region", "Tacloban, 14 March 2025\n\nThe Foreign Minister of Japan, Kenji Arakawa, met the Secretary of Foreign Affairs of the Philippines, Rosa Lim Aquino, on 13 March 2025 in Tacloban, Eastern Visayas.")
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	for _, p := range m.Participants {
		if p.Name == "Eastern Visayas" {
			t.Errorf("participants = %+v, want no Eastern Visayas", m.Participants)
		}
	}
	if len(m.Participants) != 2 {
		t.Errorf("participants = %+v, want 2", m.Participants)
	}
}

// An ambiguous numeric date ("04/03/2025") is read in the order the rest of
// the readout shows: another slash date that can only be day first, or the
// same day written with its month in words.
func TestAmbiguousSlashDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text, date, published string
	}{
		{
			name:      "the body names the day in words",
			text:      "04/03/2025 09:40\n\nMinister Rui Tavares holds talks with Finnish Minister Aino Laine\n\nOn the morning of March 4, Minister Rui Tavares held talks with Foreign Minister of Finland Aino Laine.",
			date:      "2025-03-04",
			published: "2025-03-04",
		},
		{
			name:      "another slash date is day first",
			text:      "04/03/2025\n\nMinister Rui Tavares held talks with Foreign Minister of Finland Aino Laine today.\n\nThe two ministers will meet again in Helsinki on 14/05/2025.",
			date:      "2025-03-04",
			published: "2025-03-04",
		},
		{
			name:      "no evidence: month first",
			text:      "04/03/2025\n\nMinister Rui Tavares held talks with Minister Aino Laine today.",
			date:      "2025-04-03",
			published: "2025-04-03",
		},
		{
			name:      "only countries that write day first",
			text:      "04/03/2025\n\nMinister Rui Tavares held talks with Foreign Minister of Finland Aino Laine today.",
			date:      "2025-03-04",
			published: "2025-03-04",
		},
		{
			name:      "a country that writes month first is named",
			text:      "04/03/2025\n\nMinister Rui Tavares held talks with Foreign Minister of the Philippines Ana Cruz today.",
			date:      "2025-04-03",
			published: "2025-04-03",
		},
		{
			name:      "a dateline city of a day-first country",
			text:      "OSLO, 04/03/2025\n\nMinister Rui Tavares held talks with Minister Aino Laine today.",
			date:      "2025-03-04",
			published: "2025-03-04",
		},
		{
			name:      "another slash date is month first",
			text:      "04/03/2025\n\nMinister Rui Tavares held talks with Foreign Minister of Finland Aino Laine today.\n\nThe two ministers will meet again in Helsinki on 05/14/2025.",
			date:      "2025-04-03",
			published: "2025-04-03",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := extractPlain(t, tt.name, tt.text)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if m.Date != tt.date || m.Published != tt.published {
				t.Errorf("date %q published %q, want %q and %q", m.Date, m.Published, tt.date, tt.published)
			}
		})
	}
}

// A page that opens with an undated summary of the call and restates it in
// the body with a relative day takes the body's day, not the release day;
// a later sentence about another meeting does not.
func TestRestatedMeetingDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text, want string
	}{
		{
			name: "restated with yesterday",
			text: "Trade Secretary's call with Chilean counterpart\n\nTrade Secretary Owen Pryce spoke to Chile's Minister of Trade Camila Fuentes.\n\nPublished 9 October 2025\n\nThe Trade Secretary spoke to Chilean Trade Minister Camila Fuentes yesterday afternoon. They discussed copper supply chains and the trade agreement.",
			want: "2025-10-08",
		},
		{
			name: "a later meeting is no restatement",
			text: "Trade Secretary's call with Chilean counterpart\n\nTrade Secretary Owen Pryce spoke to Chile's Minister of Trade Camila Fuentes.\n\nPublished 9 October 2025\n\nThey discussed copper supply chains. Minister Fuentes will be received in London on Monday.",
			want: "2025-10-09",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := extractPlain(t, tt.name, tt.text)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			if m.Date != tt.want {
				t.Errorf("date %q, want %q", m.Date, tt.want)
			}
		})
	}
}

// A speech that mentions a meeting in passing and an advisory that
// announces a meeting still to come are not readouts; a readout that plans
// the next meeting, or a first-person one, still is.
func TestNotReadoutSpeechOrAdvisory(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		readout    bool
	}{
		{
			name:    "speech",
			text:    "Address by Minister Lars Eklund at the Baltic Energy Conference\n\nRiga, 3 June 2025\n\nAs prepared for delivery\n\nExcellencies, ladies and gentlemen,\n\nThis morning I met my good friend, the Energy Minister of Latvia, and we talked about interconnectors and the winter ahead.\n\nLet me say a few words about the grid. We will build more cables and we will build them faster.",
			readout: false,
		},
		{
			name:    "advisory",
			text:    "PRESS ADVISORY\n\nSecretary-General to travel to Accra\n\nNew York, 2 June 2025 – The Secretary-General of the Commonwealth, Ms. Ruth Addo, will travel to Ghana from 9 to 11 June.\n\nIn Accra, the Secretary-General is expected to meet President Kwame Boateng on Tuesday, 10 June, and will also hold talks with the Minister of Foreign Affairs, Hon. Efua Mensah.",
			readout: false,
		},
		{
			name:    "a readout that plans the next meeting",
			text:    "June 4, 2025\n\nForeign Minister Lars Eklund met Foreign Minister Efua Mensah of Ghana today in Stockholm. The ministers will hold talks again in Accra next year.",
			readout: true,
		},
		{
			name:    "a first-person readout",
			text:    "June 4, 2025\n\nToday I met the Foreign Minister of Ghana, Efua Mensah, in Stockholm. We discussed cocoa trade and maritime security in the Gulf of Guinea.\n\nLars Eklund, Minister for Foreign Affairs",
			readout: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := extractPlain(t, tt.name, tt.text)
			if tt.readout && err != nil {
				t.Errorf("Extract: %v, want a meeting", err)
			}
			if !tt.readout && !errors.Is(err, ErrNotReadout) {
				t.Errorf("Extract error = %v, want ErrNotReadout", err)
			}
		})
	}
}

// A length in whole or half hours is also said in hours.
func TestDurationPhrase(t *testing.T) {
	t.Parallel()
	for mins, want := range map[int]string{
		25:  "25 minutes",
		60:  "60 minutes (1 hour)",
		90:  "90 minutes (1 and a half hours)",
		120: "120 minutes (2 hours)",
		75:  "75 minutes (1 hour 15 minutes)",
	} {
		if got := durationPhrase(mins); got != want {
			t.Errorf("durationPhrase(%d) = %q, want %q", mins, got, want)
		}
	}
}

// A quote whose "we" agreed or decided speaks for both sides, though one
// of them is quoted saying it; the quoted one's own "we will" stays theirs.
func TestQuotedJointAgreement(t *testing.T) {
	t.Parallel()
	m, err := extractPlain(t, "quoted-joint", "May 12, 2025\n\nForeign Minister Marta Lindgren held a phone call today with the Minister of Foreign Affairs of Georgia, Levan Beridze.\n\n\"We will send a team of customs experts to Tbilisi in the spring,\" Lindgren said.\n\n\"We agreed to meet in Stockholm at the Baltic Sea forum in October,\" Lindgren added.")
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	got := map[string]string{}
	for _, p := range m.Positions {
		switch {
		case strings.Contains(p.Text, "customs experts"):
			got["customs"] = p.Speaker
		case strings.Contains(p.Text, "We agreed"):
			got["agreed"] = p.Speaker
		}
	}
	if got["customs"] != "Marta Lindgren" || got["agreed"] != BothSides {
		t.Errorf("speakers = %q, want customs by Marta Lindgren and agreement by %s", got, BothSides)
	}
}

// "Where will they meet next?" is answered from what they agreed about
// their next meeting, not from where this meeting was held.
func TestAskNextMeetingPlace(t *testing.T) {
	t.Parallel()
	ix, err := Open(filepath.Join(t.TempDir(), "index"), Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	r, err := Parse("next.md", []byte("March 3, 2025\n\nForeign Minister Greta Sundqvist met Foreign Minister Jonas Petraitis of Lithuania today in Oslo. They discussed Baltic energy security and support for Ukraine.\n\nThe two ministers agreed to meet again in Vilnius in the autumn."))
	if err != nil {
		t.Fatal(err)
	}
	// A later meeting of the same two that plans nothing.
	later, err := Parse("later.md", []byte("Greta Sundqvist's Meeting with Jonas Petraitis\n\nNovember 20, 2025\n\nForeign Minister Greta Sundqvist met with Foreign Minister Jonas Petraitis of Lithuania on November 20, 2025 in Riga. Both sides committed to further work on grid links."))
	if err != nil {
		t.Fatal(err)
	}
	if res, err := ix.Add(context.Background(), r, later); err != nil || res[0].Err != nil || res[1].Err != nil {
		t.Fatalf("add: %v %v", err, res)
	}
	a, err := ix.Ask(context.Background(), "Where will Sundqvist and Petraitis meet next?")
	if err != nil {
		t.Fatalf("Ask: %v", err)
	}
	if !strings.Contains(a.Text, "Vilnius") {
		t.Errorf("answer %q, want the agreed place Vilnius", a.Text)
	}
}

// "issued the following statement after meeting with X": "following" is an
// adjective there, so the person met after it is still a participant.
func TestFollowingStatementKeepsCounterpart(t *testing.T) {
	t.Parallel()
	m, err := extractPlain(t, "following", "April 8, 2025\n\nGeneva: Dr. Henrik Aalto, Director-General of the World Health Organization, issued the following statement today after meeting with Ms. Nomvula Dlamini Khumalo, Minister of Health of South Africa, at WHO headquarters:")
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	var got []string
	for _, p := range m.Participants {
		got = append(got, p.Name)
	}
	if len(got) != 2 || got[1] != "Nomvula Dlamini Khumalo" {
		t.Errorf("participants = %q, want Henrik Aalto and Nomvula Dlamini Khumalo", got)
	}
}
