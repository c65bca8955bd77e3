package knowledge

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	reVideo     = regexp.MustCompile(`\b(?:video(?:\s|-)?(?:conference|conferencing|call|link|talks?|meeting|summit)|videoconference|virtual(?:ly)?\s+(?:meeting|summit|call|talks?|conference)|held virtually|met virtually|online (?:meeting|talks|summit)|teleconference|via video)\b`)
	rePhone     = regexp.MustCompile(`\b(?:telephone|telephonic|phone|by phone|over the phone)\b`)
	reCallWord  = regexp.MustCompile(`\b(?:call(?:ed|s)?|spoke|speaks|talked)\b`)
	reCourtesy  = regexp.MustCompile(`\b(?:courtesy call|called on|call on|calls on|paid a call)\b`)
	reInPerson  = regexp.MustCompile(`\b(?:met|meets|meeting|meet|hosted|hosts|received|receives|visit(?:ed|s)?|talks|summit|bilateral|luncheon|dinner|breakfast|welcomed|dialogue|consultations?|co-chaired|chaired)\b`)
	reSpokeWith = regexp.MustCompile(`\b(?:spoke|speaks|talked)\s+(?:\w+\s+){0,3}(?:with|to)\b`)
)

// phoneWords and courtesyWords are rePhone's and reCourtesy's branches:
// plain words, which hasAnyWord finds without the patterns.
var (
	phoneWords    = []string{"telephone", "telephonic", "phone", "by phone", "over the phone"}
	courtesyWords = []string{"courtesy call", "called on", "call on", "calls on", "paid a call"}
)

// hasAnyWord says whether s holds one of ws between word boundaries (\b),
// as a pattern \b(?:w1|w2|...)\b of plain words would match.
func hasAnyWord(s string, ws ...string) bool {
	for _, w := range ws {
		for from := 0; ; {
			i := strings.Index(s[from:], w)
			if i < 0 {
				break
			}
			i += from
			if (i == 0 || !isWordByte(s[i-1])) && wordAt(s[i:], w) {
				return true
			}
			from = i + 1
		}
	}
	return false
}

// meetingKind says how the meeting was held, from the headline and the
// meeting sentence.
func meetingKind(title, meet string) Kind {
	both, cut := lowerJoined(title, dropCallFor(meet))
	title, meet = both[:cut], both[cut+1:]
	switch {
	case (strings.Contains(both, "video") || strings.Contains(both, "virtual") || strings.Contains(both, "online") ||
		strings.Contains(both, "teleconference")) && reVideo.MatchString(both):
		return KindVideo
	case strings.Contains(both, "phone") && hasAnyWord(both, phoneWords...):
		return KindTelephone
	case strings.Contains(both, "call") && hasAnyWord(both, courtesyWords...):
		return KindInPerson
	}
	// The first meeting word of the sentence decides; the headline breaks ties.
	callAt := firstWordIndex(meet, callWords, false)
	meetAt := firstWordIndex(meet, inPersonWords, true)
	switch {
	case callAt >= 0 && (meetAt < 0 || callAt < meetAt):
		if reSpokeWith.MatchString(meet) || firstWordIndex(title, callWords, false) >= 0 || strings.Contains(strings.ToLower(meet), "call") {
			return KindTelephone
		}
	case meetAt >= 0:
		return KindInPerson
	}
	if firstWordIndex(title, callWords, false) >= 0 {
		return KindTelephone
	}
	if firstWordIndex(title, inPersonWords, true) >= 0 {
		return KindInPerson
	}
	return KindOther
}

// lowerJoined is strings.ToLower(title) + "\n" + strings.ToLower(meet) and
// where the "\n" is, built in one allocation when both are ASCII.
func lowerJoined(title, meet string) (string, int) {
	if hasNonASCII(title) || hasNonASCII(meet) {
		t := strings.ToLower(title)
		return t + "\n" + strings.ToLower(meet), len(t)
	}
	var b strings.Builder
	b.Grow(len(title) + 1 + len(meet))
	for i := 0; i < len(title); i++ {
		b.WriteByte(lowerASCII(title[i]))
	}
	b.WriteByte('\n')
	for i := 0; i < len(meet); i++ {
		b.WriteByte(lowerASCII(meet[i]))
	}
	return b.String(), len(title)
}

func firstIndex(re *regexp.Regexp, s string) int {
	if loc := re.FindStringIndex(s); loc != nil {
		return loc[0]
	}
	return -1
}

// capPhrase is a run of capitalised words, joined by "of", "de", "du"… and
// by the elided French particles before a capital ("Quai d'Orsay", "Côte
// d'Ivoire", "Palais de l'Élysée").
const capPhrase = `(?:[A-Z\d][\p{L}\p{M}\d'’.&-]*)(?:(?:\s+(?:of|de|and|for|du|la|des|del)(?:\s+the)?)?\s+(?:[dl]['’])?[\p{Lu}\d][\p{L}\p{M}\d'’.&-]*)*`

var (
	reMargins  = regexp.MustCompile(`(?i:on|in|at)\s+the\s+(?i:margins?|sidelines?|occasion)\s+of\s+(?:the\s+)?(` + capPhrase + `(?:\s+in\s+` + capPhrase + `)?)`)
	reOccasion = regexp.MustCompile(`(?:visiting|to attend|attending|visit to|trip to|arrived in|while in)\s+(?:the\s+)?(` + capPhrase + `)`)
	// reInAt needs a real word start before "in" or "at": Go's \b is ASCII
	// only, so it would split "Súilleabháin" before its final "in".
	reInAt = regexp.MustCompile(`(?:^|[^\p{L}\p{M}\d'’-])(?:in|at)\s+((?:the\s+)?` + capPhrase + venueNoun + `(?:,\s*[A-Z][\p{L}\p{M}.'-]+(?:\s+[A-Z][\p{L}\p{M}.'-]+)?)?)`)
	// reWelcomeTo lets a long appositive ("the Prime Minister of X, Ms Y,")
	// and titles with a dot ("Mr.") stand between the verb and the venue.
	reWelcomeTo = regexp.MustCompile(`(?i:welcom\w*)\s+(?:[^.]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|H\.E)\.){0,140}?\bto\s+(?:the\s+)?(` + capPhrase + venueNoun + `)`)
	// reAtVenue is "at" a place named with a venue noun ("at IMF
	// headquarters", "at the Élysée Palace"), wherever it stands in the
	// meeting sentence.
	reAtVenue = regexp.MustCompile(`(?:^|[^\p{L}\p{M}\d'’-])at\s+((?:the\s+)?` + capPhrase + venueNoun + `)`)
)

// findInAt is reInAt.FindAllStringSubmatch(s, -1), run only when s holds
// "in" or "at" before a capital or digit, as the pattern needs.
func findInAt(s string) [][]string {
	if !mayHaveInAt(s) {
		return nil
	}
	return reInAt.FindAllStringSubmatch(s, -1)
}

// mayHaveInAt says whether reInAt can match s: a word "in" or "at", spaces,
// perhaps "the" and spaces, then an ASCII capital or digit.
func mayHaveInAt(s string) bool {
	for i := 0; i+2 < len(s); i++ {
		if !(s[i] == 'i' && s[i+1] == 'n' || s[i] == 'a' && s[i+1] == 't') || i > 0 && isWordByte(s[i-1]) {
			continue
		}
		rest := skipRESpace(s[i+2:])
		if len(rest) == len(s)-i-2 || rest == "" {
			continue // no space after the word
		}
		if capOrDigit(rest[0]) {
			return true
		}
		if strings.HasPrefix(rest, "the") {
			if after := skipRESpace(rest[3:]); len(after) < len(rest)-3 && after != "" && capOrDigit(after[0]) {
				return true
			}
		}
	}
	return false
}

func capOrDigit(c byte) bool { return 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' }

// venueNoun is a common noun that makes the capitalised words before it a
// building ("the SRE headquarters", "the Foreign Ministry's offices").
const venueNoun = `(?:\s+(?:headquarters|offices|office|residence|premises|compound|secretariat|building))?`

// location is where an in-person meeting took place: a venue or city in the
// meeting sentence, the event it was held on the margins of, the city a
// principal was visiting, else the dateline.
func (d *doc) location(mi int) string {
	// "Venue: ASEAN Secretariat, Jakarta": a labelled line says it outright.
	if strings.Contains(d.r.Text, ":") && mayHaveVenueLabel(d.r.Text) {
		if m := reVenueLabel.FindStringSubmatch(d.r.Text); m != nil {
			if p := strings.TrimRight(strings.TrimSpace(m[1]), ".;"); p != "" && len(p) < 80 {
				return p
			}
		}
	}
	meet := d.sents[mi].text
	// A place or venue stated outside the event phrase ("met X in Kuala
	// Lumpur on the sidelines of the Y Meeting") says where they met; the
	// event is only the occasion.
	margins := findMarginsIndex(meet)
	inAt := func(func([]int) bool) {}
	if mayHaveInAt(d.part) {
		inAt = inAtMatches(d.part)
	}
	for m := range inAt {
		p := trimPlace(d.part[m[2]:m[3]])
		if p == "" || !isPlaceLike(p) || officeBefore(d.part[:m[0]+1]) {
			continue
		}
		if margins == nil {
			return p
		}
		if at := strings.Index(meet, d.part[m[2]:m[3]]); at >= 0 && (at+m[3]-m[2] <= margins[0] || at >= margins[1]) &&
			isPlaceOrVenue(p) {
			return p
		}
	}
	if margins != nil {
		return trimPlace(meet[margins[2]:margins[3]])
	}
	// "X, who is in Astana on her first visit to Central Asia": where the
	// guest is, before the region the visit is to.
	if m := reIsIn.FindStringSubmatch(meet); m != nil {
		if p := trimPlace(m[1]); p != "" && isPlaceLike(p) {
			return p
		}
	}
	if m := findOccasion(meet); m != nil {
		if p := trimPlace(m[1]); p != "" && isPlaceLike(p) {
			return p
		}
	}
	// "after meeting with X, Y of Z, at IMF headquarters": a named venue
	// anywhere in the meeting sentence.
	if strings.Contains(meet, "at ") {
		for _, m := range reAtVenue.FindAllStringSubmatch(meet, -1) {
			if p := trimPlace(m[1]); p != "" && isPlaceLike(p) && isPlaceOrVenue(p) {
				return p
			}
		}
	}
	for k := mi; k < len(d.sents) && k <= mi+2; k++ {
		s := d.sents[k].text
		if m := findMargins(s); k > mi && m != nil {
			return trimPlace(m[1])
		}
		if !strings.Contains(s, "elcom") {
			continue
		}
		if m := reWelcomeTo.FindStringSubmatch(s); m != nil {
			// "welcome X to the Fund": only a known place or a venue.
			if p := trimPlace(m[1]); p != "" && isPlaceLike(p) && isPlaceOrVenue(p) {
				return p
			}
		}
	}
	if m := findMargins(d.title); m != nil {
		return trimPlace(m[1])
	}
	for _, m := range findInAt(d.title) {
		if p := trimPlace(m[1]); p != "" && isPlaceLike(p) {
			return p
		}
	}
	// A dateline: a short header line that is a place ("New York",
	// "Tokyo, 8 June 2022").
	for _, line := range d.header {
		if ds := findDates(line); len(ds) > 0 {
			line = strings.TrimRight(strings.TrimSpace(line[:ds[0].start]), ",;:-– ")
		}
		if line != "" && len(line) < 40 && isDateline(line) {
			return line
		}
	}
	return ""
}

var reDatelineLine = regexp.MustCompile(`^[A-Z][\p{L}\p{M}.'’-]*(?:\s+[A-Z][\p{L}\p{M}.'’-]*){0,2}(?:,\s*[A-Z][\p{L}.]*(?:\s+[A-Z][\p{L}.]*)?)?$`)

// isDateline says whether a header line is just a place ("New York",
// "Washington, DC").
func isDateline(line string) bool {
	if !reDatelineLine.MatchString(line) {
		return false
	}
	for _, w := range strings.Fields(line) {
		w = strings.Trim(w, ",")
		if head, _ := lookupKey(titleHeads, w); head {
			return false
		}
		if stop, _ := lookupKey(datelineStop, w); stop {
			return false
		}
		if _, ok := lookupKey(monthNums, w); ok {
			return false
		}
	}
	if _, ok := parseAnyDate(line); ok {
		return false
	}
	return true
}

var datelineStop = setOf("readout", "readouts", "release", "releases", "statement", "statements", "press", "date",
	"immediate", "office", "news", "photo", "photos", "media", "briefing", "speech", "remarks", "announcement",
	"the", "a", "and", "of", "for", "on", "by", "with", "update", "updated", "home", "back", "print", "share", "video")

// isPlaceLike rejects capitalised phrases that are not places: months,
// weekdays, offices and people's titles.
func isPlaceLike(p string) bool {
	bp, toks := scratchTokenize(p)
	defer releaseTokens(bp, toks)
	classify(toks)
	if len(toks) == 0 {
		return false
	}
	first := toks[0]
	if first.key == "the" && len(toks) > 1 {
		first = toks[1]
	}
	if _, ok := monthNums[first.key]; ok {
		return false
	}
	if _, ok := weekdays[first.key]; ok {
		return false
	}
	if first.class == cHon || first.class == cTitle && titleHeads[first.key] {
		return false
	}
	if isNumber(first.key) {
		return false
	}
	for i, t := range toks {
		if t.class == cPlace && t.place.isOrg && i == 0 && len(toks) == t.placeLen && !reVenueWord.MatchString(p) {
			return false // "at the United Nations" is an organisation; "NATO Headquarters" is a venue
		}
	}
	return true
}

// findMargins and findOccasion run their patterns only on sentences that
// hold their key words, which keeps extraction fast.
func findMargins(s string) []string {
	if hasNonASCII(s) {
		l := strings.ToLower(s)
		if !strings.Contains(l, "margin") && !strings.Contains(l, "sideline") && !strings.Contains(l, "occasion") {
			return nil
		}
	} else if !containsLowerASCII(s, "margin") && !containsLowerASCII(s, "sideline") && !containsLowerASCII(s, "occasion") {
		return nil
	}
	return reMargins.FindStringSubmatch(s)
}

// findMarginsIndex is findMargins with the match's offsets.
func findMarginsIndex(s string) []int {
	l := strings.ToLower(s)
	if !strings.Contains(l, "margin") && !strings.Contains(l, "sideline") && !strings.Contains(l, "occasion") {
		return nil
	}
	return reMargins.FindStringSubmatchIndex(s)
}

// isPlaceOrVenue says a phrase is a known city or country, or names a
// building ("Treasury Department", "State House", "IMF headquarters"),
// rather than an organisation or an event.
func isPlaceOrVenue(p string) bool {
	if reVenueWord.MatchString(p) || reVenueOnly.MatchString(p) || reVenueLower.MatchString(p) {
		return true
	}
	p = strings.TrimPrefix(p, "the ")
	if _, ok := lookupPlace(p); ok {
		return true
	}
	if city, _, ok := strings.Cut(p, ","); ok {
		if _, ok := lookupPlace(city); ok {
			return true
		}
	}
	return seatCities[p]
}

// reVenueLower is a venue noun in lower case, or a government building
// named by its department or its street.
var reVenueLower = regexp.MustCompile(`\b(?:headquarters|offices?|residence|premises|compound|secretariat|building|Department|Ministry|Palace|Villa|Castle|Guesthouse|Guest House|Embassy|Consulate|Chancellery|Street|Square|Avenue)\b`)

// reVenueLabel is a line that labels the meeting's place, perhaps numbered:
// "Venue: Ministry of Defense, Tokyo", "2 Place: Bern".
var reVenueLabel = regexp.MustCompile(`(?m)^[ \t]*(?:\d{1,2}[.)]?[ \t]+)?(?:Venue|Place|Location)[ \t]*:[ \t]*(\p{Lu}[^\n]*)$`)

// reIsIn is where a principal is staying: "who is in Astana", "who was
// in Tallinn".
var reIsIn = regexp.MustCompile(`\b(?:is|was|are|were)\s+(?:currently\s+|now\s+)?in\s+(` + capPhrase + `)`)

func findOccasion(s string) []string {
	if !strings.Contains(s, "visit") && !strings.Contains(s, "attend") && !strings.Contains(s, "trip to") &&
		!strings.Contains(s, "arrived in") && !strings.Contains(s, "while in") {
		return nil
	}
	return reOccasion.FindStringSubmatch(s)
}

// reVenueWord marks an organisation's name that is also a place or an event.
var reVenueWord = regexp.MustCompile(`\b(?:Assembly|Council|Summit|Conference|Headquarters|Secretariat|Session|Forum|Parliament|Commission|Building|House|Palace|Hall)\b`)

func trimPlace(p string) string {
	p = strings.TrimSpace(p)
	// A venue ends where an office or a person begins.
	words := strings.Fields(p)
	for i, w := range words {
		if i == 0 {
			continue
		}
		head, _ := lookupKey(titleHeads, strings.Trim(w, ","))
		hon, _ := lookupKey(honorifics, strings.Trim(w, ","))
		// "Today in Suva I met ...": the writer's "I" opens the clause.
		if (head || hon) && !isPossessive(w) || w == "I" {
			p = strings.Join(words[:i], " ")
			break
		}
	}
	p = strings.TrimSuffix(p, ".")
	p = strings.TrimPrefix(p, "the ")
	return strings.TrimSpace(strings.TrimRight(p, ",;: "))
}

// reVenueOnly is a venue that does not say which city it is in.
var reVenueOnly = regexp.MustCompile(`\b(?:Headquarters|HQ|Secretariat|Building|Palace|Hall|Ministry|Centre|Center|Residence|Office)\b`)

// seatCities host international organisations; they are not in the city
// table, which would make their country the host of every meeting there,
// but they still name where a venue is.
var seatCities = setOf("Brussels", "Geneva", "New York", "Strasbourg", "Luxembourg", "The Hague", "Vienna", "Nairobi", "Addis Ababa", "Jakarta")

// reVenueCity is the city named right after a venue.
var reVenueCity = regexp.MustCompile(`^(?:\s+in|,)\s+(\p{Lu}[\p{L}.'’-]+(?:\s\p{Lu}[\p{L}.'’-]+)?)`)

// reCommaCountry is the country after a city: "in Abidjan, Côte d'Ivoire".
var reCommaCountry = regexp.MustCompile(`^,\s+((?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{L}[\p{L}'’-]*){0,3})`)

// beforeCountry says whether rest opens with a comma and a country, so the
// capitalised word before it is a city the tables may not know.
func beforeCountry(rest string) bool {
	m := reCommaCountry.FindStringSubmatch(rest)
	if m == nil {
		return false
	}
	// The longest known country at the start of the phrase.
	f := strings.Fields(m[1])
	for n := len(f); n > 0; n-- {
		if p, ok := lookupPlace(strings.Join(f[:n], " ")); ok {
			return !p.isOrg && !p.isAdj && !p.isCity
		}
	}
	return false
}

// reLeadDateline is a dateline opening the text: "JAKARTA, 7 March 2023 –".
var reLeadDateline = regexp.MustCompile(`^([A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+)?)\s*(?:,|\(|\s[-–—])`)

// leadDateline is reLeadDateline.FindStringSubmatch(s), skipping the
// pattern for the many texts that do not start with two capitals.
func leadDateline(s string) []string {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' || !(s[1] >= 'A' && s[1] <= 'Z' || s[1] == '.' || s[1] == '\'' || s[1] == '-' || s[1] == 0xE2) {
		return nil // 0xE2 starts "’"
	}
	return reLeadDateline.FindStringSubmatch(s)
}

// withCity adds the dateline's city to a venue that names none ("ASEAN
// Secretariat" in a release datelined Jakarta), so the place can be found
// by city.
func (d *doc) withCity(loc string, mi int) string {
	if loc == "" {
		return loc
	}
	// "at the Diaoyutai State Guesthouse in Beijing": the venue's city
	// follows it.
	if i := strings.Index(d.sents[mi].text, loc); i >= 0 {
		rest := d.sents[mi].text[i+len(loc):]
		if m := reVenueCity.FindStringSubmatch(rest); m != nil {
			city := strings.TrimRight(m[1], ".")
			if p, ok := lookupPlace(city); (ok && p.isCity || seatCities[city] || !ok && beforeCountry(rest[len(m[0]):])) &&
				!strings.Contains(loc, city) {
				return loc + ", " + city
			}
		}
	}
	if !venueWords.may(loc) || !reVenueOnly.MatchString(loc) && !reVenueLower.MatchString(loc) {
		return loc
	}
	for _, w := range strings.Fields(loc) {
		if p, ok := lookupPlace(strings.Trim(w, ",")); ok && p.isCity {
			return loc
		}
	}
	city := ""
	for _, line := range d.header {
		if ds := findDates(line); len(ds) > 0 {
			line = strings.TrimRight(strings.TrimSpace(line[:ds[0].start]), ",;:-– ")
		}
		if line != "" && len(line) < 40 && isDateline(line) {
			city, _, _ = strings.Cut(line, ",")
			break
		}
	}
	if city == "" && len(d.sents) > 0 {
		if m := leadDateline(d.sents[0].text); m != nil {
			city = titleCase(m[1])
		}
	}
	if p, ok := lookupPlace(city); ok && p.isCity {
		return loc + ", " + city
	}
	return loc
}

// titleCase writes an upper-case dateline word as a name ("BUENOS AIRES" ->
// "Buenos Aires").
func titleCase(s string) string {
	f := strings.Fields(strings.ToLower(s))
	for i, w := range f {
		r := []rune(w)
		r[0] = []rune(strings.ToUpper(string(r[0])))[0]
		f[i] = string(r)
	}
	return strings.Join(f, " ")
}

// datelineDashes end a dateline that opens a paragraph: "JAKARTA, 7 March
// 2026 – ", "ABU DHABI, 15th June (WAM) -- ", "Manama, Sept. 9 (BNA): ",
// "Kathmandu, Nov. 3: ".
var datelineDashes = []string{" – ", " — ", " -- ", " - ", "): ", ": "}

// leadDatelineEnd is the offset where a dateline opening s ends, or -1: a
// short run of places, dates and agency marks with no lower-case word of
// prose, closed by a dash.
func leadDatelineEnd(s string) int {
	end := -1
	for _, dash := range datelineDashes {
		if i := strings.Index(s, dash); i > 0 && i < 100 && (end < 0 || i < end) {
			end = i
		}
	}
	if end < 0 {
		return -1
	}
	head := s[:end]
	if strings.HasPrefix(s[end:], ")") {
		end++ // keep "(BNA)" in the dateline
	}
	for _, w := range strings.FieldsFunc(head, func(r rune) bool { return r == ' ' || r == ',' || r == '/' }) {
		if len(w) > 3 && strings.ToLower(w) == w && !strings.ContainsAny(w, "0123456789-") {
			return -1 // "The minister said – ": prose, not a dateline
		}
	}
	if leadDateline(s) == nil && !capsLead(head) && len(findDates(head)) == 0 {
		return -1
	}
	return end
}

// capsLead says whether s opens with a word in capitals of three letters or
// more ("MALACAÑAN", "ISTANA"), as a dateline's place is printed.
func capsLead(s string) bool {
	n := 0
	for _, r := range s {
		if !unicode.IsLetter(r) {
			break
		}
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 3
}

// officeBefore says whether s ends with an office, so that an "at the
// Ministry of ..." after it names where the office is held ("Minister of
// State at the Ministry of Foreign Affairs"), not where anyone met.
func officeBefore(s string) bool {
	w := lastWord(strings.TrimRight(s, " "))
	if strings.EqualFold(w, "State") {
		return true
	}
	head, _ := lookupKey(titleHeads, w)
	return head && w != "" && w[0] >= 'A' && w[0] <= 'Z'
}
