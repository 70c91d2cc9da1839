// A wrong fix of lesson 24-read-all-vs-stream (bad.go edited): it streams the body with io.Copy, but into a bytes.Buffer that keeps all of it.
// An upload service answers each request body with its SHA-256 checksum. Its
// handler reads each whole body into memory first (io.ReadAll) and then hashes
// it, so every upload in flight holds its entire payload: peak memory is
// uploads x payload size.
package main

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

const uploads = 4     // param: 1..16 "Concurrent uploads"
const payloadKB = 512 // param: 32..1024 "Payload size (KiB)"

const chunkSize = 32 << 10

// alphabet is what the clients' files are made of: the 26 letters over and over.
var alphabet = strings.Repeat("abcdefghijklmnopqrstuvwxyz", chunkSize/26+2)

// upload is a client's file arriving over a slow link: one 32 KiB chunk a millisecond.
// File i is that text starting at letter i (a is letter 0).
type upload struct{ first, sent, size int }

func (u *upload) Read(p []byte) (int, error) {
	if u.sent == u.size {
		return 0, io.EOF
	}
	time.Sleep(time.Millisecond) // wait for the next packets
	at := (u.first + u.sent) % 26
	n := copy(p, alphabet[at:at+min(chunkSize, u.size-u.sent)])
	u.sent += n
	return n, nil
}

func checksum(w http.ResponseWriter, r *http.Request) {
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, r.Body); err != nil { // streamed, into memory
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	fmt.Fprintf(w, "%x", sha256.Sum256(buf.Bytes()))
}

func main() {
	srv := httptest.NewServer(http.HandlerFunc(checksum))
	defer srv.Close()
	sums := make([]string, uploads)
	var wg sync.WaitGroup
	for i := range uploads {
		wg.Go(func() {
			req, _ := http.NewRequest("POST", srv.URL+"/upload", &upload{first: i, size: payloadKB << 10})
			req.ContentLength = payloadKB << 10
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				sums[i] = err.Error()
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			sums[i] = string(b)
		})
	}
	wg.Wait()
	fmt.Printf("sha256 of %d uploads of %d KiB: %.8s\n", uploads, payloadKB, sums)
}
