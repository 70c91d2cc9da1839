//! Go's `os`: the program's environment and arguments, `Exit`, and `Stdout`/`Stderr`/`Stdin` as
//! `*os.File`.

use super::support::*;

natives! {
    Pkg::Os;
    OsExit,
    OsGetenv,
    OsLookupEnv,
    OsSetenv,
    OsUnsetenv,
    OsArgs,
    OsStdout,
    OsStderr,
    OsStdin,
    OsFileWriteString,
    OsFileWrite,
}

const PATH: &str = "os";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Os,
    path: PATH,
    go: GO,
    ..Package::NONE
};

/// `os.ErrDeadlineExceeded`: Go's `*poll.DeadlineExceededError` ("i/o timeout"), what a
/// network read past its deadline wraps (std/net.rs).
const GO: &str = r#"
type pollꞏDeadlineExceededError struct{}

func (e *pollꞏDeadlineExceededError) Error() string   { return "i/o timeout" }
func (e *pollꞏDeadlineExceededError) Timeout() bool   { return true }
func (e *pollꞏDeadlineExceededError) Temporary() bool { return true }

var osꞏErrDeadlineExceeded error = &pollꞏDeadlineExceededError{}
"#;

/// The member `name` of the package.
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    match name {
        "Exit" => f(c, "func(int)", N::OsExit),
        "Getenv" => f(c, "func(string) string", N::OsGetenv),
        "LookupEnv" => f(c, "func(string) (string, bool)", N::OsLookupEnv),
        "Setenv" => f(c, "func(string, string) error", N::OsSetenv),
        "Unsetenv" => f(c, "func(string) error", N::OsUnsetenv),
        "Args" => Some(Member::Value(N::OsArgs, c.types.slice(ids::STRING))),
        "Stdout" | "Stderr" | "Stdin" => {
            let pt = c.types.pointer(c.more.os_file);
            let n = match name {
                "Stdout" => N::OsStdout,
                "Stderr" => N::OsStderr,
                _ => N::OsStdin,
            };
            Some(Member::Value(n, pt))
        }
        "File" => Some(Member::Type(c.more.os_file)),
        _ => None,
    }
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    match n {
        N::OsExit => {
            // The process ends now: no deferred call runs, no goroutine is waited for.
            cx.exit(arg(0).as_int() as i32);
            t.frames.clear();
            t.stack.clear();
            return NRes::Reload;
        }
        N::OsGetenv => {
            let v = ENV.with(|e| e.borrow().get(s(&arg(0))).cloned());
            push!(t, strv(v.unwrap_or_default()))
        }
        N::OsLookupEnv => {
            let v = ENV.with(|e| e.borrow().get(s(&arg(0))).cloned());
            push!(t, strv(v.clone().unwrap_or_default()));
            push!(t, Value::Bool(v.is_some()));
        }
        N::OsSetenv => {
            ENV.with(|e| {
                e.borrow_mut()
                    .insert(s(&arg(0)).to_string(), s(&arg(1)).to_string())
            });
            push!(t, Value::Nil)
        }
        N::OsUnsetenv => {
            ENV.with(|e| e.borrow_mut().remove(s(&arg(0))));
            push!(t, Value::Nil)
        }
        N::OsArgs => {
            let items = vec![strv("/tmp/main")];
            push!(t, Value::slice(items))
        }
        N::OsStdout | N::OsStderr | N::OsStdin => {
            let fd = match n {
                N::OsStdin => 0,
                N::OsStdout => 1,
                _ => 2,
            };
            push!(t, Value::agg(vec![Value::Int(fd)]))
        }
        N::OsFileWriteString | N::OsFileWrite => {
            let text = if n == N::OsFileWrite {
                String::from_utf8_lossy(&bytes_of(&arg(1))).into_owned()
            } else {
                s(&arg(1)).to_string()
            };
            super::fmt::write_to(cx, &arg(0), &text);
            push!(t, Value::Int(text.len() as i64));
            push!(t, Value::Nil);
        }
        _ => {}
    }
    NRes::Ok
}

thread_local! {
    /// The program's environment (`os.Setenv`...): empty at the start of every run.
    static ENV: std::cell::RefCell<std::collections::BTreeMap<String, String>> =
        const { std::cell::RefCell::new(std::collections::BTreeMap::new()) };
}

/// Forgets the previous run's environment.
pub(super) fn reset() {
    ENV.with(|e| e.borrow_mut().clear());
}

/// Makes `os.File` and registers its methods.
pub(super) fn register(c: &mut Compiler) {
    let file = named_struct(&mut c.types, "os.File", &[("fd", ids::INT)]);
    c.more.os_file = file;
    let sg = "func(string) (int, error)";
    add_method(c, file, PATH, "WriteString", sg, N::OsFileWriteString, true);
    add_method(
        c,
        file,
        PATH,
        "Write",
        "func([]byte) (int, error)",
        N::OsFileWrite,
        true,
    );
}
