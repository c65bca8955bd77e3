package bot

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseConfig(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		want    Config
		wantErr []string // each must appear in the joined error
	}{
		{
			name: "minimal",
			env:  map[string]string{"DISCORD_TOKEN": "abc.def"},
			want: Config{Token: "abc.def", APIBase: DefaultAPIBase},
		},
		{
			name: "everything",
			env: map[string]string{"DISCORD_TOKEN": " Bot abc.def ", "DISCORD_GUILD_ID": "1200000000000000001",
				"DISCORD_API_BASE": "http://127.0.0.1:9999", "LOG_LEVEL": "debug"},
			want: Config{Token: "abc.def", GuildID: "1200000000000000001", APIBase: "http://127.0.0.1:9999", LogLevel: slog.LevelDebug},
		},
		{
			name:    "no token",
			env:     map[string]string{},
			wantErr: []string{"DISCORD_TOKEN is not set", ".env"},
		},
		{
			name: "all problems at once",
			env: map[string]string{"DISCORD_TOKEN": "a b", "DISCORD_GUILD_ID": "my-server",
				"DISCORD_API_BASE": "discord.com", "LOG_LEVEL": "chatty"},
			wantErr: []string{"DISCORD_TOKEN contains spaces", "DISCORD_GUILD_ID", "DISCORD_API_BASE", "LOG_LEVEL"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ParseConfig(func(k string) string { return tt.env[k] })
			if len(tt.wantErr) > 0 {
				if err == nil {
					t.Fatalf("no error; config %+v", got)
				}
				for _, w := range tt.wantErr {
					if !strings.Contains(err.Error(), w) {
						t.Errorf("error lacks %q: %v", w, err)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("config (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTokenNeverLogged(t *testing.T) {
	const token = "MTIzNDU2Nzg5.secret.token"
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, nil))
	log.Info("config", "config", Config{Token: token, APIBase: DefaultAPIBase})
	log.Info("options", "options", Options{Token: token})
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("json", "config", Config{Token: token})
	if strings.Contains(buf.String(), token) || !strings.Contains(buf.String(), "[redacted]") {
		t.Errorf("log:\n%s", buf.String())
	}
	b, _ := New(Options{Token: token}, refusingEngine{tb: t})
	if err := b.redact(io.ErrUnexpectedEOF); err != io.ErrUnexpectedEOF {
		t.Errorf("redact changed an error without the token: %v", err)
	}
	if err := b.redact(&httpError{token}); strings.Contains(err.Error(), token) {
		t.Errorf("redact kept the token: %v", err)
	}
}

type httpError struct{ s string }

func (e *httpError) Error() string { return "GET https://x/?t=" + e.s + ": refused" }

func TestRebaseTransport(t *testing.T) {
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = append(got, r.Method+" "+r.Host+r.URL.RequestURI()+" "+r.Header.Get("Authorization"))
	}))
	defer srv.Close()
	c, err := newHTTPClient(srv.URL+"/prefix", nil)
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest("POST", "https://discord.com/api/v9/interactions/1/tok/callback?wait=true", strings.NewReader("{}"))
	req.Header.Set("Authorization", "Bot x")
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if req.URL.Host != "discord.com" {
		t.Error("the caller's request was modified")
	}
	want := []string{"POST " + strings.TrimPrefix(srv.URL, "http://") + "/prefix/api/v9/interactions/1/tok/callback?wait=true Bot x"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
	plain, err := newHTTPClient(DefaultAPIBase, nil)
	if err != nil || plain.Transport != http.DefaultTransport {
		t.Errorf("the default base should not wrap the transport: %T, %v", plain.Transport, err)
	}
}
