//! The deterministic cooperative executor with Go's concurrency semantics.
//!
//! Goroutines are [`Task`]s run one at a time on one thread; the virtual clock advances only when
//! no goroutine can run (the `testing/synctest` rule), so every run is reproducible from its seed.
//! The runtime is generic over the interpreter's [`Value`] type and knows nothing of Go syntax.
//!
//! Everything blocking is a thin layer over one wait primitive: a goroutine is *parked* with a
//! state (Go's own words, see [`GState`]) and later *readied* with a [`Wake`] that says how it was
//! woken. Channels, select, timers, context and the sync types only decide when to call which.
//!
//! Deviations from the agreed contract (kept minimal, each because the contract could not work
//! as written):
//! - [`Value::unit`] (default: `time(0)`) is the element a closed `ctx.Done()` channel delivers;
//!   the runtime needs *some* value of the interpreter's type for it.
//! - `cond_wait` returns `Result<Op<()>, String>`: `Err` is the fatal error of a Wait whose
//!   mutex is not locked.
//! - `Send`/`Recv` events carry the channel's buffer length after the operation, timer events
//!   carry their timer and a multi-case select's `Block` lists its channels ([`CaseWait`]), so a
//!   [`Timeline`] can rebuild every gauge from events alone.
//!
//! Additions: `Cx::chan_release` (a channel became unreferenced: free its modeled bytes),
//! `Cx::line`, `Cx::rw_try_lock`/`rw_try_rlock`, `Cx::ctx_with_deadline_cause`,
//! [`Task::fresh`] (a fired AfterFunc can run again after Reset), `Config::record_events`,
//! `Runtime::run_until`/`run_to_end`/`take_events`, [`Timeline::extend`] for streaming and
//! [`Timeline::series`] for charts.
//!
//! Fidelity (each point has a Rust test, mirrored in real Go under `tests/oracle/runtime/`):
//! Go's single-P run order (`runnext`, see `scheduler.rs`), mutex barging, Go 1.23 timers
//! (lazy channel timers: unread ones neither keep a blocked program alive nor move the clock;
//! Stop/Reset drop unreceived values; a due timer runs when its channel is polled), wait states
//! exactly as Go's goroutine dumps print them (a one-case select is `chan receive`/`chan send`;
//! a writer queued behind another writer is `sync.Mutex.Lock`). Not modelled: Go's 256-slot
//! local run queue and its every-61st-schedule look at the global queue, mutex starvation
//! mode, and the order of goroutines woken by timers due at the same instant (Go varies there
//! from run to run).

mod channel;
mod chunked_vec;
mod context;
mod cx;
mod dump;
mod event;
mod goroutine;
mod heap;
mod ids;
pub mod library_frames;
mod measures;
mod network;
mod network_link;
mod output;
mod race;
pub mod race_frames;
mod reach;
mod report;
mod rng;
mod schedule;
mod scheduler;
mod select;
mod snapshot;
mod state;
mod sync;
mod timeline;
mod timer;
mod version;

pub use context::{Cause, CtxErr};
pub use cx::Cx;
pub use dump::{CreatedBy, GoroutineStack, StackFrame};
pub use event::{CaseWait, Event, EventKind};
pub use heap::AllocKind;
pub use ids::{
    AfterFuncId, AllocId, ChanId, CondId, ConnId, CtxId, Gid, ListenerId, MutexId, ObjId, OnceId,
    RwMutexId, TimerId, WgId,
};
pub use measures::{Crash, Measures, MostWaited, WaitKind, WaitTotals, object_name};
pub use network::{ConnState, DialError, NetError, ReadResult, Side};
pub use network_link::Link;
pub use output::{MAX_OUTPUT_BYTES, MAX_OUTPUT_LINES};
pub use race::{
    AccessKind, AtomicOp, Loc, RaceAccess, RaceFrame, RaceReport, Site, StackNode, Stacks,
};
pub use reach::{LeakVerdict, Marker, PendingTimer, Reachability, Ref, TimerTarget};
pub use report::{Leak, Outcome, RunReport};
pub use rng::Rng;
pub use schedule::{
    Chooser, Decision, DecisionKind, MAX_SCHEDULE_LEN, Replay, Runnable, format_schedule,
    parse_schedule,
};
pub use scheduler::{Config, POST_MAIN_STEPS, Progress, Runtime, SWITCH_COST, WRITE_COST};
pub use select::{SelectCase, Selected};
pub use snapshot::{
    ChanView, ConnCounts, GoroutineView, LineGroup, MutexHolderView, NetView, PoolView, Snapshot,
    StateCount, TimerView, WaitGroupView, WaitsOn,
};
pub use state::GState;
pub use timeline::{Seeker, SeriesPoint, Timeline};
pub use version::GoVersion;

/// What the runtime needs from the interpreter's values.
pub trait Value: Clone + 'static {
    /// The value a timer channel delivers when the timer fires at virtual time `now_ns`
    /// (golite: a time.Time; Rust tests: just the number).
    fn time(now_ns: i64) -> Self;

    /// The `struct{}{}` a closed `ctx.Done()` channel delivers. Interpreters override it; the
    /// default only exists so that implementing [`Value::time`] is enough to get started.
    fn unit() -> Self {
        Self::time(0)
    }

    /// Shows `m` the runtime objects this value refers to, directly or through the heap it
    /// points into (see [`Runtime::reachability`]). The default: none.
    fn trace(&self, m: &mut Marker) {
        let _ = m;
    }
}

/// One goroutine's code. The runtime owns the boxed task and calls `resume` whenever the
/// goroutine is scheduled. The task runs until it blocks, yields, exits, panics or its slice
/// budget ends.
pub trait Task<V: Value> {
    /// Runs the goroutine until its next scheduling point and says why it stopped.
    fn resume(&mut self, cx: &mut Cx<'_, V>) -> Yield;

    /// A not-yet-started copy of this task, for functions that may run more than once
    /// (`time.AfterFunc` fired, then `Reset`: Go runs `f` again). `None` (the default): the
    /// task runs at most once.
    fn fresh(&self) -> Option<Box<dyn Task<V>>> {
        None
    }

    /// Shows `m` the runtime objects this goroutine's stack refers to (its frames' values,
    /// closures, deferred calls; for a task not started yet, its function and arguments), for
    /// [`Runtime::reachability`]. The default: none.
    fn trace(&self, m: &mut Marker) {
        let _ = m;
    }

    /// Shows `m` what the program's globals refer to: roots shared by every task of the
    /// program, asked of one task only. The default: none.
    fn trace_globals(&self, m: &mut Marker) {
        let _ = m;
    }

    /// The goroutine's stack for dumps, innermost frame first, functions named as Go prints
    /// them (`main.handle.func1`), given the state it is in (a library function parks at a
    /// line of Go's that depends on it). The default: no frames.
    fn stack(&self, state: GState) -> Vec<StackFrame> {
        let _ = state;
        Vec::new()
    }

    /// Whether the goroutine runs the program's own code somewhere on its stack. Leak reports
    /// list only those, as the real-Go oracle does (goroutines with a frame in the program's
    /// file): a library's own goroutines, such as an HTTP transport's `readLoop`, show in
    /// snapshots and measures but are not the program's leaks. The default: true.
    fn in_program(&self) -> bool {
        true
    }

    /// The `go` statement that started this goroutine: the function that ran it, its line and
    /// (in Go's library) its file (`created by main.handle` at line 25); the runtime sets
    /// `goroutine`. `None` for main and for the default.
    fn created_by(&self) -> Option<CreatedBy> {
        None
    }
}

/// Why a task returned control to the scheduler.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Yield {
    /// An operation returned `Op::Blocked`: the runtime has already parked this goroutine.
    Blocked,
    /// runtime.Gosched() or a preemption point: goes to the back of the run queue.
    Yielded,
    /// The goroutine's function returned.
    Exit,
    /// The goroutine called runtime.Goexit and its deferred calls have run: it ends; when it is
    /// main, the others run on, and the program ends when none is left (Go's fatal error
    /// `no goroutines (main called runtime.Goexit) - deadlock!`).
    Goexit,
    /// An unrecovered panic: ends the whole program (outcome `panic`) with Go's message, e.g.
    /// "send on closed channel" or `"runtime error: index out of range [5] with length 3"`.
    Panic(String),
    /// A fatal error (outcome `fatal`), e.g. "sync: unlock of unlocked mutex".
    Fatal(String),
    /// A limit hit inside the interpreter (call depth, heap cap): outcome `limit`, message says
    /// which and where.
    Limit(String),
}

/// Result of an operation that may block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op<T> {
    /// Done without blocking.
    Ready(T),
    /// The goroutine is parked; the task must return [`Yield::Blocked`] and read the
    /// outcome with `cx.take_wake()` when resumed.
    Blocked,
    /// The operation panics with Go's message.
    Panic(String),
}

/// How a parked goroutine was woken; the task reads it with `cx.take_wake()` when resumed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wake<V> {
    /// A blocked send completed.
    Sent,
    /// A blocked receive completed (ok=false: closed, value=zero).
    Received { value: V, ok: bool },
    /// A blocked select fired case `case` (value: what a receive case got).
    Selected {
        case: usize,
        value: Option<V>,
        ok: bool,
    },
    /// The blocked sender's channel was closed: the task must panic "send on closed channel".
    SendOnClosed,
    /// Sleep over, lock acquired, Wait returned, Cond signalled, Once finished...
    Done,
}
