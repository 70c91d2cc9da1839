//! Go's `runtime`: goroutine counts, `Gosched`, `Goexit`, and `runtime.Error`.

use super::support::*;

natives! {
    Pkg::Runtime;
    RuntimeNumGoroutine,
    RuntimeGosched,
    RuntimeNumCpu,
    RuntimeErrorError,
    RuntimeGoexit,
}

const PATH: &str = "runtime";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Runtime,
    path: PATH,
    ..Package::NONE
};

/// The member `name` of the package.
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    match name {
        "NumGoroutine" => f(c, "func() int", N::RuntimeNumGoroutine),
        "Gosched" => f(c, "func()", N::RuntimeGosched),
        "Goexit" => f(c, "func()", N::RuntimeGoexit),
        "GC" => f(c, "func()", Native::NOP),
        "NumCPU" => f(c, "func() int", N::RuntimeNumCpu),
        "GOMAXPROCS" => f(c, "func(int) int", N::RuntimeNumCpu),
        _ => None,
    }
}

/// Registers the methods of the package's types.
pub(super) fn register(c: &mut Compiler) {
    let s = c.std.clone();
    add_methods(
        c,
        PATH,
        &[
            (
                s.runtime_error,
                "Error",
                "func() string",
                N::RuntimeErrorError,
                false,
            ),
            (
                s.runtime_error,
                "RuntimeError",
                "func()",
                Native::NOP,
                false,
            ),
        ],
    );
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    match n {
        N::RuntimeErrorError => push!(t, arg(0)),
        N::RuntimeNumGoroutine => push!(t, Value::Int(cx.num_goroutine() as i64)),
        N::RuntimeGosched => return NRes::Yield,
        N::RuntimeGoexit => {
            t.goexit();
            return NRes::Reload;
        }
        N::RuntimeNumCpu => push!(t, Value::Int(1)),
        _ => {}
    }
    NRes::Ok
}
