// Real-Go mirrors of the runtime's Rust tests (lessons/tests/runtime_*.rs). Each test asserts
// the same figures the Rust test asserts, under testing/synctest where the clock matters.
// Run: cd tests/oracle/runtime && GOFLAGS=-mod=mod GOPROXY=off ../../../.venv/bin/go test ./...
package runtimeoracle

import (
	"context"
	"errors"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

func eq[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s: got %v, want %v", what, got, want)
	}
}

// runtime_channels.rs: blocked_receivers_are_served_in_arrival_order
func TestReceiversFIFO(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan int)
		got := make([]int, 3)
		var wg sync.WaitGroup
		for i := range 3 {
			wg.Add(1)
			go func() { defer wg.Done(); got[i] = <-ch }()
			synctest.Wait()
		}
		ch <- 1
		ch <- 2
		ch <- 3
		wg.Wait()
		eq(t, "order", [3]int(got), [3]int{1, 2, 3})
	})
}

// runtime_channels.rs: receivers_drain_buffer_after_close_then_get_zero_and_false
func TestDrainAfterClose(t *testing.T) {
	ch := make(chan int, 2)
	ch <- 5
	ch <- 6
	close(ch)
	a, ok1 := <-ch
	b, ok2 := <-ch
	c, ok3 := <-ch
	eq(t, "drain", [6]any{a, ok1, b, ok2, c, ok3}, [6]any{5, true, 6, true, 0, false})
}

// runtime_time.rs: sleepers_wake_in_order_of_wake_time, virtual clock figures
func TestSleepers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var mu sync.Mutex
		var woke []time.Duration
		for _, d := range []time.Duration{30, 10} {
			go func() {
				time.Sleep(d)
				mu.Lock()
				woke = append(woke, time.Since(start))
				mu.Unlock()
			}()
		}
		time.Sleep(50)
		eq(t, "woke", len(woke), 2)
		eq(t, "first", woke[0], 10)
		eq(t, "second", woke[1], 30)
		eq(t, "main", time.Since(start), 50)
	})
}

// runtime_time.rs: stop_and_reset_report_go_results_after_read_and_after_stop
func TestTimerStopReset(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		t0 := time.NewTimer(10)
		v := <-t0.C
		eq(t, "fire time", v.Sub(start), 10)
		eq(t, "stop after read", t0.Stop(), false)
		t1 := time.NewTimer(1000)
		eq(t, "stop pending", t1.Stop(), true)
		eq(t, "stop again", t1.Stop(), false)
		eq(t, "reset stopped", t1.Reset(5), false)
		v = <-t1.C
		eq(t, "reset fire", v.Sub(start), 15)
		t2 := time.NewTimer(10)
		time.Sleep(50)
		eq(t, "len cap", [2]int{len(t2.C), cap(t2.C)}, [2]int{0, 0})
		eq(t, "reset expired unread", t2.Reset(10), true)
		v = <-t2.C
		eq(t, "only the new time", v.Sub(start), 75)
	})
}

// runtime_time.rs: ticker_drops_ticks_a_slow_reader_misses
func TestTickerSlowReader(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		tk := time.NewTicker(10)
		time.Sleep(35)
		v := <-tk.C
		eq(t, "first", v.Sub(start), 10)
		v = <-tk.C
		eq(t, "next", v.Sub(start), 40)
		tk.Stop()
	})
}

// runtime_context.rs: timeout_expires..., child_deadline_cannot_outlive..., cause, values
func TestContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		bg := context.Background()
		eq(t, "background done is nil", bg.Done() == nil, true)
		parent, cancel1 := context.WithTimeout(bg, 50)
		defer cancel1()
		child, cancel2 := context.WithTimeout(parent, 100)
		defer cancel2()
		dl, _ := child.Deadline()
		eq(t, "child deadline", dl.Sub(start), 50)
		<-child.Done()
		eq(t, "done at", time.Since(start), 50)
		eq(t, "err", child.Err().Error(), "context deadline exceeded")
		eq(t, "cause", context.Cause(child).Error(), "context deadline exceeded")

		c1, cc := context.WithCancelCause(bg)
		c2, cancel3 := context.WithCancel(c1)
		defer cancel3()
		why := errors.New("42")
		cc(why)
		cc(errors.New("second"))
		eq(t, "err canceled", c2.Err().Error(), "context canceled")
		eq(t, "cause kept", context.Cause(c1), why)
		eq(t, "cause propagated", context.Cause(c2), why)

		wc := context.WithoutCancel(c1)
		eq(t, "withoutcancel done nil", wc.Done() == nil, true)
		eq(t, "withoutcancel err", wc.Err(), nil)

		type key int
		v1 := context.WithValue(bg, key(1), 10)
		v2 := context.WithValue(v1, key(2), 20)
		v3 := context.WithValue(v2, key(1), 11)
		c4, cancel4 := context.WithCancel(v3)
		defer cancel4()
		c5 := context.WithoutCancel(c4)
		eq(t, "value 1", c5.Value(key(1)), any(11))
		eq(t, "value 2", c5.Value(key(2)), any(20))
		eq(t, "value 3", c5.Value(key(3)), nil)

		// runtime_context.rs: context_after_func_runs_in_a_new_goroutine_when_cancelled
		c6, cancel6 := context.WithCancel(bg)
		ran := time.Duration(-1)
		context.AfterFunc(c6, func() { ran = time.Since(start) })
		time.Sleep(5)
		cancel6()
		time.Sleep(5)
		eq(t, "afterfunc ran at", ran, 55)
	})
}

// runtime_sync.rs: waitgroup_wait_returns_when_the_counter_reaches_zero
func TestWaitGroup(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var wg sync.WaitGroup
		wg.Add(2)
		go func() { time.Sleep(10); wg.Done() }()
		go func() { time.Sleep(20); wg.Done() }()
		wg.Wait()
		eq(t, "waited until", time.Since(start), 20)
	})
}

// runtime_sync.rs: negative_waitgroup_counter_panics
func TestNegativeWaitGroup(t *testing.T) {
	defer func() { eq(t, "panic", recover(), any("sync: negative WaitGroup counter")) }()
	var wg sync.WaitGroup
	wg.Add(1)
	wg.Add(-2)
}

// runtime_sync.rs: writer_waits_for_readers_and_blocks_new_readers (real time: mutex
// blocking is not durable in a synctest bubble).
func TestRWMutexWriterPreference(t *testing.T) {
	var rw sync.RWMutex
	var mu sync.Mutex
	var order []string
	note := func(s string) { mu.Lock(); order = append(order, s); mu.Unlock() }
	rw.RLock()
	done := make(chan bool, 2)
	go func() { rw.Lock(); note("writer"); rw.Unlock(); done <- true }()
	time.Sleep(20 * time.Millisecond)
	go func() { rw.RLock(); note("late reader"); rw.RUnlock(); done <- true }()
	time.Sleep(20 * time.Millisecond)
	note("first reader leaves")
	rw.RUnlock()
	<-done
	<-done
	eq(t, "order", strings.Join(order, ", "), "first reader leaves, writer, late reader")
}

// Leak states as Go's goroutine dumps name them (runtime_*: the leak tests). Plain goroutines,
// not a bubble, since nil-channel goroutines never finish. A select with a single case is
// compiled to a plain channel operation, so it shows as "chan receive"/"chan send".
func TestLeakStates(t *testing.T) {
	var nilch chan int
	var wg sync.WaitGroup
	wg.Add(1)
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	c := func() chan int { return make(chan int) }
	a, b, d, e, f, g := c(), c(), c(), c(), c(), c()
	go func() {
		select {
		case a <- 1:
		case <-b:
		}
	}()
	go func() {
		select {
		case nilch <- 1:
		case <-d:
		}
	}()
	go func() {
		select {
		case <-e:
		}
	}()
	go func() {
		select {
		case nilch <- 1:
		}
	}()
	go func() { select {} }()
	go func() { f <- 1 }()
	go func() { <-g }()
	go func() { nilch <- 1 }()
	go func() { <-nilch }()
	go func() { time.Sleep(time.Hour) }()
	go func() { wg.Wait() }()
	go func() { mu.Lock(); cond.Wait(); mu.Unlock() }()
	var rw sync.RWMutex
	rw.Lock()
	go func() { rw.RLock() }()
	var m2 sync.Mutex
	m2.Lock()
	go func() { m2.Lock() }()
	time.Sleep(50 * time.Millisecond)
	buf := make([]byte, 1<<20)
	n := runtime.Stack(buf, true)
	re := regexp.MustCompile(`goroutine \d+ \[([^,\]]+)`)
	var states []string
	// Only this test's goroutines (the testing package has its own, waiting on channels).
	for _, block := range strings.Split(string(buf[:n]), "\n\n") {
		m := re.FindStringSubmatch(block)
		if m != nil && m[1] != "running" && strings.Contains(block, "TestLeakStates.func") {
			states = append(states, m[1])
		}
	}
	sort.Strings(states)
	eq(t, "states", strings.Join(states, "|"),
		"chan receive|chan receive|chan receive (nil chan)|chan send|chan send (nil chan)|chan send (nil chan)|select|select|select (no cases)|sleep|sync.Cond.Wait|sync.Mutex.Lock|sync.RWMutex.RLock|sync.WaitGroup.Wait")
}

type orderLog struct {
	mu  sync.Mutex
	out []string
}

func (r *orderLog) add(s string)   { r.mu.Lock(); r.out = append(r.out, s); r.mu.Unlock() }
func (r *orderLog) String() string { return strings.Join(r.out, " ") }

var names = []string{"a", "b", "c"}

// typical runs a scenario 20 times in fresh bubbles and checks that `want` is Go's usual
// order: Go's scheduler is not fully deterministic (every 61st schedule it polls the global
// queue first), so an unusual order now and then is expected; the runtime models the usual one.
func typical(t *testing.T, what, want string, scenario func(r *orderLog)) {
	t.Helper()
	counts := map[string]int{}
	for range 20 {
		var r orderLog
		synctest.Test(t, func(t *testing.T) { scenario(&r) })
		counts[r.String()]++
	}
	if counts[want] < 15 {
		t.Errorf("%s: want %q in most runs, got %v", what, want, counts)
	}
}

// The single-P run order the runtime models (scheduler.rs): runnext, local queue, global queue.
// Mirrors runtime_outcomes.rs, runtime_channels.rs and runtime_sync.rs order tests.
func TestRunOrder(t *testing.T) {
	typical(t, "spawn then wait", "c a b", func(r *orderLog) {
		var wg sync.WaitGroup
		for _, n := range names {
			wg.Add(1)
			go func() { defer wg.Done(); r.add(n) }()
		}
		wg.Wait()
	})
	typical(t, "close wakes", "c b a", func(r *orderLog) {
		var wg sync.WaitGroup
		ch := make(chan int)
		for _, n := range names {
			wg.Add(1)
			go func() { defer wg.Done(); <-ch; r.add(n) }()
		}
		synctest.Wait()
		close(ch)
		wg.Wait()
	})
	typical(t, "sends wake", "main-sent b2 c0 a1", func(r *orderLog) {
		var wg sync.WaitGroup
		ch := make(chan int)
		for _, n := range names {
			wg.Add(1)
			go func() { defer wg.Done(); v := <-ch; r.add(n + strconv.Itoa(v)) }()
		}
		synctest.Wait()
		for i := range 3 {
			ch <- i
		}
		r.add("main-sent")
		wg.Wait()
	})
	typical(t, "waitgroup release", "main b c a", func(r *orderLog) {
		var wg, start sync.WaitGroup
		start.Add(1)
		for _, n := range names {
			wg.Add(1)
			go func() { defer wg.Done(); start.Wait(); r.add(n) }()
		}
		synctest.Wait()
		start.Done()
		r.add("main")
		wg.Wait()
	})
	typical(t, "gosched", "c0 a0 b0 c1 a1 b1", func(r *orderLog) {
		var wg sync.WaitGroup
		for _, n := range names {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 2 {
					r.add(n + strconv.Itoa(i))
					runtime.Gosched()
				}
			}()
		}
		wg.Wait()
	})
	typical(t, "nested spawn", "other spawner c a b", func(r *orderLog) {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			var inner sync.WaitGroup
			for _, n := range names {
				inner.Add(1)
				go func() { defer inner.Done(); r.add(n) }()
			}
			r.add("spawner")
			inner.Wait()
		}()
		go func() { r.add("other") }()
		wg.Wait()
	})
	typical(t, "mutex barging", "A A A B", func(r *orderLog) {
		var mu sync.Mutex
		var wg sync.WaitGroup
		mu.Lock()
		wg.Add(1)
		go func() { defer wg.Done(); mu.Lock(); r.add("B"); mu.Unlock() }()
		for i := range 3 {
			if i > 0 {
				mu.Lock()
			}
			r.add("A")
			mu.Unlock()
		}
		wg.Wait()
	})
}

// runtime_time.rs: polling_the_channel_of_a_due_timer_fires_it_at_once
func TestDueTimerPolled(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		t0 := time.NewTimer(0)
		fired := false
		select {
		case <-t0.C:
			fired = true
		default:
		}
		eq(t, "due timer polled", fired, true)
		tk := time.NewTicker(10)
		defer tk.Stop()
		ticked := false
		select {
		case <-tk.C:
			ticked = true
		default:
		}
		eq(t, "ticker not due", ticked, false)
	})
}

// runtime_time.rs: after_func_reset_after_firing_runs_the_function_again
func TestAfterFuncResetAfterFiring(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var ran []time.Duration
		var mu sync.Mutex
		af := time.AfterFunc(20, func() { mu.Lock(); ran = append(ran, time.Since(start)); mu.Unlock() })
		time.Sleep(30)
		eq(t, "stop after run", af.Stop(), false)
		eq(t, "reset after run", af.Reset(5), false)
		time.Sleep(10)
		mu.Lock()
		defer mu.Unlock()
		eq(t, "runs", len(ran), 2)
		eq(t, "first", ran[0], 20)
		eq(t, "second", ran[1], 35)
	})
}
