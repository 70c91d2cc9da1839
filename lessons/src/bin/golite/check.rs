//! `golite check LESSON FILE.go [--json]`: grades FILE.go as a fix of a catalog lesson (issue 21's
//! fix-it challenges, `lessons::catalog::challenge`), exactly as the page's "Fix it yourself" mode.
//!
//! LESSON is a slug (`forgotten-sender`), a number (`1`) or a folder name (`01-forgotten-sender`).
//! Without `--json`, one line per case run (`ok` or `FAIL`, the case's parameters) and then the
//! verdict; with it, the `Grade` as one JSON object on one line. Exit code 0 when the file
//! passes, 1 when it does not, 2 for usage errors.

use std::process::ExitCode;

use lessons::catalog::challenge::{Exam, grade};
use lessons::catalog::{self, Lesson, harm_of};

pub const USAGE: &str = "usage: golite check LESSON FILE.go [--json]";

/// The lesson named by a slug, a number or a folder name.
fn find(name: &str) -> Option<&'static Lesson> {
    let all = catalog::all();
    if let Ok(n) = name.parse::<u32>() {
        return all.iter().find(|l| l.number == n);
    }
    all.iter()
        .find(|l| l.slug == name || format!("{:02}-{}", l.number, l.slug) == name)
}

pub fn main(args: Vec<String>) -> ExitCode {
    let json = args.iter().any(|a| a == "--json");
    let rest: Vec<&String> = args.iter().filter(|a| *a != "--json").collect();
    let (lesson, file) = match rest.as_slice() {
        [l, f] if !l.starts_with("--") && !f.starts_with("--") => (l.as_str(), f.as_str()),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let Some(lesson) = find(lesson) else {
        eprintln!("golite: no lesson {lesson:?} (give a slug, a number or a folder name)");
        return ExitCode::from(2);
    };
    let Some(harm) = harm_of(&lesson.slug) else {
        eprintln!("golite: lesson {} has no [harm] table", lesson.slug);
        return ExitCode::from(2);
    };
    let src = match std::fs::read_to_string(file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("golite: cannot read {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let exam = Exam::of_lesson(lesson, harm);
    let g = grade(&exam, &src);
    if json {
        match serde_json::to_string(&g) {
            Ok(j) => println!("{j}"),
            Err(e) => {
                eprintln!("golite: cannot encode the grade: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        for c in &g.cases {
            let at: Vec<String> = c
                .case
                .params
                .iter()
                .map(|(n, v)| format!("{n}={v}"))
                .collect();
            println!(
                "{} {} seed {}",
                if c.passed() { "ok  " } else { "FAIL" },
                at.join(" "),
                c.case.seed
            );
        }
        let (en, _) = g.summary();
        println!(
            "{}: {en} ({} of {} runs checked)",
            if g.passed { "PASS" } else { "FAIL" },
            g.cases.len(),
            g.total
        );
    }
    if g.passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}
