package knowledge

import (
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/size"
	index "github.com/blevesearch/bleve_index_api"
)

// keywordField is one keyword field of a meeting (its participants' name
// words, its location words, its day numbers) handed to bleve ready-made.
// bleve's own mapping makes one analysed field object per value of a list,
// each with its own token map, which bleve then merges again; this field
// carries every value at once and builds the one token map directly. What
// bleve indexes is the same: the same terms in the same field, each with
// frequency 1, and the same length (one per value, unless length says
// otherwise), so scores and norms do not change.
type keywordField struct {
	name   string
	terms  []string // distinct, non-empty unless the field is a single value
	length int      // the analysed length bleve records (it sets the field's norm)
	freqs  index.TokenFrequencies
}

// newKeywordField makes a keyword field holding terms, which must be
// distinct; its analysed length is one per term, as bleve counts a list.
func newKeywordField(name string, terms []string) *keywordField {
	return &keywordField{name: name, terms: terms, length: len(terms)}
}

var _ document.Field = (*keywordField)(nil)

// keywordOptions are the options of the mapping's keyword fields: indexed,
// not stored, no term vectors, no doc values.
const keywordOptions = index.IndexField

func (f *keywordField) Name() string                        { return f.name }
func (f *keywordField) ArrayPositions() []uint64            { return nil }
func (f *keywordField) Options() index.FieldIndexingOptions { return keywordOptions }
func (f *keywordField) EncodedFieldType() byte              { return 't' }
func (f *keywordField) AnalyzedLength() int                 { return f.length }

// Value is the field's first term; nothing reads it, as the field is
// neither stored nor kept as doc values.
func (f *keywordField) Value() []byte {
	if len(f.terms) == 0 {
		return nil
	}
	return []byte(f.terms[0])
}

// NumPlainTextBytes is what the values add up to, for bleve's statistics.
func (f *keywordField) NumPlainTextBytes() uint64 {
	n := 0
	for _, t := range f.terms {
		n += len(t)
	}
	return uint64(n)
}

// Analyze builds the token map; bleve calls it on its analysis workers.
func (f *keywordField) Analyze() {
	n := 0
	for _, t := range f.terms {
		n += len(t)
	}
	buf := make([]byte, 0, n) // every term's bytes, in one allocation
	freqs := make(index.TokenFrequencies, len(f.terms))
	tfs := make([]index.TokenFreq, len(f.terms))
	for i, t := range f.terms {
		start := len(buf)
		buf = append(buf, t...)
		tf := &tfs[i]
		tf.Term = buf[start:len(buf):len(buf)]
		tf.SetFrequency(1)
		freqs[t] = tf
	}
	f.freqs = freqs
}

func (f *keywordField) AnalyzedTokenFrequencies() index.TokenFrequencies { return f.freqs }

// Size estimates the field's memory, for bleve's batch accounting.
func (f *keywordField) Size() int {
	n := 64 + len(f.name) + len(f.terms)*size.SizeOfString
	for _, t := range f.terms {
		n += len(t)
	}
	if f.freqs != nil {
		n += f.freqs.Size()
	}
	return n
}
