//! Go's `hash/fnv`: the 32-, 64- and 128-bit FNV-1 and FNV-1a hashes (New32, New32a, New64,
//! New64a, New128, New128a). Written in Go (std/mod.rs's `go_source`) after Go's hash/fnv
//! (Copyright 2011 The Go Authors, BSD licence): each hash is a named integer (an array of two
//! for 128 bits) that Sum appends big-endian. Write folds in the bytes through a native, as
//! Go's loop does: in golite's Go the loop took 24 steps a byte (a MiB: 25 M of the 48 M steps
//! a run may take); natively it costs what a library call costs for the bytes it reads (a step
//! per 4 bytes), more than it takes beside a step of golite.

use super::support::*;

natives! {
    Pkg::Fnv;
    FnvWrite,
    FnvWrite128,
}

const PATH: &str = "hash/fnv";

/// The package.
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Fnv,
    path: PATH,
    go: GO,
    needs: &["hash"],
    ..Package::NONE
};

/// The member `name` of the package: only the hidden natives; the rest is Go (`GO`).
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    match name.strip_prefix('\u{a78f}')? {
        "write" => f(c, "func(int, uint64, []byte) uint64", N::FnvWrite),
        "write128" => f(
            c,
            "func(bool, uint64, uint64, []byte) (uint64, uint64)",
            N::FnvWrite128,
        ),
        _ => None,
    }
}

const PRIME32: u32 = 16_777_619;
const PRIME64: u64 = 1_099_511_628_211;
/// The 128-bit prime, 2^88 + 0x13b.
const PRIME128: u128 = (1 << 88) + 0x13b;

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, _cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let int = |i: usize| a.get(i).map_or(0, Value::as_int);
    match n {
        // (kind: 0 FNV-1 32, 1 FNV-1a 32, 2 FNV-1 64, 3 FNV-1a 64; hash; data): the new hash.
        N::FnvWrite => {
            let h = int(1) as u64;
            let kind = int(0);
            let r = with_bytes(a.get(2).unwrap_or(&Value::Nil), |data| match kind {
                0 => u64::from(
                    data.iter()
                        .fold(h as u32, |h, &c| h.wrapping_mul(PRIME32) ^ u32::from(c)),
                ),
                1 => u64::from(
                    data.iter()
                        .fold(h as u32, |h, &c| (h ^ u32::from(c)).wrapping_mul(PRIME32)),
                ),
                2 => data
                    .iter()
                    .fold(h, |h, &c| h.wrapping_mul(PRIME64) ^ u64::from(c)),
                _ => data
                    .iter()
                    .fold(h, |h, &c| (h ^ u64::from(c)).wrapping_mul(PRIME64)),
            });
            push!(t, Value::Int(r as i64));
        }
        // (FNV-1a; high and low halves; data): the new halves.
        N::FnvWrite128 => {
            let h = (u128::from(int(1) as u64) << 64) | u128::from(int(2) as u64);
            let fnv1a = a.first().is_some_and(Value::as_bool);
            let r = with_bytes(a.get(3).unwrap_or(&Value::Nil), |data| {
                if fnv1a {
                    data.iter()
                        .fold(h, |h, &c| (h ^ u128::from(c)).wrapping_mul(PRIME128))
                } else {
                    data.iter()
                        .fold(h, |h, &c| h.wrapping_mul(PRIME128) ^ u128::from(c))
                }
            });
            push!(t, Value::Int((r >> 64) as u64 as i64));
            push!(t, Value::Int(r as u64 as i64));
        }
        _ => {}
    }
    NRes::Ok
}

const GO: &str = r#"
type fnvꞏsum32 uint32
type fnvꞏsum32a uint32
type fnvꞏsum64 uint64
type fnvꞏsum64a uint64
type fnvꞏsum128 [2]uint64
type fnvꞏsum128a [2]uint64

const (
	fnvꞏoffset32 = 2166136261
	fnvꞏoffset64 = 14695981039346656037

	fnvꞏoffset128Lower  = 0x62b821756295c58d
	fnvꞏoffset128Higher = 0x6c62272e07bb0142
)

func fnvꞏNew32() hashꞏHash32 {
	var s fnvꞏsum32 = fnvꞏoffset32
	return &s
}

func fnvꞏNew32a() hashꞏHash32 {
	var s fnvꞏsum32a = fnvꞏoffset32
	return &s
}

func fnvꞏNew64() hashꞏHash64 {
	var s fnvꞏsum64 = fnvꞏoffset64
	return &s
}

func fnvꞏNew64a() hashꞏHash64 {
	var s fnvꞏsum64a = fnvꞏoffset64
	return &s
}

func fnvꞏNew128() hashꞏHash {
	var s fnvꞏsum128
	s[0] = fnvꞏoffset128Higher
	s[1] = fnvꞏoffset128Lower
	return &s
}

func fnvꞏNew128a() hashꞏHash {
	var s fnvꞏsum128a
	s[0] = fnvꞏoffset128Higher
	s[1] = fnvꞏoffset128Lower
	return &s
}

func (s *fnvꞏsum32) Reset()  { *s = fnvꞏoffset32 }
func (s *fnvꞏsum32a) Reset() { *s = fnvꞏoffset32 }
func (s *fnvꞏsum64) Reset()  { *s = fnvꞏoffset64 }
func (s *fnvꞏsum64a) Reset() { *s = fnvꞏoffset64 }
func (s *fnvꞏsum128) Reset()  { s[0] = fnvꞏoffset128Higher; s[1] = fnvꞏoffset128Lower }
func (s *fnvꞏsum128a) Reset() { s[0] = fnvꞏoffset128Higher; s[1] = fnvꞏoffset128Lower }

func (s *fnvꞏsum32) Sum32() uint32  { return uint32(*s) }
func (s *fnvꞏsum32a) Sum32() uint32 { return uint32(*s) }
func (s *fnvꞏsum64) Sum64() uint64  { return uint64(*s) }
func (s *fnvꞏsum64a) Sum64() uint64 { return uint64(*s) }

func (s *fnvꞏsum32) Write(data []byte) (int, error) {
	*s = fnvꞏsum32(fnvꞏ.ꞏwrite(0, uint64(*s), data))
	return len(data), nil
}

func (s *fnvꞏsum32a) Write(data []byte) (int, error) {
	*s = fnvꞏsum32a(fnvꞏ.ꞏwrite(1, uint64(*s), data))
	return len(data), nil
}

func (s *fnvꞏsum64) Write(data []byte) (int, error) {
	*s = fnvꞏsum64(fnvꞏ.ꞏwrite(2, uint64(*s), data))
	return len(data), nil
}

func (s *fnvꞏsum64a) Write(data []byte) (int, error) {
	*s = fnvꞏsum64a(fnvꞏ.ꞏwrite(3, uint64(*s), data))
	return len(data), nil
}

func (s *fnvꞏsum128) Write(data []byte) (int, error) {
	s[0], s[1] = fnvꞏ.ꞏwrite128(false, s[0], s[1], data)
	return len(data), nil
}

func (s *fnvꞏsum128a) Write(data []byte) (int, error) {
	s[0], s[1] = fnvꞏ.ꞏwrite128(true, s[0], s[1], data)
	return len(data), nil
}

func (s *fnvꞏsum32) Size() int  { return 4 }
func (s *fnvꞏsum32a) Size() int { return 4 }
func (s *fnvꞏsum64) Size() int  { return 8 }
func (s *fnvꞏsum64a) Size() int { return 8 }
func (s *fnvꞏsum128) Size() int  { return 16 }
func (s *fnvꞏsum128a) Size() int { return 16 }

func (s *fnvꞏsum32) BlockSize() int  { return 1 }
func (s *fnvꞏsum32a) BlockSize() int { return 1 }
func (s *fnvꞏsum64) BlockSize() int  { return 1 }
func (s *fnvꞏsum64a) BlockSize() int { return 1 }
func (s *fnvꞏsum128) BlockSize() int  { return 1 }
func (s *fnvꞏsum128a) BlockSize() int { return 1 }

func fnvꞏappend32(in []byte, v uint32) []byte {
	return append(in, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

func fnvꞏappend64(in []byte, v uint64) []byte {
	return append(in, byte(v>>56), byte(v>>48), byte(v>>40), byte(v>>32),
		byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

func (s *fnvꞏsum32) Sum(in []byte) []byte  { return fnvꞏappend32(in, uint32(*s)) }
func (s *fnvꞏsum32a) Sum(in []byte) []byte { return fnvꞏappend32(in, uint32(*s)) }
func (s *fnvꞏsum64) Sum(in []byte) []byte  { return fnvꞏappend64(in, uint64(*s)) }
func (s *fnvꞏsum64a) Sum(in []byte) []byte { return fnvꞏappend64(in, uint64(*s)) }
func (s *fnvꞏsum128) Sum(in []byte) []byte  { return fnvꞏappend64(fnvꞏappend64(in, s[0]), s[1]) }
func (s *fnvꞏsum128a) Sum(in []byte) []byte { return fnvꞏappend64(fnvꞏappend64(in, s[0]), s[1]) }

func (s *fnvꞏsum32) Clone() (hashꞏCloner, error)   { r := *s; return &r, nil }
func (s *fnvꞏsum32a) Clone() (hashꞏCloner, error)  { r := *s; return &r, nil }
func (s *fnvꞏsum64) Clone() (hashꞏCloner, error)   { r := *s; return &r, nil }
func (s *fnvꞏsum64a) Clone() (hashꞏCloner, error)  { r := *s; return &r, nil }
func (s *fnvꞏsum128) Clone() (hashꞏCloner, error)  { r := *s; return &r, nil }
func (s *fnvꞏsum128a) Clone() (hashꞏCloner, error) { r := *s; return &r, nil }
"#;
