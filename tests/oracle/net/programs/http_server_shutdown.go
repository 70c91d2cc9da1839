package main

// Shutdown waits for the request in flight and refuses new connections; Serve returns
// ErrServerClosed; MaxBytesReader caps a request body; ReadTimeout drops a silent client.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
)

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(100 * time.Millisecond)
		fmt.Fprint(w, "slow done")
	})
	mux.HandleFunc("POST /upload", func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 4)
		_, err := io.ReadAll(r.Body)
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			http.Error(w, err.Error(), http.StatusRequestEntityTooLarge)
			return
		}
		fmt.Fprint(w, "stored")
	})
	srv := &http.Server{Handler: mux, ReadTimeout: 50 * time.Millisecond}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	url := "http://" + ln.Addr().String()

	for _, body := range []string{"abc", "abcdefgh"} {
		resp, err := http.Post(url+"/upload", "text/plain", strings.NewReader(body))
		if err != nil {
			panic(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		fmt.Printf("%d %q\n", resp.StatusCode, b)
	}

	silent, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	n, err := silent.Read(make([]byte, 10))
	fmt.Println("silent client:", n, err)

	got := make(chan string, 1)
	go func() {
		resp, err := http.Get(url + "/slow")
		if err != nil {
			got <- "error"
			return
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		got <- string(b)
	}()
	time.Sleep(20 * time.Millisecond)
	err = srv.Shutdown(context.Background())
	fmt.Println("shutdown:", err)
	fmt.Println("in flight:", <-got)
	fmt.Println("serve:", <-served, errors.Is(<-servedAgain(srv, ln), http.ErrServerClosed))
	_, err = http.Get(url + "/slow")
	fmt.Println("after shutdown:", err != nil)
}

func servedAgain(srv *http.Server, ln net.Listener) chan error {
	c := make(chan error, 1)
	c <- srv.Serve(ln)
	return c
}
