package knowledge

import (
	"strings"
	"unicode/utf8"
)

// A readout may be one long sentence ("…, while B sought …, after which the
// two leaders agreed to …"): an answer quotes the stretch of it that holds
// most of what the question asks, cut at clause boundaries, not its start.

// excerpt shortens a long sentence to at most about n characters: the
// stretch that holds the most (and rarest) of the question's words, widened
// to whole clauses while they fit.
func (sc *scorer) excerpt(s string, n int) string {
	words := strings.Fields(s)
	hits := sc.wordHits(words)
	upTo := make([]int, len(words)+1) // runes of the words before each
	for i, w := range words {
		upTo[i+1] = upTo[i] + utf8.RuneCountInString(w)
	}
	// length is the runes of words[lo:hi] joined by spaces.
	length := func(lo, hi int) int {
		if hi <= lo {
			return 0
		}
		return upTo[hi] - upTo[lo] + hi - lo - 1
	}
	lo, hi, ok := bestStretch(hits, length, n)
	if !ok {
		return ixTruncate(s, n)
	}
	fits := func(a, b int) bool { return length(a, b) <= n }
	// The clauses around the stretch, whole, while they fit: the clause's
	// own start and end first, then neighbouring clauses, before and after
	// in turn.
	if a := clauseFirst(words, lo); fits(a, hi) {
		lo = a
	}
	if b := clauseLast(words, hi); fits(lo, b) {
		hi = b
	}
	for {
		grew := false
		if lo > 0 {
			if a := clauseFirst(words, lo-1); fits(a, hi) {
				lo, grew = a, true
			}
		}
		if hi < len(words) {
			if b := clauseLast(words, hi+1); fits(lo, b) {
				hi, grew = b, true
			}
		}
		if !grew {
			break
		}
	}
	// A clause too long to quote whole: as much of it as fits, the words
	// after the match first (what was proposed follows "proposed").
	if hi < len(words) && !startsClause(words, hi) {
		for hi < len(words) && fits(lo, hi+1) {
			hi++
		}
	}
	if lo > 0 && !startsClause(words, lo) {
		for lo > 0 && fits(lo-1, hi) {
			lo--
		}
	}
	out := strings.Join(words[lo:hi], " ")
	if lo > 0 {
		out = "…" + out
	}
	if hi < len(words) {
		out = strings.TrimRight(out, ",;:–—") + "…"
	}
	return out
}

// wordHit is what one word of a sentence matches of the question: a topic
// word (by its stem) or a word of an asked-about person's name.
type wordHit struct {
	key    string
	weight float64
}

// wordHits says, for each word, which of the question's words it matches
// and how much that counts, as scoreSentence weighs them.
func (sc *scorer) wordHits(words []string) []wordHit {
	out := make([]wordHit, len(words))
	nameWeight := 0.3 * sc.maxWeight()
	if nameWeight == 0 {
		nameWeight = 1
	}
	for i, w := range words {
		set := map[string]bool{}
		for _, st := range ixStemsOf(w) {
			set[st] = true
		}
		if len(set) == 0 {
			continue
		}
		for st, t := range sc.terms {
			if t.place && !sc.pq.askWhere {
				continue
			}
			m := t.matches(set)
			if m == 0 {
				continue
			}
			wt := m * t.weight
			if sc.isSide(t) {
				wt *= 0.3
			}
			if wt > out[i].weight {
				out[i] = wordHit{key: st, weight: wt}
			}
		}
		if out[i].key != "" {
			continue
		}
		for _, f := range ixWords(w) {
			for _, nm := range sc.nameStems {
				if f == nm {
					out[i] = wordHit{key: "name " + nm, weight: nameWeight}
				}
			}
		}
	}
	return out
}

// bestStretch finds the words [lo, hi) from the first to the last matching
// word of the window of at most n characters (length measures one) whose
// distinct matches weigh most; among equals, the tightest, then the
// earliest. ok is false when no word matches.
func bestStretch(hits []wordHit, length func(lo, hi int) int, n int) (lo, hi int, ok bool) {
	best, bestSpan := 0.0, 0
	for a := range hits {
		if hits[a].key == "" {
			continue
		}
		seen := map[string]bool{}
		score, last := 0.0, a
		for b := a; b < len(hits) && length(a, b+1) <= n; b++ {
			h := hits[b]
			if h.key == "" {
				continue
			}
			if !seen[h.key] {
				seen[h.key] = true
				score += h.weight
			}
			last = b
		}
		span := length(a, last+1)
		if !ok || score > best+1e-9 || score > best-1e-9 && span < bestSpan {
			lo, hi, best, bestSpan, ok = a, last+1, score, span, true
		}
	}
	return lo, hi, ok
}

// clauseWords open a clause inside a sentence.
var clauseWords = ixWordSet(`while whereas after which although adding noting`)

// startsClause reports whether words[i] starts a clause: the sentence's
// first word, a word after a comma, semicolon, colon or dash, a dash, or a
// word such as "while".
func startsClause(words []string, i int) bool {
	if i <= 0 {
		return true
	}
	if strings.ContainsAny(words[i-1][len(words[i-1])-1:], ",;:") || strings.HasSuffix(words[i-1], "—") || strings.HasSuffix(words[i-1], "–") {
		return true
	}
	return words[i] == "—" || words[i] == "–" || clauseWords[strings.ToLower(words[i])] && !startsClause(words, i-1)
}

// clauseFirst is the first word of the clause holding words[i].
func clauseFirst(words []string, i int) int {
	for i > 0 && !startsClause(words, i) {
		i--
	}
	return i
}

// clauseLast is the end (exclusive) of the clause holding words[i-1].
func clauseLast(words []string, i int) int {
	i = min(max(i, 1), len(words))
	for i < len(words) && !startsClause(words, i) {
		i++
	}
	return i
}
