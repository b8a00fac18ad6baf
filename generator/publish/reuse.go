package publish

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"sync"
)

// A build run again over its previous output mostly writes the same bytes:
// a typo fixed on one page changes that page and the few that show its
// title. Writing every file anew, and then deleting every file of the
// previous site, cost more than rendering: on this machine's disk, deleting
// 10,000 files whose blocks the file system must free and discard took
// longer than writing them. So a file whose bytes the previous build already
// wrote is hard-linked from it into the new folder instead: no data is
// written, and removing the previous site frees nothing but names. The
// previous site is only read, never changed, so a failed build still leaves
// it exactly as it was.

// reuse links prev, the previous build's file at the same place, to p when
// it holds exactly data, and reports whether it did.
func reuse(prev, p string, data []byte) bool {
	info, err := os.Lstat(prev)
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(data)) {
		return false
	}
	if !sameBytes(prev, data) {
		return false
	}
	err = os.Link(prev, p)
	if errors.Is(err, fs.ErrExist) { // written before in this build
		if os.Remove(p) == nil {
			err = os.Link(prev, p)
		}
	}
	return err == nil
}

// reads holds the buffers previous files are read into for comparing.
var reads = sync.Pool{New: func() any { return new([]byte) }}

// sameBytes reports whether the file at name holds exactly data.
func sameBytes(name string, data []byte) bool {
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	bp := reads.Get().(*[]byte)
	defer reads.Put(bp)
	if cap(*bp) < len(data)+1 {
		*bp = make([]byte, len(data)+1)
	}
	buf := (*bp)[:len(data)+1]
	// One byte more than data: a file that grew since Lstat is not equal.
	n, err := io.ReadFull(f, buf)
	if err != io.ErrUnexpectedEOF && err != io.EOF && err != nil {
		return false
	}
	return n == len(data) && bytes.Equal(buf[:n], data)
}
