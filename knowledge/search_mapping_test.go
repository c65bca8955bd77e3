package knowledge

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// TestDayRangesCoverExactly checks that the day, month and year ranges a
// date range becomes hold exactly the day numbers between its bounds.
func TestDayRangesCoverExactly(t *testing.T) {
	in := func(rs []dayRange, x int) bool {
		for _, r := range rs {
			var v int
			switch r.field {
			case fDay:
				v = x
			case fMonth:
				v = x / 100
			case fYear:
				v = x / 10000
			default:
				t.Fatalf("unexpected field %q", r.field)
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
