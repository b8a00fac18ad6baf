package markdown

import (
	"unicode"
	"unicode/utf8"

	"github.com/dlclark/regexp2/v2/syntax"
)

// firstRunes bounds where a rule can match: the ASCII runes its match can
// start with, and whether it must start a line or the text. A non-ASCII
// rune is always tried.
type firstRunes struct {
	any    bool      // no bound on the first rune
	ascii  [2]uint64 // else, the ASCII runes a match can start with
	anchor syntax.NodeType
}

// allows reports whether a match may start at pos of text.
func (f *firstRunes) allows(text []rune, pos int) bool {
	switch f.anchor {
	case syntax.NtBeginning:
		if pos != 0 {
			return false
		}
	case syntax.NtBol:
		if pos != 0 && text[pos-1] != '\n' {
			return false
		}
	}
	r := text[pos]
	return f.any || r >= utf8.RuneSelf || f.ascii[r>>6]&(1<<(r&63)) != 0
}

// firstRunesOf analyses pattern as chroma compiles it, without the \G
// anchor chroma puts in front. Whatever it does not understand, it
// allows.
func firstRunesOf(flags, pattern string) firstRunes {
	expr := "(?:" + pattern + ")"
	if flags != "" {
		expr = "(?" + flags + ")" + expr
	}
	tree, err := syntax.Parse(expr, syntax.ParseOptions{})
	if err != nil {
		return firstRunes{any: true}
	}
	var f firstRunes
	if empty := f.add(tree.Root); empty {
		f.any = true
	}
	f.anchor = leadingAnchor(tree.Root)
	return f
}

// add adds the ASCII runes a match of n can start with and reports
// whether n can match the empty string (then what follows n can start the
// match too).
func (f *firstRunes) add(n *syntax.RegexNode) (empty bool) {
	fold := n.Options&syntax.IgnoreCase != 0
	switch n.T {
	case syntax.NtOne:
		f.addRune(n.Ch, fold)
		return false
	case syntax.NtMulti:
		f.addRune(n.Str[0], fold)
		return false
	case syntax.NtSet:
		f.addSet(n.Set)
		return false
	case syntax.NtOneloop, syntax.NtOnelazy, syntax.NtOneloopatomic:
		f.addRune(n.Ch, fold)
		return n.M == 0
	case syntax.NtSetloop, syntax.NtSetlazy, syntax.NtSetloopatomic:
		f.addSet(n.Set)
		return n.M == 0
	case syntax.NtLoop, syntax.NtLazyloop:
		return f.add(n.Children[0]) || n.M == 0
	case syntax.NtCapture, syntax.NtGroup, syntax.NtAtomic:
		return f.add(n.Children[0])
	case syntax.NtConcatenate:
		for _, c := range n.Children {
			if !f.add(c) {
				return false
			}
		}
		return true
	case syntax.NtAlternate:
		for _, c := range n.Children {
			if f.add(c) {
				empty = true
			}
		}
		return empty
	case syntax.NtNothing:
		return false
	case syntax.NtEmpty, syntax.NtBol, syntax.NtEol, syntax.NtBoundary, syntax.NtNonboundary,
		syntax.NtECMABoundary, syntax.NtNonECMABoundary, syntax.NtBeginning, syntax.NtStart,
		syntax.NtEndZ, syntax.NtEnd, syntax.NtPosLook, syntax.NtNegLook, syntax.NtUpdateBumpalong:
		// Zero width: they constrain the match, which only makes the
		// bound found without them looser.
		return true
	default: // [^a], backreferences, conditionals, \X, ...
		f.any = true
		return true
	}
}

// addRune adds r, and with fold its other ASCII case.
func (f *firstRunes) addRune(r rune, fold bool) {
	if r >= utf8.RuneSelf {
		if fold { // may equal an ASCII letter ignoring case (K, ſ)
			f.any = true
		}
		return
	}
	f.ascii[r>>6] |= 1 << (r & 63)
	if fold {
		for _, c := range []rune{unicode.ToLower(r), unicode.ToUpper(r)} {
			f.ascii[c>>6] |= 1 << (c & 63)
		}
	}
}

// addSet adds the ASCII runes of set; the set has any case folding in it.
func (f *firstRunes) addSet(set *syntax.CharSet) {
	for r := rune(0); r < utf8.RuneSelf; r++ {
		if set.Contains(r) {
			f.ascii[r>>6] |= 1 << (r & 63)
		}
	}
}

// leadingAnchor returns \A (NtBeginning) or ^ (NtBol) when every match of n
// must start with it.
func leadingAnchor(n *syntax.RegexNode) syntax.NodeType {
	switch n.T {
	case syntax.NtBeginning, syntax.NtBol:
		return n.T
	case syntax.NtCapture, syntax.NtGroup, syntax.NtAtomic:
		return leadingAnchor(n.Children[0])
	case syntax.NtConcatenate:
		return leadingAnchor(n.Children[0])
	case syntax.NtAlternate:
		a := leadingAnchor(n.Children[0])
		for _, c := range n.Children[1:] {
			if leadingAnchor(c) != a {
				return syntax.NtUnknown
			}
		}
		return a
	}
	return syntax.NtUnknown
}
