// A client keeps at most maxConns connections to the service (Transport.MaxConnsPerHost),
// and a response holds its connection until its Body is read to the end or closed. The
// caller defers resp.Body.Close() right after the error check, before looking at the
// status, so every response, error or not, gives its connection back.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"time"
)

const requests = 20 // param: 1..100 "Requests (every 3rd gets a 503)"
const maxConns = 4  // param: 1..10 "Connection pool size"

func fetch(client *http.Client, url string, id int) error {
	resp, err := client.Get(fmt.Sprintf("%s/item/%d", url, id))
	if err != nil {
		return err
	}
	defer resp.Body.Close() // every path after a successful Get closes the body
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("item %d: status %d", id, resp.StatusCode)
	}
	_, err = io.ReadAll(resp.Body) // decode the item
	return err
}

func main() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, _ := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/item/"))
		if id%3 == 2 {
			time.Sleep(100 * time.Millisecond) // overloaded: a late 503
			http.Error(w, "overloaded", http.StatusServiceUnavailable)
			return
		}
		time.Sleep(4 * time.Millisecond) // the service's work
		fmt.Fprintf(w, "item %d", id)
	}))
	defer srv.Close()
	client := &http.Client{
		Transport: &http.Transport{MaxConnsPerHost: maxConns, MaxIdleConnsPerHost: maxConns},
		Timeout:   time.Second,
	}
	ok, failed, starved := 0, 0, 0
	for id := range requests {
		err := fetch(client, srv.URL, id)
		switch {
		case err == nil:
			ok++
		case errors.Is(err, context.DeadlineExceeded):
			starved++
		default:
			failed++
		}
	}
	fmt.Printf("%d ok, %d errors, %d timed out\n", ok, failed, starved)
}
