package bot

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"
	"github.com/readoutbot/readoutbot/knowledge"
)

// FuzzSplitText checks that any text splits into valid, non-empty chunks
// within the limit that together keep every non-space character.
func FuzzSplitText(f *testing.F) {
	for _, s := range []string{"", "a b c", strings.Repeat("word ", 50), "日本語\n\nテキスト", "🇯🇵🤝🇫🇷", "\xff\xfe bad", strings.Repeat("x", 300)} {
		f.Add(s, 7)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		if max < 2 || max > 5000 || !utf8.ValidString(s) {
			t.Skip()
		}
		chunks := splitText(s, max)
		for _, c := range chunks {
			if c == "" || textLen(c) > max || !utf8.ValidString(c) {
				t.Fatalf("bad chunk %q (len %d, max %d)", c, textLen(c), max)
			}
		}
		if got, want := strings.Join(strings.Fields(strings.Join(chunks, "")), ""), strings.Join(strings.Fields(s), ""); got != want {
			t.Fatalf("lost text: got %q want %q", got, want)
		}
	})
}

// FuzzRenderWithinLimits renders arbitrary readout text in every reply
// type and checks Discord's limits hold.
func FuzzRenderWithinLimits(f *testing.F) {
	f.Add("Minister Aster urged a swift end.", "Lena Aster", 3, 200)
	f.Add("@everyone <@123> **bold** [x](http://y)", "", 30, 5000)
	f.Add(strings.Repeat("長い文 ", 900), strings.Repeat("N", 300), 40, 1500)
	f.Fuzz(func(t *testing.T, text, name string, n, repeat int) {
		if n < 0 || n > 60 || repeat < 0 || repeat > 8000 {
			t.Skip()
		}
		long := strings.Repeat(text+" ", min(repeat, 8000/(len(text)+1)+1))
		m := knowledge.Meeting{ID: "m", Title: long, Date: "2024-01-01", Location: text,
			Participants: []knowledge.Participant{{Name: name, Title: text, Affiliation: text}},
			Topics:       []string{text, long}, Positions: []knowledge.Position{{Speaker: name, Topic: text, Text: long}},
			SourceURL: "https://example.org/" + text}
		ms := make([]knowledge.Meeting, n)
		for i := range ms {
			ms[i] = m
		}
		a := knowledge.Answer{Text: long, Meetings: ms, Quotes: []knowledge.Quote{{MeetingID: "m", Speaker: name, Text: long}}}
		for _, r := range []Reply{
			renderAnswer(text+"?", "k", a), renderSources(a), renderMore(text, "k", a, 1), renderMeeting(m),
			renderMeetings(newMemo(2), knowledge.Filter{Person: name, Topic: text}, knowledge.Page{Meetings: ms[:min(n, pageSize)], Total: n}, 0),
			renderPositions(name, text, []knowledge.Entry{{Date: "2024-01-01", Text: long, New: []string{text, name}}, {Text: long, New: []string{text}}}),
			renderHelp(knowledge.Stats{Meetings: n}, []*discordgo.ApplicationCommand{{Name: "x", Description: text}}),
			textReply(long),
		} {
			if len(r.Messages) == 1 && r.Messages[0].Content == "" && len(r.Messages[0].Embeds) == 0 {
				continue // an empty text renders nothing; callers never send it
			}
			checkLimits(t, r)
		}
	})
}
