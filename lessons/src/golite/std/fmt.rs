//! Go's `fmt`: printing and formatting (the formatting engine itself is golite/fmt/), `Errorf`'s
//! wrapped errors, and the argument preparation its variadic calls compile to.

use super::support::*;

natives! {
    Pkg::Fmt;
    FmtPrintln,
    FmtPrint,
    FmtPrintf,
    FmtSprintf,
    FmtSprint,
    FmtSprintln,
    FmtErrorf,
    FmtFprint,
    FmtFprintln,
    FmtFprintf,
    WrapErrorError,
    WrapErrorUnwrap,
    WrapErrorsUnwrap,
    FmtScan,
    FmtNested,
    FmtNestedSet,
}

generics! {
    Pkg::Fmt;
    Sscan,
    Sscanln,
    Sscanf,
    Fscan,
    Fscanln,
    Fscanf,
    Scan,
    Scanln,
    Scanf,
}

const PATH: &str = "fmt";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Fmt,
    path: PATH,
    value_wrapper,
    extra_steps,
    ..Package::NONE
};

/// The member `name` of the package.
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let std = c.std.clone();
    match name {
        "Println" => Some(Member::Generic(Generic::Fmt(N::FmtPrintln, false))),
        "Print" => Some(Member::Generic(Generic::Fmt(N::FmtPrint, false))),
        "Printf" => Some(Member::Generic(Generic::Fmt(N::FmtPrintf, true))),
        "Sprintf" => Some(Member::Generic(Generic::Fmt(N::FmtSprintf, true))),
        "Sprint" => Some(Member::Generic(Generic::Fmt(N::FmtSprint, false))),
        "Sprintln" => Some(Member::Generic(Generic::Fmt(N::FmtSprintln, false))),
        "Errorf" => Some(Member::Generic(Generic::Fmt(N::FmtErrorf, true))),
        "Stringer" => Some(Member::Type(std.stringer)),
        "Fprint" => Some(Member::Generic(Generic::Fprint(N::FmtFprint, false))),
        "Fprintln" => Some(Member::Generic(Generic::Fprint(N::FmtFprintln, false))),
        "Fprintf" => Some(Member::Generic(Generic::Fprint(N::FmtFprintf, true))),
        "Sscan" => Some(Member::Generic(G::Sscan)),
        "Sscanln" => Some(Member::Generic(G::Sscanln)),
        "Sscanf" => Some(Member::Generic(G::Sscanf)),
        "Fscan" => Some(Member::Generic(G::Fscan)),
        "Fscanln" => Some(Member::Generic(G::Fscanln)),
        "Fscanf" => Some(Member::Generic(G::Fscanf)),
        "Scan" => Some(Member::Generic(G::Scan)),
        "Scanln" => Some(Member::Generic(G::Scanln)),
        "Scanf" => Some(Member::Generic(G::Scanf)),
        // The scanner the calls above compile to (no program can spell the name).
        "ꞏscan" => Some(Member::Func(
            N::FmtScan,
            sig(
                c,
                PATH,
                "func(string, string, int, []any) (int, int, int, error)",
            ),
        )),
        "Append" | "Appendln" | "Appendf" => {
            value_wrapper(name).map(|src| Member::Generic(Generic::Source(src)))
        }
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
                s.wrap_error,
                "Error",
                "func() string",
                N::WrapErrorError,
                true,
            ),
            (
                s.wrap_error,
                "Unwrap",
                "func() error",
                N::WrapErrorUnwrap,
                true,
            ),
            (
                s.wrap_errors,
                "Error",
                "func() string",
                N::WrapErrorError,
                true,
            ),
            (
                s.wrap_errors,
                "Unwrap",
                "func() []error",
                N::WrapErrorsUnwrap,
                true,
            ),
        ],
    );
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    match n {
        N::FmtPrintln | N::FmtPrint | N::FmtSprint | N::FmtSprintln => {
            let items = slice_items(&arg(0));
            let text = if matches!(n, N::FmtPrintln | N::FmtSprintln) {
                fmt_value::sprintln(t, &items)
            } else {
                fmt_value::sprint(t, &items)
            };
            let text = if charge_formatting(t, cx, text.len(), &items) {
                text
            } else {
                String::new()
            };
            match n {
                N::FmtPrintln | N::FmtPrint => {
                    cx.print(&text);
                    push!(t, Value::Int(text.len() as i64));
                    push!(t, Value::Nil);
                }
                _ => push!(t, strv(text)),
            }
        }
        N::FmtPrintf | N::FmtSprintf | N::FmtErrorf => {
            let f = arg(0);
            let items = slice_items(&arg(1));
            let (text, wrapped_at) = if n == N::FmtErrorf {
                fmt_value::errorf(t, s(&f), &items)
            } else {
                (fmt_value::sprintf(t, s(&f), &items), Vec::new())
            };
            let text = if charge_formatting(t, cx, text.len(), &items) {
                text
            } else {
                String::new()
            };
            match n {
                N::FmtPrintf => {
                    cx.print(&text);
                    push!(t, Value::Int(text.len() as i64));
                    push!(t, Value::Nil);
                }
                N::FmtSprintf => push!(t, strv(text)),
                _ => {
                    // %w operands become the wrapped errors.
                    let mut wrapped: Vec<Value> = wrapped_at
                        .iter()
                        .filter_map(|&i| items.get(i))
                        .map(|x| fmt_value::unstringify(t, x))
                        .collect();
                    let v = match wrapped.len() {
                        0 => new_error(t, &text),
                        1 => {
                            let inner = wrapped.pop().unwrap_or_default();
                            Value::Iface(Rc::new((
                                t.sh.prog.wk.wrap_error_ptr,
                                Value::agg(vec![strv(&text), inner, Value::Nil]),
                            )))
                        }
                        _ => {
                            let errs = Value::slice(wrapped);
                            Value::Iface(Rc::new((
                                t.sh.prog.wk.wrap_errors_ptr,
                                Value::agg(vec![strv(&text), Value::Nil, errs]),
                            )))
                        }
                    };
                    push!(t, v);
                }
            }
        }
        N::WrapErrorError => push!(t, get_field(&arg(0), 0)),
        N::WrapErrorUnwrap => push!(t, get_field(&arg(0), 1)),
        N::WrapErrorsUnwrap => push!(t, get_field(&arg(0), 2)),
        N::FmtScan => return scan_native(t, cx, a),
        N::FmtNested => {
            let found = fmt_value::nested_receivers(t, &slice_items(&arg(0)));
            push!(t, Value::slice(found));
        }
        N::FmtNestedSet => t.fmt_nested = slice_items(&arg(0)),
        N::FmtFprint | N::FmtFprintln | N::FmtFprintf => {
            let w = arg(0);
            let items = slice_items(&arg(if n == N::FmtFprintf { 2 } else { 1 }));
            let text = if n == N::FmtFprintf {
                fmt_value::sprintf(t, s(&arg(1)), &items)
            } else if n == N::FmtFprintln {
                fmt_value::sprintln(t, &items)
            } else {
                fmt_value::sprint(t, &items)
            };
            if charge_formatting(t, cx, text.len(), &items) {
                write_to(cx, &w, &text);
            }
            push!(t, Value::Int(text.len() as i64));
            push!(t, Value::Nil);
        }
        _ => {}
    }
    NRes::Ok
}

/// The text Go prints after `panic: ` for a panic value.
pub(super) fn panic_text(t: &GoTask, v: &Value) -> String {
    let prog = &t.sh.prog;
    match v {
        Value::Iface(b) => {
            let ty = b.0;
            if ty == prog.wk.stringified {
                let s = get_field(&b.1, 0);
                let orig = get_field(&b.1, 1);
                // Go prints error/Stringer panics by their method, but an error's text plainly.
                let _ = orig;
                return s.as_str().to_string();
            }
            if let Some(m) = fmt_value::error_text(t, v) {
                return m;
            }
            let types = &prog.types;
            let tn = types.name(ty);
            let inner = fmt_value::sprint_typed(t, ty, &b.1);
            match types.kind(ty) {
                crate::golite::types::Kind::String => inner,
                crate::golite::types::Kind::Int(_)
                | crate::golite::types::Kind::Float64
                | crate::golite::types::Kind::Bool => inner,
                _ if types.named_info(ty).is_some()
                    && matches!(types.ukind(ty), crate::golite::types::Kind::String) =>
                {
                    format!("{tn}({inner:?})")
                }
                _ if types.named_info(ty).is_some() && !types.is_aggregate(ty) => {
                    format!("{tn}({inner})")
                }
                _ => format!("({tn}) {inner}"),
            }
        }
        _ => "nil".into(),
    }
}

/// `fmt.Println(xs...)`: the []any on top is replaced by a copy whose elements went through
/// `Stringify`, so values with a String or Error method print through it, as when they are
/// passed one by one (the caller's slice is left alone).
fn stringify_elems(c: &mut Compiler) {
    let any_slice = c.types.slice(ids::ANY);
    let src = c.temp(any_slice);
    c.init_var(src);
    let n = c.temp(ids::INT);
    c.load_var(src);
    c.emit(Op::Len);
    c.init_var(n);
    let out = c.temp(any_slice);
    c.load_var(n);
    c.emit(Op::MakeSliceLen(ids::ANY, false));
    c.init_var(out);
    let i = c.temp(ids::INT);
    c.emit(Op::PushInt(0));
    c.init_var(i);
    let top = c.here();
    c.load_var(i);
    c.load_var(n);
    c.emit(Op::LtI);
    let exit = c.emit(Op::JumpIfNot(0));
    c.load_var(out);
    c.load_var(i);
    c.load_var(src);
    c.load_var(i);
    c.emit(Op::Index);
    c.emit(Op::Stringify);
    c.emit(Op::SetIndex);
    c.load_var(i);
    c.emit(Op::PushInt(1));
    c.emit(Op::AddI);
    c.store_var(i);
    c.emit(Op::Jump(top as u32));
    let end = c.here();
    c.patch(exit, end);
    c.load_var(out);
}

/// Whether fmt may meet, inside an operand of static type `ty` (not the operand itself), a
/// value whose Error or String method it calls: an interface's dynamic value, or a field, an
/// element, a key or a value of a type with such a method.
fn may_nest_methods(c: &mut Compiler, ty: TypeId, top: bool, seen: &mut Vec<TypeId>) -> bool {
    if c.types.is_interface(ty) {
        return true;
    }
    if seen.contains(&ty) {
        return false;
    }
    seen.push(ty);
    if !top && (c.implements_static(ty, c.std.stringer) || c.implements_static(ty, ids::ERROR)) {
        return true;
    }
    let inner: Vec<TypeId> = match c.types.ukind(ty).clone() {
        Kind::Slice(el) | Kind::Array(_, el) | Kind::Pointer(el) => vec![el],
        Kind::Map(k, v) => vec![k, v],
        Kind::Struct(fields) => fields.iter().map(|f| f.ty).collect(),
        _ => Vec::new(),
    };
    inner
        .into_iter()
        .any(|t| may_nest_methods(c, t, false, seen))
}

/// Before a fmt call whose `[]any` of operands is on top: the methods of the values inside the
/// operands (fmt/value.rs's `nested_receivers`), called one by one by `Op::Stringify`, their
/// results kept for the call (the native `FmtNestedSet`). The operands stay on the stack.
fn call_nested_methods(c: &mut Compiler) {
    c.emit(Op::Dup);
    c.native_call(N::FmtNested, 1, Mode::Call);
    stringify_elems(c);
    c.native_call(N::FmtNestedSet, 1, Mode::Call);
}

/// The verb of each argument of a constant format string (for deciding which arguments fmt
/// would call `Error()`/`String()` on).
pub(super) fn format_verbs(f: &str) -> Vec<char> {
    let mut out = Vec::new();
    let b: Vec<char> = f.chars().collect();
    let mut i = 0;
    while i < b.len() {
        if b[i] != '%' {
            i += 1;
            continue;
        }
        i += 1;
        while i < b.len() && "+-# 0".contains(b[i]) {
            i += 1;
        }
        let star = |i: &mut usize, out: &mut Vec<char>| {
            while *i < b.len()
                && (b[*i].is_ascii_digit() || b[*i] == '*' || b[*i] == '[' || b[*i] == ']')
            {
                if b[*i] == '*' {
                    out.push('d');
                }
                *i += 1;
            }
        };
        star(&mut i, &mut out);
        if i < b.len() && b[i] == '.' {
            i += 1;
            star(&mut i, &mut out);
        }
        if i < b.len() {
            if b[i] != '%' {
                out.push(b[i]);
            }
            i += 1;
        }
    }
    out
}

/// fmt calls `String()` / `Error()` on the elements of a slice or array too (`[]celsius` prints
/// `[1.0°C 2.2°C]`). When argument `a` is a slice or array whose element type has one of those
/// methods, pushes a `[]any` of its elements, each stringified as a top-level argument would be,
/// and returns true; otherwise emits nothing and returns false.
fn stringer_elements(c: &mut Compiler, a: &Expr) -> R<bool> {
    let at = c.type_of(a)?;
    let el = match c.types.ukind(at) {
        Kind::Slice(el) | Kind::Array(_, el) => *el,
        _ => return Ok(false),
    };
    if c.types.is_interface(el)
        || !(c.implements_static(el, c.std.stringer) || c.implements_static(el, ids::ERROR))
    {
        return Ok(false);
    }
    let any_slice = c.types.slice(ids::ANY);
    let src = c.temp(at);
    c.value_to(a, at)?;
    c.init_var(src);
    let out = c.temp(any_slice);
    c.load_var(src);
    c.emit(Op::Len);
    c.emit(Op::MakeSliceLen(ids::ANY, false));
    c.init_var(out);
    let i = c.temp(ids::INT);
    c.emit(Op::PushInt(0));
    c.init_var(i);
    let top = c.here();
    c.load_var(i);
    c.load_var(src);
    c.emit(Op::Len);
    c.emit(Op::LtI);
    let exit = c.emit(Op::JumpIfNot(0));
    // out[i] = stringify(any(src[i]))
    c.load_var(out);
    c.load_var(i);
    c.load_var(src);
    c.load_var(i);
    c.emit(Op::Index);
    c.coerce(el, ids::ANY);
    c.emit(Op::Stringify);
    c.emit(Op::SetIndex);
    c.load_var(i);
    c.emit(Op::PushInt(1));
    c.emit(Op::AddI);
    c.store_var(i);
    c.emit(Op::Jump(top as u32));
    let end = c.here();
    c.patch(exit, end);
    c.load_var(out);
    c.coerce(any_slice, ids::ANY);
    Ok(true)
}

/// What a call of a fmt-like native returns (log's print nothing).
fn fmt_results(n: Native) -> Vec<TypeId> {
    match n {
        N::FmtSprintf | N::FmtSprint | N::FmtSprintln => vec![ids::STRING],
        N::FmtErrorf => vec![ids::ERROR],
        n if super::log::is_log(n) => vec![],
        _ => vec![ids::INT, ids::ERROR],
    }
}

/// `fmt.Fprint*` to an io.Writer other than os.Stdout, os.Stderr or a *strings.Builder.
const FPRINT_SRC: &str = "func(w interface{ Write([]byte) (int, error) }, a ...any) (int, error) { return w.Write([]byte(P.Sprint(a...))) }";
const FPRINTLN_SRC: &str = "func(w interface{ Write([]byte) (int, error) }, a ...any) (int, error) { return w.Write([]byte(P.Sprintln(a...))) }";
const FPRINTF_SRC: &str = "func(w interface{ Write([]byte) (int, error) }, format string, a ...any) (int, error) { return w.Write([]byte(P.Sprintf(format, a...))) }";

/// Bytes of one formatting call that cost nothing beyond the call's instruction.
const FREE_FORMAT_BYTES: u64 = 4096;
/// Steps per byte formatted past those: `fmt.Sprint` of a big `[]int` natively takes about the
/// time of 12 steps per byte (measured), cheaper shapes less (a million `nil`s, 6 MB, is a
/// program Go runs in 50 ms and must fit the budget with its 24 steps an operand:
/// `sprintf_many_args`), so 5: a program
/// printing a huge value over and over meets the step limit within about a second (issue 23; the
/// fuzzer found 3,000 prints of a 12.8 MB self-nested slice). Prints under 4 KiB keep their step
/// counts.
const FORMAT_STEPS_PER_BYTE: u64 = 5;

/// Steps per byte a scan reads past [`FREE_FORMAT_BYTES`]: the scanner takes about half a
/// step's time per byte (measured), Go's own several times that; 2 makes a loop rescanning a
/// megabyte-long input meet the step limit within a second (hostile case fmt_sscan_long_input).
const SCAN_STEPS_PER_BYTE: u64 = 2;

/// Strings among the operands are copied, not formatted: their bytes are not charged here (the
/// call's own charge counts them). A call cut short (`fmt/value.rs`'s `MAX_NODES`) would have
/// cost more than any step limit: it ends the run there, and its text is dropped (false).
fn charge_formatting(t: &mut GoTask, cx: &mut Cx<'_, Value>, len: usize, items: &[Value]) -> bool {
    if fmt_value::was_cut() {
        t.meter(cx, u64::MAX / 4, "formatting a large value");
        return false;
    }
    let copied: u64 = items
        .iter()
        .map(|v| match v {
            Value::Str(s) => s.len() as u64,
            Value::Iface(b) => match &b.1 {
                Value::Str(s) => s.len() as u64,
                _ => 0,
            },
            _ => 0,
        })
        .sum();
    let extra = (len as u64)
        .saturating_sub(copied)
        .saturating_sub(FREE_FORMAT_BYTES);
    // Four of them count as they always did (seeded preemption points stay where they were);
    // the rest is metered (`vm/cost.rs`).
    let charged = extra.saturating_mul(4);
    t.charge(cx, charged, "formatting a large value");
    let all = extra.saturating_mul(FORMAT_STEPS_PER_BYTE);
    t.meter(cx, all - charged, "formatting a large value");
    true
}

/// Writes `text` where an `io.Writer` value golite supports points: stdout, stderr or a
/// strings.Builder.
pub(super) fn write_to(cx: &mut Cx<'_, Value>, w: &Value, text: &str) {
    let inner = match w {
        Value::Iface(b) => &b.1,
        v => v,
    };
    let Value::Agg(o) = inner else { return };
    let mut b = o.borrow_mut();
    match b.first() {
        Some(Value::Int(1)) => cx.print(text),
        Some(Value::Int(2)) => cx.print_err(text),
        Some(Value::Str(cur)) => {
            let mut st = cur.to_string();
            st.push_str(text);
            b[0] = strv(st);
        }
        _ => {}
    }
}

/// Compiles one of the package's calls compiled inline; returns the result types pushed.
pub(super) fn generic_call(
    c: &mut Compiler,
    g: Generic,
    args: &[Expr],
    mode: Mode,
    e: &Expr,
) -> R<Vec<TypeId>> {
    if mode != Mode::Call && matches!(g, Generic::Fprint(..) | Generic::Fmt(..)) {
        return go_defer_fmt(c, g, args, mode, e);
    }
    match g {
        Generic::Fprint(n, has_format) => {
            let Some(w) = args.first() else {
                return err(
                    e.pos,
                    format!("not enough arguments in call to {}", describe_call(e)),
                );
            };
            let wt = c.type_of(w)?;
            let file = c.types.pointer(c.more.os_file);
            let builder = c.types.pointer(c.std.builder);
            if wt != file && wt != builder {
                // Any other io.Writer: the text, then one call of its Write method, as Go's.
                let src = match n {
                    N::FmtFprintf => FPRINTF_SRC,
                    N::FmtFprintln => FPRINTLN_SRC,
                    _ => FPRINT_SRC,
                };
                return super::source::generic_call(c, Generic::Source(src), args, mode, e);
            }
            c.value_to(w, ids::ANY)?;
            let r = generic_call(c, Generic::Fmt(n, has_format), &args[1..], mode, e)?;
            // The native call just emitted takes the writer as well.
            if let Some(Op::CallNative(_, k) | Op::GoNative(_, k) | Op::DeferNative(_, k)) =
                c.f().code.code.last_mut()
            {
                *k += 1;
            }
            Ok(r)
        }
        Generic::Fmt(n, has_format) => {
            let mut rest = args;
            let mut verbs: Option<Vec<char>> = None;
            if has_format {
                let Some(f) = args.first() else {
                    return err(
                        e.pos,
                        format!("not enough arguments in call to {}", describe_call(e)),
                    );
                };
                c.value_to(f, ids::STRING)?;
                if let Some((ConstVal::Str(s), _)) = c.constant(f)? {
                    verbs = Some(format_verbs(&s));
                }
                rest = &args[1..];
            }
            if let ExprKind::Call { ellipsis: true, .. } = &e.kind {
                // fmt.Println(args...): the slice is passed as is.
                if rest.len() != 1 {
                    return err(e.pos, "can only use ... with final argument in list");
                }
                let any_slice = c.types.slice(ids::ANY);
                c.value_to(&rest[0], any_slice)?;
                stringify_elems(c);
                if mode == Mode::Call {
                    call_nested_methods(c);
                }
                let argc = if has_format { 2 } else { 1 };
                c.native_call(n, argc, mode);
                if mode != Mode::Call {
                    return Ok(vec![]);
                }
                return Ok(fmt_results(n));
            }
            let stringify = |c: &mut Compiler, i: usize| {
                let v = verbs
                    .as_ref()
                    .map_or('v', |vs| vs.get(i).copied().unwrap_or('v'));
                if matches!(v, 'v' | 's' | 'q' | 'x' | 'X' | 'w') {
                    c.emit(Op::Stringify);
                }
            };
            let mut count = rest.len();
            let mut nest = false;
            if mode == Mode::Call {
                for a in rest {
                    let t = c.type_of(a)?;
                    let ts = match c.types.kind(t).clone() {
                        Kind::Tuple(ts) => ts,
                        _ => vec![t],
                    };
                    for t in ts {
                        nest = nest || may_nest_methods(c, t, true, &mut Vec::new());
                    }
                }
            }
            if let Some(n) = multi_as_any(c, rest, |c, i| stringify(c, i))? {
                count = n;
            } else {
                for (i, a) in rest.iter().enumerate() {
                    let verb = verbs
                        .as_ref()
                        .map_or('v', |vs| vs.get(i).copied().unwrap_or('v'));
                    if matches!(verb, 'v' | 's' | 'q' | 'x' | 'X') && stringer_elements(c, a)? {
                        continue;
                    }
                    c.value_to(a, ids::ANY)?;
                    stringify(c, i);
                }
            }
            c.emit(Op::MakeSlice(count as u32, ids::ANY));
            if nest {
                call_nested_methods(c);
            }
            let argc = if has_format { 2 } else { 1 };
            c.native_call(n, argc, mode);
            if mode != Mode::Call {
                return Ok(vec![]);
            }
            Ok(fmt_results(n))
        }
        Generic::Call(..) => scan_call(c, g, args, mode, e),
        _ => err(
            e.pos,
            format!("golite does not support {} yet", describe_call(e)),
        ),
    }
}

/// `fmt.Println(f())` with a multi-valued `f`: its results pushed one by one, each as an `any`
/// and followed by `each(c, i)`; how many. `None`, with nothing compiled, for other operands.
fn multi_as_any(
    c: &mut Compiler,
    operands: &[Expr],
    mut each: impl FnMut(&mut Compiler, usize),
) -> R<Option<usize>> {
    let [one] = operands else {
        return Ok(None);
    };
    let t = c.type_of(one)?;
    let ts = match c.types.kind(t).clone() {
        Kind::Tuple(ts) if ts.len() > 1 => ts,
        _ => return Ok(None),
    };
    c.multi(one)?;
    let temps: Vec<usize> = ts.iter().map(|t| c.temp(*t)).collect();
    for v in temps.iter().rev() {
        c.init_var(*v);
    }
    for (i, (v, t)) in temps.iter().zip(&ts).enumerate() {
        c.load_var(*v);
        c.coerce(*t, ids::ANY);
        each(c, i);
    }
    Ok(Some(ts.len()))
}

/// `go fmt.Println(x)`, `defer log.Printf(f, x)`: the operands are taken now, converted to
/// `any` as Go converts them, and the call runs later in Go's wrapper (`main.main.deferwrap1`),
/// so the String and Error methods fmt meets run when it prints, as Go's do: a deferred
/// `fmt.Println(c)` of a `*C` whose String reads a field the function changes afterwards
/// prints the field's last value.
fn go_defer_fmt(
    c: &mut Compiler,
    g: Generic,
    args: &[Expr],
    mode: Mode,
    e: &Expr,
) -> R<Vec<TypeId>> {
    // The arguments before the operands: the writer, the format.
    let fixed = match g {
        Generic::Fprint(_, format) => 1 + usize::from(format),
        _ => usize::from(matches!(g, Generic::Fmt(_, true))),
    };
    // The library's calls are compiled here only as `pkg.Name(...)` (calls.rs).
    let (ExprKind::Call { ellipsis, .. }, Some((p, sel))) = (&e.kind, e.called_selector()) else {
        return err(
            e.pos,
            format!("golite does not support {} yet", describe_call(e)),
        );
    };
    c.push_scope();
    let mut names = Vec::new();
    let operands = if fixed == 0 { args } else { &[] };
    let spread = multi_as_any(c, operands, |c, i| names.push(c.wrapper_arg(i, ids::ANY)))?;
    if spread.is_none() {
        for (i, a) in args.iter().enumerate() {
            let t = if i < fixed || (*ellipsis && i + 1 == args.len()) {
                let t = c.value(a, None)?;
                c.types.default_type(t)
            } else {
                c.value_to(a, ids::ANY)?;
                ids::ANY
            };
            names.push(c.wrapper_arg(i, t));
        }
    }
    let dots = if *ellipsis { "..." } else { "" };
    let call = format!("{}.{}({}{dots})", p, sel.name, names.join(", "));
    c.go_defer_wrapped(&call, mode, e)
}

/// Compiles `fmt.Sscan(...)` and its kin: a Go function literal, made for this call, runs the
/// native scanner on the input (`""` for os.Stdin, which golite keeps empty), moves a
/// `*strings.Reader` past what was read, and gives `io.EOF`/`io.ErrUnexpectedEOF` themselves
/// when the program has them (so `err == io.EOF` holds), else errors with their text.
fn scan_call(c: &mut Compiler, g: Generic, args: &[Expr], mode: Mode, e: &Expr) -> R<Vec<TypeId>> {
    // (parameters before `a ...any`, the input, the format, the scanner's mode)
    let (params, mut input, format, how) = match g {
        _ if g == G::Sscan => ("str string, ", "str", "\"\"", 0),
        _ if g == G::Sscanln => ("str string, ", "str", "\"\"", 1),
        _ if g == G::Sscanf => ("str string, format string, ", "str", "format", 2),
        _ if g == G::Scan => ("", "\"\"", "\"\"", 0),
        _ if g == G::Scanln => ("", "\"\"", "\"\"", 1),
        _ if g == G::Scanf => ("format string, ", "\"\"", "format", 2),
        _ if g == G::Fscan => ("r READER, ", "r", "\"\"", 0),
        _ if g == G::Fscanln => ("r READER, ", "r", "\"\"", 1),
        _ => ("r READER, format string, ", "r", "format", 2),
    };
    let mut params = params.to_string();
    let mut prelude = "";
    let mut after = "";
    if input == "r" {
        let Some(r) = args.first() else {
            return err(
                e.pos,
                format!("not enough arguments in call to {}", describe_call(e)),
            );
        };
        let rt = c.type_of(r)?;
        if rt == c.types.pointer(c.more.os_file) {
            // os.Stdin is empty (and other files have nothing to read either).
            params = params.replace("READER", "any");
            prelude = "_ = r\n";
            input = "\"\"";
        } else if c.types.name(rt) == "*strings.Reader" {
            params = params.replace("READER", "*stringsꞏReader");
            input = "stringsꞏscanRest(r)";
            after = "stringsꞏscanSkip(r, used)\n";
        } else {
            params = params.replace("READER", "interface{ Read([]byte) (int, error) }");
            let has_io = c.pkg_scope.contains_key("ioꞏEOF");
            let src = reader_scan_source(&params, format, how, has_io);
            return super::source::call_source(c, &src, args, mode, e);
        }
    }
    let errors = if c.pkg_scope.contains_key("ioꞏEOF") {
        "if k == 1 {\nreturn n, ioꞏEOF\n}\nif k == 2 {\nreturn n, ioꞏErrUnexpectedEOF\n}\n"
    } else {
        "_ = k\n"
    };
    let src = format!(
        "func({params}a ...any) (int, error) {{\n{prelude}n, used, k, err := P.ꞏscan({input}, {format}, {how}, a)\n_ = used\n{after}{errors}return n, err\n}}"
    );
    super::source::call_source(c, &src, args, mode, e)
}

/// Fscan* on any other io.Reader, as Go reads one: a rune at a time (ReadRune/UnreadRune for
/// an io.RuneScanner such as a *bufio.Reader, else a byte at a time, the rune Go peeked then
/// lost), scanning again from the start whenever the scan wants more input than was read
/// (kind 3). A read error other than io.EOF ends the call where the scan wants more, with
/// the operands done before, as Go's. A call reads a few runes, so the rescans cost little; a long token costs its
/// square, metered (hostile case fmt_fscan_endless_reader).
fn reader_scan_source(params: &str, format: &str, how: i32, has_io: bool) -> String {
    let (is_eof, errors) = if has_io {
        (
            "e == ioꞏEOF",
            "if k == 1 {\nreturn n, ioꞏEOF\n}\nif k == 2 {\nreturn n, ioꞏErrUnexpectedEOF\n}\n",
        )
    } else {
        // Without package io no value is io.EOF: every read error is an error.
        ("false", "")
    };
    format!(
        "func({params}a ...any) (int, error) {{
rs, isRS := r.(interface {{
	ReadRune() (rune, int, error)
	UnreadRune() error
}})
var data []byte
more := 8
var readErr error
one := make([]byte, 1)
for {{
	n, used, k, err := P.ꞏscan(string(data), {format}, {how}+more, a)
	if k == 3 && readErr != nil {{
		return n, readErr
	}}
	if k != 3 {{
		if isRS && used < len(data) {{
			rs.UnreadRune()
		}}
		{errors}return n, err
	}}
	if isRS {{
		c, _, e := rs.ReadRune()
		if e != nil {{
			if {is_eof} {{
				more = 0
			}} else {{
				readErr = e
			}}
			continue
		}}
		data = append(data, string(c)...)
		continue
	}}
	m, e := r.Read(one)
	if m == 1 {{
		data = append(data, one[0])
		// The rest of a multi-byte rune, as Go's readRune reads it.
		need := 0
		if one[0] >= 0xF0 {{
			need = 3
		}} else if one[0] >= 0xE0 {{
			need = 2
		}} else if one[0] >= 0xC0 {{
			need = 1
		}}
		for ; need > 0 && e == nil; need-- {{
			m, e = r.Read(one)
			if m == 1 {{
				data = append(data, one[0])
			}}
		}}
	}}
	if e != nil {{
		if {is_eof} {{
			more = 0
		}} else {{
			readErr = e
		}}
	}}
}}
}}"
    )
}

/// The native scanner (`fmt.ꞏscan(input, format, mode, operands)`): scans, stores each value
/// through its operand, and pushes n, the bytes consumed, the error's kind (1 io.EOF, 2
/// io.ErrUnexpectedEOF, 3 more input wanted, else 0) and the error.
fn scan_native(t: &mut GoTask, cx: &mut Cx<'_, Value>, a: &[Value]) -> NRes {
    use super::scan::{Mode as M, ScanErr, Scanned, Target};
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    let (input, format) = (arg(0), arg(1));
    // Mode 0 Sscan, 1 Sscanln, 2 Sscanf; plus 8 when the input may go on.
    let how = match arg(2).as_int() & 7 {
        0 => M::Space,
        1 => M::Line,
        _ => M::Format,
    };
    let more = arg(2).as_int() & 8 != 0;
    let items = slice_items(&arg(3));
    let types = &t.sh.prog.types;
    // Each operand's target, and the float width to round its value to.
    let targets: Vec<(Target, u32)> = items
        .iter()
        .map(|v| {
            let Value::Iface(b) = v else {
                return (Target::Nil, 64);
            };
            let ty = b.0;
            let Kind::Pointer(el) = types.kind(ty) else {
                return (Target::NotPointer(types.name(ty)), 64);
            };
            let exact = types.named_info(*el).is_none();
            match types.ukind(*el) {
                Kind::Bool => (Target::Bool, 64),
                Kind::Int(k) => (Target::Int(*k), 64),
                Kind::Float32 => (Target::Float { bits: 32, exact }, 32),
                Kind::Float64 => (Target::Float { bits: 64, exact }, 64),
                Kind::Complex64 => (Target::Complex(64), 32),
                Kind::Complex128 => (Target::Complex(128), 64),
                Kind::String => (Target::Str, 64),
                Kind::Slice(e) if matches!(types.ukind(*e), Kind::Int(IntKind::Uint8)) => {
                    (Target::Bytes, 64)
                }
                _ => (Target::CantScan(types.name(ty)), 64),
            }
        })
        .collect();
    let only: Vec<Target> = targets.iter().map(|(t, _)| t.clone()).collect();
    let out = super::scan::scan(s(&input), s(&format), how, more, &only);
    // Reading a rune costs about what a step does; the first bytes are free, as formatting's.
    let extra = (out.consumed as u64).saturating_sub(FREE_FORMAT_BYTES);
    t.meter(
        cx,
        extra.saturating_mul(SCAN_STEPS_PER_BYTE),
        "scanning a large input",
    );
    for ((v, item), (_, bits)) in out.values.iter().zip(&items).zip(&targets) {
        let round = |f: f64| if *bits == 32 { f as f32 as f64 } else { f };
        let x = match v {
            Scanned::Bool(b) => Value::Bool(*b),
            Scanned::Int(i) => Value::Int(*i),
            Scanned::Float(f) => Value::Float(round(*f)),
            Scanned::Complex(re, im) => Value::Complex(round(*re), round(*im)),
            Scanned::Str(x) => strv(x),
            Scanned::Bytes(b) => byte_slice(t, b),
        };
        let Value::Iface(b) = item else { continue };
        match &b.1 {
            Value::Cell(cell) => *cell.borrow_mut() = x,
            Value::Elem(o, i) => {
                if let Some(slot) = o.borrow_mut().get_mut(*i as usize) {
                    *slot = x;
                }
            }
            _ => {
                return NRes::Panic(
                    "runtime error: invalid memory address or nil pointer dereference".into(),
                );
            }
        }
    }
    let (kind, e) = match &out.err {
        _ if out.starved => (3, Value::Nil),
        None => (0, Value::Nil),
        Some(ScanErr::Eof) => (1, new_error(t, "EOF")),
        Some(ScanErr::UnexpectedEof) => (2, new_error(t, "unexpected EOF")),
        Some(ScanErr::Msg(m)) => (0, new_error(t, m)),
        Some(ScanErr::Panic(m)) => {
            // Go's fmt recovers the panic to look at it and panics again with it.
            let v = new_error(t, m);
            let msg = format!("{m}{}", crate::golite::vm::calls::REPANICKED);
            t.start_panic(v, msg);
            return NRes::Reload;
        }
    };
    push!(t, Value::Int(out.values.len() as i64));
    push!(t, Value::Int(out.consumed as i64));
    push!(t, Value::Int(kind));
    push!(t, e);
    NRes::Ok
}

/// The type of one of the package's calls compiled inline.
pub(super) fn generic_result(c: &mut Compiler, g: Generic, _args: &[Expr], _pos: Pos) -> R<TypeId> {
    Ok(match g {
        Generic::Fprint(..) | Generic::Call(..) => c.types.tuple(vec![ids::INT, ids::ERROR]),
        Generic::Fmt(n, _) => match fmt_results(n).as_slice() {
            [] => ids::VOID,
            [one] => *one,
            many => c.types.tuple(many.to_vec()),
        },
        _ => ids::VOID,
    })
}

/// Go source of a member golite compiles specially at each call, as a function value
/// (`P.` for the package): what `p := fmt.Println` evaluates to.
fn value_wrapper(name: &str) -> Option<&'static str> {
    Some(match name {
        "Println" => "func(a ...any) (int, error) { return P.Println(a...) }",
        "Print" => "func(a ...any) (int, error) { return P.Print(a...) }",
        "Printf" => "func(format string, a ...any) (int, error) { return P.Printf(format, a...) }",
        "Sprint" => "func(a ...any) string { return P.Sprint(a...) }",
        "Sprintln" => "func(a ...any) string { return P.Sprintln(a...) }",
        "Sprintf" => "func(format string, a ...any) string { return P.Sprintf(format, a...) }",
        "Errorf" => "func(format string, a ...any) error { return P.Errorf(format, a...) }",
        "Sscan" => "func(str string, a ...any) (int, error) { return P.Sscan(str, a...) }",
        "Sscanln" => "func(str string, a ...any) (int, error) { return P.Sscanln(str, a...) }",
        "Sscanf" => {
            "func(str string, format string, a ...any) (int, error) { return P.Sscanf(str, format, a...) }"
        }
        "Fscan" => {
            "func(r interface{ Read([]byte) (int, error) }, a ...any) (int, error) { return P.Fscan(r, a...) }"
        }
        "Fscanln" => {
            "func(r interface{ Read([]byte) (int, error) }, a ...any) (int, error) { return P.Fscanln(r, a...) }"
        }
        "Fscanf" => {
            "func(r interface{ Read([]byte) (int, error) }, format string, a ...any) (int, error) { return P.Fscanf(r, format, a...) }"
        }
        "Scan" => "func(a ...any) (int, error) { return P.Scan(a...) }",
        "Scanln" => "func(a ...any) (int, error) { return P.Scanln(a...) }",
        "Scanf" => "func(format string, a ...any) (int, error) { return P.Scanf(format, a...) }",
        "Append" => "func(b []byte, a ...any) []byte { return append(b, P.Sprint(a...)...) }",
        "Appendln" => "func(b []byte, a ...any) []byte { return append(b, P.Sprintln(a...)...) }",
        "Appendf" => {
            "func(b []byte, format string, a ...any) []byte { return append(b, P.Sprintf(format, a...)...) }"
        }
        _ => return None,
    })
}

/// Steps a fmt call costs beyond the bytes it reads and writes: printing allocates runtime
/// events (as much as dozens of instructions), formatting about a step per byte it writes.
fn extra_steps(n: Native, _work_in: u64, work_out: u64) -> u64 {
    match n {
        N::FmtPrintln | N::FmtPrint | N::FmtPrintf => 10,
        N::FmtSprint | N::FmtSprintf | N::FmtSprintln | N::FmtErrorf => work_out,
        _ => 0,
    }
}
