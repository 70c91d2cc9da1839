package main

// MaxConnsPerHost: a request waits for a connection; a client Timeout ends the wait with
// Go's error. Handler statuses, http.Error and headers.

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"
)

func main() {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Id", "7")
		fmt.Fprintln(w, "fine")
	})
	mux.HandleFunc("/fail", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down for maintenance", http.StatusServiceUnavailable)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	client := &http.Client{
		Transport: &http.Transport{MaxConnsPerHost: 1},
		Timeout:   100 * time.Millisecond,
	}
	resp, err := client.Get(srv.URL + "/fail")
	if err != nil {
		panic(err)
	}
	fmt.Println(resp.StatusCode, resp.Status, resp.Header.Get("Content-Type"))
	// Not closed: the only connection stays with this response.
	_, err = client.Get(srv.URL + "/ok")
	fmt.Println(strings.ReplaceAll(fmt.Sprint(err), srv.URL, "URL"))
	var ne interface{ Timeout() bool }
	fmt.Println(errors.As(err, &ne) && ne.Timeout())
	resp.Body.Close()
	resp, err = client.Get(srv.URL + "/ok")
	if err != nil {
		panic(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Printf("%d %q %s\n", resp.StatusCode, b, resp.Header.Get("X-Id"))
	resp, err = client.Get(srv.URL + "/missing")
	if err != nil {
		panic(err)
	}
	b, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Printf("%d %q\n", resp.StatusCode, b)
}
