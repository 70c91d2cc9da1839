//! Reachability over golite's heap, for the runtime's leak verdicts (`runtime::reach`): what a
//! value, a goroutine's stack or the globals refer to, shown to a [`Marker`].
//!
//! golite's values carry no type, so an integer field cannot tell a `sync.Mutex`'s id from a
//! counter: the objects that hold a runtime id (a sync type's struct, a `time.Timer`, a
//! context) are registered when the id is stored ([`register`]), and the walk looks each heap
//! node it meets up in that registry. The walk uses a work list, not recursion, so a million-node
//! linked list cannot overflow the stack, and visits each node once ([`Marker::first_visit`]).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use super::value::{Closure, Obj, Value};
use super::{Callee, Creator, GoTask, NATIVE_FUNC};
use crate::golite::code::FuncId;
use crate::golite::code::{FuncRef, Native};
use crate::runtime::library_frames;
use crate::runtime::{CreatedBy, CtxId, GState, Marker, Ref, StackFrame};

thread_local! {
    /// Heap nodes holding a runtime object's id, by address. The `Weak` keeps the address from
    /// being reused while the entry exists; dead entries are dropped as the registry grows.
    static REGISTRY: RefCell<Registry> = RefCell::new(Registry::default());
}

#[derive(Default)]
struct Registry {
    objs: HashMap<usize, (Weak<Obj>, Ref)>,
    /// Entries after the last pruning: prune again when the map doubles.
    after_prune: usize,
}

/// Records that `obj` holds runtime object `r` (a sync type's id field, a timer's, a
/// context's), so a walk reaching `obj` reaches `r`.
pub fn register(obj: &Rc<Obj>, r: Ref) {
    REGISTRY.with(|reg| {
        let mut reg = reg.borrow_mut();
        if reg.objs.len() >= 2 * reg.after_prune + 1024 {
            reg.objs.retain(|_, (w, _)| w.strong_count() > 0);
            reg.after_prune = reg.objs.len();
        }
        reg.objs
            .insert(Rc::as_ptr(obj) as usize, (Rc::downgrade(obj), r));
    });
}

/// The object registered for the node at `addr`, if it is still alive.
fn registered(addr: usize) -> Option<Ref> {
    REGISTRY.with(|reg| {
        reg.borrow()
            .objs
            .get(&addr)
            .filter(|(w, _)| w.strong_count() > 0)
            .map(|(_, r)| *r)
    })
}

/// Shows `m` everything `roots` refer to, through golite's heap.
pub fn trace_values(roots: impl IntoIterator<Item = Value>, m: &mut Marker) {
    let mut work: Vec<Value> = roots.into_iter().collect();
    while let Some(v) = work.pop() {
        match v {
            Value::Nil
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Complex(..)
            | Value::Str(_) => {}
            Value::Agg(o) | Value::Slice(o, ..) | Value::Elem(o, _) => {
                let addr = Rc::as_ptr(&o) as usize;
                if m.first_visit(addr) {
                    if let Some(r) = registered(addr) {
                        m.refer(r);
                    }
                    // Scalars refer to nothing: a 10 M-element []byte must not be cloned
                    // into the work list (it doubled the peak memory of the run's end).
                    if !o.is_bytes() {
                        work.extend(o.borrow().iter().filter(|v| refers(v)).cloned());
                    }
                }
            }
            Value::Map(map) => {
                if m.first_visit(Rc::as_ptr(&map) as *const u8 as usize)
                    && let Ok(map) = map.try_borrow()
                {
                    for (k, v) in map.entries.values() {
                        work.push(k.clone());
                        work.push(v.clone());
                    }
                }
            }
            Value::Chan(c) => m.refer(Ref::Chan(c.id)),
            Value::Func(f) => {
                if m.first_visit(Rc::as_ptr(&f) as *const u8 as usize) {
                    closure_refs(&f, m);
                    work.extend(f.captures.iter().cloned());
                }
            }
            Value::Cell(c) => {
                if m.first_visit(Rc::as_ptr(&c) as *const u8 as usize)
                    && let Ok(inner) = c.try_borrow()
                {
                    work.push(inner.clone());
                }
            }
            Value::Iface(b) => {
                if m.first_visit(Rc::as_ptr(&b) as *const u8 as usize) {
                    work.push(b.1.clone());
                }
            }
            Value::Tuple(vals) => work.extend(vals.iter().cloned()),
        }
    }
}

/// Whether a value can refer to anything [`trace_values`] follows.
fn refers(v: &Value) -> bool {
    !matches!(
        v,
        Value::Nil
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Complex(..)
            | Value::Str(_)
    )
}

/// A native closure that holds a runtime id as a plain integer: a context's cancel function.
fn closure_refs(f: &Closure, m: &mut Marker) {
    if let FuncRef::Native(Native::CTX_CANCEL | Native::CTX_CANCEL_CAUSE) = f.func
        && let Some(id) = f.captures.first()
    {
        m.refer(Ref::Ctx(CtxId(id.as_int() as u32)));
    }
}

impl GoTask {
    /// Everything this goroutine's stack holds: its value stack, each frame's closure and
    /// deferred calls, a panic in flight, a native closure being called.
    pub fn trace_stack(&self, m: &mut Marker) {
        let mut roots: Vec<Value> = self.stack.clone();
        for f in &self.frames {
            if let Some(c) = &f.closure {
                roots.push(Value::Func(c.clone()));
            }
            for d in &f.defers {
                if let Callee::Value(v) = &d.callee {
                    roots.push(v.clone());
                }
                roots.extend(d.args.iter().cloned());
            }
        }
        for p in self.panicking.iter().chain(self.recovered.iter()) {
            roots.push(p.value.clone());
        }
        if let Some(c) = &self.native_closure {
            roots.push(Value::Func(c.clone()));
        }
        trace_values(roots, m);
    }

    /// What the program's globals refer to.
    pub fn trace_globals(&self, m: &mut Marker) {
        let roots: Vec<Value> = self
            .sh
            .globals
            .iter()
            .filter_map(|g| g.try_borrow().ok().map(|v| v.clone()))
            .collect();
        trace_values(roots, m);
    }
}

impl GoTask {
    /// The frames a dump shows, innermost first: the program's functions with the line each is
    /// at (the call it is in, or the operation it is blocked in), and the frames of Go's library
    /// that Go's dump shows around them, at Go's files and lines (`runtime::library_frames`).
    /// Native roots and the rest of golite's prelude (library code written in Go) are left out,
    /// as their lines are not Go's.
    pub(crate) fn stack_frames(&self, state: GState) -> Vec<StackFrame> {
        let at: Vec<(FuncId, u32)> = self.frames.iter().map(|f| (f.func, f.pc)).collect();
        let frames = self.frames_of(&at);
        if !frames.is_empty() {
            return frames;
        }
        // A library goroutine (an HTTP transport's readLoop): where Go parks it, if known; else
        // its function at a location a dump cannot name (`?:0`, as Go prints one).
        let innermost = at
            .iter()
            .rev()
            .filter(|(f, _)| *f != NATIVE_FUNC)
            .find_map(|(f, _)| self.sh.prog.funcs.get(*f as usize));
        let outermost = at
            .iter()
            .filter(|(f, _)| *f != NATIVE_FUNC)
            .find_map(|(f, _)| self.sh.prog.funcs.get(*f as usize));
        if let Some(code) = innermost
            && let Some((file, line)) = library_frames::parked_at(&code.name, state)
        {
            return vec![StackFrame::library(&code.name, file, line)];
        }
        outermost
            .map(|code| StackFrame::library(&code.name, "?", 0))
            .into_iter()
            .collect()
    }

    /// Whether some frame runs the program's own code (not the library's Go source).
    pub(crate) fn has_program_frame(&self) -> bool {
        if self.panicking.is_some() {
            return true;
        }
        self.frames
            .iter()
            .any(|f| self.frame_at(f.func, f.pc).is_some())
    }

    /// Dump frames of `(function, pc)` pairs, outermost first, returned innermost first. The
    /// program's entry (package initialisation, then `main`) shows only while it runs itself
    /// (Go's `main.init`); below `main` it stands for Go's runtime frames, which Go's
    /// tracebacks hide. A library function calling the frames kept inside it shows where Go's
    /// does the same call (`net/http.HandlerFunc.ServeHTTP` under a handler); other library
    /// frames are left out. Empty when no program frame is on the stack.
    fn frames_of(&self, at: &[(FuncId, u32)]) -> Vec<StackFrame> {
        let entry = self.sh.prog.entry;
        let n = at.len();
        let mut out: Vec<StackFrame> = Vec::new();
        for (i, (f, pc)) in at.iter().enumerate().rev() {
            if *f == entry && i + 1 != n {
                continue;
            }
            if let Some(frame) = self.frame_at(*f, *pc) {
                out.push(frame);
                continue;
            }
            let Some(code) = self.sh.prog.funcs.get(*f as usize).filter(|c| c.prelude) else {
                continue;
            };
            let inner = out.last().map(|k| (k.func.as_str(), k.file.is_none()));
            if let Some((file, line)) = inner
                .and_then(|(callee, program)| library_frames::calling(&code.name, callee, program))
            {
                out.push(StackFrame::library(&code.name, file, line));
            }
        }
        if out.iter().all(|f| f.file.is_some()) {
            out.clear();
        }
        out
    }

    /// Where the panic in flight started, innermost first (empty when none is).
    pub(crate) fn panic_frames(&self) -> Vec<StackFrame> {
        self.panicking
            .as_ref()
            .map_or_else(Vec::new, |p| self.frames_of(&p.at))
    }

    /// `func` at instruction `pc` (the next one to run) as a dump frame, unless it is native or
    /// prelude code.
    fn frame_at(&self, func: FuncId, pc: u32) -> Option<StackFrame> {
        if func == NATIVE_FUNC {
            return None;
        }
        let code = self.sh.prog.funcs.get(func as usize)?;
        if code.prelude {
            return None;
        }
        let at = (pc as usize).saturating_sub(1);
        Some(StackFrame::program(
            code.name.clone(),
            code.lines.get(at).copied().unwrap_or(code.line),
        ))
    }

    /// The innermost program function running (the one a `go` statement is in).
    pub(crate) fn current_func(&self) -> Option<FuncId> {
        self.frames
            .iter()
            .rev()
            .find(|f| self.frame_at(f.func, f.pc).is_some())
            .map(|f| f.func)
    }

    /// `created by` for dumps: the function whose `go` statement started this goroutine
    /// (`goroutine` is the runtime's to set).
    pub(crate) fn creator(&self) -> Option<CreatedBy> {
        match self.created_by? {
            Creator::Program(func, line) => Some(CreatedBy {
                func: self.sh.prog.funcs.get(func as usize)?.name.clone(),
                line,
                goroutine: 0,
                file: None,
            }),
            Creator::Library(func, file, line) => Some(CreatedBy {
                func: func.to_string(),
                line,
                goroutine: 0,
                file: Some(file.to_string()),
            }),
        }
    }
}
