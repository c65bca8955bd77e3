package knowledge

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The fast paths of tokenize, foldName and friends must give exactly what
// the plain versions below give; these tests compare them on the fixture
// readouts, split into lines and sentences, and on tricky strings.

// tokenizeRef is tokenize as first written: one tokenKey call per word.
func tokenizeRef(s string) []token {
	var toks []token
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if !isWordRune(r) {
			toks = append(toks, token{s: s[i : i+size], key: s[i : i+size], start: i, end: i + size, class: cPunct})
			i += size
			continue
		}
		j := i
		for j < len(s) {
			r, size := utf8.DecodeRuneInString(s[j:])
			if isWordRune(r) {
				j += size
				continue
			}
			if r == '\'' || r == '’' || r == '-' || r == '‑' {
				if n, _ := utf8.DecodeRuneInString(s[j+size:]); j+size < len(s) && isWordRune(n) {
					j += size
					continue
				}
				if (r == '\'' || r == '’') && (strings.ToLower(s[i:j]) == "dato" || strings.ToLower(s[i:j]) == "datu") {
					j += size
				}
				break
			}
			if r == '.' {
				word := s[i:j]
				if h := strings.LastIndexByte(word, '-'); h >= 0 {
					word = word[h+1:]
				}
				if utf8.RuneCountInString(word) == 1 || dotAbbrevs[strings.ToLower(word)] || strings.Contains(word, ".") {
					j += size
					continue
				}
			}
			break
		}
		w := s[i:j]
		toks = append(toks, token{s: w, key: tokenKeyRef(w), start: i, end: j, poss: isPossessive(w)})
		i = j
	}
	return toks
}

func tokenKeyRef(w string) string {
	k := strings.ReplaceAll(w, "’", "'")
	k = strings.ToLower(k)
	k = strings.ReplaceAll(k, "‑", "-")
	k = strings.TrimSuffix(k, "'s")
	if k != "dato'" {
		k = strings.TrimSuffix(k, "'")
	}
	return strings.TrimSuffix(k, ".")
}

// trickyTexts hold what fast paths get wrong: runes whose lower case is
// ASCII (Kelvin sign, dotted capital I), curly quotes, non-breaking
// hyphens, invalid UTF-8, abbreviations and honorifics with dots.
var trickyTexts = []string{
	"", " ", ".", "Mr. Ki-moon met H.E. Dato' Seri Anwar and U.S. Sec. Blinken.",
	"DATO’ SRI NAJIB, Japan’s PM, the Republic of Korea (ROK) and the People’s Republic of China",
	"\u212Aenya's MİNİSTER met İstanbul’s mayor\u00a0in K\u212Aiev", "Bad \xff\xfe bytes.\xc3", "Non\u2011breaking Co\u2011operation",
	"R. A. Smith Jr. and MESSRS. Sr.", "India-Japan, EU-China, Japan-U.S.", "Ōsaka Côte d’Ivoire São Tomé", "MIN. No. 5 ST. ADM. Mme.",
	"ÀÉÎÕÜ àéîõü ẞ ß Ǆ ǅ ǆ", "\tTabs\vand\fforms\r\n", "a'b a’ b' 's S'S X'S DATO'S", "Dr.-Ing. Prof.Dr. e.g. i.e.",
}

// corpusTexts are the fixture readouts and bundled data, whole, by line and by
// sentence (a sample of them under the race detector), after trickyTexts.
func corpusTexts(tb testing.TB) []string {
	tb.Helper()
	var files []string
	for _, g := range []string{"testdata/readouts/*", "testdata/linked/*", "../data/*.md"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	var corpus []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		s := string(b)
		corpus = append(corpus, s)
		for _, line := range strings.Split(s, "\n") {
			corpus = append(corpus, line)
			corpus = append(corpus, splitSentences(strings.TrimSpace(line))...)
		}
	}
	return append(append([]string{}, trickyTexts...), sampleUnderRace(corpus)...)
}

func TestTokenizeMatchesReference(t *testing.T) {
	for _, s := range corpusTexts(t) {
		if diff := cmp.Diff(tokenizeRef(s), tokenize(s), cmp.AllowUnexported(token{}, place{}), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("tokenize(%q) differs (-ref +fast):\n%s", s, diff)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range trickyTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if diff := cmp.Diff(tokenizeRef(s), tokenize(s), cmp.AllowUnexported(token{}, place{}), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("tokenize(%q) differs (-ref +fast):\n%s", s, diff)
		}
	})
}

// benchSentences are the fixture readouts' sentences, for the benchmarks
// of the word-level helpers.
func benchSentences(tb testing.TB) []string {
	tb.Helper()
	var out []string
	m, _ := filepath.Glob("testdata/readouts/*")
	for _, f := range m {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			out = append(out, splitSentences(strings.TrimSpace(line))...)
		}
	}
	return out
}

func BenchmarkTokenize(b *testing.B) {
	ss := benchSentences(b)
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range ss {
			classify(tokenize(s))
		}
	}
}

// foldNameRef is foldName as first written.
func foldNameRef(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := accentFold[r]; ok {
			r = f
		}
		b.WriteRune(r)
	}
	return b.String()
}

func TestFoldNameMatchesReference(t *testing.T) {
	for _, s := range corpusTexts(t) {
		if got, want := foldName(s), foldNameRef(s); got != want {
			t.Fatalf("foldName(%q) = %q, want %q", s, got, want)
		}
	}
	// Every rune once: accents, quotes, dashes, and runes whose lower case is ASCII.
	var all strings.Builder
	for r := rune(0); r < 0x3000; r++ {
		all.WriteRune(r)
	}
	if got, want := foldName(all.String()), foldNameRef(all.String()); got != want {
		t.Fatal("foldName differs from the reference on the first runes")
	}
}

func FuzzFoldName(f *testing.F) {
	for _, s := range trickyTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := foldName(s), foldNameRef(s); got != want {
			t.Fatalf("foldName(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestLookupPlaceMatchesReference(t *testing.T) {
	ref := func(s string) (place, bool) {
		s = strings.TrimSpace(s)
		if i := strings.Index(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
			s = s[:i]
		}
		p, ok := placeWords[placeKey(s)]
		return p, ok
	}
	var phrases []string
	for k := range placeWords {
		phrases = append(phrases, k, strings.ToUpper(k), " "+k+" (X)", k+"\tx", "the "+k)
	}
	for _, s := range corpusTexts(t) {
		f := strings.Fields(s)
		for i := range f {
			for n := 1; n <= 4 && i+n <= len(f); n++ {
				phrases = append(phrases, strings.Join(f[i:i+n], " "))
			}
		}
	}
	for _, s := range phrases {
		gp, gok := lookupPlace(s)
		wp, wok := ref(s)
		if gp != wp || gok != wok {
			t.Fatalf("lookupPlace(%q) = %v %v, want %v %v", s, gp, gok, wp, wok)
		}
	}
}

func nameTokensRef(n string) []string {
	var out []string
	for _, f := range strings.Fields(foldNameRef(n)) {
		f = strings.Trim(f, ".,'")
		if len(f) > 1 && !particles[f] && !honorifics[f] {
			out = append(out, f)
		}
	}
	return out
}

func shareTokenRef(a, b string) bool {
	ta := nameTokensRef(a)
	for _, y := range nameTokensRef(b) {
		for _, x := range ta {
			if x == y {
				return true
			}
		}
	}
	return false
}

// namePhrases are runs of one to four words from the fixtures, with
// honorifics, particles and odd spacing mixed in.
func namePhrases(tb testing.TB) []string {
	tb.Helper()
	out := append([]string{}, trickyTexts...)
	out = append(out, "Mr. Ban Ki-moon", "BAN Ki-moon", "Dato' Seri Anwar bin Ibrahim", "von der Leyen", "Ursula VON DER LEYEN",
		"H.E. Mr. A. B. Cé", "Al Sabah", "x\ty\nz", "Ümit Özdağ", "OZDAG", "  Dr.  Jill   Biden ", "Sheikh Mohammed bin Zayed Al Nahyan")
	for _, s := range corpusTexts(tb) {
		f := strings.Fields(s)
		for i := range f {
			for n := 1; n <= 4 && i+n <= len(f); n++ {
				out = append(out, strings.Join(f[i:i+n], " "))
			}
		}
	}
	return out
}

func TestNameTokensMatchReference(t *testing.T) {
	ps := namePhrases(t)
	for i, a := range ps {
		if diff := cmp.Diff(nameTokensRef(a), nameTokens(a)); diff != "" {
			t.Fatalf("nameTokens(%q) differs (-ref +fast):\n%s", a, diff)
		}
		if got, want := nameTokenCount(a), len(nameTokensRef(a)); got != want {
			t.Fatalf("nameTokenCount(%q) = %d, want %d", a, got, want)
		}
		for _, b := range []string{ps[(i+1)%len(ps)], ps[(i+7)%len(ps)], strings.ToUpper(a), "Mr. " + a} {
			if got, want := shareToken(a, b), shareTokenRef(a, b); got != want {
				t.Fatalf("shareToken(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

func FuzzShareToken(f *testing.F) {
	f.Add("Mr. Ban Ki-moon", "BAN KI-MOON")
	f.Add("Dato' Seri Anwar", "anwar")
	f.Add("\u212Aim", "kim")
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := shareToken(a, b), shareTokenRef(a, b); got != want {
			t.Fatalf("shareToken(%q, %q) = %v, want %v", a, b, got, want)
		}
		if got, want := nameTokenCount(a), len(nameTokensRef(a)); got != want {
			t.Fatalf("nameTokenCount(%q) = %d, want %d", a, got, want)
		}
	})
}

// classifyRef is classify as first written, with matchPlaceRef trying the
// longest spelling first.
func classifyRef(toks []token) {
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.class == cPunct {
			if t.s == "/" || t.s == "&" {
				t.class = cConn
			}
			continue
		}
		if n, p := matchPlaceRef(toks, i); n > 0 && !givenNamePlace(toks, i, n, p) {
			t.class, t.placeLen, t.place = cPlace, n, p
			for k := 1; k < n; k++ {
				toks[i+k].class = cPlace
			}
			i += n - 1
			continue
		}
		k := t.key
		cap := isCapitalized(t.s)
		switch {
		case k == "his" || k == "her":
			if i+1 < len(toks) && (honorifics[toks[i+1].key] || toks[i+1].key == "royal") {
				t.class = cHon
			}
		case k == "the" && i+1 < len(toks) && (toks[i+1].key == "honorable" || toks[i+1].key == "honourable" || toks[i+1].key == "hon"):
			t.class = cHon
		case honorifics[k] && (cap || k == "h.e"):
			t.class = cHon
			if k == "sri" || k == "seri" {
				if i == 0 || toks[i-1].class != cHon {
					t.class = cName
				}
			}
		case k == "h.e" || t.s == "H.E" || t.s == "HE" && i+1 < len(toks) && isCapitalized(toks[i+1].s):
			t.class = cHon
		case cap && (titleHeads[k] || titleWords[k]):
			t.class = cTitle
		case cap && compoundHead(t.s) != "":
			t.class, t.key = cTitle, compoundHead(t.s)
		case connectors[k]:
			t.class = cConn
		case particles[k] && !cap:
			t.class = cParticle
		case !cap && particleName(t.s):
			t.class = cName
		case cap && len(k) == 1 && strings.HasSuffix(t.s, ".") && i > 0 && toks[i-1].class == cName &&
			i+1 < len(toks) && isCapitalized(toks[i+1].s):
			t.class = cName
		case cap && !nonNames[k] && !isNumber(k) && !isPlacePair(t.s):
			t.class = cName
		case cap && isMonthName(k) && i > 0 && (toks[i-1].class == cName || toks[i-1].class == cTitle && titleHeads[toks[i-1].key]) &&
			(i+1 >= len(toks) || !isNumber(toks[i+1].key)):
			t.class = cName
		case !cap && (titleHeads[k] || k == "foreign" || k == "prime" || k == "state" || k == "defense" || k == "defence"):
			t.class = cTitle
		default:
			t.class = cOther
		}
	}
	for i := range toks {
		toks[i].bits = wordBits[toks[i].key] // what the passes below read of each word's sets
	}
	styleClasses(toks)
	nounClasses(toks)
	officeObjects(toks) // a pass over the classes, the same for both
}

func matchPlaceRef(toks []token, i int) (int, place) {
	r, _ := utf8.DecodeRuneInString(toks[i].s)
	if !unicode.IsUpper(r) && toks[i].key != "the" {
		return 0, place{}
	}
	limit, ok := placeFirst[toks[i].key]
	if !ok {
		return matchStateForm(toks, i)
	}
	if i+limit > len(toks) {
		limit = len(toks) - i
	}
	for n := limit; n >= 1; n-- {
		var b []byte
		bad := false
		for k := 0; k < n; k++ {
			t := toks[i+k]
			if t.class == cPunct && t.s != "(" {
				bad = true
				break
			}
			if k > 0 {
				b = append(b, ' ')
			}
			b = append(b, t.key...)
		}
		if bad {
			continue
		}
		if p, ok := placeWords[string(b)]; ok {
			last := toks[i+n-1]
			if !isCapitalized(last.s) && !isNumber(last.key) {
				continue
			}
			if n == 1 && toks[i].key == "the" {
				continue
			}
			return n, p
		}
	}
	if n, p := matchStateForm(toks, i); n > 0 {
		return n, p
	}
	return 0, place{}
}

// placeTexts add to the fixtures every place spelling in running text,
// capitalised and not, with the words around it that trip matching up.
func placeTexts(tb testing.TB) []string {
	tb.Helper()
	out := corpusTexts(tb)
	var b strings.Builder
	for k := range placeWords {
		b.Reset()
		b.WriteString("His Excellency met the " + k + ", the Prime Minister of " + strings.ToUpper(k) + " and Sri Lanka's May. ")
		b.WriteString("The Federal Democratic Republic of " + strings.ToUpper(k[:1]) + k[1:] + " (" + k + ") / the Republic of the " + k + ".")
		out = append(out, b.String())
	}
	return out
}

func TestClassifyMatchesReference(t *testing.T) {
	for _, s := range sampleUnderRace(placeTexts(t)) {
		want, got := tokenizeRef(s), tokenize(s)
		classifyRef(want)
		classify(got)
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(token{}, place{}), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("classify(%q) differs (-ref +fast):\n%s", s, diff)
		}
	}
}

func FuzzClassify(f *testing.F) {
	for _, s := range trickyTexts {
		f.Add(s)
	}
	f.Add("the Republic of Korea (ROK) and the Democratic People's Republic of Korea")
	f.Fuzz(func(t *testing.T, s string) {
		want, got := tokenizeRef(s), tokenize(s)
		classifyRef(want)
		classify(got)
		if diff := cmp.Diff(want, got, cmp.AllowUnexported(token{}, place{}), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("classify(%q) differs (-ref +fast):\n%s", s, diff)
		}
	})
}

func FuzzLookupPlace(f *testing.F) {
	for _, s := range []string{"the Republic of Korea (ROK)", "DATO'S", "Côte d’Ivoire", " \u00a0(EU", "\u212Aenya", "ROK's"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.TrimSpace(s)
		gp, gok := lookupPlace(s)
		wp, wok := placeWords[placeKey(s)]
		if i := strings.Index(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
			wp, wok = placeWords[placeKey(s[:i])]
		}
		if gp != wp || gok != wok {
			t.Fatalf("lookupPlace(%q) = %v %v, want %v %v", s, gp, gok, wp, wok)
		}
	})
}
