package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readoutbot/readoutbot/knowledge"
)

// handlers answer the built-in commands from the engine.
type handlers struct {
	engine Engine
	memo   *memo
	// added lists commands added beyond the built-in ones, for /help.
	added func() []*discordgo.ApplicationCommand
}

func str(name, desc string, required, complete bool, maxLen int) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type: discordgo.ApplicationCommandOptionString, Name: name, Description: desc,
		Required: required, Autocomplete: complete, MaxLength: maxLen,
	}
}

// commands are the built-in slash commands.
func (h *handlers) commands() []Command {
	return []Command{
		{
			Definition: &discordgo.ApplicationCommand{
				Name: "ask", Description: "Ask about government meetings in plain words",
				Options: []*discordgo.ApplicationCommandOption{
					str("question", "e.g. When did Japan and France last meet, and what about?", true, false, knowledge.MaxQuestionLen),
				},
			},
			Handle: h.ask,
		},
		{
			Definition: &discordgo.ApplicationCommand{
				Name: "meeting", Description: "Everything about one meeting",
				Options: []*discordgo.ApplicationCommandOption{
					str("id", "Type a title, participant or date to search", true, true, 100),
				},
			},
			Handle: h.meeting, Complete: h.completeMeeting,
		},
		{
			Definition: &discordgo.ApplicationCommand{
				Name: "meetings", Description: "List meetings, newest first",
				Options: []*discordgo.ApplicationCommandOption{
					str("person", "Who took part", false, true, 100),
					str("country", "Country or organisation that took part", false, true, 100),
					str("topic", "What was discussed", false, true, 100),
					str("from", "Earliest date: 2024-05-01, 2024-05 or 2024", false, false, 10),
					str("to", "Latest date: 2024-05-31, 2024-05 or 2024", false, false, 10),
				},
			},
			Handle: h.meetings, Complete: h.complete,
		},
		{
			Definition: &discordgo.ApplicationCommand{
				Name: "positions", Description: "What someone said on a topic over time",
				Options: []*discordgo.ApplicationCommandOption{
					str("speaker", "Who said it", true, true, 100),
					str("topic", "On what (all topics when empty)", false, true, 100),
				},
			},
			Handle: h.positions, Complete: h.complete,
		},
		{
			Definition: &discordgo.ApplicationCommand{Name: "help", Description: "What readoutbot can do and what it knows"},
			Handle:     h.help, Ephemeral: true,
		},
	}
}

// components are the built-in buttons.
func (h *handlers) components() []Component {
	return []Component{
		{Prefix: idSources, Handle: h.sources, Ephemeral: true},
		{Prefix: idMore, Handle: h.more, Ephemeral: true},
		{Prefix: idMeetings, Handle: h.meetingsPage, Update: true},
	}
}

func (h *handlers) ask(ctx context.Context, req Request) (Reply, error) {
	q := strings.TrimSpace(req.Options["question"])
	if q == "" {
		return Reply{}, knowledge.ErrEmptyQuestion
	}
	// Checked here as well as by the engine, so a huge question costs nothing.
	if textLen(q) > knowledge.MaxQuestionLen {
		return Reply{}, knowledge.ErrQuestionTooLong
	}
	a, err := h.engine.Ask(ctx, q)
	if err != nil {
		return Reply{}, fmt.Errorf("ask: %w", err)
	}
	return renderAnswer(q, h.memo.put(q), a), nil
}

var markdownUnescaper = strings.NewReplacer(
	`\\`, `\`, `\*`, `*`, `\_`, `_`, `\~`, `~`, "\\`", "`", `\|`, `|`,
	`\[`, `[`, `\]`, `]`, `\>`, `>`, `\#`, `#`,
	"@"+zeroWidthSpace, "@", "<@"+zeroWidthSpace, "<@", "<#"+zeroWidthSpace, "<#",
)

// question finds the question behind an answer's button: in the memo, or
// else in the answer's title when the title holds it whole.
func (h *handlers) question(key string, msg *discordgo.Message) (string, error) {
	if q, ok := h.memo.get(key); ok {
		return q, nil
	}
	if msg != nil && len(msg.Embeds) > 0 {
		if q := markdownUnescaper.Replace(msg.Embeds[0].Title); stateKey(q) == key {
			h.memo.put(q)
			return q, nil
		}
	}
	return "", errExpired
}

func (h *handlers) sources(ctx context.Context, req Request) (Reply, error) {
	key := strings.TrimPrefix(req.CustomID, idSources+":")
	q, err := h.question(key, req.Message)
	if err != nil {
		return Reply{}, err
	}
	a, err := h.engine.Ask(ctx, q)
	if err != nil {
		return Reply{}, fmt.Errorf("ask for sources: %w", err)
	}
	return renderSources(a), nil
}

func (h *handlers) more(ctx context.Context, req Request) (Reply, error) {
	parts := strings.Split(req.CustomID, ":")
	if len(parts) != 3 {
		return Reply{}, errBadID
	}
	offset, err := strconv.Atoi(parts[2])
	if err != nil || offset < 0 {
		return Reply{}, errBadID
	}
	q, err := h.question(parts[1], req.Message)
	if err != nil {
		return Reply{}, err
	}
	a, err := h.engine.Ask(ctx, q)
	if err != nil {
		return Reply{}, fmt.Errorf("ask for more: %w", err)
	}
	return renderMore(q, parts[1], a, offset), nil
}

func (h *handlers) meeting(ctx context.Context, req Request) (Reply, error) {
	id := strings.TrimSpace(req.Options["id"])
	if id == "" {
		return Reply{}, userErrorf("Please pick a meeting: start typing a title, a name or a date.")
	}
	m, err := h.engine.Meeting(ctx, id)
	if errors.Is(err, knowledge.ErrNotFound) {
		return Reply{}, userErrorf("I know no meeting with the id “%s”. Start typing a title, a name or a date, and pick one of the suggestions.", clean(truncate(id, 100)))
	}
	if err != nil {
		return Reply{}, fmt.Errorf("meeting %q: %w", id, err)
	}
	return renderMeeting(m), nil
}

// dateBound reads a user's date as the first (or last) day it covers:
// 2024, 2024-05 and 2024-05-01 are accepted.
func dateBound(option, s string, last bool) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if last {
			switch layout {
			case "2006-01":
				t = t.AddDate(0, 1, -1)
			case "2006":
				t = t.AddDate(1, 0, -1)
			}
		}
		return t.Format("2006-01-02"), nil
	}
	return "", userErrorf("`%s` must be a date like 2024-05-01, 2024-05 or 2024.", option)
}

func (h *handlers) meetings(ctx context.Context, req Request) (Reply, error) {
	f := knowledge.Filter{
		Person:  strings.TrimSpace(req.Options["person"]),
		Country: strings.TrimSpace(req.Options["country"]),
		Topic:   strings.TrimSpace(req.Options["topic"]),
	}
	var err1, err2 error
	f.From, err1 = dateBound("from", req.Options["from"], false)
	f.To, err2 = dateBound("to", req.Options["to"], true)
	if err1 != nil {
		return Reply{}, err1
	}
	if err2 != nil {
		return Reply{}, err2
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return Reply{}, userErrorf("`from` (%s) is after `to` (%s).", f.From, f.To)
	}
	return h.meetingsAt(ctx, f, 0)
}

func (h *handlers) meetingsPage(ctx context.Context, req Request) (Reply, error) {
	f, offset, err := parseMeetingsID(h.memo, req.CustomID)
	if err != nil {
		return Reply{}, err
	}
	r, err := h.meetingsAt(ctx, f, offset)
	r.Update = true
	return r, err
}

func (h *handlers) meetingsAt(ctx context.Context, f knowledge.Filter, offset int) (Reply, error) {
	f.Limit, f.Offset = pageSize, offset
	page, err := h.engine.Meetings(ctx, f)
	if err != nil {
		return Reply{}, fmt.Errorf("list meetings: %w", err)
	}
	if page.Total > 0 && len(page.Meetings) == 0 && offset > 0 {
		// The index shrank since the page was shown: go to its last page.
		f.Offset = (page.Total - 1) / pageSize * pageSize
		if page, err = h.engine.Meetings(ctx, f); err != nil {
			return Reply{}, fmt.Errorf("list meetings: %w", err)
		}
		offset = f.Offset
	}
	if page.Total == 0 {
		return Reply{}, userErrorf("No meetings match those filters. Try fewer, or let autocomplete suggest names.")
	}
	return renderMeetings(h.memo, f, page, offset), nil
}

func (h *handlers) positions(ctx context.Context, req Request) (Reply, error) {
	speaker := strings.TrimSpace(req.Options["speaker"])
	topic := strings.TrimSpace(req.Options["topic"])
	if speaker == "" {
		return Reply{}, userErrorf("Please name a speaker: start typing and pick a suggestion.")
	}
	entries, err := h.engine.Positions(ctx, speaker, topic)
	if err != nil {
		return Reply{}, fmt.Errorf("positions of %q on %q: %w", speaker, topic, err)
	}
	if len(entries) == 0 {
		return Reply{}, fmt.Errorf("positions of %q on %q: %w", speaker, topic, knowledge.ErrNotFound)
	}
	return renderPositions(speaker, topic, entries), nil
}

func (h *handlers) help(ctx context.Context, req Request) (Reply, error) {
	s, err := h.engine.Stats(ctx)
	if err != nil {
		return Reply{}, fmt.Errorf("stats: %w", err)
	}
	var added []*discordgo.ApplicationCommand
	if h.added != nil {
		added = h.added()
	}
	return renderHelp(s, added), nil
}

// suggestFields says which index field each autocompleted option draws on.
var suggestFields = map[string]knowledge.Field{
	"meeting.id":        knowledge.FieldMeeting,
	"meetings.person":   knowledge.FieldPerson,
	"meetings.country":  knowledge.FieldCountry,
	"meetings.topic":    knowledge.FieldTopic,
	"positions.speaker": knowledge.FieldPerson,
	"positions.topic":   knowledge.FieldTopic,
}

func (h *handlers) complete(ctx context.Context, req Request) ([]*discordgo.ApplicationCommandOptionChoice, error) {
	field, ok := suggestFields[req.Command+"."+req.Focused]
	if !ok {
		return nil, nil
	}
	ss, err := h.engine.Suggest(ctx, field, strings.TrimSpace(req.Options[req.Focused]), maxChoices)
	if err != nil {
		return nil, fmt.Errorf("suggest %s: %w", field, err)
	}
	return renderChoices(ss), nil
}

// completeMeeting suggests meetings by title words (the index's own
// suggestions), by date when the typed text is one (2024, 2024-05,
// 2024-05-01), and by participant, so a user can find a meeting however they
// remember it.
func (h *handlers) completeMeeting(ctx context.Context, req Request) ([]*discordgo.ApplicationCommandOptionChoice, error) {
	typed := strings.TrimSpace(req.Options[req.Focused])
	var out []knowledge.Suggestion
	seen := map[string]bool{}
	add := func(ss ...knowledge.Suggestion) {
		for _, s := range ss {
			if !seen[s.Value] && len(out) < maxChoices {
				seen[s.Value] = true
				out = append(out, s)
			}
		}
	}
	addMeetings := func(f knowledge.Filter) error {
		f.Limit = maxChoices
		page, err := h.engine.Meetings(ctx, f)
		if err != nil {
			return err
		}
		for _, m := range page.Meetings {
			add(knowledge.Suggestion{Value: m.ID, Label: meetingChoiceLabel(m)})
		}
		return nil
	}
	if from, err := dateBound("id", typed, false); err == nil && from != "" {
		to, _ := dateBound("id", typed, true)
		if err := addMeetings(knowledge.Filter{From: from, To: to}); err != nil {
			return nil, fmt.Errorf("meetings on %s: %w", typed, err)
		}
		return renderChoices(out), nil
	}
	titles, err := h.engine.Suggest(ctx, knowledge.FieldMeeting, typed, maxChoices)
	if err != nil {
		return nil, fmt.Errorf("suggest meetings: %w", err)
	}
	add(titles...)
	if typed != "" && len(out) < maxChoices {
		people, err := h.engine.Suggest(ctx, knowledge.FieldPerson, typed, 3)
		if err != nil {
			return nil, fmt.Errorf("suggest people: %w", err)
		}
		for _, p := range people {
			if err := addMeetings(knowledge.Filter{Person: p.Value}); err != nil {
				return nil, fmt.Errorf("meetings of %q: %w", p.Value, err)
			}
		}
	}
	return renderChoices(out), nil
}

// meetingChoiceLabel is "2024-01-15 Title — A, B", cut to a choice's 100.
func meetingChoiceLabel(m knowledge.Meeting) string {
	label := strings.TrimSpace(m.Date + " " + m.Title)
	var names []string
	for _, p := range m.Participants {
		names = append(names, p.Label())
	}
	if len(names) > 0 {
		label += " — " + strings.Join(names, ", ")
	}
	return truncate(label, maxChoiceLen)
}

// filterFields says which index field an option of a given name draws on,
// whatever the command.
var filterFields = map[string]knowledge.Field{
	"person":  knowledge.FieldPerson,
	"speaker": knowledge.FieldPerson,
	"country": knowledge.FieldCountry,
	"topic":   knowledge.FieldTopic,
}

// completeFilters completes person, speaker, country and topic options.
func (h *handlers) completeFilters(ctx context.Context, req Request) ([]*discordgo.ApplicationCommandOptionChoice, error) {
	field, ok := filterFields[req.Focused]
	if !ok {
		return nil, nil
	}
	ss, err := h.engine.Suggest(ctx, field, strings.TrimSpace(req.Options[req.Focused]), maxChoices)
	if err != nil {
		return nil, fmt.Errorf("suggest %s: %w", field, err)
	}
	return renderChoices(ss), nil
}
