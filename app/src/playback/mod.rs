//! Playback logic over the engine, in plain Rust with no Leptos and no browser: running both
//! programs a slice at a time (engine), the lockstep cursor, playback state (player), chart data
//! (series) and a run's verdict in words. Imports only the `lessons` crate and its own files.

pub mod engine;
pub mod lockstep;
pub mod player;
pub mod series;
pub mod verdict;
