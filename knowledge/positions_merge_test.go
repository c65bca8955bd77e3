package knowledge

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// mergeRef is the merge as first written, on positions whose topics are
// all found beforehand: mergeTopics must give the same and find only the
// topics it keeps.
// mergePositions joins consecutive sentences of one speaker in one
// paragraph into one position: a numbered point often states one view over
// two or three sentences. A sentence that announces a new topic starts anew.
func mergePositions(ps []Position, paras []int, explicit []bool) []Position {
	if len(ps) < 2 {
		return ps
	}
	out := ps[:1]
	lastPara := paras[0]
	paraTopic := "" // a topic the paragraph announced ("With regard to X,")
	if explicit[0] {
		paraTopic = ps[0].Topic
	}
	for i := 1; i < len(ps); i++ {
		p, last := ps[i], &out[len(out)-1]
		if paras[i] != lastPara {
			paraTopic = ""
		}
		if explicit[i] {
			paraTopic = p.Topic
		}
		if p.Speaker == last.Speaker && paras[i] == lastPara && !explicit[i] &&
			len(last.Text)+1+len(p.Text) <= maxMergedPosition {
			last.Text += " " + p.Text
			if last.Topic == "" {
				last.Topic = p.Topic
			}
			continue
		}
		if paraTopic != "" && !explicit[i] {
			p.Topic = paraTopic // the rest of a numbered point stays on its topic
		}
		out = append(out, p)
		lastPara = paras[i]
	}
	return out
}

// mergeCase is positions as the positions pass leaves them before the
// merge: some topics final, some put off to srcs.
type mergeCase struct {
	ps       []Position
	paras    []int
	explicit []bool
	srcs     []string
}

// randomMergeCase builds n positions of two or three speakers over a few
// paragraphs, from clause texts with and without topics.
func randomMergeCase(r *rand.Rand, n int) mergeCase {
	speakers := []string{"Ana Lopez", "Kenji Sato", BothSides}
	texts := []string{"", "They discussed climate change.", "He stressed the importance of trade with Japan.",
		"The Minister raised the situation in the Middle East.", "It was a good meeting.", "Both reviewed defence ties.",
		strings.Repeat("A long sentence about nothing much at all. ", 6), "She spoke about North Korea and the Red Sea."}
	var c mergeCase
	para := 0
	for range n {
		if r.IntN(3) == 0 {
			para += 1 + r.IntN(2)
		}
		text := texts[r.IntN(len(texts))]
		p := Position{Speaker: speakers[r.IntN(len(speakers))], Text: text}
		src, explicit := "", false
		switch r.IntN(4) {
		case 0:
			p.Topic, explicit = "North Korea", true // announced by an intro
		case 1:
			p.Topic = "" // its clause has no topic found
		default:
			src = text // put off
		}
		c.ps = append(c.ps, p)
		c.paras = append(c.paras, para)
		c.explicit = append(c.explicit, explicit)
		c.srcs = append(c.srcs, src)
	}
	return c
}

func checkMergeTopics(t *testing.T, c mergeCase) {
	t.Helper()
	pi := newPeople([]Participant{{Name: "Ana Lopez", Affiliation: "Spain"}, {Name: "Kenji Sato", Affiliation: "Japan"}})
	ref := slices.Clone(c.ps)
	for i, src := range c.srcs {
		if src != "" {
			ref[i].Topic = clauseTopic(src, pi)
		}
	}
	want := mergePositions(ref, slices.Clone(c.paras), slices.Clone(c.explicit))
	got := mergeTopics(slices.Clone(c.ps), c.paras, c.explicit, c.srcs, pi)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("mergeTopics differs from mergePositions (-want +got):\n%s", diff)
	}
}

func TestMergeTopicsMatchesMergePositions(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 6))
	checkMergeTopics(t, mergeCase{})
	for range 3000 {
		checkMergeTopics(t, randomMergeCase(r, r.IntN(9)))
	}
}

func FuzzMergeTopics(f *testing.F) {
	f.Add(uint64(1), uint8(5))
	f.Fuzz(func(t *testing.T, seed uint64, n uint8) {
		checkMergeTopics(t, randomMergeCase(rand.New(rand.NewPCG(seed, 0)), int(n%12)))
	})
}

// quoteOpenAfterRef is quoteOpenAfter as first written, rune by rune.
func quoteOpenAfterRef(s string, open bool) bool {
	for _, r := range s {
		switch r {
		case '"':
			open = !open
		case '“':
			open = true
		case '”':
			open = false
		}
	}
	return open
}

func checkQuoteOpenAfter(t *testing.T, s string) {
	t.Helper()
	for _, open := range []bool{false, true} {
		if got, want := quoteOpenAfter(s, open), quoteOpenAfterRef(s, open); got != want {
			t.Fatalf("quoteOpenAfter(%q, %v) = %v, want %v", s, open, got, want)
		}
	}
}

func TestQuoteOpenAfterMatchesReference(t *testing.T) {
	texts := append(corpusTexts(t), "“a", "a”", "\"", "\xe2\x80", "\xe2\x80\x9c", "\xe2\xe2\x80\x9c", "\xf0\xe2\x80\x9d",
		"\xe2\x80\x9c\"\xe2\x80\x9d\"", "«» „“ ‘’")
	for _, s := range texts {
		checkQuoteOpenAfter(t, s)
	}
}

func FuzzQuoteOpenAfter(f *testing.F) {
	f.Add("“We agreed,” he said. \"Yes\xe2\x80")
	f.Fuzz(checkQuoteOpenAfter)
}
