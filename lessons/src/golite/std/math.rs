//! Go's `math`: its functions and constants, with Go's rules for NaN, infinities and signed zeros.

use super::support::*;

natives! {
    Pkg::Math;
    MathSqrt,
    MathAbs,
    MathFloor,
    MathCeil,
    MathPow,
    MathMax,
    MathMin,
    MathSin,
    MathCos,
    MathTan,
    MathAsin,
    MathAcos,
    MathAtan,
    MathSinh,
    MathCosh,
    MathTanh,
    MathExp,
    MathExp2,
    MathLog,
    MathLog2,
    MathLog10,
    MathLog1p,
    MathCbrt,
    MathTrunc,
    MathRound,
    MathRoundToEven,
    MathAtan2,
    MathHypot,
    MathMod,
    MathCopysign,
    MathDim,
    MathInf,
    MathNaN,
    MathIsNaN,
    MathIsInf,
    MathSignbit,
    MathFloat64bits,
    MathFloat64frombits,
    MathAsinh,
    MathAcosh,
    MathAtanh,
    MathSincos,
}

const PATH: &str = "math";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Math,
    path: PATH,
    ..Package::NONE
};

/// The member `name` of the package.
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    let int = |v: i128| Some(Member::Const(ConstVal::Int(v), ids::UNTYPED_INT));
    let float = |v: f64| Some(Member::Const(ConstVal::Float(v), ids::UNTYPED_FLOAT));
    let f1 = "func(float64) float64";
    let f2 = "func(float64, float64) float64";
    match name {
        "Sqrt" => f(c, "func(float64) float64", N::MathSqrt),
        "Abs" => f(c, "func(float64) float64", N::MathAbs),
        "Floor" => f(c, "func(float64) float64", N::MathFloor),
        "Ceil" => f(c, "func(float64) float64", N::MathCeil),
        "Pow" => f(c, "func(float64, float64) float64", N::MathPow),
        "Max" => f(c, "func(float64, float64) float64", N::MathMax),
        "Min" => f(c, "func(float64, float64) float64", N::MathMin),
        "MaxInt64" | "MaxInt" => Some(Member::Const(
            ConstVal::Int(i128::from(i64::MAX)),
            ids::UNTYPED_INT,
        )),
        "MinInt64" | "MinInt" => Some(Member::Const(
            ConstVal::Int(i128::from(i64::MIN)),
            ids::UNTYPED_INT,
        )),
        "MaxInt32" => Some(Member::Const(
            ConstVal::Int(i128::from(i32::MAX)),
            ids::UNTYPED_INT,
        )),
        "Pi" => Some(Member::Const(
            ConstVal::Float(std::f64::consts::PI),
            ids::UNTYPED_FLOAT,
        )),
        "Sin" => f(c, f1, N::MathSin),
        "Cos" => f(c, f1, N::MathCos),
        "Tan" => f(c, f1, N::MathTan),
        "Asin" => f(c, f1, N::MathAsin),
        "Acos" => f(c, f1, N::MathAcos),
        "Atan" => f(c, f1, N::MathAtan),
        "Sinh" => f(c, f1, N::MathSinh),
        "Cosh" => f(c, f1, N::MathCosh),
        "Tanh" => f(c, f1, N::MathTanh),
        "Exp" => f(c, f1, N::MathExp),
        "Exp2" => f(c, f1, N::MathExp2),
        "Log" => f(c, f1, N::MathLog),
        "Log2" => f(c, f1, N::MathLog2),
        "Log10" => f(c, f1, N::MathLog10),
        "Log1p" => f(c, f1, N::MathLog1p),
        "Cbrt" => f(c, f1, N::MathCbrt),
        "Trunc" => f(c, f1, N::MathTrunc),
        "Round" => f(c, f1, N::MathRound),
        "RoundToEven" => f(c, f1, N::MathRoundToEven),
        "Atan2" => f(c, f2, N::MathAtan2),
        "Hypot" => f(c, f2, N::MathHypot),
        "Mod" => f(c, f2, N::MathMod),
        "Copysign" => f(c, f2, N::MathCopysign),
        "Dim" => f(c, f2, N::MathDim),
        "Inf" => f(c, "func(int) float64", N::MathInf),
        "NaN" => f(c, "func() float64", N::MathNaN),
        "IsNaN" => f(c, "func(float64) bool", N::MathIsNaN),
        "IsInf" => f(c, "func(float64, int) bool", N::MathIsInf),
        "Signbit" => f(c, "func(float64) bool", N::MathSignbit),
        "Float64bits" => f(c, "func(float64) uint64", N::MathFloat64bits),
        "Float64frombits" => f(c, "func(uint64) float64", N::MathFloat64frombits),
        "Asinh" => f(c, f1, N::MathAsinh),
        "Acosh" => f(c, f1, N::MathAcosh),
        "Atanh" => f(c, f1, N::MathAtanh),
        "Sincos" => f(c, "func(float64) (float64, float64)", N::MathSincos),
        "Ln10" => float(std::f64::consts::LN_10),
        "Log2E" => float(std::f64::consts::LOG2_E),
        "Log10E" => float(std::f64::consts::LOG10_E),
        "E" => float(std::f64::consts::E),
        "Sqrt2" => float(std::f64::consts::SQRT_2),
        "Ln2" => float(std::f64::consts::LN_2),
        "MaxFloat64" => float(f64::MAX),
        "SmallestNonzeroFloat64" => float(f64::from_bits(1)),
        "MaxFloat32" => float(f64::from(f32::MAX)),
        "MaxInt8" => int(i128::from(i8::MAX)),
        "MinInt8" => int(i128::from(i8::MIN)),
        "MaxInt16" => int(i128::from(i16::MAX)),
        "MinInt16" => int(i128::from(i16::MIN)),
        "MinInt32" => int(i128::from(i32::MIN)),
        "MaxUint8" => int(i128::from(u8::MAX)),
        "MaxUint16" => int(i128::from(u16::MAX)),
        "MaxUint32" => int(i128::from(u32::MAX)),
        "MaxUint64" | "MaxUint" => int(i128::from(u64::MAX)),
        _ => None,
    }
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, _cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    let fl = |i: usize| arg(i).as_float();
    let float = |v: f64| Value::Float(v);
    match n {
        N::MathSqrt => push!(t, Value::Float(arg(0).as_float().sqrt())),
        N::MathAbs => push!(t, Value::Float(arg(0).as_float().abs())),
        N::MathFloor => push!(t, Value::Float(arg(0).as_float().floor())),
        N::MathCeil => push!(t, Value::Float(arg(0).as_float().ceil())),
        N::MathPow => push!(t, Value::Float(arg(0).as_float().powf(arg(1).as_float()))),
        N::MathMax => push!(
            t,
            Value::Float(go_max(arg(0).as_float(), arg(1).as_float()))
        ),
        N::MathMin => push!(
            t,
            Value::Float(-go_max(-arg(0).as_float(), -arg(1).as_float()))
        ),
        N::MathSin => push!(t, float(fl(0).sin())),
        N::MathCos => push!(t, float(fl(0).cos())),
        N::MathTan => push!(t, float(fl(0).tan())),
        N::MathAsin => push!(t, float(fl(0).asin())),
        N::MathAcos => push!(t, float(fl(0).acos())),
        N::MathAtan => push!(t, float(fl(0).atan())),
        N::MathSinh => push!(t, float(fl(0).sinh())),
        N::MathCosh => push!(t, float(fl(0).cosh())),
        N::MathTanh => push!(t, float(fl(0).tanh())),
        N::MathExp => push!(t, float(fl(0).exp())),
        N::MathExp2 => push!(t, float(fl(0).exp2())),
        N::MathLog => push!(t, float(fl(0).ln())),
        N::MathLog2 => push!(t, float(fl(0).log2())),
        N::MathLog10 => push!(t, float(fl(0).log10())),
        N::MathLog1p => push!(t, float(fl(0).ln_1p())),
        N::MathCbrt => push!(t, float(fl(0).cbrt())),
        N::MathTrunc => push!(t, float(fl(0).trunc())),
        N::MathRound => push!(t, float(fl(0).round())),
        N::MathRoundToEven => push!(t, float(fl(0).round_ties_even())),
        N::MathAtan2 => push!(t, float(fl(0).atan2(fl(1)))),
        N::MathHypot => push!(t, float(fl(0).hypot(fl(1)))),
        N::MathMod => push!(t, float(fl(0) % fl(1))),
        N::MathCopysign => push!(t, float(fl(0).copysign(fl(1)))),
        N::MathDim => push!(
            t,
            float({
                let v = fl(0) - fl(1);
                if v <= 0.0 { 0.0 } else { v }
            })
        ),
        N::MathInf => push!(
            t,
            float(if arg(0).as_int() >= 0 {
                f64::INFINITY
            } else {
                f64::NEG_INFINITY
            })
        ),
        N::MathNaN => push!(t, float(f64::NAN)),
        N::MathIsNaN => push!(t, Value::Bool(fl(0).is_nan())),
        N::MathIsInf => {
            let (x, sign) = (fl(0), arg(1).as_int());
            push!(
                t,
                Value::Bool(
                    (sign >= 0 && x == f64::INFINITY) || (sign <= 0 && x == f64::NEG_INFINITY)
                )
            )
        }
        N::MathSignbit => push!(t, Value::Bool(fl(0).is_sign_negative())),
        N::MathFloat64bits => push!(t, Value::Int(fl(0).to_bits() as i64)),
        N::MathFloat64frombits => push!(t, float(f64::from_bits(arg(0).as_int() as u64))),
        N::MathAsinh => push!(t, float(fl(0).asinh())),
        N::MathAcosh => push!(t, float(fl(0).acosh())),
        N::MathAtanh => push!(t, float(fl(0).atanh())),
        N::MathSincos => {
            // Go's Sincos gives what Sin and Cos give.
            push!(t, float(fl(0).sin()));
            push!(t, float(fl(0).cos()));
        }
        _ => {}
    }
    NRes::Ok
}

/// Go's math.Max: +Inf wins, then NaN, and +0 over -0 (math.Min is -Max(-x, -y)).
fn go_max(x: f64, y: f64) -> f64 {
    if x == f64::INFINITY || y == f64::INFINITY {
        f64::INFINITY
    } else if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == 0.0 && y == 0.0 {
        if x.is_sign_negative() { y } else { x }
    } else if x > y {
        x
    } else {
        y
    }
}
