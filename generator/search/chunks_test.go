package search_test

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/teamhandbook/handbook/generator/search"
)

// TestIndexSameOnAnyCPUs builds the index of a 300-page handbook (1,531
// records) on one CPU and on three, and wants the same files: the
// records are scored in a chunk per CPU, and each chunk must lay out its
// hits where a single pass would.
func TestIndexSameOnAnyCPUs(t *testing.T) {
	pages := pagesOf(t, 300)
	files := func(cpus int) []search.File {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(cpus))
		idx, err := search.Build(pages)
		if err != nil {
			t.Fatal(err)
		}
		fs, err := idx.Files()
		if err != nil {
			t.Fatal(err)
		}
		return fs
	}
	one, three := files(1), files(3)
	if len(one) != len(three) {
		t.Fatalf("%d files on one CPU, %d on three", len(one), len(three))
	}
	for i := range one {
		if one[i].Path != three[i].Path || !bytes.Equal(one[i].Data, three[i].Data) {
			t.Errorf("%s differs between one CPU and three (%d and %d bytes)", one[i].Path, len(one[i].Data), len(three[i].Data))
		}
	}
}
