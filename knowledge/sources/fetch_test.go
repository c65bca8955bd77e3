package sources

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/readoutbot/readoutbot/knowledge"
)

func testFetcher(tb testing.TB, opts FetcherOptions) *Fetcher {
	tb.Helper()
	opts.AllowPrivate = true
	if opts.HostSpacing == 0 {
		opts.HostSpacing = -1
	}
	return NewFetcher(opts)
}

func TestFetcherSendsUserAgentAndHonoursETag(t *testing.T) {
	var full, notModified atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, "readoutbot/") || !strings.Contains(ua, "+https://github.com/readoutbot/readoutbot") {
			t.Errorf("User-Agent = %q", ua)
		}
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("If-None-Match") == `"v1"` && r.Header.Get("If-Modified-Since") == "Mon, 02 Jan 2006 15:04:05 GMT" {
			notModified.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		full.Add(1)
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 02 Jan 2006 15:04:05 GMT")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte("<p>hello</p>"))
	}))
	defer srv.Close()
	f := testFetcher(t, FetcherOptions{})
	ctx := t.Context()

	first, err := f.Get(ctx, Request{URL: srv.URL})
	if err != nil {
		t.Fatal(err)
	}
	if first.NotModified || string(first.Body) != "<p>hello</p>" || first.ETag != `"v1"` {
		t.Fatalf("first fetch = %+v", first)
	}
	second, err := f.Get(ctx, Request{URL: srv.URL, ETag: first.ETag, LastModified: first.LastModified})
	if err != nil {
		t.Fatal(err)
	}
	if !second.NotModified || len(second.Body) != 0 || second.ETag != `"v1"` {
		t.Fatalf("second fetch = %+v, want not modified with the same validators", second)
	}
	if full.Load() != 1 || notModified.Load() != 1 {
		t.Errorf("full=%d not-modified=%d, want 1 and 1", full.Load(), notModified.Load())
	}
}

func TestFetcherRefuses(t *testing.T) {
	big := strings.Repeat("x", 10_000)
	mux := http.NewServeMux()
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(big))
	})
	mux.HandleFunc("/big-chunked", func(w http.ResponseWriter, r *http.Request) {
		for range 10 {
			_, _ = w.Write([]byte(big[:1000]))
			w.(http.Flusher).Flush()
		}
	})
	mux.HandleFunc("/loop/a", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/b", http.StatusFound)
	})
	mux.HandleFunc("/loop/b", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop/a", http.StatusFound)
	})
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		_, _ = w.Write([]byte("\x89PNG"))
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusGone)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	f := testFetcher(t, FetcherOptions{MaxBytes: 5000})

	tests := []struct {
		name string
		url  string
		want error
	}{
		{"oversized page", srv.URL + "/big", knowledge.ErrTooLarge},
		{"oversized page without length", srv.URL + "/big-chunked", knowledge.ErrTooLarge},
		{"redirect loop", srv.URL + "/loop/a", ErrTooManyRedirects},
		{"redirect to a file", srv.URL + "/to-file", ErrBlocked},
		{"file scheme", "file:///etc/passwd", ErrBlocked},
		{"ftp scheme", "ftp://example.com/readout.txt", ErrBlocked},
		{"no host", "http:///path", ErrBlocked},
		{"image", srv.URL + "/image", ErrUnsupportedType},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := f.Get(t.Context(), Request{URL: tc.url})
			if !errors.Is(err, tc.want) {
				t.Fatalf("Get(%s) error = %v, want %v", tc.url, err, tc.want)
			}
		})
	}
	t.Run("http status", func(t *testing.T) {
		_, err := f.Get(t.Context(), Request{URL: srv.URL + "/gone"})
		var se *StatusError
		if !errors.As(err, &se) || se.Code != http.StatusGone {
			t.Fatalf("error = %v, want status 410", err)
		}
	})
}

func TestFetcherRefusesPrivateAddressByDefault(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
	}))
	defer srv.Close()
	f := NewFetcher(FetcherOptions{HostSpacing: -1})
	port := srv.Listener.Addr().(interface{ AddrPort() netip.AddrPort }).AddrPort().Port()
	for _, u := range []string{
		srv.URL,
		strings.Replace(srv.URL, "127.0.0.1", "localhost", 1),
		strings.Replace(srv.URL, "127.0.0.1", "[::ffff:127.0.0.1]", 1),
		"http://0.0.0.0:" + strconv.Itoa(int(port)),
	} {
		if _, err := f.Get(t.Context(), Request{URL: u}); !errors.Is(err, ErrBlocked) {
			t.Errorf("Get(%s) error = %v, want ErrBlocked", u, err)
		}
	}
	if hits.Load() != 0 {
		t.Errorf("server was reached %d times", hits.Load())
	}
}

func TestRefusePrivateAtDial(t *testing.T) {
	tests := []struct {
		addr string
		ok   bool
	}{
		{"127.0.0.1:80", false},
		{"10.1.2.3:443", false},
		{"172.16.0.1:80", false},
		{"192.168.1.1:80", false},
		{"169.254.169.254:80", false}, // cloud metadata
		{"100.64.0.1:80", false},
		{"0.0.0.0:80", false},
		{"224.0.0.1:80", false},
		{"[::1]:80", false},
		{"[fe80::1]:80", false},
		{"[fd00::1]:80", false},
		{"[::ffff:10.0.0.1]:80", false},
		{"[::]:80", false},
		{"93.184.215.14:443", true},
		{"[2606:4700::1111]:443", true},
	}
	for _, tc := range tests {
		err := refusePrivate("tcp", tc.addr, nil)
		if (err == nil) != tc.ok {
			t.Errorf("refusePrivate(%s) = %v, want ok=%v", tc.addr, err, tc.ok)
		}
		if err != nil && !errors.Is(err, ErrBlocked) {
			t.Errorf("refusePrivate(%s) = %v, want ErrBlocked", tc.addr, err)
		}
	}
}

func TestFetcherSpacesRequestsToOneHost(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	f := testFetcher(t, FetcherOptions{HostSpacing: 50 * time.Millisecond})
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	start := time.Now()
	for range 3 {
		if _, err := f.Get(ctx, Request{URL: srv.URL}); err != nil {
			t.Fatal(err)
		}
	}
	if d := time.Since(start); d < 100*time.Millisecond {
		t.Errorf("3 requests took %v, want at least 100ms apart in total", d)
	}
}

func TestFetcherHonoursRetryAfter(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		hits.Add(1)
		w.Header().Set("Retry-After", "120")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	}))
	defer srv.Close()
	f := testFetcher(t, FetcherOptions{})
	_, err := f.Get(t.Context(), Request{URL: srv.URL})
	var se *StatusError
	if !errors.As(err, &se) || se.Code != http.StatusTooManyRequests {
		t.Fatalf("first Get error = %v, want status 429", err)
	}
	// The host said two minutes: the next request is not sent.
	if _, err := f.Get(t.Context(), Request{URL: srv.URL}); !errors.Is(err, ErrBackOff) {
		t.Fatalf("second Get error = %v, want ErrBackOff", err)
	}
	if n := hits.Load(); n != 1 {
		t.Errorf("server asked %d times, want once", n)
	}
}
