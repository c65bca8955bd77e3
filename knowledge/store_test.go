package knowledge

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/golang/snappy"
	"github.com/google/go-cmp/cmp"
	bolt "go.etcd.io/bbolt"
)

// TestRecordHoldsMarshalOutput checks that a readout record holds
// json.Marshal's output for the readout and its meeting, whatever the
// scratch buffer encoded before, and that decodeMeeting reads it back.
func TestRecordHoldsMarshalOutput(t *testing.T) {
	raws := []Readout{
		{Name: "a.md", Title: "<b>Talks</b> & more", Text: "The ministers met.\nThey spoke of \"trade\"."},
		{Name: "b.md", Text: string(bytes.Repeat([]byte("long text "), 5000))},
		{Name: "c.md"},
	}
	var buf bytes.Buffer
	for _, raw := range raws {
		m := Meeting{ID: "x", Title: "T", Text: raw.Text, Participants: []Participant{{Name: "A", Title: "Minister"}}, Topics: []string{"trade"}, Ingested: testNow}
		sm := encodeMeeting(m, raw)
		for _, withMeeting := range []bool{true, false} {
			var mp *storedMeeting
			if withMeeting {
				mp = &sm
			}
			v, err := encodeRecord(&buf, raw, mp)
			if err != nil {
				t.Fatal(err)
			}
			rawJSON, meetingJSON, err := decodeRecord(v)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := json.Marshal(raw)
			if !bytes.Equal(rawJSON, want) {
				t.Errorf("readout JSON %q, want %q", rawJSON, want)
			}
			wantM := []byte{}
			if withMeeting {
				wantM, _ = json.Marshal(sm)
			}
			if !bytes.Equal(meetingJSON, wantM) {
				t.Errorf("meeting JSON %q, want %q", meetingJSON, wantM)
			}
			var got Meeting
			err = decodeMeeting(v, &got)
			if !withMeeting {
				if err != ErrNotFound {
					t.Errorf("decodeMeeting of a record without a meeting: %v, want ErrNotFound", err)
				}
				continue
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(m, got); diff != "" {
				t.Errorf("decoded meeting (-want +got):\n%s", diff)
			}
		}
	}
	for _, bad := range [][]byte{nil, {tagSnappyJSON, 1}, {tagRecord}, append([]byte{tagRecord}, snappy.Encode(nil, []byte{0, 0, 0, 9, 'x'})...)} {
		if _, _, err := decodeRecord(bad); err == nil {
			t.Errorf("decodeRecord(%q) took a broken record", bad)
		}
	}
}

// oldValue is how stores before the readout bucket kept a value.
func oldValue(v any) []byte {
	data, _ := json.Marshal(v)
	return append([]byte{tagSnappyJSON}, snappy.Encode(nil, data)...)
}

// TestOlderStoreIsJoined checks that a store keeping raw readouts and
// meetings apart (as stores did before the readout bucket) is moved into
// it on open, over several transactions, losing nothing.
func TestOlderStoreIsJoined(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), rawFile)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	const n = 2345 // more than one transaction's worth
	var ids []string
	err = db.Update(func(tx *bolt.Tx) error {
		raw, _ := tx.CreateBucket(bucketRaw)
		mt, _ := tx.CreateBucket(bucketMeeting)
		for i := range n {
			id := fmt.Sprintf("id%05d", i)
			ids = append(ids, id)
			r := Readout{Name: id + ".md", Title: "Talks " + id, Text: "The ministers met on day " + id + "."}
			m := Meeting{ID: id, Title: r.Title, Text: r.Text, Date: "2024-01-02", Ingested: testNow.Add(time.Duration(i) * time.Second),
				Participants: []Participant{{Name: "Jan Nowak", Affiliation: "Poland"}}}
			rv := oldValue(r)
			if i%7 == 0 {
				rv, _ = json.Marshal(r) // untagged plain JSON, as the oldest stores have
			}
			if err := raw.Put([]byte(id), rv); err != nil {
				return err
			}
			if i == 5 {
				continue // a raw readout without a meeting
			}
			if err := mt.Put([]byte(id), oldValue(encodeMeeting(m, r))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()

	st, err := openStore(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.close()
	st.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketRaw) != nil || tx.Bucket(bucketMeeting) != nil {
			t.Error("the old buckets are still there")
		}
		return nil
	})
	got, err := st.rawIDs()
	if err != nil || !slices.Equal(got, ids) {
		t.Fatalf("rawIDs = %d ids, %v; want %d", len(got), err, len(ids))
	}
	raws, err := st.raws(ids[:10])
	if err != nil || len(raws) != 10 {
		t.Fatalf("raws = %v, %v", raws, err)
	}
	if raws[7].raw.Text != "The ministers met on day id00007." || !raws[7].ingested.Equal(testNow.Add(7*time.Second)) {
		t.Errorf("raws[7] = %+v", raws[7])
	}
	if !raws[5].ingested.IsZero() || raws[5].raw.Name != "id00005.md" {
		t.Errorf("raws[5] = %+v, want the readout without a time", raws[5])
	}
	ms, err := st.meetings(ids[3:8])
	if err != nil || len(ms) != 4 {
		t.Fatalf("meetings = %d, %v; want 4 (one readout has none)", len(ms), err)
	}
	m, err := st.meeting("id02344")
	if err != nil || m.Text != "The ministers met on day id02344." || m.Participants[0].Name != "Jan Nowak" {
		t.Errorf("meeting = %+v, %v", m, err)
	}
	var people []string
	st.terms(termPerson, func(v string, n int) { people = append(people, fmt.Sprint(v, n)) })
	if want := []string{fmt.Sprint("Jan Nowak", n-1)}; !slices.Equal(people, want) {
		t.Errorf("person counts = %v, want %v", people, want)
	}
}

// TestOlderIndexUpgrades opens an index whose store has the old layout
// and whose search index an older mapping built: both are brought up to
// date and every meeting is found again.
func TestOlderIndexUpgrades(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	ix := openTest(t, dir)
	if _, err := ix.Add(ctx, allFixtures()...); err != nil {
		t.Fatal(err)
	}
	before, err := ix.Meetings(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	db, err := bolt.Open(filepath.Join(dir, rawFile), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		raw, _ := tx.CreateBucket(bucketRaw)
		mt, _ := tx.CreateBucket(bucketMeeting)
		err := tx.Bucket(bucketReadout).ForEach(func(k, v []byte) error {
			rawJSON, meetingJSON, err := decodeRecord(v)
			if err != nil {
				return err
			}
			raw.Put(k, append([]byte{tagSnappyJSON}, snappy.Encode(nil, rawJSON)...))
			return mt.Put(k, append([]byte{tagSnappyJSON}, snappy.Encode(nil, meetingJSON)...))
		})
		if err != nil {
			return err
		}
		if err := tx.DeleteBucket(bucketReadout); err != nil {
			return err
		}
		return tx.Bucket(bucketMeta).Put(keyMapping, []byte("7"))
	})
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	ix = openTest(t, dir)
	after, err := ix.Meetings(ctx, Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("meetings after the upgrade (-before +after):\n%s", diff)
	}
	if p, err := ix.Meetings(ctx, Filter{IngestedFrom: testNow, IngestedTo: testNow.Add(time.Second)}); err != nil || p.Total != before.Total {
		t.Errorf("ingested at testNow: %d, %v; want %d", p.Total, err, before.Total)
	}
	if v, _ := ix.store.mappingVersion(); v != mappingVersion {
		t.Errorf("mapping version = %d, want %d", v, mappingVersion)
	}
}
