package bot

import (
	"container/list"
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"sync"

	"github.com/readoutbot/readoutbot/knowledge"
)

// Buttons carry their state in custom_id (at most 100 characters). What does
// not fit (a long question, long filters) is kept in a small memo under a
// short hash, and recovered from the message itself where possible, so most
// buttons keep working after a restart.

// Custom id prefixes, one per kind of button.
const (
	idSources  = "src"  // src:<key>
	idMore     = "more" // more:<key>:<offset>
	idMeetings = "mt"   // mt:<offset>:<filter> or mt:<offset>:~<key>
)

// stateKey is a short stable key for a text.
func stateKey(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:6])
}

// memo is a bounded least-recently-used map from key to text.
type memo struct {
	mu    sync.Mutex
	max   int
	order *list.List
	items map[string]*list.Element
}

type memoItem struct{ key, value string }

func newMemo(max int) *memo {
	return &memo{max: max, order: list.New(), items: map[string]*list.Element{}}
}

// put stores value and returns its key.
func (m *memo) put(value string) string {
	key := stateKey(value)
	m.mu.Lock()
	defer m.mu.Unlock()
	if el, ok := m.items[key]; ok {
		m.order.MoveToFront(el)
		return key
	}
	m.items[key] = m.order.PushFront(memoItem{key, value})
	for m.order.Len() > m.max {
		el := m.order.Back()
		m.order.Remove(el)
		delete(m.items, el.Value.(memoItem).key)
	}
	return key
}

// clear forgets everything, as a restart does.
func (m *memo) clear() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.order.Init()
	clear(m.items)
}

func (m *memo) get(key string) (string, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	el, ok := m.items[key]
	if !ok {
		return "", false
	}
	m.order.MoveToFront(el)
	return el.Value.(memoItem).value, true
}

var filterEscaper = strings.NewReplacer("%", "%25", "|", "%7C")
var filterUnescaper = strings.NewReplacer("%7C", "|", "%25", "%")

// encodeFilter writes the user's filters (not paging) as one string.
func encodeFilter(f knowledge.Filter) string {
	parts := []string{f.Person, f.Country, f.Topic, f.From, f.To}
	for i, p := range parts {
		parts[i] = filterEscaper.Replace(p)
	}
	return strings.Join(parts, "|")
}

func decodeFilter(s string) (knowledge.Filter, bool) {
	parts := strings.Split(s, "|")
	if len(parts) != 5 {
		return knowledge.Filter{}, false
	}
	for i, p := range parts {
		parts[i] = filterUnescaper.Replace(p)
	}
	return knowledge.Filter{Person: parts[0], Country: parts[1], Topic: parts[2], From: parts[3], To: parts[4]}, true
}

// meetingsID is the custom id of a page button: the filters inline when they
// fit, else a memo key.
func meetingsID(m *memo, f knowledge.Filter, offset int) string {
	prefix := idMeetings + ":" + strconv.Itoa(offset) + ":"
	enc := encodeFilter(f)
	if len(prefix)+len(enc) <= maxCustomID {
		return prefix + enc
	}
	return prefix + "~" + m.put(enc)
}

// parseMeetingsID reverses meetingsID; errExpired when the memo lost it.
func parseMeetingsID(m *memo, id string) (knowledge.Filter, int, error) {
	rest, ok := strings.CutPrefix(id, idMeetings+":")
	if !ok {
		return knowledge.Filter{}, 0, errBadID
	}
	off, enc, ok := strings.Cut(rest, ":")
	offset, err := strconv.Atoi(off)
	if !ok || err != nil || offset < 0 {
		return knowledge.Filter{}, 0, errBadID
	}
	if key, ok := strings.CutPrefix(enc, "~"); ok {
		if enc, ok = m.get(key); !ok {
			return knowledge.Filter{}, 0, errExpired
		}
	}
	f, ok := decodeFilter(enc)
	if !ok {
		return knowledge.Filter{}, 0, errBadID
	}
	return f, offset, nil
}
