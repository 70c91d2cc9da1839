//! What Go's own tools would print about a run's goroutines, from the runtime's
//! [`GoroutineStack`]s: `runtime.Stack(buf, true)` / pprof's goroutine profile with `debug=2`,
//! the grouped `debug=1` profile, Go 1.26+'s goroutine leak profile and goleak's
//! `found unexpected goroutines:` error.
//!
//! Pure text formatting, identical to Go's output except what golite cannot know: no argument
//! values (`main.handle.func1()` always), no program counters or frame offsets (`+0x1e`), the
//! file as given (`prog.go:27`, and a library frame's as `-trimpath` prints it:
//! `sync/waitgroup.go:206`), no `, N minutes` wait time in headers, and of Go's library frames
//! only those golite models (docs/ARCHITECTURE.md § Goroutine dumps). In `debug=1` profiles, where Go prints the
//! program counters of a stack (`6 @ 0x4864aa 0x41531c ...`) and each frame as
//! `#\t0x54399d\tmain.leak.func1+0x1d\t/path/prog.go:14`, the addresses are left out:
//! `6 @` and `#\tmain.leak.func1\tprog.go:14`.

use serde::{Deserialize, Serialize};

use crate::runtime::{GoroutineStack, LeakVerdict};

/// Every text at once, for the CLI's `goroutine_dump` (see `docs/REPORT.md`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct GoroutineDump {
    /// `pprof.Lookup("goroutine").WriteTo(w, 2)`, i.e. `runtime.Stack(buf, true)`.
    pub goroutine_debug2: String,
    /// `pprof.Lookup("goroutine").WriteTo(w, 1)`: identical stacks grouped with counts.
    pub goroutine_debug1: String,
    /// `pprof.Lookup("goroutineleak").WriteTo(w, 1)` after `runtime.GC()`: the goroutines
    /// proven leaked, grouped.
    pub goroutineleak_debug1: String,
    /// `pprof.Lookup("goroutineleak").WriteTo(w, 2)`: every goroutine, the proven leaks'
    /// states marked ` (leaked)`.
    pub goroutineleak_debug2: String,
    /// `goleak.Find()`'s error once main has returned (every goroutine still alive is
    /// unexpected); empty when none is.
    pub goleak: String,
}

impl GoroutineDump {
    /// All the texts for `gs` (a run's live goroutines), naming the program's file `file`.
    pub fn new(gs: &[GoroutineStack], file: &str) -> GoroutineDump {
        GoroutineDump {
            goroutine_debug2: debug2(gs, file, false),
            goroutine_debug1: debug1(gs.iter(), "goroutine", file),
            goroutineleak_debug1: debug1(
                gs.iter().filter(|g| g.leak == Some(LeakVerdict::Certain)),
                "goroutineleak",
                file,
            ),
            goroutineleak_debug2: debug2(gs, file, true),
            goleak: goleak(gs, file),
        }
    }
}

/// One goroutine as `runtime.Stack` prints it: header, frames, `created by`, no blank line.
fn goroutine_text(g: &GoroutineStack, file: &str, mark_leaked: bool) -> String {
    let leaked = mark_leaked && g.leak == Some(LeakVerdict::Certain);
    let mut out = format!(
        "goroutine {} [{}{}]:\n",
        g.gid,
        g.state,
        if leaked { " (leaked)" } else { "" }
    );
    out.push_str(&frames_text(g, file));
    out
}

/// The frames and `created by` lines of one goroutine.
fn frames_text(g: &GoroutineStack, file: &str) -> String {
    let mut out = String::new();
    for f in &g.frames {
        let at = f.file.as_deref().unwrap_or(file);
        out.push_str(&format!("{}()\n\t{at}:{}\n", f.func, f.line));
    }
    if let Some(c) = &g.created_by {
        out.push_str(&format!(
            "created by {} in goroutine {}\n\t{}:{}\n",
            c.func,
            c.goroutine,
            c.file.as_deref().unwrap_or(file),
            c.line
        ));
    }
    out
}

/// `debug=2`: every goroutine, separated by blank lines.
pub fn debug2(gs: &[GoroutineStack], file: &str, mark_leaked: bool) -> String {
    gs.iter()
        .map(|g| goroutine_text(g, file, mark_leaked))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `debug=1`: `<profile> profile: total N`, then each distinct stack with its count, most
/// frequent first (then by stack), as pprof's text format prints a count profile.
pub fn debug1<'a>(
    gs: impl Iterator<Item = &'a GoroutineStack>,
    profile: &str,
    file: &str,
) -> String {
    // A stack as (function, file, line) frames, and how many goroutines have it.
    type Stack<'f> = Vec<(String, &'f str, u32)>;
    let mut groups: Vec<(Stack, u32)> = Vec::new();
    let mut total = 0;
    for g in gs {
        total += 1;
        let key: Stack = g
            .frames
            .iter()
            .map(|f| (f.func.clone(), f.file.as_deref().unwrap_or(file), f.line))
            .collect();
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => groups.push((key, 1)),
        }
    }
    groups.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut out = format!("{profile} profile: total {total}\n");
    for (frames, n) in groups {
        out.push_str(&format!("{n} @\n"));
        for (func, at, line) in frames {
            out.push_str(&format!("#\t{func}\t{at}:{line}\n"));
        }
        out.push('\n');
    }
    out
}

/// goleak's error for goroutines still alive: `found unexpected goroutines:` and, in brackets,
/// one `Goroutine N in state S, with F on top of the stack:` block per goroutine (Go's
/// `%s` of a slice: blocks separated by a space). Empty when `gs` is.
pub fn goleak(gs: &[GoroutineStack], file: &str) -> String {
    if gs.is_empty() {
        return String::new();
    }
    let blocks: Vec<String> = gs
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let top = g.frames.first().map_or("", |f| f.func.as_str());
            let sep = if i + 1 < gs.len() { "\n" } else { "" };
            format!(
                "Goroutine {} in state {}, with {top} on top of the stack:\n{}{sep}",
                g.gid,
                g.state,
                frames_text(g, file)
            )
        })
        .collect();
    format!("found unexpected goroutines:\n[{}]", blocks.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::{CreatedBy, StackFrame};

    fn leaked(gid: u32, parent: u32, verdict: LeakVerdict) -> GoroutineStack {
        GoroutineStack {
            gid,
            state: "chan send".into(),
            leak: Some(verdict),
            frames: vec![StackFrame::program("main.fetchProfile.func1", 27)],
            created_by: Some(CreatedBy {
                func: "main.fetchProfile".into(),
                line: 26,
                goroutine: parent,
                file: None,
            }),
        }
    }

    #[test]
    fn debug2_prints_runtime_stack_without_addresses() {
        let gs = [
            leaked(18, 7, LeakVerdict::Certain),
            leaked(19, 8, LeakVerdict::Waiting),
        ];
        assert_eq!(
            debug2(&gs, "bad.go", false),
            "goroutine 18 [chan send]:\nmain.fetchProfile.func1()\n\tbad.go:27\n\
             created by main.fetchProfile in goroutine 7\n\tbad.go:26\n\n\
             goroutine 19 [chan send]:\nmain.fetchProfile.func1()\n\tbad.go:27\n\
             created by main.fetchProfile in goroutine 8\n\tbad.go:26\n"
        );
        assert!(debug2(&gs, "bad.go", true).starts_with("goroutine 18 [chan send (leaked)]:\n"));
        assert!(debug2(&gs, "bad.go", true).contains("goroutine 19 [chan send]:\n"));
    }

    #[test]
    fn a_goroutine_gos_library_started_names_the_librarys_file() {
        let mut handler = leaked(6, 2, LeakVerdict::Waiting);
        handler.created_by = Some(CreatedBy {
            func: "net/http.(*Server).Serve".into(),
            line: 3604,
            goroutine: 2,
            file: Some("net/http/server.go".into()),
        });
        assert_eq!(
            debug2(&[handler], "bad.go", false),
            "goroutine 6 [chan send]:\nmain.fetchProfile.func1()\n\tbad.go:27\n\
             created by net/http.(*Server).Serve in goroutine 2\n\tnet/http/server.go:3604\n"
        );
    }

    #[test]
    fn debug1_groups_identical_stacks_most_frequent_first() {
        let mut main = leaked(1, 0, LeakVerdict::Waiting);
        main.frames = vec![StackFrame::program("main.main", 49)];
        main.created_by = None;
        let gs = [
            main,
            leaked(18, 7, LeakVerdict::Certain),
            leaked(19, 8, LeakVerdict::Certain),
        ];
        assert_eq!(
            debug1(gs.iter(), "goroutine", "bad.go"),
            "goroutine profile: total 3\n2 @\n#\tmain.fetchProfile.func1\tbad.go:27\n\n\
             1 @\n#\tmain.main\tbad.go:49\n\n"
        );
        let dump = GoroutineDump::new(&gs, "bad.go");
        assert_eq!(
            dump.goroutineleak_debug1,
            "goroutineleak profile: total 2\n2 @\n#\tmain.fetchProfile.func1\tbad.go:27\n\n"
        );
    }

    #[test]
    fn goleak_lists_every_goroutine_in_brackets() {
        let gs = [
            leaked(18, 7, LeakVerdict::Certain),
            leaked(19, 8, LeakVerdict::Certain),
        ];
        assert_eq!(
            goleak(&gs, "bad.go"),
            "found unexpected goroutines:\n\
             [Goroutine 18 in state chan send, with main.fetchProfile.func1 on top of the stack:\n\
             main.fetchProfile.func1()\n\tbad.go:27\ncreated by main.fetchProfile in goroutine 7\n\
             \tbad.go:26\n\n \
             Goroutine 19 in state chan send, with main.fetchProfile.func1 on top of the stack:\n\
             main.fetchProfile.func1()\n\tbad.go:27\ncreated by main.fetchProfile in goroutine 8\n\
             \tbad.go:26\n]"
        );
        assert_eq!(goleak(&[], "bad.go"), "");
    }
}
