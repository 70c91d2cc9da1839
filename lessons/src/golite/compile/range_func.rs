//! Range over functions (Go 1.23): `for k, v := range seq { body }` where `seq` is a
//! `func(yield func(K, V) bool)`.
//!
//! As Go's compiler rewrites such a loop, the body becomes a closure that `seq` receives as
//! `yield`: falling off its end or `continue` returns true, `break` returns false. What leaves
//! the loop for somewhere else, a `return` or a `break`/`continue` naming an enclosing
//! statement, stores an exit code in a hidden variable of the enclosing function, returns false,
//! and is carried out there once `seq` has returned (a `return`'s values are already in the
//! function's results). A `defer` in the body belongs to the enclosing function: it is moved to
//! that function's frame (`Op::DeferMove`). A hidden state variable catches an iterator that
//! calls `yield` again after it returned false, after the loop ended, or after the body
//! panicked, with Go's runtime errors (`Op::RangeFuncCheck`).

use super::{Compiler, Entity, R, describe, err};
use crate::golite::code::Op;
use crate::golite::syntax::ast::{self, Expr, Pos, Stmt};
use crate::golite::types::{Kind, TypeId, ids};

/// States of a range-over-func loop, as the VM's `RangeFuncCheck` reads them.
pub(crate) const RF_READY: i64 = 0;
const RF_DONE: i64 = 1;
const RF_EXHAUSTED: i64 = 2;
const RF_RUNNING: i64 = 3;

/// What a loop body's closure knows of its loop.
#[derive(Clone, Debug)]
pub(crate) struct RangeFunc {
    /// Depth in `fs` of the function holding the loop (where exits are carried out).
    parent: usize,
    /// Depth of the function the program wrote the loop in (not a loop body): whose results a
    /// `return` sets and whose frame a `defer` joins.
    home: usize,
    /// Variables of `parent`: the exit code and the state.
    next: usize,
    state: usize,
    /// Variable of `home`: its frame's index on the goroutine's stack.
    frame: usize,
    label: Option<String>,
    /// Exits carried out in `parent` once the iterator returns: code, what, where.
    pub(crate) exits: Vec<(i64, Exit, Pos)>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Exit {
    Return,
    Branch { label: String, is_break: bool },
}

impl<'a> Compiler<'a> {
    /// Compiles `for key, value := range x { body }` over a function `x` of signature `sig`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn range_func(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        xt: TypeId,
        body: &ast::Block,
        label: Option<&str>,
    ) -> R<()> {
        let vars = self.yield_params(x, xt)?;
        let wanted = usize::from(key.is_some()) + usize::from(value.is_some());
        if wanted > vars.len() {
            let msg = match vars.len() {
                0 => "permits no iteration variables",
                _ => "permits only one iteration variable",
            };
            let at = if vars.is_empty() { key } else { value };
            let pos = at.map_or(x.pos, |e| e.pos);
            let what = self.operand(x, xt);
            return err(pos, format!("range over {what} {msg}"));
        }
        let parent = self.fs.len() - 1;
        let fv = self.temp(xt);
        self.value(x, None)?;
        self.init_var(fv);
        let next = self.temp(ids::INT);
        self.emit(Op::PushInt(0));
        self.init_var(next);
        let state = self.temp(ids::INT);
        self.emit(Op::PushInt(RF_READY));
        self.init_var(state);
        let (home, frame) = match &self.f().range_func {
            Some(rf) => (rf.home, rf.frame),
            None => {
                let frame = self.temp(ids::INT);
                self.emit(Op::FrameIndex);
                self.init_var(frame);
                (parent, frame)
            }
        };
        let ctx = RangeFunc {
            parent,
            home,
            next,
            state,
            frame,
            label: label.map(str::to_string),
            exits: Vec::new(),
        };
        let exits = self.range_body(key, value, define, &vars, body, ctx, x.pos)?;
        self.load_var(fv);
        self.line = x.pos.line;
        self.emit(Op::CallValue(1));
        self.load_var(state);
        self.emit(Op::RangeFuncDone);
        self.emit(Op::PushInt(RF_EXHAUSTED));
        self.store_var(state);
        for (code, exit, pos) in exits {
            self.load_var(next);
            self.emit(Op::PushInt(code));
            self.emit(Op::EqI);
            let skip = self.emit(Op::JumpIfNot(0));
            match exit {
                Exit::Return => self.return_jump(pos)?,
                Exit::Branch { label, is_break } => self.branch_at(Some(&label), is_break, pos)?,
            }
            let here = self.here();
            self.patch(skip, here);
        }
        Ok(())
    }

    /// The parameter types of `yield` when `xt` is a `func(yield func(...) bool)`.
    fn yield_params(&mut self, x: &Expr, xt: TypeId) -> R<Vec<TypeId>> {
        let bad = |c: &mut Self, why: &str| {
            let what = c.operand(x, xt);
            err(x.pos, format!("cannot range over {what}: {why}"))
        };
        let Kind::Func(sig) = self.types.ukind(xt).clone() else {
            return bad(self, "not a function");
        };
        if sig.params.len() != 1 || sig.variadic {
            return bad(
                self,
                "func must be func(yield func(...) bool): wrong argument count",
            );
        }
        if !sig.results.is_empty() {
            return bad(
                self,
                "func must be func(yield func(...) bool): wrong result count",
            );
        }
        let Kind::Func(y) = self.types.ukind(sig.params[0]).clone() else {
            return bad(
                self,
                "func must be func(yield func(...) bool): argument is not func",
            );
        };
        if y.params.len() > 2 || y.variadic {
            return bad(
                self,
                "func must be func(yield func(...) bool): yield func has too many parameters",
            );
        }
        if y.results.len() != 1 || self.types.underlying(y.results[0]) != ids::BOOL {
            return bad(
                self,
                "func must be func(yield func(...) bool): yield func does not return bool",
            );
        }
        Ok(y.params)
    }

    /// `f (variable of type T)` as types2 names an operand in its messages (also `1 (untyped
    /// int constant)`, `m["a"] (map index expression of type int)`, `nil`).
    pub(crate) fn operand(&mut self, x: &Expr, xt: TypeId) -> String {
        if xt == crate::golite::types::ids::UNTYPED_NIL {
            return describe(x);
        }
        if self.types.is_untyped(xt) {
            use crate::golite::types::Kind as K;
            let kind = match self.types.kind(xt) {
                K::UntypedRune => "rune",
                K::UntypedFloat => "float",
                K::UntypedComplex => "complex",
                K::UntypedString => "string",
                K::UntypedBool => "bool",
                _ => "int",
            };
            let src = super::expr_src(x);
            return format!("{src} (untyped {kind} constant)");
        }
        let kind = match &x.kind {
            ast::ExprKind::Ident(n) => match self.peek(n) {
                Some(Entity::Local(_) | Entity::Capture(..) | Entity::Global(..)) => "variable",
                _ => "value",
            },
            ast::ExprKind::Index { x: m, .. }
                if matches!(
                    self.type_of(m).map(|t| self.types.ukind(t).clone()),
                    Ok(crate::golite::types::Kind::Map(..))
                ) =>
            {
                let src = super::expr_src(x);
                return format!(
                    "{src} (map index expression of type {})",
                    self.types.name(xt)
                );
            }
            _ => "value",
        };
        format!("{} ({kind} of type {})", describe(x), self.types.name(xt))
    }

    /// Compiles the loop body as the `yield` closure and pushes it; returns the exits the body
    /// asked its parent for.
    #[allow(clippy::too_many_arguments)]
    fn range_body(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        vars: &[TypeId],
        body: &ast::Block,
        ctx: RangeFunc,
        pos: Pos,
    ) -> R<Vec<(i64, Exit, Pos)>> {
        let fid = self.funcs.len() as u32;
        self.funcs.push(Default::default());
        let name = {
            let parent = self.f();
            parent.range_count += 1;
            format!("{}-range{}", parent.code.name, parent.range_count)
        };
        let params: Vec<(String, TypeId)> = vars.iter().map(|t| ("_".to_string(), *t)).collect();
        let saved_line = self.line;
        self.begin_fn(fid, &name, pos.line, &params, &[(None, ids::BOOL)], None)?;
        self.f().range_func = Some(ctx);
        self.rf_load(|rf| (rf.parent, rf.state));
        self.emit(Op::RangeFuncCheck);
        self.emit(Op::PushInt(RF_RUNNING));
        self.rf_store(|rf| (rf.parent, rf.state));
        for (i, target) in [key, value].into_iter().enumerate() {
            if let Some(t) = target
                && let Some(ty) = vars.get(i)
            {
                self.emit(Op::Load(i as u16));
                self.range_target(t, *ty, define)?;
            }
        }
        self.block_stmts(&body.stmts)?;
        self.line = body.end.line;
        self.yield_return(true)?;
        let caps = self.f().cap_src.clone();
        let exits = self
            .f()
            .range_func
            .as_ref()
            .map(|rf| rf.exits.clone())
            .unwrap_or_default();
        self.end_fn(fid)?;
        self.line = saved_line;
        let idx = {
            let f = self.f();
            f.code.closures.push(crate::golite::code::ClosureInfo {
                func: fid,
                captures: caps,
            });
            (f.code.closures.len() - 1) as u32
        };
        self.emit(Op::Closure(idx));
        Ok(exits)
    }

    /// The body's `return true` (continue) or `return false` (break), with the state Go keeps.
    fn yield_return(&mut self, more: bool) -> R<()> {
        self.emit(Op::PushInt(if more { RF_READY } else { RF_DONE }));
        self.rf_store(|rf| (rf.parent, rf.state));
        self.emit(Op::PushBool(more));
        let r = self.f_result_vars()[0];
        self.store_var(r);
        let j = self.emit(Op::Jump(0));
        self.f_push_return(j);
        Ok(())
    }

    /// Leaves the body for `exit`, carried out by the loop's function.
    fn range_exit(&mut self, exit: Exit, pos: Pos) -> R<()> {
        let code = {
            let Some(rf) = self.f().range_func.as_mut() else {
                return err(
                    pos,
                    "internal error: range exit outside a range-over-func body",
                );
            };
            match rf.exits.iter().find(|e| e.1 == exit) {
                Some(e) => e.0,
                None => {
                    let code = rf.exits.len() as i64 + 1;
                    rf.exits.push((code, exit, pos));
                    code
                }
            }
        };
        self.emit(Op::PushInt(code));
        self.rf_store(|rf| (rf.parent, rf.next));
        self.yield_return(false)
    }

    /// `return` inside a range-over-func body: the values go to the enclosing function's
    /// results, then the body exits.
    pub(super) fn range_return(&mut self, vals: &[Expr], s: &Stmt) -> R<()> {
        let Some(rf) = self.f().range_func.clone() else {
            return err(
                s.pos,
                "internal error: range return outside a range-over-func body",
            );
        };
        let results = self.fs[rf.home].results.clone();
        let rvars = self.fs[rf.home].result_vars.clone();
        let named = self.fs[rf.home].named_results;
        if !vals.is_empty() || (!results.is_empty() && !named) {
            self.return_values(vals, &results, s)?;
            for v in rvars.iter().rev() {
                self.outer_store(rf.home, *v);
            }
        }
        self.range_exit(Exit::Return, s.pos)
    }

    /// A `return` whose values are already stored: from a loop body, exit again; else jump to
    /// the function's end.
    fn return_jump(&mut self, pos: Pos) -> R<()> {
        if self.f().range_func.is_some() {
            return self.range_exit(Exit::Return, pos);
        }
        let j = self.emit(Op::Jump(0));
        self.f_push_return(j);
        Ok(())
    }

    /// `break`/`continue` with no target inside the body's own function: this loop's, or an
    /// enclosing statement's (an exit). False when this is not a loop body.
    pub(super) fn range_branch(
        &mut self,
        label: Option<&str>,
        is_break: bool,
        pos: Pos,
    ) -> R<bool> {
        let Some(rf) = self.f().range_func.clone() else {
            return Ok(false);
        };
        match label {
            Some(l) if rf.label.as_deref() != Some(l) => {
                self.range_exit(
                    Exit::Branch {
                        label: l.to_string(),
                        is_break,
                    },
                    pos,
                )?;
            }
            _ => {
                if let Some(l) = label {
                    self.fs[rf.parent].used_labels.push(l.to_string());
                }
                self.yield_return(!is_break)?;
            }
        }
        Ok(true)
    }

    /// `defer` inside a loop body: the call just deferred joins the enclosing function's frame.
    pub(super) fn range_defer(&mut self) {
        if let Some(home) = self.f().range_func.as_ref().map(|rf| rf.home) {
            let fid = self.fids[home];
            self.rf_load(|rf| (rf.home, rf.frame));
            self.emit(Op::DeferMove(fid));
        }
    }

    fn rf_load(&mut self, which: impl Fn(&RangeFunc) -> (usize, usize)) {
        if let Some((d, v)) = self.f().range_func.as_ref().map(which) {
            let idx = self.outer_capture(d, v);
            self.emit(Op::LoadCap(idx));
        }
    }

    fn rf_store(&mut self, which: impl Fn(&RangeFunc) -> (usize, usize)) {
        if let Some((d, v)) = self.f().range_func.as_ref().map(which) {
            self.outer_store(d, v);
        }
    }

    fn outer_store(&mut self, d: usize, v: usize) {
        let idx = self.outer_capture(d, v);
        self.emit(Op::StoreCap(idx));
    }

    /// The capture index, in the function being compiled, of variable `v` of the enclosing
    /// function at depth `d`.
    fn outer_capture(&mut self, d: usize, v: usize) -> u16 {
        self.box_var(d, v);
        let at = self.fs.len() - 1;
        self.capture(d, v, at)
    }
}
