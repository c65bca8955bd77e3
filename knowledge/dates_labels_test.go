package knowledge

import "testing"

// A labelled "Time:" line gives the meeting's clock and, as a range, its
// length; "hrs." before a bracket does not end the sentence that holds
// the time.
func TestTimeFromLabelsAndHours(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text string
		time       string
		minutes    int
	}{
		{
			name:    "a time label with a range and a zone",
			text:    "Courtesy Call on the Executive Director\n\nDate: 24 September 2026\nTime: 14:00 – 14:40 (WITA)\nVenue: Coral Triangle Secretariat, Manado\n\nThe Executive Director, Dr. Made Suarjana, received a courtesy call by the Ambassador of Chile, Ms. Paula Errázuriz Vial.\n\nThe Executive Director welcomed Chile's support.",
			time:    "14:00",
			minutes: 40,
		},
		{
			name:    "hours with a dot before the zone in brackets",
			text:    "On 9 February 2026, at 09.30 hrs. (Bangkok time), Mr. Somsak Chaiyaporn, Minister of Commerce of Thailand, had a telephone conversation with H.E. Ms. Ana Ruiz, Minister of Trade of Peru. The conversation lasted approximately 20 minutes.\n\nMr. Somsak proposed a rice agreement.",
			time:    "09:30",
			minutes: 20,
		},
		{
			name:    "a start and an end told by verbs",
			text:    "On the 5th of May, 2026, the Prime Minister of Barbados, Hon. Celia Worrell, received the President of Ghana, H.E. Kofi Amankwah, at Ilaro Court. The meeting began at 10:15 a.m. and ended at 11:45 a.m.\n\nPrime Minister Worrell proposed direct flights.",
			time:    "10:15",
			minutes: 90,
		},
		{
			name:    "a length the principals spent",
			text:    "Wellington, 14 May 2026\n\nMinister of Foreign Affairs Rawiri Tane met his Fijian counterpart, Hon. Jone Vakalala, in Wellington on Thursday. The two Ministers spent an hour and a half discussing regional security.\n\nMinister Tane announced police training funds.",
			minutes: 90,
		},
		{
			name:    "an hour-long discussion with no number",
			text:    "18 Nov 2026 | Press release\n\nCommissioner for Trade Jonas Wieland held a video conference with Singapore's Minister for Trade and Industry Gan Wei Liang yesterday afternoon. The hour-long discussion focused on digital trade.\n\nCommissioner Wieland welcomed the agreement.",
			minutes: 60,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m, err := extractPlain(t, "t.txt", tt.text)
			if err != nil {
				t.Fatal(err)
			}
			if m.Time != tt.time || m.DurationMinutes != tt.minutes {
				t.Errorf("time %q, %d minutes; want %q, %d", m.Time, m.DurationMinutes, tt.time, tt.minutes)
			}
		})
	}
}
