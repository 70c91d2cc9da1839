//! Go's `maps`: its generic functions, written in Go and compiled at each use for the map's type.

use super::support::*;

const PATH: &str = "maps";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Maps,
    path: PATH,
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
