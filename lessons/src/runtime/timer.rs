//! Timers on the virtual clock: Sleep, NewTimer/After, NewTicker, AfterFunc, context deadlines.
//!
//! Go 1.23 semantics: a timer's channel looks unbuffered (len and cap 0); Stop and Reset drop
//! any value not yet received and report `true` in that case (checked against Go 1.27: a timer
//! that expired unread is "stopped" by Stop). Tickers drop ticks nobody is there to take.
//! Pending timers live in a binary heap keyed by (when, creation order); stopping bumps the
//! timer's generation so stale heap entries are skipped when they surface.
//!
//! Go 1.23+ keeps a channel timer in the runtime's heap only while a goroutine is blocked on
//! its channel; otherwise it runs lazily when someone next receives. So an unread timer or
//! ticker neither keeps a blocked program alive (Go reports the deadlock) nor moves the clock.
//! Here such *dormant* timers are skipped when choosing where to jump the clock, then fire in
//! order once the clock passes them, delivering their scheduled time (what the lazy run sends);
//! a late ticker's next tick follows Go's formula `when + period * (1 + (now - when) / period)`.
//! Since Go 1.23 a timer the program no longer references is garbage with its channel
//! (`Cx::chan_release` stops it and frees its bytes).
//!
//! Under [`GoVersion::Go121`] the timers are Go 1.22's (what `GODEBUG=asynctimerchan=1` kept
//! until Go 1.27 removed it): every pending timer is in the heap, so it moves the clock and
//! keeps a blocked program waiting; it fires into its channel's one-element buffer, where the
//! value stays (`len` 1) until received; Stop and Reset only report whether it was pending;
//! and a pending timer holds its memory and its channel until it fires, referenced or not.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::cx::Cx;
use super::event::EventKind;
use super::goroutine::Park;
use super::heap::{TIME_BYTES, TIMER_BYTES};
use super::ids::{AllocId, ChanId, CtxId, Gid, TimerId};
use super::scheduler::Runtime;
use super::state::GState;
use super::version::GoVersion;
use super::{Op, Task, Value, Wake};

/// What happens when a timer fires.
pub(crate) enum TimerKind<V> {
    /// A sleeping goroutine wakes (internal: slot recycled after firing).
    Sleep(Gid),
    /// A time value is sent on `chan`; `period > 0` for tickers.
    Chan { chan: ChanId, period: i64 },
    /// `time.AfterFunc`: the task starts as a new goroutine.
    Func {
        task: Option<Box<dyn Task<V>>>,
        line: u32,
    },
    /// A context's deadline (internal: slot recycled after firing or stopping).
    Ctx(CtxId),
    /// A goroutine parked on the network tries again (data or EOF due, a deadline).
    Net(Gid),
    /// A recycled slot.
    Free,
}

pub(crate) struct TimerSlot<V> {
    pub kind: TimerKind<V>,
    /// `Some(at)` while pending.
    pub when: Option<i64>,
    pub generation: u32,
    /// The heap ledger entry while pending.
    pub alloc: Option<AllocId>,
}

/// All timers and the queue of pending ones.
pub(crate) struct Timers<V> {
    pub slots: Vec<TimerSlot<V>>,
    queue: BinaryHeap<Reverse<(i64, u64, u32, u32)>>,
    seq: u64,
    free: Vec<u32>,
    /// Whose timer semantics apply ([`Runtime::set_go_version`]).
    go: GoVersion,
}

impl<V> Default for Timers<V> {
    fn default() -> Self {
        Timers {
            slots: Vec::new(),
            queue: BinaryHeap::new(),
            seq: 0,
            free: Vec::new(),
            go: GoVersion::default(),
        }
    }
}

impl<V> Timers<V> {
    /// Go 1.23's synchronous, collectable timer channels (not [`GoVersion::Go121`]'s).
    pub(crate) fn sync_chans(&self) -> bool {
        self.go.sync_timer_chans()
    }

    fn add(&mut self, kind: TimerKind<V>) -> TimerId {
        let recyclable = matches!(
            kind,
            TimerKind::Sleep(_) | TimerKind::Ctx(_) | TimerKind::Net(_)
        );
        if recyclable && let Some(i) = self.free.pop() {
            let slot = &mut self.slots[i as usize];
            slot.kind = kind;
            slot.when = None;
            return TimerId(i);
        }
        self.slots.push(TimerSlot {
            kind,
            when: None,
            generation: 0,
            alloc: None,
        });
        TimerId(self.slots.len() as u32 - 1)
    }

    fn recycle(&mut self, id: TimerId) {
        let slot = &mut self.slots[id.index()];
        slot.kind = TimerKind::Free;
        slot.when = None;
        slot.generation = slot.generation.wrapping_add(1);
        self.free.push(id.0);
    }

    fn arm(&mut self, id: TimerId, at: i64) {
        let slot = &mut self.slots[id.index()];
        slot.generation = slot.generation.wrapping_add(1);
        slot.when = Some(at);
        self.seq += 1;
        self.queue
            .push(Reverse((at, self.seq, id.0, slot.generation)));
    }

    /// Un-arms `id`; true if it was pending.
    fn disarm(&mut self, id: TimerId) -> bool {
        let slot = &mut self.slots[id.index()];
        slot.generation = slot.generation.wrapping_add(1);
        slot.when.take().is_some()
    }

    /// Pops the next live timer due at or before `now`.
    fn pop_due(&mut self, now: i64) -> Option<TimerId> {
        while let Some(Reverse((at, _, id, generation))) = self.queue.peek().copied() {
            let slot = &self.slots[id as usize];
            if slot.generation != generation || slot.when != Some(at) {
                self.queue.pop();
                continue;
            }
            if at > now {
                return None;
            }
            self.queue.pop();
            return Some(TimerId(id));
        }
        None
    }
}

impl<V: Value> Runtime<V> {
    /// Follows `go`'s timer semantics from now on; call before the program starts.
    pub fn set_go_version(&mut self, go: GoVersion) {
        self.timers.go = go;
    }

    /// Whether timer `t` is armed.
    pub(crate) fn timer_pending(&self, t: TimerId) -> bool {
        self.timers
            .slots
            .get(t.index())
            .is_some_and(|s| s.when.is_some())
    }

    /// Go 1.23: the program dropped a pending channel timer; it will never fire and its bytes
    /// leave the heap.
    pub(crate) fn timer_collect(&mut self, gid: Gid, t: TimerId) {
        if self.timers.disarm(t) {
            self.emit(gid, EventKind::TimerStop { timer: t });
            self.release_timer_alloc(t);
        }
    }

    /// The time of the earliest timer that can wake someone (at least `now`): dormant channel
    /// timers, with nobody blocked on their channel, do not count (under Go 1.21 every pending
    /// timer counts). Stale entries are dropped.
    pub(crate) fn next_wake_time(&mut self) -> Option<i64> {
        let mut skipped = Vec::new();
        let found = loop {
            let Some(Reverse(entry)) = self.timers.queue.pop() else {
                break None;
            };
            let (at, _, id, generation) = entry;
            let slot = &self.timers.slots[id as usize];
            if slot.generation != generation || slot.when != Some(at) {
                continue;
            }
            let wakes = match slot.kind {
                TimerKind::Chan { chan, .. } if self.timers.sync_chans() => {
                    self.clean_fronts(chan);
                    !self.chans[chan.index()].recvq.is_empty()
                }
                _ => true,
            };
            skipped.push(Reverse(entry));
            if wakes {
                break Some(at.max(self.now));
            }
        };
        self.timers.queue.extend(skipped);
        found
    }

    /// Fires the next timer due by now, if any; false once none is due. The scheduler fires a
    /// whole instant's timers before any goroutine runs, one at a time, so a slice can end in
    /// the middle of a crowded instant (50,000 contexts expiring at once) and the next slice
    /// goes on with the same order: how a run is sliced never changes what it does.
    pub(crate) fn fire_next_due(&mut self) -> bool {
        match self.timers.pop_due(self.now) {
            Some(id) => {
                self.fire(id);
                true
            }
            None => false,
        }
    }

    /// Go 1.23's `maybeRunChan`: receiving from (or polling, in a select) the channel of a
    /// timer that is due runs the timer first, even while other goroutines could run; so
    /// `select { case <-time.After(0): default: }` takes the timer case (checked with Go 1.27).
    pub(crate) fn run_due_chan_timer(&mut self, c: ChanId) {
        if !self.timers.sync_chans() {
            // Go 1.21: due timers fire in order from the heap before anyone polls.
            return;
        }
        let Some(t) = self.chans[c.index()].timer else {
            return;
        };
        if let Some(at) = self.timers.slots[t.index()].when
            && at <= self.now
        {
            self.fire(t);
        }
    }

    fn fire(&mut self, id: TimerId) {
        // Firings are bounded like steps (but not counted as CPU steps), so a ticker nobody
        // reads cannot spin the clock forever.
        self.timer_fires += 1;
        if self
            .timer_fires
            .saturating_mul(super::scheduler::SWITCH_COST)
            > self.cfg.max_steps
        {
            self.limit(format!(
                "step limit: the program ran more than {} steps (timers kept firing)",
                self.cfg.max_steps
            ));
            return;
        }
        if !matches!(
            self.timers.slots[id.index()].kind,
            TimerKind::Sleep(_) | TimerKind::Net(_)
        ) {
            self.race_timer_fires(id);
        }
        let slot = &mut self.timers.slots[id.index()];
        let at = slot.when.take().unwrap_or(self.now);
        match &mut slot.kind {
            TimerKind::Sleep(gid) => {
                let gid = *gid;
                self.timers.recycle(id);
                self.ready(gid, Wake::Done);
            }
            TimerKind::Chan { chan, period } => {
                let (chan, period) = (*chan, *period);
                self.emit(Gid(0), EventKind::TimerFire { timer: id });
                let v = V::time(at);
                self.clean_fronts(chan);
                if self.can_send(chan) {
                    self.send_now(Gid(0), chan, v);
                }
                if period > 0 {
                    let mut next = at + period;
                    if next <= self.now {
                        next = at + period * (1 + (self.now - at) / period);
                    }
                    self.timers.arm(id, next);
                    self.emit(
                        Gid(0),
                        EventKind::TimerSet {
                            timer: id,
                            at: next,
                        },
                    );
                } else {
                    self.release_timer_alloc(id);
                    // Go 1.21: the fired timer no longer holds the channel the program dropped.
                    if self.chans[chan.index()].release_deferred {
                        self.chan_free(Gid(0), chan);
                    }
                }
            }
            TimerKind::Func { task, line } => {
                let line = *line;
                // Keep the function for a later Reset when the task can copy itself.
                let fresh = task.as_ref().and_then(|t| t.fresh());
                let task = fresh.or_else(|| task.take());
                self.emit(Gid(0), EventKind::TimerFire { timer: id });
                self.release_timer_alloc(id);
                if let Some(task) = task {
                    self.spawn_goroutine(Gid(0), task, "time.AfterFunc", line, line);
                }
            }
            TimerKind::Ctx(ctx) => {
                let ctx = *ctx;
                self.emit(Gid(0), EventKind::TimerFire { timer: id });
                self.release_timer_alloc(id);
                // The cancel stops and recycles this timer slot.
                self.ctx_deadline_passed(ctx);
            }
            TimerKind::Net(gid) => {
                let gid = *gid;
                self.net_timer_fired(gid, id);
            }
            TimerKind::Free => {}
        }
    }

    pub(crate) fn timers_add(&mut self, kind: TimerKind<V>) -> TimerId {
        self.timers.add(kind)
    }

    pub(crate) fn timers_recycle(&mut self, id: TimerId) {
        self.timers.recycle(id);
    }

    /// Arms an internal timer (no event, no heap: the network's wake-ups).
    pub(crate) fn timers_arm(&mut self, id: TimerId, at: i64) {
        self.timers.arm(id, at);
    }

    /// Un-arms an internal timer; true if it was pending.
    pub(crate) fn timers_disarm(&mut self, id: TimerId) -> bool {
        self.timers.disarm(id)
    }

    fn release_timer_alloc(&mut self, id: TimerId) {
        if let Some(a) = self.timers.slots[id.index()].alloc.take() {
            self.free_bytes(Gid(0), a);
        }
    }

    /// Arms a user-visible timer at `at`, charging the heap while it is pending.
    pub(crate) fn arm_visible(&mut self, gid: Gid, id: TimerId, at: i64) {
        self.race_timer_armed(gid, id);
        self.timers.arm(id, at);
        if self.timers.slots[id.index()].alloc.is_none() {
            let a = self.alloc_bytes(gid, TIMER_BYTES);
            self.timers.slots[id.index()].alloc = Some(a);
        }
        self.emit(gid, EventKind::TimerSet { timer: id, at });
    }

    /// Stops a timer; Go's result: true if it was pending or (Go 1.23) had an unreceived
    /// value, which is dropped. Go 1.21 leaves the value in the buffer.
    pub(crate) fn timer_stop(&mut self, gid: Gid, id: TimerId) -> bool {
        let Some(slot) = self.timers.slots.get(id.index()) else {
            return false;
        };
        let chan = match slot.kind {
            TimerKind::Chan { chan, .. } => Some(chan),
            _ => None,
        };
        let was_pending = self.timers.disarm(id);
        if was_pending {
            self.emit(gid, EventKind::TimerStop { timer: id });
            self.release_timer_alloc(id);
        }
        let mut drained = false;
        if let Some(c) = chan
            && self.timers.sync_chans()
        {
            drained = !self.chans[c.index()].buf.is_empty();
            self.chans[c.index()].buf.clear();
        }
        match &self.timers.slots[id.index()].kind {
            TimerKind::Func { task, .. } => was_pending && task.is_some(),
            _ => was_pending || drained,
        }
    }

    /// Creates a ticker or timer channel timer.
    fn new_chan_timer(&mut self, gid: Gid, d: i64, period: i64) -> (TimerId, ChanId) {
        let id = self.timers.add(TimerKind::Free);
        let chan = self.chan_make(gid, 1, TIME_BYTES, V::time(0), Some(id));
        self.timers.slots[id.index()].kind = TimerKind::Chan { chan, period };
        let at = self.now.saturating_add(d.max(0));
        self.arm_visible(gid, id, at);
        (id, chan)
    }
}

impl<V: Value> Cx<'_, V> {
    /// `time.Sleep(d)`: parks in state `sleep`; `d <= 0` returns at once.
    pub fn sleep(&mut self, d_ns: i64) -> Op<()> {
        if d_ns <= 0 {
            return Op::Ready(());
        }
        let rt = &mut *self.rt;
        let id = rt.timers.add(TimerKind::Sleep(self.gid));
        rt.timers.arm(id, rt.now.saturating_add(d_ns));
        rt.park(self.gid, GState::Sleep, None, Park::None);
        Op::Blocked
    }

    /// `time.NewTimer(d)` / `time.After(d)`: the timer and its channel.
    pub fn new_timer(&mut self, d_ns: i64) -> (TimerId, ChanId) {
        self.rt.new_chan_timer(self.gid, d_ns, 0)
    }

    /// `time.NewTicker(d)`: ticks every `d` (Go panics for `d <= 0`: check before calling; a
    /// non-positive `d` here ticks every nanosecond).
    pub fn new_ticker(&mut self, d_ns: i64) -> (TimerId, ChanId) {
        let d = d_ns.max(1);
        self.rt.new_chan_timer(self.gid, d, d)
    }

    /// `time.AfterFunc(d, f)`: `task` starts as a new goroutine when the timer fires.
    pub fn after_func(&mut self, d_ns: i64, task: Box<dyn Task<V>>) -> TimerId {
        let line = self.line();
        let rt = &mut *self.rt;
        let id = rt.timers.add(TimerKind::Func {
            task: Some(task),
            line,
        });
        let at = rt.now.saturating_add(d_ns.max(0));
        rt.arm_visible(self.gid, id, at);
        id
    }

    /// `t.Stop()`: true if the call stopped the timer (Go 1.23: also when a fired value was
    /// still unreceived, which is dropped).
    pub fn timer_stop(&mut self, t: TimerId) -> bool {
        self.rt.timer_stop(self.gid, t)
    }

    /// `t.Reset(d)`: like Stop, then re-arms; returns what Stop would have. An AfterFunc timer
    /// that already fired runs its function again (as in Go) if its task implements
    /// [`Task::fresh`].
    pub fn timer_reset(&mut self, t: TimerId, d_ns: i64) -> bool {
        let was = self.rt.timer_stop(self.gid, t);
        let rt = &mut *self.rt;
        let Some(slot) = rt.timers.slots.get_mut(t.index()) else {
            return was;
        };
        if let TimerKind::Func { task, .. } = &slot.kind
            && task.is_none()
        {
            // An AfterFunc that ran a task that cannot copy itself (`Task::fresh`) has no
            // function left to run again.
            return was;
        }
        let at = rt.now.saturating_add(d_ns.max(0));
        rt.arm_visible(self.gid, t, at);
        was
    }

    /// `ticker.Reset(d)`: next tick `d` from now, then every `d`.
    pub fn ticker_reset(&mut self, t: TimerId, d_ns: i64) {
        let d = d_ns.max(1);
        self.rt.timer_stop(self.gid, t);
        let rt = &mut *self.rt;
        if let Some(TimerSlot {
            kind: TimerKind::Chan { period, .. },
            ..
        }) = rt.timers.slots.get_mut(t.index())
        {
            *period = d;
        }
        let at = rt.now.saturating_add(d);
        rt.arm_visible(self.gid, t, at);
    }
}
