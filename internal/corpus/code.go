package corpus

import (
	"bytes"
	"fmt"
	"strings"
)

// codeBlock writes a fenced code block in one of the languages below,
// generated from r: names, numbers and length differ from page to page, as
// real snippets do, so that nothing (a highlighter's cache, say) can make
// the thousandth block cheaper than the first.
func codeBlock(b *bytes.Buffer, r *rng) {
	l := languages[r.next()%len(languages)]
	fmt.Fprintf(b, "```%s\n", l.name)
	l.write(b, r, 1+r.next()%3)
	b.WriteString("```\n\n")
}

// codeWords are the parts of generated names.
func codeWord(r *rng) string {
	return strings.ReplaceAll(vocabulary[r.zipf(len(vocabulary))], "-", "_")
}

var languages = []struct {
	name  string
	write func(b *bytes.Buffer, r *rng, k int)
}{
	{"go", func(b *bytes.Buffer, r *rng, k int) {
		fmt.Fprintf(b, "func %s(ctx context.Context, e %sEvent) (Response, error) {\n", identifier(r), title(codeWord(r)))
		for range k {
			fmt.Fprintf(b, "\t%s := e.%s(%d)\n", identifier(r), title(codeWord(r)), r.next()%100)
		}
		b.WriteString("\treturn nil\n}\n")
	}},
	{"python", func(b *bytes.Buffer, r *rng, k int) {
		fmt.Fprintf(b, "def %s(event, context):\n", strings.ToLower(identifier(r)))
		for range k {
			fmt.Fprintf(b, "    %s = event.get(%q, %d)\n", codeWord(r), codeWord(r), r.next()%100)
		}
		b.WriteString("    return event\n")
	}},
	{"typescript", func(b *bytes.Buffer, r *rng, k int) {
		fmt.Fprintf(b, "interface %s {\n", title(identifier(r)))
		for range k {
			fmt.Fprintf(b, "  %s: %s;\n", identifier(r), []string{"string", "number", "boolean", "string[]"}[r.next()%4])
		}
		b.WriteString("}\n")
	}},
	{"javascript", func(b *bytes.Buffer, r *rng, k int) {
		fmt.Fprintf(b, "export const %s = async (event) => {\n", identifier(r))
		for range k {
			fmt.Fprintf(b, "  const %s = event.%s ?? %d;\n", identifier(r), codeWord(r), r.next()%500)
		}
		b.WriteString("};\n")
	}},
	{"yaml", func(b *bytes.Buffer, r *rng, k int) {
		b.WriteString("functions:\n")
		for range k {
			fmt.Fprintf(b, "  %s: { handler: src/%s.handler, timeout: %d }\n", codeWord(r), codeWord(r), 1+r.next()%30)
		}
	}},
	{"json", func(b *bytes.Buffer, r *rng, k int) {
		fmt.Fprintf(b, "{\n  \"service\": %q,\n", service(r))
		for j := range k {
			fmt.Fprintf(b, "  %q: %d", codeWord(r), r.next()%10000)
			if j < k-1 {
				b.WriteString(",")
			}
			b.WriteString("\n")
		}
		b.WriteString("}\n")
	}},
	{"bash", func(b *bytes.Buffer, r *rng, k int) {
		for range k {
			fmt.Fprintf(b, "aws lambda invoke --function-name %s out.json && jq -r .%s out.json\n", codeWord(r), codeWord(r))
		}
	}},
	{"sql", func(b *bytes.Buffer, r *rng, k int) {
		fmt.Fprintf(b, "SELECT %s, avg(%s_ms) FROM %s\n", codeWord(r), codeWord(r), codeWord(r))
		for range k - 1 {
			fmt.Fprintf(b, "  WHERE %s > %d\n", codeWord(r), r.next()%100)
		}
		fmt.Fprintf(b, "GROUP BY 1 LIMIT %d;\n", 10+r.next()%90)
	}},
	{"hcl", func(b *bytes.Buffer, r *rng, k int) {
		name := codeWord(r)
		fmt.Fprintf(b, "resource \"aws_lambda_function\" %q {\n", name)
		for range k {
			fmt.Fprintf(b, "  %s = %q\n", codeWord(r), codeWord(r))
		}
		b.WriteString("}\n")
	}},
	{"rust", func(b *bytes.Buffer, r *rng, k int) {
		fmt.Fprintf(b, "pub fn %s(input: &[u8]) -> usize {\n", codeWord(r))
		for range k {
			fmt.Fprintf(b, "    let %s = input.len() * %d;\n", codeWord(r), 1+r.next()%64)
		}
		b.WriteString("}\n")
	}},
	{"java", func(b *bytes.Buffer, r *rng, k int) {
		fmt.Fprintf(b, "public final class %s {\n", title(identifier(r)))
		for range k {
			fmt.Fprintf(b, "    private static final int %s = %d;\n", strings.ToUpper(codeWord(r)), r.next()%10000)
		}
		b.WriteString("}\n")
	}},
}
