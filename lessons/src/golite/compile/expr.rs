//! Expressions: constant folding, static types (`type_of` computes them without emitting code),
//! and code generation for values, addresses, calls, conversions and composite literals.

use super::{Builtin, Compiler, ConstVal, Entity, Member, R, describe, err};
use crate::golite::code::{Const, FuncRef, Native, Op};
use crate::golite::syntax::ast::{BinaryOp, Element, Expr, ExprKind, Pos, TypeExpr, UnaryOp};
use crate::golite::types::ratio::Ratio;
use crate::golite::types::{ChanDir, IntKind, Kind, Sig, TypeId, ids};
use std::rc::Rc;

/// How a call is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Call,
    Go,
    Defer,
}

/// What `x.name` selects.
#[derive(Clone, Debug)]
pub enum Sel {
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

    /// Folds a constant expression; `None` when `e` is not constant.
    pub fn constant(&mut self, e: &Expr) -> R<Option<(ConstVal, TypeId)>> {
        Ok(match &e.kind {
            ExprKind::Int(i) => Some((ConstVal::Int(i128::from(*i)), ids::UNTYPED_INT)),
            ExprKind::Float(f) => Some((ConstVal::Float(*f), ids::UNTYPED_FLOAT)),
            ExprKind::Rune(c) => Some((ConstVal::Int(i128::from(*c as u32)), ids::UNTYPED_RUNE)),
            ExprKind::Str(s) => Some((ConstVal::Str(Rc::from(s.as_str())), ids::UNTYPED_STRING)),
            ExprKind::Paren(x) => self.constant(x)?,
            ExprKind::Ident(n) => match self.peek(n) {
                Some(Entity::Const(v, t)) => Some((v, t)),
                Some(Entity::Iota) => self.iota.map(|i| (ConstVal::Int(i), ids::UNTYPED_INT)),
                _ => None,
            },
            ExprKind::Selector { x, sel } => match &x.kind {
                ExprKind::Ident(p) => match self.peek(p) {
                    Some(Entity::Package(path)) => match self.member(&path, &sel.name) {
                        Some(Member::Const(v, t)) => Some((v, t)),
                        _ => None,
                    },
                    _ => None,
                },
                _ => None,
            },
            ExprKind::Unary { op, x } => {
                let Some((v, t)) = self.constant(x)? else {
                    return Ok(None);
                };
                let r = match (op, v) {
                    (UnaryOp::Pos, v) => v,
                    (UnaryOp::Neg, ConstVal::Int(i)) => ConstVal::Int(-i),
                    (UnaryOp::Neg, ConstVal::Float(f)) => {
                        ConstVal::Float(if f == 0.0 { 0.0 } else { -f })
                    }
                    (UnaryOp::Neg, ConstVal::Exact(r)) => ConstVal::Exact(r.negated()),
                    (UnaryOp::Not, ConstVal::Bool(b)) => ConstVal::Bool(!b),
                    (UnaryOp::Complement, ConstVal::Int(i)) => match self.types.int_kind(t) {
                        Some(k) if k.unsigned() => {
                            ConstVal::Int(i128::from(k.wrap(!(i as i64)) as u64 & mask(k)))
                        }
                        _ => ConstVal::Int(!i),
                    },
                    _ => return Ok(None),
                };
                Some((r, t))
            }
            ExprKind::Binary { op, x, y } => {
                let Some((a, ta)) = self.constant(x)? else {
                    return Ok(None);
                };
                let Some((b, tb)) = self.constant(y)? else {
                    return Ok(None);
                };
                self.fold_binary(*op, a, ta, b, tb, e.pos)?
            }
            ExprKind::Call { func, args, .. } if args.len() == 1 => {
                if let Some(t) = self.type_expr_of(func)? {
                    if matches!(
                        self.types.ukind(t),
                        Kind::Int(_) | Kind::Float64 | Kind::Float32 | Kind::String | Kind::Bool
                    ) && let Some((v, from)) = self.constant(&args[0])?
                    {
                        if self.types.is_string(t) && self.types.is_integer(from) {
                            let c = v
                                .as_i128()
                                .and_then(|i| u32::try_from(i).ok())
                                .and_then(char::from_u32)
                                .unwrap_or('\u{FFFD}');
                            return Ok(Some((ConstVal::Str(Rc::from(c.to_string())), t)));
                        }
                        let v = self.convert_const(v, from, t, args[0].pos)?;
                        return Ok(Some((v, t)));
                    }
                    return Ok(None);
                }
                match &func.kind {
                    ExprKind::Ident(n) if n == "len" => match self.constant(&args[0])? {
                        Some((ConstVal::Str(s), _))
                            if matches!(self.peek(n), Some(Entity::Builtin(Builtin::Len))) =>
                        {
                            Some((ConstVal::Int(s.len() as i128), ids::INT))
                        }
                        _ => None,
                    },
                    _ => None,
                }
            }
            _ => None,
        })
    }

    fn fold_binary(
        &mut self,
        op: BinaryOp,
        a: ConstVal,
        ta: TypeId,
        b: ConstVal,
        tb: TypeId,
        pos: Pos,
    ) -> R<Option<(ConstVal, TypeId)>> {
        use BinaryOp::*;
        let t = if matches!(op, Shl | Shr) || !self.types.is_untyped(ta) {
            ta
        } else if !self.types.is_untyped(tb) {
            tb
        } else {
            // Both untyped: the "larger" kind wins (int < rune < float).
            let rank = |t: TypeId| match t {
                ids::UNTYPED_FLOAT => 3,
                ids::UNTYPED_RUNE => 2,
                _ => 1,
            };
            if rank(tb) > rank(ta) { tb } else { ta }
        };
        let cmp = matches!(op, Eq | Ne | Lt | Le | Gt | Ge);
        let float = self.types.is_float(t)
            || matches!(
                (&a, &b),
                (ConstVal::Float(_) | ConstVal::Exact(_), _)
                    | (_, ConstVal::Float(_) | ConstVal::Exact(_))
            ) && !self.types.is_integer(t);
        let r = match (&a, &b) {
            (ConstVal::Str(x), ConstVal::Str(y)) => match op {
                Add => ConstVal::Str(Rc::from(format!("{x}{y}"))),
                Eq => ConstVal::Bool(x == y),
                Ne => ConstVal::Bool(x != y),
                Lt => ConstVal::Bool(x < y),
                Le => ConstVal::Bool(x <= y),
                Gt => ConstVal::Bool(x > y),
                Ge => ConstVal::Bool(x >= y),
                _ => {
                    return err(
                        pos,
                        format!(
                            "invalid operation: operator {} not defined on string",
                            op.as_str()
                        ),
                    );
                }
            },
            (ConstVal::Bool(x), ConstVal::Bool(y)) => match op {
                LAnd => ConstVal::Bool(*x && *y),
                LOr => ConstVal::Bool(*x || *y),
                Eq => ConstVal::Bool(x == y),
                Ne => ConstVal::Bool(x != y),
                _ => {
                    return err(
                        pos,
                        format!(
                            "invalid operation: operator {} not defined on bool",
                            op.as_str()
                        ),
                    );
                }
            },
            _ if float => {
                let (x, y) = (a.as_f64(), b.as_f64());
                // Untyped constants are exact in Go: fold them as ratios while they fit.
                let exact = match (self.types.is_untyped(t), a.ratio(), b.ratio()) {
                    (true, Some(p), Some(q)) => match op {
                        Add => p.checked_add(q),
                        Sub => p.checked_sub(q),
                        Mul => p.checked_mul(q),
                        Quo => p.checked_div(q),
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(r) = exact {
                    return Ok(Some((ConstVal::Exact(r), ids::UNTYPED_FLOAT)));
                }
                match op {
                    Add => ConstVal::Float(x + y),
                    Sub => ConstVal::Float(x - y),
                    Mul => ConstVal::Float(x * y),
                    Quo => {
                        if y == 0.0 {
                            return err(pos, "invalid operation: division by zero");
                        }
                        ConstVal::Float(x / y)
                    }
                    Eq => ConstVal::Bool(x == y),
                    Ne => ConstVal::Bool(x != y),
                    Lt => ConstVal::Bool(x < y),
                    Le => ConstVal::Bool(x <= y),
                    Gt => ConstVal::Bool(x > y),
                    Ge => ConstVal::Bool(x >= y),
                    _ => {
                        return err(
                            pos,
                            format!(
                                "invalid operation: operator {} not defined on float",
                                op.as_str()
                            ),
                        );
                    }
                }
            }
            _ => {
                let (Some(x), Some(y)) = (a.as_i128(), b.as_i128()) else {
                    return err(pos, "invalid constant operation");
                };
                let v = match op {
                    Add => x.wrapping_add(y),
                    Sub => x.wrapping_sub(y),
                    Mul => x.wrapping_mul(y),
                    Quo | Rem => {
                        if y == 0 {
                            return err(pos, "invalid operation: division by zero");
                        }
                        if op == Quo { x / y } else { x % y }
                    }
                    And => x & y,
                    Or => x | y,
                    Xor => x ^ y,
                    AndNot => x & !y,
                    Shl => {
                        if !(0..=127).contains(&y) {
                            return err(pos, "invalid shift count");
                        }
                        x.wrapping_shl(y as u32)
                    }
                    Shr => {
                        if y < 0 {
                            return err(pos, "invalid shift count");
                        }
                        x >> y.min(127)
                    }
                    Eq => return Ok(Some((ConstVal::Bool(x == y), ids::UNTYPED_BOOL))),
                    Ne => return Ok(Some((ConstVal::Bool(x != y), ids::UNTYPED_BOOL))),
                    Lt => return Ok(Some((ConstVal::Bool(x < y), ids::UNTYPED_BOOL))),
                    Le => return Ok(Some((ConstVal::Bool(x <= y), ids::UNTYPED_BOOL))),
                    Gt => return Ok(Some((ConstVal::Bool(x > y), ids::UNTYPED_BOOL))),
                    Ge => return Ok(Some((ConstVal::Bool(x >= y), ids::UNTYPED_BOOL))),
                    LAnd | LOr => return err(pos, "invalid operation on integers"),
                };
                if let Some(k) = self.types.int_kind(t)
                    && !k.fits(v)
                {
                    return err(
                        pos,
                        format!(
                            "cannot use {v} (untyped int constant) as {} value (overflows)",
                            self.types.name(t)
                        ),
                    );
                }
                ConstVal::Int(v)
            }
        };
        if cmp {
            return Ok(Some((r, ids::UNTYPED_BOOL)));
        }
        let t = if matches!(r, ConstVal::Float(_) | ConstVal::Exact(_)) && t == ids::UNTYPED_INT {
            ids::UNTYPED_FLOAT
        } else {
            t
        };
        Ok(Some((r, t)))
    }

    /// Converts constant `v` of type `from` to type `to`, checking representability.
    pub fn convert_const(
        &mut self,
        v: ConstVal,
        _from: TypeId,
        to: TypeId,
        pos: Pos,
    ) -> R<ConstVal> {
        if self.types.is_interface(to) {
            return Ok(v);
        }
        if matches!(self.types.ukind(to), Kind::UntypedFloat) {
            if let ConstVal::Int(i) = v {
                return Ok(ConstVal::Exact(Ratio::int(i)));
            }
            if let v @ ConstVal::Exact(_) = v {
                return Ok(v);
            }
        }
        // A typed constant holds its value rounded to its type.
        let v = v.rounded();
        Ok(match (v, self.types.ukind(to).clone()) {
            (ConstVal::Int(i), Kind::Int(k)) => {
                if !k.fits(i) {
                    return err(
                        pos,
                        format!(
                            "cannot use {i} (untyped int constant) as {} value in variable declaration (overflows)",
                            self.types.name(to)
                        ),
                    );
                }
                ConstVal::Int(i)
            }
            (ConstVal::Float(f), Kind::Int(_)) => {
                if f.fract() != 0.0 {
                    return err(
                        pos,
                        format!(
                            "cannot use {f} (untyped float constant) as {} value (truncated)",
                            self.types.name(to)
                        ),
                    );
                }
                ConstVal::Int(f as i128)
            }
            (ConstVal::Int(i), Kind::Float64 | Kind::Float32 | Kind::UntypedFloat) => {
                ConstVal::Float(i as f64)
            }
            (v @ ConstVal::Float(_), Kind::Float64 | Kind::Float32 | Kind::UntypedFloat) => v,
            (v @ ConstVal::Str(_), Kind::String | Kind::UntypedString) => v,
            (v @ ConstVal::Bool(_), Kind::Bool | Kind::UntypedBool) => v,
            (v @ ConstVal::Int(_), Kind::UntypedInt | Kind::UntypedRune) => v,
            (v, _) => {
                let what = match &v {
                    ConstVal::Int(i) => i.to_string(),
                    ConstVal::Float(f) => f.to_string(),
                    ConstVal::Exact(r) => r.to_f64().to_string(),
                    ConstVal::Bool(b) => b.to_string(),
                    ConstVal::Str(s) => format!("{s:?}"),
                };
                return err(
                    pos,
                    format!(
                        "cannot use {what} (constant) as {} value",
                        self.types.name(to)
                    ),
                );
            }
        })
    }

    /// Emits constant `v` as a value of type `t` (untyped: its default type).
    pub fn emit_const(&mut self, v: &ConstVal, t: TypeId) {
        let rounded = v.clone().rounded();
        let v = &rounded;
        let t = self.types.default_type(t);
        if self.types.is_interface(t) {
            let d = match v {
                ConstVal::Int(_) => ids::INT,
                ConstVal::Float(_) | ConstVal::Exact(_) => ids::FLOAT64,
                ConstVal::Bool(_) => ids::BOOL,
                ConstVal::Str(_) => ids::STRING,
            };
            self.emit_const(v, d);
            self.emit(Op::ToIface(d));
            return;
        }
        match v {
            ConstVal::Int(i) => {
                if self.types.is_float(t) {
                    let ix = self.const_index(Const::Float(*i as f64));
                    self.emit(Op::Const(ix));
                } else {
                    let k = self.types.int_kind(t).unwrap_or(IntKind::Int);
                    self.emit(Op::PushInt(k.wrap(*i as i64)));
                }
            }
            ConstVal::Float(_) | ConstVal::Exact(_) => {
                let f = &v.as_f64();
                if self.types.is_integer(t) {
                    self.emit(Op::PushInt(*f as i64));
                } else {
                    let f = if matches!(self.types.ukind(t), Kind::Float32) {
                        *f as f32 as f64
                    } else {
                        *f
                    };
                    let ix = self.const_index(Const::Float(f));
                    self.emit(Op::Const(ix));
                }
            }
            ConstVal::Bool(b) => {
                self.emit(Op::PushBool(*b));
            }
            ConstVal::Str(s) => {
                let ix = self.const_index(Const::Str(s.clone()));
                self.emit(Op::Const(ix));
            }
        }
    }

    // ---- names without side effects ----

    /// Looks a name up without capturing it (for typing only).
    pub fn peek(&mut self, name: &str) -> Option<Entity> {
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
            return Some(e.clone());
        }
        super::universe(name)
    }

    /// If `e` denotes a type, that type.
    pub fn type_expr_of(&mut self, e: &Expr) -> R<Option<TypeId>> {
        let e = e.unparen();
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
            _ => Ok(None),
        }
    }

    /// The static type of `e`, without emitting code (tuples for multi-valued calls).
    pub fn type_of(&mut self, e: &Expr) -> R<TypeId> {
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
                Some(_) => return err(e.pos, format!("{n} is not an expression")),
                None => return err(e.pos, format!("undefined: {n}")),
            },
            ExprKind::FuncLit { sig, .. } => self.func_type(sig)?,
            ExprKind::CompositeLit { typ, .. } => match typ {
                Some(t) => self.lit_type(t, e)?,
                None => return err(e.pos, "missing type in composite literal"),
            },
            ExprKind::Selector { x, sel } => {
                if let ExprKind::Ident(p) = &x.kind
                    && let Some(Entity::Package(path)) = self.peek(p)
                {
                    return match self.member(&path, &sel.name) {
                        Some(Member::Func(_, sig)) => Ok(sig),
                        Some(Member::Value(_, t)) => Ok(t),
                        Some(Member::Const(_, t)) => Ok(t),
                        Some(Member::Generic(_)) => Ok(ids::ANY),
                        _ => err(sel.pos, format!("undefined: {p}.{}", sel.name)),
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
                            format!(
                                "{}.{} undefined (type {} has no field or method {})",
                                describe(x),
                                sel.name,
                                self.types.name(xt),
                                sel.name
                            ),
                        );
                    }
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
            ExprKind::Call { func, args, .. } => self.call_type(func, args, e.pos)?,
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
            ExprKind::Binary { op, x, y } => {
                use BinaryOp::*;
                match op {
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
                }
            }
            ExprKind::TypeLit(_) => return err(e.pos, "type is not an expression"),
            _ => return err(e.pos, "unsupported expression"),
        })
    }

    fn lit_type(&mut self, t: &TypeExpr, e: &Expr) -> R<TypeId> {
        if let crate::golite::syntax::ast::TypeKind::Array { len: None, elem } = &t.kind {
            let el = self.resolve_type(elem)?;
            let n = match &e.unparen().kind {
                ExprKind::CompositeLit { elems, .. } => elems.len() as u64,
                _ => 0,
            };
            return Ok(self.types.intern(Kind::Array(n, el)));
        }
        self.resolve_type(t)
    }

    /// The result type(s) of a call expression.
    fn call_type(&mut self, func: &Expr, args: &[Expr], pos: Pos) -> R<TypeId> {
        if let Some(t) = self.type_expr_of(func)? {
            return Ok(t);
        }
        let f = func.unparen();
        if let ExprKind::Ident(n) = &f.kind
            && let Some(Entity::Builtin(b)) = self.peek(n)
        {
            return Ok(match b {
                Builtin::Len | Builtin::Cap | Builtin::Copy => ids::INT,
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
                            || (t == ids::UNTYPED_INT && at == ids::UNTYPED_FLOAT)
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
    pub fn find_member(&mut self, t: TypeId, name: &str) -> Option<Sel> {
        let base = self
            .types
            .pointer_elem(t)
            .filter(|p| !self.types.is_interface(*p))
            .unwrap_or(t);
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

    // ---- values ----

    /// Compiles `e` as a value to store or pass: aggregates read from a location are copied.
    pub fn value(&mut self, e: &Expr, want: Option<TypeId>) -> R<TypeId> {
        let t = self.expr(e, want)?;
        if self.types.is_aggregate(t) && is_location(e) {
            self.emit(Op::CopyAgg(t));
        }
        Ok(t)
    }

    /// Compiles `e` as a value of type `target` (converting to an interface when needed).
    pub fn value_to(&mut self, e: &Expr, target: TypeId) -> R<()> {
        let t = self.value(e, Some(target))?;
        self.check_assignable(t, target, e)?;
        self.coerce(t, target);
        Ok(())
    }

    /// Checks Go's assignability (the common cases), for clear compile errors.
    pub fn check_assignable(&mut self, from: TypeId, to: TypeId, e: &Expr) -> R<()> {
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
    pub fn implements_static(&mut self, t: TypeId, iface: TypeId) -> bool {
        self.missing_static(t, iface).is_empty()
    }

    fn missing_static(&mut self, t: TypeId, iface: TypeId) -> String {
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
    pub fn coerce(&mut self, from: TypeId, to: TypeId) {
        if self.types.is_interface(to) && !self.types.is_interface(from) && from != ids::UNTYPED_NIL
        {
            let d = self.types.default_type(from);
            self.ensure_dispatch(d);
            self.emit(Op::ToIface(d));
        }
    }

    /// Makes sure dynamic dispatch can find methods promoted into `t` (compiled on demand).
    pub fn ensure_dispatch(&mut self, _t: TypeId) {}

    /// Compiles `e`, leaving one value on the stack; returns its static type.
    pub fn expr(&mut self, e: &Expr, want: Option<TypeId>) -> R<TypeId> {
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
                self.emit(Op::SliceOp(flags));
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
    pub fn assert_op(&mut self, t: TypeId, from: TypeId, ok: bool) {
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

    fn ident(&mut self, n: &str, pos: Pos) -> R<TypeId> {
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
    pub fn sel_base(&mut self, x: &Expr, path: &[u32], addr: bool) -> R<TypeId> {
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

    fn selector(&mut self, x: &Expr, name: &str, pos: Pos) -> R<TypeId> {
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

    fn index(&mut self, x: &Expr, index: &Expr, pos: Pos) -> R<TypeId> {
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

    fn index_value(&mut self, index: &Expr) -> R<()> {
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
    pub fn addr_of(&mut self, e: &Expr) -> R<TypeId> {
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

    fn unary(&mut self, op: UnaryOp, x: &Expr, want: Option<TypeId>, e: &Expr) -> R<TypeId> {
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
    pub fn wrap(&mut self, t: TypeId) {
        if let Some(k) = self.types.int_kind(t)
            && k.bits() < 64
        {
            self.emit(Op::Wrap(k));
        }
    }

    fn binary(
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

    /// Composite literals `T{...}`.
    pub fn composite(
        &mut self,
        typ: Option<&TypeExpr>,
        elems: &[Element],
        want: Option<TypeId>,
        e: &Expr,
    ) -> R<TypeId> {
        let t = match typ {
            Some(t) => self.lit_type(t, e)?,
            None => match want {
                Some(w) => w,
                None => return err(e.pos, "invalid composite literal type: missing type"),
            },
        };
        // `[]*T{{...}}`: an elided `&T{...}`.
        if typ.is_none()
            && let Some(el) = self.types.pointer_elem(t)
        {
            let inner = self.composite(None, elems, Some(el), e)?;
            self.emit(Op::Escape(inner));
            return Ok(t);
        }
        match self.types.ukind(t).clone() {
            Kind::Struct(fields) => {
                let keyed = elems.first().is_some_and(|el| el.key.is_some());
                if keyed {
                    let mut given: Vec<Option<&Expr>> = vec![None; fields.len()];
                    for el in elems {
                        let Some(ExprKind::Ident(k)) = el.key.as_ref().map(|k| &k.kind) else {
                            return err(
                                el.value.pos,
                                "mixture of field:value and value elements in struct literal",
                            );
                        };
                        let Some(i) = fields.iter().position(|f| &f.name == k) else {
                            return err(
                                el.value.pos,
                                format!(
                                    "unknown field {k} in struct literal of type {}",
                                    self.types.name(t)
                                ),
                            );
                        };
                        given[i] = Some(&el.value);
                    }
                    for (f, g) in fields.iter().zip(given) {
                        match g {
                            Some(v) => self.value_to(v, f.ty)?,
                            None => self.zero_of(f.ty),
                        }
                    }
                } else {
                    if !elems.is_empty() && elems.len() != fields.len() {
                        return err(
                            e.pos,
                            format!(
                                "too few values in struct literal of type {}",
                                self.types.name(t)
                            ),
                        );
                    }
                    if elems.is_empty() {
                        for f in &fields {
                            self.zero_of(f.ty);
                        }
                    }
                    for (f, el) in fields.iter().zip(elems) {
                        self.value_to(&el.value, f.ty)?;
                    }
                }
                self.emit(Op::MakeStruct(fields.len() as u32));
            }
            Kind::Slice(el) => {
                let n = self.indexed_elems(elems, el, None)?;
                self.emit(Op::MakeSlice(n as u32, el));
            }
            Kind::Array(len, el) => {
                let n = self.indexed_elems(elems, el, Some(len as usize))?;
                self.emit(Op::MakeArray(n as u32));
            }
            Kind::Map(k, v) => {
                for el in elems {
                    let Some(key) = &el.key else {
                        return err(el.value.pos, "missing key in map literal");
                    };
                    self.value_to(key, k)?;
                    self.value_to(&el.value, v)?;
                }
                self.emit(Op::MakeMap(elems.len() as u32));
            }
            _ => {
                return err(
                    e.pos,
                    format!("invalid composite literal type {}", self.types.name(t)),
                );
            }
        }
        Ok(t)
    }

    /// Elements of a slice or array literal (keys must be constant indexes); returns the count.
    fn indexed_elems(&mut self, elems: &[Element], el: TypeId, len: Option<usize>) -> R<usize> {
        let mut slots: Vec<Option<&Expr>> = Vec::new();
        let mut next = 0usize;
        for e in elems {
            if let Some(k) = &e.key {
                let Some((v, _)) = self.constant(k)? else {
                    return err(k.pos, "index must be non-negative integer constant");
                };
                next = v.as_i128().unwrap_or(0).max(0) as usize;
            }
            if slots.len() <= next {
                slots.resize(next + 1, None);
            }
            slots[next] = Some(&e.value);
            next += 1;
        }
        let n = len.unwrap_or(slots.len());
        if slots.len() > n {
            return err(
                elems.last().map_or(Pos::default(), |e| e.value.pos),
                format!("index {} out of bounds [0:{n}]", slots.len() - 1),
            );
        }
        for i in 0..n {
            match slots.get(i).copied().flatten() {
                Some(v) => self.value_to(v, el)?,
                None => self.zero_of(el),
            }
        }
        Ok(n)
    }

    // ---- calls ----

    /// Compiles a call (or conversion, or builtin) in `mode`; returns the result types pushed.
    pub fn call(&mut self, e: &Expr, mode: Mode, want: Option<TypeId>) -> R<Vec<TypeId>> {
        let ExprKind::Call {
            func,
            args,
            ellipsis,
        } = &e.kind
        else {
            return err(
                e.pos,
                format!(
                    "expression in {} must be function call",
                    if mode == Mode::Go { "go" } else { "defer" }
                ),
            );
        };
        let ellipsis = *ellipsis;
        let line = self.line;
        self.line = e.pos.line;
        let r = self.call_inner(e, func, args, ellipsis, mode, want);
        self.line = line;
        r
    }

    fn call_inner(
        &mut self,
        e: &Expr,
        func: &Expr,
        args: &[Expr],
        ellipsis: bool,
        mode: Mode,
        want: Option<TypeId>,
    ) -> R<Vec<TypeId>> {
        if let Some(t) = self.type_expr_of(func)? {
            if mode != Mode::Call {
                return err(e.pos, "expression in go/defer must be function call");
            }
            if args.len() != 1 {
                return err(
                    e.pos,
                    format!(
                        "wrong argument count in conversion to {}",
                        self.types.name(t)
                    ),
                );
            }
            self.conversion(t, &args[0])?;
            return Ok(vec![t]);
        }
        let f = func.unparen();
        if let ExprKind::Ident(n) = &f.kind {
            match self.peek(n) {
                Some(Entity::Builtin(b)) => return self.builtin(b, args, ellipsis, mode, want, e),
                Some(Entity::Func(fid, sig)) => {
                    let s = self.sig_of(sig);
                    let n = self.push_args(&s, args, ellipsis, e, describe(func))?;
                    self.emit(match mode {
                        Mode::Call => Op::Call(fid, n),
                        Mode::Go => Op::Go(fid, n),
                        Mode::Defer => Op::Defer(fid, n),
                    });
                    return Ok(self.results(&s, mode));
                }
                _ => {}
            }
        }
        if let ExprKind::Selector { x, sel } = &f.kind {
            if let ExprKind::Ident(p) = &x.kind
                && let Some(Entity::Package(path)) = self.peek(p)
            {
                return match self.member(&path, &sel.name) {
                    Some(Member::Func(native, sig)) => {
                        let s = self.sig_of(sig);
                        let n =
                            self.push_args(&s, args, ellipsis, e, format!("{p}.{}", sel.name))?;
                        self.native_call(native, n, mode);
                        Ok(self.results(&s, mode))
                    }
                    Some(Member::Generic(g)) => (self.lib.generic_call)(self, g, args, mode, e),
                    Some(_) => err(sel.pos, format!("{p}.{} is not a function", sel.name)),
                    None => err(
                        sel.pos,
                        format!("undefined: {p}.{} (not supported by golite)", sel.name),
                    ),
                };
            }
            let xt = self.type_of(x)?;
            match self.find_member(xt, &sel.name) {
                Some(Sel::GoMethod {
                    path,
                    fid,
                    ptr,
                    sig,
                }) => {
                    self.sel_base(x, &path, ptr)?;
                    let s = self.sig_of(sig);
                    let n = self.push_args(&s, args, ellipsis, e, describe(func))? + 1;
                    self.emit(match mode {
                        Mode::Call => Op::Call(fid, n),
                        Mode::Go => Op::Go(fid, n),
                        Mode::Defer => Op::Defer(fid, n),
                    });
                    return Ok(self.results(&s, mode));
                }
                Some(Sel::NativeMethod {
                    path,
                    native,
                    ptr,
                    sig,
                }) => {
                    if native == Native::OnceDo {
                        return self.once_do(x, &path, args, mode, e);
                    }
                    self.sel_base(x, &path, ptr)?;
                    let s = self.sig_of(sig);
                    let n = self.push_args(&s, args, ellipsis, e, describe(func))? + 1;
                    self.native_call(native, n, mode);
                    return Ok(self.results(&s, mode));
                }
                Some(Sel::IfaceMethod { path, sym, sig }) => {
                    self.sel_base(x, &path, false)?;
                    let s = self.sig_of(sig);
                    let n = self.push_args(&s, args, ellipsis, e, describe(func))?;
                    self.emit(match mode {
                        Mode::Call => Op::CallIface(sym, n),
                        Mode::Go => Op::GoIface(sym, n),
                        Mode::Defer => Op::DeferIface(sym, n),
                    });
                    return Ok(self.results(&s, mode));
                }
                Some(Sel::Field { .. }) => {}
                None => {
                    return err(
                        sel.pos,
                        format!(
                            "{}.{} undefined (type {} has no field or method {})",
                            describe(x),
                            sel.name,
                            self.types.name(xt),
                            sel.name
                        ),
                    );
                }
            }
        }
        // A function value.
        let ft = self.type_of(func)?;
        let Some(s) = self.types.sig(ft).cloned() else {
            return err(
                e.pos,
                format!(
                    "invalid operation: cannot call non-function {} (variable of type {})",
                    describe(func),
                    self.types.name(ft)
                ),
            );
        };
        let n = self.push_args(&s, args, ellipsis, e, describe(func))?;
        self.expr(func, None)?;
        self.emit(match mode {
            Mode::Call => Op::CallValue(n),
            Mode::Go => Op::GoValue(n),
            Mode::Defer => Op::DeferValue(n),
        });
        Ok(self.results(&s, mode))
    }

    /// `once.Do(f)`: begin, call f if this goroutine runs it, end.
    fn once_do(
        &mut self,
        x: &Expr,
        path: &[u32],
        args: &[Expr],
        mode: Mode,
        e: &Expr,
    ) -> R<Vec<TypeId>> {
        if mode != Mode::Call || args.len() != 1 {
            return err(
                e.pos,
                "sync.Once.Do is supported as a plain call with one argument",
            );
        }
        let once = self.temp(ids::ANY);
        self.sel_base(x, path, true)?;
        self.init_var(once);
        let fty = self.types.func(vec![], vec![], false);
        let fv = self.temp(fty);
        self.value_to(&args[0], fty)?;
        self.init_var(fv);
        self.load_var(once);
        self.emit(Op::CallNative(Native::OnceBegin, 1));
        let j = self.emit(Op::JumpIfNot(0));
        self.load_var(fv);
        self.emit(Op::CallValue(0));
        self.load_var(once);
        self.emit(Op::CallNative(Native::OnceEnd, 1));
        let end = self.here();
        self.patch(j, end);
        Ok(vec![])
    }

    pub fn native_call(&mut self, n: Native, argc: u16, mode: Mode) {
        self.emit(match mode {
            Mode::Call => Op::CallNative(n, argc),
            Mode::Go => Op::GoNative(n, argc),
            Mode::Defer => Op::DeferNative(n, argc),
        });
    }

    pub fn sig_of(&self, t: TypeId) -> Sig {
        self.types.sig(t).cloned().unwrap_or(Sig {
            params: vec![],
            results: vec![],
            variadic: false,
        })
    }

    fn results(&self, s: &Sig, mode: Mode) -> Vec<TypeId> {
        if mode == Mode::Call {
            s.results.clone()
        } else {
            Vec::new()
        }
    }

    /// Pushes call arguments per signature (packing variadics); returns how many values.
    pub fn push_args(
        &mut self,
        s: &Sig,
        args: &[Expr],
        ellipsis: bool,
        e: &Expr,
        what: String,
    ) -> R<u16> {
        let np = s.params.len();
        // f(g()) with a multi-valued g.
        if args.len() == 1 && !ellipsis {
            let at = self.type_of(&args[0])?;
            if let Kind::Tuple(ts) = self.types.kind(at).clone()
                && ts.len() > 1
            {
                self.multi(&args[0])?;
                let temps: Vec<usize> = ts.iter().map(|t| self.temp(*t)).collect();
                for v in temps.iter().rev() {
                    self.init_var(*v);
                }
                let fixed = if s.variadic { np - 1 } else { np };
                if (!s.variadic && ts.len() != np) || (s.variadic && ts.len() < fixed) {
                    return err(
                        e.pos,
                        format!("wrong number of arguments in call to {what}"),
                    );
                }
                for (i, v) in temps.iter().enumerate().take(fixed) {
                    self.load_var(*v);
                    self.coerce(ts[i], s.params[i]);
                }
                if s.variadic {
                    let el = match self.types.ukind(s.params[np - 1]) {
                        Kind::Slice(el) => *el,
                        _ => ids::ANY,
                    };
                    for (i, v) in temps.iter().enumerate().skip(fixed) {
                        self.load_var(*v);
                        self.coerce(ts[i], el);
                    }
                    self.emit(Op::MakeSlice((ts.len() - fixed) as u32, el));
                }
                return Ok(np as u16);
            }
        }
        let fixed = if s.variadic { np - 1 } else { np };
        if args.len() < fixed || (!s.variadic && args.len() > np) || (ellipsis && args.len() != np)
        {
            let kind = if args.len() < fixed {
                "not enough"
            } else {
                "too many"
            };
            return err(e.pos, format!("{kind} arguments in call to {what}"));
        }
        if ellipsis && !s.variadic {
            return err(
                e.pos,
                format!("have (...) arguments in call to non-variadic {what}"),
            );
        }
        for (i, a) in args.iter().enumerate().take(fixed) {
            self.value_to(a, s.params[i])?;
        }
        if s.variadic {
            let st = s.params[np - 1];
            if ellipsis {
                self.value_to(&args[np - 1], st)?;
            } else {
                let el = match self.types.ukind(st) {
                    Kind::Slice(el) => *el,
                    _ => ids::ANY,
                };
                let rest = &args[fixed..];
                if rest.is_empty() {
                    self.emit(Op::PushNil);
                } else {
                    let fmt_like = el == ids::ANY;
                    for a in rest {
                        self.value_to(a, el)?;
                        if fmt_like {
                            let _ = fmt_like;
                        }
                    }
                    self.emit(Op::MakeSlice(rest.len() as u32, el));
                }
            }
        }
        Ok(np as u16)
    }

    /// Pushes every result of a multi-valued expression; returns their types.
    pub fn multi(&mut self, e: &Expr) -> R<Vec<TypeId>> {
        match &e.unparen().kind {
            ExprKind::Call { .. } => self.call(e.unparen(), Mode::Call, None),
            _ => Ok(vec![self.value(e, None)?]),
        }
    }

    /// `T(x)`.
    pub fn conversion(&mut self, t: TypeId, x: &Expr) -> R<()> {
        let ft = self.type_of(x)?;
        let basic_target = matches!(
            self.types.ukind(t),
            Kind::Int(_)
                | Kind::Float64
                | Kind::Float32
                | Kind::String
                | Kind::Bool
                | Kind::Interface(_)
        );
        if self.types.is_untyped(ft)
            && ft != ids::UNTYPED_NIL
            && basic_target
            && let Some((v, _)) = self.constant(x)?
        {
            if self.types.is_interface(t) {
                let d = self.types.default_type(ft);
                self.emit_const(&v, d);
                self.emit(Op::ToIface(d));
                return Ok(());
            }
            if self.types.is_string(t) && self.types.is_integer(ft) {
                let c = v
                    .as_i128()
                    .and_then(|i| u32::try_from(i).ok())
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}');
                self.emit_const(&ConstVal::Str(Rc::from(c.to_string())), t);
                return Ok(());
            }
            let v2 = self.convert_const(v, ft, t, x.pos)?;
            self.emit_const(&v2, t);
            return Ok(());
        }
        let from = self.value(x, None)?;
        let (fk, tk) = (self.types.ukind(from).clone(), self.types.ukind(t).clone());
        match (&fk, &tk) {
            (_, Kind::Interface(_)) => self.coerce(from, t),
            (Kind::Int(a), Kind::Int(b)) => {
                if a != b {
                    self.emit(Op::Wrap(*b));
                }
            }
            (Kind::Int(a), Kind::Float64 | Kind::Float32) => {
                self.emit(if a.unsigned() && a.bits() == 64 {
                    Op::UintToFloat
                } else {
                    Op::IntToFloat
                });
                if matches!(tk, Kind::Float32) {
                    self.emit(Op::F32);
                }
            }
            (Kind::Float64 | Kind::Float32, Kind::Int(b)) => {
                self.emit(Op::FloatToInt(*b));
            }
            (Kind::Float64, Kind::Float32) => {
                self.emit(Op::F32);
            }
            (Kind::Float32 | Kind::Float64, Kind::Float64 | Kind::Float32) => {}
            (Kind::Int(_), Kind::String) => {
                self.emit(Op::RuneToString);
            }
            (Kind::String, Kind::Slice(el)) => {
                if self.types.int_kind(*el) == Some(IntKind::Uint8) {
                    self.emit(Op::StringToBytes);
                } else if self.types.int_kind(*el) == Some(IntKind::Int32) {
                    self.emit(Op::StringToRunes);
                } else {
                    return err(
                        x.pos,
                        format!(
                            "cannot convert {} to type {}",
                            describe(x),
                            self.types.name(t)
                        ),
                    );
                }
            }
            (Kind::Slice(el), Kind::String) => {
                if self.types.int_kind(*el) == Some(IntKind::Uint8) {
                    self.emit(Op::BytesToString);
                } else if self.types.int_kind(*el) == Some(IntKind::Int32) {
                    self.emit(Op::RunesToString);
                } else {
                    return err(
                        x.pos,
                        format!(
                            "cannot convert {} to type {}",
                            describe(x),
                            self.types.name(t)
                        ),
                    );
                }
            }
            (Kind::String, Kind::String) | (Kind::Bool, Kind::Bool) => {}
            (Kind::UntypedNil, _) => {}
            _ => {
                let same = self.types.underlying(from) == self.types.underlying(t)
                    || matches!((&fk, &tk), (Kind::Pointer(a), Kind::Pointer(b)) if self.types.underlying(*a) == self.types.underlying(*b))
                    || matches!((&fk, &tk), (Kind::Chan(..), Kind::Chan(..)));
                if !same {
                    return err(
                        x.pos,
                        format!(
                            "cannot convert {} (variable of type {}) to type {}",
                            describe(x),
                            self.types.name(from),
                            self.types.name(t)
                        ),
                    );
                }
            }
        }
        Ok(())
    }

    fn builtin(
        &mut self,
        b: Builtin,
        args: &[Expr],
        ellipsis: bool,
        mode: Mode,
        want: Option<TypeId>,
        e: &Expr,
    ) -> R<Vec<TypeId>> {
        let need = |n: usize, name: &str| -> R<()> {
            if args.len() < n {
                return err(e.pos, format!("not enough arguments for {name}"));
            }
            Ok(())
        };
        if mode != Mode::Call
            && !matches!(
                b,
                Builtin::Close | Builtin::Panic | Builtin::Print | Builtin::Println
            )
        {
            return err(
                e.pos,
                "golite supports go/defer of close, panic and function calls only",
            );
        }
        match b {
            Builtin::Len | Builtin::Cap => {
                need(1, "len")?;
                if let Some((ConstVal::Str(s), _)) = self.constant(&args[0])? {
                    self.emit(Op::PushInt(s.len() as i64));
                    return Ok(vec![ids::INT]);
                }
                let t = self.expr(&args[0], None)?;
                let okk = matches!(
                    self.types.ukind(t),
                    Kind::String
                        | Kind::Slice(_)
                        | Kind::Array(..)
                        | Kind::Map(..)
                        | Kind::Chan(..)
                        | Kind::Pointer(_)
                );
                if !okk
                    || (b == Builtin::Cap
                        && matches!(self.types.ukind(t), Kind::String | Kind::Map(..)))
                {
                    return err(
                        args[0].pos,
                        format!(
                            "invalid argument: {} (variable of type {}) for built-in {}",
                            describe(&args[0]),
                            self.types.name(t),
                            if b == Builtin::Len { "len" } else { "cap" }
                        ),
                    );
                }
                self.emit(if b == Builtin::Len { Op::Len } else { Op::Cap });
                Ok(vec![ids::INT])
            }
            Builtin::Append => {
                need(1, "append")?;
                let st = self.type_of(&args[0])?;
                let st = if st == ids::UNTYPED_NIL {
                    want.unwrap_or(st)
                } else {
                    st
                };
                let Kind::Slice(el) = self.types.ukind(st).clone() else {
                    return err(
                        args[0].pos,
                        format!(
                            "invalid argument: {} (variable of type {}) is not a slice",
                            describe(&args[0]),
                            self.types.name(st)
                        ),
                    );
                };
                self.expr(&args[0], Some(st))?;
                if ellipsis {
                    if args.len() != 2 {
                        return err(e.pos, "can only use ... with final argument");
                    }
                    let at = self.type_of(&args[1])?;
                    if self.types.is_string(at) {
                        self.expr(&args[1], Some(ids::STRING))?;
                    } else {
                        self.value_to(&args[1], st)?;
                    }
                    self.emit(Op::AppendSpread(el));
                } else {
                    for a in &args[1..] {
                        self.value_to(a, el)?;
                    }
                    self.emit(Op::Append((args.len() - 1) as u16, el));
                }
                Ok(vec![st])
            }
            Builtin::Make => {
                need(1, "make")?;
                let Some(t) = self.type_expr_of(&args[0])? else {
                    return err(args[0].pos, format!("{} is not a type", describe(&args[0])));
                };
                match self.types.ukind(t).clone() {
                    Kind::Chan(..) => {
                        match args.get(1) {
                            Some(n) => self.value_to(n, ids::INT)?,
                            None => {
                                self.emit(Op::PushInt(0));
                            }
                        }
                        self.emit(Op::MakeChan(t));
                    }
                    Kind::Slice(el) => {
                        let Some(n) = args.get(1) else {
                            return err(
                                e.pos,
                                format!(
                                    "invalid operation: make({}) expects 2 or 3 arguments; found 1",
                                    self.types.name(t)
                                ),
                            );
                        };
                        self.value_to(n, ids::INT)?;
                        if let Some(c) = args.get(2) {
                            self.value_to(c, ids::INT)?;
                        }
                        self.emit(Op::MakeSliceLen(el, args.len() == 3));
                    }
                    Kind::Map(..) => {
                        if let Some(n) = args.get(1) {
                            self.value_to(n, ids::INT)?;
                            self.emit(Op::Pop);
                        }
                        self.emit(Op::MakeMapEmpty);
                    }
                    _ => {
                        return err(
                            args[0].pos,
                            format!("invalid argument: cannot make {}", self.types.name(t)),
                        );
                    }
                }
                Ok(vec![t])
            }
            Builtin::New => {
                need(1, "new")?;
                let Some(t) = self.type_expr_of(&args[0])? else {
                    return err(args[0].pos, format!("{} is not a type", describe(&args[0])));
                };
                self.emit(Op::New(t));
                Ok(vec![self.types.pointer(t)])
            }
            Builtin::Delete => {
                need(2, "delete")?;
                let mt = self.expr(&args[0], None)?;
                let Kind::Map(k, _) = self.types.ukind(mt).clone() else {
                    return err(args[0].pos, "invalid argument: delete of non-map");
                };
                self.value_to(&args[1], k)?;
                self.emit(Op::Delete);
                Ok(vec![])
            }
            Builtin::Copy => {
                need(2, "copy")?;
                self.expr(&args[0], None)?;
                self.expr(&args[1], None)?;
                self.emit(Op::Copy);
                Ok(vec![ids::INT])
            }
            Builtin::Panic => {
                need(1, "panic")?;
                self.value_to(&args[0], ids::ANY)?;
                match mode {
                    Mode::Call => {
                        self.emit(Op::Dup);
                        self.emit(Op::Stringify);
                        self.emit(Op::Panic);
                    }
                    _ => self.native_call(Native::PanicValue, 1, mode),
                }
                Ok(vec![])
            }
            Builtin::Recover => {
                self.emit(Op::Recover);
                Ok(vec![ids::ANY])
            }
            Builtin::Print | Builtin::Println => {
                for a in args {
                    self.value_to(a, ids::ANY)?;
                }
                self.emit(Op::MakeSlice(args.len() as u32, ids::ANY));
                let n = if b == Builtin::Print {
                    Native::BuiltinPrint
                } else {
                    Native::BuiltinPrintln
                };
                self.native_call(n, 1, mode);
                Ok(vec![])
            }
            Builtin::Close => {
                need(1, "close")?;
                let t = self.expr(&args[0], None)?;
                match self.types.ukind(t) {
                    Kind::Chan(ChanDir::Recv, _) => {
                        return err(
                            args[0].pos,
                            format!(
                                "invalid operation: cannot close receive-only channel {}",
                                describe(&args[0])
                            ),
                        );
                    }
                    Kind::Chan(..) => {}
                    _ => {
                        return err(
                            args[0].pos,
                            format!(
                                "invalid operation: non-chan argument {} to close",
                                describe(&args[0])
                            ),
                        );
                    }
                }
                match mode {
                    Mode::Call => {
                        self.emit(Op::Close);
                    }
                    _ => self.native_call(Native::Close, 1, mode),
                }
                Ok(vec![])
            }
            Builtin::Min | Builtin::Max => {
                need(1, if b == Builtin::Min { "min" } else { "max" })?;
                let mut t = ids::UNTYPED_INT;
                for a in args {
                    let at = self.type_of(a)?;
                    if !self.types.is_untyped(at)
                        || (self.types.is_untyped(t) && at == ids::UNTYPED_FLOAT)
                    {
                        t = at;
                    }
                }
                let t = self.types.default_type(t);
                for a in args {
                    self.value_to(a, t)?;
                }
                let float = self.types.is_float(t);
                let n = args.len() as u16;
                self.emit(if b == Builtin::Min {
                    Op::Min(n, float)
                } else {
                    Op::Max(n, float)
                });
                Ok(vec![t])
            }
            Builtin::Clear => {
                need(1, "clear")?;
                self.expr(&args[0], None)?;
                self.emit(Op::CallNative(Native::Clear, 1));
                Ok(vec![])
            }
        }
    }
}

/// Whether `e` reads a variable or a location inside one (so an aggregate must be copied).
pub fn is_location(e: &Expr) -> bool {
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

/// All-ones mask of an unsigned kind.
fn mask(k: IntKind) -> u64 {
    if k.bits() == 64 {
        u64::MAX
    } else {
        (1u64 << k.bits()) - 1
    }
}
