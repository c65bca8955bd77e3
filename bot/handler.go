package bot

import (
	"context"

	"github.com/bwmarrin/discordgo"
)

// Handler answers a command or a button click: a pure function of its
// request, with no Discord calls of its own. The dispatcher sends its reply.
type Handler func(ctx context.Context, req Request) (Reply, error)

// Completer suggests values for the option being typed (req.Focused).
type Completer func(ctx context.Context, req Request) ([]*discordgo.ApplicationCommandOptionChoice, error)

// Request is what a handler may know about an interaction.
type Request struct {
	// Command is the slash command's name; Subcommand its subcommand, if any
	// ("group sub" for a subcommand in a group).
	Command    string
	Subcommand string
	// Options are the given options by name, as strings (ids for users,
	// channels and roles).
	Options map[string]string
	// Focused is the option being typed, for autocomplete.
	Focused string
	// CustomID is the clicked button's id; Message the message it is on.
	CustomID string
	Message  *discordgo.Message
	// Who and where.
	GuildID, ChannelID, UserID string
	// Permissions are the member's permissions in the channel.
	Permissions int64
}

// Command is a slash command and how it is answered.
type Command struct {
	Definition *discordgo.ApplicationCommand
	Handle     Handler
	// Complete answers autocomplete for any option marked Autocomplete.
	Complete Completer
	// Ephemeral says, before the handler runs, whether a deferred reply is
	// private (Discord fixes it at defer time).
	Ephemeral bool
	// Slow defers the reply at once ("thinking…") instead of after
	// Options.DeferAfter, for handlers that nearly always take seconds,
	// such as fetching a web page.
	Slow bool
}

// Component answers buttons whose custom_id is Prefix or starts with
// Prefix + ":".
type Component struct {
	Prefix    string
	Handle    Handler
	Ephemeral bool
	// Update means the reply replaces the message the button is on.
	Update bool
}
