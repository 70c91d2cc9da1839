//! Go's `runtime`: goroutine counts, `Gosched`, `Goexit`, `GC`, and the `runtime.Error`
//! interface its panics implement.

use super::support::*;

natives! {
    Pkg::Runtime;
    RuntimeNumGoroutine,
    RuntimeGosched,
    RuntimeNumCpu,
    RuntimeErrorError,
    RuntimeGoexit,
    RuntimeOthersRunnable,
}

const PATH: &str = "runtime";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Runtime,
    path: PATH,
    go: GO,
    ..Package::NONE
};

/// `runtime.GC`. Go's parks its caller until the cycle's marking ends (gcWaitOnMark) and
/// yields while it sweeps, so the goroutines that can run, run meanwhile (a sender just woken
/// finishes, workers just started do their work). golite frees values as they become
/// unreferenced and has nothing to collect: GC is that wait, as yields until no other
/// goroutine can run, at most 20 (each lets every runnable goroutine run one slice), so one
/// that never blocks delays it a bounded time, as Go's preemption bounds a real cycle's.
const GO: &str = r#"
// runtimeꞏError is the interface of the runtime's panics (index out of range, nil map
// writes, panic(nil)...): `if _, ok := r.(runtime.Error); ok` tells them from the program's.
type runtimeꞏError interface {
	error
	RuntimeError()
}

func runtimeꞏGC() {
	for i := 0; i < 20 && runtimeꞏ.ꞏothersRunnable(); i++ {
		runtimeꞏ.Gosched()
	}
}
"#;

/// The member `name` of the package.
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    match name {
        "NumGoroutine" => f(c, "func() int", N::RuntimeNumGoroutine),
        "Gosched" => f(c, "func()", N::RuntimeGosched),
        "Goexit" => f(c, "func()", N::RuntimeGoexit),
        "\u{a78f}othersRunnable" => f(c, "func() bool", N::RuntimeOthersRunnable),
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
        N::RuntimeOthersRunnable => push!(t, Value::Bool(cx.others_runnable())),
        _ => {}
    }
    NRes::Ok
}
