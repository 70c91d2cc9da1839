// A wrong fix of lesson 09-closed-channel-zero-values (bad.go edited): it ranges over the channel but no longer closes it.
// A health checker averages the latencies its probes report. It reads one value
// per probe, but failed probes report nothing and the channel is closed: every
// missing sample reads as a zero and drags the average down.
package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

const probes = 10  // param: 1..50 "Probes"
const failures = 3 // param: 0..10 "Probes that fail"

func probe(id int) (time.Duration, error) {
	if id >= probes-failures {
		return 0, errors.New("connection refused")
	}
	d := time.Duration(20+7*(id%4)) * time.Millisecond
	time.Sleep(d)
	return d, nil
}

func main() {
	latencies := make(chan int, probes)
	var wg sync.WaitGroup
	for id := range probes {
		wg.Go(func() {
			d, err := probe(id)
			if err != nil {
				return // nothing sent for a failed probe
			}
			latencies <- int(d / time.Millisecond)
		})
	}
	wg.Wait()

	sum, n := 0, 0
	for ms := range latencies {
		sum += ms
		n++
	}
	if n == 0 {
		fmt.Println("no successful probes")
		return
	}
	fmt.Printf("%d samples, average %d ms\n", n, sum/n)
}
