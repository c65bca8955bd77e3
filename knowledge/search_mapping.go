package knowledge

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
)

// mappingVersion changes whenever newMapping or toDoc changes what is
// indexed in a way queries depend on; Open rebuilds an index built by
// another version from its raws. Version 6 folds accents in text fields;
// version 7 indexes every spelling of a participant's country ("Viet Nam",
// "Vietnam") and counts it once in the term lists.
// version 8 puts the date terms and the ingestion time (two keyword terms
// instead of a datetime field) in one field, when.
const mappingVersion = 8

// Index fields. Text fields use English analysis; keyword fields hold exact
// values (names, affiliations, topics, kind, ids) or tokens folded by
// ixWords, so question words and index terms meet without an analyzer.
const (
	fTitle     = "title"     // text; stored for meeting suggestions
	fText      = "text"      // text: the readout's main text
	fTopics    = "topics"    // text: topics
	fPersonTok = "ptok"      // keyword: folded name words
	fRole      = "role"      // keyword: folded office and affiliation words
	fAffTok    = "afftok"    // keyword: folded affiliation words
	fLoc       = "loc"       // keyword: folded location words
	fKind      = "kind"      // keyword
	fDate      = "date"      // keyword YYYY-MM-DD, sortable; stored
	fWhen      = "when"      // keyword: day, month and year of the meeting, time and day ingested (whenTerms)
	fPublished = "published" // keyword YYYY-MM-DD
	fTitleWord = "tword"     // keyword: folded title words, for prefix suggestions
)

// foldedEnglish is bleve's English analyzer with accents folded first, so
// an index term is what ixWords makes of the same word: a question that
// writes "Suwalki", "Dang" or "Turkiye" finds "Suwałki", "Đặng" and
// "Türkiye", and the other way round.
const foldedEnglish = "en_folded"

func newMapping() mapping.IndexMapping {
	text := func(store bool) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = foldedEnglish
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = false
		return f
	}
	keyword := func(store, sortable bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = store
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		f.DocValues = sortable
		return f
	}
	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt(fTitle, text(true))
	dm.AddFieldMappingsAt(fText, text(false))
	dm.AddFieldMappingsAt(fTopics, text(false))
	for _, name := range []string{fPersonTok, fRole, fAffTok, fLoc, fKind, fTitleWord, fWhen} {
		dm.AddFieldMappingsAt(name, keyword(false, false))
	}
	dm.AddFieldMappingsAt(fDate, keyword(true, true))
	dm.AddFieldMappingsAt(fPublished, keyword(false, true))

	im := bleve.NewIndexMapping()
	err := im.AddCustomAnalyzer(foldedEnglish, map[string]any{
		"type":          custom.Name,
		"char_filters":  []any{asciifolding.Name},
		"tokenizer":     unicodetok.Name,
		"token_filters": []any{en.PossessiveName, lowercase.Name, en.StopName, porter.Name},
	})
	if err != nil {
		panic(fmt.Sprintf("folded English analyzer: %v", err)) // a typo above, not input
	}
	im.DefaultMapping = dm
	im.DefaultAnalyzer = foldedEnglish
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false
	return im
}

// toDoc builds what bleve indexes for a meeting under id. Its texts and
// sortable dates go through the index mapping from a map, as any bleve
// document does; its word lists, kind and date terms go in as
// keywordFields, which bleve indexes the same but builds at less cost.
// Empty values are left out, so a meeting without a date sorts last
// rather than first.
func toDoc(im mapping.IndexMapping, id string, m Meeting) (*document.Document, error) {
	d := map[string]any{
		fTitle:  m.Title,
		fText:   m.Text,
		fTopics: strings.Join(m.Topics, ". "),
	}
	if m.Date != "" {
		d[fDate] = m.Date
	}
	if m.Published != "" {
		d[fPublished] = m.Published
	}
	doc := document.NewDocument(id)
	if err := im.MapDocument(doc, d); err != nil {
		return nil, fmt.Errorf("map meeting %s: %w", id, err)
	}
	keyword := func(name string, terms []string) {
		if len(terms) > 0 {
			doc.AddField(newKeywordField(name, terms))
		}
	}
	keyword(fKind, []string{string(m.Kind)})
	keyword(fTitleWord, ixUnique(ixWords(m.Title)))
	var ptok, role, afftok []string
	for _, p := range m.Participants {
		ptok = append(ptok, ixWords(p.Name)...)
		// The office's words, then the affiliation's (the words of
		// Title+" "+affiliation: a space ends every word).
		aff := ixWords(AffiliationText(p.Affiliation))
		role = append(append(role, ixWords(p.Title)...), aff...)
		afftok = append(afftok, aff...)
	}
	keyword(fPersonTok, ixUnique(ptok))
	keyword(fRole, ixUnique(role))
	keyword(fAffTok, ixUnique(afftok))
	keyword(fLoc, ixUnique(ixWords(m.Location)))
	if when := whenTerms(m); len(when) > 0 {
		f := newKeywordField(fWhen, when)
		// Each term was once a field of its own, of one value: scores of
		// date ranges stay as they were with the norm of a one-term field.
		f.length = 1
		doc.AddField(f)
	}
	// The mapping left the fields it walked out of the composite "_all"
	// field; leave the keyword fields out too (no query reads "_all").
	for i, cf := range doc.CompositeFields {
		if cf.Name() == allField {
			doc.CompositeFields[i] = emptyAll
		}
	}
	return doc, nil
}

// allField is bleve's composite field of every field not left out of it.
const allField = "_all"

// mappedFields are all the fields newMapping declares.
var mappedFields = []string{fTitle, fText, fTopics, fPersonTok, fRole, fAffTok, fLoc, fKind, fDate, fWhen, fPublished, fTitleWord}

// emptyAll is the "_all" field of every document: every field is left out
// of it, so it stays empty and one can serve every document at once (bleve
// only reads it). toDoc must make no field outside mappedFields, or bleve
// would add that field's terms to it (TestToDocFieldsAreMapped).
var emptyAll = document.NewCompositeFieldWithIndexingOptions(allField, true, nil, mappedFields, index.IndexField|index.IncludeTermVectors)

// The when field holds a meeting's date and ingestion time as terms, each
// marked by its first letter, so that a range of dates or times is a few
// term ranges (see dateRange and ingestedRange) rather than a numeric
// field's sixteen prefix terms per meeting:
//   - the meeting's day number YYYYMMDD (see dayTerm), its month YYYYMM
//     and its year YYYY;
//   - the instant it was ingested, the UTC time to the nanosecond in a
//     fixed width that sorts as the times do, and that instant's day.
const (
	whenDay         = "d"
	whenMonth       = "m"
	whenYear        = "y"
	ingestedInstant = "t"
	ingestedDay     = "i"
	instantLayout   = "20060102150405.000000000"
	dayLayout       = "20060102"
)

// whenTerms are the terms of m's when field.
func whenTerms(m Meeting) []string {
	var out []string
	if day, ok := dayTerm(m.Date); ok {
		out = append(out, whenDay+day, whenMonth+day[:6], whenYear+day[:4])
	}
	if !m.Ingested.IsZero() {
		t := m.Ingested.UTC()
		out = append(out, ingestedInstant+t.Format(instantLayout), ingestedDay+t.Format(dayLayout))
	}
	return out
}

// dayTerm is the day number of date (YYYY-MM-DD or a prefix of it) as the
// eight-digit term indexed for it (ixDayNumber's YYYYMMDD); its first six
// and four digits are the month and year terms.
func dayTerm(date string) (string, bool) {
	if len(date) == 10 && date[4] == '-' && date[7] == '-' && date[:4] != "0000" && allDigits(date[:4]) && allDigits(date[5:7]) && allDigits(date[8:]) {
		return date[:4] + date[5:7] + date[8:], true
	}
	if date == "" {
		return "", false
	}
	n, ok := ixDayNumber(date, false)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("%08d", int(n)), true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// ixDayNumber turns a date or its start ("2006", "2006-07", "2006-07-03")
// into YYYYMMDD; upper gives the last day the prefix covers.
func ixDayNumber(s string, upper bool) (float64, bool) {
	var y, m, d int
	n, _ := fmt.Sscanf(s, "%4d-%2d-%2d", &y, &m, &d)
	if n == 0 || y < 1 {
		return 0, false
	}
	if n < 2 {
		m = 0
		if upper {
			m = 99
		}
	}
	if n < 3 {
		d = 0
		if upper {
			d = 99
		}
	}
	return float64(y*10000 + m*100 + d), true
}

var folder = asciifolding.New()

// ixFold lower-cases s, drops accents and straightens quotes, so
// "Niinistö" and "niinisto" compare equal.
func ixFold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		s = string(folder.Filter([]byte(s)))
	}
	return strings.ToLower(s)
}

// ixWords splits s into folded words of letters and digits. Possessive
// "'s" is dropped ("Guterres's" -> "guterres").
func ixWords(s string) []string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return ixWordsRunes(s)
		}
	}
	// ASCII: the words are slices of the lower-cased text, which is s
	// itself when s has no capitals.
	s = strings.ToLower(s)
	var out []string
	start := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || '0' <= c && c <= '9' {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, s[start:i])
			start = -1
		}
		if c == '\'' && i+1 < len(s) && s[i+1] == 's' && (i+2 == len(s) || !('a' <= s[i+2] && s[i+2] <= 'z')) {
			i++
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// ixWordsRunes is ixWords for text with letters beyond ASCII; it reads
// every text through runes, so the tests hold the ASCII fast path to it.
func ixWordsRunes(s string) []string {
	rs := []rune(ixFold(s))
	var out []string
	start := -1
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, string(rs[start:i]))
			start = -1
		}
		if r == '\'' && i+1 < len(rs) && rs[i+1] == 's' && (i+2 == len(rs) || !unicode.IsLetter(rs[i+2])) {
			i++
		}
	}
	if start >= 0 {
		out = append(out, string(rs[start:]))
	}
	return out
}

// ixUnique returns the distinct non-empty strings of in, in order, in a
// new slice.
func ixUnique(in []string) []string {
	if len(in) == 0 || len(in) > 24 {
		return ixUniqueMap(in) // nil for nil, as callers' tests expect
	}
	out := make([]string, 0, len(in))
	for _, s := range in {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func ixUniqueMap(in []string) []string {
	seen := make(map[string]bool, len(in))
	out := in[:0:0]
	for _, s := range in {
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out
}
