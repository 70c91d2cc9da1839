// fmt.Sscan stores into pointers of every basic type, named types, fields and elements.
package main

import "fmt"

type celsius float64
type level int8
type name string
type flag bool
type blob []byte

func main() {
	var (
		i   int
		i8  int8
		i16 int16
		i32 int32
		i64 int64
		u   uint
		u8  uint8
		u16 uint16
		u32 uint32
		u64 uint64
		up  uintptr
		f32 float32
		f64 float64
		c64 complex64
		c   complex128
		s   string
		bs  []byte
		b   bool
	)
	n, err := fmt.Sscan("-1 -128 -32768 -2147483648 -9223372036854775808 1 255 65535 4294967295 18446744073709551615 7",
		&i, &i8, &i16, &i32, &i64, &u, &u8, &u16, &u32, &u64, &up)
	fmt.Println(n, err, i, i8, i16, i32, i64, u, u8, u16, u32, u64, up)
	n, err = fmt.Sscan("0.1 0.1 (1.5+2i) -3-0.25i word bytes T", &f32, &f64, &c64, &c, &s, &bs, &b)
	fmt.Println(n, err, f32, f64, c64, c, s, bs, string(bs), b)
	fmt.Printf("%T %T %v\n", f32, c64, float64(f32))
	n, err = fmt.Sscan("(1e3+1e-3i) +Inf-NaNi", &c, &c64)
	fmt.Println(n, err, c, c64)
	n, err = fmt.Sscan("3.4e39", &f32)
	fmt.Println("float32 range:", n, err, f32)
	n, err = fmt.Sscan("1p10 0x1.8p1 1_000.5", &f64, &f32, &f64)
	fmt.Println(n, err, f32, f64)

	var t celsius
	var l level
	var nm name
	var fl flag
	var bl blob
	n, err = fmt.Sscan("36.6 -5 alice true 0a", &t, &l, &nm, &fl, &bl)
	fmt.Println(n, err, t, l, nm, fl, bl)
	n, err = fmt.Sscanf("12.5", "%d", &t)
	fmt.Println("named float takes any verb:", n, err, t)
	n, err = fmt.Sscan("200", &l)
	fmt.Println(n, err, l)

	type point struct{ X, Y int }
	var p point
	n, err = fmt.Sscan("3 4", &p.X, &p.Y)
	fmt.Println(n, err, p)
	xs := make([]int, 3)
	n, err = fmt.Sscan("7 8 9", &xs[0], &xs[1], &xs[2])
	fmt.Println(n, err, xs)
	var arr [2]string
	n, err = fmt.Sscan("a b", &arr[0], &arr[1])
	fmt.Println(n, err, arr)
	q := new(float64)
	n, err = fmt.Sscan("2.5", q)
	fmt.Println(n, err, *q)
	ptrs := []any{&i, &s}
	n, err = fmt.Sscan("11 eleven", ptrs...)
	fmt.Println(n, err, i, s)
	m := map[string]*int{"k": new(int)}
	n, err = fmt.Sscan("5", m["k"])
	fmt.Println(n, err, *m["k"])

	var r rune
	var by byte
	n, err = fmt.Sscan("65 66", &r, &by)
	fmt.Println(n, err, r, by)
	n, err = fmt.Sscanf("ab", "%c%c", &r, &by)
	fmt.Println(n, err, r, by)

	var str string
	n, err = fmt.Sscan("héllo wörld", &str)
	fmt.Println(n, err, str)
	n, err = fmt.Sscan("\u00a0\u2003x\u3000y", &str, &s)
	fmt.Println(n, err, str, s)

	scan := fmt.Sscan
	n, err = scan("9", &i)
	fmt.Println("func value", n, err, i)
	scanf := fmt.Sscanf
	n, err = scanf("v10", "v%d", &i)
	fmt.Println("func value", n, err, i)
}
