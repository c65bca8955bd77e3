package knowledge

import (
	"regexp"
	"slices"
	"strings"
)

// releaseDay is the day the readout was issued: front matter, the date line
// in the header, a dateline opening the body, a date tied to
// "yesterday"/"tomorrow" in the text, the date in the page's address, or a
// dateline without a year completed from the year the readout states.
func (d *doc) releaseDay() (day, bool) {
	if d.r.Published != "" {
		if x, ok := d.parseDate(d.r.Published); ok {
			return x, true
		}
	}
	for _, line := range d.header {
		if x, ok := d.parseDate(line); ok {
			d.refFromHeader = true
			return x, true
		}
	}
	line, lineOK := d.dateline()
	if !lineOK {
		line, lineOK = d.headerDay()
	}
	if lineOK && line.y != 0 {
		d.refFromHeader = true
		return line.day, true
	}
	// "Date and time: Thursday, 29 January 2026, 10:15-11:05 (JST)" ends
	// like a sentence and so is read as body text; it dates the page still.
	for _, s := range d.sents {
		if x, _, ok := dateOnlyLine(s.text); ok {
			d.refFromHeader = true
			return x, true
		}
	}
	for _, line := range append(append([]string{}, d.trailer...), d.labels...) {
		if len(line) < 60 {
			if x, ok := d.parseDate(line); ok {
				d.refFromHeader = true
				return x, true
			}
		}
	}
	if x, ok := d.anchor(); ok {
		return x, true
	}
	if x, ok := urlDate(d.r.SourceURL); ok {
		return x, true
	}
	if lineOK {
		if y := d.yearHint(); y != 0 {
			if x := fitWeekday(line, line.withYear(day{y, 12, 31}), true); x.valid() {
				d.refFromHeader = true
				return x, true
			}
		}
	}
	return day{}, false
}

// dateline is the date of a dateline opening the body's first sentence,
// read in the readout's order of day and month.
func (d *doc) dateline() (dateMatch, bool) {
	if len(d.sents) == 0 {
		return dateMatch{}, false
	}
	m, ok := datelineDate(d.sents[0].text)
	if !ok {
		return dateMatch{}, false
	}
	if m.swappable && d.dayFirst() {
		m.d, m.m = m.m, m.d
		m.swappable = false
	}
	return m, m.valid()
}

// headerDay is a date without a year that makes up a header line ("Monday,
// 10 May", "NAIROBI, 10 May"): the release day, once a year is known.
func (d *doc) headerDay() (dateMatch, bool) {
	for _, h := range d.header {
		if len(h) > 60 {
			continue
		}
		ds := findDates(h)
		if len(ds) != 1 || ds[0].y != 0 {
			continue
		}
		m := ds[0]
		whole := m.start == 0 && len(strings.TrimRight(h[m.end:], " .,:;–—-")) == 0
		if _, ok := datelineDate(h); ok || whole {
			if m.swappable && d.dayFirst() {
				m.d, m.m = m.m, m.d
				m.swappable = false
			}
			return m, m.valid()
		}
	}
	return dateMatch{}, false
}

// anchor is the release day a date tied to "yesterday", "today" or
// "tomorrow" in the body gives.
func (d *doc) anchor() (day, bool) {
	if hasNonASCII(d.body) {
		if l := strings.ToLower(d.body); !strings.Contains(l, "yesterday") && !strings.Contains(l, "tomorrow") && !strings.Contains(l, "today") {
			return day{}, false
		}
	} else if !containsLowerASCII(d.body, "yesterday") && !containsLowerASCII(d.body, "tomorrow") && !containsLowerASCII(d.body, "today") {
		return day{}, false
	}
	return anchorFromText(d.body)
}

// yearHint is any year the readout states, to complete "September 3": a
// full date in the headline or body, else the year of its copyright notice.
func (d *doc) yearHint() int {
	if x, ok := parseAnyDate(d.title); ok {
		return x.y
	}
	if x, ok := parseAnyDate(d.body); ok {
		return x.y
	}
	return copyrightYear(d.r.Text)
}

// meetingDate picks the day of the meeting: a date in the meeting sentence,
// a date in the headline, a relative date resolved against the release day,
// and finally the release day itself when the text gives no other.
func (d *doc) meetingDate(mi int, ps []Participant, ref day, refOK bool) string {
	meet := d.sents[mi].text
	complete := func(m dateMatch) (string, bool) {
		x := m.day
		if x.y == 0 {
			if refOK {
				x = x.withYear(ref)
			} else if y := d.yearHint(); y != 0 {
				x = x.withYear(day{y, 12, 31})
				x = fitWeekday(m, x, true)
			}
		}
		if x.y == 0 || !x.valid() {
			return "", false
		}
		return fitWeekday(m, x, false).iso(), true
	}
	if refOK && mi == 0 {
		// "NAIROBI, 7 April – X met Y yesterday": the dateline is the
		// release day, and the relative day dates the meeting.
		if m, ok := d.dateline(); ok {
			if line := m.withYear(ref); line.y != 0 && line.valid() {
				if x, ok := relativeDay(d.part, line); ok {
					return x.iso()
				}
				if x, ok := relativeDay(meet, line); ok {
					return x.iso()
				}
			}
		}
	}
	for _, m := range orderDatesBy(findDates(meet), d.dayFirst) {
		if modifiesNoun(meet, m) {
			continue // "his March 18 re-election": another event's date
		}
		if s, ok := complete(m); ok {
			return s
		}
	}
	for _, m := range orderDatesBy(findDates(d.title), d.dayFirst) {
		if s, ok := complete(m); ok {
			return s
		}
	}
	if refOK {
		// "X, who arrived yesterday, met Y today": the main clause decides.
		if x, ok := relativeDay(d.part, ref); ok {
			return x.iso()
		}
		if x, ok := relativeDay(meet, ref); ok {
			return x.iso()
		}
	}
	// The sentence after the meeting sentence sometimes carries the date.
	if mi+1 < len(d.sents) && d.sents[mi+1].para == d.sents[mi].para {
		next := d.sents[mi+1].text
		if hasMeetVerb(next) {
			for _, m := range findDates(next) {
				if s, ok := complete(m); ok && strings.Contains(strings.ToLower(next[max(0, m.start-4):m.start]), "on") {
					return s
				}
			}
		}
	}
	// "X spoke to Y." opens the page; the body then says "X spoke to Y
	// yesterday evening": the restated meeting carries the date.
	if x, ok := d.restatedDate(mi, ps, ref, refOK); ok {
		return x
	}
	if refOK && (d.refFromHeader || d.r.Published != "") {
		return ref.iso()
	}
	return ""
}

// reRestate is a past meeting verb that reports the meeting again;
// reNotRestate marks a sentence about another meeting, earlier or later.
var (
	reRestate    = regexp.MustCompile(`\b(?:met|spoke|talked|held|hosted|received|welcomed|called)\b`)
	reNotRestate = regexp.MustCompile(`(?i)\b(?:will|would|again|next|previous|previously|earlier|last (?:week|month|year)|recalled|since|upcoming|future|plans?)\b`)
)

// restatedDate is the date of a later sentence, within a few of the
// meeting sentence, that reports the same meeting again: a past meeting
// verb, a principal's name, and a date after "on" or a day relative to the
// release.
func (d *doc) restatedDate(mi int, ps []Participant, ref day, refOK bool) (string, bool) {
	for k := mi + 1; k < len(d.sents) && k <= mi+5; k++ {
		s := d.sents[k].text
		if !reRestate.MatchString(s) || reNotRestate.MatchString(s) || !namesAny(s, ps) {
			continue
		}
		for _, m := range orderDatesBy(findDates(s), d.dayFirst) {
			if modifiesNoun(s, m) || !strings.HasSuffix(strings.ToLower(strings.TrimRight(s[:m.start], " ")), "on") {
				continue
			}
			x := m.day
			if x.y == 0 && refOK {
				x = x.withYear(ref)
			}
			if x.y != 0 && x.valid() {
				return x.iso(), true
			}
		}
		if refOK {
			if x, ok := relativeDay(s, ref); ok {
				return x.iso(), true
			}
		}
	}
	return "", false
}

// namesAny says a sentence names one of the participants by a word of
// their name.
func namesAny(s string, ps []Participant) bool {
	for _, p := range ps {
		for _, w := range strings.Fields(p.Name) {
			if len(w) >= 3 && w[0] >= 'A' && w[0] <= 'Z' && strings.Contains(s, w) {
				return true
			}
		}
	}
	return false
}

// modifiesNoun says a date is used as an adjective ("the March 18
// election", "his 3 May speech"), so it dates something other than the
// meeting.
func modifiesNoun(s string, m dateMatch) bool {
	rest := strings.TrimLeft(s[m.end:], " ")
	if rest == "" || !isLetter(rest[0]) || rest[0] < 'a' || rest[0] > 'z' {
		return false
	}
	w := rest
	if i := strings.IndexAny(rest, " ,.;:)"); i >= 0 {
		w = rest[:i]
	}
	return !dateFollowers[w]
}

// dateFollowers may follow a date that dates the meeting itself.
var dateFollowers = setOf("at", "in", "for", "from", "to", "and", "when", "during", "via", "by", "with", "local", "the",
	"on", "after", "before", "while", "where", "as", "through", "until", "over", "between", "morning", "afternoon",
	"evening", "night", "time", "a", "an", "via", "he", "she", "they", "it", "his", "her", "their", "said", "that",
	"this", "both", "which", "who", "along")

// firstPart is the meeting sentence and the one after it, where time and
// length are given; then a later sentence that says how long this meeting
// lasted ("The call lasted 70 minutes."), when those two do not; then the
// times of a labelled or ranged date line ("Date and time: 29 January
// 2026, 10:15-11:05 (JST)"), as a clause the time readers know.
func (d *doc) firstPart(mi int) string {
	s := d.sents[mi].text
	if mi+1 < len(d.sents) {
		s += " " + d.sents[mi+1].text
	}
	if findDuration(s) == 0 {
		for k := mi + 2; k < len(d.sents); k++ {
			if t := d.sents[k].text; reMeetingLength.MatchString(t) && findDuration(t) > 0 {
				s += " " + t
				break
			}
		}
	}
	// "Time: 10:00 – 10:45 (WIB)": a labelled line gives the clock.
	lines := append(d.header[:len(d.header):len(d.header)], d.labels...)
	for _, x := range d.sents {
		lines = append(lines, x.text)
	}
	for _, line := range lines {
		if strings.Contains(line, "Time") {
			if m := reTimeLabel.FindStringSubmatch(line); m != nil {
				return s + " at " + m[1]
			}
		}
	}
	for _, line := range d.header {
		if _, c, ok := dateOnlyLine(line); ok && c != "" {
			return s + " " + c
		}
	}
	for _, x := range d.sents {
		if _, c, ok := dateOnlyLine(x.text); ok && c != "" {
			return s + " " + c
		}
	}
	return s
}

// reTimeLabel is a header line that labels the meeting's time, perhaps
// numbered: "Time: 10:00 – 10:45 (WIB)", "3. Time: 15:30".
var reTimeLabel = regexp.MustCompile(`^(?:\d{1,2}[.)]?\s+)?Time\s*:\s*(\d{1,2}[:.]\d{2}.*)$`)

// reMeetingLength opens a sentence that says how long this meeting lasted:
// its subject is the meeting itself ("The call", "The video conference",
// "Their conversation", "The talks, held in the palace,"), not another
// ("The next meeting", "That summit").
var reMeetingLength = regexp.MustCompile(`(?i)^(?:the|their|today's|this)\s+(?:(?:video|telephone|phone|virtual|online|bilateral|one-on-one|one-to-one|private|restricted|plenary|face-to-face|in-person|working|official|entire|whole|leaders'|two\s+leaders')[- ]){0,2}(?:call|meeting|talks|conversation|conference|videoconference|video-conference|discussions?|session|exchange|dialogue|consultations|audience)\b(?:\s*,[^,]{1,80},)?\s+(?:lasted|lasting|ran|went\s+on|continued|took)\b`)

// reDateLineHead may stand before the date on a line that only dates the
// meeting: a label ("Date and time:", "1 Date:", "(1) Date:") and spaces.
var reDateLineHead = regexp.MustCompile(`^(?:(?:\d{1,2}[.)]?|\(\d{1,2}\))\s+)?(?:[A-Z][A-Za-z ]{0,24}:)?\s*$`)

// reDateLineTail may follow the date on such a line: a time or a range of
// times, and a time zone, bare or in brackets ("10:15 (JST)", "10:15-11:05
// CET", "9.30 (local time)").
var reDateLineTail = regexp.MustCompile(`^[\s,;]*(?:(?:at|from)\s+)?(?:(\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\b\.?)?)(?:\s*(?:-|–|—|to|until)\s*(\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?\s?m\b\.?)?))?)?\s*(?:\(\s*(?:[A-Z]{2,5}(?:[+-]\d{1,2})?|local\s+time)\s*\)|[A-Z]{2,5}(?:[+-]\d{1,2})?\b|local\s+time)?\s*\.?$`)

// dateOnlyLine reads a line that holds only a full date, with perhaps a
// label before it and a time and a time zone after it. It returns the day
// and, when the line gives a range or its label names the time ("Date and
// time:"), its times as a clause ("from 10:15 to 11:05", "at 10:15"). A
// bare time after a date is often the page's publication stamp, so it gives
// none, nor does a line labelled as one ("Published:", "Updated:").
func dateOnlyLine(line string) (day, string, bool) {
	line = strings.TrimSpace(line)
	if len(line) > 90 || !strings.ContainsAny(line, "0123456789") {
		return day{}, "", false
	}
	ds := findDates(line)
	if len(ds) != 1 || ds[0].y == 0 || !ds[0].valid() || !reDateLineHead.MatchString(line[:ds[0].start]) {
		return day{}, "", false
	}
	m := reDateLineTail.FindStringSubmatch(line[ds[0].end:])
	if m == nil {
		return day{}, "", false
	}
	clause := ""
	label := strings.ToLower(line[:ds[0].start])
	stamp := strings.Contains(label, "publish") || strings.Contains(label, "updat") || strings.Contains(label, "post") ||
		strings.Contains(label, "issue") || strings.Contains(label, "release") || strings.Contains(label, "modif")
	switch {
	case stamp:
	case m[1] != "" && m[2] != "":
		clause = "from " + m[1] + " to " + m[2]
	case m[1] != "" && strings.Contains(label, "time"):
		clause = "at " + m[1]
	}
	return ds[0].day, clause, true
}

// dayFirst says whether the readout writes its slash dates day first: the
// evidence of its own dates, else the custom of the country that issued it,
// else of the countries it names (month first where that is the custom, or
// when the readout names no country).
func (d *doc) dayFirst() bool {
	if !d.dayFirstSet {
		d.dayFirstSet = true
		if o := slashOrder(d.r.Text); o != 0 {
			d.dayFirstVal = o > 0
		} else if c := d.issuerCountry(); c != "" {
			d.dayFirstVal = !monthFirstCountries[c]
		} else {
			// No issuer: day first when the readout names countries and
			// cities and none of them writes month first.
			cs := append(countriesIn(d.body), cityCountries(d.body)...)
			d.dayFirstVal = len(cs) > 0 && !slices.ContainsFunc(cs, func(c string) bool { return monthFirstCountries[c] })
		}
	}
	return d.dayFirstVal
}

// parseDate is parseDateIn for a line of the readout, reading an ambiguous
// slash date in the readout's order.
func (d *doc) parseDate(s string) (day, bool) {
	for _, m := range orderDatesBy(findDates(s), d.dayFirst) {
		if m.y != 0 {
			return m.day, true
		}
	}
	return day{}, false
}
