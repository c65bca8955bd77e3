package bot

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/bwmarrin/discordgo"
)

// DiscordDigestPoster posts digests with a discordgo session: no mentions
// are ever pinged, link previews are suppressed by the rendering, and 404 or
// 403 become ErrChannelUnavailable. discordgo waits out 429s itself.
type DiscordDigestPoster struct {
	Session *discordgo.Session
}

// Send posts one message.
func (p DiscordDigestPoster) Send(ctx context.Context, channelID, content string) (string, error) {
	m, err := p.Session.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{
		Content:         content,
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}},
	}, discordgo.WithContext(ctx))
	if err != nil {
		return "", channelError(err)
	}
	return m.ID, nil
}

// Recent lists the bot's own latest messages in the channel, newest first.
func (p DiscordDigestPoster) Recent(ctx context.Context, channelID string, limit int) ([]PostedMessage, error) {
	ms, err := p.Session.ChannelMessages(channelID, min(limit, 100), "", "", "", discordgo.WithContext(ctx))
	if err != nil {
		return nil, channelError(err)
	}
	self := ""
	if p.Session.State != nil && p.Session.State.User != nil {
		self = p.Session.State.User.ID
	}
	var out []PostedMessage
	for _, m := range ms {
		if self != "" && (m.Author == nil || m.Author.ID != self) {
			continue
		}
		out = append(out, PostedMessage{ID: m.ID, Content: m.Content})
	}
	return out, nil
}

// CanPost reports why the bot cannot post in a channel, or nil: the
// channel must answer (not 404/403) and, when the session's state knows
// the bot's permissions there, allow View Channel and Send Messages. It is
// meant for DigestCommandOptions.CanPost, so /digest set says so at once.
func (p DiscordDigestPoster) CanPost(ctx context.Context, channelID string) error {
	if _, err := p.Session.Channel(channelID, discordgo.WithContext(ctx)); err != nil {
		if errors.Is(channelError(err), ErrChannelUnavailable) {
			return errors.New("the channel is gone or hidden from me")
		}
		return fmt.Errorf("checking the channel: %w", err)
	}
	if p.Session.State == nil || p.Session.State.User == nil {
		return nil
	}
	perms, err := p.Session.State.UserChannelPermissions(p.Session.State.User.ID, channelID)
	if err != nil {
		return nil // not in the state cache: the first post will tell
	}
	const need = discordgo.PermissionViewChannel | discordgo.PermissionSendMessages
	if perms&discordgo.PermissionAdministrator == 0 && perms&need != need {
		return errors.New("I lack View Channel or Send Messages there")
	}
	return nil
}

// channelError marks 404 and 403 answers as ErrChannelUnavailable.
func channelError(err error) error {
	var rest *discordgo.RESTError
	if errors.As(err, &rest) && rest.Response != nil {
		switch rest.Response.StatusCode {
		case http.StatusNotFound, http.StatusForbidden:
			return fmt.Errorf("%w: %s", ErrChannelUnavailable, rest.Response.Status)
		}
	}
	return err
}
