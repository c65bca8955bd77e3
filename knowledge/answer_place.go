package knowledge

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// placeQuery matches meetings held at the place the question names (its
// words among the location's, or for a country one of its cities), or
// whose text mentions the place.
func placeQuery(pq question) query.Query {
	if len(pq.place) == 0 {
		return nil
	}
	words := strings.Join(pq.place, " ")
	alts := []query.Query{wordsQuery(fLoc, words)}
	text := bleve.NewMatchQuery(words)
	text.SetField(fText)
	text.SetOperator(query.MatchQueryOperatorAnd)
	alts = append(alts, text)
	for _, c := range citiesOf(pq.placeCountry) {
		alts = append(alts, wordsQuery(fLoc, c))
	}
	return bleve.NewDisjunctionQuery(alts...)
}

// citiesOf lists the cities of the place table in country.
func citiesOf(country string) []string {
	if country == "" {
		return nil
	}
	var out []string
	for _, p := range placeWords {
		if p.isCity && p.country == country {
			out = append(out, p.name)
		}
	}
	return ixUnique(out)
}

// placeMatches reports whether meeting m was held at the question's place:
// the place's words are in its location, or its location is a city of the
// country asked about.
func placeMatches(m Meeting, pq question) bool {
	if len(pq.place) == 0 || m.Location == "" {
		return false
	}
	loc := ixWords(m.Location)
	if ixHasAll(loc, pq.place) {
		return true
	}
	if pq.placeCountry == "" {
		return false
	}
	if ixHasAll(loc, ixWords(pq.placeCountry)) {
		return true
	}
	for _, part := range strings.Split(m.Location, ",") {
		if p, ok := lookupPlace(part); ok && p.isCity && p.country == pq.placeCountry {
			return true
		}
	}
	return false
}

// sentenceFit is how well the best sentence of m answers the question,
// as pickSentences would score it, and cover the largest weighted share of
// the question's words that one sentence of m holds.
func (sc *scorer) sentenceFit(m Meeting) (fit, cover float64) {
	sents := answerSentences(m.Text)
	prevMeeting, prevSpeakers, prevOwn := sc.meeting, sc.speakers, sc.own
	sc.setMeeting(m, sents)
	all := 0.0
	for _, t := range sc.terms {
		if !t.place || sc.pq.askWhere {
			all += t.weight
		}
	}
	for _, s := range sents {
		c := sc.scoreSentence(s)
		fit = max(fit, c.score)
		if c.score > 0 && all > 0 {
			got := 0.0
			for _, st := range c.covers {
				got += sc.terms[st].weight
			}
			cover = max(cover, got/all)
		}
	}
	sc.meeting, sc.speakers, sc.own = prevMeeting, prevSpeakers, prevOwn
	return fit, cover
}

// isMeetingPlace reports whether the question's place is where meetings
// are held (a known city, or a word of some meeting's location) rather
// than a country or region that may be what was discussed ("the
// situation in Gaza").
func (ix *Index) isMeetingPlace(ctx context.Context, pq question) bool {
	if len(pq.place) == 0 || pq.placeCountry != "" {
		return false
	}
	if p, ok := lookupPlace(strings.Join(pq.place, " ")); ok {
		return p.isCity
	}
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return false
	}
	r, err := adv.Reader()
	if err != nil {
		return false
	}
	defer r.Close()
	for _, w := range pq.place {
		tfr, err := r.TermFieldReader(ctx, []byte(w), fLoc, false, false, false)
		if err != nil {
			return false
		}
		n := tfr.Count()
		tfr.Close()
		if n == 0 {
			return false
		}
	}
	return true
}

// placeOnly reports whether every topic word of the question is a word of
// its place: it asks for the meetings held there, nothing more.
func placeOnly(pq question) bool {
	if slices.Equal(pq.topic, []string{"discuss"}) || slices.Equal(pq.topic, []string{"ask"}) {
		return false // "what was discussed in Suva" asks what was said there
	}
	for _, w := range pq.topic {
		if !slices.Contains(pq.place, w) && !slices.Contains(pq.weak, w) {
			return false
		}
	}
	return true
}

// placeFromLocations reads the place of a question typed all in lower
// case ("where did they meet in brussels", "when did she visit cairo")
// from the places meetings were held at: the words after "in", "at" or
// "visit" that some indexed meeting's location holds, up to three. The
// parser alone takes only the cities and countries it knows, as any other
// lower-case word there may be a topic ("in energy").
func (ix *Index) placeFromLocations(pq *question) error {
	toks := tokenizeQuestion(pq.text)
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return fmt.Errorf("read places: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("read places: %w", err)
	}
	defer r.Close()
	held := func(w string) bool {
		if ixStopWords[w] || qQuestionWords[w] || qKindWords[w] || qWeekdays[w] {
			return false
		}
		if _, ok := qMonthNames[w]; ok {
			return false
		}
		tfr, err := r.TermFieldReader(context.Background(), []byte(w), fLoc, false, false, false)
		if err != nil {
			return false
		}
		defer tfr.Close()
		return tfr.Count() > 0
	}
	for i := range toks {
		j := afterPlaceWord(toks, i)
		if j < 0 {
			continue
		}
		var words []string
		for ; j < len(toks) && len(words) < 3 && held(toks[j].word) && !slices.ContainsFunc(pq.people, func(p []string) bool {
			return slices.Contains(p, toks[j].word)
		}); j++ {
			words = append(words, toks[j].word)
		}
		if len(words) > 0 {
			pq.place = words
			return nil
		}
	}
	return nil
}
