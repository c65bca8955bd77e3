package knowledge

import (
	"math/bits"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// fastSamples are the testdata readouts cut at every sentence end, plus
// random strings built from the scanners' own vocabulary.
func fastSamples(t *testing.T) []string {
	t.Helper()
	var out []string
	files, _ := filepath.Glob("testdata/readouts/*")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			for _, s := range strings.SplitAfter(line, ". ") {
				out = append(out, s)
			}
		}
	}
	bits := []string{" ", "  ", "\t", ",", ", ", ";", "; ", "and", "while", "where", "whereas", "but", "The", "the",
		"two", "both", "They", "all", "each", "it was agreed", "ministers", "Leaders", "Japanese", "ſ", "K", "x",
		"for", "about", "30", "12", ":", ".", "h", "H", "a", "p", "m", "M", "noon", "Midnight", "minutes", "hours",
		"hrs", "-", "lasted", "é", "met", "Meeting", "talkſ", "video", "conference", "co", "chaired", "Called",
		"on", "_", "9", "\u212a", "ſ", "spoke", "DISCUSS", "videoconference", "congratulated", "Held", "called", "visits", "co-chaired", "summit", "dinner", "talks", "speaks", "said", "the Minister", "”", "\"", "!", "pointed out", "emphasised", "says", "stated", "The two", "the sides", "The Prime Ministers", "the Foreign", "THE", "heads of state", "The-x",
		"Five", "counterparts", "three", "Officials", "Minister", "minute", "Hour", "hrs", "mins", "min", "hourſ", "30-minute", "ministers"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(bits[r.IntN(len(bits))])
		}
		out = append(out, b.String())
	}
	return out
}

func TestFastScannersMatchRegexps(t *testing.T) {
	for _, s := range sampleUnderRace(fastSamples(t)) {
		var want [][2]int
		for _, loc := range reSplit.FindAllStringIndex(s, -1) {
			want = append(want, [2]int{loc[0], loc[1]})
		}
		if got := splitPoints(s); len(got) != len(want) || (len(got) > 0 && !equalPairs(got, want)) {
			t.Errorf("splitPoints(%q) = %v, want %v", s, got, want)
		}
		if got, want := jointAt(s), reJoint.FindStringIndex(s); !equalInts(got, want) {
			t.Errorf("jointAt(%q) = %v, want %v", s, got, want)
		}
		if got, want := hasMeetVerb(s), reMeetVerb.MatchString(s); got != want {
			t.Errorf("hasMeetVerb(%q) = %v, want %v", s, got, want)
		}
		if got, want := firstWordIndex(s, callWords, false), firstIndex(reCallWord, s); got != want {
			t.Errorf("firstWordIndex(%q, callWords) = %d, want %d", s, got, want)
		}
		if got, want := firstWordIndex(s, inPersonWords, true), firstIndex(reInPerson, s); got != want {
			t.Errorf("firstWordIndex(%q, inPersonWords) = %d, want %d", s, got, want)
		}
		gates := []struct {
			may bool
			re  *regexp.Regexp
		}{
			{mayHaveDuration(s), reDuration}, {mayHaveDuration(s), reDurationAdj}, {mayHaveClock12(s), reClock12},
			{mayHaveClock24(s), reClock24}, {mayHaveNoon(s), reNoon},
		}
		gates = append(gates, struct {
			may bool
			re  *regexp.Regexp
		}{mayOpenMeetingLength(s), reMeetingLength}, struct {
			may bool
			re  *regexp.Regexp
		}{strings.Contains(s, "said") || strings.Contains(s, "state"), reStatementVerb})
		for _, g := range gates {
			if !g.may && g.re.MatchString(s) {
				t.Errorf("gate skips %q, which %s matches", s, g.re)
			}
		}
	}
}

// randomRounds is n, or a tenth of it under the race detector or -short:
// the random equivalence tests run in one goroutine, where the detector
// finds nothing and only slows them.
func randomRounds(n int) int {
	if raceDetector || testing.Short() {
		return n / 10
	}
	return n
}

// randomText joins one to most random words, each followed by a random
// separator: the texts the gate and scanner tests below build from their
// regexps' own vocabulary.
func randomText(r *rand.Rand, words, seps []string, most int) string {
	var b strings.Builder
	for range 1 + r.IntN(most) {
		b.WriteString(words[r.IntN(len(words))])
		b.WriteString(seps[r.IntN(len(seps))])
	}
	return b.String()
}

// TestMeetingLengthGate builds sentences from reMeetingLength's own words
// and checks that the gate passes every one the regexp matches.
func TestMeetingLengthGate(t *testing.T) {
	words := []string{"The", "the", "THE", "their", "Today's", "this", "tHis", "video", "telephone", "call", "Meeting",
		"talks", ",", " held in the palace,", "lasted", "LASTING", "ran", "went", "on", "continued", "took", "Took",
		"ſ", "\u212a", "x", "two", "leaders'", "-", "session", "an hour", "ranked", "tooks"}
	seps := []string{" ", "  ", "\t", "", "\n"}
	r := rand.New(rand.NewPCG(7, 8))
	matched := 0
	for range randomRounds(100000) {
		s := randomText(r, words, seps, 6)
		if reMeetingLength.MatchString(s) {
			matched++
			if !mayOpenMeetingLength(s) {
				t.Fatalf("mayOpenMeetingLength(%q) = false; reMeetingLength matches", s)
			}
		}
	}
	if matched == 0 {
		t.Fatal("no sample matched: the test checks nothing")
	}
}

// TestFindRelativeMatchesRegexp builds texts from reRelative's own words,
// in mixed case and spacing, and checks the scan against the regexp.
func TestFindRelativeMatchesRegexp(t *testing.T) {
	words := []string{"today", "Today", "TODAY", "todays", "earlier", "this", "This", "morning", "day", "days", "tonight",
		"yesterday", "Yesterday", "afternoon", "evening", "last", "Last", "night", "the", "The", "previous", "before",
		"tomorrow", "on", "On", "ON", "Monday", "friday", "SUNDAY", "Fridays", ",", "(", "9", "12", "ſ", "\u212a", "é",
		"x", "_", "-", "met", "held", "talks", "on_", "lasts"}
	seps := []string{" ", "  ", "\t", "", ", ", "\n", "_"}
	r := rand.New(rand.NewPCG(9, 10))
	matched := 0
	for range randomRounds(100000) {
		s := randomText(r, words, seps, 8)
		got, want := findRelative(s), reRelative.FindStringSubmatch(s)
		if !slices.Equal(got, want) {
			t.Fatalf("findRelative(%q) = %q, want %q", s, got, want)
		}
		if want != nil {
			matched++
		}
	}
	if matched < randomRounds(1000) {
		t.Fatalf("only %d samples matched: the test checks too little", matched)
	}
}

// TestClockWordGates builds texts from the words of wordedTime's,
// respectiveCountries', the venue label's and the attendee line's regexps
// and checks that each literal gate passes every text its regexp matches.
func TestClockWordGates(t *testing.T) {
	words := []string{"at", "At", "AT", "9", "10", "12", ":", ".", "30", "0", "o'clock", "o’clock", "in", "the", "morning",
		"afternoon", "evening", "local", "time", "GMT", "UTC", "Moscow", "(", "ſ", "\u212a", "x", "cat", "Argentine",
		"and", "Bolivian", "counterparts", ",", "Counterparts", "his", "10:30", "9.45", "18:00", "1:5", "Argentine and",
		"Bolivian counterparts, ", "Chilean, Argentine and Bolivian counterparts ", "Venue", "Place", "Location", ":",
		": ", "\n", "\n2 ", "Venue:", "Philippines", "Secretary Ramon Cruz", "- ", "•"}
	seps := []string{" ", "  ", "\t", "", "\n", "\v"}
	gates := []struct {
		name string
		may  func(string) bool
		re   *regexp.Regexp
	}{
		{"hasClockDigits", hasClockDigits, reClockZone},
		{"mayHaveAtHour", mayHaveAtHour, reClockWords},
		{"counterparts", func(s string) bool { return strings.Contains(s, " counterparts") }, reRespective},
		{"mayHaveVenueLabel", mayHaveVenueLabel, reVenueLabel},
		{"attendee colon", func(s string) bool { return strings.Contains(s, ":") }, reAttendeeLine},
	}
	r := rand.New(rand.NewPCG(11, 12))
	matched := make([]int, len(gates))
	for range randomRounds(100000) {
		s := randomText(r, words, seps, 8)
		for k, g := range gates {
			if g.re.MatchString(s) {
				matched[k]++
				if !g.may(s) {
					t.Fatalf("%s(%q) = false; %s matches", g.name, s, g.re)
				}
			}
		}
	}
	for k, n := range matched {
		if n < randomRounds(20) {
			t.Errorf("%s: only %d samples matched", gates[k].name, n)
		}
	}
}

// TestInAtMatchesRegexp builds texts from reInAt's own words and checks
// inAtMatches against reInAt.FindAllStringSubmatchIndex.
func TestInAtMatchesRegexp(t *testing.T) {
	words := []string{"in", "at", "In", "AT", "the", "The", "Paris", "New", "York", "Élysée", "é", "’", "'", "-", "—", "_",
		"\xff", "\xe2\x80", "\u0301", "9", "2024", ",", ".", "headquarters", "office", "of", "and", "d'Orsay", "l’Élysée",
		"Quai", "met", "within", "cat", "Kuala", "Lumpur", "(", "“", "inat", "atin"}
	seps := []string{" ", "  ", "\t", "", "\n", ", "}
	r := rand.New(rand.NewPCG(13, 14))
	matched := 0
	for range randomRounds(100000) {
		s := randomText(r, words, seps, 10)
		want := reInAt.FindAllStringSubmatchIndex(s, -1)
		var got [][]int
		for m := range inAtMatches(s) {
			got = append(got, m)
		}
		if len(got) != len(want) {
			t.Fatalf("inAtMatches(%q) = %v, want %v", s, got, want)
		}
		for i := range got {
			if !slices.Equal(got[i], want[i]) {
				t.Fatalf("inAtMatches(%q) = %v, want %v", s, got, want)
			}
		}
		matched += len(want)
	}
	if matched < randomRounds(1000) {
		t.Fatalf("only %d matches: the test checks too little", matched)
	}
}

// TestOpeningClauseGate builds sentences from reOpeningClause's own words
// and checks that mayOpenClause passes every one the regexp matches.
func TestOpeningClauseGate(t *testing.T) {
	words := []string{"On", "In", "At", "Earlier", "on", "in", "following", "after", "in the wake of", "amid", "ahead of",
		"in light of", "in view of", "in response to", "on the occasion of", "Monday", "the", "summit", ",", ", ", "talks",
		"Following", "x", "é"}
	seps := []string{" ", "  ", "\t", "", "\n", ","}
	r := rand.New(rand.NewPCG(15, 16))
	matched := 0
	for range randomRounds(100000) {
		s := randomText(r, words, seps, 8)
		if reOpeningClause.MatchString(s) {
			matched++
			if !mayOpenClause(s) {
				t.Fatalf("mayOpenClause(%q) = false; reOpeningClause matches", s)
			}
		}
	}
	if matched < randomRounds(100) {
		t.Fatalf("only %d samples matched: the test checks too little", matched)
	}
}

// TestVenueWordsGate checks that venueWords passes every text reVenueOnly
// or reVenueLower matches, on texts built from their words.
func TestVenueWordsGate(t *testing.T) {
	words := []string{"the", "State", "Guesthouse", "Guest", "House", "headquarters", "offices", "office", "Office", "HQ",
		"Palace", "Hall", "Ministry", "Centre", "Center", "Residence", "residence", "Square", "Avenue", "Street", "x",
		"Villa", "Castle", "Embassy", "Consulate", "Chancellery", "Department", "building", "Building", "premises",
		"compound", "secretariat", "Secretariat", "Beijing", "é", "-", "Officer", "buildings"}
	seps := []string{" ", "  ", "", ", ", "-"}
	r := rand.New(rand.NewPCG(17, 18))
	matched := 0
	for range randomRounds(50000) {
		s := randomText(r, words, seps, 5)
		if reVenueOnly.MatchString(s) || reVenueLower.MatchString(s) {
			matched++
			if !venueWords.may(s) {
				t.Fatalf("venueWords.may(%q) = false; a venue regexp matches", s)
			}
		}
	}
	if matched < randomRounds(1000) {
		t.Fatalf("only %d samples matched", matched)
	}
}

// refLooksLikeSpeech is looksLikeSpeech as first written, on the
// lower-cased text.
func refLooksLikeSpeech(title, text string) bool {
	marks := 0
	if reSpeechTitle.MatchString(strings.TrimSpace(title)) {
		marks++
	}
	if len(text) > 8<<10 {
		text = text[:8<<10]
	}
	l := strings.ToLower(text)
	for _, k := range speechMarks {
		if strings.Contains(l, k) {
			marks++
		}
	}
	if strings.Count(l, "\nq:") >= 2 || strings.HasPrefix(l, "q:") && strings.Count(l, "\nq:") >= 1 || strings.HasPrefix(l, "interview\n") {
		marks += 2
	}
	if end := strings.TrimRight(l, " \n\t"); strings.HasSuffix(end, "\nthank you.") || strings.HasSuffix(end, "\nthank you very much.") ||
		strings.HasSuffix(end, "\nthank you!") {
		marks++
	}
	return marks >= 2
}

// TestLooksLikeSpeechMatchesReference checks looksLikeSpeech against its
// first version on the fixtures and on texts built from its marks.
func TestLooksLikeSpeechMatchesReference(t *testing.T) {
	for _, s := range sampleUnderRace(fastSamples(t)) {
		if got, want := looksLikeSpeech("", s), refLooksLikeSpeech("", s); got != want {
			t.Fatalf("looksLikeSpeech(%q) = %v, want %v", s, got, want)
		}
	}
	pieces := []string{"Good morning,", "GOOD evening.", "Thank you", "thank you.", "Thank You!", "\n", " ", "\t",
		"very much.", "Dear friends,", "ladies and gentlemen,", "as delivered", "İ", "\u212a", "é", "\xff", "x",
		"distinguished guests", "check against delivery", "It is a pleasure to be here", "Thank you, Chair", "\n\n",
		"Q:", "q:", "\nQ:", "\nq: ", "Interview\n", "INTERVIEW", "\nQ:\nQ:"}
	r := rand.New(rand.NewPCG(19, 20))
	speeches := 0
	for range randomRounds(50000) {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(2) == 0 {
				b.WriteString(" ")
			}
		}
		s := b.String()
		title := []string{"", "Keynote speech by the Minister", "Readout"}[r.IntN(3)]
		got, want := looksLikeSpeech(title, s), refLooksLikeSpeech(title, s)
		if got != want {
			t.Fatalf("looksLikeSpeech(%q, %q) = %v, want %v", title, s, got, want)
		}
		if want {
			speeches++
		}
	}
	if speeches < randomRounds(1000) {
		t.Fatalf("only %d speeches: the test checks too little", speeches)
	}
}

// TestFindPluralOfficeMatchesRegexp builds texts from rePluralOffice's
// own words and checks findPluralOffice against the regexp.
func TestFindPluralOfficeMatchesRegexp(t *testing.T) {
	words := []string{"The", "the", "foreign", "Foreign", "defence", "Defense", "prime", "Ministers", "ministers",
		"Presidents", "speakers", "Governors", "of", "Iceland", "Norway", "and", "Chile", "Peru", "the Faroe Islands",
		"–", "—", ":", "(", "-", ",", "A", "Ana Ruiz", "é", "x", "ForeignMinisters", "Deputy", "met", "\xff", "9",
		"Energy", "trade", "Health", "Foreign Ministers of ", "ministers of the ", "Presidents of ", "Speakers of ",
		"Iceland and Chile, ", "Peru, Chile and the Faroe Islands – ", "Norway — ", " (", "Chile and Peru, "}
	seps := []string{" ", "  ", "", ", ", "\n"}
	r := rand.New(rand.NewPCG(21, 22))
	matched := 0
	for range randomRounds(40000) {
		s := randomText(r, words, seps, 12)
		got, want := findPluralOffice(s), rePluralOffice.FindStringSubmatchIndex(s)
		if !slices.Equal(got, want) {
			t.Fatalf("findPluralOffice(%q) = %v, want %v", s, got, want)
		}
		if want != nil {
			matched++
		}
	}
	if matched < randomRounds(400) {
		t.Fatalf("only %d samples matched: the test checks too little", matched)
	}
}

// TestFoldMarksCount checks foldMarks against strings.Contains in the
// lower-cased text, on texts built from pieces of the marks in mixed case.
func TestFoldMarksCount(t *testing.T) {
	marks := []string{"check against delivery", "as delivered", "ladies and gentlemen,", "dear friends,", "thank you, chair"}
	fm := newFoldMarks(marks)
	pieces := []string{"check", "CHECK", "against", " ", "  ", "delivery", "Delivery", "as", "As ", "delivered", "ladies",
		"and", "gentlemen", ",", "dear", "Friends", "thank", "you", "Chair", "é", "ſ", "ÿ", "x", "K"}
	r := rand.New(rand.NewPCG(5, 6))
	for range randomRounds(50000) {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(2) == 0 {
				b.WriteString(" ")
			}
		}
		s := b.String()
		if strings.Contains(s, "\u212a") {
			continue // count does not answer for text that lower-cases to more ASCII
		}
		want, l := 0, strings.ToLower(s)
		for _, k := range marks {
			if strings.Contains(l, k) {
				want++
			}
		}
		if got := fm.count(s); got != want {
			t.Fatalf("count(%q) = %d, want %d", s, got, want)
		}
	}
}

func equalPairs(a, b [][2]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestJointEndMatchesRegexp builds subjects from reJoint's own words, in
// mixed case and spacing, and checks the scanner against the regexp.
func TestJointEndMatchesRegexp(t *testing.T) {
	words := []string{"the", "The", "THE", "two", "Two", "both", "Both", "all", "each", "side", "sides", "it", "was",
		"agreed", "they", "They", "theyre", "men", "women", "heads", "of", "state", "government", "prime", "foreign",
		"ministers", "Ministers", "leaders", "officials", "delegations", "participants", "three", "four", "five",
		"kings", "secretaries", "Japanese", "Korean-Japanese", "x", "-", "_", "9", "sidesx", "twofold", "interlocutors",
		"counterparts", "chancellors", "premiers", "countries", "governments", "presidents", "parties", "Both-sides"}
	seps := []string{" ", "  ", "\t", "", ",", ". ", " \n"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 100000 {
		s := randomText(r, words, seps, 5)
		if got, want := jointAt(s), reJoint.FindStringIndex(s); !equalInts(got, want) {
			t.Errorf("jointAt(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestFastTitleAndSentenceScans checks the literal gates and scans of
// positions and mentions against what they stand in for.
func TestFastTitleAndSentenceScans(t *testing.T) {
	samples := fastSamples(t)
	words := []string{"With regard to", "regarding", "AS FOR", "as regards", "aſ for", "turning to", "On the issue of",
		"in terms of", "in the context of", "About", "Concerning", "concerningly", "Korea,", "the situation in", ", ",
		"referring to", "On", "in", "while", "; ", "the", "minister", "Minister", "He", "she", "Shed", "and", "her", "counterpart", "host", ",",
		"The meeting", "Their talks", "focused", "PHOTO", "Click Here", "as follows", "overvieW", "attributable", "Discussed", "about the", "ABOUT", "agreed", "exchangeD", "prime", "PM", "FM", "EAM", "of", "for", "foreign", "Foreign",
		"Republic", "Kingdom", "Grand Duchy", "State", "Union", "secretary-general", "x", "é", "Tánaiste", "and", "deputy"}
	seps := []string{" ", "  ", "\t", "", " \n", "\u00a0"}
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(5) {
			b.WriteString(seps[r.IntN(len(seps))])
			b.WriteString(words[r.IntN(len(words))])
		}
		samples = append(samples, b.String())
	}
	for _, s := range samples {
		if got, want := normalizeTitle(s), normalizeTitleSlow(s); got != want {
			t.Errorf("normalizeTitle(%q) = %q, want %q", s, got, want)
		}
		if !endsWithStateForm(s) && reStateForm.MatchString(s) {
			t.Errorf("endsWithStateForm skips %q, which reStateForm matches", s)
		}
		want := strings.LastIndexAny(s, ",”\"")
		if want >= 0 && len(s)-want > 90 {
			want = -1
		}
		if got := lastAttributionMark(s, 90); got != want {
			t.Errorf("lastAttributionMark(%q) = %d, want %d", s, got, want)
		}
		l := strings.ToLower(s)
		if got, want := groupSubject(s), strings.HasSuffix(l, "ministers") || strings.HasSuffix(l, "leaders") ||
			strings.HasSuffix(l, "officials") || strings.HasSuffix(l, "delegations"); got != want {
			t.Errorf("groupSubject(%q) = %v, want %v", s, got, want)
		}
		if f := strings.Fields(s); len(f) > 0 && firstFieldOf(s) != f[0] {
			t.Errorf("firstFieldOf(%q) = %q, want %q", s, firstFieldOf(s), f[0])
		}
		if p := strings.TrimSpace(s); !mayIntroTopic(p) && reIntroTopic.MatchString(p) {
			t.Errorf("mayIntroTopic skips %q, which reIntroTopic matches", p)
		}
		if got, want := introTopicPhrase(s), introTopicPhraseSlow(s); got != want {
			t.Errorf("introTopicPhrase(%q) = %q, want %q", s, got, want)
		}
		if got, want := splitPoints(s), reSplit.FindAllStringIndex(s, -1); len(got) != len(want) {
			t.Errorf("splitPoints(%q) = %v, want %v", s, got, want)
		}
		if got, want := startsWithPronoun(s), rePronoun.MatchString(s); got != want {
			t.Errorf("startsWithPronoun(%q) = %v, want %v", s, got, want)
		}
		for _, g := range []struct {
			may bool
			re  *regexp.Regexp
		}{{mayJoinCounterpart(s), reAndCounterpart}, {mayBeMeetingSubject(s), reMeetingSubject}} {
			if !g.may && g.re.MatchString(s) {
				t.Errorf("gate skips %q, which %s matches", s, g.re)
			}
		}
		if got, want := hasSubstance(s), hasSubstanceSlow(s); got != want {
			t.Errorf("hasSubstance(%q) = %v, want %v", s, got, want)
		}
		if got, want := skipSentence(s), skipSentenceSlow(s); got != want {
			t.Errorf("skipSentence(%q) = %v, want %v", s, got, want)
		}
	}
}

// normalizeTitleSlow is normalizeTitle without its fast path.
func normalizeTitleSlow(t string) string {
	words := strings.Fields(t)
	for i, w := range words {
		switch w {
		case "PM":
			words[i] = "Prime Minister"
			continue
		case "FM":
			words[i] = "Foreign Minister"
			continue
		case "EAM":
			words[i] = "External Affairs Minister"
			continue
		}
		if w == "" || connectors[w] {
			continue
		}
		if titleHeads[strings.ToLower(w)] || titleWords[strings.ToLower(w)] {
			words[i] = strings.ToUpper(w[:1]) + w[1:]
		}
	}
	return strings.Join(words, " ")
}

// skipSentenceSlow is skipSentence as it was, lower-casing the sentence.
func skipSentenceSlow(s string) bool {
	l := strings.ToLower(s)
	for _, k := range []string{"overview", "as follows", "attributable", "following readout", "provided the following",
		"for more information", "photo", "click here"} {
		if strings.Contains(l, k) {
			return reSkip.MatchString(s)
		}
	}
	return false
}

// introTopicPhraseSlow is introTopicPhrase as it was, trying every part
// with the regexp and the first part twice.
func introTopicPhraseSlow(intro string) string {
	last := intro
	if parts := strings.SplitAfter(strings.TrimSpace(intro), ","); len(parts) > 0 {
		for _, p := range parts {
			if m := reIntroTopic.FindStringSubmatch(strings.TrimSpace(p)); m != nil {
				return shortTopic(m[1])
			}
		}
		last = parts[0]
	}
	if m := reIntroTopic.FindStringSubmatch(strings.TrimSpace(last)); m != nil {
		return shortTopic(m[1])
	}
	return ""
}

// hasSubstanceSlow is hasSubstance as it was, lower-casing the sentence.
func hasSubstanceSlow(s string) bool {
	l := strings.ToLower(s)
	for _, k := range []string{"discuss", "about the", "regarding", "concerning", "agreed", "exchanged", "reviewed", "focused", "addressed"} {
		if strings.Contains(l, k) {
			return reSubstance.MatchString(s)
		}
	}
	return false
}

// inASCIIRef is foldSet.inASCII as first written: the first byte's table,
// then each word that starts with it.
func inASCIIRef(fs *foldSet, s string, stop bool) (found, ascii bool) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 && stop {
			return false, false
		}
		m := fs.first[c]
		if m == 0 || i+1 == len(s) {
			continue
		}
		c2 := lowerASCII(s[i+1])
		for m != 0 {
			k := bits.TrailingZeros32(m)
			m &^= 1 << k
			if w := fs.words[k]; w[1] == c2 && hasPrefixFoldASCII(s[i:], w) {
				return true, true
			}
		}
	}
	return false, true
}

// foldSets are the sets inASCII is asked about, and one with words that
// start alike and hold no letters.
var foldSets = []*foldSet{skipMarkSet, substanceMarks, jointPlurals, newFoldSet("a1", "ab", "a b", "  ", "1-", "zz")}

func checkInASCII(t *testing.T, s string) {
	t.Helper()
	for i, fs := range foldSets {
		for _, stop := range []bool{false, true} {
			gf, ga := fs.inASCII(s, stop)
			wf, wa := inASCIIRef(fs, s, stop)
			if gf != wf || ga != wa {
				t.Fatalf("set %d inASCII(%q, %v) = %v, %v, want %v, %v", i, s, stop, gf, ga, wf, wa)
			}
		}
	}
}

func TestFoldSetMatchesReference(t *testing.T) {
	texts := append(fastSamples(t), "", "a", "é", "Overview é", "é overview", "OVERVIEW", "photo", "PHOTO.", "ab\x80",
		"A B", "xa1", "zz", "z", "as follows\xff", "Agreed", "they discuss")
	for _, s := range texts {
		checkInASCII(t, s)
		for i := 0; i <= len(s) && len(s) <= 600; i++ {
			checkInASCII(t, s[i:]) // every suffix: the word at the very end, a cut rune
		}
	}
}

func FuzzFoldSet(f *testing.F) {
	for _, s := range []string{"overview of the", "Photo é", "a b", "about the Ministers"} {
		f.Add(s)
	}
	f.Fuzz(checkInASCII)
}
