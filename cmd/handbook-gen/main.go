// Command handbook-gen writes a generated handbook for benchmarks:
//
//	go run ./cmd/handbook-gen -pages 10000 -out /tmp/hb [-hugo]
//
// The handbook is corpus.Pages(n): roles in a reporting tree, teams,
// processes, ladders, skills and guides, about 4.8 KB of Markdown a page,
// the same bytes for the same n. With -hugo it also writes a minimal Hugo
// site around the same content/ (corpus.HugoSite), so that both tools can
// build the one folder.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/teamhandbook/handbook/internal/corpus"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "handbook-gen:", err)
		os.Exit(1)
	}
}

func run(args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("handbook-gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	pages := fs.Int("pages", 1000, fmt.Sprintf("pages in the handbook (at least %d)", corpus.MinPages))
	out := fs.String("out", "", "the `folder` to write; it must be missing or empty")
	hugo := fs.Bool("hugo", false, "also write a minimal Hugo site around the content")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		fs.Usage()
		return errors.New("-out is required, and there are no arguments")
	}
	if *pages < corpus.MinPages {
		return fmt.Errorf("-pages %d: at least %d", *pages, corpus.MinPages)
	}
	// Writing over an older handbook would leave its extra pages behind.
	if entries, err := os.ReadDir(*out); err == nil && len(entries) > 0 {
		return fmt.Errorf("%s is not empty", *out)
	}
	if err := corpus.WriteHandbook(*out, *pages); err != nil {
		return err
	}
	if *hugo {
		return corpus.WriteHugoSite(*out)
	}
	return nil
}
