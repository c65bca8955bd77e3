package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// analystRun runs the program over a data folder holding the linked
// fixtures (the index is built on first use) and returns its output.
func analystRun(tb testing.TB, data string, args ...string) (string, error) {
	tb.Helper()
	var out, errOut bytes.Buffer
	env := map[string]string{"READOUTBOT_DATA": data, "LOG_LEVEL": "error"}
	err := run(context.Background(), args, func(k string) string { return env[k] }, &out, &errOut)
	return out.String(), err
}

func linkedData(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	paths, err := filepath.Glob(filepath.Join("..", "..", "knowledge", "testdata", "linked", "*.md"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no linked fixtures: %v", err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(p)), b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return dir
}

func TestAnalystCommands(t *testing.T) {
	data := linkedData(t)
	out, err := analystRun(t, data, "met", "Japan", "Republic of Korea")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"3 meetings or calls", "leaders 2, ministers 1", "Most discussed: North Korea (3)",
		"readouts: Ministry of Foreign Affairs of Japan; Office of the President of the Republic of Korea"} {
		if !strings.Contains(out, want) {
			t.Errorf("met lacks %q:\n%s", want, out)
		}
	}
	out, err = analystRun(t, data, "met", "Ito", "Park", "--since", "2025-03-05")
	if err != nil || !strings.Contains(out, "1 call since 5 Mar 2025") {
		t.Errorf("met --since after the names: %v\n%s", err, out)
	}
	var ee *exitError
	if _, err := analystRun(t, data, "met", "Ito", "Nobody Known"); !errors.As(err, &ee) || ee.code != 1 {
		t.Errorf("strangers: err = %v, want exit 1", err)
	}

	list, err := analystRun(t, data, "meetings", "--person", "Park", "--from", "2025-03-04", "--to", "2025-03-04")
	if err != nil {
		t.Fatal(err)
	}
	ids := strings.Fields(list)
	if len(ids) == 0 {
		t.Fatalf("no meeting listed:\n%s", list)
	}
	out, err = analystRun(t, data, "show", ids[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Both sides' readouts of this meeting (2)", "North Korea — all sides reported",
		"abductions issue — only", "semiconductor supply chains — only"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}

	out, err = analystRun(t, data, "positions", "--speaker", "Ito", "--topic", "North Korea")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "new wording: “complete denuclearization”") {
		t.Errorf("positions does not mark the new wording:\n%s", out)
	}
	if strings.Count(out, "serious concern”") > 0 {
		t.Errorf("positions marks wording on its first statement, or twice:\n%s", out)
	}
}
