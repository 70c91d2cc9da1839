//! The VM: one [`GoTask`] per goroutine, with its own value stack and frame stack, so a goroutine
//! can block anywhere (a receive deep inside an expression inside nested calls) and be resumed by
//! the runtime later. Go calls never recurse in Rust.

use self::value::{ChanRef, Closure, Key, MapObj, Obj, Value, heap, key_in};
use crate::golite::code::FuncRef;
use crate::golite::code::{FuncId, MethodImpl, Native, Op, Program, RecvAdjust};
use crate::golite::types::{Kind, TypeId, Types};
use crate::runtime::race_frames::MapOp;
use crate::runtime::{AllocKind, Cx, Op as ROp, SelectCase, Task, Wake, Yield};
use std::cell::RefCell;
use std::rc::Rc;

pub(crate) mod calls;
pub(crate) mod complex;
pub(crate) mod cost;
pub(crate) mod obj;
pub(crate) mod race;
pub(crate) mod reach;
pub(crate) mod slices;
pub(crate) mod typed;
pub(crate) mod value;

pub(crate) use calls::{Callee, Deferred, Frame, FrameKind, Panicking, REPANICKED};
pub(crate) use slices::decode_rune;
pub(crate) use typed::{copy_typed, deref_copy, typed_equal, zero_value};

/// Limits of one run, each ending the run with outcome `limit` and a message naming it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Total interpreter steps.
    pub steps: u64,
    /// Live goroutines.
    pub goroutines: usize,
    /// Modeled heap bytes.
    pub heap_bytes: u64,
    /// Nested calls in one goroutine.
    pub call_depth: usize,
    /// Events recorded for replay (the page keeps every one; see `runtime::Config::max_events`).
    pub events: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            // The largest lesson at any combination of its parameters' range ends takes 26.5 M
            // steps (lesson 24 with 16 uploads of 1 MiB; work inside instructions counted, see
            // `cost.rs`); 48 M ends any runaway within a second natively (a plain loop runs about
            // 85 M steps a second) and within two in a tab, where wasm runs the slowest of them
            // (a Mutex locked and unlocked forever) 3 times slower: at 56 M that took a median of
            // 2.07 s there (issue 23; tests/e2e/budgets/runaway.spec.ts).
            steps: 48_000_000,
            goroutines: 200_000,
            heap_bytes: 256 << 20,
            call_depth: 10_000,
            events: 2_000_000,
        }
    }
}

/// State shared by every goroutine of one run.
pub(crate) struct Shared {
    pub(crate) prog: Rc<Program>,
    /// The library's natives (see [`Natives`]).
    pub(crate) natives: &'static Natives,
    /// `prog.consts` as values, made once per run.
    pub(crate) consts: Vec<Value>,
    pub(crate) globals: Vec<Rc<RefCell<Value>>>,
    pub(crate) limits: Limits,
    pub(crate) empty: Rc<str>,
    /// context.Canceled and context.DeadlineExceeded (compared by identity).
    pub(crate) sentinels: Vec<Value>,
    /// Causes given to context.WithTimeoutCause/WithDeadlineCause, by context id.
    pub(crate) timeout_causes: RefCell<std::collections::HashMap<u32, Value>>,
    /// What each context was made by, for its `String()` (std/context.rs): by context id, the
    /// parent's id, the constructor's part of the name and its operands.
    pub(crate) ctx_names: RefCell<std::collections::HashMap<u32, CtxName>>,
    /// Instructions counted per report to the runtime: [`STEP_BATCH`], or 1 under seeded
    /// preemption so a preemption point can land between any two.
    pub(crate) step_batch: u64,
    /// The race detector is on for this run.
    pub(crate) race: bool,
    /// Objects the race detector has seen (their addresses stay reserved while tracked) and
    /// the call stacks it reports.
    pub(crate) race_pins: race::Pins,
    /// By function: how a library function shows in race reports, for the few Go's reports
    /// show (net/http's frames around a handler: `runtime/race_frames.rs`). Empty when the
    /// detector is off.
    pub(crate) race_library: Vec<Option<LibraryFrame>>,
    /// Map iterations started so far (each one's order is drawn from its number).
    pub(crate) map_iters: std::cell::Cell<u64>,
}

/// A library function Go's race reports show: its frame (an id with `RUNTIME_FUNC` set, and
/// Go's line) when it calls the program's code, and the wrapper frame under the goroutines it
/// starts.
#[derive(Clone, Copy, Debug)]
pub(crate) struct LibraryFrame {
    pub(crate) frame: Option<(u32, u32)>,
    pub(crate) gowrap: Option<(u32, u32)>,
}

/// A context's part of its name (see `Shared::ctx_names`): the parent context's id, the text
/// (`context.Background`, `.WithCancel`...) and its operands (a deadline, a key and a value).
pub(crate) type CtxName = (Option<u32>, &'static str, Vec<Value>);

/// How the VM reaches the standard library's natives: `std` fills this table and golite's
/// `start` hands it in, so vm/ does not import std/ (which is built on the VM). One indirect call
/// per native call, no lookup.
pub(crate) struct Natives {
    /// Runs native `n` on the `argc` arguments on top of the goroutine's stack.
    pub(crate) call: fn(&mut GoTask, &mut Cx<'_, Value>, Native, usize) -> NRes,
    /// A panic value as Go prints it (`panic: ` follows), `Error()` and `String()` included.
    pub(crate) panic_text: fn(&GoTask, &Value) -> String,
}

/// What a native did.
pub(crate) enum NRes {
    Ok,
    /// Frames changed (a Go function was entered): reload.
    Reload,
    Block(Pending),
    Panic(String),
    Fatal(String),
    /// A limit (heap, work) ends the run with outcome `limit` and this message.
    Limit(String),
    Yield,
}

/// What a parked goroutine waits for, so resuming knows what to push.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Pending {
    None,
    /// Push nothing (send, sleep, lock, wait).
    Unit,
    Recv {
        ok: bool,
    },
    Select {
        func: FuncId,
        idx: u32,
    },
    /// Push `false` (once_begin woke: another goroutine ran f).
    OnceFalse,
}

/// Where a goroutine's `go` statement is, for dumps' `created by`.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Creator {
    /// In the program: the function running it and its line.
    Program(FuncId, u32),
    /// In Go's library, where Go starts the same goroutine (`race_frames::library_creator`):
    /// function, file, line. golite's library lines are not Go's, so Go's are shown.
    Library(&'static str, &'static str, u32),
}

/// One goroutine's interpreter state.
pub(crate) struct GoTask {
    pub(crate) sh: Rc<Shared>,
    pub(crate) stack: Vec<Value>,
    pub(crate) frames: Vec<Frame>,
    pub(crate) pending: Pending,
    pub(crate) panicking: Option<Box<Panicking>>,
    /// A panic that a deferred call recovered, kept until that call returns: Go keeps it in
    /// the chain meanwhile, so a panic in the rest of that call prints it too.
    recovered: Option<Box<Panicking>>,
    unflushed: u64,
    /// The runtime refused more steps while they were flushed outside the batch check (a spawn,
    /// a channel op...): the goroutine must yield at the next instruction, or a loop that flushes
    /// before every batch fills (`for { go f() }`) would never see the limit.
    out_of_budget: bool,
    /// Steps of work (panics) not yet charged: counted against the step limit, not the slice.
    pub(crate) work: u64,
    /// Metered steps of calls deeper than ever (`cost::DEEP_CALL_STEPS`) not yet counted.
    pub(crate) deep_work: u64,
    /// The most frames this goroutine has had: a call deeper than ever grows its stacks.
    deepest: usize,
    /// The closure of a native function value being called (a context's cancel function...).
    pub(crate) native_closure: Option<Rc<Closure>>,
    /// Line last reported to the runtime.
    line: u32,
    /// The map this goroutine just wrote under seeded preemption: Go is still inside the write
    /// (its `hashWriting` flag is set) until the goroutine runs its next instruction.
    map_write: Option<Rc<RefCell<MapObj>>>,
    /// The `go` statement that started this goroutine (goroutine dumps' `created by`); `None`
    /// for main and AfterFunc functions.
    pub(crate) created_by: Option<Creator>,
    /// The one frame Go's dumps show for this goroutine until it first runs: the wrapper at
    /// the `go` statement (`main.main.gowrap1`), or the function at its declaration.
    pub(crate) not_started: Option<crate::runtime::StackFrame>,
    /// The interned race stack under this goroutine's outermost frames: Go's `gowrapN`
    /// wrapper for a `go` call it wraps, else none (0).
    pub(crate) race_root: u32,
    /// While a deferred call is being made at its function's return: that function's frame
    /// index and the site race reports give the call in its place (`calls.rs`'s
    /// `defer_race_site`).
    pub(crate) defer_site: Option<(u32, crate::runtime::Site)>,
    /// What the methods of the values inside the operands of the fmt call about to be made
    /// gave (fmt/value.rs's `with_nested`), set just before it by the native `FmtNestedSet`.
    pub(crate) fmt_nested: Vec<Value>,
}

/// How often the interpreter reports steps to the runtime.
pub(crate) const STEP_BATCH: u64 = 64;

/// Bytes of work (copied, compared, hashed, formatted) that count as one step: about what one
/// instruction costs natively, so the step limit bounds time whatever a loop does.
pub const WORK_BYTES_PER_STEP: u64 = 16;

/// Bytes of a conversion between a string and a `[]byte` that count as one step: the bytes
/// are copied into fresh memory (and checked as UTF-8), about 3 ns a byte natively.
pub const CONVERT_BYTES_PER_STEP: u64 = 4;

/// Steps a panic counts for (see [`GoTask::start_panic`]).
pub(super) const PANIC_STEPS: u64 = 200;

/// Bytes of heap one pending deferred call stands for (Go's `_defer` record and its closure).
pub(super) const DEFER_BYTES: u64 = 128;

/// Go's `maxAlloc` on 64-bit platforms: a larger `make` panics instead of allocating.
const MAX_ALLOC: u64 = 1 << 48;

/// golite's own memory for values may reach this percentage of the modeled heap limit. Issue 23
/// asks for real memory within twice the limit plus 64 MB; counted values are not all of it (the
/// heap ledger, goroutines, the allocator's own waste), so they stop at 1.8 times the limit: a
/// linked list built until this limit stops it peaks at about 530 MB of RSS. Bytes are stored
/// as bytes (`obj.rs`), so the lessons at their extreme parameters stay far below (lesson 19
/// with 2,000 requests holds 33 M bytes).
const REAL_PERCENT: u64 = 180;

/// What one golite value takes in real memory.
pub const SLOT_BYTES: u64 = std::mem::size_of::<Value>() as u64;

/// Sentinel function id of a native root frame.
pub(super) const NATIVE_FUNC: FuncId = u32::MAX;

pub(super) enum Flow {
    /// Frames changed: reload code.
    Reload,
    /// Stop running and return this to the runtime.
    Stop(Yield),
}

impl GoTask {
    fn empty(sh: Rc<Shared>) -> GoTask {
        GoTask {
            sh,
            stack: Vec::new(),
            frames: Vec::new(),
            pending: Pending::None,
            panicking: None,
            recovered: None,
            unflushed: 0,
            out_of_budget: false,
            work: 0,
            deep_work: 0,
            deepest: 0,
            native_closure: None,
            line: 0,
            map_write: None,
            created_by: None,
            not_started: None,
            race_root: 0,
            defer_site: None,
            fmt_nested: Vec::new(),
        }
    }

    /// The source line being executed in the top frame (prelude frames report their caller's).
    pub(crate) fn current_line(&self) -> u32 {
        for f in self.frames.iter().rev() {
            if f.func == NATIVE_FUNC {
                continue;
            }
            let code = &self.sh.prog.funcs[f.func as usize];
            if code.prelude {
                continue;
            }
            let pc = (f.pc as usize).saturating_sub(1);
            return code.lines.get(pc).copied().unwrap_or(code.line);
        }
        0
    }

    /// The innermost frame in the user's code, for the race detector: its function, line and
    /// callers (prelude frames report their caller's, as in [`GoTask::current_line`], but for
    /// the library frames Go's reports show: `Shared::race_library`).
    pub fn user_site(&self) -> crate::runtime::Site {
        for (i, f) in self.frames.iter().enumerate().rev() {
            if f.func == NATIVE_FUNC {
                continue;
            }
            let code = &self.sh.prog.funcs[f.func as usize];
            if code.prelude {
                // A library frame Go's report shows stands for itself, at Go's line.
                if let Some(&Some(LibraryFrame {
                    frame: Some((func, line)),
                    ..
                })) = self.sh.race_library.get(f.func as usize)
                {
                    return crate::runtime::Site {
                        func,
                        line,
                        stack: f.race_stack,
                    };
                }
                continue;
            }
            if let Some((at, site)) = self.defer_site
                && at as usize == i
            {
                return site;
            }
            let pc = (f.pc as usize).saturating_sub(1);
            return crate::runtime::Site {
                func: f.func,
                line: code.lines.get(pc).copied().unwrap_or(code.line),
                stack: f.race_stack,
            };
        }
        crate::runtime::Site {
            func: u32::MAX,
            line: 0,
            stack: 0,
        }
    }

    /// The interned stack of a frame about to be called from the current user frame.
    fn caller_stack(&self) -> u32 {
        let site = self.user_site();
        // The entry function (package initialisers, then main.main) is not a frame Go shows.
        if site.func == u32::MAX {
            return self.race_root;
        }
        if site.func == self.sh.prog.entry {
            return 0;
        }
        self.sh.race_pins.intern(site.stack, site.func, site.line)
    }

    /// Tells the runtime the line being executed, when it changed.
    fn note_line(&mut self, cx: &mut Cx<'_, Value>) {
        let line = self.current_line();
        if line != self.line {
            self.line = line;
            cx.set_line(line);
        }
    }

    /// Reports steps and the current line to the runtime (before anything it records).
    pub(crate) fn sync_rt(&mut self, cx: &mut Cx<'_, Value>) {
        // The line first: a step limit hit here names it.
        self.note_line(cx);
        if self.unflushed > 0 {
            if !cx.step(self.unflushed) {
                self.out_of_budget = true;
            }
            self.unflushed = 0;
        }
        if self.sh.race {
            let exact = self.defer_site.is_some();
            cx.race_at(self.user_site(), exact);
        }
        // Releases first: a released channel's buffered values queue frees of their own.
        heap::drain_releases(|id| cx.chan_release(id));
        heap::drain_into(|id| cx.free(id));
    }

    /// Accounts `bytes` on the heap ledger for an object; `Err` when the heap cap is exceeded.
    pub(crate) fn alloc(
        &mut self,
        cx: &mut Cx<'_, Value>,
        bytes: u64,
        kind: AllocKind,
    ) -> crate::runtime::AllocId {
        self.sync_rt(cx);
        self.meter(cx, cost::ALLOC_STEPS, "allocation");
        let id = cx.alloc(bytes, kind);
        let real = value::live_slots().saturating_mul(SLOT_BYTES);
        let cap = self.sh.limits.heap_bytes.saturating_mul(REAL_PERCENT) / 100;
        if real > cap {
            let line = self.current_line();
            cx.limit(format!(
                "heap limit: golite holds more than {cap} bytes of values (allocation at line {line}; golite needs several times Go's bytes for small objects)"
            ));
            self.out_of_budget = true;
        }
        id
    }

    /// Counts work done inside one instruction (`units` steps: bytes copied, compared or
    /// formatted, see [`WORK_BYTES_PER_STEP`]); the goroutine yields at the next instruction when
    /// its slice or the step budget is used up.
    pub fn charge(&mut self, cx: &mut Cx<'_, Value>, units: u64, what: &'static str) {
        if units == 0 {
            return;
        }
        // The limit's message names the line: report it first.
        self.note_line(cx);
        if !cx.charge(units, what) {
            self.out_of_budget = true;
        }
    }

    /// Counts metered work (`cost.rs`) as [`GoTask::charge`] counts work, without moving seeded
    /// preemption points.
    pub fn meter(&mut self, cx: &mut Cx<'_, Value>, units: u64, what: &'static str) {
        if units == 0 {
            return;
        }
        self.note_line(cx);
        if !cx.meter(units, what) {
            self.out_of_budget = true;
        }
    }

    /// Checks, before any memory is requested, that `go_bytes` more of Go heap and `slots` more
    /// golite values fit: `Err` is the limit's message. golite keeps every element as a value of
    /// [`SLOT_BYTES`] bytes (a `[]byte` too), so real memory is bounded by counting them as well.
    pub fn reserve(
        &mut self,
        cx: &mut Cx<'_, Value>,
        go_bytes: u64,
        slots: u64,
    ) -> Result<(), String> {
        let limit = self.sh.limits.heap_bytes;
        let line = self.current_line();
        if go_bytes > limit.saturating_sub(cx.heap_bytes()) {
            return Err(format!(
                "heap limit: the modeled heap would pass {limit} bytes ({go_bytes} more bytes asked for at line {line})"
            ));
        }
        let real = slots.saturating_mul(SLOT_BYTES);
        let cap = limit.saturating_mul(REAL_PERCENT) / 100;
        if real > cap.saturating_sub(value::live_slots().saturating_mul(SLOT_BYTES)) {
            return Err(format!(
                "heap limit: golite would hold more than {cap} bytes of values ({slots} more elements of {SLOT_BYTES} bytes each asked for at line {line}; golite stores even an empty struct as one value)"
            ));
        }
        // The work of making the values was charged first: past the step limit, nothing is made.
        if let Some(m) = cx.pending_limit() {
            return Err(m);
        }
        Ok(())
    }

    /// [`GoTask::reserve`] for `count` zero values of type `t`, checked only for arrays and
    /// structs (the only zero values that allocate).
    fn reserve_zero(
        &mut self,
        cx: &mut Cx<'_, Value>,
        t: TypeId,
        count: u64,
    ) -> Result<(), String> {
        let types = &self.sh.prog.types;
        if count <= 1 && !matches!(types.ukind(t), Kind::Array(..) | Kind::Struct(_)) {
            return Ok(());
        }
        let slots = if is_byte(types, t) {
            count.div_ceil(SLOT_BYTES)
        } else {
            count.saturating_mul(value_slots(types, t))
        };
        let bytes = count.saturating_mul(types.size_of(t));
        // Making the values is work in proportion to their number: a step per element, as
        // copying is (`docs/ARCHITECTURE.md` § Runtime, limits), so a loop of big `make`s
        // reaches the step limit as soon as one that copies would. A few values are part of
        // the instruction's own step (and charging them would move seeded preemption points).
        if slots > 16 {
            self.charge(cx, slots, "allocation");
        }
        if slots < 4096 {
            return Ok(());
        }
        self.reserve(cx, bytes, slots)
    }

    pub(crate) fn pop(&mut self) -> Value {
        self.stack.pop().unwrap_or_default()
    }

    pub(crate) fn top(&self) -> &Value {
        self.stack.last().unwrap_or(&Value::Nil)
    }

    /// Pops `n` values in push order.
    pub(crate) fn pop_n(&mut self, n: usize) -> Vec<Value> {
        let at = self.stack.len().saturating_sub(n);
        self.stack.split_off(at)
    }

    pub(crate) fn types(&self) -> &Types {
        &self.sh.prog.types
    }

    /// A fresh zero value of type `t`.
    pub(crate) fn zero(&self, t: TypeId) -> Value {
        zero_value(&self.sh.prog.types, t, &self.sh.empty)
    }
}

/// Work of comparing or copying `v` (see [`WORK_BYTES_PER_STEP`]): its bytes or elements.
fn work_units(v: &Value) -> u64 {
    match v {
        Value::Str(s) => s.len() as u64 / WORK_BYTES_PER_STEP,
        Value::Agg(o) => o.work_units(o.len() as u64),
        _ => 0,
    }
}

/// Values golite holds for one value of type `t`: 1, or the elements and fields of arrays and
/// structs, nested (an empty struct or array still takes one).
pub(crate) fn value_slots(types: &Types, t: TypeId) -> u64 {
    match types.ukind(t) {
        Kind::Array(n, e) if is_byte(types, *e) => n.div_ceil(SLOT_BYTES).saturating_add(1),
        Kind::Array(n, e) => n.saturating_mul(value_slots(types, *e)).saturating_add(1),
        Kind::Struct(fs) => fs
            .iter()
            .fold(1u64, |a, f| a.saturating_add(value_slots(types, f.ty))),
        _ => 1,
    }
}

/// True for `byte` (`uint8`) elements, which golite stores as bytes (`obj.rs`).
pub(crate) fn is_byte(types: &Types, t: TypeId) -> bool {
    matches!(
        types.ukind(t),
        Kind::Int(crate::golite::types::IntKind::Uint8)
    )
}

/// Index with Go's bounds check message.
fn oob(i: i64, len: usize) -> String {
    if i < 0 {
        return format!("runtime error: index out of range [{i}]");
    }
    format!("runtime error: index out of range [{i}] with length {len}")
}

pub(super) const NIL_DEREF: &str =
    "runtime error: invalid memory address or nil pointer dereference";

impl Task<Value> for GoTask {
    fn resume(&mut self, cx: &mut Cx<'_, Value>) -> Yield {
        self.not_started = None;
        if self.pending != Pending::None {
            let p = std::mem::replace(&mut self.pending, Pending::None);
            let w = cx.take_wake();
            self.apply_wake(p, w);
        }
        let y = self.run(cx);
        self.sync_rt(cx);
        // Unwinding moved the frames to their epilogues (or popped them): the crash is at the
        // statement that panicked.
        if matches!(y, Yield::Panic(_))
            && let Some(line) = self.panic_frames().first().map(|f| f.line)
            && line != self.line
        {
            self.line = line;
            cx.set_line(line);
        }
        y
    }

    fn trace(&self, m: &mut crate::runtime::Marker) {
        self.trace_stack(m);
    }

    fn trace_globals(&self, m: &mut crate::runtime::Marker) {
        GoTask::trace_globals(self, m);
    }

    fn stack(&self, state: crate::runtime::GState) -> Vec<crate::runtime::StackFrame> {
        // A goroutine that crashed shows where the panic started, as Go's traceback does.
        if self.panicking.is_some() {
            return self.panic_frames();
        }
        if let Some(f) = &self.not_started {
            return vec![f.clone()];
        }
        self.stack_frames(state)
    }

    fn created_by(&self) -> Option<crate::runtime::CreatedBy> {
        self.creator()
    }

    fn in_program(&self) -> bool {
        self.has_program_frame()
    }
}

impl GoTask {
    fn apply_wake(&mut self, p: Pending, w: Option<Wake<Value>>) {
        match (p, w) {
            (_, Some(Wake::SendOnClosed)) => self.throw("send on closed channel".into()),
            (Pending::Recv { ok }, Some(Wake::Received { value, ok: got })) => {
                self.stack.push(value);
                if ok {
                    self.stack.push(Value::Bool(got));
                }
            }
            (Pending::Select { func, idx }, Some(Wake::Selected { case, value, ok })) => {
                self.select_done(func, idx, Some(case), value, ok);
            }
            (Pending::OnceFalse, _) => self.stack.push(Value::Bool(false)),
            _ => {}
        }
    }

    /// Pushes a select's received value and jumps to the chosen case's body.
    fn select_done(
        &mut self,
        func: FuncId,
        idx: u32,
        case: Option<usize>,
        value: Option<Value>,
        ok: bool,
    ) {
        let prog = self.sh.prog.clone();
        let info = &prog.funcs[func as usize].selects[idx as usize];
        let target = match case {
            Some(c) => {
                if !info.sends.get(c).copied().unwrap_or(true) {
                    self.stack.push(value.unwrap_or_default());
                    self.stack.push(Value::Bool(ok));
                }
                info.targets.get(c).copied().unwrap_or(0)
            }
            None => info.default_target.unwrap_or(0),
        };
        if let Some(f) = self.frames.last_mut() {
            f.pc = target;
        }
    }

    /// The interpreter loop.
    fn run(&mut self, cx: &mut Cx<'_, Value>) -> Yield {
        let prog = self.sh.prog.clone();
        'outer: loop {
            let Some(fr) = self.frames.last_mut() else {
                if let Some(p) = &self.panicking {
                    return if p.goexit {
                        Yield::Goexit
                    } else {
                        Yield::Panic(p.text())
                    };
                }
                return Yield::Exit;
            };
            if fr.func == NATIVE_FUNC {
                if fr.pc == 0 {
                    fr.pc = 1;
                    let kind = fr.kind;
                    let r = match kind {
                        FrameKind::NativeRoot(n) => {
                            let argc = self.stack.len() as u16;
                            self.native(cx, n, argc)
                        }
                        FrameKind::IfaceRoot(sym, argc) => {
                            self.call_iface(cx, sym, argc, FrameKind::Normal)
                        }
                        _ => Ok(()),
                    };
                    if let Err(Flow::Stop(y)) = r {
                        return y;
                    }
                    continue 'outer;
                }
                if let Some(p) = &self.panicking {
                    return if p.goexit {
                        Yield::Goexit
                    } else {
                        Yield::Panic(p.text())
                    };
                }
                return Yield::Exit;
            }
            let fid = fr.func;
            let mut pc = fr.pc as usize;
            let base = fr.base as usize;
            let closure = fr.closure.clone();
            let rstack = fr.race_stack;
            let func = &prog.funcs[fid as usize];
            let code = &func.code[..];
            macro_rules! save {
                () => {
                    if let Some(f) = self.frames.last_mut() {
                        f.pc = pc as u32;
                    }
                };
            }
            macro_rules! flow {
                ($e:expr) => {{
                    save!();
                    match $e {
                        Ok(()) => {}
                        Err(Flow::Reload) => continue 'outer,
                        Err(Flow::Stop(y)) => return y,
                    }
                }};
            }
            macro_rules! throw {
                ($msg:expr) => {{
                    save!();
                    let m: String = $msg;
                    self.throw(m);
                    continue 'outer;
                }};
            }
            macro_rules! pop {
                () => {
                    self.stack.pop().unwrap_or_default()
                };
            }
            macro_rules! int2 {
                ($f:expr) => {{
                    let b = pop!().as_int();
                    let a = pop!().as_int();
                    #[allow(clippy::redundant_closure_call)]
                    self.stack.push($f(a, b));
                }};
            }
            macro_rules! flt2 {
                ($f:expr) => {{
                    let b = pop!().as_float();
                    let a = pop!().as_float();
                    #[allow(clippy::redundant_closure_call)]
                    self.stack.push($f(a, b));
                }};
            }
            let batch = self.sh.step_batch;
            let deciding = cx.deciding();
            // The race detector: one branch per memory access when it is off.
            let race = cx.race_enabled();
            macro_rules! site {
                () => {
                    if func.prelude {
                        save!();
                        self.user_site()
                    } else {
                        crate::runtime::Site {
                            func: fid,
                            line: func.lines.get(pc - 1).copied().unwrap_or(func.line),
                            stack: rstack,
                        }
                    }
                };
            }
            let sh = self.sh.clone();
            let pins = &sh.race_pins;
            loop {
                self.unflushed += 1;
                if self.unflushed >= batch || self.out_of_budget {
                    let n = self.unflushed;
                    self.unflushed = 0;
                    let forced = std::mem::take(&mut self.out_of_budget);
                    if cx.passes_step_limit(n + self.work + self.deep_work) {
                        // The limit's message names the line the goroutine is at: that of
                        // the instruction it would run next. Not the last one synced, nor the
                        // one before `pc` in the code (`current_line`'s rule, right after a
                        // call): after a loop's jump back that is the line before the loop.
                        save!();
                        if func.prelude {
                            self.note_line(cx);
                        } else {
                            let line = func.lines.get(pc).copied().unwrap_or(func.line);
                            if line != self.line {
                                self.line = line;
                                cx.set_line(line);
                            }
                        }
                    }
                    let mut more = cx.step(n) && !forced;
                    if self.work > 0 {
                        more &= cx.charge(std::mem::take(&mut self.work), "panicking");
                    }
                    if self.deep_work > 0 {
                        more &= cx.meter(std::mem::take(&mut self.deep_work), "deep recursion");
                    }
                    if !more || cx.preempt_due() {
                        save!();
                        return Yield::Yielded;
                    }
                    // An explicit schedule decides at every new line of the user's code.
                    if deciding
                        && !func.prelude
                        && cx.preempt_point(func.lines.get(pc).copied().unwrap_or(0))
                    {
                        save!();
                        return Yield::Yielded;
                    }
                    if let Some(m) = self.map_write.take() {
                        m.borrow_mut().writing = 0;
                    }
                }
                let op = code[pc];
                pc += 1;
                match op {
                    Op::Nop => {}
                    Op::Const(i) => self.stack.push(self.sh.consts[i as usize].clone()),
                    Op::PushInt(i) => self.stack.push(Value::Int(i)),
                    Op::PushNil => self.stack.push(Value::Nil),
                    Op::PushBool(b) => self.stack.push(Value::Bool(b)),
                    Op::Zero(t) => {
                        if let Err(m) = self.reserve_zero(cx, t, 1) {
                            save!();
                            return Yield::Limit(m);
                        }
                        let z = self.zero(t);
                        self.stack.push(z);
                    }
                    Op::Pop => {
                        self.stack.pop();
                    }
                    Op::NilCheck => {
                        if matches!(self.stack.last(), Some(Value::Nil)) {
                            throw!(NIL_DEREF.into());
                        }
                    }
                    Op::Dup => {
                        let v = self.top().clone();
                        self.stack.push(v);
                    }
                    Op::Pick(k) => {
                        let n = self.stack.len();
                        let v = self.stack[n - 1 - k as usize].clone();
                        self.stack.push(v);
                    }
                    Op::Load(s) => {
                        let v = self.stack[base + s as usize].clone();
                        self.stack.push(v);
                    }
                    Op::Store(s) => {
                        let v = pop!();
                        self.stack[base + s as usize] = v;
                    }
                    Op::InitCell(s) => {
                        let v = pop!();
                        self.stack[base + s as usize] = Value::Cell(Rc::new(RefCell::new(v)));
                    }
                    Op::LoadCell(s) => {
                        let v = match &self.stack[base + s as usize] {
                            Value::Cell(c) => {
                                if race {
                                    pins.cell(cx, site!(), c, crate::runtime::AccessKind::Read);
                                }
                                c.borrow().clone()
                            }
                            _ => Value::Nil,
                        };
                        self.stack.push(v);
                    }
                    Op::StoreCell(s) => {
                        let v = pop!();
                        if let Value::Cell(c) = &self.stack[base + s as usize] {
                            if race {
                                pins.cell(cx, site!(), c, crate::runtime::AccessKind::Write);
                            }
                            *c.borrow_mut() = v;
                        }
                    }
                    Op::BoxSlot(s) => {
                        let v = std::mem::take(&mut self.stack[base + s as usize]);
                        self.stack[base + s as usize] = Value::Cell(Rc::new(RefCell::new(v)));
                    }
                    Op::Rebox(s) => {
                        let slot = &mut self.stack[base + s as usize];
                        if let Value::Cell(c) = slot {
                            let v = c.borrow().clone();
                            *slot = Value::Cell(Rc::new(RefCell::new(v)));
                        }
                    }
                    Op::LoadCap(i) => {
                        let v = match closure.as_ref().and_then(|c| c.captures.get(i as usize)) {
                            Some(Value::Cell(c)) => {
                                if race {
                                    pins.cell(cx, site!(), c, crate::runtime::AccessKind::Read);
                                }
                                c.borrow().clone()
                            }
                            _ => Value::Nil,
                        };
                        self.stack.push(v);
                    }
                    Op::StoreCap(i) => {
                        let v = pop!();
                        if let Some(Value::Cell(c)) =
                            closure.as_ref().and_then(|c| c.captures.get(i as usize))
                        {
                            if race {
                                pins.cell(cx, site!(), c, crate::runtime::AccessKind::Write);
                            }
                            *c.borrow_mut() = v;
                        }
                    }
                    Op::CellOf(s) => {
                        let v = self.stack[base + s as usize].clone();
                        self.stack.push(v);
                    }
                    Op::CapCell(i) => {
                        let v = closure
                            .as_ref()
                            .and_then(|c| c.captures.get(i as usize))
                            .cloned()
                            .unwrap_or_default();
                        self.stack.push(v);
                    }
                    Op::LoadGlobal(g) => {
                        if race {
                            pins.cell(
                                cx,
                                site!(),
                                &sh.globals[g as usize],
                                crate::runtime::AccessKind::Read,
                            );
                        }
                        let v = self.sh.globals[g as usize].borrow().clone();
                        self.stack.push(v);
                    }
                    Op::StoreGlobal(g) => {
                        if race {
                            pins.cell(
                                cx,
                                site!(),
                                &sh.globals[g as usize],
                                crate::runtime::AccessKind::Write,
                            );
                        }
                        let v = pop!();
                        *self.sh.globals[g as usize].borrow_mut() = v;
                    }
                    Op::GlobalCell(g) => {
                        let c = self.sh.globals[g as usize].clone();
                        self.stack.push(Value::Cell(c));
                    }
                    Op::CopyAgg(t) => {
                        if race && let Some(Value::Agg(o)) = self.stack.last() {
                            let o = o.clone();
                            pins.agg(cx, site!(), &o, crate::runtime::AccessKind::Read);
                        }
                        if let Some(v @ Value::Agg(_)) = self.stack.last_mut() {
                            *v = copy_typed(&prog.types, t, v);
                            let units = 4 * value_slots(&prog.types, t);
                            self.charge(cx, units, "copying a struct or array");
                            let more = cost::copy_steps(&prog.types, t).saturating_sub(units);
                            self.meter(cx, more, "copying a struct or array");
                        }
                    }
                    Op::AddI => int2!(|a: i64, b: i64| Value::Int(a.wrapping_add(b))),
                    Op::SubI => int2!(|a: i64, b: i64| Value::Int(a.wrapping_sub(b))),
                    Op::MulI => int2!(|a: i64, b: i64| Value::Int(a.wrapping_mul(b))),
                    Op::DivI | Op::RemI | Op::DivU | Op::RemU => {
                        let b = pop!().as_int();
                        let a = pop!().as_int();
                        if b == 0 {
                            throw!("runtime error: integer divide by zero".into());
                        }
                        let r = match op {
                            Op::DivI => a.wrapping_div(b),
                            Op::RemI => a.wrapping_rem(b),
                            Op::DivU => ((a as u64) / (b as u64)) as i64,
                            _ => ((a as u64) % (b as u64)) as i64,
                        };
                        self.stack.push(Value::Int(r));
                    }
                    Op::And => int2!(|a: i64, b: i64| Value::Int(a & b)),
                    Op::Or => int2!(|a: i64, b: i64| Value::Int(a | b)),
                    Op::Xor => int2!(|a: i64, b: i64| Value::Int(a ^ b)),
                    Op::AndNot => int2!(|a: i64, b: i64| Value::Int(a & !b)),
                    Op::Shl | Op::ShrS | Op::ShrU => {
                        let b = pop!().as_int();
                        let a = pop!().as_int();
                        if b < 0 {
                            throw!("runtime error: negative shift amount".into());
                        }
                        let r = match op {
                            Op::Shl => {
                                if b >= 64 {
                                    0
                                } else {
                                    a.wrapping_shl(b as u32)
                                }
                            }
                            Op::ShrS => {
                                if b >= 64 {
                                    if a < 0 { -1 } else { 0 }
                                } else {
                                    a >> b
                                }
                            }
                            _ => {
                                if b >= 64 {
                                    0
                                } else {
                                    ((a as u64) >> b) as i64
                                }
                            }
                        };
                        self.stack.push(Value::Int(r));
                    }
                    Op::NegI => {
                        let a = pop!().as_int();
                        self.stack.push(Value::Int(a.wrapping_neg()));
                    }
                    Op::BitNot => {
                        let a = pop!().as_int();
                        self.stack.push(Value::Int(!a));
                    }
                    Op::Wrap(k) => {
                        if let Some(Value::Int(i)) = self.stack.last_mut() {
                            *i = k.wrap(*i);
                        }
                    }
                    Op::AddF => flt2!(|a: f64, b: f64| Value::Float(a + b)),
                    Op::SubF => flt2!(|a: f64, b: f64| Value::Float(a - b)),
                    Op::MulF => flt2!(|a: f64, b: f64| Value::Float(a * b)),
                    Op::DivF => flt2!(|a: f64, b: f64| Value::Float(a / b)),
                    Op::NegF => {
                        let a = pop!().as_float();
                        self.stack.push(Value::Float(-a));
                    }
                    Op::F32 => {
                        if let Some(Value::Float(f)) = self.stack.last_mut() {
                            *f = *f as f32 as f64;
                        }
                    }
                    Op::AddC | Op::SubC | Op::MulC | Op::DivC => {
                        let b = pop!().as_complex();
                        let a = pop!().as_complex();
                        let (re, im) = match op {
                            Op::AddC => (a.0 + b.0, a.1 + b.1),
                            Op::SubC => (a.0 - b.0, a.1 - b.1),
                            Op::MulC => complex::mul(a, b),
                            _ => complex::div(a, b),
                        };
                        self.stack.push(Value::Complex(re, im));
                    }
                    Op::NegC => {
                        let (re, im) = pop!().as_complex();
                        self.stack.push(Value::Complex(-re, -im));
                    }
                    Op::C64 => {
                        if let Some(Value::Complex(re, im)) = self.stack.last_mut() {
                            (*re, *im) = (*re as f32 as f64, *im as f32 as f64);
                        }
                    }
                    Op::MakeComplex => {
                        let im = pop!().as_float();
                        let re = pop!().as_float();
                        self.stack.push(Value::Complex(re, im));
                    }
                    Op::RealPart | Op::ImagPart => {
                        let (re, im) = pop!().as_complex();
                        self.stack
                            .push(Value::Float(if op == Op::RealPart { re } else { im }));
                    }
                    Op::Concat => {
                        let b = pop!();
                        let a = pop!();
                        let (a, b) = (a.as_str(), b.as_str());
                        let bytes = (a.len() + b.len()) as u64;
                        if bytes > 4096 {
                            if let Err(m) = self.reserve(cx, bytes, 0) {
                                save!();
                                return Yield::Limit(m);
                            }
                            self.charge(cx, bytes / WORK_BYTES_PER_STEP, "string concatenation");
                        }
                        let mut s = String::with_capacity(a.len() + b.len());
                        s.push_str(a);
                        s.push_str(b);
                        self.stack.push(Value::Str(Rc::from(s)));
                    }
                    Op::Not => {
                        let a = pop!().as_bool();
                        self.stack.push(Value::Bool(!a));
                    }
                    Op::EqI => int2!(|a, b| Value::Bool(a == b)),
                    Op::NeI => int2!(|a, b| Value::Bool(a != b)),
                    Op::LtI => int2!(|a, b| Value::Bool(a < b)),
                    Op::LeI => int2!(|a, b| Value::Bool(a <= b)),
                    Op::GtI => int2!(|a, b| Value::Bool(a > b)),
                    Op::GeI => int2!(|a, b| Value::Bool(a >= b)),
                    Op::LtU => int2!(|a: i64, b: i64| Value::Bool((a as u64) < (b as u64))),
                    Op::LeU => int2!(|a: i64, b: i64| Value::Bool((a as u64) <= (b as u64))),
                    Op::GtU => int2!(|a: i64, b: i64| Value::Bool((a as u64) > (b as u64))),
                    Op::GeU => int2!(|a: i64, b: i64| Value::Bool((a as u64) >= (b as u64))),
                    Op::LtF => flt2!(|a, b| Value::Bool(a < b)),
                    Op::LeF => flt2!(|a, b| Value::Bool(a <= b)),
                    Op::GtF => flt2!(|a, b| Value::Bool(a > b)),
                    Op::GeF => flt2!(|a, b| Value::Bool(a >= b)),
                    Op::LtS | Op::LeS | Op::GtS | Op::GeS => {
                        let b = pop!();
                        let a = pop!();
                        let o = a.as_str().cmp(b.as_str());
                        let units =
                            a.as_str().len().min(b.as_str().len()) as u64 / WORK_BYTES_PER_STEP;
                        self.charge(cx, units, "comparing strings");
                        let r = match op {
                            Op::LtS => o.is_lt(),
                            Op::LeS => o.is_le(),
                            Op::GtS => o.is_gt(),
                            _ => o.is_ge(),
                        };
                        self.stack.push(Value::Bool(r));
                    }
                    Op::Eq | Op::Ne => {
                        let b = pop!();
                        let a = pop!();
                        if let Some(m) = self.uncomparable(&a, &b) {
                            throw!(m);
                        }
                        let e = a.equals(&b);
                        self.charge(cx, work_units(&a), "==");
                        self.stack
                            .push(Value::Bool(if op == Op::Eq { e } else { !e }));
                    }
                    Op::EqTyped(t) | Op::NeTyped(t) => {
                        let b = pop!();
                        let a = pop!();
                        if let Some(m) = self.uncomparable(&a, &b) {
                            throw!(m);
                        }
                        let e = typed_equal(self.types(), t, &a, &b);
                        let units = value_slots(self.types(), t) + work_units(&a);
                        self.charge(cx, units, "==");
                        self.stack
                            .push(Value::Bool(if matches!(op, Op::EqTyped(_)) {
                                e
                            } else {
                                !e
                            }));
                    }
                    Op::Jump(t) => pc = t as usize,
                    Op::JumpIf(t) => {
                        if pop!().as_bool() {
                            pc = t as usize;
                        }
                    }
                    Op::JumpIfNot(t) => {
                        if !pop!().as_bool() {
                            pc = t as usize;
                        }
                    }
                    Op::Field(i) => {
                        let v = pop!();
                        match v {
                            Value::Agg(o) => {
                                let f = o.get(i as usize).unwrap_or_default();
                                if race && !matches!(f, Value::Agg(_)) {
                                    pins.obj(cx, site!(), &o, i, crate::runtime::AccessKind::Read);
                                }
                                self.stack.push(f);
                            }
                            _ => throw!(NIL_DEREF.into()),
                        }
                    }
                    Op::SetField(i) => {
                        let v = pop!();
                        let a = pop!();
                        match a {
                            Value::Agg(o) => {
                                if race {
                                    pins.obj(cx, site!(), &o, i, crate::runtime::AccessKind::Write);
                                }
                                o.set(i as usize, v);
                            }
                            _ => throw!(NIL_DEREF.into()),
                        }
                    }
                    Op::FieldAddr(i) => {
                        let a = pop!();
                        match a {
                            Value::Agg(o) => {
                                let inner = o.get(i as usize);
                                match inner {
                                    Some(Value::Agg(x)) => self.stack.push(Value::Agg(x)),
                                    _ => self.stack.push(Value::Elem(o, i)),
                                }
                            }
                            _ => throw!(NIL_DEREF.into()),
                        }
                    }
                    Op::Deref => {
                        let p = pop!();
                        if race {
                            pins.ptr(cx, site!(), &p, crate::runtime::AccessKind::Read);
                        }
                        let v = match p {
                            Value::Cell(c) => c.borrow().clone(),
                            Value::Elem(o, i) => o.get(i as usize).unwrap_or_default(),
                            Value::Agg(o) => Value::Agg(o),
                            // `*p` of an array pointer into a slice (`(*[N]T)(s)`): its elements.
                            Value::Slice(o, off, n, _) => {
                                Value::Agg(o.part(off as usize, (off + n) as usize))
                            }
                            _ => throw!(NIL_DEREF.into()),
                        };
                        self.stack.push(v);
                    }
                    Op::StoreDeref => {
                        let v = pop!();
                        let p = pop!();
                        if race {
                            let site = site!();
                            match &p {
                                Value::Agg(o) => {
                                    pins.agg(cx, site, o, crate::runtime::AccessKind::Write)
                                }
                                p => pins.ptr(cx, site, p, crate::runtime::AccessKind::Write),
                            }
                        }
                        match p {
                            Value::Cell(c) => *c.borrow_mut() = v,
                            Value::Elem(o, i) => {
                                o.set(i as usize, v);
                            }
                            Value::Agg(o) => {
                                if let Value::Agg(src) = v
                                    && !Rc::ptr_eq(&o, &src)
                                {
                                    o.assign_from(&src);
                                }
                            }
                            Value::Slice(o, off, _, _) => slices::store_view(&o, off, &v),
                            _ => throw!(NIL_DEREF.into()),
                        }
                    }
                    Op::AssignInto(t) => {
                        let v = pop!();
                        let dst = pop!();
                        if race && let (Value::Agg(d), Value::Agg(src)) = (&dst, &v) {
                            let site = site!();
                            pins.agg(cx, site, src, crate::runtime::AccessKind::Read);
                            pins.agg(cx, site, d, crate::runtime::AccessKind::Write);
                        }
                        match (&dst, &v) {
                            (Value::Agg(d), Value::Agg(src)) => self.copy_into(d, src, t),
                            (Value::Slice(o, off, ..), Value::Agg(_)) => {
                                let v = copy_typed(&prog.types, t, &v);
                                slices::store_view(o, *off, &v);
                            }
                            _ => throw!(NIL_DEREF.into()),
                        }
                    }
                    Op::Index => {
                        let i = pop!().as_int();
                        let c = pop!();
                        match &c {
                            Value::Slice(o, off, len, _) => {
                                if i < 0 || i >= *len as i64 {
                                    throw!(oob(i, *len as usize));
                                }
                                let at = *off + i as u32;
                                let v = o.get(at as usize).unwrap_or_default();
                                if race && !matches!(v, Value::Agg(_)) {
                                    pins.obj(cx, site!(), o, at, crate::runtime::AccessKind::Read);
                                }
                                self.stack.push(v);
                            }
                            Value::Agg(o) => {
                                let got = if i < 0 { None } else { o.get(i as usize) };
                                let Some(v) = got else {
                                    throw!(oob(i, o.len()));
                                };
                                if race && !matches!(v, Value::Agg(_)) {
                                    pins.obj(
                                        cx,
                                        site!(),
                                        o,
                                        i as u32,
                                        crate::runtime::AccessKind::Read,
                                    );
                                }
                                self.stack.push(v);
                            }
                            Value::Str(s) => {
                                if i < 0 || i as usize >= s.len() {
                                    throw!(oob(i, s.len()));
                                }
                                self.stack
                                    .push(Value::Int(i64::from(s.as_bytes()[i as usize])));
                            }
                            Value::Nil => throw!(oob(i, 0)),
                            _ => throw!(NIL_DEREF.into()),
                        }
                    }
                    Op::SetIndex => {
                        let v = pop!();
                        let i = pop!().as_int();
                        let c = pop!();
                        match &c {
                            Value::Slice(o, off, len, _) => {
                                if i < 0 || i >= *len as i64 {
                                    throw!(oob(i, *len as usize));
                                }
                                if race {
                                    pins.obj(
                                        cx,
                                        site!(),
                                        o,
                                        *off + i as u32,
                                        crate::runtime::AccessKind::Write,
                                    );
                                }
                                o.set(*off as usize + i as usize, v);
                            }
                            Value::Agg(o) => {
                                let n = o.len();
                                if i < 0 || i as usize >= n {
                                    throw!(oob(i, n));
                                }
                                if race {
                                    pins.obj(
                                        cx,
                                        site!(),
                                        o,
                                        i as u32,
                                        crate::runtime::AccessKind::Write,
                                    );
                                }
                                o.set(i as usize, v);
                            }
                            Value::Nil => throw!(oob(i, 0)),
                            _ => throw!(NIL_DEREF.into()),
                        }
                    }
                    Op::IndexAddr => {
                        let i = pop!().as_int();
                        let c = pop!();
                        let (o, at, n) = match &c {
                            Value::Slice(o, off, len, _) => {
                                (o.clone(), *off as i64 + i, *len as usize)
                            }
                            Value::Agg(o) => (o.clone(), i, o.len()),
                            Value::Nil => throw!(oob(i, 0)),
                            _ => throw!(NIL_DEREF.into()),
                        };
                        if i < 0 || i as usize >= n {
                            throw!(oob(i, n));
                        }
                        let inner = o.get(at as usize).unwrap_or_default();
                        match inner {
                            Value::Agg(x) => self.stack.push(Value::Agg(x)),
                            _ => self.stack.push(Value::Elem(o, at as u32)),
                        }
                    }
                    Op::MapIndex(t) | Op::MapIndexOk(t) | Op::MapRangeNext(t, _) => {
                        let (k, snap) = match op {
                            Op::MapRangeNext(..) => {
                                let i = pop!().as_int();
                                let (k, v, clears) = range_entry(&pop!(), i);
                                self.stack.push(k.clone());
                                (k, Some((v, clears)))
                            }
                            _ => (pop!(), None),
                        };
                        self.charge(cx, 4 * work_units(&k), "hashing a map key");
                        self.meter(cx, cost::MAP_OP_STEPS, "a map operation");
                        let m = match op {
                            Op::MapRangeNext(..) => self.stack.swap_remove(self.stack.len() - 2),
                            _ => pop!(),
                        };
                        let ranging = matches!(op, Op::MapRangeNext(..));
                        // A range's next entry is not a lookup: Go's iterator reads the map in
                        // mapIterStart and mapIterNext (`Op::MapKeys`, `Op::MapIterNext`).
                        if race
                            && !ranging
                            && let Value::Map(m) = &m
                        {
                            let op = if matches!(op, Op::MapIndex(_)) {
                                MapOp::Access1
                            } else {
                                MapOp::Access2
                            };
                            pins.map(cx, site!(), m, crate::runtime::AccessKind::Read, op);
                        }
                        let k = match &m {
                            Value::Map(mo) => key_in(self.types(), &mo.borrow(), &k),
                            _ => k.key(),
                        };
                        let found = match &m {
                            Value::Map(m) => {
                                let what = if ranging {
                                    "concurrent map iteration and map write"
                                } else {
                                    "concurrent map read and map write"
                                };
                                if let Some(msg) = map_busy(m, cx, what) {
                                    save!();
                                    return Yield::Fatal(msg);
                                }
                                let m = m.borrow();
                                match snap {
                                    Some((v, clears)) if k.has_nan() => {
                                        (m.clears == clears).then_some(v)
                                    }
                                    _ => m.entries.get(&k).map(|e| e.1.clone()),
                                }
                            }
                            _ => None,
                        };
                        let ok = found.is_some();
                        // The program then reads the entry's value (not a range's unused one).
                        if race
                            && ok
                            && !matches!(op, Op::MapRangeNext(_, false))
                            && let Value::Map(m) = &m
                        {
                            pins.entry(cx, site!(), m, &k, crate::runtime::AccessKind::Read);
                        }
                        let v = found.unwrap_or_else(|| self.zero(t));
                        self.stack.push(v);
                        if !matches!(op, Op::MapIndex(_)) {
                            self.stack.push(Value::Bool(ok));
                        }
                    }
                    Op::MapIterNext => {
                        let m = pop!();
                        if race && let Value::Map(m) = &m {
                            let r = crate::runtime::AccessKind::Read;
                            pins.map(cx, site!(), m, r, MapOp::IterNext);
                        }
                    }
                    Op::MapSet => {
                        let v = pop!();
                        let k = pop!();
                        let m = pop!();
                        match &m {
                            Value::Map(m) => {
                                self.charge(cx, 4 * work_units(&k), "hashing a map key");
                                self.meter(cx, cost::MAP_OP_STEPS, "a map operation");
                                let key = key_in(self.types(), &m.borrow(), &k);
                                if let Value::Iface(b) = &k
                                    && !self.types().comparable(b.0)
                                {
                                    throw!(format!(
                                        "runtime error: hash of unhashable type {}",
                                        self.types().name(b.0)
                                    ));
                                }
                                if race {
                                    let w = crate::runtime::AccessKind::Write;
                                    pins.map(cx, site!(), m, w, MapOp::Assign);
                                }
                                if let Some(msg) = map_busy(m, cx, "concurrent map writes") {
                                    save!();
                                    return Yield::Fatal(msg);
                                }
                                if batch == 1 {
                                    m.borrow_mut().writing = cx.gid().0;
                                    self.map_write = Some(m.clone());
                                }
                                // mapassign returns the entry; the program stores the value.
                                if race {
                                    let w = crate::runtime::AccessKind::Write;
                                    pins.entry(cx, site!(), m, &key, w);
                                }
                                let grew = {
                                    let mut mb = m.borrow_mut();
                                    mb.entries.insert(key, (k, v)).is_none()
                                };
                                if grew {
                                    save!();
                                    let len = m.borrow().entries.len();
                                    self.meter(cx, cost::map_insert_steps(len), "map insert");
                                    if let Err(y) = self.map_grew(cx, m) {
                                        return y;
                                    }
                                }
                            }
                            _ => throw!("assignment to entry in nil map".into()),
                        }
                    }
                    Op::Slice(flags) => {
                        let max = if flags & 4 != 0 {
                            Some(pop!().as_int())
                        } else {
                            None
                        };
                        let hi = if flags & 2 != 0 {
                            Some(pop!().as_int())
                        } else {
                            None
                        };
                        let lo = if flags & 1 != 0 { pop!().as_int() } else { 0 };
                        let x = pop!();
                        match self.slice_op(x, lo, hi, max) {
                            Ok(v) => self.stack.push(v),
                            Err(m) => throw!(m),
                        }
                    }
                    Op::MakeStruct(n) => {
                        let v = self.pop_n(n as usize);
                        self.stack.push(Value::agg(v));
                    }
                    Op::MakeArray(n) => {
                        let v = self.pop_n(n as usize);
                        self.stack.push(Value::agg(v));
                    }
                    Op::MakeSlice(n, t) => {
                        let v = self.pop_n(n as usize);
                        let o = Obj::new(v);
                        save!();
                        let bytes = u64::from(n) * self.types().size_of(t);
                        if bytes > 0 {
                            let id = self.alloc(cx, bytes, AllocKind::Slice);
                            o.set_alloc(id);
                        }
                        self.stack.push(Value::Slice(o, 0, n, n));
                    }
                    Op::MakeMap(n, kt, t) => {
                        let kv = self.pop_n(2 * n as usize);
                        let mut m = MapObj::default();
                        m.key_type = (kt != crate::golite::types::ids::VOID).then_some(kt);
                        if race {
                            m.race_key = self.types().map_fast(t);
                        }
                        let mut it = kv.into_iter();
                        while let (Some(k), Some(v)) = (it.next(), it.next()) {
                            let key = key_in(self.types(), &m, &k);
                            m.entries.insert(key, (k, v));
                        }
                        let m = Rc::new(RefCell::new(m));
                        save!();
                        if let Err(y) = self.map_grew(cx, &m) {
                            return y;
                        }
                        self.stack.push(Value::Map(m));
                    }
                    Op::ToIface(t) => {
                        if let Some(v) = self.stack.last_mut()
                            && !matches!(v, Value::Iface(_))
                        {
                            let inner = std::mem::take(v);
                            *v = Value::Iface(Rc::new((t, inner)));
                        }
                    }
                    Op::AssertType(t) | Op::AssertTypeOk(t) => {
                        let v = pop!();
                        let ok_form = matches!(op, Op::AssertTypeOk(_));
                        match v {
                            Value::Iface(b) if b.0 == t => {
                                self.stack.push(b.1.clone());
                                if ok_form {
                                    self.stack.push(Value::Bool(true));
                                }
                            }
                            other => {
                                if ok_form {
                                    let z = self.zero(t);
                                    self.stack.push(z);
                                    self.stack.push(Value::Bool(false));
                                } else {
                                    let have = match &other {
                                        Value::Iface(b) => self.types().name(b.0),
                                        _ => "nil".into(),
                                    };
                                    let iface =
                                        self.sh.prog.assert_src.get(&(fid, pc as u32 - 1)).copied();
                                    let iname = iface
                                        .map(|i| self.types().name(i))
                                        .unwrap_or_else(|| "interface {}".into());
                                    throw!(format!(
                                        "interface conversion: {iname} is {have}, not {}",
                                        self.types().name(t)
                                    ));
                                }
                            }
                        }
                    }
                    Op::AssertIface(t) | Op::AssertIfaceOk(t) => {
                        let v = pop!();
                        let ok_form = matches!(op, Op::AssertIfaceOk(_));
                        let ok = match &v {
                            Value::Iface(b) => self.implements(b.0, t),
                            _ => false,
                        };
                        if ok_form {
                            self.stack.push(if ok { v } else { Value::Nil });
                            self.stack.push(Value::Bool(ok));
                        } else if ok {
                            self.stack.push(v);
                        } else {
                            match &v {
                                Value::Iface(b) => {
                                    let missing = self.missing_method(b.0, t);
                                    throw!(format!(
                                        "interface conversion: {} is not {}: missing method {missing}",
                                        self.types().name(b.0),
                                        self.types().name(t)
                                    ))
                                }
                                _ => throw!(format!(
                                    "interface conversion: interface is nil, not {}",
                                    self.types().name(t)
                                )),
                            }
                        }
                    }
                    Op::IsType(t) => {
                        let v = pop!();
                        let r = match &v {
                            Value::Iface(b) => b.0 == t,
                            Value::Nil => t == crate::golite::types::ids::UNTYPED_NIL,
                            _ => false,
                        };
                        self.stack.push(Value::Bool(r));
                    }
                    Op::IsIface(t) => {
                        let v = pop!();
                        let r = match &v {
                            Value::Iface(b) => self.implements(b.0, t),
                            _ => false,
                        };
                        self.stack.push(Value::Bool(r));
                    }
                    Op::IfaceValue => {
                        let v = pop!();
                        self.stack.push(match v {
                            Value::Iface(b) => b.1.clone(),
                            other => other,
                        });
                    }
                    Op::Call(f, argc) => {
                        save!();
                        flow!(self.enter(f, argc, None, FrameKind::Normal));
                    }
                    Op::CallValue(argc) => {
                        let f = pop!();
                        save!();
                        flow!(self.call_value(cx, f, argc, FrameKind::Normal));
                    }
                    Op::CallIface(sym, argc) => {
                        save!();
                        flow!(self.call_iface(cx, sym, argc, FrameKind::Normal));
                    }
                    Op::CallNative(n, argc) => {
                        save!();
                        flow!(self.native(cx, n, argc));
                    }
                    Op::Ret => {
                        save!();
                        flow!(self.ret(cx));
                    }
                    Op::Closure(i) => {
                        let info = &func.closures[i as usize];
                        let caps: Vec<Value> = info
                            .captures
                            .iter()
                            .map(|&(from_cap, idx)| {
                                if from_cap {
                                    closure
                                        .as_ref()
                                        .and_then(|c| c.captures.get(idx as usize))
                                        .cloned()
                                        .unwrap_or_default()
                                } else {
                                    self.stack[base + idx as usize].clone()
                                }
                            })
                            .collect();
                        self.stack.push(Value::Func(Rc::new(Closure {
                            func: FuncRef::Go(info.func),
                            captures: caps,
                            bound: false,
                        })));
                    }
                    Op::Go(f, argc) => {
                        let args = self.pop_n(argc as usize);
                        save!();
                        if let Err(y) = self.spawn(cx, Callee::Func(f), args) {
                            return y;
                        }
                    }
                    Op::GoValue(argc) => {
                        let f = pop!();
                        let args = self.pop_n(argc as usize);
                        if f.is_nil() {
                            throw!("go of nil func value".into());
                        }
                        save!();
                        if let Err(y) = self.spawn(cx, Callee::Value(f), args) {
                            return y;
                        }
                    }
                    Op::GoIface(sym, argc) => {
                        let args = self.pop_n(argc as usize + 1);
                        if args.first().is_some_and(Value::is_nil) {
                            throw!(NIL_DEREF.into());
                        }
                        save!();
                        if let Err(y) = self.spawn(cx, Callee::Iface(sym), args) {
                            return y;
                        }
                    }
                    Op::GoNative(n, argc) => {
                        let args = self.pop_n(argc as usize);
                        save!();
                        if let Err(y) = self.spawn(cx, Callee::Native(n), args) {
                            return y;
                        }
                    }
                    Op::Defer(f, argc) => {
                        let args = self.pop_n(argc as usize);
                        // The frame's pc first: the defer's line and wrapper are read from it.
                        save!();
                        if let Err(y) = self.push_defer(cx, Callee::Func(f), args) {
                            save!();
                            return y;
                        }
                    }
                    Op::DeferValue(argc) => {
                        let f = pop!();
                        let args = self.pop_n(argc as usize);
                        // The frame's pc first: the defer's line and wrapper are read from it.
                        save!();
                        if let Err(y) = self.push_defer(cx, Callee::Value(f), args) {
                            save!();
                            return y;
                        }
                    }
                    Op::DeferIface(sym, argc) => {
                        let args = self.pop_n(argc as usize + 1);
                        // The frame's pc first: the defer's line and wrapper are read from it.
                        save!();
                        if let Err(y) = self.push_defer(cx, Callee::Iface(sym), args) {
                            save!();
                            return y;
                        }
                    }
                    Op::DeferNative(n, argc) => {
                        let args = self.pop_n(argc as usize);
                        // The frame's pc first: the defer's line and wrapper are read from it.
                        save!();
                        if let Err(y) = self.push_defer(cx, Callee::Native(n), args) {
                            save!();
                            return y;
                        }
                    }
                    Op::BindMethod(f) => {
                        let r = pop!();
                        self.stack.push(Value::Func(Rc::new(Closure {
                            func: FuncRef::Go(f),
                            captures: vec![r],
                            bound: true,
                        })));
                    }
                    Op::BindNative(n) => {
                        let r = pop!();
                        self.stack.push(Value::Func(Rc::new(Closure {
                            func: FuncRef::Native(n),
                            captures: vec![r],
                            bound: true,
                        })));
                    }
                    Op::Escape(t) => {
                        if let Some(Value::Agg(o)) = self.stack.last() {
                            let o = o.clone();
                            let bytes = self.types().size_of(t).max(8);
                            save!();
                            let id = self.alloc(cx, bytes, AllocKind::Struct);
                            o.set_alloc(id);
                        }
                    }
                    Op::BoxValue => {
                        let v = pop!();
                        self.stack.push(Value::Cell(Rc::new(RefCell::new(v))));
                    }
                    Op::Stringify => {
                        let v = self.top().clone();
                        let m = match &v {
                            Value::Iface(b) => self.fmt_method(b.0, &b.1),
                            _ => None,
                        };
                        match m {
                            Some((ty, inner, MethodImpl::Go(f, adj))) => {
                                let recv = match adj {
                                    RecvAdjust::AsIs => inner,
                                    RecvAdjust::Deref => {
                                        let el = self.types().pointer_elem(ty).unwrap_or(ty);
                                        deref_copy(self.types(), el, &inner)
                                    }
                                };
                                self.stack.push(recv);
                                save!();
                                flow!(self.enter(f, 1, None, FrameKind::Stringify));
                            }
                            Some((_, inner, MethodImpl::Native(n))) => {
                                // A library pointer type whose String method is native (a
                                // context's name, a *strings.Builder's text): called here, its
                                // text wrapped as a Go method's is. fmt/value.rs knows the value
                                // types' (Duration, Time...) and the errors' itself.
                                self.stack.push(inner);
                                flow!(self.native(cx, n, 1));
                                let s = pop!();
                                let orig = pop!();
                                let wk = prog.wk.stringified;
                                self.stack
                                    .push(Value::Iface(Rc::new((wk, Value::agg(vec![s, orig])))));
                            }
                            None => {}
                        }
                    }
                    Op::MakeChan(t) => {
                        // A channel is a runtime object: as costly as dozens of instructions.
                        self.charge(cx, 50, "make(chan)");
                        let n = pop!().as_int();
                        let elem = match self.types().ukind(t) {
                            Kind::Chan(_, e) => *e,
                            _ => t,
                        };
                        let size = self.types().size_of(elem);
                        // Go's makechan: the buffer must fit under maxAlloc beside the header.
                        let buf = u64::try_from(n).ok().and_then(|n| n.checked_mul(size));
                        if buf.is_none_or(|b| b > MAX_ALLOC - 96) {
                            throw!("makechan: size out of range".into());
                        }
                        let zero = self.zero(elem);
                        save!();
                        self.sync_rt(cx);
                        let id = cx.make_chan(n as usize, size, zero);
                        self.stack.push(Value::Chan(ChanRef::made(id)));
                    }
                    Op::Send => {
                        let v = pop!();
                        let c = pop!();
                        save!();
                        self.sync_rt(cx);
                        self.meter(cx, cost::CHAN_STEPS, "channel send");
                        match cx.send(chan_of(&c), v) {
                            ROp::Ready(()) => {}
                            ROp::Blocked => {
                                self.pending = Pending::Unit;
                                return Yield::Blocked;
                            }
                            ROp::Panic(m) => throw!(m),
                        }
                    }
                    Op::Recv | Op::RecvOk => {
                        let c = pop!();
                        save!();
                        self.sync_rt(cx);
                        self.meter(cx, cost::CHAN_STEPS, "channel receive");
                        let ok_form = op == Op::RecvOk;
                        match cx.recv(chan_of(&c)) {
                            ROp::Ready((v, ok)) => {
                                self.stack.push(v);
                                if ok_form {
                                    self.stack.push(Value::Bool(ok));
                                }
                            }
                            ROp::Blocked => {
                                self.pending = Pending::Recv { ok: ok_form };
                                return Yield::Blocked;
                            }
                            ROp::Panic(m) => throw!(m),
                        }
                    }
                    Op::Close => {
                        let c = pop!();
                        save!();
                        self.sync_rt(cx);
                        if let Err(m) = cx.close(chan_of(&c)) {
                            throw!(m);
                        }
                    }
                    Op::Select(idx) => {
                        let info = &func.selects[idx as usize];
                        let nvals: usize = info.sends.iter().map(|s| if *s { 2 } else { 1 }).sum();
                        let vals = self.pop_n(nvals);
                        let mut it = vals.into_iter();
                        let mut cases = Vec::with_capacity(info.sends.len());
                        // The select references its channels until it has parked on them (as
                        // Go's waiting goroutine does): `case <-time.After(d)` is not garbage
                        // while the select waits for it.
                        let mut held = Vec::with_capacity(info.sends.len());
                        for &s in &info.sends {
                            let c = it.next().unwrap_or_default();
                            if s {
                                let v = it.next().unwrap_or_default();
                                cases.push(SelectCase::Send(chan_of(&c), v));
                            } else {
                                cases.push(SelectCase::Recv(chan_of(&c)));
                            }
                            held.push(c);
                        }
                        save!();
                        self.sync_rt(cx);
                        let n = cases.len() as u64 + 1;
                        self.meter(cx, cost::CHAN_STEPS * n, "select");
                        match cx.select(&cases, info.default_target.is_some()) {
                            ROp::Ready(sel) => {
                                self.select_done(fid, idx, sel.case, sel.value, sel.ok);
                                continue 'outer;
                            }
                            ROp::Blocked => {
                                self.pending = Pending::Select { func: fid, idx };
                                return Yield::Blocked;
                            }
                            ROp::Panic(m) => throw!(m),
                        }
                    }
                    Op::Len | Op::Cap => {
                        let v = pop!();
                        let n = match &v {
                            Value::Str(s) => s.len(),
                            Value::Slice(_, _, len, cap) => {
                                if op == Op::Len {
                                    *len as usize
                                } else {
                                    *cap as usize
                                }
                            }
                            Value::Agg(o) => o.len(),
                            Value::Map(m) => {
                                // Go's len(m) reads the map's count: a race with a write.
                                if race {
                                    let r = crate::runtime::AccessKind::Read;
                                    pins.map(cx, site!(), m, r, MapOp::Len);
                                }
                                m.borrow().entries.len()
                            }
                            Value::Chan(c) => {
                                if op == Op::Len {
                                    cx.chan_len(c.id)
                                } else {
                                    cx.chan_cap(c.id)
                                }
                            }
                            _ => 0,
                        };
                        self.stack.push(Value::Int(n as i64));
                    }
                    Op::Append(n, el) => {
                        let vals = self.pop_n(n as usize);
                        let s = pop!();
                        save!();
                        match self.append(cx, s, slices::Appended::Vals(vals), el) {
                            Ok(v) => self.stack.push(v),
                            Err(y) => return y,
                        }
                    }
                    Op::AppendSpread(el) => {
                        let other = pop!();
                        let s = pop!();
                        if race && let Value::Slice(o, off, len, _) = &other {
                            pins.range(
                                cx,
                                site!(),
                                o,
                                *off,
                                *off + *len,
                                crate::runtime::AccessKind::Read,
                            );
                        }
                        save!();
                        match self.append(cx, s, slices::Appended::Spread(&other), el) {
                            Ok(v) => self.stack.push(v),
                            Err(y) => return y,
                        }
                    }
                    Op::Copy => {
                        let src = pop!();
                        let dst = pop!();
                        if race {
                            let site = site!();
                            let n = match (&src, &dst) {
                                (Value::Slice(_, _, a, _), Value::Slice(_, _, b, _)) => {
                                    (*a).min(*b)
                                }
                                (Value::Str(a), Value::Slice(_, _, b, _)) => {
                                    (a.len() as u32).min(*b)
                                }
                                _ => 0,
                            };
                            if let Value::Slice(o, off, _, _) = &src {
                                pins.range(
                                    cx,
                                    site,
                                    o,
                                    *off,
                                    *off + n,
                                    crate::runtime::AccessKind::Read,
                                );
                            }
                            if let Value::Slice(o, off, _, _) = &dst {
                                pins.range(
                                    cx,
                                    site,
                                    o,
                                    *off,
                                    *off + n,
                                    crate::runtime::AccessKind::Write,
                                );
                            }
                        }
                        let n = match (&src, &dst) {
                            (Value::Slice(so, soff, slen, _), Value::Slice(o, off, len, _)) => {
                                self.charge(cx, so.work_units(u64::from(*slen)), "copy");
                                Obj::copy(
                                    o,
                                    *off as usize,
                                    so,
                                    *soff as usize,
                                    (*slen).min(*len) as usize,
                                )
                            }
                            (Value::Str(st), Value::Slice(o, off, len, _)) => {
                                let n = st.len().min(*len as usize);
                                self.charge(cx, o.work_units(n as u64), "copy");
                                o.write_bytes(*off as usize, &st.as_bytes()[..n]);
                                n
                            }
                            _ => 0,
                        };
                        self.stack.push(Value::Int(n as i64));
                    }
                    Op::Delete => {
                        let k = pop!();
                        let m = pop!();
                        if let Value::Map(m) = &m {
                            if race {
                                let w = crate::runtime::AccessKind::Write;
                                pins.map(cx, site!(), m, w, MapOp::Delete);
                            }
                            if let Some(msg) = map_busy(m, cx, "concurrent map writes") {
                                save!();
                                return Yield::Fatal(msg);
                            }
                            if batch == 1 {
                                m.borrow_mut().writing = cx.gid().0;
                                self.map_write = Some(m.clone());
                            }
                            let key = key_in(self.types(), &m.borrow(), &k);
                            m.borrow_mut().entries.remove(&key);
                        }
                    }
                    Op::MakeSliceLen(t, has_cap) => {
                        let cap = if has_cap { Some(pop!().as_int()) } else { None };
                        let len = pop!().as_int();
                        let cap = cap.unwrap_or(len);
                        if len < 0 {
                            throw!("runtime error: makeslice: len out of range".into());
                        }
                        if cap < len {
                            throw!("runtime error: makeslice: cap out of range".into());
                        }
                        let size = self.types().size_of(t);
                        let bytes = (cap as u64).saturating_mul(size);
                        // Go's makeslice: more than maxAlloc (2^48 bytes on 64-bit) panics.
                        if (len as u64).saturating_mul(size) > MAX_ALLOC {
                            throw!("runtime error: makeslice: len out of range".into());
                        }
                        if bytes > MAX_ALLOC {
                            throw!("runtime error: makeslice: cap out of range".into());
                        }
                        save!();
                        if let Err(m) = self.reserve_zero(cx, t, cap as u64) {
                            return Yield::Limit(m);
                        }
                        if bytes > self.sh.limits.heap_bytes {
                            let line = self.current_line();
                            return Yield::Limit(format!(
                                "heap limit ({} bytes) exceeded at line {line}",
                                self.sh.limits.heap_bytes
                            ));
                        }
                        let o = if is_byte(self.types(), t) {
                            Obj::bytes(vec![0; cap as usize])
                        } else {
                            let z = self.zero(t);
                            Obj::new(if matches!(z, Value::Agg(_)) {
                                (0..cap).map(|_| self.zero(t)).collect()
                            } else {
                                vec![z; cap as usize]
                            })
                        };
                        save!();
                        if bytes > 0 {
                            let id = self.alloc(cx, bytes, AllocKind::Slice);
                            o.set_alloc(id);
                        }
                        self.stack.push(Value::Slice(o, 0, len as u32, cap as u32));
                    }
                    Op::MakeMapEmpty(kt, t) => {
                        let mut mo = MapObj::default();
                        mo.key_type = (kt != crate::golite::types::ids::VOID).then_some(kt);
                        if race {
                            mo.race_key = self.types().map_fast(t);
                        }
                        let m = Rc::new(RefCell::new(mo));
                        save!();
                        if let Err(y) = self.map_grew(cx, &m) {
                            return y;
                        }
                        self.stack.push(Value::Map(m));
                    }
                    Op::New(t) => {
                        if let Err(m) = self.reserve_zero(cx, t, 1) {
                            save!();
                            return Yield::Limit(m);
                        }
                        let z = self.zero(t);
                        let bytes = self.types().size_of(t).max(8);
                        save!();
                        let v = match z {
                            Value::Agg(o) => {
                                let id = self.alloc(cx, bytes, AllocKind::Struct);
                                o.set_alloc(id);
                                Value::Agg(o)
                            }
                            other => Value::Cell(Rc::new(RefCell::new(other))),
                        };
                        self.stack.push(v);
                    }
                    Op::Panic => {
                        let msg = pop!();
                        let v = pop!();
                        save!();
                        let m = (self.sh.natives.panic_text)(self, &msg);
                        if v.is_nil() {
                            // Since Go 1.21 a runtime error, which recover returns (not nil).
                            self.throw("runtime error: panic called with nil argument".into());
                        } else {
                            self.start_panic(v, m);
                        }
                        continue 'outer;
                    }
                    Op::FrameIndex => {
                        let i = self.frames.len().saturating_sub(1);
                        self.stack.push(Value::Int(i as i64));
                    }
                    Op::DeferMove(home) => {
                        let to = pop!().as_int() as usize;
                        let n = self.frames.len();
                        if to + 1 < n
                            && self.frames[to].func == home
                            && let Some(d) = self.frames[n - 1].defers.pop()
                        {
                            self.frames[to].defers.push(d);
                        }
                    }
                    Op::RangeFuncCheck => {
                        let why = match pop!().as_int() {
                            0 => None,
                            1 => Some("after function for loop body returned false"),
                            2 => Some("after whole loop exit"),
                            _ => Some("after loop body panic"),
                        };
                        if let Some(why) = why {
                            throw!(format!(
                                "runtime error: range function continued iteration {why}"
                            ));
                        }
                    }
                    Op::RangeFuncDone => {
                        if pop!().as_int() == 3 {
                            throw!(
                                "runtime error: range function recovered a loop body panic and did not resume panicking"
                                    .into()
                            );
                        }
                    }
                    Op::Recover => {
                        let ok = self
                            .frames
                            .last()
                            .is_some_and(|f| f.kind == FrameKind::Deferred);
                        let v = match self.panicking.take() {
                            Some(p) if ok && !p.goexit => {
                                let v = p.value.clone();
                                cx.note_recovered();
                                self.recovered = Some(p);
                                v
                            }
                            p => {
                                self.panicking = p;
                                Value::Nil
                            }
                        };
                        self.stack.push(v);
                    }
                    Op::Min(n, float) | Op::Max(n, float) => {
                        let vals = self.pop_n(n as usize);
                        let is_min = matches!(op, Op::Min(..));
                        let mut best = vals.first().cloned().unwrap_or_default();
                        for v in vals.into_iter().skip(1) {
                            let less = match (&v, &best) {
                                (Value::Str(a), Value::Str(b)) => a < b,
                                _ if float => v.as_float() < best.as_float(),
                                _ => v.as_int() < best.as_int(),
                            };
                            let greater = match (&v, &best) {
                                (Value::Str(a), Value::Str(b)) => a > b,
                                _ if float => v.as_float() > best.as_float(),
                                _ => v.as_int() > best.as_int(),
                            };
                            if (is_min && less) || (!is_min && greater) {
                                best = v;
                            }
                        }
                        self.stack.push(best);
                    }
                    Op::MapKeys => {
                        let m = pop!();
                        let keys: Vec<Value> = match &m {
                            Value::Map(m) => {
                                if race {
                                    let r = crate::runtime::AccessKind::Read;
                                    pins.map(cx, site!(), m, r, MapOp::Range);
                                }
                                if let Some(msg) =
                                    map_busy(m, cx, "concurrent map iteration and map write")
                                {
                                    save!();
                                    return Yield::Fatal(msg);
                                }
                                let m = m.borrow();
                                let mut entries: Vec<(Value, Value)> =
                                    m.entries.values().cloned().collect();
                                let n = sh.map_iters.get();
                                sh.map_iters.set(n + 1);
                                shuffle(&mut entries, cx.seed(), n);
                                let clears = Value::Int(m.clears as i64);
                                let pairs = entries.into_iter().flat_map(|(k, v)| [k, v]);
                                pairs.chain([clears]).collect()
                            }
                            _ => Vec::new(),
                        };
                        self.stack.push(Value::slice(keys));
                    }
                    Op::DecodeRune => {
                        let i = pop!().as_int() as usize;
                        let s = pop!();
                        let st = s.as_str();
                        let (r, w) = decode_rune(st.as_bytes().get(i..).unwrap_or(&[]));
                        self.stack.push(Value::Int(i64::from(r)));
                        self.stack.push(Value::Int(w as i64));
                    }
                    Op::IntToFloat => {
                        let a = pop!().as_int();
                        self.stack.push(Value::Float(a as f64));
                    }
                    Op::UintToFloat => {
                        let a = pop!().as_int();
                        self.stack.push(Value::Float(a as u64 as f64));
                    }
                    Op::FloatToInt(k) => {
                        let a = pop!().as_float();
                        let v = if k.unsigned() {
                            a as u64 as i64
                        } else {
                            a as i64
                        };
                        self.stack.push(Value::Int(k.wrap(v)));
                    }
                    Op::RuneToString => {
                        let a = pop!().as_int();
                        let c = u32::try_from(a)
                            .ok()
                            .and_then(char::from_u32)
                            .unwrap_or('\u{FFFD}');
                        self.stack.push(Value::Str(Rc::from(c.to_string())));
                    }
                    Op::StringToBytes => {
                        let s = pop!();
                        let n = s.as_str().len() as u64;
                        save!();
                        self.charge(cx, n / CONVERT_BYTES_PER_STEP, "[]byte(string)");
                        if let Err(m) = self.reserve(cx, n, n.div_ceil(SLOT_BYTES)) {
                            return Yield::Limit(m);
                        }
                        let n = n as u32;
                        let o = Obj::bytes(s.as_str().as_bytes().to_vec());
                        self.stack.push(Value::Slice(o, 0, n, n));
                    }
                    Op::StringToRunes => {
                        let s = pop!();
                        let n = s.as_str().len() as u64;
                        save!();
                        self.charge(cx, n, "[]rune(string)");
                        if let Err(m) = self.reserve(cx, n * 4, n) {
                            return Yield::Limit(m);
                        }
                        let v: Vec<Value> = s
                            .as_str()
                            .chars()
                            .map(|c| Value::Int(i64::from(c as u32)))
                            .collect();
                        self.stack.push(Value::slice(v));
                    }
                    Op::BytesToString => {
                        let s = pop!();
                        if let Value::Slice(o, off, len, _) = &s {
                            let n = u64::from(*len);
                            let work = if o.is_bytes() {
                                n / CONVERT_BYTES_PER_STEP
                            } else {
                                n
                            };
                            self.charge(cx, work, "string([]byte)");
                            // Go's slicebytetostring reads every element.
                            if race {
                                let kind = crate::runtime::AccessKind::Read;
                                let f = crate::runtime::race_frames::SLICE_BYTE_TO_STRING;
                                let site = pins.in_runtime(site!(), &[f]);
                                pins.range(cx, site, o, *off, *off + *len, kind);
                            }
                        }
                        let st = match &s {
                            Value::Slice(o, off, len, _) => {
                                o.string_of_bytes(*off as usize, (*off + *len) as usize)
                            }
                            _ => self.sh.empty.clone(),
                        };
                        self.stack.push(Value::Str(st));
                    }
                    Op::RunesToString => {
                        let s = pop!();
                        if let Value::Slice(o, off, len, _) = &s {
                            self.charge(cx, u64::from(*len), "string([]rune)");
                            // Go's slicerunetostring reads every element.
                            if race {
                                let kind = crate::runtime::AccessKind::Read;
                                pins.range(cx, site!(), o, *off, *off + *len, kind);
                            }
                        }
                        let st: String = match &s {
                            Value::Slice(o, off, len, _) => o.borrow()
                                [*off as usize..(*off + *len) as usize]
                                .iter()
                                .map(|v| {
                                    u32::try_from(v.as_int())
                                        .ok()
                                        .and_then(char::from_u32)
                                        .unwrap_or('\u{FFFD}')
                                })
                                .collect(),
                            _ => String::new(),
                        };
                        self.stack.push(Value::Str(Rc::from(st)));
                    }
                }
            }
        }
    }

    /// Whether dynamic type `t` has every method of interface `iface`, each with its name and
    /// its signature (Go's itab: `String() int` is no `fmt.Stringer`).
    pub(crate) fn implements(&self, t: TypeId, iface: TypeId) -> bool {
        let prog = &self.sh.prog;
        prog.types
            .iface_methods(iface)
            .iter()
            .all(|(name, sig)| has_method(prog, t, name, *sig))
    }

    /// The first method of `iface` that `t` lacks (or has with another signature): Go's
    /// `missing method M` either way.
    fn missing_method(&self, t: TypeId, iface: TypeId) -> String {
        let prog = &self.sh.prog;
        prog.types
            .iface_methods(iface)
            .iter()
            .find(|(name, sig)| !has_method(prog, t, name, *sig))
            .map(|(n, _)| n.clone())
            .unwrap_or_default()
    }
}

impl GoTask {
    /// The Error or String method fmt calls on a value `v` of dynamic type `ty`, if any, as
    /// (the type it is declared on, the receiver, the method): one written in Go (declared or
    /// promoted; `String() int` is no Stringer), unless a nil pointer's value receiver, or a
    /// library pointer type's native String. `Op::Stringify` calls it; fmt/value.rs asks it for
    /// the values it meets inside an operand (docs/ARCHITECTURE.md, "fmt's methods inside
    /// values").
    pub(crate) fn fmt_method(&self, ty: TypeId, v: &Value) -> Option<(TypeId, Value, MethodImpl)> {
        let prog = &self.sh.prog;
        let wk = &prog.wk;
        let m = [wk.sym_error, wk.sym_string].into_iter().find_map(|s| {
            match prog.methods.get(&(ty, s)).copied() {
                Some(m) => text_method(prog, ty, s).then(|| (ty, v.clone(), m)),
                None => self.promoted(ty, v, s),
            }
        })?;
        let callable = match &m {
            (_, inner, MethodImpl::Go(_, adj)) => !(*adj == RecvAdjust::Deref && inner.is_nil()),
            (t, inner, MethodImpl::Native(_)) => {
                !inner.is_nil()
                    && prog.types.pointer_elem(*t).is_some()
                    && !prog.methods.contains_key(&(*t, wk.sym_error))
            }
        };
        callable.then_some(m)
    }
}

/// Whether method `sym` of dynamic type `t` has the signature `func() string` of `Error` and
/// `String`, which fmt calls (true when the table lacks its signature).
pub(crate) fn text_method(prog: &Program, t: TypeId, sym: u32) -> bool {
    prog.method_sigs.get(&(t, sym)).is_none_or(|&s| {
        matches!(prog.types.kind(s), Kind::Func(sig)
            if sig.params.is_empty() && !sig.variadic && sig.results == [crate::golite::types::ids::STRING])
    })
}

/// Whether dynamic type `t` has method `name` with signature `sig` (by name alone for a method
/// whose signature the table lacks).
fn has_method(prog: &Program, t: TypeId, name: &str, sig: TypeId) -> bool {
    prog.sym(name).is_some_and(|s| {
        prog.methods.contains_key(&(t, s))
            && prog.method_sigs.get(&(t, s)).is_none_or(|&m| m == sig)
    })
}

/// Go's fatal error when another goroutine is in the middle of writing map `m` (only under
/// seeded preemption can a goroutine stop there).
fn map_busy(m: &Rc<RefCell<MapObj>>, cx: &Cx<'_, Value>, what: &str) -> Option<String> {
    let w = m.borrow().writing;
    (w != 0 && w != cx.gid().0).then(|| what.to_string())
}

/// Entry `i` of a range's snapshot (`Op::MapKeys`): its key, its value then, and how many
/// times the map had been cleared then.
fn range_entry(snap: &Value, i: i64) -> (Value, Value, u64) {
    let Value::Slice(o, off, len, _) = snap else {
        return (Value::Nil, Value::Nil, 0);
    };
    let items = o.borrow();
    let items = &items[*off as usize..(*off + *len) as usize];
    let at = |j: usize| items.get(j).cloned().unwrap_or_default();
    let j = usize::try_from(i).unwrap_or(usize::MAX / 4) * 2;
    let clears = items.last().map_or(0, |c| c.as_int() as u64);
    (at(j), at(j + 1), clears)
}

/// Go's map iteration order is random: a Fisher-Yates shuffle seeded by the run's seed and the
/// iteration's number (a stream apart from the run's PRNG, so select choices and preemption
/// points do not move when a program ranges over a map).
fn shuffle<T>(keys: &mut [T], seed: u64, n: u64) {
    let mut x = seed ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x6d61_7073;
    let mut next = || {
        // splitmix64
        x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    for i in (1..keys.len()).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        keys.swap(i, j);
    }
}

/// The runtime's view of a channel value (`None` for nil).
pub(crate) fn chan_of(v: &Value) -> Option<crate::runtime::ChanId> {
    match v {
        Value::Chan(c) => Some(c.id),
        _ => None,
    }
}

#[allow(dead_code)]
fn _key_unused(_: Key) {}
