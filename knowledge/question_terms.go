package knowledge

import "strings"

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

// derivedForms are the verb of a noun in -sion and the noun of such a verb
// ("expansion" and "expand", "invasion" and "invade", "admission" and
// "admit"), which the stemmer keeps apart: a question in one finds a
// readout in the other.
func derivedForms(w string) []string {
	switch {
	case len(w) < 6:
		return nil
	case strings.HasSuffix(w, "ssion"):
		return []string{w[:len(w)-5] + "t"} // admission -> admit
	case strings.HasSuffix(w, "sion"):
		base := w[:len(w)-4]
		return []string{base + "d", base + "de"} // expansion -> expand, invasion -> invade
	case strings.HasSuffix(w, "de"):
		return []string{w[:len(w)-2] + "sion"} // decide -> decision
	case strings.HasSuffix(w, "d") && !strings.HasSuffix(w, "ed"):
		return []string{w[:len(w)-1] + "sion"} // extend -> extension
	case strings.HasSuffix(w, "mit"):
		return []string{w[:len(w)-1] + "ssion"} // permit -> permission
	}
	return nil
}
