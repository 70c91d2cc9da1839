//! Go's `math/cmplx`, every function, written in Go: Go 1.27's own source (`src/math/cmplx`,
//! BSD-style license, The Go Authors) with its comments left out and its names spelled as
//! std/mod.rs's `go_source` wants them. Its special cases (infinities, NaNs, signed zeros, the
//! series `Tan` falls back to near its poles) are then Go's by construction; the float results
//! are Go's wherever golite's `math` functions agree with Go's to the last bit.

use super::support::*;

/// The package.
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Cmplx,
    path: "math/cmplx",
    go: GO,
    needs: &["math/bits"],
    ..Package::NONE
};

const GO: &str = r#"
func cmplxꞏAbs(x complex128) float64 { return mathꞏ.Hypot(real(x), imag(x)) }

func cmplxꞏConj(x complex128) complex128 { return complex(real(x), -imag(x)) }

func cmplxꞏIsInf(x complex128) bool {
	if mathꞏ.IsInf(real(x), 0) || mathꞏ.IsInf(imag(x), 0) {
		return true
	}
	return false
}

func cmplxꞏInf() complex128 {
	inf := mathꞏ.Inf(1)
	return complex(inf, inf)
}

func cmplxꞏIsNaN(x complex128) bool {
	switch {
	case mathꞏ.IsInf(real(x), 0) || mathꞏ.IsInf(imag(x), 0):
		return false
	case mathꞏ.IsNaN(real(x)) || mathꞏ.IsNaN(imag(x)):
		return true
	}
	return false
}

func cmplxꞏNaN() complex128 {
	nan := mathꞏ.NaN()
	return complex(nan, nan)
}

func cmplxꞏPhase(x complex128) float64 { return mathꞏ.Atan2(imag(x), real(x)) }

func cmplxꞏPolar(x complex128) (r, θ float64) {
	return cmplxꞏAbs(x), cmplxꞏPhase(x)
}

func cmplxꞏRect(r, θ float64) complex128 {
	s, c := mathꞏ.Sincos(θ)
	return complex(r*c, r*s)
}

func cmplxꞏSqrt(x complex128) complex128 {
	if imag(x) == 0 {
		if real(x) == 0 {
			return complex(0, imag(x))
		}
		if real(x) < 0 {
			return complex(0, mathꞏ.Copysign(mathꞏ.Sqrt(-real(x)), imag(x)))
		}
		return complex(mathꞏ.Sqrt(real(x)), imag(x))
	} else if mathꞏ.IsInf(imag(x), 0) {
		return complex(mathꞏ.Inf(1.0), imag(x))
	}
	if real(x) == 0 {
		if imag(x) < 0 {
			r := mathꞏ.Sqrt(-0.5 * imag(x))
			return complex(r, -r)
		}
		r := mathꞏ.Sqrt(0.5 * imag(x))
		return complex(r, r)
	}
	a := real(x)
	b := imag(x)
	var scale float64
	if mathꞏ.Abs(a) > 4 || mathꞏ.Abs(b) > 4 {
		a *= 0.25
		b *= 0.25
		scale = 2
	} else {
		a *= 1.8014398509481984e16
		b *= 1.8014398509481984e16
		scale = 7.450580596923828125e-9
	}
	r := mathꞏ.Hypot(a, b)
	var t float64
	if a > 0 {
		t = mathꞏ.Sqrt(0.5*r + 0.5*a)
		r = scale * mathꞏ.Abs((0.5*b)/t)
		t *= scale
	} else {
		r = mathꞏ.Sqrt(0.5*r - 0.5*a)
		t = scale * mathꞏ.Abs((0.5*b)/r)
		r *= scale
	}
	if b < 0 {
		return complex(t, -r)
	}
	return complex(t, r)
}

func cmplxꞏExp(x complex128) complex128 {
	switch re, im := real(x), imag(x); {
	case mathꞏ.IsInf(re, 0):
		switch {
		case re > 0 && im == 0:
			return x
		case mathꞏ.IsInf(im, 0) || mathꞏ.IsNaN(im):
			if re < 0 {
				return complex(0, mathꞏ.Copysign(0, im))
			} else {
				return complex(mathꞏ.Inf(1.0), mathꞏ.NaN())
			}
		}
	case mathꞏ.IsNaN(re):
		if im == 0 {
			return complex(mathꞏ.NaN(), im)
		}
	}
	r := mathꞏ.Exp(real(x))
	s, c := mathꞏ.Sincos(imag(x))
	return complex(r*c, r*s)
}

func cmplxꞏLog(x complex128) complex128 {
	return complex(mathꞏ.Log(cmplxꞏAbs(x)), cmplxꞏPhase(x))
}

func cmplxꞏLog10(x complex128) complex128 {
	z := cmplxꞏLog(x)
	return complex(mathꞏ.Log10E*real(z), mathꞏ.Log10E*imag(z))
}

func cmplxꞏPow(x, y complex128) complex128 {
	if x == 0 {
		if cmplxꞏIsNaN(y) {
			return cmplxꞏNaN()
		}
		r, i := real(y), imag(y)
		switch {
		case r == 0:
			return 1
		case r < 0:
			if i == 0 {
				return complex(mathꞏ.Inf(1), 0)
			}
			return cmplxꞏInf()
		case r > 0:
			return 0
		}
		panic("not reached")
	}
	modulus := cmplxꞏAbs(x)
	if modulus == 0 {
		return complex(0, 0)
	}
	r := mathꞏ.Pow(modulus, real(y))
	arg := cmplxꞏPhase(x)
	theta := real(y) * arg
	if imag(y) != 0 {
		r *= mathꞏ.Exp(-imag(y) * arg)
		theta += imag(y) * mathꞏ.Log(modulus)
	}
	s, c := mathꞏ.Sincos(theta)
	return complex(r*c, r*s)
}

func cmplxꞏSin(x complex128) complex128 {
	switch re, im := real(x), imag(x); {
	case im == 0 && (mathꞏ.IsInf(re, 0) || mathꞏ.IsNaN(re)):
		return complex(mathꞏ.NaN(), im)
	case mathꞏ.IsInf(im, 0):
		switch {
		case re == 0:
			return x
		case mathꞏ.IsInf(re, 0) || mathꞏ.IsNaN(re):
			return complex(mathꞏ.NaN(), im)
		}
	case re == 0 && mathꞏ.IsNaN(im):
		return x
	}
	s, c := mathꞏ.Sincos(real(x))
	sh, ch := cmplxꞏsinhcosh(imag(x))
	return complex(s*ch, c*sh)
}

func cmplxꞏSinh(x complex128) complex128 {
	switch re, im := real(x), imag(x); {
	case re == 0 && (mathꞏ.IsInf(im, 0) || mathꞏ.IsNaN(im)):
		return complex(re, mathꞏ.NaN())
	case mathꞏ.IsInf(re, 0):
		switch {
		case im == 0:
			return complex(re, im)
		case mathꞏ.IsInf(im, 0) || mathꞏ.IsNaN(im):
			return complex(re, mathꞏ.NaN())
		}
	case im == 0 && mathꞏ.IsNaN(re):
		return complex(mathꞏ.NaN(), im)
	}
	s, c := mathꞏ.Sincos(imag(x))
	sh, ch := cmplxꞏsinhcosh(real(x))
	return complex(c*sh, s*ch)
}

func cmplxꞏCos(x complex128) complex128 {
	switch re, im := real(x), imag(x); {
	case im == 0 && (mathꞏ.IsInf(re, 0) || mathꞏ.IsNaN(re)):
		return complex(mathꞏ.NaN(), -im*mathꞏ.Copysign(0, re))
	case mathꞏ.IsInf(im, 0):
		switch {
		case re == 0:
			return complex(mathꞏ.Inf(1), -re*mathꞏ.Copysign(0, im))
		case mathꞏ.IsInf(re, 0) || mathꞏ.IsNaN(re):
			return complex(mathꞏ.Inf(1), mathꞏ.NaN())
		}
	case re == 0 && mathꞏ.IsNaN(im):
		return complex(mathꞏ.NaN(), 0)
	}
	s, c := mathꞏ.Sincos(real(x))
	sh, ch := cmplxꞏsinhcosh(imag(x))
	return complex(c*ch, -s*sh)
}

func cmplxꞏCosh(x complex128) complex128 {
	switch re, im := real(x), imag(x); {
	case re == 0 && (mathꞏ.IsInf(im, 0) || mathꞏ.IsNaN(im)):
		return complex(mathꞏ.NaN(), re*mathꞏ.Copysign(0, im))
	case mathꞏ.IsInf(re, 0):
		switch {
		case im == 0:
			return complex(mathꞏ.Inf(1), im*mathꞏ.Copysign(0, re))
		case mathꞏ.IsInf(im, 0) || mathꞏ.IsNaN(im):
			return complex(mathꞏ.Inf(1), mathꞏ.NaN())
		}
	case im == 0 && mathꞏ.IsNaN(re):
		return complex(mathꞏ.NaN(), im)
	}
	s, c := mathꞏ.Sincos(imag(x))
	sh, ch := cmplxꞏsinhcosh(real(x))
	return complex(c*ch, s*sh)
}

func cmplxꞏsinhcosh(x float64) (sh, ch float64) {
	if mathꞏ.Abs(x) <= 0.5 {
		return mathꞏ.Sinh(x), mathꞏ.Cosh(x)
	}
	e := mathꞏ.Exp(x)
	ei := 0.5 / e
	e *= 0.5
	return e - ei, e + ei
}

func cmplxꞏTan(x complex128) complex128 {
	switch re, im := real(x), imag(x); {
	case mathꞏ.IsInf(im, 0):
		switch {
		case mathꞏ.IsInf(re, 0) || mathꞏ.IsNaN(re):
			return complex(mathꞏ.Copysign(0, re), mathꞏ.Copysign(1, im))
		}
		return complex(mathꞏ.Copysign(0, mathꞏ.Sin(2*re)), mathꞏ.Copysign(1, im))
	case re == 0 && mathꞏ.IsNaN(im):
		return x
	}
	d := mathꞏ.Cos(2*real(x)) + mathꞏ.Cosh(2*imag(x))
	if mathꞏ.Abs(d) < 0.25 {
		d = cmplxꞏtanSeries(x)
	}
	if d == 0 {
		return cmplxꞏInf()
	}
	return complex(mathꞏ.Sin(2*real(x))/d, mathꞏ.Sinh(2*imag(x))/d)
}

func cmplxꞏTanh(x complex128) complex128 {
	switch re, im := real(x), imag(x); {
	case mathꞏ.IsInf(re, 0):
		switch {
		case mathꞏ.IsInf(im, 0) || mathꞏ.IsNaN(im):
			return complex(mathꞏ.Copysign(1, re), mathꞏ.Copysign(0, im))
		}
		return complex(mathꞏ.Copysign(1, re), mathꞏ.Copysign(0, mathꞏ.Sin(2*im)))
	case im == 0 && mathꞏ.IsNaN(re):
		return x
	}
	d := mathꞏ.Cosh(2*real(x)) + mathꞏ.Cos(2*imag(x))
	if d == 0 {
		return cmplxꞏInf()
	}
	return complex(mathꞏ.Sinh(2*real(x))/d, mathꞏ.Sin(2*imag(x))/d)
}

func cmplxꞏreducePi(x float64) float64 {
	const reduceThreshold float64 = 1 << 30
	if mathꞏ.Abs(x) < reduceThreshold {
		const (
			PI1 = 3.141592502593994
			PI2 = 1.5099578831723193e-07
			PI3 = 1.0780605716316238e-14
		)
		t := x / mathꞏ.Pi
		t += 0.5
		t = float64(int64(t))
		return ((x - t*PI1) - t*PI2) - t*PI3
	}
	const (
		mask     = 0x7FF
		shift    = 64 - 11 - 1
		bias     = 1023
		fracMask = 1<<shift - 1
	)
	ix := mathꞏ.Float64bits(x)
	exp := int(ix>>shift&mask) - bias - shift
	ix &= fracMask
	ix |= 1 << shift

	var mPi = [...]uint64{
		0x0000000000000000,
		0x517cc1b727220a94,
		0xfe13abe8fa9a6ee0,
		0x6db14acc9e21c820,
		0xff28b1d5ef5de2b0,
		0xdb92371d2126e970,
		0x0324977504e8c90e,
		0x7f0ef58e5894d39f,
		0x74411afa975da242,
		0x74ce38135a2fbf20,
		0x9cc8eb1cc1a99cfa,
		0x4e422fc5defc941d,
		0x8ffc4bffef02cc07,
		0xf79788c5ad05368f,
		0xb69b3f6793e584db,
		0xa7a31fb34f2ff516,
		0xba93dd63f5f2f8bd,
		0x9e839cfbc5294975,
		0x35fdafd88fc6ae84,
		0x2b0198237e3db5d5,
	}
	digit, bitshift := uint(exp+64)/64, uint(exp+64)%64
	z0 := (mPi[digit] << bitshift) | (mPi[digit+1] >> (64 - bitshift))
	z1 := (mPi[digit+1] << bitshift) | (mPi[digit+2] >> (64 - bitshift))
	z2 := (mPi[digit+2] << bitshift) | (mPi[digit+3] >> (64 - bitshift))
	z2hi, _ := bitsꞏMul64(z2, ix)
	z1hi, z1lo := bitsꞏMul64(z1, ix)
	z0lo := z0 * ix
	lo, c := bitsꞏAdd64(z1lo, z2hi, 0)
	hi, _ := bitsꞏAdd64(z0lo, z1hi, c)
	lz := uint(bitsꞏLeadingZeros64(hi))
	e := uint64(bias - (lz + 1))
	hi = (hi << (lz + 1)) | (lo >> (64 - (lz + 1)))
	hi >>= 64 - shift
	hi |= e << shift
	x = mathꞏ.Float64frombits(hi)
	if x > 0.5 {
		x--
	}
	return mathꞏ.Pi * x
}

func cmplxꞏtanSeries(z complex128) float64 {
	const MACHEP = 1.0 / (1 << 53)
	x := mathꞏ.Abs(2 * real(z))
	y := mathꞏ.Abs(2 * imag(z))
	x = cmplxꞏreducePi(x)
	x = x * x
	y = y * y
	x2 := 1.0
	y2 := 1.0
	f := 1.0
	rn := 0.0
	d := 0.0
	for {
		rn++
		f *= rn
		rn++
		f *= rn
		x2 *= x
		y2 *= y
		t := y2 + x2
		t /= f
		d += t

		rn++
		f *= rn
		rn++
		f *= rn
		x2 *= x
		y2 *= y
		t = y2 - x2
		t /= f
		d += t
		if !(mathꞏ.Abs(t/d) > MACHEP) {
			break
		}
	}
	return d
}

func cmplxꞏCot(x complex128) complex128 {
	d := mathꞏ.Cosh(2*imag(x)) - mathꞏ.Cos(2*real(x))
	if mathꞏ.Abs(d) < 0.25 {
		d = cmplxꞏtanSeries(x)
	}
	if d == 0 {
		return cmplxꞏInf()
	}
	return complex(mathꞏ.Sin(2*real(x))/d, -mathꞏ.Sinh(2*imag(x))/d)
}

func cmplxꞏAsin(x complex128) complex128 {
	switch re, im := real(x), imag(x); {
	case im == 0 && mathꞏ.Abs(re) <= 1:
		return complex(mathꞏ.Asin(re), im)
	case re == 0 && mathꞏ.Abs(im) <= 1:
		return complex(re, mathꞏ.Asinh(im))
	case mathꞏ.IsNaN(im):
		switch {
		case re == 0:
			return complex(re, mathꞏ.NaN())
		case mathꞏ.IsInf(re, 0):
			return complex(mathꞏ.NaN(), re)
		default:
			return cmplxꞏNaN()
		}
	case mathꞏ.IsInf(im, 0):
		switch {
		case mathꞏ.IsNaN(re):
			return x
		case mathꞏ.IsInf(re, 0):
			return complex(mathꞏ.Copysign(mathꞏ.Pi/4, re), im)
		default:
			return complex(mathꞏ.Copysign(0, re), im)
		}
	case mathꞏ.IsInf(re, 0):
		return complex(mathꞏ.Copysign(mathꞏ.Pi/2, re), mathꞏ.Copysign(re, im))
	}
	ct := complex(-imag(x), real(x))
	xx := x * x
	x1 := complex(1-real(xx), -imag(xx))
	x2 := cmplxꞏSqrt(x1)
	w := cmplxꞏLog(ct + x2)
	return complex(imag(w), -real(w))
}

func cmplxꞏAsinh(x complex128) complex128 {
	switch re, im := real(x), imag(x); {
	case im == 0 && mathꞏ.Abs(re) <= 1:
		return complex(mathꞏ.Asinh(re), im)
	case re == 0 && mathꞏ.Abs(im) <= 1:
		return complex(re, mathꞏ.Asin(im))
	case mathꞏ.IsInf(re, 0):
		switch {
		case mathꞏ.IsInf(im, 0):
			return complex(re, mathꞏ.Copysign(mathꞏ.Pi/4, im))
		case mathꞏ.IsNaN(im):
			return x
		default:
			return complex(re, mathꞏ.Copysign(0.0, im))
		}
	case mathꞏ.IsNaN(re):
		switch {
		case im == 0:
			return x
		case mathꞏ.IsInf(im, 0):
			return complex(im, re)
		default:
			return cmplxꞏNaN()
		}
	case mathꞏ.IsInf(im, 0):
		return complex(mathꞏ.Copysign(im, re), mathꞏ.Copysign(mathꞏ.Pi/2, im))
	}
	xx := x * x
	x1 := complex(1+real(xx), imag(xx))
	return cmplxꞏLog(x + cmplxꞏSqrt(x1))
}

func cmplxꞏAcos(x complex128) complex128 {
	w := cmplxꞏAsin(x)
	return complex(mathꞏ.Pi/2-real(w), -imag(w))
}

func cmplxꞏAcosh(x complex128) complex128 {
	if x == 0 {
		return complex(0, mathꞏ.Copysign(mathꞏ.Pi/2, imag(x)))
	}
	w := cmplxꞏAcos(x)
	if imag(w) <= 0 {
		return complex(-imag(w), real(w))
	}
	return complex(imag(w), -real(w))
}

func cmplxꞏAtan(x complex128) complex128 {
	switch re, im := real(x), imag(x); {
	case im == 0:
		return complex(mathꞏ.Atan(re), im)
	case re == 0 && mathꞏ.Abs(im) <= 1:
		return complex(re, mathꞏ.Atanh(im))
	case mathꞏ.IsInf(im, 0) || mathꞏ.IsInf(re, 0):
		if mathꞏ.IsNaN(re) {
			return complex(mathꞏ.NaN(), mathꞏ.Copysign(0, im))
		}
		return complex(mathꞏ.Copysign(mathꞏ.Pi/2, re), mathꞏ.Copysign(0, im))
	case mathꞏ.IsNaN(re) || mathꞏ.IsNaN(im):
		return cmplxꞏNaN()
	}
	x2 := real(x) * real(x)
	a := 1 - x2 - imag(x)*imag(x)
	if a == 0 {
		return cmplxꞏNaN()
	}
	t := 0.5 * mathꞏ.Atan2(2*real(x), a)
	w := cmplxꞏreducePi(t)

	t = imag(x) - 1
	b := x2 + t*t
	if b == 0 {
		return cmplxꞏNaN()
	}
	t = imag(x) + 1
	c := (x2 + t*t) / b
	return complex(w, 0.25*mathꞏ.Log(c))
}

func cmplxꞏAtanh(x complex128) complex128 {
	z := complex(-imag(x), real(x))
	z = cmplxꞏAtan(z)
	return complex(imag(z), -real(z))
}
"#;
