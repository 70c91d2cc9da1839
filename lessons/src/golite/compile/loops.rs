//! Loops: three-clause `for` and `range` (over ints, slices, arrays, strings, maps, channels and
//! functions), with Go 1.22's fresh variable per iteration, or, for a program compiled for Go
//! 1.21 (`GoVersion::Go121`), one variable per loop: the three-clause loop's variables are not
//! re-boxed between iterations and a range clause's `:=` variables are declared once, before
//! the loop, and assigned at each iteration (so closures and goroutines share them).

use super::stmt::Place;
use super::{Compiler, R, describe, err};
use crate::golite::code::Op;
use crate::golite::syntax::ast::{self, Expr, ExprKind, Stmt};
use crate::golite::types::{Kind, TypeId, ids};

impl<'a> Compiler<'a> {
    pub(super) fn for_loop(
        &mut self,
        init: Option<&Stmt>,
        cond: Option<&Expr>,
        post: Option<&Stmt>,
        body: &ast::Block,
        label: Option<&str>,
    ) -> R<()> {
        self.push_scope();
        let before = self.f_var_count();
        if let Some(i) = init {
            self.stmt(i)?;
        }
        let loop_vars: Vec<usize> = (before..self.f_var_count()).collect();
        let top = self.here();
        let mut exit = None;
        if let Some(c) = cond {
            self.line = c.pos.line;
            self.cond(c)?;
            exit = Some(self.emit(Op::JumpIfNot(0)));
        }
        self.loop_begin(label, true);
        self.block_stmts(&body.stmts)?;
        let cont = self.here();
        // Go 1.22: each iteration gets fresh copies of the loop variables.
        if self.per_iteration_loop_vars {
            for v in &loop_vars {
                self.rebox_site(*v);
            }
        }
        if let Some(p) = post {
            self.stmt(p)?;
        }
        self.emit(Op::Jump(top as u32));
        let end = self.here();
        if let Some(x) = exit {
            self.patch(x, end);
        }
        self.loop_end(cont, end);
        self.pop_scope();
        Ok(())
    }

    pub(super) fn range(
        &mut self,
        key: Option<&Expr>,
        value: Option<&Expr>,
        define: bool,
        x: &Expr,
        body: &ast::Block,
        label: Option<&str>,
    ) -> R<()> {
        self.push_scope();
        let xt = self.type_of(x)?;
        let xt = if self.types.is_untyped(xt) {
            self.types.default_type(xt)
        } else {
            xt
        };
        let k = self.types.ukind(xt).clone();
        // Assign or declare a loop target from the value on top of the stack.
        match k {
            Kind::Int(_) => {
                let n = self.temp(xt);
                self.value_to(x, xt)?;
                self.init_var(n);
                let i = self.temp(xt);
                self.emit(Op::PushInt(0));
                self.init_var(i);
                let [hk, _] = self.hoist_range_vars(define, [(key, xt), (None, xt)]);
                let top = self.here();
                self.load_var(i);
                self.load_var(n);
                self.emit(Op::LtI);
                let exit = self.emit(Op::JumpIfNot(0));
                self.push_scope();
                if let Some(kx) = key {
                    self.load_var(i);
                    self.range_assign(kx, xt, define, hk)?;
                }
                if value.is_some() {
                    return err(
                        x.pos,
                        format!(
                            "range over {} permits only one iteration variable",
                            describe(x)
                        ),
                    );
                }
                self.loop_begin(label, true);
                self.block_stmts(&body.stmts)?;
                self.pop_scope();
                let cont = self.here();
                self.load_var(i);
                self.emit(Op::PushInt(1));
                self.emit(Op::AddI);
                self.store_var(i);
                self.emit(Op::Jump(top as u32));
                let end = self.here();
                self.patch(exit, end);
                self.loop_end(cont, end);
            }
            Kind::Slice(_) | Kind::Array(..) | Kind::String | Kind::Pointer(_) => {
                let (el, is_str) = match k {
                    Kind::String => (ids::INT32, true),
                    Kind::Slice(e) | Kind::Array(_, e) => (e, false),
                    Kind::Pointer(p) => match self.types.ukind(p).clone() {
                        Kind::Array(_, e) => (e, false),
                        _ => return err(x.pos, format!("cannot range over {}", describe(x))),
                    },
                    _ => (ids::ANY, false),
                };
                let coll = self.temp(xt);
                self.value(x, None)?;
                self.init_var(coll);
                let n = self.temp(ids::INT);
                match self.array_len(xt) {
                    // A nil *[N]T still ranges N times over its indexes.
                    Some(len) => self.emit(Op::PushInt(len as i64)),
                    None => {
                        self.load_var(coll);
                        self.emit(Op::Len)
                    }
                };
                self.init_var(n);
                let i = self.temp(ids::INT);
                self.emit(Op::PushInt(0));
                self.init_var(i);
                let w = self.temp(ids::INT);
                if is_str {
                    self.emit(Op::PushInt(0));
                    self.init_var(w);
                }
                let vt = if is_str { ids::INT32 } else { el };
                let [hk, hv] = self.hoist_range_vars(define, [(key, ids::INT), (value, vt)]);
                let top = self.here();
                self.load_var(i);
                self.load_var(n);
                self.emit(Op::LtI);
                let exit = self.emit(Op::JumpIfNot(0));
                self.push_scope();
                if is_str {
                    self.load_var(coll);
                    self.load_var(i);
                    self.emit(Op::DecodeRune);
                    self.store_var(w);
                    let r = self.temp(ids::INT32);
                    self.init_var(r);
                    if let Some(kx) = key {
                        self.load_var(i);
                        self.range_assign(kx, ids::INT, define, hk)?;
                    }
                    if let Some(vx) = value {
                        self.load_var(r);
                        self.range_assign(vx, ids::INT32, define, hv)?;
                    }
                } else {
                    if let Some(kx) = key {
                        self.load_var(i);
                        self.range_assign(kx, ids::INT, define, hk)?;
                    }
                    if let Some(vx) = value {
                        self.load_var(coll);
                        if matches!(k, Kind::Pointer(_)) {
                            self.emit(Op::NilCheck);
                        }
                        self.load_var(i);
                        self.emit(Op::Index);
                        if self.types.is_aggregate(el) {
                            self.emit(Op::CopyAgg(el));
                        }
                        self.range_assign(vx, el, define, hv)?;
                    }
                }
                self.loop_begin(label, true);
                self.block_stmts(&body.stmts)?;
                self.pop_scope();
                let cont = self.here();
                self.load_var(i);
                if is_str {
                    self.load_var(w);
                } else {
                    self.emit(Op::PushInt(1));
                }
                self.emit(Op::AddI);
                self.store_var(i);
                self.emit(Op::Jump(top as u32));
                let end = self.here();
                self.patch(exit, end);
                self.loop_end(cont, end);
            }
            Kind::Map(kt, vt) => {
                let line = self.line;
                let m = self.temp(xt);
                self.expr(x, None)?;
                self.init_var(m);
                let keys = self.temp(ids::ANY);
                self.load_var(m);
                self.emit(Op::MapKeys);
                self.init_var(keys);
                let n = self.temp(ids::INT);
                self.load_var(keys);
                self.emit(Op::Len);
                self.emit(Op::PushInt(2));
                self.emit(Op::DivI);
                self.init_var(n);
                let i = self.temp(ids::INT);
                self.emit(Op::PushInt(0));
                self.init_var(i);
                let kv = self.temp(kt);
                let vv = self.temp(vt);
                let [hk, hv] = self.hoist_range_vars(define, [(key, kt), (value, vt)]);
                let top = self.here();
                self.load_var(i);
                self.load_var(n);
                self.emit(Op::LtI);
                let exit = self.emit(Op::JumpIfNot(0));
                self.load_var(m);
                self.load_var(keys);
                self.load_var(i);
                // The loop reads the entry's value (for the race detector) unless it has none
                // or it is `_`.
                let uses_value = value
                    .is_some_and(|v| !matches!(&v.unparen().kind, ExprKind::Ident(n) if n == "_"));
                self.emit(Op::MapRangeNext(vt, uses_value));
                let skip = self.emit(Op::JumpIfNot(0));
                self.init_var(vv);
                self.init_var(kv);
                self.push_scope();
                if let Some(kx) = key {
                    self.load_var(kv);
                    self.range_assign(kx, kt, define, hk)?;
                }
                if let Some(vx) = value {
                    self.load_var(vv);
                    self.range_assign(vx, vt, define, hv)?;
                }
                self.loop_begin(label, true);
                self.block_stmts(&body.stmts)?;
                self.pop_scope();
                // After each body (not after a break), Go's loop calls mapIterNext, which
                // reads the map again; a deleted key is skipped inside that same call.
                let cont = self.here();
                self.line = line;
                self.load_var(m);
                self.emit(Op::MapIterNext);
                let next = self.here();
                self.load_var(i);
                self.emit(Op::PushInt(1));
                self.emit(Op::AddI);
                self.store_var(i);
                self.emit(Op::Jump(top as u32));
                // A key deleted during iteration: drop it and the zero value, and move on.
                let skipped = self.here();
                self.patch(skip, skipped);
                self.emit(Op::Pop);
                self.emit(Op::Pop);
                self.emit(Op::Jump(next as u32));
                let end = self.here();
                self.patch(exit, end);
                self.loop_end(cont, end);
            }
            Kind::Chan(d, el) => {
                if d == crate::golite::types::ChanDir::Send {
                    return err(
                        x.pos,
                        format!(
                            "invalid operation: range {} receive from send-only channel",
                            describe(x)
                        ),
                    );
                }
                if value.is_some() {
                    return err(
                        x.pos,
                        format!(
                            "range over {} permits only one iteration variable",
                            describe(x)
                        ),
                    );
                }
                let c = self.temp(xt);
                self.expr(x, None)?;
                self.init_var(c);
                let [hk, _] = self.hoist_range_vars(define, [(key, el), (None, el)]);
                let top = self.here();
                self.line = x.pos.line;
                self.load_var(c);
                self.emit(Op::RecvOk);
                let exit = self.emit(Op::JumpIfNot(0));
                self.push_scope();
                match key {
                    Some(kx) => self.range_assign(kx, el, define, hk)?,
                    None => {
                        self.emit(Op::Pop);
                    }
                }
                self.loop_begin(label, true);
                self.block_stmts(&body.stmts)?;
                self.pop_scope();
                let cont = self.here();
                self.emit(Op::Jump(top as u32));
                let end = self.here();
                self.emit(Op::Pop);
                let real_end = self.here();
                self.patch(exit, end);
                self.loop_end(cont, real_end);
            }
            Kind::Func(_) => self.range_func(key, value, define, x, xt, body, label)?,
            _ => {
                return err(
                    x.pos,
                    format!(
                        "cannot range over {} (variable of type {})",
                        describe(x),
                        self.types.name(xt)
                    ),
                );
            }
        }
        self.pop_scope();
        Ok(())
    }

    /// Go 1.21: declares the range clause's `:=` variables once, before the loop, with their
    /// zero values; each `Some` is then assigned at every iteration by [`Self::range_assign`].
    /// All `None` under Go 1.22+, where each iteration declares its own.
    fn hoist_range_vars(
        &mut self,
        define: bool,
        targets: [(Option<&Expr>, TypeId); 2],
    ) -> [Option<usize>; 2] {
        targets.map(|(target, t)| {
            if !define || self.per_iteration_loop_vars {
                return None;
            }
            let target = target?;
            let ExprKind::Ident(n) = &target.kind else {
                return None;
            };
            let v = self.declare_var(n, t, target.pos);
            self.zero_of(t);
            self.init_var(v);
            Some(v)
        })
    }

    /// Stores the value on top into the loop's own variable `hoisted` (Go 1.21), or else into
    /// a range target as [`Self::range_target`] does.
    fn range_assign(
        &mut self,
        target: &Expr,
        t: TypeId,
        define: bool,
        hoisted: Option<usize>,
    ) -> R<()> {
        match hoisted {
            Some(v) => {
                self.store_var(v);
                Ok(())
            }
            None => self.range_target(target, t, define),
        }
    }

    /// Stores the value on top into a range variable (declared per iteration with `:=`).
    pub(super) fn range_target(&mut self, target: &Expr, t: TypeId, define: bool) -> R<()> {
        if define {
            match &target.kind {
                ExprKind::Ident(n) => {
                    let v = self.declare_var(n, t, target.pos);
                    self.init_var(v);
                    Ok(())
                }
                _ => err(target.pos, "non-name on left side of :="),
            }
        } else {
            // Operands of the place must come before the value: go through a temporary.
            let tmp = self.temp(t);
            self.init_var(tmp);
            let (p, pt) = self.place(target)?;
            self.load_var(tmp);
            if !matches!(p, Place::Blank) {
                self.coerce(t, pt);
            }
            self.store(p);
            Ok(())
        }
    }
}
