//! The deterministic cooperative executor with Go's concurrency semantics.
