// Command benchserve measures how fast `handbook serve` shows an edit, on a
// generated handbook of 10,000 pages, and measures `hugo server` on the
// same content in the same run when hugo is installed. Run it with
// `make bench-serve`.
//
// For each edit it takes the time from writing the file to (handbook) the
// reload event reaching a connected Server-Sent Events client, and, for
// both servers, to the served page showing the change, polled every
// millisecond.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/teamhandbook/handbook/internal/corpus"
)

func main() {
	bin := flag.String("handbook", "./handbook", "the handbook `binary`")
	pages := flag.Int("pages", 10000, "pages in the generated handbook")
	edits := flag.Int("edits", 25, "edits of each kind")
	flag.Parse()
	if err := run(*bin, *pages, *edits); err != nil {
		fmt.Fprintln(os.Stderr, "benchserve:", err)
		os.Exit(1)
	}
}

func run(bin string, pages, edits int) error {
	dir, err := os.MkdirTemp("", "benchserve-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	site := corpus.Large(pages)
	hbDir := filepath.Join(dir, "handbook")
	if err := corpus.Write(hbDir, site); err != nil {
		return err
	}
	fmt.Printf("%d pages, %d edits of each kind\n\n", pages, edits)
	fmt.Println("handbook serve:")
	if err := bench(hbDir, pages, edits, handbookServer(bin, hbDir)); err != nil {
		return err
	}
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		fmt.Println("\nhugo server: not measured, hugo is not installed (apt-get install -y hugo)")
		return nil
	}
	hugoDir := filepath.Join(dir, "hugo")
	if err := corpus.Write(hugoDir, site); err != nil {
		return err
	}
	if err := corpus.WriteHugoSite(hugoDir); err != nil {
		return err
	}
	out, _ := exec.Command(hugo, "version").Output()
	fmt.Printf("\nhugo server (%s):\n", strings.TrimSpace(string(out)))
	return bench(hugoDir, pages, edits, hugoServer(hugo, hugoDir))
}

// server starts a server on the site in dir and returns its URL and a
// function that stops it, and whether it has a handbook event stream.
type server func(ctx context.Context) (url string, events bool, stop func(), err error)

func handbookServer(bin, dir string) server {
	return func(ctx context.Context) (string, bool, func(), error) {
		port, err := freePort()
		if err != nil {
			return "", false, nil, err
		}
		cmd := exec.CommandContext(ctx, bin, "serve", "--source", dir, "--addr", fmt.Sprintf("127.0.0.1:%d", port))
		cmd.Stderr = io.Discard
		url := fmt.Sprintf("http://127.0.0.1:%d", port)
		u, _, stop, err := start(cmd, url)
		return u, true, stop, err
	}
}

func hugoServer(bin, dir string) server {
	return func(ctx context.Context) (string, bool, func(), error) {
		port, err := freePort()
		if err != nil {
			return "", false, nil, err
		}
		cmd := exec.CommandContext(ctx, bin, "server", "--source", dir, "--bind", "127.0.0.1", "--port", fmt.Sprint(port),
			"--baseURL", fmt.Sprintf("http://127.0.0.1:%d/", port), "--appendPort=false", "--disableFastRender=false", "--quiet")
		url := fmt.Sprintf("http://127.0.0.1:%d", port)
		return start(cmd, url)
	}
}

// start runs cmd and waits until url serves its home page.
func start(cmd *exec.Cmd, url string) (string, bool, func(), error) {
	t0 := time.Now()
	if err := cmd.Start(); err != nil {
		return "", false, nil, err
	}
	stop := func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
		}
	}
	for time.Since(t0) < 5*time.Minute {
		if res, err := http.Get(url + "/"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				fmt.Printf("  first build and start:     %v\n", time.Since(t0).Round(time.Millisecond))
				return url, false, stop, nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	stop()
	return "", false, nil, fmt.Errorf("%s did not start", cmd.Path)
}

func bench(dir string, pages, edits int, srv server) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	url, hasEvents, stop, err := srv(ctx)
	if err != nil {
		return err
	}
	defer stop()
	var events chan string
	if hasEvents {
		if events, err = subscribe(ctx, url); err != nil {
			return err
		}
	}
	body := func(i int) (string, string, string) {
		p := corpus.GuidePath(100 + i*37)
		page := "/" + strings.TrimSuffix(strings.TrimPrefix(p, "content/"), ".md") + "/"
		marker := fmt.Sprintf("Edited for the benchmark, edit %d.", i)
		return p, page, marker
	}
	var evBody, pageBody, evOrg, pageOrg []time.Duration
	for i := range edits {
		p, page, marker := body(i)
		ev, pg, err := measure(ctx, url, events, filepath.Join(dir, p), page, regexp.QuoteMeta(marker), func(s string) string { return s + "\n" + marker + "\n" })
		if err != nil {
			return fmt.Errorf("body edit %d: %w", i, err)
		}
		evBody, pageBody = append(evBody, ev), append(pageBody, pg)
	}
	// reports_to: a role deep in the tree moves between two managers; its
	// page shows whom it reports to.
	role := pages / 10 * 9 / 10
	for i := range edits {
		p := fmt.Sprintf("content/roles/role-%d.md", role)
		to := []string{fmt.Sprintf("role-%d", (role-1)/4), "role-3"}[(i+1)%2]
		// handbook links relatively ("../role-3/"), Hugo from the root.
		marker := fmt.Sprintf(`Reports to</dt><dd><a href="[^"]*/%s/"`, to)
		re := regexp.MustCompile(`reports_to: role-\d+`)
		ev, pg, err := measure(ctx, url, events, filepath.Join(dir, p), fmt.Sprintf("/roles/role-%d/", role), marker, func(s string) string {
			return re.ReplaceAllString(s, "reports_to: "+to)
		})
		if err != nil {
			return fmt.Errorf("reports_to edit %d: %w", i, err)
		}
		evOrg, pageOrg = append(evOrg, ev), append(pageOrg, pg)
	}
	if hasEvents {
		fmt.Printf("  body edit → reload event:   %s\n", stats(evBody))
	}
	fmt.Printf("  body edit → page changed:   %s\n", stats(pageBody))
	if hasEvents {
		fmt.Printf("  reports_to → reload event:  %s\n", stats(evOrg))
	}
	fmt.Printf("  reports_to → page changed:  %s\n", stats(pageOrg))
	return nil
}

// measure edits file with edit and returns the time until the reload
// event (0 without events) and until page matches marker, a regexp.
func measure(ctx context.Context, url string, events chan string, file, page, marker string, edit func(string) string) (time.Duration, time.Duration, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return 0, 0, err
	}
	re := regexp.MustCompile(marker)
	if events != nil {
		drain(events)
	}
	changed := make(chan time.Duration, 1)
	start := time.Now()
	go func() {
		for ctx.Err() == nil && time.Since(start) < 30*time.Second {
			if res, err := http.Get(url + page); err == nil {
				b, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if re.Match(b) {
					changed <- time.Since(start)
					return
				}
			}
			time.Sleep(time.Millisecond)
		}
		close(changed)
	}()
	start = time.Now()
	if err := os.WriteFile(file, []byte(edit(string(data))), 0o644); err != nil {
		return 0, 0, err
	}
	var ev time.Duration
	if events != nil {
		select {
		case <-events:
			ev = time.Since(start)
		case <-time.After(30 * time.Second):
			return 0, 0, fmt.Errorf("no reload event")
		}
	}
	pg, ok := <-changed
	if !ok {
		return 0, 0, fmt.Errorf("%s never showed %q", page, marker)
	}
	time.Sleep(150 * time.Millisecond) // let the server settle before the next edit
	return ev, pg, nil
}

// subscribe connects to handbook's event stream and returns its reload
// events.
func subscribe(ctx context.Context, url string) (chan string, error) {
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url+"/_handbook/events", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	out := make(chan string, 16)
	go func() {
		defer res.Body.Close()
		r := bufio.NewReader(res.Body)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return
			}
			if line == "event: reload\n" {
				out <- line
			}
		}
	}()
	return out, nil
}

func drain(ch chan string) {
	for {
		select {
		case <-ch:
		default:
			return
		}
	}
}

func stats(d []time.Duration) string {
	s := slices.Clone(d)
	slices.Sort(s)
	p := func(q float64) time.Duration { return s[min(len(s)-1, int(q*float64(len(s))))] }
	return fmt.Sprintf("median %6.1f ms, p95 %6.1f ms (n=%d)", ms(p(0.5)), ms(p(0.95)), len(s))
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}
