//! Go's `fmt` formatting: the engine, and golite values as it sees them.

pub(crate) mod duration;
pub(crate) mod format;
pub(crate) mod time_layout;
pub(crate) mod value;
