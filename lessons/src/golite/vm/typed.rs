//! Operations that need a value's static type: zero values, copies with Go's value semantics,
//! `==` on structs, arrays and interfaces (and the panic for uncomparable ones).

use super::GoTask;
use crate::golite::types::{Kind, TypeId, Types};
use crate::golite::vm::value::{Cells, Obj, Value};
use std::rc::Rc;

/// Dereferences a pointer for a value receiver: a copy of the pointee (of type `el`).
pub(crate) fn deref_copy(types: &Types, el: TypeId, p: &Value) -> Value {
    match p {
        Value::Agg(_) => copy_typed(types, el, p),
        Value::Cell(c) => copy_typed(types, el, &c.borrow()),
        Value::Elem(c, i) => c
            .get(*i as usize)
            .map(|v| copy_typed(types, el, &v))
            .unwrap_or_default(),
        other => other.clone(),
    }
}

/// Go's `==` on two values of type `t`: a pointer to a struct or array compares by address
/// (golite holds it as the storage itself, which [`Value::equals`] would compare by content),
/// an interface by dynamic type and then as that type, structs and arrays element by element.
pub(crate) fn typed_equal(types: &Types, t: TypeId, a: &Value, b: &Value) -> bool {
    typed_equal_at(types, t, a, b, 0)
}

/// Interfaces nested deeper than this compare as [`Value::equals`] does (no recursion).
const MAX_EQUAL_DEPTH: usize = 200;

fn typed_equal_at(types: &Types, t: TypeId, a: &Value, b: &Value, depth: usize) -> bool {
    if depth > MAX_EQUAL_DEPTH {
        return a.equals(b);
    }
    let typed_equal =
        |types: &Types, t: TypeId, a: &Value, b: &Value| typed_equal_at(types, t, a, b, depth + 1);
    match types.ukind(t) {
        Kind::Pointer(_) => match (a, b) {
            (Value::Agg(x), Value::Agg(y)) => Rc::ptr_eq(x, y),
            // Array pointers into slices (`(*[N]T)(s)`): the same first element.
            (Value::Slice(x, i, ..), Value::Slice(y, j, ..)) => Rc::ptr_eq(x, y) && i == j,
            _ => a.equals(b),
        },
        Kind::Interface(_) => match (a, b) {
            (Value::Iface(x), Value::Iface(y)) => {
                Rc::ptr_eq(x, y) || (x.0 == y.0 && typed_equal(types, x.0, &x.1, &y.1))
            }
            _ => a.equals(b),
        },
        Kind::Struct(fs) => match (a, b) {
            (Value::Agg(x), Value::Agg(y)) => {
                let (x, y) = (x.borrow(), y.borrow());
                x.len() == y.len()
                    && fs
                        .iter()
                        .zip(x.iter().zip(y.iter()))
                        .all(|(f, (p, q))| typed_equal(types, f.ty, p, q))
            }
            _ => a.equals(b),
        },
        Kind::Array(_, el) => match (a, b) {
            (Value::Agg(x), Value::Agg(y)) => {
                if let Some(same) = Obj::same_bytes(x, y) {
                    return same;
                }
                let (x, y) = (x.borrow(), y.borrow());
                x.len() == y.len()
                    && x.iter()
                        .zip(y.iter())
                        .all(|(p, q)| typed_equal(types, *el, p, q))
            }
            _ => a.equals(b),
        },
        _ => a.equals(b),
    }
}

/// A copy as Go copies a value of type `t`: structs and arrays (and the structs and arrays inside
/// them) get new storage; pointers, slices and maps inside are shared.
pub(crate) fn copy_typed(types: &Types, t: TypeId, v: &Value) -> Value {
    match (types.ukind(t), v) {
        (Kind::Struct(fs), Value::Agg(o)) => {
            let items = o.borrow();
            let out: Vec<Value> = fs
                .iter()
                .zip(items.iter())
                .map(|(f, x)| copy_typed(types, f.ty, x))
                .collect();
            Value::Agg(Obj::new(out))
        }
        (Kind::Array(_, el), Value::Agg(o)) => {
            Value::Agg(o.duplicate(|x| copy_typed(types, *el, x)))
        }
        _ => v.clone(),
    }
}

/// A fresh zero value of type `t`.
pub(crate) fn zero_value(types: &Types, t: TypeId, empty: &Rc<str>) -> Value {
    match types.ukind(t) {
        Kind::Bool | Kind::UntypedBool => Value::Bool(false),
        Kind::Int(_) | Kind::UntypedInt | Kind::UntypedRune => Value::Int(0),
        Kind::Float64 | Kind::Float32 | Kind::UntypedFloat => Value::Float(0.0),
        Kind::Complex128 | Kind::Complex64 | Kind::UntypedComplex => Value::Complex(0.0, 0.0),
        Kind::String | Kind::UntypedString => Value::Str(empty.clone()),
        Kind::Struct(fs) => {
            let v: Vec<Value> = fs.iter().map(|f| zero_value(types, f.ty, empty)).collect();
            Value::Agg(Obj::new(v))
        }
        Kind::Array(n, e) if super::is_byte(types, *e) => {
            Value::Agg(Obj::bytes(vec![0; usize::try_from(*n).unwrap_or(0)]))
        }
        Kind::Array(n, e) => {
            let v: Vec<Value> = (0..*n).map(|_| zero_value(types, *e, empty)).collect();
            Value::Agg(Obj::new(v))
        }
        _ => Value::Nil,
    }
}

impl GoTask {
    /// Go's run-time panic for `==` on two interfaces holding the same uncomparable type
    /// (a slice, map or func), if that is what `a == b` is.
    pub(super) fn uncomparable(&self, a: &Value, b: &Value) -> Option<String> {
        match (a, b) {
            (Value::Iface(x), Value::Iface(y)) if x.0 == y.0 && !self.types().comparable(x.0) => {
                Some(format!(
                    "runtime error: comparing uncomparable type {}",
                    self.types().name(x.0)
                ))
            }
            _ => None,
        }
    }

    /// Copies struct or array `src` of type `t` into `dst` element by element, recursing into
    /// elements that are inline structs or arrays (a pointer field is re-pointed, not written
    /// through), so storage that pointers refer to stays the same storage.
    pub(super) fn copy_into(&self, dst: &Cells, src: &Cells, t: TypeId) {
        if Rc::ptr_eq(dst, src) {
            return;
        }
        let types = &self.sh.prog.types;
        let field_types: Option<Vec<TypeId>> = match types.ukind(t) {
            Kind::Struct(fs) => Some(fs.iter().map(|f| f.ty).collect()),
            _ => None,
        };
        let elem_type = match types.ukind(t) {
            Kind::Array(_, el) => Some(*el),
            _ => None,
        };
        // Byte arrays hold nothing a pointer refers to inside them: their bytes are copied.
        if src.is_bytes() || dst.is_bytes() {
            let n = src.len().min(dst.len());
            Obj::copy(dst, 0, src, 0, n);
            return;
        }
        let items: Vec<Value> = src.borrow().clone();
        for (i, item) in items.into_iter().enumerate() {
            let et = field_types
                .as_ref()
                .and_then(|f| f.get(i).copied())
                .or(elem_type);
            if let Some(et) = et.filter(|et| types.is_aggregate(*et)) {
                let old = dst.borrow().get(i).cloned();
                if let (Some(Value::Agg(d)), Value::Agg(s)) = (old, &item) {
                    self.copy_into(&d, s, et);
                    continue;
                }
            }
            if let Some(slot) = dst.borrow_mut().get_mut(i) {
                *slot = item;
            }
        }
    }
}
