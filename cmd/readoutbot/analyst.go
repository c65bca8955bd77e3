package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/readoutbot/readoutbot/bot"
	"github.com/readoutbot/readoutbot/knowledge"
)

// parseInterleaved parses flags that may come before, between or after
// the positional arguments ("met Japan Korea --since 2024"), returning the
// positionals.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parse(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// cmdMet prints how often two people or countries met or spoke.
func cmdMet(ctx context.Context, app *App, args []string) error {
	fs := app.flags("met", "[--index DIR] [--since YYYY-MM-DD] A B   (A and B: people or countries)")
	since := fs.String("since", "", "only meetings on or after this date (YYYY-MM-DD, YYYY-MM or YYYY)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 2 {
		fs.Usage()
		return errUsage
	}
	if s := *since; s != "" && !validDate(s) && !validDate(s+"-01") && !validDate(s+"-01-01") {
		return &exitError{code: 2, err: fmt.Errorf("--since %q is not a date: use YYYY-MM-DD, YYYY-MM or YYYY", s)}
	}
	ix, err := app.OpenIndex(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	h, err := ix.History(ctx, knowledge.HistoryQuery{A: pos[0], B: pos[1], Since: *since})
	if errors.Is(err, knowledge.ErrNotFound) {
		fmt.Fprintf(app.Stdout, "No readout records %s and %s meeting or speaking.\n", pos[0], pos[1])
		return &exitError{code: 1}
	}
	if err != nil {
		return err
	}
	writeHistory(app.Stdout, h)
	return nil
}

// writeHistory prints a history for people: the summary, then every
// meeting newest first with its readouts.
func writeHistory(w io.Writer, h knowledge.History) {
	fmt.Fprintf(w, "%s and %s\n", h.Query.A, h.Query.B)
	for _, l := range bot.HistorySummary(h) {
		fmt.Fprintln(w, "  "+l)
	}
	fmt.Fprintln(w)
	for _, e := range h.Encounters {
		m := e.Meeting()
		var pubs []string
		for _, r := range e.Readouts {
			pubs = append(pubs, knowledge.Publisher(r))
		}
		kind := string(m.Kind)
		if kind == "" {
			kind = "-"
		}
		level := string(e.Level)
		if level == "" {
			level = "-"
		}
		fmt.Fprintf(w, "%-10s  %-9s  %-9s  %s  %s\n", orDash(m.Date), kind, level, m.ID, m.Title)
		if loc := e.Location(); loc != "" {
			fmt.Fprintf(w, "            in %s\n", loc)
		}
		fmt.Fprintf(w, "            readouts: %s\n", strings.Join(pubs, "; "))
	}
}

// cmdPositions prints what a speaker said on a topic over time, marking
// wording used for the first time.
func cmdPositions(ctx context.Context, app *App, args []string) error {
	fs := app.flags("positions", "[--index DIR] --speaker NAME [--topic TOPIC]")
	speaker := fs.String("speaker", "", "who said it (a participant's name)")
	topic := fs.String("topic", "", "on what; all topics when empty")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if *speaker == "" && len(pos) > 0 {
		*speaker = strings.Join(pos, " ")
	}
	if strings.TrimSpace(*speaker) == "" {
		fs.Usage()
		return errUsage
	}
	ix, err := app.OpenIndex(ctx)
	if err != nil {
		return err
	}
	defer ix.Close()
	entries, err := ix.Positions(ctx, *speaker, *topic)
	if err != nil && !errors.Is(err, knowledge.ErrNotFound) {
		return err
	}
	if len(entries) == 0 {
		fmt.Fprintf(app.Stdout, "No readout records %s saying anything on %s.\n", *speaker, orAll(*topic))
		return &exitError{code: 1}
	}
	writePositions(app.Stdout, *speaker, *topic, entries)
	return nil
}

func orAll(topic string) string {
	if topic == "" {
		return "any topic"
	}
	return topic
}

// writePositions prints a timeline, oldest first. The first statement's
// wording is all new, so only later ones list what changed.
func writePositions(w io.Writer, speaker, topic string, entries []knowledge.Entry) {
	title := speaker
	if topic != "" {
		title += " on " + topic
	}
	fmt.Fprintf(w, "%s: %d statements, oldest first\n\n", title, len(entries))
	for i, e := range entries {
		src := knowledge.Publisher(knowledge.Meeting{SourceURL: e.SourceURL})
		fmt.Fprintf(w, "%s  %s  %s\n", orDash(e.Date), e.MeetingID, strings.TrimSpace(e.Title+"  "+src))
		if topic == "" && e.Topic != "" {
			fmt.Fprintf(w, "  on %s\n", e.Topic)
		}
		fmt.Fprintf(w, "  %s\n", e.Text)
		if i > 0 {
			if fresh := freshWording(e.New, 4); len(fresh) > 0 {
				fmt.Fprintf(w, "  new wording: “%s”\n", strings.Join(fresh, "”, “"))
			}
		}
		fmt.Fprintln(w)
	}
}

// freshWording keeps the longest of overlapping new phrases, at most n.
func freshWording(phrases []string, n int) []string {
	var out []string
	for _, p := range phrases {
		inside := false
		for _, q := range phrases {
			inside = inside || q != p && strings.Contains(" "+q+" ", " "+p+" ")
		}
		if !inside && len(out) < n {
			out = append(out, p)
		}
	}
	return out
}

// writeSides prints, after a meeting's card, each other side's readout of
// the meeting and every side's account of each topic, saying which topics
// only one side reported. Nothing is printed when only one side published.
func writeSides(ctx context.Context, w io.Writer, ix *knowledge.Index, m knowledge.Meeting) error {
	others, err := ix.Related(ctx, m.ID)
	if err != nil {
		return fmt.Errorf("finding other readouts of the meeting: %w", err)
	}
	if len(others) == 0 {
		return nil
	}
	c := knowledge.Compare(append([]knowledge.Meeting{m}, others...))
	fmt.Fprintf(w, "\nBoth sides' readouts of this meeting (%d):\n", len(c.Sides))
	for i, s := range c.Sides {
		note := "this readout"
		if i > 0 {
			note = "id " + s.Meeting.ID
		}
		fmt.Fprintf(w, "  [%d] %s (%s, dated %s)  %s\n", i+1, orDash(s.Publisher), note, orDash(s.Meeting.Date), s.Meeting.SourceURL)
	}
	topic := func(heading string, t knowledge.TopicAccounts) {
		fmt.Fprintf(w, "\n  %s\n", heading)
		for _, a := range t.Accounts {
			switch {
			case len(a.Positions) > 0:
				for _, p := range a.Positions {
					fmt.Fprintf(w, "    [%d] %s: %s\n", a.Side+1, p.Speaker, p.Text)
				}
			case a.Mention != "":
				fmt.Fprintf(w, "    [%d] (in passing) %s\n", a.Side+1, a.Mention)
			default:
				fmt.Fprintf(w, "    [%d] (named as a topic, no statement)\n", a.Side+1)
			}
		}
	}
	for _, t := range c.Shared() {
		topic(t.Topic+" — all sides reported", t)
	}
	for i := range c.Sides {
		for _, t := range c.OnlyBy(i) {
			topic(fmt.Sprintf("%s — only [%d] %s reported this", t.Topic, i+1, orDash(c.Sides[i].Publisher)), t)
		}
	}
	return nil
}
