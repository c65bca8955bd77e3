package knowledge

import (
	"reflect"
	"strings"
	"testing"
)

// TestTextTokensPiece checks that a piece's tokens, copied from the whole
// text's, are what tokenize gives for the piece on its own, wherever the
// piece starts and however it is cut.
func TestTextTokensPiece(t *testing.T) {
	texts := append(sampleUnderRace(fastSamples(t)), "Kim’s visit", "Dato' Seri Anwar met H.E. Mr. Ban Ki-moon", "a\u00a0b c’d",
		"Japan-U.S. ties", "the Minister’s \u2003 remark", "x ’ y", "é’é")
	var tt textTokens
	for _, text := range texts {
		for _, first := range []int{0, len(text) / 3} {
			tt.reset(text)
			for a := first; a <= len(text); a++ {
				for b := a; b <= len(text) && b <= a+40; b++ {
					got, ok := tt.piece(a, text[a:b])
					if !ok {
						continue
					}
					if want := tokenize(text[a:b]); !reflect.DeepEqual(got, want) && (len(got) > 0 || len(want) > 0) {
						t.Fatalf("piece(%d, %q) of %q = %v, want %v", a, text[a:b], text, got, want)
					}
				}
			}
		}
		// Every token start is a place a piece may start.
		tt.reset(text)
		for _, tok := range tokenize(text) {
			if _, ok := tt.piece(tok.start, text[tok.start:]); !ok {
				t.Fatalf("piece at token %q of %q refused", tok.s, text)
			}
		}
	}
}

// TestTokenizeAppendMatchesTokenize keeps findMentions' tokenizer in step
// with tokenize, after tokens already in the slice.
func TestTokenizeAppendMatchesTokenize(t *testing.T) {
	texts := append(sampleUnderRace(fastSamples(t)), "Kim’s visit", "Dato' Seri Anwar met H.E. Mr. Ban Ki-moon", "a\u00a0b c’d",
		"Japan-U.S. ties", "Dato’ Sri", "the Minister’s \u2003 remark", "x ’ y", "é’é", "U.S.-Japan", "J. R. R. Tolkien",
		"PRESIDENT'S Men", "Ki‑moon", "Ökonomie Müller's", strings.Repeat("Minister Kang ", 40))
	prefix := tokenize("The Prime Minister, and")
	for _, s := range texts {
		want := tokenize(s)
		got := tokenizeAppend(append([]token(nil), prefix...), s)
		if !reflect.DeepEqual(got[:len(prefix)], prefix) || !reflect.DeepEqual(got[len(prefix):], want) && (len(want) > 0 || len(got) > len(prefix)) {
			t.Fatalf("tokenizeAppend(_, %q) = %v, want %v", s, got[len(prefix):], want)
		}
	}
}

// checkJoinNameIn compares joinNameIn with joinName on every run of up to
// six classified tokens of s.
func checkJoinNameIn(t *testing.T, s string) {
	t.Helper()
	toks := tokenize(s)
	classify(toks)
	for a := range toks {
		for b := a; b <= len(toks) && b <= a+6; b++ {
			if got, want := joinNameIn(s, toks[a:b]), joinName(toks[a:b]); got != want {
				t.Fatalf("joinNameIn(%q, tokens %d:%d) = %q, want %q", s, a, b, got, want)
			}
		}
	}
}

// TestJoinNameInMatchesJoinName keeps the slicing join in step with the
// plain one: a name run with single spaces is the text's span, other runs
// ("Kang, Kyung-wha", "Abe's  visit") are joined word by word.
func TestJoinNameInMatchesJoinName(t *testing.T) {
	for _, s := range append(corpusTexts(t), "Kang, Kyung-wha met Abe's  aide", "Kim’s Moon’s Park’s", "A  B\tC’s D's") {
		checkJoinNameIn(t, s)
	}
}

func FuzzJoinNameIn(f *testing.F) {
	for _, s := range trickyTexts {
		f.Add(s)
	}
	f.Fuzz(checkJoinNameIn)
}

// TestInLowerMatchesToLower checks the set lookups that spare lower-casing
// a title, long and non-ASCII ones included.
func TestInLowerMatchesToLower(t *testing.T) {
	words := []string{"", "Pontiff", "HOLY FATHER", "Holy  Father", "Prince", "PRİNCE", "Cardinal", "Minister",
		"\u212Aing", "Supreme Pontiff of the Universal Church and more", strings.Repeat("x", 40)}
	for _, s := range corpusTexts(t)[:len(trickyTexts)] {
		words = append(words, strings.Fields(s)...)
	}
	for _, set := range []map[string]bool{popeTitles, royalRanks, churchRanks, titleHeads, titleWords} {
		for _, w := range words {
			if got, want := inLower(set, w), set[strings.ToLower(w)]; got != want {
				t.Errorf("inLower(_, %q) = %v, want %v", w, got, want)
			}
		}
	}
}

// TestMilitaryRankMention checks that a military rank before a name with
// no office is part of the mention, so a sentence that opens with it opens
// with the person, and that a participant named so is the speaker.
func TestMilitaryRankMention(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s, name string
		start   int
	}{
		{"General Arun Sopheak thanked the minister.", "Arun Sopheak", 0},
		{"Lt. Gen. Rizal Hadi briefed the delegation.", "Rizal Hadi", 0},
		{"Vice Admiral Greta Solvang outlined the patrols.", "Greta Solvang", 0},
		{"Colonel Duarte spoke next.", "Duarte", 0},
		{"Then General Arun Sopheak thanked him.", "Arun Sopheak", 5},
	}
	for _, tt := range tests {
		ms := findMentions(tt.s)
		if len(ms) == 0 || ms[0].name != tt.name || ms[0].start != tt.start {
			t.Errorf("findMentions(%q) = %+v, want %q from byte %d", tt.s, ms, tt.name, tt.start)
		}
	}
	runSpeakerCases(t, []speakerCase{{
		name: "a general as speaker",
		text: "Defence Minister receives Defence Minister of Laos\n\n4 April 2026\n\n" +
			"Minister of Defence Rizal Hadi received the Minister of National Defence of Laos, General Khamphet Vongsa, in Kuala Lumpur today.\n\n" +
			"General Khamphet Vongsa thanked Malaysia for training Lao pilots.\n\n" +
			"Minister Hadi proposed joint disaster drills.\n",
		want: map[string]string{"Lao pilots": "Khamphet Vongsa", "disaster drills": "Rizal Hadi"},
	}})
}

// TestPortfolioWord checks that a one-word portfolio after "for" or "of"
// ("High Commissioner for Refugees") is part of the office, not a person,
// and goes with the name after the comma, while a one-word name after an
// office's portfolio ("Minister of Finance Hartanto") is still a name.
func TestPortfolioWord(t *testing.T) {
	t.Parallel()
	tests := []struct {
		s, name, title string
	}{
		{"The High Commissioner for Refugees, Ingrid Solbakken, met the minister.", "Ingrid Solbakken", "High Commissioner for Refugees"},
		{"The Special Envoy for Afghanistan, Tove Rindal, met the minister.", "Tove Rindal", "Special Envoy for Afghanistan"},
		{"Minister of Finance Hartanto met the envoy.", "Hartanto", "Minister of Finance"},
	}
	for _, tt := range tests {
		ms := findMentions(tt.s)
		if len(ms) == 0 || ms[0].name != tt.name || ms[0].title != tt.title {
			t.Errorf("findMentions(%q) = %+v, want %q, %q first", tt.s, ms, tt.name, tt.title)
		}
	}
	for _, s := range []string{"The High Commissioner for Refugees met the minister.", "The Commissioner for Migration thanked him."} {
		for _, m := range findMentions(s) {
			if !m.office {
				t.Errorf("findMentions(%q) names a person %q", s, m.name)
			}
		}
	}
}
