package knowledge

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"unicode"
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
	if mi < 0 || looksLikeNews(r.Text) {
		return m, fmt.Errorf("%s: %w", r.Name, ErrNotReadout)
	}
	if m.Title == "" {
		m.Title = headline(d.sents[mi].text)
	}
	meet := d.sents[mi].text
	d.meet = meet
	d.part = participantPart(meet)
	m.Kind = meetingKind(d.title, meet)
	if m.Kind == KindInPerson || m.Kind == KindOther {
		m.Location = d.location(mi)
		d.loc = m.Location
	}
	m.Participants = d.participants(mi)
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
	m.Topics = topicsOf(meet, m.Positions)
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
}

var (
	reNumbering = regexp.MustCompile(`^\s*(?:[-–•*·]\s*)?(?:\(?\d{1,2}[.)]|\(\w\)|[ivx]{1,4}[.)])\s+`)
	reDash      = regexp.MustCompile(`^\s*[-–•*·]\s+`)
)

func newDoc(r Readout) *doc {
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
var reMeetVerb = regexp.MustCompile(`(?i)\b(?:met|meets|meeting|meet|talks?|talked|spoke|speaks|call(?:ed|s)?\b(?:\s+on)?|telephone|phone|conversation|hosted|hosts|received|receives|held|holds|conferred|visited|discussed|discuss|video(?:-|\s)?conference|welcomed|welcomes|greeted)\b`)

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
	for i, s := range d.sents {
		if i > 12 {
			break
		}
		t := dropCallFor(s.text)
		if !reMeetVerb.MatchString(t) {
			continue
		}
		for _, m := range findMentions(s.text) {
			if d.isPrincipal(m) {
				return i
			}
		}
	}
	return -1
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
	return len(strings.Fields(m.name)) >= 2
}

func isStaffTitle(t string) bool {
	l := strings.ToLower(t)
	return strings.Contains(l, "spokes") || strings.Contains(l, "press secretary") || strings.Contains(l, "press officer")
}

// reTopicTail starts the part of a meeting sentence that says what was
// discussed, where people named are subjects, not participants.
var reTopicTail = regexp.MustCompile(`(?:\bto (?:discuss|talk|exchange|review|address|consult|follow)|\babout\s+(?:the\s|their\s|his\s|her\s|its\s|how\s|what\s|ways\s|\p{Lu})|\bregarding\b|\bconcerning\b|\bincluding\b|,\s*(?:who|which|where|during which)\b|\bwho (?:is|was|are|were)\b|\bon (?:the )?(?:situation|issue|issues|matters|topics|ways|recent|latest|developments)\b|\bannounced\b|\bfollowing\b)`)

// topicTailMarkers are words that can begin a topic tail; the regular
// expression runs only from the first of them.
var topicTailMarkers = []string{"to ", "about ", "regarding", "concerning", "including", ", wh", "who ", "on ", "announced", "following"}

// participantPart is the meeting sentence up to its topic tail, with
// relative clauses (", who is visiting New York ...,") removed.
func participantPart(s string) string {
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

// participants collects the principals from the meeting sentence and the
// headline, merges repeated mentions, and fills names and affiliations the
// readout gives elsewhere.
func (d *doc) participants(mi int) []Participant {
	var ps []Participant
	bodyFold := ""
	add := func(m mention, fromTitle bool) {
		if !d.isPrincipal(m) {
			return
		}
		// "at the Prime Minister's Office", "since the President's
		// inauguration": in the body a possessive office is not a person met.
		if !fromTitle && m.office && m.poss {
			return
		}
		if fromTitle && !m.office && m.title == "" && !m.hon {
			if bodyFold == "" {
				bodyFold = foldName(d.body)
			}
			if !strings.Contains(bodyFold, foldName(m.name)) {
				return
			}
		}
		p := Participant{Name: cleanName(m.name), Title: m.title, Affiliation: m.aff}
		if m.office {
			p.Name = ""
		}
		best := -1
		for i := range ps {
			// Within the meeting sentence an office and a named person are
			// two people ("The Prime Minister spoke to Prime Minister Dahl").
			if !fromTitle && (p.Name == "") != (ps[i].Name == "") {
				continue
			}
			if samePerson(ps[i], p) {
				// A name joins the record with that name before an office.
				if p.Name != "" && best >= 0 && ps[best].Name == "" && ps[i].Name != "" {
					best = i
					continue
				}
				// An office with a country joins the principal of that country
				// before one whose country is not known yet.
				if best < 0 || p.Affiliation != "" && ps[i].Affiliation == p.Affiliation && ps[best].Affiliation != p.Affiliation {
					best = i
				}
			}
		}
		if best >= 0 {
			ps[best] = mergePerson(ps[best], p, fromTitle)
			return
		}
		ps = append(ps, p)
	}
	// Mentions in the meeting sentence, then in the next sentence when the
	// first names only one side.
	for _, m := range findMentions(d.part) {
		add(m, false)
	}
	for _, m := range findMentions(d.title) {
		add(m, true)
	}
	// A header line such as "António Guterres, Secretary-General" names an
	// office that the body leaves unnamed.
	for i := range ps {
		if ps[i].Name != "" {
			continue
		}
		for _, line := range append(append([]string{}, d.header...), d.trailer...) {
			for _, m := range findMentions(line) {
				if !m.office && m.title != "" && sameOffice(m.title, ps[i].Title) && !isStaffTitle(m.title) {
					ps[i].Name = cleanName(m.name)
				}
			}
		}
	}
	for i := range ps {
		if ps[i].Affiliation == "" {
			ps[i].Affiliation = defaultAffiliation(ps[i].Title)
		}
	}
	d.fillAffiliations(ps)
	// Dedupe again: names filled from headers may repeat a named participant.
	out := ps[:0]
	for _, p := range ps {
		dup := false
		for j := range out {
			if p.Name != "" && out[j].Name != "" && samePerson(out[j], p) {
				out[j] = mergePerson(out[j], p, false)
				dup = true
			}
		}
		if !dup {
			out = append(out, p)
		}
	}
	return out
}

// cleanName drops honorifics and stray punctuation left on a name.
func cleanName(n string) string {
	fields := strings.Fields(n)
	for len(fields) > 0 && honorifics[tokenKey(fields[0])] {
		fields = fields[1:]
	}
	return strings.Trim(strings.Join(fields, " "), " ,;:")
}

// nameTokens are the folded words of a name that identify a person.
func nameTokens(n string) []string {
	var out []string
	for _, f := range strings.Fields(foldName(n)) {
		f = strings.Trim(f, ".,'")
		if len(f) > 1 && !particles[f] && !honorifics[f] {
			out = append(out, f)
		}
	}
	return out
}

func shareToken(a, b string) bool {
	ta := nameTokens(a)
	for _, y := range nameTokens(b) {
		for _, x := range ta {
			if x == y {
				return true
			}
		}
	}
	return false
}

// samePerson says whether two participant records describe one person.
func samePerson(a, b Participant) bool {
	switch {
	case a.Name != "" && b.Name != "":
		return shareToken(a.Name, b.Name)
	case a.Name == "" && b.Name == "":
		return sameOffice(a.Title, b.Title) && (a.Affiliation == "" || b.Affiliation == "" || a.Affiliation == b.Affiliation)
	default:
		return sameOffice(a.Title, b.Title) && a.Affiliation != "" && a.Affiliation == b.Affiliation ||
			sameOffice(a.Title, b.Title) && (a.Affiliation == "" || b.Affiliation == "")
	}
}

// sameOffice says whether two offices are one: the same words once filler
// is dropped ("Foreign Minister" = "Minister of Foreign Affairs",
// "Secretary General" = "Secretary-General"), or one adding detail to the
// other ("President" = "President of the European Council"), but never
// across ranks ("Prime Minister" and "Minister", "Deputy Secretary" and
// "Secretary").
func sameOffice(a, b string) bool {
	wa, wb := officeWords(a), officeWords(b)
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	for w := range officeRanks {
		if wa[w] != wb[w] {
			return false
		}
	}
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	head := false
	for w := range wa {
		if !wb[w] {
			return false
		}
		head = head || titleHeads[w]
	}
	return head
}

// officeRanks are words that make a different office, not more detail.
var officeRanks = setOf("deputy", "vice", "under", "assistant", "acting", "senior", "state", "first", "junior",
	"associate", "prime", "high", "chief", "special", "permanent", "foreign", "defence", "defense", "general")

// officeFiller are words dropped when comparing offices.
var officeFiller = setOf("of", "the", "for", "and", "affairs", "&", "/", "on", "to")

// officeWords is the set of words of an office, folded, abbreviations
// expanded ("PM" -> prime minister).
func officeWords(t string) map[string]bool {
	f := strings.Fields(strings.NewReplacer("-", " ", "’", "'", "/", " ").Replace(foldName(t)))
	out := make(map[string]bool, len(f)+1)
	for _, w := range f {
		switch w {
		case "pm":
			out["prime"], out["minister"] = true, true
		case "fm":
			out["foreign"], out["minister"] = true, true
		case "sg":
			out["secretary"], out["general"] = true, true
		default:
			if !officeFiller[w] {
				out[w] = true
			}
		}
	}
	return out
}

// mergePerson combines two records of one person: the longer name, the
// body's title, the first known affiliation.
func mergePerson(a, b Participant, bFromTitle bool) Participant {
	if len(nameTokens(b.Name)) > len(nameTokens(a.Name)) {
		a.Name = b.Name
	}
	if a.Title == "" || !bFromTitle && b.Title != "" && len(b.Title) > len(a.Title) {
		a.Title = b.Title
	}
	if a.Affiliation == "" {
		a.Affiliation = b.Affiliation
	}
	return a
}

// fillAffiliations gives unaffiliated principals an affiliation the
// readout implies: an office named with a country elsewhere ("The Russian
// President"), the issuing country (dateline or source), the country paired
// with a known one ("between Singapore and Malaysia", "ROK-Japan"), the host
// country of the meeting's venue, or a country the headline names.
func (d *doc) fillAffiliations(ps []Participant) {
	taken := map[string]bool{}
	for _, p := range ps {
		taken[p.Affiliation] = p.Affiliation != ""
	}
	give := func(c string) bool {
		if c == "" || taken[c] {
			return false
		}
		for i := range ps {
			if ps[i].Affiliation == "" {
				ps[i].Affiliation = c
				taken[c] = true
				return true
			}
		}
		return false
	}
	missing := func() bool {
		for _, p := range ps {
			if p.Affiliation == "" {
				return true
			}
		}
		return false
	}
	if !missing() {
		return
	}
	// "The Russian President stressed ...": an office with a country that no
	// principal holds is the unaffiliated principal's.
	for k, s := range d.sents {
		if k > 40 {
			break
		}
		for _, m := range findMentions(s.text) {
			if !m.office || m.aff == "" || taken[m.aff] || m.lower {
				continue
			}
			for i := range ps {
				if ps[i].Affiliation == "" && (ps[i].Title == "" || officeMatches(m.title, ps[i].Title)) {
					ps[i].Affiliation = m.aff
					taken[m.aff] = true
					if ps[i].Title == "" {
						ps[i].Title = m.title
					}
					break
				}
			}
		}
		if !missing() {
			return
		}
	}
	give(d.issuerCountry())
	if !missing() {
		return
	}
	for _, pair := range countryPairs(d.title + "\n" + d.body) {
		switch {
		case taken[pair[0]] && !taken[pair[1]]:
			give(pair[1])
		case taken[pair[1]] && !taken[pair[0]]:
			give(pair[0])
		}
		if !missing() {
			return
		}
	}
	if d.loc != "" && !reMultilateral.MatchString(d.meet+" "+d.loc) {
		// A bilateral meeting in a capital is hosted by that country.
		if p, ok := lookupPlace(d.loc); ok && p.isCity {
			give(p.country)
		} else {
			for _, c := range countriesIn(d.loc) {
				give(c)
			}
		}
	}
	for _, c := range countriesIn(strings.ReplaceAll(d.title, "-", " ")) {
		give(c)
	}
	// Last, a country the text names as an actor rather than as a place
	// things happen in: "welcomed Japanese investment", not "war in Ukraine".
	for _, c := range actorCountries(d.body) {
		if !missing() {
			return
		}
		give(c)
	}
}

// reMultilateral marks meetings at an event, whose venue says nothing
// about who hosted.
var reMultilateral = regexp.MustCompile(`(?i)\b(?:margins?|sidelines?|summit|conference|forum|occasion|attend\w*|session|assembly|G\d+)\b`)

// subjectLead are words after which a country begins a clause as its
// subject ("..., and Finland is concerned", "said that China will").
var subjectLead = setOf(".", ",", ";", ":", "that", "and", "while", "whereas", "but", "as", "(")

// actorCountries lists countries named as the subject of a clause, not as
// the place where things happen or the object of an action.
func actorCountries(s string) []string {
	var out []string
	seen := map[string]bool{}
	toks := tokenize(s)
	classify(toks)
	for i, t := range toks {
		if t.class != cPlace || t.placeLen == 0 || t.place.isOrg || t.place.isCity || seen[t.place.name] {
			continue
		}
		k := i - 1
		if k >= 0 && toks[k].key == "the" {
			k--
		}
		if k >= 0 && !subjectLead[toks[k].key] {
			continue
		}
		seen[t.place.name] = true
		out = append(out, t.place.name)
	}
	return out
}

// issuerCountry is the country of the dateline ("Washington, DC", "New
// Delhi", "10 Downing Street") or of the source.
func (d *doc) issuerCountry() string {
	lines := append(append(append(append([]string{}, d.header...), d.trailer...), d.labels...), d.r.Source)
	for _, line := range lines {
		if len(line) > 80 {
			continue
		}
		toks := tokenize(line)
		classify(toks)
		for _, t := range toks {
			if t.class == cPlace && t.placeLen > 0 && t.place.name != "" {
				if t.place.isCity {
					return t.place.country
				}
				if !t.place.isOrg && line == d.r.Source {
					return t.place.name
				}
			}
		}
	}
	return ""
}

// countryPairs lists pairs of countries (or a country and an
// organisation) written together: "X and Y", "between X and Y", "X-Y",
// "United States-Japan", "Kenyan and Ugandan".
func countryPairs(s string) [][2]string {
	var out [][2]string
	toks := tokenize(strings.NewReplacer("-", " - ", "–", " - ").Replace(s))
	classify(toks)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.class != cPlace || t.placeLen == 0 || t.place.isCity {
			continue
		}
		j := i + t.placeLen
		if j+1 < len(toks) && (toks[j].key == "and" || toks[j].s == "/" || toks[j].s == "-") {
			u := toks[j+1]
			if u.class == cPlace && u.placeLen > 0 && !u.place.isCity && u.place.name != t.place.name &&
				(!t.place.isOrg || !u.place.isOrg) {
				out = append(out, [2]string{t.place.name, u.place.name})
			}
		}
	}
	return out
}

// countriesIn lists the countries a text names, first mention first.
func countriesIn(s string) []string {
	var out []string
	seen := map[string]bool{}
	toks := tokenize(s)
	classify(toks)
	for _, t := range toks {
		if t.class == cPlace && t.placeLen > 0 && !t.place.isOrg && !t.place.isCity && t.place.name != "" && !seen[t.place.name] {
			seen[t.place.name] = true
			out = append(out, t.place.name)
		}
	}
	return out
}

// releaseDay is the day the readout was issued: front matter, the date line
// in the header, or a date tied to "yesterday"/"tomorrow" in the text.
func (d *doc) releaseDay() (day, bool) {
	if d.r.Published != "" {
		if x, ok := parseAnyDate(d.r.Published); ok {
			return x, true
		}
	}
	for _, line := range d.header {
		if x, ok := parseAnyDate(line); ok {
			d.refFromHeader = true
			return x, true
		}
	}
	for _, line := range append(append([]string{}, d.trailer...), d.labels...) {
		if len(line) < 60 {
			if x, ok := parseAnyDate(line); ok {
				d.refFromHeader = true
				return x, true
			}
		}
	}
	if l := strings.ToLower(d.body); !strings.Contains(l, "yesterday") && !strings.Contains(l, "tomorrow") && !strings.Contains(l, "today") {
		return day{}, false
	}
	if x, ok := anchorFromText(d.body); ok {
		return x, true
	}
	return day{}, false
}

// yearHint is any year the readout states, to complete "September 3".
func (d *doc) yearHint() int {
	if x, ok := parseAnyDate(d.title); ok {
		return x.y
	}
	if x, ok := parseAnyDate(d.body); ok {
		return x.y
	}
	return 0
}

// meetingDate picks the day of the meeting: a date in the meeting sentence,
// a date in the headline, a relative date resolved against the release day,
// and finally the release day itself when the text gives no other.
func (d *doc) meetingDate(mi int, ref day, refOK bool) string {
	meet := d.sents[mi].text
	complete := func(x day) (string, bool) {
		if x.y == 0 {
			if refOK {
				x = x.withYear(ref)
			} else if y := d.yearHint(); y != 0 {
				x = x.withYear(day{y, 12, 31})
			}
		}
		if x.y == 0 || !x.valid() {
			return "", false
		}
		return x.iso(), true
	}
	for _, m := range findDates(meet) {
		if modifiesNoun(meet, m) {
			continue // "his March 18 re-election": another event's date
		}
		if s, ok := complete(m.day); ok {
			return s
		}
	}
	for _, m := range findDates(d.title) {
		if s, ok := complete(m.day); ok {
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
		if reMeetVerb.MatchString(next) {
			for _, m := range findDates(next) {
				if s, ok := complete(m.day); ok && strings.Contains(strings.ToLower(next[max(0, m.start-4):m.start]), "on") {
					return s
				}
			}
		}
	}
	if refOK && (d.refFromHeader || d.r.Published != "") {
		return ref.iso()
	}
	return ""
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
// length are given.
func (d *doc) firstPart(mi int) string {
	s := d.sents[mi].text
	if mi+1 < len(d.sents) {
		s += " " + d.sents[mi+1].text
	}
	return s
}

var (
	reVideo     = regexp.MustCompile(`\b(?:video(?:\s|-)?(?:conference|conferencing|call|link|talks?|meeting|summit)|videoconference|virtual(?:ly)?\s+(?:meeting|summit|call|talks?|conference)|held virtually|met virtually|online (?:meeting|talks|summit)|teleconference|via video)\b`)
	rePhone     = regexp.MustCompile(`\b(?:telephone|telephonic|phone|by phone|over the phone)\b`)
	reCallWord  = regexp.MustCompile(`\b(?:call(?:ed|s)?|spoke|speaks|talked)\b`)
	reCourtesy  = regexp.MustCompile(`\b(?:courtesy call|called on|call on|calls on|paid a call)\b`)
	reInPerson  = regexp.MustCompile(`\b(?:met|meets|meeting|meet|hosted|hosts|received|receives|visit(?:ed|s)?|talks|summit|bilateral|luncheon|dinner|breakfast|welcomed)\b`)
	reSpokeWith = regexp.MustCompile(`\b(?:spoke|speaks|talked)\s+(?:\w+\s+){0,3}(?:with|to)\b`)
)

// meetingKind says how the meeting was held, from the headline and the
// meeting sentence.
func meetingKind(title, meet string) Kind {
	title, meet = strings.ToLower(title), strings.ToLower(dropCallFor(meet))
	both := title + "\n" + meet
	switch {
	case (strings.Contains(both, "video") || strings.Contains(both, "virtual") || strings.Contains(both, "online") ||
		strings.Contains(both, "teleconference")) && reVideo.MatchString(both):
		return KindVideo
	case strings.Contains(both, "phone") && rePhone.MatchString(both):
		return KindTelephone
	case strings.Contains(both, "call") && reCourtesy.MatchString(both):
		return KindInPerson
	}
	// The first meeting word of the sentence decides; the headline breaks ties.
	callAt := firstIndex(reCallWord, meet)
	meetAt := firstIndex(reInPerson, meet)
	switch {
	case callAt >= 0 && (meetAt < 0 || callAt < meetAt):
		if reSpokeWith.MatchString(meet) || reCallWord.MatchString(title) || strings.Contains(strings.ToLower(meet), "call") {
			return KindTelephone
		}
	case meetAt >= 0:
		return KindInPerson
	}
	if reCallWord.MatchString(title) {
		return KindTelephone
	}
	if reInPerson.MatchString(title) {
		return KindInPerson
	}
	return KindOther
}

func firstIndex(re *regexp.Regexp, s string) int {
	if loc := re.FindStringIndex(s); loc != nil {
		return loc[0]
	}
	return -1
}

const capPhrase = `(?:[A-Z\d][\p{L}\p{M}\d'’.&-]*)(?:(?:\s+(?:of|de|and|for|du|la|des|del)(?:\s+the)?)?\s+[A-Z\d][\p{L}\p{M}\d'’.&-]*)*`

var (
	reMargins   = regexp.MustCompile(`(?i:on|in|at)\s+the\s+(?i:margins?|sidelines?|occasion)\s+of\s+(?:the\s+)?(` + capPhrase + `(?:\s+in\s+` + capPhrase + `)?)`)
	reOccasion  = regexp.MustCompile(`(?:visiting|to attend|attending|visit to|trip to|arrived in|while in)\s+(?:the\s+)?(` + capPhrase + `)`)
	reInAt      = regexp.MustCompile(`\b(?:in|at)\s+((?:the\s+)?` + capPhrase + `(?:,\s*[A-Z][\p{L}\p{M}.'-]+(?:\s+[A-Z][\p{L}\p{M}.'-]+)?)?)`)
	reWelcomeTo = regexp.MustCompile(`(?i:welcom\w*)\s+[^.]{0,60}?\bto\s+(?:the\s+)?(` + capPhrase + `)`)
)

// location is where an in-person meeting took place: a venue or city in the
// meeting sentence, the event it was held on the margins of, the city a
// principal was visiting, else the dateline.
func (d *doc) location(mi int) string {
	meet := d.sents[mi].text
	if m := findMargins(meet); m != nil {
		return trimPlace(m[1])
	}
	for _, m := range reInAt.FindAllStringSubmatch(d.part, -1) {
		if p := trimPlace(m[1]); p != "" && isPlaceLike(p) {
			return p
		}
	}
	if m := findOccasion(meet); m != nil {
		if p := trimPlace(m[1]); p != "" && isPlaceLike(p) {
			return p
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
			if p := trimPlace(m[1]); p != "" && isPlaceLike(p) {
				return p
			}
		}
	}
	if m := findMargins(d.title); m != nil {
		return trimPlace(m[1])
	}
	for _, m := range reInAt.FindAllStringSubmatch(d.title, -1) {
		if p := trimPlace(m[1]); p != "" && isPlaceLike(p) {
			return p
		}
	}
	// A dateline: a short header line that is a place.
	for _, line := range d.header {
		if len(line) < 40 && isDateline(line) {
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
		k := tokenKey(strings.Trim(w, ","))
		if titleHeads[k] || datelineStop[k] {
			return false
		}
		if _, ok := monthNums[k]; ok {
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
	toks := tokenize(p)
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
		if t.class == cPlace && t.place.isOrg && i == 0 && len(toks) == t.placeLen {
			return false // "at the United Nations" is an organisation; "NATO Headquarters" is a venue
		}
	}
	return true
}

// findMargins and findOccasion run their patterns only on sentences that
// hold their key words, which keeps extraction fast.
func findMargins(s string) []string {
	l := strings.ToLower(s)
	if !strings.Contains(l, "margin") && !strings.Contains(l, "sideline") && !strings.Contains(l, "occasion") {
		return nil
	}
	return reMargins.FindStringSubmatch(s)
}

func findOccasion(s string) []string {
	if !strings.Contains(s, "visit") && !strings.Contains(s, "attend") && !strings.Contains(s, "trip to") &&
		!strings.Contains(s, "arrived in") && !strings.Contains(s, "while in") {
		return nil
	}
	return reOccasion.FindStringSubmatch(s)
}

func trimPlace(p string) string {
	p = strings.TrimSpace(p)
	// A venue ends where an office or a person begins.
	words := strings.Fields(p)
	for i, w := range words {
		k := tokenKey(strings.Trim(w, ","))
		if i > 0 && (titleHeads[k] || honorifics[k]) && !isPossessive(w) {
			p = strings.Join(words[:i], " ")
			break
		}
	}
	p = strings.TrimSuffix(p, ".")
	p = strings.TrimPrefix(p, "the ")
	return strings.TrimSpace(strings.TrimRight(p, ",;: "))
}
