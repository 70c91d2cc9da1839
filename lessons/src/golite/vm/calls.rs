//! Calls and panics: frames, entering and leaving functions (Go, native, through interfaces
//! and function values), `defer`, `go`, and unwinding a panic through deferred calls to `recover`.

use super::typed::{copy_typed, deref_copy};
use super::{Creator, DEFER_BYTES, Flow, GoTask, NATIVE_FUNC, NRes, PANIC_STEPS, Shared};
use crate::golite::code::FuncRef;
use crate::golite::code::{FuncId, MethodImpl, Native, RecvAdjust};
use crate::golite::types::TypeId;
use crate::golite::vm::value::{Closure, Value};
use crate::runtime::race_frames::library_creator;
use crate::runtime::{Cx, StackFrame, Yield};
use std::rc::Rc;

/// How a frame's return is handled.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum FrameKind {
    Normal,
    /// A deferred call: results are dropped, the caller continues its return.
    Deferred,
    /// A call made by `Stringify`: the result string is wrapped for fmt.
    Stringify,
    /// The root of a goroutine that runs a native function.
    NativeRoot(Native),
    /// The root of a goroutine that runs an interface method (`go x.M()` on an interface).
    IfaceRoot(u32, u16),
}

/// A deferred call.
#[derive(Debug)]
pub(crate) struct Deferred {
    pub(crate) callee: Callee,
    pub(crate) args: Vec<Value>,
    /// With the race detector on: where the call is made from in race reports when it runs
    /// as its function returns ([`GoTask::defer_race_site`]).
    pub(crate) race_site: Option<crate::runtime::Site>,
}

/// What a call runs.
#[derive(Debug, Clone)]
pub(crate) enum Callee {
    Func(FuncId),
    Value(Value),
    Native(Native),
    Iface(u32),
}

/// One activation record.
#[derive(Debug)]
pub(crate) struct Frame {
    pub(crate) func: FuncId,
    pub(crate) pc: u32,
    pub(crate) base: u32,
    pub(crate) closure: Option<Rc<Closure>>,
    pub(crate) defers: Vec<Deferred>,
    pub(crate) kind: FrameKind,
    /// Race detector runs: the interned stack of this frame's callers (0 otherwise).
    pub(crate) race_stack: u32,
}

/// A panic in flight: the value `recover` returns and the text Go prints.
#[derive(Debug)]
pub(crate) struct Panicking {
    pub(crate) value: Value,
    pub(crate) msg: String,
    /// Earlier panics still in Go's chain, oldest first, as Go prints them: one replaced by a
    /// panic in a deferred call (`send on closed channel`), or recovered by a deferred call that
    /// then panicked with something else (`boom [recovered]`).
    pub(crate) earlier: Vec<String>,
    /// How many frames are being unwound (the panicking one and its callers): a frame above them
    /// was called by a deferred call and returns normally, even while the panic is in flight.
    pub(crate) depth: usize,
    /// Where the panic started, innermost frame last: `(function, pc)` of each frame, so the
    /// crash's line and stack are the panicking statement's, as Go's traceback prints them,
    /// not where unwinding left the goroutine.
    pub(crate) at: Vec<(FuncId, u32)>,
    /// runtime.Goexit unwinding: the deferred calls run, `recover` sees nothing, and the
    /// goroutine ends without a crash at the bottom.
    pub(crate) goexit: bool,
}

/// The suffix Go (1.23+) prints when a deferred call recovers a panic and panics again with
/// the same value, as `sync.WaitGroup.Go` does.
pub(crate) const REPANICKED: &str = " [recovered, repanicked]";

impl Panicking {
    /// What Go prints after the first `panic: ` when this panic kills the program: the chain
    /// oldest first, each later panic on a line of its own (`A\n\tpanic: B`).
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        for e in &self.earlier {
            out.push_str(e);
            out.push_str("\n\tpanic: ");
        }
        out.push_str(&self.msg);
        out
    }
}

impl GoTask {
    /// A goroutine that starts by calling function `fid` with `args`.
    pub(crate) fn new_func(sh: Rc<Shared>, fid: FuncId, args: Vec<Value>) -> GoTask {
        let mut t = GoTask::empty(sh);
        let n = args.len() as u16;
        t.stack.extend(args);
        t.push_frame(fid, n, None, FrameKind::Normal);
        t
    }

    /// A goroutine that starts by calling `callee(args)` (`go f(x)`, AfterFunc, ...).
    pub(crate) fn new_call(sh: Rc<Shared>, callee: Callee, mut args: Vec<Value>) -> GoTask {
        let mut t = GoTask::empty(sh);
        match callee {
            Callee::Func(fid) => {
                let n = args.len() as u16;
                t.stack.extend(args);
                t.push_frame(fid, n, None, FrameKind::Normal);
            }
            Callee::Value(Value::Func(c)) => match c.func {
                FuncRef::Go(fid) => {
                    if c.bound {
                        args.insert(0, c.captures.first().cloned().unwrap_or_default());
                    }
                    let n = args.len() as u16;
                    t.stack.extend(args);
                    t.push_frame(fid, n, Some(c.clone()), FrameKind::Normal);
                }
                FuncRef::Native(n) => {
                    t.native_closure = Some(c.clone());
                    t.stack.extend(args);
                    t.native_root(n);
                }
            },
            Callee::Native(n) => {
                t.stack.extend(args);
                t.native_root(n);
            }
            Callee::Iface(sym) => {
                // Receiver is args[0].
                let n = args.len() as u16 - 1;
                t.stack.extend(args);
                t.frames.push(Frame {
                    func: NATIVE_FUNC,
                    pc: 0,
                    base: 0,
                    closure: None,
                    defers: Vec::new(),
                    kind: FrameKind::IfaceRoot(sym, n),
                    race_stack: 0,
                });
            }
            Callee::Value(_) => {
                t.native_root(Native::NIL_FUNC_CALL);
            }
        }
        t
    }

    pub(super) fn native_root(&mut self, n: Native) {
        self.frames.push(Frame {
            func: NATIVE_FUNC,
            pc: 0,
            base: 0,
            closure: None,
            defers: Vec::new(),
            kind: FrameKind::NativeRoot(n),
            race_stack: 0,
        });
    }

    #[inline]
    pub(super) fn push_frame(
        &mut self,
        fid: FuncId,
        argc: u16,
        closure: Option<Rc<Closure>>,
        kind: FrameKind,
    ) {
        let f = &self.sh.prog.funcs[fid as usize];
        let base = self.stack.len() - argc as usize;
        if self.frames.is_empty() {
            // A goroutine's first frame: size exactly, parked goroutines must stay small.
            self.frames.reserve_exact(1);
            self.stack.reserve_exact(f.nlocals as usize + 3);
        }
        self.stack.resize(base + f.nlocals as usize, Value::Nil);
        let race_stack = if self.sh.race { self.caller_stack() } else { 0 };
        self.frames.push(Frame {
            func: fid,
            pc: 0,
            base: base as u32,
            closure,
            defers: Vec::new(),
            kind,
            race_stack,
        });
    }

    /// A method promoted from an embedded field, for a call through an interface holding `ty`:
    /// (the type the method is declared on, the receiver to pass, the method). Go looks at the
    /// shallowest depth first; the compiler has already rejected ambiguous selectors.
    pub(super) fn promoted(
        &self,
        ty: TypeId,
        inner: &Value,
        sym: u32,
    ) -> Option<(TypeId, Value, MethodImpl)> {
        let types = self.types();
        let methods = &self.sh.prog.methods;
        // Through a pointer the embedded fields are addressable: their pointer methods count.
        let (base, addressable) = match types.pointer_elem(ty) {
            Some(el) => (el, true),
            None => (ty, false),
        };
        let mut level = vec![(base, inner.clone())];
        for _depth in 0..4 {
            let mut next = Vec::new();
            for (t, v) in &level {
                let Some(fields) = types.struct_fields(*t) else {
                    continue;
                };
                let Value::Agg(obj) = v else { continue };
                for (i, f) in fields.iter().enumerate() {
                    if !f.embedded {
                        continue;
                    }
                    let Some(fv) = obj.borrow().get(i).cloned() else {
                        continue;
                    };
                    if types.is_interface(f.ty) {
                        // An embedded interface: its dynamic value's method.
                        if let Value::Iface(b) = &fv
                            && let Some(found) = match methods.get(&(b.0, sym)) {
                                Some(m) => Some((b.0, b.1.clone(), *m)),
                                None => self.promoted(b.0, &b.1, sym),
                            }
                        {
                            return Some(found);
                        }
                        continue;
                    }
                    if let Some(m) = methods.get(&(f.ty, sym)) {
                        // A value receiver gets a copy, as the call would in Go.
                        let recv = if types.pointer_elem(f.ty).is_some() {
                            fv
                        } else {
                            copy_typed(types, f.ty, &fv)
                        };
                        return Some((f.ty, recv, *m));
                    }
                    if addressable
                        && types.is_aggregate(f.ty)
                        && let Some(pt) = types.existing_pointer(f.ty)
                        && let Some(m) = methods.get(&(pt, sym))
                    {
                        // `&outer.Field` is the field's own storage.
                        return Some((pt, fv, *m));
                    }
                    let field_struct = types.pointer_elem(f.ty).unwrap_or(f.ty);
                    next.push((field_struct, fv));
                }
            }
            level = next;
        }
        None
    }

    /// Starts a panic with a runtime error (`runtime error: ...` or a plain Go message).
    pub(crate) fn throw(&mut self, msg: String) {
        let ty = self.sh.prog.wk.runtime_error;
        let v = Value::Iface(Rc::new((ty, Value::str(&msg))));
        self.start_panic(v, msg);
    }

    /// Starts unwinding the top frame with a panic.
    ///
    /// A panic in a deferred call while another unwinds replaces it, and Go prints both, the
    /// first first; after a `recover` in the same deferred call, the same value again reads
    /// `[recovered, repanicked]`, another value leaves the first as `[recovered]`.
    pub(crate) fn start_panic(&mut self, value: Value, msg: String) {
        // Unwinding costs far more than one instruction: count it, so a panic-recover loop
        // ends at the step limit as fast as any other loop.
        self.work += PANIC_STEPS;
        let mut msg = msg;
        let mut earlier = Vec::new();
        if let Some(old) = self.panicking.take().filter(|p| !p.goexit) {
            earlier = old.earlier;
            earlier.push(old.msg);
        } else if let Some(old) = self.recovered.take() {
            earlier = old.earlier;
            if old.msg == msg {
                msg.push_str(REPANICKED);
            } else {
                earlier.push(format!("{} [recovered]", old.msg));
            }
        }
        self.panicking = Some(Box::new(Panicking {
            value,
            msg,
            earlier,
            depth: self.frames.len(),
            at: self.frames.iter().map(|f| (f.func, f.pc)).collect(),
            goexit: false,
        }));
        self.unwind_top();
    }

    /// runtime.Goexit: unwinds the goroutine as a panic would, running every deferred call,
    /// but no `recover` returns anything and nothing crashes: the goroutine just ends.
    pub(crate) fn goexit(&mut self) {
        self.panicking = Some(Box::new(Panicking {
            value: Value::Nil,
            msg: String::new(),
            earlier: Vec::new(),
            depth: self.frames.len(),
            at: self.frames.iter().map(|f| (f.func, f.pc)).collect(),
            goexit: true,
        }));
        self.unwind_top();
    }

    /// Sends the top frame to its epilogue (used while panicking).
    pub(super) fn unwind_top(&mut self) {
        if let Some(f) = self.frames.last_mut() {
            if f.func == NATIVE_FUNC {
                return;
            }
            let code = &self.sh.prog.funcs[f.func as usize];
            f.pc = (code.code.len() - 1) as u32;
            let top = f.base as usize + code.nlocals as usize;
            self.stack.truncate(top);
        }
    }

    /// Calls the function value `f` with `argc` arguments already on the stack.
    pub(super) fn call_value(
        &mut self,
        cx: &mut Cx<'_, Value>,
        f: Value,
        argc: u16,
        kind: FrameKind,
    ) -> Result<(), Flow> {
        match f {
            Value::Func(c) => match c.func {
                FuncRef::Go(fid) => {
                    let mut argc = argc;
                    if c.bound {
                        let at = self.stack.len() - argc as usize;
                        self.stack
                            .insert(at, c.captures.first().cloned().unwrap_or_default());
                        argc += 1;
                    }
                    self.enter(fid, argc, Some(c), kind)
                }
                FuncRef::Native(n) => {
                    self.native_closure = Some(c.clone());
                    let r = self.native(cx, n, argc);
                    self.native_closure = None;
                    if kind == FrameKind::Deferred {
                        // A deferred native: drop any results it pushed (natives in defer return nothing used).
                    }
                    r
                }
            },
            _ => {
                self.throw(
                    "runtime error: invalid memory address or nil pointer dereference".into(),
                );
                Err(Flow::Reload)
            }
        }
    }

    #[inline]
    pub(super) fn enter(
        &mut self,
        fid: FuncId,
        argc: u16,
        closure: Option<Rc<Closure>>,
        kind: FrameKind,
    ) -> Result<(), Flow> {
        if self.frames.len() >= self.sh.limits.call_depth {
            let line = self.current_line();
            return Err(Flow::Stop(Yield::Limit(format!(
                "call depth limit ({}) exceeded at line {line}",
                self.sh.limits.call_depth
            ))));
        }
        if self.frames.len() >= self.deepest {
            self.deepest = self.frames.len() + 1;
            if self.deepest > super::cost::SHALLOW_FRAMES {
                self.deep_work += super::cost::DEEP_CALL_STEPS;
            }
        }
        self.push_frame(fid, argc, closure, kind);
        Err(Flow::Reload)
    }

    /// Calls method `sym` on the interface receiver `argc` below the top.
    pub(super) fn call_iface(
        &mut self,
        cx: &mut Cx<'_, Value>,
        sym: u32,
        argc: u16,
        kind: FrameKind,
    ) -> Result<(), Flow> {
        let at = self.stack.len() - argc as usize - 1;
        let recv = std::mem::take(&mut self.stack[at]);
        let Value::Iface(b) = recv else {
            self.throw("runtime error: invalid memory address or nil pointer dereference".into());
            return Err(Flow::Reload);
        };
        let (ty, inner) = (b.0, b.1.clone());
        let found = match self.sh.prog.methods.get(&(ty, sym)).copied() {
            Some(m) => Some((ty, inner, m)),
            None => self.promoted(ty, &inner, sym),
        };
        let Some((ty, inner, m)) = found else {
            let name = self
                .sh
                .prog
                .sym_names
                .get(sym as usize)
                .cloned()
                .unwrap_or_default();
            self.throw(format!(
                "golite: no method {name} on {}",
                self.types().name(ty)
            ));
            return Err(Flow::Reload);
        };
        match m {
            MethodImpl::Go(fid, adj) => {
                self.stack[at] = match adj {
                    RecvAdjust::AsIs => inner,
                    RecvAdjust::Deref => {
                        let el = self.types().pointer_elem(ty).unwrap_or(ty);
                        deref_copy(self.types(), el, &inner)
                    }
                };
                self.enter(fid, argc + 1, None, kind)
            }
            MethodImpl::Native(n) => {
                self.stack[at] = inner;
                self.native(cx, n, argc + 1)
            }
        }
    }

    /// Calls a native; `Ok` when it finished without changing frames.
    pub(super) fn native(
        &mut self,
        cx: &mut Cx<'_, Value>,
        n: Native,
        argc: u16,
    ) -> Result<(), Flow> {
        match (self.sh.natives.call)(self, cx, n, argc as usize) {
            NRes::Ok => Ok(()),
            NRes::Reload => Err(Flow::Reload),
            NRes::Block(p) => {
                self.pending = p;
                Err(Flow::Stop(Yield::Blocked))
            }
            NRes::Panic(msg) => {
                self.throw(msg);
                Err(Flow::Reload)
            }
            NRes::Fatal(msg) => Err(Flow::Stop(Yield::Fatal(msg))),
            NRes::Limit(msg) => Err(Flow::Stop(Yield::Limit(msg))),
            NRes::Yield => Err(Flow::Stop(Yield::Yielded)),
        }
    }

    /// Runs `callee` with `args` as a call of the given kind.
    pub(super) fn invoke(
        &mut self,
        cx: &mut Cx<'_, Value>,
        callee: Callee,
        args: Vec<Value>,
        kind: FrameKind,
    ) -> Result<(), Flow> {
        let n = args.len() as u16;
        self.stack.extend(args);
        match callee {
            Callee::Func(fid) => self.enter(fid, n, None, kind),
            Callee::Value(v) => self.call_value(cx, v, n, kind),
            Callee::Native(nt) => {
                let h = self.stack.len() - n as usize;
                let r = self.native(cx, nt, n);
                if r.is_ok() && kind == FrameKind::Deferred {
                    self.stack.truncate(h);
                }
                r
            }
            Callee::Iface(sym) => self.call_iface(cx, sym, n - 1, kind),
        }
    }

    /// The `Ret` instruction: run the next deferred call, or pop the frame.
    pub(super) fn ret(&mut self, cx: &mut Cx<'_, Value>) -> Result<(), Flow> {
        let Some(fr) = self.frames.last_mut() else {
            return Err(Flow::Stop(Yield::Exit));
        };
        if let Some(d) = fr.defers.pop() {
            fr.pc -= 1;
            let top = fr.base as usize + self.sh.prog.funcs[fr.func as usize].nlocals as usize;
            self.stack.truncate(top);
            // Race reports place the call where Go's do (see `defer_race_site`) while it is
            // made: a native runs now, a Go function's frame takes its callers from here.
            let at = self.frames.len() as u32 - 1;
            self.defer_site = d
                .race_site
                .map(|s| match self.panicking {
                    Some(_) => self.panic_race_site(s),
                    None => s,
                })
                .map(|s| (at, s));
            let r = self.invoke(cx, d.callee, d.args, FrameKind::Deferred);
            self.defer_site = None;
            r?;
            return Err(Flow::Reload);
        }
        let Some(fr) = self.frames.pop() else {
            return Err(Flow::Stop(Yield::Exit));
        };
        let base = fr.base as usize;
        let below = self.frames.len();
        if let Some(p) = &mut self.panicking
            && (below < p.depth || fr.kind == FrameKind::Deferred)
        {
            // An unwound frame, or a deferred call, is done: unwinding goes on below it.
            p.depth = p.depth.min(below);
            self.stack.truncate(base);
            self.unwind_top();
            return Err(Flow::Reload);
        }
        let prog = self.sh.prog.clone();
        let f = &prog.funcs[fr.func as usize];
        let rs = base + f.nparams as usize;
        match fr.kind {
            FrameKind::Normal => {
                for i in 0..f.nresults as usize {
                    let mut v = std::mem::take(&mut self.stack[rs + i]);
                    if f.boxed_results & (1 << i) != 0
                        && let Value::Cell(c) = &v
                    {
                        let inner = c.borrow().clone();
                        v = inner;
                    }
                    self.stack[base + i] = v;
                }
                self.stack.truncate(base + f.nresults as usize);
            }
            FrameKind::Deferred => {
                self.stack.truncate(base);
                // The deferred call that recovered returns: the panic leaves Go's chain.
                self.recovered = None;
            }
            FrameKind::Stringify => {
                let mut s = std::mem::take(&mut self.stack[rs]);
                if let (true, Value::Cell(c)) = (f.boxed_results & 1 != 0, &s) {
                    let inner = c.borrow().clone();
                    s = inner;
                }
                self.stack.truncate(base);
                let orig = self.pop();
                let wk = prog.wk.stringified;
                self.stack
                    .push(Value::Iface(Rc::new((wk, Value::agg(vec![s, orig])))));
            }
            FrameKind::NativeRoot(_) | FrameKind::IfaceRoot(..) => {}
        }
        Err(Flow::Reload)
    }

    /// Queues a deferred call. Go heap-allocates a record for each one deferred in a loop, so
    /// a frame's pending defers are bounded like the heap: one record per [`DEFER_BYTES`].
    pub(super) fn push_defer(
        &mut self,
        cx: &mut Cx<'_, Value>,
        callee: Callee,
        args: Vec<Value>,
    ) -> Result<(), Yield> {
        self.meter(cx, super::cost::DEFER_STEPS, "defer");
        let max = self.sh.limits.heap_bytes / DEFER_BYTES;
        let line = self.current_line();
        let race_site = if self.sh.race {
            self.defer_race_site()
        } else {
            None
        };
        if let Some(f) = self.frames.last_mut() {
            if f.defers.len() as u64 >= max {
                return Err(Yield::Limit(format!(
                    "heap limit: more than {max} deferred calls pending in one function call (defer at line {line})"
                )));
            }
            f.defers.push(Deferred {
                callee,
                args,
                race_site,
            });
        }
        Ok(())
    }

    /// Where a call deferred by the top frame's `defer` statement is made from, as Go's race
    /// reports show it once the function returns: `runtime.deferreturn` in place of the
    /// function's own frame, under Go's `F.deferwrapN` wrapper at the `defer` line when Go
    /// wraps the call (`compile/go_wrapper.rs`). `None` in library code.
    fn defer_race_site(&self) -> Option<crate::runtime::Site> {
        use crate::runtime::race_frames::DEFER_RETURN;
        let f = self.frames.last()?;
        let code = self.sh.prog.funcs.get(f.func as usize)?;
        if code.prelude {
            return None;
        }
        let at = f.pc.checked_sub(1)?;
        // The function's callers (none for the program's entry, a goroutine's first frame).
        let callers = f.race_stack;
        let site = |func, line, stack| crate::runtime::Site { func, line, stack };
        Some(match code.go_wraps.iter().find(|w| w.pc == at && w.defer) {
            Some(w) => {
                let under = self
                    .sh
                    .race_pins
                    .intern(callers, DEFER_RETURN.0, DEFER_RETURN.1);
                site(self.sh.prog.funcs.len() as u32 + w.id, w.line, under)
            }
            None => site(DEFER_RETURN.0, DEFER_RETURN.1, callers),
        })
    }

    /// Where a deferred call is made from when a panic runs it: Go's report shows the call
    /// (or its `deferwrapN` wrapper) over `runtime.gopanic`, and nothing under that, in place
    /// of `runtime.deferreturn` and the function's callers.
    fn panic_race_site(&self, s: crate::runtime::Site) -> crate::runtime::Site {
        use crate::runtime::race_frames::{DEFER_RETURN, GOPANIC};
        if s.func == DEFER_RETURN.0 {
            crate::runtime::Site {
                func: GOPANIC.0,
                line: GOPANIC.1,
                stack: 0,
            }
        } else {
            crate::runtime::Site {
                stack: self.sh.race_pins.intern(0, GOPANIC.0, GOPANIC.1),
                ..s
            }
        }
    }

    /// Starts a goroutine.
    pub(crate) fn spawn(
        &mut self,
        cx: &mut Cx<'_, Value>,
        callee: Callee,
        args: Vec<Value>,
    ) -> Result<(), Yield> {
        self.sync_rt(cx);
        self.meter(cx, super::cost::SPAWN_STEPS, "starting a goroutine");
        let name = match &callee {
            Callee::Func(f) => self.sh.prog.funcs[*f as usize].name.clone(),
            Callee::Value(Value::Func(c)) => match c.func {
                FuncRef::Go(f) => self.sh.prog.funcs[f as usize].name.clone(),
                FuncRef::Native(_) => "native".into(),
            },
            _ => "goroutine".into(),
        };
        let line = self.current_line();
        // Where the goroutine stands until it runs, as Go's dump shows it: a call Go runs
        // through a wrapper (arguments, a receiver, results: `compile/go_wrapper.rs`) stands at
        // the `go` statement, named `main.main.gowrap1`; a call without any, at its function's
        // declaration (`main.idle()` at `func idle() {`).
        let wrapper = self.frames.last().and_then(|f| {
            let code = self
                .sh
                .prog
                .funcs
                .get(f.func as usize)
                .filter(|c| !c.prelude)?;
            let at = f.pc.checked_sub(1)?;
            let w = code.go_wraps.iter().find(|w| w.pc == at && !w.defer)?;
            Some((format!("{}.gowrap{}", code.name, w.n), w.id, w.line))
        });
        let direct = match &callee {
            Callee::Func(f) if args.is_empty() => self.sh.prog.funcs.get(*f as usize),
            Callee::Value(Value::Func(c)) if args.is_empty() && !c.bound => match c.func {
                FuncRef::Go(f) => self.sh.prog.funcs.get(f as usize),
                FuncRef::Native(_) => None,
            },
            _ => None,
        }
        .filter(|code| !code.prelude && wrapper.is_none());
        let start = direct.map_or(line, |code| code.line);
        // The wrapper is the goroutine's outermost frame in race reports (in the library, where
        // Go's has one: `net/http.(*Server).Serve.gowrap3`).
        let race_root = match &wrapper {
            Some((_, id, at)) if self.sh.race => {
                let fid = self.sh.prog.funcs.len() as u32 + id;
                self.sh.race_pins.intern(0, fid, *at)
            }
            None if self.sh.race => self
                .frames
                .last()
                .and_then(|f| self.sh.race_library.get(f.func as usize).copied().flatten())
                .and_then(|l| l.gowrap)
                .map_or(0, |(fid, at)| self.sh.race_pins.intern(0, fid, at)),
            _ => 0,
        };
        let not_started = match (wrapper, direct) {
            (Some((w, _, _)), _) => Some(StackFrame::program(w, line)),
            // A library function golite starts (a transport's readLoop): its line is golite's.
            (None, Some(code)) if code.prelude => Some(StackFrame::library(&code.name, "?", 0)),
            (None, Some(code)) => Some(StackFrame::program(code.name.clone(), code.line)),
            (None, None) => None,
        };
        let mut t = GoTask::new_call(self.sh.clone(), callee, args);
        if race_root != 0 {
            t.race_root = race_root;
            if let Some(f) = t.frames.first_mut().filter(|f| f.func != NATIVE_FUNC) {
                f.race_stack = race_root;
            }
        }
        // A `go` statement in golite's library names Go's library where Go starts the same
        // goroutine (`(*Server).Serve` for a connection's, not the program function that
        // called Serve).
        let in_library = self
            .frames
            .last()
            .and_then(|f| self.sh.prog.funcs.get(f.func as usize))
            .is_some_and(|code| code.prelude);
        t.created_by = match library_creator(&name).filter(|_| in_library) {
            Some((func, file, at)) => Some(Creator::Library(func, file, at)),
            None => self.current_func().map(|f| Creator::Program(f, line)),
        };
        t.not_started = not_started;
        cx.spawn_at(Box::new(t), &name, line, start);
        Ok(())
    }
}
