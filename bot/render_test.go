package bot

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
	"github.com/readoutbot/readoutbot/knowledge"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/golden")

// golden compares v, as indented JSON, with testdata/golden/name.json.
func golden(tb testing.TB, name string, v any) {
	tb.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join("testdata", "golden", name+".json")
	if *update {
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			tb.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test ./bot -update to create it)", err)
	}
	if !bytes.Equal(want, buf.Bytes()) {
		tb.Errorf("%s differs from the golden file (run with -update if the change is intended):\ngot:\n%s", path, buf.String())
	}
}

// Invented meetings for rendering tests.
var (
	callMeeting = knowledge.Meeting{
		ID:    "m-call",
		Title: "Foreign Minister Aster's call with Minister Borealis",
		Date:  "2025-03-04", Time: "09:30", DurationMinutes: 40,
		Kind: knowledge.KindTelephone,
		Participants: []knowledge.Participant{
			{Name: "Lena Aster", Title: "Foreign Minister", Affiliation: "Norland"},
			{Name: "Tomas Borealis", Title: "Minister of Trade", Affiliation: "Sudmark"},
		},
		Topics: []string{"trade", "fisheries"},
		Positions: []knowledge.Position{
			{Speaker: "Lena Aster", Topic: "trade", Text: "Minister Aster urged a swift end to the tariff dispute_on *salmon*."},
			{Speaker: "Tomas Borealis", Topic: "fisheries", Text: "Minister Borealis said quotas must follow the science."},
			{Speaker: knowledge.BothSides, Topic: "trade", Text: "Both sides agreed to meet again in May."},
		},
		Source: "Norland Foreign Ministry", SourceURL: "https://mfa.norland.example/readouts/aster-borealis-call",
		Published: "2025-03-05",
	}
	visitMeeting = knowledge.Meeting{
		ID:    "m-visit",
		Title: "Prime Minister Calder meets the Secretary-General",
		Date:  "2025-01-20", Location: "Vell City", Kind: knowledge.KindInPerson,
		Participants: []knowledge.Participant{
			{Name: "Ines Calder", Title: "Prime Minister", Affiliation: "Norland"},
			{Title: "Secretary-General", Affiliation: "Union of Seas"},
		},
		Topics:    []string{"climate"},
		Positions: []knowledge.Position{{Speaker: "Ines Calder", Topic: "climate", Text: "Prime Minister Calder pledged new funding for coastal defences."}},
		Source:    "Office of the Prime Minister", SourceURL: "https://pm.norland.example/news/calder-sg",
	}
	bareMeeting = knowledge.Meeting{ID: "m-bare", Title: "Readout of a meeting", SourceURL: "not a url"}
)

func TestRenderGolden(t *testing.T) {
	answer := knowledge.Answer{
		Text:     "Lena Aster spoke with Tomas Borealis by telephone on 4 March 2025 about trade and fisheries.",
		Meetings: []knowledge.Meeting{callMeeting, visitMeeting, bareMeeting, callMeeting, visitMeeting},
		Quotes: []knowledge.Quote{
			{MeetingID: "m-call", Speaker: "Lena Aster", Text: callMeeting.Positions[0].Text, SourceURL: callMeeting.SourceURL},
		},
	}
	memo := newMemo(8)
	tests := []struct {
		name  string
		reply Reply
	}{
		{"ask", renderAnswer("When did Aster and Borealis speak?", "k1", answer)},
		{"ask_one_meeting", renderAnswer("What did Calder pledge?", "k2", knowledge.Answer{Text: "Funding for coastal defences.", Meetings: []knowledge.Meeting{visitMeeting}})},
		{"sources", renderSources(answer)},
		{"more", renderMore("When did Aster and Borealis speak?", "k1", answer, answerShown)},
		{"more_none", renderMore("q", "k1", answer, 99)},
		{"meeting", renderMeeting(callMeeting)},
		{"meeting_bare", renderMeeting(bareMeeting)},
		{"meetings_first_page", renderMeetings(memo, knowledge.Filter{Country: "Norland", From: "2025-01-01"},
			knowledge.Page{Meetings: []knowledge.Meeting{callMeeting, visitMeeting}, Total: 12}, 0)},
		{"meetings_last_page", renderMeetings(memo, knowledge.Filter{},
			knowledge.Page{Meetings: []knowledge.Meeting{visitMeeting}, Total: 6}, 5)},
		{"positions", renderPositions("Lena Aster", "trade", []knowledge.Entry{
			{MeetingID: "m-old", Date: "2024-11-02", Title: "Aster meets Borealis", Speaker: "Lena Aster", Topic: "trade",
				Text: "1. Minister Aster called for open markets.", SourceURL: "https://mfa.norland.example/a", New: []string{"open markets"}},
			{MeetingID: "m-call", Date: "2025-03-04", Title: callMeeting.Title, Speaker: "Lena Aster", Topic: "trade",
				Text: "Minister Aster urged a swift end to the tariff dispute.", SourceURL: callMeeting.SourceURL, New: []string{"tariff dispute", "swift end"}},
		})},
		{"help", renderHelp(knowledge.Stats{Meetings: 33, First: "2023-06-01", Last: "2025-03-04"}, nil)},
		{"help_empty", renderHelp(knowledge.Stats{}, nil)},
		{"help_with_added_command", renderHelp(knowledge.Stats{Meetings: 1, First: "2024-01-01", Last: "2024-01-01"},
			[]*discordgo.ApplicationCommand{{Name: "digest", Description: "Daily digest of new readouts in a channel", DefaultMemberPermissions: &manageServer}})},
		{"error", renderError(mustFriendly(knowledge.ErrNoAnswer))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkLimits(t, tt.reply)
			golden(t, tt.name, tt.reply)
		})
	}
	t.Run("choices", func(t *testing.T) {
		choices := renderChoices([]knowledge.Suggestion{
			{Value: "m-call", Label: "2025-03-04 · Aster call with Borealis"},
			{Value: "Lena Aster"},
			{Value: strings.Repeat("x", 101), Label: "too long a value is left out"},
		})
		golden(t, "choices", choices)
	})
}

var manageServer int64 = discordgo.PermissionManageGuild

func mustFriendly(err error) string {
	msg, _ := friendly(err)
	return msg
}

// checkLimits fails the test when any message of r breaks a Discord limit.
func checkLimits(tb testing.TB, r Reply) {
	tb.Helper()
	if len(r.Messages) == 0 {
		tb.Fatal("reply has no messages")
	}
	for n, m := range r.Messages {
		if m.Content == "" && len(m.Embeds) == 0 {
			tb.Errorf("message %d is empty", n)
		}
		if l := textLen(m.Content); l > maxContent {
			tb.Errorf("message %d: content %d > %d", n, l, maxContent)
		}
		if len(m.Embeds) > maxEmbeds {
			tb.Errorf("message %d: %d embeds", n, len(m.Embeds))
		}
		total := 0
		for k, e := range m.Embeds {
			total += embedSize(e)
			checkEmbed(tb, n, k, e)
		}
		if total > maxEmbedTotal {
			tb.Errorf("message %d: embeds total %d > %d", n, total, maxEmbedTotal)
		}
		checkComponents(tb, m.Components)
	}
}

func checkEmbed(tb testing.TB, n, k int, e *discordgo.MessageEmbed) {
	tb.Helper()
	if e.Title == "" && e.Description == "" && len(e.Fields) == 0 {
		tb.Errorf("message %d embed %d is empty", n, k)
	}
	if l := textLen(e.Title); l > maxEmbedTitle {
		tb.Errorf("message %d embed %d: title %d", n, k, l)
	}
	if l := textLen(e.Description); l > maxEmbedDesc {
		tb.Errorf("message %d embed %d: description %d", n, k, l)
	}
	if len(e.Fields) > maxEmbedFields {
		tb.Errorf("message %d embed %d: %d fields", n, k, len(e.Fields))
	}
	for _, f := range e.Fields {
		if f.Name == "" || f.Value == "" {
			tb.Errorf("message %d embed %d: empty field name or value", n, k)
		}
		if textLen(f.Name) > maxFieldName || textLen(f.Value) > maxFieldValue {
			tb.Errorf("message %d embed %d: field %d/%d", n, k, textLen(f.Name), textLen(f.Value))
		}
	}
	if e.Footer != nil && textLen(e.Footer.Text) > maxFooter {
		tb.Errorf("message %d embed %d: footer %d", n, k, textLen(e.Footer.Text))
	}
}

func checkComponents(tb testing.TB, comps []discordgo.MessageComponent) {
	tb.Helper()
	if len(comps) > 5 {
		tb.Errorf("%d action rows", len(comps))
	}
	for _, c := range comps {
		row, ok := c.(discordgo.ActionsRow)
		if !ok {
			tb.Errorf("top-level component %T is not an action row", c)
			continue
		}
		if len(row.Components) > 5 {
			tb.Errorf("%d buttons in a row", len(row.Components))
		}
		ids := map[string]bool{}
		for _, b := range row.Components {
			btn, ok := b.(discordgo.Button)
			if !ok {
				continue
			}
			if l := len(btn.CustomID); l == 0 || l > maxCustomID {
				tb.Errorf("custom_id %q has %d bytes", btn.CustomID, l)
			}
			if ids[btn.CustomID] {
				tb.Errorf("duplicate custom_id %q", btn.CustomID)
			}
			ids[btn.CustomID] = true
		}
	}
}
