// Struct values copy; pointers share. new, composite literals, comparisons and nil checks.
package main

import "fmt"

type Account struct {
	Owner   string
	Balance int
	Tags    []string
}

func deposit(a Account, n int)     { a.Balance += n }
func depositPtr(a *Account, n int) { a.Balance += n }
func (a *Account) Withdraw(n int) bool {
	if a.Balance < n {
		return false
	}
	a.Balance -= n
	return true
}

type pair struct{ a, b int }

func main() {
	acc := Account{Owner: "ana", Balance: 10}
	deposit(acc, 5)
	fmt.Println(acc.Balance)
	depositPtr(&acc, 5)
	fmt.Println(acc.Balance)
	copyAcc := acc
	copyAcc.Balance = 0
	alias := &acc
	alias.Balance = 100
	fmt.Println(acc.Balance, copyAcc.Balance)
	fmt.Println(alias.Withdraw(30), acc.Withdraw(500))
	fmt.Println(acc.Balance)
	p := new(pair)
	p.a = 3
	fmt.Println(*p, p.b, pair{1, 2} == pair{1, 2}, pair{1, 2} == pair{2, 1})
	var missing *Account
	fmt.Println(missing == nil, missing)
	accounts := []*Account{{Owner: "x"}, {Owner: "y", Tags: []string{"vip"}}}
	for _, a := range accounts {
		a.Balance++
	}
	fmt.Println(*accounts[0], *accounts[1], len(accounts[0].Tags))
	anon := struct {
		ID   int
		Name string
	}{7, "seven"}
	fmt.Printf("%+v\n", anon)
	arr := [2]pair{{1, 1}}
	arr2 := arr
	arr2[0].a = 9
	fmt.Println(arr, arr2)
}
