// fmt.Sscanf's verbs and widths: %d %s %v %q %x %f %g %e %c %t, %5d, %%, literal text.
package main

import "fmt"

func main() {
	var i, j int
	var s, t string
	var f float64
	var b bool
	var r rune
	var u uint8

	n, err := fmt.Sscanf("42 hello 3.5 true", "%d %s %f %t", &i, &s, &f, &b)
	fmt.Println(n, err, i, s, f, b)

	n, err = fmt.Sscanf("12345678", "%3d%5d", &i, &j)
	fmt.Println("widths", n, err, i, j)

	n, err = fmt.Sscanf("abcdef", "%2s%3s", &s, &t)
	fmt.Printf("string widths %d %v %q %q\n", n, err, s, t)

	n, err = fmt.Sscanf("ff 0x1F 0b101 0o17 017 1_000", "%x %v %v %v %v %v", &i, &j, &i, &i, &i, &i)
	fmt.Println("bases", n, err, i, j)

	var h1, h2, h3 int
	n, err = fmt.Sscanf("ff 1010 777", "%x %b %o", &h1, &h2, &h3)
	fmt.Println("radix verbs", n, err, h1, h2, h3)

	n, err = fmt.Sscanf(`"a b\tc" `+"`raw q`", "%q %q", &s, &t)
	fmt.Printf("quoted %d %v %q %q\n", n, err, s, t)

	n, err = fmt.Sscanf("68656c6c6f", "%x", &s)
	fmt.Printf("hex string %d %v %q\n", n, err, s)

	var e1, e2, e3 float64
	n, err = fmt.Sscanf("1e3 2.5E-2 0x1p-2", "%e %g %v", &e1, &e2, &e3)
	fmt.Println("floats", n, err, e1, e2, e3)

	n, err = fmt.Sscanf(" x", "%c", &r)
	fmt.Printf("char %d %v %q\n", n, err, r)
	n, err = fmt.Sscanf("é", "%c", &r)
	fmt.Printf("char %d %v %q\n", n, err, r)
	n, err = fmt.Sscanf("A", "%c", &u)
	fmt.Println("char into uint8", n, err, u)

	n, err = fmt.Sscanf("50%", "%d%%", &i)
	fmt.Println("percent", n, err, i)
	n, err = fmt.Sscanf("50 %", "%d %%", &i)
	fmt.Println("percent", n, err, i)

	n, err = fmt.Sscanf("x=7, y=9", "x=%d, y=%d", &i, &j)
	fmt.Println("literals", n, err, i, j)

	n, err = fmt.Sscanf("(3,4)", "(%d,%d)", &i, &j)
	fmt.Println("parens", n, err, i, j)

	n, err = fmt.Sscanf("2024-01-15", "%4d-%2d-%2d", &i, &j, &h1)
	fmt.Println("date", n, err, i, j, h1)

	n, err = fmt.Sscanf("T f FALSE 1 0", "%t %t %t %t %t", &b, &b, &b, &b, &b)
	fmt.Println("bools", n, err, b)

	var v1 int
	var v2 string
	var v3 float64
	var v4 bool
	n, err = fmt.Sscanf("-17 word 2.25 false", "%v %v %v %v", &v1, &v2, &v3, &v4)
	fmt.Println("v", n, err, v1, v2, v3, v4)

	n, err = fmt.Sscanf("+8 -0", "%d %d", &i, &j)
	fmt.Println("signs", n, err, i, j)

	n, err = fmt.Sscanf("U+1F600", "%U", &r)
	fmt.Printf("U %d %v %q\n", n, err, r)

	n, err = fmt.Sscanf("123456", "%999999999d", &i)
	fmt.Println("huge width", n, err, i)
	n, err = fmt.Sscanf("123456", "%1000000d", &i)
	fmt.Println("million width", n, err, i)
	n, err = fmt.Sscanf("123456", "%0d", &i)
	fmt.Println("zero width", n, err, i)
}
