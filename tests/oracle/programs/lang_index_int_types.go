// Any integer type indexes slices, arrays, strings and pointers to arrays, and bounds slices.
package main

import "fmt"

func main() {
	xs := []string{"a", "b", "c", "d"}
	var i64 int64 = 2
	var u8 uint8 = 1
	var u uint = 3
	var i32 int32 = 0
	fmt.Println(xs[i64], xs[u8], xs[u], xs[i32])
	arr := [4]int{10, 20, 30, 40}
	p := &arr
	arr[i64] = 33
	p[u8]++
	fmt.Println(arr, p[u], len(xs[u8:i64]), xs[i32:u:u])
	s := "hello"
	fmt.Println(s[i64], s[u8:i64])
	m := map[int64]string{2: "two"}
	fmt.Println(m[i64])
	for j := int64(0); j < 2; j++ {
		xs[j] = fmt.Sprint(j)
	}
	fmt.Println(xs)
	defer func() { fmt.Println("recovered:", recover()) }()
	var big uint64 = 10
	fmt.Println(xs[big])
}
