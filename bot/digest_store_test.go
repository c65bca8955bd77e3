package bot

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestDigestStoreSubscriptions(t *testing.T) {
	path := filepath.Join(t.TempDir(), DigestStoreFile)
	st, err := OpenDigestStore(path)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2024, 3, 1, 10, 0, 0, 0, time.UTC)
	sub, err := st.SetSubscription(Subscription{GuildID: "g1", ChannelID: "c1", Time: "08:00", Zone: "Asia/Tokyo", Topic: "climate"}, now)
	if err != nil {
		t.Fatal(err)
	}
	// 10:00 UTC is 19:00 in Tokyo: the last post time was 08:00 today there.
	if want := time.Date(2024, 3, 1, 8, 0, 0, 0, time.FixedZone("JST", 9*3600)); !sub.LastTo.Equal(want) || !sub.Since.Equal(now) {
		t.Errorf("new subscription LastTo %s Since %s, want %s and %s", sub.LastTo, sub.Since, want, now)
	}
	if _, err := st.SetSubscription(Subscription{GuildID: "g2", ChannelID: "c2", Time: "23:59", Zone: "Asia/Kolkata"}, now); err != nil {
		t.Fatal(err)
	}

	// Changing the filters keeps the schedule; changing the time restarts
	// what is owed but keeps where the last digest ended.
	later := now.Add(time.Hour)
	sub2, err := st.SetSubscription(Subscription{GuildID: "g1", ChannelID: "c1", Time: "08:00", Zone: "Asia/Tokyo"}, later)
	if err != nil || !sub2.Since.Equal(now) || !sub2.LastTo.Equal(sub.LastTo) {
		t.Errorf("same time: %+v, %v", sub2, err)
	}
	sub3, err := st.SetSubscription(Subscription{GuildID: "g1", ChannelID: "c1", Time: "09:30", Zone: "Asia/Tokyo"}, later)
	if err != nil || !sub3.Since.Equal(later) || !sub3.LastTo.Equal(sub.LastTo) {
		t.Errorf("new time: %+v, %v", sub3, err)
	}
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	// Everything survives a reopen.
	st, err = OpenDigestStore(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.Subscriptions("g1")
	if err != nil || len(got) != 1 || got[0].Time != "09:30" {
		t.Errorf("guild g1 subscriptions = %+v, %v", got, err)
	}
	all, err := st.Subscriptions("")
	if err != nil || len(all) != 2 {
		t.Errorf("all subscriptions = %d, %v; want 2", len(all), err)
	}
	if err := st.Pause("c2", "403 Forbidden", later); err != nil {
		t.Fatal(err)
	}
	if s, _ := st.Subscription("c2"); !s.Paused || s.PauseReason != "403 Forbidden" {
		t.Errorf("paused subscription = %+v", s)
	}
	if err := st.MarkPauseNoticed("c2"); err != nil {
		t.Fatal(err)
	}
	if s, _ := st.Subscription("c2"); !s.PauseNoticed {
		t.Errorf("pause not marked noticed: %+v", s)
	}
	if err := st.DeleteSubscription("c2"); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Subscription("c2"); !errors.Is(err, ErrNoSubscription) {
		t.Errorf("deleted subscription: err = %v", err)
	}
	if err := st.DeleteSubscription("c2"); !errors.Is(err, ErrNoSubscription) {
		t.Errorf("second delete: err = %v", err)
	}
}

func TestDigestSubscriptionValidate(t *testing.T) {
	err := Subscription{Time: "25:00", Zone: "Mars/Olympus"}.Validate()
	if err == nil {
		t.Fatal("bad subscription accepted")
	}
	for _, want := range []string{"channel", "25:00", "Mars/Olympus"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	if err := (Subscription{ChannelID: "c", Time: "00:00", Zone: "Asia/Kathmandu"}).Validate(); err != nil {
		t.Errorf("good subscription: %v", err)
	}
}

func TestDigestScheduleAt(t *testing.T) {
	for _, tc := range []struct {
		zone, at, day, want string
	}{
		{"Europe/London", "01:30", "2024-03-31", "2024-03-31T02:30:00+01:00"},    // skipped: just after the gap
		{"America/Santiago", "00:00", "2024-09-08", "2024-09-08T01:00:00-03:00"}, // midnight skipped: same day
		{"America/New_York", "01:30", "2024-11-03", "2024-11-03T01:30:00-04:00"}, // twice: the first
		{"Asia/Kathmandu", "23:59", "2024-12-31", "2024-12-31T23:59:00+05:45"},
	} {
		sub := Subscription{ChannelID: "c", Time: tc.at, Zone: tc.zone}
		sc, err := sub.schedule()
		if err != nil {
			t.Fatal(err)
		}
		d, _ := time.Parse(time.DateOnly, tc.day)
		got := sc.at(day{d.Year(), d.Month(), d.Day()})
		want, _ := time.Parse(time.RFC3339, tc.want)
		if !got.Equal(want) {
			t.Errorf("%s %s on %s = %s, want %s", tc.zone, tc.at, tc.day, got, want)
		}
	}
}
