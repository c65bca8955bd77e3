package sources

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/readoutbot/readoutbot/knowledge"
)

func feedSource(s *site, path string) Source {
	return Source{Name: "ministry", URL: s.srv.URL + path, Kind: KindFeed, Interval: time.Hour}
}

func mustPoll(tb testing.TB, p *testPoller, name string) Report {
	tb.Helper()
	rep, err := p.Poll(tb.Context(), name)
	if err != nil {
		tb.Fatalf("Poll(%s): %v", name, err)
	}
	return rep
}

func meetingCount(tb testing.TB, ix *knowledge.Index) int {
	tb.Helper()
	st, err := ix.Stats(tb.Context())
	if err != nil {
		tb.Fatal(err)
	}
	return st.Meetings
}

func health(tb testing.TB, p *testPoller) SourceHealth {
	tb.Helper()
	hs, err := p.Health(tb.Context())
	if err != nil {
		tb.Fatal(err)
	}
	if len(hs) != 1 {
		tb.Fatalf("Health() = %d sources, want 1", len(hs))
	}
	return hs[0]
}

// meetingIDOf returns the id of the meeting indexed from the page at path.
func meetingIDOf(tb testing.TB, p *testPoller, s *site, path string) string {
	tb.Helper()
	its, err := p.store.items([]string{normalizeURL(s.srv.URL + path)})
	if err != nil {
		tb.Fatal(err)
	}
	it, ok := its[normalizeURL(s.srv.URL+path)]
	if !ok || it.MeetingID == "" {
		tb.Fatalf("no meeting recorded for %s: %+v", path, it)
	}
	return it.MeetingID
}

func TestPollFeeds(t *testing.T) {
	for _, kind := range []struct{ name, path string }{{"rss", "/rss"}, {"atom", "/atom"}} {
		t.Run(kind.name, func(t *testing.T) {
			s := newSite(t)
			s.add("Call with Foreign Minister Okafor", "/readouts/call-1.html", day0("2024-03-04"))
			s.add("Prime Minister Tanaka meets President Moreau", "/readouts/meeting-2.html", day0("2024-04-11"))
			p := newTestPoller(t, nil, "", feedSource(s, kind.path))
			ctx := t.Context()

			// First run: the backlog is indexed but not new.
			rep := mustPoll(t, p, "ministry")
			if rep.New != 0 || rep.Backfill != 2 {
				t.Fatalf("first poll = %+v, want 2 backfill and 0 new", rep)
			}
			if n := meetingCount(t, p.ix); n != 2 {
				t.Fatalf("index holds %d meetings, want 2", n)
			}
			old := meetingIDOf(t, p, s, "/readouts/call-1.html")
			m, err := p.ix.Meeting(ctx, old)
			if err != nil {
				t.Fatal(err)
			}
			if m.SourceURL != normalizeURL(s.srv.URL+"/readouts/call-1.html") || m.Published != "2024-03-04" {
				t.Errorf("meeting source %q published %q", m.SourceURL, m.Published)
			}

			// A new item is indexed as new.
			p.clock.Advance(time.Hour)
			s.add("Chancellor Weber holds talks with President Silva", "/readouts/meeting-3.html", day0("2024-06-03"))
			rep = mustPoll(t, p, "ministry")
			if rep.New != 1 || rep.Backfill != 0 || rep.Seen != 2 {
				t.Fatalf("second poll = %+v, want 1 new and 2 seen", rep)
			}
			fresh := meetingIDOf(t, p, s, "/readouts/meeting-3.html")
			bf, err := p.Store().Backfilled(ctx, old, fresh)
			if err != nil {
				t.Fatal(err)
			}
			if !bf[old] || bf[fresh] {
				t.Errorf("Backfilled = %v, want only %s", bf, old)
			}
			all, err := p.Store().BackfillIDs(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(all) != 2 || !all[old] || all[fresh] {
				t.Errorf("BackfillIDs = %v, want the 2 backlog meetings", all)
			}
			h := health(t, p)
			if h.Items != 3 || h.Backfill != 2 || !h.LastNew.Equal(p.clock.Now()) || h.Failures != 0 || h.Flagged {
				t.Errorf("health = %+v", h)
			}
			for _, path := range []string{"/readouts/call-1.html", "/readouts/meeting-2.html", "/readouts/meeting-3.html"} {
				if n := s.hitCount(path); n != 1 {
					t.Errorf("%s fetched %d times, want once", path, n)
				}
			}
		})
	}
}

func TestPollSkipsDuplicatesAndRedatedItems(t *testing.T) {
	s := newSite(t)
	s.add("Call with Foreign Minister Okafor", "/readouts/call-1.html", day0("2024-03-04"))
	s.add("Prime Minister Tanaka meets President Moreau", "/readouts/meeting-2.html", day0("2024-04-11"))
	state := ""
	p := newTestPoller(t, nil, state, feedSource(s, "/rss"))
	mustPoll(t, p, "ministry")

	// The feed re-dates an old item and republishes another at a new URL.
	s.redate("/readouts/call-1.html", day0("2024-06-03"))
	s.add("Tanaka and Moreau (republished)", "/copy/meeting-2.html", day0("2024-06-03"))
	p.clock.Advance(time.Hour)
	rep := mustPoll(t, p, "ministry")
	if rep.New != 0 || rep.Backfill != 0 || rep.Seen != 3 {
		t.Fatalf("poll = %+v, want nothing new and 3 seen", rep)
	}
	if n := meetingCount(t, p.ix); n != 2 {
		t.Errorf("index holds %d meetings, want 2", n)
	}
	if n := s.hitCount("/readouts/call-1.html"); n != 1 {
		t.Errorf("re-dated item fetched %d times, want once", n)
	}

	// Across a restart: a new poller on the same state file and index.
	again := newTestPoller(t, p.ix, p.state, feedSource(s, "/rss"))
	again.clock.Advance(2 * time.Hour)
	rep, err := again.Poll(t.Context(), "ministry")
	if err != nil {
		t.Fatal(err)
	}
	if rep.New != 0 || rep.Backfill != 0 {
		t.Fatalf("poll after restart = %+v, want nothing indexed", rep)
	}
	if n := meetingCount(t, p.ix); n != 2 {
		t.Errorf("index holds %d meetings after restart, want 2", n)
	}

	// With the state file lost, what the index already holds is not
	// counted again.
	lost := newTestPoller(t, p.ix, "", feedSource(s, "/rss"))
	rep, err = lost.Poll(t.Context(), "ministry")
	if err != nil {
		t.Fatal(err)
	}
	if rep.New+rep.Backfill != 0 || rep.Seen != 3 {
		t.Errorf("poll with a new state file = %+v, want the 3 items seen", rep)
	}
	if h := health(t, lost); h.Items != 0 {
		t.Errorf("health with a new state file = %+v, want no items counted", h)
	}
}

func TestPollHonoursETag(t *testing.T) {
	s := newSite(t)
	s.add("Call with Foreign Minister Okafor", "/readouts/call-1.html", day0("2024-03-04"))
	p := newTestPoller(t, nil, "", feedSource(s, "/rss"))
	mustPoll(t, p, "ministry")
	p.clock.Advance(time.Hour)
	rep := mustPoll(t, p, "ministry")
	if !rep.NotModified || s.notModified() != 1 {
		t.Fatalf("second poll = %+v with %d not-modified answers, want a 304", rep, s.notModified())
	}
	if h := health(t, p); !h.LastSuccess.Equal(p.clock.Now()) || h.Failures != 0 {
		t.Errorf("health after 304 = %+v", h)
	}
}

func TestPollListingPage(t *testing.T) {
	s := newSite(t)
	s.add("Call with Foreign Minister Okafor", "/readouts/call-1.html", day0("2024-03-04"))
	s.add("Prime Minister Tanaka meets President Moreau", "/readouts/meeting-2.html", day0("2024-04-11"))
	s.add("Cardamom buns", "/readouts/recipe.html", day0("2024-04-12"))
	src := Source{Name: "ministry", URL: s.srv.URL + "/press", Kind: KindPage, Interval: time.Hour}
	cfg, err := ParseConfig([]byte(`
[[source]]
name = "x"
url = "https://example.org/press"
kind = "page"
include = ['/readouts/']
exclude = ['(?i)buns']
`))
	if err != nil {
		t.Fatal(err)
	}
	src.Include, src.Exclude = cfg[0].Include, cfg[0].Exclude
	p := newTestPoller(t, nil, "", src)
	rep := mustPoll(t, p, "ministry")
	if rep.Backfill != 2 || rep.Skipped != 0 {
		t.Fatalf("poll = %+v, want the 2 readouts only", rep)
	}
	for _, path := range []string{"/about", "/", "/readouts/recipe.html", "/press/photos/gallery-1.html"} {
		if n := s.hitCount(path); n != 0 {
			t.Errorf("%s fetched %d times, want never", path, n)
		}
	}
}

func TestPollSkipsBadItemsAndGoesOn(t *testing.T) {
	s := newSite(t)
	s.add("Too big", "/huge.html", day0("2024-03-01"))
	s.add("Going round", "/loop", day0("2024-03-02"))
	s.add("Cardamom buns", "/readouts/recipe.html", day0("2024-03-03"))
	s.add("Moved readout", "/moved/meeting-4.html", day0("2024-06-02"))
	p := newTestPoller(t, nil, "", feedSource(s, "/rss"))
	rep := mustPoll(t, p, "ministry")
	if rep.Backfill != 1 || rep.Skipped != 3 {
		t.Fatalf("poll = %+v, want 1 indexed and 3 skipped", rep)
	}
	h := health(t, p)
	if h.Failures != 0 || h.Items != 1 || h.LastError == "" {
		t.Errorf("health = %+v, want one item, no failures, and the last item problem", h)
	}
	// The redirect target is known too, so the page is not added twice
	// when listed at its new address.
	s.add("Moved readout at its new home", "/readouts/meeting-4.html", day0("2024-06-02"))
	p.clock.Advance(time.Hour)
	rep = mustPoll(t, p, "ministry")
	if rep.New+rep.Backfill != 0 {
		t.Errorf("poll = %+v, want nothing more", rep)
	}
	// The recipe is not fetched again; the failed fetches are retried.
	if n := s.hitCount("/readouts/recipe.html"); n != 1 {
		t.Errorf("recipe fetched %d times, want once", n)
	}
	if n := s.hitCount("/huge.html"); n != 2 {
		t.Errorf("oversized page fetched %d times, want twice (one retry)", n)
	}
}

func TestSourceFailingFiveTimesIsFlaggedOnce(t *testing.T) {
	s := newSite(t)
	s.add("Call with Foreign Minister Okafor", "/readouts/call-1.html", day0("2024-03-04"))
	p := newTestPoller(t, nil, "", feedSource(s, "/rss"))
	s.setStatus(http.StatusInternalServerError)
	for i := 1; i <= 8; i++ {
		p.clock.Advance(time.Hour)
		_, err := p.Poll(t.Context(), "ministry")
		var se *StatusError
		if !errors.As(err, &se) || se.Code != 500 {
			t.Fatalf("poll %d error = %v, want status 500", i, err)
		}
		h := health(t, p)
		if h.Failures != i || h.Flagged != (i >= FlagAfterFailures) {
			t.Fatalf("after %d failures health = %+v", i, h)
		}
	}
	got := p.notices.all()
	if len(got) != 1 || !got[0].Flagged || got[0].Failures != FlagAfterFailures || !strings.Contains(got[0].Reason, "500") {
		t.Fatalf("notices = %+v, want one flag after %d failures", got, FlagAfterFailures)
	}

	// It recovers: one notice saying so, then silence.
	s.setStatus(0)
	for range 2 {
		p.clock.Advance(time.Hour)
		mustPoll(t, p, "ministry")
	}
	got = p.notices.all()
	if len(got) != 2 || got[1].Flagged || got[1].Failures != 0 {
		t.Fatalf("notices = %+v, want the flag then one recovery", got)
	}
}

func TestQuietSourceIsFlaggedStale(t *testing.T) {
	s := newSite(t)
	s.add("Call with Foreign Minister Okafor", "/readouts/call-1.html", day0("2024-05-20"))
	s.add("Prime Minister Tanaka meets President Moreau", "/readouts/meeting-2.html", day0("2024-05-23"))
	s.add("Chancellor Weber holds talks with President Silva", "/readouts/meeting-3.html", day0("2024-05-26"))
	s.add("Secretary Lindqvist meets Minister Haddad", "/readouts/meeting-4.html", day0("2024-05-29"))
	p := newTestPoller(t, nil, "", feedSource(s, "/rss"))
	mustPoll(t, p, "ministry")
	if h := health(t, p); h.Flagged || h.UsualGap != 72*time.Hour {
		t.Fatalf("health = %+v, want unflagged with a usual gap of 3 days", h)
	}
	// Readouts usually come every three days; after a fortnight of nothing
	// the admin hears of it, once.
	for range 15 {
		p.clock.Advance(24 * time.Hour)
		mustPoll(t, p, "ministry")
	}
	got := p.notices.all()
	if len(got) != 1 || !got[0].Flagged || !strings.Contains(got[0].Reason, "nothing new") {
		t.Fatalf("notices = %+v, want one stale flag", got)
	}
}

func TestPrivateAddressRefusedByDefault(t *testing.T) {
	s := newSite(t)
	s.add("Call with Foreign Minister Okafor", "/readouts/call-1.html", day0("2024-03-04"))
	ix := openIndex(t)
	p, err := New(Options{Index: ix, Sources: []Source{feedSource(s, "/rss")}, StatePath: t.TempDir() + "/sources.db"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Poll(t.Context(), "ministry"); !errors.Is(err, ErrBlocked) {
		t.Errorf("Poll error = %v, want ErrBlocked", err)
	}
	if _, err := p.IngestURL(t.Context(), s.srv.URL+"/readouts/call-1.html"); !errors.Is(err, ErrBlocked) {
		t.Errorf("IngestURL error = %v, want ErrBlocked", err)
	}
	if _, err := p.IngestURL(t.Context(), "file:///etc/passwd"); !errors.Is(err, ErrBlocked) {
		t.Errorf("IngestURL(file) error = %v, want ErrBlocked", err)
	}
	if n := s.hitCount("/rss") + s.hitCount("/readouts/call-1.html"); n != 0 {
		t.Errorf("server reached %d times", n)
	}
}

func TestIngestURL(t *testing.T) {
	s := newSite(t)
	p := newTestPoller(t, nil, "")
	ctx := t.Context()
	m, err := p.IngestURL(ctx, s.srv.URL+"/moved/meeting-2.html")
	if err != nil {
		t.Fatal(err)
	}
	if m.ID == "" || m.SourceURL != normalizeURL(s.srv.URL+"/readouts/meeting-2.html") || len(m.Participants) == 0 {
		t.Errorf("meeting = %+v", m)
	}
	if _, err := p.ix.Meeting(ctx, m.ID); err != nil {
		t.Errorf("meeting not in the index: %v", err)
	}
	// The same readout republished elsewhere gives back the first meeting.
	again, err := p.IngestURL(ctx, s.srv.URL+"/copy/meeting-2.html")
	if err != nil {
		t.Fatal(err)
	}
	if again.ID != m.ID || meetingCount(t, p.ix) != 1 {
		t.Errorf("republished copy made meeting %s (index holds %d), want %s only", again.ID, meetingCount(t, p.ix), m.ID)
	}
	if _, err := p.IngestURL(ctx, s.srv.URL+"/readouts/recipe.html"); !errors.Is(err, knowledge.ErrNotReadout) {
		t.Errorf("recipe: error = %v, want ErrNotReadout", err)
	}
	// A feed listing the ingested page later does not add it again.
	s.add("Prime Minister Tanaka meets President Moreau", "/readouts/meeting-2.html", day0("2024-04-11"))
	p2 := newTestPoller(t, p.ix, p.state, feedSource(s, "/rss"))
	if rep := mustPoll(t, p2, "ministry"); rep.Seen != 1 || rep.Backfill+rep.New != 0 {
		t.Errorf("poll = %+v, want the ingested page seen", rep)
	}
}

func TestRunPollsWhenDue(t *testing.T) {
	s := newSite(t)
	s.add("Call with Foreign Minister Okafor", "/readouts/call-1.html", day0("2024-03-04"))
	p := newTestPoller(t, nil, "", feedSource(s, "/rss"))
	ticks := make(chan time.Time)
	p.ticker = func(time.Duration) (<-chan time.Time, func()) { return ticks, func() {} }
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()

	tick := func() {
		select {
		case ticks <- p.clock.Now():
		case <-time.After(5 * time.Second):
			t.Fatal("Run did not take a tick")
		}
	}
	tick() // taken once the first poll (at start) is over
	if n := s.hitCount("/rss"); n != 1 {
		t.Fatalf("feed fetched %d times at start, want once", n)
	}
	p.clock.Advance(30 * time.Minute)
	tick()
	tick() // the poll for the previous tick has finished
	if n := s.hitCount("/rss"); n != 1 {
		t.Fatalf("feed fetched %d times before its interval, want once", n)
	}
	p.clock.Advance(31 * time.Minute)
	tick()
	tick()
	if n := s.hitCount("/rss"); n != 2 {
		t.Fatalf("feed fetched %d times after its interval, want twice", n)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v", err)
	}
}

func TestLongBacklogIsSpreadOverPollsAndStaysBackfill(t *testing.T) {
	s := newSite(t)
	s.add("Call with Foreign Minister Okafor", "/readouts/call-1.html", day0("2024-03-04"))
	s.add("Prime Minister Tanaka meets President Moreau", "/readouts/meeting-2.html", day0("2024-04-11"))
	s.add("Chancellor Weber holds talks with President Silva", "/readouts/meeting-3.html", day0("2024-05-21"))
	p := newTestPoller(t, nil, "", feedSource(s, "/rss"))
	p.maxItems = 2
	rep := mustPoll(t, p, "ministry")
	if rep.Backfill != 2 || rep.New != 0 {
		t.Fatalf("first poll = %+v, want 2 of the backlog", rep)
	}
	if rep.Pending != 1 {
		t.Errorf("first poll = %+v, want 1 pending", rep)
	}
	// The rest of the backlog comes next time, still as backfill, though
	// the feed has not changed (no 304 hides it).
	p.clock.Advance(time.Hour)
	rep = mustPoll(t, p, "ministry")
	if rep.Backfill != 1 || rep.New != 0 || rep.NotModified || rep.Pending != 0 {
		t.Fatalf("second poll = %+v, want the last of the backlog", rep)
	}
	s.add("Secretary Lindqvist meets Minister Haddad", "/readouts/meeting-4.html", day0("2024-06-03"))
	p.clock.Advance(time.Hour)
	rep = mustPoll(t, p, "ministry")
	if rep.Backfill != 0 || rep.New != 1 {
		t.Fatalf("third poll = %+v, want 1 new", rep)
	}
	if h := health(t, p); h.Items != 4 || h.Backfill != 3 {
		t.Errorf("health = %+v, want 4 items, 3 backfill", h)
	}
}

func TestRunReloadsTheSourcesFile(t *testing.T) {
	s := newSite(t)
	s.add("Call with Foreign Minister Okafor", "/readouts/call-1.html", day0("2024-03-04"))
	cfgPath := filepath.Join(t.TempDir(), "sources.toml")
	writeCfg := func(body string) {
		t.Helper()
		if err := os.WriteFile(cfgPath, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	one := fmt.Sprintf("[[source]]\nname = \"rss\"\nurl = \"%s/rss\"\n", s.srv.URL)
	writeCfg(one)
	srcs, err := LoadConfig(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	p := newTestPoller(t, nil, "", srcs...)
	p.config = cfgPath
	ticks := make(chan time.Time)
	p.ticker = func(time.Duration) (<-chan time.Time, func()) { return ticks, func() {} }
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	tick := func() {
		t.Helper()
		select {
		case ticks <- p.clock.Now():
		case <-time.After(5 * time.Second):
			t.Fatal("Run did not take a tick")
		}
	}
	tick()
	// A source added to the file is polled without a restart; a broken
	// file keeps the sources as they were.
	writeCfg(one + fmt.Sprintf("\n[[source]]\nname = \"atom\"\nurl = \"%s/atom\"\nkind = \"atom\"\n", s.srv.URL))
	tick()
	tick()
	if n := s.hitCount("/atom"); n != 1 {
		t.Errorf("new source fetched %d times, want once", n)
	}
	writeCfg("[[source]]\nname = \n")
	tick()
	tick()
	if got := len(p.Sources()); got != 2 {
		t.Errorf("after a broken file: %d sources, want the 2 kept", got)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run = %v", err)
	}
}

func TestPageURL(t *testing.T) {
	tests := []struct {
		name, fetched, canonical, want string
	}{
		{"no canonical", "https://www.example.org/a?utm_source=x#top", "", "https://www.example.org/a"},
		{"relative canonical", "https://www.example.org/a?ref=home", "/a", "https://www.example.org/a"},
		{"absolute canonical", "https://WWW.example.org/print/a", "https://www.example.org/a", "https://www.example.org/a"},
		{"canonical on another host is ignored", "https://www.example.org/a", "https://victim.example.net/readout", "https://www.example.org/a"},
		{"non-http canonical is ignored", "https://www.example.org/a", "javascript:alert(1)", "https://www.example.org/a"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := pageURL(tc.fetched, tc.canonical); got != tc.want {
				t.Errorf("pageURL(%q, %q) = %q, want %q", tc.fetched, tc.canonical, got, tc.want)
			}
		})
	}
}

func TestOnePageUnderManyAddressesIsOneMeeting(t *testing.T) {
	s := newSite(t)
	s.add("Secretary Lindqvist meets Minister Haddad", "/readouts/meeting-4.html?ref=home", day0("2024-06-02"))
	p := newTestPoller(t, nil, "", feedSource(s, "/rss"))
	mustPoll(t, p, "ministry")
	s.add("Secretary Lindqvist meets Minister Haddad", "/readouts/meeting-4.html?ref=rss", day0("2024-06-02"))
	s.add("Secretary Lindqvist meets Minister Haddad", "/moved/meeting-4.html", day0("2024-06-02"))
	p.clock.Advance(time.Hour)
	rep := mustPoll(t, p, "ministry")
	if rep.New+rep.Backfill != 0 || rep.Seen != 3 {
		t.Errorf("poll = %+v, want the other addresses seen", rep)
	}
	if n := meetingCount(t, p.ix); n != 1 {
		t.Errorf("index holds %d meetings, want 1", n)
	}
	id := meetingIDOf(t, p, s, "/readouts/meeting-4.html")
	m, err := p.ix.Meeting(t.Context(), id)
	if err != nil {
		t.Fatal(err)
	}
	if m.SourceURL != normalizeURL(s.srv.URL+"/readouts/meeting-4.html") {
		t.Errorf("source URL = %q, want the canonical address", m.SourceURL)
	}
}

func TestBrokenSourceDoesNotStopTheOthers(t *testing.T) {
	good := newSite(t)
	good.add("Call with Foreign Minister Okafor", "/readouts/call-1.html", day0("2024-03-04"))
	bad := newSite(t)
	bad.setStatus(http.StatusInternalServerError)
	broken := Source{Name: "broken", URL: bad.srv.URL + "/rss", Kind: KindFeed, Interval: time.Hour}
	garbled := Source{Name: "garbled", URL: good.srv.URL + "/readouts/recipe.html", Kind: KindFeed, Interval: time.Hour}
	ok := Source{Name: "ok", URL: good.srv.URL + "/rss", Kind: KindFeed, Interval: time.Hour}
	p := newTestPoller(t, nil, "", broken, garbled, ok)
	p.pollDue(t.Context())
	hs, err := p.Health(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if hs[0].Failures != 1 || !strings.Contains(hs[0].LastError, "500") {
		t.Errorf("broken source health = %+v", hs[0])
	}
	if hs[1].Failures != 1 || !strings.Contains(hs[1].LastError, "parse feed") {
		t.Errorf("garbled source health = %+v", hs[1])
	}
	if hs[2].Items != 1 || hs[2].Failures != 0 {
		t.Errorf("good source health = %+v", hs[2])
	}
}
