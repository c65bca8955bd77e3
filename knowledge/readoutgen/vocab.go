package readoutgen

import (
	"fmt"
	"time"
)

// topic is a subject of talks: the canonical name (what a user asks about),
// noun phrases readouts use for it, and the regions it comes up with. A
// phrase marked with a leading "!" names a problem, so it can be the object
// of concern; the others name goals.
type topic struct {
	Name    string
	Phrases []string
	// Regions limits the topic to counterparts from these regions; nil means any.
	Regions []region
	// From is the first year the topic comes up.
	From int
}

var topics = []topic{
	{Name: "North Korea", Phrases: []string{"the denuclearization of the Korean Peninsula", "!North Korea's nuclear and missile programmes", "!the abductions issue", "the full implementation of the relevant Security Council resolutions on North Korea"}},
	{Name: "Ukraine", Phrases: []string{"!the situation in Ukraine", "Ukraine's sovereignty and territorial integrity", "a just and lasting peace in Ukraine", "support for Ukraine's reconstruction"}, From: 2014},
	{Name: "climate change", Phrases: []string{"climate change", "the goals of the Paris Agreement", "the energy transition", "climate finance for developing countries"}},
	{Name: "trade", Phrases: []string{"bilateral trade and investment", "a free and fair trading system", "the economic partnership agreement", "the reform of the World Trade Organization"}},
	{Name: "maritime security", Phrases: []string{"maritime security", "freedom of navigation", "!the situation in the South China Sea", "the rule of law at sea"}},
	{Name: "the Middle East", Phrases: []string{"!the situation in the Middle East", "the Middle East peace process", "a two-state solution", "!the humanitarian situation in Gaza"}},
	{Name: "counterterrorism", Phrases: []string{"counterterrorism cooperation", "the fight against violent extremism", "!terrorist financing"}},
	{Name: "nuclear non-proliferation", Phrases: []string{"nuclear disarmament and non-proliferation", "the Treaty on the Non-Proliferation of Nuclear Weapons", "!the Iranian nuclear issue"}},
	{Name: "pandemic response", Phrases: []string{"the response to COVID-19", "equitable access to vaccines", "global health security"}, From: 2020},
	{Name: "Security Council reform", Phrases: []string{"the reform of the Security Council", "the expansion of both permanent and non-permanent membership of the Security Council"}},
	{Name: "energy security", Phrases: []string{"energy security", "stable supplies of liquefied natural gas", "civil nuclear cooperation"}},
	{Name: "food security", Phrases: []string{"global food security", "!the supply of grain and fertiliser", "agricultural cooperation"}},
	{Name: "development cooperation", Phrases: []string{"development cooperation", "official development assistance", "quality infrastructure investment", "the Sustainable Development Goals"}},
	{Name: "humanitarian assistance", Phrases: []string{"humanitarian assistance", "the protection of civilians", "!the situation of refugees and displaced persons"}},
	{Name: "cyber security", Phrases: []string{"cyber security", "!malicious cyber activity", "the security of critical infrastructure"}, From: 2010},
	{Name: "critical minerals", Phrases: []string{"resilient supply chains for critical minerals", "economic security", "semiconductor supply chains"}, From: 2018},
	{Name: "artificial intelligence", Phrases: []string{"the governance of artificial intelligence", "safe and trustworthy AI"}, From: 2022},
	{Name: "defence cooperation", Phrases: []string{"defence and security cooperation", "joint exercises", "defence equipment and technology cooperation"}},
	{Name: "Afghanistan", Phrases: []string{"!the situation in Afghanistan", "the rights of women and girls in Afghanistan"}},
	{Name: "Syria", Phrases: []string{"!the situation in Syria", "a political solution to the Syrian conflict"}, From: 2011},
	{Name: "the Sahel", Phrases: []string{"!the security situation in the Sahel", "!unconstitutional changes of government in West Africa"}, Regions: []region{regAfrica, regFrench}},
	{Name: "migration", Phrases: []string{"!irregular migration", "the management of migration flows"}, Regions: []region{regWest, regFrench, regLatin, regAfrica, regArab}},
	{Name: "Myanmar", Phrases: []string{"!the situation in Myanmar", "the ASEAN Five-Point Consensus"}, Regions: []region{regSoutheastAsia, regJapan, regChina, regSouthAsia}, From: 2021},
	{Name: "Taiwan Strait", Phrases: []string{"peace and stability across the Taiwan Strait"}, Regions: []region{regChina, regJapan, regWest}},
	{Name: "people-to-people exchanges", Phrases: []string{"people-to-people exchanges", "youth and student exchanges", "tourism and cultural exchanges"}},
	{Name: "disaster relief", Phrases: []string{"disaster risk reduction", "relief and recovery after the earthquake", "reconstruction after the floods"}},
	{Name: "the G20", Phrases: []string{"the outcome of the G20 Summit", "cooperation within the G20"}},
	{Name: "the Indo-Pacific", Phrases: []string{"a free and open Indo-Pacific", "regional security in the Indo-Pacific"}, From: 2016},
}

// Stances on a problem: %[1]s is the speaker as named, %[2]s the topic
// phrase, %[3]s the speaker's country in the possessive, %[4]s his/her.
var concerns = []string{
	"%[1]s expressed concern about %[2]s.",
	"%[1]s expressed serious concern over %[2]s.",
	"%[1]s expressed deep concern regarding %[2]s and called for restraint.",
	"%[1]s condemned the recent escalation and said that %[2]s could not be left unaddressed.",
}

// Stances on any topic, with the same arguments as concerns.
var stances = []string{
	"%[1]s stressed the importance of %[2]s.",
	"%[1]s stated that %[5]s would continue to contribute to %[2]s.",
	"%[1]s welcomed recent progress on %[2]s.",
	"%[1]s called for closer cooperation on %[2]s.",
	"%[1]s explained %[3]s position on %[2]s.",
	"%[1]s reaffirmed %[4]s support for %[2]s.",
	"%[1]s outlined %[3]s efforts on %[2]s.",
	"%[1]s underlined that %[2]s remained a priority for %[5]s.",
	"%[1]s said that %[5]s was ready to work together on %[2]s.",
	"%[1]s briefed on the latest developments regarding %[2]s.",
}

// Stances that answer a previous point, with the same arguments.
var replies = []string{
	"In response, %[1]s agreed on the importance of %[2]s.",
	"In response, %[1]s expressed gratitude and said that %[5]s would work closely on %[2]s.",
	"%[1]s concurred and noted %[3]s commitment to %[2]s.",
	"%[1]s replied that %[5]s shared the same view on %[2]s.",
}

// Background lines that open the substance: %[1]s is the counterpart's
// country, %[2]s the year count.
var openers = []string{
	"The two sides noted that %[2]d years had passed since the establishment of diplomatic relations between Japan and %[1]s.",
	"The meeting took place amid growing exchanges between the two countries at every level.",
	"It was the first meeting between the two since the new government of %[1]s took office.",
	"The call followed the recent exchange of letters between the two capitals.",
}

// Joint statements: %[1]s is "The two leaders", "Both sides", ...; %[2]s
// the topic phrase.
var joints = []string{
	"%[1]s agreed to continue close cooperation on %[2]s.",
	"%[1]s confirmed that they would work together on %[2]s.",
	"%[1]s shared the view that %[2]s required a united response of the international community.",
	"%[1]s discussed %[2]s.",
	"%[1]s exchanged views on %[2]s.",
	"%[1]s issued a joint statement on %[2]s.",
	"%[1]s agreed to strengthen coordination on %[2]s.",
}

// summits are the gatherings on whose margins leaders meet.
var summits = []string{
	"G20 Summit", "G7 Summit", "United Nations General Assembly", "ASEAN-related Summit Meetings",
	"NATO Summit", "APEC Economic Leaders' Meeting", "Munich Security Conference", "UN Climate Change Conference",
}

// summitCities are where summits are held, rotating by year.
var summitCities = []string{"Rome", "Osaka", "Bali", "Hiroshima", "Madrid", "Vilnius", "Lima", "Johannesburg", "Rio de Janeiro", "Hamburg", "Brisbane", "Antalya", "Hangzhou", "Buenos Aires", "Dubai", "Glasgow", "Sharm El-Sheikh", "Da Nang", "Vientiane", "Kananaskis"}

// Calendar helpers: days since the Unix epoch, in UTC.

func dayNumber(y int, m time.Month, d int) int {
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func dayTime(day int) time.Time { return time.Unix(int64(day)*86400, 0).UTC() }

func isoDay(day int) string { return dayTime(day).Format("2006-01-02") }

// Date styles of the publishers.
func dateUS(day int) string { return dayTime(day).Format("January 2, 2006") }
func dateUK(day int) string { return dayTime(day).Format("2 January 2006") }
func monthDay(day int) string {
	return dayTime(day).Format("January 2")
}
func dayMonth(day int) string { return dayTime(day).Format("2 January") }
func weekday(day int) string  { return dayTime(day).Weekday().String() }

// clock formats minutes after midnight in the MOFA 12-hour style.
func clock12(min int) string {
	h, m := min/60, min%60
	suffix := "a.m."
	if h >= 12 {
		suffix = "p.m."
	}
	h12 := h % 12
	if h12 == 0 {
		h12 = 12
	}
	if h == 12 && m == 0 {
		return "12 noon"
	}
	return fmt.Sprintf("%d:%02d %s", h12, m, suffix)
}

func clock24(min int) string { return fmt.Sprintf("%02d:%02d", min/60, min%60) }
