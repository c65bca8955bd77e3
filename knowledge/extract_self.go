package knowledge

import (
	"regexp"
	"strings"
)

// reFirstPerson is a sentence whose subject is the author ("Today I met
// ...", "I raised ...", "This morning I spoke with ..."), as ministers'
// own media releases are written.
var reFirstPerson = regexp.MustCompile(`^(?:(?:Today|Yesterday|Tonight|Earlier today|This (?:morning|afternoon|evening|week)|Last (?:night|week)|On \p{Lu}\w+(?: \d{1,2})?),?\s+)?(?:(?:[Ii]n|[Aa]t|[Ww]hile in) (?:the )?\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,3},?\s+)?I\s+(?:\p{Ll}+ly\s+)?\p{Ll}`)

// reFirstPlural is a sentence whose subject is "we": the author and the
// counterpart together.
var reFirstPlural = regexp.MustCompile(`^(?:(?:Today|Together|Yesterday),?\s+)?We\s+(?:\p{Ll}+ly\s+|also\s+|both\s+)?\p{Ll}`)

// firstPerson says whether a sentence is written by its author as "I".
func firstPerson(s string) bool {
	return strings.Contains(s, "I ") && reFirstPerson.MatchString(strings.TrimLeft(s, " \"“"))
}

// author finds who writes a first-person readout: the person signing it
// ("Senator the Hon Penny Wong" over "Minister for Foreign Affairs") in the
// lines after or before the text. The country is the one the author's own
// sentences speak for ("I reaffirmed Australia's support").
func (d *doc) author(ps []Participant) (Participant, bool) {
	if !firstPerson(d.meet) {
		return Participant{}, false
	}
	var self Participant
	lines := append(append([]string{}, d.trailer...), d.header...)
	for i, line := range lines {
		if len(line) > 80 {
			continue
		}
		for _, m := range findMentions(line) {
			if m.office || isStaffTitle(m.title) || len(strings.Fields(m.name)) < 2 {
				continue
			}
			self = Participant{Name: cleanName(m.name), Title: m.title, Affiliation: m.aff}
			if i+1 < len(lines) && len(lines[i+1]) <= 80 {
				// The office on the line under the signature.
				for _, o := range findMentions(lines[i+1]) {
					if o.office || o.title != "" {
						self.Title, self.Affiliation = o.title, o.aff
						if o.office {
							self.Title = o.name
							if self.Title == "" {
								self.Title = o.title
							}
						}
						break
					}
				}
			}
			break
		}
		if self.Name != "" {
			break
		}
	}
	if self.Name == "" {
		return Participant{}, false
	}
	for _, p := range ps {
		if p.Name != "" && samePerson(p, self) {
			return Participant{}, false
		}
	}
	if self.Affiliation == "" {
		self.Affiliation = d.authorCountry(ps)
	}
	return self, true
}

// authorCountry is the country the author's first-person sentences name in
// the possessive and no other principal holds ("I reaffirmed Australia's
// support"), or failing those the author's "we" sentences ("We discussed
// Australia's support for ...").
func (d *doc) authorCountry(ps []Participant) string {
	taken := map[string]bool{}
	for _, p := range ps {
		taken[p.Affiliation] = true
	}
	for _, first := range []func(string) bool{firstPerson, reFirstPlural.MatchString} {
		for _, s := range d.sents {
			if !first(s.text) {
				continue
			}
			toks := tokenize(s.text)
			classify(toks)
			for _, t := range toks {
				if t.class == cPlace && t.placeLen > 0 && t.poss && !t.place.isCity && !t.place.isOrg && !taken[t.place.name] {
					return t.place.name
				}
			}
		}
	}
	return ""
}

// reOwnCountry is a speaker stating their own country's commitment: "reaffirmed
// the United States' ironclad commitment", "conveyed Korea's support".
var reOwnCountry = regexp.MustCompile(`\b(?:reaffirm|reiterat|affirm|underscor|underlin|convey|express|emphasi[sz]|stress|highlight|pledg|outlin|restat)\w*\s+(?:the\s+)?(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3})(?:['’]s?)\s+(?:[\p{Ll}-]+\s+){0,2}(?:commitment|support|solidarity|position|readiness|determination|willingness|intention|resolve|policy|stance|contribution|pledge|backing)\b`)

// reSaidCountry is a speaker saying what their own country does: "The
// Prime Minister said the UK was sending emergency assistance". Demands on
// another country ("stressed that Russia must ...") do not match.
var reSaidCountry = regexp.MustCompile(`\b(?:said|announced|confirmed|noted|explained|set out|updated|added)\s+(?:that\s+)?(?:the\s+)?(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3})\s+(?:is|was|will|would|has|had)\s+(?:be\s+|been\s+|also\s+|now\s+)?\p{Ll}+ing\b`)

// ownCountries gives an unaffiliated principal the country their own
// positions speak for ("President Biden reaffirmed the United States'
// commitment to ..."), when no other principal holds it.
func ownCountries(ps []Participant, pos []Position) {
	taken := map[string]bool{}
	for _, p := range ps {
		taken[p.Affiliation] = p.Affiliation != ""
	}
	for i := range ps {
		if ps[i].Affiliation != "" {
			continue
		}
		for _, q := range pos {
			if q.Speaker != label(ps[i]) {
				continue
			}
			m := reOwnCountry.FindStringSubmatch(q.Text)
			if m == nil {
				m = reSaidCountry.FindStringSubmatch(q.Text)
			}
			if m == nil {
				continue
			}
			if pl, ok := lookupPlace(m[1]); ok && !pl.isCity && !pl.isOrg && !taken[pl.name] {
				ps[i].Affiliation = pl.name
				taken[pl.name] = true
				break
			}
		}
	}
}

// titleAuthor is who "I" is in a first-person readout that is not signed
// ("I had a call with Prime Minister Rutte" under the headline "Volodymyr
// Zelenskyy held a call with ..."): the one principal named only in the
// headline, not in the meeting sentence.
func titleAuthor(meet string, ps []Participant) string {
	who := ""
	fm := foldName(meet)
	for _, p := range ps {
		if p.Name == "" {
			continue
		}
		in := false
		for _, t := range nameTokens(p.Name) {
			if strings.Contains(fm, t) {
				in = true
				break
			}
		}
		if !in {
			if who != "" {
				return ""
			}
			who = label(p)
		}
	}
	return who
}
