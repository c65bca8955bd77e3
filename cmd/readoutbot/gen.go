package main

import (
	"context"
	"fmt"
	"time"

	"github.com/readoutbot/readoutbot/knowledge/readoutgen"
)

// cmdGen writes a synthetic corpus of readouts in the data-folder format,
// for benchmarks and load tests: `readoutbot gen --seed S --n N --out DIR`.
func cmdGen(ctx context.Context, app *App, args []string) error {
	fs := app.flags("gen", "[--seed S] [--n N] [--from I] --out DIR")
	seed := fs.Int64("seed", 1, "seed: the same seed writes the same readouts")
	n := fs.Int("n", 1000, "how many readouts to write")
	from := fs.Int("from", 0, "index of the first readout, to extend a corpus written before")
	out := fs.String("out", "", "folder to write into (one subfolder per year)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" || *n < 0 || *from < 0 || fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	start := time.Now()
	wrote, err := readoutgen.New(*seed).WriteDir(ctx, *out, *from, *n)
	if err != nil {
		return fmt.Errorf("writing corpus to %s: %w", *out, err)
	}
	fmt.Fprintf(app.Stdout, "Wrote %d readouts (seed %d) to %s in %s.\n", wrote, *seed, *out, time.Since(start).Round(time.Millisecond))
	return nil
}
