package knowledge

import "testing"

func TestFindDates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string // first full date, "" for none
	}{
		{"September 19, 2017", "2017-09-19"},
		{"19 September 2017", "2017-09-19"},
		{"04 September 2018", "2018-09-04"},
		{"2020-02-15", "2020-02-15"},
		{"17 Mar. 2016", "2016-03-17"},
		{"Wednesday, 11 December 2019", "2019-12-11"},
		{"22nd October 2020", "2020-10-22"},
		{"Tuesday,15th December 2020", "2020-12-15"},
		{"the 3rd of May 2021", "2021-05-03"},
		{"Sept. 9, 2015", "2015-09-09"},
		{"July 03, 2017", "2017-07-03"},
		{"2023-02-04 11:14", "2023-02-04"},
		{"12.05.2021", "2021-05-12"},
		{"5/12/2021", "2021-05-12"},
		{"25/12/2021", "2021-12-25"},
		{"March 8th, 2024", "2024-03-08"},
		{"Abuja, 23-Feb-2026", "2026-02-23"},
		{"on 7-September-2025 the ministers", "2025-09-07"},
		{"the 12-May plan", ""}, // no year: not a full date
		{"you may 5 times", ""},
		{"31 February 2020", ""},
		{"Resolution 2375 of 2017", ""},
	}
	for _, tt := range tests {
		got := ""
		if d, ok := parseAnyDate(tt.in); ok {
			got = d.iso()
		}
		if got != tt.want {
			t.Errorf("parseAnyDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRelativeDay(t *testing.T) {
	t.Parallel()
	ref := day{2013, 1, 9} // a Wednesday
	tests := []struct{ in, want string }{
		{"spoke by telephone last night with", "2013-01-08"},
		{"met today with", "2013-01-09"},
		{"called the Prime Minister this morning", "2013-01-09"},
		{"spoke yesterday afternoon", "2013-01-08"},
		{"met on Monday in Paris", "2013-01-07"},
		{"no date here", ""},
	}
	for _, tt := range tests {
		got := ""
		if d, ok := relativeDay(tt.in, ref); ok {
			got = d.iso()
		}
		if got != tt.want {
			t.Errorf("relativeDay(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if d, ok := anchorFromText("They meet again tomorrow, Tuesday, 15th December 2020."); !ok || d.iso() != "2020-12-14" {
		t.Errorf("anchor from tomorrow = %v %v", d, ok)
	}
	if d, ok := anchorFromText("He arrived yesterday, Sunday 13th December 2020."); !ok || d.iso() != "2020-12-14" {
		t.Errorf("anchor from yesterday = %v %v", d, ok)
	}
	if d := (day{0, 12, 30}).withYear(day{2021, 1, 2}); d.iso() != "2020-12-30" {
		t.Errorf("year of late December seen in January = %s", d.iso())
	}
}

func TestFindTime(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"On September 19, commencing at 12:05 p.m. (local time; 1:05 a.m. on Tuesday, Japan time)", "12:05"},
		{"commencing at around 11 p.m. for approximately 10 minutes", "23:00"},
		{"On September 22 at 12 noon", "12:00"},
		{"For about 20 minutes from 20:20 on July 3", "20:20"},
		{"from 11:30 a.m. (local time)", "11:30"},
		{"at 6:30 p.m.", "18:30"},
		{"at midnight", "00:00"},
		{"met in the afternoon", ""},
		{"The talks began 18:00 Moscow time", "18:00"},
		{"they met at 18.30 (local time)", "18:30"},
		{"on 3 May at 10 in the morning", "10:00"},
		{"at 8 o'clock in the evening", "20:00"},
		{"at 9 o'clock", "09:00"},
		{"at 3 o'clock", ""}, // night or day: not said
		{"rose 2.30 percent over time", ""},
	}
	for _, tt := range tests {
		if got := findTime(tt.in); got != tt.want {
			t.Errorf("findTime(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFindDuration(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want int
	}{
		{"for approximately 15 minutes", 15},
		{"for about 20 minutes from 11:30", 20},
		{"talked for an hour", 60},
		{"for one and a half hours", 90},
		{"for 1 hour and 15 minutes", 75},
		{"lasting about 25 minutes", 25},
		{"a 40-minute call", 40},
		{"over a two-hour dinner", 120},
		{"a half-hour exchange by video", 30},
		{"for the first time in years", 0},
		{"the talks lasted an hour and a half", 90},
		{"they met for two hours and a quarter", 135},
		{"an hour-long call with the President", 60},
		{"took a minute of silence before a 40-minute meeting", 40},
		{"within the hour the leaders met", 0},
		{"the meeting lasted 1.5 hours", 90},
		{"lasting 1 hr 30 min", 90},
		{"a one-and-a-half-hour meeting", 90},
		{"for one hour and thirty minutes", 90},
		{"a 2.5-hour meeting", 150},
		{"a 45-min call", 45},
		{"for seventy minutes", 70},
	}
	for _, tt := range tests {
		if got := findDuration(tt.in); got != tt.want {
			t.Errorf("findDuration(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
