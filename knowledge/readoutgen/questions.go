package readoutgen

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/readoutbot/readoutbot/knowledge"
)

// Question kinds in the benchmark mix.
const (
	AskWho        = "who"
	AskWhen       = "when"
	AskWhere      = "where"
	AskPosition   = "position"
	AskSingle     = "single-meeting"
	AskMulti      = "multi-meeting"
	AskUnanswered = "unanswerable"
)

// Question is one question of the benchmark mix.
type Question struct {
	Kind string
	Text string
	// Answerable is false for questions no readout of the corpus answers.
	Answerable bool
}

// Questions returns a fixed mix of questions about a corpus of n readouts:
// for each of perKind sampled meetings one who, when, where, position,
// single-meeting and multi-meeting question, plus perKind unanswerable ones.
// The same seed, n and perKind give the same questions.
func (g *Generator) Questions(n, perKind int) []Question {
	r := rand.New(rand.NewPCG(mix(uint64(g.seed), 0x9e57), uint64(n)))
	var out []Question
	for k := 0; k < perKind; k++ {
		d := g.Doc(r.IntN(n))
		m := d.Truth
		a, b := m.Participants[0], m.Participants[1]
		an, bn := speakerName(a), speakerName(b)
		day := dateWords(m.Date)
		topic := m.Topics[r.IntN(len(m.Topics))]
		verb := "meet"
		switch m.Kind {
		case knowledge.KindTelephone:
			verb = "speak by phone with"
		case knowledge.KindVideo:
			verb = "hold a video call with"
		}
		out = append(out,
			Question{AskWho, fmt.Sprintf("Who did %s meet on %s?", bn, day), true},
			Question{AskWhen, fmt.Sprintf("When did %s %s %s?", an, verb, bn), true},
			Question{AskWhere, fmt.Sprintf("Where did %s and %s meet in %s?", an, bn, m.Date[:4]), true},
			Question{AskSingle, fmt.Sprintf("What did %s and %s discuss on %s?", an, bn, day), true},
			Question{AskMulti, fmt.Sprintf("How often did %s and %s talk about %s?", an, bn, topic), true},
		)
		// A position: pick a stated one when the readout has any.
		if len(m.Positions) > 0 {
			pos := m.Positions[r.IntN(len(m.Positions))]
			who := pos.Speaker
			if who == knowledge.BothSides {
				who = bn
			}
			out = append(out, Question{AskPosition, fmt.Sprintf("What did %s say about %s?", who, pos.Topic), true})
		} else {
			out = append(out, Question{AskPosition, fmt.Sprintf("What did %s say about %s?", bn, topic), true})
		}
	}
	for k := 0; k < perKind; k++ {
		out = append(out, Question{AskUnanswered, unanswerable[k%len(unanswerable)], false})
	}
	return out
}

// unanswerable questions name people, places and subjects the generator
// never writes about.
var unanswerable = []string{
	"What did Zephyrine Quarlesworth say about lunar mining rights?",
	"When did the Grand Vizier of Oz meet the Mayor of Atlantis?",
	"Who attended the underwater chess summit in 1850?",
	"What was agreed about interplanetary postal rates?",
	"Where did Bartholomew Fizzlewick discuss the price of dragon eggs?",
	"When did anyone talk about the volcano tax on Mars?",
	"What did the Emperor of Lilliput say about egg-breaking doctrine?",
	"Who did Ottoline Snargleby call about submarine tourism?",
}

// speakerName is how a question names a participant.
func speakerName(p knowledge.Participant) string {
	if p.Name != "" {
		return p.Name
	}
	aff := p.Affiliation
	switch aff {
	case "United Kingdom":
		aff = "UK"
	case "United Nations":
		aff = "UN"
	}
	return "the " + aff + " " + p.Title
}

// dateWords is "19 September 2017".
func dateWords(iso string) string {
	var y, m, d int
	if _, err := fmt.Sscanf(iso, "%d-%d-%d", &y, &m, &d); err != nil {
		return iso
	}
	return fmt.Sprintf("%d %s %d", d, dayTime(dayNumber(y, 1, 1)).AddDate(0, m-1, 0).Month(), y)
}

// NamePrefixes returns n prefixes of people's names and surnames (one to
// five letters), the way a user types into an autocomplete box.
func (g *Generator) NamePrefixes(n int) []string {
	r := rand.New(rand.NewPCG(mix(uint64(g.seed), 0xa070), 1))
	people := g.cast.people()
	out := make([]string, 0, n)
	for len(out) < n {
		p := people[r.IntN(len(people))]
		word := p.Name
		if r.IntN(2) == 0 {
			word = p.Surname
		}
		runes := []rune(word)
		l := min(1+r.IntN(5), len(runes))
		out = append(out, strings.TrimSpace(string(runes[:l])))
	}
	return out
}
