package readoutgen

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSameSeedSameOutput(t *testing.T) {
	t.Parallel()
	a, b := New(42), New(42)
	for i := range 200 {
		if diff := cmp.Diff(a.Doc(i), b.Doc(i)); diff != "" {
			t.Fatalf("readout %d differs for the same seed (-a +b):\n%s", i, diff)
		}
	}
	if diff := cmp.Diff(a.Questions(100, 5), b.Questions(100, 5)); diff != "" {
		t.Errorf("questions differ for the same seed (-a +b):\n%s", diff)
	}
}

func TestOrderDoesNotMatter(t *testing.T) {
	t.Parallel()
	g := New(7)
	want := g.Doc(150)
	for i := range 150 {
		g.Doc(i)
	}
	if diff := cmp.Diff(want, g.Doc(150)); diff != "" {
		t.Errorf("readout 150 depends on what was generated before (-first +later):\n%s", diff)
	}
}

func TestDifferentSeedsDiffer(t *testing.T) {
	t.Parallel()
	a, b := New(1), New(2)
	same := 0
	for i := range 100 {
		if a.Readout(i).Text == b.Readout(i).Text {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d of 100 readouts are identical across seeds 1 and 2", same)
	}
	if cmp.Equal(a.People(), b.People()) {
		t.Error("seeds 1 and 2 have the same people")
	}
}

func TestCorpusShape(t *testing.T) {
	t.Parallel()
	g := New(3)
	const n = 2000
	pubs := map[string]int{}
	kinds := map[string]int{}
	urls := map[string]bool{}
	names := map[string]bool{}
	people := map[string]int{}
	multi := 0
	years := map[string]bool{}
	for i := range n {
		d := g.Doc(i)
		r, m := d.Readout, d.Truth
		pubs[r.Source]++
		kinds[string(m.Kind)]++
		years[m.Date[:4]] = true
		if urls[r.SourceURL] {
			t.Fatalf("readout %d repeats url %s", i, r.SourceURL)
		}
		urls[r.SourceURL] = true
		if names[r.Name] {
			t.Fatalf("readout %d repeats file name %s", i, r.Name)
		}
		names[r.Name] = true
		if len(m.Participants) > 2 {
			multi++
		}
		for _, p := range m.Participants {
			if p.Name != "" {
				people[p.Name]++
				if !strings.Contains(r.Text, p.Name) {
					t.Errorf("readout %d: participant %q is not in the text", i, p.Name)
				}
			}
		}
		for _, pos := range m.Positions {
			if !strings.Contains(r.Text, pos.Text) {
				t.Errorf("readout %d: position %q is not in the text", i, pos.Text)
			}
		}
		if r.Published < m.Date {
			t.Errorf("readout %d published %s before the meeting %s", i, r.Published, m.Date)
		}
		if len(r.Text) < 300 {
			t.Errorf("readout %d is only %d bytes", i, len(r.Text))
		}
	}
	for _, p := range []string{PubMOFA, PubUN, PubState, PubWhiteHouse, PubNo10} {
		if pubs[p] < n/20 {
			t.Errorf("publisher %q has %d of %d readouts", p, pubs[p], n)
		}
	}
	for _, k := range []string{"in-person", "telephone", "video"} {
		if kinds[k] < n/20 {
			t.Errorf("kind %q has %d of %d readouts", k, kinds[k], n)
		}
	}
	if multi < n/20 {
		t.Errorf("only %d multi-party meetings in %d", multi, n)
	}
	if len(years) < 20 {
		t.Errorf("meetings span %d years, want 20", len(years))
	}
	recurring := 0
	for _, c := range people {
		if c >= 5 {
			recurring++
		}
	}
	if recurring < 100 {
		t.Errorf("only %d people appear in 5 or more readouts", recurring)
	}
	for _, p := range g.People() {
		for _, w := range strings.Fields(p.Name) {
			if placeWord(w) {
				t.Errorf("%s has a place in their name", p.Name)
			}
		}
	}
	if got := len(g.People()); got < 200 || got > 1000 {
		t.Errorf("cast has %d people, want a few hundred", got)
	}
}

func TestWriteDir(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	g := New(5)
	const n = 150
	got, err := g.WriteDir(context.Background(), dir, 0, n)
	if err != nil {
		t.Fatal(err)
	}
	if got != n {
		t.Errorf("WriteDir wrote %d, want %d", got, n)
	}
	files := 0
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		s := string(b)
		for _, key := range []string{"---\ntitle: ", "\nsource: ", "\nsource_url: https://", "\npublished: "} {
			if !strings.Contains(s, key) {
				t.Errorf("%s lacks %q in its front matter", path, key)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files != n {
		t.Errorf("found %d files, want %d", files, n)
	}
	// The file for readout 7 holds exactly its Markdown.
	r := g.Readout(7)
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(r.Name)))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(string(Markdown(r)), string(b)); diff != "" {
		t.Errorf("file differs from Markdown (-want +got):\n%s", diff)
	}
}

func TestQuestionsMix(t *testing.T) {
	t.Parallel()
	qs := New(9).Questions(500, 4)
	kinds := map[string]int{}
	for _, q := range qs {
		kinds[q.Kind]++
		if q.Text == "" || !strings.HasSuffix(q.Text, "?") {
			t.Errorf("question %+v is not a question", q)
		}
	}
	for _, k := range []string{AskWho, AskWhen, AskWhere, AskPosition, AskSingle, AskMulti, AskUnanswered} {
		if kinds[k] != 4 {
			t.Errorf("%d %s questions, want 4", kinds[k], k)
		}
	}
	for _, p := range New(9).NamePrefixes(50) {
		if p == "" {
			t.Error("empty name prefix")
		}
	}
}

func BenchmarkGenerate(b *testing.B) {
	g := New(1)
	i := 0
	var bytes int64
	for b.Loop() {
		r := g.Readout(i)
		bytes += int64(len(r.Text))
		i++
	}
	b.SetBytes(bytes / int64(max(i, 1)))
}
