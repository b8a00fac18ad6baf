package org

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"strings"
)

// Export is the organisation as /org.json publishes it, for HR tools and
// scripts. Its shape is documented by ExportSchema; change both together.
type Export struct {
	Roles     []ExportRole    `json:"roles"`
	Teams     []ExportTeam    `json:"teams"`
	Processes []ExportProcess `json:"processes"`
	Ladders   []ExportLadder  `json:"ladders"`
	Positions Count           `json:"positions"` // the team's own roles, external ones left out
}

// Count is a number of positions, a range when min and max differ.
type Count struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// ExportRole is one role.
type ExportRole struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	URL       string   `json:"url"`
	ReportsTo []string `json:"reports_to"` // role ids; several mean alternatives
	Positions Count    `json:"positions"`
	Team      string   `json:"team,omitempty"`
	External  bool     `json:"external"`
	Owner     string   `json:"owner,omitempty"`
}

// ExportTeam is one team.
type ExportTeam struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Lead      string `json:"lead,omitempty"`
	Parent    string `json:"parent,omitempty"`
	Positions Count  `json:"positions"` // its roles and its child teams'
}

// ExportProcess is one process.
type ExportProcess struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	URL          string   `json:"url"`
	Owner        string   `json:"owner,omitempty"`
	Participants []string `json:"participants"`
}

// ExportLadder is one career ladder.
type ExportLadder struct {
	ID     string        `json:"id"`
	Title  string        `json:"title"`
	URL    string        `json:"url"`
	Levels []ExportLevel `json:"levels"`
}

// ExportLevel is one step of a ladder.
type ExportLevel struct {
	Role    string `json:"role,omitempty"`
	Title   string `json:"title"`
	Typical string `json:"typical,omitempty"`
}

// JSON returns the organisation as /org.json, with page URLs under base
// (the site's base path, "/" by default).
func (g *Graph) JSON(base string) []byte {
	url := func(u string) string { return strings.TrimSuffix(base, "/") + u }
	ids := func(roles []*Role) []string {
		out := make([]string, len(roles))
		for i, r := range roles {
			out[i] = r.ID()
		}
		return out
	}
	e := Export{Roles: []ExportRole{}, Teams: []ExportTeam{}, Processes: []ExportProcess{}, Ladders: []ExportLadder{}}
	for _, r := range g.Roles {
		p := r.Positions()
		x := ExportRole{ID: r.ID(), Title: r.Page.Title, URL: url(r.Page.URL), ReportsTo: ids(r.ReportsTo),
			Positions: Count{p.Min, p.Max}, External: r.External()}
		if r.Team != nil {
			x.Team = r.Team.Page.Meta.ID.Value
		}
		if o, ok := g.owners[r.Page]; ok {
			x.Owner = o.ID()
		}
		e.Roles = append(e.Roles, x)
	}
	for _, t := range g.Teams {
		h := t.Headcount()
		x := ExportTeam{ID: t.Page.Meta.ID.Value, Title: t.Page.Title, URL: url(t.Page.URL), Positions: Count{h.Min, h.Max}}
		if t.Lead != nil {
			x.Lead = t.Lead.ID()
		}
		if t.Parent != nil {
			x.Parent = t.Parent.Page.Meta.ID.Value
		}
		e.Teams = append(e.Teams, x)
	}
	for _, p := range g.Processes {
		x := ExportProcess{ID: p.Page.Meta.ID.Value, Title: p.Page.Title, URL: url(p.Page.URL), Participants: ids(p.Participants)}
		if p.Owner != nil {
			x.Owner = p.Owner.ID()
		}
		e.Processes = append(e.Processes, x)
	}
	for _, l := range g.Ladders {
		x := ExportLadder{ID: l.Page.Meta.ID.Value, Title: l.Page.Title, URL: url(l.Page.URL), Levels: []ExportLevel{}}
		for _, lv := range l.Levels {
			y := ExportLevel{Title: lv.Name(), Typical: lv.Typical}
			if lv.Role != nil {
				y.Role = lv.Role.ID()
			}
			x.Levels = append(x.Levels, y)
		}
		e.Ladders = append(e.Ladders, x)
	}
	h := Headcount(g.Roles)
	e.Positions = Count{h.Min, h.Max}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(e); err != nil {
		panic("org: cannot encode org.json: " + err.Error()) // plain strings and numbers only
	}
	return b.Bytes()
}

//go:embed schema.json
var schemaJSON []byte

// ExportSchema returns the JSON Schema of org.json, published at
// /schema/org.json.
func ExportSchema() []byte { return schemaJSON }
