//! Exact rationals for untyped float constants. Go evaluates constant expressions exactly
//! (`0.1 + 0.2` is the constant 3/10, printed `0.3`), and rounds to float64 only when the value
//! is used; float64 arithmetic would give 0.30000000000000004. Numerator and denominator are
//! i128: an expression that outgrows them falls back to float64 (the caller's job).

/// `num / den`, reduced, `den > 0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Ratio {
    num: i128,
    den: i128,
}

fn gcd(a: i128, b: i128) -> u128 {
    // Unsigned: `i128::MIN.abs()` overflows.
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.max(1)
}

impl Ratio {
    /// `num / den` reduced; `None` for a zero denominator.
    pub(crate) fn new(num: i128, den: i128) -> Option<Ratio> {
        if den == 0 {
            return None;
        }
        let g = i128::try_from(gcd(num, den)).ok()?;
        let s: i128 = if den < 0 { -1 } else { 1 };
        // Checked: `i128::MIN` negated or divided by -1 does not fit.
        Some(Ratio {
            num: num.checked_mul(s)?.checked_div(g)?,
            den: den.checked_mul(s)?.checked_div(g)?,
        })
    }

    /// An integer.
    pub(crate) fn int(i: i128) -> Ratio {
        Ratio { num: i, den: 1 }
    }

    /// The decimal a float64 prints as (its shortest round-trip form): what a literal such as
    /// `0.1` or `2.5e-3` means. `None` for infinities, NaN and numbers too long for i128.
    pub(crate) fn from_f64(f: f64) -> Option<Ratio> {
        if !f.is_finite() {
            return None;
        }
        let s = format!("{f:e}");
        let (mantissa, exp) = s.split_once('e')?;
        let exp: i32 = exp.parse().ok()?;
        let neg = mantissa.starts_with('-');
        let digits = mantissa.trim_start_matches('-');
        let (int_part, frac) = digits.split_once('.').unwrap_or((digits, ""));
        let mut num: i128 = format!("{int_part}{frac}").parse().ok()?;
        if neg {
            num = -num;
        }
        let exp = exp - frac.len() as i32;
        let pow = 10i128.checked_pow(exp.unsigned_abs())?;
        if exp >= 0 {
            Ratio::new(num.checked_mul(pow)?, 1)
        } else {
            Ratio::new(num, pow)
        }
    }

    pub(crate) fn checked_add(self, o: Ratio) -> Option<Ratio> {
        let num = self
            .num
            .checked_mul(o.den)?
            .checked_add(o.num.checked_mul(self.den)?)?;
        Ratio::new(num, self.den.checked_mul(o.den)?)
    }

    pub(crate) fn checked_sub(self, o: Ratio) -> Option<Ratio> {
        self.checked_add(Ratio {
            num: o.num.checked_neg()?,
            den: o.den,
        })
    }

    pub(crate) fn checked_mul(self, o: Ratio) -> Option<Ratio> {
        Ratio::new(self.num.checked_mul(o.num)?, self.den.checked_mul(o.den)?)
    }

    /// `None` when dividing by zero or on overflow.
    pub(crate) fn checked_div(self, o: Ratio) -> Option<Ratio> {
        Ratio::new(self.num.checked_mul(o.den)?, self.den.checked_mul(o.num)?)
    }

    pub(crate) fn negated(self) -> Ratio {
        Ratio {
            num: self.num.wrapping_neg(),
            den: self.den,
        }
    }

    /// The integer value, if it is one.
    pub(crate) fn as_int(self) -> Option<i128> {
        (self.den == 1).then_some(self.num)
    }

    /// The nearest float64: exact rounding while numerator and denominator fit in 53 bits
    /// (IEEE division of two exact doubles rounds correctly), a close approximation beyond.
    pub(crate) fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(f: f64) -> Ratio {
        Ratio::from_f64(f).unwrap_or_else(|| panic!("{f} has no ratio"))
    }

    #[test]
    fn literals_mean_their_decimal_value() {
        assert_eq!(r(0.1), Ratio::new(1, 10).unwrap_or_else(|| panic!()));
        assert_eq!(r(2.5e-3), Ratio::new(1, 400).unwrap_or_else(|| panic!()));
        assert_eq!(r(1e6), Ratio::int(1_000_000));
        assert_eq!(r(-3.75), Ratio::new(-15, 4).unwrap_or_else(|| panic!()));
        assert_eq!(r(0.0), Ratio::int(0));
        assert_eq!(Ratio::from_f64(f64::NAN), None);
        assert_eq!(Ratio::from_f64(1e300), None);
    }

    #[test]
    fn arithmetic_is_exact_then_rounds_once() {
        let sum = r(0.1).checked_add(r(0.2)).unwrap_or_else(|| panic!());
        assert_eq!(sum, Ratio::new(3, 10).unwrap_or_else(|| panic!()));
        assert_eq!(sum.to_f64(), 0.3);
        assert_ne!(0.1f64 + 0.2, 0.3);
        let third = Ratio::int(1)
            .checked_div(Ratio::int(3))
            .unwrap_or_else(|| panic!());
        assert_eq!(
            third.checked_mul(Ratio::int(3)).and_then(Ratio::as_int),
            Some(1)
        );
        assert_eq!(r(1.5).checked_sub(r(0.5)).and_then(Ratio::as_int), Some(1));
        assert_eq!(Ratio::int(1).checked_div(Ratio::int(0)), None);
        assert_eq!(
            r(0.5).negated(),
            Ratio::new(-1, 2).unwrap_or_else(|| panic!())
        );
    }
}
