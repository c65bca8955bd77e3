// Package readoutgen writes synthetic meeting readouts for benchmarks and
// load tests: deterministic for a seed, in the house styles of real
// publishers (Japan's MOFA, the UN Secretary-General, the US State
// Department and White House, the UK Prime Minister's Office), with a few
// hundred recurring invented people who hold offices over twenty years.
//
// The text is generated, never copied from real readouts, and is not
// bundled data: it exists to load the knowledge engine at scale.
package readoutgen
