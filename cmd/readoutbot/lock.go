package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// dataLockName is the lock file a running bot holds in its data folder.
const dataLockName = ".readoutbot.lock"

// lockDataDir takes an exclusive lock on the data folder, so a second bot
// on the same data is refused even when it was given another index folder:
// two bots would both watch the folder, and two on one token make Discord
// reject the slower one's replies. A data folder that cannot hold the lock
// file (read-only) is not an error; the index's own lock still applies.
func lockDataDir(dir string) (unlock func(), err error) {
	path := filepath.Join(dir, dataLockName)
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return func() {}, nil
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("another readoutbot is already running on the data folder %s; stop it first "+
				"(two bots on one token both receive every command, and Discord rejects the slower one's replies)", dir)
		}
		return nil, fmt.Errorf("locking the data folder %s: %w", dir, err)
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
