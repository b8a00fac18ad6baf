// Command handbook builds a team handbook website from Markdown pages with
// front matter for roles, processes, career ladders and teams, and fails when
// a reference between them is broken.
//
// Usage:
//
//	handbook build [--source DIR] [--dest DIR] [--strict]
//	handbook serve [--source DIR] [--strict] [--addr 127.0.0.1:1313] [--open] [--poll DURATION]
//	handbook check [--source DIR] [--format text|json|github] [--base GIT-REF] [--strict]
//	handbook diff --base GIT-REF [--source DIR] [--format markdown|json]
//	handbook new role|process|ladder|team|page "Title" [--source DIR] [--reports-to ID] [--owner ID] [--team ID] [--lead ID] [--parent ID]
//	handbook version
//	handbook help
//
// Exit status: 0 success, 1 the content has errors (or the build failed),
// 2 usage error.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
)

// Version is set at link time (-ldflags "-X main.Version=...").
var Version = "dev"

const usage = `handbook builds a team handbook website from Markdown.

Usage:
  handbook build [--source DIR] [--dest DIR] [--strict]
      Check every reference and build the site into --dest (default DIR/public).
  handbook serve [--source DIR] [--strict] [--addr 127.0.0.1:1313] [--open] [--poll DURATION]
      Build and serve the site from memory, rebuilding it as files change;
      open pages reload, and show the errors of a failed rebuild.
  handbook check [--source DIR] [--format text|json|github] [--base GIT-REF] [--strict]
      Run every check of build, write nothing; with --base, report only
      what is new since that git revision.
  handbook diff --base GIT-REF [--source DIR] [--format markdown|json]
      Say what the working tree changes in the organisation since that
      revision: roles, reporting lines, positions, owners, ladders, URLs.
  handbook new role|process|ladder|team|page "Title" [--source DIR]
          [--reports-to ID] [--owner ID] [--team ID] [--lead ID] [--parent ID]
      Write a new page with commented front matter in the right folder;
      references are checked like the build checks them.
  handbook version
      Print the version.
  handbook help
      Print this help.

A site is a folder holding content/ (the pages), and optionally templates/,
assets/ and handbook.yaml. See README.md for the content format.

Exit status: 0 ok, 1 content errors, 2 usage error.
`

// errUsage marks errors that are the caller's command line, not the content.
var errUsage = errors.New("usage")

func main() {
	tuneGC()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// run executes one command and returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "build":
		err = build(ctx, args[1:], stderr)
	case "serve":
		err = serve(ctx, args[1:], stdout, stderr)
	case "check":
		err = check(ctx, args[1:], stdout, stderr)
	case "diff":
		err = diff(ctx, args[1:], stdout, stderr)
	case "new":
		err = newPage(ctx, args[1:], stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "handbook %s\n", Version)
	case "help", "--help", "-help", "-h":
		fmt.Fprint(stdout, usage)
	default:
		err = fmt.Errorf("%w: unknown command %q; run 'handbook help'", errUsage, args[0])
	}
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errUsage):
		if msg := err.Error(); msg != errUsage.Error() {
			fmt.Fprintf(stderr, "handbook: %s\n", msg[len("usage: "):])
		}
		return 2
	default:
		fmt.Fprintf(stderr, "handbook: %v\n", err)
		return 1
	}
}

// parseFlags parses a subcommand's flags, reporting misuse as errUsage.
func parseFlags(fs *flag.FlagSet, args []string, stderr io.Writer) error {
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return errUsage
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	return nil
}
