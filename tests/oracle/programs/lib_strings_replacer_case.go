// strings.NewReplacer replaces several strings in one pass; strings.Fields with a func.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;")
	fmt.Println(r.Replace("<b>bold</b>"))
	fmt.Printf("%q\n", strings.FieldsFunc("a1b22c", unicode.IsDigit))
	fmt.Println(strings.LastIndexByte("a/b/c", '/'), strings.IndexAny("golang", "ny"), strings.ToTitle("go"))
	fmt.Println(strings.ContainsFunc("abc", unicode.IsUpper))
	fmt.Println(strings.CutPrefix("v1.2", "v"))
}
