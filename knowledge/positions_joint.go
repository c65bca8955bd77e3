package knowledge

import "regexp"

// reQuotedJoint is a quote whose "we" acts jointly with the other side:
// what the two agreed or decided, whoever is quoted saying it.
var reQuotedJoint = regexp.MustCompile(`^["“]We\s+(?:both\s+|also\s+|have\s+|jointly\s+)?(?:agreed|decided|concurred|resolved|signed)\b`)
