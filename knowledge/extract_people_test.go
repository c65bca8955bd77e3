package knowledge

import (
	"strings"
	"testing"
	"unicode"

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

// wordTexts are words and short phrases for the word-level fast paths:
// fixture n-grams, every listed word in three cases, and tricky strings.
func wordTexts(tb testing.TB) []string {
	tb.Helper()
	out := namePhrases(tb)
	for _, set := range []map[string]bool{honorifics, titleHeads, sentenceAbbrevs, dotAbbrevs, datelineStop, particles} {
		for w := range set {
			out = append(out, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:]+".", w+"'s", "x-"+w, w+"-"+w, w+",")
		}
	}
	for k := range placeWords {
		out = append(out, k, strings.ReplaceAll(k, " ", "-"), strings.ToUpper(k)+"-Japan")
	}
	out = append(out, "DATO'", "dato's", "a.m.", "p.m", "Ǆ", "ſr", "Jr.", "JR", "\u212Ao", "\xff", "I", "É", "Ltd.", "inc")
	return out
}

func TestWordFastPathsMatchReference(t *testing.T) {
	isPlacePairRef := func(w string) bool {
		if !strings.Contains(w, "-") {
			return false
		}
		for _, part := range strings.Split(w, "-") {
			if _, ok := placeWords[tokenKey(part)]; !ok {
				return false
			}
		}
		return true
	}
	endsWithAbbrevRef := func(line string) bool {
		w := strings.ToLower(strings.TrimSuffix(lastWord(line), "."))
		return w == "jr" || w == "sr" || w == "inc" || w == "ltd" || w == "co" || strings.Contains(w, ".")
	}
	isStaffTitleRef := func(t string) bool {
		l := strings.ToLower(t)
		return strings.Contains(l, "spokes") || strings.Contains(l, "press secretary") || strings.Contains(l, "press officer") ||
			strings.Contains(l, "secretary for press")
	}
	givenNameFirstRef := func(n string) string {
		f := strings.Fields(n)
		if len(f) != 2 || !allCaps(f[0]) || allCaps(f[1]) || strings.Contains(f[1], "-") {
			return n
		}
		fam := []rune(strings.ToLower(f[0]))
		fam[0] = unicode.ToUpper(fam[0])
		return f[1] + " " + string(fam)
	}
	words := wordTexts(t)
	for i, w := range words {
		if got, want := isPlacePair(w), isPlacePairRef(w); got != want {
			t.Fatalf("isPlacePair(%q) = %v, want %v", w, got, want)
		}
		if got, want := endsWithAbbrev(w), endsWithAbbrevRef(w); got != want {
			t.Fatalf("endsWithAbbrev(%q) = %v, want %v", w, got, want)
		}
		if got, want := isStaffTitle(w), isStaffTitleRef(w); got != want {
			t.Fatalf("isStaffTitle(%q) = %v, want %v", w, got, want)
		}
		if got, want := cleanName(w), cleanNameFields(w); got != want {
			t.Fatalf("cleanName(%q) = %q, want %q", w, got, want)
		}
		if got, want := givenNameFirst(w), givenNameFirstRef(w); got != want {
			t.Fatalf("givenNameFirst(%q) = %q, want %q", w, got, want)
		}
		if got, _ := lookupKey(honorifics, w); got != honorifics[tokenKey(w)] {
			t.Fatalf("lookupKey(honorifics, %q) = %v", w, got)
		}
		if _, got := lookupKey(placeWords, w); got != (placeWords[tokenKey(w)] != place{}) {
			t.Fatalf("lookupKey(placeWords, %q) = %v", w, got)
		}
		if got, _ := lookupLower(sentenceAbbrevs, w); got != sentenceAbbrevs[strings.ToLower(w)] {
			t.Fatalf("lookupLower(sentenceAbbrevs, %q) = %v", w, got)
		}
		title := words[(i+3)%len(words)]
		both, cut := lowerJoined(title, w)
		if want := strings.ToLower(title) + "\n" + strings.ToLower(w); both != want || both[:cut] != strings.ToLower(title) {
			t.Fatalf("lowerJoined(%q, %q) = %q, %d", title, w, both, cut)
		}
	}
}

func splitSentencesRef(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(p) && (p[j] == '"' || p[j] == ')' || p[j] == '\'') {
			j++
		}
		if strings.HasPrefix(p[j:], "”") || strings.HasPrefix(p[j:], "’") {
			j += len("”")
		}
		if j >= len(p) || p[j] != ' ' {
			continue
		}
		k := j
		for k < len(p) && p[k] == ' ' {
			k++
		}
		if k >= len(p) {
			continue
		}
		next := rune(p[k])
		if next >= 0x80 {
			for _, r := range p[k:] {
				next = r
				break
			}
		}
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && next != '"' && next != '“' && next != '(' {
			continue
		}
		if c == '.' {
			w := lastWord(p[start:i])
			if h := strings.LastIndexByte(w, '-'); h >= 0 {
				w = w[h+1:]
			}
			lw := strings.ToLower(w)
			if sentenceAbbrevs[lw] || len([]rune(w)) == 1 && unicode.IsUpper([]rune(w)[0]) || strings.Contains(w, ".") {
				continue
			}
			if (lw == "a.m" || lw == "p.m") && !unicode.IsUpper(next) {
				continue
			}
		}
		out = append(out, strings.TrimSpace(p[start:j]))
		start = k
		i = k - 1
	}
	if rest := strings.TrimSpace(p[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

func TestLineFastPathsMatchReference(t *testing.T) {
	trimPlaceRef := func(p string) string {
		p = strings.TrimSpace(p)
		words := strings.Fields(p)
		for i, w := range words {
			k := tokenKey(strings.Trim(w, ","))
			if i > 0 && ((titleHeads[k] || honorifics[k]) && !isPossessive(w) || w == "I") {
				p = strings.Join(words[:i], " ")
				break
			}
		}
		p = strings.TrimSuffix(p, ".")
		p = strings.TrimPrefix(p, "the ")
		return strings.TrimSpace(strings.TrimRight(p, ",;: "))
	}
	findMarginsRef := func(s string) []string {
		l := strings.ToLower(s)
		if !strings.Contains(l, "margin") && !strings.Contains(l, "sideline") && !strings.Contains(l, "occasion") {
			return nil
		}
		return reMargins.FindStringSubmatch(s)
	}
	lines := append(wordTexts(t), "Met U.S. Sec. Blinken at 10 a.m. Then left.", "on the MARGINS of the G20 Summit in Rome",
		"At 9 p.m. They met. “Yes.” (Later) 2 more. Mr. X. Y went.", "Tokyo, Japan", "WASHINGTON", "New York Minister")
	for _, s := range corpusTexts(t) {
		lines = append(lines, strings.Split(s, "\n")...)
	}
	for _, line := range lines {
		if diff := cmp.Diff(splitSentencesRef(line), splitSentences(line)); diff != "" {
			t.Fatalf("splitSentences(%q) differs (-ref +fast):\n%s", line, diff)
		}
		if got, want := trimPlace(line), trimPlaceRef(line); got != want {
			t.Fatalf("trimPlace(%q) = %q, want %q", line, got, want)
		}
		if diff := cmp.Diff(findMarginsRef(line), findMargins(line)); diff != "" {
			t.Fatalf("findMargins(%q) differs:\n%s", line, diff)
		}
		l := strings.TrimSpace(line)
		want := reDash.ReplaceAllString(reNumbering.ReplaceAllString(l, ""), "")
		got := l
		if mayStartNumbering(got) {
			if loc := reNumbering.FindStringIndex(got); loc != nil {
				got = got[loc[1]:]
			}
			if loc := reDash.FindStringIndex(got); loc != nil {
				got = got[loc[1]:]
			}
		}
		if got != want {
			t.Fatalf("numbering removed from %q: %q, want %q", l, got, want)
		}
	}
}

func TestDatePrechecksMatchPatterns(t *testing.T) {
	texts := append(wordTexts(t), "met yesterday afternoon", "on Friday 9 October", "TONIGHT", "This Morning", "at 10.30 a.m.",
		"5 PM", "12:45pm", "9 a m", "10:3 am", "123 am", "JAKARTA, 7 March", "U.S.-Japan", "O’Neil", "Yeſterday")
	for _, s := range corpusTexts(t) {
		texts = append(texts, strings.Split(s, "\n")...)
	}
	texts = append(texts, benchSentences(t)...)
	for _, s := range texts {
		checkDatePrechecks(t, s)
	}
}

func checkDatePrechecks(t *testing.T, s string) {
	t.Helper()
	if !mayBeRelative(s) && reRelative.MatchString(s) {
		t.Fatalf("mayBeRelative(%q) = false, but reRelative matches", s)
	}
	if !digitsBeforeAP(s) && reClock12.MatchString(s) {
		t.Fatalf("digitsBeforeAP(%q) = false, but reClock12 matches", s)
	}
	if diff := cmp.Diff(reLeadDateline.FindStringSubmatch(s), leadDateline(s)); diff != "" {
		t.Fatalf("leadDateline(%q) differs:\n%s", s, diff)
	}
}

func FuzzDatePrechecks(f *testing.F) {
	f.Add("Earlier today, at 9:30 a.m., on Monday")
	f.Add("MANILA – 10 p.m. last night")
	f.Fuzz(checkDatePrechecks)
}

func TestWherePrechecksMatchPatterns(t *testing.T) {
	texts := append(wordTexts(t), "met in Tokyo", "at the  Élysée", "at the White House", "in\tthe\n5th", "within Rome", "at  the",
		"paid a call on", "courtesy calls", "by telephone.", "phone-in", "telephonically", "xphone")
	for _, s := range corpusTexts(t) {
		for _, line := range strings.Split(s, "\n") {
			texts = append(texts, line, strings.ToLower(line))
		}
	}
	for _, s := range texts {
		checkWherePrechecks(t, s)
	}
}

func checkWherePrechecks(t *testing.T, s string) {
	t.Helper()
	if !mayHaveInAt(s) && reInAt.MatchString(s) {
		t.Fatalf("mayHaveInAt(%q) = false, but reInAt matches", s)
	}
	if got, want := hasAnyWord(s, phoneWords...), rePhone.MatchString(s); got != want {
		t.Fatalf("hasAnyWord(%q, phoneWords) = %v, want %v", s, got, want)
	}
	if got, want := hasAnyWord(s, courtesyWords...), reCourtesy.MatchString(s); got != want {
		t.Fatalf("hasAnyWord(%q, courtesyWords) = %v, want %v", s, got, want)
	}
}

func FuzzWherePrechecks(f *testing.F) {
	f.Add("the meeting at the 10 Downing Street, by phone")
	f.Add("_called on_ in 5")
	f.Fuzz(checkWherePrechecks)
}

// lastWordRef is what lastWord replaced.
func lastWordRef(s string) string {
	if len(s) > 24 {
		s = s[len(s)-24:]
	}
	return s[strings.LastIndexAny(s, " (\"“")+1:]
}

func TestLastWordMatchesReference(t *testing.T) {
	texts := append(wordTexts(t), "said “Yes", "(U.S", "x \xe2\x80\x9c", "\x80\x9c", "a\xe2\x80", "“", "")
	for _, s := range corpusTexts(t) {
		for i := 0; i < len(s); i += 7 {
			texts = append(texts, s[:i])
		}
	}
	for _, s := range texts {
		if got, want := lastWord(s), lastWordRef(s); got != want {
			t.Fatalf("lastWord(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzLastWord(f *testing.F) {
	f.Add("He met “Mr")
	f.Add("x\xe2\x80\x9c\x80(y")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := lastWord(s), lastWordRef(s); got != want {
			t.Fatalf("lastWord(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestCallForPrecheck(t *testing.T) {
	texts := append(wordTexts(t), "called for talks", "CALLS  UPON", "recall for", "calling\tfor", "call forth", "called on", "callfor",
		"Call-for", "caſſ for", "calls ſor")
	for _, s := range corpusTexts(t) {
		texts = append(texts, strings.Split(s, "\n")...)
	}
	for _, s := range texts {
		checkCallFor(t, s)
	}
}

func checkCallFor(t *testing.T, s string) {
	t.Helper()
	if !mayCallFor(s) && reCallFor.MatchString(s) {
		t.Fatalf("mayCallFor(%q) = false, but reCallFor matches", s)
	}
	want := s
	if strings.Contains(s, "all") {
		want = reCallFor.ReplaceAllString(s, "")
	}
	if got := dropCallFor(s); got != want {
		t.Fatalf("dropCallFor(%q) = %q, want %q", s, got, want)
	}
}

func FuzzCallForPrecheck(f *testing.F) {
	f.Add("They called for calm and called upon all")
	f.Fuzz(checkCallFor)
}

func TestOpeningClausePrecheck(t *testing.T) {
	texts := append(wordTexts(t), "On 3 May, following the attack, X met Y", "Earlier today, amid talks, A met B", "in light of x, A met B",
		"Amid tension, A met B", "ahead of the summit, A", "on the occasion of the day, A")
	for _, s := range corpusTexts(t) {
		texts = append(texts, strings.Split(s, "\n")...)
	}
	texts = append(texts, benchSentences(t)...)
	for _, s := range texts {
		if diff := cmp.Diff(reOpeningClause.FindStringSubmatchIndex(s), openingClause(s)); diff != "" {
			t.Fatalf("openingClause(%q) differs:\n%s", s, diff)
		}
	}
}
