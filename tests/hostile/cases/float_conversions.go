// hostile: float-to-int conversions of NaN, Inf and huge values do not trap
// expect: exit
// stdout: ok
package main

import "fmt"

func main() {
	zero := 0.0
	f := []float64{zero / zero, 1 / zero, -1 / zero, 1e300, -1e300}
	for _, x := range f {
		_ = int64(x)
		_ = int32(x)
		_ = uint8(x)
	}
	fmt.Println("ok")
}
