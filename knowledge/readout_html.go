package knowledge

import (
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pageMeta is what a saved page says about itself in its head.
type pageMeta struct {
	title, site, url, published string
}

// dropTags never hold a readout's words: scripts, navigation, page furniture,
// forms, and figures with their photo captions.
var dropTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Footer: true,
	atom.Header: true, atom.Aside: true, atom.Form: true, atom.Button: true, atom.Figure: true,
	atom.Figcaption: true, atom.Svg: true, atom.Iframe: true, atom.Template: true, atom.Select: true,
	atom.Head: true, atom.Input: true, atom.Label: true, atom.Menu: true, atom.Dialog: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Video: true, atom.Audio: true,
}

// blockTags end a line of text.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Br: true, atom.Li: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Tr: true, atom.Section: true,
	atom.Article: true, atom.Blockquote: true, atom.Ul: true, atom.Ol: true, atom.Table: true,
	atom.Dd: true, atom.Dt: true, atom.Dl: true, atom.Pre: true, atom.Hr: true, atom.Main: true,
}

// reClutterAttr matches class and id values of page furniture.
var reClutterAttr = regexp.MustCompile(`(?i)(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|footer|header|masthead|share|sharing|social|sidebar|related|cookie|banner|caption|wp-caption-text|credit|tags|pagination|pager|skip|print|subscribe|newsletter|comments?|toolbar|search|modal|popup|advert|ads?)(?:$|[\s_-])`)

// htmlMainText reduces a saved page to its main text: the <article> or
// <main> element when there is one, else the body, without furniture.
func htmlMainText(src string) (string, pageMeta) {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil {
		return src, pageMeta{}
	}
	var meta pageMeta
	var h1 string
	var article, mainEl, body *html.Node
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if depth > 400 {
			return
		}
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Title:
				if meta.title == "" {
					meta.title = strings.TrimSpace(nodeText(n))
				}
			case atom.Meta:
				readMeta(n, &meta)
			case atom.Link:
				if attr(n, "rel") == "canonical" && meta.url == "" {
					meta.url = attr(n, "href")
				}
			case atom.Time:
				if meta.published == "" {
					meta.published = attr(n, "datetime")
				}
			case atom.H1:
				if h1 == "" {
					h1 = strings.TrimSpace(nodeText(n))
				}
			case atom.Article:
				if article == nil {
					article = n
				}
			case atom.Main:
				if mainEl == nil {
					mainEl = n
				}
			case atom.Body:
				body = n
			}
			if attr(n, "role") == "main" && mainEl == nil {
				mainEl = n
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(doc, 0)
	if h1 != "" {
		meta.title = h1
	}
	if len(meta.published) > 10 {
		meta.published = meta.published[:10]
	}
	root := body
	switch {
	case article != nil:
		root = article
	case mainEl != nil:
		root = mainEl
	}
	if root == nil {
		root = doc
	}
	var b strings.Builder
	renderText(&b, root, 0)
	text := b.String()
	if article != nil && h1 != "" && !strings.Contains(text, h1) {
		text = h1 + "\n\n" + text
	}
	return text, meta
}

func readMeta(n *html.Node, meta *pageMeta) {
	key := strings.ToLower(attr(n, "property"))
	if key == "" {
		key = strings.ToLower(attr(n, "name"))
	}
	val := strings.TrimSpace(attr(n, "content"))
	if val == "" {
		return
	}
	switch key {
	case "og:title", "twitter:title":
		if meta.title == "" {
			meta.title = val
		}
	case "og:site_name", "publisher", "dc.publisher":
		meta.site = val
	case "og:url":
		if meta.url == "" {
			meta.url = val
		}
	case "article:published_time", "datepublished", "dc.date", "date", "pubdate", "publishdate", "dcterms.created",
		"dcterms.issued", "dc.date.issued":
		if meta.published == "" {
			meta.published = val
		}
	default:
		if strings.Contains(key, "published") && meta.published == "" {
			meta.published = val // "govuk:first-published-at"
		}
	}
}

// renderText writes the visible text of n, with a line break after each
// block element and nothing from dropped elements or furniture.
func renderText(b *strings.Builder, n *html.Node, depth int) {
	if depth > 400 {
		return
	}
	switch n.Type {
	case html.TextNode:
		b.WriteString(strings.Join(strings.Fields(n.Data), " "))
		if strings.HasSuffix(n.Data, " ") || strings.HasSuffix(n.Data, "\n") {
			b.WriteByte(' ')
		}
		return
	case html.ElementNode:
		if dropTags[n.DataAtom] || attr(n, "hidden") != "" || attr(n, "aria-hidden") == "true" {
			return
		}
		if reClutterAttr.MatchString(attr(n, "class")) || reClutterAttr.MatchString(attr(n, "id")) {
			return
		}
		if n.DataAtom == atom.Img {
			return
		}
	case html.CommentNode, html.DoctypeNode:
		return
	}
	block := n.Type == html.ElementNode && blockTags[n.DataAtom]
	if block {
		b.WriteString("\n\n")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		renderText(b, c, depth+1)
	}
	if block {
		b.WriteString("\n\n")
	} else if n.Type == html.ElementNode && (n.DataAtom == atom.Td || n.DataAtom == atom.Th || n.DataAtom == atom.Span) {
		b.WriteByte(' ')
	}
}

func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node, int)
	walk = func(n *html.Node, depth int) {
		if depth > 100 {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return strings.Join(strings.Fields(b.String()), " ")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
