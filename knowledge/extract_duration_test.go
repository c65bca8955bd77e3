package knowledge

import (
	"strings"
	"testing"
)

func TestClockRange(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		time     string // "-": not checked
		minutes  int
	}{
		{"24-hour from to", "The ministers met from 14:00 to 16:30 at the palace.", "14:00", 150},
		{"between a.m. and noon", "They held talks between 9 a.m. and noon on Monday.", "09:00", 180},
		{"dash", "The session (10:00–11:15) covered trade.", "10:00", 75},
		{"spaced hyphen with hrs", "Talks were held 10.00 - 11.15 hrs.", "10:00", 75},
		{"start shares the end's p.m.", "They spoke from 3 to 4.30 p.m. by video.", "15:00", 90},
		{"start before noon, end after", "They met from 11 to 1 p.m. in the hall.", "11:00", 120},
		{"until", "The talks ran from 10:30 a.m. until 12:45 p.m.", "10:30", 135},
		{"French h", "La réunion s'est tenue de 9h30 à 11h00, from 9h30 to 11h00.", "09:30", 90},
		{"days, not times", "The summit runs from 10 to 12 May in Rome.", "", 0},
		{"rates, not times", "The policy rate went from 3.25 to 3.50 per cent.", "-", 0},
		{"figures without from", "Exports grew 4.10-5.20 in the year.", "", 0},
		{"dotted dates", "The fair is open from 10.05 to 12.05.2026 in Bonn.", "-", 0},
		{"and without between", "He spoke at 10:30 a.m. and 2:00 p.m. they met again.", "10:30", 0},
		{"a stated length wins", "They met from 9:00 to 11:30 for about two hours.", "09:00", 120},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := findTime(tt.in); tt.time != "-" && got != tt.time {
				t.Errorf("findTime(%q) = %q, want %q", tt.in, got, tt.time)
			}
			if got := findDuration(tt.in); got != tt.minutes {
				t.Errorf("findDuration(%q) = %d, want %d", tt.in, got, tt.minutes)
			}
		})
	}
}

func TestClockRangePrecheckMatchesPattern(t *testing.T) {
	texts := append(wordTexts(t), "from 9:00 to 11:30", "10:00–11:15", "10am-12pm", "between NOON and 2 P.M.",
		"9 a.m.\tuntil\nmidnight", "10.00 hrs - 11.15 hrs", "10:00 hourſ to 11:00", "at 9:00to 10:00")
	for _, s := range corpusTexts(t) {
		texts = append(texts, strings.Split(s, "\n")...)
	}
	for _, s := range texts {
		checkClockRangePrecheck(t, s)
	}
}

func checkClockRangePrecheck(t *testing.T, s string) {
	t.Helper()
	if !mayHaveClockRange(s) && reClockRange.MatchString(s) {
		t.Fatalf("mayHaveClockRange(%q) = false, but reClockRange matches", s)
	}
}

func FuzzClockRangePrecheck(f *testing.F) {
	f.Add("from 9:00 to 11:30")
	f.Add("between 10 a.m. and noon")
	f.Fuzz(checkClockRangePrecheck)
}
