//! The context tree: Background, WithCancel(Cause), WithDeadline/Timeout, WithValue,
//! WithoutCancel and AfterFunc. Cancelling a node closes its Done channel, stops its deadline
//! timer, cancels its descendants (not across WithoutCancel) and starts its AfterFuncs.

use serde::Serialize;

use super::cx::Cx;
use super::ids::{AfterFuncId, ChanId, CtxId, Gid, TimerId};
use super::scheduler::Runtime;
use super::timer::TimerKind;
use super::{Task, Value};

/// Why a context is done, with Go's error strings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum CtxErr {
    Canceled,
    DeadlineExceeded,
}

impl CtxErr {
    /// `ctx.Err().Error()`.
    pub fn as_str(self) -> &'static str {
        match self {
            CtxErr::Canceled => "context canceled",
            CtxErr::DeadlineExceeded => "context deadline exceeded",
        }
    }
}

/// `context.Cause(ctx)`: the value given to a CancelCauseFunc, or the context's error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cause<V> {
    Err(CtxErr),
    Value(V),
}

pub(crate) enum CtxKind<V> {
    Background,
    Cancel,
    Value { key: V, val: V },
    WithoutCancel,
}

pub(crate) struct CtxNode<V> {
    pub(crate) parent: Option<CtxId>,
    pub(crate) kind: CtxKind<V>,
    pub(crate) done: Option<ChanId>,
    err: Option<CtxErr>,
    pub(crate) cause: Option<Cause<V>>,
    pub(crate) children: Vec<CtxId>,
    deadline: Option<i64>,
    pub(crate) timer: Option<TimerId>,
    pub(crate) funcs: Vec<AfterFuncId>,
    /// WithDeadlineCause's cause, used when the deadline passes.
    pub(crate) deadline_cause: Option<V>,
}

/// A registered `context.AfterFunc`.
pub(crate) struct AfterFuncEntry<V> {
    pub(crate) task: Option<Box<dyn Task<V>>>,
    line: u32,
}

/// All context nodes and AfterFunc registrations.
pub(crate) struct Contexts<V> {
    pub(crate) nodes: Vec<CtxNode<V>>,
    pub(crate) funcs: Vec<AfterFuncEntry<V>>,
}

impl<V> Default for Contexts<V> {
    fn default() -> Self {
        Contexts {
            nodes: Vec::new(),
            funcs: Vec::new(),
        }
    }
}

impl<V: Value> Runtime<V> {
    fn ctx_node(&mut self, parent: Option<CtxId>, kind: CtxKind<V>) -> CtxId {
        let id = CtxId(self.ctxs.nodes.len() as u32);
        self.ctxs.nodes.push(CtxNode {
            parent,
            kind,
            done: None,
            err: None,
            cause: None,
            children: Vec::new(),
            deadline: None,
            timer: None,
            funcs: Vec::new(),
            deadline_cause: None,
        });
        id
    }

    /// The nearest ancestor-or-self that can be cancelled (None past Background/WithoutCancel).
    fn nearest_cancel(&self, mut c: CtxId) -> Option<CtxId> {
        loop {
            let n = &self.ctxs.nodes[c.index()];
            match n.kind {
                CtxKind::Cancel => return Some(c),
                CtxKind::Value { .. } => c = n.parent?,
                CtxKind::Background | CtxKind::WithoutCancel => return None,
            }
        }
    }

    fn ctx_deadline_of(&self, c: CtxId) -> Option<i64> {
        self.nearest_cancel(c)
            .and_then(|n| self.ctxs.nodes[n.index()].deadline)
    }

    /// A new cancellable child of `parent` with deadline `deadline`.
    fn ctx_cancellable(&mut self, gid: Gid, parent: CtxId, deadline: Option<i64>) -> CtxId {
        let id = self.ctx_node(Some(parent), CtxKind::Cancel);
        let done = self.chan_make(gid, 0, 0, V::unit(), None);
        self.ctxs.nodes[id.index()].done = Some(done);
        self.ctxs.nodes[id.index()].deadline = deadline;
        if let Some(p) = self.nearest_cancel(parent) {
            // Go's propagateCancel: parent.Done(), then the parent's mutex.
            self.race_ctx_done(gid, p);
            self.race_ctx_locked(gid, p, false);
            let pn = &self.ctxs.nodes[p.index()];
            if let Some(err) = pn.err {
                let cause = pn.cause.clone();
                self.ctx_cancel_with(gid, id, err, cause);
            } else {
                // Cancelled children are dropped lazily (amortised O(1)) so that a long-lived
                // parent with many short-lived children does not grow without bound.
                let len = self.ctxs.nodes[p.index()].children.len();
                if len >= 64 && len.is_power_of_two() {
                    let mut kids = std::mem::take(&mut self.ctxs.nodes[p.index()].children);
                    kids.retain(|k| self.ctxs.nodes[k.index()].err.is_none());
                    self.ctxs.nodes[p.index()].children = kids;
                }
                self.ctxs.nodes[p.index()].children.push(id);
            }
        }
        id
    }

    /// Cancels `c` and its subtree with `err` (cause defaults to `err`).
    pub(crate) fn ctx_cancel_with(
        &mut self,
        gid: Gid,
        c: CtxId,
        err: CtxErr,
        cause: Option<Cause<V>>,
    ) {
        let cause = cause.unwrap_or(Cause::Err(err));
        let mut stack = vec![c];
        while let Some(c) = stack.pop() {
            let n = &mut self.ctxs.nodes[c.index()];
            if n.err.is_some() || !matches!(n.kind, CtxKind::Cancel) {
                continue;
            }
            self.race_ctx_locked(gid, c, true);
            let n = &mut self.ctxs.nodes[c.index()];
            n.err = Some(err);
            n.cause = Some(cause.clone());
            let children = std::mem::take(&mut n.children);
            let funcs = std::mem::take(&mut n.funcs);
            let timer = n.timer.take();
            let done = n.done;
            if let Some(t) = timer {
                self.timer_stop(gid, t);
                self.timers_recycle(t);
            }
            if let Some(d) = done {
                let _ = self.chan_close(gid, Some(d));
            }
            for f in funcs {
                self.run_ctx_after_func(gid, f);
            }
            stack.extend(children.into_iter().rev());
        }
    }

    fn run_ctx_after_func(&mut self, gid: Gid, f: AfterFuncId) {
        let e = &mut self.ctxs.funcs[f.index()];
        if let Some(task) = e.task.take() {
            let line = e.line;
            self.spawn_goroutine(gid, task, "context.AfterFunc", line, line);
        }
    }
}

impl<V: Value> Cx<'_, V> {
    /// `context.Background()` / `context.TODO()`.
    pub fn ctx_background(&mut self) -> CtxId {
        self.rt.ctx_node(None, CtxKind::Background)
    }

    /// `context.WithCancel(parent)` / `WithCancelCause(parent)`.
    pub fn ctx_with_cancel(&mut self, parent: CtxId) -> CtxId {
        let d = self.rt.ctx_deadline_of(parent);
        self.rt.ctx_cancellable(self.gid, parent, d)
    }

    /// `context.WithDeadline(parent, at)` (WithTimeout: `at = now + d`). A parent deadline that
    /// is earlier wins, as in Go.
    pub fn ctx_with_deadline(&mut self, parent: CtxId, at_ns: i64) -> CtxId {
        let gid = self.gid;
        let rt = &mut *self.rt;
        if let Some(pd) = rt.ctx_deadline_of(parent)
            && pd <= at_ns
        {
            return rt.ctx_cancellable(gid, parent, Some(pd));
        }
        let id = rt.ctx_cancellable(gid, parent, Some(at_ns));
        if rt.ctxs.nodes[id.index()].err.is_some() {
            return id;
        }
        if at_ns <= rt.now {
            rt.ctx_cancel_with(gid, id, CtxErr::DeadlineExceeded, None);
            return id;
        }
        let t = rt.timers_add_ctx(id);
        rt.ctxs.nodes[id.index()].timer = Some(t);
        rt.arm_ctx_timer(gid, t, at_ns);
        id
    }

    /// `context.WithDeadlineCause(parent, at, cause)` (WithTimeoutCause: `at = now + d`): when
    /// the deadline passes, Err is DeadlineExceeded and Cause is `cause`, for it and its
    /// descendants. An earlier parent deadline wins and then `cause` is not used, as in Go.
    pub fn ctx_with_deadline_cause(&mut self, parent: CtxId, at_ns: i64, cause: V) -> CtxId {
        let gid = self.gid;
        let rt = &mut *self.rt;
        if let Some(pd) = rt.ctx_deadline_of(parent)
            && pd <= at_ns
        {
            return rt.ctx_cancellable(gid, parent, Some(pd));
        }
        let id = rt.ctx_cancellable(gid, parent, Some(at_ns));
        if rt.ctxs.nodes[id.index()].err.is_some() {
            return id;
        }
        if at_ns <= rt.now {
            rt.ctx_cancel_with(gid, id, CtxErr::DeadlineExceeded, Some(Cause::Value(cause)));
            return id;
        }
        rt.ctxs.nodes[id.index()].deadline_cause = Some(cause);
        let t = rt.timers_add_ctx(id);
        rt.ctxs.nodes[id.index()].timer = Some(t);
        rt.arm_ctx_timer(gid, t, at_ns);
        id
    }

    /// `context.WithValue(parent, key, val)`.
    pub fn ctx_with_value(&mut self, parent: CtxId, key: V, val: V) -> CtxId {
        self.rt.ctx_node(Some(parent), CtxKind::Value { key, val })
    }

    /// `context.WithoutCancel(parent)`: keeps values, drops cancellation and deadline.
    pub fn ctx_without_cancel(&mut self, parent: CtxId) -> CtxId {
        self.rt.ctx_node(Some(parent), CtxKind::WithoutCancel)
    }

    /// Calls the CancelFunc (cause `None`) or CancelCauseFunc of `c`; a no-op once done.
    pub fn ctx_cancel(&mut self, c: CtxId, cause: Option<V>) {
        if let Some(n) = self.rt.nearest_cancel(c)
            && n == c
        {
            self.rt
                .ctx_cancel_with(self.gid, c, CtxErr::Canceled, cause.map(Cause::Value));
        }
    }

    /// `ctx.Done()`: `None` (a nil channel) for contexts that are never cancelled.
    pub fn ctx_done(&mut self, c: CtxId) -> Option<ChanId> {
        let n = self.rt.nearest_cancel(c)?;
        self.rt.race_ctx_done(self.gid, n);
        self.rt.ctxs.nodes[n.index()].done
    }

    /// `ctx.Err()`.
    pub fn ctx_err(&mut self, c: CtxId) -> Option<CtxErr> {
        let n = self.rt.nearest_cancel(c)?;
        self.rt.race_ctx_locked(self.gid, n, false);
        self.rt.ctxs.nodes[n.index()].err
    }

    /// `context.Cause(ctx)`.
    pub fn ctx_cause(&mut self, c: CtxId) -> Option<Cause<V>> {
        let n = self.rt.nearest_cancel(c)?;
        self.rt.race_ctx_locked(self.gid, n, false);
        self.rt.ctxs.nodes[n.index()].cause.clone()
    }

    /// `ctx.Deadline()` as virtual ns.
    pub fn ctx_deadline(&mut self, c: CtxId) -> Option<i64> {
        self.rt.ctx_deadline_of(c)
    }

    /// `ctx.Value(key)`: the nearest WithValue whose key `matches`.
    pub fn ctx_value(&mut self, c: CtxId, matches: &dyn Fn(&V) -> bool) -> Option<V> {
        let mut cur = Some(c);
        while let Some(id) = cur {
            let n = &self.rt.ctxs.nodes[id.index()];
            if let CtxKind::Value { key, val } = &n.kind
                && matches(key)
            {
                return Some(val.clone());
            }
            cur = n.parent;
        }
        None
    }

    /// `context.AfterFunc(ctx, f)`: `task` starts as a goroutine when `c` is done (at once if it
    /// already is; never for contexts that cannot be cancelled).
    pub fn ctx_after_func(&mut self, c: CtxId, task: Box<dyn Task<V>>) -> AfterFuncId {
        let line = self.line();
        let rt = &mut *self.rt;
        let id = AfterFuncId(rt.ctxs.funcs.len() as u32);
        rt.ctxs.funcs.push(AfterFuncEntry {
            task: Some(task),
            line,
        });
        if let Some(n) = rt.nearest_cancel(c) {
            if rt.ctxs.nodes[n.index()].err.is_some() {
                rt.run_ctx_after_func(self.gid, id);
            } else {
                rt.ctxs.nodes[n.index()].funcs.push(id);
            }
        }
        id
    }

    /// The stop function of `context.AfterFunc`: true if it kept `f` from starting.
    pub fn ctx_after_func_stop(&mut self, f: AfterFuncId) -> bool {
        match self.rt.ctxs.funcs.get_mut(f.index()) {
            Some(e) => e.task.take().is_some(),
            None => false,
        }
    }
}

impl<V: Value> Runtime<V> {
    /// The deadline of `c` passed (its timer fired).
    pub(crate) fn ctx_deadline_passed(&mut self, c: CtxId) {
        let cause = self.ctxs.nodes[c.index()]
            .deadline_cause
            .take()
            .map(Cause::Value);
        self.ctx_cancel_with(Gid(0), c, CtxErr::DeadlineExceeded, cause);
    }

    fn timers_add_ctx(&mut self, c: CtxId) -> TimerId {
        self.timers_add(TimerKind::Ctx(c))
    }

    fn arm_ctx_timer(&mut self, gid: Gid, t: TimerId, at: i64) {
        self.arm_visible(gid, t, at);
    }
}
