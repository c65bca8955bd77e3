package knowledge

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	bolt "go.etcd.io/bbolt"
)

// Fictional meetings written for these tests. The stand-in extractor reads
// the meeting for a readout by its name, so index tests do not depend on
// the real extractor.
var fixtureMeetings = map[string]Meeting{
	"tanabe-moreau-call.md": {
		Title: "Telephone talk between Prime Minister Tanabe and President Moreau",
		Date:  "2019-05-03", Time: "20:00", DurationMinutes: 30, Kind: KindTelephone,
		Participants: []Participant{
			{Name: "Aiko Tanabe", Title: "Prime Minister", Affiliation: "Japan"},
			{Name: "Lucas Moreau", Title: "President", Affiliation: "France"},
		},
		Topics: []string{"maritime security", "rare earth supply"},
		Positions: []Position{
			{Speaker: "Aiko Tanabe", Topic: "rare earth supply", Text: "Prime Minister Tanabe said that stable rare earth supply chains were vital for both economies."},
			{Speaker: "Lucas Moreau", Topic: "maritime security", Text: "President Moreau stressed freedom of navigation in the Indian Ocean."},
		},
		SourceURL: "https://example.org/readouts/tanabe-moreau-call",
		Text: "On 3 May 2019, Prime Minister Aiko Tanabe held a telephone talk with President Lucas Moreau of France for thirty minutes from 8 p.m.\n" +
			"Prime Minister Tanabe said that stable rare earth supply chains were vital for both economies. President Moreau stressed freedom of navigation in the Indian Ocean.\n" +
			"The two leaders agreed to keep in close touch.",
	},
	"tanabe-moreau-paris.md": {
		Title: "Prime Minister Tanabe meets President Moreau in Paris",
		Date:  "2020-02-10", Kind: KindInPerson, Location: "Paris",
		Participants: []Participant{
			{Name: "Aiko Tanabe", Title: "Prime Minister", Affiliation: "Japan"},
			{Name: "Lucas Moreau", Title: "President", Affiliation: "France"},
		},
		Topics: []string{"climate finance"},
		Positions: []Position{
			{Speaker: "Lucas Moreau", Topic: "climate finance", Text: "President Moreau called for doubling climate finance for island states."},
			{Speaker: "Aiko Tanabe", Topic: "climate finance", Text: "Prime Minister Tanabe pledged new climate finance for island states and coastal cities."},
		},
		SourceURL: "https://example.org/readouts/tanabe-moreau-paris",
		Text: "Prime Minister Aiko Tanabe met President Lucas Moreau in Paris on 10 February 2020.\n" +
			"President Moreau called for doubling climate finance for island states. Prime Minister Tanabe pledged new climate finance for island states and coastal cities.",
	},
	"tanabe-karimova.md": {
		Title: "Prime Minister Tanabe receives Foreign Minister Karimova",
		Date:  "2019-05-03", Kind: KindInPerson, Location: "Tokyo",
		Participants: []Participant{
			{Name: "Aiko Tanabe", Title: "Prime Minister", Affiliation: "Japan"},
			{Name: "Nadia Karimova", Title: "Foreign Minister", Affiliation: "Kazakhstan"},
		},
		Topics: []string{"energy cooperation"},
		Positions: []Position{
			{Speaker: "Nadia Karimova", Topic: "energy cooperation", Text: "Foreign Minister Karimova proposed a joint uranium enrichment study."},
		},
		SourceURL: "https://example.org/readouts/tanabe-karimova",
		Text: "Prime Minister Aiko Tanabe received Foreign Minister Nadia Karimova of Kazakhstan in Tokyo on 3 May 2019.\n" +
			"Foreign Minister Karimova proposed a joint uranium enrichment study. The readout was issued by Spokesperson Hiro Sato.",
	},
	"moreau-adeyemi.md": {
		Title: "President Moreau holds video call with President Adeyemi",
		Date:  "2021-07-14", Kind: KindVideo,
		Participants: []Participant{
			{Name: "Lucas Moreau", Title: "President", Affiliation: "France"},
			{Name: "Olusegun Adeyemi", Title: "President", Affiliation: "Nigeria"},
		},
		Topics: []string{"vaccines"},
		Positions: []Position{
			{Speaker: BothSides, Topic: "vaccines", Text: "The two presidents agreed to expand vaccine manufacturing in West Africa."},
		},
		SourceURL: "https://example.org/readouts/moreau-adeyemi",
		Text:      "President Lucas Moreau held a video call with President Olusegun Adeyemi on 14 July 2021. The two presidents agreed to expand vaccine manufacturing in West Africa.",
	},
	"sg-tanabe.md": {
		Title: "Readout of the Secretary-General's call with Prime Minister Tanabe",
		Date:  "2018-09-19", Kind: KindTelephone,
		Participants: []Participant{
			{Title: "Secretary-General", Affiliation: "United Nations"},
			{Name: "Aiko Tanabe", Title: "Prime Minister", Affiliation: "Japan"},
		},
		Topics: []string{"peacekeeping"},
		Positions: []Position{
			{Speaker: "Secretary-General of United Nations", Topic: "peacekeeping", Text: "The Secretary-General thanked Japan for its engineering units in peacekeeping missions."},
		},
		SourceURL: "https://example.org/readouts/sg-tanabe",
		Text:      "The Secretary-General spoke with Prime Minister Aiko Tanabe of Japan last night. The Secretary-General thanked Japan for its engineering units in peacekeeping missions.",
	},
	"karimova-adeyemi.md": {
		Title: "Foreign Minister Karimova visits Abuja",
		Kind:  KindInPerson, Location: "Abuja",
		Participants: []Participant{
			{Name: "Nadia Karimova", Title: "Foreign Minister", Affiliation: "Kazakhstan"},
			{Name: "Olusegun Adeyemi", Title: "President", Affiliation: "Nigeria"},
		},
		Topics:    []string{"wheat trade"},
		SourceURL: "https://example.org/readouts/karimova-adeyemi",
		Text:      "Foreign Minister Nadia Karimova called on President Olusegun Adeyemi in Abuja. They discussed wheat exports and direct flights. Foreign Minister Karimova briefed the President on her talks with Prime Minister Aiko Tanabe.",
	},
}

// fakeExtract is the stand-in extractor: the fixture meeting named by the
// readout, with the readout's text; ErrNotReadout for any other name.
func fakeExtract(r Readout) (Meeting, error) {
	m, ok := fixtureMeetings[r.Name]
	if strings.HasPrefix(r.Name, "bulk-") {
		m, ok = Meeting{Title: r.Title, Date: r.Published, Kind: KindTelephone, Participants: []Participant{{Name: "Bulk Caller"}, {Name: "Bulk Receiver"}}}, true
	}
	if !ok {
		return Meeting{}, ErrNotReadout
	}
	m.ID = fallbackID(r)
	m.Text = r.Text
	var kept []Position
	for _, p := range m.Positions {
		if strings.Contains(r.Text, p.Text) {
			kept = append(kept, p)
		}
	}
	m.Positions = kept
	m.SourceURL = r.SourceURL
	m.Published = r.Published
	return m, nil
}

func fixtureReadout(name string) Readout {
	m := fixtureMeetings[name]
	return Readout{Name: name, Title: m.Title, SourceURL: m.SourceURL, Text: m.Text, Hash: "h-" + name}
}

func allFixtures() []Readout {
	var rs []Readout
	for _, name := range []string{"tanabe-moreau-call.md", "tanabe-moreau-paris.md", "tanabe-karimova.md", "moreau-adeyemi.md", "sg-tanabe.md", "karimova-adeyemi.md"} {
		rs = append(rs, fixtureReadout(name))
	}
	return rs
}

var testNow = time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)

func openTest(tb testing.TB, dir string) *Index {
	tb.Helper()
	ix, err := openWith(dir, Options{Now: func() time.Time { return testNow }}, fakeExtract)
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { ix.Close() })
	return ix
}

// newTestIndex is an index in a temporary folder holding every fixture.
func newTestIndex(tb testing.TB) *Index {
	tb.Helper()
	ix := openTest(tb, filepath.Join(tb.TempDir(), "index"))
	res, err := ix.Add(context.Background(), allFixtures()...)
	if err != nil {
		tb.Fatalf("add: %v", err)
	}
	for _, r := range res {
		if r.Err != nil || !r.Changed {
			tb.Fatalf("add %s: changed=%v err=%v", r.Name, r.Changed, r.Err)
		}
	}
	return ix
}

// newMapIndex indexes meetings extracted by hand, by readout name.
func newMapIndex(tb testing.TB, meetings map[string]Meeting) *Index {
	tb.Helper()
	extract := func(r Readout) (Meeting, error) {
		m, ok := meetings[r.Name]
		if !ok {
			return Meeting{}, ErrNotReadout
		}
		m.ID = fallbackID(r)
		m.Text = r.Text
		return m, nil
	}
	ix, err := openWith(filepath.Join(tb.TempDir(), "index"), Options{Now: func() time.Time { return testNow }}, extract)
	if err != nil {
		tb.Fatalf("open: %v", err)
	}
	tb.Cleanup(func() { ix.Close() })
	var rs []Readout
	for name, m := range meetings {
		rs = append(rs, Readout{Name: name, Title: m.Title, SourceURL: m.SourceURL, Text: m.Text, Hash: "h-" + name})
	}
	if _, err := ix.Add(context.Background(), rs...); err != nil {
		tb.Fatalf("add: %v", err)
	}
	return ix
}

func titles(ms []Meeting) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Title)
	}
	return out
}

func TestAddRoundTrip(t *testing.T) {
	ctx := context.Background()
	ix := newTestIndex(t)
	r := fixtureReadout("tanabe-moreau-call.md")
	want, _ := fakeExtract(r)
	want.Hash = r.Hash
	want.Ingested = testNow
	got, err := ix.Meeting(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Meeting (-want +got):\n%s", diff)
	}
	byPrefix, err := ix.Meeting(ctx, want.ID[:8])
	if err != nil || byPrefix.ID != want.ID {
		t.Errorf("Meeting(prefix) = %q, %v; want %q", byPrefix.ID, err, want.ID)
	}
	if _, err := ix.Meeting(ctx, "ffffffffffff"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Meeting(unknown) err = %v, want ErrNotFound", err)
	}
	st, err := ix.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(Stats{Meetings: 6, First: "2018-09-19", Last: "2021-07-14"}, st); diff != "" {
		t.Errorf("Stats (-want +got):\n%s", diff)
	}
}

func TestMeetingsFilter(t *testing.T) {
	ctx := context.Background()
	ix := newTestIndex(t)
	tests := []struct {
		name      string
		f         Filter
		want      []string
		wantTotal int
	}{
		{"all newest first, undated last", Filter{}, []string{
			"President Moreau holds video call with President Adeyemi",
			"Prime Minister Tanabe meets President Moreau in Paris",
			"Telephone talk between Prime Minister Tanabe and President Moreau", // same day: by id
			"Prime Minister Tanabe receives Foreign Minister Karimova",
			"Readout of the Secretary-General's call with Prime Minister Tanabe",
			"Foreign Minister Karimova visits Abuja",
		}, 6},
		{"page", Filter{Limit: 2, Offset: 1}, []string{
			"Prime Minister Tanabe meets President Moreau in Paris",
			"Telephone talk between Prime Minister Tanabe and President Moreau",
		}, 6},
		{"person by surname", Filter{Person: "Karimova"}, []string{
			"Prime Minister Tanabe receives Foreign Minister Karimova",
			"Foreign Minister Karimova visits Abuja",
		}, 2},
		{"person full name, any case", Filter{Person: "olusegun ADEYEMI"}, []string{
			"President Moreau holds video call with President Adeyemi",
			"Foreign Minister Karimova visits Abuja",
		}, 2},
		{"person named only by office", Filter{Person: "Secretary-General of United Nations"}, []string{
			"Readout of the Secretary-General's call with Prime Minister Tanabe",
		}, 1},
		{"country", Filter{Country: "Nigeria"}, []string{
			"President Moreau holds video call with President Adeyemi",
			"Foreign Minister Karimova visits Abuja",
		}, 2},
		{"topic", Filter{Topic: "climate finance"}, []string{"Prime Minister Tanabe meets President Moreau in Paris"}, 1},
		{"dates", Filter{From: "2019-01-01", To: "2019-12-31"}, []string{
			"Telephone talk between Prime Minister Tanabe and President Moreau", // same day: by id
			"Prime Minister Tanabe receives Foreign Minister Karimova",
		}, 2},
		{"ingested", Filter{IngestedFrom: testNow.Add(time.Hour)}, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := ix.Meetings(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, titles(page.Meetings), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("titles (-want +got):\n%s", diff)
			}
			if page.Total != tt.wantTotal {
				t.Errorf("Total = %d, want %d", page.Total, tt.wantTotal)
			}
		})
	}
}

func TestAddUnchangedAndEdited(t *testing.T) {
	ctx := context.Background()
	ix := newTestIndex(t)
	res, err := ix.Add(ctx, fixtureReadout("tanabe-karimova.md"))
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Changed || res[0].Err != nil || res[0].Meeting.ID == "" {
		t.Fatalf("re-add identical: %+v", res[0])
	}
	edited := fixtureReadout("tanabe-karimova.md")
	edited.Text = strings.Replace(edited.Text, "uranium enrichment study", "solar desalination pilot", 1)
	edited.Hash = "h-edited"
	res, err = ix.Add(ctx, edited)
	if err != nil {
		t.Fatal(err)
	}
	if !res[0].Changed {
		t.Fatalf("edited readout not changed: %+v", res[0])
	}
	page, err := ix.Meetings(ctx, Filter{Person: "Karimova"})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 2 {
		t.Errorf("after edit, %d Karimova meetings, want 2 (replaced, not added)", page.Total)
	}
	for _, tc := range []struct {
		topic string
		want  int
	}{{"uranium", 0}, {"desalination", 1}} {
		p, err := ix.Meetings(ctx, Filter{Topic: tc.topic})
		if err != nil {
			t.Fatal(err)
		}
		if p.Total != tc.want {
			t.Errorf("topic %q: %d meetings, want %d", tc.topic, p.Total, tc.want)
		}
	}
}

func TestAddBadReadoutKeepsBatch(t *testing.T) {
	ix := openTest(t, t.TempDir())
	rs := []Readout{fixtureReadout("sg-tanabe.md"), {Name: "recipe.md", Text: "Whisk two eggs."}, fixtureReadout("moreau-adeyemi.md")}
	res, err := ix.Add(context.Background(), rs...)
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(res[1].Err, ErrNotReadout) {
		t.Errorf("recipe err = %v, want ErrNotReadout", res[1].Err)
	}
	if res[0].Err != nil || res[2].Err != nil || !res[0].Changed || !res[2].Changed {
		t.Errorf("good readouts: %+v / %+v", res[0], res[2])
	}
	if st, _ := ix.Stats(context.Background()); st.Meetings != 2 {
		t.Errorf("Meetings = %d, want 2", st.Meetings)
	}
}

func TestAddManyBatches(t *testing.T) {
	ctx := context.Background()
	ix := openTest(t, t.TempDir())
	var rs []Readout
	for i := range 2*batchSize + 7 {
		day := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i).Format(time.DateOnly)
		rs = append(rs, Readout{Name: fmt.Sprintf("bulk-%d.md", i), Title: fmt.Sprintf("Call %d", i), Published: day, Text: fmt.Sprintf("Call number %d.", i)})
	}
	rs = append(rs, rs[3]) // the same readout twice in one call
	res, err := ix.Add(ctx, rs...)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res {
		if r.Err != nil || r.Meeting.ID == "" {
			t.Fatalf("result %d: %+v", i, r)
		}
	}
	if st, _ := ix.Stats(ctx); st.Meetings != 2*batchSize+7 {
		t.Errorf("Meetings = %d, want %d", st.Meetings, 2*batchSize+7)
	}
	// A list of many meetings stays within the answer limit.
	ans, err := ix.Ask(ctx, "When did Bulk Caller and Bulk Receiver speak by phone?")
	if err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(ans.Text)); n > 700 || !strings.Contains(ans.Text, "earlier") || !strings.Contains(ans.Text, "1007 meetings") {
		t.Errorf("list answer (%d characters):\n%s", n, ans.Text)
	}
	ctx2, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := ix.Add(ctx2, fixtureReadout("sg-tanabe.md")); !errors.Is(err, context.Canceled) {
		t.Errorf("Add with a cancelled context: %v", err)
	}
}

func TestRemoveName(t *testing.T) {
	ctx := context.Background()
	ix := newTestIndex(t)
	if err := ix.RemoveName(ctx, "moreau-adeyemi.md"); err != nil {
		t.Fatal(err)
	}
	if err := ix.RemoveName(ctx, "never-added.md"); err != nil {
		t.Errorf("unknown name: %v", err)
	}
	p, err := ix.Meetings(ctx, Filter{Person: "Adeyemi"})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"Foreign Minister Karimova visits Abuja"}, titles(p.Meetings)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if s, err := ix.Suggest(ctx, FieldMeeting, "video", 5); err != nil || len(s) != 0 {
		t.Errorf("Suggest after removal = %v, %v; want none", s, err)
	}
}

func TestReindexAndReopen(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	ix := openTest(t, dir)
	if _, err := ix.Add(ctx, allFixtures()...); err != nil {
		t.Fatal(err)
	}
	n, err := ix.Reindex(ctx)
	if err != nil || n != 6 {
		t.Fatalf("Reindex = %d, %v; want 6", n, err)
	}
	got, err := ix.Meetings(ctx, Filter{Person: "Tanabe"})
	if err != nil || got.Total != 4 {
		t.Fatalf("after reindex: %d Tanabe meetings, %v; want 4", got.Total, err)
	}
	if got.Meetings[0].Ingested != testNow {
		t.Errorf("Ingested = %v, want kept %v", got.Meetings[0].Ingested, testNow)
	}
	ix.Close()
	ix = openTest(t, dir)
	if s, err := ix.Suggest(ctx, FieldPerson, "kari", 5); err != nil || len(s) != 1 || s[0].Value != "Nadia Karimova" {
		t.Errorf("Suggest after reopen = %v, %v", s, err)
	}
	if st, _ := ix.Stats(ctx); st.Meetings != 6 {
		t.Errorf("after reopen, %d meetings, want 6", st.Meetings)
	}
}

func TestQueriesDuringReindex(t *testing.T) {
	ctx := context.Background()
	ix := newTestIndex(t)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for range 3 {
			if _, err := ix.Reindex(ctx); err != nil {
				t.Error(err)
			}
		}
	}()
	for {
		select {
		case <-done:
			return
		default:
		}
		if _, err := ix.Ask(ctx, "When did Tanabe and Moreau meet?"); err != nil && !errors.Is(err, ErrNoAnswer) {
			t.Fatal(err)
		}
		if _, err := ix.Suggest(ctx, FieldPerson, "ta", 5); err != nil {
			t.Fatal(err)
		}
		if _, err := ix.Meetings(ctx, Filter{Person: "Tanabe"}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestTitlesAreBackfilled(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	ix := openTest(t, dir)
	if _, err := ix.Add(ctx, allFixtures()...); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	// An index made before meeting titles were stored.
	db, err := bolt.Open(filepath.Join(dir, rawFile), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketTitle) })
	db.Close()
	ix = openTest(t, dir)
	got, err := ix.Suggest(ctx, FieldMeeting, "abuja", 5)
	if err != nil || len(got) != 1 || got[0].Label != "Foreign Minister Karimova visits Abuja" {
		t.Errorf("Suggest = %v, %v", got, err)
	}
}

func TestOldMappingIsRebuilt(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	ix := openTest(t, dir)
	if _, err := ix.Add(ctx, allFixtures()...); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	// Pretend an older readoutbot built it: older version, and a bleve
	// index this mapping cannot read.
	db, err := bolt.Open(filepath.Join(dir, rawFile), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyMapping, []byte("0")) })
	db.Close()
	if err := os.RemoveAll(filepath.Join(dir, bleveDir)); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, bleveDir), 0o755)
	os.WriteFile(filepath.Join(dir, bleveDir, "index_meta.json"), []byte(`{"storage":"old"}`), 0o644)

	ix = openTest(t, dir)
	p, err := ix.Meetings(ctx, Filter{Topic: "vaccine"})
	if err != nil || p.Total != 1 {
		t.Fatalf("after rebuild: %d vaccine meetings, %v; want 1", p.Total, err)
	}
	v, _ := ix.store.mappingVersion()
	if v != mappingVersion {
		t.Errorf("mapping version = %d, want %d", v, mappingVersion)
	}
}

func TestDamagedSearchIndexIsRebuilt(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	ix := openTest(t, dir)
	if _, err := ix.Add(ctx, allFixtures()...); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	if err := os.WriteFile(filepath.Join(dir, bleveDir, "index_meta.json"), []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	ix = openTest(t, dir)
	if st, _ := ix.Stats(ctx); st.Meetings != 6 {
		t.Errorf("after rebuild, %d meetings, want 6", st.Meetings)
	}
}

func TestOpenErrors(t *testing.T) {
	tmp := t.TempDir()
	file := filepath.Join(tmp, "file.txt")
	os.WriteFile(file, []byte("hello"), 0o644)
	other := filepath.Join(tmp, "other")
	os.MkdirAll(other, 0o755)
	os.WriteFile(filepath.Join(other, "notes.md"), []byte("mine"), 0o644)
	for _, dir := range []string{file, other} {
		if _, err := Open(dir, Options{}); !errors.Is(err, ErrNotIndex) {
			t.Errorf("Open(%s) err = %v, want ErrNotIndex", filepath.Base(dir), err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(other, "notes.md")); string(b) != "mine" {
		t.Error("Open changed a folder that is not an index")
	}

	dir := filepath.Join(tmp, "index")
	ix := openTest(t, dir)
	if _, err := Open(dir, Options{}); !errors.Is(err, ErrIndexLocked) {
		t.Errorf("second Open err = %v, want ErrIndexLocked", err)
	}
	ix.Close()
	again, err := Open(dir, Options{})
	if err != nil {
		t.Fatalf("Open after Close: %v", err)
	}
	again.Close()
}

func TestSuggest(t *testing.T) {
	ctx := context.Background()
	ix := newTestIndex(t)
	tests := []struct {
		field  Field
		prefix string
		want   []string
	}{
		{FieldPerson, "tan", []string{"Aiko Tanabe"}},
		{FieldPerson, "aiko ta", []string{"Aiko Tanabe"}},
		{FieldPerson, "ole", nil},
		{FieldPerson, "", []string{"Aiko Tanabe", "Lucas Moreau", "Nadia Karimova", "Olusegun Adeyemi", "Secretary-General of United Nations"}},
		{FieldCountry, "ni", []string{"Nigeria"}},
		{FieldCountry, "nations", []string{"United Nations"}},
		{FieldTopic, "sec", []string{"maritime security"}},
		{FieldMeeting, "tanabe", []string{"2020-02-10 Prime Minister Tanabe meets President Moreau in Paris", "2019-05-03 Telephone talk between Prime Minister Tanabe and President Moreau",
			"2019-05-03 Prime Minister Tanabe receives Foreign Minister Karimova", "2018-09-19 Readout of the Secretary-General's call with Prime Minister Tanabe"}},
		{FieldMeeting, "video ca", []string{"2021-07-14 President Moreau holds video call with President Adeyemi"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%s", tt.field, tt.prefix), func(t *testing.T) {
			got, err := ix.Suggest(ctx, tt.field, tt.prefix, 10)
			if err != nil {
				t.Fatal(err)
			}
			var labels []string
			for _, s := range got {
				labels = append(labels, s.Label)
			}
			if diff := cmp.Diff(tt.want, labels, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestSuggestMeetingsAfterAdd(t *testing.T) {
	ctx := context.Background()
	ix := newTestIndex(t)
	if _, err := ix.Suggest(ctx, FieldMeeting, "call", 5); err != nil { // index the titles
		t.Fatal(err)
	}
	if _, err := ix.Add(ctx, Readout{Name: "bulk-new.md", Title: "Late call with the Bulk Receiver", Published: "2030-01-01", Text: "A call."}); err != nil {
		t.Fatal(err)
	}
	got, err := ix.Suggest(ctx, FieldMeeting, "call", 5)
	if err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, s := range got {
		labels = append(labels, s.Label)
	}
	want := []string{"2030-01-01 Late call with the Bulk Receiver", "2021-07-14 President Moreau holds video call with President Adeyemi",
		"2018-09-19 Readout of the Secretary-General's call with Prime Minister Tanabe"}
	if diff := cmp.Diff(want, labels); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestPositions(t *testing.T) {
	ix := newTestIndex(t)
	got, err := ix.Positions(context.Background(), "Tanabe", "climate finance")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Speaker != "Aiko Tanabe" || got[0].Date != "2020-02-10" {
		t.Fatalf("Positions = %+v", got)
	}
	// New wording is MarkNewWording's: not the topic asked about.
	if !contains(got[0].New, "island states") || contains(got[0].New, "climate finance") {
		t.Errorf("New = %q, want island states and not the topic's own words", got[0].New)
	}
	all, err := ix.Positions(context.Background(), "Moreau", "")
	if err != nil {
		t.Fatal(err)
	}
	var dates []string
	for _, e := range all {
		dates = append(dates, e.Date)
	}
	if diff := cmp.Diff([]string{"2019-05-03", "2020-02-10", "2021-07-14"}, dates); diff != "" {
		t.Errorf("Moreau's positions oldest first, joint ones too (-want +got):\n%s", diff)
	}
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
