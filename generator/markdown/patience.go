package markdown

import (
	"reflect"
	"sync"
	"time"
	"unsafe"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/lexers"
)

// matchTimeout bounds one regular expression match of a lexer rule.
//
// chroma gives every rule 250 ms, measured on the wall clock, and when a
// match runs out of it, drops the error and tries the next rule: the code
// is still highlighted, but differently ("WHERE" as a name, not a keyword).
// On a loaded machine a goroutine can wait that long for a CPU, so the same
// handbook built twice gave different pages (seen on a 10,000-page build
// with five builds sharing two cores). A bound is still wanted, against a
// rule that backtracks without end on some input; 10 s is far beyond any
// stall of a working machine and keeps such a rule from hanging the build.
const matchTimeout = 10 * time.Second

// patient returns patientCopy(l), made once per process for each lexer of
// chroma's registry, as chroma makes those once per process: compiling a
// lexer's rules takes milliseconds (about 50 ms for the seven languages of
// the benchmark handbook), which every build and every serve rebuild would
// otherwise pay again.
func patient(l chroma.Lexer) chroma.Lexer {
	patientLexers.Lock()
	defer patientLexers.Unlock()
	if c, ok := patientLexers.m[l]; ok {
		return c
	}
	c := patientCopy(l)
	if patientLexers.m == nil {
		patientLexers.m = map[chroma.Lexer]chroma.Lexer{}
	}
	patientLexers.m[l] = c
	return c
}

var patientLexers struct {
	sync.Mutex
	m map[chroma.Lexer]chroma.Lexer // registry lexer → its patient copy
}

// patientCopy returns a private copy of a chroma regex lexer whose rules
// time out after matchTimeout, or l itself when l is not a regex lexer or
// chroma's internals are not as expected (then the only loss is chroma's
// own timeout).
//
// chroma has no option for the timeout (alecthomas/chroma#638 was closed
// unmerged) and keeps the compiled rules in an unexported field. The copy is
// compiled from l's rules and config and changed before any goroutine sees
// it: the lexers in chroma's registry, which other lexers embed, are never
// written to.
func patientCopy(l chroma.Lexer) chroma.Lexer {
	rl, ok := l.(*chroma.RegexLexer)
	if !ok {
		return l
	}
	rules, err := rl.Rules()
	if err != nil {
		return l
	}
	cp, err := chroma.NewLexer(rl.Config(), func() chroma.Rules { return rules })
	if err != nil {
		return l
	}
	cp.SetRegistry(lexers.GlobalLexerRegistry)
	cp.SetAnalyser(rl.AnalyseText)
	if _, err := cp.Tokenise(nil, ""); err != nil { // compiles the rules
		return l
	}
	f := reflect.ValueOf(cp).Elem().FieldByName("rules")
	if !f.IsValid() || f.Type() != reflect.TypeFor[map[string][]*chroma.CompiledRule]() {
		return l
	}
	compiled := *(*map[string][]*chroma.CompiledRule)(unsafe.Pointer(f.UnsafeAddr()))
	for _, state := range compiled {
		for _, rule := range state {
			if rule.Regexp != nil {
				rule.Regexp.MatchTimeout = matchTimeout
			}
		}
	}
	return newQuickLexer(cp, compiled, lexers.GlobalLexerRegistry)
}
