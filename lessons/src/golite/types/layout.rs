//! A type's memory layout as Go's compiler computes it on amd64 (size, alignment, pointers and
//! how `==` compares it), for what depends on it in Go's output: the race detector names the
//! runtime function a map operation calls (`runtime.mapassign_fast32`, `…_faststr`, or the
//! generic `runtime.mapassign`), which Go's compiler picks from the key's layout and the
//! value's size (`mapfast` in `cmd/compile/internal/walk/walk.go`, `CalcStructSize` and
//! `CalcArraySize` in `cmd/compile/internal/types/size.go`). `Types::size_of` stays the heap
//! ledger's model.

use super::{Kind, TypeId, Types};
use crate::runtime::race_frames::MapKey;

/// How Go compares values of a type (`types.AlgKind`, the kinds that matter here).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Alg {
    /// Plain memory.
    Mem,
    Str,
    /// Floats, complex numbers, interfaces, padded structs: a function of their own.
    Special,
    /// Not comparable.
    NoEq,
}

/// Size, alignment, whether it holds pointers, and its comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Layout {
    size: u64,
    align: u64,
    pointers: bool,
    alg: Alg,
}

/// Go's `abi.MapMaxElemBytes`: a map whose values are larger takes the generic functions.
const MAP_MAX_ELEM_BYTES: u64 = 128;

/// Deeper types are not followed (a layout is only a name in a race report).
const MAX_DEPTH: usize = 64;

impl Types {
    fn layout(&self, t: TypeId, depth: usize) -> Layout {
        let l = |size, pointers, alg| Layout {
            size,
            align: size.clamp(1, 8),
            pointers,
            alg,
        };
        if depth > MAX_DEPTH {
            return l(8, true, Alg::Special);
        }
        match self.ukind(t) {
            Kind::Bool | Kind::UntypedBool => l(1, false, Alg::Mem),
            Kind::Int(k) => l(u64::from(k.bits() / 8), false, Alg::Mem),
            Kind::UntypedInt | Kind::UntypedRune => l(8, false, Alg::Mem),
            Kind::Float64 | Kind::UntypedFloat => l(8, false, Alg::Special),
            Kind::Float32 => l(4, false, Alg::Special),
            // Two floats: aligned as one part, compared as floats.
            Kind::Complex128 | Kind::UntypedComplex => Layout {
                align: 8,
                ..l(16, false, Alg::Special)
            },
            Kind::Complex64 => Layout {
                align: 4,
                ..l(8, false, Alg::Special)
            },
            Kind::String | Kind::UntypedString => Layout {
                align: 8,
                ..l(16, true, Alg::Str)
            },
            Kind::Pointer(_) | Kind::Chan(..) | Kind::UntypedNil => l(8, true, Alg::Mem),
            Kind::Map(..) | Kind::Func(_) => l(8, true, Alg::NoEq),
            Kind::Slice(_) => Layout {
                align: 8,
                ..l(24, true, Alg::NoEq)
            },
            Kind::Interface(_) => Layout {
                align: 8,
                ..l(16, true, Alg::Special)
            },
            Kind::Array(n, e) => {
                let e = self.layout(*e, depth + 1);
                let alg = match (e.alg, n) {
                    (Alg::Mem | Alg::NoEq, _) => e.alg,
                    (_, 0) => Alg::Mem,
                    (a, 1) => a,
                    _ => Alg::Special,
                };
                Layout {
                    size: e.size.saturating_mul(*n),
                    align: e.align,
                    pointers: e.pointers && *n > 0,
                    alg,
                }
            }
            Kind::Struct(fs) => {
                let (mut off, mut align, mut pointers) = (0u64, 1u64, false);
                let mut fields = Vec::with_capacity(fs.len());
                for f in fs {
                    let fl = self.layout(f.ty, depth + 1);
                    off = off.div_ceil(fl.align) * fl.align;
                    fields.push((off, fl, f.name == "_"));
                    off = off.saturating_add(fl.size);
                    align = align.max(fl.align);
                    pointers |= fl.pointers;
                }
                // A final zero-size field gets a byte, so its address is not past the struct.
                if fields.last().is_some_and(|f| f.1.size == 0) && off > 0 {
                    off += 1;
                }
                let size = off.div_ceil(align) * align;
                let alg = if let [(_, only, false)] = fields.as_slice() {
                    only.alg
                } else {
                    let mut alg = Alg::Mem;
                    for (i, (off, fl, blank)) in fields.iter().enumerate() {
                        let end = fields.get(i + 1).map_or(size, |n| n.0);
                        let a = match fl.alg {
                            Alg::NoEq => Alg::NoEq,
                            Alg::Mem if *blank || off + fl.size != end => Alg::Special,
                            Alg::Mem => Alg::Mem,
                            _ => Alg::Special,
                        };
                        // Go's setAlg: the kind of higher priority wins, NoEq over Special over Mem.
                        alg = match (alg, a) {
                            (Alg::NoEq, _) | (_, Alg::NoEq) => Alg::NoEq,
                            (Alg::Special, _) | (_, Alg::Special) => Alg::Special,
                            _ => Alg::Mem,
                        };
                    }
                    alg
                };
                Layout {
                    size,
                    align,
                    pointers,
                    alg,
                }
            }
            Kind::Named(_) | Kind::Tuple(_) => l(8, true, Alg::Special),
        }
    }

    /// The runtime functions Go's compiler calls for a map of type `t` (`mapfast`): by the
    /// key's layout, unless the values take more than 128 bytes.
    pub(crate) fn map_fast(&self, t: TypeId) -> MapKey {
        let Kind::Map(k, v) = self.ukind(t) else {
            return MapKey::Generic;
        };
        let (k, v) = (*k, *v);
        if self.layout(v, 0).size > MAP_MAX_ELEM_BYTES {
            return MapKey::Generic;
        }
        let key = self.layout(k, 0);
        match (key.alg, key.size, key.pointers) {
            (Alg::Mem, 4, false) => MapKey::Fast32,
            (Alg::Mem, 8, false) => MapKey::Fast64,
            (Alg::Mem, 8, true) => MapKey::Fast64Ptr,
            (Alg::Str, _, _) => MapKey::FastStr,
            _ => MapKey::Generic,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::golite::types::{Field, ids};

    #[test]
    fn maps_take_the_runtime_functions_go_1_27_picks() {
        let mut t = Types::new();
        let map = |t: &mut Types, k, v| t.intern(Kind::Map(k, v));
        let field = |name: &str, ty| Field {
            name: name.into(),
            ty,
            embedded: false,
        };
        // `map_keys_fast32.go`, `map_keys_generic.go`, `map_big_values.go`.
        let rows = [
            (ids::INT32, ids::INT, MapKey::Fast32),
            (ids::UINT32, ids::STRING, MapKey::Fast32),
            (ids::INT, ids::INT, MapKey::Fast64),
            (ids::STRING, ids::INT, MapKey::FastStr),
            (ids::INT8, ids::INT, MapKey::Generic),
            (ids::UINT16, ids::INT, MapKey::Generic),
            (ids::BOOL, ids::INT, MapKey::Generic),
            (ids::FLOAT64, ids::INT, MapKey::Generic),
        ];
        for (k, v, want) in rows {
            let m = map(&mut t, k, v);
            assert_eq!(t.map_fast(m), want, "{} {}", t.name(k), t.name(v));
        }
        let a16 = t.intern(Kind::Array(16, ids::INT));
        let a17 = t.intern(Kind::Array(17, ids::INT));
        let m16 = map(&mut t, ids::STRING, a16);
        let m17 = map(&mut t, ids::STRING, a17);
        assert_eq!(t.map_fast(m16), MapKey::FastStr);
        assert_eq!(t.map_fast(m17), MapKey::Generic);
        // struct{id int32; data [30]int32} is 124 bytes: still the fast functions.
        let a30 = t.intern(Kind::Array(30, ids::INT32));
        let big = t.intern(Kind::Struct(vec![
            field("id", ids::INT32),
            field("data", a30),
        ]));
        let mb = map(&mut t, ids::INT32, big);
        assert_eq!(t.map_fast(mb), MapKey::Fast32);
        // Pointers and channels: fast64ptr; [2]int32 is 8 bytes of memory: fast64.
        let p = t.intern(Kind::Pointer(ids::INT));
        let mp = map(&mut t, p, ids::INT);
        assert_eq!(t.map_fast(mp), MapKey::Fast64Ptr);
        let a2 = t.intern(Kind::Array(2, ids::INT32));
        let ma = map(&mut t, a2, ids::INT);
        assert_eq!(t.map_fast(ma), MapKey::Fast64);
        // A one-field struct is its field; a padded one compares specially.
        let s1 = t.intern(Kind::Struct(vec![field("s", ids::STRING)]));
        let ms = map(&mut t, s1, ids::INT);
        assert_eq!(t.map_fast(ms), MapKey::FastStr);
        let padded = t.intern(Kind::Struct(vec![
            field("a", ids::INT8),
            field("b", ids::INT32),
        ]));
        let mpad = map(&mut t, padded, ids::INT);
        assert_eq!(t.map_fast(mpad), MapKey::Generic);
        let packed = t.intern(Kind::Struct(vec![
            field("a", ids::INT16),
            field("b", ids::INT16),
        ]));
        let mpk = map(&mut t, packed, ids::INT);
        assert_eq!(t.map_fast(mpk), MapKey::Fast32);
    }
}
