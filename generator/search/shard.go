package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// Dir is where the index files go, under the site root. The client finds it
// next to itself: one folder up from assets/.
const Dir = "search/index"

// Shard sizes, in bytes of JSON before compression. Dictionary and postings
// shards are small so that a query fetches little; text packs are larger
// because they are fetched only for the results shown, and so that a large
// handbook stays under one file per 25 pages (hosts limit file counts).
const (
	dictShardBytes = 12 << 10
	postShardBytes = 8 << 10
	packBytes      = 20 << 10
)

// File is one file of the index.
type File struct {
	Path string // "search/index/d.1a2b3c4d5e6f.js"
	Data []byte
}

// manifest lists the shards: for each, the first term (or page) it holds.
type manifest struct {
	Version int      `json:"v"`
	Pages   int      `json:"pages"`
	Cap     int      `json:"cap"`    // postings kept per term
	Groups  [][3]any `json:"groups"` // kind, team, first page
	Dict    [][2]any `json:"dict"`   // first term, file name
	Post    [][2]any `json:"post"`
	Packs   [][2]any `json:"packs"` // first page, file name
}

// Files writes idx as script files that call handbook.search._load(name,
// data): scripts load from any sub-path and from file://, where fetching
// JSON is blocked. Every name but the manifest's is a hash of the content,
// so unchanged shards keep their names and caches.
func (idx *Index) Files() ([]File, error) {
	var files []File
	m := manifest{Version: 1, Pages: len(idx.Pages), Cap: maxPostings, Groups: [][3]any{}}
	for _, g := range idx.Groups {
		m.Groups = append(m.Groups, [3]any{g.Kind, g.Team, g.First})
	}
	emit := func(prefix string, v any) (string, error) {
		data, err := marshal(v)
		if err != nil {
			return "", err
		}
		sum := sha256.Sum256(data)
		name := prefix + "." + hex.EncodeToString(sum[:6])
		files = append(files, File{Path: Dir + "/" + name + ".js", Data: wrap(name, data)})
		return name, nil
	}

	// The dictionary: terms and their record counts.
	for lo := 0; lo < len(idx.Terms); {
		hi, size := lo, 0
		for hi < len(idx.Terms) && (hi == lo || size < dictShardBytes) {
			size += len(idx.Terms[hi]) + 8
			hi++
		}
		name, err := emit("d", map[string]any{"t": idx.Terms[lo:hi], "d": idx.DF[lo:hi]})
		if err != nil {
			return nil, err
		}
		m.Dict = append(m.Dict, [2]any{idx.Terms[lo], name})
		lo = hi
	}

	// Postings: per term, a string (encode.go).
	for lo := 0; lo < len(idx.Terms); {
		shard := map[string]string{}
		hi, size := lo, 0
		for hi < len(idx.Terms) && (hi == lo || size < postShardBytes) {
			enc := idx.encodedPostings(hi)
			shard[idx.Terms[hi]] = enc
			size += len(idx.Terms[hi]) + len(enc) + 6
			hi++
		}
		name, err := emit("p", shard)
		if err != nil {
			return nil, err
		}
		m.Post = append(m.Post, [2]any{idx.Terms[lo], name})
		lo = hi
	}

	// Text packs: what results show, for runs of pages.
	for lo := 0; lo < len(idx.Pages); {
		var pack [][]any
		hi, size := lo, 0
		for hi < len(idx.Pages) && (hi == lo || size < packBytes) {
			p := idx.Pages[hi]
			recs := make([][3]string, len(p.Recs))
			for i, r := range p.Recs {
				id := r.ID
				if s, ok := slug(r.Title); ok && s == id {
					id = "" // the client slugs the title
				}
				recs[i] = [3]string{id, r.Title, r.Text}
				size += len(r.ID) + len(r.Title) + len(r.Text)
			}
			pack = append(pack, []any{p.URL, p.Title, p.Crumbs, recs})
			size += len(p.URL) + len(p.Title) + len(p.Crumbs)
			hi++
		}
		name, err := emit("t", pack)
		if err != nil {
			return nil, err
		}
		m.Packs = append(m.Packs, [2]any{lo, name})
		lo = hi
	}

	data, err := marshal(m)
	if err != nil {
		return nil, err
	}
	files = append(files, File{Path: Dir + "/manifest.js", Data: wrap("manifest", data)})
	return files, nil
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("search index: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

func wrap(name string, data []byte) []byte {
	return fmt.Appendf(nil, "handbook.search._load(%q,%s)\n", name, data)
}
