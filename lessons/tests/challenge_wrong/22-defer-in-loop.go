// A wrong fix of lesson 22-defer-in-loop (bad.go edited): it wraps the deferred Close in a closure.
// A log compactor opens every segment file in a loop and defers Close inside
// the loop. Deferred calls run when the function returns, not at the end of
// each iteration, so every file stays open until the last one is done, and a
// large batch hits the process's open-file limit.
package main

import (
	"errors"
	"fmt"
)

const files = 100  // param: 1..500 "Segment files"
const maxOpen = 64 // param: 8..256 "Open-file limit (ulimit -n)"

var errTooMany = errors.New("too many open files")

// FS models the process's file table.
type FS struct {
	open, peak int
}

type File struct {
	fs  *FS
	buf []byte // the read buffer, alive while the file is open
}

func (fs *FS) Open(name string) (*File, error) {
	if fs.open >= maxOpen {
		return nil, fmt.Errorf("open %s: %w", name, errTooMany)
	}
	fs.open++
	if fs.open > fs.peak {
		fs.peak = fs.open
	}
	return &File{fs: fs, buf: make([]byte, 4096)}, nil
}

func (f *File) Close() error {
	f.fs.open--
	f.buf = nil
	return nil
}

func compact(fs *FS) (int, error) {
	done := 0
	for i := range files {
		f, err := fs.Open(fmt.Sprintf("segment-%03d.log", i))
		if err != nil {
			return done, err
		}
		defer func() { f.Close() }() // close this file
		f.buf[0] = byte(i) // read and rewrite the segment
		done++
	}
	return done, nil
}

func main() {
	fs := &FS{}
	done, err := compact(fs)
	fmt.Printf("compacted %d of %d files, peak %d open\n", done, files, fs.peak)
	if err != nil {
		fmt.Println("error:", err)
	}
}
