package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Options configure a Bot. Zero durations take the defaults.
type Options struct {
	// Token is the bot token (without "Bot "). Never logged.
	Token string
	// GuildID registers commands on one server (at once) instead of globally.
	GuildID string
	// APIBase replaces https://discord.com for REST calls (tests, or a
	// Discord-compatible server); empty means Discord.
	APIBase string
	// Logger receives the bot's log; nil discards it.
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// HTTPClient is the base client for REST calls; nil means a default
	// with a 30 s timeout.
	HTTPClient *http.Client
	// DeferAfter is how long a handler may run before the bot defers the
	// reply (Discord allows 3 s for the first response). Default 1.5 s.
	DeferAfter time.Duration
	// HandlerTimeout bounds one handler. Default 60 s.
	HandlerTimeout time.Duration
	// DrainTimeout bounds how long shutdown waits for interactions in
	// flight. Default 10 s.
	DrainTimeout time.Duration
}

// LogValue keeps the token out of every log line.
func (o Options) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("token", redacted(o.Token)),
		slog.String("guild_id", o.GuildID),
		slog.String("api_base", o.APIBase),
	)
}

// Bot answers slash commands on one Discord session.
type Bot struct {
	opts       Options
	log        *slog.Logger
	engine     Engine
	handlers   *handlers
	commands   map[string]Command
	order      []string
	components map[string]Component

	mu       sync.Mutex
	stopping bool
	inflight sync.WaitGroup
	// work is the context handlers run in; cancelled only when the drain
	// timeout has passed.
	work       context.Context
	cancelWork context.CancelFunc

	ready chan *discordgo.Session
}

// New returns a bot answering from engine. It connects only in Run.
func New(opts Options, engine Engine) (*Bot, error) {
	if opts.Token == "" {
		return nil, errors.New("no bot token: set DISCORD_TOKEN")
	}
	if engine == nil {
		return nil, errors.New("no knowledge engine")
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.DeferAfter <= 0 {
		opts.DeferAfter = 1500 * time.Millisecond
	}
	if opts.HandlerTimeout <= 0 {
		opts.HandlerTimeout = 60 * time.Second
	}
	if opts.DrainTimeout <= 0 {
		opts.DrainTimeout = 10 * time.Second
	}
	if opts.APIBase != "" {
		if err := checkAPIBase(opts.APIBase); err != nil {
			return nil, err
		}
	}
	b := &Bot{
		opts:       opts,
		log:        opts.Logger,
		engine:     engine,
		handlers:   &handlers{engine: engine, memo: newMemo(2048)},
		commands:   map[string]Command{},
		components: map[string]Component{},
		ready:      make(chan *discordgo.Session, 1),
	}
	builtin := b.handlers.commands()
	for _, c := range builtin {
		b.AddCommand(c)
	}
	b.handlers.added = func() []*discordgo.ApplicationCommand { return b.Definitions()[len(builtin):] }
	for _, c := range b.handlers.components() {
		b.AddComponent(c)
	}
	return b, nil
}

// AddCommand adds (or replaces) a slash command; call it before Run.
func (b *Bot) AddCommand(c Command) {
	if _, ok := b.commands[c.Definition.Name]; !ok {
		b.order = append(b.order, c.Definition.Name)
	}
	b.commands[c.Definition.Name] = c
}

// AddComponent routes buttons with c.Prefix; call it before Run.
func (b *Bot) AddComponent(c Component) { b.components[c.Prefix] = c }

// CompleteFilters completes options named person, speaker, country and
// topic from the index, for commands added with AddCommand (such as
// /digest's filters).
func (b *Bot) CompleteFilters(ctx context.Context, req Request) ([]*discordgo.ApplicationCommandOptionChoice, error) {
	return b.handlers.completeFilters(ctx, req)
}

// Definitions are the commands Run registers, in order.
func (b *Bot) Definitions() []*discordgo.ApplicationCommand {
	defs := make([]*discordgo.ApplicationCommand, len(b.order))
	for i, name := range b.order {
		defs[i] = b.commands[name].Definition
	}
	return defs
}

// Run connects, registers the commands and answers interactions until ctx
// is done; then it stops taking interactions, finishes those in flight
// (within DrainTimeout) and closes the session. The caller closes the
// engine afterwards.
func (b *Bot) Run(ctx context.Context) error {
	client, err := newHTTPClient(b.opts.APIBase, b.opts.HTTPClient)
	if err != nil {
		return fmt.Errorf("api base: %w", err)
	}
	if client.Timeout == 0 {
		client.Timeout = 30 * time.Second
	}
	s, err := discordgo.New("Bot " + b.opts.Token)
	if err != nil {
		return b.redact(fmt.Errorf("new session: %w", err))
	}
	s.Client = client
	s.Identify.Intents = discordgo.IntentsGuilds
	s.LogLevel = discordgo.LogError
	b.work, b.cancelWork = context.WithCancel(context.WithoutCancel(ctx))
	defer b.cancelWork()
	s.AddHandler(b.onInteraction)
	s.AddHandler(func(_ *discordgo.Session, r *discordgo.Resumed) { b.log.Info("gateway resumed") })

	if err := s.Open(); err != nil {
		s.ShouldReconnectOnError = false
		s.Close()
		return b.redact(fmt.Errorf("connect to discord: %w%s", err, hint(err)))
	}
	user := s.State.User
	if user == nil {
		s.ShouldReconnectOnError = false
		s.Close()
		return errors.New("connect to discord: no READY from the gateway")
	}
	b.log.Info("connected", "user", user.Username, "application_id", user.ID, "guilds", len(s.State.Guilds))

	created, err := s.ApplicationCommandBulkOverwrite(user.ID, b.opts.GuildID, b.Definitions())
	if err != nil {
		s.ShouldReconnectOnError = false
		s.Close()
		var rest *discordgo.RESTError
		if errors.As(err, &rest) && rest.Response != nil &&
			(rest.Response.StatusCode == http.StatusForbidden || rest.Response.StatusCode == http.StatusNotFound) {
			err = fmt.Errorf("%w (invite the bot with the applications.commands scope, and check DISCORD_GUILD_ID is a server it is in)", err)
		}
		return b.redact(fmt.Errorf("register commands: %w", err))
	}
	names := make([]string, len(created))
	for i, c := range created {
		names[i] = "/" + c.Name
	}
	scope := "global"
	if b.opts.GuildID != "" {
		scope = "guild"
	}
	b.log.Info("commands registered", "scope", scope, "guild_id", b.opts.GuildID, "commands", strings.Join(names, " "))
	b.ready <- s

	<-ctx.Done()
	b.log.Info("shutting down")
	b.drain()
	s.ShouldReconnectOnError = false
	if err := s.Close(); err != nil {
		return b.redact(fmt.Errorf("close session: %w", err))
	}
	b.log.Info("disconnected")
	return nil
}

// Ready returns a channel that yields the session once it is connected and
// its commands are registered (for digests that post on their own, and for
// tests).
func (b *Bot) Ready() <-chan *discordgo.Session { return b.ready }

// begin counts an interaction in, unless shutdown has started.
func (b *Bot) begin() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.stopping {
		return false
	}
	b.inflight.Add(1)
	return true
}

// drain stops taking interactions and waits for those in flight, at most
// DrainTimeout, then cancels what still runs.
func (b *Bot) drain() {
	b.mu.Lock()
	b.stopping = true
	b.mu.Unlock()
	done := make(chan struct{})
	go func() {
		b.inflight.Wait()
		close(done)
	}()
	t := time.NewTimer(b.opts.DrainTimeout)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
		b.log.Warn("interactions still in flight at shutdown; cancelling them", "timeout", b.opts.DrainTimeout)
		b.cancelWork()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
		}
	}
}

// hint says what to do about a connection error a self-hoster can fix.
func hint(err error) string {
	var rest *discordgo.RESTError
	var ws *websocket.CloseError
	switch {
	case errors.As(err, &rest) && rest.Response != nil && rest.Response.StatusCode == http.StatusUnauthorized,
		errors.As(err, &ws) && ws.Code == 4004:
		return " (Discord refused the token: check DISCORD_TOKEN in .env; reset it in the Developer Portal if needed)"
	case errors.As(err, &ws) && (ws.Code == 4013 || ws.Code == 4014):
		return " (Discord refused the gateway intents)"
	}
	return ""
}

// redact removes the token from an error's text, in case a library put it
// there.
func (b *Bot) redact(err error) error {
	if err == nil || b.opts.Token == "" || !strings.Contains(err.Error(), b.opts.Token) {
		return err
	}
	return errors.New(strings.ReplaceAll(err.Error(), b.opts.Token, "[redacted]"))
}
