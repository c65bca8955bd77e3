package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readoutbot/readoutbot/bot"
	"github.com/readoutbot/readoutbot/bot/discordtest"
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

// syncLog is a log sink safe for the bot's goroutines and the test.
type syncLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *syncLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *syncLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestRunWiresAdminFeatures runs `readoutbot run` in process against the
// fake Discord: a source already failing FlagAfterFailures-1 times fails
// once more at start and the admin channel hears of it once; /sources shows
// it; /ingest adds a page through the same poller.
func TestRunWiresAdminFeatures(t *testing.T) {
	t.Parallel()
	page, err := os.ReadFile(filepath.Join("..", "..", "bot", "testdata", "pages", "readout.html"))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /readout.html", func(w http.ResponseWriter, r *http.Request) { w.Write(page) })
	mux.HandleFunc("GET /feed.xml", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusBadGateway) })
	web := httptest.NewServer(mux)
	defer web.Close()

	srv := discordtest.NewServer(t)
	const adminChannel = "1200000000000000066"
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := fmt.Sprintf("[[source]]\nname = \"press\"\nurl = \"%s/feed.xml\"\nkind = \"rss\"\ninterval = \"1h\"\n", web.URL)
	if err := os.WriteFile(filepath.Join(data, "sources.toml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	logs := &syncLog{}
	app := &App{
		Getenv: envMap(map[string]string{
			"DISCORD_TOKEN": srv.Token, "DISCORD_GUILD_ID": srv.GuildID, "DISCORD_API_BASE": srv.URL,
			"READOUTBOT_ADMIN_CHANNEL": adminChannel, "READOUTBOT_ALLOW_PRIVATE": "1",
		}),
		Stdout: io.Discard, Stderr: io.Discard, Logger: newLogger(logs, "debug"),
		DataDir: data, IndexDir: filepath.Join(dir, "index"), Now: time.Now,
	}

	// The failures before this start, in the same state file, two hours
	// ago so the feed is due at once.
	srcs, err := sources.LoadConfig(sourcesConfigPath(app))
	if err != nil {
		t.Fatal(err)
	}
	seed, err := sources.New(sources.Options{Index: stubIndexer{}, Sources: srcs, StatePath: sourcesStatePath(app),
		Fetcher: sources.NewFetcher(sources.FetcherOptions{AllowPrivate: true, HostSpacing: -1}),
		Now:     func() time.Time { return time.Now().Add(-2 * time.Hour) }})
	if err != nil {
		t.Fatal(err)
	}
	for range sources.FlagAfterFailures - 1 {
		if _, err := seed.Poll(t.Context(), "press"); err == nil {
			t.Fatal("the failing feed polled without error")
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- cmdRun(ctx, app, nil) }()
	defer func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("run: %v", err)
			}
		case <-time.After(30 * time.Second):
			t.Error("run did not stop")
		}
		if t.Failed() {
			t.Logf("log:\n%s", logs)
		}
	}()

	msgs := srv.WaitMessages(t, adminChannel, 1, 30*time.Second)
	if got := msgs[0].Content; !strings.Contains(got, "press") || !strings.Contains(got, "flagged") || !strings.Contains(got, "502") {
		t.Errorf("admin notice: %q", got)
	}

	admin := func(ix discordtest.Interaction) string {
		rep := srv.Interact(t, ix.WithPermissions(discordtest.AdminPermissions)).WaitFinal(t, 30*time.Second)
		var b strings.Builder
		for _, m := range rep.Messages() {
			b.WriteString(m.Content + "\n")
			for _, e := range m.Embeds {
				b.WriteString(e.Title + "\n" + e.Description + "\n")
				for _, f := range e.Fields {
					b.WriteString(f.Name + "\n" + f.Value + "\n")
				}
			}
		}
		return b.String()
	}
	if got := admin(discordtest.Command("sources")); !strings.Contains(got, "FLAGGED: press") {
		t.Errorf("/sources:\n%s", got)
	}
	if got := admin(discordtest.Command("ingest", discordtest.Opt("url", web.URL+"/readout.html"))); !strings.Contains(got, "Lindqvist") {
		t.Errorf("/ingest:\n%s", got)
	}
	if got := admin(discordtest.Command("ingest", discordtest.Opt("url", web.URL+"/missing.html"))); !strings.Contains(got, "404") {
		t.Errorf("/ingest of a missing page:\n%s", got)
	}
	// /digest set checks at once that the bot may post in the channel.
	const hidden = "1200000000000000067"
	srv.Forbid(hidden)
	set := discordtest.Command("digest", discordtest.Sub("set",
		discordtest.Option{Name: "channel", Type: discordgo.ApplicationCommandOptionChannel, Value: hidden},
		discordtest.Opt("time", "08:00"), discordtest.Opt("timezone", "UTC")))
	if got := admin(set); !strings.Contains(got, "cannot post in <#"+hidden+">") {
		t.Errorf("/digest set on a forbidden channel:\n%s", got)
	}
	if n := len(srv.Messages(adminChannel)); n != 1 {
		t.Errorf("%d admin notices, want 1", n)
	}
}
