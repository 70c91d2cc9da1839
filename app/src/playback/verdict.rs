//! A run's verdict in plain words: `6 goroutines leaked at line 27 (chan send)`,
//! `deadlock: all goroutines are asleep`, `panic: send on closed channel`, `no leaks`.

use lessons::runtime::{Leak, Outcome, RunReport};

/// How bad the verdict is, for its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Ended cleanly, nothing left behind.
    Ok,
    /// Ended, but left goroutines behind, or crashed.
    Bad,
    /// The playground could not run it (compile error, limit).
    Problem,
}

impl Tone {
    /// CSS class suffix.
    pub fn key(self) -> &'static str {
        match self {
            Tone::Ok => "ok",
            Tone::Bad => "bad",
            Tone::Problem => "problem",
        }
    }
}

/// The headline and tone of a finished run.
pub fn headline(r: &RunReport) -> (String, Tone) {
    match r.outcome {
        Outcome::Exit if r.leaked.is_empty() => ("no leaks".into(), Tone::Ok),
        Outcome::Exit => {
            let total: u32 = r.leaked.iter().map(|l| l.count).sum();
            if r.leaked.len() == 1 {
                (leak_line(&r.leaked[0], false), Tone::Bad)
            } else {
                (format!("{total} goroutines leaked"), Tone::Bad)
            }
        }
        Outcome::Deadlock => ("deadlock: all goroutines are asleep".into(), Tone::Bad),
        Outcome::Panic => (format!("panic: {}", first_line(&r.panic)), Tone::Bad),
        Outcome::Fatal => (format!("fatal error: {}", first_line(&r.panic)), Tone::Bad),
        Outcome::CompileError => (format!("does not compile: {}", r.panic), Tone::Problem),
        Outcome::Limit => (
            format!("stopped by the playground: {}", r.panic),
            Tone::Problem,
        ),
    }
}

/// [`headline`] in Chinese.
pub fn headline_zh(r: &RunReport) -> String {
    match r.outcome {
        Outcome::Exit if r.leaked.is_empty() => "没有泄漏".into(),
        Outcome::Exit if r.leaked.len() == 1 => leak_line(&r.leaked[0], true),
        Outcome::Exit => {
            let total: u32 = r.leaked.iter().map(|l| l.count).sum();
            format!("泄漏了 {total} 个 goroutine")
        }
        Outcome::Deadlock => "死锁：所有 goroutine 都在休眠".into(),
        Outcome::Panic => format!("panic：{}", first_line(&r.panic)),
        Outcome::Fatal => format!("致命错误：{}", first_line(&r.panic)),
        Outcome::CompileError => format!("无法编译：{}", r.panic),
        Outcome::Limit => format!("被演练场终止：{}", r.panic),
    }
}

/// One side's verdict sentence and tone, as the page and the host API show it: the lesson's
/// harm judged on both runs ([`lessons::catalog::judge`], the CLI's `verdict`, so the page and
/// `golite run --json` cannot disagree), in English or Chinese; for a learner's edit of the
/// anti-pattern, the hint to change parameters becomes "your edit shows none of the harm"
/// ([`for_edit`]). Without a `[harm]` table, the plain [`headline`].
pub fn sentence(
    harm: Option<&lessons::catalog::Harm>,
    reports: [&RunReport; 2],
    bad_side: bool,
    edited: bool,
    zh: bool,
) -> (String, lessons::catalog::SideVerdict) {
    let r = if bad_side { reports[0] } else { reports[1] };
    let v = match harm {
        Some(h) => {
            let v = lessons::catalog::judge(h, reports[0], reports[1]);
            if bad_side { v.bad } else { v.good }
        }
        None => {
            let (en, tone) = headline(r);
            lessons::catalog::SideVerdict {
                tone: match tone {
                    Tone::Ok => lessons::catalog::Tone::Ok,
                    Tone::Bad => lessons::catalog::Tone::Bad,
                    Tone::Problem => lessons::catalog::Tone::Warn,
                },
                zh: headline_zh(r),
                en,
                figures: Vec::new(),
            }
        }
    };
    let mut text = if zh { v.zh.clone() } else { v.en.clone() };
    if edited && bad_side {
        text = for_edit(&text, zh);
    }
    (text, v)
}

/// One leak group in words: `6 goroutines leaked at line 27 (chan send)`.
pub fn leak_line(l: &Leak, zh: bool) -> String {
    if zh {
        return format!(
            "第 {} 行泄漏了 {} 个 goroutine（{}）",
            l.line,
            l.count,
            lessons::catalog::zh::state(&l.state)
        );
    }
    let noun = if l.count == 1 {
        "goroutine"
    } else {
        "goroutines"
    };
    format!("{} {noun} leaked at line {} ({})", l.count, l.line, l.state)
}

/// The message Go's runtime gives a deadlock.
const GO_DEADLOCK: &str = "all goroutines are asleep - deadlock!";

/// What `go run` prints to stderr when a run ends this way (nothing for a clean exit), minus the
/// goroutine stacks; shown under the program's output once the run's end is reached. `outcome`
/// is `None` before the end.
pub fn stderr(outcome: Option<Outcome>, message: &str) -> Option<String> {
    match outcome? {
        Outcome::Exit => None,
        Outcome::Panic => Some(format!("panic: {message}\nexit status 2")),
        // Go's words for it; the run's events carry no message for a deadlock.
        Outcome::Deadlock if message.is_empty() => {
            Some(format!("fatal error: {GO_DEADLOCK}\nexit status 2"))
        }
        Outcome::Deadlock | Outcome::Fatal => {
            Some(format!("fatal error: {message}\nexit status 2"))
        }
        Outcome::CompileError => Some(message.to_string()),
        Outcome::Limit => Some(format!("stopped by the playground: {message}")),
    }
}

/// Where a compile error points and what it says: `bad.go:3:5: undefined: x` gives
/// `(3, "undefined: x")`. `None` for a message without a position (a parameter problem).
pub fn compile_error_at(message: &str) -> Option<(u32, &str)> {
    let mut parts = message.splitn(4, ':');
    let (_file, line, col, text) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    col.parse::<u32>().ok()?;
    let line = line.parse::<u32>().ok().filter(|l| *l > 0)?;
    Some((line, text.trim_start()))
}

/// The harm verdict's sentence for a learner's edit of the anti-pattern: the hint to change the
/// parameters (`at this setting the bug does not show: try ...`) is meant for the lesson's own
/// program; an edit that shows none of the harm is the learner's fix, and says so.
pub fn for_edit(sentence: &str, zh: bool) -> String {
    let (hint, fixed, sep) = if zh {
        ("在此设置下问题没有显现", "你的修改没有显现这个问题", "；")
    } else {
        (
            "at this setting the bug does not show",
            "your edit shows none of the harm",
            "; ",
        )
    };
    match sentence.find(hint) {
        Some(0) => fixed.to_string(),
        Some(i) => format!("{}{sep}{fixed}", sentence[..i].trim_end_matches(sep)),
        None => sentence.to_string(),
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(outcome: Outcome, panic: &str, leaked: Vec<Leak>) -> RunReport {
        RunReport {
            outcome,
            panic: panic.into(),
            stdout: String::new(),
            output_bytes: 0,
            output_lines: 0,
            output_truncated: false,
            stderr: String::new(),
            stderr_bytes: 0,
            stderr_truncated: false,
            virtual_time_ns: 0,
            leaked,
            steps: 0,
            peak_goroutines: 0,
            peak_heap_bytes: 0,
            exit_code: None,
            measures: Default::default(),
            races: Vec::new(),
            leaked_certain: Vec::new(),
            goroutines: Vec::new(),
        }
    }

    fn leak(count: u32, line: u32, state: &str) -> Leak {
        Leak {
            state: state.into(),
            line,
            count,
        }
    }

    #[test]
    fn a_clean_exit_is_no_leaks() {
        assert_eq!(
            headline(&report(Outcome::Exit, "", vec![])),
            ("no leaks".into(), Tone::Ok)
        );
    }

    #[test]
    fn one_leak_group_names_count_line_and_state() {
        let r = report(Outcome::Exit, "", vec![leak(6, 27, "chan send")]);
        assert_eq!(headline(&r).0, "6 goroutines leaked at line 27 (chan send)");
    }

    #[test]
    fn a_single_leaked_goroutine_is_singular() {
        assert_eq!(
            leak_line(&leak(1, 9, "select"), false),
            "1 goroutine leaked at line 9 (select)"
        );
    }

    #[test]
    fn several_groups_are_totalled_in_the_headline() {
        let r = report(
            Outcome::Exit,
            "",
            vec![leak(2, 5, "chan send"), leak(3, 9, "select")],
        );
        assert_eq!(headline(&r), ("5 goroutines leaked".into(), Tone::Bad));
    }

    #[test]
    fn deadlock_panic_and_fatal_use_gos_words() {
        let d = report(
            Outcome::Deadlock,
            "all goroutines are asleep - deadlock!",
            vec![],
        );
        let p = report(Outcome::Panic, "send on closed channel", vec![]);
        let f = report(Outcome::Fatal, "sync: unlock of unlocked mutex", vec![]);
        assert_eq!(headline(&d).0, "deadlock: all goroutines are asleep");
        assert_eq!(headline(&p).0, "panic: send on closed channel");
        assert_eq!(
            headline(&f).0,
            "fatal error: sync: unlock of unlocked mutex"
        );
    }

    #[test]
    fn a_compile_error_gives_its_line_and_text() {
        assert_eq!(
            compile_error_at("bad.go:3:5: undefined: x"),
            Some((3, "undefined: x"))
        );
        assert_eq!(
            compile_error_at("good.go:12:1: expected ';', found ':'"),
            Some((12, "expected ';', found ':'"))
        );
        assert_eq!(compile_error_at("no parameter named n"), None);
        assert_eq!(compile_error_at("bad.go:0:0: x"), None);
    }

    #[test]
    fn stderr_is_what_go_run_prints_at_the_end() {
        assert_eq!(stderr(None, "send on closed channel"), None);
        assert_eq!(stderr(Some(Outcome::Exit), ""), None);
        assert_eq!(
            stderr(Some(Outcome::Panic), "send on closed channel").as_deref(),
            Some("panic: send on closed channel\nexit status 2")
        );
        assert_eq!(
            stderr(
                Some(Outcome::Deadlock),
                "all goroutines are asleep - deadlock!"
            )
            .as_deref(),
            Some("fatal error: all goroutines are asleep - deadlock!\nexit status 2")
        );
        assert_eq!(
            stderr(Some(Outcome::Deadlock), "").as_deref(),
            Some("fatal error: all goroutines are asleep - deadlock!\nexit status 2")
        );
        assert_eq!(
            stderr(Some(Outcome::Limit), "more than 100000 goroutines").as_deref(),
            Some("stopped by the playground: more than 100000 goroutines")
        );
    }

    #[test]
    fn an_edit_without_the_harm_is_the_learners_fix_not_a_hint() {
        assert_eq!(
            for_edit(
                "0 B of heap still held at the end, no more than the fix; at this setting the bug does not show: try a shorter handler timeout",
                false
            ),
            "0 B of heap still held at the end, no more than the fix; your edit shows none of the harm"
        );
        assert_eq!(
            for_edit(
                "结束时仍占用 0 B 堆内存，不比修复版多；在此设置下问题没有显现：试试更短的超时",
                true
            ),
            "结束时仍占用 0 B 堆内存，不比修复版多；你的修改没有显现这个问题"
        );
        assert_eq!(
            for_edit("peak heap 2.9 MiB: 21x the fix", false),
            "peak heap 2.9 MiB: 21x the fix"
        );
    }

    #[test]
    fn a_compile_error_is_a_problem_with_its_message() {
        let r = report(Outcome::CompileError, "bad.go:3:5: undefined: x", vec![]);
        assert_eq!(
            headline(&r),
            (
                "does not compile: bad.go:3:5: undefined: x".into(),
                Tone::Problem
            )
        );
    }
}
