package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/readoutbot/readoutbot/bot"
	"github.com/readoutbot/readoutbot/knowledge"
	"github.com/readoutbot/readoutbot/knowledge/sources"
)

func TestFetchReason(t *testing.T) {
	t.Parallel()
	dialErr := &url.Error{Op: "Get", URL: "https://nowhere.example/", Err: &net.OpError{Op: "dial", Err: errors.New("connection refused")}}
	tests := []struct {
		name string
		err  error
		want error
	}{
		{"blocked", fmt.Errorf("fetch x: %w", sources.ErrBlocked), bot.ErrFetchBlocked},
		{"blocked while dialling", &url.Error{Op: "Get", URL: "http://10.0.0.1/", Err: fmt.Errorf("dial: %w", sources.ErrBlocked)}, bot.ErrFetchBlocked},
		{"redirects", fmt.Errorf("fetch x: %w", sources.ErrTooManyRedirects), bot.ErrFetchRedirects},
		{"type", fmt.Errorf("fetch x: %w", sources.ErrUnsupportedType), bot.ErrFetchUnsupported},
		{"back off", fmt.Errorf("fetch x: %w", sources.ErrBackOff), bot.ErrFetchBackOff},
		{"unreachable", dialErr, bot.ErrFetchUnreachable},
		{"too large", fmt.Errorf("fetch x: %w", knowledge.ErrTooLarge), knowledge.ErrTooLarge},
		{"not a readout", fmt.Errorf("read x: %w", knowledge.ErrNotReadout), knowledge.ErrNotReadout},
		{"timed out", &url.Error{Op: "Get", URL: "https://slow.example/", Err: context.DeadlineExceeded}, context.DeadlineExceeded},
	}
	for _, tt := range tests {
		got := fetchReason(tt.err)
		if !errors.Is(got, tt.want) || !errors.Is(got, tt.err) {
			t.Errorf("%s: %v is not %v (or lost the original)", tt.name, got, tt.want)
		}
		if tt.want == context.DeadlineExceeded && errors.Is(got, bot.ErrFetchUnreachable) {
			t.Errorf("%s: the command's own timeout reads as an unreachable site", tt.name)
		}
	}
	var st *bot.FetchStatusError
	if got := fetchReason(fmt.Errorf("x: %w", &sources.StatusError{URL: "u", Code: 410})); !errors.As(got, &st) || st.Code != 410 {
		t.Errorf("status: %v", got)
	}
	if fetchReason(nil) != nil {
		t.Error("nil is not nil")
	}
}

// TestBotIngestThroughSharedPoller runs /ingest's adapter over the real
// poller: a private address is refused by default, a missing page is its
// HTTP status, and a readout is indexed.
func TestBotIngestThroughSharedPoller(t *testing.T) {
	t.Parallel()
	page, err := os.ReadFile(filepath.Join("..", "..", "bot", "testdata", "pages", "readout.html"))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /readout.html", func(w http.ResponseWriter, r *http.Request) { w.Write(page) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	dir := t.TempDir()
	ix, err := knowledge.Open(filepath.Join(dir, "index"), knowledge.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	env := map[string]string{}
	app := &App{Getenv: envMap(env), Logger: newLogger(&strings.Builder{}, ""), DataDir: filepath.Join(dir, "data"), IndexDir: filepath.Join(dir, "index"), Now: time.Now}

	p, err := newRunPoller(app, ix, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (botSources{p}).IngestURL(t.Context(), srv.URL+"/readout.html"); !errors.Is(err, bot.ErrFetchBlocked) {
		t.Errorf("private address by default: %v", err)
	}

	env["READOUTBOT_ALLOW_PRIVATE"] = "1"
	p, err = newRunPoller(app, ix, nil)
	if err != nil {
		t.Fatal(err)
	}
	var st *bot.FetchStatusError
	if _, err := (botSources{p}).IngestURL(t.Context(), srv.URL+"/gone.html"); !errors.As(err, &st) || st.Code != http.StatusNotFound {
		t.Errorf("missing page: %v", err)
	}
	m, err := (botSources{p}).IngestURL(t.Context(), srv.URL+"/readout.html")
	if err != nil || !strings.Contains(m.Title, "Lindqvist") {
		t.Errorf("readout: %+v, %v", m.Title, err)
	}
}

// TestRunPollerSurvivesBadSourcesFile: a sources file that does not parse
// leaves /ingest working and nothing polled.
func TestRunPollerSurvivesBadSourcesFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "sources.toml")
	if err := os.WriteFile(cfg, []byte("[[source]]\nname = \"x\"\nurl = 42\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var logs strings.Builder
	app := &App{Getenv: envMap(map[string]string{"READOUTBOT_SOURCES": cfg}), Logger: newLogger(&logs, ""),
		DataDir: dir, IndexDir: filepath.Join(dir, "index"), Now: time.Now}
	p, err := newRunPoller(app, stubIndexer{}, nil)
	if err != nil || p == nil {
		t.Fatalf("poller: %v", err)
	}
	if n := len(p.Sources()); n != 0 {
		t.Errorf("%d sources from a bad file", n)
	}
	if !strings.Contains(logs.String(), "sources file is fixed") {
		t.Errorf("log:\n%s", logs.String())
	}
}

type stubIndexer struct{}

func (stubIndexer) Add(context.Context, ...knowledge.Readout) ([]knowledge.Result, error) {
	return nil, errors.New("not used")
}

// TestBotHealthCopiesEveryField guards the adapter against a field added on
// one side and forgotten here.
func TestBotHealthCopiesEveryField(t *testing.T) {
	t.Parallel()
	var src sources.SourceHealth
	v := reflect.ValueOf(&src).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString("x")
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Int, reflect.Int64:
			f.SetInt(int64(i + 1))
		case reflect.Struct:
			f.Set(reflect.ValueOf(time.Unix(int64(1e9+i), 0)))
		}
	}
	got := reflect.ValueOf(botHealth(src))
	for i := range got.NumField() {
		if got.Field(i).IsZero() {
			t.Errorf("bot.SourceHealth.%s is not filled from sources.SourceHealth", got.Type().Field(i).Name)
		}
	}
}

// TestDigestLeavesOutBackfill: a readout a source brought from its backlog
// on its first poll is indexed but not in `readoutbot digest`, as in the
// bot's digests.
func TestDigestLeavesOutBackfill(t *testing.T) {
	t.Parallel()
	page, err := os.ReadFile(filepath.Join("..", "..", "bot", "testdata", "pages", "readout.html"))
	if err != nil {
		t.Fatal(err)
	}
	var srv *httptest.Server
	mux := http.NewServeMux()
	mux.HandleFunc("GET /readout.html", func(w http.ResponseWriter, r *http.Request) { w.Write(page) })
	mux.HandleFunc("GET /feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Press</title><link>%[1]s/</link><description>d</description>`+
			`<item><title>Foreign Minister Lindqvist meets Foreign Minister Ferreira</title><link>%[1]s/readout.html</link>`+
			`<pubDate>Wed, 12 Feb 2025 08:30:00 GMT</pubDate></item></channel></rss>`, srv.URL)
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()

	a := newDigestApp(t)
	at := utc("2025-03-10T09:00:00Z")
	a.ingestAt(t, at, fixtureReadouts)

	ix, err := knowledge.Open(a.IndexDir, knowledge.Options{Now: a.App.Now})
	if err != nil {
		t.Fatal(err)
	}
	src := sources.Source{Name: "press", URL: srv.URL + "/feed.xml", Kind: sources.KindFeed, Interval: time.Hour}
	p, err := sources.New(sources.Options{Index: ix, Sources: []sources.Source{src}, StatePath: sourcesStatePath(a.App),
		Fetcher: sources.NewFetcher(sources.FetcherOptions{AllowPrivate: true, HostSpacing: -1}), Now: a.App.Now})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := p.Poll(t.Context(), "press")
	if err != nil || rep.Backfill != 1 {
		t.Fatalf("first poll: %+v, %v", rep, err)
	}
	// Without the filter the backfilled meeting would be in the window.
	opts := knowledge.DigestOptions{From: at.Add(-24 * time.Hour), To: at.Add(time.Hour), AsOf: at.Add(time.Hour), Location: time.UTC}
	d, err := ix.Digest(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(d.Render(knowledge.DigestRender{Limit: 1 << 20}), "\n"), "Lindqvist") {
		t.Fatal("the backfilled meeting is not in the unfiltered digest; the test proves nothing")
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}

	out, errOut, err := a.digest(at.Add(time.Hour), "--since", "25h")
	if err != nil {
		t.Fatalf("digest: %v\n%s", err, errOut)
	}
	if strings.Contains(out, "Lindqvist") || !strings.Contains(out, "Kishida") {
		t.Errorf("digest should list the data folder's readouts and not the backfill:\n%s", out)
	}
}
