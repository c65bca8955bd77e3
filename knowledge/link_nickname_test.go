package knowledge

import "testing"

// A nickname and the full given name are one person ("Joe Biden" is
// "Joseph R. Biden Jr."); different given names or people are not.
func TestSamePersonNicknames(t *testing.T) {
	t.Parallel()
	us := "United States"
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"Joe Biden", "Joseph R. Biden Jr.", true},
		{"Tony Blinken", "Antony J. Blinken", true},
		{"Bill Clinton", "William J. Clinton", true},
		{"Mike Pompeo", "Michael R. Pompeo", true},
		{"Jim Mattis", "James N. Mattis", true},
		{"Joe Biden", "Jill Biden", false},
		{"Tony Blinken", "Tony Blair", false},
		{"Kate Gallagher", "Catherine Gallagher", true},
	} {
		got := SamePerson(Participant{Name: tt.a, Affiliation: us}, Participant{Name: tt.b, Affiliation: us})
		if got != tt.want {
			t.Errorf("SamePerson(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
