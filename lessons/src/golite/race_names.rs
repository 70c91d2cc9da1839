//! What a data race is on, in the words of the program (`s.hits`, `counter`, `m[k]`), for the
//! verdict "data race on s.hits" (`catalog/harm.rs`). Go's report names no variable (only
//! addresses and frames); a learner reads the write's target. Every race has a write, so the
//! name is what the racing write's line assigns: an `x = …`, `x op= …`, `x++` or `for x = range`
//! target, written as in the source. A line that assigns more than one thing, or a target that
//! is not a plain name, field, element or dereference, gives no name (the verdict then says the
//! lines only).

use std::collections::HashMap;
use std::rc::Rc;

use super::syntax::ast::{AssignOp, Block, Decl, Expr, ExprKind, File, Stmt, StmtKind};

/// The assignment targets of each line, as written.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct WriteTargets(HashMap<u32, Vec<String>>);

impl WriteTargets {
    /// Every assignment target of `file`, by line.
    pub fn of(file: &File) -> WriteTargets {
        let mut t = WriteTargets::default();
        for d in &file.decls {
            t.decl(d);
        }
        t
    }

    /// The lines that assign exactly one named thing, with its name.
    pub fn by_line(&self) -> HashMap<u32, Rc<str>> {
        self.0
            .keys()
            .filter_map(|&l| Some((l, Rc::from(self.name(l)?))))
            .collect()
    }

    /// The one thing line `line` assigns, if it assigns exactly one.
    pub fn name(&self, line: u32) -> Option<&str> {
        match self.0.get(&line).map(Vec::as_slice) {
            Some([one]) if !one.is_empty() => Some(one.as_str()),
            _ => None,
        }
    }

    fn target(&mut self, e: &Expr) {
        let line = e.pos.line;
        let names = self.0.entry(line).or_default();
        // An unnamed target still counts: the line then assigns something without a name.
        let n = text(e).unwrap_or_default();
        if n != "_" && !names.contains(&n) {
            names.push(n);
        }
    }

    fn decl(&mut self, d: &Decl) {
        match d {
            Decl::Func(f) => {
                if let Some(b) = &f.body {
                    self.block(b);
                }
            }
            Decl::Var(specs) => {
                for s in specs {
                    for v in &s.values {
                        self.expr(v);
                    }
                }
            }
            Decl::Const(_) | Decl::Type(_) => {}
        }
    }

    fn block(&mut self, b: &Block) {
        for s in &b.stmts {
            self.stmt(s);
        }
    }

    fn stmts(&mut self, ss: &[Stmt]) {
        for s in ss {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Decl(d) => self.decl(d),
            StmtKind::Empty | StmtKind::Break(_) | StmtKind::Continue(_) | StmtKind::Goto(_) => {}
            StmtKind::Fallthrough => {}
            StmtKind::Labeled { stmt, .. } => self.stmt(stmt),
            StmtKind::Expr(e) | StmtKind::Go(e) | StmtKind::Defer(e) => self.expr(e),
            StmtKind::Send { ch, value } => {
                self.expr(ch);
                self.expr(value);
            }
            StmtKind::IncDec { x, .. } => {
                self.target(x);
                self.expr(x);
            }
            StmtKind::Assign { lhs, op, rhs } => {
                if *op != AssignOp::Define {
                    for l in lhs {
                        self.target(l);
                    }
                }
                for e in lhs.iter().chain(rhs) {
                    self.expr(e);
                }
            }
            StmtKind::Return(es) => {
                for e in es {
                    self.expr(e);
                }
            }
            StmtKind::Block(b) => self.block(b),
            StmtKind::If {
                init,
                cond,
                then,
                els,
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.expr(cond);
                self.block(then);
                if let Some(e) = els {
                    self.stmt(e);
                }
            }
            StmtKind::Switch { init, tag, clauses } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(t) = tag {
                    self.expr(t);
                }
                for c in clauses {
                    for e in &c.exprs {
                        self.expr(e);
                    }
                    self.stmts(&c.body);
                }
            }
            StmtKind::TypeSwitch {
                init, x, clauses, ..
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                self.expr(x);
                for c in clauses {
                    self.stmts(&c.body);
                }
            }
            StmtKind::Select(clauses) => {
                for c in clauses {
                    if let Some(s) = &c.comm {
                        self.stmt(s);
                    }
                    self.stmts(&c.body);
                }
            }
            StmtKind::For {
                init,
                cond,
                post,
                body,
            } => {
                if let Some(i) = init {
                    self.stmt(i);
                }
                if let Some(c) = cond {
                    self.expr(c);
                }
                if let Some(p) = post {
                    self.stmt(p);
                }
                self.block(body);
            }
            StmtKind::Range {
                key,
                value,
                define,
                x,
                body,
            } => {
                if !define {
                    for t in [key, value].into_iter().flatten() {
                        self.target(t);
                    }
                }
                self.expr(x);
                self.block(body);
            }
        }
    }

    /// Function literals inside `e`: their bodies assign too.
    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::FuncLit { body, .. } => self.block(body),
            ExprKind::CompositeLit { elems, .. } => {
                for el in elems {
                    if let Some(k) = &el.key {
                        self.expr(k);
                    }
                    self.expr(&el.value);
                }
            }
            ExprKind::Paren(x)
            | ExprKind::Selector { x, .. }
            | ExprKind::TypeAssert { x, .. }
            | ExprKind::Star(x)
            | ExprKind::Unary { x, .. } => self.expr(x),
            ExprKind::IndexList { x, indices } => {
                self.expr(x);
                for i in indices {
                    self.expr(i);
                }
            }
            ExprKind::Index { x, index } => {
                self.expr(x);
                self.expr(index);
            }
            ExprKind::Slice { x, lo, hi, max } => {
                self.expr(x);
                for b in [lo, hi, max].into_iter().flatten() {
                    self.expr(b);
                }
            }
            ExprKind::Call { func, args, .. } => {
                self.expr(func);
                for a in args {
                    self.expr(a);
                }
            }
            ExprKind::Binary { x, y, .. } => {
                self.expr(x);
                self.expr(y);
            }
            ExprKind::Ident(_)
            | ExprKind::Int(_)
            | ExprKind::Float(_)
            | ExprKind::Imag(_)
            | ExprKind::Rune(_)
            | ExprKind::Str(_)
            | ExprKind::TypeLit(_) => {}
        }
    }
}

/// A target as written: `x`, `s.hits`, `m[k]`, `*p`, `a[i].n` (`None` for anything else, such as
/// a call in the index).
fn text(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Ident(n) => Some(n.clone()),
        ExprKind::Paren(x) => text(x),
        ExprKind::Selector { x, sel } => Some(format!("{}.{}", text(x)?, sel.name)),
        ExprKind::Index { x, index } => Some(format!("{}[{}]", text(x)?, index_text(index)?)),
        ExprKind::Star(x) => Some(format!("*{}", text(x)?)),
        _ => None,
    }
}

/// An index as written, for names and literals only.
fn index_text(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::Int(i) => Some(i.to_string()),
        ExprKind::Str(s) => Some(format!("{s:?}")),
        _ => text(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::golite::syntax::parser::parse_file;

    #[test]
    fn each_line_names_the_one_thing_it_assigns() {
        let src = "package main\n\ntype S struct{ hits int }\n\nvar total int\n\nfunc main() {\n\ts := &S{}\n\tm := map[string]int{}\n\tgo func() {\n\t\ts.hits++\n\t\tm[\"a\"] = 1\n\t}()\n\ttotal += s.hits\n\ta, b := 1, 2\n\ta, b = b, a\n\t*&total = 3\n\tfor total = range 3 {\n\t}\n\t_ = a\n\tfmt(s.hits)\n}\n";
        let file = parse_file(src).unwrap_or_else(|e| panic!("{e:?}"));
        let t = WriteTargets::of(&file);
        let names: Vec<Option<&str>> = (1..=21).map(|l| t.name(l)).collect();
        assert_eq!(names[10], Some("s.hits"), "line 11");
        assert_eq!(names[11], Some("m[\"a\"]"), "line 12");
        assert_eq!(names[13], Some("total"), "line 14");
        // A definition declares, a swap assigns two things, `_` assigns nothing.
        assert_eq!((names[14], names[15], names[19]), (None, None, None));
        // `*&total` is not a plain target: no name.
        assert_eq!(names[16], None, "line 17");
        assert_eq!(names[17], Some("total"), "line 18");
        // A line that only reads names nothing.
        assert_eq!(names[20], None, "line 21");
    }
}
