package knowledge

// sampleUnderRace keeps every seventh item (and the first) when the race
// detector is on and all of them otherwise; see race_on_test.go.
func sampleUnderRace[T any](items []T) []T {
	if !raceDetector {
		return items
	}
	var out []T
	for i := 0; i < len(items); i += 7 {
		out = append(out, items[i])
	}
	return out
}
