package knowledge

import "strings"

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
