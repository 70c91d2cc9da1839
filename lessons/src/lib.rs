//! The playground's engine, free of any web dependency so it is tested natively and runs in wasm.
//!
//! Data flows one way: Go source is parsed by [`golite`], run on the deterministic [`runtime`],
//! which records a stream of events that a `Timeline` turns into snapshots for the UI.
//! [`catalog`] holds the lessons, compiled in; [`gotools`] prints a run's goroutines as Go's
//! own tools (goroutine dumps, pprof profiles, goleak) would.

pub mod catalog;
pub mod explore;
pub mod golite;
pub mod gotools;
pub mod runtime;
