//! Go's `context`: contexts are runtime objects (cancellation, deadlines on the virtual clock,
//! values, causes).

use super::support::*;

natives! {
    Pkg::Context;
    CtxBackground,
    CtxTodo,
    CtxWithCancel,
    CtxWithCancelCause,
    CtxWithTimeout,
    CtxWithDeadline,
    CtxWithValue,
    CtxWithoutCancel,
    CtxCause,
    CtxAfterFunc,
    CtxAfterFuncStop,
    CtxDone,
    CtxErr,
    CtxValue,
    CtxDeadline,
    DeadlineErrorError,
    DeadlineErrorTimeout,
    CtxWithTimeoutCause,
    CtxWithDeadlineCause,
    Canceled,
    DeadlineExceeded,
    CtxString,
}

/// The cancel functions, numbered in code.rs (vm/reach.rs follows the context they hold).
#[allow(non_upper_case_globals)]
impl N {
    const CtxCancel: Native = Native::CTX_CANCEL;
    const CtxCancelCause: Native = Native::CTX_CANCEL_CAUSE;
}

const PATH: &str = "context";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Context,
    path: PATH,
    ..Package::NONE
};

/// The member `name` of the package.
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let std = c.std.clone();
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    match name {
        "Context" => Some(Member::Type(std.context)),
        "CancelFunc" => Some(Member::Type(std.cancel_func)),
        "CancelCauseFunc" => Some(Member::Type(std.cancel_cause_func)),
        "Background" => f(c, "func() Context", N::CtxBackground),
        "TODO" => f(c, "func() Context", N::CtxTodo),
        "WithCancel" => f(c, "func(Context) (Context, CancelFunc)", N::CtxWithCancel),
        "WithCancelCause" => f(
            c,
            "func(Context) (Context, CancelCauseFunc)",
            N::CtxWithCancelCause,
        ),
        "WithTimeout" => f(
            c,
            "func(Context, time.Duration) (Context, CancelFunc)",
            N::CtxWithTimeout,
        ),
        "WithDeadline" => f(
            c,
            "func(Context, time.Time) (Context, CancelFunc)",
            N::CtxWithDeadline,
        ),
        "WithValue" => f(c, "func(Context, any, any) Context", N::CtxWithValue),
        "WithoutCancel" => f(c, "func(Context) Context", N::CtxWithoutCancel),
        "Cause" => f(c, "func(Context) error", N::CtxCause),
        "AfterFunc" => f(c, "func(Context, func()) func() bool", N::CtxAfterFunc),
        "Canceled" => Some(Member::Value(N::Canceled, ids::ERROR)),
        "DeadlineExceeded" => Some(Member::Value(N::DeadlineExceeded, ids::ERROR)),
        "WithTimeoutCause" => f(
            c,
            "func(Context, time.Duration, error) (Context, CancelFunc)",
            N::CtxWithTimeoutCause,
        ),
        "WithDeadlineCause" => f(
            c,
            "func(Context, time.Time, error) (Context, CancelFunc)",
            N::CtxWithDeadlineCause,
        ),
        _ => None,
    }
}

/// Registers the methods of the package's types.
pub(super) fn register(c: &mut Compiler) {
    let s = c.std.clone();
    // Done() <-chan struct{}: a type the signature text cannot write.
    let done = c.types.chan(ChanDir::Recv, s.empty_struct);
    let st = c.types.func(vec![], vec![done], false);
    add_method_typed(c, s.ctx_impl, "Done", st, N::CtxDone, true);
    add_methods(
        c,
        PATH,
        &[
            (s.ctx_impl, "Err", "func() error", N::CtxErr, true),
            (s.ctx_impl, "String", "func() string", N::CtxString, true),
            (s.ctx_impl, "Value", "func(any) any", N::CtxValue, true),
            (
                s.ctx_impl,
                "Deadline",
                "func() (time.Time, bool)",
                N::CtxDeadline,
                true,
            ),
            (
                s.ctx_deadline_error,
                "Error",
                "func() string",
                N::DeadlineErrorError,
                false,
            ),
            // As Go's: a deadline is a timeout (`interface{ Timeout() bool }`, as net's
            // errors answer) and a temporary error.
            (
                s.ctx_deadline_error,
                "Timeout",
                "func() bool",
                N::DeadlineErrorTimeout,
                false,
            ),
            (
                s.ctx_deadline_error,
                "Temporary",
                "func() bool",
                N::DeadlineErrorTimeout,
                false,
            ),
        ],
    );
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    match n {
        N::CtxBackground | N::CtxTodo => {
            let id = cx.ctx_background();
            let root = if n == N::CtxBackground {
                "context.Background"
            } else {
                "context.TODO"
            };
            named(t, id, None, root, Vec::new());
            push!(t, ctx_value(t, id, None));
        }
        N::CtxWithCancel | N::CtxWithCancelCause => {
            let id = cx.ctx_with_cancel(ctx_of(&arg(0)));
            named(t, id, Some(&arg(0)), ".WithCancel", Vec::new());
            push!(t, ctx_value(t, id, cx.ctx_done(id)));
            let which = if n == N::CtxWithCancel {
                N::CtxCancel
            } else {
                N::CtxCancelCause
            };
            push!(t, native_func(which, vec![Value::Int(i64::from(id.0))]));
        }
        N::CtxWithTimeout | N::CtxWithDeadline => {
            let at = if n == N::CtxWithTimeout {
                cx.now().saturating_add(arg(1).as_int())
            } else {
                super::time::virtual_ns(&arg(1))
            };
            let (part, ops) = deadline_name(cx, &arg(0), at);
            let id = cx.ctx_with_deadline(ctx_of(&arg(0)), at);
            named(t, id, Some(&arg(0)), part, ops);
            push!(t, ctx_value(t, id, cx.ctx_done(id)));
            push!(
                t,
                native_func(N::CtxCancel, vec![Value::Int(i64::from(id.0))])
            );
        }
        N::CtxWithValue => {
            let id = cx.ctx_with_value(ctx_of(&arg(0)), arg(1), arg(2));
            named(t, id, Some(&arg(0)), ".WithValue", vec![arg(1), arg(2)]);
            push!(t, ctx_value(t, id, None));
        }
        N::CtxWithoutCancel => {
            let id = cx.ctx_without_cancel(ctx_of(&arg(0)));
            named(t, id, Some(&arg(0)), ".WithoutCancel", Vec::new());
            push!(t, ctx_value(t, id, None));
        }
        N::CtxCause => {
            let id = ctx_of(&arg(0));
            let v = match cx.ctx_cause(id) {
                None => Value::Nil,
                Some(Cause::Err(CtxErr::DeadlineExceeded))
                    if t.sh.timeout_causes.borrow().contains_key(&id.0) =>
                {
                    t.sh.timeout_causes
                        .borrow()
                        .get(&id.0)
                        .cloned()
                        .unwrap_or_default()
                }
                Some(Cause::Err(e)) => ctx_err_value(t, e),
                Some(Cause::Value(v)) => v,
            };
            push!(t, v);
        }
        N::CtxAfterFunc => {
            let task = GoTask::new_call(t.sh.clone(), Callee::Value(arg(1)), Vec::new());
            let id = cx.ctx_after_func(ctx_of(&arg(0)), Box::new(task));
            push!(
                t,
                native_func(N::CtxAfterFuncStop, vec![Value::Int(i64::from(id.0))])
            );
        }
        N::CtxAfterFuncStop => {
            let id = t
                .native_closure
                .as_ref()
                .and_then(|c| c.captures.first())
                .map_or(0, Value::as_int);
            push!(
                t,
                Value::Bool(cx.ctx_after_func_stop(crate::runtime::AfterFuncId(id as u32)))
            );
        }
        N::CtxDone => {
            // The context's own channel is shared with the value that owns it; a Value or
            // WithoutCancel context hands out an ancestor's (owned by that ancestor's value).
            let own = get_field(&arg(0), 1);
            let v = match (own, cx.ctx_done(ctx_of(&arg(0)))) {
                (own @ Value::Chan(_), _) => own,
                (_, Some(ch)) => Value::Chan(ChanRef::runtime_owned(ch)),
                (_, None) => Value::Nil,
            };
            push!(t, v);
        }
        N::CtxErr => {
            let v = match cx.ctx_err(ctx_of(&arg(0))) {
                Some(e) => ctx_err_value(t, e),
                None => Value::Nil,
            };
            push!(t, v);
        }
        N::CtxValue => {
            let key = arg(1);
            let v = cx
                .ctx_value(ctx_of(&arg(0)), &|k: &Value| k.equals(&key))
                .unwrap_or(Value::Nil);
            push!(t, v);
        }
        N::CtxDeadline => match cx.ctx_deadline(ctx_of(&arg(0))) {
            Some(d) => {
                push!(t, super::time::time_value(d));
                push!(t, Value::Bool(true));
            }
            None => {
                push!(t, Value::agg(vec![Value::Int(0), Value::Int(0)]));
                push!(t, Value::Bool(false));
            }
        },
        N::Canceled => push!(t, t.sh.sentinels.first().cloned().unwrap_or_default()),
        N::DeadlineExceeded => push!(t, t.sh.sentinels.get(1).cloned().unwrap_or_default()),
        N::DeadlineErrorError => push!(t, strv("context deadline exceeded")),
        N::DeadlineErrorTimeout => push!(t, Value::Bool(true)),
        N::CtxString => {
            let text = name(t, cx.now(), ctx_of(&arg(0)).0);
            push!(t, strv(text));
        }
        N::CtxWithTimeoutCause | N::CtxWithDeadlineCause => {
            let at = if n == N::CtxWithTimeoutCause {
                cx.now().saturating_add(arg(1).as_int())
            } else {
                super::time::virtual_ns(&arg(1))
            };
            let (part, ops) = deadline_name(cx, &arg(0), at);
            let id = cx.ctx_with_deadline(ctx_of(&arg(0)), at);
            named(t, id, Some(&arg(0)), part, ops);
            t.sh.timeout_causes.borrow_mut().insert(id.0, arg(2));
            push!(t, ctx_value(t, id, cx.ctx_done(id)));
            push!(
                t,
                native_func(N::CtxCancel, vec![Value::Int(i64::from(id.0))])
            );
        }
        _ => {}
    }
    NRes::Ok
}

/// The name part of a context made with deadline `at` from `parent`: Go's `WithDeadline`
/// returns `WithCancel(parent)` when the parent's deadline is sooner.
fn deadline_name(cx: &mut Cx<'_, Value>, parent: &Value, at: i64) -> (&'static str, Vec<Value>) {
    match cx.ctx_deadline(ctx_of(parent)) {
        Some(p) if p < at => (".WithCancel", Vec::new()),
        _ => (".WithDeadline", vec![Value::Int(at)]),
    }
}

/// Notes how context `id` was made, for its `String()`.
fn named(t: &GoTask, id: CtxId, parent: Option<&Value>, part: &'static str, ops: Vec<Value>) {
    let parent = parent.map(|p| ctx_of(p).0);
    t.sh.ctx_names
        .borrow_mut()
        .insert(id.0, (parent, part, ops));
}

/// A context's `String()` as Go's context package makes it: its parent's name, then what made
/// it (`context.Background.WithCancel.WithValue(main.key, ann)`); a deadline shows the time left
/// at `now`.
fn name(t: &GoTask, now: i64, mut id: u32) -> String {
    let names = t.sh.ctx_names.borrow();
    let mut parts = Vec::new();
    // Walked from the context to its root, at most as many steps as there are contexts.
    for _ in 0..=names.len() {
        let Some((parent, part, ops)) = names.get(&id) else {
            break;
        };
        let text = match (*part, ops.as_slice()) {
            (".WithDeadline", [at]) => {
                let at = at.as_int();
                let d = super::time::time_value(at);
                let (sec, nsec) = (get_field(&d, 0).as_int(), get_field(&d, 1).as_int());
                format!(
                    ".WithDeadline({} [{}])",
                    crate::golite::fmt::time_layout::time_string(sec, nsec),
                    crate::golite::fmt::duration::duration_string(at.saturating_sub(now))
                )
            }
            (".WithValue", [k, v]) => {
                format!(".WithValue({}, {})", stringify(t, k), stringify(t, v))
            }
            _ => part.to_string(),
        };
        parts.push(text);
        match parent {
            Some(p) => id = *p,
            None => break,
        }
    }
    parts.reverse();
    parts.concat()
}

/// Go's `context.stringify`: a string as itself, a Stringer by its `String()`, nil as
/// `<nil>`, any other value by its type's name. A library Stringer's text is fmt's; a
/// program's own `String` method, which a native cannot call, is not run: its type is named.
fn stringify(t: &GoTask, v: &Value) -> String {
    let prog = &t.sh.prog;
    match v {
        Value::Iface(b) if b.0 == ids::STRING => b.1.as_str().to_string(),
        Value::Iface(b) => match prog.methods.get(&(b.0, prog.wk.sym_string)) {
            Some(MethodImpl::Native(_)) => fmt_value::sprint(t, std::slice::from_ref(v)),
            _ => prog.types.name(b.0),
        },
        _ => "<nil>".into(),
    }
}

/// A context value. `done` is the context's own Done channel when it is cancellable: the value
/// owns it, so the channel is released when the last copy of the context (and of any channel
/// value `Done()` handed out) is gone, as Go's garbage collector would free both.
fn ctx_value(t: &GoTask, id: CtxId, done: Option<ChanId>) -> Value {
    let done = done.map_or(Value::Nil, |c| Value::Chan(ChanRef::made(c)));
    let node = Obj::new(vec![Value::Int(i64::from(id.0)), done]);
    reach::register(&node, Ref::Ctx(id));
    Value::Iface(Rc::new((t.sh.prog.wk.ctx_ptr, Value::Agg(node))))
}

fn ctx_of(v: &Value) -> CtxId {
    CtxId(field0(v) as u32)
}

fn ctx_err_value(t: &GoTask, e: CtxErr) -> Value {
    match e {
        CtxErr::Canceled => t.sh.sentinels[0].clone(),
        CtxErr::DeadlineExceeded => t.sh.sentinels[1].clone(),
    }
}

fn native_func(n: Native, captures: Vec<Value>) -> Value {
    Value::Func(Rc::new(Closure {
        func: FuncRef::Native(n),
        captures,
        bound: false,
    }))
}

/// A cancel function of a context (`cancel()`, `cancel(cause)`): the context's id is its
/// closure's capture. Numbered in code.rs, so std/builtin.rs calls this.
pub(super) fn cancel(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let id = t
        .native_closure
        .as_ref()
        .and_then(|c| c.captures.first())
        .map_or(0, Value::as_int);
    let cause = if n == N::CtxCancelCause {
        a.first().cloned().filter(|v| !v.is_nil())
    } else {
        None
    };
    cx.ctx_cancel(CtxId(id as u32), cause);
    NRes::Ok
}
