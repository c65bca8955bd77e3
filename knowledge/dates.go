package knowledge

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// day is a calendar date; y is 0 when the text gave no year.
type day struct{ y, m, d int }

func (d day) valid() bool {
	if d.m < 1 || d.m > 12 || d.d < 1 || d.d > 31 {
		return false
	}
	if d.y == 0 {
		return true
	}
	t := time.Date(d.y, time.Month(d.m), d.d, 12, 0, 0, 0, time.UTC)
	return t.Day() == d.d && d.y > 1900 && d.y < 2200
}

func (d day) iso() string { return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d) }

func (d day) time() time.Time { return time.Date(d.y, time.Month(d.m), d.d, 12, 0, 0, 0, time.UTC) }

func (d day) add(days int) day {
	t := d.time().AddDate(0, 0, days)
	return day{t.Year(), int(t.Month()), t.Day()}
}

// withYear fills a missing year from ref: the latest such day not more than
// a few days after ref (a readout reports a past meeting).
func (d day) withYear(ref day) day {
	if d.y != 0 || ref.y == 0 {
		return d
	}
	d.y = ref.y
	if d.valid() && d.time().After(ref.time().AddDate(0, 0, 3)) {
		d.y--
	}
	return d
}

var monthNums = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

const (
	monthRE   = `(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`
	weekdayRE = `(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)`
)

// reDate finds absolute dates in the common styles: ISO, "September 19,
// 2017", "19 September 2017", "17 Mar. 2016", "22nd October 2020", "the 3rd
// of May", with an optional weekday before.
var reDate = regexp.MustCompile(`(?i)(?:\b(?P<wd>` + weekdayRE + `)\s*[,(]?\s*)?(?:` +
	`\b(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})\b` +
	`|\b(?P<am>` + monthRE + `)\s*(?P<ad>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s*(?P<ay>\d{4})\b)?` +
	`|\b(?P<bd>\d{1,2})(?:st|nd|rd|th)?\s*(?:of\s+)?(?P<bm>` + monthRE + `)(?:,?\s*(?P<by>\d{4})\b)?` +
	`)`)

var dateGroups = func() map[string]int {
	m := map[string]int{}
	for i, n := range reDate.SubexpNames() {
		if n != "" {
			m[n] = i
		}
	}
	return m
}()

// dateMatch is one absolute date found in a text.
type dateMatch struct {
	day
	start, end int
	weekday    string
}

// findDates returns every absolute date in s, in order.
func findDates(s string) []dateMatch {
	var out []dateMatch
	for _, loc := range reDate.FindAllStringSubmatchIndex(s, -1) {
		g := func(name string) string {
			i := dateGroups[name]
			if loc[2*i] < 0 {
				return ""
			}
			return s[loc[2*i]:loc[2*i+1]]
		}
		var d day
		switch {
		case g("iy") != "":
			d.y, _ = strconv.Atoi(g("iy"))
			d.m, _ = strconv.Atoi(g("im"))
			d.d, _ = strconv.Atoi(g("id"))
		case g("am") != "":
			d.m = monthNums[strings.ToLower(strings.TrimSuffix(g("am"), "."))]
			d.d, _ = strconv.Atoi(g("ad"))
			d.y, _ = strconv.Atoi(g("ay"))
		default:
			d.m = monthNums[strings.ToLower(strings.TrimSuffix(g("bm"), "."))]
			d.d, _ = strconv.Atoi(g("bd"))
			d.y, _ = strconv.Atoi(g("by"))
		}
		if !d.valid() {
			continue
		}
		// "May" is also a verb: require a capital M unless a year follows.
		if am := g("am"); strings.HasPrefix(am, "may") {
			continue
		}
		out = append(out, dateMatch{day: d, start: loc[0], end: loc[1], weekday: g("wd")})
	}
	return out
}

// parseAnyDate returns the first full date (with a year) in s.
func parseAnyDate(s string) (day, bool) {
	for _, m := range findDates(s) {
		if m.y != 0 {
			return m.day, true
		}
	}
	return day{}, false
}

// reRelative finds dates given relative to the release: "today", "this
// morning", "last night", "yesterday afternoon", "on Monday".
var reRelative = regexp.MustCompile(`(?i)\b(?:(?P<today>today|earlier today|this (?:morning|afternoon|evening)|tonight|this day)|(?P<yest>yesterday(?: (?:morning|afternoon|evening))?|last (?:night|evening)|the previous day|the day before)|(?P<tom>tomorrow)|(?:on|last) (?P<wd>` + weekdayRE + `)\b(?:\s+(?:morning|afternoon|evening|night))?(?P<wdnext>\s*[,(]?\s*\d)?)\b`)

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// relativeOffset reports the first relative date in s as a function of the
// release day; ok is false when s has none.
func relativeDay(s string, ref day) (day, bool) {
	m := reRelative.FindStringSubmatch(s)
	if m == nil {
		return day{}, false
	}
	names := reRelative.SubexpNames()
	for i, name := range names {
		if m[i] == "" {
			continue
		}
		switch name {
		case "today":
			return ref, true
		case "yest":
			return ref.add(-1), true
		case "tom":
			return ref.add(1), true
		case "wd":
			if m[len(names)-1] != "" { // "on Friday 9 October": an absolute date follows
				return day{}, false
			}
			want := weekdays[strings.ToLower(m[i])]
			d := ref
			for k := 0; k < 7 && d.time().Weekday() != want; k++ {
				d = d.add(-1)
			}
			return d, true
		}
	}
	return day{}, false
}

// reAnchor finds an absolute date tied to a relative word ("tomorrow,
// Tuesday, 15th December 2020"), which tells what "today" was.
var reAnchor = regexp.MustCompile(`(?i)\b(yesterday|tomorrow|today)\s*,?\s*(?:\(\s*)?(?:` + weekdayRE + `\s*,?\s*)?(?:the\s+)?\d`)

// anchorFromText infers the release day from "yesterday, <date>" or
// "tomorrow, <date>" in a text without a date line.
func anchorFromText(s string) (day, bool) {
	for _, loc := range reAnchor.FindAllStringSubmatchIndex(s, -1) {
		word := strings.ToLower(s[loc[2]:loc[3]])
		rest := s[loc[3]:]
		if len(rest) > 60 {
			rest = rest[:60]
		}
		d, ok := parseAnyDate(rest)
		if !ok {
			continue
		}
		switch word {
		case "yesterday":
			return d.add(1), true
		case "tomorrow":
			return d.add(-1), true
		default:
			return d, true
		}
	}
	return day{}, false
}

var (
	reClock12 = regexp.MustCompile(`(?i)\b(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s?m\b\.?`)
	reNoon    = regexp.MustCompile(`(?i)\b(?:(?:12|twelve)\s+)?(noon|midday|midnight)\b`)
	reClock24 = regexp.MustCompile(`(?i)\b(?:from|at|around|about|approximately|commencing|starting|since|beginning)\s+(?:around\s+|about\s+|approximately\s+)?(\d{1,2})[:.h](\d{2})\b(?:\s*(?:hrs|hours|h)\b)?`)
)

// findTime returns the first clock time in s as HH:MM (24-hour).
func findTime(s string) string {
	best, bestAt := "", len(s)+1
	if m := reClock12.FindStringSubmatchIndex(s); m != nil {
		h, _ := strconv.Atoi(s[m[2]:m[3]])
		mi := 0
		if m[4] >= 0 {
			mi, _ = strconv.Atoi(s[m[4]:m[5]])
		}
		ap := strings.ToLower(s[m[6]:m[7]])
		if h >= 1 && h <= 12 && mi < 60 {
			h %= 12
			if ap == "p" {
				h += 12
			}
			best, bestAt = fmt.Sprintf("%02d:%02d", h, mi), m[0]
		}
	}
	if m := reNoon.FindStringSubmatchIndex(s); m != nil && m[0] < bestAt {
		// "noon" alone is a time only when it reads like one ("at noon", "12 noon").
		pre := strings.ToLower(s[max(0, m[0]-6):m[0]])
		if strings.Contains(pre, "at") || strings.Contains(pre, "from") || m[2] != m[0] {
			if strings.EqualFold(s[m[2]:m[3]], "midnight") {
				best = "00:00"
			} else {
				best = "12:00"
			}
			bestAt = m[0]
		}
	}
	if m := reClock24.FindStringSubmatchIndex(s); m != nil && m[0] < bestAt && (best == "" || m[1] <= bestAt) {
		h, _ := strconv.Atoi(s[m[2]:m[3]])
		mi, _ := strconv.Atoi(s[m[4]:m[5]])
		if h < 24 && mi < 60 {
			best = fmt.Sprintf("%02d:%02d", h, mi)
		}
	}
	return best
}

var reDuration = regexp.MustCompile(`(?i)\b(?:for|lasting|lasted|which\s+lasted|that\s+lasted)\s+(?:approximately|about|around|roughly|some|nearly|almost|over|more than|less than|just over|just under|close to|an estimated)?\s*(\d+|an?|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|ninety|half an?)\s*(?:and\s+(a\s+half|\d+|a\s+quarter)\s+)?(minutes?|mins?|hours?|hrs?)\b(?:\s+and\s+(\d+)\s+minutes?)?`)

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10,
	"fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90,
}

var reDurationAdj = regexp.MustCompile(`(?i)\b(\d{1,3})-(minute|hour)\b`)

// findDuration returns the meeting length in minutes stated in s, or 0.
func findDuration(s string) int {
	m := reDuration.FindStringSubmatch(s)
	if m == nil {
		if a := reDurationAdj.FindStringSubmatch(s); a != nil {
			n, _ := strconv.Atoi(a[1])
			if strings.EqualFold(a[2], "hour") {
				n *= 60
			}
			if n > 0 && n <= 24*60 {
				return n
			}
		}
		return 0
	}
	num := strings.ToLower(m[1])
	unit := strings.ToLower(m[3])
	var mins float64
	n, err := strconv.Atoi(num)
	switch {
	case err == nil:
		mins = float64(n)
	case strings.HasPrefix(num, "half"):
		mins = 0.5
	default:
		mins = float64(numberWords[num])
	}
	switch frac := strings.ToLower(m[2]); {
	case strings.Contains(frac, "half"):
		mins += 0.5
	case strings.Contains(frac, "quarter"):
		mins += 0.25
	}
	if strings.HasPrefix(unit, "h") {
		mins *= 60
		if m[4] != "" {
			extra, _ := strconv.Atoi(m[4])
			mins += float64(extra)
		}
	}
	if mins <= 0 || mins > 24*60 {
		return 0
	}
	return int(mins + 0.5)
}
