package markdown

import (
	"github.com/alecthomas/chroma/v2"
)

// quickLexer tokenises like the chroma regex lexer it wraps, with the same
// rules in the same order, but skips the rules that cannot match at the
// current position because they cannot start with the rune found there.
//
// chroma tries a state's rules one by one at each position until one
// matches; a state has tens of rules, and each failed try costs a full
// regexp2 match setup even when the rule's first character already rules
// it out. Most rules start with a literal or a small set ("//", "[0-9]",
// a keyword list), which regexp2's own analysis finds; a rune outside
// that set is rejected with a bit test instead. Every rule that could
// match is still tried, in order, so the tokens are chroma's own
// (TestQuickLexerMatchesChroma checks that on chroma's test files for
// every lexer).
type quickLexer struct {
	*chroma.RegexLexer
	registry *chroma.LexerRegistry
	rules    chroma.CompiledRules
	filters  map[string][]quickRule // per state, aligned with rules
	ensureNL bool
}

// quickRule is what a quickLexer knows of a rule before trying it.
type quickRule struct {
	first firstRunes
	// plain says the rule's emitter is a token type and its mutator, if
	// any, pushes or pops states: neither reads the groups beyond the
	// whole match, so match makes only that (a tenth of the lexing time
	// went to the groups and their names).
	plain bool
}

// plainRule reports whether r is plain (see quickRule).
func plainRule(r *chroma.CompiledRule) bool {
	if _, ok := r.Type.(chroma.TokenType); !ok && r.Type != nil {
		return false
	}
	if r.Mutator == nil {
		return true
	}
	m, ok := r.Mutator.(interface{ MutatorKind() string })
	return ok && (m.MutatorKind() == "push" || m.MutatorKind() == "pop")
}

// newQuickLexer wraps rl, whose compiled rules are rules and whose
// registry is registry (chroma keeps both unexported).
func newQuickLexer(rl *chroma.RegexLexer, rules chroma.CompiledRules, registry *chroma.LexerRegistry) *quickLexer {
	q := &quickLexer{
		RegexLexer: rl,
		registry:   registry,
		rules:      rules,
		filters:    make(map[string][]quickRule, len(rules)),
		ensureNL:   rl.Config().EnsureNL,
	}
	flags := ruleFlags(rl.Config())
	for state, rs := range rules {
		fs := make([]quickRule, len(rs))
		for i, r := range rs {
			fs[i] = quickRule{first: firstRunesOf(flags, r.Pattern), plain: plainRule(r)}
		}
		q.filters[state] = fs
	}
	return q
}

// ruleFlags returns the inline flags chroma compiles every rule with.
func ruleFlags(c *chroma.Config) string {
	flags := ""
	if !c.NotMultiline {
		flags += "m"
	}
	if c.CaseInsensitive {
		flags += "i"
	}
	if c.DotAll {
		flags += "s"
	}
	return flags
}
