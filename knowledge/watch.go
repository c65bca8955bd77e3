package knowledge

import "strings"

// Watch is what a watchlist entry looks for in new readouts. Each field
// that is set must match; matching uses the extracted participants and
// topics, not the raw text, so a readout that only mentions a name in
// passing does not match.
type Watch struct {
	// Person matches a participant whose name holds all these words.
	Person string `json:"person,omitempty"`
	// Country matches a participant's country or organisation.
	Country string `json:"country,omitempty"`
	// Topic matches one of the meeting's topics, or a statement's topic.
	Topic string `json:"topic,omitempty"`
}

// Empty says whether the watch has nothing to look for.
func (w Watch) Empty() bool {
	return strings.TrimSpace(w.Person) == "" && strings.TrimSpace(w.Country) == "" && strings.TrimSpace(w.Topic) == ""
}

// Matches reports whether m is a meeting the watch looks for.
func (w Watch) Matches(m Meeting) bool {
	if w.Empty() {
		return false
	}
	if words := ixWords(w.Person); len(words) > 0 {
		found := false
		for _, p := range m.Participants {
			found = found || p.Name != "" && ixHasAll(ixWords(p.Name), words)
		}
		if !found {
			return false
		}
	}
	if strings.TrimSpace(w.Country) != "" {
		side := newSideMatcher(w.Country)
		found := false
		for _, p := range m.Participants {
			found = found || p.Affiliation != "" && side.matches(Participant{Affiliation: p.Affiliation})
		}
		if !found {
			return false
		}
	}
	if t := cleanTopic(w.Topic); strings.TrimSpace(w.Topic) != "" {
		if t == "" {
			t = strings.TrimSpace(w.Topic)
		}
		keys := topicKeys(t)
		found := false
		check := func(topic string) {
			if c := cleanTopic(topic); c != "" && similarTopics(t, keys, c, topicKeys(c)) {
				found = true
			}
		}
		for _, topic := range m.Topics {
			check(topic)
		}
		for _, p := range m.Positions {
			check(p.Topic)
		}
		if !found {
			return false
		}
	}
	return true
}
