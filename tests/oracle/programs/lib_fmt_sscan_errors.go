// fmt's scanning errors, word for word: the count n says how many operands were stored.
package main

import (
	"fmt"
	"io"
)

func main() {
	var i, j int
	var s string
	var f float64
	var b bool
	var i8 int8
	var u8 uint8
	var u uint
	var c complex128

	show := func(label string, n int, err error) {
		fmt.Printf("%s: n=%d err=%v\n", label, n, err)
	}

	n, err := fmt.Sscan("", &i)
	show("empty", n, err)
	fmt.Println("  is io.EOF:", err == io.EOF)
	n, err = fmt.Sscan("   \n  ", &i)
	show("only space", n, err)
	n, err = fmt.Sscan("abc", &i)
	show("letters for int", n, err)
	n, err = fmt.Sscan("999999999999999999999", &i)
	show("int range", n, err)
	n, err = fmt.Sscan("300", &i8)
	show("int8 overflow", n, err)
	n, err = fmt.Sscan("-1", &u)
	show("negative uint", n, err)
	n, err = fmt.Sscan("256", &u8)
	show("uint8 overflow", n, err)
	n, err = fmt.Sscan("18446744073709551616", &u)
	show("uint range", n, err)
	n, err = fmt.Sscan("x", &f)
	show("letters for float", n, err)
	n, err = fmt.Sscan("1e400", &f)
	show("float range", n, err)
	n, err = fmt.Sscan("maybe", &b)
	show("bool", n, err)
	n, err = fmt.Sscan("tru", &b)
	show("bool tru", n, err)
	n, err = fmt.Sscan("1+2", &c)
	show("complex", n, err)
	n, err = fmt.Sscan("7 x", &i, &j)
	show("second fails", n, err)
	fmt.Println("  first stored:", i)
	n, err = fmt.Sscan("7", &i, &j)
	show("second missing", n, err)

	n, err = fmt.Sscanf("5", "%d %d", &i)
	show("too few operands", n, err)
	n, err = fmt.Sscanf("5 6", "%d", &i, &j)
	show("too many operands", n, err)
	n, err = fmt.Sscanf("5", "%z", &i)
	show("bad verb int", n, err)
	n, err = fmt.Sscanf("5", "%d", &s)
	show("bad verb string", n, err)
	n, err = fmt.Sscanf("5", "%d", &f)
	show("bad verb float", n, err)
	n, err = fmt.Sscanf("5", "%s", &b)
	show("bad verb bool", n, err)
	n, err = fmt.Sscanf("5", "%d", &c)
	show("bad verb complex", n, err)
	n, err = fmt.Sscanf("a=1", "b=%d", &i)
	show("literal mismatch", n, err)
	n, err = fmt.Sscanf("a", "a%d", &i)
	show("literal then EOF", n, err)
	n, err = fmt.Sscanf("ab", "abc", &i)
	show("literal runs out", n, err)
	n, err = fmt.Sscanf("5", "%d%", &i)
	show("percent at end", n, err)
	n, err = fmt.Sscanf("5x", "%d%%", &i)
	show("missing literal percent", n, err)
	n, err = fmt.Sscanf("12", "%d %d", &i, &j)
	show("EOF before second", n, err)
	n, err = fmt.Sscanf("1 2", "%d%d", &i, &j)
	show("no space in format", n, err)
	n, err = fmt.Sscanf("12", "%d %d", &i, &j)
	show("space in format, none in input", n, err)
	n, err = fmt.Sscanf(`"abc`, "%q", &s)
	show("unterminated quote", n, err)
	n, err = fmt.Sscanf(`abc`, "%q", &s)
	show("not quoted", n, err)
	n, err = fmt.Sscanf(`"\z"`, "%q", &s)
	show("bad escape", n, err)
	n, err = fmt.Sscanf("zz", "%x", &s)
	show("no hex data", n, err)
	n, err = fmt.Sscanf("abc", "%x", &s)
	show("odd hex", n, err)
	n, err = fmt.Sscanf("é", "%c", &i8)
	show("rune overflow", n, err)
	n, err = fmt.Sscanf("1F600", "%U", &i)
	show("bad unicode", n, err)
	n, err = fmt.Sscan("5", i)
	show("not a pointer", n, err)
	var sl []int
	n, err = fmt.Sscan("5", &sl)
	show("cannot scan slice", n, err)
	type point struct{ X, Y int }
	var p point
	n, err = fmt.Sscan("5", &p)
	show("cannot scan struct", n, err)
	n, err = fmt.Sscan("5")
	show("no operands", n, err)
	n, err = fmt.Sscanf("", "")
	show("empty format", n, err)
	n, err = fmt.Sscanf("", "%d", &i)
	show("empty input", n, err)
	fmt.Println("  is io.EOF:", err == io.EOF)
	n, err = fmt.Sscanf("x", "x%c", &i)
	show("char at EOF", n, err)
	fmt.Println("  is io.ErrUnexpectedEOF:", err == io.ErrUnexpectedEOF)
	n, err = fmt.Sscanf("1p", "%f", &f)
	show("p without exponent", n, err)
	n, err = fmt.Sscanf("0x", "%v", &i)
	show("prefix without digits", n, err)
	n, err = fmt.Sscanf("1__0", "%v", &i)
	show("double underscore", n, err)
}
