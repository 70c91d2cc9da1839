//! Playback logic over the engine, in plain Rust with no Leptos and no browser: running both
//! programs a slice at a time (engine), the lockstep cursor, playback state (player), chart data
//! (series), a run's verdict in words and the event under the cursor in one sentence (narration). Imports only the `lessons` crate and its own files.

pub mod engine;
pub mod grading;
pub mod in_go;
pub mod lockstep;
pub mod narration;
pub mod player;
pub mod search;
pub mod series;
pub mod turns;
pub mod verdict;
pub mod verdict_shown;
pub mod why;
pub mod wire;
