//! Bad input never hangs the tab: a program that would run forever or grow without bound ends
//! with outcome `limit` and a message naming the limit and the line. One runaway shape per test,
//! each with small limits so the test is quick.

use lessons::golite::{Limits, RunOptions, compile, run_source, start};
use lessons::runtime::{EventKind, Outcome, Progress, RunReport};

/// `for { go func() { select {} }() }`: every iteration parks one more goroutine forever; the
/// `go` statement is on line 5.
const GOROUTINE_BOMB: &str =
    "package main\n\nfunc main() {\n\tfor {\n\t\tgo func() {\n\t\t\tselect {}\n\t\t}()\n\t}\n}\n";

fn run_with(src: &str, limits: Limits) -> RunReport {
    let opts = RunOptions {
        limits,
        ..RunOptions::default()
    };
    run_source("prog.go", src, &opts)
}

/// `for { go f() }` parks a goroutine per iteration: the goroutine cap stops it at the `go`
/// line. Before the fix, the step count flushed at every spawn hid the exhausted budget from the
/// interpreter loop, which spun forever.
#[test]
fn goroutine_bomb_hits_the_goroutine_cap_at_the_go_statement() {
    let r = run_with(
        GOROUTINE_BOMB,
        Limits {
            goroutines: 1000,
            ..Limits::default()
        },
    );
    assert_eq!(r.outcome, Outcome::Limit);
    assert_eq!(
        r.panic,
        "goroutine limit: more than 1000 goroutines alive (go statement at line 5)"
    );
    assert_eq!(r.peak_goroutines, 1000);
}

/// The same bomb under the default limits ends on the modeled heap cap (each parked goroutine
/// holds a 2 KiB stack), not by hanging.
#[test]
fn goroutine_bomb_under_default_limits_ends_on_the_heap_cap() {
    let r = run_with(GOROUTINE_BOMB, Limits::default());
    assert_eq!(r.outcome, Outcome::Limit);
    assert!(
        r.panic
            .starts_with("heap limit: the modeled heap passed 268435456 bytes"),
        "{}",
        r.panic
    );
}

/// An empty infinite loop uses up the step budget.
#[test]
fn infinite_loop_hits_the_step_limit() {
    let src = "package main\n\nfunc main() {\n\tx := 0\n\tfor {\n\t\tx++\n\t}\n}\n";
    let r = run_with(
        src,
        Limits {
            steps: 100_000,
            ..Limits::default()
        },
    );
    assert_eq!(r.outcome, Outcome::Limit);
    assert!(
        r.panic.starts_with(
            "step limit: the program ran more than 100000 steps (goroutine 1 at line "
        ),
        "{}",
        r.panic
    );
    assert!(
        r.steps >= 100_000 && r.steps < 100_000 + 1_000,
        "steps {}",
        r.steps
    );
}

/// `for { time.Sleep(time.Millisecond) }` takes few steps per iteration but records events
/// (park, timer, wake) every time: when the events are kept for replay, as the page keeps
/// them, the event limit ends it long before the step limit would, so the tab never runs out
/// of memory. The last event recorded is the run's end.
#[test]
fn a_sleeping_infinite_loop_hits_the_event_limit_when_events_are_kept() {
    let src = "package main\n\nimport \"time\"\n\nfunc main() {\n\tfor {\n\t\ttime.Sleep(time.Millisecond)\n\t}\n}\n";
    let opts = RunOptions {
        limits: Limits {
            events: 1000,
            ..Limits::default()
        },
        ..RunOptions::default()
    };
    let program = compile("prog.go", src, &[]).unwrap_or_else(|e| panic!("{e:?}"));
    let mut rt = start(&program, &opts);
    let mut events = Vec::new();
    while rt.run_slice(10_000) == Progress::Running {
        events.extend(rt.take_events());
    }
    events.extend(rt.take_events());
    let r = rt.report();
    assert_eq!(r.outcome, Outcome::Limit);
    assert_eq!(
        r.panic,
        "event limit: the run recorded more than 1000 events to replay (goroutine 1 at line 7)"
    );
    assert_eq!(events.len(), 1002, "1001 events, then the end");
    assert!(matches!(
        events.last().map(|e| &e.kind),
        Some(EventKind::End {
            outcome: Outcome::Limit
        })
    ));

    // `golite run` keeps no events, so the same program runs on to the step limit.
    let r = run_with(
        src,
        Limits {
            events: 1000,
            steps: 100_000,
            ..Limits::default()
        },
    );
    assert!(r.panic.starts_with("step limit:"), "{}", r.panic);
}

/// A channel buffer past the heap limit is refused before it is recorded: the run ends on the
/// heap limit and the peak stays what the program really held (the fuzzer once reported a peak
/// of 2^63 bytes, the size of a refused buffer).
#[test]
fn a_refused_allocation_does_not_raise_the_peak() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tc := make(chan int, 1<<40)\n\tfmt.Println(cap(c))\n}\n";
    let r = run_with(src, Limits::default());
    assert_eq!(r.outcome, Outcome::Limit);
    assert_eq!(
        r.panic,
        "heap limit: the modeled heap passed 268435456 bytes (goroutine 1 at line 6)"
    );
    assert_eq!(r.stdout, "");
    // main's 2 KiB stack and 16 bytes held before the `make`, not the refused 8 TiB.
    assert_eq!(r.peak_heap_bytes, 2064);
}

/// The step limit names the line the goroutine ran away in (issue 23). Before the fix, the
/// runaway `for {\n n++\n }` after `n := 0` was reported at the `n := 0` line: the line was
/// taken from the instruction before the one the goroutine would run next, which after the
/// loop's jump back is the last instruction before the loop. Steps are counted in batches, so
/// the limit falls at a different instruction of the loop for each of several limits a batch
/// apart: every one must name the loop's line.
#[test]
fn the_step_limit_names_the_runaway_loops_line() {
    let cases = [
        // The shape: a bare loop in main after a declaration, the body on its own line.
        (
            "package main\n\nfunc main() {\n\tn := 0\n\tfor {\n\t\tn++\n\t}\n}\n",
            1,
            6,
        ),
        // A loop with a condition and a post statement, in a function main calls.
        (
            "package main\n\nimport \"fmt\"\n\nfunc spin() int {\n\tx := 0\n\tfor i := 0; i >= 0; i++ { x += i & 3 }\n\treturn x\n}\n\nfunc main() {\n\tfmt.Println(\"start\")\n\tfmt.Println(spin())\n}\n",
            1,
            7,
        ),
        // A goroutine that spins while main waits on a channel nobody sends on.
        (
            "package main\n\nfunc main() {\n\tc := make(chan int)\n\tgo func() {\n\t\tn := 0\n\t\tfor { n += 2 }\n\t}()\n\t<-c\n}\n",
            2,
            7,
        ),
        // A loop over a slice in a method, its body on the range line.
        (
            "package main\n\ntype T struct{ xs []int }\n\nfunc (t *T) sum() (s int) {\n\tfor {\n\t\tfor _, x := range t.xs { s += x }\n\t}\n}\n\nfunc main() {\n\tt := &T{xs: make([]int, 1000)}\n\tprintln(t.sum())\n}\n",
            1,
            7,
        ),
    ];
    for (src, gid, line) in cases {
        for k in 0..8 {
            let steps = 100_000 + 64 * k;
            let r = run_with(
                src,
                Limits {
                    steps,
                    ..Limits::default()
                },
            );
            assert_eq!(r.outcome, Outcome::Limit, "{src}");
            assert_eq!(
                r.panic,
                format!(
                    "step limit: the program ran more than {steps} steps (goroutine {gid} at line {line})"
                ),
                "{src}"
            );
        }
    }
}
