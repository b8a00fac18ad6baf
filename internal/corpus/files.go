package corpus

import (
	"fmt"
	"os"
	"path/filepath"
	"testing/fstest"
)

// GuidePath returns the path of the i-th plain page of Large's handbook,
// for benchmarks that edit one.
func GuidePath(i int) string {
	return fmt.Sprintf("content/guides/g%d/page-%d.md", i/50, i)
}

// Write writes fsys's files under dir, for tools that build from disk.
func Write(dir string, fsys fstest.MapFS) error {
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
