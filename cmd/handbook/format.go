package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/teamhandbook/handbook/generator/diag"
)

// formats print diagnostics for people (text), scripts (json) and GitHub
// Actions, which turns workflow commands into annotations on the lines of a
// pull request (github).
var formats = map[string]func(io.Writer, diag.List) error{
	"text":   func(w io.Writer, l diag.List) error { return l.Print(w) },
	"json":   printJSON,
	"github": printGitHub,
}

// jsonDiagnostic is one diagnostic as --format json writes it.
type jsonDiagnostic struct {
	File       string `json:"file"`
	Line       int    `json:"line"`
	Col        int    `json:"col"`
	Severity   string `json:"severity"`
	Rule       string `json:"rule"`
	Message    string `json:"message"`
	Suggestion string `json:"suggestion"`
}

func printJSON(w io.Writer, l diag.List) error {
	out := make([]jsonDiagnostic, len(l))
	for i, d := range l {
		out[i] = jsonDiagnostic{
			File: d.Pos.File, Line: d.Pos.Line, Col: d.Pos.Col,
			Severity: d.Severity.String(), Rule: d.Rule, Message: d.Msg, Suggestion: d.Suggestion,
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// printGitHub writes "::error file=F,line=L,col=C::message" lines.
func printGitHub(w io.Writer, l diag.List) error {
	for _, d := range l {
		props := []string{"file=" + escapeProperty(d.Pos.File)}
		if d.Pos.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Pos.Line))
		}
		if d.Pos.Col > 0 {
			props = append(props, fmt.Sprintf("col=%d", d.Pos.Col))
		}
		if _, err := fmt.Fprintf(w, "::%s %s::%s\n", d.Severity, strings.Join(props, ","), escapeData(d.Msg)); err != nil {
			return err
		}
	}
	return nil
}

// escapeData and escapeProperty escape what GitHub's workflow-command parser
// would otherwise read as syntax (actions/toolkit, command.ts).
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
