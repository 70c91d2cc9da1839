//! Expressions: values, names, selectors, indexing, addresses, unary and binary operators,
//! assignability to a type. Constants, static types, composite literals, calls, conversions
//! and builtins have files of their own beside this one.

use super::{Compiler, Entity, Member, R, describe, err};
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
                Kind::Int(_) | Kind::Float64 | Kind::Float32 | Kind::Interface(_)
            ),
            (Kind::UntypedFloat, k) => matches!(
                k,
                Kind::Float64 | Kind::Float32 | Kind::Interface(_) | Kind::Int(_)
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
            let missing = self.missing_static(from, to);
            return err(
                e.pos,
                format!(
                    "cannot use {} (value of type {}) as {} value: {} does not implement {} (missing method {missing})",
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
        self.missing_static(t, iface).is_empty()
    }

    pub(super) fn missing_static(&mut self, t: TypeId, iface: TypeId) -> String {
        let ms = self.types.iface_methods(iface).to_vec();
        for (name, _) in ms {
            let ok = match self.find_member(t, &name) {
                Some(Sel::GoMethod { ptr, path, .. })
                | Some(Sel::NativeMethod { ptr, path, .. }) => {
                    !ptr || self.types.pointer_elem(t).is_some() || !path.is_empty()
                }
                Some(Sel::IfaceMethod { .. }) => true,
                _ => false,
            };
            if !ok {
                return name;
            }
        }
        String::new()
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
                        let v2 = self.convert_const(v.clone(), t, w, e.pos)?;
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
            ExprKind::Ident(n) => self.ident(n, e.pos),
            ExprKind::FuncLit { sig, body } => self.func_lit(sig, body, e.pos),
            ExprKind::CompositeLit { typ, elems } => self.composite(typ.as_ref(), elems, want, e),
            ExprKind::Selector { x, sel } => self.selector(x, &sel.name, e.pos),
            ExprKind::Index { x, index } => self.index(x, index, e.pos),
            ExprKind::Slice { x, lo, hi, max } => {
                let t = self.type_of(e)?;
                let xt = self.expr(x, None)?;
                let _ = xt;
                let mut flags = 0u8;
                for (b, bit) in [(lo, 1u8), (hi, 2), (max, 4)] {
                    if let Some(b) = b {
                        self.value_to(b, ids::INT)?;
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
                _ => err(
                    pos,
                    format!("undefined: {p}.{name} (not supported by golite)"),
                ),
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
            Some(Sel::IfaceMethod { .. }) => err(
                pos,
                "method values of interfaces are not supported by golite",
            ),
            None => err(
                pos,
                format!(
                    "{}.{name} undefined (type {} has no field or method {name})",
                    describe(x),
                    self.types.name(xt)
                ),
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

    pub(super) fn index_value(&mut self, index: &Expr) -> R<()> {
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
                if self.types.is_float(t) {
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
                    return err(
                        e.pos,
                        format!(
                            "invalid operation: operator ! not defined on {}",
                            describe(x)
                        ),
                    );
                }
                self.emit(Op::Not);
                Ok(t)
            }
            UnaryOp::Complement => {
                let t = self.expr(x, want)?;
                self.emit(Op::BitNot);
                self.wrap(t);
                Ok(t)
            }
        }
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
            self.types
                .default_type(if tx == ids::UNTYPED_FLOAT || ty == ids::UNTYPED_FLOAT {
                    ids::UNTYPED_FLOAT
                } else {
                    tx
                })
        };
        let t = if ux && uy && t == ids::UNTYPED_NIL {
            ids::UNTYPED_NIL
        } else {
            t
        };
        let cmp = matches!(op, Eq | Ne | Lt | Le | Gt | Ge);
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
                pos,
                format!(
                    "invalid operation: {} {} {} (mismatched types {} and {})",
                    describe(x),
                    op.as_str(),
                    describe(y),
                    self.types.name(tx),
                    self.types.name(ty)
                ),
            );
        }
        if cmp && !ux && !uy && tx != ty && !xi && !yi {
            return err(
                pos,
                format!(
                    "invalid operation: {} {} {} (mismatched types {} and {})",
                    describe(x),
                    op.as_str(),
                    describe(y),
                    self.types.name(tx),
                    self.types.name(ty)
                ),
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
        Ok(t)
    }

    // ---- calls ----
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
