//! Go's `fmt` formatting engine (`Sprint`, `Sprintln`, `Sprintf`), independent of the
//! interpreter's value type.
//!
//! A value describes itself through [`FmtValue`] (its [`Kind`], its Go type name, and its `Error()`
//! / `String()` results if it has those methods); the printer follows `fmt/print.go` and
//! `fmt/format.go` rule by rule: verbs, flags, width and precision, `%!verb(type=value)` for a
//! wrong type, `%!v(MISSING)`, `%!(EXTRA ...)`, maps printed with sorted keys, `&{...}` for a
//! pointer to a struct at top level, and methods called only where Go calls them (not on
//! unexported struct fields, not while reporting a bad verb, not for `%#v`).
//! Not supported: explicit argument indexes (`%[1]d`), `GoStringer`, `Formatter`, complex numbers.

use std::borrow::Cow;
use std::cmp::Ordering;

/// A value as `fmt` sees it.
pub(crate) trait FmtValue {
    /// The value's shape. For an interface holding a value, describe the dynamic value; for a
    /// nil interface, [`Kind::Nil`].
    fn kind(&self) -> Kind<'_>;
    /// The type as `%T` prints it: `int`, `main.Point`, `*main.Point`, `[]string`,
    /// `map[string]int`, `chan int`, `func()`, `*errors.errorString`; for a nil interface nested in
    /// a struct, the interface's static type (`error`, `interface {}`).
    fn type_name(&self) -> String;
    /// `Error()`, if the value's method set has it.
    fn error(&self) -> Option<String> {
        None
    }
    /// `String()`, if the value's method set has it (and it is not an error).
    fn string(&self) -> Option<String> {
        None
    }
}

/// A child value, borrowed or built on the fly.
/// Borrowed from the value tree: no allocation per element of a million-element slice.
pub(crate) type Child<'a> = &'a dyn FmtValue;

/// The shape of a value.
pub(crate) enum Kind<'a> {
    /// A nil interface (an untyped `nil` argument, or a nil interface field).
    Nil,
    /// `bool`.
    Bool(bool),
    /// Any signed integer type.
    Int(i64),
    /// Any unsigned integer type (`uint8`/`byte`, `uintptr`, ...).
    Uint(u64),
    /// `float32` (printed with float32's shortest representation).
    Float32(f32),
    /// `float64`.
    Float64(f64),
    /// `complex64` (parts printed as float32s) or `complex128`: real part, imaginary part,
    /// and the size in bits (64 or 128).
    Complex(f64, f64, u32),
    /// `string`.
    Str(Cow<'a, str>),
    /// A `[]byte` (or `[N]byte` when `array`), which `%s`, `%q`, `%x` print as text.
    Bytes {
        /// A nil slice.
        nil: bool,
        /// An array rather than a slice.
        array: bool,
        /// The bytes.
        data: Cow<'a, [u8]>,
    },
    /// A pointer; `addr` 0 is nil. `elem` is the pointee (needed for `&{...}` at top level).
    Pointer {
        /// The address printed by `%p` and for nested pointers.
        addr: u64,
        /// The pointee, when not nil.
        elem: Option<Child<'a>>,
    },
    /// A struct: field names (embedded fields use their type's name) and values.
    Struct(Vec<(Cow<'a, str>, Child<'a>)>),
    /// A slice.
    Slice {
        /// A nil slice.
        nil: bool,
        /// Address of the first element, for `%p`.
        addr: u64,
        /// The elements.
        items: Vec<Child<'a>>,
    },
    /// An array.
    Array(Vec<Child<'a>>),
    /// A map (entries in any order: the printer sorts them like Go).
    Map {
        /// A nil map.
        nil: bool,
        /// Address for `%p`.
        addr: u64,
        /// Key-value pairs.
        entries: Vec<(Child<'a>, Child<'a>)>,
    },
    /// A channel (address; 0 for nil).
    Chan(u64),
    /// A function value (address; 0 for nil).
    Func(u64),
}

/// A Go type name as a value tree holds it: shared, since a million elements have one type.
pub(crate) type Name = std::rc::Rc<str>;

/// A ready-made owned value tree implementing [`FmtValue`], for callers that would rather
/// convert their values once than implement the trait (an interpreter converts a value with
/// its static type, calling `Error()`/`String()` methods up front where the type has them).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    /// A nil interface; the string is the static interface type when nested (`error`,
    /// `interface {}`), ignored at top level.
    Nil(Name),
    /// A bool and its type name (`bool`, or a defined type).
    Bool(bool, Name),
    /// A signed integer and its type name (`int`, `int64`, `main.State`, ...).
    Int(i64, Name),
    /// An unsigned integer and its type name.
    Uint(u64, Name),
    /// A float32 and its type name.
    F32(f32, Name),
    /// A float64 and its type name (`float64`, `main.Celsius`).
    F64(f64, Name),
    /// A complex64 (parts already float32) and its type name.
    C64(f32, f32, Name),
    /// A complex128 and its type name.
    C128(f64, f64, Name),
    /// A string and its type name.
    Str(String, Name),
    /// A `[]byte`; `None` is a nil slice.
    Bytes(Option<Vec<u8>>),
    /// A byte array (`[32]byte`): its type name and bytes (`%x` prints them as hex, as Go's
    /// printValue does for any array of bytes).
    ByteArray(Name, Vec<u8>),
    /// A pointer: type name, address (0 = nil) and pointee.
    Ptr(Name, u64, Option<Box<Val>>),
    /// A struct: type name and (field name, value) pairs.
    Struct(Name, Vec<(String, Val)>),
    /// A slice: type name, address, elements (`None` = nil slice).
    Slice(Name, u64, Option<Vec<Val>>),
    /// An array: type name and elements.
    Array(Name, Vec<Val>),
    /// A map: type name, address, entries (`None` = nil map), in any order.
    Map(Name, u64, Option<Vec<(Val, Val)>>),
    /// A channel: type name and address (0 = nil).
    Chan(Name, u64),
    /// A function value: type name and address (0 = nil).
    Func(Name, u64),
    /// A value whose type has `Error()` and/or `String()`, with their results.
    Methods {
        /// The value itself.
        inner: Box<Val>,
        /// `Error()`'s result, if the method set has it.
        error: Option<String>,
        /// `String()`'s result, if the method set has it.
        string: Option<String>,
    },
}

impl FmtValue for Val {
    fn kind(&self) -> Kind<'_> {
        fn child(v: &Val) -> Child<'_> {
            v
        }
        match self {
            Val::Nil(_) => Kind::Nil,
            Val::Bool(b, _) => Kind::Bool(*b),
            Val::Int(v, _) => Kind::Int(*v),
            Val::Uint(v, _) => Kind::Uint(*v),
            Val::F32(v, _) => Kind::Float32(*v),
            Val::F64(v, _) => Kind::Float64(*v),
            Val::C64(re, im, _) => Kind::Complex(f64::from(*re), f64::from(*im), 64),
            Val::C128(re, im, _) => Kind::Complex(*re, *im, 128),
            Val::Str(s, _) => Kind::Str(Cow::Borrowed(s)),
            Val::Bytes(b) => Kind::Bytes {
                nil: b.is_none(),
                array: false,
                data: Cow::Borrowed(b.as_deref().unwrap_or(&[])),
            },
            Val::ByteArray(_, b) => Kind::Bytes {
                nil: false,
                array: true,
                data: Cow::Borrowed(b),
            },
            Val::Ptr(_, addr, elem) => Kind::Pointer {
                addr: *addr,
                elem: elem.as_deref().map(child),
            },
            Val::Struct(_, fields) => Kind::Struct(
                fields
                    .iter()
                    .map(|(n, v)| (Cow::Borrowed(n.as_str()), child(v)))
                    .collect(),
            ),
            Val::Slice(_, addr, items) => Kind::Slice {
                nil: items.is_none(),
                addr: *addr,
                items: items.iter().flatten().map(child).collect(),
            },
            Val::Array(_, items) => Kind::Array(items.iter().map(child).collect()),
            Val::Map(_, addr, entries) => Kind::Map {
                nil: entries.is_none(),
                addr: *addr,
                entries: entries
                    .iter()
                    .flatten()
                    .map(|(k, v)| (child(k), child(v)))
                    .collect(),
            },
            Val::Chan(_, addr) => Kind::Chan(*addr),
            Val::Func(_, addr) => Kind::Func(*addr),
            Val::Methods { inner, .. } => inner.kind(),
        }
    }

    fn type_name(&self) -> String {
        match self {
            Val::Bytes(_) => "[]uint8".to_string(),
            Val::Bool(_, t)
            | Val::F32(_, t)
            | Val::F64(_, t)
            | Val::C64(_, _, t)
            | Val::C128(_, _, t)
            | Val::Nil(t)
            | Val::Int(_, t)
            | Val::Uint(_, t)
            | Val::Str(_, t)
            | Val::Ptr(t, ..)
            | Val::Struct(t, _)
            | Val::Slice(t, ..)
            | Val::Array(t, _)
            | Val::ByteArray(t, _)
            | Val::Map(t, ..)
            | Val::Chan(t, _)
            | Val::Func(t, _) => t.to_string(),
            Val::Methods { inner, .. } => inner.type_name(),
        }
    }

    fn error(&self) -> Option<String> {
        match self {
            Val::Methods { error, .. } => error.clone(),
            _ => None,
        }
    }

    fn string(&self) -> Option<String> {
        match self {
            Val::Methods { string, .. } => string.clone(),
            _ => None,
        }
    }
}

/// A borrowed value is a value.
impl<T: FmtValue + ?Sized> FmtValue for &T {
    fn kind(&self) -> Kind<'_> {
        (**self).kind()
    }
    fn type_name(&self) -> String {
        (**self).type_name()
    }
    fn error(&self) -> Option<String> {
        (**self).error()
    }
    fn string(&self) -> Option<String> {
        (**self).string()
    }
}

/// `fmt.Sprint`: operands printed with `%v`, a space between two operands when neither is a
/// string.
pub(crate) fn sprint(args: &[&dyn FmtValue]) -> String {
    let mut p = Printer::new(false);
    let mut prev_string = false;
    for (i, a) in args.iter().enumerate() {
        let is_string = matches!(a.kind(), Kind::Str(_));
        if i > 0 && !is_string && !prev_string {
            p.buf.push(' ');
        }
        p.print_arg(*a, 'v');
        prev_string = is_string;
    }
    p.buf
}

/// `fmt.Sprintln`: operands printed with `%v`, always space-separated, then a newline.
pub(crate) fn sprintln(args: &[&dyn FmtValue]) -> String {
    let mut p = Printer::new(false);
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            p.buf.push(' ');
        }
        p.print_arg(*a, 'v');
    }
    p.buf.push('\n');
    p.buf
}

/// `fmt.Sprintf`.
pub(crate) fn sprintf(format: &str, args: &[&dyn FmtValue]) -> String {
    let mut p = Printer::new(false);
    p.do_printf(format, args);
    p.buf
}

/// The message of `fmt.Errorf`: like [`sprintf`] but `%w` formats its operand like `%v`.
/// Returns the text and the indexes of the `%w` operands (the wrapped errors).
pub(crate) fn errorf(format: &str, args: &[&dyn FmtValue]) -> (String, Vec<usize>) {
    let mut p = Printer::new(true);
    p.do_printf(format, args);
    (p.buf, p.wrapped)
}

#[derive(Clone, Copy, Default)]
struct Flags {
    plus: bool,
    minus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    plus_v: bool,
    sharp_v: bool,
    wid: Option<usize>,
    prec: Option<usize>,
}

struct Printer {
    buf: String,
    f: Flags,
    /// Set while printing a bad verb's operand: methods are not called (Go's `erroring`).
    erroring: bool,
    /// Errorf mode: `%w` is accepted.
    wrap_ok: bool,
    wrapped: Vec<usize>,
    /// Digits of the integer being printed (see `fmt_integer`).
    scratch: Vec<u8>,
}

const LDIGITS: &[u8; 16] = b"0123456789abcdef";
const UDIGITS: &[u8; 16] = b"0123456789ABCDEF";

impl Printer {
    fn new(wrap_ok: bool) -> Self {
        Printer {
            buf: String::new(),
            f: Flags::default(),
            erroring: false,
            wrap_ok,
            wrapped: Vec::new(),
            scratch: Vec::new(),
        }
    }

    // ---- Printf parsing ---------------------------------------------------------------------

    fn do_printf(&mut self, format: &str, args: &[&dyn FmtValue]) {
        let b = format.as_bytes();
        let end = b.len();
        let mut arg_num = 0usize;
        let mut reordered = false;
        let mut i = 0usize;
        while i < end {
            let mut good_arg_num = true;
            let lasti = i;
            while i < end && b[i] != b'%' {
                i += 1;
            }
            if i > lasti {
                self.buf.push_str(&format[lasti..i]);
            }
            if i >= end {
                break;
            }
            i += 1; // %
            self.f = Flags::default();
            while i < end {
                match b[i] {
                    b'#' => self.f.sharp = true,
                    b'0' => self.f.zero = true,
                    b'+' => self.f.plus = true,
                    b'-' => self.f.minus = true,
                    b' ' => self.f.space = true,
                    _ => break,
                }
                i += 1;
            }
            // Explicit argument index, then width.
            let mut after_index;
            (arg_num, i, after_index) =
                arg_number(b, i, arg_num, args.len(), &mut reordered, &mut good_arg_num);
            if i < end && b[i] == b'*' {
                i += 1;
                match int_from_arg(args, &mut arg_num) {
                    Some(w) => {
                        if w < 0 {
                            self.f.minus = true;
                            self.f.zero = false;
                        }
                        self.f.wid = Some(w.unsigned_abs() as usize);
                    }
                    None => self.buf.push_str("%!(BADWIDTH)"),
                }
                after_index = false;
            } else {
                let (n, ni) = parse_num(b, i);
                self.f.wid = n;
                i = ni;
                if after_index && n.is_some() {
                    good_arg_num = false;
                }
            }
            // Precision.
            if i + 1 < end && b[i] == b'.' {
                i += 1;
                if after_index {
                    good_arg_num = false;
                }
                (arg_num, i, after_index) =
                    arg_number(b, i, arg_num, args.len(), &mut reordered, &mut good_arg_num);
                if i < end && b[i] == b'*' {
                    i += 1;
                    match int_from_arg(args, &mut arg_num) {
                        Some(p) if p >= 0 => self.f.prec = Some(p as usize),
                        Some(_) => self.f.prec = None,
                        None => self.buf.push_str("%!(BADPREC)"),
                    }
                    after_index = false;
                } else {
                    let (n, ni) = parse_num(b, i);
                    self.f.prec = Some(n.unwrap_or(0));
                    i = ni;
                }
            }
            if !after_index {
                (arg_num, i, _) =
                    arg_number(b, i, arg_num, args.len(), &mut reordered, &mut good_arg_num);
            }
            if i >= end {
                self.buf.push_str("%!(NOVERB)");
                break;
            }
            let verb = format[i..].chars().next().unwrap_or('?');
            i += verb.len_utf8();
            if verb == '%' {
                self.buf.push('%');
                continue;
            }
            if !good_arg_num {
                self.buf.push_str("%!");
                self.buf.push(verb);
                self.buf.push_str("(BADINDEX)");
                continue;
            }
            if arg_num >= args.len() {
                self.buf.push_str("%!");
                self.buf.push(verb);
                self.buf.push_str("(MISSING)");
                continue;
            }
            if verb == 'w' && self.wrap_ok && args[arg_num].error().is_some() {
                self.wrapped.push(arg_num);
            }
            if verb == 'v' || verb == 'w' {
                self.f.sharp_v = self.f.sharp;
                self.f.sharp = false;
                self.f.plus_v = self.f.plus;
                self.f.plus = false;
            }
            self.print_arg(args[arg_num], verb);
            arg_num += 1;
        }
        if !reordered && arg_num < args.len() {
            self.f = Flags::default();
            self.buf.push_str("%!(EXTRA ");
            for (k, a) in args[arg_num..].iter().enumerate() {
                if k > 0 {
                    self.buf.push_str(", ");
                }
                if matches!(a.kind(), Kind::Nil) {
                    self.buf.push_str("<nil>");
                } else {
                    self.buf.push_str(&a.type_name());
                    self.buf.push('=');
                    self.print_arg(*a, 'v');
                }
            }
            self.buf.push(')');
        }
    }

    // ---- operands ---------------------------------------------------------------------------

    fn print_arg(&mut self, a: &dyn FmtValue, verb: char) {
        let kind = a.kind();
        if let Kind::Nil = kind {
            match verb {
                'T' | 'v' => self.pad_str("<nil>"),
                _ => self.bad_verb(verb, None),
            }
            return;
        }
        match verb {
            'T' => {
                let t = a.type_name();
                self.fmt_s(&t);
                return;
            }
            'p' => {
                self.fmt_pointer(a, &kind, 'p');
                return;
            }
            _ => {}
        }
        if self.handle_methods(a, verb) {
            return;
        }
        self.print_value(a, kind, verb, 0, true);
    }

    /// Calls `Error()`/`String()` for the verbs where Go does.
    fn handle_methods(&mut self, a: &dyn FmtValue, verb: char) -> bool {
        if self.erroring {
            return false;
        }
        if verb == 'w' {
            // %w is valid only in Errorf and only for an error operand.
            match a.error() {
                Some(text) if self.wrap_ok => self.fmt_string(a, &text, 'v'),
                _ => self.bad_verb(verb, Some(a)),
            }
            return true;
        }
        if self.f.sharp_v || !matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') {
            return false;
        }
        let Some(text) = a.error().or_else(|| a.string()) else {
            return false;
        };
        self.fmt_string(a, &text, verb);
        true
    }

    /// Go's `printValue`. `can_iface` is false below unexported struct fields, where Go's
    /// reflection cannot call methods.
    fn print_value(
        &mut self,
        a: &dyn FmtValue,
        kind: Kind<'_>,
        verb: char,
        depth: usize,
        can_iface: bool,
    ) {
        if depth > 0 && can_iface && !matches!(kind, Kind::Nil) && self.handle_methods(a, verb) {
            return;
        }
        match kind {
            Kind::Nil => {
                if depth == 0 {
                    self.buf.push_str("<invalid reflect.Value>");
                } else if self.f.sharp_v {
                    self.buf.push_str(&a.type_name());
                    self.buf.push_str("(nil)");
                } else {
                    self.buf.push_str("<nil>");
                }
            }
            Kind::Bool(v) => match verb {
                't' | 'v' => self.pad_str(if v { "true" } else { "false" }),
                _ => self.bad_verb(verb, Some(a)),
            },
            Kind::Int(v) => self.fmt_int(a, v as u64, true, verb),
            Kind::Uint(v) => self.fmt_int(a, v, false, verb),
            Kind::Float32(v) => self.fmt_float(a, v as f64, 32, verb),
            Kind::Float64(v) => self.fmt_float(a, v, 64, verb),
            Kind::Complex(re, im, size) => self.fmt_complex(a, (re, im), size, verb),
            Kind::Str(s) => self.fmt_string(a, &s, verb),
            Kind::Bytes { nil, array, data } => {
                // Go's fast path names an unnamed top-level []byte "[]byte".
                let mut t = a.type_name();
                if depth == 0 && t == "[]uint8" {
                    t = "[]byte".to_string();
                }
                self.fmt_bytes(&t, nil, array, &data, verb)
            }
            Kind::Map { nil, entries, .. } => {
                if self.f.sharp_v {
                    self.buf.push_str(&a.type_name());
                    if nil {
                        self.buf.push_str("(nil)");
                        return;
                    }
                    self.buf.push('{');
                } else {
                    self.buf.push_str("map[");
                }
                let mut entries: Vec<(Child<'_>, Child<'_>)> = entries;
                entries.sort_by(|x, y| compare(&x.0.kind(), &y.0.kind()));
                for (i, (k, v)) in entries.iter().enumerate() {
                    if i > 0 {
                        self.sep();
                    }
                    self.print_value(&**k, k.kind(), verb, depth + 1, can_iface);
                    self.buf.push(':');
                    self.print_value(&**v, v.kind(), verb, depth + 1, can_iface);
                }
                self.buf.push(if self.f.sharp_v { '}' } else { ']' });
            }
            Kind::Struct(fields) => {
                if self.f.sharp_v {
                    self.buf.push_str(&a.type_name());
                }
                self.buf.push('{');
                for (i, (name, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        self.sep();
                    }
                    if (self.f.plus_v || self.f.sharp_v) && !name.is_empty() {
                        self.buf.push_str(name);
                        self.buf.push(':');
                    }
                    let exported = name.chars().next().is_some_and(char::is_uppercase);
                    self.print_value(&**v, v.kind(), verb, depth + 1, can_iface && exported);
                }
                self.buf.push('}');
            }
            Kind::Slice { nil, items, .. } => self.fmt_list(a, nil, &items, verb, depth, can_iface),
            Kind::Array(items) => self.fmt_list(a, false, &items, verb, depth, can_iface),
            Kind::Pointer { addr, elem } => {
                if depth == 0
                    && addr != 0
                    && let Some(e) = &elem
                {
                    let ek = e.kind();
                    if matches!(
                        ek,
                        Kind::Array(_)
                            | Kind::Slice { .. }
                            | Kind::Struct(_)
                            | Kind::Map { .. }
                            | Kind::Bytes { .. }
                    ) {
                        self.buf.push('&');
                        self.print_value(&**e, ek, verb, depth + 1, can_iface);
                        return;
                    }
                }
                let k = Kind::Pointer { addr, elem: None };
                self.fmt_pointer(a, &k, verb);
            }
            k @ (Kind::Chan(_) | Kind::Func(_)) => self.fmt_pointer(a, &k, verb),
        }
    }

    fn sep(&mut self) {
        if self.f.sharp_v {
            self.buf.push_str(", ");
        } else {
            self.buf.push(' ');
        }
    }

    fn fmt_list(
        &mut self,
        a: &dyn FmtValue,
        nil: bool,
        items: &[Child<'_>],
        verb: char,
        depth: usize,
        can_iface: bool,
    ) {
        if self.f.sharp_v {
            self.buf.push_str(&a.type_name());
            if nil {
                self.buf.push_str("(nil)");
                return;
            }
            self.buf.push('{');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    self.buf.push_str(", ");
                }
                self.print_value(&**v, v.kind(), verb, depth + 1, can_iface);
            }
            self.buf.push('}');
        } else {
            self.buf.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    self.buf.push(' ');
                }
                self.print_value(&**v, v.kind(), verb, depth + 1, can_iface);
            }
            self.buf.push(']');
        }
    }

    fn fmt_bytes(&mut self, type_name: &str, nil: bool, array: bool, data: &[u8], verb: char) {
        match verb {
            'v' | 'd' => {
                if self.f.sharp_v {
                    self.buf.push_str(type_name);
                    if nil && !array {
                        self.buf.push_str("(nil)");
                        return;
                    }
                    self.buf.push('{');
                    for (i, c) in data.iter().enumerate() {
                        if i > 0 {
                            self.buf.push_str(", ");
                        }
                        self.fmt_0x64(*c as u64, true);
                    }
                    self.buf.push('}');
                } else {
                    self.buf.push('[');
                    for (i, c) in data.iter().enumerate() {
                        if i > 0 {
                            self.buf.push(' ');
                        }
                        self.fmt_integer(*c as u64, 10, false, verb, LDIGITS);
                    }
                    self.buf.push(']');
                }
            }
            's' => {
                let s = String::from_utf8_lossy(data).into_owned();
                self.fmt_s(&s);
            }
            'x' => self.fmt_sbx(data, LDIGITS),
            'X' => self.fmt_sbx(data, UDIGITS),
            'q' => {
                let s = String::from_utf8_lossy(data).into_owned();
                self.fmt_q(&s);
            }
            _ => {
                self.buf.push('[');
                for (i, c) in data.iter().enumerate() {
                    if i > 0 {
                        self.buf.push(' ');
                    }
                    let v = Basic(Kind::Uint(*c as u64), "uint8");
                    self.fmt_int(&v, *c as u64, false, verb);
                }
                self.buf.push(']');
            }
        }
    }

    /// `%!verb(type=value)`, printing the value without calling its methods.
    fn bad_verb(&mut self, verb: char, a: Option<&dyn FmtValue>) {
        self.erroring = true;
        self.buf.push_str("%!");
        self.buf.push(verb);
        self.buf.push('(');
        match a {
            Some(a) if !matches!(a.kind(), Kind::Nil) => {
                self.buf.push_str(&a.type_name());
                self.buf.push('=');
                self.print_value(a, a.kind(), 'v', 0, true);
            }
            _ => self.buf.push_str("<nil>"),
        }
        self.buf.push(')');
        self.erroring = false;
    }

    fn fmt_pointer(&mut self, a: &dyn FmtValue, kind: &Kind<'_>, verb: char) {
        let u = match kind {
            Kind::Pointer { addr, .. } | Kind::Chan(addr) | Kind::Func(addr) => *addr,
            Kind::Map { addr, .. } | Kind::Slice { addr, .. } => *addr,
            _ => {
                self.bad_verb(verb, Some(a));
                return;
            }
        };
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.buf.push('(');
                    self.buf.push_str(&a.type_name());
                    self.buf.push_str(")(");
                    if u == 0 {
                        self.buf.push_str("nil");
                    } else {
                        self.fmt_0x64(u, true);
                    }
                    self.buf.push(')');
                } else if u == 0 {
                    self.pad_str("<nil>");
                } else {
                    let sharp = self.f.sharp;
                    self.fmt_0x64(u, !sharp);
                }
            }
            'p' => {
                let sharp = self.f.sharp;
                self.fmt_0x64(u, !sharp);
            }
            'b' | 'o' | 'd' | 'x' | 'X' => self.fmt_int(a, u, false, verb),
            _ => self.bad_verb(verb, Some(a)),
        }
    }

    // ---- basic kinds ------------------------------------------------------------------------

    fn fmt_int(&mut self, a: &dyn FmtValue, v: u64, signed: bool, verb: char) {
        match verb {
            'v' => {
                if self.f.sharp_v && !signed {
                    self.fmt_0x64(v, true);
                } else {
                    self.fmt_integer(v, 10, signed, verb, LDIGITS);
                }
            }
            'd' => self.fmt_integer(v, 10, signed, verb, LDIGITS),
            'b' => self.fmt_integer(v, 2, signed, verb, LDIGITS),
            'o' | 'O' => self.fmt_integer(v, 8, signed, verb, LDIGITS),
            'x' => self.fmt_integer(v, 16, signed, verb, LDIGITS),
            'X' => self.fmt_integer(v, 16, signed, verb, UDIGITS),
            'c' => {
                let r = char::from_u32(v as u32)
                    .filter(|_| v <= 0x10ffff)
                    .unwrap_or('\u{fffd}');
                let mut tmp = [0u8; 4];
                let s = r.encode_utf8(&mut tmp).to_string();
                self.pad_str(&s);
            }
            'q' => self.fmt_qc(v),
            'U' => self.fmt_unicode(v),
            _ => self.bad_verb(verb, Some(a)),
        }
    }

    fn fmt_0x64(&mut self, v: u64, leading0x: bool) {
        let sharp = self.f.sharp;
        self.f.sharp = leading0x;
        self.fmt_integer(v, 16, false, 'v', LDIGITS);
        self.f.sharp = sharp;
    }

    /// Go's `fmt.fmtInteger`.
    fn fmt_integer(&mut self, u: u64, base: u64, signed: bool, verb: char, digits: &[u8; 16]) {
        let negative = signed && (u as i64) < 0;
        let mut u = if negative {
            (u as i64).unsigned_abs()
        } else {
            u
        };
        let mut prec = 0usize;
        if let Some(p) = self.f.prec {
            prec = p;
            if p == 0 && u == 0 {
                let old = self.f.zero;
                self.f.zero = false;
                self.write_padding(self.f.wid.unwrap_or(0));
                self.f.zero = old;
                return;
            }
        } else if self.f.zero
            && !self.f.minus
            && let Some(w) = self.f.wid
        {
            prec = w;
            if negative || self.f.plus || self.f.space {
                prec = prec.saturating_sub(1);
            }
        }
        // The digits are built in a buffer the printer keeps: a million integers, one allocation.
        let mut out = std::mem::take(&mut self.scratch);
        out.clear();
        loop {
            out.push(digits[(u % base) as usize]);
            u /= base;
            if u == 0 {
                break;
            }
        }
        while out.len() < prec {
            out.push(b'0');
        }
        if self.f.sharp {
            match base {
                2 => out.extend_from_slice(b"b0"),
                8 if out.last() != Some(&b'0') => out.push(b'0'),
                16 => {
                    out.push(if digits[10] == b'a' { b'x' } else { b'X' });
                    out.push(b'0');
                }
                _ => {}
            }
        }
        if verb == 'O' {
            out.extend_from_slice(b"o0");
        }
        if negative {
            out.push(b'-');
        } else if self.f.plus {
            out.push(b'+');
        } else if self.f.space {
            out.push(b' ');
        }
        out.reverse();
        let old = self.f.zero;
        self.f.zero = false;
        self.pad_str(std::str::from_utf8(&out).unwrap_or_default());
        self.f.zero = old;
        self.scratch = out;
    }

    fn fmt_unicode(&mut self, u: u64) {
        let mut hex = format!("{u:X}");
        let prec = self.f.prec.unwrap_or(4).max(4);
        while hex.len() < prec {
            hex.insert(0, '0');
        }
        let mut s = format!("U+{hex}");
        if self.f.sharp
            && u <= 0x10ffff
            && let Some(c) = char::from_u32(u as u32)
            && is_print(c)
        {
            s.push_str(" '");
            s.push(c);
            s.push('\'');
        }
        let old = self.f.zero;
        self.f.zero = false;
        self.pad_str(&s);
        self.f.zero = old;
    }

    fn fmt_qc(&mut self, u: u64) {
        let r = char::from_u32(u as u32)
            .filter(|_| u <= 0x10ffff)
            .unwrap_or('\u{fffd}');
        if self.f.sharp && r != '\'' && can_backquote(&r.to_string()) {
            let s = format!("'{r}'");
            self.pad_str(&s);
            return;
        }
        let s = quote_with(&r.to_string(), '\'', self.f.plus);
        self.pad_str(&s);
    }

    fn fmt_float(&mut self, a: &dyn FmtValue, v: f64, size: u32, verb: char) {
        match verb {
            'v' => self.fmt_float_inner(v, size, 'g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => {
                let verb = if self.f.sharp_v { 'g' } else { verb };
                self.fmt_float_inner(v, size, verb, -1)
            }
            'f' | 'e' | 'E' | 'F' => self.fmt_float_inner(v, size, verb, 6),
            _ => self.bad_verb(verb, Some(a)),
        }
    }

    /// Go's `pp.fmtComplex`: `(re+imi)`, each part formatted as a float of half the size
    /// with the verb, width and precision given; the imaginary part always with its sign.
    fn fmt_complex(&mut self, a: &dyn FmtValue, (re, im): (f64, f64), size: u32, verb: char) {
        if !matches!(
            verb,
            'v' | 'b' | 'g' | 'G' | 'x' | 'X' | 'f' | 'F' | 'e' | 'E'
        ) {
            return self.bad_verb(verb, Some(a));
        }
        let plus = self.f.plus;
        self.buf.push('(');
        self.fmt_float(a, re, size / 2, verb);
        self.f.plus = true;
        self.fmt_float(a, im, size / 2, verb);
        self.buf.push_str("i)");
        self.f.plus = plus;
    }

    /// Go's `fmt.fmtFloat`.
    fn fmt_float_inner(&mut self, v: f64, size: u32, verb: char, prec: i32) {
        let prec = self.f.prec.map(|p| p as i32).unwrap_or(prec);
        let body = format_float(v, verb, prec, size);
        let mut num: Vec<char> = Vec::with_capacity(body.len() + 1);
        if body.starts_with('-') || body.starts_with('+') {
            num.extend(body.chars());
        } else {
            num.push('+');
            num.extend(body.chars());
        }
        if self.f.space && num[0] == '+' && !self.f.plus {
            num[0] = ' ';
        }
        if num.get(1) == Some(&'I') || num.get(1) == Some(&'N') {
            let old = self.f.zero;
            self.f.zero = false;
            if num[1] == 'N' && !self.f.space && !self.f.plus {
                num.remove(0);
            }
            let s: String = num.iter().collect();
            self.pad_str(&s);
            self.f.zero = old;
            return;
        }
        if self.f.sharp && verb != 'b' {
            num = sharp_float(num, verb, prec);
        }
        if self.f.plus || num[0] != '+' {
            if self.f.zero
                && !self.f.minus
                && let Some(w) = self.f.wid
                && w > num.len()
            {
                self.buf.push(num[0]);
                self.write_padding(w - num.len());
                self.buf.extend(num[1..].iter());
                return;
            }
            let s: String = num.iter().collect();
            self.pad_str(&s);
            return;
        }
        let s: String = num[1..].iter().collect();
        self.pad_str(&s);
    }

    fn fmt_string(&mut self, a: &dyn FmtValue, s: &str, verb: char) {
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.fmt_q(s);
                } else {
                    self.fmt_s(s);
                }
            }
            's' => self.fmt_s(s),
            'x' => self.fmt_sbx(s.as_bytes(), LDIGITS),
            'X' => self.fmt_sbx(s.as_bytes(), UDIGITS),
            'q' => self.fmt_q(s),
            _ => self.bad_verb(verb, Some(a)),
        }
    }

    fn truncate<'s>(&self, s: &'s str) -> &'s str {
        match self.f.prec {
            Some(p) => match s.char_indices().nth(p) {
                Some((i, _)) => &s[..i],
                None => s,
            },
            None => s,
        }
    }

    fn fmt_s(&mut self, s: &str) {
        let t = self.truncate(s).to_string();
        self.pad_str(&t);
    }

    fn fmt_q(&mut self, s: &str) {
        let s = self.truncate(s).to_string();
        if self.f.sharp && can_backquote(&s) {
            self.pad_str(&format!("`{s}`"));
            return;
        }
        let q = quote_with(&s, '"', self.f.plus);
        self.pad_str(&q);
    }

    /// Go's `fmtSbx`: hex of a string or byte slice, with `#` and space flags.
    fn fmt_sbx(&mut self, b: &[u8], digits: &[u8; 16]) {
        let mut length = b.len();
        if let Some(p) = self.f.prec
            && p < length
        {
            length = p;
        }
        let mut width = 2 * length;
        if width > 0 {
            if self.f.space {
                if self.f.sharp {
                    width *= 2;
                }
                width += length - 1;
            } else if self.f.sharp {
                width += 2;
            }
        } else {
            if let Some(w) = self.f.wid {
                self.write_padding(w);
            }
            return;
        }
        let wid = self.f.wid.unwrap_or(0);
        if wid > width && !self.f.minus {
            self.write_padding(wid - width);
        }
        let x = if digits[10] == b'a' { 'x' } else { 'X' };
        if self.f.sharp {
            self.buf.push('0');
            self.buf.push(x);
        }
        for (i, c) in b.iter().take(length).enumerate() {
            if self.f.space && i > 0 {
                self.buf.push(' ');
                if self.f.sharp {
                    self.buf.push('0');
                    self.buf.push(x);
                }
            }
            self.buf.push(digits[(c >> 4) as usize] as char);
            self.buf.push(digits[(c & 0xf) as usize] as char);
        }
        if wid > width && self.f.minus {
            self.write_padding(wid - width);
        }
    }

    fn write_padding(&mut self, n: usize) {
        let c = if self.f.zero && !self.f.minus {
            '0'
        } else {
            ' '
        };
        for _ in 0..n {
            self.buf.push(c);
        }
    }

    /// Pads `s` to the width (counted in runes), left or right.
    fn pad_str(&mut self, s: &str) {
        let Some(w) = self.f.wid.filter(|&w| w > 0) else {
            self.buf.push_str(s);
            return;
        };
        let n = w.saturating_sub(s.chars().count());
        if self.f.minus {
            self.buf.push_str(s);
            self.write_padding(n);
        } else {
            self.write_padding(n);
            self.buf.push_str(s);
        }
    }
}

/// A basic value with a fixed type name, used internally for byte elements.
struct Basic<'a>(Kind<'a>, &'static str);

impl FmtValue for Basic<'_> {
    fn kind(&self) -> Kind<'_> {
        match &self.0 {
            Kind::Uint(v) => Kind::Uint(*v),
            Kind::Int(v) => Kind::Int(*v),
            _ => Kind::Nil,
        }
    }
    fn type_name(&self) -> String {
        self.1.to_string()
    }
}

fn parse_num(b: &[u8], mut i: usize) -> (Option<usize>, usize) {
    let start = i;
    let mut n: usize = 0;
    while i < b.len() && b[i].is_ascii_digit() {
        if n > 1_000_000 {
            return (None, b.len()); // Go: absurdly large numbers end the format ("%!(NOVERB)")
        }
        n = n * 10 + (b[i] - b'0') as usize;
        i += 1;
    }
    if i == start { (None, i) } else { (Some(n), i) }
}

/// Go's `argNumber`: an explicit `[n]` operand index at `i`, if any. Returns the operand to use,
/// the new format position, and whether an index was found.
fn arg_number(
    b: &[u8],
    i: usize,
    arg_num: usize,
    nargs: usize,
    reordered: &mut bool,
    good: &mut bool,
) -> (usize, usize, bool) {
    if i >= b.len() || b[i] != b'[' {
        return (arg_num, i, false);
    }
    *reordered = true;
    // Go's parseArgNumber: "[n]" with n >= 1.
    let rest = &b[i..];
    let (index, wid, ok) = if rest.len() < 3 {
        (0, 1, false)
    } else {
        match rest.iter().position(|&c| c == b']') {
            Some(close) => {
                let (n, ni) = parse_num(rest, 1);
                match n {
                    Some(n) if ni == close => (n as i64 - 1, close + 1, true),
                    _ => (0, close + 1, false),
                }
            }
            None => (0, 1, false),
        }
    };
    if ok && index >= 0 && (index as usize) < nargs {
        return (index as usize, i + wid, true);
    }
    *good = false;
    (arg_num, i + wid, ok)
}

/// Go's `intFromArg`: the next operand as a width or precision, if it is an integer of sane size.
fn int_from_arg(args: &[&dyn FmtValue], arg_num: &mut usize) -> Option<i64> {
    let a = args.get(*arg_num)?;
    *arg_num += 1;
    let n = match a.kind() {
        Kind::Int(v) => v,
        Kind::Uint(v) => i64::try_from(v).ok()?,
        _ => return None,
    };
    if !(-1_000_000..=1_000_000).contains(&n) {
        return None;
    }
    Some(n)
}

/// Go's ordering of map keys (`internal/fmtsort`).
fn compare(a: &Kind<'_>, b: &Kind<'_>) -> Ordering {
    fn rank(k: &Kind<'_>) -> u8 {
        match k {
            Kind::Nil => 0,
            Kind::Bool(_) => 1,
            Kind::Int(_) => 2,
            Kind::Uint(_) => 3,
            Kind::Float32(_) | Kind::Float64(_) => 4,
            Kind::Complex(..) => 5,
            Kind::Str(_) => 6,
            Kind::Bytes { .. } => 7,
            Kind::Pointer { .. } => 8,
            Kind::Chan(_) => 9,
            Kind::Func(_) => 10,
            Kind::Struct(_) => 11,
            Kind::Array(_) => 12,
            Kind::Slice { .. } => 13,
            Kind::Map { .. } => 14,
        }
    }
    fn float_cmp(x: f64, y: f64) -> Ordering {
        match (x.is_nan(), y.is_nan()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            _ => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        }
    }
    match (a, b) {
        (Kind::Bool(x), Kind::Bool(y)) => x.cmp(y),
        (Kind::Int(x), Kind::Int(y)) => x.cmp(y),
        (Kind::Uint(x), Kind::Uint(y)) => x.cmp(y),
        (Kind::Float32(x), Kind::Float32(y)) => float_cmp(*x as f64, *y as f64),
        (Kind::Float64(x), Kind::Float64(y)) => float_cmp(*x, *y),
        (Kind::Complex(a, b, _), Kind::Complex(c, d, _)) => {
            float_cmp(*a, *c).then_with(|| float_cmp(*b, *d))
        }
        (Kind::Str(x), Kind::Str(y)) => x.cmp(y),
        (Kind::Pointer { addr: x, .. }, Kind::Pointer { addr: y, .. })
        | (Kind::Chan(x), Kind::Chan(y))
        | (Kind::Func(x), Kind::Func(y)) => x.cmp(y),
        (Kind::Struct(x), Kind::Struct(y)) => x
            .iter()
            .zip(y.iter())
            .map(|((_, p), (_, q))| compare(&p.kind(), &q.kind()))
            .find(|o| *o != Ordering::Equal)
            .unwrap_or(Ordering::Equal),
        (Kind::Array(x), Kind::Array(y)) => x
            .iter()
            .zip(y.iter())
            .map(|(p, q)| compare(&p.kind(), &q.kind()))
            .find(|o| *o != Ordering::Equal)
            .unwrap_or(Ordering::Equal),
        _ => rank(a).cmp(&rank(b)),
    }
}

/// `unicode.IsPrint`, approximated: graphic characters and the ASCII space.
fn is_print(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_ascii() {
        return c.is_ascii_graphic();
    }
    !(c.is_control()
        || c.is_whitespace()
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
        || ('\u{e000}'..='\u{f8ff}').contains(&c))
}

/// `strconv.CanBackquote`.
fn can_backquote(s: &str) -> bool {
    s.chars()
        .all(|c| c != '`' && c != '\u{fffd}' && c != '\u{feff}' && (c == '\t' || !c.is_control()))
}

/// `strconv.Quote`.
pub(crate) fn quote(s: &str) -> String {
    quote_with(s, '"', false)
}

/// `strconv.QuoteToASCII`.
pub fn quote_ascii(s: &str) -> String {
    quote_with(s, '"', true)
}

/// `strconv.QuoteRune`.
pub fn quote_rune(c: char) -> String {
    quote_with(c.encode_utf8(&mut [0; 4]), '\'', false)
}

/// `strconv.Quote` / `QuoteRune` (and the ToASCII variants when `ascii`).
fn quote_with(s: &str, q: char, ascii: bool) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        if c == q || c == '\\' {
            out.push('\\');
            out.push(c);
            continue;
        }
        if ascii {
            if c.is_ascii() && is_print(c) {
                out.push(c);
                continue;
            }
        } else if is_print(c) {
            out.push(c);
            continue;
        }
        match c {
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{b}' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(q);
    out
}

/// The `#` flag on floats (Go's `fmtFloat`): keep the decimal point, and for `%g`/`%v` keep
/// trailing zeros up to the precision (6 when shortest).
fn sharp_float(mut num: Vec<char>, verb: char, prec: i32) -> Vec<char> {
    let mut digits: i32 = match verb {
        'v' | 'g' | 'G' | 'x' => {
            if prec == -1 {
                6
            } else {
                prec
            }
        }
        _ => 0,
    };
    let mut tail: Vec<char> = Vec::new();
    let mut has_point = false;
    let mut saw_nonzero = false;
    let mut i = 1;
    while i < num.len() {
        let c = num[i];
        let is_exp =
            matches!(c, 'p' | 'P') || (matches!(c, 'e' | 'E') && verb != 'x' && verb != 'X');
        if c == '.' {
            has_point = true;
        } else if is_exp {
            tail = num.split_off(i);
            break;
        } else {
            if c != '0' {
                saw_nonzero = true;
            }
            if saw_nonzero {
                digits -= 1;
            }
        }
        i += 1;
    }
    if !has_point {
        if num.len() == 2 && num[1] == '0' {
            digits -= 1;
        }
        num.push('.');
    }
    while digits > 0 {
        num.push('0');
        digits -= 1;
    }
    num.extend(tail);
    num
}

/// `strconv.FormatFloat(v, fmt, prec, bits)` for `e E f F g G b x X`.
pub(crate) fn format_float(v: f64, fmt: char, prec: i32, bits: u32) -> String {
    if v.is_nan() {
        return "NaN".to_string();
    }
    if v.is_infinite() {
        return if v > 0.0 { "+Inf" } else { "-Inf" }.to_string();
    }
    let neg = v.is_sign_negative();
    let sign = if neg { "-" } else { "" };
    match fmt {
        'b' => return format!("{sign}{}", format_b(v.abs(), bits)),
        'x' | 'X' => {
            let s = format_x(v.abs(), prec, bits);
            let s = if fmt == 'X' { s.to_uppercase() } else { s };
            return format!("{sign}{s}");
        }
        _ => {}
    }
    let a = v.abs();
    // Decimal digits (trailing zeros trimmed) and decimal point position: a = 0.d1d2.. * 10^dp.
    let shortest = prec < 0;
    let (digs, dp) = if shortest {
        let s = if bits == 32 {
            format!("{:e}", a as f32)
        } else {
            format!("{a:e}")
        };
        parse_e(&s)
    } else {
        match fmt {
            'e' | 'E' => parse_e(&sci(a, prec as usize)),
            'f' | 'F' => {
                // Rust's formatter takes at most 65535 digits of precision (and panics past it);
                // a float64 has at most 1074 fractional digits, so the rest are zeros.
                let p = prec as usize;
                let mut s = format!("{:.*}", p.min(EXACT_DIGITS), a);
                s.push_str(&"0".repeat(p.saturating_sub(EXACT_DIGITS)));
                return format!("{sign}{s}");
            }
            _ => {
                let p = if prec == 0 { 1 } else { prec };
                parse_e(&sci(a, (p - 1) as usize))
            }
        }
    };
    let nd = digs.len() as i32;
    let body = match fmt {
        'e' | 'E' => {
            let p = if shortest { nd - 1 } else { prec };
            fmt_e(&digs, dp, p.max(0), fmt)
        }
        'f' | 'F' => fmt_f(&digs, dp, (nd - dp).max(0)),
        _ => {
            let mut prec = if shortest {
                nd
            } else if prec == 0 {
                1
            } else {
                prec
            };
            let mut eprec = prec;
            if eprec > nd && nd >= dp {
                eprec = nd;
            }
            if shortest {
                eprec = 6;
            }
            let exp = dp - 1;
            if exp < -4 || exp >= eprec {
                if prec > nd {
                    prec = nd;
                }
                let e = if fmt == 'G' { 'E' } else { 'e' };
                fmt_e(&digs, dp, (prec - 1).max(0), e)
            } else {
                if prec > dp {
                    prec = nd;
                }
                fmt_f(&digs, dp, (prec - dp).max(0))
            }
        }
    };
    format!("{sign}{body}")
}

/// Parses Rust's `{:e}` output into trimmed digits and Go's decimal point position.
/// More decimal digits than any float64 has (1074 after the point, 767 significant), and fewer
/// than the 65535 Rust's formatter accepts.
const EXACT_DIGITS: usize = 1100;

/// `{:.prec$e}` for any precision: digits past [`EXACT_DIGITS`] are zeros.
fn sci(a: f64, prec: usize) -> String {
    let s = format!("{:.*e}", prec.min(EXACT_DIGITS), a);
    if prec <= EXACT_DIGITS {
        return s;
    }
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    format!("{mant}{}e{exp}", "0".repeat(prec - EXACT_DIGITS))
}

fn parse_e(s: &str) -> (Vec<u8>, i32) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut digs: Vec<u8> = mant.bytes().filter(u8::is_ascii_digit).collect();
    while digs.last() == Some(&b'0') {
        digs.pop();
    }
    if digs.is_empty() {
        return (digs, 0);
    }
    (digs, exp + 1)
}

fn fmt_e(digs: &[u8], dp: i32, prec: i32, e: char) -> String {
    let mut out = String::new();
    out.push(digs.first().map(|&d| d as char).unwrap_or('0'));
    if prec > 0 {
        out.push('.');
        for i in 1..=prec as usize {
            out.push(digs.get(i).map(|&d| d as char).unwrap_or('0'));
        }
    }
    out.push(e);
    let exp = if digs.is_empty() { 0 } else { dp - 1 };
    out.push(if exp < 0 { '-' } else { '+' });
    let a = exp.unsigned_abs();
    if a < 10 {
        out.push('0');
    }
    out.push_str(&a.to_string());
    out
}

fn fmt_f(digs: &[u8], dp: i32, prec: i32) -> String {
    let mut out = String::new();
    if dp > 0 {
        for i in 0..dp as usize {
            out.push(digs.get(i).map(|&d| d as char).unwrap_or('0'));
        }
    } else {
        out.push('0');
    }
    if prec > 0 {
        out.push('.');
        for i in 1..=prec {
            let idx = dp + i - 1;
            let c = if idx >= 0 {
                digs.get(idx as usize).map(|&d| d as char).unwrap_or('0')
            } else {
                '0'
            };
            out.push(c);
        }
    }
    out
}

/// `%b` of a float: decimal mantissa and binary exponent, `4503599627370496p-52`.
fn format_b(a: f64, bits: u32) -> String {
    let (mant, exp) = if bits == 32 {
        let b = (a as f32).to_bits();
        let e = ((b >> 23) & 0xff) as i32;
        let m = (b & 0x7f_ffff) as u64;
        if e == 0 {
            (m, -126 - 23)
        } else {
            (m | 1 << 23, e - 127 - 23)
        }
    } else {
        let b = a.to_bits();
        let e = ((b >> 52) & 0x7ff) as i32;
        let m = b & ((1 << 52) - 1);
        if e == 0 {
            (m, -1022 - 52)
        } else {
            (m | 1 << 52, e - 1023 - 52)
        }
    };
    format!("{mant}p{}{}", if exp >= 0 { "+" } else { "-" }, exp.abs())
}

/// `%x` of a float: `0x1.8p+01` (shortest when `prec < 0`).
fn format_x(a: f64, prec: i32, bits: u32) -> String {
    let _ = bits; // float32 values are exact in f64, and shortest hex trims the same way
    if a == 0.0 {
        let mut s = String::from("0x0");
        if prec > 0 {
            s.push('.');
            s.push_str(&"0".repeat(prec as usize));
        }
        s.push_str("p+00");
        return s;
    }
    let b = a.to_bits();
    let mut e = ((b >> 52) & 0x7ff) as i32;
    let mut m = b & ((1 << 52) - 1);
    if e == 0 {
        // Subnormal: normalise.
        e = -1022;
        while m & (1 << 52) == 0 {
            m <<= 1;
            e -= 1;
        }
        m &= (1 << 52) - 1;
    } else {
        e -= 1023;
    }
    // 52 fraction bits = 13 hex digits.
    let mut frac = format!("{m:013x}");
    let mut lead = 1u64;
    if prec >= 0 && (prec as usize) < 13 {
        // Round half to even at `prec` hex digits.
        let shift = 4 * (13 - prec as u32);
        let full = (1u64 << 52) | m;
        let mut q = full >> shift;
        let rem = full & ((1u64 << shift) - 1);
        let half = 1u64 << (shift - 1);
        if rem > half || (rem == half && q & 1 == 1) {
            q += 1;
        }
        let width = prec as u32 * 4;
        if q >> width >= 2 {
            q >>= 1;
            e += 1;
        }
        lead = q >> width;
        let f = q & ((1u64 << width) - 1);
        frac = if prec == 0 {
            String::new()
        } else {
            format!("{f:0w$x}", w = prec as usize)
        };
    } else if prec < 0 {
        while frac.ends_with('0') {
            frac.pop();
        }
    } else {
        frac.push_str(&"0".repeat(prec as usize - 13));
    }
    let mut s = format!("0x{lead}");
    if !frac.is_empty() {
        s.push('.');
        s.push_str(&frac);
    }
    s.push('p');
    s.push(if e < 0 { '-' } else { '+' });
    if e.abs() < 10 {
        s.push('0');
    }
    s.push_str(&e.abs().to_string());
    s
}

#[cfg(test)]
#[path = "format_tests.rs"]
mod tests;
