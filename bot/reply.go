package bot

import (
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Reply is what a handler answers: one or more messages, already within
// Discord's limits once built by newReply, rendered by the dispatcher.
type Reply struct {
	// Messages are sent in order: the first as the interaction's response,
	// the rest as follow-ups. Never empty.
	Messages []Message `json:"messages"`
	// Ephemeral replies are seen only by the user who asked.
	Ephemeral bool `json:"ephemeral,omitempty"`
	// Update replaces the message a button was clicked on (paging) instead
	// of sending a new one; only the first message is used.
	Update bool `json:"update,omitempty"`
}

// Message is one Discord message of a reply.
type Message struct {
	Content    string                       `json:"content,omitempty"`
	Embeds     []*discordgo.MessageEmbed    `json:"embeds,omitempty"`
	Components []discordgo.MessageComponent `json:"components,omitempty"`
}

// noMentions is set on every message the bot sends: readout text and user
// questions may contain @everyone or user mentions, and none may ping.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

// newReply builds a reply from free content, embeds and components, split
// over as many messages as Discord's limits require. Components stay on the
// first message, the one buttons update.
func newReply(content string, embeds []*discordgo.MessageEmbed, components []discordgo.MessageComponent) Reply {
	var msgs []Message
	for _, c := range splitText(content, maxContent) {
		msgs = append(msgs, Message{Content: c})
	}
	var fitted []*discordgo.MessageEmbed
	for _, e := range embeds {
		fitted = append(fitted, fitEmbed(e)...)
	}
	if len(msgs) == 0 {
		msgs = append(msgs, Message{})
	}
	total := 0
	for _, e := range fitted {
		last := &msgs[len(msgs)-1]
		size := embedSize(e)
		if len(last.Embeds) > 0 && (len(last.Embeds) == maxEmbeds || total+size > maxEmbedTotal) {
			msgs = append(msgs, Message{})
			last = &msgs[len(msgs)-1]
			total = 0
		}
		last.Embeds = append(last.Embeds, e)
		total += size
	}
	if len(components) > 0 {
		msgs[0].Components = components
	}
	if len(msgs) > maxMessages {
		// Past a few messages a reply floods the channel; say what was cut.
		msgs = msgs[:maxMessages]
		msgs[maxMessages-1].Content = truncate(msgs[maxMessages-1].Content, maxContent-textLen(cutNote)-1)
		msgs[maxMessages-1].Content = strings.TrimSpace(msgs[maxMessages-1].Content + "\n" + cutNote)
	}
	return Reply{Messages: msgs}
}

// maxMessages caps one reply; cutNote ends a reply that was cut there.
const (
	maxMessages = 6
	cutNote     = "*(The rest is too long to show here: narrow the question or use /meeting.)*"
)

// textReply is a reply of plain text.
func textReply(content string) Reply { return newReply(content, nil, nil) }

// embedSize is what counts towards the 6000 units of a message's embeds.
func embedSize(e *discordgo.MessageEmbed) int {
	n := textLen(e.Title) + textLen(e.Description)
	for _, f := range e.Fields {
		n += textLen(f.Name) + textLen(f.Value)
	}
	if e.Footer != nil {
		n += textLen(e.Footer.Text)
	}
	if e.Author != nil {
		n += textLen(e.Author.Name)
	}
	return n
}

// fitEmbed returns e as one or more embeds that each respect the per-embed
// limits: a long description continues in further embeds, a long field value
// in further fields, and fields beyond 25 (or beyond 6000 units) in further
// embeds. The footer goes on the last one.
func fitEmbed(src *discordgo.MessageEmbed) []*discordgo.MessageEmbed {
	e := *src
	var footer *discordgo.MessageEmbedFooter
	if src.Footer != nil {
		f := *src.Footer
		f.Text = truncate(f.Text, maxFooter)
		footer = &f
	}
	if src.Author != nil {
		a := *src.Author
		a.Name = truncate(a.Name, maxAuthor)
		e.Author = &a
	}
	e.Footer = nil
	e.Fields = nil
	e.Title = truncate(e.Title, maxEmbedTitle)
	parts := splitText(src.Description, maxEmbedDesc)
	e.Description = ""
	if len(parts) > 0 {
		e.Description = parts[0]
	}
	out := []*discordgo.MessageEmbed{&e}
	for _, p := range parts[min(1, len(parts)):] {
		out = append(out, &discordgo.MessageEmbed{Color: e.Color, Description: p})
	}
	footerLen := 0
	if footer != nil {
		footerLen = textLen(footer.Text)
	}
	for _, f := range src.Fields {
		name := truncate(strings.TrimSpace(f.Name), maxFieldName)
		if name == "" {
			name = continuedMarking
		}
		values := splitText(f.Value, maxFieldValue)
		if len(values) == 0 {
			values = []string{continuedMarking}
		}
		for i, v := range values {
			field := &discordgo.MessageEmbedField{Name: name, Value: v, Inline: f.Inline && len(values) == 1}
			if i > 0 {
				field.Name = continuedMarking
			}
			last := out[len(out)-1]
			size := textLen(field.Name) + textLen(field.Value)
			if len(last.Fields) == maxEmbedFields || embedSize(last)+size+footerLen > maxEmbedTotal {
				last = &discordgo.MessageEmbed{Color: e.Color}
				out = append(out, last)
			}
			last.Fields = append(last.Fields, field)
		}
	}
	if footer != nil {
		last := out[len(out)-1]
		if embedSize(last)+footerLen > maxEmbedTotal {
			last = &discordgo.MessageEmbed{Color: e.Color}
			out = append(out, last)
		}
		last.Footer = footer
	}
	return out
}

// single keeps only the first message of r, for replies that must be one
// message (a page that updates in place), saying so when it had to cut.
func (r Reply) single() Message {
	if len(r.Messages) == 0 {
		return Message{}
	}
	return r.Messages[0]
}
