package bot

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	"github.com/readoutbot/readoutbot/knowledge"
)

func newDigestCommandForTest(tb testing.TB, now time.Time, canPost func(context.Context, string) error) (Command, *DigestStore, *digestMemSource) {
	tb.Helper()
	st := openDigestTestStore(tb, filepath.Join(tb.TempDir(), DigestStoreFile))
	src := &digestMemSource{}
	cmd := NewDigestCommand(DigestCommandOptions{Store: st, Source: src, Now: func() time.Time { return now }, CanPost: canPost})
	return cmd, st, src
}

func digestText(r Reply) string {
	var parts []string
	for _, m := range r.Messages {
		parts = append(parts, m.Content)
	}
	return strings.Join(parts, "\n")
}

func TestDigestCommandDefinition(t *testing.T) {
	cmd, _, _ := newDigestCommandForTest(t, time.Now(), nil)
	def := cmd.Definition
	if def.DefaultMemberPermissions == nil || *def.DefaultMemberPermissions != discordgo.PermissionManageGuild {
		t.Errorf("default_member_permissions = %v, want Manage Server", def.DefaultMemberPermissions)
	}
	if !cmd.Ephemeral {
		t.Error("digest settings replies should be ephemeral")
	}
	var subs []string
	for _, o := range def.Options {
		subs = append(subs, o.Name)
		if len(o.Description) == 0 || len(o.Description) > 100 {
			t.Errorf("%s: description length %d", o.Name, len(o.Description))
		}
	}
	if got := strings.Join(subs, " "); got != "set show preview off" {
		t.Errorf("subcommands = %q", got)
	}
}

func TestDigestCommandFlow(t *testing.T) {
	now := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC) // 19:00 in Tokyo
	cmd, st, src := newDigestCommandForTest(t, now, nil)
	ctx := context.Background()
	admin := Request{Command: "digest", GuildID: "g", ChannelID: "here", UserID: "u", Permissions: discordgo.PermissionManageGuild}

	// A member without Manage Server is refused, whatever Discord showed.
	member := admin
	member.Permissions = discordgo.PermissionSendMessages
	member.Subcommand = "set"
	member.Options = map[string]string{"channel": "c1", "time": "08:00", "timezone": "Asia/Tokyo"}
	r, err := cmd.Handle(ctx, member)
	if err != nil || !strings.Contains(digestText(r), "Manage Server") {
		t.Errorf("non-admin set: %q, %v", digestText(r), err)
	}
	if subs, _ := st.Subscriptions("g"); len(subs) != 0 {
		t.Errorf("non-admin created %d subscriptions", len(subs))
	}

	// Bad values are all reported at once.
	req := admin
	req.Subcommand = "set"
	req.Options = map[string]string{"channel": "c1", "time": "25:00", "timezone": "Mars/Base"}
	r, err = cmd.Handle(ctx, req)
	if err != nil || !strings.Contains(digestText(r), "25:00") || !strings.Contains(digestText(r), "Mars/Base") {
		t.Errorf("bad set: %q, %v", digestText(r), err)
	}

	req.Options = map[string]string{"channel": "c1", "time": "8:00", "timezone": "asia/tokyo", "topic": "climate"}
	r, err = cmd.Handle(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	next := time.Date(2024, 3, 1, 23, 0, 0, 0, time.UTC) // 08:00 on 2 March in Tokyo
	if got := digestText(r); !strings.Contains(got, "08:00 Asia/Tokyo") || !strings.Contains(got, "topic climate") || !strings.Contains(got, fmt.Sprintf("<t:%d:F>", next.Unix())) {
		t.Errorf("set reply = %q", got)
	}
	sub, err := st.Subscription("c1")
	if err != nil || sub.Zone != "Asia/Tokyo" || sub.Time != "08:00" || sub.Topic != "climate" || sub.GuildID != "g" {
		t.Errorf("stored = %+v, %v", sub, err)
	}

	req.Subcommand, req.Options = "show", nil
	r, err = cmd.Handle(ctx, req)
	if err != nil || !strings.Contains(digestText(r), "<#c1>") || !strings.Contains(digestText(r), "Next") {
		t.Errorf("show = %q, %v", digestText(r), err)
	}

	src.add(knowledge.Meeting{ID: "m1", Date: "2024-03-01", Kind: knowledge.KindInPerson, Topics: []string{"climate change"},
		Participants: []knowledge.Participant{{Name: "A B", Title: "Prime Minister", Affiliation: "X"}, {Name: "C D", Title: "President", Affiliation: "Y"}},
		SourceURL:    "https://example.org/m1", Ingested: now.Add(-time.Hour)})
	req.Subcommand, req.Options = "preview", map[string]string{"channel": "c1"}
	r, err = cmd.Handle(ctx, req)
	if err != nil || !r.Ephemeral || !strings.Contains(digestText(r), "A B (X) met C D (Y)") {
		t.Errorf("preview = %q (ephemeral %v), %v", digestText(r), r.Ephemeral, err)
	}

	// A pause is told to the admin once, on their next /digest.
	if err := st.Pause("c1", "403 Forbidden", now); err != nil {
		t.Fatal(err)
	}
	req.Subcommand, req.Options = "show", nil
	r, _ = cmd.Handle(ctx, req)
	if !strings.Contains(digestText(r), "paused") || !strings.Contains(digestText(r), "403 Forbidden") {
		t.Errorf("pause not told: %q", digestText(r))
	}
	r, _ = cmd.Handle(ctx, req)
	if strings.Contains(digestText(r), "is paused:") {
		t.Errorf("pause told twice: %q", digestText(r))
	}

	req.Subcommand, req.Options = "off", map[string]string{"channel": "c1"}
	r, err = cmd.Handle(ctx, req)
	if err != nil || !strings.Contains(digestText(r), "off") {
		t.Errorf("off = %q, %v", digestText(r), err)
	}
	if _, err := st.Subscription("c1"); !errors.Is(err, ErrNoSubscription) {
		t.Errorf("after off: %v", err)
	}
	// Another server cannot stop or preview this server's digests.
	if _, err := cmd.Handle(ctx, Request{Subcommand: "set", GuildID: "g", Permissions: discordgo.PermissionAdministrator,
		Options: map[string]string{"channel": "c2", "time": "07:00", "timezone": "UTC"}}); err != nil {
		t.Fatal(err)
	}
	r, _ = cmd.Handle(ctx, Request{Subcommand: "off", GuildID: "other", Permissions: discordgo.PermissionManageGuild, Options: map[string]string{"channel": "c2"}})
	if _, err := st.Subscription("c2"); err != nil {
		t.Errorf("another server turned off c2: %q", digestText(r))
	}
}

func TestDigestCommandCannotPost(t *testing.T) {
	cmd, st, _ := newDigestCommandForTest(t, time.Now(), func(_ context.Context, ch string) error {
		return errors.New("missing Send Messages")
	})
	r, err := cmd.Handle(context.Background(), Request{Subcommand: "set", GuildID: "g", Permissions: discordgo.PermissionManageGuild,
		Options: map[string]string{"channel": "c1", "time": "08:00", "timezone": "UTC"}})
	if err != nil || !strings.Contains(digestText(r), "cannot post in <#c1>") {
		t.Errorf("reply = %q, %v", digestText(r), err)
	}
	if _, err := st.Subscription("c1"); !errors.Is(err, ErrNoSubscription) {
		t.Errorf("subscription saved for a channel the bot cannot post in")
	}
}

func TestDigestZoneChoices(t *testing.T) {
	for _, tc := range []struct {
		typed, first string
	}{
		{"asia/tok", "Asia/Tokyo"},
		{"tokyo", "Asia/Tokyo"},
		{"kolkata", "Asia/Kolkata"},
		{"new york", "America/New_York"},
	} {
		got := zoneChoices(tc.typed)
		if len(got) == 0 || got[0].Name != tc.first {
			t.Errorf("zoneChoices(%q) first = %v, want %s", tc.typed, got, tc.first)
		}
	}
	if got := zoneChoices(""); len(got) != maxDigestChoices {
		t.Errorf("empty prefix gives %d choices, want %d", len(got), maxDigestChoices)
	}
	for _, z := range digestZones {
		if _, err := time.LoadLocation(z); err != nil {
			t.Errorf("listed zone %s does not load: %v", z, err)
		}
	}
}

func TestParseDigestTime(t *testing.T) {
	for in, want := range map[string]string{"8:00": "08:00", "08:00": "08:00", "0000": "00:00", "23:59": "23:59"} {
		if got, err := parseDigestTime(in); err != nil || got != want {
			t.Errorf("parseDigestTime(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"24:00", "8", "8:0", "noon", "-1:00", "12:60"} {
		if _, err := parseDigestTime(in); err == nil {
			t.Errorf("parseDigestTime(%q) accepted", in)
		}
	}
}
