package knowledge

import (
	"slices"
	"strings"
)

// Offices written in pieces: a long office whose parts are set off by
// commas reads as an office with no holder plus a holder with no office.
// joinSplitOffices puts the pieces back together, before the meeting
// sentence's mentions become participants.

// joinSplitOffices joins the mentions of s that are pieces of one person:
//   - "Spanish Minister of Foreign Affairs, European Union and Cooperation
//     Jorge X": an office, a comma, more of its portfolios, then the name;
//   - "X, Deputy Prime Minister, Minister of Foreign Affairs of Cambodia,":
//     a titled person, a comma, then a second office they hold;
//   - "his Ecuadorian counterpart, Foreign Minister X": a counterpart's
//     country, then the counterpart.
//
// It returns ms itself when nothing joins; otherwise a new slice, as ms
// may be shared.
func joinSplitOffices(s string, ms []mention) []mention {
	var out []mention
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i], ms[i+1]
		if a.end > b.start || b.end > len(s) {
			continue
		}
		j, ok := joinPair(s, a, b)
		if !ok {
			continue
		}
		if out == nil {
			out = slices.Clone(ms)
		}
		ms = out
		ms[i] = j
		ms = slices.Delete(ms, i+1, i+2)
		out = ms
	}
	if out == nil {
		return ms
	}
	return out
}

// joinPair is the one person that mentions a and b, written next to each
// other in s, name together, if they do.
func joinPair(s string, a, b mention) (mention, bool) {
	gap := s[a.end:b.start]
	switch {
	case a.office && !b.office && isCounterpart(a.title) && a.aff != "" && b.aff == "" && gap == ", ":
		// "his Ecuadorian counterpart, Foreign Minister X".
		b.aff = a.aff
		return b, true
	case a.office && !b.office && isCounterpart(a.title) && a.aff == "" && b.aff == "" && countryOfGap(gap) != "":
		// "her counterpart from Ecuador, X".
		b.aff = countryOfGap(gap)
		return b, true
	case !a.office && a.aff == "" && b.office && isCounterpart(b.title) && b.aff != "" &&
		(gap == ", " || gap == ", his " || gap == ", her " || gap == ", their "):
		// "Lucía X, his Ecuadorian counterpart, ...".
		a.aff, a.end = b.aff, b.end
		return a, true
	case a.office && !a.lower && !b.office && b.title == "" && strings.HasPrefix(gap, ", "):
		// "Spanish Minister of Foreign Affairs, European Union and
		// Cooperation Jorge X": the rest of the office, then the name.
		tail, ok := officeTail(strings.TrimSuffix(strings.TrimSuffix(gap[2:], " "), ","))
		if !ok {
			return a, false
		}
		b.title = a.title + ", " + tail
		if b.aff == "" {
			b.aff = a.aff
		}
		b.start, b.prev, b.prev2 = a.start, a.prev, a.prev2
		return b, true
	case !a.office && a.title != "" && b.office && !b.lower && gap == ", " &&
		isCapitalized(s[b.start:]) && !hasPrefixFoldASCII(s[b.start:], "the ") && clauseEnds(s[b.end:]):
		if a.aff != "" && b.aff != "" && a.aff != b.aff {
			return a, false
		}
		switch {
		case a.end > a.nameStart+len(a.name)+1:
			// "X, Deputy Prime Minister, Minister of Foreign Affairs and
			// International Cooperation of the Kingdom of Cambodia, with ...".
			a.title = a.title + ", " + b.title
		case !strings.Contains(a.title, " "):
			// "Senator X, Minister of State for Foreign Affairs,": the
			// office after the name says more than the one-word rank before.
			a.title = b.title
		default:
			a.title = a.title + "; " + b.title
		}
		if a.aff == "" {
			a.aff = b.aff
		}
		a.end = b.end
		return a, true
	}
	return a, false
}

// trimCounterpart drops the word "counterpart" that opens an office: "his
// Ecuadorian counterpart Foreign Minister X" holds the office "Foreign
// Minister".
func trimCounterpart(title string) string {
	if len(title) > len("counterpart ") && strings.EqualFold(title[:len("counterpart ")], "counterpart ") {
		return title[len("counterpart "):]
	}
	return title
}

// countryOfGap is the country of " from Ecuador, " between a counterpart
// and their name, or "".
func countryOfGap(gap string) string {
	rest, ok := strings.CutSuffix(gap, ", ")
	if !ok {
		return ""
	}
	for _, lead := range []string{" from the ", " from ", " of the ", " of "} {
		if c, ok := strings.CutPrefix(rest, lead); ok {
			if p, ok := lookupPlace(c); ok && !p.isOrg && !p.isCity && !p.isAdj {
				return p.name
			}
			return ""
		}
	}
	return ""
}

// isCounterpart says whether an office is the other side's counterpart.
func isCounterpart(title string) bool {
	return strings.EqualFold(title, "counterpart") || strings.EqualFold(title, "counterparts")
}

// officeTail says whether t is more of an office's portfolios ("European
// Union and Cooperation"): office words, places and connectors, with no
// word that heads an office of its own, and not ending in a connector.
func officeTail(t string) (string, bool) {
	if t == "" || strings.ContainsAny(t, ",;:()") {
		return "", false
	}
	bp, toks := scratchTokenize(t)
	defer releaseTokens(bp, toks)
	classify(toks)
	for _, tk := range toks {
		switch {
		case tk.class == cTitle && titleHeads[tk.key], tk.poss:
			return "", false
		case tk.class == cTitle, tk.class == cPlace, tk.class == cConn:
		default:
			return "", false
		}
	}
	if len(toks) == 0 || toks[len(toks)-1].class == cConn || !isCapitalized(toks[0].s) {
		return "", false
	}
	return t, true
}

// clauseEnds says whether rest, the text after an appositive, starts at the
// end of its phrase.
func clauseEnds(rest string) bool {
	return rest == "" || strings.IndexByte(",.;:)", rest[0]) >= 0
}

// orgNamesCanon are the organisations' names as placeWords gives them.
var orgNamesCanon = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range placeWords {
		if p.isOrg {
			m[p.name] = true
		}
	}
	return m
}()

// plainHeads are the plain words a headline uses for the head of an
// organisation: "UNHCR chief", "WHO head".
var plainHeads = setOf("chief", "head", "boss", "leader")

// plainHeadOf says whether m, an office a headline names, is an
// organisation's head in plain words ("UNHCR chief") whom a participant
// of that organisation already is.
func plainHeadOf(ps []Participant, m mention) bool {
	if !m.office || m.aff == "" || !plainHeads[strings.ToLower(lastField(m.title))] {
		return false
	}
	if !orgNamesCanon[m.aff] {
		return false
	}
	return slices.ContainsFunc(ps, func(p Participant) bool { return p.Name != "" && p.Affiliation == m.aff })
}

// agencyOf is the organisation an office names more exactly than its
// holder's affiliation does: the "High Commissioner for Refugees" of the
// United Nations is UNHCR's head, as the organisations table spells
// "United Nations High Commissioner for Refugees". Otherwise it is aff.
func agencyOf(title, aff string) string {
	if title == "" || !orgNamesCanon[aff] {
		return aff // most affiliations are countries: no lookup
	}
	if p, ok := lookupPlace(aff + " " + title); ok && p.isOrg && p.name != aff {
		return p.name
	}
	return aff
}
