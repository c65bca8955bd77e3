package readoutgen

import (
	"math/rand/v2"
	"sort"
	"strings"
)

// region picks the syllables names are made of.
type region int

const (
	regJapan region = iota
	regKorea
	regChina
	regWest
	regNordic
	regFrench
	regSlavic
	regArab
	regLatin
	regAfrica
	regSouthAsia
	regSoutheastAsia
	regTurkic
)

// country is a government (or an organisation) whose officials meet.
type country struct {
	Name   string // "Republic of Korea", "United Nations"
	Adj    string // "Korean", used in US-style titles
	Short  string // "ROK" in MOFA titles, else Name
	Reg    region
	Leader string // title of the head of government or state
	FM     string // title of the foreign minister; "" for organisations
	Cities []string
	Org    bool
	Weight int // how often it meets others
}

// countries lists the governments and organisations of the cast. The people
// are invented; the countries are real so that readouts read naturally.
var countries = []country{
	{Name: "Japan", Adj: "Japanese", Reg: regJapan, Leader: "Prime Minister", FM: "Minister for Foreign Affairs", Cities: []string{"Tokyo", "Osaka", "Hiroshima"}, Weight: 0},
	{Name: "United States", Adj: "U.S.", Short: "U.S.", Reg: regWest, Leader: "President", FM: "Secretary of State", Cities: []string{"Washington", "New York"}, Weight: 0},
	{Name: "United Kingdom", Adj: "British", Short: "UK", Reg: regWest, Leader: "Prime Minister", FM: "Foreign Secretary", Cities: []string{"London"}, Weight: 0},
	{Name: "United Nations", Adj: "UN", Short: "UN", Reg: regNordic, Leader: "Secretary-General", Cities: []string{"New York", "Geneva"}, Org: true, Weight: 0},
	{Name: "Republic of Korea", Adj: "Korean", Short: "ROK", Reg: regKorea, Leader: "President", FM: "Minister of Foreign Affairs", Cities: []string{"Seoul", "Busan"}, Weight: 9},
	{Name: "China", Adj: "Chinese", Reg: regChina, Leader: "Premier", FM: "Foreign Minister", Cities: []string{"Beijing", "Shanghai"}, Weight: 7},
	{Name: "Australia", Adj: "Australian", Reg: regWest, Leader: "Prime Minister", FM: "Minister for Foreign Affairs", Cities: []string{"Canberra", "Sydney"}, Weight: 7},
	{Name: "Canada", Adj: "Canadian", Reg: regWest, Leader: "Prime Minister", FM: "Minister of Foreign Affairs", Cities: []string{"Ottawa", "Toronto"}, Weight: 6},
	{Name: "Germany", Adj: "German", Reg: regWest, Leader: "Chancellor", FM: "Federal Minister for Foreign Affairs", Cities: []string{"Berlin", "Munich"}, Weight: 8},
	{Name: "France", Adj: "French", Reg: regFrench, Leader: "President", FM: "Minister for Europe and Foreign Affairs", Cities: []string{"Paris"}, Weight: 8},
	{Name: "Italy", Adj: "Italian", Reg: regLatin, Leader: "Prime Minister", FM: "Minister of Foreign Affairs", Cities: []string{"Rome"}, Weight: 5},
	{Name: "Spain", Adj: "Spanish", Reg: regLatin, Leader: "Prime Minister", FM: "Minister of Foreign Affairs", Cities: []string{"Madrid"}, Weight: 4},
	{Name: "Netherlands", Adj: "Dutch", Reg: regWest, Leader: "Prime Minister", FM: "Minister of Foreign Affairs", Cities: []string{"The Hague", "Amsterdam"}, Weight: 3},
	{Name: "Sweden", Adj: "Swedish", Reg: regNordic, Leader: "Prime Minister", FM: "Minister for Foreign Affairs", Cities: []string{"Stockholm"}, Weight: 3},
	{Name: "Norway", Adj: "Norwegian", Reg: regNordic, Leader: "Prime Minister", FM: "Minister of Foreign Affairs", Cities: []string{"Oslo"}, Weight: 2},
	{Name: "Finland", Adj: "Finnish", Reg: regNordic, Leader: "President", FM: "Minister for Foreign Affairs", Cities: []string{"Helsinki"}, Weight: 2},
	{Name: "Poland", Adj: "Polish", Reg: regSlavic, Leader: "President", FM: "Minister of Foreign Affairs", Cities: []string{"Warsaw"}, Weight: 4},
	{Name: "Ukraine", Adj: "Ukrainian", Reg: regSlavic, Leader: "President", FM: "Minister for Foreign Affairs", Cities: []string{"Kyiv"}, Weight: 7},
	{Name: "Czech Republic", Adj: "Czech", Reg: regSlavic, Leader: "Prime Minister", FM: "Minister of Foreign Affairs", Cities: []string{"Prague"}, Weight: 2},
	{Name: "Russia", Adj: "Russian", Reg: regSlavic, Leader: "President", FM: "Minister of Foreign Affairs", Cities: []string{"Moscow"}, Weight: 4},
	{Name: "India", Adj: "Indian", Reg: regSouthAsia, Leader: "Prime Minister", FM: "External Affairs Minister", Cities: []string{"New Delhi", "Mumbai"}, Weight: 8},
	{Name: "Pakistan", Adj: "Pakistani", Reg: regSouthAsia, Leader: "Prime Minister", FM: "Foreign Minister", Cities: []string{"Islamabad"}, Weight: 3},
	{Name: "Bangladesh", Adj: "Bangladeshi", Reg: regSouthAsia, Leader: "Prime Minister", FM: "Foreign Minister", Cities: []string{"Dhaka"}, Weight: 2},
	{Name: "Indonesia", Adj: "Indonesian", Reg: regSoutheastAsia, Leader: "President", FM: "Minister for Foreign Affairs", Cities: []string{"Jakarta", "Bali"}, Weight: 5},
	{Name: "Viet Nam", Adj: "Vietnamese", Reg: regSoutheastAsia, Leader: "Prime Minister", FM: "Minister of Foreign Affairs", Cities: []string{"Hanoi"}, Weight: 4},
	{Name: "Philippines", Adj: "Philippine", Reg: regLatin, Leader: "President", FM: "Secretary of Foreign Affairs", Cities: []string{"Manila"}, Weight: 4},
	{Name: "Thailand", Adj: "Thai", Reg: regSoutheastAsia, Leader: "Prime Minister", FM: "Minister of Foreign Affairs", Cities: []string{"Bangkok"}, Weight: 3},
	{Name: "Malaysia", Adj: "Malaysian", Reg: regSoutheastAsia, Leader: "Prime Minister", FM: "Minister of Foreign Affairs", Cities: []string{"Kuala Lumpur"}, Weight: 3},
	{Name: "Singapore", Adj: "Singaporean", Reg: regSoutheastAsia, Leader: "Prime Minister", FM: "Minister for Foreign Affairs", Cities: []string{"Singapore"}, Weight: 3},
	{Name: "Brazil", Adj: "Brazilian", Reg: regLatin, Leader: "President", FM: "Minister of Foreign Affairs", Cities: []string{"Brasília", "Rio de Janeiro"}, Weight: 4},
	{Name: "Mexico", Adj: "Mexican", Reg: regLatin, Leader: "President", FM: "Secretary of Foreign Affairs", Cities: []string{"Mexico City"}, Weight: 4},
	{Name: "Argentina", Adj: "Argentine", Reg: regLatin, Leader: "President", FM: "Minister of Foreign Affairs", Cities: []string{"Buenos Aires"}, Weight: 2},
	{Name: "Chile", Adj: "Chilean", Reg: regLatin, Leader: "President", FM: "Minister of Foreign Affairs", Cities: []string{"Santiago"}, Weight: 2},
	{Name: "Colombia", Adj: "Colombian", Reg: regLatin, Leader: "President", FM: "Minister of Foreign Affairs", Cities: []string{"Bogotá"}, Weight: 2},
	{Name: "Saudi Arabia", Adj: "Saudi", Reg: regArab, Leader: "Crown Prince and Prime Minister", FM: "Minister of Foreign Affairs", Cities: []string{"Riyadh", "Jeddah"}, Weight: 4},
	{Name: "United Arab Emirates", Adj: "Emirati", Short: "UAE", Reg: regArab, Leader: "President", FM: "Minister of Foreign Affairs", Cities: []string{"Abu Dhabi", "Dubai"}, Weight: 3},
	{Name: "Qatar", Adj: "Qatari", Reg: regArab, Leader: "Amir", FM: "Minister of Foreign Affairs", Cities: []string{"Doha"}, Weight: 3},
	{Name: "Egypt", Adj: "Egyptian", Reg: regArab, Leader: "President", FM: "Minister of Foreign Affairs", Cities: []string{"Cairo", "Sharm El-Sheikh"}, Weight: 4},
	{Name: "Jordan", Adj: "Jordanian", Reg: regArab, Leader: "Prime Minister", FM: "Minister of Foreign Affairs", Cities: []string{"Amman"}, Weight: 3},
	{Name: "Türkiye", Adj: "Turkish", Reg: regTurkic, Leader: "President", FM: "Minister of Foreign Affairs", Cities: []string{"Ankara", "Istanbul"}, Weight: 4},
	{Name: "Kazakhstan", Adj: "Kazakh", Reg: regTurkic, Leader: "President", FM: "Minister of Foreign Affairs", Cities: []string{"Astana"}, Weight: 2},
	{Name: "Nigeria", Adj: "Nigerian", Reg: regAfrica, Leader: "President", FM: "Minister of Foreign Affairs", Cities: []string{"Abuja", "Lagos"}, Weight: 3},
	{Name: "Kenya", Adj: "Kenyan", Reg: regAfrica, Leader: "President", FM: "Cabinet Secretary for Foreign Affairs", Cities: []string{"Nairobi"}, Weight: 3},
	{Name: "South Africa", Adj: "South African", Reg: regAfrica, Leader: "President", FM: "Minister of International Relations and Cooperation", Cities: []string{"Pretoria", "Cape Town"}, Weight: 3},
	{Name: "Ethiopia", Adj: "Ethiopian", Reg: regAfrica, Leader: "Prime Minister", FM: "Minister of Foreign Affairs", Cities: []string{"Addis Ababa"}, Weight: 2},
	{Name: "Ghana", Adj: "Ghanaian", Reg: regAfrica, Leader: "President", FM: "Minister for Foreign Affairs", Cities: []string{"Accra"}, Weight: 2},
	{Name: "Senegal", Adj: "Senegalese", Reg: regFrench, Leader: "President", FM: "Minister of Foreign Affairs", Cities: []string{"Dakar"}, Weight: 2},
	{Name: "New Zealand", Adj: "New Zealand", Reg: regWest, Leader: "Prime Minister", FM: "Minister of Foreign Affairs", Cities: []string{"Wellington", "Auckland"}, Weight: 2},
	{Name: "NATO", Adj: "NATO", Reg: regNordic, Leader: "Secretary General", Cities: []string{"Brussels"}, Org: true, Weight: 3},
	{Name: "European Commission", Adj: "European Commission", Short: "EU", Reg: regFrench, Leader: "President", Cities: []string{"Brussels"}, Org: true, Weight: 3},
	{Name: "African Union Commission", Adj: "African Union", Short: "AU", Reg: regAfrica, Leader: "Chairperson", Cities: []string{"Addis Ababa"}, Org: true, Weight: 1},
	{Name: "ASEAN", Adj: "ASEAN", Reg: regSoutheastAsia, Leader: "Secretary-General", Cities: []string{"Jakarta"}, Org: true, Weight: 1},
	{Name: "World Health Organization", Adj: "WHO", Short: "WHO", Reg: regAfrica, Leader: "Director-General", Cities: []string{"Geneva"}, Org: true, Weight: 1},
	{Name: "International Atomic Energy Agency", Adj: "IAEA", Short: "IAEA", Reg: regLatin, Leader: "Director General", Cities: []string{"Vienna"}, Org: true, Weight: 1},
}

// Host country indexes into countries.
const (
	cJapan = iota
	cUS
	cUK
	cUN
)

// syllables per region: given-name parts and family-name parts. Names are
// combinations, so they are invented, yet read like names of the region.
type syllables struct {
	given1, given2   []string
	family1, family2 []string
	familyFirst      bool
	hyphenGiven      bool
}

var regionNames = map[region]syllables{
	regJapan: {
		given1:  []string{"Shin", "Hiro", "Taka", "Yoshi", "Kazu", "Masa", "Nobu", "Toshi", "Aki", "Haru", "Yasu", "Ken"},
		given2:  []string{"ichi", "zo", "shi", "hide", "ro", "taro", "ya", "ki", "nori", "o", "suke", "ko"},
		family1: []string{"Kita", "Naka", "Yama", "Mori", "Matsu", "Ishi", "Taka", "Hayashi", "Kawa", "Fuji", "Sato", "Ono"},
		family2: []string{"mura", "da", "moto", "kawa", "shita", "hara", "no", "zaki", "uchi", "gawa", "ta", "be"},
	},
	regKorea: {
		given1:      []string{"Min", "Jae", "Seo", "Ji", "Hyun", "Sung", "Young", "Dong", "Eun", "Kyung", "Tae", "Woo"},
		given2:      []string{"ho", "jin", "soo", "hwa", "min", "woo", "sik", "hee", "joon", "yeon", "chul", "bin"},
		family1:     []string{"Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin"},
		familyFirst: true, hyphenGiven: true,
	},
	regChina: {
		given1:      []string{"Wei", "Ming", "Jian", "Hua", "Guo", "Xiao", "Lin", "Ping", "Qiang", "Hong", "Zhi", "Jun"},
		given2:      []string{"", "", "feng", "dong", "liang", "tao", "yuan", "hui", "bo", "chao", "rong", "sheng"},
		family1:     []string{"Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun"},
		familyFirst: true,
	},
	regWest: {
		given1:  []string{"Ro", "Ja", "Da", "Mar", "Ste", "Chris", "Eli", "Pe", "Ka", "An", "Ri", "Tho"},
		given2:  []string{"bert", "mes", "niel", "garet", "phen", "tine", "za", "ter", "ren", "drew", "chard", "mas"},
		family1: []string{"Hart", "Whit", "Ash", "Cald", "Brad", "Fair", "Lang", "Pem", "Sted", "Mor", "Hol", "Win"},
		family2: []string{"well", "ford", "ley", "ton", "more", "brook", "field", "by", "ham", "ridge", "wood", "gate"},
	},
	regNordic: {
		given1:  []string{"Lar", "Sig", "Ing", "Ast", "Erl", "Tor", "Hel", "Kje", "Ma", "Jo", "Ul", "Fre"},
		given2:  []string{"s", "rid", "e", "rid", "ing", "vald", "ga", "til", "ja", "nas", "la", "dis"},
		family1: []string{"Lind", "Berg", "Dahl", "Holm", "Strand", "Sand", "Ny", "Ek", "Sol", "Fjell", "Vik", "Aas"},
		family2: []string{"qvist", "gren", "strom", "lund", "berg", "heim", "vik", "sen", "by", "stad", "dal", "ness"},
	},
	regFrench: {
		given1:  []string{"Jean", "Lau", "Ma", "Fran", "Hé", "Cla", "Ber", "Syl", "Do", "Ré", "Pas", "Thi"},
		given2:  []string{"", "rent", "thieu", "çoise", "lène", "ude", "nard", "vie", "minique", "gis", "cal", "erry"},
		family1: []string{"Du", "Le", "Mar", "Beau", "Ron", "Gi", "Cha", "Fon", "La", "Mon", "Ver", "Bel"},
		family2: []string{"bois", "clerc", "chand", "mont", "sard", "rard", "teau", "taine", "croix", "tel", "rier", "langer"},
	},
	regSlavic: {
		given1:  []string{"Vla", "Ser", "Dmi", "Ole", "Ana", "Yu", "Bo", "Mi", "Ni", "Ta", "Ka", "Ro"},
		given2:  []string{"dimir", "gei", "tro", "ksandr", "stasia", "lia", "ris", "khail", "kolai", "tiana", "tarzyna", "man"},
		family1: []string{"Ivan", "Petr", "Kov", "Sokol", "Mor", "Bel", "Volk", "Nov", "Horv", "Kral", "Lis", "Zel"},
		family2: []string{"enko", "ov", "ovich", "ski", "chuk", "ak", "ic", "ova", "ek", "insky", "yuk", "evic"},
	},
	regArab: {
		given1:  []string{"Ahmed", "Khalid", "Faisal", "Omar", "Yousef", "Hamad", "Tariq", "Samir", "Nabil", "Rashid", "Sultan", "Abdullah"},
		family1: []string{"Al Nah", "Al Tha", "Al Sab", "Al Man", "Al Jab", "Al Khal", "Al Har", "El Sha", "Al Qas", "Al Saf", "Al Mar", "El Ba"},
		family2: []string{"ani", "ah", "ouri", "eri", "iri", "ai", "idi", "awi", "imi", "adi", "ri", "ki"},
	},
	regLatin: {
		given1:  []string{"Juan", "Carlos", "Luis", "Ana", "María", "Jorge", "Andrés", "Gabriela", "Fernando", "Lucía", "Marco", "Paola"},
		family1: []string{"Gar", "Rod", "Fer", "Lo", "Mar", "Gon", "Ra", "Tor", "Cas", "Val", "Ben", "Sal"},
		family2: []string{"cía", "rigo", "nández", "renzo", "tínez", "zaga", "mírez", "res", "tillo", "dés", "ito", "azar"},
	},
	regAfrica: {
		given1:  []string{"Kwa", "Ami", "Olu", "Tha", "Nko", "Chi", "Fa", "Ko", "Abe", "Wa", "Ba", "Ze"},
		given2:  []string{"me", "na", "wale", "bo", "si", "di", "tou", "fi", "be", "njiru", "kari", "nele"},
		family1: []string{"Ma", "Ke", "Ba", "Nya", "Oke", "Mu", "Ta", "Ndi", "Ko", "Ade", "Ha", "Se"},
		family2: []string{"nga", "tta", "weri", "kumbo", "ndela", "biko", "rufo", "yemi", "lele", "moya", "gabe", "ssou"},
	},
	regSouthAsia: {
		given1:  []string{"Raj", "Anil", "Sunil", "Priya", "Vijay", "Arun", "Meera", "Sanjay", "Deepa", "Ravi", "Imran", "Nadia"},
		family1: []string{"Shar", "Ver", "Pat", "Kap", "Mal", "Red", "Nai", "Chat", "Qur", "Hos", "Rah", "Sid"},
		family2: []string{"ma", "el", "oor", "hotra", "dy", "du", "urvedi", "eshi", "sain", "man", "diqui", "ani"},
	},
	regSoutheastAsia: {
		given1:  []string{"Bu", "Sri", "Ah", "Than", "Nguyen", "Sur", "Wi", "Ha", "Da", "Ri", "Phan", "Ta"},
		given2:  []string{"di", "yani", "mad", "om", "h", "ya", "dodo", "lim", "tuk", "zal", "h", "n"},
		family1: []string{"Su", "Wi", "Pra", "Ha", "Ra", "Ku", "Sa", "Ti", "Ba", "Yu", "Lo", "Ma"},
		family2: []string{"santo", "jaya", "bowo", "tono", "hman", "suma", "ntoso", "ong", "kar", "sof", "pez", "rsudi"},
	},
	regTurkic: {
		given1:  []string{"Meh", "Ah", "Mus", "Ka", "Er", "Nur", "Ay", "Ser", "Bu", "Ha", "Ali", "Tol"},
		given2:  []string{"met", "mat", "tafa", "sym", "dogan", "lan", "se", "kan", "rak", "kan", "", "ga"},
		family1: []string{"Yil", "Kar", "Ak", "Öz", "Dem", "Çel", "Ay", "Tok", "Er", "Sar", "Bay", "Kaz"},
		family2: []string{"dirim", "aman", "soy", "türk", "ir", "ik", "dın", "ayev", "bek", "ov", "kal", "bekov"},
	},
}

// Person is one recurring principal of the synthetic corpus.
type Person struct {
	// Name is the full name in the order the person's own government writes
	// it (family name first for Korea and China).
	Name string
	// Surname is the name used after the first mention ("Prime Minister Abe").
	Surname string
	// Title is the office held ("Prime Minister").
	Title string
	// Country is the country or organisation.
	Country string
	// Female chooses "Ms." and "her".
	Female bool
	// From and To bound the term of office, YYYY-MM-DD.
	From, To string
}

// term is one office holder, by country index and office.
type term struct {
	person   Person
	from, to int // days since epoch
	country  int
	leader   bool
}

// cast holds every office holder over the generated period.
type cast struct {
	terms []term
	// byOffice[country][0 leader, 1 FM] lists terms in time order.
	byOffice [][2][]int
	spokes   []term // US State Department spokespersons
}

// The generated period: twenty years of readouts.
var (
	startDay = dayNumber(2006, 1, 1)
	endDay   = dayNumber(2025, 12, 31)
)

func newCast(r *rand.Rand) cast {
	var c cast
	used := map[string]bool{}
	c.byOffice = make([][2][]int, len(countries))
	for ci, co := range countries {
		for office := 0; office < 2; office++ {
			if office == 1 && co.FM == "" {
				continue
			}
			title := co.Leader
			if office == 1 {
				title = co.FM
			}
			day := startDay - r.IntN(5*365)
			for day <= endDay {
				length := 365*2 + r.IntN(365*6)
				if co.Org {
					length += 365 * 2
				}
				p := newPerson(r, co.Reg, used)
				p.Title, p.Country = title, co.Name
				t := term{person: p, from: day, to: day + length - 1, country: ci, leader: office == 0}
				t.person.From, t.person.To = isoDay(max(t.from, startDay)), isoDay(min(t.to, endDay))
				c.byOffice[ci][office] = append(c.byOffice[ci][office], len(c.terms))
				c.terms = append(c.terms, t)
				day += length
			}
		}
	}
	for day := startDay - 400; day <= endDay; {
		length := 365 + r.IntN(365*3)
		p := newPerson(r, regWest, used)
		p.Title, p.Country = "Spokesperson", "United States"
		c.spokes = append(c.spokes, term{person: p, from: day, to: day + length - 1, country: cUS})
		day += length
	}
	return c
}

func newPerson(r *rand.Rand, reg region, used map[string]bool) Person {
	s := regionNames[reg]
	for {
		given := pick(r, s.given1)
		if len(s.given2) > 0 {
			g2 := pick(r, s.given2)
			if s.hyphenGiven {
				given += "-" + g2
			} else {
				given += g2
			}
		}
		family := pick(r, s.family1)
		if len(s.family2) > 0 {
			family += pick(r, s.family2)
		}
		name := given + " " + family
		if s.familyFirst {
			name = family + " " + given
		}
		if used[name] || placeWord(given) || placeWord(family) {
			continue
		}
		used[name] = true
		p := Person{Name: name, Surname: family, Female: r.IntN(3) == 0}
		if reg == regArab {
			// "Khalid bin Hamad Al Thani": later mentions use the given name
			// for royals in many readouts; keep the family name here.
			p.Surname = family
		}
		return p
	}
}

// holder returns the term index holding the office on day, or -1.
func (c *cast) holder(country, office, day int) int {
	for _, ti := range c.byOffice[country][office] {
		if t := c.terms[ti]; day >= t.from && day <= t.to {
			return ti
		}
	}
	return -1
}

func (c *cast) spokesperson(day int) Person {
	for _, t := range c.spokes {
		if day >= t.from && day <= t.to {
			return t.person
		}
	}
	return c.spokes[len(c.spokes)-1].person
}

// people lists every office holder, sorted by name.
func (c *cast) people() []Person {
	out := make([]Person, 0, len(c.terms))
	for _, t := range c.terms {
		out = append(out, t.person)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// mention is how a publisher first names a person: honorific + name +
// office, in one of several house orders.
func honorific(p Person) string {
	if p.Female {
		return "Ms."
	}
	return "Mr."
}

func pronoun(p Person) string {
	if p.Female {
		return "she"
	}
	return "he"
}

func possessive(p Person) string {
	if p.Female {
		return "her"
	}
	return "his"
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// placeWords are the countries, demonyms and cities of the cast: a name
// made of syllables must not spell one ("Chi" + "na"), or a readout would
// read as if it named a country.
var placeWords = func() map[string]bool {
	m := map[string]bool{}
	for _, c := range countries {
		for _, s := range append([]string{c.Name, c.Adj, c.Short}, c.Cities...) {
			for _, w := range strings.Fields(s) {
				m[strings.ToLower(w)] = true
			}
		}
	}
	return m
}()

func placeWord(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' }) {
		if placeWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}
