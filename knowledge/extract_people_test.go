package knowledge

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Fast paths in newDoc and Extract checked against what they replace.

func looksLikeNewsRef(text string) bool {
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

// newsTexts mix news marks, in any case and split by other runes, into
// the fixture texts.
func newsTexts(tb testing.TB) []string {
	tb.Helper()
	out := corpusTexts(tb)
	for i, k := range newsMarks {
		j := (i + 5) % len(newsMarks)
		out = append(out,
			k+" "+newsMarks[j],
			strings.ToUpper(k)+" \"x\" \"y\" "+newsMarks[j],
			"“"+k+"” and “"+newsMarks[(i+9)%len(newsMarks)]+"”",
			strings.Replace(k, "k", "\u212A", 1)+" "+newsMarks[j]+" "+newsMarks[(i+1)%len(newsMarks)],
			strings.Replace(k, "i", "\u0130", 1)+" "+newsMarks[j]+" "+newsMarks[(i+2)%len(newsMarks)],
			k[:len(k)-1]+"\xff"+k[len(k)-1:]+" "+newsMarks[j],
		)
	}
	return out
}

func TestLooksLikeNewsMatchesReference(t *testing.T) {
	for _, s := range newsTexts(t) {
		if got, want := looksLikeNews(s), looksLikeNewsRef(s); got != want {
			t.Fatalf("looksLikeNews(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzLooksLikeNews(f *testing.F) {
	f.Add("TOLD REPORTERS, according to (Reuters) “a” “b”")
	f.Add("Asked not to be named, \u212Aeep, sources said")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := looksLikeNews(s), looksLikeNewsRef(s); got != want {
			t.Fatalf("looksLikeNews(%q) = %v, want %v", s, got, want)
		}
	})
}

func TestNumberingPrecheck(t *testing.T) {
	lines := []string{"1. First", "(a) item", "iv) four", "– dash", "• bullet", "· dot", "* star", "- hyphen", " \t12) x", "x. y", "Other line"}
	for _, s := range corpusTexts(t) {
		lines = append(lines, strings.Split(s, "\n")...)
	}
	for _, line := range lines {
		if !mayStartNumbering(line) && (reNumbering.MatchString(line) || reDash.MatchString(line)) {
			t.Fatalf("mayStartNumbering(%q) = false, but a numbering pattern matches", line)
		}
		for _, limit := range []int{5, 25} {
			if got, want := fieldCount(line, limit), min(limit, len(strings.Fields(line))); got != want {
				t.Fatalf("fieldCount(%q, %d) = %d, want %d", line, limit, got, want)
			}
		}
	}
}

func FuzzNumberingPrecheck(f *testing.F) {
	f.Add("  – 3) item")
	f.Add("\u00a0two\u2003words\xff")
	f.Fuzz(func(t *testing.T, line string) {
		if !mayStartNumbering(line) && (reNumbering.MatchString(line) || reDash.MatchString(line)) {
			t.Fatalf("mayStartNumbering(%q) = false, but a numbering pattern matches", line)
		}
		if got, want := fieldCount(line, 25), min(25, len(strings.Fields(line))); got != want {
			t.Fatalf("fieldCount(%q) = %d, want %d", line, got, want)
		}
	})
}

func topicTailRef(t string) int {
	if loc := reTopicTail.FindStringIndex(t); loc != nil {
		return loc[0]
	}
	return -1
}

func TestTopicTailStartMatchesRegexp(t *testing.T) {
	texts := []string{"met to discuss", "about  Élysée", "about\tthe", "about", ", \nduring which", ",whose", "who is", "on the issues.",
		"on issues", "on the", "ahead of_", "prior to", "xregarding", "é regarding", "including"}
	for _, s := range corpusTexts(t) {
		for _, line := range strings.Split(s, "\n") {
			texts = append(texts, line)
			for _, k := range topicTailMarkers {
				if i := strings.Index(line, k); i >= 0 {
					texts = append(texts, line[max(0, i-2):], line[i:], line[i+1:])
				}
			}
		}
	}
	for _, s := range texts {
		if got, want := topicTailStart(s), topicTailRef(s); got != want {
			t.Fatalf("topicTailStart(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzTopicTailStart(f *testing.F) {
	f.Add("They met, who is to discuss about Ukraine")
	f.Add("on the latest ahead of, during which")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := topicTailStart(s), topicTailRef(s); got != want {
			t.Fatalf("topicTailStart(%q) = %d, want %d", s, got, want)
		}
	})
}

func knownLeaderRef(name string) string {
	toks := givenNames(nameTokens(name))
	if len(toks) == 0 {
		return ""
	}
	have := map[string]bool{}
	for _, t := range toks {
		have[t] = true
	}
	for key, aff := range knownLeaders {
		ok := true
		for _, w := range strings.Fields(key) {
			ok = ok && have[w]
		}
		if ok {
			return aff
		}
	}
	return ""
}

func TestKnownLeaderMatchesReference(t *testing.T) {
	// The old lookup took the first match in map order: it was only
	// deterministic because no listed name holds another's words.
	for a, affA := range knownLeaders {
		if strings.TrimSpace(a) == "" {
			t.Fatal("knownLeaders has an empty name")
		}
		for b, affB := range knownLeaders {
			if a != b && affA != affB && containsAll(strings.Fields(b), strings.Fields(a)) {
				t.Errorf("known leader %q holds the words of %q, who serves elsewhere", b, a)
			}
		}
	}
	names := namePhrases(t)
	for k := range knownLeaders {
		names = append(names, k, strings.ToUpper(k), "Mr. "+k+" Jr.")
	}
	for _, n := range names {
		if got, want := knownLeader(n), knownLeaderRef(n); got != want {
			t.Fatalf("knownLeader(%q) = %q, want %q", n, got, want)
		}
	}
}

func sameOfficeRef(a, b string) bool {
	for _, t := range [2]*string{&a, &b} {
		if i := strings.Index(*t, " and "); i > 0 {
			x, y := (*t)[:i], (*t)[i+5:]
			if t == &a {
				return sameOfficeRef(x, b) || sameOfficeRef(y, b)
			}
			return sameOfficeRef(a, x) || sameOfficeRef(a, y)
		}
	}
	wa, wb := newOfficeWords(a), newOfficeWords(b)
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

func TestSameOfficeMatchesReference(t *testing.T) {
	titles := []string{"Prime Minister", "PM", "Foreign Minister", "Minister of Foreign Affairs", "FM", "Secretary-General",
		"Secretary General", "SG", "President", "President of the European Council", "Deputy Prime Minister and Minister of Foreign Affairs",
		"Minister", "Deputy Secretary", "Secretary", "EAM", "External Affairs Minister", "Vice-President", "Chief of Staff", ""}
	for _, s := range corpusTexts(t) {
		for _, m := range findMentions(s) {
			if m.title != "" {
				titles = append(titles, m.title)
			}
		}
	}
	for i, a := range titles {
		for _, b := range []string{titles[(i+1)%len(titles)], titles[(i*7+3)%len(titles)], titles[i%19], strings.ToUpper(a)} {
			if got, want := sameOffice(a, b), sameOfficeRef(a, b); got != want {
				t.Fatalf("sameOffice(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
		if diff := cmp.Diff(newOfficeWords(a), officeWords(a)); diff != "" {
			t.Fatalf("officeWords(%q) differs:\n%s", a, diff)
		}
	}
}
