package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/readoutbot/readoutbot/bot"
	"github.com/readoutbot/readoutbot/knowledge"
	"github.com/readoutbot/readoutbot/knowledge/sources"
)

// sourcesConfigPath is the sources file: READOUTBOT_SOURCES, else
// sources.toml in the data folder.
func sourcesConfigPath(app *App) string {
	if p := app.Getenv("READOUTBOT_SOURCES"); p != "" {
		return p
	}
	return filepath.Join(app.DataDir, "sources.toml")
}

// sourcesStatePath is the state file of seen items and source health:
// READOUTBOT_SOURCES_STATE, else sources.db beside the index folder.
func sourcesStatePath(app *App) string {
	if p := app.Getenv("READOUTBOT_SOURCES_STATE"); p != "" {
		return p
	}
	return sources.DefaultStatePath(app.IndexDir)
}

// newPoller builds the poller over the configured sources and ix, for
// `sources --poll`. READOUTBOT_ALLOW_PRIVATE=1 lets it fetch from private
// addresses, for feeds on one's own network.
func newPoller(app *App, ix sources.Indexer, notify sources.Notifier) (*sources.Poller, error) {
	srcs, err := sources.LoadConfig(sourcesConfigPath(app))
	if err != nil {
		return nil, err
	}
	return pollerOf(app, ix, notify, srcs)
}

// newRunPoller is the one poller of `run`: it polls the sources in the
// background and serves /ingest and /sources, so requests to one host stay
// spaced whoever makes them. A sources file that does not parse is logged
// and nothing is polled until it is fixed (the poller reloads the file when
// it changes); /ingest works meanwhile.
func newRunPoller(app *App, ix sources.Indexer, notify sources.Notifier) (*sources.Poller, error) {
	srcs, err := sources.LoadConfig(sourcesConfigPath(app))
	if err != nil {
		app.Logger.Warn("not polling sources until the sources file is fixed", "config", sourcesConfigPath(app), "err", err)
		srcs = nil
	}
	return pollerOf(app, ix, notify, srcs)
}

func pollerOf(app *App, ix sources.Indexer, notify sources.Notifier, srcs []sources.Source) (*sources.Poller, error) {
	return sources.New(sources.Options{
		Index:      ix,
		Sources:    srcs,
		ConfigPath: sourcesConfigPath(app),
		StatePath:  sourcesStatePath(app),
		Fetcher:    sources.NewFetcher(sources.FetcherOptions{AllowPrivate: allowPrivate(app)}),
		Notifier:   notify,
		Logger:     app.Logger,
		Now:        app.Now,
	})
}

// botSources adapts the shared poller to the bot's admin commands, which
// do not import the fetcher: /ingest fetches through it, with the
// fetcher's errors turned into the bot's reasons, and /sources reads its
// health.
type botSources struct{ p *sources.Poller }

// IngestURL fetches and indexes one page through the shared poller.
func (b botSources) IngestURL(ctx context.Context, url string) (knowledge.Meeting, error) {
	m, err := b.p.IngestURL(ctx, url)
	return m, fetchReason(err)
}

// Health is every configured source's health, as the bot shows it.
func (b botSources) Health(ctx context.Context) ([]bot.SourceHealth, error) {
	hs, err := b.p.Health(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]bot.SourceHealth, len(hs))
	for i, h := range hs {
		out[i] = botHealth(h)
	}
	return out, nil
}

// botHealth is a source's health in the bot's terms.
func botHealth(h sources.SourceHealth) bot.SourceHealth {
	return bot.SourceHealth{
		Name: h.Name, URL: h.URL, Kind: string(h.Kind), Interval: h.Interval,
		LastFetch: h.LastFetch, LastSuccess: h.LastSuccess, LastNew: h.LastNew,
		Items: h.Items, Backfill: h.Backfill,
		LastError: h.LastError, LastErrorAt: h.LastErrorAt, Failures: h.Failures,
		Flagged: h.Flagged, Reason: h.Reason,
	}
}

// sourceAlerts passes the poller's flagged and recovered sources to the
// bot's admin-channel notices.
func sourceAlerts(a *bot.SourceAlerts) sources.Notifier {
	return sources.NotifierFunc(func(ctx context.Context, h sources.SourceHealth) error {
		return a.Notify(ctx, botHealth(h))
	})
}

// fetchReason marks a fetch error with the bot's reason for it, keeping
// the original in the chain for the log. Errors of the index
// (knowledge.ErrNotReadout, ErrTooLarge) pass as they are.
func fetchReason(err error) error {
	var status *sources.StatusError
	var netErr net.Error
	switch {
	case err == nil:
		return nil
	case errors.Is(err, sources.ErrBlocked):
		return fmt.Errorf("%w: %w", bot.ErrFetchBlocked, err)
	case errors.Is(err, sources.ErrTooManyRedirects):
		return fmt.Errorf("%w: %w", bot.ErrFetchRedirects, err)
	case errors.Is(err, sources.ErrUnsupportedType):
		return fmt.Errorf("%w: %w", bot.ErrFetchUnsupported, err)
	case errors.Is(err, sources.ErrBackOff):
		return fmt.Errorf("%w: %w", bot.ErrFetchBackOff, err)
	case errors.As(err, &status):
		return fmt.Errorf("%w: %w", &bot.FetchStatusError{Code: status.Code}, err)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return err // the command's own time ran out, or shutdown
	case errors.As(err, &netErr):
		return fmt.Errorf("%w: %w", bot.ErrFetchUnreachable, err)
	}
	return err
}

// newWatcher builds the data-folder watcher for `run`. It shares the
// sources state file, where it remembers the folder's files so changes made
// while the bot was stopped are caught up at start.
func newWatcher(app *App, ix sources.FolderIndex) (*sources.Watcher, error) {
	return sources.NewWatcher(sources.WatcherOptions{
		Dir:    app.DataDir,
		Index:  ix,
		Ignore: []string{app.IndexDir},
		Logger: app.Logger,
		Store:  sources.OpenStore(sourcesStatePath(app)),
	})
}

// cmdSources prints each configured source's health. It reads the state
// file without the index, so it works while the bot runs. It exits 1 when
// a source is flagged, so a cron job can alert on it. With --poll it first
// polls every source (or those named) once, to try a new sources file;
// that needs the index, so not while the bot runs.
func cmdSources(ctx context.Context, app *App, args []string) error {
	fs := app.flags("sources", "[--json] [--poll [NAME...]]  (reads READOUTBOT_SOURCES, READOUTBOT_SOURCES_STATE)")
	asJSON := fs.Bool("json", false, "print JSON")
	poll := fs.Bool("poll", false, "poll the sources (all, or those NAMEd) once now, then print their health")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 && !*poll {
		fs.Usage()
		return errUsage
	}
	cfgPath := sourcesConfigPath(app)
	srcs, err := sources.LoadConfig(cfgPath)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	if *poll {
		if err := pollSources(ctx, app, srcs, fs.Args()); err != nil {
			return err
		}
	}
	names := make([]string, len(srcs))
	for i, s := range srcs {
		names[i] = s.Name
	}
	hs, err := sources.OpenStore(sourcesStatePath(app)).Health(ctx, names...)
	if err != nil {
		return err
	}
	for i, s := range srcs {
		hs[i].URL, hs[i].Kind, hs[i].Interval = s.URL, s.Kind, s.Interval
	}
	if *asJSON {
		enc := json.NewEncoder(app.Stdout)
		enc.SetIndent("", "  ")
		if hs == nil {
			hs = []sources.SourceHealth{}
		}
		if err := enc.Encode(hs); err != nil {
			return err
		}
	} else if len(srcs) == 0 {
		fmt.Fprintf(app.Stdout, "No sources configured. List feeds and pages in %s (see data/sources.example.toml).\n", cfgPath)
	} else {
		printHealth(app.Stdout, hs, app.Now())
	}
	for _, h := range hs {
		if h.Flagged {
			return &exitError{code: 1}
		}
	}
	return nil
}

// pollSources polls the named sources (all with none named) once, printing
// what each brought.
func pollSources(ctx context.Context, app *App, srcs []sources.Source, names []string) error {
	for _, n := range names {
		if !slices.ContainsFunc(srcs, func(s sources.Source) bool { return s.Name == n }) {
			return &exitError{code: 2, err: fmt.Errorf("no source named %q in %s", n, sourcesConfigPath(app))}
		}
	}
	ix, err := app.OpenIndex(ctx)
	if errors.Is(err, knowledge.ErrIndexLocked) {
		return &exitError{code: 2, err: fmt.Errorf("the bot is running on the index %s; it polls the sources itself (drop --poll to see their health)", app.IndexDir)}
	}
	if err != nil {
		return err
	}
	defer ix.Close()
	p, err := newPoller(app, ix, nil)
	if err != nil {
		return err
	}
	for _, s := range srcs {
		if len(names) > 0 && !slices.Contains(names, s.Name) {
			continue
		}
		rep, err := p.Poll(ctx, s.Name)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err != nil {
			fmt.Fprintf(app.Stdout, "%s: failed: %v\n", s.Name, err)
			continue
		}
		fmt.Fprintf(app.Stdout, "%s: %d new, %d from the backlog, %d already seen, %d skipped, %d left for later\n",
			s.Name, rep.New, rep.Backfill, rep.Seen, rep.Skipped, rep.Pending)
	}
	fmt.Fprintln(app.Stdout)
	return nil
}

// printHealth writes one block per source.
func printHealth(w io.Writer, hs []sources.SourceHealth, now time.Time) {
	for i, h := range hs {
		if i > 0 {
			fmt.Fprintln(w)
		}
		status := "ok"
		switch {
		case h.Flagged:
			status = "FLAGGED: " + h.Reason
		case h.LastFetch.IsZero():
			status = "not polled yet"
		case h.Failures > 0:
			status = fmt.Sprintf("failing (%d in a row)", h.Failures)
		}
		fmt.Fprintf(w, "%s  [%s, every %s]  %s\n", h.Name, h.Kind, shortDuration(h.Interval), status)
		fmt.Fprintf(w, "  url:           %s\n", h.URL)
		fmt.Fprintf(w, "  last fetch:    %s\n", sourceTime(h.LastFetch, now))
		fmt.Fprintf(w, "  last success:  %s\n", sourceTime(h.LastSuccess, now))
		fmt.Fprintf(w, "  last new item: %s\n", sourceTime(h.LastNew, now))
		fmt.Fprintf(w, "  items indexed: %d (%d from the backlog)\n", h.Items, h.Backfill)
		if h.LastError != "" {
			fmt.Fprintf(w, "  last error:    %s (%s)\n", h.LastError, sourceTime(h.LastErrorAt, now))
		}
	}
}

// shortDuration writes 90m as "1h30m" and 24h as "1d".
func shortDuration(d time.Duration) string {
	if d > 0 && d%(24*time.Hour) == 0 {
		return fmt.Sprintf("%dd", d/(24*time.Hour))
	}
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}

// sourceTime formats t with how long ago it was.
func sourceTime(t, now time.Time) string {
	if t.IsZero() {
		return "never"
	}
	ago := now.Sub(t)
	var rel string
	switch {
	case ago < time.Minute:
		rel = "just now"
	case ago < time.Hour:
		rel = fmt.Sprintf("%d min ago", int(ago.Minutes()))
	case ago < 48*time.Hour:
		rel = fmt.Sprintf("%d h ago", int(ago.Hours()))
	default:
		rel = fmt.Sprintf("%d days ago", int(ago.Hours()/24))
	}
	return t.UTC().Format("2006-01-02 15:04 UTC") + ", " + rel
}

// Compile-time check that the index is what the sources need.
var _ sources.FolderIndex = (*knowledge.Index)(nil)
