//! Go's `fmt` formatting: the engine, and golite values as it sees them.

pub mod duration;
pub mod format;
pub mod value;
