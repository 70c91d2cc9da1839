// math: trigonometry, powers, rounding and limits.
package main

import (
	"fmt"
	"math"
)

func main() {
	fmt.Println(math.Sin(math.Pi/2), math.Cos(0), math.Tan(0), math.Atan2(1, 1))
	fmt.Println(math.Sqrt(2), math.Pow(2, 10), math.Cbrt(27), math.Hypot(3, 4))
	fmt.Println(math.Floor(-1.5), math.Ceil(-1.5), math.Trunc(-1.5), math.Round(-1.5), math.Round(2.5), math.RoundToEven(2.5))
	fmt.Println(math.Abs(-3), math.Max(1, 2), math.Min(1, math.NaN()), math.Mod(7, 3))
	fmt.Println(math.Log(math.E), math.Log2(8), math.Log10(1000), math.Exp(0))
	fmt.Println(math.MaxInt64, math.MinInt64, math.MaxUint32, math.MaxInt8)
	fmt.Println(math.MaxFloat64, math.SmallestNonzeroFloat64)
	fmt.Printf("%.4f %.4f\n", math.Pi, math.Sin(1))
}
