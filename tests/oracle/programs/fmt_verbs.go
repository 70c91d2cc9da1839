// fmt's verbs, widths and precisions on the values lessons print.
package main

import (
	"errors"
	"fmt"
)

type point struct {
	X, Y int
	Name string
}

type celsius float64

func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

func main() {
	p := point{1, -2, "origin"}
	fmt.Printf("%v|%+v|%d|%T\n", p, p, p.X, p)
	fmt.Printf("%v|%+v|%T\n", &p, &p, &p)
	fmt.Printf("[%5d][%-5d][%05d][%x][%X][%o][%b]\n", 42, 42, 42, 255, 255, 8, 5)
	fmt.Printf("[%s][%10s][%-10s][%q][%.2s]\n", "go", "go", "go", "go\n", "golang")
	fmt.Printf("[%f][%.2f][%8.3f][%e][%g][%g]\n", 3.14159, 3.14159, 3.14159, 1234.5678, 0.000012, 100000000.0)
	fmt.Printf("[%t][%c][%U][%v][%d]\n", true, 'G', 'G', 'G', []byte("hi"))
	fmt.Printf("%v %v %v %v\n", []int{1, 2}, [2]string{"a", "b"}, map[string]int{"b": 2, "a": 1}, []string{})
	var ip *int
	var e error
	var m map[string]int
	var s []int
	fmt.Printf("%v %v %v %v %d\n", ip, e, m, s, len(s))
	fmt.Println(celsius(21.55), []celsius{1, 2.25})
	fmt.Printf("%v|%s|%q\n", errors.New("disk full"), errors.New("disk full"), errors.New("disk full"))
	fmt.Printf("%T %T %T %T %T\n", 1, 2.5, "s", []any{1}, map[string]bool{})
	fmt.Printf("%x %X %q\n", "hello", []byte{1, 171}, 'x')
	fmt.Printf("%6.2f%%|%+d|%v\n", 99.5, 5, struct{}{})
	fmt.Print("a", "b", 1, 2, "c\n")
	fmt.Println("a", "b", 1, 2, true, nil, 3.0, 2.5e10, 1e21)
	s2 := fmt.Sprint(3, 4, "x", 5)
	fmt.Println(s2, len(s2))
	fmt.Printf("%d %s\n", "str", 5)
	fmt.Printf("%d\n")
	fmt.Printf("%d\n", 1, 2)
}
