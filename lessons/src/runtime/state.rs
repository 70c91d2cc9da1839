//! Goroutine states, named exactly as Go's goroutine dumps name them.

use serde::{Serialize, Serializer};

/// What a goroutine is doing. Blocked states use Go's wait reasons verbatim.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GState {
    Running,
    Runnable,
    ChanSend,
    ChanRecv,
    Select,
    SelectNoCases,
    Sleep,
    WaitGroupWait,
    MutexLock,
    RwMutexLock,
    RwMutexRLock,
    CondWait,
    ChanSendNil,
    ChanRecvNil,
    /// Blocked on the (virtual) network: a read, or an Accept.
    IoWait,
    /// Waiting for its turn in a coroutine switch (Go's `iter.Pull`: the coroutine between two
    /// calls of next, or next's caller while the coroutine runs): a receive on a channel marked
    /// with [`crate::runtime::Cx::mark_coroutine`].
    Coroutine,
}

impl GState {
    /// Every state, in declaration order (so `state as usize` indexes it): snapshots count by it,
    /// and the page's wire numbers states by their place in it.
    pub const ALL: [GState; 16] = [
        GState::Running,
        GState::Runnable,
        GState::ChanSend,
        GState::ChanRecv,
        GState::Select,
        GState::SelectNoCases,
        GState::Sleep,
        GState::WaitGroupWait,
        GState::MutexLock,
        GState::RwMutexLock,
        GState::RwMutexRLock,
        GState::CondWait,
        GState::ChanSendNil,
        GState::ChanRecvNil,
        GState::IoWait,
        GState::Coroutine,
    ];

    /// Go's words for the state, as in `goroutine 7 [chan send]:`.
    pub fn as_str(self) -> &'static str {
        match self {
            GState::Running => "running",
            GState::Runnable => "runnable",
            GState::ChanSend => "chan send",
            GState::ChanRecv => "chan receive",
            GState::Select => "select",
            GState::SelectNoCases => "select (no cases)",
            GState::Sleep => "sleep",
            GState::WaitGroupWait => "sync.WaitGroup.Wait",
            GState::MutexLock => "sync.Mutex.Lock",
            GState::RwMutexLock => "sync.RWMutex.Lock",
            GState::RwMutexRLock => "sync.RWMutex.RLock",
            GState::CondWait => "sync.Cond.Wait",
            GState::ChanSendNil => "chan send (nil chan)",
            GState::ChanRecvNil => "chan receive (nil chan)",
            GState::IoWait => "IO wait",
            GState::Coroutine => "coroutine",
        }
    }

    /// True for every parked state (neither running nor runnable).
    pub fn is_blocked(self) -> bool {
        !matches!(self, GState::Running | GState::Runnable)
    }
}

impl Serialize for GState {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
