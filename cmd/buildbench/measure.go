package main

import (
	"bytes"
	"fmt"
	"os/exec"
	"syscall"
	"time"
)

// sample is one run of a child process.
type sample struct {
	wall time.Duration
	cpu  time.Duration // user + system, of the child and its own children
	sys  time.Duration // of cpu, the kernel's: files and folders made, pages faulted in
	peak int64         // bytes: the child's peak resident set (rusage maxrss)
}

// measure runs cmd to completion and returns its wall time, CPU time and
// peak memory, and its output, taken from the kernel's rusage of the child: the same
// figures /usr/bin/time prints, for both tools alike.
func measure(cmd *exec.Cmd) (sample, []byte, error) {
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	// The previous run's output (hundreds of megabytes at 10,000 pages)
	// is still being written back and deleted by the kernel: settle it
	// first, so that no run pays for the one before it.
	syscall.Sync()
	t0 := time.Now()
	err := cmd.Run()
	wall := time.Since(t0)
	if err != nil {
		return sample{}, nil, fmt.Errorf("%s: %w\n%s", cmd, err, tail(out.Bytes(), 2000))
	}
	ps := cmd.ProcessState
	s := sample{wall: wall, cpu: ps.UserTime() + ps.SystemTime(), sys: ps.SystemTime()}
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		s.peak = ru.Maxrss * 1024 // kilobytes on Linux
	}
	return s, out.Bytes(), nil
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}
