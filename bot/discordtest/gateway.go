package discordtest

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// gatewayPath is where the fake's websocket gateway lives; GET /gateway
// returns it and discordgo appends "/?v=9&encoding=json".
const gatewayPath = "/gateway-ws"

// Privileged intents the fake refuses with close code 4014, as Discord does
// for an application without approval: GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT.
const privilegedIntents = 1<<1 | 1<<8 | 1<<15

// gateway is the websocket half of the server's state, guarded by Server.mu.
// Every frame is written while holding Server.mu, so writes never interleave
// and sequence numbers go out in order.
type gateway struct {
	hbInterval int
	shut       bool
	conns      map[*gwConn]struct{}
	current    *gwConn // the connection dispatches go to, once ready
	sessionID  string
	seq        int64
	log        []gwEvent // dispatches sent in this session, for RESUME replay
	pending    []gwEvent // dispatches waiting for a ready connection
	identifies int
	resumes    int
	opens      int // READY or RESUMED sent
}

type gwEvent struct {
	seq    int64
	typ    string
	data   any
	onSent func(time.Time)
}

type gwConn struct {
	ws         *websocket.Conn
	ready      bool
	heartbeats int
	zombie     bool // stops acknowledging heartbeats
}

func netListen() (net.Listener, error) { return net.Listen("tcp", "127.0.0.1:0") }

func (s *Server) gatewayURL() string {
	return "ws" + strings.TrimPrefix(s.URL, "http") + gatewayPath
}

// closeAllLocked stops accepting connections and returns the open ones.
func (g *gateway) closeAllLocked() []*gwConn {
	g.shut = true
	var out []*gwConn
	for c := range g.conns {
		out = append(out, c)
	}
	g.current = nil
	return out
}

func (s *Server) serveGateway(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if enc := q.Get("encoding"); enc != "" && enc != "json" {
		s.failf("gateway: encoding %q, the fake speaks json", enc)
	}
	if q.Get("compress") != "" {
		s.failf("gateway: compress=%s is not supported by the fake", q.Get("compress"))
	}
	ws, err := s.upgrader.Upgrade(w, r, nil)
	if err != nil {
		s.failf("gateway: upgrade: %v", err)
		return
	}
	c := &gwConn{ws: ws}
	s.mu.Lock()
	if s.gw.shut {
		s.mu.Unlock()
		ws.Close()
		return
	}
	if s.gw.conns == nil {
		s.gw.conns = map[*gwConn]struct{}{}
	}
	s.gw.conns[c] = struct{}{}
	s.wg.Add(1)
	s.writeLocked(c, map[string]any{"op": 10, "s": nil, "t": nil, "d": map[string]any{"heartbeat_interval": s.gw.hbInterval}})
	s.mu.Unlock()
	defer s.wg.Done()
	s.readLoop(c)
}

func (s *Server) readLoop(c *gwConn) {
	defer func() {
		s.mu.Lock()
		delete(s.gw.conns, c)
		if s.gw.current == c {
			s.gw.current = nil
		}
		s.notifyLocked()
		s.mu.Unlock()
		c.ws.Close()
	}()
	for {
		_, data, err := c.ws.ReadMessage()
		if err != nil {
			return
		}
		var f struct {
			Op int             `json:"op"`
			D  json.RawMessage `json:"d"`
		}
		if err := json.Unmarshal(data, &f); err != nil {
			s.failf("gateway: frame is not JSON: %.200s", data)
			continue
		}
		switch f.Op {
		case 1:
			s.mu.Lock()
			c.heartbeats++
			if !c.zombie {
				s.writeLocked(c, map[string]any{"op": 11, "s": nil, "t": nil, "d": nil})
			}
			s.notifyLocked()
			s.mu.Unlock()
		case 2:
			if !s.identify(c, f.D) {
				return
			}
		case 6:
			s.resume(c, f.D)
		case 3, 4, 8:
			// Presence, voice state and member requests: accepted, nothing to answer.
		default:
			s.failf("gateway: unknown op %d: %.200s", f.Op, data)
		}
	}
}

func (s *Server) identify(c *gwConn, d json.RawMessage) bool {
	var id struct {
		Token   string `json:"token"`
		Intents int    `json:"intents"`
	}
	if err := json.Unmarshal(d, &id); err != nil {
		s.failf("gateway: bad IDENTIFY: %v", err)
		s.closeWith(c, 4002, "Error while decoding payload.")
		return false
	}
	if strings.TrimPrefix(id.Token, "Bot ") != s.Token {
		s.closeWith(c, 4004, "Authentication failed.")
		return false
	}
	if id.Intents&privilegedIntents != 0 {
		s.failf("gateway: IDENTIFY asks for privileged intents %d; Discord closes with 4014 unless approved", id.Intents&privilegedIntents)
		s.closeWith(c, 4014, "Disallowed intent(s).")
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if c.ready {
		s.closeWithLocked(c, 4005, "Already authenticated.")
		return false
	}
	s.gw.identifies++
	s.gw.sessionID = randomHex(16)
	s.gw.log = nil
	s.gw.seq++
	s.writeLocked(c, map[string]any{"op": 0, "t": "READY", "s": s.gw.seq, "d": map[string]any{
		"v":                  10,
		"session_id":         s.gw.sessionID,
		"resume_gateway_url": s.gatewayURL(),
		"user":               s.botUserJSON(),
		"application":        map[string]any{"id": s.AppID, "flags": 0},
		"guilds":             []any{map[string]any{"id": s.GuildID, "unavailable": true}},
		"shard":              []int{0, 1},
		"private_channels":   []any{},
		"relationships":      []any{},
		"user_settings":      map[string]any{},
	}})
	s.becomeReadyLocked(c)
	s.sendLocked(gwEvent{typ: "GUILD_CREATE", data: s.guildCreateLocked()})
	s.flushLocked()
	return true
}

func (s *Server) resume(c *gwConn, d json.RawMessage) {
	var r struct {
		Token     string `json:"token"`
		SessionID string `json:"session_id"`
		Seq       int64  `json:"seq"`
	}
	if err := json.Unmarshal(d, &r); err != nil {
		s.failf("gateway: bad RESUME: %v", err)
		s.closeWith(c, 4002, "Error while decoding payload.")
		return
	}
	if strings.TrimPrefix(r.Token, "Bot ") != s.Token {
		s.closeWith(c, 4004, "Authentication failed.")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if r.SessionID == "" || r.SessionID != s.gw.sessionID || r.Seq > s.gw.seq {
		// Invalid session, not resumable: the client identifies again.
		s.writeLocked(c, map[string]any{"op": 9, "s": nil, "t": nil, "d": false})
		return
	}
	s.gw.resumes++
	s.writeLocked(c, map[string]any{"op": 0, "t": "RESUMED", "s": r.Seq, "d": map[string]any{}})
	s.becomeReadyLocked(c)
	for _, e := range s.gw.log {
		if e.seq > r.Seq {
			s.writeLocked(c, dispatchFrame(e))
		}
	}
	s.flushLocked()
}

func (s *Server) becomeReadyLocked(c *gwConn) {
	if old := s.gw.current; old != nil && old != c {
		old.ready = false
	}
	c.ready = true
	s.gw.current = c
	s.gw.opens++
	s.notifyLocked()
}

func (s *Server) guildCreateLocked() map[string]any {
	g := s.guildJSON()
	var chans []any
	for _, ch := range s.channels {
		if !ch.deleted {
			chans = append(chans, s.channelJSON(ch.id))
		}
	}
	g["unavailable"] = false
	g["large"] = false
	g["member_count"] = 2
	g["joined_at"] = time.Now().Add(-24 * time.Hour).UTC().Format(time.RFC3339)
	g["channels"] = chans
	g["threads"] = []any{}
	g["members"] = []any{}
	g["voice_states"] = []any{}
	g["presences"] = []any{}
	g["stage_instances"] = []any{}
	g["stickers"] = []any{}
	return g
}

func dispatchFrame(e gwEvent) map[string]any {
	return map[string]any{"op": 0, "t": e.typ, "s": e.seq, "d": e.data}
}

// sendLocked writes a dispatch now when a connection is ready, else queues it.
func (s *Server) sendLocked(e gwEvent) {
	c := s.gw.current
	if c == nil || !c.ready {
		s.gw.pending = append(s.gw.pending, e)
		return
	}
	s.gw.seq++
	e.seq = s.gw.seq
	s.gw.log = append(s.gw.log, e)
	s.writeLocked(c, dispatchFrame(e))
	if e.onSent != nil {
		e.onSent(time.Now())
		e.onSent = nil
	}
}

func (s *Server) flushLocked() {
	p := s.gw.pending
	s.gw.pending = nil
	for _, e := range p {
		s.sendLocked(e)
	}
}

func (s *Server) writeLocked(c *gwConn, v any) {
	c.ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
	if err := c.ws.WriteJSON(v); err != nil {
		// The reader notices the broken connection and cleans up.
		c.ready = false
	}
}

func (s *Server) closeWith(c *gwConn, code int, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closeWithLocked(c, code, text)
}

func (s *Server) closeWithLocked(c *gwConn, code int, text string) {
	c.ws.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(code, text), time.Now().Add(time.Second))
	c.ready = false
	c.ws.Close()
}

func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Identifies is how many times a client identified (started a new session).
func (s *Server) Identifies() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gw.identifies
}

// Resumes is how many times a client resumed its session.
func (s *Server) Resumes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gw.resumes
}

// Heartbeats is how many heartbeats the current connection has sent.
func (s *Server) Heartbeats() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.gw.current == nil {
		return 0
	}
	return s.gw.current.heartbeats
}

// WaitReady waits until a client has identified or resumed and is ready for dispatches.
func (s *Server) WaitReady(tb testing.TB, timeout time.Duration) {
	tb.Helper()
	if !s.wait(timeout, func() bool { return s.gw.current != nil && s.gw.current.ready }) {
		tb.Fatalf("discordtest: no gateway client ready within %v", timeout)
	}
}

// Reconnect sends op 7 (Reconnect) to the connected client, as Discord does
// before moving a session, and waits until the client has resumed or
// identified again on a new connection. It first waits for the connection's
// first heartbeat: discordgo breaks when op 7 comes earlier.
func (s *Server) Reconnect() {
	s.tb.Helper()
	var c *gwConn
	if !s.wait(10*time.Second, func() bool {
		c = s.gw.current
		return c != nil && c.ready && c.heartbeats > 0
	}) {
		s.tb.Fatalf("discordtest: Reconnect: no ready gateway connection with a heartbeat")
	}
	s.mu.Lock()
	opens := s.gw.opens
	c.ready = false
	s.writeLocked(c, map[string]any{"op": 7, "s": nil, "t": nil, "d": nil})
	s.mu.Unlock()
	s.waitReopen(opens, "Reconnect")
}

// DropConnection closes the client's gateway socket abruptly, without a
// close frame, and waits until the client has resumed or identified again.
func (s *Server) DropConnection() {
	s.tb.Helper()
	var c *gwConn
	if !s.wait(10*time.Second, func() bool {
		c = s.gw.current
		return c != nil && c.ready
	}) {
		s.tb.Fatalf("discordtest: DropConnection: no ready gateway connection")
	}
	s.mu.Lock()
	opens := s.gw.opens
	c.ready = false
	s.mu.Unlock()
	c.ws.NetConn().Close()
	s.waitReopen(opens, "DropConnection")
}

func (s *Server) waitReopen(opens int, what string) {
	s.tb.Helper()
	if !s.wait(15*time.Second, func() bool {
		return s.gw.opens > opens && s.gw.current != nil && s.gw.current.ready
	}) {
		s.tb.Fatalf("discordtest: %s: the client did not come back within 15s", what)
	}
}

// SetHeartbeatInterval sets the interval HELLO announces to new connections
// (Discord's is about 41 s); a short one makes discordgo heartbeat often.
func (s *Server) SetHeartbeatInterval(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gw.hbInterval = int(d / time.Millisecond)
}

// ZombieConnection makes the current connection stop acknowledging
// heartbeats, as a half-dead connection does, and waits until the client
// has noticed and resumed or identified on a new one. discordgo gives up
// after five heartbeat intervals, so set a short SetHeartbeatInterval first.
func (s *Server) ZombieConnection() {
	s.tb.Helper()
	var c *gwConn
	if !s.wait(10*time.Second, func() bool {
		c = s.gw.current
		return c != nil && c.ready
	}) {
		s.tb.Fatalf("discordtest: ZombieConnection: no ready gateway connection")
	}
	s.mu.Lock()
	opens := s.gw.opens
	c.zombie = true
	interval := time.Duration(s.gw.hbInterval) * time.Millisecond
	s.mu.Unlock()
	if !s.wait(10*interval+15*time.Second, func() bool {
		return s.gw.opens > opens && s.gw.current != nil && s.gw.current.ready
	}) {
		s.tb.Fatalf("discordtest: ZombieConnection: the client did not come back")
	}
}
