package knowledge

import (
	"encoding/json"
	"time"
)

// Kind says how a meeting was held, so "when did they speak by phone" and
// "when did they meet" can be told apart.
type Kind string

// The kinds of meeting a readout can describe.
const (
	KindInPerson  Kind = "in-person"
	KindTelephone Kind = "telephone"
	KindVideo     Kind = "video"
	KindOther     Kind = "other"
)

// Participant is one principal who took part in a meeting.
type Participant struct {
	// Name is the full name without honorifics ("Shinzo Abe"); empty when the
	// readout gives only an office ("the Secretary-General").
	Name string `json:"name"`
	// Title is the office held at the time ("Prime Minister").
	Title string `json:"title"`
	// Affiliation is the country or organisation ("Japan", "United Nations").
	Affiliation string `json:"affiliation"`
}

// Label is how a participant is named in replies: the name, or the office
// where the readout gives no name.
func (p Participant) Label() string {
	if p.Name != "" {
		return p.Name
	}
	if p.Affiliation != "" && p.Title != "" {
		return p.Title + " of " + p.Affiliation
	}
	return p.Title
}

// BothSides is the speaker of a position stated jointly by all participants.
const BothSides = "both sides"

// Position is what one side (or both) stated on a topic, in the readout's
// own words, so every answer can quote its source.
type Position struct {
	// Speaker is a participant's name, their office ("Secretary-General")
	// where the readout gives no name, or BothSides.
	Speaker string `json:"speaker"`
	Topic   string `json:"topic"`
	// Text is the sentence (or clause) of the readout that states it.
	Text string `json:"text"`
}

// Meeting is the structure extracted from one readout.
type Meeting struct {
	// ID is stable for a readout: derived from its source URL, or its file
	// name when it has none, so re-ingesting it replaces rather than adds.
	ID    string `json:"id"`
	Title string `json:"title"`
	// Date is the day of the meeting, not of publication (YYYY-MM-DD), or "".
	Date string `json:"date"`
	// Time is the local start time (HH:MM, 24-hour), or "".
	Time string `json:"time"`
	// DurationMinutes is 0 when the readout does not say.
	DurationMinutes int           `json:"duration_minutes"`
	Location        string        `json:"location"`
	Kind            Kind          `json:"kind"`
	Participants    []Participant `json:"participants"`
	Topics          []string      `json:"topics"`
	Positions       []Position    `json:"positions"`
	Source          string        `json:"source"`
	SourceURL       string        `json:"source_url"`
	// Published is the release date (YYYY-MM-DD) when known.
	Published string `json:"published"`
	// Text is the readout's cleaned main text, kept for search and quoting.
	Text string `json:"text,omitempty"`
	// Hash identifies the raw readout's content, to tell an edit from a repeat.
	Hash string `json:"hash,omitempty"`
	// Ingested is when the index took this version in; digests tell it apart
	// from the meeting and publication dates.
	Ingested time.Time `json:"ingested,omitzero"`
}

// MarshalJSON writes the CLI's contract: unknown date, time, duration and
// location are null rather than empty, and lists are never null.
func (m Meeting) MarshalJSON() ([]byte, error) {
	type plain Meeting
	out := struct {
		plain
		Date            *string       `json:"date"`
		Time            *string       `json:"time"`
		DurationMinutes *int          `json:"duration_minutes"`
		Location        *string       `json:"location"`
		Participants    []Participant `json:"participants"`
		Topics          []string      `json:"topics"`
		Positions       []Position    `json:"positions"`
	}{plain: plain(m), Participants: m.Participants, Topics: m.Topics, Positions: m.Positions}
	if m.Date != "" {
		out.Date = &m.Date
	}
	if m.Time != "" {
		out.Time = &m.Time
	}
	if m.DurationMinutes > 0 {
		out.DurationMinutes = &m.DurationMinutes
	}
	if m.Location != "" {
		out.Location = &m.Location
	}
	if out.Participants == nil {
		out.Participants = []Participant{}
	}
	if out.Topics == nil {
		out.Topics = []string{}
	}
	if out.Positions == nil {
		out.Positions = []Position{}
	}
	return json.Marshal(out)
}

// UnmarshalJSON reads what MarshalJSON writes.
func (m *Meeting) UnmarshalJSON(b []byte) error {
	type plain Meeting
	var in struct {
		plain
		Date            *string `json:"date"`
		Time            *string `json:"time"`
		DurationMinutes *int    `json:"duration_minutes"`
		Location        *string `json:"location"`
	}
	if err := json.Unmarshal(b, &in); err != nil {
		return err
	}
	*m = Meeting(in.plain)
	if in.Date != nil {
		m.Date = *in.Date
	}
	if in.Time != nil {
		m.Time = *in.Time
	}
	if in.DurationMinutes != nil {
		m.DurationMinutes = *in.DurationMinutes
	}
	if in.Location != nil {
		m.Location = *in.Location
	}
	return nil
}
