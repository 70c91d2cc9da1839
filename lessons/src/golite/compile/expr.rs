//! Expressions: values, names, selectors, indexing, addresses, unary and binary operators,
//! assignability to a type. Constants, static types, composite literals, calls, conversions
//! and builtins have files of their own beside this one.

use super::{Builtin, Compiler, Entity, Member, R, describe, err};
use crate::golite::code::{Const, FuncRef, Native, Op};
use crate::golite::syntax::ast::{BinaryOp, Expr, ExprKind, Pos, UnaryOp};
use crate::golite::types::{ChanDir, Kind, TypeId, ids};

/// How a call is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Call,
    Go,
    Defer,
}

/// What `x.name` selects.
#[derive(Clone, Debug)]
pub(crate) enum Sel {
    Field {
        path: Vec<u32>,
        ty: TypeId,
    },
    GoMethod {
        path: Vec<u32>,
        fid: u32,
        ptr: bool,
        sig: TypeId,
    },
    NativeMethod {
        path: Vec<u32>,
        native: Native,
        ptr: bool,
        sig: TypeId,
    },
    IfaceMethod {
        path: Vec<u32>,
        sym: u32,
        sig: TypeId,
    },
}

impl<'a> Compiler<'a> {
    // ---- constants ----
    // ---- names without side effects ----
    // ---- values ----

    /// Compiles `e` as a value to store or pass: aggregates read from a location are copied.
    pub(crate) fn value(&mut self, e: &Expr, want: Option<TypeId>) -> R<TypeId> {
        let t = self.expr(e, want)?;
        if self.types.is_aggregate(t) && is_location(e) {
            self.emit(Op::CopyAgg(t));
        }
        Ok(t)
    }

    /// Compiles `e` as a value of type `target` (converting to an interface when needed).
    pub(crate) fn value_to(&mut self, e: &Expr, target: TypeId) -> R<()> {
        let t = self.value(e, Some(target))?;
        self.check_assignable(t, target, e)?;
        self.coerce(t, target);
        Ok(())
    }

    /// Checks Go's assignability (the common cases), for clear compile errors.
    pub(crate) fn check_assignable(&mut self, from: TypeId, to: TypeId, e: &Expr) -> R<()> {
        if from == to || self.types.is_interface(to) && self.implements_static(from, to) {
            return Ok(());
        }
        let tys = &self.types;
        let ok = match (tys.kind(from), tys.ukind(to)) {
            (Kind::UntypedNil, k) => matches!(
                k,
                Kind::Pointer(_)
                    | Kind::Slice(_)
                    | Kind::Map(..)
                    | Kind::Chan(..)
                    | Kind::Func(_)
                    | Kind::Interface(_)
            ),
            (Kind::UntypedInt | Kind::UntypedRune, k) => matches!(
                k,
                Kind::Int(_)
                    | Kind::Float64
                    | Kind::Float32
                    | Kind::Complex128
                    | Kind::Complex64
                    | Kind::Interface(_)
            ),
            (Kind::UntypedFloat | Kind::UntypedComplex, k) => matches!(
                k,
                Kind::Float64
                    | Kind::Float32
                    | Kind::Complex128
                    | Kind::Complex64
                    | Kind::Interface(_)
                    | Kind::Int(_)
            ),
            (Kind::UntypedBool, k) => matches!(k, Kind::Bool | Kind::Interface(_)),
            (Kind::UntypedString, k) => matches!(k, Kind::String | Kind::Interface(_)),
            (Kind::Chan(ChanDir::Both, e1), Kind::Chan(_, e2)) => e1 == e2,
            _ => {
                // Identical underlying types where at least one side is not a defined type.
                let (uf, ut) = (tys.underlying(from), tys.underlying(to));
                uf == ut && (tys.named_info(from).is_none() || tys.named_info(to).is_none())
            }
        };
        if ok {
            return Ok(());
        }
        if self.types.is_interface(to) {
            let why = self.why_not_implemented(from, to);
            return err(
                e.pos,
                format!(
                    "cannot use {} (value of type {}) as {} value: {} does not implement {} {why}",
                    describe(e),
                    self.types.name(from),
                    self.types.name(to),
                    self.types.name(from),
                    self.types.name(to)
                ),
            );
        }
        err(
            e.pos,
            format!(
                "cannot use {} (value of type {}) as {} value",
                describe(e),
                self.types.name(self.types.default_type(from)),
                self.types.name(to)
            ),
        )
    }

    /// Whether `t`'s method set has every method of interface `iface` (compile time).
    pub(crate) fn implements_static(&mut self, t: TypeId, iface: TypeId) -> bool {
        self.not_implemented(t, iface).is_none()
    }

    /// Why `t` does not implement `iface`, in types2's words: `(missing method M)`, or
    /// `(wrong type for method M)` with the two signatures on the lines below.
    pub(super) fn why_not_implemented(&mut self, t: TypeId, iface: TypeId) -> String {
        match self.not_implemented(t, iface) {
            None => String::new(),
            Some((name, None)) => format!("(missing method {name})"),
            Some((name, Some(have))) => {
                let want = self
                    .types
                    .iface_methods(iface)
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map_or(have, |(_, s)| *s);
                let sig = |c: &Self, s: TypeId| {
                    let text = c.types.name(s);
                    format!("{name}{}", text.strip_prefix("func").unwrap_or(&text))
                };
                format!(
                    "(wrong type for method {name})\n\t\thave {}\n\t\twant {}",
                    sig(self, have),
                    sig(self, want)
                )
            }
        }
    }

    /// The first method of `iface` that `t` lacks (with `None`) or has with another signature
    /// (with that signature).
    fn not_implemented(&mut self, t: TypeId, iface: TypeId) -> Option<(String, Option<TypeId>)> {
        let ms = self.types.iface_methods(iface).to_vec();
        for (name, want) in ms {
            let have = match self.find_member(t, &name) {
                Some(Sel::GoMethod { ptr, path, sig, .. })
                | Some(Sel::NativeMethod { ptr, path, sig, .. }) => {
                    (!ptr || self.types.pointer_elem(t).is_some() || !path.is_empty())
                        .then_some(sig)
                }
                Some(Sel::IfaceMethod { sig, .. }) => Some(sig),
                _ => None,
            };
            match have {
                None => return Some((name, None)),
                Some(s) if s != want => return Some((name, Some(s))),
                Some(_) => {}
            }
        }
        None
    }

    /// Converts the value on top from `from` to `to` where the representation differs.
    pub(crate) fn coerce(&mut self, from: TypeId, to: TypeId) {
        if self.types.is_interface(to) && !self.types.is_interface(from) && from != ids::UNTYPED_NIL
        {
            let d = self.types.default_type(from);
            self.ensure_dispatch(d);
            self.emit(Op::ToIface(d));
        }
    }

    /// Makes sure dynamic dispatch can find methods promoted into `t` (compiled on demand).
    pub(crate) fn ensure_dispatch(&mut self, _t: TypeId) {}

    /// Compiles `e`, leaving one value on the stack; returns its static type.
    pub(crate) fn expr(&mut self, e: &Expr, want: Option<TypeId>) -> R<TypeId> {
        if let Some((v, t)) = self.constant(e)? {
            let target = match want {
                Some(w) if self.types.is_untyped(t) && !self.types.is_untyped(w) => {
                    if self.types.is_interface(w) {
                        self.types.default_type(t)
                    } else {
                        // Go reports a constant that does not fit where its expression starts.
                        let at = crate::golite::compile::start_pos(e);
                        self.check_complex_fits(&v, w, e, false)?;
                        let v2 = self.convert_const(v.clone(), t, w, at)?;
                        self.emit_const(&v2, w);
                        return Ok(w);
                    }
                }
                _ => self.types.default_type(t),
            };
            let v = if target != t {
                self.convert_const(v, t, target, e.pos)?
            } else {
                v
            };
            self.emit_const(&v, target);
            return Ok(target);
        }
        self.line = e.pos.line.max(self.line.min(e.pos.line));
        match &e.kind {
            ExprKind::Paren(x) => self.expr(x, want),
            ExprKind::Ident(_) | ExprKind::Selector { .. }
                if want.is_some_and(|w| matches!(self.types.ukind(w), Kind::Func(_)))
                    && self.is_generic_func_ref(e) =>
            {
                let w = want.unwrap_or(ids::VOID);
                match self.generic_func_value(e, w)? {
                    Some(t) => Ok(t),
                    None => err(
                        e.pos,
                        format!(
                            "cannot use generic function {} without instantiation",
                            describe(e)
                        ),
                    ),
                }
            }
            ExprKind::Selector { .. } if self.is_generic_func_ref(e) => err(
                e.pos,
                format!(
                    "cannot use generic function {} without instantiation",
                    describe(e)
                ),
            ),
            ExprKind::Index { .. } if self.instantiated_src(e)?.is_some() => {
                match self.library_instance_value(e)? {
                    Some(t) => Ok(t),
                    None => err(e.pos, "internal error: library instance"),
                }
            }
            ExprKind::Ident(n) => self.ident(n, e.pos),
            ExprKind::FuncLit { sig, body } => self.func_lit(sig, body, e.pos),
            ExprKind::CompositeLit { typ, elems } => self.composite(typ.as_ref(), elems, want, e),
            ExprKind::Selector { x, sel } => self.selector(x, &sel.name, e.pos),
            ExprKind::Index { .. } | ExprKind::IndexList { .. }
                if self.generic_instance(e)?.is_some() =>
            {
                match self.generic_instance(e)? {
                    Some(Entity::Func(fid, t)) => {
                        let ix = self.const_index(Const::Func(FuncRef::Go(fid)));
                        self.emit(Op::Const(ix));
                        Ok(t)
                    }
                    _ => err(
                        e.pos,
                        format!("{} (type) is not an expression", describe(e)),
                    ),
                }
            }
            ExprKind::Index { x, index } => self.index(x, index, e.pos),
            ExprKind::Slice { x, lo, hi, max } => {
                let t = self.type_of(e)?;
                let xt = self.expr(x, None)?;
                // `p[:]` on a nil *[N]T dereferences it, as Go's shorthand for `(*p)[:]`.
                if let Kind::Pointer(p) = self.types.ukind(xt).clone()
                    && matches!(self.types.ukind(p), Kind::Array(..))
                {
                    self.emit(Op::NilCheck);
                }
                let mut flags = 0u8;
                for (b, bit) in [(lo, 1u8), (hi, 2), (max, 4)] {
                    if let Some(b) = b {
                        self.index_value(b)?;
                        flags |= bit;
                    }
                }
                self.emit(Op::Slice(flags));
                Ok(t)
            }
            ExprKind::TypeAssert { x, typ: Some(t) } => {
                let xt = self.expr(x, None)?;
                if !self.types.is_interface(xt) {
                    return err(
                        x.pos,
                        format!(
                            "invalid operation: {} (variable of type {}) is not an interface",
                            describe(x),
                            self.types.name(xt)
                        ),
                    );
                }
                let tt = self.resolve_type(t)?;
                self.assert_op(tt, xt, false);
                Ok(tt)
            }
            ExprKind::Call { .. } => {
                let rs = self.call(e, Mode::Call, want)?;
                match rs.len() {
                    1 => Ok(rs[0]),
                    0 => err(e.pos, format!("{} (no value) used as value", describe(e))),
                    _ => err(
                        e.pos,
                        format!(
                            "multiple-value {} (value of type {}) in single-value context",
                            describe(e),
                            {
                                let tt = self.types.tuple(rs.clone());
                                self.types.name(tt)
                            }
                        ),
                    ),
                }
            }
            ExprKind::Star(x) => {
                let t = self.expr(x, None)?;
                let Some(el) = self.types.pointer_elem(t) else {
                    return err(
                        e.pos,
                        format!("invalid operation: cannot indirect {}", describe(x)),
                    );
                };
                self.emit(Op::Deref);
                Ok(el)
            }
            ExprKind::Unary { op, x } => self.unary(*op, x, want, e),
            ExprKind::Binary { op, x, y } => self.binary(*op, x, y, want, e.pos),
            ExprKind::TypeLit(_) => err(e.pos, "type is not an expression"),
            ExprKind::TypeAssert { typ: None, .. } => {
                err(e.pos, "use of .(type) outside type switch")
            }
            _ => err(e.pos, "unsupported expression"),
        }
    }

    /// Emits a type assertion of the interface on top to `t`.
    pub(crate) fn assert_op(&mut self, t: TypeId, from: TypeId, ok: bool) {
        if self.types.is_interface(t) {
            self.emit(if ok {
                Op::AssertIfaceOk(t)
            } else {
                Op::AssertIface(t)
            });
        } else {
            self.ensure_dispatch(t);
            let at = self.emit(if ok {
                Op::AssertTypeOk(t)
            } else {
                Op::AssertType(t)
            });
            let fid = *self.current_fid();
            self.assert_src.insert((fid, at as u32), from);
        }
    }

    pub(super) fn ident(&mut self, n: &str, pos: Pos) -> R<TypeId> {
        match self.lookup(n) {
            Some(Entity::Local(v)) => {
                self.load_var(v);
                Ok(self.f().vars[v].ty)
            }
            Some(Entity::Capture(i, t)) => {
                self.emit(Op::LoadCap(i));
                Ok(t)
            }
            Some(Entity::Global(g, t)) => {
                self.emit(Op::LoadGlobal(g));
                Ok(t)
            }
            Some(Entity::Func(fid, t)) => {
                let ix = self.const_index(Const::Func(FuncRef::Go(fid)));
                self.emit(Op::Const(ix));
                Ok(t)
            }
            Some(Entity::Nil) => {
                self.emit(Op::PushNil);
                Ok(ids::UNTYPED_NIL)
            }
            Some(Entity::Type(_)) => err(pos, format!("{n} (type) is not an expression")),
            Some(Entity::Builtin(_)) => err(pos, format!("{n} (built-in function) must be called")),
            Some(Entity::Package(_)) => err(pos, format!("use of package {n} without selector")),
            Some(Entity::GenericFunc(_)) => err(
                pos,
                format!("cannot use generic function {n} without instantiation"),
            ),
            Some(Entity::GenericType(_)) => err(
                pos,
                format!("cannot use generic type {n} without instantiation"),
            ),
            Some(Entity::Const(..)) | Some(Entity::Iota) => err(
                pos,
                format!("constant {n} used where golite expected a value"),
            ),
            None => err(pos, format!("undefined: {n}")),
        }
    }

    /// Emits the receiver for a selection: walks `path` from `x`; `addr` asks for a pointer.
    pub(crate) fn sel_base(&mut self, x: &Expr, path: &[u32], addr: bool) -> R<TypeId> {
        let xt = self.type_of(x)?;
        if path.is_empty() {
            return if addr {
                if self.types.pointer_elem(xt).is_some() {
                    self.expr(x, None)
                } else {
                    self.addr_of(x)
                }
            } else if let Some(el) = self
                .types
                .pointer_elem(xt)
                .filter(|_| !self.types.is_interface(xt))
            {
                self.expr(x, None)?;
                self.emit(Op::Deref);
                if self.types.is_aggregate(el) {
                    self.emit(Op::CopyAgg(el));
                }
                Ok(el)
            } else {
                self.value(x, None)
            };
        }
        let mut t = if self.types.pointer_elem(xt).is_some() || self.types.is_aggregate(xt) {
            self.expr(x, None)?
        } else {
            self.addr_of(x)?
        };
        for (k, &i) in path.iter().enumerate() {
            let st = self.types.pointer_elem(t).unwrap_or(t);
            let fty = self
                .types
                .struct_fields(st)
                .and_then(|fs| fs.get(i as usize))
                .map(|f| f.ty)
                .unwrap_or(ids::VOID);
            let last = k + 1 == path.len();
            if last && addr {
                if self.types.pointer_elem(fty).is_some() {
                    self.emit(Op::Field(i));
                    t = fty;
                } else {
                    self.emit(Op::FieldAddr(i));
                    t = self.types.pointer(fty);
                }
            } else {
                self.emit(Op::Field(i));
                t = fty;
                if last {
                    if let Some(el) = self.types.pointer_elem(fty) {
                        if !self.types.is_interface(fty) {
                            self.emit(Op::Deref);
                            if self.types.is_aggregate(el) {
                                self.emit(Op::CopyAgg(el));
                            }
                            t = el;
                        }
                    } else if self.types.is_aggregate(fty) {
                        self.emit(Op::CopyAgg(fty));
                    }
                }
            }
        }
        Ok(t)
    }

    pub(super) fn selector(&mut self, x: &Expr, name: &str, pos: Pos) -> R<TypeId> {
        let sel = crate::golite::syntax::ast::Ident {
            name: name.to_string(),
            pos,
        };
        if let Some(library_name) = self.library_go_name(x, &sel) {
            return self.expr(&library_name, None);
        }
        if let Some(t) = self.type_expr_of(x)? {
            // A method expression `T.M` / `(*T).M`: a function taking the receiver first.
            let src = self.method_wrapper_src(t, name, pos, true)?;
            return self.compile_wrapper(&src, pos);
        }
        if let ExprKind::Ident(p) = &x.kind
            && let Some(Entity::Package(path)) = self.peek(p)
        {
            return match self.member(&path, name) {
                Some(Member::Const(v, t)) => {
                    self.emit_const(&v, t);
                    Ok(t)
                }
                Some(Member::Value(n, t)) => {
                    self.emit(Op::CallNative(n, 0));
                    Ok(t)
                }
                Some(Member::Func(n, sig)) => {
                    let ix = self.const_index(Const::Func(FuncRef::Native(n)));
                    self.emit(Op::Const(ix));
                    Ok(sig)
                }
                Some(Member::Generic(_)) if self.wrapper_lit(p, &path, name).is_some() => {
                    let Some((sig, body)) = self.wrapper_lit(p, &path, name) else {
                        return err(pos, format!("{p}.{name} cannot be used as a value"));
                    };
                    let line = self.line;
                    let t = self.func_lit(&sig, &body, pos);
                    self.line = line;
                    t
                }
                _ => err(pos, (self.lib.missing_member)(p, &path, name)),
            };
        }
        let xt = self.type_of(x)?;
        match self.find_member(xt, name) {
            Some(Sel::Field { path, ty }) => {
                // The base is read in place (no copy): only the selected field is a value.
                let last = path.len() - 1;
                if last == 0 {
                    self.expr(x, None)?;
                } else {
                    self.sel_base(x, &path[..last], true)?;
                }
                self.emit(Op::Field(path[last]));
                Ok(ty)
            }
            Some(Sel::GoMethod {
                path,
                fid,
                ptr,
                sig,
            }) => {
                self.sel_base(x, &path, ptr)?;
                self.emit(Op::BindMethod(fid));
                Ok(sig)
            }
            Some(Sel::NativeMethod {
                path,
                native,
                ptr,
                sig,
            }) => {
                self.sel_base(x, &path, ptr)?;
                self.emit(Op::BindNative(native));
                Ok(sig)
            }
            Some(Sel::IfaceMethod { .. }) => {
                // `i.M`: i is evaluated now, into a variable of its own that a function literal
                // calling its method captures.
                let src = self.method_wrapper_src(xt, name, pos, false)?;
                self.push_scope();
                let v = self.new_var(RECV, xt);
                self.value(x, None)?;
                self.init_var(v);
                let t = self.compile_wrapper(&src, pos);
                self.pop_scope();
                t
            }
            None => err(
                pos,
                (self.lib.missing_method)(&describe(x), &self.types.name(xt), name),
            ),
        }
    }

    pub(super) fn index(&mut self, x: &Expr, index: &Expr, pos: Pos) -> R<TypeId> {
        let xt = self.type_of(x)?;
        match self.types.ukind(xt).clone() {
            Kind::Map(k, v) => {
                self.expr(x, None)?;
                self.value_to(index, k)?;
                self.emit(Op::MapIndex(v));
                Ok(v)
            }
            Kind::Slice(el) | Kind::Array(_, el) => {
                self.expr(x, None)?;
                self.index_value(index)?;
                self.emit(Op::Index);
                Ok(el)
            }
            Kind::String | Kind::UntypedString => {
                self.expr(x, None)?;
                self.index_value(index)?;
                self.emit(Op::Index);
                Ok(ids::UINT8)
            }
            Kind::Pointer(p) => match self.types.ukind(p).clone() {
                Kind::Array(_, el) => {
                    self.expr(x, None)?;
                    self.emit(Op::NilCheck);
                    self.index_value(index)?;
                    self.emit(Op::Index);
                    Ok(el)
                }
                _ => err(pos, "invalid operation: cannot index pointer"),
            },
            _ => err(
                pos,
                format!(
                    "invalid operation: cannot index {} (variable of type {})",
                    describe(x),
                    self.types.name(xt)
                ),
            ),
        }
    }

    /// The function literal that `p.name` evaluates to when that package function is compiled
    /// specially at each call (see a std package's `value_wrapper`); its positions are the file's
    /// first line.
    pub fn wrapper_lit(
        &mut self,
        p: &str,
        path: &str,
        name: &str,
    ) -> Option<(
        crate::golite::syntax::ast::FuncType,
        crate::golite::syntax::ast::Block,
    )> {
        let src = (self.lib.value_wrapper)(path, name)?.replace("P.", &format!("{p}."));
        let file = crate::golite::syntax::parser::parse_file(&on_line(self.line, &src)).ok()?;
        let Some(crate::golite::syntax::ast::Decl::Var(specs)) = file.decls.into_iter().next()
        else {
            return None;
        };
        let value = specs.into_iter().next()?.values.into_iter().next()?;
        match value.kind {
            ExprKind::FuncLit { sig, body } => Some((sig, body)),
            _ => None,
        }
    }

    /// Go source of a function literal calling method `name` of `t`: with the receiver as its
    /// first parameter for a method expression (`T.M`), or on the captured variable `RECV` for
    /// a method value of an interface.
    pub(super) fn method_wrapper_src(
        &mut self,
        t: TypeId,
        name: &str,
        pos: Pos,
        expression: bool,
    ) -> R<String> {
        let sig = match self.find_member(t, name) {
            Some(Sel::GoMethod { sig, ptr, .. }) => {
                if ptr && expression && self.types.pointer_elem(t).is_none() {
                    return err(
                        pos,
                        format!(
                            "invalid method expression {}.{name} (needs pointer receiver (*{}).{name})",
                            self.type_src(t),
                            self.type_src(t)
                        ),
                    );
                }
                sig
            }
            Some(Sel::NativeMethod { sig, .. }) | Some(Sel::IfaceMethod { sig, .. }) => sig,
            _ => {
                return err(
                    pos,
                    format!(
                        "{}.{name} undefined (type {} has no method {name})",
                        self.type_src(t),
                        self.type_src(t)
                    ),
                );
            }
        };
        let s = self.sig_of(sig);
        let mut params = Vec::new();
        let mut args = Vec::new();
        if expression {
            params.push(format!("{RECV} {}", self.type_src(t)));
        }
        for (i, p) in s.params.iter().enumerate() {
            let last = i + 1 == s.params.len();
            if last && s.variadic {
                let el = match self.types.ukind(*p) {
                    Kind::Slice(e) => *e,
                    _ => *p,
                };
                params.push(format!("a{i} ...{}", self.type_src(el)));
                args.push(format!("a{i}..."));
            } else {
                params.push(format!("a{i} {}", self.type_src(*p)));
                args.push(format!("a{i}"));
            }
        }
        let results: Vec<String> = s.results.iter().map(|r| self.type_src(*r)).collect();
        let ret = if results.is_empty() { "" } else { "return " };
        Ok(format!(
            "func({}) ({}) {{ {ret}{RECV}.{name}({}) }}",
            params.join(", "),
            results.join(", "),
            args.join(", ")
        ))
    }

    /// A type as Go source in this file (`main.T` is `T` here).
    pub(crate) fn type_src(&self, t: TypeId) -> String {
        self.types.name(t).replace("main.", "")
    }

    pub(crate) fn parse_func_lit(
        &mut self,
        src: &str,
        pos: Pos,
    ) -> R<(
        crate::golite::syntax::ast::FuncType,
        crate::golite::syntax::ast::Block,
    )> {
        let lit = crate::golite::syntax::parser::parse_file(&on_line(pos.line, src))
            .ok()
            .and_then(|f| match f.decls.into_iter().next() {
                Some(crate::golite::syntax::ast::Decl::Var(specs)) => specs.into_iter().next(),
                _ => None,
            })
            .and_then(|s| s.values.into_iter().next());
        match lit.map(|e| e.kind) {
            Some(ExprKind::FuncLit { sig, body }) => Ok((sig, body)),
            _ => err(
                pos,
                "golite cannot take this method as a function value yet",
            ),
        }
    }

    /// Compiles a function literal given as source (its positions are the file's first lines:
    /// code lines are stamped with `pos` instead).
    pub(crate) fn compile_wrapper(&mut self, src: &str, pos: Pos) -> R<TypeId> {
        let (sig, body) = self.parse_func_lit(src, pos)?;
        let line = self.line;
        // Not the program's function literal: Go numbers only those (`main.main.func1`), and
        // shows no frame of a wrapper it makes for a method expression or a deferred builtin,
        // so this one, like library code, shows in no dump or race report.
        let fid = self.funcs.len();
        let count = self.f().closure_count;
        let t = self.func_lit(&sig, &body, pos);
        self.f().closure_count = count;
        let name = format!("{}.wrapper", self.f().code.name);
        if let Some(code) = self.funcs.get_mut(fid) {
            code.prelude = true;
            code.name = name;
        }
        self.line = line;
        t
    }

    /// `defer delete(m, k)`, `go copy(dst, src)`, `defer clear(m)`: the arguments are evaluated
    /// now into variables of their own, and a function literal making the call is deferred.
    /// It is Go's wrapper, named as Go names it (`main.handle.deferwrap1`, the number counted by
    /// `go_wrapper.rs`), and shows in race reports where Go's does.
    /// `defer recover()` does nothing: recover is then not called by a deferred function.
    pub(super) fn go_defer_builtin(
        &mut self,
        b: Builtin,
        args: &[Expr],
        mode: Mode,
        e: &Expr,
    ) -> R<Vec<TypeId>> {
        let name = match b {
            Builtin::Recover => return Ok(vec![]),
            Builtin::Delete => "delete",
            Builtin::Copy => "copy",
            Builtin::Clear => "clear",
            _ => {
                let what = if mode == Mode::Go { "go" } else { "defer" };
                return err(e.pos, format!("{what} discards result of {}", describe(e)));
            }
        };
        self.push_scope();
        let mut names = Vec::new();
        for (i, a) in args.iter().enumerate() {
            let t = match (b, i) {
                (Builtin::Delete, 1) => {
                    let mt = self.type_of(&args[0])?;
                    let kt = match self.types.ukind(mt) {
                        Kind::Map(k, _) => *k,
                        _ => {
                            let at = self.type_of(a)?;
                            self.types.default_type(at)
                        }
                    };
                    self.value_to(a, kt)?;
                    kt
                }
                _ => {
                    let t = self.value(a, None)?;
                    self.types.default_type(t)
                }
            };
            names.push(self.wrapper_arg(i, t));
        }
        self.go_defer_wrapped(&format!("{name}({})", names.join(", ")), mode, e)
    }

    /// Keeps the value on the stack, of type `ty`, as argument `i` of a `go`/`defer` wrapper
    /// (in the scope [`Compiler::go_defer_wrapped`] pops); returns the variable's name.
    pub(crate) fn wrapper_arg(&mut self, i: usize, ty: TypeId) -> String {
        let n = format!("_golite_arg{i}");
        let v = self.new_var(&n, ty);
        self.init_var(v);
        n
    }

    /// Starts or defers a function literal making `call`, whose arguments are the variables
    /// [`Compiler::wrapper_arg`] made in a scope pushed for them (popped here): Go's wrapper,
    /// named as Go names it (`main.handle.deferwrap1`, the number counted by `go_wrapper.rs`).
    pub(crate) fn go_defer_wrapped(&mut self, call: &str, mode: Mode, e: &Expr) -> R<Vec<TypeId>> {
        let fid = self.funcs.len();
        let r = self.compile_wrapper(&format!("func() {{ {call} }}"), e.pos);
        self.pop_scope();
        r?;
        let kind = if mode == Mode::Go {
            "gowrap"
        } else {
            "deferwrap"
        };
        let f = self.f();
        let wrapper = format!("{}.{kind}{}", f.code.name, f.go_defer_wraps);
        if let Some(code) = self.funcs.get_mut(fid) {
            code.prelude = false;
            code.name = wrapper;
        }
        self.emit(match mode {
            Mode::Go => Op::GoValue(0),
            _ => Op::DeferValue(0),
        });
        Ok(vec![])
    }

    /// The Go source of `pkg.F[T]`, a generic library function instantiated explicitly
    /// (a std package's `instantiated`, with `$T` and the package's local name filled in).
    pub(super) fn instantiated_src(&mut self, func: &Expr) -> R<Option<String>> {
        let ExprKind::Index { x, index } = &func.unparen().kind else {
            return Ok(None);
        };
        let ExprKind::Selector { x: px, sel } = &x.kind else {
            return Ok(None);
        };
        let ExprKind::Ident(p) = &px.kind else {
            return Ok(None);
        };
        let Some(Entity::Package(path)) = self.peek(p) else {
            return Ok(None);
        };
        let Some(src) = (self.lib.instantiated)(&path, &sel.name) else {
            return Ok(None);
        };
        let Some(t) = self.type_expr_of(index)? else {
            return err(index.pos, format!("{} is not a type", describe(index)));
        };
        Ok(Some(
            src.replace("$T", &self.type_src(t))
                .replace("P.", &format!("{p}.")),
        ))
    }

    /// N for `[N]T` and `*[N]T`.
    pub fn array_len(&self, t: TypeId) -> Option<u64> {
        match self.types.ukind(t) {
            Kind::Array(n, _) => Some(*n),
            Kind::Pointer(p) => match self.types.ukind(*p) {
                Kind::Array(n, _) => Some(*n),
                _ => None,
            },
            _ => None,
        }
    }

    pub(super) fn index_value(&mut self, index: &Expr) -> R<()> {
        if let Some((v @ crate::golite::compile::ConstVal::Complex(_), _)) = self.constant(index)?
            && v.as_i128().is_none()
        {
            return err(
                crate::golite::compile::start_pos(index),
                format!(
                    "{} (untyped complex constant {}) truncated to int",
                    crate::golite::compile::expr_src(index),
                    v.go_text()
                ),
            );
        }
        if let Some((v, _)) = self.constant(index)?
            && let Some(i) = v.as_i128()
            && i < 0
        {
            return err(
                index.pos,
                format!("invalid argument: index {i} (constant of type int) must not be negative"),
            );
        }
        let t = self.expr(index, Some(ids::INT))?;
        if !self.types.is_integer(t) {
            return err(
                index.pos,
                format!(
                    "invalid argument: index {} (variable of type {}) must be integer",
                    describe(index),
                    self.types.name(t)
                ),
            );
        }
        Ok(())
    }

    /// Emits a pointer to the location `e`; returns the pointer type.
    pub(crate) fn addr_of(&mut self, e: &Expr) -> R<TypeId> {
        match &e.kind {
            ExprKind::Paren(x) => self.addr_of(x),
            ExprKind::Ident(n) => match self.lookup(n) {
                Some(Entity::Local(v)) => {
                    let t = self.f().vars[v].ty;
                    if self.types.is_aggregate(t) {
                        self.load_var(v);
                    } else {
                        let d = self.fs.len() - 1;
                        self.box_var(d, v);
                        let slot = self.f().vars[v].slot;
                        self.emit(Op::CellOf(slot));
                    }
                    Ok(self.types.pointer(t))
                }
                Some(Entity::Capture(i, t)) => {
                    if self.types.is_aggregate(t) {
                        self.emit(Op::LoadCap(i));
                    } else {
                        self.emit(Op::CapCell(i));
                    }
                    Ok(self.types.pointer(t))
                }
                Some(Entity::Global(g, t)) => {
                    if self.types.is_aggregate(t) {
                        self.emit(Op::LoadGlobal(g));
                    } else {
                        self.emit(Op::GlobalCell(g));
                    }
                    Ok(self.types.pointer(t))
                }
                _ => err(
                    e.pos,
                    format!("invalid operation: cannot take address of {n}"),
                ),
            },
            ExprKind::Selector { x, sel } => {
                let xt = self.type_of(x)?;
                match self.find_member(xt, &sel.name) {
                    Some(Sel::Field { path, ty }) => {
                        self.sel_base(x, &path, true)?;
                        Ok(self.types.pointer(ty))
                    }
                    _ => err(
                        e.pos,
                        format!("invalid operation: cannot take address of {}", describe(e)),
                    ),
                }
            }
            ExprKind::Index { x, index } => {
                let xt = self.type_of(x)?;
                let el = match self.types.ukind(xt).clone() {
                    Kind::Slice(el) | Kind::Array(_, el) => el,
                    Kind::Pointer(p) => match self.types.ukind(p).clone() {
                        Kind::Array(_, el) => el,
                        _ => return err(e.pos, "cannot take address"),
                    },
                    Kind::Map(..) => {
                        return err(
                            e.pos,
                            format!(
                                "invalid operation: cannot take address of {} (map index expression)",
                                describe(e)
                            ),
                        );
                    }
                    _ => return err(e.pos, "cannot take address"),
                };
                self.expr(x, None)?;
                self.index_value(index)?;
                self.emit(Op::IndexAddr);
                Ok(self.types.pointer(el))
            }
            ExprKind::Star(p) => self.expr(p, None),
            ExprKind::CompositeLit { typ, elems } => {
                let t = self.composite(typ.as_ref(), elems, None, e)?;
                if self.types.is_aggregate(t) {
                    self.emit(Op::Escape(t));
                } else {
                    self.emit(Op::BoxValue);
                }
                Ok(self.types.pointer(t))
            }
            _ => err(
                e.pos,
                format!("invalid operation: cannot take address of {}", describe(e)),
            ),
        }
    }

    pub(super) fn unary(
        &mut self,
        op: UnaryOp,
        x: &Expr,
        want: Option<TypeId>,
        e: &Expr,
    ) -> R<TypeId> {
        match op {
            UnaryOp::Addr => self.addr_of(x),
            UnaryOp::Recv => {
                let t = self.expr(x, None)?;
                match self.types.ukind(t).clone() {
                    Kind::Chan(d, el) => {
                        if d == ChanDir::Send {
                            return err(
                                e.pos,
                                format!(
                                    "invalid operation: cannot receive from send-only channel {}",
                                    describe(x)
                                ),
                            );
                        }
                        self.emit(Op::Recv);
                        Ok(el)
                    }
                    _ => err(
                        e.pos,
                        format!(
                            "invalid operation: cannot receive from non-channel {}",
                            describe(x)
                        ),
                    ),
                }
            }
            UnaryOp::Pos => self.expr(x, want),
            UnaryOp::Neg => {
                let t = self.expr(x, want)?;
                self.check_unary(x, t, "-")?;
                if self.types.is_complex(t) {
                    self.emit(Op::NegC);
                } else if self.types.is_float(t) {
                    self.emit(Op::NegF);
                } else {
                    self.emit(Op::NegI);
                    self.wrap(t);
                }
                Ok(t)
            }
            UnaryOp::Not => {
                let t = self.expr(x, want)?;
                if !self.types.is_bool(t) {
                    let what = self.operand(x, t);
                    return err(
                        x.pos,
                        format!("invalid operation: operator ! not defined on {what}"),
                    );
                }
                self.emit(Op::Not);
                Ok(t)
            }
            UnaryOp::Complement => {
                let t = self.expr(x, want)?;
                self.check_unary(x, t, "^")?;
                self.emit(Op::BitNot);
                self.wrap(t);
                Ok(t)
            }
        }
    }

    /// Go's error for unary `-` on a non-number or `^` on a non-integer (also for a type
    /// parameter, checked once per term of its union: generics.rs's `check_generic_bodies`).
    fn check_unary(&mut self, x: &Expr, t: TypeId, op: &str) -> R<()> {
        let ok = if op == "-" {
            self.types.is_numeric(t)
        } else {
            self.types.is_integer(t)
        };
        if ok {
            return Ok(());
        }
        let what = match self.type_param_desc(t) {
            Some(tp) => format!("{} (variable of type {tp})", describe(x)),
            None => self.operand(x, t),
        };
        err(
            x.pos,
            format!("invalid operation: operator {op} not defined on {what}"),
        )
    }

    /// Wraps the int on top to `t`'s size.
    pub(crate) fn wrap(&mut self, t: TypeId) {
        if let Some(k) = self.types.int_kind(t)
            && k.bits() < 64
        {
            self.emit(Op::Wrap(k));
        }
    }

    pub(super) fn binary(
        &mut self,
        op: BinaryOp,
        x: &Expr,
        y: &Expr,
        want: Option<TypeId>,
        pos: Pos,
    ) -> R<TypeId> {
        use BinaryOp::*;
        if matches!(op, LAnd | LOr) {
            self.value_to(x, ids::BOOL)?;
            self.emit(Op::Dup);
            let j = self.emit(if op == LAnd {
                Op::JumpIfNot(0)
            } else {
                Op::JumpIf(0)
            });
            self.emit(Op::Pop);
            self.value_to(y, ids::BOOL)?;
            let end = self.here();
            self.patch(j, end);
            return Ok(ids::BOOL);
        }
        if matches!(op, Shl | Shr) {
            let tx = self.type_of(x)?;
            if !self.types.is_untyped(tx) && !self.types.is_integer(tx) {
                let what = self.operand(x, tx);
                return err(
                    crate::golite::compile::start_pos(x),
                    format!("invalid operation: shifted operand {what} must be integer"),
                );
            }
            let t = if self.types.is_untyped(tx) {
                want.filter(|w| self.types.is_integer(*w))
                    .unwrap_or(ids::INT)
            } else {
                tx
            };
            self.expr(x, Some(t))?;
            let ty = self.expr(y, Some(ids::UINT))?;
            if !self.types.is_integer(ty) {
                return err(y.pos, "invalid operation: shift count must be integer");
            }
            let unsigned = self.types.int_kind(t).is_some_and(|k| k.unsigned());
            self.emit(match op {
                Shl => Op::Shl,
                _ if unsigned => Op::ShrU,
                _ => Op::ShrS,
            });
            self.wrap(t);
            return Ok(t);
        }
        let tx = self.type_of(x)?;
        let ty = self.type_of(y)?;
        let ux = self.types.is_untyped(tx);
        let uy = self.types.is_untyped(ty);
        // The operand type: the typed side decides; an interface side converts the other.
        let t = if !ux {
            tx
        } else if !uy {
            ty
        } else {
            self.types.default_type(
                if tx == ids::UNTYPED_COMPLEX || ty == ids::UNTYPED_COMPLEX {
                    ids::UNTYPED_COMPLEX
                } else if tx == ids::UNTYPED_FLOAT || ty == ids::UNTYPED_FLOAT {
                    ids::UNTYPED_FLOAT
                } else {
                    tx
                },
            )
        };
        let t = if ux && uy && t == ids::UNTYPED_NIL {
            ids::UNTYPED_NIL
        } else {
            t
        };
        let cmp = matches!(op, Eq | Ne | Lt | Le | Gt | Ge);
        let nillable = |k: &Kind| {
            matches!(
                k,
                Kind::Pointer(_)
                    | Kind::Slice(_)
                    | Kind::Map(..)
                    | Kind::Chan(..)
                    | Kind::Func(_)
                    | Kind::Interface(_)
                    | Kind::UntypedNil
            )
        };
        if cmp
            && (tx == ids::UNTYPED_NIL) != (ty == ids::UNTYPED_NIL)
            && !nillable(self.types.ukind(if ux { ty } else { tx }))
            && self.type_param_desc(if ux { ty } else { tx }).is_none()
        {
            return err(
                crate::golite::compile::start_pos(y),
                mismatched(x, op, y, &self.untyped_name(tx), &self.untyped_name(ty)),
            );
        }
        if let Some(m) = self.type_param_op_error(x, op, y, t) {
            return err(crate::golite::compile::start_pos(x), m);
        }
        let xi = self.types.is_interface(tx);
        let yi = self.types.is_interface(ty);
        if cmp && (xi != yi) && tx != ids::UNTYPED_NIL && ty != ids::UNTYPED_NIL {
            // Mixed interface/concrete comparison: compare as interfaces.
            let it = if xi { tx } else { ty };
            self.value_to(x, it)?;
            self.value_to(y, it)?;
            self.emit(if op == Eq {
                Op::EqTyped(it)
            } else {
                Op::NeTyped(it)
            });
            return Ok(ids::BOOL);
        }
        if !cmp
            && !ux
            && !uy
            && (self.types.underlying(tx) != self.types.underlying(ty) || tx != ty)
        {
            return err(
                crate::golite::compile::start_pos(x),
                mismatched(x, op, y, &self.types.name(tx), &self.types.name(ty)),
            );
        }
        if cmp && !ux && !uy && tx != ty && !xi && !yi {
            // types2 reports a mismatch on the second operand: only there is it known.
            return err(
                crate::golite::compile::start_pos(y),
                mismatched(x, op, y, &self.types.name(tx), &self.types.name(ty)),
            );
        }
        let operand = if t == ids::UNTYPED_NIL { None } else { Some(t) };
        self.expr(x, operand)?;
        self.expr(y, operand)?;
        let k = self.types.ukind(t).clone();
        let o = match (&k, op) {
            (Kind::Int(ik), _) => {
                let u = ik.unsigned();
                match op {
                    Add => Op::AddI,
                    Sub => Op::SubI,
                    Mul => Op::MulI,
                    Quo => {
                        if u {
                            Op::DivU
                        } else {
                            Op::DivI
                        }
                    }
                    Rem => {
                        if u {
                            Op::RemU
                        } else {
                            Op::RemI
                        }
                    }
                    And => Op::And,
                    Or => Op::Or,
                    Xor => Op::Xor,
                    AndNot => Op::AndNot,
                    Eq => Op::EqI,
                    Ne => Op::NeI,
                    Lt => {
                        if u {
                            Op::LtU
                        } else {
                            Op::LtI
                        }
                    }
                    Le => {
                        if u {
                            Op::LeU
                        } else {
                            Op::LeI
                        }
                    }
                    Gt => {
                        if u {
                            Op::GtU
                        } else {
                            Op::GtI
                        }
                    }
                    Ge => {
                        if u {
                            Op::GeU
                        } else {
                            Op::GeI
                        }
                    }
                    _ => return err(pos, "invalid operation"),
                }
            }
            (Kind::Float64 | Kind::Float32, _) => match op {
                Add => Op::AddF,
                Sub => Op::SubF,
                Mul => Op::MulF,
                Quo => Op::DivF,
                Eq => Op::Eq,
                Ne => Op::Ne,
                Lt => Op::LtF,
                Le => Op::LeF,
                Gt => Op::GtF,
                Ge => Op::GeF,
                _ => {
                    return err(
                        pos,
                        format!(
                            "invalid operation: operator {} not defined on {} (variable of type {})",
                            op.as_str(),
                            describe(x),
                            self.types.name(t)
                        ),
                    );
                }
            },
            (Kind::Complex128 | Kind::Complex64, _) => match op {
                Add => Op::AddC,
                Sub => Op::SubC,
                Mul => Op::MulC,
                Quo => Op::DivC,
                Eq => Op::Eq,
                Ne => Op::Ne,
                Lt | Le | Gt | Ge => {
                    return err(
                        crate::golite::compile::start_pos(x),
                        format!(
                            "invalid operation: {} {} {} (operator {} not defined on {})",
                            crate::golite::compile::expr_src(x),
                            op.as_str(),
                            crate::golite::compile::expr_src(y),
                            op.as_str(),
                            self.types.name(t)
                        ),
                    );
                }
                _ => {
                    return err(
                        crate::golite::compile::start_pos(x),
                        format!(
                            "invalid operation: operator {} not defined on {} (variable of type {})",
                            op.as_str(),
                            describe(x),
                            self.types.name(t)
                        ),
                    );
                }
            },
            (Kind::String, _) => match op {
                Add => Op::Concat,
                Eq => Op::Eq,
                Ne => Op::Ne,
                Lt => Op::LtS,
                Le => Op::LeS,
                Gt => Op::GtS,
                Ge => Op::GeS,
                _ => {
                    return err(
                        pos,
                        format!(
                            "invalid operation: operator {} not defined on {} (variable of type string)",
                            op.as_str(),
                            describe(x)
                        ),
                    );
                }
            },
            // Pointers compare by address, interfaces by dynamic type, structs and arrays
            // field by field: the typed comparison.
            (Kind::Pointer(_) | Kind::Interface(_) | Kind::Struct(_) | Kind::Array(..), _)
                if matches!(op, Eq | Ne) =>
            {
                if op == Eq {
                    Op::EqTyped(t)
                } else {
                    Op::NeTyped(t)
                }
            }
            _ => match op {
                Eq => Op::Eq,
                Ne => Op::Ne,
                _ => {
                    return err(
                        pos,
                        format!(
                            "invalid operation: operator {} not defined on {} (variable of type {})",
                            op.as_str(),
                            describe(x),
                            self.types.name(t)
                        ),
                    );
                }
            },
        };
        if matches!(op, Quo | Rem)
            && self.types.is_integer(t)
            && let Some((v, _)) = self.constant(y)?
            && v.as_i128() == Some(0)
        {
            return err(y.pos, "invalid operation: division by zero");
        }
        self.emit(o);
        if cmp {
            return Ok(ids::BOOL);
        }
        if matches!(k, Kind::Int(_)) {
            self.wrap(t);
        }
        if matches!(k, Kind::Float32) {
            self.emit(Op::F32);
        }
        if matches!(k, Kind::Complex64) {
            self.emit(Op::C64);
        }
        Ok(t)
    }

    // ---- calls ----
}

/// A file declaring `var _ = SRC` with SRC (one line of Go) on line `line`, so that the code
/// golite writes for a construct is stamped with the construct's line (events, leaks).
pub(super) fn on_line(line: u32, src: &str) -> String {
    let blank = "\n".repeat(line.saturating_sub(1) as usize);
    format!("package main;{blank}var _ = {src}\n")
}

/// The receiver's name in the function literals golite writes for method expressions and
/// interface method values.
pub(super) const RECV: &str = "_golite_recv";

/// True for a callee whose evaluation has no effects to order: a name, a field path of names,
/// or a function literal.
pub(super) fn reads_only(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Ident(_) | ExprKind::FuncLit { .. } => true,
        ExprKind::Paren(x) | ExprKind::Selector { x, .. } => reads_only(x),
        _ => false,
    }
}

/// Whether `e` reads a variable or a location inside one (so an aggregate must be copied).
pub(crate) fn is_location(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Paren(x) => is_location(x),
        ExprKind::Ident(_)
        | ExprKind::Selector { .. }
        | ExprKind::Index { .. }
        | ExprKind::Star(_) => true,
        ExprKind::Unary {
            op: UnaryOp::Recv, ..
        } => false,
        _ => false,
    }
}

/// types2's message for a binary operation on operands of types named `a` and `b`.
fn mismatched(x: &Expr, op: BinaryOp, y: &Expr, a: &str, b: &str) -> String {
    format!(
        "invalid operation: {} {} {} (mismatched types {a} and {b})",
        crate::golite::compile::expr_src(x),
        op.as_str(),
        crate::golite::compile::expr_src(y),
    )
}
