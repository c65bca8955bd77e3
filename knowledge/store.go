package knowledge

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/golang/snappy"
	bolt "go.etcd.io/bbolt"
)

// store keeps what the bleve index is built from, in one bbolt file: each
// raw readout (the source of truth for Reindex) together with the meeting
// extracted from it (so answers and listings read a meeting with one key
// lookup), and which readout name made which meeting id.
type store struct {
	db *bolt.DB
	// enc is scratch space for encoding values, used only inside a
	// write transaction (bbolt runs one at a time).
	enc bytes.Buffer
}

var (
	bucketMeta    = []byte("meta")
	bucketReadout = []byte("readout") // meeting id -> raw readout and meeting (encodeRecord)
	bucketName    = []byte("name")    // readout name -> meeting id
	bucketTitle   = []byte("title")   // meeting id -> date NUL title, for suggestions
	keyMapping    = []byte("mapping_version")

	// Stores made before the readout bucket kept the two apart; openStore
	// moves them into it.
	bucketRaw     = []byte("raw")     // meeting id -> Readout JSON
	bucketMeeting = []byte("meeting") // meeting id -> Meeting JSON
)

func openStore(path string) (*store, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return nil, fmt.Errorf("open raw store: %w", err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketMeta, bucketReadout, bucketName, bucketTitle} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = joinRawAndMeetings(db)
	}
	if err == nil {
		err = db.Update(func(tx *bolt.Tx) error {
			if tx.Bucket(bucketTerms) != nil {
				return nil
			}
			if _, err := tx.CreateBucket(bucketTerms); err != nil {
				return err
			}
			_, err := countStoredTerms(tx)
			return err
		})
	}
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

// decodeMeeting reads the meeting in a readout record, taking its text
// from the raw readout when it was left out. ErrNotFound when the record
// holds no meeting.
func decodeMeeting(v []byte, m *Meeting) error {
	rawJSON, meetingJSON, err := decodeRecord(v)
	if err != nil {
		return err
	}
	if len(meetingJSON) == 0 {
		return ErrNotFound
	}
	var rec storedMeeting
	if err := json.Unmarshal(meetingJSON, &rec); err != nil {
		return err
	}
	*m = Meeting(rec.meetingRecord)
	if rec.TextInRaw {
		var r struct{ Text string }
		if err := json.Unmarshal(rawJSON, &r); err != nil {
			return fmt.Errorf("raw text: %w", err)
		}
		m.Text = r.Text
	}
	return nil
}

// A readout record is a raw readout's JSON and its meeting's, compressed
// together behind a one-byte tag: the meeting's positions quote the text,
// so the two compress to about two thirds of what they take apart, and one
// write stores both. Inside the compressed block, four bytes give the
// length of the readout's JSON; the meeting's follows it (or nothing, for
// a readout whose meeting was never stored).
const tagRecord = 0x02

// encodeRecord encodes raw and its meeting m (nil for none); buf is
// scratch space.
func encodeRecord(buf *bytes.Buffer, raw Readout, m *storedMeeting) ([]byte, error) {
	buf.Reset()
	buf.Write([]byte{0, 0, 0, 0})
	enc := json.NewEncoder(buf) // escapes HTML, as json.Marshal does
	if err := enc.Encode(raw); err != nil {
		return nil, err
	}
	buf.Truncate(buf.Len() - 1) // Encode's newline
	binary.BigEndian.PutUint32(buf.Bytes(), uint32(buf.Len()-4))
	if m != nil {
		if err := enc.Encode(m); err != nil {
			return nil, err
		}
		buf.Truncate(buf.Len() - 1)
	}
	return compressTagged(tagRecord, buf.Bytes()), nil
}

// joinRecord is encodeRecord for JSON already encoded (a store being
// moved into the readout bucket).
func joinRecord(rawJSON, meetingJSON []byte) []byte {
	data := make([]byte, 4, 4+len(rawJSON)+len(meetingJSON))
	binary.BigEndian.PutUint32(data, uint32(len(rawJSON)))
	data = append(append(data, rawJSON...), meetingJSON...)
	return compressTagged(tagRecord, data)
}

func compressTagged(tag byte, data []byte) []byte {
	out := make([]byte, 1+snappy.MaxEncodedLen(len(data)))
	out[0] = tag
	n := len(snappy.Encode(out[1:], data))
	return out[: 1+n : 1+n]
}

// decodeRecord splits a readout record into the readout's JSON and the
// meeting's (empty when it has none).
func decodeRecord(v []byte) (rawJSON, meetingJSON []byte, err error) {
	if len(v) == 0 || v[0] != tagRecord {
		return nil, nil, fmt.Errorf("readout record: unknown encoding")
	}
	data, err := snappy.Decode(nil, v[1:])
	if err != nil {
		return nil, nil, fmt.Errorf("readout record: decompress: %w", err)
	}
	if len(data) < 4 {
		return nil, nil, fmt.Errorf("readout record: too short")
	}
	n := binary.BigEndian.Uint32(data)
	if uint64(n) > uint64(len(data)-4) {
		return nil, nil, fmt.Errorf("readout record: readout length %d of %d", n, len(data)-4)
	}
	return data[4 : 4+n], data[4+n:], nil
}

// joinRawAndMeetings moves a store made before the readout bucket (raw
// readouts and meetings in buckets of their own) into it, a thousand
// readouts per transaction; it does nothing for a store already moved.
func joinRawAndMeetings(db *bolt.DB) error {
	old := false
	if err := db.View(func(tx *bolt.Tx) error {
		old = tx.Bucket(bucketRaw) != nil || tx.Bucket(bucketMeeting) != nil
		return nil
	}); err != nil || !old {
		return err // a moved store needs no write transaction at start-up
	}
	for {
		done := false
		err := db.Update(func(tx *bolt.Tx) error {
			raw, mt := tx.Bucket(bucketRaw), tx.Bucket(bucketMeeting)
			if raw == nil {
				done = true
				if mt != nil {
					return tx.DeleteBucket(bucketMeeting)
				}
				return nil
			}
			rd := tx.Bucket(bucketReadout)
			var keys [][]byte
			c := raw.Cursor()
			for k, v := c.First(); k != nil && len(keys) < 1000; k, v = c.Next() {
				rawJSON, err := plainJSON(v)
				if err != nil {
					return fmt.Errorf("raw %s: %w", k, err)
				}
				var meetingJSON []byte
				if mt != nil {
					if mv := mt.Get(k); mv != nil {
						if meetingJSON, err = plainJSON(mv); err != nil {
							return fmt.Errorf("meeting %s: %w", k, err)
						}
					}
				}
				if err := rd.Put(k, joinRecord(rawJSON, meetingJSON)); err != nil {
					return err
				}
				keys = append(keys, slices.Clone(k))
			}
			if len(keys) == 0 {
				if err := tx.DeleteBucket(bucketRaw); err != nil {
					return err
				}
				if mt != nil {
					return tx.DeleteBucket(bucketMeeting)
				}
				return nil
			}
			for _, k := range keys {
				if err := raw.Delete(k); err != nil {
					return err
				}
				if mt != nil {
					if err := mt.Delete(k); err != nil {
						return err
					}
				}
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("move readouts into one bucket: %w", err)
		}
		if done {
			return nil
		}
	}
}

// Older stores hold JSON compressed with snappy behind a one-byte tag, or
// plain JSON untagged.
const tagSnappyJSON = 0x01

// plainJSON is the JSON in an older store's value.
func plainJSON(b []byte) ([]byte, error) {
	if len(b) > 0 && b[0] == tagSnappyJSON {
		data, err := snappy.Decode(nil, b[1:])
		if err != nil {
			return nil, fmt.Errorf("decompress: %w", err)
		}
		return data, nil
	}
	return b, nil
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
		rd, names := tx.Bucket(bucketReadout), tx.Bucket(bucketName)
		terms := termDeltas{}
		for i, it := range items {
			id := []byte(it.meeting.ID)
			if old := rd.Get(id); old != nil {
				var prev Meeting
				err := decodeMeeting(old, &prev)
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
			if err := s.putRecord(rd, id, it); err != nil {
				return err
			}
			if err := tx.Bucket(bucketTitle).Put(id, titleValue(it.meeting)); err != nil {
				return err
			}
			name := []byte(it.raw.Name)
			if prevID := names.Get(name); prevID != nil && !bytes.Equal(prevID, id) {
				if v := rd.Get(prevID); v != nil {
					var prev Meeting
					if decodeMeeting(v, &prev) == nil {
						terms.add(prev, -1)
					}
				}
				if err := tx.Bucket(bucketTitle).Delete(prevID); err != nil {
					return err
				}
				if err := rd.Delete(prevID); err != nil {
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
		rd := tx.Bucket(bucketReadout)
		terms := termDeltas{}
		for i, it := range items {
			if err := s.putRecord(rd, []byte(it.meeting.ID), it); err != nil {
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

// putRecord stores it's readout and meeting under key; call it only
// inside a write transaction.
func (s *store) putRecord(b *bolt.Bucket, key []byte, it storeItem) error {
	m := encodeMeeting(it.meeting, it.raw)
	data, err := encodeRecord(&s.enc, it.raw, &m)
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
		if mv := tx.Bucket(bucketReadout).Get(v); mv != nil {
			var prev Meeting
			if decodeMeeting(mv, &prev) == nil {
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
		return tx.Bucket(bucketReadout).Delete(v)
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
		return tx.Bucket(bucketReadout).ForEach(func(k, v []byte) error {
			if titles.Get(k) != nil {
				return nil
			}
			_, meetingJSON, err := decodeRecord(v)
			if err != nil {
				return fmt.Errorf("meeting %s: %w", k, err)
			}
			if len(meetingJSON) == 0 {
				return nil
			}
			var m struct {
				Title string `json:"title"`
				Date  string `json:"date"`
			}
			if err := json.Unmarshal(meetingJSON, &m); err != nil {
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
		return tx.Bucket(bucketReadout).ForEach(func(k, _ []byte) error {
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
		rd := tx.Bucket(bucketReadout)
		for _, id := range ids {
			v := rd.Get([]byte(id))
			if v == nil {
				continue
			}
			e := rawEntry{id: id}
			rawJSON, meetingJSON, err := decodeRecord(v)
			if err != nil {
				return fmt.Errorf("raw %s: %w", id, err)
			}
			if err := json.Unmarshal(rawJSON, &e.raw); err != nil {
				return fmt.Errorf("raw %s: %w", id, err)
			}
			if len(meetingJSON) > 0 {
				var ing struct {
					Ingested time.Time `json:"ingested"`
				}
				if json.Unmarshal(meetingJSON, &ing) == nil {
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
		b := tx.Bucket(bucketReadout)
		v := b.Get([]byte(id))
		if v == nil && len(id) >= 4 {
			c := b.Cursor()
			k, cv := c.Seek([]byte(id))
			if k != nil && bytes.HasPrefix(k, []byte(id)) {
				if k2, _ := c.Next(); k2 != nil && bytes.HasPrefix(k2, []byte(id)) {
					return fmt.Errorf("id prefix %q is ambiguous: %w", id, ErrNotFound)
				}
				v = cv
			}
		}
		if v == nil {
			return fmt.Errorf("meeting %q: %w", id, ErrNotFound)
		}
		if err := decodeMeeting(v, &m); err != nil {
			return fmt.Errorf("meeting %q: %w", id, err)
		}
		return nil
	})
	return m, err
}

// meetings reads meetings by id, in the order given, skipping missing ones.
func (s *store) meetings(ids []string) ([]Meeting, error) {
	out := make([]Meeting, 0, len(ids))
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketReadout)
		for _, id := range ids {
			v := b.Get([]byte(id))
			if v == nil {
				continue
			}
			var m Meeting
			if err := decodeMeeting(v, &m); errors.Is(err, ErrNotFound) {
				continue
			} else if err != nil {
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
