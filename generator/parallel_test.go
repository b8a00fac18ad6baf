package generator

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
)

func TestParallelRunsEveryIndexOnce(t *testing.T) {
	var seen [100]atomic.Int32
	if err := parallel(context.Background(), len(seen), func(i int) error {
		seen[i].Add(1)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for i := range seen {
		if n := seen[i].Load(); n != 1 {
			t.Errorf("index %d ran %d times; want 1", i, n)
		}
	}
}

func TestParallelReturnsErrorsAndPanicsAsErrors(t *testing.T) {
	boom := errors.New("boom")
	if err := parallel(context.Background(), 10, func(i int) error {
		if i == 3 {
			return boom
		}
		return nil
	}); !errors.Is(err, boom) {
		t.Errorf("error = %v; want boom", err)
	}
	err := parallel(context.Background(), 10, func(i int) error {
		if i == 5 {
			panic("bad page")
		}
		return nil
	})
	if err == nil || !strings.Contains(err.Error(), "internal error (please report it): bad page") {
		t.Errorf("a panic gave error %v; want an internal error", err)
	}
}
