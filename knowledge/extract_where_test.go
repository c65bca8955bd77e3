package knowledge

import "testing"

// The place of a meeting comes from a labelled venue line, from where a
// visiting guest "is", and never from a region the visit is to.
func TestLocationFromLabelsAndGuests(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text, want string
	}{
		{
			name: "a guest who is in a city on a visit to a region",
			text: "Vilnius, 4 May 2026\n\nMinister of Foreign Affairs of Lithuania Rūta Vaitkienė held talks with the Minister of Foreign Affairs of Mongolia, Oyun Batsaikhan, who is in Vilnius on her first visit to the Baltic region.\n\nMinister Vaitkienė proposed a direct flight.",
			want: "Vilnius",
		},
		{
			name: "a venue line in a structured header",
			text: "Courtesy Call on the Secretary-General\n\nDate: 24 September 2026\nTime: 10:00 – 10:45 (WIB)\nVenue: Coral Triangle Secretariat, Manado\n\nThe Executive Director, Dr. Made Suarjana, received a courtesy call by the Ambassador of Chile, Ms. Paula Errázuriz Vial.\n\nThe Executive Director welcomed Chile's support.",
			want: "Coral Triangle Secretariat, Manado",
		},
		{
			name: "a numbered venue line",
			text: "Defence Ministerial Meeting\n\n1 Date and time: Friday, May 8, 2026\n2 Venue: Ministry of Defence, Canberra\n\n(1) Minister Holloway welcomed Secretary Dizon on his first visit to Australia.\n(2) Secretary Dizon proposed joint patrols.",
			want: "Ministry of Defence, Canberra",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := extractPlain(t, "t.txt", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if m.Location != tt.want {
				t.Errorf("location %q, want %q", m.Location, tt.want)
			}
		})
	}
}

// An attendee line "Country: Office Name" gives that principal's country,
// over the country an office alone would suggest.
func TestAttendeeLineGivesCountry(t *testing.T) {
	t.Parallel()
	text := "Defence Ministerial Meeting\n\n1 Date and time: Friday, May 8, 2026\n2 Venue: Ministry of Defence, Canberra\n3 Attendees:\nAustralia: Minister for Defence Claire Holloway\nPhilippines: Secretary of National Defense Andres Dizon\n\n4 Overview\n(1) Minister Holloway welcomed Secretary Dizon on his first visit to Australia.\n(2) Secretary Dizon proposed a trilateral exercise with the United States."
	want := []Participant{
		{Name: "Holloway", Title: "Minister", Affiliation: "Australia"},
		{Name: "Dizon", Title: "Secretary", Affiliation: "Philippines"},
	}
	checkParticipants(t, text, want)
}
