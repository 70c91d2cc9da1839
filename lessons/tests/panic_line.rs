//! A crash is at the statement that panicked, as Go's traceback prints it: the `Panic` event's
//! line, `measures.crashed_by` and the crashed goroutine's stack in the report. Checked against
//! real Go 1.27 (`go run` prints `main.get(...)\n\tp.go:7` then `main.main()\n\tp.go:14`).

use lessons::golite::{self, RunOptions};
use lessons::runtime::{EventKind, Outcome, Progress, StackFrame};

const SRC: &str = "package main

import \"fmt\"

func get(xs []int, i int) int {
	fmt.Println(\"get\", i)
	return xs[i]
}

func main() {
	xs := []int{1, 2, 3}
	total := 0
	for i := 0; i < 5; i++ {
		total += get(xs, i)
	}
	fmt.Println(total)
}
";

fn frame(func: &str, line: u32) -> StackFrame {
    StackFrame::program(func, line)
}

#[test]
fn a_panic_is_at_the_panicking_statement_with_its_callers() {
    let p = golite::compile("p.go", SRC, &[]).unwrap_or_else(|e| panic!("{e:?}"));
    let mut rt = golite::start(&p, &RunOptions::default());
    while rt.run_slice(10_000) == Progress::Running {}
    let events = rt.take_events();
    let r = rt.report();
    assert_eq!(r.outcome, Outcome::Panic);
    assert_eq!(
        r.panic,
        "runtime error: index out of range [3] with length 3"
    );
    let panic_lines: Vec<u32> = events
        .iter()
        .filter(|e| matches!(e.kind, EventKind::Panic { .. }))
        .map(|e| e.line)
        .collect();
    assert_eq!(panic_lines, [7]);
    assert_eq!(r.measures.crashed_by.map(|c| (c.gid, c.line)), Some((1, 7)));
    assert_eq!(r.goroutines.len(), 1);
    assert_eq!(
        r.goroutines[0].frames,
        [frame("main.get", 7), frame("main.main", 14)]
    );
}

#[test]
fn a_goroutine_that_panics_names_its_statement_and_its_creator() {
    let src = "package main

import \"time\"

func main() {
	go func() {
		var m map[string]int
		m[\"a\"] = 1
	}()
	time.Sleep(time.Second)
}
";
    let r = golite::run_source("p.go", src, &RunOptions::default());
    assert_eq!(r.outcome, Outcome::Panic);
    assert_eq!(r.measures.crashed_by.map(|c| c.line), Some(8));
    let g = r
        .goroutines
        .iter()
        .find(|g| g.gid == 2)
        .unwrap_or_else(|| panic!("{:?}", r.goroutines));
    assert_eq!(g.frames, [frame("main.main.func1", 8)]);
    assert_eq!(g.created_by.as_ref().map(|c| c.line), Some(6));
    // main sleeps at line 10 (in Go's time.Sleep, as Go's dump shows it), below `main.main`
    // nothing (no `main.init` frame).
    let main = &r.goroutines[0];
    assert_eq!(
        (main.gid, main.frames.clone()),
        (
            1,
            vec![
                StackFrame::library("time.Sleep", "runtime/time.go", 368),
                frame("main.main", 10)
            ]
        )
    );
}
