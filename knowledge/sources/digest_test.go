package sources

import (
	"testing"
	"time"

	"github.com/readoutbot/readoutbot/knowledge"
)

func TestDigestLeavesOutBackfill(t *testing.T) {
	s := newSite(t)
	s.add("Call with Foreign Minister Okafor", "/readouts/call-1.html", day0("2024-03-04"))
	ix, err := knowledge.Open(t.TempDir()+"/index", knowledge.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = ix.Close() })
	p := newTestPoller(t, ix, "", feedSource(s, "/rss"))
	mustPoll(t, p, "ministry")
	s.add("Chancellor Weber holds talks with President Silva", "/readouts/meeting-3.html", day0("2024-06-03"))
	mustPoll(t, p, "ministry")

	opts := knowledge.DigestOptions{From: time.Now().Add(-time.Hour), To: time.Now().Add(time.Hour)}
	all, err := ix.Digest(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if all.Len() != 2 {
		t.Fatalf("unfiltered digest holds %d meetings, want 2", all.Len())
	}
	got, err := WithoutBackfill(ix, p.Store()).Digest(t.Context(), opts)
	if err != nil {
		t.Fatal(err)
	}
	fresh := meetingIDOf(t, p, s, "/readouts/meeting-3.html")
	var ids []string
	for _, it := range append(got.Held, got.Earlier...) {
		ids = append(ids, it.Meeting.ID)
	}
	if len(ids) != 1 || ids[0] != fresh {
		t.Errorf("digest = %v, want only the new meeting %s", ids, fresh)
	}
}
