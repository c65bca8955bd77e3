// Package bot owns readoutbot's Discord side: the slash commands, the
// handlers that answer them from the knowledge index, the rendering of
// replies within Discord's limits, and the session's life from connect to a
// clean shutdown.
//
// Handlers are plain functions from options to a Reply; one dispatcher turns
// replies into discordgo calls, defers slow ones and logs errors. The package
// never imports bleve: it needs only the small Engine interface.
package bot
