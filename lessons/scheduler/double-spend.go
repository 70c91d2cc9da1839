// Two payments of 80 from an account holding 100. Every access to the balance
// holds the mutex, so there is no data race; but the check and the act are
// two critical sections, not one.
package main

import (
	"fmt"
	"sync"
)

var (
	mu      sync.Mutex
	balance = 100
)

func balanceNow() int {
	mu.Lock()
	defer mu.Unlock()
	return balance
}

func withdraw(amount int) {
	mu.Lock()
	defer mu.Unlock()
	balance -= amount
}

func pay(amount int, wg *sync.WaitGroup) {
	defer wg.Done()
	if balanceNow() >= amount { // check
		withdraw(amount) // act
	}
}

func main() {
	var wg sync.WaitGroup
	wg.Add(2)
	go pay(80, &wg)
	go pay(80, &wg)
	wg.Wait()
	fmt.Println("balance:", balance)
	if balance < 0 {
		fmt.Println("overdrawn")
	}
}
