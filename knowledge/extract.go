package knowledge

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/bits"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Extract turns a readout into a Meeting: the meeting's date, time, length,
// place and kind, the principals who took part, and who said what on which
// topic. It returns ErrNotReadout (wrapped) for text that does not report a
// meeting or call between named principals.
func Extract(r Readout) (Meeting, error) {
	d := newDoc(r)
	m := Meeting{
		ID:        readoutID(r),
		Title:     d.title,
		Source:    r.Source,
		SourceURL: r.SourceURL,
		Published: r.Published,
		Text:      r.Text,
		Hash:      r.Hash,
	}
	mi := d.meetingSentence()
	if mi < 0 || looksLikeNews(d.r.Text) || looksLikeSpeech(d.title, d.r.Text) {
		return m, fmt.Errorf("%s: %w", r.Name, ErrNotReadout)
	}
	if m.Title == "" {
		m.Title = headline(d.sents[mi].text)
	}
	meet := d.sents[mi].text
	d.meet = meet
	d.part = participantPart(meet)
	if d.loose {
		d.part = meet // mention offsets must match the sentence nextToVerb reads
	}
	m.Kind = meetingKind(d.title, meet)
	if m.Kind == KindInPerson || m.Kind == KindOther {
		m.Location = d.withCity(d.location(mi), mi)
		d.loc = m.Location
		if m.Kind == KindOther && m.Location != "" {
			// No call, no screen and a place the sides met at
			// ("held the Policy Forum with X in Seoul"): they sat
			// in one room.
			m.Kind = KindInPerson
		}
	}
	m.Participants = d.participants(mi)
	if self, ok := d.author(m.Participants); ok {
		m.Participants = append([]Participant{self}, m.Participants...)
		d.self = label(self)
	} else if firstPerson(meet) {
		d.self = titleAuthor(meet, m.Participants)
	} else {
		d.self = statementAuthor(meet, m.Participants)
	}
	if len(m.Participants) < 2 && !(len(m.Participants) == 1 && reWithOther.MatchString(meet)) {
		return m, fmt.Errorf("%s: %w", r.Name, ErrNotReadout)
	}
	ref, refOK := d.releaseDay()
	if m.Published == "" && refOK && d.refFromHeader {
		m.Published = ref.iso()
	}
	m.Date = d.meetingDate(mi, m.Participants, ref, refOK)
	first := d.firstPart(mi)
	m.Time = findTime(first)
	m.DurationMinutes = d.duration(first)
	m.Positions = d.positions(mi, m.Participants)
	unaffiliated := countUnaffiliated(m.Participants)
	ownCountries(m.Participants, m.Positions)
	pp := d.people
	if pp == nil || countUnaffiliated(m.Participants) != unaffiliated {
		// ownCountries only fills in affiliations: when it filled in
		// none, positions' verdicts on topics stand.
		pp = newPeople(m.Participants)
	}
	m.Topics = topicsWith(meet, m.Positions, pp)
	d.spellAffiliations(m.Participants) // last: the rules above compare the tables' names
	return m, nil
}

// countUnaffiliated is how many participants have no affiliation.
func countUnaffiliated(ps []Participant) int {
	n := 0
	for _, p := range ps {
		if p.Affiliation == "" {
			n++
		}
	}
	return n
}

// newsMarks are phrases of news reporting that official readouts do not use.
var newsMarks = []string{"told reporters", "according to", "(reuters)", "(ap)", "(afp)", "reuters -", "associated press",
	"news agency", "declined to comment", "did not respond to", "asked not to be named", "spoke on condition",
	"said in a statement", "officials said", "analysts said", "a spokesman said", "a spokeswoman said", "sources said",
	"told the", "contributed reporting", "editing by", "reporting by"}

// looksLikeNews says a text is a news report about a meeting rather than
// the readout of one: it quotes people and uses reporting phrases.
func looksLikeNews(text string) bool {
	marks := 0
	if strings.Contains(text, "\u0130") || strings.Contains(text, "\u212A") {
		// İ and the Kelvin sign lower-case to ASCII letters: search the
		// lower-cased text, as newsMarkFound would otherwise miss them.
		l := strings.ToLower(text)
		for _, k := range newsMarks {
			if strings.Contains(l, k) {
				marks++
			}
		}
	} else {
		marks = newsMarkCount(text)
	}
	quotes := strings.Count(text, "“") + strings.Count(text, "\"")/2
	return marks >= 3 || marks >= 2 && quotes >= 2
}

// newsMarkBytes say which newsMarks have a byte (in any ASCII case) first,
// second, third and fourth: one pass over a text finds the few places a
// mark may start.
var newsMarkBytes = func() (t [4][256]uint32) {
	if len(newsMarks) > 32 {
		panic("knowledge: more news marks than bits")
	}
	for i, k := range newsMarks {
		if len(k) < len(t) {
			panic("knowledge: a news mark shorter than newsMarkCount reads")
		}
		for c := 0; c < 256; c++ {
			for at := range t {
				if lowerASCII(byte(c)) == k[at] {
					t[at][c] |= 1 << i
				}
			}
		}
	}
	return t
}()

// newsMarkCount is how many newsMarks a text holds in any ASCII case: what
// strings.Contains finds in strings.ToLower(text) when no non-ASCII rune
// lower-cases to ASCII. Every mark is at least four bytes long.
func newsMarkCount(text string) int {
	var found uint32
	for p := 0; p+3 < len(text); p++ {
		cand := newsMarkBytes[0][text[p]] & newsMarkBytes[1][text[p+1]]
		if cand == 0 {
			continue
		}
		cand &= newsMarkBytes[2][text[p+2]] & newsMarkBytes[3][text[p+3]] &^ found
		for cand != 0 {
			i := bits.TrailingZeros32(cand)
			cand &^= 1 << i
			if k := newsMarks[i]; len(text)-p >= len(k) && equalFoldLower(text[p:p+len(k)], k) {
				found |= 1 << i
			}
		}
	}
	return bits.OnesCount32(found)
}

// equalFoldLower says whether s is lower, an ASCII string in lower case,
// in any ASCII case.
func equalFoldLower(s, lower string) bool {
	for i := 0; i < len(lower); i++ {
		if lowerASCII(s[i]) != lower[i] {
			return false
		}
	}
	return true
}

// headline shortens a sentence to stand in for a missing title.
func headline(s string) string {
	s = strings.TrimSuffix(s, ".")
	if len(s) <= 100 {
		return s
	}
	cut := strings.LastIndex(s[:100], " ")
	if cut < 40 {
		cut = 100
	}
	for cut > 0 && s[cut-1]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// readoutID is a short stable hash of the source URL, else the name.
func readoutID(r Readout) string {
	key := r.SourceURL
	if key == "" {
		key = r.Name
	}
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:8])
}

// sentence is one sentence of the body with the paragraph it is in.
type sentence struct {
	text string
	para int
}

// doc is a readout split into headline, header lines (date line, dateline,
// labels), body sentences and trailer lines (signatures).
type doc struct {
	dayFirstSet   bool        // dayFirst has been worked out
	dayFirstVal   bool        // dayFirst: slash dates are day first
	ments         mentionMemo // findMentions per sentence text
	people        *people     // the participants as positions judged topics for them
	durText       string      // the text dur is findDuration of, when durOK
	dur           int
	durOK         bool
	r             Readout
	title         string
	header        []string
	trailer       []string
	sents         []sentence
	body          string
	refFromHeader bool
	part          string   // participantPart of the meeting sentence
	loc           string   // the meeting's location, once known
	meet          string   // the meeting sentence
	labels        []string // short lines inside the body: captions, metadata
	loose         bool     // principals are bare surnames by the meeting verb
	self          string   // the author's label in a first-person readout
}

var (
	reNumbering = regexp.MustCompile(`^\s*(?:[-–•*·]\s*)?(?:\(?\d{1,2}[.)]|\(\w\)|[ivx]{1,4}[.)])\s+`)
	reDash      = regexp.MustCompile(`^\s*[-–•*·]\s+`)
)

// maxExtractText bounds the text extraction reads: a readout states its
// meeting at the top, and a huge file must not stall ingestion. The whole
// text is still kept and indexed.
const maxExtractText = 200 << 10

// extractText is the start of a text, at most maxExtractText bytes, cut at
// a line end.
func extractText(t string) string {
	if len(t) <= maxExtractText {
		return t
	}
	n := maxExtractText
	for n > 0 && !utf8.RuneStart(t[n]) {
		n--
	}
	t = t[:n]
	if i := strings.LastIndexByte(t, '\n'); i > n/2 {
		return t[:i]
	}
	return t
}

func newDoc(r Readout) *doc {
	r.Text = extractText(r.Text)
	d := &doc{r: r, title: strings.TrimSpace(r.Title)}
	lines := strings.Split(r.Text, "\n")
	if d.title == "" {
		d.title = guessTitle(r.Text)
	}
	titleFold := foldName(d.title)
	first, last := -1, -1
	prose := make([]bool, len(lines))
	isTitle := make([]bool, len(lines))
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if len(line) == len(d.title) && foldName(line) == titleFold {
			isTitle[i] = true
			continue
		}
		if isProse(line) {
			prose[i] = true
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	para := 0
	seen := map[string]bool{}
	var body strings.Builder
	body.Grow(len(r.Text) + 1) // the body is at most the text's lines, each ended by "\n"
	for i, line := range lines {
		line = strings.TrimSpace(line)
		switch {
		case line == "":
			para++
			continue
		case isTitle[i] && (first < 0 || i < first):
			continue
		case first < 0 || i < first:
			d.header = append(d.header, line)
			continue
		case i > last:
			d.trailer = append(d.trailer, line)
			continue
		case !prose[i]:
			// A caption or stray label inside the body.
			d.labels = append(d.labels, line)
			para++
			continue
		}
		if mayStartNumbering(line) {
			// Both patterns are anchored at the start and match no empty
			// text: removing their one match is slicing after it.
			if loc := reNumbering.FindStringIndex(line); loc != nil {
				line = line[loc[1]:]
			}
			if loc := reDash.FindStringIndex(line); loc != nil {
				line = line[loc[1]:]
			}
		}
		body.WriteString(line)
		body.WriteByte('\n')
		if seen[line] {
			continue // a lead paragraph repeated as the body's first
		}
		seen[line] = true
		for _, s := range splitSentences(line) {
			d.sents = append(d.sents, sentence{text: s, para: para})
		}
		para++
	}
	d.body = body.String()
	return d
}

// mayStartNumbering says whether reNumbering or reDash can match a line:
// after leading spaces it starts with a bullet, a digit, "(", i, v or x.
func mayStartNumbering(line string) bool {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t' || line[i] == '\n' || line[i] == '\f' || line[i] == '\r') {
		i++
	}
	if i == len(line) {
		return false
	}
	switch c := line[i]; {
	case c == '-' || c == '*' || c == '(' || c == 'i' || c == 'v' || c == 'x' || '0' <= c && c <= '9':
		return true
	}
	rest := line[i:]
	return strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "•") || strings.HasPrefix(rest, "·")
}

// asciiSpaces are the ASCII bytes strings.Fields splits at.
var asciiSpaces = [utf8.RuneSelf]bool{' ': true, '\t': true, '\n': true, '\r': true, '\v': true, '\f': true}

// fieldCount is len(strings.Fields(s)), counted up to limit.
func fieldCount(s string, limit int) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		c := s[i]
		space, size := false, 1
		if c < utf8.RuneSelf {
			space = asciiSpaces[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if !space && !in {
			if n++; n >= limit {
				return n
			}
		}
		in = !space
		i += size
	}
	return n
}

// isProse says whether a line is running text rather than a label,
// headline, caption or signature.
func isProse(line string) bool {
	words := fieldCount(line, 25)
	if words >= 25 {
		return true
	}
	if words < 5 {
		return false
	}
	switch line[len(line)-1] {
	case '.':
		return !endsWithAbbrev(line)
	case '!', '?', '"', ')':
		return true
	}
	return strings.HasSuffix(line, "”") || strings.HasSuffix(line, "’")
}

// endsWithAbbrev says a line's final dot belongs to an abbreviation
// ("... Gilberto Teodoro Jr."), as in a headline, not to a sentence.
func endsWithAbbrev(line string) bool {
	w := strings.TrimSuffix(lastWord(line), ".")
	if hasNonASCII(w) {
		w = strings.ToLower(w)
		return w == "jr" || w == "sr" || w == "inc" || w == "ltd" || w == "co" || strings.Contains(w, ".")
	}
	return strings.EqualFold(w, "jr") || strings.EqualFold(w, "sr") || strings.EqualFold(w, "inc") ||
		strings.EqualFold(w, "ltd") || strings.EqualFold(w, "co") || strings.Contains(w, ".")
}

// sentenceAbbrevs end with a dot that does not end a sentence.
var sentenceAbbrevs = setOf("mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "h.e", "u.s",
	"u.k", "u.n", "no", "vs", "e.g", "i.e", "hon", "gov", "sen", "rep", "amb", "rt", "messrs", "mme", "capt", "maj",
	"adm", "fig", "art", "para", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"u.s.a", "p.r.c", "d.c", "sra", "srta", "dña", "dra", "lic", "ing", "eng", "engr", "atty", "smt", "excmo", "excma",
	"brig", "cdr", "cmdr", "sgt", "mlle", "arq", "md", "mohd", "muh", "abd")

// unitAbbrevs are units written with a dot that a bracket may follow
// inside the sentence ("16.00 hrs. (local time)").
var unitAbbrevs = setOf("hrs", "hr", "h", "min", "mins", "approx")

// splitSentences splits a paragraph at sentence ends, not at "Mr." or
// initials.
func splitSentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(p) && (p[j] == '"' || p[j] == ')' || p[j] == '\'') {
			j++
		}
		if strings.HasPrefix(p[j:], "”") || strings.HasPrefix(p[j:], "’") {
			j += len("”")
		}
		if j >= len(p) || p[j] != ' ' {
			continue
		}
		k := j
		for k < len(p) && p[k] == ' ' {
			k++
		}
		if k >= len(p) {
			continue
		}
		next := rune(p[k])
		if next >= 0x80 {
			for _, r := range p[k:] {
				next = r
				break
			}
		}
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && next != '"' && next != '“' && next != '(' {
			continue
		}
		if c == '.' {
			w := lastWord(p[start:i])
			if h := strings.LastIndexByte(w, '-'); h >= 0 {
				w = w[h+1:]
			}
			abbrev, _ := lookupLower(sentenceAbbrevs, w)
			if abbrev || isOneUpperRune(w) || strings.Contains(w, ".") {
				continue // "Mr.", "R.", "U.S."
			}
			if next == '(' && unitAbbrevs[strings.ToLower(w)] {
				continue // "at 16.00 hrs. (Bangkok time)": the clause goes on
			}
			// "a.m" and "p.m" hold a dot: Contains above already skipped them.
		}
		out = append(out, strings.TrimSpace(p[start:j]))
		start = k
		i = k - 1
	}
	if rest := strings.TrimSpace(p[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// lookupLower is m[strings.ToLower(w)], without allocating for an ASCII w.
func lookupLower[V any](m map[string]V, w string) (V, bool) {
	var buf [32]byte
	if len(w) > len(buf) || hasNonASCII(w) {
		v, ok := m[strings.ToLower(w)]
		return v, ok
	}
	b := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		b[i] = lowerASCII(w[i])
	}
	v, ok := m[string(b)] // no allocation for the lookup
	return v, ok
}

// isOneUpperRune says whether w is a single upper-case letter.
func isOneUpperRune(w string) bool {
	r, size := utf8.DecodeRuneInString(w)
	return size == len(w) && size > 0 && unicode.IsUpper(r)
}

// lastWord is the word before a dot, looking back a bounded distance so
// sentence splitting stays linear.
func lastWord(s string) string {
	if len(s) > 24 {
		s = s[len(s)-24:]
	}
	// strings.LastIndexAny(s, " (\"“"), reading ASCII without decoding.
	for i := len(s); i > 0; {
		if c := s[i-1]; c < utf8.RuneSelf {
			i--
			if c == ' ' || c == '(' || c == '"' {
				return s[i+1:]
			}
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
		if r == '“' {
			return s[i+1:]
		}
	}
	return s
}

// reMeetVerb marks a sentence that reports the meeting or call itself.
var reMeetVerb = regexp.MustCompile(`(?i)\b(?:congratulated|met|meets|meeting|meet|talks?|talked|spoke|speaks|call(?:ed|s)?\b(?:\s+on)?|telephone|phone|conversation|hosted|hosts|received|receives|held|holds|conferred|visited|discussed|discuss|video(?:-|\s)?conference|welcomed|welcomes|greeted|exchanged|co-chaired|chaired|consulted)\b`)

var reCallFor = regexp.MustCompile(`(?i)\bcall(?:ed|s|ing)?\s+(?:for|upon)\b`)

// dropCallFor removes "called for", which is not a call.
func dropCallFor(s string) string {
	if !strings.Contains(s, "all") || !mayCallFor(s) {
		return s // ReplaceAllString would return a copy of s
	}
	return reCallFor.ReplaceAllString(s, "")
}

// mayCallFor says whether reCallFor can match s: an ASCII text needs
// "call" followed, after letters and spaces, by "for" or "upon".
func mayCallFor(s string) bool {
	if hasNonASCII(s) {
		return reCallFor.MatchString(s)
	}
	for from := 0; ; {
		i := indexLowerASCII(s[from:], "call")
		if i < 0 {
			return false
		}
		rest := s[from+i+len("call"):]
		for len(rest) > 0 && isLetterByte(rest[0]) {
			rest = rest[1:] // "ed", "s", "ing"
		}
		if r := skipRESpace(rest); len(r) < len(rest) && (hasPrefixLowerASCII(r, "for") || hasPrefixLowerASCII(r, "upon")) {
			return true
		}
		from += i + 1
	}
}

// indexLowerASCII is strings.Index(strings.ToLower(s), sub) for an ASCII s
// and a lower-case sub.
func indexLowerASCII(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if lowerASCII(s[i]) == sub[0] && equalFoldLower(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

func hasPrefixLowerASCII(s, prefix string) bool {
	return len(s) >= len(prefix) && equalFoldLower(s[:len(prefix)], prefix)
}

func isLetterByte(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// reWithOther says a meeting sentence names a counterpart even when only one
// principal was found ("met a delegation from ...").
var reWithOther = regexp.MustCompile(`(?i)\b(?:with|met|hosted|received|spoke|talked|called|welcomed|greeted|visited)\b`)

// meetingSentence is the first body sentence that reports the meeting and
// names a principal; -1 when there is none.
func (d *doc) meetingSentence() int {
	// The mentions of each sentence with a meeting verb, found once for
	// both passes.
	var found [13][]mention
	verb := [13]bool{}
	for i, s := range d.sents {
		if i > 12 {
			break
		}
		t := dropCallFor(s.text)
		if !hasMeetVerb(t) || plansMeeting(t) {
			continue
		}
		verb[i] = true
		found[i] = d.ments.find(s.text)
		for _, m := range found[i] {
			if d.isPrincipal(m) {
				return i
			}
		}
	}
	// No principal with an office or a full name: accept surnames that
	// stand right by the meeting verb ("Abe met Putin in Vladivostok").
	for i, s := range d.sents {
		if i > 12 {
			break
		}
		if !verb[i] {
			continue
		}
		for _, m := range found[i] {
			if nextToVerb(s.text, m) {
				d.loose = true
				return i
			}
		}
	}
	return -1
}

// reVerbAfter and reVerbBefore find a meeting verb right after a name, or
// "met"/"with" right before it.
var (
	reVerbAfter  = regexp.MustCompile(`^\s+(?:met|meets|held|holds|had|has|spoke|speaks|talked|called|hosted|received|welcomed|visited)\b`)
	reVerbBefore = regexp.MustCompile(`\b(?:met|meets|with|hosted|received|welcomed|called)\s+$`)
)

// nextToVerb says a bare name is the subject or object of the meeting verb.
func nextToVerb(s string, m mention) bool {
	if m.office || m.name == "" || m.start > len(s) || m.end > len(s) {
		return false
	}
	return reVerbAfter.MatchString(s[m.end:]) || reVerbBefore.MatchString(s[:m.start])
}

// isPrincipal says whether a mention in a meeting sentence can be one who
// met: someone with an office or honorific, a full name, or an office.
func (d *doc) isPrincipal(m mention) bool {
	if isStaffTitle(m.title) {
		return false
	}
	// "accompanied by Foreign Minister X": with the delegation, not a principal.
	if m.prev == "by" && (m.prev2 == "accompanied" || m.prev2 == "assisted" || m.prev2 == "flanked") {
		return false
	}
	if m.office {
		return !m.lower || m.aff != "" // "the prime minister of Japan"
	}
	if m.title != "" || m.hon {
		return true
	}
	// A bare full name is a principal only where a person can stand: not
	// "at the Great Hall" or "of the People".
	switch m.prev {
	case "the", "of", "at", "in", "from", "to", "on", "into", "near", "a", "an":
		return false
	case ",":
		if placeApposition(d.part, m) {
			return false
		}
	}
	return fieldCount(m.name, 2) >= 2 || d.loose && d.meet != "" && nextToVerb(d.meet, m)
}

// rePlaceBefore is a place and a comma right before a name: "in Manado, "
// then the region of the place, not a person.
var rePlaceBefore = regexp.MustCompile(`(?:^|[^\p{L}\p{M}])(?:in|at)\s+(?:the\s+)?` + capPhrase + `,\s*$`)

// placeApposition says a bare name closes a place's apposition ("met on 3
// May in Manado, North Sulawesi."): a province or country, not a person.
func placeApposition(s string, m mention) bool {
	if m.start < 0 || m.end > len(s) || m.start > m.end {
		return false
	}
	if rest := strings.TrimLeft(s[m.end:], " "); rest != "" && !strings.ContainsRune(".,;:)", rune(rest[0])) {
		return false
	}
	return rePlaceBefore.MatchString(s[:m.start])
}

// isStaffTitle says whether an office speaks for others (a spokesperson,
// a press secretary, a "Secretary for Press Affairs"): its holder briefs on
// a meeting rather than takes part in it.
func isStaffTitle(t string) bool {
	if !hasNonASCII(t) {
		return containsLowerASCII(t, "spokes") || containsLowerASCII(t, "press secretary") || containsLowerASCII(t, "press officer") ||
			containsLowerASCII(t, "secretary for press")
	}
	l := strings.ToLower(t)
	return strings.Contains(l, "spokes") || strings.Contains(l, "press secretary") || strings.Contains(l, "press officer") ||
		strings.Contains(l, "secretary for press")
}

// containsLowerASCII says whether strings.ToLower(s) holds sub, for an
// ASCII s and a lower-case sub, without lower-casing s.
func containsLowerASCII(s, sub string) bool {
	n := len(sub)
	for i := 0; i+n <= len(s); i++ {
		if lowerASCII(s[i]) == sub[0] && equalFoldLower(s[i:i+n], sub) {
			return true
		}
	}
	return false
}

// reTopicTail starts the part of a meeting sentence that says what was
// discussed, where people named are subjects, not participants.
var reTopicTail = regexp.MustCompile(`(?:\bto (?:discuss|talk|exchange|review|address|consult|follow)|\babout\s+(?:the\s|their\s|his\s|her\s|its\s|how\s|what\s|ways\s|\p{Lu})|\bregarding\b|\bconcerning\b|\bincluding\b|,\s*(?:who|which|where|during which)\b|\bwho (?:is|was|are|were)\b|\bon (?:the )?(?:situation|issue|issues|matters|topics|ways|recent|latest|developments)\b|\bannounced\b|\bfollowing\b|\bahead of\b|\bprior to\b)`)

// topicTailMarkers are words that can begin a topic tail; the regular
// expression runs only from the first of them.
var topicTailMarkers = []string{"to ", "about ", "regarding", "concerning", "including", ", wh", "who ", "on ", "announced", "following", "ahead of", "prior to"}

// reOpeningClause is a clause before the principals that says why or when
// they met ("On November 29, following North Korea's missile launch, Mr.
// ..."); the people it names did not take part.
var reOpeningClause = regexp.MustCompile(`^((?:(?:On|In|At|Earlier)\s[^,]{1,40},\s*)?)(?:following|after|in the wake of|amid|ahead of|in light of|in view of|in response to|on the occasion of)\s[^,]{1,150},\s*`)

// openingClause is reOpeningClause.FindStringSubmatchIndex(s), skipping
// the pattern for sentences that start with none of the letters its
// branches start with (On, In, At, Earlier; following, after, in, amid,
// ahead, on).
func openingClause(s string) []int {
	if s == "" || strings.IndexByte("OIAEfaio", s[0]) < 0 || !mayOpenClause(s) {
		return nil
	}
	return reOpeningClause.FindStringSubmatchIndex(s)
}

// reWhoMet opens a relative clause that reports a further meeting.
var reWhoMet = regexp.MustCompile(`^,?\s*who\s+(?:(?:then|later|also|subsequently|afterwards)\s+)?(?:met|meets|held talks|holds talks)\s+(?:with\s+)?`)

// reStatementVerb introduces a principal's own words after a meeting: "X
// issued the following statement after meeting Y:", "X said:".
var reStatementVerb = regexp.MustCompile(`\b(?:(?:issued|released|made|delivered|gave)\s+(?:the\s+following|a|this)\s+(?:joint\s+)?statement|said\s*:|stated\s*:)`)

// statementAuthor is who "I" is in the quoted statement that follows a
// meeting sentence such as "Ms. X, Managing Director, issued the following
// statement after meeting Mr. Y:": the named principal before the verb.
func statementAuthor(meet string, ps []Participant) string {
	// Every alternative of reStatementVerb holds "said" or "state".
	if !strings.Contains(meet, "said") && !strings.Contains(meet, "state") {
		return ""
	}
	loc := reStatementVerb.FindStringIndex(meet)
	if loc == nil {
		return ""
	}
	subject := foldName(meet[:loc[0]])
	who, at := "", loc[0]
	for _, p := range ps {
		if p.Name == "" {
			continue
		}
		for _, t := range nameTokens(p.Name) {
			if i := strings.Index(subject, t); i >= 0 && i < at {
				who, at = label(p), i
			}
		}
	}
	return who
}

// reFollowingText is "the following statement" and the like.
var reFollowingText = regexp.MustCompile(`\b[Tt]he following (statement|remarks|readout|message|joint statement|communiqué|press release)\b`)

// participantPart is the meeting sentence up to its topic tail, with
// relative clauses (", who is visiting New York ...,") removed.
func participantPart(s string) string {
	// "issued the following statement after meeting X": an adjective, not
	// the start of a topic tail.
	if strings.Contains(s, "following ") {
		s = reFollowingText.ReplaceAllString(s, "a $1")
	}
	if loc := openingClause(s); loc != nil {
		s = s[:loc[3]] + s[loc[1]:] // keep "On November 29, ", drop "following ...,"
	}
	from := len(s)
	for _, k := range topicTailMarkers {
		if i := strings.Index(s, k); i >= 0 && i < from {
			from = i
		}
	}
	if from == len(s) {
		return s
	}
	from = max(0, from-2)
	at := topicTailStart(s[from:])
	for at >= 0 && strings.HasPrefix(s[from+at:], "following") && strings.HasSuffix(s[:from+at], "the ") {
		// "issued the following statement": an adjective, not "following
		// the talks".
		next := from + at + len("following")
		if at = topicTailStart(s[next:]); at >= 0 {
			from = next
		}
	}
	if at >= 0 {
		head, tail := s[:at+from], s[at+from:]
		// "..., who later met with Cardinal X": a relative clause that
		// names more principals met is part of the meeting.
		if m := reWhoMet.FindStringIndex(tail); m != nil {
			return head + ", " + participantPart(tail[m[1]:])
		}
		// A relative clause closed by a comma: keep what follows it.
		if strings.HasPrefix(strings.TrimLeft(tail, ", "), "who") || strings.HasPrefix(strings.TrimLeft(tail, ", "), "which") {
			if j := strings.Index(tail[1:], ","); j >= 0 {
				return head + ", " + participantPart(tail[j+2:])
			}
		}
		return head
	}
	return s
}

// topicTailStart is where reTopicTail first matches t, or -1: the same
// answer, without running the regular expression.
func topicTailStart(t string) int {
	for p := 0; p < len(t); p++ {
		c := t[p]
		if c == ',' {
			if commaClauseAt(t[p+1:]) {
				return p
			}
			continue
		}
		if p > 0 && isWordByte(t[p-1]) {
			continue // every other branch starts with \b and a letter
		}
		r := t[p:]
		switch c {
		case 't':
			if strings.HasPrefix(r, "to ") && hasAnyPrefix(r[3:], "discuss", "talk", "exchange", "review", "address", "consult", "follow") {
				return p
			}
		case 'a':
			if strings.HasPrefix(r, "about") && aboutObject(r[len("about"):]) ||
				wordAt(r, "announced") || wordAt(r, "ahead of") {
				return p
			}
		case 'r':
			if wordAt(r, "regarding") {
				return p
			}
		case 'c':
			if wordAt(r, "concerning") {
				return p
			}
		case 'i':
			if wordAt(r, "including") {
				return p
			}
		case 'w':
			if strings.HasPrefix(r, "who ") && anyWordAt(r[4:], "is", "was", "are", "were") {
				return p
			}
		case 'o':
			if strings.HasPrefix(r, "on ") {
				r = r[3:]
				if strings.HasPrefix(r, "the ") && anyWordAt(r[4:], onTopicWords...) || anyWordAt(r, onTopicWords...) {
					return p
				}
			}
		case 'f':
			if wordAt(r, "following") {
				return p
			}
		case 'p':
			if wordAt(r, "prior to") {
				return p
			}
		}
	}
	return -1
}

// onTopicWords follow "on (the)" in reTopicTail.
var onTopicWords = []string{"situation", "issue", "issues", "matters", "topics", "ways", "recent", "latest", "developments"}

// commaClauseAt says whether what follows a comma matches
// \s*(?:who|which|where|during which)\b.
func commaClauseAt(r string) bool {
	return anyWordAt(skipRESpace(r), "who", "which", "where", "during which")
}

// aboutObject says whether what follows "about" matches
// \s+(?:the\s|their\s|his\s|her\s|its\s|how\s|what\s|ways\s|\p{Lu}).
func aboutObject(r string) bool {
	rest := skipRESpace(r)
	if len(rest) == len(r) || rest == "" {
		return false
	}
	for _, w := range [...]string{"the", "their", "his", "her", "its", "how", "what", "ways"} {
		if strings.HasPrefix(rest, w) && len(rest) > len(w) && isRESpace(rest[len(w)]) {
			return true
		}
	}
	u, _ := utf8.DecodeRuneInString(rest)
	return unicode.Is(unicode.Lu, u)
}

// skipRESpace drops the leading characters a regular expression's \s matches.
func skipRESpace(r string) string {
	i := 0
	for i < len(r) && isRESpace(r[i]) {
		i++
	}
	return r[i:]
}

func isRESpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

// isWordByte is a regular expression's \w.
func isWordByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// wordAt says whether r starts with w followed by \b.
func wordAt(r, w string) bool {
	return strings.HasPrefix(r, w) && (len(r) == len(w) || !isWordByte(r[len(w)]))
}

func anyWordAt(r string, ws ...string) bool {
	for _, w := range ws {
		if wordAt(r, w) {
			return true
		}
	}
	return false
}

func hasAnyPrefix(r string, ps ...string) bool {
	for _, p := range ps {
		if strings.HasPrefix(r, p) {
			return true
		}
	}
	return false
}
