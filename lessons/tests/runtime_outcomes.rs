//! How runs end (exit, deadlock, panic, fatal, limit), leak reports, scheduling order, step
//! slices, output and the heap ledger.

mod runtime_support;

use lessons::runtime::{Config, Leak, Outcome};
use runtime_support::*;

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn panic_in_any_goroutine_ends_the_program_with_its_message() {
    let (r, log) = run(vec![
        S::Print("before\n"),
        S::Go("main.f", 3, vec![S::Panic("boom")]),
        S::Sleep(10),
        S::Log("never"),
    ]);
    assert_outcome(&r, Outcome::Panic, "boom");
    assert_eq!(r.stdout, "before\n");
    assert_eq!(r.virtual_time_ns, 0);
    assert_eq!(log, Vec::<String>::new());
}

#[test]
fn fatal_error_ends_the_program_with_outcome_fatal() {
    let (r, _) = run(vec![S::Fatal("sync: unlock of unlocked mutex")]);
    assert_outcome(&r, Outcome::Fatal, "sync: unlock of unlocked mutex");
    assert_eq!(r.leaked, vec![]);
}

#[test]
fn deadlock_reports_no_leaks() {
    let (r, _) = run(vec![
        S::MakeChan(0),
        S::Go("main.f", 3, vec![S::Recv(c(0))]),
        S::Recv(c(0)),
    ]);
    assert_outcome(
        &r,
        Outcome::Deadlock,
        "all goroutines are asleep - deadlock!",
    );
    assert_eq!(r.leaked, vec![]);
}

#[test]
fn goroutines_still_runnable_when_main_returns_run_before_the_leak_report() {
    let (r, log) = run(vec![S::Go(
        "main.f",
        3,
        vec![S::Log("ran"), S::Sleep(5), S::Log("never")],
    )]);
    assert_outcome(&r, Outcome::Exit, "");
    assert_eq!(log, s(&["t=0 g2 ran"]));
    // A goroutine's line starts at its go statement's line until it sets another.
    assert_eq!(leaks(&r), vec![("sleep".to_string(), 3, 1)]);
    assert_eq!(r.virtual_time_ns, 0);
}

#[test]
fn goroutine_still_running_long_after_main_returns_is_reported_runnable() {
    let (r, _) = run(vec![
        S::Go("main.spin", 6, vec![S::Line(6), S::Work(u64::MAX)]),
        S::Line(9),
    ]);
    assert_outcome(&r, Outcome::Exit, "");
    assert_eq!(leaks(&r), vec![("runnable".to_string(), 6, 1)]);
    // main took 3 steps; the spinner may use POST_MAIN_STEPS more, plus one slice of overrun.
    let cap = 3 + lessons::runtime::POST_MAIN_STEPS + Config::default().slice_steps;
    assert!(
        r.steps > lessons::runtime::POST_MAIN_STEPS && r.steps <= cap,
        "{}",
        r.steps
    );
}

#[test]
fn leaks_are_grouped_by_state_and_line_and_sorted_by_line_then_state() {
    let (r, _) = run(vec![
        S::MakeChan(0),
        S::Loop(
            2,
            vec![S::Go("main.s", 20, vec![S::Line(20), S::Send(c(0), 1)])],
        ),
        S::Loop(
            3,
            vec![S::Go("main.r", 12, vec![S::Line(12), S::Recv(None)])],
        ),
        S::Go("main.x", 12, vec![S::Line(12), S::Send(None, 1)]),
        S::Go("main.y", 15, vec![S::Line(15), S::Sleep(100)]),
    ]);
    assert_eq!(
        r.leaked,
        vec![
            Leak {
                state: "chan receive (nil chan)".into(),
                line: 12,
                count: 3
            },
            Leak {
                state: "chan send (nil chan)".into(),
                line: 12,
                count: 1
            },
            Leak {
                state: "sleep".into(),
                line: 15,
                count: 1
            },
            Leak {
                state: "chan send".into(),
                line: 20,
                count: 2
            },
        ]
    );
}

#[test]
fn step_limit_ends_the_run_naming_the_goroutine_and_line() {
    let (r, _) = run_with(
        Config {
            max_steps: 100,
            ..Config::default()
        },
        vec![S::Line(4), S::Work(1_000)],
    );
    assert_outcome(
        &r,
        Outcome::Limit,
        "step limit: the program ran more than 100 steps (goroutine 1 at line 4)",
    );
    assert_eq!(r.steps, 101);
}

#[test]
fn goroutine_cap_ends_the_run_naming_the_go_statement_line() {
    let (r, _) = run_with(
        Config {
            max_goroutines: 3,
            ..Config::default()
        },
        vec![
            S::Line(7),
            S::Loop(5, vec![S::Go("main.f", 7, vec![S::Recv(None)])]),
        ],
    );
    assert_outcome(
        &r,
        Outcome::Limit,
        "goroutine limit: more than 3 goroutines alive (go statement at line 7)",
    );
    assert_eq!(r.peak_goroutines, 3);
}

#[test]
fn heap_cap_ends_the_run_naming_the_goroutine_and_line() {
    let (r, _) = run_with(
        Config {
            max_heap_bytes: 10_000,
            ..Config::default()
        },
        vec![S::Line(3), S::Alloc(20_000), S::Log("not reached")],
    );
    assert_outcome(
        &r,
        Outcome::Limit,
        "heap limit: the modeled heap passed 10000 bytes (goroutine 1 at line 3)",
    );
}

/// Go 1.27 under synctest: three goroutines a, b, c that print and Gosched twice print
/// `c0 a0 b0 c1 a1 b1` (the last spawned runs first; Gosched goes to the global queue).
#[test]
fn gosched_sends_the_goroutine_to_the_back_of_the_run_queue() {
    let (_, log) = run(vec![
        S::Go("main.a", 3, vec![S::Log("a1"), S::Gosched, S::Log("a2")]),
        S::Go("main.b", 4, vec![S::Log("b1"), S::Gosched, S::Log("b2")]),
        S::Sleep(1),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g3 b1",
            "t=0 g2 a1",
            "t=0 g3 b2",
            "t=0 g2 a2",
            "t=1 g1 woke"
        ])
    );
}

/// tests/oracle/runtime TestRunOrder "spawn then wait": Go prints `c a b`.
#[test]
fn spawned_goroutines_run_last_spawned_first_then_in_spawn_order() {
    let (_, log) = run(vec![
        S::WgNew,
        S::WgAdd(0, 3),
        S::Go("main.a", 3, vec![S::Log("a"), S::WgAdd(0, -1)]),
        S::Go("main.b", 3, vec![S::Log("b"), S::WgAdd(0, -1)]),
        S::Go("main.c", 3, vec![S::Log("c"), S::WgAdd(0, -1)]),
        S::WgWait(0),
    ]);
    assert_eq!(
        log,
        s(&["t=0 g4 c", "t=0 g2 a", "t=0 g3 b", "t=0 g1 waited"])
    );
}

/// tests/oracle/runtime TestRunOrder "waitgroup release": Go prints `main b c a` (waiters
/// parked c, a, b; the last one released runs first).
#[test]
fn waitgroup_release_runs_the_last_released_waiter_first() {
    let waiter = |n: &'static str| vec![S::WgWait(0), S::Log(n)];
    let (_, log) = run(vec![
        S::WgNew,
        S::WgAdd(0, 1),
        S::Go("main.a", 3, waiter("a")),
        S::Go("main.b", 3, waiter("b")),
        S::Go("main.c", 3, waiter("c")),
        S::Gosched,
        S::WgAdd(0, -1),
        S::Log("main"),
        S::Sleep(1),
    ]);
    let names: Vec<String> = log
        .iter()
        .filter(|l| !l.contains("waited"))
        .cloned()
        .collect();
    assert_eq!(
        names,
        s(&[
            "t=0 g1 main",
            "t=0 g3 b",
            "t=0 g4 c",
            "t=0 g2 a",
            "t=1 g1 woke"
        ])
    );
}

/// tests/oracle/runtime TestRunOrder "nested spawn": Go prints `other spawner c a b`.
#[test]
fn goroutines_spawned_by_a_goroutine_follow_the_same_order() {
    let (_, log) = run(vec![
        S::Go(
            "main.spawner",
            3,
            vec![
                S::Go("main.a", 4, vec![S::Log("a")]),
                S::Go("main.b", 4, vec![S::Log("b")]),
                S::Go("main.c", 4, vec![S::Log("c")]),
                S::Log("spawner"),
                S::Sleep(1),
            ],
        ),
        S::Go("main.other", 5, vec![S::Log("other")]),
        S::Sleep(2),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g3 other",
            "t=0 g2 spawner",
            "t=0 g6 c",
            "t=0 g4 a",
            "t=0 g5 b",
            "t=1 g2 woke",
            "t=2 g1 woke"
        ])
    );
}

#[test]
fn a_goroutine_whose_slice_runs_out_lets_others_run() {
    let (_, log) = run_with(
        Config {
            slice_steps: 100,
            ..Config::default()
        },
        vec![
            S::Go("main.busy", 3, vec![S::Work(250), S::Log("busy done")]),
            S::Go("main.quick", 4, vec![S::Log("quick")]),
            S::Sleep(1),
        ],
    );
    assert_eq!(log, s(&["t=0 g3 quick", "t=0 g2 busy done", "t=1 g1 woke"]));
}

#[test]
fn num_goroutine_counts_live_goroutines_including_main() {
    let (_, log) = run(vec![
        S::Go("main.f", 3, vec![S::Recv(None)]),
        S::Go("main.g", 4, vec![]),
        S::NumGoroutine,
        S::Gosched,
        S::NumGoroutine,
    ]);
    assert_eq!(log, s(&["t=0 g1 goroutines 3", "t=0 g1 goroutines 2"]));
}

#[test]
fn program_output_is_collected_in_order() {
    let (r, _) = run(vec![
        S::Print("a"),
        S::Go("main.f", 3, vec![S::Print("b")]),
        S::Gosched,
        S::Print("c\n"),
    ]);
    assert_eq!(r.stdout, "abc\n");
}

#[test]
fn each_live_goroutine_costs_a_2kib_stack_in_the_modeled_heap() {
    let (r, _) = run(vec![
        S::Loop(3, vec![S::Go("main.f", 3, vec![S::Sleep(5)])]),
        S::Sleep(10),
        S::Go("main.g", 4, vec![]),
    ]);
    // main + 3 sleepers at once; later one more while only main is alive.
    assert_eq!(r.peak_heap_bytes, 4 * 2048);
    assert_eq!(r.peak_goroutines, 4);
}

#[test]
fn freed_allocations_leave_the_modeled_heap() {
    let (r, log) = run(vec![
        S::Alloc(1000),
        S::Free(1),
        S::Alloc(500),
        S::Alloc(500),
    ]);
    // Ledger id 0 is main's stack; the freed id 1 is reused.
    assert_eq!(
        log,
        s(&["t=0 g1 alloc 1", "t=0 g1 alloc 1", "t=0 g1 alloc 2"])
    );
    assert_eq!(r.peak_heap_bytes, 2048 + 1000);
}

#[test]
fn report_serializes_to_the_design_json_object() {
    let (r, _) = run(vec![
        S::MakeChan(0),
        S::Go("main.f", 12, vec![S::Line(12), S::Send(c(0), 1)]),
        S::Print("hi\n"),
        S::Sleep(7),
    ]);
    let json = serde_json::to_string(&r).unwrap_or_default();
    assert_eq!(
        json,
        r#"{"outcome":"exit","panic":"","stdout":"hi\n","output_bytes":3,"output_lines":1,"output_truncated":false,"stderr":"","stderr_bytes":0,"stderr_truncated":false,"virtual_time_ns":7,"leaked":[{"state":"chan send","line":12,"count":1}],"steps":56,"peak_goroutines":2,"peak_heap_bytes":4192,"measures":{"heap_peak_bytes":4192,"heap_final_bytes":2144,"heap_allocated_bytes":4192,"goroutines_started":2,"goroutines_peak":2,"lifetimes_count":0,"lifetime_p50_ns":0,"lifetime_p99_ns":0,"lifetime_max_ns":0,"wait_ns":{"mutex":0,"rwmutex":0,"channel":7,"waitgroup":0,"cond":0,"select":0,"sleep":7,"once":0},"contention_ns":7,"most_waited":{"object":"chan #0","kind":"channel","wait_ns":7,"line":12},"idle_polls":0,"spin_steps":0,"panics_recovered":0,"crashed_by":null},"leaked_certain":[{"state":"chan send","line":12,"count":1}],"goroutines":[{"gid":2,"state":"chan send","leak":"certain","frames":[{"func":"","line":12}]}]}"#
    );
}

/// Yields without counting steps, forever.
struct Spinner;

impl lessons::runtime::Task<V> for Spinner {
    fn resume(&mut self, _cx: &mut lessons::runtime::Cx<'_, V>) -> lessons::runtime::Yield {
        lessons::runtime::Yield::Yielded
    }
}

#[test]
fn a_task_that_yields_without_counting_steps_still_ends_each_slice_and_the_run() {
    let mut rt = lessons::runtime::Runtime::new(Config {
        max_steps: 1_000,
        ..Config::default()
    });
    rt.spawn_main(Box::new(Spinner), 1);
    assert_eq!(rt.run_slice(10), lessons::runtime::Progress::Running);
    let r = rt.run_to_end();
    assert_outcome(
        &r,
        Outcome::Limit,
        "step limit: the program ran more than 1000 steps (goroutines kept yielding; goroutine 1 at line 1)",
    );
}
