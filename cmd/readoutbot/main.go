// Command readoutbot answers questions about recorded meetings: on the
// command line, and as a Discord bot (`readoutbot run`).
//
// It is the only place that reads the environment, the .env file and flags;
// everything below it takes explicit options.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/joho/godotenv"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], envWithDotenv(".env"), os.Stdout, os.Stderr)
	stop()
	os.Exit(report(err, os.Stderr))
}

// envWithDotenv returns a getenv that prefers the process environment and
// falls back to the variables of the .env file at path, like godotenv.Load
// (which never overrides what is already set), without mutating os.Environ.
func envWithDotenv(path string) func(string) string {
	vars, err := godotenv.Read(path)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(os.Stderr, "readoutbot: reading %s: %v\n", path, err)
	}
	return func(key string) string {
		if v, ok := os.LookupEnv(key); ok {
			return v
		}
		return vars[key]
	}
}

// report prints err (if any) and returns the process exit status: 0 on
// success, the code of an exitError, else 2.
func report(err error, stderr io.Writer) int {
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(stderr, "readoutbot: %v\n", ee.err)
		}
		return ee.code
	}
	if errors.Is(err, errUsage) {
		return 2
	}
	fmt.Fprintf(stderr, "readoutbot: %v\n", err)
	return 2
}

// exitError carries a specific exit status, such as 1 for "no readout
// answers that question" (like grep finding nothing).
type exitError struct {
	code int
	err  error // printed when not nil
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }
