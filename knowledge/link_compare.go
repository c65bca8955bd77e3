package knowledge

import (
	"regexp"
	"slices"
	"strings"
)

// Side is one publisher's readout of a meeting that several sides reported.
type Side struct {
	// Publisher is the readout's source ("Ministry of Foreign Affairs of Japan").
	Publisher string
	Meeting   Meeting
}

// Account is what one side's readout says on a topic.
type Account struct {
	// Side indexes Comparison.Sides.
	Side int
	// Positions are the readout's statements on the topic.
	Positions []Position
	// Mention is a sentence of the readout naming the topic, when it
	// records no statement on it; empty when it only lists the topic.
	Mention string
}

// TopicAccounts is one topic and each side's account of it; a side that
// did not report the topic has no account.
type TopicAccounts struct {
	Topic    string
	Accounts []Account
}

// Comparison sets each side's account of a meeting beside the others', so a
// reader sees what one government mentioned and the other left out.
type Comparison struct {
	Sides []Side
	// Topics are in the order the readouts raise them.
	Topics []TopicAccounts
}

// Shared lists the topics every side reported.
func (c Comparison) Shared() []TopicAccounts {
	var out []TopicAccounts
	for _, t := range c.Topics {
		if len(t.Accounts) == len(c.Sides) {
			out = append(out, t)
		}
	}
	return out
}

// OnlyBy lists the topics that side alone reported (when there are several sides).
func (c Comparison) OnlyBy(side int) []TopicAccounts {
	var out []TopicAccounts
	if len(c.Sides) < 2 {
		return nil
	}
	for _, t := range c.Topics {
		if len(t.Accounts) == 1 && t.Accounts[0].Side == side {
			out = append(out, t)
		}
	}
	return out
}

// Compare sets the readouts of one meeting side by side: it groups their
// topics (by shared key words, so "North Korea" and "Japan's position on
// North Korea" are one topic) and gives each side's statements on each. A
// side whose readout names a topic only in passing gets the sentence that
// names it, so a topic is called one-sided only when the other readout does
// not mention it at all.
func Compare(ms []Meeting) Comparison {
	c := Comparison{}
	for _, m := range ms {
		c.Sides = append(c.Sides, Side{Publisher: Publisher(m), Meeting: m})
	}
	// Every side's topics, in order, then grouped across sides.
	type entry struct {
		side  int
		topic string
		keys  []string
	}
	var entries []entry
	for i, m := range ms {
		seen := map[string]bool{}
		add := func(t string) {
			t = cleanTopic(t)
			k := strings.ToLower(t)
			if t == "" || seen[k] {
				return
			}
			seen[k] = true
			entries = append(entries, entry{side: i, topic: t, keys: topicKeys(t)})
		}
		for _, t := range m.Topics {
			add(t)
		}
		for _, p := range m.Positions {
			add(p.Topic)
		}
	}
	parent := make([]int, len(entries))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := range entries {
		for j := i + 1; j < len(entries); j++ {
			if similarTopics(entries[i].topic, entries[i].keys, entries[j].topic, entries[j].keys) {
				parent[find(j)] = find(i)
			}
		}
	}
	groups := map[int][]int{}
	var roots []int
	for i := range entries {
		r := find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	for _, r := range roots {
		members := groups[r]
		// The shortest name stands for the group.
		name := entries[members[0]].topic
		names := map[string]bool{}
		listed := map[int]bool{}
		for _, i := range members {
			e := entries[i]
			names[strings.ToLower(e.topic)] = true
			listed[e.side] = true
			if len(strings.Fields(e.topic)) < len(strings.Fields(name)) {
				name = e.topic
			}
		}
		keys := topicKeys(name)
		ta := TopicAccounts{Topic: name}
		for si, m := range ms {
			a := Account{Side: si}
			for _, p := range m.Positions {
				if p.Topic != "" && names[strings.ToLower(cleanTopic(p.Topic))] {
					a.Positions = append(a.Positions, p)
				}
			}
			if len(a.Positions) == 0 {
				for _, p := range m.Positions {
					if mentions(p.Text, keys) {
						a.Positions = append(a.Positions, p)
					}
				}
			}
			if len(a.Positions) == 0 {
				a.Mention = mentionIn(m.Text, keys)
			}
			if len(a.Positions) > 0 || a.Mention != "" || listed[si] {
				ta.Accounts = append(ta.Accounts, a)
			}
		}
		c.Topics = append(c.Topics, ta)
	}
	return c
}

// genericTopicWords say what kind of topic it is, not which: two topics
// sharing only "issue" or "cooperation" are not the same topic.
var genericTopicWords = ixWordSet(`issue issues matter matters situation situations relation relations relationship
relationships bilateral cooperation cooperate partnership ties question questions affair affairs field fields area areas
regional international global mutual common further current recent latest various two countries country position
positions policy policies development developments efforts effort view views including among agreed discussed both
sides side leaders ministers`)

// keyLen is how many leading letters of a word make its key, so "Korea"
// and "Korean", "economy" and "economic" share one.
const keyLen = 5

// contentWords are the folded words of s without stopwords.
func contentWords(s string) []string {
	var out []string
	for _, w := range ixWords(s) {
		if !ixStopWords[w] {
			out = append(out, w)
		}
	}
	return out
}

func wordKey(w string) string {
	r := []rune(w)
	if len(r) > keyLen {
		r = r[:keyLen]
	}
	return string(r)
}

// topicKeys are the keys of a topic's distinctive words; of all its
// content words when it has only generic ones ("bilateral relations").
func topicKeys(t string) []string {
	var keys, generic []string
	for _, w := range contentWords(t) {
		if len([]rune(w)) < 2 {
			continue
		}
		if genericTopicWords[w] {
			generic = append(generic, wordKey(w))
			continue
		}
		keys = append(keys, wordKey(w))
	}
	if len(keys) == 0 {
		return ixUnique(generic)
	}
	return ixUnique(keys)
}

// similarTopics says whether two topic names are one topic: equal, or more
// than half of the shorter one's distinctive keys in the other.
func similarTopics(a string, ka []string, b string, kb []string) bool {
	if strings.EqualFold(a, b) {
		return true
	}
	if len(ka) == 0 || len(kb) == 0 {
		return false
	}
	if len(ka) > len(kb) {
		ka, kb = kb, ka
	}
	shared := 0
	for _, k := range ka {
		if slices.Contains(kb, k) {
			shared++
		}
	}
	return shared*2 > len(ka)
}

// keysNeeded is how many of a topic's keys a sentence must hold to mention
// it: all of one or two, two thirds of more.
func keysNeeded(n int) int {
	if n <= 2 {
		return n
	}
	return (2*n + 2) / 3
}

// mentions says whether text names the topic with these keys.
func mentions(text string, keys []string) bool {
	if len(keys) == 0 {
		return false
	}
	have := map[string]bool{}
	for _, w := range contentWords(text) {
		have[wordKey(w)] = true
	}
	n := 0
	for _, k := range keys {
		if have[k] {
			n++
		}
	}
	return n >= keysNeeded(len(keys))
}

var reSentenceEnd = regexp.MustCompile(`[.!?]["”’)]?\s+|\n+`)

// mentionIn is the first sentence of text that names the topic, or "".
func mentionIn(text string, keys []string) string {
	for _, s := range reSentenceEnd.Split(text, -1) {
		s = strings.TrimSpace(s)
		if s != "" && mentions(s, keys) {
			return strings.TrimSuffix(s, ".") + "."
		}
	}
	return ""
}

var (
	// reTrailingClause is a verb clause an extracted topic ran into:
	// "Korean Peninsula and called".
	reTrailingClause = regexp.MustCompile(`\s+and\s+\p{Ll}+$`)
	rePossessive     = regexp.MustCompile(`['’]s$`)
)

// cleanTopic tidies an extracted topic for comparing and showing it, and
// drops one that is only a verb ("agreed").
func cleanTopic(t string) string {
	t = strings.TrimSpace(t)
	t = reTrailingClause.ReplaceAllString(t, "")
	t = rePossessive.ReplaceAllString(t, "")
	f := strings.Fields(t)
	if len(f) == 1 && strings.ToLower(f[0]) == f[0] && strings.HasSuffix(f[0], "ed") {
		return ""
	}
	if len(topicKeys(t)) == 0 {
		return ""
	}
	return t
}
