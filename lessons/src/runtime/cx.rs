//! `Cx`: the running goroutine's handle on the runtime, the only way tasks touch it.
//!
//! Channel, select, timer, context and sync operations are implemented next to their objects
//! (`channel.rs`, `select.rs`, ...); this file holds identity, steps, output, randomness,
//! goroutines and the heap ledger.

use super::heap::AllocKind;
use super::ids::{AllocId, Gid};
use super::scheduler::Runtime;
use super::{Task, Value, Wake};

/// The current goroutine's view of the runtime.
pub struct Cx<'a, V: Value> {
    pub(crate) rt: &'a mut Runtime<V>,
    pub(crate) gid: Gid,
}

impl<V: Value> Cx<'_, V> {
    /// This goroutine's id (main is `Gid(1)`).
    pub fn gid(&self) -> Gid {
        self.gid
    }

    /// The virtual clock in nanoseconds.
    pub fn now(&self) -> i64 {
        self.rt.now
    }

    /// Sets this goroutine's current source line (stamped on its events and leak reports).
    pub fn set_line(&mut self, line: u32) {
        self.rt.gs[self.gid.index()].line = line;
    }

    /// This goroutine's current source line.
    pub fn line(&self) -> u32 {
        self.rt.gs[self.gid.index()].line
    }

    /// Counts `n` interpreter steps; false when the slice is used up (return
    /// `Yield::Yielded`) or a limit was hit (the run ends when the task returns).
    pub fn step(&mut self, n: u64) -> bool {
        self.rt.count_steps(self.gid, n)
    }

    /// True when `n` more steps would pass the step limit. The interpreter tells the runtime its
    /// line only at runtime calls, not at every instruction; it asks this before counting a batch
    /// of steps and reports its line first, so that the limit's message names the line the
    /// goroutine ran away in, not the last one it synced.
    pub fn passes_step_limit(&self, n: u64) -> bool {
        self.rt.passes_step_limit(n)
    }

    /// Counts `n` steps of work done inside one instruction (bytes copied, compared or
    /// formatted), so the step limit bounds work, not instructions; `what` (`strings.Repeat`)
    /// is named by the limit's message. Unlike [`Cx::step`] it leaves the goroutine's slice
    /// alone, so where goroutines switch (and every lesson's figures) stays as it was. False
    /// once a limit was hit.
    pub fn charge(&mut self, n: u64, what: &'static str) -> bool {
        self.rt.charging = Some(what);
        let go_on = self.rt.count_work(self.gid, n);
        self.rt.charging = None;
        go_on
    }

    /// Counts `n` steps of metered work (`golite/vm/cost.rs`): like [`Cx::charge`], but they
    /// never move a seeded preemption point (see `Runtime::metered`).
    pub fn meter(&mut self, n: u64, what: &'static str) -> bool {
        self.rt.charging = Some(what);
        let go_on = self.rt.count_metered(self.gid, n);
        self.rt.charging = None;
        go_on
    }

    /// Ends the run with outcome `limit` and `msg` once this task returns (a limit the
    /// interpreter detects itself, such as its own memory).
    pub fn limit(&mut self, msg: String) {
        self.rt.limit(msg);
    }

    /// The message of a limit hit inside the current instruction (a charge past the step
    /// limit), so that the instruction can stop before it requests the memory it was charged for.
    pub fn pending_limit(&self) -> Option<String> {
        self.rt.pending_limit.clone()
    }

    /// True once a limit ended the run (the task should return at once).
    pub fn limit_hit(&self) -> bool {
        self.rt.pending_limit.is_some() || self.rt.end.is_some()
    }

    /// A seeded preemption point for race lessons (always false unless `preempt_every` is set).
    pub fn preempt_due(&mut self) -> bool {
        self.rt.preempt_due()
    }

    /// True when a chooser decides the schedule (`schedule.rs`): the interpreter then reports
    /// every instruction's line through [`Cx::preempt_point`].
    pub fn deciding(&self) -> bool {
        self.rt.chooser.is_some()
    }

    /// A preemption point before an instruction of `line`: true when the goroutine must yield
    /// now (a decision point of an explicit schedule, see `schedule.rs`).
    pub fn preempt_point(&mut self, line: u32) -> bool {
        self.rt.preempt_point(self.gid, line)
    }

    /// How this goroutine was woken, once, after it was parked.
    pub fn take_wake(&mut self) -> Option<Wake<V>> {
        self.rt.gs[self.gid.index()].wake.take()
    }

    /// Program output (fmt.Print...).
    pub fn print(&mut self, text: &str) {
        self.rt.print(self.gid, text);
    }

    /// The run's seed (for streams of randomness that must not disturb the main PRNG's, such
    /// as map iteration order).
    pub fn seed(&self) -> u64 {
        self.rt.cfg.seed
    }

    /// What the program writes to stderr (print/println, log, `fmt.Fprint(os.Stderr)`): kept
    /// apart from stdout, for the report only (no event), kept and counted as stdout is.
    pub fn print_err(&mut self, text: &str) {
        self.rt.print_err(self.gid, text);
    }

    /// `os.Exit(code)`: ends the run at once (the calling task should stop too).
    pub fn exit(&mut self, code: i32) {
        self.rt.exit(code);
    }

    /// 64 bits from the run's seeded PRNG.
    pub fn rand_u64(&mut self) -> u64 {
        self.rt.rng.next_u64()
    }

    /// Uniform in `0..n` from the run's seeded PRNG (0 for `n <= 0`).
    pub fn rand_intn(&mut self, n: i64) -> i64 {
        if n <= 0 {
            return 0;
        }
        self.rt.rng.below(n as u64) as i64
    }

    /// The `go` statement: starts `task` as a new goroutine. Over the goroutine cap the run
    /// ends with outcome `limit` once this task returns (the result is then `Gid(0)`).
    pub fn spawn(&mut self, task: Box<dyn Task<V>>, name: &str, line: u32) -> Gid {
        self.rt.spawn_goroutine(self.gid, task, name, line, line)
    }

    /// [`Cx::spawn`] for a goroutine whose first line is not the `go` statement's: until it
    /// runs, it stands at `start` (Go's dump of a goroutine that has not run shows its
    /// function's entry); `line`, the `go` statement, stays its creation site.
    pub fn spawn_at(&mut self, task: Box<dyn Task<V>>, name: &str, line: u32, start: u32) -> Gid {
        self.rt.spawn_goroutine(self.gid, task, name, line, start)
    }

    /// Another goroutine can run now (golite's `runtime.GC` waits until none can).
    pub fn others_runnable(&self) -> bool {
        self.rt.runnext.is_some() || !self.rt.runq.is_empty() || !self.rt.globalq.is_empty()
    }

    /// `runtime.NumGoroutine()`.
    pub fn num_goroutine(&self) -> usize {
        self.rt.live
    }

    /// Charges `bytes` of Go heap to the ledger (the kind is informational).
    pub fn alloc(&mut self, bytes: u64, _what: AllocKind) -> AllocId {
        self.rt.alloc_bytes(self.gid, bytes)
    }

    /// A deferred call recovered a panic (counted in [`crate::runtime::Measures`]).
    pub fn note_recovered(&mut self) {
        self.rt.tally.recovered();
        self.rt.emit(self.gid, super::event::EventKind::Recovered);
    }

    /// Modeled heap bytes live now, so an allocation can be refused before memory is requested.
    pub fn heap_bytes(&self) -> u64 {
        self.rt.heap.current
    }

    /// Releases an allocation (unreferenced object).
    pub fn free(&mut self, id: AllocId) {
        self.rt.free_bytes(self.gid, id);
    }
}
