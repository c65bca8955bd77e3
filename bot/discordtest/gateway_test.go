package discordtest_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/readoutbot/readoutbot/bot/discordtest"
)

type frame struct {
	Op int             `json:"op"`
	S  int64           `json:"s"`
	T  string          `json:"t"`
	D  json.RawMessage `json:"d"`
}

// dial connects a raw websocket client to the fake's gateway and reads HELLO.
func dial(t *testing.T, srv *discordtest.Server) *websocket.Conn {
	t.Helper()
	req, _ := http.NewRequest("GET", srv.URL+"/api/v10/gateway", nil)
	req.Header.Set("Authorization", "Bot "+srv.Token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var g struct{ URL string }
	if err := json.NewDecoder(resp.Body).Decode(&g); err != nil {
		t.Fatal(err)
	}
	ws, _, err := websocket.DefaultDialer.Dial(g.URL+"/?v=10&encoding=json", nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	if f := read(t, ws); f.Op != 10 || !strings.Contains(string(f.D), `"heartbeat_interval":41250`) {
		t.Fatalf("first frame = %+v, want HELLO with an integer interval", f)
	}
	return ws
}

func read(t *testing.T, ws *websocket.Conn) frame {
	t.Helper()
	ws.SetReadDeadline(time.Now().Add(5 * time.Second))
	var f frame
	if err := ws.ReadJSON(&f); err != nil {
		t.Fatalf("read: %v", err)
	}
	return f
}

func send(t *testing.T, ws *websocket.Conn, op int, d any) {
	t.Helper()
	if err := ws.WriteJSON(map[string]any{"op": op, "d": d}); err != nil {
		t.Fatal(err)
	}
}

func TestResumeReplaysMissedDispatches(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	ws := dial(t, srv)
	send(t, ws, 2, map[string]any{"token": "Bot " + srv.Token, "intents": 1, "properties": map[string]string{"os": "linux"}})
	ready := read(t, ws)
	var r struct {
		SessionID string `json:"session_id"`
	}
	if err := json.Unmarshal(ready.D, &r); ready.T != "READY" || err != nil || r.SessionID == "" {
		t.Fatalf("after IDENTIFY: %+v", ready)
	}
	guild := read(t, ws)
	if guild.T != "GUILD_CREATE" || guild.S != ready.S+1 {
		t.Fatalf("after READY: %+v", guild)
	}
	send(t, ws, 1, guild.S)
	if ack := read(t, ws); ack.Op != 11 {
		t.Fatalf("heartbeat answer: %+v", ack)
	}

	// The interaction goes out on this socket, but the client "misses" it.
	resp := srv.Interact(t, discordtest.Command("missed"))
	resp.AllowUnanswered()
	ws.Close()

	ws2 := dial(t, srv)
	send(t, ws2, 6, map[string]any{"token": "Bot " + srv.Token, "session_id": r.SessionID, "seq": guild.S})
	if f := read(t, ws2); f.T != "RESUMED" || f.S != guild.S {
		t.Fatalf("after RESUME: %+v", f)
	}
	f := read(t, ws2)
	if f.T != "INTERACTION_CREATE" || f.S != guild.S+1 || !strings.Contains(string(f.D), `"token":"`+resp.Token+`"`) {
		t.Fatalf("replayed: %+v", f)
	}
	for _, want := range []string{`"permissions":"` + discordtest.MemberPermissions + `"`, `"app_permissions":"`, `"joined_at":"`} {
		if !strings.Contains(string(f.D), want) {
			t.Errorf("INTERACTION_CREATE lacks %s: %s", want, f.D)
		}
	}
	if srv.Resumes() != 1 {
		t.Errorf("resumes = %d", srv.Resumes())
	}

	// A stale session is refused with op 9, so the client identifies again.
	ws3 := dial(t, srv)
	send(t, ws3, 6, map[string]any{"token": "Bot " + srv.Token, "session_id": "stale", "seq": 1})
	if f := read(t, ws3); f.Op != 9 {
		t.Fatalf("stale RESUME: %+v, want op 9", f)
	}
}

func TestGatewayCloseCodes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		identify map[string]any
		code     int
		failure  string
	}{
		{"bad token", map[string]any{"token": "Bot wrong", "intents": 1}, 4004, ""},
		{"privileged intents", map[string]any{"token": "Bot " + discordtest.DefaultToken, "intents": 1 << 15}, 4014, "privileged intents"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := &recorder{TB: t}
			srv := discordtest.NewServer(rec)
			ws := dial(t, srv)
			send(t, ws, 2, tt.identify)
			ws.SetReadDeadline(time.Now().Add(5 * time.Second))
			_, _, err := ws.ReadMessage()
			var ce *websocket.CloseError
			if !errors.As(err, &ce) || ce.Code != tt.code {
				t.Errorf("read after IDENTIFY: %v, want close %d", err, tt.code)
			}
			if f := rec.failures(); tt.failure != "" && !strings.Contains(f, tt.failure) || tt.failure == "" && f != "" {
				t.Errorf("failures = %q, want %q", f, tt.failure)
			}
		})
	}
}
