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
    UnicodeToTitle,
}

const PATH: &str = "unicode";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Unicode,
    path: PATH,
    go: GO,
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
        "ToTitle" => f(c, "func(rune) rune", N::UnicodeToTitle),
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
        N::UnicodeToUpper | N::UnicodeToLower | N::UnicodeToTitle => {
            let r = arg(0).as_int();
            let mapped = rune(&arg(0)).map(|c| match n {
                N::UnicodeToUpper => to_upper(c),
                N::UnicodeToLower => to_lower(c),
                _ => to_title(c),
            });
            push!(t, Value::Int(mapped.map_or(r, |c| i64::from(u32::from(c)))))
        }
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
        _ => {}
    }
    NRes::Ok
}

/// Go's `unicode.ToUpper`: the simple case mapping, one rune for one. Rust's `to_uppercase` is
/// the full mapping, which can give several (`ß` is `SS`); where it does, Go's rune has no
/// simple mapping and stays as it is, except the Greek letters with a iota subscript, whose
/// simple uppercase is the capital with a iota subscript (`ᾳ` is `ᾼ`, not `ΑΙ`).
pub(super) fn to_upper(c: char) -> char {
    let mut up = c.to_uppercase();
    match (up.next(), up.next()) {
        (Some(u), None) => u,
        _ => iota_subscript_capital(c).unwrap_or(c),
    }
}

/// Go's `unicode.ToLower`: the simple mapping (Rust's full one turns `İ` into `i` and a
/// combining dot; Go's is `i`).
pub(super) fn to_lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Go's `unicode.ToTitle`: the uppercase but for the four digraphs that have a title case of
/// their own (`ǆ`, `Ǆ` and `ǅ` are `ǅ`).
pub(super) fn to_title(c: char) -> char {
    match c {
        '\u{1C4}'..='\u{1C6}' => '\u{1C5}',
        '\u{1C7}'..='\u{1C9}' => '\u{1C8}',
        '\u{1CA}'..='\u{1CC}' => '\u{1CB}',
        '\u{1F1}'..='\u{1F3}' => '\u{1F2}',
        _ => to_upper(c),
    }
}

/// The capital with a iota subscript of a small Greek letter with one (U+1F80 to U+1FF3).
fn iota_subscript_capital(c: char) -> Option<char> {
    let u = u32::from(c);
    let capital = match u {
        0x1F80..=0x1F87 | 0x1F90..=0x1F97 | 0x1FA0..=0x1FA7 => u + 8,
        0x1FB3 | 0x1FC3 | 0x1FF3 => u + 9,
        _ => return None,
    };
    char::from_u32(capital)
}

/// Go's `unicode.IsPunct` for ASCII (category P: not the symbols `$+<=>^`|~`); other runes use
/// Unicode's punctuation as far as Rust knows it.
fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation() && !"$+<=>^`|~".contains(c);
    }
    matches!(c, '¡' | '§' | '«' | '¶' | '·' | '»' | '¿' | '‐'..='‧' | '‰'..='⁞' | '、'..='〃' | '〈'..='】')
}

/// unicode.Is, In and IsOneOf with their range tables, written in Go (std/mod.rs's
/// `go_source`): the scripts Han, Latin, Greek and Cyrillic are Go's own tables (printed from
/// Go 1.27's `unicode.Scripts`); the categories golite has a native for (Letter, Upper, Lower,
/// Digit, Number, Punct, Control, White_Space) test with that native instead of a table.
const GO: &str = r#"
type unicodeꞏRange16 struct{ Lo, Hi, Stride uint16 }
type unicodeꞏRange32 struct{ Lo, Hi, Stride uint32 }
type unicodeꞏRangeTable struct {
	R16         []unicodeꞏRange16
	R32         []unicodeꞏRange32
	LatinOffset int
	is          func(rune) bool
}

func unicodeꞏIs(rangeTab *unicodeꞏRangeTable, r rune) bool {
	if rangeTab.is != nil {
		return rangeTab.is(r)
	}
	for _, rg := range rangeTab.R16 {
		if r < rune(rg.Lo) {
			return false
		}
		if r <= rune(rg.Hi) {
			return rg.Stride == 1 || (r-rune(rg.Lo))%rune(rg.Stride) == 0
		}
	}
	for _, rg := range rangeTab.R32 {
		if r < rune(rg.Lo) {
			return false
		}
		if r <= rune(rg.Hi) {
			return rg.Stride == 1 || (r-rune(rg.Lo))%rune(rg.Stride) == 0
		}
	}
	return false
}

func unicodeꞏIn(r rune, ranges ...*unicodeꞏRangeTable) bool {
	for _, inside := range ranges {
		if unicodeꞏIs(inside, r) {
			return true
		}
	}
	return false
}

func unicodeꞏIsOneOf(ranges []*unicodeꞏRangeTable, r rune) bool { return unicodeꞏIn(r, ranges...) }

var unicodeꞏLetter = &unicodeꞏRangeTable{is: unicodeꞏ.IsLetter}
var unicodeꞏL = unicodeꞏLetter
var unicodeꞏUpper = &unicodeꞏRangeTable{is: unicodeꞏ.IsUpper}
var unicodeꞏLu = unicodeꞏUpper
var unicodeꞏLower = &unicodeꞏRangeTable{is: unicodeꞏ.IsLower}
var unicodeꞏLl = unicodeꞏLower
var unicodeꞏDigit = &unicodeꞏRangeTable{is: unicodeꞏ.IsDigit}
var unicodeꞏNd = unicodeꞏDigit
var unicodeꞏNumber = &unicodeꞏRangeTable{is: unicodeꞏ.IsNumber}
var unicodeꞏN = unicodeꞏNumber
var unicodeꞏPunct = &unicodeꞏRangeTable{is: unicodeꞏ.IsPunct}
var unicodeꞏP = unicodeꞏPunct
var unicodeꞏControl = &unicodeꞏRangeTable{is: unicodeꞏ.IsControl}
var unicodeꞏCc = unicodeꞏControl
var unicodeꞏWhite_Space = &unicodeꞏRangeTable{is: unicodeꞏ.IsSpace}
var unicodeꞏHan = &unicodeꞏRangeTable{R16: []unicodeꞏRange16{{0x2e80, 0x2e99, 1}, {0x2e9b, 0x2ef3, 1}, {0x2f00, 0x2fd5, 1}, {0x3005, 0x3007, 2}, {0x3021, 0x3029, 1}, {0x3038, 0x303b, 1}, {0x3400, 0x4dbf, 1}, {0x4e00, 0x9fff, 1}, {0xf900, 0xfa6d, 1}, {0xfa70, 0xfad9, 1}}, R32: []unicodeꞏRange32{{0x16fe2, 0x16fe3, 1}, {0x16ff0, 0x16ff6, 1}, {0x20000, 0x2a6df, 1}, {0x2a700, 0x2b81d, 1}, {0x2b820, 0x2cead, 1}, {0x2ceb0, 0x2ebe0, 1}, {0x2ebf0, 0x2ee5d, 1}, {0x2f800, 0x2fa1d, 1}, {0x30000, 0x3134a, 1}, {0x31350, 0x33479, 1}}, LatinOffset: 0}
var unicodeꞏLatin = &unicodeꞏRangeTable{R16: []unicodeꞏRange16{{0x41, 0x5a, 1}, {0x61, 0x7a, 1}, {0xaa, 0xba, 16}, {0xc0, 0xd6, 1}, {0xd8, 0xf6, 1}, {0xf8, 0x2b8, 1}, {0x2e0, 0x2e4, 1}, {0x1d00, 0x1d25, 1}, {0x1d2c, 0x1d5c, 1}, {0x1d62, 0x1d65, 1}, {0x1d6b, 0x1d77, 1}, {0x1d79, 0x1dbe, 1}, {0x1e00, 0x1eff, 1}, {0x2071, 0x207f, 14}, {0x2090, 0x209c, 1}, {0x212a, 0x212b, 1}, {0x2132, 0x214e, 28}, {0x2160, 0x2188, 1}, {0x2c60, 0x2c7f, 1}, {0xa722, 0xa787, 1}, {0xa78b, 0xa7dc, 1}, {0xa7f1, 0xa7ff, 1}, {0xab30, 0xab5a, 1}, {0xab5c, 0xab64, 1}, {0xab66, 0xab69, 1}, {0xfb00, 0xfb06, 1}, {0xff21, 0xff3a, 1}, {0xff41, 0xff5a, 1}}, R32: []unicodeꞏRange32{{0x10780, 0x10785, 1}, {0x10787, 0x107b0, 1}, {0x107b2, 0x107ba, 1}, {0x1df00, 0x1df1e, 1}, {0x1df25, 0x1df2a, 1}}, LatinOffset: 5}
var unicodeꞏGreek = &unicodeꞏRangeTable{R16: []unicodeꞏRange16{{0x370, 0x373, 1}, {0x375, 0x377, 1}, {0x37a, 0x37d, 1}, {0x37f, 0x384, 5}, {0x386, 0x388, 2}, {0x389, 0x38a, 1}, {0x38c, 0x38e, 2}, {0x38f, 0x3a1, 1}, {0x3a3, 0x3e1, 1}, {0x3f0, 0x3ff, 1}, {0x1d26, 0x1d2a, 1}, {0x1d5d, 0x1d61, 1}, {0x1d66, 0x1d6a, 1}, {0x1dbf, 0x1f00, 321}, {0x1f01, 0x1f15, 1}, {0x1f18, 0x1f1d, 1}, {0x1f20, 0x1f45, 1}, {0x1f48, 0x1f4d, 1}, {0x1f50, 0x1f57, 1}, {0x1f59, 0x1f5f, 2}, {0x1f60, 0x1f7d, 1}, {0x1f80, 0x1fb4, 1}, {0x1fb6, 0x1fc4, 1}, {0x1fc6, 0x1fd3, 1}, {0x1fd6, 0x1fdb, 1}, {0x1fdd, 0x1fef, 1}, {0x1ff2, 0x1ff4, 1}, {0x1ff6, 0x1ffe, 1}, {0x2126, 0xab65, 35391}}, R32: []unicodeꞏRange32{{0x10140, 0x1018e, 1}, {0x101a0, 0x1d200, 53344}, {0x1d201, 0x1d245, 1}}, LatinOffset: 0}
var unicodeꞏCyrillic = &unicodeꞏRangeTable{R16: []unicodeꞏRange16{{0x400, 0x484, 1}, {0x487, 0x52f, 1}, {0x1c80, 0x1c8a, 1}, {0x1d2b, 0x1d78, 77}, {0x2de0, 0x2dff, 1}, {0xa640, 0xa69f, 1}, {0xfe2e, 0xfe2f, 1}}, R32: []unicodeꞏRange32{{0x1e030, 0x1e06d, 1}, {0x1e08f, 0x1e08f, 1}}, LatinOffset: 0}
"#;
