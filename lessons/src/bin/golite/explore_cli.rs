//! `golite explore FILE.go --budget N [--json]` and `golite run FILE.go --schedule S`: the
//! search for a failing schedule (`lessons::explore`, issue 21) and the replay of what it found.
//!
//! `explore --json` prints one JSON object on one line: `{"found":true,"tried":K,
//! "kind":"deadlock|panic|race|leak|output","failure":"<sentence>","seed":S,
//! "schedule":"<text or null>","strategy":"seed|pct|random","outcome":"…","stdout":"…"}`, or
//! `{"found":false,"tried":N,"message":"N schedules, no failure"}`. Replaying with
//! `golite run FILE.go --seed S --schedule TEXT` (the race detector on, as in the search) gives
//! that run again. `--schedule` runs with the race detector, as the search did.

use lessons::explore::{Explored, Explorer, Strategy};
use lessons::golite::{self, RunOptions};
use lessons::runtime::{Progress, RunReport, parse_schedule};
use std::process::ExitCode;

/// Runs the search and prints what it found.
pub fn explore(name: &str, src: &str, opts: &RunOptions, budget: usize, json: bool) -> ExitCode {
    let program = match golite::compile(name, src, &opts.params) {
        Ok(p) => p,
        Err(e) => {
            let r = golite::compile_error_report(name, &e);
            eprintln!("{}", r.panic);
            return ExitCode::from(2);
        }
    };
    let mut ex = Explorer::new(program, opts.clone(), budget);
    let out = match ex.run() {
        Explored::Found(f) => serde_json::json!({
            "found": true,
            "tried": f.tried,
            "kind": f.failure.kind(),
            "failure": f.failure.describe(),
            "seed": f.seed,
            "schedule": f.schedule,
            "strategy": match f.strategy {
                Strategy::Seed => "seed",
                Strategy::Pct(_) => "pct",
                Strategy::Random => "random",
            },
            "outcome": f.report.outcome.as_str(),
            "stdout": f.report.stdout,
        }),
        Explored::Exhausted { tried } => serde_json::json!({
            "found": false,
            "tried": tried,
            "message": format!("{tried} schedules, no failure"),
        }),
        Explored::Running => serde_json::json!({
            "found": false,
            "tried": ex.tried(),
            "message": format!("{} schedules, no failure", ex.tried()),
        }),
    };
    if json {
        println!("{out}");
    } else if out["found"] == true {
        println!(
            "run {} of {} fails: {}\nreplay: golite run {name} --seed {}{}",
            out["tried"],
            budget,
            out["failure"].as_str().unwrap_or(""),
            out["seed"],
            out["schedule"]
                .as_str()
                .map_or(String::new(), |s| format!(" --schedule {s}"))
        );
    } else {
        println!("{}", out["message"].as_str().unwrap_or(""));
    }
    ExitCode::SUCCESS
}

/// Runs `src` with the schedule `text` (race detector on, as exploration runs).
pub fn replay(name: &str, src: &str, opts: &RunOptions, text: &str) -> Result<RunReport, String> {
    let choices = parse_schedule(text)?;
    let program = match golite::compile(name, src, &opts.params) {
        Ok(p) => p,
        Err(e) => return Ok(golite::compile_error_report(name, &e)),
    };
    let mut rt = lessons::explore::replay(&program, opts, opts.seed, Some(&choices));
    while rt.run_slice(200_000) == Progress::Running {}
    Ok(rt.report())
}
