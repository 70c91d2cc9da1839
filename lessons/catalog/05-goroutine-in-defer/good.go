// Each request writes an audit record from a goroutine started in a defer, so
// the handler returns at once. The server counts those goroutines in a
// WaitGroup and waits for them before it shuts down.
package main

import (
	"fmt"
	"sync"
	"time"
)

const requests = 10 // param: 1..100 "Requests"
const auditMs = 25  // param: 5..495 "Audit store latency (ms)"

type Server struct {
	audit chan string // the audit shipper reads this until shutdown
	wg    sync.WaitGroup
}

func (s *Server) writeAudit(id int) {
	time.Sleep(auditMs * time.Millisecond) // the audit store is slow
	s.audit <- fmt.Sprintf("request %d served", id)
}

func (s *Server) handle(id int) {
	defer func() {
		s.wg.Go(func() { s.writeAudit(id) }) // outlives handle, but the server waits for it
	}()
	time.Sleep(10 * time.Millisecond) // the actual work
}

func main() {
	s := &Server{audit: make(chan string)}
	stop := make(chan struct{})
	done := make(chan int)
	go func() { // the audit shipper
		shipped := 0
		for {
			select {
			case <-s.audit:
				shipped++
			case <-stop:
				done <- shipped
				return
			}
		}
	}()

	for i := range requests {
		s.handle(i)
	}
	s.wg.Wait() // every audit record is shipped
	close(stop) // graceful shutdown
	fmt.Printf("audited %d of %d requests\n", <-done, requests)
	time.Sleep(time.Second) // the process lingers a little
}
