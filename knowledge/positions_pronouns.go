package knowledge

import "strings"

// Genders a pronoun or an honorific tells of a participant; 0 is unknown.
const (
	genderMale   byte = 'm'
	genderFemale byte = 'f'
)

// pronounSubject resolves "He" or "She" opening s. It means the last
// speaker, prev, unless the readout has shown prev to be of the other
// gender; then, or after both sides spoke, it means the one participant
// the pronoun can fit. After someone who is no participant (prev "") it
// means no participant.
func (ss *speakerSet) pronounSubject(s, prev string) (string, bool) {
	if prev == "" {
		return "", false
	}
	g := genderMale
	if s[0] == 'S' || s[0] == 's' {
		g = genderFemale
	}
	ss.readHonorifics()
	if prev != BothSides {
		if pg := ss.gender[prev]; pg == 0 || pg == g {
			ss.setGender(prev, g)
			return prev, true
		}
	}
	who := ""
	for _, p := range ss.ps {
		l := label(p)
		if l == prev {
			continue
		}
		// After both sides only one known to be of that gender will do;
		// after the other gender, anyone not known to be of it.
		if pg := ss.gender[l]; pg == g || pg == 0 && prev != BothSides {
			if who != "" && who != l {
				return "", false
			}
			who = l
		}
	}
	if who == "" {
		return "", false
	}
	ss.setGender(who, g)
	return who, true
}

// setGender records what the readout has shown of a participant's gender;
// a participant shown to be both stays unknown for good.
func (ss *speakerSet) setGender(who string, g byte) {
	if ss.gender == nil {
		ss.gender = map[string]byte{}
	}
	switch old, seen := ss.gender[who]; {
	case !seen:
		ss.gender[who] = g
	case old != g:
		ss.gender[who] = 'x'
	}
}

// possessiveGenders are phrases whose "his" or "her" is the clause's
// subject's: "for her part", "briefed his counterpart".
var possessiveGenders = [...]struct {
	phrase string
	g      byte
}{
	{"his counterpart", genderMale}, {"her counterpart", genderFemale},
	{"his part", genderMale}, {"her part", genderFemale},
	{"his guest", genderMale}, {"her guest", genderFemale},
	{"his host", genderMale}, {"her host", genderFemale},
}

// noteGender learns the gender of a clause's speaker from a possessive
// that can only be theirs.
func (ss *speakerSet) noteGender(speaker, text string) {
	if speaker == "" || speaker == BothSides || !strings.Contains(text, "his ") && !strings.Contains(text, "her ") {
		return
	}
	for _, pg := range possessiveGenders {
		if strings.Contains(text, pg.phrase) {
			ss.setGender(speaker, pg.g)
			return
		}
	}
}

// honorificGenders are honorifics that tell a gender, written before a
// name.
var honorificGenders = [...]struct {
	hon string
	g   byte
}{
	{"Mr. ", genderMale}, {"Mr ", genderMale}, {"Ms. ", genderFemale}, {"Ms ", genderFemale},
	{"Mrs. ", genderFemale}, {"Mrs ", genderFemale}, {"Madam ", genderFemale}, {"Mme ", genderFemale},
	{"Mme. ", genderFemale}, {"Madame ", genderFemale},
}

// readHonorifics learns, once per readout, the genders the body's
// honorifics tell: "Ms. Hanitra Rakotovao", "Mr Oduya".
func (ss *speakerSet) readHonorifics() {
	if ss.honRead {
		return
	}
	ss.honRead = true
	for _, p := range ss.ps {
		if p.Name == "" {
			continue
		}
		for _, w := range strings.Fields(p.Name) {
			if len(w) < 3 || !isCapitalized(w) {
				continue
			}
			for _, h := range honorificGenders {
				if honorificBefore(ss.body, h.hon, w) {
					ss.setGender(label(p), h.g)
				}
			}
		}
	}
}

// honorificBefore says whether body holds hon followed by the whole word w.
func honorificBefore(body, hon, w string) bool {
	for i := 0; ; {
		j := strings.Index(body[i:], hon)
		if j < 0 {
			return false
		}
		k := i + j + len(hon)
		if strings.HasPrefix(body[k:], w) && (k+len(w) == len(body) || !isNameByte(body[k+len(w)])) {
			return true
		}
		i = k
	}
}

// isNameByte says whether b may go on a word of a name: an ASCII letter,
// a hyphen or any byte of a non-ASCII letter.
func isNameByte(b byte) bool {
	return b >= 0x80 || b == '-' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// pronounSwitch resolves "he" or "she" opening a clause inside cur's
// sentence: only when the readout has shown cur to be of the other gender
// does it mean someone else, the participant it fits.
func (ss *speakerSet) pronounSwitch(s, cur string) (string, bool) {
	if cur == "" || cur == BothSides {
		return "", false
	}
	g := genderMale
	if s[0] == 'S' || s[0] == 's' {
		g = genderFemale
	}
	ss.readHonorifics()
	if cg := ss.gender[cur]; cg == 0 || cg == g || cg == 'x' {
		return "", false
	}
	return ss.pronounSubject(s, cur)
}
