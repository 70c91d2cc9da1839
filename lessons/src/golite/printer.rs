//! fmt's printing of golite values: `Print`/`Println` spacing, the `Printf` verbs with flags,
//! width and precision, and `%v` of every kind of value as Go prints it (structs, pointers as
//! `&{...}`, maps with sorted keys, nil, errors and Stringers).

use super::natives::duration_string;
use super::types::{Kind, TypeId, ids};
use super::value::Value;
use super::vm::GoTask;

/// The value inside a `fmt.stringified` marker (what `Error()`/`String()` was called on).
pub fn unstringify(t: &GoTask, v: &Value) -> Value {
    if let Value::Iface(b) = v
        && b.0 == t.sh.prog.wk.stringified
        && let Value::Agg(o) = &b.1
    {
        return o.borrow().get(1).cloned().unwrap_or_default();
    }
    v.clone()
}

/// The `Error()` text of an error value whose method is native (or already stringified).
pub fn error_text(t: &GoTask, v: &Value) -> Option<String> {
    let Value::Iface(b) = v else {
        return None;
    };
    let wk = &t.sh.prog.wk;
    let field = |i: usize| -> Value {
        match &b.1 {
            Value::Agg(o) => o.borrow().get(i).cloned().unwrap_or_default(),
            _ => Value::Nil,
        }
    };
    if b.0 == wk.stringified {
        return Some(field(0).as_str().to_string());
    }
    if b.0 == wk.error_string_ptr || b.0 == wk.wrap_error_ptr {
        return Some(field(0).as_str().to_string());
    }
    if b.0 == wk.runtime_error {
        return Some(b.1.as_str().to_string());
    }
    if b.0 == wk.std.ctx_deadline_error {
        return Some("context deadline exceeded".into());
    }
    if b.0 == wk.join_error_ptr {
        let errs = field(0);
        let items: Vec<Value> = match &errs {
            Value::Slice(o, off, len) => o.borrow()[*off as usize..(*off + *len) as usize].to_vec(),
            _ => Vec::new(),
        };
        let parts: Vec<String> = items
            .iter()
            .map(|e| error_text(t, e).unwrap_or_else(|| sprint_iface(t, e, 'v', false)))
            .collect();
        return Some(parts.join("\n"));
    }
    None
}

fn is_stringish(t: &GoTask, v: &Value) -> bool {
    match v {
        Value::Iface(b) => b.0 == t.sh.prog.wk.stringified || t.sh.prog.types.is_string(b.0),
        _ => false,
    }
}

/// `fmt.Sprint`: spaces between operands when neither side is a string.
pub fn sprint(t: &GoTask, items: &[Value]) -> String {
    let mut out = String::new();
    for (i, v) in items.iter().enumerate() {
        if i > 0 && !is_stringish(t, v) && !is_stringish(t, &items[i - 1]) {
            out.push(' ');
        }
        out.push_str(&sprint_iface(t, v, 'v', false));
    }
    out
}

/// `fmt.Sprintln`: always spaces, then a newline.
pub fn sprintln(t: &GoTask, items: &[Value]) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|v| sprint_iface(t, v, 'v', false))
        .collect();
    let mut s = parts.join(" ");
    s.push('\n');
    s
}

/// Formats an interface value (an operand of fmt) with verb `%v`-like semantics.
pub fn sprint_iface(t: &GoTask, v: &Value, verb: char, plus: bool) -> String {
    match v {
        Value::Iface(b) => {
            let mut p = Printer {
                t,
                plus,
                sharp: false,
            };
            p.value(b.0, &b.1, verb, 0)
        }
        _ => "<nil>".into(),
    }
}

/// Formats a value of static type `ty` with `verb`.
pub fn sprint_value(t: &GoTask, ty: TypeId, v: &Value, verb: char) -> String {
    let mut p = Printer {
        t,
        plus: false,
        sharp: false,
    };
    p.value(ty, v, verb, 0)
}

struct Printer<'a> {
    t: &'a GoTask,
    plus: bool,
    sharp: bool,
}

impl Printer<'_> {
    fn value(&mut self, ty: TypeId, v: &Value, verb: char, depth: usize) -> String {
        let t = self.t;
        let wk = &t.sh.prog.wk;
        let types = &t.sh.prog.types;
        if ty == wk.stringified
            && let Value::Agg(o) = v
        {
            return o
                .borrow()
                .first()
                .map(|s| s.as_str().to_string())
                .unwrap_or_default();
        }
        if depth > 10 {
            return "...".into();
        }
        // Errors and Stringers with native methods.
        if verb == 'v' || verb == 's' {
            if let Some(s) = error_text(t, &Value::Iface(std::rc::Rc::new((ty, v.clone())))) {
                return s;
            }
            if ty == wk.std.duration {
                return duration_string(v.as_int());
            }
        }
        match types.ukind(ty).clone() {
            Kind::Bool | Kind::UntypedBool => {
                if v.as_bool() {
                    "true".into()
                } else {
                    "false".into()
                }
            }
            Kind::Int(k) => {
                let i = v.as_int();
                if k.unsigned() && k.bits() == 64 {
                    (i as u64).to_string()
                } else {
                    i.to_string()
                }
            }
            Kind::UntypedInt | Kind::UntypedRune => v.as_int().to_string(),
            Kind::Float64 | Kind::UntypedFloat => format_float(v.as_float(), 'g', None),
            Kind::Float32 => format_float32(v.as_float()),
            Kind::String | Kind::UntypedString => v.as_str().to_string(),
            Kind::Pointer(el) => match v {
                Value::Nil => "<nil>".into(),
                Value::Agg(_) if depth == 0 && types.is_aggregate(el) => {
                    format!("&{}", self.value(el, v, verb, depth + 1))
                }
                // A pointer to a slice or map at top level prints as &[...] / &map[...].
                Value::Cell(c)
                    if depth == 0 && matches!(types.ukind(el), Kind::Slice(_) | Kind::Map(..)) =>
                {
                    let inner = c.borrow().clone();
                    format!("&{}", self.value(el, &inner, verb, depth + 1))
                }
                _ => fake_addr(v),
            },
            Kind::Struct(fields) => {
                let items: Vec<Value> = match v {
                    Value::Agg(o) => o.borrow().clone(),
                    _ => Vec::new(),
                };
                let mut parts = Vec::new();
                for (f, x) in fields.iter().zip(items.iter()) {
                    let s = self.value(f.ty, x, verb, depth + 1);
                    if self.plus {
                        parts.push(format!("{}:{s}", f.name));
                    } else {
                        parts.push(s);
                    }
                }
                format!("{{{}}}", parts.join(" "))
            }
            Kind::Array(_, el) => {
                let items: Vec<Value> = match v {
                    Value::Agg(o) => o.borrow().clone(),
                    _ => Vec::new(),
                };
                let parts: Vec<String> = items
                    .iter()
                    .map(|x| self.value(el, x, verb, depth + 1))
                    .collect();
                format!("[{}]", parts.join(" "))
            }
            Kind::Slice(el) => {
                let items: Vec<Value> = match v {
                    Value::Slice(o, off, len) => {
                        o.borrow()[*off as usize..(*off + *len) as usize].to_vec()
                    }
                    _ => Vec::new(),
                };
                if verb == 's' && types.int_kind(el) == Some(super::types::IntKind::Uint8) {
                    let bytes: Vec<u8> = items.iter().map(|x| x.as_int() as u8).collect();
                    return String::from_utf8_lossy(&bytes).into_owned();
                }
                let parts: Vec<String> = items
                    .iter()
                    .map(|x| self.value(el, x, verb, depth + 1))
                    .collect();
                format!("[{}]", parts.join(" "))
            }
            Kind::Map(kt, vt) => {
                let entries: Vec<(Value, Value)> = match v {
                    Value::Map(m) => m.borrow().entries.values().cloned().collect(),
                    _ => Vec::new(),
                };
                let parts: Vec<String> = entries
                    .iter()
                    .map(|(k, x)| {
                        format!(
                            "{}:{}",
                            self.value(kt, k, verb, depth + 1),
                            self.value(vt, x, verb, depth + 1)
                        )
                    })
                    .collect();
                format!("map[{}]", parts.join(" "))
            }
            Kind::Interface(_) => match v {
                Value::Iface(b) => self.value(b.0, &b.1, verb, depth + 1),
                _ => "<nil>".into(),
            },
            Kind::Chan(..) | Kind::Func(_) => match v {
                Value::Nil => "<nil>".into(),
                _ => fake_addr(v),
            },
            _ => {
                if self.sharp {
                    return String::new();
                }
                "?".into()
            }
        }
    }
}

/// A stable, Go-looking address for values printed as pointers.
fn fake_addr(v: &Value) -> String {
    let k = match v {
        Value::Chan(c) => 0xc0_0002_0000 + u64::from(c.id.0) * 0x60,
        _ => 0xc0_0001_0000,
    };
    format!("0x{k:x}")
}

/// Go's `strconv.Quote`.
pub fn quote(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\x07' => out.push_str("\\a"),
            '\x08' => out.push_str("\\b"),
            '\x0c' => out.push_str("\\f"),
            '\x0b' => out.push_str("\\v"),
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Shortest decimal digits and exponent of `f` (as `d.ddd × 10^exp`).
fn shortest(f: f64) -> (String, i32) {
    let s = format!("{:e}", f.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    (digits, exp.parse().unwrap_or(0))
}

fn exp_str(e: i32) -> String {
    if e < 0 {
        format!("e-{:02}", -e)
    } else {
        format!("e+{e:02}")
    }
}

/// Formats a float like Go's `strconv.FormatFloat(f, verb, prec, 64)`.
pub fn format_float(f: f64, verb: char, prec: Option<usize>) -> String {
    if f.is_nan() {
        return "NaN".into();
    }
    if f.is_infinite() {
        return if f > 0.0 {
            "+Inf".into()
        } else {
            "-Inf".into()
        };
    }
    let neg = f.is_sign_negative() && f != 0.0 || (f == 0.0 && f.is_sign_negative());
    let sign = if neg { "-" } else { "" };
    match verb {
        'f' | 'F' => format!("{:.*}", prec.unwrap_or(6), f),
        'e' | 'E' => {
            let p = prec.unwrap_or(6);
            let s = format!("{:.*e}", p, f);
            let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
            let e: i32 = e.parse().unwrap_or(0);
            let r = format!("{m}{}", exp_str(e));
            if verb == 'E' { r.to_uppercase() } else { r }
        }
        _ => {
            // %g / %v: shortest representation; exponent form when exp < -4 || exp >= eprec.
            let (digits, exp) = match prec {
                None => shortest(f),
                Some(p) => {
                    let p = p.max(1);
                    let s = format!("{:.*e}", p - 1, f.abs());
                    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
                    let mut d: String = m.chars().filter(|c| c.is_ascii_digit()).collect();
                    while d.len() > 1 && d.ends_with('0') {
                        d.pop();
                    }
                    (d, e.parse().unwrap_or(0))
                }
            };
            if f == 0.0 {
                return format!("{sign}0");
            }
            let nd = digits.len() as i32;
            let eprec = match prec {
                None => 6,
                Some(p) => {
                    let p = p.max(1) as i32;
                    if p > nd && nd > exp { nd } else { p }
                }
            };
            if exp < -4 || exp >= eprec {
                let mut m = digits[..1].to_string();
                if digits.len() > 1 {
                    m.push('.');
                    m.push_str(&digits[1..]);
                }
                format!("{sign}{m}{}", exp_str(exp))
            } else if exp < 0 {
                format!("{sign}0.{}{}", "0".repeat((-exp - 1) as usize), digits)
            } else {
                let int_len = (exp + 1) as usize;
                if digits.len() <= int_len {
                    format!("{sign}{}{}", digits, "0".repeat(int_len - digits.len()))
                } else {
                    format!("{sign}{}.{}", &digits[..int_len], &digits[int_len..])
                }
            }
        }
    }
}

fn format_float32(f: f64) -> String {
    let f32v = f as f32;
    let s = format!("{:e}", f32v.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    let v: f64 = format!(
        "{}{}.{}e{}",
        if f32v < 0.0 { "-" } else { "" },
        &digits[..1],
        &digits[1..],
        exp
    )
    .parse()
    .unwrap_or(f);
    let _ = v;
    let sign = if f32v < 0.0 { "-" } else { "" };
    if f32v == 0.0 {
        return "0".into();
    }
    if !(-4..21).contains(&exp) {
        let mut m = digits[..1].to_string();
        if digits.len() > 1 {
            m.push('.');
            m.push_str(&digits[1..]);
        }
        format!("{sign}{m}{}", exp_str(exp))
    } else if exp < 0 {
        format!("{sign}0.{}{}", "0".repeat((-exp - 1) as usize), digits)
    } else {
        let int_len = (exp + 1) as usize;
        if digits.len() <= int_len {
            format!("{sign}{}{}", digits, "0".repeat(int_len - digits.len()))
        } else {
            format!("{sign}{}.{}", &digits[..int_len], &digits[int_len..])
        }
    }
}

/// `fmt.Sprintf`.
pub fn sprintf(t: &GoTask, f: &str, args: &[Value]) -> String {
    let mut out = String::new();
    let chars: Vec<char> = f.chars().collect();
    let mut i = 0;
    let mut argi = 0;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let (mut minus, mut plus, mut zero, mut space, mut sharp) =
            (false, false, false, false, false);
        while i < chars.len() {
            match chars[i] {
                '-' => minus = true,
                '+' => plus = true,
                '0' => zero = true,
                ' ' => space = true,
                '#' => sharp = true,
                _ => break,
            }
            i += 1;
        }
        let mut width: Option<usize> = None;
        if i < chars.len() && chars[i] == '*' {
            width = args.get(argi).map(|v| iface_int(v).max(0) as usize);
            argi += 1;
            i += 1;
        } else {
            let mut w = String::new();
            while i < chars.len() && chars[i].is_ascii_digit() {
                w.push(chars[i]);
                i += 1;
            }
            if !w.is_empty() {
                width = w.parse().ok();
            }
        }
        let mut prec: Option<usize> = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                prec = args.get(argi).map(|v| iface_int(v).max(0) as usize);
                argi += 1;
                i += 1;
            } else {
                let mut p = String::new();
                while i < chars.len() && chars[i].is_ascii_digit() {
                    p.push(chars[i]);
                    i += 1;
                }
                prec = Some(p.parse().unwrap_or(0));
            }
        }
        if i >= chars.len() {
            out.push_str("%!(NOVERB)");
            break;
        }
        let verb = chars[i];
        i += 1;
        if verb == '%' {
            out.push('%');
            continue;
        }
        let Some(arg) = args.get(argi) else {
            out.push_str(&format!("%!{verb}(MISSING)"));
            continue;
        };
        argi += 1;
        let spec = Spec {
            verb,
            plus,
            sharp,
            space,
            minus,
            zero,
            width,
            prec,
        };
        let body = match arg {
            Value::Iface(b) if walks(t, b.0, verb) => walk(t, b.0, &b.1, &spec, 0),
            _ => leaf(t, arg, &spec),
        };
        out.push_str(&body);
    }
    if argi < args.len() {
        out.push_str("%!(EXTRA ");
        let parts: Vec<String> = args[argi..]
            .iter()
            .map(|a| match a {
                Value::Iface(b) => format!(
                    "{}={}",
                    t.sh.prog.types.name(b.0),
                    sprint_iface(t, a, 'v', false)
                ),
                _ => "<nil>".into(),
            })
            .collect();
        out.push_str(&parts.join(", "));
        out.push(')');
    }
    out
}

/// One verb with its flags, width and precision.
struct Spec {
    verb: char,
    plus: bool,
    sharp: bool,
    space: bool,
    minus: bool,
    zero: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

/// One operand that is not a composite: formatted and padded.
fn leaf(t: &GoTask, arg: &Value, sp: &Spec) -> String {
    let body = format_one(t, arg, sp.verb, sp.plus, sp.sharp, sp.space, sp.prec);
    let zero = sp.zero && !sp.minus && !matches!(sp.verb, 's' | 'q' | 'v' | 'T')
        || (sp.zero && sp.verb == 'v' && is_number(t, arg));
    pad(&body, sp.width, sp.minus, zero)
}

/// Whether fmt applies `verb` element by element to a value of type `ty`.
fn walks(t: &GoTask, ty: TypeId, verb: char) -> bool {
    if matches!(verb, 'v' | 'T' | 'p') {
        return false;
    }
    let types = &t.sh.prog.types;
    if ty == t.sh.prog.wk.stringified
        || error_text(t, &Value::Iface(std::rc::Rc::new((ty, Value::Nil)))).is_some()
    {
        return false;
    }
    match types.ukind(ty) {
        Kind::Slice(el) => {
            !(matches!(verb, 's' | 'x' | 'X' | 'q')
                && types.int_kind(*el) == Some(super::types::IntKind::Uint8))
        }
        Kind::Array(..) | Kind::Map(..) | Kind::Struct(_) => true,
        Kind::Pointer(el) => types.is_aggregate(*el),
        _ => false,
    }
}

/// Applies a verb to each element of a composite value, printing the structure like `%v`.
fn walk(t: &GoTask, ty: TypeId, v: &Value, sp: &Spec, depth: usize) -> String {
    let types = &t.sh.prog.types;
    let items = |v: &Value| -> Vec<Value> {
        match v {
            Value::Slice(o, off, len) => o.borrow()[*off as usize..(*off + *len) as usize].to_vec(),
            Value::Agg(o) => o.borrow().clone(),
            _ => Vec::new(),
        }
    };
    let elem = |x: &Value, et: TypeId| -> String {
        if walks(t, et, sp.verb) && !types.is_interface(et) {
            walk(t, et, x, sp, depth + 1)
        } else if types.is_interface(et) {
            match x {
                Value::Iface(b) if walks(t, b.0, sp.verb) => walk(t, b.0, &b.1, sp, depth + 1),
                Value::Nil => leaf(t, &Value::Nil, sp),
                other => leaf(t, other, sp),
            }
        } else {
            leaf(t, &Value::Iface(std::rc::Rc::new((et, x.clone()))), sp)
        }
    };
    match types.ukind(ty).clone() {
        Kind::Slice(el) | Kind::Array(_, el) => {
            let parts: Vec<String> = items(v).iter().map(|x| elem(x, el)).collect();
            format!("[{}]", parts.join(" "))
        }
        Kind::Struct(fs) => {
            let vals = items(v);
            let parts: Vec<String> = fs
                .iter()
                .zip(vals.iter())
                .map(|(f, x)| {
                    if sp.plus {
                        format!("{}:{}", f.name, elem(x, f.ty))
                    } else {
                        elem(x, f.ty)
                    }
                })
                .collect();
            format!("{{{}}}", parts.join(" "))
        }
        Kind::Map(kt, vt) => {
            let entries: Vec<(Value, Value)> = match v {
                Value::Map(m) => m.borrow().entries.values().cloned().collect(),
                _ => Vec::new(),
            };
            let parts: Vec<String> = entries
                .iter()
                .map(|(k, x)| format!("{}:{}", elem(k, kt), elem(x, vt)))
                .collect();
            format!("map[{}]", parts.join(" "))
        }
        Kind::Pointer(el) if depth == 0 && !v.is_nil() => {
            format!("&{}", walk(t, el, v, sp, depth + 1))
        }
        _ => leaf(t, &Value::Iface(std::rc::Rc::new((ty, v.clone()))), sp),
    }
}

fn is_number(t: &GoTask, v: &Value) -> bool {
    match v {
        Value::Iface(b) => t.sh.prog.types.is_numeric(b.0),
        _ => false,
    }
}

fn iface_int(v: &Value) -> i64 {
    match v {
        Value::Iface(b) => b.1.as_int(),
        other => other.as_int(),
    }
}

fn pad(s: &str, width: Option<usize>, minus: bool, zero: bool) -> String {
    let Some(w) = width else {
        return s.to_string();
    };
    let n = s.chars().count();
    if n >= w {
        return s.to_string();
    }
    let fill = w - n;
    if minus {
        format!("{s}{}", " ".repeat(fill))
    } else if zero {
        if let Some(rest) = s.strip_prefix('-') {
            format!("-{}{rest}", "0".repeat(fill))
        } else {
            format!("{}{s}", "0".repeat(fill))
        }
    } else {
        format!("{}{s}", " ".repeat(fill))
    }
}

/// One operand with one verb.
fn format_one(
    t: &GoTask,
    arg: &Value,
    verb: char,
    plus: bool,
    sharp: bool,
    space: bool,
    prec: Option<usize>,
) -> String {
    let types = &t.sh.prog.types;
    let wk = &t.sh.prog.wk;
    let (ty, v) = match arg {
        Value::Iface(b) => (b.0, b.1.clone()),
        _ => (ids::UNTYPED_NIL, Value::Nil),
    };
    let bad = |verb: char| {
        format!(
            "%!{verb}({}={})",
            types.name(ty),
            sprint_iface(t, arg, 'v', false)
        )
    };
    if ty == ids::UNTYPED_NIL {
        return match verb {
            'T' | 'v' => "<nil>".into(),
            _ => format!("%!{verb}(<nil>)"),
        };
    }
    if verb == 'T' {
        let orig = unstringify(t, arg);
        return match &orig {
            Value::Iface(b) => types.name(b.0),
            _ => "<nil>".into(),
        };
    }
    let stringified = ty == wk.stringified;
    match verb {
        'v' => {
            // %.3v on a float is %.3g, as Go's fmt does.
            if let (Some(p), true) = (prec, types.is_float(ty)) {
                return format_float(v.as_float(), 'g', Some(p));
            }
            if sharp {
                return sprint_iface(t, arg, 'v', true);
            }
            sprint_iface(t, arg, 'v', plus)
        }
        's' => {
            if stringified || types.is_string(ty) {
                let s = sprint_iface(t, arg, 's', false);
                return match prec {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
            }
            if error_text(t, arg).is_some() || ty == wk.std.duration {
                return sprint_iface(t, arg, 's', false);
            }
            match types.ukind(ty) {
                Kind::Slice(_)
                | Kind::Array(..)
                | Kind::Struct(_)
                | Kind::Map(..)
                | Kind::Pointer(_) => sprint_iface(t, arg, 's', false),
                _ => bad('s'),
            }
        }
        'q' => {
            if stringified || types.is_string(ty) {
                return quote(&sprint_iface(t, arg, 's', false));
            }
            // An error quotes what Error() says, as Go's handleMethods does for %q.
            if let Some(text) = error_text(t, arg) {
                return quote(&text);
            }
            if types.is_integer(ty) {
                let c = char::from_u32(v.as_int() as u32).unwrap_or('\u{FFFD}');
                return format!("'{c}'");
            }
            bad('q')
        }
        'd' => {
            if types.is_integer(ty) {
                let s = sprint_value(t, ty, &v, 'd');
                if plus && v.as_int() >= 0 {
                    return format!("+{s}");
                }
                if space && v.as_int() >= 0 {
                    return format!(" {s}");
                }
                return s;
            }
            match types.ukind(ty) {
                Kind::Slice(el) | Kind::Array(_, el) if types.is_integer(*el) => {
                    sprint_iface(t, arg, 'v', false)
                }
                _ => bad('d'),
            }
        }
        'U' => {
            // Go's %U: U+ and at least four upper-case hex digits; %#U adds the quoted rune
            // when it is printable.
            if types.is_integer(ty) {
                let i = v.as_int();
                let code = format!("U+{:04X}", i as u64);
                let c = u32::try_from(i).ok().and_then(char::from_u32);
                return match c {
                    Some(c) if sharp && !c.is_control() => format!("{code} '{c}'"),
                    _ => code,
                };
            }
            bad('U')
        }
        'c' => {
            if types.is_integer(ty) {
                return char::from_u32(v.as_int() as u32)
                    .unwrap_or('\u{FFFD}')
                    .to_string();
            }
            bad('c')
        }
        'x' | 'X' => {
            let s = if types.is_integer(ty) {
                let i = v.as_int();
                let u = types.int_kind(ty).is_some_and(|k| k.unsigned());
                let body = if i < 0 && !u {
                    format!("-{:x}", i.unsigned_abs())
                } else {
                    format!("{:x}", i as u64)
                };
                if sharp { format!("0x{body}") } else { body }
            } else if stringified || types.is_string(ty) {
                hex_bytes(sprint_iface(t, arg, 's', false).bytes(), space, sharp)
            } else if let Kind::Slice(el) = types.ukind(ty) {
                if types.int_kind(*el) == Some(super::types::IntKind::Uint8) {
                    let items: Vec<Value> = match &v {
                        Value::Slice(o, off, len) => {
                            o.borrow()[*off as usize..(*off + *len) as usize].to_vec()
                        }
                        _ => Vec::new(),
                    };
                    hex_bytes(items.iter().map(|b| b.as_int() as u8), space, sharp)
                } else {
                    return bad(verb);
                }
            } else {
                return bad(verb);
            };
            if verb == 'X' { s.to_uppercase() } else { s }
        }
        'o' => {
            if types.is_integer(ty) {
                return format!("{:o}", v.as_int());
            }
            bad('o')
        }
        'b' => {
            if types.is_integer(ty) {
                return format!("{:b}", v.as_int());
            }
            bad('b')
        }
        'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
            if types.is_float(ty) {
                let f = v.as_float();
                let p = match verb {
                    'g' | 'G' => prec,
                    _ => Some(prec.unwrap_or(6)),
                };
                let mut s =
                    if matches!(types.ukind(ty), Kind::Float32) && verb == 'g' && prec.is_none() {
                        format_float32(f)
                    } else {
                        format_float(f, verb.to_ascii_lowercase(), p)
                    };
                if verb == 'E' || verb == 'G' {
                    s = s.to_uppercase();
                }
                if plus && f >= 0.0 {
                    s = format!("+{s}");
                } else if space && f >= 0.0 {
                    s = format!(" {s}");
                }
                return s;
            }
            bad(verb)
        }
        't' => {
            if types.is_bool(ty) {
                return sprint_value(t, ty, &v, 'v');
            }
            bad('t')
        }
        'p' => match &v {
            Value::Nil => "%!p(<nil>)".into(),
            _ => fake_addr(&v),
        },
        'w' => {
            // Printf/Sprintf treat %w like %v (with a complaint); Errorf strips it.
            sprint_iface(t, arg, 'v', false)
        }
        other => bad(other),
    }
}

/// Go's `%x` of a string or byte slice: two hex digits a byte; `% x` puts a space between bytes,
/// and `%#x` a 0x before each (with a space) or once (without).
fn hex_bytes(bytes: impl Iterator<Item = u8>, space: bool, sharp: bool) -> String {
    let parts: Vec<String> = bytes
        .map(|b| {
            if sharp && space {
                format!("0x{b:02x}")
            } else {
                format!("{b:02x}")
            }
        })
        .collect();
    if parts.is_empty() {
        return String::new();
    }
    match (space, sharp) {
        (true, _) => parts.join(" "),
        (false, true) => format!("0x{}", parts.concat()),
        (false, false) => parts.concat(),
    }
}
