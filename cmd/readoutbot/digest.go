package main

import (
	"context"
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // digests work in any IANA zone, even on machines without zoneinfo

	"github.com/readoutbot/readoutbot/knowledge"
	"github.com/readoutbot/readoutbot/knowledge/sources"
)

// cmdDigest prints the digest of the readouts the index took in during the
// last --since, in the subscriber's time zone: the same selection the bot
// posts, for cron users and for testing.
func cmdDigest(ctx context.Context, app *App, args []string) error {
	fs := app.flags("digest", "[--index DIR] [--since 24h] [--until TIME] [--tz ZONE] [--person P] [--country C] [--topic T] [--group importance|country] [--chunk N]\n\n"+
		"A readout is in the period when the index took it in during it, whatever its meeting or release date,\n"+
		"so daily runs with --since 24h --until HH:MM list every readout exactly once.")
	since := fs.Duration("since", 24*time.Hour, "how far back to look, as a Go `duration` (24h, 90m)")
	until := fs.String("until", "", "end of the period: HH:MM (its latest past occurrence in --tz, so a daily cron job gets touching\nwindows however late it runs), YYYY-MM-DDTHH:MM in --tz, or RFC 3339 (default now)")
	tz := fs.String("tz", "UTC", "IANA time `zone` for dates and the stamp (Asia/Tokyo)")
	var opts knowledge.DigestOptions
	fs.StringVar(&opts.Person, "person", "", "only meetings with this participant")
	fs.StringVar(&opts.Country, "country", "", "only meetings with a participant of this country or organisation")
	fs.StringVar(&opts.Topic, "topic", "", "only meetings about this topic")
	group := fs.String("group", "importance", "`how` to order lines: importance (most senior participants first) or country (grouped by country)")
	chunk := fs.Int("chunk", 0, "split into messages of at most `N` characters, as the bot posts (0: one piece)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	loc, err := loadZone(*tz)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	if *since <= 0 {
		return &exitError{code: 2, err: fmt.Errorf("--since must be positive, got %s", *since)}
	}
	if *chunk < 0 {
		return &exitError{code: 2, err: fmt.Errorf("--chunk must not be negative, got %d", *chunk)}
	}
	if opts.Grouping, err = knowledge.ParseDigestGrouping(*group); err != nil {
		return &exitError{code: 2, err: err}
	}
	now := app.now()
	to := now
	if *until != "" {
		if to, err = parseUntil(*until, loc, now); err != nil {
			return &exitError{code: 2, err: err}
		}
	}
	opts.From, opts.To, opts.AsOf, opts.Location = to.Add(-*since), to, now, loc

	ix, err := app.OpenIndex(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	// As the bot does: what a source brought from its backlog on its first
	// run is searchable but not announced.
	d, err := sources.WithoutBackfill(ix, sources.OpenStore(sourcesStatePath(app))).Digest(ctx, opts)
	if err != nil {
		return err
	}
	limit := *chunk
	if limit == 0 {
		limit = 1 << 30
	}
	chunks := d.Render(knowledge.DigestRender{Limit: limit, EmptyLine: true})
	fmt.Fprintln(app.Stdout, strings.Join(chunks, "\n\n"))
	return nil
}

// now is the app's clock, time.Now when none was injected.
func (a *App) now() time.Time {
	if a.Now != nil {
		return a.Now()
	}
	return time.Now()
}

// loadZone reads an IANA zone name, saying clearly what is wrong with a bad
// one (time.LoadLocation's error names a file).
func loadZone(name string) (*time.Location, error) {
	name = strings.TrimSpace(name)
	if name == "" || strings.EqualFold(name, "UTC") {
		return time.UTC, nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q: give an IANA name such as Asia/Tokyo or Europe/London", name)
	}
	return loc, nil
}

// parseUntil reads --until: a clock time (its latest occurrence at or
// before now in loc), a local date and time in loc, or RFC 3339.
func parseUntil(s string, loc *time.Location, now time.Time) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if c, err := time.Parse("15:04", s); err == nil {
		y, m, d := now.In(loc).Date()
		t := time.Date(y, m, d, c.Hour(), c.Minute(), 0, 0, loc)
		if t.After(now) {
			t = time.Date(y, m, d-1, c.Hour(), c.Minute(), 0, 0, loc)
		}
		return t, nil
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", time.DateOnly} {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("--until %q is not a time: use HH:MM, YYYY-MM-DDTHH:MM or RFC 3339 (2024-03-15T08:00:00+09:00)", s)
}
