// recover called from a helper of the deferred function returns nil; called by the deferred
// function itself, it stops the panic and returns its value.
package main

import "fmt"

func helper() any { return recover() }

func safe(f func()) (err any) {
	defer func() { err = recover() }()
	f()
	return nil
}

func main() {
	fmt.Println(safe(func() { panic("one") }))
	fmt.Println(safe(func() {}))
	defer func() {
		fmt.Println("outer recovered:", recover())
	}()
	defer func() {
		fmt.Println("helper sees:", helper())
	}()
	panic("two")
}
