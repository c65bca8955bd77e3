package knowledge

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// A meeting that both sides published a readout of is one meeting, not
// two: lists of meetings show it once, with the fuller account's details,
// and cite both readouts.

// listed is one meeting in a list answer with the other readouts of it.
type listed struct {
	Meeting
	others []Meeting
}

// mergeLinked folds readouts of the same meeting (SameMeeting) in ms,
// which is sorted by date, into one entry each, kept in ms's order.
func mergeLinked(ms []Meeting) []listed {
	out := make([]listed, 0, len(ms))
	for _, m := range ms {
		merged := false
		// Linked readouts are at most a day apart: look back only as far
		// as that can reach.
		for k := len(out) - 1; k >= 0; k-- {
			if d, ok := daysApart(out[k].Date, m.Date); ok && d > linkWindowDays {
				break
			}
			if !SameMeeting(out[k].Meeting, m) && !linkedToAny(out[k].others, m) {
				continue
			}
			if detail(m) > detail(out[k].Meeting) {
				out[k].others = append(out[k].others, out[k].Meeting)
				out[k].Meeting = m
			} else {
				out[k].others = append(out[k].others, m)
			}
			merged = true
			break
		}
		if !merged {
			out = append(out, listed{Meeting: m})
		}
	}
	return out
}

func linkedToAny(ms []Meeting, m Meeting) bool {
	for _, o := range ms {
		if SameMeeting(o, m) {
			return true
		}
	}
	return false
}

// detail is how much a readout says about when and where its meeting was.
func detail(m Meeting) int {
	n := 0
	for _, ok := range []bool{m.Time != "", m.Location != "", m.DurationMinutes > 0} {
		if ok {
			n++
		}
	}
	return n
}

// linkedNote says, after a list line, that other readouts give the same
// meeting: "(also reported by Korea's readout)", with their date when it
// differs (a call in the evening in one capital is the next morning in the
// other).
func linkedNote(l listed) string {
	if len(l.others) == 0 {
		return ""
	}
	var pubs []string
	var dates []string
	for _, o := range l.others {
		if p := Publisher(o); p != "" && p != Publisher(l.Meeting) && !slices.Contains(pubs, p) {
			pubs = append(pubs, p)
		}
		if o.Date != "" && o.Date != l.Date && !slices.Contains(dates, o.Date) {
			dates = append(dates, o.Date)
		}
	}
	var note string
	switch {
	case len(pubs) > 0 && len(l.others) == 1:
		note = "also in the readout of " + pubs[0]
	case len(pubs) > 0:
		note = "also in the readouts of " + ixJoinAnd(pubs)
	case len(l.others) == 1:
		note = "also in another readout"
	default:
		note = fmt.Sprintf("also in %d other readouts", len(l.others))
	}
	if len(dates) > 0 {
		var hd []string
		for _, d := range dates {
			hd = append(hd, ixHumanDate(d))
		}
		note += ", dated " + ixJoinAnd(hd)
	}
	return " (" + note + ")"
}

// counterparts names, most often first, the participants of ms other than
// the person asked about (words, folded): whom that person met, each person
// once however the readouts spell them (SamePerson), under the fullest
// name. It is "" when the asked person cannot be told apart in a meeting.
func counterparts(ms []Meeting, words []string) string {
	type seen struct {
		p     Participant
		count int
	}
	var people []*seen
	for _, m := range ms {
		asked := -1
		for i, p := range m.Participants {
			if ixHasAll(append(ixWords(p.Name), ixWords(p.Title)...), words) {
				asked = i
				break
			}
		}
		if asked < 0 {
			return ""
		}
	next:
		for i, p := range m.Participants {
			if i == asked || p.Label() == "" {
				continue
			}
			for _, s := range people {
				if SamePerson(s.p, p) {
					s.count++
					if len(p.Name) > len(s.p.Name) {
						s.p = p
					}
					continue next
				}
			}
			people = append(people, &seen{p: p, count: 1})
		}
	}
	slices.SortStableFunc(people, func(a, b *seen) int { return b.count - a.count })
	var labels []string
	for _, s := range people {
		l := s.p.Label()
		if s.p.Affiliation != "" && !strings.Contains(l, s.p.Affiliation) {
			l += " (" + s.p.Affiliation + ")"
		}
		labels = append(labels, l)
	}
	return ixJoinAnd(labels)
}

// answerWhoIs answers "who is X": X's office as the latest readout that
// gives one writes it, then the meetings X took part in, with whom.
func (ix *Index) answerWhoIs(ctx context.Context, pq question) (Answer, error) {
	list := pq
	list.askWhoIs, list.askWho = false, true
	list.subject = pq.people[0]
	ans, err := ix.answerList(ctx, list)
	if err != nil {
		return ans, err
	}
	var who Participant
	date := ""
	for _, m := range ans.Meetings { // oldest first: the latest, fullest office wins
		for _, p := range m.Participants {
			if p.Title != "" && nameWithin(pq.people[0], ixWords(p.Name)) && (p.Affiliation != "" || who.Affiliation == "") {
				who, date = p, m.Date
			}
		}
	}
	if who.Title == "" {
		return ans, nil
	}
	line := who.Name + ": " + who.Title
	if who.Affiliation != "" {
		line += " (" + who.Affiliation + ")"
	}
	ans.Text = line + ", in the readout of " + ixHumanDate(date) + ".\n" + ans.Text
	return ans, nil
}
