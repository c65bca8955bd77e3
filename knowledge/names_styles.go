package knowledge

import "strings"

// Styles are the courtesy words publishers write before a name: "the Rt Hon
// Dame", "Tan Sri", "Lt Gen.", "Eng.", "Lord". They are not part of the
// name and must not split it. The plain ones are in honorifics; the ones
// below depend on the words around them.

// styleLeads follow "the" in a style that opens with it: "the Rt Hon", "the
// Most Hon.", "the Hon Dame".
var styleLeads = setOf("rt", "right", "most", "very", "hon", "honorable", "honourable", "dame", "sir", "lord", "lady",
	"baroness", "baron", "rev", "reverend", "excellency")

// peerStyles are ranks of the peerage, written before a name ("Lord Ahmad of
// Wimbledon", "Baroness Chapman"); "Lord Mayor" and "Lady Justice" are
// offices, not styles.
var peerStyles = setOf("lord", "lady", "baroness", "baron", "viscount", "viscountess", "countess", "marquess")

// rankAbbrevs are military ranks written short ("Gen.", "Lt Gen", "Adm."):
// styles before a name, like "Dr.".
var rankAbbrevs = setOf("gen", "lt", "maj", "brig", "col", "capt", "adm", "cdr", "cmdr", "sgt", "cpl", "ltc", "gp")

// rankWords are military ranks written out; "Major" and "General" are
// ranks only beside another rank ("Major General", "Lieutenant General"),
// as "Major" is also a surname.
var rankWords = setOf("lieutenant", "brigadier", "colonel", "admiral", "commodore", "major", "general")

// dotStyles are styles only when written with their dot and before a name:
// "Eng. Ahmed" (engineer), "Ing. Carlos", but "Ng Eng Hen".
var dotStyles = setOf("eng", "ing", "sr", "sra", "srta")

// malayPairs open Malaysian styles of two words whose first word is also a
// surname: "Tan Sri", "Puan Sri", "Toh Puan".
var malayPairs = map[string]string{"tan": "sri", "puan": "sri", "toh": "puan"}

// nameParticlesBefore are the particles after which a capitalised word is a
// given name even when it is also a rank: "bin Sultan", "ibn Amir".
var nameParticlesBefore = setOf("bin", "bint", "binti", "ibn", "ben", "abu")

// styleKeys are the keys of every word styleClasses may reclassify, but
// for a rank after a particle ("bin Sultan").
var styleKeys = func() map[string]bool {
	m := setOf("adi", "most", "jan", "sultan")
	for _, set := range []map[string]bool{peerStyles, rankAbbrevs, rankWords, dotStyles} {
		for k := range set {
			m[k] = true
		}
	}
	for k := range malayPairs {
		m[k] = true
	}
	return m
}()

// styleClasses reclassifies the words of styles that classify cannot read
// one word at a time. Tokens are classified already.
func styleClasses(toks []token) {
	for i := range toks {
		t := &toks[i]
		if t.class == cPunct || t.class == cPlace || t.bits&bStyle == 0 && !(t.class == cTitle && i > 0 && toks[i-1].class == cParticle) {
			continue // one lookup rules out most words
		}
		cap := isCapitalized(t.s)
		next := i+1 < len(toks) && isCapitalized(toks[i+1].s) && toks[i+1].class != cPunct
		switch {
		case cap && next && malayPairs[t.key] != "" && (toks[i+1].key == malayPairs[t.key] || toks[i+1].key == "seri"):
			t.class, toks[i+1].class = cHon, cHon // "Tan Sri Muhyiddin"
		case cap && next && dotStyles[t.key] && strings.HasSuffix(t.s, ".") && nameAt(toks, i+1):
			t.class = cHon // "Eng. Ahmed Nour", "Sra. Ana Ruiz"
		case cap && rankAbbrevs[t.key] && (strings.HasSuffix(t.s, ".") || next && (rankAbbrevs[toks[i+1].key] || rankWords[toks[i+1].key])) &&
			next && (nameAt(toks, i+1) || rankAbbrevs[toks[i+1].key] || rankWords[toks[i+1].key] || toks[i+1].class == cHon):
			t.class = cHon // "Gen. Ahmed", "Lt Gen Ahmed", "Brig. Gen."
		case cap && rankWords[t.key] && next && (rankWords[toks[i+1].key] || rankAbbrevs[toks[i+1].key]) && t.key != "general":
			t.class = cHon // "Lieutenant General", "Major General"
		case cap && (t.key == "general" || t.key == "gen") && i > 0 && toks[i-1].class == cHon &&
			(rankWords[toks[i-1].key] || rankAbbrevs[toks[i-1].key]) && next:
			t.class = cHon // the "General" of "Lieutenant General X"
		case cap && rankWords[t.key] && t.key != "major" && t.key != "general" && next && nameAt(toks, i+1):
			t.class = cHon // "Colonel Ahmed", "Admiral Kerr"
		case cap && peerStyles[t.key] && next && nameAt(toks, i+1):
			t.class = cHon // "Lord Ahmad", "Baroness Chapman"
			peerSeat(toks, i+1)
		case cap && t.key == "adi" && next && i > 0 && toks[i-1].class == cHon && nameAt(toks, i+1):
			t.class = cHon // Fijian "Hon. Adi Litia", as "Hon. Ratu Epeli"
		case cap && t.key == "jan" && t.class != cName && next && toks[i+1].class == cName && !(i > 0 && isNumber(toks[i-1].key)):
			t.class = cName // "Jan Novak": a given name, not January
		case cap && t.key == "most" && next && honorifics[toks[i+1].key]:
			t.class = cHon // "The Most Hon. Andrew Holness"
		case cap && t.class == cTitle && i > 0 && toks[i-1].class == cParticle && nameParticlesBefore[toks[i-1].key]:
			t.class = cName // "Faisal bin Sultan Al Busaidi": a given name, not a rank
		case cap && t.key == "sultan" && i+1 < len(toks) && (toks[i+1].key == "bin" || toks[i+1].key == "al" || toks[i+1].key == "el") &&
			(i == 0 || toks[i-1].class != cHon && toks[i-1].key != "the"):
			t.class = cName // "Sultan Al Jaber", "Sultan bin Saad": a name, where the ruler is "Sultan Haitham bin Tarik"
		}
	}
	// "the Rt Hon Dame Marta Quiroga": the article opens the style.
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].key == "the" && toks[i+1].class == cHon && styleLeads[toks[i+1].key] {
			toks[i].class = cHon
		}
	}
}

// nameAt says whether toks[i] can begin a personal name: a capitalised word
// classified as a name or an honorific, or one more style.
func nameAt(toks []token, i int) bool {
	if i >= len(toks) {
		return false
	}
	t := toks[i]
	return t.class == cName || t.class == cHon || honorifics[t.key]
}

// peerSeat joins a peer's territorial designation to the name so that it
// is not read as a second person: "Lord Ahmad of Wimbledon". cleanName
// drops it again.
func peerSeat(toks []token, i int) {
	j := i
	for j < len(toks) && toks[j].class == cName {
		j++
	}
	if j == i || j+1 >= len(toks) || toks[j].key != "of" || toks[j+1].class != cName {
		return
	}
	toks[j].class = cParticle
}

// cutPeerSeat drops a peer's territorial designation from a name: "Ahmad of
// Wimbledon" -> "Ahmad".
func cutPeerSeat(n string) string {
	if i := strings.Index(n, " of "); i > 0 {
		return n[:i]
	}
	return n
}
