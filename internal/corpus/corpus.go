// Package corpus generates large handbooks for benchmarks: Large for the
// in-process build benchmarks (generator/bench_test.go), search
// (cmd/searchbench) and serve (internal/benchserve); Handbook, a more
// realistic one, for the cold-build comparison with Hugo (cmd/buildbench,
// cmd/handbook-gen).
package corpus

import (
	"fmt"
	"math"
	"slices"
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
		fsys[fmt.Sprintf("content/roles/role-%d.md", i)] = &fstest.MapFile{Data: []byte(fm + "---\n" + body(roleSeed(i), i, n, "../"))}
	}
	procs := max(1, n/10)
	for i := range procs {
		fm := fmt.Sprintf("---\ntitle: Process %d\nowner: role-%d\nparticipants: [role-%d]\n---\n", i, i%roles, (i+1)%roles)
		fsys[fmt.Sprintf("content/processes/process-%d.md", i)] = &fstest.MapFile{Data: []byte(fm + body(processSeed(i), i, n, "../"))}
	}
	for i := range n - roles - procs {
		fsys[fmt.Sprintf("content/guides/g%d/page-%d.md", i/50, i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("# Guide page %d\n\n", i) + body(3<<32|uint64(i), i, n, "../../"))}
	}
	return fsys
}

// body is page i's text: four sections that link to a role and a process,
// with sentences drawn deterministically from vocabulary (common words
// often, rare ones seldom, as in real text), a service name, a list, and
// on every third page a code block in one of several languages. Pages differ
// in their words, so that the search benchmark ranks by more than titles.
func body(seed uint64, i, n int, up string) string {
	var b strings.Builder
	r := rng(seed*2654435761 + 1)
	role := i % max(1, n/10)
	heads := headings(seed)
	for s := range 4 {
		fmt.Fprintf(&b, "## %s\n\n", heads[s])
		for range 2 + r.next()%3 {
			b.WriteString(sentence(&r))
		}
		fmt.Fprintf(&b, "The %s service is owned here. ", service(&r))
		fmt.Fprintf(&b, "See [role %d](%sroles/role-%d.md#%s) and the [on-call process](%sprocesses/process-0.md#%s).\n\n", role, up, role, slug(headings(roleSeed(role))[1]), up, slug(headings(processSeed(0))[2]))
		fmt.Fprintf(&b, "- Cold starts under %d ms\n- Availability 99.%d%%\n- Reviews within %d hours\n\n", 100*(1+r.next()%9), r.next()%10, 4*(1+r.next()%12))
		if i%3 == 0 && s == 1 {
			b.WriteString(code[(i/3)%len(code)])
		}
	}
	return b.String()
}

func roleSeed(i int) uint64    { return 1<<32 | uint64(i) }
func processSeed(i int) uint64 { return 2<<32 | uint64(i) }

// headings are the four section headings of the page with the given seed,
// two words each and distinct, so that links can name their anchors.
func headings(seed uint64) [4]string {
	var hs [4]string
	r := rng(seed*40503 + 7)
	for s := range hs {
		for {
			hs[s] = title(vocabulary[r.zipf(len(vocabulary))]) + " " + vocabulary[r.zipf(len(vocabulary))]
			if !slices.Contains(hs[:s], hs[s]) {
				break
			}
		}
	}
	return hs
}

// slug is the id of a heading of vocabulary words.
func slug(h string) string { return strings.ReplaceAll(strings.ToLower(h), " ", "-") }

// The code blocks pages carry, in different languages.
var code = []string{
	"```go\nfunc handler(ctx context.Context, e Event) (Response, error) {\n\treturn Response{Status: 200}, nil\n}\n```\n\n",
	"```python\ndef handler(event, context):\n    return {\"statusCode\": 200, \"body\": json.dumps(event)}\n```\n\n",
	"```javascript\nexport const handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });\n```\n\n",
	"```yaml\nfunctions:\n  api:\n    handler: src/api.handler\n    timeout: 10\n    memorySize: 512\n```\n\n",
	"```bash\naws lambda invoke --function-name api --payload '{}' out.json && jq .statusCode out.json\n```\n\n",
	"```sql\nSELECT service, avg(duration_ms) FROM invocations WHERE day = current_date GROUP BY service;\n```\n\n",
	"```hcl\nresource \"aws_lambda_function\" \"api\" {\n  function_name = \"api\"\n  runtime       = \"nodejs20.x\"\n}\n```\n\n",
}

// sentence is seven to fourteen words of vocabulary.
func sentence(r *rng) string {
	n := 7 + r.next()%8
	ws := make([]string, n)
	for k := range ws {
		ws[k] = vocabulary[r.zipf(len(vocabulary))]
	}
	ws[0] = title(ws[0])
	return strings.Join(ws, " ") + ". "
}

// service is a made-up service name: one of 400, shared by some pages.
func service(r *rng) string {
	syl := []string{"ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "da", "fi", "go", "ha", "ju", "pe", "qui", "ro", "su", "tan", "wex"}
	return syl[r.next()%20] + syl[r.next()%20] + syl[r.next()%20]
}

func title(w string) string { return strings.ToUpper(w[:1]) + w[1:] }

// rng is a small deterministic generator (xorshift64*): the corpus must be
// the same on every run and Go version, which math/rand does not promise.
type rng uint64

func (r *rng) next() int {
	*r ^= *r >> 12
	*r ^= *r << 25
	*r ^= *r >> 27
	return int((uint64(*r) * 2685821657736338717) >> 33)
}

// zipf picks an index below n, low ones far more often (about 1/rank).
func (r *rng) zipf(n int) int {
	u := float64(r.next()%1000000) / 1000000
	return min(n-1, int(math.Pow(float64(n+1), u))-1)
}

// vocabulary is the words of generated text, roughly most common first.
var vocabulary = strings.Fields(`the team we service deploy review release on-call incident budget
latency function queue event alert owner runbook metric dashboard change approval pipeline test
staging production rollback cost capacity customer ticket design document decision meeting weekly
quarterly planning roadmap goal objective result mentor feedback promotion level ladder interview
hiring onboarding handover escalation severity postmortem timeline retro action item dependency
library version upgrade migration schema database table index cache storage bucket encryption key
secret rotation access permission audit compliance policy vendor contract license invoice forecast
throughput concurrency timeout retry backoff idempotency webhook gateway endpoint authentication
token session certificate domain dns traffic region failover backup restore snapshot archive log
trace span sampling cardinality histogram percentile availability durability consistency partition
shard replica leader follower consensus election heartbeat probe health readiness liveness
container image registry cluster node pod scheduler autoscaling quota limit throttle burst spike
regression benchmark profile flame allocation garbage memory leak thread lock deadlock race
contention mutex channel stream batch window aggregate join filter projection lambda step
orchestration choreography saga compensation outbox inbox deduplication ordering exactly-once
at-least-once serverless terraform cloudformation kubernetes python golang typescript rust java
pairing refactoring documentation architecture security privacy risk threat model penetration
vulnerability patch dependency-bot linting formatting coverage mutation fuzzing property snapshot
contract consumer provider stub mock fixture integration acceptance canary blue-green feature-flag
experiment cohort funnel retention churn activation adoption satisfaction survey interview persona`)

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
