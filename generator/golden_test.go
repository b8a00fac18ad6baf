package generator_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata/")

// TestGoldenSeedHandbook builds the repository's own handbook and compares
// rendered pages with testdata/*.golden. After an intended change to the
// output, run: go test ./generator -run Golden -update
func TestGoldenSeedHandbook(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	rep, err := generator.Build(context.Background(), generator.Config{
		Site:      os.DirFS(".."),
		Templates: handbook.Templates(),
		Assets:    handbook.Assets(),
		Dest:      dest,
		Strict:    true, // the seed handbook must have no warnings at all
	})
	if err != nil {
		t.Fatalf("building the repository's handbook: %v\n%s", err, rep.Diagnostics)
	}
	for page, golden := range map[string]string{
		"roles/serverless-developer/index.html":              "serverless-developer.golden",
		"roles/team-lead-serverless-architecture/index.html": "team-lead.golden",
		"org/index.html": "org.golden",
	} {
		got, err := os.ReadFile(filepath.Join(dest, page))
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", golden)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if string(got) != string(want) {
			t.Errorf("%s differs from %s; if the change is intended, run go test ./generator -run Golden -update\n%s", page, path, firstDiff(string(got), string(want)))
		}
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	line := 1
	for i := 0; i < len(got) && i < len(want); i++ {
		if got[i] != want[i] {
			start := max(0, i-80)
			return fmt.Sprintf("line %d:\n got: %s\nwant: %s", line, got[start:min(len(got), i+80)], want[start:min(len(want), i+80)])
		}
		if got[i] == '\n' {
			line++
		}
	}
	return "one is a prefix of the other"
}
