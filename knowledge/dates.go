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

// dateMatch is one absolute date found in a text.
type dateMatch struct {
	day
	start, end int
	weekday    string
	// swappable marks "02/06/2026": both numbers can be the month, and it
	// was read month first.
	swappable bool
	numeric   bool // written in numbers only
}

// findDates returns every absolute date in s, in order: ISO ("2020-02-15"),
// "September 19, 2017", "19 September 2017", "17 Mar. 2016", "22nd October
// 2020", "the 3rd of May", with an optional weekday before. It scans by hand
// from each run of digits, which is much faster than a pattern over the text.
func findDates(s string) []dateMatch {
	var out []dateMatch
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if i > 0 && (isDigit(s[i-1]) || isLetter(s[i-1])) {
			i = j - 1
			continue
		}
		if m, ok := isoAt(s, i, j); ok {
			m.numeric = true
			out = append(out, m)
			i = m.end - 1
			continue
		}
		if m, ok := numericAt(s, i, j); ok {
			m.numeric = true
			out = append(out, m)
			i = m.end - 1
			continue
		}
		if m, ok := weekdayNumericAt(s, i, j); ok {
			m.numeric = true
			out = append(out, m)
			i = m.end - 1
			continue
		}
		if j-i > 2 {
			i = j - 1
			continue
		}
		dd := atoi(s[i:j])
		k := skipOrdinal(s, j)
		if k < len(s) && isLetter(s[k]) && k == j {
			i = j - 1 // "3rd" handled above; "5km" is not a date
			continue
		}
		// "Month D[, YYYY]".
		if mStart, mon, ok := monthBefore(s, i); ok {
			m := dateMatch{day: day{0, mon, dd}, start: mStart, end: k}
			m.y, m.end = yearAfter(s, k, m.end)
			if e, ok := dayRangeEnd(s, k, dd); ok && m.y == 0 {
				m.y, m.end = yearAfter(s, e, m.end) // "May 10-11, 2026": the first day
			}
			m.weekday, m.start = weekdayBefore(s, mStart, m.start)
			if m.valid() {
				out = append(out, m)
				i = m.end - 1
				continue
			}
		}
		// "D [of] Month[, YYYY]", or "D-Mon-YYYY" as some ministries write it.
		p := skipSpaces(s, k)
		hyphen := k == j && k < len(s) && s[k] == '-'
		if e, ok := dayRangeEnd(s, k, dd); ok {
			p, hyphen = skipSpaces(s, e), false // "10-11 May 2026": the first day
		}
		if strings.HasPrefix(s[p:], "of ") {
			p = skipSpaces(s, p+3)
		}
		if hyphen {
			p = k + 1
		}
		if mon, mEnd, ok := monthAt(s, p); ok && p > k-1 {
			m := dateMatch{day: day{0, mon, dd}, start: i, end: mEnd}
			if hyphen && mEnd < len(s) && s[mEnd] == '-' {
				m.y, m.end = yearAfter(s, mEnd+1, m.end)
			} else if !hyphen {
				m.y, m.end = yearAfter(s, mEnd, m.end)
			}
			m.weekday, m.start = weekdayBefore(s, i, m.start)
			if m.valid() {
				out = append(out, m)
				i = m.end - 1
				continue
			}
		}
		i = j - 1
	}
	return out
}

// dayRangeEnd reads the rest of a range of days after the first, d,
// ending at k: "-11", "–11", " and 11th", " to 11". It returns the index
// after the last day, which must come later in the month.
func dayRangeEnd(s string, k, d int) (int, bool) {
	p := k
	switch {
	case strings.HasPrefix(s[p:], "-"):
		p++
	case strings.HasPrefix(s[p:], "–"), strings.HasPrefix(s[p:], "—"):
		p += len("–")
	case strings.HasPrefix(s[p:], " - "), strings.HasPrefix(s[p:], " & "):
		p += 3
	case strings.HasPrefix(s[p:], " – "), strings.HasPrefix(s[p:], " — "):
		p += len(" – ")
	case strings.HasPrefix(s[p:], " and "):
		p += len(" and ")
	case strings.HasPrefix(s[p:], " to "):
		p += len(" to ")
	default:
		return k, false
	}
	q := p
	for q < len(s) && isDigit(s[q]) && q-p < 3 {
		q++
	}
	if q == p || q-p > 2 || q < len(s) && isDigit(s[q]) {
		return k, false
	}
	if d2 := atoi(s[p:q]); d2 <= d || d2 > 31 {
		return k, false
	}
	return skipOrdinal(s, q), true
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func skipSpaces(s string, i int) int {
	for i < len(s) && s[i] == ' ' {
		i++
	}
	return i
}

// isoAt reads "2020-02-15" (or with / or .) starting at the digits s[i:j].
func isoAt(s string, i, j int) (dateMatch, bool) {
	if j-i != 4 || j+3 >= len(s) || s[j] != '-' && s[j] != '/' && s[j] != '.' {
		return dateMatch{}, false
	}
	sep := s[j]
	k := j + 1
	a := k
	for k < len(s) && isDigit(s[k]) && k-a < 3 {
		k++
	}
	if k-a < 1 || k-a > 2 || k >= len(s) || s[k] != sep {
		return dateMatch{}, false
	}
	mon := atoi(s[a:k])
	k++
	b := k
	for k < len(s) && isDigit(s[k]) && k-b < 3 {
		k++
	}
	timeAfter := k+1 < len(s) && s[k] == 'T' && isDigit(s[k+1]) // "2026-05-10T14:03:00Z"
	if k-b < 1 || k-b > 2 || k < len(s) && (isDigit(s[k]) || isLetter(s[k])) && !timeAfter {
		return dateMatch{}, false
	}
	m := dateMatch{day: day{atoi(s[i:j]), mon, atoi(s[b:k])}, start: i, end: k}
	return m, m.valid()
}

// numericAt reads "12.05.2021" (day first), "19-03-2026" or "5/12/2021"
// (month first, as in American pages, unless the first number cannot be a
// month), also with the separators spaced ("19 / 03 / 2026").
func numericAt(s string, i, j int) (dateMatch, bool) {
	if j-i > 2 || j+1 >= len(s) {
		return dateMatch{}, false
	}
	k, sep, sp := numericSep(s, j, 0, false)
	if sep == 0 {
		return dateMatch{}, false
	}
	b := k
	for k < len(s) && isDigit(s[k]) && k-b < 3 {
		k++
	}
	if k-b < 1 || k-b > 2 {
		return dateMatch{}, false
	}
	bEnd := k
	c, _, _ := numericSep(s, k, sep, sp)
	if c == k {
		return dateMatch{}, false
	}
	e := c
	for e < len(s) && isDigit(s[e]) {
		e++
	}
	if e-c != 4 || e < len(s) && isLetter(s[e]) {
		return dateMatch{}, false
	}
	first, second := atoi(s[i:j]), atoi(s[b:bEnd])
	d, mo := first, second
	slash := sep != '.'
	if slash && first <= 12 {
		d, mo = second, first
	}
	m := dateMatch{day: day{atoi(s[c:e]), mo, d}, start: i, end: e}
	m.swappable = slash && first <= 12 && second <= 12 && first != second
	return m, m.valid()
}

// weekdayNumericAt reads a day and month in brackets after a weekday, as
// Indonesian releases write them ("on Tuesday (7/4)"): a date without a
// year, read month first like a slash date until the readout's order is
// known.
func weekdayNumericAt(s string, i, j int) (dateMatch, bool) {
	if j-i > 2 || i == 0 || s[i-1] != '(' || j+2 >= len(s) || s[j] != '/' {
		return dateMatch{}, false
	}
	k := j + 1
	for k < len(s) && isDigit(s[k]) && k-j <= 3 {
		k++
	}
	if k-j < 2 || k-j > 3 || k >= len(s) || s[k] != ')' {
		return dateMatch{}, false
	}
	wd, start := weekdayBefore(s, i, i)
	if wd == "" {
		return dateMatch{}, false
	}
	first, second := atoi(s[i:j]), atoi(s[j+1:k])
	m := dateMatch{day: day{0, first, second}, start: start, end: k + 1, weekday: wd}
	if first > 12 {
		m.d, m.m = first, second
	}
	m.swappable = first <= 12 && second <= 12 && first != second
	return m, m.valid()
}

// numericSep reads the separator of a numeric date at k: '.', '/' or '-',
// or " / " spaced on both sides (a dot or hyphen must touch its digits).
// With want set it must be that separator spaced as before; it returns
// the index after it and the separator, or k and 0 when there is none.
func numericSep(s string, k int, want byte, spaced bool) (int, byte, bool) {
	p := k
	if p < len(s) && s[p] == ' ' && (want == 0 || spaced) {
		p++
	}
	if p >= len(s) || s[p] != '.' && s[p] != '/' && s[p] != '-' || want != 0 && s[p] != want {
		return k, 0, false
	}
	sep := s[p]
	sp := p > k
	p++
	if sp {
		if sep != '/' || p >= len(s) || s[p] != ' ' {
			return k, 0, false
		}
		p++
	} else if want != 0 && spaced {
		return k, 0, false
	}
	if p >= len(s) || !isDigit(s[p]) {
		return k, 0, false
	}
	return p, sep, sp
}

// maxOrderText bounds the text read for evidence of day-first dates.
const maxOrderText = 16 << 10

// slashDayFirst says whether a text writes its numeric dates day first:
// another slash date whose first number exceeds 12 ("25/06/2026"), or a
// date with the month in words that matches the day-first reading of an
// ambiguous one ("02/06/2026" and "June 2"). False when the text gives no
// such evidence or points month first.
func slashDayFirst(text string) bool { return slashOrder(text) > 0 }

// slashOrder is the evidence slashDayFirst reads: above zero for day
// first, below zero for month first, zero when the text gives none.
func slashOrder(text string) int {
	if len(text) > maxOrderText {
		text = text[:maxOrderText]
	}
	var ambiguous []day
	var named []day
	vote := 0
	for i := 0; i < len(text); i++ {
		if !isDigit(text[i]) || i > 0 && (isDigit(text[i-1]) || isLetter(text[i-1])) {
			continue
		}
		j := i
		for j < len(text) && isDigit(text[j]) {
			j++
		}
		if j < len(text) && (text[j] == '/' || text[j] == '-' || text[j] == ' ' && j+1 < len(text) && text[j+1] == '/') {
			if m, ok := numericAt(text, i, j); ok {
				first := atoi(text[i:j])
				switch {
				case m.swappable:
					ambiguous = append(ambiguous, m.day)
				case first > 12:
					vote++
				case m.d > 12:
					vote--
				}
				i = m.end - 1
				continue
			}
		}
		i = j - 1
	}
	if vote != 0 || len(ambiguous) == 0 {
		return vote
	}
	for _, m := range findDates(text) {
		if !m.numeric {
			named = append(named, m.day)
		}
	}
	for _, a := range ambiguous {
		for _, n := range named {
			switch {
			case n.d == a.m && n.m == a.d && (n.y == 0 || n.y == a.y):
				vote++
			case n.d == a.d && n.m == a.m && (n.y == 0 || n.y == a.y):
				vote--
			}
		}
	}
	return vote
}

// orderDates rereads ambiguous slash dates day first when the text they
// come from writes its dates that way.
func orderDates(ms []dateMatch, text string) []dateMatch {
	return orderDatesBy(ms, func() bool { return slashDayFirst(text) })
}

// orderDatesBy rereads ambiguous slash dates day first when dayFirst, asked
// only when there is one, says so.
func orderDatesBy(ms []dateMatch, dayFirst func() bool) []dateMatch {
	for i, m := range ms {
		if !m.swappable {
			continue
		}
		if !dayFirst() {
			return ms
		}
		for j := i; j < len(ms); j++ {
			if ms[j].swappable {
				ms[j].d, ms[j].m = ms[j].m, ms[j].d
				ms[j].swappable = false
			}
		}
		return ms
	}
	return ms
}

// monthFirstCountries write numeric dates month first ("03/11/2026" is
// 11 March); a readout from elsewhere that gives no other evidence writes
// them day first.
var monthFirstCountries = setOf("United States", "Philippines", "Canada", "Micronesia", "Palau", "Marshall Islands", "Belize")

// parseDateIn is parseAnyDate for a line of text, reading an ambiguous
// slash date in the order the text uses.
func parseDateIn(s, text string) (day, bool) {
	for _, m := range orderDates(findDates(s), text) {
		if m.y != 0 {
			return m.day, true
		}
	}
	return day{}, false
}

// skipOrdinal skips "st", "nd", "rd", "th" after a day number.
func skipOrdinal(s string, j int) int {
	if j+2 <= len(s) {
		switch strings.ToLower(s[j : j+2]) {
		case "st", "nd", "rd", "th":
			if j+2 == len(s) || !isLetter(s[j+2]) {
				return j + 2
			}
		}
	}
	return j
}

// monthAt reads a month name (or abbreviation, with an optional dot) at i.
func monthAt(s string, i int) (int, int, bool) {
	k := i
	for k < len(s) && isLetter(s[k]) {
		k++
	}
	if k == i {
		return 0, 0, false
	}
	w := s[i:k]
	mon, ok := monthNums[strings.ToLower(w)]
	if !ok || w == "may" || w == "mar" {
		return 0, 0, false
	}
	if k < len(s) && s[k] == '.' {
		k++
	}
	return mon, k, true
}

// monthBefore finds a month name that ends just before the day at i.
func monthBefore(s string, i int) (int, int, bool) {
	k := i
	for k > 0 && s[k-1] == ' ' {
		k--
	}
	if k > 0 && s[k-1] == '.' {
		k--
	}
	e := k
	for k > 0 && isLetter(s[k-1]) {
		k--
	}
	if k == e || k > 0 && isDigit(s[k-1]) {
		return 0, 0, false
	}
	mon, _, ok := monthAt(s, k)
	if !ok {
		return 0, 0, false
	}
	return k, mon, true
}

// yearAfter reads ", 2017" or " 2017" after a day or month ending at k.
func yearAfter(s string, k, end int) (int, int) {
	p := k
	if p < len(s) && s[p] == ',' {
		p++
	}
	p = skipSpaces(s, p)
	if p+4 <= len(s) && isDigit(s[p]) && isDigit(s[p+1]) && isDigit(s[p+2]) && isDigit(s[p+3]) &&
		(p+4 == len(s) || !isDigit(s[p+4]) && !isLetter(s[p+4])) {
		return atoi(s[p : p+4]), p + 4
	}
	return 0, end
}

// weekdayBefore finds "Wednesday, " or "Thursday (" just before start.
func weekdayBefore(s string, start, cur int) (string, int) {
	k := start
	for k > 0 && (s[k-1] == ' ' || s[k-1] == ',' || s[k-1] == '(') {
		k--
	}
	e := k
	for k > 0 && isLetter(s[k-1]) {
		k--
	}
	if _, ok := weekdays[strings.ToLower(s[k:e])]; ok && e > k {
		return s[k:e], k
	}
	return "", cur
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
	if !mayBeRelative(s) {
		return day{}, false
	}
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

// mayBeRelative says whether reRelative can match s: every branch holds
// "day", "tonight", "tomorrow", "this " or "last " (weekdays end in
// "day"). Only ASCII texts are ruled out, as (?i) also folds "ſ" to "s".
func mayBeRelative(s string) bool {
	return hasNonASCII(s) || containsLowerASCII(s, "day") || containsLowerASCII(s, "tonight") ||
		containsLowerASCII(s, "tomorrow") || containsLowerASCII(s, "this ") || containsLowerASCII(s, "last ")
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
	// reClockHrs is a 24-hour time marked "hrs" with no word before it
	// ("On 3 May, 1430 hrs," "at 09.15 hrs").
	reClockHrs = regexp.MustCompile(`(?:^|[^\d.,:])(\d{2})[:.]?(\d{2})\s*hrs\b`)
)

// findTime returns the first clock time in s as HH:MM (24-hour).
func findTime(s string) string {
	if !strings.ContainsAny(s, "0123456789") && !strings.Contains(s, "noon") && !strings.Contains(s, "midnight") &&
		!strings.Contains(s, "midday") {
		return ""
	}
	best, bestAt := "", len(s)+1
	if m := matchIf(mayHaveClock12(s) && digitsBeforeAP(s), reClock12, s); m != nil {
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
	if m := matchIf(mayHaveNoon(s), reNoon, s); m != nil && m[0] < bestAt {
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
	if m := matchIf(mayHaveClock24(s), reClock24, s); m != nil && m[0] < bestAt && (best == "" || m[1] <= bestAt) {
		h, _ := strconv.Atoi(s[m[2]:m[3]])
		mi, _ := strconv.Atoi(s[m[4]:m[5]])
		if h < 24 && mi < 60 {
			best, bestAt = fmt.Sprintf("%02d:%02d", h, mi), m[0]
		}
	}
	if a, _, at, ok := clockRange(s); ok && (best == "" || at < bestAt) {
		best = fmt.Sprintf("%02d:%02d", a/60, a%60)
	}
	if best == "" {
		best = wordedTime(s)
	}
	if best == "" && strings.Contains(s, "hrs") {
		if m := reClockHrs.FindStringSubmatchIndex(s); m != nil {
			h, _ := strconv.Atoi(s[m[2]:m[3]])
			mi, _ := strconv.Atoi(s[m[4]:m[5]])
			if h < 24 && mi < 60 {
				best = fmt.Sprintf("%02d:%02d", h, mi)
			}
		}
	}
	return best
}

var (
	// reClockZone is a 24-hour time marked by its zone, with no word
	// before it: "began 18:00 local time", "09.30 GMT".
	reClockZone = regexp.MustCompile(`\b(\d{1,2})[:.](\d{2})\s*\(?(?:local\s+time|GMT|UTC|[A-Z][a-z]+\s+time)\b`)
	// reClockWords is an hour told in words: "at 10 in the morning", "at
	// 9 o'clock", "at 3 in the afternoon".
	reClockWords = regexp.MustCompile(`(?i)\bat\s+(\d{1,2})\s+(?:(o['’]clock)(?:\s+in\s+the\s+(morning|afternoon|evening))?|in\s+the\s+(morning|afternoon|evening))\b`)
)

// wordedTime is a clock time findTime's patterns leave: one marked only by
// its zone, or an hour told in words. "" when there is none.
func wordedTime(s string) string {
	if strings.Contains(s, "time") || strings.Contains(s, "GMT") || strings.Contains(s, "UTC") {
		if m := reClockZone.FindStringSubmatch(s); m != nil {
			h, _ := strconv.Atoi(m[1])
			mi, _ := strconv.Atoi(m[2])
			if h < 24 && mi < 60 {
				return fmt.Sprintf("%02d:%02d", h, mi)
			}
		}
	}
	if !strings.Contains(s, "clock") && !strings.Contains(s, " the ") {
		return ""
	}
	m := reClockWords.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	h, _ := strconv.Atoi(m[1])
	half := strings.ToLower(m[3] + m[4])
	if h < 1 || h > 12 || m[2] != "" && half == "" && h < 7 {
		return "" // "at 3 o'clock" alone could be night or day; most meetings are by day
	}
	if half == "afternoon" || half == "evening" {
		h = h%12 + 12
	} else {
		h %= 12
	}
	return fmt.Sprintf("%02d:00", h)
}

// digitsBeforeAP says whether reClock12 can match s: some run of digits,
// with an optional [:.] and more digits, is followed after spaces by a or p.
func digitsBeforeAP(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		i = j - 1
		if j < len(s) && (s[j] == ':' || s[j] == '.') {
			j++
			for j < len(s) && isDigit(s[j]) {
				j++
			}
		}
		for j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n' || s[j] == '\f' || s[j] == '\r') {
			j++
		}
		if j < len(s) && (lowerASCII(s[j]) == 'a' || lowerASCII(s[j]) == 'p') {
			return true
		}
	}
	return false
}

// durationNumber is a count of minutes or hours in words or figures.
const durationNumber = `\d+(?:\.\d{1,2})?|an?|one|two|three|four|five|six|ten|fifteen|twenty|twenty-five|thirty|thirty-five|forty|forty-five|fifty|fifty-five|sixty|seventy|seventy-five|eighty|ninety|half an?`

var reDuration = regexp.MustCompile(`(?i)\b(?:for|lasting|lasted|which\s+lasted|that\s+lasted|spent)\s+(?:approximately|about|around|roughly|some|nearly|almost|over|more than|less than|just over|just under|close to|an estimated)?\s*(` + durationNumber + `)\s*(?:and\s+(a\s+half|\d+|a\s+quarter)\s+)?(minutes?|mins?|hours?|hrs?)\b(?:\s+(?:and\s+)?(?:(\d+|` + minuteWords + `)\s*(?:minutes?|mins?)\b|(a\s+half|a\s+quarter)\b))?`)

// minuteWords are the minutes after an hour in words: "an hour and twenty
// minutes".
const minuteWords = `five|ten|fifteen|twenty|twenty-five|thirty|thirty-five|forty|forty-five|fifty|fifty-five`

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "ten": 10,
	"fifteen": 15, "twenty": 20, "twenty-five": 25, "thirty": 30, "thirty-five": 35, "forty": 40, "forty-five": 45,
	"fifty": 50, "fifty-five": 55, "sixty": 60, "seventy": 70, "seventy-five": 75, "eighty": 80, "ninety": 90,
}

// reDurationAdj is a length used as an adjective: "a 40-minute call", "a
// two-hour dinner", "a half-hour meeting", "an hour-long call", "a
// 2.5-hour meeting", "a one-and-a-half-hour meeting", "a 45-min call".
var reDurationAdj = regexp.MustCompile(`(?i)\b(\d{1,3}(?:\.\d{1,2})?|(?:one|an?|two|three)[- ]and[- ]a[- ]half|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty|forty-five|fifty|sixty|seventy|ninety|half|an?\s+)-?(minute|min|hour)(?:-long)?\b`)

// reHourLong is a length of an hour or half an hour told by an adjective
// after an article: "the hour-long discussion", "their half-hour call".
var reHourLong = regexp.MustCompile(`(?i)\b(?:the|this|their|its)\s+(hour|half-hour)-long\b`)

// durationCount reads a count of durationNumber: figures (with decimals),
// words, "half an", or a word and a half ("one-and-a-half").
func durationCount(w string) float64 {
	w = strings.ToLower(strings.TrimSpace(w))
	if f, err := strconv.ParseFloat(w, 64); err == nil {
		return f
	}
	if strings.HasPrefix(w, "half") {
		return 0.5
	}
	if head, _, ok := strings.Cut(w, "and"); ok && strings.Contains(w, "half") {
		return float64(numberWords[strings.Trim(head, " -")]) + 0.5
	}
	return float64(numberWords[w])
}

// findDuration returns the meeting length in minutes stated in s, or 0:
// in words ("for an hour and a half"), else from a clock range ("from 9:00
// to 11:30").
func findDuration(s string) int {
	if n := wordDuration(s); n > 0 {
		return n
	}
	return rangeDuration(s)
}

// wordDuration is the meeting length stated in words in s, or 0.
func wordDuration(s string) int {
	if !mayHaveDuration(s) {
		return 0
	}
	m := reDuration.FindStringSubmatch(s)
	if m == nil {
		for _, a := range reDurationAdj.FindAllStringSubmatch(s, -1) {
			if strings.HasSuffix(a[1], " ") && !strings.HasSuffix(strings.ToLower(a[0]), "-long") {
				continue // "a minute" is no length; "an hour-long call" is
			}
			n := durationCount(a[1])
			if strings.EqualFold(a[2], "hour") {
				n *= 60
			}
			if n > 0 && n <= 24*60 {
				return int(n + 0.5)
			}
		}
		// "The hour-long discussion": an hour with no number.
		if m := reHourLong.FindStringSubmatch(s); m != nil {
			if strings.EqualFold(m[1], "half-hour") {
				return 30
			}
			return 60
		}
		return 0
	}
	unit := strings.ToLower(m[3])
	mins := durationCount(m[1])
	switch frac := strings.ToLower(m[2]); {
	case strings.Contains(frac, "half"):
		mins += 0.5
	case strings.Contains(frac, "quarter"):
		mins += 0.25
	}
	if strings.HasPrefix(unit, "h") {
		// "an hour and a half", "two hours and a quarter"
		switch frac := strings.ToLower(m[5]); {
		case strings.Contains(frac, "half"):
			mins += 0.5
		case strings.Contains(frac, "quarter"):
			mins += 0.25
		}
		mins *= 60
		if m[4] != "" {
			// "1 hr 30 min", "an hour and twenty minutes"
			extra, err := strconv.Atoi(m[4])
			if err != nil {
				extra = numberWords[strings.ToLower(m[4])]
			}
			mins += float64(extra)
		}
	}
	if mins <= 0 || mins > 24*60 {
		return 0
	}
	return int(mins + 0.5)
}
