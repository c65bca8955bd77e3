package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// lockDataDir takes an exclusive lock on the data folder, so a second bot
// on the same data is refused even when it was given another index folder:
// two bots would both watch the folder, and two on one token make Discord
// reject the slower one's replies. The lock file lives in the system's temp
// folder, named by the data folder's absolute path, so the data folder is
// never written to (it may be read-only, or a checkout). Where no lock file
// can be made, the index's own lock still applies.
func lockDataDir(dir string) (unlock func(), err error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		abs = dir
	}
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	sum := sha256.Sum256([]byte(abs))
	path := filepath.Join(os.TempDir(), "readoutbot-"+hex.EncodeToString(sum[:8])+".lock")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
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
