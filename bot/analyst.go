package bot

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readoutbot/readoutbot/knowledge"
)

// Analyst views: both sides' readouts of one meeting set side by side in
// /meeting, and /met, the history of two people or countries.

// RelatedEngine finds the other sides' readouts of a meeting;
// *knowledge.Index satisfies it. /meeting compares them when the engine
// has it.
type RelatedEngine interface {
	Related(ctx context.Context, id string) ([]knowledge.Meeting, error)
}

// HistoryEngine answers /met; *knowledge.Index satisfies it.
type HistoryEngine interface {
	History(ctx context.Context, q knowledge.HistoryQuery) (knowledge.History, error)
	Suggester
}

// maxAccountText keeps one side's account of a topic short enough to sit
// beside the other's.
const maxAccountText = 350

// renderMeetingSides is the /meeting card, followed, when other sides
// published their own readout of the meeting, by each side's account of
// each topic and the topics only one side reported. A failure to find the
// other readouts leaves the card as it is.
func renderMeetingSides(ctx context.Context, engine Engine, m knowledge.Meeting) Reply {
	card := renderMeeting(m)
	re, ok := engine.(RelatedEngine)
	if !ok {
		return card
	}
	others, err := re.Related(ctx, m.ID)
	if err != nil || len(others) == 0 {
		return card
	}
	var embeds []*discordgo.MessageEmbed
	for _, msg := range card.Messages {
		embeds = append(embeds, msg.Embeds...)
	}
	embeds = append(embeds, comparisonEmbed(knowledge.Compare(append([]knowledge.Meeting{m}, others...))))
	return newReply("", embeds, nil)
}

// sideName is a side's publisher, or "readout N" when unknown.
func sideName(c knowledge.Comparison, i int) string {
	if p := c.Sides[i].Publisher; p != "" {
		return p
	}
	return fmt.Sprintf("readout %d", i+1)
}

// comparisonEmbed shows each side's account of each topic, the shared
// topics first, then those one side alone reported.
func comparisonEmbed(c knowledge.Comparison) *discordgo.MessageEmbed {
	var d strings.Builder
	pubs := map[string]bool{}
	for i := range c.Sides {
		pubs[sideName(c, i)] = true
	}
	if len(pubs) == len(c.Sides) {
		d.WriteString(fmt.Sprintf("%d governments published a readout of this meeting:\n", len(c.Sides)))
	} else {
		d.WriteString(fmt.Sprintf("%d readouts describe this meeting:\n", len(c.Sides)))
	}
	for i, s := range c.Sides {
		line := "• " + link(sideName(c, i), s.Meeting.SourceURL)
		if s.Meeting.Published != "" {
			line += ", published " + humanDay(s.Meeting.Published)
		}
		if i == 0 {
			line += " (above)"
		} else {
			line += " · `/meeting id:" + s.Meeting.ID + "`"
		}
		d.WriteString(line + "\n")
	}
	e := &discordgo.MessageEmbed{Title: "Both sides' accounts", Description: d.String(), Color: colour}
	for _, t := range c.Shared() {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: unmention(t.Topic), Value: accountsText(c, t)})
	}
	for i := range c.Sides {
		for _, t := range c.OnlyBy(i) {
			e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
				Name:  unmention(t.Topic) + " — only " + unmention(sideName(c, i)) + " reported this",
				Value: accountsText(c, t),
			})
		}
	}
	if len(e.Fields) == 0 {
		e.Description += "\nThe readouts name no topics to compare."
	}
	return e
}

// accountsText is each side's account of one topic, one paragraph each.
func accountsText(c knowledge.Comparison, t knowledge.TopicAccounts) string {
	var b strings.Builder
	for _, a := range t.Accounts {
		b.WriteString("**" + clean(sideName(c, a.Side)) + ":** " + clean(truncate(accountText(a), maxAccountText)) + "\n")
	}
	return b.String()
}

// accountText is one side's statements on a topic as plain text.
func accountText(a knowledge.Account) string {
	switch {
	case len(a.Positions) > 0:
		var parts []string
		for _, p := range a.Positions {
			parts = append(parts, unnumbered(p.Text))
		}
		return strings.Join(parts, " ")
	case a.Mention != "":
		return "(in passing) " + unnumbered(a.Mention)
	}
	return "named as a topic, with no statement."
}

// MetCommand is /met: how often two people or countries met or spoke,
// when last, where, at what level, and what they discussed most.
func MetCommand(engine HistoryEngine) Command {
	h := &metHandler{engine: engine}
	return Command{
		Definition: &discordgo.ApplicationCommand{
			Name: "met", Description: "How often two people or countries met or spoke, and about what",
			Options: []*discordgo.ApplicationCommandOption{
				str("a", "A person or a country", true, true, 100),
				str("b", "Another person or country", true, true, 100),
				str("since", "Earliest date: 2024-05-01, 2024-05 or 2024", false, false, 10),
			},
		},
		Handle: h.met, Complete: h.complete,
	}
}

type metHandler struct{ engine HistoryEngine }

func (h *metHandler) met(ctx context.Context, req Request) (Reply, error) {
	a, b := strings.TrimSpace(req.Options["a"]), strings.TrimSpace(req.Options["b"])
	if a == "" || b == "" {
		return Reply{}, userErrorf("Name two people or countries: start typing and pick suggestions.")
	}
	since, err := dateBound("since", req.Options["since"], false)
	if err != nil {
		return Reply{}, err
	}
	hist, err := h.engine.History(ctx, knowledge.HistoryQuery{A: a, B: b, Since: since})
	if err != nil {
		return Reply{}, fmt.Errorf("history of %q and %q: %w", a, b, err)
	}
	return renderHistory(hist), nil
}

// complete suggests people and countries alike for a and b.
func (h *metHandler) complete(ctx context.Context, req Request) ([]*discordgo.ApplicationCommandOptionChoice, error) {
	if req.Focused != "a" && req.Focused != "b" {
		return nil, nil
	}
	prefix := strings.TrimSpace(req.Options[req.Focused])
	var all []knowledge.Suggestion
	for _, f := range []knowledge.Field{knowledge.FieldPerson, knowledge.FieldCountry} {
		ss, err := h.engine.Suggest(ctx, f, prefix, maxChoices)
		if err != nil {
			return nil, fmt.Errorf("suggest %s: %w", f, err)
		}
		all = append(all, ss...)
	}
	// Alternate so both kinds show when both have many.
	return renderChoices(interleave(all, maxChoices)), nil
}

// interleave keeps the first n suggestions, dropping repeated values.
func interleave(ss []knowledge.Suggestion, n int) []knowledge.Suggestion {
	seen := map[string]bool{}
	var out []knowledge.Suggestion
	for _, s := range ss {
		if !seen[strings.ToLower(s.Value)] && len(out) < n {
			seen[strings.ToLower(s.Value)] = true
			out = append(out, s)
		}
	}
	return out
}

// maxHistoryShown is how many meetings /met lists.
const maxHistoryShown = 10

// levelWords names a level in a sentence.
func levelWords(l knowledge.Level) string {
	switch l {
	case knowledge.LevelLeaders:
		return "leaders"
	case knowledge.LevelMinisters:
		return "ministers"
	case knowledge.LevelOfficials:
		return "officials"
	}
	return "level not stated"
}

// HistorySummary is the history in a few sentences, shared by /met and
// the CLI: how many, of which kind, when last and where, at what level.
func HistorySummary(h knowledge.History) []string {
	n := len(h.Encounters)
	what := fmt.Sprintf("%d meetings or calls", n)
	if n == 1 {
		what = "1 meeting or call"
	}
	if h.Calls == 0 {
		what = plural(n, "meeting")
	} else if h.InPerson == 0 && h.Other == 0 {
		what = plural(n, "call")
	}
	var kinds []string
	if h.InPerson > 0 && h.Calls > 0 {
		kinds = append(kinds, fmt.Sprintf("%d in person", h.InPerson), fmt.Sprintf("%d by phone or video", h.Calls))
		if h.Other > 0 {
			kinds = append(kinds, fmt.Sprintf("%d not said", h.Other))
		}
	}
	first := what
	if h.Query.Since != "" {
		first += " since " + humanDay(h.Query.Since)
	}
	if len(kinds) > 0 {
		first += " (" + strings.Join(kinds, ", ") + ")"
	}
	last := h.Encounters[0]
	lastLine := "Last: " + humanDay(last.Meeting().Date)
	if k := kindWords(kindOfEncounter(last)); k != "" {
		lastLine += ", " + k
	}
	if loc := last.Location(); loc != "" {
		lastLine += ", in " + loc
	}
	lastLine += " (" + levelWords(last.Level) + ")"
	var levels []string
	for _, l := range []knowledge.Level{knowledge.LevelLeaders, knowledge.LevelMinisters, knowledge.LevelOfficials, knowledge.LevelUnknown} {
		if c := h.Levels[l]; c > 0 {
			levels = append(levels, fmt.Sprintf("%s %d", levelWords(l), c))
		}
	}
	out := []string{first + ".", lastLine + ".", "Level: " + strings.Join(levels, ", ") + "."}
	if len(h.Topics) > 0 {
		var ts []string
		for _, t := range h.Topics {
			ts = append(ts, fmt.Sprintf("%s (%d)", t.Topic, t.Count))
		}
		out = append(out, "Most discussed: "+strings.Join(ts, ", ")+".")
	}
	return out
}

func kindOfEncounter(e knowledge.Encounter) knowledge.Kind {
	for _, m := range e.Readouts {
		if m.Kind != "" && m.Kind != knowledge.KindOther {
			return m.Kind
		}
	}
	return ""
}

// renderHistory is the /met reply: the summary, then the meetings newest
// first, each with its readouts.
func renderHistory(h knowledge.History) Reply {
	lines := HistorySummary(h)
	var d strings.Builder
	d.WriteString("**" + clean(lines[0]) + "**\n")
	for _, l := range lines[1:] {
		d.WriteString(clean(l) + "\n")
	}
	var list strings.Builder
	for _, e := range h.Encounters[:min(len(h.Encounters), maxHistoryShown)] {
		m := e.Meeting()
		line := "**" + humanDay(m.Date) + "** · " + link(orMeeting(m.Title), m.SourceURL)
		var bits []string
		if k := kindWords(kindOfEncounter(e)); k != "" {
			bits = append(bits, k)
		}
		if loc := e.Location(); loc != "" {
			bits = append(bits, clean(loc))
		}
		bits = append(bits, levelWords(e.Level))
		line += "\n" + strings.Join(bits, " · ")
		if len(e.Readouts) > 1 {
			var pubs []string
			for _, r := range e.Readouts {
				pubs = append(pubs, link(knowledge.Publisher(r), r.SourceURL))
			}
			line += " · readouts: " + strings.Join(pubs, ", ")
		}
		list.WriteString(line + "\n`/meeting id:" + m.ID + "`\n")
	}
	e := &discordgo.MessageEmbed{
		Title:       unmention(h.Query.A + " and " + h.Query.B),
		Description: d.String(),
		Color:       colour,
		Fields:      []*discordgo.MessageEmbedField{{Name: "Newest first", Value: list.String()}},
		Footer: &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("%d of %s shown · both sides' readouts of one meeting count once",
			min(len(h.Encounters), maxHistoryShown), plural(len(h.Encounters), "meeting"))},
	}
	return newReply("", []*discordgo.MessageEmbed{e}, nil)
}

func orMeeting(title string) string {
	if title == "" {
		return "Meeting"
	}
	return title
}

// Analyst configures the analyst commands that AddAnalyst adds.
type Analyst struct {
	// History answers /met; nil leaves /met out.
	History HistoryEngine
	// Watches keeps /watch's watchlists; nil leaves /watch out.
	Watches *WatchStore
	// Suggest completes /watch's person, country and topic.
	Suggest Suggester
	// Now stamps new watches; nil means the bot's clock.
	Now func() time.Time
}

// AddAnalyst adds /met and /watch, and makes /meeting set the other sides'
// readouts of a meeting beside its own (when the engine is a
// RelatedEngine). Call it before Run.
func (b *Bot) AddAnalyst(a Analyst) {
	if c, ok := b.commands["meeting"]; ok {
		c.Handle = b.meetingSides
		b.AddCommand(c)
	}
	if a.History != nil {
		b.AddCommand(MetCommand(a.History))
	}
	if a.Watches != nil {
		now := a.Now
		if now == nil {
			now = b.opts.Now
		}
		b.AddCommand(WatchCommand(a.Watches, a.Suggest, now))
	}
}

// meetingSides answers /meeting with the card and, when other sides
// published their own readout, each side's account of each topic.
func (b *Bot) meetingSides(ctx context.Context, req Request) (Reply, error) {
	id := strings.TrimSpace(req.Options["id"])
	if id == "" {
		return Reply{}, userErrorf("Please pick a meeting: start typing a title, a name or a date.")
	}
	m, err := b.engine.Meeting(ctx, id)
	if err != nil {
		return Reply{}, fmt.Errorf("meeting %q: %w", id, err)
	}
	return renderMeetingSides(ctx, b.engine, m), nil
}
