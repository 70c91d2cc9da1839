//! "Can anything still wake it?": which parked goroutines are leaked for certain.
//!
//! The rule of Go 1.26+'s goroutine leak profile (`runtime/mgc.go`, `findGoroutineLeaks`), on
//! golite's heap instead of Go's: a goroutine blocked on channels or sync objects is leaked for
//! certain when none of them is reachable from a root. Roots are the program's globals, the
//! stacks of goroutines that can run (running, runnable, sleeping: a sleep always ends), and
//! pending timers (a timer channel's value, an AfterFunc's function, a context's deadline). A
//! blocked goroutine's own stack is not a root: it counts only once one of the objects it waits
//! on turned out reachable, and then what it holds is marked too, to a fixed point.
//!
//! The runtime owns the objects (channels with their buffers, timers, contexts, sync objects)
//! and the edges between them; the interpreter owns the values. It shows the runtime what a
//! value or a task refers to through [`Value::trace`] and [`super::Task::trace`], reporting each runtime
//! object it meets to a [`Marker`] and skipping heap nodes it already visited
//! ([`Marker::first_visit`]), so the whole walk visits every node once: its cost is linear in
//! the live heap plus the goroutines, paid only when [`Runtime::reachability`] is called (at the
//! end of a run), never per step.
//!
//! Stricter than Go in two ways, each sound: a value a blocked sender offers belongs to its
//! stack (Go's collector cannot always tell), and a timer's channel does not keep a stopped timer
//! alive (only the timer itself could restart it).

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::context::CtxKind;
use super::ids::{
    ChanId, CondId, ConnId, CtxId, Gid, ListenerId, MutexId, ObjId, OnceId, RwMutexId, TimerId,
    WgId,
};
use super::scheduler::Runtime;
use super::state::GState;
use super::timer::TimerKind;
use super::{Cause, Value};

/// A runtime object that a value or a task refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Ref {
    Chan(ChanId),
    /// A `time.Timer` or `Ticker` (its channel, if any, comes with it) or an AfterFunc timer.
    Timer(TimerId),
    /// A context (its Done channel, parent, children, deadline and AfterFuncs come with it).
    Ctx(CtxId),
    Mutex(MutexId),
    RwMutex(RwMutexId),
    WaitGroup(WgId),
    /// A `sync.Cond` (its `L` comes with it).
    Cond(CondId),
    Once(OnceId),
    /// A connection end (its peer comes with it).
    Conn(ConnId),
    /// A listener.
    Listener(ListenerId),
}

/// Collects what the interpreter's values refer to during one reachability walk.
#[derive(Default)]
pub struct Marker {
    seen: HashSet<usize>,
    found: Vec<Ref>,
}

impl Marker {
    /// True the first time `addr` (a heap node's address, stable during the walk) is seen: the
    /// interpreter descends into a node only then, so shared and cyclic data is walked once.
    pub fn first_visit(&mut self, addr: usize) -> bool {
        self.seen.insert(addr)
    }

    /// The value being traced refers to runtime object `r`.
    pub fn refer(&mut self, r: Ref) {
        self.found.push(r);
    }
}

/// What reachability says of a parked goroutine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeakVerdict {
    /// Nothing that can run, no pending timer and no global reaches what it waits on: it can
    /// never wake (Go's goroutine leak profile would list it, or is too conservative to).
    Certain,
    /// Something can still reach what it waits on (or it sleeps): it may wake.
    Waiting,
}

/// The verdicts of one walk, by goroutine.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reachability {
    /// Indexed by `Gid`: proven leaked.
    certain: Vec<bool>,
    /// Indexed by `Gid`: parked (blocked or sleeping) when the walk ran.
    parked: Vec<bool>,
}

impl Reachability {
    /// `Certain`, `Waiting`, or `None` for a goroutine that is not parked (or not alive).
    pub fn verdict(&self, gid: Gid) -> Option<LeakVerdict> {
        match (self.parked.get(gid.index()), self.certain.get(gid.index())) {
            (Some(true), Some(true)) => Some(LeakVerdict::Certain),
            (Some(true), _) => Some(LeakVerdict::Waiting),
            _ => None,
        }
    }

    /// True when `gid` can never wake.
    pub fn is_certain(&self, gid: Gid) -> bool {
        self.certain.get(gid.index()).copied().unwrap_or(false)
    }

    /// The goroutines leaked for certain, in id order.
    pub fn certain(&self) -> impl Iterator<Item = Gid> + '_ {
        self.certain
            .iter()
            .enumerate()
            .filter(|(_, c)| **c)
            .map(|(i, _)| Gid(i as u32))
    }
}

/// The walk's state: marked objects, goroutines known to be wakeable, and the work lists.
struct Walk<'a, V> {
    marker: Marker,
    marked: HashSet<Ref>,
    rooted: Vec<bool>,
    goroutines: Vec<Gid>,
    /// Who waits on each object.
    waiters: HashMap<Ref, Vec<Gid>>,
    /// The value each blocked sender offers, by goroutine (sorted): part of its stack.
    offers: Vec<(Gid, &'a V)>,
    /// Some goroutine can run, so every listener can still get a connection.
    dialers: bool,
}

impl<V: Value> Runtime<V> {
    /// What each live parked goroutine waits on: channels (every case of a select), mutexes,
    /// RWMutexes, WaitGroups, Conds and Onces; a sleeping goroutine or one blocked on a nil
    /// channel has none. Indexed by `Gid`. Built from the objects' wait queues, so it costs
    /// nothing while the program runs.
    pub fn wait_refs(&self) -> Vec<Vec<Ref>> {
        let mut waits: Vec<Vec<Ref>> = Vec::new();
        waits.resize_with(self.gs.len(), Vec::new);
        self.each_waiter(|r, g| waits[g.index()].push(r));
        for w in &mut waits {
            w.sort_unstable();
            w.dedup();
        }
        waits
    }

    /// Calls `f(object, goroutine)` for every live entry of every wait queue.
    fn each_waiter(&self, mut f: impl FnMut(Ref, Gid)) {
        let parked = |g: Gid| {
            self.gs
                .get(g.index())
                .is_some_and(|x| x.alive && x.state.is_blocked())
        };
        for (i, ch) in self.chans.iter().enumerate() {
            for w in ch.sendq.iter().chain(ch.recvq.iter()) {
                if parked(w.gid) && self.gs[w.gid.index()].park_token == w.token {
                    f(Ref::Chan(ChanId(i as u32)), w.gid);
                }
            }
        }
        let s = &self.sync;
        for (i, m) in s.mutexes.iter().enumerate() {
            m.waiters
                .iter()
                .filter(|g| parked(**g))
                .for_each(|g| f(Ref::Mutex(MutexId(i as u32)), *g));
        }
        for (i, m) in s.rwmutexes.iter().enumerate() {
            let r = Ref::RwMutex(RwMutexId(i as u32));
            m.w_waiters
                .iter()
                .chain(m.readers_waiting.iter())
                .chain(m.pending_writer.iter())
                .filter(|g| parked(**g))
                .for_each(|g| f(r, *g));
        }
        for (i, w) in s.wgs.iter().enumerate() {
            w.waiters
                .iter()
                .filter(|g| parked(**g))
                .for_each(|g| f(Ref::WaitGroup(WgId(i as u32)), *g));
        }
        for (i, c) in s.conds.iter().enumerate() {
            c.waiters
                .iter()
                .filter(|g| parked(**g))
                .for_each(|g| f(Ref::Cond(CondId(i as u32)), *g));
        }
        for (i, o) in s.onces.iter().enumerate() {
            o.waiters
                .iter()
                .filter(|g| parked(**g))
                .for_each(|g| f(Ref::Once(OnceId(i as u32)), *g));
        }
        for (g, on) in self.net_waiters() {
            if parked(g) {
                match on {
                    ObjId::Conn(c) => f(Ref::Conn(c), g),
                    ObjId::Listener(l) => f(Ref::Listener(l), g),
                    _ => {}
                }
            }
        }
    }

    /// Which parked goroutines can never wake (see the module note). Linear in the live heap
    /// and the goroutines; call it when a run ends or on demand, not per step.
    pub fn reachability(&self) -> Reachability {
        let n = self.gs.len();
        let mut walk = Walk {
            marker: Marker::default(),
            marked: HashSet::new(),
            rooted: vec![false; n],
            goroutines: Vec::new(),
            waiters: HashMap::new(),
            offers: Vec::new(),
            dialers: false,
        };
        let mut waits_on_something = vec![false; n];
        self.each_waiter(|r, g| {
            walk.waiters.entry(r).or_default().push(g);
            waits_on_something[g.index()] = true;
        });
        for ch in &self.chans {
            for w in &ch.sendq {
                let g = &self.gs[w.gid.index()];
                if let Some(v) = &w.val
                    && g.alive
                    && g.park_token == w.token
                {
                    walk.offers.push((w.gid, v));
                }
            }
        }
        walk.offers.sort_by_key(|(g, _)| *g);

        let mut parked = vec![false; n];
        for (i, g) in self.gs.iter().enumerate() {
            if !g.alive {
                continue;
            }
            parked[i] = g.state.is_blocked();
            let root = match g.state {
                GState::Running | GState::Runnable | GState::Sleep => true,
                // Nothing can ever wake these.
                GState::ChanSendNil | GState::ChanRecvNil | GState::SelectNoCases => false,
                // Parked on an object this walk does not know: assume it can wake.
                _ => !waits_on_something[i],
            };
            if root {
                walk.goroutines.push(Gid(i as u32));
            }
        }
        // The globals: any task of the program can show them.
        if let Some(t) = self
            .gs
            .iter()
            .filter(|g| g.alive)
            .find_map(|g| g.task.as_ref())
        {
            t.trace_globals(&mut walk.marker);
        }
        for (i, slot) in self.timers.slots.iter().enumerate() {
            if slot.when.is_some() {
                walk.marker.refer(Ref::Timer(TimerId(i as u32)));
            }
        }
        // The walk only decides the parked goroutines: it stops once each can be woken (a
        // program whose goroutines all run, or wait on live objects, is not walked through a
        // million-node list for nothing).
        let mut undecided = parked.iter().filter(|p| **p).count();
        loop {
            if undecided == 0 {
                break;
            }
            if let Some(g) = walk.goroutines.pop() {
                if parked[g.index()] && !walk.rooted[g.index()] {
                    undecided -= 1;
                }
                self.root_goroutine(&mut walk, g);
            } else if let Some(r) = walk.marker.found.pop() {
                if walk.marked.insert(r) {
                    self.mark(&mut walk, r);
                }
            } else {
                break;
            }
        }
        let certain = (0..n)
            .map(|i| parked[i] && !walk.rooted[i] && self.gs[i].alive)
            .collect();
        Reachability { certain, parked }
    }

    /// `g` can run or be woken: what its stack holds (and the value it offers) is reachable.
    fn root_goroutine(&self, walk: &mut Walk<'_, V>, g: Gid) {
        if std::mem::replace(&mut walk.rooted[g.index()], true) {
            return;
        }
        // A goroutine that can run can dial any listener (addresses are global).
        if !walk.dialers {
            walk.dialers = true;
            for l in self.listener_ids() {
                walk.marker.refer(Ref::Listener(l));
            }
        }
        if let Some(task) = &self.gs[g.index()].task {
            task.trace(&mut walk.marker);
        }
        let from = walk.offers.partition_point(|(o, _)| *o < g);
        for (_, v) in walk.offers[from..].iter().take_while(|(o, _)| *o == g) {
            v.trace(&mut walk.marker);
        }
    }

    /// `r` is reachable: so are the goroutines waiting on it and what it refers to.
    fn mark(&self, walk: &mut Walk<'_, V>, r: Ref) {
        if let Some(gs) = walk.waiters.get(&r) {
            walk.goroutines.extend(gs.iter().copied());
        }
        let m = &mut walk.marker;
        match r {
            Ref::Chan(c) => {
                if let Some(ch) = self.chans.get(c.index()) {
                    ch.buf.iter().for_each(|v| v.trace(m));
                }
            }
            Ref::Timer(t) => match self.timers.slots.get(t.index()).map(|s| &s.kind) {
                Some(TimerKind::Chan { chan, .. }) => m.refer(Ref::Chan(*chan)),
                Some(TimerKind::Func {
                    task: Some(task), ..
                }) => task.trace(m),
                Some(TimerKind::Ctx(c)) => m.refer(Ref::Ctx(*c)),
                Some(TimerKind::Sleep(g)) | Some(TimerKind::Net(g)) => walk.goroutines.push(*g),
                _ => {}
            },
            Ref::Ctx(c) => {
                let Some(node) = self.ctxs.nodes.get(c.index()) else {
                    return;
                };
                // Go's contexts point both ways (a child holds its parent, a cancellable
                // parent its children), so the whole tree is reachable from any node.
                node.done.iter().for_each(|d| m.refer(Ref::Chan(*d)));
                node.parent.iter().for_each(|p| m.refer(Ref::Ctx(*p)));
                node.children.iter().for_each(|k| m.refer(Ref::Ctx(*k)));
                node.timer.iter().for_each(|t| m.refer(Ref::Timer(*t)));
                if let CtxKind::Value { key, val } = &node.kind {
                    key.trace(m);
                    val.trace(m);
                }
                if let Some(Cause::Value(v)) = &node.cause {
                    v.trace(m);
                }
                node.deadline_cause.iter().for_each(|v| v.trace(m));
                for f in &node.funcs {
                    if let Some(task) = self.ctxs.funcs.get(f.index()).and_then(|e| e.task.as_ref())
                    {
                        task.trace(m);
                    }
                }
            }
            Ref::Cond(c) => {
                if let Some(cond) = self.sync.conds.get(c.index()) {
                    m.refer(Ref::Mutex(cond.mutex));
                }
            }
            Ref::Conn(c) => {
                if let Some(p) = self.conn_peer(c) {
                    m.refer(Ref::Conn(p));
                }
            }
            Ref::Mutex(_)
            | Ref::RwMutex(_)
            | Ref::WaitGroup(_)
            | Ref::Once(_)
            | Ref::Listener(_) => {}
        }
    }
}

/// What a pending timer does when it fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerTarget {
    /// Wakes this sleeping goroutine.
    Sleep(Gid),
    /// Delivers the time on this channel; `period > 0` for a ticker.
    Chan { chan: ChanId, period: i64 },
    /// Starts an AfterFunc's function as a new goroutine (`line`: where AfterFunc was called).
    Func { line: u32 },
    /// Cancels this context (its deadline).
    Ctx(CtxId),
    /// Wakes this goroutine parked on the network (bytes or EOF due, a deadline).
    Net(Gid),
}

/// A timer that will fire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PendingTimer {
    pub timer: TimerId,
    /// Virtual time it fires at.
    pub when: i64,
    pub target: TimerTarget,
}

impl<V: Value> Runtime<V> {
    /// Every pending timer, earliest first (then by id): what will still happen on the clock.
    pub fn pending_timers(&self) -> Vec<PendingTimer> {
        let mut out: Vec<PendingTimer> = self
            .timers
            .slots
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let target = match &s.kind {
                    TimerKind::Sleep(g) => TimerTarget::Sleep(*g),
                    TimerKind::Chan { chan, period } => TimerTarget::Chan {
                        chan: *chan,
                        period: *period,
                    },
                    TimerKind::Func { line, .. } => TimerTarget::Func { line: *line },
                    TimerKind::Ctx(c) => TimerTarget::Ctx(*c),
                    TimerKind::Net(g) => TimerTarget::Net(*g),
                    TimerKind::Free => return None,
                };
                Some(PendingTimer {
                    timer: TimerId(i as u32),
                    when: s.when?,
                    target,
                })
            })
            .collect();
        out.sort_by_key(|t| (t.when, t.timer));
        out
    }
}
