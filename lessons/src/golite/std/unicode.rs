//! Go's `unicode`: the classes and case mappings learners' programs use.

use super::support::*;

natives! {
    Pkg::Unicode;
    UnicodeIsLetter,
    UnicodeIsSpace,
    UnicodeIsLower,
    UnicodeIsPunct,
    UnicodeIsNumber,
    UnicodeIsControl,
    UnicodeIsPrint,
    UnicodeToLower,
    UnicodeIsUpper,
    UnicodeIsDigit,
    UnicodeToUpper,
}

const PATH: &str = "unicode";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Unicode,
    path: PATH,
    ..Package::NONE
};

/// The member `name` of the package.
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    match name {
        "IsUpper" => f(c, "func(rune) bool", N::UnicodeIsUpper),
        "IsDigit" => f(c, "func(rune) bool", N::UnicodeIsDigit),
        "ToUpper" => f(c, "func(rune) rune", N::UnicodeToUpper),
        "IsLetter" => f(c, "func(rune) bool", N::UnicodeIsLetter),
        "IsSpace" => f(c, "func(rune) bool", N::UnicodeIsSpace),
        "IsLower" => f(c, "func(rune) bool", N::UnicodeIsLower),
        "IsPunct" => f(c, "func(rune) bool", N::UnicodeIsPunct),
        "IsNumber" => f(c, "func(rune) bool", N::UnicodeIsNumber),
        "IsControl" => f(c, "func(rune) bool", N::UnicodeIsControl),
        "IsPrint" => f(c, "func(rune) bool", N::UnicodeIsPrint),
        "ToLower" => f(c, "func(rune) rune", N::UnicodeToLower),
        "MaxRune" => Some(Member::Const(ConstVal::Int(0x10FFFF), ids::UNTYPED_RUNE)),
        "ReplacementChar" => Some(Member::Const(ConstVal::Int(0xFFFD), ids::UNTYPED_RUNE)),
        _ => None,
    }
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, _cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    match n {
        N::UnicodeIsUpper => push!(
            t,
            Value::Bool(char::from_u32(arg(0).as_int() as u32).is_some_and(char::is_uppercase))
        ),
        N::UnicodeIsDigit => push!(
            t,
            Value::Bool(char::from_u32(arg(0).as_int() as u32).is_some_and(|c| c.is_ascii_digit()))
        ),
        N::UnicodeToUpper => push!(
            t,
            Value::Int(
                char::from_u32(arg(0).as_int() as u32)
                    .and_then(|c| c.to_uppercase().next())
                    .map_or(0, |c| i64::from(c as u32))
            )
        ),
        N::UnicodeIsLetter => push!(
            t,
            Value::Bool(rune(&arg(0)).is_some_and(char::is_alphabetic))
        ),
        N::UnicodeIsSpace => push!(
            t,
            Value::Bool(rune(&arg(0)).is_some_and(char::is_whitespace))
        ),
        N::UnicodeIsLower => push!(
            t,
            Value::Bool(rune(&arg(0)).is_some_and(char::is_lowercase))
        ),
        N::UnicodeIsPunct => push!(t, Value::Bool(rune(&arg(0)).is_some_and(is_punct))),
        N::UnicodeIsNumber => push!(t, Value::Bool(rune(&arg(0)).is_some_and(char::is_numeric))),
        N::UnicodeIsControl => push!(t, Value::Bool(rune(&arg(0)).is_some_and(char::is_control))),
        N::UnicodeIsPrint => push!(
            t,
            Value::Bool(
                rune(&arg(0)).is_some_and(|c| c == ' ' || !(c.is_control() || c.is_whitespace()))
            )
        ),
        N::UnicodeToLower => push!(
            t,
            Value::Int(
                rune(&arg(0))
                    .and_then(|c| c.to_lowercase().next())
                    .map_or(arg(0).as_int(), |c| i64::from(c as u32))
            )
        ),
        _ => {}
    }
    NRes::Ok
}

/// Go's `unicode.IsPunct` for ASCII (category P: not the symbols `$+<=>^`|~`); other runes use
/// Unicode's punctuation as far as Rust knows it.
fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation() && !"$+<=>^`|~".contains(c);
    }
    matches!(c, '¡' | '§' | '«' | '¶' | '·' | '»' | '¿' | '‐'..='‧' | '‰'..='⁞' | '、'..='〃' | '〈'..='】')
}
