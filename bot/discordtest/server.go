package discordtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/gorilla/websocket"
)

// Default identifiers of the fake's application, bot, guild, channel and
// invoking user. They look like Discord snowflakes so code that parses ids works.
const (
	DefaultAppID     = "1100000000000000001"
	DefaultGuildID   = "1200000000000000001"
	DefaultChannelID = "1200000000000000002"
	DefaultUserID    = "1400000000000000001"
	DefaultToken     = "discordtest-token"
)

// guildOwnerID owns the fake guild; it is nobody the tests act as, so owner
// rights never stand in for permissions.
const guildOwnerID = "1400000000000000999"

// Permission strings as Discord sends them in interactions.
const (
	// MemberPermissions is an ordinary member: view, send, embed, read history, use commands.
	MemberPermissions = "2147567616"
	// AdminPermissions adds Manage Guild (32), the bit admin commands require.
	AdminPermissions = "2147567648"
	// BotPermissions is what the bot may do in a channel (app_permissions).
	BotPermissions = "117760"
)

// Server is a fake Discord listening on 127.0.0.1. Its exported fields are
// fixed when NewServer returns; CallbackDeadline may be changed before the
// first Interact.
type Server struct {
	// URL is the base to rewrite discord.com requests to, like http://127.0.0.1:PORT.
	URL string
	// Token is the bot token the fake accepts (without the "Bot " prefix).
	Token string
	// AppID is the application id; the bot user has the same id.
	AppID string
	// GuildID is the one guild the bot is in.
	GuildID string
	// ChannelID is a text channel in GuildID where interactions come from.
	ChannelID string
	// UserID is the member who invokes interactions unless told otherwise.
	UserID string
	// CallbackDeadline is how long the bot has for the first response to an
	// interaction before Discord would reject it (10062).
	CallbackDeadline time.Duration

	tb       testing.TB
	hs       *httptest.Server
	upgrader websocket.Upgrader
	closeOne sync.Once
	wg       sync.WaitGroup // gateway connection goroutines

	mu           sync.Mutex
	changed      chan struct{} // closed and replaced whenever recorded state changes
	closed       bool
	nextID       uint64
	requests     []Request
	failures     []string
	channels     map[string]*channel
	global       []map[string]any
	guildCmds    map[string][]map[string]any
	limits       []*rateRule
	interactions map[string]*interactionState // by token
	order        []*interactionState
	gw           gateway
}

// Request is one REST request the fake received.
type Request struct {
	Method string
	// Path is the URL path without the /api/vN prefix, like /channels/1/messages.
	Path   string
	Query  url.Values
	Header http.Header
	// Body is the JSON body, or the payload_json part of a multipart body.
	Body json.RawMessage
	// Files are the names of files in a multipart body.
	Files []string
	// Status is what the fake answered.
	Status int
	Time   time.Time
}

// Decode unmarshals the request body into v.
func (r Request) Decode(v any) error {
	if len(r.Body) == 0 {
		return fmt.Errorf("decode %s %s: empty body", r.Method, r.Path)
	}
	if err := json.Unmarshal(r.Body, v); err != nil {
		return fmt.Errorf("decode %s %s: %w", r.Method, r.Path, err)
	}
	return nil
}

// String names the request for failure messages.
func (r Request) String() string {
	return fmt.Sprintf("%s %s -> %d", r.Method, r.Path, r.Status)
}

type channel struct {
	id        string
	forbidden bool
	deleted   bool
	messages  []*discordgo.Message // oldest first
}

type rateRule struct {
	method  string
	pattern string
	left    int
}

// NewServer starts a fake Discord and stops it when tb's test ends.
func NewServer(tb testing.TB) *Server {
	tb.Helper()
	s := &Server{
		Token:            DefaultToken,
		AppID:            DefaultAppID,
		GuildID:          DefaultGuildID,
		ChannelID:        DefaultChannelID,
		UserID:           DefaultUserID,
		CallbackDeadline: 3 * time.Second,
		tb:               tb,
		changed:          make(chan struct{}),
		nextID:           1300000000000000000,
		channels:         map[string]*channel{},
		guildCmds:        map[string][]map[string]any{},
		interactions:     map[string]*interactionState{},
	}
	s.upgrader = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	s.gw.hbInterval = 41250
	s.channels[s.ChannelID] = &channel{id: s.ChannelID}
	ln, err := netListen()
	if err != nil {
		tb.Fatalf("discordtest: listen: %v", err)
	}
	s.hs = &httptest.Server{Listener: ln, Config: &http.Server{Handler: s}}
	s.hs.Start()
	s.URL = s.hs.URL
	tb.Cleanup(s.Close)
	return s
}

// Close stops the server, ends its gateway connections and fails the test for
// every interaction that never got a response. Tests need not call it.
func (s *Server) Close() {
	s.closeOne.Do(func() {
		s.mu.Lock()
		var unanswered []string
		for _, in := range s.order {
			if in.callback == nil && !in.allowUnanswered && !in.deliveredAt.IsZero() {
				unanswered = append(unanswered, fmt.Sprintf("interaction %s (%s) was never answered", in.id, in.label))
			}
			if in.timer != nil {
				in.timer.Stop()
			}
		}
		conns := s.gw.closeAllLocked()
		s.mu.Unlock()
		for _, c := range conns {
			c.ws.Close()
		}
		s.hs.Close()
		s.wg.Wait()
		for _, u := range unanswered {
			s.failf("%s", u)
		}
		s.mu.Lock()
		s.closed = true
		s.mu.Unlock()
	})
}

// failf records a protocol violation and fails the test.
func (s *Server) failf(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	s.mu.Lock()
	s.failures = append(s.failures, msg)
	closed := s.closed
	s.notifyLocked()
	s.mu.Unlock()
	if !closed {
		s.tb.Errorf("discordtest: %s", msg)
	}
}

// Failures returns every violation the fake reported so far.
func (s *Server) Failures() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.failures...)
}

func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func (s *Server) newIDLocked() string {
	s.nextID++
	return strconv.FormatUint(s.nextID, 10)
}

// wait polls cond, under the lock, until it is true or timeout passes.
func (s *Server) wait(timeout time.Duration, cond func() bool) bool {
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		ok := cond()
		ch := s.changed
		s.mu.Unlock()
		if ok {
			return true
		}
		select {
		case <-ch:
		case <-deadline.C:
			s.mu.Lock()
			ok := cond()
			s.mu.Unlock()
			return ok
		}
	}
}

// Requests returns every REST request received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// WaitRequest waits for a request that match accepts (already received or
// still to come) and fails the test when none arrives within timeout.
func (s *Server) WaitRequest(tb testing.TB, match func(Request) bool, timeout time.Duration) Request {
	tb.Helper()
	var found Request
	ok := s.wait(timeout, func() bool {
		for _, r := range s.requests {
			if match(r) {
				found = r
				return true
			}
		}
		return false
	})
	if !ok {
		tb.Fatalf("discordtest: no matching request within %v; got %v", timeout, s.Requests())
	}
	return found
}

// Route returns a request matcher for a method and a path pattern, where *
// stands for one path segment: Route("POST", "/interactions/*/*/callback").
func Route(method, pattern string) func(Request) bool {
	pattern = stripAPI(pattern)
	return func(r Request) bool {
		if method != "" && r.Method != method {
			return false
		}
		ok, _ := path.Match(pattern, r.Path)
		return ok
	}
}

// Messages returns the messages posted to a channel, oldest first.
func (s *Server) Messages(channelID string) []*discordgo.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c := s.channels[channelID]; c != nil {
		return append([]*discordgo.Message(nil), c.messages...)
	}
	return nil
}

// WaitMessages waits until a channel holds at least n messages and returns them.
func (s *Server) WaitMessages(tb testing.TB, channelID string, n int, timeout time.Duration) []*discordgo.Message {
	tb.Helper()
	ok := s.wait(timeout, func() bool {
		c := s.channels[channelID]
		return c != nil && len(c.messages) >= n
	})
	msgs := s.Messages(channelID)
	if !ok {
		tb.Fatalf("discordtest: channel %s has %d messages after %v, want %d", channelID, len(msgs), timeout, n)
	}
	return msgs
}

// AddMessage puts a message into a channel's history, as if posted earlier
// (by the bot, unless msg.Author is set), and returns it with id and timestamp.
func (s *Server) AddMessage(channelID string, msg *discordgo.Message) *discordgo.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channelLocked(channelID)
	m := *msg
	if m.ID == "" {
		m.ID = s.newIDLocked()
	}
	m.ChannelID = channelID
	if m.Timestamp.IsZero() {
		m.Timestamp = time.Now().UTC()
	}
	if m.Author == nil {
		m.Author = s.botUser()
	}
	c.messages = append(c.messages, &m)
	s.notifyLocked()
	return &m
}

// Forbid makes a channel answer 403 Missing Access, as when the bot lost its permissions.
func (s *Server) Forbid(channelID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.channelLocked(channelID).forbidden = true
}

// Delete makes a channel answer 404 Unknown Channel, as when it was deleted.
func (s *Server) Delete(channelID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.channelLocked(channelID).deleted = true
}

// Restore undoes Forbid and Delete.
func (s *Server) Restore(channelID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := s.channelLocked(channelID)
	c.forbidden, c.deleted = false, false
}

func (s *Server) channelLocked(id string) *channel {
	c := s.channels[id]
	if c == nil {
		c = &channel{id: id}
		s.channels[id] = c
	}
	return c
}

// Commands returns the global commands as last bulk-overwritten, with ids.
func (s *Server) Commands() []*discordgo.ApplicationCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return decodeCommands(s.global)
}

// GuildCommands returns a guild's commands as last bulk-overwritten, with ids.
func (s *Server) GuildCommands(guildID string) []*discordgo.ApplicationCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return decodeCommands(s.guildCmds[guildID])
}

func decodeCommands(raw []map[string]any) []*discordgo.ApplicationCommand {
	b, _ := json.Marshal(raw)
	var cmds []*discordgo.ApplicationCommand
	_ = json.Unmarshal(b, &cmds)
	return cmds
}

// RateLimitNext makes the next n requests matching method and pathPattern
// (a path under /api/vN where * stands for one segment, like
// "/interactions/*/*/callback"; an empty method matches any) answer 429
// with retry_after 0.05 s and X-RateLimit headers, as Discord does.
func (s *Server) RateLimitNext(method, pathPattern string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limits = append(s.limits, &rateRule{method: method, pattern: stripAPI(pathPattern), left: n})
}

var apiPrefix = regexp.MustCompile(`^/api/v[0-9]+`)

func stripAPI(p string) string {
	p = apiPrefix.ReplaceAllString(p, "")
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	return p
}

func (s *Server) botUser() *discordgo.User {
	return &discordgo.User{ID: s.AppID, Username: "readoutbot", Discriminator: "0", Bot: true}
}

func (s *Server) botUserJSON() map[string]any {
	return map[string]any{"id": s.AppID, "username": "readoutbot", "discriminator": "0", "global_name": nil, "avatar": nil, "bot": true, "flags": 0}
}

// ServeHTTP answers REST requests and upgrades gateway connections.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == gatewayPath || strings.HasPrefix(r.URL.Path, gatewayPath+"/") {
		s.serveGateway(w, r)
		return
	}
	loc := apiPrefix.FindString(r.URL.Path)
	call := &call{req: Request{
		Method: r.Method,
		Path:   strings.TrimPrefix(r.URL.Path, loc),
		Query:  r.URL.Query(),
		Header: r.Header.Clone(),
		Time:   time.Now(),
	}}
	status, body := s.handle(call, r, loc != "")
	if !call.recorded {
		s.mu.Lock()
		s.commitLocked(call, status, nil)
		s.mu.Unlock()
	}
	if call.headers != nil {
		for k, v := range call.headers {
			w.Header()[k] = v
		}
	}
	if status == http.StatusNoContent || body == nil {
		w.WriteHeader(status)
		return
	}
	b, err := json.Marshal(body)
	if err != nil {
		s.failf("marshal reply to %s %s: %v", r.Method, r.URL.Path, err)
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
}

type call struct {
	req      Request
	recorded bool
	params   map[string]string
	headers  http.Header
}

// commitLocked records the request with its status; handlers that change
// state call it in the same critical section, so a test that sees the change
// also sees the request.
func (s *Server) commitLocked(c *call, status int, body any) (int, any) {
	c.req.Status = status
	c.recorded = true
	s.requests = append(s.requests, c.req)
	s.notifyLocked()
	return status, body
}

// discordError is the JSON body of a Discord error.
func discordError(code int, msg string) map[string]any {
	return map[string]any{"code": code, "message": msg}
}

func (s *Server) handle(c *call, r *http.Request, api bool) (int, any) {
	if !api {
		s.failf("unknown request %s %s (not under /api/vN)", r.Method, r.URL.Path)
		return http.StatusNotFound, discordError(0, "404: Not Found")
	}
	if err := readBody(c, r); err != nil {
		s.failf("%s %s: %v", r.Method, r.URL.Path, err)
		return http.StatusBadRequest, discordError(50109, "The request body contains invalid JSON.")
	}
	rt, params := matchRoute(r.Method, c.req.Path)
	if rt == nil {
		s.failf("unknown request %s %s", r.Method, r.URL.Path)
		return http.StatusNotFound, discordError(0, "404: Not Found")
	}
	c.params = params
	if s.takeRateLimit(c) {
		return http.StatusTooManyRequests, map[string]any{"retry_after": 0.05, "global": false, "message": "You are being rate limited."}
	}
	if rt.auth && r.Header.Get("Authorization") != "Bot "+s.Token {
		return http.StatusUnauthorized, discordError(0, "401: Unauthorized")
	}
	return rt.handler(s, c)
}

func (s *Server) takeRateLimit(c *call) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, l := range s.limits {
		if l.method != "" && l.method != c.req.Method {
			continue
		}
		if ok, _ := path.Match(l.pattern, c.req.Path); !ok {
			continue
		}
		l.left--
		if l.left <= 0 {
			s.limits = append(s.limits[:i], s.limits[i+1:]...)
		}
		c.headers = http.Header{}
		c.headers.Set("X-RateLimit-Limit", "5")
		c.headers.Set("X-RateLimit-Remaining", "0")
		c.headers.Set("X-RateLimit-Reset-After", "0.050")
		c.headers.Set("X-RateLimit-Reset", strconv.FormatFloat(float64(time.Now().Add(50*time.Millisecond).UnixMilli())/1000, 'f', 3, 64))
		c.headers.Set("X-RateLimit-Bucket", "discordtest")
		c.headers.Set("X-RateLimit-Scope", "user")
		c.headers.Set("Retry-After", "1")
		return true
	}
	return false
}

func readBody(c *call, r *http.Request) error {
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "multipart/form-data" {
		mr := multipart.NewReader(r.Body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				break
			}
			if err != nil {
				return fmt.Errorf("read multipart body: %w", err)
			}
			data, err := io.ReadAll(p)
			if err != nil {
				return fmt.Errorf("read multipart part: %w", err)
			}
			if p.FormName() == "payload_json" {
				c.req.Body = data
			} else {
				c.req.Files = append(c.req.Files, p.FileName())
			}
		}
	} else {
		data, err := io.ReadAll(r.Body)
		if err != nil {
			return fmt.Errorf("read body: %w", err)
		}
		if len(bytes.TrimSpace(data)) > 0 {
			c.req.Body = data
		}
	}
	if len(c.req.Body) > 0 && !json.Valid(c.req.Body) {
		return fmt.Errorf("body is not valid JSON: %.200s", c.req.Body)
	}
	return nil
}

type route struct {
	method  string
	pattern []string
	auth    bool
	handler func(*Server, *call) (int, any)
}

var routes = []route{
	{"GET", split("/gateway"), true, (*Server).getGateway},
	{"GET", split("/gateway/bot"), true, (*Server).getGatewayBot},
	{"GET", split("/users/@me"), true, (*Server).getMe},
	{"GET", split("/applications/@me"), true, (*Server).getApplication},
	{"GET", split("/oauth2/applications/@me"), true, (*Server).getApplication},
	{"PUT", split("/applications/{app}/commands"), true, (*Server).putCommands},
	{"GET", split("/applications/{app}/commands"), true, (*Server).getCommands},
	{"PUT", split("/applications/{app}/guilds/{guild}/commands"), true, (*Server).putCommands},
	{"GET", split("/applications/{app}/guilds/{guild}/commands"), true, (*Server).getCommands},
	{"POST", split("/applications/{app}/commands"), true, (*Server).postCommand},
	{"POST", split("/applications/{app}/guilds/{guild}/commands"), true, (*Server).postCommand},
	{"DELETE", split("/applications/{app}/commands/{cmd}"), true, (*Server).deleteCommand},
	{"DELETE", split("/applications/{app}/guilds/{guild}/commands/{cmd}"), true, (*Server).deleteCommand},
	{"POST", split("/interactions/{id}/{token}/callback"), false, (*Server).postCallback},
	{"GET", split("/webhooks/{app}/{token}/messages/{msg}"), false, (*Server).getWebhookMessage},
	{"PATCH", split("/webhooks/{app}/{token}/messages/{msg}"), false, (*Server).patchWebhookMessage},
	{"DELETE", split("/webhooks/{app}/{token}/messages/{msg}"), false, (*Server).deleteWebhookMessage},
	{"POST", split("/webhooks/{app}/{token}"), false, (*Server).postFollowup},
	{"GET", split("/channels/{channel}"), true, (*Server).getChannel},
	{"GET", split("/channels/{channel}/messages"), true, (*Server).getChannelMessages},
	{"POST", split("/channels/{channel}/messages"), true, (*Server).postChannelMessage},
	{"GET", split("/channels/{channel}/messages/{msg}"), true, (*Server).getChannelMessage},
	{"PATCH", split("/channels/{channel}/messages/{msg}"), true, (*Server).patchChannelMessage},
	{"DELETE", split("/channels/{channel}/messages/{msg}"), true, (*Server).deleteChannelMessage},
	{"GET", split("/guilds/{guild}"), true, (*Server).getGuild},
	{"GET", split("/guilds/{guild}/channels"), true, (*Server).getGuildChannels},
	{"GET", split("/guilds/{guild}/roles"), true, (*Server).getGuildRoles},
	{"GET", split("/guilds/{guild}/members/{user}"), true, (*Server).getGuildMember},
	{"GET", split("/users/@me/guilds"), true, (*Server).getMyGuilds},
}

func split(p string) []string { return strings.Split(strings.Trim(p, "/"), "/") }

func matchRoute(method, p string) (*route, map[string]string) {
	segs := split(p)
	for i := range routes {
		rt := &routes[i]
		if rt.method != method || len(rt.pattern) != len(segs) {
			continue
		}
		params := map[string]string{}
		ok := true
		for j, want := range rt.pattern {
			if strings.HasPrefix(want, "{") {
				if segs[j] == "" {
					ok = false
					break
				}
				params[strings.Trim(want, "{}")] = segs[j]
			} else if want != segs[j] {
				ok = false
				break
			}
		}
		if ok {
			return rt, params
		}
	}
	return nil, nil
}
