package knowledge

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// countryTable lists countries as "Name|adjectives|other names", so
// "Japanese Foreign Minister" and "the Republic of Korea (ROK)" resolve to an
// affiliation. Names are those the countries' own releases use.
const countryTable = `Afghanistan|Afghan|
Albania|Albanian|
Algeria|Algerian|
Andorra|Andorran|
Angola|Angolan|
Antigua and Barbuda|Antiguan|
Argentina|Argentine,Argentinian|Argentine Republic
Armenia|Armenian|
Australia|Australian|
Austria|Austrian|
Azerbaijan|Azerbaijani,Azeri|
Bahamas|Bahamian|The Bahamas
Bahrain|Bahraini|Kingdom of Bahrain
Bangladesh|Bangladeshi|
Barbados|Barbadian|
Belarus|Belarusian|
Belgium|Belgian|
Belize|Belizean|
Benin|Beninese|
Bhutan|Bhutanese|
Bolivia|Bolivian|
Bosnia and Herzegovina|Bosnian|
Botswana|Botswanan|
Brazil|Brazilian|
Brunei|Bruneian|Brunei Darussalam
Bulgaria|Bulgarian|
Burkina Faso|Burkinabe|
Burundi|Burundian|
Cambodia|Cambodian|
Cameroon|Cameroonian|
Canada|Canadian|
Cape Verde|Cape Verdean|Cabo Verde
Central African Republic|Central African|CAR
Chad|Chadian|
Chile|Chilean|
China|Chinese|People's Republic of China,PRC,People’s Republic of China,CPC,CCP,Communist Party of China
Colombia|Colombian|
Comoros|Comorian|
Congo|Congolese|Republic of the Congo,Democratic Republic of the Congo,DRC,DR Congo
Costa Rica|Costa Rican|
Côte d'Ivoire|Ivorian|Cote d'Ivoire,Ivory Coast,Côte d’Ivoire
Croatia|Croatian|
Cuba|Cuban|
Cyprus|Cypriot|
Czech Republic|Czech|Czechia
Denmark|Danish|
Djibouti|Djiboutian|
Dominican Republic|Dominican|
Ecuador|Ecuadorian|
Egypt|Egyptian|
El Salvador|Salvadoran|
Equatorial Guinea|Equatorial Guinean|
Eritrea|Eritrean|
Estonia|Estonian|
Eswatini|Swazi|Swaziland
Ethiopia|Ethiopian|
Fiji|Fijian|
Finland|Finnish|
France|French|
Gabon|Gabonese|
Gambia|Gambian|The Gambia
Georgia|Georgian|
Germany|German|Federal Republic of Germany
Ghana|Ghanaian|
Greece|Greek|Hellenic Republic
Grenada|Grenadian|
Guatemala|Guatemalan|
Guinea|Guinean|
Guinea-Bissau|Bissau-Guinean|
Guyana|Guyanese|
Haiti|Haitian|
Holy See|Vatican|Vatican City
Honduras|Honduran|
Hungary|Hungarian|
Iceland|Icelandic|
India|Indian|
Indonesia|Indonesian|
Iran|Iranian|Islamic Republic of Iran
Iraq|Iraqi|
Ireland|Irish|
Israel|Israeli|
Italy|Italian|
Jamaica|Jamaican|
Japan|Japanese|
Jordan|Jordanian|Hashemite Kingdom of Jordan
Kazakhstan|Kazakh,Kazakhstani|
Kenya|Kenyan|
Kiribati|I-Kiribati|
Kosovo|Kosovar|
Kuwait|Kuwaiti|
Kyrgyzstan|Kyrgyz|Kyrgyz Republic
Laos|Lao,Laotian|Lao PDR
Latvia|Latvian|
Lebanon|Lebanese|
Lesotho|Basotho|
Liberia|Liberian|
Libya|Libyan|
Liechtenstein|Liechtensteiner|
Lithuania|Lithuanian|
Luxembourg|Luxembourgish|
Madagascar|Malagasy|
Malawi|Malawian|
Malaysia|Malaysian|
Maldives|Maldivian|
Mali|Malian|
Malta|Maltese|
Marshall Islands|Marshallese|
Mauritania|Mauritanian|
Mauritius|Mauritian|
Mexico|Mexican|
Micronesia|Micronesian|
Moldova|Moldovan|
Monaco|Monegasque|
Mongolia|Mongolian|
Montenegro|Montenegrin|
Morocco|Moroccan|
Mozambique|Mozambican|
Myanmar|Myanmar,Burmese|Burma
Namibia|Namibian|
Nauru|Nauruan|
Nepal|Nepali,Nepalese|
Netherlands|Dutch|The Netherlands,Holland
New Zealand|New Zealand|
Nicaragua|Nicaraguan|
Niger|Nigerien|
Nigeria|Nigerian|
North Korea|North Korean|Democratic People's Republic of Korea,DPRK,Democratic People’s Republic of Korea
North Macedonia|Macedonian|
Norway|Norwegian|
Oman|Omani|
Pakistan|Pakistani|
Palau|Palauan|
Palestine|Palestinian|State of Palestine,Palestinian Authority
Panama|Panamanian|
Papua New Guinea|Papua New Guinean|PNG
Paraguay|Paraguayan|
Peru|Peruvian|
Philippines|Philippine,Filipino|The Philippines
Poland|Polish|
Portugal|Portuguese|
Qatar|Qatari|
Romania|Romanian|
Russia|Russian|Russian Federation
Rwanda|Rwandan|
Saint Lucia|Saint Lucian|
Samoa|Samoan|
San Marino|Sammarinese|
Saudi Arabia|Saudi,Saudi Arabian|Kingdom of Saudi Arabia,KSA
Senegal|Senegalese|
Serbia|Serbian|
Seychelles|Seychellois|
Sierra Leone|Sierra Leonean|
Singapore|Singaporean|
Slovakia|Slovak|
Slovenia|Slovenian|
Solomon Islands|Solomon Islander|
Somalia|Somali|
Somaliland|Somalilander|
South Africa|South African|
South Korea|South Korean,Korean|Republic of Korea,ROK,Korea
South Sudan|South Sudanese|
Spain|Spanish|
Sri Lanka|Sri Lankan|
Sudan|Sudanese|
Suriname|Surinamese|
Sweden|Swedish|
Switzerland|Swiss|Swiss Confederation
Syria|Syrian|Syrian Arab Republic
Taiwan|Taiwanese|
Tajikistan|Tajik|
Tanzania|Tanzanian|United Republic of Tanzania
Thailand|Thai|
Timor-Leste|Timorese|East Timor
Togo|Togolese|
Tonga|Tongan|
Trinidad and Tobago|Trinidadian|
Tunisia|Tunisian|
Türkiye|Turkish|Turkey,Turkiye,Republic of Türkiye
Turkmenistan|Turkmen|
Tuvalu|Tuvaluan|
Uganda|Ugandan|
Ukraine|Ukrainian|
United Arab Emirates|Emirati|UAE
United Kingdom|British|UK,U.K.,Britain,Great Britain,United Kingdom of Great Britain and Northern Ireland
United States|American,US,U.S.|United States of America,USA,U.S.A.,America
Uruguay|Uruguayan|
Uzbekistan|Uzbek|
Vanuatu|Ni-Vanuatu|
Venezuela|Venezuelan|
Vietnam|Vietnamese|Viet Nam,Socialist Republic of Viet Nam
Yemen|Yemeni|
Dominica||Commonwealth of Dominica
Saint Kitts and Nevis|Kittitian|St Kitts and Nevis,St. Kitts and Nevis
Saint Vincent and the Grenadines|Vincentian|St Vincent and the Grenadines,St. Vincent and the Grenadines
São Tomé and Príncipe|Santomean|Sao Tome and Principe
Cook Islands||
Niue|Niuean|
Faroe Islands|Faroese|Faroes
Greenland|Greenlandic|
Hong Kong||Hong Kong SAR,Hong Kong Special Administrative Region
Macao|Macanese|Macau,Macao SAR
Aruba|Aruban|
Curaçao||Curacao
Bermuda|Bermudian|
Puerto Rico|Puerto Rican|
New Caledonia|New Caledonian|
French Polynesia|French Polynesian|
Tokelau|Tokelauan|
Gibraltar|Gibraltarian|
Cayman Islands|Caymanian|
Guam|Guamanian|
Western Sahara|Sahrawi|
Zambia|Zambian|
Zimbabwe|Zimbabwean|`

// orgTable lists organisations as "Name|other names"; an official of one is
// affiliated with it rather than with a country.
const orgTable = `United Nations|UN,U.N.,United Nations Organization,General Assembly,UNGA,UN General Assembly,United Nations General Assembly,UN Security Council,United Nations Security Council,Human Rights Council,ECOSOC
European Union|EU,European Council,European Commission,European Parliament,Council of the European Union,Council of the EU
NATO|North Atlantic Treaty Organization,North Atlantic Treaty Organisation
African Union|AU,African Union Commission
ASEAN|Association of Southeast Asian Nations
Organization of American States|OAS
OSCE|Organization for Security and Co-operation in Europe
Council of Europe|
Commonwealth|Commonwealth of Nations
International Monetary Fund|IMF
World Bank|World Bank Group
World Health Organization|WHO
World Trade Organization|WTO
International Atomic Energy Agency|IAEA
OECD|Organisation for Economic Co-operation and Development
Arab League|League of Arab States
Gulf Cooperation Council|GCC
International Committee of the Red Cross|ICRC
UNICEF|United Nations Children's Fund
UNHCR|United Nations High Commissioner for Refugees
World Food Programme|WFP
International Criminal Court|ICC
Pacific Islands Forum|PIF
ECOWAS|Economic Community of West African States
IGAD|Intergovernmental Authority on Development
CARICOM|Caribbean Community
African Development Bank|AfDB,African Development Bank Group
Asian Development Bank|ADB
Inter-American Development Bank|IDB,IDB Group
European Bank for Reconstruction and Development|EBRD
European Investment Bank|EIB
Asian Infrastructure Investment Bank|AIIB
Islamic Development Bank|IsDB
New Development Bank|NDB
Caribbean Development Bank|CDB
UNESCO|United Nations Educational, Scientific and Cultural Organization
United Nations Development Programme|UNDP,United Nations Development Program
United Nations Environment Programme|UNEP
United Nations Population Fund|UNFPA
UN-Habitat|United Nations Human Settlements Programme
UNIDO|United Nations Industrial Development Organization
UNCTAD|United Nations Conference on Trade and Development
International Labour Organization|ILO,International Labour Organisation
Food and Agriculture Organization|FAO,Food and Agriculture Organization of the United Nations
International Fund for Agricultural Development|IFAD
World Intellectual Property Organization|WIPO
International Telecommunication Union|ITU
World Meteorological Organization|WMO
International Maritime Organization|IMO
International Civil Aviation Organization|ICAO
International Organization for Migration|IOM
UN Women|United Nations Entity for Gender Equality and the Empowerment of Women
UNAIDS|Joint United Nations Programme on HIV/AIDS
UNRWA|United Nations Relief and Works Agency
UNODC|United Nations Office on Drugs and Crime
OCHA|Office for the Coordination of Humanitarian Affairs`

// cityTable maps capitals and seats of government to their country, so a
// dateline such as "Washington, DC" tells who issued a readout.
const cityTable = `Washington|United States
New Delhi|India
Delhi|India
Tokyo|Japan
Beijing|China
Moscow|Russia
London|United Kingdom
Downing Street|United Kingdom
Paris|France
Berlin|Germany
Rome|Italy
Madrid|Spain
Ottawa|Canada
Canberra|Australia
Seoul|South Korea
Pyongyang|North Korea
Brasilia|Brazil
Brasília|Brazil
Mexico City|Mexico
Buenos Aires|Argentina
Nairobi|Kenya
Pretoria|South Africa
Abuja|Nigeria
Cairo|Egypt
Ankara|Türkiye
Kyiv|Ukraine
Kiev|Ukraine
Warsaw|Poland
Helsinki|Finland
Stockholm|Sweden
Oslo|Norway
Copenhagen|Denmark
Vienna|Austria
Bern|Switzerland
The Hague|Netherlands
Amsterdam|Netherlands
Dublin|Ireland
Lisbon|Portugal
Athens|Greece
Jakarta|Indonesia
Manila|Philippines
Hanoi|Vietnam
Ha Noi|Vietnam
Bangkok|Thailand
Kuala Lumpur|Malaysia
Putrajaya|Malaysia
Singapore|Singapore
Islamabad|Pakistan
Dhaka|Bangladesh
Colombo|Sri Lanka
Kathmandu|Nepal
Tehran|Iran
Riyadh|Saudi Arabia
Abu Dhabi|United Arab Emirates
Doha|Qatar
Jerusalem|Israel
Tel Aviv|Israel
Amman|Jordan
Baghdad|Iraq
Kabul|Afghanistan
Astana|Kazakhstan
Tashkent|Uzbekistan
Addis Ababa|Ethiopia
Kampala|Uganda
Dar es Salaam|Tanzania
Dodoma|Tanzania
Kigali|Rwanda
Accra|Ghana
Dakar|Senegal
Wellington|New Zealand
Santiago|Chile
Bogota|Colombia
Bogotá|Colombia
Lima|Peru
Caracas|Venezuela
Havana|Cuba
Budapest|Hungary
Prague|Czech Republic
Bucharest|Romania
Sofia|Bulgaria
Belgrade|Serbia
Zagreb|Croatia
Vilnius|Lithuania
Riga|Latvia
Tallinn|Estonia
Reykjavik|Iceland
Luxembourg|Luxembourg
Valletta|Malta
Nicosia|Cyprus
Tbilisi|Georgia
Yerevan|Armenia
Baku|Azerbaijan
Minsk|Belarus
Chisinau|Moldova
Ulaanbaatar|Mongolia
Taipei|Taiwan
Phnom Penh|Cambodia
Vientiane|Laos
Naypyidaw|Myanmar
Pentagon|United States
White House|United States
Kremlin|Russia
Elysee|France
Élysée|France
Kantei|Japan
Zhongnanhai|China`

type place struct {
	name    string // canonical country or organisation
	isOrg   bool
	isAdj   bool
	isCity  bool
	country string // for a city: its country
}

// placeWords maps lower-case spellings (names, adjectives, aliases) to what
// they denote; placeMaxWords is the longest spelling in words.
var placeWords, placeMaxWords = buildPlaces()

// placeFirst maps the first word of each place spelling to the most words a
// spelling starting with it has, so most words are rejected with one lookup.
var placeFirst = func() map[string]int {
	m := map[string]int{}
	for k := range placeWords {
		f := strings.Fields(k)
		if len(f) > m[f[0]] {
			m[f[0]] = len(f)
		}
	}
	return m
}()

func buildPlaces() (map[string]place, int) {
	m := map[string]place{}
	maxWords := 1
	put := func(k string, p place) {
		k = placeKey(k)
		if k == "" {
			return
		}
		if _, dup := m[k]; dup {
			return
		}
		m[k] = p
		if n := len(strings.Fields(k)); n > maxWords {
			maxWords = n
		}
	}
	for _, line := range strings.Split(countryTable, "\n") {
		f := strings.Split(line, "|")
		if len(f) < 3 {
			continue
		}
		name := f[0]
		put(name, place{name: name})
		put("the "+name, place{name: name})
		for _, a := range strings.Split(f[2], ",") {
			put(a, place{name: name})
			put("the "+a, place{name: name})
		}
		for _, a := range strings.Split(f[1], ",") {
			if _, ok := m[placeKey(a)]; !ok {
				put(a, place{name: name, isAdj: true})
			}
		}
	}
	for _, line := range strings.Split(orgTable, "\n") {
		f := strings.Split(line, "|")
		name := f[0]
		put(name, place{name: name, isOrg: true})
		put("the "+name, place{name: name, isOrg: true})
		if len(f) > 1 {
			for _, a := range strings.Split(f[1], ",") {
				put(a, place{name: name, isOrg: true})
				put("the "+a, place{name: name, isOrg: true})
			}
		}
	}
	for _, line := range strings.Split(cityTable+"\n"+moreCities, "\n") {
		f := strings.Split(line, "|")
		if len(f) == 2 {
			if _, ok := m[placeKey(f[0])]; !ok {
				put(f[0], place{name: f[0], isCity: true, country: f[1]})
			}
		}
	}
	return m, maxWords
}

// placeKey is the lookup form of a place: its tokens' keys joined by spaces,
// as matchPlace builds them from running text.
func placeKey(s string) string {
	toks := tokenize(strings.TrimSpace(s))
	keys := make([]string, 0, len(toks))
	for _, t := range toks {
		keys = append(keys, t.key)
	}
	return strings.Join(keys, " ")
}

// lookupPlace says what a phrase denotes, ignoring case, curly quotes and a
// trailing abbreviation in brackets ("the Republic of Korea (ROK)").
func lookupPlace(s string) (place, bool) {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, " ("); i > 0 && strings.HasSuffix(s, ")") {
		s = s[:i]
	}
	// Every spelling's first word is in placeFirst: most phrases fail on
	// their first word, without tokenizing the rest.
	if !firstWordStartsPlace(s) {
		return place{}, false
	}
	var buf [96]byte
	b := buf[:0]
	bp, toks := scratchTokenize(s)
	for i, t := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = append(b, t.key...)
	}
	releaseTokens(bp, toks)
	p, ok := placeWords[string(b)] // placeKey(s), without allocating it
	return p, ok
}

// firstWordStartsPlace says whether the key of s's first token is in
// placeFirst, without allocating the key.
func firstWordStartsPlace(s string) bool {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
				i++
				continue
			}
			if !isASCIIAlnum(c) {
				_, ok := placeFirst[s[i:i+1]]
				return ok
			}
			break
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		if !isWordRune(r) {
			_, ok := placeFirst[s[i:i+size]]
			return ok
		}
		break
	}
	if i == len(s) {
		return false
	}
	w := s[i:wordEnd(s, i)]
	var buf [32]byte
	switch ascii, upper := asciiCase(w); {
	case !ascii || len(w) > len(buf):
		_, ok := placeFirst[tokenKey(w)]
		return ok
	case !upper:
		_, ok := placeFirst[trimKey(w)]
		return ok
	}
	b := buf[:len(w)]
	for k := 0; k < len(w); k++ {
		b[k] = lowerASCII(w[k])
	}
	_, ok := placeFirst[string(trimKeyBytes(b))]
	return ok
}
