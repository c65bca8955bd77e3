package knowledge

import "errors"

// Readout is one raw readout as a user has it, after reading: front matter
// split off, HTML reduced to its main text, site clutter removed.
type Readout struct {
	// Name says where it came from (a path relative to the data folder, or a
	// URL), for messages and, without a SourceURL, for the stable id.
	Name      string
	Title     string
	Source    string
	SourceURL string
	// Published is the release date, YYYY-MM-DD, when front matter or page
	// metadata gives it.
	Published string
	// Text is the cleaned main text.
	Text string
	// Hash is a hash of the raw bytes, to tell an edit from a repeat.
	Hash string
}

// ReadFile reads a readout file (plain text, Markdown with optional front
// matter, or a saved HTML page). TODO(extract helper): implement.
func ReadFile(path string) (Readout, error) {
	return Readout{}, errors.New("not implemented")
}

// Parse reads a readout from bytes; name is used in errors and for the id.
// TODO(extract helper): implement.
func Parse(name string, data []byte) (Readout, error) {
	return Readout{}, errors.New("not implemented")
}
