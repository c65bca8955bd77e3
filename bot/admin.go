package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readoutbot/readoutbot/knowledge"
)

// Admin commands: /ingest url: adds one web page to the index now, and
// /sources shows how the configured feeds are doing. Both are for members
// with Manage Server: hidden from others by default_member_permissions and
// checked again here, since a server may override that.
//
// The bot does not import the fetcher (knowledge/sources): it declares what
// it needs below, and cmd/readoutbot adapts the one shared poller to it,
// turning the fetcher's errors into the ErrFetch… reasons declared here.

// Ingester fetches one page now and indexes the readout it holds; the
// returned meeting is the one made (or already known). Errors wrap
// knowledge.ErrNotReadout, knowledge.ErrTooLarge, the ErrFetch… reasons or
// a *FetchStatusError when the page could not be added for that reason.
type Ingester interface {
	IngestURL(ctx context.Context, url string) (knowledge.Meeting, error)
}

// SourceHealth is how one configured source (a feed or a listing page) is
// doing, as /sources shows it and the admin channel hears of it.
type SourceHealth struct {
	Name string
	URL  string
	// Kind is "rss", "atom", "page" or what the sources file calls it.
	Kind string
	// Interval is how often the source is polled.
	Interval time.Duration
	// LastFetch is the last attempt; LastSuccess the last that worked;
	// LastNew when a new (not backlog) item was last indexed.
	LastFetch, LastSuccess, LastNew time.Time
	// Items counts readouts indexed from the source, Backfill of which came
	// from its backlog on the first run.
	Items, Backfill int
	// LastError is the last problem and when it happened.
	LastError   string
	LastErrorAt time.Time
	// Failures counts failed fetches in a row.
	Failures int
	// Flagged is set when the source fails repeatedly or has been quiet for
	// much longer than usual; Reason says which.
	Flagged bool
	Reason  string
}

// HealthReporter lists every configured source's health, in config order.
type HealthReporter interface {
	Health(ctx context.Context) ([]SourceHealth, error)
}

// Reasons a page could not be fetched for /ingest. An Ingester wraps its
// own error with one of them; friendly turns them into words.
var (
	// ErrFetchBlocked: not http(s), or a private or loopback address.
	ErrFetchBlocked = errors.New("address not allowed")
	// ErrFetchRedirects: redirected too many times (a loop, usually).
	ErrFetchRedirects = errors.New("too many redirects")
	// ErrFetchUnsupported: the answer is not a web page or text.
	ErrFetchUnsupported = errors.New("unsupported content type")
	// ErrFetchBackOff: the site asked not to be asked again yet.
	ErrFetchBackOff = errors.New("site asked to wait")
	// ErrFetchUnreachable: no answer (name unknown, connection refused,
	// timed out).
	ErrFetchUnreachable = errors.New("site unreachable")
)

// FetchStatusError is a page that answered with an HTTP status other than
// 200.
type FetchStatusError struct{ Code int }

func (e *FetchStatusError) Error() string { return fmt.Sprintf("http status %d", e.Code) }

// AdminOptions are what the admin commands need. A nil Ingester or Health
// leaves its command out.
type AdminOptions struct {
	// Ingester adds pages for /ingest: the same poller that polls the
	// feeds, so requests to one host stay spaced however they come.
	Ingester Ingester
	// Health reports the sources for /sources.
	Health HealthReporter
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// AdminCommands returns /ingest and /sources, for Bot.AddCommand.
func AdminCommands(o AdminOptions) []Command {
	if o.Now == nil {
		o.Now = time.Now
	}
	a := &admin{o: o}
	perm := permManageServer
	guildOnly := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	var out []Command
	if o.Ingester != nil {
		out = append(out, Command{
			Definition: &discordgo.ApplicationCommand{
				Name: "ingest", Description: "Add one readout page to what I know, now",
				DefaultMemberPermissions: &perm, Contexts: &guildOnly,
				Options: []*discordgo.ApplicationCommandOption{
					str("url", "The page's address (https://…)", true, false, maxIngestURL),
				},
			},
			Handle: a.ingest, Ephemeral: true, Slow: true,
		})
	}
	if o.Health != nil {
		out = append(out, Command{
			Definition: &discordgo.ApplicationCommand{
				Name: "sources", Description: "How the configured feeds and pages are doing",
				DefaultMemberPermissions: &perm, Contexts: &guildOnly,
			},
			Handle: a.sources, Ephemeral: true,
		})
	}
	return out
}

// maxIngestURL bounds the url option; longer addresses are not pages
// anyone shares.
const maxIngestURL = 2000

type admin struct{ o AdminOptions }

// adminOnly refuses members without Manage Server (or Administrator), and
// direct messages.
func adminOnly(req Request) error {
	if req.GuildID == "" {
		return userErrorf("/%s works in a server, not in direct messages.", req.Command)
	}
	if req.Permissions&(permManageServer|permAdministrator) == 0 {
		return userErrorf("Only members with the Manage Server permission can use /%s.", req.Command)
	}
	return nil
}

func (a *admin) ingest(ctx context.Context, req Request) (Reply, error) {
	if err := adminOnly(req); err != nil {
		return Reply{}, err
	}
	raw := strings.TrimSpace(req.Options["url"])
	u, err := url.Parse(raw)
	if raw == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Reply{}, userErrorf("Give the page's full web address, starting with https:// or http://.")
	}
	m, err := a.o.Ingester.IngestURL(ctx, raw)
	if err != nil {
		return Reply{}, fmt.Errorf("ingest %s: %w", u.Redacted(), err)
	}
	r := renderMeeting(m)
	r.Messages[0].Content = "Added:"
	if from := "Added from <" + strings.ReplaceAll(u.String(), ">", "%3E") + ">:"; textLen(from) <= maxContent {
		r.Messages[0].Content = from
	}
	r.Ephemeral = true
	return r, nil
}

// maxSourcesShown caps the sources one /sources reply lists (flagged and
// failing ones first); `readoutbot sources` lists them all.
const maxSourcesShown = 40

func (a *admin) sources(ctx context.Context, req Request) (Reply, error) {
	if err := adminOnly(req); err != nil {
		return Reply{}, err
	}
	hs, err := a.o.Health.Health(ctx)
	if err != nil {
		return Reply{}, fmt.Errorf("source health: %w", err)
	}
	r := renderSourceHealth(hs, a.o.Now())
	r.Ephemeral = true
	return r, nil
}

// renderSourceHealth is the /sources reply: a summary, then one field per
// source (flagged, then failing, then the rest, each in config order),
// each within Discord's limits.
func renderSourceHealth(hs []SourceHealth, now time.Time) Reply {
	if len(hs) == 0 {
		return textReply("No sources are configured. List feeds and pages in the sources file (sources.toml in the data folder; see data/sources.example.toml); I pick it up without a restart.")
	}
	var flagged, failing, rest []SourceHealth
	for _, h := range hs {
		switch {
		case h.Flagged:
			flagged = append(flagged, h)
		case h.Failures > 0:
			failing = append(failing, h)
		default:
			rest = append(rest, h)
		}
	}
	ordered := append(append(flagged, failing...), rest...)
	desc := plural(len(hs), "source")
	switch len(flagged) {
	case 0:
		desc += ", none flagged."
	default:
		desc += fmt.Sprintf(", **%d flagged**.", len(flagged))
	}
	if len(ordered) > maxSourcesShown {
		desc += fmt.Sprintf(" Showing the first %d; `readoutbot sources` lists them all.", maxSourcesShown)
		ordered = ordered[:maxSourcesShown]
	}
	e := &discordgo.MessageEmbed{Title: "Sources", Description: desc, Color: colour,
		Footer: &discordgo.MessageEmbedFooter{Text: "As of " + now.UTC().Format("2006-01-02 15:04 UTC")}}
	for _, h := range ordered {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name:  truncate(sourceStatus(h)+" "+unmention(h.Name), maxFieldName),
			Value: truncate(sourceHealthLines(h), maxFieldValue),
		})
	}
	return newReply("", []*discordgo.MessageEmbed{e}, nil)
}

// sourceStatus is a source's state in a word or two.
func sourceStatus(h SourceHealth) string {
	switch {
	case h.Flagged:
		return "⚠️ FLAGGED:"
	case h.LastFetch.IsZero():
		return "⏳"
	case h.Failures > 0:
		return "❗"
	default:
		return "✅"
	}
}

// sourceHealthLines are the lines of one source's field; the error, the
// longest, comes last so a cut only shortens it.
func sourceHealthLines(h SourceHealth) string {
	var b strings.Builder
	kind := h.Kind
	if kind == "" {
		kind = "source"
	}
	fmt.Fprintf(&b, "%s, every %s: %s\n", clean(kind), healthEvery(h.Interval), link(hostOf(h.URL), h.URL))
	if h.Flagged && h.Reason != "" {
		b.WriteString("**Why flagged:** " + clean(truncate(h.Reason, 300)) + "\n")
	} else if h.Failures > 0 {
		fmt.Fprintf(&b, "**Failing:** %s in a row\n", plural(h.Failures, "time"))
	}
	b.WriteString("**Last fetch:** " + healthTime(h.LastFetch))
	if !h.LastFetch.IsZero() && !h.LastSuccess.Equal(h.LastFetch) {
		b.WriteString(" (last worked " + healthTime(h.LastSuccess) + ")")
	}
	b.WriteString("\n**Last new item:** " + healthTime(h.LastNew) + "\n")
	fmt.Fprintf(&b, "**Items indexed:** %d", h.Items)
	if h.Backfill > 0 {
		fmt.Fprintf(&b, " (%d from the backlog)", h.Backfill)
	}
	if h.LastError != "" && !strings.Contains(h.Reason, h.LastError) {
		b.WriteString("\n**Last error** (" + healthTime(h.LastErrorAt) + "): " + clean(h.LastError))
	}
	return b.String()
}

// healthEvery writes an interval as 90m, 6h or 1d rather than 6h0m0s.
func healthEvery(d time.Duration) string {
	switch {
	case d <= 0:
		return "?"
	case d%(24*time.Hour) == 0:
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	case d%time.Hour == 0:
		return fmt.Sprintf("%dh", d/time.Hour)
	case d%time.Minute == 0:
		return fmt.Sprintf("%dm", d/time.Minute)
	}
	return d.String()
}

// healthTime shows a time in each reader's own zone, relative too.
func healthTime(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return fmt.Sprintf("<t:%d:R>", t.Unix())
}

func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host != "" {
		return u.Host
	}
	return raw
}

// statusWords is an HTTP status with its name, "404 (Not Found)".
func statusWords(code int) string {
	if t := http.StatusText(code); t != "" {
		return fmt.Sprintf("%d (%s)", code, t)
	}
	return fmt.Sprint(code)
}
