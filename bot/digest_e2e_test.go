package bot

import (
	"context"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readoutbot/readoutbot/bot/discordtest"
)

// digestE2E is a bot with /digest, connected to a fake Discord, and a
// scheduler posting through the bot's session with a clock the test sets.
type digestE2E struct {
	srv   *discordtest.Server
	store *DigestStore
	sched *DigestScheduler
	now   time.Time
}

func startDigestBot(t *testing.T) *digestE2E {
	t.Helper()
	ix := newIndex(t) // readouts ingested now, in real time
	srv := discordtest.NewServer(t)
	logs := &logBuffer{}
	b, err := New(Options{Token: srv.Token, GuildID: srv.GuildID, APIBase: srv.URL,
		Logger: slog.New(slog.NewTextHandler(logs, nil))}, ix)
	if err != nil {
		t.Fatal(err)
	}
	e := &digestE2E{srv: srv, store: openDigestTestStore(t, filepath.Join(t.TempDir(), DigestStoreFile)), now: time.Now()}
	clock := func() time.Time { return e.now }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var session *discordgo.Session
	ready := make(chan struct{})
	poster := &lazyPoster{ready: ready, s: &session}
	e.sched = NewDigestScheduler(DigestSchedulerOptions{Store: e.store, Source: ix, Poster: poster, Now: clock,
		Logger: slog.New(slog.NewTextHandler(logs, nil))})
	canPost := func(ctx context.Context, ch string) error {
		<-ready
		return DiscordDigestPoster{Session: session}.CanPost(ctx, ch)
	}
	b.AddCommand(NewDigestCommand(DigestCommandOptions{Store: e.store, Source: ix, Scheduler: e.sched, Now: clock, CanPost: canPost}))
	go func() { done <- b.Run(ctx) }()
	select {
	case session = <-b.Ready():
		close(ready)
	case err := <-done:
		cancel()
		t.Fatalf("bot stopped: %v\n%s", err, logs)
	case <-time.After(wait):
		cancel()
		t.Fatalf("bot not ready\n%s", logs)
	}
	t.Cleanup(func() {
		cancel()
		<-done
	})
	return e
}

// lazyPoster posts with the session once the bot is connected.
type lazyPoster struct {
	ready chan struct{}
	s     **discordgo.Session
}

func (p *lazyPoster) Send(ctx context.Context, channelID, content string) (string, error) {
	<-p.ready
	return DiscordDigestPoster{Session: *p.s}.Send(ctx, channelID, content)
}

func (p *lazyPoster) Recent(ctx context.Context, channelID string, limit int) ([]PostedMessage, error) {
	<-p.ready
	return DiscordDigestPoster{Session: *p.s}.Recent(ctx, channelID, limit)
}

func channelOpt(id string) discordtest.Option {
	return discordtest.Option{Name: "channel", Type: discordgo.ApplicationCommandOptionChannel, Value: id}
}

func TestDigestEndToEnd(t *testing.T) {
	e := startDigestBot(t)
	const digestChannel = "1200000000000000077"
	// Due two minutes from now (UTC), so the first post is today.
	at := e.now.UTC().Add(2 * time.Minute).Format("15:04")
	set := discordtest.Command("digest", discordtest.Sub("set", channelOpt(digestChannel),
		discordtest.Opt("time", at), discordtest.Opt("timezone", "UTC"), discordtest.Opt("quiet_line", true)))

	// A member without Manage Server is refused and nothing is stored.
	rep := e.srv.Interact(t, set.WithPermissions(discordtest.MemberPermissions)).WaitFinal(t, wait)
	if got := text(rep.Messages()...); !strings.Contains(got, "Manage Server") || !rep.Ephemeral() {
		t.Errorf("non-admin /digest set: %q (ephemeral %v)", got, rep.Ephemeral())
	}
	if subs, _ := e.store.Subscriptions(""); len(subs) != 0 {
		t.Fatalf("non-admin stored %d subscriptions", len(subs))
	}

	// A channel the bot may not see is refused at once.
	const hidden = "1200000000000000078"
	e.srv.Forbid(hidden)
	rep = e.srv.Interact(t, discordtest.Command("digest", discordtest.Sub("set", channelOpt(hidden),
		discordtest.Opt("time", at), discordtest.Opt("timezone", "UTC"))).WithPermissions(discordtest.AdminPermissions)).WaitFinal(t, wait)
	if got := text(rep.Messages()...); !strings.Contains(got, "cannot post in <#"+hidden+">") {
		t.Errorf("/digest set on a forbidden channel: %q", got)
	}

	e.srv.AddMessage(digestChannel, &discordgo.Message{Content: "an earlier message"}) // the channel exists
	rep = e.srv.Interact(t, set.WithPermissions(discordtest.AdminPermissions)).WaitFinal(t, wait)
	if got := text(rep.Messages()...); !strings.Contains(got, "Digest set for <#"+digestChannel+">") {
		t.Fatalf("admin /digest set: %q", got)
	}

	// Three minutes later the digest is due: it arrives in the channel
	// with the meetings ingested since the last post time.
	e.now = e.now.Add(3 * time.Minute)
	e.sched.RunDue(context.Background())
	msgs := e.srv.WaitMessages(t, digestChannel, 2, wait)[1:]
	got := text(msgs...)
	if !strings.HasPrefix(got, "Readout digest") || !strings.Contains(got, "Kishida") {
		t.Errorf("digest post:\n%s", got)
	}
	n := len(msgs)
	e.sched.RunDue(context.Background()) // same day: nothing more
	if len(e.srv.Messages(digestChannel)) != n+1 {
		t.Errorf("second run posted again")
	}

	// The channel forbids the bot: the next day's digest (one short line,
	// as quiet_line asks, since nothing came in) pauses the
	// subscription, and the admin hears of it on their next /digest.
	e.srv.Forbid(digestChannel)
	e.now = e.now.Add(24 * time.Hour)
	e.sched.RunDue(context.Background())
	sub, err := e.store.Subscription(digestChannel)
	if err != nil || !sub.Paused {
		t.Fatalf("after 403: %+v, %v", sub, err)
	}
	e.now = e.now.Add(time.Hour)
	e.sched.RunDue(context.Background())
	posts := 0
	for _, r := range e.srv.Requests() {
		if r.Method == "POST" && r.Path == "/channels/"+digestChannel+"/messages" {
			posts++
		}
	}
	if posts != n+1 {
		t.Errorf("%d posts to the channel, want %d (one refused, no retries)", posts, n+1)
	}
	rep = e.srv.Interact(t, discordtest.Command("digest", discordtest.Sub("show")).WithPermissions(discordtest.AdminPermissions)).WaitFinal(t, wait)
	if got := text(rep.Messages()...); !strings.Contains(got, "paused") {
		t.Errorf("/digest show after a 403 does not say it is paused: %q", got)
	}
}
