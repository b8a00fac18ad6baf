package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
)

// Load reads an index back from the files Files wrote, found in fsys under
// Dir. Searching the loaded index is searching what the client downloads.
func Load(fsys fs.FS) (*Index, error) {
	var m struct {
		Pages  int                  `json:"pages"`
		Groups [][3]any             `json:"groups"`
		Dict   [][2]json.RawMessage `json:"dict"`
		Post   [][2]json.RawMessage `json:"post"`
		Packs  [][2]json.RawMessage `json:"packs"`
	}
	if err := readShard(fsys, "manifest", &m); err != nil {
		return nil, err
	}
	idx := &Index{Pages: make([]PageMeta, m.Pages)}
	for _, g := range m.Groups {
		kind, _ := g[0].(string)
		team, _ := g[1].(string)
		first, _ := g[2].(float64)
		idx.Groups = append(idx.Groups, Group{Kind: kind, Team: team, First: int(first)})
	}
	name := func(raw json.RawMessage) string {
		var s string
		_ = json.Unmarshal(raw, &s)
		return s
	}
	for _, d := range m.Dict {
		var shard struct {
			T []string `json:"t"`
			D []int    `json:"d"`
		}
		if err := readShard(fsys, name(d[1]), &shard); err != nil {
			return nil, err
		}
		idx.Terms = append(idx.Terms, shard.T...)
		idx.DF = append(idx.DF, shard.D...)
	}
	idx.Postings = make([][]Posting, len(idx.Terms))
	for _, p := range m.Post {
		var shard map[string]string
		if err := readShard(fsys, name(p[1]), &shard); err != nil {
			return nil, err
		}
		for t, enc := range shard {
			i, ok := idx.lookup(t)
			if !ok {
				return nil, fmt.Errorf("search index: postings for %q, which the dictionary lacks", t)
			}
			var err error
			if idx.Postings[i], err = decodePostings(enc); err != nil {
				return nil, err
			}
		}
	}
	for _, pk := range m.Packs {
		var first int
		_ = json.Unmarshal(pk[0], &first)
		var pack [][4]json.RawMessage
		if err := readShard(fsys, name(pk[1]), &pack); err != nil {
			return nil, err
		}
		for j, e := range pack {
			if first+j >= len(idx.Pages) {
				return nil, fmt.Errorf("search index: pack %s overflows", name(pk[1]))
			}
			p := &idx.Pages[first+j]
			var recs [][3]string
			for k, dst := range []any{&p.URL, &p.Title, &p.Crumbs, &recs} {
				if err := json.Unmarshal(e[k], dst); err != nil {
					return nil, fmt.Errorf("search index: %w", err)
				}
			}
			for _, r := range recs {
				if s, ok := slug(r[1]); ok && r[0] == "" {
					r[0] = s
				}
				p.Recs = append(p.Recs, Rec{ID: r[0], Title: r[1], Text: r[2]})
			}
		}
	}
	for i, ps := range idx.Postings {
		for _, p := range ps {
			if p.Page < 0 || p.Page >= len(idx.Pages) || p.Sec < 0 || p.Sec >= len(idx.Pages[p.Page].Recs) {
				return nil, fmt.Errorf("search index: a posting of %q points past the pages", idx.Terms[i])
			}
		}
	}
	for gi, g := range idx.Groups {
		end := len(idx.Pages)
		if gi+1 < len(idx.Groups) {
			end = idx.Groups[gi+1].First
		}
		for i := g.First; i < end; i++ {
			idx.Pages[i].Kind, idx.Pages[i].Team = g.Kind, g.Team
		}
	}
	return idx, nil
}

// readShard decodes the data of the script file of the named shard.
func readShard(fsys fs.FS, name string, v any) error {
	data, err := fs.ReadFile(fsys, path.Join(Dir, name+".js"))
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	prefix := fmt.Appendf(nil, "handbook.search._load(%q,", name)
	data = bytes.TrimSpace(data)
	if !bytes.HasPrefix(data, prefix) || !bytes.HasSuffix(data, []byte(")")) {
		return fmt.Errorf("search index: %s is not a shard", name)
	}
	if err := json.Unmarshal(data[len(prefix):len(data)-1], v); err != nil {
		return fmt.Errorf("search index: %s: %w", name, err)
	}
	return nil
}
