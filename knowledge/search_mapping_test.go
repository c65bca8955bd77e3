package knowledge

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestDayRangesCoverExactly checks that the day, month and year ranges a
// date range becomes hold exactly the day numbers between its bounds.
func TestDayRangesCoverExactly(t *testing.T) {
	in := func(rs []dayRange, x int) bool {
		for _, r := range rs {
			var v int
			switch r.prefix {
			case whenDay:
				v = x
			case whenMonth:
				v = x / 100
			case whenYear:
				v = x / 10000
			default:
				t.Fatalf("unexpected prefix %q", r.prefix)
			}
			if v >= r.lo && v <= r.hi {
				return true
			}
		}
		return false
	}
	days := []int{0, 20110500, 20110501, 20110531, 20110599, 20111299, 20120000, 19991231, 99999999}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		days = append(days, (1990+rng.IntN(40))*10000+rng.IntN(13)*100+rng.IntN(32))
	}
	bounds := append([]int{}, days...)
	for _, s := range []string{"2011", "2011-05", "2011-05-03", "1999-12"} {
		lo, _ := ixDayNumber(s, false)
		hi, _ := ixDayNumber(s, true)
		bounds = append(bounds, int(lo), int(hi))
	}
	for i, lo := range bounds {
		for _, hi := range bounds[i%7:][:40] {
			rs := dayRanges(lo, hi)
			for _, x := range days {
				if got, want := in(rs, x), lo <= x && x <= hi; got != want {
					t.Fatalf("dayRanges(%d, %d) holds %d: %v, want %v (%v)", lo, hi, x, got, want, fmt.Sprint(rs))
				}
			}
		}
	}
}

// TestAccentsFoldBothWays checks that a question finds a readout whether
// or not either spells a word with its accents.
func TestAccentsFoldBothWays(t *testing.T) {
	meetings := map[string]Meeting{
		"suwalki.md": {
			Title: "Foreign Minister Nowak receives Foreign Minister Åberg", Date: "2026-03-11", Kind: KindInPerson,
			Participants: []Participant{
				{Name: "Jan Nowak", Title: "Foreign Minister", Affiliation: "Poland"},
				{Name: "Elin Åberg", Title: "Foreign Minister", Affiliation: "Sweden"}},
			Text: "Foreign Minister Jan Nowak received Foreign Minister Elin Åberg in Warsaw. " +
				"Minister Nowak briefed his guest on the defence of the Suwałki corridor.",
			Positions: []Position{{Speaker: "Jan Nowak", Topic: "Suwałki corridor",
				Text: "Minister Nowak briefed his guest on the defence of the Suwałki corridor."}},
		},
		"turkiye.md": {
			Title: "Minister Nowak speaks with Minister Demir", Date: "2026-04-02", Kind: KindTelephone,
			Participants: []Participant{
				{Name: "Jan Nowak", Title: "Foreign Minister", Affiliation: "Poland"},
				{Name: "Ayse Demir", Title: "Foreign Minister", Affiliation: "Turkey"}},
			Text: "Minister Nowak spoke by telephone with Minister Ayse Demir. " +
				"Minister Demir said Turkiye would host the next round of grain talks.",
			Positions: []Position{{Speaker: "Ayse Demir", Topic: "grain talks",
				Text: "Minister Demir said Turkiye would host the next round of grain talks."}},
		},
	}
	extract := func(r Readout) (Meeting, error) {
		m, ok := meetings[r.Name]
		if !ok {
			return Meeting{}, ErrNotReadout
		}
		m.ID = fallbackID(r)
		m.Text = r.Text
		return m, nil
	}
	ix, err := openWith(t.TempDir(), Options{Now: func() time.Time { return testNow }}, extract)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for name, m := range meetings {
		if _, err := ix.Add(t.Context(), Readout{Name: name, Title: m.Title, Text: m.Text}); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct{ q, want string }{
		{"What did Nowak say about the Suwalki corridor?", "Suwałki corridor"},   // question without the accent
		{"What did Nowak say about the Suwałki corridor?", "Suwałki corridor"},   // with it
		{"What did Demir say about Türkiye hosting grain talks?", "grain talks"}, // the readout has none
	}
	for _, tt := range tests {
		ans, err := ix.Ask(t.Context(), tt.q)
		if err != nil {
			t.Errorf("Ask(%q): %v", tt.q, err)
			continue
		}
		if !strings.Contains(ans.Text, tt.want) {
			t.Errorf("Ask(%q) = %q, want it to quote %q", tt.q, ans.Text, tt.want)
		}
	}
}

// TestIngestedRangeIsExact checks that a window of ingestion times finds
// exactly the meetings taken in within it, whichever days, midnights and
// nanoseconds its bounds fall on, either bound open.
func TestIngestedRangeIsExact(t *testing.T) {
	t.Parallel()
	day := time.Date(2025, 12, 30, 0, 0, 0, 0, time.UTC)
	times := []time.Time{
		day, day.Add(time.Nanosecond), day.Add(23*time.Hour + 59*time.Minute), day.Add(24*time.Hour - time.Nanosecond),
		day.Add(24 * time.Hour), day.Add(36 * time.Hour), day.Add(48 * time.Hour), day.Add(72*time.Hour + time.Second),
		day.AddDate(0, 1, 3), day.AddDate(1, 0, 0).Add(5 * time.Hour),
	}
	at := 0
	now := func() time.Time { return times[at] }
	extract := func(r Readout) (Meeting, error) {
		return Meeting{Title: r.Title, Text: r.Text, Kind: KindInPerson}, nil
	}
	ix, err := openWith(t.TempDir(), Options{Now: now}, extract)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for i := range times {
		at = i
		r := Readout{Name: fmt.Sprintf("r%d.md", i), Title: fmt.Sprintf("Meeting %d", i), Text: "The ministers met."}
		if _, err := ix.Add(t.Context(), r); err != nil {
			t.Fatal(err)
		}
	}
	var bounds []time.Time
	for _, x := range times {
		bounds = append(bounds, x, x.Add(-time.Nanosecond), x.Add(time.Nanosecond), x.Add(-time.Hour), x.Add(7*time.Hour))
	}
	bounds = append(bounds, time.Time{}, day.Add(-30*24*time.Hour), day.In(time.FixedZone("east", 5*3600)).Add(2*time.Hour))
	for i, from := range bounds {
		for _, to := range bounds[i%5:][:20] {
			if from.IsZero() && to.IsZero() {
				continue
			}
			want := 0
			for _, x := range times {
				if (from.IsZero() || !x.Before(from)) && (to.IsZero() || x.Before(to)) {
					want++
				}
			}
			p, err := ix.Meetings(t.Context(), Filter{IngestedFrom: from, IngestedTo: to, Limit: 100})
			if err != nil {
				t.Fatal(err)
			}
			if p.Total != want {
				t.Errorf("ingested from %v to %v: %d meetings, want %d", from, to, p.Total, want)
			}
		}
	}
}

// TestDayTerm checks the day term against the day number it stands for.
func TestDayTerm(t *testing.T) {
	for _, d := range []string{"2021-05-03", "2021-05", "2021", "0999-12-31", "0000-01-01", "2021-5-3", "2021-05-3x", "x", "", "1-02-03", "2021-00-00", "20210503"} {
		got, ok := dayTerm(d)
		n, wantOK := ixDayNumber(d, false)
		want := ""
		if wantOK {
			want = fmt.Sprintf("%08d", int(n))
		}
		if got != want || ok != wantOK {
			t.Errorf("dayTerm(%q) = %q, %v; want %q, %v", d, got, ok, want, wantOK)
		}
	}
}

// TestToDocFieldsAreMapped checks that every field toDoc makes is one the
// shared empty "_all" field leaves out, so bleve never writes into it.
func TestToDocFieldsAreMapped(t *testing.T) {
	im := newMapping()
	ms := []Meeting{{}, {
		Title: "Minister Åberg meets Secretary Blinken", Text: "They met.", Date: "2021-05-03", Published: "2021-05-04",
		Kind: KindInPerson, Location: "Geneva", Topics: []string{"trade", "Arctic"}, Ingested: testNow,
		Participants: []Participant{{Name: "Elin Åberg", Title: "Foreign Minister", Affiliation: "Sweden"}, {Title: "Secretary-General", Affiliation: "United Nations"}},
	}}
	for _, m := range ms {
		doc, err := toDoc(im, "id", m)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range doc.Fields {
			if !slices.Contains(mappedFields, f.Name()) {
				t.Errorf("toDoc makes field %q, which mappedFields lacks", f.Name())
			}
		}
		if len(doc.CompositeFields) != 1 || doc.CompositeFields[0] != emptyAll {
			t.Errorf("composite fields = %v, want the shared empty _all", doc.CompositeFields)
		}
	}
	if emptyAll.AnalyzedLength() != 0 || len(emptyAll.AnalyzedTokenFrequencies()) != 0 {
		t.Errorf("the shared _all field holds terms")
	}
}
