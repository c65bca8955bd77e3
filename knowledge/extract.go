package knowledge

import "errors"

// Extract turns a readout into a Meeting, or returns ErrNotReadout.
// TODO(extract helper): implement.
func Extract(r Readout) (Meeting, error) {
	return Meeting{}, errors.New("not implemented")
}
