//! `GoroutineView::since_ns`: the virtual time a goroutine entered its state, the "since when"
//! the page's "why is it stuck?" panel and goroutine dumps (`[chan send, 2 minutes]`) give.

use lessons::golite::{self, RunOptions};
use lessons::runtime::{GState, Progress, Timeline};

const PROGRAM: &str = r#"package main

import "time"

func main() {
	c := make(chan int)
	go func() {
		time.Sleep(10 * time.Millisecond)
		c <- 1
	}()
	go func() {
		time.Sleep(25 * time.Millisecond)
	}()
	time.Sleep(40 * time.Millisecond)
}
"#;

fn timeline() -> Timeline {
    let program = golite::compile("since.go", PROGRAM, &[]).unwrap_or_else(|e| panic!("{e:?}"));
    let mut rt = golite::start(&program, &RunOptions::default());
    while rt.run_slice(10_000) == Progress::Running {}
    Timeline::from_events(rt.take_events())
}

#[test]
fn a_parked_goroutine_is_parked_since_the_time_it_blocked() {
    let end = timeline().last();
    let sender = end
        .goroutines
        .iter()
        .find(|g| g.state == GState::ChanSend)
        .unwrap_or_else(|| panic!("no sender left: {:?}", end.goroutines));
    assert_eq!(sender.line, 9);
    assert_eq!(sender.since_ns, 10_000_000);
}

#[test]
fn since_follows_the_cursor_through_each_state() {
    let t = timeline();
    // Every snapshot agrees with the last Block/Unblock/Spawn event of each goroutine.
    for k in 0..=t.len() {
        let s = t.snapshot_at(k);
        for g in &s.goroutines {
            let last = t.events()[..k]
                .iter()
                .rev()
                .find(|e| {
                    use lessons::runtime::EventKind as K;
                    match &e.kind {
                        K::Spawn { child, .. } => *child == g.gid,
                        K::Block { .. } | K::Unblock => e.gid == g.gid,
                        _ => false,
                    }
                })
                .map(|e| e.time_ns);
            assert_eq!(Some(g.since_ns), last, "goroutine {} at event {k}", g.gid.0);
        }
    }
    // The sleeper of 25 ms sleeps since 0.
    let mid = t.snapshot_at(t.index_at_time(20_000_000));
    let sleeping: Vec<i64> = mid
        .goroutines
        .iter()
        .filter(|g| g.state == GState::Sleep)
        .map(|g| g.since_ns)
        .collect();
    assert!(sleeping.contains(&0), "{sleeping:?}");
}
