package bot

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
)

// DefaultAPIBase is Discord's own REST base; DISCORD_API_BASE replaces its
// scheme and host, to run against a Discord-compatible server or a fake.
const DefaultAPIBase = "https://discord.com"

// Config is the bot's part of the environment, parsed in one place so every
// problem is reported at once.
type Config struct {
	// Token is the bot token from the Developer Portal. Never logged.
	Token string
	// GuildID, when set, registers commands on that server only, where they
	// appear at once; otherwise they are global.
	GuildID string
	// APIBase is where REST calls go (scheme and host).
	APIBase string
	// LogLevel is the least severe level logged.
	LogLevel slog.Level
	// AdminChannel is the channel id where the bot tells admins of a source
	// becoming flagged or recovering; empty means the log only.
	AdminChannel string
}

// ParseConfig reads DISCORD_TOKEN, DISCORD_GUILD_ID, DISCORD_API_BASE,
// LOG_LEVEL and READOUTBOT_ADMIN_CHANNEL through getenv, reporting all
// problems together.
func ParseConfig(getenv func(string) string) (Config, error) {
	c := Config{
		Token:   strings.TrimSpace(getenv("DISCORD_TOKEN")),
		GuildID: strings.TrimSpace(getenv("DISCORD_GUILD_ID")),
		APIBase: strings.TrimSpace(getenv("DISCORD_API_BASE")),
	}
	var errs []error
	c.Token = strings.TrimSpace(strings.TrimPrefix(c.Token, "Bot "))
	if c.Token == "" {
		errs = append(errs, errors.New("DISCORD_TOKEN is not set: copy .env.example to .env and set DISCORD_TOKEN to your bot's token from the Discord Developer Portal"))
	} else if strings.ContainsAny(c.Token, " \t\r\n") {
		errs = append(errs, errors.New("DISCORD_TOKEN contains spaces: paste the token alone, without \"Bot \" or quotes"))
	}
	if c.GuildID != "" && strings.Trim(c.GuildID, "0123456789") != "" {
		errs = append(errs, fmt.Errorf("DISCORD_GUILD_ID %q is not a server id: it is a number (right-click the server, Copy Server ID)", c.GuildID))
	}
	if c.APIBase == "" {
		c.APIBase = DefaultAPIBase
	} else if err := checkAPIBase(c.APIBase); err != nil {
		errs = append(errs, err)
	}
	// A channel mention (<#123>) pasted from Discord is taken as its id.
	c.AdminChannel = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(getenv("READOUTBOT_ADMIN_CHANNEL")), "<#"), ">")
	if c.AdminChannel != "" && strings.Trim(c.AdminChannel, "0123456789") != "" {
		errs = append(errs, fmt.Errorf("READOUTBOT_ADMIN_CHANNEL %q is not a channel id: it is a number (right-click the channel, Copy Channel ID)", c.AdminChannel))
	}
	if lv := strings.TrimSpace(getenv("LOG_LEVEL")); lv != "" {
		if err := c.LogLevel.UnmarshalText([]byte(lv)); err != nil {
			errs = append(errs, fmt.Errorf("LOG_LEVEL %q is not one of debug, info, warn, error", lv))
		}
	}
	return c, errors.Join(errs...)
}

func checkAPIBase(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("DISCORD_API_BASE %q is not an http(s) URL like https://discord.com", s)
	}
	return nil
}

// LogValue keeps the token out of every log line.
func (c Config) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("token", redacted(c.Token)),
		slog.String("guild_id", c.GuildID),
		slog.String("api_base", c.APIBase),
		slog.String("log_level", c.LogLevel.String()),
		slog.String("admin_channel", c.AdminChannel),
	)
}

func redacted(secret string) string {
	if secret == "" {
		return ""
	}
	return "[redacted]"
}
