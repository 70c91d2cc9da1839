//! What each parked goroutine waits on, as the goroutine map's hover card says it: taken from the
//! snapshot the timeline folds from events, for every kind of wait golite has.

use lessons::golite::{self, RunOptions};
use lessons::runtime::{Progress, Snapshot, Timeline};

const PROGRAM: &str = r#"package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	a := make(chan int)
	b := make(chan int, 1)
	c := make(chan int)
	d := make(chan int)
	var nilc chan int
	var mu sync.Mutex
	var rw sync.RWMutex
	var wg sync.WaitGroup
	var cond = sync.NewCond(&sync.Mutex{})
	mu.Lock()
	rw.Lock()
	wg.Add(1)
	go func() { a <- 1 }()
	go func() { <-b }()
	go func() {
		select {
		case <-d:
		case c <- 2:
		}
	}()
	go func() { mu.Lock() }()
	go func() { rw.RLock() }()
	go func() { rw.Lock() }()
	go func() { wg.Wait() }()
	go func() { nilc <- 1 }()
	go func() { <-nilc }()
	go func() { select {} }()
	go func() { time.Sleep(time.Hour) }()
	go func() {
		cond.L.Lock()
		cond.Wait()
	}()
	rw2 := sync.RWMutex{}
	rw2.RLock()
	go func() { rw2.Lock() }()
	time.Sleep(time.Second)
	fmt.Println("done")
}
"#;

fn timeline_of(src: &str) -> Timeline {
    let program = golite::compile("waits.go", src, &[]).unwrap_or_else(|e| panic!("{e:?}"));
    let mut rt = golite::start(&program, &RunOptions::default());
    while rt.run_slice(10_000) == Progress::Running {}
    Timeline::from_events(rt.take_events())
}

fn end_of(src: &str) -> Snapshot {
    timeline_of(src).last()
}

#[test]
fn every_kind_of_wait_reads_in_words() {
    let end = end_of(PROGRAM);
    let got: Vec<(u32, String, String)> = end
        .goroutines
        .iter()
        .map(|g| {
            (
                g.line,
                g.state.as_str().to_string(),
                g.waits_on_text().unwrap_or_else(|| "-".into()),
            )
        })
        .collect();
    let want = [
        (22, "chan send", "send on chan #0"),
        (23, "chan receive", "receive from chan #1"),
        (
            25,
            "select",
            "select: receive from chan #3, send on chan #2",
        ),
        (30, "sync.Mutex.Lock", "mutex #1"),
        (31, "sync.RWMutex.RLock", "RWMutex #0 (to read)"),
        // Go's RWMutex.Lock queues on the writers' inner mutex first: state sync.Mutex.Lock.
        (
            32,
            "sync.Mutex.Lock",
            "RWMutex #0 (to write, behind another writer)",
        ),
        (33, "sync.WaitGroup.Wait", "WaitGroup #0"),
        (
            34,
            "chan send (nil chan)",
            "send on a nil channel: blocks forever",
        ),
        (
            35,
            "chan receive (nil chan)",
            "receive from a nil channel: blocks forever",
        ),
        (
            36,
            "select (no cases)",
            "nothing: an empty select blocks forever",
        ),
        (37, "sleep", "the clock: time.Sleep"),
        (40, "sync.Cond.Wait", "Cond #0"),
        (
            44,
            "sync.RWMutex.Lock",
            "RWMutex #1 (to write, once its readers leave)",
        ),
    ]
    .map(|(l, s, w)| (l, s.to_string(), w.to_string()));
    assert_eq!(got, want);
    assert_eq!(end.output, "done\n");
}

#[test]
fn running_and_runnable_goroutines_wait_on_nothing() {
    let src = "package main\n\nfunc main() {\n\tgo func() {}()\n\tprintln(1)\n}\n";
    let timeline = timeline_of(src);
    // Every point of the run: no goroutine that is not parked claims to wait on something.
    for i in 0..=timeline.len() {
        for g in timeline.snapshot_at(i).goroutines {
            assert_eq!(
                g.state.is_blocked(),
                g.waits_on.is_some(),
                "event {i}: {g:?}"
            );
            assert_eq!(
                g.waits_on_text().is_some(),
                g.state.is_blocked(),
                "event {i}: {g:?}"
            );
        }
    }
}
