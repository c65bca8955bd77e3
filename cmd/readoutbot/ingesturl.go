package main

import (
	"context"
	"strings"

	"github.com/readoutbot/readoutbot/knowledge"
	"github.com/readoutbot/readoutbot/knowledge/sources"
)

// ingestURL fetches one page and indexes it, by the same safe fetcher and
// the same record of seen pages as the polled sources (so a feed listing
// the page later does not add it again). Private addresses are refused
// unless READOUTBOT_ALLOW_PRIVATE=1.
func ingestURL(ctx context.Context, app *App, ix *knowledge.Index, url string) (knowledge.Meeting, error) {
	p, err := sources.New(sources.Options{
		Index:     ix,
		StatePath: sourcesStatePath(app),
		Fetcher:   sources.NewFetcher(sources.FetcherOptions{AllowPrivate: allowPrivate(app)}),
		Logger:    app.Logger,
		Now:       app.Now,
	})
	if err != nil {
		return knowledge.Meeting{}, err
	}
	return p.IngestURL(ctx, url)
}

// allowPrivate reads READOUTBOT_ALLOW_PRIVATE: fetch from loopback and
// private addresses, for feeds on one's own network.
func allowPrivate(app *App) bool {
	v := strings.TrimSpace(app.Getenv("READOUTBOT_ALLOW_PRIVATE"))
	return v == "1" || strings.EqualFold(v, "true") || strings.EqualFold(v, "yes")
}
