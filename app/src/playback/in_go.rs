//! "In Go": what the real toolchain would show for this run, from what golite knows now: the
//! text `go run` prints when the run crashes or deadlocks, a goroutine dump (`goroutine 18
//! [chan send]:`) of the goroutines alive at the end, pprof's `debug=1` goroutine profile
//! (goroutines grouped by stack, with counts), and what `goleak.VerifyNone` would report.
//!
//! golite's approximation, and labelled as such on the page: each stack is its innermost frame
//! only (the engine does not record call stacks yet), with no addresses or offsets
//! (`+0x1d`), and the file is `prog.go`.

use std::rc::Rc;

use lessons::runtime::{Event, EventKind, GState, Gid, Outcome, RunReport, Snapshot};

/// The file name the dumps show (Go prints the full path of the source file).
pub const FILE: &str = "prog.go";

/// Most goroutines written out one by one; the rest are counted.
const MAX_LISTED: usize = 10;

/// The texts of the panel; `None` for a part that does not apply to this run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InGo {
    /// What `go run` writes to stderr at the end, with the goroutine dump Go adds to a crash or
    /// a deadlock; `None` for a clean exit (Go prints nothing).
    pub go_run: Option<String>,
    /// `curl localhost:6060/debug/pprof/goroutine?debug=1` at the end of main.
    pub pprof: String,
    /// `goleak.VerifyNone(t)`'s failure, when goroutines outlive main.
    pub goleak: Option<String>,
}

/// Go's name for a goroutine's function: golite names main's goroutine `main`.
pub fn go_func(name: &str) -> String {
    match name {
        "" => "main.unknown".to_string(),
        "main" => "main.main".to_string(),
        n if n.contains('.') => n.to_string(),
        n => format!("main.{n}"),
    }
}

/// Who started each goroutine, and at which line, by the goroutine's id: from the run's
/// `Spawn` events.
type Parents = Vec<Option<(Gid, u32)>>;

fn parents(events: &[Event]) -> Parents {
    let mut out: Parents = Vec::new();
    for e in events {
        if let EventKind::Spawn { child, .. } = &e.kind
            && e.gid.0 != 0
        {
            let i = child.index();
            if out.len() <= i {
                out.resize(i + 1, None);
            }
            out[i] = Some((e.gid, e.line));
        }
    }
    out
}

fn name_of(names: &[Rc<str>], gid: Gid) -> String {
    go_func(names.get(gid.index()).map_or("", |n| n))
}

/// Go's header wait: `chan send` or, blocked a minute or more, `chan send, 2 minutes`.
fn header_state(state: GState, blocked_ns: i64) -> String {
    let minutes = blocked_ns / 60_000_000_000;
    if state.is_blocked() && minutes >= 1 {
        format!(
            "{}, {minutes} minute{}",
            state.as_str(),
            if minutes == 1 { "" } else { "s" }
        )
    } else {
        state.as_str().to_string()
    }
}

/// One goroutine as Go's traceback prints it: header, innermost frame, and `created by`.
fn traceback(gid: Gid, state: &str, line: u32, names: &[Rc<str>], parents: &Parents) -> String {
    let mut s = format!(
        "goroutine {} [{state}]:\n{}(...)\n\t{FILE}:{line}\n",
        gid.0,
        name_of(names, gid)
    );
    if let Some(Some((p, at))) = parents.get(gid.index()) {
        s.push_str(&format!(
            "created by {} in goroutine {}\n\t{FILE}:{at}\n",
            name_of(names, *p),
            p.0
        ));
    }
    s
}

/// The panel for a finished run: `report` is its report, `end` its last snapshot, `events` and
/// `names` (see [`crate::playback::narration::names`]) its events and goroutine names.
pub fn in_go(report: &RunReport, end: &Snapshot, events: &[Event], names: &[Rc<str>]) -> InGo {
    let parents = parents(events);
    let alive: Vec<_> = end.goroutines.iter().collect();
    let dump_all = |skip: Option<Gid>| -> String {
        let mut out = String::new();
        let listed = alive.iter().filter(|g| Some(g.gid) != skip);
        let total = listed.clone().count();
        for g in listed.take(MAX_LISTED) {
            let st = header_state(g.state, end.time_ns.saturating_sub(g.since_ns));
            out.push('\n');
            out.push_str(&traceback(g.gid, &st, g.line, names, &parents));
        }
        if total > MAX_LISTED {
            out.push_str(&format!("\n… and {} more goroutines\n", total - MAX_LISTED));
        }
        out
    };
    let go_run = match report.outcome {
        Outcome::Exit | Outcome::CompileError | Outcome::Limit => None,
        Outcome::Deadlock => Some(format!(
            "fatal error: all goroutines are asleep - deadlock!\n{}exit status 2",
            dump_all(None)
        )),
        Outcome::Panic | Outcome::Fatal => {
            let word = if report.outcome == Outcome::Panic {
                "panic"
            } else {
                "fatal error"
            };
            // Go prints the crashing goroutine (GOTRACEBACK=single, the default).
            let mut s = format!("{word}: {}\n", report.panic);
            if let Some(c) = &report.measures.crashed_by {
                // The panic's own line (the report's is the goroutine's last reported line).
                let line = events
                    .iter()
                    .rev()
                    .find(|e| e.gid.0 == c.gid && matches!(e.kind, EventKind::Panic { .. }))
                    .map_or(c.line, |e| e.line);
                s.push('\n');
                s.push_str(&traceback(Gid(c.gid), "running", line, names, &parents));
            }
            s.push_str("exit status 2");
            Some(s)
        }
    };
    // pprof debug=1: goroutines grouped by stack, most first; with one frame a stack is
    // (function, line). At a crash or deadlock Go never gets to serve it: the profile is the
    // state at the end.
    let mut groups: Vec<((String, u32), u32)> = Vec::new();
    for g in &alive {
        let key = (name_of(names, g.gid), g.line);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => groups.push((key, 1)),
        }
    }
    groups.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut pprof = format!("goroutine profile: total {}\n", alive.len());
    for ((f, line), n) in &groups {
        pprof.push_str(&format!("{n} @ …\n#\t…\t{f}+…\t{FILE}:{line}\n\n"));
    }
    let goleak = (report.outcome == Outcome::Exit && !alive.is_empty()).then(|| {
        let mut parts: Vec<String> = Vec::new();
        for g in alive.iter().take(MAX_LISTED) {
            let f = name_of(names, g.gid);
            let mut s = format!(
                "Goroutine {} in state {}, with {f} on top of the stack:\n{f}(...)\n\t{FILE}:{}\n",
                g.gid.0,
                g.state.as_str(),
                g.line
            );
            if let Some(Some((p, at))) = parents.get(g.gid.index()) {
                s.push_str(&format!(
                    "created by {} in goroutine {}\n\t{FILE}:{at}\n",
                    name_of(names, *p),
                    p.0
                ));
            }
            parts.push(s);
        }
        let more = alive.len().saturating_sub(MAX_LISTED);
        let tail = if more > 0 {
            format!("\n … and {more} more")
        } else {
            String::new()
        };
        format!(
            "found unexpected goroutines:\n[{}{tail}]",
            parts.join("\n ")
        )
    });
    InGo {
        go_run,
        pprof,
        goleak,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::playback::narration::names;
    use lessons::golite::{self, RunOptions};
    use lessons::runtime::{Progress, Timeline};

    fn run(src: &str) -> (RunReport, Timeline) {
        let program = golite::compile("t.go", src, &[]).unwrap_or_else(|e| panic!("{e:?}"));
        let mut rt = golite::start(&program, &RunOptions::default());
        while rt.run_slice(10_000) == Progress::Running {}
        let t = Timeline::from_events(rt.take_events());
        (rt.report(), t)
    }

    fn in_go_of(src: &str) -> InGo {
        let (r, t) = run(src);
        in_go(&r, &t.last(), t.events(), &names(t.events()))
    }

    #[test]
    fn leaked_senders_are_grouped_like_pprof_and_listed_like_goleak() {
        let g = in_go_of(
            "package main\n\nfunc main() {\n\tc := make(chan int)\n\tfor range 3 {\n\t\tgo func() { c <- 1 }()\n\t}\n\t<-c\n}\n",
        );
        assert_eq!(g.go_run, None);
        assert_eq!(
            g.pprof,
            "goroutine profile: total 2\n2 @ …\n#\t…\tmain.main.func1+…\tprog.go:6\n\n"
        );
        let leak = g.goleak.unwrap_or_default();
        assert!(
            leak.starts_with(
                "found unexpected goroutines:\n[Goroutine 2 in state chan send, with main.main.func1 on top of the stack:\nmain.main.func1(...)\n\tprog.go:6\ncreated by main.main in goroutine 1\n\tprog.go:6\n\n Goroutine 3 in state chan send"
            ),
            "{leak}"
        );
        assert!(leak.ends_with("]"), "{leak}");
    }

    #[test]
    fn a_deadlock_prints_every_goroutine_as_go_does() {
        let g = in_go_of("package main\n\nfunc main() {\n\tc := make(chan int)\n\tc <- 1\n}\n");
        assert_eq!(
            g.go_run.as_deref(),
            Some(
                "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send]:\nmain.main(...)\n\tprog.go:5\nexit status 2"
            )
        );
        assert_eq!(g.goleak, None);
    }

    #[test]
    fn a_panic_prints_the_crashing_goroutine() {
        let g =
            in_go_of("package main\n\nfunc main() {\n\tvar m map[string]int\n\tm[\"a\"] = 1\n}\n");
        let text = g.go_run.unwrap_or_default();
        assert!(
            text.starts_with("panic: assignment to entry in nil map\n\ngoroutine 1 [running]:\nmain.main(...)\n\tprog.go:"),
            "{text}"
        );
        assert!(text.ends_with("exit status 2"), "{text}");
    }

    #[test]
    fn long_waits_show_minutes_as_go_does() {
        assert_eq!(header_state(GState::ChanSend, 59_000_000_000), "chan send");
        assert_eq!(
            header_state(GState::ChanSend, 120_000_000_000),
            "chan send, 2 minutes"
        );
        assert_eq!(go_func("main"), "main.main");
        assert_eq!(go_func("worker"), "main.worker");
    }
}
