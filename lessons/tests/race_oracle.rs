//! golite's race detector against real Go's: every program of `tests/oracle/race/programs` runs
//! with the detector on (seed 1) and must report the pairs `go run -race` reported
//! (`tests/oracle/race/records`, made by `tests/oracle/race/run`): each pair as two accesses
//! (op, line, function), unordered. A record whose runs disagreed (`varies`) allows any
//! non-empty subset of the pairs seen; a race-free program must report nothing.

use std::collections::BTreeSet;
use std::path::Path;

use lessons::golite::{self, RunOptions};
use serde_json::Value as J;

type Access = (u32, String, String);
type Pair = (Access, Access);

fn pair(a: Access, b: Access) -> Pair {
    if a <= b { (a, b) } else { (b, a) }
}

fn access(j: &J) -> Access {
    (
        j["line"].as_u64().unwrap_or(0) as u32,
        j["op"].as_str().unwrap_or("").to_string(),
        j["func"].as_str().unwrap_or("").to_string(),
    )
}

#[test]
fn golite_reports_the_pairs_real_go_reports() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/oracle/race");
    let mut names: Vec<_> = std::fs::read_dir(root.join("programs"))
        .expect("tests/oracle/race/programs")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "go"))
        .collect();
    names.sort();
    assert!(names.len() >= 30, "{} programs", names.len());
    let (mut racy, mut clean, mut problems) = (0, 0, Vec::new());
    for path in names {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("?")
            .to_string();
        let src = std::fs::read_to_string(&path).expect("program");
        let rec: J = serde_json::from_str(
            &std::fs::read_to_string(root.join("records").join(format!("{name}.json")))
                .expect("record"),
        )
        .expect("record json");
        let want: BTreeSet<Pair> = rec["pairs"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| pair(access(&p[0]), access(&p[1])))
            .collect();
        let opts = RunOptions {
            seed: 1,
            race: true,
            ..RunOptions::default()
        };
        let report = golite::run_source("prog.go", &src, &opts);
        let got: BTreeSet<Pair> = report
            .races
            .iter()
            .map(|r| {
                let a = (r.access.line, r.access.op.clone(), r.access.func.clone());
                let b = (
                    r.previous.line,
                    r.previous.op.clone(),
                    r.previous.func.clone(),
                );
                pair(a, b)
            })
            .collect();
        if want.is_empty() {
            clean += 1;
        } else {
            racy += 1;
        }
        let varies = rec["varies"].as_bool().unwrap_or(false);
        let ok = if varies {
            !got.is_empty() && got.is_subset(&want)
        } else {
            got == want
        };
        if !ok {
            problems.push(format!(
                "{name}{}:\n  real Go: {want:?}\n  golite:  {got:?} ({:?} {})",
                if varies { " (varies)" } else { "" },
                report.outcome,
                report.panic
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(racy >= 15 && clean >= 15, "{racy} racy, {clean} clean");
}
