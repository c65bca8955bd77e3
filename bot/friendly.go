package bot

import (
	"context"
	"errors"
	"fmt"

	"github.com/readoutbot/readoutbot/knowledge"
)

// userError is a problem with what the user typed; its text is shown as is.
type userError struct{ msg string }

func (e *userError) Error() string { return e.msg }

func userErrorf(format string, args ...any) error {
	return &userError{msg: fmt.Sprintf(format, args...)}
}

// errExpired means a button's state is gone (the bot restarted).
var errExpired = errors.New("button state expired")

// errBadID means a button's custom id is not one this bot makes.
var errBadID = errors.New("unknown button")

// errPanic marks a handler that panicked; details are logged, not shown.
var errPanic = errors.New("handler panicked")

// friendly is the one place errors become words for users. It reports
// whether the error was expected (the user's input, an empty result) or a
// fault worth logging at error level.
func friendly(err error) (msg string, expected bool) {
	var ue *userError
	var status *FetchStatusError
	switch {
	case errors.As(err, &ue):
		return ue.msg, true
	case errors.Is(err, knowledge.ErrQuestionTooLong):
		return fmt.Sprintf("That question is too long: please keep it under %d characters.", knowledge.MaxQuestionLen), true
	case errors.Is(err, knowledge.ErrEmptyQuestion):
		return "Please ask a question with a few words in it, such as who met whom, or about what.", true
	case errors.Is(err, knowledge.ErrNoAnswer):
		return "No readout I know answers that. Try naming a person, a country or a topic.", true
	case errors.Is(err, knowledge.ErrNotFound):
		return "I found nothing that matches. Try fewer or other filters.", true
	case errors.Is(err, knowledge.ErrNotReadout):
		return "That page does not read as a readout of a meeting (who met whom, when, about what), so I did not add it.", true
	case errors.Is(err, knowledge.ErrEmpty), errors.Is(err, knowledge.ErrBinary):
		return "That page has no text I can read, so I did not add it.", true
	case errors.Is(err, knowledge.ErrTooLarge):
		return "That page is too large for me to read, so I did not add it.", true
	case errors.Is(err, ErrFetchBlocked):
		return "I may not fetch that address: only http and https pages on public addresses are allowed.", true
	case errors.Is(err, ErrFetchRedirects):
		return "That address redirects too many times (a loop, perhaps), so I gave up.", true
	case errors.Is(err, ErrFetchUnsupported):
		return "That address does not serve a web page or text (an image or a PDF, perhaps), so I did not add it.", true
	case errors.Is(err, ErrFetchBackOff):
		return "That site asked me to wait before fetching from it again. Please try later.", true
	case errors.Is(err, ErrFetchUnreachable):
		return "I could not reach that site (unknown name, refused or timed out). Check the address and try again.", true
	case errors.As(err, &status):
		return fmt.Sprintf("That site answered with HTTP status %s instead of the page, so I did not add it.", statusWords(status.Code)), true
	case errors.Is(err, errBadID):
		return "That button no longer works. Please run the command again.", true
	case errors.Is(err, errExpired):
		return "Those results have expired. Please run the command again.", true
	case errors.Is(err, context.DeadlineExceeded):
		return "That took too long. Please try again, perhaps with a narrower question.", false
	default:
		return "Something went wrong on my side. It has been logged; please try again later.", false
	}
}
