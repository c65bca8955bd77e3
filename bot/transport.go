package bot

import (
	"net/http"
	"net/url"
	"strings"
)

// rebaseTransport sends requests meant for Discord to another base URL. It
// clones each request rather than changing discordgo's Endpoint globals,
// which are computed once and shared by every session in the process.
type rebaseTransport struct {
	base *url.URL
	next http.RoundTripper
}

// newHTTPClient returns the client discordgo uses for REST (and for finding
// the gateway, which then follows whatever URL /gateway returned).
func newHTTPClient(apiBase string, next *http.Client) (*http.Client, error) {
	c := &http.Client{}
	if next != nil {
		*c = *next
	}
	if c.Transport == nil {
		c.Transport = http.DefaultTransport
	}
	if apiBase == "" || apiBase == DefaultAPIBase {
		return c, nil
	}
	u, err := url.Parse(apiBase)
	if err != nil {
		return nil, err
	}
	c.Transport = &rebaseTransport{base: u, next: c.Transport}
	return c, nil
}

// RoundTrip rewrites scheme and host (and prefixes the base's path) for
// discord.com; other hosts pass through unchanged.
func (t *rebaseTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if !isDiscordHost(r.URL.Host) {
		return t.next.RoundTrip(r)
	}
	out := r.Clone(r.Context())
	out.URL.Scheme = t.base.Scheme
	out.URL.Host = t.base.Host
	if p := strings.TrimSuffix(t.base.Path, "/"); p != "" {
		out.URL.Path = p + r.URL.Path
		out.URL.RawPath = ""
	}
	out.Host = t.base.Host
	return t.next.RoundTrip(out)
}

func isDiscordHost(h string) bool {
	return h == "discord.com" || h == "discordapp.com" || strings.HasSuffix(h, ".discord.com")
}
