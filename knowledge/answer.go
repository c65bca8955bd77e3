package knowledge

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
	porterstemmer "github.com/blevesearch/go-porterstemmer"
)

// Answer is the reply to a question.
type Answer struct {
	// Text is the concise reply, at most about 700 characters besides
	// links, ending with its sources.
	Text string
	// Meetings are the meetings the answer rests on, most relevant first
	// (in date order for questions about several meetings).
	Meetings []Meeting
	// Quotes are the sentences of the readouts the answer cites.
	Quotes []Quote
}

// Quote is one cited sentence with where it comes from.
type Quote struct {
	MeetingID string
	// Speaker is who stated it, when a position of the readout says so.
	Speaker   string
	Text      string
	SourceURL string
}

// Answer lengths, in characters without links.
const (
	answerTarget = 450 // most answers stay under this
	answerMax    = 680 // none goes over this (the contract says about 700)
	maxListed    = 12  // meetings listed in one answer (fewer when lines are long)
	candidates   = 12  // meetings reranked for a one-meeting answer
)

// Ask answers a question in plain words from the indexed readouts. It
// returns ErrNoAnswer when no readout answers it rather than an unrelated
// readout, ErrEmptyQuestion and ErrQuestionTooLong for unusable questions.
func (ix *Index) Ask(ctx context.Context, question string) (Answer, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	question = strings.TrimSpace(question)
	if utf8.RuneCountInString(question) > MaxQuestionLen {
		return Answer{}, ErrQuestionTooLong
	}
	if len(ixWords(question)) == 0 {
		return Answer{}, ErrEmptyQuestion
	}
	question, err := ix.respellNames(ctx, question)
	if err != nil {
		return Answer{}, err
	}
	pq := parseQuestion(question, ix.terms)
	if len(pq.place) == 0 && strings.ToLower(question) == question {
		if err := ix.placeFromLocations(&pq); err != nil {
			return Answer{}, err
		}
	}
	if len(pq.people) == 0 && len(pq.topic) == 0 && len(pq.roles) == 0 && pq.from == "" {
		return Answer{}, ErrNoAnswer
	}
	// A capitalised word no readout mentions (an unknown person or thing):
	// nothing here can answer a question about it.
	for _, w := range pq.unknown {
		if df, err := ix.docFreq(ctx, w); err != nil {
			return Answer{}, err
		} else if df == 0 {
			return Answer{}, ErrNoAnswer
		}
	}
	if pq.askWhoIs && len(pq.people) == 1 && placeOnly(pq) && pq.from == "" {
		return ix.answerWhoIs(ctx, pq)
	}
	// "Did A and B meet?" with nothing else asked: every meeting, or none.
	didMeet := pq.askDid && len(pq.people) >= 2 && pq.from == "" && pq.monthDay == "" && pq.month == "" && len(pq.topic) == 0
	// "Where did A and B meet?" with nothing else asked: every meeting
	// with its place, as they may have met in several.
	whereMet := pq.askWhere && !pq.askWhen && len(pq.people) > 0 && pq.from == "" && pq.monthDay == "" && len(pq.topic) == 0 && len(pq.place) == 0
	// "Who did A meet?" with nothing else asked: everyone A met, not the
	// latest meeting alone.
	whoMet := pq.askWho && !pq.askSource && len(pq.people) == 1 && len(pq.subject) > 0 && len(pq.topic) == 0 && pq.monthDay == ""
	list := len(pq.people) > 0 && (pq.askWhen && !pq.askSource || pq.askWho && pq.from != "" || pq.askHowOften || didMeet || whereMet || whoMet)
	// "Which meetings were held in Tokyo?", "Who met in Vienna?": every
	// meeting held there.
	if len(pq.people) == 0 && len(pq.subject) == 0 && len(pq.place) > 0 && !pq.askFuture && !pq.askNext && placeOnly(pq) {
		list = true
	}
	// "Did A and B meet in 2021?": their meetings then, or a plain no
	// with the meetings they did have.
	if pq.askDid && len(pq.people) >= 2 && (pq.from != "" || pq.month != "") && len(pq.topic) == 0 && !list {
		return ix.answerDidMeetThen(ctx, pq)
	}
	if list {
		return ix.answerList(ctx, pq)
	}
	if pq.askChange && len(pq.people) > 0 && len(pq.topic) > 0 {
		return ix.answerChange(ctx, pq)
	}
	ans, err := ix.answerOne(ctx, pq)
	if err == nil && len(ans.Meetings) == 1 && ix.yesByOffices(pq, ans.Meetings[0]) {
		ans.Text = "Yes. " + ans.Text
	} else if sides := ix.askedSides(pq); err == nil && len(sides) >= 2 {
		// "Did the German FM meet the Chilean FM?" when no readout has
		// both: a plain no, not the closest other meeting.
		if none, err := ix.noMeetingOf(ctx, sides, pq); err != nil {
			return Answer{}, err
		} else if none {
			return Answer{Text: "No. No readout records a meeting with participants from " + ixJoinAnd(ix.sideNames(pq)) + "."}, nil
		}
	}
	return ans, err
}

// askedSides are the country words of a yes-or-no question that names
// the sides only by office ("did the German FM meet the Chilean FM").
func (ix *Index) askedSides(pq question) []string {
	if !pq.askDid || len(pq.people) > 0 || !placeOnly(pq) {
		return nil
	}
	var sides []string
	for _, r := range ixUnique(slices.Clone(pq.roles)) {
		if ix.terms.isAffWord(r) || isCountryName(r) {
			sides = append(sides, r)
		}
	}
	return sides
}

// noMeetingOf reports whether no indexed meeting has participants
// affiliated with, or a text naming, every one of sides (and is of the
// kind asked, when it is explicit).
func (ix *Index) noMeetingOf(ctx context.Context, sides []string, pq question) (bool, error) {
	var must []query.Query
	for _, s := range sides {
		t := bleve.NewTermQuery(s)
		t.SetField(fAffTok)
		// Or named in the text ("German", "Chilean"): a participant's
		// country the extractor missed must not make a false no.
		p := bleve.NewPrefixQuery(string([]rune(s)[:min(5, utf8.RuneCountInString(s))]))
		p.SetField(fText)
		must = append(must, bleve.NewDisjunctionQuery(t, p))
	}
	if pq.hardKind {
		must = append(must, kindQuery(pq.kinds))
	}
	res, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(must...), 1, 0, false))
	if err != nil {
		return false, fmt.Errorf("search sides: %w", err)
	}
	return res.Total == 0, nil
}

// sideNames writes the sides askedSides found, each country in capitals
// and in one piece ("United States", "Poland").
func (ix *Index) sideNames(pq question) []string {
	var out []string
	prev := false
	for _, r := range pq.roles {
		side := ix.terms.isAffWord(r) || isCountryName(r)
		if !side {
			prev = false
			continue
		}
		rn, n := utf8.DecodeRuneInString(r)
		w := string(unicode.ToUpper(rn)) + r[n:]
		if prev {
			out[len(out)-1] += " " + w
		} else if !slices.Contains(out, w) {
			out = append(out, w)
		}
		prev = true
	}
	return out
}

// yesByOffices reports whether a yes-or-no question that names the sides
// only by office ("was there a call between the US president and the
// Polish prime minister") is answered yes by meeting m: a participant
// from every country asked about, and the kind asked when it is explicit.
func (ix *Index) yesByOffices(pq question, m Meeting) bool {
	if !pq.askDid || len(pq.people) > 0 || !placeOnly(pq) || pq.hardKind && !slices.Contains(pq.kinds, m.Kind) {
		return false
	}
	var have []string
	for _, p := range m.Participants {
		have = append(have, ixWords(AffiliationText(p.Affiliation))...)
	}
	sides := 0
	for _, r := range ixUnique(slices.Clone(pq.roles)) {
		if !ix.terms.isAffWord(r) {
			continue
		}
		if !slices.Contains(have, r) {
			return false
		}
		sides++
	}
	return sides >= 2
}

func (ix *Index) peopleQueries(pq question) []query.Query {
	var must []query.Query
	for _, p := range pq.people {
		must = append(must, ix.personQueryFor(p))
	}
	return must
}

func kindQuery(kinds []Kind) *query.DisjunctionQuery {
	var qs []query.Query
	for _, k := range kinds {
		t := bleve.NewTermQuery(string(k))
		t.SetField(fKind)
		qs = append(qs, t)
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// answerList answers questions about every meeting of some people (when
// did they meet, who did someone meet on a day): one short line each.
func (ix *Index) answerList(ctx context.Context, pq question) (Answer, error) {
	must := ix.peopleQueries(pq)
	// A name no participant has ("When did Kjeldsen meet Hartanto?"): the
	// meetings listed must at least mention it, or the list answers a
	// question nobody asked.
	// A country or body ("Jordan-Iraq link") is matched through the
	// participants' affiliations instead, which the text need not repeat.
	for _, w := range pq.unknown {
		if !slices.Contains(pq.roles, w) {
			must = append(must, topicMatch([]string{w}))
		}
	}
	if q := dateRange(pq.from, pq.to); q != nil {
		must = append(must, q)
	}
	if q := placeQuery(pq); q != nil {
		must = append(must, q)
	}
	if pq.askHowOften && len(pq.topic) > 0 {
		must = append(must, topicMatch(pq.topic))
	}
	// Lists filtered by topic below read up to 50 meetings; plain lists
	// read only the latest maxListed and count the rest.
	filtered := !pq.askWhen && len(pq.topic) > 0
	size := maxListed
	if filtered {
		size = 50
	}
	search := func(must []query.Query) ([]Meeting, int, error) {
		req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(must...), size, 0, false)
		if pq.askFirst {
			req.SortBy([]string{fDate, "_id"}) // the earliest, oldest first
		} else {
			req.SortBy([]string{"-" + fDate, "-_id"})
		}
		res, err := ix.bleve.SearchInContext(ctx, req)
		if err != nil {
			return nil, 0, fmt.Errorf("search meetings: %w", err)
		}
		ms, err := ix.store.meetings(hitIDs(res.Hits))
		if !pq.askFirst {
			slices.Reverse(ms) // oldest first
		}
		return ms, int(res.Total), err
	}
	var ms []Meeting
	var total int
	var err error
	if pq.hardKind {
		ms, total, err = search(append(slices.Clip(must), kindQuery(pq.kinds)))
		if err != nil {
			return Answer{}, err
		}
	}
	// "Did A and B meet in person?" when they only spoke by phone: say
	// so, then list how they did meet.
	noneOfKind := pq.hardKind && len(ms) == 0
	if len(ms) == 0 {
		ms, total, err = search(must)
		if err != nil {
			return Answer{}, err
		}
	}
	if pq.month != "" {
		// "In March" of any year: a filter on what was found.
		var then []Meeting
		for _, m := range ms {
			if len(m.Date) >= 7 && m.Date[5:7] == pq.month {
				then = append(then, m)
			}
		}
		total -= len(ms) - len(then)
		ms = then
	}
	if len(ms) == 0 {
		return Answer{}, ErrNoAnswer
	}
	// A place asked about: the meetings held there, when any was.
	if len(pq.place) > 0 {
		var there []Meeting
		for _, m := range ms {
			if placeMatches(m, pq) {
				there = append(there, m)
			}
		}
		if len(there) > 0 && len(there) < len(ms) {
			total -= len(ms) - len(there)
			ms = there
		}
	}
	// With a topic, the meetings about it come first; the rest only when
	// none matches.
	scorer := ix.newScorer(ctx, pq)
	if filtered && len(scorer.terms) > 0 && (len(ms) > 1 || pq.askHowOften) {
		var about []Meeting
		for _, m := range ms {
			if scorer.meetingCoverage(m) > 0.5 {
				about = append(about, m)
			}
		}
		if pq.askHowOften && len(about) == 0 {
			return Answer{}, ErrNoAnswer
		}
		if len(about) > 0 && len(about) < len(ms) {
			ms = about
		}
		total = len(ms)
	}
	// Both sides' readouts of one meeting are one line.
	entries := mergeLinked(ms)
	others := map[string]listed{}
	if len(entries) < len(ms) {
		total -= len(ms) - len(entries)
		ms = ms[:0:0]
		for _, e := range entries {
			ms = append(ms, e.Meeting)
			others[e.ID] = e
		}
	}
	// "When did they last meet?": the latest only (and the latest of the
	// kind asked, when that is another); "first": the earliest.
	of := ""
	if pq.askLatest || pq.askFirst {
		of = fmt.Sprintf(" of %d", max(total, len(ms)))
		ms = endMeetings(ms, pq)
		total = len(ms)
	}
	more := max(total-len(ms), 0)
	if pq.askWhere && len(ms) == 1 && more == 0 {
		return ix.composeOne(ms[0], pq, scorer), nil // one meeting: its place, with what was said
	}
	if len(ms) > maxListed {
		more += len(ms) - maxListed
		ms = ms[len(ms)-maxListed:] // the latest
	}
	// When every meeting has the same participants ("when did A and B
	// meet"), name them once and keep each line to date, kind and place.
	same := true
	for _, m := range ms[1:] {
		if participantList(m, 0) != participantList(ms[0], 0) && !sameParticipants(m.Participants, ms[0].Participants) {
			same = false // "Joe Biden" and "Joseph R. Biden Jr." are one person
		}
	}
	var b strings.Builder
	// "Did A and B meet?" is answered yes or no first, then with the
	// meetings that say so.
	if yesNo(pq) {
		if noneOfKind {
			b.WriteString("No. ")
		} else {
			b.WriteString("Yes. ")
		}
	}
	switch {
	case !noneOfKind:
	case len(pq.kinds) > 1:
		b.WriteString("No call by phone or video is recorded. Other meetings:\n")
	case pq.kinds[0] == KindInPerson:
		b.WriteString("No meeting in person is recorded. Other meetings:\n")
	default:
		fmt.Fprintf(&b, "No call %s is recorded. Other meetings:\n", kindPhrase(pq.kinds[0]))
	}
	n := len(ms) + more
	count := "1 meeting"
	if n != 1 {
		count = fmt.Sprintf("%d meetings", n)
	}
	if of != "" && of != " of 1" {
		end := "latest"
		if pq.askFirst {
			end = "first"
		}
		count = "the " + end + of + " meetings"
		if len(ms) > 1 {
			count += fmt.Sprintf(", and the %s %s", end, kindPhrase(pq.kinds[0]))
		}
	}
	with := ""
	if pq.askWho && !same && len(pq.people) == 1 {
		with = counterparts(ms, pq.people[0])
	}
	switch {
	case same:
		fmt.Fprintf(&b, "%s — %s:\n", participantList(ms[0], 200), count)
	case with != "" && utf8.RuneCountInString(with) <= 200:
		fmt.Fprintf(&b, "%s, with %s:\n", count, with)
	case pq.askHowOften:
		b.WriteString(count + ":\n")
	case len(pq.people) == 0:
		b.WriteString(count + " held there:\n")
	}
	// The latest meetings that fit, shown oldest first.
	length := utf8.RuneCountInString(b.String())
	keep := len(ms)
	line := func(m Meeting) string {
		return listLine(m, !same, pq.askWhere) + linkedNote(others[m.ID])
	}
	for i := len(ms) - 1; i >= 0; i-- {
		length += utf8.RuneCountInString(line(ms[i])) + 3
		if length > answerMax-40 && i < len(ms)-1 {
			break
		}
		keep = i
	}
	more += keep
	ms = ms[keep:]
	for _, m := range ms {
		b.WriteString("- " + line(m) + "\n")
	}
	if more > 0 {
		fmt.Fprintf(&b, "(and %d earlier)\n", more)
	}
	ans := Answer{Meetings: ms}
	// Quote the sentence that answers the rest of the question, if any
	// (a list of the meetings held at a place has no rest).
	if len(scorer.terms) > 0 && (len(pq.people) > 0 || !placeOnly(pq)) {
		best, bestScore := -1, 0.0
		for i, m := range ms {
			if s := scorer.meetingCoverage(m); s > bestScore {
				best, bestScore = i, s
			}
		}
		if left := answerMax - utf8.RuneCountInString(b.String()) - 10; best >= 0 && bestScore > 0 && left > 80 {
			if qs := scorer.pickSentences(ms[best], min(left, 300), left); len(qs) > 0 {
				for _, q := range qs {
					b.WriteString("\"" + q.Text + "\" ")
					ans.Quotes = append(ans.Quotes, q)
				}
				b.WriteString("\n")
			}
		}
	}
	var urls []string
	for _, m := range ms {
		for _, r := range append([]Meeting{m}, others[m.ID].others...) {
			if r.SourceURL != "" && !slices.Contains(urls, r.SourceURL) {
				urls = append(urls, r.SourceURL)
			}
		}
	}
	if len(urls) > 0 {
		b.WriteString("Sources: " + strings.Join(urls, " "))
	}
	ans.Text = strings.TrimSpace(b.String())
	return ans, nil
}

// topicMatch matches any of words in a meeting's text, positions, topics
// or title.
func topicMatch(words []string) query.Query {
	var qs []query.Query
	for _, f := range []string{fText, fTopics, fTitle} {
		m := bleve.NewMatchQuery(strings.Join(words, " "))
		m.SetField(f)
		qs = append(qs, m)
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// listLine is one meeting in a list: date, kind, time, place, who. When
// where says the question asks for the place, a meeting in person without
// one says so.
func listLine(m Meeting, who, where bool) string {
	parts := []string{ixHumanDate(m.Date)}
	parts = append(parts, kindPhrase(m.Kind))
	if end, ok := clockEnd(m.Time, m.DurationMinutes); ok {
		parts = append(parts, m.Time+"–"+end)
	} else if m.Time != "" {
		parts = append(parts, m.Time)
	}
	if m.DurationMinutes > 0 {
		parts = append(parts, durationPhrase(m.DurationMinutes))
	}
	if m.Location != "" {
		parts = append(parts, m.Location)
	} else if where && m.Kind != KindTelephone && m.Kind != KindVideo {
		parts = append(parts, "place not given")
	}
	if !who {
		return strings.Join(parts, ", ")
	}
	return strings.Join(parts, ", ") + ": " + participantList(m, 0)
}

func kindPhrase(k Kind) string {
	switch k {
	case KindTelephone:
		return "by telephone"
	case KindVideo:
		return "by video"
	case KindInPerson:
		return "in person"
	}
	return "meeting"
}

// ixHumanDate writes YYYY-MM-DD as "19 September 2017".
func ixHumanDate(d string) string {
	if d == "" {
		return "date not given"
	}
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	return t.Format("2 January 2006")
}

// participantList names the participants with their affiliations, within
// max characters (0: no limit).
func participantList(m Meeting, max int) string {
	var names []string
	for _, p := range m.Participants {
		l := p.Label()
		if l == "" {
			continue
		}
		if p.Affiliation != "" && !strings.Contains(l, p.Affiliation) {
			l += " (" + p.Affiliation + ")"
		}
		names = append(names, l)
	}
	s := ixJoinAnd(names)
	if max > 0 && utf8.RuneCountInString(s) > max {
		s = ixTruncate(s, max)
	}
	if s == "" {
		return m.Title
	}
	return s
}

func ixJoinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// answerOne answers from the one meeting that fits the question best.
func (ix *Index) answerOne(ctx context.Context, pq question) (Answer, error) {
	scorer := ix.newScorer(ctx, pq)
	if scorer.mostlyUnknownAbout() {
		return Answer{}, ErrNoAnswer // no readout uses the words asked about
	}
	must := ix.peopleQueries(pq)
	if pq.askFuture {
		must = must[:0]
		for _, p := range pq.people {
			must = append(must, ix.personOrTextQuery(p))
		}
	}
	if q := placeQuery(pq); q != nil {
		must = append(must, q) // held there or at least mentioned
	}
	subjectAt := -1
	if len(pq.people) == 0 && len(pq.subject) > 0 {
		// "What did the Secretary-General say…": the office must be there.
		subjectAt = len(must)
		must = append(must, wordsQuery(fRole, strings.Join(pq.subject, " ")))
	}
	var should, anchors []query.Query
	var textAnchor *query.MatchQuery // the required text match, when nobody is named
	// Country words and offices rank through the role field; matching
	// them in every text would only cost time.
	var strong []string
	for _, w := range pq.topic {
		if !slices.Contains(pq.weak, w) {
			strong = append(strong, w)
		}
	}
	if len(strong) > 0 {
		words := strings.Join(strong, " ")
		for _, f := range []struct {
			name  string
			boost float64
		}{{fText, 1}, {fTitle, 1}, {fTopics, 1.5}} {
			m := bleve.NewMatchQuery(words)
			m.SetField(f.name)
			m.SetBoost(f.boost)
			anchors = append(anchors, m)
		}
	}
	if q := dateRange(pq.from, pq.to); q != nil {
		if b, ok := q.(query.BoostableQuery); ok {
			b.SetBoost(3)
		}
		anchors = append(anchors, q)
	}
	if len(pq.people) > 0 {
		should = append(should, anchors...)
	} else if len(anchors) > 0 {
		// Nobody named: a meeting must match the topic (in its text) or
		// the date, so common office words only rank what that finds;
		// title and topics matches still rank.
		var req []query.Query
		for _, q := range anchors {
			if m, ok := q.(*query.MatchQuery); ok && m.FieldVal != fText {
				should = append(should, q)
				continue
			}
			req = append(req, q)
		}
		must = append(must, bleve.NewDisjunctionQuery(req...))
		if m, ok := req[0].(*query.MatchQuery); ok {
			textAnchor = m
		}
	}
	for _, r := range ixUnique(pq.roles) {
		if len(pq.people) == 0 && slices.Contains(pq.subject, r) {
			continue // already required
		}
		t := bleve.NewTermQuery(r)
		t.SetField(fRole)
		t.SetBoost(0.5)
		should = append(should, t)
	}
	if len(pq.kinds) > 0 {
		kq := kindQuery(pq.kinds)
		kq.SetBoost(0.5)
		should = append(should, kq)
	}
	if pq.askNext {
		should = append(should, nextMeetingQuery())
	}
	if len(must) == 0 && len(should) == 0 {
		return Answer{}, ErrNoAnswer
	}
	run := func(must []query.Query) (*bleve.SearchResult, error) {
		bq := bleve.NewBooleanQuery()
		if len(must) > 0 {
			bq.AddMust(must...)
		}
		if len(should) > 0 {
			bq.AddShould(should...)
			if len(must) == 0 {
				bq.SetMinShould(1)
			}
		}
		res, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(bq, candidates, 0, false))
		if err != nil {
			return nil, fmt.Errorf("search meetings: %w", err)
		}
		return res, nil
	}
	// Nobody named: try the meetings that mention every topic word first
	// (far fewer to score than those mentioning any), then any.
	var res *bleve.SearchResult
	var err error
	if textAnchor != nil && len(strong) > 1 {
		textAnchor.SetOperator(query.MatchQueryOperatorAnd)
		if res, err = run(must); err != nil {
			return Answer{}, err
		}
		textAnchor.SetOperator(query.MatchQueryOperatorOr)
	}
	if res == nil || len(res.Hits) == 0 {
		if res, err = run(must); err != nil {
			return Answer{}, err
		}
	}
	if len(res.Hits) == 0 && len(pq.people) > 1 {
		// Someone after the subject may be talked about rather than
		// present ("What did Abe tell Moon about Kim?"): the subject must
		// take part, the others may be named in the text.
		relaxed := []query.Query{ix.personQueryFor(pq.people[0])}
		for _, p := range pq.people[1:] {
			m := bleve.NewMatchQuery(strings.Join(p, " ")) // no positions kept: all words
			m.SetField(fText)
			m.SetOperator(query.MatchQueryOperatorAnd)
			relaxed = append(relaxed, bleve.NewDisjunctionQuery(ix.personQueryFor(p), m))
		}
		if q := placeQuery(pq); q != nil {
			relaxed = append(relaxed, q)
		}
		if res, err = run(relaxed); err != nil {
			return Answer{}, err
		}
	}
	if len(res.Hits) == 0 && subjectAt >= 0 {
		// "What did the Brazilian minister highlight?" when the readout
		// gave the minister no affiliation: the office among the
		// participants', the country in the text ("Brazilian").
		if q := officeInText(pq.subject); q != nil {
			relaxed := slices.Clone(must)
			relaxed[subjectAt] = q
			if res, err = run(relaxed); err != nil {
				return Answer{}, err
			}
		}
	}
	if len(res.Hits) == 0 {
		return Answer{}, ErrNoAnswer
	}
	ms, err := ix.store.meetings(hitIDs(res.Hits))
	if err != nil {
		return Answer{}, err
	}
	maxScore := res.MaxScore
	if maxScore <= 0 {
		maxScore = 1
	}
	scores := make([]float64, len(ms))
	covs := make([]float64, len(ms))
	end := -1 // "at their last meeting": the latest (or first) of the candidates
	if pq.askLatest || pq.askFirst {
		end = endIndex(ms, pq)
	}
	best, bestScore, bestCov := 0, math.Inf(-1), 0.0
	for i, m := range ms {
		cov := scorer.meetingCoverage(m)
		s := 3*cov + 0.3*res.Hits[i].Score/maxScore
		if pq.from != "" && m.Date >= pq.from && m.Date <= pq.to {
			s += 1
			if !strings.HasSuffix(pq.from, "-01-01") || !strings.HasSuffix(pq.to, "-12-31") {
				s += 2 // a month or a day names the meeting; a year may be what was discussed
			}
		}
		if pq.monthDay != "" && strings.HasSuffix(m.Date, pq.monthDay) || pq.month != "" && len(m.Date) >= 7 && m.Date[5:7] == pq.month {
			s += 0.5
		}
		if slices.Contains(pq.kinds, m.Kind) {
			s += 0.3
			if pq.askDid {
				s += 0.7 // "was there a call between …" is about a call
			}
		} else if pq.hardKind && len(pq.kinds) > 0 && !pq.askFuture && !pq.askNext {
			// "by phone", "the call": a meeting of another kind answers
			// another question (but a call may plan a meeting in person).
			s -= 1
		}
		if i == end {
			s += 1.5
		}
		if rolesMatch(m, pq.roles) {
			s += 0.3
		}
		// A meeting that records what is asked (time, length, place).
		if pq.askTime && m.Time != "" || pq.askDuration && m.DurationMinutes > 0 || pq.askWhere && m.Location != "" {
			s += 0.5
		}
		if pq.askSource && namesSource(m) {
			s += 0.5
		}
		if pq.askNext && mentionsNextMeeting(m.Text) {
			s += 1 // "Where will they meet next?": the readout that says
		}
		// A place asked about: held there, not only mentioned there.
		if len(pq.place) > 0 && placeMatches(m, pq) && !pq.askFuture {
			s += 1.5 // (what is still to come happens there; the meeting that said so may be elsewhere)
		}
		scores[i], covs[i] = s, cov
		if s > bestScore {
			best, bestScore, bestCov = i, s, cov
		}
	}
	// Among meetings that fit about as well, the one with the sentence
	// that best answers the topic; the others are named after the answer.
	var ties []int
	// What is still to come is in one sentence: for a future question the
	// sentence counts for more, among more of the meetings.
	window, fitWeight := 0.5, 0.4
	if pq.askFuture {
		window, fitWeight = 1.5, 1.5
	}
	if len(scorer.terms) > 0 {
		fit, cover := map[int]float64{}, map[int]float64{}
		for i := range ms {
			if scores[i] >= bestScore-window && covs[i] > 0 {
				fit[i], cover[i] = scorer.sentenceFit(ms[i])
			}
		}
		if len(fit) > 1 {
			maxFit := 0.0
			for _, f := range fit {
				maxFit = max(maxFit, f)
			}
			top, topScore := best, math.Inf(-1)
			for i, f := range fit {
				s := scores[i]
				if maxFit > 0 {
					s += fitWeight * f / maxFit
				}
				// One sentence holding all that is asked beats a readout
				// that has the words in different sentences (or in the
				// other side's clause).
				s += 0.3 * cover[i]
				if s > topScore || s == topScore && i < top {
					top, topScore = i, s
				}
			}
			best, bestScore, bestCov = top, scores[top], covs[top]
			for i, f := range fit {
				// Another publisher's readout of the same meeting is no
				// other meeting.
				if i != best && f >= fit[best]-0.05 && scores[i] >= scores[best]-0.5 && !SameMeeting(ms[i], ms[best]) {
					ties = append(ties, i)
				}
			}
		}
	}
	m := ms[best]
	if scorer.hasAbout() {
		// "What did X say about Y": Y must be what the readout is about.
		if !scorer.aboutMatches(m) {
			return Answer{}, ErrNoAnswer
		}
	}
	// Without names, the date and an office or kind must pin the meeting.
	inRange := pq.from != "" && m.Date >= pq.from && m.Date <= pq.to
	pinned := inRange && (rolesMatch(m, pq.roles) || slices.Contains(pq.kinds, m.Kind))
	if len(scorer.terms) > 0 && bestCov == 0 && scorer.unknownTopic() && !pinned {
		return Answer{}, ErrNoAnswer
	}
	if len(pq.people) == 0 && len(scorer.terms) > 0 && bestCov < 0.34 && !pinned {
		return Answer{}, ErrNoAnswer
	}
	var others []Meeting
	if len(ties) > 0 && len(pq.people) > 0 {
		for _, i := range ties {
			others = append(others, ms[i])
		}
		slices.SortFunc(others, func(a, b Meeting) int { return cmp.Compare(a.Date, b.Date) })
	}
	if pq.askFuture {
		return ix.composeQuoteFirst(m, pq, scorer, others), nil
	}
	return ix.composeOneWithOthers(m, pq, scorer, others), nil
}

// officeInText matches meetings where a participant holds the office
// words of subject and the text names its country words (as a prefix, so
// "Brazilian" for "brazil"); nil when subject has no country or no office.
func officeInText(subject []string) query.Query {
	var office, country []string
	for _, w := range subject {
		if qOfficeWords[w] || qOfficeModifiers[w] || ixStopWords[w] {
			office = append(office, w)
		} else {
			country = append(country, w)
		}
	}
	if len(office) == 0 || len(country) == 0 {
		return nil
	}
	qs := []query.Query{wordsQuery(fRole, strings.Join(office, " "))}
	for _, c := range country {
		var alts []query.Query
		for _, st := range ixStemsOf(c) {
			p := bleve.NewPrefixQuery(st)
			p.SetField(fText)
			alts = append(alts, p)
		}
		if len(alts) == 0 {
			return nil
		}
		qs = append(qs, bleve.NewDisjunctionQuery(alts...))
	}
	return bleve.NewConjunctionQuery(qs...)
}

// yesNo reports whether the question asks only whether people met ("Did
// A and B meet in 2021?", "Have they ever spoken by phone?"), which a
// reader wants answered with a plain yes or no before the details.
func yesNo(pq question) bool {
	return pq.askDid && len(pq.people) >= 2 && len(pq.topic) == 0
}

// rolesMatch reports whether some participant holds an asked-about office
// or country word.
func rolesMatch(m Meeting, roles []string) bool {
	for _, p := range m.Participants {
		have := ixWords(p.Title + " " + AffiliationText(p.Affiliation))
		for _, r := range roles {
			if slices.Contains(have, r) {
				return true
			}
		}
	}
	return false
}

// composeOne writes who met, when, where and how, then the sentences of the
// readout that answer the question, then the source.
func (ix *Index) composeOne(m Meeting, pq question, sc *scorer) Answer {
	return ix.composeOneWithOthers(m, pq, sc, nil)
}

// composeOneWithOthers is composeOne followed, as far as the length cap
// allows, by the dates of other meetings that fit the question as well.
func (ix *Index) composeOneWithOthers(m Meeting, pq question, sc *scorer, others []Meeting) Answer {
	head := ixHeadline(m)
	if pq.askWhere && m.Location == "" {
		head += " The readout does not say where."
	}
	if pq.askDuration && m.DurationMinutes == 0 && !mentionsLength(m) {
		head += " The readout does not say how long."
	}
	if pq.askTime && !pq.askDuration && m.Time == "" {
		head += " The readout does not say at what time."
	}
	tail := othersLine(others)
	budget := answerTarget - utf8.RuneCountInString(head) - 4
	budget = max(budget, 220)
	hard := answerMax - utf8.RuneCountInString(head) - 4
	if tail != "" && hard-utf8.RuneCountInString(tail) >= 200 {
		hard -= utf8.RuneCountInString(tail) + 1
		budget = min(budget, hard)
	} else {
		tail = ""
	}
	quotes := sc.pickSentences(m, budget, hard)
	var b strings.Builder
	b.WriteString(head)
	for _, q := range quotes {
		b.WriteString(" \"" + q.Text + "\"")
	}
	if tail != "" {
		b.WriteString("\n" + tail)
	}
	b.WriteString("\n" + sourceLine(m))
	return Answer{Text: strings.TrimSpace(b.String()), Meetings: []Meeting{m}, Quotes: quotes}
}

// sourceLine cites where m's readout was published: its address, else its
// publisher; empty when neither is known.
func sourceLine(m Meeting) string {
	switch {
	case m.SourceURL != "":
		return "Source: " + m.SourceURL
	case m.Source != "":
		return "Source: " + m.Source
	}
	return ""
}

// othersLine names other meetings briefly: date, and kind or place.
func othersLine(others []Meeting) string {
	if len(others) == 0 {
		return ""
	}
	var parts []string
	for _, o := range others[:min(len(others), 4)] {
		p := ixHumanDate(o.Date)
		switch {
		case o.Location != "":
			p += " (" + o.Location + ")"
		case o.Kind != KindInPerson && o.Kind != "":
			p += " (" + kindPhrase(o.Kind) + ")"
		}
		parts = append(parts, p)
	}
	if len(others) > 4 {
		parts = append(parts, fmt.Sprintf("%d more", len(others)-4))
	}
	return "Also fits: " + strings.Join(parts, "; ") + "."
}

// ixHeadline says who met whom, when, for how long and where.
func ixHeadline(m Meeting) string {
	var b strings.Builder
	b.WriteString(participantList(m, 200))
	switch m.Kind {
	case KindTelephone:
		b.WriteString(" spoke by telephone")
	case KindVideo:
		b.WriteString(" met by video")
	default:
		b.WriteString(" met")
	}
	if m.Date != "" {
		b.WriteString(" on " + ixHumanDate(m.Date))
	} else {
		b.WriteString(" (date not given)")
	}
	if end, ok := clockEnd(m.Time, m.DurationMinutes); ok {
		b.WriteString(" from " + m.Time + " to " + end)
	} else if m.Time != "" {
		b.WriteString(" at " + m.Time)
	}
	if m.DurationMinutes > 0 {
		b.WriteString(" for " + durationPhrase(m.DurationMinutes))
	}
	if m.Location != "" {
		b.WriteString(" in " + m.Location)
	}
	b.WriteString(".")
	return b.String()
}

// ixStemsOf splits s into words and stems them as the English analyzer of
// the text fields does (Porter), leaving out stopwords. It is much cheaper
// than running the analyzer, with a cache of stems, and it is what both
// questions and readouts go through when answers are ranked.
func ixStemsOf(s string) []string {
	words := ixWords(s)
	out := words[:0]
	for _, w := range words {
		if ixStopWords[w] {
			continue
		}
		out = append(out, stemWord(w))
	}
	return out
}

var stemCache = struct {
	sync.RWMutex
	m map[string]string
}{m: map[string]string{}}

// stemWord is the Porter stem of a folded word, cached.
func stemWord(w string) string {
	stemCache.RLock()
	st, ok := stemCache.m[w]
	stemCache.RUnlock()
	if ok {
		return st
	}
	st = porterstemmer.StemString(w)
	stemCache.Lock()
	if len(stemCache.m) > 200_000 {
		stemCache.m = map[string]string{} // bound memory on odd input
	}
	stemCache.m[w] = st
	stemCache.Unlock()
	return st
}

// docFreq counts meetings whose text, title or participant names hold
// word, from the term dictionaries (no search).
func (ix *Index) docFreq(ctx context.Context, word string) (int, error) {
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return 0, fmt.Errorf("count %q: %w", word, err)
	}
	r, err := adv.Reader()
	if err != nil {
		return 0, fmt.Errorf("count %q: %w", word, err)
	}
	defer r.Close()
	n := 0
	try := func(term, field string) {
		tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
		if err == nil {
			n = max(n, int(tfr.Count()))
			tfr.Close()
		}
	}
	for _, st := range ixStemsOf(word) {
		try(st, fText)
		try(st, fTitle)
		if n == 0 && len(st) >= 4 {
			n = prefixFreq(r, st) // "Iran" in a readout that says "Iranian"
		}
	}
	for _, w := range ixWords(word) {
		try(w, fPersonTok)
		try(w, fAffTok) // a country only a participant's affiliation names
		try(w, fRole)   // an office the text words otherwise ("Pope", "Holy Father")
	}
	return n, nil
}

// scorer weighs the question's topic words by how rare they are in the
// index, to rank meetings and sentences and to refuse off-topic questions.
type scorer struct {
	pq        question
	terms     map[string]*qterm // by the word's own stem
	nameStems []string
	// subject is the first person named, who the question is usually
	// about ("What did Abe say…"); speakers maps a sentence of the
	// meeting being quoted to who stated it.
	subject  []string
	speakers map[string]string
	// own maps a sentence holding several sides' positions, the subject's
	// among them, to the subject's own clause of it.
	own     map[string]string
	meeting Meeting                    // the one being quoted
	stems   map[string]map[string]bool // meeting id -> meetingStems
}

// qterm is one topic word of a question with the stems that count as
// mentioning it (its own and its synonyms').
type qterm struct {
	word     string
	weight   float64
	variants []string
	about    bool
	// weak: a country read from an adjective ("Japanese"), which names a
	// side as often as a topic.
	weak bool
	// unknown: neither the word nor a synonym occurs in any readout.
	unknown bool
	// place: a word of the place the meeting was held at ("in Moscow"),
	// which picks the meeting but is no reason to quote a sentence.
	place bool
}

func (ix *Index) newScorer(ctx context.Context, pq question) *scorer {
	sc := &scorer{pq: pq, terms: map[string]*qterm{}, stems: map[string]map[string]bool{}}
	about := map[string]bool{}
	for _, w := range pq.about {
		about[w] = true
	}
	var all []string
	weak := map[string]bool{}
	for _, w := range pq.weak {
		weak[w] = true
	}
	place := map[string]bool{}
	if ix.isMeetingPlace(ctx, pq) {
		for _, w := range pq.place {
			place[w] = true
		}
	}
	for _, w := range pq.topic {
		for _, st := range ixStemsOf(w) {
			if _, ok := sc.terms[st]; ok {
				continue
			}
			variants := append([]string{st}, synonymStems()[st]...)
			for _, f := range shortFormWords[w] {
				variants = append(variants, stemWord(f))
			}
			for _, f := range derivedForms(w) {
				if d := stemWord(f); !slices.Contains(variants, d) {
					variants = append(variants, d)
				}
			}
			t := &qterm{word: w, about: about[w], weak: weak[w], place: place[w], variants: variants}
			sc.terms[st] = t
			all = append(all, t.variants...)
		}
	}
	df, n := ix.docFreqs(ctx, all)
	for _, t := range sc.terms {
		// The word's own rarity; a word no readout uses takes its
		// synonyms' ("deliveries" -> "flow").
		best := df[t.variants[0]]
		if best == 0 {
			for _, v := range t.variants[1:] {
				best = max(best, df[v])
			}
		}
		t.unknown = best == 0
		t.weight = math.Log(1 + float64(n+1)/float64(best+1))
		if t.weak && len(sc.terms) > 1 {
			t.weight *= 0.3 // alone, it is all there is to look for
		}
	}
	for _, p := range pq.people {
		sc.nameStems = append(sc.nameStems, p...)
	}
	sc.subject = pq.subject
	if sc.subject == nil && len(pq.people) > 0 {
		sc.subject = pq.people[0]
	}
	return sc
}

// docFreqs counts the readouts whose text holds each stem, from the term
// dictionary (no search), and the number of readouts.
func (ix *Index) docFreqs(ctx context.Context, stems []string) (map[string]int, int) {
	out := make(map[string]int, len(stems))
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return out, 0
	}
	r, err := adv.Reader()
	if err != nil {
		return out, 0
	}
	defer r.Close()
	n, _ := r.DocCount()
	for _, st := range stems {
		if _, ok := out[st]; ok {
			continue
		}
		tfr, err := r.TermFieldReader(ctx, []byte(st), fText, false, false, false)
		if err != nil {
			continue
		}
		out[st] = int(tfr.Count())
		tfr.Close()
		if out[st] == 0 && len(st) >= 4 {
			// As hasStem does: "iran" is in a readout that says "Iranian".
			out[st] = prefixFreq(r, st)
		}
	}
	return out, int(n)
}

// prefixFreq is the largest document count of a text term starting with
// prefix (looking at a bounded number of terms).
func prefixFreq(r index.IndexReader, prefix string) int {
	d, err := r.FieldDictPrefix(fText, []byte(prefix))
	if err != nil {
		return 0
	}
	defer d.Close()
	best := 0
	for range 64 {
		e, err := d.Next()
		if err != nil || e == nil {
			break
		}
		best = max(best, int(e.Count))
	}
	return best
}

// synonymGroups are words readouts use interchangeably for what was said
// and done; a question in one word finds a readout in another.
var synonymGroups = [][]string{
	{"praise", "commend", "applaud", "laud", "hail", "appreciate", "appreciation", "welcome", "thank", "gratitude"},
	{"urge", "press", "call", "demand", "request", "ask", "need"},
	{"concern", "worry", "preoccupation", "alarm"},
	{"agree", "agreement", "concur", "consensus", "confirm", "affirm", "reaffirm", "outcome", "outcomes", "result", "results", "decide", "decision"},
	{"congratulate", "congratulation", "congratulations"},
	{"condemn", "denounce", "deplore"},
	{"support", "back", "endorse"},
	{"emphasize", "emphasise", "stress", "underline", "underscore", "highlight"},
	{"explain", "brief", "outline", "describe", "update"},
	{"respond", "reply", "answer", "response"},
	{"keep", "continue", "maintain", "sustain"},
	{"work", "effort", "efforts", "cooperation", "cooperate", "collaboration"},
	{"deliver", "delivery", "deliveries", "provision", "flow", "flowing", "supply", "shipment", "transfer"},
	{"plan", "planning", "intend", "intention", "intent", "schedule"},
	{"threat", "danger", "menace"},
	{"warn", "warning", "caution", "clear"},
	{"sign", "signed", "signature"},
	{"visit", "trip", "tour"},
	{"region", "regional", "area"},
	{"unity", "unified", "together", "solidarity", "unite"},
	{"problem", "issue", "challenge", "difficulty"},
	{"election", "reelection", "re-election", "elected", "victory"},
	{"discuss", "exchange", "review", "talk"},
	{"start", "begin", "commence", "commencing", "from"},
	{"statement", "readout", "release"},
	{"initiate", "initiative", "request", "place", "placed"},
	{"halt", "stop", "suspend", "postpone", "cancel"},
	{"objection", "object", "oppose", "opposition", "protest"},
	{"meet", "hold", "host", "receive"},
}

// synonymStems maps a stem to the stems of its synonyms.
var synonymStems = sync.OnceValue(func() map[string][]string {
	out := map[string][]string{}
	for _, g := range synonymGroups {
		var stems []string
		for _, w := range g {
			stems = append(stems, ixStemsOf(w)...)
		}
		stems = ixUnique(stems)
		for _, a := range stems {
			for _, b := range stems {
				if a != b {
					out[a] = append(out[a], b)
				}
			}
		}
	}
	return out
})

// meetingStems are the stems of everything a meeting says.
func meetingStems(m Meeting) map[string]bool {
	var b strings.Builder
	b.WriteString(m.Title + ". " + m.Text + ". " + m.Location + ". " + strings.Join(m.Topics, ". "))
	for _, p := range m.Participants {
		b.WriteString(". " + p.Name + " " + p.Title + " " + AffiliationText(p.Affiliation))
	}
	set := map[string]bool{}
	for _, s := range ixStemsOf(b.String()) {
		set[s] = true
	}
	return set
}

// hasStem matches a stem exactly or as the start of a longer one ("korea"
// in "korean").
func hasStem(set map[string]bool, stem string) bool {
	if set[stem] {
		return true
	}
	if len(stem) < 4 {
		return false
	}
	for s := range set {
		if strings.HasPrefix(s, stem) {
			return true
		}
	}
	return false
}

// matches says whether a set of stems mentions t: its own stem counts
// fully, a synonym a little less.
func (t *qterm) matches(set map[string]bool) float64 {
	if hasStem(set, t.variants[0]) {
		return 1
	}
	for _, v := range t.variants[1:] {
		if set[v] {
			return 0.8
		}
	}
	return 0
}

// coverage is the weighted share of the question's terms (only its about
// terms when about) that meeting m mentions.
func (sc *scorer) coverage(m Meeting, about bool) float64 {
	set, ok := sc.stems[m.ID]
	if !ok {
		set = meetingStems(m)
		sc.stems[m.ID] = set
	}
	var got, all float64
	for _, t := range sc.terms {
		if about && !t.about {
			continue
		}
		all += t.weight
		got += t.weight * t.matches(set)
	}
	if all == 0 {
		return 1
	}
	return got / all
}

func (sc *scorer) meetingCoverage(m Meeting) float64 {
	if len(sc.terms) == 0 {
		return 0
	}
	return sc.coverage(m, false)
}

// hasAbout reports whether the question asks about a topic.
func (sc *scorer) hasAbout() bool {
	for _, t := range sc.terms {
		if t.about {
			return true
		}
	}
	return false
}

// aboutMatches reports whether meeting m is about what the question asks
// about: at least half its words (or their synonyms) are in the readout, at
// most half are words no readout uses, and when it has long, specific
// words, one of them is in the readout. (Under half unknown: "professional
// snooker" is not about professional conduct.)
func (sc *scorer) aboutMatches(m Meeting) bool {
	set, ok := sc.stems[m.ID]
	if !ok {
		set = meetingStems(m)
		sc.stems[m.ID] = set
	}
	var total, matched, unknown, long, longMatched int
	for _, t := range sc.terms {
		if !t.about {
			continue
		}
		total++
		hit := t.matches(set) > 0
		if hit {
			matched++
		}
		if t.unknown {
			unknown++
		}
		if len(t.word) >= 6 {
			long++
			if hit {
				longMatched++
			}
		}
	}
	if total == 0 {
		return true
	}
	return 2*matched >= total && 2*unknown < total && (long == 0 || longMatched > 0)
}

// mostlyUnknownAbout reports whether half or more of the words the
// question asks about are in no readout, which no meeting can then answer.
func (sc *scorer) mostlyUnknownAbout() bool {
	total, unknown := 0, 0
	for _, t := range sc.terms {
		if t.about {
			total++
			if t.unknown {
				unknown++
			}
		}
	}
	return total > 0 && 2*unknown >= total
}

// unknownTopic reports whether the question asks about a word that no
// readout in the index mentions, in any of its synonyms.
func (sc *scorer) unknownTopic() bool {
	for _, t := range sc.terms {
		if t.unknown && len(t.word) >= 4 {
			return true
		}
	}
	return false
}

// scored is a sentence of a readout with what it covers.
type scored struct {
	text   string
	score  float64
	covers []string
	order  int
}

// pickSentences chooses the sentences of m that answer the question: the
// best one, others that cover what it misses, and the sentence after each
// (a statement often runs on), within budget characters.
func (sc *scorer) pickSentences(m Meeting, budget, hard int) []Quote {
	sents := answerSentences(m.Text)
	if len(sents) == 0 {
		for _, p := range m.Positions {
			sents = append(sents, p.Text)
		}
	}
	sc.setMeeting(m, sents)
	all := make([]scored, len(sents))
	var cands []scored
	for i, s := range sents {
		c := sc.scoreSentence(s)
		c.order = i
		all[i] = c
		if c.score > 0 {
			cands = append(cands, c)
		}
	}
	if len(cands) == 0 {
		if f := sc.fallback(all); f >= 0 {
			cands = append(cands, all[f])
		}
	}
	if len(cands) == 0 {
		return nil
	}
	slices.SortStableFunc(cands, func(a, b scored) int { return cmp.Compare(b.score, a.score) })
	chosen := map[int]string{}
	covered := map[string]bool{}
	used := 0
	take := func(c scored, text string) {
		chosen[c.order] = text
		used += utf8.RuneCountInString(text) + 3
		for _, s := range c.covers {
			covered[s] = true
		}
	}
	// The best sentence, shortened around its matches when it is too long.
	best := cands[0]
	text := best.text
	if n := utf8.RuneCountInString(text); n > budget {
		text = sc.excerpt(text, min(max(budget, 200), hard))
	}
	take(best, text)
	if sc.pq.askFuture {
		return sc.futureQuotes(m, cands, text, hard)
	}
	fits := func(o, limit int) bool {
		_, taken := chosen[o]
		return o >= 0 && o < len(all) && !taken && len(chosen) < 4 && used+utf8.RuneCountInString(all[o].text) <= limit
	}
	// A bare line ("Spokesperson" under a name) or a sentence that refers
	// back ("In response…") needs the one before it.
	if (len(strings.Fields(best.text)) <= 3 || refersBack(best.text)) && fits(best.order-1, hard) {
		take(all[best.order-1], all[best.order-1].text)
	}
	// Sentences covering what the best one misses, up to the hard limit.
	for _, c := range cands[1:] {
		if len(chosen) >= 3 {
			break
		}
		gain := 0.0
		for _, s := range c.covers {
			if !covered[s] && !sc.isSide(sc.terms[s]) {
				gain += sc.terms[s].weight
			}
		}
		if gain <= 0 || gain < 0.5*sc.maxWeight() || utf8.RuneCountInString(c.text)+used > hard || isHeading(c.text) && c.score < 10 || c.text == m.Title {
			continue // a heading ("Japan and the United Nations") answers nothing
		}
		take(c, c.text)
	}
	// Context: the sentence after a chosen one when it runs on and still
	// matches (up to the hard limit), the sentence before one that refers
	// back ("In response…", "He…") or is a bare line ("Spokesperson"
	// under a name), then plain next sentences while the budget lasts.
	for _, o := range slices.Sorted(maps.Keys(chosen)) {
		if fits(o+1, hard) && all[o+1].score > 0 {
			take(all[o+1], all[o+1].text)
		}
	}
	for _, o := range slices.Sorted(maps.Keys(chosen)) {
		if (len(strings.Fields(all[o].text)) <= 3 || refersBack(all[o].text)) && fits(o-1, hard) {
			take(all[o-1], all[o-1].text)
		}
	}
	for _, o := range slices.Sorted(maps.Keys(chosen)) {
		if fits(o+1, budget) && !isHeading(all[o+1].text) {
			take(all[o+1], all[o+1].text) // short answers only
		}
	}
	var out []Quote
	for _, o := range slices.Sorted(maps.Keys(chosen)) {
		text := stripListMarker(chosen[o])
		if text == "" {
			continue
		}
		out = append(out, Quote{MeetingID: m.ID, Speaker: speakerOf(m, all[o].text), Text: text, SourceURL: m.SourceURL})
	}
	return out
}

// stripListMarker drops the paragraph numbering or bullet a readout puts
// before a sentence ("2.", "(3)", "b)", "iv.", "•"), which means nothing
// once the sentence is quoted alone.
func stripListMarker(s string) string {
	for {
		t := strings.TrimSpace(s)
		rest, ok := cutListMarker(t)
		if !ok {
			return t
		}
		s = rest
	}
}

// cutListMarker removes one leading list marker followed by a space.
func cutListMarker(s string) (string, bool) {
	if r, n := utf8.DecodeRuneInString(s); strings.ContainsRune("•·▪◦‣*-–—", r) && n < len(s) && s[n] == ' ' {
		return s[n:], true
	}
	i := strings.IndexByte(s, ' ')
	if i <= 0 || i > 7 {
		return s, false
	}
	tok := s[:i]
	open := strings.HasPrefix(tok, "(")
	if open {
		if !strings.HasSuffix(tok, ")") {
			return s, false
		}
		tok = tok[1 : len(tok)-1]
	} else if strings.HasSuffix(tok, ".") || strings.HasSuffix(tok, ")") {
		tok = tok[:len(tok)-1]
	} else {
		return s, false
	}
	tok = strings.TrimSuffix(tok, ".")
	switch {
	case tok == "":
		return s, false
	case strings.Trim(tok, "0123456789") == "" && len(tok) <= 3:
	case len(tok) == 1 && tok[0] >= 'a' && tok[0] <= 'z':
	case open && len(tok) == 1 && tok[0] >= 'A' && tok[0] <= 'Z':
	case strings.Trim(tok, "ivx") == "" && len(tok) <= 4:
	case strings.Trim(tok, "IVX") == "" && len(tok) <= 4 && (open || len(tok) > 1):
	default:
		return s, false
	}
	return s[i:], true
}

// isHeading reports whether a line is a heading or label rather than a
// sentence: short and without closing punctuation.
func isHeading(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".!?:;\"”)'’", last) && len(strings.Fields(s)) < 12
}

// maxWeight is the weight of the question's rarest word.
func (sc *scorer) maxWeight() float64 {
	w := 0.0
	for _, t := range sc.terms {
		w = max(w, t.weight)
	}
	return w
}

// refersBack reports whether a sentence leans on the one before it: it
// opens with a pronoun or a connective.
func refersBack(s string) bool {
	words := ixWords(s)
	for len(words) > 0 && (len(words[0]) <= 2 && words[0][0] >= '0' && words[0][0] <= '9') {
		words = words[1:] // "3." numbering
	}
	if len(words) == 0 {
		return false
	}
	switch words[0] {
	case "he", "she", "they", "it", "this", "these", "that", "in", "furthermore", "moreover", "additionally", "also", "however", "both", "then", "likewise", "similarly":
		if words[0] == "in" {
			return len(words) > 1 && (words[1] == "response" || words[1] == "reply" || words[1] == "turn" || words[1] == "addition" || words[1] == "return")
		}
		return true
	}
	return false
}

// fallback picks a sentence when none mentions the question's words: the
// first substantial one naming an asked-about person, else the first
// substantial one. Questions about date, place or time need none.
func (sc *scorer) fallback(all []scored) int {
	if sc.pq.askWhen || sc.pq.askWhere || sc.pq.askTime || sc.pq.askDuration {
		return -1
	}
	first := -1
	for i, c := range all {
		if len(strings.Fields(c.text)) < 8 {
			continue
		}
		if first < 0 {
			first = i
		}
		fs := " " + strings.Join(ixWords(c.text), " ") + " "
		if i > first && sc.namesAsked(c.text, fs) > 0 {
			return i
		}
	}
	return first
}

// sourceWords mark the line of a readout that says who issued it.
var sourceWords = []string{" spokesperson ", " spokesman ", " spokeswoman ", " attributable ", " press secretary ", " signed ", " provided the following "}

// notNameWords are capitalised words of source lines that are not names.
var notNameWords = ixWordSet(`the following is attributable to spokesperson spokesman spokeswoman press secretary deputy
department state office readout statement pentagon white house ministry foreign affairs of and a an release media
for immediate`)

// namesSource reports whether m's readout names the person who issued it
// ("…attributable to Spokesperson Ned Price", or a name above
// "Spokesperson"; the principals' own names do not count), so "who issued
// it" prefers a readout that says.
func namesSource(m Meeting) bool {
	principals := map[string]bool{}
	for _, p := range m.Participants {
		for _, w := range ixWords(p.Name) {
			principals[w] = true
		}
	}
	sents := answerSentences(m.Text)
	for i, s := range sents {
		fs := " " + strings.Join(ixWords(s), " ") + " "
		if !ixHasSub(fs, sourceWords...) {
			continue
		}
		lines := []string{s}
		if i > 0 && len(strings.Fields(sents[i-1])) <= 4 {
			lines = append(lines, sents[i-1])
		}
		for _, l := range lines {
			run := 0
			for _, w := range strings.Fields(l) {
				r, _ := utf8.DecodeRuneInString(w)
				word := ixFold(strings.Trim(w, ".,:;"))
				if ixIsUpper(r) && !notNameWords[word] && !principals[word] {
					if run++; run >= 2 {
						return true
					}
				} else {
					run = 0
				}
			}
		}
	}
	return false
}

// subjectIs reports whether speaker is the question's subject, by name or,
// for a subject given as an office ("the Prime Minister"), by the office
// and affiliation of the participant who spoke.
func (sc *scorer) subjectIs(speaker string) bool {
	if ixHasAll(ixWords(speaker), sc.subject) || namesAgree(ixWords(speaker), sc.subject) {
		return true
	}
	for _, p := range sc.meeting.Participants {
		if p.Label() == speaker && ixHasAll(ixWords(p.Title+" "+AffiliationText(p.Affiliation)), sc.subject) {
			return true
		}
	}
	return false
}

// speakerOf finds who stated a sentence, when it is one of m's positions.
// speakersOf lists the speakers of the positions in sentence, first found
// first. A position may be one clause of the sentence, capitalised and
// closed with a full stop of its own ("…, while al-X said Y." holds "Al-X
// said Y.").
func speakersOf(m Meeting, sentence string) []string {
	var out []string
	ls := strings.ToLower(sentence)
	for _, p := range m.Positions {
		lp := strings.ToLower(strings.TrimRight(p.Text, ". "))
		if lp != "" && (strings.Contains(ls, lp) || strings.Contains(lp, strings.TrimRight(ls, ". "))) && !slices.Contains(out, p.Speaker) {
			out = append(out, p.Speaker)
		}
	}
	return out
}

func speakerOf(m Meeting, sentence string) string {
	for _, p := range m.Positions {
		if p.Text != "" && (strings.Contains(sentence, p.Text) || strings.Contains(p.Text, sentence)) {
			return p.Speaker
		}
	}
	return ""
}

// scoreSentence weighs how well one sentence answers the question.
func (sc *scorer) scoreSentence(s string) scored {
	set := map[string]bool{}
	said := s
	if o, ok := sc.own[s]; ok {
		said = o // what the subject said, not what the other side did
	}
	for _, st := range ixStemsOf(said) {
		set[st] = true
	}
	fs := " " + strings.Join(ixWords(s), " ") + " "
	if set["call"] && !ixHasSub(fs, " call for ", " calls for ", " called for ", " calling for ") {
		delete(set, "call") // a phone call is how they met, not what was urged
	}
	c := scored{text: s}
	for st, t := range sc.terms {
		if t.place && !sc.pq.askWhere && !sc.pq.askFuture {
			continue // where they met is in the headline; but "when will she visit Santiago" needs Santiago
		}
		if m := t.matches(set); m > 0 {
			w := m * t.weight
			if sc.isSide(t) {
				w *= 0.3 // "Kenya" in a Kenya–Somaliland readout says little
			}
			c.score += w
			c.covers = append(c.covers, st)
		}
	}
	bonus := 0.0
	if sc.pq.askSource && ixHasSub(fs, " spokesperson ", " spokesman ", " attributable ", " press secretary ", " signed ", " statement by ", " readout by ", " provided the following ") {
		bonus += 10
	}
	if (sc.pq.askTime || sc.pq.askDuration) && ixHasSub(fs, " minutes ", " hour ", " hours ", " noon ", " a m ", " p m ", " local time ") {
		bonus += 1.5
	}
	if sc.pq.askDuration && ixHasSub(fs, " day ", " days ", " visit ") {
		bonus += 0.5
	}
	if sc.pq.askWhere && ixHasSub(fs, " in ", " at ") && ixHasSub(fs, " met ", " meeting ", " hosted ", " held ", " visit ") {
		bonus += 0.5
	}
	if (sc.pq.monthDay != "" || sc.pq.day != "") && mentionsQuestionDate(fs, sc.pq) {
		bonus += 1.5
	}
	if c.score > 0 {
		bonus += futureBonus(fs, sc.pq)
		if sc.pq.askFuture && !ixHasSub(fs, futureWords...) {
			c.score *= 0.5 // "when will she visit Berlin": not the sentence of the visit just made
		}
	}
	if c.score > 0 || bonus > 0 {
		c.score += 0.1 * sc.namesAsked(s, fs)
	}
	if c.score > 0 && sc.subject != nil {
		// "What did X say": X's own statements first.
		switch sp := sc.speakers[s]; {
		case sp != "" && sc.subjectIs(sp):
			c.score += 1.5
		case sp == BothSides:
			c.score += 0.5
		case sp != "":
			c.score -= 0.5
		case ixHasAll(ixWords(s), sc.subject):
			c.score += 0.5
		}
	}
	c.score += bonus
	if (len(strings.Fields(s)) < 4 || isHeading(s) || s == sc.meeting.Title) && bonus < 10 {
		c.score *= 0.3 // a heading or the title, not an answer
	}
	return c
}

func ixHasSub(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// mentionsQuestionDate reports whether folded words fs name the question's
// day ("march 18", "18 march").
func mentionsQuestionDate(fs string, pq question) bool {
	md := pq.monthDay
	if pq.day != "" {
		md = pq.day[5:]
	}
	if md == "" {
		return false
	}
	var mo, d int
	fmt.Sscanf(md, "%d-%d", &mo, &d)
	if mo < 1 || mo > 12 {
		return false
	}
	month := strings.ToLower(time.Month(mo).String())
	return strings.Contains(fs, fmt.Sprintf(" %s %d ", month, d)) || strings.Contains(fs, fmt.Sprintf(" %d %s ", d, month)) ||
		strings.Contains(fs, fmt.Sprintf(" %s %dth ", month, d)) || strings.Contains(fs, fmt.Sprintf(" %dth %s ", d, month))
}

// sentAbbrevs end with a period that does not end a sentence.
var sentAbbrevs = ixWordSet(`mr mrs ms dr st no nos jr sr gen lt col prof amb rep sen gov mt jan feb mar apr jun jul aug
sep sept oct nov dec e g i u s a m p vs etc hon h rt fig inc ltd co corp dept approx est`)

// answerSentences splits a readout's text into sentences: at line breaks and
// at sentence ends, not after sentAbbrevs and initials.
func answerSentences(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		start := 0
		rs := []rune(line)
		for i := 0; i < len(rs); i++ {
			r := rs[i]
			if r != '.' && r != '!' && r != '?' {
				continue
			}
			j := i + 1
			for j < len(rs) && (rs[j] == '"' || rs[j] == '\'' || rs[j] == '”' || rs[j] == '’' || rs[j] == ')') {
				j++
			}
			if j >= len(rs) || rs[j] != ' ' {
				continue
			}
			k := j
			for k < len(rs) && rs[k] == ' ' {
				k++
			}
			if k >= len(rs) || !(ixIsUpper(rs[k]) || rs[k] == '"' || rs[k] == '“' || rs[k] >= '0' && rs[k] <= '9') {
				continue
			}
			if r == '.' {
				w := i - 1
				for w >= 0 && rs[w] != ' ' && rs[w] != '(' {
					w--
				}
				word := strings.ToLower(strings.Trim(string(rs[w+1:i]), ".("))
				if sentAbbrevs[word] || utf8.RuneCountInString(word) == 1 || strings.Contains(lastPart(word), ".") {
					continue
				}
			}
			if s := strings.TrimSpace(string(rs[start:j])); s != "" {
				out = append(out, s)
			}
			start = k
			i = k - 1
		}
		if s := strings.TrimSpace(string(rs[start:])); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// lastPart is a word after its last hyphen ("japan-u.s" -> "u.s").
func lastPart(w string) string {
	if i := strings.LastIndexByte(w, '-'); i >= 0 {
		return w[i+1:]
	}
	return w
}

func ixIsUpper(r rune) bool { return unicode.IsUpper(r) }
