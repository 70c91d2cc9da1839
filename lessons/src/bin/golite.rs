//! The golite command-line runner (docs/ARCHITECTURE.md § The CLI contract):
//! `golite run FILE.go [--seed N] [--set NAME=VALUE]... [--preempt-every N] [--race] [--go VERSION]
//! [--json]`, `golite explore FILE.go [--budget N] ...` (`golite/explore_cli.rs`), and
//! `golite check LESSON FILE.go [--json]`, which grades a fix-it challenge (`golite/check.rs`).
//!
//! With `--json`, stdout is exactly one JSON object on one line (the run report, with its
//! `measures`, see `lessons::runtime::Measures`, and `goroutine_dump`: the goroutines alive at
//! the end as Go's tools print them, `lessons::gotools::GoroutineDump`; docs/REPORT.md).
//! Without it, the program's output goes to stdout, what it wrote to stderr and a human summary
//! to stderr. Exit code 0 for any outcome the program produced (panics and
//! deadlocks included), 2 for usage errors.
//!
//! When FILE is a lesson's `bad.go` or `good.go` (its folder is `NN-slug` of a catalog lesson
//! with a `[harm]` table and the other side sits next to it), the other side runs too, with the
//! same options, and the report gains `verdict`: this side's `lessons::catalog::SideVerdict`
//! (`tone` ok/warn/bad, `en`, `zh`, `figures`) plus `lesson` and `side`, exactly what the page
//! shows.
//!
//! `--race` runs Go's race detector (`docs/ARCHITECTURE.md` § Race detector): each race found is
//! printed on stderr as Go prints it, then `Found N data race(s)`, and the exit code is 66, as
//! with `go run -race`. With `--json` the races are the report's `races` (both accesses'
//! goroutine, op, line, function, call stack, step and event index, and Go's text) and the exit
//! code stays 0: the data is the answer.
//!
//! `--go 1.21` runs the program with the semantics Go had before 1.22 and 1.23 where they
//! changed (one loop variable per loop, asynchronous timer channels: `lessons::runtime::GoVersion`);
//! the default is `--go 1.27`.

#[path = "golite/check.rs"]
mod check;

use lessons::catalog::{SideVerdict, harm_of, judge};
use lessons::golite::{self, RunOptions};
use lessons::gotools::GoroutineDump;
use lessons::runtime::{Outcome, RunReport};
use std::process::ExitCode;

#[path = "golite/explore_cli.rs"]
mod explore_cli;

const USAGE: &str = "usage: golite run FILE.go [--seed N] [--set NAME=VALUE]... [--preempt-every N] [--race] [--schedule S] [--go VERSION] [--net-latency-us N] [--json]
       golite explore FILE.go [--budget N] [--seed N] [--set NAME=VALUE]... [--preempt-every N] [--json]
       golite check LESSON FILE.go [--json]";

/// The parsed command line.
struct Args {
    file: String,
    seed: u64,
    sets: Vec<(String, String)>,
    /// Seeded preemption, as a lesson's `preempt_every` (lesson 15 runs with 5).
    preempt_every: Option<u64>,
    race: bool,
    go: golite::GoVersion,
    /// The virtual network's latency in microseconds (`--net-latency-us`).
    net_latency_us: i64,
    json: bool,
    /// `explore` instead of `run`, with its budget of runs.
    explore: Option<usize>,
    /// An explicit schedule to replay (`lessons::runtime::parse_schedule`).
    schedule: Option<String>,
}

/// Parses `--preempt-every`'s value: a mean number of steps, at least 1.
fn preempt_every(v: &str) -> Result<u64, String> {
    match v.parse::<u64>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!(
            "--preempt-every: {v:?} is not a whole number of steps >= 1"
        )),
    }
}

fn parse_args(mut it: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut explore = None;
    match it.next().as_deref() {
        Some("run") => {}
        Some("explore") => explore = Some(100),
        Some("-h") | Some("--help") | None => return Err(USAGE.into()),
        Some(other) => return Err(format!("unknown command {other:?}\n{USAGE}")),
    }
    let mut file = None;
    let mut seed = 1u64;
    let mut sets = Vec::new();
    let mut preempt = None;
    let mut json = false;
    let mut race = false;
    let mut net_latency_us = 0i64;
    let mut schedule = None;
    let mut go = golite::GoVersion::default();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--budget" if explore.is_some() => {
                let v = it.next().ok_or("--budget needs a value")?;
                explore = Some(
                    v.parse()
                        .ok()
                        .filter(|&n: &usize| n >= 1)
                        .ok_or_else(|| format!("--budget: {v:?} is not a whole number >= 1"))?,
                );
            }
            "--schedule" if explore.is_none() => {
                schedule = Some(it.next().ok_or("--schedule needs a value")?);
            }
            "--json" => json = true,
            "--net-latency-us" => {
                let v = it.next().ok_or("--net-latency-us needs a value")?;
                net_latency_us = v
                    .parse()
                    .ok()
                    .filter(|x: &i64| (0..=60_000_000).contains(x))
                    .ok_or_else(|| {
                        format!("--net-latency-us: {v:?} is not a whole number from 0 to 60000000")
                    })?;
            }
            "--race" => race = true,
            "--go" => {
                let v = it.next().ok_or("--go needs a version (1.21 or 1.27)")?;
                go = golite::GoVersion::parse(&v).map_err(|e| format!("--go: {e}"))?;
            }
            s if s.starts_with("--go=") => {
                go = golite::GoVersion::parse(&s["--go=".len()..])
                    .map_err(|e| format!("--go: {e}"))?;
            }
            "--seed" => {
                let v = it.next().ok_or("--seed needs a value")?;
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed: {v:?} is not a non-negative integer"))?;
            }
            "--set" => {
                let v = it.next().ok_or("--set needs NAME=VALUE")?;
                let (n, x) = v
                    .split_once('=')
                    .ok_or_else(|| format!("--set: expected NAME=VALUE, got {v:?}"))?;
                sets.push((n.trim().to_string(), x.trim().to_string()));
            }
            "--preempt-every" => {
                let v = it.next().ok_or("--preempt-every needs a value")?;
                preempt = Some(preempt_every(&v)?);
            }
            s if s.starts_with("--preempt-every=") => {
                preempt = Some(preempt_every(&s["--preempt-every=".len()..])?);
            }
            s if s.starts_with("--seed=") => {
                let v = &s[7..];
                seed = v
                    .parse()
                    .map_err(|_| format!("--seed: {v:?} is not a non-negative integer"))?;
            }
            s if s.starts_with("--set=") => {
                let v = &s[6..];
                let (n, x) = v
                    .split_once('=')
                    .ok_or_else(|| format!("--set: expected NAME=VALUE, got {v:?}"))?;
                sets.push((n.trim().to_string(), x.trim().to_string()));
            }
            s if s.starts_with("--") => return Err(format!("unknown flag {s}\n{USAGE}")),
            s => {
                if file.is_some() {
                    return Err(format!("only one file may be run, got {s:?} too\n{USAGE}"));
                }
                file = Some(s.to_string());
            }
        }
    }
    let file = file.ok_or_else(|| format!("missing FILE.go\n{USAGE}"))?;
    Ok(Args {
        file,
        seed,
        sets,
        preempt_every: preempt,
        race,
        go,
        net_latency_us,
        json,
        explore,
        schedule,
    })
}

/// What the human output leaves out: golite keeps the first `MAX_OUTPUT_BYTES` or
/// `MAX_OUTPUT_LINES` of each stream and only counts the rest.
fn truncation_notes(r: &RunReport) -> Vec<String> {
    let keeps = format!(
        "golite keeps the first {} bytes or {} lines",
        lessons::runtime::MAX_OUTPUT_BYTES,
        lessons::runtime::MAX_OUTPUT_LINES
    );
    let mut notes = Vec::new();
    if r.output_truncated {
        notes.push(format!(
            "[stdout truncated: the program printed {} bytes in {} lines; {keeps}]",
            r.output_bytes, r.output_lines
        ));
    }
    if r.stderr_truncated {
        notes.push(format!(
            "[stderr truncated: the program wrote {} bytes; {keeps}]",
            r.stderr_bytes
        ));
    }
    notes
}

/// The human summary printed on stderr.
fn summary(r: &RunReport) -> String {
    let mut s = match r.outcome {
        Outcome::Exit => match r.exit_code {
            Some(code) => format!("exit: os.Exit({code})"),
            None => "exit".to_string(),
        },
        Outcome::Deadlock => format!("deadlock: fatal error: {}", r.panic),
        Outcome::Panic => format!("panic: {}", r.panic),
        Outcome::Fatal => format!("fatal error: {}", r.panic),
        Outcome::CompileError => format!("compile error: {}", r.panic),
        Outcome::Limit => format!("limit: {}", r.panic),
    };
    s.push_str(&format!(
        "\nvirtual time {}, {} steps, peak {} goroutines, peak heap {} bytes",
        lessons::golite::duration_string(r.virtual_time_ns),
        r.steps,
        r.peak_goroutines,
        r.peak_heap_bytes
    ));
    for l in &r.leaked {
        s.push_str(&format!(
            "\nleaked: {} goroutine{} at line {} ({})",
            l.count,
            if l.count == 1 { "" } else { "s" },
            l.line,
            l.state
        ));
    }
    s
}

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some("check") {
        return check::main(std::env::args().skip(2).collect());
    }
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let src = match std::fs::read_to_string(&args.file) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("golite: cannot read {}: {e}", args.file);
            return ExitCode::from(2);
        }
    };
    let name = std::path::Path::new(&args.file)
        .file_name()
        .map_or(args.file.clone(), |n| n.to_string_lossy().into_owned());
    // Parameter errors are usage errors: say so clearly and exit 2.
    if !args.sets.is_empty()
        && let Err(e) = golite::compile(&name, &src, &args.sets)
        && e.line == 0
    {
        eprintln!("golite: {}", e.msg);
        return ExitCode::from(2);
    }
    let opts = RunOptions {
        seed: args.seed,
        params: args.sets,
        preempt_every: args.preempt_every,
        race: args.race,
        go: args.go,
        net_latency_ns: args.net_latency_us * 1000,
        // A lesson's program runs on the lesson's network, as the page runs it.
        net_links: lesson_slug(std::path::Path::new(&args.file))
            .map_or_else(Vec::new, |s| lessons::catalog::links_of(&s).to_vec()),
        ..RunOptions::default()
    };
    if let Some(budget) = args.explore {
        return explore_cli::explore(&name, &src, &opts, budget, args.json);
    }
    let report = match &args.schedule {
        None => golite::run_source_then_exit(&name, &src, &opts),
        Some(text) => match explore_cli::replay(&name, &src, &opts, text) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("golite: --schedule: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let verdict = lesson_verdict(&args.file, &report, &opts);
    if args.json {
        // The report's fields keep their order; `goroutine_dump`, then `verdict`, come last.
        let verdict = verdict
            .as_ref()
            .map(|(lesson, side, v)| CliVerdict { lesson, side, v });
        let dump = GoroutineDump::new(&report.goroutines, &name);
        let json = serde_json::to_string(&report).and_then(|mut j| {
            // What Go's tools would print about the goroutines alive at the end.
            j.pop();
            j.push_str(",\"goroutine_dump\":");
            j.push_str(&serde_json::to_string(&dump)?);
            j.push('}');
            if let Some(v) = &verdict {
                j.pop();
                j.push_str(",\"verdict\":");
                j.push_str(&serde_json::to_string(v)?);
                j.push('}');
            }
            Ok(j)
        });
        match json {
            Ok(j) => write_stdout(&format!("{j}\n")),
            Err(e) => {
                eprintln!("golite: cannot encode the report: {e}");
                return ExitCode::from(2);
            }
        }
    } else {
        write_stdout(&report.stdout);
        eprint!("{}", report.stderr);
        for note in truncation_notes(&report) {
            eprintln!("{note}");
        }
        for r in &report.races {
            eprint!("{}", r.text);
        }
        if !report.races.is_empty() {
            eprintln!("Found {} data race(s)", report.races.len());
        }
        eprintln!("{}", summary(&report));
        if let Some((_, _, v)) = &verdict {
            eprintln!("verdict ({}): {}", tone_word(v), v.en);
        }
    }
    if report.races.is_empty() || args.json {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(66)
    }
}

/// Writes to stdout, ignoring a reader that went away (`golite run F.go --json | true`): Rust
/// ignores SIGPIPE, so `println!` would panic on the broken pipe instead.
fn write_stdout(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    // Nothing useful can be done when stdout is closed or full: the run itself is over.
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// `verdict` in the JSON: the lesson, the side, then the side's verdict.
#[derive(serde::Serialize)]
struct CliVerdict<'a> {
    lesson: &'a str,
    side: &'a str,
    #[serde(flatten)]
    v: &'a SideVerdict,
}

fn tone_word(v: &SideVerdict) -> &'static str {
    match v.tone {
        lessons::catalog::Tone::Ok => "ok",
        lessons::catalog::Tone::Warn => "warn",
        lessons::catalog::Tone::Bad => "bad",
    }
}

/// This side's verdict when `file` is a catalog lesson's `bad.go` or `good.go`: runs the other
/// side (read from disk, so local edits count) with the same options and judges both.
fn lesson_verdict(
    file: &str,
    report: &RunReport,
    opts: &RunOptions,
) -> Option<(String, String, SideVerdict)> {
    let path = std::path::Path::new(file);
    let side = path.file_stem()?.to_str()?;
    let other = match side {
        "bad" => "good",
        "good" => "bad",
        _ => return None,
    };
    let dir = path.parent()?;
    let slug = lesson_slug(path)?;
    let harm = harm_of(&slug)?;
    let other_src = std::fs::read_to_string(dir.join(format!("{other}.go"))).ok()?;
    let other_report = golite::run_source(&format!("{other}.go"), &other_src, opts);
    let v = if side == "bad" {
        judge(harm, report, &other_report).bad
    } else {
        judge(harm, &other_report, report).good
    };
    Some((slug, side.to_string(), v))
}

/// The slug of the lesson whose folder (`NN-slug`) holds `file`.
fn lesson_slug(file: &std::path::Path) -> Option<String> {
    let folder = file.parent()?.file_name()?.to_str()?;
    let (num, slug) = folder.split_once('-')?;
    if num.len() != 2 || !num.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(slug.to_string())
}
