// A wallet service guards its balances with one mutex. Deposit returns early
// when the amount is invalid, but that path forgets to unlock: the mutex stays
// locked for good, and every later request blocks on it until its client gives up.
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

const requests = 10 // param: 1..50 "Deposit requests, one after another"
const invalidAt = 3 // param: 1..50 "Invalid request number"

var ErrInvalidAmount = errors.New("invalid amount")

type Wallet struct {
	mu       sync.Mutex
	balances map[int]int
}

func (w *Wallet) Deposit(account, amount int) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if amount <= 0 {
		return ErrInvalidAmount // returns with the mutex still locked
	}
	time.Sleep(5 * time.Millisecond) // write the ledger entry
	w.balances[account] += amount
	w.mu.Unlock()
	return nil
}

func main() {
	w := &Wallet{balances: map[int]int{}}
	ok, rejected, timedOut := 0, 0, 0
	for i := 1; i <= requests; i++ {
		amount := 100
		if i == invalidAt {
			amount = -5
		}
		done := make(chan error, 1)
		go func() { done <- w.Deposit(i, amount) }()
		select { // the client waits at most 100 ms
		case err := <-done:
			if err != nil {
				rejected++
			} else {
				ok++
			}
		case <-time.After(100 * time.Millisecond):
			timedOut++
		}
	}
	fmt.Printf("%d deposits ok, %d rejected, %d timed out\n", ok, rejected, timedOut)
}
