package knowledge

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/golang/snappy"
)

// TestEncodeJSONIsMarshal checks that a stored value is json.Marshal's
// output behind the snappy tag, whatever buffer encoded it before.
func TestEncodeJSONIsMarshal(t *testing.T) {
	values := []any{
		Readout{Name: "a.md", Title: "<b>Talks</b> & more", Text: "The ministers met.\nThey spoke of \"trade\"."},
		Meeting{ID: "x", Title: "T", Participants: []Participant{{Name: "A", Title: "Minister"}}, Topics: []string{"trade"}},
		Readout{Name: "b.md", Text: string(bytes.Repeat([]byte("long text "), 5000))},
		Readout{Name: "c.md"},
	}
	var buf bytes.Buffer
	for _, v := range values {
		got, err := encodeJSON(&buf, v)
		if err != nil {
			t.Fatal(err)
		}
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got[0] != tagSnappyJSON {
			t.Fatalf("tag = %x", got[0])
		}
		plain, err := snappy.Decode(nil, got[1:])
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(plain, want) {
			t.Errorf("encodeJSON(%T) holds %q, want %q", v, plain, want)
		}
	}
}
