//! Where a goroutine that has not run yet stands, as Go 1.27's dump of it shows (checked with
//! `GOMAXPROCS=1 GOTRACEBACK=all go run` on this program with `panic("dump")` for `select {}`,
//! so main stops before any of them runs): `go idle()` shows `main.idle()` at `func idle() {`
//! (line 10); `go worker(1)`, `go s.run()` and `go func(n int) {...}(3)` run through a wrapper
//! (`main.main.gowrap1`..3) that stands at the `go` statement (lines 21, 24, 25);
//! `go func() {...}()` shows its literal (`main.main.func2`) at its `func` line (28). Each is
//! `created by main.main` at its `go` statement.

use lessons::golite::{self, RunOptions};
use lessons::runtime::{EventKind, Progress, Timeline};

const SRC: &str = r#"package main

import "fmt"

func worker(id int) {
	x := id * 2
	fmt.Println(x)
}

func idle() {
	fmt.Println("idle")
}

type S struct{}

func (S) run() {
	fmt.Println("m")
}

func main() {
	go worker(1)
	go idle()
	var s S
	go s.run()
	go func(n int) {
		fmt.Println("closure", n)
	}(3)
	go func() {
		fmt.Println("literal")
	}()
	select {}
}
"#;

#[test]
fn a_goroutine_not_yet_run_stands_where_gos_dump_shows_it() {
    let program = golite::compile("prog.go", SRC, &[]).unwrap_or_else(|e| panic!("{e:?}"));
    let mut rt = golite::start(&program, &RunOptions::default());
    while rt.run_slice(10_000) == Progress::Running {}
    let t = Timeline::from_events(rt.take_events());
    // The moment main parks in `select {}`: all five created, none run yet.
    let parked = t
        .events()
        .iter()
        .position(|e| e.gid.0 == 1 && matches!(e.kind, EventKind::Block { .. }))
        .unwrap_or_else(|| panic!("main never parked"));
    let s = t.snapshot_at(parked + 1);
    let waiting: Vec<(&str, u32)> = s
        .goroutines
        .iter()
        .filter(|g| g.gid.0 != 1)
        .map(|g| (&*g.name, g.line))
        .collect();
    assert_eq!(
        waiting,
        [
            ("main.worker", 21),
            ("main.idle", 10),
            ("main.S.run", 24),
            ("main.main.func1", 25),
            ("main.main.func2", 28),
        ]
    );
    // Where each was created is still its `go` statement.
    let created: Vec<u32> = t
        .events()
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Spawn { .. }) && e.gid.0 == 1)
        .map(|e| e.line)
        .collect();
    assert_eq!(created, [21, 22, 24, 25, 28]);
}

/// Go's dump of goroutines that have not run yet (Go 1.27, `GOMAXPROCS=1 GOTRACEBACK=all go
/// run` on this program): a `go` statement Go runs through a wrapper (arguments, a receiver,
/// results) shows the wrapper at that statement, `main.main.gowrapN`, N counting the enclosing
/// function's wrapped `go` and `defer` statements together (the `defer` with an argument is
/// `deferwrap1`, so the first `go` is `gowrap2`), a closure's own from 1; `go f()` of a
/// function value with no parameters and no results shows that function at its declaration.
const DUMP_SRC: &str = r#"package main

import "fmt"

func worker(ch chan int) { ch <- 1 }
func ret() int          { select {} }
func idle()             { select {} }

type S struct{ ch chan int }

func (s *S) run() { <-s.ch }

func main() {
	ch := make(chan int)
	defer fmt.Println("bye")
	go worker(ch)
	f := idle
	go f()
	g := worker
	go g(ch)
	go ret()
	s := &S{ch: ch}
	go s.run()
	go func() {
		go worker(ch)
		go idle()
		panic("dump")
	}()
	select {}
}
"#;

#[test]
fn a_goroutine_not_yet_run_is_named_in_dumps_as_gos_traceback_names_it() {
    let program = golite::compile("prog.go", DUMP_SRC, &[]).unwrap_or_else(|e| panic!("{e:?}"));
    let mut rt = golite::start(&program, &RunOptions::default());
    while rt.run_slice(10_000) == Progress::Running {}
    let frames: Vec<(u32, String)> = rt
        .goroutine_stacks(None)
        .into_iter()
        .filter(|g| g.gid != 1 && g.state == "runnable")
        .map(|g| {
            assert_eq!(g.frames.len(), 1, "{g:?}");
            (g.frames[0].line, g.frames[0].func.clone())
        })
        .collect();
    let want = [
        (16, "main.main.gowrap2"),
        (7, "main.idle"),
        (20, "main.main.gowrap3"),
        (21, "main.main.gowrap4"),
        (23, "main.main.gowrap5"),
        (25, "main.main.func1.gowrap1"),
        (7, "main.idle"),
    ];
    assert_eq!(
        frames,
        want.map(|(l, f)| (l, f.to_string())),
        "the runnable goroutines' frames"
    );
    // As a dump prints it.
    let dump = lessons::gotools::debug2(&rt.goroutine_stacks(None), "prog.go", false);
    assert!(
        dump.contains("goroutine 2 [runnable]:\nmain.main.gowrap2()\n\tprog.go:16\ncreated by main.main in goroutine 1\n\tprog.go:16\n"),
        "{dump}"
    );
}
