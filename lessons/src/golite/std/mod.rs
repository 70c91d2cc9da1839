//! The Go standard library as golite offers it, one file per Go package (`time.rs` is Go's
//! `time`): each holds its members' signatures, its types' methods, its natives and the calls it
//! compiles inline, so adding a library function touches that one file (see
//! lessons/src/golite/README.md, "Adding a library function"). This module is the table of the
//! packages and the two views of it that golite's `compile` and `start` hand in: [`LIBRARY`] for
//! the compiler, [`NATIVES`] for the VM. std/ builds on compile/ and vm/, never the reverse.

use crate::golite::code::{Generic, Native, Std};
use crate::golite::compile::expr::Mode;
use crate::golite::compile::{Compiler, Library, Member, R, err};
use crate::golite::syntax::ast::{Expr, Pos};
use crate::golite::types::TypeId;
use crate::golite::vm::value::Value;
use crate::golite::vm::{GoTask, NRes, Natives, WORK_BYTES_PER_STEP};
use crate::runtime::Cx;
use support::Package;

mod ids;
mod missing;
mod source;
mod support;
mod types;

mod atomic;
mod bits;
mod bufio;
mod builtin;
mod bytes;
mod cmp;
mod cmplx;
mod context;
mod crc32;
mod errors;
mod filepath;
mod fmt;
mod fnv;
mod fs;
mod hash;
mod heap;
mod hex;
mod http;
mod httptest;
mod io;
mod iter;
mod list;
mod log;
mod maps;
mod math;
mod net;
mod os;
mod path;
mod rand;
mod runtime;
mod scan;
mod sha256;
mod slices;
mod sort;
mod strconv;
mod strings;
mod sync;
mod time;
mod unicode;
mod utf8;

/// Every package, at the index of its [`ids::Pkg`] (checked below); `register_methods` follows
/// this order.
const ALL: [Package; 39] = [
    builtin::PACKAGE,
    time::PACKAGE,
    sync::PACKAGE,
    context::PACKAGE,
    errors::PACKAGE,
    fmt::PACKAGE,
    runtime::PACKAGE,
    strings::PACKAGE,
    atomic::PACKAGE,
    strconv::PACKAGE,
    sort::PACKAGE,
    slices::PACKAGE,
    maps::PACKAGE,
    rand::PACKAGE,
    math::PACKAGE,
    os::PACKAGE,
    unicode::PACKAGE,
    utf8::PACKAGE,
    log::PACKAGE,
    cmp::PACKAGE,
    io::PACKAGE,
    bytes::PACKAGE,
    bufio::PACKAGE,
    list::PACKAGE,
    heap::PACKAGE,
    net::PACKAGE,
    http::PACKAGE,
    httptest::PACKAGE,
    iter::PACKAGE,
    bits::PACKAGE,
    cmplx::PACKAGE,
    hash::PACKAGE,
    crc32::PACKAGE,
    fnv::PACKAGE,
    sha256::PACKAGE,
    fs::PACKAGE,
    hex::PACKAGE,
    path::PACKAGE,
    filepath::PACKAGE,
];

const _: () = {
    let mut i = 0;
    while i < ALL.len() {
        assert!(ALL[i].pkg as usize == i, "PACKAGES must follow ids::Pkg");
        i += 1;
    }
};

static PACKAGES: [Package; 39] = ALL;

/// Import paths golite supports.
const KNOWN: &[&str] = &[
    "fmt",
    "time",
    "sync",
    "sync/atomic",
    "context",
    "errors",
    "strings",
    "strconv",
    "sort",
    "slices",
    "runtime",
    "math/rand",
    "math",
    "os",
    "unicode",
    "unicode/utf8",
    "maps",
    "log",
    "cmp",
    "io",
    "bytes",
    "bufio",
    "container/list",
    "container/heap",
    "net",
    "net/http",
    "net/http/httptest",
    "iter",
    "math/bits",
    "math/cmplx",
    "hash",
    "hash/crc32",
    "hash/fnv",
    "crypto/sha256",
    "io/fs",
    "encoding/hex",
    "path",
    "path/filepath",
];

/// The library as the compiler sees it.
pub(crate) static LIBRARY: Library = Library {
    known: KNOWN,
    member,
    std_types: Std::new,
    register_methods,
    well_known: types::well_known,
    generic_result,
    generic_call,
    value_wrapper,
    instantiated,
    missing_member: missing::missing_member,
    missing_method: missing::missing_method,
    go_source,
};

/// The library as the VM sees it.
pub(crate) static NATIVES: Natives = Natives {
    call,
    panic_text: fmt::panic_text,
};

/// Forgets the previous run's environment (`os.Setenv`) and logger settings (`log.SetFlags`).
/// A `time.Time` value at `ns` on the virtual clock (the runtime's timer channels send them).
pub(crate) fn time_value(ns: i64) -> Value {
    time::time_value(ns)
}

pub(crate) fn reset() {
    os::reset();
    log::reset();
}

/// The library's Go source a program importing `paths` needs (with what that source uses), in
/// the order of [`PACKAGES`]; empty when it needs none.
fn go_source(paths: &[&str]) -> String {
    let mut want = [false; PACKAGES.len()];
    let mut todo: Vec<&str> = paths.to_vec();
    while let Some(path) = todo.pop() {
        if let Some(i) = PACKAGES.iter().position(|p| p.path == path)
            && !want[i]
        {
            want[i] = true;
            todo.extend(PACKAGES[i].needs);
        }
    }
    let mut src = String::new();
    for (p, _) in PACKAGES
        .iter()
        .zip(want)
        .filter(|(p, w)| *w && !p.go.is_empty())
    {
        if src.is_empty() {
            src.push_str("package main\n");
        }
        src.push_str(p.go);
    }
    src
}

/// The package imported as `path`.
fn package(path: &str) -> Option<&'static Package> {
    PACKAGES
        .iter()
        .find(|p| !p.path.is_empty() && p.path == path)
}

/// The member `name` of package `path`.
fn member(c: &mut Compiler, path: &str, name: &str) -> Option<Member> {
    match path {
        "time" => time::member(c, name),
        "sync" => sync::member(c, name),
        "context" => context::member(c, name),
        "errors" => errors::member(c, name),
        "fmt" => fmt::member(c, name),
        "runtime" => runtime::member(c, name),
        "strings" => strings::member(c, name),
        "sync/atomic" => atomic::member(c, name),
        "strconv" => strconv::member(c, name),
        "sort" => sort::member(c, name),
        "slices" => slices::member(c, name),
        "maps" => maps::member(c, name),
        "math/rand" => rand::member(c, name),
        "math" => math::member(c, name),
        "os" => os::member(c, name),
        "unicode" => unicode::member(c, name),
        "unicode/utf8" => utf8::member(c, name),
        "log" => log::member(c, name),
        "cmp" => cmp::member(c, name),
        "net" => net::member(c, name),
        "crypto/sha256" => sha256::member(c, name),
        "hash/crc32" => crc32::member(c, name),
        "hash/fnv" => fnv::member(c, name),
        "iter" => iter::member(c, name),
        _ => None,
    }
}

/// Registers the methods of the library's types (for static calls and interface dispatch), in
/// the order of the packages' table.
fn register_methods(c: &mut Compiler) {
    time::register(c);
    sync::register(c);
    context::register(c);
    errors::register(c);
    fmt::register(c);
    runtime::register(c);
    strings::register(c);
    atomic::register(c);
    os::register(c);
}

/// Go source of a library function golite compiles specially at each call, as a function value.
fn value_wrapper(path: &str, name: &str) -> Option<&'static str> {
    package(path).and_then(|p| (p.value_wrapper)(name))
}

/// Go source of a generic library function instantiated explicitly (`errors.AsType[*E]`).
fn instantiated(path: &str, name: &str) -> Option<&'static str> {
    package(path).and_then(|p| (p.instantiated)(name))
}

/// Result type of a call compiled inline (for `type_of`).
fn generic_result(c: &mut Compiler, g: Generic, args: &[Expr], pos: Pos) -> R<TypeId> {
    use ids::Pkg as P;
    const SYNC: u8 = P::Sync as u8;
    const ERRORS: u8 = P::Errors as u8;
    const FMT: u8 = P::Fmt as u8;
    const SLICES: u8 = P::Slices as u8;
    const CMP: u8 = P::Cmp as u8;
    let pkg = match g {
        Generic::Fmt(..) | Generic::Fprint(..) => FMT,
        Generic::Call(pkg, _) => pkg,
        Generic::Source(_) | Generic::TypedSource(_) => {
            return source::generic_result(c, g, args, pos);
        }
    };
    match pkg {
        SYNC => sync::generic_result(c, g, args, pos),
        ERRORS => errors::generic_result(c, g, args, pos),
        FMT => fmt::generic_result(c, g, args, pos),
        SLICES => slices::generic_result(c, g, args, pos),
        CMP => cmp::generic_result(c, g, args, pos),
        // sort's calls push nothing.
        _ => Ok(crate::golite::types::ids::VOID),
    }
}

/// Compiles a call inline; returns the result types pushed.
fn generic_call(
    c: &mut Compiler,
    g: Generic,
    args: &[Expr],
    mode: Mode,
    e: &Expr,
) -> R<Vec<TypeId>> {
    use ids::Pkg as P;
    const SYNC: u8 = P::Sync as u8;
    const ERRORS: u8 = P::Errors as u8;
    const FMT: u8 = P::Fmt as u8;
    const SORT: u8 = P::Sort as u8;
    const SLICES: u8 = P::Slices as u8;
    const CMP: u8 = P::Cmp as u8;
    if mode != Mode::Call && !matches!(g, Generic::Fmt(..) | Generic::Fprint(..)) {
        return err(e.pos, "golite does not support go/defer of this call");
    }
    let pkg = match g {
        Generic::Fmt(..) | Generic::Fprint(..) => FMT,
        Generic::Call(pkg, _) => pkg,
        Generic::Source(_) | Generic::TypedSource(_) => {
            return source::generic_call(c, g, args, mode, e);
        }
    };
    match pkg {
        SYNC => sync::generic_call(c, g, args, mode, e),
        ERRORS => errors::generic_call(c, g, args, mode, e),
        FMT => fmt::generic_call(c, g, args, mode, e),
        SORT => sort::generic_call(c, g, args, mode, e),
        SLICES => slices::generic_call(c, g, args, mode, e),
        CMP => cmp::generic_call(c, g, args, mode, e),
        _ => err(e.pos, "golite does not support this call yet"),
    }
}

/// Runs native `n` with `argc` arguments on the stack: its package's `call` on the popped
/// arguments.
fn call(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, argc: usize) -> NRes {
    // Work inside a library call counts against the step budget in proportion to the bytes and
    // elements it reads and returns (issue 23: the step limit bounds work, not instructions).
    let depth = t.stack.len();
    let base = depth.saturating_sub(argc);
    let work_in: u64 = t.stack[base..].iter().map(native_work).sum();
    let Some(p) = PACKAGES.get(usize::from(n.pkg)) else {
        return NRes::Ok;
    };
    t.sync_rt(cx);
    let a = t.pop_n(argc);
    let r = call_package(t, cx, n, &a);
    drop(a);
    if matches!(r, NRes::Ok) {
        let work_out: u64 = t.stack[base.min(t.stack.len())..]
            .iter()
            .map(native_work)
            .sum();
        let units =
            (work_in + work_out) / WORK_BYTES_PER_STEP + (p.extra_steps)(n, work_in, work_out);
        t.charge(cx, units, "a library call");
        t.meter(cx, crate::golite::vm::cost::NATIVE_STEPS, "a library call");
    }
    r
}

/// Runs native `n` of its package on the arguments `a`. A `match` rather than a hook of the
/// table: each package's `call` has this one caller, so the natives compile into one function
/// as when they were one `match` (the wasm is smaller for it).
fn call_package(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    use ids::Pkg as P;
    const BUILTIN: u8 = P::Builtin as u8;
    const TIME: u8 = P::Time as u8;
    const SYNC: u8 = P::Sync as u8;
    const CONTEXT: u8 = P::Context as u8;
    const ERRORS: u8 = P::Errors as u8;
    const FMT: u8 = P::Fmt as u8;
    const RUNTIME: u8 = P::Runtime as u8;
    const STRINGS: u8 = P::Strings as u8;
    const ATOMIC: u8 = P::Atomic as u8;
    const STRCONV: u8 = P::Strconv as u8;
    const SORT: u8 = P::Sort as u8;
    const SLICES: u8 = P::Slices as u8;
    const RAND: u8 = P::Rand as u8;
    const MATH: u8 = P::Math as u8;
    const OS: u8 = P::Os as u8;
    const UNICODE: u8 = P::Unicode as u8;
    const UTF8: u8 = P::Utf8 as u8;
    const LOG: u8 = P::Log as u8;
    const CMP: u8 = P::Cmp as u8;
    const NET: u8 = P::Net as u8;
    const CRC32: u8 = P::Crc32 as u8;
    const FNV: u8 = P::Fnv as u8;
    const SHA256: u8 = P::Sha256 as u8;
    const ITER: u8 = P::Iter as u8;
    match n.pkg {
        BUILTIN => builtin::call(t, cx, n, a),
        TIME => time::call(t, cx, n, a),
        SYNC => sync::call(t, cx, n, a),
        CONTEXT => context::call(t, cx, n, a),
        ERRORS => errors::call(t, cx, n, a),
        FMT | LOG if !t.fmt_nested.is_empty() => {
            let nested = std::mem::take(&mut t.fmt_nested);
            crate::golite::fmt::value::with_nested(nested, || match n.pkg {
                FMT => fmt::call(t, cx, n, a),
                _ => log::call(t, cx, n, a),
            })
        }
        FMT => fmt::call(t, cx, n, a),
        RUNTIME => runtime::call(t, cx, n, a),
        STRINGS => strings::call(t, cx, n, a),
        ATOMIC => atomic::call(t, cx, n, a),
        STRCONV => strconv::call(t, cx, n, a),
        SORT => sort::call(t, cx, n, a),
        SLICES => slices::call(t, cx, n, a),
        RAND => rand::call(t, cx, n, a),
        MATH => math::call(t, cx, n, a),
        OS => os::call(t, cx, n, a),
        UNICODE => unicode::call(t, cx, n, a),
        UTF8 => utf8::call(t, cx, n, a),
        LOG => log::call(t, cx, n, a),
        CMP => cmp::call(t, cx, n, a),
        NET => net::call(t, cx, n, a),
        CRC32 => crc32::call(t, cx, n, a),
        FNV => fnv::call(t, cx, n, a),
        SHA256 => sha256::call(t, cx, n, a),
        ITER => iter::call(t, cx, n, a),
        _ => NRes::Ok,
    }
}

/// Bytes a library call reads or writes for `v`: a string's bytes, 4 per element of a slice.
fn native_work(v: &Value) -> u64 {
    match v {
        Value::Str(s) => s.len() as u64,
        Value::Slice(_, _, len, _) => u64::from(*len) * 4,
        _ => 0,
    }
}
