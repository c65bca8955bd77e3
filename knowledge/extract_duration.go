package knowledge

import (
	"regexp"
	"strconv"
	"strings"
)

// reClockRange is a meeting's start and end as clock times: "from 9:00 to
// 11:30", "between 10 a.m. and noon", "10:00–11:15", "from 3 to 4.30 p.m.".
// Each side is a time with minutes, with a.m./p.m., or noon or midnight; a
// bare hour is read only when the other side says a.m. or p.m.
var reClockRange = regexp.MustCompile(`(?i)(?:\b(from|between)\s+)?\b(\d{1,2}(?:[:.h]\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?|noon|midday|midnight)(?:\s*(?:hrs|hours)\b\.?)?` +
	`\s*(?:(to|until|till|and)\s+|(?:-|–|—)\s*)` +
	`(\d{1,2}(?:[:.h]\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?|noon|midday|midnight)\b\.?(?:\s*(hrs|hours|local time))?`)

// reClockSide splits one side of a clock range: hour, minutes, a or p.
var reClockSide = regexp.MustCompile(`(?i)^(\d{1,2})(?:[:.h](\d{2}))?(?:\s*([ap])\.?\s?m\b\.?)?$`)

// clockSide is one end of a range, in minutes after midnight (read as a
// 24-hour time when it gives no a.m. or p.m.).
type clockSide struct {
	min      int
	meridiem byte // 'a', 'p', or 0
	minutes  bool // written with minutes ("9:00")
	ok       bool
}

func readClockSide(s string) clockSide {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "noon", "midday":
		return clockSide{min: 12 * 60, meridiem: 'p', ok: true}
	case "midnight":
		return clockSide{min: 0, meridiem: 'a', ok: true}
	}
	m := reClockSide.FindStringSubmatch(s)
	if m == nil {
		return clockSide{}
	}
	h, _ := strconv.Atoi(m[1])
	mi := 0
	if m[2] != "" {
		mi, _ = strconv.Atoi(m[2])
	}
	c := clockSide{minutes: m[2] != "", ok: mi < 60}
	if m[3] != "" {
		c.meridiem = lowerASCII(m[3][0])
		if h < 1 || h > 12 {
			return clockSide{}
		}
		h %= 12
		if c.meridiem == 'p' {
			h += 12
		}
	} else if h > 23 {
		return clockSide{}
	}
	c.min = h*60 + mi
	return c
}

// clockRange finds the first clock range in s: its start and end in
// minutes after midnight and where it starts. Figures such as "from 3.25
// to 3.50 per cent" are no range.
func clockRange(s string) (start, end, at int, ok bool) {
	if !mayHaveClockRange(s) {
		return 0, 0, 0, false
	}
	for _, loc := range reClockRange.FindAllStringSubmatchIndex(s, -1) {
		intro := ""
		if loc[2] >= 0 {
			intro = strings.ToLower(s[loc[2]:loc[3]])
		}
		link := ""
		if loc[6] >= 0 {
			link = strings.ToLower(s[loc[6]:loc[7]])
		}
		if link == "and" && intro != "between" || intro == "between" && link != "and" {
			continue
		}
		a, b := readClockSide(s[loc[4]:loc[5]]), readClockSide(s[loc[8]:loc[9]])
		if !a.ok || !b.ok || unitAfter(s[loc[1]:]) || loc[1] < len(s) && isDigit(s[loc[1]]) {
			continue
		}
		dotted := strings.Contains(s[loc[4]:loc[5]], ".") && a.meridiem == 0 || strings.Contains(s[loc[8]:loc[9]], ".") && b.meridiem == 0
		if dotted && intro == "" && loc[10] < 0 {
			continue // "3.25-3.50": figures, unless "from", "between" or "hrs" says time
		}
		switch {
		case a.meridiem == 0 && b.meridiem == 0:
			if !a.minutes || !b.minutes {
				continue // "from 10 to 12 May"
			}
		case a.meridiem == 0:
			// "from 3 to 4.30 p.m.": the start shares the end's half of
			// the day, unless that puts it after the end ("11 to 1 p.m.").
			if b.meridiem == 'p' && a.min < 12*60 && a.min+12*60 < b.min {
				a.min += 12 * 60
			}
		case b.meridiem == 0:
			// "from 10 a.m. to 11:30", "from 10 p.m. to 11:30".
			if !b.minutes {
				continue
			}
			if a.meridiem == 'p' && b.min < a.min && b.min < 12*60 {
				b.min += 12 * 60
			}
		}
		if b.min <= a.min || b.min-a.min > 12*60 {
			continue
		}
		return a.min, b.min, loc[0], true
	}
	return 0, 0, 0, false
}

// unitAfter says the text after a range starts with a unit that makes its
// numbers figures, not times: "%", "per cent", "billion".
func unitAfter(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	if strings.HasPrefix(rest, "%") {
		return true
	}
	w := rest
	if i := strings.IndexAny(w, " ,.;:)"); i >= 0 {
		w = w[:i]
	}
	switch strings.ToLower(w) {
	case "per", "percent", "pct", "billion", "million", "trillion", "bn", "mn", "points", "basis", "times", "years",
		"months", "weeks", "days", "km", "kilometres", "kilometers", "tonnes", "tons", "people", "members", "votes":
		return true
	}
	return false
}

// mayHaveClockRange is false only when reClockRange cannot match s: it
// needs a link ("to", "until", "till", "and" in any case, or a dash) with a
// digit, n or m (noon, midday, midnight) after it, past the spaces the
// pattern allows, and before it, past spaces, a side's last byte: a digit,
// a dot, the m, n, y, t or s that ends "a.m.", "noon", "midday",
// "midnight", "hrs" and "hours", or a non-ASCII byte.
func mayHaveClockRange(s string) bool {
	for i := 1; i < len(s); i++ {
		n := 0 // the link's length
		switch c := s[i]; {
		case c == '-':
			n = 1
		case c == 0xE2 && (strings.HasPrefix(s[i:], "–") || strings.HasPrefix(s[i:], "—")):
			n = len("–")
		case c == 't' || c == 'T':
			if hasPrefixFoldASCII(s[i:], "till") {
				n = 4
			} else if hasPrefixFoldASCII(s[i:], "to") {
				n = 2
			}
		case c == 'u' || c == 'U':
			if hasPrefixFoldASCII(s[i:], "until") {
				n = 5
			}
		case c == 'a' || c == 'A':
			if hasPrefixFoldASCII(s[i:], "and") {
				n = 3
			}
		}
		if n == 0 {
			continue
		}
		j := i + n
		word := s[i] != '-' && s[i] != 0xE2
		k := skipRegexSpace(s, j)
		if word && k == j || k >= len(s) {
			continue
		}
		if c := lowerASCII(s[k]); !isDigit(c) && c != 'n' && c != 'm' {
			continue
		}
		b := i
		for b > 0 && isRegexSpace(s[b-1]) {
			b--
		}
		if b == 0 {
			continue
		}
		switch c := lowerASCII(s[b-1]); {
		case isDigit(c), c == '.', c == 'm', c == 'n', c == 'y', c == 't', c == 's', c >= 0x80: // "ſ" folds to s
			return true
		}
	}
	return false
}

// reBeganEnded is a meeting's start and end told by verbs: "began at 10:15
// a.m. and ended at 11:45 a.m.", read as the range "from 10:15 a.m. to
// 11:45 a.m.".
var reBeganEnded = regexp.MustCompile(`(?i)\b(?:began|started|commenced|opened)\s+at\s+(\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?)(?:\s*hrs\.?)?\s+and\s+(?:ended|finished|concluded)\s+at\s+(\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?)`)

// rangeDuration is the length in minutes of the first clock range in s,
// or 0.
func rangeDuration(s string) int {
	if strings.Contains(s, "ended at") || strings.Contains(s, "finished at") || strings.Contains(s, "concluded at") {
		s = reBeganEnded.ReplaceAllString(s, "from $1 to $2")
	}
	a, b, _, ok := clockRange(s)
	if !ok {
		return 0
	}
	return b - a
}
