package bot

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readoutbot/readoutbot/bot/discordtest"
	"github.com/readoutbot/readoutbot/knowledge"
)

func openWatchStore(tb testing.TB) *WatchStore {
	tb.Helper()
	s, err := OpenWatchStore(filepath.Join(tb.TempDir(), WatchStoreFile))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// notice is one notice a poster was asked to send.
type notice struct{ channel, role, content string }

// recordingPoster records notices; fail makes the next sends fail.
type recordingPoster struct {
	mu   sync.Mutex
	sent []notice
	fail []error
}

func (p *recordingPoster) Notify(_ context.Context, channelID, roleID, content string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.fail) > 0 {
		err := p.fail[0]
		p.fail = p.fail[1:]
		return err
	}
	p.sent = append(p.sent, notice{channelID, roleID, content})
	return nil
}

func (p *recordingPoster) notices() []notice {
	p.mu.Lock()
	defer p.mu.Unlock()
	return slices.Clone(p.sent)
}

// newCall is a readout of a call published on day (YYYY-MM-DD), taken in
// after the fixtures.
func newCall(name, day, who, counterpart string) knowledge.Readout {
	return knowledge.Readout{
		Name:      name,
		Title:     "Telephone call between " + who + " and " + counterpart,
		Source:    "Ministry of Foreign Affairs of Japan",
		SourceURL: "https://www.mofa.go.jp/test/watch/" + name,
		Published: day,
		Text: fmt.Sprintf("On %s, Mr. %s, Prime Minister of Japan, held a telephone call with Mr. %s, President of the United States of America.\n\n"+
			"1. Prime Minister Ito explained Japan's position on tariffs on steel.\n\n2. The two leaders agreed to keep in close contact.", day, who, counterpart),
	}
}

func addReadouts(tb testing.TB, ix *knowledge.Index, rs ...knowledge.Readout) {
	tb.Helper()
	res, err := ix.Add(context.Background(), rs...)
	if err != nil {
		tb.Fatal(err)
	}
	for _, r := range res {
		if r.Err != nil {
			tb.Fatalf("add %s: %v", r.Name, r.Err)
		}
	}
}

func TestWatcherFiresOncePerReadout(t *testing.T) {
	clk := newClock()
	ix, _ := linkedIndex(t, clk)
	store := openWatchStore(t)
	poster := &recordingPoster{}
	w := NewWatcher(WatcherOptions{Store: store, Source: ix, Poster: poster, Now: clk.Now, Burst: 2})
	lane, err := store.Add(WatchEntry{GuildID: "g", ChannelID: "c1", RoleID: "111", Watch: knowledge.Watch{Person: "Lane"}, Created: clk.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Add(WatchEntry{GuildID: "g", ChannelID: "c2", RoleID: "222", Watch: knowledge.Watch{Country: "France"}, Created: clk.Now()}); err != nil {
		t.Fatal(err)
	}
	check := func(want int) {
		t.Helper()
		n, err := w.Check(t.Context())
		if err != nil || n != want {
			t.Fatalf("Check = %d, %v; want %d notices", n, err, want)
		}
	}
	// The first check only marks the start: the fixtures (two of them with
	// Lane) were there before.
	check(0)
	clk.Advance(time.Minute)
	addReadouts(t, ix, newCall("call-1", "2025-04-03", "Kenji Ito", "Thomas Lane"))
	check(1)
	got := poster.notices()
	if len(got) != 1 || got[0].channel != "c1" || got[0].role != "111" ||
		!strings.HasPrefix(got[0].content, "<@&111>") || !strings.Contains(got[0].content, "Thomas Lane") {
		t.Fatalf("notices = %+v", got)
	}
	// Checked again (the overlap re-reads it), and re-published with an
	// edit: still one notice for that readout.
	clk.Advance(time.Minute)
	check(0)
	r := newCall("call-1", "2025-04-03", "Kenji Ito", "Thomas Lane")
	r.Text += "\n\n3. They will meet in June."
	addReadouts(t, ix, r)
	clk.Advance(time.Minute)
	check(0)
	if fired, _ := store.Fired(lane.ID); len(fired) != 1 {
		t.Errorf("fired records = %v, want one", fired)
	}

	// A failed send is retried at the next check, and fires once.
	clk.Advance(time.Minute)
	poster.fail = []error{errors.New("503 from discord")}
	addReadouts(t, ix, newCall("call-2", "2025-04-03", "Kenji Ito", "Thomas Lane"))
	check(0)
	clk.Advance(time.Minute)
	check(1)
	clk.Advance(time.Minute)
	check(0)

	// A gone channel drops the notice rather than retrying it forever.
	clk.Advance(time.Minute)
	poster.fail = []error{fmt.Errorf("%w: 404", ErrChannelUnavailable)}
	addReadouts(t, ix, newCall("call-3", "2025-04-03", "Kenji Ito", "Thomas Lane"))
	check(0)
	clk.Advance(time.Minute)
	check(0)

	// A backfill of old readouts is not news; a burst is summed up.
	clk.Advance(time.Minute)
	addReadouts(t, ix, newCall("old-call", "2024-01-10", "Kenji Ito", "Thomas Lane"))
	check(0)
	clk.Advance(time.Minute)
	addReadouts(t, ix,
		newCall("burst-1", "2025-04-02", "Kenji Ito", "Thomas Lane"),
		newCall("burst-2", "2025-04-02", "Kenji Ito", "Thomas Lane"),
		newCall("burst-3", "2025-04-02", "Kenji Ito", "Thomas Lane"),
		newCall("burst-4", "2025-04-02", "Kenji Ito", "Thomas Lane"))
	check(3) // two notices, then one summary
	last := poster.notices()[len(poster.notices())-1]
	if !strings.Contains(last.content, "2 more") || last.role != "111" {
		t.Errorf("summary = %+v", last)
	}
	for _, n := range poster.notices() {
		if n.role != "111" {
			t.Errorf("the France watch fired: %+v", n)
		}
	}
}

func TestWatchStore(t *testing.T) {
	s := openWatchStore(t)
	a, err := s.Add(WatchEntry{GuildID: "g1", ChannelID: "c", RoleID: "1", Watch: knowledge.Watch{Topic: "trade"}})
	if err != nil {
		t.Fatal(err)
	}
	b, _ := s.Add(WatchEntry{GuildID: "g2", ChannelID: "c", RoleID: "2", Watch: knowledge.Watch{Person: "Ito"}})
	if a.ID == b.ID {
		t.Fatal("two watches share an id")
	}
	if ws, _ := s.List("g1"); len(ws) != 1 || ws[0].Topic != "trade" {
		t.Errorf("List(g1) = %+v", ws)
	}
	if _, err := s.Remove("g1", b.ID); !errors.Is(err, ErrNoWatch) {
		t.Errorf("removing another server's watch: err = %v, want ErrNoWatch", err)
	}
	if first, _ := s.Fire(a.ID, "m1", time.Now()); !first {
		t.Error("first Fire reported a repeat")
	}
	if first, _ := s.Fire(a.ID, "m1", time.Now()); first {
		t.Error("second Fire reported a first")
	}
	if _, err := s.Remove("g1", a.ID); err != nil {
		t.Fatal(err)
	}
	if f, _ := s.Fired(a.ID); len(f) != 0 {
		t.Errorf("fired records outlive their watch: %v", f)
	}
	for i := range MaxWatchesPerGuild {
		if _, err := s.Add(WatchEntry{GuildID: "g3", RoleID: "3", Watch: knowledge.Watch{Topic: fmt.Sprint("t", i)}}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Add(WatchEntry{GuildID: "g3", RoleID: "3", Watch: knowledge.Watch{Topic: "one too many"}}); err == nil {
		t.Error("a server may add more than MaxWatchesPerGuild watches")
	}
}

// restSession is a discordgo session for REST calls to the fake, as the
// bot's own session makes them.
func restSession(tb testing.TB, srv *discordtest.Server) *discordgo.Session {
	tb.Helper()
	s, err := discordgo.New("Bot " + srv.Token)
	if err != nil {
		tb.Fatal(err)
	}
	if s.Client, err = newHTTPClient(srv.URL, nil); err != nil {
		tb.Fatal(err)
	}
	return s
}

func TestWatchEndToEnd(t *testing.T) {
	t.Parallel()
	clk := newClock()
	ix, _ := linkedIndex(t, clk)
	store := openWatchStore(t)
	h := startAnalyst(t, ix, clk, store)
	const role, otherRole = "1300000000000000011", "1300000000000000012"
	admin := func(ix discordtest.Interaction) discordtest.Interaction {
		return ix.WithPermissions(discordtest.AdminPermissions)
	}

	// The command is for Manage Server only, and checked on our side too.
	var def *discordgo.ApplicationCommand
	for _, c := range h.srv.GuildCommands(h.srv.GuildID) {
		if c.Name == "watch" {
			def = c
		}
	}
	if def == nil || def.DefaultMemberPermissions == nil || *def.DefaultMemberPermissions != 32 {
		t.Fatalf("/watch definition: %+v", def)
	}
	rep := h.srv.Interact(t, discordtest.Command("watch", discordtest.Sub("add", discordtest.Opt("role", role), discordtest.Opt("person", "Lane")))).WaitFinal(t, wait)
	if !rep.Ephemeral() || !strings.Contains(text(rep.Messages()...), "Manage Server") {
		t.Fatalf("a member without Manage Server: %q", text(rep.Messages()...))
	}
	if ws, _ := store.List(""); len(ws) != 0 {
		t.Fatalf("a refused /watch add stored %+v", ws)
	}

	rep = h.srv.Interact(t, admin(discordtest.Command("watch", discordtest.Sub("add", discordtest.Opt("role", role), discordtest.Opt("person", "Lane"))))).WaitFinal(t, wait)
	if got := text(rep.Messages()...); !rep.Ephemeral() || !strings.Contains(got, "Watch **#1** added") || !strings.Contains(got, "<@&"+role+">") {
		t.Fatalf("/watch add: %q", got)
	}
	rep = h.srv.Interact(t, admin(discordtest.Command("watch", discordtest.Sub("add", discordtest.Opt("role", otherRole), discordtest.Opt("country", "France"))))).WaitFinal(t, wait)
	if !strings.Contains(text(rep.Messages()...), "#2") {
		t.Fatalf("second /watch add: %q", text(rep.Messages()...))
	}
	rep = h.srv.Interact(t, admin(discordtest.Command("watch", discordtest.Sub("add", discordtest.Opt("role", h.srv.GuildID), discordtest.Opt("topic", "trade"))))).WaitFinal(t, wait)
	if !strings.Contains(text(rep.Messages()...), "@everyone") {
		t.Errorf("a watch pinging @everyone was not refused: %q", text(rep.Messages()...))
	}
	rep = h.srv.Interact(t, admin(discordtest.Command("watch", discordtest.Sub("add", discordtest.Opt("role", role))))).WaitFinal(t, wait)
	if !strings.Contains(text(rep.Messages()...), "Say what to watch for") {
		t.Errorf("a watch for nothing: %q", text(rep.Messages()...))
	}
	ac := h.srv.Interact(t, admin(discordtest.Autocomplete("watch", discordtest.Sub("add", discordtest.Opt("role", role), discordtest.Focus("person", "La"))))).Wait(t, wait)
	if len(ac.Callback.Choices) == 0 || !strings.Contains(ac.Callback.Choices[0].Name, "Lane") {
		t.Errorf("autocomplete of /watch add person: %+v", ac.Callback.Choices)
	}
	rep = h.srv.Interact(t, admin(discordtest.Command("watch", discordtest.Sub("list")))).WaitFinal(t, wait)
	if got := text(rep.Messages()...); !strings.Contains(got, "**#1** person: Lane") || !strings.Contains(got, "**#2** country: France") {
		t.Errorf("/watch list: %q", got)
	}

	// A new readout with Lane arrives; the watcher posts one notice,
	// pinging only the chosen role.
	w := NewWatcher(WatcherOptions{Store: store, Source: ix, Poster: DiscordWatchPoster{Session: restSession(t, h.srv)}, Now: clk.Now})
	if _, err := w.Check(t.Context()); err != nil {
		t.Fatal(err)
	}
	clk.Advance(time.Minute)
	addReadouts(t, ix, newCall("call-1", "2025-04-03", "Kenji Ito", "Thomas Lane"))
	for range 2 {
		if _, err := w.Check(t.Context()); err != nil {
			t.Fatal(err)
		}
		clk.Advance(time.Minute)
	}
	msgs := h.srv.WaitMessages(t, h.srv.ChannelID, 1, wait)
	if len(msgs) != 1 || !strings.Contains(msgs[0].Content, "<@&"+role+">") || !strings.Contains(msgs[0].Content, "Thomas Lane") ||
		!strings.Contains(msgs[0].Content, "<https://www.mofa.go.jp/test/watch/call-1>") {
		t.Fatalf("channel messages: %d, first %q", len(msgs), msgs[0].Content)
	}
	var posts []discordtest.Request
	for _, r := range h.srv.Requests() {
		if discordtest.Route("POST", "/channels/*/messages")(r) {
			posts = append(posts, r)
		}
	}
	if len(posts) != 1 {
		t.Fatalf("%d message posts, want 1", len(posts))
	}
	var body struct {
		AllowedMentions struct {
			Parse []string `json:"parse"`
			Roles []string `json:"roles"`
			Users []string `json:"users"`
		} `json:"allowed_mentions"`
	}
	if err := posts[0].Decode(&body); err != nil {
		t.Fatal(err)
	}
	if am := body.AllowedMentions; am.Parse == nil || len(am.Parse) != 0 || len(am.Users) != 0 || !slices.Equal(am.Roles, []string{role}) {
		t.Errorf("allowed_mentions = %+v, want parse [] and exactly role %s", am, role)
	}

	rep = h.srv.Interact(t, admin(discordtest.Command("watch", discordtest.Sub("remove", discordtest.Opt("id", 1))))).WaitFinal(t, wait)
	if !strings.Contains(text(rep.Messages()...), "removed") {
		t.Errorf("/watch remove: %q", text(rep.Messages()...))
	}
	rep = h.srv.Interact(t, admin(discordtest.Command("watch", discordtest.Sub("remove", discordtest.Opt("id", 1))))).WaitFinal(t, wait)
	if !rep.Ephemeral() || !strings.Contains(text(rep.Messages()...), "no watch #1") {
		t.Errorf("removing twice: %q", text(rep.Messages()...))
	}
	rep = h.srv.Interact(t, admin(discordtest.Command("watch", discordtest.Sub("list")))).WaitFinal(t, wait)
	if got := text(rep.Messages()...); strings.Contains(got, "**#1**") || !strings.Contains(got, "**#2**") {
		t.Errorf("/watch list after remove: %q", got)
	}
}

// countingSource counts the checks that read new meetings.
type countingSource struct {
	mu sync.Mutex
	n  int
}

func (c *countingSource) Meetings(context.Context, knowledge.Filter) (knowledge.Page, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.n++
	return knowledge.Page{}, nil
}

func (c *countingSource) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func TestWatcherRunsOnItsInterval(t *testing.T) {
	store := openWatchStore(t)
	if _, err := store.Add(WatchEntry{GuildID: "g", ChannelID: "c", RoleID: "1", Watch: knowledge.Watch{Topic: "trade"}}); err != nil {
		t.Fatal(err)
	}
	synctest.Test(t, func(t *testing.T) {
		src := &countingSource{}
		w := NewWatcher(WatcherOptions{Store: store, Source: src, Poster: &recordingPoster{}, Interval: time.Minute})
		ctx, cancel := context.WithCancel(t.Context())
		done := make(chan error)
		go func() { done <- w.Run(ctx) }()
		// The first check only marks the start; each later one reads.
		time.Sleep(3*time.Minute + time.Second)
		synctest.Wait()
		if got := src.count(); got != 3 {
			t.Errorf("%d checks read new meetings in 3 minutes, want 3", got)
		}
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run = %v", err)
		}
	})
}
