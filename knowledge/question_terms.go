package knowledge

// shortFormWords are the folded words a readout may write for a short
// form a question uses, or the other way round ("EU" and "European
// Union"): a question word matches any of them.
var shortFormWords = map[string][]string{
	"eu":   {"european"},
	"un":   {"nations"},
	"uk":   {"kingdom", "britain", "british"},
	"us":   {"states", "american", "america"},
	"nato": {"alliance"},
	"rok":  {"korea", "korean"},
	"dprk": {"korea", "korean"},
}
