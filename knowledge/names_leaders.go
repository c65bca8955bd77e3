package knowledge

import (
	"slices"
	"sort"
	"strings"
)

// knownLeaders are principals who appear in many readouts, with the
// country or organisation they serve. Releases rarely say which country
// their own principal leads ("Vladimir Putin met ...", "President Biden
// reaffirmed ..."), so this is the last resort for an affiliation the text
// leaves out. Names are folded; nicknames are written in full.
var knownLeaders = map[string]string{
	"vladimir putin": "Russia", "sergey lavrov": "Russia", "sergei lavrov": "Russia", "dmitry medvedev": "Russia",
	"mikhail mishustin": "Russia",
	"joseph biden":      "United States", "donald trump": "United States", "barack obama": "United States",
	"kamala harris": "United States", "antony blinken": "United States", "lloyd austin": "United States",
	"michael pompeo": "United States", "marco rubio": "United States", "jake sullivan": "United States",
	"xi jinping": "China", "li qiang": "China", "li keqiang": "China", "wang yi": "China", "qin gang": "China",
	"narendra modi": "India", "subrahmanyam jaishankar": "India", "jaishankar": "India",
	"emmanuel macron": "France", "olaf scholz": "Germany", "angela merkel": "Germany", "friedrich merz": "Germany",
	"recep erdogan": "Türkiye", "volodymyr zelenskyy": "Ukraine", "volodymyr zelensky": "Ukraine",
	"fumio kishida": "Japan", "shinzo abe": "Japan", "shigeru ishiba": "Japan", "yoshihide suga": "Japan",
	"cho tae-yul": "Republic of Korea", "park jin": "Republic of Korea", "chung eui-yong": "Republic of Korea",
	"yoon yeol": "Republic of Korea", "moon jae-in": "Republic of Korea", "lee jae-myung": "Republic of Korea",
	"rishi sunak": "United Kingdom", "keir starmer": "United Kingdom", "boris johnson": "United Kingdom",
	"justin trudeau": "Canada", "mark carney": "Canada", "anthony albanese": "Australia", "penny wong": "Australia",
	"luiz lula": "Brazil", "cyril ramaphosa": "South Africa", "giorgia meloni": "Italy", "pedro sanchez": "Spain",
	"mohammed salman": "Saudi Arabia", "mohamed zayed": "United Arab Emirates", "benjamin netanyahu": "Israel",
	"mahmoud abbas": "Palestine", "joko widodo": "Indonesia", "prabowo subianto": "Indonesia",
	"lee loong": "Singapore", "lawrence wong": "Singapore", "vivian balakrishnan": "Singapore",
	"antonio guterres": "United Nations", "jens stoltenberg": "NATO",
	"mark rutte": "NATO", "ursula leyen": "European Union", "charles michel": "European Union",
	"josep borrell": "European Union",
}

// knownLeader is the affiliation of a well-known principal, "" when the
// name is not one of them: every word of a listed name must be in it
// ("Joseph R. Biden Jr." is "joseph biden"; "Jill Biden" is not).
func knownLeader(name string) string {
	toks := givenNames(nameTokens(name))
	for _, t := range toks {
		for _, l := range knownLeadersByWord[t] {
			if containsAll(toks, l.words) {
				return l.aff
			}
		}
	}
	return ""
}

// knownLeaderWords is a knownLeaders entry split into words.
type knownLeaderWords struct {
	words []string
	aff   string
}

// knownLeadersByWord lists the known leaders by each word of their names:
// a name's words find the few leaders it can be.
var knownLeadersByWord = func() map[string][]knownLeaderWords {
	m := map[string][]knownLeaderWords{}
	keys := make([]string, 0, len(knownLeaders))
	for key := range knownLeaders {
		keys = append(keys, key)
	}
	sort.Strings(keys)
	for _, key := range keys {
		l := knownLeaderWords{words: strings.Fields(key), aff: knownLeaders[key]}
		for _, w := range l.words {
			m[w] = append(m[w], l)
		}
	}
	return m
}()

// containsAll says whether every word of want is in have.
func containsAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}
