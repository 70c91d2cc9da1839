//! `golite explore FILE.go --budget N --json` and `golite run FILE.go --schedule S`
//! (`lessons/src/bin/golite/explore_cli.rs`).

use std::process::Command;

fn golite(args: &[&str]) -> (serde_json::Value, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_golite"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .unwrap_or_else(|e| panic!("golite: {e}"));
    let text = String::from_utf8_lossy(&out.stdout);
    let v = serde_json::from_str(text.trim()).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
    (v, out.status.code().unwrap_or(-1))
}

#[test]
fn explore_reports_the_first_failing_schedule_or_none() {
    let (v, code) = golite(&[
        "explore",
        "lessons/catalog/07-unbuffered-deadlock/bad.go",
        "--budget",
        "5",
        "--json",
    ]);
    assert_eq!(code, 0);
    assert_eq!(v["found"], true);
    assert_eq!(v["tried"], 1);
    assert_eq!(v["kind"], "deadlock");
    assert_eq!(v["failure"], "all goroutines are asleep - deadlock!");
    assert_eq!(v["schedule"], serde_json::Value::Null);
    let (v, _) = golite(&[
        "explore",
        "lessons/catalog/07-unbuffered-deadlock/good.go",
        "--budget",
        "5",
        "--json",
    ]);
    assert_eq!(v["found"], false);
    assert_eq!(v["tried"], 5);
    assert_eq!(v["message"], "5 schedules, no failure");
}

/// The double spend hides from the first run; the schedule explore finds replays with
/// `run --seed S --schedule TEXT` to the same output.
#[test]
fn a_found_schedule_replays_from_the_command_line() {
    let file = "lessons/scheduler/double-spend.go";
    let (v, _) = golite(&["explore", file, "--budget", "100", "--json"]);
    assert_eq!(v["found"], true, "{v}");
    assert_eq!(v["kind"], "output");
    assert!(v["tried"].as_u64().is_some_and(|n| n > 1));
    let sched = v["schedule"]
        .as_str()
        .unwrap_or_else(|| panic!("no schedule: {v}"));
    let seed = v["seed"].to_string();
    let (r, _) = golite(&["run", file, "--seed", &seed, "--schedule", sched, "--json"]);
    assert_eq!(r["stdout"], v["stdout"]);
    assert_eq!(r["stdout"], "balance: -60\noverdrawn\n");
    let (bad, code) = Command::new(env!("CARGO_BIN_EXE_golite"))
        .args(["run", file, "--schedule", "1.x"])
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .map(|o| {
            (
                String::from_utf8_lossy(&o.stderr).into_owned(),
                o.status.code(),
            )
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(code, Some(2));
    assert_eq!(
        bad.trim(),
        "golite: --schedule: not a goroutine choice: \"x\""
    );
}
