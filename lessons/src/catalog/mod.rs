//! The lesson catalog, compiled in.
