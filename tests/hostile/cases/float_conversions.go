// hostile: float-to-int conversions of NaN, Inf and huge values do not trap
// expect: exit
package main

import (
	"fmt"
	"math"
)

func main() {
	f := []float64{math.NaN(), math.Inf(1), math.Inf(-1), 1e300, -1e300}
	for _, x := range f {
		_ = int64(x)
		_ = int32(x)
		_ = uint8(x)
	}
	fmt.Println("ok")
}
