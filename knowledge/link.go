package knowledge

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Linking: two governments often publish their own readout of one meeting
// or call. Links are computed when asked, from the stored meetings, so the
// index keeps one meeting per readout and nothing has to be rebuilt when a
// second side's readout arrives or an extraction rule changes.

// linkWindowDays is how far apart two readouts' meeting dates may be and
// still describe one meeting: a call in the evening in Washington is the
// next morning in Tokyo, and each side dates it in its own time zone.
const linkWindowDays = 1

// SameMeeting reports whether two readouts describe the same meeting: the
// same kind (when both say), meeting dates at most a day apart (time zones),
// and the same principals, matched by name ("Ito" is "Kenji Ito") or by
// office and affiliation ("the Prime Minister of Japan"). Two readouts from
// one publisher must give the same date: one government does not date one
// meeting twice, so a day apart means two meetings.
func SameMeeting(a, b Meeting) bool {
	if a.ID == b.ID || a.Date == "" || b.Date == "" {
		return false
	}
	if !kindsAgree(a.Kind, b.Kind) {
		return false
	}
	days, ok := daysApart(a.Date, b.Date)
	if !ok || days > linkWindowDays {
		return false
	}
	if days > 0 && Publisher(a) == Publisher(b) {
		return false
	}
	return sameParticipants(a.Participants, b.Participants)
}

// kindsAgree says whether two kinds can be one meeting: equal, or one of
// them unknown.
func kindsAgree(a, b Kind) bool {
	known := func(k Kind) bool { return k != "" && k != KindOther }
	return !known(a) || !known(b) || a == b
}

// daysApart is the number of calendar days between two YYYY-MM-DD dates.
func daysApart(a, b string) (int, bool) {
	ta, err1 := time.Parse(time.DateOnly, a)
	tb, err2 := time.Parse(time.DateOnly, b)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	d := ta.Sub(tb)
	if d < 0 {
		d = -d
	}
	return int(d.Hours()/24 + 0.5), true
}

// sameParticipants says whether two lists name the same principals, one
// to one. A readout that names one side only ("the Prime Minister spoke
// with President X") could be any of X's calls that day, and a trilateral
// is not the bilateral held beside it, so lists of different lengths never
// match.
func sameParticipants(a, b []Participant) bool {
	if len(a) == 0 || len(a) != len(b) {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	used := make([]bool, len(b))
	matched := 0
	for _, p := range a {
		for j, q := range b {
			if !used[j] && SamePerson(p, q) {
				used[j] = true
				matched++
				break
			}
		}
	}
	return matched == len(a)
}

// SamePerson reports whether two participant records, possibly from two
// publishers' readouts, name one person: one name's words all appear in
// the other's ("Ito", "Kenji Ito"; "Xi", "Xi Jinping"), with agreeing
// affiliations when both are known; or, where a name is missing, the same
// office of the same country or organisation.
func SamePerson(a, b Participant) bool {
	if a.Affiliation != "" && b.Affiliation != "" && !sameAffiliation(a.Affiliation, b.Affiliation) {
		return false
	}
	if a.Name != "" && b.Name != "" {
		ta, tb := givenNames(nameTokens(a.Name)), givenNames(nameTokens(b.Name))
		if len(ta) == 0 || len(tb) == 0 {
			return false
		}
		if len(ta) > len(tb) {
			ta, tb = tb, ta
		}
		for _, w := range ta {
			if !slices.Contains(tb, w) {
				return false
			}
		}
		return true
	}
	return a.Affiliation != "" && b.Affiliation != "" && sameOffice(a.Title, b.Title)
}

// nicknames maps the short forms of given names that readouts use ("Joe
// Biden", "Tony Blinken") to the full form another readout writes
// ("Joseph R. Biden Jr.", "Antony J. Blinken").
var nicknames = map[string]string{
	"joe": "joseph", "tony": "antony", "bill": "william", "will": "william", "bob": "robert", "rob": "robert",
	"bobby": "robert", "mike": "michael", "jim": "james", "jimmy": "james", "tom": "thomas", "dick": "richard",
	"rick": "richard", "liz": "elizabeth", "beth": "elizabeth", "kate": "catherine", "cathy": "catherine",
	"dan": "daniel", "dave": "david", "chris": "christopher", "steve": "stephen", "ben": "benjamin",
	"bibi": "benjamin", "nick": "nicholas", "alex": "alexander", "sasha": "alexander", "andy": "andrew",
	"tim": "timothy", "matt": "matthew", "pat": "patrick", "sam": "samuel", "ted": "edward", "ed": "edward",
	"jack": "john", "johnny": "john", "jon": "jonathan", "larry": "lawrence", "jerry": "gerald",
	"chuck": "charles", "charlie": "charles", "fred": "frederick", "greg": "gregory", "jeff": "jeffrey",
	"ron": "ronald", "don": "donald", "hank": "henry", "harry": "henry", "peggy": "margaret", "maggie": "margaret",
	"sue": "susan", "jenny": "jennifer", "becky": "rebecca", "vlad": "vladimir",
}

// givenNames writes nicknames in full so two spellings of one person's
// given name compare equal.
func givenNames(toks []string) []string {
	for i, t := range toks {
		if full, ok := nicknames[t]; ok {
			toks[i] = full
		}
	}
	return toks
}

// sameAffiliation compares countries or organisations by their folded
// words, so "United States" and "the United States" agree, or by the
// country they name ("Republic of Korea", "South Korea").
func sameAffiliation(a, b string) bool {
	if strings.Join(contentWords(a), " ") == strings.Join(contentWords(b), " ") {
		return true
	}
	pa, oka := lookupPlace(a)
	pb, okb := lookupPlace(b)
	return oka && okb && !pa.isAdj && !pb.isAdj && pa.name == pb.name
}

// Publisher names who released a readout: its source, else its URL's host.
func Publisher(m Meeting) string {
	if s := strings.TrimSpace(m.Source); s != "" {
		return s
	}
	if u, err := url.Parse(m.SourceURL); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	return ""
}

// relatedPage bounds one read of the meetings around a date.
const relatedPage = 1000

// Related lists the other readouts of the meeting with id (each side's own
// account), oldest publication first; none when only one side published.
// It returns ErrNotFound when no meeting has that id.
func (ix *Index) Related(ctx context.Context, id string) ([]Meeting, error) {
	m, err := ix.Meeting(ctx, id)
	if err != nil {
		return nil, err
	}
	return ix.relatedTo(ctx, m)
}

// relatedTo lists the readouts that describe the same meeting as m.
func (ix *Index) relatedTo(ctx context.Context, m Meeting) ([]Meeting, error) {
	if m.Date == "" || len(m.Participants) == 0 {
		return nil, nil
	}
	t, err := time.Parse(time.DateOnly, m.Date)
	if err != nil {
		return nil, nil
	}
	f := Filter{
		From:  t.AddDate(0, 0, -linkWindowDays).Format(time.DateOnly),
		To:    t.AddDate(0, 0, linkWindowDays).Format(time.DateOnly),
		Limit: relatedPage,
	}
	var out []Meeting
	for {
		page, err := ix.Meetings(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("related meetings: %w", err)
		}
		for _, c := range page.Meetings {
			if SameMeeting(m, c) {
				out = append(out, c)
			}
		}
		f.Offset += len(page.Meetings)
		if len(page.Meetings) == 0 || f.Offset >= page.Total {
			break
		}
	}
	slices.SortFunc(out, func(a, b Meeting) int {
		return strings.Compare(a.Published+a.ID, b.Published+b.ID)
	})
	return out, nil
}
