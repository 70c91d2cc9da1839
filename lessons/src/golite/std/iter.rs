//! Go's `iter`: the iterator types `Seq` and `Seq2`, written in Go (std/mod.rs's `go_source`)
//! as the generic function types Go declares. A loop over them is compile/range_func.rs's.
//! `iter.Pull` and `Pull2` (coroutines) are not in golite.

use super::support::*;

/// The package.
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Iter,
    path: "iter",
    go: GO,
    ..Package::NONE
};

const GO: &str = r#"
type iterꞏSeq[V any] func(yield func(V) bool)

type iterꞏSeq2[K, V any] func(yield func(K, V) bool)
"#;
