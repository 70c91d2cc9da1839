//! Measures of a run that name its harm: heap growth, contention, spinning, goroutine lifetimes.
//!
//! Everything here is measured from the run, never read from the program's text. One
//! [`Tally`] is kept by the [`super::Runtime`] as it runs (for the [`super::RunReport`]) and one
//! by each timeline fold from the events alone (for the [`super::Snapshot`] at any cursor); both
//! are fed the same calls, so the report and the last snapshot agree (a test checks it). The
//! hot path only adds to counters: per goroutine a start time and the current wait, per object
//! one entry created at its first wait.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::chunked_vec::ChunkedVec;
use super::ids::{Gid, ObjId};
use super::state::GState;

/// What a goroutine waited on, by kind of primitive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WaitKind {
    Mutex,
    Rwmutex,
    Channel,
    Waitgroup,
    Cond,
    Select,
    Sleep,
    Once,
    /// `IO wait`: a read or Accept on the virtual network.
    Net,
}

impl WaitKind {
    /// Every kind, in the order of [`WaitTotals`]' fields.
    pub const ALL: [WaitKind; 9] = [
        WaitKind::Mutex,
        WaitKind::Rwmutex,
        WaitKind::Channel,
        WaitKind::Waitgroup,
        WaitKind::Cond,
        WaitKind::Select,
        WaitKind::Sleep,
        WaitKind::Once,
        WaitKind::Net,
    ];

    /// The kind of a wait in `state` on `on`. The object decides first (Go parks a goroutine
    /// queued for a `sync.Once` or behind an RWMutex writer in `sync.Mutex.Lock`).
    pub fn of(state: GState, on: Option<ObjId>) -> WaitKind {
        match on {
            Some(ObjId::Mutex(_)) => return WaitKind::Mutex,
            Some(ObjId::RwMutex(_)) => return WaitKind::Rwmutex,
            Some(ObjId::Once(_)) => return WaitKind::Once,
            Some(ObjId::WaitGroup(_)) => return WaitKind::Waitgroup,
            Some(ObjId::Cond(_)) => return WaitKind::Cond,
            Some(ObjId::Chan(_)) | Some(ObjId::Timer(_)) => return WaitKind::Channel,
            Some(ObjId::Conn(_)) | Some(ObjId::Listener(_)) => return WaitKind::Net,
            None => {}
        }
        match state {
            GState::Select | GState::SelectNoCases => WaitKind::Select,
            GState::Sleep => WaitKind::Sleep,
            GState::WaitGroupWait => WaitKind::Waitgroup,
            GState::MutexLock => WaitKind::Mutex,
            GState::RwMutexLock | GState::RwMutexRLock => WaitKind::Rwmutex,
            GState::CondWait => WaitKind::Cond,
            GState::IoWait => WaitKind::Net,
            _ => WaitKind::Channel,
        }
    }

    /// The kind in words, as the JSON spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            WaitKind::Mutex => "mutex",
            WaitKind::Rwmutex => "rwmutex",
            WaitKind::Channel => "channel",
            WaitKind::Waitgroup => "waitgroup",
            WaitKind::Cond => "cond",
            WaitKind::Select => "select",
            WaitKind::Sleep => "sleep",
            WaitKind::Once => "once",
            WaitKind::Net => "net",
        }
    }
}

/// Goroutine-nanoseconds of virtual time spent parked, per kind of primitive: two goroutines
/// queued 10 ms each behind one mutex make `mutex = 20_000_000`. A wait still going on counts
/// up to the moment measured.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitTotals {
    pub mutex: i64,
    pub rwmutex: i64,
    pub channel: i64,
    pub waitgroup: i64,
    pub cond: i64,
    pub select: i64,
    pub sleep: i64,
    pub once: i64,
    /// `IO wait` on the virtual network (absent from the JSON when zero, so reports of
    /// programs without network keep their shape).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub net: i64,
}

fn is_zero(x: &i64) -> bool {
    *x == 0
}

impl WaitTotals {
    /// The total of one kind.
    pub fn get(&self, k: WaitKind) -> i64 {
        match k {
            WaitKind::Mutex => self.mutex,
            WaitKind::Rwmutex => self.rwmutex,
            WaitKind::Channel => self.channel,
            WaitKind::Waitgroup => self.waitgroup,
            WaitKind::Cond => self.cond,
            WaitKind::Select => self.select,
            WaitKind::Sleep => self.sleep,
            WaitKind::Once => self.once,
            WaitKind::Net => self.net,
        }
    }

    fn slot(&mut self, k: WaitKind) -> &mut i64 {
        match k {
            WaitKind::Mutex => &mut self.mutex,
            WaitKind::Rwmutex => &mut self.rwmutex,
            WaitKind::Channel => &mut self.channel,
            WaitKind::Waitgroup => &mut self.waitgroup,
            WaitKind::Cond => &mut self.cond,
            WaitKind::Select => &mut self.select,
            WaitKind::Sleep => &mut self.sleep,
            WaitKind::Once => &mut self.once,
            WaitKind::Net => &mut self.net,
        }
    }

    /// Waiting on synchronization: every kind but `sleep` (a sleep waits for nobody).
    pub fn contention(&self) -> i64 {
        self.mutex
            + self.rwmutex
            + self.channel
            + self.waitgroup
            + self.cond
            + self.select
            + self.once
    }
}

/// The object goroutines waited on longest, summed over all of them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MostWaited {
    /// The object as the snapshot's hover cards name it, e.g. `mutex #0`, `chan #3`.
    pub object: String,
    pub kind: WaitKind,
    /// Goroutine-nanoseconds parked on it.
    pub wait_ns: i64,
    /// The source line where a goroutine first parked on it (cheaper than its creation line,
    /// and the line a learner needs: where the queue forms).
    pub line: u32,
}

/// The goroutine whose unrecovered panic or fatal error ended the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Crash {
    /// The goroutine's id (main is 1).
    pub gid: u32,
    pub line: u32,
}

/// What a run did, measured; in the report (`measures` in the JSON) and in every snapshot.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Measures {
    /// Most modeled heap live at once.
    pub heap_peak_bytes: u64,
    /// Modeled heap live at the end (or at the snapshot).
    pub heap_final_bytes: u64,
    /// Every byte ever allocated, freed or not: growth and garbage-collector pressure.
    pub heap_allocated_bytes: u64,
    /// Goroutines started, main included.
    pub goroutines_started: u64,
    /// Most goroutines alive at once.
    pub goroutines_peak: u64,
    /// Goroutines (main excluded) that returned, and so have a lifetime.
    pub lifetimes_count: u64,
    /// Lifetimes, start to return in virtual ns, of goroutines other than main that returned
    /// (nearest-rank percentiles; 0 when none returned). Goroutines still alive are not in it:
    /// they are leaks or still running.
    pub lifetime_p50_ns: i64,
    pub lifetime_p99_ns: i64,
    pub lifetime_max_ns: i64,
    /// Goroutine-nanoseconds parked, per kind.
    pub wait_ns: WaitTotals,
    /// `wait_ns` without sleeps.
    pub contention_ns: i64,
    /// The object with the most goroutine-time parked on it (ties: the first one waited on).
    pub most_waited: Option<MostWaited>,
    /// Non-blocking operations that found nothing ready: a `select`'s `default` taken, a
    /// failed `TryLock`.
    pub idle_polls: u64,
    /// Steps a goroutine ran from one idle poll to its next idle poll with no channel
    /// operation, select case or lock succeeding and no wait other than a sleep in between:
    /// one lap of a polling loop that found nothing to do, summed. CPU burned spinning.
    pub spin_steps: u64,
    /// Panics stopped by `recover`.
    pub panics_recovered: u64,
    /// Who took the process down, for outcomes `panic` and `fatal`.
    pub crashed_by: Option<Crash>,
}

/// No idle poll since the last progress.
const NO_POLL: u64 = u64::MAX;

/// A goroutine's entry: 24 bytes, kept for every goroutine in every timeline checkpoint.
#[derive(Clone, Copy, Debug)]
struct GTally {
    /// Start time; [`DEAD`] for a slot that holds no live goroutine.
    born_ns: i64,
    /// Start of the current wait, if parked.
    since: i64,
    /// Index into `Tally::obj` of what it waits on, or [`NO_OBJ`].
    obj: u32,
    /// The [`WaitKind`] of its wait as an index, or [`NOT_WAITING`].
    kind: u8,
}

const DEAD: i64 = i64::MIN;
const NO_OBJ: u32 = u32::MAX;
const NOT_WAITING: u8 = u8::MAX;
const GONE: GTally = GTally {
    born_ns: DEAD,
    since: 0,
    obj: NO_OBJ,
    kind: NOT_WAITING,
};

#[derive(Clone, Copy, Debug, Default)]
struct ObjTally {
    done_ns: i64,
    waiting: i64,
    sum_since: i64,
    first_line: u32,
    order: u32,
}

/// Running sums behind [`Measures`]. Cheap to clone (for timeline checkpoints): per goroutine
/// three words, per waited-on object one entry, per distinct lifetime one entry.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tally {
    gs: ChunkedVec<GTally>,
    done: WaitTotals,
    /// Per kind: goroutines waiting now and the sum of their wait starts, so ongoing waits
    /// add up in O(1) at any instant: `waiting * now - sum_since`.
    waiting: [i64; 9],
    sum_since: [i64; 9],
    /// Per kind of object, by id: its index in `obj` plus one (0: not waited on yet). Ids are
    /// small and dense, so this is cheaper than hashing on every park.
    objects: [ChunkedVec<u32>; 9],
    obj: ChunkedVec<(ObjId, ObjTally)>,
    lifetimes: BTreeMap<i64, u64>,
    lifetimes_count: u64,
    allocated: u64,
    started: u64,
    live: u64,
    peak: u64,
    idle_polls: u64,
    spin_steps: u64,
    recovered: u64,
    crash: Option<Crash>,
}

fn kind_index(k: WaitKind) -> usize {
    k as usize
}

/// The object's kind as an index into `Tally::objects`, and its id.
fn obj_slot(o: ObjId) -> (usize, usize) {
    match o {
        ObjId::Chan(c) => (0, c.index()),
        ObjId::Timer(t) => (1, t.index()),
        ObjId::Mutex(m) => (2, m.index()),
        ObjId::RwMutex(m) => (3, m.index()),
        ObjId::WaitGroup(w) => (4, w.index()),
        ObjId::Cond(c) => (5, c.index()),
        ObjId::Once(o) => (6, o.index()),
        ObjId::Conn(c) => (7, c.index()),
        ObjId::Listener(l) => (8, l.index()),
    }
}

impl Tally {
    /// `gid` started at `now`.
    pub fn spawn(&mut self, gid: Gid, now: i64) {
        let i = gid.index();
        *self.gs.slot_or(i, GONE) = GTally {
            born_ns: now,
            ..GONE
        };
        self.started += 1;
        self.live += 1;
        self.peak = self.peak.max(self.live);
    }

    /// `gid` returned at `now`.
    pub fn exit(&mut self, gid: Gid, now: i64) {
        self.unblock(gid, now);
        let Some(g) = self.gs.get_mut(gid.index()) else {
            return;
        };
        let born = std::mem::replace(g, GONE).born_ns;
        if born == DEAD {
            return;
        }
        self.live = self.live.saturating_sub(1);
        if gid != Gid(1) {
            *self.lifetimes.entry(now - born).or_insert(0) += 1;
            self.lifetimes_count += 1;
        }
    }

    /// The index in `obj` of `o`, registering it (first waited on at `line`) if new.
    fn object(&mut self, o: ObjId, line: u32) -> u32 {
        let (kind, id) = obj_slot(o);
        let v = self.objects[kind].slot(id);
        if *v == 0 {
            let k = self.obj.len() as u32;
            *v = k + 1;
            self.obj.push((
                o,
                ObjTally {
                    first_line: line,
                    order: k,
                    ..ObjTally::default()
                },
            ));
        }
        *v - 1
    }

    /// `gid` parked at `now` in `state` on `on`, at `line`.
    pub fn block(&mut self, gid: Gid, state: GState, on: Option<ObjId>, line: u32, now: i64) {
        self.unblock(gid, now);
        let kind = kind_index(WaitKind::of(state, on));
        let obj = on.map_or(NO_OBJ, |o| self.object(o, line));
        let Some(g) = self.gs.get_mut(gid.index()) else {
            return;
        };
        if g.born_ns == DEAD {
            return;
        }
        g.since = now;
        g.kind = kind as u8;
        g.obj = obj;
        self.waiting[kind] += 1;
        self.sum_since[kind] += now;
        if let Some((_, t)) = self.obj.get_mut(obj as usize) {
            t.waiting += 1;
            t.sum_since += now;
        }
    }

    /// `gid` was woken (or exits) at `now`: its wait, if any, ends.
    pub fn unblock(&mut self, gid: Gid, now: i64) {
        let Some(g) = self.gs.get_mut(gid.index()) else {
            return;
        };
        if g.kind == NOT_WAITING {
            return;
        }
        let (kind, obj, since) = (g.kind as usize, g.obj, g.since);
        g.kind = NOT_WAITING;
        g.obj = NO_OBJ;
        *self.done.slot(WaitKind::ALL[kind]) += now - since;
        self.waiting[kind] -= 1;
        self.sum_since[kind] -= since;
        if let Some((_, t)) = self.obj.get_mut(obj as usize) {
            t.done_ns += now - since;
            t.waiting -= 1;
            t.sum_since -= since;
        }
    }

    /// `bytes` allocated.
    pub fn alloc(&mut self, bytes: u64) {
        self.allocated += bytes;
    }

    /// Idle polls and spin steps added since the last call.
    pub fn spin(&mut self, polls: u64, steps: u64) {
        self.idle_polls += polls;
        self.spin_steps += steps;
    }

    /// A panic was recovered.
    pub fn recovered(&mut self) {
        self.recovered += 1;
    }

    /// `gid` at `line` ended the run with a panic or fatal error (first one wins).
    pub fn crash(&mut self, gid: Gid, line: u32) {
        if self.crash.is_none() {
            self.crash = Some(Crash { gid: gid.0, line });
        }
    }

    /// The measures at virtual time `now`, with the heap ledger's figures.
    pub fn measures(&self, now: i64, heap_now: u64, heap_peak: u64) -> Measures {
        let mut wait = self.done;
        for k in WaitKind::ALL {
            let i = kind_index(k);
            *wait.slot(k) += self.waiting[i] * now - self.sum_since[i];
        }
        let most_waited = self
            .obj
            .iter()
            .map(|(o, t)| (t.done_ns + t.waiting * now - t.sum_since, t, o))
            .filter(|(ns, _, _)| *ns > 0)
            .max_by_key(|(ns, t, _)| (*ns, std::cmp::Reverse(t.order)))
            .map(|(ns, t, o)| MostWaited {
                object: object_name(*o),
                kind: WaitKind::of(GState::Runnable, Some(*o)),
                wait_ns: ns,
                line: t.first_line,
            });
        let pct = |p: u64| -> i64 {
            if self.lifetimes_count == 0 {
                return 0;
            }
            // Nearest rank: the smallest lifetime with at least p% of them at or below it.
            let rank = (self.lifetimes_count * p).div_ceil(100).max(1);
            let mut seen = 0;
            for (ns, n) in &self.lifetimes {
                seen += n;
                if seen >= rank {
                    return *ns;
                }
            }
            0
        };
        Measures {
            heap_peak_bytes: heap_peak,
            heap_final_bytes: heap_now,
            heap_allocated_bytes: self.allocated,
            goroutines_started: self.started,
            goroutines_peak: self.peak,
            lifetimes_count: self.lifetimes_count,
            lifetime_p50_ns: pct(50),
            lifetime_p99_ns: pct(99),
            lifetime_max_ns: self.lifetimes.keys().next_back().copied().unwrap_or(0),
            wait_ns: wait,
            contention_ns: wait.contention(),
            most_waited,
            idle_polls: self.idle_polls,
            spin_steps: self.spin_steps,
            panics_recovered: self.recovered,
            crashed_by: self.crash,
        }
    }
}

/// An object in words, numbered as the snapshot's hover cards number it.
pub fn object_name(o: ObjId) -> String {
    match o {
        ObjId::Chan(c) => format!("chan #{}", c.0),
        ObjId::Timer(t) => format!("timer #{}", t.0),
        ObjId::Mutex(m) => format!("mutex #{}", m.0),
        ObjId::RwMutex(m) => format!("RWMutex #{}", m.0),
        ObjId::WaitGroup(w) => format!("WaitGroup #{}", w.0),
        ObjId::Cond(c) => format!("Cond #{}", c.0),
        ObjId::Once(o) => format!("sync.Once #{}", o.0),
        ObjId::Conn(c) => format!("conn #{}", c.0),
        ObjId::Listener(l) => format!("listener #{}", l.0),
    }
}

/// Per goroutine, its own step count at its last idle poll ([`NO_POLL`]: none since it last
/// made progress); kept by the runtime only (the fold gets the sums through `Spin` events).
/// Own steps, not the global count: other goroutines run while a poller sleeps.
#[derive(Clone, Debug, Default)]
pub(crate) struct SpinWatch {
    last_poll: Vec<u64>,
    /// Steps each goroutine ran in its finished resumes.
    own: Vec<u64>,
    /// The global step count when the running goroutine was resumed.
    resumed_at: u64,
    /// Totals not yet announced in an event.
    pub polls: u64,
    pub steps: u64,
}

impl SpinWatch {
    /// A goroutine is resumed at global step `step`.
    pub fn resume(&mut self, step: u64) {
        self.resumed_at = step;
    }

    /// `gid`'s resume ended at global step `step`.
    pub fn pause(&mut self, gid: Gid, step: u64) {
        let i = gid.index();
        if self.own.len() <= i {
            self.own.resize(i + 1, 0);
        }
        self.own[i] += step - self.resumed_at;
    }

    /// `gid` (running) polled and found nothing ready at global step `step`.
    pub fn idle_poll(&mut self, gid: Gid, step: u64) {
        let i = gid.index();
        if self.last_poll.len() <= i {
            self.last_poll.resize(i + 1, NO_POLL);
        }
        let own = self.own.get(i).copied().unwrap_or(0) + (step - self.resumed_at);
        let last = std::mem::replace(&mut self.last_poll[i], own);
        if last != NO_POLL {
            self.steps += own - last;
        }
        self.polls += 1;
    }

    /// `gid` made progress (or waited on something other than the clock): the lap ends.
    pub fn progress(&mut self, gid: Gid) {
        if let Some(p) = self.last_poll.get_mut(gid.index()) {
            *p = NO_POLL;
        }
    }
}
