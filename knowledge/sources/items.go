package sources

import (
	"bytes"
	"fmt"
	"net/url"
	"sort"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

// item is one entry a feed or listing page points to.
type item struct {
	Link  string
	Title string
	// Published is the feed's date for it, zero when unknown.
	Published time.Time
}

// feedItems reads an RSS, Atom or JSON feed, oldest item first, links made
// absolute against base.
func feedItems(body []byte, base string) ([]item, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	baseURL, _ := url.Parse(base)
	var out []item
	for i := len(feed.Items) - 1; i >= 0; i-- { // feeds list newest first
		fi := feed.Items[i]
		if fi == nil {
			continue
		}
		link := fi.Link
		if link == "" && len(fi.Links) > 0 {
			link = fi.Links[0]
		}
		if link == "" && strings.HasPrefix(fi.GUID, "http") {
			link = fi.GUID
		}
		abs, ok := resolve(baseURL, link)
		if !ok {
			continue
		}
		it := item{Link: abs, Title: strings.TrimSpace(fi.Title)}
		switch {
		case fi.PublishedParsed != nil:
			it.Published = *fi.PublishedParsed
		case fi.UpdatedParsed != nil:
			it.Published = *fi.UpdatedParsed
		}
		out = append(out, it)
	}
	sortOldestFirst(out)
	return out, nil
}

// pageItems reads the links of an HTML listing page that stay on its site,
// in reverse page order (listings put the newest on top).
func pageItems(body []byte, base string) ([]item, error) {
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("parse listing page: %w", err)
	}
	baseURL, err := url.Parse(base)
	if err != nil {
		return nil, fmt.Errorf("parse listing page: %w", err)
	}
	self := normalizeURL(base)
	seen := map[string]bool{}
	var out []item
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "style", "template", "noscript":
				return
			case "base":
				if href := attr(n, "href"); href != "" {
					if b, err := baseURL.Parse(href); err == nil {
						baseURL = b
					}
				}
			case "a":
				abs, ok := resolve(baseURL, attr(n, "href"))
				if ok && sameSite(abs, base) {
					key := normalizeURL(abs)
					if key != self && !seen[key] {
						seen[key] = true
						out = append(out, item{Link: abs, Title: strings.Join(strings.Fields(textOf(n)), " ")})
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out, nil
}

// sortOldestFirst orders items by date, keeping the given order among
// items of one date or with none.
func sortOldestFirst(items []item) {
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i].Published, items[j].Published
		return !a.IsZero() && !b.IsZero() && a.Before(b)
	})
}

// resolve makes link absolute against base; only http(s) links count.
func resolve(base *url.URL, link string) (string, bool) {
	link = strings.TrimSpace(link)
	if link == "" || strings.HasPrefix(link, "#") {
		return "", false
	}
	var u *url.URL
	var err error
	if base != nil {
		u, err = base.Parse(link)
	} else {
		u, err = url.Parse(link)
	}
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	u.Fragment = ""
	return u.String(), true
}

// sameSite reports whether link is on base's host or a subdomain of the
// same registrable part (www.example.gov and example.gov).
func sameSite(link, base string) bool {
	lu, err1 := url.Parse(link)
	bu, err2 := url.Parse(base)
	if err1 != nil || err2 != nil {
		return false
	}
	lh := strings.TrimPrefix(strings.ToLower(lu.Hostname()), "www.")
	bh := strings.TrimPrefix(strings.ToLower(bu.Hostname()), "www.")
	return lh == bh || strings.HasSuffix(lh, "."+bh) || strings.HasSuffix(bh, "."+lh)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
