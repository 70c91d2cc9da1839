//! Which `go` and `defer` statements Go runs through a wrapper function, and that wrapper's
//! name: a goroutine started by `go worker(ch)` shows in Go's dumps as `main.main.gowrap1()` at
//! the `go` statement until it first runs (checked with `GOMAXPROCS=1 GOTRACEBACK=all go run`,
//! Go 1.27).
//!
//! cmd/compile (escape analysis, `goDeferStmt`) wraps every such call except a plain call of a
//! function or function value with neither parameters nor results (`go idle()`,
//! `go func() {...}()`, `go f()` for `f := idle`): a method call (its receiver is an argument),
//! a builtin (`defer close(ch)`), any argument or result gets a closure named
//! `OUTER.gowrapN` (`go`) or `OUTER.deferwrapN` (`defer`), N counting both kinds in the
//! enclosing function, in source order, from 1.

use super::expr::Sel;
use super::{Builtin, Compiler, Entity, Member};
use crate::golite::code::{Generic, GoWrap};
use crate::golite::syntax::ast::{Expr, ExprKind};

impl<'a> Compiler<'a> {
    /// Counts the `go` or `defer` statement whose call is `e` when Go wraps it, and returns
    /// the wrapper's number in the enclosing function (`None` when Go calls it directly).
    pub(crate) fn go_defer_wrapper(&mut self, e: &Expr) -> Option<u32> {
        if !self.wrapped(e) {
            return None;
        }
        let f = self.f();
        f.go_defer_wraps += 1;
        Some(f.go_defer_wraps)
    }

    /// Records that the `go` (or, with `defer`, the `defer`) instruction just emitted for call
    /// `e` runs it in wrapper `n`.
    pub(crate) fn note_go_wrapper(&mut self, e: &Expr, n: u32, defer: bool) {
        // The call's `(` follows its callee: after a function literal's closing brace.
        let line = match &e.kind {
            ExprKind::Call { func, .. } => match &func.unparen().kind {
                ExprKind::FuncLit { body, .. } => body.end.line,
                _ => e.pos.line,
            },
            _ => e.pos.line,
        };
        let id = self.go_wrappers;
        let f = self.f();
        if let Some(pc) = f.code.code.len().checked_sub(1) {
            f.code.go_wraps.push(GoWrap {
                pc: pc as u32,
                defer,
                n,
                id,
                line,
            });
            self.go_wrappers += 1;
        }
    }

    /// Whether `go`/`defer` of call `e` compiles a wrapper function of its own (a builtin
    /// golite does not run as a native): that function is Go's wrapper, named as Go's
    /// (`expr.rs`'s `go_defer_builtin`), not a frame noted here.
    pub(crate) fn compiles_wrapper(&mut self, e: &Expr) -> bool {
        self.called_builtin(e).is_some_and(|b| !runs_as_native(b)) || self.prints(e)
    }

    /// Whether `e` calls one of fmt's or log's printing functions, which `go` and `defer` run in
    /// a wrapper golite compiles (std/fmt.rs `go_defer_fmt`), so the methods fmt calls run
    /// when it prints.
    fn prints(&mut self, e: &Expr) -> bool {
        let Some((p, sel)) = e.called_selector() else {
            return false;
        };
        let Some(Entity::Package(path)) = self.peek(p) else {
            return false;
        };
        matches!(
            self.member(&path, &sel.name),
            Some(Member::Generic(Generic::Fmt(..) | Generic::Fprint(..)))
        )
    }

    fn called_builtin(&mut self, e: &Expr) -> Option<Builtin> {
        let ExprKind::Call { func, .. } = &e.kind else {
            return None;
        };
        match &func.unparen().kind {
            ExprKind::Ident(n) => match self.peek(n) {
                Some(Entity::Builtin(b)) => Some(b),
                _ => None,
            },
            _ => None,
        }
    }

    fn wrapped(&mut self, e: &Expr) -> bool {
        let ExprKind::Call { func, .. } = &e.kind else {
            return true;
        };
        if self.called_builtin(e).is_some() {
            return true;
        }
        if let ExprKind::Selector { x, sel } = &func.unparen().kind {
            let package = matches!(&x.kind, ExprKind::Ident(p) if matches!(self.peek(p), Some(Entity::Package(_))));
            if !package {
                // A method (the receiver is an argument), unless the selector names a field
                // holding a function value.
                let field = match self.type_of(x) {
                    Ok(xt) => matches!(self.find_member(xt, &sel.name), Some(Sel::Field { .. })),
                    Err(_) => false,
                };
                if !field {
                    return true;
                }
            }
        }
        match self.type_of(func) {
            Ok(t) => self
                .types
                .sig(t)
                .is_none_or(|s| !s.params.is_empty() || !s.results.is_empty()),
            Err(_) => true,
        }
    }
}

/// The builtins a `go` or `defer` statement runs as natives, with no function of golite's
/// around them (`builtins.rs`); the others get one (`expr.rs`'s `go_defer_builtin`).
pub(crate) fn runs_as_native(b: Builtin) -> bool {
    matches!(
        b,
        Builtin::Close | Builtin::Panic | Builtin::Print | Builtin::Println
    )
}
