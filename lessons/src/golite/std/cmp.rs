//! Go's `cmp`: `Compare`, `Less` and `Or`, compiled for the arguments' type.

use super::support::*;

natives! {
    Pkg::Cmp;
    CmpCompare,
    CmpCompareU,
    CmpLess,
    CmpLessU,
    CmpOr,
}

const PATH: &str = "cmp";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Cmp,
    path: PATH,
    instantiated,
    ..Package::NONE
};

/// The member `name` of the package.
pub(super) fn member(_c: &mut Compiler, name: &str) -> Option<Member> {
    match name {
        "Compare" => Some(Member::Generic(G::CmpCompare)),
        "Less" => Some(Member::Generic(G::CmpLess)),
        "Or" => Some(Member::Generic(G::CmpOr)),
        _ => None,
    }
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, _cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    match n {
        N::CmpCompare | N::CmpCompareU | N::CmpLess | N::CmpLessU => {
            let o = go_cmp(&arg(0), &arg(1), matches!(n, N::CmpCompareU | N::CmpLessU));
            push!(
                t,
                if matches!(n, N::CmpLess | N::CmpLessU) {
                    Value::Bool(o == -1)
                } else {
                    Value::Int(o)
                }
            )
        }
        N::CmpOr => {
            let items = slice_items(&arg(0));
            let zero = arg(1);
            let first = items.iter().find(|v| !is_zero(v)).cloned();
            push!(t, first.unwrap_or(zero))
        }
        _ => {}
    }
    NRes::Ok
}

/// cmp.Compare's order: -1, 0 or +1; a NaN is below every number and equal to a NaN.
pub(super) fn go_cmp(a: &Value, b: &Value, unsigned: bool) -> i64 {
    use std::cmp::Ordering;
    let o = match (a, b) {
        (Value::Str(x), Value::Str(y)) => x.cmp(y),
        (Value::Float(x), Value::Float(y)) => match (x.is_nan(), y.is_nan()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            _ => x.partial_cmp(y).unwrap_or(Ordering::Equal),
        },
        _ if unsigned => (a.as_int() as u64).cmp(&(b.as_int() as u64)),
        _ => a.as_int().cmp(&b.as_int()),
    };
    o as i64
}

fn is_zero(v: &Value) -> bool {
    match v {
        Value::Int(i) => *i == 0,
        Value::Float(f) => *f == 0.0,
        Value::Str(x) => x.is_empty(),
        Value::Bool(b) => !b,
        Value::Nil => true,
        _ => false,
    }
}

generics! {
    Pkg::Cmp;
    CmpCompare,
    CmpLess,
    CmpOr,
}

/// Compiles `cmp.Compare`, `Less`, `Or` for the type their arguments share.
pub(super) fn generic_call(
    c: &mut Compiler,
    g: Generic,
    args: &[Expr],
    mode: Mode,
    e: &Expr,
) -> R<Vec<TypeId>> {
    let name = describe_call(e);
    let t = shared_type(c, args, e)?;
    let unsigned = c.types.int_kind(t).is_some_and(IntKind::unsigned);
    match g {
        G::CmpCompare | G::CmpLess => {
            if args.len() != 2 {
                return err(
                    e.pos,
                    format!("wrong number of arguments in call to {name}"),
                );
            }
            require_ordered(c, c.types.default_type(t), e)?;
            for a in args {
                c.value_to(a, t)?;
            }
            let n = match (g, unsigned) {
                (G::CmpCompare, false) => N::CmpCompare,
                (G::CmpCompare, true) => N::CmpCompareU,
                (_, false) => N::CmpLess,
                (_, true) => N::CmpLessU,
            };
            c.native_call(n, 2, mode);
            Ok(vec![if g == G::CmpCompare {
                ids::INT
            } else {
                ids::BOOL
            }])
        }
        G::CmpOr => {
            for a in args {
                c.value_to(a, t)?;
            }
            c.emit(Op::MakeSlice(args.len() as u32, t));
            c.zero_of(t);
            c.native_call(N::CmpOr, 2, mode);
            Ok(vec![t])
        }
        _ => err(e.pos, format!("golite does not support {name} yet")),
    }
}

/// The type of `cmp.Compare`, `Less`, `Or`.
pub(super) fn generic_result(c: &mut Compiler, g: Generic, args: &[Expr], _pos: Pos) -> R<TypeId> {
    Ok(match g {
        G::CmpCompare => ids::INT,
        G::CmpLess => ids::BOOL,
        G::CmpOr => {
            let mut t = ids::VOID;
            for a in args {
                let at = c.type_of(a)?;
                t = if c.types.is_untyped(at) {
                    c.types.default_type(at)
                } else {
                    at
                };
                if !c.types.is_untyped(at) {
                    break;
                }
            }
            t
        }
        _ => ids::VOID,
    })
}

/// Go source of a generic member instantiated explicitly (`$T` is the type argument, `P.`
/// the package).
fn instantiated(name: &str) -> Option<&'static str> {
    Some(match name {
        "Compare" => "func(x, y $T) int { return P.Compare(x, y) }",
        "Less" => "func(x, y $T) bool { return P.Less(x, y) }",
        "Or" => {
            "func(vals ...$T) $T { var zero $T; for _, v := range vals { if v != zero { return v } }; return zero }"
        }
        _ => return None,
    })
}
