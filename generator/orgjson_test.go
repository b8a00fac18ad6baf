package generator_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	orgpkg "github.com/teamhandbook/handbook/generator/org"
)

func TestOrgJSONExportsTheOrganisation(t *testing.T) {
	s := build(t, org).ok()
	var got orgpkg.Export
	if err := json.Unmarshal([]byte(s.file("org.json")), &got); err != nil {
		t.Fatal(err)
	}
	var dev orgpkg.ExportRole
	for _, r := range got.Roles {
		if r.ID == "dev" {
			dev = r
		}
	}
	want := orgpkg.ExportRole{ID: "dev", Title: "Developer", URL: "/roles/dev/", ReportsTo: []string{"senior", "lead"},
		Positions: orgpkg.Count{Min: 1, Max: 2}, Team: "core"}
	if fmt.Sprint(dev) != fmt.Sprint(want) {
		t.Errorf("dev = %+v; want %+v", dev, want)
	}
	if got.Positions != (orgpkg.Count{Min: 4, Max: 5}) || len(got.Teams) != 1 || got.Teams[0].Lead != "lead" {
		t.Errorf("positions %+v, teams %+v", got.Positions, got.Teams)
	}
	if p := got.Processes; len(p) != 1 || p[0].Owner != "lead" || !slices.Equal(p[0].Participants, []string{"senior", "dev"}) {
		t.Errorf("processes = %+v", p)
	}
	if l := got.Ladders; len(l) != 1 || len(l[0].Levels) != 4 || l[0].Levels[2] != (orgpkg.ExportLevel{Title: "Technical lead"}) {
		t.Errorf("ladders = %+v", l)
	}
}

// TestOrgJSONMatchesItsSchema checks the published org.json against the
// published schema, for the parts of JSON Schema the schema uses, so that
// the two cannot drift apart.
func TestOrgJSONMatchesItsSchema(t *testing.T) {
	s := build(t, org).ok()
	var doc, schema any
	if err := json.Unmarshal([]byte(s.file("org.json")), &doc); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(s.file("schema/org.json")), &schema); err != nil {
		t.Fatal(err)
	}
	root := schema.(map[string]any)
	var check func(path string, v any, sch map[string]any)
	check = func(path string, v any, sch map[string]any) {
		if ref, ok := sch["$ref"].(string); ok {
			sch = root["$defs"].(map[string]any)[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		}
		switch sch["type"] {
		case "object":
			obj, ok := v.(map[string]any)
			if !ok {
				t.Errorf("%s: %v is not an object", path, v)
				return
			}
			props, _ := sch["properties"].(map[string]any)
			for _, r := range sch["required"].([]any) {
				if _, ok := obj[r.(string)]; !ok {
					t.Errorf("%s: required %q missing", path, r)
				}
			}
			for k, val := range obj {
				p, ok := props[k]
				if !ok {
					t.Errorf("%s: %q is not in the schema", path, k)
					continue
				}
				check(path+"."+k, val, p.(map[string]any))
			}
		case "array":
			arr, ok := v.([]any)
			if !ok {
				t.Errorf("%s: %v is not an array", path, v)
				return
			}
			for i, it := range arr {
				check(fmt.Sprintf("%s[%d]", path, i), it, sch["items"].(map[string]any))
			}
		case "string":
			if _, ok := v.(string); !ok {
				t.Errorf("%s: %v is not a string", path, v)
			}
		case "integer":
			if f, ok := v.(float64); !ok || f != float64(int(f)) {
				t.Errorf("%s: %v is not an integer", path, v)
			}
		case "boolean":
			if _, ok := v.(bool); !ok {
				t.Errorf("%s: %v is not a boolean", path, v)
			}
		}
	}
	check("org.json", doc, root)
}

func TestOrgJSONClaimsItsPlace(t *testing.T) {
	build(t, `
-- content/org.json --
{}
-- content/a.md --
---
title: A
---
`).fails().diagnostics(`content/org.json: error: content/org.json would be published at /org.json, where the organisation export already is; rename one`)
}
