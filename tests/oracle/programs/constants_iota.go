// Constants with iota, skipped values, expressions, and a String method on the enum type.
package main

import "fmt"

type State int

const (
	Idle State = iota
	Running
	_
	Stopped
)

func (s State) String() string {
	switch s {
	case Idle:
		return "idle"
	case Running:
		return "running"
	case Stopped:
		return "stopped"
	}
	return fmt.Sprintf("State(%d)", int(s))
}

const (
	KB = 1 << (10 * (iota + 1))
	MB
	GB
)

const greeting = "hello"
const big = 1 << 40

func main() {
	fmt.Println(Idle, Running, Stopped, State(2))
	fmt.Printf("%v %d %s\n", Stopped, Stopped, Running)
	fmt.Println(KB, MB, GB, big/GB)
	fmt.Println(greeting+" world", len(greeting))
	const local = 2.5
	fmt.Println(local*2, int(local*2))
}
