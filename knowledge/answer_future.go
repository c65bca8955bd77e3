package knowledge

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Questions about something still to come ("When will the EU disburse the
// tranche?", "Where will the next summit be held?") are answered by the
// sentence of a readout that announces it, quoted first: the date and
// place of the meeting that announced it only say where the quote is from.

// futureWords mark a sentence that speaks of what is still to come.
var futureWords = []string{" will ", " would ", " shall ", " could ", " next ", " again ", " agreed to ", " to be held ",
	" scheduled ", " planned ", " set to ", " due to ", " expected to ", " hope ", " hopes ", " aim to ", " aims to ",
	" plan to ", " plans to ", " intend ", " intends ", " intention ", " invited ", " invitation ", " look forward ",
	" looked forward ", " upcoming ", " later this ", " proposed to ", " in due course "}

// futureTimeWords mark a sentence that says when something will happen.
var futureTimeWords = []string{" january ", " february ", " march ", " april ", " may ", " june ", " july ", " august ",
	" september ", " october ", " november ", " december ", " next week ", " next month ", " next year ", " this year ",
	" this month ", " spring ", " summer ", " autumn ", " fall ", " winter ", " by the end of ", " before the end of ",
	" second half ", " first half ", " soon ", " tomorrow ", " later this ", " early ", " mid ", " within ",
	" at a mutually ", " in due course ", " 2 0 ", " days ", " weeks ", " months "}

// futureBonus weighs how plainly folded sentence fs (spaces around every
// word) announces what a future question asks: a future form, and for
// "when" a time, for "where" a place.
func futureBonus(fs string, pq question) float64 {
	if !pq.askFuture || !ixHasSub(fs, futureWords...) {
		return 0
	}
	b := 1.0
	if pq.futureWhen && (ixHasSub(fs, futureTimeWords...) || hasYear(fs)) {
		b += 0.8
	}
	if pq.futureWhere && ixHasSub(fs, " in ", " at ", " host ", " hosted ", " venue ") {
		b += 0.5
	}
	return b
}

// hasYear reports whether folded words fs hold a four-digit year.
func hasYear(fs string) bool {
	for _, w := range strings.Fields(fs) {
		if _, ok := qYearNumber(w); ok {
			return true
		}
	}
	return false
}

// personOrTextQuery finds meetings a person took part in or whose text
// names them: what someone will do is often told in a readout of a
// meeting of others ("Secretary Blinken will visit China").
func (ix *Index) personOrTextQuery(words []string) query.Query {
	m := bleve.NewMatchQuery(strings.Join(words, " "))
	m.SetField(fText)
	m.SetOperator(query.MatchQueryOperatorAnd)
	return bleve.NewDisjunctionQuery(ix.personQueryFor(words), m)
}

// futureQuotes are the sentences that answer a future question, best
// first: the best one (as text, maybe shortened) and, when another that
// also speaks of what is to come comes close, that one too, as a readout
// may say it twice or in parts.
func (sc *scorer) futureQuotes(m Meeting, cands []scored, text string, hard int) []Quote {
	out := []Quote{{MeetingID: m.ID, Speaker: speakerOf(m, cands[0].text), Text: stripListMarker(text), SourceURL: m.SourceURL}}
	used := utf8.RuneCountInString(text)
	for _, c := range cands[1:] {
		if c.score < 0.5*cands[0].score || used+utf8.RuneCountInString(c.text)+3 > hard || isHeading(c.text) {
			continue
		}
		if !ixHasSub(" "+strings.Join(ixWords(c.text), " ")+" ", futureWords...) {
			continue // what happened at this meeting ("…was held in X") says nothing of what is to come
		}
		out = append(out, Quote{MeetingID: m.ID, Speaker: speakerOf(m, c.text), Text: stripListMarker(c.text), SourceURL: m.SourceURL})
		break
	}
	return out
}

// composeQuoteFirst answers with the sentences that say it, then names the
// meeting they come from, other meetings that fit, and the source.
func (ix *Index) composeQuoteFirst(m Meeting, pq question, sc *scorer, others []Meeting) Answer {
	from := "— from the readout of " + meetingPhrase(m)
	tail := othersLine(others)
	hard := answerMax - utf8.RuneCountInString(from) - 4
	if tail != "" && hard-utf8.RuneCountInString(tail) >= 200 {
		hard -= utf8.RuneCountInString(tail) + 1
	} else {
		tail = ""
	}
	budget := min(max(answerTarget-utf8.RuneCountInString(from)-4, 220), hard)
	quotes := sc.pickSentences(m, budget, hard)
	if len(quotes) == 0 {
		return ix.composeOneWithOthers(m, pq, sc, others)
	}
	var b strings.Builder
	for i, q := range quotes {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString("\"" + q.Text + "\"")
	}
	b.WriteString("\n" + from)
	if tail != "" {
		b.WriteString("\n" + tail)
	}
	b.WriteString("\n" + sourceLine(m))
	return Answer{Text: strings.TrimSpace(b.String()), Meetings: []Meeting{m}, Quotes: quotes}
}

// meetingPhrase names a meeting briefly: who, how, when and where
// ("the call of A and B on 3 May 2021").
func meetingPhrase(m Meeting) string {
	var b strings.Builder
	switch m.Kind {
	case KindTelephone:
		b.WriteString("the call of ")
	case KindVideo:
		b.WriteString("the video call of ")
	default:
		b.WriteString("the meeting of ")
	}
	b.WriteString(participantList(m, 200))
	if m.Date != "" {
		b.WriteString(" on " + ixHumanDate(m.Date))
	}
	if m.Location != "" {
		b.WriteString(" in " + m.Location)
	}
	b.WriteString(".")
	return b.String()
}

// isSide reports whether question word t names a side of the meeting
// being quoted (a participant's country or body, as the question's roles
// do): every sentence of its readout may name it, so it picks none.
func (sc *scorer) isSide(t *qterm) bool {
	if !slices.Contains(sc.pq.roles, t.word) {
		return false
	}
	for _, p := range sc.meeting.Participants {
		if slices.Contains(ixWords(AffiliationText(p.Affiliation)), t.word) {
			return true
		}
	}
	return false
}

// endMeetings keeps, of meetings oldest first, the latest (askLatest) or
// the earliest (askFirst); with a kind asked but not insisted on ("last
// meet" may mean a call), the latest or first of that kind too.
func endMeetings(ms []Meeting, pq question) []Meeting {
	if len(ms) == 0 {
		return ms
	}
	pick := func(ok func(Meeting) bool) int {
		for k := range ms {
			i := k
			if pq.askLatest {
				i = len(ms) - 1 - k
			}
			if ok(ms[i]) {
				return i
			}
		}
		return -1
	}
	end := pick(func(Meeting) bool { return true })
	out := []Meeting{ms[end]}
	if len(pq.kinds) > 0 && !slices.Contains(pq.kinds, ms[end].Kind) {
		if i := pick(func(m Meeting) bool { return slices.Contains(pq.kinds, m.Kind) }); i >= 0 {
			out = append(out, ms[i])
			slices.SortFunc(out, func(a, b Meeting) int { return strings.Compare(a.Date, b.Date) })
		}
	}
	return out
}

// endIndex is the index in ms (any order) of the latest meeting, or the
// earliest for askFirst, preferring the kind asked about.
func endIndex(ms []Meeting, pq question) int {
	best := -1
	for _, kindOnly := range []bool{true, false} {
		for i, m := range ms {
			if m.Date == "" || kindOnly && len(pq.kinds) > 0 && !slices.Contains(pq.kinds, m.Kind) {
				continue
			}
			if best < 0 || pq.askFirst && m.Date < ms[best].Date || !pq.askFirst && m.Date > ms[best].Date {
				best = i
			}
		}
		if best >= 0 {
			return best
		}
	}
	return best
}

// lengthWords say how long something lasted.
var lengthWords = []string{" minute ", " minutes ", " hour ", " hours ", " hour long ", " day ", " days ", " week ", " weeks ",
	" lasted ", " lasting "}

// mentionsLength reports whether some sentence of m says how long it lasted
// ("a three-day visit", "talks lasting two hours") though no length was
// extracted: then it is not for the answer to say the readout is silent.
func mentionsLength(m Meeting) bool {
	for _, s := range answerSentences(m.Text) {
		if ixHasSub(" "+strings.Join(ixWords(s), " ")+" ", lengthWords...) {
			return true
		}
	}
	return false
}

// answerDidMeetThen answers "Did A and B meet in May 2021?": the meeting
// then, as for any question about one meeting, or, when there was none,
// says so and lists the meetings they did have.
func (ix *Index) answerDidMeetThen(ctx context.Context, pq question) (Answer, error) {
	_, err := ix.answerList(ctx, pq)
	if err == nil {
		ans, err := ix.answerOne(ctx, pq)
		if err == nil {
			ans.Text = "Yes. " + ans.Text
		}
		return ans, err
	}
	if !errors.Is(err, ErrNoAnswer) {
		return Answer{}, err
	}
	when := rangePhrase(pq)
	all := pq
	all.from, all.to, all.day, all.month = "", "", "", ""
	all.askDid = false // the list after the no is no yes-or-no answer of its own
	ans, err := ix.answerList(ctx, all)
	if err != nil {
		return ans, err
	}
	ans.Text = "No. No meeting " + when + " is recorded. Their other meetings:\n" + ans.Text
	return ans, nil
}

// rangePhrase says the question's date range in words: "on 3 May 2021",
// "in May 2021", "in 2021", or "between … and …".
func rangePhrase(pq question) string {
	switch {
	case pq.month != "" && pq.from == "":
		if t, err := time.Parse("01", pq.month); err == nil {
			return "in " + t.Format("January")
		}
	case pq.day != "":
		return "on " + ixHumanDate(pq.day)
	case strings.HasSuffix(pq.from, "-01-01") && strings.HasSuffix(pq.to, "-12-31") && pq.from[:4] == pq.to[:4]:
		return "in " + pq.from[:4]
	case strings.HasSuffix(pq.from, "-01") && pq.from[:7] == pq.to[:7]:
		if t, err := time.Parse(time.DateOnly, pq.from); err == nil {
			return "in " + t.Format("January 2006")
		}
	}
	return "between " + ixHumanDate(pq.from) + " and " + ixHumanDate(pq.to)
}
