package knowledge

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// Options configure an Index.
type Options struct {
	// Logger receives progress and problems; nil discards them.
	Logger *slog.Logger
	// Now is the clock that stamps Meeting.Ingested; nil means time.Now.
	Now func() time.Time
}

// Files and folders inside an index directory.
const (
	markerFile = "readoutbot-index" // says the folder is ours
	lockFile   = "LOCK"             // flocked while open
	rawFile    = "raw.db"           // bbolt: raw readouts and extracted meetings
	bleveDir   = "bleve"            // the scorch index
)

// batchSize is how many readouts go into one bleve batch and one bbolt
// transaction: large enough to amortise segment creation and fsync.
const batchSize = 500

// Index is the bleve index on disk plus the raw readouts it was built from.
// It is safe for concurrent use.
type Index struct {
	dir   string
	log   *slog.Logger
	now   func() time.Time
	lock  *os.File
	store *store
	bleve bleve.Index

	// extract turns a readout into a meeting: Extract, or a stand-in in tests.
	extract func(Readout) (Meeting, error)

	addMu sync.Mutex // serialises writers
	// mu guards the bleve index and term lists against being swapped
	// (Reindex, Close) under a query: queries hold it for reading.
	mu    sync.RWMutex
	terms *termLists // in-memory lists for Suggest and name lookup
}

// Open opens the index in dir, creating it when dir does not exist or is
// empty. It returns ErrNotIndex when dir holds something else, and
// ErrIndexLocked when another Open (in this or another process) holds it.
// An index built with an older mapping is rebuilt from its raw readouts.
func Open(dir string, opts Options) (*Index, error) {
	return openWith(dir, opts, Extract)
}

// openWith opens the index with its own extractor (tests pass a stand-in).
func openWith(dir string, opts Options, extract func(Readout) (Meeting, error)) (*Index, error) {
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	if err := prepareDir(dir); err != nil {
		return nil, err
	}
	lock, err := lockDir(dir)
	if err != nil {
		return nil, err
	}
	ix := &Index{dir: dir, log: log, now: now, lock: lock, extract: extract}
	if err := ix.open(); err != nil {
		ix.Close()
		return nil, err
	}
	return ix, nil
}

// prepareDir creates dir when missing and checks that an existing one is ours.
func prepareDir(dir string) error {
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return fmt.Errorf("create index dir: %w", err)
		}
	case err != nil:
		return fmt.Errorf("open index dir: %w", err)
	case !fi.IsDir():
		return fmt.Errorf("%s is a file: %w", dir, ErrNotIndex)
	}
	if _, err := os.Stat(filepath.Join(dir, markerFile)); err == nil {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("open index dir: %w", err)
	}
	if len(entries) > 0 {
		return fmt.Errorf("%s holds other files: %w", dir, ErrNotIndex)
	}
	if err := os.WriteFile(filepath.Join(dir, markerFile), []byte("readoutbot index; delete the folder to rebuild it\n"), 0o644); err != nil {
		return fmt.Errorf("mark index dir: %w", err)
	}
	return nil
}

// lockDir takes an exclusive flock on dir/LOCK. flock locks belong to the
// open file, so a second Open in the same process fails too.
func lockDir(dir string) (*os.File, error) {
	f, err := os.OpenFile(filepath.Join(dir, lockFile), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open lock: %w", err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%s: %w", dir, ErrIndexLocked)
		}
		return nil, fmt.Errorf("lock index: %w", err)
	}
	return f, nil
}

func (ix *Index) open() error {
	st, err := openStore(filepath.Join(ix.dir, rawFile))
	if err != nil {
		return err
	}
	ix.store = st
	path := filepath.Join(ix.dir, bleveDir)
	version, err := st.mappingVersion()
	if err != nil {
		return err
	}
	_, statErr := os.Stat(path)
	if version == mappingVersion && statErr == nil {
		b, err := bleve.OpenUsing(path, nil)
		if err == nil {
			ix.bleve = b
			if err := ix.loadTerms(); err != nil {
				return err
			}
			// Index meeting titles for suggestions now rather than on the
			// first keystroke; it only touches memory and ends by itself.
			go ix.terms.titles.warm()
			return nil
		}
		// The raw readouts are the source of truth: a damaged search
		// index is rebuilt from them rather than refused.
		ix.log.Warn("search index unreadable, rebuilding", "err", err)
	} else if statErr == nil {
		ix.log.Info("rebuilding index with a newer mapping", "from_version", version, "to_version", mappingVersion)
	}
	if err := ix.createBleve(); err != nil {
		return err
	}
	if _, err := ix.rebuild(context.Background()); err != nil {
		return err
	}
	return nil
}

// createBleve replaces the bleve index with an empty one under the current mapping.
func (ix *Index) createBleve() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	path := filepath.Join(ix.dir, bleveDir)
	if ix.bleve != nil {
		ix.bleve.Close()
		ix.bleve = nil
	}
	if err := os.RemoveAll(path); err != nil {
		return fmt.Errorf("remove old bleve index: %w", err)
	}
	b, err := bleve.NewUsing(path, newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return fmt.Errorf("create bleve index: %w", err)
	}
	ix.bleve = b
	if err := ix.store.setMappingVersion(mappingVersion); err != nil {
		return err
	}
	ix.terms = newTermLists()
	return nil
}

// Close releases the index and its lock.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var errs []error
	if ix.bleve != nil {
		errs = append(errs, ix.bleve.Close())
		ix.bleve = nil
	}
	if ix.store != nil {
		errs = append(errs, ix.store.close())
		ix.store = nil
	}
	if ix.lock != nil {
		errs = append(errs, ix.lock.Close()) // closing releases the flock
		ix.lock = nil
	}
	return errors.Join(errs...)
}

// Result reports what Add did with one readout.
type Result struct {
	// Name is the readout's Name.
	Name    string
	Meeting Meeting
	// Changed is false when an identical readout was already indexed.
	Changed bool
	// Err is this readout's problem (ErrNotReadout, …); the others still go in.
	Err error
}

// Add extracts and indexes readouts, keeping each raw readout in the index
// folder so Reindex can rebuild without the original files. A readout whose
// Hash is already indexed changes nothing; one with a known id and a new
// Hash replaces its old version. Per-readout problems go in Result.Err; the
// returned error is for failures of the index itself.
func (ix *Index) Add(ctx context.Context, rs ...Readout) ([]Result, error) {
	results := make([]Result, len(rs))
	// Extract the next chunk while this one is indexed, and never hold
	// more than two chunks of meetings, however many readouts come in.
	type chunk struct {
		start int
		ex    []extracted
	}
	chunks := make(chan chunk, 1)
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		defer close(chunks)
		for start := 0; start < len(rs); start += batchSize {
			end := min(start+batchSize, len(rs))
			c := chunk{start, extractAll(ctx, rs[start:end], ix.extract)}
			select {
			case chunks <- c:
			case <-stop:
				return
			}
		}
	}()
	ix.addMu.Lock()
	defer ix.addMu.Unlock()
	for c := range chunks {
		if err := ctx.Err(); err != nil {
			return results, err
		}
		end := c.start + len(c.ex)
		if err := ix.addChunk(rs[c.start:end], c.ex, results[c.start:end]); err != nil {
			return results, err
		}
	}
	return results, ctx.Err()
}

// errNotExtracted marks readouts left when the context ended.
var errNotExtracted = errors.New("not extracted: cancelled")

type extracted struct {
	m   Meeting
	err error
}

// extractAll runs Extract on every readout, on all cores.
func extractAll(ctx context.Context, rs []Readout, extract func(Readout) (Meeting, error)) []extracted {
	out := make([]extracted, len(rs))
	for i := range out {
		out[i].err = errNotExtracted // until a worker gets to it
	}
	workers := min(runtime.GOMAXPROCS(0), len(rs))
	if workers <= 1 {
		for i, r := range rs {
			if ctx.Err() != nil {
				break
			}
			out[i] = extractOne(r, extract)
		}
		return out
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			for i := range next {
				out[i] = extractOne(rs[i], extract)
			}
		})
	}
	for i := range rs {
		if ctx.Err() != nil {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func extractOne(r Readout, extract func(Readout) (Meeting, error)) (e extracted) {
	defer func() {
		if p := recover(); p != nil {
			e = extracted{err: fmt.Errorf("extract %s: panic: %v", r.Name, p)}
		}
	}()
	m, err := extract(r)
	if err != nil {
		// Extract's errors already lead with the readout's name.
		return extracted{err: err}
	}
	if m.ID == "" {
		m.ID = fallbackID(r)
	}
	m.Hash = readoutHash(r)
	return extracted{m: m}
}

// fallbackID is the fallback id when Extract leaves it empty.
func fallbackID(r Readout) string {
	key := r.SourceURL
	if key == "" {
		key = r.Name
	}
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:8])
}

// readoutHash is the readout's own Hash, or a hash of its fields.
func readoutHash(r Readout) string {
	if r.Hash != "" {
		return r.Hash
	}
	h := sha256.New()
	for _, s := range []string{r.Name, r.Title, r.Source, r.SourceURL, r.Published, r.Text} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// addChunk stores and indexes one chunk of readouts in one bbolt
// transaction and one bleve batch.
func (ix *Index) addChunk(rs []Readout, ex []extracted, results []Result) error {
	var items []storeItem
	pos := map[string]int{} // id -> index in items, so a repeat in one call wins last
	now := ix.now().UTC()
	for i, r := range rs {
		results[i] = Result{Name: r.Name}
		if ex[i].err != nil {
			results[i].Err = ex[i].err
			continue
		}
		m := ex[i].m
		m.Ingested = now
		it := storeItem{raw: r, meeting: m, result: i}
		if j, ok := pos[m.ID]; ok {
			items[j] = it
			continue
		}
		pos[m.ID] = len(items)
		items = append(items, it)
	}
	if len(items) == 0 {
		return nil
	}
	// The store's commit (page writes and fsync) runs while bleve indexes
	// the chunk; both must succeed before the term lists count it.
	changed, removed, wait, err := ix.store.putAsync(items)
	if err != nil {
		return err
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	indexed, err := ix.indexChunk(items, changed, removed)
	if werr := wait(); werr != nil {
		if indexed {
			ix.unindex(items, changed) // the store does not hold them
		}
		return werr
	}
	if err != nil {
		return err
	}
	for k, it := range items {
		results[it.result].Meeting = changed[k].meeting
		results[it.result].Changed = changed[k].changed
		if changed[k].changed {
			ix.terms.addTerms(it.meeting, it.terms)
		}
	}
	// Fill the results of readouts that repeated an id within this call.
	for i := range results {
		if results[i].Err == nil && results[i].Meeting.ID == "" {
			id := ex[i].m.ID
			results[i].Meeting = changed[pos[id]].meeting
		}
	}
	return nil
}

// indexChunk indexes the changed meetings of a chunk in one bleve batch and
// drops the meetings their readouts replaced; indexed says the batch went in.
func (ix *Index) indexChunk(items []storeItem, changed []putResult, removed []string) (indexed bool, err error) {
	batch := ix.bleve.NewBatch()
	im := ix.bleve.Mapping()
	for k, it := range items {
		if !changed[k].changed {
			continue
		}
		doc, err := toDoc(im, it.meeting.ID, it.meeting)
		if err == nil {
			err = batch.IndexAdvanced(doc)
		}
		if err != nil {
			return false, fmt.Errorf("index %s: %w", it.raw.Name, err)
		}
	}
	for _, id := range removed {
		batch.Delete(id)
		ix.terms.titles.remove(id)
	}
	if batch.Size() == 0 {
		return false, nil
	}
	if err := ix.bleve.Batch(batch); err != nil {
		return false, fmt.Errorf("index batch: %w", err)
	}
	return true, nil
}

// unindex takes a chunk's changed meetings back out of bleve after the
// store failed to keep them, so search never finds a meeting it cannot read.
func (ix *Index) unindex(items []storeItem, changed []putResult) {
	batch := ix.bleve.NewBatch()
	for k, it := range items {
		if changed[k].changed {
			batch.Delete(it.meeting.ID)
		}
	}
	if err := ix.bleve.Batch(batch); err != nil {
		ix.log.Error("search index holds meetings the store lost; run reindex", "err", err)
	}
}

// RemoveName drops the meeting that the readout called name made (its file
// was deleted). It is not an error when name is unknown.
func (ix *Index) RemoveName(ctx context.Context, name string) error {
	ix.addMu.Lock()
	defer ix.addMu.Unlock()
	id, err := ix.store.removeName(name)
	if err != nil || id == "" {
		return err
	}
	ix.terms.titles.remove(id)
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if err := ix.bleve.Delete(id); err != nil {
		return fmt.Errorf("remove %s: %w", name, err)
	}
	return nil
}

// Reindex rebuilds the whole bleve index from the stored raw readouts,
// extracting each again. It returns how many meetings it indexed.
func (ix *Index) Reindex(ctx context.Context) (int, error) {
	ix.addMu.Lock()
	defer ix.addMu.Unlock()
	if err := ix.createBleve(); err != nil {
		return 0, err
	}
	return ix.rebuild(ctx)
}

// rebuild indexes every stored raw readout into a fresh bleve index,
// keeping the time each was first ingested.
func (ix *Index) rebuild(ctx context.Context) (int, error) {
	ids, err := ix.store.rawIDs()
	if err != nil {
		return 0, err
	}
	if len(ids) > 0 {
		ix.log.Info("rebuilding index", "readouts", len(ids))
	}
	if err := ix.store.resetTerms(); err != nil {
		return 0, err
	}
	n := 0
	for start := 0; start < len(ids); start += batchSize {
		if err := ctx.Err(); err != nil {
			return n, err
		}
		chunk, err := ix.store.raws(ids[start:min(start+batchSize, len(ids))])
		if err != nil {
			return n, err
		}
		rs := make([]Readout, len(chunk))
		for i, c := range chunk {
			rs[i] = c.raw
		}
		ex := extractAll(ctx, rs, ix.extract)
		var items []storeItem
		batch := ix.bleve.NewBatch()
		for i, e := range ex {
			if e.err != nil {
				ix.log.Warn("readout no longer extracts", "readout", rs[i].Name, "err", e.err)
				continue
			}
			m := e.m
			m.ID = chunk[i].id // keep the id the raw is stored under
			m.Ingested = chunk[i].ingested
			if m.Ingested.IsZero() {
				m.Ingested = ix.now().UTC()
			}
			items = append(items, storeItem{raw: rs[i], meeting: m})
			doc, err := toDoc(ix.bleve.Mapping(), m.ID, m)
			if err == nil {
				err = batch.IndexAdvanced(doc)
			}
			if err != nil {
				return n, fmt.Errorf("index %s: %w", rs[i].Name, err)
			}
		}
		if err := ix.store.putMeetings(items); err != nil {
			return n, err
		}
		if err := ix.bleve.Batch(batch); err != nil {
			return n, fmt.Errorf("index batch: %w", err)
		}
		for _, it := range items {
			ix.terms.addTerms(it.meeting, it.terms)
		}
		n += len(items)
	}
	return n, nil
}

// Meeting returns the meeting with id, or with the only id that starts with
// it (at least 4 characters); ErrNotFound otherwise.
func (ix *Index) Meeting(ctx context.Context, id string) (Meeting, error) {
	return ix.store.meeting(id)
}

// Stats summarise the index.
type Stats struct {
	// Meetings is how many meetings are indexed.
	Meetings int
	// First and Last are the earliest and latest meeting dates (YYYY-MM-DD).
	First, Last string
}

// Stats counts the meetings and finds the date range they span.
func (ix *Index) Stats(ctx context.Context) (Stats, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	n, err := ix.bleve.DocCount()
	if err != nil {
		return Stats{}, fmt.Errorf("count meetings: %w", err)
	}
	s := Stats{Meetings: int(n)}
	if n == 0 {
		return s, nil
	}
	s.First, s.Last, err = ix.dateSpan()
	return s, err
}
