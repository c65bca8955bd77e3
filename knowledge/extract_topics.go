package knowledge

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Topics name subjects ("North Korea", "climate change", "the war in
// Ukraine"): short noun phrases. These checks reject what a clause yields
// when its topic words run into a verb or are a bare adjective.

// subjectWords are single lower-case words that name a subject on their own.
var subjectWords = wordsOf("trade", "climate", "energy", "security", "terrorism", "counterterrorism", "migration",
	"health", "investment", "investments", "defence", "defense", "sanctions", "cybersecurity", "denuclearization",
	"denuclearisation", "nonproliferation", "non-proliferation", "disarmament", "peace", "peacekeeping",
	"development", "education", "agriculture", "tourism", "infrastructure", "connectivity", "fisheries", "space",
	"technology", "innovation", "finance", "economy", "democracy", "corruption", "elections", "refugees",
	"reconstruction", "vaccines", "pandemic", "biodiversity", "nuclear", "shipbuilding", "semiconductors",
	"digitalization", "digitalisation", "decarbonization", "decarbonisation", "multilateralism", "abductions",
	"ceasefire", "hostages", "aid", "food", "water", "oceans", "culture", "sports", "science", "research", "mining",
	"minerals", "transport", "aviation", "shipping", "maritime", "cyber", "ai", "terror")

// notTopicWords are capitalised words that are never a topic alone.
var notTopicWords = wordsOf("western", "eastern", "northern", "southern", "central", "global", "international",
	"regional", "bilateral", "multilateral", "federal", "national", "royal", "islamic", "arab", "his", "her",
	"today", "tomorrow", "yesterday")

// leadVerbsPast are verbs that can start a clause without "-ed".
var leadVerbs = wordsOf("made", "took", "gave", "held", "met", "said", "told", "saw", "sent", "paid", "led", "set",
	"kept", "left", "won", "sought", "brought", "thought", "spoke", "agreed", "noted", "stressed", "expressed",
	"reaffirmed", "welcomed", "discussed", "underlined", "underscored", "emphasized", "emphasised", "raised",
	"conveyed", "highlighted", "called", "urged", "thanked", "invited", "briefed", "updated", "outlined", "condemned",
	"shared", "exchanged", "reviewed", "confirmed", "committed", "pledged", "offered", "proposed", "requested")

// timeWords make a topic about when, not what ("the coming hours and days").
var timeWords = wordsOf("hours", "days", "weeks", "months", "years", "time", "times", "moment", "period", "future",
	"weekend", "morning", "evening", "today", "year", "week", "month", "day")

// genericModifiers make a two-word topic say nothing ("shared interest").
var genericModifiers = wordsOf("shared", "mutual", "common", "various", "such", "other", "larger", "greater",
	"bigger", "broader", "wider", "closer", "stronger", "deeper", "better", "further", "more", "new", "coming",
	"upcoming", "next", "own", "particular", "respective", "same", "full", "whole", "past", "continued", "broad",
	"wide", "last", "previous", "recent")

// cleanTopicPhrase trims what is not part of a subject from a topic
// phrase: a leading "above all", a possessive pronoun, and everything from
// "and" followed by a verb ("climate and discussed the need").
func cleanTopicPhrase(t string) string {
	var fa [32]string
	f := topicFields(fa[:0], t)
	lo, hi := cleanTopicSpan(f)
	return strings.Join(f[lo:hi], " ")
}

// ownerWords are possessive pronouns dropped from the front of a topic.
var ownerWords = wordsOf("our", "my", "your", "their", "its", "his", "her")

// cleanTopicSpan is cleanTopicPhrase on the phrase's words: the words
// f[lo:hi] it keeps.
func cleanTopicSpan(f []string) (lo, hi int) {
	all := f
	for len(f) > 1 {
		switch {
		case lowerIs(f[0], "above") && lowerIs(f[1], "all"):
			f = f[2:]
			continue
		case lowerIs(f[0], "the") && len(f) > 2:
			f = f[1:]
			continue
		case ownerWords.hasLower(f[0]):
			f = f[1:]
			continue
		}
		break
	}
	for i := 1; i < len(f); i++ {
		afterAnd := strings.EqualFold(f[i-1], "and")
		verbish := !isCapitalized(f[i]) && (lowerHasSuffix(f[i], "ed") || afterAnd && lowerHasSuffix(f[i], "s") && !lowerHasSuffix(f[i], "ss"))
		if leadVerbs.hasLower(f[i]) || verbish && (afterAnd || i+1 < len(f) && determiners.hasLower(f[i+1])) {
			f = f[:i]
			if n := len(f); n > 0 && (strings.EqualFold(f[n-1], "and") || strings.EqualFold(f[n-1], "or")) {
				f = f[:n-1]
			}
			break
		}
	}
	// "war in Ukraine and its global", "protection of the Amazon and
	// Germany's": a second item cut short is dropped.
	if i := lastIndexFold(f, "and"); i > 0 && len(f)-i <= 3 {
		tail := f[i+1:]
		if len(tail) == 0 || possessiveWords.hasLower(tail[0]) || isPossessive(tail[len(tail)-1]) ||
			trailingAdjectives.hasLower(tail[len(tail)-1]) {
			f = f[:i]
		}
	}
	for len(f) > 1 && trailingAdjectives.hasLower(f[len(f)-1]) {
		f = f[:len(f)-1] // "broad range of bilateral"
	}
	for len(f) > 1 && (strings.EqualFold(f[len(f)-1], "of") || strings.EqualFold(f[len(f)-1], "and")) {
		f = f[:len(f)-1]
	}
	lo = cap(all) - cap(f) // f was only ever resliced: it is all[lo:lo+len(f)]
	return lo, lo + len(f)
}

// lastIndexFold is the index of the last word equal to w, -1 when none.
func lastIndexFold(f []string, w string) int {
	for i := len(f) - 1; i >= 0; i-- {
		if strings.EqualFold(f[i], w) {
			return i
		}
	}
	return -1
}

// possessiveWords begin an item cut short after "and".
var possessiveWords = wordsOf("its", "their", "his", "her", "our", "the")

// trailingAdjectives cannot end a noun phrase.
var trailingAdjectives = wordsOf("bilateral", "regional", "global", "international", "multilateral", "critical",
	"economic", "political", "strategic", "overarching", "mutual", "other", "various", "broader", "wider")

// genericHeads are nouns that name no subject when only a modifier or an
// owner comes before them ("global consequences", "Egypt's efforts").
var genericHeads = wordsOf("consequences", "impacts", "impact", "implications", "efforts", "effort", "plan", "plans",
	"need", "needs", "contribution", "contributions", "role", "priorities", "issues", "matters", "developments",
	"importance", "interest", "interests", "steps", "ways", "progress", "provision", "concerns", "views", "range")

// determiners follow a verb that starts a clause ("welcomed the ships").
var determiners = wordsOf("the", "a", "an", "their", "its", "his", "her", "our", "this", "that", "these", "those", "to")

// nounTopic says whether a cleaned topic phrase names a subject: not a
// clause ("reaffirmed their agreement"), not a bare adjective ("Western",
// "Iranian-made"), not a lone common word ("conditions"), not a time.
func nounTopic(t string) bool {
	var fa [32]string
	return nounTopicWords(t, topicFields(fa[:0], t), &placeOf{})
}

// placeOf is lookupPlace of a phrase, looked up at most once.
type placeOf struct {
	done bool
	p    place
	ok   bool
}

func (po *placeOf) get(t string) (place, bool) {
	if !po.done {
		po.p, po.ok = lookupPlace(t)
		po.done = true
	}
	return po.p, po.ok
}

// leadPreps start a phrase about when or why, not what.
var leadPreps = wordsOf("following", "after", "during", "before", "ahead", "since", "responding", "regarding", "occasion")

// nounTopicWords is nounTopic given the phrase's words and its place.
func nounTopicWords(t string, f []string, pl *placeOf) bool {
	if len(f) == 0 {
		return false
	}
	if leadVerbs.hasLower(f[0]) || !isCapitalized(f[0]) && lowerHasSuffix(f[0], "ed") && len(f) > 1 && determiners.hasLower(f[1]) {
		return false
	}
	for _, w := range f {
		if timeWords.hasLower(clauseMarks.trim(w)) {
			return false
		}
	}
	if genericModifiers.hasLower(f[0]) && len(f) <= 2 {
		return false
	}
	if leadPreps.hasLower(f[0]) {
		return false
	}
	if genericHeads.hasLower(f[len(f)-1]) && (len(f) <= 2 || isPossessive(f[0])) {
		return false
	}
	if mayBePlace(t) {
		if p, ok := pl.get(t); ok && p.isCity {
			return false // a city is where, not what
		}
	}
	if len(f) > 1 {
		return true
	}
	var fb [32]byte
	first := lowerInto(fb[:0], f[0]) // strings.ToLower(f[0])
	if notTopicWords.hasBytes(first) {
		return false
	}
	if h := strings.IndexByte(string(first), '-'); h > 0 {
		// "Iranian-made", "Russian-backed": a country adjective compound.
		var pre string
		if h <= len(f[0]) {
			pre = f[0][:h]
		} else {
			pre = string(first[:h]) // lower-casing lengthened the word ("\xff-")
		}
		if p, ok := lookupPlace(pre); ok && p.isAdj {
			return false
		}
		if hasSuffixBytes(first, "-made") || hasSuffixBytes(first, "-backed") || hasSuffixBytes(first, "-led") {
			return false
		}
	}
	if isCapitalized(f[0]) {
		return true
	}
	return subjectWords.hasBytes(first) || hasSuffixBytes(first, "ism") || hasSuffixBytes(first, "ization") ||
		hasSuffixBytes(first, "isation")
}

// lowerInto appends strings.ToLower(w) to dst, allocating nothing for an
// ASCII word that fits.
func lowerInto(dst []byte, w string) []byte {
	n := len(dst)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return append(dst[:n], strings.ToLower(w)...)
		}
		dst = append(dst, lowerASCII(c))
	}
	return dst
}

// keyInto appends tokenKey(w) to dst, allocating nothing for an ASCII
// word that fits.
func keyInto(dst []byte, w string) []byte {
	if hasNonASCII(w) {
		return append(dst, tokenKey(w)...)
	}
	k := lowerInto(dst, w)
	if n := len(k); n >= 2 && k[n-2] == '\'' && k[n-1] == 's' {
		k = k[:n-2]
	}
	if n := len(k); n >= 1 && k[n-1] == '\'' && string(k) != "dato'" {
		k = k[:n-1]
	}
	if n := len(k); n >= 1 && k[n-1] == '.' {
		k = k[:n-1]
	}
	return k
}

// hasSuffixBytes is bytes.HasSuffix(b, []byte(suffix)).
func hasSuffixBytes(b []byte, suffix string) bool {
	return len(b) >= len(suffix) && string(b[len(b)-len(suffix):]) == suffix
}

// mayBePlace says whether lookupPlace(s) can find a place: a place's first
// word must begin s. It answers yes when unsure (non-ASCII, long words), so
// it only spares lookupPlace's tokenizing of phrases that name no place.
func mayBePlace(s string) bool {
	s = strings.TrimSpace(s)
	end := len(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return true
		}
		if asciiSpace[c] {
			end = i
			break
		}
	}
	var b [40]byte
	if end == 0 || end > len(b) {
		return true
	}
	for i := 0; i < end; i++ {
		b[i] = lowerASCII(s[i])
	}
	// The first token is a prefix of the first word that ends before an
	// ASCII punctuation mark (or a one-character mark itself), and its key
	// is that prefix lower-cased, less a trailing "'s", "'" or ".".
	for m := 1; m <= end; m++ {
		if m == end || m == 1 || !isASCIIAlnum(s[m]) {
			if placeFirstSet.hasBytes(b[:m]) {
				return true
			}
		}
	}
	return false
}

// topicTriggers are words after which a clause names its topic.
var topicTriggers = [...]string{" on ", " about ", " regarding ", " concerning ", " over ", "discussed ", "addressed ",
	"raised ", "reviewed ", "explained ", "importance of ", "situation in ", "situation on ", "situation of ",
	"issue of ", "cooperation on ", "cooperation in ", "commitment to the ", "support for "}

// topicStop are words a topic never starts with.
var topicStop = wordsOf("the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "which", "what",
	"how", "ways", "way", "need", "importance", "he", "she", "they", "it", "both", "all", "each", "him", "them")

// topicSkip are words dropped before a topic ("the current situation").
var topicSkip = wordsOf("the", "current", "recent", "latest", "issue", "topic", "question", "of", "a", "an")

// clauseTopic guesses a clause's topic: what it is "on" or "about", else
// its first proper noun that is not a participant.
func clauseTopic(s string, ps *people) string {
	var endArr [16]int
	ends := triggerEnds(endArr[:0], s)
	slices.Sort(ends)
	var fa [48]string
	var aa [48]int
	for _, i := range ends {
		win := s[i:min(len(s), i+120)]
		// The window's words less those of topicSkip that lead, seven at
		// most: the rest of the window is not split.
		words, at := fa[:0], aa[:0]
		for j := 0; len(words) < 7; {
			a, b := nextField(win, j)
			if a == b {
				break
			}
			j = b
			if len(words) == 0 && topicSkip.has(win[a:b]) {
				continue
			}
			words, at = append(words, win[a:b]), append(at, a)
		}
		if t, ok := ps.shortGoodTopic(joinWords(win, words, at)); ok {
			return t
		}
	}
	words, at := fieldsAt(fa[:0], aa[:0], s)
	for i := 0; i < len(words); i++ {
		if !isCapitalized(words[i]) {
			continue
		}
		j := i + 1
		for j < len(words) && j-i < 8 {
			w := words[j]
			if isCapitalized(w) || w == "of" && j+1 < len(words) && (isCapitalized(words[j+1]) || words[j+1] == "the") ||
				w == "the" && words[j-1] == "of" {
				if clauseMarks.index(words[j-1]) >= 0 {
					break
				}
				j++
				continue
			}
			break
		}
		if j < len(words) && strings.Contains(words[j-1], "-") && pairNouns.has(clauseMarks.trim(words[j])) {
			j++ // "China-U.S. relations": a pair names the relation, not a place
		}
		// A run led by a word that is never a name ("The", "During") is no
		// topic whatever shortGoodTopic says, so it is not asked.
		var kb [32]byte
		if !nonNames[string(keyInto(kb[:0], words[i]))] { // tokenKey(words[i])
			if t, ok := ps.shortGoodTopic(joinWords(s, words[i:j], at[i:j])); ok {
				return t
			}
		}
		i = j - 1
	}
	return ""
}

// triggerBytes[i][c] has bit k set when topicTriggers[k] has byte c at
// index i: three table lookups rule out nearly every place in a clause.
var triggerBytes = func() (m [3][256]uint32) {
	for k, tr := range topicTriggers {
		for i := range m {
			m[i][tr[i]] |= 1 << k
		}
	}
	return m
}()

// Every trigger has a bit in a uint32 and at least four bytes.
var _ [32 - len(topicTriggers)]struct{}

// triggerEnds appends to dst where each topic trigger in s ends: every
// match, but for one trigger never two overlapping, as repeated
// strings.Index from the end of the last match finds them.
func triggerEnds(dst []int, s string) []int {
	var next [len(topicTriggers)]int // where each trigger's next match may start
	for p := 0; p+3 < len(s); p++ {
		m := triggerBytes[0][s[p]] & triggerBytes[1][s[p+1]] & triggerBytes[2][s[p+2]]
		for m != 0 {
			k := bits.TrailingZeros32(m)
			m &= m - 1
			if tr := topicTriggers[k]; p >= next[k] && strings.HasPrefix(s[p:], tr) {
				dst = append(dst, p+len(tr))
				next[k] = p + len(tr)
			}
		}
	}
	return dst
}

// pairNouns follow a pair of countries to name their relation.
var pairNouns = wordsOf("relations", "relationship", "ties", "cooperation", "partnership", "alliance", "dialogue",
	"trade", "summit", "talks")

// goodTopic rejects topic candidates that are people, offices, dates,
// demonyms or the participants' own countries. (A memo of its verdicts
// paid little: most phrases are judged once per readout.)
func goodTopic(t string, ps *people) bool {
	return judgeTopic(t, ps)
}

// shortGoodTopic is shortTopic(raw) and whether goodTopic accepts it, worked
// out once per phrase.
func (ps *people) shortGoodTopic(raw string) (string, bool) {
	if v, seen := ps.short[raw]; seen {
		return v.t, v.ok
	}
	t := shortTopic(raw)
	ok, judged := false, false
	for _, v := range ps.judged {
		if v.t == t {
			ok, judged = v.ok, true
			break
		}
	}
	if !judged {
		ok = goodTopic(t, ps)
		if len(ps.judged) < maxJudged {
			ps.judged = append(ps.judged, shortVerdict{t, ok})
		}
	}
	if ps.short == nil {
		ps.short = map[string]shortVerdict{}
	}
	ps.short[raw] = shortVerdict{t, ok}
	return t, ok
}

// maxJudged is how many verdicts people keeps: a readout's topics are
// fewer, and a short list is searched faster than a map is filled.
const maxJudged = 48

// shortVerdict is a memoised shortGoodTopic answer.
type shortVerdict struct {
	t  string
	ok bool
}

// judgeTopic is goodTopic without the memo.
func judgeTopic(t string, ps *people) bool {
	if len(t) < 3 {
		return false
	}
	var fa [32]string
	f := topicFields(fa[:0], t)
	var pl placeOf
	if !nounTopicWords(t, f, &pl) || ps.isPersonWord(t) {
		return false
	}
	var kb [32]byte
	k := keyInto(kb[:0], f[0]) // tokenKey(f[0])
	if genericTopics.hasLower(f[0]) && (len(f) == 1 || f[1] == "of" || f[1] == "raised" || f[1] == "on") {
		return false // "situation", "range of issues", "number of subjects"
	}
	if len(f) == 1 && !isCapitalized(f[0]) && (hasSuffixBytes(k, "ing") || hasSuffixBytes(k, "ed")) {
		return false // "responding", "resolved"
	}
	for _, w := range f {
		if isCapitalized(w) && titleHeadSet.hasKey(w) {
			return false // an office, not a subject
		}
	}
	if topicStop.hasBytes(k) || topicPreps.hasBytes(k) || titleHeadSet.hasBytes(k) ||
		titleWordSet.hasBytes(k) && len(f) > 1 && titleHeadSet.hasKey(f[1]) || honorificSet.hasBytes(k) || isNumber(string(k)) {
		return false
	}
	if _, ok := monthNums[string(k)]; ok {
		return false
	}
	if _, ok := weekdays[string(k)]; ok {
		return false
	}
	if !placeFirstSet.hasBytes(k) {
		return true
	}
	if p, ok := pl.get(t); ok {
		if p.isAdj {
			return false
		}
		for _, x := range ps.ps {
			if x.Affiliation == p.name {
				return false
			}
		}
	}
	return true
}

// people is a meeting's participants with their name words worked out
// once, and their office words when first needed, for the many topic
// checks of one readout.
type people struct {
	ps      []Participant
	names   [][]string              // nameTokens of each participant's name
	offices []map[string]bool       // officeWords of each title, nil until needed
	short   map[string]shortVerdict // shortGoodTopic's answers so far
	judged  []shortVerdict          // goodTopic's verdicts so far (maxJudged): topicsOf judges again what positions chose

	namesArr  [4][]string      // names for most meetings, which have few principals
	judgedArr [16]shortVerdict // judged for most meetings
	toksArr   [8]string        // their words
}

func newPeople(ps []Participant) *people {
	pp := &people{ps: ps} // with its arrays: one allocation for most meetings
	pp.judged = pp.judgedArr[:0]
	if len(ps) <= len(pp.namesArr) {
		pp.names = pp.namesArr[:len(ps)]
	} else {
		pp.names = make([][]string, len(ps))
	}
	size := 0
	for _, p := range ps {
		if hasNonASCII(p.Name) {
			for i, p := range ps {
				pp.names[i] = nameTokens(p.Name)
			}
			return pp
		}
		size += len(p.Name) + 1
	}
	// ASCII names fold to lower case: all of them go into one string and
	// their tokens are slices of it, where nameTokens allocates per name.
	var bufArr [128]byte
	buf := bufArr[:0]
	if size > len(bufArr) {
		buf = make([]byte, 0, size)
	}
	for _, p := range ps {
		buf = append(lowerInto(buf, p.Name), ' ')
	}
	all := string(buf)
	toks := pp.toksArr[:0]
	if n := 2 * len(ps); n > len(pp.toksArr) {
		toks = make([]string, 0, n)
	}
	for i, p := range ps {
		name := all[:len(p.Name)]
		all = all[len(p.Name)+1:]
		start := len(toks)
		for j := 0; ; {
			a, b := nextField(name, j)
			if a == b {
				break
			}
			j = b
			if w := strings.Trim(name[a:b], ".,'"); len(w) > 1 && !particleSet.has(w) && !honorificSet.has(w) {
				toks = append(toks, w)
			}
		}
		pp.names[i] = toks[start:len(toks):len(toks)]
	}
	return pp
}

// office is officeWords of participant i's title, worked out once.
func (pp *people) office(i int) map[string]bool {
	if pp.offices == nil {
		pp.offices = make([]map[string]bool, len(pp.ps))
	}
	if pp.offices[i] == nil {
		pp.offices[i] = officeWords(pp.ps[i].Title)
	}
	return pp.offices[i]
}

// isPersonWord says whether a phrase names a participant or their office.
func (pp *people) isPersonWord(t string) bool {
	if len(pp.ps) == 0 {
		return false
	}
	var b [128]byte
	if len(t) > len(b) || hasNonASCII(t) {
		return pp.isPersonWordFolded(nameTokens(t), t)
	}
	// nameTokens without allocating: an ASCII phrase folds to lower case.
	for i := 0; i < len(t); i++ {
		b[i] = lowerASCII(t[i])
	}
	office := false
	for i := 0; i < len(t); {
		for i < len(t) && asciiSpace[t[i]] {
			i++
		}
		j := i
		for j < len(t) && !asciiSpace[t[j]] {
			j++
		}
		x, y := i, j
		for x < y && (b[x] == '.' || b[x] == ',' || b[x] == '\'') {
			x++
		}
		for y > x && (b[y-1] == '.' || b[y-1] == ',' || b[y-1] == '\'') {
			y--
		}
		i = j
		w := b[x:y]
		if len(w) <= 1 {
			continue
		}
		// A name word of any participant answers at once; an office word
		// means the office check below. Neither counts if it is a
		// particle or an honorific.
		named := false
		for k := range pp.names {
			for _, n := range pp.names[k] {
				named = named || n == string(w)
			}
		}
		if head := titleHeadSet.hasBytes(w); (named || head) && !particleSet.hasBytes(w) && !honorificSet.hasBytes(w) {
			if named {
				return true
			}
			office = true
		}
	}
	if !office {
		return false
	}
	tw := officeWords(t) // only a phrase with an office word can name an office
	for i := range pp.ps {
		if pp.holdsOffice(i, tw) {
			return true
		}
	}
	return false
}

// isPersonWordFolded is isPersonWord given the phrase's name tokens.
func (pp *people) isPersonWordFolded(tn []string, t string) bool {
	var tw map[string]bool
	for _, w := range tn {
		if titleHeadSet.has(w) {
			tw = officeWords(t) // only a phrase with an office word can name an office
			break
		}
	}
	for i := range pp.ps {
		for _, w := range tn {
			if slices.Contains(pp.names[i], w) {
				return true
			}
		}
		if pp.holdsOffice(i, tw) {
			return true
		}
	}
	return false
}

// holdsOffice says whether participant i's office has all the office
// words tw (none: no).
func (pp *people) holdsOffice(i int, tw map[string]bool) bool {
	if len(tw) == 0 {
		return false
	}
	o := pp.office(i)
	if len(o) == 0 {
		return false
	}
	for w := range tw {
		if !o[w] {
			return false
		}
	}
	return true
}

// topicEnd are words at which a topic phrase ends.
var topicEnd = wordsOf("that", "which", "who", "to", "as", "with", "for", "by", "from", "while", "but", "so",
	"including", "during", "at", "after", "before", "when", "since", "until", "despite", "through", "via", "whether",
	"if", "because", "among", "between", "is", "are", "was", "were", "will", "would", "should", "could", "can", "must",
	"has", "have", "had", "remains", "remained", "held", "adopted", "made", "taken", "signed", "announced", "scheduled",
	"raised", "expressed")

// topicPreps are prepositions a truncated topic must not end on.
var topicPreps = wordsOf("of", "on", "in", "across", "for", "with", "to", "at", "by", "from", "about", "over", "into")

// verbAfterAnd ends a topic at "and" when a new clause follows it.
var verbAfterAnd = wordsOf("the", "two", "both", "he", "she", "they", "that", "expressed", "stressed", "agreed", "said",
	"are", "is", "was", "were", "will", "would", "have", "has", "had", "can", "could", "should", "also")

// shortTail are words a short topic does not end on.
var shortTail = wordsOf("of", "and", "the", "in", "on", "a")

// shortTopic trims a topic phrase to its first few words.
func shortTopic(t string) string {
	var fa [32]string
	var aa [32]int
	f, at := fieldsAt(fa[:0], aa[:0], t)
	// out are the words kept, each a prefix of a word of t starting at outAt.
	var oa [16]string
	var oat [16]int
	out, outAt := oa[:0], oat[:0]
	for i, w := range f {
		lw := wordQuotes.trim(w)
		if topicEnd.hasLower(lw) || lowerIs(lw, "and") && i+1 < len(f) && verbAfterAnd.hasLower(f[i+1]) {
			break
		}
		if lowerIs(lw, "in") && i+1 < len(f) && (f[i+1] == "a" || f[i+1] == "an" || f[i+1] == "order" || strings.HasPrefix(f[i+1], "run-up") ||
			i+2 < len(f) && f[i+1] == "the" && strings.HasPrefix(f[i+2], "run-up")) {
			break
		}
		if core := listMarks.trimRight(w); strings.Count(core, ".") >= 2 {
			out, outAt = append(out, core), append(outAt, at[i]) // "U.S.", "China-U.S."
			if core != w {
				break
			}
			continue
		}
		if end := clauseMarks.index(w); end >= 0 && !isDotAbbrev(strings.TrimSuffix(w, ".")) {
			if w = w[:end]; w != "" {
				out, outAt = append(out, w), append(outAt, at[i])
			}
			break
		}
		out, outAt = append(out, w), append(outAt, at[i])
		if len(out) >= 6 {
			// Keep a proper name whole ("International Committee of the
			// Red Cross"); otherwise stop before a dangling preposition.
			if i+1 < len(f) && len(out) < 9 && isCapitalized(w) && (isCapitalized(f[i+1]) || f[i+1] == "of") {
				continue
			}
			if i+1 < len(f) && len(out) < 9 && (w == "of" || w == "the") && isCapitalized(f[i-1]) {
				continue
			}
			for k := len(out) - 1; k > 1; k-- {
				if topicPreps.hasLower(out[k]) {
					if !(i+1 < len(f) && isCapitalized(out[k-1]) && isCapitalized(f[i])) {
						out, outAt = out[:k], outAt[:k]
					}
					break
				}
			}
			break
		}
	}
	if len(out) == 1 {
		out[0] = strings.TrimSuffix(strings.TrimSuffix(out[0], "’s"), "'s")
	}
	for len(out) > 0 && shortTail.hasLower(out[len(out)-1]) {
		out, outAt = out[:len(out)-1], outAt[:len(outAt)-1]
	}
	for len(out) > 0 && (out[0] == "the" || out[0] == "The") {
		out, outAt = out[1:], outAt[1:]
	}
	// "particularly on food security", "the state of bilateral relations".
	for len(out) > 1 && topicLead.hasLower(out[0]) {
		out, outAt = out[1:], outAt[1:]
	}
	if len(out) == 1 && out[0] == "" {
		out, outAt = out[:0], outAt[:0] // a lone "’s": no words, as splitting the joined phrase finds
	}
	lo, hi := cleanTopicSpan(out)
	t = joinWords(t, out[lo:hi], outAt[lo:hi])
	if i := strings.IndexByte(t, '('); i > 0 && !strings.Contains(t[i:], ")") {
		t = t[:i]
	}
	t = topicEdges.trim(t)
	if strings.HasSuffix(t, ".") && strings.Count(lastWord(t), ".") < 2 {
		t = strings.TrimRight(t, ".")
	}
	return topicEdges.trim(t)
}

// topicLead are words dropped from the front of a topic.
var topicLead = wordsOf("particularly", "especially", "notably", "including", "mainly", "also", "on", "the", "state", "of",
	"various", "current", "recent", "latest", "further", "a", "an", "some", "several", "key", "main")

// genericTopics say nothing on their own.
var genericTopics = wordsOf("situation", "issues", "issue", "matters", "matter", "work", "range", "number", "variety",
	"ways", "steps", "topics", "subjects", "areas", "fields", "views", "cooperation", "relations", "challenges",
	"developments", "questions", "efforts", "importance", "need", "progress", "support", "interest", "occasion",
	"outcome", "results", "agenda", "priorities", "meeting", "talks", "call", "discussion", "discussions")

// discussLeads are the words before a list of what was discussed, the
// more specific first where one begins another.
var discussLeads = [...]string{"discussed", "discuss", "addressed", "reviewed", "exchanged views on", "focused on"}

// discussList is what a sentence says was discussed: after the leftmost
// discussLead that begins a word and is followed by white space, then an
// optional "the", up to 200 characters that are not '.', ';' or ':' (at
// least 3). It is the first group of
//
//	\b(?:discussed|discuss|addressed|reviewed|exchanged views on|focused on)\s+(?:the\s+)?([^.;:]{3,200})
//
// found without a regular expression, leftmost first, then in the order of
// the alternatives, as the expression would be.
func discussList(s string) (string, bool) {
	for p := 0; p+2 < len(s); p++ {
		m := discussBytes[0][s[p]] & discussBytes[1][s[p+1]] & discussBytes[2][s[p+2]]
		for m != 0 {
			k := bits.TrailingZeros8(m)
			m &= m - 1
			if lead := discussLeads[k]; strings.HasPrefix(s[p:], lead) {
				if l, ok := discussAt(s, p, lead); ok {
					return l, true
				}
			}
		}
	}
	return "", false
}

// discussBytes[i][c] has bit k set when discussLeads[k] has byte c at
// index i, as triggerBytes does for topicTriggers.
var discussBytes = func() (m [3][256]uint8) {
	for k, lead := range discussLeads {
		for i := range m {
			m[i][lead[i]] |= 1 << k
		}
	}
	return m
}()

// Every lead has a bit in a uint8.
var _ [8 - len(discussLeads)]struct{}

// discussAt is discussList's match at p, where lead is written.
func discussAt(s string, p int, lead string) (string, bool) {
	if p > 0 && isWordByte(s[p-1]) {
		return "", false
	}
	q := p + len(lead)
	r := q
	for r < len(s) && isRESpace(s[r]) {
		r++
	}
	if r == q {
		return "", false
	}
	// As the expression backtracks: the longest white space, "the" and its
	// longest white space, and the longest list after them; failing that,
	// less white space, so that the list begins with some.
	if strings.HasPrefix(s[r:], "the") && r+3 < len(s) && isRESpace(s[r+3]) {
		r2 := r + 4
		for r2 < len(s) && isRESpace(s[r2]) {
			r2++
		}
		if k := max(0, 3-listRun(s, r2)); k < r2-(r+3) {
			return s[r2-k : listEnd(s, r2-k)], true
		}
		return s[r:listEnd(s, r)], true // "the" and all: at least 3 characters
	}
	if k := max(0, 3-listRun(s, r)); k < r-q {
		return s[r-k : listEnd(s, r-k)], true
	}
	return "", false
}

// listRun counts, up to 3, the characters from i that may be in a list.
func listRun(s string, i int) int {
	n := 0
	for ; i < len(s) && n < 3; n++ {
		c := s[i]
		if c == '.' || c == ';' || c == ':' {
			break
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return n
}

// listEnd is where a list starting at i ends: at '.', ';' or ':', or
// after 200 characters.
func listEnd(s string, i int) int {
	for n := 0; i < len(s) && n < 200; n++ {
		c := s[i]
		if c == '.' || c == ';' || c == ':' {
			break
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// topicsOf lists the meeting's topics: what the meeting sentence and later
// sentences say was discussed, and the topics of the positions.
func topicsOf(meet string, pos []Position, ps []Participant) []string {
	return topicsWith(meet, pos, newPeople(ps))
}

// topicsWith is topicsOf for the participants of pp, whose memos it
// reads and adds to.
func topicsWith(meet string, pos []Position, pp *people) []string {
	var out, keys []string // keys: out lower-cased, each once
	var kb [64]byte
	add := func(t string) {
		t, ok := pp.shortGoodTopic(t)
		if t == "" || len(t) < 3 || !ok {
			return
		}
		if first := firstField(t); topicStop.hasLower(first) || topicPreps.hasLower(first) {
			return
		}
		// k is strings.ToLower(t), copied to a string only when kept.
		k := lowerInto(kb[:0], t)
		for _, key := range keys {
			if string(k) == key {
				return
			}
		}
		// "war in Ukraine and its global ..." after "war in Ukraine".
		for j, o := range out {
			if lo := keys[j]; len(k) >= len(lo) && string(k[:len(lo)]) == lo {
				if rest := k[len(lo):]; hasPrefixBytes(rest, " and ") || hasPrefixBytes(rest, " ") && len(k) > len(o)+12 {
					return
				}
			}
		}
		if out == nil {
			// A readout rarely has more topics than are kept: both lists
			// share one array, out's part capped so it never runs on.
			both := make([]string, 0, 2*maxTopics)
			out, keys = both[:0:maxTopics], both[maxTopics:maxTopics]
		}
		out = append(out, t)
		if string(k) == t {
			keys = append(keys, t) // already lower case: no copy
		} else {
			keys = append(keys, string(k))
		}
	}
	for i := -1; i < len(pos); i++ {
		s := meet
		if i >= 0 {
			s = pos[i].Text
		}
		if list, ok := discussList(s); ok {
			list = strings.ReplaceAll(list, ", and ", ", ")
			list = strings.ReplaceAll(list, ", as well as ", ", ")
			for part := range strings.SplitSeq(list, ",") {
				part = strings.TrimSpace(part)
				if i := strings.Index(part, " and "); i > 0 && countFields(part) > 4 {
					add(part[:i])
					add(part[i+5:])
					continue
				}
				add(part)
			}
		}
	}
	for _, p := range pos {
		if p.Topic != "" {
			add(p.Topic)
		}
	}
	if len(out) > maxTopics {
		out = out[:maxTopics]
	}
	return out
}

// maxTopics is how many topics a meeting keeps.
const maxTopics = 12

// hasPrefixBytes is bytes.HasPrefix(b, []byte(prefix)).
func hasPrefixBytes(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && string(b[:len(prefix)]) == prefix
}

// asciiSpace marks the ASCII bytes strings.Fields splits at.
var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// nextField is where the first word of s[i:] begins and ends, as
// strings.Fields splits words; a == b == len(s) when there is none.
func nextField(s string, i int) (a, b int) {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	j := i
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				break
			}
			j++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[j:])
		if unicode.IsSpace(r) {
			break
		}
		j += size
	}
	return i, j
}

// topicFields appends strings.Fields(s) to dst: with dst backed by an
// array on the caller's stack, splitting a short phrase allocates nothing.
func topicFields(dst []string, s string) []string {
	for i := 0; ; {
		a, b := nextField(s, i)
		if a == b {
			return dst
		}
		dst = append(dst, s[a:b])
		i = b
	}
}

// fieldsAt is topicFields that also appends where each word starts.
func fieldsAt(dst []string, at []int, s string) ([]string, []int) {
	for i := 0; ; {
		a, b := nextField(s, i)
		if a == b {
			return dst, at
		}
		dst, at = append(dst, s[a:b]), append(at, a)
		i = b
	}
}

// firstField is strings.Fields(s)[0], "" when s has no word.
func firstField(s string) string {
	a, b := nextField(s, 0)
	return s[a:b]
}

// countFields is len(strings.Fields(s)).
func countFields(s string) int {
	n := 0
	for i := 0; ; n++ {
		a, b := nextField(s, i)
		if a == b {
			return n
		}
		i = b
	}
}

// joinWords is strings.Join(words, " ") for words of s starting at at:
// the span of s they cover when single spaces part them, so that nothing
// is allocated.
func joinWords(s string, words []string, at []int) string {
	if len(words) == 0 {
		return ""
	}
	for k := 1; k < len(words); k++ {
		if at[k] != at[k-1]+len(words[k-1])+1 || s[at[k]-1] != ' ' {
			return strings.Join(words, " ")
		}
	}
	return s[at[0] : at[len(at)-1]+len(words[len(words)-1])]
}

// lowerIs is strings.ToLower(w) == lower for a lower-case ASCII lower.
func lowerIs(w, lower string) bool {
	if len(w) < len(lower) {
		return false // lower-casing never lengthens a word into ASCII
	}
	if len(w) > len(lower) {
		return hasNonASCII(w) && strings.ToLower(w) == lower
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(w) == lower
		}
		if lowerASCII(c) != lower[i] {
			return false
		}
	}
	return true
}

// lowerHasSuffix is strings.HasSuffix(strings.ToLower(w), suffix) for a
// lower-case ASCII suffix.
func lowerHasSuffix(w, suffix string) bool {
	if hasNonASCII(w) {
		return strings.HasSuffix(strings.ToLower(w), suffix)
	}
	return len(w) >= len(suffix) && lowerIs(w[len(w)-len(suffix):], suffix)
}

// wordSet is a set of lower-case words. Most words are ruled out by
// their length and first letter before the map is consulted.
type wordSet struct {
	m     map[string]bool
	shape [32]uint32 // bit c-'a' of shape[n]: a word of n bytes starts with c
}

func newWordSet(m map[string]bool) *wordSet {
	ws := &wordSet{m: m}
	for w := range m {
		if n := len(w); n > 0 && n < len(ws.shape) && 'a' <= w[0] && w[0] <= 'z' {
			ws.shape[n] |= 1 << (w[0] - 'a')
		}
	}
	return ws
}

func wordsOf(words ...string) *wordSet { return newWordSet(setOf(words...)) }

// Sets of names.go and names_places.go the topic rules look words up in.
var (
	titleHeadSet  = newWordSet(titleHeads)
	titleWordSet  = newWordSet(titleWords)
	honorificSet  = newWordSet(honorifics)
	particleSet   = newWordSet(particles)
	placeFirstSet = func() *wordSet {
		m := make(map[string]bool, len(placeFirst))
		for w := range placeFirst {
			m[w] = true
		}
		return newWordSet(m)
	}()
)

// mayHave says whether the set can hold a word of n bytes starting with c.
func (ws *wordSet) mayHave(n int, c byte) bool {
	if n >= len(ws.shape) || c < 'a' || c > 'z' {
		return true
	}
	return ws.shape[n]>>(c-'a')&1 != 0
}

// has is m[k].
func (ws *wordSet) has(k string) bool {
	return (k == "" || ws.mayHave(len(k), k[0])) && ws.m[k]
}

// hasBytes is m[string(k)], without allocating.
func (ws *wordSet) hasBytes(k []byte) bool {
	return (len(k) == 0 || ws.mayHave(len(k), k[0])) && ws.m[string(k)]
}

// hasLower is m[strings.ToLower(w)], without allocating for a short ASCII word.
func (ws *wordSet) hasLower(w string) bool {
	// An ASCII word is lower-cased into b in one pass, and hasBytes rules
	// it out by its length and first letter before the map.
	var b [24]byte
	if len(w) > len(b) {
		return ws.m[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return ws.m[strings.ToLower(w)]
		}
		b[i] = lowerASCII(c)
	}
	return ws.hasBytes(b[:len(w)])
}

// hasKey is m[tokenKey(w)], without allocating for a short ASCII word.
func (ws *wordSet) hasKey(w string) bool {
	var b [32]byte
	return ws.hasBytes(keyInto(b[:0], w))
}

// cutset is the characters strings.Trim would be given, worked out once:
// strings.Trim builds its table anew on every call.
type cutset struct {
	ascii [utf8.RuneSelf]bool
	runes []string // the non-ASCII characters, encoded
}

func newCutset(chars string) *cutset {
	c := &cutset{}
	for _, r := range chars {
		if r < utf8.RuneSelf {
			c.ascii[r] = true
		} else {
			c.runes = append(c.runes, string(r))
		}
	}
	return c
}

var (
	clauseMarks = newCutset(",.;:")
	listMarks   = newCutset(",;:")
	wordQuotes  = newCutset("()\"“”")
	topicEdges  = newCutset(" ,;:()\"“”'’")
)

// trim is strings.Trim(s, chars).
func (c *cutset) trim(s string) string {
	return c.trimRight(c.trimLeft(s))
}

func (c *cutset) trimLeft(s string) string {
outer:
	for len(s) > 0 {
		if b := s[0]; b < utf8.RuneSelf {
			if !c.ascii[b] {
				break
			}
			s = s[1:]
			continue
		}
		for _, r := range c.runes {
			if strings.HasPrefix(s, r) {
				s = s[len(r):]
				continue outer
			}
		}
		break
	}
	return s
}

// trimRight is strings.TrimRight(s, chars).
func (c *cutset) trimRight(s string) string {
outer:
	for len(s) > 0 {
		if b := s[len(s)-1]; b < utf8.RuneSelf {
			if !c.ascii[b] {
				break
			}
			s = s[:len(s)-1]
			continue
		}
		for _, r := range c.runes {
			if strings.HasSuffix(s, r) {
				s = s[:len(s)-len(r)]
				continue outer
			}
		}
		break
	}
	return s
}

// index is strings.IndexAny(s, chars) for ASCII chars.
func (c *cutset) index(s string) int {
	for i := 0; i < len(s); i++ {
		if b := s[i]; b < utf8.RuneSelf && c.ascii[b] {
			return i
		}
	}
	return -1
}
