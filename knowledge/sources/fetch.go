package sources

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/readoutbot/readoutbot/knowledge"
)

// Version goes into the User-Agent; cmd/readoutbot may set it at start.
var Version = "dev"

// Defaults for FetcherOptions left at zero.
const (
	DefaultMaxBytes     = 4 << 20
	DefaultMaxRedirects = 5
	DefaultTimeout      = 30 * time.Second
	DefaultHostSpacing  = 2 * time.Second
)

// FetcherOptions configure a Fetcher. The zero value is safe and polite.
type FetcherOptions struct {
	// AllowPrivate lets the fetcher reach loopback, private, link-local and
	// other non-public addresses. Tests set it for httptest servers; a
	// self-hoster sets it only to read feeds on their own network.
	AllowPrivate bool
	// UserAgent overrides the default "readoutbot/VERSION (+URL)".
	UserAgent string
	// MaxBytes caps a response body; larger bodies are an error, never
	// silently cut. 0 means DefaultMaxBytes.
	MaxBytes int64
	// MaxRedirects caps redirects followed; 0 means DefaultMaxRedirects.
	MaxRedirects int
	// Timeout bounds one whole request; 0 means DefaultTimeout.
	Timeout time.Duration
	// HostSpacing is the least time between two requests to one host; 0
	// means DefaultHostSpacing, negative means none.
	HostSpacing time.Duration
}

// Fetcher gets web pages and feeds for readoutbot: http and https only,
// public addresses only (checked when dialling, so a DNS answer that changes
// cannot slip past), bounded in time, size and redirects, one request per
// host at a time spaced apart, with conditional requests.
type Fetcher struct {
	client   *http.Client
	private  bool
	ua       string
	maxBytes int64
	spacing  time.Duration

	mu     sync.Mutex
	next   map[string]time.Time    // host -> earliest start of its next request
	robots map[string]*robotsEntry // scheme://host -> its robots.txt rules
}

// NewFetcher returns a Fetcher with opts.
func NewFetcher(opts FetcherOptions) *Fetcher {
	f := &Fetcher{
		ua:       opts.UserAgent,
		private:  opts.AllowPrivate,
		maxBytes: opts.MaxBytes,
		spacing:  opts.HostSpacing,
		next:     map[string]time.Time{},
		robots:   map[string]*robotsEntry{},
	}
	if f.ua == "" {
		f.ua = "readoutbot/" + Version + " (+https://github.com/readoutbot/readoutbot)"
	}
	if f.maxBytes <= 0 {
		f.maxBytes = DefaultMaxBytes
	}
	switch {
	case f.spacing == 0:
		f.spacing = DefaultHostSpacing
	case f.spacing < 0:
		f.spacing = 0
	}
	maxRedirects := opts.MaxRedirects
	if maxRedirects <= 0 {
		maxRedirects = DefaultMaxRedirects
	}
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	dialer := &net.Dialer{Timeout: 10 * time.Second, KeepAlive: 30 * time.Second}
	if !opts.AllowPrivate {
		dialer.Control = refusePrivate
	}
	transport := &http.Transport{
		Proxy:                 nil, // a proxy would dial for us and skip the address check
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          20,
		MaxIdleConnsPerHost:   2,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 20 * time.Second,
		ExpectContinueTimeout: time.Second,
	}
	f.client = &http.Client{
		Transport: transport,
		Timeout:   timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("%w: more than %d from %s", ErrTooManyRedirects, maxRedirects, via[0].URL)
			}
			if err := checkURL(req.URL, opts.AllowPrivate); err != nil {
				return err
			}
			return nil
		},
	}
	return f
}

// Request is one conditional GET.
type Request struct {
	URL string
	// ETag and LastModified come from an earlier Response for the same URL;
	// when the server says nothing changed, Response.NotModified is true.
	ETag         string
	LastModified string
	// Accept is the Accept header; empty means HTML and text.
	Accept string
	// ByHand marks a page a person asked for (/ingest): the site's
	// robots.txt, which governs automatic fetching, is not consulted.
	ByHand bool
}

// Response is a fetched body with what is needed for the next conditional
// request.
type Response struct {
	// URL is where the body came from, after redirects.
	URL          string
	NotModified  bool
	Body         []byte
	ContentType  string
	ETag         string
	LastModified string
}

// Accept headers for pages and feeds.
const (
	acceptHTML = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
	acceptFeed = "application/rss+xml,application/atom+xml,application/feed+json;q=0.9,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)

// Get fetches r.URL, unless the site's robots.txt disallows it
// (ErrDisallowed; not checked when r.ByHand). A body over the size cap, a redirect loop, a refused
// address or scheme, a status other than 200 or 304, and a binary content
// type are errors.
func (f *Fetcher) Get(ctx context.Context, r Request) (Response, error) {
	u, err := url.Parse(r.URL)
	if err != nil {
		return Response{}, fmt.Errorf("fetch %q: %w", r.URL, err)
	}
	if err := checkURL(u, f.private); err != nil {
		return Response{}, err
	}
	if !r.ByHand {
		if err := f.checkRobots(ctx, u); err != nil {
			return Response{}, err
		}
	}
	if err := f.waitTurn(ctx, u.Hostname()); err != nil {
		return Response{}, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Response{}, fmt.Errorf("fetch %s: %w", u, err)
	}
	req.Header.Set("User-Agent", f.ua)
	accept := r.Accept
	if accept == "" {
		accept = acceptHTML
	}
	req.Header.Set("Accept", accept)
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	resp, err := f.client.Do(req)
	if err != nil {
		return Response{}, fmt.Errorf("fetch %s: %w", u, unwrapURLError(err))
	}
	defer resp.Body.Close()
	out := Response{
		URL:          resp.Request.URL.String(),
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified && (r.ETag != "" || r.LastModified != ""):
		out.NotModified = true
		if out.ETag == "" {
			out.ETag = r.ETag
		}
		if out.LastModified == "" {
			out.LastModified = r.LastModified
		}
		return out, nil
	case resp.StatusCode != http.StatusOK:
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
			f.backOff(u.Hostname(), resp.Header.Get("Retry-After"))
		}
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return Response{}, &StatusError{URL: out.URL, Code: resp.StatusCode}
	}
	if binaryType(out.ContentType) {
		return Response{}, fmt.Errorf("fetch %s: %w: %s", out.URL, ErrUnsupportedType, out.ContentType)
	}
	if resp.ContentLength > f.maxBytes {
		return Response{}, fmt.Errorf("fetch %s: %w: %d bytes, limit %d", out.URL, knowledge.ErrTooLarge, resp.ContentLength, f.maxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxBytes+1))
	if err != nil {
		return Response{}, fmt.Errorf("fetch %s: read body: %w", out.URL, err)
	}
	if int64(len(body)) > f.maxBytes {
		return Response{}, fmt.Errorf("fetch %s: %w: over %d bytes", out.URL, knowledge.ErrTooLarge, f.maxBytes)
	}
	out.Body = body
	return out, nil
}

// waitTurn blocks until host may be asked again, keeping requests to one
// host at least f.spacing apart.
func (f *Fetcher) waitTurn(ctx context.Context, host string) error {
	f.mu.Lock()
	now := time.Now()
	start := f.next[host]
	if start.Before(now) {
		start = now
	}
	d := start.Sub(now)
	if d > maxWait {
		f.mu.Unlock()
		return fmt.Errorf("%w: %s asked to wait until %s", ErrBackOff, host, start.UTC().Format(time.RFC3339))
	}
	f.next[host] = start.Add(f.spacing)
	f.mu.Unlock()
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// maxBackOff caps how long a Retry-After keeps a host waiting; a request
// that would wait over maxWait fails at once with ErrBackOff instead of
// holding up the other sources.
const (
	maxBackOff = time.Hour
	maxWait    = time.Minute
)

// backOff honours a Retry-After header (seconds or an HTTP date): the
// host's next request waits at least that long.
func (f *Fetcher) backOff(host, retryAfter string) {
	retryAfter = strings.TrimSpace(retryAfter)
	if retryAfter == "" {
		return
	}
	now := time.Now()
	var until time.Time
	if secs, err := strconv.Atoi(retryAfter); err == nil && secs >= 0 {
		until = now.Add(time.Duration(secs) * time.Second)
	} else if t, err := http.ParseTime(retryAfter); err == nil {
		until = t
	} else {
		return
	}
	if until.Sub(now) > maxBackOff {
		until = now.Add(maxBackOff)
	}
	f.mu.Lock()
	if until.After(f.next[host]) {
		f.next[host] = until
	}
	f.mu.Unlock()
}

// checkURL refuses schemes other than http and https, URLs without a host,
// and literal addresses that are not public (unless allowPrivate). Names
// are checked again when dialled.
func checkURL(u *url.URL, allowPrivate bool) error {
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	default:
		return fmt.Errorf("%w: scheme %q in %s", ErrBlocked, u.Scheme, u.Redacted())
	}
	host := u.Hostname()
	if host == "" {
		return fmt.Errorf("%w: no host in %s", ErrBlocked, u.Redacted())
	}
	if allowPrivate {
		return nil
	}
	if ip, err := netip.ParseAddr(strings.Trim(host, "[]")); err == nil && !publicAddr(ip) {
		return fmt.Errorf("%w: %s is not a public address", ErrBlocked, ip)
	}
	if h := strings.ToLower(strings.TrimSuffix(host, ".")); h == "localhost" || strings.HasSuffix(h, ".localhost") {
		return fmt.Errorf("%w: %s is not a public address", ErrBlocked, host)
	}
	return nil
}

// refusePrivate is a net.Dialer.Control: it runs after name resolution, on
// the very address about to be dialled.
func refusePrivate(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("%w: cannot check address %q", ErrBlocked, address)
	}
	if !publicAddr(ap.Addr()) {
		return fmt.Errorf("%w: %s is not a public address", ErrBlocked, ap.Addr())
	}
	return nil
}

// nonPublic lists ranges that net/netip has no predicate for.
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),       // "this network"
	netip.MustParsePrefix("100.64.0.0/10"),   // carrier-grade NAT
	netip.MustParsePrefix("192.0.0.0/24"),    // IETF protocol assignments
	netip.MustParsePrefix("192.0.2.0/24"),    // documentation
	netip.MustParsePrefix("198.18.0.0/15"),   // benchmarking
	netip.MustParsePrefix("198.51.100.0/24"), // documentation
	netip.MustParsePrefix("203.0.113.0/24"),  // documentation
	netip.MustParsePrefix("240.0.0.0/4"),     // reserved, broadcast
	netip.MustParsePrefix("64:ff9b::/96"),    // NAT64: may embed a private IPv4
	netip.MustParsePrefix("64:ff9b:1::/48"),  // local-use NAT64
	netip.MustParsePrefix("2001:db8::/32"),   // documentation
	netip.MustParsePrefix("2002::/16"),       // 6to4: may embed a private IPv4
	netip.MustParsePrefix("100::/64"),        // discard
}

// publicAddr reports whether ip is a public unicast address.
func publicAddr(ip netip.Addr) bool {
	ip = ip.Unmap()
	if !ip.IsValid() || ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() ||
		ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() || ip.IsInterfaceLocalMulticast() ||
		ip.IsMulticast() {
		return false
	}
	for _, p := range nonPublic {
		if p.Contains(ip) {
			return false
		}
	}
	return true
}

// binaryType reports whether a Content-Type names something that is not a
// page or a feed.
func binaryType(ct string) bool {
	if ct == "" {
		return false
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	switch {
	case strings.HasPrefix(mt, "image/"), strings.HasPrefix(mt, "audio/"), strings.HasPrefix(mt, "video/"), strings.HasPrefix(mt, "font/"):
		return true
	}
	switch mt {
	case "application/pdf", "application/zip", "application/gzip", "application/octet-stream",
		"application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
		return true
	}
	return false
}

// unwrapURLError drops *url.Error's "Get "URL":" prefix, since callers
// already say which URL failed.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
