package sources

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestParseConfig(t *testing.T) {
	srcs, err := ParseConfig([]byte(`
[defaults]
interval = "2h"

[[source]]
name = "Foreign ministry"
url = "https://example.org/press/feed.xml"
kind = "rss"
include = ['readout', '(?i)call with']
exclude = ['/video/']

[[source]]
name = "Chancellery"
url = "https://example.net/readouts"
kind = "page"
interval = "1d"
stale_after = "21d"
publisher = "Federal Chancellery"
`))
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 2 {
		t.Fatalf("got %d sources, want 2", len(srcs))
	}
	a, b := srcs[0], srcs[1]
	if a.Kind != KindFeed || a.Interval != 2*time.Hour || len(a.Include) != 2 || len(a.Exclude) != 1 {
		t.Errorf("first source = %+v", a)
	}
	if b.Kind != KindPage || b.Interval != 24*time.Hour || b.StaleAfter != 21*24*time.Hour || b.SourceName != "Federal Chancellery" {
		t.Errorf("second source = %+v", b)
	}
	wants := []struct {
		link, title string
		want        bool
	}{
		{"https://example.org/press/readout-of-call", "", true},
		{"https://example.org/press/2024/x", "Minister's Call With Counterpart", true},
		{"https://example.org/press/statement", "Statement on floods", false},
		{"https://example.org/video/readout", "Readout video", false},
	}
	for _, w := range wants {
		if got := a.Wants(w.link, w.title); got != w.want {
			t.Errorf("Wants(%s, %q) = %v, want %v", w.link, w.title, got, w.want)
		}
	}
}

func TestParseConfigReportsEveryProblem(t *testing.T) {
	_, err := ParseConfig([]byte(`
[[source]]
url = "file:///etc/passwd"
kind = "gopher"
interval = "10s"
include = ['(']

[[source]]
name = "dup"
url = "https://example.org/a"

[[source]]
name = "dup"
url = "https://example.org/b"
colour = "blue"
`))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"name is missing", "not an http or https URL", `kind "gopher"`, "under the minimum", "include:", "used twice", `unknown setting "source.colour"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not say %q", err, want)
		}
	}
}

func TestLoadConfig(t *testing.T) {
	srcs, err := LoadConfig(filepath.Join(t.TempDir(), "missing.toml"))
	if err != nil || srcs != nil {
		t.Errorf("missing file = %v, %v; want no sources and no error", srcs, err)
	}
	// The example shipped in data/ parses.
	example := filepath.Join("..", "..", "data", "sources.example.toml")
	if _, err := os.Stat(example); err != nil {
		t.Skip("no example file")
	}
	if _, err := LoadConfig(example); err != nil {
		t.Errorf("example: %v", err)
	}
}
