//! Complex constants (`2i * 2i`, `complex(1, 2)`, `real(k)`): Go folds them exactly, like its
//! other untyped constants, so golite folds them part by part. Each part is a
//! [`ConstVal::Int`], `Float` or `Exact`, so the rules of real constants hold for each (exact
//! ratios while they fit in i128, float64 beyond).

use super::ConstVal;
use crate::golite::syntax::ast::BinaryOp;

/// What folding a complex constant operation gave.
pub(crate) enum Folded {
    Value(ConstVal),
    /// `x / 0`: Go's "invalid operation: division by zero".
    DivByZero,
    /// An operator complex numbers lack (`<`, `%`, `&`, ...).
    NotDefined,
}

impl ConstVal {
    /// The complex constant `re + im*i`.
    pub(crate) fn complex(re: ConstVal, im: ConstVal) -> ConstVal {
        ConstVal::Complex(Box::new((re, im)))
    }

    /// Real and imaginary parts of a numeric constant (a real one has imaginary part 0).
    pub(crate) fn parts(&self) -> Option<(ConstVal, ConstVal)> {
        match self {
            ConstVal::Complex(p) => Some((p.0.clone(), p.1.clone())),
            ConstVal::Int(_) | ConstVal::Float(_) | ConstVal::Exact(_) => {
                Some((self.clone(), ConstVal::Int(0)))
            }
            _ => None,
        }
    }

    /// Whether a real constant is zero.
    pub(crate) fn is_zero(&self) -> bool {
        match self {
            ConstVal::Int(i) => *i == 0,
            ConstVal::Float(f) => *f == 0.0,
            ConstVal::Exact(r) => r.as_int() == Some(0),
            _ => false,
        }
    }

    /// Both parts as float64, as a complex128 holds them.
    pub(crate) fn complex_f64(&self) -> (f64, f64) {
        match self.parts() {
            Some((re, im)) => (re.as_f64(), im.as_f64()),
            None => (0.0, 0.0),
        }
    }

    /// The constant as go/constant prints it in Go's messages: `(1 + 2i)`, `-4`, `0.25`.
    pub(crate) fn go_text(&self) -> String {
        match self {
            ConstVal::Complex(p) => format!("({} + {}i)", p.0.go_text(), p.1.go_text()),
            ConstVal::Int(i) => i.to_string(),
            ConstVal::Exact(r) if r.as_int().is_some() => {
                r.as_int().map(|i| i.to_string()).unwrap_or_default()
            }
            ConstVal::Float(f) if f.fract() == 0.0 && f.abs() < 1e21 => format!("{f}"),
            ConstVal::Float(_) | ConstVal::Exact(_) => format!("{}", self.as_f64()),
            ConstVal::Bool(b) => b.to_string(),
            ConstVal::Str(s) => format!("{s:?}"),
        }
    }
}

/// `a op b` on two real parts: exact while both are ratios that fit, float64 beyond. `None`
/// when dividing by zero.
fn part(op: BinaryOp, a: &ConstVal, b: &ConstVal) -> Option<ConstVal> {
    use BinaryOp::*;
    if let (Some(p), Some(q)) = (a.ratio(), b.ratio()) {
        let exact = match op {
            Add => p.checked_add(q),
            Sub => p.checked_sub(q),
            Mul => p.checked_mul(q),
            _ => {
                if b.is_zero() {
                    return None;
                }
                p.checked_div(q)
            }
        };
        if let Some(r) = exact {
            return Some(ConstVal::Exact(r));
        }
    }
    let (x, y) = (a.as_f64(), b.as_f64());
    Some(ConstVal::Float(match op {
        Add => x + y,
        Sub => x - y,
        Mul => x * y,
        _ => {
            if y == 0.0 {
                return None;
            }
            x / y
        }
    }))
}

/// `a op b` where either operand is complex (the other may be any numeric constant).
pub(crate) fn fold_complex(op: BinaryOp, a: &ConstVal, b: &ConstVal) -> Folded {
    use BinaryOp::*;
    let (Some((ar, ai)), Some((br, bi))) = (a.parts(), b.parts()) else {
        return Folded::NotDefined;
    };
    let eq = |x: &ConstVal, y: &ConstVal| {
        part(Sub, x, y).is_some_and(|d| d.is_zero() || d.as_f64() == 0.0)
    };
    let v = match op {
        Eq => return Folded::Value(ConstVal::Bool(eq(&ar, &br) && eq(&ai, &bi))),
        Ne => return Folded::Value(ConstVal::Bool(!(eq(&ar, &br) && eq(&ai, &bi)))),
        Add | Sub => (part(op, &ar, &br), part(op, &ai, &bi)),
        Mul => {
            // (a + bi)(c + di) = (ac - bd) + (ad + bc)i
            let re = part(Mul, &ar, &br)
                .zip(part(Mul, &ai, &bi))
                .and_then(|(x, y)| part(Sub, &x, &y));
            let im = part(Mul, &ar, &bi)
                .zip(part(Mul, &ai, &br))
                .and_then(|(x, y)| part(Add, &x, &y));
            (re, im)
        }
        Quo => {
            // (a + bi)/(c + di) = ((ac + bd) + (bc - ad)i) / (c² + d²)
            let den = part(Mul, &br, &br)
                .zip(part(Mul, &bi, &bi))
                .and_then(|(x, y)| part(Add, &x, &y));
            let Some(den) = den else {
                return Folded::NotDefined;
            };
            if den.is_zero() {
                return Folded::DivByZero;
            }
            let re = part(Mul, &ar, &br)
                .zip(part(Mul, &ai, &bi))
                .and_then(|(x, y)| part(Add, &x, &y))
                .and_then(|n| part(Quo, &n, &den));
            let im = part(Mul, &ai, &br)
                .zip(part(Mul, &ar, &bi))
                .and_then(|(x, y)| part(Sub, &x, &y))
                .and_then(|n| part(Quo, &n, &den));
            (re, im)
        }
        _ => return Folded::NotDefined,
    };
    match v {
        (Some(re), Some(im)) => Folded::Value(ConstVal::complex(re, im)),
        _ => Folded::DivByZero,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(re: i128, im: i128) -> ConstVal {
        ConstVal::complex(ConstVal::Int(re), ConstVal::Int(im))
    }

    fn folded(op: BinaryOp, a: ConstVal, b: ConstVal) -> (f64, f64) {
        match fold_complex(op, &a, &b) {
            Folded::Value(v) => v.complex_f64(),
            _ => (f64::NAN, f64::NAN),
        }
    }

    #[test]
    fn folds_exactly_as_go_does() {
        assert_eq!(folded(BinaryOp::Mul, c(0, 2), c(0, 2)), (-4.0, 0.0));
        assert_eq!(folded(BinaryOp::Quo, c(1, 2), c(1, -1)), (-0.5, 1.5));
        assert_eq!(folded(BinaryOp::Add, c(1, 2), ConstVal::Int(3)), (4.0, 2.0));
        assert!(matches!(
            fold_complex(BinaryOp::Quo, &c(1, 1), &ConstVal::Int(0)),
            Folded::DivByZero
        ));
        assert!(matches!(
            fold_complex(BinaryOp::Lt, &c(1, 1), &ConstVal::Int(0)),
            Folded::NotDefined
        ));
        assert_eq!(c(-4, 0).go_text(), "(-4 + 0i)");
    }
}
