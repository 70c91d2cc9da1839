//! The run's measures (`RunReport::measures`, `Snapshot::measures`), one behaviour each, with
//! exact numbers on tiny programs. Times are virtual nanoseconds.

use lessons::golite::{self, RunOptions};
use lessons::runtime::{Measures, Progress, RunReport, Timeline};

const MS: i64 = 1_000_000;

/// The report of a run and the timeline of the same run (recorded separately).
fn run(src: &str) -> (RunReport, Timeline) {
    let program = golite::compile("m.go", src, &[]).unwrap_or_else(|e| panic!("{e:?}"));
    let mut rt = golite::start(&program, &RunOptions::default());
    while rt.run_slice(10_000) == Progress::Running {}
    let report = rt.report();
    (report, Timeline::from_events(rt.take_events()))
}

fn measures(src: &str) -> Measures {
    let (report, timeline) = run(src);
    // The page's measures at the end are the report's.
    assert_eq!(timeline.last().measures, report.measures);
    report.measures
}

const MUTEX: &str = r#"package main

import (
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			time.Sleep(10 * time.Millisecond)
			mu.Unlock()
		}()
	}
	wg.Wait()
}
"#;

#[test]
fn two_goroutines_holding_one_mutex_10ms_each_queue_exactly_10ms() {
    let m = measures(MUTEX);
    assert_eq!(
        (m.wait_ns.mutex, m.wait_ns.waitgroup, m.wait_ns.sleep),
        (10 * MS, 20 * MS, 20 * MS)
    );
    assert_eq!(m.contention_ns, 30 * MS);
    let mw = m
        .most_waited
        .unwrap_or_else(|| panic!("no most-waited object"));
    // The WaitGroup (20 ms) beats the mutex (10 ms); it was first waited on at line 20.
    assert_eq!(
        (mw.object.as_str(), mw.wait_ns, mw.line),
        ("WaitGroup #0", 20 * MS, 20)
    );
}

#[test]
fn a_wait_in_progress_counts_up_to_the_snapshot() {
    // A third goroutine wakes at 4 ms, so the timeline has an event there.
    let src = MUTEX.replace(
        "\twg.Wait()",
        "\tgo func() { time.Sleep(4 * time.Millisecond) }()\n\twg.Wait()",
    );
    let (_, timeline) = run(&src);
    let at = timeline.snapshot_at(timeline.index_at_time(4 * MS));
    // The second goroutine has queued on the mutex for 4 ms so far.
    assert_eq!((at.time_ns, at.measures.wait_ns.mutex), (4 * MS, 4 * MS));
}

#[test]
fn lifetimes_are_summarised_by_nearest_rank_without_main() {
    let m = measures(MUTEX);
    // The goroutines lived 10 ms and 20 ms; main is not counted.
    assert_eq!(
        (
            m.lifetimes_count,
            m.lifetime_p50_ns,
            m.lifetime_p99_ns,
            m.lifetime_max_ns
        ),
        (2, 10 * MS, 20 * MS, 20 * MS)
    );
}

#[test]
fn goroutines_are_counted_in_total_and_at_peak() {
    let m = measures(
        r#"package main

import "sync"

func main() {
	for range 3 {
		var wg sync.WaitGroup
		wg.Add(1)
		go func() { wg.Done() }()
		wg.Wait()
	}
}
"#,
    );
    assert_eq!((m.goroutines_started, m.goroutines_peak), (4, 2));
}

#[test]
fn a_receiver_waiting_on_a_sleeping_sender_waits_on_the_channel() {
    let m = measures(
        r#"package main

import "time"

func main() {
	ch := make(chan int)
	go func() {
		time.Sleep(7 * time.Millisecond)
		ch <- 1
	}()
	<-ch
}
"#,
    );
    assert_eq!(
        (m.wait_ns.channel, m.wait_ns.sleep, m.contention_ns),
        (7 * MS, 7 * MS, 7 * MS)
    );
    let mw = m
        .most_waited
        .unwrap_or_else(|| panic!("no most-waited object"));
    assert_eq!((mw.object.as_str(), mw.line), ("chan #0", 11));
}

#[test]
fn a_select_waits_as_select_and_a_leaked_wait_counts_to_the_end() {
    let m = measures(
        r#"package main

import "time"

func main() {
	a, b := make(chan int), make(chan int)
	go func() {
		select {
		case <-a:
		case <-b:
		}
	}()
	time.Sleep(3 * time.Millisecond)
}
"#,
    );
    assert_eq!((m.wait_ns.select, m.wait_ns.sleep), (3 * MS, 3 * MS));
}

const POLL: &str = r#"package main

func main() {
	ch := make(chan int)
	polls := 0
	for polls < N {
		select {
		case <-ch:
		default:
			polls++
		}
	}
}
"#;

#[test]
fn spin_steps_are_the_laps_between_idle_polls() {
    let at = |n: &str| measures(&POLL.replace('N', n));
    let (five, six) = (at("5"), at("6"));
    assert_eq!((five.idle_polls, six.idle_polls), (5, 6));
    // The first poll starts the count: 5 polls are 4 laps, 6 polls 5 laps of the same loop.
    let lap = six.spin_steps - five.spin_steps;
    assert!(lap > 0);
    assert_eq!(five.spin_steps, 4 * lap);
}

#[test]
fn a_successful_poll_ends_the_lap() {
    const SRC: &str = r#"package main

func main() {
	ch := make(chan int, 1)
	for i := range 4 {
		if i == 2 {
			ch <- 1
		}
		select {
		case <-ch:
		default:
		}
	}
}
"#;
    let m = measures(SRC);
    // Polls 0 and 1 miss (one lap), poll 2 succeeds, poll 3 misses and starts a new count:
    // one lap, where the same loop missing every time spins three laps.
    let never = measures(&SRC.replace("i == 2", "i == 99"));
    assert_eq!((m.idle_polls, never.idle_polls), (3, 4));
    assert!(m.spin_steps > 0);
    assert_eq!(never.spin_steps, 3 * m.spin_steps);
}

#[test]
fn spinning_counts_the_pollers_own_steps_not_other_goroutines() {
    let alone = measures(
        r#"package main

import "time"

func main() {
	ch := make(chan int)
	for range 3 {
		select {
		case <-ch:
		default:
			time.Sleep(time.Millisecond)
		}
	}
}
"#,
    );
    let busy_neighbour = measures(
        r#"package main

import "time"

func main() {
	ch := make(chan int)
	go func() {
		x := 0
		for i := range 10000 {
			x += i
		}
		_ = x
	}()
	for range 3 {
		select {
		case <-ch:
		default:
			time.Sleep(time.Millisecond)
		}
	}
}
"#,
    );
    assert_eq!(alone.idle_polls, 3);
    assert!(alone.spin_steps > 0);
    assert_eq!(busy_neighbour.spin_steps, alone.spin_steps);
}

#[test]
fn a_failed_trylock_is_an_idle_poll() {
    let m = measures(
        r#"package main

import "sync"

func main() {
	var mu sync.Mutex
	mu.Lock()
	for range 3 {
		mu.TryLock()
	}
}
"#,
    );
    assert_eq!(m.idle_polls, 3);
}

#[test]
fn heap_is_measured_at_peak_at_the_end_and_in_total() {
    let m = measures(
        r#"package main

func main() {
	keep := make(chan int, 100)
	for range 3 {
		c := make(chan int, 100)
		_ = c
	}
	_ = keep
}
"#,
    );
    // main's stack is 2048 bytes, a channel of 100 ints 96 + 800. Four channels are made; at
    // most three live at once (keep, the previous c until the next replaces it, the new c);
    // when main returns its stack and channels go.
    let chan = 96 + 100 * 8;
    assert_eq!(
        (
            m.heap_allocated_bytes,
            m.heap_peak_bytes,
            m.heap_final_bytes
        ),
        (2048 + 4 * chan, 2048 + 3 * chan, 0)
    );
}

#[test]
fn recovered_panics_are_counted_and_a_crash_names_its_goroutine() {
    let m = measures(
        r#"package main

func try() {
	defer func() { recover() }()
	panic("boom")
}

func main() {
	try()
	try()
}
"#,
    );
    assert_eq!((m.panics_recovered, m.crashed_by), (2, None));
    let (r, _) = run(r#"package main

import "time"

func main() {
	go func() {
		panic("boom")
	}()
	time.Sleep(time.Second)
}
"#);
    assert_eq!(r.outcome.as_str(), "panic");
    assert_eq!(r.measures.crashed_by.map(|c| c.gid), Some(2));
}

#[test]
fn every_lessons_timeline_ends_with_its_reports_measures() {
    for l in lessons::catalog::all() {
        for (side, src) in [("bad", l.bad_go), ("good", l.good_go)] {
            let opts = RunOptions {
                seed: l.seed,
                preempt_every: l.preempt_every,
                ..RunOptions::default()
            };
            let program = golite::compile("m.go", src, &[]).unwrap_or_else(|e| panic!("{e:?}"));
            let mut rt = golite::start(&program, &opts);
            while rt.run_slice(10_000) == Progress::Running {}
            let report = rt.report();
            let timeline = Timeline::from_events(rt.take_events());
            assert_eq!(
                timeline.last().measures,
                report.measures,
                "{} {side}",
                l.slug
            );
            // Recording events or not measures the same run.
            let unrecorded = golite::run_source("m.go", src, &opts);
            assert_eq!(unrecorded.measures, report.measures, "{} {side}", l.slug);
        }
    }
}
