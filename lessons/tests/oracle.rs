//! Fidelity against real Go (issue 4): golite must agree with the records that
//! `tests/oracle/run` made by running every `tests/oracle/programs/*.go` under real Go's
//! `testing/synctest` (see `tests/oracle/README.md`).
//!
//! Every field of docs/ARCHITECTURE.md § The CLI contract is compared (outcome, panic, stdout, virtual_time_ns, leaked) except
//! the golite-only steps and peaks; a `virtual_time_ns` of null in a record means real Go cannot
//! tell it, and is not compared. Programs that golite does not get right yet are listed in
//! `tests/oracle/KNOWN_GAPS.txt` with a reason: the test asserts that EXACTLY those disagree, so
//! it fails when a new disagreement appears and when a listed program starts agreeing (remove it
//! from the list then: the list only shrinks). `ORACLE_WRITE_GAPS=1` rewrites the list from the
//! current disagreements, keeping existing reasons, for a human to review before committing.
//!
//! golite runs in process (`lessons::golite::run_source`, seed 1, default limits), each program on
//! a thread of its own with a timeout, so one program that hangs or crashes the interpreter shows
//! up as a disagreement instead of taking the whole test down.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use lessons::golite::{RunOptions, run_source};
use serde_json::Value;

/// The record fields golite must reproduce; steps and peaks are golite-only.
const FIELDS: [&str; 5] = ["outcome", "panic", "stdout", "virtual_time_ns", "leaked"];
/// Fields newer records have (older ones were made before the harness captured them): compared
/// only when the record has them. `stderr` is what print/println, log and `fmt.Fprint(os.Stderr)`
/// wrote (a golite report without it wrote nothing there); `exit_code` is os.Exit's status.
const OPTIONAL_FIELDS: [&str; 2] = ["stderr", "exit_code"];
/// Longest a single golite run may take before it counts as hung.
const TIMEOUT: Duration = Duration::from_secs(30);

fn oracle_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/oracle")
}

/// One program and what real Go did with it.
struct Case {
    name: String,
    program: PathBuf,
    record: Value,
}

fn names_with_ext(dir: &Path, ext: &str) -> BTreeSet<String> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display()));
    entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect()
}

fn cases() -> Vec<Case> {
    let dir = oracle_dir();
    names_with_ext(&dir.join("records"), "json")
        .into_iter()
        .map(|name| {
            let path = dir.join("records").join(format!("{name}.json"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
            let record: Value = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()));
            let program = dir.join("programs").join(format!("{name}.go"));
            Case {
                name,
                program,
                record,
            }
        })
        .collect()
}

/// `tests/oracle/KNOWN_GAPS.txt`: `name  reason` per line; blank lines and `#` comments ignored.
fn known_gaps() -> BTreeMap<String, String> {
    let path = oracle_dir().join("KNOWN_GAPS.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once(char::is_whitespace) {
            Some((name, reason)) => (name.to_string(), reason.trim().to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}

/// Runs golite on one program in a thread of its own, so an interpreter panic or a hang shows up
/// as a disagreement instead of taking the whole test down.
fn run_golite(name: &str, program: &Path) -> Result<Value, String> {
    let src =
        std::fs::read_to_string(program).map_err(|e| format!("read {}: {e}", program.display()))?;
    let file_name = format!("{name}.go");
    let (tx, rx) = mpsc::channel();
    thread::Builder::new()
        .name(format!("golite {name}"))
        .stack_size(256 << 20)
        .spawn(move || {
            let opts = RunOptions {
                seed: 1,
                ..RunOptions::default()
            };
            let _ = tx.send(run_source(&file_name, &src, &opts));
        })
        .map_err(|e| format!("cannot start a thread: {e}"))?;
    match rx.recv_timeout(TIMEOUT) {
        Ok(report) => {
            let mut v =
                serde_json::to_value(&report).map_err(|e| format!("report to JSON: {e}"))?;
            // The record keeps the first line Go prints after `panic: `; golite's message is the
            // whole chain (`A\n\tpanic: B` for a panic in a deferred call).
            v["panic"] = Value::String(first_line(&report.panic));
            if v.get("stderr").is_none() {
                v["stderr"] = Value::String(String::new());
            }
            Ok(v)
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            Err(format!("golite did not finish within {TIMEOUT:?}"))
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err("golite panicked (its message is on stderr above)".to_string())
        }
    }
}

fn first_line(s: &str) -> String {
    s.lines().next().unwrap_or("").to_string()
}

fn clip(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}...", &s[..i]),
        None => s.to_string(),
    }
}

/// Field-by-field differences between real Go's record and golite's report; empty when they agree.
fn field_diffs(record: &Value, got: &Value) -> Vec<String> {
    let mut diffs = Vec::new();
    let present = OPTIONAL_FIELDS
        .into_iter()
        .filter(|f| record.get(f).is_some());
    for field in FIELDS.into_iter().chain(present) {
        let mut want = record[field].clone();
        let have = &got[field];
        if field == "panic" {
            // A compile error may span lines (`have (...)` / `want (...)`): golite names the
            // first.
            want = Value::String(first_line(want.as_str().unwrap_or("")));
        }
        let want = &want;
        if field == "virtual_time_ns" && want.is_null() {
            continue; // real Go cannot tell (fatal error, panic outside a `go func` literal)
        }
        if want == have {
            continue;
        }
        if let (Some(w), Some(h)) = (want.as_str(), have.as_str()) {
            if field == "stdout" {
                diffs.push(stdout_diff(w, h));
                continue;
            }
            diffs.push(format!(
                "{field}:\n      real Go: {w:?}\n      golite:  {h:?}"
            ));
        } else {
            diffs.push(format!(
                "{field}:\n      real Go: {want}\n      golite:  {have}"
            ));
        }
    }
    diffs
}

/// Lists the first few lines where two outputs differ (by line number), with both versions.
fn stdout_diff(want: &str, have: &str) -> String {
    const SHOWN: usize = 5;
    let w: Vec<&str> = want.split_inclusive('\n').collect();
    let h: Vec<&str> = have.split_inclusive('\n').collect();
    let differing: Vec<usize> = (0..w.len().max(h.len()))
        .filter(|&i| w.get(i) != h.get(i))
        .collect();
    let mut text = format!(
        "stdout: {} of {} lines differ (real Go {} lines, golite {} lines)",
        differing.len(),
        w.len().max(h.len()),
        w.len(),
        h.len()
    );
    for &i in differing.iter().take(SHOWN) {
        text.push_str(&format!(
            "\n      line {}:\n        real Go: {:?}\n        golite:  {:?}",
            i + 1,
            w.get(i).copied().unwrap_or("<end of output>"),
            h.get(i).copied().unwrap_or("<end of output>"),
        ));
    }
    if differing.len() > SHOWN {
        text.push_str(&format!("\n      ... and {} more", differing.len() - SHOWN));
    }
    text
}

#[test]
fn every_record_has_its_program_and_every_program_its_record() {
    let dir = oracle_dir();
    let programs = names_with_ext(&dir.join("programs"), "go");
    let records = names_with_ext(&dir.join("records"), "json");
    assert!(
        programs.len() >= 40,
        "only {} oracle programs",
        programs.len()
    );
    assert_eq!(
        programs, records,
        "programs and records differ: run tests/oracle/run"
    );
    for (name, reason) in known_gaps() {
        assert!(
            programs.contains(&name),
            "KNOWN_GAPS.txt names {name}, which is no program"
        );
        assert!(
            !reason.is_empty(),
            "KNOWN_GAPS.txt: {name} needs a short reason"
        );
    }
}

#[test]
fn golite_agrees_with_real_go_except_the_known_gaps() {
    let gaps = known_gaps();
    let mut disagree: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let cases = cases();
    for case in &cases {
        let diffs = match run_golite(&case.name, &case.program) {
            Ok(report) => field_diffs(&case.record, &report),
            Err(e) => vec![e],
        };
        if !diffs.is_empty() {
            disagree.insert(case.name.clone(), diffs);
        }
    }

    let mut text = String::new();
    for (name, diffs) in &disagree {
        let tag = if gaps.contains_key(name) {
            "known gap"
        } else {
            "NEW"
        };
        text.push_str(&format!("{name} ({tag}):\n"));
        for d in diffs {
            text.push_str(&format!("    {d}\n"));
        }
    }
    let newly: Vec<&String> = disagree.keys().filter(|n| !gaps.contains_key(*n)).collect();
    let fixed: Vec<&String> = gaps.keys().filter(|n| !disagree.contains_key(*n)).collect();
    println!(
        "oracle: golite agrees with real Go on {} of {} programs ({} known gaps)\n{text}",
        cases.len() - disagree.len(),
        cases.len(),
        gaps.len()
    );

    if std::env::var_os("ORACLE_WRITE_GAPS").is_some() {
        write_gaps(&gaps, &disagree);
    }
    assert!(
        newly.is_empty() && fixed.is_empty(),
        "golite's disagreements with real Go are not exactly tests/oracle/KNOWN_GAPS.txt\n\
         newly disagreeing (fix golite; diffs above): {newly:?}\n\
         now agreeing (remove them from KNOWN_GAPS.txt): {fixed:?}"
    );
}

/// Rewrites KNOWN_GAPS.txt with the current disagreements (keeping the reasons already written).
fn write_gaps(old: &BTreeMap<String, String>, disagree: &BTreeMap<String, Vec<String>>) {
    let mut text = String::from(
        "# Oracle programs golite does not agree with real Go on yet: `name  reason`, one a line.\n\
         # lessons/tests/oracle.rs fails unless EXACTLY these disagree: shrink this list.\n",
    );
    for (name, diffs) in disagree {
        let reason = old.get(name).cloned().unwrap_or_else(|| {
            let first = diffs.first().map(String::as_str).unwrap_or("");
            clip(&first.split_whitespace().collect::<Vec<_>>().join(" "), 110)
        });
        text.push_str(&format!("{name}  {reason}\n"));
    }
    let path = oracle_dir().join("KNOWN_GAPS.txt");
    if let Err(e) = std::fs::write(&path, text) {
        panic!("write {}: {e}", path.display());
    }
}
