//! Statements: declarations, assignments, `if`, labels, branches, `go`, `defer` and `return`.
//! Loops and switch/select have files of their own beside this one.

use super::expr::{Mode, Sel};
use super::{Compiler, Entity, R, describe, err};
use crate::golite::code::Op;
use crate::golite::syntax::ast::{
    self, AssignOp, BinaryOp, Expr, ExprKind, Pos, Stmt, StmtKind, UnaryOp,
};
use crate::golite::types::{Kind, TypeId, ids};

/// An assignable location, with its operands already on the stack.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Place {
    Var(usize),
    Cap(u16),
    Global(u32),
    /// Stack: [struct]
    Field(u32),
    /// Stack: [collection, index]
    Index,
    /// Stack: [map, key]; the map's value type.
    Map(TypeId),
    /// Stack: [pointer]
    Deref,
    /// Stack: [the storage of a struct or array of this type]: an in-place copy.
    Into(TypeId),
    Blank,
}

impl<'a> Compiler<'a> {
    pub(crate) fn block_stmts(&mut self, stmts: &[Stmt]) -> R<()> {
        self.push_scope();
        for s in stmts {
            self.stmt(s)?;
        }
        self.pop_scope();
        Ok(())
    }

    pub(crate) fn current_fid(&self) -> &u32 {
        self.fids_last()
    }

    pub(crate) fn stmt(&mut self, s: &Stmt) -> R<()> {
        self.line = s.pos.line;
        match &s.kind {
            StmtKind::Empty => Ok(()),
            StmtKind::Decl(d) => self.local_decl(d),
            StmtKind::Labeled { label, stmt } => {
                self.define_label(label)?;
                self.labeled(&label.name, stmt)
            }
            StmtKind::Goto(label) => self.goto(label),
            StmtKind::Expr(e) => self.expr_stmt(e),
            StmtKind::Send { ch, value } => {
                let t = self.expr(ch, None)?;
                let Kind::Chan(d, el) = self.types.ukind(t).clone() else {
                    return err(
                        ch.pos,
                        format!(
                            "invalid operation: cannot send to non-channel {}",
                            describe(ch)
                        ),
                    );
                };
                if d == crate::golite::types::ChanDir::Recv {
                    return err(
                        ch.pos,
                        format!(
                            "invalid operation: cannot send to receive-only channel {}",
                            describe(ch)
                        ),
                    );
                }
                self.value_to(value, el)?;
                self.line = s.pos.line;
                self.emit(Op::Send);
                Ok(())
            }
            StmtKind::IncDec { x, inc } => {
                let one = Expr {
                    id: x.id,
                    pos: x.pos,
                    kind: ExprKind::Int(1),
                };
                self.op_assign(x, if *inc { BinaryOp::Add } else { BinaryOp::Sub }, &one)
            }
            StmtKind::Assign { lhs, op, rhs } => self.assign(lhs, *op, rhs, s),
            StmtKind::Go(e) => {
                let wrapper = self
                    .go_defer_wrapper(e)
                    .filter(|_| !self.compiles_wrapper(e));
                self.call(e, Mode::Go, None)?;
                if let Some(n) = wrapper {
                    self.note_go_wrapper(e, n, false);
                }
                Ok(())
            }
            StmtKind::Defer(e) => {
                // A deferred call shows in no dump, but in race reports.
                let wrapper = self
                    .go_defer_wrapper(e)
                    .filter(|_| !self.compiles_wrapper(e));
                self.call(e, Mode::Defer, None)?;
                if let Some(n) = wrapper {
                    self.note_go_wrapper(e, n, true);
                }
                self.range_defer();
                Ok(())
            }
            StmtKind::Return(vals) => self.ret(vals, s),
            StmtKind::Break(label) => self.branch(label.as_ref().map(|l| l.name.as_str()), true, s),
            StmtKind::Continue(label) => {
                self.branch(label.as_ref().map(|l| l.name.as_str()), false, s)
            }
            StmtKind::Fallthrough => err(s.pos, "fallthrough statement out of place"),
            StmtKind::Block(b) => self.block_stmts(&b.stmts),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                self.push_scope();
                if let Some(i) = init {
                    self.stmt(i)?;
                }
                self.line = cond.pos.line;
                self.cond(cond)?;
                let j = self.emit(Op::JumpIfNot(0));
                self.block_stmts(&then.stmts)?;
                if let Some(e) = els {
                    let j2 = self.emit(Op::Jump(0));
                    let h = self.here();
                    self.patch(j, h);
                    self.stmt(e)?;
                    let h = self.here();
                    self.patch(j2, h);
                } else {
                    let h = self.here();
                    self.patch(j, h);
                }
                self.pop_scope();
                Ok(())
            }
            StmtKind::Switch { init, tag, clauses } => {
                self.switch(init.as_deref(), tag.as_ref(), clauses, None)
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
            } => self.type_switch(init.as_deref(), bind.as_ref(), x, clauses, None),
            StmtKind::Select(clauses) => self.select(clauses, None),
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => self.for_loop(init.as_deref(), cond.as_ref(), post.as_deref(), body, None),
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range(key.as_ref(), value.as_ref(), *define, x, body, None),
        }
    }

    pub(super) fn cond(&mut self, e: &Expr) -> R<()> {
        let t = self.type_of(e)?;
        if !self.types.is_bool(t) {
            return err(e.pos, "non-boolean condition in if statement".to_string());
        }
        self.value_to(e, ids::BOOL)
    }

    pub(super) fn labeled(&mut self, label: &str, s: &Stmt) -> R<()> {
        self.line = s.pos.line;
        let l = Some(label);
        match &s.kind {
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => self.for_loop(init.as_deref(), cond.as_ref(), post.as_deref(), body, l),
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => self.range(key.as_ref(), value.as_ref(), *define, x, body, l),
            StmtKind::Switch { init, tag, clauses } => {
                self.switch(init.as_deref(), tag.as_ref(), clauses, l)
            }
            StmtKind::TypeSwitch {
                init,
                bind,
                x,
                clauses,
            } => self.type_switch(init.as_deref(), bind.as_ref(), x, clauses, l),
            StmtKind::Select(clauses) => self.select(clauses, l),
            _ => self.stmt(s),
        }
    }

    pub(super) fn expr_stmt(&mut self, e: &Expr) -> R<()> {
        match &e.unparen().kind {
            ExprKind::Call { .. } => {
                let rs = self.call(e.unparen(), Mode::Call, None)?;
                if let ExprKind::Call { func, .. } = &e.unparen().kind {
                    if rs.len() == 1 && self.type_expr_of(func)?.is_some() {
                        return err(e.pos, format!("{} (value) is not used", describe(e)));
                    }
                    if let ExprKind::Ident(n) = &func.unparen().kind
                        && matches!(
                            n.as_str(),
                            "len"
                                | "cap"
                                | "append"
                                | "make"
                                | "new"
                                | "min"
                                | "max"
                                | "complex"
                                | "real"
                                | "imag"
                        )
                        && matches!(self.peek(n), Some(Entity::Builtin(_)))
                    {
                        let what = match rs.as_slice() {
                            [t] => format!("value of type {}", self.types.name(*t)),
                            _ => "value".to_string(),
                        };
                        return err(
                            e.pos,
                            format!("{} ({what}) is not used", super::expr_src(e.unparen())),
                        );
                    }
                }
                for _ in rs {
                    self.emit(Op::Pop);
                }
                Ok(())
            }
            ExprKind::Unary {
                op: UnaryOp::Recv, ..
            } => {
                self.expr(e, None)?;
                self.emit(Op::Pop);
                Ok(())
            }
            _ => {
                // Go: `x == 3 (untyped bool value) is not used`, `x (variable of type int) ...`.
                let t = self.type_of(e)?;
                let comparison = matches!(
                    &e.unparen().kind,
                    ExprKind::Binary { op, .. } if matches!(op.as_str(), "==" | "!=" | "<" | "<=" | ">" | ">=")
                );
                let what = if comparison {
                    "untyped bool value".to_string()
                } else if self.types.is_untyped(t) {
                    format!("{} value", self.types.name(t))
                } else if matches!(
                    &e.unparen().kind,
                    ExprKind::Ident(n) if matches!(self.peek(n), Some(Entity::Local(_) | Entity::Capture(..) | Entity::Global(..)))
                ) {
                    format!("variable of type {}", self.types.name(t))
                } else {
                    format!("value of type {}", self.types.name(t))
                };
                err(
                    crate::golite::compile::start_pos(e),
                    format!(
                        "{} ({what}) is not used",
                        crate::golite::compile::expr_src(e)
                    ),
                )
            }
        }
    }

    pub(super) fn local_decl(&mut self, d: &ast::Decl) -> R<()> {
        match d {
            ast::Decl::Const(specs) => self.const_decl(specs, false),
            ast::Decl::Var(specs) => {
                for s in specs {
                    self.line = s.pos.line;
                    let declared = match &s.typ {
                        Some(t) => Some(self.resolve_type(t)?),
                        None => None,
                    };
                    let tys = self.init_values(&s.values, declared, s.names.len(), s.pos)?;
                    let vars: Vec<usize> = s
                        .names
                        .iter()
                        .zip(&tys)
                        .map(|(n, t)| self.declare_var(&n.name, *t, n.pos))
                        .collect();
                    for v in vars.iter().rev() {
                        self.init_var(*v);
                    }
                }
                Ok(())
            }
            ast::Decl::Type(specs) => {
                for s in specs {
                    if s.alias {
                        let t = self.resolve_type(&s.typ)?;
                        self.local_const(&s.name.name, Entity::Type(t));
                    } else {
                        let t = self.types.new_named(&format!("main.{}", s.name.name));
                        self.local_const(&s.name.name, Entity::Type(t));
                        let u = self.resolve_type(&s.typ)?;
                        self.types.set_underlying(t, u);
                        self.check_recursive(t, &s.name)?;
                    }
                }
                Ok(())
            }
            ast::Decl::Func(f) => err(f.pos, "function declaration inside a function"),
        }
    }

    /// Emits the operands of an assignable location.
    pub(crate) fn place(&mut self, e: &Expr) -> R<(Place, TypeId)> {
        match &e.kind {
            ExprKind::Paren(x) => self.place(x),
            ExprKind::Ident(n) if n == "_" => Ok((Place::Blank, ids::ANY)),
            ExprKind::Ident(n) => match self.lookup_assigned(n) {
                Some(Entity::Local(v)) => Ok((Place::Var(v), self.f().vars[v].ty)),
                Some(Entity::Capture(i, t)) => Ok((Place::Cap(i), t)),
                Some(Entity::Global(g, t)) => Ok((Place::Global(g), t)),
                Some(_) => err(
                    e.pos,
                    format!(
                        "cannot assign to {n} (neither addressable nor a map index expression)"
                    ),
                ),
                None => err(e.pos, format!("undefined: {n}")),
            },
            ExprKind::Selector { x, sel } => {
                let xt = self.type_of(x)?;
                match self.find_member(xt, &sel.name) {
                    Some(Sel::Field { path, ty }) => {
                        let last = path.len() - 1;
                        // The base must be the struct's storage itself (no copy).
                        if path.len() == 1 {
                            if self.types.pointer_elem(xt).is_some() || self.types.is_aggregate(xt)
                            {
                                self.expr(x, None)?;
                            } else {
                                return err(e.pos, "cannot assign to field of non-struct");
                            }
                        } else {
                            self.sel_base(x, &path[..last], true)?;
                        }
                        Ok((Place::Field(path[last]), ty))
                    }
                    _ => err(e.pos, format!("cannot assign to {}", describe(e))),
                }
            }
            ExprKind::Index { x, index } => {
                let xt = self.type_of(x)?;
                match self.types.ukind(xt).clone() {
                    Kind::Map(k, v) => {
                        self.expr(x, None)?;
                        self.value_to(index, k)?;
                        Ok((Place::Map(v), v))
                    }
                    Kind::Slice(el) | Kind::Array(_, el) => {
                        self.expr(x, None)?;
                        self.index_value(index)?;
                        Ok((Place::Index, el))
                    }
                    Kind::Pointer(p) => match self.types.ukind(p).clone() {
                        Kind::Array(_, el) => {
                            self.expr(x, None)?;
                            self.index_value(index)?;
                            Ok((Place::Index, el))
                        }
                        _ => err(e.pos, "cannot assign"),
                    },
                    Kind::String => err(
                        e.pos,
                        format!(
                            "cannot assign to {} (neither addressable nor a map index expression)",
                            describe(e)
                        ),
                    ),
                    _ => err(e.pos, "cannot assign"),
                }
            }
            ExprKind::Star(p) => {
                let t = self.expr(p, None)?;
                match self.types.pointer_elem(t) {
                    Some(el) => Ok((Place::Deref, el)),
                    None => err(
                        e.pos,
                        format!("invalid operation: cannot indirect {}", describe(p)),
                    ),
                }
            }
            _ => err(e.pos, format!("cannot assign to {}", describe(e))),
        }
    }

    /// Stores the value on top into a place whose operands are below it.
    /// Assigning a struct or array to a variable or field copies it into the storage already
    /// there, as Go does, so a pointer taken earlier (`p := &s`, `q := &a[1]`, `r := &o.f`) sees
    /// the new value: for those places, pushes the current storage and returns [`Place::Into`]
    /// (an in-place copy); other places are returned as they are.
    pub(super) fn copy_target(&mut self, p: Place, t: TypeId) -> Place {
        if !self.types.is_aggregate(t) {
            return p;
        }
        match p {
            Place::Var(_) | Place::Cap(_) | Place::Global(_) => self.load_place(p),
            Place::Field(i) => {
                self.emit(Op::Field(i));
            }
            other => return other,
        }
        Place::Into(t)
    }

    pub(crate) fn store(&mut self, p: Place) {
        match p {
            Place::Var(v) => self.store_var(v),
            Place::Cap(i) => {
                self.emit(Op::StoreCap(i));
            }
            Place::Global(g) => {
                self.emit(Op::StoreGlobal(g));
            }
            Place::Field(i) => {
                self.emit(Op::SetField(i));
            }
            Place::Index => {
                self.emit(Op::SetIndex);
            }
            Place::Map(_) => {
                self.emit(Op::MapSet);
            }
            Place::Deref => {
                self.emit(Op::StoreDeref);
            }
            Place::Into(t) => {
                self.emit(Op::AssignInto(t));
            }
            Place::Blank => {
                self.emit(Op::Pop);
            }
        }
    }

    /// Reads a place (operands on the stack are kept for the store that follows).
    pub(super) fn load_place(&mut self, p: Place) {
        match p {
            Place::Var(v) => self.load_var(v),
            Place::Cap(i) => {
                self.emit(Op::LoadCap(i));
            }
            Place::Global(g) => {
                self.emit(Op::LoadGlobal(g));
            }
            Place::Field(i) => {
                self.emit(Op::Dup);
                self.emit(Op::Field(i));
            }
            Place::Index => {
                self.emit(Op::Pick(1));
                self.emit(Op::Pick(1));
                self.emit(Op::Index);
            }
            Place::Map(t) => {
                self.emit(Op::Pick(1));
                self.emit(Op::Pick(1));
                self.emit(Op::MapIndex(t));
            }
            Place::Deref | Place::Into(_) => {
                self.emit(Op::Dup);
                self.emit(Op::Deref);
            }
            Place::Blank => {
                self.emit(Op::PushNil);
            }
        }
    }

    pub(super) fn op_assign(&mut self, x: &Expr, op: BinaryOp, y: &Expr) -> R<()> {
        if let ExprKind::Ident(n) = &x.unparen().kind {
            self.lookup(n); // `x op= y` and `x++` read x: they use it
        }
        let (p, t) = self.place(x)?;
        if let Some(m) = self.type_param_op_error(x, op, y, t) {
            return err(x.pos, m);
        }
        if let (Place::Var(v), BinaryOp::Add | BinaryOp::Sub) = (p, op) {
            let _ = v;
        }
        self.load_place(p);
        // Compile `cur op y` with the current value already pushed.
        let k = self.types.ukind(t).clone();
        let o = match (&k, op) {
            (Kind::String, BinaryOp::Add) => Op::Concat,
            (Kind::Float64 | Kind::Float32, BinaryOp::Add) => Op::AddF,
            (Kind::Float64 | Kind::Float32, BinaryOp::Sub) => Op::SubF,
            (Kind::Float64 | Kind::Float32, BinaryOp::Mul) => Op::MulF,
            (Kind::Float64 | Kind::Float32, BinaryOp::Quo) => Op::DivF,
            (Kind::Complex128 | Kind::Complex64, BinaryOp::Add) => Op::AddC,
            (Kind::Complex128 | Kind::Complex64, BinaryOp::Sub) => Op::SubC,
            (Kind::Complex128 | Kind::Complex64, BinaryOp::Mul) => Op::MulC,
            (Kind::Complex128 | Kind::Complex64, BinaryOp::Quo) => Op::DivC,
            (Kind::Int(ik), _) => {
                let u = ik.unsigned();
                match op {
                    BinaryOp::Add => Op::AddI,
                    BinaryOp::Sub => Op::SubI,
                    BinaryOp::Mul => Op::MulI,
                    BinaryOp::Quo => {
                        if u {
                            Op::DivU
                        } else {
                            Op::DivI
                        }
                    }
                    BinaryOp::Rem => {
                        if u {
                            Op::RemU
                        } else {
                            Op::RemI
                        }
                    }
                    BinaryOp::And => Op::And,
                    BinaryOp::Or => Op::Or,
                    BinaryOp::Xor => Op::Xor,
                    BinaryOp::AndNot => Op::AndNot,
                    BinaryOp::Shl => Op::Shl,
                    BinaryOp::Shr => {
                        if u {
                            Op::ShrU
                        } else {
                            Op::ShrS
                        }
                    }
                    _ => return err(x.pos, "invalid operation"),
                }
            }
            _ => {
                return err(
                    x.pos,
                    format!(
                        "invalid operation: operator {} not defined on {} (variable of type {})",
                        op.as_str(),
                        describe(x),
                        self.types.name(t)
                    ),
                );
            }
        };
        if matches!(op, BinaryOp::Shl | BinaryOp::Shr) {
            self.value_to(y, ids::UINT)?;
        } else {
            self.value_to(y, t)?;
        }
        self.emit(o);
        self.wrap(t);
        if matches!(k, Kind::Float32) {
            self.emit(Op::F32);
        }
        if matches!(k, Kind::Complex64) {
            self.emit(Op::C64);
        }
        self.store(p);
        Ok(())
    }

    pub(super) fn assign(&mut self, lhs: &[Expr], op: AssignOp, rhs: &[Expr], s: &Stmt) -> R<()> {
        match op {
            AssignOp::Op(o) => {
                if lhs.len() != 1 || rhs.len() != 1 {
                    return err(
                        s.pos,
                        "assignment operation requires single-valued expressions",
                    );
                }
                self.op_assign(&lhs[0], o, &rhs[0])
            }
            AssignOp::Define => self.define(lhs, rhs, s),
            AssignOp::Assign => {
                if lhs.len() == 1 && rhs.len() == 1 {
                    let (p, t) = self.place(&lhs[0])?;
                    if matches!(p, Place::Blank) {
                        let vt = self.value(&rhs[0], None)?;
                        if vt == ids::UNTYPED_NIL {
                            return err(rhs[0].pos, "use of untyped nil in assignment");
                        }
                        self.emit(Op::Pop);
                        return Ok(());
                    }
                    let p = self.copy_target(p, t);
                    self.value_to(&rhs[0], t)?;
                    self.store(p);
                    return Ok(());
                }
                // Tuple assignment, in Go's two phases: first the index operands on the left
                // and every right side, in that order (so `i, s[i] = 1, 9` indexes with the old
                // i), into temporaries; then the stores, left to right.
                let mut indexed = Vec::with_capacity(lhs.len());
                for l in lhs {
                    indexed.push(self.index_operands(l)?);
                }
                let vals = self.rhs_values(rhs, lhs.len(), s)?;
                for (k, ((l, (v, vt)), pre)) in lhs.iter().zip(vals).zip(indexed).enumerate() {
                    let (p, t) = match pre {
                        Some((x, i, p, t)) => {
                            self.load_var(x);
                            self.load_var(i);
                            (p, t)
                        }
                        None => {
                            let (p, t) = self.place(l)?;
                            (self.copy_target(p, t), t)
                        }
                    };
                    self.load_var(v);
                    if !matches!(p, Place::Blank) {
                        self.check_multi_assign(rhs, k, vt, t)?;
                        self.coerce(vt, t);
                    }
                    self.store(p);
                }
                Ok(())
            }
        }
    }

    /// Go's error when value `k` of a tuple assignment from `rhs`, of type `vt`, cannot be
    /// assigned to type `t` (`cannot use 1st function result (value of type int) as string
    /// value in multiple assignment`), at the right side's position.
    pub(super) fn check_multi_assign(
        &mut self,
        rhs: &[Expr],
        k: usize,
        vt: TypeId,
        t: TypeId,
    ) -> R<()> {
        self.check_tuple_value(rhs, k, vt, t, "multiple assignment")
    }

    /// [`Self::check_multi_assign`] with the message's ending: `in {context}`.
    pub(super) fn check_tuple_value(
        &mut self,
        rhs: &[Expr],
        k: usize,
        vt: TypeId,
        t: TypeId,
        context: &str,
    ) -> R<()> {
        let Some(e) = rhs.get(k).or(rhs.first()) else {
            return Ok(());
        };
        // An untyped constant on the right is checked as itself (`f, ok = 1, true` into a
        // float64 is fine), not as its default type.
        let vt = match rhs.get(k) {
            Some(e) if rhs.len() > 1 => self.type_of(e).unwrap_or(vt),
            _ => vt,
        };
        if self.check_assignable(vt, t, e).is_ok() {
            return Ok(());
        }
        let what = if rhs.len() == 1 && matches!(e.unparen().kind, ExprKind::Call { .. }) {
            let n = k + 1;
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!(
                "{n}{suffix} function result (value of type {})",
                self.types.name(vt)
            )
        } else {
            self.operand(e, vt)
        };
        let to = self.types.name(t);
        err(
            e.pos,
            format!("cannot use {what} as {to} value in {context}"),
        )
    }

    /// For an index expression on the left of a tuple assignment, evaluates its container and
    /// index now into temporaries: (container temp, index temp, place, element type).
    pub(super) fn index_operands(&mut self, l: &Expr) -> R<Option<(usize, usize, Place, TypeId)>> {
        let ExprKind::Index { x, .. } = &l.unparen().kind else {
            return Ok(None);
        };
        let xt = self.type_of(x)?;
        let key = match self.types.ukind(xt).clone() {
            Kind::Map(k, _) => k,
            _ => ids::INT,
        };
        let (p, t) = self.place(l)?;
        if !matches!(p, Place::Map(_) | Place::Index) {
            return err(l.pos, "cannot assign");
        }
        let (xv, iv) = (self.temp(xt), self.temp(key));
        self.init_var(iv);
        self.init_var(xv);
        Ok(Some((xv, iv, p, t)))
    }

    /// Evaluates right-hand sides (n values, from n expressions or one multi-valued one) into
    /// temporaries; returns (temp var, type) per value.
    pub(super) fn rhs_values(
        &mut self,
        rhs: &[Expr],
        n: usize,
        s: &Stmt,
    ) -> R<Vec<(usize, TypeId)>> {
        let mut tys: Vec<TypeId> = Vec::new();
        if rhs.len() == n {
            for r in rhs {
                let t = self.value(r, None)?;
                tys.push(t);
            }
        } else if rhs.len() == 1 && n == 2 {
            if let Some(pair) = self.comma_ok(&rhs[0])? {
                tys.extend(pair);
            } else {
                tys = self.multi(&rhs[0])?;
            }
        } else if rhs.len() == 1 {
            tys = self.multi(&rhs[0])?;
        }
        if tys.len() != n {
            return crate::golite::compile::assign_mismatch(n, rhs, tys.len(), s.pos);
        }
        let temps: Vec<(usize, TypeId)> = tys.iter().map(|t| (self.temp(*t), *t)).collect();
        for (v, _) in temps.iter().rev() {
            self.init_var(*v);
        }
        Ok(temps)
    }

    /// The two-valued forms `m[k]`, `x.(T)`, `<-ch`; pushes both values.
    pub(super) fn comma_ok(&mut self, e: &Expr) -> R<Option<[TypeId; 2]>> {
        match &e.unparen().kind {
            ExprKind::Index { x, index } => {
                let xt = self.type_of(x)?;
                if let Kind::Map(k, v) = self.types.ukind(xt).clone() {
                    self.expr(x, None)?;
                    self.value_to(index, k)?;
                    self.emit(Op::MapIndexOk(v));
                    return Ok(Some([v, ids::BOOL]));
                }
                Ok(None)
            }
            ExprKind::TypeAssert { x, typ: Some(t) } => {
                let xt = self.expr(x, None)?;
                if !self.types.is_interface(xt) {
                    return err(
                        x.pos,
                        format!("invalid operation: {} is not an interface", describe(x)),
                    );
                }
                let tt = self.resolve_type(t)?;
                self.assert_op(tt, xt, true);
                Ok(Some([tt, ids::BOOL]))
            }
            ExprKind::Unary {
                op: UnaryOp::Recv,
                x,
            } => {
                let t = self.expr(x, None)?;
                let Kind::Chan(_, el) = self.types.ukind(t).clone() else {
                    return err(x.pos, "receive from non-channel");
                };
                self.emit(Op::RecvOk);
                Ok(Some([el, ids::BOOL]))
            }
            _ => Ok(None),
        }
    }

    pub(super) fn define(&mut self, lhs: &[Expr], rhs: &[Expr], s: &Stmt) -> R<()> {
        let mut names = Vec::new();
        for l in lhs {
            match &l.kind {
                ExprKind::Ident(n) => names.push((n.clone(), l.pos)),
                _ => {
                    return err(
                        l.pos,
                        format!("non-name {} on left side of :=", describe(l)),
                    );
                }
            }
        }
        let any_new = names
            .iter()
            .any(|(n, _)| n == "_" || self.declared_in_scope(n).is_none())
            && names
                .iter()
                .any(|(n, _)| n != "_" && self.declared_in_scope(n).is_none());
        if !any_new {
            return err(s.pos, "no new variables on left side of :=");
        }
        if lhs.len() == 1 && rhs.len() == 1 {
            let t = self.value(&rhs[0], None)?;
            if t == ids::UNTYPED_NIL {
                return err(rhs[0].pos, "use of untyped nil in assignment");
            }
            if t == ids::VOID {
                return err(
                    rhs[0].pos,
                    format!("{} (no value) used as value", describe(&rhs[0])),
                );
            }
            let t = self.types.default_type(t);
            let v = self.declare_var(&names[0].0, t, names[0].1);
            self.init_var(v);
            return Ok(());
        }
        let vals = self.rhs_values(rhs, lhs.len(), s)?;
        for (k, ((n, pos), (tv, vt))) in names.iter().zip(vals).enumerate() {
            if n == "_" {
                continue;
            }
            self.load_var(tv);
            match self.declared_in_scope(n) {
                Some(v) => {
                    let t = self.f().vars[v].ty;
                    self.check_multi_assign(rhs, k, vt, t)?;
                    self.coerce(vt, t);
                    self.store_var(v);
                }
                None => {
                    let t = self.types.default_type(vt);
                    let v = self.declare_var(n, t, *pos);
                    self.init_var(v);
                }
            }
        }
        Ok(())
    }

    pub(super) fn ret(&mut self, vals: &[Expr], s: &Stmt) -> R<()> {
        if self.f().range_func.is_some() {
            return self.range_return(vals, s);
        }
        let results = self.f_results();
        let rvars = self.f_result_vars();
        if !vals.is_empty() {
            self.return_values(vals, &results, s)?;
            for v in rvars.iter().rev() {
                self.store_var(*v);
            }
        } else if !results.is_empty() && !self.f_named_results() {
            return err(s.pos, "not enough return values\n\thave ()");
        }
        let j = self.emit(Op::Jump(0));
        self.f_push_return(j);
        Ok(())
    }

    /// Pushes a `return`'s values converted to the function's `results`.
    pub(super) fn return_values(&mut self, vals: &[Expr], results: &[TypeId], s: &Stmt) -> R<()> {
        if vals.is_empty() {
            if results.is_empty() {
                return Ok(());
            }
            return err(s.pos, "not enough return values\n\thave ()");
        }
        {
            if vals.len() == results.len() {
                for (v, t) in vals.iter().zip(results) {
                    self.value_to(v, *t)?;
                }
            } else if vals.len() == 1 {
                let ts = self.multi(&vals[0])?;
                if ts.len() != results.len() {
                    return err(
                        s.pos,
                        format!(
                            "wrong number of return values (have {}, want {})",
                            ts.len(),
                            results.len()
                        ),
                    );
                }
                // Coerce each (stored through temps when needed).
                let temps: Vec<usize> = ts.iter().map(|t| self.temp(*t)).collect();
                for v in temps.iter().rev() {
                    self.init_var(*v);
                }
                for (k, ((v, ft), tt)) in temps.iter().zip(&ts).zip(results).enumerate() {
                    self.check_tuple_value(vals, k, *ft, *tt, "return statement")?;
                    self.load_var(*v);
                    self.coerce(*ft, *tt);
                }
            } else {
                return err(
                    s.pos,
                    format!(
                        "too many return values\n\thave ({} values)\n\twant ({} values)",
                        vals.len(),
                        results.len()
                    ),
                );
            }
        }
        Ok(())
    }

    // ---- loops ----
    // ---- switch / select ----
    // ---- break / continue ----

    pub(super) fn branch(&mut self, label: Option<&str>, is_break: bool, s: &Stmt) -> R<()> {
        self.branch_at(label, is_break, s.pos)
    }

    /// `break`/`continue` at `pos`: a jump, or from a range-over-func body an exit.
    pub(super) fn branch_at(&mut self, label: Option<&str>, is_break: bool, pos: Pos) -> R<()> {
        if !self.can_branch(label, is_break) && self.range_branch(label, is_break, pos)? {
            return Ok(());
        }
        let j = self.emit(Op::Jump(0));
        let ok = self.f_branch(label, is_break, j);
        if !ok {
            return match (label, is_break) {
                (Some(l), _) => err(
                    pos,
                    format!(
                        "invalid {} label {l}",
                        if is_break { "break" } else { "continue" }
                    ),
                ),
                (None, true) => err(pos, "break is not in a loop, switch, or select"),
                (None, false) => err(pos, "continue is not in a loop"),
            };
        }
        Ok(())
    }
}
