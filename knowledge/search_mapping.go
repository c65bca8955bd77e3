package knowledge

import (
	"fmt"
	"strings"
	"time"
	"unicode"

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
// version 8 indexes the ingestion time as two keyword terms instead of a
// datetime field.
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
	fDay       = "day"       // keyword: day number YYYYMMDD, eight digits, for date ranges
	fMonth     = "dmonth"    // keyword: its first six digits (YYYYMM)
	fYear      = "dyear"     // keyword: its first four digits (YYYY)
	fPublished = "published" // keyword YYYY-MM-DD
	fIngested  = "ingested"  // keyword: ingestion time and day (ingestedTerms)
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
	for _, name := range []string{fPersonTok, fRole, fAffTok, fLoc, fKind, fTitleWord, fDay, fMonth, fYear, fIngested} {
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
		aff := AffiliationText(p.Affiliation)
		role = append(role, ixWords(p.Title+" "+aff)...)
		afftok = append(afftok, ixWords(aff)...)
	}
	keyword(fPersonTok, ixUnique(ptok))
	keyword(fRole, ixUnique(role))
	keyword(fAffTok, ixUnique(afftok))
	keyword(fLoc, ixUnique(ixWords(m.Location)))
	if m.Date != "" {
		if n, ok := ixDayNumber(m.Date, false); ok {
			day := int(n)
			keyword(fDay, []string{fmt.Sprintf("%08d", day)})
			keyword(fMonth, []string{fmt.Sprintf("%06d", day/100)})
			keyword(fYear, []string{fmt.Sprintf("%04d", day/10000)})
		}
	}
	if !m.Ingested.IsZero() {
		keyword(fIngested, ingestedTerms(m.Ingested))
	}
	// The mapping left the fields it walked out of the composite "_all"
	// field; leave the keyword fields out too (no query reads "_all").
	for i, cf := range doc.CompositeFields {
		if cf.Name() == allField {
			doc.CompositeFields[i] = document.NewCompositeFieldWithIndexingOptions(allField, true, nil, mappedFields, index.IndexField|index.IncludeTermVectors)
		}
	}
	return doc, nil
}

// allField is bleve's composite field of every field not left out of it.
const allField = "_all"

// mappedFields are all the fields newMapping declares.
var mappedFields = []string{fTitle, fText, fTopics, fPersonTok, fRole, fAffTok, fLoc, fKind, fDate, fDay, fMonth, fYear, fPublished, fIngested, fTitleWord}

// Ingestion times are indexed as two keyword terms, so a window of them
// is a few term ranges (see ingestedRange) rather than a numeric field's
// sixteen prefix terms per meeting: the instant, "t" and the UTC time to
// the nanosecond in a fixed width that sorts as the times do, and its day,
// "d" and YYYYMMDD.
const (
	ingestedInstant = "t"
	ingestedDay     = "d"
	instantLayout   = "20060102150405.000000000"
	dayLayout       = "20060102"
)

// ingestedTerms are the terms indexed for ingestion time t.
func ingestedTerms(t time.Time) []string {
	t = t.UTC()
	return []string{ingestedInstant + t.Format(instantLayout), ingestedDay + t.Format(dayLayout)}
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

func ixUnique(in []string) []string {
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
