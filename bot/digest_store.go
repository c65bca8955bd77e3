package bot

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	_ "time/tzdata" // subscriptions name IANA zones; they must load on any machine

	bolt "go.etcd.io/bbolt"
)

// DigestStoreFile is the name of the digest store, kept beside the index.
const DigestStoreFile = "digests.db"

// ErrNoSubscription means a channel has no digest subscription.
var ErrNoSubscription = errors.New("no digest subscription for that channel")

// Subscription is one channel's daily digest: when it is due, where, and
// what it holds.
type Subscription struct {
	GuildID   string `json:"guild_id"`
	ChannelID string `json:"channel_id"`
	// Time is the local time of day the digest is due, "HH:MM" (24-hour).
	Time string `json:"time"`
	// Zone is the IANA time zone of Time and of the digest's dates.
	Zone string `json:"zone"`
	// Person, Country and Topic filter the meetings, as in /meetings.
	Person  string `json:"person,omitempty"`
	Country string `json:"country,omitempty"`
	Topic   string `json:"topic,omitempty"`
	// EmptyLine posts one short line on a day with nothing, rather than
	// nothing.
	EmptyLine bool `json:"empty_line,omitempty"`
	// Since is when Time or Zone was last set: days whose post time came
	// before it are not owed (setting 08:00 at 10:00 posts tomorrow).
	Since time.Time `json:"since"`
	// LastTo is the end of the window of the last digest posted; the next
	// digest starts there, so no readout is skipped or repeated.
	LastTo time.Time `json:"last_to,omitzero"`
	// Paused is set when the channel is gone or forbids the bot (404/403);
	// PauseReason says why, for the admin's next /digest.
	Paused      bool      `json:"paused,omitempty"`
	PauseReason string    `json:"pause_reason,omitempty"`
	PausedAt    time.Time `json:"paused_at,omitzero"`
	// PauseNoticed is set once the admin has been told of the pause.
	PauseNoticed bool `json:"pause_noticed,omitempty"`
}

// clock parses Time.
func (s Subscription) clock() (hour, minute int, err error) {
	t, err := time.Parse("15:04", strings.TrimSpace(s.Time))
	if err != nil {
		return 0, 0, fmt.Errorf("digest time %q is not HH:MM (24-hour): %w", s.Time, err)
	}
	return t.Hour(), t.Minute(), nil
}

// Location loads Zone.
func (s Subscription) Location() (*time.Location, error) {
	if strings.TrimSpace(s.Zone) == "" {
		return nil, errors.New("digest time zone is missing")
	}
	loc, err := time.LoadLocation(s.Zone)
	if err != nil {
		return nil, fmt.Errorf("unknown time zone %q: %w", s.Zone, err)
	}
	return loc, nil
}

// Validate reports every problem with s at once.
func (s Subscription) Validate() error {
	var errs []error
	if s.ChannelID == "" {
		errs = append(errs, errors.New("digest channel is missing"))
	}
	if _, _, err := s.clock(); err != nil {
		errs = append(errs, err)
	}
	if _, err := s.Location(); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// day is a local calendar day, the key of "once a day".
type day struct {
	y int
	m time.Month
	d int
}

func (d day) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.y, d.m, d.d) }

// add moves n days, across month and year ends.
func (d day) add(n int) day {
	t := time.Date(d.y, d.m, d.d+n, 12, 0, 0, 0, time.UTC)
	return day{t.Year(), t.Month(), t.Day()}
}

func dayOf(t time.Time, loc *time.Location) day {
	y, m, d := t.In(loc).Date()
	return day{y, m, d}
}

// schedule is a validated subscription's post time in its zone.
type schedule struct {
	loc          *time.Location
	hour, minute int
}

func (s Subscription) schedule() (schedule, error) {
	h, m, err := s.clock()
	if err != nil {
		return schedule{}, err
	}
	loc, err := s.Location()
	if err != nil {
		return schedule{}, err
	}
	return schedule{loc: loc, hour: h, minute: m}, nil
}

// at is the instant the digest of local day d is due. A time that exists
// twice that day (clocks going back) is taken at its first occurrence. A
// time that does not exist (skipped by clocks going forward) is read on the
// clock before the change, so it falls just after the gap, on the same day:
// 01:30 in a 01:00-02:00 gap is 02:30, and 00:00 in a midnight gap is
// 01:00, never 23:00 the day before (where time.Date may put it).
func (sc schedule) at(d day) time.Time {
	t := time.Date(d.y, d.m, d.d, sc.hour, sc.minute, 0, 0, sc.loc)
	if lt := t.In(sc.loc); dayOf(lt, sc.loc) == d && lt.Hour() == sc.hour && lt.Minute() == sc.minute {
		return t
	}
	_, before := t.Add(-24 * time.Hour).Zone()
	wall := time.Date(d.y, d.m, d.d, sc.hour, sc.minute, 0, 0, time.UTC)
	return wall.Add(-time.Duration(before) * time.Second)
}

// latest is the last day whose post time is at or before now.
func (sc schedule) latest(now time.Time) day {
	d := dayOf(now, sc.loc).add(1)
	for sc.at(d).After(now) {
		d = d.add(-1)
	}
	return d
}

// NextAt is when the next digest is due after now, for /digest show.
func (s Subscription) NextAt(now time.Time) (time.Time, error) {
	sc, err := s.schedule()
	if err != nil {
		return time.Time{}, err
	}
	return sc.at(sc.latest(now).add(1)), nil
}

// Post states, in order.
const (
	postIntent = "intent" // rendered and about to be sent; some chunks may be out
	postSent   = "sent"   // every chunk is in the channel (or there was nothing to say)
)

// PostRecord is what was (or is being) posted for one channel's day. It is
// written before the first message goes out, so a crash mid-send is
// finished on restart rather than repeated.
type PostRecord struct {
	ChannelID string    `json:"channel_id"`
	Day       string    `json:"day"` // local day, YYYY-MM-DD
	From      time.Time `json:"from"`
	To        time.Time `json:"to"`
	Late      bool      `json:"late,omitempty"`
	State     string    `json:"state"`
	// Chunks are the rendered messages, kept so a resumed send posts the
	// very same text and can recognise what already went out.
	Chunks []string `json:"chunks,omitempty"`
	// Sent is how many chunks are known to be in the channel.
	Sent       int       `json:"sent"`
	MessageIDs []string  `json:"message_ids,omitempty"`
	Meetings   int       `json:"meetings"`
	Updated    time.Time `json:"updated"`
}

// DigestStore keeps subscriptions and post records in one bbolt file:
// every change is one atomic, synced transaction, so they survive restarts
// and crashes.
type DigestStore struct {
	db *bolt.DB
}

var (
	bucketSubs  = []byte("subscriptions") // channel id -> Subscription
	bucketPosts = []byte("posts")         // channel id "/" day -> PostRecord
)

// postsKept is how long post records are kept; older ones are pruned.
const postsKept = 60 * 24 * time.Hour

// OpenDigestStore opens (creating) the store at path. Only one process may
// hold it: a second waits a second, then fails.
func OpenDigestStore(path string) (*DigestStore, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		return nil, fmt.Errorf("open digest store: %w", err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketSubs, bucketPosts} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("init digest store: %w", err)
	}
	return &DigestStore{db: db}, nil
}

// Close closes the store.
func (s *DigestStore) Close() error { return s.db.Close() }

// SetSubscription creates or replaces a channel's subscription, as /digest
// set does. It keeps where the last digest ended (so changing the time
// neither skips nor repeats readouts), resumes a paused one, and restarts
// the "owed from" point when the time or zone changes or it resumes, so
// the next digest comes at the next post time rather than at once.
func (s *DigestStore) SetSubscription(sub Subscription, now time.Time) (Subscription, error) {
	if err := sub.Validate(); err != nil {
		return Subscription{}, err
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSubs)
		var old Subscription
		if raw := b.Get([]byte(sub.ChannelID)); raw != nil {
			if err := json.Unmarshal(raw, &old); err != nil {
				return fmt.Errorf("read subscription: %w", err)
			}
			sub.LastTo = old.LastTo
			sub.Since = old.Since
		}
		if sub.Since.IsZero() || old.Paused || old.Time != sub.Time || old.Zone != sub.Zone {
			sub.Since = now
		}
		if sub.LastTo.IsZero() {
			// A new subscription's first digest covers the day before its
			// first post time, like every later one.
			sc, err := sub.schedule()
			if err != nil {
				return err
			}
			sub.LastTo = sc.at(sc.latest(now))
		}
		sub.Paused, sub.PauseReason, sub.PausedAt, sub.PauseNoticed = false, "", time.Time{}, false
		return putJSON(b, sub.ChannelID, sub)
	})
	if err != nil {
		return Subscription{}, err
	}
	return sub, nil
}

// Subscription returns a channel's subscription, or ErrNoSubscription.
func (s *DigestStore) Subscription(channelID string) (Subscription, error) {
	var sub Subscription
	err := s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketSubs).Get([]byte(channelID))
		if raw == nil {
			return ErrNoSubscription
		}
		return json.Unmarshal(raw, &sub)
	})
	return sub, err
}

// Subscriptions lists all subscriptions, or those of one guild when guildID
// is not empty, ordered by channel id.
func (s *DigestStore) Subscriptions(guildID string) ([]Subscription, error) {
	var subs []Subscription
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSubs).ForEach(func(_, v []byte) error {
			var sub Subscription
			if err := json.Unmarshal(v, &sub); err != nil {
				return fmt.Errorf("read subscription: %w", err)
			}
			if guildID == "" || sub.GuildID == guildID {
				subs = append(subs, sub)
			}
			return nil
		})
	})
	return subs, err
}

// DeleteSubscription ends a channel's digests (/digest off) and forgets any
// unfinished post. It returns ErrNoSubscription when there was none.
func (s *DigestStore) DeleteSubscription(channelID string) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSubs)
		if b.Get([]byte(channelID)) == nil {
			return ErrNoSubscription
		}
		if err := b.Delete([]byte(channelID)); err != nil {
			return err
		}
		return deletePending(tx, channelID)
	})
}

// Pause stops a subscription whose channel is gone or forbidden, and drops
// its unfinished post: a resumed subscription starts from where the last
// posted digest ended.
func (s *DigestStore) Pause(channelID, reason string, now time.Time) error {
	return s.updateSub(channelID, func(tx *bolt.Tx, sub *Subscription) error {
		sub.Paused, sub.PauseReason, sub.PausedAt, sub.PauseNoticed = true, reason, now, false
		return deletePending(tx, channelID)
	})
}

// MarkPauseNoticed records that the admin has been told of a pause.
func (s *DigestStore) MarkPauseNoticed(channelID string) error {
	return s.updateSub(channelID, func(_ *bolt.Tx, sub *Subscription) error {
		sub.PauseNoticed = true
		return nil
	})
}

func (s *DigestStore) updateSub(channelID string, f func(*bolt.Tx, *Subscription) error) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSubs)
		raw := b.Get([]byte(channelID))
		if raw == nil {
			return ErrNoSubscription
		}
		var sub Subscription
		if err := json.Unmarshal(raw, &sub); err != nil {
			return fmt.Errorf("read subscription: %w", err)
		}
		if err := f(tx, &sub); err != nil {
			return err
		}
		return putJSON(b, channelID, sub)
	})
}

func postKey(channelID, day string) string { return channelID + "/" + day }

// Post returns the record of a channel's day; ok is false when there is none.
func (s *DigestStore) Post(channelID, day string) (rec PostRecord, ok bool, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketPosts).Get([]byte(postKey(channelID, day)))
		if raw == nil {
			return nil
		}
		ok = true
		return json.Unmarshal(raw, &rec)
	})
	return rec, ok, err
}

// Posts lists a channel's post records, oldest day first.
func (s *DigestStore) Posts(channelID string) ([]PostRecord, error) {
	var recs []PostRecord
	err := s.db.View(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketPosts).Cursor()
		prefix := []byte(channelID + "/")
		for k, v := c.Seek(prefix); k != nil && strings.HasPrefix(string(k), string(prefix)); k, v = c.Next() {
			var rec PostRecord
			if err := json.Unmarshal(v, &rec); err != nil {
				return fmt.Errorf("read post record: %w", err)
			}
			recs = append(recs, rec)
		}
		return nil
	})
	slices.SortFunc(recs, func(a, b PostRecord) int { return strings.Compare(a.Day, b.Day) })
	return recs, err
}

// pending is a channel's unfinished post, if any.
func (s *DigestStore) pending(channelID string) (PostRecord, bool, error) {
	recs, err := s.Posts(channelID)
	if err != nil {
		return PostRecord{}, false, err
	}
	for _, r := range recs {
		if r.State == postIntent {
			return r, true, nil
		}
	}
	return PostRecord{}, false, nil
}

// putPost writes a post record (an intent, or progress through its chunks).
func (s *DigestStore) putPost(rec PostRecord) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		return putJSON(tx.Bucket(bucketPosts), postKey(rec.ChannelID, rec.Day), rec)
	})
}

// finishPost marks a post sent and moves the subscription's LastTo to its
// window's end, in one transaction, and prunes old records.
func (s *DigestStore) finishPost(rec PostRecord, now time.Time) error {
	rec.State, rec.Updated = postSent, now
	rec.Chunks = nil // the messages are in the channel; keep the record small
	return s.db.Update(func(tx *bolt.Tx) error {
		posts := tx.Bucket(bucketPosts)
		if err := putJSON(posts, postKey(rec.ChannelID, rec.Day), rec); err != nil {
			return err
		}
		subs := tx.Bucket(bucketSubs)
		if raw := subs.Get([]byte(rec.ChannelID)); raw != nil {
			var sub Subscription
			if err := json.Unmarshal(raw, &sub); err != nil {
				return fmt.Errorf("read subscription: %w", err)
			}
			if rec.To.After(sub.LastTo) {
				sub.LastTo = rec.To
			}
			if err := putJSON(subs, rec.ChannelID, sub); err != nil {
				return err
			}
		}
		return prunePosts(posts, rec.ChannelID, now.Add(-postsKept))
	})
}

func prunePosts(b *bolt.Bucket, channelID string, before time.Time) error {
	c := b.Cursor()
	prefix := []byte(channelID + "/")
	cut := before.UTC().Format(time.DateOnly)
	var old [][]byte
	for k, _ := c.Seek(prefix); k != nil && strings.HasPrefix(string(k), string(prefix)); k, _ = c.Next() {
		if string(k[len(prefix):]) < cut {
			old = append(old, slices.Clone(k))
		}
	}
	for _, k := range old {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

func deletePending(tx *bolt.Tx, channelID string) error {
	b := tx.Bucket(bucketPosts)
	c := b.Cursor()
	prefix := []byte(channelID + "/")
	var drop [][]byte
	for k, v := c.Seek(prefix); k != nil && strings.HasPrefix(string(k), string(prefix)); k, v = c.Next() {
		var rec PostRecord
		if json.Unmarshal(v, &rec) == nil && rec.State == postIntent {
			drop = append(drop, slices.Clone(k))
		}
	}
	for _, k := range drop {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

func putJSON(b *bolt.Bucket, key string, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put([]byte(key), raw)
}
