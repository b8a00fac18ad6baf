package page

import (
	"bytes"
	"encoding/json"
)

// Schema returns a JSON Schema (draft 2020-12) of the front matter, indented,
// for editors that check and complete front matter as it is typed. It is
// made from the same key tables as the decoder, so it describes exactly what
// Parse accepts, except what a schema cannot see: which keys the page's
// kind allows, which depends on its folder.
func Schema() []byte {
	root := objectSchema(metaKeys())
	root.Schema = "https://json-schema.org/draft/2020-12/schema"
	root.Title = "Handbook page front matter"
	root.Description = "The front matter of a page of a team handbook. Keys of roles, processes, ladders and teams are only allowed on pages of that kind: in its folder (roles/, processes/, ladders/, teams/, skills/) or with kind set."

	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		panic("page: cannot encode the front-matter schema: " + err.Error()) // the schema is a constant
	}
	return b.Bytes()
}

// schema is the part of JSON Schema the front matter needs. Its fields are in
// the order a reader of the output expects them.
type schema struct {
	Schema               string     `json:"$schema,omitempty"`
	Title                string     `json:"title,omitempty"`
	Description          string     `json:"description,omitempty"`
	Type                 string     `json:"type,omitempty"`
	Enum                 []string   `json:"enum,omitempty"`
	MinLength            int        `json:"minLength,omitempty"`
	Pattern              string     `json:"pattern,omitempty"`
	Format               string     `json:"format,omitempty"`
	Minimum              *int       `json:"minimum,omitempty"`
	Items                *schema    `json:"items,omitempty"`
	Properties           properties `json:"properties,omitempty"`
	AdditionalProperties any        `json:"additionalProperties,omitempty"` // false, or the schema of every value
	Required             []string   `json:"required,omitempty"`
	AnyOf                []*schema  `json:"anyOf,omitempty"`
	OneOf                []*schema  `json:"oneOf,omitempty"`
}

// properties keeps the keys in the order of their table, which groups them
// by kind; a Go map would sort them alphabetically.
type properties []property

type property struct {
	name   string
	schema *schema
}

func (ps properties) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		name, err := json.Marshal(p.name)
		if err != nil {
			return nil, err
		}
		value, err := json.Marshal(p.schema)
		if err != nil {
			return nil, err
		}
		b.Write(name)
		b.WriteByte(':')
		b.Write(value)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// objectSchema describes a mapping with the given keys and no others.
func objectSchema[T any](keys []key[T]) *schema {
	closed := false
	s := &schema{Type: "object", AdditionalProperties: &closed}
	for _, k := range keys {
		p := shapeSchema(k.shape)
		p.Description = k.doc
		s.Properties = append(s.Properties, property{k.name, p})
	}
	return s
}

// shapeSchema describes a value of shape sh.
func shapeSchema(sh shape) *schema {
	str := func() *schema { return &schema{Type: "string"} }
	ref := func() *schema { return &schema{Type: "string", MinLength: 1} }
	list := func(item *schema) *schema { return &schema{Type: "array", Items: item} }
	switch sh {
	case shapeRef:
		return ref()
	case shapeKind:
		s := str()
		for _, k := range Kinds {
			s.Enum = append(s.Enum, string(k))
		}
		return s
	case shapeBool:
		return &schema{Type: "boolean"}
	case shapeInt:
		return &schema{Type: "integer"}
	case shapeStrings:
		return list(str())
	case shapeRefs:
		return list(ref())
	case shapeRefOrRefs:
		return &schema{OneOf: []*schema{ref(), list(ref())}}
	case shapeAliases:
		return list(&schema{Type: "string", Pattern: "^/"})
	case shapeCount:
		zero := 0
		return &schema{OneOf: []*schema{
			{Type: "integer", Minimum: &zero},
			{Type: "string", Pattern: `^\d+(-\d+)?$`},
		}}
	case shapeSkills:
		return &schema{OneOf: []*schema{list(str()), objectSchema(skillKeys())}}
	case shapeDate:
		return &schema{Type: "string", Format: "date"}
	case shapeLevels:
		level := objectSchema(levelKeys())
		level.AnyOf = []*schema{{Required: []string{"role"}}, {Required: []string{"title"}}}
		return list(level)
	case shapeOnboarding:
		item := objectSchema(onboardingKeys())
		item.Required = []string{"task"}
		return list(&schema{OneOf: []*schema{{Type: "string", MinLength: 1}, item}})
	case shapeDuties:
		return &schema{Type: "object", AdditionalProperties: &schema{Type: "string", MinLength: 1}}
	case shapeCompetencies:
		levels := &schema{Type: "object", AdditionalProperties: &schema{Type: "string", MinLength: 1}}
		return &schema{Type: "object", AdditionalProperties: levels}
	}
	return str()
}
