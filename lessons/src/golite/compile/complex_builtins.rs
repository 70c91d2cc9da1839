//! The builtins `complex`, `real` and `imag`, typed as types2 types them: `complex(x, y)` wants
//! two floats of one type (an untyped side takes the other's type; two untyped constants are
//! untyped floats) and gives complex64 for float32, complex128 for float64, an untyped complex
//! constant for untyped floats; `real`/`imag` give the matching float. With constant
//! arguments each is a constant (`real(2i * 2i)` sizes an array).

use super::complex_constants::{Folded, fold_complex};
use super::{Builtin, Compiler, ConstVal, Entity, R, err, expr_src};
use crate::golite::code::Op;
use crate::golite::syntax::ast::{BinaryOp, Expr, ExprKind, Pos};
use crate::golite::types::{Kind, TypeId, ids};

/// An argument's constant value, if it is one, and its type.
type ArgInfo = (Option<ConstVal>, TypeId);

impl<'a> Compiler<'a> {
    /// The builtin `func` names, if it is `complex`, `real` or `imag` (not shadowed).
    pub(crate) fn complex_builtin(&mut self, func: &Expr) -> Option<Builtin> {
        match &func.unparen().kind {
            ExprKind::Ident(n) => match self.peek(n) {
                Some(Entity::Builtin(b @ (Builtin::Complex | Builtin::Real | Builtin::Imag))) => {
                    Some(b)
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Each argument's constant value (if it is one) and type, each found once: nested calls
    /// (`real(complex(real(...), 1))`) would otherwise be folded again at every level, in
    /// time exponential in their depth.
    fn arg_infos(&mut self, args: &[Expr]) -> R<Vec<ArgInfo>> {
        let mut out = Vec::with_capacity(args.len());
        for a in args {
            out.push(match self.constant(a)? {
                Some((v, t)) => (Some(v), t),
                None => (None, self.type_of(a)?),
            });
        }
        Ok(out)
    }

    /// The type both arguments of `complex(x, y)` take, and the result type.
    fn complex_arg_types(
        &mut self,
        args: &[Expr],
        infos: &[ArgInfo],
        pos: Pos,
        call: &str,
    ) -> R<(TypeId, TypeId)> {
        let ([x, _], [(vx, tx), (vy, ty)]) = (args, infos) else {
            return arg_count(pos, call, 2, args.len());
        };
        let (tx, ty) = (*tx, *ty);
        let (ux, uy) = (self.types.is_untyped(tx), self.types.is_untyped(ty));
        let arg = match (ux, uy) {
            (true, true) => {
                if let (Some(vx), Some(vy)) = (vx, vy) {
                    // Each constant with no imaginary part becomes an untyped float.
                    let as_float = |v: &ConstVal, t: TypeId| {
                        if v.parts().is_some_and(|(_, im)| im.is_zero()) {
                            ids::UNTYPED_FLOAT
                        } else {
                            t
                        }
                    };
                    let (fx, fy) = (as_float(vx, tx), as_float(vy, ty));
                    if fx != fy {
                        return err(
                            x.pos,
                            format!(
                                "invalid operation: {call} (mismatched types {} and {})",
                                self.untyped_name(fx),
                                self.untyped_name(fy)
                            ),
                        );
                    }
                    fx
                } else {
                    ids::FLOAT64
                }
            }
            (true, false) => ty,
            (false, true) => tx,
            (false, false) => {
                if tx != ty {
                    return err(
                        x.pos,
                        format!(
                            "invalid operation: {call} (mismatched types {} and {})",
                            self.types.name(tx),
                            self.types.name(ty)
                        ),
                    );
                }
                tx
            }
        };
        let result = match self.types.ukind(arg) {
            Kind::Float32 => ids::COMPLEX64,
            Kind::Float64 => ids::COMPLEX128,
            Kind::UntypedFloat => ids::UNTYPED_COMPLEX,
            _ => {
                return err(
                    x.pos,
                    format!(
                        "invalid argument: arguments have type {}, expected floating-point",
                        self.untyped_name(arg)
                    ),
                );
            }
        };
        Ok((arg, result))
    }

    /// The float type `real(x)`/`imag(x)` gives for an argument of type `t`.
    fn part_type(&mut self, t: TypeId, arg: &Expr, constant: bool) -> R<TypeId> {
        let t = if self.types.is_untyped(t) && constant && self.types.is_numeric(t) {
            ids::UNTYPED_COMPLEX
        } else {
            t
        };
        Ok(match self.types.ukind(t) {
            Kind::Complex64 => ids::FLOAT32,
            Kind::Complex128 => ids::FLOAT64,
            Kind::UntypedComplex => ids::UNTYPED_FLOAT,
            _ => {
                return err(
                    arg.pos,
                    format!(
                        "invalid argument: argument has type {}, expected complex type",
                        self.untyped_name(t)
                    ),
                );
            }
        })
    }

    /// Go's name of a type in messages: `untyped float` for an untyped constant's type.
    pub(crate) fn untyped_name(&self, t: TypeId) -> String {
        match self.types.kind(t) {
            Kind::UntypedInt => "untyped int".into(),
            Kind::UntypedRune => "untyped rune".into(),
            Kind::UntypedFloat => "untyped float".into(),
            Kind::UntypedComplex => "untyped complex".into(),
            Kind::UntypedBool => "untyped bool".into(),
            Kind::UntypedString => "untyped string".into(),
            Kind::UntypedNil => "untyped nil".into(),
            _ => self.types.name(t),
        }
    }

    /// The result type of a call of `b` (for `type_of`).
    pub(crate) fn complex_builtin_type(
        &mut self,
        b: Builtin,
        func: &Expr,
        args: &[Expr],
        pos: Pos,
    ) -> R<TypeId> {
        let infos = self.arg_infos(args)?;
        self.complex_result(b, func, args, &infos, pos)
    }

    /// The result type of a call of `b` on arguments described by `infos`.
    fn complex_result(
        &mut self,
        b: Builtin,
        func: &Expr,
        args: &[Expr],
        infos: &[ArgInfo],
        pos: Pos,
    ) -> R<TypeId> {
        let call = call_src(func, args);
        if b == Builtin::Complex {
            return Ok(self.complex_arg_types(args, infos, pos, &call)?.1);
        }
        let ([x], [(v, t)]) = (args, infos) else {
            return arg_count(pos, &call, 1, args.len());
        };
        let constant = v.is_some();
        self.part_type(*t, x, constant)
    }

    /// `complex(x, y)`, `real(x)` or `imag(x)` with constant arguments: the constant.
    pub(crate) fn complex_builtin_const(
        &mut self,
        func: &Expr,
        args: &[Expr],
    ) -> R<Option<(ConstVal, TypeId)>> {
        let Some(b) = self.complex_builtin(func) else {
            return Ok(None);
        };
        let mut infos = Vec::with_capacity(args.len());
        for a in args {
            match self.constant(a)? {
                Some((v, t)) => infos.push((Some(v), t)),
                None => return Ok(None),
            }
        }
        let t = self.complex_result(b, func, args, &infos, func.pos)?;
        let values: Vec<ConstVal> = infos.into_iter().filter_map(|(v, _)| v).collect();
        let v = match (b, values.as_slice()) {
            (Builtin::Complex, [re, im]) => {
                let imag = ConstVal::complex(ConstVal::Int(0), im.clone());
                match fold_complex(BinaryOp::Add, re, &imag) {
                    Folded::Value(v) => self.round_complex(v, t),
                    _ => return Ok(None),
                }
            }
            (_, [x]) => {
                let Some((re, im)) = x.parts() else {
                    return Ok(None);
                };
                let part = if b == Builtin::Real { re } else { im };
                if self.types.is_untyped(t) {
                    part
                } else {
                    self.convert_const(part, ids::UNTYPED_FLOAT, t, func.pos)?
                }
            }
            _ => return Ok(None),
        };
        Ok(Some((v, t)))
    }

    /// A complex constant as a constant of type `t` holds it: each part rounded to float32
    /// (complex64) or float64 (complex128); exact while untyped.
    pub(crate) fn round_complex(&self, v: ConstVal, t: TypeId) -> ConstVal {
        let (re, im) = v.complex_f64();
        match self.types.ukind(t) {
            Kind::Complex64 => ConstVal::complex(
                ConstVal::Float(re as f32 as f64),
                ConstVal::Float(im as f32 as f64),
            ),
            Kind::Complex128 => ConstVal::complex(ConstVal::Float(re), ConstVal::Float(im)),
            _ => v,
        }
    }

    /// Go's error when constant `v` (expression `e`) is complex and type `to` cannot hold it:
    /// a nonzero imaginary part, or a real part an integer type would truncate.
    /// `conversion`: `T(e)` rather than an assignment.
    pub(crate) fn check_complex_fits(
        &mut self,
        v: &ConstVal,
        to: TypeId,
        e: &Expr,
        conversion: bool,
    ) -> R<()> {
        let ConstVal::Complex(p) = v else {
            return Ok(());
        };
        if self.types.is_complex(to) || self.types.is_interface(to) {
            return Ok(());
        }
        let numeric = self.types.is_integer(to) || self.types.is_float(to);
        let truncated = !p.1.is_zero() || self.types.is_integer(to) && p.0.as_i128().is_none();
        if numeric && !truncated {
            return Ok(());
        }
        let (src, to_name) = (expr_src(e), self.types.name(to));
        let what = format!("{src} (untyped complex constant {})", v.go_text());
        let msg = if conversion {
            format!("cannot convert {what} to type {to_name}")
        } else if numeric {
            format!("cannot use {what} as {to_name} value in variable declaration (truncated)")
        } else {
            format!("cannot use {what} as {to_name} value in variable declaration")
        };
        err(super::start_pos(e), msg)
    }

    /// A numeric constant converted to complex type `to`.
    pub(crate) fn const_to_complex(&mut self, v: ConstVal, to: TypeId, pos: Pos) -> R<ConstVal> {
        match v.parts() {
            Some((re, im)) => Ok(self.round_complex(ConstVal::complex(re, im), to)),
            None => err(
                pos,
                format!(
                    "cannot use {} (constant) as {} value",
                    v.go_text(),
                    self.types.name(to)
                ),
            ),
        }
    }

    /// Compiles a call of `complex`, `real` or `imag` whose arguments are not all constant.
    pub(super) fn complex_builtin_call(
        &mut self,
        b: Builtin,
        args: &[Expr],
        pos: Pos,
        call: &str,
    ) -> R<Vec<TypeId>> {
        if b == Builtin::Complex {
            let infos = self.arg_infos(args)?;
            let (arg, result) = self.complex_arg_types(args, &infos, pos, call)?;
            let arg = self.types.default_type(arg);
            for a in args {
                self.value_to(a, arg)?;
            }
            self.emit(Op::MakeComplex);
            return Ok(vec![result]);
        }
        let [x] = args else {
            return arg_count(pos, call, 1, args.len());
        };
        let t = self.expr(x, None)?;
        let result = self.part_type(t, x, false)?;
        self.emit(if b == Builtin::Real {
            Op::RealPart
        } else {
            Op::ImagPart
        });
        Ok(vec![result])
    }
}

/// Go's error for a builtin called with `found` arguments where it takes `want`.
fn arg_count<T>(pos: Pos, call: &str, want: usize, found: usize) -> R<T> {
    err(
        pos,
        format!(
            "invalid operation: {} arguments for {call} (expected {want}, found {found})",
            if found < want {
                "not enough"
            } else {
                "too many"
            }
        ),
    )
}

/// A call's source text as Go's messages quote it: `complex(x, y)`.
pub(crate) fn call_src(func: &Expr, args: &[Expr]) -> String {
    let args: Vec<String> = args.iter().map(expr_src).collect();
    format!("{}({})", expr_src(func), args.join(", "))
}
