package knowledge

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
)

// mention is a person or office named in a phrase.
type mention struct {
	name, title, aff string
	start, end       int    // byte span in the phrase, title included
	nameStart        int    // byte offset of the name (or office) itself
	hon              bool   // an honorific was attached
	office           bool   // an office with no name ("the Secretary-General")
	lower            bool   // written in lower case ("the minister")
	poss             bool   // possessive ("President Roh's remark")
	prev             string // key of the word before the mention
	prev2            string // key of the word before that
}

// royalRanks are titles of rank that an office named after the name
// replaces.
var royalRanks = setOf("prince", "princess", "king", "queen", "sheikh", "sheikha", "emir", "amir", "sultan",
	"cardinal", "archbishop", "bishop")

// militaryRanks are military ranks written before a name, in full or
// shortened ("Gen.", "Adm.").
var militaryRanks = setOf("general", "gen", "admiral", "adm", "colonel", "col", "brigadier", "brig", "marshal",
	"commodore", "captain", "capt", "lieutenant", "lt", "major", "maj")

// rankModifiers go before a rank: "Vice Admiral", "Air Chief Marshal".
var rankModifiers = setOf("vice", "rear", "air", "chief", "field", "lt", "lieutenant", "major", "brigadier")

// churchRanks are ranks of the Catholic hierarchy: an office held with one
// ("Cardinal X, Secretary of State") is the Holy See's.
var churchRanks = setOf("cardinal", "archbishop", "bishop", "nuncio", "pontiff", "pope")

// findMentions returns the people and offices named in s, in order.
func findMentions(s string) []mention {
	bp := tokenBufs.Get().(*[]token)
	toks := tokenizeAppend((*bp)[:0], s)
	ms := mentionsIn(s, toks) // keeps nothing of toks
	*bp = toks[:0]
	tokenBufs.Put(bp)
	return ms
}

// tokenBufs holds token slices for findMentions to reuse: a sentence's
// tokens are large and live only while its mentions are read.
var tokenBufs = sync.Pool{New: func() any { return new([]token) }}

// mentionsIn is findMentions(s) given toks, tokenize(s), which it
// classifies in place.
func mentionsIn(s string, toks []token) []mention {
	return mentionsInto(nil, s, toks)
}

// mentionsInto is mentionsIn appending to dst[:0], so a caller that keeps
// no answer can reuse one slice; with dst nil, the answer is a slice of its
// own, or nil when s names no one.
func mentionsInto(dst []mention, s string, toks []token) []mention {
	classify(toks)
	out := dst[:0]
	var usedArr [64]bool
	used := usedArr[:0]
	if len(toks) <= len(usedArr) {
		used = usedArr[:len(toks)]
	} else {
		used = make([]bool, len(toks))
	}
	for i := 0; i < len(toks); i++ {
		if toks[i].class != cName {
			continue
		}
		a, b := i, nameRunEnd(toks, i)
		i = b - 1
		// "von der Leyen": particles before the capitalised part.
		for a > 0 && toks[a-1].class == cParticle && a-1 > 0 && toks[a-2].class != cConn {
			a--
		}
		m := mention{nameStart: toks[a].start, start: toks[a].start, end: toks[b-1].end, poss: toks[b-1].poss}
		m.name = joinNameIn(s, toks[a:b])
		// Honorifics before the name.
		k := a - 1
		for k >= 0 && toks[k].class == cHon {
			m.hon = true
			m.start = toks[k].start
			k--
		}
		for x := k + 1; x < b; x++ {
			used[x] = true
		}
		if k >= 0 {
			m.prev = toks[k].key
			if k >= 1 {
				m.prev2 = toks[k-1].key
			}
		}
		if pa, pb, ok := titleRunBefore(toks, k); ok {
			if pa >= 1 {
				m.prev = toks[pa-1].key
				if pa >= 2 {
					m.prev2 = toks[pa-2].key
				}
			} else {
				m.prev, m.prev2 = "", ""
			}
			if b-a == 1 && !m.hon && !(toks[pb-1].class == cTitle && titleHeads[toks[pb-1].key]) && toks[pb-1].class != cPlace &&
				!(pb-1 >= 0 && toks[pb-1].key == "affairs") && !mononym(toks, pa, a) {
				continue // "the European Comm'n": a word of the office, not a name
			}
			if b-a == 1 && !m.hon && k >= 0 && k == pb && (toks[k].key == "for" || toks[k].key == "of") {
				continue // "High Commissioner for Refugees": the office's portfolio
			}
			m.title, m.aff = splitTitle(s, toks[pa:pb])
			m.start = toks[pa].start
			markUsed(used, pa, pb)
		}
		if (m.title == "" || inLower(royalRanks, m.title)) && b+1 < len(toks) && toks[b].s == "," {
			// "Prince Mohammed bin Salman, Crown Prince and Prime Minister":
			// the office after the name says more than a royal rank.
			if pa, pb, ok := titleRunAfter(toks, b+1); ok {
				aff := m.aff
				if inLower(churchRanks, m.title) && aff == "" {
					aff = "Holy See"
				}
				m.title, m.aff = splitTitle(s, toks[pa:pb])
				if m.aff == "" {
					m.aff = aff
				}
				m.end = toks[pb-1].end
				markUsed(used, pa, pb)
			}
		}
		if m.title == "" && k >= 1 && toks[k].s == "," {
			if pa, pb, ok := titleRunBefore(toks, k-1); ok && !anyUsed(used, pa, pb) {
				m.title, m.aff = splitTitle(s, toks[pa:pb])
				m.start = toks[pa].start
				markUsed(used, pa, pb)
			} else if pa, pb, ok := portfolioTitleBefore(toks, k-1); ok && !anyUsed(used, pa, pb-1) {
				// "The High Commissioner for Refugees, X": the office ends
				// in a one-word portfolio.
				m.title, m.aff = splitTitle(s, toks[pa:pb-2])
				m.title += " " + toks[pb-2].s + " " + toks[pb-1].s
				m.start = toks[pa].start
				markUsed(used, pa, pb)
			}
		}
		// "The Minister of Foreign Affairs, Ambassador X, ...": an office
		// that opens the clause, then a comma and the titled person who
		// holds it.
		if m.title != "" {
			if x := tokenAt(toks, m.start); x >= 2 && toks[x-1].s == "," {
				if pa, pb, ok := titleRunBefore(toks, x-2); ok && !anyUsed(used, pa, pb) && opensClause(toks, pa) {
					title, aff := splitTitle(s, toks[pa:pb])
					if aff != "" && m.aff != "" && aff != m.aff {
						// "The OSCE Chairperson-in-Office, Swiss Federal
						// Councillor X": the person's country, the office's body.
						title = s[toks[pa].start:toks[pb-1].end]
						title = normalizeTitle(strings.TrimPrefix(strings.TrimPrefix(title, "The "), "the "))
					}
					if strings.Count(m.title, " ") == 0 {
						m.title = title
					} else {
						m.title = title + "; " + m.title
					}
					if m.aff == "" {
						m.aff = aff
					}
					m.start = toks[pa].start
					markUsed(used, pa, pb)
				}
			}
		}
		// "General Chhun Sophal", "Lt. Gen. X": a military rank before a
		// name with no office belongs to the mention, as an honorific does.
		if m.title == "" && !m.hon && k >= 0 && militaryRanks[toks[k].key] {
			x := k
			for x > 0 && (militaryRanks[toks[x-1].key] || rankModifiers[toks[x-1].key] || toks[x-1].s == ".") {
				x--
			}
			m.start = toks[x].start
		}
		// "his Japanese counterpart Yoshimasa Hayashi": a country, no office.
		if strings.EqualFold(m.title, "counterpart") {
			m.title = ""
		}
		// "Chancellor Angela Merkel of Germany".
		if b+1 < len(toks) && toks[b].key == "of" && toks[b+1].class == cPlace && toks[b+1].place.name != "" && !toks[b+1].place.isCity {
			if m.aff == "" {
				m.aff = toks[b+1].place.name
			}
			m.end = toks[b+toks[b+1].placeLen].end
		}
		if out == nil {
			out = make([]mention, 0, 4)
		}
		out = append(out, m)
	}
	// Offices named without a person.
	for i := 0; i < len(toks); i++ {
		if used[i] || toks[i].class != cTitle && !(toks[i].class == cConn && toks[i].key == "the") && toks[i].class != cPlace {
			continue
		}
		j := i
		headSeen := false
		for j < len(toks) && !used[j] && (toks[j].class == cTitle || toks[j].class == cConn || toks[j].class == cPlace ||
			toks[j].s == "(" || toks[j].s == ")") {
			if toks[j].key == "and" && headSeen && startsOffice(toks, j+1) {
				break // "the Secretary and the minister" are two people
			}
			headSeen = headSeen || toks[j].class == cTitle && titleHeads[toks[j].key]
			j++
			if toks[j-1].poss {
				break
			}
		}
		pa, pb := trimRun(toks, i, j)
		if pa >= pb || !hasHead(toks[pa:pb]) || toks[pb-1].class == cPlace && pb-pa == 1 {
			if j > i {
				i = j - 1
			}
			continue
		}
		if j < len(toks) && (toks[j].class == cName || toks[j].class == cHon) {
			i = j - 1 // a title that belongs to a name the first pass missed
			continue
		}
		head := lastHead(toks[pa:pb])
		if strings.HasSuffix(head, "s") && head != "sultan" && !strings.HasSuffix(head, "ss") {
			i = j - 1 // plural: "the Ministers" is a joint subject
			continue
		}
		m := mention{office: true, start: toks[i].start, end: toks[pb-1].end, nameStart: toks[pa].start, poss: toks[pb-1].poss}
		m.title, m.aff = splitTitle(s, toks[pa:pb])
		m.lower = !isCapitalized(toks[pa].s)
		if m.title != "" {
			if out == nil {
				out = make([]mention, 0, 4)
			}
			out = append(out, m)
		}
		i = j - 1
	}
	sortMentions(out)
	return out
}

// portfolioTitleBefore finds an office ending at toks[e] in a one-word
// portfolio after "for" or "of" ("High Commissioner for Refugees"): the
// office run before the connector, through the portfolio word.
func portfolioTitleBefore(toks []token, e int) (int, int, bool) {
	if e < 2 || toks[e].class != cName || toks[e].poss || (toks[e-1].key != "for" && toks[e-1].key != "of") {
		return 0, 0, false
	}
	pa, pb, ok := titleRunBefore(toks, e-2)
	if !ok || pb != e-1 || toks[pb-1].class != cTitle || !titleHeads[toks[pb-1].key] {
		return 0, 0, false
	}
	return pa, e + 1, true
}

// tokenAt is the index of the token that starts at byte i, or -1.
func tokenAt(toks []token, i int) int {
	k := sort.Search(len(toks), func(k int) bool { return toks[k].start >= i })
	if k < len(toks) && toks[k].start == i {
		return k
	}
	return -1
}

// opensClause says whether the office at toks[a] begins its clause: the
// phrase's start, after "the", a comma or a dateline's dash.
func opensClause(toks []token, a int) bool {
	for a > 0 && toks[a-1].key == "the" {
		a--
	}
	if a == 0 {
		return true
	}
	switch toks[a-1].s {
	case ",", ";", ":", "–", "—", "-":
		return true
	}
	return false
}

// officeNounEnds are endings of the nouns that name institutions and
// programmes ("Promotion", "Development", "Partnership"), never a name.
var officeNounEnds = []string{"tion", "sion", "ment", "ship", "ance", "ence", "ity", "ism", "ology", "ics", "ure", "ies", "'n"}

// mononym says whether the single capitalised word at toks[i], after the
// office toks[pa:i], is a person known by one name ("Minister of Finance
// Hartanto") rather than one more word of the office: the office is a head
// with its portfolio ("X of Y") or a "Secretary General", and the word neither looks like an
// institution's noun nor runs on into more capitalised words.
func mononym(toks []token, pa, i int) bool {
	w := toks[i]
	if w.poss || strings.ContainsRune(w.s, '.') || strings.HasSuffix(w.key, "s") && !strings.HasSuffix(w.key, "ss") {
		return false
	}
	for _, e := range officeNounEnds {
		if strings.HasSuffix(w.key, e) {
			return false
		}
	}
	if i+1 < len(toks) && (isCapitalized(toks[i+1].s) || toks[i+1].s == "(") {
		return false
	}
	// "Secretary General Havili", "Attorney General Ruiz".
	of := i-2 >= pa && toks[i-1].key == "general" && titleHeads[toks[i-2].key]
	for k := pa; k < i; k++ {
		if toks[k].key == "of" || toks[k].key == "for" {
			of = of || k > pa && toks[k-1].class == cTitle && titleHeads[toks[k-1].key]
		}
	}
	return of
}

// textTokens keeps one text's tokens as tokenize gives them, so that
// findMentions on a piece of the text (a clause, a sentence's first 160
// bytes) copies them instead of tokenizing again.
type textTokens struct {
	text  string
	from  int     // where the tokens start: the first piece asked for
	upto  int     // where they end: just after a space, or the text's end
	toks  []token // tokenize(text[from:upto]); never classified
	ready bool
	buf   []token // the last piece's tokens, reused
}

// reset starts over on another text, keeping the slices for reuse.
func (tt *textTokens) reset(text string) {
	tt.text, tt.from, tt.upto, tt.toks, tt.ready = text, 0, 0, tt.toks[:0], false
}

// extend tokenizes the text up to b at least. It stops just after a space:
// no token holds one, so tokenize passes there whatever went before, and
// the tokens already made stand as they are.
func (tt *textTokens) extend(b int) {
	if b <= tt.upto {
		return
	}
	end := len(tt.text)
	if i := strings.IndexByte(tt.text[b:], ' '); i >= 0 {
		end = b + i + 1
	}
	n := len(tt.toks)
	tt.toks = tokenizeAppend(tt.toks, tt.text[tt.upto:end])
	for i := n; i < len(tt.toks); i++ {
		tt.toks[i].start += tt.upto - tt.from
		tt.toks[i].end += tt.upto - tt.from
	}
	tt.upto = end
}

// piece is tokenize(p), where p is written at byte a of the text; ok is
// false when it is not there, or a lies before the first piece asked for
// or cuts what tokenize reads as one token. The slice is reused by the
// next call.
func (tt *textTokens) piece(a int, p string) ([]token, bool) {
	b := a + len(p)
	if a < 0 || b > len(tt.text) || tt.text[a:b] != p {
		return nil, false
	}
	if !tt.ready {
		// Pieces are asked for left to right (a sentence's subject, then
		// its clauses), so the text before the first is not tokenized.
		tt.from, tt.upto, tt.ready = a, a, true
	}
	if a < tt.from || a < len(tt.text) && !utf8.RuneStart(tt.text[a]) {
		return nil, false
	}
	tt.extend(b)
	all, base := tt.toks, tt.from
	k := sort.Search(len(all), func(i int) bool { return base+all[i].start >= a })
	if k > 0 && base+all[k-1].end > a {
		return nil, false // a falls inside a token
	}
	// tokenize keeps no state but its position, and it passes through a
	// (a token start, or a space between tokens): every token that ends
	// by b comes out the same from p. What follows the last of them is
	// tokenized afresh, as a cut word or space reads differently.
	e := k
	for e < len(all) && base+all[e].end <= b {
		e++
	}
	out := append(tt.buf[:0], all[k:e]...)
	for i := range out {
		out[i].start += base - a
		out[i].end += base - a
	}
	p0 := a
	if e > k {
		p0 = base + all[e-1].end
	}
	if p0 < b {
		out = tt.tail(out, a, p0, b)
	}
	tt.buf = out
	return out, true
}

// tail appends tokenize(text[p0:b]) to a piece that starts at a.
func (tt *textTokens) tail(out []token, a, p0, b int) []token {
	n := len(out)
	out = tokenizeAppend(out, tt.text[p0:b])
	for i := n; i < len(out); i++ {
		out[i].start += p0 - a
		out[i].end += p0 - a
	}
	return out
}

// startsOffice says whether an office begins at token i ("the minister",
// "Foreign Minister"), as opposed to more words of the same office.
func startsOffice(toks []token, i int) bool {
	if i < len(toks) && toks[i].key == "the" {
		i++
	}
	for end := min(len(toks), i+8); i < end; i++ {
		t := toks[i]
		if t.class == cTitle && titleHeads[t.key] {
			return true
		}
		if t.class != cTitle && t.class != cPlace {
			return false
		}
	}
	return false
}

// sortMentions orders mentions by where they start, keeping the order of
// those that start together (an insertion sort: there are few).
func sortMentions(ms []mention) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].start < ms[j-1].start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

func markUsed(used []bool, a, b int) {
	for i := a; i < b; i++ {
		used[i] = true
	}
}

func anyUsed(used []bool, a, b int) bool {
	for i := a; i < b; i++ {
		if used[i] {
			return true
		}
	}
	return false
}

// nameRunEnd returns the end of the name that starts at i: capitalised
// words, initials, particles between them, and the "Kang, Kyung-wha" form.
func nameRunEnd(toks []token, i int) int {
	j := i + 1
	for j < len(toks) {
		if toks[j-1].poss {
			break
		}
		t := toks[j]
		switch {
		case t.class == cName:
			j++
			continue
		case t.class == cParticle:
			k := j
			for k < len(toks) && toks[k].class == cParticle {
				k++
			}
			if k < len(toks) && toks[k].class == cName && k-j <= 3 {
				j = k + 1
				continue
			}
		case t.s == "," && j+1 < len(toks) && nameSuffixes[toks[j+1].key]:
			return j + 2 // "Joseph R. Biden, Jr."
		case t.s == "," && j == i+1 && j+1 < len(toks) && toks[j+1].class == cName &&
			strings.Contains(toks[j+1].s, "-") && !strings.Contains(toks[i].s, "-") &&
			(j+2 >= len(toks) || toks[j+2].class != cName):
			return j + 2
		case t.class == cTitle && j+1 < len(toks) && toks[j+1].class == cName && len(t.s) <= 3 && isCapitalized(t.s):
			// a short word such as "Ban" or "Han" that is also in a list stays inside a name
		}
		break
	}
	return j
}

// nameSuffixes follow a name after a comma.
var nameSuffixes = setOf("jr", "sr", "ii", "iii", "iv")

// joinName writes a name run as one name: "Kang, Kyung-wha" -> "Kang Kyung-wha".
func joinName(toks []token) string {
	parts := make([]string, 0, len(toks))
	for _, t := range toks {
		if t.class == cPunct {
			continue
		}
		w := t.s
		if t.poss {
			w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		}
		parts = append(parts, w)
	}
	return strings.Join(parts, " ")
}

// joinNameIn is joinName(toks) for tokens of s: the span of s the name
// covers when single spaces part its words, so that nothing is allocated.
func joinNameIn(s string, toks []token) string {
	first, last := -1, -1
	for i, t := range toks {
		if t.class == cPunct {
			continue
		}
		if last >= 0 {
			p := toks[last]
			if p.poss || t.start != p.end+1 || s[p.end] != ' ' {
				return joinName(toks)
			}
		} else {
			first = i
		}
		last = i
	}
	if first < 0 {
		return ""
	}
	t := toks[last]
	w := t.s
	if t.poss {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	}
	if t.start+len(w) > len(s) || s[t.start:t.start+len(w)] != w {
		return joinName(toks)
	}
	return s[toks[first].start : t.start+len(w)]
}

// inLower is set[strings.ToLower(w)], without allocating for a short
// ASCII word.
func inLower(set map[string]bool, w string) bool {
	v, _ := lookupLower(set, w)
	return v
}

// titleRunBefore finds an office that ends at token e (inclusive): title
// words, places and connectors, with at least one head word.
func titleRunBefore(toks []token, e int) (int, int, bool) {
	if e < 0 {
		return 0, 0, false
	}
	j := e
	headSeen, list := false, false
	for j >= 0 && e-j < 60 {
		t := toks[j]
		// "Minister of Foreign Affairs, Trade and Development X": a comma
		// inside a list of portfolios, before its "and", is part of the office.
		if t.s == "," && list && !headSeen && j > 0 && toks[j-1].class == cTitle && !toks[j-1].poss && toks[j+1].class == cTitle {
			j--
			continue
		}
		if t.class == cTitle || t.class == cConn || t.class == cPlace || t.s == "(" || t.s == ")" {
			list = list || t.key == "and" || t.key == "&"
			if t.poss && j != e && t.class != cPlace {
				break
			}
			// "... of Ukraine and President X": "and" joins two people when
			// an office already follows it.
			if (t.key == "and" || t.key == "&") && headSeen && j > 0 && toks[j-1].class == cPlace {
				break
			}
			headSeen = headSeen || t.class == cTitle && titleHeads[t.key]
			j--
			continue
		}
		break
	}
	a, b := trimRun(toks, j+1, e+1)
	if a >= b || !hasHead(toks[a:b]) {
		return 0, 0, false
	}
	return a, b, true
}

// titleRunAfter finds an office that starts at token a (an appositive after
// a name): ", Prime Minister of Japan,".
func titleRunAfter(toks []token, a int) (int, int, bool) {
	if a >= len(toks) {
		return 0, 0, false
	}
	first := toks[a]
	if !(first.class == cTitle || first.class == cPlace || first.key == "the") {
		return 0, 0, false
	}
	j := a
	depth := 0
	for j < len(toks) {
		t := toks[j]
		if t.s == "(" {
			depth++
			j++
			continue
		}
		if t.s == ")" && depth > 0 {
			depth--
			j++
			continue
		}
		if depth > 0 || t.class == cTitle || t.class == cConn || t.class == cPlace {
			j++
			continue
		}
		break
	}
	x, y := trimRun(toks, a, j)
	if x >= y || !hasHead(toks[x:y]) {
		return 0, 0, false
	}
	// "Ms. X, the Secretary-General held ..." is a new subject, not an
	// appositive: an appositive ends at punctuation or a conjunction.
	if j < len(toks) && toks[j].class != cPunct && toks[j].key != "who" && toks[j].key != "which" &&
		toks[j].key != "and" && toks[j].key != "as" && toks[j].key != "in" && toks[j].key != "at" && toks[j].key != "on" &&
		toks[j].key != "for" && toks[j].key != "from" && toks[j].key != "during" && toks[j].key != "to" && toks[j].key != "with" &&
		toks[j].class != cConn && !isCapitalized(toks[j].s) {
		return 0, 0, false
	}
	return x, y, true
}

// trimRun drops connectors and dangling brackets from both ends of a run.
func trimRun(toks []token, a, b int) (int, int) {
	for a < b && (toks[a].class == cConn || toks[a].s == ")") {
		a++
	}
	for b > a && (toks[b-1].class == cConn || toks[b-1].s == "(") {
		b--
	}
	// An unclosed "(" at the end: "Minister ... (ROK" is kept only when closed.
	return a, b
}

func hasHead(toks []token) bool { return lastHead(toks) != "" }

func lastHead(toks []token) string {
	head := ""
	for _, t := range toks {
		if t.class == cTitle && titleHeads[t.key] {
			head = t.key
		}
	}
	return head
}

// splitTitle separates an office into title and affiliation: "Saudi Deputy
// Defense Minister" -> ("Deputy Defense Minister", "Saudi Arabia");
// "Prime Minister of Japan" -> ("Prime Minister", "Japan").
func splitTitle(s string, toks []token) (string, string) {
	if len(toks) == 0 {
		return "", ""
	}
	aff := ""
	a, b := 0, len(toks)
	if toks[0].class == cPlace && !toks[0].place.isCity {
		aff = toks[0].place.name
		a = toks[0].placeLen
		if a > b {
			a = b
		}
		// "People's Republic of China (PRC) Foreign Minister".
		if a+2 < b && toks[a].s == "(" && toks[a+2].s == ")" {
			a += 3
		}
	}
	// Trailing "of [the] Place [(ABBR)]".
	for k := b - 1; k > a; k-- {
		if toks[k].key == "of" && k+1 < b && toks[k+1].class == cPlace && toks[k+1].place.name != "" && !toks[k+1].place.isCity {
			rest := k + 1 + toks[k+1].placeLen
			if rest == b || rest < b && toks[rest].s == "(" {
				if aff == "" {
					aff = toks[k+1].place.name
				}
				b = k
			}
			break
		}
		if toks[k].class == cTitle && titleHeads[toks[k].key] {
			break
		}
	}
	if aff == "" {
		for k := a; k < b; k++ {
			if toks[k].class == cPlace && toks[k].place.name != "" && !toks[k].place.isCity {
				aff = toks[k].place.name
				break
			}
		}
	}
	for a < b && (toks[a].class == cConn || toks[a].class == cHon) {
		a++
	}
	for b > a && (toks[b-1].class == cConn || toks[b-1].s == "(") {
		b--
	}
	if a >= b {
		return "", aff
	}
	title := s[toks[a].start:toks[b-1].end]
	if aff != "" && endsWithStateForm(title) {
		title = reStateForm.ReplaceAllString(title, "")
	}
	title = strings.TrimSuffix(strings.TrimSuffix(title, "'s"), "’s")
	if strings.Count(title, "(") > strings.Count(title, ")") {
		if i := strings.LastIndex(title, "("); i > 0 {
			title = strings.TrimSpace(title[:i])
		}
	}
	return normalizeTitle(title), aff
}

// reStateForm is a formal state name left on a title once the country is cut
// off: "President of the Republic (of Uganda)".
var reStateForm = regexp.MustCompile(`\s+of\s+the\s+(?:(?:Federal|Islamic|Socialist|Democratic|People's|People’s|United|Cooperative|Arab|Bolivarian|Plurinational|Hashemite|Sovereign|Independent)\s+)*(?:Republic|Kingdom|Federation|State|Sultanate|Principality|Commonwealth|Union|Emirate|Confederation|Grand Duchy)$`)

// stateFormEnds are the words reStateForm ends with.
var stateFormEnds = []string{"Republic", "Kingdom", "Federation", "State", "Sultanate", "Principality", "Commonwealth",
	"Union", "Emirate", "Confederation", "Grand Duchy"}

// endsWithStateForm is false only when reStateForm cannot match t: it is
// anchored at the end, on one of stateFormEnds.
func endsWithStateForm(t string) bool {
	for _, w := range stateFormEnds {
		if strings.HasSuffix(t, w) {
			return true
		}
	}
	return false
}

// tidyTitle says normalizeTitle would return t unchanged: ASCII words
// spaced by single spaces, none an abbreviation it spells out nor an office
// word in lower case.
func tidyTitle(t string) bool {
	if t == "" || t[0] == ' ' || t[len(t)-1] == ' ' {
		return t == ""
	}
	var low [32]byte
	for i := 0; i < len(t); {
		j := i
		for j < len(t) && t[j] != ' ' {
			c := t[j]
			if c >= utf8.RuneSelf || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' {
				return false
			}
			j++
		}
		if j == i {
			return false // two spaces
		}
		w := t[i:j]
		switch w {
		case "PM", "FM", "EAM":
			return false
		}
		if 'a' <= w[0] && w[0] <= 'z' && !connectors[w] {
			if len(w) > len(low) {
				return false
			}
			l := lowerASCIIInto(low[:0], w)
			if titleHeads[string(l)] || titleWords[string(l)] {
				return false
			}
		}
		i = j + 1
	}
	return true
}

// popeTitles are the other names of the Pope's office.
var popeTitles = setOf("holy father", "supreme pontiff", "roman pontiff", "pontiff")

// normalizeTitle capitalises an office written in lower case and tidies
// spaces, and names the Pope's office one way.
func normalizeTitle(t string) string {
	if inLower(popeTitles, t) {
		return "Pope"
	}
	if tidyTitle(t) {
		return t
	}
	words := strings.Fields(t)
	for i, w := range words {
		switch w {
		case "PM":
			words[i] = "Prime Minister"
			continue
		case "FM":
			words[i] = "Foreign Minister"
			continue
		case "EAM":
			words[i] = "External Affairs Minister"
			continue
		}
		if w == "" || connectors[w] {
			continue
		}
		if inLower(titleHeads, w) || inLower(titleWords, w) {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

var reUSSecretary = regexp.MustCompile(`^(?:Deputy |Under |Assistant )?Secretary(?: of (?:State|Defense|the Treasury|Commerce|Homeland Security|Energy|Agriculture|the Interior|Labor|Transportation|Veterans Affairs|Health and Human Services|Education|Housing and Urban Development))?$`)

// defaultAffiliation is the affiliation an office implies on its own: the
// Secretary-General serves the United Nations; a bare "Secretary of State"
// is the United States'.
func defaultAffiliation(title string) string {
	switch {
	case title == "":
		return ""
	case strings.EqualFold(title, "Secretary-General") || strings.EqualFold(title, "Secretary General") ||
		strings.EqualFold(title, "Deputy Secretary-General") || strings.EqualFold(title, "UN Secretary-General"):
		return "United Nations"
	case reUSSecretary.MatchString(title):
		return "United States"
	case strings.EqualFold(title, "Pope"):
		return "Holy See"
	case strings.EqualFold(title, "Taoiseach") || strings.EqualFold(title, "Tánaiste"):
		return "Ireland"
	case strings.EqualFold(title, "Federal Chancellor"):
		return "Germany" // Austria's chancellor is "Federal Chancellor" too, but rarely so in English releases

	}
	return ""
}
