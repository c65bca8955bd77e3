package bot

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/readoutbot/readoutbot/knowledge"
)

// digestMemSource makes digests from meetings in memory, with the same selection
// as the index.
type digestMemSource struct {
	mu       sync.Mutex
	meetings []knowledge.Meeting
}

func (s *digestMemSource) add(m knowledge.Meeting) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.meetings = append(s.meetings, m)
}

func (s *digestMemSource) Digest(_ context.Context, opts knowledge.DigestOptions) (knowledge.Digest, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return knowledge.BuildDigest(s.meetings, opts)
}

// digestSentMessage is a message in the fake channel, with when it arrived.
type digestSentMessage struct {
	PostedMessage
	At time.Time
}

// digestFakePoster is a channel store that can refuse (403) or fail once after
// posting, as a crash between send and record would look.
type digestFakePoster struct {
	mu        sync.Mutex
	channels  map[string][]digestSentMessage
	forbidden map[string]bool
	calls     map[string]int
	// failAfterPost makes the next Send post the message and then report
	// an error, as if the process died before recording it.
	failAfterPost bool
	onLostReply   func()
	next          int
}

func newDigestFakePoster() *digestFakePoster {
	return &digestFakePoster{channels: map[string][]digestSentMessage{}, forbidden: map[string]bool{}, calls: map[string]int{}}
}

func (p *digestFakePoster) Send(_ context.Context, channelID, content string) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.calls[channelID]++
	if p.forbidden[channelID] {
		return "", fmt.Errorf("%w: 403 Forbidden", ErrChannelUnavailable)
	}
	if len(content) == 0 || len([]rune(content)) > 2000 {
		return "", fmt.Errorf("400: bad content length %d", len(content))
	}
	p.next++
	id := fmt.Sprint(p.next)
	p.channels[channelID] = append(p.channels[channelID], digestSentMessage{PostedMessage{id, content}, time.Now()})
	if p.failAfterPost {
		p.failAfterPost = false
		if p.onLostReply != nil {
			p.onLostReply()
		}
		return "", errors.New("connection reset before the reply arrived")
	}
	return id, nil
}

func (p *digestFakePoster) Recent(_ context.Context, channelID string, limit int) ([]PostedMessage, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.forbidden[channelID] {
		return nil, fmt.Errorf("%w: 403 Forbidden", ErrChannelUnavailable)
	}
	ms := p.channels[channelID]
	var out []PostedMessage
	for i := len(ms) - 1; i >= 0 && len(out) < limit; i-- {
		out = append(out, ms[i].PostedMessage)
	}
	return out, nil
}

// messages lists everything posted in the channel.
func (p *digestFakePoster) messages(channelID string) []digestSentMessage {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]digestSentMessage(nil), p.channels[channelID]...)
}

// posts lists the first message of each digest posted in the channel (a
// long day takes several messages).
func (p *digestFakePoster) posts(channelID string) []digestSentMessage {
	var out []digestSentMessage
	for _, m := range p.messages(channelID) {
		if !strings.HasPrefix(m.Content, "Readout digest (continued)") {
			out = append(out, m)
		}
	}
	return out
}

func openDigestTestStore(tb testing.TB, path string) *DigestStore {
	tb.Helper()
	st, err := OpenDigestStore(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	return st
}

// digestHarness runs a scheduler in a synctest bubble and can stop and restart
// it, as a process restart would, on the same store file.
type digestHarness struct {
	tb     testing.TB
	path   string
	store  *DigestStore
	src    *digestMemSource
	poster *digestFakePoster
	cancel context.CancelFunc
	done   chan struct{}
}

func newDigestHarness(tb testing.TB) *digestHarness {
	path := filepath.Join(tb.TempDir(), DigestStoreFile)
	h := &digestHarness{tb: tb, path: path, store: openDigestTestStore(tb, path), src: &digestMemSource{}, poster: newDigestFakePoster()}
	tb.Cleanup(func() {
		if h.cancel != nil {
			h.cancel()
			<-h.done
		}
	})
	return h
}

func (h *digestHarness) start() {
	h.tb.Helper()
	if h.store == nil {
		h.store = openDigestTestStore(h.tb, h.path)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel, h.done = cancel, make(chan struct{})
	s := NewDigestScheduler(DigestSchedulerOptions{Store: h.store, Source: h.src, Poster: h.poster})
	go func() {
		defer close(h.done)
		s.Run(ctx)
	}()
	synctest.Wait()
}

// stop ends the scheduler and closes the store, like a process exit.
func (h *digestHarness) stop() {
	h.tb.Helper()
	h.cancel()
	<-h.done
	if err := h.store.Close(); err != nil {
		h.tb.Fatal(err)
	}
	h.store = nil
}

// ingestHourly adds one meeting per hour from now for d, advancing time.
func (h *digestHarness) ingestHourly(d time.Duration) {
	end := time.Now().Add(d)
	for time.Now().Before(end) {
		now := time.Now()
		h.src.add(knowledge.Meeting{
			ID: fmt.Sprintf("m%d", now.Unix()), Title: "Meeting", Date: now.UTC().Format(time.DateOnly),
			Kind:         knowledge.KindTelephone,
			Participants: []knowledge.Participant{{Name: "A", Title: "Minister", Affiliation: "X"}, {Name: "B", Title: "Minister", Affiliation: "Y"}},
			SourceURL:    "https://example.org/" + fmt.Sprintf("m%d", now.Unix()),
			Ingested:     now,
		})
		time.Sleep(time.Hour)
		synctest.Wait()
	}
}

var digestLinkRE = regexp.MustCompile(`<https://example\.org/(m\d+)>`)

// checkEachOnce checks that every meeting ingested before the last post's
// window end is in exactly one message.
func (h *digestHarness) checkEachOnce(channelID string) {
	h.tb.Helper()
	count := map[string]int{}
	for _, m := range h.poster.messages(channelID) {
		for _, sm := range digestLinkRE.FindAllStringSubmatch(m.Content, -1) {
			count[sm[1]]++
		}
	}
	st := h.store
	if st == nil {
		st = openDigestTestStore(h.tb, h.path)
		defer st.Close()
	}
	sub, err := st.Subscription(channelID)
	if err != nil {
		h.tb.Fatal(err)
	}
	h.src.mu.Lock()
	defer h.src.mu.Unlock()
	for _, m := range h.src.meetings {
		want := 0
		if m.Ingested.Before(sub.LastTo) {
			want = 1
		}
		if count[m.ID] != want {
			h.tb.Errorf("meeting %s ingested %s is in %d messages, want %d (last digest ended %s)", m.ID, m.Ingested, count[m.ID], want, sub.LastTo)
		}
	}
}

func digestSleepUntil(t time.Time) {
	time.Sleep(time.Until(t))
	synctest.Wait()
}

func digestLoc(tb testing.TB, name string) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		tb.Fatal(err)
	}
	return loc
}

// TestDigestScheduleOncePerDay runs ten days across daylight-saving
// changes, half-hour zones, 00:00 and 23:59, and checks one post per local
// day at the set time, none late, and every readout in exactly one post.
func TestDigestScheduleOncePerDay(t *testing.T) {
	for _, tc := range []struct {
		zone, at string
		start    string // local start, a few days before the change
	}{
		{"Europe/London", "01:30", "2024-03-27T12:00"},    // 31 March: 01:00 jumps to 02:00, so 01:30 does not exist
		{"America/New_York", "01:30", "2024-10-30T12:00"}, // 3 November: 01:30 happens twice
		{"Australia/Adelaide", "23:59", "2024-04-03T12:00"},
		{"Asia/Kolkata", "00:00", "2024-01-01T12:00"},
		{"Asia/Kathmandu", "08:00", "2024-01-01T12:00"},
		{"America/Santiago", "00:00", "2024-09-04T12:00"}, // 8 September: midnight does not exist
	} {
		t.Run(tc.zone+" "+tc.at, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				loc := digestLoc(t, tc.zone)
				start, err := time.ParseInLocation("2006-01-02T15:04", tc.start, loc)
				if err != nil {
					t.Fatal(err)
				}
				digestSleepUntil(start)
				h := newDigestHarness(t)
				if _, err := h.store.SetSubscription(Subscription{GuildID: "g", ChannelID: "c", Time: tc.at, Zone: tc.zone, EmptyLine: true}, time.Now()); err != nil {
					t.Fatal(err)
				}
				h.start()
				h.ingestHourly(10 * 24 * time.Hour)
				h.stop()

				msgs := h.poster.posts("c")
				if len(msgs) != 10 {
					t.Errorf("%d messages in 10 days, want 10", len(msgs))
				}
				days := map[string]bool{}
				for _, m := range msgs {
					local := m.At.In(loc)
					if strings.HasPrefix(m.Content, "Late") {
						t.Errorf("late post at %s", local)
					}
					day := local.Format(time.DateOnly)
					if days[day] {
						t.Errorf("two posts on %s", day)
					}
					days[day] = true
					if got := local.Format("15:04"); got != tc.at {
						// Only a time the clock skips that day may move, and
						// then to just after the gap.
						d, _ := time.Parse(time.DateOnly, day)
						h, mi, _ := strings.Cut(tc.at, ":")
						wall := time.Date(d.Year(), d.Month(), d.Day(), digestAtoi(h), digestAtoi(mi), 0, 0, loc)
						if wall.In(loc).Format("15:04") == tc.at && wall.In(loc).Format(time.DateOnly) == day {
							t.Errorf("posted at %s, want %s", local, tc.at)
						}
						if !m.At.After(wall.Add(-2*time.Hour)) || m.At.Sub(wall) > 2*time.Hour {
							t.Errorf("posted at %s, far from the skipped %s", local, tc.at)
						}
						t.Logf("posted at %s (%s does not exist that day)", local.Format(time.DateTime+" MST"), tc.at)
					}
				}
				h.checkEachOnce("c")
			})
		})
	}
}

func TestDigestScheduleRestartMidDay(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		loc := digestLoc(t, "Asia/Tokyo")
		digestSleepUntil(time.Date(2024, 5, 1, 12, 0, 0, 0, loc))
		h := newDigestHarness(t)
		if _, err := h.store.SetSubscription(Subscription{ChannelID: "c", Time: "08:00", Zone: "Asia/Tokyo"}, time.Now()); err != nil {
			t.Fatal(err)
		}
		h.start()
		h.ingestHourly(24 * time.Hour) // through the 2 May post, to noon
		h.stop()
		h.ingestHourly(time.Hour) // down for an hour at noon
		h.start()
		h.ingestHourly(48 * time.Hour)
		h.stop()
		if got := len(h.poster.posts("c")); got != 3 {
			t.Errorf("%d posts over three mornings, want 3", got)
		}
		for _, m := range h.poster.posts("c") {
			if strings.HasPrefix(m.Content, "Late") {
				t.Errorf("a restart made a late post: %.60q", m.Content)
			}
		}
		h.checkEachOnce("c")
	})
}

func TestDigestScheduleMissedDays(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		loc := digestLoc(t, "Europe/Paris")
		digestSleepUntil(time.Date(2024, 6, 1, 9, 0, 0, 0, loc))
		h := newDigestHarness(t)
		if _, err := h.store.SetSubscription(Subscription{ChannelID: "c", Time: "07:00", Zone: "Europe/Paris"}, time.Now()); err != nil {
			t.Fatal(err)
		}
		h.start()
		h.ingestHourly(24 * time.Hour) // 2 June posted at 07:00
		h.stop()
		h.ingestHourly(3 * 24 * time.Hour) // down through 3, 4 and 5 June at 07:00
		h.start()                          // 5 June 09:00: one late digest
		msgs := h.poster.posts("c")
		if len(msgs) != 2 {
			t.Fatalf("%d posts after restart, want 2 (one on time, one late)", len(msgs))
		}
		if !strings.HasPrefix(msgs[1].Content, "Late readout digest") {
			t.Errorf("missed digest not labelled late: %.80q", msgs[1].Content)
		}
		h.ingestHourly(24 * time.Hour)
		h.stop()
		msgs = h.poster.posts("c")
		if len(msgs) != 3 || strings.HasPrefix(msgs[2].Content, "Late") {
			t.Errorf("after the late post: %d posts, last late=%v; want 3, on time", len(msgs), strings.HasPrefix(msgs[len(msgs)-1].Content, "Late"))
		}
		h.checkEachOnce("c")
	})
}

// TestDigestScheduleCrashBetweenPostAndRecord posts a message whose reply
// is lost (the process dies before recording it) and checks that the
// restarted bot finishes the post without repeating it.
func TestDigestScheduleCrashBetweenPostAndRecord(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		loc := digestLoc(t, "UTC")
		digestSleepUntil(time.Date(2024, 7, 1, 12, 0, 0, 0, loc))
		h := newDigestHarness(t)
		if _, err := h.store.SetSubscription(Subscription{ChannelID: "c", Time: "06:00", Zone: "UTC"}, time.Now()); err != nil {
			t.Fatal(err)
		}
		h.ingestHourly(12 * time.Hour)
		h.poster.failAfterPost = true
		h.poster.onLostReply = func() { h.cancel() }
		h.start()
		h.ingestHourly(7 * time.Hour) // the 06:00 post goes out, its reply is lost
		h.stop()                      // and the process dies
		rec, ok, err := digestRecord(t, h.path, "c", "2024-07-02")
		if err != nil || !ok || rec.State != postIntent || rec.Sent != 0 {
			t.Fatalf("record after crash = %+v, %v, %v; want an intent with nothing recorded as sent", rec, ok, err)
		}
		h.start()
		h.ingestHourly(2 * time.Hour)
		h.stop()
		msgs := h.poster.messages("c")
		if len(msgs) != 1 {
			t.Fatalf("%d messages, want the one posted before the crash only", len(msgs))
		}
		rec, ok, err = digestRecord(t, h.path, "c", "2024-07-02")
		if err != nil || !ok || rec.State != postSent || len(rec.MessageIDs) != 1 || rec.MessageIDs[0] != msgs[0].ID {
			t.Errorf("record after recovery = %+v, %v, %v; want sent with message %s", rec, ok, err, msgs[0].ID)
		}
		h.checkEachOnce("c")
	})
}

func digestAtoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func digestRecord(tb testing.TB, path, channelID, day string) (PostRecord, bool, error) {
	st, err := OpenDigestStore(path)
	if err != nil {
		return PostRecord{}, false, err
	}
	defer st.Close()
	return st.Post(channelID, day)
}

// TestDigestScheduleRetriesAfterFailedSend checks that a send that failed
// for a passing reason is retried, and still posted only once.
func TestDigestScheduleRetriesAfterFailedSend(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		digestSleepUntil(time.Date(2024, 7, 1, 12, 0, 0, 0, time.UTC))
		h := newDigestHarness(t)
		if _, err := h.store.SetSubscription(Subscription{ChannelID: "c", Time: "06:00", Zone: "UTC", EmptyLine: true}, time.Now()); err != nil {
			t.Fatal(err)
		}
		h.poster.failAfterPost = true
		h.start()
		h.ingestHourly(44 * time.Hour)
		h.stop()
		if got := len(h.poster.posts("c")); got != 2 {
			t.Errorf("%d posts over two mornings, want 2", got)
		}
		h.checkEachOnce("c")
	})
}

func TestDigestSchedulePausesForbiddenChannel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		digestSleepUntil(time.Date(2024, 8, 1, 12, 0, 0, 0, time.UTC))
		h := newDigestHarness(t)
		for _, ch := range []string{"gone", "ok"} {
			if _, err := h.store.SetSubscription(Subscription{GuildID: "g", ChannelID: ch, Time: "06:00", Zone: "UTC", EmptyLine: true}, time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		h.poster.forbidden["gone"] = true
		h.start()
		h.ingestHourly(3 * 24 * time.Hour)
		sub, err := h.store.Subscription("gone")
		if err != nil {
			t.Fatal(err)
		}
		if !sub.Paused || sub.PauseReason == "" || sub.PauseNoticed {
			t.Errorf("subscription = %+v, want paused with a reason, not yet noticed", sub)
		}
		if got := h.poster.calls["gone"]; got != 1 {
			t.Errorf("%d sends to a forbidden channel, want 1 (no retries)", got)
		}
		if got := len(h.poster.posts("ok")); got != 3 {
			t.Errorf("other channel got %d posts, want 3", got)
		}
		// The admin sets it again once the bot may post: it resumes, and its
		// next digest starts where the last one posted ended.
		h.poster.mu.Lock()
		h.poster.forbidden["gone"] = false
		h.poster.mu.Unlock()
		if _, err := h.store.SetSubscription(Subscription{GuildID: "g", ChannelID: "gone", Time: "06:00", Zone: "UTC", EmptyLine: true}, time.Now()); err != nil {
			t.Fatal(err)
		}
		h.ingestHourly(24 * time.Hour)
		h.stop()
		if got := len(h.poster.posts("gone")); got != 1 {
			t.Errorf("resumed channel got %d posts, want 1", got)
		}
		h.checkEachOnce("gone")
		h.checkEachOnce("ok")
	})
}

func TestDigestScheduleFirstPostAfterSet(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		loc := digestLoc(t, "Asia/Tokyo")
		digestSleepUntil(time.Date(2024, 9, 1, 10, 0, 0, 0, loc))
		h := newDigestHarness(t)
		sub, err := h.store.SetSubscription(Subscription{ChannelID: "c", Time: "08:00", Zone: "Asia/Tokyo", EmptyLine: true}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		next, err := sub.NextAt(time.Now())
		if want := time.Date(2024, 9, 2, 8, 0, 0, 0, loc); err != nil || !next.Equal(want) {
			t.Errorf("NextAt = %s, %v; want %s", next, err, want)
		}
		h.start()
		if got := len(h.poster.messages("c")); got != 0 {
			t.Errorf("set at 10:00 for 08:00 posted %d messages at once, want none", got)
		}
		h.ingestHourly(23 * time.Hour)
		h.stop()
		msgs := h.poster.posts("c")
		if len(msgs) != 1 || msgs[0].At.In(loc).Format("2006-01-02 15:04") != "2024-09-02 08:00" {
			t.Errorf("posts = %v, want one at 2024-09-02 08:00", msgs)
		}
	})
}

// TestDigestScheduleSlowCommit checks that a readout stamped just before
// the post time but searchable only after the post (a batch still
// committing) lands in the next digest rather than in none.
func TestDigestScheduleSlowCommit(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		digestSleepUntil(time.Date(2024, 7, 1, 12, 0, 0, 0, time.UTC))
		h := newDigestHarness(t)
		if _, err := h.store.SetSubscription(Subscription{ChannelID: "c", Time: "06:00", Zone: "UTC", EmptyLine: true}, time.Now()); err != nil {
			t.Fatal(err)
		}
		h.start()
		fire := time.Date(2024, 7, 2, 6, 0, 0, 0, time.UTC)
		digestSleepUntil(fire.Add(5 * time.Second)) // the 06:00 digest is out
		h.src.add(knowledge.Meeting{
			ID: "late-commit", Date: "2024-07-02", Kind: knowledge.KindTelephone,
			Participants: []knowledge.Participant{{Name: "A", Affiliation: "X"}, {Name: "B", Affiliation: "Y"}},
			SourceURL:    "https://example.org/mlate", Ingested: fire.Add(-10 * time.Second),
		})
		digestSleepUntil(fire.Add(24*time.Hour + time.Minute))
		h.stop()
		posts := h.poster.posts("c")
		if len(posts) != 2 {
			t.Fatalf("%d posts, want 2", len(posts))
		}
		if strings.Contains(posts[0].Content, "example.org/mlate") || !strings.Contains(posts[1].Content, "example.org/mlate") {
			t.Errorf("the slow readout is not in the second digest only:\n%s\n---\n%s", posts[0].Content, posts[1].Content)
		}
	})
}
