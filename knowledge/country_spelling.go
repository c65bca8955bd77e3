package knowledge

import (
	"strings"
)

// countrySpellingTable lists, as "Name|spellings", other ways of writing a
// country's name that share no word with the name the tables use ("Viet
// Nam" for "Vietnam"). A readout that writes one of them keeps it as the
// affiliation, so the meeting reads as its text does; matching (search,
// questions, linking two sides' readouts) treats all of them as one country.
const countrySpellingTable = `Vietnam|Viet Nam
Türkiye|Turkey
Czech Republic|Czechia
Côte d'Ivoire|Ivory Coast
Timor-Leste|East Timor
Eswatini|Swaziland
Myanmar|Burma
Laos|Lao PDR
Kyrgyzstan|Kyrgyz Republic
Cape Verde|Cabo Verde
Netherlands|Holland`

// countrySpellings maps a country's table name to its other spellings.
var countrySpellings = func() map[string][]string {
	m := map[string][]string{}
	for _, line := range strings.Split(countrySpellingTable, "\n") {
		name, rest, _ := strings.Cut(line, "|")
		m[name] = strings.Split(rest, ",")
	}
	return m
}()

// spellAffiliations writes each participant's country the way the readout
// does when it uses another spelling of the name more often than the
// tables' one ("Viet Nam", "Türkiye" written "Turkey").
func (d *doc) spellAffiliations(ps []Participant) {
	var text string
	for i := range ps {
		alts := countrySpellings[ps[i].Affiliation]
		if len(alts) == 0 {
			continue
		}
		if text == "" {
			text = foldName(d.title + "\n" + d.body)
		}
		best, most := "", countWord(text, foldName(ps[i].Affiliation))
		for _, a := range alts {
			if n := countWord(text, foldName(a)); n > most {
				best, most = a, n
			}
		}
		if best != "" {
			ps[i].Affiliation = best
		}
	}
}

// countWord counts the places where w stands in text as whole words.
func countWord(text, w string) int {
	n := 0
	for i := 0; w != ""; {
		j := strings.Index(text[i:], w)
		if j < 0 {
			break
		}
		a, b := i+j, i+j+len(w)
		if (a == 0 || !isWordRuneBefore(text, a)) && (b == len(text) || !isWordRuneAt(text, b)) {
			n++
		}
		i = b
	}
	return n
}

// isWordRuneBefore says whether the rune that ends just before byte i of s
// is a letter or digit.
func isWordRuneBefore(s string, i int) bool {
	k := i - 1
	for k > 0 && s[k]&0xC0 == 0x80 {
		k--
	}
	return isWordRuneAt(s, k)
}

// CountryName is the one name of the country (or organisation) an
// affiliation denotes however the readout spells it: "Viet Nam" and
// "Vietnam" are both "Vietnam". An affiliation the tables do not know is
// returned as it is. Term lists and autocomplete key countries by it, so
// one country is one entry.
func CountryName(aff string) string {
	if p, ok := lookupPlace(aff); ok && !p.isAdj && !p.isCity {
		return p.name
	}
	for name, alts := range countrySpellings {
		for _, a := range alts {
			if strings.EqualFold(a, aff) {
				return name
			}
		}
	}
	return aff
}

// AffiliationText is an affiliation followed by every other spelling of
// its country's name ("Viet Nam Vietnam"), for indexing and matching by
// words: a search or question that spells the country either way finds
// meetings whose readouts spell it the other way.
func AffiliationText(aff string) string {
	name := CountryName(aff)
	alts := countrySpellings[name]
	if name == aff && len(alts) == 0 {
		return aff
	}
	var b strings.Builder
	b.WriteString(aff)
	for _, s := range append([]string{name}, alts...) {
		if !strings.EqualFold(s, aff) {
			b.WriteString(" ")
			b.WriteString(s)
		}
	}
	return b.String()
}
