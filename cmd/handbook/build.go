package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/teamhandbook/handbook"
	"github.com/teamhandbook/handbook/generator"
	"github.com/teamhandbook/handbook/generator/diag"
)

// buildFlags are shared by build and serve.
type buildFlags struct {
	source, dest string
	strict       bool
}

func (b *buildFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&b.source, "source", ".", "the site `folder`, holding content/")
	fs.StringVar(&b.dest, "dest", "", "the output `folder` (default SOURCE/public); replaced on success")
	fs.BoolVar(&b.strict, "strict", false, "treat warnings as errors")
}

func (b *buildFlags) config() (generator.Config, error) {
	dest := b.dest
	if dest == "" {
		dest = filepath.Join(b.source, "public")
	}
	if inside(dest, filepath.Join(b.source, "content")) {
		return generator.Config{}, fmt.Errorf("%w: --dest %s is inside %s: the site would publish its own output", errUsage, dest, filepath.Join(b.source, "content"))
	}
	return generator.Config{
		Site:      os.DirFS(b.source),
		Templates: handbook.Templates(),
		Assets:    handbook.Assets(),
		Dest:      dest,
		Strict:    b.strict,
	}, nil
}

// inside reports whether path is dir or below it.
func inside(path, dir string) bool {
	p, err1 := filepath.Abs(path)
	d, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func build(ctx context.Context, args []string, stderr io.Writer) error {
	var b buildFlags
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	b.register(fs)
	if err := parseFlags(fs, args, stderr); err != nil {
		return err
	}
	cfg, err := b.config()
	if err != nil {
		return err
	}
	cfg.History = historyLater(ctx, b.source, stderr)
	cfg.RepoDir = editRepoDir(ctx, b.source)
	_, err = runBuild(ctx, cfg, stderr)
	return err
}

// runBuild builds and prints the diagnostics and a summary.
func runBuild(ctx context.Context, cfg generator.Config, stderr io.Writer) (*generator.Report, error) {
	rep, err := generator.Build(ctx, cfg)
	if cfg.History != nil {
		cfg.History() // git's warning, if any, comes before the diagnostics
	}
	rep.Diagnostics.Print(stderr)
	if err != nil {
		return rep, err
	}
	warn := ""
	if n := rep.Diagnostics.Count(diag.Warning); n > 0 {
		warn = ", " + count(n, "warning")
	}
	fmt.Fprintf(stderr, "built %s (%s) into %s in %v%s\n", count(rep.Pages, "page"), count(rep.Files, "file"), cfg.Dest, rep.Duration.Round(1e5), warn)
	return rep, nil
}
