//! Small copyable handles for every runtime object, so the interpreter holds ids, not borrows.

use serde::Serialize;

macro_rules! id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl $name {
            /// The id as a slab index.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

id!(
    /// A goroutine. `Gid(1)` is main; `Gid(0)` stands for the runtime itself (timers firing).
    Gid
);
id!(
    /// A channel.
    ChanId
);
id!(
    /// A timer, ticker or AfterFunc timer.
    TimerId
);
id!(
    /// A context node.
    CtxId
);
id!(
    /// A sync.Mutex.
    MutexId
);
id!(
    /// A sync.RWMutex.
    RwMutexId
);
id!(
    /// A sync.WaitGroup.
    WgId
);
id!(
    /// A sync.Cond.
    CondId
);
id!(
    /// A sync.Once.
    OnceId
);
id!(
    /// A context.AfterFunc registration.
    AfterFuncId
);
id!(
    /// One allocation in the modeled heap.
    AllocId
);
id!(
    /// One end of a virtual network connection (`network.rs`).
    ConnId
);
id!(
    /// A virtual network listener (`network.rs`).
    ListenerId
);

/// The object a goroutine is blocked on, for events and snapshots.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ObjId {
    Chan(ChanId),
    Timer(TimerId),
    Mutex(MutexId),
    RwMutex(RwMutexId),
    WaitGroup(WgId),
    Cond(CondId),
    Once(OnceId),
    /// A connection end (a read in `IO wait`).
    Conn(ConnId),
    /// A listener (an `Accept` in `IO wait`).
    Listener(ListenerId),
}
