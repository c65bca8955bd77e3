package knowledge

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Level is how senior the principals of a meeting were.
type Level string

// The levels a meeting is held at, from the participants' titles.
const (
	LevelLeaders   Level = "leaders"
	LevelMinisters Level = "ministers"
	LevelOfficials Level = "officials"
	LevelUnknown   Level = ""
)

// HistoryQuery asks how often two people or two countries met.
type HistoryQuery struct {
	// A and B are each a person ("Ito", "Kenji Ito") or a country or
	// organisation ("Japan", "Republic of Korea").
	A, B string
	// Since bounds the meeting date, YYYY-MM-DD (or YYYY-MM, YYYY), inclusive.
	Since string
}

// Encounter is one meeting or call between the two, with every side's
// readout of it.
type Encounter struct {
	// Readouts are the readouts of this meeting, the first standing for it.
	Readouts []Meeting
	Level    Level
}

// Meeting is the readout that stands for the encounter.
func (e Encounter) Meeting() Meeting { return e.Readouts[0] }

// Location is where it took place, from whichever readout says.
func (e Encounter) Location() string {
	for _, m := range e.Readouts {
		if m.Location != "" {
			return m.Location
		}
	}
	return ""
}

// TopicCount is a topic and in how many encounters it came up.
type TopicCount struct {
	Topic string
	Count int
}

// History is how often two sides met or spoke, and about what.
type History struct {
	Query HistoryQuery
	// Encounters are newest first; each counts once however many sides
	// published a readout of it.
	Encounters []Encounter
	// InPerson, Calls (telephone and video) and Other count them by kind.
	InPerson, Calls, Other int
	// Levels counts them by level.
	Levels map[Level]int
	// Topics are the most discussed first (at most maxHistoryTopics).
	Topics []TopicCount
}

const (
	// maxHistoryMeetings bounds how many readouts one history reads.
	maxHistoryMeetings = 5000
	maxHistoryTopics   = 5
)

// History counts the meetings and calls between A and B (people or
// countries, told apart by the participants they match) since q.Since:
// when they last met, where, at what level, and what came up most. Two
// sides' readouts of one meeting count once. It returns ErrNotFound when
// they never met in the readouts.
func (ix *Index) History(ctx context.Context, q HistoryQuery) (History, error) {
	q.A, q.B = strings.TrimSpace(q.A), strings.TrimSpace(q.B)
	h := History{Query: q, Levels: map[Level]int{}}
	a, b := newSideMatcher(q.A), newSideMatcher(q.B)
	if a.empty() || b.empty() {
		return h, fmt.Errorf("history needs two names: %w", ErrNotFound)
	}
	var found []Meeting
	seen := map[string]bool{}
	for _, f := range a.filters() {
		f.From, f.Limit = q.Since, 1000
		for len(found) < maxHistoryMeetings {
			page, err := ix.Meetings(ctx, f)
			if err != nil {
				return h, fmt.Errorf("history: %w", err)
			}
			for _, m := range page.Meetings {
				if seen[m.ID] {
					continue
				}
				seen[m.ID] = true
				if _, _, ok := sidesOf(m, a, b); ok {
					found = append(found, m)
				}
			}
			f.Offset += len(page.Meetings)
			if len(page.Meetings) == 0 || f.Offset >= page.Total {
				break
			}
		}
	}
	if len(found) == 0 {
		return h, fmt.Errorf("no meeting of %q and %q: %w", q.A, q.B, ErrNotFound)
	}
	// Newest first, readouts of one meeting together.
	slices.SortFunc(found, func(x, y Meeting) int {
		if c := strings.Compare(y.Date, x.Date); c != 0 {
			return c
		}
		return strings.Compare(x.Published+x.ID, y.Published+y.ID)
	})
	for _, m := range found {
		joined := false
		for i := len(h.Encounters) - 1; i >= 0 && i >= len(h.Encounters)-8; i-- {
			e := &h.Encounters[i]
			if slices.ContainsFunc(e.Readouts, func(r Meeting) bool { return SameMeeting(r, m) }) {
				e.Readouts = append(e.Readouts, m)
				joined = true
				break
			}
		}
		if !joined {
			h.Encounters = append(h.Encounters, Encounter{Readouts: []Meeting{m}})
		}
	}
	var topics []topicTally
	for i := range h.Encounters {
		e := &h.Encounters[i]
		e.Level = encounterLevel(*e, a, b)
		h.Levels[e.Level]++
		switch kindOf(*e) {
		case KindInPerson:
			h.InPerson++
		case KindTelephone, KindVideo:
			h.Calls++
		default:
			h.Other++
		}
		topics = tallyTopics(topics, *e)
	}
	slices.SortStableFunc(topics, func(x, y topicTally) int { return y.count - x.count })
	for _, t := range topics[:min(len(topics), maxHistoryTopics)] {
		h.Topics = append(h.Topics, TopicCount{Topic: t.name, Count: t.count})
	}
	return h, nil
}

// kindOf is the kind the readouts of an encounter give.
func kindOf(e Encounter) Kind {
	for _, m := range e.Readouts {
		if m.Kind != "" && m.Kind != KindOther {
			return m.Kind
		}
	}
	return KindOther
}

// sideMatcher tells whether a participant is the person or country a user named.
type sideMatcher struct {
	words   []string // folded words of what was typed
	country string   // the country it names, when it names one
}

func newSideMatcher(s string) sideMatcher {
	m := sideMatcher{words: ixWords(s)}
	if p, ok := lookupPlace(s); ok && !p.isAdj {
		m.country = p.name
	}
	return m
}

func (m sideMatcher) empty() bool { return len(m.words) == 0 }

// filters are the index queries that find this side's meetings.
func (m sideMatcher) filters() []Filter {
	text := strings.Join(m.words, " ")
	fs := []Filter{{Person: text}, {Country: text}}
	if m.country != "" && !ixHasAll(ixWords(m.country), m.words) {
		fs = append(fs, Filter{Country: m.country})
	}
	return fs
}

// matches says whether p is this person, or of this country.
func (m sideMatcher) matches(p Participant) bool {
	if p.Name != "" && ixHasAll(ixWords(p.Name), m.words) {
		return true
	}
	if p.Affiliation == "" {
		return false
	}
	if ixHasAll(ixWords(AffiliationText(p.Affiliation)), m.words) {
		return true
	}
	return m.country != "" && sameAffiliation(p.Affiliation, m.country)
}

// sidesOf splits m's participants into those matching a and those matching
// b (each participant on one side only); ok when both sides took part.
func sidesOf(m Meeting, a, b sideMatcher) (as, bs []Participant, ok bool) {
	for _, p := range m.Participants {
		switch {
		case a.matches(p) && !b.matches(p):
			as = append(as, p)
		case b.matches(p) && !a.matches(p):
			bs = append(bs, p)
		case a.matches(p):
			// Matches both ("Korea" and "South Korea"): count it for the
			// side that has nobody yet.
			if len(as) == 0 {
				as = append(as, p)
			} else {
				bs = append(bs, p)
			}
		}
	}
	return as, bs, len(as) > 0 && len(bs) > 0
}

// encounterLevel is the level of the junior of the two sides' senior
// principals: a prime minister meeting a foreign minister is a meeting at
// ministers' level.
func encounterLevel(e Encounter, a, b sideMatcher) Level {
	best := func(ps []Participant, r int) int {
		for _, p := range ps {
			r = max(r, levelRank(p.Title))
		}
		return r
	}
	ra, rb := 0, 0
	for _, m := range e.Readouts {
		as, bs, _ := sidesOf(m, a, b)
		ra, rb = best(as, ra), best(bs, rb)
	}
	switch min(ra, rb) {
	case 3:
		return LevelLeaders
	case 2:
		return LevelMinisters
	case 1:
		return LevelOfficials
	}
	return LevelUnknown
}

// LevelOf reads how senior a title is: leaders (heads of state or
// government, heads of international organisations), ministers, or officials.
func LevelOf(title string) Level {
	switch levelRank(title) {
	case 3:
		return LevelLeaders
	case 2:
		return LevelMinisters
	case 1:
		return LevelOfficials
	}
	return LevelUnknown
}

func levelRank(title string) int {
	t := " " + strings.Join(ixWords(title), " ") + " "
	if strings.TrimSpace(t) == "" {
		return 0
	}
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(t, " "+w+" ") {
				return true
			}
		}
		return false
	}
	switch {
	case has("deputy", "vice", "assistant", "under", "undersecretary", "parliamentary", "junior", "acting", "former"):
		return 1
	case has("president", "prime minister", "chancellor", "king", "queen", "emperor", "empress", "premier",
		"head of state", "head of government", "secretary general", "general secretary", "taoiseach", "sultan", "emir", "amir",
		"crown prince", "chairman of the central military commission"):
		return 3
	case has("minister", "secretary", "high representative", "commissioner", "foreign secretary", "chief cabinet secretary"):
		return 2
	}
	return 1
}

// topicTally counts one topic across encounters.
type topicTally struct {
	name  string
	keys  []string
	count int
}

// tallyTopics counts each topic of an encounter once, joining it to a
// topic already counted when they are one topic.
func tallyTopics(ts []topicTally, e Encounter) []topicTally {
	counted := map[int]bool{}
	for _, m := range e.Readouts {
		var names []string
		names = append(names, m.Topics...)
		for _, p := range m.Positions {
			names = append(names, p.Topic)
		}
		for _, n := range names {
			n = cleanTopic(n)
			if n == "" {
				continue
			}
			keys := topicKeys(n)
			i := slices.IndexFunc(ts, func(t topicTally) bool { return similarTopics(t.name, t.keys, n, keys) })
			if i < 0 {
				ts = append(ts, topicTally{name: n, keys: keys})
				i = len(ts) - 1
			} else if len(strings.Fields(n)) < len(strings.Fields(ts[i].name)) {
				ts[i].name, ts[i].keys = n, keys
			}
			if !counted[i] {
				counted[i] = true
				ts[i].count++
			}
		}
	}
	return ts
}
