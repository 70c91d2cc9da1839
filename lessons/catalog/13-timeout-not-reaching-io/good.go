// Handlers have a 100ms deadline and pass it to the backend request
// (http.NewRequestWithContext), so a request stuck on a hung backend is
// cancelled at the deadline: the transport closes its connection, the next
// request waiting for one dials a fresh connection, and the pool keeps
// serving everyone else.
package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"time"
)

const requests = 30 // param: 1..100 "Requests (one every 10ms)"
const poolSize = 4  // param: 1..16 "Connection pool size"
const hung = 4      // param: 0..20 "Requests that hit the hung backend"

func backend(w http.ResponseWriter, r *http.Request) {
	req, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/query/"))
	if req < hung {
		time.Sleep(2 * time.Second) // the backend is stuck for these
	} else {
		time.Sleep(5 * time.Millisecond)
	}
	fmt.Fprintf(w, "rows for %d", req)
}

func handle(ctx context.Context, client *http.Client, url string, req int) error {
	ctx, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
	defer cancel()
	r, err := http.NewRequestWithContext(ctx, "GET", fmt.Sprintf("%s/query/%d", url, req), nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(r) // the deadline reaches the connection itself
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if _, err := io.ReadAll(resp.Body); err != nil {
		return err
	}
	return ctx.Err() // an answer after the deadline is no answer
}

func main() {
	srv := httptest.NewServer(http.HandlerFunc(backend))
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: poolSize}}
	var wg sync.WaitGroup
	errs := make([]error, requests)
	for req := range requests {
		wg.Go(func() { errs[req] = handle(context.Background(), client, srv.URL, req) })
		time.Sleep(10 * time.Millisecond)
	}
	wg.Wait()

	ok := 0
	for _, err := range errs {
		if err == nil {
			ok++
		}
	}
	fmt.Printf("%d of %d requests answered in time\n", ok, requests)
}
