//! Go's `math/rand`: golite's numbers come from the run's seeded generator, so a run is
//! reproducible.

use super::support::*;

natives! {
    Pkg::Rand;
    RandIntn,
    RandInt,
    RandFloat64,
    RandPerm,
}

const PATH: &str = "math/rand";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Rand,
    path: PATH,
    ..Package::NONE
};

/// The member `name` of the package.
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    match name {
        "Intn" => f(c, "func(int) int", N::RandIntn),
        "Int63n" => f(c, "func(int64) int64", N::RandIntn),
        "Int" => f(c, "func() int", N::RandInt),
        "Float64" => f(c, "func() float64", N::RandFloat64),
        "Seed" => f(c, "func(int64)", Native::NOP),
        "Perm" => f(c, "func(int) []int", N::RandPerm),
        _ => None,
    }
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    match n {
        N::RandIntn => {
            let k = arg(0).as_int();
            if k <= 0 {
                return NRes::Panic("invalid argument to Intn".into());
            }
            push!(t, Value::Int(cx.rand_intn(k)));
        }
        N::RandInt => push!(t, Value::Int((cx.rand_u64() >> 1) as i64)),
        N::RandFloat64 => push!(
            t,
            Value::Float((cx.rand_u64() >> 11) as f64 / (1u64 << 53) as f64)
        ),
        N::RandPerm => {
            let k = arg(0).as_int();
            if k < 0 {
                return NRes::Panic("runtime error: makeslice: len out of range".into());
            }
            if let Err(r) = reserve(t, cx, (k as u64).saturating_mul(8), k as u64) {
                return r;
            }
            let mut v: Vec<i64> = (0..k).collect();
            for i in (1..v.len()).rev() {
                let j = cx.rand_intn(i as i64 + 1) as usize;
                v.swap(i, j);
            }
            push!(t, Value::slice(v.into_iter().map(Value::Int).collect()));
        }
        _ => {}
    }
    NRes::Ok
}
