// path and path/filepath clean paths lexically, by Go's rules: one slash for several, no `.`,
// a `..` removes the name before it, a rooted path does not climb above `/`.
package main

import (
	"fmt"
	"path"
	"path/filepath"
)

func main() {
	for _, p := range []string{"", ".", "/", "a//b/./c/..", "/../a", "a/../..", "../../x/..", "/a/b/", "abc.tar.gz", "dir/", "//x//", "a/.hidden"} {
		dir, file := path.Split(p)
		fmt.Printf("%q: clean=%q base=%q dir=%q ext=%q split=%q,%q abs=%v\n", p,
			path.Clean(p), path.Base(p), path.Dir(p), path.Ext(p), dir, file, path.IsAbs(p))
	}
	fmt.Println(path.Join("a", "", "b/../c", "/d"), path.Join(), path.Join("", ""), path.Join("/", ".."))
	fmt.Println(filepath.Join("/srv", "www", "..", "index.html"), filepath.Base("/srv/app.log"), filepath.Ext("x.go"))
	fmt.Println(string(filepath.Separator), string(filepath.ListSeparator), filepath.SplitList("/bin:/usr/bin"), len(filepath.SplitList("")))
	fmt.Println(filepath.ToSlash("a/b"), filepath.FromSlash("a/b"), filepath.VolumeName("/a"), filepath.Dir("a/b/c"), filepath.Clean("a/./b"))
}
