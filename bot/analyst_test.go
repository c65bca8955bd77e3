package bot

import (
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/readoutbot/readoutbot/bot/discordtest"
	"github.com/readoutbot/readoutbot/knowledge"
)

// The analyst tests use the readouts written for the knowledge package's
// linking tests (one call reported by Japan and Korea, one by the United
// States and Japan a day apart, a second Korea-Japan call a week later, a
// foreign ministers' meeting), rather than a second copy of them.
var linkedFixtures = filepath.Join("..", "knowledge", "testdata", "linked")

// clock is a settable clock for the index, the bot and the watcher.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// linkedIndex is a real index on disk, stamped by clk, holding the linked
// fixtures; it returns the meetings by file name (without .md).
func linkedIndex(tb testing.TB, clk *clock) (*knowledge.Index, map[string]knowledge.Meeting) {
	tb.Helper()
	ix, err := knowledge.Open(filepath.Join(tb.TempDir(), "index"), knowledge.Options{Now: clk.Now})
	if err != nil {
		tb.Fatalf("open index: %v", err)
	}
	tb.Cleanup(func() { ix.Close() })
	res := addFixtures(tb, ix, linkedFixtures)
	out := map[string]knowledge.Meeting{}
	for _, r := range res {
		out[strings.TrimSuffix(r.Name, ".md")] = r.Meeting
	}
	return ix, out
}

// startAnalyst runs a bot with the analyst commands against a fake Discord.
func startAnalyst(tb testing.TB, ix *knowledge.Index, clk *clock, watches *WatchStore) *harness {
	tb.Helper()
	return startBotWith(tb, ix, func(o *Options) { o.Now = clk.Now }, func(b *Bot) {
		b.AddAnalyst(Analyst{History: ix, Watches: watches, Suggest: ix})
	})
}

func newClock() *clock { return &clock{now: time.Date(2025, 4, 3, 9, 0, 0, 0, time.UTC)} }

func TestMeetingShowsBothSides(t *testing.T) {
	t.Parallel()
	clk := newClock()
	ix, ms := linkedIndex(t, clk)
	h := startAnalyst(t, ix, clk, nil)
	jp, kr := ms["jp-2025-03-04-ito-park-call"], ms["kr-2025-03-04-park-ito-call"]

	rep := h.srv.Interact(t, discordtest.Command("meeting", discordtest.Opt("id", jp.ID))).WaitFinal(t, wait)
	got := text(rep.Messages()...)
	for _, want := range []string{
		"Both sides' accounts",
		"Ministry of Foreign Affairs of Japan",
		"Office of the President of the Republic of Korea",
		"/meeting id:" + kr.ID,
		// Each side's own statement on the shared topic.
		"repeated ballistic missile launches",
		"threaten peace on the Korean Peninsula",
		// A topic one side alone raised, said to be so.
		"only Ministry of Foreign Affairs of Japan reported this",
		"only Office of the President of the Republic of Korea reported this",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("/meeting lacks %q:\n%s", want, got)
		}
	}
	for _, line := range strings.Split(got, "\n") {
		if strings.Contains(line, "only") && strings.Contains(line, "reported this") && strings.Contains(strings.ToLower(line), "north korea") {
			t.Errorf("North Korea, which both readouts cover, is called one-sided: %q", line)
		}
	}

	// The call a week later has one readout: a plain card.
	rep = h.srv.Interact(t, discordtest.Command("meeting", discordtest.Opt("id", ms["kr-2025-03-11-park-ito-call"].ID))).WaitFinal(t, wait)
	if got := text(rep.Messages()...); strings.Contains(got, "Both sides' accounts") || strings.Contains(got, jp.ID) {
		t.Errorf("the call a week later was linked:\n%s", got)
	}
}

func TestMetHistory(t *testing.T) {
	t.Parallel()
	clk := newClock()
	ix, ms := linkedIndex(t, clk)
	h := startAnalyst(t, ix, clk, nil)

	rep := h.srv.Interact(t, discordtest.Command("met", discordtest.Opt("a", "Japan"), discordtest.Opt("b", "Republic of Korea"))).WaitFinal(t, wait)
	if rep.Ephemeral() {
		t.Error("/met should answer in public")
	}
	got := text(rep.Messages()...)
	for _, want := range []string{
		"3 meetings or calls", "1 in person", "2 by phone or video",
		"Last: 11 Mar 2025, by telephone (leaders)",
		"leaders 2", "ministers 1",
		"Most discussed: North Korea (3)",
		// The call both sides reported is one meeting, with both readouts.
		"readouts: ",
		"/meeting id:" + ms["jp-2025-02-10-sato-cho-meeting"].ID,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("/met lacks %q:\n%s", want, got)
		}
	}
	if n := strings.Count(got, "/meeting id:"); n != 3 {
		t.Errorf("/met lists %d meetings, want 3:\n%s", n, got)
	}

	rep = h.srv.Interact(t, discordtest.Command("met", discordtest.Opt("a", "Ito"), discordtest.Opt("b", "Park"), discordtest.Opt("since", "2025-03-05"))).WaitFinal(t, wait)
	if got := text(rep.Messages()...); !strings.Contains(got, "1 call since 5 Mar 2025") {
		t.Errorf("/met since:\n%s", got)
	}

	rep = h.srv.Interact(t, discordtest.Command("met", discordtest.Opt("a", "Ito"), discordtest.Opt("b", "Nobody Known"))).WaitFinal(t, wait)
	if !rep.Ephemeral() || !strings.Contains(text(rep.Messages()...), "nothing") {
		t.Errorf("strangers: want a short private message, got %q", text(rep.Messages()...))
	}
	rep = h.srv.Interact(t, discordtest.Command("met", discordtest.Opt("a", "Ito"), discordtest.Opt("b", "Park"), discordtest.Opt("since", "March"))).WaitFinal(t, wait)
	if !rep.Ephemeral() || !strings.Contains(text(rep.Messages()...), "since") {
		t.Errorf("bad date: got %q", text(rep.Messages()...))
	}

	ac := h.srv.Interact(t, discordtest.Autocomplete("met", discordtest.Focus("a", "Jap"), discordtest.Opt("b", ""))).Wait(t, wait)
	found := false
	for _, c := range ac.Callback.Choices {
		found = found || c.Name == "Japan"
	}
	if !found {
		t.Errorf("autocomplete of a country for /met: %+v", ac.Callback.Choices)
	}
}

func TestRenderComparisonGolden(t *testing.T) {
	// Invented readouts, so the golden file follows the rendering and not
	// the extractor.
	lane := knowledge.Participant{Name: "Thomas Lane", Title: "President", Affiliation: "United States"}
	ito := knowledge.Participant{Name: "Kenji Ito", Title: "Prime Minister", Affiliation: "Japan"}
	us := knowledge.Meeting{
		ID: "us-call", Title: "Readout of President Lane's Call with Prime Minister Ito", Date: "2025-04-01", Kind: knowledge.KindTelephone,
		Participants: []knowledge.Participant{lane, ito}, Topics: []string{"trade", "Taiwan"},
		Positions: []knowledge.Position{
			{Speaker: knowledge.BothSides, Topic: "trade", Text: "The two leaders discussed trade and *tariffs* on steel."},
			{Speaker: "Thomas Lane", Topic: "Taiwan", Text: "On Taiwan, President Lane underscored peace across the Taiwan Strait."},
		},
		Source: "The White House", SourceURL: "https://wh.example/readouts/lane-ito", Published: "2025-04-01",
	}
	jp := knowledge.Meeting{
		ID: "jp-call", Title: "Japan-U.S. Summit Telephone Call", Date: "2025-04-02", Kind: knowledge.KindTelephone,
		Participants: []knowledge.Participant{ito, lane}, Topics: []string{"trade", "abductions issue"},
		Positions: []knowledge.Position{
			{Speaker: "Kenji Ito", Topic: "trade", Text: "1. Regarding trade, Prime Minister Ito expressed concern over the tariffs on steel."},
			{Speaker: "Kenji Ito", Topic: "abductions issue", Text: "2. Prime Minister Ito asked for support on the abductions issue."},
		},
		Text:   "Prime Minister Ito held a call with President Lane. The leaders also touched on the Taiwan Strait.",
		Source: "Ministry of Foreign Affairs of Japan", SourceURL: "https://mofa.example/jp-us-call", Published: "2025-04-02",
	}
	golden(t, "meeting_both_sides", comparisonEmbed(knowledge.Compare([]knowledge.Meeting{us, jp})))
	dup := jp
	dup.ID, dup.SourceURL = "jp-call-copy", "https://mofa.example/jp-us-call-copy"
	e := comparisonEmbed(knowledge.Compare([]knowledge.Meeting{jp, dup}))
	if !strings.HasPrefix(e.Description, "2 readouts describe this meeting") {
		t.Errorf("two copies from one publisher: %q", e.Description)
	}
}

func TestPositionsMarkNewWording(t *testing.T) {
	t.Parallel()
	clk := newClock()
	ix, _ := linkedIndex(t, clk)
	h := startAnalyst(t, ix, clk, nil)
	rep := h.srv.Interact(t, discordtest.Command("positions", discordtest.Opt("speaker", "Ito"), discordtest.Opt("topic", "North Korea"))).WaitFinal(t, wait)
	got := text(rep.Messages()...)
	if !strings.Contains(got, "new wording: “complete denuclearization”") {
		t.Errorf("/positions does not mark the first use of “complete denuclearization”:\n%s", got)
	}
	for _, line := range strings.Split(got, "\n") {
		if strings.HasPrefix(line, "🆕") && (strings.Contains(line, "serious concern") || strings.Contains(line, "korea prime")) {
			t.Errorf("wording said before, or across a comma, marked new: %q", line)
		}
	}
}
