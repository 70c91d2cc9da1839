// A wrong fix of lesson 05-goroutine-in-defer (bad.go edited): it sleeps a little before shutting down instead of waiting for the audit goroutines.
// Each request writes an audit record from a goroutine started in a defer, so
// the handler returns at once. Nothing waits for those goroutines: at shutdown
// the late ones are cut off and stay blocked.
package main

import (
	"fmt"
	"time"
)

const requests = 10 // param: 1..100 "Requests"
const auditMs = 25  // param: 5..495 "Audit store latency (ms)"

type Server struct {
	audit chan string // the audit shipper reads this until shutdown
}

func (s *Server) writeAudit(id int) {
	time.Sleep(auditMs * time.Millisecond) // the audit store is slow
	s.audit <- fmt.Sprintf("request %d served", id)
}

func (s *Server) handle(id int) {
	defer func() {
		go s.writeAudit(id) // outlives handle: nobody waits for it
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
	time.Sleep(50 * time.Millisecond) // give the audit writers time to finish
	close(stop) // graceful shutdown
	fmt.Printf("audited %d of %d requests\n", <-done, requests)
	time.Sleep(time.Second) // the process lingers a little
}
