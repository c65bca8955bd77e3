package knowledge

import (
	"sort"
	"strings"
)

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

// Roles a subject may name a principal by instead of a name or office.
const (
	roleNone        = iota
	roleCounterpart // "His counterpart", "Her Chilean counterpart": the other of the last speaker
	roleGuest       // "The guest", "The visitor", "The visiting minister"
	roleHost        // "The host"
)

// roleReference reads a subject that names a principal by role.
func roleReference(s string) int {
	switch {
	case strings.HasPrefix(s, "His ") || strings.HasPrefix(s, "Her ") || strings.HasPrefix(s, "Their "):
		rest := s[strings.IndexByte(s, ' ')+1:]
		if !strings.HasPrefix(rest, "counterpart") {
			// One word of country between: "Her Chilean counterpart".
			sp := strings.IndexByte(rest, ' ')
			if sp <= 0 || !isCapitalized(rest) {
				return roleNone
			}
			rest = rest[sp+1:]
		}
		if strings.HasPrefix(rest, "counterpart ") || strings.HasPrefix(rest, "counterpart,") {
			return roleCounterpart
		}
	case strings.HasPrefix(s, "The guest ") || strings.HasPrefix(s, "The guest,") || strings.HasPrefix(s, "The visitor ") ||
		strings.HasPrefix(s, "The visitor,") || strings.HasPrefix(s, "The visiting "):
		return roleGuest
	case strings.HasPrefix(s, "The host ") || strings.HasPrefix(s, "The host,"):
		rest := s[len("The host"):]
		if w := firstField(strings.TrimLeft(rest, " ,")); w != "" && 'a' <= w[0] && w[0] <= 'z' &&
			w != "country" && w != "nation" && w != "city" && w != "government" && w != "of" {
			return roleHost
		}
	}
	return roleNone
}

// roleSubject resolves a subject roleReference read. Of two principals,
// a counterpart is the one the last speaker is not; the host is the one
// the meeting sentence has receive or host the other, or the one the
// other called on, and the guest the other one.
func (ss *speakerSet) roleSubject(role int, prev string) (string, bool) {
	a, b, ok := ss.principalPair()
	if !ok {
		return "", false
	}
	switch role {
	case roleCounterpart:
		switch prev {
		case a:
			return b, true
		case b:
			return a, true
		}
		return "", false
	}
	host := ss.hostOf()
	if host != a && host != b {
		return "", false
	}
	guest := a
	if host == a {
		guest = b
	}
	if role == roleHost {
		return host, true
	}
	return guest, true
}

// principalPair is the meeting's two principals, when it has two; a bare
// office with neither name nor country ("Minister" from a headline) is
// nobody's.
func (ss *speakerSet) principalPair() (string, string, bool) {
	var pair [2]string
	n := 0
	for _, p := range ss.ps {
		if p.Name == "" && p.Affiliation == "" {
			continue
		}
		if n == 2 {
			return "", "", false
		}
		pair[n] = label(p)
		n++
	}
	return pair[0], pair[1], n == 2
}

// hostVerbs make the meeting sentence's subject the host; guestVerbs its
// guest.
var (
	hostVerbs  = [...]string{" received ", " receives ", " hosted ", " hosts ", " welcomed ", " welcomes "}
	guestVerbs = [...]string{" called on ", " calls on ", " courtesy call on ", " paid a visit to ", " visited "}
)

// hostOf is the host the meeting sentence names, or "": the subject of a
// host's verb, the other of one who called on or is visiting.
func (ss *speakerSet) hostOf() string {
	if ss.meetText == "" {
		return ""
	}
	subject := ""
	end := 0
	for _, m := range ss.ments.find(ss.meetText) {
		if who, ok := ss.resolveMention(m, ""); ok && !m.poss {
			subject, end = who, m.end
			break
		}
	}
	if subject == "" {
		return ""
	}
	// "X met Y, who is on an official visit to ...": Y is the guest.
	if w := strings.Index(ss.meetText, ", who is "); w > 0 && strings.Contains(ss.meetText[w:], " visit") {
		guest := ""
		for _, m := range ss.ments.find(ss.meetText) {
			if m.end > w {
				break
			}
			if who, ok := ss.resolveMention(m, ""); ok && !m.poss {
				guest = who
			}
		}
		if a, b, ok := ss.principalPair(); ok && guest != "" {
			switch guest {
			case a:
				return b
			case b:
				return a
			}
		}
	}
	rest := ss.meetText[end:]
	for _, v := range hostVerbs {
		if strings.Contains(rest, v) {
			return subject
		}
	}
	for _, v := range guestVerbs {
		if strings.Contains(rest, v) {
			if a, b, ok := ss.principalPair(); ok {
				if a == subject {
					return b
				}
				return a
			}
		}
	}
	return ""
}

// passiveLeads tell that the subject before them was told something by the
// agent after them.
var passiveLeads = [...]string{" was briefed by ", " was informed by ", " were briefed by ", " were informed by ",
	" was updated by ", " was told by "}

// passiveAgentAt is where the agent starts in rest, the text right after a
// subject, when rest opens with a passive of telling ("was briefed by the
// Chancellor"), the agent's "the" included; 0 when it does not.
func passiveAgentAt(rest string) int {
	if len(rest) < 10 || rest[1] != 'w' {
		return 0
	}
	for _, p := range passiveLeads {
		if strings.HasPrefix(rest, p) {
			return len(p)
		}
	}
	return 0
}

// turnLeads open a clause inside a sentence whose subject is another
// person: "..., with Minister X stressing ...", "..., to which Minister X
// responded ...", "..., whereupon Minister X promised ...".
var turnLeads = [...]string{", with ", ", to which ", ", whereupon ", ", after which ", ", upon which "}

// mayTurn is false only when s holds no turnLead.
func mayTurn(s string) bool {
	return strings.Contains(s, ", with ") || strings.Contains(s, ", to which ") || strings.Contains(s, ", whereupon ") ||
		strings.Contains(s, ", after which ") || strings.Contains(s, ", upon which ")
}

// turnSplits adds to splits, the places where s turns to another speaker,
// each turnLead followed by a person: "The ministers discussed aid, with
// Minister X stressing schools and Minister Y emphasising housing". After
// "with" a participle must follow the person ("with Minister Y present"
// is no turn).
func (ss *speakerSet) turnSplits(splits [][2]int, s string) [][2]int {
	base := len(ss.sent.text) - len(s) // where s starts in the sentence being read
	added := false
	for _, lead := range turnLeads {
		for i := 0; ; {
			j := strings.Index(s[i:], lead)
			if j < 0 {
				break
			}
			at := i + j + len(lead)
			i = at
			piece := s[at:]
			if len(piece) > 120 {
				piece = piece[:120]
				for len(piece) > 0 && piece[len(piece)-1]&0xC0 == 0x80 {
					piece = piece[:len(piece)-1]
				}
			}
			ms := ss.mentionsAt(base+at, piece)
			if len(ms) == 0 || ms[0].start > 4 || ms[0].poss {
				continue
			}
			w := firstField(piece[ms[0].end:])
			if lead == ", with " && (len(w) < 5 || !strings.HasSuffix(w, "ing")) || w == "" || isCapitalized(w) {
				continue
			}
			splits = append(splits, [2]int{at - len(lead), at})
			added = true
		}
	}
	if added {
		sort.Slice(splits, func(x, y int) bool { return splits[x][0] < splits[y][0] })
	}
	return splits
}

// passiveAgent resolves the agent that opens s, read up to the "on" or
// "about" that starts what it told: "the Chancellor on the Danube
// Commission" is the Chancellor.
func (ss *speakerSet) passiveAgent(s string) (string, bool) {
	end := len(s)
	for _, stop := range [...]string{" on ", " about ", ",", " that "} {
		if i := strings.Index(s[:end], stop); i > 0 {
			end = i
		}
	}
	if end > 100 {
		return "", false
	}
	ms := findMentions(s[:end])
	if len(ms) == 0 || ms[0].start > 4 {
		return "", false
	}
	return ss.resolveMention(ms[0], "")
}
