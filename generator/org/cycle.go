package org

import "slices"

// cycles returns one simple cycle for every group of nodes that can reach
// each other (Tarjan's strongly connected components), each starting at the
// node that comes first in nodes, so that the report is stable. A node with
// an edge to itself is a cycle of one.
func cycles[N comparable](nodes []N, next func(N) []N) [][]N {
	index := map[N]int{}
	low := map[N]int{}
	onStack := map[N]bool{}
	var stack []N
	var out [][]N
	order := func(n N) int { return slices.Index(nodes, n) }

	var visit func(n N)
	visit = func(n N) {
		index[n] = len(index)
		low[n] = index[n]
		stack = append(stack, n)
		onStack[n] = true
		for _, m := range next(n) {
			if _, seen := index[m]; !seen {
				visit(m)
				low[n] = min(low[n], low[m])
			} else if onStack[m] {
				low[n] = min(low[n], index[m])
			}
		}
		if low[n] != index[n] {
			return
		}
		var comp []N
		for {
			m := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[m] = false
			comp = append(comp, m)
			if m == n {
				break
			}
		}
		if len(comp) == 1 && !slices.Contains(next(n), n) {
			return
		}
		start := slices.MinFunc(comp, func(a, b N) int { return order(a) - order(b) })
		out = append(out, pathBack(start, comp, next))
	}
	for _, n := range nodes {
		if _, seen := index[n]; !seen {
			visit(n)
		}
	}
	slices.SortFunc(out, func(a, b []N) int { return order(a[0]) - order(b[0]) })
	return out
}

// pathBack finds a path from start back to itself inside comp, by depth-first
// search, and returns it without repeating start at the end.
func pathBack[N comparable](start N, comp []N, next func(N) []N) []N {
	seen := map[N]bool{}
	var path []N
	var dfs func(n N) bool
	dfs = func(n N) bool {
		path = append(path, n)
		seen[n] = true
		for _, m := range next(n) {
			if m == start {
				return true
			}
			if slices.Contains(comp, m) && !seen[m] && dfs(m) {
				return true
			}
		}
		path = path[:len(path)-1]
		return false
	}
	dfs(start)
	return path
}
