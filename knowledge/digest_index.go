package knowledge

import (
	"context"
	"fmt"
)

// digestPage is how many meetings Digest reads per page of Meetings (a
// variable so tests can make paging happen).
var digestPage = 500

// Digest selects the digest for opts from the index: the meetings ingested
// in [opts.From, opts.To), filtered and ordered as BuildDigest does.
func (ix *Index) Digest(ctx context.Context, opts DigestOptions) (Digest, error) {
	if opts.From.IsZero() || opts.To.IsZero() || !opts.From.Before(opts.To) {
		return Digest{}, ErrDigestWindow
	}
	f := Filter{
		Person:       opts.Person,
		Country:      opts.Country,
		Topic:        opts.Topic,
		IngestedFrom: opts.From,
		IngestedTo:   opts.To,
		Limit:        digestPage,
	}
	var all []Meeting
	for {
		page, err := ix.Meetings(ctx, f)
		if err != nil {
			return Digest{}, fmt.Errorf("digest: %w", err)
		}
		all = append(all, page.Meetings...)
		if len(page.Meetings) == 0 || len(all) >= page.Total {
			break
		}
		f.Offset += len(page.Meetings)
	}
	// The index has applied the filters (its matching knows more names and
	// words than BuildDigest's); keep them in the options only to show them.
	sel := opts
	sel.Person, sel.Country, sel.Topic = "", "", ""
	d, err := BuildDigest(all, sel)
	if err != nil {
		return Digest{}, err
	}
	d.Options.Person, d.Options.Country, d.Options.Topic = opts.Person, opts.Country, opts.Topic
	return d, nil
}
