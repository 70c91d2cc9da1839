//! Go's `io/fs`: the file system's sentinel errors (`ErrNotExist`...), `PathError`, `FileMode`
//! and its `String`, the `FileInfo`, `DirEntry`, `File` and `FS` interfaces, `ValidPath`,
//! `SkipDir` and `SkipAll`. All written in Go (std/mod.rs's `go_source`), as Go's own code, so
//! texts and `%T` are Go's (`*fs.PathError`, `*errors.errorString`).
//!
//! golite has no file system, and does not pretend to have one: what `os` offers over this
//! package (`os.ReadFile`, `os.Open`, `os.Stat`...) fails for every path as Go does on a machine
//! where the file does not exist (std/os.rs). The sentinel errors are these variables, which
//! `os` re-exports, so `os.ErrNotExist == fs.ErrNotExist` holds as in Go.

use super::support::*;

/// The package.
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Fs,
    path: "io/fs",
    go: GO,
    ..Package::NONE
};

const GO: &str = r#"
var fsꞏErrInvalid = errorsꞏ.New("invalid argument")
var fsꞏErrPermission = errorsꞏ.New("permission denied")
var fsꞏErrExist = errorsꞏ.New("file already exists")
var fsꞏErrNotExist = errorsꞏ.New("file does not exist")
var fsꞏErrClosed = errorsꞏ.New("file already closed")

var fsꞏSkipDir = errorsꞏ.New("skip this directory")
var fsꞏSkipAll = errorsꞏ.New("skip everything and stop the walk")

type fsꞏPathError struct {
	Op   string
	Path string
	Err  error
}

func (e *fsꞏPathError) Error() string { return e.Op + " " + e.Path + ": " + e.Err.Error() }

func (e *fsꞏPathError) Unwrap() error { return e.Err }

func (e *fsꞏPathError) Timeout() bool {
	t, ok := e.Err.(interface{ Timeout() bool })
	return ok && t.Timeout()
}

type fsꞏFileMode uint32

const (
	fsꞏModeDir fsꞏFileMode = 1 << (32 - 1 - iota)
	fsꞏModeAppend
	fsꞏModeExclusive
	fsꞏModeTemporary
	fsꞏModeSymlink
	fsꞏModeDevice
	fsꞏModeNamedPipe
	fsꞏModeSocket
	fsꞏModeSetuid
	fsꞏModeSetgid
	fsꞏModeCharDevice
	fsꞏModeSticky
	fsꞏModeIrregular

	fsꞏModeType = fsꞏModeDir | fsꞏModeSymlink | fsꞏModeNamedPipe | fsꞏModeSocket | fsꞏModeDevice | fsꞏModeCharDevice | fsꞏModeIrregular

	fsꞏModePerm fsꞏFileMode = 0777
)

func (m fsꞏFileMode) String() string {
	const str = "dalTLDpSugct?"
	var buf [32]byte
	w := 0
	for i, c := range str {
		if m&(fsꞏFileMode(1)<<uint(32-1-i)) != 0 {
			buf[w] = byte(c)
			w++
		}
	}
	if w == 0 {
		buf[w] = '-'
		w++
	}
	const rwx = "rwxrwxrwx"
	for i, c := range rwx {
		if m&(fsꞏFileMode(1)<<uint(9-1-i)) != 0 {
			buf[w] = byte(c)
		} else {
			buf[w] = '-'
		}
		w++
	}
	return string(buf[:w])
}

func (m fsꞏFileMode) IsDir() bool { return m&fsꞏModeDir != 0 }

func (m fsꞏFileMode) IsRegular() bool { return m&fsꞏModeType == 0 }

func (m fsꞏFileMode) Perm() fsꞏFileMode { return m & fsꞏModePerm }

func (m fsꞏFileMode) Type() fsꞏFileMode { return m & fsꞏModeType }

type fsꞏFileInfo interface {
	Name() string
	Size() int64
	Mode() fsꞏFileMode
	ModTime() timeꞏ.Time
	IsDir() bool
	Sys() any
}

type fsꞏDirEntry interface {
	Name() string
	IsDir() bool
	Type() fsꞏFileMode
	Info() (fsꞏFileInfo, error)
}

type fsꞏFile interface {
	Stat() (fsꞏFileInfo, error)
	Read([]byte) (int, error)
	Close() error
}

type fsꞏFS interface {
	Open(name string) (fsꞏFile, error)
}

func fsꞏValidPath(name string) bool {
	if !utf8ꞏ.ValidString(name) {
		return false
	}
	if name == "." {
		return true
	}
	for {
		i := 0
		for i < len(name) && name[i] != '/' {
			i++
		}
		elem := name[:i]
		if elem == "" || elem == "." || elem == ".." {
			return false
		}
		if i == len(name) {
			return true
		}
		name = name[i+1:]
	}
}
"#;
