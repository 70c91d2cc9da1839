// A type switch case listing several types binds the variable with the interface type; nil
// has a case of its own.
package main

import "fmt"

type E struct{}

func (E) Error() string { return "E" }

func describe(x any) string {
	switch v := x.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v (%T)", v, v)
	case error:
		return "error " + v.Error()
	case fmt.Stringer:
		return "stringer " + v.String()
	case []int:
		return fmt.Sprint("slice of ", len(v))
	default:
		return fmt.Sprintf("other %T", v)
	}
}

func main() {
	for _, x := range []any{nil, 1, int64(2), E{}, []int{1, 2}, 2.5, struct{}{}} {
		fmt.Println(describe(x))
	}
}
