package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/readoutbot/readoutbot/bot"
	"github.com/readoutbot/readoutbot/knowledge"
)

// cmdRun runs the Discord bot until SIGINT or SIGTERM: it opens (or first
// builds) the index, connects, answers slash commands, and on a signal stops
// taking interactions, finishes those in flight, closes the session and
// closes the index last.
func cmdRun(ctx context.Context, app *App, args []string) error {
	fs := app.flags("run", "[--index DIR]  (reads DISCORD_TOKEN, DISCORD_GUILD_ID, DISCORD_API_BASE, LOG_LEVEL)")
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
		err = b.Run(ctx)
	}
	// The index closes last, after the session, so no reply is cut short.
	if cerr := ix.Close(); cerr != nil {
		err = errors.Join(err, fmt.Errorf("closing the index: %w", cerr))
	}
	if err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}
