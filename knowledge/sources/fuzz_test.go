package sources

import (
	"testing"
)

func FuzzPageItems(f *testing.F) {
	f.Add([]byte(`<html><body><a href="/a">A</a><a href="https://other.example/b">B</a><base href="/x/"><a href="c">C</a></body></html>`))
	f.Add([]byte(`<a href="javascript:alert(1)">x</a><a href="#top">t</a><a href="mailto:a@b">m</a>`))
	f.Add([]byte("\x00<a href=\"http://[::1]/\">"))
	f.Fuzz(func(t *testing.T, body []byte) {
		items, err := pageItems(body, "https://www.example.org/press/")
		if err != nil {
			return
		}
		for _, it := range items {
			if !sameSite(it.Link, "https://www.example.org/press/") {
				t.Errorf("link %q leaves the site", it.Link)
			}
		}
	})
}

func FuzzFeedItems(f *testing.F) {
	f.Add([]byte(`<rss version="2.0"><channel><item><link>/a</link><pubDate>Mon, 04 Mar 2024 09:00:00 +0000</pubDate></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="b"/></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","url":"https://example.org/c"}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		items, err := feedItems(body, "https://www.example.org/feed")
		if err != nil {
			return
		}
		for _, it := range items {
			if it.Link == "" {
				t.Errorf("item without a link: %+v", it)
			}
		}
	})
}

func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("[[source]]\nname = \"a\"\nurl = \"https://example.org/feed\"\nkind = \"rss\"\ninterval = \"2h\"\n"))
	f.Add([]byte("[defaults]\ninterval = \"3d\"\n[[source]]\nname = \"b\"\nurl = \"https://example.org\"\ninclude = ['(']\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		srcs, err := ParseConfig(data)
		if err != nil {
			return
		}
		for _, s := range srcs {
			if s.Name == "" || s.Interval < MinInterval {
				t.Errorf("accepted a bad source: %+v", s)
			}
		}
	})
}
