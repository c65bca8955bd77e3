package main

import (
	"context"
	"errors"
)

// cmdRun is a placeholder for the Discord bot (BOT helper).
func cmdRun(ctx context.Context, app *App, args []string) error {
	return errors.New("run: not built yet")
}
