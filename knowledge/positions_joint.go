package knowledge

import (
	"regexp"
	"strings"
)

// reQuotedJoint is a quote whose "we" acts jointly with the other side:
// what the two agreed or decided, whoever is quoted saying it.
var reQuotedJoint = regexp.MustCompile(`^["“]We\s+(?:both\s+|also\s+|have\s+|jointly\s+)?(?:agreed|decided|concurred|resolved|signed)\b`)

// afterWhichLeads open a relative clause that tells what happened next:
// "..., after which the two leaders agreed to sign a treaty". When all
// sides are its subject, the clause is theirs, not the sentence's speaker's.
var afterWhichLeads = [...]string{", after which ", ", following which ", ", whereupon ", ", upon which ", ", at which "}

// jointTail finds the part of a clause spoken by all sides though the
// clause has one speaker: a relative clause whose subject is both sides.
// After "after which" that part is the relative clause from its subject
// on. After a bare "which" ("discussed the annual dialogue, which the two
// agreed to hold in May") it takes its antecedent too, from the "and"
// that joins the verb before it; with no such "and" the antecedent is the
// speaker's own and nothing is split. The speaker's part ends at end, the
// joint part starts at cut.
func jointTail(s string) (end, cut int, ok bool) {
	if !strings.Contains(s, "which ") && !strings.Contains(s, "whereupon ") {
		return 0, 0, false
	}
	for _, lead := range afterWhichLeads {
		if i := strings.Index(s, lead); i > 0 {
			p := i + len(lead)
			if jointAhead(s[p:]) {
				return i, p, true
			}
		}
	}
	i := strings.Index(s, ", which ")
	if i <= 0 || !jointAhead(s[i+len(", which "):]) {
		return 0, 0, false
	}
	// The verb whose object the relative clause qualifies: the last
	// "and <verb>ed" before it.
	for j := i; j > 0; {
		k := strings.LastIndex(s[:j], " and ")
		if k <= 0 {
			break
		}
		w := firstField(s[k+len(" and "):])
		if len(w) > 4 && strings.HasSuffix(w, "ed") && !isCapitalized(w) {
			return k, k + len(" and "), true
		}
		j = k
	}
	return 0, 0, false
}

// jointAhead says whether s opens with a subject meaning all sides and a
// verb after it: "the two agreed", "both leaders decided".
func jointAhead(s string) bool {
	if len(s) > 80 {
		s = s[:80]
	}
	if !strings.HasPrefix(s, "the ") && !strings.HasPrefix(s, "both ") && !strings.HasPrefix(s, "all ") &&
		!strings.HasPrefix(s, "they ") {
		return false
	}
	_, b, ok := jointSpan(s)
	if !ok || b >= len(s) {
		return false
	}
	rest := strings.TrimLeft(s[b:], " ")
	return rest != "" && 'a' <= rest[0] && rest[0] <= 'z'
}

// splitJointTails gives the joint part of each clause (jointTail) to both
// sides as a clause of its own, marked aside: the sentence's speaker is
// still the one a later "he" or "she" means.
func splitJointTails(cls []clause) []clause {
	var out []clause
	for i, c := range cls {
		end, cut, ok := 0, 0, false
		if c.speaker != BothSides {
			end, cut, ok = jointTail(c.text)
		}
		if !ok && out == nil {
			continue
		}
		if out == nil {
			out = append(make([]clause, 0, len(cls)+1), cls[:i]...)
		}
		if !ok || !hasLowerWord(c.text[:end]) {
			out = append(out, c)
			continue
		}
		head := strings.TrimRight(strings.TrimSpace(c.text[:end]), ",;")
		tail := strings.TrimSpace(c.text[cut:])
		if tail != "" && 'a' <= tail[0] && tail[0] <= 'z' {
			tail = string(tail[0]-'a'+'A') + tail[1:]
		}
		out = append(out, clause{text: head + ".", speaker: c.speaker, first: c.first},
			clause{text: tail, speaker: BothSides, aside: true})
	}
	if out == nil {
		return cls
	}
	return out
}
