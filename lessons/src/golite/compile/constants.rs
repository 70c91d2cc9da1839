//! Constant expressions: folded exactly (Go's untyped constants are arbitrary-precision), then
//! converted to their type and emitted.

use super::complex_constants::{Folded, fold_complex};
use super::{Builtin, Compiler, ConstVal, Entity, Member, R, err};
use crate::golite::code::{Const, Op};
use crate::golite::syntax::ast::{BinaryOp, Expr, ExprKind, Pos, UnaryOp};
use crate::golite::types::ratio::Ratio;
use crate::golite::types::{IntKind, Kind, TypeId, ids};
use std::rc::Rc;

impl<'a> Compiler<'a> {
    /// Folds a constant expression; `None` when `e` is not constant.
    pub(crate) fn constant(&mut self, e: &Expr) -> R<Option<(ConstVal, TypeId)>> {
        Ok(match &e.kind {
            ExprKind::Int(i) => Some((ConstVal::Int(i128::from(*i)), ids::UNTYPED_INT)),
            ExprKind::Float(f) => Some((ConstVal::Float(*f), ids::UNTYPED_FLOAT)),
            ExprKind::Imag(f) => Some((
                ConstVal::complex(ConstVal::Int(0), ConstVal::Float(*f)),
                ids::UNTYPED_COMPLEX,
            )),
            ExprKind::Rune(c) => Some((ConstVal::Int(i128::from(*c as u32)), ids::UNTYPED_RUNE)),
            ExprKind::Str(s) => Some((ConstVal::Str(Rc::from(s.as_str())), ids::UNTYPED_STRING)),
            ExprKind::Paren(x) => self.constant(x)?,
            ExprKind::Ident(n) => match self.peek(n) {
                Some(Entity::Const(v, t)) => Some((v, t)),
                Some(Entity::Iota) => self.iota.map(|i| (ConstVal::Int(i), ids::UNTYPED_INT)),
                _ => None,
            },
            ExprKind::Selector { x, sel } if self.library_go_name(x, sel).is_some() => {
                match self.library_go_name(x, sel) {
                    Some(name) => self.constant(&name)?,
                    None => None,
                }
            }
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
                    (UnaryOp::Neg, v @ ConstVal::Complex(_)) => {
                        let zero = ConstVal::complex(ConstVal::Int(0), ConstVal::Int(0));
                        match fold_complex(BinaryOp::Sub, &zero, &v) {
                            Folded::Value(n) => n,
                            _ => return Ok(None),
                        }
                    }
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
                if self.not_const.contains(&e.id) {
                    return Ok(None);
                }
                let Some((a, ta)) = self.constant(x)? else {
                    self.not_const.insert(e.id);
                    return Ok(None);
                };
                let Some((b, tb)) = self.constant(y)? else {
                    self.not_const.insert(e.id);
                    return Ok(None);
                };
                if (self.types.is_complex(ta) || self.types.is_complex(tb))
                    && matches!(
                        op,
                        BinaryOp::Lt | BinaryOp::Le | BinaryOp::Gt | BinaryOp::Ge
                    )
                {
                    let t = if self.types.is_untyped(ta) { tb } else { ta };
                    let what = if self.types.is_untyped(t) {
                        "untyped complex".to_string()
                    } else {
                        self.types.name(t)
                    };
                    return err(
                        super::start_pos(x),
                        format!(
                            "invalid operation: {} {} {} (operator {} not defined on {what})",
                            super::expr_src(x),
                            op.as_str(),
                            super::expr_src(y),
                            op.as_str()
                        ),
                    );
                }
                if matches!(op, BinaryOp::Quo)
                    && (self.types.is_complex(ta) || self.types.is_complex(tb))
                    && b.parts()
                        .is_some_and(|(re, im)| re.is_zero() && im.is_zero())
                {
                    return err(y.pos, "invalid operation: division by zero");
                }
                self.fold_binary(*op, a, ta, b, tb, e)?
            }
            ExprKind::Call { func, args, .. } if self.complex_builtin(func).is_some() => {
                self.complex_builtin_const(func, args)?
            }
            ExprKind::Call { func, args, .. } if args.len() == 1 => {
                if let Some(t) = self.type_expr_of(func)? {
                    if matches!(
                        self.types.ukind(t),
                        Kind::Int(_)
                            | Kind::Float64
                            | Kind::Float32
                            | Kind::Complex128
                            | Kind::Complex64
                            | Kind::String
                            | Kind::Bool
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
                        self.check_complex_fits(&v, t, &args[0], true)?;
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

    pub(super) fn fold_binary(
        &mut self,
        op: BinaryOp,
        a: ConstVal,
        ta: TypeId,
        b: ConstVal,
        tb: TypeId,
        e: &Expr,
    ) -> R<Option<(ConstVal, TypeId)>> {
        use BinaryOp::*;
        let pos = e.pos;
        let t = if matches!(op, Shl | Shr) || !self.types.is_untyped(ta) {
            ta
        } else if !self.types.is_untyped(tb) {
            tb
        } else {
            // Both untyped: the "larger" kind wins (int < rune < float).
            let rank = |t: TypeId| match t {
                ids::UNTYPED_COMPLEX => 4,
                ids::UNTYPED_FLOAT => 3,
                ids::UNTYPED_RUNE => 2,
                _ => 1,
            };
            if rank(tb) > rank(ta) { tb } else { ta }
        };
        let cmp = matches!(op, Eq | Ne | Lt | Le | Gt | Ge);
        if self.types.is_complex(t)
            || matches!(a, ConstVal::Complex(_))
            || matches!(b, ConstVal::Complex(_))
        {
            return match fold_complex(op, &a, &b) {
                Folded::Value(v @ ConstVal::Bool(_)) => Ok(Some((v, ids::UNTYPED_BOOL))),
                Folded::Value(v) => Ok(Some((self.round_complex(v, t), t))),
                Folded::DivByZero => err(pos, "invalid operation: division by zero"),
                Folded::NotDefined => err(
                    pos,
                    format!(
                        "invalid operation: operator {} not defined on {}",
                        op.as_str(),
                        self.types.name(t)
                    ),
                ),
            };
        }
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
                        // i128::MIN / -1 overflows i128 itself.
                        let r = if op == Quo {
                            x.checked_div(y)
                        } else {
                            x.checked_rem(y)
                        };
                        let Some(r) = r else {
                            return err(pos, "constant overflow");
                        };
                        r
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
                    // types2's words, at the expression's first token; a named type is
                    // described with its underlying one (`of int8 type Small`).
                    let under = self.msg_name(self.types.underlying(t));
                    let name = self.msg_name(t);
                    let of = if name == under {
                        format!("type {name}")
                    } else {
                        format!("{under} type {name}")
                    };
                    return err(
                        super::start_pos(e),
                        format!(
                            "{} (constant {v} of {of}) overflows {under}",
                            super::expr_src(e)
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
    pub(crate) fn convert_const(
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
        if self.types.is_complex(to) {
            return self.const_to_complex(v, to, pos);
        }
        if let ConstVal::Complex(p) = v {
            let (re, im) = *p;
            if !im.is_zero() && self.types.is_numeric(to) {
                let c = ConstVal::complex(re, im);
                return err(
                    pos,
                    format!(
                        "cannot use {} (untyped complex constant {}) as {} value in variable declaration (truncated)",
                        c.go_text().trim_start_matches('(').trim_end_matches(')'),
                        c.go_text(),
                        self.types.name(to)
                    ),
                );
            }
            // No imaginary part: the real part converts as a real constant.
            let from = if matches!(re, ConstVal::Int(_)) {
                ids::UNTYPED_INT
            } else {
                ids::UNTYPED_FLOAT
            };
            return self.convert_const(re, from, to, pos);
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
                    ConstVal::Complex(_) => v.go_text(),
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
    pub(crate) fn emit_const(&mut self, v: &ConstVal, t: TypeId) {
        let rounded = v.clone().rounded();
        let v = &rounded;
        let t = self.types.default_type(t);
        if self.types.is_interface(t) {
            let d = match v {
                ConstVal::Int(_) => ids::INT,
                ConstVal::Float(_) | ConstVal::Exact(_) => ids::FLOAT64,
                ConstVal::Complex(_) => ids::COMPLEX128,
                ConstVal::Bool(_) => ids::BOOL,
                ConstVal::Str(_) => ids::STRING,
            };
            self.emit_const(v, d);
            self.emit(Op::ToIface(d));
            return;
        }
        if self.types.is_complex(t) {
            let (re, im) = v.complex_f64();
            let c = if matches!(self.types.ukind(t), Kind::Complex64) {
                Const::Complex(re as f32 as f64, im as f32 as f64)
            } else {
                Const::Complex(re, im)
            };
            let ix = self.const_index(c);
            self.emit(Op::Const(ix));
            return;
        }
        match v {
            ConstVal::Complex(p) => {
                // No imaginary part (checked when converted): the real part.
                let re = p.0.clone();
                self.emit_const(&re, t);
            }
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
}

/// All-ones mask of an unsigned kind.
fn mask(k: IntKind) -> u64 {
    if k.bits() == 64 {
        u64::MAX
    } else {
        (1u64 << k.bits()) - 1
    }
}
