package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/readoutbot/readoutbot/knowledge"
)

// errUsage means a usage message was already printed.
var errUsage = errors.New("usage")

// App is what every subcommand receives: the configuration read from the
// environment and the streams to write to.
type App struct {
	Getenv func(string) string
	Stdout io.Writer
	Stderr io.Writer
	Logger *slog.Logger
	// DataDir holds the raw readouts (READOUTBOT_DATA, default "data").
	DataDir string
	// IndexDir holds the index (READOUTBOT_INDEX or --index, default DataDir/index).
	IndexDir string
	// Now is the clock, injected so tests can fix it.
	Now func() time.Time
}

type command struct {
	run     func(ctx context.Context, app *App, args []string) error
	summary string
}

var commands = map[string]command{
	"ask":      {cmdAsk, "answer a question in plain words"},
	"extract":  {cmdExtract, "print the meeting extracted from each readout file"},
	"ingest":   {cmdIngest, "add readout files, folders or URLs to the index"},
	"reindex":  {cmdReindex, "rebuild the index from the stored raw readouts"},
	"meetings": {cmdMeetings, "list meetings by person, country, topic or date"},
	"show":     {cmdShow, "show one meeting in full"},
	"run":      {cmdRun, "run the Discord bot"},
	"digest":   {cmdDigest, "print the digest of recent meetings"},
	"sources":  {cmdSources, "show the health of configured sources"},
	"gen":      {cmdGen, "write a synthetic corpus of readouts (for benchmarks)"},
	"bench":    {cmdBench, "measure ingest, ask, autocomplete and memory"},

	// analyst.go
	"met":       {cmdMet, "how often two people or countries met, when last, about what"},
	"positions": {cmdPositions, "what someone said on a topic over time, new wording marked"},
}

// run is the whole program, minus process setup, so tests can call it.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	app := &App{
		Getenv: getenv,
		Stdout: stdout,
		Stderr: stderr,
		Now:    time.Now,
	}
	app.Logger = newLogger(stderr, getenv("LOG_LEVEL"))
	app.DataDir = getenv("READOUTBOT_DATA")
	if app.DataDir == "" {
		app.DataDir = "data"
	}
	app.IndexDir = getenv("READOUTBOT_INDEX")
	if app.IndexDir == "" {
		app.IndexDir = filepath.Join(app.DataDir, "index")
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stderr)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "readoutbot: unknown command %q\n\n", args[0])
		usage(stderr)
		return errUsage
	}
	return cmd.run(ctx, app, args[1:])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Usage: readoutbot COMMAND [options]")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	names := make([]string, 0, len(commands))
	for name := range commands {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(w, "  %-9s %s\n", name, commands[name].summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'readoutbot COMMAND -h' for a command's options.")
}

func newLogger(w io.Writer, level string) *slog.Logger {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil || level == "" {
		lv = slog.LevelInfo
	}
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: lv}))
}

// flags returns a flag set for a subcommand that reports errors on stderr
// and takes --index.
func (a *App) flags(name, args string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(a.Stderr)
	fs.StringVar(&a.IndexDir, "index", a.IndexDir, "index `DIR`")
	fs.Usage = func() {
		fmt.Fprintf(a.Stderr, "Usage: readoutbot %s %s\n", name, args)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args, turning -h and bad flags into errUsage.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return &exitError{code: 0}
		}
		return errUsage
	}
	return nil
}

// OpenIndex opens the index, building it from the data folder first when
// it does not exist yet, so a fresh checkout answers with nothing set up.
func (a *App) OpenIndex(ctx context.Context) (*knowledge.Index, error) {
	_, statErr := os.Stat(a.IndexDir)
	fresh := errors.Is(statErr, os.ErrNotExist)
	ix, err := knowledge.Open(a.IndexDir, knowledge.Options{Logger: a.Logger, Now: a.Now})
	if err != nil {
		return nil, fmt.Errorf("opening index %s: %w", a.IndexDir, err)
	}
	if !fresh {
		return ix, nil
	}
	fmt.Fprintf(a.Stderr, "Building the index in %s from %s ...\n", a.IndexDir, a.DataDir)
	start := time.Now()
	n, failed, err := a.ingestPaths(ctx, ix, []string{a.DataDir}, true)
	if err != nil {
		ix.Close()
		return nil, err
	}
	fmt.Fprintf(a.Stderr, "Indexed %d readouts (%d skipped) in %s.\n", n, failed, time.Since(start).Round(time.Millisecond))
	return ix, nil
}

// readoutExts are the file types read as readouts in folders; files named
// explicitly are read whatever their extension.
var readoutExts = map[string]bool{".md": true, ".markdown": true, ".txt": true, ".html": true, ".htm": true}

// collect expands paths into readout files, skipping the index folder, dot
// files and files of other types inside folders.
func (a *App) collect(paths []string) ([]string, error) {
	indexAbs, _ := filepath.Abs(a.IndexDir)
	var files []string
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		err = filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			base := d.Name()
			if d.IsDir() {
				abs, _ := filepath.Abs(path)
				if abs == indexAbs || (path != p && strings.HasPrefix(base, ".")) {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(base, ".") || !readoutExts[strings.ToLower(filepath.Ext(base))] ||
				strings.EqualFold(base, "README.md") {
				return nil
			}
			files = append(files, path)
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return files, nil
}

// readoutName is the name a file is known by: its path relative to the data
// folder when inside it (so moving the checkout keeps ids), else its
// absolute path.
func (a *App) readoutName(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	if dataAbs, err := filepath.Abs(a.DataDir); err == nil {
		if rel, err := filepath.Rel(dataAbs, abs); err == nil && !strings.HasPrefix(rel, "..") {
			return filepath.ToSlash(rel)
		}
	}
	return abs
}

// ingestPaths reads and indexes files and folders in batches, reporting
// each bad file on stderr and going on with the rest. It returns how many
// readouts were indexed and how many were skipped.
func (a *App) ingestPaths(ctx context.Context, ix *knowledge.Index, paths []string, quiet bool) (indexed, skipped int, err error) {
	files, err := a.collect(paths)
	if err != nil {
		return 0, 0, err
	}
	const batch = 500
	var rs []knowledge.Readout
	flush := func() error {
		if len(rs) == 0 {
			return nil
		}
		results, err := ix.Add(ctx, rs...)
		if err != nil {
			return fmt.Errorf("indexing: %w", err)
		}
		for _, res := range results {
			if res.Err != nil {
				skipped++
				fmt.Fprintf(a.Stderr, "%s (skipped)\n", withName(res.Name, res.Err))
				continue
			}
			indexed++
		}
		rs = rs[:0]
		return nil
	}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return indexed, skipped, err
		}
		r, err := knowledge.ReadFile(f)
		if err != nil {
			skipped++
			fmt.Fprintf(a.Stderr, "%s (skipped)\n", withName(f, err))
			continue
		}
		r.Name = a.readoutName(f)
		rs = append(rs, r)
		if len(rs) >= batch {
			if err := flush(); err != nil {
				return indexed, skipped, err
			}
		}
	}
	if err := flush(); err != nil {
		return indexed, skipped, err
	}
	return indexed, skipped, nil
}

// withName is err's text led by the file it concerns, once: knowledge's
// errors already name the file, as os errors name their path.
func withName(name string, err error) string {
	msg := err.Error()
	if strings.Contains(msg, name) {
		return msg
	}
	return name + ": " + msg
}
