package knowledge

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// participants collects the principals from the meeting sentence and the
// headline, merges repeated mentions, and fills names and affiliations the
// readout gives elsewhere.
func (d *doc) participants(mi int) []Participant {
	var ps []Participant
	bodyFold := ""
	add := func(m mention, fromTitle bool) {
		if !d.isPrincipal(m) {
			return
		}
		// "at the Prime Minister's Office", "since the President's
		// inauguration": in the body a possessive office is not a person met.
		if !fromTitle && m.office && m.poss {
			return
		}
		// "in Manado, North Sulawesi": a bare name after a place and a
		// comma is the place's region.
		if !fromTitle && !m.office && m.title == "" && !m.hon && m.end <= len(d.part) &&
			reInPlaceComma.MatchString(d.part[:m.start]) && endsPhrase(d.part[m.end:]) {
			return
		}
		// "BOGOR PALACE, West Java – President X received ...", "Riyadh,
		// Dhu al-Hijjah 5, 1447, SPA -- ...": a bare name in the dateline
		// is a place or a calendar's month, not someone met.
		if !fromTitle && !m.office && m.title == "" && !m.hon && m.end <= leadDatelineEnd(d.part) {
			return
		}
		// "in the Speaker's Chambers", "at SBP Head Office, Karachi": a
		// venue named after an office is not its holder.
		if !fromTitle && !m.hon && m.title != "" && (venueAfterOffice(d.part, m) || venueNouns[lastWordFold(m.title)] && !strings.Contains(m.title, " of ")) {
			return
		}
		// "at the Presidential Palace, President X received": a building
		// is no one's name.
		if !fromTitle && !m.hon && !m.office && buildingNouns[lastWordFold(m.name)] {
			return
		}
		// "the official residence of the Prime Minister": an office that
		// names whose building it is.
		if !fromTitle && m.office && m.start <= len(d.part) && reBuildingOf.MatchString(d.part[:m.start]) {
			return
		}
		if fromTitle && !m.office && m.title == "" && !m.hon {
			if bodyFold == "" {
				bodyFold = foldName(d.body)
			}
			if !strings.Contains(bodyFold, foldName(m.name)) {
				return
			}
		}
		// "at a venue to be chosen by the incoming Chair", "thanked the
		// outgoing Chair": an office in a rotation, held by no one met.
		if !fromTitle && m.office && m.start <= len(d.part) && rotationWords[lastWordFold(d.part[:m.start])] {
			return
		}
		// "Fund head meets finance minister": a headline in lower case
		// names an office, not a principal.
		if fromTitle && m.office && m.aff == "" && m.nameStart <= m.end && m.end <= len(d.title) && lowerHead(d.title[m.nameStart:m.end]) {
			return
		}
		// "UNHCR chief urges ...": the head the body names.
		if fromTitle && plainHeadOf(ps, m) {
			return
		}
		p := Participant{Name: cleanName(m.name), Title: trimCounterpart(m.title), Affiliation: agencyOf(m.title, m.aff)}
		// "a delegation from the Republic of Ghana led by the Minister for
		// Energy, X": the leader is of the delegation's country.
		if p.Affiliation == "" && !fromTitle && m.start <= len(d.part) {
			p.Affiliation = delegationCountry(d.part[:m.start])
		}
		if m.office {
			p.Name = ""
			// "met with Chile's Foreign Minister": the country is the office's.
			if p.Affiliation == "" {
				phrase := d.part
				if fromTitle {
					phrase = d.title
				}
				p.Affiliation = possessiveCountryBefore(phrase, m.start)
			}
		}
		// "meets Deputy Commissioner for Oceans" over a body that names
		// "the Deputy Commissioner for Oceans, Ms Ana Ruiz", or "Hong Kong
		// talks" over "the Chief Executive of Hong Kong, Mr X": the words
		// are an office's, whose holder is already a participant.
		if fromTitle && p.Name != "" && slices.ContainsFunc(ps, func(q Participant) bool {
			return q.Name != "" && !shareToken(q.Name, p.Name) && countWord(foldName(q.Title), foldName(p.Name)) > 0
		}) {
			return
		}
		best := -1
		for i := range ps {
			// Within the meeting sentence an office and a named person are
			// two people ("The Prime Minister spoke to Prime Minister Dahl").
			if !fromTitle && (p.Name == "") != (ps[i].Name == "") {
				continue
			}
			if samePerson(ps[i], p) {
				// A name joins the record with that name before an office.
				if p.Name != "" && best >= 0 && ps[best].Name == "" && ps[i].Name != "" {
					best = i
					continue
				}
				// An office with a country joins the principal of that country
				// before one whose country is not known yet.
				if best < 0 || p.Affiliation != "" && ps[i].Affiliation == p.Affiliation && ps[best].Affiliation != p.Affiliation {
					best = i
				} else if fromTitle && p.Name == "" && p.Affiliation != "" && ps[best].Name == "" && ps[best].Affiliation == "" && ps[i].Name != "" && ps[i].Affiliation == "" {
					// "PM meeting with Prime Minister of Poland" over "The Prime
					// Minister met Prime Minister Tusk": the headline's office
					// with a country is the one the body names; the bare office
					// is the publisher's own principal.
					best = i
				}
			}
		}
		if best < 0 && fromTitle && p.Name == "" {
			// "UN chief meets Japanese PM" over a body that names them
			// otherwise: the one principal of the country is the office's
			// holder, and a "head" or "chief" matching no one is a
			// headline's word for someone the body names.
			if p.Affiliation != "" {
				for i := range ps {
					aff := ps[i].Affiliation
					if aff == "" {
						aff = defaultAffiliation(ps[i].Title)
					}
					if aff == p.Affiliation {
						if best >= 0 {
							best = -2 // two of that country: which one is not known
							break
						}
						best = i
					}
				}
			}
			if best < 0 && len(ps) >= 2 && informalOffice(p.Title) {
				return
			}
		}
		if best >= 0 {
			ps[best] = mergePerson(ps[best], p, fromTitle)
			return
		}
		ps = append(ps, p)
	}
	// Mentions in the meeting sentence, then in the next sentence when the
	// first names only one side.
	for _, m := range joinOfficeApposition(d.part, joinSplitOffices(d.part, d.ments.find(d.part))) {
		add(m, false)
	}
	for _, m := range d.ments.find(d.title) {
		add(m, true)
	}
	// A header line such as "António Guterres, Secretary-General" names an
	// office that the body leaves unnamed.
	for i := range ps {
		if ps[i].Name != "" {
			continue
		}
		for _, line := range append(append([]string{}, d.header...), d.trailer...) {
			for _, m := range d.ments.find(line) {
				if !m.office && m.title != "" && sameOffice(m.title, ps[i].Title) && !isStaffTitle(m.title) {
					ps[i].Name = cleanName(m.name)
				}
			}
		}
	}
	d.nameOffices(ps)
	respectiveCountries(d.part, ps)
	for i := range ps {
		portfolioList(d.part, &ps[i])
	}
	d.attendeeCountries(ps)
	counterpartTitles(d.part, ps)
	pluralOfficeTitles(d.part, ps)
	interleavedPluralOffice(d.part, ps)
	for i := range ps {
		if ps[i].Affiliation == "" {
			ps[i].Affiliation = defaultAffiliation(ps[i].Title)
		}
		if ps[i].Affiliation == "" && ps[i].Name != "" {
			ps[i].Title, ps[i].Affiliation = d.orgOffice(ps[i].Title)
		}
	}
	// "Executive Secretary of the Southern African Development Community
	// (SADC)": an institution written out with its acronym is the holder's
	// own, before any country the text is written from.
	for i := range ps {
		if ps[i].Affiliation == "" && strings.HasSuffix(ps[i].Title, ")") {
			ps[i].Title, ps[i].Affiliation = officeOfOrg(ps[i].Title)
		}
	}
	d.fillAffiliations(ps)
	for i := range ps {
		if ps[i].Affiliation == "" {
			ps[i].Title, ps[i].Affiliation = officeOfOrg(ps[i].Title)
		}
	}
	// Dedupe again: names filled from headers may repeat a named participant.
	out := ps[:0]
	for _, p := range ps {
		if p.Name == "" && (strings.EqualFold(p.Title, "counterpart") || strings.EqualFold(p.Title, "counterparts")) {
			continue // "meets Singapore counterpart": the other side, named in the body
		}
		if p.Title == "" && p.Name != "" && slices.ContainsFunc(ps, func(q Participant) bool {
			return q.Name != p.Name && strings.HasPrefix(q.Affiliation, p.Name+" ")
		}) {
			continue // "Coastal Resilience" of "Coastal Resilience Fund Managing Director X": the institution's name
		}
		dup := false
		for j := range out {
			if p.Name != "" && out[j].Name != "" && samePerson(out[j], p) {
				out[j] = mergePerson(out[j], p, false)
				dup = true
			}
		}
		if !dup {
			out = append(out, p)
		}
	}
	return out
}

// cleanName drops honorifics and stray punctuation left on a name.
func cleanName(n string) string {
	if singleSpaced(n) {
		return cleanSpacedName(n)
	}
	return cleanNameFields(n)
}

// singleSpaced says whether an ASCII text is words joined by single
// spaces: strings.Join(strings.Fields(n), " ") is n itself.
func singleSpaced(n string) bool {
	if n == "" || n[0] == ' ' || n[len(n)-1] == ' ' {
		return false
	}
	for i := 0; i < len(n); i++ {
		c := n[i]
		if c >= utf8.RuneSelf || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == ' ' && n[i+1] == ' ' {
			return false
		}
	}
	return true
}

// cleanSpacedName is cleanNameFields for a singleSpaced name, which it
// cuts rather than splits and joins.
func cleanSpacedName(n string) string {
	for {
		first, rest, ok := strings.Cut(n, " ")
		if hon, _ := lookupKey(honorifics, first); !hon {
			break
		}
		if !ok {
			n = ""
			break
		}
		n = rest
	}
	for {
		i := strings.LastIndexByte(n, ' ')
		if i < 0 || !postNominals[strings.Trim(n[i+1:], ",.")] {
			break
		}
		n = n[:i]
	}
	return givenNameFirst(cutPeerSeat(strings.Trim(n, " ,;:")))
}

// cleanNameFields is cleanName for any name.
func cleanNameFields(n string) string {
	fields := strings.Fields(n)
	for len(fields) > 0 && honorifics[tokenKey(fields[0])] {
		fields = fields[1:]
	}
	for len(fields) > 1 && postNominals[strings.Trim(fields[len(fields)-1], ",.")] {
		fields = fields[:len(fields)-1]
	}
	return givenNameFirst(cutPeerSeat(strings.Trim(strings.Join(fields, " "), " ,;:")))
}

// postNominals are letters written after a name that are not part of it
// ("the Hon. Anthony Albanese MP").
var postNominals = setOf("MP", "MPs", "QC", "KC", "MEP", "MLA", "MHA", "TD", "OBE", "CBE", "KBE", "MBE", "KCMG", "GCMG", "CMG", "PC", "AC", "AO", "GCB", "KG", "OM", "MSP", "MS",
	"KCB", "KCVO", "GCVO", "DBE", "GBE", "CH", "CB", "CVO", "SC", "SAN", "MNA", "MPP", "MLC", "GCON", "CFR", "OFR", "OON")

// givenNameFirst writes a name whose family name is marked by capitals and
// put first ("KISHIDA Fumio", as Japan's releases write it) in the order most
// readouts use ("Fumio Kishida"), so one person has one name across
// readouts. Other family-name-first names (Chinese, Korean) carry no such
// mark and stay as written.
func givenNameFirst(n string) string {
	if singleSpaced(n) && strings.Count(n, " ") != 1 {
		return n // not two words
	}
	f := strings.Fields(n)
	if len(f) != 2 || !allCaps(f[0]) || allCaps(f[1]) || strings.Contains(f[1], "-") {
		return n
	}
	fam := []rune(strings.ToLower(f[0]))
	fam[0] = unicode.ToUpper(fam[0])
	return f[1] + " " + string(fam)
}

// allCaps says whether a word of three or more letters is all capitals.
func allCaps(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsLetter(r) || !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 3
}

// nameTokens are the folded words of a name that identify a person.
func nameTokens(n string) []string {
	f := foldName(n)
	if hasNonASCII(f) {
		var out []string
		for _, w := range strings.Fields(f) {
			if w = strings.Trim(w, ".,'"); isNameToken(w) {
				out = append(out, w)
			}
		}
		return out
	}
	// ASCII: the fields split at ASCII spaces, as strings.Fields would.
	var out []string
	for i := 0; i < len(f); {
		var w string
		w, i = nextASCIIField(f, i)
		if w = strings.Trim(w, ".,'"); isNameToken(w) {
			if out == nil {
				out = make([]string, 0, 4)
			}
			out = append(out, w)
		}
	}
	return out
}

// isNameToken says whether a folded, trimmed word of a name identifies a person.
func isNameToken(w string) bool {
	return len(w) > 1 && !particles[w] && !honorifics[w]
}

// nextASCIIField is the field of an ASCII string s that starts at or
// after i, and where the search for the next one starts; the field is ""
// at the end.
func nextASCIIField(s string, i int) (string, int) {
	for i < len(s) && isASCIISpace(s[i]) {
		i++
	}
	j := i
	for j < len(s) && !isASCIISpace(s[j]) {
		j++
	}
	return s[i:j], j
}

func isASCIISpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
}

// nameTokenCount is len(nameTokens(n)).
func nameTokenCount(n string) int {
	if hasNonASCII(n) {
		return len(nameTokens(n))
	}
	c := 0
	for i := 0; i < len(n); {
		var w string
		w, i = nextASCIIField(n, i)
		if isNameTokenFold(strings.Trim(w, ".,'")) {
			c++
		}
	}
	return c
}

// isNameTokenFold is isNameToken for an ASCII word in any case, without
// allocating for the lower-case form.
func isNameTokenFold(w string) bool {
	if len(w) <= 1 {
		return false
	}
	var buf [32]byte
	if len(w) > len(buf) {
		return isNameToken(strings.ToLower(w))
	}
	for k := 0; k < len(w); k++ {
		buf[k] = lowerASCII(w[k])
	}
	l := buf[:len(w)]
	return !particles[string(l)] && !honorifics[string(l)]
}

// shareToken says whether two names have a word that identifies a person
// in common.
func shareToken(a, b string) bool {
	if hasNonASCII(a) || hasNonASCII(b) {
		ta := nameTokens(a)
		for _, y := range nameTokens(b) {
			for _, x := range ta {
				if x == y {
					return true
				}
			}
		}
		return false
	}
	// ASCII names: compare the words in place, ignoring case.
	var arr [8]string
	ta := arr[:0]
	for i := 0; i < len(a); {
		var w string
		w, i = nextASCIIField(a, i)
		if w = strings.Trim(w, ".,'"); isNameTokenFold(w) {
			ta = append(ta, w)
		}
	}
	for i := 0; i < len(b); {
		var y string
		y, i = nextASCIIField(b, i)
		y = strings.Trim(y, ".,'")
		if len(y) <= 1 {
			continue
		}
		for _, x := range ta {
			if len(x) == len(y) && strings.EqualFold(x, y) && isNameTokenFold(y) {
				return true
			}
		}
	}
	return false
}

// reInPlaceComma ends a place phrase and a comma: "held in Manado, ".
// A venue may be longer and take an article: "at the Bogor Presidential
// Palace, ".
var reInPlaceComma = regexp.MustCompile(`\b(?:in|at|near)\s+(?:the\s+)?\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,3},\s*$`)

// endsPhrase says whether rest, the text after a mention, starts with the
// end of its phrase ("North Sulawesi." rather than "Macron met"), or with
// a word for a region ("West Java Province,").
func endsPhrase(rest string) bool {
	rest = strings.TrimLeft(rest, " ")
	if w, _, _ := strings.Cut(rest, " "); len(w) > 1 && strings.IndexByte(".,;:", w[len(w)-1]) >= 0 && regionWords[w[:len(w)-1]] {
		return true
	}
	return rest == "" || strings.IndexByte(".,;:)", rest[0]) >= 0
}

// regionWords name a part of a country after its proper name.
var regionWords = setOf("Province", "Region", "Prefecture", "State", "County", "District", "Governorate", "Oblast")

// samePerson says whether two participant records describe one person.
func samePerson(a, b Participant) bool {
	switch {
	case a.Name != "" && b.Name != "":
		return shareToken(a.Name, b.Name)
	case a.Name == "" && b.Name == "":
		return sameOffice(a.Title, b.Title) && (a.Affiliation == "" || b.Affiliation == "" || a.Affiliation == b.Affiliation)
	default:
		if a.Name == "" {
			a, b = b, a
		}
		// "Chairperson-in-Office" of the OSCE is the Swiss minister whose
		// title reads "OSCE Chairperson-in-Office; ...".
		return sameOffice(a.Title, b.Title) && (a.Affiliation == b.Affiliation || a.Affiliation == "" || b.Affiliation == "" ||
			strings.Contains(a.Title, b.Affiliation+" "))
	}
}

// sameOffice says whether two offices are one: the same words once filler
// is dropped ("Foreign Minister" = "Minister of Foreign Affairs",
// "Secretary General" = "Secretary-General"), or one adding detail to the
// other ("President" = "President of the European Council"), but never
// across ranks ("Prime Minister" and "Minister", "Deputy Secretary" and
// "Secretary").
func sameOffice(a, b string) bool {
	// A double office ("Deputy Prime Minister and Minister of Foreign
	// Affairs") is either of its offices.
	for _, t := range [2]*string{&a, &b} {
		// Two offices held together: "Deputy Prime Minister and Minister
		// of Foreign Affairs", "OSCE Chairperson-in-Office; Federal Councillor".
		if i, n := officeJoin(*t); i > 0 {
			x, y := (*t)[:i], (*t)[i+n:]
			if t == &a {
				return sameOffice(x, b) || sameOffice(y, b)
			}
			return sameOffice(a, x) || sameOffice(a, y)
		}
	}
	oa, ob := officeOf(a), officeOf(b)
	if len(oa.words) == 0 || len(ob.words) == 0 || oa.ranks != ob.ranks {
		return false
	}
	if len(oa.words) > len(ob.words) {
		oa, ob = ob, oa
	}
	for w := range oa.words {
		if !ob.words[w] {
			return false
		}
	}
	return oa.head
}

// officeJoin is where the first " and " or "; " joining two offices is in
// t, and its length.
func officeJoin(t string) (int, int) {
	if i := strings.Index(t, "; "); i > 0 {
		return i, 2
	}
	if i := strings.Index(t, " and "); i > 0 {
		return i, 5
	}
	return -1, 0
}

// officeRanks are words that make a different office, not more detail.
var officeRanks = setOf("deputy", "vice", "under", "assistant", "acting", "senior", "state", "first", "junior",
	"associate", "prime", "high", "chief", "special", "permanent", "foreign", "defence", "defense", "general")

// officeFiller are words dropped when comparing offices.
var officeFiller = setOf("of", "the", "for", "and", "affairs", "&", "/", "on", "to")

// officeSpacer and dashSpacer are built once: a Replacer is costly to make.
var (
	officeSpacer = strings.NewReplacer("-", " ", "’", "'", "/", " ", ",", " ")
	dashSpacer   = strings.NewReplacer("-", " - ", "–", " - ")
)

// officeWords is the set of words of an office; callers only read it, as
// it is shared.
func officeWords(t string) map[string]bool { return officeOf(t).words }

// officeInfo is what sameOffice needs to know of an office's words.
type officeInfo struct {
	words map[string]bool // officeWords
	ranks uint32          // which officeRankList words it has
	head  bool            // whether a word heads an office (titleHeads)
}

// officeRankList is officeRanks in a fixed order, for officeInfo.ranks.
var officeRankList = func() []string {
	l := make([]string, 0, len(officeRanks))
	for w := range officeRanks {
		l = append(l, w)
	}
	sort.Strings(l)
	if len(l) > 32 {
		panic("knowledge: more office ranks than bits")
	}
	return l
}()

// offices keeps the officeInfo of the titles seen, up to maxOffices of them:
// readouts use few distinct titles, and working one out costs a fold, a
// replace, a split and a map.
var offices struct {
	sync.RWMutex
	m map[string]*officeInfo
}

const maxOffices = 1 << 14

// officeOf is the officeInfo of title t, worked out once.
func officeOf(t string) *officeInfo {
	offices.RLock()
	o, ok := offices.m[t]
	offices.RUnlock()
	if ok {
		return o
	}
	o = &officeInfo{words: newOfficeWords(t)}
	for i, w := range officeRankList {
		if o.words[w] {
			o.ranks |= 1 << i
		}
	}
	for w := range o.words {
		o.head = o.head || titleHeads[w]
	}
	offices.Lock()
	if offices.m == nil {
		offices.m = map[string]*officeInfo{}
	}
	if len(offices.m) < maxOffices {
		offices.m[strings.Clone(t)] = o // not a slice of the readout, which it would keep
	}
	offices.Unlock()
	return o
}

// newOfficeWords is the set of words of an office, folded, abbreviations
// expanded ("PM" -> prime minister).
func newOfficeWords(t string) map[string]bool {

	f := strings.Fields(officeSpacer.Replace(foldName(t)))
	out := make(map[string]bool, len(f)+1)
	for _, w := range f {
		switch w {
		case "pm":
			out["prime"], out["minister"] = true, true
		case "fm":
			out["foreign"], out["minister"] = true, true
		case "eam":
			out["external"], out["minister"] = true, true
		case "sg":
			out["secretary"], out["general"] = true, true
		default:
			if !officeFiller[w] {
				out[w] = true
			}
		}
	}
	return out
}

// mergePerson combines two records of one person: the longer name, the
// body's title, the first known affiliation.
func mergePerson(a, b Participant, bFromTitle bool) Participant {
	if nameTokenCount(b.Name) > nameTokenCount(a.Name) {
		a.Name = b.Name
	}
	if a.Title == "" || !bFromTitle && b.Title != "" && len(b.Title) > len(a.Title) {
		a.Title = b.Title
	}
	if a.Affiliation == "" {
		a.Affiliation = b.Affiliation
	}
	return a
}

// fillAffiliations gives unaffiliated principals an affiliation the
// readout implies: an office named with a country elsewhere ("The Russian
// President"), the issuing country (dateline or source), the country paired
// with a known one ("between Singapore and Malaysia", "ROK-Japan"), the host
// country of the meeting's venue, or a country the headline names.
func (d *doc) fillAffiliations(ps []Participant) {
	taken := map[string]bool{}
	for _, p := range ps {
		taken[p.Affiliation] = p.Affiliation != ""
	}
	give := func(c string) bool {
		if c == "" || taken[c] {
			return false
		}
		for i := range ps {
			if ps[i].Affiliation == "" {
				ps[i].Affiliation = c
				taken[c] = true
				return true
			}
		}
		return false
	}
	missing := func() bool {
		for _, p := range ps {
			if p.Affiliation == "" {
				return true
			}
		}
		return false
	}
	if !missing() {
		return
	}
	// "The Russian President stressed ...": an office with a country that no
	// principal holds is the unaffiliated principal's.
	for k, s := range d.sents {
		if k > 40 {
			break
		}
		for _, m := range d.ments.find(s.text) {
			if !m.office || m.aff == "" || taken[m.aff] || m.lower {
				continue
			}
			for i := range ps {
				if ps[i].Affiliation == "" && (ps[i].Title == "" || officeMatches(m.title, ps[i].Title)) {
					ps[i].Affiliation = m.aff
					taken[m.aff] = true
					if ps[i].Title == "" {
						ps[i].Title = m.title
					}
					break
				}
			}
		}
		if !missing() {
			return
		}
	}
	// "U.S. Ambassador to Viet Nam": the host country is the other side's.
	for _, p := range ps {
		if i := strings.Index(p.Title, " to "); i > 0 {
			for _, c := range countriesIn(p.Title[i+4:]) {
				give(c)
			}
		}
	}
	if !missing() {
		return
	}
	// A well-known principal whose own release does not name their country.
	for i := range ps {
		if ps[i].Affiliation == "" && ps[i].Name != "" {
			if c := knownLeader(ps[i].Name); c != "" && !taken[c] {
				ps[i].Affiliation = c
				taken[c] = true
			}
		}
	}
	if !missing() {
		return
	}
	give(d.issuerCountry())
	if !missing() {
		return
	}
	for _, pair := range countryPairs(d.title + "\n" + d.body) {
		switch {
		case taken[pair[0]] && !taken[pair[1]]:
			give(pair[1])
		case taken[pair[1]] && !taken[pair[0]]:
			give(pair[0])
		}
		if !missing() {
			return
		}
	}
	if d.loc != "" && !reMultilateral.MatchString(d.meet+" "+d.loc) {
		// A bilateral meeting in a capital is hosted by that country.
		if p, ok := lookupPlace(d.loc); ok && p.isCity {
			give(p.country)
		} else {
			for _, c := range countriesIn(d.loc) {
				give(c)
			}
			// "the Foreign Office, Berlin": a venue in a city.
			for _, c := range cityCountries(d.loc) {
				give(c)
			}
		}
	}
	for _, c := range countriesIn(strings.ReplaceAll(d.title, "-", " ")) {
		give(c)
	}
	// Last, a country the text names as an actor rather than as a place
	// things happen in: "welcomed Japanese investment", not "war in Ukraine".
	for _, c := range actorCountries(d.body) {
		if !missing() {
			return
		}
		give(c)
	}
	// "presented Finnish expertise ... at 10.00 Finnish time ... one of
	// Finland's partners": the country the text names most, when no other
	// is named as often, is the remaining principal's.
	if missing() {
		give(dominantCountry(d.title+"\n"+d.body, taken))
	}
}

// dominantCountry is the country (by name or demonym) not in taken that s
// names most often, more often than any other and twice at least unless
// it is the only one, or "".
func dominantCountry(s string, taken map[string]bool) string {
	bp, toks := scratchTokenize(s)
	defer releaseTokens(bp, toks)
	classify(toks)
	count := map[string]int{}
	for i, t := range toks {
		if t.class == cPlace && t.placeLen > 0 && !t.place.isOrg && !t.place.isCity && t.place.name != "" && !taken[t.place.name] {
			// "the upcoming summit in Switzerland": where an event is, not
			// whose it is.
			k := i - 1
			if k >= 0 && toks[k].key == "the" {
				k--
			}
			if k >= 0 && (toks[k].key == "in" || toks[k].key == "at") {
				continue
			}
			// "the South China Sea", "the Gulf of Mexico": a body of water.
			if j := i + max(t.placeLen, 1); j < len(toks) && waterWords[toks[j].key] ||
				i >= 2 && toks[i-1].key == "of" && waterWords[toks[i-2].key] {
				continue
			}
			count[t.place.name]++
		}
	}
	best, n, ties := "", 0, 0
	for c, k := range count {
		switch {
		case k > n:
			best, n, ties = c, k, 1
		case k == n:
			ties++
		}
	}
	// Once is enough when no other country is named at all ("invited
	// Honduran students").
	if n < 2 && len(count) > 1 || ties > 1 {
		return ""
	}
	return best
}

// reMultilateral marks meetings at an event, whose venue says nothing
// about who hosted.
var reMultilateral = regexp.MustCompile(`(?i)\b(?:margins?|sidelines?|summit|conference|forum|occasion|attend\w*|session|assembly|G\d+)\b`)

// subjectLead are words after which a country begins a clause as its
// subject ("..., and Finland is concerned", "said that China will").
var subjectLead = setOf(".", ",", ";", ":", "that", "and", "while", "whereas", "but", "as", "(")

// actorCountries lists countries named as the subject of a clause, not as
// the place where things happen or the object of an action.
func actorCountries(s string) []string {
	var out []string
	seen := map[string]bool{}
	bp, toks := scratchTokenize(s)
	defer releaseTokens(bp, toks)
	classify(toks)
	for i, t := range toks {
		if t.class != cPlace || t.placeLen == 0 || t.place.isOrg || t.place.isCity || seen[t.place.name] {
			continue
		}
		k := i - 1
		if k >= 0 && toks[k].key == "the" {
			k--
		}
		if k >= 0 && !subjectLead[toks[k].key] {
			continue
		}
		seen[t.place.name] = true
		out = append(out, t.place.name)
	}
	return out
}

// issuerCountry is the country of the dateline ("Washington, DC", "New
// Delhi", "10 Downing Street") or of the source.
func (d *doc) issuerCountry() string {
	if len(d.sents) > 0 {
		// "MANILA – Foreign Affairs Secretary ...": a dateline opening the text.
		if m := leadDateline(d.sents[0].text); m != nil {
			if p, ok := lookupPlace(titleCase(m[1])); ok && p.isCity && !d.summitIn(titleCase(m[1])) {
				return p.country
			}
		}
		// "MALACAÑAN PALACE, Manila – ": the dateline's city after a venue.
		if end := leadDatelineEnd(d.sents[0].text); end > 0 {
			if c, city := lineIssuer(d.sents[0].text[:end], false); c != "" && !d.summitIn(city) {
				return c
			}
		}
	}
	lines := append(append(append(append([]string{}, d.header...), d.trailer...), d.labels...), d.r.Source)
	for _, line := range lines {
		if len(line) > 80 {
			continue
		}
		if c, city := lineIssuer(line, line == d.r.Source); c != "" && !d.summitIn(city) {
			return c
		}
	}
	return ""
}

// summitIn says whether the meeting took place at an event held in city
// ("on the margins of the Forum Leaders Meeting in Koror"): a dateline
// there names the host of the event, not the publisher.
func (d *doc) summitIn(city string) bool {
	return city != "" && strings.Contains(strings.ToLower(d.meet), strings.ToLower(city)) && reMultilateral.MatchString(d.meet)
}

// lineIssuer is the country of the first city a line names, with the
// city as written, or the first country when the line is the source.
func lineIssuer(line string, isSource bool) (country, city string) {
	bp, toks := scratchTokenize(line)
	defer releaseTokens(bp, toks)
	classify(toks)
	for i, t := range toks {
		if t.class == cPlace && t.placeLen > 0 && t.place.name != "" {
			if t.place.isCity {
				return t.place.country, line[t.start:toks[i+t.placeLen-1].end]
			}
			if !t.place.isOrg && isSource {
				return t.place.name, ""
			}
		}
	}
	return "", ""
}

// countryPairs lists pairs of countries (or a country and an
// organisation) written together: "X and Y", "between X and Y", "X-Y",
// "United States-Japan", "Kenyan and Ugandan".
func countryPairs(s string) [][2]string {
	var out [][2]string
	bp, toks := scratchTokenize(dashSpacer.Replace(s))
	defer releaseTokens(bp, toks)
	classify(toks)
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.class != cPlace || t.placeLen == 0 || t.place.isCity {
			continue
		}
		j := i + t.placeLen
		if j+1 < len(toks) && (toks[j].key == "and" || toks[j].s == "/" || toks[j].s == "-") {
			u := toks[j+1]
			if toks[j].s == "-" && (i > 0 && toks[i-1].s == "-" || j+1+u.placeLen < len(toks) && toks[j+1+u.placeLen].s == "-") {
				continue // "Korea-Japan-China": three countries, not a pair
			}
			if u.class == cPlace && u.placeLen > 0 && !u.place.isCity && u.place.name != t.place.name &&
				(!t.place.isOrg || !u.place.isOrg) {
				out = append(out, [2]string{t.place.name, u.place.name})
			}
		}
	}
	return out
}

// cityCountries lists the countries of the cities a text names, first
// mention first.
func cityCountries(s string) []string {
	var out []string
	toks := tokenize(s)
	classify(toks)
	for _, t := range toks {
		if t.class == cPlace && t.placeLen > 0 && t.place.isCity && t.place.country != "" && !slices.Contains(out, t.place.country) {
			out = append(out, t.place.country)
		}
	}
	return out
}

// countriesIn lists the countries a text names, first mention first.
func countriesIn(s string) []string {
	var out []string
	seen := map[string]bool{}
	bp, toks := scratchTokenize(s)
	defer releaseTokens(bp, toks)
	classify(toks)
	for _, t := range toks {
		if t.class == cPlace && t.placeLen > 0 && !t.place.isOrg && !t.place.isCity && t.place.name != "" && !seen[t.place.name] {
			seen[t.place.name] = true
			out = append(out, t.place.name)
		}
	}
	return out
}

// orgNouns end the name of an institution whose head is named by it:
// "Global Water Fund Executive Director".
var orgNouns = setOf("bank", "fund", "group", "organization", "organisation", "agency", "programme", "program",
	"institute", "foundation", "association", "partnership", "facility", "corporation", "secretariat", "alliance")

// orgOffice splits an office written after its institution ("Fund
// Executive Director", from "Global Water Fund Executive Director X") into
// the office and the institution's full name as the readout writes it: the
// head of an organisation belongs to the organisation. It returns title and
// "" when the title names no institution.
func (d *doc) orgOffice(title string) (string, string) {
	words := strings.Fields(title)
	head := -1
	for i, w := range words {
		if titleHeads[strings.ToLower(w)] {
			head = i
			break
		}
	}
	k := head - 1
	for k >= 0 && !orgNouns[strings.ToLower(words[k])] {
		k--
	}
	if k < 0 {
		return title, ""
	}
	prefix, office := strings.Join(words[:k+1], " "), strings.Join(words[k+1:], " ")
	at := strings.Index(d.body, prefix+" "+office)
	if at < 0 {
		return title, ""
	}
	// The capitalised words before the prefix are the rest of the name.
	start := at
	for start > 0 && d.body[start-1] == ' ' {
		j := strings.LastIndexAny(d.body[:start-1], " \n") + 1
		w := d.body[j : start-1]
		if !isCapitalized(w) || nonNames[strings.ToLower(w)] || strings.ContainsAny(w, ".,;:") {
			break
		}
		start = j
	}
	org := d.body[start : at+len(prefix)]
	if p, ok := lookupPlace(org); ok && p.isOrg {
		org = p.name
	}
	return office, org
}

// lowerHead says whether the last word of an office that can head one is
// written in lower case ("Fund head", "finance minister").
func lowerHead(office string) bool {
	head := ""
	for _, w := range strings.Fields(office) {
		if titleHeads[tokenKey(w)] {
			head = w
		}
	}
	return head != "" && !isCapitalized(head)
}

// reOfficeOfOrg is an office and the institution it heads: "Secretary-General
// of the Andean Forum", "Director of the Lowy Institute".
var reOfficeOfOrg = regexp.MustCompile(`^(.*\S) (?:of|at) (?:the )?((?:\p{Lu}[\p{L}'’.&-]*\s+){1,5}(?:Forum|Institute|Bank|Fund|Foundation|Organization|Organisation|Agency|Alliance|Association|Federation|Community|Union|League|Council|Commission|Centre|Center|Secretariat|Programme|Program|Partnership|Facility|Corporation|Group|University|Initiative)(?: \(\p{Lu}[\p{Lu}\d&-]+\))?)$`)

// officeOfOrg splits an office from the institution it is of, which is the
// holder's affiliation; it returns title and "" when the title names no
// institution.
func officeOfOrg(title string) (string, string) {
	m := reOfficeOfOrg.FindStringSubmatch(title)
	if m == nil || !titleHeads[tokenKey(lastField(m[1]))] {
		return title, ""
	}
	org := m[2]
	if p, ok := lookupPlace(org); ok {
		if !p.isOrg {
			return title, ""
		}
		org = p.name
	}
	return m[1], org
}

// lastField is the last space-separated word of s.
func lastField(s string) string {
	return s[strings.LastIndexByte(s, ' ')+1:]
}

// possessiveCountryBefore is the country (or organisation) written in the
// possessive right before byte at of s ("Chile's " in "met Chile's Foreign
// Minister"), or "".
func possessiveCountryBefore(s string, at int) string {
	if at <= 0 || at > len(s) {
		return ""
	}
	from := max(0, at-60)
	for from > 0 && !utf8.RuneStart(s[from]) {
		from++
	}
	bp, toks := scratchTokenize(s[from:at])
	defer releaseTokens(bp, toks)
	classify(toks)
	n := len(toks)
	if n == 0 || !toks[n-1].poss || toks[n-1].class != cPlace {
		return ""
	}
	for k := n - 1; k >= 0 && toks[k].class == cPlace; k-- {
		if toks[k].placeLen > 0 {
			if k+toks[k].placeLen == n && !toks[k].place.isCity && !toks[k].place.isAdj {
				return toks[k].place.name
			}
			return ""
		}
	}
	return ""
}

// nameOffices gives a principal named only by office and country ("the
// Foreign Minister of Chile") the name the readout gives the holder of that
// office elsewhere ("Foreign Minister Ana Soto of Chile said ..."), so one
// person is one participant with a name. The holder must be of the same
// country, or stand as the subject of a sentence with no country named;
// two such holders with different names leave the office unnamed.
func (d *doc) nameOffices(ps []Participant) {
	for i := range ps {
		if ps[i].Name != "" || ps[i].Affiliation == "" || ps[i].Title == "" {
			continue
		}
		name := ""
		for k, s := range d.sents {
			if k > 40 {
				break
			}
			for _, m := range d.ments.find(s.text) {
				if m.office || m.poss || m.name == "" || m.title == "" || !sameOffice(m.title, ps[i].Title) || fieldCount(m.name, 2) < 2 && !m.hon {
					continue
				}
				if m.aff != ps[i].Affiliation && (m.aff != "" || !opensSentence(s.text, m.start)) {
					continue
				}
				n := cleanName(m.name)
				if slices.ContainsFunc(ps, func(q Participant) bool { return q.Name != "" && shareToken(q.Name, n) }) {
					continue
				}
				switch {
				case name == "":
					name = n
				case !shareToken(name, n):
					name = "-" // two holders: which one is not known
				}
			}
		}
		if name != "" && name != "-" {
			ps[i].Name = name
		}
	}
}

// opensSentence says whether byte at of s starts its sentence, after at
// most "The" or a short opening phrase and its comma ("In response, ").
func opensSentence(s string, at int) bool {
	if at > len(s) {
		return false
	}
	pre := strings.TrimSpace(s[:at])
	if pre == "" || pre == "The" || pre == "the" {
		return true
	}
	return strings.HasSuffix(pre, ",") && fieldCount(pre, 4) <= 3 && strings.Count(pre, ",") == 1
}

// informalOffice says whether an office is a headline's loose word for a
// leader ("Fund Head", "UN Chief") rather than an office's name.
func informalOffice(t string) bool {
	w := strings.ToLower(lastField(t))
	return w == "head" || w == "chief" || w == "boss"
}

// rotationWords before an office name who holds it in turn, not who met.
var rotationWords = setOf("incoming", "outgoing", "next", "future", "previous", "past")

// lastWordFold is the last word of s, in lower case.
func lastWordFold(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.ToLower(f[len(f)-1])
}

// reDelegationLed is a delegation's country just before the office or
// name of the one who leads it: "a delegation from the Republic of Ghana
// led by the ".
// The leader may be named by rank or through the institution: "led by the
// First Deputy Speaker, Mr", "of the Asian Development Bank (ADB) led by
// its Vice-President".
var reDelegationLed = regexp.MustCompile(`delegation (?:from|of) (?:the )?(\p{Lu}[\p{L}'’ -]{1,40}?)(?: \(([A-Z][A-Za-z]{1,8})\))?,? (?:led|headed) by (?:the |its |their )?(?:(?:First|Second|Third|Senior|Acting) )?$`)

// delegationCountry is the country of the delegation that the text before
// a person says the person leads, or "".
func delegationCountry(before string) string {
	m := reDelegationLed.FindStringSubmatch(before)
	if m == nil {
		return ""
	}
	// "the Republic of Ghana": the longest known country that ends it.
	for w := strings.Fields(m[1]); len(w) > 0; w = w[1:] {
		if p, ok := lookupPlace(strings.Join(w, " ")); ok && !p.isOrg && !p.isCity && !p.isAdj {
			return p.name
		}
	}
	// "a delegation of the Asian Development Bank (ADB)": an institution
	// with its acronym is the leader's own.
	if m[2] != "" && strings.Contains(m[1], " ") {
		return m[1] + " (" + m[2] + ")"
	}
	return ""
}

// venueAfterOffice says whether mention m is a name written after an
// office's possessive ("the Speaker's Chambers", "the President's
// Office"): a room or building, not a person.
func venueAfterOffice(s string, m mention) bool {
	if m.office || m.nameStart < 3 || m.nameStart > len(s) {
		return false
	}
	head := s[:m.nameStart]
	return strings.HasSuffix(head, "'s ") || strings.HasSuffix(head, "’s ")
}

// venueNouns end the name of a building or a room ("Head Office"); an
// office of one ("Director of the Cabinet Office") has "of".
var venueNouns = setOf("office", "house", "building", "buildings", "chambers", "headquarters", "hall", "palace", "secretariat")

// reRespective is a list of demonyms before "counterparts" and the list of
// names after it: "his Argentine and Bolivian counterparts, A and B".
var reRespective = regexp.MustCompile(`\b((?:\p{Lu}[\p{L}]+,? )+)and (\p{Lu}[\p{L}]+) counterparts,? `)

// respectiveCountries gives each person named after "X and Y counterparts"
// the country of the demonym in the same place in the list: the first name
// is the first demonym's.
func respectiveCountries(part string, ps []Participant) {
	if !strings.Contains(part, " counterparts") {
		return // the literal reRespective needs
	}
	loc := reRespective.FindStringSubmatchIndex(part)
	if loc == nil {
		return
	}
	var countries []string
	for _, w := range append(strings.Fields(strings.ReplaceAll(part[loc[2]:loc[3]], ",", " ")), part[loc[4]:loc[5]]) {
		p, ok := lookupPlace(w)
		if !ok || p.isCity || p.isOrg {
			return
		}
		countries = append(countries, p.name)
	}
	names := part[loc[1]:]
	type at struct{ i, off int }
	var order []at
	for i, p := range ps {
		if p.Name == "" {
			continue
		}
		if off := strings.Index(names, p.Name); off >= 0 {
			order = append(order, at{i, off})
		}
	}
	if len(order) != len(countries) {
		return
	}
	slices.SortFunc(order, func(a, b at) int { return a.off - b.off })
	for k, o := range order {
		ps[o.i].Affiliation = countries[k]
	}
}

// rePortfolioList is the rest of a portfolio list after the first
// portfolio, and the country after it: ", Sports, Tourism and Youth of
// Mongolia,".
var rePortfolioList = regexp.MustCompile(`^((?:,\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?)+,?\s+and\s+\p{Lu}[\p{L}-]*)(?:\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3}))?[,.;]`)

// portfolioList completes a title written after the name whose portfolios
// are a list ("X, Minister of Culture, Sports, Tourism and Youth of
// Mongolia,"), and takes its country.
func portfolioList(part string, p *Participant) {
	if p.Name == "" || p.Title == "" {
		return
	}
	i := strings.Index(part, p.Name)
	if i < 0 {
		return
	}
	rest := part[i+len(p.Name):]
	j := strings.Index(rest, ", "+p.Title)
	if j < 0 || j > 40 {
		return
	}
	rest = rest[j+2+len(p.Title):]
	m := rePortfolioList.FindStringSubmatch(rest)
	if m == nil {
		return
	}
	p.Title += m[1]
	if m[2] == "" {
		return
	}
	if c := countryIn(m[2]); c != "" {
		p.Affiliation = c
	}
}

// countryIn is the longest known country that ends s ("the Republic of
// Ghana"), or "".
func countryIn(s string) string {
	for w := strings.Fields(s); len(w) > 0; w = w[1:] {
		if p, ok := lookupPlace(strings.Join(w, " ")); ok && !p.isOrg && !p.isCity && !p.isAdj {
			return p.name
		}
	}
	return ""
}

// rankTitles are ranks written before a name that say less than an office
// written before them ("The Honourable Minister of Foreign Affairs,
// Ambassador X,").
var rankTitles = setOf("ambassador", "dr", "professor", "prof", "general", "admiral", "engineer", "senator")

// reAtInstitution is an office's institution between the office and its
// holder: "Minister of State at the Ministry of Foreign Affairs Dr. X".
var reAtInstitution = regexp.MustCompile(`^ at the (\p{Lu}[\p{L}]*(?: (?:of|for|and|the|\p{Lu}[\p{L}]*))*) $`)

// joinOfficeApposition joins an office to the named person who holds it
// when the name follows as an apposition ("the Honourable Minister of
// Foreign Affairs, Ambassador X,") or after the office's institution
// ("Minister of State at the Ministry of Foreign Affairs Dr. X").
func joinOfficeApposition(s string, ms []mention) []mention {
	var out []mention
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i], ms[i+1]
		if !a.office || b.office || a.lower || a.poss || isCounterpart(a.title) || a.end > b.start || b.end > len(s) {
			continue
		}
		gap := s[a.end:b.start]
		title := ""
		switch {
		case gap == ", " && (b.title == "" || rankTitles[strings.ToLower(strings.TrimSuffix(b.title, "."))]) &&
			strings.HasPrefix(s[b.end:], ","):
			title = a.title
		case b.title == "" && reAtInstitution.MatchString(gap):
			title = a.title + strings.TrimRight(gap, " ")
		default:
			continue
		}
		if out == nil {
			out = slices.Clone(ms)
		}
		b.title, b.start = title, a.start
		if b.aff == "" {
			b.aff = a.aff
		}
		out[i+1] = b
		out = slices.Delete(out, i, i+1)
		ms = out
		i--
	}
	if out == nil {
		return ms
	}
	return out
}

// reAttendeeLine is a list line that gives a country and its attendee:
// "Philippines: Secretary of National Defense Ramon Villaluz".
var reAttendeeLine = regexp.MustCompile(`^[-•*\s]*(\p{Lu}[\p{L}'’ -]{2,40}):\s+(\S.{2,120})$`)

// attendeeCountries gives a principal without a country the country of an
// attendee line that names them.
func (d *doc) attendeeCountries(ps []Participant) {
	if !strings.Contains(d.r.Text, ":") {
		return
	}
	for _, line := range strings.Split(d.r.Text, "\n") {
		if strings.IndexByte(line, ':') < 0 {
			continue // the colon reAttendeeLine needs
		}
		m := reAttendeeLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		p, ok := lookupPlace(m[1])
		if !ok || p.isCity || p.isAdj {
			continue
		}
		for i := range ps {
			if ps[i].Affiliation == "" && ps[i].Name != "" && shareToken(ps[i].Name, m[2]) {
				ps[i].Affiliation = p.name
			}
		}
	}
}

// reCounterpartBefore ends the words before a name that make its holder
// someone's counterpart: "his Portuguese counterpart ", "her Argentine and
// Bolivian counterparts, A and ".
var reCounterpartBefore = regexp.MustCompile(`\bcounterparts?,?\s+(?:(?:Hon|H\.E|Mr|Mrs|Ms|Dr|Prof|Dato'|Datuk|Sheikh)\.?\s+)*(?:\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,4},?\s+and\s+)?$`)

// counterpartTitles gives a counterpart named with no office the office of
// the principal whose counterpart they are, named before them.
func counterpartTitles(part string, ps []Participant) {
	for i := range ps {
		if ps[i].Name == "" || ps[i].Title != "" {
			continue
		}
		at := strings.Index(part, ps[i].Name)
		if at < 0 || !reCounterpartBefore.MatchString(part[max(0, at-90):at]) {
			continue
		}
		for j := range ps {
			if j != i && ps[j].Title != "" && ps[j].Name != "" && !strings.Contains(ps[j].Title, "counterpart") {
				if k := strings.Index(part, ps[j].Name); k >= 0 && k < at {
					ps[i].Title = ps[j].Title
					break
				}
			}
		}
	}
}

// rePluralOffice is an office in the plural that a list of names follows:
// "The foreign ministers of Iceland, Norway and the Faroe Islands – A, B
// and C –", "the defence ministers of Chile and Peru, A and B,".
var rePluralOffice = regexp.MustCompile(pluralOfficeHead + `(?:\p{Lu}[^–—:(]{2,120}?\s+[–—:(-]\s*|\p{Lu}[^–—:(]{0,120}? and (?:the )?\p{Lu}[\p{L}]*(?: \p{Lu}[\p{L}]*)*,\s+)`)

// pluralOfficeTitles gives each person named right after a plural office
// with no office of their own the office in the singular, and each the
// country named in the same place in the office's list.
func pluralOfficeTitles(part string, ps []Participant) {
	loc := findPluralOffice(part)
	if loc == nil {
		return
	}
	title := singularOffice(part[loc[2]:loc[3]])
	after := part[loc[1]:min(len(part), loc[1]+200)]
	type at struct{ i, off int }
	var named []at
	for i := range ps {
		if ps[i].Name == "" {
			continue
		}
		if off := strings.Index(after, ps[i].Name); off >= 0 {
			named = append(named, at{i, off})
			// "Defence Ministers of Peru and Chile" read as the first
			// name's office is the plural office.
			if ps[i].Title == "" || strings.HasPrefix(strings.ToLower(ps[i].Title), strings.ToLower(part[loc[2]:loc[3]])) {
				ps[i].Title = title
			}
		}
	}
	// The countries in the order of the names: the first name is the
	// first country's.
	countries := countriesIn(part[loc[3]:loc[1]])
	if len(countries) != len(named) || len(named) < 2 {
		return
	}
	slices.SortFunc(named, func(a, b at) int { return a.off - b.off })
	for k, n := range named {
		ps[n.i].Affiliation = countries[k]
	}
}

// pluralOfficeHead is a plural office and its "of", the head of
// rePluralOffice; rePluralOfficeHead is it alone, for lists that name each
// country before its holder.
const pluralOfficeHead = `\b((?:[Ff]oreign |[Pp]rime |[Dd]efen[cs]e |[Ff]inance |[Tt]rade |[Hh]ealth |[Ee]nergy )?[Mm]inisters|[Pp]residents|[Ss]peakers|[Gg]overnors) of (?:the )?`

var rePluralOfficeHead = regexp.MustCompile(pluralOfficeHead)

// interleavedPluralOffice reads a plural office whose holders each follow
// their own country, "the Foreign Ministers of Colombia, A, of Peru, B,
// and of Bolivia, C": each name takes the singular office and the country
// just before it. The chain stops at the first name not introduced so.
func interleavedPluralOffice(part string, ps []Participant) {
	if findPluralOfficeWord(part) < 0 {
		return
	}
	loc := rePluralOfficeHead.FindStringSubmatchIndex(part)
	if loc == nil {
		return
	}
	plural := part[loc[2]:loc[3]]
	type at struct{ i, off int }
	var named []at
	for i := range ps {
		if ps[i].Name == "" {
			continue
		}
		if off := strings.Index(part[loc[1]:], ps[i].Name); off >= 0 {
			named = append(named, at{i, loc[1] + off})
		}
	}
	slices.SortFunc(named, func(a, b at) int { return a.off - b.off })
	var chain []at
	var countries []string
	pos := loc[1]
	for k, n := range named {
		seg := part[pos:n.off]
		if k > 0 {
			seg = strings.TrimPrefix(strings.TrimLeft(seg, ", "), "and ")
			if !strings.HasPrefix(seg, "of ") {
				break
			}
			seg = strings.TrimPrefix(strings.TrimPrefix(seg, "of "), "the ")
		}
		// "Peru, " or "Peru, Mr. " before the name.
		comma := strings.LastIndex(seg, ", ")
		if comma < 0 || len(seg)-comma > 12 || comma > 40 || strings.Contains(seg[:comma], ",") {
			break
		}
		cs := countriesIn(seg[:comma])
		if len(cs) != 1 {
			break
		}
		chain = append(chain, n)
		countries = append(countries, cs[0])
		pos = n.off + len(ps[n.i].Name)
	}
	if len(chain) < 2 {
		return
	}
	title := singularOffice(plural)
	for k, n := range chain {
		if ps[n.i].Title == "" || strings.HasPrefix(strings.ToLower(ps[n.i].Title), strings.ToLower(plural)) {
			ps[n.i].Title = title
		}
		ps[n.i].Affiliation = countries[k]
	}
}

// singularOffice is a plural office's singular, capitalised as a title:
// "foreign ministers" gives "Foreign Minister".
func singularOffice(plural string) string {
	words := strings.Fields(strings.TrimSuffix(plural, "s"))
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}

// buildingNouns end a building's name, never a person's ("Presidential
// Palace", "Government Buildings").
var buildingNouns = setOf("palace", "building", "buildings", "headquarters", "secretariat", "chambers", "residence", "ministry")

// reBuildingOf ends the words before an office that say the office owns a
// building: "the official residence of the ", "the Office of the ".
var reBuildingOf = regexp.MustCompile(`(?i)\b(?:residence|office|palace|house|headquarters|secretariat|chambers|building|seat)\s+of\s+(?:the\s+)?$`)
