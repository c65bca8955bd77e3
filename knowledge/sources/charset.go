package sources

import (
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// toUTF8 turns a page into UTF-8 for knowledge.Parse, which reads only
// UTF-8: a body that is already valid UTF-8 is kept as it is (whatever
// the page claims); otherwise the Content-Type, a byte-order mark or a
// <meta charset> says what it is (Windows-1252 when nothing does), as
// browsers decide.
func toUTF8(body []byte, contentType string) []byte {
	if utf8.Valid(body) {
		return body
	}
	enc, _, _ := charset.DetermineEncoding(body, contentType)
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return body
	}
	return out
}
