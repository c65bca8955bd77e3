package sources

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
)

// robotsSite serves robots with status code for /robots.txt and a page for
// any other path, counting both.
func robotsSite(t *testing.T, code int, robots string) (srv *httptest.Server, robotsHits, pageHits *atomic.Int32) {
	t.Helper()
	robotsHits, pageHits = new(atomic.Int32), new(atomic.Int32)
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			robotsHits.Add(1)
			w.WriteHeader(code)
			_, _ = w.Write([]byte(robots))
			return
		}
		pageHits.Add(1)
		w.Header().Set("Content-Type", "text/html")
		_, _ = w.Write([]byte("<p>readout</p>"))
	}))
	t.Cleanup(srv.Close)
	return srv, robotsHits, pageHits
}

func TestFetcherObeysRobotsTxt(t *testing.T) {
	// The readoutbot group is the most specific match, so the "*" group
	// does not apply to it at all.
	srv, robotsHits, pageHits := robotsSite(t, http.StatusOK, "User-agent: *\nDisallow: /\n\n"+
		"User-agent: ReadoutBot\nDisallow: /drafts/\nAllow: /drafts/published\n")
	f := testFetcher(t, FetcherOptions{})
	tests := []struct {
		path    string
		allowed bool
	}{
		{"/readouts/1", true},
		{"/drafts/2", false},
		{"/drafts/published/3", true},
		{"/drafts/4?print=1", false},
		{"/", true},
	}
	for _, tt := range tests {
		_, err := f.Get(t.Context(), Request{URL: srv.URL + tt.path})
		switch {
		case tt.allowed && err != nil:
			t.Errorf("%s: %v, want it fetched", tt.path, err)
		case !tt.allowed && !errors.Is(err, ErrDisallowed):
			t.Errorf("%s: error %v, want ErrDisallowed", tt.path, err)
		}
	}
	if n := pageHits.Load(); n != 3 {
		t.Errorf("%d pages fetched, want the 3 allowed", n)
	}
	if n := robotsHits.Load(); n != 1 {
		t.Errorf("robots.txt read %d times, want once for the site", n)
	}
}

func TestFetcherRobotsTxtMissingOrFailing(t *testing.T) {
	tests := []struct {
		name    string
		code    int
		allowed bool
	}{
		{"missing file allows all", http.StatusNotFound, true},
		{"forbidden file allows all", http.StatusForbidden, true},
		{"server error allows nothing", http.StatusServiceUnavailable, false},
		{"rate limit allows nothing", http.StatusTooManyRequests, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, _, pageHits := robotsSite(t, tt.code, "")
			f := testFetcher(t, FetcherOptions{})
			_, err := f.Get(t.Context(), Request{URL: srv.URL + "/readout"})
			if tt.allowed != (err == nil) || !tt.allowed && !errors.Is(err, ErrDisallowed) {
				t.Fatalf("Get error = %v, want allowed=%v", err, tt.allowed)
			}
			if want := int32(map[bool]int{true: 1}[tt.allowed]); pageHits.Load() != want {
				t.Errorf("page fetched %d times, want %d", pageHits.Load(), want)
			}
		})
	}
}

func TestFetcherByHandSkipsRobotsTxt(t *testing.T) {
	srv, robotsHits, pageHits := robotsSite(t, http.StatusOK, "User-agent: *\nDisallow: /\n")
	f := testFetcher(t, FetcherOptions{})
	if _, err := f.Get(t.Context(), Request{URL: srv.URL + "/readout", ByHand: true}); err != nil {
		t.Fatalf("page asked for by hand: %v", err)
	}
	if _, err := f.Get(t.Context(), Request{URL: srv.URL + "/readout"}); !errors.Is(err, ErrDisallowed) {
		t.Fatalf("polled page: %v, want ErrDisallowed", err)
	}
	if pageHits.Load() != 1 || robotsHits.Load() != 1 {
		t.Errorf("page hits %d, robots hits %d; want 1 and 1", pageHits.Load(), robotsHits.Load())
	}
}
