package bot

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// The dispatcher is the one place that talks to Discord about an
// interaction: it runs the handler, defers when the handler is slow, sends
// the reply and logs what failed.

// completeTimeout bounds autocomplete, which cannot be deferred.
const completeTimeout = 2 * time.Second

type outcome struct {
	reply Reply
	err   error
}

// route is how one interaction is answered.
type route struct {
	handle    Handler
	ephemeral bool
	update    bool
	slow      bool
}

func (b *Bot) onInteraction(s *discordgo.Session, ic *discordgo.InteractionCreate) {
	i := ic.Interaction
	log := b.log.With("interaction_id", i.ID, "guild_id", i.GuildID, "user_id", userID(i))
	if !b.begin() {
		b.refuse(s, i, log)
		return
	}
	defer b.inflight.Done()
	defer func() {
		if r := recover(); r != nil {
			log.Error("interaction panicked", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
		}
	}()
	req := Request{GuildID: i.GuildID, ChannelID: i.ChannelID, UserID: userID(i), Message: i.Message}
	if i.Member != nil {
		req.Permissions = i.Member.Permissions
	}
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		data := i.ApplicationCommandData()
		req.Command = data.Name
		req.Subcommand, req.Options, _ = flatten(data.Options)
		log = log.With("command", data.Name)
		c, ok := b.commands[data.Name]
		rt := route{handle: c.Handle, ephemeral: c.Ephemeral, slow: c.Slow}
		if !ok {
			rt = route{handle: func(context.Context, Request) (Reply, error) {
				return Reply{}, userErrorf("I no longer know that command. Discord may take a while to update the command list.")
			}}
		}
		b.answer(s, i, log, rt, req)
	case discordgo.InteractionApplicationCommandAutocomplete:
		data := i.ApplicationCommandData()
		req.Command = data.Name
		req.Subcommand, req.Options, req.Focused = flatten(data.Options)
		b.complete(s, i, log.With("command", data.Name, "option", req.Focused), req)
	case discordgo.InteractionMessageComponent:
		data := i.MessageComponentData()
		req.CustomID = data.CustomID
		prefix, _, _ := strings.Cut(data.CustomID, ":")
		log = log.With("custom_id", data.CustomID)
		c, ok := b.components[prefix]
		rt := route{handle: c.Handle, ephemeral: c.Ephemeral, update: c.Update}
		if !ok {
			rt = route{handle: func(context.Context, Request) (Reply, error) { return Reply{}, errBadID }}
		}
		b.answer(s, i, log, rt, req)
	default:
		log.Debug("interaction ignored", "type", int(i.Type))
	}
}

// refuse answers an interaction that arrives during shutdown.
func (b *Bot) refuse(s *discordgo.Session, i *discordgo.Interaction, log *slog.Logger) {
	resp := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: responseData(Message{Content: "I am restarting. Please try again in a minute."}, discordgo.MessageFlagsEphemeral)}
	if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
		if err := respondChoices(s, i, nil); err != nil {
			log.Warn("refusal failed during shutdown", "err", b.redact(err))
		}
		return
	}
	if err := s.InteractionRespond(i, resp); err != nil {
		log.Warn("refusal failed during shutdown", "err", b.redact(err))
	}
}

// answer runs the handler; if it is not done within DeferAfter, it defers
// the reply first so Discord's 3 s deadline is always met.
func (b *Bot) answer(s *discordgo.Session, i *discordgo.Interaction, log *slog.Logger, rt route, req Request) {
	start := b.opts.Now()
	ctx, cancel := context.WithTimeout(b.work, b.opts.HandlerTimeout)
	defer cancel()
	done := make(chan outcome, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- outcome{err: fmt.Errorf("%w: %v\n%s", errPanic, r, debug.Stack())}
			}
		}()
		r, err := rt.handle(ctx, req)
		done <- outcome{r, err}
	}()

	delay := deferDelay(b.opts.DeferAfter, i.ID, start)
	if rt.slow {
		delay = 0
	}
	timer := time.NewTimer(delay)
	defer timer.Stop()
	var out outcome
	deferred := false
	select {
	case out = <-done:
	case <-timer.C:
		if err := b.deferReply(s, i, rt); err != nil {
			log.Error("defer failed", "err", b.redact(err))
			return
		}
		deferred = true
		out = <-done
	}
	if out.err == nil && len(out.reply.Messages) == 0 {
		out.err = fmt.Errorf("handler returned an empty reply")
	}
	reply := out.reply
	if out.err != nil {
		msg, expected := friendly(out.err)
		level := slog.LevelError
		if expected {
			level = slog.LevelInfo
		}
		log.Log(ctx, level, "command failed", "err", out.err)
		reply = renderError(msg)
	}
	if err := b.send(s, i, rt, reply, deferred); err != nil {
		log.Error("reply failed", "err", b.redact(err), "deferred", deferred)
		return
	}
	log.Debug("answered", "deferred", deferred, "messages", len(reply.Messages), "took", b.opts.Now().Sub(start))
}

// responseDeadline is how long Discord waits for the first response.
const responseDeadline = 3 * time.Second

// deferDelay is how long to let a handler run before deferring: normally
// after, but sooner when the interaction's id (a snowflake holding its
// creation time) shows it reached us late, as events replayed after a
// reconnect do. An id far off the clock (skew, a test fake) is ignored.
func deferDelay(after time.Duration, id string, now time.Time) time.Duration {
	created, err := discordgo.SnowflakeTimestamp(id)
	if err != nil {
		return after
	}
	age := now.Sub(created)
	if age <= 0 || age >= responseDeadline {
		return after
	}
	return max(0, min(after, responseDeadline-age-time.Second))
}

func (b *Bot) deferReply(s *discordgo.Session, i *discordgo.Interaction, rt route) error {
	if rt.update {
		return s.InteractionRespond(i, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate})
	}
	var flags discordgo.MessageFlags
	if rt.ephemeral {
		flags = discordgo.MessageFlagsEphemeral
	}
	return s.InteractionRespond(i, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Flags: flags, AllowedMentions: noMentions()},
	})
}

// send delivers a reply: as the response, or by editing the deferred one;
// further messages follow up.
func (b *Bot) send(s *discordgo.Session, i *discordgo.Interaction, rt route, r Reply, deferred bool) error {
	var flags discordgo.MessageFlags
	if r.Ephemeral {
		flags = discordgo.MessageFlagsEphemeral
	}
	update := r.Update && i.Type == discordgo.InteractionMessageComponent
	switch {
	case !deferred && update:
		return s.InteractionRespond(i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseUpdateMessage, Data: responseData(r.single(), 0)})
	case !deferred:
		err := s.InteractionRespond(i, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource, Data: responseData(r.Messages[0], flags)})
		if err != nil {
			return fmt.Errorf("respond: %w", err)
		}
		return b.followUp(s, i, r.Messages[1:], flags)
	case update:
		_, err := s.InteractionResponseEdit(i, webhookEdit(r.single()))
		return err
	case rt.update || r.Ephemeral != rt.ephemeral:
		// The deferral promised something else (an update, or a public
		// reply) than the handler gave (mostly an error): leave the public
		// "thinking…" out and answer privately.
		if !rt.update {
			if err := s.InteractionResponseDelete(i); err != nil {
				return fmt.Errorf("delete deferred reply: %w", err)
			}
		}
		return b.followUp(s, i, r.Messages, flags)
	default:
		if _, err := s.InteractionResponseEdit(i, webhookEdit(r.Messages[0])); err != nil {
			return fmt.Errorf("edit deferred reply: %w", err)
		}
		return b.followUp(s, i, r.Messages[1:], flags)
	}
}

func (b *Bot) followUp(s *discordgo.Session, i *discordgo.Interaction, msgs []Message, flags discordgo.MessageFlags) error {
	for n, m := range msgs {
		_, err := s.FollowupMessageCreate(i, true, &discordgo.WebhookParams{
			Content: m.Content, Embeds: m.Embeds, Components: m.Components,
			AllowedMentions: noMentions(), Flags: flags,
		})
		if err != nil {
			return fmt.Errorf("follow-up %d of %d: %w", n+1, len(msgs), err)
		}
	}
	return nil
}

func responseData(m Message, flags discordgo.MessageFlags) *discordgo.InteractionResponseData {
	d := &discordgo.InteractionResponseData{
		Content: m.Content, Embeds: m.Embeds, Components: m.Components,
		AllowedMentions: noMentions(), Flags: flags,
	}
	if d.Embeds == nil {
		d.Embeds = []*discordgo.MessageEmbed{}
	}
	if d.Components == nil {
		d.Components = []discordgo.MessageComponent{}
	}
	return d
}

func webhookEdit(m Message) *discordgo.WebhookEdit {
	content, embeds, comps := m.Content, m.Embeds, m.Components
	if embeds == nil {
		embeds = []*discordgo.MessageEmbed{}
	}
	if comps == nil {
		comps = []discordgo.MessageComponent{}
	}
	return &discordgo.WebhookEdit{Content: &content, Embeds: &embeds, Components: &comps, AllowedMentions: noMentions()}
}

// complete answers autocomplete at once: it cannot be deferred, so a slow
// or failing engine yields no choices rather than an error.
func (b *Bot) complete(s *discordgo.Session, i *discordgo.Interaction, log *slog.Logger, req Request) {
	choices := []*discordgo.ApplicationCommandOptionChoice{}
	if c, ok := b.commands[req.Command]; ok && c.Complete != nil {
		ctx, cancel := context.WithTimeout(b.work, completeTimeout)
		got, err := c.Complete(ctx, req)
		cancel()
		if err != nil {
			log.Warn("autocomplete failed", "err", err)
		}
		for _, ch := range got {
			if len(choices) < maxChoices {
				choices = append(choices, ch)
			}
		}
	}
	if err := respondChoices(s, i, choices); err != nil {
		log.Warn("autocomplete reply failed", "err", b.redact(err))
	}
}

// respondChoices answers autocomplete. discordgo drops an empty choices list
// (omitempty), which Discord rejects, so the body is written here.
func respondChoices(s *discordgo.Session, i *discordgo.Interaction, choices []*discordgo.ApplicationCommandOptionChoice) error {
	if choices == nil {
		choices = []*discordgo.ApplicationCommandOptionChoice{}
	}
	body := struct {
		Type discordgo.InteractionResponseType `json:"type"`
		Data struct {
			Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
		} `json:"data"`
	}{Type: discordgo.InteractionApplicationCommandAutocompleteResult}
	body.Data.Choices = choices
	endpoint := discordgo.EndpointInteractionResponse(i.ID, i.Token)
	_, err := s.RequestWithBucketID("POST", endpoint, body, endpoint)
	return err
}

// flatten reads options, descending into a subcommand (or group), and
// returns the subcommand's name, the options as strings, and the focused one.
func flatten(opts []*discordgo.ApplicationCommandInteractionDataOption) (sub string, values map[string]string, focused string) {
	values = map[string]string{}
	for len(opts) == 1 && (opts[0].Type == discordgo.ApplicationCommandOptionSubCommand ||
		opts[0].Type == discordgo.ApplicationCommandOptionSubCommandGroup) {
		sub = strings.TrimSpace(sub + " " + opts[0].Name)
		opts = opts[0].Options
	}
	for _, o := range opts {
		switch v := o.Value.(type) {
		case string:
			values[o.Name] = v
		case float64:
			values[o.Name] = fmt.Sprint(v)
		case nil:
		default:
			values[o.Name] = fmt.Sprint(v)
		}
		if o.Focused {
			focused = o.Name
		}
	}
	return sub, values, focused
}

func userID(i *discordgo.Interaction) string {
	if i.Member != nil && i.Member.User != nil {
		return i.Member.User.ID
	}
	if i.User != nil {
		return i.User.ID
	}
	return ""
}
