//! The modeled heap ledger: Go's sizes for what the program holds, not the wasm heap.

use super::ids::AllocId;

/// What an allocation is, so interpreters can say what they report (the ledger only sums bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AllocKind {
    Stack,
    Channel,
    Timer,
    Slice,
    Map,
    String,
    Struct,
    Closure,
    Pointer,
    Other,
}

/// A goroutine's stack while alive: Go's minimum stack.
pub(crate) const STACK_BYTES: u64 = 2048;
/// A channel's header (`runtime.hchan`).
pub(crate) const CHAN_HEADER_BYTES: u64 = 96;
/// A pending timer (`time.Timer` plus the runtime's timer record).
pub(crate) const TIMER_BYTES: u64 = 64;
/// `time.Time`, the element of timer channels.
pub(crate) const TIME_BYTES: u64 = 24;

/// Live allocations by id, with current and peak totals. Freed ids are reused.
#[derive(Default)]
pub(crate) struct HeapLedger {
    sizes: Vec<u64>,
    free_ids: Vec<u32>,
    pub current: u64,
    pub peak: u64,
}

impl HeapLedger {
    /// Records `bytes` and returns the allocation's id.
    pub fn alloc(&mut self, bytes: u64) -> AllocId {
        self.current += bytes;
        self.peak = self.peak.max(self.current);
        if let Some(id) = self.free_ids.pop() {
            self.sizes[id as usize] = bytes;
            AllocId(id)
        } else {
            self.sizes.push(bytes);
            AllocId(self.sizes.len() as u32 - 1)
        }
    }

    /// Releases `id`; returns the bytes freed (0 if it was already free or unknown).
    pub fn free(&mut self, id: AllocId) -> u64 {
        let Some(slot) = self.sizes.get_mut(id.index()) else {
            return 0;
        };
        let bytes = std::mem::replace(slot, u64::MAX);
        if bytes == u64::MAX {
            return 0;
        }
        self.current -= bytes;
        self.free_ids.push(id.0);
        bytes
    }
}
