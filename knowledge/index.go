package knowledge

import (
	"context"
	"errors"
	"log/slog"
)

// Options configure an Index.
type Options struct {
	// Logger receives progress and problems; nil discards them.
	Logger *slog.Logger
}

// Index is the bleve index on disk plus the raw readouts it was built from.
type Index struct {
	dir string
	log *slog.Logger
}

// Open opens the index in dir, creating it when dir does not exist.
// TODO(index helper): implement.
func Open(dir string, opts Options) (*Index, error) {
	return nil, errors.New("not implemented")
}

// Close releases the index.
func (ix *Index) Close() error { return nil }

// Filter selects meetings for listing.
type Filter struct {
	Person  string
	Country string
	Topic   string
	From    string // YYYY-MM-DD, inclusive
	To      string // YYYY-MM-DD, inclusive
	Limit   int
	Offset  int
}

// Answer is the reply to a question.
type Answer struct {
	// Text is the concise reply, at most about 700 characters, with sources.
	Text string
	// Meetings are the meetings the answer rests on, most relevant first.
	Meetings []Meeting
	// Quotes are the sentences of the readouts the answer cites.
	Quotes []Quote
}

// Quote is one cited sentence with where it comes from.
type Quote struct {
	MeetingID string
	Speaker   string
	Text      string
	SourceURL string
}

// Add extracts and indexes readouts. TODO(index helper).
func (ix *Index) Add(ctx context.Context, rs ...Readout) ([]Meeting, error) {
	return nil, errors.New("not implemented")
}

// Ask answers a question in plain words. TODO(index helper).
func (ix *Index) Ask(ctx context.Context, question string) (Answer, error) {
	return Answer{}, errors.New("not implemented")
}
