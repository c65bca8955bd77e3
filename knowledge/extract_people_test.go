package knowledge

import (
	"strings"
	"testing"
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
