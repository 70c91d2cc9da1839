//! Scripted goroutines for the runtime's tests: a task is a list of [`S`] steps, and what each
//! blocking step observed is appended to a shared log as `"t=<ns> g<id> <what>"`, so tests can
//! assert the exact interleaving, values and virtual times.
#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;

use lessons::runtime::{
    AccessKind, AfterFuncId, AllocId, AllocKind, AtomicOp, Cause, ChanId, CondId, Config, ConnId,
    CtxId, Cx, Link, ListenerId, Loc, Marker, MutexId, NetError, OnceId, Op, Outcome, RaceReport,
    ReadResult, Ref, RunReport, Runtime, RwMutexId, SelectCase, Selected, Site, Task, TimerId,
    Value, Wake, WgId, Yield,
};

/// The test value type: plain integers; a timer delivers the time it fired.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct V(pub i64);

impl Value for V {
    fn time(now_ns: i64) -> Self {
        V(now_ns)
    }
    fn unit() -> Self {
        V(0)
    }

    /// `V(1000 + n)` stands for channel `n` held as a value (reachability tests).
    fn trace(&self, m: &mut Marker) {
        if self.0 >= 1000 {
            m.refer(Ref::Chan(ChanId((self.0 - 1000) as u32)));
        }
    }
}

thread_local! {
    /// What the program's globals hold ([`S::Global`]), for reachability tests.
    static GLOBALS: RefCell<Vec<Ref>> = const { RefCell::new(Vec::new()) };
}

/// Shared log of observations.
pub type Log = Rc<RefCell<Vec<String>>>;

/// Channels are numbered in creation order, so `c(0)` is the first `MakeChan`.
pub fn c(n: u32) -> Option<ChanId> {
    Some(ChanId(n))
}

/// One step of a script.
#[derive(Clone, Debug)]
pub enum S {
    Line(u32),
    MakeChan(usize),
    Send(Option<ChanId>, i64),
    Recv(Option<ChanId>),
    Close(Option<ChanId>),
    Len(ChanId),
    Select(Vec<SelectCase<V>>, bool),
    Sleep(i64),
    Go(&'static str, u32, Vec<S>),
    Print(&'static str),
    Log(&'static str),
    Gosched,
    Work(u64),
    Panic(&'static str),
    Now,
    NumGoroutine,
    NewTimer(i64),
    NewTicker(i64),
    TimerStop(u32),
    TimerReset(u32, i64),
    MutexNew,
    Lock(u32),
    Unlock(u32),
    RwNew,
    RLock(u32),
    RUnlock(u32),
    WLock(u32),
    WUnlock(u32),
    WgNew,
    WgAdd(u32, i64),
    WgWait(u32),
    CondNew(u32),
    CondWait(u32),
    Signal(u32),
    Broadcast(u32),
    Loop(u32, Vec<S>),
    AfterFunc(i64, Vec<S>),
    CtxBackground,
    CtxWithCancel(u32),
    CtxWithTimeout(u32, i64),
    CtxWithValue(u32, i64, i64),
    CtxWithoutCancel(u32),
    CtxCancel(u32),
    CtxCancelCause(u32, i64),
    /// Logs `err <text>`, `cause <...>`, `deadline <...>` and `done <chan or nil>`.
    CtxInfo(u32),
    CtxValue(u32, i64),
    /// Receives on the context's Done channel (nil channel for Background).
    CtxWait(u32),
    CtxAfterFunc(u32, Vec<S>),
    CtxAfterFuncStop(u32),
    Alloc(u64),
    Free(u32),
    OnceNew,
    /// once.Do(body) where body is a list of logs/sleeps run inline (sleeps not supported).
    OnceDo(u32, &'static str),
    Exit,
    Fatal(&'static str),
    TickerReset(u32, i64),
    OnceBegin(u32),
    OnceEnd(u32),
    RwTryLock(u32),
    RwTryRLock(u32),
    CtxWithTimeoutCause(u32, i64, i64),
    /// A plain read / write of variable `n` (race detector), at the current line.
    Read(u32),
    Write(u32),
    /// An atomic operation on variable `n`.
    Atomic(u32, AtomicOp),
    /// The goroutine holds a reference to this object until it exits (reachability tests).
    Hold(Ref),
    /// A global variable refers to this object from now on (reachability tests).
    Global(Ref),
    /// `net.Listen`: logs `listen <id> <addr>` or `listen error <text>`.
    NetListen(&'static str),
    /// `Accept` on a listener, waiting in `IO wait`: logs `accepted <conn>` or `accept closed`.
    NetAccept(u32),
    /// `Dial`: logs `dial <conn>` or `dial <error>`.
    NetDial(&'static str),
    /// A read of up to N bytes, waiting in `IO wait`: logs `read <text>`, `eof`, `timeout`
    /// or `closed`.
    NetRead(u32, usize),
    /// A write: logs only errors (`write timeout`, `write closed`).
    NetWrite(u32, &'static str),
    /// Close of a connection end: logs only errors.
    NetClose(u32),
    /// Close of a listener.
    NetCloseListener(u32),
    /// Sets the read deadline to an absolute virtual time (`None` clears it).
    NetReadDeadline(u32, Option<i64>),
    /// Sets the write deadline to an absolute virtual time.
    NetWriteDeadline(u32, Option<i64>),
    /// Marks a connection end idle (true) or active.
    NetIdle(u32, bool),
    /// Waits in `IO wait` until the dialed end's handshake completes: logs `connected <conn>`.
    NetConnect(u32),
}

/// Whether `op` is a network operation, retried after its wake (the netpoller's loop).
fn is_net_wait(op: &S) -> bool {
    matches!(op, S::NetAccept(_) | S::NetRead(..) | S::NetConnect(_))
}

/// The runtime objects an op of a script refers to: what a goroutine still has ahead of it is
/// what its stack holds (reachability tests).
fn op_refs(op: &S, out: &mut Vec<Ref>) {
    let chan = |c: &Option<ChanId>, out: &mut Vec<Ref>| {
        if let Some(c) = c {
            out.push(Ref::Chan(*c));
        }
    };
    match op {
        S::Send(c, v) => {
            chan(c, out);
            if *v >= 1000 {
                out.push(Ref::Chan(ChanId((*v - 1000) as u32)));
            }
        }
        S::Recv(c) | S::Close(c) => chan(c, out),
        S::Select(cases, _) => {
            for case in cases {
                match case {
                    SelectCase::Send(c, _) | SelectCase::Recv(c) => chan(c, out),
                }
            }
        }
        S::Go(_, _, body) | S::AfterFunc(_, body) | S::Loop(_, body) => {
            body.iter().for_each(|o| op_refs(o, out))
        }
        S::Lock(m) | S::Unlock(m) => out.push(Ref::Mutex(MutexId(*m))),
        S::RLock(m) | S::RUnlock(m) | S::WLock(m) | S::WUnlock(m) => {
            out.push(Ref::RwMutex(RwMutexId(*m)))
        }
        S::WgAdd(w, _) | S::WgWait(w) => out.push(Ref::WaitGroup(WgId(*w))),
        S::CondWait(c) | S::Signal(c) | S::Broadcast(c) => out.push(Ref::Cond(CondId(*c))),
        S::CtxCancel(c) | S::CtxWait(c) | S::CtxCancelCause(c, _) => out.push(Ref::Ctx(CtxId(*c))),
        S::CtxAfterFunc(c, body) => {
            out.push(Ref::Ctx(CtxId(*c)));
            body.iter().for_each(|o| op_refs(o, out))
        }
        S::TimerStop(t) | S::TimerReset(t, _) | S::TickerReset(t, _) => {
            out.push(Ref::Timer(TimerId(*t)))
        }
        S::OnceDo(o, _) | S::OnceBegin(o) | S::OnceEnd(o) => out.push(Ref::Once(OnceId(*o))),
        S::Hold(r) => out.push(*r),
        S::NetRead(c, _)
        | S::NetWrite(c, _)
        | S::NetClose(c)
        | S::NetReadDeadline(c, _)
        | S::NetWriteDeadline(c, _)
        | S::NetIdle(c, _)
        | S::NetConnect(c) => out.push(Ref::Conn(ConnId(*c))),
        S::NetAccept(l) | S::NetCloseListener(l) => out.push(Ref::Listener(ListenerId(*l))),
        _ => {}
    }
}

/// A goroutine running a script.
pub struct Script {
    ops: Vec<S>,
    pc: usize,
    log: Log,
    /// Steps left in the current `Work` op (it yields whenever its slice runs out).
    work_left: Option<u64>,
    /// Objects held since a `Hold` op.
    held: Vec<Ref>,
}

impl Script {
    pub fn boxed(ops: Vec<S>, log: &Log) -> Box<dyn Task<V>> {
        Box::new(Script {
            ops: expand(ops),
            pc: 0,
            log: log.clone(),
            work_left: None,
            held: Vec::new(),
        })
    }

    fn note(&self, cx: &Cx<'_, V>, what: String) {
        self.log
            .borrow_mut()
            .push(format!("t={} g{} {}", cx.now(), cx.gid().0, what));
    }

    fn after_wake(&self, cx: &Cx<'_, V>, w: Wake<V>) -> Result<(), String> {
        match (&self.ops[self.pc], w) {
            (_, Wake::SendOnClosed) => return Err("send on closed channel".to_string()),
            (S::Recv(_), Wake::Received { value, ok }) => {
                self.note(cx, format!("recv {} {}", value.0, ok))
            }
            (S::Send(..), Wake::Sent) => self.note(cx, "sent".to_string()),
            (S::Select(..), Wake::Selected { case, value, ok }) => {
                self.note(cx, sel_text(Some(case), value, ok))
            }
            (S::Sleep(_), Wake::Done) => self.note(cx, "woke".to_string()),
            (S::Lock(_) | S::RLock(_) | S::WLock(_), Wake::Done) => {
                self.note(cx, "locked".to_string())
            }
            (S::WgWait(_), Wake::Done) => self.note(cx, "waited".to_string()),
            (S::CondWait(_), Wake::Done) => self.note(cx, "signalled".to_string()),
            (S::CtxWait(_), Wake::Received { value, ok }) => {
                self.note(cx, format!("done {} {}", value.0, ok))
            }
            (S::OnceDo(..) | S::OnceBegin(_), Wake::Done) => {
                self.note(cx, "once waited".to_string())
            }
            (op, w) => self.note(cx, format!("unexpected wake {w:?} at {op:?}")),
        }
        Ok(())
    }
}

fn sel_text(case: Option<usize>, value: Option<V>, ok: bool) -> String {
    match (case, value) {
        (None, _) => "select default".to_string(),
        (Some(i), Some(v)) => format!("select {i} {} {ok}", v.0),
        (Some(i), None) => format!("select {i} sent"),
    }
}

/// Unrolls `Loop`s.
fn expand(ops: Vec<S>) -> Vec<S> {
    let mut out = Vec::new();
    for op in ops {
        match op {
            S::Loop(n, body) => {
                let body = expand(body);
                for _ in 0..n {
                    out.extend(body.iter().cloned());
                }
            }
            op => out.push(op),
        }
    }
    out
}

impl Task<V> for Script {
    fn fresh(&self) -> Option<Box<dyn Task<V>>> {
        Some(Box::new(Script {
            ops: self.ops.clone(),
            pc: 0,
            log: self.log.clone(),
            work_left: None,
            held: Vec::new(),
        }))
    }

    fn trace(&self, m: &mut Marker) {
        let mut refs = self.held.clone();
        self.ops[self.pc.min(self.ops.len())..]
            .iter()
            .for_each(|op| op_refs(op, &mut refs));
        refs.into_iter().for_each(|r| m.refer(r));
    }

    fn trace_globals(&self, m: &mut Marker) {
        GLOBALS.with(|g| g.borrow().iter().for_each(|r| m.refer(*r)));
    }

    fn resume(&mut self, cx: &mut Cx<'_, V>) -> Yield {
        if let Some(w) = cx.take_wake() {
            // Woken by the network: the operation is tried again (the netpoller's loop).
            if !self.ops.get(self.pc).is_some_and(is_net_wait) {
                if let Err(m) = self.after_wake(cx, w) {
                    return Yield::Panic(m);
                }
                self.pc += 1;
            }
        }
        while self.pc < self.ops.len() {
            let op = self.ops[self.pc].clone();
            if !cx.step(1) {
                return Yield::Yielded;
            }
            macro_rules! block {
                ($e:expr, $ok:expr) => {
                    match $e {
                        Op::Ready(x) => {
                            #[allow(clippy::redundant_closure_call)]
                            let text: String = ($ok)(x);
                            self.note(cx, text);
                        }
                        Op::Blocked => return Yield::Blocked,
                        Op::Panic(m) => return Yield::Panic(m),
                    }
                };
            }
            match op {
                S::Line(l) => cx.set_line(l),
                S::MakeChan(cap) => {
                    cx.make_chan(cap, 8, V(0));
                }
                S::Send(ch, v) => block!(cx.send(ch, V(v)), |_| "sent".to_string()),
                S::Recv(ch) => {
                    block!(cx.recv(ch), |(v, ok): (V, bool)| format!(
                        "recv {} {ok}",
                        v.0
                    ))
                }
                S::Close(ch) => {
                    if let Err(m) = cx.close(ch) {
                        return Yield::Panic(m);
                    }
                }
                S::Len(ch) => {
                    let t = format!("len {} cap {}", cx.chan_len(ch), cx.chan_cap(ch));
                    self.note(cx, t)
                }
                S::Select(cases, def) => block!(cx.select(&cases, def), |s: Selected<V>| {
                    sel_text(s.case, s.value, s.ok)
                }),
                S::Sleep(d) => block!(cx.sleep(d), |_| "woke".to_string()),
                S::Go(name, line, body) => {
                    let t = Script::boxed(body, &self.log);
                    cx.spawn(t, name, line);
                }
                S::Print(s) => cx.print(s),
                S::Log(s) => self.note(cx, s.to_string()),
                S::Gosched => {
                    self.pc += 1;
                    return Yield::Yielded;
                }
                S::Work(n) => {
                    let mut left = self.work_left.take().unwrap_or(n);
                    while left > 0 {
                        left -= 1;
                        if !cx.step(1) {
                            self.work_left = Some(left);
                            return Yield::Yielded;
                        }
                    }
                }
                S::Panic(m) => return Yield::Panic(m.to_string()),
                S::Now => {
                    let t = format!("now {}", cx.now());
                    self.note(cx, t)
                }
                S::NumGoroutine => {
                    let t = format!("goroutines {}", cx.num_goroutine());
                    self.note(cx, t)
                }
                S::NewTimer(d) => {
                    let (t, ch) = cx.new_timer(d);
                    self.note(cx, format!("timer {} chan {}", t.0, ch.0));
                }
                S::NewTicker(d) => {
                    let (t, ch) = cx.new_ticker(d);
                    self.note(cx, format!("ticker {} chan {}", t.0, ch.0));
                }
                S::TimerStop(t) => {
                    let r = cx.timer_stop(lessons::runtime::TimerId(t));
                    self.note(cx, format!("stop {r}"));
                }
                S::TimerReset(t, d) => {
                    let r = cx.timer_reset(lessons::runtime::TimerId(t), d);
                    self.note(cx, format!("reset {r}"));
                }
                S::MutexNew => {
                    cx.mutex_new();
                }
                S::Lock(m) => block!(cx.lock(MutexId(m)), |_| "locked".to_string()),
                S::Unlock(m) => {
                    if let Err(e) = cx.unlock(MutexId(m)) {
                        return Yield::Fatal(e);
                    }
                }
                S::RwNew => {
                    cx.rwmutex_new();
                }
                S::RLock(m) => block!(cx.rlock(RwMutexId(m)), |_| "locked".to_string()),
                S::RUnlock(m) => {
                    if let Err(e) = cx.runlock(RwMutexId(m)) {
                        return Yield::Fatal(e);
                    }
                }
                S::WLock(m) => block!(cx.rw_lock(RwMutexId(m)), |_| "locked".to_string()),
                S::WUnlock(m) => {
                    if let Err(e) = cx.rw_unlock(RwMutexId(m)) {
                        return Yield::Fatal(e);
                    }
                }
                S::WgNew => {
                    cx.waitgroup_new();
                }
                S::WgAdd(w, d) => {
                    if let Err(e) = cx.wg_add(WgId(w), d) {
                        return Yield::Panic(e);
                    }
                }
                S::WgWait(w) => block!(cx.wg_wait(WgId(w)), |_| "waited".to_string()),
                S::CondNew(m) => {
                    cx.cond_new(MutexId(m));
                }
                S::CondWait(k) => match cx.cond_wait(CondId(k)) {
                    Err(e) => return Yield::Fatal(e),
                    Ok(op) => block!(op, |_| "signalled".to_string()),
                },
                S::Signal(k) => cx.cond_signal(CondId(k)),
                S::Broadcast(k) => cx.cond_broadcast(CondId(k)),
                S::Loop(..) => {}
                S::AfterFunc(d, body) => {
                    let t = cx.after_func(d, Script::boxed(body, &self.log));
                    self.note(cx, format!("afterfunc {}", t.0));
                }
                S::CtxBackground => {
                    cx.ctx_background();
                }
                S::CtxWithCancel(p) => {
                    cx.ctx_with_cancel(CtxId(p));
                }
                S::CtxWithTimeout(p, d) => {
                    let at = cx.now() + d;
                    cx.ctx_with_deadline(CtxId(p), at);
                }
                S::CtxWithValue(p, k, v) => {
                    cx.ctx_with_value(CtxId(p), V(k), V(v));
                }
                S::CtxWithoutCancel(p) => {
                    cx.ctx_without_cancel(CtxId(p));
                }
                S::CtxCancel(k) => cx.ctx_cancel(CtxId(k), None),
                S::CtxCancelCause(k, v) => cx.ctx_cancel(CtxId(k), Some(V(v))),
                S::CtxInfo(k) => {
                    let k = CtxId(k);
                    let err = cx.ctx_err(k).map_or("nil", |e| e.as_str());
                    let cause = match cx.ctx_cause(k) {
                        None => "nil".to_string(),
                        Some(Cause::Err(e)) => e.as_str().to_string(),
                        Some(Cause::Value(v)) => format!("value {}", v.0),
                    };
                    let deadline = cx
                        .ctx_deadline(k)
                        .map_or("none".to_string(), |d| d.to_string());
                    let done = cx
                        .ctx_done(k)
                        .map_or("nil".to_string(), |c| c.0.to_string());
                    let t = format!("err {err}; cause {cause}; deadline {deadline}; done {done}");
                    self.note(cx, t);
                }
                S::CtxValue(k, key) => {
                    let v = cx.ctx_value(CtxId(k), &|x: &V| x.0 == key);
                    let t = format!("value {}", v.map_or("nil".to_string(), |v| v.0.to_string()));
                    self.note(cx, t);
                }
                S::CtxWait(k) => {
                    let ch = cx.ctx_done(CtxId(k));
                    block!(cx.recv(ch), |(v, ok): (V, bool)| format!(
                        "done {} {ok}",
                        v.0
                    ))
                }
                S::CtxAfterFunc(k, body) => {
                    let f = cx.ctx_after_func(CtxId(k), Script::boxed(body, &self.log));
                    self.note(cx, format!("ctx afterfunc {}", f.0));
                }
                S::CtxAfterFuncStop(f) => {
                    let r = cx.ctx_after_func_stop(AfterFuncId(f));
                    self.note(cx, format!("afterfunc stop {r}"));
                }
                S::Alloc(b) => {
                    let a = cx.alloc(b, AllocKind::Slice);
                    self.note(cx, format!("alloc {}", a.0));
                }
                S::Free(a) => cx.free(AllocId(a)),
                S::OnceNew => {
                    cx.once_new();
                }
                S::OnceDo(o, text) => match cx.once_begin(OnceId(o)) {
                    Op::Ready(true) => {
                        self.note(cx, text.to_string());
                        cx.once_end(OnceId(o));
                    }
                    Op::Ready(false) => self.note(cx, "once skipped".to_string()),
                    Op::Blocked => return Yield::Blocked,
                    Op::Panic(m) => return Yield::Panic(m),
                },
                S::Exit => return Yield::Exit,
                S::TickerReset(t, d) => cx.ticker_reset(lessons::runtime::TimerId(t), d),
                S::OnceBegin(o) => match cx.once_begin(OnceId(o)) {
                    Op::Ready(true) => self.note(cx, "once run".to_string()),
                    Op::Ready(false) => self.note(cx, "once skipped".to_string()),
                    Op::Blocked => return Yield::Blocked,
                    Op::Panic(m) => return Yield::Panic(m),
                },
                S::OnceEnd(o) => cx.once_end(OnceId(o)),
                S::RwTryLock(m) => {
                    let r = cx.rw_try_lock(RwMutexId(m));
                    self.note(cx, format!("trylock {r}"));
                }
                S::RwTryRLock(m) => {
                    let r = cx.rw_try_rlock(RwMutexId(m));
                    self.note(cx, format!("tryrlock {r}"));
                }
                S::CtxWithTimeoutCause(p, d, cause) => {
                    let at = cx.now() + d;
                    cx.ctx_with_deadline_cause(CtxId(p), at, V(cause));
                }
                S::Fatal(m) => return Yield::Fatal(m.to_string()),
                S::Read(n) | S::Write(n) => {
                    let kind = if matches!(op, S::Read(_)) {
                        AccessKind::Read
                    } else {
                        AccessKind::Write
                    };
                    let site = Site {
                        func: 0,
                        line: cx.line(),
                        stack: 0,
                    };
                    cx.race_access(var(n), kind, site);
                }
                S::Atomic(n, a) => {
                    let site = Site {
                        func: 0,
                        line: cx.line(),
                        stack: 0,
                    };
                    cx.race_atomic(var(n), a, site);
                }
                S::Hold(r) => self.held.push(r),
                S::Global(r) => GLOBALS.with(|g| g.borrow_mut().push(r)),
                S::NetListen(addr) => match cx.net_listen(addr) {
                    Ok((l, a)) => self.note(cx, format!("listen {} {a}", l.0)),
                    Err(e) => self.note(cx, format!("listen error {e}")),
                },
                S::NetAccept(l) => loop {
                    match cx.net_accept(ListenerId(l)) {
                        Ok(Some(c)) => {
                            self.note(cx, format!("accepted {}", c.0));
                            break;
                        }
                        Ok(None) => match cx.net_wait_accept(ListenerId(l)) {
                            Op::Ready(()) => continue,
                            _ => return Yield::Blocked,
                        },
                        Err(e) => {
                            self.note(cx, format!("accept {}", net_err(e)));
                            break;
                        }
                    }
                },
                S::NetDial(addr) => match cx.net_dial(addr) {
                    Ok(c) => self.note(cx, format!("dial {}", c.0)),
                    Err(e) => self.note(cx, format!("dial {e:?}")),
                },
                S::NetRead(c, max) => loop {
                    match cx.net_read(ConnId(c), max) {
                        Ok(ReadResult::Data(b)) => {
                            self.note(cx, format!("read {}", String::from_utf8_lossy(&b)));
                            break;
                        }
                        Ok(ReadResult::Eof) => {
                            self.note(cx, "eof".to_string());
                            break;
                        }
                        Ok(ReadResult::WouldBlock) => match cx.net_wait_read(ConnId(c)) {
                            Op::Ready(()) => continue,
                            _ => return Yield::Blocked,
                        },
                        Err(e) => {
                            self.note(cx, net_err(e).to_string());
                            break;
                        }
                    }
                },
                S::NetWrite(c, text) => {
                    if let Err(e) = cx.net_write(ConnId(c), text.as_bytes()) {
                        self.note(cx, format!("write {}", net_err(e)));
                    }
                }
                S::NetClose(c) => {
                    if let Err(e) = cx.net_close(ConnId(c)) {
                        self.note(cx, format!("close {}", net_err(e)));
                    }
                }
                S::NetCloseListener(l) => {
                    if let Err(e) = cx.net_close_listener(ListenerId(l)) {
                        self.note(cx, format!("close listener {}", net_err(e)));
                    }
                }
                S::NetReadDeadline(c, at) => {
                    let _ = cx.net_set_deadline(ConnId(c), Some(at), None);
                }
                S::NetWriteDeadline(c, at) => {
                    let _ = cx.net_set_deadline(ConnId(c), None, Some(at));
                }
                S::NetIdle(c, idle) => cx.net_set_idle(ConnId(c), idle),
                S::NetConnect(c) => loop {
                    if !cx.net_connecting(ConnId(c)) {
                        self.note(cx, format!("connected {c}"));
                        break;
                    }
                    match cx.net_wait_connect(ConnId(c)) {
                        Op::Ready(()) => continue,
                        _ => return Yield::Blocked,
                    }
                },
            }
            self.pc += 1;
        }
        Yield::Exit
    }
}

/// Runs `main` (starting at line 1) to the end; returns the report and the log.
pub fn run(main: Vec<S>) -> (RunReport, Vec<String>) {
    run_with(Config::default(), main)
}

/// Like [`run`] with a custom config.
pub fn run_with(cfg: Config, main: Vec<S>) -> (RunReport, Vec<String>) {
    let (rt, log) = start(cfg, main);
    let mut rt = rt;
    let report = rt.run_to_end();
    let log = log.borrow().clone();
    (report, log)
}

/// A runtime with `main` spawned, not yet run.
pub fn start(cfg: Config, main: Vec<S>) -> (Runtime<V>, Log) {
    GLOBALS.with(|g| g.borrow_mut().clear());
    let log: Log = Rc::new(RefCell::new(Vec::new()));
    let mut rt = Runtime::new(cfg);
    rt.spawn_main(Script::boxed(main, &log), 1);
    (rt, log)
}

fn net_err(e: NetError) -> &'static str {
    match e {
        NetError::Closed => "closed",
        NetError::Timeout => "timeout",
    }
}

/// Runs `main` with a network latency of `latency_ns`; returns the runtime (run to its end)
/// and the log.
pub fn run_net(latency_ns: i64, main: Vec<S>) -> (Runtime<V>, RunReport, Vec<String>) {
    run_net_links(latency_ns, &[], main)
}

/// [`run_net`] with the links of the listeners `main` makes, in order.
pub fn run_net_links(
    latency_ns: i64,
    links: &[Link],
    main: Vec<S>,
) -> (Runtime<V>, RunReport, Vec<String>) {
    GLOBALS.with(|g| g.borrow_mut().clear());
    let log: Log = Rc::new(RefCell::new(Vec::new()));
    let mut rt = Runtime::new(Config::default());
    rt.set_net_latency(latency_ns);
    rt.set_net_links(links);
    rt.spawn_main(Script::boxed(main, &log), 1);
    let report = rt.run_to_end();
    let log = log.borrow().clone();
    (rt, report, log)
}

/// Variable `n` as a race detector location.
pub fn var(n: u32) -> Loc {
    Loc {
        base: u64::from(n) + 1,
        index: 0,
    }
}

/// Runs `main` with the race detector on; returns the report and the races found.
pub fn run_race(main: Vec<S>) -> (RunReport, Vec<RaceReport>) {
    let (mut rt, _) = start(Config::default(), main);
    let names: Rc<[Rc<str>]> = Rc::from(vec![Rc::from("main.f")]);
    rt.enable_race(names, Default::default(), "prog.go");
    let report = rt.run_to_end();
    (report, rt.race_reports().to_vec())
}

/// The races as `"<op> <line> g<id> / <op> <line> g<id>"` (access, then previous).
pub fn race_pairs(races: &[RaceReport]) -> Vec<String> {
    races
        .iter()
        .map(|r| {
            format!(
                "{} {} g{} / {} {} g{}",
                r.access.op,
                r.access.line,
                r.access.goroutine,
                r.previous.op,
                r.previous.line,
                r.previous.goroutine
            )
        })
        .collect()
}

/// The leak list as `(state, line, count)` triples.
pub fn leaks(r: &RunReport) -> Vec<(String, u32, u32)> {
    r.leaked
        .iter()
        .map(|l| (l.state.clone(), l.line, l.count))
        .collect()
}

/// Asserts the outcome and message.
pub fn assert_outcome(r: &RunReport, outcome: Outcome, msg: &str) {
    assert_eq!(
        (r.outcome, r.panic.as_str()),
        (outcome, msg),
        "report: {r:?}"
    );
}
