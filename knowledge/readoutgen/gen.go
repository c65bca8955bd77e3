package readoutgen

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/readoutbot/readoutbot/knowledge"
)

// Publisher styles, one per house.
const (
	PubMOFA       = "Ministry of Foreign Affairs of Japan"
	PubUN         = "United Nations Secretary-General"
	PubState      = "U.S. Department of State"
	PubWhiteHouse = "The White House"
	PubNo10       = "Prime Minister's Office, 10 Downing Street"
)

// Generator writes the synthetic corpus of one seed. Readout i depends only
// on the seed and i, so a corpus can be streamed, split or regenerated in
// any order without holding it in memory. It is safe for concurrent use.
type Generator struct {
	seed int64
	cast cast
}

// Doc is one generated readout with the meeting it describes, as the
// generator planned it (the ground truth an extractor should find).
type Doc struct {
	Readout knowledge.Readout
	Truth   knowledge.Meeting
}

// New returns the generator for seed; the same seed always yields the same
// people and the same readouts.
func New(seed int64) *Generator {
	r := rand.New(rand.NewPCG(mix(uint64(seed), 0x5eed), mix(uint64(seed), 0xca57)))
	return &Generator{seed: seed, cast: newCast(r)}
}

// People lists the recurring principals, sorted by name.
func (g *Generator) People() []Person { return g.cast.people() }

// Topics lists the canonical topic names readouts talk about.
func (g *Generator) Topics() []string {
	out := make([]string, len(topics))
	for i, t := range topics {
		out[i] = t.Name
	}
	return out
}

// Doc returns readout i (0-based) of the corpus.
func (g *Generator) Doc(i int) Doc {
	r := rand.New(rand.NewPCG(mix(uint64(g.seed), uint64(i)), mix(uint64(i), 0xd0c)))
	p := g.plan(r, i)
	text := p.render(r)
	ro := knowledge.Readout{
		Name:      p.fileName(),
		Title:     p.title,
		Source:    p.pub,
		SourceURL: p.url(),
		Published: isoDay(p.pubDay),
		Text:      text,
	}
	sum := sha256.Sum256(Markdown(ro))
	ro.Hash = hex.EncodeToString(sum[:])
	return Doc{Readout: ro, Truth: p.truth(ro)}
}

// Readout returns readout i of the corpus.
func (g *Generator) Readout(i int) knowledge.Readout { return g.Doc(i).Readout }

// mix is splitmix64 over two words, so neighbouring indexes seed unrelated
// streams.
func mix(a, b uint64) uint64 {
	z := a*0x9e3779b97f4a7c15 + b + 0x632be59bd9b4e5b
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// actor is one participant as a readout presents them.
type actor struct {
	p       Person
	country int
	named   bool // false: the readout names only the office
}

// later is how the readout refers to the actor after the first mention.
func (a actor) later() string {
	if !a.named {
		return "the " + a.p.Title
	}
	return shortTitle(a.p.Title) + " " + a.p.Surname
}

// full is "Mr. Taro Kitamura, Prime Minister of Japan".
func (a actor) full(he bool) string {
	h := honorific(a.p)
	if he {
		h = "H.E. " + h
	}
	return fmt.Sprintf("%s %s, %s of %s", h, a.p.Name, a.p.Title, theName(a.country))
}

// titled is "Prime Minister Taro Kitamura of Japan" (US style).
func (a actor) titled() string {
	return fmt.Sprintf("%s %s of %s", shortTitle(a.p.Title), a.p.Name, theName(a.country))
}

func (a actor) participant() knowledge.Participant {
	name := a.p.Name
	if !a.named {
		name = ""
	}
	return knowledge.Participant{Name: name, Title: a.p.Title, Affiliation: a.p.Country}
}

func (a actor) label() string { return a.participant().Label() }

// theName puts "the" before names that take it in running text.
func theName(ci int) string {
	n := countries[ci].Name
	switch n {
	case "United States", "United Kingdom", "United Nations", "Republic of Korea", "Netherlands", "Czech Republic",
		"Philippines", "United Arab Emirates", "European Commission", "African Union Commission",
		"World Health Organization", "International Atomic Energy Agency":
		return "the " + n
	}
	return n
}

// shortTitle is the office as used before a surname.
func shortTitle(t string) string {
	switch {
	case t == "Secretary of State":
		return "Secretary"
	case t == "Crown Prince and Prime Minister":
		return "Crown Prince"
	case t == "External Affairs Minister":
		return "External Affairs Minister"
	case strings.HasPrefix(t, "Cabinet Secretary"):
		return "Cabinet Secretary"
	case strings.HasPrefix(t, "Secretary of Foreign"):
		return "Secretary"
	case strings.Contains(t, "Minister") && !strings.Contains(t, "Prime"):
		return "Foreign Minister"
	}
	return t
}

// plan is one meeting before it is written.
type plan struct {
	i        int
	pub      string
	day      int // meeting day
	pubDay   int // release day
	kind     knowledge.Kind
	leaders  bool // leader level, else foreign ministers
	host     actor
	others   []actor
	city     string // where an in-person meeting took place
	venue    string // summit on whose margins it took place
	startMin int    // minutes after midnight, -1 when unknown
	duration int    // minutes, 0 when unknown
	topics   []topic
	title    string
	points   []knowledge.Position // filled while rendering
	spokes   Person
}

func (g *Generator) plan(r *rand.Rand, i int) *plan {
	p := &plan{i: i, startMin: -1}
	// Publishers in proportion to how much each releases.
	switch x := r.IntN(100); {
	case x < 30:
		p.pub = PubMOFA
	case x < 45:
		p.pub = PubUN
	case x < 65:
		p.pub = PubState
	case x < 80:
		p.pub = PubWhiteHouse
	default:
		p.pub = PubNo10
	}
	p.day = startDay + r.IntN(endDay-startDay+1)
	hostC, office := cJapan, 0
	switch p.pub {
	case PubMOFA:
		if r.IntN(100) < 45 {
			office = 1
		}
	case PubUN:
		hostC = cUN
	case PubState:
		hostC, office = cUS, 1
	case PubWhiteHouse:
		hostC = cUS
	case PubNo10:
		hostC = cUK
	}
	p.leaders = office == 0 && hostC != cUN
	p.host = actor{p: g.cast.terms[g.cast.holder(hostC, office, p.day)].person, country: hostC, named: true}
	switch p.pub {
	case PubNo10:
		p.host.named = false
	case PubUN:
		p.host.named = r.IntN(2) == 0
	}
	n := 1
	if r.IntN(100) < 12 {
		n = 2
	}
	used := map[int]bool{hostC: true}
	for len(p.others) < n {
		ci := pickCountry(r, used)
		used[ci] = true
		o := office
		if hostC == cUN {
			o = r.IntN(2)
		}
		if countries[ci].FM == "" {
			o = 0
		}
		t := g.cast.holder(ci, o, p.day)
		if t < 0 {
			continue
		}
		p.others = append(p.others, actor{p: g.cast.terms[t].person, country: ci, named: true})
	}
	video := 8
	if dayTime(p.day).Year() >= 2020 {
		video = 25
	}
	switch x := r.IntN(100); {
	case x < video:
		p.kind = knowledge.KindVideo
	case x < 45:
		p.kind = knowledge.KindTelephone
	default:
		p.kind = knowledge.KindInPerson
	}
	if len(p.others) > 1 && p.kind == knowledge.KindTelephone {
		p.kind = knowledge.KindVideo
	}
	if p.kind == knowledge.KindInPerson {
		switch x := r.IntN(100); {
		case x < 30:
			p.venue = pick(r, summits)
			switch p.venue {
			case "United Nations General Assembly":
				p.city = "New York"
			case "Munich Security Conference":
				p.city = "Munich"
			default:
				p.city = summitCities[(dayTime(p.day).Year()*7+len(p.venue))%len(summitCities)]
			}
		case x < 70:
			p.city = pick(r, countries[hostC].Cities)
		default:
			p.city = pick(r, countries[p.others[0].country].Cities)
		}
	}
	if r.IntN(100) < 70 {
		p.startMin = 7*60 + r.IntN(15*60)
		if r.IntN(3) > 0 {
			p.startMin -= p.startMin % 5
		}
		p.duration = []int{10, 15, 20, 25, 30, 40, 45, 50, 60, 75, 90}[r.IntN(11)]
	}
	p.pubDay = p.day
	if r.IntN(100) < 25 {
		p.pubDay++
	}
	// Topics the counterpart's region would raise, two to four of them.
	year := dayTime(p.day).Year()
	reg := countries[p.others[0].country].Reg
	nt := 3 + r.IntN(4)
	seen := map[int]bool{}
	for tries := 0; len(p.topics) < nt && tries < 50; tries++ {
		ti := r.IntN(len(topics))
		t := topics[ti]
		if seen[ti] || year < t.From || (t.Regions != nil && !hasRegion(t.Regions, reg)) {
			continue
		}
		seen[ti] = true
		p.topics = append(p.topics, t)
	}
	p.spokes = g.cast.spokesperson(p.day)
	return p
}

func hasRegion(rs []region, r region) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// pickCountry draws a counterpart in proportion to how often it meets.
func pickCountry(r *rand.Rand, used map[int]bool) int {
	total := 0
	for ci, c := range countries {
		if !used[ci] {
			total += c.Weight
		}
	}
	x := r.IntN(total)
	for ci, c := range countries {
		if used[ci] {
			continue
		}
		if x < c.Weight {
			return ci
		}
		x -= c.Weight
	}
	panic("unreachable")
}

func (p *plan) actors() []actor { return append([]actor{p.host}, p.others...) }

func (p *plan) truth(ro knowledge.Readout) knowledge.Meeting {
	m := knowledge.Meeting{
		Title: ro.Title, Date: isoDay(p.day), Kind: p.kind, Location: p.city,
		Source: ro.Source, SourceURL: ro.SourceURL, Published: ro.Published, Text: ro.Text, Hash: ro.Hash,
		DurationMinutes: p.duration, Positions: p.points,
	}
	if p.startMin >= 0 && p.pub == PubMOFA {
		m.Time = clock24(p.startMin)
	} else {
		m.DurationMinutes = 0
	}
	for _, a := range p.actors() {
		m.Participants = append(m.Participants, a.participant())
	}
	for _, t := range p.topics {
		m.Topics = append(m.Topics, t.Name)
	}
	return m
}

// slug is the publisher's short name in file names and URLs.
func (p *plan) slug() string {
	switch p.pub {
	case PubMOFA:
		return "mofa"
	case PubUN:
		return "un-sg"
	case PubState:
		return "state"
	case PubWhiteHouse:
		return "whitehouse"
	}
	return "no10"
}

// fileName places readouts in one folder per year, so that 100,000 files
// do not share one directory.
func (p *plan) fileName() string {
	return fmt.Sprintf("%d/%s-%s-%07d.md", dayTime(p.pubDay).Year(), isoDay(p.pubDay), p.slug(), p.i)
}

// url is a unique address on a reserved example domain: the readouts are
// synthetic and must not point at real pages.
func (p *plan) url() string {
	t := dayTime(p.pubDay)
	switch p.pub {
	case PubMOFA:
		return fmt.Sprintf("https://mofa.example/press/%d/%d/%02d%02d_%07d.html", t.Year(), t.Month(), t.Month(), t.Day(), p.i)
	case PubUN:
		return fmt.Sprintf("https://un.example/sg/readout/%s/%07d", isoDay(p.pubDay), p.i)
	case PubState:
		return fmt.Sprintf("https://state.example/readout/%s/%07d", isoDay(p.pubDay), p.i)
	case PubWhiteHouse:
		return fmt.Sprintf("https://whitehouse.example/briefing-room/%d/%02d/%02d/readout-%07d/", t.Year(), t.Month(), t.Day(), p.i)
	}
	return fmt.Sprintf("https://gov.example/government/news/pm-readout-%s-%07d", isoDay(p.pubDay), p.i)
}

// when says the meeting day relative to the release, as readouts do.
func (p *plan) when(r *rand.Rand, uk bool) string {
	if p.pubDay == p.day {
		if p.kind == knowledge.KindTelephone && r.IntN(3) == 0 {
			return pick(r, []string{"this morning", "this afternoon", "today"})
		}
		return "today"
	}
	if r.IntN(2) == 0 {
		return pick(r, []string{"yesterday", "yesterday afternoon", "yesterday evening", "last night"})
	}
	if uk {
		return "on " + weekday(p.day) + " " + dayMonth(p.day)
	}
	return "on " + monthDay(p.day)
}

func (p *plan) render(r *rand.Rand) string {
	var b strings.Builder
	switch p.pub {
	case PubMOFA:
		p.renderMOFA(r, &b)
	case PubUN:
		p.renderUN(r, &b)
	case PubState:
		p.renderState(r, &b)
	case PubWhiteHouse:
		p.renderWhiteHouse(r, &b)
	default:
		p.renderNo10(r, &b)
	}
	return b.String()
}

// say records a position and returns its sentence.
func (p *plan) say(speaker string, t topic, sentence string) string {
	p.points = append(p.points, knowledge.Position{Speaker: speaker, Topic: t.Name, Text: sentence})
	return sentence
}

// phrase picks a noun phrase for t; problem says whether it names a problem.
func phrase(r *rand.Rand, t topic) (s string, problem bool) {
	s = pick(r, t.Phrases)
	if strings.HasPrefix(s, "!") {
		return s[1:], true
	}
	return s, false
}

// stance writes what one actor said on a topic.
func (p *plan) stance(r *rand.Rand, a actor, as string, t topic) string {
	ph, problem := phrase(r, t)
	tmpl := pick(r, stances)
	if problem && r.IntN(2) == 0 {
		tmpl = pick(r, concerns)
	}
	return p.say(a.label(), t, fmt.Sprintf(tmpl, as, ph, possessiveOf(theName(a.country)), possessive(a.p), theName(a.country)))
}

func (p *plan) reply(r *rand.Rand, a actor, as string, t topic) string {
	ph, problem := phrase(r, t)
	for tries := 0; problem && tries < 8; tries++ {
		ph, problem = phrase(r, t)
	}
	return p.say(a.label(), t, fmt.Sprintf(pick(r, replies), as, ph, possessiveOf(theName(a.country)), possessive(a.p), theName(a.country)))
}

func (p *plan) joint(r *rand.Rand, who string, t topic) string {
	ph, _ := phrase(r, t)
	return p.say(knowledge.BothSides, t, fmt.Sprintf(pick(r, joints), who, ph))
}

// possessiveOf is "Japan's", "the United States'".
func possessiveOf(s string) string {
	if strings.HasSuffix(s, "s") {
		return s + "'"
	}
	return s + "'s"
}

// together is "The two leaders", "The ministers", "Both sides", ...
func (p *plan) together(r *rand.Rand) string {
	if p.pub == PubUN {
		if len(p.others) > 1 {
			return pick(r, []string{"They", "All sides", "The participants"})
		}
		return pick(r, []string{"They", "Both sides", "The Secretary-General and " + p.others[0].later()})
	}
	if len(p.others) > 1 {
		if p.leaders {
			return pick(r, []string{"The three leaders", "The leaders", "They"})
		}
		return pick(r, []string{"The three sides", "The participants", "They"})
	}
	if p.leaders {
		return pick(r, []string{"The two leaders", "The leaders", "Both sides"})
	}
	return pick(r, []string{"The two ministers", "The ministers", "Both sides", "The two sides"})
}

// exchange writes the substance: per topic a stance, a reply or a joint line.
func (p *plan) exchange(r *rand.Rand, hostAs func() string) []string {
	var out []string
	for k, t := range p.topics {
		o := p.others[r.IntN(len(p.others))]
		switch x := r.IntN(10); {
		case x < 4:
			s := p.stance(r, p.host, hostAs(), t)
			if r.IntN(2) == 0 {
				s += " " + p.reply(r, o, o.later(), t)
			}
			out = append(out, s)
		case x < 7:
			s := p.stance(r, o, o.later(), t)
			if r.IntN(2) == 0 {
				s += " " + p.reply(r, p.host, hostAs(), t)
			}
			out = append(out, s)
		default:
			who := p.together(r)
			if k == 0 && who == "They" {
				who = "Both sides"
			}
			out = append(out, p.joint(r, who, t))
			continue
		}
		if r.IntN(3) == 0 {
			out[len(out)-1] += " " + p.joint(r, p.together(r), t)
		}
	}
	return out
}

func meetingNoun(k knowledge.Kind, leaders bool) string {
	switch k {
	case knowledge.KindTelephone:
		return "telephone talk"
	case knowledge.KindVideo:
		return "video conference meeting"
	}
	if leaders {
		return "summit meeting"
	}
	return "meeting"
}

func (p *plan) renderMOFA(r *rand.Rand, b *strings.Builder) {
	names := []string{"Japan"}
	for _, o := range p.others {
		names = append(names, shortName(o.country))
	}
	level := "Summit"
	if !p.leaders {
		level = "Foreign Ministers'"
	}
	kind := map[knowledge.Kind]string{knowledge.KindInPerson: "Meeting", knowledge.KindTelephone: "Telephone Talk", knowledge.KindVideo: "Video Conference Meeting"}[p.kind]
	if countries[p.others[0].country].Org {
		p.title = fmt.Sprintf("%s between %s %s and %s %s of %s", kind, shortTitle(p.host.p.Title), p.host.p.Surname,
			shortTitle(p.others[0].p.Title), p.others[0].p.Surname, theName(p.others[0].country))
	} else if len(p.others) > 1 {
		p.title = fmt.Sprintf("%s Trilateral %s %s", strings.Join(names, "-"), level, kind)
	} else {
		p.title = fmt.Sprintf("%s %s %s", strings.Join(names, "-"), level, kind)
	}
	if r.IntN(5) == 0 {
		b.WriteString("[Provisional Translation]\n\n")
	}
	fmt.Fprintf(b, "%s\n\n%s\n\n", p.title, dateUS(p.pubDay))
	if p.kind != knowledge.KindTelephone && r.IntN(3) == 0 {
		b.WriteString("Photo: Cabinet Public Affairs Office\n\n")
	}
	var lead strings.Builder
	fmt.Fprintf(&lead, "On %s", monthDay(p.day))
	if p.startMin >= 0 {
		if r.IntN(2) == 0 {
			fmt.Fprintf(&lead, ", commencing at %s for approximately %d minutes", clock12(p.startMin), p.duration)
		} else {
			fmt.Fprintf(&lead, ", from %s for about %d minutes", clock24(p.startMin), p.duration)
		}
	}
	others := make([]string, len(p.others))
	for k, o := range p.others {
		others[k] = o.full(false)
	}
	fmt.Fprintf(&lead, ", %s, held a %s with %s", p.host.full(false), meetingNoun(p.kind, p.leaders), strings.Join(others, ", and "))
	if p.venue != "" {
		fmt.Fprintf(&lead, " on the margins of the %s in %s", p.venue, p.city)
	} else if p.city != "" {
		if p.city == "Tokyo" || p.city == "Osaka" || p.city == "Hiroshima" {
			fmt.Fprintf(&lead, ", who is visiting Japan, in %s", p.city)
		} else {
			fmt.Fprintf(&lead, " during %s visit to %s", possessive(p.host.p), p.city)
		}
	}
	lead.WriteString(". The overview of the meeting is as follows.")
	b.WriteString(lead.String())
	b.WriteString("\n\n")
	hostAs := func() string { return p.host.later() }
	points := []string{fmt.Sprintf("At the outset, %s expressed %s pleasure at holding the %s with %s. %s",
		p.host.later(), possessive(p.host.p), meetingNoun(p.kind, p.leaders), p.others[0].later(),
		fmt.Sprintf("In response, %s expressed gratitude and stated that %s hoped to further deepen relations with Japan.", p.others[0].later(), pronoun(p.others[0].p)))}
	if r.IntN(2) == 0 && !countries[p.others[0].country].Org {
		points = append(points, fmt.Sprintf(pick(r, openers), theName(p.others[0].country), pick(r, []int{30, 50, 60, 65, 70, 75, 100})))
	}
	points = append(points, p.exchange(r, hostAs)...)
	points = append(points, fmt.Sprintf("%s also exchanged views on regional affairs and confirmed that they would continue to communicate closely at every level.", p.together(r)))
	style := r.IntN(3)
	for k, pt := range points {
		switch style {
		case 0:
			fmt.Fprintf(b, "%d. %s\n\n", k+1, pt)
		case 1:
			fmt.Fprintf(b, "  %d. %s\n", k+1, pt)
		default:
			fmt.Fprintf(b, "(%d) %s\n\n", k+1, pt)
		}
	}
}

func shortName(ci int) string {
	if s := countries[ci].Short; s != "" {
		return s
	}
	return countries[ci].Name
}

func (p *plan) renderUN(r *rand.Rand, b *strings.Builder) {
	noun := map[knowledge.Kind]string{knowledge.KindInPerson: "meeting", knowledge.KindTelephone: "telephone call", knowledge.KindVideo: "video call"}[p.kind]
	withs := make([]string, len(p.others))
	for k, o := range p.others {
		withs[k] = o.full(true)
	}
	joint := ""
	if len(p.others) > 1 {
		joint = "joint "
	}
	p.title = fmt.Sprintf("Readout of the Secretary-General's %s%s with %s", joint, noun, strings.Join(withs, " and "))
	dateline := "New York"
	if p.city == "Geneva" || r.IntN(8) == 0 {
		dateline = "Geneva"
	}
	fmt.Fprintf(b, "%s\n\n%s\n\n%s\n\n", dateline, dateUK(p.pubDay), p.title)
	if p.host.named {
		fmt.Fprintf(b, "%s, Secretary-General\n\n", p.host.p.Name)
	}
	var first string
	switch p.kind {
	case knowledge.KindTelephone:
		first = fmt.Sprintf("The Secretary-General spoke by telephone %s with %s.", p.when(r, false), strings.Join(withs, " and "))
	case knowledge.KindVideo:
		first = fmt.Sprintf("The Secretary-General held a video call %s with %s.", p.when(r, false), strings.Join(withs, " and "))
	default:
		verb := "met"
		if len(p.others) > 1 {
			verb = "met jointly"
		}
		first = fmt.Sprintf("The Secretary-General %s %s with %s", verb, p.when(r, false), strings.Join(withs, " and "))
		if p.venue != "" {
			first += fmt.Sprintf(" on the margins of the %s", p.venue)
			if p.venue != "United Nations General Assembly" {
				first += " in " + p.city
			}
		} else if p.city != "" && p.city != "New York" {
			first += " in " + p.city
		}
		first += "."
	}
	b.WriteString(first)
	b.WriteString("\n\n")
	hostAs := func() string { return "The Secretary-General" }
	if p.host.named {
		hostAs = func() string {
			return pick(r, []string{"The Secretary-General", "Secretary-General " + p.host.p.Surname})
		}
	}
	paras := p.exchange(r, hostAs)
	for _, s := range paras {
		b.WriteString(s)
		b.WriteString("\n\n")
	}
	if r.IntN(2) == 0 {
		b.WriteString("***\n")
	}
}

func (p *plan) renderState(r *rand.Rand, b *strings.Builder) {
	noun := map[knowledge.Kind]string{knowledge.KindInPerson: "Meeting", knowledge.KindTelephone: "Call", knowledge.KindVideo: "Video Call"}[p.kind]
	o := p.others[0]
	if len(p.others) > 1 {
		parts := make([]string, len(p.others))
		for k, x := range p.others {
			parts[k] = fmt.Sprintf("%s %s %s", countries[x.country].Adj, shortTitle(x.p.Title), x.p.Surname)
		}
		p.title = fmt.Sprintf("Secretary %s's Trilateral %s with %s", p.host.p.Surname, noun, strings.Join(parts, " and "))
	} else {
		p.title = fmt.Sprintf("Secretary %s's %s with %s %s %s", p.host.p.Surname, noun, countries[o.country].Adj, shortTitle(o.p.Title), o.p.Name)
	}
	if r.IntN(6) == 0 {
		b.WriteString("Press Releases: ")
	}
	fmt.Fprintf(b, "%s\n\nReadout\n\nOffice of the Spokesperson\n\n%s\n\n", p.title, dateUS(p.pubDay))
	fmt.Fprintf(b, "The following is attributable to Spokesperson %s:\n\n", p.spokes.Name)
	withs := make([]string, len(p.others))
	for k, x := range p.others {
		withs[k] = fmt.Sprintf("%s %s %s", countries[x.country].Adj, shortTitle(x.p.Title), x.p.Name)
	}
	verb := map[knowledge.Kind]string{knowledge.KindInPerson: "met", knowledge.KindTelephone: "spoke", knowledge.KindVideo: "held a video call"}[p.kind]
	first := fmt.Sprintf("Secretary %s %s %s with %s", p.host.p.Name, verb, p.when(r, false), strings.Join(withs, " and "))
	if p.venue != "" {
		first += fmt.Sprintf(" on the margins of the %s in %s", p.venue, p.city)
	} else if p.city != "" {
		first += " in " + p.city
	}
	b.WriteString(first + ".")
	hostAs := func() string { return pick(r, []string{"The Secretary", "Secretary " + p.host.p.Surname}) }
	for _, s := range p.exchange(r, hostAs) {
		b.WriteString(" " + s)
	}
	fmt.Fprintf(b, " The Secretary and %s agreed to remain in close contact.\n", o.later())
}

func (p *plan) renderWhiteHouse(r *rand.Rand, b *strings.Builder) {
	noun := map[knowledge.Kind]string{knowledge.KindInPerson: "Meeting", knowledge.KindTelephone: "Call", knowledge.KindVideo: "Video Call"}[p.kind]
	withs := make([]string, len(p.others))
	for k, x := range p.others {
		withs[k] = x.titled()
	}
	tri := ""
	if len(p.others) > 1 {
		tri = "Trilateral "
	}
	p.title = fmt.Sprintf("Readout of President %s's %s%s with %s", p.host.p.Name, tri, noun, strings.Join(withs, " and "))
	if r.IntN(3) == 0 {
		b.WriteString("Briefing Room\n\nStatements and Releases\n\n")
	}
	fmt.Fprintf(b, "%s\n\n%s\n\n", p.title, dateUS(p.pubDay))
	verb := map[knowledge.Kind]string{knowledge.KindInPerson: "met", knowledge.KindTelephone: "spoke", knowledge.KindVideo: "held a video call"}[p.kind]
	first := fmt.Sprintf("President %s %s %s with %s", p.host.p.Name, verb, p.when(r, false), strings.Join(withs, " and "))
	switch {
	case p.venue != "":
		first += fmt.Sprintf(" on the margins of the %s in %s", p.venue, p.city)
	case p.city == "Washington":
		first += " at the White House"
	case p.city != "":
		first += " in " + p.city
	}
	b.WriteString(first + ".")
	hostAs := func() string { return pick(r, []string{"The President", "President " + p.host.p.Surname}) }
	for _, s := range p.exchange(r, hostAs) {
		b.WriteString(" " + s)
	}
	if r.IntN(3) > 0 {
		b.WriteString(" " + pick(r, []string{"The leaders agreed to stay in close touch.", "The leaders committed to continue their close coordination."}))
	}
	b.WriteString("\n")
}

func (p *plan) renderNo10(r *rand.Rand, b *strings.Builder) {
	o := p.others[0]
	noun := map[knowledge.Kind]string{knowledge.KindInPerson: "meeting", knowledge.KindTelephone: "call", knowledge.KindVideo: "video call"}[p.kind]
	names := make([]string, len(p.others))
	for k, x := range p.others {
		names[k] = fmt.Sprintf("%s %s of %s", shortTitle(x.p.Title), x.p.Surname, theName(x.country))
	}
	p.title = fmt.Sprintf("PM %s with %s", noun, strings.Join(names, " and "))
	fmt.Fprintf(b, "10 Downing Street\n\nPress release\n\n%s: %s\n\n", p.title, dateUK(p.day))
	withs := make([]string, len(p.others))
	for k, x := range p.others {
		if r.IntN(2) == 0 {
			withs[k] = fmt.Sprintf("%s %s of %s", shortTitle(x.p.Title), x.p.Name, theName(x.country))
		} else {
			withs[k] = fmt.Sprintf("the %s of %s, %s", x.p.Title, theName(x.country), x.p.Name)
		}
	}
	var first string
	switch p.kind {
	case knowledge.KindTelephone:
		first = fmt.Sprintf("The Prime Minister spoke to %s %s.", strings.Join(withs, " and "), p.when(r, true))
	case knowledge.KindVideo:
		first = fmt.Sprintf("The Prime Minister held a video call with %s %s.", strings.Join(withs, " and "), p.when(r, true))
	default:
		where := ""
		switch {
		case p.venue != "":
			where = fmt.Sprintf(" on the margins of the %s in %s", p.venue, p.city)
		case p.city == "London":
			where = " in Downing Street"
		case p.city != "":
			where = " in " + p.city
		}
		first = fmt.Sprintf("The Prime Minister met %s%s %s.", strings.Join(withs, " and "), where, p.when(r, true))
	}
	b.WriteString(first + "\n\n")
	hostAs := func() string { return "The Prime Minister" }
	for _, s := range p.exchange(r, hostAs) {
		b.WriteString(s + "\n\n")
	}
	if r.IntN(3) == 0 {
		// Attribution at the end of the sentence, as No. 10 often writes it.
		t := pick(r, p.topics)
		ph, _ := phrase(r, t)
		s := fmt.Sprintf("Progress on %s would benefit both countries, the Prime Minister added.", ph)
		b.WriteString(p.say(p.host.label(), t, s) + "\n\n")
	}
	fmt.Fprintf(b, "%s\n", pick(r, []string{
		"The leaders agreed to speak again soon.",
		"The leaders agreed to stay in close contact.",
		fmt.Sprintf("The Prime Minister and %s agreed to keep working closely together.", o.later()),
	}))
}
