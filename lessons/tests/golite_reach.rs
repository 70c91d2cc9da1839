//! Leaked for certain or still waiting, on golite programs (issue 16): a parked goroutine is
//! `certain` only when nothing that can run, no pending timer and no global reaches what it
//! waits on (Go's goroutine leak profile rule); its stack and creator are those Go's dumps print.

use lessons::golite::{RunOptions, run_source};
use lessons::runtime::{LeakVerdict, RunReport};

use LeakVerdict::{Certain, Waiting};

fn run(src: &str) -> RunReport {
    run_source("prog.go", src, &RunOptions::default())
}

/// Every goroutine alive at the end as (state, innermost line, verdict).
fn verdicts(src: &str) -> Vec<(String, u32, Option<LeakVerdict>)> {
    run(src)
        .goroutines
        .iter()
        .map(|g| {
            (
                g.state.clone(),
                // Where the program waits (under Go's library frames of the wait).
                g.frames
                    .iter()
                    .find(|f| f.file.is_none())
                    .map_or(0, |f| f.line),
                g.leak,
            )
        })
        .collect()
}

fn v(state: &str, line: u32, leak: LeakVerdict) -> (String, u32, Option<LeakVerdict>) {
    (state.to_string(), line, Some(leak))
}

#[test]
fn a_sender_whose_channel_only_it_holds_is_certain() {
    let src = "package main

func main() {
\tch := make(chan int)
\tgo func() {
\t\tch <- 1
\t}()
}
";
    assert_eq!(verdicts(src), vec![v("chan send", 6, Certain)]);
}

#[test]
fn a_channel_in_a_global_keeps_its_sender_waiting_even_deep_in_a_map() {
    let src = "package main

type box struct{ ch chan int }

var registry = map[string]*box{}

func main() {
\tb := &box{ch: make(chan int)}
\tregistry[\"b\"] = b
\tgo func() {
\t\tb.ch <- 1
\t}()
}
";
    assert_eq!(verdicts(src), vec![v("chan send", 11, Waiting)]);
}

#[test]
fn a_pending_after_func_that_receives_keeps_the_sender_waiting() {
    let src = "package main

import \"time\"

func main() {
\tch := make(chan int)
\ttime.AfterFunc(time.Hour, func() { <-ch })
\tgo func() {
\t\tch <- 1
\t}()
}
";
    assert_eq!(verdicts(src), vec![v("chan send", 9, Waiting)]);
}

#[test]
fn a_sleeper_that_will_receive_keeps_the_sender_waiting() {
    let src = "package main

import \"time\"

func main() {
\tch := make(chan int)
\tgo func() {
\t\ttime.Sleep(time.Hour)
\t\t<-ch
\t}()
\tgo func() {
\t\tch <- 1
\t}()
}
";
    assert_eq!(
        verdicts(src),
        vec![v("sleep", 8, Waiting), v("chan send", 12, Waiting)]
    );
}

#[test]
fn a_select_on_a_running_tickers_channel_is_waiting_on_a_stopped_timers_certain() {
    let ticking = "package main

import \"time\"

func main() {
\tt := time.NewTicker(time.Second)
\tdone := make(chan bool)
\tgo func() {
\t\tfor {
\t\t\tselect {
\t\t\tcase <-t.C:
\t\t\tcase <-done:
\t\t\t\treturn
\t\t\t}
\t\t}
\t}()
}
";
    assert_eq!(verdicts(ticking), vec![v("select", 10, Waiting)]);
    let stopped = "package main

import \"time\"

func main() {
\tt := time.NewTimer(time.Hour)
\tt.Stop()
\tgo func() {
\t\t<-t.C
\t}()
}
";
    assert_eq!(verdicts(stopped), vec![v("chan receive", 9, Certain)]);
}

#[test]
fn goroutines_reachable_only_from_leaked_goroutines_are_certain() {
    let src = "package main

func main() {
\ta, b := make(chan int), make(chan int)
\tgo func() {
\t\t<-a
\t\tb <- 1
\t}()
\tgo func() {
\t\t<-b
\t}()
}
";
    assert_eq!(
        verdicts(src),
        vec![
            v("chan receive", 6, Certain),
            v("chan receive", 10, Certain)
        ]
    );
    let held = src.replace(
        "func main() {\n\ta, b :=",
        "var a chan int\n\nfunc main() {\n\tvar b chan int\n\ta, b =",
    );
    assert_eq!(
        verdicts(&held),
        vec![
            v("chan receive", 9, Waiting),
            v("chan receive", 13, Waiting)
        ]
    );
}

#[test]
fn sync_objects_nobody_else_holds_are_certain_a_global_one_is_waiting() {
    let local = "package main

import \"sync\"

func main() {
\tvar mu sync.Mutex
\tvar wg sync.WaitGroup
\tcond := sync.NewCond(&sync.Mutex{})
\tmu.Lock()
\twg.Add(1)
\tgo func() { mu.Lock() }()
\tgo func() { wg.Wait() }()
\tgo func() {
\t\tcond.L.Lock()
\t\tcond.Wait()
\t}()
}
";
    assert_eq!(
        verdicts(local),
        vec![
            v("sync.Mutex.Lock", 11, Certain),
            v("sync.WaitGroup.Wait", 12, Certain),
            v("sync.Cond.Wait", 15, Certain),
        ]
    );
    let global = "package main

import \"sync\"

var mu sync.Mutex

func main() {
\tmu.Lock()
\tgo func() { mu.Lock() }()
}
";
    assert_eq!(verdicts(global), vec![v("sync.Mutex.Lock", 9, Waiting)]);
}

#[test]
fn a_context_with_a_pending_deadline_keeps_its_waiter_waiting_a_forgotten_cancel_does_not() {
    let src = "package main

import (
\t\"context\"
\t\"time\"
)

func main() {
\tforgotten, cancel := context.WithCancel(context.Background())
\t_ = cancel
\tgo func() { <-forgotten.Done() }()
\tdeadline, stop := context.WithTimeout(context.Background(), time.Hour)
\tdefer stop()
\tgo func() { <-deadline.Done() }()
\ttime.Sleep(time.Millisecond)
}
";
    let r = run(src);
    let got: Vec<_> = r
        .goroutines
        .iter()
        .map(|g| (g.frames[0].line, g.leak))
        .collect();
    // main's deferred stop() cancels the deadline context as main returns: only the forgotten
    // one is left, and nobody can cancel it any more.
    assert_eq!(got, vec![(11, Some(Certain))]);
    let kept = src.replace("\tdefer stop()\n", "\t_ = stop\n");
    let r = run(&kept);
    let got: Vec<_> = r
        .goroutines
        .iter()
        .map(|g| (g.frames[0].line, g.leak))
        .collect();
    assert_eq!(got, vec![(11, Some(Certain)), (14, Some(Waiting))]);
}

#[test]
fn the_report_counts_certain_leaks_per_group_and_keeps_waiting_ones_apart() {
    let lesson = |path: &str| {
        let src =
            std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
                .unwrap_or_else(|e| panic!("{e}"));
        run_source("bad.go", &src, &RunOptions::default())
    };
    let sender = lesson("catalog/01-forgotten-sender/bad.go");
    assert_eq!(sender.leaked, sender.leaked_certain);
    assert_eq!(sender.leaked_certain[0].count, 6);
    // Lesson 14: the keep-alives select on a running Ticker's channel: still waiting.
    let keepalive = lesson("catalog/14-cancel-never-called/bad.go");
    assert_eq!(keepalive.leaked[0].count, 10);
    assert!(keepalive.leaked_certain.is_empty());
}

#[test]
fn stacks_name_functions_as_go_does_innermost_first_with_their_creator() {
    let src = "package main

func worker(ch chan int) {
\tch <- 1
}

func main() {
\tch := make(chan int)
\tgo func() {
\t\tworker(ch)
\t}()
\tfor i := 0; i < 2; i++ {
\t}
}
";
    let r = run(src);
    let g = &r.goroutines[0];
    let frames: Vec<(&str, u32)> = g.frames.iter().map(|f| (f.func.as_str(), f.line)).collect();
    assert_eq!(frames, vec![("main.worker", 4), ("main.main.func1", 10)]);
    let c = g
        .created_by
        .as_ref()
        .map(|c| (c.func.as_str(), c.line, c.goroutine));
    assert_eq!(c, Some(("main.main", 9, 1)));
}

#[test]
fn at_a_deadlock_main_is_in_the_dump_too() {
    let src = "package main

func main() {
\tch := make(chan int)
\t<-ch
}
";
    let r = run(src);
    assert_eq!(r.goroutines.len(), 1);
    let g = &r.goroutines[0];
    assert_eq!(
        (g.gid, g.state.as_str(), g.leak),
        (1, "chan receive", Some(Certain))
    );
    assert_eq!(
        (g.frames[0].func.as_str(), g.frames[0].line),
        ("main.main", 5)
    );
    assert!(g.created_by.is_none());
    assert!(
        r.leaked_certain.is_empty(),
        "only filled when main returned"
    );
}
