package markdown

import (
	"reflect"
	"testing"
	"unsafe"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

func TestPatientCopyHighlightsAsChromaWithTheLongerTimeout(t *testing.T) {
	code := map[string]string{
		"go":         "func f(x int) error {\n\treturn fmt.Errorf(\"x=%d\", x) // done\n}\n",
		"sql":        "SELECT service, avg(duration_ms) FROM invocations WHERE day = current_date GROUP BY 1;\n",
		"yaml":       "key: value\nlist:\n  - a # note\n",
		"bash":       "for f in *.md; do echo \"$f\" | wc -l; done\n",
		"python":     "def f(x):\n    return [i ** 2 for i in range(x)]\n",
		"javascript": "const f = async (x) => { await g(`${x}`); };\n",
		"hcl":        "resource \"aws_lambda_function\" \"f\" {\n  memory_size = 128\n}\n",
		"html":       "<p class=\"x\">a</p><script>let y = 1;</script>\n",
	}
	for lang, src := range code {
		orig := lexers.Get(lang)
		cp := patientCopy(orig)
		if cp == orig {
			t.Errorf("%s: no copy made; chroma's RegexLexer changed? Its 250 ms timeout makes highlighting depend on machine load", lang)
			continue
		}
		rules := *(*map[string][]*chroma.CompiledRule)(unsafe.Pointer(reflect.ValueOf(cp).Elem().FieldByName("rules").UnsafeAddr()))
		for state, rs := range rules {
			for _, r := range rs {
				if r.Regexp != nil && r.Regexp.MatchTimeout != matchTimeout {
					t.Fatalf("%s: state %s has timeout %v; want %v", lang, state, r.Regexp.MatchTimeout, matchTimeout)
				}
			}
		}
		want, err := chroma.Tokenise(orig, nil, src)
		if err != nil {
			t.Fatal(err)
		}
		got, err := chroma.Tokenise(cp, nil, src)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the copy tokenises differently:\n got %v\nwant %v", lang, got, want)
		}
	}
}

func TestPatientCopyLeavesOtherLexersAlone(t *testing.T) {
	l := chroma.Coalesce(lexers.Get("go"))
	if got := patientCopy(l); got != l {
		t.Errorf("patientCopy of a non-regex lexer = %v; want it unchanged", got)
	}
}
