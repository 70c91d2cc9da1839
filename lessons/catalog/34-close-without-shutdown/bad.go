// An order service is replaced by a new version: on the deploy signal it stops
// its server with srv.Close() and exits. Close closes every connection at once,
// including those whose requests are still being handled, so every order in
// flight is cut off: its client gets an error and cannot tell whether the
// order went through.
package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

const orders = 5   // param: 1..50 "Orders (one every 20ms)"
const workMs = 200 // param: 20..1000 "Time to handle an order (ms)"

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(workMs * time.Millisecond) // store the order, charge the card
		fmt.Fprint(w, "confirmed")
	})}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	results := make(chan string, orders)
	for i := range orders {
		go func() {
			body := strings.NewReader(fmt.Sprintf("order %d", i))
			resp, err := http.Post("http://"+ln.Addr().String()+"/orders", "text/plain", body)
			if err != nil {
				results <- "failed"
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			results <- string(b)
		}()
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(10 * time.Millisecond)

	srv.Close() // the deploy: stop the old version
	fmt.Println("serve:", <-served)
	confirmed, failed := 0, 0
	for range orders {
		if <-results == "confirmed" {
			confirmed++
		} else {
			failed++
		}
	}
	fmt.Printf("%d orders confirmed, %d failed at the deploy\n", confirmed, failed)
}
