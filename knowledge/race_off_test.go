//go:build !race

package knowledge

// raceDetector is false when the tests run without the race detector; see
// race_on_test.go.
const raceDetector = false
