package sources

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/readoutbot/readoutbot/knowledge"
)

// FolderIndex is what the Watcher needs from the index; *knowledge.Index
// has it.
type FolderIndex interface {
	Indexer
	RemoveName(ctx context.Context, name string) error
}

// DefaultDebounce is how long a file must stay still before it is read, so
// an editor's burst of writes makes one update.
const DefaultDebounce = 500 * time.Millisecond

// WatcherOptions configure a Watcher.
type WatcherOptions struct {
	// Dir is the data folder. Required.
	Dir string
	// Index receives the readouts. Required.
	Index FolderIndex
	// Ignore lists folders (absolute, or relative to Dir) not to watch,
	// such as the index folder when it lives inside Dir.
	Ignore []string
	// Debounce; 0 means DefaultDebounce.
	Debounce time.Duration
	// Logger receives progress and problems; nil discards them.
	Logger *slog.Logger
}

// Watcher keeps the index in step with the data folder while the bot runs:
// a new or edited readout file is (re)indexed, a deleted one removed. A
// readout's Name is its path relative to the folder, with forward slashes,
// as the first build names it.
type Watcher struct {
	dir      string
	index    FolderIndex
	ignore   []string
	debounce time.Duration
	log      *slog.Logger
	// applied, when set (tests), hears each name after it is handled.
	applied chan<- string
}

// NewWatcher returns a Watcher over opts.Dir; nothing is watched until Run.
func NewWatcher(opts WatcherOptions) (*Watcher, error) {
	if opts.Index == nil {
		return nil, errors.New("watch: no index")
	}
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, fmt.Errorf("watch %s: %w", opts.Dir, err)
	}
	w := &Watcher{dir: dir, index: opts.Index, debounce: opts.Debounce, log: opts.Logger}
	if w.debounce <= 0 {
		w.debounce = DefaultDebounce
	}
	if w.log == nil {
		w.log = slog.New(slog.DiscardHandler)
	}
	for _, ig := range opts.Ignore {
		if !filepath.IsAbs(ig) {
			ig = filepath.Join(dir, ig)
		}
		if abs, err := filepath.Abs(ig); err == nil {
			w.ignore = append(w.ignore, abs)
		}
	}
	return w, nil
}

// IsReadoutFile reports whether a file name looks like a readout the data
// folder may hold: text, Markdown or a saved HTML page, not hidden, not a
// README; the same rule as the first build of the index.
func IsReadoutFile(name string) bool {
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") || strings.HasPrefix(base, "#") ||
		strings.EqualFold(base, "README.md") {
		return false
	}
	switch strings.ToLower(filepath.Ext(base)) {
	case ".txt", ".md", ".markdown", ".html", ".htm":
		return true
	}
	return false
}

// skipped reports whether path (absolute) is a dot entry, or inside an
// ignored folder or a dot folder under Dir.
func (w *Watcher) skipped(path string) bool {
	for _, ig := range w.ignore {
		if path == ig || strings.HasPrefix(path, ig+string(filepath.Separator)) {
			return true
		}
	}
	rel, err := filepath.Rel(w.dir, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return true
	}
	if rel == "." {
		return false
	}
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		if strings.HasPrefix(part, ".") {
			return true
		}
	}
	return false
}

// Run watches the folder until ctx ends; it returns nil then, or an error
// when the folder cannot be watched at all.
func (w *Watcher) Run(ctx context.Context) error {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return fmt.Errorf("watch %s: %w", w.dir, err)
	}
	defer fw.Close()
	if err := w.addTree(fw, w.dir, nil); err != nil {
		return err
	}
	w.log.Info("watching data folder", "dir", w.dir)

	due := map[string]time.Time{} // path -> when to handle it
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	schedule := func(path string) {
		due[path] = time.Now().Add(w.debounce)
		timer.Reset(w.debounce)
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case err, ok := <-fw.Errors:
			if !ok {
				return nil
			}
			w.log.Error("watch error", "dir", w.dir, "err", err)
		case ev, ok := <-fw.Events:
			if !ok {
				return nil
			}
			if w.skipped(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					// Files may land in a new folder before it is watched.
					_ = w.addTree(fw, ev.Name, schedule)
					continue
				}
			}
			if IsReadoutFile(ev.Name) {
				schedule(ev.Name)
			}
		case <-timer.C:
			now := time.Now()
			var next time.Time
			for path, at := range due {
				if at.After(now) {
					if next.IsZero() || at.Before(next) {
						next = at
					}
					continue
				}
				delete(due, path)
				w.apply(ctx, path)
			}
			if !next.IsZero() {
				timer.Reset(time.Until(next))
			}
		}
	}
}

// addTree watches dir and its folders; with schedule set it also schedules
// the readout files found.
func (w *Watcher) addTree(fw *fsnotify.Watcher, dir string, schedule func(string)) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == dir {
				return fmt.Errorf("watch %s: %w", dir, err)
			}
			w.log.Warn("watch walk failed", "path", path, "err", err)
			return nil
		}
		if w.skipped(path) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if err := fw.Add(path); err != nil {
				if path == dir {
					return fmt.Errorf("watch %s: %w", dir, err)
				}
				w.log.Warn("watch folder failed", "path", path, "err", err)
			}
			return nil
		}
		if schedule != nil && IsReadoutFile(path) {
			schedule(path)
		}
		return nil
	})
}

// apply brings the index in line with the file at path: read and add it,
// or remove its meeting when it is gone or no longer a readout.
func (w *Watcher) apply(ctx context.Context, path string) {
	rel, err := filepath.Rel(w.dir, path)
	if err != nil {
		return
	}
	name := filepath.ToSlash(rel)
	defer func() {
		if w.applied != nil {
			select {
			case w.applied <- name:
			case <-ctx.Done():
			}
		}
	}()
	log := w.log.With("name", name)
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		if err := w.index.RemoveName(ctx, name); err != nil && !errors.Is(err, knowledge.ErrNotFound) {
			log.Error("remove readout failed", "err", err)
			return
		}
		log.Info("readout removed")
		return
	}
	if err != nil || fi.IsDir() {
		return
	}
	r, err := knowledge.ReadFile(path)
	if errors.Is(err, knowledge.ErrEmpty) {
		log.Debug("readout file empty, waiting for content")
		return
	}
	if err != nil {
		log.Warn("readout file skipped", "err", err)
		return
	}
	r.Name = name
	results, err := w.index.Add(ctx, r)
	if err != nil {
		log.Error("index readout failed", "err", err)
		return
	}
	for _, res := range results {
		switch {
		case errors.Is(res.Err, knowledge.ErrNotReadout):
			log.Info("file is not a readout", "err", res.Err)
			// An edit that made it something else: drop its old meeting.
			if err := w.index.RemoveName(ctx, name); err != nil && !errors.Is(err, knowledge.ErrNotFound) {
				log.Error("remove readout failed", "err", err)
			}
		case res.Err != nil:
			log.Warn("readout skipped", "err", res.Err)
		case res.Changed:
			log.Info("readout indexed", "readout_id", res.Meeting.ID)
		}
	}
}
