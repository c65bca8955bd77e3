package knowledge

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	bolt "go.etcd.io/bbolt"
)

// suggestValues is what Suggest lists for prefix, values only.
func suggestValues(t *testing.T, ix *Index, f Field, prefix string) []string {
	t.Helper()
	got, err := ix.Suggest(context.Background(), f, prefix, 10)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range got {
		out = append(out, s.Value)
	}
	return out
}

func TestTermCountsFollowRemovalAcrossReopen(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	ix := openTest(t, dir)
	if _, err := ix.Add(ctx, allFixtures()...); err != nil {
		t.Fatal(err)
	}
	// Adeyemi is in two meetings; the wheat trade topic in one of them.
	if err := ix.RemoveName(ctx, "karimova-adeyemi.md"); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	ix = openTest(t, dir)
	if diff := cmp.Diff([]string{"Olusegun Adeyemi"}, suggestValues(t, ix, FieldPerson, "adey")); diff != "" {
		t.Errorf("person still in one meeting (-want +got):\n%s", diff)
	}
	if got := suggestValues(t, ix, FieldTopic, "wheat"); len(got) != 0 {
		t.Errorf("topic of the removed meeting still suggested: %v", got)
	}
	if err := ix.RemoveName(ctx, "moreau-adeyemi.md"); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	ix = openTest(t, dir)
	if got := suggestValues(t, ix, FieldPerson, "adey"); len(got) != 0 {
		t.Errorf("person of no meeting still suggested: %v", got)
	}
	if got := suggestValues(t, ix, FieldCountry, "nig"); len(got) != 0 {
		t.Errorf("country of no meeting still suggested: %v", got)
	}
}

func TestTermCountsFollowEdits(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	ix := openTest(t, dir)
	if _, err := ix.Add(ctx, allFixtures()...); err != nil {
		t.Fatal(err)
	}
	// An edited readout whose meeting now names a different topic.
	saved := fixtureMeetings["karimova-adeyemi.md"]
	edited := saved
	edited.Topics = []string{"grain corridors"}
	fixtureMeetings["karimova-adeyemi.md"] = edited
	t.Cleanup(func() { fixtureMeetings["karimova-adeyemi.md"] = saved })
	r := fixtureReadout("karimova-adeyemi.md")
	r.Hash = "h-edited"
	if res, err := ix.Add(ctx, r); err != nil || !res[0].Changed {
		t.Fatalf("edit: %v, %v", res, err)
	}
	ix.Close()
	ix = openTest(t, dir)
	if diff := cmp.Diff([]string{"grain corridors"}, suggestValues(t, ix, FieldTopic, "gr")); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got := suggestValues(t, ix, FieldTopic, "wheat"); len(got) != 0 {
		t.Errorf("replaced topic still suggested: %v", got)
	}
}

func TestTermCountsRecountedForOlderStore(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	ix := openTest(t, dir)
	if _, err := ix.Add(ctx, allFixtures()...); err != nil {
		t.Fatal(err)
	}
	want := map[Field][]string{}
	for _, f := range []Field{FieldPerson, FieldCountry, FieldTopic} {
		want[f] = suggestValues(t, ix, f, "")
	}
	ix.Close()
	// A store made before the counts were kept.
	db, err := bolt.Open(filepath.Join(dir, rawFile), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket(bucketTerms) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ix = openTest(t, dir)
	for f, w := range want {
		if diff := cmp.Diff(w, suggestValues(t, ix, f, ""), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s after recount (-want +got):\n%s", f, diff)
		}
	}
	if len(want[FieldPerson]) == 0 {
		t.Error("no people suggested at all")
	}
}

func TestTermCountsSurviveReindex(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "index")
	ix := openTest(t, dir)
	if _, err := ix.Add(ctx, allFixtures()...); err != nil {
		t.Fatal(err)
	}
	before := suggestValues(t, ix, FieldPerson, "")
	for range 2 {
		if _, err := ix.Reindex(ctx); err != nil {
			t.Fatal(err)
		}
	}
	ix.Close()
	ix = openTest(t, dir)
	if diff := cmp.Diff(before, suggestValues(t, ix, FieldPerson, "")); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Counts, not just values: a twice-reindexed store must not double them.
	var counts []int
	ix.store.terms(termPerson, func(_ string, n int) { counts = append(counts, n) })
	for _, n := range counts {
		if n > len(allFixtures()) {
			t.Fatalf("count %d exceeds the %d meetings", n, len(allFixtures()))
		}
	}
}
