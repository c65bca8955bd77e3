package knowledge

import "testing"

func TestDateOnlyLine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in     string
		want   string // ISO day, "" for no date line
		clause string
	}{
		{"March 4, 2026, 09:30 (KST)", "2026-03-04", ""},
		{"March 4, 2026, 09:30 KST", "2026-03-04", ""},
		{"4 March 2026, 14:00 CET", "2026-03-04", ""},
		{"4 March 2026, 14:00 (CEST)", "2026-03-04", ""},
		{"Wednesday, 4 March 2026, 16:45 (local time)", "2026-03-04", ""},
		{"4 March 2026 09:05 GMT", "2026-03-04", ""},
		{"March 4, 2026, 11:00 EST", "2026-03-04", ""},
		{"March 4, 2026 (AEST)", "2026-03-04", ""},
		{"Date and time: Wednesday, March 4, 2026, 15:20-16:10 (JST)", "2026-03-04", "from 15:20 to 16:10"},
		{"2 Date and time: March 4, 2026, 15:20 (IST)", "2026-03-04", "at 15:20"},
		{"(1) Date: 4 March 2026, from 8:00 to 9:30 UTC", "2026-03-04", "from 8:00 to 9:30"},
		{"Time: 4 March 2026, 10:00 PST", "2026-03-04", "at 10:00"},
		{"The ministers met on 4 March 2026 at 10:00 (CET).", "", ""},
		{"4 March 2026, 10:00 in the capital of the region", "", ""},
		{"From 4 March 2026 to 6 March 2026 (CET)", "", ""},
		{"March 4 (JST)", "", ""},
	}
	for _, tt := range tests {
		x, c, ok := dateOnlyLine(tt.in)
		got := ""
		if ok {
			got = x.iso()
		}
		if got != tt.want || c != tt.clause {
			t.Errorf("dateOnlyLine(%q) = %q, %q; want %q, %q", tt.in, got, c, tt.want, tt.clause)
		}
	}
}

func TestExtractDateLineWithZone(t *testing.T) {
	t.Parallel()
	tests := []struct {
		line     string
		date     string
		time     string
		duration int
	}{
		{"March 4, 2026, 09:30 (KST)", "2026-03-04", "", 0},
		{"4 March 2026, 14:00 CEST", "2026-03-04", "", 0},
		{"Wednesday, 4 March 2026, 16:45 (local time)", "2026-03-04", "", 0},
		{"1 Date and time: Wednesday, March 4, 2026, 15:20-16:10 (JST)", "2026-03-04", "15:20", 50},
		{"Date and time: March 4, 2026, 15:20 (EDT)", "2026-03-04", "15:20", 0},
	}
	for _, tt := range tests {
		text := "Fisheries Ministers Meeting\n\n" + tt.line + "\n\nMinister of Fisheries Arvid Kolstrand met Minister of Marine Affairs Teodora Venn. " +
			"Minister Venn proposed a joint survey of cod stocks.\n"
		m, err := Extract(Readout{Name: "m.md", Text: text})
		if err != nil {
			t.Fatalf("Extract(%q): %v", tt.line, err)
		}
		if m.Date != tt.date || m.Time != tt.time || m.DurationMinutes != tt.duration {
			t.Errorf("%q: date %q time %q duration %d; want %q %q %d", tt.line, m.Date, m.Time, m.DurationMinutes, tt.date, tt.time, tt.duration)
		}
	}
}

func TestExtractLengthLaterInText(t *testing.T) {
	t.Parallel()
	lead := "OSLO, 4 March 2026 — Minister of Fisheries Arvid Kolstrand held a video call today with Minister of Marine Affairs Teodora Venn on cod stocks.\n\n" +
		"Minister Venn proposed a joint survey.\n\n"
	tests := []struct {
		later string
		want  int
	}{
		{"The call lasted 55 minutes.", 55},
		{"The video conference lasted an hour and twenty minutes, according to the ministry.", 80},
		{"Their conversation lasted about 40 minutes.", 40},
		{"The talks, held in a warm atmosphere, lasted two hours.", 120},
		{"Minister Kolstrand noted. The meeting lasted 35 minutes.", 35},
		// Lengths of other events are not this meeting's.
		{"The next meeting will take place in May.", 0},
		{"The survey lasted three hours last year.", 0},
		{"The previous meeting lasted 90 minutes.", 0},
		{"That summit lasted two days.", 0},
	}
	for _, tt := range tests {
		m, err := Extract(Readout{Name: "m.md", Text: lead + tt.later + "\n"})
		if err != nil {
			t.Fatalf("Extract(%q): %v", tt.later, err)
		}
		if m.DurationMinutes != tt.want {
			t.Errorf("%q: duration %d, want %d", tt.later, m.DurationMinutes, tt.want)
		}
	}
}

func TestDateOnlyLineStamps(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in     string
		clause string
	}{
		{"Published: 4 March 2026, 10:00 CET", ""},
		{"Updated: March 4, 2026, 10:00-10:05 (EST)", ""},
		{"Date: 4 March 2026, 10:00 CET", ""},
		{"Date and time: 4 March 2026, 10:00 CET", "at 10:00"},
		{"4 March 2026, 10:00 to 11:00 (local time)", "from 10:00 to 11:00"},
	}
	for _, tt := range tests {
		x, c, ok := dateOnlyLine(tt.in)
		if !ok || x.iso() != "2026-03-04" || c != tt.clause {
			t.Errorf("dateOnlyLine(%q) = %v, %q, %v; want 2026-03-04, %q", tt.in, x, c, ok, tt.clause)
		}
	}
}
