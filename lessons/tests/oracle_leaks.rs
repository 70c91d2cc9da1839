//! golite's leak verdicts and goroutine dumps against Go's own leak tools (issue 16).
//!
//! `tests/oracle/lessons/*.json` (every lesson side) and the records of `tests/oracle/records/`
//! that carry `goroutineleak` hold what Go 1.27's goroutine leak profile said after
//! `runtime.GC()` (`run-one --leak-profile`: a second run on the real clock, outside synctest)
//! and the dump of those goroutines. golite must prove leaked every goroutine Go proves leaked,
//! at the same state and line, with the same frames (the program's with their lines, Go's
//! library's by name) and creator; it may prove more only where Go's collector is conservative
//! (listed below, with why), and the cases where the real clock let the program move on before
//! the profile was taken are listed too.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lessons::golite::{RunOptions, run_source};
use lessons::runtime::{LeakVerdict, RunReport};
use serde_json::Value;

/// golite proves more than Go here: Go's collector keeps a blocked sender's offered value
/// alive (the sudog's `elem` points to it), and these senders send a variable their closure
/// captured next to the channel itself (`c.expired <- id`, `reply <- i`, `ch <- id`), so Go
/// sees the channel reachable. Sending a constant instead, Go proves all of them leaked too
/// (checked with Go 1.27.3: 20 of 20, 37 of 37; `leak_send_captured_value.go` has both kinds).
/// (case, golite's certain count, Go's).
const MORE_THAN_GO: &[(&str, u32, u32)] = &[
    ("03-afterfunc-no-cancel.bad", 20, 0),
    ("leak_param_requests", 37, 0),
    ("leak_send_captured_value", 6, 3),
];

/// Go's profile was taken later than golite's end: on the real clock the poller's ticker fired
/// once more after main returned, so Go found it blocked on `polls <- n` (line 16, leaked),
/// where golite (and synctest) leave it receiving from the running ticker (line 14, waiting).
const MOVED_ON: &[&str] = &["leak_ticker_loop"];

fn oracle_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/oracle")
}

/// (case name, program, its file name as frames print it, record).
fn cases() -> Vec<(String, PathBuf, String, Value)> {
    let dir = oracle_dir();
    let catalog = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
    let mut out = Vec::new();
    for (sub, lessons) in [("lessons", true), ("records", false)] {
        let mut names: Vec<PathBuf> = std::fs::read_dir(dir.join(sub))
            .unwrap_or_else(|e| panic!("read {sub}: {e}"))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        names.sort();
        for path in names {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
            let record: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
            if record.get("goroutineleak").is_none() {
                continue;
            }
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let (program, file) = if lessons {
                let (slug, side) = name.rsplit_once('.').unwrap_or((&name, "bad"));
                (
                    catalog.join(slug).join(format!("{side}.go")),
                    format!("{side}.go"),
                )
            } else {
                (
                    dir.join("programs").join(format!("{name}.go")),
                    format!("{name}.go"),
                )
            };
            out.push((name, program, file, record));
        }
    }
    out
}

fn run(program: &Path, file: &str) -> RunReport {
    let src = std::fs::read_to_string(program).unwrap_or_else(|e| panic!("{e}"));
    run_source(
        file,
        &src,
        &RunOptions {
            seed: 1,
            ..RunOptions::default()
        },
    )
}

/// (state, line) -> count.
fn groups(v: &Value) -> BTreeMap<(String, u64), u64> {
    v.as_array()
        .into_iter()
        .flatten()
        .map(|g| {
            (
                (
                    g["state"].as_str().unwrap_or("").to_string(),
                    g["line"].as_u64().unwrap_or(0),
                ),
                g["count"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn golite_proves_leaked_every_goroutine_gos_leak_profile_proves() {
    let mut failures = Vec::new();
    let mut compared = 0;
    for (name, program, file, record) in cases() {
        let report = run(&program, &file);
        let go = groups(&record["goroutineleak"]["leaked"]);
        let go_total: u64 = go.values().sum();
        let certain: BTreeMap<(String, u64), u64> = report
            .leaked_certain
            .iter()
            .map(|l| ((l.state.clone(), u64::from(l.line)), u64::from(l.count)))
            .collect();
        let golite_total: u64 = certain.values().sum();
        if MOVED_ON.contains(&name.as_str()) {
            continue;
        }
        compared += 1;
        // Whatever Go proves, golite proves.
        for (place, n) in &go {
            if certain.get(place).copied().unwrap_or(0) < *n {
                failures.push(format!(
                    "{name}: Go proves {n} leaked at {place:?}, golite {certain:?}"
                ));
            }
        }
        if let Some((_, g, o)) = MORE_THAN_GO.iter().find(|(n, ..)| *n == name) {
            if (golite_total, go_total) != (u64::from(*g), u64::from(*o)) {
                failures.push(format!(
                    "{name}: expected golite {g} certain vs Go {o}, got {golite_total} vs {go_total}"
                ));
            }
            continue;
        }
        if certain != go {
            failures.push(format!(
                "{name}:\n  Go's profile: {go:?}\n  golite certain: {certain:?}"
            ));
        }
    }
    assert!(compared >= 40, "only {compared} cases compared");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A leaked goroutine's state, frames innermost first (`(func, Some(line))` in the program's
/// file, `(func, None)` in Go's library, whose lines the records leave out), and creator.
type DumpKey = (String, Vec<(String, Option<u32>)>, Option<(String, u32)>);

/// A Go dump frame as a [`DumpKey`] frame: "main.f.func1 bad.go:27" (the program's file) or
/// "sync.(*WaitGroup).Wait" (Go's library).
fn dump_frame(frame: &str, file: &str) -> Option<(String, Option<u32>)> {
    if !frame.contains(' ') {
        return Some((frame.to_string(), None));
    }
    program_frame(frame, file).map(|(f, line)| (f, Some(line)))
}

/// A Go dump frame "main.f.func1 bad.go:27" in the program's file, as (func, line).
fn program_frame(frame: &str, file: &str) -> Option<(String, u32)> {
    let (func, at) = frame.split_once(' ')?;
    let line = at.strip_prefix(file)?.strip_prefix(':')?.parse().ok()?;
    Some((func.to_string(), line))
}

#[test]
fn leaked_goroutines_have_gos_functions_lines_and_creators() {
    let mut failures = Vec::new();
    let mut with_frames = 0;
    for (name, program, file, record) in cases() {
        if MOVED_ON.contains(&name.as_str()) {
            continue;
        }
        let more = MORE_THAN_GO.iter().any(|(n, ..)| *n == name);
        let report = run(&program, &file);
        // (state, program frames, creator) -> count, on both sides.
        let mut go: BTreeMap<DumpKey, u64> = BTreeMap::new();
        for g in record["goroutineleak_dump"]
            .as_array()
            .into_iter()
            .flatten()
        {
            let frames = g["frames"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|f| dump_frame(f.as_str()?, &file))
                .collect();
            let created = g["created_by"]
                .as_str()
                .and_then(|c| program_frame(c, &file));
            let key = (
                g["state"].as_str().unwrap_or("").to_string(),
                frames,
                created,
            );
            *go.entry(key).or_default() += g["count"].as_u64().unwrap_or(0);
        }
        let mut golite: BTreeMap<DumpKey, u64> = BTreeMap::new();
        for g in report
            .goroutines
            .iter()
            .filter(|g| g.leak == Some(LeakVerdict::Certain))
        {
            let frames = g
                .frames
                .iter()
                .map(|f| (f.func.clone(), f.file.is_none().then_some(f.line)))
                .collect();
            let created = g.created_by.as_ref().map(|c| (c.func.clone(), c.line));
            *golite
                .entry((g.state.clone(), frames, created))
                .or_default() += 1;
        }
        // Where golite proves more, Go's leaked goroutines are among golite's.
        let agrees = if more {
            go.iter()
                .all(|(k, n)| golite.get(k).copied().unwrap_or(0) >= *n)
        } else {
            go == golite
        };
        if !agrees {
            failures.push(format!("{name}:\n  Go:     {go:?}\n  golite: {golite:?}"));
        }
        with_frames += go
            .iter()
            .filter(|((_, frames, _), _)| frames.iter().any(|(_, line)| line.is_some()))
            .map(|(_, n)| n)
            .sum::<u64>();
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Lessons 01, 02, 04, 05 and 16 alone leak 33 goroutines in program frames.
    assert!(
        with_frames >= 33,
        "only {with_frames} leaked goroutines compared"
    );
}
