// The everyday strings functions.
package main

import (
	"fmt"
	"strings"
	"unicode"
)

func main() {
	s := "  Go is fun, go is fast  "
	fmt.Printf("%q\n", strings.Fields(s))
	fmt.Printf("%q\n", strings.Split("a,b,,c", ","))
	fmt.Printf("%q\n", strings.SplitN("a,b,c", ",", 2))
	fmt.Println(strings.Join([]string{"x", "y"}, "-"), strings.Repeat("ab", 3))
	fmt.Println(strings.Replace("aaaa", "a", "b", 2), strings.ReplaceAll("aaaa", "a", "b"))
	fmt.Println(strings.TrimSpace(s), "|", strings.Trim("xxhixx", "x"), strings.TrimLeft("xxhi", "x"))
	fmt.Println(strings.TrimPrefix("prefix-body", "prefix-"), strings.TrimSuffix("a.go", ".go"))
	before, after, found := strings.Cut("key=value", "=")
	fmt.Println(before, after, found)
	fmt.Println(strings.EqualFold("Go", "GO"), strings.Count("cheese", "e"), strings.Count("five", ""))
	fmt.Println(strings.Index("chicken", "ken"), strings.LastIndex("go gopher", "go"), strings.IndexByte("abc", 'c'), strings.IndexRune("chicken", 'k'))
	fmt.Println(strings.ToUpper("héllo"), strings.ToLower("ÀB"), strings.Title("x"))
	fmt.Println(strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return -1
		}
		return r
	}, "a1b2c3"))
	fmt.Println(strings.TrimFunc("123abc456", unicode.IsDigit), strings.ContainsAny("hello", "xyz"), strings.ContainsRune("abc", 'b'))
	fmt.Println(strings.HasPrefix("golang", "go"), strings.HasSuffix("golang", "ng"), strings.Compare("a", "b"))
}
