package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readoutbot/readoutbot/knowledge"
)

func TestAdminCommandsDefinition(t *testing.T) {
	t.Parallel()
	if got := AdminCommands(AdminOptions{}); len(got) != 0 {
		t.Errorf("with nothing to serve, %d admin commands", len(got))
	}
	cmds := AdminCommands(AdminOptions{Ingester: stubIngester{}, Health: stubHealth{}})
	var names []string
	for _, c := range cmds {
		names = append(names, c.Definition.Name)
		d := c.Definition
		if d.DefaultMemberPermissions == nil || *d.DefaultMemberPermissions != discordgo.PermissionManageGuild {
			t.Errorf("/%s: default_member_permissions %v, want Manage Server", d.Name, d.DefaultMemberPermissions)
		}
		if d.Contexts == nil || len(*d.Contexts) != 1 || (*d.Contexts)[0] != discordgo.InteractionContextGuild {
			t.Errorf("/%s: not guild-only", d.Name)
		}
		if !c.Ephemeral {
			t.Errorf("/%s: admin replies should be private", d.Name)
		}
	}
	if got := strings.Join(names, " "); got != "ingest sources" {
		t.Errorf("commands %q", got)
	}
}

type stubIngester struct {
	m   knowledge.Meeting
	err error
}

func (s stubIngester) IngestURL(context.Context, string) (knowledge.Meeting, error) {
	return s.m, s.err
}

type stubHealth []SourceHealth

func (s stubHealth) Health(context.Context) ([]SourceHealth, error) { return s, nil }

func TestAdminPermissionChecked(t *testing.T) {
	t.Parallel()
	cmds := AdminCommands(AdminOptions{Ingester: stubIngester{m: knowledge.Meeting{ID: "abc", Title: "A call"}}, Health: stubHealth{}})
	tests := []struct {
		name    string
		guild   string
		perms   int64
		allowed bool
	}{
		{"member", "1", discordgo.PermissionSendMessages, false},
		{"manage server", "1", discordgo.PermissionManageGuild, true},
		{"administrator", "1", discordgo.PermissionAdministrator, true},
		{"direct message", "", discordgo.PermissionManageGuild, false},
	}
	for _, tt := range tests {
		for _, c := range cmds {
			req := Request{Command: c.Definition.Name, GuildID: tt.guild, Permissions: tt.perms,
				Options: map[string]string{"url": "https://example.org/readout"}}
			_, err := c.Handle(t.Context(), req)
			var ue *userError
			if refused := errors.As(err, &ue); refused == tt.allowed {
				t.Errorf("%s /%s: err %v, allowed %v", tt.name, c.Definition.Name, err, tt.allowed)
			}
		}
	}
}

func TestIngestReasonsAreFriendly(t *testing.T) {
	t.Parallel()
	generic, _ := friendly(errors.New("boom"))
	for _, err := range []error{knowledge.ErrNotReadout, knowledge.ErrTooLarge, knowledge.ErrEmpty,
		ErrFetchBlocked, ErrFetchRedirects, ErrFetchUnsupported, ErrFetchBackOff, ErrFetchUnreachable,
		&FetchStatusError{Code: 404}} {
		msg, expected := friendly(fmt.Errorf("ingest https://example.org/x: %w", err))
		if msg == generic || !expected {
			t.Errorf("%v: got the generic message %q", err, msg)
		}
		if strings.Contains(msg, "example.org") {
			t.Errorf("%v: the friendly words repeat the raw error: %q", err, msg)
		}
	}
	if msg := mustFriendly(fmt.Errorf("x: %w", &FetchStatusError{Code: 404})); !strings.Contains(msg, "404 (Not Found)") {
		t.Errorf("status message %q", msg)
	}
}

func TestIngestRefusesOddAddresses(t *testing.T) {
	t.Parallel()
	cmd := AdminCommands(AdminOptions{Ingester: stubIngester{err: errors.New("must not be called")}})[0]
	for _, u := range []string{"", "example.org/readout", "file:///etc/passwd", "ftp://example.org/x", "https://"} {
		_, err := cmd.Handle(t.Context(), Request{Command: "ingest", GuildID: "1", Permissions: discordgo.PermissionManageGuild,
			Options: map[string]string{"url": u}})
		var ue *userError
		if !errors.As(err, &ue) || !strings.Contains(ue.msg, "https://") {
			t.Errorf("%q: err %v", u, err)
		}
	}
}

func TestSourceHealthWithinLimits(t *testing.T) {
	t.Parallel()
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	var hs []SourceHealth
	for i := range 70 {
		h := SourceHealth{
			Name: fmt.Sprintf("Ministry %d @everyone %s", i, strings.Repeat("x", 300)), URL: fmt.Sprintf("https://example.org/feed/%d.xml", i),
			Kind: "feed", Interval: time.Hour, LastFetch: now.Add(-time.Hour), LastSuccess: now.Add(-time.Hour), Items: i,
			LastError: strings.Repeat("connection reset by peer; ", 80), LastErrorAt: now.Add(-2 * time.Hour),
		}
		if i == 65 {
			h.Flagged, h.Failures, h.Reason = true, 5, "failed 5 times in a row"
		}
		hs = append(hs, h)
	}
	r := renderSourceHealth(hs, now)
	checkLimits(t, r)
	got := text(toMessages(r)...)
	if !strings.Contains(got, "70 sources, **1 flagged**") || !strings.Contains(got, "Showing the first 40") {
		t.Errorf("summary:\n%.300s", got)
	}
	if i := strings.Index(got, "FLAGGED: Ministry 65"); i < 0 || i > strings.Index(got, "Ministry 0 ") {
		t.Error("the flagged source is not listed first")
	}
	if strings.Contains(got, "@everyone") {
		t.Error("a source name can mention everyone")
	}
	if r := renderSourceHealth(nil, now); !strings.Contains(text(toMessages(r)...), "No sources are configured") {
		t.Errorf("no sources: %q", text(toMessages(r)...))
	}
}

// toMessages makes a reply's messages look as Discord shows them, for text.
func toMessages(r Reply) []*discordgo.Message {
	var out []*discordgo.Message
	for _, m := range r.Messages {
		out = append(out, &discordgo.Message{Content: m.Content, Embeds: m.Embeds})
	}
	return out
}

// sentPoster records what SourceAlerts posts.
type sentPoster struct {
	mu   sync.Mutex
	sent []string
	err  error
}

func (p *sentPoster) Send(_ context.Context, channelID, content string) (string, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.err != nil {
		return "", p.err
	}
	p.sent = append(p.sent, channelID+": "+content)
	return fmt.Sprint(len(p.sent)), nil
}

func TestSourceAlertsPostOnce(t *testing.T) {
	t.Parallel()
	p := &sentPoster{}
	a := &SourceAlerts{Channel: "42", Poster: p}
	flagged := SourceHealth{Name: "Press <@123>", URL: "https://example.org/feed.xml", Flagged: true, Reason: "failed 5 times in a row: http status 503"}
	for range 3 {
		if err := a.Notify(t.Context(), flagged); err != nil {
			t.Fatal(err)
		}
	}
	recovered := flagged
	recovered.Flagged = false
	if err := a.Notify(t.Context(), recovered); err != nil {
		t.Fatal(err)
	}
	if len(p.sent) != 2 {
		t.Fatalf("posted %d notices, want 2 (flagged once, recovered once):\n%s", len(p.sent), strings.Join(p.sent, "\n"))
	}
	if !strings.HasPrefix(p.sent[0], "42: ") || !strings.Contains(p.sent[0], "503") || !strings.Contains(p.sent[1], "works again") {
		t.Errorf("notices:\n%s", strings.Join(p.sent, "\n"))
	}
	if strings.Contains(p.sent[0], "<@123>") {
		t.Errorf("a source name can mention a user: %s", p.sent[0])
	}

	// A failed post is reported (the poller logs it) and not counted as
	// posted.
	failing := &sentPoster{err: ErrChannelUnavailable}
	b := &SourceAlerts{Channel: "42", Poster: failing}
	if err := b.Notify(t.Context(), flagged); !errors.Is(err, ErrChannelUnavailable) {
		t.Errorf("failed post: err %v", err)
	}
	failing.err = nil
	if err := b.Notify(t.Context(), flagged); err != nil || len(failing.sent) != 1 {
		t.Errorf("after a failed post the notice should still go out: err %v, sent %d", err, len(failing.sent))
	}
}

func TestSourceAlertsWithoutChannelLogOnly(t *testing.T) {
	t.Parallel()
	logs := &logBuffer{}
	p := &sentPoster{}
	a := &SourceAlerts{Poster: p, Logger: slog.New(slog.NewTextHandler(logs, nil))}
	if err := a.Notify(t.Context(), SourceHealth{Name: "Press", Flagged: true, Reason: "nothing new for 40d"}); err != nil {
		t.Fatal(err)
	}
	if len(p.sent) != 0 {
		t.Errorf("posted without a channel: %v", p.sent)
	}
	if got := logs.String(); !strings.Contains(got, "source=Press") || !strings.Contains(got, "READOUTBOT_ADMIN_CHANNEL") {
		t.Errorf("log:\n%s", got)
	}
}

func TestAdminChannelConfig(t *testing.T) {
	t.Parallel()
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	c, err := ParseConfig(env(map[string]string{"DISCORD_TOKEN": "t", "READOUTBOT_ADMIN_CHANNEL": " <#1200000000000000099> "}))
	if err != nil || c.AdminChannel != "1200000000000000099" {
		t.Errorf("channel mention: %q, %v", c.AdminChannel, err)
	}
	if c, err := ParseConfig(env(map[string]string{"DISCORD_TOKEN": "t"})); err != nil || c.AdminChannel != "" {
		t.Errorf("unset: %q, %v", c.AdminChannel, err)
	}
	_, err = ParseConfig(env(map[string]string{"READOUTBOT_ADMIN_CHANNEL": "#admins"}))
	if err == nil || !strings.Contains(err.Error(), "READOUTBOT_ADMIN_CHANNEL") || !strings.Contains(err.Error(), "DISCORD_TOKEN") {
		t.Errorf("a bad channel and no token should both be reported: %v", err)
	}
}
