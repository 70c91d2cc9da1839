// Racy: the racing accesses sit in helper methods called from two goroutines.
package main

import (
	"fmt"
	"time"
)

type Account struct {
	balance int
}

func (a *Account) Deposit(n int) {
	a.balance += n
}

func (a *Account) Balance() int {
	return a.balance
}

func main() {
	acct := &Account{}
	go acct.Deposit(10)
	time.Sleep(5 * time.Millisecond)
	go func() {
		fmt.Println(acct.Balance())
	}()
	time.Sleep(5 * time.Millisecond)
}
