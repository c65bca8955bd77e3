package main

import (
	"bytes"
	"context"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

func TestGenWritesN(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var out, errb bytes.Buffer
	getenv := func(string) string { return "" }
	err := run(context.Background(), []string{"gen", "--seed", "3", "--n", "25", "--out", dir}, getenv, &out, &errb)
	if err != nil {
		t.Fatalf("gen: %v\n%s", err, errb.String())
	}
	files := 0
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			files++
		}
		return err
	})
	if files != 25 {
		t.Errorf("gen wrote %d files, want 25", files)
	}
	if !strings.Contains(out.String(), "Wrote 25 readouts") {
		t.Errorf("gen printed %q", out.String())
	}
}

func TestGenNeedsOut(t *testing.T) {
	t.Parallel()
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"gen", "--n", "5"}, func(string) string { return "" }, &out, &errb)
	if err == nil {
		t.Fatal("gen without --out succeeded")
	}
}
