package knowledge

import (
	"strings"
	"unicode"
)

// Capitalised words that are not people: the nouns of institutions,
// programmes and portfolios ("Partnerships", "Transactions"), the words a
// name of an organisation puts before its noun ("Melanesian Spearhead
// Group"), and an acronym in brackets after an organisation ("(FAO)").

// institutionEnds are endings of nouns that name institutions, portfolios
// and programmes, with the least length of a word that ends so: shorter
// words with these endings are often names ("Clement", "Felicity").
var institutionEnds = []struct {
	end string
	min int
}{
	{"tion", 6}, {"tions", 7}, {"sion", 7}, {"sions", 8}, {"ship", 6}, {"ships", 7}, {"ments", 9}, {"ment", 9},
	{"ities", 8}, {"ity", 8}, {"ance", 10}, {"ence", 10}, {"ology", 7},
}

// namesLikeNouns are given names with an institution's ending.
var namesLikeNouns = setOf("felicity", "prudence", "providence", "clemence", "hortense")

// institutionNounWord says whether a key's ending marks the noun of an
// institution or programme: never a personal name.
func institutionNounWord(key string) bool {
	// Every ending is at least six bytes with its word and ends in one of
	// these letters: most keys are ruled out before the table.
	if len(key) < 6 {
		return false
	}
	switch key[len(key)-1] {
	case 'n', 's', 'p', 't', 'y', 'e':
	default:
		return false
	}
	for _, e := range institutionEnds {
		if len(key) >= e.min && strings.HasSuffix(key, e.end) {
			return !namesLikeNouns[key]
		}
	}
	return false
}

// orgNames are the nouns that end an organisation's name: the capitalised
// words just before them are the rest of that name, not a person.
var orgNames = setOf("group", "forum", "fund", "bank", "alliance", "agency", "organization", "organisation",
	"initiative", "institute", "foundation", "association", "federation", "movement", "network", "programme",
	"program", "facility", "corporation", "secretariat", "partnership", "partnerships", "council", "commission",
	"committee", "university", "centre", "center", "consortium", "coalition", "corridor", "mechanism", "framework")

// nounClasses marks as office words the capitalised words that name
// institutions and programmes rather than people. Tokens are classified.
func nounClasses(toks []token) {
	for i := range toks {
		t := &toks[i]
		if t.class == cName && isCapitalized(t.s) && institutionNounWord(t.key) {
			t.class = cTitle // "Commissioner for International Partnerships Ana Ruiz"
		}
	}
	for i := range toks {
		t := toks[i]
		switch {
		case t.class == cTitle && isCapitalized(t.s) && (t.bits&bOrg != 0 || institutionNounWord(t.key)):
			// "Local Currency Transactions", "Melanesian Spearhead Group":
			// the names just before the noun are its modifiers.
			k := i - 1
			for k >= 0 && toks[k].class == cName && !toks[k].poss && isCapitalized(toks[k].s) {
				k--
			}
			if k < i-1 && (k < 0 || toks[k].class != cHon) {
				for j := k + 1; j < i; j++ {
					toks[j].class = cTitle
				}
			}
		case t.key == "member" && i+1 < len(toks) && memberOf[toks[i+1].key]:
			// "a Member State", "Member Countries": a country, no office.
			toks[i].class, toks[i+1].class = cOther, cOther
		case t.s == "(" && i+2 < len(toks) && toks[i+2].s == ")" && i > 0 &&
			(toks[i-1].class == cTitle || toks[i-1].class == cPlace) && acronym(toks[i+1].s) && toks[i+1].class == cName:
			toks[i+1].class = cOther // "the Food and Agriculture Organization (FAO)"
			if i+4 < len(toks) && toks[i+3].s == "," && (toks[i+4].class == cHon || toks[i+4].class == cName) {
				// "the Executive Secretary of the Southern African
				// Development Community (SADC), Dr X": the bracket ends the
				// office that X holds.
				toks[i+1].class = cTitle
			}
		case t.class == cName && (t.key == "partner" || t.key == "partners") && isCapitalized(t.s) &&
			i > 0 && toks[i-1].class == cName && isCapitalized(toks[i-1].s) && !toks[i-1].poss:
			// "a new Dialogue Partner", "Development Partners": the
			// countries an organisation works with, not a person.
			k := i - 1
			for k > 0 && toks[k-1].class == cName && isCapitalized(toks[k-1].s) && !toks[k-1].poss {
				k--
			}
			if k == 0 || toks[k-1].class != cHon {
				for j := k; j <= i; j++ {
					toks[j].class = cOther
				}
			}
		}
	}
	for i := range toks {
		t := &toks[i]
		if t.class != cName || !isCapitalized(t.s) || t.poss {
			continue
		}
		// "the South China Sea", "the East Africa region": a compass
		// point before a place and a body of water after one are
		// geography, not a person.
		if t.bits&bCompass != 0 && i+1 < len(toks) && toks[i+1].class == cPlace ||
			t.bits&bWater != 0 && i > 0 && toks[i-1].class == cPlace && !toks[i-1].poss {
			t.class = cOther
		}
		// "the Mekong River", "the Andaman Sea": the words before a body
		// of water are its name.
		if t.bits&bSea != 0 && i > 0 {
			k := i
			for k > 0 && toks[k-1].class == cName && isCapitalized(toks[k-1].s) && !toks[k-1].poss {
				k--
			}
			if k < i && (k == 0 || toks[k-1].class != cHon && toks[k-1].class != cTitle) {
				for j := k; j <= i; j++ {
					toks[j].class = cOther
				}
			}
		}
	}
	capsDateline(toks)
}

// seaWords end the names of seas and rivers, which are never surnames.
var seaWords = setOf("sea", "ocean", "gulf", "strait", "straits", "river", "basin", "peninsula")

// compassWords before a place make a larger place of it.
var compassWords = setOf("north", "south", "east", "west", "northern", "southern", "eastern", "western", "central")

// waterWords after a place name a sea or a river, never a person.
var waterWords = setOf("sea", "ocean", "gulf", "strait", "straits", "bay", "river", "lake", "basin", "peninsula", "channel")

// capsDateline makes no one of a dateline in capitals that opens the text:
// "MALACAÑAN PALACE, 12 March 2026 —", "STATE HOUSE, Nairobi —". The
// capitalised words before its comma are a place when a date or a dash
// follows the comma.
func capsDateline(toks []token) {
	n := 0
	for n < len(toks) && n < 4 && toks[n].class == cName && capsWord(toks[n].s) {
		n++
	}
	if n == 0 || n+1 >= len(toks) || toks[n].s != "," {
		return
	}
	for k := n + 1; k < len(toks) && k <= n+8; k++ {
		t := toks[k]
		_, wd := weekdays[t.key]
		if t.s == "—" || t.s == "–" || t.s == "-" || k == n+1 && (isNumber(t.key) || isMonthName(t.key) || wd) {
			for j := 0; j < n; j++ {
				toks[j].class = cOther
			}
			return
		}
		if !isCapitalized(t.s) && t.s != "," && !isNumber(t.key) {
			return
		}
	}
}

// capsWord says whether w has two letters or more, all capitals.
func capsWord(w string) bool {
	n := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			n++
		}
	}
	return n >= 2
}

// memberOf are the nouns after "Member" that make it a country of an
// organisation, not an office ("Member of Parliament").
var memberOf = setOf("state", "states", "country", "countries", "nation", "nations", "economy", "economies")

// acronym says whether w is written in capitals and digits only, with two
// letters or more.
func acronym(w string) bool {
	n := 0
	for _, r := range w {
		switch {
		case 'A' <= r && r <= 'Z':
			n++
		case '0' <= r && r <= '9', r == '-', r == '&':
		default:
			return false
		}
	}
	return n >= 2
}
