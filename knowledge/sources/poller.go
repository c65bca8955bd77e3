package sources

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/readoutbot/readoutbot/knowledge"
)

// Indexer is what the sources need from the index; *knowledge.Index has it.
type Indexer interface {
	Add(ctx context.Context, rs ...knowledge.Readout) ([]knowledge.Result, error)
}

// Notifier is told when a source becomes flagged (SourceHealth.Flagged)
// and when a flagged source recovers (Flagged false): once each, not every
// poll. The bot posts it to the admin channel.
type Notifier interface {
	Notify(ctx context.Context, h SourceHealth) error
}

// NotifierFunc adapts a function to Notifier.
type NotifierFunc func(ctx context.Context, h SourceHealth) error

// Notify calls f.
func (f NotifierFunc) Notify(ctx context.Context, h SourceHealth) error { return f(ctx, h) }

// FlagAfterFailures is how many failed fetches in a row flag a source.
const FlagAfterFailures = 5

// DefaultMaxItemsPerPoll bounds the pages fetched in one poll of a source;
// the rest of a long backlog waits for the next polls.
const DefaultMaxItemsPerPoll = 50

// Options configure a Poller.
type Options struct {
	// Index receives the readouts. Required.
	Index Indexer
	// Sources are the feeds and listing pages to poll.
	Sources []Source
	// ConfigPath, when set, is the sources file Sources came from: Run
	// reloads it when it changes, so sources can be added without a
	// restart. A file that no longer parses is logged and the old list kept.
	ConfigPath string
	// StatePath is the bbolt file of seen items and health. Required.
	StatePath string
	// Fetcher fetches feeds and pages; nil means NewFetcher with defaults.
	Fetcher *Fetcher
	// Notifier hears of flagged and recovered sources; nil means nobody.
	Notifier Notifier
	// Logger receives progress and problems; nil discards them.
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// NewTicker makes Run's ticker; nil means time.NewTicker. Tests pass a
	// channel they drive.
	NewTicker func(d time.Duration) (<-chan time.Time, func())
	// TickEvery is how often Run looks for due sources; 0 means a minute.
	TickEvery time.Duration
	// MaxItemsPerPoll; 0 means DefaultMaxItemsPerPoll.
	MaxItemsPerPoll int
}

// Poller polls the configured sources, indexes what is new, and keeps
// their health. It also ingests single URLs on request.
type Poller struct {
	index    Indexer
	config   string
	srcMu    sync.Mutex
	sources  []Source
	cfgStamp fileStamp // of config, when last loaded
	store    *Store
	fetch    *Fetcher
	notify   Notifier
	log      *slog.Logger
	now      func() time.Time
	ticker   func(d time.Duration) (<-chan time.Time, func())
	every    time.Duration
	maxItems int

	pollMu  sync.Mutex // one poll at a time
	tryMu   sync.Mutex
	lastTry map[string]time.Time // source -> last attempt, for Run
}

// New returns a Poller; nothing is fetched until Run or Poll.
func New(opts Options) (*Poller, error) {
	if opts.Index == nil {
		return nil, errors.New("sources: no index")
	}
	if opts.StatePath == "" {
		return nil, errors.New("sources: no state path")
	}
	p := &Poller{
		index:    opts.Index,
		sources:  opts.Sources,
		config:   opts.ConfigPath,
		store:    OpenStore(opts.StatePath),
		fetch:    opts.Fetcher,
		notify:   opts.Notifier,
		log:      opts.Logger,
		now:      opts.Now,
		ticker:   opts.NewTicker,
		every:    opts.TickEvery,
		maxItems: opts.MaxItemsPerPoll,
		lastTry:  map[string]time.Time{},
	}
	if p.fetch == nil {
		p.fetch = NewFetcher(FetcherOptions{})
	}
	if p.log == nil {
		p.log = slog.New(slog.DiscardHandler)
	}
	if p.now == nil {
		p.now = time.Now
	}
	if p.ticker == nil {
		p.ticker = func(d time.Duration) (<-chan time.Time, func()) {
			t := time.NewTicker(d)
			return t.C, t.Stop
		}
	}
	if p.every <= 0 {
		p.every = time.Minute
	}
	if p.maxItems <= 0 {
		p.maxItems = DefaultMaxItemsPerPoll
	}
	if p.config != "" {
		if fi, err := os.Stat(p.config); err == nil {
			p.cfgStamp = stampOf(fi)
		}
	}
	return p, nil
}

// Store is the poller's state file, for Backfilled and Health.
func (p *Poller) Store() *Store { return p.store }

// Sources are the configured sources.
func (p *Poller) Sources() []Source {
	p.srcMu.Lock()
	defer p.srcMu.Unlock()
	return append([]Source(nil), p.sources...)
}

// source returns the configured source named name.
func (p *Poller) source(name string) (Source, bool) {
	for _, s := range p.Sources() {
		if s.Name == name {
			return s, true
		}
	}
	return Source{}, false
}

// Run polls every source when due until ctx ends; it returns nil then.
func (p *Poller) Run(ctx context.Context) error {
	tick, stop := p.ticker(p.every)
	defer stop()
	for {
		p.reload()
		p.pollDue(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-tick:
		}
	}
}

// reload reads the sources file again when it changed since last read.
func (p *Poller) reload() {
	if p.config == "" {
		return
	}
	var stamp fileStamp
	if fi, err := os.Stat(p.config); err == nil {
		if fi.Size() == 0 {
			// Caught between an editor's truncate and its write: read
			// it at the next tick rather than drop every source.
			return
		}
		stamp = stampOf(fi)
	}
	if stamp == p.cfgStamp {
		return
	}
	p.cfgStamp = stamp
	srcs, err := LoadConfig(p.config)
	if err != nil {
		p.log.Error("sources file not reloaded", "path", p.config, "err", err)
		return
	}
	p.srcMu.Lock()
	p.sources = srcs
	p.srcMu.Unlock()
	p.log.Info("sources reloaded", "path", p.config, "sources", len(srcs))
}

// pollDue polls each source whose interval has passed since its last try.
func (p *Poller) pollDue(ctx context.Context) {
	for _, s := range p.Sources() {
		if ctx.Err() != nil {
			return
		}
		p.tryMu.Lock()
		last, ok := p.lastTry[s.Name]
		p.tryMu.Unlock()
		if !ok {
			rec, err := p.store.source(s.Name)
			if err != nil {
				p.log.Error("read source state failed", "source", s.Name, "err", err)
				continue
			}
			last = rec.Health.LastFetch
		}
		if !last.IsZero() && p.now().Sub(last) < s.Interval {
			continue
		}
		p.setTried(s.Name)
		// The error is counted in the source's health by poll.
		if _, err := p.poll(ctx, s); err != nil && ctx.Err() == nil {
			p.log.Warn("poll failed", "source", s.Name, "url", s.URL, "err", err)
		}
	}
}

func (p *Poller) setTried(name string) {
	p.tryMu.Lock()
	p.lastTry[name] = p.now()
	p.tryMu.Unlock()
}

// Report says what one poll of a source did.
type Report struct {
	// New counts readouts indexed as new, Backfill those from the backlog.
	New      int
	Backfill int
	// Seen counts items already known (by URL or by content).
	Seen int
	// Skipped counts items that are not readouts or failed to fetch.
	Skipped int
	// Pending counts items left for a later poll: backlog over
	// MaxItemsPerPoll, and pages whose fetch failed and will be retried.
	Pending int
	// NotModified is set when the feed or page had not changed.
	NotModified bool
}

// Poll polls the named source now. Its error is the feed's or listing's;
// problems with single items are logged and counted in its health.
func (p *Poller) Poll(ctx context.Context, name string) (Report, error) {
	s, ok := p.source(name)
	if !ok {
		return Report{}, fmt.Errorf("%w: %q", ErrUnknownSource, name)
	}
	p.setTried(s.Name)
	return p.poll(ctx, s)
}

// Health returns each configured source's health, in config order.
func (p *Poller) Health(ctx context.Context) ([]SourceHealth, error) {
	srcs := p.Sources()
	names := make([]string, len(srcs))
	for i, s := range srcs {
		names[i] = s.Name
	}
	hs, err := p.store.Health(ctx, names...)
	if err != nil {
		return nil, err
	}
	for i, s := range srcs {
		hs[i].URL, hs[i].Kind, hs[i].Interval = s.URL, s.Kind, s.Interval
	}
	return hs, nil
}

// poll fetches a source's feed or listing, indexes its new items and
// updates its health, telling the notifier when its flag changes.
func (p *Poller) poll(ctx context.Context, s Source) (Report, error) {
	p.pollMu.Lock()
	defer p.pollMu.Unlock()
	log := p.log.With("source", s.Name)
	rec, err := p.store.source(s.Name)
	if err != nil {
		return Report{}, err
	}
	h := &rec.Health
	h.Name, h.URL, h.Kind, h.Interval = s.Name, s.URL, s.Kind, s.Interval
	wasFlagged := h.Flagged
	now := p.now()
	h.LastFetch = now

	var rep Report
	pollErr := p.pollItems(ctx, s, &rec, &rep, log)
	if pollErr != nil && ctx.Err() != nil {
		return rep, pollErr // shutting down: not the source's fault
	}
	if pollErr != nil {
		h.Failures++
		h.LastError = pollErr.Error()
		h.LastErrorAt = now
	} else {
		h.Failures = 0
		h.LastSuccess = now
		if rec.FirstPoll.IsZero() {
			rec.FirstPoll = now
		}
	}
	h.UsualGap = usualGap(rec.Times)
	h.Reason = flagReason(s, rec, now)
	h.Flagged = h.Reason != ""
	if err := p.store.putSource(s.Name, rec); err != nil {
		return rep, errors.Join(pollErr, err)
	}
	if h.Flagged != wasFlagged {
		if h.Flagged {
			log.Warn("source flagged", "reason", h.Reason)
		} else {
			log.Info("source recovered")
		}
		if p.notify != nil {
			if err := p.notify.Notify(ctx, *h); err != nil {
				log.Error("notify failed", "err", err)
			}
		}
	}
	if rep.New+rep.Backfill > 0 {
		log.Info("source polled", "new", rep.New, "backfill", rep.Backfill, "seen", rep.Seen, "skipped", rep.Skipped)
	}
	return rep, pollErr
}

// flagReason says why a source should be flagged, or "".
func flagReason(s Source, rec sourceRecord, now time.Time) string {
	h := rec.Health
	if h.Failures >= FlagAfterFailures {
		return fmt.Sprintf("failed %d times in a row: %s", h.Failures, h.LastError)
	}
	if rec.FirstPoll.IsZero() {
		return ""
	}
	limit, usual := staleLimit(s, rec)
	last := rec.FirstPoll
	if rec.LastItem.After(last) {
		last = rec.LastItem
	}
	if quiet := now.Sub(last); quiet > limit {
		if usual > 0 {
			return fmt.Sprintf("nothing new for %s (usually every %s)", roundDuration(quiet), roundDuration(usual))
		}
		return fmt.Sprintf("nothing new for %s", roundDuration(quiet))
	}
	return ""
}

// staleLimit is how long a source may stay quiet before it is flagged:
// its stale_after setting, else four times its usual gap between items
// (at least two days and four intervals), else thirty days.
func staleLimit(s Source, rec sourceRecord) (limit, usual time.Duration) {
	usual = usualGap(rec.Times)
	if s.StaleAfter > 0 {
		return s.StaleAfter, usual
	}
	if usual == 0 && len(rec.Times) < 3 {
		return max(30*24*time.Hour, 4*s.Interval), 0
	}
	return max(4*usual, 48*time.Hour, 4*s.Interval), usual
}

func roundDuration(d time.Duration) string {
	if d >= 48*time.Hour {
		return fmt.Sprintf("%dd", int(d.Hours()/24))
	}
	return d.Round(time.Minute).String()
}

// pollItems fetches the source's listing and works through its items.
func (p *Poller) pollItems(ctx context.Context, s Source, rec *sourceRecord, rep *Report, log *slog.Logger) error {
	accept := acceptFeed
	if s.Kind == KindPage {
		accept = acceptHTML
	}
	resp, err := p.fetch.Get(ctx, Request{URL: s.URL, ETag: rec.ETag, LastModified: rec.LastModified, Accept: accept})
	if err != nil {
		return err
	}
	firstRun := rec.FirstPoll.IsZero()
	var items []item
	if !resp.NotModified {
		if s.Kind == KindPage {
			items, err = pageItems(resp.Body, resp.URL)
		} else {
			items, err = feedItems(resp.Body, resp.URL)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", s.URL, err)
		}
	} else {
		rep.NotModified = true
	}
	// The validators are kept only once the items are handled, below, so an
	// interrupted poll fetches the listing in full again.
	wanted := items[:0]
	for _, it := range items {
		if s.Wants(it.Link, it.Title) {
			wanted = append(wanted, it)
		}
	}
	keys := make([]string, len(wanted))
	for i, it := range wanted {
		keys[i] = normalizeURL(it.Link)
	}
	known, err := p.store.items(keys)
	if err != nil {
		return err
	}
	var pending []item
	for i, it := range wanted {
		kr, ok := known[keys[i]]
		if ok && kr.done() {
			rep.Seen++
			continue
		}
		pending = append(pending, it)
	}
	if len(pending) > p.maxItems {
		// Record the rest as backlog (backfill when this is the first run)
		// and leave them for the next polls.
		rest := map[string]itemRecord{}
		for _, it := range pending[:len(pending)-p.maxItems] {
			k := normalizeURL(it.Link)
			if _, ok := known[k]; !ok {
				rest[k] = itemRecord{Source: s.Name, Status: itemPending, FirstSeen: p.now(), Published: day(it.Published), Backfill: firstRun}
			}
		}
		if err := p.store.putItems(rest); err != nil {
			return err
		}
		rep.Pending += len(pending) - p.maxItems
		pending = pending[len(pending)-p.maxItems:]
	}
	for _, it := range pending {
		if err := ctx.Err(); err != nil {
			return err
		}
		k := normalizeURL(it.Link)
		prev, hadPrev := known[k]
		backfill := firstRun || (hadPrev && prev.Backfill) ||
			(!it.Published.IsZero() && !rec.FirstPoll.IsZero() && it.Published.Before(rec.FirstPoll.Add(-24*time.Hour)))
		if err := p.pollItem(ctx, s, it, prev, backfill, rec, rep, log); err != nil {
			return err
		}
	}
	// With work left, the next poll must see the listing in full again
	// rather than a 304, so the validators are kept only when all is done.
	rec.ETag, rec.LastModified = "", ""
	if rep.Pending == 0 {
		rec.ETag, rec.LastModified = resp.ETag, resp.LastModified
	}
	return nil
}

// pollItem fetches one item's page and indexes it unless it is known by
// its content. Only index failures are returned; an item's own problems
// are logged and recorded.
func (p *Poller) pollItem(ctx context.Context, s Source, it item, prev itemRecord, backfill bool, rec *sourceRecord, rep *Report, log *slog.Logger) error {
	key := normalizeURL(it.Link)
	now := p.now()
	ir := itemRecord{Source: s.Name, FirstSeen: now, Published: day(it.Published), Backfill: backfill, Attempts: prev.Attempts + 1}
	if !prev.FirstSeen.IsZero() {
		ir.FirstSeen = prev.FirstSeen
	}
	fail := func(status string, err error) error {
		ir.Status, ir.Err = status, err.Error()
		if status == itemError && ir.Attempts >= maxItemAttempts {
			ir.Status = itemFailed
		}
		if ir.Status == itemError {
			rep.Pending++
		}
		rep.Skipped++
		rec.Health.LastError = err.Error()
		rec.Health.LastErrorAt = now
		log.Warn("item skipped", "url", it.Link, "status", ir.Status, "err", err)
		return p.store.putItems(map[string]itemRecord{key: ir})
	}
	resp, err := p.fetch.Get(ctx, Request{URL: it.Link})
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fail(itemError, err)
	}
	r, err := knowledge.Parse(resp.URL, toUTF8(resp.Body, resp.ContentType))
	if err != nil {
		return fail(itemNotReadout, fmt.Errorf("%s: %w", resp.URL, err))
	}
	finalKey := pageURL(resp.URL, r.SourceURL)
	r.Name = finalKey
	r.SourceURL = finalKey
	// The feed's date is the release date; the page's metadata stands in
	// when the feed or listing gives none.
	if d := day(it.Published); d != "" {
		r.Published = d
	}
	if r.Title == "" {
		r.Title = it.Title
	}
	if r.Source == "" {
		r.Source = s.SourceName
		if r.Source == "" {
			r.Source = s.Name
		}
	}
	ir.Published = r.Published
	ir.Hash = textHash(r.Text)
	urls := []string{finalKey} // the first is the one the hash points to
	for _, u := range []string{key, normalizeURL(resp.URL)} {
		if !slices.Contains(urls, u) {
			urls = append(urls, u)
		}
	}
	if finalKey != key {
		// Listed at an address that redirects (or whose page points) to a
		// page already handled.
		its, err := p.store.items([]string{finalKey})
		if err != nil {
			return err
		}
		if fin, ok := its[finalKey]; ok && fin.done() {
			ir.Status, ir.MeetingID, ir.Err = itemDuplicate, fin.MeetingID, "redirects to "+finalKey
			rep.Seen++
			return p.store.putItems(map[string]itemRecord{key: ir})
		}
	}
	if other, err := p.store.hashURL(ir.Hash); err != nil {
		return err
	} else if other != "" && other != key && other != finalKey {
		ir.Status = itemDuplicate
		ir.Err = "same text as " + other
		rep.Seen++
		log.Debug("item is a duplicate", "url", it.Link, "of", other)
		return p.store.putItems(map[string]itemRecord{key: ir})
	}
	results, err := p.index.Add(ctx, r)
	if err != nil {
		return fmt.Errorf("index %s: %w", resp.URL, err)
	}
	if len(results) != 1 {
		return fmt.Errorf("index %s: %d results for one readout", resp.URL, len(results))
	}
	res := results[0]
	if res.Err != nil {
		status := itemError
		if errors.Is(res.Err, knowledge.ErrNotReadout) || errors.Is(res.Err, knowledge.ErrEmpty) {
			status = itemNotReadout
		}
		return fail(status, fmt.Errorf("%s: %w", resp.URL, res.Err))
	}
	ir.Status = itemIndexed
	ir.MeetingID = res.Meeting.ID
	ir.Err = ""
	if !res.Changed {
		// Already in the index as it is (the state file was lost, say).
		rep.Seen++
		return p.store.recordIndexed(urls, ir, s.Name, nil)
	}
	h := &rec.Health
	h.Items++
	if backfill {
		h.Backfill++
		rep.Backfill++
	} else {
		h.LastNew = now
		rep.New++
	}
	when := now
	if t, err := time.Parse(time.DateOnly, r.Published); err == nil && !t.After(now) {
		when = t
	}
	if when.After(rec.LastItem) {
		rec.LastItem = when
	}
	rec.Times = append(rec.Times, when)
	sort.Slice(rec.Times, func(i, j int) bool { return rec.Times[i].Before(rec.Times[j]) })
	if len(rec.Times) > 20 {
		rec.Times = rec.Times[len(rec.Times)-20:]
	}
	return p.store.recordIndexed(urls, ir, s.Name, rec)
}

// pageURL is the address a fetched page is known by: its canonical URL
// when the page declares one on its own host (so its many addresses make
// one meeting), else the address it was fetched from after redirects. A
// canonical on another host is ignored: a page may not speak for another
// site's readouts.
func pageURL(fetched, canonical string) string {
	key := normalizeURL(fetched)
	if canonical == "" {
		return key
	}
	base, err := url.Parse(fetched)
	if err != nil {
		return key
	}
	abs, ok := resolve(base, canonical)
	if !ok {
		return key
	}
	cu, err := url.Parse(abs)
	if err != nil || !strings.EqualFold(cu.Host, base.Host) {
		return key
	}
	return normalizeURL(abs)
}

// day formats t as YYYY-MM-DD, or "" when zero.
func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}
