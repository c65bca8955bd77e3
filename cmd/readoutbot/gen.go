package main

import (
	"context"
	"errors"
)

// cmdGen is a placeholder for the corpus generator (BENCH helper).
func cmdGen(ctx context.Context, app *App, args []string) error {
	return errors.New("gen: not built yet")
}
