//! Finding a failing schedule (issue 21): run a program under many schedules until one
//! deadlocks, panics, races, leaks or prints something other than the first run did, and
//! return that run's seed and schedule so the player (and a link) can replay it exactly.
//!
//! Run 1 is the program as the page shows it: the given seed, Go's order. Then the runs
//! alternate between a fresh seed in Go's order (select choices, seeded preemption and
//! math/rand move), PCT ([`pct`]) and a random walk over explicit schedules (`runtime/schedule.rs`), whose
//! decisions fall at every new line, so even `x := n; n = x + 1` can interleave. The race
//! detector is on in every run. An [`Explorer`] runs in slices of steps, so a page can spread
//! a search over frames.

pub mod challenges;
pub mod pct;

use crate::golite::{self, Program, RunOptions, Value};
use crate::runtime::{Outcome, Progress, Replay, RunReport, Runtime, format_schedule};

/// Why a run counts as failing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    Deadlock,
    /// A panic or a fatal error, with Go's message.
    Panic(String),
    /// The race detector reported a data race (the line of the later access).
    Race(u32),
    /// Goroutines were still blocked when main returned (state and line of the first group).
    Leak(String, u32),
    /// The output differs from the first run's.
    Output,
}

impl Failure {
    /// A short name, as the CLI's JSON spells it.
    pub fn kind(&self) -> &'static str {
        match self {
            Failure::Deadlock => "deadlock",
            Failure::Panic(_) => "panic",
            Failure::Race(_) => "race",
            Failure::Leak(..) => "leak",
            Failure::Output => "output",
        }
    }

    /// One English sentence for people.
    pub fn describe(&self) -> String {
        match self {
            Failure::Deadlock => "all goroutines are asleep - deadlock!".to_string(),
            Failure::Panic(m) => format!("panic: {m}"),
            Failure::Race(line) => format!("data race at line {line}"),
            Failure::Leak(state, line) => {
                format!("goroutine leaked, blocked in {state} at line {line}")
            }
            Failure::Output => "prints something different from the first run".to_string(),
        }
    }

    /// [`Failure::describe`] in Chinese (Go's own panic and deadlock messages stay as Go
    /// prints them).
    pub fn describe_zh(&self) -> String {
        match self {
            Failure::Deadlock => "死锁：所有 goroutine 都在休眠！".to_string(),
            Failure::Panic(m) => format!("panic：{m}"),
            Failure::Race(line) => format!("第 {line} 行有数据竞争"),
            Failure::Leak(state, line) => format!(
                "goroutine 泄漏，阻塞在第 {line} 行（{}）",
                crate::catalog::zh::state(state)
            ),
            Failure::Output => "输出与第一次运行不同".to_string(),
        }
    }
}

/// Which schedule a run followed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// The seeded runtime in Go's order.
    Seed,
    /// PCT with this depth.
    Pct(usize),
    /// A uniformly random choice at every decision.
    Random,
}

/// A failing run: enough to replay it ([`replay`]) and to say what failed.
#[derive(Clone, Debug)]
pub struct Found {
    /// Runs tried, this one included.
    pub tried: usize,
    pub failure: Failure,
    pub seed: u64,
    /// The explicit schedule (`format_schedule`'s text), `None` for a seeded run in Go's order.
    pub schedule: Option<String>,
    pub strategy: Strategy,
    pub report: RunReport,
}

/// Where a search is.
#[derive(Clone, Debug)]
pub enum Explored {
    Running,
    Found(Box<Found>),
    /// Every run of the budget behaved like the first.
    Exhausted {
        tried: usize,
    },
}

/// The judge: how `r` fails, compared with the first run's output (`None` for the first run).
pub fn failure_of(r: &RunReport, first_stdout: Option<&str>) -> Option<Failure> {
    match r.outcome {
        Outcome::Deadlock => return Some(Failure::Deadlock),
        Outcome::Panic | Outcome::Fatal => return Some(Failure::Panic(r.panic.clone())),
        Outcome::Exit | Outcome::CompileError | Outcome::Limit => {}
    }
    if let Some(race) = r.races.first() {
        return Some(Failure::Race(race.access.line));
    }
    if let Some(l) = r.leaked.first() {
        return Some(Failure::Leak(l.state.clone(), l.line));
    }
    // A run cut short by a limit (PCT can starve a goroutine that spins waiting for another)
    // says nothing about the program's output.
    match first_stdout {
        Some(first) if r.outcome == Outcome::Exit && r.stdout != first => Some(Failure::Output),
        _ => None,
    }
}

/// The options of one exploration run: the caller's, with the race detector on.
fn run_options(base: &RunOptions, seed: u64, decide: bool, max_steps: u64) -> RunOptions {
    let mut o = base.clone();
    o.seed = seed;
    o.race = true;
    o.decide = decide;
    o.limits.steps = o.limits.steps.min(max_steps);
    o
}

/// Starts a replay of a found (or shared) run: `schedule` as [`format_schedule`] wrote it, or
/// `None` for a seeded run in Go's order. Records events, for the player.
pub fn replay(
    program: &Program,
    base: &RunOptions,
    seed: u64,
    schedule: Option<&[crate::runtime::Gid]>,
) -> Runtime<Value> {
    let opts = run_options(base, seed, schedule.is_some(), u64::MAX);
    let mut rt = golite::start(program, &opts);
    if let Some(s) = schedule {
        rt.set_chooser(Box::new(Replay {
            choices: s.to_vec(),
            pause_after: false,
        }));
    }
    rt
}

struct Attempt {
    rt: Runtime<Value>,
    seed: u64,
    strategy: Strategy,
}

/// A search for a failing schedule, run in slices ([`Explorer::step`]).
pub struct Explorer {
    program: Program,
    base: RunOptions,
    budget: usize,
    tried: usize,
    first_stdout: Option<String>,
    /// Steps per run cap, set from the first run (a starved spin loop must not run 100 M).
    max_steps: u64,
    /// Decisions in the last PCT run, where the next one's change points fall.
    decisions: usize,
    current: Option<Attempt>,
}

impl Explorer {
    /// A search of at most `budget` runs of `program`; `base` gives the seed of the first run
    /// (and of the series of seeds), parameters, limits and preemption.
    pub fn new(program: Program, base: RunOptions, budget: usize) -> Self {
        Explorer {
            program,
            base,
            budget,
            tried: 0,
            first_stdout: None,
            max_steps: u64::MAX,
            decisions: 64,
            current: None,
        }
    }

    /// Runs tried so far (the current one included).
    pub fn tried(&self) -> usize {
        self.tried
    }

    /// Runs the search for about `steps` interpreter steps.
    pub fn step(&mut self, steps: u64) -> Explored {
        let mut left = steps;
        loop {
            if self.current.is_none() {
                if self.tried >= self.budget {
                    return Explored::Exhausted { tried: self.tried };
                }
                self.current = Some(self.next_attempt());
            }
            let Some(a) = self.current.as_mut() else {
                continue;
            };
            let before = a.rt.steps();
            let p = a.rt.run_slice(left.max(1));
            let used = a.rt.steps() - before;
            if p == Progress::Running {
                return Explored::Running;
            }
            left = left.saturating_sub(used.max(1));
            let Some(a) = self.current.take() else {
                continue;
            };
            let report = a.rt.report();
            let schedule = match a.strategy {
                Strategy::Seed => None,
                Strategy::Pct(_) | Strategy::Random => {
                    self.decisions = self.decisions.max(a.rt.schedule().len());
                    Some(format_schedule(a.rt.schedule()))
                }
            };
            golite::discard(a.rt);
            let failure = failure_of(&report, self.first_stdout.as_deref());
            if self.first_stdout.is_none() {
                self.first_stdout = Some(report.stdout.clone());
                self.max_steps = report.steps.saturating_mul(20).max(2_000_000);
            }
            if let Some(failure) = failure {
                return Explored::Found(Box::new(Found {
                    tried: self.tried,
                    failure,
                    seed: a.seed,
                    schedule,
                    strategy: a.strategy,
                    report,
                }));
            }
            if left == 0 {
                return Explored::Running;
            }
        }
    }

    /// Runs the whole search.
    pub fn run(&mut self) -> Explored {
        loop {
            match self.step(1_000_000) {
                Explored::Running => {}
                done => return done,
            }
        }
    }

    fn next_attempt(&mut self) -> Attempt {
        let n = self.tried as u64;
        self.tried += 1;
        // Run 1: the page's run. Then, in turn: Go's order with a fresh seed, PCT with depths
        // 1, 2, 3 (depth 1: random priorities only), and a random walk.
        let seed = mix(self.base.seed, n);
        let strategy = match (n, n % 3) {
            (0, _) => Strategy::Seed,
            (_, 1) => Strategy::Seed,
            (_, 2) => Strategy::Pct(1 + (n as usize / 3) % 3),
            _ => Strategy::Random,
        };
        let seed = if n == 0 { self.base.seed } else { seed };
        let decide = strategy != Strategy::Seed;
        let opts = run_options(&self.base, seed, decide, self.max_steps);
        let mut rt = golite::start_unrecorded(&self.program, &opts);
        match strategy {
            Strategy::Seed => {}
            Strategy::Pct(depth) => rt.set_chooser(Box::new(pct::Pct::new(
                mix(seed, 0x5EED),
                depth,
                self.decisions,
            ))),
            Strategy::Random => rt.set_chooser(Box::new(pct::RandomWalk::new(mix(seed, 0x5EED)))),
        }
        Attempt { rt, seed, strategy }
    }
}

/// The `n`-th seed of a series starting at `base` (SplitMix64's finaliser).
fn mix(base: u64, n: u64) -> u64 {
    let mut z = base ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    // Six digits at most, as the page's own new seeds (its seed box shows that many).
    (z ^ (z >> 31)) % 1_000_000 + 1
}
