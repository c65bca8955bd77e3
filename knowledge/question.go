package knowledge

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// question is what Ask understood of a question in plain words.
type question struct {
	text string
	// people are the people named, each as the folded words of its name
	// as written ("abe"; "kang", "kyung", "wha"), checked against the index.
	people [][]string
	// unknown are capitalised words in name position that match no
	// indexed person; a question about someone not indexed has no answer.
	unknown []string
	// roles are folded office and country words ("secretary", "general",
	// "japan") that may name a participant without a name.
	roles []string
	// from and to bound the meeting date (YYYY-MM-DD, inclusive) when the
	// question gives a day, month or year; day is set for a full date.
	from, to, day string
	// monthDay is "MM-DD" for a day given without a year ("March 18").
	monthDay string
	// month is "MM" for a month given without a year in a yes-or-no
	// question ("Did they meet in March?").
	month string
	// kinds are the ways of meeting asked about; hardKind when explicit
	// ("by phone", "in person").
	kinds    []Kind
	hardKind bool
	// What is asked.
	askWhen, askWhere, askTime, askDuration, askWho, askSource bool
	// askHowOften: "how often", "how many times" (every meeting on a topic).
	askHowOften bool
	// askDid: a yes-or-no question ("Did A and B meet?").
	askDid bool
	// askWhoIs: who someone is ("who is Mabaso", "whos mabaso"): their
	// office and whom they met.
	askWhoIs bool
	// askLatest, askFirst: only the latest or the first meeting ("When
	// did they last meet?", "When did they first speak?").
	askLatest, askFirst bool
	// askChange: how someone's position on a topic changed over time
	// ("What changed in Biden's position on Taiwan?").
	askChange bool
	// askNext: about a meeting still to come ("Where will they meet next?").
	askNext bool
	// askFuture: when or where something still to come will happen ("When
	// will the EU disburse the tranche?"). The answer is the sentence that
	// says so, not the date or place of the meeting that said it;
	// futureWhen and futureWhere say which of the two is asked.
	askFuture, futureWhen, futureWhere bool
	// source are the folded words of who the question attributes the
	// answer to ("according to the White House"): no topic to look for.
	source []string
	// topic are the folded content words left after names, dates, offices
	// and question words; about are those after "about"/"regarding".
	topic, about []string
	// weak are topic words read from country adjectives.
	weak []string
	// place are the folded words of a place the meeting was held at ("in
	// Kyiv", "at Filoli"); placeCountry is the country when the place is
	// one ("in Japan").
	place        []string
	placeCountry string
	// subject is who the question asks about ("What did Abe say"): the
	// folded words of the person or office right after "did".
	subject []string
}

// nameIndex tells the parser which words belong to indexed people's names.
type nameIndex interface {
	isNameWord(w string) bool
	peopleWith(words []string) []string
	isAffWord(w string) bool
}

// qToken is one word of a question with its original spelling.
type qToken struct {
	word  string // folded
	orig  string
	upper bool // starts with a capital letter
	sep   string
}

// qTypos are misspellings of question words common in chat, read as
// the word meant ("wen did they meet").
var qTypos = map[string]string{"wen": "when", "whn": "when", "wehn": "when", "wat": "what", "wht": "what", "waht": "what",
	"wher": "where", "whre": "where", "wich": "which", "whcih": "which", "hw": "how", "hwo": "how", "woh": "who",
	"whi": "who", "dd": "did", "dit": "did", "whats": "what", "wats": "what", "wheres": "where", "whens": "when", "hows": "how", "abt": "about", "bout": "about"}

// qOfficeShortForms are chat short forms of offices, read as the words a
// readout writes ("the polish pm" is the Polish Prime Minister), and
// contractions of a question word with "did". After a number "pm" is a
// time of day, not an office.
var qOfficeShortForms = map[string][]string{"pm": {"prime", "minister"}, "fm": {"foreign", "minister"},
	"dpm": {"deputy", "prime", "minister"}, "pres": {"president"},
	// "whod she meet" is "who did she meet", "whos" is "who is".
	"whos": {"who", "is"}, "whod": {"who", "did"}, "whatd": {"what", "did"}, "whered": {"where", "did"}, "whend": {"when", "did"}, "howd": {"how", "did"}}

// qWhWords open a question and may be contracted with "did" ("who'd").
var qWhWords = ixWordSet(`who what where when how why which`)

func tokenizeQuestion(q string) []qToken {
	var out []qToken
	rs := []rune(q)
	start := -1
	sepStart := 0
	emit := func(i int) {
		orig := string(rs[start:i])
		for _, w := range ixWords(orig) {
			if t, ok := qTypos[w]; ok {
				w = t
			}
			if w == "d" && len(out) > 0 && qWhWords[out[len(out)-1].word] {
				w = "did" // "who'd she meet"
			}
			r, _ := utf8.DecodeRuneInString(orig)
			t := qToken{word: w, orig: orig, upper: unicode.IsUpper(r), sep: string(rs[sepStart:start])}
			if long, ok := qOfficeShortForms[w]; ok && (len(out) == 0 || !unicode.IsDigit(rune(out[len(out)-1].word[len(out[len(out)-1].word)-1]))) {
				for k, lw := range long {
					t.word = lw
					if k > 0 {
						t.sep = " "
					}
					out = append(out, t)
				}
				continue
			}
			out = append(out, t)
		}
		start = -1
		sepStart = i
	}
	for i, r := range rs {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' && start >= 0 && i+1 < len(rs) && unicode.IsLetter(rs[i+1]) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			emit(i)
		}
	}
	if start >= 0 {
		emit(len(rs))
	}
	return out
}

// parseQuestion reads who, when, where, which topic and what is asked. It
// never fails: a question it cannot read has no people and no topic.
func parseQuestion(q string, names nameIndex) question {
	pq := question{text: q}
	toks := tokenizeQuestion(q)
	used := make([]bool, len(toks))
	lower := strings.ToLower(q) == q
	fq := " " + strings.Join(qWordsOf(toks), " ") + " "

	// What is asked.
	first := ""
	if len(toks) > 0 {
		first = toks[0].word
	}
	pq.askWhen = first == "when" || strings.Contains(fq, " what date ") || strings.Contains(fq, " which date ") ||
		strings.Contains(fq, " what day ") || strings.Contains(fq, " which day ") || strings.Contains(fq, " when did ") ||
		strings.Contains(fq, " when was ") || strings.Contains(fq, " when were ") || strings.Contains(fq, " when will ") ||
		strings.Contains(fq, " when is ") || strings.Contains(fq, " when are ") ||
		ixHasSub(fq, " what the date ", " what is the date ", " what was the date ", " what were the dates ", " the date of ",
			" the dates of ", " what dates ", " which dates ") ||
		first == "date" || first == "dates" || strings.HasSuffix(fq, " when ") // "date of the X call", "X Y call when"
	pq.askWhere = first == "where" || strings.Contains(fq, " where did ") || strings.Contains(fq, " where will ") || strings.Contains(fq, " in which city ") ||
		strings.Contains(fq, " what city ") || strings.Contains(fq, " what venue ") || strings.Contains(fq, " what place ")
	pq.askTime = strings.Contains(fq, " what time ") || strings.Contains(fq, " start ") || strings.Contains(fq, " begin ") ||
		strings.Contains(fq, " started ") || strings.Contains(fq, " began ")
	pq.askDuration = strings.Contains(fq, " how long ") || strings.Contains(fq, " how many minutes ") || strings.Contains(fq, " length ") ||
		strings.Contains(fq, " duration ") || strings.Contains(fq, " last ") && strings.Contains(fq, " how ")
	pq.askHowOften = strings.Contains(fq, " how often ") || strings.Contains(fq, " how many times ") || strings.Contains(fq, " how many meetings ") ||
		strings.Contains(fq, " how many calls ")
	pq.askDid = first == "did" || first == "have" || first == "has" || first == "do" ||
		len(toks) > 1 && (first == "was" || first == "were" || first == "is") && toks[1].word == "there" // "was there a call between …"
	pq.askLatest = ixHasSub(fq, " last met ", " last meet ", " last spoke ", " last speak ", " last talked ", " last talk ", " last call ",
		" last called ", " last meeting ", " last time ", " most recent ", " most recently ", " latest ", " last visit ", " last visited ")
	pq.askFirst = !pq.askLatest && ixHasSub(fq, " first met ", " first meet ", " first spoke ", " first speak ", " first talked ",
		" first call ", " first called ", " first meeting ", " first time ", " earliest ", " first visit ", " first visited ")
	pq.askWhoIs = first == "who" && len(toks) > 1 && (toks[1].word == "is" || toks[1].word == "was" || toks[1].word == "s" ||
		strings.HasSuffix(strings.ToLower(toks[0].orig), "'s") || strings.HasSuffix(strings.ToLower(toks[0].orig), "’s")) // "who's"
	pq.askWho = first == "who" || first == "whom" || strings.Contains(fq, " with whom ") || strings.Contains(fq, " who did ")
	for _, w := range []string{" signed ", " attributed ", " attributable ", " spokesperson ", " spokesman ", " put out ", " issued ", " provided the readout ", " released the ", " press secretary "} {
		if strings.Contains(fq, w) {
			pq.askSource = true
		}
	}

	// Kind of meeting. "Call for" and "called for" ask what was urged,
	// not how they met.
	fqKind := fq
	for _, cf := range []string{" call for ", " calls for ", " called for ", " calling for "} {
		fqKind = strings.ReplaceAll(fqKind, cf, " ")
	}
	for i, t := range toks {
		if callFor(toks, i) {
			fqKind = strings.Replace(fqKind, " "+t.word+" "+toks[i+1].word+" ", " ", 1) // "call on X to"
		}
	}
	fq, fqAll := fqKind, fq
	switch {
	case ixHasSub(fq, " phone or video ", " video or phone ", " a call ", " the call ", " their call ", " a phone call ", " the phone call "):
		// "a call", "the call between": the noun names the kind of meeting.
		pq.kinds, pq.hardKind = []Kind{KindTelephone, KindVideo}, true
	case strings.Contains(fq, " by phone ") || strings.Contains(fq, " by telephone ") || strings.Contains(fq, " phone call ") ||
		strings.Contains(fq, " telephone call ") || strings.Contains(fq, " telephone talk ") || strings.Contains(fq, " on the phone "):
		pq.kinds, pq.hardKind = []Kind{KindTelephone}, true
	case strings.Contains(fq, " by video ") || strings.Contains(fq, " video call ") || strings.Contains(fq, " videoconference ") ||
		strings.Contains(fq, " video conference "):
		pq.kinds, pq.hardKind = []Kind{KindVideo}, true
	case strings.Contains(fq, " in person ") || strings.Contains(fq, " face to face "):
		pq.kinds, pq.hardKind = []Kind{KindInPerson}, true
	case strings.Contains(fq, " call ") || strings.Contains(fq, " called ") || strings.Contains(fq, " phoned ") || strings.Contains(fq, " phone ") ||
		strings.Contains(fq, " telephone ") || strings.Contains(fq, " spoke ") || strings.Contains(fq, " speak "):
		pq.kinds = []Kind{KindTelephone, KindVideo}
	case strings.Contains(fq, " meet ") || strings.Contains(fq, " met ") || strings.Contains(fq, " meeting ") || strings.Contains(fq, " visit "):
		pq.kinds = []Kind{KindInPerson}
	}

	fq = fqAll
	parseDates(&pq, toks, used)

	personAt := map[int][]string{}
	// People: runs of capitalised name words, split where no indexed
	// person holds the run's words together.
	for i := 0; i < len(toks); {
		// In a question that capitalises some names and not others ("did
		// wehrhahn meet Ndoye Faye"), a lower-case name word where only a
		// person can stand is a name too.
		loose := lower || inNameSlot(toks, i)
		if used[i] || !qNameCandidate(toks[i], loose, names) && !qGivenName(toks, i, lower, names) {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && !used[j] && qNameCandidate(toks[j], loose && toks[j].upper == toks[i].upper, names) && qJoinable(toks[j].sep) {
			j++
		}
		for k := i; k < j; {
			end := k + 1
			for end < j && len(names.peopleWith(qWordsOf(toks[k:end+1]))) > 0 {
				end++
			}
			if len(names.peopleWith(qWordsOf(toks[k:end]))) > 0 {
				pq.addPerson(qWordsOf(toks[k:end]))
				for x := k; x < end; x++ {
					personAt[x] = qWordsOf(toks[k:end])
				}
			}
			k = end
		}
		for k := i; k < j; k++ {
			used[k] = true
		}
		// A given name no readout writes belongs to the person after it.
		for k := j - 2; k >= i; k-- {
			if _, ok := personAt[k]; !ok {
				if p, ok := personAt[k+1]; ok {
					personAt[k] = p
				}
			}
		}
		i = j
	}
	// "According to X": X is who said it. A person is the subject; a
	// country or an office still ranks by participants' roles; any other
	// word (a publisher: "the White House", "the ministry") is no topic.
	var sourceSubject []string
	for _, i := range accordingSpan(toks) {
		if p, ok := personAt[i]; ok {
			if sourceSubject == nil {
				sourceSubject = p
			}
			continue
		}
		if used[i] || isOffice(toks, i) || qDemonym(toks[i].word) != "" || toks[i].upper && names.isAffWord(toks[i].word) {
			continue
		}
		used[i] = true
		if !ixStopWords[toks[i].word] {
			pq.source = append(pq.source, toks[i].word)
		}
	}
	countryAt := map[int][]string{}
	// Offices and countries.
	for i, t := range toks {
		if used[i] {
			continue
		}
		if isOffice(toks, i) {
			pq.roles = append(pq.roles, t.word)
			used[i] = true
			continue
		}
		if affBeforeOffice(toks, i, lower, names) || lower && names.isAffWord(t.word) && isCountryName(t.orig) {
			pq.roles = append(pq.roles, t.word) // a country or body: also a topic word
			if namesSide(toks, i, personAt) {
				pq.weak = append(pq.weak, t.word)
			}
			continue
		}
		if c := qDemonym(t.word); c != "" && (t.upper || len(t.word) > 3 || i+1 < len(toks) && isOffice(toks, i+1)) { // "the us president"
			pq.roles = append(pq.roles, ixWords(c)...)
			used[i] = true
			countryAt[i] = ixWords(c)
		}
	}
	if strings.Contains(fq, " sg ") || strings.Contains(fq, " unsg ") {
		pq.roles = append(pq.roles, "secretary", "general")
	}

	pq.place, pq.placeCountry = parsePlace(toks, used, lower)

	// Capitalised words that are not at the start, not known words and not
	// names: possibly a person we have never indexed.
	for i, t := range toks {
		if used[i] || i == 0 || !t.upper || len(t.word) < 4 || ixStopWords[t.word] || qQuestionWords[t.word] {
			continue
		}
		if _, ok := qMonthNames[t.word]; ok || qWeekdays[t.word] || strings.ToUpper(t.orig) == t.orig {
			continue // months, weekdays and acronyms ("UNSC") are not names
		}
		pq.unknown = append(pq.unknown, t.word)
	}
	if lower && len(pq.people) > 0 {
		pq.unknown = append(pq.unknown, lowerNameSlots(toks, used)...)
	}

	// "How has A's position on X changed?": A's words on X, meeting by
	// meeting; the words of the asking are no topic.
	if ixHasSub(fq, " change ", " changed ", " changes ", " evolve ", " evolved ", " evolution ", " shift ", " shifted ",
		" over time ", " over the years ") && ixHasSub(fq, " position ", " positions ", " stance ", " view ", " views ",
		" line ", " approach ", " tone ", " rhetoric ", " language ", " over time ", " over the years ") {
		pq.askChange = true
		for i, t := range toks {
			if qChangeWords[t.word] {
				used[i] = true
			}
		}
	}
	meetVerb := slices.ContainsFunc(toks, func(t qToken) bool { return qMeetVerbs[t.word] || qSeeVerbs[t.word] })
	// "Which countries did A call?" asks who, as a list.
	// ("Which leader placed the call?" asks who did it, of one meeting.)
	for i := 0; i+2 < len(toks); i++ {
		aux := toks[i+2].word
		if (toks[i].word == "which" || toks[i].word == "what") && qWhoNouns[toks[i+1].word] && (len(pq.kinds) > 0 || meetVerb) &&
			(aux == "did" || aux == "does" || aux == "has" || aux == "have" || aux == "had") {
			pq.askWho = true
			used[i+1] = true
			for k := i + 3; k < len(toks); k++ {
				if qSeeVerbs[toks[k].word] {
					used[k] = true // "which officials did she host": whom, not hosting as a topic
				}
			}
		}
	}
	if pq.askLatest || pq.askFirst {
		for i, t := range toks {
			if t.word == "last" || t.word == "first" || t.word == "latest" || t.word == "earliest" || t.word == "recent" ||
				t.word == "recently" || t.word == "most" {
				used[i] = true
			}
		}
	}
	// Topic words: what is left.
	aboutAt := -1
	for i, t := range toks {
		if aboutAt < 0 && (t.word == "about" || t.word == "regarding" || t.word == "concerning") {
			aboutAt = i
		}
		words := []string{t.word}
		if c, ok := countryAt[i]; ok {
			words = c // "Japanese" asks about Japan
			if _, short := shortFormWords[t.word]; short {
				words = []string{t.word} // "EU": the readout may say either; the scorer knows both
			}
			if namesSide(toks, i, personAt) {
				pq.weak = append(pq.weak, words...)
			}
		} else if used[i] || ixStopWords[t.word] || (qQuestionWords[t.word] || qKindWords[t.word]) && !callFor(toks, i) {
			continue
		}
		pq.topic = append(pq.topic, words...)
		if aboutAt >= 0 {
			pq.about = append(pq.about, words...)
		}
	}
	// The subject follows the first auxiliary: a person or an office.
	for i, t := range toks {
		if t.word != "did" && t.word != "does" && t.word != "do" && t.word != "was" && t.word != "were" && t.word != "has" && t.word != "had" &&
			t.word != "will" && t.word != "would" {
			continue
		}
		j := i + 1
		// "did the Iraqi foreign minister", "did Iraq's foreign minister":
		// the country narrows the office that follows.
		var country []string
		for j < len(toks) && (toks[j].word == "the" || qDemonym(toks[j].word) != "" || affBeforeOffice(toks, j, lower, names)) {
			if c := qDemonym(toks[j].word); c != "" {
				country = append(country, ixWords(c)...)
			} else if toks[j].word != "the" {
				country = append(country, toks[j].word)
			}
			j++
		}
		// "did Secretary Pompeo": the office stands before the person.
		k := j
		for k < len(toks) && isOffice(toks, k) {
			k++
		}
		if _, ok := personAt[k]; ok {
			j = k
		}
		if j < len(toks) {
			if p, ok := personAt[j]; ok {
				pq.subject = p
			} else if toks[j].word == "sg" || toks[j].word == "unsg" {
				pq.subject = []string{"secretary", "general"}
			} else {
				for ; j < len(toks) && isOffice(toks, j); j++ {
					pq.subject = append(pq.subject, toks[j].word)
				}
				if len(pq.subject) > 0 {
					pq.subject = append(country, pq.subject...)
				}
			}
		}
		break
	}
	if sourceSubject != nil {
		pq.subject = sourceSubject
	}
	pq.topic = ixUnique(pq.topic)
	pq.about = ixUnique(pq.about)
	// "What did they discuss?" asks for the sentence that says what was
	// discussed: with nothing else to look for, look for that. Country
	// words that name the sides ("with the Portuguese president") are no
	// topic of their own.
	sidesOnly := true
	for _, w := range pq.topic {
		if !slices.Contains(pq.weak, w) && !slices.Contains(pq.place, w) {
			sidesOnly = false
		}
	}
	if sidesOnly && (strings.Contains(fq, " discuss ") || strings.Contains(fq, " discussed ") || strings.Contains(fq, " talk about ")) {
		// Weak: no readout need use the word itself to be found.
		pq.topic = []string{"discuss"}
		pq.weak = append(pq.weak, "discuss")
	} else if sidesOnly && ixHasSub(fq, " ask ", " asked ") && (pq.askWhat() || pq.askDid) {
		pq.topic = []string{"ask"} // "What did A ask B for?": the request (and its synonyms)
		pq.weak = append(pq.weak, "ask")
	}
	// "When will the EU disburse the tranche?" asks what a readout says of
	// something still to come: not the date or place of the meeting.
	if (pq.askWhen || pq.askWhere) && asksFuture(fq) {
		pq.askFuture, pq.futureWhen, pq.futureWhere = true, pq.askWhen, pq.askWhere
		pq.askWhen, pq.askWhere = false, false
	}
	// "Where will they meet next?" asks for a meeting still to come: the
	// place is in what they agreed, not where this meeting was.
	if asksNextMeeting(fq) {
		pq.askNext = true
		pq.askWhere, pq.askWhen = false, false
		pq.topic = ixUnique(append(pq.topic, "meet"))
		pq.weak = append(pq.weak, "meet")
	}
	return pq
}

// asksNextMeeting says a folded question asks about a meeting to come
// ("where will they meet next", "when is their next meeting").
func asksNextMeeting(fq string) bool {
	if !strings.Contains(fq, " meet ") && !strings.Contains(fq, " meeting ") && !strings.Contains(fq, " convene ") {
		return false
	}
	return strings.Contains(fq, " will ") || strings.Contains(fq, " next ") || strings.Contains(fq, " again ") ||
		strings.Contains(fq, " future ") || strings.Contains(fq, " upcoming ")
}

// askWhat reports whether the question opens with "what" ("What did A
// ask for?").
func (pq *question) askWhat() bool {
	return strings.HasPrefix(strings.ToLower(strings.TrimSpace(pq.text)), "what")
}

// asksFuture says a folded question asks about something still to come
// ("when will", "where is it to be held", "when is the summit planned").
func asksFuture(fq string) bool {
	return ixHasSub(fq, " will ", " would ", " shall ", " going to ", " scheduled ", " planned ", " plan to ", " plans to ",
		" expected to ", " due to ", " to be held ", " upcoming ", " next ", " in future ", " in the future ")
}

// accordingSpan lists the tokens after "according to", up to a comma or
// the end of the clause (at most six words).
func accordingSpan(toks []qToken) []int {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].word != "according" || toks[i+1].word != "to" {
			continue
		}
		var out []int
		for j := i + 2; j < len(toks) && len(out) < 6; j++ {
			if len(out) > 0 && strings.ContainsAny(toks[j].sep, ",;:?!()") {
				break
			}
			out = append(out, j)
		}
		return out
	}
	return nil
}

func (pq *question) addPerson(words []string) {
	for _, p := range pq.people {
		if strings.Join(p, " ") == strings.Join(words, " ") {
			return
		}
	}
	pq.people = append(pq.people, words)
}

func qWordsOf(toks []qToken) []string {
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.word
	}
	return out
}

// qNameParticles may be written in lower case inside a name ("bin", "van").
var qNameParticles = map[string]bool{"bin": true, "bint": true, "ibn": true, "al": true, "el": true, "de": true, "da": true,
	"di": true, "van": true, "von": true, "der": true, "le": true, "la": true, "du": true, "dos": true, "del": true}

func qNameCandidate(t qToken, lower bool, names nameIndex) bool {
	if !names.isNameWord(t.word) {
		return false
	}
	if qNameParticles[t.word] || strings.TrimSpace(t.sep) == "-" {
		return true
	}
	if t.upper {
		return !qQuestionWords[t.word] || !qStartsSentence(t)
	}
	return lower && !ixStopWords[t.word] && !qQuestionWords[t.word]
}

// afterPlaceWord is where a place may start after toks[i] when it is "in",
// "at" or a verb of visiting (past a "the"), or -1 when it is none of them.
func afterPlaceWord(toks []qToken, i int) int {
	if w := toks[i].word; w != "in" && w != "at" && !qVisitWords[w] {
		return -1
	}
	j := i + 1
	if j < len(toks) && toks[j].word == "the" {
		j++
	}
	return j
}

// parsePlace finds where the question says the meeting was: capitalised
// words after "in" or "at" that are no person, date or office ("in Kyiv",
// "at the White House"). The words stay topic words too, as a place may
// be what was discussed ("the situation in Gaza").
func parsePlace(toks []qToken, used []bool, lower bool) ([]string, string) {
	for i := range toks {
		j := afterPlaceWord(toks, i)
		if j < 0 {
			continue
		}
		if lower {
			if words, country, ok := lowerPlace(toks[j:], used[j:]); ok {
				return words, country
			}
			continue
		}
		var words, orig []string
		for ; j < len(toks) && len(words) < 4; j++ {
			w := toks[j]
			if used[j] || !w.upper || isOffice(toks, j) || qQuestionWords[w.word] || qWeekdays[w.word] ||
				len(words) > 0 && !qJoinable(w.sep) && strings.TrimSpace(w.sep) != "" {
				break
			}
			if _, ok := qMonthNames[w.word]; ok {
				break
			}
			words = append(words, w.word)
			orig = append(orig, w.orig)
		}
		if len(words) == 0 {
			continue
		}
		country := ""
		if p, ok := lookupPlace(strings.Join(orig, " ")); ok && !p.isCity && !p.isOrg && !p.isAdj {
			country = p.name
		}
		return words, country
	}
	return nil, ""
}

// inNameSlot reports whether token i stands where only a person can: right
// after "did" before a verb of meeting, or right after such a verb (or its
// "with"/"to") at the end of the question or before "in", "on" or "by"
// ("did X meet Y", "when did A speak with B on …").
func inNameSlot(toks []qToken, i int) bool {
	at := func(k int) string {
		if k < 0 || k >= len(toks) {
			return ""
		}
		return toks[k].word
	}
	if at(i-1) == "did" && (qMeetVerbs[at(i+1)] || at(i+1) == "and") {
		return true
	}
	prev := i - 1
	if at(prev) == "with" || at(prev) == "to" {
		prev--
	}
	if !qMeetVerbs[at(prev)] && at(prev) != "and" {
		return false
	}
	switch at(i + 1) {
	case "", "in", "on", "by", "at", "last", "during":
		return true
	}
	return false
}

// qSeeVerbs also say that people met ("which ministers did she see").
var qSeeVerbs = ixWordSet(`see saw seen host hosted receive received visit visited`)

// qMeetVerbs join the two sides of "when did A meet B".
var qMeetVerbs = ixWordSet(`meet met speak spoke talk talked call called phone phoned`)

// lowerNameSlots are the words of a question typed in lower case that
// stand where only a person can ("when did X meet Y", "did X and Y
// speak") but name no indexed person: someone never indexed, whom the
// answer must not ignore. Only a single word between "did" and the
// verb, and the last word after the verb, are read so.
func lowerNameSlots(toks []qToken, used []bool) []string {
	slot := func(i int) bool {
		if i < 0 || i >= len(toks) || used[i] || len(toks[i].word) < 4 || !allLetters(toks[i].word) {
			return false
		}
		w := toks[i].word
		if ixStopWords[w] || qQuestionWords[w] || qKindWords[w] || qOfficeWords[w] || qOfficeModifiers[w] || qWhoNouns[w] ||
			qDemonym(w) != "" || qWeekdays[w] || qMeetVerbs[w] {
			return false
		}
		_, month := qMonthNames[w]
		return !month
	}
	var out []string
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].word != "did" {
			continue
		}
		v := i + 2
		if toks[v].word == "and" && v+2 < len(toks) && qMeetVerbs[toks[v+2].word] { // "did X and Y meet"
			for _, k := range []int{i + 1, v + 1} {
				if slot(k) {
					out = append(out, toks[k].word)
				}
			}
			break
		}
		if !qMeetVerbs[toks[v].word] {
			break
		}
		if slot(i + 1) {
			out = append(out, toks[i+1].word)
		}
		k := v + 1
		if k < len(toks) && (toks[k].word == "with" || toks[k].word == "to") {
			k++
		}
		if k == len(toks)-1 && slot(k) {
			out = append(out, toks[k].word)
		}
		break
	}
	return out
}

// qVisitWords go before the place visited ("when did she visit Cairo").
var qVisitWords = ixWordSet(`visit visited visiting visits`)

// lowerPlace reads a place typed in lower case at the start of toks ("in
// cairo", "visit siem reap"): the longest run of up to three words that
// names a city or country the place list knows. Lower-case words are
// read as a place only when known, as any other word could be a topic.
func lowerPlace(toks []qToken, used []bool) ([]string, string, bool) {
	for n := min(3, len(toks)); n >= 1; n-- {
		if slices.Contains(used[:n], true) {
			continue
		}
		span := toks[:n]
		if ixStopWords[span[0].word] || qQuestionWords[span[0].word] || qKindWords[span[0].word] {
			return nil, "", false
		}
		orig := make([]string, n)
		for k, t := range span {
			orig[k] = t.orig
		}
		p, ok := lookupPlace(strings.Join(orig, " "))
		if !ok || p.isAdj || p.isOrg {
			continue
		}
		country := ""
		if !p.isCity {
			country = p.name
		}
		return qWordsOf(span), country, true
	}
	return nil, "", false
}

// callFor reports whether token i is "call" or "called" before "for" or
// "on X to" ("call on Finland to support"), or "ask" before "X to": a
// question about what someone urged.
func callFor(toks []qToken, i int) bool {
	w := toks[i].word
	if i+1 >= len(toks) {
		return false
	}
	to := func(from int) bool {
		for j := from; j < len(toks) && j <= from+4; j++ {
			if toks[j].word == "to" {
				return true
			}
		}
		return false
	}
	switch w {
	case "call", "calls", "called", "calling":
		switch toks[i+1].word {
		case "for":
			return true
		case "on", "upon":
			return to(i + 2)
		}
	case "ask", "asks", "asked", "asking":
		switch toks[i+1].word {
		case "to", "about", "regarding", "on", "for", "whether", "if", "how", "what", "why", "when", "where":
			return false // "ask about…" asks what was asked
		}
		return to(i + 2)
	}
	return false
}

// qGivenName reports whether token i is a given name that no readout
// writes but the name after it is indexed ("Joe" in "Joe Biden" where the
// readouts say "President Biden"): it belongs to that person, not to the
// topic or to the unknown words.
func qGivenName(toks []qToken, i int, lower bool, names nameIndex) bool {
	t := toks[i]
	if lower || !t.upper || len(t.word) < 2 || i+1 >= len(toks) || !qJoinable(toks[i+1].sep) || toks[i+1].sep == "." {
		return false
	}
	if ixStopWords[t.word] || qQuestionWords[t.word] || qOfficeWords[t.word] || qOfficeModifiers[t.word] || honorifics[t.word] || titleHeads[t.word] ||
		qWeekdays[t.word] || qDemonym(t.word) != "" || names.isAffWord(t.word) || strings.ToUpper(t.orig) == t.orig {
		return false
	}
	if _, ok := qMonthNames[t.word]; ok {
		return false
	}
	if _, ok := lookupPlace(t.orig); ok {
		return false
	}
	return qNameCandidate(toks[i+1], lower, names) && toks[i+1].upper
}

func qStartsSentence(t qToken) bool { return strings.TrimSpace(t.sep) == "" }

// qJoinable says whether two name words separated by sep can be one name.
func qJoinable(sep string) bool {
	sep = strings.TrimSpace(sep)
	return sep == "" || sep == "-" || sep == "."
}

// qMonthBefore are the words before a month that make a lower-case "may"
// the month ("did they meet in may").
var qMonthBefore = ixWordSet(`in during since until early late mid of`)

// qMonthNames maps folded month names and abbreviations to month numbers.
var qMonthNames = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
	"june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
	"october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

func qDayNumber(w string) (int, bool) {
	w = strings.TrimRight(w, "stndrh")
	n, err := strconv.Atoi(w)
	if err != nil || n < 1 || n > 31 || len(w) > 2 {
		return 0, false
	}
	return n, true
}

func qYearNumber(w string) (int, bool) {
	if len(w) != 4 {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	if err != nil || n < 1900 || n > 2100 {
		return 0, false
	}
	return n, true
}

// parseDates finds dates in the question: full dates in common styles,
// a month and year, a year, or a day and month without a year.
func parseDates(pq *question, toks []qToken, used []bool) {
	set := func(from, to string, idx ...int) {
		if pq.from == "" {
			pq.from, pq.to = from, to
		}
		for _, i := range idx {
			used[i] = true
		}
	}
	month := func(i int) (int, bool) {
		if i < 0 || i >= len(toks) {
			return 0, false
		}
		m, ok := qMonthNames[toks[i].word]
		if ok && toks[i].word == "may" && !toks[i].upper && (i == 0 || !qMonthBefore[toks[i-1].word]) {
			return 0, false // "may" the verb, not "in may"
		}
		if ok && len(toks[i].word) == 3 && toks[i].word == "mar" && !toks[i].upper {
			return 0, false
		}
		return m, ok
	}
	at := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].word
	}
	for i := range toks {
		if used[i] {
			continue
		}
		// 2020-02-15 arrives as three tokens.
		if y, ok := qYearNumber(at(i)); ok && toks[i].sep != "-" {
			if mo, err := strconv.Atoi(at(i + 1)); err == nil && mo >= 1 && mo <= 12 && i+2 < len(toks) && toks[i+1].sep == "-" {
				if d, ok := qDayNumber(at(i + 2)); ok && toks[i+2].sep == "-" {
					day := fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
					pq.day = day
					set(day, day, i, i+1, i+2)
					continue
				}
			}
		}
		if mo, ok := month(i); ok {
			// Month D, YYYY / Month D
			if d, ok := qDayNumber(at(i + 1)); ok {
				if y, ok := qYearNumber(at(i + 2)); ok {
					day := fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
					pq.day = day
					set(day, day, i, i+1, i+2)
					continue
				}
				pq.monthDay = fmt.Sprintf("%02d-%02d", mo, d)
				used[i], used[i+1] = true, true
				continue
			}
			// D Month YYYY / D of Month YYYY
			back := i - 1
			if at(back) == "of" {
				back--
			}
			if d, ok := qDayNumber(at(back)); ok && back >= 0 && !used[back] {
				if y, ok := qYearNumber(at(i + 1)); ok {
					day := fmt.Sprintf("%04d-%02d-%02d", y, mo, d)
					pq.day = day
					set(day, day, back, i, i+1)
					if back < i-1 {
						used[i-1] = true
					}
					continue
				}
				pq.monthDay = fmt.Sprintf("%02d-%02d", mo, d)
				used[back], used[i] = true, true
				continue
			}
			// Month YYYY
			if y, ok := qYearNumber(at(i + 1)); ok {
				first := time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC)
				last := first.AddDate(0, 1, -1)
				set(first.Format(time.DateOnly), last.Format(time.DateOnly), i, i+1)
				continue
			}
			// "Did they meet in March?": that month of any year.
			if pq.askDid && pq.month == "" && (at(i-1) == "in" || at(i-1) == "during") {
				pq.month = fmt.Sprintf("%02d", mo)
				used[i] = true
			}
		}
	}
	for i := range toks {
		if used[i] {
			continue
		}
		if y, ok := qYearNumber(at(i)); ok {
			set(fmt.Sprintf("%04d-01-01", y), fmt.Sprintf("%04d-12-31", y), i)
			if i > 0 && (at(i-1) == "early" || at(i-1) == "late" || at(i-1) == "mid") {
				used[i-1] = true
			}
		}
	}
}

// qWeekdays are the days of the week, folded.
var qWeekdays = ixWordSet(`monday tuesday wednesday thursday friday saturday sunday`)

// ixStopWords are English function words left out of topics and phrases.
var ixStopWords = ixWordSet(`a about above after again against all also am an and any are aren as at be because been before
being below between both but by can could did do does doing down during each few for from further had has have having he
her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off
on once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which while
who whom whose why will with would you your yours yourself s t don t ve ll re d m upon via per its`)

// qQuestionWords carry the question's form, not its topic.
var qQuestionWords = ixWordSet(`often many times ever summarize summarise summary overview details detail happened happen tell me key main points briefly what when where who whom whose which why how did do does say says said tell told mention
mentioned mentions explain explained describe described ask asked happen happened take took place time date day long
start started begin began last lasted length held hold meet met meeting meetings talk talks talked speak spoke spoken discuss
discussed discussion discussions conversation readout according regarding concerning their his her jointly together each other kind sort
anything something was were is are be been`)

// qChangeWords ask how a position changed; they are not its topic.
var qChangeWords = ixWordSet(`change changed changes evolve evolved evolution shift shifted position positions stance view
views line approach tone rhetoric language over time years`)

// qWhoNouns after "which" ask who someone met ("which countries",
// "which leaders").
var qWhoNouns = ixWordSet(`countries country leaders leader ministers minister officials people counterparts counterpart heads
presidents nations governments persons`)

// qKindWords say how people met; they pick the kind, not the topic.
var qKindWords = ixWordSet(`phone telephone call called calls video videoconference virtual virtually person in-person face`)

// qOfficeWords name offices that can stand for a participant.
var qOfficeWords = ixWordSet(`president prime minister secretary chancellor premier king queen emperor chair
chairman chairperson councilor councillor counsellor envoy ambassador spokesperson sg prince emir amir sultan
taoiseach tanaiste pope pontiff director commissioner governor mayor`)

// qOfficeModifiers make an office only next to an office word ("Defence
// Minister", "Secretary of State"); alone they are topic words ("defence
// cooperation").
var qOfficeModifiers = ixWordSet(`foreign defence defense deputy vice state interior finance trade crown general`)

// namesSide reports whether the country word at i qualifies an office or
// a person ("the UK Prime Minister", "Japan's Aso") rather than being a
// topic ("on regarding Ukraine").
func namesSide(toks []qToken, i int, personAt map[int][]string) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= len(toks) {
			continue
		}
		if _, ok := personAt[j]; ok || isOffice(toks, j) {
			return true
		}
	}
	return false
}

// affBeforeOffice reports whether token i is a country or body a
// participant is affiliated with: capitalised, or, in a question typed
// all in lower case, right before an office ("the singapore foreign
// minister"), where it can only name the office's side.
func affBeforeOffice(toks []qToken, i int, lower bool, names nameIndex) bool {
	if !names.isAffWord(toks[i].word) {
		return false
	}
	return toks[i].upper || lower && i+1 < len(toks) && isOffice(toks, i+1)
}

// isCountryName reports whether s is the name of a country (not a city,
// body or adjective): typed in lower case ("unicef and peru"), it still
// names a side, as it would capitalised.
func isCountryName(s string) bool {
	p, ok := lookupPlace(s)
	return ok && !p.isCity && !p.isOrg && !p.isAdj
}

// isOffice reports whether token i names (part of) an office.
func isOffice(toks []qToken, i int) bool {
	if qOfficeWords[toks[i].word] {
		return true
	}
	if !qOfficeModifiers[toks[i].word] {
		return false
	}
	for _, j := range []int{i - 2, i - 1, i + 1, i + 2} {
		if j >= 0 && j < len(toks) && qOfficeWords[toks[j].word] && (j == i-1 || j == i+1 || toks[(i+j)/2].word == "of") {
			return true
		}
	}
	return false
}

// qDemonyms map adjectives of nationality to the country they name.
// qDemonym is the country or body an adjective or short form in a
// question names ("Mozambican" → Mozambique), or "": the short list below
// first, then every country adjective the extractor knows.
func qDemonym(w string) string {
	if c, ok := qDemonyms[w]; ok {
		return c
	}
	if p, ok := placeWords[w]; ok && p.isAdj && !p.isOrg && !p.isCity {
		return p.name
	}
	return ""
}

var qDemonyms = map[string]string{
	"american": "United States", "us": "United States", "british": "United Kingdom", "uk": "United Kingdom",
	"japanese": "Japan", "chinese": "China", "korean": "Korea", "russian": "Russia", "french": "France",
	"german": "Germany", "indian": "India", "italian": "Italy", "canadian": "Canada", "australian": "Australia",
	"saudi": "Saudi Arabia", "ukrainian": "Ukraine", "turkish": "Turkey", "finnish": "Finland", "kenyan": "Kenya",
	"portuguese": "Portugal", "spanish": "Spain", "brazilian": "Brazil", "mexican": "Mexico", "israeli": "Israel",
	"iranian": "Iran", "egyptian": "Egypt", "singaporean": "Singapore", "malaysian": "Malaysia",
	"indonesian": "Indonesia", "philippine": "Philippines", "vietnamese": "Vietnam", "pakistani": "Pakistan",
	"polish": "Poland", "dutch": "Netherlands", "swedish": "Sweden", "norwegian": "Norway", "danish": "Denmark",
	"irish": "Ireland", "greek": "Greece", "swiss": "Switzerland", "austrian": "Austria", "belgian": "Belgium",
	"un": "United Nations", "eu": "European Union", "nato": "NATO", "rok": "Korea", "dprk": "Korea",
}

func ixWordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
