package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseSizes(t *testing.T) {
	t.Parallel()
	got, err := parseSizes("1000, 10k,100K")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]int{1000, 10000, 100000}, got); diff != "" {
		t.Errorf("parseSizes (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"", "0", "ten", "1k,-5"} {
		if _, err := parseSizes(bad); err == nil {
			t.Errorf("parseSizes(%q) succeeded", bad)
		}
	}
}

func TestPercentile(t *testing.T) {
	t.Parallel()
	var ds []time.Duration
	for i := 100; i >= 1; i-- {
		ds = append(ds, time.Duration(i))
	}
	if got := percentile(ds, 50); got != 50 {
		t.Errorf("p50 = %d, want 50", got)
	}
	if got := percentile(ds, 99); got != 99 {
		t.Errorf("p99 = %d, want 99", got)
	}
	if got := percentile(nil, 99); got != 0 {
		t.Errorf("p99 of nothing = %d", got)
	}
}

// TestBenchPrintsOneTable runs the whole benchmark on a tiny corpus: it
// checks the table's shape, never the timings.
func TestBenchPrintsOneTable(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds two indexes")
	}
	var out, errb bytes.Buffer
	err := run(context.Background(), []string{"bench", "--n", "40,80", "--repeat", "1", "--questions", "1", "--dir", t.TempDir()},
		func(string) string { return "" }, &out, &errb)
	if err != nil {
		t.Fatalf("bench: %v\n%s", err, errb.String())
	}
	s := out.String()
	if got := strings.Count(s, "| figure |"); got != 1 {
		t.Errorf("%d tables, want 1:\n%s", got, s)
	}
	for _, want := range []string{"| figure | 40 | 80 |", "ingest: engine / bare", "ask p99", "autocomplete", "open existing index", "peak RSS", "disk per readout"} {
		if !strings.Contains(s, want) {
			t.Errorf("table lacks %q:\n%s", want, s)
		}
	}
}
