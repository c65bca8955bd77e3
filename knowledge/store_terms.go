package knowledge

import (
	"cmp"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// The autocomplete lists (people, names, countries, topics, each with how
// many meetings hold it) are kept as counts in the store rather than as
// bleve fields: nothing searches them, they only had to be read back at
// Open, and every such keyword field made bleve build and merge a
// dictionary of mostly unique terms for each readout ingested.

var bucketTerms = []byte("terms") // term kind -> value -> meetings holding it (uvarint)

// termKind is one autocomplete list.
type termKind string

const (
	termPerson  termKind = "person"  // participant labels
	termName    termKind = "name"    // participant names (not offices)
	termCountry termKind = "country" // affiliations
	termTopic   termKind = "topic"   // topics
)

var termKinds = []termKind{termPerson, termName, termCountry, termTopic}

// termKey is one value of one list.
type termKey struct {
	kind  termKind
	value string
}

// termDeltas are changes to the counts, gathered over a transaction so each
// key is written once however many meetings in a chunk hold it.
type termDeltas map[termKey]int

// meetingTerms are m's values for each list, each once, in meeting order.
func meetingTerms(m Meeting) []termKey {
	// A meeting holds a few dozen values at most: a scan finds repeats
	// at less cost than a map.
	out := make([]termKey, 0, 3*len(m.Participants)+len(m.Topics))
	count := func(k termKind, v string) {
		key := termKey{k, v}
		if v == "" || slices.Contains(out, key) {
			return
		}
		out = append(out, key)
	}
	for _, p := range m.Participants {
		count(termPerson, p.Label())
		count(termName, p.Name)
		count(termCountry, CountryName(p.Affiliation))
	}
	for _, t := range m.Topics {
		count(termTopic, t)
	}
	return out
}

// add counts m's terms with sign delta.
func (d termDeltas) add(m Meeting, delta int) { d.addKeys(meetingTerms(m), delta) }

// addKeys counts terms (one meeting's, from meetingTerms) with sign delta.
func (d termDeltas) addKeys(terms []termKey, delta int) {
	for _, k := range terms {
		d[k] += delta
	}
}

// apply writes the deltas in tx, dropping values no meeting holds any more.
func (d termDeltas) apply(tx *bolt.Tx) error {
	keys := make([]termKey, 0, len(d))
	for k, n := range d {
		if n != 0 {
			keys = append(keys, k)
		}
	}
	// Sorted keys write each page of the B+tree once.
	slices.SortFunc(keys, func(a, b termKey) int {
		if c := cmp.Compare(a.kind, b.kind); c != 0 {
			return c
		}
		return cmp.Compare(a.value, b.value)
	})
	root := tx.Bucket(bucketTerms)
	for _, k := range keys {
		b, err := root.CreateBucketIfNotExists([]byte(k.kind))
		if err != nil {
			return err
		}
		key := []byte(k.value)
		n := int64(d[k])
		if v := b.Get(key); v != nil {
			old, _ := binary.Uvarint(v)
			n += int64(old)
		}
		if n <= 0 {
			if err := b.Delete(key); err != nil {
				return err
			}
			continue
		}
		// bbolt keeps the value slice until the transaction ends: one each.
		if err := b.Put(key, binary.AppendUvarint(nil, uint64(n))); err != nil {
			return err
		}
	}
	return nil
}

// countStoredTerms recounts every list from the stored meetings, for a
// store made before the counts were kept.
func countStoredTerms(tx *bolt.Tx) (int, error) {
	d := termDeltas{}
	n := 0
	err := tx.Bucket(bucketReadout).ForEach(func(k, v []byte) error {
		_, meetingJSON, err := decodeRecord(v)
		if err != nil {
			return fmt.Errorf("meeting %s: %w", k, err)
		}
		if len(meetingJSON) == 0 {
			return nil
		}
		var m struct {
			Participants []Participant `json:"participants"`
			Topics       []string      `json:"topics"`
		}
		if err := json.Unmarshal(meetingJSON, &m); err != nil {
			return fmt.Errorf("meeting %s: %w", k, err)
		}
		d.add(Meeting{Participants: m.Participants, Topics: m.Topics}, 1)
		n++
		return nil
	})
	if err != nil {
		return 0, err
	}
	return n, d.apply(tx)
}

// resetTerms empties the counts, before a rebuild counts every meeting again.
func (s *store) resetTerms() error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.DeleteBucket(bucketTerms); err != nil && err != bolt.ErrBucketNotFound {
			return err
		}
		_, err := tx.CreateBucket(bucketTerms)
		return err
	})
	if err != nil {
		return fmt.Errorf("reset term counts: %w", err)
	}
	return nil
}

// terms calls fn with every value of the list kind and its count.
func (s *store) terms(kind termKind, fn func(value string, n int)) error {
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTerms).Bucket([]byte(kind))
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			n, _ := binary.Uvarint(v)
			if n > 0 {
				fn(string(k), int(n))
			}
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("read %s terms: %w", kind, err)
	}
	return nil
}
