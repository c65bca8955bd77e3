package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/readoutbot/readoutbot/knowledge"
	"github.com/readoutbot/readoutbot/knowledge/sources"
)

func TestSourcesPrintsHealth(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "..", "knowledge", "sources", "testdata", "pages", "call-1.html"))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Call</title><link>%s/call.html</link><pubDate>Mon, 04 Mar 2024 09:00:00 +0000</pubDate></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/call.html", func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write(page) })
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusBadGateway) })
	srv = httptest.NewServer(mux)
	defer srv.Close()

	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := fmt.Sprintf(`
[[source]]
name = "Ministry feed"
url = "%s/rss"
kind = "rss"

[[source]]
name = "Broken page"
url = "%s/broken"
kind = "page"
interval = "30m"
`, srv.URL, srv.URL)
	if err := os.WriteFile(filepath.Join(data, "sources.toml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"READOUTBOT_DATA": data}
	getenv := func(k string) string { return env[k] }
	now := time.Date(2024, 6, 3, 8, 0, 0, 0, time.UTC)
	app := &App{Getenv: getenv, DataDir: data, IndexDir: filepath.Join(data, "index"), Logger: slog.New(slog.DiscardHandler), Now: func() time.Time { return now }}

	sourcesOut := func() (string, error) {
		var out, errb bytes.Buffer
		err := run(t.Context(), []string{"sources"}, getenv, &out, &errb)
		return out.String() + errb.String(), err
	}
	out, err := sourcesOut()
	if err != nil || !strings.Contains(out, "Ministry feed") || !strings.Contains(out, "not polled yet") {
		t.Fatalf("before polling: %v\n%s", err, out)
	}

	ix, err := knowledge.Open(app.IndexDir, knowledge.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	srcs, err := sources.LoadConfig(sourcesConfigPath(app))
	if err != nil {
		t.Fatal(err)
	}
	p, err := sources.New(sources.Options{
		Index: ix, Sources: srcs, StatePath: sourcesStatePath(app), Now: app.Now,
		Fetcher: sources.NewFetcher(sources.FetcherOptions{AllowPrivate: true, HostSpacing: -1}),
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Poll(t.Context(), "Ministry feed"); err != nil {
		t.Fatal(err)
	}
	for range sources.FlagAfterFailures {
		_, _ = p.Poll(t.Context(), "Broken page")
	}
	out, err = sourcesOut()
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 1 {
		t.Errorf("with a flagged source: error %v, want exit status 1", err)
	}
	for _, want := range []string{
		"items indexed: 1 (1 from the backlog)",
		"FLAGGED: failed 5 times in a row",
		"http status 502",
		"2024-06-03 08:00 UTC",
		"[feed, every 1h]",
		"[page, every 30m]",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	var jout, jerr bytes.Buffer
	_ = run(t.Context(), []string{"sources", "--json"}, getenv, &jout, &jerr)
	var hs []sources.SourceHealth
	if err := json.Unmarshal(jout.Bytes(), &hs); err != nil {
		t.Fatalf("--json: %v\n%s", err, jout.String())
	}
	if len(hs) != 2 || hs[0].Items != 1 || !hs[1].Flagged {
		t.Errorf("--json = %+v", hs)
	}
}

func TestIngestURL(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "..", "knowledge", "sources", "testdata", "pages", "meeting-3.html"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = w.Write(page) }))
	defer srv.Close()
	dir := t.TempDir()
	env := map[string]string{"READOUTBOT_DATA": filepath.Join(dir, "data"), "READOUTBOT_INDEX": filepath.Join(dir, "index")}
	getenv := func(k string) string { return env[k] }

	// By default a private address is refused.
	var out, errb bytes.Buffer
	err = run(t.Context(), []string{"ingest", srv.URL + "/readout.html"}, getenv, &out, &errb)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 2 || !strings.Contains(errb.String(), "not a public address") {
		t.Fatalf("ingest of a private address: %v\nstdout: %s\nstderr: %s", err, out.String(), errb.String())
	}

	env["READOUTBOT_ALLOW_PRIVATE"] = "1"
	out.Reset()
	errb.Reset()
	if err := run(t.Context(), []string{"ingest", srv.URL + "/readout.html"}, getenv, &out, &errb); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errb.String())
	}
	if !strings.Contains(out.String(), "Indexed 1 readouts, skipped 0.") || !strings.Contains(out.String(), "Weber") {
		t.Errorf("ingest printed %q", out.String())
	}
}

func TestSourcesPoll(t *testing.T) {
	page, err := os.ReadFile(filepath.Join("..", "..", "knowledge", "sources", "testdata", "pages", "meeting-2.html"))
	if err != nil {
		t.Fatal(err)
	}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/rss" {
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
<item><title>Meeting</title><link>%s/meeting.html</link></item></channel></rss>`, srv.URL)
			return
		}
		_, _ = w.Write(page)
	}))
	defer srv.Close()
	data := t.TempDir()
	cfg := fmt.Sprintf("[[source]]\nname = \"Ministry feed\"\nurl = \"%s/rss\"\n", srv.URL)
	if err := os.WriteFile(filepath.Join(data, "sources.toml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"READOUTBOT_DATA": data, "READOUTBOT_ALLOW_PRIVATE": "1"}
	getenv := func(k string) string { return env[k] }

	var out, errb bytes.Buffer
	err = run(t.Context(), []string{"sources", "--poll", "Nope"}, getenv, &out, &errb)
	var ee *exitError
	if !errors.As(err, &ee) || ee.code != 2 {
		t.Errorf("--poll of an unknown source: %v, want exit status 2", err)
	}
	out.Reset()
	if err := run(t.Context(), []string{"sources", "--poll"}, getenv, &out, &errb); err != nil {
		t.Fatalf("sources --poll: %v\n%s", err, errb.String())
	}
	for _, want := range []string{"Ministry feed: 0 new, 1 from the backlog", "items indexed: 1 (1 from the backlog)"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
