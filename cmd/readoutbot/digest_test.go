package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func init() {
	// Other test files of the package may define -update too; share it.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

// checkDigestGolden compares got with testdata/digest/name, or rewrites it
// with -update.
func checkDigestGolden(tb testing.TB, name, got string) {
	tb.Helper()
	path := filepath.Join("testdata", "digest", name)
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		tb.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

// digestApp is an App over a fresh index in a temp dir whose clock the test
// sets.
type digestApp struct {
	*App
	now time.Time
}

func newDigestApp(tb testing.TB) *digestApp {
	tb.Helper()
	dir := tb.TempDir()
	a := &digestApp{}
	a.App = &App{
		Getenv:   func(string) string { return "" },
		Stdout:   io.Discard,
		Stderr:   io.Discard,
		Logger:   slog.New(slog.NewTextHandler(io.Discard, nil)),
		DataDir:  filepath.Join(dir, "data"),
		IndexDir: filepath.Join(dir, "index"),
		Now:      func() time.Time { return a.now },
	}
	if err := os.MkdirAll(a.DataDir, 0o755); err != nil {
		tb.Fatal(err)
	}
	return a
}

// ingestAt ingests the readouts in dir with the clock at t.
func (a *digestApp) ingestAt(tb testing.TB, t time.Time, dir string) {
	tb.Helper()
	a.now = t
	var stderr bytes.Buffer
	a.Stderr = &stderr
	if err := cmdIngest(context.Background(), a.App, []string{dir}); err != nil {
		tb.Fatalf("ingest %s: %v\n%s", dir, err, stderr.String())
	}
}

// digest runs the command with the clock at t and returns its output.
func (a *digestApp) digest(t time.Time, args ...string) (stdout, stderr string, err error) {
	a.now = t
	var out, errOut bytes.Buffer
	a.Stdout, a.Stderr = &out, &errOut
	err = cmdDigest(context.Background(), a.App, args)
	return out.String(), errOut.String(), err
}

// digestMeetingLineRE matches a digest's meeting line: who met whom and where, when,
// the topics, and the link.
var digestMeetingLineRE = regexp.MustCompile(`^- (.*?) \((\d{1,2} [A-Z][a-z]{2}(?: \d{4})?(?:, published [\d-]+|, newly received)?|date not given, [^)]*)\)(?:: .*)? (\S+)$`)

// reduceMeetingLines keeps of each meeting line its date and link. What the
// command decides (the window, the zone, filters, held or earlier, order,
// headings, the stamp, chunks) stays exact in the golden files, while names,
// places and topics, which the extraction tests own, may improve without
// rewriting these files.
func reduceMeetingLines(out string) string {
	lines := strings.Split(out, "\n")
	for i, l := range lines {
		if m := digestMeetingLineRE.FindStringSubmatch(l); m != nil {
			lines[i] = "- … (" + m[2] + ") " + m[3]
		}
	}
	return strings.Join(lines, "\n")
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestDigestCommandGolden(t *testing.T) {
	a := newDigestApp(t)
	// Two batches: readouts that came in on 24 February, and on 26
	// February (a new call, and two readouts of older meetings).
	a.ingestAt(t, utc("2022-02-24T06:00:00Z"), filepath.Join("testdata", "digest", "batch1"))
	a.ingestAt(t, utc("2022-02-26T12:00:00Z"), filepath.Join("testdata", "digest", "batch2"))
	now := utc("2022-02-26T23:30:00Z")
	for _, tc := range []struct {
		golden string
		args   []string
	}{
		{"day-london.golden", []string{"--since", "24h", "--tz", "Europe/London"}},
		{"three-days-tokyo.golden", []string{"--since", "72h", "--tz", "Asia/Tokyo"}},
		{"by-country.golden", []string{"--since", "72h", "--tz", "Asia/Kolkata", "--group", "country"}},
		{"person.golden", []string{"--since", "72h", "--tz", "Europe/London", "--person", "Zelenskyy"}},
		{"until.golden", []string{"--since", "24h", "--until", "2022-02-25T08:00", "--tz", "Asia/Tokyo"}},
		{"nothing.golden", []string{"--since", "1h", "--tz", "America/New_York"}},
		{"until-clock.golden", []string{"--since", "48h", "--until", "08:00", "--tz", "Asia/Tokyo"}},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			out, stderr, err := a.digest(now, tc.args...)
			if err != nil {
				t.Fatalf("digest %v: %v\n%s", tc.args, err, stderr)
			}
			checkDigestGolden(t, tc.golden, reduceMeetingLines(out))
		})
	}
}

// TestDigestCommandChunks checks --chunk by its rule rather than a golden
// file, since where a chunk breaks depends on how long each extracted line
// is: the digest is split, and the pieces hold every meeting line of the
// unsplit digest, in order.
func TestDigestCommandChunks(t *testing.T) {
	a := newDigestApp(t)
	a.ingestAt(t, utc("2022-02-24T06:00:00Z"), filepath.Join("testdata", "digest", "batch1"))
	a.ingestAt(t, utc("2022-02-26T12:00:00Z"), filepath.Join("testdata", "digest", "batch2"))
	now := utc("2022-02-26T23:30:00Z")
	args := []string{"--since", "72h", "--tz", "Asia/Tokyo"}
	whole, _, err := a.digest(now, args...)
	if err != nil {
		t.Fatal(err)
	}
	const limit = 600
	split, _, err := a.digest(now, append(args, "--chunk", fmt.Sprint(limit))...)
	if err != nil {
		t.Fatal(err)
	}
	// Render's own tests check each chunk's size; here the command must
	// pass --chunk through and lose nothing.
	if !strings.Contains(split, "Readout digest (continued)") {
		t.Fatalf("--chunk %d did not split the digest:\n%s", limit, split)
	}
	meetingLines := func(s string) []string {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			if strings.HasPrefix(l, "- ") {
				out = append(out, l)
			}
		}
		return out
	}
	if diff := cmp.Diff(meetingLines(whole), meetingLines(split)); diff != "" {
		t.Errorf("meeting lines differ between the whole and the split digest (-whole +split):\n%s", diff)
	}
}

func TestDigestCommandErrors(t *testing.T) {
	a := newDigestApp(t)
	now := utc("2022-02-26T23:30:00Z")
	for _, tc := range []struct {
		name string
		args []string
		code int
	}{
		{"unknown zone", []string{"--tz", "Mars/Olympus_Mons"}, 2},
		{"bad grouping", []string{"--group", "alphabet"}, 2},
		{"negative since", []string{"--since", "-3h"}, 2},
		{"bad until", []string{"--until", "tomorrow"}, 2},
		{"stray argument", []string{"today"}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := a.digest(now, tc.args...)
			if got := report(err, io.Discard); got != tc.code {
				t.Errorf("exit status %d (err %v), want %d", got, err, tc.code)
			}
		})
	}
	_, _, err := a.digest(now, "--tz", "Mars/Olympus_Mons")
	var ee *exitError
	if !errors.As(err, &ee) || ee.err == nil || !bytes.Contains([]byte(ee.err.Error()), []byte("unknown time zone")) {
		t.Errorf("unknown zone error = %v, want one saying unknown time zone", err)
	}
}
