//! Generic functions as values: `f := cmp.Compare[int]`, `var h func(int) int = Double`,
//! `slices.SortFunc(s, cmp.Compare)`. An explicit instantiation is an ordinary function value
//! (generics.rs's `generic_instance`, or for a library function compiled inline its
//! `instantiated` Go source); a generic function used without type arguments where a function
//! type is expected gets them inferred from that type, as Go does for assignments and
//! arguments.

use super::{Compiler, Entity, R, err};
use crate::golite::code::{Const, FuncRef, Op};
use crate::golite::syntax::ast::{Expr, ExprKind};
use crate::golite::types::{Kind, TypeId};

impl<'a> Compiler<'a> {
    /// Whether `e` names a generic function without type arguments (a program's, or a library
    /// one that can be instantiated as a value).
    pub(crate) fn is_generic_func_ref(&mut self, e: &Expr) -> bool {
        match &e.unparen().kind {
            ExprKind::Ident(n) => matches!(self.peek(n), Some(Entity::GenericFunc(_))),
            ExprKind::Selector { x, sel } => match self.library_go_name(x, sel) {
                Some(n) => self.is_generic_func_ref(&n),
                None => self.library_instantiated(x, &sel.name).is_some(),
            },
            _ => false,
        }
    }

    /// The type `e` has as an argument whose parameter is of type `want`: `want` itself for an
    /// uninstantiated generic function (inferred from it when compiled), else `e`'s own type.
    pub(crate) fn func_arg_type(&mut self, e: &Expr, want: TypeId) -> R<TypeId> {
        if self.is_generic_func_ref(e) {
            return Ok(want);
        }
        self.type_of(e)
    }

    /// `pkg.F` of a library generic compiled inline whose Go source for one type argument is
    /// its package's `instantiated` (`cmp.Compare`): that source, `$T` unfilled.
    fn library_instantiated(&mut self, x: &Expr, name: &str) -> Option<(String, &'static str)> {
        let ExprKind::Ident(p) = &x.kind else {
            return None;
        };
        let Some(Entity::Package(path)) = self.peek(p) else {
            return None;
        };
        (self.lib.instantiated)(&path, name).map(|src| (p.clone(), src))
    }

    /// Compiles `e`, a generic function without type arguments, as a value of function type
    /// `want`, its type arguments inferred from `want`. None when `e` is not such a function.
    pub(crate) fn generic_func_value(&mut self, e: &Expr, want: TypeId) -> R<Option<TypeId>> {
        let Kind::Func(ws) = self.types.ukind(want).clone() else {
            return Ok(None);
        };
        let named = match &e.unparen().kind {
            ExprKind::Ident(_) => e.unparen().clone(),
            ExprKind::Selector { x, sel } => match self.library_go_name(x, sel) {
                Some(n) => n,
                None => {
                    let Some((p, src)) = self.library_instantiated(x, &sel.name) else {
                        return Ok(None);
                    };
                    let Some(&t) = ws.params.first() else {
                        return Ok(None);
                    };
                    let src = src
                        .replace("$T", &self.type_src(t))
                        .replace("P.", &format!("{p}."));
                    return self.compile_wrapper(&src, e.pos).map(Some);
                }
            },
            _ => return Ok(None),
        };
        let ExprKind::Ident(name) = &named.kind else {
            return Ok(None);
        };
        let Some(Entity::GenericFunc(g)) = self.peek(name) else {
            return Ok(None);
        };
        let targs = self.infer_from_func_type(&g, &ws.params, &ws.results);
        let Some(targs) = targs else {
            return err(
                e.pos,
                format!("cannot use generic function {g} without instantiation"),
            );
        };
        let (fid, sig) = self.instantiate_func(&g, targs, &[], e.pos)?;
        let ix = self.const_index(Const::Func(FuncRef::Go(fid)));
        self.emit(Op::Const(ix));
        Ok(Some(sig))
    }

    /// `pkg.F[T]` as a value, for a library generic compiled inline (`cmp.Compare[int]`).
    pub(crate) fn library_instance_value(&mut self, e: &Expr) -> R<Option<TypeId>> {
        let Some(src) = self.instantiated_src(e)? else {
            return Ok(None);
        };
        self.compile_wrapper(&src, e.pos).map(Some)
    }

    /// The type of [`Self::library_instance_value`]'s value, compiling nothing.
    pub(crate) fn library_instance_type(&mut self, e: &Expr) -> R<Option<TypeId>> {
        let Some(src) = self.instantiated_src(e)? else {
            return Ok(None);
        };
        let (sig, _) = self.parse_func_lit(&src, e.pos)?;
        self.func_type(&sig).map(Some)
    }
}
