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
