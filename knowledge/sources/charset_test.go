package sources

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

func TestToUTF8(t *testing.T) {
	latin1, err := charmap.ISO8859_1.NewEncoder().String("<p>Le ministre a rencontré son homologue à Genève.</p>")
	if err != nil {
		t.Fatal(err)
	}
	sjis, err := japanese.ShiftJIS.NewEncoder().String(`<html><head><meta charset="Shift_JIS"></head><body><p>日本国外務大臣は会談を行った。</p></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, body, contentType, want string
	}{
		{"utf-8 kept", "<p>Genève</p>", "text/html", "<p>Genève</p>"},
		{"utf-8 kept against a wrong label", "<p>Genève</p>", "text/html; charset=iso-8859-1", "<p>Genève</p>"},
		{"latin-1 from the header", latin1, "text/html; charset=ISO-8859-1", "<p>Le ministre a rencontré son homologue à Genève.</p>"},
		{"latin-1 unlabelled", latin1, "text/html", "<p>Le ministre a rencontré son homologue à Genève.</p>"},
		{"shift_jis from meta", sjis, "text/html", `<html><head><meta charset="Shift_JIS"></head><body><p>日本国外務大臣は会談を行った。</p></body></html>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(toUTF8([]byte(tc.body), tc.contentType)); got != tc.want {
				t.Errorf("toUTF8 = %q, want %q", got, tc.want)
			}
		})
	}
}
