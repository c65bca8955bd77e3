package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/readoutbot/readoutbot/knowledge"
)

func cmdExtract(ctx context.Context, app *App, args []string) error {
	fs := app.flags("extract", "[--json] FILE...")
	asJSON := fs.Bool("json", false, "print one JSON object per file, one per line")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	failed := 0
	enc := json.NewEncoder(app.Stdout)
	enc.SetEscapeHTML(false)
	for _, path := range fs.Args() {
		r, err := knowledge.ReadFile(path)
		var m knowledge.Meeting
		if err == nil {
			m, err = knowledge.Extract(r)
		}
		if err != nil {
			failed++
			fmt.Fprintln(app.Stderr, withName(path, err))
			continue
		}
		m.Text, m.Hash = "", ""
		if *asJSON {
			if err := enc.Encode(m); err != nil {
				return err
			}
			continue
		}
		writeMeeting(app.Stdout, m)
		fmt.Fprintln(app.Stdout)
	}
	if failed > 0 {
		return &exitError{code: 2, err: fmt.Errorf("%d of %d files could not be read as readouts", failed, fs.NArg())}
	}
	return nil
}

func cmdIngest(ctx context.Context, app *App, args []string) error {
	fs := app.flags("ingest", "[--index DIR] PATH...")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	var urls, paths []string
	for _, a := range fs.Args() {
		if strings.HasPrefix(a, "http://") || strings.HasPrefix(a, "https://") {
			urls = append(urls, a)
		} else {
			paths = append(paths, a)
		}
	}
	ix, err := knowledge.Open(app.IndexDir, knowledge.Options{Logger: app.Logger, Now: app.Now})
	if err != nil {
		return fmt.Errorf("opening index %s: %w", app.IndexDir, err)
	}
	defer ix.Close()
	indexed, skipped := 0, 0
	if len(paths) > 0 {
		indexed, skipped, err = app.ingestPaths(ctx, ix, paths, false)
		if err != nil {
			return err
		}
	}
	for _, u := range urls {
		m, err := ingestURL(ctx, app, ix, u)
		if err != nil {
			skipped++
			fmt.Fprintf(app.Stderr, "%s (skipped)\n", withName(u, err))
			continue
		}
		indexed++
		fmt.Fprintf(app.Stdout, "%s  %s\n", m.ID, m.Title)
	}
	fmt.Fprintf(app.Stdout, "Indexed %d readouts, skipped %d.\n", indexed, skipped)
	if skipped > 0 {
		return &exitError{code: 2}
	}
	return nil
}

func cmdReindex(ctx context.Context, app *App, args []string) error {
	fs := app.flags("reindex", "[--index DIR]")
	if err := parse(fs, args); err != nil {
		return err
	}
	ix, err := app.OpenIndex(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	n, err := ix.Reindex(ctx)
	if err != nil {
		return fmt.Errorf("reindexing: %w", err)
	}
	fmt.Fprintf(app.Stdout, "Reindexed %d readouts.\n", n)
	return nil
}

func cmdAsk(ctx context.Context, app *App, args []string) error {
	fs := app.flags("ask", `[--index DIR] "QUESTION"`)
	if err := parse(fs, args); err != nil {
		return err
	}
	q := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if q == "" {
		fs.Usage()
		return errUsage
	}
	if utf8.RuneCountInString(q) > knowledge.MaxQuestionLen {
		return fmt.Errorf("the question is %d characters long; ask in at most %d", utf8.RuneCountInString(q), knowledge.MaxQuestionLen)
	}
	ix, err := app.OpenIndex(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	ans, err := ix.Ask(ctx, q)
	if errors.Is(err, knowledge.ErrNoAnswer) {
		fmt.Fprintln(app.Stdout, "No readout in the index answers that question.")
		return &exitError{code: 1}
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(app.Stdout, strings.TrimSpace(ans.Text))
	return nil
}

func cmdMeetings(ctx context.Context, app *App, args []string) error {
	fs := app.flags("meetings", "[--person P] [--country C] [--topic T] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N]")
	var f knowledge.Filter
	fs.StringVar(&f.Person, "person", "", "a participant's name")
	fs.StringVar(&f.Country, "country", "", "a participant's country or organisation")
	fs.StringVar(&f.Topic, "topic", "", "a topic")
	fs.StringVar(&f.From, "from", "", "earliest meeting date, YYYY-MM-DD")
	fs.StringVar(&f.To, "to", "", "latest meeting date, YYYY-MM-DD")
	fs.IntVar(&f.Limit, "limit", 50, "at most `N` meetings")
	if err := parse(fs, args); err != nil {
		return err
	}
	for _, d := range []string{f.From, f.To} {
		if d != "" && !validDate(d) {
			return fmt.Errorf("%q is not a date: use YYYY-MM-DD", d)
		}
	}
	ix, err := app.OpenIndex(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	page, err := ix.Meetings(ctx, f)
	if err != nil {
		return err
	}
	if len(page.Meetings) == 0 {
		fmt.Fprintln(app.Stdout, "No meetings match.")
		return &exitError{code: 1}
	}
	for _, m := range page.Meetings {
		fmt.Fprintf(app.Stdout, "%s  %-10s  %s\n", m.ID, orDash(m.Date), meetingLine(m))
	}
	if page.Total > len(page.Meetings) {
		fmt.Fprintf(app.Stdout, "(%d of %d meetings; use --limit for more)\n", len(page.Meetings), page.Total)
	}
	return nil
}

func cmdShow(ctx context.Context, app *App, args []string) error {
	fs := app.flags("show", "[--index DIR] [--json] ID")
	asJSON := fs.Bool("json", false, "print the meeting as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return errUsage
	}
	ix, err := app.OpenIndex(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	m, err := ix.Meeting(ctx, fs.Arg(0))
	if errors.Is(err, knowledge.ErrNotFound) {
		return &exitError{code: 1, err: fmt.Errorf("no meeting has id %q", fs.Arg(0))}
	}
	if err != nil {
		return err
	}
	if *asJSON {
		m.Text = ""
		enc := json.NewEncoder(app.Stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(m)
	}
	writeMeeting(app.Stdout, m)
	return writeSides(ctx, app.Stdout, ix, m)
}

func validDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// meetingLine is a one-line summary: title, then who took part.
func meetingLine(m knowledge.Meeting) string {
	names := make([]string, 0, len(m.Participants))
	for _, p := range m.Participants {
		names = append(names, p.Label())
	}
	line := m.Title
	if len(names) > 0 {
		line += " — " + strings.Join(names, ", ")
	}
	return line
}

// writeMeeting prints a meeting card for people.
func writeMeeting(w io.Writer, m knowledge.Meeting) {
	fmt.Fprintln(w, m.Title)
	if m.ID != "" {
		fmt.Fprintf(w, "  id:        %s\n", m.ID)
	}
	when := orDash(m.Date)
	if m.Time != "" {
		when += " " + m.Time
	}
	if m.DurationMinutes > 0 {
		when += fmt.Sprintf(" (%d min)", m.DurationMinutes)
	}
	fmt.Fprintf(w, "  when:      %s\n", when)
	fmt.Fprintf(w, "  where:     %s\n", orDash(m.Location))
	fmt.Fprintf(w, "  kind:      %s\n", m.Kind)
	for i, p := range m.Participants {
		label := "  who:       "
		if i > 0 {
			label = "             "
		}
		desc := p.Label()
		var extra []string
		if p.Name != "" && p.Title != "" {
			extra = append(extra, p.Title)
		}
		if p.Affiliation != "" {
			extra = append(extra, p.Affiliation)
		}
		if len(extra) > 0 {
			desc += " (" + strings.Join(extra, ", ") + ")"
		}
		fmt.Fprintln(w, label+desc)
	}
	if len(m.Topics) > 0 {
		fmt.Fprintf(w, "  topics:    %s\n", strings.Join(m.Topics, "; "))
	}
	for _, p := range m.Positions {
		fmt.Fprintf(w, "  - %s on %s: %s\n", p.Speaker, orDash(p.Topic), p.Text)
	}
	src := m.Source
	if m.SourceURL != "" {
		src = strings.TrimSpace(src + " " + m.SourceURL)
	}
	if src != "" {
		fmt.Fprintf(w, "  source:    %s\n", src)
	}
	if m.Published != "" {
		fmt.Fprintf(w, "  published: %s\n", m.Published)
	}
}
