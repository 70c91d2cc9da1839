//! Go's `errors`: `New`, `Join`, and `Is`/`As`/`Unwrap`, compiled inline as a depth-first walk of
//! the error tree whose steps are natives.

use super::support::*;

natives! {
    Pkg::Errors;
    ErrorsNew,
    ErrorsJoin,
    ErrorsIsStep,
    ErrsPush,
    ErrsPushUnwrapped,
    ErrsPop,
    ErrsExpand,
    ErrorStringError,
    JoinErrorError,
}

const PATH: &str = "errors";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Errors,
    path: PATH,
    value_wrapper,
    instantiated,
    go: GO,
    ..Package::NONE
};

/// The member `name` of the package.
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    match name {
        "New" => f(c, "func(string) error", N::ErrorsNew),
        "Join" => f(c, "func(...error) error", N::ErrorsJoin),
        "Is" => Some(Member::Generic(G::ErrorsIs)),
        "As" => Some(Member::Generic(G::ErrorsAs)),
        "Unwrap" => Some(Member::Generic(G::ErrorsUnwrap)),
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
                s.error_string,
                "Error",
                "func() string",
                N::ErrorStringError,
                true,
            ),
            (
                s.join_error,
                "Error",
                "func() string",
                N::JoinErrorError,
                true,
            ),
        ],
    );
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, _cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    match n {
        N::ErrorsNew => push!(t, new_error(t, s(&arg(0)))),
        N::ErrorsJoin => {
            let errs: Vec<Value> = slice_items(&arg(0))
                .into_iter()
                .filter(|e| !e.is_nil())
                .collect();
            if errs.is_empty() {
                push!(t, Value::Nil);
            } else {
                let v = Value::agg(vec![Value::slice(errs)]);
                push!(t, Value::Iface(Rc::new((t.sh.prog.wk.join_error_ptr, v))));
            }
        }
        N::ErrorsIsStep => {
            let (e, target) = (arg(0), arg(1));
            let types = &t.sh.prog.types;
            push!(
                t,
                Value::Bool(crate::golite::vm::typed_equal(
                    types,
                    crate::golite::types::ids::ERROR,
                    &e,
                    &target
                ))
            );
        }
        N::ErrsPush => {
            let mut ws = slice_items(&arg(0));
            ws.push(arg(1));
            push!(t, error_list(ws));
        }
        N::ErrsPushUnwrapped => {
            let mut ws = slice_items(&arg(0));
            match arg(1) {
                v @ Value::Slice(..) => ws.extend(slice_items(&v).into_iter().rev()),
                v => ws.push(v),
            }
            push!(t, error_list(ws));
        }
        N::ErrsPop => {
            let mut ws = slice_items(&arg(0));
            let e = ws.pop().unwrap_or_default();
            push!(t, error_list(ws));
            push!(t, e);
        }
        N::ErrsExpand => {
            let mut ws = slice_items(&arg(0));
            let children = golite_multi_error(t, &arg(1));
            let handled = children.is_some();
            ws.extend(children.unwrap_or_default().into_iter().rev());
            push!(t, error_list(ws));
            push!(t, Value::Bool(handled));
        }
        N::ErrorStringError => push!(t, get_field(&arg(0), 0)),
        N::JoinErrorError => {
            let errs = slice_items(&get_field(&arg(0), 0));
            let parts: Vec<String> = errs
                .iter()
                .map(|e| fmt_value::error_text(t, e).unwrap_or_default())
                .collect();
            push!(t, strv(parts.join("\n")));
        }
        _ => {}
    }
    NRes::Ok
}

/// One step of errors.Is that needs no Go code: equality, and the members of joined errors.
/// The wrapped errors of golite's own multi-errors: `errors.Join`'s, and `fmt.Errorf`'s with
/// several `%w`; `None` for any other error.
fn golite_multi_error(t: &GoTask, e: &Value) -> Option<Vec<Value>> {
    let Value::Iface(b) = e else { return None };
    let wk = &t.sh.prog.wk;
    if b.0 == wk.join_error_ptr {
        return Some(slice_items(&get_field(&b.1, 0)));
    }
    // One %w makes Go's wrapError (Unwrap() error), several its wrapErrors.
    if b.0 == wk.wrap_errors_ptr {
        return Some(slice_items(&get_field(&b.1, 2)));
    }
    None
}

/// A work list of errors as a slice value (not on the modeled heap: Go's walk allocates none).
fn error_list(items: Vec<Value>) -> Value {
    Value::slice(items)
}

/// The start of a depth-first walk of the error tree under `ev` (errors.Is / errors.As): a work
/// list holding `ev`, and the loop head, which pops the next error into a temporary (nil errors
/// are skipped). Returns (work list var, current error var, loop head, the jump out when the list
/// is empty: patch it to the "no match" code). The caller emits its test on the current error,
/// then [`error_walk_next`].
fn error_walk_start(c: &mut Compiler, ev: usize) -> (usize, usize, usize, usize) {
    let errs = c.types.slice(ids::ERROR);
    let ws = c.temp(errs);
    c.emit(Op::PushNil);
    c.load_var(ev);
    c.emit(Op::CallNative(N::ErrsPush, 2));
    c.init_var(ws);
    let e = c.temp(ids::ERROR);
    c.emit(Op::PushNil);
    c.init_var(e);
    let top = c.here();
    c.load_var(ws);
    c.emit(Op::Len);
    c.emit(Op::PushInt(0));
    c.emit(Op::GtI);
    let exit = c.emit(Op::JumpIfNot(0));
    c.load_var(ws);
    c.emit(Op::CallNative(N::ErrsPop, 1));
    c.store_var(e);
    c.store_var(ws);
    c.load_var(e);
    c.emit(Op::PushNil);
    c.emit(Op::Eq);
    c.emit(Op::JumpIf(top as u32));
    (ws, e, top, exit)
}

/// The end of one step of an error walk: pushes the current error's children (golite's own
/// multi-errors, an `Unwrap() []error`, or an `Unwrap() error`) and jumps back to the loop head.
fn error_walk_next(c: &mut Compiler, ws: usize, e: usize, top: usize) {
    let unwrap = c.sym("Unwrap");
    // golite's own join and multi-%w errors.
    c.load_var(ws);
    c.load_var(e);
    c.emit(Op::CallNative(N::ErrsExpand, 2));
    let expanded = c.emit(Op::JumpIf(0));
    c.emit(Op::Pop);
    // Unwrap() error or Unwrap() []error (the native tells the two results apart).
    c.load_var(e);
    c.emit(Op::IsIface(c.std.unwrapper));
    let single = c.emit(Op::JumpIf(0));
    c.load_var(e);
    c.emit(Op::IsIface(c.std.multi_unwrapper));
    c.emit(Op::JumpIfNot(top as u32));
    let h = c.here();
    c.patch(single, h);
    c.load_var(ws);
    c.load_var(e);
    c.emit(Op::CallIface(unwrap, 0));
    c.emit(Op::CallNative(N::ErrsPushUnwrapped, 2));
    c.store_var(ws);
    c.emit(Op::Jump(top as u32));
    let h = c.here();
    c.patch(expanded, h);
    c.store_var(ws);
    c.emit(Op::Jump(top as u32));
}

generics! {
    Pkg::Errors;
    ErrorsIs,
    ErrorsUnwrap,
    ErrorsAs,
}

/// Compiles one of the package's calls compiled inline; returns the result types pushed.
pub(super) fn generic_call(
    c: &mut Compiler,
    g: Generic,
    args: &[Expr],
    _mode: Mode,
    e: &Expr,
) -> R<Vec<TypeId>> {
    match g {
        G::ErrorsIs => {
            // Go's errors.Is: depth first through the error tree, each error matched by ==
            // or by its own Is method, then its Unwrap() error or Unwrap() []error.
            need(args, 2, e)?;
            let tv = c.temp(ids::ERROR);
            let ev = c.temp(ids::ERROR);
            c.value_to(&args[0], ids::ERROR)?;
            c.init_var(ev);
            c.value_to(&args[1], ids::ERROR)?;
            c.init_var(tv);
            let is = c.sym("Is");
            // A nil error or target: Is is err == target.
            c.load_var(ev);
            c.emit(Op::PushNil);
            c.emit(Op::Eq);
            let nil_case = c.emit(Op::JumpIf(0));
            c.load_var(tv);
            c.emit(Op::PushNil);
            c.emit(Op::Eq);
            let nil_case2 = c.emit(Op::JumpIf(0));
            let (ws, e, top, done) = error_walk_start(c, ev);
            c.load_var(e);
            c.load_var(tv);
            c.emit(Op::CallNative(N::ErrorsIsStep, 2));
            let yes = c.emit(Op::JumpIf(0));
            c.load_var(e);
            c.emit(Op::IsIface(c.std.isser));
            let no_is = c.emit(Op::JumpIfNot(0));
            c.load_var(e);
            c.load_var(tv);
            c.emit(Op::CallIface(is, 1));
            let yes2 = c.emit(Op::JumpIf(0));
            let h = c.here();
            c.patch(no_is, h);
            error_walk_next(c, ws, e, top);
            let t = c.here();
            c.patch(yes, t);
            c.patch(yes2, t);
            c.emit(Op::PushBool(true));
            let end = c.emit(Op::Jump(0));
            let f = c.here();
            c.patch(done, f);
            c.emit(Op::PushBool(false));
            let end2 = c.emit(Op::Jump(0));
            let n = c.here();
            c.patch(nil_case, n);
            c.patch(nil_case2, n);
            c.load_var(ev);
            c.load_var(tv);
            c.emit(Op::EqTyped(ids::ERROR));
            let h = c.here();
            c.patch(end, h);
            c.patch(end2, h);
            Ok(vec![ids::BOOL])
        }
        G::ErrorsUnwrap => {
            need(args, 1, e)?;
            let ev = c.temp(ids::ERROR);
            c.value_to(&args[0], ids::ERROR)?;
            c.init_var(ev);
            let unwrap = c.sym("Unwrap");
            c.load_var(ev);
            c.emit(Op::IsIface(c.std.unwrapper));
            let no = c.emit(Op::JumpIfNot(0));
            c.load_var(ev);
            c.emit(Op::CallIface(unwrap, 0));
            let end = c.emit(Op::Jump(0));
            let f = c.here();
            c.patch(no, f);
            c.emit(Op::PushNil);
            let h = c.here();
            c.patch(end, h);
            Ok(vec![ids::ERROR])
        }
        G::ErrorsAs => {
            // Go's errors.As: depth first through the error tree, the first error assignable
            // to the target's type (or whose own As method says yes) is stored in the target.
            need(args, 2, e)?;
            let pt = c.type_of(&args[1])?;
            let Some(target) = c.types.pointer_elem(pt) else {
                return err(
                    args[1].pos,
                    "second argument to errors.As must be a non-nil pointer to either a type that implements error, or to any interface type",
                );
            };
            let ev = c.temp(ids::ERROR);
            c.value_to(&args[0], ids::ERROR)?;
            c.init_var(ev);
            let pv = c.temp(pt);
            c.value_to(&args[1], pt)?;
            c.init_var(pv);
            let as_sym = c.sym("As");
            let iface = c.types.is_interface(target);
            let (ws, e, top, done) = error_walk_start(c, ev);
            c.load_var(e);
            c.emit(if iface {
                Op::IsIface(target)
            } else {
                Op::IsType(target)
            });
            let next = c.emit(Op::JumpIfNot(0));
            c.load_var(pv);
            c.load_var(e);
            if !iface {
                c.emit(Op::IfaceValue);
            }
            c.emit(Op::StoreDeref);
            let yes = c.emit(Op::Jump(0));
            let h = c.here();
            c.patch(next, h);
            c.load_var(e);
            c.emit(Op::IsIface(c.std.aser));
            let no_as = c.emit(Op::JumpIfNot(0));
            c.load_var(e);
            c.load_var(pv);
            c.coerce(pt, ids::ANY);
            c.emit(Op::CallIface(as_sym, 1));
            let yes2 = c.emit(Op::JumpIf(0));
            let h = c.here();
            c.patch(no_as, h);
            error_walk_next(c, ws, e, top);
            let t = c.here();
            c.patch(yes, t);
            c.patch(yes2, t);
            c.emit(Op::PushBool(true));
            let end = c.emit(Op::Jump(0));
            let f = c.here();
            c.patch(done, f);
            c.emit(Op::PushBool(false));
            let h = c.here();
            c.patch(end, h);
            Ok(vec![ids::BOOL])
        }
        _ => err(
            e.pos,
            format!("golite does not support {} yet", describe_call(e)),
        ),
    }
}
/// The type of one of the package's calls compiled inline.
pub(super) fn generic_result(
    _c: &mut Compiler,
    g: Generic,
    _args: &[Expr],
    _pos: Pos,
) -> R<TypeId> {
    Ok(match g {
        G::ErrorsIs | G::ErrorsAs => ids::BOOL,
        G::ErrorsUnwrap => ids::ERROR,
        _ => ids::VOID,
    })
}

/// Go source of a member golite compiles specially at each call, as a function value
/// (`P.` for the package): what `p := fmt.Println` evaluates to.
fn value_wrapper(name: &str) -> Option<&'static str> {
    Some(match name {
        "Is" => "func(err, target error) bool { return P.Is(err, target) }",
        "Unwrap" => "func(err error) error { return P.Unwrap(err) }",
        _ => return None,
    })
}

/// Go source of a generic member instantiated explicitly (`$T` is the type argument, `P.`
/// the package).
fn instantiated(name: &str) -> Option<&'static str> {
    Some(match name {
        "AsType" => "func(err error) ($T, bool) { var t $T; ok := P.As(err, &t); return t, ok }",
        _ => return None,
    })
}

/// errors.ErrUnsupported, written in Go (std/mod.rs's `go_source`).
const GO: &str = r#"
var errorsꞏErrUnsupported = errorsꞏ.New("unsupported operation")
"#;
