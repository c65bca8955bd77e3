package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/readoutbot/readoutbot/knowledge"
)

func TestSplitText(t *testing.T) {
	tests := []struct {
		name string
		in   string
		max  int
	}{
		{"short", "hello world", 20},
		{"lines", strings.Repeat("line of text\n", 50), 40},
		{"words", strings.Repeat("word ", 300), 33},
		{"one long word", strings.Repeat("x", 250), 64},
		{"multibyte", strings.Repeat("日本と韓国の首脳会談 ", 40), 17},
		{"astral", strings.Repeat("🇯🇵🤝🇫🇷", 40), 9},
		{"empty", "", 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			chunks := splitText(tt.in, tt.max)
			for i, c := range chunks {
				if !utf8.ValidString(c) {
					t.Errorf("chunk %d is not valid UTF-8", i)
				}
				if l := textLen(c); l > tt.max || l == 0 {
					t.Errorf("chunk %d has length %d, want 1..%d", i, l, tt.max)
				}
			}
			if got, want := strings.Join(strings.Fields(strings.Join(chunks, "")), ""), strings.Join(strings.Fields(tt.in), ""); got != want {
				t.Errorf("splitting lost text:\n got %q\nwant %q", got, want)
			}
		})
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"exactly10!", 10, "exactly10!"},
		{"a bit too long", 10, "a bit too…"},
		{"日本語のテキスト", 4, "日本語…"},
		{"🤝🤝🤝", 4, "🤝…"},
	}
	for _, tt := range tests {
		if got := truncate(tt.in, tt.max); got != tt.want || textLen(got) > tt.max {
			t.Errorf("truncate(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

// A pathological answer: a huge text, many meetings with long positions and
// names, multi-byte text everywhere. It must be split, never rejected.
func TestOverLongAnswerSplitWithinLimits(t *testing.T) {
	long := strings.Repeat("The ministers discussed 貿易 and 🌊 maritime security at length. ", 200)
	var ms []knowledge.Meeting
	for i := range 30 {
		m := callMeeting
		m.ID = fmt.Sprintf("m%d", i)
		m.Title = strings.Repeat("Very long title ", 30)
		m.Positions = []knowledge.Position{{Speaker: strings.Repeat("Speaker ", 40), Topic: "trade", Text: long[:3000]}}
		ms = append(ms, m)
	}
	a := knowledge.Answer{Text: long, Meetings: ms}
	r := renderAnswer(strings.Repeat("q", 1000), "key", a)
	checkLimits(t, r)
	if len(r.Messages) < 2 {
		t.Errorf("a %d-character answer fits in %d message(s)", textLen(long), len(r.Messages))
	}
	var desc strings.Builder
	for _, m := range r.Messages {
		for _, e := range m.Embeds {
			desc.WriteString(e.Description)
		}
	}
	if got, want := strings.Join(strings.Fields(desc.String()), ""), strings.Join(strings.Fields(long), ""); got != want {
		t.Error("the answer's text was not kept whole across the split messages")
	}
	if r.Messages[0].Components == nil {
		t.Error("buttons must stay on the first message")
	}
	huge := textReply(strings.Repeat("word ", 20000))
	checkLimits(t, huge)
	if len(huge.Messages) != maxMessages || !strings.Contains(huge.Messages[maxMessages-1].Content, cutNote) {
		t.Errorf("a 100,000-character text: %d messages, want %d ending with the cut note", len(huge.Messages), maxMessages)
	}
	checkLimits(t, renderSources(knowledge.Answer{Meetings: ms}))
	checkLimits(t, renderMeeting(ms[0]))
	checkLimits(t, textReply(long))
}

func TestMeetingsPageFitsOneMessage(t *testing.T) {
	var ms []knowledge.Meeting
	for range pageSize {
		m := callMeeting
		m.Title = strings.Repeat("Long title ", 100)
		for range 20 {
			m.Participants = append(m.Participants, knowledge.Participant{Name: strings.Repeat("N", 90), Title: strings.Repeat("T", 90)})
		}
		ms = append(ms, m)
	}
	f := knowledge.Filter{Person: strings.Repeat("p", 100), Country: strings.Repeat("c", 100), Topic: "a|b%c"}
	r := renderMeetings(newMemo(4), f, knowledge.Page{Meetings: ms, Total: 40}, 5)
	checkLimits(t, r)
	if len(r.Messages) != 1 {
		t.Fatalf("a page is %d messages; it must be one to update in place", len(r.Messages))
	}
}

func TestCustomIDState(t *testing.T) {
	m := newMemo(4)
	tests := []struct {
		name string
		f    knowledge.Filter
	}{
		{"empty", knowledge.Filter{}},
		{"plain", knowledge.Filter{Person: "Fumio Kishida", From: "2024-01-01"}},
		{"separators", knowledge.Filter{Person: "a|b", Country: "100%", Topic: "%7C"}},
		{"too long inline", knowledge.Filter{Person: strings.Repeat("長", 40), Country: strings.Repeat("c", 60), Topic: "t"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			id := meetingsID(m, tt.f, 15)
			if len(id) > maxCustomID {
				t.Fatalf("custom_id has %d bytes", len(id))
			}
			f, off, err := parseMeetingsID(m, id)
			if err != nil || off != 15 || f != tt.f {
				t.Errorf("parse(%q) = %+v, %d, %v; want %+v, 15", id, f, off, err, tt.f)
			}
		})
	}
	if _, _, err := parseMeetingsID(newMemo(1), "mt:0:~abcdef"); !errors.Is(err, errExpired) {
		t.Errorf("lost memo entry: err = %v, want errExpired", err)
	}
	for _, bad := range []string{"mt:x:||||", "mt:-5:||||", "mt:0:a|b", "zz"} {
		if _, _, err := parseMeetingsID(m, bad); !errors.Is(err, errBadID) {
			t.Errorf("parse(%q): err = %v, want errBadID", bad, err)
		}
	}
}

func TestMemoEvicts(t *testing.T) {
	m := newMemo(2)
	a, b := m.put("a"), m.put("b")
	m.get(a)
	c := m.put("c")
	if _, ok := m.get(b); ok {
		t.Error("least recently used entry kept")
	}
	for _, k := range []string{a, c} {
		if _, ok := m.get(k); !ok {
			t.Errorf("entry %s lost", k)
		}
	}
}

// refusingEngine fails the test if the handler reaches it.
type refusingEngine struct {
	Engine
	tb testing.TB
}

func (e refusingEngine) Ask(context.Context, string) (knowledge.Answer, error) {
	e.tb.Error("the engine was asked a question the handler should have refused")
	return knowledge.Answer{}, nil
}

func TestAskRefusesHugeAndEmptyQuestions(t *testing.T) {
	h := &handlers{engine: refusingEngine{tb: t}, memo: newMemo(4)}
	tests := []struct {
		name     string
		question string
		want     error
	}{
		{"5000 characters", strings.Repeat("why ", 1250), knowledge.ErrQuestionTooLong},
		{"5000 multi-byte characters", strings.Repeat("日", 5000), knowledge.ErrQuestionTooLong},
		{"blank", "   ", knowledge.ErrEmptyQuestion},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := h.ask(t.Context(), Request{Command: "ask", Options: map[string]string{"question": tt.question}})
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			msg, expected := friendly(err)
			if !expected || textLen(msg) > 200 {
				t.Errorf("friendly(%v) = %q, %v; want a short expected message", err, msg, expected)
			}
		})
	}
}

func TestMentionsAreBroken(t *testing.T) {
	q := "@everyone what did <@123> and @here say?"
	r := renderAnswer(q, "k", knowledge.Answer{Text: "Nothing for @everyone.", Meetings: []knowledge.Meeting{callMeeting}})
	for _, m := range r.Messages {
		for _, e := range m.Embeds {
			for _, s := range []string{e.Title, e.Description} {
				if strings.Contains(s, "@everyone") || strings.Contains(s, "@here") || strings.Contains(s, "<@1") {
					t.Errorf("mention left intact in %q", s)
				}
			}
		}
	}
	if got := markdownUnescaper.Replace(clean(q)); got != q {
		t.Errorf("clean does not round-trip: %q", got)
	}
}

func TestFriendlyCoversSentinels(t *testing.T) {
	generic, _ := friendly(errors.New("boom"))
	for _, err := range []error{knowledge.ErrNotFound, knowledge.ErrNoAnswer, knowledge.ErrQuestionTooLong,
		knowledge.ErrEmptyQuestion, errExpired, errBadID} {
		msg, expected := friendly(fmt.Errorf("wrapped: %w", err))
		if msg == generic || !expected {
			t.Errorf("%v: got the generic message", err)
		}
	}
	if _, expected := friendly(errPanic); expected {
		t.Error("a panic must be logged as an error")
	}
}

func TestDeferDelay(t *testing.T) {
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	id := func(created time.Time) string {
		ms := created.UnixMilli() - 1420070400000 // Discord's epoch
		return strconv.FormatInt(ms<<22, 10)
	}
	after := 1500 * time.Millisecond
	tests := []struct {
		name string
		id   string
		want time.Duration
	}{
		{"fresh", id(now.Add(-100 * time.Millisecond)), after},
		{"late", id(now.Add(-1800 * time.Millisecond)), 200 * time.Millisecond},
		{"very late", id(now.Add(-2500 * time.Millisecond)), 0},
		{"older than the deadline", id(now.Add(-time.Hour)), after},
		{"from the future (clock behind)", id(now.Add(time.Second)), after},
		{"not a snowflake", "abc", after},
	}
	for _, tt := range tests {
		if got := deferDelay(after, tt.id, now); got != tt.want {
			t.Errorf("%s: deferDelay = %v, want %v", tt.name, got, tt.want)
		}
	}
}
