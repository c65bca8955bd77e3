package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/readoutbot/readoutbot/bot/discordtest"
	"github.com/readoutbot/readoutbot/knowledge"
)

// fixtureReadouts are the bot's own test readouts.
var fixtureReadouts = filepath.Join("..", "..", "bot", "testdata", "readouts")

func envMap(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestRunConfigErrorsTogether(t *testing.T) {
	t.Parallel()
	var stderr bytes.Buffer
	app := &App{Getenv: envMap(map[string]string{"DISCORD_GUILD_ID": "my server", "DISCORD_API_BASE": "ftp://x", "LOG_LEVEL": "loud"}),
		Stdout: &bytes.Buffer{}, Stderr: &stderr, Logger: newLogger(&stderr, ""), DataDir: t.TempDir(), IndexDir: filepath.Join(t.TempDir(), "ix"), Now: time.Now}
	err := cmdRun(t.Context(), app, nil)
	if err == nil {
		t.Fatal("run started without a token")
	}
	var out bytes.Buffer
	if code := report(err, &out); code != 2 {
		t.Errorf("exit status %d, want 2", code)
	}
	msg := out.String()
	for _, want := range []string{"DISCORD_TOKEN", ".env", "DISCORD_GUILD_ID", "DISCORD_API_BASE", "LOG_LEVEL"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "goroutine") || strings.Contains(msg, ".go:") {
		t.Errorf("message looks like a stack trace:\n%s", msg)
	}
}

func TestRunRefusesSecondInstance(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := knowledge.Open(dir, knowledge.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	var stderr bytes.Buffer
	app := &App{Getenv: envMap(map[string]string{"DISCORD_TOKEN": "secret-token-value", "DISCORD_API_BASE": "http://127.0.0.1:1"}),
		Stdout: &bytes.Buffer{}, Stderr: &stderr, Logger: newLogger(&stderr, ""), DataDir: t.TempDir(), IndexDir: dir, Now: time.Now}
	err = cmdRun(t.Context(), app, nil)
	if err == nil || !strings.Contains(err.Error(), "already running") {
		t.Fatalf("second instance: err = %v", err)
	}
	if strings.Contains(err.Error()+stderr.String(), "secret-token-value") {
		t.Error("the token leaked into the error or log")
	}
}

// syncBuffer is a bytes.Buffer safe for a child's output and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestRunBinaryEndToEnd builds readoutbot, runs `readoutbot run` against the
// fake Discord, asks one question, and stops it with SIGTERM.
func TestRunBinaryEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	t.Parallel()
	bin := filepath.Join(t.TempDir(), "readoutbot")
	build := exec.Command("go", "build", "-o", bin, ".")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	data, err := filepath.Abs(fixtureReadouts)
	if err != nil {
		t.Fatal(err)
	}
	srv := discordtest.NewServer(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "run")
	cmd.Dir = t.TempDir() // no .env here
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + t.TempDir(),
		"DISCORD_TOKEN=" + srv.Token,
		"DISCORD_GUILD_ID=" + srv.GuildID,
		"DISCORD_API_BASE=" + srv.URL,
		"READOUTBOT_DATA=" + data,
		"READOUTBOT_INDEX=" + filepath.Join(t.TempDir(), "index"),
		"LOG_LEVEL=debug",
	}
	var stdout, stderr syncBuffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			<-exited
		}
	})

	srv.WaitRequest(t, discordtest.Route("PUT", "/applications/*/guilds/*/commands"), time.Minute)
	var names []string
	for _, c := range srv.GuildCommands(srv.GuildID) {
		names = append(names, c.Name)
	}
	if got, want := strings.Join(names, " "), "ask meeting meetings positions help digest met watch ingest sources"; got != want {
		t.Errorf("registered %q, want %q", got, want)
	}
	rep := srv.Interact(t, discordtest.Command("ask", discordtest.Opt("question", "When did Kishida and Macron speak?"))).WaitFinal(t, 30*time.Second)
	var answer strings.Builder
	for _, m := range rep.Messages() {
		answer.WriteString(m.Content)
		for _, e := range m.Embeds {
			answer.WriteString(e.Title + e.Description)
			for _, f := range e.Fields {
				answer.WriteString(f.Name + f.Value)
			}
		}
	}
	if !strings.Contains(answer.String(), "Macron") {
		t.Errorf("answer does not name Macron:\n%s\nlog:\n%s", answer.String(), stderr.String())
	}

	show := srv.Interact(t, discordtest.Command("digest", discordtest.Sub("show")).WithPermissions(discordtest.AdminPermissions)).WaitFinal(t, 30*time.Second)
	if !show.Ephemeral() {
		t.Errorf("/digest show should answer privately: %+v", show.Callback)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-exited:
		var ee *exec.ExitError
		if errors.As(err, &ee) || err != nil {
			t.Errorf("exit after SIGTERM: %v\nlog:\n%s", err, stderr.String())
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("no exit within 30s of SIGTERM\nlog:\n%s", stderr.String())
	}
	log := stderr.String()
	for _, want := range []string{"msg=connected", "msg=\"commands registered\"", "msg=stopped"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	if strings.Contains(log+stdout.String(), srv.Token) {
		t.Errorf("the token appears in the output:\n%s", log)
	}
}
