package knowledge

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/golang/snappy"
	bolt "go.etcd.io/bbolt"
)

// store keeps what the bleve index is built from, in one bbolt file: each
// raw readout (the source of truth for Reindex), the meeting extracted from
// it (so answers and listings read a meeting with one key lookup), and which
// readout name made which meeting id.
type store struct {
	db *bolt.DB
	// enc is scratch space for encoding values, used only inside a
	// write transaction (bbolt runs one at a time).
	enc bytes.Buffer
}

var (
	bucketMeta    = []byte("meta")
	bucketRaw     = []byte("raw")     // meeting id -> Readout JSON
	bucketMeeting = []byte("meeting") // meeting id -> Meeting JSON
	bucketName    = []byte("name")    // readout name -> meeting id
	bucketTitle   = []byte("title")   // meeting id -> date NUL title, for suggestions
	keyMapping    = []byte("mapping_version")
)

func openStore(path string) (*store, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return nil, fmt.Errorf("open raw store: %w", err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketMeta, bucketRaw, bucketMeeting, bucketName, bucketTitle} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		if tx.Bucket(bucketTerms) != nil {
			return nil
		}
		if _, err := tx.CreateBucket(bucketTerms); err != nil {
			return err
		}
		_, err := countStoredTerms(tx)
		return err
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("init raw store: %w", err)
	}
	return &store{db: db}, nil
}

func (s *store) close() error { return s.db.Close() }

// mappingVersion is the mapping the bleve index was built with; 0 when none.
func (s *store) mappingVersion() (int, error) {
	var v int
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketMeta).Get(keyMapping)
		if b == nil {
			return nil
		}
		n, err := strconv.Atoi(string(b))
		v = n
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("read mapping version: %w", err)
	}
	return v, nil
}

func (s *store) setMappingVersion(v int) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketMeta).Put(keyMapping, []byte(strconv.Itoa(v)))
	})
	if err != nil {
		return fmt.Errorf("write mapping version: %w", err)
	}
	return nil
}

// meetingRecord is how a meeting is stored: plain JSON without Meeting's
// null-for-empty contract, which decodes in one pass.
type meetingRecord Meeting

// storedMeeting is a stored meeting. Its text is left out when it is the
// raw readout's text, which is stored beside it anyway (TextInRaw).
type storedMeeting struct {
	meetingRecord
	TextInRaw bool `json:"text_in_raw,omitempty"`
}

func encodeMeeting(m Meeting, raw Readout) storedMeeting {
	rec := storedMeeting{meetingRecord: meetingRecord(m)}
	if m.Text != "" && m.Text == raw.Text {
		rec.Text, rec.TextInRaw = "", true
	}
	return rec
}

// decodeMeeting reads the meeting stored under key in tx, taking its text
// from the raw readout when it was left out.
func decodeMeeting(tx *bolt.Tx, key, b []byte, m *Meeting) error {
	var rec storedMeeting
	if err := decodeJSON(b, &rec); err != nil {
		return err
	}
	*m = Meeting(rec.meetingRecord)
	if rec.TextInRaw {
		var r struct{ Text string }
		if v := tx.Bucket(bucketRaw).Get(key); v != nil {
			if err := decodeJSON(v, &r); err != nil {
				return fmt.Errorf("raw text: %w", err)
			}
		}
		m.Text = r.Text
	}
	return nil
}

// Stored values are JSON compressed with snappy behind a one-byte tag
// (texts shrink to about a third, so the file, its page cache and the
// process's mapped memory do too); untagged values are plain JSON.
const tagSnappyJSON = 0x01

// encodeJSON is json.Marshal's output compressed behind the tag; buf is
// scratch space for the JSON, which is only read while it is compressed.
func encodeJSON(buf *bytes.Buffer, v any) ([]byte, error) {
	buf.Reset()
	if err := json.NewEncoder(buf).Encode(v); err != nil { // escapes HTML, as Marshal does
		return nil, err
	}
	data := bytes.TrimSuffix(buf.Bytes(), []byte("\n")) // Encode's newline
	out := make([]byte, 1+snappy.MaxEncodedLen(len(data)))
	out[0] = tagSnappyJSON
	n := len(snappy.Encode(out[1:], data))
	return out[: 1+n : 1+n], nil
}

func decodeJSON(b []byte, v any) error {
	if len(b) > 0 && b[0] == tagSnappyJSON {
		data, err := snappy.Decode(nil, b[1:])
		if err != nil {
			return fmt.Errorf("decompress: %w", err)
		}
		b = data
	}
	return json.Unmarshal(b, v)
}

// storeItem is one readout and its meeting on the way into the store.
type storeItem struct {
	raw     Readout
	meeting Meeting
	result  int // index into the caller's results
	// terms are the meeting's autocomplete values (meetingTerms), found
	// once for the store's counts and the in-memory lists.
	terms []termKey
}

// putResult says what put did with one item.
type putResult struct {
	meeting Meeting // the meeting now stored under the id
	changed bool
}

// put stores new and edited readouts in one transaction. An item whose
// meeting id already holds the same hash is left alone (changed false). It
// also returns ids that were dropped because their readout name now makes a
// different id (a file whose source URL was edited).
func (s *store) put(items []storeItem) ([]putResult, []string, error) {
	out, removed, wait, err := s.putAsync(items)
	if err != nil {
		return nil, nil, err
	}
	return out, removed, wait()
}

// putAsync is put with the commit, its slowest part (writing pages and
// fsync), left running: the caller indexes the chunk in bleve meanwhile and
// must call wait, which returns the commit's error, before it returns.
// Until then readers still see the store as it was.
func (s *store) putAsync(items []storeItem) ([]putResult, []string, func() error, error) {
	out := make([]putResult, len(items))
	var removed []string
	tx, err := s.db.Begin(true)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("store readouts: %w", err)
	}
	err = func() error {
		raw, mt, names := tx.Bucket(bucketRaw), tx.Bucket(bucketMeeting), tx.Bucket(bucketName)
		terms := termDeltas{}
		for i, it := range items {
			id := []byte(it.meeting.ID)
			if old := mt.Get(id); old != nil {
				var prev Meeting
				err := decodeMeeting(tx, id, old, &prev)
				if err == nil && prev.Hash == it.meeting.Hash {
					out[i] = putResult{meeting: prev}
					continue
				}
				if err == nil {
					terms.add(prev, -1)
				}
			}
			if items[i].terms == nil {
				items[i].terms = meetingTerms(it.meeting)
			}
			terms.addKeys(items[i].terms, 1)
			if err := s.putJSON(raw, id, it.raw); err != nil {
				return err
			}
			if err := s.putJSON(mt, id, encodeMeeting(it.meeting, it.raw)); err != nil {
				return err
			}
			if err := tx.Bucket(bucketTitle).Put(id, titleValue(it.meeting)); err != nil {
				return err
			}
			name := []byte(it.raw.Name)
			if prevID := names.Get(name); prevID != nil && !bytes.Equal(prevID, id) {
				if v := mt.Get(prevID); v != nil {
					var prev Meeting
					if decodeMeeting(tx, prevID, v, &prev) == nil {
						terms.add(prev, -1)
					}
				}
				if err := tx.Bucket(bucketTitle).Delete(prevID); err != nil {
					return err
				}
				if err := raw.Delete(prevID); err != nil {
					return err
				}
				if err := mt.Delete(prevID); err != nil {
					return err
				}
				removed = append(removed, string(prevID))
			}
			if len(name) > 0 {
				if err := names.Put(name, id); err != nil {
					return err
				}
			}
			out[i] = putResult{meeting: it.meeting, changed: true}
		}
		return terms.apply(tx)
	}()
	if err != nil {
		_ = tx.Rollback()
		return nil, nil, nil, fmt.Errorf("store readouts: %w", err)
	}
	done := make(chan error, 1)
	go func() { done <- tx.Commit() }()
	wait := func() error {
		if err := <-done; err != nil {
			return fmt.Errorf("store readouts: commit: %w", err)
		}
		return nil
	}
	return out, removed, wait, nil
}

// putMeetings overwrites the meetings of items (in a rebuild, which has
// reset the term counts first) and counts their terms.
func (s *store) putMeetings(items []storeItem) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		mt := tx.Bucket(bucketMeeting)
		terms := termDeltas{}
		for i, it := range items {
			if err := s.putJSON(mt, []byte(it.meeting.ID), encodeMeeting(it.meeting, it.raw)); err != nil {
				return err
			}
			if err := tx.Bucket(bucketTitle).Put([]byte(it.meeting.ID), titleValue(it.meeting)); err != nil {
				return err
			}
			if items[i].terms == nil {
				items[i].terms = meetingTerms(it.meeting)
			}
			terms.addKeys(items[i].terms, 1)
		}
		return terms.apply(tx)
	})
	if err != nil {
		return fmt.Errorf("store meetings: %w", err)
	}
	return nil
}

// putJSON stores v under key; call it only inside a write transaction.
func (s *store) putJSON(b *bolt.Bucket, key []byte, v any) error {
	data, err := encodeJSON(&s.enc, v)
	if err != nil {
		return err
	}
	return b.Put(key, data)
}

// removeName deletes the readout called name and its meeting, returning the
// meeting id ("" when name is unknown).
func (s *store) removeName(name string) (string, error) {
	var id string
	err := s.db.Update(func(tx *bolt.Tx) error {
		names := tx.Bucket(bucketName)
		v := names.Get([]byte(name))
		if v == nil {
			return nil
		}
		id = string(v)
		if mv := tx.Bucket(bucketMeeting).Get(v); mv != nil {
			var prev Meeting
			if decodeMeeting(tx, v, mv, &prev) == nil {
				terms := termDeltas{}
				terms.add(prev, -1)
				if err := terms.apply(tx); err != nil {
					return err
				}
			}
		}
		if err := names.Delete([]byte(name)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketTitle).Delete(v); err != nil {
			return err
		}
		if err := tx.Bucket(bucketRaw).Delete(v); err != nil {
			return err
		}
		return tx.Bucket(bucketMeeting).Delete(v)
	})
	if err != nil {
		return "", fmt.Errorf("remove %s: %w", name, err)
	}
	return id, nil
}

// rawEntry is a stored raw readout with its id and first ingestion time.
type rawEntry struct {
	id       string
	raw      Readout
	ingested time.Time
}

func titleValue(m Meeting) []byte { return []byte(m.Date + "\x00" + m.Title) }

// titles calls fn with every stored meeting's id, date and title; it reads
// a small bucket, so Open can list meeting titles without decoding meetings.
func (s *store) titles(fn func(id, date, title string)) error {
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTitle).ForEach(func(k, v []byte) error {
			date, title, _ := strings.Cut(string(v), "\x00")
			fn(string(k), date, title)
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("read titles: %w", err)
	}
	return nil
}

// backfillTitles writes the title entry of every stored meeting that has
// none (an index made before titles were kept) and returns how many.
func (s *store) backfillTitles() (int, error) {
	n := 0
	err := s.db.Update(func(tx *bolt.Tx) error {
		titles := tx.Bucket(bucketTitle)
		return tx.Bucket(bucketMeeting).ForEach(func(k, v []byte) error {
			if titles.Get(k) != nil {
				return nil
			}
			var m struct {
				Title string `json:"title"`
				Date  string `json:"date"`
			}
			if err := decodeJSON(v, &m); err != nil {
				return fmt.Errorf("meeting %s: %w", k, err)
			}
			n++
			return titles.Put(k, []byte(m.Date+"\x00"+m.Title))
		})
	})
	if err != nil {
		return n, fmt.Errorf("backfill titles: %w", err)
	}
	return n, nil
}

// rawIDs lists the ids of all stored raw readouts, so a rebuild can read
// them a chunk at a time instead of all at once.
func (s *store) rawIDs() ([]string, error) {
	var out []string
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketRaw).ForEach(func(k, _ []byte) error {
			out = append(out, string(k))
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list raw readouts: %w", err)
	}
	return out, nil
}

// raws reads the raw readouts stored under ids.
func (s *store) raws(ids []string) ([]rawEntry, error) {
	var out []rawEntry
	err := s.db.View(func(tx *bolt.Tx) error {
		raw, mt := tx.Bucket(bucketRaw), tx.Bucket(bucketMeeting)
		for _, id := range ids {
			v := raw.Get([]byte(id))
			if v == nil {
				continue
			}
			e := rawEntry{id: id}
			if err := decodeJSON(v, &e.raw); err != nil {
				return fmt.Errorf("raw %s: %w", id, err)
			}
			if mv := mt.Get([]byte(id)); mv != nil {
				var ing struct {
					Ingested time.Time `json:"ingested"`
				}
				if decodeJSON(mv, &ing) == nil {
					e.ingested = ing.Ingested
				}
			}
			out = append(out, e)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read raw readouts: %w", err)
	}
	return out, nil
}

// meeting reads one meeting by id or unique id prefix.
func (s *store) meeting(id string) (Meeting, error) {
	var m Meeting
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketMeeting)
		key := []byte(id)
		v := b.Get(key)
		if v == nil && len(id) >= 4 {
			c := b.Cursor()
			k, cv := c.Seek([]byte(id))
			if k != nil && bytes.HasPrefix(k, []byte(id)) {
				key = slices.Clone(k)
				if k2, _ := c.Next(); k2 != nil && bytes.HasPrefix(k2, []byte(id)) {
					return fmt.Errorf("id prefix %q is ambiguous: %w", id, ErrNotFound)
				}
				v = cv
			}
		}
		if v == nil {
			return fmt.Errorf("meeting %q: %w", id, ErrNotFound)
		}
		return decodeMeeting(tx, key, v, &m)
	})
	return m, err
}

// meetings reads meetings by id, in the order given, skipping missing ones.
func (s *store) meetings(ids []string) ([]Meeting, error) {
	out := make([]Meeting, 0, len(ids))
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketMeeting)
		for _, id := range ids {
			v := b.Get([]byte(id))
			if v == nil {
				continue
			}
			var m Meeting
			if err := decodeMeeting(tx, []byte(id), v, &m); err != nil {
				return fmt.Errorf("meeting %s: %w", id, err)
			}
			out = append(out, m)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read meetings: %w", err)
	}
	return out, nil
}
