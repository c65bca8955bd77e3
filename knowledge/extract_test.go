package knowledge

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// said is a position the test expects: the speaker and words of its text.
type said struct{ speaker, words string }

func TestExtractFixtures(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file         string
		date, tm     string
		minutes      int
		location     string
		kind         Kind
		participants []Participant
		positions    []said
		published    string
	}{
		{
			file: "mofa-numbered.md", date: "2022-06-08", tm: "18:30", minutes: 45, location: "Tokyo", kind: KindInPerson,
			published: "2022-06-09",
			participants: []Participant{
				{"Kenji Morita", "Minister for Foreign Affairs", "Japan"},
				{"Elena Vargas Soto", "Minister of Foreign Affairs", "Chile"},
			},
			positions: []said{
				{"Elena Vargas Soto", "trans-Pacific trade agreement"},
				{"Kenji Morita", "keep markets open"},
				{BothSides, "ocean conservation"},
			},
		},
		{
			// "last night" in a release dated 12 March; a call has no location.
			file: "un-call.txt", date: "2021-03-11", kind: KindTelephone, published: "2021-03-12",
			participants: []Participant{
				{"", "Secretary-General", "United Nations"},
				{"Tomas Lindqvist", "Prime Minister", "Sweden"},
			},
			positions: []said{
				{"Secretary-General", "peacekeeping"},
				{"Secretary-General", "predictable funding"}, // "He" after the Secretary-General
				{"Tomas Lindqvist", "climate adaptation fund"},
			},
		},
		{
			// Weekday date line; "spoke today"; "The President" resolved.
			file: "wh-call.txt", date: "2019-12-11", kind: KindTelephone,
			participants: []Participant{
				{"Daniel Hart", "President", ""},
				{"Claire Fontaine", "Prime Minister", "Canada"},
			},
			positions: []said{
				{BothSides, "critical minerals"},
				{"Daniel Hart", "dairy farmers"},
			},
		},
		{
			// The title's date is the call's; "yesterday afternoon" does not shift it.
			file: "uk-call.txt", date: "2020-10-22", kind: KindTelephone,
			participants: []Participant{
				{"", "Prime Minister", "United Kingdom"},
				{"Anna Weber", "Chancellor", "Germany"},
			},
			positions: []said{
				{BothSides, "future partnership"},
				{"Prime Minister", "interconnectors"}, // attribution at the end of the sentence
				{"Anna Weber", "hydrogen"},
			},
		},
		{
			// The signing spokesperson and a vice president mentioned at the end are not participants.
			file: "state-meeting.txt", date: "2021-04-14", location: "Washington", kind: KindInPerson,
			participants: []Participant{
				{"Samuel J. Miller", "Secretary", "United States"},
				{"Grace Otieno", "Foreign Minister", "Kenya"},
			},
			positions: []said{
				{"Samuel J. Miller", "regional mediation"},
				{BothSides, "protect civilians"},
				{"Grace Otieno", "thanked the Secretary"},
			},
		},
		{
			// Saved HTML: caption, navigation, footer and scripts are dropped.
			file: "nato-page.html", date: "2018-05-17", location: "NATO Headquarters", kind: KindInPerson,
			published: "2018-05-17",
			participants: []Participant{
				{"Lars Eklund", "Secretary General", "NATO"},
				{"Pieter de Vries", "Prime Minister", "Netherlands"},
			},
			positions: []said{
				{"Lars Eklund", "air policing"},
				{"Pieter de Vries", "defence spending"},
			},
		},
		{
			// "On the evening of February 3, 2023" wins over the timestamp line.
			file: "relative-evening.txt", date: "2023-02-03", kind: KindTelephone, published: "2023-02-04",
			participants: []Participant{
				{"Liu Wen", "Member of the Political Bureau of the CPC Central Committee", "China"},
				{"Julien Mercier", "Foreign Minister", "France"},
			},
			positions: []said{
				{BothSides, "Middle East"},
				{"Liu Wen", "supply chains"},
				{"Liu Wen", "mutual trust"}, // a sentence with no subject of its own continues
			},
		},
		{
			// Date only in the title; "Dr", "Dato'" dropped; a third person in the last paragraph.
			file: "title-date.txt", date: "2022-05-04", location: "Kuala Lumpur", kind: KindInPerson,
			participants: []Participant{
				{"Rajan Pillai", "Minister for Foreign Affairs", "Singapore"},
				{"Aminah Yusof", "Minister of Foreign Affairs", "Malaysia"},
			},
			positions: []said{{BothSides, "close ties"}},
		},
		{
			file: "margins.txt", date: "2021-10-30", tm: "12:10", minutes: 20, location: "G20 Summit in Rome", kind: KindInPerson,
			participants: []Participant{
				{"Hiroshi Sato", "Prime Minister", "Japan"}, // a summit's city is not his country; the one other country named is
				{"Martin Alvarez", "President", "Argentina"},
			},
			positions: []said{
				{"Hiroshi Sato", "lithium"},
				{"Martin Alvarez", "debt talks"},
			},
		},
		{
			file: "video.txt", date: "2020-06-04", kind: KindVideo,
			participants: []Participant{
				{"Arvind Mehta", "Prime Minister", "India"},
				{"Scott Bell", "Prime Minister", "Australia"},
			},
			positions: []said{
				{BothSides, "comprehensive strategic partnership"},
				{"Arvind Mehta", "Indo-Pacific"},
			},
		},
		{
			// Three parties; the unnamed Secretary-General is named by a header line.
			file: "joint-three.txt", date: "2023-09-17", location: "New York", kind: KindInPerson,
			participants: []Participant{
				{"Karl Brandt", "President", "European Union"},
				{"Ines Ferreira", "President", "European Union"},
				{"Miguel Serrano", "Secretary-General", "United Nations"},
			},
			positions: []said{{BothSides, "food prices"}},
		},
		{
			// 24-hour clock; "Park, Ji-won" is family name first.
			file: "phone-korea.txt", date: "2016-07-03", tm: "20:20", minutes: 25, kind: KindTelephone,
			participants: []Participant{
				{"Ichiro Tanabe", "Minister for Foreign Affairs", "Japan"},
				{"Park Ji-won", "Minister of Foreign Affairs", "South Korea"},
			},
			positions: []said{
				{"Park Ji-won", "joint survey"},
				{"Ichiro Tanabe", "delay the survey"},
				{"Park Ji-won", "could not be changed"},
			},
		},
		{
			file: "noon-hour.txt", date: "2015-09-22", tm: "12:00", minutes: 60, kind: KindTelephone,
			participants: []Participant{
				{"Kazuo Ueda", "Prime Minister", "Japan"},
				{"Tran Van Minh", "Prime Minister", "Viet Nam"},
			},
			positions: []said{{"Tran Van Minh", "new Cabinet"}},
		},
		{
			// No date of the call anywhere: the date of another event must not win.
			file: "no-date.txt", kind: KindTelephone,
			participants: []Participant{
				{"Daniel Hart", "President", "United States"},
				{"Oleg Sokolov", "President", "Russia"},
			},
			positions: []said{
				{"Daniel Hart", "congratulations"},
				{BothSides, "arms control"},
			},
		},
		{
			// "today" resolved from "tomorrow, Tuesday, 15th December 2020"; the governor is only mentioned.
			file: "mentioned.txt", date: "2020-12-14", location: "State House, Nairobi", kind: KindInPerson,
			participants: []Participant{
				{"Joseph Mwangi", "President", "Kenya"},
				{"Peter Okello", "President", "Uganda"},
			},
			positions: []said{{BothSides, "oil pipeline"}},
		},
		{
			// The unnamed office with a country ("The Russian President") gives
			// the untitled principal his affiliation and the position.
			file: "kremlin-style.txt", date: "2022-03-06", kind: KindTelephone,
			participants: []Participant{
				{"Boris Antonov", "President", "Russia"},
				{"Rui Matos", "President of the Portuguese Republic", "Portugal"},
			},
			positions: []said{
				{BothSides, "grain corridor"},
				{"Rui Matos", "shipping insurance"},
				{"Boris Antonov", "fertiliser"},
			},
		},
		{
			// Both are prime ministers: the bare office is the issuer's own
			// principal; the title's "Prime Minister of Japan" joins Japan's.
			file: "two-pms.txt", date: "2021-03-12", kind: KindTelephone,
			participants: []Participant{
				{"Vikram Rao", "Prime Minister", "India"}, // the one other country named, as the place the guest will visit
				{"Kenta Kimura", "Prime Minister", "Japan"},
			},
			positions: []said{
				{"Vikram Rao", "support during the pandemic"},
				{"Kenta Kimura", "wish to visit"},
			},
		},
		{
			// "Jr." after a comma, "U.S." inside a word, a visit's city.
			file: "summit-jr.txt", date: "2024-05-03", tm: "19:35", minutes: 40, location: "Washington D.C", kind: KindInPerson,
			participants: []Participant{
				{"Hiro Nakata", "Prime Minister", "Japan"},
				{"Robert T. Lane Jr.", "President", "United States"},
			},
			positions: []said{
				{"Hiro Nakata", "never been stronger"},
				{"Robert T. Lane Jr.", "defense spending"},
			},
		},
		{
			// Name particles; an organisation paired with a country ("EU-Ghana").
			file: "eu-particles.txt", date: "2023-07-13", location: "Brussels", kind: KindInPerson,
			participants: []Participant{
				{"Anna van der Berg", "President", "European Union"},
				{"Kofi Osei", "Prime Minister", "Ghana"},
			},
			positions: []said{
				{"Anna van der Berg", "green hydrogen"},
				{"Kofi Osei", "fairer access"},
			},
		},
		{
			// A courtesy call is made in person; "Foreign Minister of Indonesia"
			// in the title is the same person as the body's minister.
			file: "courtesy-call.txt", date: "2022-11-03", kind: KindInPerson,
			participants: []Participant{
				{"Sari Wulandari", "Minister for Foreign Affairs", "Indonesia"},
				{"Jiro Tanaka", "Prime Minister", "Japan"},
			},
			positions: []said{
				{"Jiro Tanaka", "ASEAN chair"},
				{"Sari Wulandari", "priorities"},
			},
		},
		{
			// A saved GOV.UK page: metadata in the page head, a lead paragraph
			// repeated in the body, share and feedback widgets; two prime
			// ministers, one unnamed.
			file: "govuk-page.html", date: "2024-03-05", kind: KindTelephone, published: "2024-03-05",
			participants: []Participant{
				{"", "Prime Minister", "United Kingdom"},
				{"Erik Dahl", "Prime Minister", "Norway"},
			},
			positions: []said{
				{BothSides, "carbon capture"},
				{"Erik Dahl", "offshore wind"},
			},
		},
		{
			// A headline ending in "Jr." is still a headline; "Oct. 3, 2023" and
			// "today"; the press secretary who gives the readout is not a participant.
			file: "dod-hosted.txt", date: "2023-10-03", location: "Pentagon", kind: KindInPerson,
			participants: []Participant{
				{"Mark T. Ellis", "Secretary of Defense", "United States"},
				{"Ramon Cruz Jr.", "Secretary of National Defense", "Philippines"},
			},
			positions: []said{
				{"Mark T. Ellis", "commitment to the alliance"},
				{BothSides, "maritime security"},
				{"Ramon Cruz Jr.", "modernization"},
			},
		},
		{
			// A minister's own release: "Today I met", "I raised", "We agreed";
			// the signature names the author, "Australia's" in the author's
			// sentences gives the country.
			file: "first-person.txt", date: "2024-03-14", location: "Hanoi", kind: KindInPerson,
			participants: []Participant{
				{"Claire Morgan", "Minister for Trade and Tourism", "Australia"},
				{"Tran Van Minh", "Minister of Industry and Trade", "Vietnam"},
			},
			positions: []said{
				{"Claire Morgan", "reliable supply chains"},
				{"Tran Van Minh", "ports and logistics"},
				{BothSides, "green shipping corridors"},
			},
		},
		{
			// "On March 4, following ..., Mr. SATO Kenji, ...": the opening
			// clause is not the topic tail, and the capitalised family name
			// goes last.
			file: "opening-clause.txt", date: "2024-03-04", tm: "09:10", minutes: 15, kind: KindTelephone,
			participants: []Participant{
				{"Kenji Sato", "Prime Minister", "Japan"},
				{"Mateo Rojas", "President", "Chile"},
			},
			positions: []said{
				{"Kenji Sato", "emergency relief team"},
				{"Mateo Rojas", "gratitude"},
				{BothSides, "disaster risk reduction"},
			},
		},
		{
			// "Published on 11 May 2024" dates "this Saturday"; two offices
			// joined by "and" are both sides.
			file: "published-line.txt", date: "2024-05-11", kind: KindTelephone, published: "2024-05-11",
			participants: []Participant{
				{"Louis Marchetti", "President of the Republic", ""},
				{"Ana Lindqvist", "Prime Minister", "Sweden"},
			},
			positions: []said{
				{BothSides, "European Council"},
				{"Ana Lindqvist", "defence industrial strategy"},
			},
		},
		{
			// GOV.UK's "From:" and "Published" lines: the office is the source,
			// the minister it names is not used to name the Prime Minister.
			file: "govuk-from.txt", date: "2022-02-24", kind: KindTelephone, published: "2022-02-24",
			participants: []Participant{
				{"", "Prime Minister", "United Kingdom"},
				{"Carlos Ruiz", "Prime Minister", "Spain"},
			},
			positions: []said{
				{"Carlos Ruiz", "humanitarian aid"},
			},
		},
		{
			// An organisation's venue takes the city of the opening dateline;
			// "The Secretary-General and Ambassador Herrera" is both sides.
			file: "venue-dateline.txt", date: "2024-10-09", location: "ASEAN Secretariat, Jakarta", kind: KindInPerson,
			participants: []Participant{
				{"Lina Castro", "Secretary-General", "ASEAN"},
				{"Tomas Herrera", "Ambassador of Chile to ASEAN", "Chile"},
			},
			positions: []said{
				{BothSides, "fisheries"},
				{"Tomas Herrera", "tsunami"},
			},
		},
		{
			// The headline's "Prime Minister of Estonia" is the counterpart the
			// body names, not the publisher's own unnamed Prime Minister;
			// attribution after a closing quote.
			file: "govuk-meeting.txt", date: "2024-05-03", location: "Tallinn", kind: KindInPerson, published: "2024-05-03",
			participants: []Participant{
				{"", "Prime Minister", "United Kingdom"},
				{"Liis Tamm", "Prime Minister", "Estonia"},
			},
			positions: []said{
				{"Prime Minister", "front line"},
				{"Liis Tamm", "battlegroup"},
			},
		},
		{
			// A middle initial stays in the name; an opening dateline gives the
			// publisher's country; "meets Thai counterpart" adds no one.
			file: "lead-dateline.txt", date: "2024-06-03", kind: KindInPerson,
			participants: []Participant{
				{"Maria B. Santos", "Foreign Affairs Secretary", "Philippines"},
				{"Anan Srisuk", "Minister of Foreign Affairs", "Thailand"},
			},
			positions: []said{
				{"Maria B. Santos", "trusted partner"},
				{"Anan Srisuk", "rice trade"},
			},
		},
		{
			// A royal rank before the name gives way to the office after it;
			// "His Royal Highness the Crown Prince" as subject; a formal state
			// name ("the Arab Republic of Egypt") is the country.
			file: "royal-call.txt", date: "2024-03-02", kind: KindTelephone,
			participants: []Participant{
				{"Faisal bin Khalid Al Saud", "Crown Prince and Prime Minister", "Saudi Arabia"},
				{"Karim Naguib", "Foreign Minister", "Egypt"},
			},
			positions: []said{
				{"Faisal bin Khalid Al Saud", "Red Sea"},
				{"Karim Naguib", "donor conference"},
			},
		},
		{
			// A venue followed by its city keeps both.
			file: "guesthouse.txt", date: "2024-05-08", location: "Diaoyutai State Guesthouse, Beijing", kind: KindInPerson,
			published: "2024-05-09",
			participants: []Participant{
				{"Zhou Lan", "Premier", "China"},
				{"Arjun Mehta", "Prime Minister", "Nepal"},
			},
			positions: []said{
				{"Zhou Lan", "railway"},
				{"Arjun Mehta", "one-China"},
			},
		},
		{
			// "Ambassador to Viet Nam" names the host's country, spelt as the
			// readout spells it; the person in "ahead of the visit by ..." did
			// not take part.
			file: "ambassador.txt", date: "2024-06-12", location: "Government Guesthouse, Ha Noi", kind: KindInPerson,
			participants: []Participant{
				{"Lan Vo", "Prime Minister", "Viet Nam"},
				{"Ingrid Berg", "Ambassador to Viet Nam", "Norway"},
			},
			positions: []said{
				{"Lan Vo", "offshore wind"},
				{"Ingrid Berg", "energy transition"},
			},
		},
		{
			// An unsigned first-person readout: "I" is the principal only the
			// headline names.
			file: "first-person-title.txt", date: "2024-04-04", kind: KindTelephone,
			participants: []Participant{
				{"Sean Walsh", "Prime Minister", "Ireland"},
				{"Mara Kovac", "President", ""},
			},
			positions: []said{
				{"Mara Kovac", "demining"},
				{BothSides, "peace formula"},
				{"Sean Walsh", "deported children"},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			t.Parallel()
			m := extractFixture(t, tt.file)
			got := struct {
				Date, Time, Location string
				Minutes              int
				Kind                 Kind
			}{m.Date, m.Time, m.Location, m.DurationMinutes, m.Kind}
			want := struct {
				Date, Time, Location string
				Minutes              int
				Kind                 Kind
			}{tt.date, tt.tm, tt.location, tt.minutes, tt.kind}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("meeting facts (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.participants, m.Participants); diff != "" {
				t.Errorf("participants (-want +got):\n%s", diff)
			}
			if tt.published != "" && m.Published != tt.published {
				t.Errorf("published = %q, want %q", m.Published, tt.published)
			}
			for _, w := range tt.positions {
				if !hasPosition(m.Positions, w) {
					t.Errorf("no position of %q with %q in %+v", w.speaker, w.words, m.Positions)
				}
			}
			for _, p := range m.Positions {
				if !isSpeaker(p.Speaker, m.Participants) {
					t.Errorf("position speaker %q is not a participant or both sides", p.Speaker)
				}
			}
		})
	}
}

func extractFixture(t *testing.T, file string) Meeting {
	t.Helper()
	r, err := ReadFile(filepath.Join("testdata", "readouts", file))
	if err != nil {
		t.Fatalf("ReadFile: %v", err)
	}
	m, err := Extract(r)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	return m
}

func hasPosition(ps []Position, w said) bool {
	for _, p := range ps {
		if p.Speaker == w.speaker && strings.Contains(p.Text, w.words) {
			return true
		}
	}
	return false
}

func isSpeaker(s string, ps []Participant) bool {
	if s == BothSides {
		return true
	}
	for _, p := range ps {
		if s == label(p) {
			return true
		}
	}
	return false
}

func TestExtractNotReadout(t *testing.T) {
	t.Parallel()
	for _, file := range []string{"news-article.txt", "recipe.md", "news-meeting.txt"} {
		t.Run(file, func(t *testing.T) {
			t.Parallel()
			r, err := ReadFile(filepath.Join("testdata", "readouts", file))
			if err != nil {
				t.Fatalf("ReadFile: %v", err)
			}
			if _, err := Extract(r); !errors.Is(err, ErrNotReadout) {
				t.Errorf("Extract = %v, want ErrNotReadout", err)
			}
		})
	}
}

func TestExtractIDStable(t *testing.T) {
	t.Parallel()
	a := Readout{Name: "a.txt", SourceURL: "https://example.org/x", Text: "Prime Minister Ann Lee met President Bo Park of Korea in Seoul."}
	b := a
	b.Name = "copy/of/a.txt"
	ma, errA := Extract(a)
	mb, errB := Extract(b)
	if errA != nil || errB != nil {
		t.Fatalf("Extract: %v, %v", errA, errB)
	}
	if ma.ID != mb.ID || ma.ID == "" {
		t.Errorf("ids %q and %q differ for one source URL", ma.ID, mb.ID)
	}
	c := a
	c.SourceURL = ""
	mc, err := Extract(c)
	if err != nil {
		t.Fatal(err)
	}
	if mc.ID == ma.ID {
		t.Errorf("without a source URL the id should come from the name")
	}
}

func TestExtractRules(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		text  string
		check func(t *testing.T, m Meeting)
	}{
		{
			name: "honorifics are dropped",
			text: "New Delhi\n\nMarch 2, 2023\n\nPrime Minister Shri Ravi Kumar met His Excellency Mr. Omar Haddad, King of the Hashemite Kingdom of Jordan, and the Honourable Dr. Jane Moss, Prime Minister of New Zealand, today.",
			check: func(t *testing.T, m Meeting) {
				want := []string{"Ravi Kumar", "Omar Haddad", "Jane Moss"}
				if diff := cmp.Diff(want, names(m)); diff != "" {
					t.Errorf("names (-want +got):\n%s", diff)
				}
			},
		},
		{
			name: "country adjective before a title",
			text: "May 5, 2021\n\nSecretary of State Paul Grant met Japanese Foreign Minister Yuki Hara and Brazilian Defence Minister Rui Costa today.",
			check: func(t *testing.T, m Meeting) {
				want := []string{"United States", "Japan", "Brazil"}
				var got []string
				for _, p := range m.Participants {
					got = append(got, p.Affiliation)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("affiliations (-want +got):\n%s", diff)
				}
			},
		},
		{
			name: "a phone call's dateline is not its location",
			text: "Tokyo\n\nJanuary 9, 2020\n\nPrime Minister Ken Oda held a telephone talk with President Lina Berg of Finland.",
			check: func(t *testing.T, m Meeting) {
				if m.Location != "" || m.Kind != KindTelephone {
					t.Errorf("location %q kind %q, want no location for a call", m.Location, m.Kind)
				}
			},
		},
		{
			name: "yesterday resolves against the date line",
			text: "1 March 2024\n\nPresident Amy Stone met Prime Minister Li Qiang of China yesterday in Geneva.",
			check: func(t *testing.T, m Meeting) {
				if m.Date != "2024-02-29" || m.Location != "Geneva" {
					t.Errorf("date %q location %q", m.Date, m.Location)
				}
			},
		},
		{
			name: "later mentions by surname and office",
			text: "April 2, 2019\n\nMinister Sara Holm met Mr. Tariq Aziz, Foreign Minister of Pakistan, today. Mr. Aziz raised the water treaty. Minister Holm said her country would host the next round. The two ministers agreed to meet in autumn.",
			check: func(t *testing.T, m Meeting) {
				for _, w := range []said{{"Tariq Aziz", "water treaty"}, {"Sara Holm", "next round"}, {BothSides, "autumn"}} {
					if !hasPosition(m.Positions, w) {
						t.Errorf("missing %+v in %+v", w, m.Positions)
					}
				}
			},
		},
		{
			name: "a dateline with a date; a co-chaired dialogue is in person",
			text: "Joint Press Release\n\nTokyo, 8 June 2022\n\nForeign Minister Ken Abe and Foreign Minister Lea Roth of Germany co-chaired the third Japan-Germany dialogue today. The ministers exchanged views on export controls.",
			check: func(t *testing.T, m Meeting) {
				if m.Date != "2022-06-08" || m.Location != "Tokyo" || m.Kind != KindInPerson {
					t.Errorf("date %q location %q kind %q", m.Date, m.Location, m.Kind)
				}
				want := []Participant{{"Ken Abe", "Foreign Minister", "Japan"}, {"Lea Roth", "Foreign Minister", "Germany"}}
				if diff := cmp.Diff(want, m.Participants); diff != "" {
					t.Errorf("participants (-want +got):\n%s", diff)
				}
				if !hasPosition(m.Positions, said{BothSides, "export controls"}) {
					t.Errorf("positions %+v", m.Positions)
				}
			},
		},
		{
			name: "an office with a country adjective",
			text: "President Sandra Ortiz spoke with the Indian Prime Minister today about trade.",
			check: func(t *testing.T, m Meeting) {
				want := []Participant{{"Sandra Ortiz", "President", ""}, {"", "Prime Minister", "India"}}
				if diff := cmp.Diff(want, m.Participants); diff != "" {
					t.Errorf("participants (-want +got):\n%s", diff)
				}
			},
		},
		{
			name: "an office with a country names that country's principal",
			text: "March 1, 2023\n\nMember of the State Council Li Wen met Foreign Minister Ana Costa of Brazil today. The Chinese Foreign Minister said trade should grow.",
			check: func(t *testing.T, m Meeting) {
				if !hasPosition(m.Positions, said{"Li Wen", "trade should grow"}) {
					t.Errorf("positions %+v", m.Positions)
				}
			},
		},
		{
			name: "the meeting as subject is both sides",
			text: "May 2, 2022\n\nPresident Nora Quist met Prime Minister Ali Farouk of Egypt today. The talks focused on water sharing and grain prices.",
			check: func(t *testing.T, m Meeting) {
				if !hasPosition(m.Positions, said{BothSides, "water sharing"}) {
					t.Errorf("positions %+v", m.Positions)
				}
			},
		},
		{
			name: "two principals' countries as the subject",
			text: "May 2, 2022\n\nPresident Nora Quist of Chile met Prime Minister Ali Farouk of Egypt today. Chile and Egypt will open direct flights next year.",
			check: func(t *testing.T, m Meeting) {
				if !hasPosition(m.Positions, said{BothSides, "direct flights"}) {
					t.Errorf("positions %+v", m.Positions)
				}
			},
		},
		{
			name: "topics from discussion lists and announced points",
			text: "May 2, 2022\n\nPresident Nora Quist met Prime Minister Ali Farouk of Egypt today. The leaders discussed food security, the Nile dam and regional trade. With regard to climate finance, President Quist called for faster payments. She also welcomed the new rail link.",
			check: func(t *testing.T, m Meeting) {
				for _, want := range []string{"food security", "Nile dam", "regional trade", "climate finance"} {
					if !slices.Contains(m.Topics, want) {
						t.Errorf("topics %q lack %q", m.Topics, want)
					}
				}
				for _, p := range m.Positions {
					if strings.Contains(p.Text, "faster payments") && p.Topic != "climate finance" {
						t.Errorf("topic of %q = %q", p.Text, p.Topic)
					}
				}
			},
		},
		{
			name: "surnames only, next to the meeting verb",
			text: "Japan-Russia Summit\n\nSeptember 7, 2017\n\nAbe met Putin in Vladivostok. Abe proposed joint projects on the islands.",
			check: func(t *testing.T, m Meeting) {
				if diff := cmp.Diff([]string{"Abe", "Putin"}, names(m)); diff != "" {
					t.Errorf("names (-want +got):\n%s", diff)
				}
				if m.Location != "Vladivostok" || !hasPosition(m.Positions, said{"Abe", "joint projects"}) {
					t.Errorf("location %q positions %+v", m.Location, m.Positions)
				}
			},
		},
		{
			name: "a counterpart named with a country adjective",
			text: "April 2, 2023\n\nForeign Minister Li Wen met his Japanese counterpart Kenji Sato in Beijing today.",
			check: func(t *testing.T, m Meeting) {
				want := []Participant{{"Li Wen", "Foreign Minister", "China"}, {"Kenji Sato", "Foreign Minister", "Japan"}} // China: the host of a meeting in Beijing; a counterpart holds the same office
				if diff := cmp.Diff(want, m.Participants); diff != "" {
					t.Errorf("participants (-want +got):\n%s", diff)
				}
			},
		},
		{
			name: "a principal and a counterpart together",
			text: "March 1, 2023\n\nMinister Ana Costa met Foreign Minister Li Wen of China today. Minister Costa and her Chinese counterpart agreed to expand flights.",
			check: func(t *testing.T, m Meeting) {
				if !hasPosition(m.Positions, said{BothSides, "expand flights"}) {
					t.Errorf("positions %+v", m.Positions)
				}
			},
		},
		{
			name: "a surname that is also a month",
			text: "May 9, 2018\n\nPrime Minister Theresa May met Chancellor Olaf Lind of Austria today. Prime Minister May stressed the importance of free trade.",
			check: func(t *testing.T, m Meeting) {
				if got := names(m); len(got) == 0 || got[0] != "Theresa May" {
					t.Errorf("names %q", got)
				}
				if !hasPosition(m.Positions, said{"Theresa May", "free trade"}) {
					t.Errorf("positions %+v", m.Positions)
				}
			},
		},
		{
			name: "several intro phrases before the subject",
			text: "May 9, 2022\n\nPresident Jon Hale met Prime Minister Ida Berg of Norway today. On the economy, as markets recover, Prime Minister Berg called for lower tariffs.",
			check: func(t *testing.T, m Meeting) {
				if !hasPosition(m.Positions, said{"Ida Berg", "lower tariffs"}) {
					t.Errorf("positions %+v", m.Positions)
				}
			},
		},
		{
			name: "a possessive office in the meeting sentence is not another participant",
			text: "May 9, 2022\n\nThe Prime Minister spoke to President Jon Hale last night, their first call since the President's inauguration.",
			check: func(t *testing.T, m Meeting) {
				if len(m.Participants) != 2 {
					t.Errorf("participants %+v", m.Participants)
				}
			},
		},
		{
			name: "a date of another event in the meeting sentence",
			text: "April 3, 2018\n\nPresident Ana Ruiz congratulated President Ivan Petrov of Serbia on his March 18 re-election when they spoke today.",
			check: func(t *testing.T, m Meeting) {
				if m.Date != "2018-04-03" {
					t.Errorf("date %q, want the call's day", m.Date)
				}
			},
		},
		{
			name: "a pronoun after someone else speaks is not the last participant",
			text: "June 2, 2022\n\nPresident Maria Lind met Prime Minister Sam Ng of Singapore today. President Lind praised the port deal. Special Envoy Tom Ross briefed the leaders on the talks. He said a ceasefire was close.",
			check: func(t *testing.T, m Meeting) {
				for _, p := range m.Positions {
					if strings.Contains(p.Text, "ceasefire") {
						t.Errorf("the envoy's words were given to %q", p.Speaker)
					}
				}
			},
		},
		{
			name: "people accompanying a principal are not participants",
			text: "June 1, 2022\n\nPresident Maria Lind, accompanied by Foreign Minister Ole Berg, met Prime Minister Sam Ng of Singapore today.",
			check: func(t *testing.T, m Meeting) {
				if diff := cmp.Diff([]string{"Maria Lind", "Sam Ng"}, names(m)); diff != "" {
					t.Errorf("names (-want +got):\n%s", diff)
				}
			},
		},
		{
			name: "attribution after a quote and by according to",
			text: "May 5, 2021\n\nPresident Nora Quist met Prime Minister Ali Farouk of Egypt today. “We will double the grain shipments,” said President Quist. According to Prime Minister Farouk, the canal fees will stay unchanged.",
			check: func(t *testing.T, m Meeting) {
				for _, w := range []said{{"Nora Quist", "grain shipments"}, {"Ali Farouk", "canal fees"}} {
					if !hasPosition(m.Positions, w) {
						t.Errorf("missing %+v in %+v", w, m.Positions)
					}
				}
			},
		},
		{
			name: "a country's side speaks for its principal",
			text: "12.05.2021\n\nForeign Minister Lin Tao held talks with HE Mr. Amir Sadeghi, Foreign Minister of Iran. The Chinese side supports the talks in Vienna. The Iranian side explained its view on sanctions.",
			check: func(t *testing.T, m Meeting) {
				if m.Date != "2021-05-12" {
					t.Errorf("date %q", m.Date)
				}
				if got := names(m); len(got) != 2 || got[1] != "Amir Sadeghi" {
					t.Errorf("names %q", got)
				}
				for _, w := range []said{{"Lin Tao", "Vienna"}, {"Amir Sadeghi", "sanctions"}} {
					if !hasPosition(m.Positions, w) {
						t.Errorf("missing %+v in %+v", w, m.Positions)
					}
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r, err := Parse(tt.name, []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			m, err := Extract(r)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			tt.check(t, m)
		})
	}
}

func names(m Meeting) []string {
	var out []string
	for _, p := range m.Participants {
		out = append(out, p.Name)
	}
	return out
}

func BenchmarkExtract(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "readouts", "mofa-numbered.md"))
	if err != nil {
		b.Fatal(err)
	}
	r, err := Parse("mofa-numbered.md", data)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract(r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseHTML(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "readouts", "nato-page.html"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse("nato-page.html", data); err != nil {
			b.Fatal(err)
		}
	}
}
