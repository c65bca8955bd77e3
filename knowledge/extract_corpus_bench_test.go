package knowledge_test

import (
	"testing"

	"github.com/readoutbot/readoutbot/knowledge"
	"github.com/readoutbot/readoutbot/knowledge/readoutgen"
)

// BenchmarkExtractGenerated extracts the generated readouts that the ingest
// benchmark indexes, so its per-op time is what one readout costs there.
func BenchmarkExtractGenerated(b *testing.B) {
	g := readoutgen.New(7)
	rs := make([]knowledge.Readout, 200)
	for i := range rs {
		rs[i] = g.Readout(i)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_, _ = knowledge.Extract(rs[i%len(rs)])
		i++
	}
}
