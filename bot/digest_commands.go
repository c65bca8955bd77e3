package bot

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// manageGuild is the Manage Server permission /digest needs.
const manageGuild = discordgo.PermissionManageGuild

// DigestCommandOptions are what /digest needs.
type DigestCommandOptions struct {
	Store  *DigestStore
	Source DigestSource
	// Scheduler is woken after set and off so a change takes effect at
	// once; nil is allowed (tests).
	Scheduler *DigestScheduler
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// CanPost reports, with a reason, when the bot cannot post in a channel
	// (no access, no Send Messages); nil assumes it can.
	CanPost func(ctx context.Context, channelID string) error
	// Suggest completes the person, country and topic options; nil
	// offers nothing for them.
	Suggest Completer
}

// NewDigestCommand returns the /digest command: set, show, preview and off.
// Only members with Manage Server see it (default_member_permissions) or
// may use it (checked again here).
func NewDigestCommand(o DigestCommandOptions) Command {
	if o.Now == nil {
		o.Now = time.Now
	}
	perm := int64(manageGuild)
	noDM := false
	channel := func(required bool, desc string) *discordgo.ApplicationCommandOption {
		return &discordgo.ApplicationCommandOption{
			Type: discordgo.ApplicationCommandOptionChannel, Name: "channel", Description: desc, Required: required,
			ChannelTypes: []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews},
		}
	}
	d := &digestCommand{o: o}
	return Command{
		Definition: &discordgo.ApplicationCommand{
			Name: "digest", Description: "Daily digest of new readouts in a channel",
			DefaultMemberPermissions: &perm, DMPermission: &noDM,
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionSubCommand, Name: "set", Description: "Post a daily digest in a channel",
					Options: []*discordgo.ApplicationCommandOption{
						channel(true, "Where to post"),
						str("time", "Local time of day, 24-hour HH:MM (08:00)", true, false, 5),
						str("timezone", "IANA time zone, e.g. Asia/Tokyo", true, true, 64),
						str("person", "Only meetings with this person", false, o.Suggest != nil, 100),
						str("country", "Only meetings with this country or organisation", false, o.Suggest != nil, 100),
						str("topic", "Only meetings about this topic", false, o.Suggest != nil, 100),
						{Type: discordgo.ApplicationCommandOptionBoolean, Name: "quiet_line", Description: "On a day with nothing, post one short line (default: post nothing)"},
					},
				},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "show", Description: "This server's digests and when each is next due"},
				{
					Type: discordgo.ApplicationCommandOptionSubCommand, Name: "preview", Description: "See a channel's digest as it would be now (only you see it)",
					Options: []*discordgo.ApplicationCommandOption{channel(false, "Which digest (default: this channel's)")},
				},
				{
					Type: discordgo.ApplicationCommandOptionSubCommand, Name: "off", Description: "Stop a channel's digest",
					Options: []*discordgo.ApplicationCommandOption{channel(false, "Which digest (default: this channel's)")},
				},
			},
		},
		Handle:    d.handle,
		Complete:  d.complete,
		Ephemeral: true,
	}
}

type digestCommand struct{ o DigestCommandOptions }

func (d *digestCommand) handle(ctx context.Context, req Request) (Reply, error) {
	if req.GuildID == "" {
		return digestReply("Digests are set up in a server, not in direct messages."), nil
	}
	if req.Permissions&(manageGuild|discordgo.PermissionAdministrator) == 0 {
		return digestReply("Only members with the Manage Server permission can change digests."), nil
	}
	var r Reply
	var err error
	switch req.Subcommand {
	case "set":
		r, err = d.set(ctx, req)
	case "show":
		r, err = d.show(req)
	case "preview":
		r, err = d.preview(ctx, req)
	case "off":
		r, err = d.off(req)
	default:
		return digestReply("Use /digest set, show, preview or off."), nil
	}
	if err != nil {
		return Reply{}, err
	}
	return d.withPauseNotices(req.GuildID, r)
}

// withPauseNotices puts, before the reply, a word about each of the
// server's digests paused since the admin last used /digest.
func (d *digestCommand) withPauseNotices(guildID string, r Reply) (Reply, error) {
	subs, err := d.o.Store.Subscriptions(guildID)
	if err != nil {
		return Reply{}, err
	}
	var notes []string
	for _, s := range subs {
		if !s.Paused || s.PauseNoticed {
			continue
		}
		notes = append(notes, fmt.Sprintf("The digest for <#%s> is paused: the bot could not post there (%s). Fix the channel's permissions, then run /digest set again.", s.ChannelID, s.PauseReason))
		if err := d.o.Store.MarkPauseNoticed(s.ChannelID); err != nil {
			return Reply{}, err
		}
	}
	if len(notes) == 0 {
		return r, nil
	}
	first := ""
	if len(r.Messages) > 0 {
		first = r.Messages[0].Content
	}
	out := textReply(strings.Join(append(notes, first), "\n\n"))
	if len(r.Messages) > 1 {
		out.Messages = append(out.Messages, r.Messages[1:]...)
	}
	out.Ephemeral = true
	return out, nil
}

func digestReply(s string) Reply {
	r := textReply(s)
	r.Ephemeral = true
	return r
}

// parseDigestTime reads "8:00", "08:00" or "0800" as HH:MM.
func parseDigestTime(s string) (string, error) {
	s = strings.TrimSpace(s)
	if len(s) == 4 && !strings.Contains(s, ":") {
		s = s[:2] + ":" + s[2:]
	}
	h, m, ok := strings.Cut(s, ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || len(m) != 2 || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return "", fmt.Errorf("%q is not a time of day: use 24-hour HH:MM, like 08:00 or 23:59", s)
	}
	return fmt.Sprintf("%02d:%02d", hh, mm), nil
}

// canonicalZone finds the IANA name for what was typed, ignoring case.
func canonicalZone(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, z := range digestZones {
		if strings.EqualFold(z, s) {
			return z, true
		}
	}
	if _, err := time.LoadLocation(s); err == nil && s != "" && s != "Local" {
		return s, true
	}
	return "", false
}

func (d *digestCommand) set(ctx context.Context, req Request) (Reply, error) {
	var problems []string
	ch := req.Options["channel"]
	if ch == "" {
		problems = append(problems, "Choose a channel.")
	}
	at, err := parseDigestTime(req.Options["time"])
	if err != nil {
		problems = append(problems, err.Error()+".")
	}
	zone, ok := canonicalZone(req.Options["timezone"])
	if !ok {
		problems = append(problems, fmt.Sprintf("%q is not a time zone I know: pick one from the list, like Asia/Tokyo or Europe/London.", req.Options["timezone"]))
	}
	if len(problems) > 0 {
		return digestReply(strings.Join(problems, "\n")), nil
	}
	if d.o.CanPost != nil {
		if err := d.o.CanPost(ctx, ch); err != nil {
			return digestReply(fmt.Sprintf("I cannot post in <#%s>: %v. Give me View Channel and Send Messages there, then try again.", ch, err)), nil
		}
	}
	sub := Subscription{
		GuildID: req.GuildID, ChannelID: ch, Time: at, Zone: zone,
		Person:  strings.TrimSpace(req.Options["person"]),
		Country: strings.TrimSpace(req.Options["country"]),
		Topic:   strings.TrimSpace(req.Options["topic"]),
	}
	sub.EmptyLine, _ = strconv.ParseBool(req.Options["quiet_line"])
	now := d.o.Now()
	sub, err = d.o.Store.SetSubscription(sub, now)
	if err != nil {
		return Reply{}, fmt.Errorf("save digest: %w", err)
	}
	if d.o.Scheduler != nil {
		d.o.Scheduler.Wake()
	}
	next, err := sub.NextAt(now)
	if err != nil {
		return Reply{}, err
	}
	return digestReply(fmt.Sprintf("Digest set for <#%s>: every day at %s %s%s. Next one %s.",
		ch, at, zone, describeFilters(sub), discordTime(next))), nil
}

// discordTime writes an instant so each reader sees it in their own zone.
func discordTime(t time.Time) string {
	return fmt.Sprintf("<t:%d:F> (<t:%d:R>)", t.Unix(), t.Unix())
}

func describeFilters(s Subscription) string {
	var parts []string
	for _, f := range []struct{ name, v string }{{"person", s.Person}, {"country", s.Country}, {"topic", s.Topic}} {
		if f.v != "" {
			parts = append(parts, f.name+" "+f.v)
		}
	}
	out := ""
	if len(parts) > 0 {
		out = ", only " + strings.Join(parts, ", ")
	}
	if s.EmptyLine {
		out += ", with a short line on empty days"
	}
	return out
}

func (d *digestCommand) show(req Request) (Reply, error) {
	subs, err := d.o.Store.Subscriptions(req.GuildID)
	if err != nil {
		return Reply{}, err
	}
	if len(subs) == 0 {
		return digestReply("No digests in this server yet. Start one with /digest set."), nil
	}
	sort.Slice(subs, func(i, j int) bool { return subs[i].ChannelID < subs[j].ChannelID })
	now := d.o.Now()
	var lines []string
	for _, s := range subs {
		line := fmt.Sprintf("- <#%s>: daily at %s %s%s.", s.ChannelID, s.Time, s.Zone, describeFilters(s))
		if s.Paused {
			line += fmt.Sprintf(" Paused since %s: %s.", discordTime(s.PausedAt), s.PauseReason)
		} else if next, err := s.NextAt(now); err == nil {
			line += " Next " + discordTime(next) + "."
		}
		lines = append(lines, line)
	}
	return digestReply(strings.Join(lines, "\n")), nil
}

// target is the subscription a preview or off means: the channel option,
// else the channel the command was used in.
func (d *digestCommand) target(req Request) (Subscription, error) {
	ch := req.Options["channel"]
	if ch == "" {
		ch = req.ChannelID
	}
	sub, err := d.o.Store.Subscription(ch)
	if err == nil && sub.GuildID != "" && sub.GuildID != req.GuildID {
		return Subscription{}, ErrNoSubscription
	}
	return sub, err
}

func (d *digestCommand) preview(ctx context.Context, req Request) (Reply, error) {
	sub, err := d.target(req)
	if errors.Is(err, ErrNoSubscription) {
		return digestReply("That channel has no digest. Set one with /digest set, or name the channel."), nil
	}
	if err != nil {
		return Reply{}, err
	}
	chunks, err := PreviewDigest(ctx, d.o.Source, sub, d.o.Now())
	if err != nil {
		return Reply{}, err
	}
	r := Reply{Ephemeral: true}
	for _, c := range chunks {
		r.Messages = append(r.Messages, Message{Content: c})
	}
	return r, nil
}

func (d *digestCommand) off(req Request) (Reply, error) {
	sub, err := d.target(req)
	if errors.Is(err, ErrNoSubscription) {
		return digestReply("That channel has no digest to stop."), nil
	}
	if err != nil {
		return Reply{}, err
	}
	if err := d.o.Store.DeleteSubscription(sub.ChannelID); err != nil {
		return Reply{}, fmt.Errorf("remove digest: %w", err)
	}
	if d.o.Scheduler != nil {
		d.o.Scheduler.Wake()
	}
	return digestReply(fmt.Sprintf("The digest for <#%s> is off.", sub.ChannelID)), nil
}

// maxChoices is Discord's limit on autocomplete choices.
const maxDigestChoices = 25

func (d *digestCommand) complete(ctx context.Context, req Request) ([]*discordgo.ApplicationCommandOptionChoice, error) {
	if req.Focused != "timezone" {
		if d.o.Suggest != nil {
			return d.o.Suggest(ctx, req)
		}
		return nil, nil
	}
	return zoneChoices(req.Options["timezone"]), nil
}

// zoneChoices suggests zones: names starting with what was typed first,
// then names holding it (so "tokyo" finds Asia/Tokyo).
func zoneChoices(typed string) []*discordgo.ApplicationCommandOptionChoice {
	q := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(typed), " ", "_"))
	var prefix, inner []string
	for _, z := range digestZones {
		lz := strings.ToLower(z)
		switch {
		case strings.HasPrefix(lz, q):
			prefix = append(prefix, z)
		case strings.Contains(lz, q):
			inner = append(inner, z)
		}
	}
	var out []*discordgo.ApplicationCommandOptionChoice
	for _, z := range append(prefix, inner...) {
		if len(out) == maxDigestChoices {
			break
		}
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: z, Value: z})
	}
	return out
}
