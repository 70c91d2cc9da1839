//! golite values as Go's `fmt` sees them: each operand becomes a [`format::Val`] tree (its
//! kind, its Go type name, and the results of `Error()` / `String()` where the VM already called
//! them or the method is native), which `golite/format.rs` prints rule by rule as `fmt` does.

use super::duration::duration_string;
use super::format::{self, Val};
use super::time_layout;
use crate::golite::types::{IntKind, Kind, TypeId};
use crate::golite::vm::GoTask;
use crate::golite::vm::value::Value;

/// The address printed for pointers, maps, slices and funcs (`%p`, nested pointers): Go's
/// addresses differ from run to run, so programs never print them; one stable value suffices.
const ADDR: u64 = 0xc000010000;

/// Deeper than this, a value that contains itself (through pointers, interfaces or maps) is cut:
/// Go would not terminate either.
const MAX_DEPTH: usize = 64;

/// The budget of one formatting call: each value turned into a [`Val`] (about 80 bytes) takes
/// one, and each element copied out of a slice, array or struct one more. An element prints at
/// least two bytes, charged 5 steps apiece (`std/fmt.rs`), so a call spending it would cost
/// more than the step limit (56 million) anyway: the run ends at the limit instead of
/// building the tree. Without it, printing a 2^20-element `[]any` that holds itself built 64
/// levels of a million values, 5 GB, before the limit was checked (found by the fuzzer).
const MAX_NODES: u64 = 12_800_000;

thread_local! {
    /// Values left to convert in the formatting call under way, whether it ran out, and how
    /// many calls are nested (an error's text formatted inside an operand's).
    static BUDGET: std::cell::Cell<(u64, bool, u32)> = const { std::cell::Cell::new((0, false, 0)) };
}

thread_local! {
    /// Type names met in the outermost formatting call under way (type ids are a program's, and
    /// a call formats one program's values): a million elements of one type share one name.
    /// The last name asked for comes first: a slice's elements ask for one name in a row.
    static NAMES: std::cell::RefCell<NameCache> = std::cell::RefCell::default();
}

type NameCache = (
    std::collections::HashMap<TypeId, format::Name>,
    Option<(TypeId, format::Name)>,
);

/// fmt calls `Error()` and `String()` on the values it meets inside an operand too (struct
/// fields, map keys and values, elements, what an interface holds), not only on the operand.
/// Those are Go methods the VM must run, so a formatting call with such values is made twice:
/// first in [`Nested::Collect`] mode ([`nested_receivers`]), which lists the values in the order
/// this file converts them; the VM then calls each one's method (`Op::Stringify`); then for
/// real in [`Nested::Apply`] mode ([`with_nested`]), which takes the results in the same order.
/// Under an unexported field, and under a value whose method was called, nothing is called
/// (Go's `CanInterface`, and its `handleMethods` printing the method's text instead).
enum Nested {
    Off,
    Collect(Vec<Value>),
    Apply(std::collections::VecDeque<Value>),
}

thread_local! {
    static NESTED: std::cell::RefCell<Nested> = const { std::cell::RefCell::new(Nested::Off) };
    /// Levels of values under which no method is called (an unexported field, a value whose
    /// text came from its method).
    static NO_METHODS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Converts with no methods called, however deep.
fn without_methods<R>(f: impl FnOnce() -> R) -> R {
    NO_METHODS.with(|n| n.set(n.get() + 1));
    let r = f();
    NO_METHODS.with(|n| n.set(n.get().saturating_sub(1)));
    r
}

/// The values inside `items` (a formatting call's operands) whose Error or String method fmt
/// would call, each as an interface of its type, in the order the call converts them.
pub(crate) fn nested_receivers(t: &GoTask, items: &[Value]) -> Vec<Value> {
    NESTED.with(|n| *n.borrow_mut() = Nested::Collect(Vec::new()));
    {
        let _call = Call::begin();
        for v in items {
            operand(t, v);
        }
    }
    NESTED.with(
        |n| match std::mem::replace(&mut *n.borrow_mut(), Nested::Off) {
            Nested::Collect(found) => found,
            _ => Vec::new(),
        },
    )
}

/// Runs formatting call `f` with `results`, what [`nested_receivers`] listed after the VM
/// called their methods (each a `fmt.stringified` marker, or the value itself when no method
/// ran).
pub(crate) fn with_nested<R>(results: Vec<Value>, f: impl FnOnce() -> R) -> R {
    if results.is_empty() {
        return f();
    }
    NESTED.with(|n| *n.borrow_mut() = Nested::Apply(results.into()));
    let r = f();
    NESTED.with(|n| *n.borrow_mut() = Nested::Off);
    r
}

/// At a value of type `ty` inside an operand: in collect mode, notes it when fmt would call its
/// method and returns its conversion without methods; in apply mode, returns the text its
/// method gave. `None`: convert it as usual.
fn nested_method(t: &GoTask, ty: TypeId, v: &Value, depth: usize) -> Option<Val> {
    if depth == 0 || NO_METHODS.with(|n| n.get()) > 0 {
        return None;
    }
    let collecting = NESTED.with(|n| match &*n.borrow() {
        Nested::Off => None,
        Nested::Collect(_) => Some(true),
        Nested::Apply(_) => Some(false),
    })?;
    if t.sh.prog.types.is_interface(ty) || t.fmt_method(ty, v).is_none() {
        return None;
    }
    if collecting {
        // A value receiver gets its own copy, as an operand converted to `any` does.
        let recv = match t.sh.prog.types.pointer_elem(ty) {
            Some(_) => v.clone(),
            None => crate::golite::vm::typed::copy_typed(&t.sh.prog.types, ty, v),
        };
        NESTED.with(|n| {
            if let Nested::Collect(found) = &mut *n.borrow_mut() {
                found.push(Value::Iface(std::rc::Rc::new((ty, recv))));
            }
        });
        return Some(without_methods(|| typed(t, ty, v, depth)));
    }
    let result = NESTED.with(|n| match &mut *n.borrow_mut() {
        Nested::Apply(q) => q.pop_front(),
        _ => None,
    });
    Some(match result {
        Some(r @ Value::Iface(_)) => without_methods(|| dynamic(t, &r, "", depth)),
        _ => without_methods(|| typed(t, ty, v, depth)),
    })
}

/// The text of error `e` (an element of an `errors.Join`) whose Error method is the program's,
/// inside a formatting call: listed in collect mode, taken in apply mode ([`Nested`]).
fn nested_error_text(t: &GoTask, e: &Value) -> Option<String> {
    let Value::Iface(b) = e else { return None };
    if NO_METHODS.with(|n| n.get()) > 0 || t.fmt_method(b.0, &b.1).is_none() {
        return None;
    }
    NESTED.with(|n| match &mut *n.borrow_mut() {
        Nested::Off => None,
        Nested::Collect(found) => {
            found.push(e.clone());
            Some(String::new())
        }
        Nested::Apply(q) => match q.pop_front() {
            Some(Value::Iface(m)) if m.0 == t.sh.prog.wk.stringified => match &m.1 {
                Value::Agg(o) => o.borrow().first().map(|s| s.as_str().to_string()),
                _ => None,
            },
            _ => None,
        },
    })
}

/// The Go name of type `ty`, made once per formatting call.
fn type_name(t: &GoTask, ty: TypeId) -> format::Name {
    NAMES.with(|n| {
        let mut n = n.borrow_mut();
        if let Some((last, name)) = &n.1
            && *last == ty
        {
            return name.clone();
        }
        let name =
            n.0.entry(ty)
                .or_insert_with(|| format::Name::from(t.sh.prog.types.name(ty)))
                .clone();
        n.1 = Some((ty, name.clone()));
        name
    })
}

/// One formatting call: the outermost one starts a fresh budget.
struct Call;

impl Call {
    fn begin() -> Call {
        BUDGET.with(|b| {
            let (left, cut, depth) = b.get();
            if depth == 0 {
                NAMES.with(|n| *n.borrow_mut() = NameCache::default());
            }
            b.set(if depth == 0 {
                (MAX_NODES, false, 1)
            } else {
                (left, cut, depth + 1)
            });
        });
        Call
    }
}

impl Drop for Call {
    fn drop(&mut self) {
        BUDGET.with(|b| {
            let (left, cut, depth) = b.get();
            b.set((left, cut, depth.saturating_sub(1)));
        });
    }
}

/// Takes one value from the budget; false once it is spent (the call is then cut short).
fn spend() -> bool {
    BUDGET.with(|b| {
        let (left, cut, depth) = b.get();
        if left == 0 {
            b.set((0, true, depth));
            false
        } else {
            b.set((left - 1, cut, depth));
            true
        }
    })
}

/// What the budget can still convert.
fn left() -> usize {
    BUDGET.with(|b| b.get().0 as usize)
}

/// Takes up to `n` from the budget for values about to be copied; returns `n`.
fn take(n: usize) -> usize {
    BUDGET.with(|b| {
        let (left, cut, depth) = b.get();
        let n64 = n as u64;
        b.set((left.saturating_sub(n64), cut || n64 > left, depth));
    });
    n
}

/// Whether the last formatting call ran out of its budget ([`MAX_NODES`]): its text is cut
/// short, and the run must end at the step limit.
pub(crate) fn was_cut() -> bool {
    BUDGET.with(|b| b.get().1)
}

/// `fmt.Sprint`.
pub(crate) fn sprint(t: &GoTask, items: &[Value]) -> String {
    let _call = Call::begin();
    let vals = vals(t, items);
    format::sprint(&refs(&vals))
}

/// `fmt.Sprintln`.
pub(crate) fn sprintln(t: &GoTask, items: &[Value]) -> String {
    let _call = Call::begin();
    let vals = vals(t, items);
    format::sprintln(&refs(&vals))
}

/// `fmt.Sprintf`.
pub(crate) fn sprintf(t: &GoTask, f: &str, items: &[Value]) -> String {
    let _call = Call::begin();
    let vals = vals(t, items);
    format::sprintf(f, &refs(&vals))
}

/// `fmt.Errorf`'s message and the indexes of its `%w` operands.
pub(crate) fn errorf(t: &GoTask, f: &str, items: &[Value]) -> (String, Vec<usize>) {
    let _call = Call::begin();
    let vals = vals(t, items);
    format::errorf(f, &refs(&vals))
}

fn vals(t: &GoTask, items: &[Value]) -> Vec<Val> {
    items.iter().map(|v| operand(t, v)).collect()
}

fn refs(vals: &[Val]) -> Vec<&dyn format::FmtValue> {
    vals.iter().map(|v| v as &dyn format::FmtValue).collect()
}

/// `%v` of a value of static type `ty` (a panic value's text, for instance).
pub(crate) fn sprint_typed(t: &GoTask, ty: TypeId, v: &Value) -> String {
    let _call = Call::begin();
    format::sprint(&[&typed(t, ty, v, 0)])
}

/// The value inside a `fmt.stringified` marker (what `Error()`/`String()` was called on).
pub(crate) fn unstringify(t: &GoTask, v: &Value) -> Value {
    if let Value::Iface(b) = v
        && b.0 == t.sh.prog.wk.stringified
        && let Value::Agg(o) = &b.1
    {
        return o.borrow().get(1).cloned().unwrap_or_default();
    }
    v.clone()
}

/// The `Error()` text of an error value whose method is native (or already called by the VM).
pub(crate) fn error_text(t: &GoTask, v: &Value) -> Option<String> {
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
    if b.0 == wk.stringified
        || b.0 == wk.error_string_ptr
        || b.0 == wk.wrap_error_ptr
        || b.0 == wk.wrap_errors_ptr
    {
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
            Value::Slice(o, off, len, _) => {
                o.borrow()[*off as usize..(*off + *len) as usize].to_vec()
            }
            _ => Vec::new(),
        };
        let parts: Vec<String> = items
            .iter()
            .map(|e| {
                error_text(t, e)
                    .or_else(|| nested_error_text(t, e))
                    .unwrap_or_else(|| sprint(t, std::slice::from_ref(e)))
            })
            .collect();
        return Some(parts.join("\n"));
    }
    None
}

/// One operand of fmt: an interface value (or a nil interface).
pub(crate) fn operand(t: &GoTask, v: &Value) -> Val {
    dynamic(t, v, "interface {}", 0)
}

/// The value inside an interface whose static type is named `iface`.
fn dynamic(t: &GoTask, v: &Value, iface: &str, depth: usize) -> Val {
    let Value::Iface(b) = v else {
        return if spend() {
            Val::Nil(format::Name::from(iface))
        } else {
            Val::Str("...".into(), format::Name::from(iface))
        };
    };
    let wk = &t.sh.prog.wk;
    let (ty, inner) = (b.0, &b.1);
    // Error() or String() already called by the VM: the text, and the value it was called on.
    if ty == wk.stringified {
        let field = |i: usize| match inner {
            Value::Agg(o) => o.borrow().get(i).cloned().unwrap_or_default(),
            _ => Value::Nil,
        };
        let text = field(0).as_str().to_string();
        let orig = field(1);
        let is_error = matches!(&orig, Value::Iface(o)
            if (t.sh.prog.methods.contains_key(&(o.0, wk.sym_error))
                && crate::golite::vm::text_method(&t.sh.prog, o.0, wk.sym_error))
                || without_methods(|| error_text(t, &orig)).is_some());
        let inner = Box::new(without_methods(|| dynamic(t, &orig, iface, depth)));
        return if is_error {
            Val::Methods {
                inner,
                error: Some(text),
                string: None,
            }
        } else {
            Val::Methods {
                inner,
                error: None,
                string: Some(text),
            }
        };
    }
    let val = typed(t, ty, inner, depth);
    // Errors whose Error method is native.
    match error_text(t, v) {
        Some(text) => Val::Methods {
            inner: Box::new(val),
            error: Some(text),
            string: None,
        },
        None => val,
    }
}

/// The elements `xs` of static type `el`, up to the first one the budget cuts short (which
/// shows as `...`): the rest would be cut too.
fn elements(t: &GoTask, el: TypeId, xs: &[Value], depth: usize) -> Vec<Val> {
    let mut out = Vec::with_capacity(xs.len());
    for x in xs {
        out.push(typed(t, el, x, depth));
        if was_cut() {
            break;
        }
    }
    out
}

/// A value of static type `ty`.
fn typed(t: &GoTask, ty: TypeId, v: &Value, depth: usize) -> Val {
    let types = &t.sh.prog.types;
    let name = type_name(t, ty);
    if depth > MAX_DEPTH || !spend() {
        return Val::Str("...".into(), name);
    }
    if let Some(val) = nested_method(t, ty, v, depth) {
        return val;
    }
    // The elements, no more than the budget can still convert (one more marks the cut), taken
    // from it now: a value that holds itself is converted depth first, and each level's copy
    // must count before the levels under it are made.
    let items = |v: &Value| -> Vec<Value> {
        let most = left().saturating_add(1);
        match v {
            Value::Slice(o, off, len, _) => {
                let n = take((*len as usize).min(most));
                o.values(*off as usize, *off as usize + n)
            }
            Value::Agg(o) => {
                let n = take(o.len().min(most));
                o.values(0, n)
            }
            _ => Vec::new(),
        }
    };
    // time.Duration's String method is native, and so are Time's, Month's and Weekday's.
    let std = &t.sh.prog.wk.std;
    let string = if ty == std.duration {
        Some(duration_string(v.as_int()))
    } else if ty == std.month {
        Some(time_layout::month_string(v.as_int()))
    } else if ty == std.weekday {
        Some(time_layout::weekday_string(v.as_int()))
    } else if ty == std.time {
        let f = items(v);
        let at = |i: usize| f.get(i).map_or(0, Value::as_int);
        Some(time_layout::time_string(at(0), at(1)))
    } else {
        None
    };
    if let Some(string) = string {
        let inner = if ty == std.time {
            Val::Str(String::new(), name)
        } else {
            Val::Int(v.as_int(), name)
        };
        return Val::Methods {
            inner: Box::new(inner),
            error: None,
            string: Some(string),
        };
    }
    match types.ukind(ty).clone() {
        Kind::Bool | Kind::UntypedBool => Val::Bool(v.as_bool(), name),
        Kind::Int(k) if k.unsigned() => Val::Uint(v.as_int() as u64, name),
        Kind::Int(_) | Kind::UntypedInt | Kind::UntypedRune => Val::Int(v.as_int(), name),
        Kind::Float32 => Val::F32(v.as_float() as f32, name),
        Kind::Float64 | Kind::UntypedFloat => Val::F64(v.as_float(), name),
        Kind::Complex64 => {
            let (re, im) = v.as_complex();
            Val::C64(re as f32, im as f32, name)
        }
        Kind::Complex128 | Kind::UntypedComplex => {
            let (re, im) = v.as_complex();
            Val::C128(re, im, name)
        }
        Kind::String | Kind::UntypedString => Val::Str(v.as_str().to_string(), name),
        Kind::Slice(el) => {
            if matches!(v, Value::Nil) {
                return if types.int_kind(el) == Some(IntKind::Uint8) {
                    Val::Bytes(None)
                } else {
                    Val::Slice(name, 0, None)
                };
            }
            if types.int_kind(el) == Some(IntKind::Uint8)
                && let Value::Slice(o, off, len, _) = v
            {
                let n = take((*len as usize).min(left().saturating_add(1)));
                return Val::Bytes(Some(o.read_bytes(*off as usize, *off as usize + n)));
            }
            let xs = items(v);
            Val::Slice(name, ADDR, Some(elements(t, el, &xs, depth + 1)))
        }
        Kind::Array(_, el) if types.int_kind(el) == Some(IntKind::Uint8) => match v {
            Value::Agg(o) => {
                let n = take(o.len().min(left().saturating_add(1)));
                Val::ByteArray(name, o.read_bytes(0, n))
            }
            // An array seen through a pointer made from a slice, `*(*[4]byte)(s)`.
            Value::Slice(o, off, len, _) => {
                let n = take((*len as usize).min(left().saturating_add(1)));
                Val::ByteArray(name, o.read_bytes(*off as usize, *off as usize + n))
            }
            _ => Val::Array(name, elements(t, el, &items(v), depth + 1)),
        },
        Kind::Array(_, el) => Val::Array(name, elements(t, el, &items(v), depth + 1)),
        Kind::Struct(fields) => {
            let xs = items(v);
            Val::Struct(
                name,
                fields
                    .iter()
                    .zip(xs.iter())
                    .map(|(f, x)| {
                        // Go calls no method through an unexported field (CanInterface).
                        let val = if f.name.starts_with(|c: char| c.is_uppercase()) {
                            typed(t, f.ty, x, depth + 1)
                        } else {
                            without_methods(|| typed(t, f.ty, x, depth + 1))
                        };
                        (f.name.clone(), val)
                    })
                    .collect(),
            )
        }
        Kind::Pointer(el) => {
            let pointee = match v {
                Value::Nil => return Val::Ptr(name, 0, None),
                // fmt shows what a pointer points to only for a top-level operand.
                _ if depth > 0 => None,
                Value::Agg(_) => Some(typed(t, el, v, depth + 1)),
                // An array pointer into a slice (`(*[N]T)(s)`): the array it views.
                Value::Slice(o, off, n, _) => {
                    let view = Value::Agg(o.part(*off as usize, (*off + *n) as usize));
                    Some(typed(t, el, &view, depth + 1))
                }
                Value::Cell(c) => Some(typed(t, el, &c.borrow(), depth + 1)),
                Value::Elem(o, i) => o.get(*i as usize).map(|x| typed(t, el, &x, depth + 1)),
                _ => None,
            };
            Val::Ptr(name, ADDR, pointee.map(Box::new))
        }
        Kind::Map(kt, vt) => match v {
            Value::Map(m) => Val::Map(
                name,
                ADDR,
                Some(
                    m.borrow()
                        .entries
                        .values()
                        .take(left().saturating_add(1))
                        .map(|(k, x)| (typed(t, kt, k, depth + 1), typed(t, vt, x, depth + 1)))
                        .collect(),
                ),
            ),
            _ => Val::Map(name, 0, None),
        },
        Kind::Interface(_) => dynamic(t, v, &name, depth + 1),
        Kind::Chan(..) => match v {
            Value::Chan(c) => Val::Chan(name, 0xc000020000 + u64::from(c.id.0) * 0x60),
            _ => Val::Chan(name, 0),
        },
        Kind::Func(_) => match v {
            Value::Nil => Val::Func(name, 0),
            _ => Val::Func(name, ADDR),
        },
        _ => Val::Nil(name),
    }
}
