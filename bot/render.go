package bot

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readoutbot/readoutbot/knowledge"
)

// Rendering: pure functions from knowledge values to replies. Everything
// that came from a readout or a user is escaped, so it can neither format
// nor ping; newReply then fits the result to Discord's limits.

const (
	colour = 0x2f6f9f
	// answerShown is how many meetings an /ask answer shows; "More results"
	// pages through the rest moreShown at a time.
	answerShown = 3
	moreShown   = 5
	// pageSize is how many meetings one /meetings page lists.
	pageSize = 5
	// maxPositionText keeps one position's quote short inside a summary;
	// "Show source text" and /meeting have it in full.
	maxPositionText = 300
)

var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, `*`, `\*`, `_`, `\_`, `~`, `\~`, "`", "\\`", `|`, `\|`,
	`[`, `\[`, `]`, `\]`, `>`, `\>`, `#`, `\#`,
)

var mentionBreaker = strings.NewReplacer(
	"@everyone", "@"+zeroWidthSpace+"everyone",
	"@here", "@"+zeroWidthSpace+"here",
	"<@", "<@"+zeroWidthSpace,
	"<#", "<#"+zeroWidthSpace,
)

// unmention breaks mention syntax visibly harmlessly; allowed_mentions
// already stops pings, this also stops the highlight.
func unmention(s string) string { return mentionBreaker.Replace(s) }

// clean makes readout or user text safe to show verbatim.
func clean(s string) string { return unmention(markdownEscaper.Replace(s)) }

// link is a Markdown link to a source, or just the label when the URL is not
// a plain http(s) URL.
func link(label, raw string) string {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return clean(label)
	}
	s := strings.NewReplacer("(", "%28", ")", "%29", " ", "%20").Replace(u.String())
	return "[" + clean(label) + "](" + s + ")"
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// reEnumeration is a paragraph number or bullet that readouts put before
// a sentence ("3. ", "(a) ", "- "); quotes read better without it.
var reEnumeration = regexp.MustCompile(`^\s*(?:\d{1,2}[.)]|\([a-z0-9]{1,3}\)|[-•*])\s+`)

func unnumbered(s string) string { return reEnumeration.ReplaceAllString(s, "") }

// humanDay formats YYYY-MM-DD as "1 May 2024"; anything else is shown as given.
func humanDay(s string) string {
	if s == "" {
		return "date unknown"
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return clean(s)
	}
	return t.Format("2 Jan 2006")
}

func sourceName(m knowledge.Meeting) string {
	if m.Source != "" {
		return m.Source
	}
	if u, err := url.Parse(m.SourceURL); err == nil && u.Host != "" {
		return u.Host
	}
	return "source"
}

// sourceLink links a meeting's source, or names it when there is no usable
// URL, or is empty when nothing is known.
func sourceLink(m knowledge.Meeting) string {
	l := link(sourceName(m), m.SourceURL)
	if l == "source" {
		return ""
	}
	return l
}

func participantLine(p knowledge.Participant) string {
	s := "**" + clean(p.Label()) + "**"
	var about []string
	if p.Name != "" && p.Title != "" {
		about = append(about, p.Title)
	}
	if p.Affiliation != "" && (p.Name != "" || p.Title == "") {
		about = append(about, p.Affiliation)
	}
	if len(about) > 0 {
		s += " (" + clean(strings.Join(about, ", ")) + ")"
	}
	return s
}

func who(m knowledge.Meeting) string {
	if len(m.Participants) == 0 {
		return "participants not named"
	}
	parts := make([]string, len(m.Participants))
	for i, p := range m.Participants {
		parts[i] = participantLine(p)
	}
	return strings.Join(parts, "; ")
}

func kindWords(k knowledge.Kind) string {
	switch k {
	case knowledge.KindInPerson:
		return "in person"
	case knowledge.KindTelephone:
		return "by telephone"
	case knowledge.KindVideo:
		return "by video"
	}
	return ""
}

// where is "Tokyo · in person · 14:00 · 45 min", leaving out what is unknown.
func where(m knowledge.Meeting) string {
	var parts []string
	if m.Location != "" {
		parts = append(parts, clean(m.Location))
	}
	if k := kindWords(m.Kind); k != "" {
		parts = append(parts, k)
	}
	if m.Time != "" {
		parts = append(parts, clean(m.Time))
	}
	if m.DurationMinutes > 0 {
		parts = append(parts, strconv.Itoa(m.DurationMinutes)+" min")
	}
	if len(parts) == 0 {
		return "place not given"
	}
	return strings.Join(parts, " · ")
}

func meetingName(m knowledge.Meeting) string {
	title := m.Title
	if title == "" {
		title = "Meeting"
	}
	return humanDay(m.Date) + " · " + unmention(title)
}

// summary is one meeting in a few lines: who, where, the given positions,
// the source.
func summary(m knowledge.Meeting, positions []knowledge.Position) string {
	var b strings.Builder
	b.WriteString("**Who:** " + who(m) + "\n")
	b.WriteString("**Where:** " + where(m) + "\n")
	for _, p := range positions {
		b.WriteString("• " + positionLine(p, maxPositionText) + "\n")
	}
	if src := sourceLink(m); src != "" {
		b.WriteString("Source: " + src)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func positionLine(p knowledge.Position, max int) string {
	s := "**" + clean(p.Speaker) + "**"
	if p.Topic != "" {
		s += " on " + clean(p.Topic)
	}
	return s + ": " + clean(truncate(unnumbered(p.Text), max))
}

// quotedPositions are the positions of m that the answer quotes, or its
// first two when it quotes none.
func quotedPositions(m knowledge.Meeting, quotes []knowledge.Quote) []knowledge.Position {
	var out []knowledge.Position
	for _, q := range quotes {
		if q.MeetingID != m.ID {
			continue
		}
		p := knowledge.Position{Speaker: q.Speaker, Text: q.Text}
		for _, mp := range m.Positions {
			if mp.Text == q.Text {
				p.Topic = mp.Topic
			}
		}
		out = append(out, p)
	}
	if len(out) == 0 && len(m.Positions) > 0 {
		out = m.Positions[:min(2, len(m.Positions))]
	}
	return out[:min(3, len(out))]
}

func button(label, id string, style discordgo.ButtonStyle, disabled bool) discordgo.Button {
	return discordgo.Button{Label: truncate(label, maxButtonLabel), CustomID: id, Style: style, Disabled: disabled}
}

func row(buttons ...discordgo.Button) []discordgo.MessageComponent {
	comps := make([]discordgo.MessageComponent, len(buttons))
	for i, b := range buttons {
		comps[i] = b
	}
	return []discordgo.MessageComponent{discordgo.ActionsRow{Components: comps}}
}

// renderAnswer is the /ask reply: the answer, then the first meetings it
// rests on, with buttons for the quoted text and for more meetings.
func renderAnswer(question, key string, a knowledge.Answer) Reply {
	e := &discordgo.MessageEmbed{
		Title:       clean(question),
		Description: unmention(a.Text),
		Color:       colour,
	}
	shown := a.Meetings[:min(answerShown, len(a.Meetings))]
	for _, m := range shown {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{
			Name:  meetingName(m),
			Value: summary(m, quotedPositions(m, a.Quotes)),
		})
	}
	if len(a.Meetings) > 0 {
		e.Footer = &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("%d of %s shown", len(shown), plural(len(a.Meetings), "meeting"))}
	}
	var buttons []discordgo.Button
	if len(a.Quotes) > 0 || len(a.Meetings) > 0 {
		buttons = append(buttons, button("Show source text", idSources+":"+key, discordgo.SecondaryButton, false))
	}
	if len(a.Meetings) > answerShown {
		buttons = append(buttons, button("More results", fmt.Sprintf("%s:%s:%d", idMore, key, answerShown), discordgo.PrimaryButton, false))
	}
	var comps []discordgo.MessageComponent
	if len(buttons) > 0 {
		comps = row(buttons...)
	}
	return newReply("", []*discordgo.MessageEmbed{e}, comps)
}

// renderSources is the ephemeral "Show source text" reply: the quoted
// sentences in full, each with its speaker and source.
func renderSources(a knowledge.Answer) Reply {
	urls := map[string]knowledge.Meeting{}
	for _, m := range a.Meetings {
		urls[m.ID] = m
	}
	quotes := a.Quotes
	if len(quotes) == 0 {
		for _, m := range a.Meetings[:min(answerShown, len(a.Meetings))] {
			for _, p := range m.Positions {
				quotes = append(quotes, knowledge.Quote{MeetingID: m.ID, Speaker: p.Speaker, Text: p.Text, SourceURL: m.SourceURL})
			}
		}
	}
	var b strings.Builder
	for _, q := range quotes {
		b.WriteString("> " + clean(strings.ReplaceAll(unnumbered(q.Text), "\n", " ")) + "\n")
		m := urls[q.MeetingID]
		attribution := "— "
		if q.Speaker != "" {
			attribution += "**" + clean(q.Speaker) + "**, "
		}
		if m.ID != "" {
			attribution += humanDay(m.Date) + ", "
		}
		label := "source"
		if m.ID != "" {
			label = sourceName(m)
		}
		b.WriteString(attribution + link(label, q.SourceURL) + "\n\n")
	}
	if len(quotes) == 0 {
		b.WriteString("The readouts behind this answer quote no sentences.")
	}
	e := &discordgo.MessageEmbed{Title: "Source text", Description: b.String(), Color: colour}
	r := newReply("", []*discordgo.MessageEmbed{e}, nil)
	r.Ephemeral = true
	return r
}

// renderMore is the ephemeral "More results" reply: the next meetings the
// answer rests on, with a button for the ones after.
func renderMore(question, key string, a knowledge.Answer, offset int) Reply {
	if offset >= len(a.Meetings) {
		r := textReply("There are no more results for that question.")
		r.Ephemeral = true
		return r
	}
	end := min(offset+moreShown, len(a.Meetings))
	e := &discordgo.MessageEmbed{Title: clean(question), Color: colour,
		Footer: &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("Meetings %d–%d of %d", offset+1, end, len(a.Meetings))}}
	for _, m := range a.Meetings[offset:end] {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: meetingName(m), Value: summary(m, quotedPositions(m, a.Quotes))})
	}
	var comps []discordgo.MessageComponent
	if end < len(a.Meetings) {
		comps = row(button("More results", fmt.Sprintf("%s:%s:%d", idMore, key, end), discordgo.PrimaryButton, false))
	}
	r := newReply("", []*discordgo.MessageEmbed{e}, comps)
	r.Ephemeral = true
	return r
}

// renderMeeting is the /meeting card: everything known about one meeting.
func renderMeeting(m knowledge.Meeting) Reply {
	title := m.Title
	if title == "" {
		title = "Meeting on " + humanDay(m.Date)
	}
	var d strings.Builder
	when := "**When:** " + humanDay(m.Date)
	if m.Time != "" {
		when += " at " + clean(m.Time)
	}
	if m.DurationMinutes > 0 {
		when += fmt.Sprintf(" (%d min)", m.DurationMinutes)
	}
	d.WriteString(when + "\n")
	if m.Location != "" {
		d.WriteString("**Where:** " + clean(m.Location) + "\n")
	}
	if k := kindWords(m.Kind); k != "" {
		d.WriteString("**How:** " + k + "\n")
	}
	if src := sourceLink(m); src != "" {
		d.WriteString("**Source:** " + src)
		if m.Published != "" {
			d.WriteString(", published " + humanDay(m.Published))
		}
	}
	e := &discordgo.MessageEmbed{Title: unmention(title), Description: d.String(), Color: colour,
		Footer: &discordgo.MessageEmbedFooter{Text: "id: " + m.ID}}
	if u, err := url.Parse(m.SourceURL); err == nil && (u.Scheme == "http" || u.Scheme == "https") {
		e.URL = m.SourceURL
	}
	if len(m.Participants) > 0 {
		lines := make([]string, len(m.Participants))
		for i, p := range m.Participants {
			lines[i] = "• " + participantLine(p)
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Participants", Value: strings.Join(lines, "\n")})
	}
	if len(m.Topics) > 0 {
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: "Topics", Value: clean(strings.Join(m.Topics, ", "))})
	}
	var speakers []string
	bySpeaker := map[string][]knowledge.Position{}
	for _, p := range m.Positions {
		if _, ok := bySpeaker[p.Speaker]; !ok {
			speakers = append(speakers, p.Speaker)
		}
		bySpeaker[p.Speaker] = append(bySpeaker[p.Speaker], p)
	}
	for _, s := range speakers {
		var b strings.Builder
		for _, p := range bySpeaker[s] {
			line := "• "
			if p.Topic != "" {
				line += "**" + clean(p.Topic) + ":** "
			}
			b.WriteString(line + clean(unnumbered(p.Text)) + "\n")
		}
		name := s
		if s == knowledge.BothSides {
			name = "Both sides"
		}
		e.Fields = append(e.Fields, &discordgo.MessageEmbedField{Name: unmention(name) + " said", Value: b.String()})
	}
	return newReply("", []*discordgo.MessageEmbed{e}, nil)
}

func filterWords(f knowledge.Filter) string {
	var parts []string
	add := func(label, v string) {
		if v != "" {
			parts = append(parts, label+" "+clean(v))
		}
	}
	add("with", f.Person)
	add("involving", f.Country)
	add("on", f.Topic)
	add("from", f.From)
	add("to", f.To)
	if len(parts) == 0 {
		return "All meetings"
	}
	return "Meetings " + strings.Join(parts, ", ")
}

// renderMeetings is one page of /meetings, newest first, with Previous and
// Next buttons that update it in place.
func renderMeetings(m *memo, f knowledge.Filter, page knowledge.Page, offset int) Reply {
	var d strings.Builder
	for _, mt := range page.Meetings {
		title := mt.Title
		if title == "" {
			title = "Meeting"
		}
		d.WriteString("**" + humanDay(mt.Date) + "** · " + link(title, mt.SourceURL) + "\n")
		d.WriteString(who(mt) + " · " + where(mt) + "\n")
		d.WriteString("`/meeting id:" + mt.ID + "`\n\n")
	}
	pages := (page.Total + pageSize - 1) / pageSize
	e := &discordgo.MessageEmbed{
		Title:       filterWords(f),
		Description: d.String(),
		Color:       colour,
		Footer: &discordgo.MessageEmbedFooter{Text: fmt.Sprintf("Page %d of %d · %s, newest first",
			offset/pageSize+1, max(pages, 1), plural(page.Total, "meeting"))},
	}
	var comps []discordgo.MessageComponent
	if page.Total > pageSize {
		prev := max(offset-pageSize, 0)
		next := offset + pageSize
		comps = row(
			button("Previous", meetingsID(m, f, prev), discordgo.SecondaryButton, offset == 0),
			// The two ids must differ even when both are disabled.
			button("Next", meetingsID(m, f, next), discordgo.SecondaryButton, next >= page.Total),
		)
	}
	r := newReply("", []*discordgo.MessageEmbed{e}, comps)
	if len(r.Messages) > 1 {
		// A page must be one message to be updated in place.
		r.Messages = r.Messages[:1]
	}
	return r
}

// markNew emphasises each phrase of entry text first seen there.
func markNew(text string, phrases []string) string {
	lower := strings.ToLower(text)
	if len(lower) != len(text) {
		// Lower-casing changed byte offsets; show the text unmarked.
		return clean(text)
	}
	type span struct{ from, to int }
	var spans []span
	for _, p := range phrases {
		if i := strings.Index(lower, strings.ToLower(p)); p != "" && i >= 0 {
			spans = append(spans, span{i, i + len(p)})
		}
	}
	slices.SortFunc(spans, func(a, b span) int { return a.from - b.from })
	var b strings.Builder
	at := 0
	for _, s := range spans {
		if s.from < at {
			continue // overlaps a phrase already marked
		}
		b.WriteString(clean(text[at:s.from]) + "__**" + clean(text[s.from:s.to]) + "**__")
		at = s.to
	}
	b.WriteString(clean(text[at:]))
	return b.String()
}

// newWording picks, from the phrases an entry says were first seen there,
// the ones worth showing: not those inside a longer listed phrase, not the
// speaker's own name, at most four.
func newWording(phrases []string, speaker string) []string {
	name := strings.Fields(strings.ToLower(speaker))
	var out []string
	for _, p := range phrases {
		lp := strings.ToLower(p)
		inside := false
		for _, q := range phrases {
			if q != p && strings.Contains(strings.ToLower(q), lp) {
				inside = true
			}
		}
		for _, w := range strings.Fields(lp) {
			inside = inside || slices.Contains(name, w)
		}
		if !inside && len(out) < 4 {
			out = append(out, p)
		}
	}
	return out
}

// renderPositions is the /positions timeline, oldest first. Wording first
// seen in an entry is underlined and listed, except in the first entry on
// each topic, where everything is new and nothing has changed yet.
func renderPositions(speaker, topic string, entries []knowledge.Entry) Reply {
	var d strings.Builder
	seen := map[string]bool{}
	for _, en := range entries {
		label := sourceName(knowledge.Meeting{SourceURL: en.SourceURL})
		d.WriteString("**" + humanDay(en.Date) + "**")
		if topic == "" && en.Topic != "" {
			d.WriteString(" · " + clean(en.Topic))
		}
		d.WriteString(" · " + link(label, en.SourceURL) + "\n")
		var fresh []string
		if seen[strings.ToLower(en.Topic)] {
			fresh = newWording(en.New, en.Speaker)
		}
		seen[strings.ToLower(en.Topic)] = true
		d.WriteString(markNew(unnumbered(en.Text), fresh) + "\n")
		if len(fresh) > 0 {
			quoted := make([]string, len(fresh))
			for i, p := range fresh {
				quoted[i] = "“" + clean(p) + "”"
			}
			d.WriteString("🆕 new wording: " + strings.Join(quoted, ", ") + "\n")
		}
		d.WriteString("\n")
	}
	title := speaker
	if topic != "" {
		title += " on " + topic
	}
	e := &discordgo.MessageEmbed{Title: unmention(title), Description: d.String(), Color: colour,
		Footer: &discordgo.MessageEmbedFooter{Text: plural(len(entries), "statement") + ", oldest first"}}
	return newReply("", []*discordgo.MessageEmbed{e}, nil)
}

// renderHelp says what the bot does and what it knows.
// Commands added to the bot (such as /digest) are listed after the built-in ones.
func renderHelp(s knowledge.Stats, added []*discordgo.ApplicationCommand) Reply {
	known := "I know no readouts yet: add some to the data folder."
	if s.Meetings > 0 {
		known = fmt.Sprintf("I know **%d** readouts of meetings, from %s to %s.", s.Meetings, humanDay(s.First), humanDay(s.Last))
	}
	d := known + "\n\n" +
		"**/ask** `question` — ask in plain words (\"When did Japan and France last meet?\"); I answer from the readouts, with sources.\n" +
		"**/meeting** `id` — everything about one meeting: who, when, where, topics, what each side said.\n" +
		"**/meetings** `person` `country` `topic` `from` `to` — meetings that match, newest first.\n" +
		"**/positions** `speaker` `topic` — what someone said on a topic over time; new wording is marked.\n" +
		"**/help** — this message.\n"
	for _, c := range added {
		d += "**/" + c.Name + "** — " + c.Description
		if c.DefaultMemberPermissions != nil && *c.DefaultMemberPermissions&discordgo.PermissionManageGuild != 0 {
			d += " (for members who can Manage Server)"
		}
		d += "\n"
	}
	d += "\nI read government readouts only; I never ping anyone."
	e := &discordgo.MessageEmbed{Title: "readoutbot", Description: d, Color: colour}
	r := newReply("", []*discordgo.MessageEmbed{e}, nil)
	r.Ephemeral = true
	return r
}

// renderError is the short ephemeral message a user sees when a command fails.
func renderError(msg string) Reply {
	r := textReply(msg)
	r.Ephemeral = true
	return r
}

// renderChoices turns suggestions into autocomplete choices within limits;
// a value too long to be a choice is left out rather than cut (a cut value
// would no longer match).
func renderChoices(ss []knowledge.Suggestion) []*discordgo.ApplicationCommandOptionChoice {
	out := []*discordgo.ApplicationCommandOptionChoice{}
	for _, s := range ss {
		if len(out) == maxChoices {
			break
		}
		if s.Value == "" || textLen(s.Value) > maxChoiceLen {
			continue
		}
		label := s.Label
		if label == "" {
			label = s.Value
		}
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: truncate(label, maxChoiceLen), Value: s.Value})
	}
	return out
}
