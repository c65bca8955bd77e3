package main

import (
	"context"
	"errors"
)

// cmdSources is a placeholder for source health (SOURCES helper).
func cmdSources(ctx context.Context, app *App, args []string) error {
	return errors.New("sources: not built yet")
}
