package knowledge

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Readout is one raw readout as a user has it, after reading: front matter
// split off, HTML reduced to its main text, site clutter removed.
type Readout struct {
	// Name says where it came from (a path relative to the data folder, or a
	// URL), for messages and, without a SourceURL, for the stable id.
	Name      string
	Title     string
	Source    string
	SourceURL string
	// Published is the release date, YYYY-MM-DD, when front matter or page
	// metadata gives it.
	Published string
	// Text is the cleaned main text.
	Text string
	// Hash is a hash of the raw bytes, to tell an edit from a repeat.
	Hash string
}

// ReadFile reads a readout file (plain text, Markdown with optional front
// matter, or a saved HTML page). It reads at most MaxReadoutBytes+1 bytes, so
// a huge file is refused without loading it.
func ReadFile(path string) (Readout, error) {
	f, err := os.Open(path)
	if err != nil {
		return Readout{}, fmt.Errorf("read readout: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxReadoutBytes+1))
	if err != nil {
		return Readout{}, fmt.Errorf("read readout %s: %w", path, err)
	}
	return Parse(path, data)
}

// Parse reads a readout from bytes; name is used in errors and for the id.
// It returns ErrEmpty, ErrBinary or ErrTooLarge (wrapped) for input that is
// not a readout's text.
func Parse(name string, data []byte) (Readout, error) {
	if len(data) > MaxReadoutBytes {
		return Readout{}, fmt.Errorf("%s: %w (over %d bytes)", name, ErrTooLarge, MaxReadoutBytes)
	}
	sum := sha256.Sum256(data)
	r := Readout{Name: name, Hash: hex.EncodeToString(sum[:])}
	if bytes.IndexByte(data, 0) >= 0 || !utf8.Valid(data) {
		return Readout{}, fmt.Errorf("%s: %w", name, ErrBinary)
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	if strings.TrimSpace(text) == "" {
		return Readout{}, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	text = splitFrontMatter(text, &r)
	if looksHTML(text) {
		var meta pageMeta
		text, meta = htmlMainText(text)
		if r.Title == "" {
			r.Title = meta.title
		}
		if r.Source == "" {
			r.Source = meta.site
		}
		if r.SourceURL == "" {
			r.SourceURL = meta.url
		}
		if r.Published == "" {
			r.Published = meta.published
		}
	} else if strings.Contains(text, "&") && strings.Contains(text, ";") {
		text = html.UnescapeString(text) // "&amp;", "&nbsp;" pasted from a page's source
	}
	if r.Published == "" {
		r.Published = publishedLine(text)
	}
	if r.Source == "" {
		r.Source = fromLine(text)
	}
	text = cleanText(text)
	if r.Published != "" {
		if d, ok := parseDateIn(r.Published, text); ok {
			r.Published = d.iso()
		}
	}
	if strings.TrimSpace(text) == "" {
		return Readout{}, fmt.Errorf("%s: %w", name, ErrEmpty)
	}
	if r.Title == "" {
		r.Title = guessTitle(text)
	} else {
		r.Title = cleanLine(r.Title)
	}
	r.Text = text
	return r, nil
}

// splitFrontMatter removes a leading "---" block of "key: value" lines and
// copies the keys it knows into r.
func splitFrontMatter(text string, r *Readout) string {
	t := strings.TrimLeft(text, "\n \t")
	if !strings.HasPrefix(t, "---\n") {
		if !bareFrontMatter(t) {
			return text
		}
		t = "---\n" + t
	}
	rest := t[4:]
	end := strings.Index(rest, "\n---")
	if end < 0 {
		if strings.HasPrefix(rest, "---") {
			end = -1
		} else {
			return text
		}
	}
	var block, body string
	if end == -1 {
		block, body = "", rest[3:]
	} else {
		block = rest[:end]
		body = rest[end+4:]
		if i := strings.IndexByte(body, '\n'); i >= 0 && strings.Trim(body[:i], "-") == "" {
			body = body[i+1:]
		} else if strings.Trim(body, "-") == "" {
			body = ""
		}
	}
	for _, line := range strings.Split(block, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		k = strings.ToLower(strings.TrimSpace(k))
		v = strings.TrimSpace(v)
		v = strings.Trim(v, `"'`)
		switch k {
		case "title":
			r.Title = v
		case "source", "publisher":
			r.Source = v
		case "source_url", "url", "link", "source-url":
			// "unknown" is no address: it would give every such readout
			// the same id.
			if strings.Contains(v, "://") || strings.HasPrefix(v, "www.") {
				r.SourceURL = v
			}
		case "published", "date", "published_at", "release_date":
			r.Published = v
		}
	}
	return body
}

// frontMatterKeys are the keys splitFrontMatter copies into a Readout.
var frontMatterKeys = setOf("title", "source", "publisher", "source_url", "url", "link", "source-url", "published",
	"date", "published_at", "release_date")

// bareFrontMatter says whether t opens with front matter whose opening
// "---" is missing: "key: value" lines with known keys, then a "---" line.
func bareFrontMatter(t string) bool {
	for n := 0; n < 12; n++ {
		line, rest, ok := strings.Cut(t, "\n")
		if !ok {
			return false
		}
		if strings.TrimRight(line, " ") == "---" {
			return n > 0
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok || strings.TrimSpace(v) == "" || !frontMatterKeys[strings.ToLower(strings.TrimSpace(k))] {
			return false
		}
		t = rest
	}
	return false
}

var (
	reBullet      = regexp.MustCompile(`^\s*[•·▪►*]+\s*`)
	reSiteLabel   = regexp.MustCompile(`^(?i:(?:[A-Z]{2,6}\s+)?(?:press\s+releases?|press\s+statements?|media\s+releases?|news\s+releases?|news|statements?|readouts?|announcements?))\s*[:|–—]\s+`)
	reTranslation = regexp.MustCompile(`(?i)[\[(]\s*(?:provisional|unofficial|tentative|informal)\s+translation\s*[\])]`)
	reClutterLine = regexp.MustCompile(`(?i)^(?:` +
		`#{3,}|` +
		`-?\s*(?:end|ends)\s*-?|` +
		`[-–—]*\s*\(?(?:end|ends)\)?\s*[-–—]*(?:\s+[a-z]{1,4}(?:[./][a-z]{1,4}){0,3})?|` +
		`back\s+to\s+.*|` +
		`(?:pool\s+)?photos?(?:\s*(?:credit|by|:).*)?|` +
		`photo\s+credit.*|` +
		`last\s+(?:updated|modified)\s*:?.*|` +
		`(?:updated|posted|published)\s+on\s*:?.*\d.*|` +
		`(?:published|updated)\s*:?\s+\d{1,2}\s+\p{L}+\s+\d{4}|` +
		`from:\s+.{3,200}|` +
		`(?:share|print|tweet|email|e-mail|facebook|twitter|linkedin|whatsapp|copy\s+link|share\s+this(?:\s+page)?|print\s+this\s+page|top\s+of\s+page|page\s+top|skip\s+to\s+(?:main\s+)?content)(?:\s*[|/]\s*\w+)*|` +
		`(?:this\s+is\s+an?\s+)?(?:unofficial|provisional|informal)\s+translation.*|` +
		`\(?\s*(?:the\s+)?(?:original|official)\s+(?:text|version)\s+(?:is\s+)?in\s+\w+.*|` +
		`by\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}` +
		`)$`)
	reMarkdownImage = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	reMarkdownLink  = regexp.MustCompile(`\[([^\]]+)\]\([^)]*\)`)
	reSeparator     = regexp.MustCompile(`^[\s.·•*_=~|\-–—]+$`)
	reSpaces        = regexp.MustCompile(`[ \t\x{00a0}\x{2002}\x{2003}\x{2009}]+`)
)

// rePublishedLine is a page's release line ("Published on 29 July 2023",
// "Published 24 February 2022") that cleaning drops as clutter.
var rePublishedLine = regexp.MustCompile(`(?im)^\s*(?:published|posted)(?:\s+on)?\s*:?\s+(.{6,40}?\d{4})\.?\s*$`)

// publishedLine is the release date a page states on a line of its own,
// kept before cleaning drops that line, so relative dates ("this
// Saturday") resolve against it.
func publishedLine(text string) string {
	if len(text) > 4096 {
		text = text[:4096]
	}
	m := rePublishedLine.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	if d, ok := parseDateIn(m[1], text); ok {
		return d.iso()
	}
	return ""
}

// reFromLine is a GOV.UK page's publisher line ("From: Prime Minister's
// Office, 10 Downing Street and The Rt Hon Jane Doe MP").
var reFromLine = regexp.MustCompile(`(?m)^\s*From:\s+(.{3,200}?)\s*$`)

// reFromMinister is the minister named after the office on a From line.
var reFromMinister = regexp.MustCompile(`(?i)\s+and\s+the\s+rt\.?\s+hon\.?\s.*$`)

// fromLine is the publisher a page names on a From line, which cleaning
// drops as clutter; the office (and its address) stays as the source.
func fromLine(text string) string {
	if len(text) > 4096 {
		text = text[:4096]
	}
	m := reFromLine.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	return reFromMinister.ReplaceAllString(m[1], "")
}

// reWireTrailer is a news agency's end mark after a line's last sentence:
// "(end) mt.ak", "(END)", "-- KUNA", "– ENDS", "ENDS", "###".
var reWireTrailer = regexp.MustCompile(`[.!?"”’)]\s+((?:\((?i:ends?)\)(?:\s+[A-Za-z]{1,4}(?:[./][A-Za-z]{1,4}){0,3})?|(?:--|–|—|-)\s*(?:ENDS?|[A-Z]{2,8})|ENDS?|#{3,}|\*{3}))\s*$`)

// trimWireTrailer removes a news agency's end mark from the end of a line,
// so the sentence before it reads as the last one.
func trimWireTrailer(line string) string {
	if line == "" {
		return line
	}
	switch line[len(line)-1] {
	case '.', ',', ';', ':', '"', '!', '?':
		return line // most lines: nothing to remove
	}
	start := max(0, len(line)-48)
	for start > 0 && !utf8.RuneStart(line[start]) {
		start--
	}
	loc := reWireTrailer.FindStringSubmatchIndex(line[start:])
	if loc == nil {
		return line
	}
	return strings.TrimRight(line[:start+loc[2]], " ")
}

// reCredit is a news agency's credit in brackets, on a line of its own or
// after a line's last sentence: "(Reporting by A; Editing by B)".
var reCredit = regexp.MustCompile(`(?:^|[.!?"”’]\s+)\(((?i:(?:additional\s+)?reporting|writing|editing|compiled|translated)\s+by\s[^()]{2,200})\)\s*$`)

// splitCredit returns a line without a trailing credit, and the credit
// without its brackets, which then reads as a label rather than a sentence
// of the readout (news detection still sees its words).
func splitCredit(line string) (string, string) {
	if !strings.HasSuffix(line, ")") || !containsFoldASCII(line, " by ") {
		return line, ""
	}
	loc := reCredit.FindStringSubmatchIndex(line)
	if loc == nil {
		return line, ""
	}
	cut := loc[0]
	if cut > 0 {
		cut++ // keep the sentence's final mark
	}
	return strings.TrimRight(line[:cut], " "), line[loc[2]:loc[3]]
}

// cleanText removes site clutter line by line and normalises spacing, while
// keeping paragraph breaks (blank lines) that extraction relies on.
func cleanText(text string) string {
	lines := strings.Split(text, "\n")
	out := make([]string, 0, len(lines))
	blank := false
	for _, line := range lines {
		line = trimWireTrailer(cleanLine(line))
		if line == "" || isClutter(line) {
			if line == "" && len(out) > 0 {
				blank = true
			}
			continue
		}
		if blank {
			out = append(out, "")
			blank = false
		}
		line, credit := splitCredit(line)
		if line != "" {
			out = append(out, line)
		}
		if credit != "" {
			out = append(out, credit)
		}
	}
	return strings.Join(out, "\n")
}

// cleanLine strips markup-ish decoration and prefixes from one line.
func cleanLine(line string) string {
	line = reSpaces.ReplaceAllString(line, " ")
	line = strings.TrimSpace(line)
	line = strings.TrimLeft(line, "#> ")
	line = reBullet.ReplaceAllString(line, "")
	line = reTranslation.ReplaceAllString(line, "")
	line = reSiteLabel.ReplaceAllString(line, "")
	if strings.Contains(line, "](") {
		line = reMarkdownImage.ReplaceAllString(line, "")
		line = reMarkdownLink.ReplaceAllString(line, "$1")
	}
	line = strings.ReplaceAll(line, "**", "")
	line = strings.ReplaceAll(line, "__", "")
	line = strings.TrimSpace(line)
	line = strings.TrimRight(line, " -–—|")
	return strings.TrimSpace(line)
}

func isClutter(line string) bool {
	if reSeparator.MatchString(line) {
		return true
	}
	if len(line) > 160 {
		return false
	}
	return reClutterLine.MatchString(line)
}

// labelLines are header labels that are never a readout's title.
var labelLines = map[string]bool{
	"press release": true, "press releases": true, "press statement": true, "readout": true,
	"immediate release": true, "for immediate release": true, "statement": true, "news": true,
	"media release": true, "news release": true, "date": true, "speeches and statements": true,
	"announcement": true, "press briefing": true, "joint press release": true, "media advisory": true,
	"readouts": true, "news releases": true, "press statements": true, "statements": true, "speeches": true,
}

var reTitleWords = regexp.MustCompile(`(?i)\b(?:meet|meets|meeting|call|calls|talks?|telephone|phone|conversation|readout|summit|visit|discuss|discusses|with|between|holds?)\b`)

// guessTitle picks the headline from the first lines of a text without
// front matter: the first short line that reads like a meeting headline.
func guessTitle(text string) string {
	lines := strings.Split(text, "\n")
	var first, wordy string
	for i, line := range lines {
		if i > 12 {
			break
		}
		line = strings.TrimSpace(line)
		if line == "" || len(line) > 300 || labelLines[strings.ToLower(strings.Trim(line, ":. "))] {
			continue
		}
		if _, ok := parseAnyDate(line); ok && len(line) < 40 {
			continue
		}
		if strings.HasSuffix(line, ":") {
			continue
		}
		words := len(strings.Fields(line))
		// A long line that ends with "a.m." is a paragraph all the same.
		if words >= 40 || strings.HasSuffix(line, ".") && words >= 5 && (!endsWithAbbrev(line) || words >= 20) {
			break // running text: the readout has no headline of its own
		}
		if first == "" {
			first = line
		}
		if wordy == "" && words >= 4 {
			wordy = line
		}
		if words >= 3 && reTitleWords.MatchString(line) && !strings.HasSuffix(line, ".") {
			return line
		}
	}
	if wordy != "" {
		return wordy
	}
	return first
}

// looksHTML says whether text is a saved web page rather than plain text
// that happens to mention a tag.
func looksHTML(text string) bool {
	head := text
	if len(head) > 2048 {
		head = head[:2048]
	}
	head = strings.ToLower(strings.TrimLeftFunc(head, unicode.IsSpace))
	if strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		strings.HasPrefix(head, "<?xml") && strings.Contains(head, "<html") {
		return true
	}
	if !strings.HasPrefix(head, "<") {
		return false
	}
	for _, tag := range []string{"<body", "<head", "<p>", "<p ", "<div", "<article", "<main"} {
		if strings.Contains(head, tag) {
			return true
		}
	}
	return false
}
