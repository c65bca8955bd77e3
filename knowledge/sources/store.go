package sources

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Buckets of the state file.
var (
	bucketSources  = []byte("sources")  // source name -> sourceRecord
	bucketItems    = []byte("items")    // normalised URL -> itemRecord
	bucketHashes   = []byte("hashes")   // text hash -> normalised URL
	bucketMeetings = []byte("meetings") // meeting id -> meetingRecord
	// bucketFiles exists once a Watcher has recorded the data folder.
	bucketFiles = []byte("files") // readout name -> fileStamp
)

// Store keeps what the sources have seen and how they are doing, in a bbolt
// file. The file is opened for each batch of work and closed after, so
// `readoutbot sources` can read it while the bot runs.
type Store struct {
	path string
	mu   sync.Mutex // one open at a time in this process
}

// stores shares one Store per file in this process, so a Poller and a
// Watcher on the same file take turns instead of waiting on the file lock.
var (
	storesMu sync.Mutex
	stores   = map[string]*Store{}
)

// OpenStore returns the store kept at path; the file is made on first write.
func OpenStore(path string) *Store {
	key := path
	if abs, err := filepath.Abs(path); err == nil {
		key = abs
	}
	storesMu.Lock()
	defer storesMu.Unlock()
	if s, ok := stores[key]; ok {
		return s
	}
	s := &Store{path: path}
	stores[key] = s
	return s
}

// Path is the state file's path.
func (s *Store) Path() string { return s.path }

// SourceHealth is how one source is doing, for `/sources`, `readoutbot
// sources` and the admin notice.
type SourceHealth struct {
	Name string `json:"name"`
	URL  string `json:"url"`
	Kind Kind   `json:"kind"`
	// Interval is the configured poll interval.
	Interval time.Duration `json:"interval"`
	// LastFetch is the last attempt, successful or not.
	LastFetch time.Time `json:"last_fetch,omitzero"`
	// LastSuccess is the last fetch that worked (a 304 counts).
	LastSuccess time.Time `json:"last_success,omitzero"`
	// LastNew is when an item that was new (not backfill) was last indexed.
	LastNew time.Time `json:"last_new,omitzero"`
	// Items counts readouts indexed from this source, Backfill of which
	// came from its backlog on the first run.
	Items    int `json:"items"`
	Backfill int `json:"backfill"`
	// LastError is the last problem, with the URL it concerns.
	LastError   string    `json:"last_error,omitempty"`
	LastErrorAt time.Time `json:"last_error_at,omitzero"`
	// Failures counts fetches of the feed or listing that failed in a row.
	Failures int `json:"failures"`
	// Flagged is set when the source failed FlagAfterFailures times in a row
	// or has produced nothing for much longer than usual; Reason says which.
	Flagged bool   `json:"flagged"`
	Reason  string `json:"reason,omitempty"`
	// UsualGap is the median time between the source's items, when known.
	UsualGap time.Duration `json:"usual_gap,omitempty"`
}

// sourceRecord is what the state file keeps per source.
type sourceRecord struct {
	Health       SourceHealth `json:"health"`
	ETag         string       `json:"etag,omitempty"`
	LastModified string       `json:"last_modified,omitempty"`
	// FirstPoll is the first successful fetch: what the source listed then
	// is its backlog.
	FirstPoll time.Time `json:"first_poll,omitzero"`
	// LastItem is the latest publication (or first-seen) time of an item.
	LastItem time.Time `json:"last_item,omitzero"`
	// Times are the publication times of the latest items, for UsualGap.
	Times []time.Time `json:"times,omitempty"`
}

// Item states.
const (
	itemIndexed    = "indexed"
	itemPending    = "pending" // listed in the backlog, not fetched yet
	itemNotReadout = "not_readout"
	itemDuplicate  = "duplicate"
	itemError      = "error"  // fetch or read failed; tried again
	itemFailed     = "failed" // failed maxItemAttempts times; given up
)

// maxItemAttempts is how often an item's page is tried before giving up.
const maxItemAttempts = 3

// itemRecord is what the state file keeps per item URL.
type itemRecord struct {
	Source    string    `json:"source,omitempty"`
	Status    string    `json:"status"`
	MeetingID string    `json:"meeting_id,omitempty"`
	Hash      string    `json:"hash,omitempty"`
	FirstSeen time.Time `json:"first_seen"`
	Published string    `json:"published,omitempty"`
	Backfill  bool      `json:"backfill,omitempty"`
	Attempts  int       `json:"attempts,omitempty"`
	Err       string    `json:"err,omitempty"`
}

// done reports whether the item needs no more work.
func (it itemRecord) done() bool {
	switch it.Status {
	case itemPending, itemError:
		return false
	}
	return true
}

type meetingRecord struct {
	URL      string `json:"url"`
	Source   string `json:"source,omitempty"`
	Backfill bool   `json:"backfill,omitempty"`
}

// lockTimeout bounds the wait for another process holding the file.
const lockTimeout = 10 * time.Second

// update runs fn in a write transaction on a freshly opened file.
func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := os.MkdirAll(filepath.Dir(s.path), 0o755); err != nil {
		return fmt.Errorf("sources state: %w", err)
	}
	db, err := bolt.Open(s.path, 0o600, &bolt.Options{Timeout: lockTimeout})
	if err != nil {
		return fmt.Errorf("open sources state %s: %w", s.path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketSources, bucketItems, bucketHashes, bucketMeetings} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return fn(tx)
	})
	if cerr := db.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sources state %s: %w", s.path, err)
	}
	return nil
}

// view runs fn in a read transaction; a missing file reads as empty.
func (s *Store) view(fn func(tx *bolt.Tx) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, err := os.Stat(s.path); errors.Is(err, os.ErrNotExist) {
		return fn(nil)
	}
	db, err := bolt.Open(s.path, 0o600, &bolt.Options{Timeout: lockTimeout, ReadOnly: true})
	if err != nil {
		return fmt.Errorf("open sources state %s: %w", s.path, err)
	}
	err = db.View(fn)
	if cerr := db.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("sources state %s: %w", s.path, err)
	}
	return nil
}

// getJSON reads key of bucket b into v; it reports whether the key exists.
// tx may be nil (no file yet).
func getJSON(tx *bolt.Tx, b []byte, key string, v any) (bool, error) {
	if tx == nil {
		return false, nil
	}
	bk := tx.Bucket(b)
	if bk == nil {
		return false, nil
	}
	data := bk.Get([]byte(key))
	if data == nil {
		return false, nil
	}
	if err := json.Unmarshal(data, v); err != nil {
		return true, fmt.Errorf("decode %s %q: %w", b, key, err)
	}
	return true, nil
}

func putJSON(tx *bolt.Tx, b []byte, key string, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return tx.Bucket(b).Put([]byte(key), data)
}

// source reads a source's record (zero when never polled).
func (s *Store) source(name string) (sourceRecord, error) {
	var rec sourceRecord
	err := s.view(func(tx *bolt.Tx) error {
		_, err := getJSON(tx, bucketSources, name, &rec)
		return err
	})
	return rec, err
}

// putSource writes a source's record.
func (s *Store) putSource(name string, rec sourceRecord) error {
	return s.update(func(tx *bolt.Tx) error { return putJSON(tx, bucketSources, name, rec) })
}

// items reads the records of urls (normalised); missing ones are absent.
func (s *Store) items(urls []string) (map[string]itemRecord, error) {
	out := map[string]itemRecord{}
	err := s.view(func(tx *bolt.Tx) error {
		for _, u := range urls {
			var it itemRecord
			ok, err := getJSON(tx, bucketItems, u, &it)
			if err != nil {
				return err
			}
			if ok {
				out[u] = it
			}
		}
		return nil
	})
	return out, err
}

// putItems records items under their URLs, and pending ones only where no
// record exists.
func (s *Store) putItems(items map[string]itemRecord) error {
	return s.update(func(tx *bolt.Tx) error {
		for u, it := range items {
			if it.Status == itemPending && tx.Bucket(bucketItems).Get([]byte(u)) != nil {
				continue
			}
			if err := putJSON(tx, bucketItems, u, it); err != nil {
				return err
			}
		}
		return nil
	})
}

// hashURL returns the URL already indexed with this text hash, or "".
func (s *Store) hashURL(hash string) (string, error) {
	var u string
	err := s.view(func(tx *bolt.Tx) error {
		if tx == nil {
			return nil
		}
		if b := tx.Bucket(bucketHashes); b != nil {
			u = string(b.Get([]byte(hash)))
		}
		return nil
	})
	return u, err
}

// recordIndexed writes an indexed item under each of its URLs, its text
// hash and its meeting id, and the source record, in one transaction.
func (s *Store) recordIndexed(urls []string, it itemRecord, source string, rec *sourceRecord) error {
	return s.update(func(tx *bolt.Tx) error {
		for _, u := range urls {
			if err := putJSON(tx, bucketItems, u, it); err != nil {
				return err
			}
		}
		if it.Hash != "" && len(urls) > 0 {
			if err := tx.Bucket(bucketHashes).Put([]byte(it.Hash), []byte(urls[0])); err != nil {
				return err
			}
		}
		if it.MeetingID != "" && len(urls) > 0 {
			if err := putJSON(tx, bucketMeetings, it.MeetingID, meetingRecord{URL: urls[0], Source: it.Source, Backfill: it.Backfill}); err != nil {
				return err
			}
		}
		if rec != nil {
			return putJSON(tx, bucketSources, source, *rec)
		}
		return nil
	})
}

// Backfilled reports which of the given meeting ids came in as a source's
// backlog, so a digest does not announce them as new.
func (s *Store) Backfilled(ctx context.Context, ids ...string) (map[string]bool, error) {
	out := map[string]bool{}
	err := s.view(func(tx *bolt.Tx) error {
		for _, id := range ids {
			if err := ctx.Err(); err != nil {
				return err
			}
			var m meetingRecord
			ok, err := getJSON(tx, bucketMeetings, id, &m)
			if err != nil {
				return err
			}
			if ok && m.Backfill {
				out[id] = true
			}
		}
		return nil
	})
	return out, err
}

// BackfillIDs returns the ids of every meeting that came in as a source's
// backlog, for a digest to leave out.
func (s *Store) BackfillIDs(ctx context.Context) (map[string]bool, error) {
	out := map[string]bool{}
	err := s.view(func(tx *bolt.Tx) error {
		if tx == nil || tx.Bucket(bucketMeetings) == nil {
			return nil
		}
		return tx.Bucket(bucketMeetings).ForEach(func(k, v []byte) error {
			if err := ctx.Err(); err != nil {
				return err
			}
			var m meetingRecord
			if err := json.Unmarshal(v, &m); err != nil {
				return fmt.Errorf("decode meeting %q: %w", k, err)
			}
			if m.Backfill {
				out[string(k)] = true
			}
			return nil
		})
	})
	return out, err
}

// Health returns the recorded health of each named source, in that order;
// sources never polled have only their name. With no names it returns every
// source the file knows, by name.
func (s *Store) Health(ctx context.Context, names ...string) ([]SourceHealth, error) {
	var out []SourceHealth
	err := s.view(func(tx *bolt.Tx) error {
		if len(names) == 0 && tx != nil {
			if b := tx.Bucket(bucketSources); b != nil {
				_ = b.ForEach(func(k, _ []byte) error {
					names = append(names, string(k))
					return nil
				})
			}
		}
		for _, n := range names {
			if err := ctx.Err(); err != nil {
				return err
			}
			var rec sourceRecord
			if _, err := getJSON(tx, bucketSources, n, &rec); err != nil {
				return err
			}
			h := rec.Health
			h.Name = n
			out = append(out, h)
		}
		return nil
	})
	return out, err
}

// normalizeURL makes equal links compare equal: lower-case scheme and
// host, no default port, no fragment, no tracking parameters.
func normalizeURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return strings.TrimSpace(raw)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if (u.Scheme == "http" && u.Port() == "80") || (u.Scheme == "https" && u.Port() == "443") {
		u.Host = u.Hostname()
	}
	u.Fragment = ""
	u.RawFragment = ""
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			lk := strings.ToLower(k)
			if strings.HasPrefix(lk, "utm_") || lk == "fbclid" || lk == "gclid" {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode()
	}
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String()
}

// textHash identifies a readout's words, whatever the page around them:
// case and spacing do not count.
func textHash(text string) string {
	norm := strings.Join(strings.Fields(strings.ToLower(text)), " ")
	sum := sha256.Sum256([]byte(norm))
	return hex.EncodeToString(sum[:16])
}

// usualGap is the median gap between times, or 0 with fewer than three.
func usualGap(times []time.Time) time.Duration {
	if len(times) < 3 {
		return 0
	}
	ts := append([]time.Time(nil), times...)
	sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
	gaps := make([]time.Duration, 0, len(ts)-1)
	for i := 1; i < len(ts); i++ {
		gaps = append(gaps, ts[i].Sub(ts[i-1]))
	}
	sort.Slice(gaps, func(i, j int) bool { return gaps[i] < gaps[j] })
	return gaps[(len(gaps)-1)/2] // the lower median
}

// DefaultStatePath is where the state file goes by default: beside the
// index folder, so it survives a rebuilt index.
func DefaultStatePath(indexDir string) string {
	return filepath.Join(filepath.Dir(filepath.Clean(indexDir)), "sources.db")
}

// fileStamps returns the data-folder files a Watcher recorded; ok is false
// when none ever did.
func (s *Store) fileStamps() (map[string]fileStamp, bool, error) {
	out := map[string]fileStamp{}
	ok := false
	err := s.view(func(tx *bolt.Tx) error {
		if tx == nil || tx.Bucket(bucketFiles) == nil {
			return nil
		}
		ok = true
		return tx.Bucket(bucketFiles).ForEach(func(k, v []byte) error {
			var st fileStamp
			if err := json.Unmarshal(v, &st); err != nil {
				return fmt.Errorf("decode file %q: %w", k, err)
			}
			out[string(k)] = st
			return nil
		})
	})
	return out, ok, err
}

// putFileStamps records changed files; a zero stamp deletes the entry.
func (s *Store) putFileStamps(changed map[string]fileStamp) error {
	return s.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketFiles)
		if err != nil {
			return err
		}
		for name, st := range changed {
			if st == (fileStamp{}) {
				if err := b.Delete([]byte(name)); err != nil {
					return err
				}
				continue
			}
			if err := putJSON(tx, bucketFiles, name, st); err != nil {
				return err
			}
		}
		return nil
	})
}
