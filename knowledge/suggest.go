package knowledge

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Field names what Suggest completes.
type Field string

// The fields Suggest completes.
const (
	FieldPerson  Field = "person"
	FieldCountry Field = "country"
	FieldTopic   Field = "topic"
	FieldMeeting Field = "meeting"
)

// Suggestion is one completion: Value goes back into a command, Label is shown.
type Suggestion struct {
	Value, Label string
}

// maxSuggestions caps Suggest's limit (Discord shows at most 25 choices).
const maxSuggestions = 25

// Suggest completes prefix for a field, most frequent first. Every word of a
// value can match ("ab" finds "Shinzo Abe"); earlier words of a multi-word
// prefix must match whole words. Meetings are matched on title words and
// returned newest first, with their id as Value.
func (ix *Index) Suggest(ctx context.Context, f Field, prefix string, limit int) ([]Suggestion, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if limit <= 0 || limit > maxSuggestions {
		limit = maxSuggestions
	}
	var l *termList
	switch f {
	case FieldPerson:
		l = &ix.terms.person
	case FieldCountry:
		l = &ix.terms.country
	case FieldTopic:
		l = &ix.terms.topic
	case FieldMeeting:
		if ix.terms.titles.ready() {
			return ix.terms.titles.suggest(prefix, limit), nil
		}
		return ix.suggestMeetings(ctx, prefix, limit)
	default:
		return nil, fmt.Errorf("suggest field %q: %w", f, ErrNotFound)
	}
	ix.terms.mu.Lock()
	defer ix.terms.mu.Unlock()
	return l.suggest(prefix, limit), nil
}

func (ix *Index) suggestMeetings(ctx context.Context, prefix string, limit int) ([]Suggestion, error) {
	words := ixWords(prefix)
	var q query.Query
	if len(words) == 0 {
		q = bleve.NewMatchAllQuery()
	} else {
		var parts []query.Query
		for i, w := range words {
			if i == len(words)-1 && !strings.HasSuffix(prefix, " ") {
				p := bleve.NewPrefixQuery(w)
				p.SetField(fTitleWord)
				parts = append(parts, p)
				continue
			}
			t := bleve.NewTermQuery(w)
			t.SetField(fTitleWord)
			parts = append(parts, t)
		}
		q = bleve.NewConjunctionQuery(parts...)
	}
	req := bleve.NewSearchRequestOptions(q, limit, 0, false)
	req.Fields = []string{fTitle, fDate}
	req.SortBy([]string{"-" + fDate, "_id"})
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("suggest meetings: %w", err)
	}
	out := make([]Suggestion, 0, len(res.Hits))
	for _, h := range res.Hits {
		title, _ := h.Fields[fTitle].(string)
		date, _ := h.Fields[fDate].(string)
		label := title
		if date != "" {
			label = date + " " + title
		}
		out = append(out, Suggestion{Value: h.ID, Label: ixTruncate(label, 100)})
	}
	return out, nil
}

func ixTruncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// termLists are the distinct people, affiliations and topics in the index,
// read from bleve's field dictionaries at Open and extended on Add, so
// Suggest and question parsing never search for them.
type termLists struct {
	mu      sync.Mutex
	person  termList
	country termList
	topic   termList
	names   termList // participant names, without offices
	// nameWords maps a folded word of a person's name to the people whose
	// names hold it ("abe" -> "Shinzo Abe").
	nameWords map[string][]int
	// affWords are the folded words of affiliations ("japan", "nations").
	affWords map[string]bool
	titles   titleList
}

func newTermLists() *termLists {
	return &termLists{nameWords: map[string][]int{}, affWords: map[string]bool{}}
}

// termList is a set of values with counts and a sorted index of their words.
type termList struct {
	values []string
	counts []int
	folded []string
	where  map[string]int
	words  []wordRef // sorted by word, built lazily
	dirty  bool
}

type wordRef struct {
	word string
	idx  int
}

// add counts one more meeting for value and returns its index.
func (l *termList) add(value string, n int) int {
	if l.where == nil {
		l.where = map[string]int{}
	}
	if i, ok := l.where[value]; ok {
		l.counts[i] += n
		return i
	}
	i := len(l.values)
	l.where[value] = i
	l.values = append(l.values, value)
	l.counts = append(l.counts, n)
	l.folded = append(l.folded, strings.Join(ixWords(value), " "))
	l.dirty = true
	return i
}

func (l *termList) index() {
	if !l.dirty {
		return
	}
	l.words = l.words[:0]
	for i, f := range l.folded {
		for _, w := range strings.Fields(f) {
			l.words = append(l.words, wordRef{w, i})
		}
	}
	slices.SortFunc(l.words, func(a, b wordRef) int {
		return cmp.Or(strings.Compare(a.word, b.word), cmp.Compare(a.idx, b.idx))
	})
	l.dirty = false
}

// suggestScan caps how many word matches one Suggest ranks, so a one-letter
// prefix over a huge list stays fast.
const suggestScan = 5000

func (l *termList) suggest(prefix string, limit int) []Suggestion {
	l.index()
	words := ixWords(prefix)
	var idxs []int
	if len(words) == 0 {
		idxs = make([]int, len(l.values))
		for i := range idxs {
			idxs[i] = i
		}
	} else {
		last := words[len(words)-1]
		lo, _ := slices.BinarySearchFunc(l.words, last, func(a wordRef, w string) int { return strings.Compare(a.word, w) })
		seen := map[int]bool{}
		for j := lo; j < len(l.words) && strings.HasPrefix(l.words[j].word, last) && len(seen) < suggestScan; j++ {
			i := l.words[j].idx
			if seen[i] {
				continue
			}
			seen[i] = true
			if len(words) > 1 && !ixHasWords(l.folded[i], words[:len(words)-1]) {
				continue
			}
			idxs = append(idxs, i)
		}
	}
	slices.SortFunc(idxs, func(a, b int) int {
		return cmp.Or(cmp.Compare(l.counts[b], l.counts[a]), strings.Compare(l.folded[a], l.folded[b]))
	})
	if len(idxs) > limit {
		idxs = idxs[:limit]
	}
	out := make([]Suggestion, len(idxs))
	for k, i := range idxs {
		out[k] = Suggestion{Value: l.values[i], Label: ixTruncate(l.values[i], 100)}
	}
	return out
}

func ixHasWords(folded string, words []string) bool {
	have := strings.Fields(folded)
	for _, w := range words {
		if !slices.Contains(have, w) {
			return false
		}
	}
	return true
}

// add records the people, affiliations and topics of a new meeting.
func (t *termLists) add(m Meeting) { t.addTerms(m, meetingTerms(m)) }

// addTerms counts m with its terms as meetingTerms gives them.
func (t *termLists) addTerms(m Meeting, terms []termKey) {
	t.mu.Lock()
	defer t.mu.Unlock()
	// Count each value once per meeting, as the store's counts do.
	for _, k := range terms {
		switch k.kind {
		case termPerson:
			t.person.add(k.value, 1)
		case termName:
			t.addName(k.value, 1)
		case termCountry:
			t.addCountry(k.value, 1)
		case termTopic:
			t.topic.add(k.value, 1)
		}
	}
	t.titles.put(m.ID, m.Date, m.Title)
}

func (t *termLists) addName(name string, n int) {
	before := len(t.names.values)
	i := t.names.add(name, n)
	if i < before {
		return
	}
	for _, w := range ixUnique(ixWords(name)) {
		t.nameWords[w] = append(t.nameWords[w], i)
	}
}

func (t *termLists) addCountry(aff string, n int) {
	t.country.add(aff, n)
	for _, w := range ixWords(aff) {
		if !ixStopWords[w] {
			t.affWords[w] = true
		}
	}
}

// isAffWord reports whether w is a word of some participant's affiliation.
func (t *termLists) isAffWord(w string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.affWords[w]
}

// peopleWith returns the labels of people who may be the one words name:
// their names hold every word (in any nickname form: "Joe" for "Joseph"),
// or their identifying words are all among words ("Biden" for "Joe
// Biden").
func (t *termLists) peopleWith(words []string) []string {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(words) == 0 {
		return nil
	}
	var out []string
	seen := map[int]bool{}
	for _, f := range nameForms(words[0]) {
		for _, i := range t.nameWords[f] {
			if !seen[i] && t.hasNameForms(i, words[1:]) {
				seen[i] = true
				out = append(out, t.names.values[i])
			}
		}
	}
	if len(words) > 1 {
		for _, w := range words {
			for _, f := range nameForms(w) {
				for n, i := range t.nameWords[f] {
					if n >= maxNameScan {
						break
					}
					if !seen[i] && nameWithin(strings.Fields(t.names.folded[i]), words) {
						seen[i] = true
						out = append(out, t.names.values[i])
					}
				}
			}
		}
	}
	return out
}

// hasNameForms reports whether name i holds every word in some form.
func (t *termLists) hasNameForms(i int, words []string) bool {
	have := strings.Fields(t.names.folded[i])
	for _, w := range words {
		found := false
		for _, f := range nameForms(w) {
			if slices.Contains(have, f) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// isNameWord reports whether w, or a nickname form of it, is a word of
// some indexed person's name.
func (t *termLists) isNameWord(w string) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, f := range nameForms(w) {
		if len(t.nameWords[f]) > 0 {
			return true
		}
	}
	return false
}

// loadTerms fills the term lists from the store's counts.
func (ix *Index) loadTerms() error {
	t := newTermLists()
	for kind, add := range map[termKind]func(string, int){
		termPerson:  func(s string, n int) { t.person.add(s, n) },
		termName:    t.addName,
		termCountry: t.addCountry,
		termTopic:   func(s string, n int) { t.topic.add(s, n) },
	} {
		if err := ix.store.terms(kind, add); err != nil {
			return err
		}
	}
	count, err := ix.bleve.DocCount()
	if err != nil {
		return fmt.Errorf("count meetings: %w", err)
	}
	loaded := 0
	err = ix.store.titles(func(id, date, title string) {
		t.titles.put(id, date, title)
		loaded++
	})
	if err != nil {
		return err
	}
	if loaded < int(count) {
		// Made before titles were kept: fill them in once.
		n, err := ix.store.backfillTitles()
		if err != nil {
			return err
		}
		ix.log.Info("stored meeting titles for suggestions", "meetings", n)
		if err := ix.store.titles(func(id, date, title string) { t.titles.put(id, date, title) }); err != nil {
			return err
		}
	}
	ix.terms = t
	return nil
}

// titleList is every meeting's title with, per title word, the meetings
// newest first, so meeting suggestions never search the index. It is read
// from the store's small title bucket at Open, indexed once (in the
// background after Open, or on first use) and then kept up to date entry
// by entry.
type titleList struct {
	mu      sync.Mutex
	byID    map[string]int
	entries []titleEntry
	all     []int            // entry indices, newest first
	posting map[string][]int // title word -> entry indices, newest first
	vocab   []string         // the title words, sorted
	built   bool
}

type titleEntry struct {
	id, date, title string
	gone            bool
}

// newer orders entries newest first, then by id.
func (l *titleList) newer(a, b int) int {
	ea, eb := &l.entries[a], &l.entries[b]
	return cmp.Or(strings.Compare(eb.date, ea.date), strings.Compare(ea.id, eb.id))
}

// ready reports whether the list knows any meeting (an index built before
// titles were stored falls back to searching).
func (l *titleList) ready() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.entries) > 0
}

func (l *titleList) put(id, date, title string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.byID == nil {
		l.byID = map[string]int{}
	}
	e := titleEntry{id: id, date: date, title: title}
	if i, ok := l.byID[id]; ok {
		l.entries[i] = e
		l.built = false // an edit may move it: index again on next use
		return
	}
	i := len(l.entries)
	l.byID[id] = i
	l.entries = append(l.entries, e)
	if l.built {
		l.all = l.insert(l.all, i)
		for _, w := range ixUnique(ixWords(title)) {
			if len(l.posting[w]) == 0 {
				at, _ := slices.BinarySearch(l.vocab, w)
				l.vocab = slices.Insert(l.vocab, at, w)
			}
			l.posting[w] = l.insert(l.posting[w], i)
		}
	}
}

// insert puts entry i into a newest-first list.
func (l *titleList) insert(list []int, i int) []int {
	at, _ := slices.BinarySearchFunc(list, i, l.newer)
	return slices.Insert(list, at, i)
}

func (l *titleList) remove(id string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if i, ok := l.byID[id]; ok {
		l.entries[i].gone = true // skipped by suggest
	}
}

func (l *titleList) build() {
	if l.built {
		return
	}
	l.all = l.all[:0]
	for i := range l.entries {
		l.all = append(l.all, i)
	}
	slices.SortFunc(l.all, l.newer)
	l.posting = map[string][]int{}
	for _, i := range l.all {
		for _, w := range ixUnique(ixWords(l.entries[i].title)) {
			l.posting[w] = append(l.posting[w], i)
		}
	}
	l.vocab = slices.Sorted(maps.Keys(l.posting))
	l.built = true
}

// warm indexes the titles ahead of the first suggestion.
func (l *titleList) warm() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.build()
}

// suggest returns the newest meetings whose titles hold the prefix's
// words, the last one as a prefix.
func (l *titleList) suggest(prefix string, limit int) []Suggestion {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.build()
	words := ixWords(prefix)
	var kept []int // entry indices, newest first
	consider := func(list []int, whole []string) {
		for _, i := range list {
			if len(kept) == limit && l.newer(i, kept[limit-1]) >= 0 {
				break // the rest of this list is older still
			}
			if l.entries[i].gone || slices.Contains(kept, i) {
				continue
			}
			if len(whole) > 0 && !ixHasAll(ixWords(l.entries[i].title), whole) {
				continue
			}
			at, _ := slices.BinarySearchFunc(kept, i, l.newer)
			kept = slices.Insert(kept, at, i)
			if len(kept) > limit {
				kept = kept[:limit]
			}
		}
	}
	if len(words) == 0 {
		consider(l.all, nil)
	} else {
		last, whole := words[len(words)-1], words[:len(words)-1]
		if strings.HasSuffix(prefix, " ") {
			whole = words
		}
		lo, _ := slices.BinarySearch(l.vocab, last)
		for _, w := range l.vocab[lo:] {
			if !strings.HasPrefix(w, last) {
				break
			}
			consider(l.posting[w], whole)
		}
	}
	out := make([]Suggestion, 0, len(kept))
	for _, i := range kept {
		e := l.entries[i]
		label := e.title
		if e.date != "" {
			label = e.date + " " + e.title
		}
		out = append(out, Suggestion{Value: e.id, Label: ixTruncate(label, 100)})
	}
	return out
}
