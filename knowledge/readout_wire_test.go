package knowledge

import "testing"

func TestWireTrailers(t *testing.T) {
	t.Parallel()
	const last = "Both ministers also reviewed the situation in the Horn of Africa."
	tests := []struct {
		name, tail string
	}{
		{"end and editor initials", " (end) rk.jl"},
		{"END in brackets", " (END)"},
		{"agency after a dash", " -- QNA"},
		{"ENDS", " ENDS"},
		{"dashed ENDS", " – ENDS –"},
		{"hashes", " ###"},
		{"end mark on its own line", "\n(end) rk.jl"},
		{"credit", " (Reporting by Lena Fischer; Editing by Omar Haddad)"},
		{"credit on its own line", "\n(Reporting by Lena Fischer; Editing by Omar Haddad)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := "DOHA, 9 June 2026 – The Minister of State, Dr. Saif Rashid Al-Kaabi, received today the Foreign Minister of Kenya, Ms. Grace Wanjiku Mwangi. He affirmed support for dialogue.\n" + last + tt.tail + "\n"
			r, err := Parse("t.txt", []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			m, err := Extract(r)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range m.Positions {
				got = append(got, p.Text)
			}
			if len(got) == 0 || got[len(got)-1] != last {
				t.Errorf("positions = %q, want the last one to be %q", got, last)
			}
		})
	}
}

func TestWireTrailerKeepsText(t *testing.T) {
	t.Parallel()
	for _, line := range []string{
		"The talks will end on Friday.",
		"The ministers met in the WHO building",
		"He said the meeting ends",
		"Trade with the EU rose (see annex)",
		"They discussed the G20 - G7 agenda",
	} {
		if got := trimWireTrailer(line); got != line {
			t.Errorf("trimWireTrailer(%q) = %q", line, got)
		}
		if got, credit := splitCredit(line); got != line || credit != "" {
			t.Errorf("splitCredit(%q) = %q, %q", line, got, credit)
		}
	}
	if !looksLikeNews(cleanText("Copper fell, analysts said, according to traders.\n(Reporting by Lena Fischer; Editing by Omar Haddad)")) {
		t.Error("a credit line no longer marks a news report")
	}
}
