//! golite under each `GoVersion` against real Go's records in `tests/oracle/versions/`
//! (loop variables before and after Go 1.22, timer channels before and after Go 1.23; how the
//! records are made: `tests/oracle/versions/run`). Outcome, panic message and stdout must match.

use std::path::{Path, PathBuf};

use lessons::golite::{self, GoVersion, RunOptions};
use lessons::runtime::Outcome;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/oracle/versions")
}

fn outcome_name(o: Outcome) -> &'static str {
    match o {
        Outcome::Exit => "exit",
        Outcome::Panic => "panic",
        Outcome::Fatal => "fatal",
        Outcome::Deadlock => "deadlock",
        Outcome::CompileError => "compile_error",
        Outcome::Limit => "limit",
    }
}

#[test]
fn golite_agrees_with_real_go_under_both_versions() {
    let mut records: Vec<PathBuf> = std::fs::read_dir(dir().join("records"))
        .expect("tests/oracle/versions/records")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    records.sort();
    // Every program, under both versions.
    assert_eq!(records.len(), 14, "{records:?}");
    let mut bad = Vec::new();
    for rec_path in &records {
        let rec: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(rec_path).expect("record"))
                .expect("record json");
        let stem = rec_path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let program = stem.split(".go1.").next().unwrap_or("");
        let go = GoVersion::parse(rec["go"].as_str().unwrap_or("")).expect("version");
        let src = std::fs::read_to_string(dir().join("programs").join(format!("{program}.go")))
            .expect("program");
        let opts = RunOptions {
            go,
            ..RunOptions::default()
        };
        let r = golite::run_source(&format!("{program}.go"), &src, &opts);
        let want = (
            rec["outcome"].as_str().unwrap_or(""),
            rec["panic"].as_str().unwrap_or(""),
            rec["stdout"].as_str().unwrap_or(""),
        );
        let got = (outcome_name(r.outcome), r.panic.as_str(), r.stdout.as_str());
        if want != got {
            bad.push(format!(
                "{program} under Go {}:\n  real Go: {want:?}\n  golite:  {got:?}",
                go.as_str()
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_two_versions_disagree_on_every_program() {
    // Each program was written to show one rule that changed: its two records differ.
    for entry in std::fs::read_dir(dir().join("programs")).expect("programs") {
        let p = entry.expect("entry").path();
        let stem = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("")
            .to_string();
        let read = |v: &str| {
            std::fs::read_to_string(dir().join("records").join(format!("{stem}.go{v}.json")))
                .unwrap_or_else(|e| panic!("{stem} go{v}: {e}"))
        };
        let (old, new): (serde_json::Value, serde_json::Value) = (
            serde_json::from_str(&read("1.21")).expect("json"),
            serde_json::from_str(&read("1.27")).expect("json"),
        );
        assert_ne!(old["stdout"], new["stdout"], "{stem}");
    }
}
