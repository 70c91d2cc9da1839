//! The end-of-run report: the JSON object of docs/ARCHITECTURE.md § The CLI contract, plus golite's `measures`; every field
//! is documented in `docs/REPORT.md`.

use serde::{Deserialize, Serialize};

use super::dump::GoroutineStack;
use super::measures::Measures;

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Exit,
    Deadlock,
    Panic,
    Fatal,
    CompileError,
    Limit,
}

impl Outcome {
    /// The outcome as docs/ARCHITECTURE.md § The CLI contract spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Exit => "exit",
            Outcome::Deadlock => "deadlock",
            Outcome::Panic => "panic",
            Outcome::Fatal => "fatal",
            Outcome::CompileError => "compile_error",
            Outcome::Limit => "limit",
        }
    }
}

/// Goroutines still alive after main returned, grouped by what they were blocked in and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Leak {
    pub state: String,
    pub line: u32,
    pub count: u32,
}

/// Summary of a finished (or unfinished) run. Field order is the JSON's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunReport {
    pub outcome: Outcome,
    /// What Go prints after `panic: ` or `fatal error: `; empty for `exit`.
    pub panic: String,
    /// What the program printed, at most `MAX_OUTPUT_BYTES` or `MAX_OUTPUT_LINES` of it.
    pub stdout: String,
    /// Bytes printed to stdout in all, kept or not.
    #[serde(default)]
    pub output_bytes: u64,
    /// Lines printed to stdout in all (an unterminated last line counts).
    #[serde(default)]
    pub output_lines: u64,
    /// `stdout` holds only the start of what was printed.
    #[serde(default)]
    pub output_truncated: bool,
    /// What the program wrote to stderr: `print`/`println`, `log`, `fmt.Fprint(os.Stderr, ...)`,
    /// kept as `stdout` is.
    #[serde(default)]
    pub stderr: String,
    /// Bytes written to stderr in all.
    #[serde(default)]
    pub stderr_bytes: u64,
    /// `stderr` holds only the start of what was written.
    #[serde(default)]
    pub stderr_truncated: bool,
    /// The virtual clock when main returned (or when the run ended otherwise).
    pub virtual_time_ns: i64,
    /// Sorted by line, then state; only filled for outcome `exit`.
    pub leaked: Vec<Leak>,
    pub steps: u64,
    pub peak_goroutines: u64,
    pub peak_heap_bytes: u64,
    /// The status the program passed to `os.Exit` (outcome `exit`, no leaks reported: Go ends
    /// at once); absent when main returned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit_code: Option<i32>,
    /// What the run did, measured (see [`Measures`]): heap growth, contention, spinning,
    /// goroutine lifetimes, recovered panics. Absent in older JSON: all zero.
    #[serde(default)]
    pub measures: Measures,
    /// Data races found (runs with the race detector on), in the order they were found;
    /// absent from the JSON when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub races: Vec<super::race::RaceReport>,
    /// The part of `leaked` that can never wake (reachability, see
    /// [`super::Runtime::reachability`]); same grouping. Absent in older JSON: empty.
    #[serde(default)]
    pub leaked_certain: Vec<Leak>,
    /// Every goroutine alive when the run ended, with its stack, creator and leak verdict.
    #[serde(default)]
    pub goroutines: Vec<GoroutineStack>,
}
