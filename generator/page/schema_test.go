package page

import (
	"encoding/json"
	"testing"
)

func TestSchema(t *testing.T) {
	var s struct {
		Schema               string                     `json:"$schema"`
		Type                 string                     `json:"type"`
		AdditionalProperties *bool                      `json:"additionalProperties"`
		Properties           map[string]json.RawMessage `json:"properties"`
	}
	if err := json.Unmarshal(Schema(), &s); err != nil {
		t.Fatalf("got invalid JSON: %v", err)
	}
	if s.Schema != "https://json-schema.org/draft/2020-12/schema" || s.Type != "object" {
		t.Errorf("got $schema %q, type %q; want draft 2020-12, object", s.Schema, s.Type)
	}
	if s.AdditionalProperties == nil || *s.AdditionalProperties {
		t.Errorf("got additionalProperties %v; want false", s.AdditionalProperties)
	}
	keys := metaKeys()
	if got, want := len(s.Properties), len(keys); got != want {
		t.Errorf("got %d properties; want %d", got, want)
	}
	for _, k := range keys {
		raw, ok := s.Properties[k.name]
		if !ok {
			t.Errorf("key %q: missing from the schema", k.name)
			continue
		}
		var p struct {
			Description string            `json:"description"`
			Type        string            `json:"type"`
			OneOf       []json.RawMessage `json:"oneOf"`
		}
		if err := json.Unmarshal(raw, &p); err != nil {
			t.Errorf("key %q: %v", k.name, err)
		}
		if p.Description == "" || p.Type == "" && len(p.OneOf) == 0 {
			t.Errorf("key %q: got %s; want a description and a type", k.name, raw)
		}
	}
}
