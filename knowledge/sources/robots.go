package sources

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/temoto/robotstxt"
)

// robots.txt (RFC 9309) is read once a day per site and obeyed for every
// request the poller makes on its own. A page a person asks for by hand
// (/ingest, `readoutbot ingest URL`) is that person's request, as in a
// browser, and is not checked.

// robotsAgent is the product token sites name in robots.txt groups.
const robotsAgent = "readoutbot"

// How long robots.txt answers are kept: a day when the site answered (the
// RFC's ceiling), less when it could not be read, so a passing failure
// does not stop a source for long.
const (
	robotsTTL      = 24 * time.Hour
	robotsErrorTTL = 15 * time.Minute
	robotsMaxBytes = 500 << 10 // the RFC's minimum a crawler must read
)

// robotsEntry is one site's rules, or why they are unknown.
type robotsEntry struct {
	ready chan struct{} // closed once data or err is set
	data  *robotstxt.RobotsData
	err   error
	until time.Time
}

// checkRobots returns ErrDisallowed when u's site forbids readoutbot to
// fetch u, or cannot say (robots.txt unreachable or a server error).
func (f *Fetcher) checkRobots(ctx context.Context, u *url.URL) error {
	site := u.Scheme + "://" + u.Host
	f.mu.Lock()
	e, ok := f.robots[site]
	// e.until is written before e.ready is closed: read it only after.
	if !ok || isDone(e.ready) && time.Now().After(e.until) {
		e = &robotsEntry{ready: make(chan struct{})}
		f.robots[site] = e
		f.mu.Unlock()
		e.data, e.err = f.fetchRobots(ctx, site)
		switch {
		case ctx.Err() != nil:
			e.until = time.Now() // this caller gave up: the next one asks again
		case e.err != nil:
			e.until = time.Now().Add(robotsErrorTTL)
		default:
			e.until = time.Now().Add(robotsTTL)
		}
		close(e.ready)
	} else {
		f.mu.Unlock()
		select {
		case <-e.ready:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if e.err != nil {
		return fmt.Errorf("%w: %s: robots.txt unavailable: %v", ErrDisallowed, u, e.err)
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !e.data.TestAgent(path, robotsAgent) {
		return fmt.Errorf("%w: %s by %s/robots.txt", ErrDisallowed, u, site)
	}
	return nil
}

func isDone(c chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// fetchRobots reads site's robots.txt. A missing file (4xx) allows
// everything; a server error, a rate limit or no answer allows nothing for
// now; rules that cannot be parsed are ignored rather than guessed at.
func (f *Fetcher) fetchRobots(ctx context.Context, site string) (*robotstxt.RobotsData, error) {
	u, err := url.Parse(site + "/robots.txt")
	if err != nil {
		return nil, err
	}
	if err := f.waitTurn(ctx, u.Hostname()); err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("User-Agent", f.ua)
	req.Header.Set("Accept", "text/plain,*/*;q=0.5")
	resp, err := f.client.Do(req)
	if err != nil {
		return nil, unwrapURLError(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusTooManyRequests {
		f.backOff(u.Hostname(), resp.Header.Get("Retry-After"))
		return nil, &StatusError{URL: u.String(), Code: resp.StatusCode}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, robotsMaxBytes))
	if err != nil {
		return nil, fmt.Errorf("read robots.txt: %w", err)
	}
	data, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil {
		if resp.StatusCode >= 200 && resp.StatusCode < 300 {
			return robotstxt.FromBytes(nil) // unparseable rules: none
		}
		return nil, &StatusError{URL: u.String(), Code: resp.StatusCode}
	}
	return data, nil
}
