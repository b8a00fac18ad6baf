// Package sample generates large handbooks for benchmarks: the build
// benchmark of package generator and `make bench-serve`.
package sample

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing/fstest"
)

// Handbook generates a handbook of n pages: a tenth roles in a reporting
// tree, a tenth processes, the rest plain pages in folders of 50, each with
// sections, links to other pages and their headings, and, every third page,
// a code block.
func Handbook(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	roles := max(1, n/10)
	for i := range roles {
		fm := fmt.Sprintf("---\ntitle: Role %d\npositions: %d\n", i, 1+i%3)
		if i > 0 {
			fm += fmt.Sprintf("reports_to: role-%d\n", (i-1)/4)
		}
		fsys[fmt.Sprintf("content/roles/role-%d.md", i)] = &fstest.MapFile{Data: []byte(fm + "---\n" + Body(i, n, "../"))}
	}
	procs := max(1, n/10)
	for i := range procs {
		fm := fmt.Sprintf("---\ntitle: Process %d\nowner: role-%d\nparticipants: [role-%d]\n---\n", i, i%roles, (i+1)%roles)
		fsys[fmt.Sprintf("content/processes/process-%d.md", i)] = &fstest.MapFile{Data: []byte(fm + Body(i, n, "../"))}
	}
	for i := range n - roles - procs {
		fsys[GuidePath(i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("# Guide page %d\n\n", i) + Body(i, n, "../../"))}
	}
	return fsys
}

// GuidePath returns the path of the i-th plain page.
func GuidePath(i int) string {
	return fmt.Sprintf("content/guides/g%d/page-%d.md", i/50, i)
}

// Body is the Markdown of the i-th page of a handbook of n pages; up leads
// from its folder to content/.
func Body(i, n int, up string) string {
	var b strings.Builder
	for s := range 4 {
		fmt.Fprintf(&b, "## Section %d\n\nThe team keeps its serverless functions small, observable and cheap. ", s)
		fmt.Fprintf(&b, "See [role %d](%sroles/role-%d.md#section-1) and the [on-call process](%sprocesses/process-0.md#section-2).\n\n", i%max(1, n/10), up, i%max(1, n/10), up)
		b.WriteString("- Cold starts under 500 ms\n- Availability 99.9%\n- Reviews within 24 hours\n\n")
		if i%3 == 0 && s == 1 {
			b.WriteString("```go\nfunc handler(ctx context.Context, e Event) (Response, error) {\n\treturn Response{Status: 200}, nil\n}\n```\n\n")
		}
	}
	return b.String()
}

// Write writes fsys's files under dir.
func Write(dir string, fsys fstest.MapFS) error {
	for name, f := range fsys {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}
