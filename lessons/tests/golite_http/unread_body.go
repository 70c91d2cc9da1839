package main

// An unread, unclosed body keeps its connection out of the pool: each request dials a new
// one; a body read to EOF gives its connection back for the next request.

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
)

func main() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "body")
	}))
	client := srv.Client()
	var kept []*http.Response
	for i := 0; i < 3; i++ {
		resp, err := client.Get(srv.URL)
		if err != nil {
			panic(err)
		}
		kept = append(kept, resp) // never read, never closed
	}
	for i := 0; i < 2; i++ {
		resp, err := client.Get(srv.URL)
		if err != nil {
			panic(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Println(string(b))
	}
	fmt.Println(len(kept))
}
