// A log compactor processes each segment file in its own function call, so the
// deferred Close runs at the end of every iteration and only one file is ever
// open at a time.
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

func compactOne(fs *FS, i int) error {
	f, err := fs.Open(fmt.Sprintf("segment-%03d.log", i))
	if err != nil {
		return err
	}
	defer f.Close()    // runs when compactOne returns: once per file
	f.buf[0] = byte(i) // read and rewrite the segment
	return nil
}

func compact(fs *FS) (int, error) {
	done := 0
	for i := range files {
		if err := compactOne(fs, i); err != nil {
			return done, err
		}
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
