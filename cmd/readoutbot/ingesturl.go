package main

import (
	"context"
	"errors"

	"github.com/readoutbot/readoutbot/knowledge"
)

// ingestURL fetches one page and indexes it. Placeholder until the sources
// package lands (SOURCES helper).
func ingestURL(ctx context.Context, app *App, ix *knowledge.Index, url string) (knowledge.Meeting, error) {
	return knowledge.Meeting{}, errors.New("ingesting URLs is not built yet")
}
