// Values are looked up from the context up through its parents; the nearest wins.
package main

import (
	"context"
	"fmt"
)

type ctxKey string

func main() {
	base := context.WithValue(context.Background(), ctxKey("user"), "ana")
	req := context.WithValue(base, ctxKey("request"), 42)
	over := context.WithValue(req, ctxKey("user"), "bo")
	cancelled, cancel := context.WithCancel(over)
	cancel()
	fmt.Println(req.Value(ctxKey("user")), req.Value(ctxKey("request")))
	fmt.Println(over.Value(ctxKey("user")), base.Value(ctxKey("request")))
	fmt.Println(cancelled.Value(ctxKey("user")), cancelled.Err())
	fmt.Println(context.Background().Value(ctxKey("user")))
	if id, ok := req.Value(ctxKey("request")).(int); ok {
		fmt.Println("request id", id+1)
	}
}
