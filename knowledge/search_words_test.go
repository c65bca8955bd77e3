package knowledge

import (
	"slices"
	"testing"
)

var wordsCases = []string{
	"", "Antony Blinken", "Guterres's remarks", "GUTERRES'S", "the ministers' talks", "it's", "'s", "x's1", "x'sa",
	"Secretary-General of the United Nations", "Niinistö", "Đặng Thị Ngọc Thịnh", "Türkiye's", "Viet Nam, Hanoi",
	"G7/G20 summit 2021-05-03", "O'Brien", "  spaced  out  ", "tab\tand\nnewline", "under_score", "Ünited's Ä",
}

func TestIxWordsMatchesReference(t *testing.T) {
	for _, s := range wordsCases {
		if got, want := ixWords(s), ixWordsRunes(s); !slices.Equal(got, want) {
			t.Errorf("ixWords(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzIxWords(f *testing.F) {
	for _, s := range wordsCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ixWords(s), ixWordsRunes(s); !slices.Equal(got, want) {
			t.Errorf("ixWords(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestIxUnique(t *testing.T) {
	long := []string{}
	for i := range 40 {
		long = append(long, string(rune('a'+i%13)))
	}
	for _, in := range [][]string{nil, {}, {""}, {"a", "", "b", "a", "c", "b"}, long} {
		got := ixUnique(in)
		want := ixUniqueMap(in)
		if !slices.Equal(got, want) || (got == nil) != (want == nil) {
			t.Errorf("ixUnique(%q) = %#v, want %#v", in, got, want)
		}
	}
}
