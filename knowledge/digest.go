package knowledge

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// A digest is the list of readouts that came in during one period, for a
// channel or a cron job. Three dates matter and are kept apart:
//
//   - the meeting date (Meeting.Date) says what the digest is about;
//   - the release date (Meeting.Published) is when the publisher put it out;
//   - the ingest time (Meeting.Ingested) is when this index took it in.
//
// Selection rule: a readout belongs to the digest whose window [From, To)
// holds its Ingested time. Ingest times only move forward and consecutive
// digests of a channel use touching windows (the next From is the previous
// To), so every readout lands in exactly one digest of that channel,
// whatever its meeting or release date says, and a readout that arrives
// late (a publisher posting days after, a source that was down) is not lost
// in a day that was already posted. A meeting never stamped by an Index (zero
// Ingested) is in no digest. An edited readout is a new version with a new
// ingest time, so it appears again, in the digest of the period it changed.
//
// Within a digest a readout is either about a meeting held in the period
// (its date is on or after the local day before From, in the digest's time
// zone: readouts of a meeting held late in another zone often arrive the
// next local morning) or about an earlier meeting (older, or undated), and
// is listed apart and marked as such.

// DefaultDigestLimit is Discord's limit on the length of a message, which
// Render respects by default.
const DefaultDigestLimit = 2000

// DigestGrouping says how the lines of a digest are ordered and headed.
type DigestGrouping string

// Groupings of a digest.
const (
	// GroupByImportance orders meetings by the rank of their most senior
	// participant (heads of state and government first), without headings.
	GroupByImportance DigestGrouping = "importance"
	// GroupByCountry heads meetings by the country or organisation of their
	// first participant (usually the publisher's side), most active first.
	GroupByCountry DigestGrouping = "country"
)

// ParseDigestGrouping reads a grouping name; "" means GroupByImportance.
func ParseDigestGrouping(s string) (DigestGrouping, error) {
	switch g := DigestGrouping(strings.ToLower(strings.TrimSpace(s))); g {
	case "":
		return GroupByImportance, nil
	case GroupByImportance, GroupByCountry:
		return g, nil
	}
	return "", fmt.Errorf("unknown grouping %q: use %q or %q", s, GroupByImportance, GroupByCountry)
}

// ErrDigestWindow means a digest was asked for with an empty or reversed
// window.
var ErrDigestWindow = errors.New("digest window must have From before To")

// DigestOptions choose what one digest holds.
type DigestOptions struct {
	// From (inclusive) and To (exclusive) bound the ingest times selected.
	From, To time.Time
	// Location is the subscriber's time zone, for dates and the stamp; nil
	// means UTC.
	Location *time.Location
	// AsOf is the moment the digest is made, shown in its stamp; zero means
	// To.
	AsOf time.Time
	// Person, Country and Topic keep only matching meetings (all words of
	// each, case and accents ignored); empty ones do not filter.
	Person, Country, Topic string
	// Grouping orders the lines; "" means GroupByImportance.
	Grouping DigestGrouping
	// Late marks a digest posted after its time, after downtime.
	Late bool
}

// DigestItem is one meeting line of a digest.
type DigestItem struct {
	Meeting Meeting
	// Earlier is true for a readout about a meeting held before the period
	// (or with no date).
	Earlier bool
	// Group is the heading the meeting sits under with GroupByCountry.
	Group string
	// Rank is the seniority of the meeting's most senior participant;
	// lower is more senior.
	Rank int
}

// Digest is the selection for one period, ready to render.
type Digest struct {
	// From and To are the ingest window; AsOf is when it was made.
	From, To, AsOf time.Time
	Location       *time.Location
	Options        DigestOptions
	// Held are meetings held in the period; Earlier are readouts of older
	// meetings first seen in it. Each is in display order.
	Held, Earlier []DigestItem
}

// Empty reports whether the period brought no readouts.
func (d Digest) Empty() bool { return len(d.Held) == 0 && len(d.Earlier) == 0 }

// Len is the number of meetings in the digest.
func (d Digest) Len() int { return len(d.Held) + len(d.Earlier) }

// BuildDigest selects and orders the digest for opts from meetings (any
// superset of the window, such as Index.Meetings results).
func BuildDigest(meetings []Meeting, opts DigestOptions) (Digest, error) {
	if opts.From.IsZero() || opts.To.IsZero() || !opts.From.Before(opts.To) {
		return Digest{}, ErrDigestWindow
	}
	if _, err := ParseDigestGrouping(string(opts.Grouping)); err != nil {
		return Digest{}, err
	}
	if opts.Location == nil {
		opts.Location = time.UTC
	}
	if opts.AsOf.IsZero() {
		opts.AsOf = opts.To
	}
	if opts.Grouping == "" {
		opts.Grouping = GroupByImportance
	}
	d := Digest{From: opts.From, To: opts.To, AsOf: opts.AsOf, Location: opts.Location, Options: opts}
	// A meeting held on the local day before the window opened still counts
	// as held in the period (see the rule above).
	heldSince := opts.From.In(opts.Location).AddDate(0, 0, -1).Format(time.DateOnly)
	seen := map[string]bool{}
	for _, m := range meetings {
		if m.Ingested.IsZero() || m.Ingested.Before(opts.From) || !m.Ingested.Before(opts.To) {
			continue
		}
		if !matchDigestFilters(m, opts) {
			continue
		}
		key := m.ID
		if key == "" {
			key = m.SourceURL + "\x00" + m.Title + "\x00" + m.Date
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		it := DigestItem{Meeting: m, Rank: digestMeetingRank(m), Group: digestGroup(m)}
		if m.Date == "" || m.Date < heldSince {
			it.Earlier = true
			d.Earlier = append(d.Earlier, it)
		} else {
			d.Held = append(d.Held, it)
		}
	}
	sortDigestItems(d.Held, opts.Grouping)
	sortDigestItems(d.Earlier, opts.Grouping)
	return d, nil
}

// sortDigestItems orders items for display: by group (most meetings first)
// when grouping by country, then by seniority, newest meeting, more
// participants, and title, so the order never depends on input order.
func sortDigestItems(items []DigestItem, g DigestGrouping) {
	size := map[string]int{}
	for _, it := range items {
		size[it.Group]++
	}
	slices.SortStableFunc(items, func(a, b DigestItem) int {
		if g == GroupByCountry && a.Group != b.Group {
			if a.Group == digestOtherGroup || b.Group == digestOtherGroup {
				return digestBoolCmp(a.Group == digestOtherGroup, b.Group == digestOtherGroup)
			}
			if c := cmp.Compare(size[b.Group], size[a.Group]); c != 0 {
				return c
			}
			return cmp.Compare(a.Group, b.Group)
		}
		return cmp.Or(
			cmp.Compare(a.Rank, b.Rank),
			cmp.Compare(b.Meeting.Date, a.Meeting.Date),
			cmp.Compare(len(b.Meeting.Participants), len(a.Meeting.Participants)),
			cmp.Compare(a.Meeting.Title, b.Meeting.Title),
			cmp.Compare(a.Meeting.ID, b.Meeting.ID),
		)
	})
}

func digestBoolCmp(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// digestOtherGroup heads meetings whose first participant has no affiliation.
const digestOtherGroup = "Other"

func digestGroup(m Meeting) string {
	for _, p := range m.Participants {
		if p.Affiliation != "" {
			return p.Affiliation
		}
	}
	return digestOtherGroup
}

// Seniority ranks of participants, most senior first.
const (
	rankLeader   = 0 // heads of state and government, UN and EU chiefs
	rankMinister = 1 // ministers, deputies, secretaries of departments
	rankOther    = 2
)

// digestMeetingRank is the rank of the most senior participant.
func digestMeetingRank(m Meeting) int {
	r := rankOther
	for _, p := range m.Participants {
		r = min(r, digestTitleRank(p.Title))
	}
	return r
}

func digestTitleRank(title string) int {
	t := " " + foldDigest(title) + " "
	for _, junior := range []string{" vice ", " deputy ", " former ", " acting ", " assistant ", " under secretary ", " special envoy ", " special representative "} {
		if strings.Contains(t, junior) {
			return rankMinister
		}
	}
	for _, w := range []string{" president ", " prime minister ", " chancellor ", " king ", " queen ", " emperor ", " sultan ", " emir ", " premier ", " secretary general ", " taoiseach ", " crown prince "} {
		if strings.Contains(t, w) {
			return rankLeader
		}
	}
	for _, w := range []string{" minister ", " secretary ", " foreign ", " commissioner ", " high representative ", " ambassador "} {
		if strings.Contains(t, w) {
			return rankMinister
		}
	}
	return rankOther
}

// matchDigestFilters applies the person, country and topic filters with the
// same meaning as Filter: every word of the filter must appear.
func matchDigestFilters(m Meeting, opts DigestOptions) bool {
	if words := digestWords(opts.Person); len(words) > 0 {
		ok := false
		for _, p := range m.Participants {
			if digestHasWords(p.Name+" "+p.Label(), words) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	if words := digestWords(opts.Country); len(words) > 0 {
		ok := false
		for _, p := range m.Participants {
			if digestHasWords(AffiliationText(p.Affiliation), words) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	if words := digestWords(opts.Topic); len(words) > 0 {
		texts := append([]string{m.Title, m.Text}, m.Topics...)
		for _, p := range m.Positions {
			texts = append(texts, p.Topic, p.Text)
		}
		ok := false
		for _, t := range texts {
			if digestHasWords(t, words) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

func digestHasWords(text string, words []string) bool {
	have := map[string]bool{}
	for _, w := range digestWords(text) {
		have[w] = true
	}
	for _, w := range words {
		if !have[w] {
			return false
		}
	}
	return true
}

// digestWords splits s into folded words.
func digestWords(s string) []string {
	return strings.FieldsFunc(foldDigest(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// foldDigest lower-cases s, drops common Latin accents and turns
// punctuation into spaces, so "António" matches "antonio" and
// "Secretary-General" matches "secretary general".
func foldDigest(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if f, ok := digestAccents[r]; ok {
			r = f
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			r = ' '
		}
		b.WriteRune(r)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

var digestAccents = func() map[rune]rune {
	m := map[rune]rune{}
	for base, accented := range map[rune]string{
		'a': "àáâãäåāăą", 'c': "çćčĉ", 'd': "ďđ", 'e': "èéêëēėęěĕ", 'g': "ğĝģ",
		'i': "ìíîïīįıĭ", 'l': "łľĺļ", 'n': "ñńňņ", 'o': "òóôõöøōőŏ", 'r': "řŕ",
		's': "śšşșŝ", 't': "ťţț", 'u': "ùúûüūůűųŭ", 'y': "ýÿ", 'z': "źżž",
	} {
		for _, r := range accented {
			m[r] = base
		}
	}
	return m
}()

// DigestRender chooses how a digest is written out.
type DigestRender struct {
	// Limit is the most characters (UTF-16 units, as Discord counts) in one
	// chunk; 0 means DefaultDigestLimit.
	Limit int
	// AngleLinks wraps links in <...>, which stops Discord from unfurling a
	// preview for each.
	AngleLinks bool
	// EmptyLine renders an empty digest as one short line instead of
	// nothing, for admins who want to see that the bot is alive.
	EmptyLine bool
}

// Render writes the digest as plain text split into chunks of at most
// r.Limit characters, breaking only between lines. The first chunk opens with
// the heading and the "as of" stamp; later ones say they continue it. An
// empty digest renders as nothing, or one short line when r.EmptyLine.
func (d Digest) Render(r DigestRender) []string {
	limit := r.Limit
	if limit <= 0 {
		limit = DefaultDigestLimit
	}
	if d.Empty() {
		if !r.EmptyLine {
			return nil
		}
		return []string{digestFitLine(d.emptyLine(), limit)}
	}
	var lines []string
	lines = append(lines, d.heading()...)
	section := func(title string, items []DigestItem) {
		if len(items) == 0 {
			return
		}
		lines = append(lines, "", title)
		group := ""
		for _, it := range items {
			if d.Options.Grouping == GroupByCountry && it.Group != group {
				group = it.Group
				lines = append(lines, "  "+group)
			}
			lines = append(lines, d.line(it, r.AngleLinks))
		}
	}
	section(fmt.Sprintf("Meetings held (%d)", len(d.Held)), d.Held)
	section(fmt.Sprintf("Readouts of earlier meetings, first seen in this period (%d)", len(d.Earlier)), d.Earlier)
	return digestChunks(lines, limit, "Readout digest (continued)")
}

// heading is the title and stamp.
func (d Digest) heading() []string {
	loc := d.Location
	from, to, asOf := d.From.In(loc), d.To.In(loc), d.AsOf.In(loc)
	title := "Readout digest"
	if d.Options.Late {
		title = "Late readout digest (missed while the bot was offline)"
	}
	head := fmt.Sprintf("%s: readouts received %s to %s (%s)", title,
		from.Format("Mon 2 Jan 2006 15:04"), to.Format("Mon 2 Jan 2006 15:04"), loc)
	stamp := fmt.Sprintf("As of %s · %s", asOf.Format("Mon 2 Jan 2006 15:04 MST"), digestPlural(d.Len(), "meeting"))
	if f := d.filterNote(); f != "" {
		stamp += " · " + f
	}
	return []string{head, stamp}
}

func (d Digest) filterNote() string {
	var parts []string
	for _, f := range []struct{ name, v string }{{"person", d.Options.Person}, {"country", d.Options.Country}, {"topic", d.Options.Topic}} {
		if v := strings.TrimSpace(f.v); v != "" {
			parts = append(parts, f.name+": "+v)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "only " + strings.Join(parts, ", ")
}

func (d Digest) emptyLine() string {
	loc := d.Location
	s := fmt.Sprintf("No new readouts between %s and %s (%s)",
		d.From.In(loc).Format("Mon 2 Jan 15:04"), d.To.In(loc).Format("Mon 2 Jan 15:04"), loc)
	if f := d.filterNote(); f != "" {
		s += ", " + f
	}
	return s + "."
}

func digestPlural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// maxLineTopics is how many topics a line names.
const maxLineTopics = 3

// line is one meeting: who met whom, how, where and when, the main topics
// and the link.
func (d Digest) line(it DigestItem, angle bool) string {
	m := it.Meeting
	var b strings.Builder
	b.WriteString("- ")
	b.WriteString(digestWho(m))
	if m.Location != "" && m.Kind != KindTelephone && m.Kind != KindVideo {
		b.WriteString(" in " + m.Location)
	}
	var when []string
	if m.Date != "" {
		if t, err := time.Parse(time.DateOnly, m.Date); err == nil {
			layout := "2 Jan"
			if it.Earlier || t.Year() != d.To.In(d.Location).Year() {
				layout = "2 Jan 2006"
			}
			when = append(when, t.Format(layout))
		}
	} else {
		when = append(when, "date not given")
	}
	if it.Earlier {
		if m.Published != "" {
			when = append(when, "published "+m.Published)
		} else {
			when = append(when, "newly received")
		}
	}
	if len(when) > 0 {
		b.WriteString(" (" + strings.Join(when, ", ") + ")")
	}
	if topics := digestTopics(m); len(topics) > 0 {
		b.WriteString(": " + strings.Join(topics, "; "))
	}
	if m.SourceURL != "" {
		link := m.SourceURL
		if angle {
			link = "<" + link + ">"
		}
		b.WriteString(" " + link)
	}
	return b.String()
}

// digestWho says who met whom: "A (Japan) met B (United Nations)", "A spoke by
// phone with B", "A, B and C met".
func digestWho(m Meeting) string {
	var names []string
	for _, p := range m.Participants {
		names = append(names, digestParticipant(p))
	}
	switch len(names) {
	case 0:
		return strings.TrimSpace(m.Title)
	case 1:
		switch m.Kind {
		case KindTelephone:
			return names[0] + " held a phone call"
		case KindVideo:
			return names[0] + " held a video call"
		}
		return names[0] + " held a meeting"
	case 2:
		switch m.Kind {
		case KindTelephone:
			return names[0] + " spoke by phone with " + names[1]
		case KindVideo:
			return names[0] + " held a video call with " + names[1]
		}
		return names[0] + " met " + names[1]
	}
	list := strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	switch m.Kind {
	case KindTelephone:
		return list + " spoke by phone"
	case KindVideo:
		return list + " met by video"
	}
	return list + " met"
}

func digestParticipant(p Participant) string {
	label := p.Label()
	if label == "" {
		label = "unnamed participant"
	}
	if p.Affiliation != "" && !strings.Contains(label, p.Affiliation) {
		label += " (" + p.Affiliation + ")"
	}
	return label
}

// digestTopics are the first few topics, or the topics of the positions when
// the readout lists none.
func digestTopics(m Meeting) []string {
	var out []string
	seen := map[string]bool{}
	add := func(t string) {
		t = strings.TrimSpace(t)
		k := foldDigest(t)
		if t == "" || seen[k] || len(out) >= maxLineTopics {
			return
		}
		seen[k] = true
		out = append(out, digestTruncate(t, 60))
	}
	for _, t := range m.Topics {
		add(t)
	}
	if len(out) == 0 {
		for _, p := range m.Positions {
			add(p.Topic)
		}
	}
	return out
}

func digestTruncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// digestLen counts s as Discord does its message limit: UTF-16 code units
// (which is never less than the number of characters).
func digestLen(s string) int {
	n := 0
	for _, r := range s {
		n += max(utf16.RuneLen(r), 1)
	}
	return n
}

// digestFitLine shortens a line to limit characters, keeping a trailing link
// whole when it can.
func digestFitLine(s string, limit int) string {
	if digestLen(s) <= limit {
		return s
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		l := max(utf16.RuneLen(r), 1)
		if n+l > limit-1 {
			break
		}
		b.WriteRune(r)
		n += l
	}
	return b.String() + "…"
}

// digestChunks packs lines into chunks of at most limit characters, breaking
// only between lines; a chunk after the first opens with cont. Headings
// (lines not starting with "- ") that would end a chunk move to the next,
// to stay with the lines they head.
func digestChunks(lines []string, limit int, cont string) []string {
	var chunks []string
	var cur []string
	for i := range lines {
		lines[i] = digestFitLine(lines[i], limit-digestLen(cont)-1)
	}
	size := func(ls []string) int {
		n := 0
		for i, l := range ls {
			if i > 0 {
				n++
			}
			n += digestLen(l)
		}
		return n
	}
	curSize := 0 // size(cur), kept as lines are added
	for _, l := range lines {
		if len(cur) == 0 || curSize+1+digestLen(l) <= limit {
			if len(cur) > 0 {
				curSize++
			}
			cur = append(cur, l)
			curSize += digestLen(l)
			continue
		}
		// Full: carry trailing headings and blank lines over, unless they
		// are all the chunk holds besides its opening line.
		cut := len(cur)
		for cut > 1 && !strings.HasPrefix(cur[cut-1], "- ") {
			cut--
		}
		if cut <= 1 {
			cut = len(cur)
		}
		next := []string{cont}
		for _, c := range cur[cut:] {
			if c != "" {
				next = append(next, c)
			}
		}
		if l != "" {
			next = append(next, l)
		}
		if size(next) > limit { // no room to carry: headings stay behind
			cut = len(cur)
			next = []string{cont}
			if l != "" {
				next = append(next, l)
			}
		}
		chunks = append(chunks, strings.Join(trimBlankTail(cur[:cut]), "\n"))
		cur, curSize = next, size(next)
	}
	if rest := trimBlankTail(cur); len(rest) > 0 && !(len(rest) == 1 && rest[0] == cont && len(chunks) > 0) {
		chunks = append(chunks, strings.Join(rest, "\n"))
	}
	return chunks
}

func trimBlankTail(ls []string) []string {
	for len(ls) > 0 && ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	return ls
}
