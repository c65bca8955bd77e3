package bot

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/readoutbot/readoutbot/bot/discordtest"
	"github.com/readoutbot/readoutbot/knowledge"
	"github.com/readoutbot/readoutbot/knowledge/sources"
)

// End-to-end tests of the admin commands and the admin channel: the real
// poller and fetcher against a local site, the real index, the bot against
// the fake Discord. Only the tests import knowledge/sources; the bot takes
// it through the small interfaces in admin.go, as cmd/readoutbot does.

// site serves testdata/pages and a feed whose health the test sets.
type site struct {
	*httptest.Server
	hits       atomic.Int64
	mu         sync.Mutex
	feedStatus int // what /feed.xml answers; 200 means an empty feed
}

func newSite(tb testing.TB) *site {
	tb.Helper()
	s := &site{feedStatus: http.StatusOK}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /pages/{name}", func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		data, err := os.ReadFile(filepath.Join("testdata", "pages", filepath.Base(r.PathValue("name"))))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(data)
	})
	mux.HandleFunc("GET /feed.xml", func(w http.ResponseWriter, r *http.Request) {
		s.hits.Add(1)
		s.mu.Lock()
		status := s.feedStatus
		s.mu.Unlock()
		if status != http.StatusOK {
			http.Error(w, "down for maintenance", status)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Press releases</title>` +
			`<link>` + s.URL + `/</link><description>Readouts</description></channel></rss>`))
	})
	s.Server = httptest.NewServer(mux)
	tb.Cleanup(s.Close)
	return s
}

func (s *site) setFeedStatus(code int) {
	s.mu.Lock()
	s.feedStatus = code
	s.mu.Unlock()
}

// newTestPoller is a poller over ix that may fetch from the local site
// (AllowPrivate) without spacing requests.
func newTestPoller(tb testing.TB, ix sources.Indexer, srcs []sources.Source, notify sources.Notifier) *sources.Poller {
	tb.Helper()
	p, err := sources.New(sources.Options{
		Index:     ix,
		Sources:   srcs,
		StatePath: filepath.Join(tb.TempDir(), "sources.db"),
		Fetcher:   sources.NewFetcher(sources.FetcherOptions{AllowPrivate: true, HostSpacing: -1}),
		Notifier:  notify,
	})
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

// pollerAdmin adapts a poller to the bot, as cmd/readoutbot's botSources
// does (without its error translation, which cmd/readoutbot tests).
type pollerAdmin struct{ p *sources.Poller }

func (a pollerAdmin) IngestURL(ctx context.Context, url string) (knowledge.Meeting, error) {
	return a.p.IngestURL(ctx, url)
}

func (a pollerAdmin) Health(ctx context.Context) ([]SourceHealth, error) {
	hs, err := a.p.Health(ctx)
	out := make([]SourceHealth, len(hs))
	for i, h := range hs {
		out[i] = healthOf(h)
	}
	return out, err
}

func healthOf(h sources.SourceHealth) SourceHealth {
	return SourceHealth{Name: h.Name, URL: h.URL, Kind: string(h.Kind), Interval: h.Interval,
		LastFetch: h.LastFetch, LastSuccess: h.LastSuccess, LastNew: h.LastNew, Items: h.Items, Backfill: h.Backfill,
		LastError: h.LastError, LastErrorAt: h.LastErrorAt, Failures: h.Failures, Flagged: h.Flagged, Reason: h.Reason}
}

func withAdmin(o AdminOptions) func(*Bot) {
	return func(b *Bot) {
		for _, c := range AdminCommands(o) {
			b.AddCommand(c)
		}
	}
}

func TestIngestEndToEnd(t *testing.T) {
	t.Parallel()
	ix := openIndex(t)
	web := newSite(t)
	p := newTestPoller(t, ix, nil, nil)
	// /ingest is Slow: with the usual DeferAfter it still defers at once
	// (a private "thinking…"), then the card is edited in.
	h := startBotWith(t, ix, func(o *Options) { o.DeferAfter = time.Minute }, withAdmin(AdminOptions{Ingester: pollerAdmin{p}}))
	ingest := func(path string) discordtest.Interaction {
		return discordtest.Command("ingest", discordtest.Opt("url", web.URL+path))
	}
	meetings := func() int {
		st, err := ix.Stats(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		return st.Meetings
	}

	def := h.srv.GuildCommands(h.srv.GuildID)
	for _, c := range def {
		if c.Name == "ingest" && (c.DefaultMemberPermissions == nil || *c.DefaultMemberPermissions != 32) {
			t.Errorf("/ingest default_member_permissions = %v, want 32 (Manage Server)", c.DefaultMemberPermissions)
		}
	}

	t.Run("member refused", func(t *testing.T) {
		rep := h.srv.Interact(t, ingest("/pages/readout.html").WithPermissions(discordtest.MemberPermissions)).WaitFinal(t, wait)
		if got := text(rep.Messages()...); !rep.Ephemeral() || !strings.Contains(got, "Manage Server") {
			t.Errorf("non-admin /ingest: %q (ephemeral %v)", got, rep.Ephemeral())
		}
		if n := web.hits.Load(); n != 0 {
			t.Errorf("a refused /ingest fetched the page (%d requests)", n)
		}
		if n := meetings(); n != 0 {
			t.Errorf("a refused /ingest indexed %d meetings", n)
		}
	})

	t.Run("admin gets the card", func(t *testing.T) {
		rep := h.srv.Interact(t, ingest("/pages/readout.html").WithPermissions(discordtest.AdminPermissions)).WaitFinal(t, wait)
		if !rep.Deferred() || !rep.Ephemeral() {
			t.Errorf("want a deferred private reply: deferred %v, ephemeral %v", rep.Deferred(), rep.Ephemeral())
		}
		page, err := ix.Meetings(t.Context(), knowledge.Filter{Limit: 10})
		if err != nil || page.Total != 1 {
			t.Fatalf("index after /ingest: %d meetings, %v", page.Total, err)
		}
		m := page.Meetings[0]
		got := text(rep.Messages()...)
		for _, want := range []string{"Lindqvist", "Ferreira", "id: " + m.ID, "Added from <" + web.URL + "/pages/readout.html>"} {
			if !strings.Contains(got, want) {
				t.Errorf("reply lacks %q:\n%s", want, got)
			}
		}
		if !strings.HasPrefix(m.SourceURL, web.URL) {
			t.Errorf("meeting source %q, want the page's address", m.SourceURL)
		}
	})

	t.Run("not a readout", func(t *testing.T) {
		rep := h.srv.Interact(t, ingest("/pages/not-readout.html").WithPermissions(discordtest.AdminPermissions)).WaitFinal(t, wait)
		got := text(rep.Messages()...)
		if want := mustFriendly(knowledge.ErrNotReadout); !strings.Contains(got, want) || !rep.Ephemeral() {
			t.Errorf("non-readout page: %q, want %q privately", got, want)
		}
		if n := meetings(); n != 1 {
			t.Errorf("index has %d meetings after a non-readout, want 1", n)
		}
	})

	t.Run("not a web address", func(t *testing.T) {
		before := web.hits.Load()
		rep := h.srv.Interact(t, discordtest.Command("ingest", discordtest.Opt("url", "file:///etc/passwd")).
			WithPermissions(discordtest.AdminPermissions)).WaitFinal(t, wait)
		if got := text(rep.Messages()...); !strings.Contains(got, "https://") || strings.Contains(got, "root:") {
			t.Errorf("file URL: %q", got)
		}
		if web.hits.Load() != before {
			t.Error("a file URL reached the site")
		}
	})
}

func TestSourcesEndToEnd(t *testing.T) {
	t.Parallel()
	ix := openIndex(t)
	web := newSite(t)
	web.setFeedStatus(http.StatusInternalServerError)
	const adminChannel = "1200000000000000099"
	var alerts SourceAlerts
	notify := sources.NotifierFunc(func(ctx context.Context, h sources.SourceHealth) error {
		return alerts.Notify(ctx, healthOf(h))
	})
	srcs := []sources.Source{
		{Name: "Ministry press feed", URL: web.URL + "/feed.xml", Kind: sources.KindFeed, Interval: time.Hour},
		{Name: "Quiet office", URL: web.URL + "/listing.html", Kind: sources.KindPage, Interval: 6 * time.Hour},
	}
	p := newTestPoller(t, ix, srcs, notify)
	h := startBotWith(t, ix, nil, withAdmin(AdminOptions{Health: pollerAdmin{p}}))
	alerts = SourceAlerts{Channel: adminChannel, Poster: DiscordDigestPoster{Session: restSession(t, h.srv)}}

	// The feed fails again and again: flagged after FlagAfterFailures, and
	// the admin channel hears of it once, not at every poll after.
	for range sources.FlagAfterFailures + 3 {
		if _, err := p.Poll(t.Context(), srcs[0].Name); err == nil {
			t.Fatal("a failing feed polled without error")
		}
	}
	posted := h.srv.Messages(adminChannel)
	if len(posted) != 1 {
		t.Fatalf("%d messages in the admin channel after %d failures, want 1:\n%s", len(posted), sources.FlagAfterFailures+3, text(posted...))
	}
	if got := posted[0].Content; !strings.Contains(got, "Ministry press feed") || !strings.Contains(got, "flagged") || !strings.Contains(got, "500") {
		t.Errorf("flag notice: %q", got)
	}

	t.Run("admin sees health", func(t *testing.T) {
		rep := h.srv.Interact(t, discordtest.Command("sources").WithPermissions(discordtest.AdminPermissions)).WaitFinal(t, wait)
		got := text(rep.Messages()...)
		if !rep.Ephemeral() {
			t.Error("/sources should answer privately")
		}
		for _, want := range []string{"2 sources", "1 flagged", "FLAGGED: Ministry press feed", "500", "Quiet office", "Last fetch:** never", "Items indexed:** 0"} {
			if !strings.Contains(got, want) {
				t.Errorf("/sources lacks %q:\n%s", want, got)
			}
		}
		if strings.Index(got, "Ministry press feed") > strings.Index(got, "Quiet office") {
			t.Errorf("the flagged source should come first:\n%s", got)
		}
	})

	t.Run("member refused", func(t *testing.T) {
		rep := h.srv.Interact(t, discordtest.Command("sources")).WaitFinal(t, wait)
		got := text(rep.Messages()...)
		if !rep.Ephemeral() || !strings.Contains(got, "Manage Server") || strings.Contains(got, "Ministry press feed") {
			t.Errorf("non-admin /sources: %q (ephemeral %v)", got, rep.Ephemeral())
		}
	})

	// The feed comes back: one notice of recovery, then quiet.
	web.setFeedStatus(http.StatusOK)
	for range 2 {
		if _, err := p.Poll(t.Context(), srcs[0].Name); err != nil {
			t.Fatalf("poll of a working feed: %v", err)
		}
	}
	posted = h.srv.Messages(adminChannel)
	if len(posted) != 2 || !strings.Contains(posted[1].Content, "works again") {
		t.Errorf("after recovery the admin channel has:\n%s", text(posted...))
	}
}
