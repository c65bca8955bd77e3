package knowledge

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Filter selects meetings for listing. Empty fields do not filter.
type Filter struct {
	// Person matches any participant whose name holds all these words
	// ("Abe", "Shinzo Abe").
	Person string
	// Country matches participants' affiliations by words ("Japan").
	Country string
	// Topic matches words of topics, titles, positions and text.
	Topic string
	// From and To bound the meeting date, YYYY-MM-DD, inclusive.
	From, To string
	// PublishedFrom and PublishedTo bound the release date, inclusive.
	PublishedFrom, PublishedTo string
	// IngestedFrom (inclusive) and IngestedTo (exclusive) bound when the
	// index took the meeting in.
	IngestedFrom, IngestedTo time.Time
	// Limit is the page size (default 20, at most 1000); Offset skips.
	Limit, Offset int
}

// Page is one page of meetings and how many match in all.
type Page struct {
	Meetings []Meeting
	Total    int
}

// Meetings lists meetings matching f, newest meeting date first (undated
// last).
func (ix *Index) Meetings(ctx context.Context, f Filter) (Page, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if f.Limit <= 0 {
		f.Limit = 20
	}
	f.Limit = min(f.Limit, 1000)
	f.Offset = max(f.Offset, 0)
	req := bleve.NewSearchRequestOptions(filterQuery(f), f.Limit, f.Offset, false)
	req.SortByCustom(newestFirst())
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return Page{}, fmt.Errorf("list meetings: %w", err)
	}
	ms, err := ix.store.meetings(hitIDs(res.Hits))
	if err != nil {
		return Page{}, err
	}
	return Page{Meetings: ms, Total: int(res.Total)}, nil
}

func newestFirst() search.SortOrder {
	return search.SortOrder{
		&search.SortField{Field: fDate, Desc: true, Type: search.SortFieldAsString, Missing: search.SortFieldMissingLast},
		&search.SortField{Field: fPublished, Desc: true, Type: search.SortFieldAsString, Missing: search.SortFieldMissingLast},
		&search.SortDocID{},
	}
}

func hitIDs(hits search.DocumentMatchCollection) []string {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	return ids
}

func filterQuery(f Filter) query.Query {
	var must []query.Query
	if q := personFilter(f.Person); q != nil {
		must = append(must, q)
	}
	if q := wordsQuery(fAffTok, f.Country); q != nil {
		must = append(must, q)
	}
	if strings.TrimSpace(f.Topic) != "" {
		must = append(must, topicQuery(f.Topic))
	}
	if q := dateRange(f.From, f.To); q != nil {
		must = append(must, q)
	}
	if q := termRange(fPublished, f.PublishedFrom, f.PublishedTo); q != nil {
		must = append(must, q)
	}
	if q := ingestedRange(f.IngestedFrom, f.IngestedTo); q != nil {
		must = append(must, q)
	}
	if len(must) == 0 {
		return bleve.NewMatchAllQuery()
	}
	return bleve.NewConjunctionQuery(must...)
}

// personFilter matches a participant by name words, or by office and
// affiliation words for one named only by office ("Secretary-General of
// United Nations"); nil when s has no words.
func personFilter(s string) query.Query {
	var words []string
	for _, w := range ixWords(s) {
		if !ixStopWords[w] {
			words = append(words, w)
		}
	}
	if len(words) == 0 {
		return nil
	}
	joined := strings.Join(words, " ")
	return bleve.NewDisjunctionQuery(wordsQuery(fPersonTok, joined), wordsQuery(fRole, joined))
}

// wordsQuery matches documents whose keyword field holds every folded word
// of s; nil when s has none.
func wordsQuery(field, s string) query.Query {
	words := ixWords(s)
	if len(words) == 0 {
		return nil
	}
	var qs []query.Query
	for _, w := range ixUnique(words) {
		t := bleve.NewTermQuery(w)
		t.SetField(field)
		qs = append(qs, t)
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewConjunctionQuery(qs...)
}

// topicQuery matches s (all its words) in topics, title, positions or text.
func topicQuery(s string) query.Query {
	var qs []query.Query
	for _, field := range []string{fTopics, fTitle, fText} {
		m := bleve.NewMatchQuery(s)
		m.SetField(field)
		m.SetOperator(query.MatchQueryOperatorAnd)
		qs = append(qs, m)
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// termRange bounds a keyword date field inclusively; nil when unbounded.
func termRange(field, from, to string) query.Query {
	if from == "" && to == "" {
		return nil
	}
	yes := true
	if to != "" {
		to += "\xff" // so a month "2006-07" includes its days
	}
	q := bleve.NewTermRangeInclusiveQuery(from, to, &yes, &yes)
	q.SetField(field)
	return q
}

// dateRange bounds the meeting date inclusively; nil when unbounded.
// Bounds may be a year or a month. Each meeting carries its day number
// (YYYYMMDD) at three widths, day, month and year, so a range is a few
// term ranges: stray days at either end, stray months, then whole years,
// each reading only the terms that exist. (A numeric field did this with
// sixteen prefix terms per meeting, which made index merges cost twice
// as much.)
func dateRange(from, to string) query.Query {
	lo, okLo := ixDayNumber(from, false)
	hi, okHi := ixDayNumber(to, true)
	if !okLo && !okHi {
		return nil
	}
	if !okLo {
		lo = 0
	}
	if !okHi {
		hi = 99999999
	}
	var qs []query.Query
	for _, r := range dayRanges(int(lo), int(hi)) {
		yes := true
		q := bleve.NewTermRangeInclusiveQuery(fmt.Sprintf("%s%0*d", r.prefix, r.width, r.lo), fmt.Sprintf("%s%0*d", r.prefix, r.width, r.hi), &yes, &yes)
		q.SetField(fWhen)
		qs = append(qs, q)
	}
	if len(qs) == 0 {
		// lo > hi: nothing matches; an empty day range says so.
		yes := true
		q := bleve.NewTermRangeInclusiveQuery(whenDay+"1", whenDay+"0", &yes, &yes)
		q.SetField(fWhen)
		return q
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// ingestedRange matches meetings ingested from from (inclusive) to to
// (exclusive); a zero bound does not bound. The whole UTC days between the
// bounds are a range of day terms, the part days at either end ranges of
// instants, so the query reads about as many terms as days it spans plus
// the meetings ingested on its first and last day. Nil when unbounded.
func ingestedRange(from, to time.Time) query.Query {
	if from.IsZero() && to.IsZero() {
		return nil
	}
	no, yes := false, true
	termRange := func(lo, hi string) query.Query {
		q := bleve.NewTermRangeInclusiveQuery(lo, hi, &yes, &no)
		q.SetField(fWhen)
		return q
	}
	instant := func(t time.Time) string { return ingestedInstant + t.UTC().Format(instantLayout) }
	dayOf := func(t time.Time) time.Time {
		t = t.UTC()
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	if !from.IsZero() && !to.IsZero() && !dayOf(from).Before(dayOf(to)) {
		if !from.Before(to) {
			return termRange(instant(to), instant(to)) // empty
		}
		return termRange(instant(from), instant(to))
	}
	var qs []query.Query
	firstDay, lastDay := ingestedDay, ingestedDay+"\xff" // whole days: first inclusive, last exclusive
	if !from.IsZero() {
		next := dayOf(from).AddDate(0, 0, 1)
		qs = append(qs, termRange(instant(from), instant(next)))
		firstDay = ingestedDay + next.Format(dayLayout)
	}
	if !to.IsZero() {
		qs = append(qs, termRange(instant(dayOf(to)), instant(to)))
		lastDay = ingestedDay + dayOf(to).Format(dayLayout)
	}
	if firstDay < lastDay {
		qs = append(qs, termRange(firstDay, lastDay))
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// dayRange is an inclusive range of day, month or year numbers, the
// terms of the when field that start with prefix.
type dayRange struct {
	prefix string
	width  int
	lo, hi int
}

// dayRanges splits the inclusive day-number range lo..hi (YYYYMMDD, where
// month and day run 00..99) into ranges of days, months (YYYYMM) and years
// (YYYY) that together cover exactly the same numbers.
func dayRanges(lo, hi int) []dayRange {
	var out []dayRange
	levels := []struct {
		prefix string
		width  int
	}{{whenDay, 8}, {whenMonth, 6}, {whenYear, 4}}
	for i, lv := range levels {
		if lo > hi {
			break
		}
		if i == len(levels)-1 || lo/100 == hi/100 {
			out = append(out, dayRange{lv.prefix, lv.width, lo, hi})
			break
		}
		nextLo, nextHi := lo/100, hi/100
		if lo%100 != 0 {
			out = append(out, dayRange{lv.prefix, lv.width, lo, lo/100*100 + 99})
			nextLo++
		}
		if hi%100 != 99 {
			out = append(out, dayRange{lv.prefix, lv.width, hi / 100 * 100, hi})
			nextHi--
		}
		lo, hi = nextLo, nextHi
	}
	return out
}

// dateSpan is the earliest and latest meeting date, read from the date
// field's dictionary (one term per day, in date order) without a search.
func (ix *Index) dateSpan() (first, last string, err error) {
	d, err := ix.bleve.FieldDict(fDate)
	if err != nil {
		return "", "", fmt.Errorf("date range: %w", err)
	}
	defer d.Close()
	for {
		e, err := d.Next()
		if err != nil {
			return "", "", fmt.Errorf("date range: %w", err)
		}
		if e == nil {
			return first, last, nil
		}
		if e.Count == 0 {
			continue
		}
		if first == "" {
			first = e.Term
		}
		last = e.Term
	}
}

// Entry is one position a speaker took, for following a stance over time.
type Entry struct {
	MeetingID, Date, Title, Speaker, Topic, Text, SourceURL string
	// New is the salient wording that appears here for the first time in
	// this speaker's statements on the topic (see MarkNewWording).
	New []string
}

// maxPositionMeetings bounds how many meetings Positions reads.
const maxPositionMeetings = 500

// Positions lists what speaker said on topic across meetings, oldest first.
// Joint positions ("both sides") count for every side. An empty topic
// lists all the speaker's positions.
func (ix *Index) Positions(ctx context.Context, speaker, topic string) ([]Entry, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	var who []string
	for _, w := range ixWords(speaker) {
		if !ixStopWords[w] {
			who = append(who, w)
		}
	}
	if len(who) == 0 {
		return nil, fmt.Errorf("positions: no speaker: %w", ErrNotFound)
	}
	must := []query.Query{personFilter(speaker)}
	if strings.TrimSpace(topic) != "" {
		var qs []query.Query
		for _, field := range []string{fText, fTopics} {
			m := bleve.NewMatchQuery(topic)
			m.SetField(field)
			qs = append(qs, m)
		}
		must = append(must, bleve.NewDisjunctionQuery(qs...))
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(must...), maxPositionMeetings, 0, false)
	req.SortBy([]string{fDate, "_id"})
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("positions: %w", err)
	}
	ms, err := ix.store.meetings(hitIDs(res.Hits))
	if err != nil {
		return nil, err
	}
	topicStems := ixStemsOf(topic)
	var out []Entry
	for _, m := range ms {
		for _, p := range m.Positions {
			if !speakerIs(m, p.Speaker, who) {
				continue
			}
			if len(topicStems) > 0 && !ixContainsAny(ixStemsOf(p.Topic+" "+p.Text), topicStems) {
				continue
			}
			out = append(out, Entry{MeetingID: m.ID, Date: m.Date, Title: m.Title, Speaker: p.Speaker, Topic: p.Topic, Text: p.Text, SourceURL: m.SourceURL})
		}
	}
	// One mechanism decides what wording is new, for every caller.
	return MarkNewWording(out), nil
}

// speakerIs reports whether a position's speaker is the person named by
// words, counting a joint position when that person took part.
func speakerIs(m Meeting, speaker string, words []string) bool {
	if speaker == BothSides || strings.HasPrefix(strings.ToLower(speaker), "both") {
		for _, p := range m.Participants {
			if ixHasAll(ixWords(p.Label()), words) {
				return true
			}
		}
		return false
	}
	return ixHasAll(ixWords(speaker), words)
}

func ixHasAll(have, want []string) bool {
	for _, w := range want {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

func ixContainsAny(have, want []string) bool {
	for _, w := range want {
		if slices.Contains(have, w) {
			return true
		}
	}
	return false
}
