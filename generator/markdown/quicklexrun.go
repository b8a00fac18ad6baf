package markdown

import (
	"strings"
	"unicode/utf8"

	"github.com/alecthomas/chroma/v2"
	"github.com/dlclark/regexp2/v2"
)

// Tokenise is chroma's RegexLexer.Tokenise, lexing with the rule filter.
func (q *quickLexer) Tokenise(options *chroma.TokeniseOptions, text string) (chroma.Iterator, error) {
	if options == nil {
		options = &chroma.TokeniseOptions{State: "root", EnsureLF: true}
	}
	if options.EnsureLF {
		text = ensureLF(text)
	}
	newlineAdded := false
	if !options.Nested && q.ensureNL && !strings.HasSuffix(text, "\n") {
		text += "\n"
		newlineAdded = true
	}
	l := &quickLex{
		q:     q,
		start: options.State,
		s: &chroma.LexerState{
			Lexer:          q.RegexLexer,
			Registry:       q.registry,
			Text:           []rune(text),
			Stack:          []string{options.State},
			Rules:          q.rules,
			MutatorContext: map[any]any{},
		},
	}
	l.end = len(l.s.Text)
	if newlineAdded {
		l.end--
	}
	return l.next, nil
}

// ensureLF is chroma's: \r\n and a lone \r become \n.
func ensureLF(text string) string {
	if !strings.Contains(text, "\r") {
		return text
	}
	buf := make([]byte, 0, len(text))
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '\r' {
			if i+1 < len(text) && text[i+1] == '\n' {
				continue
			}
			c = '\n'
		}
		buf = append(buf, c)
	}
	return string(buf)
}

// quickLex is one run of a quickLexer: chroma's LexerState.Iterator with
// the rules filtered by their first rune.
type quickLex struct {
	q         *quickLexer
	s         *chroma.LexerState
	start     string // the state the lex started in
	end       int    // where lexing stops: before a newline Tokenise added
	iterators []chroma.Iterator
}

// next returns the next token, as chroma's LexerState.Iterator does.
func (l *quickLex) next() chroma.Token {
	s := l.s
	for s.Pos < l.end && len(s.Stack) > 0 {
		if t, ok := l.drain(); ok {
			return t
		}
		s.State = s.Stack[len(s.Stack)-1]
		rules, ok := s.Rules[s.State]
		if !ok {
			panic("unknown state " + s.State)
		}
		index, rule, groups, named := l.match(rules)
		if groups == nil {
			// As chroma (and Pygments) do: an unmatched newline
			// resets the stack, anything else is an error token.
			if s.Text[s.Pos] == '\n' && s.State != l.start {
				s.Stack = []string{l.start}
				continue
			}
			s.Pos++
			return chroma.Token{Type: chroma.Error, Value: string(s.Text[s.Pos-1 : s.Pos])}
		}
		s.Rule = index
		s.Groups = groups
		s.NamedGroups = named
		s.Pos += utf8.RuneCountInString(groups[0])
		if rule.Mutator != nil {
			if err := rule.Mutator.Mutate(s); err != nil {
				panic(err)
			}
		}
		if rule.Type != nil {
			l.iterators = append(l.iterators, rule.Type.Emit(s.Groups, s))
		}
	}
	if t, ok := l.drain(); ok {
		return t
	}
	if s.Pos != len(s.Text) && len(s.Stack) == 0 {
		value := string(s.Text[s.Pos:])
		s.Pos = len(s.Text)
		return chroma.Token{Type: chroma.Error, Value: value}
	}
	return chroma.EOF
}

// drain returns the next token of the emitters' iterators, if any.
func (l *quickLex) drain() (chroma.Token, bool) {
	for len(l.iterators) > 0 {
		n := len(l.iterators) - 1
		t := l.iterators[n]()
		if t.Type == chroma.Ignore {
			continue
		}
		if t == chroma.EOF {
			l.iterators = l.iterators[:n]
			continue
		}
		return t, true
	}
	return chroma.Token{}, false
}

// match is chroma's matchRules, skipping the rules the filter rules out.
func (l *quickLex) match(rules []*chroma.CompiledRule) (int, *chroma.CompiledRule, []string, map[string]string) {
	s := l.s
	filters := l.q.filters[s.State]
	if len(filters) != len(rules) {
		filters = nil
	}
	for i, rule := range rules {
		if filters != nil && !filters[i].first.allows(s.Text, s.Pos) {
			continue
		}
		if filters != nil && filters[i].plain {
			if n, ok := matchAt(rule, s.Text, s.Pos); ok {
				return i, rule, []string{string(s.Text[s.Pos : s.Pos+n])}, nil
			}
			continue
		}
		m, err := rule.Regexp.FindRunesMatchStartingAt(s.Text, s.Pos)
		if m != nil && err == nil && m.RuneIndex == s.Pos {
			groups := []string{}
			named := make(map[string]string)
			for _, g := range m.Groups() {
				named[g.Name] = g.String()
				groups = append(groups, g.String())
			}
			return i, rule, groups, named
		}
	}
	return 0, &chroma.CompiledRule{}, nil, nil
}

// matchAt returns the length of rule's match in text at pos, as
// FindRunesMatchStartingAt finds it, without the Match and text record it
// allocates for each: a tenth of what a 10,000-page build allocated. A
// match that times out is no match, as in chroma.
func matchAt(rule *chroma.CompiledRule, text []rune, pos int) (n int, ok bool) {
	err := rule.Regexp.FindRunesMatches(text, pos, func(m regexp2.MatchView) bool {
		at, length, found := m.GroupRange(0)
		n, ok = length, found && at == pos
		return false // the first match only
	})
	return n, ok && err == nil
}
