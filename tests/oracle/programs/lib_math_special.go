// Infinities, NaN and negative zero in float arithmetic.
package main

import (
	"fmt"
	"math"
)

func main() {
	inf := math.Inf(1)
	fmt.Println(inf, math.Inf(-1), -inf, inf-inf)
	nan := math.NaN()
	fmt.Println(nan == nan, nan != nan, math.IsNaN(nan), math.IsInf(inf, 0), math.IsInf(inf, -1))
	zero := 0.0
	fmt.Println(1/zero, -1/zero, zero/zero)
	negz := math.Copysign(0, -1)
	fmt.Println(negz, negz == 0, math.Signbit(negz), 1/negz)
	fmt.Println(math.Float64bits(1.0), math.Float64frombits(0x4000000000000000))
	m := map[float64]int{nan: 1, nan: 2}
	fmt.Println(len(m))
	fmt.Println(int64(math.Float64frombits(0x7FEFFFFFFFFFFFFF) / 1e300))
}
