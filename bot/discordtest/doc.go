// Package discordtest is a fake Discord for tests: one loopback server that
// speaks enough of Discord's REST API and gateway websocket for the real
// discordgo client to connect, register slash commands and answer
// interactions, so the bot can be tested end to end without the internet.
//
// NewServer starts it on 127.0.0.1 and closes it when the test ends. Point a
// discordgo session at it with an http.Client whose transport rewrites the
// scheme and host of discord.com requests to Server.URL; the gateway needs
// nothing extra because discordgo dials the URL that GET /gateway returns.
//
// The server records every request (Requests, WaitRequest), the messages
// posted to channels (Messages) and the registered commands (Commands,
// GuildCommands). It drives the bot with Interact, which dispatches an
// INTERACTION_CREATE and returns a Response to wait on. Tests can ask it to
// misbehave like Discord does: Reconnect (op 7), DropConnection, RateLimitNext
// (HTTP 429), Forbid and Delete (channels the bot may not post to).
//
// A test looks like this (newSession stands for the bot package's constructor
// of a discordgo session whose transport points at srv.URL):
//
//	srv := discordtest.NewServer(t)
//	dg := newSession(t, srv) // discordgo.New("Bot " + srv.Token), Client rewritten to srv.URL
//	// ... register handlers, dg.Open(), and in t.Cleanup:
//	//     dg.ShouldReconnectOnError = false; dg.Close()
//	rep := srv.Interact(t, discordtest.Command("ask", discordtest.Opt("question", "who met?"))).
//		WaitFinal(t, 5*time.Second)
//	// rep.Callback, rep.Original (after edits), rep.Followups, rep.Messages()
//	next := srv.Interact(t, discordtest.Click(customID).On(rep.Original)).Wait(t, 5*time.Second)
//
// Interactions dispatched while no client is connected wait for the next
// READY or RESUMED; dispatches written to a socket that then died are
// replayed on RESUME, as Discord does.
//
// The server is strict on purpose. It fails the test (through the testing.TB
// given to NewServer) and answers like Discord would when the bot sends a
// request it does not know, exceeds a message, embed, component or command
// limit, sends a message without an empty allowed_mentions, answers an
// interaction late (after CallbackDeadline, 3 s by default) or twice, or
// leaves an interaction unanswered when the server closes. It also models
// Discord where a naive fake would not: the first follow-up to a deferral
// that was never edited replaces the "thinking…" message and takes the
// deferral's ephemerality, whatever its own flags say.
//
// After READY the fake sends GUILD_CREATE, as Discord does. discordgo's state
// then overwrites the guild objects READY carried, so a READY handler may read
// len(r.Guilds) but not the guilds' fields without a data race.
package discordtest
