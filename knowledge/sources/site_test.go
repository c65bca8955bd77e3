package sources

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"text/template"
	"time"

	"github.com/readoutbot/readoutbot/knowledge"
)

// site is a fake ministry website: feeds, a listing page and readout pages
// from testdata, with counters of what was asked.
type site struct {
	tb  testing.TB
	srv *httptest.Server

	mu         sync.Mutex
	items      []siteItem
	hits       map[string]int
	notMod     int // 304 answers
	feedStatus int // when set, feeds and listing answer with it
}

type siteItem struct {
	Title string
	Link  string
	Date  time.Time
}

func newSite(tb testing.TB) *site {
	tb.Helper()
	s := &site{tb: tb, hits: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/rss", s.feed("rss.xml.tmpl", "application/rss+xml"))
	mux.HandleFunc("/atom", s.feed("atom.xml.tmpl", "application/atom+xml"))
	mux.HandleFunc("/press", s.feed("listing.html.tmpl", "text/html; charset=utf-8"))
	mux.HandleFunc("/readouts/{file}", func(w http.ResponseWriter, r *http.Request) {
		s.count(r)
		data, err := os.ReadFile(filepath.Join("testdata", "pages", r.PathValue("file")))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(data)
	})
	mux.HandleFunc("/copy/{file}", func(w http.ResponseWriter, r *http.Request) {
		// The same readout republished at another address.
		s.count(r)
		data, err := os.ReadFile(filepath.Join("testdata", "pages", r.PathValue("file")))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(bytes.Replace(data, []byte("<footer>"), []byte("<footer><p>Republished</p>"), 1))
	})
	mux.HandleFunc("/moved/{file}", func(w http.ResponseWriter, r *http.Request) {
		s.count(r)
		http.Redirect(w, r, "/readouts/"+r.PathValue("file"), http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		s.count(r)
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/huge.html", func(w http.ResponseWriter, r *http.Request) {
		s.count(r)
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte("<html><body><p>" + strings.Repeat("On March 3 the ministers met. ", 10_000) + "</p></body></html>"))
	})
	s.srv = httptest.NewServer(mux)
	tb.Cleanup(s.srv.Close)
	return s
}

func (s *site) count(r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	s.mu.Unlock()
}

// feed serves a template over the current items, with an ETag.
func (s *site) feed(name, contentType string) http.HandlerFunc {
	tmpl := template.Must(template.ParseFiles(filepath.Join("testdata", name)))
	return func(w http.ResponseWriter, r *http.Request) {
		s.count(r)
		s.mu.Lock()
		status := s.feedStatus
		items := append([]siteItem(nil), s.items...)
		s.mu.Unlock()
		if status != 0 {
			http.Error(w, "server trouble", status)
			return
		}
		var buf bytes.Buffer
		// Feeds list the newest first.
		rev := make([]siteItem, len(items))
		for i, it := range items {
			rev[len(items)-1-i] = it
		}
		if err := tmpl.Execute(&buf, map[string]any{"Base": s.srv.URL, "Items": rev}); err != nil {
			s.tb.Errorf("render %s: %v", name, err)
		}
		sum := sha256.Sum256(buf.Bytes())
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		if r.Header.Get("If-None-Match") == etag {
			s.mu.Lock()
			s.notMod++
			s.mu.Unlock()
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Content-Type", contentType)
		_, _ = w.Write(buf.Bytes())
	}
}

// add lists a page in the feeds, dated d.
func (s *site) add(title, path string, d time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, siteItem{Title: title, Link: s.srv.URL + path, Date: d})
}

// redate gives the item at path a new date, as some feeds do on edits.
func (s *site) redate(path string, d time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.items {
		if strings.HasSuffix(s.items[i].Link, path) {
			s.items[i].Date = d
		}
	}
}

func (s *site) hitCount(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *site) notModified() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.notMod
}

func (s *site) setStatus(code int) {
	s.mu.Lock()
	s.feedStatus = code
	s.mu.Unlock()
}

// clock is a settable time source.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func newClock() *clock { return &clock{now: time.Date(2024, 6, 3, 8, 0, 0, 0, time.UTC)} }

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// notices records what a Notifier was told.
type notices struct {
	mu   sync.Mutex
	seen []SourceHealth
}

func (n *notices) Notify(_ context.Context, h SourceHealth) error {
	n.mu.Lock()
	n.seen = append(n.seen, h)
	n.mu.Unlock()
	return nil
}

func (n *notices) all() []SourceHealth {
	n.mu.Lock()
	defer n.mu.Unlock()
	return append([]SourceHealth(nil), n.seen...)
}

// openIndex opens a real index in a temporary folder.
func openIndex(tb testing.TB) *knowledge.Index {
	tb.Helper()
	ix, err := knowledge.Open(filepath.Join(tb.TempDir(), "index"), knowledge.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = ix.Close() })
	return ix
}

type testPoller struct {
	*Poller
	ix      *knowledge.Index
	clock   *clock
	notices *notices
	state   string
}

// newTestPoller makes a poller over srcs with a real index, a state file in
// a temporary folder, a fake clock, and a fetcher that may reach httptest.
func newTestPoller(tb testing.TB, ix *knowledge.Index, state string, srcs ...Source) *testPoller {
	tb.Helper()
	if ix == nil {
		ix = openIndex(tb)
	}
	if state == "" {
		state = filepath.Join(tb.TempDir(), "sources.db")
	}
	tp := &testPoller{ix: ix, clock: newClock(), notices: &notices{}, state: state}
	p, err := New(Options{
		Index:     ix,
		Sources:   srcs,
		StatePath: state,
		Fetcher:   NewFetcher(FetcherOptions{AllowPrivate: true, HostSpacing: -1, MaxBytes: 64 << 10}),
		Notifier:  tp.notices,
		Now:       tp.clock.Now,
	})
	if err != nil {
		tb.Fatal(err)
	}
	tp.Poller = p
	return tp
}

func day0(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t.Add(9 * time.Hour)
}
