package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readoutbot/readoutbot/knowledge"
)

// Watchlists: /watch add posts a short notice in the channel, pinging one
// chosen role, whenever a new readout matches. A Watcher finds new readouts
// by asking the index for meetings taken in since its last check (the data
// folder watcher and the feed poller both ingest through Index.Add, which
// stamps Meeting.Ingested), so it needs no hook in either.

// Permission bits that may manage watches.
const (
	permAdministrator = int64(discordgo.PermissionAdministrator)
	permManageServer  = int64(discordgo.PermissionManageGuild)
)

// Suggester completes option values from the index.
type Suggester interface {
	Suggest(ctx context.Context, f knowledge.Field, prefix string, limit int) ([]knowledge.Suggestion, error)
}

// WatchCommand is /watch add|list|remove, for members with Manage Server.
// now stamps new watches; nil means time.Now.
func WatchCommand(store *WatchStore, suggest Suggester, now func() time.Time) Command {
	if now == nil {
		now = time.Now
	}
	perm := permManageServer
	guildOnly := []discordgo.InteractionContextType{discordgo.InteractionContextGuild}
	w := &watchHandlers{store: store, suggest: suggest, now: now}
	return Command{
		Definition: &discordgo.ApplicationCommand{
			Name:                     "watch",
			Description:              "Post a notice when a new readout matches (Manage Server only)",
			DefaultMemberPermissions: &perm,
			Contexts:                 &guildOnly,
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type: discordgo.ApplicationCommandOptionSubCommand, Name: "add",
					Description: "Watch for new readouts with a person, country or topic, here",
					Options: []*discordgo.ApplicationCommandOption{
						{Type: discordgo.ApplicationCommandOptionRole, Name: "role", Description: "The role to ping (only this role)", Required: true},
						str("person", "Who takes part", false, true, 100),
						str("country", "Country or organisation that takes part", false, true, 100),
						str("topic", "What is discussed", false, true, 100),
					},
				},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "list", Description: "This server's watches"},
				{
					Type: discordgo.ApplicationCommandOptionSubCommand, Name: "remove", Description: "Stop a watch",
					Options: []*discordgo.ApplicationCommandOption{
						{Type: discordgo.ApplicationCommandOptionInteger, Name: "id", Description: "The watch's number, from /watch list", Required: true, Autocomplete: true},
					},
				},
			},
		},
		Handle:    w.handle,
		Complete:  w.complete,
		Ephemeral: true,
	}
}

type watchHandlers struct {
	store   *WatchStore
	suggest Suggester
	now     func() time.Time
}

func (w *watchHandlers) handle(ctx context.Context, req Request) (Reply, error) {
	if req.GuildID == "" {
		return Reply{}, userErrorf("Watches belong to a server channel; use /watch there.")
	}
	// Discord hides the command from others by default_member_permissions,
	// but a server can override that: check again here.
	if req.Permissions&(permManageServer|permAdministrator) == 0 {
		return Reply{}, userErrorf("Only members with the Manage Server permission can change or see watches.")
	}
	var r Reply
	var err error
	switch req.Subcommand {
	case "add":
		r, err = w.add(req)
	case "list":
		r, err = w.list(req)
	case "remove":
		r, err = w.remove(req)
	default:
		return Reply{}, userErrorf("Use /watch add, /watch list or /watch remove.")
	}
	r.Ephemeral = true
	return r, err
}

func (w *watchHandlers) add(req Request) (Reply, error) {
	e := WatchEntry{
		GuildID: req.GuildID, ChannelID: req.ChannelID, RoleID: strings.TrimSpace(req.Options["role"]),
		Watch: knowledge.Watch{
			Person:  strings.TrimSpace(req.Options["person"]),
			Country: strings.TrimSpace(req.Options["country"]),
			Topic:   strings.TrimSpace(req.Options["topic"]),
		},
		CreatedBy: req.UserID, Created: w.now().UTC(),
	}
	if e.Watch.Empty() {
		return Reply{}, userErrorf("Say what to watch for: a `person`, a `country` or a `topic` (or several).")
	}
	if !isSnowflake(e.RoleID) {
		return Reply{}, userErrorf("Pick the role to ping from the list.")
	}
	if e.RoleID == req.GuildID {
		return Reply{}, userErrorf("I will not ping @everyone. Pick a role for the people who want these notices.")
	}
	e, err := w.store.Add(e)
	if err != nil {
		return Reply{}, fmt.Errorf("add watch: %w", err)
	}
	return textReply(fmt.Sprintf("Watch **#%d** added: when a new readout matches %s, I will post a notice in <#%s> and ping <@&%s>.",
		e.ID, clean(e.Describe()), e.ChannelID, e.RoleID)), nil
}

func (w *watchHandlers) list(req Request) (Reply, error) {
	ws, err := w.store.List(req.GuildID)
	if err != nil {
		return Reply{}, fmt.Errorf("list watches: %w", err)
	}
	if len(ws) == 0 {
		return textReply("This server has no watches. Add one with `/watch add`."), nil
	}
	var b strings.Builder
	for _, e := range ws {
		fmt.Fprintf(&b, "**#%d** %s → <#%s>, pings <@&%s>\n", e.ID, clean(e.Describe()), e.ChannelID, e.RoleID)
	}
	e := &discordgo.MessageEmbed{Title: "Watches", Description: b.String(), Color: colour,
		Footer: &discordgo.MessageEmbedFooter{Text: plural(len(ws), "watch") + " · /watch remove id: stops one"}}
	return newReply("", []*discordgo.MessageEmbed{e}, nil), nil
}

func (w *watchHandlers) remove(req Request) (Reply, error) {
	id, err := strconv.Atoi(strings.TrimSpace(req.Options["id"]))
	if err != nil {
		return Reply{}, userErrorf("`id` is a watch's number, as /watch list shows it.")
	}
	e, err := w.store.Remove(req.GuildID, id)
	if errors.Is(err, ErrNoWatch) {
		return Reply{}, userErrorf("This server has no watch #%d. See /watch list.", id)
	}
	if err != nil {
		return Reply{}, fmt.Errorf("remove watch: %w", err)
	}
	return textReply(fmt.Sprintf("Watch **#%d** (%s) removed.", e.ID, clean(e.Describe()))), nil
}

var watchFields = map[string]knowledge.Field{
	"person": knowledge.FieldPerson, "country": knowledge.FieldCountry, "topic": knowledge.FieldTopic,
}

func (w *watchHandlers) complete(ctx context.Context, req Request) ([]*discordgo.ApplicationCommandOptionChoice, error) {
	if req.Focused == "id" {
		if req.Permissions&(permManageServer|permAdministrator) == 0 {
			return nil, nil
		}
		ws, err := w.store.List(req.GuildID)
		if err != nil {
			return nil, err
		}
		var out []*discordgo.ApplicationCommandOptionChoice
		for _, e := range ws {
			if len(out) < maxChoices {
				out = append(out, &discordgo.ApplicationCommandOptionChoice{
					Name: truncate(fmt.Sprintf("#%d %s", e.ID, e.Describe()), maxChoiceLen), Value: e.ID})
			}
		}
		return out, nil
	}
	field, ok := watchFields[req.Focused]
	if !ok || w.suggest == nil {
		return nil, nil
	}
	ss, err := w.suggest.Suggest(ctx, field, strings.TrimSpace(req.Options[req.Focused]), maxChoices)
	if err != nil {
		return nil, fmt.Errorf("suggest %s: %w", field, err)
	}
	return renderChoices(ss), nil
}

func isSnowflake(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}

// WatchSource lists meetings; *knowledge.Index satisfies it.
type WatchSource interface {
	Meetings(ctx context.Context, f knowledge.Filter) (knowledge.Page, error)
}

// WatchPoster posts a watch notice that pings exactly one role. It must
// return an error wrapping ErrChannelUnavailable on 403/404.
type WatchPoster interface {
	Notify(ctx context.Context, channelID, roleID, content string) error
}

// DiscordWatchPoster posts watch notices with a discordgo session: the
// allowed mentions list exactly the watch's role, so text from a readout
// can ping nobody else, and link previews are suppressed.
type DiscordWatchPoster struct {
	Session *discordgo.Session
}

// Notify posts one notice.
func (p DiscordWatchPoster) Notify(ctx context.Context, channelID, roleID, content string) error {
	_, err := p.Session.ChannelMessageSendComplex(channelID, &discordgo.MessageSend{
		Content:         content,
		AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}, Roles: []string{roleID}},
		Flags:           discordgo.MessageFlagsSuppressEmbeds,
	}, discordgo.WithContext(ctx))
	if err != nil {
		return channelError(err)
	}
	return nil
}

// Watcher defaults.
const (
	// DefaultWatchInterval is how often new readouts are checked.
	DefaultWatchInterval = time.Minute
	// DefaultWatchOverlap re-reads this much before the last check, so a
	// readout stamped just before a check but indexed just after is not
	// missed; fired records keep it from firing twice.
	DefaultWatchOverlap = 10 * time.Minute
	// DefaultWatchMaxAge: a readout published (or held) longer ago than
	// this is not news, even when newly taken in (a backfill, a rebuilt index).
	DefaultWatchMaxAge = 14 * 24 * time.Hour
	// DefaultWatchBurst is how many notices one watch posts in one check;
	// more are summed up in one last notice.
	DefaultWatchBurst = 5
)

// WatcherOptions configure a Watcher. Zero values take the defaults.
type WatcherOptions struct {
	Store  *WatchStore
	Source WatchSource
	Poster WatchPoster
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now                       func() time.Time
	Interval, Overlap, MaxAge time.Duration
	Burst                     int
}

// Watcher posts a notice for each new readout that matches a watch, once
// per watch and readout.
type Watcher struct {
	opts WatcherOptions
	log  *slog.Logger
}

// NewWatcher returns a watcher; call Run, or Check for one pass.
func NewWatcher(opts WatcherOptions) *Watcher {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Interval <= 0 {
		opts.Interval = DefaultWatchInterval
	}
	if opts.Overlap <= 0 {
		opts.Overlap = DefaultWatchOverlap
	}
	if opts.MaxAge <= 0 {
		opts.MaxAge = DefaultWatchMaxAge
	}
	if opts.Burst <= 0 {
		opts.Burst = DefaultWatchBurst
	}
	return &Watcher{opts: opts, log: opts.Logger}
}

// Run checks for new readouts every Interval until ctx is done.
func (w *Watcher) Run(ctx context.Context) error {
	t := time.NewTicker(w.opts.Interval)
	defer t.Stop()
	for {
		if _, err := w.Check(ctx); err != nil && ctx.Err() == nil {
			w.log.Warn("watch check failed", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
	}
}

// Check looks once at the readouts taken in since the last check and
// posts a notice for each watch each matches, once. It returns how many
// notices it posted. The first check only marks the start: readouts
// already indexed are not news.
func (w *Watcher) Check(ctx context.Context) (int, error) {
	now := w.opts.Now().UTC()
	last, ok, err := w.opts.Store.Checked()
	if err != nil {
		return 0, fmt.Errorf("read last watch check: %w", err)
	}
	if !ok {
		return 0, w.opts.Store.SetChecked(now)
	}
	start, err := w.opts.Store.Started()
	if err != nil {
		return 0, fmt.Errorf("read first watch check: %w", err)
	}
	watches, err := w.opts.Store.List("")
	if err != nil {
		return 0, err
	}
	if len(watches) == 0 {
		return 0, w.opts.Store.SetChecked(now)
	}
	f := knowledge.Filter{IngestedFrom: last.Add(-w.opts.Overlap), Limit: 500}
	sent, retry := 0, false
	extra := map[int]int{} // watch id -> matches beyond the burst
	perWatch := map[int]int{}
	for {
		page, err := w.opts.Source.Meetings(ctx, f)
		if err != nil {
			return sent, fmt.Errorf("new readouts: %w", err)
		}
		for _, m := range page.Meetings {
			if w.stale(m, now) {
				continue
			}
			for _, e := range watches {
				// Taken in no later than the watch (or the first check): not news to it.
				if !m.Ingested.After(e.Created) || !m.Ingested.After(start) || !e.Matches(m) {
					continue
				}
				first, err := w.opts.Store.Fire(e.ID, m.ID, now)
				if err != nil {
					return sent, err
				}
				if !first {
					continue
				}
				if perWatch[e.ID] >= w.opts.Burst {
					extra[e.ID]++
					continue
				}
				perWatch[e.ID]++
				switch err := w.opts.Poster.Notify(ctx, e.ChannelID, e.RoleID, watchNotice(e, m)); {
				case err == nil:
					sent++
					w.log.Info("watch notice posted", "watch_id", e.ID, "guild_id", e.GuildID, "channel_id", e.ChannelID, "readout_id", m.ID)
				case errors.Is(err, ErrChannelUnavailable):
					w.log.Warn("watch channel unavailable; notice dropped", "watch_id", e.ID, "channel_id", e.ChannelID, "err", err)
				default:
					retry = true
					w.log.Warn("watch notice failed; will retry", "watch_id", e.ID, "readout_id", m.ID, "err", err)
					if err := w.opts.Store.Unfire(e.ID, m.ID); err != nil {
						return sent, err
					}
				}
			}
		}
		f.Offset += len(page.Meetings)
		if len(page.Meetings) == 0 || f.Offset >= page.Total {
			break
		}
	}
	for _, e := range watches {
		if n := extra[e.ID]; n > 0 {
			msg := fmt.Sprintf("<@&%s> 🔔 …and %d more %s for watch #%d (%s). See `/meetings`.", e.RoleID, n, strings.TrimPrefix(plural(n, "new readout"), fmt.Sprint(n)+" "), e.ID, clean(e.Describe()))
			if err := w.opts.Poster.Notify(ctx, e.ChannelID, e.RoleID, msg); err == nil {
				sent++
			} else {
				w.log.Warn("watch summary failed", "watch_id", e.ID, "err", err)
			}
		}
	}
	if retry {
		return sent, nil
	}
	return sent, w.opts.Store.SetChecked(now)
}

// stale says whether a meeting is too old to be news: its publication (or
// meeting) date is more than MaxAge before now.
func (w *Watcher) stale(m knowledge.Meeting, now time.Time) bool {
	d := m.Published
	if d == "" {
		d = m.Date
	}
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return false
	}
	return t.Add(24 * time.Hour).Before(now.Add(-w.opts.MaxAge))
}

// watchNotice is the short notice a watch posts: the role, the readout's
// title, when, who, and how to see it in full.
func watchNotice(e WatchEntry, m knowledge.Meeting) string {
	title := m.Title
	if title == "" {
		title = "Meeting"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "<@&%s> 🔔 New readout for watch #%d (%s)\n", e.RoleID, e.ID, clean(truncate(e.Describe(), 200)))
	b.WriteString("**" + clean(truncate(title, 200)) + "**\n")
	var names []string
	for _, p := range m.Participants {
		names = append(names, p.Label())
	}
	line := humanDay(m.Date)
	if len(names) > 0 {
		line += " · " + clean(truncate(strings.Join(names, ", "), 300))
	}
	if k := kindWords(m.Kind); k != "" {
		line += " · " + k
	}
	b.WriteString(line + "\n")
	if src := knowledge.Publisher(m); src != "" {
		b.WriteString(clean(truncate(src, 100)) + " · ")
	}
	b.WriteString("`/meeting id:" + m.ID + "`")
	if u, err := url.Parse(m.SourceURL); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && len(m.SourceURL) < 500 {
		b.WriteString(" · <" + strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20").Replace(m.SourceURL) + ">")
	}
	return truncate(b.String(), maxContent)
}
