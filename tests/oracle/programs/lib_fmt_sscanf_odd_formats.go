// fmt.Sscanf with a width too long to parse (it ends at the format's last byte, inside a rune:
// Go reads U+FFFD as the verb), p exponents past any float's range, %x bytes that are no UTF-8.
package main

import "fmt"

func main() {
	var i int
	n, err := fmt.Sscanf("5", "%99999999999é", &i)
	fmt.Println(n, err)
	n, err = fmt.Sscanf("5", "%99999999999€", &i)
	fmt.Println(n, err)
	var f, g float64
	n, err = fmt.Sscan("1p2147483647", &f)
	fmt.Println(n, err, f)
	n, err = fmt.Sscan("1p-2147483648", &g)
	fmt.Println(n, err, g)
	var raw []byte
	n, err = fmt.Sscanf("fa00ff41", "%x", &raw)
	fmt.Println(n, err, raw)
}
