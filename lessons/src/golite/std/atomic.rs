//! Go's `sync/atomic`: the functions on pointers and the `Int32`/`Int64`/`Uint32`/`Uint64`/`Bool`
//! types, seen by the race detector as atomic.

use super::support::*;

natives! {
    Pkg::Atomic;
    AtomicAdd64,
    AtomicAdd32,
    AtomicLoad,
    AtomicStore,
    AtomicCas,
    AtomicSwap,
    AtomicAddU64,
    AtomicAddU32,
    AtomicAnd,
    AtomicOr,
}

const PATH: &str = "sync/atomic";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Atomic,
    path: PATH,
    go: GO,
    ..Package::NONE
};

/// The member `name` of the package.
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let std = c.std.clone();
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    match name {
        "Int64" => Some(Member::Type(std.atomic_int64)),
        "Int32" => Some(Member::Type(std.atomic_int32)),
        "Bool" => Some(Member::Type(std.atomic_bool)),
        "AddInt64" => f(c, "func(*int64, int64) int64", N::AtomicAdd64),
        "AddInt32" => f(c, "func(*int32, int32) int32", N::AtomicAdd32),
        "LoadInt64" => f(c, "func(*int64) int64", N::AtomicLoad),
        "LoadInt32" => f(c, "func(*int32) int32", N::AtomicLoad),
        "StoreInt64" => f(c, "func(*int64, int64)", N::AtomicStore),
        "StoreInt32" => f(c, "func(*int32, int32)", N::AtomicStore),
        "CompareAndSwapInt64" => f(c, "func(*int64, int64, int64) bool", N::AtomicCas),
        "CompareAndSwapInt32" => f(c, "func(*int32, int32, int32) bool", N::AtomicCas),
        "Uint64" => Some(Member::Type(c.more.atomic_uint64)),
        "Uint32" => Some(Member::Type(c.more.atomic_uint32)),
        _ => None,
    }
}

/// Registers the methods of the package's types.
pub(super) fn register(c: &mut Compiler) {
    let s = c.std.clone();
    add_methods(
        c,
        PATH,
        &[
            (
                s.atomic_int64,
                "Add",
                "func(int64) int64",
                N::AtomicAdd64,
                true,
            ),
            (s.atomic_int64, "Load", "func() int64", N::AtomicLoad, true),
            (s.atomic_int64, "Store", "func(int64)", N::AtomicStore, true),
            (
                s.atomic_int64,
                "Swap",
                "func(int64) int64",
                N::AtomicSwap,
                true,
            ),
            (
                s.atomic_int64,
                "CompareAndSwap",
                "func(int64, int64) bool",
                N::AtomicCas,
                true,
            ),
            (
                s.atomic_int32,
                "Add",
                "func(int32) int32",
                N::AtomicAdd32,
                true,
            ),
            (s.atomic_int32, "Load", "func() int32", N::AtomicLoad, true),
            (s.atomic_int32, "Store", "func(int32)", N::AtomicStore, true),
            (
                s.atomic_int32,
                "Swap",
                "func(int32) int32",
                N::AtomicSwap,
                true,
            ),
            (
                s.atomic_int32,
                "CompareAndSwap",
                "func(int32, int32) bool",
                N::AtomicCas,
                true,
            ),
            (s.atomic_bool, "Load", "func() bool", N::AtomicLoad, true),
            (s.atomic_bool, "Store", "func(bool)", N::AtomicStore, true),
            (
                s.atomic_bool,
                "Swap",
                "func(bool) bool",
                N::AtomicSwap,
                true,
            ),
            (
                s.atomic_bool,
                "CompareAndSwap",
                "func(bool, bool) bool",
                N::AtomicCas,
                true,
            ),
        ],
    );
    let u64t = named_struct(&mut c.types, "atomic.Uint64", &[("v", ids::UINT64)]);
    let u32t = named_struct(&mut c.types, "atomic.Uint32", &[("v", ids::UINT32)]);
    c.more.atomic_uint64 = u64t;
    c.more.atomic_uint32 = u32t;
    for (t, name, sg, n) in [
        (u64t, "Add", "func(uint64) uint64", N::AtomicAddU64),
        (u32t, "Add", "func(uint32) uint32", N::AtomicAddU32),
        (u64t, "Load", "func() uint64", N::AtomicLoad),
        (u32t, "Load", "func() uint32", N::AtomicLoad),
        (u64t, "Store", "func(uint64)", N::AtomicStore),
        (u32t, "Store", "func(uint32)", N::AtomicStore),
        (u64t, "Swap", "func(uint64) uint64", N::AtomicSwap),
        (u32t, "Swap", "func(uint32) uint32", N::AtomicSwap),
        (
            u64t,
            "CompareAndSwap",
            "func(uint64, uint64) bool",
            N::AtomicCas,
        ),
        (
            u32t,
            "CompareAndSwap",
            "func(uint32, uint32) bool",
            N::AtomicCas,
        ),
        (u64t, "And", "func(uint64) uint64", N::AtomicAnd),
        (u32t, "And", "func(uint32) uint32", N::AtomicAnd),
        (u64t, "Or", "func(uint64) uint64", N::AtomicOr),
        (u32t, "Or", "func(uint32) uint32", N::AtomicOr),
    ] {
        add_method(c, t, PATH, name, sg, n, true);
    }
    for (t, sg) in [
        (s.atomic_int64, "func(int64) int64"),
        (s.atomic_int32, "func(int32) int32"),
    ] {
        add_method(c, t, PATH, "And", sg, N::AtomicAnd, true);
        add_method(c, t, PATH, "Or", sg, N::AtomicOr, true);
    }
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    match n {
        N::AtomicAdd64 | N::AtomicAdd32 => {
            let p = arg(0);
            race_atomic(t, cx, &p, crate::runtime::AtomicOp::Rmw);
            let k = if n == N::AtomicAdd32 {
                crate::golite::types::IntKind::Int32
            } else {
                crate::golite::types::IntKind::Int64
            };
            let v = k.wrap(load_ptr(&p).as_int().wrapping_add(arg(1).as_int()));
            store_ptr(&p, Value::Int(v));
            push!(t, Value::Int(v));
        }
        N::AtomicLoad => {
            race_atomic(t, cx, &arg(0), crate::runtime::AtomicOp::Load);
            push!(t, load_ptr(&arg(0)))
        }
        N::AtomicStore => {
            race_atomic(t, cx, &arg(0), crate::runtime::AtomicOp::Store);
            store_ptr(&arg(0), arg(1))
        }
        N::AtomicSwap => {
            let p = arg(0);
            race_atomic(t, cx, &p, crate::runtime::AtomicOp::Rmw);
            let old = load_ptr(&p);
            store_ptr(&p, arg(1));
            push!(t, old);
        }
        N::AtomicCas => {
            let p = arg(0);
            let ok = load_ptr(&p).equals(&arg(1));
            let op = if ok {
                crate::runtime::AtomicOp::Rmw
            } else {
                crate::runtime::AtomicOp::CasFail
            };
            race_atomic(t, cx, &p, op);
            if ok {
                store_ptr(&p, arg(2));
            }
            push!(t, Value::Bool(ok));
        }
        N::AtomicAddU64 | N::AtomicAddU32 => {
            let p = arg(0);
            let k = if n == N::AtomicAddU32 {
                IntKind::Uint32
            } else {
                IntKind::Uint64
            };
            let v = k.wrap(load_ptr(&p).as_int().wrapping_add(arg(1).as_int()));
            store_ptr(&p, Value::Int(v));
            push!(t, Value::Int(v))
        }
        N::AtomicAnd | N::AtomicOr => {
            let p = arg(0);
            let old = load_ptr(&p).as_int();
            let new = if n == N::AtomicAnd {
                old & arg(1).as_int()
            } else {
                old | arg(1).as_int()
            };
            store_ptr(&p, Value::Int(new));
            push!(t, Value::Int(old))
        }
        _ => {}
    }
    NRes::Ok
}

/// Reads through a pointer (`*int64`, `&c.n`, or an atomic.X struct's value field).
/// A `sync/atomic` operation for the race detector (nothing when it is off).
fn race_atomic(t: &GoTask, cx: &mut Cx<'_, Value>, p: &Value, op: crate::runtime::AtomicOp) {
    if cx.race_enabled() {
        let site = t.user_site();
        t.sh.race_pins.atomic(cx, site, p, op);
    }
}

fn load_ptr(p: &Value) -> Value {
    match p {
        Value::Cell(c) => c.borrow().clone(),
        Value::Elem(o, i) => o.borrow().get(*i as usize).cloned().unwrap_or_default(),
        Value::Agg(o) => o.borrow().first().cloned().unwrap_or_default(),
        _ => Value::Nil,
    }
}

fn store_ptr(p: &Value, v: Value) {
    match p {
        Value::Cell(c) => *c.borrow_mut() = v,
        Value::Elem(o, i) => {
            if let Some(s) = o.borrow_mut().get_mut(*i as usize) {
                *s = v;
            }
        }
        Value::Agg(o) => {
            if let Some(s) = o.borrow_mut().first_mut() {
                *s = v;
            }
        }
        _ => {}
    }
}

/// atomic.Value, written in Go (std/mod.rs's `go_source`): Go's panics for nil and for a value
/// of another dynamic type than the first (told apart by `%T`). atomic.Pointer[T] is a generic
/// type (compile/generics.rs): one instance per T, as a program's own generic type.
const GO: &str = r#"
type atomicꞏValue struct{ v any }

func (v *atomicꞏValue) Load() (val any) { return v.v }
func (v *atomicꞏValue) check(val any, op string) {
	if val == nil {
		panic("sync/atomic: " + op + " of nil value into Value")
	}
	if v.v != nil && fmtꞏ.Sprintf("%T", v.v) != fmtꞏ.Sprintf("%T", val) {
		panic("sync/atomic: " + op + " of inconsistently typed value into Value")
	}
}
func (v *atomicꞏValue) Store(val any) {
	v.check(val, "store")
	v.v = val
}
func (v *atomicꞏValue) Swap(new any) (old any) {
	v.check(new, "swap")
	old = v.v
	v.v = new
	return
}
func (v *atomicꞏValue) CompareAndSwap(old, new any) (swapped bool) {
	v.check(new, "compare and swap")
	if v.v != old {
		return false
	}
	v.v = new
	return true
}

type atomicꞏPointer[T any] struct{ v *T }

func (x *atomicꞏPointer[T]) Load() *T { return x.v }
func (x *atomicꞏPointer[T]) Store(val *T) { x.v = val }
func (x *atomicꞏPointer[T]) Swap(new *T) (old *T) {
	old = x.v
	x.v = new
	return
}
func (x *atomicꞏPointer[T]) CompareAndSwap(old, new *T) (swapped bool) {
	if x.v != old {
		return false
	}
	x.v = new
	return true
}
"#;
