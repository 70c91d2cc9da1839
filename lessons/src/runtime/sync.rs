//! sync.Mutex, RWMutex (writer preference), WaitGroup, Cond and Once.
//!
//! Mutex follows Go's normal mode: Unlock frees the lock and wakes the longest waiter (unless
//! one is already woken); the running goroutine may take the lock again first (barging), and
//! a woken waiter that finds it taken goes back to the front of the queue. So a goroutine
//! unlocking and relocking in a loop keeps the lock, as in Go (`A A A B`, checked with
//! Go 1.27). Starvation mode (after 1 ms of real time) is not modelled. RWMutex hands its internal
//! writer mutex from writer to writer.

use std::collections::VecDeque;

use super::cx::Cx;
use super::event::EventKind;
use super::goroutine::Park;
use super::ids::{CondId, Gid, MutexId, ObjId, OnceId, RwMutexId, WgId};
use super::scheduler::Runtime;
use super::state::GState;
use super::{Op, Value, Wake};

#[derive(Default)]
pub(crate) struct Mutex {
    locked: bool,
    /// Who took it, and at which line (for the goroutines waiting on it).
    holder: Option<(Gid, u32)>,
    /// A waiter was woken and has not yet tried again (Go's `mutexWoken`).
    woken: bool,
    pub(crate) waiters: VecDeque<Gid>,
}

/// Go's RWMutex: a writer first takes an internal mutex `w` (other writers queue on it, in
/// state `sync.Mutex.Lock`), then announces itself, which blocks new readers, and waits for
/// the readers already inside to leave (state `sync.RWMutex.Lock`).
#[derive(Default)]
pub(crate) struct RwMutex {
    /// A writer holds `w` (announced: active or waiting for readers).
    w_locked: bool,
    /// The writer holding `w` is inside.
    writer_active: bool,
    /// The writer holding `w`, waiting for readers to leave.
    pub(crate) pending_writer: Option<Gid>,
    readers: u32,
    /// Writers queued on `w`.
    pub(crate) w_waiters: VecDeque<Gid>,
    pub(crate) readers_waiting: VecDeque<Gid>,
}

#[derive(Default)]
pub(crate) struct WaitGroup {
    counter: i64,
    pub(crate) waiters: Vec<Gid>,
}

pub(crate) struct Cond {
    pub(crate) mutex: MutexId,
    pub(crate) waiters: VecDeque<Gid>,
}

#[derive(Default)]
pub(crate) struct Once {
    state: OnceState,
    pub(crate) waiters: Vec<Gid>,
}

#[derive(Default, PartialEq, Eq)]
enum OnceState {
    #[default]
    New,
    Running,
    Done,
}

/// Every sync object of a run, by id.
#[derive(Default)]
pub(crate) struct SyncObjects {
    pub(crate) mutexes: Vec<Mutex>,
    pub(crate) rwmutexes: Vec<RwMutex>,
    pub(crate) wgs: Vec<WaitGroup>,
    pub(crate) conds: Vec<Cond>,
    pub(crate) onces: Vec<Once>,
}

impl<V: Value> Runtime<V> {
    /// A woken goroutine's attempt to take `m` before it runs; false if it parked again.
    pub(crate) fn relock(&mut self, gid: Gid, m: MutexId, front: bool) -> bool {
        let mx = &mut self.sync.mutexes[m.index()];
        if front {
            mx.woken = false;
        }
        if !mx.locked {
            mx.locked = true;
            self.race_mutex_acquire(gid, m);
            self.mutex_taken(gid, m);
            return true;
        }
        if front {
            mx.waiters.push_front(gid);
        } else {
            mx.waiters.push_back(gid);
        }
        self.mutex_waited(gid, m);
        self.park(gid, GState::MutexLock, Some(ObjId::Mutex(m)), Park::None);
        false
    }

    /// `gid` took `m`: remembered, and recorded when goroutines wait for it.
    fn mutex_taken(&mut self, gid: Gid, m: MutexId) {
        let line = self.gs[gid.index()].line;
        let mx = &mut self.sync.mutexes[m.index()];
        mx.holder = Some((gid, line));
        if !mx.waiters.is_empty() {
            self.emit(
                gid,
                EventKind::MutexHolder {
                    mutex: m,
                    holder: Some(gid),
                    at: line,
                },
            );
        }
    }

    /// `gid` queued on `m`: the first waiter records who holds it.
    fn mutex_waited(&mut self, gid: Gid, m: MutexId) {
        let mx = &self.sync.mutexes[m.index()];
        if mx.waiters.len() == 1 {
            let (holder, at) = mx.holder.map_or((None, 0), |(g, l)| (Some(g), l));
            self.emit(
                gid,
                EventKind::MutexHolder {
                    mutex: m,
                    holder,
                    at,
                },
            );
        }
    }

    /// Wakes `gid` to take `m` when it runs (Cond.Wait re-locking; woken Lock waiters).
    fn wake_to_lock(&mut self, gid: Gid, m: MutexId, front: bool) {
        self.gs[gid.index()].relock = Some((m, front));
        self.ready(gid, Wake::Done);
    }

    fn mutex_unlock(&mut self, gid: Gid, m: MutexId) -> Result<(), String> {
        let mx = &mut self.sync.mutexes[m.index()];
        if !mx.locked {
            return Err("sync: unlock of unlocked mutex".to_string());
        }
        mx.locked = false;
        mx.holder = None;
        if !mx.waiters.is_empty() {
            self.emit(
                gid,
                EventKind::MutexHolder {
                    mutex: m,
                    holder: None,
                    at: 0,
                },
            );
        }
        let mx = &mut self.sync.mutexes[m.index()];
        if !mx.woken
            && let Some(next) = mx.waiters.pop_front()
        {
            mx.woken = true;
            self.wake_to_lock(next, m, true);
        }
        Ok(())
    }
}

impl<V: Value> Cx<'_, V> {
    /// A new unlocked sync.Mutex.
    pub fn mutex_new(&mut self) -> MutexId {
        let m = &mut self.rt.sync.mutexes;
        m.push(Mutex::default());
        MutexId(m.len() as u32 - 1)
    }

    /// `m.Lock()`: parks in `sync.Mutex.Lock` while another goroutine holds it.
    pub fn lock(&mut self, m: MutexId) -> Op<()> {
        let mx = &mut self.rt.sync.mutexes[m.index()];
        if !mx.locked {
            mx.locked = true;
            self.rt.race_mutex_acquire(self.gid, m);
            self.rt.mutex_taken(self.gid, m);
            return Op::Ready(());
        }
        mx.waiters.push_back(self.gid);
        self.rt.mutex_waited(self.gid, m);
        self.rt.park(
            self.gid,
            GState::MutexLock,
            Some(ObjId::Mutex(m)),
            Park::None,
        );
        Op::Blocked
    }

    fn polled(&mut self, ok: bool) {
        if ok {
            self.rt.spin.progress(self.gid);
        } else {
            self.rt.spin.idle_poll(self.gid, self.rt.steps);
        }
    }

    /// `m.TryLock()`. A failure is an idle poll, a success progress (see
    /// [`crate::runtime::Measures::spin_steps`]).
    pub fn try_lock(&mut self, m: MutexId) -> bool {
        let ok = self.try_lock_now(m);
        self.polled(ok);
        ok
    }

    fn try_lock_now(&mut self, m: MutexId) -> bool {
        let mx = &mut self.rt.sync.mutexes[m.index()];
        if mx.locked {
            false
        } else {
            mx.locked = true;
            self.rt.race_mutex_acquire(self.gid, m);
            self.rt.mutex_taken(self.gid, m);
            true
        }
    }

    /// `m.Unlock()`; `Err` is the fatal error "sync: unlock of unlocked mutex".
    pub fn unlock(&mut self, m: MutexId) -> Result<(), String> {
        if self.rt.sync.mutexes[m.index()].locked {
            self.rt.race_mutex_release(self.gid, m);
        }
        self.rt.mutex_unlock(self.gid, m)
    }

    /// A new unlocked sync.RWMutex.
    pub fn rwmutex_new(&mut self) -> RwMutexId {
        let m = &mut self.rt.sync.rwmutexes;
        m.push(RwMutex::default());
        RwMutexId(m.len() as u32 - 1)
    }

    /// `rw.RLock()`: waits while a writer holds the lock or has announced itself.
    pub fn rlock(&mut self, m: RwMutexId) -> Op<()> {
        let rw = &mut self.rt.sync.rwmutexes[m.index()];
        if !rw.w_locked {
            rw.readers += 1;
            self.rt.race_rlocked(self.gid, m);
            return Op::Ready(());
        }
        rw.readers_waiting.push_back(self.gid);
        self.rt.park(
            self.gid,
            GState::RwMutexRLock,
            Some(ObjId::RwMutex(m)),
            Park::None,
        );
        Op::Blocked
    }

    /// `rw.TryRLock()`. A failure is an idle poll, a success progress (see
    /// [`crate::runtime::Measures::spin_steps`]).
    pub fn rw_try_rlock(&mut self, m: RwMutexId) -> bool {
        let ok = self.rw_try_rlock_now(m);
        self.polled(ok);
        ok
    }

    fn rw_try_rlock_now(&mut self, m: RwMutexId) -> bool {
        let rw = &mut self.rt.sync.rwmutexes[m.index()];
        if rw.w_locked {
            return false;
        }
        rw.readers += 1;
        self.rt.race_rlocked(self.gid, m);
        true
    }

    /// `rw.RUnlock()`; `Err` is the fatal error "sync: RUnlock of unlocked RWMutex".
    pub fn runlock(&mut self, m: RwMutexId) -> Result<(), String> {
        let rw = &mut self.rt.sync.rwmutexes[m.index()];
        if rw.readers == 0 {
            return Err("sync: RUnlock of unlocked RWMutex".to_string());
        }
        rw.readers -= 1;
        let wakes = if rw.readers == 0 {
            rw.pending_writer.take()
        } else {
            None
        };
        if wakes.is_some() {
            rw.writer_active = true;
        }
        let gid = self.gid;
        self.rt.race_sync(gid, |r, g| {
            r.release_merge(g, super::race::SyncKey::RwWriter(m.0))
        });
        if let Some(w) = wakes {
            self.rt.race_wlocked(w, m);
            self.rt.ready(w, Wake::Done);
        }
        Ok(())
    }

    /// `rw.Lock()`: queues behind another writer (`sync.Mutex.Lock`), then waits for the
    /// readers inside to leave (`sync.RWMutex.Lock`).
    pub fn rw_lock(&mut self, m: RwMutexId) -> Op<()> {
        let rw = &mut self.rt.sync.rwmutexes[m.index()];
        if rw.w_locked {
            rw.w_waiters.push_back(self.gid);
            self.rt.park(
                self.gid,
                GState::MutexLock,
                Some(ObjId::RwMutex(m)),
                Park::None,
            );
            return Op::Blocked;
        }
        rw.w_locked = true;
        if rw.readers == 0 {
            rw.writer_active = true;
            self.rt.race_wlocked(self.gid, m);
            return Op::Ready(());
        }
        rw.pending_writer = Some(self.gid);
        self.rt.park(
            self.gid,
            GState::RwMutexLock,
            Some(ObjId::RwMutex(m)),
            Park::None,
        );
        Op::Blocked
    }

    /// `rw.TryLock()`. A failure is an idle poll, a success progress (see
    /// [`crate::runtime::Measures::spin_steps`]).
    pub fn rw_try_lock(&mut self, m: RwMutexId) -> bool {
        let ok = self.rw_try_lock_now(m);
        self.polled(ok);
        ok
    }

    fn rw_try_lock_now(&mut self, m: RwMutexId) -> bool {
        let rw = &mut self.rt.sync.rwmutexes[m.index()];
        if rw.w_locked || rw.readers > 0 {
            return false;
        }
        rw.w_locked = true;
        rw.writer_active = true;
        self.rt.race_wlocked(self.gid, m);
        true
    }

    /// `rw.Unlock()`: the readers that waited go in, then the next writer takes `w` (and waits
    /// for those readers). `Err` is the fatal error "sync: Unlock of unlocked RWMutex".
    pub fn rw_unlock(&mut self, m: RwMutexId) -> Result<(), String> {
        let rw = &mut self.rt.sync.rwmutexes[m.index()];
        if !rw.writer_active {
            return Err("sync: Unlock of unlocked RWMutex".to_string());
        }
        let gid = self.gid;
        self.rt.race_sync(gid, |r, g| {
            r.release(g, super::race::SyncKey::RwReader(m.0))
        });
        let rw = &mut self.rt.sync.rwmutexes[m.index()];
        rw.writer_active = false;
        rw.w_locked = false;
        let readers = std::mem::take(&mut rw.readers_waiting);
        rw.readers += readers.len() as u32;
        let next = rw.w_waiters.pop_front();
        if let Some(w) = next {
            rw.w_locked = true;
            if rw.readers == 0 {
                rw.writer_active = true;
            } else {
                rw.pending_writer = Some(w);
            }
        }
        let active = rw.writer_active;
        for r in readers {
            self.rt.race_rlocked(r, m);
            self.rt.ready(r, Wake::Done);
        }
        if let Some(w) = next {
            if active {
                self.rt.race_wlocked(w, m);
                self.rt.ready(w, Wake::Done);
            } else {
                self.rt
                    .park(w, GState::RwMutexLock, Some(ObjId::RwMutex(m)), Park::None);
            }
        }
        Ok(())
    }

    /// A new sync.WaitGroup with counter 0.
    pub fn waitgroup_new(&mut self) -> WgId {
        let w = &mut self.rt.sync.wgs;
        w.push(WaitGroup::default());
        WgId(w.len() as u32 - 1)
    }

    /// `wg.Add(delta)` (Done is `-1`); `Err` is the panic "sync: negative WaitGroup counter".
    pub fn wg_add(&mut self, wg: WgId, delta: i64) -> Result<(), String> {
        if delta < 0 {
            self.rt.race_wg_done(self.gid, wg);
        }
        let w = &mut self.rt.sync.wgs[wg.index()];
        w.counter += delta;
        if w.counter < 0 {
            return Err("sync: negative WaitGroup counter".to_string());
        }
        if delta > 0 && w.counter == delta {
            self.rt.race_wg_add_from_zero(self.gid, wg);
        }
        let w = &mut self.rt.sync.wgs[wg.index()];
        if !w.waiters.is_empty() {
            let counter = w.counter;
            self.rt
                .emit(self.gid, EventKind::WaitGroupCounter { wg, counter });
        }
        let w = &mut self.rt.sync.wgs[wg.index()];
        if w.counter == 0 {
            let waiters = std::mem::take(&mut w.waiters);
            for g in waiters {
                self.rt.race_wg_acquire(g, wg);
                self.rt.ready(g, Wake::Done);
            }
        }
        Ok(())
    }

    /// `wg.Wait()`: parks in `sync.WaitGroup.Wait` until the counter is 0.
    pub fn wg_wait(&mut self, wg: WgId) -> Op<()> {
        let w = &mut self.rt.sync.wgs[wg.index()];
        if w.counter == 0 {
            self.rt.race_wg_acquire(self.gid, wg);
            return Op::Ready(());
        }
        self.rt.race_wg_wait_blocks(self.gid, wg);
        let w = &mut self.rt.sync.wgs[wg.index()];
        w.waiters.push(self.gid);
        let counter = w.counter;
        self.rt
            .emit(self.gid, EventKind::WaitGroupCounter { wg, counter });
        self.rt.park(
            self.gid,
            GState::WaitGroupWait,
            Some(ObjId::WaitGroup(wg)),
            Park::None,
        );
        Op::Blocked
    }

    /// `sync.NewCond(&m)`.
    pub fn cond_new(&mut self, m: MutexId) -> CondId {
        let c = &mut self.rt.sync.conds;
        c.push(Cond {
            mutex: m,
            waiters: VecDeque::new(),
        });
        CondId(c.len() as u32 - 1)
    }

    /// `c.Wait()`: unlocks the mutex, parks in `sync.Cond.Wait`, and wakes (with `Wake::Done`)
    /// only once it holds the mutex again. `Err` is the fatal error of an unlocked mutex.
    pub fn cond_wait(&mut self, c: CondId) -> Result<Op<()>, String> {
        let m = self.rt.sync.conds[c.index()].mutex;
        if self.rt.sync.mutexes[m.index()].locked {
            self.rt.race_mutex_release(self.gid, m);
        }
        self.rt.mutex_unlock(self.gid, m)?;
        self.rt.sync.conds[c.index()].waiters.push_back(self.gid);
        self.rt
            .park(self.gid, GState::CondWait, Some(ObjId::Cond(c)), Park::None);
        Ok(Op::Blocked)
    }

    /// `c.Signal()`: the longest waiter goes on to re-lock the mutex.
    pub fn cond_signal(&mut self, c: CondId) {
        let cond = &mut self.rt.sync.conds[c.index()];
        let m = cond.mutex;
        if let Some(g) = cond.waiters.pop_front() {
            self.rt.wake_to_lock(g, m, false);
        }
    }

    /// `c.Broadcast()`: every waiter goes on to re-lock the mutex, in arrival order.
    pub fn cond_broadcast(&mut self, c: CondId) {
        let cond = &mut self.rt.sync.conds[c.index()];
        let m = cond.mutex;
        let waiters = std::mem::take(&mut cond.waiters);
        for g in waiters {
            self.rt.wake_to_lock(g, m, false);
        }
    }

    /// A new sync.Once.
    pub fn once_new(&mut self) -> OnceId {
        let o = &mut self.rt.sync.onces;
        o.push(Once::default());
        OnceId(o.len() as u32 - 1)
    }

    /// Start of `once.Do(f)`: `Ready(true)`: run f, then call [`Cx::once_end`];
    /// `Ready(false)`: already done; `Blocked` (state `sync.Mutex.Lock`, as Go's Once locks a
    /// mutex) while another goroutine runs f: on `Wake::Done` it is done.
    pub fn once_begin(&mut self, o: OnceId) -> Op<bool> {
        let once = &mut self.rt.sync.onces[o.index()];
        match once.state {
            OnceState::Done => {
                self.rt.race_once_acquire(self.gid, o);
                Op::Ready(false)
            }
            OnceState::New => {
                once.state = OnceState::Running;
                Op::Ready(true)
            }
            OnceState::Running => {
                once.waiters.push(self.gid);
                self.rt.park(
                    self.gid,
                    GState::MutexLock,
                    Some(ObjId::Once(o)),
                    Park::None,
                );
                Op::Blocked
            }
        }
    }

    /// End of `once.Do(f)` (also when f panicked): marks done and releases the waiters.
    pub fn once_end(&mut self, o: OnceId) {
        self.rt.race_once_done(self.gid, o);
        let once = &mut self.rt.sync.onces[o.index()];
        once.state = OnceState::Done;
        let waiters = std::mem::take(&mut once.waiters);
        for g in waiters {
            self.rt.race_once_acquire(g, o);
            self.rt.ready(g, Wake::Done);
        }
    }
}
