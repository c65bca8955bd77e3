package knowledge

import (
	"context"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// A person asked about may be written otherwise than the readout writes
// them: "Joe Biden" for "Biden" or "Joseph R. Biden Jr.". Two names agree
// when, given names written in full (the nickname table of link.go), the
// significant words of one are all among the other's.

// nicknameForms maps a folded given name to every spelling that names the
// same given name ("joe" -> joe, joseph; "joseph" -> joseph, joe).
var nicknameForms = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	for short, full := range nicknames {
		if len(out[full]) == 0 {
			out[full] = []string{full}
		}
		out[full] = append(out[full], short)
	}
	for _, forms := range out {
		slices.Sort(forms[1:])
	}
	for short, full := range nicknames {
		out[short] = out[full]
	}
	return out
})

// nameForms are the spellings of one folded name word: itself and, for a
// given name, its full form and nicknames. Function words ("will", "don")
// are only themselves.
func nameForms(w string) []string {
	if ixStopWords[w] {
		return []string{w}
	}
	if forms, ok := nicknameForms()[w]; ok {
		return forms
	}
	return []string{w}
}

// canonName writes a name word's given-name form in full.
func canonName(w string) string {
	if ixStopWords[w] {
		return w
	}
	if full, ok := nicknames[w]; ok {
		return full
	}
	return w
}

// significantNameWords are the folded words of a name that identify its
// bearer: no initials, particles or generational suffixes (nameSuffixes).
func significantNameWords(words []string) []string {
	var out []string
	for _, w := range words {
		if len(w) <= 1 || nameSuffixes[w] || qNameParticles[w] {
			continue
		}
		out = append(out, canonName(w))
	}
	return out
}

// nameWithin reports whether every significant word of name is among
// asked (both folded), given names compared in full.
func nameWithin(name, asked []string) bool {
	sig := significantNameWords(name)
	if len(sig) == 0 {
		return false
	}
	canon := make([]string, len(asked))
	for i, w := range asked {
		canon[i] = canonName(w)
	}
	for _, w := range sig {
		if !slices.Contains(canon, w) {
			return false
		}
	}
	return true
}

// namesAgree reports whether two folded names may name one person: the
// significant words of one are all in the other.
func namesAgree(a, b []string) bool {
	return nameWithin(a, b) || nameWithin(b, a)
}

// personAlternatives are the word sets that, each as a whole, find the
// person asked about as words: the asked words themselves (in any of
// their nickname forms) and every indexed name whose significant words
// are all among them. The second list is bounded by the names sharing a
// word with the question.
func (t *termLists) personAlternatives(words []string) [][]string {
	t.mu.Lock()
	defer t.mu.Unlock()
	var out [][]string
	seen := map[int]bool{}
	for _, w := range words {
		for _, f := range nameForms(w) {
			for n, i := range t.nameWords[f] {
				if n >= maxNameScan || len(out) >= 16 {
					break
				}
				if seen[i] {
					continue
				}
				seen[i] = true
				folded := strings.Fields(t.names.folded[i])
				if nameWithin(folded, words) && !ixHasAll(folded, words) {
					out = append(out, significantRaw(folded))
				}
			}
		}
	}
	return out
}

// maxNameScan bounds the names looked at per word of an asked name, so a
// common family name costs no more than this on a large index.
const maxNameScan = 2000

// significantRaw keeps the identifying words of a stored name as stored.
func significantRaw(words []string) []string {
	var out []string
	for _, w := range words {
		if len(w) > 1 && !nameSuffixes[w] && !qNameParticles[w] {
			out = append(out, w)
		}
	}
	return out
}

// personQueryFor matches meetings with a participant named by words in any
// form: every asked word (or a nickname form of it) among the name's
// words or the title's, or an indexed name made only of asked words.
func (ix *Index) personQueryFor(words []string) query.Query {
	alts := []query.Query{nameFormsQuery(fPersonTok, words), nameFormsQuery(fTitleWord, words)}
	if ix.terms != nil {
		for _, alt := range ix.terms.personAlternatives(words) {
			alts = append(alts, wordsQuery(fPersonTok, strings.Join(alt, " ")))
		}
	}
	return bleve.NewDisjunctionQuery(alts...)
}

// nameFormsQuery requires each word, in one of its nickname forms, in
// field.
func nameFormsQuery(field string, words []string) query.Query {
	var must []query.Query
	for _, w := range ixUnique(slices.Clone(words)) {
		var forms []query.Query
		for _, f := range nameForms(w) {
			tq := bleve.NewTermQuery(f)
			tq.SetField(field)
			forms = append(forms, tq)
		}
		if len(forms) == 1 {
			must = append(must, forms[0])
		} else {
			must = append(must, bleve.NewDisjunctionQuery(forms...))
		}
	}
	if len(must) == 1 {
		return must[0]
	}
	return bleve.NewConjunctionQuery(must...)
}

// respellNames rewrites, in a question, each word that no readout uses
// but that is one or two letters off exactly one indexed name word
// ("wehrhan" for "Wehrhahn", "hovsepian" for "Hovsepyan"): people type
// names from memory. Words a readout does use are left alone, so a topic
// word is never taken for a name.
func (ix *Index) respellNames(ctx context.Context, q string) (string, error) {
	if ix.terms == nil {
		return q, nil
	}
	for _, t := range tokenizeQuestion(q) {
		w := t.word
		if utf8.RuneCountInString(w) < 5 || ixStopWords[w] || qQuestionWords[w] || qOfficeWords[w] || qOfficeModifiers[w] ||
			honorifics[w] || qDemonym(w) != "" || !allLetters(w) || ixFold(t.orig) != w || ix.terms.isNameWord(w) {
			continue
		}
		if _, ok := qMonthNames[w]; ok {
			continue
		}
		// Most words are in some readout: that look-up is cheaper than
		// the scan of every name word.
		if df, err := ix.docFreq(ctx, w); err != nil {
			return q, err
		} else if df > 0 {
			continue
		}
		if fix := ix.terms.closeNameWord(w); fix != "" {
			q = replaceWord(q, t.orig, fix)
		}
	}
	return q, nil
}

// closeNameWord is the one indexed name word within a letter (two for
// words of eight letters or more) of w, beginning with the same letter,
// or "" when there is none or more than one.
func (t *termLists) closeNameWord(w string) string {
	limit := 1
	if utf8.RuneCountInString(w) >= 8 {
		limit = 2
	}
	rw := []rune(w)
	t.mu.Lock()
	defer t.mu.Unlock()
	best, bestD, ties := "", limit+1, 0
	for n := range t.nameWords {
		rn := []rune(n)
		if len(rn) == 0 || rn[0] != rw[0] || absInt(len(rn)-len(rw)) > limit {
			continue
		}
		d := editDistance(rw, rn, limit)
		switch {
		case d < bestD:
			best, bestD, ties = n, d, 1
		case d == bestD:
			ties++
		}
	}
	if ties != 1 {
		return ""
	}
	return best
}

func absInt(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// allLetters reports whether w is letters only (no digits).
func allLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// editDistance counts the letters to add, drop, change or swap with the
// next to turn a into b, stopping early above limit (limit+1 is then
// returned).
func editDistance(a, b []rune, limit int) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			low = min(low, cur[j])
		}
		if low > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit+1)
}

// replaceWord replaces the first whole-word old in s by repl.
func replaceWord(s, old, repl string) string {
	for from := 0; ; {
		i := strings.Index(s[from:], old)
		if i < 0 {
			return s
		}
		i += from
		before, after := i == 0, i+len(old) == len(s)
		if !before {
			r, _ := utf8.DecodeLastRuneInString(s[:i])
			before = !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}
		if !after {
			r, _ := utf8.DecodeRuneInString(s[i+len(old):])
			after = !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}
		if before && after {
			return s[:i] + repl + s[i+len(old):]
		}
		from = i + len(old)
	}
}
