//! Events: every state change, in order. They are all a [`crate::runtime::Timeline`] needs.

use std::rc::Rc;

use serde::{Serialize, Serializer};

use super::ids::{ChanId, ConnId, Gid, MutexId, ObjId, TimerId, WgId};
use super::network::{ConnState, Side};
use super::report::Outcome;
use super::state::GState;

/// One state change, stamped with the global step count, the virtual time, the goroutine it
/// concerns (`Gid(0)`: the runtime, e.g. a timer firing) and that goroutine's current line.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    pub step: u64,
    pub time_ns: i64,
    pub gid: Gid,
    pub line: u32,
    #[serde(flatten)]
    pub kind: EventKind,
}

/// What changed. `Block`'s `on` is `None` for select (several channels), sleep and nil channels.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventKind {
    /// `gid` started goroutine `child` running function `name`.
    Spawn {
        child: Gid,
        #[serde(serialize_with = "ser_rc_str")]
        name: Rc<str>,
    },
    /// `gid` parked in `state`. For a select with several cases, `cases` lists each channel
    /// it waits on and whether to send.
    Block {
        state: GState,
        on: Option<ObjId>,
        #[serde(skip_serializing_if = "Option::is_none", serialize_with = "ser_cases")]
        cases: Option<Rc<[CaseWait]>>,
    },
    /// `gid` became runnable again.
    Unblock,
    /// `gid`'s function returned.
    Exit,
    /// A send on `chan` completed; `len` is the buffer length afterwards.
    Send { chan: ChanId, len: u32 },
    /// A receive on `chan` completed; `len` is the buffer length afterwards.
    Recv { chan: ChanId, len: u32 },
    /// `chan` was closed.
    Close { chan: ChanId },
    /// `chan` was made with capacity `cap`.
    ChanMake { chan: ChanId, cap: u32 },
    /// No goroutine can reach `chan` any more (the program dropped its last reference and none
    /// is parked on it): Go's garbage collector would free it, and it leaves the snapshot.
    ChanRelease { chan: ChanId },
    /// `timer` will fire at virtual time `at`.
    TimerSet { timer: TimerId, at: i64 },
    /// `timer` fired.
    TimerFire { timer: TimerId },
    /// `timer` was stopped before firing.
    TimerStop { timer: TimerId },
    /// The modeled heap grew by `bytes`.
    Alloc { bytes: u64 },
    /// The modeled heap shrank by `bytes`.
    Free { bytes: u64 },
    /// The program printed `text`.
    Output { text: String },
    /// Output stopped being kept (`MAX_OUTPUT_BYTES` / `MAX_OUTPUT_LINES`): `bytes` and
    /// `lines` printed in all so far. Recorded when the output is cut and again when the run
    /// ends, with the final totals.
    OutputCut { bytes: u64, lines: u64 },
    /// An unrecovered panic or fatal error with Go's message.
    Panic { msg: String },
    /// `idle_polls` non-blocking polls found nothing ready and `steps` were spent spinning
    /// (see [`super::Measures::spin_steps`]) during the goroutine's last resume; one event per
    /// resume at most, so a busy loop cannot flood the event log.
    Spin { idle_polls: u64, steps: u64 },
    /// A deferred call recovered a panic.
    Recovered,
    /// Who holds `mutex` now (`None`: nobody), and the line where it took it. Recorded only
    /// while a goroutine waits for the mutex (when the first waiter parks, and each time the
    /// mutex changes hands while some wait), so an uncontended lock costs no event: the
    /// snapshot's holder is meant for the goroutines blocked on it.
    MutexHolder {
        mutex: MutexId,
        holder: Option<Gid>,
        at: u32,
    },
    /// A WaitGroup's counter, recorded only while a goroutine waits in `Wait` (when it parks,
    /// and at each `Add`/`Done` while some wait).
    WaitGroupCounter { wg: WgId, counter: i64 },
    /// A connection end opened (a dial makes both ends) or changed state.
    Conn {
        conn: ConnId,
        side: Side,
        state: ConnState,
    },
    /// A connection pool's limits (0: none) and the requests queued for one of its
    /// connections, reported by the library when they change (an HTTP transport's pool for
    /// one host: `MaxConnsPerHost`, `MaxIdleConnsPerHost`, requests waiting in `getConn`).
    Pool {
        pool: u32,
        max_conns: u32,
        max_idle: u32,
        queued: u32,
    },
    /// The run ended.
    End { outcome: Outcome },
}

/// One channel a parked select waits on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct CaseWait {
    pub chan: ChanId,
    pub send: bool,
}

fn ser_cases<S: Serializer>(v: &Option<Rc<[CaseWait]>>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(cases) => s.collect_seq(cases.iter()),
        None => s.serialize_none(),
    }
}

fn ser_rc_str<S: Serializer>(v: &Rc<str>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(v)
}
