package discordtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Interaction describes an INTERACTION_CREATE for Interact to dispatch. Build
// one with Command, Autocomplete or Click and adjust it with its methods;
// zero fields take the server's defaults.
type Interaction struct {
	Type discordgo.InteractionType
	// Name is the command name (types 2 and 4).
	Name    string
	Options []Option
	// CustomID and ComponentType describe a component click (type 3).
	CustomID      string
	ComponentType discordgo.ComponentType
	Values        []string
	// Message is the message whose component was clicked (type 3).
	Message *discordgo.Message

	GuildID   string
	ChannelID string
	UserID    string
	Username  string
	// Permissions is member.permissions, a decimal string (default MemberPermissions).
	Permissions string
	// AppPermissions is app_permissions, a decimal string (default BotPermissions).
	AppPermissions string
	// DM sends the interaction from a direct message: user instead of member, no guild.
	DM     bool
	Locale string
}

// Option is one command option in an interaction.
type Option struct {
	Name    string
	Type    discordgo.ApplicationCommandOptionType
	Value   any
	Focused bool
	Options []Option
}

// Command is a slash command invocation (interaction type 2).
func Command(name string, opts ...Option) Interaction {
	return Interaction{Type: discordgo.InteractionApplicationCommand, Name: name, Options: opts}
}

// Autocomplete is the interaction Discord sends while a user types into an
// autocomplete option (type 4); exactly one option should be Focus.
func Autocomplete(name string, opts ...Option) Interaction {
	return Interaction{Type: discordgo.InteractionApplicationCommandAutocomplete, Name: name, Options: opts}
}

// Click is a button click (type 3) with a custom_id; set the clicked message with On.
func Click(customID string) Interaction {
	return Interaction{Type: discordgo.InteractionMessageComponent, CustomID: customID, ComponentType: discordgo.ButtonComponent}
}

// Select is a string select menu choice (type 3).
func Select(customID string, values ...string) Interaction {
	return Interaction{Type: discordgo.InteractionMessageComponent, CustomID: customID, ComponentType: discordgo.SelectMenuComponent, Values: values}
}

// Opt is a command option; its type follows the Go value: string, int, bool, float64.
func Opt(name string, value any) Option {
	o := Option{Name: name, Value: value}
	switch value.(type) {
	case int, int64, int32:
		o.Type = discordgo.ApplicationCommandOptionInteger
	case bool:
		o.Type = discordgo.ApplicationCommandOptionBoolean
	case float64, float32:
		o.Type = discordgo.ApplicationCommandOptionNumber
	default:
		o.Type = discordgo.ApplicationCommandOptionString
	}
	return o
}

// Focus is the string option the user is typing into during autocomplete.
func Focus(name, partial string) Option {
	return Option{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: partial, Focused: true}
}

// Sub is a subcommand with its options.
func Sub(name string, opts ...Option) Option {
	return Option{Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: opts}
}

// Group is a subcommand group holding subcommands.
func Group(name string, subs ...Option) Option {
	return Option{Name: name, Type: discordgo.ApplicationCommandOptionSubCommandGroup, Options: subs}
}

// On sets the message whose component is clicked, usually a Reply's Original.
func (ix Interaction) On(m *discordgo.Message) Interaction {
	ix.Message = m
	return ix
}

// By sets the invoking user.
func (ix Interaction) By(userID, username string) Interaction {
	ix.UserID, ix.Username = userID, username
	return ix
}

// WithPermissions sets member.permissions, e.g. AdminPermissions or "0".
func (ix Interaction) WithPermissions(p string) Interaction {
	ix.Permissions = p
	return ix
}

// InChannel sets the channel the interaction comes from.
func (ix Interaction) InChannel(channelID string) Interaction {
	ix.ChannelID = channelID
	return ix
}

// InDM sends the interaction from a direct message.
func (ix Interaction) InDM() Interaction {
	ix.DM = true
	return ix
}

func (ix Interaction) label() string {
	if ix.Type == discordgo.InteractionMessageComponent {
		return "click " + ix.CustomID
	}
	if ix.Type == discordgo.InteractionApplicationCommandAutocomplete {
		return "autocomplete /" + ix.Name
	}
	return "/" + ix.Name
}

func optionsJSON(opts []Option) []any {
	out := make([]any, 0, len(opts))
	for _, o := range opts {
		m := map[string]any{"name": o.Name, "type": int(o.Type)}
		if o.Type == discordgo.ApplicationCommandOptionSubCommand || o.Type == discordgo.ApplicationCommandOptionSubCommandGroup {
			m["options"] = optionsJSON(o.Options)
		} else {
			m["value"] = o.Value
		}
		if o.Focused {
			m["focused"] = true
		}
		out = append(out, m)
	}
	return out
}

// interactionState is what the fake knows of one interaction; guarded by Server.mu.
type interactionState struct {
	id, token   string
	typ         discordgo.InteractionType
	label       string
	channelID   string
	clicked     *discordgo.Message
	deliveredAt time.Time
	callbackAt  time.Time
	callback    *Callback
	originalID  string
	original    map[string]any // nil until a callback creates it, or after delete
	edits       []*discordgo.Message
	followups   []map[string]any
	timer       *time.Timer
	// allowUnanswered is set by Response.AllowUnanswered.
	allowUnanswered bool
}

// Callback is the first response the bot gave an interaction.
type Callback struct {
	Type discordgo.InteractionResponseType
	// Message is the callback data read as a message (content, embeds,
	// components, flags); nil for types without data.
	Message *discordgo.Message
	// Choices are the autocomplete choices (type 8).
	Choices []*discordgo.ApplicationCommandOptionChoice
	// Raw is the callback's JSON body.
	Raw json.RawMessage
	// After is how long after the dispatch the callback arrived.
	After time.Duration
}

// Reply is everything the bot did in answer to one interaction so far.
type Reply struct {
	Callback Callback
	// Original is the interaction's message as it stands now, after edits:
	// for a command the reply (deferred or not), for a click the message clicked.
	Original *discordgo.Message
	// Edits are the bodies of each PATCH of the original message, in order.
	Edits []*discordgo.Message
	// Followups are the follow-up messages, in order, as they stand now. The
	// first follow-up after a deferral that was not edited replaces the
	// "thinking…" message, as on Discord: it is then also the Original (same
	// ID) and is ephemeral exactly when the deferral was, whatever its flags say.
	Followups []*discordgo.Message
}

// Ephemeral says whether the reply is only visible to the invoking user.
func (r Reply) Ephemeral() bool {
	return r.Callback.Message != nil && r.Callback.Message.Flags&discordgo.MessageFlagsEphemeral != 0
}

// Deferred says whether the first response was a deferral (type 5 or 6).
func (r Reply) Deferred() bool {
	return r.Callback.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource ||
		r.Callback.Type == discordgo.InteractionResponseDeferredMessageUpdate
}

// Messages returns the original (if any) then the follow-ups, each once.
func (r Reply) Messages() []*discordgo.Message {
	var out []*discordgo.Message
	if r.Original != nil {
		out = append(out, r.Original)
	}
	for _, f := range r.Followups {
		if r.Original == nil || f.ID != r.Original.ID {
			out = append(out, f)
		}
	}
	return out
}

// Response is a handle on one dispatched interaction.
type Response struct {
	s  *Server
	in *interactionState
	// ID and Token identify the interaction.
	ID, Token string
}

// Interact dispatches an INTERACTION_CREATE to the connected client (or to
// the next one that connects) and returns a handle to wait for the answer.
//
// When the command was registered, the options must match its definition:
// unknown names, values of the wrong type and (for type 2) missing required
// options fail the test, and Opt's inferred number types follow the
// registration. A click On a message must name a custom_id on that message.
func (s *Server) Interact(tb testing.TB, ix Interaction) *Response {
	tb.Helper()
	s.mu.Lock()
	r, probs := s.interactLocked(ix)
	s.mu.Unlock()
	for _, p := range probs {
		s.failf("Interact %s: %s", ix.label(), p)
	}
	return r
}

func (s *Server) interactLocked(ix Interaction) (*Response, []string) {
	var probs problems
	id := s.newIDLocked()
	token := "itok-" + id + "-" + randomHex(8)
	if ix.ChannelID == "" && ix.Message != nil {
		ix.ChannelID = ix.Message.ChannelID // a click comes from the message's channel
	}
	if ix.ChannelID == "" {
		ix.ChannelID = s.ChannelID
	}
	if ix.GuildID == "" && !ix.DM {
		ix.GuildID = s.GuildID
	}
	if ix.UserID == "" {
		ix.UserID = s.UserID
	}
	if ix.Username == "" {
		ix.Username = "tester"
	}
	if ix.Permissions == "" {
		ix.Permissions = MemberPermissions
	}
	if ix.AppPermissions == "" {
		ix.AppPermissions = BotPermissions
	}
	if ix.Locale == "" {
		ix.Locale = "en-US"
	}
	in := &interactionState{id: id, token: token, typ: ix.Type, label: ix.label(), channelID: ix.ChannelID}
	d := map[string]any{
		"id":              id,
		"application_id":  s.AppID,
		"type":            int(ix.Type),
		"channel_id":      ix.ChannelID,
		"channel":         map[string]any{"id": ix.ChannelID, "type": 0, "guild_id": ix.GuildID},
		"app_permissions": ix.AppPermissions,
		"locale":          ix.Locale,
		"token":           token,
		"version":         1,
		"entitlements":    []any{},
	}
	user := userJSON(ix.UserID, ix.Username)
	if ix.DM {
		d["user"] = user
		d["context"] = 1
		d["channel"] = map[string]any{"id": ix.ChannelID, "type": 1}
		d["authorizing_integration_owners"] = map[string]any{"1": ix.UserID}
	} else {
		d["guild_id"] = ix.GuildID
		d["guild_locale"] = "en-US"
		d["context"] = 0
		d["authorizing_integration_owners"] = map[string]any{"0": ix.GuildID}
		d["member"] = map[string]any{
			"user": user, "roles": []any{}, "permissions": ix.Permissions,
			"joined_at": time.Now().Add(-48 * time.Hour).UTC().Format(time.RFC3339),
			"deaf":      false, "mute": false, "flags": 0, "pending": false, "nick": nil,
		}
	}
	switch ix.Type {
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
		cmdID := ""
		if def := s.commandLocked(ix.Name); def != nil {
			cmdID = fmt.Sprint(def["id"])
			var wc wireCommand
			b, _ := json.Marshal(def)
			_ = json.Unmarshal(b, &wc)
			ix.Options = matchOptions(&probs, "/"+ix.Name, wc.Options, ix.Options, ix.Type == discordgo.InteractionApplicationCommand)
		} else if names := s.commandNamesLocked(); len(names) > 0 {
			probs.addf("command /%s is not registered (registered: %s)", ix.Name, strings.Join(names, ", "))
		}
		if cmdID == "" {
			cmdID = s.newIDLocked()
		}
		data := map[string]any{"id": cmdID, "name": ix.Name, "type": 1}
		if len(ix.Options) > 0 {
			data["options"] = optionsJSON(ix.Options)
		}
		if ix.GuildID != "" {
			data["guild_id"] = ix.GuildID
		}
		d["data"] = data
	case discordgo.InteractionMessageComponent:
		data := map[string]any{"custom_id": ix.CustomID, "component_type": int(ix.ComponentType)}
		if ix.ComponentType != discordgo.ButtonComponent {
			data["values"] = append([]string{}, ix.Values...)
		}
		d["data"] = data
		m := ix.Message
		if m == nil {
			m = &discordgo.Message{ID: s.newIDLocked(), ChannelID: ix.ChannelID, Author: s.botUser(), Timestamp: time.Now().UTC()}
		}
		raw := messageObject(m)
		if m.Timestamp.IsZero() {
			raw["timestamp"] = time.Now().UTC().Format(time.RFC3339Nano)
		}
		if raw["edited_timestamp"] == "0001-01-01T00:00:00Z" {
			raw["edited_timestamp"] = nil
		}
		if m.ID == "" {
			raw["id"] = s.newIDLocked()
		}
		if m.Author == nil {
			raw["author"] = s.botUserJSON()
		}
		d["message"] = raw
		in.clicked = toMessage(raw)
		if ix.Message != nil && !hasCustomID(ix.Message.Components, ix.CustomID) {
			probs.addf("custom_id %q is not on message %s", ix.CustomID, ix.Message.ID)
		}
		in.originalID = fmt.Sprint(raw["id"])
	default:
		probs.addf("unsupported interaction type %d", ix.Type)
	}
	s.interactions[token] = in
	s.order = append(s.order, in)
	s.sendLocked(gwEvent{typ: "INTERACTION_CREATE", data: d, onSent: func(at time.Time) {
		in.deliveredAt = at
		in.timer = time.AfterFunc(s.CallbackDeadline, func() { s.checkDeadline(in) })
	}})
	return &Response{s: s, in: in, ID: id, Token: token}, probs
}

// matchOptions checks interaction options against a registered definition
// and gives each the registered type.
func matchOptions(p *problems, where string, defs []wireOption, opts []Option, full bool) []Option {
	byName := map[string]wireOption{}
	for _, d := range defs {
		byName[d.Name] = d
	}
	given := map[string]bool{}
	out := make([]Option, 0, len(opts))
	for _, o := range opts {
		d, ok := byName[o.Name]
		w := where + " " + o.Name
		if !ok {
			p.addf("option %q is not registered", w)
			out = append(out, o)
			continue
		}
		given[o.Name] = true
		want := discordgo.ApplicationCommandOptionType(d.Type)
		switch want {
		case discordgo.ApplicationCommandOptionSubCommand, discordgo.ApplicationCommandOptionSubCommandGroup:
			if o.Type != want {
				p.addf("option %q is a subcommand or group (type %d), got type %d", w, want, o.Type)
			}
			o.Options = matchOptions(p, w, d.Options, o.Options, full)
		case discordgo.ApplicationCommandOptionInteger, discordgo.ApplicationCommandOptionNumber:
			switch v := o.Value.(type) {
			case int, int64, int32, float64, float32:
				if want == discordgo.ApplicationCommandOptionInteger {
					if f, ok := v.(float64); ok && f != float64(int64(f)) {
						p.addf("option %q is an integer, got %v", w, v)
					}
				}
			case string:
				if !o.Focused { // autocomplete sends the partial text as typed
					p.addf("option %q is a number, got string %q", w, v)
				}
			default:
				p.addf("option %q is a number, got %T", w, v)
			}
		case discordgo.ApplicationCommandOptionBoolean:
			if _, ok := o.Value.(bool); !ok {
				p.addf("option %q is a boolean, got %T", w, o.Value)
			}
		default:
			if _, ok := o.Value.(string); !ok {
				p.addf("option %q takes a string or id, got %T", w, o.Value)
			}
		}
		o.Type = want
		out = append(out, o)
	}
	if full {
		for _, d := range defs {
			if d.Required && !given[d.Name] {
				p.addf("required option %q is missing", where+" "+d.Name)
			}
		}
	}
	return out
}

func hasCustomID(comps []discordgo.MessageComponent, id string) bool {
	for _, c := range comps {
		switch c := c.(type) {
		case discordgo.ActionsRow:
			if hasCustomID(c.Components, id) {
				return true
			}
		case *discordgo.ActionsRow:
			if hasCustomID(c.Components, id) {
				return true
			}
		case discordgo.Button:
			if c.CustomID == id {
				return true
			}
		case *discordgo.Button:
			if c.CustomID == id {
				return true
			}
		case discordgo.SelectMenu:
			if c.CustomID == id {
				return true
			}
		case *discordgo.SelectMenu:
			if c.CustomID == id {
				return true
			}
		}
	}
	return false
}

// checkDeadline fails the test when an interaction got no first response in time.
func (s *Server) checkDeadline(in *interactionState) {
	s.mu.Lock()
	late := in.callback == nil && !in.allowUnanswered && !s.gw.shut
	s.mu.Unlock()
	if late {
		s.failf("interaction %s (%s) got no response within %v; Discord would show \"This interaction failed\"", in.id, in.label, s.CallbackDeadline)
	}
}

// AllowUnanswered tells the fake that this interaction may go unanswered
// (a test of shutdown, say), so it does not fail the test for it.
func (r *Response) AllowUnanswered() {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	r.in.allowUnanswered = true
}

// Reply returns what the bot has done so far, without waiting.
func (r *Response) Reply() Reply {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	return r.replyLocked()
}

func (r *Response) replyLocked() Reply {
	in := r.in
	var rep Reply
	if in.callback != nil {
		rep.Callback = *in.callback
	}
	if in.original != nil {
		rep.Original = toMessage(copyMap(in.original))
	}
	rep.Edits = append(rep.Edits, in.edits...)
	for _, f := range in.followups {
		rep.Followups = append(rep.Followups, toMessage(copyMap(f)))
	}
	return rep
}

func copyMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// Wait waits for the first response (the callback) and fails the test when
// none comes within timeout.
func (r *Response) Wait(tb testing.TB, timeout time.Duration) Reply {
	tb.Helper()
	return r.WaitFor(tb, "the first response", func(rep Reply) bool { return rep.Callback.Type != 0 }, timeout)
}

// WaitEdit waits until the original message has been edited at least n times.
func (r *Response) WaitEdit(tb testing.TB, n int, timeout time.Duration) Reply {
	tb.Helper()
	return r.WaitFor(tb, fmt.Sprintf("%d edits", n), func(rep Reply) bool { return len(rep.Edits) >= n }, timeout)
}

// WaitFollowups waits until at least n follow-up messages have been sent.
func (r *Response) WaitFollowups(tb testing.TB, n int, timeout time.Duration) Reply {
	tb.Helper()
	return r.WaitFor(tb, fmt.Sprintf("%d follow-ups", n), func(rep Reply) bool { return len(rep.Followups) >= n }, timeout)
}

// WaitFinal waits for a visible answer: the callback when it carried a
// message, or else the first edit of the deferred reply.
func (r *Response) WaitFinal(tb testing.TB, timeout time.Duration) Reply {
	tb.Helper()
	return r.WaitFor(tb, "a visible answer", func(rep Reply) bool {
		if rep.Callback.Type == 0 {
			return false
		}
		if rep.Deferred() {
			return len(rep.Edits) > 0 || len(rep.Followups) > 0
		}
		return true
	}, timeout)
}

// WaitFor waits until done accepts the reply so far; what names the wait in failures.
func (r *Response) WaitFor(tb testing.TB, what string, done func(Reply) bool, timeout time.Duration) Reply {
	tb.Helper()
	var rep Reply
	ok := r.s.wait(timeout, func() bool {
		rep = r.replyLocked()
		return done(rep)
	})
	if !ok {
		tb.Fatalf("discordtest: interaction %s (%s): no %s within %v (callback type %d, %d edits, %d follow-ups)",
			r.ID, r.in.label, what, timeout, rep.Callback.Type, len(rep.Edits), len(rep.Followups))
	}
	return rep
}

// --- interaction REST handlers ---

func (s *Server) postCallback(c *call) (int, any) {
	id, token := c.params["id"], c.params["token"]
	s.mu.Lock()
	in := s.interactions[token]
	s.mu.Unlock()
	if in == nil || in.id != id {
		s.failf("POST %s: unknown interaction", c.req.Path)
		return http.StatusNotFound, discordError(10062, "Unknown interaction")
	}
	var body struct {
		Type int             `json:"type"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(c.req.Body, &body); err != nil || c.req.Body == nil {
		s.failf("POST %s: callback body: %v", c.req.Path, err)
		return http.StatusBadRequest, discordError(50035, "Invalid Form Body")
	}
	rt := discordgo.InteractionResponseType(body.Type)
	if probs := s.checkCallback(in, rt, body.Data, len(c.req.Files) > 0); len(probs) > 0 {
		msg := strings.Join(probs, "; ")
		s.failf("interaction %s (%s): callback type %d: %s", in.id, in.label, body.Type, msg)
		return http.StatusBadRequest, discordError(50035, "Invalid Form Body: "+msg)
	}
	data := decodeObject(body.Data)
	cb := &Callback{Type: rt, Raw: append(json.RawMessage(nil), c.req.Body...)}
	switch rt {
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		var d struct {
			Choices []*discordgo.ApplicationCommandOptionChoice `json:"choices"`
		}
		_ = json.Unmarshal(body.Data, &d)
		cb.Choices = d.Choices
	default:
		if len(body.Data) > 0 && string(body.Data) != "null" {
			cb.Message = toMessage(copyMap(data))
		}
	}
	s.mu.Lock()
	already := in.callback != nil
	cb.After = time.Since(in.deliveredAt)
	late := !in.deliveredAt.IsZero() && cb.After > s.CallbackDeadline
	if already || late {
		s.mu.Unlock()
		if already {
			s.failf("interaction %s (%s): second callback (type %d); Discord answers 40060", in.id, in.label, body.Type)
			return http.StatusBadRequest, discordError(40060, "Interaction has already been acknowledged.")
		}
		s.failf("interaction %s (%s): first response after %v, past Discord's %v deadline", in.id, in.label, cb.After.Round(time.Millisecond), s.CallbackDeadline)
		return http.StatusNotFound, discordError(10062, "Unknown interaction")
	}
	defer s.mu.Unlock()
	in.callback = cb
	in.callbackAt = time.Now()
	if in.timer != nil {
		in.timer.Stop()
	}
	switch rt {
	case discordgo.InteractionResponseChannelMessageWithSource, discordgo.InteractionResponseDeferredChannelMessageWithSource:
		in.originalID = s.newIDLocked()
		raw := data
		if rt == discordgo.InteractionResponseDeferredChannelMessageWithSource {
			raw = map[string]any{"flags": data["flags"]}
			raw["flags"] = flagsOf(data) | 128 // LOADING: "Bot is thinking..."
		}
		raw["id"] = in.originalID
		s.stampLocked(raw, in.channelID)
		in.original = raw
	case discordgo.InteractionResponseUpdateMessage:
		raw := messageObject(in.clicked)
		for k, v := range data {
			raw[k] = v
		}
		delete(raw, "allowed_mentions")
		raw["edited_timestamp"] = time.Now().UTC().Format(time.RFC3339Nano)
		in.original = raw
	case discordgo.InteractionResponseDeferredMessageUpdate:
		in.original = messageObject(in.clicked)
	}
	return s.commitLocked(c, http.StatusNoContent, nil)
}

// flagsOf reads a message's flags from a decoded (float64) or built (int64) map.
func flagsOf(m map[string]any) int64 {
	switch f := m["flags"].(type) {
	case float64:
		return int64(f)
	case int64:
		return f
	case int:
		return int64(f)
	}
	return 0
}

// checkCallback validates a callback's type against the interaction and its data against Discord's limits.
func (s *Server) checkCallback(in *interactionState, rt discordgo.InteractionResponseType, data json.RawMessage, files bool) []string {
	isComponent := in.typ == discordgo.InteractionMessageComponent
	isAuto := in.typ == discordgo.InteractionApplicationCommandAutocomplete
	if isAuto && rt != discordgo.InteractionApplicationCommandAutocompleteResult {
		return []string{fmt.Sprintf("an autocomplete interaction takes only type 8, not %d", rt)}
	}
	switch rt {
	case discordgo.InteractionResponseChannelMessageWithSource:
		return validateMessage(data, true, files)
	case discordgo.InteractionResponseDeferredChannelMessageWithSource:
		var d struct {
			Flags int64 `json:"flags"`
		}
		_ = json.Unmarshal(data, &d)
		if bad := d.Flags &^ allowedMessageFlags; bad != 0 {
			return []string{fmt.Sprintf("deferral flags %d include bits %d a bot cannot set", d.Flags, bad)}
		}
		return nil
	case discordgo.InteractionResponseDeferredMessageUpdate:
		if !isComponent {
			return []string{"type 6 (deferred update) is only for component interactions"}
		}
		return nil
	case discordgo.InteractionResponseUpdateMessage:
		if !isComponent {
			return []string{"type 7 (update message) is only for component interactions"}
		}
		return validateMessage(data, false, files)
	case discordgo.InteractionApplicationCommandAutocompleteResult:
		if !isAuto {
			return []string{"type 8 (autocomplete result) is only for autocomplete interactions"}
		}
		return validateChoices(data)
	case discordgo.InteractionResponseModal:
		if isAuto {
			return []string{"an autocomplete interaction cannot open a modal"}
		}
		return validateModal(data)
	}
	return []string{fmt.Sprintf("unknown callback type %d", rt)}
}

// webhookInteraction finds the interaction behind /webhooks/{app}/{token}.
func (s *Server) webhookInteraction(c *call) (*interactionState, int, any) {
	if st, b, ok := s.checkApp(c); !ok {
		return nil, st, b
	}
	s.mu.Lock()
	in := s.interactions[c.params["token"]]
	answered := in != nil && in.callback != nil
	s.mu.Unlock()
	if in == nil {
		s.failf("%s %s: unknown interaction token", c.req.Method, c.req.Path)
		return nil, http.StatusNotFound, discordError(10015, "Unknown Webhook")
	}
	if !answered {
		s.failf("%s %s: interaction %s (%s) has no first response yet", c.req.Method, c.req.Path, in.id, in.label)
		return nil, http.StatusNotFound, discordError(10015, "Unknown Webhook")
	}
	return in, 0, nil
}

// messageLocked finds the webhook message @original or a follow-up by id.
func (in *interactionState) messageLocked(id string) (map[string]any, int) {
	if id == "@original" || id == in.originalID {
		return in.original, -1
	}
	for i, f := range in.followups {
		if f["id"] == id {
			return f, i
		}
	}
	return nil, -2
}

func (s *Server) getWebhookMessage(c *call) (int, any) {
	in, st, b := s.webhookInteraction(c)
	if in == nil {
		return st, b
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, _ := in.messageLocked(c.params["msg"])
	if m == nil {
		return http.StatusNotFound, discordError(10008, "Unknown Message")
	}
	return http.StatusOK, m
}

func (s *Server) patchWebhookMessage(c *call) (int, any) {
	in, st, b := s.webhookInteraction(c)
	if in == nil {
		return st, b
	}
	if st, b, ok := s.checkMessage(c, false); !ok {
		return st, b
	}
	edit := decodeObject(c.req.Body)
	s.mu.Lock()
	m, idx := in.messageLocked(c.params["msg"])
	if m == nil {
		s.mu.Unlock()
		s.failf("PATCH %s: no such message on interaction %s (%s)", c.req.Path, in.id, in.label)
		return http.StatusNotFound, discordError(10008, "Unknown Message")
	}
	defer s.mu.Unlock()
	n := copyMap(m)
	for k, v := range edit {
		if k != "allowed_mentions" {
			n[k] = v
		}
	}
	// An edit ends "thinking" (128) and cannot change whether the message is ephemeral (64).
	n["flags"] = flagsOf(n)&^(128|64) | flagsOf(m)&64
	n["edited_timestamp"] = time.Now().UTC().Format(time.RFC3339Nano)
	if idx == -1 {
		in.original = n
		in.edits = append(in.edits, toMessage(copyMap(edit)))
	} else {
		in.followups[idx] = n
	}
	return s.commitLocked(c, http.StatusOK, n)
}

func (s *Server) deleteWebhookMessage(c *call) (int, any) {
	in, st, b := s.webhookInteraction(c)
	if in == nil {
		return st, b
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	m, idx := in.messageLocked(c.params["msg"])
	if m == nil {
		return http.StatusNotFound, discordError(10008, "Unknown Message")
	}
	if idx == -1 {
		in.original = nil
	} else {
		in.followups = append(in.followups[:idx], in.followups[idx+1:]...)
	}
	return s.commitLocked(c, http.StatusNoContent, nil)
}

func (s *Server) postFollowup(c *call) (int, any) {
	in, st, b := s.webhookInteraction(c)
	if in == nil {
		return st, b
	}
	if st, b, ok := s.checkMessage(c, true); !ok {
		return st, b
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	raw := decodeObject(c.req.Body)
	if loading := in.original != nil && flagsOf(in.original)&128 != 0; loading {
		// The first follow-up after a deferral that was never edited resolves
		// the "thinking…" message: it becomes the original, and its own
		// ephemeral flag is ignored in favour of the deferral's.
		raw["id"] = in.originalID
		raw["flags"] = flagsOf(raw)&^64 | flagsOf(in.original)&64
		s.stampLocked(raw, in.channelID)
		raw["webhook_id"] = s.AppID
		in.original = copyMap(raw)
	} else {
		raw["id"] = s.newIDLocked()
		s.stampLocked(raw, in.channelID)
		raw["webhook_id"] = s.AppID
	}
	in.followups = append(in.followups, raw)
	if c.req.Query.Get("wait") != "true" {
		return s.commitLocked(c, http.StatusNoContent, nil)
	}
	return s.commitLocked(c, http.StatusOK, raw)
}
