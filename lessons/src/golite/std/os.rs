//! Go's `os`: the program's environment and arguments, `Exit`, and `Stdout`/`Stderr`/`Stdin` as
//! `*os.File`. golite has no file system: `ReadFile`, `Open`, `Stat`, `Lstat`, `ReadDir` and
//! `Remove` fail for every path with the `*fs.PathError` Go gives where the file does not exist
//! (`open x.txt: no such file or directory`, wrapping `syscall.ENOENT`), so learners' error
//! handling (`errors.Is(err, fs.ErrNotExist)`, `os.IsNotExist`) runs as in Go. The error
//! variables and `PathError`, `FileMode`, `FileInfo` are io/fs's (std/fs.rs), as in Go.

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
    needs: &["io/fs"],
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

var osꞏErrInvalid = fsꞏErrInvalid
var osꞏErrPermission = fsꞏErrPermission
var osꞏErrExist = fsꞏErrExist
var osꞏErrNotExist = fsꞏErrNotExist
var osꞏErrClosed = fsꞏErrClosed

type osꞏPathError = fsꞏPathError
type osꞏFileMode = fsꞏFileMode
type osꞏFileInfo = fsꞏFileInfo
type osꞏDirEntry = fsꞏDirEntry

// io/fs's modes again: golite reads the library's constants in order, and io/fs comes after os.
const (
	osꞏModeDir fsꞏFileMode = 1 << 31
	osꞏModeAppend fsꞏFileMode = 1 << 30
	osꞏModeExclusive fsꞏFileMode = 1 << 29
	osꞏModeTemporary fsꞏFileMode = 1 << 28
	osꞏModeSymlink fsꞏFileMode = 1 << 27
	osꞏModeDevice fsꞏFileMode = 1 << 26
	osꞏModeNamedPipe fsꞏFileMode = 1 << 25
	osꞏModeSocket fsꞏFileMode = 1 << 24
	osꞏModeSetuid fsꞏFileMode = 1 << 23
	osꞏModeSetgid fsꞏFileMode = 1 << 22
	osꞏModeCharDevice fsꞏFileMode = 1 << 21
	osꞏModeSticky fsꞏFileMode = 1 << 20
	osꞏModeIrregular fsꞏFileMode = 1 << 19
	osꞏModeType = osꞏModeDir | osꞏModeSymlink | osꞏModeNamedPipe | osꞏModeSocket | osꞏModeDevice | osꞏModeCharDevice | osꞏModeIrregular
	osꞏModePerm fsꞏFileMode = 0777
)

// syscallꞏErrno is Go's syscall.Errno on Linux, for the errors the missing files give.
type syscallꞏErrno uintptr

const (
	syscallꞏEPERM  syscallꞏErrno = 1
	syscallꞏENOENT syscallꞏErrno = 2
	syscallꞏEACCES syscallꞏErrno = 13
	syscallꞏEEXIST syscallꞏErrno = 17
)

func (e syscallꞏErrno) Error() string {
	switch e {
	case syscallꞏEPERM:
		return "operation not permitted"
	case syscallꞏENOENT:
		return "no such file or directory"
	case syscallꞏEACCES:
		return "permission denied"
	case syscallꞏEEXIST:
		return "file exists"
	}
	return "errno " + strconvꞏ.Itoa(int(e))
}

func (e syscallꞏErrno) Is(target error) bool {
	switch target {
	case fsꞏErrPermission:
		return e == syscallꞏEACCES || e == syscallꞏEPERM
	case fsꞏErrExist:
		return e == syscallꞏEEXIST
	case fsꞏErrNotExist:
		return e == syscallꞏENOENT
	}
	return false
}

func (e syscallꞏErrno) Temporary() bool { return false }

func (e syscallꞏErrno) Timeout() bool { return false }

// osꞏmissing is the error of operation op on a path that golite's (absent) file system lacks.
func osꞏmissing(op, name string) error {
	return &fsꞏPathError{Op: op, Path: name, Err: syscallꞏENOENT}
}

func osꞏReadFile(name string) ([]byte, error) { return nil, osꞏmissing("open", name) }

func osꞏOpen(name string) (*osꞏ.File, error) { return nil, osꞏmissing("open", name) }

func osꞏStat(name string) (fsꞏFileInfo, error) { return nil, osꞏmissing("stat", name) }

func osꞏLstat(name string) (fsꞏFileInfo, error) { return nil, osꞏmissing("lstat", name) }

func osꞏReadDir(name string) ([]fsꞏDirEntry, error) { return nil, osꞏmissing("open", name) }

func osꞏRemove(name string) error { return osꞏmissing("remove", name) }

func osꞏunderlyingErrorIs(err, target error) bool {
	if pe, ok := err.(*fsꞏPathError); ok {
		err = pe.Err
	}
	if err == target {
		return true
	}
	e, ok := err.(syscallꞏErrno)
	return ok && e.Is(target)
}

func osꞏIsNotExist(err error) bool { return osꞏunderlyingErrorIs(err, fsꞏErrNotExist) }

func osꞏIsExist(err error) bool { return osꞏunderlyingErrorIs(err, fsꞏErrExist) }

func osꞏIsPermission(err error) bool { return osꞏunderlyingErrorIs(err, fsꞏErrPermission) }

// osꞏIsTimeout looks through a *PathError only, as Go's does: not through %w wrapping.
func osꞏIsTimeout(err error) bool {
	if pe, ok := err.(*fsꞏPathError); ok {
		err = pe.Err
	}
	terr, ok := err.(interface{ Timeout() bool })
	return ok && terr.Timeout()
}
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
