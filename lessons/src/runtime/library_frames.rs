//! The frames of Go's library that Go's goroutine dumps show and golite's dumps show too, with
//! Go 1.27.3's files (as `-trimpath` prints them) and lines, read off `runtime.Stack(buf, true)`
//! of the same waits under real Go (docs/ARCHITECTURE.md § Goroutine dumps).
//!
//! Two kinds: the frames *above* a goroutine's own code while it waits (`sync.(*WaitGroup).Wait`
//! over `sync.runtime_SemacquireWaitGroup`), which depend only on what it waits in, and the
//! frames of a goroutine golite's library started (`net/http.(*persistConn).readLoop` at its
//! `select`), which golite runs as Go source of its own, whose lines are not Go's.

use super::ids::ObjId;
use super::race_frames;
use super::state::GState;

/// A frame as a dump prints it: function, file, line.
pub type LibraryFrame = (&'static str, &'static str, u32);

const SEMACQUIRE_MUTEX: [LibraryFrame; 4] = [
    (
        "internal/sync.runtime_SemacquireMutex",
        "runtime/sema.go",
        95,
    ),
    (
        "internal/sync.(*Mutex).lockSlow",
        "internal/sync/mutex.go",
        149,
    ),
    ("internal/sync.(*Mutex).Lock", "internal/sync/mutex.go", 70),
    ("sync.(*Mutex).Lock", "sync/mutex.go", 46),
];

const RW_WRITER_QUEUE: [LibraryFrame; 5] = [
    SEMACQUIRE_MUTEX[0],
    SEMACQUIRE_MUTEX[1],
    SEMACQUIRE_MUTEX[2],
    SEMACQUIRE_MUTEX[3],
    ("sync.(*RWMutex).Lock", "sync/rwmutex.go", 150),
];

const ONCE_WAIT: [LibraryFrame; 6] = [
    SEMACQUIRE_MUTEX[0],
    SEMACQUIRE_MUTEX[1],
    SEMACQUIRE_MUTEX[2],
    SEMACQUIRE_MUTEX[3],
    ("sync.(*Once).doSlow", "sync/once.go", 74),
    ("sync.(*Once).Do", "sync/once.go", 69),
];

const RW_LOCK: [LibraryFrame; 2] = [
    ("sync.runtime_SemacquireRWMutex", "runtime/sema.go", 105),
    ("sync.(*RWMutex).Lock", "sync/rwmutex.go", 155),
];

const RW_RLOCK: [LibraryFrame; 2] = [
    ("sync.runtime_SemacquireRWMutexR", "runtime/sema.go", 100),
    ("sync.(*RWMutex).RLock", "sync/rwmutex.go", 74),
];

const WG_WAIT: [LibraryFrame; 2] = [
    ("sync.runtime_SemacquireWaitGroup", "runtime/sema.go", 114),
    ("sync.(*WaitGroup).Wait", "sync/waitgroup.go", 206),
];

const COND_WAIT: [LibraryFrame; 2] = [
    ("sync.runtime_notifyListWait", "runtime/sema.go", 617),
    ("sync.(*Cond).Wait", "sync/cond.go", 71),
];

const SLEEP: [LibraryFrame; 1] = [("time.Sleep", "runtime/time.go", 368)];

/// The library frames Go shows above the code of a goroutine parked in `state` on `on`,
/// innermost first. A writer queued behind another writer waits in the RWMutex's inner mutex
/// (`sync.Mutex.Lock`), as does a `Once.Do` behind the first call. Channel waits, selects and
/// the network's waits show none here (Go's `IO wait` frames depend on the reader: not yet
/// modelled).
pub fn wait_frames(state: GState, on: Option<ObjId>) -> &'static [LibraryFrame] {
    match (state, on) {
        (GState::Sleep, _) => &SLEEP,
        (GState::MutexLock, Some(ObjId::RwMutex(_))) => &RW_WRITER_QUEUE,
        (GState::MutexLock, Some(ObjId::Once(_))) => &ONCE_WAIT,
        (GState::MutexLock, _) => &SEMACQUIRE_MUTEX,
        (GState::RwMutexLock, _) => &RW_LOCK,
        (GState::RwMutexRLock, _) => &RW_RLOCK,
        (GState::WaitGroupWait, _) => &WG_WAIT,
        (GState::CondWait, _) => &COND_WAIT,
        _ => &[],
    }
}

/// Where Go parks a goroutine its library started, by function and state: the line of the
/// `select` in `readLoop` and `writeLoop` of an idle pooled connection
/// (`tests/oracle/net/lessons`: lesson 21's unclosed bodies).
static PARKED: &[(&str, GState, &str, u32)] = &[
    (
        "net/http.(*persistConn).readLoop",
        GState::Select,
        "net/http/transport.go",
        2616,
    ),
    (
        "net/http.(*persistConn).writeLoop",
        GState::Select,
        "net/http/transport.go",
        2833,
    ),
];

/// Go's file and line for library function `func` where a goroutine waits in `state`, if known.
pub fn parked_at(func: &str, state: GState) -> Option<(&'static str, u32)> {
    PARKED
        .iter()
        .find(|p| p.0 == func && p.1 == state)
        .map(|p| (p.2, p.3))
}

/// Calls in Go's library that Go's dumps show under the frame called: (caller, callee), where
/// callee `None` is the program's own code (a handler). Go's file and line of each call are
/// the race reports' (`race_frames::library_frame`): the same call.
static CALLS: &[(&str, Option<&str>)] = &[
    ("net/http.HandlerFunc.ServeHTTP", None),
    ("net/http.(*ServeMux).ServeHTTP", None),
    (
        "net/http.(*ServeMux).ServeHTTP",
        Some("net/http.HandlerFunc.ServeHTTP"),
    ),
    ("net/http.serverHandler.ServeHTTP", None),
    (
        "net/http.serverHandler.ServeHTTP",
        Some("net/http.HandlerFunc.ServeHTTP"),
    ),
    (
        "net/http.serverHandler.ServeHTTP",
        Some("net/http.(*ServeMux).ServeHTTP"),
    ),
    (
        "net/http.(*conn).serve",
        Some("net/http.serverHandler.ServeHTTP"),
    ),
];

/// Go's file and line of library function `caller` calling `callee` (a library function, or
/// the program's code when `program`), if Go's dumps show that frame.
pub fn calling(caller: &str, callee: &str, program: bool) -> Option<(&'static str, u32)> {
    CALLS.iter().find(|(c, e)| {
        *c == caller
            && match e {
                None => program,
                Some(e) => !program && *e == callee,
            }
    })?;
    let (id, line) = race_frames::library_frame(caller)?;
    let (_, file) = race_frames::frame(id)?;
    Some((file, line))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::ids::{MutexId, OnceId, RwMutexId};

    #[test]
    fn a_writer_behind_a_writer_waits_in_the_inner_mutex_under_rwmutex_lock() {
        let f = wait_frames(GState::MutexLock, Some(ObjId::RwMutex(RwMutexId(0))));
        assert_eq!(f.len(), 5);
        assert_eq!(f[4], ("sync.(*RWMutex).Lock", "sync/rwmutex.go", 150));
        let plain = wait_frames(GState::MutexLock, Some(ObjId::Mutex(MutexId(0))));
        assert_eq!(
            plain.last(),
            Some(&("sync.(*Mutex).Lock", "sync/mutex.go", 46))
        );
        let once = wait_frames(GState::MutexLock, Some(ObjId::Once(OnceId(0))));
        assert_eq!(once.last(), Some(&("sync.(*Once).Do", "sync/once.go", 69)));
    }

    #[test]
    fn channel_waits_show_no_library_frames() {
        assert!(wait_frames(GState::ChanSend, None).is_empty());
        assert!(wait_frames(GState::Select, None).is_empty());
        assert_eq!(
            parked_at("net/http.(*persistConn).readLoop", GState::Select),
            Some(("net/http/transport.go", 2616))
        );
        assert_eq!(
            parked_at("net/http.(*persistConn).readLoop", GState::IoWait),
            None
        );
    }

    #[test]
    fn a_handler_is_called_from_gos_lines_in_net_http() {
        assert_eq!(
            calling("net/http.HandlerFunc.ServeHTTP", "main.main.func1", true),
            Some(("net/http/server.go", 2358))
        );
        assert_eq!(
            calling(
                "net/http.(*conn).serve",
                "net/http.serverHandler.ServeHTTP",
                false
            ),
            Some(("net/http/server.go", 2157))
        );
        // conn.serve reading the next request is elsewhere in Go's function: not this line.
        assert_eq!(calling("net/http.(*conn).serve", "main.f", true), None);
    }
}
