package sources

import (
	"context"
	"fmt"

	"github.com/readoutbot/readoutbot/knowledge"
)

// IngestURL fetches one page now, indexes the readout it holds and returns
// the meeting made, or knowledge.ErrNotReadout (wrapped) when the page is
// not a readout. The same safety rules as for sources apply: only http and
// https, only public addresses unless the fetcher allows private ones.
func (p *Poller) IngestURL(ctx context.Context, rawURL string) (knowledge.Meeting, error) {
	resp, err := p.fetch.Get(ctx, Request{URL: rawURL})
	if err != nil {
		return knowledge.Meeting{}, err
	}
	r, err := knowledge.Parse(resp.URL, resp.Body)
	if err != nil {
		return knowledge.Meeting{}, fmt.Errorf("read %s: %w", resp.URL, err)
	}
	key := normalizeURL(resp.URL)
	r.Name = key
	r.SourceURL = key
	results, err := p.index.Add(ctx, r)
	if err != nil {
		return knowledge.Meeting{}, fmt.Errorf("index %s: %w", resp.URL, err)
	}
	if len(results) != 1 {
		return knowledge.Meeting{}, fmt.Errorf("index %s: %d results for one readout", resp.URL, len(results))
	}
	if err := results[0].Err; err != nil {
		return knowledge.Meeting{}, fmt.Errorf("%s: %w", resp.URL, err)
	}
	m := results[0].Meeting
	urls := []string{key}
	if k := normalizeURL(rawURL); k != key {
		urls = append(urls, k)
	}
	// Recorded so a feed listing the same page later does not add it again.
	ir := itemRecord{Status: itemIndexed, MeetingID: m.ID, Hash: textHash(r.Text), FirstSeen: p.now(), Published: r.Published}
	if err := p.store.recordIndexed(urls, ir, "", nil); err != nil {
		return m, err
	}
	return m, nil
}
