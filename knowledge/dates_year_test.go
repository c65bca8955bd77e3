package knowledge

import "testing"

func TestNumericDateForms(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
	}{
		{"spaced slashes", "Bulletin 19 / 03 / 2026", "2026-03-19"},
		{"hyphens day first", "Issued 23-11-2025 by the ministry", "2025-11-23"},
		{"mixed spacing is no date", "19 /03/ 2026", ""},
		{"spaced dots are no date", "19 . 03 . 2026", ""},
		{"a range of pages", "pages 10-12 of the 2026 report", ""},
		{"timestamp", "Posted 2025-11-23T09:41:00+01:00", "2025-11-23"},
		{"days joined by and", "the talks on 4 and 5 March 2026", "2026-03-04"},
		{"days joined by a dash", "the summit of 4-6 March 2026", "2026-03-04"},
		{"days joined by an en dash, month first", "on March 4–5, 2026 in Lima", "2026-03-04"},
		{"days joined by to, with ordinals", "from the 4th to the 6th of March 2026", "2026-03-06"},
		{"ordinal days and of", "on the 4th and 5th of March 2026", "2026-03-04"},
		{"days out of order are two dates", "on 5 and 4 March 2026", "2026-03-04"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if d, ok := parseAnyDate(tt.in); ok {
				got = d.iso()
			}
			if got != tt.want {
				t.Errorf("parseAnyDate(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestWeekdayNumericDate(t *testing.T) {
	t.Parallel()
	ds := findDates("the governors met in Bandung on Friday (13/2).")
	if len(ds) != 1 || ds[0].y != 0 || ds[0].m != 2 || ds[0].d != 13 || ds[0].weekday != "Friday" {
		t.Fatalf("findDates = %+v, want 13 February with Friday and no year", ds)
	}
	if ds := findDates("see note (3/4) below"); len(ds) != 0 {
		t.Errorf("a bracketed fraction with no weekday read as a date: %+v", ds)
	}
}

func TestDatelineDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     day // zero when there is no dateline
	}{
		{"dash", "LUSAKA, 3 March 2026 – The Minister met", day{2026, 3, 3}},
		{"agency and no year", "DOHA, June 9 (QNA) -- The Emir received", day{0, 6, 9}},
		{"full stop", "Mombasa, 12 May 2026.", day{2026, 5, 12}},
		{"date inside the sentence", "The Minister met on 3 March 2026 in Lusaka.", day{}},
		{"a sentence, not a place", "After the talks on 3 March 2026 – both sides", day{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := datelineDate(tt.in)
			if ok != (tt.want != day{}) || ok && m.day != tt.want {
				t.Errorf("datelineDate(%q) = %+v %v, want %+v", tt.in, m.day, ok, tt.want)
			}
		})
	}
}

func TestURLDate(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"https://news.example.org/2025/08/14/talks-held/", "2025-08-14"},
		{"https://agency.example/en/20250814/a1b2.html", "2025-08-14"},
		{"https://gov.example/press/2025-08-14/readout", "2025-08-14"},
		{"https://gov.example/press/2025/08/readout", ""},
		{"https://gov.example/item/12345678", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got := ""
		if d, ok := urlDate(tt.in); ok {
			got = d.iso()
		}
		if got != tt.want {
			t.Errorf("urlDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCopyrightYear(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want int
	}{
		{"Body text.\n\n© WFP 2025", 2025},
		{"Body.\nCopyright © 2009–2025 Ministry of Trade. All rights reserved.", 2025},
		{"Body.\n(c) 2024 The Office of the President", 2024},
		{"Under paragraph (c) of the 2015 accord the parties met.", 0},
		{"No notice here, only 2025.", 0},
	}
	for _, tt := range tests {
		if got := copyrightYear(tt.in); got != tt.want {
			t.Errorf("copyrightYear(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestBareFrontMatter(t *testing.T) {
	t.Parallel()
	r, err := Parse("x.md", []byte("title: Minister meets envoy\nsource_url: https://example.org/a\n---\nThe Minister met the envoy today.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Title != "Minister meets envoy" || r.SourceURL != "https://example.org/a" || r.Text != "The Minister met the envoy today." {
		t.Errorf("Parse = %+v", r)
	}
	r, err = Parse("y.md", []byte("Note: not front matter\n---\nThe Minister met the envoy today.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if r.SourceURL != "" || r.Text == "The Minister met the envoy today." {
		t.Errorf("an unknown key read as front matter: %+v", r)
	}
}

func TestMeetingDateEvidence(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, text, want string
	}{
		{
			"dateline without year, copyright footer",
			"LUSAKA, 3 March – The Minister of Finance of Zambia, Ms Chanda Mwale Banda, met today with the Governor of the Bank of Ghana, Mr Kwesi Owusu Darko. She welcomed closer ties.\n\n© Ministry of Finance 2026\n",
			"2026-03-03",
		},
		{
			"the weekday corrects a footer a year later",
			"LUSAKA, Tuesday, 14 April – The Minister of Finance of Zambia, Ms Chanda Mwale Banda, met today with the Governor of the Bank of Ghana, Mr Kwesi Owusu Darko. She welcomed closer ties.\n\n© Ministry of Finance 2027\n",
			"2026-04-14",
		},
		{
			"a date line without year, copyright footer",
			"Monday, 13 April\n\nThe Minister of Finance of Zambia, Ms Chanda Mwale Banda, met today with the Governor of the Bank of Ghana, Mr Kwesi Owusu Darko. She welcomed closer ties.\n\n© Ministry of Finance 2026\n",
			"2026-04-13",
		},
		{
			"dateline without year and no evidence",
			"DOHA, June 9 (QNA) -- The Minister of State, Dr. Saif Rashid Al-Kaabi, received today a phone call from the Foreign Minister of Peru, Mr. Julio Paredes Soto. He affirmed support for dialogue.\n",
			"",
		},
		{
			"dateline sentence then body",
			"Mombasa, 12 May 2026. Governor Amina Hassan Wario met the Ambassador of Japan, Mr. Kenji Morita Sato, in Mombasa. She welcomed the investment.\n",
			"2026-05-12",
		},
		{
			"dateline and yesterday",
			"LUSAKA, 3 March 2026 – The Minister of Finance of Zambia, Ms Chanda Mwale Banda, met yesterday with the Governor of the Bank of Ghana, Mr Kwesi Owusu Darko. She welcomed closer ties.\n",
			"2026-03-02",
		},
		{
			"spaced numeric date line",
			"Bulletin 19 / 03 / 2026\n\nCommissioner Ana Souza Lima held a video call this morning with the Minister of Labour of Chile, Pedro Rojas Vidal. She called for stronger labour inspection.\n",
			"2026-03-19",
		},
		{
			"weekday and day/month with a dateline",
			"Bandung, 13 February 2026\n\nGovernor Budi Santoso Wirawan met the Governor of the Bank of Korea, Dr. Lee Min-ho, in Bandung on Friday (13/2). Governor Budi proposed a currency swap.\n",
			"2026-02-13",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Parse("t.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			m, err := Extract(r)
			if err != nil {
				t.Fatal(err)
			}
			if m.Date != tt.want {
				t.Errorf("Date = %q, want %q", m.Date, tt.want)
			}
		})
	}
}

func TestFitWeekday(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		m      dateMatch
		x      day
		hinted bool
		want   day
	}{
		// 14 April 2026 is a Tuesday, 14 April 2025 a Monday.
		{"agrees", dateMatch{weekday: "Tuesday"}, day{2026, 4, 14}, true, day{2026, 4, 14}},
		{"hinted year one too late", dateMatch{weekday: "Monday"}, day{2026, 4, 14}, true, day{2025, 4, 14}},
		{"stated year is kept", dateMatch{weekday: "Monday"}, day{2026, 4, 14}, false, day{2026, 4, 14}},
		// 7 April 2026 is a Tuesday; 4 July 2026 a Saturday.
		{"numeric read the other way", dateMatch{weekday: "Tuesday", numeric: true}, day{2026, 7, 4}, false, day{2026, 4, 7}},
		{"no weekday", dateMatch{}, day{2026, 7, 4}, true, day{2026, 7, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fitWeekday(tt.m, tt.x, tt.hinted); got != tt.want {
				t.Errorf("fitWeekday = %+v, want %+v", got, tt.want)
			}
		})
	}
}
