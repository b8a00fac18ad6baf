package stash

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
)

func TestPutGet(t *testing.T) {
	dir := t.TempDir()
	s, err := New(dir)
	if err != nil {
		t.Fatal(err)
	}
	tests := []string{"", "a", "<p>body</p>", strings.Repeat("é", 5000), "\x00\xff"}
	refs := make([]Ref, len(tests))
	for i, want := range tests {
		if refs[i], err = s.Put([]byte(want)); err != nil {
			t.Fatal(err)
		}
	}
	for i, want := range tests {
		got, err := s.Get(refs[i])
		if err != nil {
			t.Fatal(err)
		}
		if got != want || refs[i].Len() != len(want) {
			t.Errorf("Get(Put(%.20q)) = %.20q (len %d); want it back", want, got, refs[i].Len())
		}
		b, err := s.Append([]byte("before:"), refs[i])
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != "before:"+want {
			t.Errorf("Append(\"before:\", Put(%.20q)) = %.30q; want it after what was there", want, b)
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("after Close, the folder holds %v; want nothing", entries)
	}
	if _, err := s.Put([]byte("late")); err == nil {
		t.Error("Put after Close succeeded; want an error")
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v; want nil", err)
	}
}

// TestConcurrent puts and gets from many goroutines at once, as load's
// and render's workers do.
func TestConcurrent(t *testing.T) {
	s, err := New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range 200 {
				want := fmt.Sprintf("worker %d, string %d: %s", w, i, strings.Repeat("x", i))
				r, err := s.Put([]byte(want))
				if err != nil {
					t.Error(err)
					return
				}
				if got, err := s.Get(r); err != nil || got != want {
					t.Errorf("Get = %.30q, %v; want %.30q", got, err, want)
					return
				}
			}
		})
	}
	wg.Wait()
}
