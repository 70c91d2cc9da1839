//! What work costs in steps beyond the one step of its instruction (issue 23's cost-based
//! metering): the step limit bounds time only if an instruction that does a hundred times the
//! work of `x += 1` counts a hundred steps. Each figure was measured natively (release build,
//! CPU time per operation over CPU time per step of a plain arithmetic loop, about 12 ns); the
//! charges change the step counts a run reports, never where goroutines switch (a charge counts
//! against the step limit, not the goroutine's slice; see `runtime::Cx::charge`).

use super::value_slots;
use crate::golite::types::{Kind, TypeId, Types};

/// A `go` statement (a task, its stack and the runtime's records): a spawn-and-receive loop
/// measured 46 ns a step without it.
pub(crate) const SPAWN_STEPS: u64 = 50;

/// A `defer` (its record and, at return, its call): a defer-in-a-closure loop measured 25 ns a
/// step without it.
pub(crate) const DEFER_STEPS: u64 = 20;

/// A call deeper than its goroutine has been before, past [`SHALLOW_FRAMES`]: its frame and
/// locals are fresh memory (100 goroutines recursing 10,000 deep measured 1.8 us a call).
pub(crate) const DEEP_CALL_STEPS: u64 = 200;
pub(crate) const SHALLOW_FRAMES: usize = 64;

/// A map lookup or assignment (a B-tree search; the key's bytes are charged apart): `m[k]++` on
/// a small map measured 19 ns a step without it.
pub(crate) const MAP_OP_STEPS: u64 = 3;

/// A channel operation or a select's case (the runtime's queues, waiters and events).
pub(crate) const CHAN_STEPS: u64 = 5;

/// A call of a library function (arguments moved off the stack, the runtime synchronised).
pub(crate) const NATIVE_STEPS: u64 = 4;

/// A heap object (a struct, array, slice or map the program allocates): golite's allocation,
/// its ledger entry and, as the heap grows, fresh pages: a linked list built in a loop measured
/// 71 ns a step without it. More would stop `tests/hostile`'s legitimate 900,000-node list
/// (`linked_list_by_value_struct`: 44 M of the 48 M steps); a list built without end stops at
/// golite's memory cap first.
pub(crate) const ALLOC_STEPS: u64 = 20;

/// Every golite value in a struct or array copied by assignment: a leaf costs [`COPY_SLOT_STEPS`],
/// each nested array or struct (a new object) [`COPY_NODE_STEPS`]: a `[4][4]...[4]int` copy
/// measured 170 ns per value.
pub(crate) const COPY_SLOT_STEPS: u64 = 8;
pub(crate) const COPY_NODE_STEPS: u64 = 50;

/// Inserting a new key into a map of `len` entries: B-tree nodes split and, in a big map, cache
/// misses at every level (a map of 1.4 M ints measured 53 ns a step without it).
pub(crate) fn map_insert_steps(len: usize) -> u64 {
    8 + 4 * u64::from(usize::BITS - len.leading_zeros())
}

/// Steps to copy a value of type `t` by assignment.
pub(crate) fn copy_steps(types: &Types, t: TypeId) -> u64 {
    let slots = value_slots(types, t);
    let nodes = agg_nodes(types, t);
    COPY_SLOT_STEPS
        .saturating_mul(slots)
        .saturating_add(COPY_NODE_STEPS.saturating_mul(nodes))
}

/// Arrays and structs nested in a value of type `t`, itself included: each is an object golite
/// allocates when it copies the value.
fn agg_nodes(types: &Types, t: TypeId) -> u64 {
    match types.ukind(t) {
        Kind::Array(n, e) => n.saturating_mul(agg_nodes(types, *e)).saturating_add(1),
        Kind::Struct(fs) => fs
            .iter()
            .fold(1u64, |a, f| a.saturating_add(agg_nodes(types, f.ty))),
        _ => 0,
    }
}
