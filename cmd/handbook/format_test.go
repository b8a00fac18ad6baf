package main

import (
	"strings"
	"testing"

	"github.com/teamhandbook/handbook/generator/diag"
)

func TestGitHubFormatEscapesWorkflowCommandSyntax(t *testing.T) {
	var l diag.List
	l.Rule("link").Errorf(diag.Position{File: "content/a,b:c.md", Line: 4, Col: 2}, "100%% broken\nreally")
	l.Rule("file-size").Warnf(diag.Position{File: "content/big.png"}, "too big")
	var b strings.Builder
	if err := printGitHub(&b, l); err != nil {
		t.Fatal(err)
	}
	want := "::error file=content/a%2Cb%3Ac.md,line=4,col=2::100%25 broken%0Areally\n" +
		"::warning file=content/big.png::too big\n"
	if b.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestJSONFormatIsAnArrayEvenWhenEmpty(t *testing.T) {
	var b strings.Builder
	if err := printJSON(&b, nil); err != nil {
		t.Fatal(err)
	}
	if b.String() != "[]\n" {
		t.Errorf("got %q; want []", b.String())
	}
}
