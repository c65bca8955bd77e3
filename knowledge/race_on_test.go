//go:build race

package knowledge

// raceDetector is true when the tests run under the race detector. The
// corpus-wide equivalence tests (fast scanners checked against the code they
// replaced) run in one goroutine, so the detector finds nothing in them and
// only slows them tenfold; under it they check a sample (sampleUnderRace),
// and the plain `go test` run, which CI also makes, checks every text.
const raceDetector = true
