package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is an io.Writer that a test reads while serve writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// liveSite writes a small handbook into a temporary folder.
func liveSite(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"content/_index.md":                  "# Home\n\nWelcome.\n",
		"content/roles/lead.md":              "---\ntitle: Lead\n---\nLeads.\n",
		"content/roles/developer.md":         "---\ntitle: Developer\nreports_to: lead\n---\nDevelops.\n\n## Duties\n\nWrites code.\n",
		"content/processes/review.md":        "---\ntitle: Review\nowner: lead\n---\nReviews happen weekly.\n",
		"content/guides/onboarding/intro.md": "# Introduction\n\nThe first text.\n",
	}
	for name, data := range files {
		writeFile(t, filepath.Join(dir, name), data)
	}
	return dir
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	// Write and rename, as editors do, so that a reader never sees half.
	tmp := name + ".tmp~"
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, name); err != nil {
		t.Fatal(err)
	}
}

// startServe runs "handbook serve" on a free port until the test ends and
// returns its URL and its stderr.
func startServe(t *testing.T, args ...string) (string, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), &stdout, &stderr)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("serve exited %d after Ctrl-C; want 0\n%s", code, stderr.String())
			}
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop after Ctrl-C")
		}
	})
	addr := regexp.MustCompile(`serving the handbook at (http://\S+?)/? `)
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if m := addr.FindStringSubmatch(stdout.String()); m != nil {
			return m[1], &stderr
		}
		select {
		case code := <-done:
			t.Fatalf("serve exited %d:\n%s", code, stderr.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("serve did not start:\n%s", stderr.String())
	return "", nil
}

func fetch(t *testing.T, url string) string {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return string(b)
}

// TestServeRebuildsOnSave edits a page under a running serve and expects a
// reload event and the new text, then breaks and fixes a reference.
func TestServeRebuildsOnSave(t *testing.T) {
	dir := liveSite(t)
	base, stderr := startServe(t, "--source", dir)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, base+"/_handbook/events", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	events := bufio.NewReader(res.Body)
	waitEvent := func(name string) {
		t.Helper()
		got := make(chan string, 1)
		go func() {
			for {
				line, err := events.ReadString('\n')
				if err != nil {
					close(got)
					return
				}
				if strings.HasPrefix(line, "event: ") {
					got <- strings.TrimSpace(line[len("event: "):])
					return
				}
			}
		}()
		select {
		case e := <-got:
			if e != name {
				t.Fatalf("event %q; want %q\n%s", e, name, stderr.String())
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no %s event\n%s", name, stderr.String())
		}
	}
	waitEvent("hello")

	page := base + "/guides/onboarding/intro/"
	if body := fetch(t, page); !strings.Contains(body, "The first text.") || !strings.Contains(body, "/_handbook/live.js") {
		t.Fatalf("page before the edit:\n%s", body)
	}
	writeFile(t, filepath.Join(dir, "content/guides/onboarding/intro.md"), "# Introduction\n\nThe second text.\n")
	waitEvent("reload")
	if body := fetch(t, page); !strings.Contains(body, "The second text.") {
		t.Errorf("page after the edit:\n%s", body)
	}

	writeFile(t, filepath.Join(dir, "content/roles/developer.md"), "---\ntitle: Developer\nreports_to: laed\n---\nDevelops.\n")
	waitEvent("reload")
	body := fetch(t, page)
	if !strings.Contains(body, "content/roles/developer.md:3:13") || !strings.Contains(body, "The second text.") {
		t.Errorf("page while a reference is broken: want the overlay over the last good page\n%s", body)
	}
	if !strings.Contains(stderr.String(), "content/roles/developer.md:3:13: error:") {
		t.Errorf("terminal does not show the error:\n%s", stderr.String())
	}
	writeFile(t, filepath.Join(dir, "content/roles/developer.md"), "---\ntitle: Developer\nreports_to: lead\n---\nDevelops.\n")
	waitEvent("reload")
	if body := fetch(t, page); strings.Contains(body, "hb-overlay") {
		t.Errorf("overlay still shown after the fix")
	}
}

func TestServePortInUse(t *testing.T) {
	base, _ := startServe(t, "--source", liveSite(t))
	addr := strings.TrimPrefix(base, "http://")
	var stderr strings.Builder
	code := run(context.Background(), []string{"serve", "--source", liveSite(t), "--addr", addr}, io.Discard, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "is in use") || !strings.Contains(stderr.String(), "try --addr "+nextPort(addr)) {
		t.Errorf("second serve on %s: exit %d, %s", addr, code, stderr.String())
	}
}
