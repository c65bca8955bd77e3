package sources

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

func TestNormalizeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTPS://WWW.Example.org:443/a/b?utm_source=x&id=3#part", "https://www.example.org/a/b?id=3"},
		{"http://example.org:80", "http://example.org/"},
		{"http://example.org:8080/x?fbclid=1", "http://example.org:8080/x"},
		{"https://example.org/x?b=2&a=1", "https://example.org/x?a=1&b=2"},
	}
	for _, tc := range tests {
		if got := normalizeURL(tc.in); got != tc.want {
			t.Errorf("normalizeURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTextHashIgnoresCaseAndSpacing(t *testing.T) {
	a := textHash("The Minister met   the Ambassador.\n\nThey talked.")
	b := textHash("the minister met the ambassador. they talked.")
	c := textHash("The Minister met the Ambassador. They argued.")
	if a != b || a == c {
		t.Errorf("hashes: %s %s %s", a, b, c)
	}
}

func TestUsualGap(t *testing.T) {
	d := func(s string) time.Time { return day0(s) }
	if g := usualGap([]time.Time{d("2024-01-01"), d("2024-01-02")}); g != 0 {
		t.Errorf("two items: gap %v, want unknown", g)
	}
	times := []time.Time{d("2024-01-10"), d("2024-01-01"), d("2024-01-03"), d("2024-01-05"), d("2024-02-01")}
	if g := usualGap(times); g != 2*24*time.Hour {
		t.Errorf("gap %v, want the median 2 days", g)
	}
}

// BenchmarkStoreRecordIndexed measures what recording one indexed item
// costs, the state file being opened and closed around each write.
func BenchmarkStoreRecordIndexed(b *testing.B) {
	st := OpenStore(filepath.Join(b.TempDir(), "sources.db"))
	rec := &sourceRecord{}
	i := 0
	for b.Loop() {
		u := fmt.Sprintf("https://example.org/readouts/%d", i)
		it := itemRecord{Source: "s", Status: itemIndexed, MeetingID: fmt.Sprint(i), Hash: fmt.Sprint(i), FirstSeen: time.Now()}
		if err := st.recordIndexed([]string{u}, it, "s", rec); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
