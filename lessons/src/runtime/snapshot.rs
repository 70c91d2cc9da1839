//! Snapshots: the whole visible state of a run after some prefix of its events.
//!
//! [`Fold`] is the compact state events are folded into (cheap to clone for checkpoints);
//! [`Snapshot`] is the rich, serializable view built from it for the UI.

use std::rc::Rc;

use serde::{Serialize, Serializer};

use super::chunked_vec::ChunkedVec;
use super::event::{CaseWait, Event, EventKind};
use super::ids::{ChanId, Gid, MutexId, ObjId, TimerId, WgId};
use super::measures::{Measures, Tally};
use super::network::{ConnState, Side};
use super::report::Outcome;
use super::state::GState;

/// A live goroutine in a snapshot.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GoroutineView {
    pub gid: Gid,
    #[serde(serialize_with = "ser_rc_str")]
    pub name: Rc<str>,
    pub state: GState,
    pub line: u32,
    /// Virtual time it entered its state (parked, or made runnable): the "since when" of a
    /// goroutine dump's `[chan send, 2 minutes]`.
    pub since_ns: i64,
    /// What it is parked on; `None` while it runs or can run. Kept as ids (cheap to copy for
    /// 100,000 goroutines a frame); [`GoroutineView::waits_on_text`] says it in words.
    #[serde(skip)]
    pub waits_on: Option<WaitsOn>,
}

/// What a parked goroutine waits on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WaitsOn {
    /// One object: a channel, mutex, RWMutex, WaitGroup, Cond or Once.
    Object(ObjId),
    /// Every channel case of a parked `select`.
    Select(Rc<[CaseWait]>),
}

impl GoroutineView {
    /// What the goroutine waits on, in words for the map's hover card (`send on chan #3`,
    /// `select: receive from chan #1, receive from chan #4`); `None` while it runs or can run.
    /// Numbers are the runtime's ids, the same the channel gauges show.
    pub fn waits_on_text(&self) -> Option<String> {
        use GState as S;
        use ObjId as O;
        let obj = match &self.waits_on {
            Some(WaitsOn::Object(o)) => Some(*o),
            _ => None,
        };
        Some(match (self.state, obj) {
            (S::ChanSend, Some(O::Chan(c))) => format!("send on chan #{}", c.0),
            (S::ChanRecv, Some(O::Chan(c))) => format!("receive from chan #{}", c.0),
            (S::Coroutine, Some(O::Chan(c))) => {
                format!("its turn in a coroutine switch (chan #{})", c.0)
            }
            (S::Select, _) => {
                let Some(WaitsOn::Select(cases)) = &self.waits_on else {
                    return None;
                };
                let cases: Vec<String> = cases
                    .iter()
                    .map(|w| {
                        let op = if w.send { "send on" } else { "receive from" };
                        format!("{op} chan #{}", w.chan.0)
                    })
                    .collect();
                format!("select: {}", cases.join(", "))
            }
            (S::SelectNoCases, _) => "nothing: an empty select blocks forever".into(),
            (S::ChanSendNil, _) => "send on a nil channel: blocks forever".into(),
            (S::ChanRecvNil, _) => "receive from a nil channel: blocks forever".into(),
            (S::Sleep, _) => "the clock: time.Sleep".into(),
            (S::MutexLock, Some(O::Mutex(m))) => format!("mutex #{}", m.0),
            (S::MutexLock, Some(O::Once(o))) => {
                format!("sync.Once #{} (another call runs it)", o.0)
            }
            // Go's RWMutex.Lock first queues on the writers' inner mutex, as here.
            (S::MutexLock, Some(O::RwMutex(m))) => {
                format!("RWMutex #{} (to write, behind another writer)", m.0)
            }
            (S::RwMutexLock, Some(O::RwMutex(m))) => {
                format!("RWMutex #{} (to write, once its readers leave)", m.0)
            }
            (S::RwMutexRLock, Some(O::RwMutex(m))) => format!("RWMutex #{} (to read)", m.0),
            (S::WaitGroupWait, Some(O::WaitGroup(w))) => format!("WaitGroup #{}", w.0),
            (S::CondWait, Some(O::Cond(c))) => format!("Cond #{}", c.0),
            (S::IoWait, Some(O::Conn(c))) => format!("conn #{} (to read)", c.0),
            (S::IoWait, Some(O::Listener(l))) => format!("listener #{} (to accept)", l.0),
            _ => return None,
        })
    }
}

/// How many goroutines are in one state.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StateCount {
    pub state: GState,
    pub count: u32,
}

/// Goroutines in one state at one line (the code view's per-line badges).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LineGroup {
    pub state: GState,
    pub line: u32,
    pub count: u32,
    pub gids: Vec<Gid>,
}

/// A channel gauge: buffer fill and the goroutines parked sending or receiving on it,
/// including those parked in a select with a case on it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChanView {
    pub chan: ChanId,
    pub cap: u32,
    pub len: u32,
    pub closed: bool,
    pub senders: u32,
    pub receivers: u32,
}

/// Connection ends of one side of the virtual network (`network.rs`), by state: what a
/// connections pane draws. `open` is `active + idle`; `closed` counts the ends this side closed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ConnCounts {
    pub open: u32,
    pub active: u32,
    pub idle: u32,
    pub closed: u32,
}

/// The virtual network's connections per side.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct NetView {
    /// Ends made by `Dial` (an HTTP client's connections).
    pub client: ConnCounts,
    /// Ends returned by `Accept` (a server's connections).
    pub server: ConnCounts,
}

/// A connection pool as its library reports it (`EventKind::Pool`): its limits (0: none) and
/// the requests queued for one of its connections.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct PoolView {
    pub pool: u32,
    pub max_conns: u32,
    pub max_idle: u32,
    pub queued: u32,
}

/// A pending timer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TimerView {
    pub timer: TimerId,
    pub at: i64,
}

/// Everything the UI shows at one point of a run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Snapshot {
    /// Number of events applied.
    pub index: usize,
    pub step: u64,
    pub time_ns: i64,
    /// The goroutine of the last event, if it is still running.
    pub running: Option<Gid>,
    /// Live goroutines by id.
    pub goroutines: Vec<GoroutineView>,
    /// Live goroutines per state, in [`GState`] order.
    pub by_state: Vec<StateCount>,
    /// Live goroutines per (line, state), sorted by line then state.
    pub by_line: Vec<LineGroup>,
    /// Channels some goroutine can still reach, by id.
    pub chans: Vec<ChanView>,
    /// Pending timers, soonest first.
    pub timers: Vec<TimerView>,
    /// Who holds each mutex that a goroutine waits for (by mutex id).
    pub mutex_holders: Vec<MutexHolderView>,
    /// The counter of each WaitGroup that a goroutine waits on (by id).
    pub wait_groups: Vec<WaitGroupView>,
    /// Connections of the virtual network, per side and state (all zero without network).
    pub net: NetView,
    /// Connection pools (an HTTP transport's, per host), by id.
    pub pools: Vec<PoolView>,
    pub heap_bytes: u64,
    pub heap_peak_bytes: u64,
    /// What the program printed so far, as kept (see `RunReport::stdout`).
    pub output: String,
    /// Bytes printed so far, kept or not: exact where the output was cut and at the end, the
    /// totals at the cut in between (the dropped output has no events).
    pub output_bytes: u64,
    /// Lines printed so far, as `output_bytes` (an unterminated last line counts).
    pub output_lines: u64,
    /// `output` holds only the start of what was printed.
    pub output_truncated: bool,
    /// Set once the run's `End` event is applied.
    pub outcome: Option<Outcome>,
    /// The panic or fatal message, once applied.
    pub panic: Option<String>,
    /// The run's measures up to this point (the report's `measures` at the end).
    pub measures: Measures,
}

#[derive(Clone, Debug)]
struct GFold {
    state: GState,
    line: u32,
    since_ns: i64,
    on: Option<ObjId>,
    cases: Option<Rc<[CaseWait]>>,
}

/// Who holds a mutex that goroutines wait for, and where it took it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct MutexHolderView {
    pub mutex: MutexId,
    pub gid: Gid,
    pub line: u32,
}

/// The counter of a WaitGroup that goroutines wait on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct WaitGroupView {
    pub wg: WgId,
    pub counter: i64,
}

#[derive(Clone, Copy, Debug, Default)]
struct CFold {
    cap: u32,
    len: u32,
    closed: bool,
    released: bool,
    senders: u32,
    receivers: u32,
}

/// The folded state after `index` events.
#[derive(Clone, Debug, Default)]
pub(crate) struct Fold {
    pub index: usize,
    step: u64,
    time_ns: i64,
    last_gid: Gid,
    gs: ChunkedVec<Option<GFold>>,
    chans: ChunkedVec<CFold>,
    timers: ChunkedVec<Option<i64>>,
    /// By mutex: its holder and line, as last recorded (see `EventKind::MutexHolder`).
    holders: ChunkedVec<Option<(Gid, u32)>>,
    /// By WaitGroup: its counter, as last recorded.
    wg_counters: ChunkedVec<Option<i64>>,
    /// By connection end: its side and state, once it opened.
    conns: ChunkedVec<Option<(Side, ConnState)>>,
    pools: Vec<Option<PoolView>>,
    heap: u64,
    heap_peak: u64,
    output: String,
    output_newlines: u64,
    /// `(bytes, lines)` printed in all, once the output was cut.
    output_cut: Option<(u64, u64)>,
    outcome: Option<Outcome>,
    panic: Option<String>,
    tally: Tally,
}

fn slot<T: Default + Clone>(v: &mut Vec<T>, i: usize) -> &mut T {
    if v.len() <= i {
        v.resize(i + 1, T::default());
    }
    &mut v[i]
}

impl Fold {
    fn waiting(&mut self, g: &GFold, delta: i32) {
        if let Some(cases) = &g.cases {
            for w in cases.iter() {
                let cf = self.chans.slot(w.chan.index());
                let field = if w.send {
                    &mut cf.senders
                } else {
                    &mut cf.receivers
                };
                *field = field.saturating_add_signed(delta);
            }
            return;
        }
        let Some(ObjId::Chan(c)) = g.on else { return };
        let cf = self.chans.slot(c.index());
        let field = match g.state {
            GState::ChanSend => &mut cf.senders,
            GState::ChanRecv | GState::Coroutine => &mut cf.receivers,
            _ => return,
        };
        *field = field.saturating_add_signed(delta);
    }

    /// Applies one event.
    pub fn apply(&mut self, e: &Event) {
        self.index += 1;
        self.step = e.step;
        self.time_ns = e.time_ns;
        self.last_gid = e.gid;
        if let Some(Some(g)) = self.gs.get_mut(e.gid.index()) {
            g.line = e.line;
        }
        match &e.kind {
            EventKind::Spawn { child, .. } => {
                self.tally.spawn(*child, e.time_ns);
                *self.gs.slot(child.index()) = Some(GFold {
                    state: GState::Runnable,
                    line: 0,
                    since_ns: e.time_ns,
                    on: None,
                    cases: None,
                });
            }
            EventKind::Block { state, on, cases } => {
                self.tally.block(e.gid, *state, *on, e.line, e.time_ns);
                if let Some(Some(g)) = self.gs.get(e.gid.index()).cloned() {
                    self.waiting(&g, -1);
                }
                let g = GFold {
                    state: *state,
                    line: e.line,
                    since_ns: e.time_ns,
                    on: *on,
                    cases: cases.clone(),
                };
                self.waiting(&g, 1);
                *self.gs.slot(e.gid.index()) = Some(g);
            }
            EventKind::Unblock => {
                self.tally.unblock(e.gid, e.time_ns);
                if let Some(Some(g)) = self.gs.get(e.gid.index()).cloned() {
                    self.waiting(&g, -1);
                    *self.gs.slot(e.gid.index()) = Some(GFold {
                        state: GState::Runnable,
                        line: e.line,
                        since_ns: e.time_ns,
                        on: None,
                        cases: None,
                    });
                }
            }
            EventKind::Exit => {
                self.tally.exit(e.gid, e.time_ns);
                if let Some(g) = self.gs.get_mut(e.gid.index()) {
                    *g = None;
                }
            }
            EventKind::Send { chan, len } | EventKind::Recv { chan, len } => {
                self.chans.slot(chan.index()).len = *len;
            }
            EventKind::Close { chan } => self.chans.slot(chan.index()).closed = true,
            EventKind::ChanRelease { chan } => {
                self.chans.slot(chan.index()).released = true;
            }
            EventKind::ChanMake { chan, cap } => {
                *self.chans.slot(chan.index()) = CFold {
                    cap: *cap,
                    ..CFold::default()
                };
            }
            EventKind::TimerSet { timer, at } => *self.timers.slot(timer.index()) = Some(*at),
            EventKind::TimerFire { timer } | EventKind::TimerStop { timer } => {
                *self.timers.slot(timer.index()) = None;
            }
            EventKind::Alloc { bytes } => {
                self.tally.alloc(*bytes);
                self.heap += bytes;
                self.heap_peak = self.heap_peak.max(self.heap);
            }
            EventKind::Free { bytes } => self.heap = self.heap.saturating_sub(*bytes),
            EventKind::Output { text } => {
                self.output.push_str(text);
                self.output_newlines += text.bytes().filter(|&b| b == b'\n').count() as u64;
            }
            EventKind::OutputCut { bytes, lines } => self.output_cut = Some((*bytes, *lines)),
            EventKind::Panic { msg } => {
                self.tally.crash(e.gid, e.line);
                self.panic = Some(msg.clone());
            }
            EventKind::Spin { idle_polls, steps } => self.tally.spin(*idle_polls, *steps),
            EventKind::Recovered => self.tally.recovered(),
            EventKind::MutexHolder { mutex, holder, at } => {
                *self.holders.slot(mutex.index()) = holder.map(|g| (g, *at));
            }
            EventKind::WaitGroupCounter { wg, counter } => {
                *self.wg_counters.slot(wg.index()) = Some(*counter);
            }
            EventKind::Conn { conn, side, state } => {
                *self.conns.slot(conn.index()) = Some((*side, *state));
            }
            EventKind::Pool {
                pool,
                max_conns,
                max_idle,
                queued,
            } => {
                *slot(&mut self.pools, *pool as usize) = Some(PoolView {
                    pool: *pool,
                    max_conns: *max_conns,
                    max_idle: *max_idle,
                    queued: *queued,
                });
            }
            EventKind::End { outcome } => self.outcome = Some(*outcome),
        }
    }

    /// Builds the UI view; `names[gid]` is each goroutine's function name.
    pub fn snapshot(&self, names: &[Rc<str>]) -> Snapshot {
        let running = match self.gs.get(self.last_gid.index()) {
            Some(Some(g)) if !g.state.is_blocked() && self.outcome.is_none() => Some(self.last_gid),
            _ => None,
        };
        let mut goroutines = Vec::with_capacity(self.gs.len());
        // Groups by (line, state), found through a table indexed by line: one pass, no sort
        // over the goroutines (there can be 100,000). Goroutines come in id order, so each
        // group's ids are sorted as they are pushed.
        let mut by_line: Vec<LineGroup> = Vec::new();
        let mut group_at: Vec<[u32; GState::ALL.len()]> = Vec::new();
        let mut counts = [0u32; GState::ALL.len()];
        for (i, g) in self.gs.iter().enumerate() {
            let Some(g) = g else { continue };
            let gid = Gid(i as u32);
            let state = if Some(gid) == running {
                GState::Running
            } else {
                g.state
            };
            counts[state as usize] += 1;
            let at = slot(&mut group_at, g.line as usize);
            match at[state as usize] {
                0 => {
                    by_line.push(LineGroup {
                        state,
                        line: g.line,
                        count: 1,
                        gids: vec![gid],
                    });
                    at[state as usize] = by_line.len() as u32;
                }
                k => {
                    let group = &mut by_line[k as usize - 1];
                    group.count += 1;
                    group.gids.push(gid);
                }
            }
            let waits_on = if !state.is_blocked() {
                None
            } else if let Some(cases) = &g.cases {
                Some(WaitsOn::Select(Rc::clone(cases)))
            } else {
                g.on.map(WaitsOn::Object)
            };
            goroutines.push(GoroutineView {
                gid,
                name: names.get(i).cloned().unwrap_or_else(|| Rc::from("")),
                state,
                line: g.line,
                since_ns: g.since_ns,
                waits_on,
            });
        }
        // Within a line, states sort by their Go name.
        by_line
            .sort_unstable_by(|a, b| (a.line, a.state.as_str()).cmp(&(b.line, b.state.as_str())));
        let by_state = GState::ALL
            .iter()
            .filter(|s| counts[**s as usize] > 0)
            .map(|s| StateCount {
                state: *s,
                count: counts[*s as usize],
            })
            .collect();
        let chans = self
            .chans
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.released)
            .map(|(i, c)| ChanView {
                chan: ChanId(i as u32),
                cap: c.cap,
                len: c.len,
                closed: c.closed,
                senders: c.senders,
                receivers: c.receivers,
            })
            .collect();
        let mut timers: Vec<TimerView> = self
            .timers
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                t.map(|at| TimerView {
                    timer: TimerId(i as u32),
                    at,
                })
            })
            .collect();
        timers.sort_by_key(|t| (t.at, t.timer));
        // Only the objects someone waits on at this point: what was recorded for the others
        // may be out of date (see `EventKind::MutexHolder`). Few objects are recorded; one
        // pass over the goroutines finds which are waited on.
        let mut mutex_holders: Vec<(MutexHolderView, bool)> = self
            .holders
            .iter()
            .enumerate()
            .filter_map(|(i, h)| {
                let (gid, line) = (*h)?;
                let mutex = MutexId(i as u32);
                Some((MutexHolderView { mutex, gid, line }, false))
            })
            .collect();
        let mut wait_groups: Vec<(WaitGroupView, bool)> = self
            .wg_counters
            .iter()
            .enumerate()
            .filter_map(|(i, c)| {
                let wg = WgId(i as u32);
                Some((WaitGroupView { wg, counter: (*c)? }, false))
            })
            .collect();
        if !mutex_holders.is_empty() || !wait_groups.is_empty() {
            for g in &goroutines {
                match g.waits_on {
                    Some(WaitsOn::Object(ObjId::Mutex(m))) => {
                        for h in mutex_holders.iter_mut().filter(|h| h.0.mutex == m) {
                            h.1 = true;
                        }
                    }
                    Some(WaitsOn::Object(ObjId::WaitGroup(w))) => {
                        for c in wait_groups.iter_mut().filter(|c| c.0.wg == w) {
                            c.1 = true;
                        }
                    }
                    _ => {}
                }
            }
        }
        let mutex_holders = mutex_holders
            .into_iter()
            .filter_map(|(h, waited)| waited.then_some(h))
            .collect();
        let wait_groups = wait_groups
            .into_iter()
            .filter_map(|(c, waited)| waited.then_some(c))
            .collect();
        let mut net = NetView::default();
        for (side, state) in self.conns.iter().flatten() {
            let c = match side {
                Side::Client => &mut net.client,
                Side::Server => &mut net.server,
            };
            match state {
                ConnState::Active => c.active += 1,
                ConnState::Idle => c.idle += 1,
                ConnState::Closed => c.closed += 1,
            }
            c.open = c.active + c.idle;
        }
        Snapshot {
            index: self.index,
            step: self.step,
            time_ns: self.time_ns,
            running,
            goroutines,
            by_state,
            by_line,
            chans,
            timers,
            mutex_holders,
            wait_groups,
            net,
            pools: self.pools.iter().flatten().copied().collect(),
            heap_bytes: self.heap,
            heap_peak_bytes: self.heap_peak,
            output: self.output.clone(),
            output_bytes: self.output_cut.map_or(self.output.len() as u64, |(b, _)| b),
            output_lines: self.output_cut.map_or(
                self.output_newlines
                    + u64::from(!self.output.is_empty() && !self.output.ends_with('\n')),
                |(_, l)| l,
            ),
            output_truncated: self.output_cut.is_some(),
            outcome: self.outcome,
            panic: self.panic.clone(),
            measures: self.tally.measures(self.time_ns, self.heap, self.heap_peak),
        }
    }
}

fn ser_rc_str<S: Serializer>(v: &Rc<str>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(v)
}
