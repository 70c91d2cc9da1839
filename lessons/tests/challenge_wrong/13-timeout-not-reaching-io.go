// A wrong fix of lesson 13-timeout-not-reaching-io (bad.go edited): it checks the context before the request, which is still built without it.
// Handlers have a 100ms deadline, but the backend request is built without it
// (http.NewRequest, not NewRequestWithContext): a request stuck on a hung
// backend keeps its connection until the backend answers, seconds later. A few
// such requests take every connection the client may open (MaxConnsPerHost),
// and every request after them waits in line and misses its deadline.
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
	if err := ctx.Err(); err != nil { // give up if the deadline has passed already
		return err
	}
	r, err := http.NewRequest("GET", fmt.Sprintf("%s/query/%d", url, req), nil) // no ctx
	if err != nil {
		return err
	}
	resp, err := client.Do(r) // waits as long as the backend does
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
