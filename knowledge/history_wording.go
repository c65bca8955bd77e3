package knowledge

import (
	"regexp"
	"strings"
)

// MarkNewWording sets each entry's New to the wording that speaker uses
// there for the first time in entries (oldest first): runs of two or three
// content words that stay within one clause ("serious concern", "one
// China"), and single distinctive words ("denuclearization") that are not
// part of such a run. Phrases never cross a comma or a full stop, so
// "Regarding North Korea, Prime Minister" yields no "korea prime".
func MarkNewWording(entries []Entry) []Entry {
	seen := map[string]map[string]bool{} // speaker -> wording seen
	out := make([]Entry, len(entries))
	for i, e := range entries {
		s := seen[e.Speaker]
		if s == nil {
			s = map[string]bool{}
			seen[e.Speaker] = s
		}
		name := map[string]bool{}
		for _, w := range ixWords(e.Speaker) {
			name[w] = true
		}
		e.New = nil
		phrases, words := wording(e.Text, name)
		for _, w := range phrases {
			if !s[w] {
				e.New = append(e.New, w)
			}
		}
		for _, w := range append(phrases, words...) {
			s[w] = true
		}
		out[i] = e
	}
	return out
}

// reClauseBreak splits text where a phrase must not run on.
var reClauseBreak = regexp.MustCompile(`[,;:.!?()\[\]"“”—–]|\s-\s`)

// plainWords are frequent in readouts and say nothing about a position.
var plainWords = ixWordSet(`including regarding concerning following between importance president minister ministers
government governments together meeting meetings countries country continue continued support relations cooperation
bilateral leaders stressed expressed explained emphasised emphasized underscored reaffirmed confirmed welcomed noted
stated said agreed discussed further region regional international partners partner whether another
position positions republic kingdom federation remain remains asked called spoke`)

// wording lists the phrases and distinctive words of text, leaving out
// the speaker's own name, and every content word used (so a word said
// inside a phrase is not new when it later stands alone).
func wording(text string, name map[string]bool) (out, words []string) {
	for _, clause := range reClauseBreak.Split(text, -1) {
		var run []string
		flush := func() {
			for n := 2; n <= 3; n++ {
				for i := 0; i+n <= len(run); i++ {
					out = append(out, strings.Join(run[i:i+n], " "))
				}
			}
			if len(run) == 1 && distinctive(run[0]) {
				out = append(out, run[0])
			}
			run = nil
		}
		for _, w := range ixWords(clause) {
			if ixStopWords[w] || name[w] || titleWord(w) || plainWords[w] {
				flush()
				continue
			}
			run = append(run, w)
			words = append(words, w)
		}
		flush()
	}
	return ixUnique(out), words
}

// distinctive says whether a word alone is worth marking as new wording.
func distinctive(w string) bool {
	return len([]rune(w)) >= 7 && !plainWords[w] && !strings.HasSuffix(w, "ed")
}

// titleWord is a word of an office ("prime", "minister"): it names the
// speaker, not what was said.
func titleWord(w string) bool {
	switch w {
	case "prime", "minister", "president", "secretary", "chancellor", "premier", "foreign", "mr", "ms", "mrs", "dr":
		return true
	}
	return false
}
