package bot

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readoutbot/readoutbot/bot/discordtest"
	"github.com/readoutbot/readoutbot/knowledge"
)

// End-to-end tests: the real discordgo client against the fake Discord over
// a websocket on 127.0.0.1, answering from a real index on disk built from
// the readouts in testdata/readouts.

const wait = 10 * time.Second

// logBuffer collects the bot's log for assertions; safe for concurrent use.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// openIndex opens a real, empty index in a temporary folder.
func openIndex(tb testing.TB) *knowledge.Index {
	tb.Helper()
	ix, err := knowledge.Open(filepath.Join(tb.TempDir(), "index"), knowledge.Options{})
	if err != nil {
		tb.Fatalf("open index: %v", err)
	}
	tb.Cleanup(func() {
		if err := ix.Close(); err != nil {
			tb.Errorf("close index: %v", err)
		}
	})
	return ix
}

// newIndex builds a real index in a temporary folder from the fixtures.
func newIndex(tb testing.TB) *knowledge.Index {
	tb.Helper()
	ix := openIndex(tb)
	addFixtures(tb, ix, filepath.Join("testdata", "readouts"))
	return ix
}

// addFixtures adds every .md readout in dir to ix, named by file name, and
// fails the test on any readout that does not make a meeting.
func addFixtures(tb testing.TB, ix *knowledge.Index, dir string) []knowledge.Result {
	tb.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no fixture readouts in %s: %v", dir, err)
	}
	var rs []knowledge.Readout
	for _, p := range paths {
		r, err := knowledge.ReadFile(p)
		if err != nil {
			tb.Fatalf("read %s: %v", p, err)
		}
		r.Name = filepath.Base(p)
		rs = append(rs, r)
	}
	results, err := ix.Add(context.Background(), rs...)
	if err != nil {
		tb.Fatalf("add readouts: %v", err)
	}
	for _, res := range results {
		if res.Err != nil {
			tb.Fatalf("add %s: %v", res.Name, res.Err)
		}
	}
	return results
}

// harness is a running bot connected to a fake Discord.
type harness struct {
	srv  *discordtest.Server
	bot  *Bot
	log  *logBuffer
	stop func() error
}

// startBot runs a bot answering from engine against a new fake Discord;
// edit adjusts the options first. The bot stops when the test ends.
func startBot(tb testing.TB, engine Engine, edit func(*Options)) *harness {
	tb.Helper()
	return startBotWith(tb, engine, edit, nil)
}

// startBotWith is startBot with setup run on the bot before it connects,
// to add commands.
func startBotWith(tb testing.TB, engine Engine, edit func(*Options), setup func(*Bot)) *harness {
	tb.Helper()
	srv := discordtest.NewServer(tb)
	logs := &logBuffer{}
	opts := Options{
		Token:   srv.Token,
		GuildID: srv.GuildID,
		APIBase: srv.URL,
		Logger:  slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	if edit != nil {
		edit(&opts)
	}
	b, err := New(opts, engine)
	if err != nil {
		tb.Fatal(err)
	}
	if setup != nil {
		setup(b)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	select {
	case <-b.Ready():
	case err := <-done:
		cancel()
		tb.Fatalf("bot stopped before it was ready: %v\n%s", err, logs)
	case <-time.After(wait):
		cancel()
		tb.Fatalf("bot not ready within %v\n%s", wait, logs)
	}
	var once sync.Once
	var runErr error
	stop := func() error {
		once.Do(func() {
			cancel()
			select {
			case runErr = <-done:
			case <-time.After(30 * time.Second):
				runErr = errors.New("bot did not stop within 30s")
			}
		})
		return runErr
	}
	tb.Cleanup(func() {
		if err := stop(); err != nil {
			tb.Errorf("bot run: %v", err)
		}
		if strings.Contains(logs.String(), srv.Token) {
			tb.Errorf("the token appears in the log:\n%s", logs)
		}
		if tb.Failed() {
			tb.Logf("bot log:\n%s", logs)
		}
	})
	return &harness{srv: srv, bot: b, log: logs, stop: stop}
}

func (h *harness) ask(tb testing.TB, question string) discordtest.Reply {
	tb.Helper()
	return h.srv.Interact(tb, discordtest.Command("ask", discordtest.Opt("question", question))).WaitFinal(tb, wait)
}

// text is everything a user would read in the messages.
func text(msgs ...*discordgo.Message) string {
	var b strings.Builder
	for _, m := range msgs {
		if m == nil {
			continue
		}
		b.WriteString(m.Content + "\n")
		for _, e := range m.Embeds {
			b.WriteString(e.Title + "\n" + e.Description + "\n")
			for _, f := range e.Fields {
				b.WriteString(f.Name + "\n" + f.Value + "\n")
			}
			if e.Footer != nil {
				b.WriteString(e.Footer.Text + "\n")
			}
		}
	}
	return b.String()
}

// buttons maps the labels of a message's buttons to their custom ids.
func buttons(m *discordgo.Message) map[string]discordgo.Button {
	out := map[string]discordgo.Button{}
	if m == nil {
		return out
	}
	for _, c := range m.Components {
		row, ok := c.(*discordgo.ActionsRow)
		if !ok {
			continue
		}
		for _, x := range row.Components {
			if b, ok := x.(*discordgo.Button); ok {
				out[b.Label] = *b
			}
		}
	}
	return out
}

func TestStartRegistersCommands(t *testing.T) {
	for _, guild := range []bool{true, false} {
		name := "global"
		if guild {
			name = "guild"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := startBot(t, openIndex(t), func(o *Options) {
				if !guild {
					o.GuildID = ""
				}
			})
			cmds := h.srv.Commands()
			if guild {
				cmds = h.srv.GuildCommands(h.srv.GuildID)
			}
			var names []string
			for _, c := range cmds {
				names = append(names, c.Name)
			}
			if got, want := strings.Join(names, " "), "ask meeting meetings positions help"; got != want {
				t.Errorf("registered %q, want %q", got, want)
			}
			logs := h.log.String()
			for _, want := range []string{"msg=connected", "guilds=1", "msg=\"commands registered\"", "/ask /meeting /meetings /positions /help"} {
				if !strings.Contains(logs, want) {
					t.Errorf("log lacks %q:\n%s", want, logs)
				}
			}
			if err := h.stop(); err != nil {
				t.Errorf("stop: %v", err)
			}
			if !strings.Contains(h.log.String(), "msg=disconnected") {
				t.Errorf("no clean disconnect in the log:\n%s", h.log)
			}
		})
	}
}

func TestBadTokenSaysWhatToFix(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	b, err := New(Options{Token: "wrong-token-value", APIBase: srv.URL}, openIndex(t))
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), wait)
	defer cancel()
	err = b.Run(ctx)
	if err == nil || !strings.Contains(err.Error(), "DISCORD_TOKEN") || strings.Contains(err.Error(), "wrong-token-value") {
		t.Errorf("err = %v; want a hint at DISCORD_TOKEN without the token", err)
	}
}

func TestAskAndShowSource(t *testing.T) {
	t.Parallel()
	ix := newIndex(t)
	h := startBot(t, ix, nil)
	rep := h.ask(t, "When did Kishida and Macron speak?")
	if rep.Ephemeral() {
		t.Error("an answer should be public")
	}
	got := text(rep.Messages()...)
	if !strings.Contains(got, "Macron") || !strings.Contains(got, "mofa.go.jp") {
		t.Errorf("the answer names neither Macron nor its source:\n%s", got)
	}
	b, ok := buttons(rep.Original)["Show source text"]
	if !ok {
		t.Fatalf("no Show source text button on %+v", rep.Original)
	}
	src := h.srv.Interact(t, discordtest.Click(b.CustomID).On(rep.Original)).WaitFinal(t, wait)
	if !src.Ephemeral() {
		t.Error("source text should be ephemeral")
	}
	if got := text(src.Messages()...); !strings.Contains(got, "> ") {
		t.Errorf("source text quotes nothing:\n%s", got)
	}
}

// wideEngine answers with every meeting in the index, so an answer has more
// meetings than one reply shows.
type wideEngine struct{ *knowledge.Index }

func (e wideEngine) Ask(ctx context.Context, q string) (knowledge.Answer, error) {
	a, err := e.Index.Ask(ctx, q)
	if err != nil {
		return a, err
	}
	page, err := e.Index.Meetings(ctx, knowledge.Filter{Limit: 100})
	a.Meetings = page.Meetings
	return a, err
}

func TestMoreResultsAndButtonsAfterRestart(t *testing.T) {
	t.Parallel()
	ix := newIndex(t)
	h := startBot(t, wideEngine{ix}, nil)
	rep := h.ask(t, "When did Kishida and Macron speak?")
	more, ok := buttons(rep.Original)["More results"]
	if !ok {
		t.Fatalf("no More results button: %s", text(rep.Original))
	}
	page := h.srv.Interact(t, discordtest.Click(more.CustomID).On(rep.Original)).WaitFinal(t, wait)
	if !page.Ephemeral() || !strings.Contains(text(page.Messages()...), "Meetings 4–") {
		t.Errorf("More results: ephemeral=%v\n%s", page.Ephemeral(), text(page.Messages()...))
	}
	// A restart forgets the buttons' memo; the question is read back from
	// the answer itself.
	h.bot.handlers.memo.clear()
	src := h.srv.Interact(t, discordtest.Click(buttons(rep.Original)["Show source text"].CustomID).On(rep.Original)).WaitFinal(t, wait)
	if got := text(src.Messages()...); !strings.Contains(got, "> ") {
		t.Errorf("source text after a restart:\n%s", got)
	}
}

func TestMeetingCard(t *testing.T) {
	t.Parallel()
	ix := newIndex(t)
	page, err := ix.Meetings(t.Context(), knowledge.Filter{Limit: 1})
	if err != nil || len(page.Meetings) == 0 {
		t.Fatalf("no meeting in the index: %v", err)
	}
	m := page.Meetings[0]
	h := startBot(t, ix, nil)
	rep := h.srv.Interact(t, discordtest.Command("meeting", discordtest.Opt("id", m.ID))).WaitFinal(t, wait)
	got := text(rep.Messages()...)
	for _, p := range m.Participants {
		if !strings.Contains(got, p.Label()) {
			t.Errorf("card lacks participant %q:\n%s", p.Label(), got)
		}
	}
	if !strings.Contains(got, "id: "+m.ID) {
		t.Errorf("card lacks the id:\n%s", got)
	}
	rep = h.srv.Interact(t, discordtest.Command("meeting", discordtest.Opt("id", "no-such-id"))).WaitFinal(t, wait)
	if !rep.Ephemeral() || !strings.Contains(text(rep.Messages()...), "no-such-id") {
		t.Errorf("unknown id: want a short ephemeral message, got %q", text(rep.Messages()...))
	}
}

func TestMeetingsPaging(t *testing.T) {
	t.Parallel()
	ix := newIndex(t)
	all, err := ix.Meetings(t.Context(), knowledge.Filter{Limit: 100})
	if err != nil || all.Total <= pageSize {
		t.Fatalf("need more than %d meetings in the fixtures, have %d (%v)", pageSize, all.Total, err)
	}
	h := startBot(t, ix, nil)
	rep := h.srv.Interact(t, discordtest.Command("meetings")).WaitFinal(t, wait)
	first := text(rep.Original)
	if !strings.Contains(first, "Page 1 of") {
		t.Fatalf("first page:\n%s", first)
	}
	next := buttons(rep.Original)["Next"]
	if next.Disabled || next.CustomID == "" {
		t.Fatalf("Next is missing or disabled: %+v", next)
	}
	if !buttons(rep.Original)["Previous"].Disabled {
		t.Error("Previous should be disabled on the first page")
	}
	page2 := h.srv.Interact(t, discordtest.Click(next.CustomID).On(rep.Original)).WaitFinal(t, wait)
	if page2.Callback.Type != discordgo.InteractionResponseUpdateMessage {
		t.Fatalf("paging answered with type %d, want 7 (update)", page2.Callback.Type)
	}
	second := text(page2.Original)
	if !strings.Contains(second, "Page 2 of") || second == first {
		t.Fatalf("second page:\n%s", second)
	}
	// The newest meeting is on page 1 and not on page 2.
	newest := all.Meetings[0]
	if !strings.Contains(first, newest.ID) || strings.Contains(second, newest.ID) {
		t.Errorf("newest meeting %s not first", newest.ID)
	}
	prev := buttons(page2.Original)["Previous"]
	back := h.srv.Interact(t, discordtest.Click(prev.CustomID).On(page2.Original)).WaitFinal(t, wait)
	if text(back.Original) != first {
		t.Errorf("Previous did not return to the first page:\n%s", text(back.Original))
	}
}

func TestPositionsTimeline(t *testing.T) {
	t.Parallel()
	ix := newIndex(t)
	all, err := ix.Meetings(t.Context(), knowledge.Filter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	// Pick a speaker the index has positions for, rather than assuming one.
	var speaker string
	var entries []knowledge.Entry
	for _, m := range all.Meetings {
		for _, p := range m.Positions {
			if p.Speaker == knowledge.BothSides {
				continue
			}
			if es, err := ix.Positions(t.Context(), p.Speaker, ""); err == nil && len(es) > len(entries) {
				speaker, entries = p.Speaker, es
			}
		}
	}
	if speaker == "" {
		t.Fatal("the fixtures yield no positions")
	}
	h := startBot(t, ix, nil)
	rep := h.srv.Interact(t, discordtest.Command("positions", discordtest.Opt("speaker", speaker))).WaitFinal(t, wait)
	got := text(rep.Messages()...)
	for _, e := range entries {
		if !strings.Contains(got, humanDay(e.Date)) {
			t.Errorf("timeline lacks the entry of %s:\n%s", e.Date, got)
		}
	}
}

func TestHelpCountsReadouts(t *testing.T) {
	t.Parallel()
	ix := newIndex(t)
	st, err := ix.Stats(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	h := startBot(t, ix, nil)
	rep := h.srv.Interact(t, discordtest.Command("help")).WaitFinal(t, wait)
	got := text(rep.Messages()...)
	for _, want := range []string{"/ask", "/meetings", humanDay(st.First), humanDay(st.Last)} {
		if !strings.Contains(got, want) {
			t.Errorf("help lacks %q:\n%s", want, got)
		}
	}
	if !strings.Contains(got, "**"+strconv.Itoa(st.Meetings)+"**") {
		t.Errorf("help does not say it knows %d readouts:\n%s", st.Meetings, got)
	}
}

func TestAutocomplete(t *testing.T) {
	t.Parallel()
	h := startBot(t, newIndex(t), nil)
	tests := []struct {
		command, option, typed, want string
	}{
		{"meetings", "person", "Kish", "Kishida"},
		{"meetings", "country", "Jap", "Japan"},
		{"positions", "speaker", "Mac", "Macron"},
		{"meeting", "id", "Summ", "Summit"},
		{"meeting", "id", "2024-05", "2024-05-20"},
		{"meeting", "id", "Scholz", "Scholz"},
	}
	for _, tt := range tests {
		rep := h.srv.Interact(t, discordtest.Autocomplete(tt.command, discordtest.Focus(tt.option, tt.typed))).Wait(t, wait)
		if rep.Callback.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
			t.Fatalf("%s.%s: callback type %d", tt.command, tt.option, rep.Callback.Type)
		}
		found := false
		for _, c := range rep.Callback.Choices {
			found = found || strings.Contains(c.Name, tt.want)
		}
		if !found || len(rep.Callback.Choices) > maxChoices {
			t.Errorf("%s.%s %q: %d choices, none with %q", tt.command, tt.option, tt.typed, len(rep.Callback.Choices), tt.want)
		}
	}
}

// slowEngine delays Ask, like a cold index on a slow disk.
type slowEngine struct {
	Engine
	delay time.Duration
}

func (e slowEngine) Ask(ctx context.Context, q string) (knowledge.Answer, error) {
	select {
	case <-time.After(e.delay):
	case <-ctx.Done():
		return knowledge.Answer{}, ctx.Err()
	}
	return e.Engine.Ask(ctx, q)
}

func TestSlowAnswerDefersThenEdits(t *testing.T) {
	t.Parallel()
	h := startBot(t, slowEngine{newIndex(t), 600 * time.Millisecond}, func(o *Options) { o.DeferAfter = 100 * time.Millisecond })
	r := h.srv.Interact(t, discordtest.Command("ask", discordtest.Opt("question", "When did Kishida and Macron speak?")))
	first := r.Wait(t, wait)
	if first.Callback.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("first response type %d, want 5 (deferred)", first.Callback.Type)
	}
	rep := r.WaitEdit(t, 1, wait)
	if !strings.Contains(text(rep.Original), "Macron") {
		t.Errorf("edited answer:\n%s", text(rep.Original))
	}
}

func TestSlowFailureAfterDeferIsPrivate(t *testing.T) {
	t.Parallel()
	h := startBot(t, slowEngine{newIndex(t), 300 * time.Millisecond}, func(o *Options) { o.DeferAfter = 50 * time.Millisecond })
	r := h.srv.Interact(t, discordtest.Command("ask", discordtest.Opt("question", "zzzz qqqq xxxx")))
	rep := r.WaitFollowups(t, 1, wait)
	if f := rep.Followups[0]; f.Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("error after a public deferral must follow up privately: %+v", f)
	}
}

func TestReconnectMidTest(t *testing.T) {
	t.Parallel()
	h := startBot(t, newIndex(t), nil)
	h.ask(t, "When did Kishida and Macron speak?")
	h.srv.Reconnect()
	if rep := h.ask(t, "When did Kishida and Scholz meet?"); !strings.Contains(text(rep.Messages()...), "Scholz") {
		t.Errorf("after op 7:\n%s", text(rep.Messages()...))
	}
	h.srv.DropConnection()
	if rep := h.ask(t, "When did Kishida and Modi speak?"); !strings.Contains(text(rep.Messages()...), "Modi") {
		t.Errorf("after a dropped socket:\n%s", text(rep.Messages()...))
	}
	if h.srv.Resumes()+h.srv.Identifies() < 3 {
		t.Errorf("identifies %d, resumes %d: the client did not come back twice", h.srv.Identifies(), h.srv.Resumes())
	}
}

func TestZombieConnection(t *testing.T) {
	t.Parallel()
	h := startBot(t, newIndex(t), nil)
	// The short interval applies to the next connection, so the first one
	// is dropped to get it.
	h.srv.SetHeartbeatInterval(200 * time.Millisecond)
	h.srv.DropConnection()
	h.srv.ZombieConnection()
	if rep := h.ask(t, "When did Kishida and Macron speak?"); !strings.Contains(text(rep.Messages()...), "Macron") {
		t.Errorf("after a zombie connection:\n%s", text(rep.Messages()...))
	}
}

func TestRateLimitedCallbackIsRetried(t *testing.T) {
	t.Parallel()
	h := startBot(t, newIndex(t), nil)
	h.srv.RateLimitNext("POST", "/interactions/*/*/callback", 1)
	rep := h.ask(t, "When did Kishida and Macron speak?")
	if !strings.Contains(text(rep.Messages()...), "Macron") {
		t.Errorf("answer after a 429:\n%s", text(rep.Messages()...))
	}
	var statuses []int
	for _, r := range h.srv.Requests() {
		if discordtest.Route("POST", "/interactions/*/*/callback")(r) {
			statuses = append(statuses, r.Status)
		}
	}
	if len(statuses) != 2 || statuses[0] != 429 {
		t.Errorf("callback statuses %v, want a 429 then success", statuses)
	}
}

// longEngine answers with a text far over Discord's limits.
type longEngine struct{ Engine }

func (e longEngine) Ask(ctx context.Context, q string) (knowledge.Answer, error) {
	a, err := e.Engine.Ask(ctx, q)
	a.Text = strings.Repeat("A long answer about trade and security, 貿易と安全保障. ", 300)
	return a, err
}

func TestOverLongAnswerIsSplit(t *testing.T) {
	t.Parallel()
	h := startBot(t, longEngine{newIndex(t)}, nil)
	r := h.srv.Interact(t, discordtest.Command("ask", discordtest.Opt("question", "When did Kishida and Macron speak?")))
	const repeats = 300
	rep := r.WaitFor(t, "the whole answer", func(rep discordtest.Reply) bool {
		return strings.Count(text(rep.Messages()...), "貿易と安全保障") >= repeats
	}, wait)
	if len(rep.Followups) == 0 {
		t.Error("a 15,000-character answer was not split over follow-ups")
	}
	if got := strings.Count(text(rep.Messages()...), "貿易と安全保障"); got != repeats {
		t.Errorf("the split answer has %d of %d repeats", got, repeats)
	}
}

// panicEngine panics in Ask.
type panicEngine struct{ Engine }

func (panicEngine) Ask(context.Context, string) (knowledge.Answer, error) { panic("index exploded") }

func TestPanicIsRecovered(t *testing.T) {
	t.Parallel()
	h := startBot(t, panicEngine{newIndex(t)}, nil)
	rep := h.ask(t, "When did Kishida and Macron speak?")
	if !rep.Ephemeral() || !strings.Contains(text(rep.Messages()...), "went wrong") {
		t.Errorf("panic: got %q", text(rep.Messages()...))
	}
	if !strings.Contains(h.log.String(), "index exploded") {
		t.Error("the panic was not logged")
	}
	if rep := h.srv.Interact(t, discordtest.Command("help")).WaitFinal(t, wait); rep.Callback.Type == 0 {
		t.Error("the bot stopped answering after a panic")
	}
}

func TestShutdownFinishesInFlight(t *testing.T) {
	t.Parallel()
	h := startBot(t, slowEngine{newIndex(t), 500 * time.Millisecond}, func(o *Options) { o.DeferAfter = 50 * time.Millisecond })
	r := h.srv.Interact(t, discordtest.Command("ask", discordtest.Opt("question", "When did Kishida and Macron speak?")))
	r.Wait(t, wait) // deferred
	if err := h.stop(); err != nil {
		t.Fatal(err)
	}
	if rep := r.Reply(); len(rep.Edits) == 0 {
		t.Error("shutdown did not wait for the answer in flight")
	}
}
