// Package corpus generates large handbooks for benchmarks: the build's
// (generator/bench_test.go) and the search index's (cmd/searchbench).
package corpus

import (
	"fmt"
	"strings"
	"testing/fstest"
)

// Large generates a handbook of n pages: a tenth roles in a
// reporting tree, a tenth processes, the rest plain pages in folders of 50,
// each with sections, links to other pages and their headings, and, every
// third page, a code block.
func Large(n int) fstest.MapFS {
	fsys := fstest.MapFS{}
	roles := max(1, n/10)
	for i := range roles {
		fm := fmt.Sprintf("---\ntitle: Role %d\npositions: %d\n", i, 1+i%3)
		if i > 0 {
			fm += fmt.Sprintf("reports_to: role-%d\n", (i-1)/4)
		}
		fsys[fmt.Sprintf("content/roles/role-%d.md", i)] = &fstest.MapFile{Data: []byte(fm + "---\n" + body(i, n, "../"))}
	}
	procs := max(1, n/10)
	for i := range procs {
		fm := fmt.Sprintf("---\ntitle: Process %d\nowner: role-%d\nparticipants: [role-%d]\n---\n", i, i%roles, (i+1)%roles)
		fsys[fmt.Sprintf("content/processes/process-%d.md", i)] = &fstest.MapFile{Data: []byte(fm + body(i, n, "../"))}
	}
	for i := range n - roles - procs {
		fsys[fmt.Sprintf("content/guides/g%d/page-%d.md", i/50, i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("# Guide page %d\n\n", i) + body(i, n, "../../"))}
	}
	return fsys
}

func body(i, n int, up string) string {
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

// Query is a search query with its class (identifier, typo, prefix,
// natural) and the URL of the page it should find first.
type Query struct{ Class, Q, Want string }

// Queries makes the query set for a generated handbook from its pages'
// URLs and titles: for every tenth numbered page, its title as written,
// with two neighbouring letters of its first word swapped (one edit), and
// as it is typed with the number first ("45 proc").
func Queries[P any](pages []P, urlTitle func(P) (string, string)) []Query {
	var qs []Query
	for i, p := range pages {
		url, title := urlTitle(p)
		f := strings.Fields(title)
		if i%10 != 0 || len(f) < 2 || len(f[0]) < 4 {
			continue
		}
		w := []byte(f[0])
		w[1], w[2] = w[2], w[1]
		num := f[len(f)-1]
		qs = append(qs,
			Query{"identifier", title, url},
			Query{"typo", string(w) + " " + strings.Join(f[1:], " "), url},
			Query{"prefix", num + " " + strings.ToLower(f[0][:4]), url},
		)
	}
	return qs
}
