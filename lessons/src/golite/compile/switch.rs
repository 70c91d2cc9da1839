//! `switch`, type switches and `select`.

use super::stmt::Place;
use super::{Compiler, R, describe, err};
use crate::golite::code::{Op, SelectInfo};
use crate::golite::syntax::ast::{self, AssignOp, Expr, ExprKind, Stmt, StmtKind, UnaryOp};
use crate::golite::types::{Kind, TypeId, ids};

impl<'a> Compiler<'a> {
    pub(super) fn switch(
        &mut self,
        init: Option<&Stmt>,
        tag: Option<&Expr>,
        clauses: &[ast::CaseClause],
        label: Option<&str>,
    ) -> R<()> {
        self.push_scope();
        if let Some(i) = init {
            self.stmt(i)?;
        }
        let (tv, tt) = match tag {
            Some(t) => {
                let ty = self.type_of(t)?;
                let ty = self.types.default_type(ty);
                let v = self.temp(ty);
                self.value_to(t, ty)?;
                self.init_var(v);
                (Some(v), ty)
            }
            None => (None, ids::BOOL),
        };
        self.loop_begin(label, false);
        // Dispatch: test each case in order, jump to its body.
        let mut body_jumps: Vec<Vec<usize>> = Vec::new();
        let mut default_idx = None;
        for (ci, c) in clauses.iter().enumerate() {
            let mut js = Vec::new();
            if c.is_default {
                default_idx = Some(ci);
            }
            for e in &c.exprs {
                self.line = e.pos.line;
                match tv {
                    Some(v) => {
                        let et = self.type_of(e)?;
                        let cmp_iface = self.types.is_interface(tt) || self.types.is_interface(et);
                        self.load_var(v);
                        if cmp_iface && !self.types.is_interface(tt) {
                            self.coerce(tt, ids::ANY);
                            self.value_to(e, ids::ANY)?;
                        } else {
                            self.value_to(e, tt)?;
                        }
                        self.emit(match self.types.ukind(tt) {
                            Kind::Int(_) => Op::EqI,
                            _ => Op::Eq,
                        });
                    }
                    None => self.value_to(e, ids::BOOL)?,
                }
                js.push(self.emit(Op::JumpIf(0)));
            }
            body_jumps.push(js);
        }
        let to_default = self.emit(Op::Jump(0));
        let mut ends = Vec::new();
        let mut fall: Option<usize> = None;
        let mut starts = Vec::new();
        for (ci, c) in clauses.iter().enumerate() {
            let start = self.here();
            starts.push(start);
            if let Some(f) = fall.take() {
                self.patch(f, start);
            }
            for j in &body_jumps[ci] {
                self.patch(*j, start);
            }
            let (body, falls) = match c.body.last() {
                Some(Stmt {
                    kind: StmtKind::Fallthrough,
                    ..
                }) => (&c.body[..c.body.len() - 1], true),
                _ => (&c.body[..], false),
            };
            if falls && ci + 1 == clauses.len() {
                return err(
                    c.body.last().map_or(c.pos, |s| s.pos),
                    "cannot fallthrough final case in switch",
                );
            }
            self.block_stmts(body)?;
            if falls {
                fall = Some(self.emit(Op::Jump(0)));
            } else {
                ends.push(self.emit(Op::Jump(0)));
            }
        }
        let end = self.here();
        match default_idx {
            Some(d) => self.patch(to_default, starts[d]),
            None => self.patch(to_default, end),
        }
        for j in ends {
            self.patch(j, end);
        }
        self.loop_end(end, end);
        self.pop_scope();
        Ok(())
    }

    pub(super) fn type_switch(
        &mut self,
        init: Option<&Stmt>,
        bind: Option<&ast::Ident>,
        x: &Expr,
        clauses: &[ast::TypeCaseClause],
        label: Option<&str>,
    ) -> R<()> {
        self.push_scope();
        if let Some(i) = init {
            self.stmt(i)?;
        }
        let xt = self.type_of(x)?;
        if !self.types.is_interface(xt) {
            return err(
                x.pos,
                format!(
                    "{} (variable of type {}) is not an interface",
                    describe(x),
                    self.types.name(xt)
                ),
            );
        }
        let v = self.temp(xt);
        self.expr(x, None)?;
        self.init_var(v);
        self.loop_begin(label, false);
        let mut jumps: Vec<Vec<usize>> = Vec::new();
        let mut resolved: Vec<Vec<Option<TypeId>>> = Vec::new();
        let mut default_idx = None;
        for (ci, c) in clauses.iter().enumerate() {
            if c.is_default {
                default_idx = Some(ci);
            }
            let mut js = Vec::new();
            let mut ts = Vec::new();
            for t in &c.types {
                self.load_var(v);
                match t {
                    None => {
                        self.emit(Op::IsType(ids::UNTYPED_NIL));
                        ts.push(None);
                    }
                    Some(te) => {
                        let tt = self.resolve_type(te)?;
                        if self.types.is_interface(tt) {
                            self.emit(Op::IsIface(tt));
                        } else {
                            self.ensure_dispatch(tt);
                            self.emit(Op::IsType(tt));
                        }
                        ts.push(Some(tt));
                    }
                }
                js.push(self.emit(Op::JumpIf(0)));
            }
            jumps.push(js);
            resolved.push(ts);
        }
        let to_default = self.emit(Op::Jump(0));
        let mut ends = Vec::new();
        let mut starts = Vec::new();
        for (ci, c) in clauses.iter().enumerate() {
            let start = self.here();
            starts.push(start);
            for j in &jumps[ci] {
                self.patch(*j, start);
            }
            self.push_scope();
            if let Some(b) = bind {
                let single = if resolved[ci].len() == 1 {
                    resolved[ci][0]
                } else {
                    None
                };
                self.load_var(v);
                let bt = match single {
                    Some(t) if !self.types.is_interface(t) => {
                        self.emit(Op::IfaceValue);
                        t
                    }
                    Some(t) => t,
                    None => xt,
                };
                let bv = self.new_var(&b.name, bt);
                self.init_var(bv);
            }
            self.block_stmts(&c.body)?;
            self.pop_scope();
            ends.push(self.emit(Op::Jump(0)));
        }
        let end = self.here();
        match default_idx {
            Some(d) => self.patch(to_default, starts[d]),
            None => self.patch(to_default, end),
        }
        for j in ends {
            self.patch(j, end);
        }
        self.loop_end(end, end);
        self.pop_scope();
        Ok(())
    }

    pub(super) fn select(&mut self, clauses: &[ast::CommClause], label: Option<&str>) -> R<()> {
        let sel_line = self.line;
        let mut sends = Vec::new();
        let mut has_default = false;
        // Operands in source order.
        for c in clauses {
            let Some(comm) = &c.comm else {
                has_default = true;
                continue;
            };
            self.line = comm.pos.line;
            match &comm.kind {
                StmtKind::Send { ch, value } => {
                    let t = self.expr(ch, None)?;
                    let Kind::Chan(_, el) = self.types.ukind(t).clone() else {
                        return err(ch.pos, "send to non-channel");
                    };
                    self.value_to(value, el)?;
                    sends.push(true);
                }
                StmtKind::Expr(e) => {
                    let ExprKind::Unary {
                        op: UnaryOp::Recv,
                        x,
                    } = &e.unparen().kind
                    else {
                        return err(e.pos, "select case must be receive, send or assign recv");
                    };
                    self.recv_operand(x)?;
                    sends.push(false);
                }
                StmtKind::Assign { rhs, .. } => {
                    let Some(ExprKind::Unary {
                        op: UnaryOp::Recv,
                        x,
                    }) = rhs.first().map(|r| &r.unparen().kind)
                    else {
                        return err(
                            comm.pos,
                            "select assignment must have receive on right hand side",
                        );
                    };
                    self.recv_operand(x)?;
                    sends.push(false);
                }
                _ => return err(comm.pos, "select case must be receive, send or assign recv"),
            }
        }
        // A select with one case and no default is that channel operation, at the case's line.
        if clauses.len() != 1 || has_default {
            self.line = sel_line;
        }
        let idx = {
            let f = self.f();
            f.code.selects.push(SelectInfo {
                sends: sends.clone(),
                targets: Vec::new(),
                default_target: None,
            });
            (f.code.selects.len() - 1) as u32
        };
        self.emit(Op::Select(idx));
        self.loop_begin(label, false);
        let mut ends = Vec::new();
        let mut targets = Vec::new();
        let mut default_target = None;
        for c in clauses {
            let start = self.here();
            self.push_scope();
            match &c.comm {
                None => default_target = Some(start as u32),
                Some(comm) => {
                    targets.push(start as u32);
                    match &comm.kind {
                        StmtKind::Send { .. } => {}
                        StmtKind::Expr(_) => {
                            self.emit(Op::Pop);
                            self.emit(Op::Pop);
                        }
                        StmtKind::Assign { lhs, op, rhs } => {
                            let el = match &rhs[0].unparen().kind {
                                ExprKind::Unary { x, .. } => {
                                    let t = self.type_of(x)?;
                                    match self.types.ukind(t) {
                                        Kind::Chan(_, el) => *el,
                                        _ => ids::ANY,
                                    }
                                }
                                _ => ids::ANY,
                            };
                            // Stack: [value, ok].
                            let okv = self.temp(ids::BOOL);
                            self.init_var(okv);
                            let vv = self.temp(el);
                            self.init_var(vv);
                            let tys = [el, ids::BOOL];
                            let temps = [vv, okv];
                            if lhs.len() > 2 {
                                return err(comm.pos, "select assignment has too many variables");
                            }
                            for (i, l) in lhs.iter().enumerate() {
                                if *op == AssignOp::Define {
                                    let ExprKind::Ident(n) = &l.kind else {
                                        return err(l.pos, "non-name on left side of :=");
                                    };
                                    self.load_var(temps[i]);
                                    let v = self.declare_var(n, tys[i], l.pos);
                                    self.init_var(v);
                                } else {
                                    let (p, pt) = self.place(l)?;
                                    self.load_var(temps[i]);
                                    if !matches!(p, Place::Blank) {
                                        self.coerce(tys[i], pt);
                                    }
                                    self.store(p);
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
            self.block_stmts(&c.body)?;
            self.pop_scope();
            ends.push(self.emit(Op::Jump(0)));
        }
        let end = self.here();
        for j in ends {
            self.patch(j, end);
        }
        {
            let f = self.f();
            let s = &mut f.code.selects[idx as usize];
            s.targets = targets;
            s.default_target = if has_default { default_target } else { None };
        }
        self.loop_end(end, end);
        Ok(())
    }

    pub(super) fn recv_operand(&mut self, x: &Expr) -> R<()> {
        let t = self.expr(x, None)?;
        if !matches!(self.types.ukind(t), Kind::Chan(..)) {
            return err(
                x.pos,
                format!(
                    "invalid operation: cannot receive from non-channel {}",
                    describe(x)
                ),
            );
        }
        Ok(())
    }
}
