//! Native implementations of the standard library's functions and methods. Each pops its
//! arguments from the goroutine's stack and pushes its results; blocking ones park the goroutine
//! through the runtime and say what to push when it wakes.

use crate::golite::code::{FuncRef, Native};
use crate::golite::fmt::duration::duration_string;
use crate::golite::fmt::value as fmt_value;
use crate::golite::vm::reach;
use crate::golite::vm::value::{ChanRef, Closure, Obj, Value};
use crate::golite::vm::{Callee, Deferred, GoTask, NRes, Pending, REPANICKED, WORK_BYTES_PER_STEP};
use crate::runtime::{
    Cause, ChanId, CtxErr, CtxId, Cx, MutexId, Op as ROp, Ref, RwMutexId, TimerId, WgId,
};
use std::rc::Rc;

/// Field 0 of a struct pointer (the lazily created runtime id of sync types and friends).
fn field0(v: &Value) -> i64 {
    match v {
        Value::Agg(o) => o.borrow().first().map_or(0, Value::as_int),
        Value::Iface(b) => field0(&b.1),
        _ => 0,
    }
}

fn set_field(v: &Value, i: usize, x: Value) {
    if let Value::Agg(o) = v
        && let Some(s) = o.borrow_mut().get_mut(i)
    {
        *s = x;
    }
}

fn get_field(v: &Value, i: usize) -> Value {
    match v {
        Value::Agg(o) => o.borrow().get(i).cloned().unwrap_or_default(),
        Value::Iface(b) => get_field(&b.1, i),
        _ => Value::Nil,
    }
}

/// The id stored in field `i` of a sync object, creating the object on first use. The struct
/// is registered as holding it, so a reachability walk that meets the struct reaches the object
/// (`vm::reach`: golite's values carry no type that would say so).
fn lazy_id(v: &Value, i: usize, make: impl FnOnce() -> Ref) -> u32 {
    let cur = get_field(v, i).as_int();
    if cur > 0 {
        return (cur - 1) as u32;
    }
    let r = make();
    let id = match r {
        Ref::Mutex(x) => x.0,
        Ref::RwMutex(x) => x.0,
        Ref::WaitGroup(x) => x.0,
        Ref::Once(x) => x.0,
        Ref::Cond(x) => x.0,
        Ref::Chan(x) => x.0,
        Ref::Timer(x) => x.0,
        Ref::Ctx(x) => x.0,
    };
    set_field(v, i, Value::Int(i64::from(id) + 1));
    if let Value::Agg(o) = v {
        reach::register(o, r);
    }
    id
}

fn ok_or_block(r: ROp<()>) -> NRes {
    match r {
        ROp::Ready(()) => NRes::Ok,
        ROp::Blocked => NRes::Block(Pending::Unit),
        ROp::Panic(m) => NRes::Panic(m),
    }
}

fn s(v: &Value) -> &str {
    v.as_str()
}

fn strv(x: impl AsRef<str>) -> Value {
    Value::Str(Rc::from(x.as_ref()))
}

fn str_slice(items: Vec<String>) -> Value {
    let n = items.len() as u32;
    Value::Slice(Obj::new(items.into_iter().map(strv).collect()), 0, n)
}

pub(crate) fn slice_items(v: &Value) -> Vec<Value> {
    match v {
        Value::Slice(o, off, len) => o.borrow()[*off as usize..(*off + *len) as usize].to_vec(),
        _ => Vec::new(),
    }
}

/// An error value of type `*errors.errorString`.
pub(crate) fn new_error(t: &GoTask, msg: &str) -> Value {
    let ty = t.sh.prog.wk.error_string_ptr;
    Value::Iface(Rc::new((ty, Value::agg(vec![strv(msg)]))))
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

fn time_value(ns: i64) -> Value {
    Value::agg(vec![Value::Int(ns)])
}

/// The text Go prints after `panic: ` for a panic value.
pub(crate) fn panic_text(t: &GoTask, v: &Value) -> String {
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

/// Runs native `n` with `argc` arguments on the stack.
pub(crate) fn call(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, argc: usize) -> NRes {
    use Native as N;
    // Work inside a library call counts against the step budget in proportion to the bytes and
    // elements it reads and returns (issue 23: the step limit bounds work, not instructions).
    let depth = t.stack.len();
    let base = depth.saturating_sub(argc);
    let work_in: u64 = t.stack[base..].iter().map(native_work).sum();
    let r = call_inner(t, cx, n, argc);
    if matches!(r, NRes::Ok) {
        let work_out: u64 = t.stack[base.min(t.stack.len())..]
            .iter()
            .map(native_work)
            .sum();
        let mut units = (work_in + work_out) / WORK_BYTES_PER_STEP + extra_steps(n, work_in);
        if matches!(
            n,
            N::FmtSprint | N::FmtSprintf | N::FmtSprintln | N::FmtErrorf
        ) {
            // Formatting costs about a step per byte it writes.
            units += work_out;
        }
        t.charge(cx, units, "a library call");
    }
    r
}

/// Steps a library call costs beyond the bytes it reads and writes: sorting (about 4 steps an
/// element, `work_in` being 4 bytes an element) and what allocates runtime objects (timers,
/// printing), which cost as much as dozens of instructions.
fn extra_steps(n: Native, work_in: u64) -> u64 {
    use Native as N;
    match n {
        N::SortSlice => work_in,
        N::TimeAfter | N::TimeTick | N::TimeNewTimer | N::TimeNewTicker | N::TimeAfterFunc => 100,
        N::FmtPrintln | N::FmtPrint | N::FmtPrintf => 10,
        _ => 0,
    }
}

/// Bytes a library call reads or writes for `v`: a string's bytes, 4 per element of a slice.
fn native_work(v: &Value) -> u64 {
    match v {
        Value::Str(s) => s.len() as u64,
        Value::Slice(_, _, len) => u64::from(*len) * 4,
        _ => 0,
    }
}

/// Refuses a result of `bytes` bytes (and `slots` golite values) before memory is requested.
fn reserve(t: &mut GoTask, cx: &mut Cx<'_, Value>, bytes: u64, slots: u64) -> Result<(), NRes> {
    t.reserve(cx, bytes, slots).map_err(NRes::Limit)
}

fn call_inner(t: &mut GoTask, cx: &mut Cx<'_, Value>, n: Native, argc: usize) -> NRes {
    use Native as N;
    t.sync_rt(cx);
    let a = t.pop_n(argc);
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    macro_rules! push {
        ($v:expr) => {{
            let v = $v;
            t.stack.push(v);
        }};
    }
    match n {
        N::Nop => {}
        N::NilFuncCall => {
            return NRes::Panic(
                "runtime error: invalid memory address or nil pointer dereference".into(),
            );
        }
        N::Close => {
            if let Err(m) = cx.close(crate::golite::vm::chan_of(&arg(0))) {
                return NRes::Panic(m);
            }
        }
        N::PanicValue => {
            let v = arg(0);
            let m = panic_text(t, &v);
            t.start_panic(v, m);
            return NRes::Reload;
        }
        N::BuiltinPrint | N::BuiltinPrintln => {
            // The builtins write to stderr: println separates every operand with a space (print
            // never does), and neither calls String methods. Go 1.27 prints floats as %v does.
            let items = slice_items(&arg(0));
            let parts: Vec<String> = items
                .iter()
                .map(|v| fmt_value::sprint(t, std::slice::from_ref(v)))
                .collect();
            let text = if n == N::BuiltinPrintln {
                parts.join(" ") + "\n"
            } else {
                parts.concat()
            };
            cx.print_err(&text);
        }
        N::Clear => match arg(0) {
            Value::Map(m) => m.borrow_mut().entries.clear(),
            Value::Slice(o, off, len) => {
                let mut b = o.borrow_mut();
                for i in off..off + len {
                    let z = match &b[i as usize] {
                        Value::Int(_) => Value::Int(0),
                        Value::Float(_) => Value::Float(0.0),
                        Value::Bool(_) => Value::Bool(false),
                        Value::Str(_) => strv(""),
                        _ => Value::Nil,
                    };
                    b[i as usize] = z;
                }
            }
            _ => {}
        },
        N::OnceDo => {}
        N::OnceBegin => {
            let o = arg(0);
            let id = lazy_id(&o, 0, || Ref::Once(cx.once_new()));
            match cx.once_begin(crate::runtime::OnceId(id)) {
                ROp::Ready(b) => push!(Value::Bool(b)),
                ROp::Blocked => return NRes::Block(Pending::OnceFalse),
                ROp::Panic(m) => return NRes::Panic(m),
            }
        }
        N::OnceEnd => {
            let o = arg(0);
            let id = lazy_id(&o, 0, || Ref::Once(cx.once_new()));
            cx.once_end(crate::runtime::OnceId(id));
        }
        N::FmtPrintln | N::FmtPrint | N::FmtSprint | N::FmtSprintln => {
            let items = slice_items(&arg(0));
            let text = if matches!(n, N::FmtPrintln | N::FmtSprintln) {
                fmt_value::sprintln(t, &items)
            } else {
                fmt_value::sprint(t, &items)
            };
            match n {
                N::FmtPrintln | N::FmtPrint => {
                    cx.print(&text);
                    push!(Value::Int(text.len() as i64));
                    push!(Value::Nil);
                }
                _ => push!(strv(text)),
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
            match n {
                N::FmtPrintf => {
                    cx.print(&text);
                    push!(Value::Int(text.len() as i64));
                    push!(Value::Nil);
                }
                N::FmtSprintf => push!(strv(text)),
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
                        k => {
                            let errs = Value::Slice(Obj::new(wrapped), 0, k as u32);
                            Value::Iface(Rc::new((
                                t.sh.prog.wk.wrap_error_ptr,
                                Value::agg(vec![strv(&text), Value::Nil, errs]),
                            )))
                        }
                    };
                    push!(v);
                }
            }
        }
        N::ErrorsNew => push!(new_error(t, s(&arg(0)))),
        N::ErrorsJoin => {
            let errs: Vec<Value> = slice_items(&arg(0))
                .into_iter()
                .filter(|e| !e.is_nil())
                .collect();
            if errs.is_empty() {
                push!(Value::Nil);
            } else {
                let k = errs.len() as u32;
                let v = Value::agg(vec![Value::Slice(Obj::new(errs), 0, k)]);
                push!(Value::Iface(Rc::new((t.sh.prog.wk.join_error_ptr, v))));
            }
        }
        N::ErrorsIsStep => {
            let (e, target) = (arg(0), arg(1));
            let types = &t.sh.prog.types;
            push!(Value::Bool(crate::golite::vm::typed_equal(
                types,
                crate::golite::types::ids::ERROR,
                &e,
                &target
            )));
        }
        N::ErrsPush => {
            let mut ws = slice_items(&arg(0));
            ws.push(arg(1));
            push!(error_list(ws));
        }
        N::ErrsPushUnwrapped => {
            let mut ws = slice_items(&arg(0));
            match arg(1) {
                v @ Value::Slice(..) => ws.extend(slice_items(&v).into_iter().rev()),
                v => ws.push(v),
            }
            push!(error_list(ws));
        }
        N::ErrsPop => {
            let mut ws = slice_items(&arg(0));
            let e = ws.pop().unwrap_or_default();
            push!(error_list(ws));
            push!(e);
        }
        N::ErrsExpand => {
            let mut ws = slice_items(&arg(0));
            let children = golite_multi_error(t, &arg(1));
            let handled = children.is_some();
            ws.extend(children.unwrap_or_default().into_iter().rev());
            push!(error_list(ws));
            push!(Value::Bool(handled));
        }
        N::TimeSleep => return ok_or_block(cx.sleep(arg(0).as_int())),
        N::TimeAfter | N::TimeTick => {
            let d = arg(0).as_int();
            let (_, ch) = if n == N::TimeAfter {
                cx.new_timer(d)
            } else {
                cx.new_ticker(d.max(1))
            };
            push!(Value::Chan(ChanRef::made(ch)));
        }
        N::TimeNewTimer | N::TimeNewTicker => {
            let d = arg(0).as_int();
            if n == N::TimeNewTicker && d <= 0 {
                return NRes::Panic("non-positive interval for NewTicker".into());
            }
            let (id, ch) = if n == N::TimeNewTimer {
                cx.new_timer(d)
            } else {
                cx.new_ticker(d)
            };
            let timer = Obj::new(vec![
                Value::Chan(ChanRef::made(ch)),
                Value::Int(i64::from(id.0)),
            ]);
            reach::register(&timer, Ref::Timer(id));
            push!(Value::Agg(timer));
        }
        N::TimeAfterFunc => {
            let task = GoTask::new_call(t.sh.clone(), Callee::Value(arg(1)), Vec::new());
            let id = cx.after_func(arg(0).as_int(), Box::new(task));
            let timer = Obj::new(vec![Value::Nil, Value::Int(i64::from(id.0))]);
            reach::register(&timer, Ref::Timer(id));
            push!(Value::Agg(timer));
        }
        N::TimeNow => push!(time_value(cx.now())),
        N::TimeSince => push!(Value::Int(cx.now() - field0(&arg(0)))),
        N::TimeUntil => push!(Value::Int(field0(&arg(0)) - cx.now())),
        N::TimeSub => push!(Value::Int(field0(&arg(0)) - field0(&arg(1)))),
        N::TimeAdd => push!(time_value(field0(&arg(0)) + arg(1).as_int())),
        N::TimeBefore => push!(Value::Bool(field0(&arg(0)) < field0(&arg(1)))),
        N::TimeAfterM => push!(Value::Bool(field0(&arg(0)) > field0(&arg(1)))),
        N::TimeEqual => push!(Value::Bool(field0(&arg(0)) == field0(&arg(1)))),
        N::TimeUnixNano => push!(Value::Int(field0(&arg(0)))),
        N::TimeUnixMilli => push!(Value::Int(field0(&arg(0)) / 1_000_000)),
        N::TimeIsZero => push!(Value::Bool(field0(&arg(0)) == 0)),
        N::TimerStop | N::TickerStop => {
            let id = TimerId(get_field(&arg(0), 1).as_int() as u32);
            let r = cx.timer_stop(id);
            if n == N::TimerStop {
                push!(Value::Bool(r));
            }
        }
        N::TimerReset => {
            let id = TimerId(get_field(&arg(0), 1).as_int() as u32);
            push!(Value::Bool(cx.timer_reset(id, arg(1).as_int())));
        }
        N::TickerReset => {
            let d = arg(1).as_int();
            if d <= 0 {
                return NRes::Panic("non-positive interval for Ticker.Reset".into());
            }
            let id = TimerId(get_field(&arg(0), 1).as_int() as u32);
            cx.ticker_reset(id, d);
        }
        N::DurationString => push!(strv(duration_string(arg(0).as_int()))),
        N::DurationSeconds => push!(Value::Float(arg(0).as_int() as f64 / 1e9)),
        N::DurationMinutes => push!(Value::Float(arg(0).as_int() as f64 / 6e10)),
        N::DurationHours => push!(Value::Float(arg(0).as_int() as f64 / 3.6e12)),
        N::DurationMilliseconds => push!(Value::Int(arg(0).as_int() / 1_000_000)),
        N::DurationMicroseconds => push!(Value::Int(arg(0).as_int() / 1_000)),
        N::DurationNanoseconds => push!(Value::Int(arg(0).as_int())),
        N::SyncNewCond => {
            let l = arg(0);
            let inner = match &l {
                Value::Iface(b) => b.1.clone(),
                other => other.clone(),
            };
            let mid = lazy_id(&inner, 0, || Ref::Mutex(cx.mutex_new()));
            let cid = cx.cond_new(MutexId(mid));
            let cond = Obj::new(vec![l, Value::Int(i64::from(cid.0) + 1)]);
            reach::register(&cond, Ref::Cond(cid));
            push!(Value::Agg(cond));
        }
        N::CondWait => {
            let c = arg(0);
            let id = get_field(&c, 1).as_int() - 1;
            if id < 0 {
                return NRes::Panic("sync: Cond used without NewCond".into());
            }
            match cx.cond_wait(crate::runtime::CondId(id as u32)) {
                Ok(r) => return ok_or_block(r),
                Err(m) => return NRes::Fatal(m),
            }
        }
        N::CondSignal | N::CondBroadcast => {
            let id = get_field(&arg(0), 1).as_int() - 1;
            if id >= 0 {
                let c = crate::runtime::CondId(id as u32);
                if n == N::CondSignal {
                    cx.cond_signal(c);
                } else {
                    cx.cond_broadcast(c);
                }
            }
        }
        N::MutexLock => {
            let id = lazy_id(&arg(0), 0, || Ref::Mutex(cx.mutex_new()));
            return ok_or_block(cx.lock(MutexId(id)));
        }
        N::MutexUnlock => {
            let id = lazy_id(&arg(0), 0, || Ref::Mutex(cx.mutex_new()));
            if let Err(m) = cx.unlock(MutexId(id)) {
                return NRes::Fatal(m);
            }
        }
        N::MutexTryLock => {
            let id = lazy_id(&arg(0), 0, || Ref::Mutex(cx.mutex_new()));
            push!(Value::Bool(cx.try_lock(MutexId(id))));
        }
        N::RwLock | N::RwRLock => {
            let id = lazy_id(&arg(0), 0, || Ref::RwMutex(cx.rwmutex_new()));
            let r = if n == N::RwLock {
                cx.rw_lock(RwMutexId(id))
            } else {
                cx.rlock(RwMutexId(id))
            };
            return ok_or_block(r);
        }
        N::RwTryLock | N::RwTryRLock => {
            let id = RwMutexId(lazy_id(&arg(0), 0, || Ref::RwMutex(cx.rwmutex_new())));
            let got = if n == N::RwTryLock {
                cx.rw_try_lock(id)
            } else {
                cx.rw_try_rlock(id)
            };
            push!(Value::Bool(got));
        }
        N::RwUnlock | N::RwRUnlock => {
            let id = lazy_id(&arg(0), 0, || Ref::RwMutex(cx.rwmutex_new()));
            let r = if n == N::RwUnlock {
                cx.rw_unlock(RwMutexId(id))
            } else {
                cx.runlock(RwMutexId(id))
            };
            if let Err(m) = r {
                return NRes::Fatal(m);
            }
        }
        N::WgAdd | N::WgDone => {
            let id = lazy_id(&arg(0), 0, || Ref::WaitGroup(cx.waitgroup_new()));
            let d = if n == N::WgAdd { arg(1).as_int() } else { -1 };
            if let Err(m) = cx.wg_add(WgId(id), d) {
                return NRes::Panic(m);
            }
        }
        N::WgGoDone => {
            if let Some(p) = t.panicking.as_mut() {
                if !p.msg.ends_with(REPANICKED) {
                    p.msg.push_str(REPANICKED);
                }
            } else {
                let id = lazy_id(&arg(0), 0, || Ref::WaitGroup(cx.waitgroup_new()));
                if let Err(m) = cx.wg_add(WgId(id), -1) {
                    return NRes::Panic(m);
                }
            }
        }
        N::WgWait => {
            let id = lazy_id(&arg(0), 0, || Ref::WaitGroup(cx.waitgroup_new()));
            return ok_or_block(cx.wg_wait(WgId(id)));
        }
        N::WgGo => {
            let wg = arg(0);
            let id = lazy_id(&wg, 0, || Ref::WaitGroup(cx.waitgroup_new()));
            if let Err(m) = cx.wg_add(WgId(id), 1) {
                return NRes::Panic(m);
            }
            let mut task = GoTask::new_call(t.sh.clone(), Callee::Value(arg(1)), Vec::new());
            if let Some(f) = task.frames.first_mut() {
                f.defers.push(Deferred {
                    callee: Callee::Native(N::WgGoDone),
                    args: vec![wg],
                });
            }
            let line = t.current_line();
            cx.spawn(Box::new(task), "sync.(*WaitGroup).Go.func1", line);
        }
        N::AtomicAdd64 | N::AtomicAdd32 => {
            let p = arg(0);
            race_atomic(t, cx, &p, crate::runtime::AtomicOp::Rmw);
            let k = if n == N::AtomicAdd32 {
                crate::golite::types::IntKind::Int32
            } else {
                crate::golite::types::IntKind::Int64
            };
            let v = k.wrap(load_ptr(&p).as_int().wrapping_add(arg(1).as_int()));
            store_ptr(&p, Value::Int(v));
            push!(Value::Int(v));
        }
        N::AtomicLoad => {
            race_atomic(t, cx, &arg(0), crate::runtime::AtomicOp::Load);
            push!(load_ptr(&arg(0)))
        }
        N::AtomicStore => {
            race_atomic(t, cx, &arg(0), crate::runtime::AtomicOp::Store);
            store_ptr(&arg(0), arg(1))
        }
        N::AtomicSwap => {
            let p = arg(0);
            race_atomic(t, cx, &p, crate::runtime::AtomicOp::Rmw);
            let old = load_ptr(&p);
            store_ptr(&p, arg(1));
            push!(old);
        }
        N::AtomicCas => {
            let p = arg(0);
            let ok = load_ptr(&p).equals(&arg(1));
            let op = if ok {
                crate::runtime::AtomicOp::Rmw
            } else {
                crate::runtime::AtomicOp::CasFail
            };
            race_atomic(t, cx, &p, op);
            if ok {
                store_ptr(&p, arg(2));
            }
            push!(Value::Bool(ok));
        }
        N::CtxBackground | N::CtxTodo => {
            let id = cx.ctx_background();
            push!(ctx_value(t, id, None));
        }
        N::CtxWithCancel | N::CtxWithCancelCause => {
            let id = cx.ctx_with_cancel(ctx_of(&arg(0)));
            push!(ctx_value(t, id, cx.ctx_done(id)));
            let which = if n == N::CtxWithCancel {
                N::CtxCancel
            } else {
                N::CtxCancelCause
            };
            push!(native_func(which, vec![Value::Int(i64::from(id.0))]));
        }
        N::CtxWithTimeout | N::CtxWithDeadline => {
            let at = if n == N::CtxWithTimeout {
                cx.now().saturating_add(arg(1).as_int())
            } else {
                field0(&arg(1))
            };
            let id = cx.ctx_with_deadline(ctx_of(&arg(0)), at);
            push!(ctx_value(t, id, cx.ctx_done(id)));
            push!(native_func(N::CtxCancel, vec![Value::Int(i64::from(id.0))]));
        }
        N::CtxWithValue => {
            let id = cx.ctx_with_value(ctx_of(&arg(0)), arg(1), arg(2));
            push!(ctx_value(t, id, None));
        }
        N::CtxWithoutCancel => {
            let id = cx.ctx_without_cancel(ctx_of(&arg(0)));
            push!(ctx_value(t, id, None));
        }
        N::CtxCancel | N::CtxCancelCause => {
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
            push!(v);
        }
        N::CtxAfterFunc => {
            let task = GoTask::new_call(t.sh.clone(), Callee::Value(arg(1)), Vec::new());
            let id = cx.ctx_after_func(ctx_of(&arg(0)), Box::new(task));
            push!(native_func(
                N::CtxAfterFuncStop,
                vec![Value::Int(i64::from(id.0))]
            ));
        }
        N::CtxAfterFuncStop => {
            let id = t
                .native_closure
                .as_ref()
                .and_then(|c| c.captures.first())
                .map_or(0, Value::as_int);
            push!(Value::Bool(
                cx.ctx_after_func_stop(crate::runtime::AfterFuncId(id as u32))
            ));
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
            push!(v);
        }
        N::CtxErr => {
            let v = match cx.ctx_err(ctx_of(&arg(0))) {
                Some(e) => ctx_err_value(t, e),
                None => Value::Nil,
            };
            push!(v);
        }
        N::CtxValue => {
            let key = arg(1);
            let v = cx
                .ctx_value(ctx_of(&arg(0)), &|k: &Value| k.equals(&key))
                .unwrap_or(Value::Nil);
            push!(v);
        }
        N::CtxDeadline => match cx.ctx_deadline(ctx_of(&arg(0))) {
            Some(d) => {
                push!(time_value(d));
                push!(Value::Bool(true));
            }
            None => {
                push!(time_value(0));
                push!(Value::Bool(false));
            }
        },
        N::Sentinel(i) => push!(t.sh.sentinels.get(i as usize).cloned().unwrap_or_default()),
        N::ErrorStringError => push!(get_field(&arg(0), 0)),
        N::WrapErrorError => push!(get_field(&arg(0), 0)),
        N::WrapErrorUnwrap => push!(get_field(&arg(0), 1)),
        N::JoinErrorError => {
            let errs = slice_items(&get_field(&arg(0), 0));
            let parts: Vec<String> = errs
                .iter()
                .map(|e| fmt_value::error_text(t, e).unwrap_or_default())
                .collect();
            push!(strv(parts.join("\n")));
        }
        N::RuntimeErrorError => push!(arg(0)),
        N::DeadlineErrorError => push!(strv("context deadline exceeded")),
        N::RuntimeNumGoroutine => push!(Value::Int(cx.num_goroutine() as i64)),
        N::RuntimeGosched => return NRes::Yield,
        N::RuntimeNumCpu => push!(Value::Int(1)),
        N::StrContains => push!(Value::Bool(s(&arg(0)).contains(s(&arg(1))))),
        N::StrContainsRune => {
            let c = char::from_u32(arg(1).as_int() as u32).unwrap_or('\u{FFFD}');
            push!(Value::Bool(s(&arg(0)).contains(c)))
        }
        N::StrHasPrefix => push!(Value::Bool(s(&arg(0)).starts_with(s(&arg(1))))),
        N::StrHasSuffix => push!(Value::Bool(s(&arg(0)).ends_with(s(&arg(1))))),
        N::StrIndex => push!(Value::Int(
            s(&arg(0)).find(s(&arg(1))).map_or(-1, |i| i as i64)
        )),
        N::StrLastIndex => push!(Value::Int(
            s(&arg(0)).rfind(s(&arg(1))).map_or(-1, |i| i as i64)
        )),
        N::StrSplit => {
            let (x, sep) = (arg(0), arg(1));
            let pieces = if s(&sep).is_empty() {
                s(&x).len()
            } else {
                s(&x).matches(s(&sep)).count() + 1
            } as u64;
            if let Err(r) = reserve(t, cx, pieces * 16, pieces) {
                return r;
            }
            let parts: Vec<String> = if s(&sep).is_empty() {
                s(&x).chars().map(|c| c.to_string()).collect()
            } else {
                s(&x).split(s(&sep)).map(str::to_string).collect()
            };
            push!(str_slice(parts));
        }
        N::StrSplitN => {
            let (x, sep, k) = (arg(0), arg(1), arg(2).as_int());
            let parts: Vec<String> = if k == 0 {
                Vec::new()
            } else if k < 0 {
                s(&x).split(s(&sep)).map(str::to_string).collect()
            } else {
                s(&x)
                    .splitn(k as usize, s(&sep))
                    .map(str::to_string)
                    .collect()
            };
            push!(str_slice(parts));
        }
        N::StrFields => push!(str_slice(
            s(&arg(0)).split_whitespace().map(str::to_string).collect()
        )),
        N::StrJoin => {
            let items: Vec<String> = slice_items(&arg(0))
                .iter()
                .map(|v| v.as_str().to_string())
                .collect();
            push!(strv(items.join(s(&arg(1)))));
        }
        N::StrRepeat => {
            let k = arg(1).as_int();
            if k < 0 {
                return NRes::Panic("strings: negative Repeat count".into());
            }
            let x = arg(0);
            let Some(len) = (s(&x).len() as u64)
                .checked_mul(k as u64)
                .filter(|&l| l <= i64::MAX as u64)
            else {
                return NRes::Panic("strings: Repeat output length overflow".into());
            };
            if let Err(r) = reserve(t, cx, len, 0) {
                return r;
            }
            push!(strv(s(&x).repeat(k as usize)));
        }
        N::StrToUpper => push!(strv(s(&arg(0)).to_uppercase())),
        N::StrToLower => push!(strv(s(&arg(0)).to_lowercase())),
        N::StrTrimSpace => push!(strv(s(&arg(0)).trim())),
        N::StrTrim | N::StrTrimLeft | N::StrTrimRight => {
            let set: Vec<char> = s(&arg(1)).chars().collect();
            let x = arg(0);
            let r = match n {
                N::StrTrim => s(&x).trim_matches(|c| set.contains(&c)),
                N::StrTrimLeft => s(&x).trim_start_matches(|c| set.contains(&c)),
                _ => s(&x).trim_end_matches(|c| set.contains(&c)),
            };
            push!(strv(r));
        }
        N::StrTrimPrefix => {
            let x = arg(0);
            push!(strv(s(&x).strip_prefix(s(&arg(1))).unwrap_or(s(&x))));
        }
        N::StrTrimSuffix => {
            let x = arg(0);
            push!(strv(s(&x).strip_suffix(s(&arg(1))).unwrap_or(s(&x))));
        }
        N::StrReplace => {
            let k = arg(3).as_int();
            let (x, old, new) = (arg(0), arg(1), arg(2));
            let hits = if s(&old).is_empty() {
                s(&x).chars().count() + 1
            } else {
                s(&x).matches(s(&old)).count()
            } as u64;
            let hits = if k < 0 { hits } else { hits.min(k as u64) };
            let len =
                (s(&x).len() as u64).saturating_add(hits.saturating_mul(s(&new).len() as u64));
            if let Err(r) = reserve(t, cx, len, 0) {
                return r;
            }
            let r = if k < 0 {
                s(&arg(0)).replace(s(&arg(1)), s(&arg(2)))
            } else {
                s(&arg(0)).replacen(s(&arg(1)), s(&arg(2)), k as usize)
            };
            push!(strv(r));
        }
        N::StrReplaceAll => {
            let (x, old, new) = (arg(0), arg(1), arg(2));
            let hits = if s(&old).is_empty() {
                s(&x).chars().count() + 1
            } else {
                s(&x).matches(s(&old)).count()
            } as u64;
            let len =
                (s(&x).len() as u64).saturating_add(hits.saturating_mul(s(&new).len() as u64));
            if let Err(r) = reserve(t, cx, len, 0) {
                return r;
            }
            push!(strv(s(&x).replace(s(&old), s(&new))));
        }
        N::StrCount => {
            let (x, sub) = (arg(0), arg(1));
            let c = if s(&sub).is_empty() {
                s(&x).chars().count() + 1
            } else {
                s(&x).matches(s(&sub)).count()
            };
            push!(Value::Int(c as i64));
        }
        N::StrEqualFold => push!(Value::Bool(
            s(&arg(0)).to_lowercase() == s(&arg(1)).to_lowercase()
        )),
        N::StrTitle => {
            let mut out = String::new();
            let mut prev = ' ';
            for c in s(&arg(0)).chars() {
                if prev.is_whitespace() {
                    out.extend(c.to_uppercase());
                } else {
                    out.push(c);
                }
                prev = c;
            }
            push!(strv(out));
        }
        N::StrconvItoa => push!(strv(arg(0).as_int().to_string())),
        N::StrconvFormatInt => push!(strv(format_int(arg(0).as_int(), arg(1).as_int() as u32))),
        N::StrconvFormatBool => push!(strv(if arg(0).as_bool() { "true" } else { "false" })),
        N::StrconvQuote => push!(strv(crate::golite::fmt::format::quote(s(&arg(0))))),
        N::StrconvFormatFloat => {
            let f = arg(0).as_float();
            let verb = arg(1).as_int() as u8 as char;
            let prec = arg(2).as_int();
            if let Err(r) = reserve(t, cx, prec.max(0) as u64, 0) {
                return r;
            }
            let prec = i32::try_from(prec.max(-1)).unwrap_or(i32::MAX);
            push!(strv(crate::golite::fmt::format::format_float(
                f, verb, prec, 64
            )));
        }
        N::StrconvAtoi | N::StrconvParseInt => {
            let x = arg(0);
            let (fname, base, bits) = if n == N::StrconvAtoi {
                ("Atoi", 10, 0)
            } else {
                ("ParseInt", arg(1).as_int(), arg(2).as_int())
            };
            match super::strconv::parse_int(s(&x), base, bits) {
                Ok(v) => {
                    push!(Value::Int(v));
                    push!(Value::Nil);
                }
                Err((v, e)) => {
                    push!(Value::Int(v));
                    push!(new_error(t, &e.message(fname, s(&x))));
                }
            }
        }
        N::StrconvParseFloat => {
            let x = arg(0);
            match s(&x).parse::<f64>() {
                Ok(v) => {
                    push!(Value::Float(v));
                    push!(Value::Nil);
                }
                Err(_) => {
                    push!(Value::Float(0.0));
                    push!(new_error(
                        t,
                        &format!(
                            "strconv.ParseFloat: parsing {}: invalid syntax",
                            crate::golite::fmt::format::quote(s(&x))
                        )
                    ));
                }
            }
        }
        N::StrconvParseBool => {
            let x = arg(0);
            match s(&x) {
                "1" | "t" | "T" | "true" | "TRUE" | "True" => {
                    push!(Value::Bool(true));
                    push!(Value::Nil);
                }
                "0" | "f" | "F" | "false" | "FALSE" | "False" => {
                    push!(Value::Bool(false));
                    push!(Value::Nil);
                }
                _ => {
                    push!(Value::Bool(false));
                    push!(new_error(
                        t,
                        &format!(
                            "strconv.ParseBool: parsing {}: invalid syntax",
                            crate::golite::fmt::format::quote(s(&x))
                        )
                    ));
                }
            }
        }
        N::SortSlice => {
            if let Value::Slice(o, off, len) = arg(0) {
                let mut b = o.borrow_mut();
                let w = &mut b[off as usize..(off + len) as usize];
                w.sort_by(|x, y| match (x, y) {
                    (Value::Int(a), Value::Int(b)) => a.cmp(b),
                    (Value::Float(a), Value::Float(b)) => {
                        a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal)
                    }
                    (Value::Str(a), Value::Str(b)) => a.cmp(b),
                    _ => std::cmp::Ordering::Equal,
                });
            }
        }
        N::SlicesReverse => {
            if let Value::Slice(o, off, len) = arg(0) {
                o.borrow_mut()[off as usize..(off + len) as usize].reverse();
            }
        }
        N::SlicesIndex => {
            let items = slice_items(&arg(0));
            let x = arg(1);
            push!(Value::Int(
                items
                    .iter()
                    .position(|v| v.equals(&x))
                    .map_or(-1, |i| i as i64)
            ));
        }
        N::SlicesMax | N::SlicesMin => {
            let items = slice_items(&arg(0));
            if items.is_empty() {
                return NRes::Panic(format!(
                    "slices.{}: empty list",
                    if n == N::SlicesMax { "Max" } else { "Min" }
                ));
            }
            let mut best = items[0].clone();
            for v in items.into_iter().skip(1) {
                let gt = match (&v, &best) {
                    (Value::Int(a), Value::Int(b)) => a > b,
                    (Value::Float(a), Value::Float(b)) => a > b,
                    (Value::Str(a), Value::Str(b)) => a > b,
                    _ => false,
                };
                let lt = match (&v, &best) {
                    (Value::Int(a), Value::Int(b)) => a < b,
                    (Value::Float(a), Value::Float(b)) => a < b,
                    (Value::Str(a), Value::Str(b)) => a < b,
                    _ => false,
                };
                if (n == N::SlicesMax && gt) || (n == N::SlicesMin && lt) {
                    best = v;
                }
            }
            push!(best);
        }
        N::RandIntn => {
            let k = arg(0).as_int();
            if k <= 0 {
                return NRes::Panic("invalid argument to Intn".into());
            }
            push!(Value::Int(cx.rand_intn(k)));
        }
        N::RandInt => push!(Value::Int((cx.rand_u64() >> 1) as i64)),
        N::RandFloat64 => push!(Value::Float(
            (cx.rand_u64() >> 11) as f64 / (1u64 << 53) as f64
        )),
        N::RandPerm => {
            let k = arg(0).as_int();
            if k < 0 {
                return NRes::Panic("runtime error: makeslice: len out of range".into());
            }
            if let Err(r) = reserve(t, cx, (k as u64).saturating_mul(8), k as u64) {
                return r;
            }
            let mut v: Vec<i64> = (0..k).collect();
            for i in (1..v.len()).rev() {
                let j = cx.rand_intn(i as i64 + 1) as usize;
                v.swap(i, j);
            }
            let len = v.len() as u32;
            push!(Value::Slice(
                Obj::new(v.into_iter().map(Value::Int).collect()),
                0,
                len
            ));
        }
        N::MathSqrt => push!(Value::Float(arg(0).as_float().sqrt())),
        N::MathAbs => push!(Value::Float(arg(0).as_float().abs())),
        N::MathFloor => push!(Value::Float(arg(0).as_float().floor())),
        N::MathCeil => push!(Value::Float(arg(0).as_float().ceil())),
        N::MathPow => push!(Value::Float(arg(0).as_float().powf(arg(1).as_float()))),
        N::MathMax => push!(Value::Float(go_max(arg(0).as_float(), arg(1).as_float()))),
        N::MathMin => push!(Value::Float(-go_max(
            -arg(0).as_float(),
            -arg(1).as_float()
        ))),
        N::OsExit => {
            // The process ends now: no deferred call runs, no goroutine is waited for.
            cx.exit(arg(0).as_int() as i32);
            t.frames.clear();
            t.stack.clear();
            return NRes::Reload;
        }
        N::UnicodeIsUpper => push!(Value::Bool(
            char::from_u32(arg(0).as_int() as u32).is_some_and(char::is_uppercase)
        )),
        N::UnicodeIsDigit => push!(Value::Bool(
            char::from_u32(arg(0).as_int() as u32).is_some_and(|c| c.is_ascii_digit())
        )),
        N::UnicodeToUpper => push!(Value::Int(
            char::from_u32(arg(0).as_int() as u32)
                .and_then(|c| c.to_uppercase().next())
                .map_or(0, |c| i64::from(c as u32))
        )),
        N::BuilderWriteString | N::BuilderWriteByte | N::BuilderWriteRune => {
            let b = arg(0);
            let add = match n {
                N::BuilderWriteString => s(&arg(1)).to_string(),
                N::BuilderWriteByte => (arg(1).as_int() as u8 as char).to_string(),
                _ => char::from_u32(arg(1).as_int() as u32)
                    .unwrap_or('\u{FFFD}')
                    .to_string(),
            };
            let cur = get_field(&b, 0);
            // golite's Builder copies its string on every write: count that work.
            let len = (cur.as_str().len() + add.len()) as u64;
            if let Err(r) = reserve(t, cx, len, 0) {
                return r;
            }
            t.charge(cx, len / WORK_BYTES_PER_STEP, "strings.Builder");
            let mut st = cur.as_str().to_string();
            st.push_str(&add);
            set_field(&b, 0, strv(st));
            if n != N::BuilderWriteByte {
                push!(Value::Int(add.len() as i64));
            }
            push!(Value::Nil);
        }
        N::BuilderString => push!(match get_field(&arg(0), 0) {
            Value::Str(x) => Value::Str(x),
            _ => strv(""),
        }),
        N::BuilderLen => push!(Value::Int(get_field(&arg(0), 0).as_str().len() as i64)),
        N::BuilderReset => set_field(&arg(0), 0, strv("")),
        N::StrCompare => push!(Value::Int(match s(&arg(0)).cmp(s(&arg(1))) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        })),
        N::SortSearch | N::SlicesBinarySearch => {
            let items = slice_items(&arg(0));
            let x = arg(1);
            let less = |a: &Value, b: &Value| match (a, b) {
                (Value::Str(p), Value::Str(q)) => p < q,
                (Value::Float(p), Value::Float(q)) => p < q,
                _ => a.as_int() < b.as_int(),
            };
            let i = items.partition_point(|v| less(v, &x));
            push!(Value::Int(i as i64));
            if n == N::SlicesBinarySearch {
                push!(Value::Bool(items.get(i).is_some_and(|v| v.equals(&x))));
            }
        }
        N::CtxWithTimeoutCause | N::CtxWithDeadlineCause => {
            let at = if n == N::CtxWithTimeoutCause {
                cx.now().saturating_add(arg(1).as_int())
            } else {
                field0(&arg(1))
            };
            let id = cx.ctx_with_deadline(ctx_of(&arg(0)), at);
            t.sh.timeout_causes.borrow_mut().insert(id.0, arg(2));
            push!(ctx_value(t, id, cx.ctx_done(id)));
            push!(native_func(N::CtxCancel, vec![Value::Int(i64::from(id.0))]));
        }
        N::SlicesClone => {
            let v = arg(0);
            match &v {
                Value::Slice(..) => {
                    let items = slice_items(&v);
                    let k = items.len() as u32;
                    push!(Value::Slice(Obj::new(items), 0, k));
                }
                _ => push!(Value::Nil),
            }
        }
        N::SlicesCompact => {
            let v = arg(0);
            if let Value::Slice(o, off, len) = &v {
                let items = slice_items(&v);
                let mut out: Vec<Value> = Vec::new();
                for x in items {
                    if !out.last().is_some_and(|l| l.equals(&x)) {
                        out.push(x);
                    }
                }
                let k = out.len();
                let mut b = o.borrow_mut();
                for (i, x) in out.into_iter().enumerate() {
                    b[*off as usize + i] = x;
                }
                drop(b);
                let _ = len;
                push!(Value::Slice(o.clone(), *off, k as u32));
            } else {
                push!(v);
            }
        }
        N::SlicesEqual => {
            let (x, y) = (slice_items(&arg(0)), slice_items(&arg(1)));
            push!(Value::Bool(
                x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| p.equals(q))
            ));
        }
        N::SlicesInsert => {
            let mut items = slice_items(&arg(0));
            let i = arg(1).as_int();
            if i < 0 || i as usize > items.len() {
                return NRes::Panic(format!(
                    "runtime error: slice bounds out of range [{i}:{}]",
                    items.len()
                ));
            }
            let add = slice_items(&arg(2));
            let tail = items.split_off(i as usize);
            items.extend(add);
            items.extend(tail);
            let k = items.len() as u32;
            push!(Value::Slice(Obj::new(items), 0, k));
        }
        N::SlicesDelete => {
            let v = arg(0);
            let (i, j) = (arg(1).as_int(), arg(2).as_int());
            let items = slice_items(&v);
            if i < 0 || j < i || j as usize > items.len() {
                return NRes::Panic(format!(
                    "runtime error: slice bounds out of range [{i}:{j}]"
                ));
            }
            if let Value::Slice(o, off, len) = &v {
                let mut out = items.clone();
                out.drain(i as usize..j as usize);
                let k = out.len();
                let mut b = o.borrow_mut();
                for (x, val) in out.into_iter().enumerate() {
                    b[*off as usize + x] = val;
                }
                // Go 1.22 zeroes the tail.
                for x in k..*len as usize {
                    let z = match &b[*off as usize + x] {
                        Value::Int(_) => Value::Int(0),
                        Value::Str(_) => strv(""),
                        Value::Float(_) => Value::Float(0.0),
                        Value::Bool(_) => Value::Bool(false),
                        _ => Value::Nil,
                    };
                    b[*off as usize + x] = z;
                }
                drop(b);
                push!(Value::Slice(o.clone(), *off, k as u32));
            } else {
                push!(v);
            }
        }
        N::FmtFprint | N::FmtFprintln | N::FmtFprintf => {
            let w = arg(0);
            let text = if n == N::FmtFprintf {
                fmt_value::sprintf(t, s(&arg(1)), &slice_items(&arg(2)))
            } else if n == N::FmtFprintln {
                fmt_value::sprintln(t, &slice_items(&arg(1)))
            } else {
                fmt_value::sprint(t, &slice_items(&arg(1)))
            };
            super::more::write_to(cx, &w, &text);
            push!(Value::Int(text.len() as i64));
            push!(Value::Nil);
        }
        _ => {
            if let Some(r) = super::more::call(t, cx, n, &a) {
                return r;
            }
        }
    }
    NRes::Ok
}

fn format_int(v: i64, base: u32) -> String {
    if !(2..=36).contains(&base) {
        return v.to_string();
    }
    let neg = v < 0;
    let mut u = v.unsigned_abs();
    if u == 0 {
        return "0".into();
    }
    let mut digits = Vec::new();
    while u > 0 {
        let d = (u % u64::from(base)) as u32;
        digits.push(std::char::from_digit(d, base).unwrap_or('?'));
        u /= u64::from(base);
    }
    if neg {
        digits.push('-');
    }
    digits.iter().rev().collect()
}

/// Go's math.Max: +Inf wins, then NaN, and +0 over -0 (math.Min is -Max(-x, -y)).
fn go_max(x: f64, y: f64) -> f64 {
    if x == f64::INFINITY || y == f64::INFINITY {
        f64::INFINITY
    } else if x.is_nan() || y.is_nan() {
        f64::NAN
    } else if x == 0.0 && y == 0.0 {
        if x.is_sign_negative() { y } else { x }
    } else if x > y {
        x
    } else {
        y
    }
}

/// Reads through a pointer (`*int64`, `&c.n`, or an atomic.X struct's value field).
/// A `sync/atomic` operation for the race detector (nothing when it is off).
fn race_atomic(t: &GoTask, cx: &mut Cx<'_, Value>, p: &Value, op: crate::runtime::AtomicOp) {
    if cx.race_enabled() {
        let site = t.user_site();
        t.sh.race_pins.atomic(cx, site, p, op);
    }
}

pub(crate) fn load_ptr(p: &Value) -> Value {
    match p {
        Value::Cell(c) => c.borrow().clone(),
        Value::Elem(o, i) => o.borrow().get(*i as usize).cloned().unwrap_or_default(),
        Value::Agg(o) => o.borrow().first().cloned().unwrap_or_default(),
        _ => Value::Nil,
    }
}

pub(crate) fn store_ptr(p: &Value, v: Value) {
    match p {
        Value::Cell(c) => *c.borrow_mut() = v,
        Value::Elem(o, i) => {
            if let Some(s) = o.borrow_mut().get_mut(*i as usize) {
                *s = v;
            }
        }
        Value::Agg(o) => {
            if let Some(s) = o.borrow_mut().first_mut() {
                *s = v;
            }
        }
        _ => {}
    }
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
    if b.0 == wk.wrap_error_ptr {
        // One %w makes Go's wrapError (Unwrap() error), several its wrapErrors.
        let errs = slice_items(&get_field(&b.1, 2));
        if errs.len() > 1 {
            return Some(errs);
        }
    }
    None
}

/// A work list of errors as a slice value (not on the modeled heap: Go's walk allocates none).
fn error_list(items: Vec<Value>) -> Value {
    let n = items.len() as u32;
    Value::Slice(Obj::new(items), 0, n)
}

/// Channel id helper for natives.
#[allow(dead_code)]
fn chan(v: &Value) -> Option<ChanId> {
    crate::golite::vm::chan_of(v)
}
