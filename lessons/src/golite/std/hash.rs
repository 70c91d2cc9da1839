//! Go's `hash`: the Hash, Hash32 and Hash64 interfaces every hash function implements (crc32,
//! fnv, sha256), Cloner (which they all implement too) and XOF. Written in Go (std/mod.rs's `go_source`), as Go declares them.

use super::support::*;

/// The package.
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Hash,
    path: "hash",
    go: GO,
    needs: &["io"],
    ..Package::NONE
};

const GO: &str = r#"
type hashꞏHash interface {
	ioꞏWriter
	Sum(b []byte) []byte
	Reset()
	Size() int
	BlockSize() int
}

type hashꞏHash32 interface {
	hashꞏHash
	Sum32() uint32
}

type hashꞏHash64 interface {
	hashꞏHash
	Sum64() uint64
}

type hashꞏCloner interface {
	hashꞏHash
	Clone() (hashꞏCloner, error)
}

type hashꞏXOF interface {
	ioꞏWriter
	ioꞏReader
	Reset()
	BlockSize() int
}
"#;
