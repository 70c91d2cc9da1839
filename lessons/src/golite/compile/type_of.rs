//! Static types: what an expression's type is, computed without emitting code (the compiler
//! asks before it chooses an instruction), and how selectors resolve to fields and methods.

use super::expr::Sel;
use super::{Builtin, Compiler, Entity, Member, R, describe, err};
use crate::golite::syntax::ast::{BinaryOp, Expr, ExprKind, Pos, TypeExpr, UnaryOp};
use crate::golite::types::{Kind, TypeId, ids};

impl<'a> Compiler<'a> {
    /// Looks a name up without capturing it (for typing only).
    pub(crate) fn peek(&mut self, name: &str) -> Option<Entity> {
        if let Some(t) = self.generics.bound(name) {
            return Some(Entity::Type(t));
        }
        let depth = self.fs.len();
        for d in (0..depth).rev() {
            if let Some(e) = self.fs[d].peek_scope(name) {
                return Some(match e {
                    Entity::Local(v) if d != depth - 1 => Entity::Capture(0, self.fs[d].vars[v].ty),
                    other => other,
                });
            }
        }
        if let Some(e) = self.pkg_scope.get(name) {
            if matches!(e, Entity::Package(_)) {
                self.used_imports.insert(name.to_string());
            }
            return Some(e.clone());
        }
        super::universe(name)
    }

    /// If `e` denotes a type, that type.
    pub(crate) fn type_expr_of(&mut self, e: &Expr) -> R<Option<TypeId>> {
        let e = e.unparen();
        if let ExprKind::Selector { x, sel } = &e.kind
            && let Some(name) = self.library_go_name(x, sel)
        {
            return self.type_expr_of(&name);
        }
        match &e.kind {
            ExprKind::Ident(n) => match self.peek(n) {
                Some(Entity::Type(t)) => Ok(Some(t)),
                _ => Ok(None),
            },
            ExprKind::Selector { x, sel } => match &x.kind {
                ExprKind::Ident(p) => match self.peek(p) {
                    Some(Entity::Package(path)) => match self.member(&path, &sel.name) {
                        Some(Member::Type(t)) => Ok(Some(t)),
                        _ => Ok(None),
                    },
                    _ => Ok(None),
                },
                _ => Ok(None),
            },
            ExprKind::Star(inner) => match self.type_expr_of(inner)? {
                Some(t) => Ok(Some(self.types.pointer(t))),
                None => Ok(None),
            },
            ExprKind::TypeLit(t) => Ok(Some(self.resolve_type(t)?)),
            ExprKind::Index { .. } | ExprKind::IndexList { .. } => {
                match self.generic_instance(e)? {
                    Some(Entity::Type(t)) => Ok(Some(t)),
                    _ => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }

    /// The static type of `e`, without emitting code (tuples for multi-valued calls).
    pub(crate) fn type_of(&mut self, e: &Expr) -> R<TypeId> {
        if let Some((_, t)) = self.constant(e)? {
            return Ok(t);
        }
        Ok(match &e.kind {
            ExprKind::Paren(x) => self.type_of(x)?,
            ExprKind::Ident(n) => match self.peek(n) {
                Some(Entity::Local(v)) => self.f().vars[v].ty,
                Some(Entity::Capture(_, t))
                | Some(Entity::Global(_, t))
                | Some(Entity::Func(_, t)) => t,
                Some(Entity::Nil) => ids::UNTYPED_NIL,
                Some(Entity::GenericFunc(_)) => {
                    return err(
                        e.pos,
                        format!("cannot use generic function {n} without instantiation"),
                    );
                }
                Some(_) => return err(e.pos, format!("{n} is not an expression")),
                None => return err(e.pos, format!("undefined: {n}")),
            },
            ExprKind::FuncLit { sig, .. } => self.func_type(sig)?,
            ExprKind::CompositeLit { typ, .. } => match typ {
                Some(t) => self.lit_type(t, e)?,
                None => return err(e.pos, "missing type in composite literal"),
            },
            ExprKind::Selector { x, sel } => {
                if let Some(name) = self.library_go_name(x, sel) {
                    return self.type_of(&name);
                }
                if let Some(t) = self.type_expr_of(x)? {
                    let src = self.method_wrapper_src(t, &sel.name, sel.pos, true)?;
                    let (sig, _) = self.parse_func_lit(&src, sel.pos)?;
                    return self.func_type(&sig);
                }
                if let ExprKind::Ident(p) = &x.kind
                    && let Some(Entity::Package(path)) = self.peek(p)
                {
                    return match self.member(&path, &sel.name) {
                        Some(Member::Func(_, sig)) => Ok(sig),
                        Some(Member::Value(_, t)) => Ok(t),
                        Some(Member::Const(_, t)) => Ok(t),
                        Some(Member::Generic(_)) => match self.wrapper_lit(p, &path, &sel.name) {
                            Some((sig, _)) => self.func_type(&sig),
                            None => Ok(ids::ANY),
                        },
                        _ => err(sel.pos, (self.lib.missing_member)(p, &path, &sel.name)),
                    };
                }
                let xt = self.type_of(x)?;
                match self.find_member(xt, &sel.name) {
                    Some(Sel::Field { ty, .. }) => ty,
                    Some(Sel::GoMethod { sig, .. })
                    | Some(Sel::NativeMethod { sig, .. })
                    | Some(Sel::IfaceMethod { sig, .. }) => sig,
                    None => {
                        return err(
                            sel.pos,
                            (self.lib.missing_method)(
                                &describe(x),
                                &self.types.name(xt),
                                &sel.name,
                            ),
                        );
                    }
                }
            }
            ExprKind::IndexList { .. } | ExprKind::Index { .. }
                if self.generic_instance(e)?.is_some() =>
            {
                match self.generic_instance(e)? {
                    Some(Entity::Func(_, t)) => t,
                    _ => return err(e.pos, format!("{} is not an expression", describe(e))),
                }
            }
            ExprKind::Index { .. } if self.instantiated_src(e)?.is_some() => {
                match self.library_instance_type(e)? {
                    Some(t) => t,
                    None => return err(e.pos, "internal error: library instance"),
                }
            }
            ExprKind::Index { x, .. } => {
                let xt = self.type_of(x)?;
                match self.types.ukind(xt).clone() {
                    Kind::Slice(el) | Kind::Array(_, el) => el,
                    Kind::String | Kind::UntypedString => ids::UINT8,
                    Kind::Map(_, v) => v,
                    Kind::Pointer(p) => match self.types.ukind(p).clone() {
                        Kind::Array(_, el) => el,
                        _ => return err(e.pos, "invalid operation: cannot index"),
                    },
                    _ => {
                        return err(
                            e.pos,
                            format!("invalid operation: cannot index {}", describe(x)),
                        );
                    }
                }
            }
            ExprKind::Slice { x, .. } => {
                let xt = self.type_of(x)?;
                match self.types.ukind(xt).clone() {
                    Kind::String | Kind::UntypedString => ids::STRING,
                    Kind::Slice(_) => xt,
                    Kind::Array(_, el) => self.types.slice(el),
                    Kind::Pointer(p) => match self.types.ukind(p).clone() {
                        Kind::Array(_, el) => self.types.slice(el),
                        _ => return err(e.pos, "cannot slice"),
                    },
                    _ => return err(e.pos, format!("cannot slice {}", describe(x))),
                }
            }
            ExprKind::TypeAssert { typ: Some(t), .. } => self.resolve_type(t)?,
            ExprKind::TypeAssert { typ: None, .. } => {
                return err(e.pos, "use of .(type) outside type switch");
            }
            ExprKind::Call {
                func,
                args,
                ellipsis,
            } => self.call_type(func, args, *ellipsis, e.pos)?,
            ExprKind::Star(x) => {
                let t = self.type_of(x)?;
                match self.types.pointer_elem(t) {
                    Some(el) => el,
                    None => {
                        return err(
                            e.pos,
                            format!("invalid operation: cannot indirect {}", describe(x)),
                        );
                    }
                }
            }
            ExprKind::Unary { op, x } => match op {
                UnaryOp::Addr => {
                    let t = match &x.unparen().kind {
                        ExprKind::CompositeLit { typ: Some(t), .. } => self.lit_type(t, x)?,
                        _ => self.type_of(x)?,
                    };
                    self.types.pointer(t)
                }
                UnaryOp::Recv => {
                    let t = self.type_of(x)?;
                    match self.types.ukind(t) {
                        Kind::Chan(_, el) => *el,
                        _ => {
                            return err(
                                e.pos,
                                format!(
                                    "invalid operation: cannot receive from non-channel {}",
                                    describe(x)
                                ),
                            );
                        }
                    }
                }
                UnaryOp::Not => ids::BOOL,
                _ => self.type_of(x)?,
            },
            ExprKind::Binary { .. } if self.binary_types.contains_key(&e.id) => {
                self.binary_types[&e.id]
            }
            ExprKind::Binary { op, x, y } => {
                use BinaryOp::*;
                let t = match op {
                    Eq | Ne | Lt | Le | Gt | Ge | LAnd | LOr => ids::BOOL,
                    Shl | Shr => {
                        let t = self.type_of(x)?;
                        if self.types.is_untyped(t) {
                            ids::INT
                        } else {
                            t
                        }
                    }
                    _ => {
                        let tx = self.type_of(x)?;
                        if self.types.is_untyped(tx) {
                            self.type_of(y)?
                        } else {
                            tx
                        }
                    }
                };
                self.binary_types.insert(e.id, t);
                t
            }
            ExprKind::TypeLit(_) => return err(e.pos, "type is not an expression"),
            _ => return err(e.pos, "unsupported expression"),
        })
    }

    pub(super) fn lit_type(&mut self, t: &TypeExpr, e: &Expr) -> R<TypeId> {
        if let crate::golite::syntax::ast::TypeKind::Array { len: None, elem } = &t.kind {
            let el = self.resolve_type(elem)?;
            // `[...]T{...}`: one past the highest index, keys included (`{100, 3: 400, 500}`: 5).
            let n = match &e.unparen().kind {
                ExprKind::CompositeLit { elems, .. } => {
                    let (mut next, mut n) = (0u64, 0u64);
                    for el in elems {
                        if let Some(k) = &el.key
                            && let Some((v, _)) = self.constant(k)?
                        {
                            next = v.as_i128().unwrap_or(0).max(0) as u64;
                        }
                        next += 1;
                        n = n.max(next);
                    }
                    n
                }
                _ => 0,
            };
            return Ok(self.types.intern(Kind::Array(n, el)));
        }
        self.resolve_type(t)
    }

    /// The result type(s) of a call expression.
    pub(super) fn call_type(
        &mut self,
        func: &Expr,
        args: &[Expr],
        ellipsis: bool,
        pos: Pos,
    ) -> R<TypeId> {
        if let Some(t) = self.type_expr_of(func)? {
            return Ok(t);
        }
        if let Some((_, sig)) = self.generic_call_target(func, args, ellipsis)? {
            return Ok(match self.sig_of(sig).results.as_slice() {
                [] => ids::VOID,
                [one] => *one,
                many => self.types.tuple(many.to_vec()),
            });
        }
        if let Some(src) = self.instantiated_src(func)? {
            let (sig, _) = self.parse_func_lit(&src, pos)?;
            let ft = self.func_type(&sig)?;
            return Ok(match self.sig_of(ft).results.as_slice() {
                [] => ids::VOID,
                [one] => *one,
                many => self.types.tuple(many.to_vec()),
            });
        }
        let f = func.unparen();
        if let ExprKind::Ident(n) = &f.kind
            && let Some(Entity::Builtin(b)) = self.peek(n)
        {
            return Ok(match b {
                Builtin::Len | Builtin::Cap | Builtin::Copy => ids::INT,
                Builtin::Complex | Builtin::Real | Builtin::Imag => {
                    self.complex_builtin_type(b, f, args, pos)?
                }
                Builtin::Append => match args.first() {
                    Some(a) => self.type_of(a)?,
                    None => return err(pos, "not enough arguments for append"),
                },
                Builtin::Make => match args.first() {
                    Some(a) => match self.type_expr_of(a)? {
                        Some(t) => t,
                        None => return err(a.pos, format!("{} is not a type", describe(a))),
                    },
                    None => return err(pos, "not enough arguments for make"),
                },
                Builtin::New => match args.first() {
                    Some(a) => match self.type_expr_of(a)? {
                        Some(t) => self.types.pointer(t),
                        None => return err(a.pos, format!("{} is not a type", describe(a))),
                    },
                    None => return err(pos, "not enough arguments for new"),
                },
                Builtin::Recover => ids::ANY,
                Builtin::Min | Builtin::Max => {
                    let mut t = ids::UNTYPED_INT;
                    for a in args {
                        let at = self.type_of(a)?;
                        if !self.types.is_untyped(at)
                            || (t == ids::UNTYPED_INT
                                && matches!(at, ids::UNTYPED_FLOAT | ids::UNTYPED_STRING))
                        {
                            t = at;
                        }
                    }
                    self.types.default_type(t)
                }
                _ => ids::VOID,
            });
        }
        if let ExprKind::Selector { x, sel } = &f.kind
            && let ExprKind::Ident(p) = &x.kind
            && let Some(Entity::Package(path)) = self.peek(p)
            && let Some(Member::Generic(g)) = self.member(&path, &sel.name)
        {
            return (self.lib.generic_result)(self, g, args, pos);
        }
        let ft = self.type_of(func)?;
        match self.types.sig(ft) {
            Some(s) => {
                let rs = s.results.clone();
                Ok(self.types.tuple(rs))
            }
            None => err(
                pos,
                format!(
                    "invalid operation: cannot call non-function {}",
                    describe(func)
                ),
            ),
        }
    }

    /// Finds field or method `name` of type `t` (through one pointer and embedded fields).
    pub(crate) fn find_member(&mut self, t: TypeId, name: &str) -> Option<Sel> {
        let base = self
            .types
            .pointer_elem(t)
            .filter(|p| !self.types.is_interface(*p))
            .unwrap_or(t);
        // A library type's unexported fields and methods belong to its package alone.
        if !name.starts_with(|c: char| c.is_uppercase())
            && !self.fs.last().is_some_and(|f| f.code.prelude)
            && self.types.named_info(base).is_some()
            && !self.types.name(base).starts_with("main.")
        {
            return None;
        }
        let mut level: Vec<(TypeId, Vec<u32>)> = vec![(base, Vec::new())];
        for _depth in 0..4 {
            let mut next = Vec::new();
            for (ty, path) in &level {
                if let Some(&(fid, ptr, sig)) = self.go_methods.get(&(*ty, name.to_string())) {
                    return Some(Sel::GoMethod {
                        path: path.clone(),
                        fid,
                        ptr,
                        sig,
                    });
                }
                if let Some(&(native, sig, ptr)) = self.native_methods.get(&(*ty, name.to_string()))
                {
                    return Some(Sel::NativeMethod {
                        path: path.clone(),
                        native,
                        ptr,
                        sig,
                    });
                }
                if let Kind::Interface(ms) = self.types.ukind(*ty)
                    && let Some((_, sig)) = ms.iter().find(|(n, _)| n == name)
                {
                    let sig = *sig;
                    let sym = self.sym(name);
                    return Some(Sel::IfaceMethod {
                        path: path.clone(),
                        sym,
                        sig,
                    });
                }
                if let Some(fs) = self.types.struct_fields(*ty) {
                    let fs = fs.to_vec();
                    for (i, f) in fs.iter().enumerate() {
                        if f.name == name {
                            let mut p = path.clone();
                            p.push(i as u32);
                            return Some(Sel::Field { path: p, ty: f.ty });
                        }
                    }
                    for (i, f) in fs.iter().enumerate() {
                        if f.embedded {
                            let mut p = path.clone();
                            p.push(i as u32);
                            let ft = self.types.pointer_elem(f.ty).unwrap_or(f.ty);
                            next.push((ft, p));
                        }
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            level = next;
        }
        None
    }
}
