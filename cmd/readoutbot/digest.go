package main

import (
	"context"
	"errors"
)

// cmdDigest is a placeholder for digests (DIGEST helper).
func cmdDigest(ctx context.Context, app *App, args []string) error {
	return errors.New("digest: not built yet")
}
