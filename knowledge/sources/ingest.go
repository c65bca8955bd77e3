package sources

import (
	"context"
	"fmt"
	"slices"

	"github.com/readoutbot/readoutbot/knowledge"
)

// IngestURL fetches one page now, indexes the readout it holds and returns
// the meeting made, or knowledge.ErrNotReadout (wrapped) when the page is
// not a readout. The same safety rules as for sources apply: only http and
// https, only public addresses unless the fetcher allows private ones.
func (p *Poller) IngestURL(ctx context.Context, rawURL string) (knowledge.Meeting, error) {
	resp, err := p.fetch.Get(ctx, Request{URL: rawURL, ByHand: true})
	if err != nil {
		return knowledge.Meeting{}, err
	}
	r, err := knowledge.Parse(resp.URL, toUTF8(resp.Body, resp.ContentType))
	if err != nil {
		return knowledge.Meeting{}, fmt.Errorf("read %s: %w", resp.URL, err)
	}
	key := pageURL(resp.URL, r.SourceURL)
	r.Name = key
	r.SourceURL = key
	hash := textHash(r.Text)
	// The same readout already indexed from another address: show that one
	// rather than index it twice.
	if m, ok := p.knownText(ctx, hash, key); ok {
		return m, nil
	}
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
	for _, u := range []string{normalizeURL(resp.URL), normalizeURL(rawURL)} {
		if !slices.Contains(urls, u) {
			urls = append(urls, u)
		}
	}
	// Recorded so a feed listing the same page later does not add it again.
	ir := itemRecord{Status: itemIndexed, MeetingID: m.ID, Hash: hash, FirstSeen: p.now(), Published: r.Published}
	if err := p.store.recordIndexed(urls, ir, "", nil); err != nil {
		return m, err
	}
	return m, nil
}

// meetingGetter is the part of *knowledge.Index that looks a meeting up.
type meetingGetter interface {
	Meeting(ctx context.Context, id string) (knowledge.Meeting, error)
}

// knownText returns the meeting already indexed with this text hash from
// another URL than key, when the index can look it up.
func (p *Poller) knownText(ctx context.Context, hash, key string) (knowledge.Meeting, bool) {
	mg, ok := p.index.(meetingGetter)
	if !ok {
		return knowledge.Meeting{}, false
	}
	other, err := p.store.hashURL(hash)
	if err != nil || other == "" || other == key {
		return knowledge.Meeting{}, false
	}
	its, err := p.store.items([]string{other})
	if err != nil || its[other].MeetingID == "" {
		return knowledge.Meeting{}, false
	}
	m, err := mg.Meeting(ctx, its[other].MeetingID)
	if err != nil {
		return knowledge.Meeting{}, false
	}
	return m, true
}
