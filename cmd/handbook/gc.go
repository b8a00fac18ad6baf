package main

import (
	"os"
	"runtime/debug"
)

// Garbage collector settings for a build, each unless the user set its
// environment variable. A build allocates far more than it keeps (parse
// trees, highlighter matches, rendered pages on their way to disk): with
// Go's default of collecting each time the heap doubles, collection took
// 3.1 of a 10,000-page build's 28 CPU-seconds (GODEBUG=gctrace=1, 54
// collections). Collecting at three times the live heap took 1.5 seconds
// (27 collections), for some 100 MB more at the peak. The soft limit keeps
// a very large handbook's peak near gcLimit by collecting more often as
// the heap nears it (README, "Performance").
const (
	gcPercent = 200
	gcLimit   = 1792 << 20 // bytes
)

func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(gcLimit)
	}
}
