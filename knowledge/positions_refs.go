package knowledge

import "strings"

// latterFormer reads "The latter" or "The former" opening s: latter is 1,
// former 0, and -1 when s opens with neither ("the former President X" is
// an office, not a reference: a capital follows).
func latterFormer(s string) int {
	if len(s) < len("the latter ") || s[0] != 'T' && s[0] != 't' || s[1:4] != "he " {
		return -1
	}
	which := -1
	rest := s[4:]
	switch {
	case strings.HasPrefix(rest, "latter"):
		which, rest = 1, rest[len("latter"):]
	case strings.HasPrefix(rest, "former"):
		which, rest = 0, rest[len("former"):]
	default:
		return -1
	}
	if strings.HasPrefix(rest, ",") {
		return which
	}
	if len(rest) < 2 || rest[0] != ' ' || rest[1] < 'a' || rest[1] > 'z' {
		return -1
	}
	return which
}

// referredTo resolves "the former" (which 0) or "the latter" (which 1):
// of the participants the sentence before names, the first or the last.
// When it names only one of two principals, or none, the former is the
// one it names, else the last speaker, and the latter the other one.
func (ss *speakerSet) referredTo(which int, prev string) (string, bool) {
	var namedArr [4]string
	named := namedArr[:0]
	if ss.prevText != "" {
		for _, m := range ss.ments.find(ss.prevText) {
			if m.poss {
				continue
			}
			who, ok := ss.resolveMention(m, "")
			if !ok || len(named) > 0 && named[len(named)-1] == who {
				continue
			}
			named = append(named, who)
		}
	}
	if len(named) >= 2 && named[0] != named[len(named)-1] {
		if which == 0 {
			return named[0], true
		}
		return named[len(named)-1], true
	}
	anchor := prev
	if len(named) > 0 {
		anchor = named[0]
	}
	if anchor == "" || anchor == BothSides {
		return "", false
	}
	// The two principals: a bare office with neither name nor country
	// ("Minister" from a headline) is nobody's.
	other, n, found := "", 0, false
	for _, p := range ss.ps {
		if p.Name == "" && p.Affiliation == "" {
			continue
		}
		n++
		if l := label(p); l != anchor {
			other = l
		} else {
			found = true
		}
	}
	if n != 2 || !found || other == "" {
		return "", false
	}
	if which == 0 {
		return anchor, true
	}
	return other, true
}

// impersonalVerbs are the verbs of a passive with no agent that readouts
// use for what both sides said: "It was noted that ...".
var impersonalVerbs = setOf("noted", "stressed", "emphasised", "emphasized", "underlined", "underscored", "highlighted",
	"reaffirmed", "affirmed", "confirmed", "decided", "agreed", "recognised", "recognized", "acknowledged",
	"observed", "reiterated", "welcomed", "pointed", "expressed", "mentioned")

// impersonalJoint says whether s opens with such a passive: "It was
// noted that", "It was also stressed that".
func impersonalJoint(s string) bool {
	if !strings.HasPrefix(s, "It was ") && !strings.HasPrefix(s, "it was ") {
		return false
	}
	rest := s[len("It was "):]
	for _, adv := range [...]string{"also ", "further ", "jointly ", "once again ", "again "} {
		if strings.HasPrefix(rest, adv) {
			rest = rest[len(adv):]
			break
		}
	}
	w := rest
	if i := strings.IndexAny(w, " ,"); i >= 0 {
		w = w[:i]
	}
	return impersonalVerbs[w]
}
