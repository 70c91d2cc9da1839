//! "In Go": what the real toolchain would show for this run, from the engine's goroutine stacks
//! at the end of the run (the report's `goroutines`: frames innermost first, `created by`, and
//! reachability's leak verdict): the text `go run` prints when the run crashes or deadlocks,
//! the goroutine dump (`pprof` `debug=2`, i.e. `runtime.Stack(buf, true)`), pprof's grouped
//! `debug=1` profile, Go 1.26+'s goroutine leak profile, what `goleak.VerifyNone` would report,
//! and, with the race detector on, `go run -race`'s reports.
//!
//! The texts are `lessons::gotools`'s, the same the CLI's `goroutine_dump` gives, so the page
//! and `golite run --json` cannot disagree. What golite cannot know is left out, as there: no
//! addresses, offsets or argument values, and the file is `prog.go`.

use lessons::gotools;
use lessons::runtime::{GoroutineStack, LeakVerdict, Outcome, RunReport};

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
    /// `go run -race`'s reports (`WARNING: DATA RACE` ... and `Found N data race(s)`), when
    /// the run found races.
    pub race: Option<String>,
    /// `pprof.Lookup("goroutine").WriteTo(w, 2)` at the end: every goroutine's stack.
    pub dump: Option<String>,
    /// `curl localhost:6060/debug/pprof/goroutine?debug=1` at the end of main, when
    /// goroutines are left.
    pub pprof: Option<String>,
    /// `pprof.Lookup("goroutineleak").WriteTo(w, 1)` after `runtime.GC()`: the goroutines
    /// proven leaked, grouped; `None` when none is.
    pub leak_profile: Option<String>,
    /// `goleak.VerifyNone(t)`'s failure, when goroutines outlive main.
    pub goleak: Option<String>,
}

/// `text` for the first [`MAX_LISTED`] of `gs`, and a line counting the rest.
fn listed(gs: &[GoroutineStack], text: impl Fn(&[GoroutineStack]) -> String) -> String {
    let shown = &gs[..gs.len().min(MAX_LISTED)];
    let mut out = text(shown);
    if gs.len() > shown.len() {
        out.push_str(&format!(
            "\n… and {} more goroutines\n",
            gs.len() - shown.len()
        ));
    }
    out
}

/// The panel for a finished run, from its report.
pub fn in_go(report: &RunReport) -> InGo {
    let gs = &report.goroutines;
    let dump = |gs: &[GoroutineStack]| gotools::debug2(gs, FILE, false);
    let go_run = match report.outcome {
        Outcome::Exit | Outcome::CompileError | Outcome::Limit => None,
        // A throw prints every goroutine.
        Outcome::Deadlock => Some(format!(
            "fatal error: {}\n\n{}exit status 2",
            report.panic,
            listed(gs, dump)
        )),
        Outcome::Panic | Outcome::Fatal => {
            let word = if report.outcome == Outcome::Panic {
                "panic"
            } else {
                "fatal error"
            };
            // Go prints the crashing goroutine (GOTRACEBACK=single, the default) in state
            // `running`.
            let mut s = format!("{word}: {}\n", report.panic);
            let crashed = report.measures.crashed_by.as_ref().and_then(|c| {
                gs.iter().find(|g| g.gid == c.gid).map(|g| GoroutineStack {
                    state: "running".to_string(),
                    leak: None,
                    ..g.clone()
                })
            });
            if let Some(g) = crashed {
                s.push('\n');
                s.push_str(&dump(std::slice::from_ref(&g)));
            }
            s.push_str("exit status 2");
            Some(s)
        }
    };
    let race = (!report.races.is_empty()).then(|| {
        let mut s: String = report.races.iter().map(|r| r.text.as_str()).collect();
        s.push_str(&format!(
            "Found {} data race(s)\nexit status 66",
            report.races.len()
        ));
        s
    });
    let ended = report.outcome == Outcome::Exit && report.exit_code.is_none();
    let leaked: Vec<GoroutineStack> = gs
        .iter()
        .filter(|g| g.leak == Some(LeakVerdict::Certain))
        .cloned()
        .collect();
    InGo {
        go_run,
        race,
        dump: (!gs.is_empty()).then(|| listed(gs, dump)),
        pprof: (!gs.is_empty()).then(|| gotools::debug1(gs.iter(), "goroutine", FILE)),
        // Only a program that goes on after main's goroutines leak can ask for the profile.
        leak_profile: (ended && !leaked.is_empty())
            .then(|| gotools::debug1(leaked.iter(), "goroutineleak", FILE)),
        goleak: (ended && !gs.is_empty()).then(|| {
            let shown = &gs[..gs.len().min(MAX_LISTED)];
            let mut s = gotools::goleak(shown, FILE);
            if gs.len() > shown.len() {
                s.pop();
                s.push_str(&format!(" … and {} more]", gs.len() - shown.len()));
            }
            s
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lessons::golite::{self, RunOptions};

    fn in_go_of(src: &str) -> InGo {
        in_go(&golite::run_source("t.go", src, &RunOptions::default()))
    }

    #[test]
    fn leaked_senders_are_grouped_like_pprof_and_listed_like_goleak() {
        let g = in_go_of(
            "package main\n\nfunc main() {\n\tc := make(chan int)\n\tfor range 3 {\n\t\tgo func() { c <- 1 }()\n\t}\n\t<-c\n}\n",
        );
        assert_eq!(g.go_run, None);
        assert_eq!(g.race, None);
        assert_eq!(
            g.pprof.as_deref(),
            Some("goroutine profile: total 2\n2 @\n#\tmain.main.func1\tprog.go:6\n\n")
        );
        assert_eq!(
            g.leak_profile.as_deref(),
            Some("goroutineleak profile: total 2\n2 @\n#\tmain.main.func1\tprog.go:6\n\n")
        );
        assert_eq!(
            g.dump.as_deref(),
            Some(
                "goroutine 2 [chan send]:\nmain.main.func1()\n\tprog.go:6\ncreated by main.main in goroutine 1\n\tprog.go:6\n\n\
                 goroutine 3 [chan send]:\nmain.main.func1()\n\tprog.go:6\ncreated by main.main in goroutine 1\n\tprog.go:6\n"
            )
        );
        assert_eq!(
            g.goleak.as_deref(),
            Some(
                "found unexpected goroutines:\n[Goroutine 2 in state chan send, with main.main.func1 on top of the stack:\nmain.main.func1()\n\tprog.go:6\ncreated by main.main in goroutine 1\n\tprog.go:6\n\n \
                 Goroutine 3 in state chan send, with main.main.func1 on top of the stack:\nmain.main.func1()\n\tprog.go:6\ncreated by main.main in goroutine 1\n\tprog.go:6\n]"
            )
        );
    }

    #[test]
    fn a_deadlock_prints_every_goroutine_with_its_whole_stack() {
        let g = in_go_of(
            "package main\n\nfunc send(c chan int) {\n\tc <- 1\n}\n\nfunc main() {\n\tc := make(chan int)\n\tsend(c)\n}\n",
        );
        assert_eq!(
            g.go_run.as_deref(),
            Some(
                "fatal error: all goroutines are asleep - deadlock!\n\ngoroutine 1 [chan send]:\nmain.send()\n\tprog.go:4\nmain.main()\n\tprog.go:9\nexit status 2"
            )
        );
        assert_eq!(g.goleak, None);
        assert_eq!(g.leak_profile, None);
    }

    #[test]
    fn a_panic_prints_the_crashing_goroutine_at_the_panicking_statement() {
        let g = in_go_of(
            "package main\n\nfunc main() {\n\tvar m map[string]int\n\tx := 1\n\tm[\"a\"] = x\n}\n",
        );
        assert_eq!(
            g.go_run.as_deref(),
            Some(
                "panic: assignment to entry in nil map\n\ngoroutine 1 [running]:\nmain.main()\n\tprog.go:6\nexit status 2"
            )
        );
    }

    #[test]
    fn many_goroutines_are_listed_up_to_ten() {
        let g = in_go_of(
            "package main\n\nfunc main() {\n\tc := make(chan int)\n\tfor range 12 {\n\t\tgo func() { c <- 1 }()\n\t}\n}\n",
        );
        let dump = g.dump.unwrap_or_default();
        assert_eq!(dump.matches("goroutine ").count(), 10 + 10);
        assert!(dump.ends_with("\n… and 2 more goroutines\n"), "{dump}");
        let leak = g.goleak.unwrap_or_default();
        assert!(leak.ends_with(" … and 2 more]"), "{leak}");
    }
}
