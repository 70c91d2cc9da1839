//! Channels: unbuffered rendezvous, buffered FIFO, close, nil channels; FIFO wait queues.
//!
//! A waiter entry may belong to a parked `select`; then `case` is its case index and waking it
//! yields `Wake::Selected`. Timer channels are cap-1 internally but report cap and len 0, as
//! Go 1.23's synchronous timer channels do (under [`super::GoVersion::Go121`] they show their
//! real buffer, as Go's asynchronous timer channels did).

use std::collections::VecDeque;

use super::cx::Cx;
use super::event::EventKind;
use super::goroutine::Park;
use super::heap::CHAN_HEADER_BYTES;
use super::ids::{AllocId, ChanId, Gid, ObjId, TimerId};
use super::scheduler::Runtime;
use super::state::GState;
use super::{Op, Value, Wake};

/// `case` of a waiter that is a plain send or receive, not a select.
pub(crate) const NOT_SELECT: u32 = u32::MAX;

/// A goroutine waiting on a channel (Go's sudog): for senders, the value it offers. It is
/// stale once the goroutine has been woken since (`token` no longer its park token): a select
/// leaves entries on every channel, and they are skipped when they reach a queue's front.
pub(crate) struct Waiter<V> {
    pub gid: Gid,
    pub case: u32,
    pub val: Option<V>,
    pub token: u32,
}

/// One channel.
pub(crate) struct Channel<V> {
    pub cap: usize,
    pub buf: VecDeque<V>,
    pub sendq: VecDeque<Waiter<V>>,
    pub recvq: VecDeque<Waiter<V>>,
    pub closed: bool,
    pub zero: V,
    /// Set for a timer's channel: len and cap then report 0.
    pub timer: Option<TimerId>,
    pub alloc: AllocId,
    /// Unreachable and freed ([`Cx::chan_release`]).
    pub released: bool,
    /// Entries in the queues that may be stale (counted when a select is woken elsewhere).
    pub stale: usize,
    /// Go 1.21: the program dropped this timer channel while its timer was pending; the
    /// timer still references it, so it is freed only once the timer fires or is stopped.
    pub release_deferred: bool,
    /// Go 1.23: the program dropped this timer channel while a select still waited on it; it
    /// is collected (timer and all) once that select has been woken ([`Runtime::note_stale`]).
    pub orphaned: bool,
    /// Hands control between a coroutine and its caller ([`Cx::mark_coroutine`]): a receiver
    /// waits in state `coroutine`, not `chan receive`.
    pub coroutine: bool,
}

impl<V> Waiter<V> {
    /// The wake a receiving waiter gets for `value`.
    fn received(&self, value: V, ok: bool) -> Wake<V> {
        if self.case == NOT_SELECT {
            Wake::Received { value, ok }
        } else {
            Wake::Selected {
                case: self.case as usize,
                value: Some(value),
                ok,
            }
        }
    }

    /// The wake a sending waiter gets once its value is taken.
    fn sent(&self) -> Wake<V> {
        if self.case == NOT_SELECT {
            Wake::Sent
        } else {
            Wake::Selected {
                case: self.case as usize,
                value: None,
                ok: true,
            }
        }
    }
}

impl<V: Value> Runtime<V> {
    /// `make(chan T, cap)`; the heap is charged its header plus `cap * elem_bytes`.
    pub(crate) fn chan_make(
        &mut self,
        gid: Gid,
        cap: usize,
        elem_bytes: u64,
        zero: V,
        timer: Option<TimerId>,
    ) -> ChanId {
        let id = ChanId(self.chans.len() as u32);
        self.race_chan_made(id, elem_bytes);
        let alloc = self.alloc_bytes(
            gid,
            (cap as u64)
                .saturating_mul(elem_bytes)
                .saturating_add(CHAN_HEADER_BYTES),
        );
        self.chans.push(Channel {
            cap,
            buf: VecDeque::new(),
            sendq: VecDeque::new(),
            recvq: VecDeque::new(),
            closed: false,
            zero,
            timer,
            alloc,
            released: false,
            stale: 0,
            release_deferred: false,
            orphaned: false,
            coroutine: false,
        });
        let shown = if timer.is_some() && self.timers.sync_chans() {
            0
        } else {
            cap as u32
        };
        self.emit(
            gid,
            EventKind::ChanMake {
                chan: id,
                cap: shown,
            },
        );
        id
    }

    /// The buffer length as the program sees it.
    pub(crate) fn shown_len(&self, c: ChanId) -> u32 {
        let ch = &self.chans[c.index()];
        if ch.timer.is_some() && self.timers.sync_chans() {
            0
        } else {
            ch.buf.len() as u32
        }
    }

    /// See [`Cx::chan_release`].
    pub(crate) fn chan_release(&mut self, gid: Gid, ch: ChanId) {
        let Some(c) = self.chans.get(ch.index()) else {
            return;
        };
        let parked = (c.sendq.len() + c.recvq.len()).saturating_sub(c.stale);
        if c.released {
            return;
        }
        if let Some(t) = c.timer
            && self.timer_pending(t)
        {
            if !self.timers.sync_chans() {
                // Go 1.21: the pending timer keeps its channel until it fires.
                self.chans[ch.index()].release_deferred = true;
                return;
            }
            if parked > 0 {
                self.chans[ch.index()].orphaned = true;
                return;
            }
            self.timer_collect(gid, t);
        }
        if parked > 0 {
            return;
        }
        self.chan_free(gid, ch);
    }

    /// Frees an unreachable channel: its buffered values dropped, its bytes out of the heap.
    pub(crate) fn chan_free(&mut self, gid: Gid, ch: ChanId) {
        let c = &mut self.chans[ch.index()];
        if c.released {
            return;
        }
        c.released = true;
        c.release_deferred = false;
        let buffered = std::mem::take(&mut c.buf);
        let alloc = c.alloc;
        drop(buffered);
        self.emit(gid, EventKind::ChanRelease { chan: ch });
        self.free_bytes(gid, alloc);
    }

    /// A wait-queue entry for `gid` as it parks now.
    pub(crate) fn waiter(&self, gid: Gid, case: u32, val: Option<V>) -> Waiter<V> {
        Waiter {
            gid,
            case,
            val,
            token: self.gs[gid.index()].park_token,
        }
    }

    /// Drops stale entries from the fronts of `c`'s queues, so that a non-empty queue has a
    /// live goroutine at its front. Call before looking at or popping a queue.
    pub(crate) fn clean_fronts(&mut self, c: ChanId) {
        let Runtime { gs, chans, .. } = self;
        let ch = &mut chans[c.index()];
        let live = |w: &Waiter<V>| gs[w.gid.index()].park_token == w.token;
        while ch.sendq.front().is_some_and(|w| !live(w)) {
            ch.sendq.pop_front();
        }
        while ch.recvq.front().is_some_and(|w| !live(w)) {
            ch.recvq.pop_front();
        }
    }

    /// A select that waited on `c` was woken: its entry there may be stale. Once more than
    /// half of the entries may be, drop all stale ones (amortised O(1) per wake, where removing
    /// each entry at once would cost the whole queue every time).
    pub(crate) fn note_stale(&mut self, c: ChanId) {
        let Runtime { gs, chans, .. } = self;
        let ch = &mut chans[c.index()];
        ch.stale += 1;
        if ch.stale > 32 && ch.stale * 2 > ch.sendq.len() + ch.recvq.len() {
            let live = |w: &Waiter<V>| gs[w.gid.index()].park_token == w.token;
            ch.sendq.retain(live);
            ch.recvq.retain(live);
            ch.stale = 0;
        }
        if ch.orphaned {
            ch.orphaned = false;
            self.chan_release(Gid(0), c);
        }
    }

    /// True if a send on `c` would complete (or panic) right now (fronts must be clean).
    pub(crate) fn can_send(&self, c: ChanId) -> bool {
        let ch = &self.chans[c.index()];
        ch.closed || !ch.recvq.is_empty() || ch.buf.len() < ch.cap
    }

    /// True if a receive on `c` would complete right now (fronts must be clean).
    pub(crate) fn can_recv(&self, c: ChanId) -> bool {
        let ch = &self.chans[c.index()];
        !ch.buf.is_empty() || !ch.sendq.is_empty() || ch.closed
    }

    /// A send that must not block (the caller cleaned the fronts and checked `can_send`): hands
    /// `v` to the first waiting receiver or buffers it. Returns false if there was no room.
    pub(crate) fn send_now(&mut self, gid: Gid, c: ChanId, v: V) -> bool {
        let ch = &mut self.chans[c.index()];
        if let Some(w) = ch.recvq.pop_front() {
            let wake = w.received(v, true);
            self.race_send(gid, c, Some(w.gid));
            let len = self.shown_len(c);
            self.emit(gid, EventKind::Send { chan: c, len });
            self.emit(w.gid, EventKind::Recv { chan: c, len });
            self.ready(w.gid, wake);
            true
        } else if ch.buf.len() < ch.cap {
            ch.buf.push_back(v);
            self.race_send(gid, c, None);
            let len = self.shown_len(c);
            self.emit(gid, EventKind::Send { chan: c, len });
            true
        } else {
            false
        }
    }

    /// `ch <- v`.
    pub(crate) fn chan_send(&mut self, gid: Gid, c: Option<ChanId>, v: V) -> Op<()> {
        let Some(c) = c else {
            self.park(gid, GState::ChanSendNil, None, Park::None);
            return Op::Blocked;
        };
        self.race_send_check(gid, c);
        if self.chans[c.index()].closed {
            return Op::Panic("send on closed channel".to_string());
        }
        self.clean_fronts(c);
        if self.can_send(c) {
            self.send_now(gid, c, v);
            return Op::Ready(());
        }
        let w = self.waiter(gid, NOT_SELECT, Some(v));
        self.chans[c.index()].sendq.push_back(w);
        self.park(gid, GState::ChanSend, Some(ObjId::Chan(c)), Park::None);
        Op::Blocked
    }

    /// A receive that must not block (the caller cleaned the fronts and checked `can_recv`).
    pub(crate) fn recv_now(&mut self, gid: Gid, c: ChanId) -> (V, bool) {
        let ch = &mut self.chans[c.index()];
        if let Some(v) = ch.buf.pop_front() {
            // A waiting sender's value takes the freed slot.
            if let Some(mut w) = ch.sendq.pop_front() {
                if let Some(sv) = w.val.take() {
                    ch.buf.push_back(sv);
                }
                let wake = w.sent();
                self.race_recv(gid, c, true, Some(w.gid));
                let len = self.shown_len(c);
                self.emit(gid, EventKind::Recv { chan: c, len });
                self.emit(w.gid, EventKind::Send { chan: c, len });
                self.ready(w.gid, wake);
            } else {
                self.race_recv(gid, c, true, None);
                let len = self.shown_len(c);
                self.emit(gid, EventKind::Recv { chan: c, len });
            }
            (v, true)
        } else if let Some(mut w) = ch.sendq.pop_front() {
            let v = w.val.take().unwrap_or_else(|| ch.zero.clone());
            let wake = w.sent();
            self.race_recv(gid, c, false, Some(w.gid));
            let len = self.shown_len(c);
            self.emit(w.gid, EventKind::Send { chan: c, len });
            self.emit(gid, EventKind::Recv { chan: c, len });
            self.ready(w.gid, wake);
            (v, true)
        } else {
            let zero = ch.zero.clone();
            self.race_recv(gid, c, false, None);
            self.emit(gid, EventKind::Recv { chan: c, len: 0 });
            (zero, false)
        }
    }

    /// `v, ok := <-ch`.
    pub(crate) fn chan_recv(&mut self, gid: Gid, c: Option<ChanId>) -> Op<(V, bool)> {
        let Some(c) = c else {
            self.park(gid, GState::ChanRecvNil, None, Park::None);
            return Op::Blocked;
        };
        self.run_due_chan_timer(c);
        self.clean_fronts(c);
        if self.can_recv(c) {
            return Op::Ready(self.recv_now(gid, c));
        }
        let w = self.waiter(gid, NOT_SELECT, None);
        let ch = &mut self.chans[c.index()];
        ch.recvq.push_back(w);
        let state = if ch.coroutine {
            GState::Coroutine
        } else {
            GState::ChanRecv
        };
        self.park(gid, state, Some(ObjId::Chan(c)), Park::None);
        Op::Blocked
    }

    /// `close(ch)`: wakes every receiver with the zero value and every sender with a panic.
    pub(crate) fn chan_close(&mut self, gid: Gid, c: Option<ChanId>) -> Result<(), String> {
        let Some(c) = c else {
            return Err("close of nil channel".to_string());
        };
        let ch = &mut self.chans[c.index()];
        if ch.closed {
            return Err("close of closed channel".to_string());
        }
        self.race_close(gid, c);
        let ch = &mut self.chans[c.index()];
        ch.closed = true;
        let recvs = std::mem::take(&mut ch.recvq);
        let sends = std::mem::take(&mut ch.sendq);
        let zero = ch.zero.clone();
        ch.stale = 0;
        self.emit(gid, EventKind::Close { chan: c });
        // Go pushes the waiters (receivers, then senders) on a stack and readies them from its
        // top; with `runnext`, receivers parked in the order c, a, b then run c, b, a (as
        // Go 1.27 does under synctest).
        let mut woken: Vec<(Gid, Wake<V>)> = Vec::with_capacity(recvs.len() + sends.len());
        let live = |w: &Waiter<V>| self.gs[w.gid.index()].park_token == w.token;
        for w in recvs.iter().filter(|w| live(w)) {
            let wake = w.received(zero.clone(), false);
            woken.push((w.gid, wake));
        }
        for w in sends.iter().filter(|w| live(w)) {
            woken.push((w.gid, Wake::SendOnClosed));
        }
        for (g, wake) in woken.into_iter().rev() {
            self.race_close_woke(g, c);
            self.ready(g, wake);
        }
        Ok(())
    }
}

impl<V: Value> Cx<'_, V> {
    /// `make(chan T, cap)` with elements of `elem_bytes` Go bytes and zero value `zero`.
    pub fn make_chan(&mut self, cap: usize, elem_bytes: u64, zero: V) -> ChanId {
        self.rt.chan_make(self.gid, cap, elem_bytes, zero, None)
    }

    /// `ch <- v`; `None` is a nil channel (blocks forever).
    pub fn send(&mut self, ch: Option<ChanId>, v: V) -> Op<()> {
        let op = self.rt.chan_send(self.gid, ch, v);
        if op == Op::Ready(()) {
            self.rt.spin.progress(self.gid);
        }
        op
    }

    /// `v, ok := <-ch`; `None` is a nil channel (blocks forever).
    pub fn recv(&mut self, ch: Option<ChanId>) -> Op<(V, bool)> {
        let op = self.rt.chan_recv(self.gid, ch);
        if matches!(op, Op::Ready(_)) {
            self.rt.spin.progress(self.gid);
        }
        op
    }

    /// Marks `ch` as the channel a coroutine and its caller hand control over with (a library's
    /// coroutine made of a goroutine and channels, as golite's `iter.Pull`): a goroutine waiting
    /// to receive on it is in Go's state `coroutine`.
    pub fn mark_coroutine(&mut self, ch: ChanId) {
        self.rt.chans[ch.index()].coroutine = true;
    }

    /// `close(ch)`; `Err` carries Go's panic message.
    pub fn close(&mut self, ch: Option<ChanId>) -> Result<(), String> {
        self.rt.chan_close(self.gid, ch)
    }

    /// `len(ch)`.
    pub fn chan_len(&self, ch: ChanId) -> usize {
        self.rt.shown_len(ch) as usize
    }

    /// The interpreter dropped its last reference to `ch`. Unless a goroutine is parked on it
    /// (a parked goroutine keeps its channel reachable in Go too, so a leaked sender's channel
    /// stays), it is garbage: its buffered values are dropped, its bytes leave the modeled heap
    /// and a [`EventKind::ChanRelease`] takes it out of snapshots. Once per channel.
    ///
    /// A timer's channel goes with its timer: since Go 1.23 an unreferenced timer is garbage
    /// too (it is stopped and its bytes freed); before (`GoVersion::Go121`) the runtime's
    /// timer heap kept a pending timer and its channel alive until it fired.
    pub fn chan_release(&mut self, ch: ChanId) {
        self.rt.chan_release(self.gid, ch);
    }

    /// `cap(ch)` (0 for timer channels, as in Go 1.23).
    pub fn chan_cap(&self, ch: ChanId) -> usize {
        let c = &self.rt.chans[ch.index()];
        if c.timer.is_some() && self.rt.timers.sync_chans() {
            0
        } else {
            c.cap
        }
    }
}
