//! Expected verdicts of a lesson (what `lesson.toml` promises) and the comparison with what a run
//! actually reported, whether the run was golite's or real Go's (both speak the JSON of docs/ARCHITECTURE.md § The CLI contract).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// How a run ended, in the words of docs/ARCHITECTURE.md § The CLI contract.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// main returned.
    Exit,
    /// `fatal error: all goroutines are asleep - deadlock!`
    Deadlock,
    /// An unrecovered panic in any goroutine.
    Panic,
    /// A Go fatal error other than deadlock (e.g. unlock of unlocked mutex).
    Fatal,
    /// The program did not compile.
    CompileError,
    /// A step, goroutine or heap limit stopped the run.
    Limit,
}

impl Outcome {
    /// The JSON spelling, for messages.
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

/// Goroutines still alive when main returned, grouped as Go's goroutine dump shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeakGroup {
    /// Go's wait reason, e.g. `chan send`.
    pub state: String,
    /// 1-based line of the lesson file where they are parked.
    pub line: u32,
    /// How many goroutines.
    pub count: u64,
}

/// The wait reasons a leak may name (Go's own words, docs/ARCHITECTURE.md § Runtime).
pub const LEAK_STATES: &[&str] = &[
    "chan send",
    "chan receive",
    "select",
    "select (no cases)",
    "sleep",
    "sync.WaitGroup.Wait",
    "sync.Mutex.Lock",
    "sync.RWMutex.RLock",
    "sync.RWMutex.Lock",
    "sync.Cond.Wait",
    "chan send (nil chan)",
    "chan receive (nil chan)",
    "IO wait",
];

/// A number that is either stated exactly or bounded, because some figures (modeled heap bytes,
/// interpreter steps) are the point only as an order of magnitude.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Bound {
    /// Exactly this value.
    Exact(u64),
    /// Within these inclusive bounds; either may be absent.
    Range {
        /// Smallest accepted value.
        #[serde(default)]
        at_least: Option<u64>,
        /// Largest accepted value.
        #[serde(default)]
        at_most: Option<u64>,
    },
}

impl Bound {
    /// Whether `v` satisfies the bound.
    pub fn holds(&self, v: u64) -> bool {
        match *self {
            Bound::Exact(x) => v == x,
            Bound::Range { at_least, at_most } => {
                at_least.is_none_or(|lo| v >= lo) && at_most.is_none_or(|hi| v <= hi)
            }
        }
    }

    fn describe(&self) -> String {
        match *self {
            Bound::Exact(x) => format!("{x}"),
            Bound::Range { at_least, at_most } => match (at_least, at_most) {
                (Some(lo), Some(hi)) => format!("{lo}..={hi}"),
                (Some(lo), None) => format!(">= {lo}"),
                (None, Some(hi)) => format!("<= {hi}"),
                (None, None) => "anything".into(),
            },
        }
    }
}

/// What one side (bad or good) must report at one parameter set. Absent fields are not checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verdict {
    /// How the run ends.
    pub outcome: Outcome,
    /// What Go prints after `panic: ` or `fatal error: ` (first line), e.g.
    /// `send on closed channel` or `all goroutines are asleep - deadlock!`; required for `panic`,
    /// `fatal` and `deadlock`.
    #[serde(default)]
    pub panic: Option<String>,
    /// The exact leak groups, sorted by line then state; required for `exit`.
    #[serde(default)]
    pub leaked: Option<Vec<LeakGroup>>,
    /// The exact program output.
    #[serde(default)]
    pub stdout: Option<String>,
    /// Substrings the output must contain, for outputs that are only partly the point.
    #[serde(default)]
    pub stdout_contains: Vec<String>,
    /// The virtual clock when main returned.
    #[serde(default)]
    pub virtual_time_ns: Option<Bound>,
    /// Most goroutines alive at once (golite only: real Go does not report it).
    #[serde(default)]
    pub peak_goroutines: Option<Bound>,
    /// Peak modeled heap (golite only).
    #[serde(default)]
    pub peak_heap_bytes: Option<Bound>,
    /// Interpreter steps, the lesson's "CPU" (golite only).
    #[serde(default)]
    pub steps: Option<Bound>,
    /// `measures.heap_final_bytes` (golite only).
    #[serde(default)]
    pub heap_final_bytes: Option<Bound>,
    /// `measures.heap_allocated_bytes` (golite only).
    #[serde(default)]
    pub heap_allocated_bytes: Option<Bound>,
    /// `measures.wait_ns.mutex` (golite only).
    #[serde(default)]
    pub wait_mutex_ns: Option<Bound>,
    /// `measures.lifetime_p50_ns` (golite only).
    #[serde(default)]
    pub lifetime_p50_ns: Option<Bound>,
    /// `measures.lifetime_p99_ns` (golite only).
    #[serde(default)]
    pub lifetime_p99_ns: Option<Bound>,
    /// `measures.spin_steps` (golite only).
    #[serde(default)]
    pub spin_steps: Option<Bound>,
    /// The tone [`super::harm::judge`] gives this side against the other side's run at the
    /// same parameters (checked by `lessons/tests/harm_verdicts.rs`, which runs both).
    #[serde(default)]
    pub tone: Option<super::harm::Tone>,
}

/// One run's report in the shape of docs/ARCHITECTURE.md § The CLI contract. Fields real Go cannot measure are optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Observed {
    /// `exit`, `deadlock`, ...
    pub outcome: String,
    /// What Go printed after `panic: ` or `fatal error: `, or empty.
    #[serde(default)]
    pub panic: String,
    /// Everything printed.
    #[serde(default)]
    pub stdout: String,
    /// The clock when main returned; absent where real Go cannot tell (some panics).
    #[serde(default)]
    pub virtual_time_ns: Option<u64>,
    /// Leak groups, sorted by line then state.
    #[serde(default)]
    pub leaked: Vec<LeakGroup>,
    /// Interpreter steps (golite only).
    #[serde(default)]
    pub steps: Option<u64>,
    /// Most goroutines alive at once (golite only).
    #[serde(default)]
    pub peak_goroutines: Option<u64>,
    /// Peak modeled heap (golite only).
    #[serde(default)]
    pub peak_heap_bytes: Option<u64>,
    /// The run's measures (golite only).
    #[serde(default)]
    pub measures: Option<ObservedMeasures>,
}

/// The measures an expectation can state (a subset of [`crate::runtime::Measures`]).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ObservedMeasures {
    #[serde(default)]
    pub heap_final_bytes: u64,
    #[serde(default)]
    pub heap_allocated_bytes: u64,
    #[serde(default)]
    pub wait_ns: ObservedWaits,
    #[serde(default)]
    pub lifetime_p50_ns: u64,
    #[serde(default)]
    pub lifetime_p99_ns: u64,
    #[serde(default)]
    pub spin_steps: u64,
}

/// The waits an expectation can state.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ObservedWaits {
    #[serde(default)]
    pub mutex: u64,
}

impl Verdict {
    /// Every way `obs` differs from this verdict, one sentence each; empty when it holds.
    /// Figures the report lacks (golite-only ones in a real-Go run) are not compared.
    pub fn mismatches(&self, obs: &Observed) -> Vec<String> {
        let mut out = Vec::new();
        if obs.outcome != self.outcome.as_str() {
            out.push(format!(
                "outcome: want {}, got {}",
                self.outcome.as_str(),
                obs.outcome
            ));
        }
        if let Some(p) = &self.panic
            && *p != obs.panic
        {
            out.push(format!("panic: want {p:?}, got {:?}", obs.panic));
        }
        if let Some(l) = &self.leaked
            && *l != obs.leaked
        {
            out.push(format!(
                "leaked: want {}, got {}",
                describe_leaks(l),
                describe_leaks(&obs.leaked)
            ));
        }
        if let Some(s) = &self.stdout
            && *s != obs.stdout
        {
            out.push(format!("stdout: want {s:?}, got {:?}", obs.stdout));
        }
        for s in &self.stdout_contains {
            if !obs.stdout.contains(s.as_str()) {
                out.push(format!("stdout lacks {s:?}: got {:?}", obs.stdout));
            }
        }
        let figures = [
            ("virtual_time_ns", self.virtual_time_ns, obs.virtual_time_ns),
            ("peak_goroutines", self.peak_goroutines, obs.peak_goroutines),
            ("peak_heap_bytes", self.peak_heap_bytes, obs.peak_heap_bytes),
            ("steps", self.steps, obs.steps),
        ];
        let m = obs.measures.as_ref();
        let measured = [
            (
                "heap_final_bytes",
                self.heap_final_bytes,
                m.map(|m| m.heap_final_bytes),
            ),
            (
                "heap_allocated_bytes",
                self.heap_allocated_bytes,
                m.map(|m| m.heap_allocated_bytes),
            ),
            (
                "wait_mutex_ns",
                self.wait_mutex_ns,
                m.map(|m| m.wait_ns.mutex),
            ),
            (
                "lifetime_p50_ns",
                self.lifetime_p50_ns,
                m.map(|m| m.lifetime_p50_ns),
            ),
            (
                "lifetime_p99_ns",
                self.lifetime_p99_ns,
                m.map(|m| m.lifetime_p99_ns),
            ),
            ("spin_steps", self.spin_steps, m.map(|m| m.spin_steps)),
        ];
        let figures = figures.into_iter().chain(measured);
        for (name, want, got) in figures {
            if let (Some(want), Some(got)) = (want, got)
                && !want.holds(got)
            {
                out.push(format!("{name}: want {}, got {got}", want.describe()));
            }
        }
        out
    }

    /// Problems with the verdict itself (not with any run), for the catalog's validation.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        match self.outcome {
            Outcome::Panic | Outcome::Fatal | Outcome::Deadlock
                if self.panic.as_deref().is_none_or(str::is_empty) =>
            {
                out.push(format!(
                    "outcome {} needs a panic message",
                    self.outcome.as_str()
                ));
            }
            Outcome::Exit if self.leaked.is_none() => {
                out.push("outcome exit needs `leaked` (use [] for none)".into());
            }
            _ => {}
        }
        if let Some(leaks) = &self.leaked {
            for g in leaks {
                if !LEAK_STATES.contains(&g.state.as_str()) {
                    out.push(format!("unknown leak state {:?}", g.state));
                }
                if g.count == 0 || g.line == 0 {
                    out.push(format!("leak group {g:?} needs a line and a count > 0"));
                }
            }
            let sorted = leaks
                .windows(2)
                .all(|w| (w[0].line, &w[0].state) < (w[1].line, &w[1].state));
            if !sorted {
                out.push("leaked groups must be sorted by line then state, no repeats".into());
            }
        }
        out
    }
}

fn describe_leaks(l: &[LeakGroup]) -> String {
    if l.is_empty() {
        return "none".into();
    }
    l.iter()
        .map(|g| format!("{} at line {} ({})", g.count, g.line, g.state))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One row of `[[expect]]`: a parameter set and both sides' verdicts there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expectation {
    /// Parameter overrides; `{}` means the defaults.
    #[serde(default)]
    pub params: BTreeMap<String, i64>,
    /// The Go release whose semantics this row runs with; `None` is the lesson's `go`.
    #[serde(default)]
    pub go: Option<crate::runtime::GoVersion>,
    /// The anti-pattern's verdict.
    pub bad: Verdict,
    /// The fix's verdict.
    pub good: Verdict,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(toml_src: &str) -> Result<Verdict, String> {
        toml::from_str(toml_src).map_err(|e| e.to_string())
    }

    fn obs_exit(leaked: Vec<LeakGroup>) -> Observed {
        Observed {
            outcome: "exit".into(),
            leaked,
            ..Observed::default()
        }
    }

    #[test]
    fn a_matching_leak_report_has_no_mismatch() {
        let v = verdict(
            "outcome = \"exit\"\nleaked = [{ state = \"chan send\", line = 14, count = 6 }]",
        );
        let o = obs_exit(vec![LeakGroup {
            state: "chan send".into(),
            line: 14,
            count: 6,
        }]);
        assert_eq!(v.map(|v| v.mismatches(&o)), Ok(vec![]));
    }

    #[test]
    fn a_wrong_leak_count_is_reported_in_words() {
        let v = verdict(
            "outcome = \"exit\"\nleaked = [{ state = \"chan send\", line = 14, count = 6 }]",
        );
        let o = obs_exit(vec![LeakGroup {
            state: "chan send".into(),
            line: 14,
            count: 5,
        }]);
        assert_eq!(
            v.map(|v| v.mismatches(&o)),
            Ok(vec![
                "leaked: want 6 at line 14 (chan send), got 5 at line 14 (chan send)".into()
            ])
        );
    }

    #[test]
    fn a_range_bound_accepts_inside_and_rejects_outside() {
        let b = Bound::Range {
            at_least: Some(10),
            at_most: Some(20),
        };
        assert_eq!(
            (b.holds(9), b.holds(10), b.holds(20), b.holds(21)),
            (false, true, true, false)
        );
    }

    #[test]
    fn golite_only_figures_are_skipped_for_real_go_reports() {
        let v = verdict("outcome = \"exit\"\nleaked = []\nsteps = { at_least = 1000 }");
        assert_eq!(v.map(|v| v.mismatches(&obs_exit(vec![]))), Ok(vec![]));
    }

    #[test]
    fn a_panic_verdict_without_message_is_a_problem() {
        let v = verdict("outcome = \"panic\"");
        assert_eq!(
            v.map(|v| v.problems()),
            Ok(vec!["outcome panic needs a panic message".into()])
        );
    }

    #[test]
    fn unsorted_leak_groups_are_a_problem() {
        let v = verdict(
            "outcome = \"exit\"\nleaked = [{ state = \"sleep\", line = 9, count = 1 }, { state = \"chan send\", line = 3, count = 1 }]",
        );
        assert_eq!(
            v.map(|v| v.problems()),
            Ok(vec![
                "leaked groups must be sorted by line then state, no repeats".into()
            ])
        );
    }

    #[test]
    fn an_unknown_field_is_rejected() {
        assert!(verdict("outcome = \"exit\"\nleaks = []").is_err());
    }
}
