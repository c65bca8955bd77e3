package knowledge

import (
	"strings"
)

// This file reads the evidence a readout gives of when it was issued
// outside its date lines: a dateline opening the first sentence, the date
// in its address, and the year of its copyright notice. A dateline without
// a year ("GENEVA, 14 April –") takes its year from that evidence only; with
// none, the date stays unknown, as a wrong year misleads more than none.

// datelineDate is the date of a dateline opening a sentence: a place, the
// date, then an optional news agency in brackets and a dash, a colon or the
// sentence's end ("NAIROBI, 7 April 2026 –", "KUWAIT, May 10 (KUNA) --",
// "Nairobi, 7 April 2026."). The date may lack its year.
func datelineDate(s string) (dateMatch, bool) {
	if len(s) == 0 || s[0] < 'A' || s[0] > 'Z' {
		return dateMatch{}, false
	}
	head := s
	if len(head) > 120 {
		head = head[:120]
	}
	ds := findDates(head)
	if len(ds) == 0 || ds[0].start > 60 || ds[0].start == 0 {
		return dateMatch{}, false
	}
	m := ds[0]
	place := strings.TrimRight(s[:m.start], " ,;:-–—(")
	if place == "" || !isDateline(place) {
		return dateMatch{}, false
	}
	rest := strings.TrimLeft(s[m.end:], " ")
	if strings.HasPrefix(rest, "(") {
		// "(KUNA)", "(Xinhua)": a news agency's name.
		e := strings.IndexByte(rest, ')')
		if e < 2 || e > 30 || strings.ContainsAny(rest[1:e], "0123456789") {
			return dateMatch{}, false
		}
		rest = strings.TrimLeft(rest[e+1:], " ")
	}
	switch {
	case rest == "", rest == ".",
		strings.HasPrefix(rest, "–"), strings.HasPrefix(rest, "—"), strings.HasPrefix(rest, "-"),
		strings.HasPrefix(rest, ":"), strings.HasPrefix(rest, "|"):
		return m, true
	}
	return dateMatch{}, false
}

// urlDate is the release day a page's address gives: "/2023/11/16/",
// "/2023-11-16/" or "/20231116/" as one or three path segments.
func urlDate(u string) (day, bool) {
	if u == "" || !strings.ContainsAny(u, "0123456789") {
		return day{}, false
	}
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	segs := strings.Split(u, "/")
	if len(segs) > 0 {
		segs = segs[1:] // the host
	}
	allDigits := func(s string, n int) bool {
		if len(s) != n {
			return false
		}
		for i := 0; i < len(s); i++ {
			if !isDigit(s[i]) {
				return false
			}
		}
		return true
	}
	for i, sg := range segs {
		var d day
		switch {
		case allDigits(sg, 8):
			d = day{atoi(sg[:4]), atoi(sg[4:6]), atoi(sg[6:])}
		case len(sg) == 10 && sg[4] == '-' && sg[7] == '-' && allDigits(sg[:4], 4) && allDigits(sg[5:7], 2) && allDigits(sg[8:], 2):
			d = day{atoi(sg[:4]), atoi(sg[5:7]), atoi(sg[8:])}
		case allDigits(sg, 4) && i+2 < len(segs) && allDigits(segs[i+1], 2) && allDigits(segs[i+2], 2):
			d = day{atoi(sg), atoi(segs[i+1]), atoi(segs[i+2])}
		default:
			continue
		}
		if d.y >= 1990 && d.y <= 2100 && d.valid() {
			return d, true
		}
	}
	return day{}, false
}

// copyrightYear is the latest year of a copyright notice in text ("©
// UNHCR 2026", "Copyright © 2010–2026 Ministry of ..."), or 0. A page
// states it at its foot, in the year it was issued or later.
func copyrightYear(text string) int {
	best := 0
	for _, mark := range []string{"©", "Copyright", "COPYRIGHT", "(c)", "(C)"} {
		from := 0
		for {
			i := strings.Index(text[from:], mark)
			if i < 0 {
				break
			}
			i += from
			from = i + len(mark)
			ls := strings.LastIndexByte(text[:i], '\n') + 1
			le := strings.IndexByte(text[i:], '\n')
			if le < 0 {
				le = len(text)
			} else {
				le += i
			}
			if le-ls > 160 || mark[0] == '(' && strings.TrimSpace(text[ls:i]) != "" {
				continue // running text, or "(c)" as a paragraph's letter
			}
			win := text[from:min(le, from+80)]
			for k := 0; k+4 <= len(win); k++ {
				if (k == 0 || !isDigit(win[k-1])) && allDigits4(win[k:]) && (k+4 == len(win) || !isDigit(win[k+4])) {
					if y := atoi(win[k : k+4]); y >= 1990 && y <= 2100 && y > best {
						best = y
					}
				}
			}
		}
	}
	return best
}

// allDigits4 says s starts with four digits.
func allDigits4(s string) bool {
	return len(s) >= 4 && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) && isDigit(s[3])
}

// fitWeekday checks a date against the weekday written with it ("Friday
// (13/2)", "Tuesday, 14 April"). When they disagree it tries the other
// reading of an ambiguous numeric date and, when the year was only hinted,
// the years either side; it keeps x when none agrees.
func fitWeekday(m dateMatch, x day, hinted bool) day {
	want, ok := weekdays[strings.ToLower(m.weekday)]
	if !ok || !x.valid() || x.y == 0 || x.time().Weekday() == want {
		return x
	}
	var tries []day
	if m.numeric && x.d <= 12 && x.d != x.m {
		tries = append(tries, day{x.y, x.d, x.m})
	}
	if hinted {
		tries = append(tries, day{x.y - 1, x.m, x.d}, day{x.y + 1, x.m, x.d})
	}
	for _, t := range tries {
		if t.valid() && t.time().Weekday() == want {
			return t
		}
	}
	return x
}
