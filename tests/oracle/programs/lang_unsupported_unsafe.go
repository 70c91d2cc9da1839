// The unsafe package: Sizeof of basic types (golite has no unsafe).
package main

import (
	"fmt"
	"unsafe"
)

func main() {
	fmt.Println(unsafe.Sizeof(int64(0)), unsafe.Sizeof(int32(0)), unsafe.Sizeof(struct{ a, b byte }{}))
}
