package knowledge

import (
	"context"
	"slices"
	"strings"
	"testing"
)

// pronounMeetings are invented: a meeting whose readout names the minister
// once and then says "She called on …", and a shorter readout of a call of
// the same two that names her in a sentence about something else.
var pronounMeetings = map[string]Meeting{
	"marquardt-reyes-visit.md": {
		Title: "Minister Marquardt receives Foreign Minister Reyes", Date: "2025-04-09", Location: "Ostberg", Kind: KindInPerson,
		Participants: []Participant{
			{Name: "Ilse Marquardt", Title: "Minister of State", Affiliation: "Ostland"},
			{Name: "Tomas Reyes", Title: "Foreign Minister", Affiliation: "Veloria"}},
		Text: "Minister of State Ilse Marquardt received Foreign Minister Tomas Reyes of Veloria in Ostberg.\n" +
			"Minister Marquardt briefed her guest on the ceasefire talks and on Ostland's reform agenda.\n" +
			"She called on Veloria to support the reopening of the river port to grain barges and Ostland's bid for observer status.\n" +
			"Minister Reyes said Veloria would continue its support to the flood regions and noted that Velorian firms were interested in rail.",
		Positions: []Position{
			{Speaker: "Ilse Marquardt", Topic: "river port", Text: "Minister Marquardt briefed her guest on the ceasefire talks and on Ostland's reform agenda. She called on Veloria to support the reopening of the river port to grain barges and Ostland's bid for observer status."},
			{Speaker: "Tomas Reyes", Topic: "flood regions", Text: "Minister Reyes said Veloria would continue its support to the flood regions and noted that Velorian firms were interested in rail."}},
	},
	"marquardt-reyes-call.md": {
		Title: "Readout of the call with Foreign Minister Tomas Reyes of Veloria", Date: "2024-11-02", Kind: KindTelephone,
		Participants: []Participant{
			{Name: "Ilse Marquardt", Title: "Minister of State", Affiliation: "Ostland"},
			{Name: "Tomas Reyes", Title: "Foreign Minister", Affiliation: "Veloria"}},
		Text: "Minister of State Ilse Marquardt spoke by telephone with Foreign Minister Tomas Reyes of Veloria. " +
			"They discussed peacekeeping and energy. Ilse Marquardt underlined stronger support for peace operations, " +
			"while Tomas Reyes called for reliable energy supplies.",
		Positions: []Position{
			{Speaker: "Ilse Marquardt", Topic: "peace operations", Text: "Ilse Marquardt underlined stronger support for peace operations."},
			{Speaker: "Tomas Reyes", Topic: "energy", Text: "Tomas Reyes called for reliable energy supplies."}},
	},
}

// TestAskPronounNamesSpeaker asks what a person called for where the
// answering sentence says "She": the meeting whose readout says it is the
// answer, not the call whose sentence spells her name.
func TestAskPronounNamesSpeaker(t *testing.T) {
	ctx := context.Background()
	ix := newMapIndex(t, pronounMeetings)
	for _, q := range []string{"What did Marquardt call on Veloria to support?", "What did Ilse Marquardt ask Veloria to support?"} {
		ans, err := ix.Ask(ctx, q)
		if err != nil {
			t.Fatalf("Ask(%q): %v", q, err)
		}
		if len(ans.Meetings) == 0 || ans.Meetings[0].Date != "2025-04-09" || !strings.Contains(ans.Text, "river port") {
			t.Errorf("Ask(%q) does not answer from the readout that says it:\n%s", q, ans.Text)
		}
	}
}

func TestUrgingIsNoKind(t *testing.T) {
	names := fakeNames{"Ilse Marquardt", "Tomas Reyes"}
	tests := []struct {
		q     string
		kind  bool   // the question asks for a kind of meeting
		topic string // a topic word, "" for none expected
	}{
		{"What did Marquardt call on Veloria to support?", false, "call"},
		{"What did Reyes call upon the sides to do?", false, "call"},
		{"What did Reyes ask Ostland to do?", false, "ask"},
		{"What did Reyes ask about the port?", false, ""},
		{"When did Marquardt call Reyes?", true, ""},
	}
	for _, tt := range tests {
		pq := parseQuestion(tt.q, names)
		if (len(pq.kinds) > 0) != tt.kind {
			t.Errorf("parseQuestion(%q): kinds %v, want a kind: %v", tt.q, pq.kinds, tt.kind)
		}
		if tt.topic != "" && !slices.Contains(pq.topic, tt.topic) {
			t.Errorf("parseQuestion(%q): topic %v, want %q in it", tt.q, pq.topic, tt.topic)
		}
		if tt.topic == "" && (slices.Contains(pq.topic, "ask") || slices.Contains(pq.topic, "call")) {
			t.Errorf("parseQuestion(%q): topic %v holds a question word", tt.q, pq.topic)
		}
	}
}
