// strconv parses integers in any base; base 0 reads the prefix (0x, 0o, 0b, 0) and underscores.
package main

import (
	"fmt"
	"strconv"
)

func main() {
	n, err := strconv.ParseInt("0x1c8", 0, 64)
	fmt.Println(n, err)
	for _, s := range []string{"0b1010", "0o17", "017", "1_000", "-0x10"} {
		v, err := strconv.ParseInt(s, 0, 64)
		fmt.Println(s, v, err)
	}
	v8, err := strconv.ParseInt("-101", 2, 8)
	fmt.Println(v8, err)
	_, err = strconv.ParseInt("300", 10, 8)
	fmt.Println(err)
	u, err := strconv.ParseUint("ff", 16, 64)
	fmt.Println(u, err)
	_, err = strconv.ParseUint("-1", 10, 64)
	fmt.Println(err)
	big, err := strconv.ParseUint("18446744073709551615", 10, 64)
	fmt.Println(big, err)
	_, err = strconv.Atoi("12a")
	fmt.Println(err)
	z, err := strconv.ParseInt("zz", 36, 64)
	fmt.Println(z, err)
}
