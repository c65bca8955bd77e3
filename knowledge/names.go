package knowledge

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Token classes for reading names and offices out of a phrase.
const (
	cOther    = iota // lower-case word, number, unknown
	cName            // capitalised word that is part of a personal name
	cHon             // honorific: Mr., H.E., Dato', His Excellency
	cTitle           // word of an office or institution: Minister, Foreign, Bureau
	cConn            // connector inside a title: of, for, and, the, &
	cPlace           // first word of a country, organisation or city
	cPunct           // punctuation
	cParticle        // lower-case name particle: bin, al, van, de
)

type token struct {
	s          string // as written
	key        string // lower case, no trailing dot or possessive, straight quotes
	start, end int
	class      int
	poss       bool // written with 's
	placeLen   int  // for cPlace: how many tokens the place spans
	place      place
}

// honorifics are dropped from names: courtesy titles that are not offices.
var honorifics = setOf("mr", "mrs", "ms", "miss", "dr", "h.e", "shri", "smt", "shrimati", "dato", "dato'", "datuk",
	"datin", "datu", "sir", "dame", "prof", "professor", "mme", "madame", "madam", "sheikh", "shaikh", "excellency",
	"excellencies", "honorable", "honourable", "hon", "majesty", "highness", "holiness", "senor", "señor", "senhor",
	"monsieur", "messrs", "rt", "right", "tun", "tunku", "pehin", "haji", "hajjah", "samdech", "sri", "seri",
	"eminence", "excellence", "beatitude",
	// Malaysian and Bruneian styles: Yang Berhormat, Yang Amat Berhormat,
	// Yang Berbahagia, Yang Teramat Mulia.
	"yb", "yab", "ybhg", "yabhg", "ytm", "yam",
	// Styles of other publishers: Fijian, Omani, Bhutanese, Malay, Spanish,
	// Indonesian, Nigerian, Philippine and Latin American ones, and "Amb."
	// written as a style.
	"ratu", "sayyid", "sayyida", "sayyidah", "dasho", "tengku", "doña", "dña", "dra", "excmo", "excma", "s.e",
	"herr", "frau", "mlle", "bapak", "ibu", "alhaji", "alhaja", "atty", "engr", "lic", "arq", "amb", "rev", "reverend",
	"baroness")

// titleHeads are words that can head an office.
var titleHeads = setOf("president", "vice-president", "minister", "ministers", "secretary", "secretary-general",
	"chancellor", "vice-chancellor", "premier", "vice-premier", "king", "queen", "prince", "princess", "emir",
	"sultan", "director", "director-general", "chair", "chairman", "chairperson", "chairwoman", "representative",
	"commissioner", "ambassador", "envoy", "governor", "senator", "speaker", "member", "administrator", "mayor",
	"pope", "taoiseach", "tánaiste", "tanaiste", "leader", "commander", "councilor", "councillor", "counsellor",
	"counselor", "head", "coordinator", "under-secretary", "vice-chair", "adviser", "advisor", "spokesperson",
	"spokesman", "spokeswoman", "president-elect", "chief", "emperor", "empress", "monarch", "sheikha",
	"viceroy", "delegate", "attorney", "congressman", "congresswoman", "deputy", "vice", "assistant", "minister-president",
	"secretaries", "presidents", "leaders", "ministers", "governor-general", "high-representative", "pm", "fm", "eam",
	"counterpart", "cardinal", "archbishop", "bishop", "patriarch", "nuncio", "pontiff", "father", "prefect",
	// Offices in Hindi and Dzongkha as Indian and Bhutanese releases write
	// them: "Raksha Mantri" (Defence Minister), "Lyonchhen" (Prime Minister).
	"mantri", "rashtrapati", "lyonchhen", "lyonpo")

// titleWords are the other words of offices and institutions ("Foreign",
// "Affairs", "Political Bureau"); a capitalised one is never a name.
var titleWords = setOf("prime", "foreign", "defense", "defence", "state", "general", "high", "special", "first",
	"senior", "acting", "executive", "managing", "cabinet", "coordinating", "national", "security", "affairs",
	"trade", "external", "home", "interior", "finance", "economy", "economic", "health", "bureau", "committee",
	"commission", "council", "office", "central", "political", "party", "people's", "federal", "republic",
	"kingdom", "ministry", "department", "development", "cooperation", "co-operation", "international",
	"justice", "education", "energy", "environment", "climate", "agriculture", "commerce", "industry", "labour",
	"labor", "culture", "tourism", "transport", "infrastructure", "digital", "science", "technology", "innovation",
	"planning", "investment", "treasury", "budget", "immigration", "communications", "information", "public",
	"social", "welfare", "women", "youth", "sports", "maritime", "fisheries", "resources", "natural", "water",
	"land", "housing", "urban", "rural", "regional", "local", "government", "administration", "parliament",
	"assembly", "senate", "congress", "house", "representatives", "united", "nations", "union", "european",
	"secretariat", "organization", "organisation", "agency", "bank", "fund", "programme", "program", "court",
	"army", "navy", "air", "force", "forces", "staff", "joint", "chiefs", "military", "intelligence", "police",
	"homeland", "veterans", "overseas", "relations", "legal", "strategic", "strategy", "operations", "policy",
	"peacekeeping", "humanitarian", "emergency", "relief", "charge", "portfolio", "responsibility", "crown",
	"royal", "supreme", "grand", "duke", "duchess", "lord", "lady", "majority", "minority", "opposition", "delegation",
	"mission", "permanent", "resident", "deputy", "vice", "assistant", "principal", "under", "chargé", "d'affaires",
	"excellency", "spokesperson", "press", "commerce", "industries", "mines", "petroleum", "gas", "oil", "power",
	"electricity", "aviation", "railways", "shipping", "ports", "posts", "telecommunications", "media",
	"broadcasting", "arts", "heritage", "religious", "minorities", "indigenous", "family", "children", "gender",
	"equality", "human", "rights", "disaster", "management", "reconstruction", "reform", "reforms", "modernization",
	"coordination", "integration", "communication", "cybersecurity", "cyber", "space", "research", "higher",
	"primary", "secondary", "vocational", "training", "employment", "pensions", "insurance", "statistics",
	"revenue", "customs", "taxation", "lands", "forestry", "forests", "livestock", "food", "consumer", "protection",
	"competition", "enterprise", "enterprises", "small", "medium", "business", "businesses", "tourism", "defence",
	"armed", "services", "service", "commonwealth", "dominion", "territories", "territory", "provinces",
	"province", "states", "islands", "pacific", "asian", "africa", "african", "asia", "europe", "americas",
	"world", "global", "nuclear", "atomic", "arms", "control", "disarmament", "nonproliferation",
	"non-proliferation", "alliance", "treaty", "organization's", "committee's", "secretary's", "minister's",
	"president's", "summit", "conference", "forum", "group", "chamber", "court", "tribunal", "authority",
	"board", "institute", "foundation", "association", "federation", "league", "community", "coalition",
	"team", "task", "panel", "unit", "centre", "center", "division", "section", "branch", "wing", "corps",
	"command", "headquarters", "station", "embassy", "consulate", "legation", "capital", "city", "municipal",
	"metropolitan", "prefecture", "prefectural", "county", "district", "region", "zone", "area", "sector",
	"communist", "socialist", "democratic", "liberal", "conservative", "labour", "workers", "people", "peoples",
	"state's", "cpc", "ccp", "g7", "g8", "g20", "brics", "nato's", "un's", "eu's",
	"holy", "dicastery", "extraordinary", "plenipotentiary", "emigration", "emigrants", "expatriates", "migration", "diaspora", "nationals", "abroad", "compatriots",
	"raksha", "pradhan", "videsh", "rajya", "grih", "vitta", "krishi", "shiksha", "change")

// connectors join the words of an office: "Minister of Foreign Affairs and Trade".
var connectors = setOf("of", "for", "and", "the", "&", "on", "to", "/")

// particles are lower-case words inside names: "Khalid bin Salman".
var particles = setOf("bin", "bint", "ibn", "al", "el", "de", "da", "di", "van", "von", "der", "den", "du", "la",
	"le", "dos", "das", "del", "y", "ben", "abu", "ter", "zu", "st", "mac", "ould", "binti", "a/l", "a/p")

// nonNames are capitalised words that begin sentences or phrases and are
// never part of a name.
var nonNames = setOf("the", "a", "an", "on", "in", "at", "during", "with", "after", "before", "following",
	"furthermore", "additionally", "also", "first", "finally", "then", "both", "they", "he", "she", "his", "her",
	"it", "its", "this", "that", "these", "those", "while", "and", "but", "as", "regarding", "to", "for", "from",
	"by", "of", "meanwhile", "moreover", "however", "today", "yesterday", "tomorrow", "tonight", "we", "our",
	"their", "there", "here", "when", "where", "which", "who", "what", "why", "how", "all", "each", "some", "such",
	"further", "besides", "lastly", "secondly", "thirdly", "next", "later", "earlier", "afterwards", "subsequently",
	"thereafter", "similarly", "likewise", "accordingly", "consequently", "thus", "hence", "therefore", "indeed",
	"in", "over", "under", "between", "among", "amongst", "throughout", "upon", "within", "without", "against",
	"toward", "towards", "since", "until", "despite", "although", "though", "because", "if", "unless", "whether",
	"readout", "press", "release", "statement", "note", "notes", "overview", "summary", "background", "date",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
	"april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
	"apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "telephone", "phone", "call", "calls", "talk",
	"talks", "meeting", "meetings", "meets", "met", "conversation", "discussion", "discussions", "visit", "summit",
	"video", "virtual", "bilateral", "trilateral", "joint", "outcome", "results", "result", "mutual", "immediate",
	"has", "had", "have", "holds", "held", "spoke", "speaks", "hosts", "hosted", "receives", "received", "welcomes",
	"welcomed", "discusses", "discussed", "is", "was", "are", "were", "will", "would", "can", "could", "should",
	"not", "no", "yes", "one", "two", "three", "four", "five", "several", "many", "more", "most", "other", "others",
	"new", "old", "current", "former", "recent", "upcoming", "next", "last", "previous", "following", "above",
	"below", "attributable", "provisional", "translation", "unofficial", "official", "request", "initiative",
	"invitation", "behalf", "greetings", "congratulations", "thank", "thanks", "please", "see", "read", "more",
	"photo", "photos", "video", "update", "updated", "share", "print", "email", "back", "home", "top", "page",
	"local", "time", "morning", "afternoon", "evening", "night", "noon", "midnight", "around", "about",
	"approximately", "nearly", "almost", "some", "minutes", "hours", "hour", "commencing", "beginning", "starting",
	"responding", "turning", "concerning", "considering", "noting", "referring", "welcoming", "expressing",
	"stressing", "emphasizing", "underlining", "highlighting", "recalling", "reaffirming", "acknowledging", "sides",
	"side", "delegations", "parties", "participants", "interlocutors", "counterparts", "officials", "governments",
	"countries", "nations", "men", "women", "everyone", "anyone", "nobody", "somebody", "someone", "issue",
	"issues", "situation", "matters", "topics", "subjects", "questions", "question", "areas", "fields",
	"working", "lunch", "luncheon", "dinner", "breakfast")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// tokenize splits s into words and punctuation with byte offsets. A word
// keeps internal apostrophes and hyphens ("Ki-moon", "Japan's"), and the dot
// of initials and abbreviations ("R.", "Mr.", "U.S.", "H.E.").
//
// Keys are slices of s where lower-casing changes nothing; the keys of
// capitalised ASCII words share one string built at the end, so a sentence
// costs one allocation for its keys rather than one per capitalised word.
func tokenize(s string) []token {
	return tokenizeInto(make([]token, 0, len(s)/5+1), s)
}

// scratchTokens holds token slices for callers that read a text's tokens
// and keep none of them: a long text's tokens are a large allocation.
var scratchTokens = sync.Pool{New: func() any { return new([]token) }}

// scratchTokenize is tokenize(s) in a pooled slice; give it back with
// releaseTokens once done with the tokens.
func scratchTokenize(s string) (*[]token, []token) {
	bp := scratchTokens.Get().(*[]token)
	return bp, tokenizeInto((*bp)[:0], s)
}

// releaseTokens returns a scratchTokenize slice to the pool.
func releaseTokens(bp *[]token, toks []token) {
	clear(toks) // keep no text alive through the pool
	*bp = toks[:0]
	scratchTokens.Put(bp)
}

// tokenizeInto is tokenize(s) appended to dst[:0].
func tokenizeInto(dst []token, s string) []token {
	return tokenizeAppend(dst[:0], s)
}

// tokenizeAppend is tokenize(s) appended to dst, so that callers can reuse
// one slice and build a sentence's tokens piece by piece.
func tokenizeAppend(dst []token, s string) []token {
	toks := dst
	var lowArr [256]byte
	low := lowArr[:0] // lower-cased capitalised ASCII words, back to back
	var fixArr [32]keyFix
	fixes := fixArr[:0] // tokens whose key lies in low
	i := 0
	for i < len(s) {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
			i++ // unicode.IsSpace for ASCII, without decoding
			continue
		}
		if c < utf8.RuneSelf && !isASCIIAlnum(c) {
			// ASCII punctuation: not a space (above) and not a word rune.
			toks = append(toks, token{s: s[i : i+1], key: s[i : i+1], start: i, end: i + 1, class: cPunct})
			i++
			continue
		}
		if c >= utf8.RuneSelf {
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
		}
		j := wordEnd(s, i)
		w := s[i:j]
		t := token{s: w, start: i, end: j, poss: isPossessive(w)}
		switch ascii, upper := asciiCase(w); {
		case !ascii:
			t.key = tokenKey(w)
		case !upper:
			t.key = trimKey(w)
		default:
			a := len(low)
			for k := 0; k < len(w); k++ {
				low = append(low, lowerASCII(w[k]))
			}
			fixes = append(fixes, keyFix{tok: len(toks), a: a, b: len(low)})
		}
		toks = append(toks, t)
		i = j
	}
	if len(fixes) > 0 {
		all := string(low)
		for _, f := range fixes {
			toks[f.tok].key = trimKey(all[f.a:f.b])
		}
	}
	return toks
}

// wordEnd is where the word that starts at s[i] ends, as tokenize reads words.
func wordEnd(s string, i int) int {
	j := i
	for j < len(s) {
		c := s[j]
		if c < utf8.RuneSelf && isASCIIAlnum(c) {
			j++ // isWordRune for ASCII, without decoding
			continue
		}
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[j:])
			if isWordRune(r) {
				j += size
				continue
			}
		}
		if r == '\'' || r == '’' || r == '-' || r == '‑' {
			if j+size < len(s) && isWordRuneAt(s, j+size) {
				j += size
				continue
			}
			// "Dato'" keeps its closing apostrophe.
			if (r == '\'' || r == '’') && isApostropheWord(s[i:j]) {
				j += size
			}
			break
		}
		if r == '.' {
			// "U.S.", "H.E." and single initials keep their dots.
			word := s[i:j]
			if h := strings.LastIndexByte(word, '-'); h >= 0 {
				word = word[h+1:] // "Japan-U.S."
			}
			if utf8.RuneCountInString(word) == 1 || isDotAbbrev(word) || strings.Contains(word, ".") {
				j += size
				continue
			}
		}
		break
	}
	return j
}

// keyFix places a token's key in the lower-cased words tokenize collects.
type keyFix struct{ tok, a, b int }

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// isWordRuneAt says whether the rune at s[i] is a word rune.
func isWordRuneAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return isASCIIAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

// asciiCase says whether w is all ASCII and whether it has an upper-case letter.
func asciiCase(w string) (ascii, upper bool) {
	for k := 0; k < len(w); k++ {
		c := w[k]
		if c >= utf8.RuneSelf {
			return false, false
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	return true, upper
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostropheWord(w string) bool {
	switch strings.ToLower(w) {
	case "dato", "datu":
		return true
	}
	return false
}

var dotAbbrevs = setOf("mr", "mrs", "ms", "dr", "st", "jr", "sr", "prof", "gen", "col", "lt", "amb", "hon", "no",
	"mt", "rt", "gov", "sen", "rep", "pres", "min", "sec", "dept", "fr", "mme", "messrs", "capt", "maj", "adm",
	"sra", "srta", "dña", "dra", "lic", "ing", "eng", "engr", "atty", "smt", "excmo", "excma", "brig", "cdr", "cmdr",
	"sgt", "mlle", "arq", "md", "mohd", "muh", "abd")

func isDotAbbrev(w string) bool {
	if hasNonASCII(w) {
		return dotAbbrevs[strings.ToLower(w)]
	}
	var b [6]byte
	if len(w) > len(b) {
		return false // longer than any abbreviation
	}
	for k := 0; k < len(w); k++ {
		b[k] = lowerASCII(w[k])
	}
	return dotAbbrevs[string(b[:len(w)])] // no allocation for the lookup
}

func isPossessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "s'") || strings.HasSuffix(w, "s’")
}

// tokenKey is the lookup form of a word: lower case, straight apostrophes,
// no trailing dot or possessive.
func tokenKey(w string) string {
	k := w
	if hasNonASCII(w) { // "’" and "‑" are not ASCII: most words skip both scans
		k = strings.ReplaceAll(k, "’", "'")
	}
	k = strings.ToLower(k)
	if hasNonASCII(k) {
		k = strings.ReplaceAll(k, "‑", "-")
	}
	return trimKey(k)
}

// lookupKey is m[tokenKey(w)], without allocating the key of an ASCII word.
func lookupKey[V any](m map[string]V, w string) (V, bool) {
	var buf [48]byte
	if len(w) > len(buf) || hasNonASCII(w) {
		v, ok := m[tokenKey(w)]
		return v, ok
	}
	b := buf[:len(w)]
	for i := 0; i < len(w); i++ {
		b[i] = lowerASCII(w[i])
	}
	v, ok := m[string(trimKeyBytes(b))] // no allocation for the lookup
	return v, ok
}

// trimKeyBytes is trimKey on bytes.
func trimKeyBytes(b []byte) []byte {
	if n := len(b); n >= 2 && b[n-2] == '\'' && b[n-1] == 's' {
		b = b[:n-2]
	}
	if n := len(b); n >= 1 && b[n-1] == '\'' && string(b) != "dato'" {
		b = b[:n-1]
	}
	if n := len(b); n >= 1 && b[n-1] == '.' {
		b = b[:n-1]
	}
	return b
}

// trimKey drops a lower-cased word's possessive and trailing dot.
func trimKey(k string) string {
	k = strings.TrimSuffix(k, "'s")
	if k != "dato'" {
		k = strings.TrimSuffix(k, "'")
	}
	k = strings.TrimSuffix(k, ".")
	return k
}

func isCapitalized(w string) bool {
	if w != "" && w[0] < utf8.RuneSelf {
		return 'A' <= w[0] && w[0] <= 'Z'
	}
	r, size := utf8.DecodeRuneInString(w)
	if r == 'ʻ' || r == '‘' {
		// "ʻAisake": the Polynesian glottal stop before a capital.
		r, _ = utf8.DecodeRuneInString(w[size:])
	}
	return unicode.IsUpper(r)
}

// Bits of wordBits: the word sets a key belongs to.
const (
	bHon = 1 << iota
	bHead
	bTitleWord
	bConn
	bParticle
	bNonName
	bPlaceFirst
	bStateFormWord
)

// wordBits says for each key which word sets hold it, so classify looks a
// word up once rather than once per set.
var wordBits = func() map[string]uint16 {
	m := map[string]uint16{}
	for bit, set := range map[uint16]map[string]bool{bHon: honorifics, bHead: titleHeads, bTitleWord: titleWords,
		bConn: connectors, bParticle: particles, bNonName: nonNames, bStateFormWord: stateFormWords} {
		for k := range set {
			m[k] |= bit
		}
	}
	for k := range placeFirst {
		m[k] |= bPlaceFirst
	}
	return m
}()

// classify sets each token's class. Places are matched greedily over several
// words ("the Republic of Korea").
func classify(toks []token) {
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.class == cPunct {
			if t.s == "/" || t.s == "&" {
				t.class = cConn
			}
			continue
		}
		k := t.key
		bits := wordBits[k]
		cap := isCapitalized(t.s)
		// matchPlace, skipping what the bits rule out: a word that starts
		// no place and no formal state name.
		if (cap || k == "the") && (bits&(bPlaceFirst|bStateFormWord) != 0 || k == "the") {
			if n, p := matchPlace(toks, i); n > 0 && !givenNamePlace(toks, i, n, p) && !surnamePlace(toks, i, n, p) {
				t.class, t.placeLen, t.place = cPlace, n, p
				for k := 1; k < n; k++ {
					toks[i+k].class = cPlace
				}
				i += n - 1
				continue
			}
		}
		switch {
		case k == "his" || k == "her":
			if i+1 < len(toks) && (honorifics[toks[i+1].key] || toks[i+1].key == "royal") {
				t.class = cHon
			}
		case k == "the" && i+1 < len(toks) && (toks[i+1].key == "honorable" || toks[i+1].key == "honourable" || toks[i+1].key == "hon"):
			t.class = cHon
		case bits&bHon != 0 && (cap || k == "h.e"):
			t.class = cHon
			if k == "sri" || k == "seri" {
				if i == 0 || toks[i-1].class != cHon {
					t.class = cName
				}
			}
		case k == "h.e" || t.s == "H.E" || t.s == "HE" && i+1 < len(toks) && isCapitalized(toks[i+1].s):
			t.class = cHon
		case cap && bits&(bHead|bTitleWord) != 0:
			t.class = cTitle
		case cap && compoundHead(t.s) != "":
			// "Chairperson-in-Office", "Ambassador-at-Large": an office
			// word with a lower-case tail heads the office.
			t.class, t.key = cTitle, compoundHead(t.s)
		case bits&bConn != 0:
			t.class = cConn
		case bits&bParticle != 0 && !cap:
			t.class = cParticle
		case !cap && particleName(t.s):
			t.class = cName // "el-Sayed", "al-Majali": a particle joined to a surname
		case cap && len(k) == 1 && strings.HasSuffix(t.s, ".") && i > 0 && toks[i-1].class == cName &&
			i+1 < len(toks) && isCapitalized(toks[i+1].s):
			t.class = cName // a middle initial: "Enrique A. Manalo"
		case cap && bits&bNonName == 0 && !isNumber(k) && !isPlacePair(t.s):
			t.class = cName
		case cap && isMonthName(k) && i > 0 && (toks[i-1].class == cName || toks[i-1].class == cTitle && titleHeads[toks[i-1].key]) &&
			(i+1 >= len(toks) || !isNumber(toks[i+1].key)):
			t.class = cName // "Theresa May", "Prime Minister May", not "May 5"
		case !cap && (bits&bHead != 0 || k == "foreign" || k == "prime" || k == "state" || k == "defense" || k == "defence"):
			t.class = cTitle // "the minister", "the foreign minister"
		default:
			t.class = cOther
		}
	}
	styleClasses(toks)
	nounClasses(toks)
	officeObjects(toks)
}

// officeObjects makes office words of the capitalised words that end an
// office's "of" or "for" phrase rather than name its holder: "the Deputy
// Commissioner for Oceans, Ms Ana Ruiz", "the Secretary-General of the
// Andean Forum, Mr Tomas Vidal", "Minister of Administration and
// Decentralization, X". The words (one or two) follow the office and its
// "of", "for" or "and", and are followed by an institution's noun ("Forum",
// "Council") or by the honorific of the person who holds it (after a comma
// or not), or are one word shaped like an institution's noun. Of three or
// more words after an office's "of" or "for", the first is the portfolio.
func officeObjects(toks []token) {
	for i := 2; i < len(toks); i++ {
		if toks[i].class != cName {
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].class == cName {
			j++
		}
		switch {
		case j-i <= 2 && j+1 < len(toks) && toks[j].s == "," && toks[j+1].class == cName && andPortfolio(toks, i):
			// "Minister of Finance and Public Credit, Andrés Ospina": the
			// words after the portfolio's "and" are the office's too.
			for k := i; k < j; k++ {
				toks[k].class = cTitle
			}
		case !afterOfficeOf(toks, i):
		case j-i <= 2 && (j == i+1 && institutionNoun(toks[i].key) ||
			j < len(toks) && (toks[j].class == cTitle && titleWords[toks[j].key] && !titleHeads[toks[j].key] || toks[j].class == cHon ||
				toks[j].s == "," && j+1 < len(toks) && toks[j+1].class == cHon)):
			for k := i; k < j; k++ {
				toks[k].class = cTitle
			}
		case j-i >= 3 && headedOffice(toks, i):
			// "Commissioner for Oceans Ana Ruiz": a name after "for" is not
			// three words long; the first is the portfolio.
			toks[i].class = cTitle
		}
		i = j - 1
	}
}

// afterOfficeOf says whether toks[i] follows an office and its "of" or
// "for", with or without "the": "Commissioner for |Oceans".
func afterOfficeOf(toks []token, i int) bool {
	k := i - 1
	if toks[k].key == "the" {
		k--
	}
	return k >= 1 && (toks[k].key == "of" || toks[k].key == "for" || toks[k].key == "and" || toks[k].key == "&") &&
		toks[k-1].class == cTitle
}

// andPortfolio says whether toks[i] ends a portfolio joined by "and" to
// the portfolio of a headed office, perhaps after more of its words:
// "Minister of Finance and |Credit", "Minister of Finance and Public |Credit".
func andPortfolio(toks []token, i int) bool {
	k := i - 1
	for n := 0; n < 2 && k >= 0 && toks[k].class == cTitle && !titleHeads[toks[k].key] && isCapitalized(toks[k].s); n++ {
		k--
	}
	if k < 2 || toks[k].key != "and" && toks[k].key != "&" || toks[k-1].class != cTitle || titleHeads[toks[k-1].key] {
		return false
	}
	// The office before "and" runs back to its "of" or "for" and a head.
	for m := k - 1; m >= 1 && k-m <= 4; m-- {
		if toks[m].key == "of" || toks[m].key == "for" {
			return headedOffice(toks, m)
		}
		if toks[m].class != cTitle {
			return false
		}
	}
	return false
}

// headedOffice says whether the office that ends just before toks[i] (and
// its "of" or "for") has a word that heads an office: "Deputy Commissioner
// for", not "the Cabinet of".
func headedOffice(toks []token, i int) bool {
	for k := i - 1; k >= 0 && i-k <= 12 && (toks[k].class == cTitle || toks[k].class == cConn); k-- {
		if toks[k].class == cTitle && titleHeads[toks[k].key] {
			return true
		}
	}
	return false
}

// institutionNoun says whether a word's ending marks the noun of an
// institution or portfolio ("Decentralization", "Procurement"), never a name.
func institutionNoun(key string) bool {
	for _, e := range officeNounEnds {
		if strings.HasSuffix(key, e) && len(key) > len(e)+2 {
			return true
		}
	}
	return false
}

// givenNamePlace says whether the one-word place p at toks[i] is a given
// name: written between an honorific or an office and a surname ("Mr.
// Santiago Benítez", "Minister Israel Katz"). Tokens before i are
// classified already.
func givenNamePlace(toks []token, i, n int, p place) bool {
	if n != 1 || i == 0 || i+1 >= len(toks) || p.isOrg || p.isAdj {
		return false
	}
	if prev := toks[i-1]; prev.class != cHon && !(prev.class == cTitle && titleHeads[prev.key]) {
		return false
	}
	next := toks[i+1]
	if !isCapitalized(next.s) || next.poss || titleHeads[next.key] || titleWords[next.key] || nonNames[next.key] ||
		honorifics[next.key] || isNumber(next.key) {
		return false
	}
	_, starts := placeFirst[next.key]
	return !starts
}

// surnamePlace says whether the one-word city p at toks[i] is part of a
// name introduced by an honorific or an office: a surname after the given
// name and a first surname ("Ambassador Marcos Tavares Lima"), or a given
// name or surname between two names ("Minister Pedro Santiago Lima").
// Tokens before i are classified already.
func surnamePlace(toks []token, i, n int, p place) bool {
	if n != 1 || !p.isCity || i < 2 || toks[i-1].class != cName || toks[i-1].poss || !isCapitalized(toks[i].s) {
		return false
	}
	run := 0
	k := i - 1
	for k >= 0 && toks[k].class == cName && !toks[k].poss {
		if headlineVerbs[toks[k].key] {
			return false // "Minister Tane Visits Suva": a headline's verb
		}
		run++
		k--
	}
	// "Ambassador of Portugal Marcos Tavares Lima": the office's country.
	for k >= 1 && toks[k].class == cPlace && toks[k].placeLen == 0 {
		k-- // the later words of a place several words long
	}
	officeCountry := k >= 1 && toks[k].class == cPlace && toks[k-1].key == "of"
	if k < 0 || toks[k].class != cHon && !(toks[k].class == cTitle && titleHeads[toks[k].key]) && !officeCountry {
		return false
	}
	nextName := i+1 < len(toks) && isCapitalized(toks[i+1].s) && wordBits[toks[i+1].key]&bNonName == 0 &&
		!titleHeads[toks[i+1].key] && !honorifics[toks[i+1].key]
	return nextName || run >= 2
}

// headlineVerbs are verbs a title-case headline writes with a capital
// ("Minister Visits Suva"), which no name holds.
var headlineVerbs = setOf("visits", "meets", "receives", "holds", "hosts", "calls", "speaks", "welcomes", "arrives",
	"travels", "tours", "opens", "attends", "addresses", "leaves", "returns", "lands", "in", "at", "to", "from")

// compoundHead is the head word of an office written as one hyphenated
// word with a lower-case tail ("Chairperson-in-Office" -> "chairperson"),
// or "" when w is not one.
func compoundHead(w string) string {
	h := strings.IndexByte(w, '-')
	if h <= 0 || h+1 >= len(w) || isCapitalized(w[h+1:]) {
		return ""
	}
	if k := strings.ToLower(w[:h]); titleHeads[k] {
		return k
	}
	return ""
}

// particleName says whether w is a lower-case name particle joined by a
// hyphen to a capitalised surname ("al-Majali", "bin-Zayed"): the whole word
// is a name, though it starts in lower case.
func particleName(w string) bool {
	h := strings.IndexByte(w, '-')
	if h <= 0 || h+1 >= len(w) || !particles[w[:h]] {
		return false
	}
	return isCapitalized(w[h+1:])
}

func isMonthName(k string) bool {
	_, ok := monthNums[k]
	return ok && (len(k) > 4 || k == "may" || k == "june" || k == "july")
}

// isPlacePair says whether a hyphenated word joins places ("India-Japan",
// "EU-China"): it names a relationship, never a person.
func isPlacePair(w string) bool {
	if !strings.Contains(w, "-") {
		return false
	}
	for rest, more := w, true; more; {
		var part string
		part, rest, more = strings.Cut(rest, "-")
		if _, ok := lookupKey(placeWords, part); !ok {
			return false
		}
	}
	return true
}

func isNumber(s string) bool {
	for _, r := range s {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return s != ""
}

// matchPlace returns how many tokens from i spell a known place, longest first.
func matchPlace(toks []token, i int) (int, place) {
	if !isCapitalized(toks[i].s) && toks[i].key != "the" {
		return 0, place{}
	}
	limit, ok := placeFirst[toks[i].key]
	if !ok {
		return matchStateForm(toks, i)
	}
	if i+limit > len(toks) {
		limit = len(toks) - i
	}
	// Grow the spelling a word at a time while it begins some place's
	// spelling; the longest one that is a place wins.
	var buf [96]byte
	b := buf[:0]
	best, bestP := 0, place{}
	for n := 1; n <= limit; n++ {
		t := toks[i+n-1]
		if t.class == cPunct && t.s != "(" {
			break
		}
		if n > 1 {
			b = append(b, ' ')
		}
		b = append(b, t.key...)
		e, ok := placePrefixes[string(b)] // no allocation for the lookup
		if !ok {
			break
		}
		if !e.full || !isCapitalized(t.s) && !isNumber(t.key) || n == 1 && toks[i].key == "the" {
			continue
		}
		best, bestP = n, e.p
	}
	if best > 0 {
		return best, bestP
	}
	if n, p := matchStateForm(toks, i); n > 0 {
		return n, p
	}
	return 0, place{}
}

// placePrefix is a run of words that begins a place's spelling, and the
// place when it is the whole spelling.
type placePrefix struct {
	p    place
	full bool
}

// placePrefixes holds every leading run of words of every place spelling.
var placePrefixes = func() map[string]placePrefix {
	m := map[string]placePrefix{}
	for k := range placeWords {
		f := strings.Fields(k)
		for n := 1; n < len(f); n++ {
			pre := strings.Join(f[:n], " ")
			if _, ok := m[pre]; !ok {
				m[pre] = placePrefix{}
			}
		}
	}
	for k, p := range placeWords {
		m[k] = placePrefix{p: p, full: true}
	}
	return m
}()

// stateFormWords and stateForms spell a country's formal name around its
// short name: "the Arab Republic of Egypt", "the Federal Democratic
// Republic of Ethiopia".
var (
	stateFormWords = setOf("federal", "democratic", "arab", "islamic", "socialist", "people's", "united", "hashemite",
		"plurinational", "bolivarian", "cooperative", "federative", "oriental", "independent", "sovereign", "grand")
	stateForms = setOf("republic", "kingdom", "state", "sultanate", "federation", "commonwealth", "principality",
		"emirate", "duchy")
)

// matchStateForm matches a formal state name whose short name is a known
// country, as that country.
func matchStateForm(toks []token, i int) (int, place) {
	k := i
	if toks[k].key == "the" {
		k++
	}
	for k < len(toks) && stateFormWords[toks[k].key] && isCapitalized(toks[k].s) {
		k++
	}
	if k == i || k+2 >= len(toks) || !stateForms[toks[k].key] || !isCapitalized(toks[k].s) || toks[k+1].key != "of" {
		return 0, place{}
	}
	if toks[k+2].key == "the" || !isCapitalized(toks[k+2].s) {
		return 0, place{}
	}
	if _, ok := placeFirst[toks[k+2].key]; !ok {
		return 0, place{}
	}
	n, p := matchPlace(toks, k+2)
	if n == 0 || p.isAdj || p.isOrg || p.isCity {
		return 0, place{}
	}
	return k + 2 - i + n, p
}

// foldName is the comparison form of a name or word: lower case, common
// Latin accents removed, straight quotes.
func foldName(s string) string {
	if !hasNonASCII(s) {
		return strings.ToLower(s) // the same, and no allocation when already lower case
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(foldRune(unicode.ToLower(r)))
	}
	return b.String()
}

// foldRune removes a lower-case letter's accent and straightens quotes and
// dashes, as accentFold says.
func foldRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		return r
	case r < rune(len(accentFoldLatin)):
		if f := accentFoldLatin[r]; f != 0 {
			return f
		}
		return r
	}
	switch r {
	case '’', '‘':
		return '\''
	case '‑', '–':
		return '-'
	}
	return r
}

var accentFold = func() map[rune]rune {
	m := map[rune]rune{'’': '\'', '‘': '\'', '‑': '-', '–': '-'}
	for base, list := range map[rune]string{
		'a': "àáâãäåāăą", 'c': "çćčĉċ", 'd': "ďđ", 'e': "èéêëēĕėęě", 'g': "ğĝġģ", 'h': "ĥħ",
		'i': "ìíîïīĭįı", 'j': "ĵ", 'k': "ķ", 'l': "ĺļľŀł", 'n': "ñńņňŉ", 'o': "òóôõöøōŏő",
		'r': "ŕŗř", 's': "śŝşšș", 't': "ţťŧț", 'u': "ùúûüũūŭůűų", 'w': "ŵ", 'y': "ýÿŷ", 'z': "źżž",
	} {
		for _, r := range list {
			m[r] = base
		}
	}
	return m
}()

// accentFoldLatin is accentFold for the Latin letters, as an array: a map
// lookup per letter was most of foldName's time.
var accentFoldLatin = func() (t [0x250]rune) {
	for r, f := range accentFold {
		if r < rune(len(t)) {
			t[r] = f
		}
	}
	return t
}()
