package knowledge

import (
	"strings"
	"testing"
)

// checkSpeakerShareToken compares the speaker set's shareToken, which
// keeps the first name's tokens and reads the second in place, with the
// plain one on nameTokens.
func checkSpeakerShareToken(t *testing.T, ss *speakerSet, a, b string) {
	t.Helper()
	if got, want := ss.shareToken(a, b), shareTokenRef(a, b); got != want {
		t.Fatalf("speakerSet.shareToken(%q, %q) = %v, want %v", a, b, got, want)
	}
}

func TestSpeakerShareTokenMatchesReference(t *testing.T) {
	ps := namePhrases(t)
	if len(ps) > 40000 {
		ps = ps[:40000]
	}
	names := []string{"Ban Ki-moon", "Dato' Seri Anwar Ibrahim", "Ursula von der Leyen", "Ümit Özdağ", "Mr. A. B. Cé",
		"Kim", "Al Sabah", "J. R. Smith"}
	ss := &speakerSet{}
	for i, b := range ps {
		a := names[i%len(names)]
		checkSpeakerShareToken(t, ss, a, b)
		checkSpeakerShareToken(t, ss, b, a)
		checkSpeakerShareToken(t, ss, a, strings.ToUpper(b))
	}
	for _, b := range []string{"", " ", "'", ".,'", "ban,", "'ban'", "BAN.", "ki-moon", "Ki-Moon", "al", "von",
		"mr", strings.Repeat("ban ", 40)} {
		for _, a := range names {
			checkSpeakerShareToken(t, ss, a, b)
		}
	}
}

func FuzzSpeakerShareToken(f *testing.F) {
	f.Add("Mr. Ban Ki-moon", "BAN KI-MOON")
	f.Add("Dato' Seri Anwar", "anwar,")
	f.Add("\u212Aim", "kim")
	ss := &speakerSet{}
	f.Fuzz(func(t *testing.T, a, b string) {
		checkSpeakerShareToken(t, ss, a, b)
	})
}
