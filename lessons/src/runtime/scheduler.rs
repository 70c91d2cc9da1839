//! The scheduler: run queues, the virtual clock, limits and the run's end.
//!
//! The run order is Go's with one P (checked against Go 1.27 under `testing/synctest`, with
//! GOMAXPROCS 1 and 2): a goroutine that is spawned or woken takes the `runnext` slot and
//! pushes the previous holder to the back of the local queue; the next goroutine to run is
//! `runnext`, else the local queue's head, else the global queue's head; `Gosched` and an
//! exhausted slice go to the global queue. So after `go a(); go b(); go c()` and a block, Go
//! runs c, a, b, and so does this scheduler. Not modelled: Go's 256-slot local queue overflow
//! and its look at the global queue every 61st schedule, so with hundreds of runnable
//! goroutines Go's order differs (and varies from run to run; so do goroutines woken by timers
//! due at the same instant).

use std::collections::VecDeque;
use std::rc::Rc;

use super::channel::Channel;
use super::context::Contexts;
use super::cx::Cx;
use super::event::{Event, EventKind};
use super::goroutine::{Goroutine, Park};
use super::heap::{HeapLedger, STACK_BYTES};
use super::ids::{Gid, ObjId};
use super::measures::{SpinWatch, Tally};
use super::output::Output;
use super::report::{Leak, Outcome, RunReport};
use super::rng::Rng;
use super::schedule::{Chooser, Decision, DecisionKind, Runnable};
use super::state::GState;
use super::sync::SyncObjects;
use super::timer::Timers;
use super::{Task, Value, Wake, Yield};

/// Steps goroutines may still run after main returned before the survivors are reported
/// (a goroutine that never blocks would otherwise run into the step limit). Real Go under the
/// oracle's synctest harness likewise reports a still-running goroutine once main is done.
pub const POST_MAIN_STEPS: u64 = 1_000_000;

/// What one goroutine switch (a resume, a timer firing) costs in steps against `max_steps`: a
/// switch is about as much native work as fifty instructions, so a program that only yields,
/// sleeps or hands values over ends within the same wall time as one that computes
/// (`docs/ARCHITECTURE.md` § Runtime, limits). `steps` in the report still counts instructions.
pub const SWITCH_COST: u64 = 50;

/// What one write to stdout or stderr costs in steps against `max_steps`, on top of the
/// library call's own: a write is a system call in Go, about as much work as a goroutine
/// switch, so an output flood ends within the same wall time as a loop that computes.
pub const WRITE_COST: u64 = 50;

/// Limits and knobs of one run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Seeds select's choices, preemption points and math/rand.
    pub seed: u64,
    /// Total interpreter steps before the run ends with outcome `limit`.
    pub max_steps: u64,
    /// Steps a goroutine may run before `cx.step` asks it to yield.
    pub slice_steps: u64,
    /// Live goroutines (main included) before `go` ends the run with outcome `limit`.
    pub max_goroutines: usize,
    /// Modeled heap bytes before the run ends with outcome `limit`.
    pub max_heap_bytes: u64,
    /// Recorded events before the run ends with outcome `limit`: every event is kept for
    /// replay, so a program that loops forever through sleeps or channel hand-offs would
    /// otherwise fill the tab's memory long before the step limit ends it.
    pub max_events: u64,
    /// Mean steps between seeded preemption points (`cx.preempt_due()`); `None`: never.
    pub preempt_every: Option<u64>,
    /// Record [`Event`]s (the UI's Timeline needs them; a CLI run that only wants the report
    /// can switch them off and save their memory and time).
    pub record_events: bool,
    /// Virtual time before the run ends with outcome `limit`: a program that sleeps forever
    /// would otherwise move the clock without end.
    pub max_virtual_ns: i64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            seed: 1,
            max_steps: 20_000_000,
            slice_steps: 10_000,
            max_goroutines: 200_000,
            max_heap_bytes: 1 << 30,
            max_events: 2_000_000,
            preempt_every: None,
            record_events: true,
            max_virtual_ns: 24 * 3600 * 1_000_000_000,
        }
    }
}

/// Whether a run can go on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    Running,
    Finished,
}

/// The runtime of one program run. Drive it with [`Runtime::run_slice`] until `Finished`.
pub struct Runtime<V: Value> {
    pub(crate) cfg: Config,
    pub(crate) gs: Vec<Goroutine<V>>,
    /// Go's `runnext`: the goroutine that runs next.
    pub(crate) runnext: Option<Gid>,
    /// The P's local run queue.
    pub(crate) runq: VecDeque<Gid>,
    /// The global run queue (Gosched, exhausted slices).
    pub(crate) globalq: VecDeque<Gid>,
    pub(crate) live: usize,
    pub(crate) peak_live: usize,
    pub(crate) chans: Vec<Channel<V>>,
    pub(crate) timers: Timers<V>,
    pub(crate) ctxs: Contexts<V>,
    pub(crate) sync: SyncObjects,
    pub(crate) net: super::network::Network,
    pub(crate) heap: HeapLedger,
    pub(crate) rng: Rng,
    pub(crate) now: i64,
    pub(crate) steps: u64,
    /// Steps of work charged by cost-based metering (`golite/vm/cost.rs`, through
    /// [`Cx::meter`](super::Cx::meter)): they count toward the step limit and the reported steps,
    /// never toward preemption points, slices or events' step stamps, so metering leaves every
    /// schedule as it was.
    pub(crate) metered: u64,
    pub(crate) slice_used: u64,
    pub(crate) current: Gid,
    pub(crate) events: Vec<Event>,
    pub(crate) stdout: Output,
    pub(crate) stderr: Output,
    pub(crate) exit_code: Option<i32>,
    pub(crate) main_done: bool,
    /// Main called runtime.Goexit: it is gone, but the program runs on (see `Yield::Goexit`).
    pub(crate) main_goexit: bool,
    pub(crate) main_end_ns: i64,
    pub(crate) main_end_steps: u64,
    pub(crate) end: Option<(Outcome, String)>,
    pub(crate) pending_limit: Option<String>,
    pub(crate) preempt_at: u64,
    pub(crate) timer_fires: u64,
    /// True while the timers of the current instant are being fired (see
    /// [`Runtime::fire_next_due`]).
    pub(crate) firing: bool,
    /// Goroutine resumes, bounded like steps.
    pub(crate) resumes: u64,
    /// Events recorded so far (taken ones included), bounded by `max_events`; when events are
    /// not kept, the events a recording run would have recorded.
    pub(crate) events_recorded: u64,
    /// What the running goroutine is charging work for (`strings.Repeat`, ...), named by the
    /// step limit's message.
    pub(crate) charging: Option<&'static str>,
    /// The data race detector, when this run has it on ([`Runtime::enable_race`]).
    pub(crate) race: Option<Box<super::race::RaceState>>,
    names: Vec<Rc<str>>,
    /// The measures of the report, fed as the fold feeds its own from events.
    pub(crate) tally: Tally,
    pub(crate) spin: SpinWatch,
    /// Explicit schedules (`schedule.rs`): who decides, the choices made, a decision waiting
    /// for [`Runtime::choose`], and the goroutine a decision picked to run next.
    pub(crate) chooser: Option<Box<dyn Chooser>>,
    pub(crate) schedule: Vec<Gid>,
    pub(crate) pending: Option<Decision>,
    pub(crate) forced_next: Option<Gid>,
}

impl<V: Value> Runtime<V> {
    /// A runtime with no goroutine yet; add main with [`Runtime::spawn_main`].
    pub fn new(cfg: Config) -> Self {
        let mut rng = Rng::new(cfg.seed);
        let preempt_at = match cfg.preempt_every {
            Some(n) => 1 + rng.below(2 * n.max(1)),
            None => u64::MAX,
        };
        let tombstone = Goroutine {
            task: None,
            state: GState::Runnable,
            alive: false,
            line: 0,
            wake: None,
            park: Park::None,
            stack: super::ids::AllocId(u32::MAX),
            relock: None,
            park_token: 0,
            parent: Gid(0),
            on: None,
        };
        Runtime {
            cfg,
            gs: vec![tombstone],
            runnext: None,
            runq: VecDeque::new(),
            globalq: VecDeque::new(),
            live: 0,
            peak_live: 0,
            chans: Vec::new(),
            timers: Timers::default(),
            ctxs: Contexts::default(),
            sync: SyncObjects::default(),
            net: Default::default(),
            heap: HeapLedger::default(),
            rng,
            now: 0,
            steps: 0,
            metered: 0,
            slice_used: 0,
            current: Gid(0),
            events: Vec::new(),
            stdout: Output::default(),
            stderr: Output::default(),
            exit_code: None,
            main_done: false,
            main_goexit: false,
            main_end_ns: 0,
            main_end_steps: 0,
            end: None,
            pending_limit: None,
            preempt_at,
            timer_fires: 0,
            firing: false,
            resumes: 0,
            events_recorded: 0,
            charging: None,
            race: None,
            names: Vec::new(),
            tally: Tally::default(),
            spin: SpinWatch::default(),
            chooser: None,
            schedule: Vec::new(),
            pending: None,
            forced_next: None,
        }
    }

    /// Starts main (`Gid(1)`) at `line`.
    pub fn spawn_main(&mut self, task: Box<dyn Task<V>>, line: u32) -> Gid {
        self.spawn_goroutine(Gid(0), task, "main", line, line)
    }

    /// Runs goroutines until about `budget_steps` steps have been taken (a goroutine's slice is
    /// never cut short) or the run ends.
    pub fn run_slice(&mut self, budget_steps: u64) -> Progress {
        self.run_bounded(budget_steps, i64::MAX)
    }

    /// Like [`Runtime::run_slice`], but also stops before the clock would pass `until_ns`, so a
    /// UI can animate virtual time.
    pub fn run_until(&mut self, until_ns: i64, budget_steps: u64) -> Progress {
        self.run_bounded(budget_steps, until_ns)
    }

    /// Runs to the end (bounded by `max_steps`) and returns the report.
    pub fn run_to_end(&mut self) -> RunReport {
        while self.run_slice(u64::MAX) == Progress::Running && self.pending.is_none() {}
        self.report()
    }

    /// True once the run has ended.
    pub fn is_finished(&self) -> bool {
        self.end.is_some()
    }

    /// The virtual clock in nanoseconds.
    pub fn now(&self) -> i64 {
        self.now
    }

    /// Steps taken so far.
    pub fn steps(&self) -> u64 {
        self.steps + self.metered
    }

    /// Every state change so far, in order.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// Takes the events recorded so far, leaving the runtime's list empty (for streaming).
    pub fn take_events(&mut self) -> Vec<Event> {
        std::mem::take(&mut self.events)
    }

    /// The report of the run so far (outcome `exit` with empty fields while still running).
    pub fn report(&self) -> RunReport {
        let (outcome, panic) = self.end.clone().unwrap_or((Outcome::Exit, String::new()));
        let leaked = if outcome == Outcome::Exit && self.end.is_some() && self.exit_code.is_none() {
            self.leaks()
        } else {
            Vec::new()
        };
        // Reachability and stacks only once the run is over: linear in the live heap, too
        // costly per step.
        let (leaked_certain, goroutines) = match (&self.end, outcome) {
            (None, _) | (_, Outcome::CompileError) => (Vec::new(), Vec::new()),
            (Some(_), _) => {
                let reach = self.reachability();
                let certain = if leaked.is_empty() {
                    Vec::new()
                } else {
                    self.leak_groups(|g| reach.is_certain(g))
                };
                (certain, self.goroutine_stacks(Some(&reach)))
            }
        };
        RunReport {
            outcome,
            panic,
            stdout: self.stdout.text.clone(),
            output_bytes: self.stdout.bytes,
            output_lines: self.stdout.lines(),
            output_truncated: self.stdout.truncated,
            stderr: self.stderr.text.clone(),
            stderr_bytes: self.stderr.bytes,
            stderr_truncated: self.stderr.truncated,
            virtual_time_ns: if self.main_done {
                self.main_end_ns
            } else {
                self.now
            },
            leaked,
            steps: self.steps + self.metered,
            peak_goroutines: self.peak_live as u64,
            peak_heap_bytes: self.heap.peak,
            exit_code: self.exit_code,
            measures: self
                .tally
                .measures(self.now, self.heap.current, self.heap.peak),
            races: self.race_reports().to_vec(),
            leaked_certain,
            goroutines,
        }
    }

    /// Live goroutines grouped by (state, line), sorted by line then state.
    fn leaks(&self) -> Vec<Leak> {
        self.leak_groups(|_| true)
    }

    /// Whether goroutine `g` has a frame of the program's own code (see
    /// [`super::Task::in_program`]).
    fn in_program(&self, g: Gid) -> bool {
        self.gs[g.index()]
            .task
            .as_ref()
            .is_none_or(|t| t.in_program())
    }

    /// Live goroutines for which `keep(gid)` holds, grouped by (state, line), sorted by line
    /// then state.
    pub(crate) fn leak_groups(&self, keep: impl Fn(Gid) -> bool) -> Vec<Leak> {
        let mut groups: Vec<(u32, &'static str)> = self
            .gs
            .iter()
            .enumerate()
            .filter(|(i, g)| {
                let gid = Gid(*i as u32);
                g.alive && self.in_program(gid) && keep(gid)
            })
            .map(|(_, g)| (g.line, g.state.as_str()))
            .collect();
        groups.sort_unstable();
        let mut out: Vec<Leak> = Vec::new();
        for (line, state) in groups {
            match out.last_mut() {
                Some(l) if l.line == line && l.state == state => l.count += 1,
                _ => out.push(Leak {
                    state: state.to_string(),
                    line,
                    count: 1,
                }),
            }
        }
        out
    }

    fn run_bounded(&mut self, budget: u64, until_ns: i64) -> Progress {
        let start = self.steps;
        // Every resume counts as at least one step of the budget, so a task that yields
        // without calling `cx.step` cannot keep a slice (and a browser frame) from ending.
        let mut resumes = 0u64;
        loop {
            if self.end.is_some() {
                return Progress::Finished;
            }
            if self.steps - start >= budget || resumes >= budget || self.pending.is_some() {
                return Progress::Running;
            }
            if self.firing {
                // Each firing counts as a resume, so a crowded instant spreads over slices.
                resumes += 1;
                self.firing = self.fire_next_due();
                continue;
            }
            if self.main_done && self.steps - self.main_end_steps > POST_MAIN_STEPS {
                self.finish(Outcome::Exit, String::new());
                continue;
            }
            let next = self.next_to_run();
            if self.pending.is_some() {
                return Progress::Running;
            }
            if let Some(gid) = next {
                resumes += 1;
                self.resumes += 1;
                if self.resumes.saturating_mul(SWITCH_COST) > self.cfg.max_steps {
                    let line = self.gs[gid.index()].line;
                    self.limit(format!(
                        "step limit: the program ran more than {} steps (goroutines kept yielding; goroutine {} at line {line})",
                        self.cfg.max_steps, gid.0
                    ));
                    continue;
                }
                self.resume(gid);
                continue;
            }
            if self.main_done {
                if !self.net_arrive_after_main() {
                    self.finish(Outcome::Exit, String::new());
                }
                continue;
            }
            match self.next_wake_time() {
                Some(when) => {
                    if when > until_ns {
                        // Nothing can run before `until_ns`: show the clock there. Safe, as no
                        // goroutine observes the clock until the next timer fires.
                        self.now = self.now.max(until_ns);
                        return Progress::Running;
                    }
                    if when > self.cfg.max_virtual_ns {
                        self.limit(format!(
                            "time limit: virtual time would pass {} hours (goroutines only waited on timers; main at line {})",
                            self.cfg.max_virtual_ns / 3_600_000_000_000,
                            self.gs.get(1).map_or(0, |g| g.line)
                        ));
                        continue;
                    }
                    self.now = self.now.max(when);
                    self.firing = true;
                }
                None if self.main_goexit && self.live == 0 => {
                    self.finish(
                        Outcome::Fatal,
                        "no goroutines (main called runtime.Goexit) - deadlock!".to_string(),
                    );
                }
                None => {
                    self.finish(
                        Outcome::Deadlock,
                        "all goroutines are asleep - deadlock!".to_string(),
                    );
                }
            }
        }
    }

    fn resume(&mut self, gid: Gid) {
        if let Some((m, front)) = self.gs[gid.index()].relock.take()
            && !self.relock(gid, m, front)
        {
            return;
        }
        let g = &mut self.gs[gid.index()];
        let Some(mut task) = g.task.take() else {
            return;
        };
        g.state = GState::Running;
        self.current = gid;
        self.slice_used = 0;
        self.spin.resume(self.steps);
        let y = {
            let mut cx = Cx { rt: self, gid };
            task.resume(&mut cx)
        };
        self.current = Gid(0);
        self.spin.pause(gid, self.steps);
        if self.spin.polls > 0 || self.spin.steps > 0 {
            let (idle_polls, steps) = (self.spin.polls, self.spin.steps);
            (self.spin.polls, self.spin.steps) = (0, 0);
            self.tally.spin(idle_polls, steps);
            self.emit(gid, EventKind::Spin { idle_polls, steps });
        }
        match y {
            Yield::Blocked => {
                let g = &mut self.gs[gid.index()];
                g.task = Some(task);
                if g.state == GState::Running {
                    // The task said Blocked without parking: treat it as a yield.
                    g.state = GState::Runnable;
                    self.globalq.push_back(gid);
                }
            }
            Yield::Yielded => {
                let g = &mut self.gs[gid.index()];
                g.task = Some(task);
                g.state = GState::Runnable;
                self.globalq.push_back(gid);
            }
            Yield::Exit => {
                drop(task);
                self.exit_goroutine(gid);
            }
            Yield::Goexit => {
                drop(task);
                if gid == Gid(1) {
                    self.main_goexit = true;
                }
                self.exit_goroutine(gid);
            }
            Yield::Panic(msg) => {
                self.gs[gid.index()].task = Some(task);
                self.tally.crash(gid, self.gs[gid.index()].line);
                self.emit(gid, EventKind::Panic { msg: msg.clone() });
                self.finish(Outcome::Panic, msg);
            }
            Yield::Fatal(msg) => {
                self.gs[gid.index()].task = Some(task);
                self.tally.crash(gid, self.gs[gid.index()].line);
                self.emit(gid, EventKind::Panic { msg: msg.clone() });
                self.finish(Outcome::Fatal, msg);
            }
            Yield::Limit(msg) => {
                self.gs[gid.index()].task = Some(task);
                self.finish(Outcome::Limit, msg);
            }
        }
        if let Some(msg) = self.pending_limit.take() {
            self.finish(Outcome::Limit, msg);
        }
    }

    fn exit_goroutine(&mut self, gid: Gid) {
        self.emit(gid, EventKind::Exit);
        self.race_exit(gid);
        self.tally.exit(gid, self.now);
        let g = &mut self.gs[gid.index()];
        g.alive = false;
        g.wake = None;
        let stack = g.stack;
        self.live -= 1;
        self.free_bytes(gid, stack);
        if gid == Gid(1) && !self.main_goexit {
            self.main_done = true;
            self.main_end_ns = self.now;
            self.main_end_steps = self.steps;
        }
    }

    /// Ends the run (first end wins).
    pub(crate) fn finish(&mut self, outcome: Outcome, msg: String) {
        if self.end.is_some() {
            return;
        }
        if !self.main_done {
            self.main_end_ns = self.now;
        }
        let gid = self.current;
        // The final totals of a cut output; pushed directly, as it is not counted against
        // `max_events` (once per run, it cannot flood).
        if self.stdout.truncated && self.cfg.record_events {
            let line = self.gs.get(gid.index()).map_or(0, |g| g.line);
            self.events.push(Event {
                step: self.steps,
                time_ns: self.now,
                gid,
                line,
                kind: EventKind::OutputCut {
                    bytes: self.stdout.bytes,
                    lines: self.stdout.lines(),
                },
            });
        }
        self.emit(gid, EventKind::End { outcome });
        self.end = Some((outcome, msg));
    }

    /// Records an event for `gid` at its current line.
    pub(crate) fn emit(&mut self, gid: Gid, kind: EventKind) {
        // Counted even when not kept, so a race's `event` index is the page's in the CLI too.
        if !self.cfg.record_events {
            self.events_recorded += 1;
            return;
        }
        let line = self.gs.get(gid.index()).map_or(0, |g| g.line);
        self.events.push(Event {
            step: self.steps,
            time_ns: self.now,
            gid,
            line,
            kind,
        });
        self.events_recorded += 1;
        // Exactly once: ending the run records one more event (End).
        if self.events_recorded == self.cfg.max_events + 1 {
            self.limit(format!(
                "event limit: the run recorded more than {} events to replay (goroutine {} at line {line})",
                self.cfg.max_events, gid.0
            ));
        }
    }

    /// Interns goroutine names so that spawning in a loop does not allocate a string each time.
    fn intern(&mut self, name: &str) -> Rc<str> {
        if let Some(n) = self.names.iter().rev().find(|n| &***n == name) {
            return n.clone();
        }
        let n: Rc<str> = Rc::from(name);
        if self.names.len() < 64 {
            self.names.push(n.clone());
        }
        n
    }

    /// Creates a goroutine (the `go` statement at `line`, main, AfterFunc), standing at `start`
    /// until it runs. Over the goroutine cap it records a limit instead and returns `Gid(0)`.
    pub(crate) fn spawn_goroutine(
        &mut self,
        parent: Gid,
        task: Box<dyn Task<V>>,
        name: &str,
        line: u32,
        start: u32,
    ) -> Gid {
        if self.live >= self.cfg.max_goroutines {
            let at = self.gs.get(parent.index()).map_or(line, |g| g.line);
            self.limit(format!(
                "goroutine limit: more than {} goroutines alive (go statement at line {at})",
                self.cfg.max_goroutines
            ));
            return Gid(0);
        }
        let gid = Gid(self.gs.len() as u32);
        let name = self.intern(name);
        self.emit(parent, EventKind::Spawn { child: gid, name });
        let stack = self.heap.alloc(STACK_BYTES);
        self.gs.push(Goroutine {
            task: Some(task),
            state: GState::Runnable,
            alive: true,
            line: start,
            wake: None,
            park: Park::None,
            stack,
            relock: None,
            park_token: 0,
            parent,
            on: None,
        });
        self.tally.spawn(gid, self.now);
        self.tally.alloc(STACK_BYTES);
        self.emit(gid, EventKind::Alloc { bytes: STACK_BYTES });
        self.race_spawn(parent, gid, line);
        self.check_heap(gid);
        self.live += 1;
        self.peak_live = self.peak_live.max(self.live);
        self.make_next(gid);
        gid
    }

    /// Puts `gid` in `runnext`, moving the previous holder to the local queue's tail.
    fn make_next(&mut self, gid: Gid) {
        if let Some(old) = self.runnext.replace(gid) {
            self.runq.push_back(old);
        }
    }

    /// The next goroutine to run: Go's order, or the chooser's at a decision (`schedule.rs`).
    fn next_to_run(&mut self) -> Option<Gid> {
        if let Some(g) = self.forced_next.take() {
            self.unqueue(g);
            return Some(g);
        }
        if self.chooser.is_none() {
            return self.pick_next();
        }
        let runnable = self.runnable();
        if runnable.len() < 2 {
            return self.pick_next();
        }
        let d = Decision {
            index: self.schedule.len(),
            kind: DecisionKind::Pick,
            default: runnable[0],
            options: self.options(runnable),
            current: Gid(0),
        };
        let g = self.decide(d)?;
        self.unqueue(g);
        Some(g)
    }

    /// Runnable goroutines in Go's order: `runnext`, the local queue, the global queue.
    fn runnable(&self) -> Vec<Gid> {
        self.runnext
            .iter()
            .chain(self.runq.iter())
            .chain(self.globalq.iter())
            .copied()
            .collect()
    }

    /// A decision's options: `gids` sorted by id, each with the line it runs next.
    fn options(&self, mut gids: Vec<Gid>) -> Vec<Runnable> {
        gids.sort_unstable();
        gids.dedup();
        gids.into_iter()
            .map(|gid| Runnable {
                gid,
                line: self.gs[gid.index()].line,
            })
            .collect()
    }

    /// Asks the chooser; records its choice, or keeps `d` pending when it pauses the run.
    fn decide(&mut self, d: Decision) -> Option<Gid> {
        let choice = self.chooser.as_mut().and_then(|c| c.choose(&d));
        match choice {
            Some(g) if d.allows(g) => {
                self.schedule.push(g);
                Some(g)
            }
            Some(_) => {
                self.schedule.push(d.default);
                Some(d.default)
            }
            None => {
                self.pending = Some(d);
                None
            }
        }
    }

    /// Takes `gid` out of whichever run queue holds it.
    fn unqueue(&mut self, gid: Gid) {
        if self.runnext == Some(gid) {
            self.runnext = None;
        } else if let Some(i) = self.runq.iter().position(|&g| g == gid) {
            self.runq.remove(i);
        } else if let Some(i) = self.globalq.iter().position(|&g| g == gid) {
            self.globalq.remove(i);
        }
    }

    /// A preemption point: `gid` is about to run `line`. With a chooser, a new line while
    /// another goroutine can run is a decision; true means `gid` must yield now (the chosen
    /// goroutine, maybe `gid` itself, runs next, or the run pauses for a choice).
    pub(crate) fn preempt_point(&mut self, gid: Gid, line: u32) -> bool {
        if self.chooser.is_none() || self.end.is_some() || self.pending_limit.is_some() {
            return false;
        }
        let g = &mut self.gs[gid.index()];
        if g.line == line || line == 0 {
            return false;
        }
        g.line = line;
        let mut runnable = self.runnable();
        if runnable.is_empty() {
            return false;
        }
        runnable.push(gid);
        let d = Decision {
            index: self.schedule.len(),
            kind: DecisionKind::Preempt,
            default: gid,
            options: self.options(runnable),
            current: gid,
        };
        if let Some(g) = self.decide(d) {
            self.forced_next = Some(g);
        }
        true
    }

    /// Lets `chooser` decide who runs at every decision point from now on (`schedule.rs`);
    /// seeded preemption is then off, as choices alone must decide every switch.
    pub fn set_chooser(&mut self, chooser: Box<dyn Chooser>) {
        self.chooser = Some(chooser);
    }

    /// True when a chooser decides the schedule.
    pub fn deciding(&self) -> bool {
        self.chooser.is_some()
    }

    /// The choices made so far, one per decision.
    pub fn schedule(&self) -> &[Gid] {
        &self.schedule
    }

    /// The decision the run is paused at (its chooser answered `None`), if any.
    pub fn decision(&self) -> Option<&Decision> {
        self.pending.as_ref()
    }

    /// Answers the pending decision with `gid`; false (nothing changes) when there is no
    /// pending decision or `gid` is not one of its options.
    pub fn choose(&mut self, gid: Gid) -> bool {
        match &self.pending {
            Some(d) if d.allows(gid) => {
                self.pending = None;
                self.schedule.push(gid);
                self.forced_next = Some(gid);
                true
            }
            _ => false,
        }
    }

    /// The next goroutine to run: `runnext`, then the local queue, then the global queue.
    fn pick_next(&mut self) -> Option<Gid> {
        self.runnext
            .take()
            .or_else(|| self.runq.pop_front())
            .or_else(|| self.globalq.pop_front())
    }

    /// Records a limit; the run ends when the current goroutine returns control.
    pub(crate) fn limit(&mut self, msg: String) {
        if self.pending_limit.is_none() {
            self.pending_limit = Some(msg);
        }
        if self.current == Gid(0)
            && let Some(msg) = self.pending_limit.take()
        {
            self.finish(Outcome::Limit, msg);
        }
    }

    /// Ends the run now, between slices, with outcome `limit` and `reason`: the page's Stop
    /// button. The report and events up to here stay whole.
    pub fn interrupt(&mut self, reason: String) {
        self.limit(reason);
    }

    /// Adds `bytes` to the modeled heap on behalf of `gid`.
    /// An allocation that would pass the heap limit ends the run and is not recorded: Go never
    /// holds memory it failed to allocate, so the peak stays what the program really held.
    pub(crate) fn alloc_bytes(&mut self, gid: Gid, bytes: u64) -> super::ids::AllocId {
        if self.heap.current.saturating_add(bytes) > self.cfg.max_heap_bytes {
            self.heap_limit(gid);
            return self.heap.alloc(0);
        }
        let id = self.heap.alloc(bytes);
        self.tally.alloc(bytes);
        self.emit(gid, EventKind::Alloc { bytes });
        id
    }

    /// Frees an allocation on behalf of `gid`.
    pub(crate) fn free_bytes(&mut self, gid: Gid, id: super::ids::AllocId) {
        let bytes = self.heap.free(id);
        if bytes > 0 {
            self.emit(gid, EventKind::Free { bytes });
        }
    }

    fn check_heap(&mut self, gid: Gid) {
        if self.heap.current > self.cfg.max_heap_bytes {
            self.heap_limit(gid);
        }
    }

    fn heap_limit(&mut self, gid: Gid) {
        let line = self.gs.get(gid.index()).map_or(0, |g| g.line);
        self.limit(format!(
            "heap limit: the modeled heap passed {} bytes (goroutine {} at line {line})",
            self.cfg.max_heap_bytes, gid.0
        ));
    }

    /// The one wait primitive: parks `gid` in `state`, registered as `park` says.
    pub(crate) fn park(&mut self, gid: Gid, state: GState, on: Option<ObjId>, park: Park) {
        let g = &mut self.gs[gid.index()];
        g.state = state;
        g.park = park;
        g.on = on;
        let line = g.line;
        self.tally.block(gid, state, on, line, self.now);
        if state != GState::Sleep {
            self.spin.progress(gid);
        }
        self.emit(
            gid,
            EventKind::Block {
                state,
                on,
                cases: None,
            },
        );
    }

    /// Parks `gid` in a select over several channels.
    pub(crate) fn park_select(
        &mut self,
        gid: Gid,
        on: Option<ObjId>,
        park: Park,
        cases: std::rc::Rc<[super::event::CaseWait]>,
    ) {
        let g = &mut self.gs[gid.index()];
        g.state = GState::Select;
        g.park = park;
        g.on = on;
        let line = g.line;
        self.tally.block(gid, GState::Select, on, line, self.now);
        self.spin.progress(gid);
        self.emit(
            gid,
            EventKind::Block {
                state: GState::Select,
                on,
                cases: Some(cases),
            },
        );
    }

    /// Wakes a parked goroutine with `wake`, unregistering it from every other wait queue.
    pub(crate) fn ready(&mut self, gid: Gid, wake: Wake<V>) {
        let g = &mut self.gs[gid.index()];
        if !g.alive {
            return;
        }
        let park = std::mem::replace(&mut g.park, Park::None);
        if g.state != GState::Sleep {
            self.spin.progress(gid);
        }
        let g = &mut self.gs[gid.index()];
        g.wake = Some(wake);
        g.state = GState::Runnable;
        g.park_token = g.park_token.wrapping_add(1);
        if let Park::Select(chans) = park {
            for c in chans.iter() {
                self.note_stale(*c);
            }
        }
        self.tally.unblock(gid, self.now);
        self.emit(gid, EventKind::Unblock);
        self.make_next(gid);
    }

    /// Counts `n` interpreter steps for the running goroutine; false when it should yield.
    pub(crate) fn count_steps(&mut self, gid: Gid, n: u64) -> bool {
        self.slice_used += n;
        self.count_work(gid, n) && self.slice_used < self.cfg.slice_steps
    }

    /// Counts `n` steps of work against the step limit only: a goroutine's slice (and so the
    /// run order) stays counted in instructions. False once a limit was hit.
    pub(crate) fn count_work(&mut self, gid: Gid, n: u64) -> bool {
        self.steps += n;
        self.over_step_limit(gid)
    }

    /// Counts `n` steps of metered work (see [`Runtime::metered`]). False once a limit was hit.
    pub(crate) fn count_metered(&mut self, gid: Gid, n: u64) -> bool {
        self.metered += n;
        self.over_step_limit(gid)
    }

    /// True when `n` more steps (instructions or metered work) would pass the step limit.
    pub(crate) fn passes_step_limit(&self, n: u64) -> bool {
        self.steps.saturating_add(self.metered).saturating_add(n) > self.cfg.max_steps
    }

    /// Ends the run once instructions and metered work pass the step limit; false then.
    fn over_step_limit(&mut self, gid: Gid) -> bool {
        if self.steps + self.metered > self.cfg.max_steps && self.pending_limit.is_none() {
            let line = self.gs[gid.index()].line;
            let what = self.charging.map_or(String::new(), |w| format!(", in {w}"));
            self.limit(format!(
                "step limit: the program ran more than {} steps (goroutine {} at line {line}{what})",
                self.cfg.max_steps, gid.0
            ));
        }
        self.pending_limit.is_none()
    }

    /// The seeded preemption point: true now and then when `preempt_every` is set.
    pub(crate) fn preempt_due(&mut self) -> bool {
        let Some(n) = self.cfg.preempt_every else {
            return false;
        };
        if self.chooser.is_some() {
            return false;
        }
        if self.steps >= self.preempt_at {
            self.preempt_at = self.steps + 1 + self.rng.below(2 * n.max(1));
            true
        } else {
            false
        }
    }

    /// `os.Exit(code)`: the run ends now, as main returning would, but without waiting for or
    /// reporting other goroutines.
    pub(crate) fn exit(&mut self, code: i32) {
        if self.end.is_none() {
            self.exit_code = Some(code);
        }
        self.finish(Outcome::Exit, String::new());
    }

    /// Appends program output, keeping at most [`super::MAX_OUTPUT_BYTES`] or
    /// [`super::MAX_OUTPUT_LINES`]; the rest is counted (the report and the snapshot give the
    /// totals), so an output flood costs no memory.
    ///
    /// Nothing printed after main returned appears: Go exits then, and the goroutines still
    /// able to run go on here only so that the report can tell where the survivors wait.
    pub(crate) fn print(&mut self, gid: Gid, text: &str) {
        if self.main_done {
            return;
        }
        // Go's stdout is a file whose mutex is taken with atomic operations: under -race,
        // printing orders the goroutines that print.
        self.race_print(gid);
        self.charge_write(gid);
        let pushed = self.stdout.push(text);
        let (kept, cut_now) = (pushed.kept.to_string(), pushed.cut_now);
        if !kept.is_empty() {
            self.emit(gid, EventKind::Output { text: kept });
        }
        if cut_now {
            let (bytes, lines) = (self.stdout.bytes, self.stdout.lines());
            self.emit(gid, EventKind::OutputCut { bytes, lines });
        }
    }

    /// Appends what the program writes to stderr: kept and counted as stdout is, no event.
    pub(crate) fn print_err(&mut self, gid: Gid, text: &str) {
        if self.main_done {
            return;
        }
        self.charge_write(gid);
        self.stderr.push(text);
    }

    /// Counts [`WRITE_COST`] for one write.
    fn charge_write(&mut self, gid: Gid) {
        self.charging = Some("printing");
        self.count_work(gid, WRITE_COST);
        self.charging = None;
    }
}
