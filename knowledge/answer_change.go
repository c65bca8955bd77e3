package knowledge

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
)

// A question about how someone's position changed ("What changed in
// Biden's position on Taiwan?", "How has Abe's stance on North Korea
// evolved?") is answered by what they said on it in each meeting, oldest
// first, so the change shows line by line.

// maxChangeMeetings bounds the meetings read for one such question.
const maxChangeMeetings = 40

// answerChange lists, oldest first, the sentence of each meeting of the
// first person named that best says their position on the topic. With one
// such meeting it answers as for one meeting; with none, not at all.
func (ix *Index) answerChange(ctx context.Context, pq question) (Answer, error) {
	sc := ix.newScorer(ctx, pq)
	if sc.mostlyUnknownAbout() {
		return Answer{}, ErrNoAnswer
	}
	var strong []string
	for _, w := range pq.topic {
		if !slices.Contains(pq.weak, w) {
			strong = append(strong, w)
		}
	}
	if len(strong) == 0 {
		return ix.answerOne(ctx, pq)
	}
	must := append(ix.peopleQueries(pq), topicMatch(strong))
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(must...), maxChangeMeetings, 0, false)
	req.SortBy([]string{fDate, "_id"})
	if q := dateRange(pq.from, pq.to); q != nil {
		req.Query = bleve.NewConjunctionQuery(append(must, q)...)
	}
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return Answer{}, fmt.Errorf("search meetings: %w", err)
	}
	ms, err := ix.store.meetings(hitIDs(res.Hits))
	if err != nil {
		return Answer{}, err
	}
	type said struct {
		m Meeting
		q Quote
	}
	var lines []said
	for _, m := range ms {
		if sc.meetingCoverage(m) < 0.5 {
			continue
		}
		if len(lines) > 0 && SameMeeting(lines[len(lines)-1].m, m) {
			continue // the other side's readout of the same meeting
		}
		if q, ok := sc.subjectSentence(m); ok {
			lines = append(lines, said{m, q})
		}
	}
	switch len(lines) {
	case 0:
		return Answer{}, ErrNoAnswer // no meeting of theirs touches the topic
	case 1:
		return ix.answerOne(ctx, pq)
	}
	topic := strong
	if len(pq.about) > 0 {
		topic = pq.about
	}
	head := fmt.Sprintf("%s on %s, in %d meetings, oldest first:", subjectLabel(lines[0].m, pq.people[0]), strings.Join(topic, " "), len(lines))
	// The first and the latest lines that fit: the change is between them.
	line := func(l said) string {
		return "- " + ixHumanDate(l.m.Date) + ": \"" + l.q.Text + "\""
	}
	size := utf8.RuneCountInString(head)
	keep := []said{lines[0]}
	size += utf8.RuneCountInString(line(lines[0])) + 1
	var tail []said
	for i := len(lines) - 1; i > 0; i-- {
		n := utf8.RuneCountInString(line(lines[i])) + 1
		if size+n > answerMax-60 {
			break
		}
		size += n
		tail = append([]said{lines[i]}, tail...)
	}
	keep = append(keep, tail...)
	var b strings.Builder
	b.WriteString(head + "\n")
	ans := Answer{}
	var urls []string
	for i, l := range keep {
		if i == 1 && len(keep) < len(lines) {
			fmt.Fprintf(&b, "(%d between)\n", len(lines)-len(keep))
		}
		b.WriteString(line(l) + "\n")
		ans.Meetings = append(ans.Meetings, l.m)
		ans.Quotes = append(ans.Quotes, l.q)
		if l.m.SourceURL != "" && !slices.Contains(urls, l.m.SourceURL) {
			urls = append(urls, l.m.SourceURL)
		}
	}
	if len(urls) > 0 {
		b.WriteString("Sources: " + strings.Join(urls, " "))
	}
	ans.Text = strings.TrimSpace(b.String())
	return ans, nil
}

// subjectSentence is the sentence of m that best says what the question's
// subject said on its topic, shortened to about 160 characters.
func (sc *scorer) subjectSentence(m Meeting) (Quote, bool) {
	sents := answerSentences(m.Text)
	sc.meeting = m
	sc.speakers = map[string]string{}
	for _, st := range sents {
		for i, sp := range speakersOf(m, st) {
			if i == 0 || sc.subject != nil && sc.subjectIs(sp) {
				sc.speakers[st] = sp
			}
		}
	}
	best, bestScore := "", 0.0
	for _, s := range sents {
		if c := sc.scoreSentence(s); c.score > bestScore && len(c.covers) > 0 {
			best, bestScore = s, c.score
		}
	}
	if best == "" {
		return Quote{}, false
	}
	text := stripListMarker(best)
	if utf8.RuneCountInString(text) > 160 {
		text = sc.excerpt(text, 160)
	}
	return Quote{MeetingID: m.ID, Speaker: speakerOf(m, best), Text: text, SourceURL: m.SourceURL}, true
}

// subjectLabel names the asked-about person as meeting m does.
func subjectLabel(m Meeting, words []string) string {
	for _, p := range m.Participants {
		if namesAgree(ixWords(p.Name), words) {
			return p.Label()
		}
	}
	return strings.Join(words, " ")
}
