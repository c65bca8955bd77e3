package knowledge

import "fmt"

// durationPhrase writes a meeting's length as a reader says it: minutes,
// with whole and half hours spelled out too ("60 minutes (1 hour)"), so an
// answer reads right whichever unit the question has in mind.
func durationPhrase(mins int) string {
	s := fmt.Sprintf("%d minutes", mins)
	if mins < 60 {
		return s
	}
	h, rest := mins/60, mins%60
	unit := "hours"
	if h == 1 {
		unit = "hour"
	}
	switch rest {
	case 0:
		return fmt.Sprintf("%s (%d %s)", s, h, unit)
	case 30:
		return fmt.Sprintf("%s (%d and a half %s)", s, h, "hours")
	}
	return fmt.Sprintf("%s (%d %s %d minutes)", s, h, unit, rest)
}
