// An order service is replaced by a new version: on the deploy signal it stops
// its server with srv.Shutdown(ctx) and exits. Shutdown closes the listener at
// once, so no new request starts, then waits for the requests in flight to be
// answered (or for ctx to end) before it closes their connections: every
// order in flight is confirmed.
package main

import (
	"context"
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

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	srv.Shutdown(ctx) // the deploy: drain, then stop the old version
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
