package discordtest_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"github.com/readoutbot/readoutbot/bot/discordtest"
)

// rewrite sends discord.com requests to the fake instead.
type rewrite struct {
	base *url.URL
	next http.RoundTripper
}

func (rt rewrite) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Scheme = rt.base.Scheme
	r.URL.Host = rt.base.Host
	r.Host = rt.base.Host
	return rt.next.RoundTrip(r)
}

// newSession is a real discordgo session pointed at srv, closed when the test ends.
func newSession(t *testing.T, srv *discordtest.Server) *discordgo.Session {
	t.Helper()
	dg, err := discordgo.New("Bot " + srv.Token)
	if err != nil {
		t.Fatal(err)
	}
	base, err := url.Parse(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	dg.Client = &http.Client{Transport: rewrite{base: base, next: http.DefaultTransport}, Timeout: 10 * time.Second}
	dg.Identify.Intents = discordgo.IntentsGuilds
	dg.LogLevel = -1
	return dg
}

// open connects dg and closes it when the test ends (before the fake closes).
func open(t *testing.T, dg *discordgo.Session) {
	t.Helper()
	if err := dg.Open(); err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() {
		dg.ShouldReconnectOnError = false
		dg.Close()
	})
}

var allowNone = &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}

// echo answers every command with its name and first option value.
func echo(s *discordgo.Session, i *discordgo.InteractionCreate) {
	if i.Type != discordgo.InteractionApplicationCommand {
		return
	}
	d := i.ApplicationCommandData()
	text := d.Name
	if len(d.Options) > 0 {
		text += ": " + fmt.Sprint(d.Options[0].Value)
	}
	err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
		Type: discordgo.InteractionResponseChannelMessageWithSource,
		Data: &discordgo.InteractionResponseData{Content: text, AllowedMentions: allowNone},
	})
	if err != nil {
		panic(fmt.Sprintf("respond: %v", err)) // the test's Wait would time out; make it loud
	}
}

func TestOpenReady(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	dg := newSession(t, srv)
	ready := make(chan *discordgo.Ready, 1)
	dg.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) { ready <- r })
	open(t, dg)
	select {
	case r := <-ready:
		if r.User == nil || r.User.ID != srv.AppID || !r.User.Bot {
			t.Errorf("READY user = %+v, want bot %s", r.User, srv.AppID)
		}
		if r.Application == nil || r.Application.ID != srv.AppID {
			t.Errorf("READY application = %+v, want %s", r.Application, srv.AppID)
		}
		// Only the length: discordgo's state overwrites *r.Guilds[0] when
		// GUILD_CREATE follows, so reading its fields here is a data race.
		if len(r.Guilds) != 1 {
			t.Errorf("READY has %d guilds, want 1", len(r.Guilds))
		}
		if r.SessionID == "" {
			t.Error("READY without session_id")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("no READY")
	}
	if got := srv.Identifies(); got != 1 {
		t.Errorf("identifies = %d, want 1", got)
	}
	me, err := dg.User("@me")
	if err != nil || me.ID != srv.AppID {
		t.Errorf("GET /users/@me = %+v, %v", me, err)
	}
}

func TestCommandRegistration(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	dg := newSession(t, srv)
	manage := int64(discordgo.PermissionManageGuild)
	cmds := []*discordgo.ApplicationCommand{
		{Name: "ask", Description: "Ask the readouts", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "question", Description: "What to ask", Required: true},
		}},
		{Name: "admin", Description: "Admin things", DefaultMemberPermissions: &manage},
	}
	got, err := dg.ApplicationCommandBulkOverwrite(srv.AppID, srv.GuildID, cmds)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID == "" || got[1].ID == "" || got[0].GuildID != srv.GuildID {
		t.Fatalf("overwrite returned %+v", got)
	}
	// A second overwrite keeps ids of commands with the same name and drops the rest.
	again, err := dg.ApplicationCommandBulkOverwrite(srv.AppID, srv.GuildID, cmds[:1])
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 1 || again[0].ID != got[0].ID {
		t.Errorf("second overwrite = %+v, want ask with id %s", again, got[0].ID)
	}
	stored := srv.GuildCommands(srv.GuildID)
	if len(stored) != 1 || stored[0].Name != "ask" || stored[0].Options[0].Name != "question" {
		t.Errorf("GuildCommands = %+v", stored)
	}
	if len(srv.Commands()) != 0 {
		t.Errorf("global commands = %v, want none", srv.Commands())
	}
}

func TestInteractionRoundTrip(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	dg := newSession(t, srv)
	got := make(chan *discordgo.InteractionCreate, 1)
	dg.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		got <- i
		echo(s, i)
	})
	open(t, dg)

	resp := srv.Interact(t, discordtest.Command("ask", discordtest.Opt("question", "who met whom?")).WithPermissions(discordtest.AdminPermissions))
	rep := resp.Wait(t, 5*time.Second)
	if rep.Callback.Type != discordgo.InteractionResponseChannelMessageWithSource {
		t.Errorf("callback type = %d, want 4", rep.Callback.Type)
	}
	if rep.Original == nil || rep.Original.Content != "ask: who met whom?" {
		t.Errorf("original = %+v", rep.Original)
	}
	i := <-got
	if i.Member == nil || i.Member.Permissions&discordgo.PermissionManageGuild == 0 || i.Member.User.ID != srv.UserID {
		t.Errorf("member = %+v, want user %s with Manage Guild", i.Member, srv.UserID)
	}
	if i.AppPermissions == 0 || i.GuildID != srv.GuildID || i.ChannelID != srv.ChannelID || i.Token != resp.Token {
		t.Errorf("interaction = %+v", i.Interaction)
	}
}

func TestDeferEditFollowup(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	dg := newSession(t, srv)
	dg.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		if err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
		}); err != nil {
			panic(err)
		}
		text := "done"
		if _, err := s.InteractionResponseEdit(i.Interaction, &discordgo.WebhookEdit{
			Content: &text, AllowedMentions: allowNone,
			Embeds: &[]*discordgo.MessageEmbed{{Title: "Result", Description: "It worked."}},
		}); err != nil {
			panic(err)
		}
		if _, err := s.FollowupMessageCreate(i.Interaction, true, &discordgo.WebhookParams{
			Content: "more", AllowedMentions: allowNone, Flags: discordgo.MessageFlagsEphemeral,
		}); err != nil {
			panic(err)
		}
	})
	open(t, dg)
	resp := srv.Interact(t, discordtest.Command("slow"))
	rep := resp.WaitFollowups(t, 1, 5*time.Second)
	if !rep.Deferred() || len(rep.Edits) != 1 {
		t.Fatalf("reply = %+v", rep)
	}
	if rep.Original.Content != "done" || rep.Original.Flags != 0 || len(rep.Original.Embeds) != 1 || rep.Original.Embeds[0].Title != "Result" {
		t.Errorf("original = %+v", rep.Original)
	}
	if rep.Followups[0].Content != "more" || rep.Followups[0].Flags&discordgo.MessageFlagsEphemeral == 0 {
		t.Errorf("follow-up = %+v", rep.Followups[0])
	}
}

func TestAutocompleteAndClick(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	dg := newSession(t, srv)
	dg.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		var r discordgo.InteractionResponse
		switch i.Type {
		case discordgo.InteractionApplicationCommandAutocomplete:
			var focused string
			for _, o := range i.ApplicationCommandData().Options[0].Options {
				if o.Focused {
					focused = o.StringValue()
				}
			}
			r.Type = discordgo.InteractionApplicationCommandAutocompleteResult
			r.Data = &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{{Name: focused + "-1", Value: focused + "-1"}}}
		case discordgo.InteractionApplicationCommand:
			r.Type = discordgo.InteractionResponseChannelMessageWithSource
			r.Data = &discordgo.InteractionResponseData{Content: "page 1", AllowedMentions: allowNone, Components: []discordgo.MessageComponent{
				discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.Button{Label: "Next", Style: discordgo.PrimaryButton, CustomID: "page:2"}}},
			}}
		case discordgo.InteractionMessageComponent:
			if i.MessageComponentData().CustomID == "page:3" {
				if err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}); err != nil {
					panic(err)
				}
				text := "page 3"
				if _, err := s.InteractionResponseEdit(i.Interaction, &discordgo.WebhookEdit{Content: &text, AllowedMentions: allowNone}); err != nil {
					panic(err)
				}
				return
			}
			r.Type = discordgo.InteractionResponseUpdateMessage
			r.Data = &discordgo.InteractionResponseData{Content: "page 2 from " + i.MessageComponentData().CustomID + " on " + i.Message.ID, AllowedMentions: allowNone}
		}
		if err := s.InteractionRespond(i.Interaction, &r); err != nil {
			panic(err)
		}
	})
	open(t, dg)

	ac := srv.Interact(t, discordtest.Autocomplete("meetings", discordtest.Sub("by", discordtest.Opt("country", "x"), discordtest.Focus("person", "ana")))).Wait(t, 5*time.Second)
	if len(ac.Callback.Choices) != 1 || ac.Callback.Choices[0].Name != "ana-1" {
		t.Errorf("choices = %+v", ac.Callback.Choices)
	}
	first := srv.Interact(t, discordtest.Command("meetings")).Wait(t, 5*time.Second)
	if first.Original == nil || len(first.Original.Components) != 1 {
		t.Fatalf("first page = %+v", first.Original)
	}
	next := srv.Interact(t, discordtest.Click("page:2").On(first.Original)).Wait(t, 5*time.Second)
	want := "page 2 from page:2 on " + first.Original.ID
	if next.Callback.Type != discordgo.InteractionResponseUpdateMessage || next.Original == nil || next.Original.Content != want {
		t.Errorf("after click: %+v, want content %q", next.Original, want)
	}
	third := srv.Interact(t, discordtest.Click("page:3")).WaitEdit(t, 1, 5*time.Second)
	if !third.Deferred() || third.Original.Content != "page 3" {
		t.Errorf("deferred update then edit: %+v", third.Original)
	}
}

func TestReconnectResumes(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	dg := newSession(t, srv)
	dg.AddHandler(echo)
	open(t, dg)
	srv.Interact(t, discordtest.Command("before")).Wait(t, 5*time.Second)

	srv.Reconnect()
	if srv.Resumes() != 1 || srv.Identifies() != 1 {
		t.Errorf("after op 7: resumes %d identifies %d, want 1 and 1", srv.Resumes(), srv.Identifies())
	}
	rep := srv.Interact(t, discordtest.Command("after")).Wait(t, 5*time.Second)
	if rep.Original.Content != "after" {
		t.Errorf("after reconnect: %+v", rep.Original)
	}

	srv.DropConnection()
	if srv.Resumes() != 2 {
		t.Errorf("after drop: resumes %d, want 2", srv.Resumes())
	}
	rep = srv.Interact(t, discordtest.Command("dropped")).Wait(t, 5*time.Second)
	if rep.Original.Content != "dropped" {
		t.Errorf("after drop: %+v", rep.Original)
	}
}

func TestDispatchDuringOutageIsDelivered(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	dg := newSession(t, srv)
	dg.AddHandler(echo)
	// Dispatched before the client connects: held until READY.
	resp := srv.Interact(t, discordtest.Command("early"))
	open(t, dg)
	if rep := resp.Wait(t, 5*time.Second); rep.Original.Content != "early" {
		t.Errorf("early: %+v", rep.Original)
	}
}

func TestRateLimitedCallbackIsRetried(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	dg := newSession(t, srv)
	dg.AddHandler(echo)
	open(t, dg)
	srv.RateLimitNext("POST", "/interactions/*/*/callback", 1)
	rep := srv.Interact(t, discordtest.Command("limited")).Wait(t, 5*time.Second)
	if rep.Original.Content != "limited" {
		t.Errorf("reply = %+v", rep.Original)
	}
	var statuses []int
	for _, r := range srv.Requests() {
		if discordtest.Route("POST", "/interactions/*/*/callback")(r) {
			statuses = append(statuses, r.Status)
		}
	}
	if fmt.Sprint(statuses) != "[429 204]" {
		t.Errorf("callback statuses = %v, want [429 204]", statuses)
	}
}

func TestChannelMessages(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	dg := newSession(t, srv)
	old := srv.AddMessage(srv.ChannelID, &discordgo.Message{Content: "digest 1"})
	m, err := dg.ChannelMessageSendComplex(srv.ChannelID, &discordgo.MessageSend{Content: "digest 2", AllowedMentions: allowNone})
	if err != nil {
		t.Fatal(err)
	}
	if m.ID == "" || m.Author.ID != srv.AppID || m.Timestamp.IsZero() {
		t.Errorf("sent = %+v", m)
	}
	recent, err := dg.ChannelMessages(srv.ChannelID, 10, "", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(recent) != 2 || recent[0].ID != m.ID || recent[1].ID != old.ID {
		t.Errorf("recent = %v, want newest first [%s %s]", recent, m.ID, old.ID)
	}

	srv.Forbid("555")
	srv.Delete("666")
	_, err = dg.ChannelMessageSendComplex("555", &discordgo.MessageSend{Content: "x", AllowedMentions: allowNone})
	var rerr *discordgo.RESTError
	if !errors.As(err, &rerr) || rerr.Response.StatusCode != 403 || rerr.Message.Code != 50001 {
		t.Errorf("forbidden channel: %v", err)
	}
	_, err = dg.ChannelMessageSendComplex("666", &discordgo.MessageSend{Content: "x", AllowedMentions: allowNone})
	if !errors.As(err, &rerr) || rerr.Response.StatusCode != 404 || rerr.Message.Code != 10003 {
		t.Errorf("deleted channel: %v", err)
	}
	if n := len(srv.Messages(srv.ChannelID)); n != 2 {
		t.Errorf("messages = %d, want 2", n)
	}
}

// recorder is a testing.TB that keeps failures instead of failing the test,
// so tests can check that the fake reports what it should.
type recorder struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

func (r *recorder) Error(args ...any) { r.Errorf("%s", fmt.Sprint(args...)) }

func (r *recorder) Helper() {}

func (r *recorder) failures() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return strings.Join(r.errs, "\n")
}

func TestUnknownRequestFails(t *testing.T) {
	t.Parallel()
	rec := &recorder{TB: t}
	srv := discordtest.NewServer(rec)
	dg := newSession(t, srv)
	_, err := dg.Request("GET", discordgo.EndpointAPI+"voice/regions/nope", nil)
	var rerr *discordgo.RESTError
	if !errors.As(err, &rerr) || rerr.Response.StatusCode != 404 {
		t.Errorf("unknown request: err = %v, want 404", err)
	}
	if f := rec.failures(); !strings.Contains(f, "unknown request GET /api/v9/voice/regions/nope") {
		t.Errorf("failures = %q", f)
	}
}

func TestViolationsAreRejected(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("x", 4097)
	tests := []struct {
		name string
		data *discordgo.InteractionResponseData
		want string
	}{
		{"embed description too long", &discordgo.InteractionResponseData{AllowedMentions: allowNone, Embeds: []*discordgo.MessageEmbed{{Title: "t", Description: long}}}, "description is 4097 characters"},
		{"no allowed_mentions", &discordgo.InteractionResponseData{Content: "@everyone hi"}, "allowed_mentions missing"},
		{"mentions allowed", &discordgo.InteractionResponseData{Content: "hi", AllowedMentions: &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{discordgo.AllowedMentionTypeEveryone}}}, "allows pings"},
		{"content too long", &discordgo.InteractionResponseData{Content: strings.Repeat("é", 2001), AllowedMentions: allowNone}, "content is 2001 characters"},
		{"too many embeds total", &discordgo.InteractionResponseData{AllowedMentions: allowNone, Embeds: []*discordgo.MessageEmbed{{Description: long[:4000]}, {Description: long[:2001]}}}, "6001 characters in all"},
		{"custom_id too long", &discordgo.InteractionResponseData{Content: "x", AllowedMentions: allowNone, Components: []discordgo.MessageComponent{
			discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.Button{Label: "b", Style: discordgo.PrimaryButton, CustomID: long[:101]}}},
		}}, "custom_id is 101 characters"},
		{"empty message", &discordgo.InteractionResponseData{AllowedMentions: allowNone}, "empty message"},
		{"bad embed timestamp", &discordgo.InteractionResponseData{AllowedMentions: allowNone, Embeds: []*discordgo.MessageEmbed{{Title: "t", Timestamp: "2024-05-01"}}}, "is not ISO 8601"},
		{"too many fields", &discordgo.InteractionResponseData{AllowedMentions: allowNone, Embeds: []*discordgo.MessageEmbed{{Title: "t", Fields: fields(26)}}}, "26 fields, limit 25"},
		{"six action rows", &discordgo.InteractionResponseData{Content: "x", AllowedMentions: allowNone, Components: rows(6, 1)}, "6 action rows, limit 5"},
		{"six buttons in a row", &discordgo.InteractionResponseData{Content: "x", AllowedMentions: allowNone, Components: rows(1, 6)}, "has 6 components, limit 5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := &recorder{TB: t}
			srv := discordtest.NewServer(rec)
			dg := newSession(t, srv)
			errs := make(chan error, 2)
			dg.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
				errs <- s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: tt.data})
				// The rejected callback left the interaction unanswered; answer properly.
				errs <- s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &discordgo.InteractionResponseData{Content: "ok", AllowedMentions: allowNone}})
			})
			open(t, dg)
			srv.Interact(t, discordtest.Command("bad")).Wait(t, 5*time.Second)
			var rerr *discordgo.RESTError
			if err := <-errs; !errors.As(err, &rerr) || rerr.Response.StatusCode != 400 {
				t.Errorf("bad callback: err = %v, want 400", err)
			}
			if err := <-errs; err != nil {
				t.Errorf("good callback: %v", err)
			}
			if f := rec.failures(); !strings.Contains(f, tt.want) {
				t.Errorf("failures = %q, want one containing %q", f, tt.want)
			}
		})
	}
}

func fields(n int) []*discordgo.MessageEmbedField {
	var out []*discordgo.MessageEmbedField
	for i := range n {
		out = append(out, &discordgo.MessageEmbedField{Name: fmt.Sprint("f", i), Value: "v"})
	}
	return out
}

func rows(n, per int) []discordgo.MessageComponent {
	var out []discordgo.MessageComponent
	for i := range n {
		var row discordgo.ActionsRow
		for j := range per {
			row.Components = append(row.Components, discordgo.Button{Label: "b", Style: discordgo.SecondaryButton, CustomID: fmt.Sprint("b", i, j)})
		}
		out = append(out, row)
	}
	return out
}

func TestSecondCallbackAndLateCallback(t *testing.T) {
	t.Parallel()
	rec := &recorder{TB: t}
	srv := discordtest.NewServer(rec)
	srv.CallbackDeadline = time.Second
	dg := newSession(t, srv)
	errs := make(chan error, 3)
	dg.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		r := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: &discordgo.InteractionResponseData{Content: "x", AllowedMentions: allowNone}}
		if i.ApplicationCommandData().Name == "late" {
			time.Sleep(1500 * time.Millisecond)
			errs <- s.InteractionRespond(i.Interaction, r)
			return
		}
		errs <- s.InteractionRespond(i.Interaction, r)
		errs <- s.InteractionRespond(i.Interaction, r)
	})
	open(t, dg)
	srv.Interact(t, discordtest.Command("twice")).Wait(t, 5*time.Second)
	<-errs
	var rerr *discordgo.RESTError
	if err := <-errs; !errors.As(err, &rerr) || rerr.Message.Code != 40060 {
		t.Errorf("second callback: %v, want 40060", err)
	}
	late := srv.Interact(t, discordtest.Command("late"))
	if err := <-errs; !errors.As(err, &rerr) || rerr.Message.Code != 10062 {
		t.Errorf("late callback: %v, want 10062", err)
	}
	late.AllowUnanswered()
	f := rec.failures()
	for _, want := range []string{"second callback", "got no response within 1s", "past Discord's 1s deadline"} {
		if !strings.Contains(f, want) {
			t.Errorf("failures = %q, want %q", f, want)
		}
	}
}

func TestBadCommandsRejected(t *testing.T) {
	t.Parallel()
	rec := &recorder{TB: t}
	srv := discordtest.NewServer(rec)
	dg := newSession(t, srv)
	_, err := dg.ApplicationCommandBulkOverwrite(srv.AppID, "", []*discordgo.ApplicationCommand{
		{Name: "Ask", Description: "x"},
		{Name: "positions", Description: strings.Repeat("d", 101)},
	})
	if err == nil {
		t.Fatal("bad commands accepted")
	}
	f := rec.failures()
	for _, want := range []string{`name "Ask" must be`, "description is 101 characters"} {
		if !strings.Contains(f, want) {
			t.Errorf("failures = %q, want %q", f, want)
		}
	}
}

func TestOptionsFollowRegistration(t *testing.T) {
	t.Parallel()
	rec := &recorder{TB: t}
	srv := discordtest.NewServer(rec)
	dg := newSession(t, srv)
	_, err := dg.ApplicationCommandBulkOverwrite(srv.AppID, srv.GuildID, []*discordgo.ApplicationCommand{
		{Name: "meetings", Description: "List meetings", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "person", Description: "Who", Required: true},
			{Type: discordgo.ApplicationCommandOptionNumber, Name: "limit", Description: "How many"},
		}},
	})
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan *discordgo.InteractionCreate, 2)
	dg.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		got <- i
		echo(s, i)
	})
	open(t, dg)
	srv.Interact(t, discordtest.Command("meetings", discordtest.Opt("person", "Ana"), discordtest.Opt("limit", 5))).Wait(t, 5*time.Second)
	i := <-got
	if o := i.ApplicationCommandData().Options; len(o) != 2 || o[1].Type != discordgo.ApplicationCommandOptionNumber || o[1].FloatValue() != 5 {
		t.Errorf("options = %+v, want limit as a number", o)
	}
	if i.ApplicationCommandData().ID != srv.GuildCommands(srv.GuildID)[0].ID {
		t.Errorf("command id %s is not the registered one", i.ApplicationCommandData().ID)
	}
	if f := rec.failures(); f != "" {
		t.Fatalf("unexpected failures: %s", f)
	}
	srv.Interact(t, discordtest.Command("meetings", discordtest.Opt("limit", "x"), discordtest.Opt("country", "y"))).Wait(t, 5*time.Second)
	srv.Interact(t, discordtest.Command("renamed")).Wait(t, 5*time.Second)
	f := rec.failures()
	for _, want := range []string{`"/meetings country" is not registered`, `"/meetings limit" is a number`, `required option "/meetings person" is missing`, "command /renamed is not registered (registered: /meetings)"} {
		if !strings.Contains(f, want) {
			t.Errorf("failures = %q, want %q", f, want)
		}
	}
}

func TestClickNeedsButtonOnMessage(t *testing.T) {
	t.Parallel()
	rec := &recorder{TB: t}
	srv := discordtest.NewServer(rec)
	msg := srv.AddMessage(srv.ChannelID, &discordgo.Message{Content: "page", Components: []discordgo.MessageComponent{
		discordgo.ActionsRow{Components: []discordgo.MessageComponent{discordgo.Button{Label: "Next", CustomID: "next"}}},
	}})
	r := srv.Interact(t, discordtest.Click("nope").On(msg))
	r.AllowUnanswered()
	if f := rec.failures(); !strings.Contains(f, `custom_id "nope" is not on message`) {
		t.Errorf("failures = %q", f)
	}
}

func TestFilesAndDM(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	dg := newSession(t, srv)
	got := make(chan *discordgo.InteractionCreate, 1)
	dg.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		got <- i
		err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{
				Content: "see file", AllowedMentions: allowNone,
				Files: []*discordgo.File{{Name: "readout.txt", ContentType: "text/plain", Reader: strings.NewReader("text")}},
			},
		})
		if err != nil {
			panic(err)
		}
	})
	open(t, dg)
	rep := srv.Interact(t, discordtest.Command("export").InDM()).Wait(t, 5*time.Second)
	if rep.Original.Content != "see file" {
		t.Errorf("original = %+v", rep.Original)
	}
	req := srv.WaitRequest(t, discordtest.Route("POST", "/interactions/*/*/callback"), time.Second)
	if len(req.Files) != 1 || req.Files[0] != "readout.txt" {
		t.Errorf("files = %v", req.Files)
	}
	if i := <-got; i.User == nil || i.Member != nil || i.GuildID != "" {
		t.Errorf("DM interaction: user %v member %v guild %q", i.User, i.Member, i.GuildID)
	}
}

func TestFirstFollowupResolvesDeferral(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	dg := newSession(t, srv)
	dg.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		private := i.ApplicationCommandData().Name == "private"
		var flags discordgo.MessageFlags
		if private {
			flags = discordgo.MessageFlagsEphemeral
		}
		if err := s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
			Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Flags: flags},
		}); err != nil {
			panic(err)
		}
		// Ask for the opposite visibility: Discord ignores it on the first follow-up.
		for _, text := range []string{"first", "second"} {
			if _, err := s.FollowupMessageCreate(i.Interaction, true, &discordgo.WebhookParams{
				Content: text, AllowedMentions: allowNone, Flags: flags ^ discordgo.MessageFlagsEphemeral,
			}); err != nil {
				panic(err)
			}
		}
	})
	open(t, dg)
	for _, name := range []string{"public", "private"} {
		rep := srv.Interact(t, discordtest.Command(name)).WaitFollowups(t, 2, 5*time.Second)
		wantPrivate := name == "private"
		if rep.Original == nil || rep.Original.Content != "first" || rep.Original.ID != rep.Followups[0].ID {
			t.Errorf("%s: original = %+v, want the first follow-up", name, rep.Original)
			continue
		}
		if got := rep.Followups[0].Flags&discordgo.MessageFlagsEphemeral != 0; got != wantPrivate {
			t.Errorf("%s: first follow-up ephemeral = %v, want %v (the deferral decides)", name, got, wantPrivate)
		}
		if got := rep.Followups[1].Flags&discordgo.MessageFlagsEphemeral != 0; got == wantPrivate {
			t.Errorf("%s: second follow-up ephemeral = %v, want its own flag", name, got)
		}
		if rep.Original.Flags&128 != 0 {
			t.Errorf("%s: still thinking after a follow-up", name)
		}
		if n := len(rep.Messages()); n != 2 {
			t.Errorf("%s: %d messages, want 2", name, n)
		}
	}
}

func TestSingleCommandsAndPermissions(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	dg := newSession(t, srv)
	open(t, dg)
	cmd, err := dg.ApplicationCommandCreate(srv.AppID, "", &discordgo.ApplicationCommand{Name: "help", Description: "What the bot does"})
	if err != nil || cmd.ID == "" {
		t.Fatalf("create: %+v, %v", cmd, err)
	}
	if got := srv.Commands(); len(got) != 1 || got[0].ID != cmd.ID {
		t.Errorf("commands = %+v", got)
	}
	if err := dg.ApplicationCommandDelete(srv.AppID, "", cmd.ID); err != nil {
		t.Fatal(err)
	}
	if got := srv.Commands(); len(got) != 0 {
		t.Errorf("after delete: %+v", got)
	}

	perms, err := dg.UserChannelPermissions(srv.AppID, srv.ChannelID)
	if err != nil {
		t.Fatal(err)
	}
	if perms&discordgo.PermissionSendMessages == 0 || perms&discordgo.PermissionEmbedLinks == 0 {
		t.Errorf("bot permissions %d lack send or embed", perms)
	}

	m, err := dg.ChannelMessageSendComplex(srv.ChannelID, &discordgo.MessageSend{Content: "x", AllowedMentions: allowNone})
	if err != nil {
		t.Fatal(err)
	}
	if err := dg.ChannelMessageDelete(srv.ChannelID, m.ID); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Messages(srv.ChannelID)); n != 0 {
		t.Errorf("%d messages after delete", n)
	}
}

func TestZombieConnection(t *testing.T) {
	t.Parallel()
	srv := discordtest.NewServer(t)
	srv.SetHeartbeatInterval(50 * time.Millisecond)
	dg := newSession(t, srv)
	dg.AddHandler(echo)
	open(t, dg)
	srv.ZombieConnection()
	if srv.Resumes() != 1 {
		t.Errorf("resumes = %d, want 1", srv.Resumes())
	}
	if rep := srv.Interact(t, discordtest.Command("alive")).Wait(t, 5*time.Second); rep.Original.Content != "alive" {
		t.Errorf("after zombie: %+v", rep.Original)
	}
}
