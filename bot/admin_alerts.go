package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
)

// AdminPoster posts a message in a channel with no mentions allowed;
// DiscordDigestPoster is one.
type AdminPoster interface {
	Send(ctx context.Context, channelID, content string) (messageID string, err error)
}

// SourceAlerts tells the admin channel when a source becomes flagged and
// when it recovers. The poller calls Notify once per change (it keeps the
// flag in its state file, so a restart does not repeat it); SourceAlerts
// also drops a repeat of the state it last posted for a source, so a notice
// is posted once however it is called. Without a channel, notices are
// only logged.
type SourceAlerts struct {
	// Channel is the admin channel's id (READOUTBOT_ADMIN_CHANNEL); empty
	// means log only.
	Channel string
	// Poster posts the notices; required with a Channel.
	Poster AdminPoster
	// Logger receives the notices when there is no channel, and failures.
	Logger *slog.Logger

	mu     sync.Mutex
	posted map[string]bool // source -> flagged state last posted
}

// Notify posts (or logs) one source's change of state.
func (a *SourceAlerts) Notify(ctx context.Context, h SourceHealth) error {
	log := a.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if a.Channel == "" || a.Poster == nil {
		log.Info("source notice not posted: no admin channel (set READOUTBOT_ADMIN_CHANNEL)",
			"source", h.Name, "flagged", h.Flagged, "reason", h.Reason)
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock() // one notice at a time, so two calls cannot both post
	if last, ok := a.posted[h.Name]; ok && last == h.Flagged {
		return nil
	}
	if _, err := a.Poster.Send(ctx, a.Channel, sourceNotice(h)); err != nil {
		return fmt.Errorf("post source notice to admin channel %s: %w", a.Channel, err)
	}
	if a.posted == nil {
		a.posted = map[string]bool{}
	}
	a.posted[h.Name] = h.Flagged
	return nil
}

// sourceNotice is the admin channel's message about a source.
func sourceNotice(h SourceHealth) string {
	var b strings.Builder
	name := "**" + clean(h.Name) + "**"
	if h.Flagged {
		b.WriteString("⚠️ The source " + name + " is flagged")
		if h.Reason != "" {
			b.WriteString(": " + clean(truncate(h.Reason, 600)))
		}
		b.WriteString(".")
		if h.LastError != "" && !strings.Contains(h.Reason, h.LastError) {
			b.WriteString("\nLast error: " + clean(truncate(h.LastError, 600)))
		}
	} else {
		b.WriteString("✅ The source " + name + " works again.")
	}
	if h.URL != "" {
		// In angle brackets: a link without a preview.
		b.WriteString("\n<" + strings.ReplaceAll(h.URL, ">", "%3E") + ">")
	}
	b.WriteString("\n/sources shows every source's health.")
	return truncate(b.String(), maxContent)
}
