package knowledge

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// speakerSet resolves later mentions ("Prime Minister Abe", "Mr. Ban", "the
// Secretary", "he", "Finland") to the participants of one meeting.
type speakerSet struct {
	ps     []Participant
	self   string       // who "I" is in a first-person readout
	ments  *mentionMemo // the readout's findMentions answers; nil finds afresh
	sent   textTokens   // the sentence being read
	splits [][2]int     // where the sentence being read turns, reused
	cls    []clause     // the clauses of the sentence being read, reused

	pieceMents []mention // the last piece's mentions, reused

	prevText string          // the sentence before the one being read
	meetText string          // the meeting sentence
	body     string          // the readout's body, read for honorifics
	gender   map[string]byte // what the readout shows of each speaker's gender
	honRead  bool            // whether body's honorifics are in gender

	names   map[string][]string        // nameTokens, worked out once per name
	offices map[string]map[string]bool // officeWords, worked out once per office
}

// nameTokens is nameTokens(n), kept for the readout.
func (ss *speakerSet) nameTokens(n string) []string {
	if ts, ok := ss.names[n]; ok {
		return ts
	}
	if ss.names == nil {
		ss.names = map[string][]string{}
	}
	ts := nameTokens(n)
	ss.names[n] = ts
	return ts
}

// shareToken is shareToken(a, b) with a's tokens kept: a is a
// participant's name, asked about again and again, b a name mentioned once.
func (ss *speakerSet) shareToken(a, b string) bool {
	ta := ss.nameTokens(a)
	var buf [128]byte
	if len(b) > len(buf) || hasNonASCII(b) {
		for _, y := range ss.nameTokens(b) {
			for _, x := range ta {
				if x == y {
					return true
				}
			}
		}
		return false
	}
	// nameTokens(b) of ASCII b is each field lower-cased and trimmed of
	// ".,'", if a name token; one equal to a name token of a is one.
	low := lowerASCIIInto(buf[:0], b)
	for i := 0; i < len(low); {
		for i < len(low) && asciiSpace[low[i]] {
			i++
		}
		j := i
		for j < len(low) && !asciiSpace[low[j]] {
			j++
		}
		x, y := i, j
		for x < y && (low[x] == '.' || low[x] == ',' || low[x] == '\'') {
			x++
		}
		for y > x && (low[y-1] == '.' || low[y-1] == ',' || low[y-1] == '\'') {
			y--
		}
		for _, t := range ta {
			if t == string(low[x:y]) {
				return true
			}
		}
		i = j
	}
	return false
}

// officeWords is officeWords(t), kept for the readout; callers only read it.
func (ss *speakerSet) officeWords(t string) map[string]bool {
	if ws, ok := ss.offices[t]; ok {
		return ws
	}
	if ss.offices == nil {
		ss.offices = map[string]map[string]bool{}
	}
	ws := officeWords(t)
	ss.offices[t] = ws
	return ws
}

// officeMatches is officeMatches(mentioned, title) with the offices' words
// kept.
func (ss *speakerSet) officeMatches(mentioned, title string) bool {
	mk, tk := ss.officeWords(mentioned), ss.officeWords(title)
	if len(mk) == 0 || len(tk) == 0 {
		return false
	}
	for w := range mk {
		if !tk[w] {
			return false
		}
	}
	return true
}

// mentionsAt is findMentions(p) for p written at byte a of the sentence
// being read: from the memo, else from the sentence's tokens. A piece's
// mentions are in a slice the next call reuses.
func (ss *speakerSet) mentionsAt(a int, p string) []mention {
	if ms, ok := ss.ments.get(p); ok {
		return ms
	}
	toks, ok := ss.sent.piece(a, p)
	if !ok {
		return ss.ments.find(p)
	}
	// Not kept in the memo: the pieces of one sentence are not asked for
	// again, and no later pass reads them.
	ss.pieceMents = mentionsInto(ss.pieceMents, p, toks)
	return ss.pieceMents
}

// tokensAt is tokenize(p) for p written at byte a of the sentence being
// read. The slice is reused by the next call.
func (ss *speakerSet) tokensAt(a int, p string) []token {
	if toks, ok := ss.sent.piece(a, p); ok {
		return toks
	}
	return tokenize(p)
}

func label(p Participant) string {
	if p.Name != "" {
		return p.Name
	}
	return p.Title
}

var (
	// reJoint is a subject that means all sides.
	reJoint   = regexp.MustCompile(`(?i)^(?:the\s+two\s+(?:sides|leaders|ministers|presidents|prime\s+ministers|delegations|foreign\s+ministers|secretaries|parties|countries|men|women|counterparts|officials|heads\s+of\s+(?:state|government)|governments|chancellors|premiers|kings)|the\s+two\b|both\s+(?:sides|leaders|ministers|parties|men|women|delegations|countries|governments|presidents|counterparts|officials)|both\b|the\s+(?:sides|leaders|ministers|presidents|parties|delegations|participants|interlocutors|counterparts|officials|prime\s+ministers|foreign\s+ministers|heads\s+of\s+(?:state|government)|secretaries|three|four|two\s+\w+)|they|all\s+(?:sides|parties|participants|three|four|leaders|ministers)|the\s+(?:three|four|five)\s+\w+|each\s+side|it\s+was\s+agreed|(?:\p{Lu}[\p{L}-]*\s+)?(?:leaders|ministers|officials|delegations)\b)\b`)
	rePronoun = regexp.MustCompile(`^(?:He|She|he|she)\b`)
	// reEndSpeaker is attribution at the end: "..., the Prime Minister added."
	reEndSpeaker = regexp.MustCompile(`,\s+((?:[Tt]he\s+)?[\p{L}][^,]{0,70}?)\s+(?:added|said|noted|stressed|explained|continued|emphasi[sz]ed|stated|underlined|observed|concluded|remarked|affirmed|insisted|pointed out)\s*[.!]?["”]?$`)
	// reEndSaid is inverted attribution: "..., said the Prime Minister."
	reEndSaid = regexp.MustCompile(`[,”"]\s*(?:said|added|noted|stressed|stated|explained|continued)\s+((?:[Tt]he\s+)?[\p{L}][^,]{0,70}?)\s*[.!]?$`)
	// reQuoteSaid is attribution after a closing quote: "...," Mr Peters said.
	reQuoteSaid = regexp.MustCompile(`^["”]\s+((?:[Tt]he\s+)?\p{Lu}[^,"”]{0,70}?|[Hh]e|[Ss]he)\s+(?:added|said|noted|stressed|explained|continued|emphasi[sz]ed|stated|underlined|observed|concluded|remarked|affirmed|insisted|says)\s*[.!]?$`)
	// reQuoteSaidWhen is attribution after a closing quote with a time:
	// "...," the Minister said after the meeting.
	reQuoteSaidWhen = regexp.MustCompile(`^["”]\s+((?:[Tt]he\s+)?\p{Lu}[^,"”]{0,70}?|[Hh]e|[Ss]he)\s+(?:added|said|stressed|noted|told\s+reporters)\s+(?:after|at|during|following|before|on|in)\s+[^,"”]{1,50}?[.!]?$`)
	// reSplit finds where a sentence turns to another speaker.
	reSplit = regexp.MustCompile(`(?:,\s+while\s+|;\s+|,\s+whereas\s+|\s+while\s+|,\s+and\s+|,\s+but\s+|\s+and\s+|,\s+where\s+)`)
	// reSkip marks sentences that carry no position.
	reSkip = regexp.MustCompile(`(?i)\b(?:overview of the|as follows|is attributable|following readout|provided the following|for more information|photo|click here)\b`)
)

// reStyleLead is a style of address before an office or name at a
// sentence start.
var reStyleLead = regexp.MustCompile(`^(?:His|Her)\s+(?:Royal\s+)?(?:Highness|Majesty|Excellency|Holiness)\s+(?:the\s+)?`)

// reAndCounterpart is a joint subject naming the other side as a counterpart.
var reAndCounterpart = regexp.MustCompile(`^,?\s+and\s+(?:his|her|their)\s+(?:\p{Lu}[\p{L}.-]*\s+)?(?:counterparts?|guest|host)\b`)

// endSpeaker matches attribution at the end of a sentence, looking only at
// the part after its last comma.
func endSpeaker(s string) []string {
	i := lastAttributionMark(s, 90)
	if i < 0 {
		return nil
	}
	if mayEndWithVerb(s[i:]) {
		if m := reEndSpeaker.FindStringSubmatch(s[i:]); m != nil {
			return m
		}
		if m := reQuoteSaid.FindStringSubmatch(s[i:]); m != nil {
			return m // "“... in Southeast Asia,” Mr Peters said."
		}
	}
	if (s[i] == '"' || s[i] != ',') && strings.Contains(s[i:], " said ") {
		if m := reQuoteSaidWhen.FindStringSubmatch(s[i:]); m != nil {
			return m
		}
	}
	if s[len(s)-1] == '"' || strings.HasSuffix(s, "”") {
		return nil
	}
	if mayHaveSaid(s[i:]) {
		if m := reEndSaid.FindStringSubmatch(s[i:]); m != nil {
			return m
		}
	}
	if mayQuoteSays(s[i:]) {
		return reQuoteSays.FindStringSubmatch(s[i:])
	}
	return nil
}

// reQuoteSays is inverted attribution after a closing quote, in the
// present tense or after single quotes: "...," says the Minister; "...,'
// said Minister X.
var reQuoteSays = regexp.MustCompile(`^(?:[,”"]['’]|[”"]|,['’]?)\s*(?:says|adds|notes|stresses|said|added|noted|stressed|stated)\s+((?:[Tt]he\s+)?\p{Lu}[^,"”'’]{0,70}?)\s*[.!]?$`)

// mayQuoteSays is false only when reQuoteSays cannot match s.
func mayQuoteSays(s string) bool {
	return strings.Contains(s, "says") || strings.Contains(s, "adds") || strings.Contains(s, "notes") ||
		strings.Contains(s, "stresses") || strings.HasPrefix(s, ",'") || strings.HasPrefix(s, ",’")
}

// resolve maps a mention written at the start of s to a speaker label; ok
// is false when s does not start with a participant.
func (ss *speakerSet) resolveStart(s string, prev string) (string, bool) {
	return ss.resolveAt(s, prev, true)
}

// resolveAt is resolveStart; country says whether a country as subject
// ("Finland is concerned") counts, which it does only at a sentence start.
func (ss *speakerSet) resolveAt(s string, prev string, country bool) (string, bool) {
	s = strings.TrimLeft(s, " \"“(")
	if ss.self != "" {
		switch {
		case firstPerson(s):
			return ss.self, true
		case reFirstPlural.MatchString(s):
			return BothSides, true
		}
	}
	if strings.HasPrefix(s, "His ") || strings.HasPrefix(s, "Her ") {
		// "His Royal Highness the Crown Prince stressed": the office follows.
		if loc := reStyleLead.FindStringIndex(s); loc != nil && loc[1] < len(s) {
			if isCapitalized(s[loc[1]:]) {
				s = s[loc[1]:]
			} else if who, ok := ss.styleSubject(prev); ok {
				return who, true // "His Excellency affirmed ..."
			}
		}
	}
	if startsWithPronoun(s) {
		return ss.pronounSubject(s, prev)
	}
	if which := latterFormer(s); which >= 0 {
		return ss.referredTo(which, prev) // "The latter presented ..."
	}
	if impersonalJoint(s) {
		return BothSides, true // "It was noted that ..."
	}
	if role := roleReference(s); role != roleNone {
		return ss.roleSubject(role, prev) // "His counterpart noted ...", "The guest invited ..."
	}
	js := s
	if len(js) > 80 {
		js = js[:80]
	}
	if ja, jb, ok := jointSpan(js); ok {
		if m := js[ja:jb]; groupSubject(m) {
			// "Japanese ministers" or "Russian officials" are not all sides.
			if first := firstFieldOf(m); first != "the" && first != "The" && first != "both" && first != "Both" && first != "all" && first != "All" {
				if _, ok := lookupPlace(first); ok {
					return "", false
				}
			}
		}
		return BothSides, true
	}
	head := s
	if len(head) > 160 {
		head = head[:160]
		for len(head) > 0 && head[len(head)-1]&0xC0 == 0x80 {
			head = head[:len(head)-1]
		}
	}
	if who, ok := ss.initialsSubject(head); ok {
		return who, true // "The HR/VP welcomed ...", "The SG noted ..."
	}
	at := len(ss.sent.text) - len(s) // where s starts when it ends the sentence
	ms := ss.mentionsAt(at, head)
	if len(ms) > 0 && ms[0].start <= 4 && !ms[0].poss {
		if ss.pairSubject(head, ms, prev) {
			return BothSides, true // "The Head of State and the Prime Minister reviewed"
		}
		who, ok := ss.resolveMention(ms[0], prev)
		if !ok {
			return "", false
		}
		// "Minister Balakrishnan and Dato' Saifuddin reaffirmed": joint.
		rest := head[ms[0].end:]
		if mayJoinCounterpart(rest) && reAndCounterpart.MatchString(rest) {
			return BothSides, true // "Minister Park and her Japanese counterpart agreed"
		}
		if strings.HasPrefix(strings.TrimLeft(rest, " ,"), "and ") && len(ms) > 1 {
			if other, ok := ss.resolveMention(ms[1], prev); ok && other != who && ms[1].start-ms[0].end < 8 {
				return BothSides, true
			}
		}
		if by := passiveAgentAt(rest); by > 0 {
			// "Minister X was briefed by the Chancellor on ...": the briefing
			// is the Chancellor's.
			if agent, ok := ss.passiveAgent(rest[by:]); ok && agent != who {
				return agent, true
			}
		}
		return who, true
	}
	// A country as subject: "Finland is concerned ...".
	if !country {
		return "", false
	}
	toks := ss.tokensAt(at, head)
	if len(toks) > 0 {
		classify(toks[:min(len(toks), 8)])
		i := 0
		if toks[0].key == "the" && len(toks) > 1 && toks[0].class != cPlace {
			i = 1
		}
		if i < len(toks) && toks[i].class == cPlace && toks[i].placeLen > 0 && !toks[i].poss {
			name := toks[i].place.name
			who := ""
			for _, p := range ss.ps {
				if p.Affiliation == name {
					if who != "" {
						return "", false
					}
					who = label(p)
				}
			}
			after := i + toks[i].placeLen
			// "The United States and Japan will ...": both principals' countries.
			if who != "" && after+1 < len(toks) && toks[after].key == "and" {
				k := after + 1
				if toks[k].key == "the" && k+1 < len(toks) {
					k++
				}
				if toks[k].class == cPlace && toks[k].placeLen > 0 {
					for _, p := range ss.ps {
						if p.Affiliation == toks[k].place.name && label(p) != who {
							return BothSides, true
						}
					}
				}
			}
			// "The Japanese side explained ...": a country's side is its principal.
			if who != "" && after < len(toks) && (toks[after].key == "side" || toks[after].key == "government" ||
				toks[after].key == "delegation") && (after+1 >= len(toks) || toks[after+1].class != cPunct || toks[after+1].s == ",") {
				return who, true
			}
			if who != "" && !toks[i].place.isAdj {
				if after < len(toks) && toks[after].class != cPunct && !isCapitalized(toks[after].s) {
					return who, true
				}
			}
		}
	}
	return "", false
}

// pairSubject says whether a sentence starts with two sides joined by
// "and": two mentions of whom at least one is a participant and the other
// is another participant or an office ("The Head of State and the Prime
// Minister"), or one office run holding two people's offices ("The
// Secretary-General and Ambassador Walsh").
func (ss *speakerSet) pairSubject(head string, ms []mention, prev string) bool {
	if len(ss.ps) < 2 {
		return false
	}
	a := ms[0]
	if !a.office && a.title != "" {
		if i := strings.Index(a.title, " and "); i > 0 {
			who, ok := ss.resolveMention(a, prev)
			other, ok2 := ss.resolveMention(mention{title: a.title[:i], office: true}, prev)
			return ok && ok2 && who != other
		}
	}
	if len(ms) < 2 || !strings.HasPrefix(strings.TrimLeft(head[a.end:], " ,"), "and ") || ms[1].start-a.end > 10 || ms[1].poss {
		return false
	}
	if end := ms[1].end; end < len(head) && strings.HasPrefix(strings.TrimLeft(head[end:], " "), "of ") {
		return false
	}
	who, ok := ss.resolveMention(a, prev)
	other, ok2 := ss.resolveMention(ms[1], prev)
	switch {
	case ok && ok2:
		return who != other
	case ok:
		return ms[1].office && !ms[1].lower
	case ok2:
		return a.office && !a.lower
	}
	return false
}

// resolveMention finds the participant a mention names: by a name word
// ("Mr. Ban", "Prime Minister Abe", "Dato' Saifuddin"), or by office and
// affiliation ("the Secretary", "the Prime Minister of Japan").
func (ss *speakerSet) resolveMention(m mention, prev string) (string, bool) {
	if !m.office {
		who := ""
		for _, p := range ss.ps {
			if p.Name != "" && ss.shareToken(p.Name, m.name) {
				if who != "" && who != label(p) {
					// Two participants share the word; the office decides.
					if m.title != "" && sameOffice(m.title, p.Title) {
						who = label(p)
					}
					continue
				}
				who = label(p)
			}
		}
		if who != "" {
			return who, true
		}
		// A name that is not a participant's: someone else speaks.
		return "", false
	}
	if who, ok := ss.headOf(m.title); ok {
		return who, true
	}
	var candsArr, exactArr, othersArr [4]Participant // most meetings have few principals
	cands := candsArr[:0]
	for _, p := range ss.ps {
		if ss.officeMatches(m.title, p.Title) && (m.aff == "" || p.Affiliation == "" || m.aff == p.Affiliation) {
			cands = append(cands, p)
		}
	}
	if len(cands) == 0 && m.aff != "" {
		// "the Chinese Foreign Minister" for a principal titled otherwise:
		// the country decides when one principal holds it.
		for _, p := range ss.ps {
			if p.Affiliation == m.aff {
				cands = append(cands, p)
			}
		}
		if len(cands) > 1 {
			return "", false
		}
	}
	if len(cands) > 1 {
		exact := exactArr[:0]
		for _, p := range cands {
			if sameOffice(m.title, p.Title) {
				exact = append(exact, p)
			}
		}
		if len(exact) >= 1 {
			cands = exact
		}
	}
	if len(cands) == 1 {
		return label(cands[0]), true
	}
	if len(cands) > 1 && m.aff == "" && !m.lower {
		// "The Prime Minister" when both are prime ministers: readouts name
		// their own principal by office and the counterpart by name, and
		// their own principal comes first.
		for _, p := range cands {
			if p.Name == "" {
				return label(p), true
			}
		}
		return label(cands[0]), true
	}
	if len(cands) > 1 && prev != "" {
		// "the minister" after the Secretary spoke: the other one.
		others := othersArr[:0]
		for _, p := range cands {
			if label(p) != prev {
				others = append(others, p)
			}
		}
		if len(others) == 1 && m.lower {
			return label(others[0]), true
		}
	}
	return "", false
}

// headOf resolves "the Head of State" or "the Head of Government" to the one
// principal whose office is of that kind.
func (ss *speakerSet) headOf(title string) (string, bool) {
	var heads map[string]bool
	switch {
	case len(title) != len("head of state") && len(title) != len("head of government") && !hasNonASCII(title):
		return "", false // most offices, without lower-casing them
	case strings.ToLower(title) == "head of state":
		heads = stateHeads
	case strings.ToLower(title) == "head of government":
		heads = governmentHeads
	default:
		return "", false
	}
	who := ""
	for _, p := range ss.ps {
		for w := range ss.officeWords(p.Title) {
			if heads[w] {
				if who != "" && who != label(p) {
					return "", false
				}
				who = label(p)
			}
		}
	}
	return who, who != ""
}

var (
	stateHeads      = setOf("president", "king", "queen", "emir", "amir", "sultan", "monarch", "governor-general")
	governmentHeads = setOf("prime", "chancellor", "premier", "taoiseach")
)

// officeMatches says whether a mentioned office fits a participant's title:
// every head word of the mention appears in the title ("the Secretary" fits
// "Secretary of State"; "the minister" fits "Deputy Defense Minister").
func officeMatches(mentioned, title string) bool {
	mk, tk := officeWords(mentioned), officeWords(title)
	if len(mk) == 0 || len(tk) == 0 {
		return false
	}
	for w := range mk {
		if !tk[w] {
			return false
		}
	}
	return true
}

// positions reads who stated what: one position per sentence or clause whose
// subject is a participant or all sides, with its topic.
func (d *doc) positions(mi int, ps []Participant) []Position {
	ss := &speakerSet{ps: ps, self: d.self, ments: &d.ments, body: d.body}
	if mi >= 0 && mi < len(d.sents) {
		ss.meetText = d.sents[mi].text
	}
	// The sentence's tokens and a piece's: slices that outgrow a sentence
	// come from findMentions' pool, so a readout does not grow its own.
	toks, buf := tokenBufs.Get().(*[]token), tokenBufs.Get().(*[]token)
	ss.sent.toks, ss.sent.buf = (*toks)[:0], (*buf)[:0]
	defer func() {
		*toks, *buf = ss.sent.toks[:0], ss.sent.buf[:0]
		tokenBufs.Put(toks)
		tokenBufs.Put(buf)
	}()
	pi := newPeople(ps)
	var out []Position
	var parasArr [32]int
	var explicitArr [32]bool
	var srcsArr [32]string
	paras := parasArr[:0]       // paragraph of each position
	explicit := explicitArr[:0] // whether its topic was announced ("With regard to X,")
	// srcs[i] is the text position i's topic is found in when that is put
	// off until mergeTopics knows the topic is kept: a sentence merged
	// into one that has a topic, or on a topic its paragraph announced,
	// needs none of its own. "" when Topic is final.
	srcs := srcsArr[:0]
	prev, prevPara := "", -1
	paraOpen := false // the sentence being read opens its paragraph
	// quoteBy is whose quote is open: "I" and "we" inside it are theirs.
	quoteBy, quoteOpen := "", false
	// A quote that opens a sentence and runs over several: the sentences
	// read so far and where their positions start in out. Whoever the
	// attribution after it names said all of it.
	var quoteSents []int
	quoteFrom := -1
	for i := mi; i < len(d.sents); i++ {
		s := d.sents[i]
		if i > mi {
			ss.prevText = d.sents[i-1].text
		}
		paraOpen = false
		if s.para != prevPara {
			// Paragraphs parted by one blank line are two apart: a pronoun
			// opening the second still means the last speaker, but a
			// sentence with no subject does not go on with it.
			if prevPara >= 0 && s.para-prevPara > 2 {
				prev = "" // a pronoun does not reach across a caption or gap
			}
			paraOpen = prevPara >= 0 && s.para-prevPara == 2
			prevPara = s.para
			quoteOpen = false // a quote that runs on reopens with the paragraph
			quoteSents, quoteFrom = quoteSents[:0], -1
		}
		wasOpen := quoteOpen
		quoteOpen = quoteOpenAfter(s.text, quoteOpen)
		text := strings.TrimSpace(s.text)
		closes := wasOpen && !quoteOpen && quoteFrom >= 0 // the quote begun earlier ends here
		switch {
		case !wasOpen && quoteOpen && (strings.HasPrefix(text, "\"") || strings.HasPrefix(text, "“")):
			quoteSents, quoteFrom = append(quoteSents[:0], i), len(out)
		case wasOpen && quoteOpen && quoteFrom >= 0:
			quoteSents = append(quoteSents, i)
		case !closes:
			quoteSents, quoteFrom = quoteSents[:0], -1
		}
		ss.sent.reset(text)
		if skipSentence(text) {
			continue
		}
		intro, rest := splitIntro(text)
		topic := introTopic(intro)
		speaker, ok := "", false
		inner := strings.TrimLeft(rest, " \"“")
		if strings.HasPrefix(inner, "We") && reWeAgreed.MatchString(inner) {
			speaker, ok = BothSides, true // "We agreed to meet again," Kask added.
		}
		if !ok {
			if m := endSpeaker(text); m != nil {
				if who, found := ss.resolveStart(m[1], prev); found {
					speaker, ok = who, true
					if reQuotedJoint.MatchString(text) {
						speaker = BothSides // "“We agreed to meet in X,” Y added."
					} else if closes {
						// "“Kenya is a founder. We will lend more,” Dr. X said.":
						// the quote's first sentences are X's too, whatever
						// their own subject.
						out, paras, explicit, srcs = out[:quoteFrom], paras[:quoteFrom], explicit[:quoteFrom], srcs[:quoteFrom]
						for _, k := range quoteSents {
							qt := strings.TrimSpace(d.sents[k].text)
							if skipSentence(qt) {
								continue
							}
							out = positionsFor(out, len(d.sents)-i)
							out = append(out, Position{Speaker: who, Text: qt})
							paras = append(paras, d.sents[k].para)
							explicit = append(explicit, false)
							srcs = append(srcs, qt)
						}
					}
				}
			}
		}
		if !ok && wasOpen && quoteBy != "" && (firstPerson(inner) || reFirstPlural.MatchString(inner)) {
			speaker, ok = quoteBy, true // "... the Taoiseach said: "... . We talked about ...""
		}
		if closes {
			quoteSents, quoteFrom = quoteSents[:0], -1
		}
		if !ok {
			speaker, ok = ss.resolveStart(rest, prev)
		}
		if !ok && strings.HasPrefix(text, "According to ") {
			speaker, ok = ss.resolveStart(text[len("According to "):], prev)
		}
		if !ok && mayBeMeetingSubject(rest) && reMeetingSubject.MatchString(rest) {
			speaker, ok = BothSides, true // "The talks focused on ...": what both took up
		}
		if !ok {
			// Someone else speaks: a later "he" is not the last participant.
			if ss.startsWithPerson(len(text)-len(rest), rest) {
				prev = ""
				continue
			}
			// No subject of its own: it continues the previous speaker's
			// point ("In the face of ..., what both sides should do is ...").
			// A paragraph's first sentence does not go on with the last one's.
			if prev == "" || paraOpen || !continues(rest) || i == mi {
				continue
			}
			speaker = prev
		}
		if i == mi && !hasSubstance(text) {
			prev = speaker
			continue
		}
		// "Responding to Minister Hayashi's request for ...,": the request is
		// the other side's position, stated in the intro.
		if intro != "" {
			for _, im := range ss.mentionsAt(0, intro) {
				if !im.poss {
					continue
				}
				if who, ok := ss.resolveMention(im, prev); ok && who != speaker {
					out = positionsFor(out, len(d.sents)-i)
					out = append(out, Position{Speaker: who, Topic: clauseTopic(intro, pi), Text: strings.TrimRight(strings.TrimSpace(intro), ",") + "."})
					paras = append(paras, s.para)
					explicit = append(explicit, true)
					srcs = append(srcs, "")
				}
				break
			}
		}
		last := speaker // the sentence's last own speaker, whom a pronoun after it means
		for _, c := range ss.clauses(rest, speaker) {
			if !c.aside {
				last = c.speaker
				ss.noteGender(c.speaker, c.text)
			}
			src := ""
			if topic == "" {
				src = c.text // clauseTopic(c.text, pi), when kept
			}
			text := c.text
			if c.first && intro != "" {
				text = intro + text
			}
			out = positionsFor(out, len(d.sents)-i)
			out = append(out, Position{Speaker: c.speaker, Topic: topic, Text: strings.TrimSpace(text)})
			paras = append(paras, s.para)
			explicit = append(explicit, c.first && topic != "")
			srcs = append(srcs, src)
		}
		prev = speaker
		if last != "" {
			prev = last
		}
		if quoteOpen && !wasOpen || quoteOpen && quoteBy == "" {
			quoteBy = speaker
		}
		if !quoteOpen {
			quoteBy = ""
		}
	}
	return mergeTopics(out, paras, explicit, srcs, pi)
}

// positionsFor is out, allocated when nil for about one position in each
// of the n sentences left: nil stays the answer of a readout with none.
func positionsFor(out []Position, n int) []Position {
	if out == nil {
		return make([]Position, 0, n)
	}
	return out
}

// reWeAgreed is a quote in which the speaker reports what both sides
// agreed: a joint position whoever is quoted.
var reWeAgreed = regexp.MustCompile(`^We\s+(?:both\s+|also\s+|have\s+)?(?:agreed|decided|concurred)\b`)

// quoteOpenAfter says whether a quotation is still open after sentence s,
// given whether one was open before it: straight quotes toggle, curly ones
// open and close.
func quoteOpenAfter(s string, open bool) bool {
	// Byte by byte: '“' and '”' are E2 80 9C and E2 80 9D, and E2, never a
	// continuation byte, starts a rune wherever it stands.
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			open = !open
		case 0xE2:
			if i+2 < len(s) && s[i+1] == 0x80 {
				switch s[i+2] {
				case 0x9C:
					open = true
				case 0x9D:
					open = false
				}
			}
		}
	}
	return open
}

// maxMergedPosition bounds a position built from several sentences, so a
// quote stays short enough for a chat reply.
const maxMergedPosition = 450

// mergeTopics joins consecutive sentences of one speaker in one paragraph
// into one position: a numbered point often states one view over two or
// three sentences. A sentence that announces a new topic starts anew. A
// position i with srcs[i] set has clauseTopic(srcs[i], pi) as its topic,
// found only when the merge keeps it.
func mergeTopics(ps []Position, paras []int, explicit []bool, srcs []string, pi *people) []Position {
	topic := func(i int) string { // ps[i].Topic as it would have been
		if srcs[i] != "" {
			return clauseTopic(srcs[i], pi)
		}
		return ps[i].Topic
	}
	if len(ps) < 2 {
		if len(ps) == 1 {
			ps[0].Topic = topic(0)
		}
		return ps
	}
	out := ps[:1]
	out[0].Topic = topic(0)
	lastPara := paras[0]
	paraTopic := "" // a topic the paragraph announced ("With regard to X,")
	if explicit[0] {
		paraTopic = ps[0].Topic
	}
	for i := 1; i < len(ps); i++ {
		p, last := ps[i], &out[len(out)-1]
		if paras[i] != lastPara {
			paraTopic = ""
		}
		if explicit[i] {
			p.Topic = topic(i)
			paraTopic = p.Topic
		}
		if p.Speaker == last.Speaker && paras[i] == lastPara && !explicit[i] &&
			len(last.Text)+1+len(p.Text) <= maxMergedPosition {
			last.Text += " " + p.Text
			if last.Topic == "" {
				last.Topic = topic(i)
			}
			continue
		}
		if paraTopic != "" && !explicit[i] {
			p.Topic = paraTopic // the rest of a numbered point stays on its topic
		} else if !explicit[i] {
			p.Topic = topic(i)
		}
		out = append(out, p)
		lastPara = paras[i]
	}
	return out
}

// hasLowerWord says whether a stretch has a lower-case word other than a
// connector: a clause with a verb, not just "Minister A" before "and B".
func hasLowerWord(s string) bool {
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, ",;()")
		if w != "" && !isCapitalized(w) && !connectors[w] && !particles[w] && !isNumber(w) {
			return true
		}
	}
	return false
}

// skipSentence says a sentence carries no position ("The overview of the
// meeting is as follows.").
func skipSentence(s string) bool {
	// One pass in any case: strings.ToLower would copy each sentence.
	if found, ascii := skipMarkSet.inASCII(s, true); ascii {
		return found && reSkip.MatchString(s)
	}
	l := strings.ToLower(s)
	for _, k := range skipMarkSet.words {
		if strings.Contains(l, k) {
			return reSkip.MatchString(s)
		}
	}
	return false
}

// skipMarkSet holds the words of reSkip, one of which a sentence it
// matches holds in lower case.
var skipMarkSet = newFoldSet("overview", "as follows", "attributable", "following readout", "provided the following",
	"for more information", "photo", "click here")

// reMeetingSubject is a sentence whose subject is the meeting itself and
// whose verb says what it covered.
var reMeetingSubject = regexp.MustCompile(`^(?:The|This|Their)\s+(?:meeting|talks|call|conversation|discussion|discussions|summit|exchange|dialogue|telephone\s+talk|phone\s+call)\s+(?:also\s+)?(?:focused|focussed|covered|addressed|touched|centred|centered|dealt|included|concentrated|highlighted)\b`)

// startsWithPerson says a sentence opens with a named person or office;
// s is written at byte a of the sentence being read.
func (ss *speakerSet) startsWithPerson(a int, s string) bool {
	if len(s) > 120 {
		s = s[:120]
		for len(s) > 0 && s[len(s)-1]&0xC0 == 0x80 {
			s = s[:len(s)-1]
		}
	}
	ms := ss.mentionsAt(a, s)
	return len(ms) > 0 && ms[0].start <= 4 && !ms[0].poss && (ms[0].title != "" || ms[0].hon || ms[0].office)
}

// reSubstance marks a meeting sentence that also says what was discussed.
var reSubstance = regexp.MustCompile(`(?i)\b(?:to discuss|discussed|about the|regarding|concerning|agreed|exchanged|reviewed|focused|addressed)\b`)

func hasSubstance(s string) bool {
	if found, ascii := substanceMarks.inASCII(s, true); ascii {
		return found && reSubstance.MatchString(s)
	}
	l := strings.ToLower(s)
	for _, k := range substanceMarks.words {
		if strings.Contains(l, k) {
			return reSubstance.MatchString(s)
		}
	}
	return false
}

// substanceMarks hold the words of reSubstance, one of which a sentence it
// matches holds in lower case.
var substanceMarks = newFoldSet("discuss", "about the", "regarding", "concerning", "agreed", "exchanged", "reviewed",
	"focused", "addressed")

// continues says whether a sentence without a subject of its own goes on
// with the previous speaker rather than describing something else.
func continues(rest string) bool {
	if rest == "" {
		return false
	}
	f := strings.Fields(rest)[0]
	switch strings.ToLower(f) {
	case "the", "this", "these", "that", "a", "an", "it", "there", "such", "his", "her", "their":
		return false
	}
	return !isCapitalized(f)
}

// splitIntro separates leading phrases ("With regard to Syria, ") from the
// rest of the sentence.
func splitIntro(s string) (string, string) {
	intro := ""
	for k := 0; k < 4; k++ {
		comma := strings.IndexByte(s, ',')
		if comma <= 0 || comma > 200 {
			break
		}
		first := s
		if sp := strings.IndexAny(s, " ,"); sp > 0 {
			first = s[:sp]
		}
		// "He", "The Secretary" and names are subjects, not intros.
		if k > 0 && first != "" && !isCapitalized(first) {
			// A second intro phrase starts in lower case: "On trade, as
			// talks resume, Minister X said ...".
			first = strings.ToUpper(first[:1]) + first[1:]
		}
		if !introWords[first] && !(strings.HasSuffix(first, "ing") && len(first) > 5) {
			break
		}
		end := comma + 1
		for end < len(s) && s[end] == ' ' {
			end++
		}
		intro += s[:end]
		s = s[end:]
	}
	return intro, s
}

// introWords begin a phrase before a sentence's subject: "With regard to
// North Korea,", "In response,", "During the meeting,". A participle
// ("Responding to ...,") also begins one.
var introWords = setOf("At", "In", "On", "During", "With", "After", "Following", "Regarding", "Concerning", "As",
	"Turning", "Responding", "Furthermore", "Moreover", "Additionally", "Also", "First", "Firstly", "Second",
	"Secondly", "Third", "Thirdly", "Finally", "Lastly", "Then", "Meanwhile", "However", "Further", "Besides",
	"Subsequently", "Afterwards", "Earlier", "Later", "Separately", "Similarly", "Likewise", "For", "Under", "Upon",
	"Before", "Referring", "Recalling", "Noting", "Welcoming", "Commencing", "Beginning", "Looking", "Given", "Against",
	"Amid", "Ahead", "Today", "Yesterday", "Tonight", "This", "Last", "Over", "Through", "Throughout", "Since",
	"Having", "Together", "Despite", "Apart", "Beyond", "Within", "Among", "Next", "When", "While", "Once", "If")

var reIntroTopic = regexp.MustCompile(`(?i)^(?:with\s+(?:regard|respect|reference)\s+to|regarding|concerning|as\s+(?:for|to|regards)|turning\s+to|on\s+the\s+(?:issue|question|subject|topic|matter)\s+of|on|in\s+relation\s+to|in\s+(?:terms\s+of|the\s+context\s+of)|referring\s+to|about)\s+(?:the\s+)?(?:issue\s+of\s+|situation\s+(?:in|of|on)\s+|question\s+of\s+)?(.+?)\s*,\s*$`)

// introTopic is the topic an intro phrase announces ("With regard to North
// Korea," -> "North Korea").
func introTopic(intro string) string {
	if intro == "" {
		return ""
	}
	if t := introTopicPhrase(intro); t != "" && nounTopic(t) {
		return t
	}
	return ""
}

// introTopicPhrase is the phrase an intro announces, unchecked.
func introTopicPhrase(intro string) string {
	// SplitAfter gives one part at least, and the first is tried first:
	// no second try on it is needed.
	for _, p := range strings.SplitAfter(strings.TrimSpace(intro), ",") {
		p = strings.TrimSpace(p)
		if !mayIntroTopic(p) {
			continue
		}
		if m := reIntroTopic.FindStringSubmatch(p); m != nil {
			return shortTopic(m[1])
		}
	}
	return ""
}

type clause struct {
	text, speaker string
	first         bool
	aside         bool // all sides' part of one speaker's clause (jointTail)
}

// clauses splits a sentence where another participant or all sides become
// the subject: "Minister Kang emphasized X, while Minister Motegi mentioned Y".
// The slice is reused by the next call.
func (ss *speakerSet) clauses(s, speaker string) []clause {
	out := ss.cls[:0]
	start, cur := 0, speaker
	ss.splits = appendSplitPoints(ss.splits[:0], s)
	if mayTurn(s) {
		ss.splits = ss.turnSplits(ss.splits, s)
	}
	for _, loc := range ss.splits {
		if loc[0] < start {
			continue
		}
		next := s[loc[1]:]
		if next == "" || !isCapitalized(next) && !startsWithParticleName(next) && !strings.HasPrefix(next, "the ") && !strings.HasPrefix(next, "both ") &&
			!strings.HasPrefix(next, "they ") && !strings.HasPrefix(next, "each ") && !strings.HasPrefix(next, "all ") &&
			!strings.HasPrefix(next, "he ") && !strings.HasPrefix(next, "she ") {
			continue
		}
		var who string
		var ok bool
		if startsWithPronoun(next) {
			// ", and he highlighted": the subject's own clause, unless the
			// readout has shown the subject to be of the other gender.
			who, ok = ss.pronounSwitch(next, cur)
		} else {
			who, ok = ss.resolveAt(next, cur, false)
		}
		if !ok || who == cur || !hasLowerWord(s[start:loc[0]]) {
			continue
		}
		// Only a clause with its own verb splits: "X and Y agreed" is handled
		// by resolveStart as a joint subject already.
		out = append(out, clause{text: strings.TrimSpace(strings.TrimRight(s[start:loc[0]], ",;")) + ".", speaker: cur, first: start == 0})
		start, cur = loc[1], who
	}
	out = append(out, clause{text: strings.TrimSpace(s[start:]), speaker: cur, first: start == 0})
	for i := range out {
		t := out[i].text
		if t != "" && !out[i].first && !isCapitalized(t) {
			out[i].text = strings.ToUpper(t[:1]) + t[1:]
		}
	}
	ss.cls = out
	return splitJointTails(out)
}

// groupSubject says a joint subject ends in a plural of people ("Japanese
// ministers"), whichever its case.
func groupSubject(m string) bool {
	if hasNonASCII(m) {
		l := strings.ToLower(m)
		return strings.HasSuffix(l, "ministers") || strings.HasSuffix(l, "leaders") || strings.HasSuffix(l, "officials") ||
			strings.HasSuffix(l, "delegations")
	}
	return hasSuffixFoldASCII(m, "ministers") || hasSuffixFoldASCII(m, "leaders") || hasSuffixFoldASCII(m, "officials") ||
		hasSuffixFoldASCII(m, "delegations")
}

// firstFieldOf is strings.Fields(m)[0] for m that has a field.
func firstFieldOf(m string) string {
	if hasNonASCII(m) {
		return strings.Fields(m)[0]
	}
	i := 0
	for i < len(m) && isFieldSpace(m[i]) {
		i++
	}
	j := i
	for j < len(m) && !isFieldSpace(m[j]) {
		j++
	}
	return m[i:j]
}

// isFieldSpace is unicode.IsSpace for an ASCII byte, where strings.Fields
// splits.
func isFieldSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// styleSubject is who a bare style of address as subject ("His Excellency
// affirmed", "Her Majesty stressed") means: like a pronoun, the last single
// speaker; with none, the readout's own principal, named first.
func (ss *speakerSet) styleSubject(prev string) (string, bool) {
	if prev != "" && prev != BothSides {
		return prev, true
	}
	if len(ss.ps) > 0 {
		return label(ss.ps[0]), true
	}
	return "", false
}

// reInitialsSubject is a subject written as an office's initials, each
// part of a double office after a slash: "The HR/VP welcomed", "The SG
// noted".
var reInitialsSubject = regexp.MustCompile(`^(?:[Tt]he\s+)?(\p{Lu}{2,5}(?:/\p{Lu}{2,5})*)\s+(?:also\s+)?\p{Ll}`)

// initialsSubject resolves a sentence that starts with an office's
// initials to the one participant whose title they spell: each part the
// start of the initials of the title's matching part ("HR/VP" for "High
// Representative .../Vice-President ..."). A country's initials ("The US")
// are not an office.
func (ss *speakerSet) initialsSubject(head string) (string, bool) {
	// Cheap first: two ASCII capitals after an optional "The ".
	h := head
	if strings.HasPrefix(h, "The ") || strings.HasPrefix(h, "the ") {
		h = h[4:]
	}
	if len(h) < 3 || h[0] < 'A' || h[0] > 'Z' || h[1] < 'A' || h[1] > 'Z' {
		return "", false
	}
	m := reInitialsSubject.FindStringSubmatch(head)
	if m == nil {
		return "", false
	}
	if _, ok := lookupPlace(m[1]); ok {
		return "", false
	}
	parts := strings.Split(m[1], "/")
	who := ""
	for _, p := range ss.ps {
		tparts := strings.Split(p.Title, "/")
		if p.Title == "" || len(tparts) < len(parts) {
			continue
		}
		fits := true
		for j, part := range parts {
			if !strings.HasPrefix(titleInitials(tparts[j]), part) {
				fits = false
				break
			}
		}
		if !fits {
			continue
		}
		if who != "" && who != label(p) {
			return "", false // two offices with those initials
		}
		who = label(p)
	}
	return who, who != ""
}

// titleInitials is the first letters of a title's capitalised words and
// their hyphenated parts: "SG" for "Secretary-General of the Forum" gives
// "SGF".
func titleInitials(title string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(title, func(r rune) bool { return r == ' ' || r == '-' || r == ',' }) {
		if isCapitalized(w) {
			r, _ := utf8.DecodeRuneInString(w)
			b.WriteRune(r)
		}
	}
	return b.String()
}

// startsWithParticleName says whether s starts with a name written after a
// lower-case particle: "al-Saadi said", "van Dijk noted".
func startsWithParticleName(s string) bool {
	w := s
	if i := strings.IndexByte(w, ' '); i >= 0 {
		w = w[:i]
	}
	if h := strings.IndexByte(w, '-'); h > 0 {
		return particles[w[:h]] && isCapitalized(w[h+1:])
	}
	if !particles[w] || len(w) == len(s) {
		return false
	}
	return isCapitalized(s[len(w)+1:])
}
