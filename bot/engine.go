package bot

import (
	"context"

	"github.com/readoutbot/readoutbot/knowledge"
)

// Engine is what the bot needs from the knowledge index; *knowledge.Index
// satisfies it, and tests may wrap one (to slow it down, say).
type Engine interface {
	Ask(ctx context.Context, question string) (knowledge.Answer, error)
	Meeting(ctx context.Context, id string) (knowledge.Meeting, error)
	Meetings(ctx context.Context, f knowledge.Filter) (knowledge.Page, error)
	Positions(ctx context.Context, speaker, topic string) ([]knowledge.Entry, error)
	Suggest(ctx context.Context, f knowledge.Field, prefix string, limit int) ([]knowledge.Suggestion, error)
	Stats(ctx context.Context) (knowledge.Stats, error)
}
