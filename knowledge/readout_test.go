package knowledge

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParse(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want Readout // Name and Hash are not compared
		// notIn lists clutter that must be gone from Text.
		notIn []string
	}{
		{
			name: "front matter",
			in: "---\ntitle: \"Leaders' call\"\nsource: Office of the President\nsource_url: https://example.org/a\npublished: 2021-04-02\n---\n" +
				"President Amy Stone spoke with Chancellor Jan Olsen of Denmark.\n",
			want: Readout{Title: "Leaders' call", Source: "Office of the President", SourceURL: "https://example.org/a",
				Published: "2021-04-02", Text: "President Amy Stone spoke with Chancellor Jan Olsen of Denmark."},
		},
		{
			name: "published in another date style",
			in:   "---\npublished: March 4, 2020\n---\nText of the readout here.\n",
			want: Readout{Published: "2020-03-04", Title: "", Text: "Text of the readout here."},
		},
		{
			name: "site clutter",
			in: "Press Releases: Foreign Minister's Meeting with the Envoy\n[Provisional Translation]\nBy Jane Roe\n\n" +
				"March 3, 2022\nPool Photo\n\nThe Foreign Minister met the Envoy.\n\n###\n\n.   .   .   .\n\n" +
				"This is an unofficial translation.\nLast updated: 4 March 2022 10:01\nBack to Press Releases\n",
			want: Readout{Title: "Foreign Minister's Meeting with the Envoy",
				Text: "Foreign Minister's Meeting with the Envoy\n\nMarch 3, 2022\n\nThe Foreign Minister met the Envoy."},
			notIn: []string{"Provisional", "Pool Photo", "###", "unofficial", "Last updated", "Back to", "Jane Roe"},
		},
		{
			name: "html main text",
			in: `<!doctype html><html><head><title>Site | Call</title><link rel="canonical" href="https://example.org/c">` +
				`<meta property="article:published_time" content="2020-01-02T03:04:05Z"></head><body>` +
				`<nav>Home News</nav><main><h1>PM call with President Ruiz</h1><p>The Prime Minister spoke to President Ruiz.</p>` +
				`<figure><figcaption>The PM at his desk</figcaption></figure><div class="social-share">Share</div>` +
				`<script>alert(1)</script></main><footer>Crown copyright</footer></body></html>`,
			want: Readout{Title: "PM call with President Ruiz", SourceURL: "https://example.org/c", Published: "2020-01-02",
				Text: "PM call with President Ruiz\n\nThe Prime Minister spoke to President Ruiz."},
			notIn: []string{"Home News", "desk", "Share", "alert", "Crown"},
		},
		{
			name: "markdown links and entities",
			in:   "## Talks with the envoy\n\n![photo](a.jpg)\nThe Minister met the [Envoy](https://example.org/e) &amp; his team.\n",
			want: Readout{Title: "Talks with the envoy", Text: "Talks with the envoy\n\nThe Minister met the Envoy & his team."},
		},
		{
			name: "windows line ends and byte order mark",
			in:   "\ufeffTitle of a talk with leaders\r\n\r\nBody line one.\r\n",
			want: Readout{Title: "Title of a talk with leaders", Text: "Title of a talk with leaders\n\nBody line one."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := Parse("in.txt", []byte(tt.in))
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if got.Hash == "" || got.Name != "in.txt" {
				t.Errorf("hash %q name %q", got.Hash, got.Name)
			}
			got.Name, got.Hash = "", ""
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse (-want +got):\n%s", diff)
			}
			for _, s := range tt.notIn {
				if strings.Contains(got.Text, s) {
					t.Errorf("text still has %q:\n%s", s, got.Text)
				}
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, ErrEmpty},
		{"whitespace", []byte(" \n\t\r\n "), ErrEmpty},
		{"only front matter", []byte("---\ntitle: x\n---\n\n"), ErrEmpty},
		{"nul bytes", []byte("Readout\x00\x01\x02"), ErrBinary},
		{"invalid utf-8", []byte("Readout \xff\xfe of a call"), ErrBinary},
		{"too large", []byte(strings.Repeat("a", MaxReadoutBytes+1)), ErrTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if _, err := Parse("x", tt.in); !errors.Is(err, tt.want) {
				t.Errorf("Parse = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestReadFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse 50 MB file: ReadFile must refuse it without reading it all.
	if err := f.Truncate(50 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if _, err := ReadFile(big); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadFile(50 MB) = %v, want ErrTooLarge", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing.txt")); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("ReadFile(missing) = %v, want not exist", err)
	}
	r, err := ReadFile(filepath.Join("testdata", "readouts", "un-call.txt"))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(filepath.Join("testdata", "readouts", "un-call.txt"))
	again, _ := Parse("other-name", raw)
	if r.Hash != again.Hash || len(r.Hash) != 64 {
		t.Errorf("hash depends on more than the bytes: %q vs %q", r.Hash, again.Hash)
	}
}

func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "readouts", "*"))
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("---\ntitle: x\n"))
	f.Add([]byte("<html><body><article><p>x</p></article></body></html>"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := Parse("fuzz", data)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if strings.TrimSpace(r.Text) == "" {
			t.Fatalf("Parse returned empty text without ErrEmpty")
		}
	})
}

func FuzzExtract(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "readouts", "*"))
	for _, p := range seeds {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add("Mr. A, met . , Mr. ,, B of the of (")
	f.Add("On Friday, yesterday, tomorrow, 31 February 2020, He and She met the Prime Minister of.")
	f.Fuzz(func(t *testing.T, text string) {
		r, err := Parse("fuzz", []byte(text))
		if err != nil {
			return
		}
		m, err := Extract(r)
		if err != nil {
			if !errors.Is(err, ErrNotReadout) {
				t.Fatalf("unexpected error %v", err)
			}
			return
		}
		if m.ID == "" || m.Kind == "" {
			t.Fatalf("meeting without id or kind: %+v", m)
		}
		for _, p := range m.Positions {
			if !isSpeaker(p.Speaker, m.Participants) {
				t.Fatalf("speaker %q is not a participant", p.Speaker)
			}
		}
	})
}
