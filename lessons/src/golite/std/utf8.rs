//! Go's `unicode/utf8`: counting, decoding and encoding runes.

use super::support::*;

natives! {
    Pkg::Utf8;
    Utf8RuneCountInString,
    Utf8RuneCount,
    Utf8RuneLen,
    Utf8ValidString,
    Utf8ValidRune,
    Utf8DecodeRuneInString,
    Utf8DecodeLastRuneInString,
    Utf8DecodeRune,
    Utf8EncodeRune,
    Utf8AppendRune,
}

const PATH: &str = "unicode/utf8";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Utf8,
    path: PATH,
    ..Package::NONE
};

/// The member `name` of the package.
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    let int = |v: i128| Some(Member::Const(ConstVal::Int(v), ids::UNTYPED_INT));
    match name {
        "RuneCountInString" => f(c, "func(string) int", N::Utf8RuneCountInString),
        "RuneCount" => f(c, "func([]byte) int", N::Utf8RuneCount),
        "RuneLen" => f(c, "func(rune) int", N::Utf8RuneLen),
        "ValidString" => f(c, "func(string) bool", N::Utf8ValidString),
        "ValidRune" => f(c, "func(rune) bool", N::Utf8ValidRune),
        "DecodeRuneInString" => f(c, "func(string) (rune, int)", N::Utf8DecodeRuneInString),
        "DecodeLastRuneInString" => f(c, "func(string) (rune, int)", N::Utf8DecodeLastRuneInString),
        "DecodeRune" => f(c, "func([]byte) (rune, int)", N::Utf8DecodeRune),
        "EncodeRune" => f(c, "func([]byte, rune) int", N::Utf8EncodeRune),
        "AppendRune" => f(c, "func([]byte, rune) []byte", N::Utf8AppendRune),
        "RuneError" => Some(Member::Const(ConstVal::Int(0xFFFD), ids::UNTYPED_RUNE)),
        "MaxRune" => Some(Member::Const(ConstVal::Int(0x10FFFF), ids::UNTYPED_RUNE)),
        "UTFMax" => int(4),
        "RuneSelf" => int(0x80),
        _ => None,
    }
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, _cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    match n {
        N::Utf8RuneCountInString => push!(t, Value::Int(s(&arg(0)).chars().count() as i64)),
        N::Utf8RuneCount => push!(
            t,
            Value::Int(String::from_utf8_lossy(&bytes_of(&arg(0))).chars().count() as i64)
        ),
        N::Utf8RuneLen => push!(
            t,
            Value::Int(match rune(&arg(0)) {
                Some(c) => c.len_utf8() as i64,
                None => -1,
            })
        ),
        N::Utf8ValidString => push!(t, Value::Bool(true)),
        N::Utf8ValidRune => push!(t, Value::Bool(rune(&arg(0)).is_some())),
        N::Utf8DecodeRuneInString | N::Utf8DecodeRune => {
            let (r, size) = decode(if n == N::Utf8DecodeRune {
                bytes_of(&arg(0))
            } else {
                s(&arg(0)).as_bytes().to_vec()
            });
            push!(t, Value::Int(r));
            push!(t, Value::Int(size));
        }
        N::Utf8DecodeLastRuneInString => {
            let x = arg(0);
            match s(&x).chars().next_back() {
                Some(c) => {
                    push!(t, Value::Int(i64::from(c as u32)));
                    push!(t, Value::Int(c.len_utf8() as i64));
                }
                None => {
                    push!(t, Value::Int(0xFFFD));
                    push!(t, Value::Int(0));
                }
            }
        }
        N::Utf8EncodeRune => {
            let c = rune(&arg(1)).unwrap_or('\u{FFFD}');
            let mut buf = [0u8; 4];
            let enc = c.encode_utf8(&mut buf).as_bytes();
            if let Value::Slice(o, off, len, _) = arg(0) {
                o.write_bytes(off as usize, &enc[..enc.len().min(len as usize)]);
            }
            push!(t, Value::Int(enc.len() as i64))
        }
        N::Utf8AppendRune => {
            let mut b = bytes_of(&arg(0));
            let c = rune(&arg(1)).unwrap_or('\u{FFFD}');
            let mut buf = [0u8; 4];
            b.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            push!(t, byte_slice(t, &b))
        }
        _ => {}
    }
    NRes::Ok
}

/// The first rune of `b` and its length; `(RuneError, 1)` for an invalid byte, `(RuneError, 0)`
/// when empty, as utf8.DecodeRune.
fn decode(b: Vec<u8>) -> (i64, i64) {
    if b.is_empty() {
        return (0xFFFD, 0);
    }
    let end = b.len().min(4);
    for len in 1..=end {
        if let Ok(st) = std::str::from_utf8(&b[..len])
            && let Some(c) = st.chars().next()
        {
            return (i64::from(c as u32), len as i64);
        }
    }
    (0xFFFD, 1)
}
