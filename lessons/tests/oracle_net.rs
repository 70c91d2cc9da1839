//! golite's virtual network against real Go 1.27 on a real loopback network (issue 22): every
//! `tests/oracle/net/programs/*.go` must end as real Go did (outcome, panic message) and print
//! exactly what it printed. The programs print no times, ports or addresses (see
//! `tests/oracle/net/run`, which made the records on the real clock); they print the goroutines
//! left (`runtime.NumGoroutine`) where that is the point.

use std::path::{Path, PathBuf};

use lessons::golite::{self, RunOptions};
use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/oracle/net")
}

#[test]
fn golite_agrees_with_real_go_on_every_network_program() {
    let mut names: Vec<String> = std::fs::read_dir(dir().join("records"))
        .expect("records")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    assert!(names.len() >= 4, "records: {names:?}");
    let mut disagree = Vec::new();
    for name in &names {
        let rec: Value = serde_json::from_str(
            &std::fs::read_to_string(dir().join("records").join(format!("{name}.json")))
                .expect("record"),
        )
        .expect("record json");
        let src = std::fs::read_to_string(dir().join("programs").join(format!("{name}.go")))
            .expect("program");
        let r = golite::run_source(&format!("{name}.go"), &src, &RunOptions::default());
        let got = (
            r.outcome.as_str().to_string(),
            r.panic.clone(),
            r.stdout.clone(),
        );
        let want = (
            rec["outcome"].as_str().unwrap_or("").to_string(),
            rec["panic"].as_str().unwrap_or("").to_string(),
            rec["stdout"].as_str().unwrap_or("").to_string(),
        );
        if got != want {
            disagree.push(format!("{name}:\n golite {got:?}\n go     {want:?}"));
        }
    }
    assert!(disagree.is_empty(), "{}", disagree.join("\n"));
}
