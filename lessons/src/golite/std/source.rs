//! Library functions golite writes in Go ([`Generic::Source`], and [`Generic::TypedSource`]
//! for generic ones): their source is compiled at each call, for the call's types, so a
//! callback into the program runs as Go code (`strings.Map`, `maps.DeleteFunc`, `sort.Search`).

use super::support::*;

/// Compiles a call of a function written in Go: the arguments, then the function (compiled
/// from its source) on top, then the call.
pub(super) fn generic_call(
    c: &mut Compiler,
    g: Generic,
    args: &[Expr],
    mode: Mode,
    e: &Expr,
) -> R<Vec<TypeId>> {
    let src = match g {
        Generic::TypedSource(t) => typed_source(c, t, args)?,
        Generic::Source(s) => s.to_string(),
        _ => String::new(),
    };
    call_source(c, &src, args, mode, e)
}

/// Compiles a call of the function literal `src` (Go source, `P.` for its package) on `args`.
pub(super) fn call_source(
    c: &mut Compiler,
    src: &str,
    args: &[Expr],
    mode: Mode,
    e: &Expr,
) -> R<Vec<TypeId>> {
    let name = describe_call(e);
    // Arguments, then the function (compiled from its Go source) on top, then the call.
    let local = name.split('.').next().unwrap_or_default().to_string();
    let src = src.replace("P.", &format!("{local}."));
    let (sig, _) = c.parse_func_lit(&src, e.pos)?;
    let ft = c.func_type(&sig)?;
    let s = c.sig_of(ft);
    let ellipsis = matches!(&e.kind, ExprKind::Call { ellipsis: true, .. });
    let n = c.push_args(&s, args, ellipsis, e, name.clone())?;
    c.compile_wrapper(&src, e.pos)?;
    c.emit(match mode {
        Mode::Call => Op::CallValue(n),
        Mode::Go => Op::GoValue(n),
        Mode::Defer => Op::DeferValue(n),
    });
    Ok(if mode == Mode::Call {
        s.results
    } else {
        vec![]
    })
}

/// The result type of a call of a function written in Go.
pub(super) fn generic_result(c: &mut Compiler, g: Generic, args: &[Expr], pos: Pos) -> R<TypeId> {
    let src = match g {
        Generic::TypedSource(t) => typed_source(c, t, args)?,
        Generic::Source(s) => s.to_string(),
        _ => String::new(),
    };
    let (sig, _) = c.parse_func_lit(&src, pos)?;
    let ft = c.func_type(&sig)?;
    Ok(match c.sig_of(ft).results.as_slice() {
        [] => ids::VOID,
        [one] => *one,
        many => c.types.tuple(many.to_vec()),
    })
}

/// A generic library function's Go source for this call: `$M` is the first argument's type,
/// `$K` and `$V` its key and value types (maps); `$2M`, `$2K`, `$2V` the second argument's.
fn typed_source(c: &mut Compiler, src: &str, args: &[Expr]) -> R<String> {
    let mut out = src.to_string();
    // The second argument first: `$2M` must not be read as `$2` then `M`... of the first.
    for (i, a) in args.iter().enumerate().take(2).rev() {
        let p = if i == 0 { "$" } else { "$2" };
        let t = c.type_of(a)?;
        out = out.replace(&format!("{p}M"), &c.type_src(t));
        if let Kind::Map(k, v) = c.types.ukind(t).clone() {
            out = out
                .replace(&format!("{p}K"), &c.type_src(k))
                .replace(&format!("{p}V"), &c.type_src(v));
        }
    }
    Ok(out)
}
