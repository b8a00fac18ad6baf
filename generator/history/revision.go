package history

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"testing/fstest"
)

// Site returns the files under the site folder at revision ref, limited to
// the given paths (folders or files, relative to the site), read from git's
// object store: the working tree is not touched. A site folder that did not
// exist at ref gives an empty file system.
func (r *Repo) Site(ctx context.Context, ref string, paths ...string) (fstest.MapFS, error) {
	if _, err := r.run(ctx, nil, "rev-parse", "--verify", "--quiet", ref+"^{commit}"); err != nil {
		return nil, fmt.Errorf("no revision %q in this repository", ref)
	}
	tree := ref + ":" + strings.TrimSuffix(r.prefix, "/")
	args := append([]string{"ls-tree", "-r", "-z", "--full-tree", tree, "--"}, paths...)
	list, err := r.run(ctx, nil, args...)
	if err != nil {
		if _, err := r.run(ctx, nil, "rev-parse", "--verify", "--quiet", tree); err != nil {
			return fstest.MapFS{}, nil // the site is new since ref
		}
		return nil, err
	}
	var ids bytes.Buffer
	var names []string
	fsys := fstest.MapFS{}
	for _, entry := range bytes.Split(list, []byte{0}) {
		// "<mode> <type> <object>\t<path>"
		meta, name, ok := bytes.Cut(entry, []byte("\t"))
		f := strings.Fields(string(meta))
		if !ok || len(f) != 3 || f[1] != "blob" {
			continue // submodules have no content here
		}
		if f[0] == "120000" {
			// A symbolic link is kept as one, without its target: the
			// loader warns about it and skips it, in the base as in the
			// working tree, so that --base does not call it new.
			fsys[string(name)] = &fstest.MapFile{Mode: fs.ModeSymlink | 0o777}
			continue
		}
		ids.WriteString(f[2] + "\n")
		names = append(names, string(name))
	}
	if len(names) == 0 {
		return fsys, nil
	}
	out, err := r.run(ctx, ids.Bytes(), "cat-file", "--batch")
	if err != nil {
		return nil, err
	}
	br := bufio.NewReader(bytes.NewReader(out))
	for _, name := range names {
		data, err := readObject(br)
		if err != nil {
			return nil, fmt.Errorf("read %s at %s: %w", name, ref, err)
		}
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return fsys, nil
}

// readObject reads one "<object> <type> <size>\n<content>\n" record of
// git cat-file --batch.
func readObject(br *bufio.Reader) ([]byte, error) {
	head, err := br.ReadString('\n')
	if err != nil {
		return nil, err
	}
	f := strings.Fields(head)
	if len(f) != 3 {
		return nil, fmt.Errorf("unexpected git cat-file output %q", head)
	}
	size, err := strconv.Atoi(f[2])
	if err != nil {
		return nil, fmt.Errorf("unexpected git cat-file output %q", head)
	}
	data := make([]byte, size+1)
	if _, err := io.ReadFull(br, data); err != nil {
		return nil, err
	}
	return data[:size], nil
}
