package discordtest

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// Discord's documented limits, checked on every message, callback and command.
const (
	MaxContent          = 2000
	MaxEmbeds           = 10
	MaxEmbedTitle       = 256
	MaxEmbedDescription = 4096
	MaxEmbedFields      = 25
	MaxFieldName        = 256
	MaxFieldValue       = 1024
	MaxFooterText       = 2048
	MaxAuthorName       = 256
	MaxEmbedTotal       = 6000
	MaxCustomID         = 100
	MaxActionRows       = 5
	MaxRowComponents    = 5
	MaxButtonLabel      = 80
	MaxSelectOptions    = 25
	MaxChoices          = 25
	MaxChoiceName       = 100
	MaxChoiceValue      = 100
	MaxCommandName      = 32
	MaxDescription      = 100
	MaxOptions          = 25
	MaxCommands         = 100
	MaxCommandTotal     = 4000
)

func runes(s string) int { return utf8.RuneCountInString(s) }

type problems []string

func (p *problems) addf(format string, args ...any) { *p = append(*p, fmt.Sprintf(format, args...)) }

type wireMessage struct {
	Content         *string           `json:"content"`
	Embeds          []wireEmbed       `json:"embeds"`
	Components      []wireComponent   `json:"components"`
	AllowedMentions *wireMentions     `json:"allowed_mentions"`
	Flags           int64             `json:"flags"`
	Attachments     []json.RawMessage `json:"attachments"`
	StickerIDs      []string          `json:"sticker_ids"`
	Poll            json.RawMessage   `json:"poll"`
}

type wireEmbed struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	URL         string `json:"url"`
	Timestamp   string `json:"timestamp"`
	Color       int64  `json:"color"`
	Fields      []struct {
		Name   string `json:"name"`
		Value  string `json:"value"`
		Inline bool   `json:"inline"`
	} `json:"fields"`
	Footer *struct {
		Text string `json:"text"`
	} `json:"footer"`
	Author *struct {
		Name string `json:"name"`
	} `json:"author"`
}

type wireComponent struct {
	Type        int             `json:"type"`
	CustomID    *string         `json:"custom_id"`
	Style       int             `json:"style"`
	Label       string          `json:"label"`
	Emoji       json.RawMessage `json:"emoji"`
	URL         string          `json:"url"`
	Placeholder string          `json:"placeholder"`
	Components  []wireComponent `json:"components"`
	Options     []struct {
		Label       string `json:"label"`
		Value       string `json:"value"`
		Description string `json:"description"`
	} `json:"options"`
	MinValues *int `json:"min_values"`
	MaxValues *int `json:"max_values"`
}

type wireMentions struct {
	Parse []string `json:"parse"`
	Users []string `json:"users"`
	Roles []string `json:"roles"`
}

// validateMessage checks a message body (create or edit) against Discord's
// limits and requires an allowed_mentions that allows nobody, except roles
// the content itself mentions (a watch notice pings its one role).
func validateMessage(body json.RawMessage, create, files bool) []string {
	var p problems
	var m wireMessage
	if err := json.Unmarshal(body, &m); err != nil {
		p.addf("message body does not decode: %v", err)
		return p
	}
	if m.AllowedMentions == nil {
		p.addf("allowed_mentions missing: readout text could ping people; send {\"parse\":[]}")
	} else if len(m.AllowedMentions.Parse) > 0 || len(m.AllowedMentions.Users) > 0 || !rolesMentioned(m.AllowedMentions.Roles, m.Content) {
		p.addf("allowed_mentions allows pings (parse %v, users %v, roles %v); want an empty parse list", m.AllowedMentions.Parse, m.AllowedMentions.Users, m.AllowedMentions.Roles)
	}
	content := ""
	if m.Content != nil {
		content = *m.Content
	}
	if n := runes(content); n > MaxContent {
		p.addf("content is %d characters, limit %d", n, MaxContent)
	}
	if create && strings.TrimSpace(content) == "" && len(m.Embeds) == 0 && len(m.Components) == 0 &&
		len(m.Attachments) == 0 && len(m.StickerIDs) == 0 && len(m.Poll) == 0 && !files {
		p.addf("empty message (Discord 50006: Cannot send an empty message)")
	}
	if bad := m.Flags &^ allowedMessageFlags; bad != 0 {
		p.addf("flags %d include bits %d a bot cannot set (allowed: 4 suppress embeds, 64 ephemeral, 4096 silent)", m.Flags, bad)
	}
	validateEmbeds(&p, m.Embeds)
	validateComponents(&p, m.Components)
	return p
}

// allowedMessageFlags are the message flags a bot may send: SUPPRESS_EMBEDS,
// EPHEMERAL (interaction replies), SUPPRESS_NOTIFICATIONS and IS_COMPONENTS_V2.
const allowedMessageFlags = 4 | 64 | 4096 | 1<<15

func validateEmbeds(p *problems, embeds []wireEmbed) {
	if len(embeds) > MaxEmbeds {
		p.addf("%d embeds, limit %d", len(embeds), MaxEmbeds)
	}
	total := 0
	for i, e := range embeds {
		check := func(what string, s string, limit int) {
			n := runes(s)
			total += n
			if n > limit {
				p.addf("embed %d: %s is %d characters, limit %d", i, what, n, limit)
			}
		}
		check("title", e.Title, MaxEmbedTitle)
		check("description", e.Description, MaxEmbedDescription)
		if len(e.Fields) > MaxEmbedFields {
			p.addf("embed %d: %d fields, limit %d", i, len(e.Fields), MaxEmbedFields)
		}
		for j, f := range e.Fields {
			if strings.TrimSpace(f.Name) == "" || strings.TrimSpace(f.Value) == "" {
				p.addf("embed %d: field %d needs a non-empty name and value", i, j)
			}
			check(fmt.Sprintf("field %d name", j), f.Name, MaxFieldName)
			check(fmt.Sprintf("field %d value", j), f.Value, MaxFieldValue)
		}
		if e.Footer != nil {
			check("footer text", e.Footer.Text, MaxFooterText)
		}
		if e.Author != nil {
			check("author name", e.Author.Name, MaxAuthorName)
		}
		if e.URL != "" && !strings.HasPrefix(e.URL, "http://") && !strings.HasPrefix(e.URL, "https://") {
			p.addf("embed %d: url %q is not http(s)", i, e.URL)
		}
		if e.Timestamp != "" {
			if _, err := time.Parse(time.RFC3339, e.Timestamp); err != nil {
				p.addf("embed %d: timestamp %q is not ISO 8601: %v", i, e.Timestamp, err)
			}
		}
		if e.Color < 0 || e.Color > 0xFFFFFF {
			p.addf("embed %d: color %d is not 0..0xFFFFFF", i, e.Color)
		}
	}
	if total > MaxEmbedTotal {
		p.addf("embeds hold %d characters in all, limit %d", total, MaxEmbedTotal)
	}
}

func validateCustomID(p *problems, where string, id *string, seen map[string]bool) {
	if id == nil || *id == "" {
		p.addf("%s: custom_id is required", where)
		return
	}
	if n := runes(*id); n > MaxCustomID {
		p.addf("%s: custom_id is %d characters, limit %d", where, n, MaxCustomID)
	}
	if seen[*id] {
		p.addf("%s: custom_id %q is not unique in the message", where, *id)
	}
	seen[*id] = true
}

func validateComponents(p *problems, rows []wireComponent) {
	if len(rows) > MaxActionRows {
		p.addf("%d action rows, limit %d", len(rows), MaxActionRows)
	}
	seen := map[string]bool{}
	for i, row := range rows {
		if row.Type != 1 {
			p.addf("component %d: top-level components must be action rows (type 1), got type %d", i, row.Type)
			continue
		}
		if len(row.Components) == 0 {
			p.addf("action row %d is empty", i)
		}
		if len(row.Components) > MaxRowComponents {
			p.addf("action row %d has %d components, limit %d", i, len(row.Components), MaxRowComponents)
		}
		for j, c := range row.Components {
			where := fmt.Sprintf("row %d component %d", i, j)
			switch c.Type {
			case 2: // button
				if c.Label == "" && (len(c.Emoji) == 0 || string(c.Emoji) == "null") && c.Style != 6 {
					p.addf("%s: a button needs a label or an emoji", where)
				}
				if runes(c.Label) > MaxButtonLabel {
					p.addf("%s: label is %d characters, limit %d", where, runes(c.Label), MaxButtonLabel)
				}
				if c.Style == 5 {
					if c.URL == "" || c.CustomID != nil {
						p.addf("%s: a link button needs a url and no custom_id", where)
					}
				} else if c.Style >= 1 && c.Style <= 4 {
					validateCustomID(p, where, c.CustomID, seen)
				} else if c.Style != 6 {
					p.addf("%s: button style %d is not 1-6", where, c.Style)
				}
			case 3, 5, 6, 7, 8: // select menus
				if len(row.Components) != 1 {
					p.addf("%s: a select menu must be alone in its action row", where)
				}
				validateCustomID(p, where, c.CustomID, seen)
				if c.Type == 3 && (len(c.Options) == 0 || len(c.Options) > MaxSelectOptions) {
					p.addf("%s: %d select options, want 1-%d", where, len(c.Options), MaxSelectOptions)
				}
				for k, o := range c.Options {
					if runes(o.Label) == 0 || runes(o.Label) > 100 || runes(o.Value) == 0 || runes(o.Value) > 100 || runes(o.Description) > 100 {
						p.addf("%s: option %d label/value must be 1-100 characters, description up to 100", where, k)
					}
				}
				if runes(c.Placeholder) > 150 {
					p.addf("%s: placeholder longer than 150", where)
				}
			default:
				p.addf("%s: type %d cannot sit in an action row", where, c.Type)
			}
		}
	}
}

// validateChoices checks an autocomplete result (callback type 8).
func validateChoices(data json.RawMessage) []string {
	var p problems
	var d struct {
		Choices *[]struct {
			Name  string `json:"name"`
			Value any    `json:"value"`
		} `json:"choices"`
	}
	if err := json.Unmarshal(data, &d); err != nil {
		p.addf("autocomplete data does not decode: %v", err)
		return p
	}
	if d.Choices == nil {
		p.addf("autocomplete result needs a choices array (it may be empty)")
		return p
	}
	if len(*d.Choices) > MaxChoices {
		p.addf("%d autocomplete choices, limit %d", len(*d.Choices), MaxChoices)
	}
	for i, c := range *d.Choices {
		if n := runes(c.Name); n == 0 || n > MaxChoiceName {
			p.addf("choice %d: name is %d characters, want 1-%d", i, n, MaxChoiceName)
		}
		switch v := c.Value.(type) {
		case string:
			if n := runes(v); n > MaxChoiceValue {
				p.addf("choice %d: value is %d characters, limit %d", i, n, MaxChoiceValue)
			}
		case float64:
		default:
			p.addf("choice %d: value %v must be a string or number", i, c.Value)
		}
	}
	return p
}

func validateModal(data json.RawMessage) []string {
	var p problems
	var d struct {
		CustomID   *string         `json:"custom_id"`
		Title      string          `json:"title"`
		Components []wireComponent `json:"components"`
	}
	if err := json.Unmarshal(data, &d); err != nil {
		p.addf("modal data does not decode: %v", err)
		return p
	}
	validateCustomID(&p, "modal", d.CustomID, map[string]bool{})
	if n := runes(d.Title); n == 0 || n > 45 {
		p.addf("modal title is %d characters, want 1-45", n)
	}
	if len(d.Components) == 0 || len(d.Components) > MaxActionRows {
		p.addf("modal has %d rows, want 1-%d", len(d.Components), MaxActionRows)
	}
	return p
}

type wireCommand struct {
	Type                     int             `json:"type"`
	Name                     string          `json:"name"`
	Description              string          `json:"description"`
	Options                  []wireOption    `json:"options"`
	DefaultMemberPermissions json.RawMessage `json:"default_member_permissions"`
}

type wireOption struct {
	Type         int          `json:"type"`
	Name         string       `json:"name"`
	Description  string       `json:"description"`
	Required     bool         `json:"required"`
	Autocomplete bool         `json:"autocomplete"`
	Options      []wireOption `json:"options"`
	Choices      []struct {
		Name  string `json:"name"`
		Value any    `json:"value"`
	} `json:"choices"`
}

var (
	chatName = regexp.MustCompile(`^[-_'\p{L}\p{N}\p{Devanagari}\p{Thai}]{1,32}$`)
	permBits = regexp.MustCompile(`^"[0-9]+"$`)
)

// validateCommands checks a bulk overwrite body.
func validateCommands(body json.RawMessage) []string {
	var p problems
	var cmds []wireCommand
	if err := json.Unmarshal(body, &cmds); err != nil {
		p.addf("commands do not decode: %v", err)
		return p
	}
	chat := 0
	seen := map[string]bool{}
	for i, c := range cmds {
		if c.Type == 0 {
			c.Type = 1
		}
		where := fmt.Sprintf("command %d (%q)", i, c.Name)
		key := fmt.Sprint(c.Type, "/", c.Name)
		if seen[key] {
			p.addf("%s: duplicate name", where)
		}
		seen[key] = true
		if len(c.DefaultMemberPermissions) > 0 && string(c.DefaultMemberPermissions) != "null" && !permBits.Match(c.DefaultMemberPermissions) {
			p.addf("%s: default_member_permissions %s must be a string of digits", where, c.DefaultMemberPermissions)
		}
		switch c.Type {
		case 1:
			chat++
			checkName(&p, where, c.Name)
			checkDescription(&p, where, c.Description)
			total := runes(c.Name) + runes(c.Description)
			checkOptions(&p, where, c.Options, 0, &total)
			if total > MaxCommandTotal {
				p.addf("%s: names, descriptions and choices add up to %d characters, limit %d", where, total, MaxCommandTotal)
			}
		case 2, 3:
			if n := runes(c.Name); n == 0 || n > MaxCommandName {
				p.addf("%s: name is %d characters, want 1-%d", where, n, MaxCommandName)
			}
			if c.Description != "" || len(c.Options) > 0 {
				p.addf("%s: user and message commands take no description or options", where)
			}
		default:
			p.addf("%s: unknown command type %d", where, c.Type)
		}
	}
	if chat > MaxCommands {
		p.addf("%d slash commands, limit %d", chat, MaxCommands)
	}
	return p
}

func checkName(p *problems, where, name string) {
	if !chatName.MatchString(name) || strings.ToLower(name) != name {
		p.addf("%s: name %q must be 1-%d lower-case letters, digits, - or _", where, name, MaxCommandName)
	}
}

func checkDescription(p *problems, where, d string) {
	if n := runes(d); n == 0 || n > MaxDescription {
		p.addf("%s: description is %d characters, want 1-%d", where, n, MaxDescription)
	}
}

func checkOptions(p *problems, where string, opts []wireOption, depth int, total *int) {
	if len(opts) > MaxOptions {
		p.addf("%s: %d options, limit %d", where, len(opts), MaxOptions)
	}
	seen := map[string]bool{}
	optional := false
	subs, plain := 0, 0
	for i, o := range opts {
		w := fmt.Sprintf("%s option %d (%q)", where, i, o.Name)
		checkName(p, w, o.Name)
		checkDescription(p, w, o.Description)
		*total += runes(o.Name) + runes(o.Description)
		if seen[o.Name] {
			p.addf("%s: duplicate option name", w)
		}
		seen[o.Name] = true
		switch o.Type {
		case 1, 2:
			subs++
			if o.Type == 2 && depth > 0 || o.Type == 1 && depth > 1 {
				p.addf("%s: subcommands nest at most group > subcommand", w)
			}
			if o.Type == 2 {
				for j, s := range o.Options {
					if s.Type != 1 {
						p.addf("%s: a group holds only subcommands, option %d is type %d", w, j, s.Type)
					}
				}
			}
			checkOptions(p, w, o.Options, depth+1, total)
		case 3, 4, 5, 6, 7, 8, 9, 10, 11:
			plain++
			if o.Required && optional {
				p.addf("%s: required options must come before optional ones", w)
			}
			if !o.Required {
				optional = true
			}
			if o.Autocomplete && len(o.Choices) > 0 {
				p.addf("%s: autocomplete and choices exclude each other", w)
			}
			if o.Autocomplete && o.Type != 3 && o.Type != 4 && o.Type != 10 {
				p.addf("%s: only string, integer and number options autocomplete", w)
			}
			if len(o.Choices) > MaxChoices {
				p.addf("%s: %d choices, limit %d", w, len(o.Choices), MaxChoices)
			}
			for j, c := range o.Choices {
				if n := runes(c.Name); n == 0 || n > MaxChoiceName {
					p.addf("%s: choice %d name is %d characters, want 1-%d", w, j, n, MaxChoiceName)
				}
				*total += runes(c.Name)
				if s, ok := c.Value.(string); ok {
					*total += runes(s)
					if runes(s) > MaxChoiceValue {
						p.addf("%s: choice %d value is %d characters, limit %d", w, j, runes(s), MaxChoiceValue)
					}
				}
			}
			if len(o.Options) > 0 {
				p.addf("%s: only subcommands hold options", w)
			}
		default:
			p.addf("%s: unknown option type %d", w, o.Type)
		}
	}
	if subs > 0 && plain > 0 {
		p.addf("%s: subcommands cannot sit beside plain options", where)
	}
}

// rolesMentioned says whether every role allowed to be pinged is one the
// content mentions as <@&id>: a bot may ping a role it names on purpose,
// never one that readout text could smuggle in.
func rolesMentioned(roles []string, content *string) bool {
	for _, r := range roles {
		if content == nil || !strings.Contains(*content, "<@&"+r+">") {
			return false
		}
	}
	return true
}
