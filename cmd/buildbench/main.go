// Command buildbench compares cold builds of generated handbooks by
// `handbook build` and by Hugo, and against the floor: goldmark and chroma
// converting the same Markdown alone. Run it with `make bench`.
//
// For each size (1,000 and 10,000 pages by default) it writes the
// handbook once (corpus.WriteHandbook, with corpus.WriteHugoSite around
// it), then runs handbook, Hugo and the floor in turn, rotating which goes
// first, -runs times each. Every run is cold: a destination that does not
// exist yet, and for Hugo no resources/ folder and an empty --cacheDir.
// Nothing is deleted until the end (see fresh): the disk needs room for
// every run's output, about 3 GB at 10,000 pages and 15 GB at 100,000.
// Each run is a child process; its wall time is measured around it and its
// CPU time (user + system) and peak resident memory come from its rusage.
// The table gives medians and the targets, marked ✓ or ✗, and the
// seed handbook's build time.
//
// With -pages N it measures the scale target instead: handbook alone at
// 10,000 (-base) and at N pages, wall time at most 1.1 × N/10,000 times the
// 10,000-page figure (11 × for 100,000) and peak memory at most 2 GB.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/teamhandbook/handbook/internal/corpus"
)

func main() {
	if len(os.Args) == 3 && os.Args[1] == floorCommand {
		if err := runFloor(os.Args[2], os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, "buildbench floor:", err)
			os.Exit(1)
		}
		return
	}
	var o options
	flag.IntVar(&o.runs, "runs", 5, "cold runs of each tool at each size")
	flag.StringVar(&o.sizes, "sizes", "1000,10000", "comma-separated handbook `sizes`, in pages")
	flag.IntVar(&o.scale, "pages", 0, "measure the scale target: handbook alone at -base and at this many `pages`")
	flag.IntVar(&o.base, "base", 10000, "with -pages: the `size` the scale target is relative to")
	flag.StringVar(&o.bin, "handbook", "", "the handbook `binary` (default: built from ./cmd/handbook)")
	flag.StringVar(&o.seed, "seed", ".", "the seed handbook's `folder`")
	flag.Parse()
	if err := run(o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "buildbench:", err)
		os.Exit(1)
	}
}

type options struct {
	runs, base int
	sizes      string
	scale      int
	bin, seed  string
	tmp, hugo  string
	self       string
	hugoCaveat string
}

func run(o options, w io.Writer) error {
	if o.runs < 1 {
		return errors.New("-runs must be at least 1")
	}
	var err error
	if o.tmp, err = os.MkdirTemp("", "buildbench-"); err != nil {
		return err
	}
	defer os.RemoveAll(o.tmp)
	if o.self, err = os.Executable(); err != nil {
		return err
	}
	if o.bin == "" {
		o.bin = filepath.Join(o.tmp, "handbook")
		if out, err := exec.Command("go", "build", "-o", o.bin, "./cmd/handbook").CombinedOutput(); err != nil {
			return fmt.Errorf("go build ./cmd/handbook: %w\n%s", err, out)
		}
	}
	if o.scale > 0 {
		return scale(o, w)
	}
	var sizes []int
	for _, f := range strings.Split(o.sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < corpus.MinPages {
			return fmt.Errorf("-sizes: %q is not a number of pages (at least %d)", f, corpus.MinPages)
		}
		sizes = append(sizes, n)
	}
	hugoVersion := "not installed: measuring handbook and the floor only"
	if o.hugo, err = exec.LookPath("hugo"); err == nil {
		out, _ := exec.Command(o.hugo, "version").Output()
		hugoVersion = strings.TrimSpace(string(out))
	}
	fmt.Fprintf(w, "hugo: %s\ncold builds, %d runs each; medians below\n\n", hugoVersion, o.runs)

	type row struct {
		pages, bytes          int
		handbook, hugo, floor result
	}
	var rows []row
	for _, n := range sizes {
		site, bytes, err := writeSite(o.tmp, n, o.hugo != "")
		if err != nil {
			return err
		}
		r := row{pages: n, bytes: bytes, handbook: result{tool: "handbook"}, hugo: result{tool: "hugo"}, floor: result{tool: "floor"}}
		tools := []*result{&r.handbook, &r.floor}
		if o.hugo != "" {
			tools = []*result{&r.handbook, &r.hugo, &r.floor}
		}
		for i := range o.runs {
			for k := range tools {
				t := tools[(i+k)%len(tools)] // rotate who goes first
				s, err := o.runTool(t.tool, site, n)
				if err != nil {
					return err
				}
				t.samples = append(t.samples, s)
				fmt.Fprintf(w, "  %s pages, run %d, %-8s %6.2f s wall %6.2f s CPU (kernel %5.2f s) %6.0f MB\n", thousands(n), i+1, t.tool, s.wall.Seconds(), s.cpu.Seconds(), s.sys.Seconds(), mb(s.peak))
			}
		}
		rows = append(rows, r)
	}
	seed := result{tool: "seed"}
	for range o.runs {
		s, err := o.runHandbook(o.seed, "seed")
		if err != nil {
			return err
		}
		seed.samples = append(seed.samples, s)
	}

	fmt.Fprintf(w, "\n  pages  tool          wall        CPU  of it kernel   peak RSS\n")
	for _, r := range rows {
		fmt.Fprintln(w)
		h, g, f := r.handbook.median(), r.hugo.median(), r.floor.median()
		printRow(w, r.pages, "handbook", h, fmt.Sprintf("(%.1f MB of Markdown)", float64(r.bytes)/1e6))
		if o.hugo != "" {
			printRow(w, r.pages, "hugo", g, "")
		}
		printRow(w, r.pages, "floor", f, "(goldmark + chroma alone)")
		if o.hugo != "" {
			printRatio(w, "hb/hugo", ratio(int64(h.wall), int64(g.wall)), ratio(int64(h.cpu), int64(g.cpu)), ratio(h.peak, g.peak))
		}
		printRatio(w, "hb/floor", ratio(int64(h.wall), int64(f.wall)), ratio(int64(h.cpu), int64(f.cpu)), 0)
	}
	s := seed.median()
	fmt.Fprintf(w, "\n   seed  handbook %8.0f ms %7.0f ms %8.0f MB\n", ms(s.wall), ms(s.cpu), mb(s.peak))

	last := rows[len(rows)-1]
	h, g, f := last.handbook.median(), last.hugo.median(), last.floor.median()
	fmt.Fprintf(w, "\ntargets at %s pages:\n", thousands(last.pages))
	if o.hugo != "" {
		fmt.Fprintln(w, target{"wall ≤ 0.5 × Hugo", ratio(int64(h.wall), int64(g.wall)), 0.5, "×"})
	}
	fmt.Fprintln(w, target{"CPU ≤ 1.2 × floor", ratio(int64(h.cpu), int64(f.cpu)), 1.2, "×"})
	// The floor writes no files: the kernel's time making handbook's is
	// shown apart, so that a gap to the floor can be told from it.
	fmt.Fprintf(w, "  (of handbook's %.2f s of CPU, %.2f s is the kernel's; the floor's kernel time is %.2f s)\n", h.cpu.Seconds(), h.sys.Seconds(), f.sys.Seconds())
	if o.hugo != "" {
		fmt.Fprintln(w, target{"peak ≤ 0.25 × Hugo", ratio(h.peak, g.peak), 0.25, "×"})
	}
	fmt.Fprintln(w, target{"seed handbook wall < 100 ms", ms(s.wall), 100, " ms"})
	return nil
}

// scale measures handbook alone at o.base (10,000) and at o.scale pages,
// alternating the sizes run by run, as bench alternates the tools: this
// machine's speed drifts, and its kernel makes files slowly for a while
// after many were deleted (the previous benchmark's output), so runs of
// one size after the other's would compare two machines.
func scale(o options, w io.Writer) error {
	base := o.base
	fmt.Fprintf(w, "handbook alone, cold builds, %d runs each, sizes alternating; medians below\n\n", o.runs)
	sizes := []int{base, o.scale}
	sites := make([]string, len(sizes))
	bytes := make([]int, len(sizes))
	for k, n := range sizes {
		var err error
		if sites[k], bytes[k], err = writeSite(o.tmp, n, false); err != nil {
			return err
		}
	}
	rs := make([]result, len(sizes))
	for i := range o.runs {
		for k, n := range sizes {
			s, err := o.runTool("handbook", sites[k], n)
			if err != nil {
				return err
			}
			rs[k].samples = append(rs[k].samples, s)
			fmt.Fprintf(w, "  %s pages, run %d: %6.2f s wall %6.2f s CPU (kernel %5.2f s) %6.0f MB\n", thousands(n), i+1, s.wall.Seconds(), s.cpu.Seconds(), s.sys.Seconds(), mb(s.peak))
		}
	}
	fmt.Fprintf(w, "\n  pages  tool          wall        CPU  of it kernel   peak RSS\n")
	var med [2]sample
	for k, n := range sizes {
		med[k] = rs[k].median()
		printRow(w, n, "handbook", med[k], fmt.Sprintf("(%.1f MB of Markdown)", float64(bytes[k])/1e6))
	}
	limit := 1.1 * float64(o.scale) / float64(base)
	fmt.Fprintf(w, "\ntargets at %s pages:\n", thousands(o.scale))
	fmt.Fprintln(w, target{fmt.Sprintf("wall ≤ %.1f × the %s-page wall", limit, thousands(base)), ratio(int64(med[1].wall), int64(med[0].wall)), limit, "×"})
	fmt.Fprintln(w, target{"peak ≤ 2 GB", mb(med[1].peak), 2048, " MB"})
	return nil
}

// writeSite writes the handbook of n pages, and Hugo's files around it
// when hugo is set, and returns its folder and its bytes of Markdown.
func writeSite(tmp string, n int, hugo bool) (string, int, error) {
	site := filepath.Join(tmp, fmt.Sprintf("site-%d", n))
	if err := corpus.WriteHandbook(site, n); err != nil {
		return "", 0, err
	}
	if hugo {
		if err := corpus.WriteHugoSite(site); err != nil {
			return "", 0, err
		}
	}
	size := 0
	err := filepath.WalkDir(filepath.Join(site, "content"), func(_ string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err == nil {
			size += int(info.Size())
		}
		return err
	})
	return site, size, err
}

// runTool runs one cold build (or the floor's conversion) of site, a
// handbook of n pages, and checks that it did the whole job.
func (o options) runTool(tool, site string, n int) (sample, error) {
	switch tool {
	case "handbook":
		return o.runHandbook(site, fmt.Sprint(n))
	case "hugo":
		// Nothing Hugo keeps between builds may survive: its resources/
		// folder in the site, its cache folder, its output.
		out, err := o.fresh("hugo")
		if err != nil {
			return sample{}, err
		}
		if err := os.RemoveAll(filepath.Join(site, "resources")); err != nil {
			return sample{}, err
		}
		dest, cache := filepath.Join(out, "public"), filepath.Join(out, "cache")
		s, _, err := measure(exec.Command(o.hugo, "--source", site, "--destination", dest, "--cacheDir", cache, "--quiet"))
		if err == nil {
			err = built(dest)
		}
		return s, err
	default:
		s, out, err := measure(exec.Command(o.self, floorCommand, filepath.Join(site, "content")))
		if err != nil {
			return s, err
		}
		var files int
		if _, err := fmt.Sscanf(string(out), "%d files", &files); err != nil || files != n {
			return s, fmt.Errorf("the floor converted %q, want %d files", out, n)
		}
		return s, nil
	}
}

// runHandbook runs `handbook build` of site into a fresh destination.
func (o options) runHandbook(site, name string) (sample, error) {
	out, err := o.fresh("handbook-" + name)
	if err != nil {
		return sample{}, err
	}
	dest := filepath.Join(out, "public")
	s, _, err := measure(exec.Command(o.bin, "build", "--source", site, "--dest", dest))
	if err == nil {
		err = built(dest)
	}
	return s, err
}

// fresh returns a new, empty folder for one run's output and caches. The
// outputs of all runs stay until the benchmark ends, when the temporary
// folder goes: on a file system without a journal, as on the machines this
// runs on, ext4 will not reuse an inode deleted in the last few seconds
// (minutes while its block is dirty) and scans past each one, so a run
// started after deleting the previous run's 20,000 files and folders spent
// 14-17 s more in the kernel creating its own than one started without it:
// 24 s instead of 14 s of wall time for the same build. Deleting between
// runs measured the deletion, not the tools.
func (o options) fresh(name string) (string, error) {
	return os.MkdirTemp(o.tmp, "out-"+name+"-")
}

// built checks that a build wrote a home page: a tool that failed quietly
// must not look fast.
func built(dest string) error {
	if _, err := os.Stat(filepath.Join(dest, "index.html")); err != nil {
		return fmt.Errorf("the build wrote no home page: %w", err)
	}
	return nil
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
