package sources

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/readoutbot/readoutbot/knowledge"
)

const watchReadout = `---
title: Foreign Minister Halvorsen's call with Foreign Minister Okafor
source: Ministry of Foreign Affairs
published: 2024-03-04
---
On March 3, 2024, Foreign Minister Ingrid Halvorsen of Norway held a telephone call with Foreign Minister Chidi Okafor of Nigeria.

Foreign Minister Halvorsen welcomed the progress on the fisheries agreement and offered to share experience on offshore energy.

Foreign Minister Okafor thanked Norway for its humanitarian support in the Sahel and raised debt relief.
`

const watchEdit = `---
title: Foreign Minister Halvorsen's call with Foreign Minister Okafor
source: Ministry of Foreign Affairs
published: 2024-03-04
---
On March 5, 2024, Foreign Minister Ingrid Halvorsen of Norway held a telephone call with Foreign Minister Chidi Okafor of Nigeria.

Foreign Minister Halvorsen welcomed the progress on the fisheries agreement and offered to share experience on offshore energy.

Foreign Minister Okafor thanked Norway for its humanitarian support in the Sahel and raised debt relief and climate finance.
`

func TestWatcherFollowsTheFolder(t *testing.T) {
	dir := t.TempDir()
	ix, err := knowledge.Open(filepath.Join(dir, "index"), knowledge.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	if err := os.MkdirAll(filepath.Join(dir, "mofa"), 0o755); err != nil {
		t.Fatal(err)
	}
	w, err := NewWatcher(WatcherOptions{Dir: dir, Index: ix, Ignore: []string{"index"}, Debounce: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	applied := make(chan string, 16)
	w.applied = applied
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run = %v", err)
		}
	})
	waitFor := func(name string) {
		t.Helper()
		for {
			select {
			case got := <-applied:
				if got == name {
					return
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("%s was not handled", name)
			}
		}
	}
	// Run must be watching before the first write.
	time.Sleep(100 * time.Millisecond)
	path := filepath.Join(dir, "mofa", "call.md")
	const name = "mofa/call.md"

	// Create, written in a burst of small writes as editors do.
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < len(watchReadout); i += 64 {
		_, _ = f.WriteString(watchReadout[i:min(i+64, len(watchReadout))])
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	// A dot file and a file in the index folder are not read.
	if err := os.WriteFile(filepath.Join(dir, ".draft.md"), []byte(watchReadout), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(name)
	page, err := ix.Meetings(ctx, knowledge.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 1 {
		t.Fatalf("after create the index holds %d meetings, want 1", page.Total)
	}
	first := page.Meetings[0]
	if first.Date != "2024-03-03" {
		t.Errorf("meeting date = %q, want 2024-03-03", first.Date)
	}

	// Edit: the meeting is replaced, not added.
	if err := os.WriteFile(path, []byte(watchEdit), 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(name)
	page, err = ix.Meetings(ctx, knowledge.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 1 || page.Meetings[0].ID != first.ID || page.Meetings[0].Date != "2024-03-05" {
		t.Fatalf("after edit = %d meetings, first %+v, want one dated 2024-03-05 with id %s", page.Total, page.Meetings, first.ID)
	}

	// Delete: the meeting goes.
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	waitFor(name)
	page, err = ix.Meetings(ctx, knowledge.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 0 {
		t.Fatalf("after delete the index holds %d meetings, want 0", page.Total)
	}
}

func TestIsReadoutFile(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"a/b.md", true},
		{"b.TXT", true},
		{"page.html", true},
		{"sources.toml", false},
		{".draft.md", false},
		{"call.md~", false},
		{"#call.md#", false},
		{"README.md", false},
		{"photo.png", false},
	}
	for _, tc := range tests {
		if got := IsReadoutFile(tc.name); got != tc.want {
			t.Errorf("IsReadoutFile(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// startWatcher runs a watcher until the returned stop is called.
func startWatcher(tb testing.TB, opts WatcherOptions) (applied <-chan string, stop func()) {
	tb.Helper()
	opts.Debounce = 50 * time.Millisecond
	w, err := NewWatcher(opts)
	if err != nil {
		tb.Fatal(err)
	}
	ch := make(chan string, 64)
	w.applied = ch
	ctx, cancel := context.WithCancel(tb.Context())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	time.Sleep(100 * time.Millisecond) // let Run set its watches
	return ch, func() {
		cancel()
		if err := <-done; err != nil {
			tb.Errorf("Run = %v", err)
		}
	}
}

// waitNames waits until every name was handled.
func waitNames(tb testing.TB, applied <-chan string, names ...string) {
	tb.Helper()
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	for len(want) > 0 {
		select {
		case got := <-applied:
			delete(want, got)
		case <-time.After(10 * time.Second):
			tb.Fatalf("not handled: %v", want)
		}
	}
}

func meetingNames(tb testing.TB, ix *knowledge.Index) map[string]string {
	tb.Helper()
	page, err := ix.Meetings(tb.Context(), knowledge.Filter{})
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]string{}
	for _, m := range page.Meetings {
		out[m.ID] = m.Date
	}
	return out
}

func TestWatcherCatchesUpAfterRestart(t *testing.T) {
	dir := t.TempDir()
	ix, err := knowledge.Open(filepath.Join(dir, "index"), knowledge.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	store := OpenStore(filepath.Join(dir, "sources.db"))
	write := func(name, text string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The first build indexed a.md; the first watcher run only records it.
	write("a.md", watchReadout)
	r, err := knowledge.ReadFile(filepath.Join(dir, "a.md"))
	if err != nil {
		t.Fatal(err)
	}
	r.Name = "a.md"
	if _, err := ix.Add(t.Context(), r); err != nil {
		t.Fatal(err)
	}
	opts := WatcherOptions{Dir: dir, Index: ix, Ignore: []string{"index"}, Store: store}
	_, stop := startWatcher(t, opts)
	stop()
	if got := meetingNames(t, ix); len(got) != 1 {
		t.Fatalf("after the first run: %v, want the one meeting", got)
	}

	// While stopped: a.md is edited and b.md added.
	time.Sleep(10 * time.Millisecond) // a new modification time
	write("a.md", watchEdit)
	write("b.md", strings.ReplaceAll(watchReadout, "Halvorsen", "Lindqvist"))
	applied, stop := startWatcher(t, opts)
	waitNames(t, applied, "a.md", "b.md")
	stop()
	got := meetingNames(t, ix)
	dates := []string{}
	for _, d := range got {
		dates = append(dates, d)
	}
	slices.Sort(dates)
	if want := []string{"2024-03-03", "2024-03-05"}; !slices.Equal(dates, want) {
		t.Fatalf("after catching up: meeting dates %v, want %v", dates, want)
	}

	// While stopped: a.md is deleted.
	if err := os.Remove(filepath.Join(dir, "a.md")); err != nil {
		t.Fatal(err)
	}
	applied, stop = startWatcher(t, opts)
	waitNames(t, applied, "a.md")
	stop()
	if got := meetingNames(t, ix); len(got) != 1 {
		t.Fatalf("after catching up a delete: %v, want one meeting", got)
	}
}

func TestWatcherFollowsAMovedFolder(t *testing.T) {
	dir := t.TempDir()
	ix, err := knowledge.Open(filepath.Join(dir, "index"), knowledge.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	applied, stop := startWatcher(t, WatcherOptions{Dir: dir, Index: ix, Ignore: []string{"index"}})
	defer stop()
	// A folder of readouts copied in at once, then moved out whole.
	sub := filepath.Join(t.TempDir(), "batch")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(sub, "call.md"), []byte(watchReadout), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(sub, filepath.Join(dir, "batch")); err != nil {
		t.Fatal(err)
	}
	waitNames(t, applied, "batch/call.md")
	if got := meetingNames(t, ix); len(got) != 1 {
		t.Fatalf("after moving the folder in: %v, want one meeting", got)
	}
	if err := os.Rename(filepath.Join(dir, "batch"), filepath.Join(t.TempDir(), "gone")); err != nil {
		t.Fatal(err)
	}
	waitNames(t, applied, "batch/call.md")
	if got := meetingNames(t, ix); len(got) != 0 {
		t.Fatalf("after moving the folder out: %v, want none", got)
	}
}
