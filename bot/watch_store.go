package bot

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/readoutbot/readoutbot/knowledge"
	bolt "go.etcd.io/bbolt"
)

// WatchStoreFile is the name of the watchlist store, kept beside the index.
const WatchStoreFile = "watches.db"

// ErrNoWatch means a server has no watch with that id.
var ErrNoWatch = errors.New("no such watch")

// MaxWatchesPerGuild bounds one server's watchlist, so a mistake cannot
// flood a channel.
const MaxWatchesPerGuild = 25

// WatchEntry is one watch: what to look for in new readouts, where to post
// a notice, and which role to ping.
type WatchEntry struct {
	// ID numbers the watch for /watch remove.
	ID        int    `json:"id"`
	GuildID   string `json:"guild_id"`
	ChannelID string `json:"channel_id"`
	RoleID    string `json:"role_id"`
	knowledge.Watch
	CreatedBy string `json:"created_by,omitempty"`
	// Created is when the watch was added: readouts taken in before it are
	// not news to it.
	Created time.Time `json:"created"`
}

// Describe names what the watch looks for ("person: Ito, topic: trade").
func (w WatchEntry) Describe() string {
	var parts []string
	for _, f := range [][2]string{{"person", w.Person}, {"country", w.Country}, {"topic", w.Topic}} {
		if strings.TrimSpace(f[1]) != "" {
			parts = append(parts, f[0]+": "+strings.TrimSpace(f[1]))
		}
	}
	return strings.Join(parts, ", ")
}

// WatchStore keeps watches, the notices already fired (one per watch and
// readout) and how far new readouts were checked, in one bbolt file.
type WatchStore struct {
	db *bolt.DB
}

var (
	bucketWatches   = []byte("watches")    // id (8 bytes, big endian) -> WatchEntry
	bucketFired     = []byte("fired")      // "<id>/<meeting id>" -> time fired
	bucketWatchMeta = []byte("watch_meta") // "checked" -> RFC 3339 time
	keyChecked      = []byte("checked")
	keyStarted      = []byte("started")
)

// OpenWatchStore opens (creating) the store at path.
func OpenWatchStore(path string) (*WatchStore, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return nil, fmt.Errorf("open watch store: %w", err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketWatches, bucketFired, bucketWatchMeta} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("init watch store: %w", err)
	}
	return &WatchStore{db: db}, nil
}

// Close closes the store.
func (s *WatchStore) Close() error { return s.db.Close() }

func watchKey(id int) []byte {
	return binary.BigEndian.AppendUint64(nil, uint64(id))
}

// Add stores a new watch and gives it an id. It refuses a server's watch
// beyond MaxWatchesPerGuild.
func (s *WatchStore) Add(w WatchEntry) (WatchEntry, error) {
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketWatches)
		n := 0
		err := b.ForEach(func(_, v []byte) error {
			var old WatchEntry
			if err := json.Unmarshal(v, &old); err != nil {
				return fmt.Errorf("read watch: %w", err)
			}
			if old.GuildID == w.GuildID {
				n++
			}
			return nil
		})
		if err != nil {
			return err
		}
		if n >= MaxWatchesPerGuild {
			return userErrorf("This server already has %d watches, the most it may have. Remove one with `/watch remove` first.", n)
		}
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		w.ID = int(seq)
		raw, err := json.Marshal(w)
		if err != nil {
			return err
		}
		return b.Put(watchKey(w.ID), raw)
	})
	if err != nil {
		return WatchEntry{}, err
	}
	return w, nil
}

// List returns the watches of one server (all when guildID is empty), by id.
func (s *WatchStore) List(guildID string) ([]WatchEntry, error) {
	var out []WatchEntry
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketWatches).ForEach(func(_, v []byte) error {
			var w WatchEntry
			if err := json.Unmarshal(v, &w); err != nil {
				return fmt.Errorf("read watch: %w", err)
			}
			if guildID == "" || w.GuildID == guildID {
				out = append(out, w)
			}
			return nil
		})
	})
	slices.SortFunc(out, func(a, b WatchEntry) int { return a.ID - b.ID })
	return out, err
}

// Remove deletes a server's watch and its fired records; ErrNoWatch when
// that server has no watch with id.
func (s *WatchStore) Remove(guildID string, id int) (WatchEntry, error) {
	var w WatchEntry
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketWatches)
		raw := b.Get(watchKey(id))
		if raw == nil {
			return ErrNoWatch
		}
		if err := json.Unmarshal(raw, &w); err != nil {
			return fmt.Errorf("read watch: %w", err)
		}
		if w.GuildID != guildID {
			return ErrNoWatch
		}
		if err := b.Delete(watchKey(id)); err != nil {
			return err
		}
		fired := tx.Bucket(bucketFired)
		prefix := []byte(strconv.Itoa(id) + "/")
		var drop [][]byte
		c := fired.Cursor()
		for k, _ := c.Seek(prefix); k != nil && strings.HasPrefix(string(k), string(prefix)); k, _ = c.Next() {
			drop = append(drop, slices.Clone(k))
		}
		for _, k := range drop {
			if err := fired.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
	return w, err
}

func firedKey(watchID int, meetingID string) []byte {
	return []byte(strconv.Itoa(watchID) + "/" + meetingID)
}

// Fire records that a watch fired for a readout, before the notice is
// sent; it returns false when it had fired for that readout already.
func (s *WatchStore) Fire(watchID int, meetingID string, at time.Time) (bool, error) {
	first := false
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFired)
		k := firedKey(watchID, meetingID)
		if b.Get(k) != nil {
			return nil
		}
		first = true
		return b.Put(k, []byte(at.UTC().Format(time.RFC3339Nano)))
	})
	if err != nil {
		return false, fmt.Errorf("record watch notice: %w", err)
	}
	return first, nil
}

// Unfire forgets a fired record whose notice could not be sent, so the
// next check tries again.
func (s *WatchStore) Unfire(watchID int, meetingID string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketFired).Delete(firedKey(watchID, meetingID))
	})
}

// Fired lists the readouts a watch fired for.
func (s *WatchStore) Fired(watchID int) ([]string, error) {
	var out []string
	err := s.db.View(func(tx *bolt.Tx) error {
		prefix := []byte(strconv.Itoa(watchID) + "/")
		c := tx.Bucket(bucketFired).Cursor()
		for k, _ := c.Seek(prefix); k != nil && strings.HasPrefix(string(k), string(prefix)); k, _ = c.Next() {
			out = append(out, string(k[len(prefix):]))
		}
		return nil
	})
	return out, err
}

// Checked is when new readouts were last checked; ok is false before the first check.
func (s *WatchStore) Checked() (t time.Time, ok bool, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketWatchMeta).Get(keyChecked)
		if raw == nil {
			return nil
		}
		ok = true
		t, err = time.Parse(time.RFC3339Nano, string(raw))
		return err
	})
	return t, ok, err
}

// SetChecked records when new readouts were last checked; the first call
// also records when checking started (see Started).
func (s *WatchStore) SetChecked(t time.Time) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketWatchMeta)
		stamp := []byte(t.UTC().Format(time.RFC3339Nano))
		if b.Get(keyStarted) == nil {
			if err := b.Put(keyStarted, stamp); err != nil {
				return err
			}
		}
		return b.Put(keyChecked, stamp)
	})
}

// Started is when readouts were first checked: anything taken in until
// then was already there, not news. Zero before the first check.
func (s *WatchStore) Started() (time.Time, error) {
	var t time.Time
	err := s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketWatchMeta).Get(keyStarted)
		if raw == nil {
			return nil
		}
		var err error
		t, err = time.Parse(time.RFC3339Nano, string(raw))
		return err
	})
	return t, err
}
