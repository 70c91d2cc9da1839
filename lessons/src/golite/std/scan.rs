//! The scanning half of Go's `fmt` (`Sscan`, `Sscanln`, `Sscanf` and the `Fscan*`/`Scan*`
//! built on them): the rules of Go's `fmt/scan.go` (Copyright 2010 The Go Authors, BSD license,
//! see Go's LICENSE), restated in Rust over a whole string. std/fmt.rs hands it the input and
//! what each operand points to, and stores the values it returns; a Go wrapper compiled at each
//! call turns its error kinds into `io.EOF` and `io.ErrUnexpectedEOF` themselves, so
//! `err == io.EOF` holds as in Go.
//!
//! Every step reads at most one rune of the input (or of the format), so a call costs time in
//! proportion to their lengths, whatever the widths (`%999999999d` is Go's `hugeWid` cap).

use super::strconv::{NumErr, parse_float, parse_int, parse_uint};
use crate::golite::types::IntKind;

/// What an operand points to, as fmt's type switch and its reflect fallback see it.
#[derive(Clone, Debug)]
pub(super) enum Target {
    Bool,
    Int(IntKind),
    /// `exact`: `*float32`/`*float64` themselves (their verbs are checked); a named float type
    /// goes through Go's reflect path, which checks none.
    Float {
        bits: u32,
        exact: bool,
    },
    Complex(u32),
    Str,
    Bytes,
    /// `can't scan type: *T` (its pointer type's name).
    CantScan(String),
    /// `type not a pointer: T`.
    NotPointer(String),
    /// A nil interface: Go's reflect panics on it.
    Nil,
}

/// A scanned value, to be stored through its operand.
#[derive(Clone, Debug)]
pub(super) enum Scanned {
    Bool(bool),
    Int(i64),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
}

/// Why scanning stopped: `io.EOF`, `io.ErrUnexpectedEOF`, or an error with this text.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum ScanErr {
    Eof,
    UnexpectedEof,
    Msg(String),
    /// Not an error but a panic with this text (a nil operand).
    Panic(&'static str),
}

/// Which of fmt's scanning functions.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Mode {
    /// `Sscan`: newlines count as space.
    Space,
    /// `Sscanln`: a newline ends the input.
    Line,
    /// `Sscanf`: newlines must match the format's.
    Format,
}

/// The outcome of one call: the values of the first operands (as many as Go's `n`), the bytes
/// of input consumed (a `*strings.Reader` moves on by that many), and the error. `starved`:
/// the scan wanted a rune past an input that may go on, so it must be run again on more (its
/// error means nothing then, and `values` are only those done before).
pub(super) struct Outcome {
    pub values: Vec<Scanned>,
    pub consumed: usize,
    pub err: Option<ScanErr>,
    pub starved: bool,
}

/// Go's `hugeWid`: the width of an operand without one.
const HUGE_WID: usize = 1 << 30;

type Res<T> = Result<T, ScanErr>;

fn msg<T>(s: impl Into<String>) -> Res<T> {
    Err(ScanErr::Msg(s.into()))
}

/// Go's `isSpace`: Unicode white space as fmt's table lists it.
fn is_space(r: char) -> bool {
    matches!(r as u32,
        0x09..=0x0d | 0x20 | 0x85 | 0xa0 | 0x1680 | 0x2000..=0x200a | 0x2028 | 0x2029 | 0x202f
        | 0x205f | 0x3000)
}

const BINARY: &str = "01";
const OCTAL: &str = "01234567";
const DECIMAL: &str = "0123456789";
const HEX: &str = "0123456789aAbBcCdDeEfF";
const FLOAT_VERBS: &str = "beEfFgGv";

/// Go's `ss`: the input, where it is, and the limits of the operand being scanned.
struct Ss<'a> {
    src: &'a str,
    pos: usize,
    /// Bytes of the last rune read (for `unread`).
    last: usize,
    count: usize,
    at_eof: bool,
    nl_is_end: bool,
    nl_is_space: bool,
    arg_limit: usize,
    buf: String,
    /// The input may go on past `src` (a reader read a rune at a time).
    more: bool,
    starved: bool,
    /// Operands done so far, and how many were done when the scan first starved: those few
    /// are final (their tokens ended before the input did).
    done: usize,
    done_before_starving: usize,
}

impl Ss<'_> {
    /// Go's `ReadRune`: `None` at the end of the input, of the operand's width, or (Sscanln)
    /// after a newline.
    fn get(&mut self) -> Option<char> {
        if self.at_eof || self.count >= self.arg_limit {
            return None;
        }
        let Some(r) = self.src[self.pos..].chars().next() else {
            if self.more && !self.starved {
                self.starved = true;
                self.done_before_starving = self.done;
            }
            self.at_eof = true;
            return None;
        };
        self.last = r.len_utf8();
        self.pos += self.last;
        self.count += 1;
        if self.nl_is_end && r == '\n' {
            self.at_eof = true;
        }
        Some(r)
    }

    fn unread(&mut self) {
        self.pos -= self.last;
        self.last = 0;
        self.at_eof = false;
        self.count = self.count.saturating_sub(1);
    }

    fn must_get(&mut self) -> Res<char> {
        self.get().ok_or(ScanErr::UnexpectedEof)
    }

    fn skip_space(&mut self) -> Res<()> {
        while let Some(r) = self.get() {
            if r == '\r' && self.peek("\n") {
                continue;
            }
            if r == '\n' {
                if self.nl_is_space {
                    continue;
                }
                return msg("unexpected newline");
            }
            if !is_space(r) {
                self.unread();
                break;
            }
        }
        Ok(())
    }

    /// Go's `token`: the runes `f` accepts, after spaces when `skip`.
    fn token(&mut self, skip: bool, f: fn(char) -> bool) -> Res<String> {
        if skip {
            self.skip_space()?;
        }
        while let Some(r) = self.get() {
            if !f(r) {
                self.unread();
                break;
            }
            self.buf.push(r);
        }
        Ok(self.buf.clone())
    }

    /// Go's `consume`: the next rune if it is one of `ok` (kept in the token when `accept`).
    /// A refused rune is put back only when accepting, as in Go.
    fn consume(&mut self, ok: &str, accept: bool) -> bool {
        let Some(r) = self.get() else { return false };
        if ok.contains(r) {
            if accept {
                self.buf.push(r);
            }
            return true;
        }
        if accept {
            self.unread();
        }
        false
    }

    fn peek(&mut self, ok: &str) -> bool {
        match self.get() {
            Some(r) => {
                self.unread();
                ok.contains(r)
            }
            None => false,
        }
    }

    fn not_eof(&mut self) -> Res<()> {
        if self.get().is_none() {
            return Err(ScanErr::Eof);
        }
        self.unread();
        Ok(())
    }

    fn accept(&mut self, ok: &str) -> bool {
        self.consume(ok, true)
    }

    fn ok_verb(verb: char, ok: &str, typ: &str) -> Res<()> {
        if ok.contains(verb) {
            Ok(())
        } else {
            msg(format!("bad verb '%{verb}' for {typ}"))
        }
    }

    fn scan_bool(&mut self, verb: char) -> Res<bool> {
        self.skip_space()?;
        self.not_eof()?;
        Self::ok_verb(verb, "tv", "boolean")?;
        const BAD: &str = "syntax error scanning boolean";
        Ok(match self.get() {
            Some('1') => true,
            Some('t' | 'T') => {
                if self.accept("rR") && (!self.accept("uU") || !self.accept("eE")) {
                    return msg(BAD);
                }
                true
            }
            Some('f' | 'F') => {
                if self.accept("aA")
                    && (!self.accept("lL") || !self.accept("sS") || !self.accept("eE"))
                {
                    return msg(BAD);
                }
                false
            }
            _ => false,
        })
    }

    fn get_base(verb: char) -> Res<(i64, &'static str)> {
        Self::ok_verb(verb, "bdoUxXv", "integer")?;
        Ok(match verb {
            'b' => (2, BINARY),
            'o' => (8, OCTAL),
            'x' | 'X' | 'U' => (16, HEX),
            _ => (10, DECIMAL),
        })
    }

    fn scan_number(&mut self, digits: &str, have_digits: bool) -> Res<String> {
        if !have_digits {
            self.not_eof()?;
            if !self.accept(digits) {
                return msg("expected integer");
            }
        }
        while self.accept(digits) {}
        Ok(self.buf.clone())
    }

    fn scan_rune(&mut self, bits: u32) -> Res<i64> {
        self.not_eof()?;
        let r = self.get().map_or(-1, |c| c as i64);
        let n = 64 - bits;
        if (r << n) >> n != r {
            let c = char::from_u32(r as u32).unwrap_or('\u{fffd}');
            return msg(format!("overflow on character value {c}"));
        }
        Ok(r)
    }

    /// Go's `scanBasePrefix`: the digits a `%v` integer may use after its prefix.
    fn scan_base_prefix(&mut self) -> (i64, &'static str, bool) {
        if !self.peek("0") {
            return (0, "0123456789_", false);
        }
        self.accept("0");
        if self.peek("bB") {
            self.consume("bB", true);
            (0, "01_", true)
        } else if self.peek("oO") {
            self.consume("oO", true);
            (0, "01234567_", true)
        } else if self.peek("xX") {
            self.consume("xX", true);
            (0, "0123456789aAbBcCdDeEfF_", true)
        } else {
            (0, "01234567_", true)
        }
    }

    fn scan_int(&mut self, verb: char, bits: u32, unsigned: bool) -> Res<i64> {
        if verb == 'c' {
            return self.scan_rune(bits);
        }
        self.skip_space()?;
        self.not_eof()?;
        let (mut base, mut digits) = Self::get_base(verb)?;
        let mut have = false;
        if verb == 'U' {
            if !self.consume("U", false) || !self.consume("+", false) {
                return msg("bad unicode format ");
            }
        } else {
            if !unsigned {
                self.accept("+-");
            }
            if verb == 'v' {
                (base, digits, have) = self.scan_base_prefix();
            }
        }
        let tok = self.scan_number(digits, have)?;
        let shift = 64 - bits;
        if unsigned {
            let i = parse_uint(&tok, base, 64).map_err(|(_, e)| num_err("ParseUint", &tok, &e))?;
            if (i << shift) >> shift != i {
                return msg(format!("unsigned integer overflow on token {tok}"));
            }
            Ok(i as i64)
        } else {
            let i = parse_int(&tok, base, 64).map_err(|(_, e)| num_err("ParseInt", &tok, &e))?;
            if (i << shift) >> shift != i {
                return msg(format!("integer overflow on token {tok}"));
            }
            Ok(i)
        }
    }

    fn float_token(&mut self) -> String {
        self.buf.clear();
        if self.accept("nN") && self.accept("aA") && self.accept("nN") {
            return self.buf.clone();
        }
        self.accept("+-");
        if self.accept("iI") && self.accept("nN") && self.accept("fF") {
            return self.buf.clone();
        }
        let mut digits = "0123456789_";
        let mut exp = "eEpP";
        if self.accept("0") && self.accept("xX") {
            digits = "0123456789aAbBcCdDeEfF_";
            exp = "pP";
        }
        while self.accept(digits) {}
        if self.accept(".") {
            while self.accept(digits) {}
        }
        if self.accept(exp) {
            self.accept("+-");
            while self.accept("0123456789_") {}
        }
        self.buf.clone()
    }

    fn complex_tokens(&mut self) -> Res<(String, String)> {
        const BAD: &str = "syntax error scanning complex number";
        let parens = self.accept("(");
        let re = self.float_token();
        self.buf.clear();
        if !self.accept("+-") {
            return msg(BAD);
        }
        let sign = self.buf.clone();
        let im = self.float_token();
        if !self.accept("i") {
            return msg(BAD);
        }
        if parens && !self.accept(")") {
            return msg(BAD);
        }
        Ok((re, sign + &im))
    }

    /// Go's `convertString`, as bytes: `%x` may make bytes that are no UTF-8, which a
    /// `[]byte` keeps (a string reads them as U+FFFD: golite strings are UTF-8).
    fn convert_string(&mut self, verb: char) -> Res<Vec<u8>> {
        Self::ok_verb(verb, "svqxX", "string")?;
        self.skip_space()?;
        self.not_eof()?;
        match verb {
            'q' => self.quoted_string().map(String::into_bytes),
            'x' | 'X' => self.hex_string(),
            _ => self.token(true, |r| !is_space(r)).map(String::into_bytes),
        }
    }

    fn quoted_string(&mut self) -> Res<String> {
        self.not_eof()?;
        match self.get() {
            Some('`') => loop {
                let r = self.must_get()?;
                if r == '`' {
                    return Ok(self.buf.clone());
                }
                self.buf.push(r);
            },
            Some('"') => {
                self.buf.push('"');
                loop {
                    let r = self.must_get()?;
                    self.buf.push(r);
                    if r == '\\' {
                        let r = self.must_get()?;
                        self.buf.push(r);
                    } else if r == '"' {
                        break;
                    }
                }
                super::strconv::unquote(&self.buf)
                    .ok_or_else(|| ScanErr::Msg("invalid syntax".into()))
            }
            _ => msg("expected quoted string"),
        }
    }

    fn hex_string(&mut self) -> Res<Vec<u8>> {
        self.not_eof()?;
        let mut out = Vec::new();
        while let Some(r1) = self.get() {
            let Some(v1) = r1.to_digit(16) else {
                self.unread();
                break;
            };
            let r2 = self.must_get()?;
            let Some(v2) = r2.to_digit(16) else {
                return msg("illegal hex digit");
            };
            out.push((v1 << 4 | v2) as u8);
        }
        if out.is_empty() {
            return msg("no hex data for %x string");
        }
        Ok(out)
    }

    fn scan_float(&mut self, bits: u32) -> Res<f64> {
        self.skip_space()?;
        self.not_eof()?;
        let tok = self.float_token();
        convert_float(&tok, bits)
    }

    fn scan_complex(&mut self, verb: char, bits: u32) -> Res<(f64, f64)> {
        Self::ok_verb(verb, FLOAT_VERBS, "complex")?;
        self.skip_space()?;
        self.not_eof()?;
        let (re, im) = self.complex_tokens()?;
        Ok((convert_float(&re, bits / 2)?, convert_float(&im, bits / 2)?))
    }

    /// Go's `scanOne`.
    fn scan_one(&mut self, verb: char, target: &Target) -> Res<Scanned> {
        self.buf.clear();
        Ok(match target {
            Target::Bool => Scanned::Bool(self.scan_bool(verb)?),
            Target::Int(k) => Scanned::Int(self.scan_int(verb, k.bits(), k.unsigned())?),
            Target::Float { bits, exact } => {
                if *exact {
                    Self::ok_verb(verb, FLOAT_VERBS, &format!("float{bits}"))?;
                }
                Scanned::Float(self.scan_float(*bits)?)
            }
            Target::Complex(bits) => {
                let (re, im) = self.scan_complex(verb, *bits)?;
                Scanned::Complex(re, im)
            }
            Target::Str => {
                Scanned::Str(String::from_utf8_lossy(&self.convert_string(verb)?).into_owned())
            }
            Target::Bytes => Scanned::Bytes(self.convert_string(verb)?),
            Target::CantScan(t) => return msg(format!("can't scan type: {t}")),
            Target::NotPointer(t) => return msg(format!("type not a pointer: {t}")),
            Target::Nil => {
                return Err(ScanErr::Panic(
                    "reflect: call of reflect.Value.Type on zero Value",
                ));
            }
        })
    }

    /// Go's `doScan` (Sscan, Sscanln).
    fn do_scan(&mut self, targets: &[Target], out: &mut Vec<Scanned>) -> Res<()> {
        for t in targets {
            out.push(self.scan_one('v', t)?);
            self.done = out.len();
        }
        if self.nl_is_end {
            while let Some(r) = self.get() {
                if r == '\n' {
                    break;
                }
                if !is_space(r) {
                    return msg("expected newline");
                }
            }
        }
        Ok(())
    }

    /// Go's `advance`: matches the format's text (spaces, newlines, `%%`) against the input up
    /// to the next verb. Returns the format bytes used, or `None` when a literal did not match.
    fn advance(&mut self, format: &str) -> Res<Option<usize>> {
        let mut i = 0;
        while i < format.len() {
            let mut c = format[i..].chars().next().unwrap_or('\0');
            if is_space(c) {
                let mut newlines = 0;
                let mut trailing = false;
                while is_space(c) && i < format.len() {
                    if c == '\n' {
                        newlines += 1;
                        trailing = false;
                    } else {
                        trailing = true;
                    }
                    i += c.len_utf8();
                    // Go decodes past the end as U+FFFD, which is no space.
                    c = format[i..].chars().next().unwrap_or('\u{fffd}');
                }
                for _ in 0..newlines {
                    let mut r = self.get();
                    while r.is_some_and(|r| is_space(r) && r != '\n') {
                        r = self.get();
                    }
                    if r.is_some_and(|r| r != '\n') {
                        return msg("newline in format does not match input");
                    }
                }
                if trailing {
                    let mut r = self.get();
                    if newlines == 0 {
                        if r.is_some_and(|r| !is_space(r)) {
                            return msg("expected space in input to match format");
                        }
                        if r == Some('\n') {
                            return msg("newline in input does not match format");
                        }
                    }
                    while r.is_some_and(|r| is_space(r) && r != '\n') {
                        r = self.get();
                    }
                    if r.is_some() {
                        self.unread();
                    }
                }
                continue;
            }
            if c == '%' {
                if i + 1 == format.len() {
                    return msg("missing verb: % at end of format string");
                }
                if !format[i + 1..].starts_with('%') {
                    return Ok(Some(i));
                }
                i += 1;
            }
            let r = self.must_get()?;
            if r != c {
                self.unread();
                return Ok(None);
            }
            i += c.len_utf8();
        }
        Ok(Some(i))
    }

    /// Go's `doScanf`.
    fn do_scanf(&mut self, format: &str, targets: &[Target], out: &mut Vec<Scanned>) -> Res<()> {
        let end = format.len().saturating_sub(1);
        let mut i = 0;
        while i <= end && i < format.len() {
            let Some(rest) = format.get(i..) else {
                break;
            };
            let w = self.advance(rest)?;
            match w {
                Some(w) if w > 0 => {
                    i += w;
                    continue;
                }
                _ => {}
            }
            if format.as_bytes()[i] != b'%' {
                if w.is_none() {
                    return msg("input does not match format");
                }
                break;
            }
            i += 1;
            let (wid, present, ni) = parsenum(format, i, end);
            i = ni;
            let max_wid = if present { wid } else { HUGE_WID };
            // A width too long ends at the format's last byte, which may be inside a rune: Go
            // decodes that byte as U+FFFD.
            let (c, w) = match format.get(i..).map(|r| r.chars().next()) {
                Some(Some(c)) => (c, c.len_utf8()),
                Some(None) => break,
                None => ('\u{fffd}', 1),
            };
            let verb_at = i;
            i += w;
            if c != 'c' {
                self.skip_space()?;
            }
            if c == '%' {
                self.skip_space()?;
                self.not_eof()?;
                if !self.accept("%") {
                    return msg("missing literal %");
                }
                continue;
            }
            self.arg_limit = HUGE_WID.min(self.count.saturating_add(max_wid));
            let Some(t) = targets.get(out.len()) else {
                let rest = String::from_utf8_lossy(&format.as_bytes()[verb_at..]);
                return msg(format!("too few operands for format '%{rest}'"));
            };
            out.push(self.scan_one(c, t)?);
            self.done = out.len();
            self.arg_limit = HUGE_WID;
        }
        if out.len() < targets.len() {
            return msg("too many operands");
        }
        Ok(())
    }
}

/// Go's `parsenum`: a width of at most a million (past that, none, and the format ends).
fn parsenum(s: &str, start: usize, end: usize) -> (usize, bool, usize) {
    if start >= end {
        return (0, false, end);
    }
    let b = s.as_bytes();
    let (mut num, mut isnum, mut i) = (0usize, false, start);
    while i < end && b[i].is_ascii_digit() {
        if num > 1_000_000 {
            return (0, false, end);
        }
        num = num * 10 + usize::from(b[i] - b'0');
        isnum = true;
        i += 1;
    }
    (num, isnum, i)
}

fn num_err(func: &str, tok: &str, e: &NumErr) -> ScanErr {
    ScanErr::Msg(e.message(func, tok))
}

/// Go's `convertFloat`: a `p` exponent after decimal digits scales by a power of two.
fn convert_float(tok: &str, bits: u32) -> Res<f64> {
    // Only a lowercase `p`, as Go's `indexRune(str, 'p')`.
    if let Some(p) = tok.find('p')
        && !tok.contains(['x', 'X'])
    {
        let f = parse_float(&tok[..p], bits).map_err(|e| num_err("ParseFloat", tok, &e))?;
        let exp = &tok[p + 1..];
        let m = parse_int(exp, 10, 64)
            .map_err(|(_, e)| num_err("Atoi", tok, &e))?
            .clamp(i64::from(i32::MIN), i64::from(i32::MAX));
        return Ok(ldexp(f, m as i32));
    }
    parse_float(tok, bits).map_err(|e| num_err("ParseFloat", tok, &e))
}

/// `f * 2^e` without overflowing the intermediate power. Past ±2200 every finite `f` is
/// already 0 or ±Inf, so `e` is clamped there (`1p2147483647` takes three steps, not millions).
fn ldexp(mut f: f64, e: i32) -> f64 {
    let mut e = e.clamp(-2200, 2200);
    while e > 1000 {
        f *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        f *= 2f64.powi(-1000);
        e += 1000;
    }
    f * 2f64.powi(e)
}

/// Scans `input` as fmt's function `mode` does (`format` for Sscanf) into operands `targets`;
/// `more` when the input may go on past `input`.
pub(super) fn scan(
    input: &str,
    format: &str,
    mode: Mode,
    more: bool,
    targets: &[Target],
) -> Outcome {
    let mut ss = Ss {
        src: input,
        pos: 0,
        last: 0,
        count: 0,
        at_eof: false,
        nl_is_end: mode == Mode::Line,
        nl_is_space: mode == Mode::Space,
        arg_limit: HUGE_WID,
        buf: String::new(),
        more,
        starved: false,
        done: 0,
        done_before_starving: 0,
    };
    let mut values = Vec::new();
    let r = match mode {
        Mode::Format => ss.do_scanf(format, targets, &mut values),
        _ => ss.do_scan(targets, &mut values),
    };
    if ss.starved {
        values.truncate(ss.done_before_starving);
    }
    Outcome {
        values,
        consumed: ss.pos,
        err: r.err(),
        starved: ss.starved,
    }
}
