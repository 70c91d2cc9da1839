// A quote service asks a rates backend for every quote. To give each call its
// own timeout it builds a new http.Client, with a new Transport, per call. A
// Transport keeps its connections open for reuse, but nothing ever uses this
// one again: every call dials a new connection, and each one stays open, idle,
// with its reader and writer goroutines, until the server closes it.
package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"sync"
	"time"
)

const quotes = 30 // param: 1..100 "Quotes (one every 10ms)"

func rate(url string) (string, error) {
	client := &http.Client{Transport: &http.Transport{}, Timeout: time.Second}
	resp, err := client.Get(url + "/rate")
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

func main() {
	var mu sync.Mutex
	conns := map[string]bool{} // the client addresses the backend has seen
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		conns[r.RemoteAddr] = true
		mu.Unlock()
		time.Sleep(2 * time.Millisecond) // look the rate up
		fmt.Fprint(w, "1.08")
	}))
	defer srv.Close()
	ok := 0
	for range quotes {
		if r, err := rate(srv.URL); err == nil && r == "1.08" {
			ok++
		}
		time.Sleep(10 * time.Millisecond)
	}
	fmt.Printf("%d quotes, %d connections, %d goroutines\n", ok, len(conns), runtime.NumGoroutine())
}
