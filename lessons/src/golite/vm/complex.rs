//! Complex multiplication and division with Go's results: the product is the textbook formula
//! (Go's compiler emits exactly that, so `(Inf+0i)*(0+1i)` is `(NaN+Infi)`), the quotient is the
//! runtime's `complex128div` (Smith's algorithm, then C99's corrections to infinities and zeros
//! when both parts came out NaN). Both work on float64; complex64 rounds the result afterwards.

/// `a * b`.
pub(crate) fn mul(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// A signed 1 if `f` is infinite, a signed 0 otherwise (the runtime's `inf2one`).
fn inf2one(f: f64) -> f64 {
    let g: f64 = if f.is_infinite() { 1.0 } else { 0.0 };
    g.copysign(f)
}

/// `n / m` as Go's runtime `complex128div` computes it.
pub(crate) fn div(n: (f64, f64), m: (f64, f64)) -> (f64, f64) {
    let (mut e, mut f);
    if m.0.abs() >= m.1.abs() {
        let ratio = m.1 / m.0;
        let denom = m.0 + ratio * m.1;
        e = (n.0 + n.1 * ratio) / denom;
        f = (n.1 - n.0 * ratio) / denom;
    } else {
        let ratio = m.0 / m.1;
        let denom = m.1 + ratio * m.0;
        e = (n.0 * ratio + n.1) / denom;
        f = (n.1 * ratio - n.0) / denom;
    }
    if e.is_nan() && f.is_nan() {
        let (mut a, mut b) = n;
        let (mut c, mut d) = m;
        let inf = f64::INFINITY;
        if c == 0.0 && d == 0.0 && (!a.is_nan() || !b.is_nan()) {
            e = inf.copysign(c) * a;
            f = inf.copysign(c) * b;
        } else if (a.is_infinite() || b.is_infinite()) && c.is_finite() && d.is_finite() {
            a = inf2one(a);
            b = inf2one(b);
            e = inf * (a * c + b * d);
            f = inf * (b * c - a * d);
        } else if (c.is_infinite() || d.is_infinite()) && a.is_finite() && b.is_finite() {
            c = inf2one(c);
            d = inf2one(d);
            e = 0.0 * (a * c + b * d);
            f = 0.0 * (b * c - a * d);
        }
    }
    (e, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text((re, im): (f64, f64)) -> String {
        format!(
            "({re}{}{im}i)",
            if im >= 0.0 || im.is_nan() { "+" } else { "" }
        )
    }

    /// Go 1.27.3's results (tests/oracle/programs/lang_complex_arith.go).
    #[test]
    fn division_corrects_to_infinities_and_zeros_as_go() {
        let inf = f64::INFINITY;
        assert_eq!(text(div((3.0, 4.0), (1.0, -2.0))), "(-1+2i)");
        assert_eq!(text(div((3.0, 4.0), (0.0, 0.0))), "(inf+infi)");
        assert_eq!(text(div((0.0, 0.0), (0.0, 0.0))), "(NaN+NaNi)");
        assert_eq!(text(div((0.0, 1.0), (0.0, 0.0))), "(NaN+infi)");
        assert_eq!(text(div((3.0, 4.0), (inf, inf))), "(0+0i)");
        assert_eq!(text(div((inf, 0.0), (3.0, 4.0))), "(inf-infi)");
        assert_eq!(text(div((inf, 1.0), (1.0, 1.0))), "(inf-infi)");
        assert_eq!(text(mul((inf, 0.0), (0.0, 1.0))), "(NaN+infi)");
    }
}
