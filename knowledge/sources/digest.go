package sources

import (
	"context"
	"fmt"

	"github.com/readoutbot/readoutbot/knowledge"
)

// Digester makes digests; *knowledge.Index is one.
type Digester interface {
	Digest(ctx context.Context, opts knowledge.DigestOptions) (knowledge.Digest, error)
}

// WithoutBackfill wraps d so its digests leave out the meetings a source
// brought in from its backlog on its first run: they are searchable, but
// were not new when they arrived.
func WithoutBackfill(d Digester, st *Store) Digester { return backfillFilter{d: d, st: st} }

type backfillFilter struct {
	d  Digester
	st *Store
}

// Digest returns d's digest without backfilled meetings.
func (f backfillFilter) Digest(ctx context.Context, opts knowledge.DigestOptions) (knowledge.Digest, error) {
	dg, err := f.d.Digest(ctx, opts)
	if err != nil || dg.Empty() {
		return dg, err
	}
	ids := make([]string, 0, dg.Len())
	for _, it := range dg.Held {
		ids = append(ids, it.Meeting.ID)
	}
	for _, it := range dg.Earlier {
		ids = append(ids, it.Meeting.ID)
	}
	bf, err := f.st.Backfilled(ctx, ids...)
	if err != nil {
		return knowledge.Digest{}, fmt.Errorf("digest: %w", err)
	}
	if len(bf) == 0 {
		return dg, nil
	}
	keep := func(items []knowledge.DigestItem) []knowledge.DigestItem {
		var out []knowledge.DigestItem
		for _, it := range items {
			if !bf[it.Meeting.ID] {
				out = append(out, it)
			}
		}
		return out
	}
	dg.Held, dg.Earlier = keep(dg.Held), keep(dg.Earlier)
	return dg, nil
}
