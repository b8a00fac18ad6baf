package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// result is the runs of one tool at one size.
type result struct {
	tool    string
	samples []sample
}

// median is the median of each figure on its own: the median wall time
// and the median peak need not come from the same run.
func (r result) median() sample {
	if len(r.samples) == 0 {
		return sample{}
	}
	pick := func(f func(sample) int64) int64 {
		v := make([]int64, len(r.samples))
		for i, s := range r.samples {
			v[i] = f(s)
		}
		slices.Sort(v)
		if n := len(v); n%2 == 0 {
			return (v[n/2-1] + v[n/2]) / 2
		}
		return v[len(v)/2]
	}
	return sample{
		wall: time.Duration(pick(func(s sample) int64 { return int64(s.wall) })),
		cpu:  time.Duration(pick(func(s sample) int64 { return int64(s.cpu) })),
		sys:  time.Duration(pick(func(s sample) int64 { return int64(s.sys) })),
		peak: pick(func(s sample) int64 { return s.peak }),
	}
}

// target is one of the targets: got must be at most limit.
type target struct {
	name       string
	got, limit float64
	unit       string // how got and limit are printed: "×", "ms", "MB"
}

func (t target) met() bool { return t.got <= t.limit }

func (t target) String() string {
	mark := "✗"
	if t.met() {
		mark = "✓"
	}
	return fmt.Sprintf("%s %-34s %8.2f%s (limit %.2f%s)", mark, t.name, t.got, t.unit, t.limit, t.unit)
}

func printRow(w io.Writer, pages int, tool string, s sample, note string) {
	line := fmt.Sprintf("%7s  %-9s %8.2f s %8.2f s %8.2f s %8.0f MB  %s", thousands(pages), tool, s.wall.Seconds(), s.cpu.Seconds(), s.sys.Seconds(), mb(s.peak), note)
	fmt.Fprintln(w, strings.TrimRight(line, " "))
}

func printRatio(w io.Writer, name string, wall, cpu, peak float64) {
	f := func(x float64) string {
		if x == 0 {
			return "       "
		}
		return fmt.Sprintf("%6.2f×", x)
	}
	fmt.Fprintf(w, "         %-9s  %s    %s               %s\n", name, f(wall), f(cpu), f(peak))
}

func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func mb(b int64) float64 { return float64(b) / (1 << 20) }

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
