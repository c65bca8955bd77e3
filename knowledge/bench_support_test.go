package knowledge_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/readoutbot/readoutbot/knowledge"
	"github.com/readoutbot/readoutbot/knowledge/readoutgen"
)

func TestBareIndex(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "bare")
	bx, err := knowledge.NewBareIndex(dir)
	if err != nil {
		t.Fatal(err)
	}
	g := readoutgen.New(1)
	var rs []knowledge.Readout
	for i := range 40 {
		rs = append(rs, g.Readout(i))
	}
	if err := bx.Add(ctx, rs...); err != nil {
		t.Fatal(err)
	}
	if err := bx.Close(); err != nil {
		t.Fatal(err)
	}
	bx, err = knowledge.OpenBareIndex(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer bx.Close()
	n, err := bx.Match(ctx, rs[0].Title, 10)
	if err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		t.Errorf("a match query for the title %q found nothing", rs[0].Title)
	}
	n, err = bx.Match(ctx, "zzyzx quuxable", 10)
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("nonsense words matched %d readouts", n)
	}
}

// benchChunk is how many readouts each iteration of the ingest benchmarks adds.
const benchChunk = 50

// benchIngest adds benchChunk generated readouts per iteration through
// add, generating them (and handing them to prepare, when not nil) with the
// timer stopped, and reports the time per readout.
func benchIngest(b *testing.B, prepare func([]knowledge.Readout), add func(context.Context, []knowledge.Readout) error) {
	g := readoutgen.New(1)
	ctx := context.Background()
	next := 0
	for b.Loop() {
		b.StopTimer()
		rs := make([]knowledge.Readout, benchChunk)
		for i := range rs {
			rs[i] = g.Readout(next)
			next++
		}
		if prepare != nil {
			prepare(rs)
		}
		b.StartTimer()
		if err := add(ctx, rs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(next), "ns/readout")
}

// BenchmarkIndexAdd is the engine's ingest path (extract + store + index),
// per readout, into a growing index.
func BenchmarkIndexAdd(b *testing.B) {
	ix, err := knowledge.Open(filepath.Join(b.TempDir(), "ix"), knowledge.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	benchIngest(b, nil, func(ctx context.Context, rs []knowledge.Readout) error {
		_, err := ix.Add(ctx, rs...)
		return err
	})
}

// BenchmarkBareIndexAdd is bleve's floor for the same readouts: same
// mapping, no extraction.
func BenchmarkBareIndexAdd(b *testing.B) {
	bx, err := knowledge.NewBareIndex(filepath.Join(b.TempDir(), "bare"))
	if err != nil {
		b.Fatal(err)
	}
	defer bx.Close()
	benchIngest(b, nil, func(ctx context.Context, rs []knowledge.Readout) error {
		return bx.Add(ctx, rs...)
	})
}

// BenchmarkIndexAddExtracted is the engine's ingest path without
// extraction (store, bleve fields, term lists), per readout, into a
// growing index: meetings are extracted before the timer runs. Set beside
// BenchmarkBareIndexAdd it shows what the index side adds to bleve's floor.
func BenchmarkIndexAddExtracted(b *testing.B) {
	meetings := map[string]knowledge.Meeting{}
	extract := func(r knowledge.Readout) (knowledge.Meeting, error) {
		m, ok := meetings[r.Name]
		if !ok {
			return knowledge.Meeting{}, knowledge.ErrNotReadout
		}
		return m, nil
	}
	ix, err := knowledge.OpenWithExtractor(filepath.Join(b.TempDir(), "ix"), knowledge.Options{}, extract)
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	prepare := func(rs []knowledge.Readout) {
		clear(meetings)
		for _, r := range rs {
			if m, err := knowledge.Extract(r); err == nil {
				meetings[r.Name] = m
			}
		}
	}
	benchIngest(b, prepare, func(ctx context.Context, rs []knowledge.Readout) error {
		_, err := ix.Add(ctx, rs...)
		return err
	})
}
