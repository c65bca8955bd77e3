package knowledge

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// BareIndex is bleve alone, with the engine's mapping and batch size but no
// extraction, raw store or term lists. `readoutbot bench` measures Index
// against it, so the figures say what the engine costs above bleve's floor.
type BareIndex struct {
	b bleve.Index
}

// NewBareIndex creates an empty bare index in dir, which must not exist.
func NewBareIndex(dir string) (*BareIndex, error) {
	b, err := bleve.NewUsing(dir, newMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("create bare index: %w", err)
	}
	return &BareIndex{b: b}, nil
}

// Add indexes the readouts' texts as they are, in batches of the engine's
// size: the title, text and publication date go into the same fields the
// engine fills, under the engine's id for each readout.
func (bx *BareIndex) Add(ctx context.Context, rs ...Readout) error {
	for start := 0; start < len(rs); start += batchSize {
		if err := ctx.Err(); err != nil {
			return err
		}
		batch := bx.b.NewBatch()
		im := bx.b.Mapping()
		for _, r := range rs[start:min(start+batchSize, len(rs))] {
			m := Meeting{Title: r.Title, Text: r.Text, Published: r.Published, Source: r.Source, SourceURL: r.SourceURL}
			doc, err := toDoc(im, readoutID(r), m)
			if err == nil {
				err = batch.IndexAdvanced(doc)
			}
			if err != nil {
				return fmt.Errorf("bare index %s: %w", r.Name, err)
			}
		}
		if err := bx.b.Batch(batch); err != nil {
			return fmt.Errorf("bare index batch: %w", err)
		}
	}
	return nil
}

// Match runs a plain bleve match query for text over the readouts' main
// text and returns how many readouts matched; the top limit hits are
// scored and collected, as a search box would.
func (bx *BareIndex) Match(ctx context.Context, text string, limit int) (int, error) {
	q := bleve.NewMatchQuery(text)
	q.SetField(fText)
	req := bleve.NewSearchRequestOptions(q, limit, 0, false)
	res, err := bx.b.SearchInContext(ctx, req)
	if err != nil {
		return 0, fmt.Errorf("bare search: %w", err)
	}
	return int(res.Total), nil
}

// Close closes the bare index.
func (bx *BareIndex) Close() error { return bx.b.Close() }

// OpenBareIndex opens a bare index made by NewBareIndex.
func OpenBareIndex(dir string) (*BareIndex, error) {
	b, err := bleve.Open(dir)
	if err != nil {
		return nil, fmt.Errorf("open bare index: %w", err)
	}
	return &BareIndex{b: b}, nil
}

// BenchBatchSize is how many readouts the engine puts in one bleve batch;
// the benchmark feeds both indexes chunks of this size.
const BenchBatchSize = batchSize
