package knowledge

import (
	"regexp"
	"strings"
)

// maxNewWording bounds the phrases marked on one entry: a timeline shows
// the few words that changed, not every pair of words.
const maxNewWording = 3

// MarkNewWording sets each entry's New to the salient wording that speaker
// uses there for the first time in entries (oldest first): runs of two or
// three content words that stay within one clause and end on a content
// word ("serious concern", "one China", "complete denuclearization"), and
// single long words rare in the speaker's entries ("denuclearization") that
// are not part of such a run. Names, places and the entry's own topic words
// are not wording, and phrases never cross a comma or a full stop, so
// "Regarding North Korea, Prime Minister" yields no "korea prime". At most
// maxNewWording per entry, two- and three-word phrases first.
func MarkNewWording(entries []Entry) []Entry {
	seen := map[string]map[string]bool{} // speaker -> wording seen
	common := commonWords(entries)
	out := make([]Entry, len(entries))
	for i, e := range entries {
		s := seen[e.Speaker]
		if s == nil {
			s = map[string]bool{}
			seen[e.Speaker] = s
		}
		skip := map[string]bool{}
		for _, w := range ixWords(e.Speaker + " " + e.Topic) {
			skip[w] = true
		}
		e.New = nil
		phrases, words := wording(e.Text, skip)
		var fresh []string
		for _, w := range phrases {
			if !s[w] && salient(w, skip, common[e.Speaker]) {
				fresh = append(fresh, w)
			}
		}
		e.New = pickWording(fresh)
		for _, w := range append(phrases, words...) {
			s[w] = true
		}
		out[i] = e
	}
	return out
}

// commonWords are, per speaker with four entries or more, the words used in
// more than half of that speaker's entries: not distinctive on their own.
func commonWords(entries []Entry) map[string]map[string]bool {
	n := map[string]int{}
	df := map[string]map[string]int{}
	for _, e := range entries {
		n[e.Speaker]++
		if df[e.Speaker] == nil {
			df[e.Speaker] = map[string]int{}
		}
		for _, w := range ixUnique(ixWords(e.Text)) {
			df[e.Speaker][w]++
		}
	}
	out := map[string]map[string]bool{}
	for sp, c := range df {
		out[sp] = map[string]bool{}
		if n[sp] < 4 {
			continue
		}
		for w, k := range c {
			if 2*k > n[sp] {
				out[sp][w] = true
			}
		}
	}
	return out
}

// pickWording keeps up to maxNewWording phrases: two-word ones first, then
// three-word ones that do not repeat a kept phrase, then single words.
func pickWording(fresh []string) []string {
	var out []string
	for _, size := range []int{2, 3, 1} {
		for _, w := range fresh {
			if len(out) >= maxNewWording {
				return out
			}
			if len(strings.Fields(w)) != size {
				continue
			}
			dup := false
			for _, o := range out {
				if strings.Contains(w, o) || strings.Contains(o, w) {
					dup = true
					break
				}
			}
			if !dup {
				out = append(out, w)
			}
		}
	}
	return out
}

// salient says whether a phrase is wording worth showing: not only names,
// places or topic words ("united states", "north korea"), ending on a
// content word, and a single word only when long and not common for the
// speaker.
func salient(p string, skip, common map[string]bool) bool {
	f := strings.Fields(p)
	if _, ok := lookupPlace(p); ok {
		return false
	}
	own := 0
	for _, w := range f {
		if skip[w] || isPlaceWord(w) {
			own++
		}
	}
	if own == len(f) {
		return false
	}
	last := f[len(f)-1]
	if weakWords[last] || strings.HasSuffix(last, "ly") || strings.HasSuffix(last, "ed") && len(f) > 1 {
		return false
	}
	if len(f) == 1 {
		return distinctive(p) && !common[p]
	}
	return true
}

// isPlaceWord says whether a folded word names a country or city alone.
func isPlaceWord(w string) bool {
	if len(w) < 3 {
		return false
	}
	_, ok := lookupPlace(strings.ToUpper(w[:1]) + w[1:])
	return ok
}

// reClauseBreak splits text where a phrase must not run on.
var reClauseBreak = regexp.MustCompile(`[,;:.!?()\[\]"“”—–]|\s-\s`)

// plainWords are frequent in readouts and say nothing about a position.
var plainWords = ixWordSet(`including regarding concerning following between importance president minister ministers
government governments together meeting meetings countries country continue continued support relations cooperation
bilateral leaders stressed expressed explained emphasised emphasized underscored reaffirmed confirmed welcomed noted
stated said agreed discussed further region regional international partners partner whether another
position positions republic kingdom federation remain remains asked called spoke exchanged views talks
telephone phone call conversation side sides two both`)

// clauseVerbs are verbs that end a phrase's run: the wording is what
// follows them ("keeps", "voiced").
var clauseVerbs = ixWordSet(`keeps keep says say voiced voices urged urges seeks seek believes believe considers
consider remains remain stated spoke told asked added hopes wants plans intends expects welcomes supports opposes
condemns reiterates reiterated reaffirms stresses underlines notes explains raised raises conveyed conveys
highlighted highlights shared shares updated briefed thanked thanks invited invites requested requests`)

// weakWords make poor phrase ends or starts: adjectives and verbs that
// need what follows them ("serious", "abandon").
var weakWords = ixWordSet(`serious strong strongly deep deeply full fully close closely new great greater
important such same various own also very more most many much abandon make made take took give gave keep
need needs want wants hope hopes will would could should shall may might must can`)

// wording lists the phrases and distinctive words of text, leaving out
// the words in skip (the speaker's name, the topic), and every content
// word used (so a word said inside a phrase is not new when it later
// stands alone).
func wording(text string, skip map[string]bool) (out, words []string) {
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
			if ixStopWords[w] && w != "one" || titleWord(w) || plainWords[w] || clauseVerbs[w] {
				flush()
				continue
			}
			if skip[w] && len(run) == 0 {
				words = append(words, w)
				continue // a name or topic word does not start a phrase
			}
			run = append(run, w)
			words = append(words, w)
		}
		flush()
	}
	return ixUnique(out), words
}

// distinctive says whether a word alone is worth marking as new wording:
// long ("denuclearization"), not a plain readout word, not a past tense.
func distinctive(w string) bool {
	return len([]rune(w)) > 7 && !plainWords[w] && !weakWords[w] && !strings.HasSuffix(w, "ed") &&
		!strings.HasSuffix(w, "ly") && !isPlaceWord(w)
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
