package knowledge

import (
	"context"
	"errors"
	"log/slog"
	"time"
)

// errNotBuilt marks the API stubs the index work replaces.
var errNotBuilt = errors.New("not built yet")

// Options configure an Index.
type Options struct {
	// Logger receives progress and problems; nil discards them.
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Index is the bleve index on disk plus the raw readouts it was built from.
type Index struct {
	dir string
	log *slog.Logger
}

// Open opens the index in dir, creating it when dir does not exist.
func Open(dir string, opts Options) (*Index, error) { return nil, errNotBuilt }

// Close releases the index.
func (ix *Index) Close() error { return nil }

// Result is the outcome of adding one readout.
type Result struct {
	Name    string
	Meeting Meeting
	// Changed is false when an identical readout was already indexed.
	Changed bool
	// Err is this readout's problem (ErrNotReadout, ...); others go on.
	Err error
}

// Add extracts and indexes readouts.
func (ix *Index) Add(ctx context.Context, rs ...Readout) ([]Result, error) { return nil, errNotBuilt }

// RemoveName drops the meeting made from the readout called name.
func (ix *Index) RemoveName(ctx context.Context, name string) error { return errNotBuilt }

// Reindex rebuilds the index from the stored raw readouts.
func (ix *Index) Reindex(ctx context.Context) (int, error) { return 0, errNotBuilt }

// Meeting returns one meeting by id.
func (ix *Index) Meeting(ctx context.Context, id string) (Meeting, error) {
	return Meeting{}, errNotBuilt
}

// Filter selects meetings for listing.
type Filter struct {
	Person, Country, Topic string
	// From and To bound the meeting date, YYYY-MM-DD, inclusive.
	From, To string
	// PublishedFrom and PublishedTo bound the release date, inclusive.
	PublishedFrom, PublishedTo string
	// IngestedFrom and IngestedTo bound the ingest time, [from, to).
	IngestedFrom, IngestedTo time.Time
	Limit, Offset            int
}

// Page is one page of meetings and how many matched in all.
type Page struct {
	Meetings []Meeting
	Total    int
}

// Meetings lists meetings that match f, newest first.
func (ix *Index) Meetings(ctx context.Context, f Filter) (Page, error) { return Page{}, errNotBuilt }

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
	MeetingID, Speaker, Text, SourceURL string
}

// Ask answers a question in plain words.
func (ix *Index) Ask(ctx context.Context, question string) (Answer, error) {
	return Answer{}, errNotBuilt
}

// Entry is one dated statement in a position timeline.
type Entry struct {
	MeetingID, Date, Title, Speaker, Topic, Text, SourceURL string
	// New lists the phrases first seen in this speaker's statements on the topic here.
	New []string
}

// Positions returns what speaker said on topic across meetings, oldest first.
func (ix *Index) Positions(ctx context.Context, speaker, topic string) ([]Entry, error) {
	return nil, errNotBuilt
}

// Field names what Suggest completes.
type Field string

// The fields Suggest completes.
const (
	FieldPerson  Field = "person"
	FieldCountry Field = "country"
	FieldTopic   Field = "topic"
	FieldMeeting Field = "meeting"
)

// Suggestion is one autocomplete choice.
type Suggestion struct{ Value, Label string }

// Suggest completes a prefix for autocomplete.
func (ix *Index) Suggest(ctx context.Context, f Field, prefix string, limit int) ([]Suggestion, error) {
	return nil, errNotBuilt
}

// Stats says how many meetings the index holds and their date range.
type Stats struct {
	Meetings    int
	First, Last string
}

// Stats reports the index's size and span.
func (ix *Index) Stats(ctx context.Context) (Stats, error) { return Stats{}, errNotBuilt }
