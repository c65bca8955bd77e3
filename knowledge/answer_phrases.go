package knowledge

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// durationPhrase writes a meeting's length as a reader says it: minutes,
// with whole and half hours spelled out too ("60 minutes (1 hour)"), so an
// answer reads right whichever unit the question has in mind.
func durationPhrase(mins int) string {
	s := fmt.Sprintf("%d minutes", mins)
	if mins < 60 {
		return s
	}
	h, rest := mins/60, mins%60
	unit := "hours"
	if h == 1 {
		unit = "hour"
	}
	switch rest {
	case 0:
		return fmt.Sprintf("%s (%d %s)", s, h, unit)
	case 30:
		return fmt.Sprintf("%s (%d and a half %s)", s, h, "hours")
	}
	return fmt.Sprintf("%s (%d %s %d minutes)", s, h, unit, rest)
}

// clockEnd is when a meeting that began at start (HH:MM) and lasted mins
// minutes ended, so "at what time" gets the whole span a readout gives as
// a start and a length ("from 21:00 for 30 minutes" ended at 21:30). It is
// false without both, or when the meeting ran past midnight, whose end
// would read as an earlier time of the same day.
func clockEnd(start string, mins int) (string, bool) {
	if mins <= 0 || len(start) != 5 || start[2] != ':' {
		return "", false
	}
	h, errH := strconv.Atoi(start[:2])
	m, errM := strconv.Atoi(start[3:])
	if errH != nil || errM != nil || h > 23 || m > 59 {
		return "", false
	}
	end := h*60 + m + mins
	if end >= 24*60 {
		return "", false
	}
	return fmt.Sprintf("%02d:%02d", end/60, end%60), true
}

// nextMeetingPhrases are how a readout states the next meeting.
var nextMeetingPhrases = []string{"agreed to meet", "meet again", "next meeting", "agreed to convene", "will meet", "agreed to hold"}

// mentionsNextMeeting says a readout states where or when the sides will
// meet next.
func mentionsNextMeeting(text string) bool {
	l := strings.ToLower(text)
	for _, p := range nextMeetingPhrases {
		if strings.Contains(l, p) {
			return true
		}
	}
	return false
}

// nextMeetingQuery ranks first the readouts that say where or when the
// sides will meet next.
func nextMeetingQuery() query.Query {
	var qs []query.Query
	for _, p := range nextMeetingPhrases {
		q := bleve.NewMatchPhraseQuery(p)
		q.SetField(fText)
		qs = append(qs, q)
	}
	d := bleve.NewDisjunctionQuery(qs...)
	d.SetBoost(3)
	return d
}
