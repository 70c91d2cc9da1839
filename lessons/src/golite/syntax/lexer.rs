//! Go's lexical rules: tokens, literals with their values, comments, and automatic semicolon
//! insertion.
//!
//! [`lex`] never fails: a malformed piece of text becomes a token carrying an `error` (in Go's
//! words), so the highlighter can still colour a half-typed program and the parser reports the
//! first problem with its position.

use super::ast::Pos;
use super::token::{KEYWORDS, LitValue, OPERATORS, TokKind, Token};

/// Splits `src` into tokens, comments included, with semicolons inserted as Go does, ending with
/// one [`TokKind::Eof`] token.
pub(crate) fn lex(src: &str) -> Vec<Token<'_>> {
    let mut lx = Lexer {
        src,
        bytes: src.as_bytes(),
        i: 0,
        line: 1,
        line_start: 0,
        nlsemi: false,
        err_at: None,
        out: Vec::new(),
    };
    if src.starts_with('\u{feff}') {
        lx.i = 3;
        lx.line_start = 3;
    }
    lx.run();
    lx.out
}

struct Lexer<'a> {
    src: &'a str,
    bytes: &'a [u8],
    i: usize,
    line: u32,
    line_start: usize,
    /// Whether a newline here ends a statement (Go's `nlsemi`).
    nlsemi: bool,
    /// Byte offset where the current token's first error is, as Go reports it.
    err_at: Option<usize>,
    out: Vec<Token<'a>>,
}

impl<'a> Lexer<'a> {
    fn pos_at(&self, offset: usize) -> Pos {
        Pos::new(self.line, (offset - self.line_start + 1) as u32)
    }

    fn peek(&self) -> u8 {
        self.bytes.get(self.i).copied().unwrap_or(0)
    }

    fn peek_at(&self, k: usize) -> u8 {
        self.bytes.get(self.i + k).copied().unwrap_or(0)
    }

    fn at_end(&self) -> bool {
        self.i >= self.bytes.len()
    }

    fn cur_char(&self) -> Option<char> {
        self.src.get(self.i..).and_then(|s| s.chars().next())
    }

    /// Advances over one character, keeping line bookkeeping.
    fn bump_char(&mut self) {
        if let Some(c) = self.cur_char() {
            self.i += c.len_utf8();
            if c == '\n' {
                self.line += 1;
                self.line_start = self.i;
            }
        } else {
            self.i += 1;
        }
    }

    fn push(
        &mut self,
        kind: TokKind,
        start: usize,
        pos: Pos,
        value: LitValue,
        error: Option<String>,
    ) {
        let text = self.src.get(start..self.i).unwrap_or("");
        let error_at = self.err_at.take().unwrap_or(start);
        self.out.push(Token {
            kind,
            text,
            pos,
            start,
            end: self.i,
            value,
            error,
            error_at,
            own_line: false,
        });
    }

    fn push_semi(&mut self, text: &'static str, at: usize, pos: Pos) {
        self.out.push(Token {
            kind: TokKind::Semi,
            text,
            pos,
            start: at,
            end: at,
            value: LitValue::None,
            error: None,
            error_at: 0,
            own_line: false,
        });
        self.nlsemi = false;
    }

    fn run(&mut self) {
        loop {
            // Whitespace; a newline may end a statement.
            while !self.at_end() {
                match self.peek() {
                    b' ' | b'\t' | b'\r' => self.i += 1,
                    b'\n' => {
                        if self.nlsemi {
                            let p = self.pos_at(self.i);
                            self.push_semi("\n", self.i, p);
                        }
                        self.bump_char();
                    }
                    _ => break,
                }
            }
            if self.at_end() {
                let p = self.pos_at(self.i);
                if self.nlsemi {
                    self.push_semi("", self.i, p);
                }
                self.out.push(Token {
                    kind: TokKind::Eof,
                    text: "",
                    pos: p,
                    start: self.i,
                    end: self.i,
                    value: LitValue::None,
                    error: None,
                    error_at: 0,
                    own_line: false,
                });
                return;
            }
            self.token();
        }
    }

    fn token(&mut self) {
        let start = self.i;
        let pos = self.pos_at(start);
        let c = self.peek();
        match c {
            b'/' if self.peek_at(1) == b'/' => self.line_comment(start, pos),
            b'/' if self.peek_at(1) == b'*' => self.block_comment(start, pos),
            b'0'..=b'9' => self.number(start, pos),
            b'.' if self.peek_at(1).is_ascii_digit() => self.number(start, pos),
            b'"' => self.string(start, pos),
            b'`' => self.raw_string(start, pos),
            b'\'' => self.rune(start, pos),
            _ => {
                let ch = self.cur_char().unwrap_or('\u{fffd}');
                if ch == '_' || ch.is_alphabetic() {
                    self.ident(start, pos);
                } else if let Some(op) = OPERATORS
                    .iter()
                    .find(|op| self.bytes[self.i..].starts_with(op.as_bytes()))
                {
                    self.i += op.len();
                    if *op == ";" {
                        self.out.push(Token {
                            kind: TokKind::Semi,
                            text: ";",
                            pos,
                            start,
                            end: self.i,
                            value: LitValue::None,
                            error: None,
                            error_at: 0,
                            own_line: false,
                        });
                        self.nlsemi = false;
                    } else {
                        self.nlsemi = matches!(*op, ")" | "]" | "}" | "++" | "--");
                        self.push(TokKind::Op, start, pos, LitValue::None, None);
                    }
                } else {
                    self.bump_char();
                    let msg = if ch == '\0' {
                        "invalid NUL character".to_string()
                    } else {
                        format!("invalid character U+{:04X} '{}'", ch as u32, ch)
                    };
                    self.push(TokKind::Invalid, start, pos, LitValue::None, Some(msg));
                }
            }
        }
    }

    fn own_line(&self, start: usize) -> bool {
        self.bytes[self.line_start..start]
            .iter()
            .all(|b| matches!(b, b' ' | b'\t' | b'\r'))
    }

    fn line_comment(&mut self, start: usize, pos: Pos) {
        let own = self.own_line(start);
        while !self.at_end() && self.peek() != b'\n' {
            self.bump_char();
        }
        self.push(TokKind::Comment, start, pos, LitValue::None, None);
        if let Some(t) = self.out.last_mut() {
            t.own_line = own;
        }
    }

    fn block_comment(&mut self, start: usize, pos: Pos) {
        let own = self.own_line(start);
        self.i += 2;
        let mut newline = false;
        let mut error = None;
        loop {
            if self.at_end() {
                error = Some("comment not terminated".to_string());
                break;
            }
            if self.peek() == b'*' && self.peek_at(1) == b'/' {
                self.i += 2;
                break;
            }
            if self.peek() == b'\n' {
                newline = true;
            }
            self.bump_char();
        }
        // A multi-line comment acts like a newline (Go inserts the semicolon at the comment).
        if newline && self.nlsemi {
            self.push_semi("\n", start, pos);
        }
        self.push(TokKind::Comment, start, pos, LitValue::None, error);
        if let Some(t) = self.out.last_mut() {
            t.own_line = own;
        }
    }

    fn ident(&mut self, start: usize, pos: Pos) {
        while let Some(c) = self.cur_char() {
            if c == '_' || c.is_alphanumeric() {
                self.i += c.len_utf8();
            } else {
                break;
            }
        }
        let text = &self.src[start..self.i];
        let kind = if KEYWORDS.contains(&text) {
            TokKind::Keyword
        } else {
            TokKind::Ident
        };
        self.nlsemi = kind == TokKind::Ident
            || matches!(text, "break" | "continue" | "fallthrough" | "return");
        self.push(kind, start, pos, LitValue::None, None);
    }

    /// Scans digits of `base` (decimal digits are accepted for bases below 10 and the first one
    /// out of range is remembered, as Go does). Returns bit 0: a digit was seen, bit 1: a `_`.
    fn digits(&mut self, base: u32, invalid: &mut Option<(char, usize)>) -> u8 {
        let mut ds = 0u8;
        loop {
            let c = self.peek();
            let ok = if base <= 10 {
                c.is_ascii_digit()
            } else {
                c.is_ascii_hexdigit()
            };
            if c == b'_' {
                ds |= 2;
            } else if ok {
                ds |= 1;
                if base < 10 && (c - b'0') as u32 >= base && invalid.is_none() {
                    *invalid = Some((c as char, self.i));
                }
            } else {
                return ds;
            }
            self.i += 1;
        }
    }

    /// Go's number scanner: prefixes, `_` separators, fractions, exponents, imaginary suffix.
    fn number(&mut self, start: usize, pos: Pos) {
        let mut base = 10u32;
        let mut prefix = 0u8;
        let mut digsep = 0u8;
        let mut invalid = None;
        let mut kind = TokKind::Int;
        let mut err: Option<String> = None;
        if self.peek() != b'.' {
            if self.peek() == b'0' {
                self.i += 1;
                match self.peek().to_ascii_lowercase() {
                    b'x' => {
                        self.i += 1;
                        base = 16;
                        prefix = b'x';
                    }
                    b'o' => {
                        self.i += 1;
                        base = 8;
                        prefix = b'o';
                    }
                    b'b' => {
                        self.i += 1;
                        base = 2;
                        prefix = b'b';
                    }
                    _ => {
                        base = 8;
                        prefix = b'0';
                        digsep = 1; // the leading 0
                    }
                }
            }
            digsep |= self.digits(base, &mut invalid);
            if self.peek() == b'.' && err.is_none() && matches!(prefix, b'o' | b'b') {
                err = Some(format!("invalid radix point in {}", litname(prefix)));
                self.err_at = Some(self.i);
            }
        }
        if self.peek() == b'.' {
            kind = TokKind::Float;
            self.i += 1;
            digsep |= self.digits(base, &mut invalid);
        }
        if digsep & 1 == 0 && err.is_none() {
            err = Some(format!("{} has no digits", litname(prefix)));
            self.err_at = Some(self.i);
        }
        let e = self.peek().to_ascii_lowercase();
        if e == b'e' || e == b'p' {
            if err.is_none() {
                self.err_at = Some(self.i);
                if e == b'e' && prefix != 0 && prefix != b'0' {
                    err = Some(format!(
                        "'{}' exponent requires decimal mantissa",
                        self.peek() as char
                    ));
                } else if e == b'p' && prefix != b'x' {
                    err = Some(format!(
                        "'{}' exponent requires hexadecimal mantissa",
                        self.peek() as char
                    ));
                }
            }
            self.i += 1;
            kind = TokKind::Float;
            if matches!(self.peek(), b'+' | b'-') {
                self.i += 1;
            }
            let ds = self.digits(10, &mut None);
            digsep |= ds;
            if ds & 1 == 0 && err.is_none() {
                err = Some("exponent has no digits".to_string());
                self.err_at = Some(self.i);
            }
        } else if prefix == b'x' && kind == TokKind::Float && err.is_none() {
            err = Some("hexadecimal mantissa requires a 'p' exponent".to_string());
            self.err_at = Some(self.i);
        }
        // An imaginary literal's value is its mantissa's, read as that literal would be.
        let mantissa = kind;
        if self.peek() == b'i' {
            kind = TokKind::Imag;
            self.i += 1;
        }
        let text = &self.src[start..self.i];
        if err.is_none()
            && kind == TokKind::Int
            && let Some((d, at)) = invalid
        {
            err = Some(format!("invalid digit '{d}' in {}", litname(prefix)));
            self.err_at = Some(at);
        }
        if err.is_none()
            && digsep & 2 != 0
            && let Some(at) = invalid_sep(text)
        {
            err = Some("'_' must separate successive digits".to_string());
            self.err_at = Some(start + at);
        }
        let mut value = LitValue::None;
        if err.is_none() {
            let clean: String = text.chars().filter(|&c| c != '_').collect();
            match kind {
                TokKind::Int => {
                    let (digits, radix) = match prefix {
                        b'x' | b'o' | b'b' => (&clean[2..], base),
                        b'0' => (&clean[..], 8),
                        _ => (&clean[..], 10),
                    };
                    match u64::from_str_radix(digits, radix) {
                        Ok(v) => value = LitValue::Int(v),
                        Err(_) => {
                            err = Some(format!(
                                "integer constant {text} is too large for golite (the maximum is 18446744073709551615)"
                            ))
                        }
                    }
                }
                TokKind::Float => {
                    let v = if prefix == b'x' {
                        hex_float(&clean[2..])
                    } else {
                        clean.parse::<f64>().ok()
                    };
                    match v {
                        Some(v) if v.is_finite() => value = LitValue::Float(v),
                        _ => err = Some(format!("floating-point constant {text} overflows")),
                    }
                }
                TokKind::Imag => match imag_value(&clean[..clean.len() - 1], prefix, mantissa) {
                    Some(v) if v.is_finite() => value = LitValue::Imag(v),
                    _ => err = Some(format!("complex constant {text} overflows")),
                },
                _ => {}
            }
        }
        self.nlsemi = true;
        self.push(kind, start, pos, value, err);
    }

    /// Decodes one escape sequence after `\` inside a literal quoted with `quote`. Pushes the
    /// bytes it stands for. Returns an error in Go's words.
    fn escape(&mut self, quote: u8, buf: &mut Vec<u8>, in_rune: bool) -> Result<(), String> {
        let r = self.escape_inner(quote, buf, in_rune);
        if r.is_err() && self.err_at.is_none() {
            self.err_at = Some(self.i);
        }
        r
    }

    fn escape_inner(&mut self, quote: u8, buf: &mut Vec<u8>, in_rune: bool) -> Result<(), String> {
        let c = self.peek();
        let simple = match c {
            b'a' => Some(7u8),
            b'b' => Some(8),
            b'f' => Some(12),
            b'n' => Some(b'\n'),
            b'r' => Some(b'\r'),
            b't' => Some(b'\t'),
            b'v' => Some(11),
            b'\\' => Some(b'\\'),
            _ if c == quote => Some(quote),
            _ => None,
        };
        if let Some(b) = simple {
            self.i += 1;
            buf.push(b);
            return Ok(());
        }
        let (n, base, max, bytewise) = match c {
            b'0'..=b'7' => (3, 8, 255u32, true),
            b'x' => {
                self.i += 1;
                (2, 16, 255, true)
            }
            b'u' => {
                self.i += 1;
                (4, 16, 0x10ffff, false)
            }
            b'U' => {
                self.i += 1;
                (8, 16, 0x10ffff, false)
            }
            0 if self.at_end() => return Err("escape sequence not terminated".to_string()),
            _ => {
                self.err_at = Some(self.i);
                return Err("unknown escape".to_string());
            }
        };
        let mut x: u32 = 0;
        for _ in 0..n {
            let d = self.peek();
            let v = (d as char).to_digit(base);
            match v {
                Some(v) => {
                    x = x.wrapping_mul(base).wrapping_add(v);
                    self.i += 1;
                }
                None => {
                    if self.at_end() {
                        return Err("escape sequence not terminated".to_string());
                    }
                    return Err(format!(
                        "invalid character {:?} in {} escape",
                        d as char,
                        if base == 8 { "octal" } else { "hexadecimal" }
                    ));
                }
            }
        }
        if x > max && base == 8 {
            return Err(format!("octal escape value {x} > 255"));
        }
        if x > max || (0xd800..0xe000).contains(&x) {
            return Err(format!("escape is invalid Unicode code point U+{x:04X}"));
        }
        if bytewise && !in_rune {
            buf.push(x as u8);
        } else if let Some(ch) = char::from_u32(x) {
            let mut tmp = [0u8; 4];
            buf.extend_from_slice(ch.encode_utf8(&mut tmp).as_bytes());
        }
        Ok(())
    }

    fn string(&mut self, start: usize, pos: Pos) {
        self.i += 1;
        let mut buf = Vec::new();
        let mut err = None;
        loop {
            if self.at_end() {
                if err.is_none() {
                    self.err_at = Some(start);
                }
                err.get_or_insert_with(|| "string not terminated".to_string());
                break;
            }
            let c = self.peek();
            if c == b'"' {
                self.i += 1;
                break;
            }
            if c == b'\n' {
                err = Some("newline in string".to_string());
                self.err_at = Some(start);
                break;
            }
            if c == b'\\' {
                self.i += 1;
                if let Err(e) = self.escape(b'"', &mut buf, false) {
                    err.get_or_insert(e);
                }
                continue;
            }
            let before = self.i;
            self.bump_char();
            buf.extend_from_slice(&self.bytes[before..self.i]);
        }
        let value = self.string_value(buf, &mut err);
        self.nlsemi = true;
        self.push(TokKind::Str, start, pos, value, err);
    }

    fn string_value(&self, buf: Vec<u8>, err: &mut Option<String>) -> LitValue {
        if err.is_some() {
            return LitValue::None;
        }
        match String::from_utf8(buf) {
            Ok(s) => LitValue::Str(s),
            Err(_) => {
                *err = Some(
                    "string literal with non-UTF-8 bytes is outside the golite subset".to_string(),
                );
                LitValue::None
            }
        }
    }

    fn raw_string(&mut self, start: usize, pos: Pos) {
        self.i += 1;
        let mut err = None;
        let body_start = self.i;
        loop {
            if self.at_end() {
                err = Some("string not terminated".to_string());
                break;
            }
            if self.peek() == b'`' {
                break;
            }
            self.bump_char();
        }
        let body: String = self.src[body_start..self.i]
            .chars()
            .filter(|&c| c != '\r')
            .collect();
        if !self.at_end() {
            self.i += 1;
        }
        let value = if err.is_none() {
            LitValue::Str(body)
        } else {
            LitValue::None
        };
        self.nlsemi = true;
        self.push(TokKind::Str, start, pos, value, err);
    }

    fn rune(&mut self, start: usize, pos: Pos) {
        self.i += 1;
        let mut n = 0;
        let mut err: Option<String> = None;
        let mut value: Option<char> = None;
        loop {
            if self.at_end() || self.peek() == b'\n' {
                err.get_or_insert_with(|| "rune literal not terminated".to_string());
                break;
            }
            let c = self.peek();
            if c == b'\'' {
                self.i += 1;
                if n == 0 && err.is_none() {
                    self.err_at = Some(self.i - 1);
                    err = Some("empty rune literal or unescaped '".to_string());
                }
                break;
            }
            n += 1;
            if c == b'\\' {
                self.i += 1;
                let mut buf = Vec::new();
                match self.escape(b'\'', &mut buf, true) {
                    Ok(()) => {
                        value = std::str::from_utf8(&buf)
                            .ok()
                            .and_then(|s| s.chars().next())
                    }
                    Err(e) => {
                        err.get_or_insert(e);
                    }
                }
                continue;
            }
            value = self.cur_char();
            self.bump_char();
        }
        if n > 1 && err.is_none() {
            err = Some("more than one character in rune literal".to_string());
            self.err_at = Some(start);
        }
        let value = match (value, &err) {
            (Some(c), None) => LitValue::Rune(c),
            _ => LitValue::None,
        };
        self.nlsemi = true;
        self.push(TokKind::Rune, start, pos, value, err);
    }
}

fn litname(prefix: u8) -> &'static str {
    match prefix {
        b'x' => "hexadecimal literal",
        b'o' | b'0' => "octal literal",
        b'b' => "binary literal",
        _ => "decimal literal",
    }
}

/// Go's rule for `_` in numbers: each `_` must sit between two digits (or after a base prefix).
/// Returns the offset of the first misplaced `_`.
fn invalid_sep(x: &str) -> Option<usize> {
    let b = x.as_bytes();
    let mut x1 = b' ';
    let mut d = b'.';
    let mut i = 0;
    if b.len() >= 2 && b[0] == b'0' {
        x1 = b[1].to_ascii_lowercase();
        if matches!(x1, b'x' | b'o' | b'b') {
            d = b'0';
            i = 2;
        }
    }
    while i < b.len() {
        let p = d;
        d = b[i];
        if d == b'_' {
            if p != b'0' {
                return Some(i);
            }
        } else if d.is_ascii_digit() || (x1 == b'x' && d.is_ascii_hexdigit()) {
            d = b'0';
        } else {
            if p == b'_' {
                return Some(i - 1);
            }
            d = b'.';
        }
        i += 1;
    }
    (d == b'_').then(|| b.len() - 1)
}

/// Value of a hexadecimal float mantissa-and-exponent such as `1.8p3` (the `0x` removed).
/// The imaginary part of an imaginary literal, `digits` without its `i`. Go reads an integer
/// mantissa with a leading `0` as decimal there (`0123i` is `123i`), for backward compatibility.
fn imag_value(digits: &str, prefix: u8, mantissa: TokKind) -> Option<f64> {
    match (prefix, mantissa) {
        (b'x', TokKind::Float) => hex_float(&digits[2..]),
        (b'x' | b'o' | b'b', _) => {
            let radix = match prefix {
                b'x' => 16,
                b'o' => 8,
                _ => 2,
            };
            u128::from_str_radix(&digits[2..], radix)
                .ok()
                .map(|v| v as f64)
        }
        _ => digits.parse::<f64>().ok(),
    }
}

pub(crate) fn hex_float(s: &str) -> Option<f64> {
    let lower = s.to_ascii_lowercase();
    let (mant, exp) = lower.split_once('p')?;
    let exp: i32 = exp.parse().ok()?;
    let (int_part, frac_part) = mant.split_once('.').unwrap_or((mant, ""));
    let mut v = 0f64;
    for c in int_part.chars() {
        v = v * 16.0 + c.to_digit(16)? as f64;
    }
    let mut scale = 1.0 / 16.0;
    for c in frac_part.chars() {
        v += c.to_digit(16)? as f64 * scale;
        scale /= 16.0;
    }
    Some(v * 2f64.powi(exp))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(src: &str) -> Vec<(TokKind, String)> {
        lex(src)
            .into_iter()
            .map(|t| (t.kind, t.text.to_string()))
            .collect()
    }

    #[test]
    fn semicolon_inserted_after_ident_at_newline_but_not_after_operator() {
        let k = kinds("a +\nb\n");
        assert_eq!(
            k,
            vec![
                (TokKind::Ident, "a".into()),
                (TokKind::Op, "+".into()),
                (TokKind::Ident, "b".into()),
                (TokKind::Semi, "\n".into()),
                (TokKind::Eof, "".into()),
            ]
        );
    }

    #[test]
    fn semicolon_inserted_at_eof_after_closing_brace() {
        let k = kinds("}");
        assert_eq!(k[1], (TokKind::Semi, "".into()));
    }

    #[test]
    fn multi_line_block_comment_acts_as_newline() {
        let k = kinds("x /* a\nb */ y");
        assert_eq!(k[1].0, TokKind::Semi);
        assert_eq!(k[2].0, TokKind::Comment);
    }

    #[test]
    fn integer_literals_in_every_base_with_separators() {
        let vals: Vec<LitValue> = lex("1_000 0x_FF 0o17 017 0b1010 0")
            .into_iter()
            .filter(|t| t.kind == TokKind::Int)
            .map(|t| t.value)
            .collect();
        assert_eq!(
            vals,
            vec![
                LitValue::Int(1000),
                LitValue::Int(255),
                LitValue::Int(15),
                LitValue::Int(15),
                LitValue::Int(10),
                LitValue::Int(0)
            ]
        );
    }

    #[test]
    fn float_literals_decimal_and_hex() {
        let vals: Vec<LitValue> = lex("1.5 .25 1e3 2. 0x1p-2 1_0.5")
            .into_iter()
            .filter(|t| t.kind == TokKind::Float)
            .map(|t| t.value)
            .collect();
        assert_eq!(
            vals,
            vec![
                LitValue::Float(1.5),
                LitValue::Float(0.25),
                LitValue::Float(1000.0),
                LitValue::Float(2.0),
                LitValue::Float(0.25),
                LitValue::Float(10.5)
            ]
        );
    }

    #[test]
    fn number_errors_use_go_wording() {
        let errs: Vec<Option<String>> = lex("1_ 0x 09 0b12 1e")
            .into_iter()
            .filter(|t| matches!(t.kind, TokKind::Int | TokKind::Float))
            .map(|t| t.error)
            .collect();
        assert_eq!(
            errs,
            vec![
                Some("'_' must separate successive digits".to_string()),
                Some("hexadecimal literal has no digits".to_string()),
                Some("invalid digit '9' in octal literal".to_string()),
                Some("invalid digit '2' in binary literal".to_string()),
                Some("exponent has no digits".to_string()),
            ]
        );
    }

    #[test]
    fn imaginary_literal_is_its_own_kind() {
        assert_eq!(kinds("3i")[0].0, TokKind::Imag);
        let imag = |src: &str| lex(src).first().map(|t| t.value.clone());
        assert_eq!(imag("0123i"), Some(LitValue::Imag(123.0)));
        assert_eq!(imag("0x1p-2i"), Some(LitValue::Imag(0.25)));
        assert_eq!(imag("0o17i"), Some(LitValue::Imag(15.0)));
        assert_eq!(imag("0b101i"), Some(LitValue::Imag(5.0)));
        assert_eq!(imag("1_000.5e1i"), Some(LitValue::Imag(10005.0)));
        assert_eq!(imag(".5i"), Some(LitValue::Imag(0.5)));
    }

    #[test]
    fn string_escapes_are_decoded() {
        let t = &lex(r#""a\tb\n\x41\u00e9\101\"""#)[0];
        assert_eq!(t.value, LitValue::Str("a\tb\nA\u{e9}A\"".to_string()));
    }

    #[test]
    fn raw_string_keeps_backslashes_and_drops_carriage_returns() {
        let t = &lex("`a\\n\r\nb`")[0];
        assert_eq!(t.value, LitValue::Str("a\\n\nb".to_string()));
    }

    #[test]
    fn rune_literals_decode_escapes() {
        let vals: Vec<LitValue> = lex(r"'a' '\n' '\'' '\x41' '世'")
            .into_iter()
            .filter(|t| t.kind == TokKind::Rune)
            .map(|t| t.value)
            .collect();
        assert_eq!(
            vals,
            vec![
                LitValue::Rune('a'),
                LitValue::Rune('\n'),
                LitValue::Rune('\''),
                LitValue::Rune('A'),
                LitValue::Rune('世')
            ]
        );
    }

    #[test]
    fn rune_with_two_characters_is_an_error() {
        assert_eq!(
            lex("'ab'")[0].error.as_deref(),
            Some("more than one character in rune literal")
        );
    }

    #[test]
    fn newline_in_string_is_an_error() {
        assert_eq!(
            lex("\"abc\n")[0].error.as_deref(),
            Some("newline in string")
        );
    }

    #[test]
    fn invalid_character_named_like_go() {
        let t = &lex("@")[0];
        assert_eq!(t.kind, TokKind::Invalid);
        assert_eq!(t.error.as_deref(), Some("invalid character U+0040 '@'"));
    }

    #[test]
    fn positions_are_one_based_line_and_byte_column() {
        let toks = lex("a\n\tbc");
        assert_eq!(toks[2].pos, Pos::new(2, 2));
    }

    #[test]
    fn comment_own_line_flag() {
        let toks = lex("// doc\nx // trailing\n");
        assert!(toks[0].own_line);
        assert!(!toks[2].own_line);
    }

    #[test]
    fn operators_match_longest_first() {
        let ops: Vec<String> = kinds("a &^= b <- c ...")
            .into_iter()
            .filter(|(k, _)| *k == TokKind::Op)
            .map(|(_, t)| t)
            .collect();
        assert_eq!(ops, vec!["&^=", "<-", "..."]);
    }
}
