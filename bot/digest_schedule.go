package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/readoutbot/readoutbot/knowledge"
)

// DigestSource makes digests; *knowledge.Index satisfies it.
type DigestSource interface {
	Digest(ctx context.Context, opts knowledge.DigestOptions) (knowledge.Digest, error)
}

// ErrChannelUnavailable means the channel is gone or forbids the bot
// (Discord 404 or 403): its subscription is paused, not retried.
var ErrChannelUnavailable = errors.New("channel is gone or the bot may not post in it")

// PostedMessage is a message the bot itself posted in a channel.
type PostedMessage struct {
	ID      string
	Content string
}

// DigestPoster posts digest messages. Send must return an error wrapping
// ErrChannelUnavailable on 404/403, and wait out rate limits itself.
// Recent lists the bot's own latest messages in a channel, newest first, so
// a send cut short by a crash can be recognised instead of repeated.
type DigestPoster interface {
	Send(ctx context.Context, channelID, content string) (messageID string, err error)
	Recent(ctx context.Context, channelID string, limit int) ([]PostedMessage, error)
}

// Scheduler defaults.
const (
	// DefaultLateAfter is how long after its time a digest is labelled late.
	DefaultLateAfter = 15 * time.Minute
	// DefaultRetryAfter is the wait after a failed send (not a 403/404).
	DefaultRetryAfter = 5 * time.Minute
	// DefaultSettle is the default Settle: far longer than an index batch
	// takes to commit.
	DefaultSettle = time.Minute
	// DefaultMaxDigestMessages caps the messages of one digest; a longer day
	// ends with a pointer to /meetings.
	DefaultMaxDigestMessages = 6
	// recentChecked is how many recent messages recovery looks through.
	recentChecked = 50
)

// DigestSchedulerOptions configure a DigestScheduler.
type DigestSchedulerOptions struct {
	Store  *DigestStore
	Source DigestSource
	Poster DigestPoster
	Logger *slog.Logger
	// Now is the clock; nil means time.Now. Waiting uses time's timers, so
	// tests run the scheduler inside a testing/synctest bubble.
	Now func() time.Time
	// LateAfter, RetryAfter, Settle and MaxMessages default to the
	// constants above.
	LateAfter, RetryAfter time.Duration
	// Settle is how long before its post time a digest's window closes.
	// The index stamps a batch's ingest time before the batch becomes
	// searchable; a readout stamped just before the post time but
	// committed just after would otherwise fall between two digests. With
	// the window closing Settle early, it goes into the next one.
	Settle      time.Duration
	MaxMessages int
}

// DigestScheduler posts each subscription's digest once per local day at
// its time, late (once, labelled) after downtime, and never twice: each
// post is recorded as an intent before its first message is sent.
type DigestScheduler struct {
	opts DigestSchedulerOptions
	log  *slog.Logger
	wake chan struct{}
	// retryAt holds channels whose last attempt failed, and when to retry.
	retryAt map[string]time.Time
}

// NewDigestScheduler returns a scheduler; call Run to start it.
func NewDigestScheduler(opts DigestSchedulerOptions) *DigestScheduler {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.LateAfter <= 0 {
		opts.LateAfter = DefaultLateAfter
	}
	if opts.RetryAfter <= 0 {
		opts.RetryAfter = DefaultRetryAfter
	}
	if opts.Settle <= 0 {
		opts.Settle = DefaultSettle
	}
	if opts.MaxMessages <= 0 {
		opts.MaxMessages = DefaultMaxDigestMessages
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return &DigestScheduler{opts: opts, log: log, wake: make(chan struct{}, 1), retryAt: map[string]time.Time{}}
}

// Wake makes Run look at the subscriptions again now (after /digest set or
// off). It never blocks.
func (s *DigestScheduler) Wake() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// idleWait is the longest Run sleeps with nothing due, so a clock that
// jumps (suspend, NTP) is noticed within it.
const idleWait = time.Hour

// Run posts digests as they fall due until ctx ends. On start it first
// finishes any post a crash cut short and posts, once, each digest missed
// while the bot was down.
func (s *DigestScheduler) Run(ctx context.Context) error {
	for {
		next := s.RunDue(ctx)
		if ctx.Err() != nil {
			return nil
		}
		wait := min(max(next.Sub(s.opts.Now()), 0), idleWait)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-s.wake:
			t.Stop()
		case <-t.C:
		}
	}
}

// RunDue posts every digest due now and returns when the next one is due.
// Run calls it; it is exported for tests and must not run concurrently.
func (s *DigestScheduler) RunDue(ctx context.Context) time.Time {
	now := s.opts.Now()
	next := now.Add(idleWait)
	subs, err := s.opts.Store.Subscriptions("")
	if err != nil {
		s.log.Error("reading digest subscriptions failed", "err", err)
		return now.Add(s.opts.RetryAfter)
	}
	live := map[string]bool{}
	for _, sub := range subs {
		live[sub.ChannelID] = true
	}
	for ch := range s.retryAt {
		if !live[ch] {
			delete(s.retryAt, ch) // turned off while failing
		}
	}
	for _, sub := range subs {
		if ctx.Err() != nil {
			return now
		}
		n, err := s.runSub(ctx, sub, now)
		if err != nil {
			s.log.Error("digest failed", "guild_id", sub.GuildID, "channel_id", sub.ChannelID, "err", err)
			n = now.Add(s.opts.RetryAfter)
			s.retryAt[sub.ChannelID] = n
		} else {
			delete(s.retryAt, sub.ChannelID)
		}
		if !n.IsZero() && n.Before(next) {
			next = n
		}
	}
	return next
}

// runSub brings one subscription up to date at now and returns when it is
// next due (zero when paused).
func (s *DigestScheduler) runSub(ctx context.Context, sub Subscription, now time.Time) (time.Time, error) {
	if sub.Paused {
		return time.Time{}, nil
	}
	sc, err := sub.schedule()
	if err != nil {
		return time.Time{}, err
	}
	if at, ok := s.retryAt[sub.ChannelID]; ok && now.Before(at) {
		return at, nil
	}
	// A post a crash (or a failed send) left unfinished comes first.
	if rec, ok, err := s.opts.Store.pending(sub.ChannelID); err != nil {
		return time.Time{}, err
	} else if ok {
		if err := s.send(ctx, sub, rec, true, now); err != nil {
			return time.Time{}, err
		}
		if sub, err = s.opts.Store.Subscription(sub.ChannelID); err != nil {
			return time.Time{}, err
		}
		if sub.Paused {
			return time.Time{}, nil
		}
	}
	d := sc.latest(now)
	nextDue := sc.at(d.add(1))
	due := sc.at(d)
	if !due.After(sub.Since) {
		return nextDue, nil // set after today's time: first digest tomorrow
	}
	if rec, ok, err := s.opts.Store.Post(sub.ChannelID, d.String()); err != nil {
		return time.Time{}, err
	} else if ok && rec.State == postSent {
		return nextDue, nil
	}
	from := sub.LastTo
	if from.IsZero() {
		from = sc.at(d.add(-1))
	}
	rec := PostRecord{
		ChannelID: sub.ChannelID, Day: d.String(), From: from, To: due.Add(-s.opts.Settle),
		Late: now.Sub(due) > s.opts.LateAfter, State: postIntent, Updated: now,
	}
	if !from.Before(rec.To) {
		// The last digest already reached past this day's time (the time
		// was moved earlier): nothing new to cover.
		rec.To = from
		return nextDue, s.opts.Store.finishPost(rec, now)
	}
	chunks, meetings, err := s.render(ctx, sub, sc.loc, rec, now)
	if err != nil {
		return time.Time{}, err
	}
	rec.Chunks, rec.Meetings = chunks, meetings
	if err := s.send(ctx, sub, rec, false, now); err != nil {
		return time.Time{}, err
	}
	return nextDue, nil
}

// render makes a post's messages.
func (s *DigestScheduler) render(ctx context.Context, sub Subscription, loc *time.Location, rec PostRecord, now time.Time) ([]string, int, error) {
	dg, err := s.opts.Source.Digest(ctx, knowledge.DigestOptions{
		From: rec.From, To: rec.To, Location: loc, AsOf: now,
		Person: sub.Person, Country: sub.Country, Topic: sub.Topic,
		Late: rec.Late,
	})
	if err != nil {
		return nil, 0, fmt.Errorf("make digest: %w", err)
	}
	chunks := dg.Render(knowledge.DigestRender{AngleLinks: true, EmptyLine: sub.EmptyLine})
	if max := s.opts.MaxMessages; len(chunks) > max {
		rest := len(chunks) - (max - 1)
		chunks = append(chunks[:max-1], fmt.Sprintf(
			"Readout digest (continued): %d more messages of this digest were not posted, to keep the channel readable. Use /meetings to see the rest.", rest))
	}
	return chunks, dg.Len(), nil
}

// send records rec as an intent (when new), posts its chunks from rec.Sent
// on, recording each, and marks it sent. When resuming a post from before a
// crash, the first unsent chunk may already be in the channel (sent, but not
// recorded): it is looked for among the bot's recent messages first.
func (s *DigestScheduler) send(ctx context.Context, sub Subscription, rec PostRecord, resume bool, now time.Time) error {
	if !resume {
		if err := s.opts.Store.putPost(rec); err != nil {
			return fmt.Errorf("record digest intent: %w", err)
		}
	}
	if resume && rec.Sent < len(rec.Chunks) {
		recent, err := s.opts.Poster.Recent(ctx, rec.ChannelID, recentChecked)
		if err != nil {
			return s.sendFailed(sub, rec, fmt.Errorf("check recent messages: %w", err), now)
		}
		for _, m := range recent {
			if m.Content == rec.Chunks[rec.Sent] {
				s.log.Info("digest message already posted before a restart", "channel_id", rec.ChannelID, "day", rec.Day, "message_id", m.ID)
				rec.Sent++
				rec.MessageIDs = append(rec.MessageIDs, m.ID)
				if err := s.opts.Store.putPost(rec); err != nil {
					return fmt.Errorf("record digest progress: %w", err)
				}
				break
			}
		}
	}
	for rec.Sent < len(rec.Chunks) {
		id, err := s.opts.Poster.Send(ctx, rec.ChannelID, rec.Chunks[rec.Sent])
		if err != nil {
			return s.sendFailed(sub, rec, err, now)
		}
		rec.Sent++
		rec.MessageIDs = append(rec.MessageIDs, id)
		rec.Updated = s.opts.Now()
		if err := s.opts.Store.putPost(rec); err != nil {
			return fmt.Errorf("record digest progress: %w", err)
		}
	}
	if err := s.opts.Store.finishPost(rec, s.opts.Now()); err != nil {
		return fmt.Errorf("record digest sent: %w", err)
	}
	s.log.Info("digest posted", "guild_id", sub.GuildID, "channel_id", rec.ChannelID, "day", rec.Day,
		"meetings", rec.Meetings, "messages", len(rec.MessageIDs), "late", rec.Late)
	return nil
}

// sendFailed pauses the subscription when the channel is gone or
// forbidden, and otherwise returns err for a later retry.
func (s *DigestScheduler) sendFailed(sub Subscription, rec PostRecord, err error, now time.Time) error {
	if !errors.Is(err, ErrChannelUnavailable) {
		return fmt.Errorf("post digest: %w", err)
	}
	s.log.Warn("digest channel unavailable; subscription paused", "guild_id", sub.GuildID, "channel_id", rec.ChannelID, "day", rec.Day, "err", err)
	if perr := s.opts.Store.Pause(rec.ChannelID, err.Error(), now); perr != nil {
		return fmt.Errorf("pause digest: %w", perr)
	}
	return nil
}

// PreviewDigest renders what a subscription's digest would say now: the
// readouts since its last digest (or the past day), for /digest preview.
func PreviewDigest(ctx context.Context, src DigestSource, sub Subscription, now time.Time) ([]string, error) {
	loc, err := sub.Location()
	if err != nil {
		return nil, err
	}
	from := sub.LastTo
	if from.IsZero() || !from.Before(now) {
		from = now.Add(-24 * time.Hour)
	}
	dg, err := src.Digest(ctx, knowledge.DigestOptions{
		From: from, To: now, Location: loc, AsOf: now,
		Person: sub.Person, Country: sub.Country, Topic: sub.Topic,
	})
	if err != nil {
		return nil, fmt.Errorf("make digest: %w", err)
	}
	return dg.Render(knowledge.DigestRender{AngleLinks: true, EmptyLine: true}), nil
}
