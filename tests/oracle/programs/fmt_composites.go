// fmt on composite values: nested structs, slices of structs, maps of slices, %+v all the way
// down, and %T of named, function and channel types.
package main

import (
	"errors"
	"fmt"
	"time"
)

type Address struct {
	City string
	Zip  int
}

type User struct {
	Name    string
	Age     int
	Home    Address
	Tags    []string
	Scores  map[string]int
	Err     error
	Timeout time.Duration
}

type Level int

func strconvLike(n int) (string, error) { return fmt.Sprint(n), nil }

func main() {
	u := User{Name: "ana", Age: 31, Home: Address{"Lyon", 69001}, Tags: []string{"admin", "dev"},
		Scores: map[string]int{"go": 9, "c": 7}, Timeout: 1500 * time.Millisecond}
	fmt.Printf("%v\n%+v\n", u, u)
	fmt.Println([]Address{{"Oslo", 150}, {"Rome", 118}})
	fmt.Printf("%+v\n", []Address{{"Oslo", 150}})
	fmt.Println(map[string][]int{"b": {2, 3}, "a": nil}, [][]string{{"x"}, {}})
	fmt.Printf("%q %q %v\n", []string{"a b", "c"}, "tab\there", [3]bool{true})
	fmt.Printf("%x %X %x %d\n", -255, "Go", []int{10, 11}, []int8{-1, 2})
	fmt.Printf("[%08.3f][%-8v][%8v][%+.2e]\n", 3.14159, "left", true, 12345.678)
	fmt.Printf("%T %T %T %T %T\n", Level(2), strconvLike, make(chan int), errors.New("e"), u.Home)
	fmt.Printf("%v %d %s\n", Level(3), []Level{1, 2}, errors.New("wrapped"))
	var nilUser *User
	fmt.Printf("%v %+v\n", nilUser, struct {
		P *int
		E error
	}{})
	fmt.Println(fmt.Sprintf("%3d|%-3d|%03d", 7, 7, 7), fmt.Sprint("a", 1, 2, "b", 3.5, nil))
	fmt.Println(fmt.Sprintln("x", 1) + "y")
	fmt.Printf("%v %.1f %v\n", 2*time.Second+300*time.Millisecond, (1500 * time.Millisecond).Seconds(), time.Duration(0))
}
