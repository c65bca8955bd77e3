package readoutgen

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/readoutbot/readoutbot/knowledge"
)

// Markdown renders a readout in the data-folder format: front matter with
// title, source, source_url and published, then the text.
func Markdown(r knowledge.Readout) []byte {
	var b bytes.Buffer
	b.Grow(len(r.Text) + 256)
	b.WriteString("---\n")
	field(&b, "title", r.Title)
	field(&b, "source", r.Source)
	field(&b, "source_url", r.SourceURL)
	field(&b, "published", r.Published)
	b.WriteString("---\n\n")
	b.WriteString(r.Text)
	if !strings.HasSuffix(r.Text, "\n") {
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func field(b *bytes.Buffer, k, v string) {
	if v == "" {
		return
	}
	b.WriteString(k)
	b.WriteString(": ")
	b.WriteString(strings.ReplaceAll(v, "\n", " "))
	b.WriteByte('\n')
}

// WriteDir writes readouts [from, from+n) under dir as Markdown files, one
// folder per year, creating folders as needed. It streams: one readout is in
// memory at a time. It returns how many files it wrote.
func (g *Generator) WriteDir(ctx context.Context, dir string, from, n int) (int, error) {
	made := map[string]bool{}
	for k := 0; k < n; k++ {
		if err := ctx.Err(); err != nil {
			return k, err
		}
		r := g.Readout(from + k)
		path := filepath.Join(dir, filepath.FromSlash(r.Name))
		if d := filepath.Dir(path); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return k, fmt.Errorf("make folder: %w", err)
			}
			made[d] = true
		}
		if err := os.WriteFile(path, Markdown(r), 0o644); err != nil {
			return k, fmt.Errorf("write readout: %w", err)
		}
	}
	return n, nil
}
