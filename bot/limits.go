package bot

import (
	"strings"
	"unicode/utf8"
)

// Discord's limits on what one message may hold. Exceeding any of them makes
// Discord answer 400, so every reply is fitted to them before it is sent.
const (
	maxContent       = 2000
	maxEmbeds        = 10
	maxEmbedTitle    = 256
	maxEmbedDesc     = 4096
	maxEmbedFields   = 25
	maxFieldName     = 256
	maxFieldValue    = 1024
	maxFooter        = 2048
	maxAuthor        = 256
	maxEmbedTotal    = 6000
	maxChoices       = 25
	maxChoiceLen     = 100
	maxCustomID      = 100
	maxButtonLabel   = 80
	ellipsis         = "…"
	zeroWidthSpace   = "\u200b"
	continuedMarking = zeroWidthSpace
)

// textLen counts s as Discord may: in UTF-16 code units, which is never less
// than the number of runes, so a text that fits by this count fits either way.
func textLen(s string) int {
	n := 0
	for _, r := range s {
		if r > 0xFFFF {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// prefixLen returns the byte length of the longest prefix of s whose textLen
// is at most max; the cut is always on a rune boundary.
func prefixLen(s string, max int) int {
	n := 0
	for i, r := range s {
		w := 1
		if r > 0xFFFF {
			w = 2
		}
		if n+w > max {
			return i
		}
		n += w
	}
	return len(s)
}

// truncate shortens s to at most max units, ending with an ellipsis when it
// had to cut.
func truncate(s string, max int) string {
	if textLen(s) <= max {
		return s
	}
	if max <= 0 {
		return ""
	}
	cut := strings.TrimRightFunc(s[:prefixLen(s, max-1)], isSpace)
	return cut + ellipsis
}

func isSpace(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' }

// splitText cuts s into chunks of at most max units, preferring to cut after
// a line break, then after a space, and cutting inside a word only when a
// single word is longer than max.
func splitText(s string, max int) []string {
	if max <= 0 {
		return nil
	}
	var out []string
	for textLen(s) > max {
		end := prefixLen(s, max)
		cut := strings.LastIndex(s[:end], "\n")
		if cut <= 0 {
			cut = strings.LastIndex(s[:end], " ")
		}
		if cut <= 0 {
			cut = end
			// Never split inside a rune (prefixLen guarantees it) and never
			// return an empty chunk.
			if cut == 0 {
				_, w := utf8.DecodeRuneInString(s)
				cut = w
			}
		}
		chunk := strings.TrimRightFunc(s[:cut], isSpace)
		if chunk != "" {
			out = append(out, chunk)
		}
		s = strings.TrimLeftFunc(s[cut:], isSpace)
	}
	if s = strings.TrimRightFunc(s, isSpace); s != "" {
		out = append(out, s)
	}
	return out
}
