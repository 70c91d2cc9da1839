//! The golite command-line runner (DESIGN §2.4).
fn main() {}
