package knowledge

import (
	"slices"
	"strings"
)

// A readout names a speaker once and goes on with a pronoun ("Amb. Tsegaye
// briefed the Minister. He called on Finland to …"). The extractor gives
// such a sentence to the speaker, so a sentence whose position is an asked
// person's names that person as much as one that spells the name out.

// namesAsked counts the words of asked-about people's names that sentence
// s (fs: its folded words with a space around each) names: in full for a
// word written out, 0.4 for one its speaker stands for (a pronoun is read
// less surely than a name, and between two sentences that say the same,
// the one that spells the name out is the plainer quote).
func (sc *scorer) namesAsked(s, fs string) float64 {
	sp := sc.speakers[s]
	var spWords []string
	if sp != "" && sp != BothSides {
		spWords = ixWords(sp)
	}
	n := 0.0
	for _, p := range sc.pq.people {
		said := spWords != nil && (ixHasAll(spWords, p) || namesAgree(spWords, p))
		for _, w := range p {
			switch {
			case strings.Contains(fs, " "+w+" "):
				n++
			case said:
				n += 0.4
			}
		}
	}
	return n
}

// setMeeting makes m the meeting being quoted, with who stated each of its
// sentences sents. A sentence can hold two sides' positions ("A stressed
// …, while B said …"): it is the asked subject's when either is, and what
// it answers about the subject is in the subject's own clause (a clause
// of both sides, "They discussed next steps, and A urged …", is theirs
// too).
func (sc *scorer) setMeeting(m Meeting, sents []string) {
	sc.meeting = m
	sc.speakers = map[string]string{}
	sc.own = map[string]string{}
	for _, st := range sents {
		sps := speakersOf(m, st)
		for i, sp := range sps {
			if i == 0 || sc.subject != nil && sc.subjectIs(sp) {
				sc.speakers[st] = sp
			}
			if len(sps) > 1 && !slices.Contains(sps, BothSides) && sc.subject != nil && sp != BothSides && sc.subjectIs(sp) {
				if c := ownClause(m, st, sp); c != "" {
					sc.own[st] = c
				}
			}
		}
	}
}

// ownClause is the text of speaker's position in m that is a part of
// sentence, or "".
func ownClause(m Meeting, sentence, speaker string) string {
	ls := strings.ToLower(sentence)
	for _, p := range m.Positions {
		lp := strings.ToLower(strings.TrimRight(p.Text, ". "))
		if p.Speaker == speaker && lp != "" && len(lp) < len(ls) && strings.Contains(ls, lp) {
			return p.Text
		}
	}
	return ""
}
