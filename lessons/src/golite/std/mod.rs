//! The Go standard library as golite offers it.

pub mod natives;
pub mod packages;
