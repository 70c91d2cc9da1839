// os's file functions fail with *fs.PathError (Op, Path, and a syscall.Errno as Err) that
// errors.Is/As, os.IsNotExist and friends see through; os's error variables and FileMode are
// io/fs's; FileMode prints as ls does.
package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
)

func main() {
	f, err := os.Open("/golite-oracle/missing.txt")
	fmt.Println(f == nil, err)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		fmt.Println(pe.Op, pe.Path, pe.Err)
		fmt.Printf("%T %v %d %#v\n", pe.Err, pe.Err, pe.Err, pe.Err)
	}
	fmt.Printf("%T %#v\n", err, err)
	fmt.Println(errors.Is(err, os.ErrNotExist), errors.Is(err, fs.ErrNotExist), errors.Is(err, os.ErrExist))
	fmt.Println(os.IsNotExist(err), os.IsExist(err), os.IsPermission(err))
	fmt.Println(fs.ErrNotExist.Error(), "|", os.ErrExist, "|", os.ErrPermission, "|", os.ErrInvalid, "|", os.ErrClosed)
	fmt.Printf("%T %v %#v\n", fs.ErrNotExist, os.ErrNotExist == fs.ErrNotExist, os.ErrExist)

	for _, op := range []func() error{
		func() error { _, err := os.Stat("/golite-oracle/a/b"); return err },
		func() error { _, err := os.Lstat("/golite-oracle/link"); return err },
		func() error { _, err := os.ReadDir("/golite-oracle/dir"); return err },
		func() error { _, err := os.ReadFile("/golite-oracle/data.json"); return err },
		func() error { return os.Remove("/golite-oracle/gone") },
	} {
		err := op()
		var pe *os.PathError
		fmt.Println(err, errors.As(err, &pe) && pe.Err != nil, os.IsNotExist(err))
	}

	wrapped := fmt.Errorf("load config: %w", err)
	fmt.Println(wrapped, errors.Is(wrapped, fs.ErrNotExist), os.IsNotExist(wrapped))
	custom := &fs.PathError{Op: "write", Path: "out.txt", Err: fs.ErrPermission}
	fmt.Println(custom, os.IsPermission(custom), errors.Is(custom, os.ErrPermission), errors.Unwrap(custom) == fs.ErrPermission)

	fmt.Println(fs.ModeDir|0755, fs.ModePerm, fs.FileMode(0644), os.FileMode(0), fs.ModeSymlink|0777)
	fmt.Println(fs.ModeDir|fs.ModeSetuid|fs.ModeSetgid|fs.ModeSticky|0750, fs.ModeNamedPipe|fs.ModeSocket|fs.ModeDevice|fs.ModeCharDevice|fs.ModeIrregular)
	m := fs.ModeDir | 0755
	fmt.Println(m.IsDir(), m.IsRegular(), m.Perm(), m.Type(), fs.FileMode(0600).IsRegular())
	fmt.Printf("%d %o %#v %T %T\n", m, m.Perm(), m, m, os.ModePerm)
	fmt.Println(fs.ValidPath("a/b.txt"), fs.ValidPath("/etc"), fs.ValidPath("a/../b"), fs.ValidPath("."))
}
