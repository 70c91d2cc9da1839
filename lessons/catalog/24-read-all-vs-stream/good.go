// An upload service checksums request bodies as they stream in, one chunk at a
// time, so every upload in flight holds a single 32 KiB buffer whatever the
// payload size.
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

func checksum(b *Body) (int, error) {
	chunk := make([]byte, chunkSize) // the only buffer, reused for every read
	sum := 0
	for {
		n, err := b.Read(chunk)
		if n > 0 {
			sum += int(chunk[0])
		}
		if errors.Is(err, EOF) {
			return sum, nil
		}
		if err != nil {
			return 0, err
		}
	}
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
