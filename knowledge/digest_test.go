package knowledge

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zone tests run on machines without zoneinfo

	"github.com/google/go-cmp/cmp"
)

func init() {
	// Other test files of the package may define -update too; share it.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

// updateGolden reports whether -update was given.
func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// checkGolden compares got with testdata/name, or rewrites it with -update.
func checkGolden(tb testing.TB, name, got string) {
	tb.Helper()
	path := filepath.Join("testdata", "digest", name)
	if updateGolden() {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		tb.Errorf("%s mismatch (-want +got):\n%s", path, diff)
	}
}

func mustZone(tb testing.TB, name string) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		tb.Fatal(err)
	}
	return loc
}

// digestFixture is a small day of readouts, ingested through 14-15 March
// 2024 (UTC), about meetings of several kinds, ranks and ages.
func digestFixture() []Meeting {
	at := func(s string) time.Time {
		t, err := time.Parse(time.RFC3339, s)
		if err != nil {
			panic(err)
		}
		return t
	}
	return []Meeting{
		{
			ID: "m-fm", Title: "Foreign Ministers' Meeting", Date: "2024-03-14", Kind: KindInPerson, Location: "Brussels",
			Participants: []Participant{
				{Name: "Yoko Kamikawa", Title: "Minister for Foreign Affairs", Affiliation: "Japan"},
				{Name: "Josep Borrell", Title: "High Representative", Affiliation: "European Union"},
			},
			Topics: []string{"Ukraine", "Indo-Pacific"}, SourceURL: "https://example.org/fm", Published: "2024-03-14",
			Ingested: at("2024-03-14T09:30:00Z"),
		},
		{
			ID: "m-call", Title: "Leaders' Telephone Talk", Date: "2024-03-14", Kind: KindTelephone,
			Participants: []Participant{
				{Name: "Fumio Kishida", Title: "Prime Minister", Affiliation: "Japan"},
				{Name: "Emmanuel Macron", Title: "President", Affiliation: "France"},
			},
			Positions:       []Position{{Speaker: BothSides, Topic: "North Korea", Text: "The leaders agreed to keep working together on North Korea."}},
			SourceURL:       "https://example.org/call",
			Published:       "2024-03-14",
			Ingested:        at("2024-03-14T12:00:00Z"),
			DurationMinutes: 20,
		},
		{
			ID: "m-old", Title: "Readout of the Secretary-General's meeting", Date: "2024-02-20", Kind: KindInPerson, Location: "New York",
			Participants: []Participant{
				{Name: "António Guterres", Title: "Secretary-General", Affiliation: "United Nations"},
				{Name: "", Title: "Prime Minister", Affiliation: "Portugal"},
			},
			Topics: []string{"climate change"}, SourceURL: "https://example.org/old", Published: "2024-03-14",
			Ingested: at("2024-03-14T20:00:00Z"),
		},
		{
			ID: "m-trio", Title: "Trilateral meeting", Date: "2024-03-13", Kind: KindVideo,
			Participants: []Participant{
				{Name: "Joe Biden", Title: "President", Affiliation: "United States"},
				{Name: "Fumio Kishida", Title: "Prime Minister", Affiliation: "Japan"},
				{Name: "Yoon Suk Yeol", Title: "President", Affiliation: "Republic of Korea"},
			},
			Topics:    []string{"North Korea", "economic security"},
			SourceURL: "https://example.org/trio", Published: "2024-03-14",
			Ingested: at("2024-03-15T07:59:59Z"),
		},
		{
			ID: "m-undated", Title: "Vice-Ministerial consultations", Kind: KindInPerson,
			Participants: []Participant{{Name: "Masataka Okano", Title: "Vice-Minister for Foreign Affairs", Affiliation: "Japan"}},
			Ingested:     at("2024-03-15T01:00:00Z"),
		},
		// Outside the window on either side, and never ingested.
		{ID: "m-before", Title: "Earlier window", Date: "2024-03-13", Ingested: at("2024-03-14T07:59:59Z")},
		{ID: "m-after", Title: "Next window", Date: "2024-03-15", Ingested: at("2024-03-15T08:00:00Z")},
		{ID: "m-never", Title: "Not ingested", Date: "2024-03-14"},
	}
}

func fixtureOptions(tb testing.TB) DigestOptions {
	from := time.Date(2024, 3, 14, 8, 0, 0, 0, time.UTC)
	return DigestOptions{From: from, To: from.Add(24 * time.Hour), Location: mustZone(tb, "Asia/Tokyo")}
}

func ids(items []DigestItem) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, it.Meeting.ID)
	}
	return out
}

func TestBuildDigestSelection(t *testing.T) {
	d, err := BuildDigest(digestFixture(), fixtureOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	// Leaders first, then ministers; the video call of three is dated the
	// local day before the window opened in Tokyo, so it is still "held".
	if diff := cmp.Diff([]string{"m-call", "m-trio", "m-fm"}, ids(d.Held)); diff != "" {
		t.Errorf("held (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"m-old", "m-undated"}, ids(d.Earlier)); diff != "" {
		t.Errorf("earlier (-want +got):\n%s", diff)
	}
	for _, it := range d.Earlier {
		if !it.Earlier {
			t.Errorf("%s: Earlier not set", it.Meeting.ID)
		}
	}
}

func TestBuildDigestHeldDependsOnZone(t *testing.T) {
	// Whether a meeting two days before the window's UTC opening was "held
	// in the period" depends on the local day the window opens on.
	m := Meeting{ID: "x", Date: "2024-03-12", Ingested: time.Date(2024, 3, 14, 9, 0, 0, 0, time.UTC)}
	from := time.Date(2024, 3, 14, 8, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		zone string
		held bool
	}{
		{"Asia/Tokyo", false},         // opens on the 14th: held since the 13th
		{"Pacific/Honolulu", true},    // opens on the 13th: held since the 12th
		{"Pacific/Kiritimati", false}, // opens on the 14th
	} {
		t.Run(tc.zone, func(t *testing.T) {
			d, err := BuildDigest([]Meeting{m}, DigestOptions{From: from, To: from.Add(24 * time.Hour), Location: mustZone(t, tc.zone)})
			if err != nil {
				t.Fatal(err)
			}
			if got := len(d.Held) == 1; got != tc.held {
				t.Errorf("held = %v, want %v", got, tc.held)
			}
		})
	}
}

func TestBuildDigestWindowErrors(t *testing.T) {
	now := time.Date(2024, 3, 14, 8, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		opts DigestOptions
	}{
		{"zero", DigestOptions{}},
		{"empty", DigestOptions{From: now, To: now}},
		{"reversed", DigestOptions{From: now, To: now.Add(-time.Hour)}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := BuildDigest(digestFixture(), tc.opts); err != ErrDigestWindow {
				t.Errorf("err = %v, want ErrDigestWindow", err)
			}
		})
	}
	if _, err := BuildDigest(nil, DigestOptions{From: now, To: now.Add(time.Hour), Grouping: "size"}); err == nil {
		t.Error("unknown grouping accepted")
	}
}

// TestBuildDigestExactlyOnce checks the rule digests rest on: over
// touching windows (local days across a daylight-saving change, with odd
// post times), every ingested readout is in exactly one digest.
func TestBuildDigestExactlyOnce(t *testing.T) {
	for _, tc := range []struct {
		zone  string
		start time.Time
		hour  int
		min   int
	}{
		{"Europe/London", time.Date(2024, 3, 28, 0, 0, 0, 0, time.UTC), 1, 30}, // spring forward 31 March 01:00
		{"America/New_York", time.Date(2024, 10, 30, 0, 0, 0, 0, time.UTC), 0, 0},
		{"Asia/Kolkata", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), 23, 59},
		{"Australia/Adelaide", time.Date(2024, 4, 4, 0, 0, 0, 0, time.UTC), 8, 0}, // half-hour zone, DST ends 7 April
	} {
		t.Run(tc.zone, func(t *testing.T) {
			loc := mustZone(t, tc.zone)
			rng := rand.New(rand.NewPCG(1, 2))
			var ms []Meeting
			for i := range 400 {
				ing := tc.start.Add(time.Duration(rng.Int64N(int64(9 * 24 * time.Hour))))
				ms = append(ms, Meeting{ID: fmt.Sprint(i), Date: ing.Format(time.DateOnly), Ingested: ing})
			}
			// Windows from one local post time to the next.
			var bounds []time.Time
			y, mo, dd := tc.start.In(loc).Date()
			for i := -1; i <= 10; i++ {
				bounds = append(bounds, time.Date(y, mo, dd+i, tc.hour, tc.min, 0, 0, loc))
			}
			count := map[string]int{}
			for i := 0; i+1 < len(bounds); i++ {
				d, err := BuildDigest(ms, DigestOptions{From: bounds[i], To: bounds[i+1], Location: loc})
				if err != nil {
					t.Fatal(err)
				}
				for _, it := range append(d.Held, d.Earlier...) {
					count[it.Meeting.ID]++
				}
			}
			for _, m := range ms {
				if count[m.ID] != 1 {
					t.Errorf("meeting %s ingested %s is in %d digests", m.ID, m.Ingested, count[m.ID])
				}
			}
		})
	}
}

func TestBuildDigestFilters(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  func(*DigestOptions)
		want []string
	}{
		{"person family name", func(o *DigestOptions) { o.Person = "kishida" }, []string{"m-call", "m-trio"}},
		{"person without accents", func(o *DigestOptions) { o.Person = "Antonio Guterres" }, []string{"m-old"}},
		{"person office only", func(o *DigestOptions) { o.Person = "Prime Minister of Portugal" }, []string{"m-old"}},
		{"person needs all words", func(o *DigestOptions) { o.Person = "Fumio Biden" }, []string{}},
		{"country", func(o *DigestOptions) { o.Country = "france" }, []string{"m-call"}},
		{"country words", func(o *DigestOptions) { o.Country = "Korea" }, []string{"m-trio"}},
		{"topic in topics", func(o *DigestOptions) { o.Topic = "Ukraine" }, []string{"m-fm"}},
		{"topic in positions", func(o *DigestOptions) { o.Topic = "north korea" }, []string{"m-call", "m-trio"}},
		{"combined", func(o *DigestOptions) { o.Person = "Kishida"; o.Country = "United States" }, []string{"m-trio"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := fixtureOptions(t)
			tc.set(&opts)
			d, err := BuildDigest(digestFixture(), opts)
			if err != nil {
				t.Fatal(err)
			}
			got := append(ids(d.Held), ids(d.Earlier)...)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
}

func TestDigestTitleRank(t *testing.T) {
	for _, tc := range []struct {
		title string
		want  int
	}{
		{"Prime Minister", rankLeader},
		{"President of the European Commission", rankLeader},
		{"Secretary-General", rankLeader},
		{"Vice President", rankMinister},
		{"Deputy Prime Minister", rankMinister},
		{"Secretary of State", rankMinister},
		{"Minister for Foreign Affairs", rankMinister},
		{"Spokesperson", rankOther},
		{"", rankOther},
	} {
		if got := digestTitleRank(tc.title); got != tc.want {
			t.Errorf("rank(%q) = %d, want %d", tc.title, got, tc.want)
		}
	}
}

func TestDigestRenderGolden(t *testing.T) {
	for _, tc := range []struct {
		name   string
		set    func(*DigestOptions)
		render DigestRender
	}{
		{"importance.txt", func(*DigestOptions) {}, DigestRender{}},
		{"country.txt", func(o *DigestOptions) { o.Grouping = GroupByCountry }, DigestRender{AngleLinks: true}},
		{"late-filtered.txt", func(o *DigestOptions) { o.Late = true; o.Topic = "North Korea" }, DigestRender{}},
		{"empty.txt", func(o *DigestOptions) { o.Person = "nobody at all" }, DigestRender{EmptyLine: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := fixtureOptions(t)
			tc.set(&opts)
			d, err := BuildDigest(digestFixture(), opts)
			if err != nil {
				t.Fatal(err)
			}
			checkGolden(t, tc.name, strings.Join(d.Render(tc.render), "\n=== next message ===\n")+"\n")
		})
	}
}

func TestDigestRenderEmptySaysNothing(t *testing.T) {
	opts := fixtureOptions(t)
	opts.Person = "nobody at all"
	d, err := BuildDigest(digestFixture(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Empty() {
		t.Fatal("digest not empty")
	}
	if got := d.Render(DigestRender{}); got != nil {
		t.Errorf("empty digest rendered %q", got)
	}
}

// TestDigestRenderChunks fills a long day and checks that every chunk keeps
// to the limit, that lines are never split, and that nothing is lost.
func TestDigestRenderChunks(t *testing.T) {
	from := time.Date(2024, 3, 14, 8, 0, 0, 0, time.UTC)
	var ms []Meeting
	for i := range 120 {
		ms = append(ms, Meeting{
			ID: fmt.Sprintf("m%03d", i), Title: "Meeting", Date: "2024-03-14", Kind: KindInPerson, Location: "Genève",
			Participants: []Participant{
				{Name: fmt.Sprintf("Person %03d", i), Title: "Minister", Affiliation: "Country Ä"},
				{Name: "Ζωή Παπαδοπούλου 😀", Title: "Minister", Affiliation: "Greece"},
			},
			Topics:    []string{"trade", "energy", strings.Repeat("long topic ", 10)},
			SourceURL: fmt.Sprintf("https://example.org/readouts/%03d", i),
			Ingested:  from.Add(time.Duration(i) * time.Minute),
		})
	}
	for i := range ms {
		if i%7 == 0 {
			ms[i].Date = "2024-01-0" + fmt.Sprint(1+i%5) // some earlier meetings
		}
		ms[i].Participants[0].Affiliation = fmt.Sprintf("Country %d", i%9)
	}
	for _, tc := range []struct {
		limit int
		g     DigestGrouping
	}{{2000, GroupByImportance}, {500, GroupByImportance}, {2000, GroupByCountry}, {500, GroupByCountry}} {
		limit := tc.limit
		d, err := BuildDigest(ms, DigestOptions{From: from, To: from.Add(24 * time.Hour), Grouping: tc.g})
		if err != nil {
			t.Fatal(err)
		}
		chunks := d.Render(DigestRender{Limit: limit, AngleLinks: true})
		if len(chunks) < 2 {
			t.Fatalf("limit %d: %d chunks, want several", limit, len(chunks))
		}
		seen := 0
		for i, c := range chunks {
			if n := digestLen(c); n > limit {
				t.Errorf("limit %d: chunk %d is %d long", limit, i, n)
			}
			if i > 0 && !strings.HasPrefix(c, "Readout digest (continued)") {
				t.Errorf("limit %d: chunk %d does not say it continues: %q", limit, i, c[:40])
			}
			ls := strings.Split(c, "\n")
			if last := ls[len(ls)-1]; !strings.HasPrefix(last, "- ") {
				t.Errorf("limit %d %s: chunk %d ends with a heading %q", limit, tc.g, i, last)
			}
			for _, l := range ls {
				if strings.HasPrefix(l, "- ") {
					seen++
					if !strings.HasSuffix(l, ">") {
						t.Errorf("limit %d: line split or link cut: %q", limit, l)
					}
				}
			}
		}
		if seen != len(ms) {
			t.Errorf("limit %d: %d lines rendered, want %d", limit, seen, len(ms))
		}
	}
}

func TestDigestFitLineTooLong(t *testing.T) {
	s := strings.Repeat("é", 50)
	got := digestFitLine(s, 10)
	if digestLen(got) > 10 || !strings.HasSuffix(got, "…") {
		t.Errorf("fit = %q", got)
	}
	if got := digestFitLine("short", 10); got != "short" {
		t.Errorf("fit changed a short line: %q", got)
	}
}

func TestParseDigestGrouping(t *testing.T) {
	for in, want := range map[string]DigestGrouping{"": GroupByImportance, "Country": GroupByCountry, " importance ": GroupByImportance} {
		got, err := ParseDigestGrouping(in)
		if err != nil || got != want {
			t.Errorf("ParseDigestGrouping(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseDigestGrouping("alphabet"); err == nil {
		t.Error("unknown grouping accepted")
	}
}

// BenchmarkDigest builds and renders a busy day of a large index.
func BenchmarkDigest(b *testing.B) {
	from := time.Date(2024, 3, 14, 8, 0, 0, 0, time.UTC)
	var ms []Meeting
	for i := range 5000 {
		ms = append(ms, Meeting{
			ID: fmt.Sprint(i), Title: "Meeting", Date: "2024-03-14", Kind: KindTelephone,
			Participants: []Participant{{Name: fmt.Sprintf("Person %d", i), Title: "Prime Minister", Affiliation: fmt.Sprintf("Country %d", i%50)}, {Name: "Other", Title: "Minister", Affiliation: "Elsewhere"}},
			Topics:       []string{"trade", "climate change"}, SourceURL: fmt.Sprintf("https://example.org/%d", i),
			Ingested: from.Add(time.Duration(i) * 10 * time.Second),
		})
	}
	opts := DigestOptions{From: from, To: from.Add(24 * time.Hour), Grouping: GroupByCountry, Topic: "climate"}
	for b.Loop() {
		d, err := BuildDigest(ms, opts)
		if err != nil {
			b.Fatal(err)
		}
		_ = d.Render(DigestRender{AngleLinks: true})
		_ = d.Render(DigestRender{Limit: 1 << 30}) // one piece, as the CLI prints
	}
}
