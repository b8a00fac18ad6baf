package main

import (
	"context"
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets scripts run the real command as "handbook", in-process.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"handbook": func() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs testdata/script/*.txt: each is a command sequence and the
// files it works on, in the style of the go command's own tests.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script"})
}
