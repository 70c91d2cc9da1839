// switch: no implicit fallthrough, explicit fallthrough, multiple values per case, no tag.
package main

import "fmt"

func grade(score int) string {
	switch {
	case score >= 90:
		return "A"
	case score >= 80:
		return "B"
	default:
		return "C"
	}
}

func main() {
	for _, n := range []int{0, 1, 2, 5} {
		switch n {
		case 0:
			fmt.Print("zero ")
			fallthrough
		case 1:
			fmt.Print("small ")
		case 2, 3, 4:
			fmt.Print("medium ")
		default:
			fmt.Print("large ")
		}
		fmt.Println()
	}
	fmt.Println(grade(95), grade(85), grade(10))
	switch x := 7; {
	case x > 5:
		fmt.Println("x > 5")
		if x == 7 {
			break
		}
		fmt.Println("not reached")
	}
}
