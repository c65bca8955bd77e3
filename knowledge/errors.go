package knowledge

import "errors"

// Sentinel errors. Callers test them with errors.Is; the bot maps each to
// friendly words in one place.
var (
	// ErrNotFound means no meeting has the asked id, or nothing matched.
	ErrNotFound = errors.New("not found")
	// ErrNoAnswer means no readout in the index answers the question.
	ErrNoAnswer = errors.New("no readout answers that question")
	// ErrNotReadout means the text is not a readout of a meeting (a news
	// article, a recipe): it is reported and skipped.
	ErrNotReadout = errors.New("not a readout of a meeting")
	// ErrEmpty means the file or text holds nothing to read.
	ErrEmpty = errors.New("empty readout")
	// ErrBinary means the input is not text (NUL bytes, invalid UTF-8).
	ErrBinary = errors.New("not a text file")
	// ErrTooLarge means the input is over MaxReadoutBytes.
	ErrTooLarge = errors.New("readout too large")
	// ErrQuestionTooLong means a question is over MaxQuestionLen characters.
	ErrQuestionTooLong = errors.New("question too long")
	// ErrEmptyQuestion means the question has no words to search for.
	ErrEmptyQuestion = errors.New("empty question")
	// ErrNotIndex means a path exists but holds no readoutbot index.
	ErrNotIndex = errors.New("not a readoutbot index")
	// ErrIndexLocked means another process holds the index open.
	ErrIndexLocked = errors.New("index is in use by another process")
)

// Limits on input, so one bad file or message cannot exhaust memory.
const (
	// MaxReadoutBytes is the largest readout file read.
	MaxReadoutBytes = 5 << 20
	// MaxQuestionLen is the longest question answered, in characters.
	MaxQuestionLen = 1000
)
