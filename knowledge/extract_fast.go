package knowledge

import (
	"iter"
	"math/bits"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Literal scanners that stand in for, or gate, regexps on Extract's hot
// paths. Each one gives exactly the regexp's answer (or only skips a regexp
// that cannot match), so extraction output does not change; see
// BENCHMARKS.md for why the time matters.

// isRegexSpace is the regexp package's \s: [\t\n\f\r ].
func isRegexSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// skipRegexSpace returns the index after the run of \s starting at i.
func skipRegexSpace(s string, i int) int {
	for i < len(s) && isRegexSpace(s[i]) {
		i++
	}
	return i
}

// wordThenSpace returns the end of w followed by one or more \s at s[i:],
// or -1.
func wordThenSpace(s string, i int, w string) int {
	if len(s)-i < len(w)+1 || s[i:i+len(w)] != w || !isRegexSpace(s[i+len(w)]) {
		return -1
	}
	return skipRegexSpace(s, i+len(w))
}

// splitMatchAt is reSplit anchored at i: the end of its leftmost-first match
// starting at i, or -1.
func splitMatchAt(s string, i int) int {
	switch c := s[i]; {
	case c == ',':
		j := skipRegexSpace(s, i+1)
		if j == i+1 {
			return -1
		}
		for _, w := range [...]string{"while", "whereas", "and", "but", "where"} {
			if e := wordThenSpace(s, j, w); e >= 0 {
				return e
			}
		}
	case c == ';':
		if j := skipRegexSpace(s, i+1); j > i+1 {
			return j
		}
	case isRegexSpace(c):
		j := skipRegexSpace(s, i)
		if e := wordThenSpace(s, j, "while"); e >= 0 {
			return e
		}
		if e := wordThenSpace(s, j, "and"); e >= 0 {
			return e
		}
	}
	return -1
}

// splitPoints is reSplit.FindAllStringIndex(s, -1) without the regexp.
func splitPoints(s string) [][2]int { return appendSplitPoints(nil, s) }

// appendSplitPoints appends splitPoints(s) to dst.
func appendSplitPoints(dst [][2]int, s string) [][2]int {
	out := dst
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == ',' || c == ';':
		case c == ' ':
			// After one space a match needs "while" or "and" (reSplit is
			// case-sensitive) or more space.
			if i+1 < len(s) && s[i+1] != 'w' && s[i+1] != 'a' && !isRegexSpace(s[i+1]) {
				i++
				continue
			}
		case isRegexSpace(c):
		default:
			i++ // no match starts here
			continue
		}
		if e := splitMatchAt(s, i); e >= 0 {
			out = append(out, [2]int{i, e})
			i = e
			continue
		}
		i++
	}
	return out
}

// lowerASCII folds an ASCII letter to lower case.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// containsFoldASCII reports whether s holds sub (lower-case ASCII) in any
// ASCII case. For words without k or s this is what (?i) matches.
func containsFoldASCII(s, sub string) bool {
	n := len(sub)
outer:
	for i := 0; i+n <= len(s); i++ {
		for j := 0; j < n; j++ {
			if lowerASCII(s[i+j]) != sub[j] {
				continue outer
			}
		}
		return true
	}
	return false
}

// hasNonASCII reports whether s holds a byte outside ASCII.
func hasNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return true
		}
	}
	return false
}

// theNext are the words that follow "the" in reJoint.
var theNext = []string{"two", "sides", "leaders", "ministers", "presidents", "parties", "delegations", "participants",
	"interlocutors", "counterparts", "officials", "prime", "foreign", "heads", "secretaries", "three", "four", "five"}

// hasPrefixFoldASCII reports whether s starts with p (lower-case ASCII) in
// any ASCII case.
func hasPrefixFoldASCII(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		if lowerASCII(s[i]) != p[i] {
			return false
		}
	}
	return true
}

// mayBeJoint is false only when reJoint cannot match s: s starts with none of
// its first words and holds none of its plural nouns.
func mayBeJoint(s string) bool {
	if hasNonASCII(s) {
		return true // case folding of ſ and K is left to the regexp
	}
	n := 0
	for n < len(s) && n < 5 && ('a' <= lowerASCII(s[n]) && lowerASCII(s[n]) <= 'z') {
		n++
	}
	var w [5]byte
	for i := 0; i < n; i++ {
		w[i] = lowerASCII(s[i])
	}
	switch string(w[:n]) {
	case "the":
		// Every "the ..." alternative has one of theNext after the space;
		// "The-X ministers" and the like are left to the plural test below.
		if j := skipRegexSpace(s, n); j > n {
			for _, nx := range theNext {
				if hasPrefixFoldASCII(s[j:], nx) {
					return true
				}
			}
		}
	case "both", "they", "all", "each", "it":
		return true
	}
	return jointPlurals.in(s)
}

// jointPlurals are the plurals a reJoint subject that starts otherwise holds.
var jointPlurals = newFoldSet("leaders", "ministers", "officials", "delegations")

// foldSet finds any of a few lower-case ASCII words in ASCII text, in any
// ASCII case, in one pass: a table says which words start with each byte.
type foldSet struct {
	first  [256]uint32 // bit i: words[i] starts with this byte, either case
	second [256]uint32 // bit i: words[i]'s second byte is this byte lower-cased
	words  []string
}

func newFoldSet(words ...string) *foldSet {
	fs := &foldSet{words: words}
	for i, w := range words {
		if len(w) < 2 || i >= 32 {
			panic("foldSet: words of two bytes or more, 32 at most")
		}
		fs.first[w[0]] |= 1 << i
		if 'a' <= w[0] && w[0] <= 'z' {
			fs.first[w[0]-'a'+'A'] |= 1 << i
		}
		for c := range 256 {
			if lowerASCII(byte(c)) == w[1] {
				fs.second[c] |= 1 << i
			}
		}
	}
	return fs
}

// in says whether s holds one of the words: containsFoldASCII for each.
func (fs *foldSet) in(s string) bool {
	found, _ := fs.inASCII(s, false)
	return found
}

// inASCII is in(s) for ASCII s; with stop, it gives up (ascii false) at the
// first byte outside ASCII.
func (fs *foldSet) inASCII(s string, stop bool) (found, ascii bool) {
	if len(s) == 0 {
		return false, true
	}
	// Every word has two bytes at least: the pair at i rules out most
	// places, and the last byte starts no word.
	last := len(s) - 1
	for i := 0; i < last; i++ {
		c := s[i]
		if c >= 0x80 && stop {
			return false, false
		}
		for m := fs.first[c] & fs.second[s[i+1]]; m != 0; m &= m - 1 {
			if hasPrefixFoldASCII(s[i:], fs.words[bits.TrailingZeros32(m)]) {
				return true, true
			}
		}
	}
	if s[last] >= 0x80 && stop {
		return false, false
	}
	return false, true
}

// startsWithPronoun is rePronoun.MatchString(s): "He", "She", "he" or
// "she" as a whole word at the start.
func startsWithPronoun(s string) bool {
	var n int
	switch {
	case strings.HasPrefix(s, "He") || strings.HasPrefix(s, "he"):
		n = 2
	case strings.HasPrefix(s, "She") || strings.HasPrefix(s, "she"):
		n = 3
	default:
		return false
	}
	return n == len(s) || !isASCIIWord(s[n])
}

// mayJoinCounterpart is false only when reAndCounterpart cannot match s: it
// starts with an optional comma, \s+ and "and".
func mayJoinCounterpart(s string) bool {
	i := 0
	if strings.HasPrefix(s, ",") {
		i = 1
	}
	j := skipRegexSpace(s, i)
	return j > i && strings.HasPrefix(s[j:], "and")
}

// mayBeMeetingSubject is false only when reMeetingSubject cannot match s:
// it starts with "The", "This" or "Their".
func mayBeMeetingSubject(s string) bool {
	return strings.HasPrefix(s, "Th")
}

// mayHaveDuration is false only when reDuration and reDurationAdj cannot
// match s: both need a whole unit word ("min", "hours", ...).
func mayHaveDuration(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := lowerASCII(s[i]); c != 'm' && c != 'h' {
			continue
		}
		for _, u := range durationUnits {
			if hasPrefixFoldASCII(s[i:], u) && (i+len(u) == len(s) || !isASCIIWord(s[i+len(u)])) {
				return true
			}
		}
	}
	return false
}

// durationUnits are the units reDuration and reDurationAdj end with, each
// followed by \b (a final "s" written as "ſ" still leaves its stem
// followed by a non-word byte).
var durationUnits = []string{"minutes", "minute", "mins", "min", "hours", "hour", "hrs", "hr"}

// mayHaveClock12 is false only when reClock12 cannot match s: it needs an
// "a" or "p" with an "m" at most three bytes later.
func mayHaveClock12(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := lowerASCII(s[i]); c == 'a' || c == 'p' {
			for j := i + 1; j <= i+3 && j < len(s); j++ {
				if lowerASCII(s[j]) == 'm' {
					return true
				}
			}
		}
	}
	return false
}

// mayHaveClock24 is false only when reClock24 cannot match s: it needs a
// digit, then ':', '.' or 'h', then a digit.
func mayHaveClock24(s string) bool {
	for i := 1; i+1 < len(s); i++ {
		if c := lowerASCII(s[i]); (c == ':' || c == '.' || c == 'h') && isDigit(s[i-1]) && isDigit(s[i+1]) {
			return true
		}
	}
	return false
}

// mayHaveNoon is false only when reNoon cannot match s.
func mayHaveNoon(s string) bool {
	return containsFoldASCII(s, "noon") || containsFoldASCII(s, "midday") || containsFoldASCII(s, "midnight")
}

// jointAt is reJoint.FindStringIndex(s), skipped when it cannot match.
func jointAt(s string) []int {
	if a, b, ok := jointSpan(s); ok {
		return []int{a, b}
	}
	return nil
}

// jointSpan is jointAt(s) without allocating the answer: the match's
// start and end, ok false when there is none.
func jointSpan(s string) (a, b int, ok bool) {
	if !mayBeJoint(s) {
		return 0, 0, false
	}
	if hasNonASCII(s) {
		if loc := reJoint.FindStringIndex(s); loc != nil { // Unicode letters and case folding
			return loc[0], loc[1], true
		}
		return 0, 0, false
	}
	if e := jointEnd(s); e >= 0 {
		return 0, e, true
	}
	return 0, 0, false
}

// Word lists of reJoint's alternatives, in its order; a space stands for \s+.
var (
	jointTwoNouns = []string{"sides", "leaders", "ministers", "presidents", "prime ministers", "delegations",
		"foreign ministers", "secretaries", "parties", "countries", "men", "women", "counterparts", "officials",
		"heads of state", "heads of government", "governments", "chancellors", "premiers", "kings"}
	jointBothNouns = []string{"sides", "leaders", "ministers", "parties", "men", "women", "delegations", "countries",
		"governments", "presidents", "counterparts", "officials"}
	jointTheNouns = []string{"sides", "leaders", "ministers", "presidents", "parties", "delegations", "participants",
		"interlocutors", "counterparts", "officials", "prime ministers", "foreign ministers", "heads of state",
		"heads of government", "secretaries", "three", "four"}
	jointAllNouns    = []string{"sides", "parties", "participants", "three", "four", "leaders", "ministers"}
	jointNumbers     = []string{"three", "four", "five"}
	jointGroupNouns  = []string{"leaders", "ministers", "officials", "delegations"}
	jointEachSide    = []string{"each side"}
	jointItWasAgreed = []string{"it was agreed"}
	jointThey        = []string{"they"}
)

// boundaryAt is \b at i in ASCII text.
func boundaryAt(s string, i int) bool {
	before := i > 0 && isASCIIWord(s[i-1])
	after := i < len(s) && isASCIIWord(s[i])
	return before != after
}

// phraseAt matches p (lower-case ASCII words, a space standing for \s+) at
// s[i:] in any ASCII case and returns where it ends, or -1.
func phraseAt(s string, i int, p string) int {
	for k := 0; k < len(p); k++ {
		if p[k] == ' ' {
			j := skipRegexSpace(s, i)
			if j == i {
				return -1
			}
			i = j
			continue
		}
		if i >= len(s) || lowerASCII(s[i]) != p[k] {
			return -1
		}
		i++
	}
	return i
}

// firstPhraseAt is the end of the first of ps that matches at s[i:] and is
// followed by \b, or -1: an alternation followed by \b, as the regexp
// tries it.
func firstPhraseAt(s string, i int, ps []string) int {
	for _, p := range ps {
		if e := phraseAt(s, i, p); e >= 0 && boundaryAt(s, e) {
			return e
		}
	}
	return -1
}

// wordsAt is \s+\w+ at s[i:] followed by \b: where it ends, or -1.
func wordsAt(s string, i int) int {
	j := skipRegexSpace(s, i)
	if j == i || j >= len(s) || !isASCIIWord(s[j]) {
		return -1
	}
	for j < len(s) && isASCIIWord(s[j]) {
		j++
	}
	return j // a maximal \w+ always ends at \b
}

// jointEnd is where reJoint's match in ASCII text s ends, or -1. It tries
// reJoint's alternatives in order, each with the final \b, as the
// regexp's leftmost-first match does.
func jointEnd(s string) int {
	// the\s+two\s+(nouns) | the\s+two\b
	if t := phraseAt(s, 0, "the two"); t >= 0 {
		if e := phraseAt(s, t, " "); e >= 0 {
			if e := firstPhraseAt(s, e, jointTwoNouns); e >= 0 {
				return e
			}
		}
		if boundaryAt(s, t) {
			return t
		}
	}
	// both\s+(nouns) | both\b
	if b := phraseAt(s, 0, "both"); b >= 0 {
		if e := phraseAt(s, b, " "); e >= 0 {
			if e := firstPhraseAt(s, e, jointBothNouns); e >= 0 {
				return e
			}
		}
		if boundaryAt(s, b) {
			return b
		}
	}
	// the\s+(nouns|two\s+\w+)
	if t := phraseAt(s, 0, "the "); t >= 0 {
		if e := firstPhraseAt(s, t, jointTheNouns); e >= 0 {
			return e
		}
		if w := phraseAt(s, t, "two"); w >= 0 {
			if e := wordsAt(s, w); e >= 0 {
				return e
			}
		}
	}
	if e := firstPhraseAt(s, 0, jointThey); e >= 0 {
		return e
	}
	if a := phraseAt(s, 0, "all "); a >= 0 {
		if e := firstPhraseAt(s, a, jointAllNouns); e >= 0 {
			return e
		}
	}
	// the\s+(three|four|five)\s+\w+
	if t := phraseAt(s, 0, "the "); t >= 0 {
		for _, n := range jointNumbers {
			if w := phraseAt(s, t, n); w >= 0 {
				if e := wordsAt(s, w); e >= 0 {
					return e
				}
			}
		}
	}
	if e := firstPhraseAt(s, 0, jointEachSide); e >= 0 {
		return e
	}
	if e := firstPhraseAt(s, 0, jointItWasAgreed); e >= 0 {
		return e
	}
	// (?:\p{Lu}[\p{L}-]*\s+)?(?:leaders|ministers|officials|delegations)\b;
	// under (?i) \p{Lu} takes any letter.
	if len(s) > 0 && isASCIILetter(s[0]) {
		w := 1
		for w < len(s) && (isASCIILetter(s[w]) || s[w] == '-') {
			w++
		}
		if j := skipRegexSpace(s, w); j > w {
			if e := firstPhraseAt(s, j, jointGroupNouns); e >= 0 {
				return e
			}
		}
	}
	return firstPhraseAt(s, 0, jointGroupNouns)
}

// isASCIILetter is an ASCII letter.
func isASCIILetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// matchIf is re.FindStringSubmatchIndex(s) when may is true, else nil.
func matchIf(may bool, re *regexp.Regexp, s string) []int {
	if !may {
		return nil
	}
	return re.FindStringSubmatchIndex(s)
}

// isASCIIWord is the regexp package's \w, which \b uses.
func isASCIIWord(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}

// meetVerbWords are reMeetVerb's one-word alternatives.
var meetVerbWords = setOf("congratulated", "met", "meets", "meeting", "meet", "talk", "talks", "talked", "spoke",
	"speaks", "call", "called", "calls", "telephone", "phone", "conversation", "hosted", "hosts", "received",
	"receives", "held", "holds", "conferred", "visited", "discussed", "discuss", "videoconference", "welcomed",
	"welcomes", "greeted", "exchanged", "chaired", "consulted")

// asciiRunLower lower-cases the run of \w bytes at s[i:] into buf and
// returns its length and where it ends; ok is false when it does not fit.
func asciiRunLower(s string, i int, buf []byte) (int, int, bool) {
	j := i
	for j < len(s) && isASCIIWord(s[j]) {
		j++
	}
	if j-i > len(buf) {
		return 0, j, false
	}
	for k := i; k < j; k++ {
		buf[k-i] = lowerASCII(s[k])
	}
	return j - i, j, true
}

// hasMeetVerb is reMeetVerb.MatchString(s): a whole word (between \b
// boundaries) that is one of its alternatives.
func hasMeetVerb(s string) bool {
	if strings.Contains(s, "ſ") || strings.Contains(s, "K") {
		return reMeetVerb.MatchString(s) // case folding beyond ASCII
	}
	var buf, next [16]byte
	for i := 0; i < len(s); i++ {
		if !isASCIIWord(s[i]) || i > 0 && isASCIIWord(s[i-1]) {
			continue
		}
		n, j, ok := asciiRunLower(s, i, buf[:])
		if !ok {
			i = j
			continue
		}
		if meetVerbWords[string(buf[:n])] {
			return true
		}
		if j < len(s) {
			w := string(buf[:n])
			if w == "video" && (s[j] == '-' || isRegexSpace(s[j])) || w == "co" && s[j] == '-' {
				want := "conference"
				if w == "co" {
					want = "chaired"
				}
				if m, _, ok := asciiRunLower(s, j+1, next[:]); ok && string(next[:m]) == want {
					return true
				}
			}
		}
		i = j
	}
	return false
}

// callWords and inPersonWords are the alternatives of reCallWord and
// reInPerson (both case-sensitive, on lower-cased text).
var (
	callWords     = setOf("call", "called", "calls", "spoke", "speaks", "talked")
	inPersonWords = setOf("met", "meets", "meeting", "meet", "hosted", "hosts", "received", "receives", "visit",
		"visited", "visits", "talks", "summit", "bilateral", "luncheon", "dinner", "breakfast", "welcomed", "dialogue",
		"consultation", "consultations", "chaired")
)

// firstWordIndex is where the leftmost whole word (between \b boundaries)
// of words starts in s, or -1; coChaired also accepts "co-chaired". It is
// firstIndex of a case-sensitive regexp \b(?:alternatives)\b.
func firstWordIndex(s string, words map[string]bool, coChaired bool) int {
	for i := 0; i < len(s); i++ {
		if !isASCIIWord(s[i]) || i > 0 && isASCIIWord(s[i-1]) {
			continue
		}
		j := i
		for j < len(s) && isASCIIWord(s[j]) {
			j++
		}
		if words[s[i:j]] {
			return i
		}
		if coChaired && s[i:j] == "co" && j < len(s) && s[j] == '-' && strings.HasPrefix(s[j+1:], "chaired") &&
			(j+8 == len(s) || !isASCIIWord(s[j+8])) {
			return i
		}
		i = j
	}
	return -1
}

// endVerbs are the verbs of reEndSpeaker and reQuoteSaid, which must end
// the text but for spaces, a stop and a closing quote; saidVerbs are
// reEndSaid's.
var (
	endVerbs = []string{"added", "said", "noted", "stressed", "explained", "continued", "emphasized", "emphasised",
		"stated", "underlined", "observed", "concluded", "remarked", "affirmed", "insisted", "pointed out", "says"}
	saidVerbs = []string{"said", "added", "noted", "stressed", "stated", "explained", "continued"}
)

// mayEndWithVerb is false only when neither reEndSpeaker nor reQuoteSaid
// can match s: s does not end in one of their verbs.
func mayEndWithVerb(s string) bool {
	if strings.HasSuffix(s, "\"") {
		s = s[:len(s)-1]
	} else if strings.HasSuffix(s, "”") {
		s = s[:len(s)-len("”")]
	}
	if strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") {
		s = s[:len(s)-1]
	}
	for len(s) > 0 && isRegexSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	for _, v := range endVerbs {
		if strings.HasSuffix(s, v) {
			return true
		}
	}
	return false
}

// mayHaveSaid is false only when reEndSaid cannot match s.
func mayHaveSaid(s string) bool {
	for _, v := range saidVerbs {
		if strings.Contains(s, v) {
			return true
		}
	}
	return false
}

// mentionMemo keeps findMentions' answers for one readout: the meeting
// sentence, participant and position passes look at the same sentences.
// Callers only read the slices.
type mentionMemo map[string][]mention

// find is findMentions(s), worked out once per text.
func (mm *mentionMemo) find(s string) []mention {
	if mm == nil {
		return findMentions(s)
	}
	if ms, ok := (*mm)[s]; ok {
		return ms
	}
	if *mm == nil {
		*mm = make(mentionMemo, 32) // a readout's sentences and pieces
	}
	ms := findMentions(s)
	(*mm)[s] = ms
	return ms
}

// get is the memo's answer for s, if it has one.
func (mm *mentionMemo) get(s string) ([]mention, bool) {
	if mm == nil {
		return nil, false
	}
	ms, ok := (*mm)[s]
	return ms, ok
}

// lowerASCIIInto appends s, ASCII text, lower-cased to dst.
func lowerASCIIInto(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		dst = append(dst, lowerASCII(s[i]))
	}
	return dst
}

// lastAttributionMark is strings.LastIndexAny(s, ",”\""), or -1 when that
// lies more than within bytes before the end of s.
func lastAttributionMark(s string, within int) int {
	for i := len(s) - 1; i >= 0 && len(s)-i <= within; i-- {
		switch s[i] {
		case ',', '"':
			return i
		case 0xE2: // "”" is E2 80 9D; its other bytes are never a rune's first
			if strings.HasPrefix(s[i:], "”") {
				return i
			}
		}
	}
	return -1
}

// hasSuffixFoldASCII reports whether s ends with p (lower-case ASCII) in
// any ASCII case.
func hasSuffixFoldASCII(s, p string) bool {
	return len(s) >= len(p) && hasPrefixFoldASCII(s[len(s)-len(p):], p)
}

// introLeads are the words reIntroTopic's alternatives start with, each
// followed by \s.
var introLeads = setOf("with", "regarding", "concerning", "as", "turning", "on", "in", "referring", "about")

// mayIntroTopic is false only when reIntroTopic cannot match p: it ends with
// a comma and starts with one of introLeads, in any case, then a space.
// Text with other than ASCII near the start is left to the regexp ("aſ"
// folds to "as").
func mayIntroTopic(p string) bool {
	if !strings.HasSuffix(p, ",") {
		return false
	}
	var buf [10]byte
	n := 0
	for n < len(p) && n < len(buf) {
		c := p[n]
		if c >= 0x80 {
			return true
		}
		if !isASCIILetter(c) {
			break
		}
		buf[n] = lowerASCII(c)
		n++
	}
	return n < len(p) && isRegexSpace(p[n]) && introLeads[string(buf[:n])]
}

// foldMarks are up to 32 phrases, each lower-case ASCII of four bytes or
// more, to be found in a text in any ASCII case: which of them have a byte
// (in any case) first, second, third and fourth lets one pass over the
// text find the few places a phrase may start.
type foldMarks struct {
	marks []string
	at    [4][256]uint32
}

// newFoldMarks indexes marks; it panics on marks count cannot find.
func newFoldMarks(marks []string) *foldMarks {
	if len(marks) > 32 {
		panic("knowledge: more fold marks than bits")
	}
	f := &foldMarks{marks: marks}
	for i, k := range marks {
		if len(k) < len(f.at) || k != strings.ToLower(k) || hasNonASCII(k) {
			panic("knowledge: a fold mark must be lower-case ASCII of four bytes or more: " + k)
		}
		for c := 0; c < 256; c++ {
			for at := range f.at {
				if lowerASCII(byte(c)) == k[at] {
					f.at[at][c] |= 1 << i
				}
			}
		}
	}
	return f
}

// count is how many of the marks text holds in any ASCII case: what
// strings.Contains finds in strings.ToLower(text) when no non-ASCII rune
// of text lower-cases to ASCII ("İ", the Kelvin sign).
func (f *foldMarks) count(text string) int {
	var found uint32
	for p := 0; p+3 < len(text); p++ {
		cand := f.at[0][text[p]] & f.at[1][text[p+1]]
		if cand == 0 {
			continue
		}
		cand &= f.at[2][text[p+2]] & f.at[3][text[p+3]] &^ found
		for cand != 0 {
			i := bits.TrailingZeros32(cand)
			cand &^= 1 << i
			if k := f.marks[i]; len(text)-p >= len(k) && equalFoldLower(text[p:p+len(k)], k) {
				found |= 1 << i
			}
		}
	}
	return bits.OnesCount32(found)
}

// relativeStarts are how each branch of reRelative begins, up to its
// weekday or its end, by first letter.
var relativeStarts = func() (m [256][]string) {
	m['t'] = []string{"today", "this morning", "this afternoon", "this evening", "tonight", "this day", "the previous day",
		"the day before", "tomorrow"}
	m['e'] = []string{"earlier today"}
	m['y'] = []string{"yesterday"}
	m['l'] = []string{"last night", "last evening"}
	for w := range weekdays {
		m['o'] = append(m['o'], "on "+w)
		m['l'] = append(m['l'], "last "+w)
	}
	return m
}()

// findRelative is reRelative.FindStringSubmatch(s). A match starts at a
// word boundary where one of relativeStarts begins in any case, so the
// regexp runs only from the first such place; what it reads before a
// match is only whether a word character stands there (\b), which is so
// there too. Text with "ſ" or the Kelvin sign, which (?i) folds to ASCII
// letters, is left to the regexp whole.
func findRelative(s string) []string {
	if strings.Contains(s, "ſ") || strings.Contains(s, "\u212A") {
		return reRelative.FindStringSubmatch(s)
	}
	for p := 0; p < len(s); p++ {
		if p > 0 && isWordByte(s[p-1]) {
			continue
		}
		for _, w := range relativeStarts[lowerASCII(s[p])] {
			if hasPrefixFoldASCII(s[p:], w) {
				return reRelative.FindStringSubmatch(s[p:])
			}
		}
	}
	return nil
}

// hasClockDigits says whether s has a digit, ":" or "." and two digits:
// reClockZone cannot match without.
func hasClockDigits(s string) bool {
	for i := 0; i+3 < len(s); i++ {
		if isDigit(s[i]) && (s[i+1] == ':' || s[i+1] == '.') && isDigit(s[i+2]) && isDigit(s[i+3]) {
			return true
		}
	}
	return false
}

// mayHaveAtHour says whether s has "at" in any case, spaces (\s+) and a
// digit: reClockWords cannot match without. Neither letter folds to
// anything but its ASCII capital.
func mayHaveAtHour(s string) bool {
	for i := 0; i+3 < len(s); i++ {
		if lowerASCII(s[i]) != 'a' || lowerASCII(s[i+1]) != 't' || !isRegexSpace(s[i+2]) {
			continue
		}
		j := skipRegexSpace(s, i+2)
		if j < len(s) && isDigit(s[j]) {
			return true
		}
	}
	return false
}

// inAtMatches yields reInAt.FindAllStringSubmatchIndex(s, -1) one match at
// a time, running the regexp only from where a match can start: the text's
// start before "in" or "at", or a character the pattern's class allows
// ([^\p{L}\p{M}\d'’-]) before them. Runes are read forward from where each
// search starts, as the regexp reads them; a search from such a character
// finds what the regexp finds there, as "^" cannot match on it.
func inAtMatches(s string) iter.Seq[[]int] {
	return func(yield func([]int) bool) {
		for pos := 0; pos < len(s); {
			c := nextInAtStart(s, pos)
			if c < 0 {
				return
			}
			loc := reInAt.FindStringSubmatchIndex(s[c:])
			if loc == nil {
				return
			}
			for i := range loc {
				if loc[i] >= 0 {
					loc[i] += c
				}
			}
			if !yield(loc) {
				return
			}
			pos = loc[1]
		}
	}
}

// nextInAtStart is the first place from pos, a rune boundary, where reInAt
// can match, or -1.
func nextInAtStart(s string, pos int) int {
	if pos == 0 && (strings.HasPrefix(s, "in") || strings.HasPrefix(s, "at")) {
		return 0
	}
	for c := pos; c < len(s); {
		r, size := rune(s[c]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[c:])
		}
		if rest := s[c+size:]; (strings.HasPrefix(rest, "in") || strings.HasPrefix(rest, "at")) && inAtDelimiter(r) {
			return c
		}
		c += size
	}
	return -1
}

// inAtDelimiter says whether r is in reInAt's class [^\p{L}\p{M}\d'’-].
func inAtDelimiter(r rune) bool {
	if r < utf8.RuneSelf {
		return !isASCIIAlnum(byte(r)) && r != '\'' && r != '-'
	}
	return !unicode.IsLetter(r) && !unicode.Is(unicode.M, r) && r != '’'
}

// openingLeads are how the branches of reOpeningClause after its optional
// "On ...," begin.
var openingLeads = []string{"following", "after", "in the wake of", "amid", "ahead of", "in light of", "in view of",
	"in response to", "on the occasion of"}

// mayOpenClause is false only when reOpeningClause cannot match s: one of
// openingLeads opens s, or follows the first comma (and spaces) of an
// opening "On", "In", "At" or "Earlier" and a space.
func mayOpenClause(s string) bool {
	if hasOpeningLead(s) {
		return true
	}
	for _, w := range []string{"On", "In", "At", "Earlier"} {
		if len(s) > len(w) && strings.HasPrefix(s, w) && isRegexSpace(s[len(w)]) {
			c := strings.IndexByte(s[len(w)+1:], ',')
			return c >= 0 && hasOpeningLead(s[skipRegexSpace(s, len(w)+1+c+1):])
		}
	}
	return false
}

// hasOpeningLead says whether s starts with one of openingLeads.
func hasOpeningLead(s string) bool {
	for _, l := range openingLeads {
		if strings.HasPrefix(s, l) {
			return true
		}
	}
	return false
}

// literalGate holds the literal words of a regexp's alternatives, by first
// byte: may is false only when s holds none of them, so the regexp, which
// needs one, cannot match. Only for case-sensitive patterns.
type literalGate [256][]string

func newLiteralGate(words ...string) *literalGate {
	g := new(literalGate)
	for _, w := range words {
		g[w[0]] = append(g[w[0]], w)
	}
	return g
}

func (g *literalGate) may(s string) bool {
	for p := 0; p < len(s); p++ {
		for _, w := range g[s[p]] {
			if strings.HasPrefix(s[p:], w) {
				return true
			}
		}
	}
	return false
}

// venueWords are the words reVenueOnly and reVenueLower need one of.
var venueWords = newLiteralGate("headquarters", "office", "residence", "premises", "compound", "secretariat", "building",
	"Department", "Ministry", "Palace", "Villa", "Castle", "Guesthouse", "Guest House", "Embassy", "Consulate",
	"Chancellery", "Street", "Square", "Avenue", "Headquarters", "HQ", "Secretariat", "Building", "Hall", "Centre",
	"Center", "Residence", "Office")

// mayHaveVenueLabel is false only when reVenueLabel cannot match s: none
// of "Venue", "Place" or "Location" is followed by tabs or spaces and a
// colon.
func mayHaveVenueLabel(s string) bool {
	for _, w := range []string{"Venue", "Place", "Location"} {
		for from := 0; ; {
			i := strings.Index(s[from:], w)
			if i < 0 {
				break
			}
			j := from + i + len(w)
			for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
				j++
			}
			if j < len(s) && s[j] == ':' {
				return true
			}
			from += i + 1
		}
	}
	return false
}

// pluralOfficeWords are the literal endings of rePluralOffice's offices:
// every match holds one, at most ten bytes after the match starts
// ("Defence M" + "inisters of ").
var pluralOfficeWords = []string{"inisters of ", "residents of ", "peakers of ", "overnors of "}

// findPluralOfficeWord is where the first of pluralOfficeWords starts in
// s, or -1.
func findPluralOfficeWord(s string) int {
	first := -1
	for _, w := range pluralOfficeWords {
		if i := strings.Index(s, w); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}

// findPluralOffice is rePluralOffice.FindStringSubmatchIndex(s), run only
// from shortly before the first of pluralOfficeWords, at a place where
// \b reads as it does in s (the text's start, or after a byte that is
// no word character and ends a rune).
func findPluralOffice(s string) []int {
	first := findPluralOfficeWord(s)
	if first < 0 {
		return nil
	}
	q := max(0, first-10)
	for q > 0 && (isWordByte(s[q-1]) || !utf8.RuneStart(s[q])) {
		q--
	}
	loc := rePluralOffice.FindStringSubmatchIndex(s[q:])
	for i := range loc {
		if loc[i] >= 0 {
			loc[i] += q
		}
	}
	return loc
}

// countFoldASCII is strings.Count(strings.ToLower(s), sub) for sub lower-case
// ASCII, where no rune of s lower-cases to ASCII but an ASCII letter: the
// matches, left to right and not overlapping, in any ASCII case.
func countFoldASCII(s, sub string) int {
	n := 0
	for i := 0; i+len(sub) <= len(s); {
		if hasPrefixFoldASCII(s[i:], sub) {
			n++
			i += len(sub)
			continue
		}
		i++
	}
	return n
}
