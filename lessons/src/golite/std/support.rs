//! What the library's packages share: the [`Package`] descriptor each file fills, Go
//! signatures written as text ([`sig`]), method registration ([`add_method`]), and the helpers
//! natives use to read and make values. Each package file imports this module whole, as its
//! prelude.

pub(super) use super::ids::{Pkg, generics, natives};
pub(super) use crate::golite::code::{FuncRef, Generic, MethodImpl, Native, Op, Std, WellKnown};
pub(super) use crate::golite::compile::expr::Mode;
pub(super) use crate::golite::compile::{Compiler, ConstVal, Member, R, describe, err};
pub(super) use crate::golite::fmt::value as fmt_value;
pub(super) use crate::golite::syntax::ast::{Expr, ExprKind, Pos};
pub(super) use crate::golite::types::{ChanDir, Field, IntKind, Kind, TypeId, Types, ids};
pub(super) use crate::golite::vm::reach;
pub(super) use crate::golite::vm::value::{ChanRef, Closure, Obj, Value};
pub(super) use crate::golite::vm::{
    Callee, Deferred, GoTask, NRes, Pending, REPANICKED, WORK_BYTES_PER_STEP,
};
pub(super) use crate::runtime::{
    Cause, ChanId, CtxErr, CtxId, Cx, MutexId, Op as ROp, Ref, RwMutexId, TimerId, WgId,
};
pub(super) use std::rc::Rc;

/// One Go package of the library: its number, import path and optional hooks (a package fills
/// those it needs and takes the rest from [`Package::NONE`]). Its `member`, `register`, `call`
/// and `generic_*` functions std/mod.rs calls by name.
pub(super) struct Package {
    /// Its number: the index of its entry in std/mod.rs's table.
    pub(super) pkg: Pkg,
    /// The import path (`"math/rand"`); empty for the builtins.
    pub(super) path: &'static str,
    /// Steps a native costs beyond the bytes it reads and writes (`work_in`, `work_out`).
    pub(super) extra_steps: fn(Native, u64, u64) -> u64,
    /// Go source of a member compiled at each call, as a function value (`P.` for the
    /// package): what `p := fmt.Println` evaluates to.
    pub(super) value_wrapper: fn(&str) -> Option<&'static str>,
    /// Go source of a generic member instantiated explicitly (`$T` for the type argument).
    pub(super) instantiated: fn(&str) -> Option<&'static str>,
    /// The members written in Go (`bytes.Buffer`, `io.Copy`): declarations compiled with every
    /// program that imports the package, their names spelled as compile::go_name makes them
    /// (`bytesꞏBuffer`; `stringsꞏ.Index` for a native of package strings).
    pub(super) go: &'static str,
    /// The import paths whose Go source [`Package::go`] uses.
    pub(super) needs: &'static [&'static str],
}

impl Package {
    /// A package without the optional hooks.
    pub(super) const NONE: Package = Package {
        pkg: Pkg::Builtin,
        path: "",
        extra_steps: |_, _, _| 0,
        value_wrapper: |_| None,
        instantiated: |_| None,
        go: "",
        needs: &[],
    };
}

/// Pushes a native's result: `push!(t, value)` (the value is made before `t` is borrowed).
macro_rules! push {
    ($t:ident, $v:expr) => {{
        let v = $v;
        $t.stack.push(v);
    }};
}
pub(super) use push;

/// Refuses a call of `e` (described as Go would) that has not `n` arguments.
pub(super) fn need(args: &[Expr], n: usize, e: &Expr) -> R<()> {
    if args.len() != n {
        return err(
            e.pos,
            format!("wrong number of arguments in call to {}", describe_call(e)),
        );
    }
    Ok(())
}

/// Refuses a result of `bytes` bytes (and `slots` golite values) before memory is requested.
pub(super) fn reserve(
    t: &mut GoTask,
    cx: &mut Cx<'_, Value>,
    bytes: u64,
    slots: u64,
) -> Result<(), NRes> {
    t.reserve(cx, bytes, slots).map_err(NRes::Limit)
}

/// Field 0 of a struct pointer (the lazily created runtime id of sync types and friends).
pub(super) fn field0(v: &Value) -> i64 {
    match v {
        Value::Agg(o) => o.borrow().first().map_or(0, Value::as_int),
        Value::Iface(b) => field0(&b.1),
        _ => 0,
    }
}

pub(super) fn set_field(v: &Value, i: usize, x: Value) {
    if let Value::Agg(o) = v
        && let Some(s) = o.borrow_mut().get_mut(i)
    {
        *s = x;
    }
}

pub(super) fn get_field(v: &Value, i: usize) -> Value {
    match v {
        Value::Agg(o) => o.borrow().get(i).cloned().unwrap_or_default(),
        Value::Iface(b) => get_field(&b.1, i),
        _ => Value::Nil,
    }
}

/// The id stored in field `i` of a sync object, creating the object on first use. The struct
/// is registered as holding it, so a reachability walk that meets the struct reaches the object
/// (`vm::reach`: golite's values carry no type that would say so).
pub(super) fn lazy_id(v: &Value, i: usize, make: impl FnOnce() -> Ref) -> u32 {
    let cur = get_field(v, i).as_int();
    if cur > 0 {
        return (cur - 1) as u32;
    }
    let r = make();
    let id = match r {
        Ref::Mutex(x) => x.0,
        Ref::RwMutex(x) => x.0,
        Ref::WaitGroup(x) => x.0,
        Ref::Once(x) => x.0,
        Ref::Conn(x) => x.0,
        Ref::Listener(x) => x.0,
        Ref::Cond(x) => x.0,
        Ref::Chan(x) => x.0,
        Ref::Timer(x) => x.0,
        Ref::Ctx(x) => x.0,
    };
    set_field(v, i, Value::Int(i64::from(id) + 1));
    if let Value::Agg(o) = v {
        reach::register(o, r);
    }
    id
}

pub(super) fn ok_or_block(r: ROp<()>) -> NRes {
    match r {
        ROp::Ready(()) => NRes::Ok,
        ROp::Blocked => NRes::Block(Pending::Unit),
        ROp::Panic(m) => NRes::Panic(m),
    }
}

pub(super) fn s(v: &Value) -> &str {
    v.as_str()
}

pub(super) fn strv(x: impl AsRef<str>) -> Value {
    Value::Str(Rc::from(x.as_ref()))
}

pub(super) fn slice_items(v: &Value) -> Vec<Value> {
    match v {
        Value::Slice(o, off, len, _) => o.values(*off as usize, (*off + *len) as usize),
        _ => Vec::new(),
    }
}

/// An error value of type `*errors.errorString`.
pub(super) fn new_error(t: &GoTask, msg: &str) -> Value {
    let ty = t.sh.prog.wk.error_string_ptr;
    Value::Iface(Rc::new((ty, Value::agg(vec![strv(msg)]))))
}

pub(super) fn rune(v: &Value) -> Option<char> {
    char::from_u32(v.as_int() as u32)
}

pub(super) fn bytes_of(v: &Value) -> Vec<u8> {
    match v {
        Value::Slice(o, off, len, _) => o.read_bytes(*off as usize, (*off + *len) as usize),
        _ => Vec::new(),
    }
}

/// `f` of the bytes of the `[]byte` `v`, read in place (copied only from an array that holds
/// values): a hash native reads a 200 MB slice without a second 200 MB.
pub(super) fn with_bytes<R>(v: &Value, f: impl FnOnce(&[u8]) -> R) -> R {
    match v {
        Value::Slice(o, off, len, _) => {
            let (from, to) = (*off as usize, (*off + *len) as usize);
            if let Some(b) = o.bytes_ref() {
                return f(b.get(from..to).unwrap_or_default());
            }
            f(&o.read_bytes(from, to))
        }
        _ => f(&[]),
    }
}

pub(super) fn byte_slice(t: &GoTask, bytes: &[u8]) -> Value {
    let _ = t;
    let n = bytes.len() as u32;
    Value::Slice(
        crate::golite::vm::value::Obj::bytes(bytes.to_vec()),
        0,
        n,
        n,
    )
}

pub(super) fn named_struct(t: &mut Types, name: &str, fields: &[(&str, TypeId)]) -> TypeId {
    let n = t.new_named(name);
    let fs: Vec<Field> = fields
        .iter()
        .map(|(f, ty)| Field {
            name: f.to_string(),
            ty: *ty,
            embedded: false,
        })
        .collect();
    let s = t.intern(Kind::Struct(fs));
    t.set_underlying(n, s);
    n
}

/// Parses a Go type as written in the tables below (`[]string`, `func(Duration) <-chan Time`).
pub(super) struct TypeParser<'s> {
    s: &'s [u8],
    i: usize,
    pkg: &'s str,
}

impl<'s> TypeParser<'s> {
    fn ws(&mut self) {
        while self.i < self.s.len() && self.s[self.i] == b' ' {
            self.i += 1;
        }
    }
    fn eat(&mut self, t: &str) -> bool {
        self.ws();
        if self.s[self.i..].starts_with(t.as_bytes()) {
            self.i += t.len();
            true
        } else {
            false
        }
    }
    fn ident(&mut self) -> String {
        self.ws();
        let st = self.i;
        while self.i < self.s.len()
            && (self.s[self.i].is_ascii_alphanumeric()
                || self.s[self.i] == b'_'
                || self.s[self.i] == b'.')
        {
            self.i += 1;
        }
        String::from_utf8_lossy(&self.s[st..self.i]).into_owned()
    }
    fn ty(&mut self, c: &mut Compiler) -> TypeId {
        if self.eat("[]") {
            let e = self.ty(c);
            return c.types.slice(e);
        }
        if self.eat("*") {
            let e = self.ty(c);
            return c.types.pointer(e);
        }
        if self.eat("<-chan ") {
            let e = self.ty(c);
            return c.types.chan(ChanDir::Recv, e);
        }
        if self.eat("chan ") {
            let e = self.ty(c);
            return c.types.chan(ChanDir::Both, e);
        }
        if self.eat("map[") {
            let k = self.ty(c);
            self.eat("]");
            let v = self.ty(c);
            return c.types.map(k, v);
        }
        if self.eat("func(") {
            let mut ps = Vec::new();
            let mut variadic = false;
            while !self.eat(")") {
                if self.eat("...") {
                    variadic = true;
                    let e = self.ty(c);
                    ps.push(c.types.slice(e));
                } else {
                    ps.push(self.ty(c));
                }
                self.eat(",");
            }
            let mut rs = Vec::new();
            self.ws();
            if self.eat("(") {
                while !self.eat(")") {
                    rs.push(self.ty(c));
                    self.eat(",");
                }
            } else if self.i < self.s.len() && self.s[self.i] != b',' && self.s[self.i] != b')' {
                rs.push(self.ty(c));
            }
            return c.types.func(ps, rs, variadic);
        }
        let name = self.ident();
        named_type(c, self.pkg, &name).unwrap_or(ids::ANY)
    }
}

pub(super) fn named_type(c: &mut Compiler, pkg: &str, name: &str) -> Option<TypeId> {
    if let Some((p, n)) = name.split_once('.') {
        let path = match p {
            "atomic" => "sync/atomic",
            other => other,
        };
        return match c.member(path, n) {
            Some(Member::Type(t)) => Some(t),
            _ => None,
        };
    }
    if let Some(crate::golite::compile::Entity::Type(t)) = crate::golite::compile::universe(name) {
        return Some(t);
    }
    match c.member(pkg, name) {
        Some(Member::Type(t)) => Some(t),
        _ => None,
    }
}

/// Resolves a signature string in package `pkg`.
pub(super) fn sig(c: &mut Compiler, pkg: &str, s: &str) -> TypeId {
    let mut p = TypeParser {
        s: s.as_bytes(),
        i: 0,
        pkg,
    };
    p.ty(c)
}

/// Registers native method `name` of library type `t` (signature `sg` in package `pkg`'s
/// terms); `ptr`: only `*t` has it.
pub(super) fn add_method(
    c: &mut Compiler,
    t: TypeId,
    pkg: &str,
    name: &str,
    sg: &str,
    n: Native,
    ptr: bool,
) {
    let st = sig(c, pkg, sg);
    add_method_typed(c, t, name, st, n, ptr);
}

/// Registers native methods of library types: (type, name, signature in package `pkg`'s terms,
/// native, whether only the pointer has it).
pub(super) fn add_methods(
    c: &mut Compiler,
    pkg: &str,
    table: &[(TypeId, &str, &str, Native, bool)],
) {
    for &(t, name, sg, n, ptr) in table {
        add_method(c, t, pkg, name, sg, n, ptr);
    }
}

pub(super) fn add_method_typed(
    c: &mut Compiler,
    t: TypeId,
    name: &str,
    st: TypeId,
    n: Native,
    ptr: bool,
) {
    c.native_methods.insert((t, name.to_string()), (n, st, ptr));
    let sym = c.sym(name);
    let pt = c.types.pointer(t);
    c.methods.insert((pt, sym), MethodImpl::Native(n));
    if !ptr {
        c.methods.insert((t, sym), MethodImpl::Native(n));
    }
}

pub(super) fn describe_call(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Call { func, .. } => describe(func),
        _ => describe(e),
    }
}
/// The type the arguments of a generic call share (`cmp.Compare(x, 1)`): the first typed one,
/// else the default type of the first.
pub(super) fn shared_type(c: &mut Compiler, args: &[Expr], e: &Expr) -> R<TypeId> {
    let name = describe_call(e);
    let mut t = None;
    for a in args {
        let at = c.type_of(a)?;
        if !c.types.is_untyped(at) {
            t = Some(at);
            break;
        }
    }
    let t = match (t, args.first()) {
        (Some(t), _) => t,
        (None, Some(a)) => {
            let at = c.type_of(a)?;
            c.types.default_type(at)
        }
        (None, None) => {
            return err(e.pos, format!("in call to {name}, cannot infer T"));
        }
    };
    Ok(t)
}

/// Go's error when a library generic constrained by `cmp.Ordered` (`slices.Sort`, `slices.Max`,
/// `cmp.Compare`...) gets type `t`, which is not ordered (a complex number, a bool, a struct):
/// types2's message, at the call's `(`, where it reports an inferred type argument.
pub(super) fn require_ordered(c: &mut Compiler, t: TypeId, e: &Expr) -> R<()> {
    if matches!(
        c.types.ukind(t),
        Kind::Int(_) | Kind::Float64 | Kind::Float32 | Kind::String
    ) {
        return Ok(());
    }
    let n = c.msg_name(t);
    let at = match &e.kind {
        ExprKind::Call { func, .. } => {
            let src = crate::golite::compile::expr_src(func);
            Pos::new(func.pos.line, func.pos.col + src.len() as u32)
        }
        _ => e.pos,
    };
    err(
        at,
        format!(
            "{n} does not satisfy cmp.Ordered ({n} missing in ~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string)"
        ),
    )
}
