//! Channels are garbage once no goroutine can reach them, as in Go: the last copy of the value
//! gone and nobody parked on it. Then they leave the snapshot (the page's channel gauges) and
//! their bytes, buffered values included, leave the modeled heap. A channel a parked goroutine
//! waits on stays, as the leaked goroutine's channel does in Go.

use lessons::golite::{self, RunOptions};
use lessons::runtime::{EventKind, GState, Progress, Snapshot, Timeline};

fn run(src: &str) -> Timeline {
    let program = golite::compile("prog.go", src, &[]).unwrap_or_else(|e| panic!("{e:?}"));
    let mut rt = golite::start(&program, &RunOptions::default());
    while rt.run_slice(10_000) == Progress::Running {}
    Timeline::from_events(rt.take_events())
}

fn released(t: &Timeline) -> Vec<u32> {
    t.events()
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::ChanRelease { chan } => Some(chan.0),
            _ => None,
        })
        .collect()
}

/// The index of the first event that parks a goroutine in `time.Sleep`.
fn first_sleep(t: &Timeline) -> usize {
    t.events()
        .iter()
        .position(|e| {
            matches!(
                e.kind,
                EventKind::Block {
                    state: GState::Sleep,
                    ..
                }
            )
        })
        .unwrap_or_else(|| panic!("nothing slept"))
}

fn chans(s: &Snapshot) -> Vec<(u32, u32, u32, u32)> {
    s.chans
        .iter()
        .map(|c| (c.chan.0, c.len, c.senders, c.receivers))
        .collect()
}

#[test]
fn a_channel_out_of_scope_is_released_once() {
    let t = run(r#"package main

import "fmt"

func main() {
	for i := 0; i < 3; i++ {
		ch := make(chan int, 1)
		ch <- i
		fmt.Println(<-ch)
	}
}
"#);
    assert_eq!(released(&t), vec![0, 1, 2]);
    let end = t.last();
    assert_eq!(end.output, "0\n1\n2\n");
    assert_eq!(chans(&end), vec![]);
}

#[test]
fn a_channel_a_parked_goroutine_holds_stays() {
    let t = run(r#"package main

import "time"

func main() {
	ch := make(chan int)
	go func() { ch <- 1 }()
	go func() { make(chan string) <- "nobody else can reach me" }()
	time.Sleep(time.Second)
}
"#);
    // main's copy of ch went when main returned; the parked senders keep both channels.
    assert_eq!(released(&t), Vec::<u32>::new());
    assert_eq!(chans(&t.last()), vec![(0, 0, 1, 0), (1, 0, 1, 0)]);
}

#[test]
fn a_released_channel_frees_its_buffer_and_the_values_in_it() {
    let t = run(r#"package main

import (
	"fmt"
	"time"
)

func fill() {
	ch := make(chan []byte, 4)
	for i := 0; i < 4; i++ {
		ch <- make([]byte, 256*1024)
	}
	fmt.Println(len(ch))
}

func main() {
	fill()
	time.Sleep(time.Second)
}
"#);
    assert_eq!(released(&t), vec![0]);
    // While main sleeps, only its stack is left: the channel and its four buffers are garbage.
    let asleep = first_sleep(&t);
    let s = t.snapshot_at(asleep + 1);
    assert_eq!(s.output, "4\n");
    assert!(s.heap_peak_bytes >= 1 << 20, "{}", s.heap_peak_bytes);
    assert_eq!(s.heap_bytes, 2048, "{s:?}");
    assert_eq!(chans(&s), vec![]);
}

#[test]
fn a_contexts_done_channel_lives_as_long_as_the_context() {
    let t = run(r#"package main

import (
	"context"
	"fmt"
	"time"
)

func handle() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	for i := 0; i < 2; i++ {
		d := ctx.Done()
		_ = d
	}
	fmt.Println(ctx.Err())
}

func main() {
	keep, cancel := context.WithCancel(context.Background())
	handle()
	time.Sleep(time.Second)
	cancel()
	<-keep.Done()
	fmt.Println(keep.Err())
}
"#);
    assert_eq!(t.last().output, "<nil>\ncontext canceled\n");
    // handle's context (chan #1) is garbage once handle returns, before main sleeps; main's
    // (chan #0) only when main returns.
    let asleep = first_sleep(&t);
    let before: Vec<u32> = t.events()[..asleep]
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::ChanRelease { chan } => Some(chan.0),
            _ => None,
        })
        .collect();
    assert_eq!(before, vec![1]);
    assert_eq!(chans(&t.snapshot_at(asleep + 1)), vec![(0, 0, 0, 0)]);
    assert_eq!(released(&t), vec![1, 0]);
}
