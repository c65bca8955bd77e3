package sources

import (
	"errors"
	"fmt"
)

// Sentinel errors. Callers test them with errors.Is.
var (
	// ErrBlocked means the URL's scheme or address may not be fetched: only
	// http and https to public addresses are allowed, unless
	// FetcherOptions.AllowPrivate is set.
	ErrBlocked = errors.New("address not allowed")
	// ErrTooManyRedirects means a fetch was redirected more than
	// MaxRedirects times (a loop, usually).
	ErrTooManyRedirects = errors.New("too many redirects")
	// ErrUnsupportedType means the response is not text (an image, a PDF).
	ErrUnsupportedType = errors.New("unsupported content type")
	// ErrBackOff means the host asked (with Retry-After) not to be asked
	// again yet.
	ErrBackOff = errors.New("host asked to wait")
	// ErrDisallowed means the site's robots.txt forbids readoutbot to fetch
	// the URL, or could not be read to say whether it does.
	ErrDisallowed = errors.New("disallowed by robots.txt")
	// ErrUnknownSource means no configured source has the given name.
	ErrUnknownSource = errors.New("unknown source")
)

// StatusError is a response with an HTTP status other than 200 or 304.
type StatusError struct {
	URL  string
	Code int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("fetch %s: http status %d", e.URL, e.Code)
}
