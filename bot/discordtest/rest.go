package discordtest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"
)

// REST handlers for everything but interactions (interact.go): gateway
// discovery, the bot user and application, commands, guild and channels.

func (s *Server) getGateway(*call) (int, any) {
	return http.StatusOK, map[string]any{"url": s.gatewayURL()}
}

func (s *Server) getGatewayBot(*call) (int, any) {
	return http.StatusOK, map[string]any{
		"url":    s.gatewayURL(),
		"shards": 1,
		"session_start_limit": map[string]any{
			"total": 1000, "remaining": 999, "reset_after": 14400000, "max_concurrency": 1,
		},
	}
}

func (s *Server) getMe(*call) (int, any) { return http.StatusOK, s.botUserJSON() }

func (s *Server) getApplication(*call) (int, any) {
	return http.StatusOK, map[string]any{
		"id": s.AppID, "name": "readoutbot", "description": "", "bot_public": false,
		"bot_require_code_grant": false, "flags": 0, "bot": s.botUserJSON(), "owner": s.botUserJSON(),
		"terms_of_service_url": "", "privacy_policy_url": "", "verify_key": "",
	}
}

func (s *Server) getMyGuilds(*call) (int, any) {
	return http.StatusOK, []any{map[string]any{"id": s.GuildID, "name": "discordtest", "icon": nil, "owner": false, "permissions": BotPermissions, "features": []any{}}}
}

func (s *Server) checkGuild(c *call) (int, any, bool) {
	if g := c.params["guild"]; g != "" && g != s.GuildID {
		s.failf("%s %s: the bot is not in guild %s", c.req.Method, c.req.Path, g)
		return http.StatusNotFound, discordError(10004, "Unknown Guild"), false
	}
	return 0, nil, true
}

func (s *Server) checkApp(c *call) (int, any, bool) {
	if a := c.params["app"]; a != s.AppID {
		s.failf("%s %s: application id %s is not the bot's (%s)", c.req.Method, c.req.Path, a, s.AppID)
		return http.StatusNotFound, discordError(10002, "Unknown Application"), false
	}
	return 0, nil, true
}

func (s *Server) guildJSON() map[string]any {
	return map[string]any{
		"id": s.GuildID, "name": "discordtest", "icon": nil, "owner_id": guildOwnerID,
		"roles": s.rolesJSON(), "emojis": []any{}, "features": []any{}, "verification_level": 0,
		"default_message_notifications": 0, "explicit_content_filter": 0, "mfa_level": 0,
		"system_channel_id": nil, "premium_tier": 0, "preferred_locale": "en-US", "nsfw_level": 0,
	}
}

func (s *Server) rolesJSON() []any {
	return []any{
		map[string]any{"id": s.GuildID, "name": "@everyone", "permissions": MemberPermissions, "position": 0, "color": 0, "hoist": false, "managed": false, "mentionable": false},
		map[string]any{"id": s.botRoleID(), "name": "readoutbot", "permissions": BotPermissions, "position": 1, "color": 0, "hoist": false, "managed": true, "mentionable": false},
	}
}

func (s *Server) botRoleID() string { return s.GuildID[:len(s.GuildID)-1] + "9" }

func (s *Server) getGuild(c *call) (int, any) {
	if st, b, ok := s.checkGuild(c); !ok {
		return st, b
	}
	return http.StatusOK, s.guildJSON()
}

func (s *Server) getGuildRoles(c *call) (int, any) {
	if st, b, ok := s.checkGuild(c); !ok {
		return st, b
	}
	return http.StatusOK, s.rolesJSON()
}

func (s *Server) getGuildChannels(c *call) (int, any) {
	if st, b, ok := s.checkGuild(c); !ok {
		return st, b
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []any
	for _, ch := range s.channels {
		if !ch.deleted {
			out = append(out, s.channelJSON(ch.id))
		}
	}
	return http.StatusOK, out
}

func (s *Server) getGuildMember(c *call) (int, any) {
	if st, b, ok := s.checkGuild(c); !ok {
		return st, b
	}
	u := c.params["user"]
	joined := time.Now().Add(-24 * time.Hour).UTC().Format(time.RFC3339)
	switch u {
	case "@me", s.AppID:
		return http.StatusOK, map[string]any{"user": s.botUserJSON(), "roles": []any{s.botRoleID()}, "joined_at": joined, "deaf": false, "mute": false, "flags": 0}
	default:
		return http.StatusOK, map[string]any{"user": userJSON(u, "member"), "roles": []any{}, "joined_at": joined, "deaf": false, "mute": false, "flags": 0}
	}
}

func userJSON(id, name string) map[string]any {
	return map[string]any{"id": id, "username": name, "discriminator": "0", "global_name": name, "avatar": nil}
}

func (s *Server) channelJSON(id string) map[string]any {
	return map[string]any{"id": id, "type": 0, "guild_id": s.GuildID, "name": "channel-" + id[len(id)-3:], "position": 0, "permission_overwrites": []any{}, "nsfw": false}
}

// channelState answers 403/404 for forbidden or deleted channels.
func (s *Server) channelState(id string) (int, any, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channelLocked(id)
	switch {
	case c.deleted:
		return http.StatusNotFound, discordError(10003, "Unknown Channel"), false
	case c.forbidden:
		return http.StatusForbidden, discordError(50001, "Missing Access"), false
	}
	return 0, nil, true
}

func (s *Server) getChannel(c *call) (int, any) {
	id := c.params["channel"]
	if st, b, ok := s.channelState(id); !ok {
		return st, b
	}
	return http.StatusOK, s.channelJSON(id)
}

func (s *Server) getChannelMessages(c *call) (int, any) {
	id := c.params["channel"]
	if st, b, ok := s.channelState(id); !ok {
		return st, b
	}
	limit := 50
	if l := c.req.Query.Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 100 {
			s.failf("GET %s: limit %q must be 1..100", c.req.Path, l)
			return http.StatusBadRequest, discordError(50035, "Invalid Form Body: limit")
		}
		limit = n
	}
	before, after := c.req.Query.Get("before"), c.req.Query.Get("after")
	s.mu.Lock()
	defer s.mu.Unlock()
	msgs := s.channels[id].messages
	var out []*discordgo.Message
	for i := len(msgs) - 1; i >= 0 && len(out) < limit; i-- {
		m := msgs[i]
		if before != "" && !idLess(m.ID, before) {
			continue
		}
		if after != "" && !idLess(after, m.ID) {
			continue
		}
		out = append(out, m)
	}
	if out == nil {
		out = []*discordgo.Message{}
	}
	return http.StatusOK, out
}

func (s *Server) getChannelMessage(c *call) (int, any) {
	id := c.params["channel"]
	if st, b, ok := s.channelState(id); !ok {
		return st, b
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.channels[id].messages {
		if m.ID == c.params["msg"] {
			return http.StatusOK, m
		}
	}
	return http.StatusNotFound, discordError(10008, "Unknown Message")
}

func idLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

func (s *Server) postChannelMessage(c *call) (int, any) {
	id := c.params["channel"]
	if st, b, ok := s.checkMessage(c, true); !ok {
		return st, b
	}
	if st, b, ok := s.channelState(id); !ok {
		return st, b
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	raw := decodeObject(c.req.Body)
	raw["id"] = s.newIDLocked()
	s.stampLocked(raw, id)
	m := toMessage(raw)
	s.channelLocked(id).messages = append(s.channelLocked(id).messages, m)
	return s.commitLocked(c, http.StatusOK, raw)
}

func (s *Server) patchChannelMessage(c *call) (int, any) {
	id := c.params["channel"]
	if st, b, ok := s.checkMessage(c, false); !ok {
		return st, b
	}
	if st, b, ok := s.channelState(id); !ok {
		return st, b
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	msgs := s.channels[id].messages
	for i, m := range msgs {
		if m.ID == c.params["msg"] {
			raw := messageObject(m)
			for k, v := range decodeObject(c.req.Body) {
				raw[k] = v
			}
			raw["edited_timestamp"] = time.Now().UTC().Format(time.RFC3339Nano)
			msgs[i] = toMessage(raw)
			return s.commitLocked(c, http.StatusOK, raw)
		}
	}
	return http.StatusNotFound, discordError(10008, "Unknown Message")
}

func (s *Server) deleteChannelMessage(c *call) (int, any) {
	id := c.params["channel"]
	if st, b, ok := s.channelState(id); !ok {
		return st, b
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := s.channels[id]
	for i, m := range ch.messages {
		if m.ID == c.params["msg"] {
			ch.messages = append(append([]*discordgo.Message{}, ch.messages[:i]...), ch.messages[i+1:]...)
			return s.commitLocked(c, http.StatusNoContent, nil)
		}
	}
	return http.StatusNotFound, discordError(10008, "Unknown Message")
}

// stampLocked adds the fields Discord fills in on a new message.
func (s *Server) stampLocked(raw map[string]any, channelID string) {
	raw["channel_id"] = channelID
	raw["author"] = s.botUserJSON()
	raw["timestamp"] = time.Now().UTC().Format(time.RFC3339Nano)
	raw["edited_timestamp"] = nil
	raw["type"] = 0
	raw["tts"] = false
	raw["mention_everyone"] = false
	raw["mentions"] = []any{}
	raw["mention_roles"] = []any{}
	raw["pinned"] = false
	delete(raw, "allowed_mentions")
	for _, k := range []string{"embeds", "components", "attachments"} {
		if raw[k] == nil {
			raw[k] = []any{}
		}
	}
	if raw["content"] == nil {
		raw["content"] = ""
	}
}

func decodeObject(b []byte) map[string]any {
	m := map[string]any{}
	if len(b) > 0 {
		_ = json.Unmarshal(b, &m)
	}
	if m == nil {
		m = map[string]any{}
	}
	return m
}

func messageObject(m *discordgo.Message) map[string]any {
	b, _ := json.Marshal(m)
	return decodeObject(b)
}

func toMessage(raw map[string]any) *discordgo.Message {
	b, _ := json.Marshal(raw)
	var m discordgo.Message
	if err := json.Unmarshal(b, &m); err != nil {
		// Components the fake validated but discordgo cannot decode; keep the rest.
		delete(raw, "components")
		b, _ = json.Marshal(raw)
		_ = json.Unmarshal(b, &m)
	}
	return &m
}

// checkMessage validates a message body against Discord's limits and the
// allowed_mentions rule; create says the message must not be empty.
func (s *Server) checkMessage(c *call, create bool) (int, any, bool) {
	if len(c.req.Body) == 0 {
		s.failf("%s %s: no message body", c.req.Method, c.req.Path)
		return http.StatusBadRequest, discordError(50006, "Cannot send an empty message"), false
	}
	probs := validateMessage(c.req.Body, create, len(c.req.Files) > 0)
	if len(probs) > 0 {
		s.failf("%s %s: %s", c.req.Method, c.req.Path, strings.Join(probs, "; "))
		return http.StatusBadRequest, discordError(50035, "Invalid Form Body: "+strings.Join(probs, "; ")), false
	}
	return 0, nil, true
}

// --- commands ---

func (s *Server) putCommands(c *call) (int, any) {
	if st, b, ok := s.checkApp(c); !ok {
		return st, b
	}
	if st, b, ok := s.checkGuild(c); !ok {
		return st, b
	}
	var cmds []map[string]any
	if err := json.Unmarshal(c.req.Body, &cmds); err != nil || c.req.Body == nil {
		s.failf("PUT %s: body must be an array of commands: %v", c.req.Path, err)
		return http.StatusBadRequest, discordError(50035, "Invalid Form Body")
	}
	if probs := validateCommands(c.req.Body); len(probs) > 0 {
		s.failf("PUT %s: %s", c.req.Path, strings.Join(probs, "; "))
		return http.StatusBadRequest, discordError(50035, "Invalid Form Body: "+strings.Join(probs, "; "))
	}
	guild := c.params["guild"]
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.commandListLocked(guild)
	out := make([]map[string]any, 0, len(cmds))
	for _, cmd := range cmds {
		out = append(out, s.completeCommandLocked(cmd, guild, old))
	}
	s.setCommandListLocked(guild, out)
	return s.commitLocked(c, http.StatusOK, out)
}

// postCommand creates or replaces (by name and type) one command.
func (s *Server) postCommand(c *call) (int, any) {
	if st, b, ok := s.checkApp(c); !ok {
		return st, b
	}
	if st, b, ok := s.checkGuild(c); !ok {
		return st, b
	}
	cmd := decodeObject(c.req.Body)
	probs := []string{"no command in the body"}
	if len(c.req.Body) > 0 {
		probs = validateCommands(json.RawMessage("[" + string(c.req.Body) + "]"))
	}
	if len(probs) > 0 {
		s.failf("POST %s: %s", c.req.Path, strings.Join(probs, "; "))
		return http.StatusBadRequest, discordError(50035, "Invalid Form Body: "+strings.Join(probs, "; "))
	}
	guild := c.params["guild"]
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.commandListLocked(guild)
	cmd = s.completeCommandLocked(cmd, guild, old)
	list := make([]map[string]any, 0, len(old)+1)
	status := http.StatusCreated
	for _, o := range old {
		if o["id"] == cmd["id"] {
			status = http.StatusOK
			continue
		}
		list = append(list, o)
	}
	s.setCommandListLocked(guild, append(list, cmd))
	return s.commitLocked(c, status, cmd)
}

func (s *Server) deleteCommand(c *call) (int, any) {
	if st, b, ok := s.checkApp(c); !ok {
		return st, b
	}
	if st, b, ok := s.checkGuild(c); !ok {
		return st, b
	}
	guild := c.params["guild"]
	s.mu.Lock()
	defer s.mu.Unlock()
	old := s.commandListLocked(guild)
	for i, o := range old {
		if o["id"] == c.params["cmd"] {
			list := append(append([]map[string]any{}, old[:i]...), old[i+1:]...)
			s.setCommandListLocked(guild, list)
			return s.commitLocked(c, http.StatusNoContent, nil)
		}
	}
	return http.StatusNotFound, discordError(10063, "Unknown application command")
}

func (s *Server) commandListLocked(guild string) []map[string]any {
	if guild != "" {
		return s.guildCmds[guild]
	}
	return s.global
}

func (s *Server) setCommandListLocked(guild string, list []map[string]any) {
	if guild != "" {
		s.guildCmds[guild] = list
	} else {
		s.global = list
	}
}

// completeCommandLocked adds the fields Discord fills in, keeping the id of
// an existing command with the same name and type, as Discord does.
func (s *Server) completeCommandLocked(cmd map[string]any, guild string, old []map[string]any) map[string]any {
	n, err := strconv.Atoi(fmt.Sprint(cmd["type"]))
	if err != nil || n == 0 {
		n = 1
	}
	cmd["type"] = n
	id := ""
	for _, o := range old {
		if o["name"] == cmd["name"] && fmt.Sprint(o["type"]) == fmt.Sprint(n) {
			id = fmt.Sprint(o["id"])
		}
	}
	if id == "" {
		id = s.newIDLocked()
	}
	cmd["id"] = id
	cmd["application_id"] = s.AppID
	cmd["version"] = s.newIDLocked()
	if guild != "" {
		cmd["guild_id"] = guild
	}
	if _, ok := cmd["default_member_permissions"]; !ok {
		cmd["default_member_permissions"] = nil
	}
	if cmd["description"] == nil {
		cmd["description"] = ""
	}
	return cmd
}

func (s *Server) getCommands(c *call) (int, any) {
	if st, b, ok := s.checkApp(c); !ok {
		return st, b
	}
	if st, b, ok := s.checkGuild(c); !ok {
		return st, b
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cmds := s.global
	if g := c.params["guild"]; g != "" {
		cmds = s.guildCmds[g]
	}
	if cmds == nil {
		cmds = []map[string]any{}
	}
	return http.StatusOK, cmds
}

// commandNamesLocked lists the registered slash commands, for failure messages.
func (s *Server) commandNamesLocked() []string {
	var names []string
	for _, list := range [][]map[string]any{s.guildCmds[s.GuildID], s.global} {
		for _, c := range list {
			names = append(names, "/"+fmt.Sprint(c["name"]))
		}
	}
	return names
}

// commandLocked finds a registered slash command, guild commands first.
func (s *Server) commandLocked(name string) map[string]any {
	for _, list := range [][]map[string]any{s.guildCmds[s.GuildID], s.global} {
		for _, c := range list {
			if c["name"] == name && fmt.Sprint(c["type"]) == "1" {
				return c
			}
		}
	}
	return nil
}
