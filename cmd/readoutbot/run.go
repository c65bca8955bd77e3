package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"
	"github.com/readoutbot/readoutbot/bot"
	"github.com/readoutbot/readoutbot/knowledge"
	"github.com/readoutbot/readoutbot/knowledge/sources"
)

// cmdRun runs the Discord bot until SIGINT or SIGTERM: it opens (or first
// builds) the index, connects, answers slash commands, and on a signal stops
// taking interactions, finishes those in flight, closes the session and
// closes the index last.
func cmdRun(ctx context.Context, app *App, args []string) error {
	fs := app.flags("run", "[--index DIR]  (reads DISCORD_TOKEN, DISCORD_GUILD_ID, DISCORD_API_BASE, LOG_LEVEL, READOUTBOT_ADMIN_CHANNEL)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		fs.Usage()
		return errUsage
	}
	cfg, err := bot.ParseConfig(app.Getenv)
	if err != nil {
		return &exitError{code: 2, err: fmt.Errorf("cannot start the bot:\n%w", err)}
	}
	log := app.Logger
	log.Info("starting", "config", cfg, "data_dir", app.DataDir, "index_dir", app.IndexDir)
	routeDiscordgoLogs(log, cfg.Token)

	unlock, err := lockDataDir(app.DataDir)
	if err != nil {
		return &exitError{code: 2, err: err}
	}
	defer unlock()

	ix, err := app.OpenIndex(ctx)
	if errors.Is(err, knowledge.ErrIndexLocked) {
		return &exitError{code: 2, err: fmt.Errorf("another readoutbot is already running on the index %s; stop it first "+
			"(two bots on one token both receive every command, and Discord rejects the slower one's replies)", app.IndexDir)}
	}
	if err != nil {
		return err
	}
	b, err := bot.New(bot.Options{
		Token:   cfg.Token,
		GuildID: cfg.GuildID,
		APIBase: cfg.APIBase,
		Logger:  log,
		Now:     app.Now,
	}, ix)
	if err == nil {
		err = runBot(ctx, app, cfg, b, ix)
	}
	// The index closes last, after the session and the feeders, so no reply
	// or ingest is cut short.
	if cerr := ix.Close(); cerr != nil {
		err = errors.Join(err, fmt.Errorf("closing the index: %w", cerr))
	}
	if err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}

// feedIndex keeps the index current while the bot runs: the data-folder
// watcher (new, edited and deleted files) and the feed poller p
// (sources.toml; nil when it could not be made). Either failing is logged
// and the bot answers from what it has. The returned func stops both and
// waits for them.
func feedIndex(ctx context.Context, app *App, ix *knowledge.Index, p *sources.Poller) (stop func()) {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	log := app.Logger
	if w, err := newWatcher(app, ix); err != nil {
		log.Warn("not watching the data folder", "dir", app.DataDir, "err", err)
	} else {
		wg.Go(func() {
			if err := w.Run(ctx); err != nil && ctx.Err() == nil {
				log.Warn("data folder watch stopped", "dir", app.DataDir, "err", err)
			}
		})
	}
	if p != nil {
		wg.Go(func() {
			if err := p.Run(ctx); err != nil && ctx.Err() == nil {
				log.Warn("source polling stopped", "err", err)
			}
		})
	}
	return func() {
		cancel()
		wg.Wait()
	}
}

// runBot runs the bot with its digests, watchlists, admin commands and the
// index feeders until ctx ends, and stops them all before returning.
func runBot(ctx context.Context, app *App, cfg bot.Config, b *bot.Bot, ix *knowledge.Index) error {
	log := app.Logger
	beside := filepath.Dir(filepath.Clean(app.IndexDir))
	digests, err := bot.OpenDigestStore(filepath.Join(beside, bot.DigestStoreFile))
	if err != nil {
		return err
	}
	defer digests.Close()
	watches, err := bot.OpenWatchStore(filepath.Join(beside, bot.WatchStoreFile))
	if err != nil {
		return err
	}
	defer watches.Close()

	poster := &sessionPoster{ready: make(chan struct{})}
	// Digests leave out what a source brought from its backlog on its
	// first run: searchable, but not news. The state file is opened for
	// each digest and closed after.
	digestSource := sources.WithoutBackfill(ix, sources.OpenStore(sourcesStatePath(app)))
	sched := bot.NewDigestScheduler(bot.DigestSchedulerOptions{
		Store: digests, Source: digestSource, Poster: poster, Logger: log, Now: app.Now,
	})
	b.AddCommand(bot.NewDigestCommand(bot.DigestCommandOptions{
		Store: digests, Source: digestSource, Scheduler: sched, Now: app.Now, Suggest: b.CompleteFilters,
		CanPost: poster.CanPost,
	}))
	b.AddAnalyst(bot.Analyst{History: ix, Watches: watches, Suggest: ix, Now: app.Now})
	watcher := bot.NewWatcher(bot.WatcherOptions{Store: watches, Source: ix, Poster: poster, Logger: log, Now: app.Now})

	// One poller polls the feeds and serves /ingest and /sources, so
	// per-host spacing holds for all of them. Flagged and recovered
	// sources are told to the admin channel, once each.
	alerts := &bot.SourceAlerts{Channel: cfg.AdminChannel, Poster: poster, Logger: log}
	p, err := newRunPoller(app, ix, sourceAlerts(alerts))
	if err != nil {
		log.Warn("not polling sources", "config", sourcesConfigPath(app), "err", err)
	} else {
		for _, c := range bot.AdminCommands(bot.AdminOptions{Ingester: botSources{p}, Health: botSources{p}, Now: app.Now}) {
			b.AddCommand(c)
		}
	}

	stopFeeding := feedIndex(ctx, app, ix, p)
	defer stopFeeding()
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	select {
	case err := <-done:
		return err
	case s := <-b.Ready():
		poster.set(s)
	}
	if cfg.AdminChannel != "" {
		if err := poster.CanPost(ctx, cfg.AdminChannel); err != nil {
			log.Warn("cannot post in the admin channel; source notices will fail", "channel_id", cfg.AdminChannel, "err", err)
		}
	}
	// Posting on their own starts once connected, and stops before the
	// session closes.
	bgCtx, stopBG := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() {
		if err := sched.Run(bgCtx); err != nil && bgCtx.Err() == nil {
			log.Error("digest scheduler stopped", "err", err)
		}
	})
	wg.Go(func() {
		if err := watcher.Run(bgCtx); err != nil && bgCtx.Err() == nil {
			log.Error("watchlist checks stopped", "err", err)
		}
	})
	err = <-done
	stopBG()
	wg.Wait()
	return err
}

// sessionPoster posts digests and watch notices through the bot's session
// once it is connected.
type sessionPoster struct {
	ready chan struct{}
	s     *discordgo.Session
}

func (p *sessionPoster) set(s *discordgo.Session) {
	p.s = s
	close(p.ready)
}

func (p *sessionPoster) session(ctx context.Context) (*discordgo.Session, error) {
	select {
	case <-p.ready:
		return p.s, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (p *sessionPoster) Send(ctx context.Context, channelID, content string) (string, error) {
	s, err := p.session(ctx)
	if err != nil {
		return "", err
	}
	return bot.DiscordDigestPoster{Session: s}.Send(ctx, channelID, content)
}

func (p *sessionPoster) Recent(ctx context.Context, channelID string, limit int) ([]bot.PostedMessage, error) {
	s, err := p.session(ctx)
	if err != nil {
		return nil, err
	}
	return bot.DiscordDigestPoster{Session: s}.Recent(ctx, channelID, limit)
}

// CanPost says why the bot cannot post in a channel, or nil.
func (p *sessionPoster) CanPost(ctx context.Context, channelID string) error {
	s, err := p.session(ctx)
	if err != nil {
		return err
	}
	return bot.DiscordDigestPoster{Session: s}.CanPost(ctx, channelID)
}

func (p *sessionPoster) Notify(ctx context.Context, channelID, roleID, content string) error {
	s, err := p.session(ctx)
	if err != nil {
		return err
	}
	return bot.DiscordWatchPoster{Session: s}.Notify(ctx, channelID, roleID, content)
}

// routeDiscordgoLogs sends discordgo's own log lines (reconnects, heartbeat
// trouble) to the process logger instead of the standard logger, with the
// token removed should a line ever hold it. discordgo's logger is a
// process-wide variable, so only the command sets it, once.
func routeDiscordgoLogs(log *slog.Logger, token string) {
	discordgo.Logger = func(level, _ int, format string, a ...any) {
		lv := slog.LevelDebug
		switch level {
		case discordgo.LogError:
			lv = slog.LevelError
		case discordgo.LogWarning:
			lv = slog.LevelWarn
		case discordgo.LogInformational:
			lv = slog.LevelInfo
		}
		msg := fmt.Sprintf(format, a...)
		if token != "" {
			msg = strings.ReplaceAll(msg, token, "[redacted]")
		}
		log.Log(context.Background(), lv, "discordgo", "detail", msg)
	}
}
