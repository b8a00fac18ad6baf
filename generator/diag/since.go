package diag

// Since returns the diagnostics of l that base does not have: what a change
// adds. Diagnostics are matched by file, rule and message, not by line, so
// that an old problem moved down by an edit above it is still old; and as a
// multiset, so that a second copy of an old problem is new.
func (l List) Since(base List) List {
	type key struct{ file, rule, msg string }
	old := map[key]int{}
	for _, d := range base {
		old[key{d.Pos.File, d.Rule, d.Msg}]++
	}
	var out List
	for _, d := range l {
		k := key{d.Pos.File, d.Rule, d.Msg}
		if old[k] > 0 {
			old[k]--
			continue
		}
		out = append(out, d)
	}
	return out
}
