//! Go's `maps`: its generic functions, written in Go and compiled at each use for the map's type.

use super::support::*;

const PATH: &str = "maps";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Maps,
    path: PATH,
    go: GO,
    needs: &["iter"],
    ..Package::NONE
};

/// The member `name` of the package.
pub(super) fn member(_c: &mut Compiler, name: &str) -> Option<Member> {
    let typed = |src: &'static str| Some(Member::Generic(Generic::TypedSource(src)));
    match name {
        "Clone" => typed(
            "func(m $M) $M { if m == nil { return nil }; r := make($M, len(m)); \
             for k, v := range m { r[k] = v }; return r }",
        ),
        "Copy" => typed("func(dst $M, src $M) { for k, v := range src { dst[k] = v } }"),
        "Equal" => typed(
            "func(m1, m2 $M) bool { if len(m1) != len(m2) { return false }; \
             for k, v1 := range m1 { if v2, ok := m2[k]; !ok || v1 != v2 { return false } }; return true }",
        ),
        "DeleteFunc" => typed(
            "func(m $M, del func($K, $V) bool) { for k, v := range m { if del(k, v) { delete(m, k) } } }",
        ),
        "EqualFunc" => typed(
            "func(m1 $M, m2 $2M, eq func($V, $2V) bool) bool { if len(m1) != len(m2) { return false }; \
             for k, v1 := range m1 { if v2, ok := m2[k]; !ok || !eq(v1, v2) { return false } }; return true }",
        ),
        _ => None,
    }
}

/// The iterator functions, as Go's package writes them.
const GO: &str = r#"
func mapsꞏAll[Map ~map[K]V, K comparable, V any](m Map) iterꞏSeq2[K, V] {
	return func(yield func(K, V) bool) {
		for k, v := range m {
			if !yield(k, v) {
				return
			}
		}
	}
}

func mapsꞏKeys[Map ~map[K]V, K comparable, V any](m Map) iterꞏSeq[K] {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func mapsꞏValues[Map ~map[K]V, K comparable, V any](m Map) iterꞏSeq[V] {
	return func(yield func(V) bool) {
		for _, v := range m {
			if !yield(v) {
				return
			}
		}
	}
}

func mapsꞏInsert[Map ~map[K]V, K comparable, V any](m Map, seq iterꞏSeq2[K, V]) {
	for k, v := range seq {
		m[k] = v
	}
}

func mapsꞏCollect[K comparable, V any](seq iterꞏSeq2[K, V]) map[K]V {
	m := make(map[K]V)
	for k, v := range seq {
		m[k] = v
	}
	return m
}
"#;
