package page

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/teamhandbook/handbook/generator/diag"
)

// The front matter of every format is read into a tree of yaml.Node, which
// has the line and column of every key and value, so that one decoder serves
// YAML, TOML and JSON and reports the same problems with the same words.

// syntaxError is front matter its parser rejected, with the place the parser
// blamed, counted from the start of the front matter text.
type syntaxError struct {
	line, col int // 1-based; line 0 when the parser did not say where
	msg       string
}

// maxDepth bounds the nesting of JSON front matter. The keys need three
// levels; the bound only keeps a hostile file from exhausting the stack.
const maxDepth = 100

// parseYAML reads YAML front matter.
func parseYAML(data []byte) (root *yaml.Node, serr *syntaxError) {
	// yaml.v3 has panicked on malformed input before (CVE-2022-28948); a
	// handbook page must fail with a message, never take the build down.
	defer func() {
		if r := recover(); r != nil {
			root, serr = nil, &syntaxError{msg: fmt.Sprint(r)}
		}
	}()
	var doc yaml.Node
	err := yaml.Unmarshal(data, &doc)
	if err == nil {
		return &doc, nil
	}
	serr = yamlError(err)
	if serr.line == 0 {
		// yaml.v3 leaves the line out when it is the first one (it tests
		// its 0-based line for zero), as for a tab indenting the first key.
		// One line further down, the same error says where it is.
		err := yaml.Unmarshal(append([]byte("\n"), data...), &yaml.Node{})
		if err != nil {
			if again := yamlError(err); again.line > 0 && again.msg == serr.msg {
				serr.line = max(again.line-1, 1)
			}
		}
	}
	return nil, serr
}

// yamlError turns "yaml: line 3: did not find expected key" into a
// syntaxError. yaml.v3 gives no column, and no line at all for some errors.
func yamlError(err error) *syntaxError {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		num, text, ok := strings.Cut(rest, ": ")
		if n, err := strconv.Atoi(num); ok && err == nil && n > 0 {
			if parserProblem(text) {
				n++
			}
			return &syntaxError{line: n, msg: text}
		}
	}
	return &syntaxError{msg: msg}
}

// parserProblem reports whether msg comes from yaml.v3's parser rather than
// its scanner. The scanner's errors count lines from 1 and the parser's from
// 0, which puts "did not find expected key" on the line above the key.
func parserProblem(msg string) bool {
	switch msg {
	case "did not find expected <document start>",
		"did not find expected node content",
		"did not find expected key",
		"did not find expected '-' indicator",
		"did not find expected ',' or ']'",
		"did not find expected ',' or '}'":
		return true
	}
	return false
}

// parseJSON reads JSON front matter. It uses encoding/json rather than the
// YAML parser, although JSON is nearly YAML: yaml.v3 rejects the JSON escape
// "\/" and accepts trailing commas and comments, and encoding/json tells the
// exact byte where a file goes wrong.
func parseJSON(data []byte) (*yaml.Node, *syntaxError) {
	lines := diag.NewLines(data)
	// Unmarshal first, because its errors say where they are consistently:
	// the offending byte is the last one read. The decoder's tokens may then
	// be trusted.
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		offset := len(data)
		var se *json.SyntaxError
		if errors.As(err, &se) && se.Offset > 0 && int(se.Offset) < len(data) {
			offset = int(se.Offset) - 1
		}
		line, col := lines.At(offset)
		return nil, &syntaxError{line: line, col: col, msg: err.Error()}
	}
	j := jsonReader{data: data, lines: lines, dec: json.NewDecoder(bytes.NewReader(data))}
	j.dec.UseNumber()
	root, err := j.value(0)
	if err != nil {
		line, col := lines.At(int(j.dec.InputOffset()))
		return nil, &syntaxError{line: line, col: col, msg: err.Error()}
	}
	return root, nil
}

// jsonReader builds a node tree from the tokens of a json.Decoder.
type jsonReader struct {
	data  []byte
	lines diag.Lines
	dec   *json.Decoder
}

// value reads the next value. The decoder tells only where the previous
// token ended, so the start of this one is found by skipping what JSON puts
// between tokens.
func (j *jsonReader) value(depth int) (*yaml.Node, error) {
	if depth > maxDepth {
		return nil, errors.New("front matter is nested too deeply")
	}
	start := int(j.dec.InputOffset())
	for start < len(j.data) && strings.IndexByte(" \t\r\n,:", j.data[start]) >= 0 {
		start++
	}
	tok, err := j.dec.Token()
	if err != nil {
		return nil, err
	}
	line, col := j.lines.At(start)
	n := &yaml.Node{Line: line, Column: col}
	switch tok := tok.(type) {
	case json.Delim:
		if tok == '[' {
			n.Kind, n.Tag, n.Style = yaml.SequenceNode, "!!seq", yaml.FlowStyle
		} else {
			n.Kind, n.Tag, n.Style = yaml.MappingNode, "!!map", yaml.FlowStyle
		}
		for j.dec.More() {
			if n.Kind == yaml.MappingNode {
				k, err := j.value(depth + 1) // a key: the decoder returns it as a string token
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, k)
			}
			v, err := j.value(depth + 1)
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, v)
		}
		if _, err := j.dec.Token(); err != nil { // the closing ] or }
			return nil, err
		}
	case string:
		n.Kind, n.Tag, n.Value, n.Style = yaml.ScalarNode, "!!str", tok, yaml.DoubleQuotedStyle
	case json.Number:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!int", string(tok)
		if strings.ContainsAny(string(tok), ".eE") {
			n.Tag = "!!float"
		}
	case bool:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!bool", strconv.FormatBool(tok)
	case nil:
		n.Kind, n.Tag, n.Value = yaml.ScalarNode, "!!null", "null"
	}
	return n, nil
}
