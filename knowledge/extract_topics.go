package knowledge

import (
	"regexp"
	"sort"
	"strings"
)

// Topics name subjects ("North Korea", "climate change", "the war in
// Ukraine"): short noun phrases. These checks reject what a clause yields
// when its topic words run into a verb or are a bare adjective.

// subjectWords are single lower-case words that name a subject on their own.
var subjectWords = setOf("trade", "climate", "energy", "security", "terrorism", "counterterrorism", "migration",
	"health", "investment", "investments", "defence", "defense", "sanctions", "cybersecurity", "denuclearization",
	"denuclearisation", "nonproliferation", "non-proliferation", "disarmament", "peace", "peacekeeping",
	"development", "education", "agriculture", "tourism", "infrastructure", "connectivity", "fisheries", "space",
	"technology", "innovation", "finance", "economy", "democracy", "corruption", "elections", "refugees",
	"reconstruction", "vaccines", "pandemic", "biodiversity", "nuclear", "shipbuilding", "semiconductors",
	"digitalization", "digitalisation", "decarbonization", "decarbonisation", "multilateralism", "abductions",
	"ceasefire", "hostages", "aid", "food", "water", "oceans", "culture", "sports", "science", "research", "mining",
	"minerals", "transport", "aviation", "shipping", "maritime", "cyber", "ai", "terror")

// notTopicWords are capitalised words that are never a topic alone.
var notTopicWords = setOf("western", "eastern", "northern", "southern", "central", "global", "international",
	"regional", "bilateral", "multilateral", "federal", "national", "royal", "islamic", "arab", "his", "her",
	"today", "tomorrow", "yesterday")

// leadVerbsPast are verbs that can start a clause without "-ed".
var leadVerbs = setOf("made", "took", "gave", "held", "met", "said", "told", "saw", "sent", "paid", "led", "set",
	"kept", "left", "won", "sought", "brought", "thought", "spoke", "agreed", "noted", "stressed", "expressed",
	"reaffirmed", "welcomed", "discussed", "underlined", "underscored", "emphasized", "emphasised", "raised",
	"conveyed", "highlighted", "called", "urged", "thanked", "invited", "briefed", "updated", "outlined", "condemned",
	"shared", "exchanged", "reviewed", "confirmed", "committed", "pledged", "offered", "proposed", "requested")

// timeWords make a topic about when, not what ("the coming hours and days").
var timeWords = setOf("hours", "days", "weeks", "months", "years", "time", "times", "moment", "period", "future",
	"weekend", "morning", "evening", "today", "year", "week", "month", "day")

// genericModifiers make a two-word topic say nothing ("shared interest").
var genericModifiers = setOf("shared", "mutual", "common", "various", "such", "other", "larger", "greater",
	"bigger", "broader", "wider", "closer", "stronger", "deeper", "better", "further", "more", "new", "coming",
	"upcoming", "next", "own", "particular", "respective", "same", "full", "whole", "past", "continued", "broad",
	"wide", "last", "previous", "recent")

// cleanTopicPhrase trims what is not part of a subject from a topic
// phrase: a leading "above all", a possessive pronoun, and everything from
// "and" followed by a verb ("climate and discussed the need").
func cleanTopicPhrase(t string) string {
	f := strings.Fields(t)
	for len(f) > 1 {
		l := strings.ToLower(f[0])
		switch {
		case l == "above" && strings.ToLower(f[1]) == "all":
			f = f[2:]
			continue
		case l == "the" && len(f) > 2:
			f = f[1:]
			continue
		case l == "our" || l == "my" || l == "your" || l == "their" || l == "its" || l == "his" || l == "her":
			f = f[1:]
			continue
		}
		break
	}
	for i := 1; i < len(f); i++ {
		l := strings.ToLower(f[i])
		afterAnd := strings.EqualFold(f[i-1], "and")
		verbish := !isCapitalized(f[i]) && (strings.HasSuffix(l, "ed") || afterAnd && strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss"))
		if leadVerbs[l] || verbish && (afterAnd || i+1 < len(f) && determiners[strings.ToLower(f[i+1])]) {
			f = f[:i]
			if n := len(f); n > 0 && (strings.EqualFold(f[n-1], "and") || strings.EqualFold(f[n-1], "or")) {
				f = f[:n-1]
			}
			break
		}
	}
	// "war in Ukraine and its global", "protection of the Amazon and
	// Germany's": a second item cut short is dropped.
	if i := lastIndexFold(f, "and"); i > 0 && len(f)-i <= 3 {
		tail := f[i+1:]
		if len(tail) == 0 || possessiveWords[strings.ToLower(tail[0])] || isPossessive(tail[len(tail)-1]) ||
			trailingAdjectives[strings.ToLower(tail[len(tail)-1])] {
			f = f[:i]
		}
	}
	for len(f) > 1 && trailingAdjectives[strings.ToLower(f[len(f)-1])] {
		f = f[:len(f)-1] // "broad range of bilateral"
	}
	for len(f) > 1 && (strings.EqualFold(f[len(f)-1], "of") || strings.EqualFold(f[len(f)-1], "and")) {
		f = f[:len(f)-1]
	}
	return strings.Join(f, " ")
}

// lastIndexFold is the index of the last word equal to w, -1 when none.
func lastIndexFold(f []string, w string) int {
	for i := len(f) - 1; i >= 0; i-- {
		if strings.EqualFold(f[i], w) {
			return i
		}
	}
	return -1
}

// possessiveWords begin an item cut short after "and".
var possessiveWords = setOf("its", "their", "his", "her", "our", "the")

// trailingAdjectives cannot end a noun phrase.
var trailingAdjectives = setOf("bilateral", "regional", "global", "international", "multilateral", "critical",
	"economic", "political", "strategic", "overarching", "mutual", "other", "various", "broader", "wider")

// genericHeads are nouns that name no subject when only a modifier or an
// owner comes before them ("global consequences", "Egypt's efforts").
var genericHeads = setOf("consequences", "impacts", "impact", "implications", "efforts", "effort", "plan", "plans",
	"need", "needs", "contribution", "contributions", "role", "priorities", "issues", "matters", "developments",
	"importance", "interest", "interests", "steps", "ways", "progress", "provision", "concerns", "views", "range")

// determiners follow a verb that starts a clause ("welcomed the ships").
var determiners = setOf("the", "a", "an", "their", "its", "his", "her", "our", "this", "that", "these", "those", "to")

// nounTopic says whether a cleaned topic phrase names a subject: not a
// clause ("reaffirmed their agreement"), not a bare adjective ("Western",
// "Iranian-made"), not a lone common word ("conditions"), not a time.
func nounTopic(t string) bool {
	f := strings.Fields(t)
	if len(f) == 0 {
		return false
	}
	first := strings.ToLower(f[0])
	if leadVerbs[first] || !isCapitalized(f[0]) && strings.HasSuffix(first, "ed") && len(f) > 1 && determiners[strings.ToLower(f[1])] {
		return false
	}
	for _, w := range f {
		if timeWords[strings.ToLower(strings.Trim(w, ",.;:"))] {
			return false
		}
	}
	if genericModifiers[first] && len(f) <= 2 {
		return false
	}
	switch first {
	case "following", "after", "during", "before", "ahead", "since", "responding", "regarding", "occasion":
		return false
	}
	if head := strings.ToLower(f[len(f)-1]); genericHeads[head] && (len(f) <= 2 || isPossessive(f[0])) {
		return false
	}
	if p, ok := lookupPlace(t); ok && p.isCity {
		return false // a city is where, not what
	}
	if len(f) > 1 {
		return true
	}
	if notTopicWords[first] {
		return false
	}
	if h := strings.IndexByte(first, '-'); h > 0 {
		// "Iranian-made", "Russian-backed": a country adjective compound.
		if p, ok := lookupPlace(f[0][:h]); ok && p.isAdj {
			return false
		}
		if strings.HasSuffix(first, "-made") || strings.HasSuffix(first, "-backed") || strings.HasSuffix(first, "-led") {
			return false
		}
	}
	if isCapitalized(f[0]) {
		return true
	}
	return subjectWords[first] || strings.HasSuffix(first, "ism") || strings.HasSuffix(first, "ization") ||
		strings.HasSuffix(first, "isation")
}

// topicTriggers are words after which a clause names its topic.
var topicTriggers = []string{" on ", " about ", " regarding ", " concerning ", " over ", "discussed ", "addressed ",
	"raised ", "reviewed ", "explained ", "importance of ", "situation in ", "situation on ", "situation of ",
	"issue of ", "cooperation on ", "cooperation in ", "commitment to the ", "support for "}

// topicStop are words a topic never starts with.
var topicStop = setOf("the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "which", "what",
	"how", "ways", "way", "need", "importance", "he", "she", "they", "it", "both", "all", "each", "him", "them")

// topicSkip are words dropped before a topic ("the current situation").
var topicSkip = setOf("the", "current", "recent", "latest", "issue", "topic", "question", "of", "a", "an")

// clauseTopic guesses a clause's topic: what it is "on" or "about", else
// its first proper noun that is not a participant.
func clauseTopic(s string, ps *people) string {
	var at []int
	for _, k := range topicTriggers {
		for from := 0; from < len(s); {
			i := strings.Index(s[from:], k)
			if i < 0 {
				break
			}
			at = append(at, from+i+len(k))
			from += i + len(k)
		}
	}
	sort.Ints(at)
	for _, i := range at {
		words := strings.Fields(s[i:min(len(s), i+120)])
		for len(words) > 0 && topicSkip[words[0]] {
			words = words[1:]
		}
		if len(words) > 7 {
			words = words[:7]
		}
		if t, ok := ps.shortGoodTopic(strings.Join(words, " ")); ok {
			return t
		}
	}
	words := strings.Fields(s)
	for i := 0; i < len(words); i++ {
		if !isCapitalized(words[i]) {
			continue
		}
		j := i + 1
		for j < len(words) && j-i < 8 {
			w := words[j]
			if isCapitalized(w) || w == "of" && j+1 < len(words) && (isCapitalized(words[j+1]) || words[j+1] == "the") ||
				w == "the" && words[j-1] == "of" {
				if strings.ContainsAny(words[j-1], ",.;:") {
					break
				}
				j++
				continue
			}
			break
		}
		if j < len(words) && strings.Contains(words[j-1], "-") && pairNouns[strings.Trim(words[j], ",.;:")] {
			j++ // "China-U.S. relations": a pair names the relation, not a place
		}
		if t, ok := ps.shortGoodTopic(strings.Join(words[i:j], " ")); ok && !nonNames[tokenKey(words[i])] {
			return t
		}
		i = j - 1
	}
	return ""
}

// pairNouns follow a pair of countries to name their relation.
var pairNouns = setOf("relations", "relationship", "ties", "cooperation", "partnership", "alliance", "dialogue",
	"trade", "summit", "talks")

// goodTopic rejects topic candidates that are people, offices, dates,
// demonyms or the participants' own countries.
func goodTopic(t string, ps *people) bool {
	// The same phrases come up in clause after clause: judge each once.
	if ok, seen := ps.good[t]; seen {
		return ok
	}
	ok := judgeTopic(t, ps)
	if ps.good == nil {
		ps.good = map[string]bool{}
	}
	ps.good[t] = ok
	return ok
}

// shortGoodTopic is shortTopic(raw) and whether goodTopic accepts it, worked
// out once per phrase.
func (ps *people) shortGoodTopic(raw string) (string, bool) {
	if v, seen := ps.short[raw]; seen {
		return v.t, v.ok
	}
	t := shortTopic(raw)
	ok := goodTopic(t, ps)
	if ps.short == nil {
		ps.short = map[string]shortVerdict{}
	}
	ps.short[raw] = shortVerdict{t, ok}
	return t, ok
}

// shortVerdict is a memoised shortGoodTopic answer.
type shortVerdict struct {
	t  string
	ok bool
}

// judgeTopic is goodTopic without the memo.
func judgeTopic(t string, ps *people) bool {
	if len(t) < 3 || !nounTopic(t) || ps.isPersonWord(t) {
		return false
	}
	f := strings.Fields(t)
	k := tokenKey(f[0])
	if genericTopics[strings.ToLower(f[0])] && (len(f) == 1 || f[1] == "of" || f[1] == "raised" || f[1] == "on") {
		return false // "situation", "range of issues", "number of subjects"
	}
	if len(f) == 1 && !isCapitalized(f[0]) && (strings.HasSuffix(k, "ing") || strings.HasSuffix(k, "ed")) {
		return false // "responding", "resolved"
	}
	for _, w := range f {
		if titleHeads[tokenKey(w)] && isCapitalized(w) {
			return false // an office, not a subject
		}
	}
	if topicStop[k] || topicPreps[k] || titleHeads[k] || titleWords[k] && len(f) > 1 && titleHeads[tokenKey(f[1])] || honorifics[k] || isNumber(k) {
		return false
	}
	if _, ok := monthNums[k]; ok {
		return false
	}
	if _, ok := weekdays[k]; ok {
		return false
	}
	if _, first := placeFirst[k]; !first {
		return true
	}
	if p, ok := lookupPlace(t); ok {
		if p.isAdj {
			return false
		}
		for _, x := range ps.ps {
			if x.Affiliation == p.name {
				return false
			}
		}
	}
	return true
}

// people is a meeting's participants with their name words and office
// words worked out once, for the many topic checks of one readout.
type people struct {
	ps      []Participant
	names   []map[string]bool
	offices []map[string]bool
	good    map[string]bool         // goodTopic's verdicts so far
	short   map[string]shortVerdict // shortGoodTopic's answers so far
}

func newPeople(ps []Participant) *people {
	pp := &people{ps: ps}
	for _, p := range ps {
		n := map[string]bool{}
		for _, w := range nameTokens(p.Name) {
			n[w] = true
		}
		pp.names = append(pp.names, n)
		pp.offices = append(pp.offices, officeWords(p.Title))
	}
	return pp
}

// isPersonWord says whether a phrase names a participant or their office.
func (pp *people) isPersonWord(t string) bool {
	tn := nameTokens(t)
	var tw map[string]bool
	for _, w := range tn {
		if titleHeads[w] {
			tw = officeWords(t) // only a phrase with an office word can name an office
			break
		}
	}
	for i := range pp.ps {
		for _, w := range tn {
			if pp.names[i][w] {
				return true
			}
		}
		if len(tw) > 0 && len(pp.offices[i]) > 0 {
			all := true
			for w := range tw {
				if !pp.offices[i][w] {
					all = false
					break
				}
			}
			if all {
				return true
			}
		}
	}
	return false
}

// topicEnd are words at which a topic phrase ends.
var topicEnd = setOf("that", "which", "who", "to", "as", "with", "for", "by", "from", "while", "but", "so",
	"including", "during", "at", "after", "before", "when", "since", "until", "despite", "through", "via", "whether",
	"if", "because", "among", "between", "is", "are", "was", "were", "will", "would", "should", "could", "can", "must",
	"has", "have", "had", "remains", "remained", "held", "adopted", "made", "taken", "signed", "announced", "scheduled",
	"raised", "expressed")

// topicPreps are prepositions a truncated topic must not end on.
var topicPreps = setOf("of", "on", "in", "across", "for", "with", "to", "at", "by", "from", "about", "over", "into")

// verbAfterAnd ends a topic at "and" when a new clause follows it.
var verbAfterAnd = setOf("the", "two", "both", "he", "she", "they", "that", "expressed", "stressed", "agreed", "said",
	"are", "is", "was", "were", "will", "would", "have", "has", "had", "can", "could", "should", "also")

// shortTopic trims a topic phrase to its first few words.
func shortTopic(t string) string {
	f := strings.Fields(t)
	out := f[:0:0]
	for i, w := range f {
		lw := strings.ToLower(strings.Trim(w, "()\"“”"))
		if topicEnd[lw] || lw == "and" && i+1 < len(f) && verbAfterAnd[strings.ToLower(f[i+1])] {
			break
		}
		if lw == "in" && i+1 < len(f) && (f[i+1] == "a" || f[i+1] == "an" || f[i+1] == "order" || strings.HasPrefix(f[i+1], "run-up") ||
			i+2 < len(f) && f[i+1] == "the" && strings.HasPrefix(f[i+2], "run-up")) {
			break
		}
		if core := strings.TrimRight(w, ",;:"); strings.Count(core, ".") >= 2 {
			out = append(out, core) // "U.S.", "China-U.S."
			if core != w {
				break
			}
			continue
		}
		if end := strings.IndexAny(w, ",;:."); end >= 0 && !isDotAbbrev(strings.TrimSuffix(w, ".")) {
			if w = w[:end]; w != "" {
				out = append(out, w)
			}
			break
		}
		out = append(out, w)
		if len(out) >= 6 {
			// Keep a proper name whole ("International Committee of the
			// Red Cross"); otherwise stop before a dangling preposition.
			if i+1 < len(f) && len(out) < 9 && isCapitalized(w) && (isCapitalized(f[i+1]) || f[i+1] == "of") {
				continue
			}
			if i+1 < len(f) && len(out) < 9 && (w == "of" || w == "the") && isCapitalized(f[i-1]) {
				continue
			}
			for k := len(out) - 1; k > 1; k-- {
				if topicPreps[strings.ToLower(out[k])] {
					if !(i+1 < len(f) && isCapitalized(out[k-1]) && isCapitalized(f[i])) {
						out = out[:k]
					}
					break
				}
			}
			break
		}
	}
	if len(out) == 1 {
		out[0] = strings.TrimSuffix(strings.TrimSuffix(out[0], "’s"), "'s")
	}
	for len(out) > 0 {
		last := strings.ToLower(out[len(out)-1])
		if last == "of" || last == "and" || last == "the" || last == "in" || last == "on" || last == "a" {
			out = out[:len(out)-1]
			continue
		}
		break
	}
	for len(out) > 0 && (out[0] == "the" || out[0] == "The") {
		out = out[1:]
	}
	// "particularly on food security", "the state of bilateral relations".
	for len(out) > 1 && topicLead[strings.ToLower(out[0])] {
		out = out[1:]
	}
	t = cleanTopicPhrase(strings.Join(out, " "))
	if i := strings.IndexByte(t, '('); i > 0 && !strings.Contains(t[i:], ")") {
		t = t[:i]
	}
	t = strings.Trim(t, " ,;:()\"“”'’")
	if lw := lastWord(t); strings.Count(lw, ".") < 2 {
		t = strings.TrimRight(t, ".")
	}
	return strings.Trim(t, " ,;:()\"“”'’")
}

// topicLead are words dropped from the front of a topic.
var topicLead = setOf("particularly", "especially", "notably", "including", "mainly", "also", "on", "the", "state", "of",
	"various", "current", "recent", "latest", "further", "a", "an", "some", "several", "key", "main")

// genericTopics say nothing on their own.
var genericTopics = setOf("situation", "issues", "issue", "matters", "matter", "work", "range", "number", "variety",
	"ways", "steps", "topics", "subjects", "areas", "fields", "views", "cooperation", "relations", "challenges",
	"developments", "questions", "efforts", "importance", "need", "progress", "support", "interest", "occasion",
	"outcome", "results", "agenda", "priorities", "meeting", "talks", "call", "discussion", "discussions")

var reDiscussList = regexp.MustCompile(`\b(?:discussed|discuss|addressed|reviewed|exchanged views on|focused on)\s+(?:the\s+)?([^.;:]{3,200})`)

// topicsOf lists the meeting's topics: what the meeting sentence and later
// sentences say was discussed, and the topics of the positions.
func topicsOf(meet string, pos []Position, ps []Participant) []string {
	var out []string
	seen := map[string]bool{}
	pp := newPeople(ps)
	add := func(t string) {
		t, ok := pp.shortGoodTopic(t)
		if t == "" || len(t) < 3 || !ok {
			return
		}
		if first := strings.ToLower(strings.Fields(t)[0]); topicStop[first] || topicPreps[first] {
			return
		}
		k := strings.ToLower(t)
		if seen[k] {
			return
		}
		// "war in Ukraine and its global ..." after "war in Ukraine".
		for _, o := range out {
			if strings.HasPrefix(k, strings.ToLower(o)+" and ") || strings.HasPrefix(k, strings.ToLower(o)+" ") && len(k) > len(o)+12 {
				return
			}
		}
		seen[k] = true
		out = append(out, t)
	}
	texts := []string{meet}
	for _, p := range pos {
		texts = append(texts, p.Text)
	}
	for _, s := range texts {
		if !strings.Contains(s, "discuss") && !strings.Contains(s, "addressed") && !strings.Contains(s, "reviewed") &&
			!strings.Contains(s, "exchanged views") && !strings.Contains(s, "focused on") {
			continue
		}
		if m := reDiscussList.FindStringSubmatch(s); m != nil {
			list := m[1]
			list = strings.ReplaceAll(list, ", and ", ", ")
			list = strings.ReplaceAll(list, ", as well as ", ", ")
			for _, part := range strings.Split(list, ",") {
				part = strings.TrimSpace(part)
				if i := strings.Index(part, " and "); i > 0 && len(strings.Fields(part)) > 4 {
					add(part[:i])
					add(part[i+5:])
					continue
				}
				add(part)
			}
		}
	}
	for _, p := range pos {
		if p.Topic != "" {
			add(p.Topic)
		}
	}
	if len(out) > 12 {
		out = out[:12]
	}
	return out
}
