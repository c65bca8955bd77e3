package knowledge

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
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
	if mi < 0 || looksLikeNews(d.r.Text) {
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
	m.Date = d.meetingDate(mi, ref, refOK)
	m.Time = findTime(d.firstPart(mi))
	m.DurationMinutes = findDuration(d.firstPart(mi))
	m.Positions = d.positions(mi, m.Participants)
	ownCountries(m.Participants, m.Positions)
	m.Topics = topicsOf(meet, m.Positions, m.Participants)
	return m, nil
}

// newsMarks are phrases of news reporting that official readouts do not use.
var newsMarks = []string{"told reporters", "according to", "(reuters)", "(ap)", "(afp)", "reuters -", "associated press",
	"news agency", "declined to comment", "did not respond to", "asked not to be named", "spoke on condition",
	"said in a statement", "officials said", "analysts said", "a spokesman said", "a spokeswoman said", "sources said",
	"told the", "contributed reporting", "editing by", "reporting by"}

// looksLikeNews says a text is a news report about a meeting rather than
// the readout of one: it quotes people and uses reporting phrases.
func looksLikeNews(text string) bool {
	l := strings.ToLower(text)
	marks := 0
	for _, k := range newsMarks {
		if strings.Contains(l, k) {
			marks++
		}
	}
	quotes := strings.Count(text, "“") + strings.Count(text, "\"")/2
	return marks >= 3 || marks >= 2 && quotes >= 2
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
	ments         mentionMemo // findMentions per sentence text
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
		line = reNumbering.ReplaceAllString(line, "")
		line = reDash.ReplaceAllString(line, "")
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

// isProse says whether a line is running text rather than a label,
// headline, caption or signature.
func isProse(line string) bool {
	words := len(strings.Fields(line))
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
	w := strings.ToLower(strings.TrimSuffix(lastWord(line), "."))
	return w == "jr" || w == "sr" || w == "inc" || w == "ltd" || w == "co" || strings.Contains(w, ".")
}

// sentenceAbbrevs end with a dot that does not end a sentence.
var sentenceAbbrevs = setOf("mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "h.e", "u.s",
	"u.k", "u.n", "no", "vs", "e.g", "i.e", "hon", "gov", "sen", "rep", "amb", "rt", "messrs", "mme", "capt", "maj",
	"adm", "fig", "art", "para", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"u.s.a", "p.r.c", "d.c")

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
			lw := strings.ToLower(w)
			if sentenceAbbrevs[lw] || len([]rune(w)) == 1 && unicode.IsUpper([]rune(w)[0]) || strings.Contains(w, ".") {
				continue // "Mr.", "R.", "U.S."
			}
			if (lw == "a.m" || lw == "p.m") && !unicode.IsUpper(next) {
				continue
			}
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

// lastWord is the word before a dot, looking back a bounded distance so
// sentence splitting stays linear.
func lastWord(s string) string {
	if len(s) > 24 {
		s = s[len(s)-24:]
	}
	i := strings.LastIndexAny(s, " (\"“")
	return s[i+1:]
}

// reMeetVerb marks a sentence that reports the meeting or call itself.
var reMeetVerb = regexp.MustCompile(`(?i)\b(?:congratulated|met|meets|meeting|meet|talks?|talked|spoke|speaks|call(?:ed|s)?\b(?:\s+on)?|telephone|phone|conversation|hosted|hosts|received|receives|held|holds|conferred|visited|discussed|discuss|video(?:-|\s)?conference|welcomed|welcomes|greeted|exchanged|co-chaired|chaired|consulted)\b`)

var reCallFor = regexp.MustCompile(`(?i)\bcall(?:ed|s|ing)?\s+(?:for|upon)\b`)

// dropCallFor removes "called for", which is not a call.
func dropCallFor(s string) string {
	if !strings.Contains(s, "all") {
		return s
	}
	return reCallFor.ReplaceAllString(s, "")
}

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
		if !hasMeetVerb(t) {
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
	}
	return len(strings.Fields(m.name)) >= 2 || d.loose && d.meet != "" && nextToVerb(d.meet, m)
}

func isStaffTitle(t string) bool {
	l := strings.ToLower(t)
	return strings.Contains(l, "spokes") || strings.Contains(l, "press secretary") || strings.Contains(l, "press officer")
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

// reWhoMet opens a relative clause that reports a further meeting.
var reWhoMet = regexp.MustCompile(`^,?\s*who\s+(?:(?:then|later|also|subsequently|afterwards)\s+)?(?:met|meets|held talks|holds talks)\s+(?:with\s+)?`)

// reStatementVerb introduces a principal's own words after a meeting: "X
// issued the following statement after meeting Y:", "X said:".
var reStatementVerb = regexp.MustCompile(`\b(?:(?:issued|released|made|delivered|gave)\s+(?:the\s+following|a|this)\s+(?:joint\s+)?statement|said\s*:|stated\s*:)`)

// statementAuthor is who "I" is in the quoted statement that follows a
// meeting sentence such as "Ms. X, Managing Director, issued the following
// statement after meeting Mr. Y:": the named principal before the verb.
func statementAuthor(meet string, ps []Participant) string {
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
	if loc := reOpeningClause.FindStringSubmatchIndex(s); loc != nil {
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
	if loc := reTopicTail.FindStringIndex(s[from:]); loc != nil {
		loc[0], loc[1] = loc[0]+from, loc[1]+from
		head, tail := s[:loc[0]], s[loc[0]:]
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
