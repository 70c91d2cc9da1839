//! The playground's engine, free of any web dependency so it is tested natively and runs in wasm.
//!
//! Data flows one way: Go source is parsed by [`golite`], run on the deterministic [`runtime`],
//! which records a stream of events that a `Timeline` turns into snapshots for the UI.
//! [`catalog`] holds the lessons, compiled in.

pub mod catalog;
pub mod golite;
pub mod runtime;
