//! The data race detector (Go's `-race`), off unless [`Runtime::enable_race`] is called.
//!
//! Happens-before is tracked with vector clocks, as in ThreadSanitizer v3 (the detector inside
//! Go's race runtime), so that golite reports the pairs `go run -race` reports:
//! - every goroutine has a clock; every sync object has one (a mutex, each buffered channel
//!   slot, a WaitGroup, an atomic variable...) and the runtime applies Go's race annotations at
//!   each sync operation (`acquire`, `release` = store, `release_merge` = join; see
//!   `docs/ARCHITECTURE.md` § Race detector for the edge list);
//! - every memory location the interpreter reports keeps up to four *shadow cells* (goroutine,
//!   epoch, read/write, atomic, where), scanned and replaced exactly as TSan's `CheckRaces`
//!   does: a conflicting cell whose epoch the accessing goroutine's clock has not reached is a
//!   race; the racing access is then not stored and the location's cells are cleared (so later
//!   accesses compare afresh, as in Go); a race is reported once per pair of source locations.
//!
//! Clocks are sparse (sorted `(goroutine, epoch)` pairs), so 100,000 goroutines cost nothing
//! until they synchronise. The entry of a goroutine that has exited and that no shadow cell
//! mentions any more can never be consulted again: it is *retired* and dropped from clocks as
//! they are merged, which keeps a mutex passed through 100,000 short-lived goroutines at a few
//! entries instead of 100,000.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::Value;
use super::cx::Cx;
use super::ids::{ChanId, CtxId, Gid, MutexId, OnceId, RwMutexId, TimerId, WgId};
use super::scheduler::Runtime;

/// A multiplicative hasher for the shadow table's integer keys (SipHash would double the cost
/// of an access).
#[derive(Default)]
pub(crate) struct IntHasher(u64);

impl Hasher for IntHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(u64::from(*b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(29) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

type IntMap<K, V> = HashMap<K, V, BuildHasherDefault<IntHasher>>;

/// A memory location as the interpreter names it: an object (any number unique among live
/// objects, e.g. its address) and an index inside it (a field or element; 0 for a variable).
/// The runtime's own locations (a channel, a WaitGroup) use `base` values with the top bit set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Loc {
    pub base: u64,
    pub index: u32,
}

/// Internal location kinds (top bits of [`Loc::base`]).
const LOC_CHAN: u64 = 0x8000_0000_0000_0000;
const LOC_WG: u64 = 0x8100_0000_0000_0000;

/// A memory access: what the interpreter tells the detector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AccessKind {
    Read,
    Write,
    AtomicRead,
    AtomicWrite,
}

impl AccessKind {
    fn is_write(self) -> bool {
        matches!(self, AccessKind::Write | AccessKind::AtomicWrite)
    }
    fn is_atomic(self) -> bool {
        matches!(self, AccessKind::AtomicRead | AccessKind::AtomicWrite)
    }
    /// Go's word for it, as the report's heading uses it.
    pub fn as_str(self) -> &'static str {
        match self {
            AccessKind::Read => "read",
            AccessKind::Write => "write",
            AccessKind::AtomicRead => "atomic read",
            AccessKind::AtomicWrite => "atomic write",
        }
    }
}

/// Where an access happened, as the interpreter names it: the innermost frame, and the frames
/// that called it as an interned stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Site {
    /// Index into the function names given to [`Runtime::enable_race`].
    pub func: u32,
    pub line: u32,
    /// The callers: an index into the interpreter's [`StackNode`]s (0: none).
    pub stack: u32,
}

/// One caller frame of an interned call stack: function, line of the call, and the frame that
/// called it (`parent`, 0 at the bottom). Node 0 is the empty stack.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StackNode {
    pub parent: u32,
    pub func: u32,
    pub line: u32,
}

/// The interpreter's interned call stacks, shared with the detector (which reads them only to
/// print a report).
pub type Stacks = Rc<std::cell::RefCell<Vec<StackNode>>>;

/// One frame of a reported stack.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaceFrame {
    pub func: String,
    pub line: u32,
}

/// One side of a reported race, as data for the page and `--json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaceAccess {
    /// golite's goroutine number (main is 1).
    pub goroutine: u32,
    /// `read`, `write`, `atomic read` or `atomic write`.
    pub op: String,
    pub line: u32,
    /// Go's name of the function, e.g. `main.main.func1`.
    pub func: String,
    /// The run's step count when the access happened (the page's timeline cursor).
    pub step: u64,
    /// Events recorded before the access (the index of the next event).
    pub event: u64,
    /// The call stack of the access as Go's report shows it, innermost first: the program's
    /// frames, under the Go runtime's for a map access (`runtime.mapassign_fast64`, see
    /// `race_frames.rs`); `func` at `line` is the program's innermost frame.
    pub stack: Vec<RaceFrame>,
    /// Where the goroutine was started: the stack of its `go` statement, innermost first
    /// (empty for main; `time.goFunc` at `time/sleep.go:182` for a goroutine a timer started).
    pub created_at: Vec<RaceFrame>,
}

/// One data race report: the access that found the race and the earlier one it races with.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RaceReport {
    pub access: RaceAccess,
    pub previous: RaceAccess,
    /// What the race is on, as the program writes it (`s.hits`): the target of the racing
    /// write's line, when the interpreter named it (see `golite/race_names.rs`); not part of
    /// Go's text, which names no variable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub var: Option<String>,
    /// Go's text, from `==================` to `==================`, without addresses.
    pub text: String,
}

/// A vector clock: sorted `(goroutine, epoch)`; a goroutine not listed is at epoch 0.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct VClock(Vec<(u32, u32)>);

impl VClock {
    fn get(&self, g: u32) -> u32 {
        match self.0.binary_search_by_key(&g, |e| e.0) {
            Ok(i) => self.0[i].1,
            Err(_) => 0,
        }
    }

    fn set(&mut self, g: u32, e: u32) {
        match self.0.binary_search_by_key(&g, |x| x.0) {
            Ok(i) => self.0[i].1 = e,
            Err(i) => self.0.insert(i, (g, e)),
        }
    }

    /// `self = self ⊔ other`, dropping retired goroutines.
    fn join(&mut self, other: &VClock, retired: &Retired) {
        if other.0.is_empty() {
            return;
        }
        if other.0.len() <= 4 {
            for &(g, e) in &other.0 {
                if !retired.is(g) && self.get(g) < e {
                    self.set(g, e);
                }
            }
            return;
        }
        let (a, b) = (&self.0, &other.0);
        let mut out = Vec::with_capacity(a.len().max(b.len()) + 1);
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let next = match (a.get(i), b.get(j)) {
                (Some(x), Some(y)) if x.0 == y.0 => {
                    i += 1;
                    j += 1;
                    (x.0, x.1.max(y.1))
                }
                (Some(x), Some(y)) if x.0 < y.0 => {
                    i += 1;
                    *x
                }
                (Some(x), None) => {
                    i += 1;
                    *x
                }
                (_, Some(y)) => {
                    j += 1;
                    *y
                }
                (None, None) => break,
            };
            if !retired.is(next.0) {
                out.push(next);
            }
        }
        self.0 = out;
    }

    /// `self = other` (without retired goroutines), reusing this clock's memory.
    fn assign(&mut self, other: &VClock, retired: &Retired) {
        self.0.clear();
        self.0
            .extend(other.0.iter().copied().filter(|e| !retired.is(e.0)));
    }
}

/// Goroutines whose clock entries can be dropped (exited, and no shadow cell names them).
#[derive(Default)]
struct Retired(Vec<bool>);

impl Retired {
    fn is(&self, g: u32) -> bool {
        self.0.get(g as usize).copied().unwrap_or(false)
    }
}

/// A shadow cell: one earlier access of a location.
#[derive(Clone, Copy, Debug)]
struct Cell {
    gid: u32,
    epoch: u32,
    kind: AccessKind,
    site: Site,
    step: u64,
    event: u64,
}

/// The shadow of one location: up to four cells, filled in order (TSan's `kShadowCnt`).
#[derive(Clone, Debug, Default)]
struct Shadow {
    cells: [Option<Cell>; 4],
}

/// Per-goroutine detector state.
#[derive(Default)]
struct GRace {
    clock: VClock,
    epoch: u32,
    alive: bool,
    /// Shadow cells naming this goroutine.
    refs: u32,
    /// The `go` statement that started it (`None`: main or the runtime).
    created: Option<Site>,
}

/// Sync objects' clocks, by what they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum SyncKey {
    Mutex(u32),
    RwReader(u32),
    RwWriter(u32),
    Wg(u32),
    Once(u32),
    /// A channel's close (Go's `c.raceaddr()`).
    ChanClose(u32),
    /// A channel's buffer slot (unbuffered channels and zero-size elements use slot 0).
    ChanSlot(u32, u32),
    Timer(u32),
    CtxMu(u32),
    CtxDone(u32),
    /// An atomic variable.
    Atomic(Loc),
    /// The process's standard output (Go's fd mutex: printing is an atomic read-modify-write).
    Stdout,
    /// Go's `syscall.ioSync`: every write to a file descriptor (a connection, stdout)
    /// release-merges it and every successful read acquires it, so what a goroutine did before
    /// writing is ordered before what any goroutine does after reading.
    IoSync,
}

/// The detector's state for one run.
pub(crate) struct RaceState {
    gs: Vec<GRace>,
    retired: Retired,
    sync: HashMap<SyncKey, VClock, BuildHasherDefault<IntHasher>>,
    shadow: IntMap<Loc, Shadow>,
    /// Buffer positions of buffered channels, as Go's `sendx`/`recvx` for the race annotations.
    chan_pos: IntMap<u32, (u32, u32)>,
    reported: HashSet<(Site, bool, Site, bool)>,
    pub(crate) reports: Vec<RaceReport>,
    /// Zero-size element channels (one clock for the whole buffer, as in Go).
    zero_size: HashSet<u32>,
    /// Contexts whose Done channel Go would have made by now (`Done()` called or cancelled).
    ctx_done_made: HashSet<u32>,
    funcs: Rc<[Rc<str>]>,
    stacks: Stacks,
    file: Rc<str>,
    /// The one thing each line assigns, by line (from the interpreter): names a race.
    names: HashMap<u32, Rc<str>>,
    /// Where the running goroutine is, for the accesses the runtime makes on its behalf (a
    /// channel send reads the channel, a close writes it) and the `go` statements it records;
    /// set with [`Cx::race_at`]. Its line is the goroutine's current one, unless `cur_exact`.
    cur_site: Site,
    /// `cur_site` is a frame Go shows in place of the goroutine's (a deferred call's wrapper
    /// at its `defer` line): its line is used as it is.
    cur_exact: bool,
    /// The stack nodes the runtime added for its own frames (`runtime.chansend` over the
    /// program's), by (parent, func, line).
    own_stacks: HashMap<(u32, u32, u32), u32>,
    /// The last two of them looked up, the latest first.
    own_last: [((u32, u32, u32), u32); 2],
    evict: u32,
}

impl RaceState {
    pub(crate) fn new(funcs: Rc<[Rc<str>]>, stacks: Stacks, file: &str) -> Self {
        let mut s = RaceState {
            gs: Vec::new(),
            retired: Retired::default(),
            sync: HashMap::default(),
            shadow: IntMap::default(),
            chan_pos: IntMap::default(),
            reported: HashSet::new(),
            reports: Vec::new(),
            zero_size: HashSet::new(),
            ctx_done_made: HashSet::new(),
            funcs,
            stacks,
            cur_site: Site {
                func: u32::MAX,
                line: 0,
                stack: 0,
            },
            cur_exact: false,
            file: Rc::from(file),
            names: HashMap::default(),
            own_stacks: HashMap::default(),
            own_last: [((0, 0, 0), 0); 2],
            evict: 0,
        };
        // Gid(0) is the runtime's timer context (Go's per-P timer race context).
        s.ensure(0);
        s.gs[0].alive = true;
        s.gs[0].epoch = 1;
        s.gs[0].clock.set(0, 1);
        s
    }

    #[inline]
    fn ensure(&mut self, g: u32) {
        let n = g as usize + 1;
        if self.gs.len() < n {
            self.gs.resize_with(n, GRace::default);
            self.retired.0.resize(n, false);
        }
    }

    /// `go f()` by `parent`: the child starts with the parent's clock; the parent moves on.
    pub(crate) fn spawn(&mut self, parent: Gid, child: Gid, site: Option<Site>) {
        self.ensure(child.0.max(parent.0));
        let p = parent.0 as usize;
        let mut clock = VClock::default();
        clock.assign(&self.gs[p].clock, &self.retired);
        clock.set(child.0, 1);
        let c = &mut self.gs[child.index()];
        c.clock = clock;
        c.epoch = 1;
        c.alive = true;
        c.created = site;
        self.tick(parent.0);
    }

    /// The goroutine returned: its entry may retire.
    pub(crate) fn exit(&mut self, g: Gid) {
        if let Some(s) = self.gs.get_mut(g.index()) {
            s.alive = false;
            s.clock = VClock::default();
            if s.refs == 0 {
                self.retired.0[g.index()] = true;
            }
        }
    }

    fn tick(&mut self, g: u32) {
        let s = &mut self.gs[g as usize];
        s.epoch += 1;
        let e = s.epoch;
        s.clock.set(g, e);
    }

    /// Go's `raceacquire`: the goroutine's clock joins the object's.
    pub(crate) fn acquire(&mut self, g: Gid, key: SyncKey) {
        self.ensure(g.0);
        if let Some(l) = self.sync.get(&key) {
            self.gs[g.index()].clock.join(l, &self.retired);
        }
    }

    /// Go's `racerelease` (TSan's ReleaseStore): the object's clock becomes the goroutine's.
    pub(crate) fn release(&mut self, g: Gid, key: SyncKey) {
        self.ensure(g.0);
        let l = self.sync.entry(key).or_default();
        l.assign(&self.gs[g.index()].clock, &self.retired);
        self.tick(g.0);
    }

    /// Go's `racereleasemerge`: the object's clock joins the goroutine's.
    pub(crate) fn release_merge(&mut self, g: Gid, key: SyncKey) {
        self.ensure(g.0);
        let l = self.sync.entry(key).or_default();
        l.join(&self.gs[g.index()].clock, &self.retired);
        self.tick(g.0);
    }

    /// Acquire then release-merge: an atomic read-modify-write, or an `acquire; release` pair.
    pub(crate) fn acq_rel(&mut self, g: Gid, key: SyncKey) {
        self.acquire(g, key);
        self.release_merge(g, key);
    }

    /// Go's `racereleaseacquire` (TSan's ReleaseStoreAcquire): the goroutine gets the join, the
    /// object keeps the goroutine's clock from before. A buffered channel's slot does this on
    /// each send and receive, which makes the k-th receive happen before the (k+cap)-th send.
    fn release_store_acquire(&mut self, g: Gid, key: SyncKey) {
        self.ensure(g.0);
        let before = self.gs[g.index()].clock.clone();
        let l = self.sync.entry(key).or_default();
        self.gs[g.index()].clock.join(l, &self.retired);
        l.assign(&before, &self.retired);
        self.tick(g.0);
    }

    /// A send or receive through slot `idx` of a buffered channel (Go's `racenotify`); channels
    /// of zero-size elements use one clock for the whole buffer, joined both ways.
    fn chan_notify(&mut self, g: Gid, c: u32, idx: u32, zero_size: bool) {
        if zero_size {
            self.acq_rel(g, SyncKey::ChanSlot(c, 0));
        } else {
            self.release_store_acquire(g, SyncKey::ChanSlot(c, idx));
        }
    }

    /// A value went into a buffered channel's buffer (`cap > 0`).
    pub(crate) fn chan_buffered_send(&mut self, g: Gid, c: u32, cap: u32, zero_size: bool) {
        let pos = self.chan_pos.entry(c).or_insert((0, 0));
        let idx = pos.0;
        pos.0 = (pos.0 + 1) % cap.max(1);
        self.chan_notify(g, c, idx, zero_size);
    }

    /// A value came out of a buffered channel's buffer; `refill`: a parked sender's value takes
    /// the freed slot (Go's recv with a full buffer: both sides notify the same slot).
    pub(crate) fn chan_buffered_recv(
        &mut self,
        g: Gid,
        c: u32,
        cap: u32,
        zero_size: bool,
        refill: Option<Gid>,
    ) {
        let pos = self.chan_pos.entry(c).or_insert((0, 0));
        let idx = pos.1;
        pos.1 = (pos.1 + 1) % cap.max(1);
        if refill.is_some() {
            pos.0 = pos.1;
        }
        self.chan_notify(g, c, idx, zero_size);
        if let Some(s) = refill {
            self.chan_notify(s, c, idx, zero_size);
        }
    }

    /// A buffered channel handed a value straight to a parked receiver (empty buffer): Go
    /// pretends it went through the buffer.
    pub(crate) fn chan_buffered_direct(
        &mut self,
        sender: Gid,
        receiver: Gid,
        c: u32,
        cap: u32,
        zero_size: bool,
    ) {
        let pos = self.chan_pos.entry(c).or_insert((0, 0));
        let idx = pos.1;
        pos.1 = (pos.1 + 1) % cap.max(1);
        pos.0 = pos.1;
        self.chan_notify(sender, c, idx, zero_size);
        self.chan_notify(receiver, c, idx, zero_size);
    }

    /// An unbuffered send met its receiver (Go's `racesync`: the sender releases, the receiver
    /// acquires and releases, the sender acquires): both end with the join of the two clocks,
    /// and so does the channel's; then each goroutine moves on to a new epoch.
    pub(crate) fn chan_sync(&mut self, sender: Gid, receiver: Gid, c: u32) {
        self.ensure(sender.0.max(receiver.0));
        let mut j = std::mem::take(&mut self.gs[sender.index()].clock);
        j.join(&self.gs[receiver.index()].clock, &self.retired);
        self.sync
            .entry(SyncKey::ChanSlot(c, 0))
            .or_default()
            .assign(&j, &self.retired);
        self.gs[receiver.index()].clock.assign(&j, &self.retired);
        self.gs[sender.index()].clock = j;
        self.tick(sender.0);
        self.tick(receiver.0);
    }

    /// The location Go's race annotations use for a channel itself: a send reads it, a close
    /// writes it, so an unordered close and send are a data race.
    pub(crate) fn chan_loc(c: u32) -> Loc {
        Loc {
            base: LOC_CHAN | u64::from(c),
            index: 0,
        }
    }

    /// The location of a WaitGroup's semaphore (Add from zero reads it, a blocking Wait writes
    /// it: Go's report of a WaitGroup reused before Wait returned).
    pub(crate) fn wg_loc(w: u32) -> Loc {
        Loc {
            base: LOC_WG | u64::from(w),
            index: 0,
        }
    }

    /// Checks and records an access; true when `loc` had no shadow yet (the interpreter may
    /// then keep the object's address from being reused for a new object while the run lasts).
    pub(crate) fn access(
        &mut self,
        g: Gid,
        loc: Loc,
        kind: AccessKind,
        site: Site,
        step: u64,
        event: u64,
    ) -> bool {
        self.ensure(g.0);
        let cur = Cell {
            gid: g.0,
            epoch: self.gs[g.index()].epoch,
            kind,
            site,
            step,
            event,
        };
        let mut fresh = false;
        let sh = self.shadow.entry(loc).or_insert_with(|| {
            fresh = true;
            Shadow::default()
        });
        let clock = &self.gs[g.index()].clock;
        let mut stored = false;
        let mut race = None;
        let mut dropped: [Option<u32>; 5] = [None; 5];
        let mut added = 0u32;
        for (i, slot) in sh.cells.iter_mut().enumerate() {
            let Some(old) = *slot else {
                if !stored {
                    *slot = Some(cur);
                    added += 1;
                }
                stored = true;
                break;
            };
            if old.gid == g.0 {
                // TSan's IsRWWeakerOrEqual: the new access replaces an own weaker one.
                let weaker = (old.kind.is_atomic() && !kind.is_atomic())
                    || (old.kind.is_atomic() == kind.is_atomic()
                        && (!old.kind.is_write() || kind.is_write()));
                if weaker {
                    // Even when already stored in another cell, as TSan does.
                    *slot = Some(cur);
                    stored = true;
                }
                continue;
            }
            let both_reads = !old.kind.is_write() && !kind.is_write();
            let both_atomic = old.kind.is_atomic() && kind.is_atomic();
            if both_reads || both_atomic {
                continue;
            }
            if clock.get(old.gid) >= old.epoch {
                continue;
            }
            race = Some((i, old));
            break;
        }
        if let Some((_, old)) = race {
            // Go clears the location's shadow after a race and does not store the access.
            for (k, slot) in sh.cells.iter_mut().enumerate() {
                if let Some(c) = slot.take() {
                    dropped[k] = Some(c.gid);
                }
            }
            self.unref_all(&dropped);
            self.report(cur, old);
            return fresh;
        }
        if !stored {
            let i = (self.evict % 4) as usize;
            self.evict = self.evict.wrapping_add(1);
            if let Some(old) = sh.cells[i].replace(cur) {
                dropped[0] = Some(old.gid);
            }
            added += 1;
        }
        // Reference counts: a cell replaced in place (own goroutine) keeps its count.
        self.gs[g.index()].refs += added;
        self.unref_all(&dropped);
        fresh
    }

    fn unref_all(&mut self, dropped: &[Option<u32>]) {
        for g in dropped.iter().flatten() {
            let s = &mut self.gs[*g as usize];
            s.refs = s.refs.saturating_sub(1);
            if s.refs == 0 && !s.alive {
                self.retired.0[*g as usize] = true;
            }
        }
    }

    fn func_name(&self, f: u32) -> String {
        if let Some((name, _)) = super::race_frames::frame(f) {
            return name.to_string();
        }
        self.funcs
            .get(f as usize)
            .map_or_else(|| "main.?".to_string(), |n| n.to_string())
    }

    /// The frames of `site` Go's report shows, innermost first: the Go runtime's (a map's
    /// `runtime.mapassign_fast64`) over the program's, cut where Go's report loses the callers
    /// (`runtime.mapaccess1…`, see `race_frames.rs`).
    fn frames(&self, site: Site) -> Vec<RaceFrame> {
        let mut all = self.all_frames(site);
        if let Some(i) = all
            .iter()
            .position(|f| super::race_frames::ends_stack(&f.func))
        {
            all.truncate(i + 1);
        }
        all
    }

    /// The program's innermost frame of `site`, under any runtime frames: where the page marks
    /// the access.
    fn program_frame(&self, site: Site) -> RaceFrame {
        let all = self.all_frames(site);
        all.iter()
            .find(|f| super::race_frames::file_of(&f.func).is_none())
            .or(all.first())
            .cloned()
            .unwrap_or(RaceFrame {
                func: self.func_name(site.func),
                line: site.line,
            })
    }

    /// Every frame of `site`, innermost first.
    fn all_frames(&self, site: Site) -> Vec<RaceFrame> {
        let mut out = vec![RaceFrame {
            func: self.func_name(site.func),
            line: site.line,
        }];
        let stacks = self.stacks.borrow();
        let mut at = site.stack;
        // Bounded: a node's parent was interned before it.
        while at != 0 && out.len() <= stacks.len() {
            let Some(n) = stacks.get(at as usize) else {
                break;
            };
            out.push(RaceFrame {
                func: self.func_name(n.func),
                line: n.line,
            });
            at = n.parent;
        }
        out
    }

    fn describe(&self, c: &Cell) -> RaceAccess {
        let created = self.gs.get(c.gid as usize).and_then(|g| g.created);
        let at = self.program_frame(c.site);
        RaceAccess {
            goroutine: c.gid,
            op: c.kind.as_str().to_string(),
            line: at.line,
            func: at.func,
            step: c.step,
            event: c.event,
            stack: self.frames(c.site),
            created_at: match created {
                Some(s) => self.frames(s),
                None if c.gid == 1 => Vec::new(),
                None => {
                    let (f, line) = super::race_frames::TIMER_GOROUTINE;
                    vec![RaceFrame {
                        func: self.func_name(f),
                        line,
                    }]
                }
            },
        }
    }

    fn report(&mut self, cur: Cell, old: Cell) {
        // Once per pair of source locations, whichever came first (TSan's racy stacks).
        let a = (cur.site, cur.kind.is_write());
        let b = (old.site, old.kind.is_write());
        let key = if a <= b {
            (a.0, a.1, b.0, b.1)
        } else {
            (b.0, b.1, a.0, a.1)
        };
        if !self.reported.insert(key) {
            return;
        }
        let access = self.describe(&cur);
        let previous = self.describe(&old);
        let text = self.text(&access, &previous);
        let var = self.var_of(&access, &previous);
        self.reports.push(RaceReport {
            access,
            previous,
            var,
            text,
        });
    }

    /// What a race is on: what its write's line assigns (two writes must agree).
    fn var_of(&self, a: &RaceAccess, p: &RaceAccess) -> Option<String> {
        let name = |x: &RaceAccess| {
            x.op.ends_with("write")
                .then(|| self.names.get(&x.line))
                .flatten()
        };
        match (name(a), name(p)) {
            (Some(x), Some(y)) if x != y => None,
            (x, y) => x.or(y).map(|n| n.to_string()),
        }
    }

    fn who(g: u32) -> String {
        if g == 1 {
            "main goroutine".to_string()
        } else {
            format!("goroutine {g}")
        }
    }

    fn heading(op: &str, previous: bool) -> String {
        if previous {
            format!("Previous {op}")
        } else {
            let mut s = op.to_string();
            if let Some(f) = s.get_mut(0..1) {
                f.make_ascii_uppercase();
            }
            s
        }
    }

    /// Go's report, frame by frame, without addresses (golite has none to show).
    fn text(&self, a: &RaceAccess, p: &RaceAccess) -> String {
        let file = &self.file;
        let mut s = String::from("==================\nWARNING: DATA RACE\n");
        let frames = |stack: &[RaceFrame]| {
            let mut t = String::new();
            for f in stack {
                let at = super::race_frames::file_of(&f.func).unwrap_or(file);
                if f.line == 0 {
                    t.push_str(&format!("  {}()\n", f.func));
                } else {
                    t.push_str(&format!("  {}()\n      {at}:{}\n", f.func, f.line));
                }
            }
            t
        };
        for (acc, prev) in [(a, false), (p, true)] {
            s.push_str(&format!(
                "{} by {}:\n{}\n",
                Self::heading(&acc.op, prev),
                Self::who(acc.goroutine),
                frames(&acc.stack)
            ));
        }
        for acc in [a, p] {
            if acc.created_at.is_empty() {
                continue;
            }
            let state = match self.gs.get(acc.goroutine as usize) {
                Some(g) if g.alive => "running",
                _ => "finished",
            };
            s.push_str(&format!(
                "Goroutine {} ({state}) created at:\n{}\n",
                acc.goroutine,
                frames(&acc.created_at)
            ));
        }
        // Go ends the report right after the last frame.
        while s.ends_with("\n\n") {
            s.pop();
        }
        s.push_str("==================\n");
        s
    }

    /// Number of locations with a shadow (for the memory figures).
    pub(crate) fn locations(&self) -> usize {
        self.shadow.len()
    }

    /// Forgets the locations of objects the program can no longer reach (Go resets the shadow
    /// of memory it allocates anew), so a long run's shadow follows its live objects.
    /// The stack node of a runtime frame called from `(parent, func, line)`.
    fn own_stack(&mut self, (parent, func, line): (u32, u32, u32)) -> u32 {
        let stacks = &self.stacks;
        *self
            .own_stacks
            .entry((parent, func, line))
            .or_insert_with(|| {
                let mut s = stacks.borrow_mut();
                // Node 0 is "no caller" (golite's interner puts it there first).
                if s.is_empty() {
                    s.push(StackNode::default());
                }
                s.push(StackNode { parent, func, line });
                s.len() as u32 - 1
            })
    }

    pub(crate) fn forget(&mut self, dead: &HashSet<u64>) {
        let mut dropped = Vec::new();
        self.shadow.retain(|loc, sh| {
            if !dead.contains(&loc.base) {
                return true;
            }
            dropped.extend(sh.cells.iter().flatten().map(|c| Some(c.gid)));
            false
        });
        self.unref_all(&dropped);
        self.sync
            .retain(|k, _| !matches!(k, SyncKey::Atomic(l) if dead.contains(&l.base)));
    }
}

/// What an atomic operation does to its variable's clock (TSan's orders for Go's atomics).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtomicOp {
    /// `Load`: an atomic read, then acquire.
    Load,
    /// `Store`: an atomic write, then release.
    Store,
    /// `Add`, `Swap`, a successful `CompareAndSwap`: an atomic write, acquire and release.
    Rmw,
    /// A failed `CompareAndSwap`: an atomic write, then acquire.
    CasFail,
}

/// The runtime's race hooks: each is one branch when the detector is off.
impl<V: Value> Runtime<V> {
    /// Turns the detector on for this run (before main starts). `funcs` names the functions
    /// the interpreter's [`Site`]s refer to; `file` is the program's file name in reports.
    pub fn enable_race(&mut self, funcs: Rc<[Rc<str>]>, stacks: Stacks, file: &str) {
        let mut r = RaceState::new(funcs, stacks, file);
        for g in 1..self.gs.len() as u32 {
            r.spawn(Gid(0), Gid(g), None);
        }
        self.race = Some(Box::new(r));
    }

    /// Names what races are on: `names[line]` is the one thing line `line` assigns, as the
    /// program writes it (the interpreter knows the source; the runtime does not).
    pub fn name_race_lines(&mut self, names: HashMap<u32, Rc<str>>) {
        if let Some(r) = self.race.as_mut() {
            r.names = names;
        }
    }

    /// The data races found so far, in the order they were found.
    pub fn race_reports(&self) -> &[RaceReport] {
        self.race.as_ref().map_or(&[], |r| &r.reports)
    }

    /// Locations the detector has a shadow for (for memory figures).
    pub fn race_locations(&self) -> usize {
        self.race.as_ref().map_or(0, |r| r.locations())
    }

    pub(crate) fn race_sync(&mut self, g: Gid, f: impl FnOnce(&mut RaceState, Gid)) {
        if let Some(r) = self.race.as_deref_mut() {
            f(r, g);
        }
    }

    /// An access the runtime makes for the running goroutine (a channel's send or close, a
    /// WaitGroup's counter) at its current line, inside Go's runtime function `(func, line)`
    /// when given (`race_frames.rs`).
    pub(crate) fn race_internal_access(
        &mut self,
        g: Gid,
        loc: Loc,
        kind: AccessKind,
        inside: Option<(u32, u32)>,
    ) {
        let (step, event) = (self.steps, self.events_recorded);
        let line = self.gs.get(g.index()).map_or(0, |x| x.line);
        if let Some(r) = self.race.as_deref_mut() {
            let line = if r.cur_exact { r.cur_site.line } else { line };
            let mut site = Site { line, ..r.cur_site };
            if let Some((func, fline)) = inside {
                let key = (site.stack, site.func, site.line);
                // Two goroutines passing values to and fro send from two lines: no hashing.
                let stack = match r.own_last {
                    [(k, n), _] if k == key && n != 0 => n,
                    [a, (k, n)] if k == key && n != 0 => {
                        r.own_last = [(k, n), a];
                        n
                    }
                    [a, _] => {
                        let n = r.own_stack(key);
                        r.own_last = [(key, n), a];
                        n
                    }
                };
                site = Site {
                    func,
                    line: fline,
                    stack,
                };
            }
            r.access(g, loc, kind, site, step, event);
        }
    }

    pub(crate) fn race_spawn(&mut self, parent: Gid, child: Gid, line: u32) {
        if let Some(r) = self.race.as_deref_mut() {
            // A library frame (`net/http.(*Server).Serve`) keeps Go's line.
            let lib = super::race_frames::frame(r.cur_site.func).is_some();
            let line = if lib { r.cur_site.line } else { line };
            let site = (parent != Gid(0)).then_some(Site { line, ..r.cur_site });
            r.spawn(parent, child, site);
        }
    }

    pub(crate) fn race_exit(&mut self, g: Gid) {
        if let Some(r) = self.race.as_deref_mut() {
            r.exit(g);
        }
    }

    pub(crate) fn race_chan_made(&mut self, c: ChanId, elem_bytes: u64) {
        if let Some(r) = self.race.as_deref_mut()
            && elem_bytes == 0
        {
            r.zero_size.insert(c.0);
        }
    }

    /// A send completed: to a parked receiver `to`, or into the buffer.
    pub(crate) fn race_send(&mut self, g: Gid, c: ChanId, to: Option<Gid>) {
        let cap = self.chans[c.index()].cap as u32;
        if let Some(r) = self.race.as_deref_mut() {
            let zero = r.zero_size.contains(&c.0);
            match (to, cap) {
                (Some(w), 0) => r.chan_sync(g, w, c.0),
                (Some(w), _) => r.chan_buffered_direct(g, w, c.0, cap, zero),
                (None, _) => r.chan_buffered_send(g, c.0, cap, zero),
            }
        }
    }

    /// A receive completed: from the buffer (`from`: a parked sender refilled it), from a
    /// parked sender of an unbuffered channel, or of a closed channel's zero value.
    pub(crate) fn race_recv(&mut self, g: Gid, c: ChanId, buffered: bool, from: Option<Gid>) {
        let cap = self.chans[c.index()].cap as u32;
        if let Some(r) = self.race.as_deref_mut() {
            let zero = r.zero_size.contains(&c.0);
            match (buffered, from) {
                (true, s) => r.chan_buffered_recv(g, c.0, cap, zero, s),
                (false, Some(s)) => r.chan_sync(s, g, c.0),
                (false, None) => r.acquire(g, SyncKey::ChanClose(c.0)),
            }
        }
    }

    /// `close(c)` by `g`: a write of the channel, a release, and every woken waiter acquires.
    pub(crate) fn race_close(&mut self, g: Gid, c: ChanId) {
        if self.race.is_none() {
            return;
        }
        let f = super::race_frames::CLOSE_CHAN;
        self.race_internal_access(g, RaceState::chan_loc(c.0), AccessKind::Write, Some(f));
        self.race_sync(g, |r, g| r.release(g, SyncKey::ChanClose(c.0)));
    }

    pub(crate) fn race_close_woke(&mut self, w: Gid, c: ChanId) {
        self.race_sync(w, |r, w| r.acquire(w, SyncKey::ChanClose(c.0)));
    }

    /// A send on `c` reads the channel (it races with an unordered close).
    pub(crate) fn race_send_check(&mut self, g: Gid, c: ChanId) {
        if self.race.is_some() {
            let f = super::race_frames::CHAN_SEND;
            self.race_internal_access(g, RaceState::chan_loc(c.0), AccessKind::Read, Some(f));
        }
    }

    pub(crate) fn race_mutex_acquire(&mut self, g: Gid, m: MutexId) {
        self.race_sync(g, |r, g| r.acquire(g, SyncKey::Mutex(m.0)));
    }

    pub(crate) fn race_mutex_release(&mut self, g: Gid, m: MutexId) {
        self.race_sync(g, |r, g| r.release(g, SyncKey::Mutex(m.0)));
    }

    pub(crate) fn race_rlocked(&mut self, g: Gid, m: RwMutexId) {
        self.race_sync(g, |r, g| r.acquire(g, SyncKey::RwReader(m.0)));
    }

    pub(crate) fn race_wlocked(&mut self, g: Gid, m: RwMutexId) {
        self.race_sync(g, |r, g| {
            r.acquire(g, SyncKey::RwReader(m.0));
            r.acquire(g, SyncKey::RwWriter(m.0));
        });
    }

    pub(crate) fn race_timer_armed(&mut self, g: Gid, t: TimerId) {
        self.race_sync(g, |r, g| r.release(g, SyncKey::Timer(t.0)));
    }

    /// A timer fires in the runtime's timer context (`Gid(0)`), which acquires what its arming
    /// released; what the timer then does (send, start a goroutine, cancel) happens from there.
    pub(crate) fn race_timer_fires(&mut self, t: TimerId) {
        self.race_sync(Gid(0), |r, g| r.acquire(g, SyncKey::Timer(t.0)));
    }

    /// `ctx.Done()` of the cancellable context `n`, as Go's lazily made channel does it.
    pub(crate) fn race_ctx_done(&mut self, g: Gid, n: CtxId) {
        self.race_sync(g, |r, g| {
            if r.ctx_done_made.contains(&n.0) {
                r.acquire(g, SyncKey::CtxDone(n.0));
            } else {
                r.ctx_done_made.insert(n.0);
                r.acquire(g, SyncKey::CtxMu(n.0));
                r.release(g, SyncKey::CtxDone(n.0));
                r.release(g, SyncKey::CtxMu(n.0));
            }
        });
    }

    /// A section of context code under the context's mutex (Err, Cause, cancel, adding a child).
    pub(crate) fn race_ctx_locked(&mut self, g: Gid, n: CtxId, cancelling: bool) {
        self.race_sync(g, |r, g| {
            r.acquire(g, SyncKey::CtxMu(n.0));
            if cancelling && r.ctx_done_made.insert(n.0) {
                r.release(g, SyncKey::CtxDone(n.0));
            }
            r.release(g, SyncKey::CtxMu(n.0));
        });
    }

    pub(crate) fn race_print(&mut self, g: Gid) {
        self.race_sync(g, |r, g| {
            r.acq_rel(g, SyncKey::Stdout);
            r.release_merge(g, SyncKey::IoSync);
        });
    }

    /// A write to a connection (Go's `syscall.Write`: `race.ReleaseMerge(&ioSync)`).
    pub(crate) fn race_io_write(&mut self, g: Gid) {
        self.race_sync(g, |r, g| r.release_merge(g, SyncKey::IoSync));
    }

    /// A read from a connection that returned data or end of file (Go's `syscall.Read` without
    /// an error: `race.Acquire(&ioSync)`).
    pub(crate) fn race_io_read(&mut self, g: Gid) {
        self.race_sync(g, |r, g| r.acquire(g, SyncKey::IoSync));
    }

    pub(crate) fn race_wg_done(&mut self, g: Gid, w: WgId) {
        self.race_sync(g, |r, g| r.release_merge(g, SyncKey::Wg(w.0)));
    }

    pub(crate) fn race_wg_acquire(&mut self, g: Gid, w: WgId) {
        self.race_sync(g, |r, g| r.acquire(g, SyncKey::Wg(w.0)));
    }

    /// `wg.Add` took the counter up from zero: Go models it as a read of the semaphore.
    pub(crate) fn race_wg_add_from_zero(&mut self, g: Gid, w: WgId) {
        if self.race.is_some() {
            self.race_internal_access(g, RaceState::wg_loc(w.0), AccessKind::Read, None);
        }
    }

    /// `wg.Wait` blocks: a write of the semaphore, which races with an unordered Add from zero
    /// (a WaitGroup reused before the previous Wait returned).
    pub(crate) fn race_wg_wait_blocks(&mut self, g: Gid, w: WgId) {
        if self.race.is_some() {
            self.race_internal_access(g, RaceState::wg_loc(w.0), AccessKind::Write, None);
        }
    }

    pub(crate) fn race_once_done(&mut self, g: Gid, o: OnceId) {
        self.race_sync(g, |r, g| r.release(g, SyncKey::Once(o.0)));
    }

    pub(crate) fn race_once_acquire(&mut self, g: Gid, o: OnceId) {
        self.race_sync(g, |r, g| r.acquire(g, SyncKey::Once(o.0)));
    }
}

/// The interpreter's side of the detector.
impl<V: Value> Cx<'_, V> {
    /// True when this run detects races: the interpreter reports accesses only then.
    #[inline]
    pub fn race_enabled(&self) -> bool {
        self.rt.race.is_some()
    }

    /// A read or write of `loc` at `site`. Returns true the first time `loc` is seen (the
    /// interpreter should then keep the object's address from being reused during the run,
    /// or a new object there would inherit the old one's history).
    pub fn race_access(&mut self, loc: Loc, kind: AccessKind, site: Site) -> bool {
        let (g, step, event) = (self.gid, self.rt.steps, self.rt.events_recorded);
        match self.rt.race.as_deref_mut() {
            Some(r) => r.access(g, loc, kind, site, step, event),
            None => false,
        }
    }

    /// A `sync/atomic` operation on `loc`: an atomic access plus its synchronisation. Returns
    /// true the first time `loc` is seen, as [`Cx::race_access`].
    pub fn race_atomic(&mut self, loc: Loc, op: AtomicOp, site: Site) -> bool {
        let (g, step, event) = (self.gid, self.rt.steps, self.rt.events_recorded);
        let Some(r) = self.rt.race.as_deref_mut() else {
            return false;
        };
        let kind = if op == AtomicOp::Load {
            AccessKind::AtomicRead
        } else {
            AccessKind::AtomicWrite
        };
        let fresh = r.access(g, loc, kind, site, step, event);
        let key = SyncKey::Atomic(loc);
        match op {
            AtomicOp::Load | AtomicOp::CasFail => r.acquire(g, key),
            AtomicOp::Store => r.release(g, key),
            AtomicOp::Rmw => r.acq_rel(g, key),
        }
        fresh
    }

    /// The objects at `bases` are gone: forget their locations (their addresses may be reused).
    pub fn race_forget(&mut self, bases: &HashSet<u64>) {
        if let Some(r) = self.rt.race.as_deref_mut() {
            r.forget(bases);
        }
    }

    /// Where the running goroutine is, for the accesses and `go` statements the runtime
    /// records on its behalf (channel sends and closes, goroutine creation sites).
    #[inline]
    /// Where the running goroutine is for the race detector; `exact`: keep `site`'s line
    /// rather than the goroutine's current one.
    pub fn race_at(&mut self, site: Site, exact: bool) {
        if let Some(r) = self.rt.race.as_deref_mut() {
            r.cur_site = site;
            r.cur_exact = exact;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The memory a tracked location costs (README of tests/oracle/race and the report quote
    /// it): a 16-byte key and four 40-byte cells, about 200 bytes in the hash table with its
    /// control byte and load factor. Sync objects cost a clock only once they synchronise.
    #[test]
    fn a_tracked_location_costs_176_bytes_plus_table_overhead() {
        assert_eq!(std::mem::size_of::<Cell>(), 40);
        assert_eq!(std::mem::size_of::<Shadow>(), 160);
        assert_eq!(std::mem::size_of::<(Loc, Shadow)>(), 176);
    }
}
