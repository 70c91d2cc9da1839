// An upload service writes request bodies to object storage. Its handler reads
// each whole body into memory first (io.ReadAll) and then writes it out, so
// every upload in flight holds its entire payload: peak memory is uploads x
// payload size.
package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"
)

const uploads = 4     // param: 1..16 "Concurrent uploads"
const payloadKB = 512 // param: 32..2048 "Payload size (KiB)"

const chunkSize = 32 << 10

// upload is a client's file arriving over a slow link: one 32 KiB chunk a millisecond.
type upload struct{ sent, size int }

func (u *upload) Read(p []byte) (int, error) {
	if u.sent == u.size {
		return 0, io.EOF
	}
	time.Sleep(time.Millisecond) // wait for the next packets
	n := min(len(p), chunkSize, u.size-u.sent)
	u.sent += n
	return n, nil
}

// object stands for a file in object storage: it keeps the size of what is written to it.
type object struct{ size int }

func (o *object) Write(p []byte) (int, error) {
	o.size += len(p)
	return len(p), nil
}

func store(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(r.Body) // the whole payload in memory at once
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var o object
	o.Write(data)
	fmt.Fprint(w, o.size>>10)
}

func main() {
	srv := httptest.NewServer(http.HandlerFunc(store))
	defer srv.Close()
	stored := make([]string, uploads)
	var wg sync.WaitGroup
	for i := range uploads {
		wg.Go(func() {
			req, _ := http.NewRequest("POST", srv.URL+"/upload", &upload{size: payloadKB << 10})
			req.ContentLength = payloadKB << 10
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				stored[i] = err.Error()
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			stored[i] = string(b)
		})
	}
	wg.Wait()
	fmt.Printf("stored %d uploads of %d KiB: %v KiB\n", uploads, payloadKB, stored)
}
