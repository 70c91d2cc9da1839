// A value receiver copies the struct, mutex included, while it is locked: locking the copy
// waits forever. (go vet's copylocks check flags this; the compiler does not.)
// The waiter is main itself, blocked on a mutex, which synctest cannot see as a deadlock:
// oracle: durable-mutex
package main

import (
	"fmt"
	"sync"
)

type Stats struct {
	mu   sync.Mutex
	hits int
}

func (s Stats) Snapshot() int { // value receiver: s is a copy, its mutex state included
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits
}

func main() {
	var st Stats
	st.mu.Lock()
	st.hits = 3
	fmt.Println("holding the lock, taking a snapshot")
	fmt.Println(st.Snapshot())
	st.mu.Unlock()
}
