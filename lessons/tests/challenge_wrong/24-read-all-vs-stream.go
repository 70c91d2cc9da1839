// A wrong fix of lesson 24-read-all-vs-stream (bad.go edited): it preallocates the whole payload instead of streaming it.
// An upload service checksums request bodies. It reads each whole body into
// memory first (the io.ReadAll habit) and then walks it, so every upload in
// flight holds its entire payload: peak memory is uploads x payload size.
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

const uploads = 4     // param: 1..16 "Concurrent uploads"
const payloadKB = 512 // param: 32..2048 "Payload size (KiB)"

const chunkSize = 32 << 10

var EOF = errors.New("EOF")

// Body streams an upload from the network, one chunk per read.
type Body struct {
	remaining int
	seed      byte
}

func (b *Body) Read(p []byte) (int, error) {
	if b.remaining == 0 {
		return 0, EOF
	}
	time.Sleep(time.Millisecond) // wait for the next packets
	n := len(p)
	if b.remaining < n {
		n = b.remaining
	}
	b.remaining -= n
	p[0] = b.seed // stands for the chunk's content
	b.seed++
	return n, nil
}

func readAll(b *Body) ([]byte, error) {
	data := make([]byte, 0, payloadKB<<10) // one allocation for the body
	chunk := make([]byte, chunkSize)
	for {
		n, err := b.Read(chunk)
		data = append(data, chunk[:n]...)
		if errors.Is(err, EOF) {
			return data, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

func checksum(b *Body) (int, error) {
	data, err := readAll(b) // the whole payload in memory at once
	if err != nil {
		return 0, err
	}
	sum := 0
	for off := 0; off < len(data); off += chunkSize {
		sum += int(data[off])
	}
	return sum, nil
}

func main() {
	sums := make([]int, uploads)
	var wg sync.WaitGroup
	for i := range uploads {
		wg.Go(func() {
			sums[i], _ = checksum(&Body{remaining: payloadKB << 10, seed: byte(i)})
		})
	}
	wg.Wait()
	fmt.Printf("checksummed %d uploads of %d KiB: %v\n", uploads, payloadKB, sums)
}
