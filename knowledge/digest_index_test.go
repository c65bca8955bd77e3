package knowledge

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// TestIndexDigest ingests readouts at three moments and checks that a
// digest holds exactly those ingested in its window, whatever their meeting
// dates, and that filters and paging work through the index.
func TestIndexDigest(t *testing.T) {
	now := time.Date(2024, 5, 1, 9, 0, 0, 0, time.UTC)
	ix, err := Open(filepath.Join(t.TempDir(), "index"), Options{Now: func() time.Time { return now }})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	readout := func(i int, date, who string) Readout {
		text := fmt.Sprintf("On %s, Prime Minister Taro Yamada of Japan held a telephone talk with %s. "+
			"The two leaders discussed climate change and agreed to keep in close contact.", date, who)
		r, err := Parse(fmt.Sprintf("r%03d.md", i), []byte(fmt.Sprintf(
			"---\ntitle: Japan Summit Telephone Talk %d\nsource: Test Ministry\nsource_url: https://example.org/r%03d\npublished: 2024-05-01\n---\n%s\n", i, i, text)))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	add := func(at time.Time, rs ...Readout) {
		now = at
		res, err := ix.Add(ctx, rs...)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res {
			if r.Err != nil {
				t.Fatalf("%s: %v", r.Name, r.Err)
			}
		}
	}
	add(time.Date(2024, 4, 30, 10, 0, 0, 0, time.UTC), readout(1, "April 30, 2024", "President Anna Berg of Sweden"))
	var batch []Readout
	for i := 2; i < 30; i++ {
		batch = append(batch, readout(i, "April 12, 2024", "President Anna Berg of Sweden"))
	}
	batch = append(batch, readout(30, "May 1, 2024", "Chancellor Max Huber of Austria"))
	add(time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC), batch...)
	add(time.Date(2024, 5, 2, 10, 0, 0, 0, time.UTC), readout(31, "May 2, 2024", "President Anna Berg of Sweden"))

	defer func(n int) { digestPage = n }(digestPage)
	digestPage = 10 // read the 29 meetings in three pages

	from := time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	d, err := ix.Digest(ctx, DigestOptions{From: from, To: from.Add(24 * time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != 29 || len(d.Held) != 1 || len(d.Earlier) != 28 {
		t.Errorf("digest has %d held and %d earlier meetings, want 1 and 28", len(d.Held), len(d.Earlier))
	}
	d, err = ix.Digest(ctx, DigestOptions{From: from, To: from.Add(24 * time.Hour), Person: "Huber"})
	if err != nil {
		t.Fatal(err)
	}
	if d.Len() != 1 || d.Options.Person != "Huber" {
		t.Errorf("filtered digest has %d meetings (options %+v), want 1", d.Len(), d.Options)
	}
	if _, err := ix.Digest(ctx, DigestOptions{From: from, To: from}); err != ErrDigestWindow {
		t.Errorf("empty window: err = %v", err)
	}
}
