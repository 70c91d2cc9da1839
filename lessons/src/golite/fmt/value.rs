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

/// `fmt.Sprint`.
pub(crate) fn sprint(t: &GoTask, items: &[Value]) -> String {
    let vals = vals(t, items);
    format::sprint(&refs(&vals))
}

/// `fmt.Sprintln`.
pub(crate) fn sprintln(t: &GoTask, items: &[Value]) -> String {
    let vals = vals(t, items);
    format::sprintln(&refs(&vals))
}

/// `fmt.Sprintf`.
pub(crate) fn sprintf(t: &GoTask, f: &str, items: &[Value]) -> String {
    let vals = vals(t, items);
    format::sprintf(f, &refs(&vals))
}

/// `fmt.Errorf`'s message and the indexes of its `%w` operands.
pub(crate) fn errorf(t: &GoTask, f: &str, items: &[Value]) -> (String, Vec<usize>) {
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
    if b.0 == wk.stringified || b.0 == wk.error_string_ptr || b.0 == wk.wrap_error_ptr {
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
            .map(|e| error_text(t, e).unwrap_or_else(|| sprint(t, std::slice::from_ref(e))))
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
        return Val::Nil(iface.to_string());
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
            if t.sh.prog.methods.contains_key(&(o.0, wk.sym_error))
                || error_text(t, &orig).is_some());
        let inner = Box::new(dynamic(t, &orig, iface, depth));
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

/// A value of static type `ty`.
fn typed(t: &GoTask, ty: TypeId, v: &Value, depth: usize) -> Val {
    let types = &t.sh.prog.types;
    let name = types.name(ty);
    if depth > MAX_DEPTH {
        return Val::Str("...".into(), name);
    }
    let items = |v: &Value| -> Vec<Value> {
        match v {
            Value::Slice(o, off, len, _) => {
                o.borrow()[*off as usize..(*off + *len) as usize].to_vec()
            }
            Value::Agg(o) => o.borrow().clone(),
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
        Kind::String | Kind::UntypedString => Val::Str(v.as_str().to_string(), name),
        Kind::Slice(el) => {
            if matches!(v, Value::Nil) {
                return if types.int_kind(el) == Some(IntKind::Uint8) {
                    Val::Bytes(None)
                } else {
                    Val::Slice(name, 0, None)
                };
            }
            let xs = items(v);
            if types.int_kind(el) == Some(IntKind::Uint8) {
                return Val::Bytes(Some(xs.iter().map(|x| x.as_int() as u8).collect()));
            }
            let elems = xs.iter().map(|x| typed(t, el, x, depth + 1)).collect();
            Val::Slice(name, ADDR, Some(elems))
        }
        Kind::Array(_, el) => Val::Array(
            name,
            items(v)
                .iter()
                .map(|x| typed(t, el, x, depth + 1))
                .collect(),
        ),
        Kind::Struct(fields) => {
            let xs = items(v);
            Val::Struct(
                name,
                fields
                    .iter()
                    .zip(xs.iter())
                    .map(|(f, x)| (f.name.clone(), typed(t, f.ty, x, depth + 1)))
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
                    let items = o.borrow()[*off as usize..(*off + *n) as usize].to_vec();
                    Some(typed(t, el, &Value::agg(items), depth + 1))
                }
                Value::Cell(c) => Some(typed(t, el, &c.borrow(), depth + 1)),
                Value::Elem(o, i) => o
                    .borrow()
                    .get(*i as usize)
                    .map(|x| typed(t, el, x, depth + 1)),
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
