package knowledge

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// Topics are short noun phrases naming subjects: a clause, a bare
// adjective, a lone common word or a stretch of time is not a topic.
func TestTopicsAreNounPhrases(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		phrase string
		want   string // "" when the phrase is no topic
	}{
		{"climate and discussed the need", "climate"},
		{"reaffirmed their agreement", ""},
		{"made clear their opposition", ""},
		{"Iranian-made", ""},
		{"conditions", ""},
		{"welcomed the ships", ""},
		{"coming hours and days", ""},
		{"Western", ""},
		{"larger role", ""},
		{"our shared interest", ""},
		{"above all the Russian war", "Russian war"},
		{"China-U.S. relations", "China-U.S. relations"},
		{"North Korea", "North Korea"},
		{"climate change", "climate change"},
		{"trade", "trade"},
		{"denuclearization", "denuclearization"},
		{"the war in Ukraine", "war in Ukraine"},
	} {
		got := shortTopic(tt.phrase)
		if !goodTopic(got, newPeople(nil)) {
			got = ""
		}
		if got != tt.want {
			t.Errorf("topic of %q = %q, want %q", tt.phrase, got, tt.want)
		}
	}
	// "China-U.S." in running text stays whole.
	pos := []Position{{Speaker: "Wang Yi", Text: "Wang Yi said that China-U.S. relations are at a turning point."}}
	pos[0].Topic = clauseTopic(pos[0].Text, newPeople([]Participant{{Name: "Wang Yi"}}))
	if got := topicsOf("", pos, nil); !slices.Contains(got, "China-U.S. relations") {
		t.Errorf("topics = %q, want China-U.S. relations", got)
	}
}

// A family name marked by capitals goes after the given name, so "KISHIDA
// Fumio" and "Fumio Kishida" are one name; unmarked names stay as written.
func TestGivenNameFirst(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"KISHIDA Fumio":          "Fumio Kishida",
		"Mr. ABE Shinzo":         "Shinzo Abe",
		"Wang Yi":                "Wang Yi",
		"Kang Kyung-wha":         "Kang Kyung-wha",
		"KIM Jong-un":            "KIM Jong-un", // no capital mark on a hyphenated given name
		"LEE Hsien Loong":        "LEE Hsien Loong",
		"Hon Jane Doe MP":        "Jane Doe",
		"Anthony Albanese MP":    "Anthony Albanese",
		"Robert T. Lane Jr.":     "Robert T. Lane Jr.",
		"Joseph R. Biden Jr.":    "Joseph R. Biden Jr.",
		"Lloyd J. Austin III":    "Lloyd J. Austin III",
		"Sheikh Tamim Al Thani":  "Tamim Al Thani",
		"UN Secretary-General":   "UN Secretary-General",
		"NATO Secretary General": "NATO Secretary General",
	} {
		if got := cleanName(in); got != want {
			t.Errorf("cleanName(%q) = %q, want %q", in, got, want)
		}
	}
}

// A huge file is read only as far as its first part for extraction: the
// meeting is found, the work stays bounded, and no rune is cut in two.
func TestExtractCapsHugeInput(t *testing.T) {
	t.Parallel()
	head := "Readout of the call\nJune 3, 2024\nPresident Ana Lopez of Chile spoke today with Prime Minister Kenji Sato of Japan about ocean science.\n"
	filler := strings.Repeat("Überall ist ein langer Satz ohne Ende und ohne Punkt ", 80000) // ~4 MB, multibyte
	r := Readout{Name: "huge.txt", Text: head + filler}
	start := time.Now()
	m, err := Extract(r)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if len(m.Participants) != 2 || m.Date != "2024-06-03" {
		t.Errorf("got %+v on %s, want the two principals on 2024-06-03", m.Participants, m.Date)
	}
	if m.Text != r.Text {
		t.Error("the meeting must keep the whole text for the index")
	}
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("extraction of a 4 MB text took %v", d)
	}
	cut := extractText(strings.Repeat("é", maxExtractText))
	if len(cut) > maxExtractText || !utf8.ValidString(cut) {
		t.Errorf("extractText: %d bytes, valid UTF-8 %v", len(cut), utf8.ValidString(cut))
	}
}

// GOV.UK's "From:" and "Published" lines are clutter, not text to quote;
// the From line's office becomes the source when none is given.
func TestGovUKHeaderLines(t *testing.T) {
	t.Parallel()
	r, err := ReadFile("testdata/readouts/govuk-from.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"From:", "Published 24", "Rt Hon"} {
		if strings.Contains(r.Text, bad) {
			t.Errorf("text keeps %q:\n%s", bad, r.Text)
		}
	}
	if r.Source != "Prime Minister's Office, 10 Downing Street" || r.Published != "2022-02-24" {
		t.Errorf("source %q, published %q", r.Source, r.Published)
	}
}

// A principal stating "X's commitment" speaks for X; "the Head of State"
// is the principal who is a head of state.
func TestOwnCountryAndHeadOfState(t *testing.T) {
	t.Parallel()
	ps := []Participant{{Name: "Ana Lopez", Title: "President"}, {Name: "Kenji Sato", Title: "Prime Minister", Affiliation: "Japan"}}
	ownCountries(ps, []Position{
		{Speaker: "Kenji Sato", Text: "Prime Minister Sato reaffirmed Japan's support."},
		{Speaker: "Ana Lopez", Text: "President Lopez condemned Russia's aggression and reaffirmed Chile's steadfast commitment to the rule of law."},
	})
	if ps[0].Affiliation != "Chile" {
		t.Errorf("affiliation = %q, want Chile (not the country condemned)", ps[0].Affiliation)
	}
	unnamed := []Participant{{Title: "Prime Minister"}, {Name: "Olaf Brandt", Title: "Chancellor", Affiliation: "Germany"}}
	ownCountries(unnamed, []Position{
		{Speaker: "Prime Minister", Text: "The Prime Minister stressed that Russia must withdraw its troops."},
		{Speaker: "Prime Minister", Text: "The Prime Minister said the UK was sending emergency assistance."},
	})
	if unnamed[0].Affiliation != "United Kingdom" {
		t.Errorf("affiliation = %q, want United Kingdom (not the country told what it must do)", unnamed[0].Affiliation)
	}
	ss := &speakerSet{ps: ps}
	if who, ok := ss.resolveStart("The Head of State recalled the visit.", ""); !ok || who != "Ana Lopez" {
		t.Errorf("Head of State = %q, %v", who, ok)
	}
	if who, ok := ss.resolveStart("The Head of Government thanked her.", ""); !ok || who != "Kenji Sato" {
		t.Errorf("Head of Government = %q, %v", who, ok)
	}
}

// Well-known principals get their country when their own release leaves it
// out; a namesake does not.
func TestKnownLeader(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]string{
		"Joseph R. Biden Jr.":  "United States",
		"Joe Biden":            "United States",
		"Jill Biden":           "",
		"Vladimir Putin":       "Russia",
		"KISHIDA Fumio":        "Japan",
		"Dr. S. Jaishankar":    "India",
		"Kenji Sato":           "",
		"Recep Tayyip Erdoğan": "Türkiye",
	} {
		if got := knownLeader(name); got != want {
			t.Errorf("knownLeader(%q) = %q, want %q", name, got, want)
		}
	}
}

// Formal state names are their country; a chain of three countries is not
// a pair; "EAM" is the External Affairs Minister.
func TestPlacesAndOffices(t *testing.T) {
	t.Parallel()
	if got := countriesIn("the Foreign Minister of the Arab Republic of Egypt"); !slices.Equal(got, []string{"Egypt"}) {
		t.Errorf("countriesIn = %q, want [Egypt]", got)
	}
	if got := countriesIn("the Federal Democratic Republic of Ethiopia"); !slices.Equal(got, []string{"Ethiopia"}) {
		t.Errorf("countriesIn = %q, want [Ethiopia]", got)
	}
	if got := countryPairs("to resume the Korea-Japan-China trilateral summit"); len(got) != 0 {
		t.Errorf("countryPairs = %q, want none", got)
	}
	if got := countryPairs("the Japan-China summit"); len(got) != 1 {
		t.Errorf("countryPairs = %q, want one pair", got)
	}
	if got := normalizeTitle("EAM"); got != "External Affairs Minister" {
		t.Errorf("normalizeTitle(EAM) = %q", got)
	}
}

// Items cut short after "and", trailing adjectives, an owner's generic
// noun, a lone city and a verb after "and" are not topics.
func TestTopicsCutShort(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ phrase, want string }{
		{"war in Ukraine and its global", "war in Ukraine"},
		{"protection of the Amazon and Germany's", "protection of the Amazon"},
		{"Taiwan question and opposes any attempt", "Taiwan question"},
		{"new role and looked forward", ""},
		{"broad range of bilateral", ""},
		{"Egypt's efforts", ""},
		{"global consequences", ""},
		{"past year", ""},
		{"following the signing", ""},
		{"Helsinki", ""},
		{"Gaza", "Gaza"},
		{"security challenges and", "security challenges"},
		{"humanitarian situation", "humanitarian situation"},
	} {
		got := shortTopic(tt.phrase)
		if !goodTopic(got, newPeople(nil)) {
			got = ""
		}
		if got != tt.want {
			t.Errorf("topic of %q = %q, want %q", tt.phrase, got, tt.want)
		}
	}
}

// "reaffirmed the United States' ironclad commitment to the defense of
// Japan" is a position on the defense of Japan, not on the United States.
func TestCommitmentTopic(t *testing.T) {
	t.Parallel()
	pp := newPeople([]Participant{{Name: "Ana Lopez", Affiliation: "United States"}, {Name: "Kenji Sato", Affiliation: "Japan"}})
	got := clauseTopic("President Lopez reaffirmed the United States' ironclad commitment to the defense of Japan.", pp)
	if got != "defense of Japan" {
		t.Errorf("topic = %q, want defense of Japan", got)
	}
}

// A venue in a city that hosts organisations keeps its city, though the
// city is no country's dateline.
func TestVenueInSeatCity(t *testing.T) {
	t.Parallel()
	r, err := Parse("seat.txt", []byte("Secretary General meets the Prime Minister of Iceland\n12 May 2024\nNATO Secretary General Ana Lopez met with the Prime Minister of Iceland, Jon Sigurdsson, at NATO Headquarters in Brussels on Tuesday (12 May 2024).\nThe Secretary General thanked Iceland for its contribution to air policing.\n"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Extract(r)
	if err != nil {
		t.Fatal(err)
	}
	if m.Location != "NATO Headquarters, Brussels" {
		t.Errorf("location = %q, want NATO Headquarters, Brussels", m.Location)
	}
}

// ", where the Chancellor invited ..." hands the rest of a joint sentence
// to that principal.
func TestWhereClauseSpeaker(t *testing.T) {
	t.Parallel()
	ss := &speakerSet{ps: []Participant{{Name: "Olaf Brandt", Title: "Chancellor", Affiliation: "Germany"}, {Name: "Li Wei", Title: "President", Affiliation: "China"}}}
	cs := ss.clauses("They also talked about climate protection, where the Chancellor invited China to join the climate club.", BothSides)
	if len(cs) != 2 || cs[0].speaker != BothSides || cs[1].speaker != "Olaf Brandt" {
		t.Errorf("clauses = %+v, want both sides then Olaf Brandt", cs)
	}
}
