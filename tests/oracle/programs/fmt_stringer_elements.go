// fmt calls String() and Error() on the elements of slices and arrays too, for the verbs that
// call methods (%v %s %q %x), not for %d or %T; a pointer-receiver String is not in a value's
// method set.
package main

import (
	"errors"
	"fmt"
)

type celsius float64

func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type code int

func (c *code) String() string { return "ptr" }

func main() {
	temps := []celsius{1, 2.25}
	arr := [2]celsius{3, 4}
	fmt.Println(temps, arr, len(temps))
	fmt.Printf("%v|%s|%d|%q|%T\n", temps, temps, temps, temps, temps)
	errs := []error{errors.New("a"), errors.New("b")}
	fmt.Println(errs)
	cs := []code{1, 2}
	fmt.Println(cs)
	fmt.Printf("%x\n", temps)
	s := fmt.Sprint(temps)
	fmt.Println(s, fmt.Sprintf("%v", []celsius{}))
}
