package main

// The server cancels a request's context when the client goes away (its connection closes
// while the handler runs) and when ServeHTTP returns. The server notices a closed connection
// only by reading it: with a request body, only once the handler has read the body to EOF
// (Go starts its background read then), so a handler that never reads the body waits on.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"time"
)

func main() {
	events := make(chan string, 10)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		switch r.URL.Path {
		case "/count":
			// main, the client's readLoop and writeLoop, Serve, conn.serve (this
			// handler) and the server's background read of the connection.
			fmt.Fprint(w, runtime.NumGoroutine())
			return
		case "/after":
			go func() {
				<-ctx.Done()
				events <- "after return: " + ctx.Err().Error()
			}()
			fmt.Fprint(w, "ok")
			return
		case "/read":
			b, _ := io.ReadAll(r.Body)
			events <- fmt.Sprintf("read %d bytes", len(b))
		}
		select {
		case <-ctx.Done():
			events <- r.URL.Path + ": " + ctx.Err().Error() + ", cause " + context.Cause(ctx).Error()
		case <-time.After(300 * time.Millisecond):
			events <- r.URL.Path + ": finished, err " + fmt.Sprint(ctx.Err())
		}
	}))
	defer srv.Close()

	resp, err := http.Get(srv.URL + "/count")
	if err != nil {
		panic(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println("goroutines while a handler runs:", string(b))

	resp, err = http.Get(srv.URL + "/after")
	if err != nil {
		panic(err)
	}
	io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println(<-events)

	// The client gives up after 50ms: its transport closes the connection.
	client := &http.Client{Timeout: 50 * time.Millisecond}
	_, err = client.Get(srv.URL + "/slow")
	fmt.Println("client timeout:", errors.Is(err, context.DeadlineExceeded))
	fmt.Println(<-events)

	// A cancelled request context closes the connection too.
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/cancelled", nil)
	_, err = http.DefaultClient.Do(req)
	fmt.Println("client cancelled:", errors.Is(err, context.Canceled))
	fmt.Println(<-events)

	// A body the handler reads to EOF: the server watches the connection from then on.
	_, err = client.Post(srv.URL+"/read", "text/plain", strings.NewReader("hello"))
	fmt.Println("client timeout:", errors.Is(err, context.DeadlineExceeded))
	fmt.Println(<-events)
	fmt.Println(<-events)

	// A body the handler never reads: nothing reads the connection, the handler runs on.
	_, err = client.Post(srv.URL+"/unread", "text/plain", strings.NewReader("hello"))
	fmt.Println("client timeout:", errors.Is(err, context.DeadlineExceeded))
	fmt.Println(<-events)
}
