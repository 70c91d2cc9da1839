//! A goroutine's record in the scheduler's slab: its task, state, line and pending wake.

use super::ids::{AllocId, ChanId, Gid, MutexId, ObjId};
use super::state::GState;
use super::{Task, Wake};

/// Where a parked goroutine is registered, so waking it can unregister it everywhere else.
pub(crate) enum Park {
    /// Not registered anywhere that needs cleanup (single queue already popped, sleep, nil...).
    None,
    /// Parked in a select: it has a waiter entry in each of these channels' queues.
    Select(Box<[ChanId]>),
}

/// One goroutine. Slots are indexed by `Gid` and never reused, so an id stays meaningful in
/// events forever; a finished goroutine keeps only this small tombstone.
pub(crate) struct Goroutine<V> {
    /// Taken out while the task runs (so it can borrow the runtime through `Cx`), dropped on exit.
    pub task: Option<Box<dyn Task<V>>>,
    pub state: GState,
    pub alive: bool,
    pub line: u32,
    pub wake: Option<Wake<V>>,
    pub park: Park,
    /// The stack's entry in the heap ledger, freed on exit.
    pub stack: AllocId,
    /// Woken to take this mutex: it must still acquire it when it runs (Go's mutex lets a
    /// running goroutine barge in first). `true`: it was a Lock waiter (requeued at the front).
    pub relock: Option<(MutexId, bool)>,
    /// Bumped on every wake: wait-queue entries made before carry an older token and are stale
    /// (a select leaves one entry per channel; the others are dropped lazily).
    pub park_token: u32,
    /// The goroutine whose `go` statement started this one (`Gid(0)`: the runtime, for main
    /// and AfterFunc), for dumps' `created by ... in goroutine N`.
    pub parent: Gid,
    /// What it last parked on (read while it is parked): dumps show Go's library frames for
    /// the wait, which differ between a Mutex, an RWMutex's writer queue and a Once.
    pub on: Option<ObjId>,
}
