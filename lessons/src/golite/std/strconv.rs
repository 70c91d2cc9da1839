//! Go's `strconv`: its members, and the parsing and quoting rules they need, written from the Go
//! 1.27 sources' behaviour and checked against real Go by the oracle programs.

use super::support::*;

natives! {
    Pkg::Strconv;
    StrconvItoa,
    StrconvAtoi,
    StrconvFormatInt,
    StrconvParseInt,
    StrconvParseFloat,
    StrconvParseBool,
    StrconvFormatBool,
    StrconvQuote,
    StrconvFormatFloat,
    StrconvParseUint,
    StrconvFormatUint,
    StrconvQuoteRune,
    StrconvQuoteToASCII,
    StrconvUnquote,
    StrconvAppendInt,
    StrconvAppendQuote,
    StrconvFormatComplex,
    StrconvParseComplex,
}

const PATH: &str = "strconv";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Strconv,
    path: PATH,
    ..Package::NONE
};

/// The member `name` of the package.
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    match name {
        "Itoa" => f(c, "func(int) string", N::StrconvItoa),
        "Atoi" => f(c, "func(string) (int, error)", N::StrconvAtoi),
        "FormatInt" => f(c, "func(int64, int) string", N::StrconvFormatInt),
        "ParseInt" => f(
            c,
            "func(string, int, int) (int64, error)",
            N::StrconvParseInt,
        ),
        "ParseFloat" => f(
            c,
            "func(string, int) (float64, error)",
            N::StrconvParseFloat,
        ),
        "ParseBool" => f(c, "func(string) (bool, error)", N::StrconvParseBool),
        "FormatBool" => f(c, "func(bool) string", N::StrconvFormatBool),
        "Quote" => f(c, "func(string) string", N::StrconvQuote),
        "FormatFloat" => f(
            c,
            "func(float64, byte, int, int) string",
            N::StrconvFormatFloat,
        ),
        "ParseUint" => f(
            c,
            "func(string, int, int) (uint64, error)",
            N::StrconvParseUint,
        ),
        "FormatUint" => f(c, "func(uint64, int) string", N::StrconvFormatUint),
        "QuoteRune" => f(c, "func(rune) string", N::StrconvQuoteRune),
        "QuoteToASCII" => f(c, "func(string) string", N::StrconvQuoteToASCII),
        "Unquote" => f(c, "func(string) (string, error)", N::StrconvUnquote),
        "AppendInt" => f(c, "func([]byte, int64, int) []byte", N::StrconvAppendInt),
        "AppendQuote" => f(c, "func([]byte, string) []byte", N::StrconvAppendQuote),
        "FormatComplex" => f(
            c,
            "func(complex128, byte, int, int) string",
            N::StrconvFormatComplex,
        ),
        "ParseComplex" => f(
            c,
            "func(string, int) (complex128, error)",
            N::StrconvParseComplex,
        ),
        _ => None,
    }
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    match n {
        N::StrconvItoa => push!(t, strv(arg(0).as_int().to_string())),
        N::StrconvFormatInt => push!(
            t,
            strv(format_int_checked(arg(0).as_int(), arg(1).as_int() as u32))
        ),
        N::StrconvFormatBool => push!(t, strv(if arg(0).as_bool() { "true" } else { "false" })),
        N::StrconvQuote => push!(t, strv(crate::golite::fmt::format::quote(s(&arg(0))))),
        N::StrconvFormatFloat => {
            let f = arg(0).as_float();
            let verb = arg(1).as_int() as u8 as char;
            let prec = arg(2).as_int();
            if let Err(r) = reserve(t, cx, prec.max(0) as u64, 0) {
                return r;
            }
            let prec = i32::try_from(prec.max(-1)).unwrap_or(i32::MAX);
            push!(t, strv(format_float(f, verb, prec, 64)));
        }
        N::StrconvFormatComplex => {
            let (re, im) = arg(0).as_complex();
            let verb = arg(1).as_int() as u8 as char;
            let prec = arg(2).as_int();
            let bits = match arg(3).as_int() {
                64 => 32,
                128 => 64,
                _ => return NRes::Panic("invalid bitSize".into()),
            };
            // Two parts of `prec` digits each: reserved before they are made.
            if let Err(r) = reserve(t, cx, (prec.max(0) as u64).saturating_mul(2), 0) {
                return r;
            }
            let prec = i32::try_from(prec.max(-1)).unwrap_or(i32::MAX);
            let part = |v: f64| format_float(v, verb, prec, bits);
            let im = part(im);
            let sign = if im.starts_with(['+', '-']) { "" } else { "+" };
            push!(t, strv(format!("({}{sign}{im}i)", part(re))));
        }
        N::StrconvParseComplex => {
            let x = arg(0);
            let (v, e) = parse_complex(s(&x), arg(1).as_int() == 64);
            push!(t, Value::Complex(v.0, v.1));
            push!(
                t,
                match e {
                    Some(why) => new_error(
                        t,
                        &format!(
                            "strconv.ParseComplex: parsing {}: {why}",
                            crate::golite::fmt::format::quote(s(&x))
                        )
                    ),
                    None => Value::Nil,
                }
            );
        }
        N::StrconvAtoi | N::StrconvParseInt => {
            let x = arg(0);
            let (fname, base, bits) = if n == N::StrconvAtoi {
                ("Atoi", 10, 0)
            } else {
                ("ParseInt", arg(1).as_int(), arg(2).as_int())
            };
            match parse_int(s(&x), base, bits) {
                Ok(v) => {
                    push!(t, Value::Int(v));
                    push!(t, Value::Nil);
                }
                Err((v, e)) => {
                    push!(t, Value::Int(v));
                    push!(t, new_error(t, &e.message(fname, s(&x))));
                }
            }
        }
        N::StrconvParseFloat => {
            let x = arg(0);
            let bits = if arg(1).as_int() == 32 { 32 } else { 64 };
            match parse_float(s(&x), bits) {
                Ok(v) => {
                    push!(t, Value::Float(v));
                    push!(t, Value::Nil);
                }
                Err(e) => {
                    // Out of range gives ±Inf, as Go's.
                    let v = match e {
                        NumErr::Range if s(&x).starts_with('-') => f64::NEG_INFINITY,
                        NumErr::Range => f64::INFINITY,
                        _ => 0.0,
                    };
                    push!(t, Value::Float(v));
                    push!(t, new_error(t, &e.message("ParseFloat", s(&x))));
                }
            }
        }
        N::StrconvParseBool => {
            let x = arg(0);
            match s(&x) {
                "1" | "t" | "T" | "true" | "TRUE" | "True" => {
                    push!(t, Value::Bool(true));
                    push!(t, Value::Nil);
                }
                "0" | "f" | "F" | "false" | "FALSE" | "False" => {
                    push!(t, Value::Bool(false));
                    push!(t, Value::Nil);
                }
                _ => {
                    push!(t, Value::Bool(false));
                    push!(
                        t,
                        new_error(
                            t,
                            &format!(
                                "strconv.ParseBool: parsing {}: invalid syntax",
                                crate::golite::fmt::format::quote(s(&x))
                            )
                        )
                    );
                }
            }
        }
        N::StrconvParseUint => {
            let x = arg(0);
            match parse_uint(s(&x), arg(1).as_int(), arg(2).as_int()) {
                Ok(v) => {
                    push!(t, Value::Int(v as i64));
                    push!(t, Value::Nil);
                }
                Err((v, e)) => {
                    push!(t, Value::Int(v as i64));
                    push!(t, new_error(t, &e.message("ParseUint", s(&x))));
                }
            }
        }
        N::StrconvFormatUint => push!(
            t,
            strv(format_uint(arg(0).as_int() as u64, arg(1).as_int() as u32))
        ),
        N::StrconvQuoteRune => {
            let r = rune(&arg(0)).unwrap_or('\u{FFFD}');
            push!(t, strv(crate::golite::fmt::format::quote_rune(r)))
        }
        N::StrconvQuoteToASCII => push!(t, strv(quote_ascii(s(&arg(0))))),
        N::StrconvUnquote => match unquote(s(&arg(0))) {
            Some(v) => {
                push!(t, strv(v));
                push!(t, Value::Nil);
            }
            None => {
                push!(t, strv(""));
                push!(t, new_error(t, "invalid syntax"));
            }
        },
        N::StrconvAppendInt => {
            let mut b = bytes_of(&arg(0));
            b.extend_from_slice(format_int(arg(1).as_int(), arg(2).as_int() as u32).as_bytes());
            push!(t, byte_slice(t, &b))
        }
        N::StrconvAppendQuote => {
            let mut b = bytes_of(&arg(0));
            b.extend_from_slice(crate::golite::fmt::format::quote(s(&arg(1))).as_bytes());
            push!(t, byte_slice(t, &b))
        }
        _ => {}
    }
    NRes::Ok
}

/// `strconv.FormatInt` as golite always ran it: decimal for a base out of 2..=36.
fn format_int_checked(v: i64, base: u32) -> String {
    if !(2..=36).contains(&base) {
        return v.to_string();
    }
    let neg = v < 0;
    let mut u = v.unsigned_abs();
    if u == 0 {
        return "0".into();
    }
    let mut digits = Vec::new();
    while u > 0 {
        let d = (u % u64::from(base)) as u32;
        digits.push(std::char::from_digit(d, base).unwrap_or('?'));
        u /= u64::from(base);
    }
    if neg {
        digits.push('-');
    }
    digits.iter().rev().collect()
}

/// Why a strconv parse failed, worded as Go's `*strconv.NumError` ends.
#[derive(Debug, PartialEq)]
pub(super) enum NumErr {
    Syntax,
    Range,
    Base(i64),
    BitSize(i64),
}

impl NumErr {
    /// `strconv.ParseInt: parsing "300": value out of range`.
    pub fn message(&self, func: &str, input: &str) -> String {
        let why = match self {
            NumErr::Syntax => "invalid syntax".to_string(),
            NumErr::Range => "value out of range".to_string(),
            NumErr::Base(b) => format!("invalid base {b}"),
            NumErr::BitSize(b) => format!("invalid bit size {b}"),
        };
        format!("strconv.{func}: parsing {}: {why}", quote_go(input))
    }
}

fn quote_go(s: &str) -> String {
    crate::golite::fmt::format::quote(s)
}

/// `strconv.QuoteToASCII`.
pub(super) fn quote_ascii(s: &str) -> String {
    crate::golite::fmt::format::quote_ascii(s)
}

/// `strconv.Unquote`: a Go string literal (interpreted, raw or rune) to its value; `None` is
/// Go's `invalid syntax`.
pub(super) fn unquote(s: &str) -> Option<String> {
    let q = s.chars().next()?;
    if s.len() < 2 || !s.ends_with(q) {
        return None;
    }
    let inner = &s[1..s.len() - 1];
    match q {
        '`' => (!inner.contains('`')).then(|| inner.replace('\r', "")),
        '"' | '\'' => {
            let mut out = String::new();
            let mut it = inner.chars().peekable();
            while let Some(c) = it.next() {
                if c == q || c == '\n' {
                    return None;
                }
                if c != '\\' {
                    out.push(c);
                    continue;
                }
                let e = it.next()?;
                let hex = |it: &mut std::iter::Peekable<std::str::Chars<'_>>, n: usize| {
                    let digits: String = (0..n).filter_map(|_| it.next()).collect();
                    if digits.len() != n {
                        return None;
                    }
                    u32::from_str_radix(&digits, 16).ok()
                };
                match e {
                    'a' => out.push('\u{7}'),
                    'b' => out.push('\u{8}'),
                    'f' => out.push('\u{c}'),
                    'n' => out.push('\n'),
                    'r' => out.push('\r'),
                    't' => out.push('\t'),
                    'v' => out.push('\u{b}'),
                    '\\' => out.push('\\'),
                    '"' if q == '"' => out.push('"'),
                    '\'' if q == '\'' => out.push('\''),
                    'x' => out.push(char::from_u32(hex(&mut it, 2)?)?),
                    'u' => out.push(char::from_u32(hex(&mut it, 4)?)?),
                    'U' => out.push(char::from_u32(hex(&mut it, 8)?)?),
                    '0'..='7' => {
                        let rest: String = (0..2).filter_map(|_| it.next()).collect();
                        let v = u32::from_str_radix(&format!("{e}{rest}"), 8).ok()?;
                        out.push(char::from_u32(v).filter(|_| v < 256)?);
                    }
                    _ => return None,
                }
            }
            if q == '\'' && out.chars().count() != 1 {
                return None;
            }
            Some(out)
        }
        _ => None,
    }
}

/// Go's `strconv.ParseUint`: base 0 reads the prefix (`0x`, `0o`, `0b`, `0`) and allows `_`
/// between digits; a value that does not fit `bits` is a range error with the largest value.
pub(super) fn parse_uint(s: &str, base: i64, bits: i64) -> Result<u64, (u64, NumErr)> {
    if s.is_empty() {
        return Err((0, NumErr::Syntax));
    }
    let base0 = base == 0;
    let s0 = s;
    let (mut base, mut digits) = (base, s.as_bytes());
    if (2..=36).contains(&base) {
    } else if base == 0 {
        base = 10;
        if digits[0] == b'0' {
            match digits.get(1).map(u8::to_ascii_lowercase) {
                Some(b'b') if digits.len() >= 3 => (base, digits) = (2, &digits[2..]),
                Some(b'o') if digits.len() >= 3 => (base, digits) = (8, &digits[2..]),
                Some(b'x') if digits.len() >= 3 => (base, digits) = (16, &digits[2..]),
                _ => (base, digits) = (8, &digits[1..]),
            }
        }
    } else {
        return Err((0, NumErr::Base(base)));
    }
    let bits = if bits == 0 { 64 } else { bits };
    if !(1..=64).contains(&bits) {
        return Err((0, NumErr::BitSize(bits)));
    }
    let max: u64 = if bits == 64 {
        u64::MAX
    } else {
        (1u64 << bits) - 1
    };
    let mut n: u64 = 0;
    let mut underscores = false;
    for &c in digits {
        let d = match c {
            b'_' if base0 => {
                underscores = true;
                continue;
            }
            b'0'..=b'9' => c - b'0',
            b'a'..=b'z' => c - b'a' + 10,
            b'A'..=b'Z' => c - b'A' + 10,
            _ => return Err((0, NumErr::Syntax)),
        };
        if i64::from(d) >= base {
            return Err((0, NumErr::Syntax));
        }
        let Some(m) = n.checked_mul(base as u64) else {
            return Err((max, NumErr::Range));
        };
        match m.checked_add(u64::from(d)) {
            Some(v) if v <= max => n = v,
            _ => return Err((max, NumErr::Range)),
        }
    }
    if underscores && !underscore_ok(s0) {
        return Err((0, NumErr::Syntax));
    }
    Ok(n)
}

/// Go's `strconv.ParseInt`: an optional sign, then `parse_uint`'s rules; out of range gives
/// the nearest end of the range.
pub(super) fn parse_int(s: &str, base: i64, bits: i64) -> Result<i64, (i64, NumErr)> {
    if s.is_empty() {
        return Err((0, NumErr::Syntax));
    }
    let (neg, body) = match s.as_bytes()[0] {
        b'+' => (false, &s[1..]),
        b'-' => (true, &s[1..]),
        _ => (false, s),
    };
    let bits = if bits == 0 { 64 } else { bits };
    let un = match parse_uint(body, base, bits) {
        Ok(v) => v,
        Err((_, NumErr::Range)) => u64::MAX,
        Err((_, e)) => return Err((0, e)),
    };
    if !(1..=64).contains(&bits) {
        return Err((0, NumErr::BitSize(bits)));
    }
    let cutoff: u64 = 1u64 << (bits - 1);
    if !neg && un >= cutoff {
        return Err(((cutoff - 1) as i64, NumErr::Range));
    }
    if neg && un > cutoff {
        return Err(((cutoff as i64).wrapping_neg(), NumErr::Range));
    }
    Ok(if neg {
        (un as i64).wrapping_neg()
    } else {
        un as i64
    })
}

/// Go's `strconv.ParseFloat` (decimal or hexadecimal with a `p` exponent, `_` between digits,
/// `inf`/`infinity` with a sign, `nan` without, in any case); `bits` 32 rounds to float32. Out
/// of range is `Range` (the value would be ±Inf).
pub(super) fn parse_float(tok: &str, bits: u32) -> Result<f64, NumErr> {
    let lower = tok.to_ascii_lowercase();
    let unsigned = lower.strip_prefix(['+', '-']).unwrap_or(&lower);
    let neg = lower.starts_with('-');
    let sign = if neg { -1.0 } else { 1.0 };
    if lower == "nan" {
        return Ok(f64::NAN);
    }
    if unsigned == "inf" || unsigned == "infinity" {
        return Ok(sign * f64::INFINITY);
    }
    if tok.contains('_') && !underscore_ok(tok) {
        return Err(NumErr::Syntax);
    }
    let clean: String = unsigned.chars().filter(|&c| c != '_').collect();
    let v = if let Some(h) = clean.strip_prefix("0x") {
        // A mantissa without digits (`0x.p1`) is no number.
        if !h
            .split('p')
            .next()
            .is_some_and(|m| m.bytes().any(|c| c.is_ascii_hexdigit()))
        {
            return Err(NumErr::Syntax);
        }
        crate::golite::syntax::lexer::hex_float(h).ok_or(NumErr::Syntax)?
    } else {
        // Rust reads words (`inf`) Go would not here: only digits, `.` and an exponent pass.
        if clean.is_empty()
            || clean.contains('_')
            || !clean
                .bytes()
                .all(|c| c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'+' | b'-'))
            || clean.starts_with(['e', '+', '-'])
        {
            return Err(NumErr::Syntax);
        }
        if bits == 32 {
            // Rounded once, to float32, as Go's ParseFloat(s, 32).
            f64::from(clean.parse::<f32>().map_err(|_| NumErr::Syntax)?)
        } else {
            clean.parse::<f64>().map_err(|_| NumErr::Syntax)?
        }
    };
    let v = sign * v;
    let v = if bits == 32 { v as f32 as f64 } else { v };
    if v.is_infinite() {
        return Err(NumErr::Range);
    }
    Ok(v)
}

/// Go's rule for `_` in a base-0 number: only between digits (or after the base prefix).
pub(super) fn underscore_ok(s: &str) -> bool {
    let b = s.as_bytes();
    let mut saw = b'^';
    let mut i = 0;
    let b = if !b.is_empty() && (b[0] == b'-' || b[0] == b'+') {
        &b[1..]
    } else {
        b
    };
    let mut hex = false;
    if b.len() >= 2 && b[0] == b'0' && matches!(b[1].to_ascii_lowercase(), b'b' | b'o' | b'x') {
        i = 2;
        saw = b'0';
        hex = b[1].eq_ignore_ascii_case(&b'x');
    }
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c.is_ascii_digit() || (hex && c.to_ascii_lowercase().is_ascii_hexdigit()) {
            saw = b'0';
            continue;
        }
        if c == b'_' {
            if saw != b'0' {
                return false;
            }
            saw = b'_';
            continue;
        }
        if saw == b'_' {
            return false;
        }
        saw = b'!';
    }
    saw != b'_'
}

/// Go's `strconv.FormatUint` (base 2..36, lowercase digits).
pub(super) fn format_uint(mut u: u64, base: u32) -> String {
    let base = u64::from(base.clamp(2, 36));
    if u == 0 {
        return "0".into();
    }
    let mut out = Vec::new();
    while u > 0 {
        let d = (u % base) as u8;
        out.push(if d < 10 { b'0' + d } else { b'a' + d - 10 });
        u /= base;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Go's `strconv.FormatInt`.
pub(super) fn format_int(i: i64, base: u32) -> String {
    if i < 0 {
        format!("-{}", format_uint(i.unsigned_abs(), base))
    } else {
        format_uint(i as u64, base)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_prefixes_and_ranges_follow_go() {
        assert_eq!(parse_int("0x1c8", 0, 64), Ok(456));
        assert_eq!(parse_int("0b1010", 0, 64), Ok(10));
        assert_eq!(parse_int("0o17", 0, 64), Ok(15));
        assert_eq!(parse_int("017", 0, 64), Ok(15));
        assert_eq!(parse_int("1_000", 0, 64), Ok(1000));
        assert_eq!(parse_int("1_000", 10, 64), Err((0, NumErr::Syntax)));
        assert_eq!(parse_int("-0x10", 0, 64), Ok(-16));
        assert_eq!(parse_int("-101", 2, 8), Ok(-5));
        assert_eq!(parse_int("300", 10, 8), Err((127, NumErr::Range)));
        assert_eq!(parse_int("-300", 10, 8), Err((-128, NumErr::Range)));
        assert_eq!(parse_int("-128", 10, 8), Ok(-128));
        assert_eq!(parse_uint("ff", 16, 64), Ok(255));
        assert_eq!(parse_uint("-1", 10, 64), Err((0, NumErr::Syntax)));
        assert_eq!(parse_uint("18446744073709551615", 10, 64), Ok(u64::MAX));
        assert_eq!(
            parse_uint("18446744073709551616", 10, 64),
            Err((u64::MAX, NumErr::Range))
        );
        assert_eq!(parse_int("zz", 36, 64), Ok(1295));
        assert_eq!(parse_int("1", 1, 64), Err((0, NumErr::Base(1))));
        assert_eq!(parse_int("_1", 0, 64), Err((0, NumErr::Syntax)));
        assert_eq!(
            NumErr::Range.message("ParseInt", "300"),
            "strconv.ParseInt: parsing \"300\": value out of range"
        );
        assert_eq!(format_int(-8, 2), "-1000");
        assert_eq!(format_uint(1 << 63, 36), "1y2p0ij32e8e8");
        assert_eq!(format_int(255, 16), "ff");
    }
}

/// Go's `strconv.FormatFloat`: fmt's formatting, and `%` and the byte for a format byte it
/// does not know (`'z'` gives `%z`).
fn format_float(v: f64, verb: char, prec: i32, bits: u32) -> String {
    if !matches!(verb, 'b' | 'e' | 'E' | 'f' | 'g' | 'G' | 'x' | 'X') {
        return format!("%{verb}");
    }
    crate::golite::fmt::format::format_float(v, verb, prec, bits)
}

/// The length of the longest prefix of `s` that is a decimal float (sign, digits with `_`,
/// point, exponent) or an infinity or NaN, as Go's `parseFloatPrefix` reads one; 0 if none.
fn float_prefix(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let rest = s[i..].to_ascii_lowercase();
    for word in ["infinity", "inf", "nan"] {
        if rest.starts_with(word) {
            return i + word.len();
        }
    }
    // Hexadecimal mantissas need a `p` exponent.
    let hex = rest.starts_with("0x");
    if hex {
        i += 2;
    }
    let digit = |c: u8| {
        if hex {
            c.is_ascii_hexdigit()
        } else {
            c.is_ascii_digit()
        }
    };
    let digits = |i: &mut usize, digit: &dyn Fn(u8) -> bool| {
        let start = *i;
        while *i < b.len() && (digit(b[*i]) || b[*i] == b'_') {
            *i += 1;
        }
        *i > start
    };
    let mut any = digits(&mut i, &digit);
    if b.get(i) == Some(&b'.') {
        i += 1;
        any |= digits(&mut i, &digit);
    }
    if !any {
        return 0;
    }
    let exp: &[u8] = if hex { b"pP" } else { b"eE" };
    if b.get(i).is_some_and(|c| exp.contains(c)) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if digits(&mut j, &|c: u8| c.is_ascii_digit()) {
            i = j;
        } else if hex {
            return 0;
        }
    } else if hex {
        return 0;
    }
    i
}

/// One part of a complex number: its value (rounded to float32 for complex64) and whether it
/// was out of range.
fn parse_part(text: &str, f32_parts: bool) -> Option<(f64, bool)> {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    let sign = if clean.starts_with('-') { -1.0 } else { 1.0 };
    let v: f64 = match clean
        .trim_start_matches(['+', '-'])
        .to_ascii_lowercase()
        .as_str()
    {
        "inf" | "infinity" => f64::INFINITY.copysign(sign),
        "nan" => f64::NAN,
        h if h.starts_with("0x") => sign * crate::golite::syntax::lexer::hex_float(&h[2..])?,
        _ => clean.parse().ok()?,
    };
    let v = if f32_parts { v as f32 as f64 } else { v };
    let literal_inf = clean.to_ascii_lowercase().contains("inf");
    Some((v, v.is_infinite() && !literal_inf))
}

/// Go's `strconv.ParseComplex`: `N`, `Ni`, `N±Ni`, optionally in parentheses. The error is
/// "invalid syntax" or "value out of range" (then the value is still given, as Go gives it).
fn parse_complex(orig: &str, f32_parts: bool) -> ((f64, f64), Option<&'static str>) {
    const SYNTAX: Option<&str> = Some("invalid syntax");
    let mut s = orig;
    if s.len() >= 2 && s.starts_with('(') && s.ends_with(')') {
        s = &s[1..s.len() - 1];
    }
    let n = float_prefix(s);
    let Some((re, re_range)) = (n > 0).then(|| parse_part(&s[..n], f32_parts)).flatten() else {
        return ((0.0, 0.0), SYNTAX);
    };
    let mut range = re_range;
    s = &s[n..];
    if s.is_empty() {
        return ((re, 0.0), range.then_some("value out of range"));
    }
    match s.as_bytes()[0] {
        b'+' if s.len() > 1 && s.as_bytes()[1] != b'+' => s = &s[1..],
        b'+' | b'-' => {}
        b'i' if s.len() == 1 => return ((0.0, re), range.then_some("value out of range")),
        _ => return ((0.0, 0.0), SYNTAX),
    }
    let n = float_prefix(s);
    let Some((im, im_range)) = (n > 0).then(|| parse_part(&s[..n], f32_parts)).flatten() else {
        return ((0.0, 0.0), SYNTAX);
    };
    range |= im_range;
    if &s[n..] != "i" {
        return ((0.0, 0.0), SYNTAX);
    }
    ((re, im), range.then_some("value out of range"))
}

#[cfg(test)]
mod complex_tests {
    use super::parse_complex;

    /// Go 1.27.3's strconv.ParseComplex on these inputs.
    #[test]
    fn parses_complex_as_go() {
        assert_eq!(parse_complex("(1.5-2i)", false), ((1.5, -2.0), None));
        assert_eq!(parse_complex("3i", false), ((0.0, 3.0), None));
        assert_eq!(parse_complex("1e3+1_0i", false), ((1000.0, 10.0), None));
        assert_eq!(parse_complex("x", false).1, Some("invalid syntax"));
        assert_eq!(parse_complex("1+2", false).1, Some("invalid syntax"));
        assert_eq!(parse_complex("i", false).1, Some("invalid syntax"));
        assert_eq!(parse_complex("0x1p3-0x1.8p1i", false), ((8.0, -3.0), None));
        assert_eq!(parse_complex("0x1", false).1, Some("invalid syntax"));
        let ((re, im), e) = parse_complex("+Inf-NaNi", false);
        assert!(re.is_infinite() && im.is_nan() && e.is_none());
    }
}
