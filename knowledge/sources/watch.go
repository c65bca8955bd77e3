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
	// Store, when set, remembers each file's size and modification time,
	// so files added, edited or deleted while the bot was stopped are
	// caught up when Run starts. The first Run with a new store trusts the
	// index (just built from the folder) and only records the files.
	Store *Store
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
	store    *Store
	// known are the readout files under dir by name, as last handled; only
	// Run's goroutine touches it.
	known map[string]fileStamp
	// changed are known's entries not yet saved to store (zero: deleted).
	changed map[string]fileStamp
	// applied, when set (tests), hears each name after it is handled.
	applied chan<- string
}

// fileStamp tells an edited file from an untouched one.
type fileStamp struct {
	ModTime int64 `json:"mtime"`
	Size    int64 `json:"size"`
}

func stampOf(fi fs.FileInfo) fileStamp {
	return fileStamp{ModTime: fi.ModTime().UnixNano(), Size: fi.Size()}
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
	w := &Watcher{dir: dir, index: opts.Index, debounce: opts.Debounce, log: opts.Logger, store: opts.Store,
		known: map[string]fileStamp{}, changed: map[string]fileStamp{}}
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
	due := map[string]time.Time{} // path -> when to handle it
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	schedule := func(path string) {
		due[path] = time.Now().Add(w.debounce)
		timer.Reset(w.debounce)
	}
	if err := w.catchUp(ctx, schedule); err != nil {
		w.log.Error("catch up with data folder failed", "dir", w.dir, "err", err)
	}
	w.log.Info("watching data folder", "dir", w.dir, "files", len(w.known))
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
			} else if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
				// A folder moved or deleted as a whole: its files are gone.
				for _, path := range w.knownUnder(ev.Name) {
					schedule(path)
				}
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
			w.save()
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
	name := w.name(path)
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
		if _, ok := w.known[name]; ok {
			delete(w.known, name)
			w.changed[name] = fileStamp{}
		}
		log.Info("readout removed")
		return
	}
	if err != nil || fi.IsDir() {
		return
	}
	stamp := stampOf(fi)
	r, err := knowledge.ReadFile(path)
	if errors.Is(err, knowledge.ErrEmpty) {
		log.Debug("readout file empty, waiting for content")
		return
	}
	if err != nil {
		log.Warn("readout file skipped", "err", err)
		// It no longer holds a readout (binary, too large): drop the old one.
		if errors.Is(err, knowledge.ErrBinary) || errors.Is(err, knowledge.ErrTooLarge) {
			if err := w.index.RemoveName(ctx, name); err != nil && !errors.Is(err, knowledge.ErrNotFound) {
				log.Error("remove readout failed", "err", err)
			}
		}
		return
	}
	r.Name = name
	results, err := w.index.Add(ctx, r)
	if err != nil {
		log.Error("index readout failed", "err", err)
		return
	}
	w.known[name] = stamp
	w.changed[name] = stamp
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

// catchUp records the readout files under dir and, with a store that knew
// them before, schedules those added, edited or deleted since.
func (w *Watcher) catchUp(ctx context.Context, schedule func(string)) error {
	current := map[string]fileStamp{}
	err := filepath.WalkDir(w.dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable entries are left alone
		}
		if w.skipped(path) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() || !IsReadoutFile(path) {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return nil
		}
		current[w.name(path)] = stampOf(fi)
		return ctx.Err()
	})
	if err != nil {
		return err
	}
	w.known = current
	if w.store == nil {
		return nil
	}
	saved, ok, err := w.store.fileStamps()
	if err != nil {
		return err
	}
	if !ok {
		// Saved even when empty: the store now knows the folder.
		return w.store.putFileStamps(current)
	}
	n := 0
	for name, st := range current {
		if old, seen := saved[name]; !seen || old != st {
			delete(w.known, name) // handled (and recorded) by apply
			schedule(filepath.Join(w.dir, filepath.FromSlash(name)))
			n++
		}
	}
	for name := range saved {
		if _, still := current[name]; !still {
			w.known[name] = saved[name] // so apply records its removal
			schedule(filepath.Join(w.dir, filepath.FromSlash(name)))
			n++
		}
	}
	if n > 0 {
		w.log.Info("catching up with data folder", "dir", w.dir, "changed_files", n)
	}
	return nil
}

// name is path's readout name: relative to dir, with forward slashes.
func (w *Watcher) name(path string) string {
	rel, err := filepath.Rel(w.dir, path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	return filepath.ToSlash(rel)
}

// knownUnder returns the paths of known files inside the folder path.
func (w *Watcher) knownUnder(path string) []string {
	prefix := w.name(path) + "/"
	var out []string
	for name := range w.known {
		if strings.HasPrefix(name, prefix) {
			out = append(out, filepath.Join(w.dir, filepath.FromSlash(name)))
		}
	}
	return out
}

// save writes the stamps changed since the last save to the store.
func (w *Watcher) save() {
	if w.store == nil || len(w.changed) == 0 {
		clear(w.changed)
		return
	}
	if err := w.store.putFileStamps(w.changed); err != nil {
		w.log.Error("save data folder state failed", "err", err)
		return
	}
	clear(w.changed)
}
