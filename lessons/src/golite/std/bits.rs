//! Go's `math/bits`: counting, rotating and reversing bits, and arithmetic with carries. Written
//! in Go (std/mod.rs's `go_source`) with Go's results for every input, `uint` being 64 bits
//! wide as on the machines Go's playground and ours model; the loops are short (at most 64
//! turns), so a call costs a few hundred steps at most.

use super::support::*;

/// The package.
pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Bits,
    path: "math/bits",
    go: GO,
    ..Package::NONE
};

const GO: &str = r#"
const bitsꞏUintSize = 64

func bitsꞏLen64(x uint64) int {
	n := 0
	for x != 0 {
		x >>= 1
		n++
	}
	return n
}

func bitsꞏLen(x uint) int       { return bitsꞏLen64(uint64(x)) }
func bitsꞏLen8(x uint8) int     { return bitsꞏLen64(uint64(x)) }
func bitsꞏLen16(x uint16) int   { return bitsꞏLen64(uint64(x)) }
func bitsꞏLen32(x uint32) int   { return bitsꞏLen64(uint64(x)) }

func bitsꞏLeadingZeros(x uint) int     { return 64 - bitsꞏLen64(uint64(x)) }
func bitsꞏLeadingZeros8(x uint8) int   { return 8 - bitsꞏLen64(uint64(x)) }
func bitsꞏLeadingZeros16(x uint16) int { return 16 - bitsꞏLen64(uint64(x)) }
func bitsꞏLeadingZeros32(x uint32) int { return 32 - bitsꞏLen64(uint64(x)) }
func bitsꞏLeadingZeros64(x uint64) int { return 64 - bitsꞏLen64(x) }

// bitsꞏtrailing counts the zero bits below the lowest one bit of x, or width when x is zero.
func bitsꞏtrailing(x uint64, width int) int {
	if x == 0 {
		return width
	}
	n := 0
	for x&1 == 0 {
		x >>= 1
		n++
	}
	return n
}

func bitsꞏTrailingZeros(x uint) int     { return bitsꞏtrailing(uint64(x), 64) }
func bitsꞏTrailingZeros8(x uint8) int   { return bitsꞏtrailing(uint64(x), 8) }
func bitsꞏTrailingZeros16(x uint16) int { return bitsꞏtrailing(uint64(x), 16) }
func bitsꞏTrailingZeros32(x uint32) int { return bitsꞏtrailing(uint64(x), 32) }
func bitsꞏTrailingZeros64(x uint64) int { return bitsꞏtrailing(x, 64) }

func bitsꞏOnesCount64(x uint64) int {
	n := 0
	for x != 0 {
		x &= x - 1
		n++
	}
	return n
}

func bitsꞏOnesCount(x uint) int     { return bitsꞏOnesCount64(uint64(x)) }
func bitsꞏOnesCount8(x uint8) int   { return bitsꞏOnesCount64(uint64(x)) }
func bitsꞏOnesCount16(x uint16) int { return bitsꞏOnesCount64(uint64(x)) }
func bitsꞏOnesCount32(x uint32) int { return bitsꞏOnesCount64(uint64(x)) }

// A negative k rotates right; only k modulo the width counts.
func bitsꞏRotateLeft(x uint, k int) uint {
	s := uint(k) & 63
	return x<<s | x>>(64-s)
}

func bitsꞏRotateLeft8(x uint8, k int) uint8 {
	s := uint(k) & 7
	return x<<s | x>>(8-s)
}

func bitsꞏRotateLeft16(x uint16, k int) uint16 {
	s := uint(k) & 15
	return x<<s | x>>(16-s)
}

func bitsꞏRotateLeft32(x uint32, k int) uint32 {
	s := uint(k) & 31
	return x<<s | x>>(32-s)
}

func bitsꞏRotateLeft64(x uint64, k int) uint64 {
	s := uint(k) & 63
	return x<<s | x>>(64-s)
}

// bitsꞏreverse returns the low width bits of x in reverse order.
func bitsꞏreverse(x uint64, width int) uint64 {
	var r uint64
	for i := 0; i < width; i++ {
		r = r<<1 | x&1
		x >>= 1
	}
	return r
}

func bitsꞏReverse(x uint) uint        { return uint(bitsꞏreverse(uint64(x), 64)) }
func bitsꞏReverse8(x uint8) uint8     { return uint8(bitsꞏreverse(uint64(x), 8)) }
func bitsꞏReverse16(x uint16) uint16  { return uint16(bitsꞏreverse(uint64(x), 16)) }
func bitsꞏReverse32(x uint32) uint32  { return uint32(bitsꞏreverse(uint64(x), 32)) }
func bitsꞏReverse64(x uint64) uint64  { return bitsꞏreverse(x, 64) }

// bitsꞏreverseBytes returns the low n bytes of x in reverse order.
func bitsꞏreverseBytes(x uint64, n int) uint64 {
	var r uint64
	for i := 0; i < n; i++ {
		r = r<<8 | x&0xff
		x >>= 8
	}
	return r
}

func bitsꞏReverseBytes(x uint) uint       { return uint(bitsꞏreverseBytes(uint64(x), 8)) }
func bitsꞏReverseBytes16(x uint16) uint16 { return uint16(bitsꞏreverseBytes(uint64(x), 2)) }
func bitsꞏReverseBytes32(x uint32) uint32 { return uint32(bitsꞏreverseBytes(uint64(x), 4)) }
func bitsꞏReverseBytes64(x uint64) uint64 { return bitsꞏreverseBytes(x, 8) }

// The carry (and borrow) in and out must be 0 or 1; the out one is computed from the top bits.
func bitsꞏAdd64(x, y, carry uint64) (sum, carryOut uint64) {
	sum = x + y + carry
	carryOut = ((x & y) | ((x | y) &^ sum)) >> 63
	return
}

func bitsꞏAdd32(x, y, carry uint32) (sum, carryOut uint32) {
	s := uint64(x) + uint64(y) + uint64(carry)
	return uint32(s), uint32(s >> 32)
}

func bitsꞏAdd(x, y, carry uint) (sum, carryOut uint) {
	s, c := bitsꞏAdd64(uint64(x), uint64(y), uint64(carry))
	return uint(s), uint(c)
}

func bitsꞏSub64(x, y, borrow uint64) (diff, borrowOut uint64) {
	diff = x - y - borrow
	borrowOut = ((^x & y) | (^(x ^ y) & diff)) >> 63
	return
}

func bitsꞏSub32(x, y, borrow uint32) (diff, borrowOut uint32) {
	diff = x - y - borrow
	borrowOut = ((^x & y) | (^(x ^ y) & diff)) >> 31
	return
}

func bitsꞏSub(x, y, borrow uint) (diff, borrowOut uint) {
	d, b := bitsꞏSub64(uint64(x), uint64(y), uint64(borrow))
	return uint(d), uint(b)
}

// The 128-bit product from four 32-bit halves.
func bitsꞏMul64(x, y uint64) (hi, lo uint64) {
	const mask32 = 1<<32 - 1
	x0, x1 := x&mask32, x>>32
	y0, y1 := y&mask32, y>>32
	w0 := x0 * y0
	t := x1*y0 + w0>>32
	w1, w2 := t&mask32, t>>32
	w1 += x0 * y1
	hi = x1*y1 + w2 + w1>>32
	lo = x * y
	return
}

func bitsꞏMul32(x, y uint32) (hi, lo uint32) {
	p := uint64(x) * uint64(y)
	return uint32(p >> 32), uint32(p)
}

func bitsꞏMul(x, y uint) (hi, lo uint) {
	h, l := bitsꞏMul64(uint64(x), uint64(y))
	return uint(h), uint(l)
}

// Go panics with these runtime errors: dividing by zero, and a quotient that does not fit.
func bitsꞏcheckDiv(hi, y uint64) {
	if y == 0 {
		panic(bitsꞏruntimeError("integer divide by zero"))
	}
	if y <= hi {
		panic(bitsꞏruntimeError("integer overflow"))
	}
}

type bitsꞏruntimeError string

func (e bitsꞏruntimeError) Error() string { return "runtime error: " + string(e) }
func (e bitsꞏruntimeError) RuntimeError() {}

// (hi, lo) / y by long division in 32-bit digits, the divisor shifted to have its top bit set
// (the schoolbook method in base 2^32, as in Hacker's Delight, "divlu").
func bitsꞏDiv64(hi, lo, y uint64) (quo, rem uint64) {
	bitsꞏcheckDiv(hi, y)
	if hi == 0 {
		return lo / y, lo % y
	}
	s := uint(bitsꞏLeadingZeros64(y))
	y <<= s
	const two32 = 1 << 32
	const mask32 = two32 - 1
	yn1, yn0 := y>>32, y&mask32
	un32 := hi<<s | lo>>(64-s)
	un10 := lo << s
	un1, un0 := un10>>32, un10&mask32
	q1 := un32 / yn1
	rhat := un32 - q1*yn1
	for q1 >= two32 || q1*yn0 > two32*rhat+un1 {
		q1--
		rhat += yn1
		if rhat >= two32 {
			break
		}
	}
	un21 := un32*two32 + un1 - q1*y
	q0 := un21 / yn1
	rhat = un21 - q0*yn1
	for q0 >= two32 || q0*yn0 > two32*rhat+un0 {
		q0--
		rhat += yn1
		if rhat >= two32 {
			break
		}
	}
	return q1*two32 + q0, (un21*two32 + un0 - q0*y) >> s
}

func bitsꞏDiv32(hi, lo, y uint32) (quo, rem uint32) {
	bitsꞏcheckDiv(uint64(hi), uint64(y))
	z := uint64(hi)<<32 | uint64(lo)
	return uint32(z / uint64(y)), uint32(z % uint64(y))
}

func bitsꞏDiv(hi, lo, y uint) (quo, rem uint) {
	q, r := bitsꞏDiv64(uint64(hi), uint64(lo), uint64(y))
	return uint(q), uint(r)
}

// The remainder never overflows: only a zero divisor panics.
func bitsꞏRem64(hi, lo, y uint64) uint64 {
	if y == 0 {
		bitsꞏcheckDiv(hi, y)
	}
	_, rem := bitsꞏDiv64(hi%y, lo, y)
	return rem
}

func bitsꞏRem32(hi, lo, y uint32) uint32 {
	if y == 0 {
		bitsꞏcheckDiv(uint64(hi), uint64(y))
	}
	return uint32((uint64(hi)<<32 | uint64(lo)) % uint64(y))
}

func bitsꞏRem(hi, lo, y uint) uint {
	return uint(bitsꞏRem64(uint64(hi), uint64(lo), uint64(y)))
}
"#;
