// Type switches and assertions over an interface value, including nil and multi-type cases.
package main

import (
	"errors"
	"fmt"
)

type shape interface{ area() float64 }

type square struct{ side float64 }

func (s square) area() float64 { return s.side * s.side }

func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case string:
		return "string of length " + fmt.Sprint(len(x))
	case error:
		return "error: " + x.Error()
	case shape:
		return fmt.Sprintf("shape with area %.1f", x.area())
	case []int:
		return fmt.Sprint("slice of ", len(x))
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	for _, v := range []any{nil, 3, int64(4), "hey", errors.New("bad"), square{3}, []int{1, 2}, 2.5, true} {
		fmt.Println(describe(v))
	}
	var s shape = square{2}
	if sq, ok := s.(square); ok {
		fmt.Println("is square", sq.side)
	}
	_, ok := s.(interface{ perimeter() float64 })
	fmt.Println("has perimeter:", ok)
	var e error
	fmt.Println(e == nil, describe(e))
}
