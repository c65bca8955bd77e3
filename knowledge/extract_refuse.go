package knowledge

import (
	"regexp"
	"strings"
)

// reFutureMeet is a meeting verb governed by a future or a plan: "will
// hold talks", "is scheduled to meet", "is expected to receive".
var reFutureMeet = regexp.MustCompile(`(?i)\b(?:will|shall|(?:is|are)\s+(?:scheduled|expected|due|set|slated|going|planned)\s+to|(?:is|are)\s+to|plans?\s+to|intends?\s+to)\s+(?:also\s+|then\s+|later\s+|first\s+)?(?:meet|hold|host|receive|visit|speak|talk|call|confer|welcome|chair|co-chair|have)\b`)

// rePastMeet is a meeting verb in the past: the sentence reports a meeting
// that took place, whatever else it plans.
var rePastMeet = regexp.MustCompile(`\b(?:met|held|spoke|talked|hosted|received|welcomed|discussed|exchanged|visited|called|conferred|greeted|chaired|co-chaired|congratulated|consulted)\b`)

// plansMeeting says a sentence announces a meeting still to come and
// reports none that took place: a media advisory or a programme, not a
// readout.
func plansMeeting(s string) bool {
	if !strings.Contains(s, " to ") && !strings.Contains(s, "will ") && !strings.Contains(s, "shall ") {
		return false
	}
	return reFutureMeet.MatchString(s) && !rePastMeet.MatchString(s)
}

// speechMarks are phrases of a speech's script or delivery that readouts
// do not use.
var speechMarks = []string{"check against delivery", "as prepared for delivery", "as delivered", "excellencies, ladies and gentlemen",
	"ladies and gentlemen,", "dear friends,", "thank you, chair", "thank you, mr. chairman", "thank you, madam chair",
	"good morning,", "good morning.", "good afternoon,", "good afternoon.", "good evening,", "good evening.",
	"thank you for inviting me", "thank you to the organisers", "thank you to the organizers",
	"it is a pleasure to be here", "it is an honour to be here", "it is an honor to be here", "distinguished guests",
	"thank you for your attention"}

// reSpeechTitle is a headline that names a speech.
var reSpeechTitle = regexp.MustCompile(`(?i)^(?:(?:keynote\s+)?(?:speech|address|remarks|lecture|toast)\s+(?:by|of|at|to|delivered)\b|keynote\b|opening (?:speech|remarks|address)\b)`)

// looksLikeSpeech says a text is a speech that mentions a meeting in
// passing ("Yesterday I met my friend, the Foreign Minister of ..."),
// not the readout of one: two marks of a speech, such as a speech
// headline, "check against delivery" or a salutation to the audience.
func looksLikeSpeech(title, text string) bool {
	marks := 0
	if reSpeechTitle.MatchString(strings.TrimSpace(title)) {
		marks++
	}
	if len(text) > 8<<10 {
		text = text[:8<<10]
	}
	l := strings.ToLower(text)
	for _, k := range speechMarks {
		if strings.Contains(l, k) {
			marks++
		}
	}
	// An interview: questions and answers on lines of their own.
	if strings.Count(l, "\nq:") >= 2 || strings.HasPrefix(l, "q:") && strings.Count(l, "\nq:") >= 1 || strings.HasPrefix(l, "interview\n") {
		marks += 2
	}
	// A script that ends by thanking its audience.
	if end := strings.TrimRight(l, " \n\t"); strings.HasSuffix(end, "\nthank you.") || strings.HasSuffix(end, "\nthank you very much.") ||
		strings.HasSuffix(end, "\nthank you!") {
		marks++
	}
	return marks >= 2
}
