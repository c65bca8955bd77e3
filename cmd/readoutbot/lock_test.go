package main

import (
	"strings"
	"testing"
)

func TestLockDataDir(t *testing.T) {
	dir := t.TempDir()
	unlock, err := lockDataDir(dir)
	if err != nil {
		t.Fatalf("first lock: %v", err)
	}
	if _, err := lockDataDir(dir); err == nil || !strings.Contains(err.Error(), "already running") {
		t.Fatalf("second lock on the same folder: got %v, want an 'already running' error", err)
	}
	unlock()
	unlock2, err := lockDataDir(dir)
	if err != nil {
		t.Fatalf("lock after unlock: %v", err)
	}
	unlock2()
}
