package main

import (
	"context"
	"errors"
)

// cmdBench is a placeholder for benchmarks (BENCH helper).
func cmdBench(ctx context.Context, app *App, args []string) error {
	return errors.New("bench: not built yet")
}
