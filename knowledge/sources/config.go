package sources

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

// Kind says how a source lists its readouts.
type Kind string

// The kinds of source.
const (
	// KindFeed is an RSS, Atom or JSON feed ("rss" and "atom" in the file).
	KindFeed Kind = "feed"
	// KindPage is an HTML listing page whose links lead to readouts.
	KindPage Kind = "page"
)

// Limits on configured intervals, so a typo cannot hammer a ministry's site.
const (
	MinInterval     = time.Minute
	DefaultInterval = time.Hour
)

// Source is one configured feed or listing page.
type Source struct {
	// Name identifies the source in health reports and in the state file.
	Name string
	URL  string
	Kind Kind
	// Interval is how often it is polled.
	Interval time.Duration
	// Include, when not empty, keeps only items whose URL or title matches
	// one of these; Exclude drops items matching any.
	Include []*regexp.Regexp
	Exclude []*regexp.Regexp
	// StaleAfter, when set, flags the source when nothing new came for this
	// long; otherwise the source's usual gap between items decides.
	StaleAfter time.Duration
	// SourceName is the publisher's name put on its readouts (Readout.Source);
	// empty means Name.
	SourceName string
}

// Wants reports whether an item with this link and title passes the
// source's include and exclude patterns.
func (s Source) Wants(link, title string) bool {
	for _, re := range s.Exclude {
		if re.MatchString(link) || re.MatchString(title) {
			return false
		}
	}
	if len(s.Include) == 0 {
		return true
	}
	for _, re := range s.Include {
		if re.MatchString(link) || re.MatchString(title) {
			return true
		}
	}
	return false
}

// fileConfig is the TOML layout of sources.toml.
type fileConfig struct {
	Defaults struct {
		Interval   string `toml:"interval"`
		StaleAfter string `toml:"stale_after"`
	} `toml:"defaults"`
	Source []fileSource `toml:"source"`
}

type fileSource struct {
	Name       string   `toml:"name"`
	URL        string   `toml:"url"`
	Kind       string   `toml:"kind"`
	Interval   string   `toml:"interval"`
	Include    []string `toml:"include"`
	Exclude    []string `toml:"exclude"`
	StaleAfter string   `toml:"stale_after"`
	Publisher  string   `toml:"publisher"`
}

// LoadConfig reads a sources file (see data/sources.example.toml). A
// missing file is no sources, not an error.
func LoadConfig(path string) ([]Source, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read sources: %w", err)
	}
	srcs, err := ParseConfig(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return srcs, nil
}

// ParseConfig parses the TOML of a sources file. Every problem is
// reported, not only the first.
func ParseConfig(data []byte) ([]Source, error) {
	var fc fileConfig
	md, err := toml.Decode(string(data), &fc)
	if err != nil {
		return nil, fmt.Errorf("parse sources: %w", err)
	}
	var errs []error
	for _, k := range md.Undecoded() {
		errs = append(errs, fmt.Errorf("unknown setting %q", k.String()))
	}
	defInterval := DefaultInterval
	if fc.Defaults.Interval != "" {
		d, err := parseDuration(fc.Defaults.Interval)
		if err != nil {
			errs = append(errs, fmt.Errorf("defaults: interval: %w", err))
		} else {
			defInterval = d
		}
	}
	var defStale time.Duration
	if fc.Defaults.StaleAfter != "" {
		d, err := parseDuration(fc.Defaults.StaleAfter)
		if err != nil {
			errs = append(errs, fmt.Errorf("defaults: stale_after: %w", err))
		}
		defStale = d
	}
	seen := map[string]bool{}
	var out []Source
	for i, fs := range fc.Source {
		label := fmt.Sprintf("source %d", i+1)
		if fs.Name != "" {
			label = fmt.Sprintf("source %q", fs.Name)
		}
		s := Source{Name: strings.TrimSpace(fs.Name), URL: strings.TrimSpace(fs.URL), Interval: defInterval, StaleAfter: defStale, SourceName: fs.Publisher}
		var bad []error
		switch {
		case s.Name == "":
			bad = append(bad, errors.New("name is missing"))
		case seen[s.Name]:
			bad = append(bad, errors.New("name is used twice"))
		}
		seen[s.Name] = true
		if u, err := url.Parse(s.URL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			bad = append(bad, fmt.Errorf("url %q is not an http or https URL", s.URL))
		}
		switch strings.ToLower(strings.TrimSpace(fs.Kind)) {
		case "", "rss", "atom", "feed", "json":
			s.Kind = KindFeed
		case "page", "html", "listing":
			s.Kind = KindPage
		default:
			bad = append(bad, fmt.Errorf("kind %q is not rss, atom or page", fs.Kind))
		}
		if fs.Interval != "" {
			d, err := parseDuration(fs.Interval)
			if err != nil {
				bad = append(bad, fmt.Errorf("interval: %w", err))
			}
			s.Interval = d
		}
		if s.Interval < MinInterval {
			bad = append(bad, fmt.Errorf("interval %s is under the minimum %s", s.Interval, MinInterval))
		}
		if fs.StaleAfter != "" {
			d, err := parseDuration(fs.StaleAfter)
			if err != nil {
				bad = append(bad, fmt.Errorf("stale_after: %w", err))
			}
			s.StaleAfter = d
		}
		for _, p := range fs.Include {
			re, err := regexp.Compile(p)
			if err != nil {
				bad = append(bad, fmt.Errorf("include: %w", err))
				continue
			}
			s.Include = append(s.Include, re)
		}
		for _, p := range fs.Exclude {
			re, err := regexp.Compile(p)
			if err != nil {
				bad = append(bad, fmt.Errorf("exclude: %w", err))
				continue
			}
			s.Exclude = append(s.Exclude, re)
		}
		for _, e := range bad {
			errs = append(errs, fmt.Errorf("%s: %w", label, e))
		}
		if len(bad) == 0 {
			out = append(out, s)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// parseDuration reads Go durations ("90m", "2h") plus whole days ("3d").
func parseDuration(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n < 0 {
			return 0, fmt.Errorf("bad duration %q", s)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("bad duration %q", s)
	}
	return d, nil
}
