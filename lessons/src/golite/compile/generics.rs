//! Type parameters: generic functions and types, compiled once per distinct list of type
//! arguments (monomorphization), as `docs/ARCHITECTURE.md` § golite explains.
//!
//! A generic declaration is kept as syntax. `F[int]`, `Stack[string]` or a call whose type
//! arguments are inferred makes an instance: the signature (or the type's underlying type and
//! its methods' signatures) is resolved with the type parameters bound to the arguments, and
//! the body is queued and compiled later, once per instance, with each type parameter declared
//! as a local type name. Instances are ordinary functions and named types from then on: the VM
//! knows nothing of generics, and an instance runs exactly as the same code written for that
//! type would. Constraints are checked on the type arguments with types2's wording
//! (`[]int does not satisfy comparable`, `in call to F, cannot infer T`).
//!
//! Each generic body is also compiled once against its constraints, as Go checks it, so a
//! mistake shows even where every instance's type would allow it (`a < b` with `T any`): each
//! type parameter is a fresh named type (`Fresh`) whose underlying type stands for its type set,
//! an interface of the constraint's methods, or the first term of its union (what is valid for
//! every term is valid for that one). That code is never run. A constraint with both type terms
//! and methods is not checked this way.

use super::{Compiler, Entity, R, err};
use crate::golite::code::{FuncCode, FuncId, MethodImpl, RecvAdjust};
use crate::golite::syntax::ast::{
    self, Expr, ExprKind, FuncDecl, InterfaceElem, Pos, TypeExpr, TypeKind, TypeParam, TypeSpec,
};
use crate::golite::types::{Kind, TypeId};
use std::collections::HashMap;

/// Instances a program may make before golite calls it an infinite expansion.
const MAX_INSTANCES: usize = 10_000;
/// Generic types instantiated inside one another's definitions (`T[P]` holding a `*T[[]P]`)
/// before golite calls it a cycle: each level is a Rust call, and the page's stack is small.
const MAX_TYPE_NESTING: usize = 64;

/// The generic declarations of a program and the instances made of them.
#[derive(Default)]
pub(crate) struct Generics<'a> {
    funcs: HashMap<String, &'a FuncDecl>,
    types: HashMap<String, &'a TypeSpec>,
    /// Methods of each generic type, by the type's name.
    methods: HashMap<String, Vec<&'a FuncDecl>>,
    /// Interface type declarations, by name: a constraint's type set is read from its syntax.
    ifaces: HashMap<String, &'a TypeExpr>,
    func_instances: HashMap<(String, Vec<TypeId>), (FuncId, TypeId)>,
    type_instances: HashMap<(String, Vec<TypeId>), TypeId>,
    /// Each instantiated type's generic type and type arguments (for inference).
    origin: HashMap<TypeId, (String, Vec<TypeId>)>,
    pending: Vec<Pending<'a>>,
    /// Type parameters in scope while a signature or a generic type's body is resolved.
    pub(crate) bindings: Vec<Vec<(String, TypeId)>>,
    count: usize,
    /// The type parameters standing for themselves while generic bodies are checked.
    pub(crate) fresh: HashMap<TypeId, Fresh>,
    /// Set while a generic body is checked against its constraints (no constraint checks on
    /// its type parameters, which satisfy them by definition).
    checking: bool,
    /// Which term of a union constraint stands for its type set while a body is checked: the
    /// body is checked once per term (up to [`MAX_CHECKED_TERMS`]), so an operation only some
    /// of the union's types allow is refused whichever term comes first.
    term: usize,
}

/// The most terms of a union constraint a generic body is checked against, one at a time.
const MAX_CHECKED_TERMS: usize = 8;

/// A type parameter in a body checked against its constraint.
pub(crate) struct Fresh {
    name: String,
    constraint: String,
    comparable: bool,
}

/// A function or method instance whose body is still to compile.
struct Pending<'a> {
    decl: &'a FuncDecl,
    fid: FuncId,
    name: String,
    binds: Vec<(String, TypeId)>,
    recv: Option<TypeId>,
}

impl<'a> Generics<'a> {
    /// A type parameter bound while a signature or generic type is resolved.
    pub(crate) fn bound(&self, name: &str) -> Option<TypeId> {
        self.bindings
            .last()
            .and_then(|b| b.iter().find(|(n, _)| n == name).map(|(_, t)| *t))
    }
}

impl<'a> Compiler<'a> {
    /// Records the file's generic declarations and interface declarations (before any type is
    /// resolved: an instance may be made while the file's types are).
    pub(super) fn collect_generics(&mut self) -> R<()> {
        let file = self.file;
        for d in &file.decls {
            match d {
                ast::Decl::Type(specs) => {
                    for s in specs {
                        if !s.tparams.is_empty() {
                            self.generics.types.insert(s.name.name.clone(), s);
                        }
                        if matches!(s.typ.kind, TypeKind::Interface(_)) {
                            self.generics.ifaces.insert(s.name.name.clone(), &s.typ);
                        }
                    }
                }
                ast::Decl::Func(f) => {
                    if let Some(r) = &f.recv
                        && (!r.tparams.is_empty() || self.is_generic_type_decl(&r.type_name.name))
                    {
                        if !f.tparams.is_empty() {
                            return err(f.name.pos, "methods cannot have type parameters");
                        }
                        self.generics
                            .methods
                            .entry(r.type_name.name.clone())
                            .or_default()
                            .push(f);
                    } else if !f.tparams.is_empty() {
                        if f.recv.is_some() {
                            return err(f.name.pos, "methods cannot have type parameters");
                        }
                        self.generics.funcs.insert(f.name.name.clone(), f);
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn is_generic_type_decl(&self, name: &str) -> bool {
        self.file.decls.iter().any(|d| match d {
            ast::Decl::Type(specs) => specs
                .iter()
                .any(|s| s.name.name == name && !s.tparams.is_empty()),
            _ => false,
        })
    }

    /// True for a method of a generic type (compiled per instance, not in pass 2).
    pub(super) fn is_generic_decl(&self, f: &FuncDecl) -> bool {
        !f.tparams.is_empty()
            || f.recv
                .as_ref()
                .is_some_and(|r| self.generics.methods.contains_key(&r.type_name.name))
    }

    /// A generic function's name in the package scope.
    pub(super) fn generic_func_names(&self) -> Vec<String> {
        self.generics.funcs.keys().cloned().collect()
    }

    /// `F[A, B]` or `Stack[int]` written as an expression: the instance it denotes.
    pub(crate) fn generic_instance(&mut self, e: &Expr) -> R<Option<Entity>> {
        let (x, indices): (&Expr, Vec<&Expr>) = match &e.unparen().kind {
            ExprKind::Index { x, index } => (x, vec![&**index]),
            ExprKind::IndexList { x, indices } => (x, indices.iter().collect()),
            _ => return Ok(None),
        };
        let x = match &x.unparen().kind {
            ExprKind::Selector { x: px, sel } => match self.library_go_name(px, sel) {
                Some(n) => n,
                None => return Ok(None),
            },
            _ => x.unparen().clone(),
        };
        let ExprKind::Ident(name) = &x.kind else {
            return Ok(None);
        };
        let generic = match self.peek(name) {
            Some(Entity::GenericFunc(g)) => Ok(g),
            Some(Entity::GenericType(g)) => Err(g),
            _ => return Ok(None),
        };
        let mut targs = Vec::new();
        for i in &indices {
            match self.type_expr_of(i)? {
                Some(t) => targs.push(t),
                None => return err(i.pos, format!("{} is not a type", super::describe(i))),
            }
        }
        let poss: Vec<Pos> = indices.iter().map(|i| i.pos).collect();
        match generic {
            Ok(g) => {
                let decl = self.generics.funcs[&g];
                if targs.len() < decl.tparams.len() {
                    // The rest are inferred at a call (calls.rs).
                    return Ok(None);
                }
                let (fid, sig) = self.instantiate_func(&g, targs, &poss, e.pos)?;
                Ok(Some(Entity::Func(fid, sig)))
            }
            Err(g) => Ok(Some(Entity::Type(
                self.instantiate_type(&g, targs, &poss, e.pos)?,
            ))),
        }
    }

    /// A call of a generic function, `F(x)` or `F[int](x)`: the instance it calls, with the
    /// type arguments not written inferred from the arguments.
    pub(crate) fn generic_call_target(
        &mut self,
        func: &Expr,
        args: &[Expr],
        ellipsis: bool,
    ) -> R<Option<(FuncId, TypeId)>> {
        let f = func.unparen();
        let (base, indices): (&Expr, Vec<&Expr>) = match &f.kind {
            ExprKind::Ident(_) | ExprKind::Selector { .. } => (f, Vec::new()),
            ExprKind::Index { x, index } => (x, vec![&**index]),
            ExprKind::IndexList { x, indices } => (x, indices.iter().collect()),
            _ => return Ok(None),
        };
        // `slices.DeleteFunc`: a generic function of the library's Go source.
        let library;
        let base = match &base.unparen().kind {
            ExprKind::Selector { x, sel } => match self.library_go_name(x, sel) {
                Some(n) => {
                    library = n;
                    &library
                }
                None => return Ok(None),
            },
            _ => base,
        };
        let ExprKind::Ident(name) = &base.unparen().kind else {
            return Ok(None);
        };
        let Some(Entity::GenericFunc(g)) = self.peek(name) else {
            return Ok(None);
        };
        let mut explicit = Vec::new();
        for i in &indices {
            match self.type_expr_of(i)? {
                Some(t) => explicit.push(t),
                None => return err(i.pos, format!("{} is not a type", super::describe(i))),
            }
        }
        let poss: Vec<Pos> = indices.iter().map(|i| i.pos).collect();
        // types2 reports inference at the call's `(`.
        let src = super::expr_src(func);
        let lparen = Pos::new(func.pos.line, func.pos.col + src.len() as u32);
        let written = explicit.len();
        let targs = self.infer(&g, explicit, args, ellipsis, lparen)?;
        // types2 checks an inferred argument's methods during inference, and says so.
        let decl = self.generics.funcs[&g];
        let binds: Vec<(String, TypeId)> = decl
            .tparams
            .iter()
            .map(|p| p.name.name.clone())
            .zip(targs.iter().copied())
            .collect();
        let skip = if self.generics.checking {
            binds.len()
        } else {
            written
        };
        for (tp, (n, t)) in decl.tparams.iter().zip(&binds).skip(skip) {
            self.generics.bindings.push(binds.clone());
            let why = self.satisfies(*t, &tp.constraint);
            self.generics.bindings.pop();
            if let Some(why) = why?
                && (why.contains("(missing method ") || why.contains("(wrong type for method "))
            {
                let tn = self.msg_name(*t);
                let rest = why.strip_prefix(&tn).unwrap_or(&why);
                return err(lparen, format!("in call to {g}, {n} (type {tn}){rest}"));
            }
        }
        Ok(Some(self.instantiate_func(&g, targs, &poss, lparen)?))
    }

    /// `Stack[int]` in a type: the instance.
    pub(super) fn resolve_instance(
        &mut self,
        pkg: &Option<ast::Ident>,
        name: &ast::Ident,
        args: &[TypeExpr],
        pos: Pos,
    ) -> R<TypeId> {
        let key = match pkg {
            Some(p) => {
                self.used_imports.insert(p.name.clone());
                let Some(path) = self.imports.get(&p.name).cloned() else {
                    return err(p.pos, format!("undefined: {}", p.name));
                };
                super::go_name(&path, &name.name)
            }
            None => name.name.clone(),
        };
        match self.peek(&key) {
            Some(Entity::GenericType(g)) => {
                let mut targs = Vec::new();
                for a in args {
                    targs.push(self.resolve_type(a)?);
                }
                let poss: Vec<Pos> = args.iter().map(|a| a.pos).collect();
                self.instantiate_type(&g, targs, &poss, pos)
            }
            Some(Entity::Type(_)) => err(name.pos, format!("{} is not a generic type", name.name)),
            Some(_) => err(name.pos, format!("{} is not a type", name.name)),
            None => err(name.pos, format!("undefined: {}", name.name)),
        }
    }

    fn count_instance(&mut self, pos: Pos) -> R<()> {
        self.generics.count += 1;
        if self.generics.count > MAX_INSTANCES {
            return err(
                pos,
                format!("more than {MAX_INSTANCES} generic instances (an infinite expansion?)"),
            );
        }
        Ok(())
    }

    /// The instance of generic function `g` for `targs`: its function id and signature.
    pub(crate) fn instantiate_func(
        &mut self,
        g: &str,
        targs: Vec<TypeId>,
        poss: &[Pos],
        pos: Pos,
    ) -> R<(FuncId, TypeId)> {
        let decl = self.generics.funcs[g];
        if targs.len() > decl.tparams.len() {
            return err(
                poss.get(decl.tparams.len()).copied().unwrap_or(pos),
                format!(
                    "got {} type arguments but {g} has {} type parameters",
                    targs.len(),
                    decl.tparams.len()
                ),
            );
        }
        let key = (g.to_string(), targs.clone());
        if let Some(&r) = self.generics.func_instances.get(&key) {
            return Ok(r);
        }
        self.count_instance(pos)?;
        let binds: Vec<(String, TypeId)> = decl
            .tparams
            .iter()
            .map(|p| p.name.name.clone())
            .zip(targs.iter().copied())
            .collect();
        self.check_constraints(&decl.tparams, &binds, poss, pos)?;
        self.generics.bindings.push(binds.clone());
        let sig = self.func_type(&decl.sig);
        self.generics.bindings.pop();
        let sig = sig?;
        let fid = self.funcs.len() as FuncId;
        self.funcs.push(FuncCode::default());
        self.generics.func_instances.insert(key, (fid, sig));
        self.generics.pending.push(Pending {
            decl,
            fid,
            name: format!("main.{g}[...]"),
            binds,
            recv: None,
        });
        Ok((fid, sig))
    }

    /// The instance of generic type `g` for `targs`, with its methods.
    pub(crate) fn instantiate_type(
        &mut self,
        g: &str,
        targs: Vec<TypeId>,
        poss: &[Pos],
        pos: Pos,
    ) -> R<TypeId> {
        let spec = self.generics.types[g];
        if targs.len() != spec.tparams.len() {
            let (what, at) = if targs.len() < spec.tparams.len() {
                ("not enough", pos)
            } else {
                (
                    "too many",
                    poss.get(spec.tparams.len()).copied().unwrap_or(pos),
                )
            };
            return err(
                at,
                format!(
                    "{what} type arguments for type {}: have {}, want {}",
                    super::type_name(g).trim_start_matches("main."),
                    targs.len(),
                    spec.tparams.len()
                ),
            );
        }
        let key = (g.to_string(), targs.clone());
        if let Some(&t) = self.generics.type_instances.get(&key) {
            return Ok(t);
        }
        if self.generics.bindings.len() > MAX_TYPE_NESTING {
            // Go names the type parameter that grows; golite the first one.
            let at = spec.tparams.first().map_or(pos, |p| p.name.pos);
            return err(at, "instantiation cycle:");
        }
        self.count_instance(pos)?;
        let binds: Vec<(String, TypeId)> = spec
            .tparams
            .iter()
            .map(|p| p.name.name.clone())
            .zip(targs.iter().copied())
            .collect();
        self.check_constraints(&spec.tparams, &binds, poss, pos)?;
        let args: Vec<String> = targs.iter().map(|t| self.types.name(*t)).collect();
        let t = self
            .types
            .new_named(&format!("{}[{}]", super::type_name(g), args.join(",")));
        self.generics.type_instances.insert(key, t);
        self.generics
            .origin
            .insert(t, (g.to_string(), targs.clone()));
        self.generics.bindings.push(binds);
        let under = self.resolve_type(&spec.typ);
        self.generics.bindings.pop();
        let under = under?;
        self.types.set_underlying(t, under);
        self.check_recursive(t, &spec.name)?;
        let methods = self.generics.methods.get(g).cloned().unwrap_or_default();
        for f in methods {
            self.instance_method(t, g, f, &targs)?;
        }
        Ok(t)
    }

    /// Declares method `f` of generic type `g` on its instance `t`.
    fn instance_method(&mut self, t: TypeId, g: &str, f: &'a FuncDecl, targs: &[TypeId]) -> R<()> {
        let Some(r) = &f.recv else {
            return Ok(());
        };
        if r.tparams.len() != targs.len() {
            return err(
                r.type_name.pos,
                format!(
                    "receiver declares {} type parameters, but receiver base type declares {}",
                    r.tparams.len(),
                    targs.len()
                ),
            );
        }
        let binds: Vec<(String, TypeId)> = r
            .tparams
            .iter()
            .map(|p| p.name.clone())
            .zip(targs.iter().copied())
            .collect();
        self.generics.bindings.push(binds.clone());
        let sig = self.func_type(&f.sig);
        self.generics.bindings.pop();
        let sig = sig?;
        let fid = self.funcs.len() as FuncId;
        self.funcs.push(FuncCode::default());
        self.go_methods
            .insert((t, f.name.name.clone()), (fid, r.pointer, sig));
        let sym = self.sym(&f.name.name);
        let pt = self.types.pointer(t);
        if r.pointer {
            self.methods
                .insert((pt, sym), MethodImpl::Go(fid, RecvAdjust::AsIs));
        } else {
            self.methods
                .insert((t, sym), MethodImpl::Go(fid, RecvAdjust::AsIs));
            self.methods
                .insert((pt, sym), MethodImpl::Go(fid, RecvAdjust::Deref));
        }
        // The library's `atomicꞏPointer` keeps its mark: begin_fn makes it prelude code.
        let name = if r.pointer {
            format!("main.(*{g}[...]).{}", f.name.name)
        } else {
            format!("main.{g}[...].{}", f.name.name)
        };
        self.generics.pending.push(Pending {
            decl: f,
            fid,
            name,
            binds,
            recv: Some(t),
        });
        Ok(())
    }

    /// Compiles the bodies of the instances made so far (and those they make).
    pub(super) fn compile_instances(&mut self) -> R<()> {
        while let Some(p) = self.generics.pending.pop() {
            self.instance_body(p)?;
        }
        Ok(())
    }

    fn instance_body(&mut self, p: Pending<'a>) -> R<()> {
        let f = p.decl;
        let mut params: Vec<(String, TypeId)> = Vec::new();
        if let (Some(r), Some(t)) = (&f.recv, p.recv) {
            let rt = if r.pointer { self.types.pointer(t) } else { t };
            let rn = r.name.as_ref().map_or("_".to_string(), |n| n.name.clone());
            params.push((rn, rt));
        }
        self.generics.bindings.push(p.binds.clone());
        let parts = self.sig_parts(&f.sig);
        self.generics.bindings.pop();
        let (ps, rs) = parts?;
        params.extend(ps);
        let Some(body) = &f.body else {
            return err(f.pos, format!("missing function body for {}", f.name.name));
        };
        // The caches of typed expressions hold the previous instance's types for these ids.
        self.not_const.clear();
        self.binary_types.clear();
        self.begin_fn(p.fid, &p.name, f.pos.line, &params, &rs, None)?;
        for (n, t) in &p.binds {
            self.local_const(n, Entity::Type(*t));
        }
        self.block_stmts(&body.stmts)?;
        self.line = body.end.line;
        self.check_missing_return(body, f.pos)?;
        self.end_fn(p.fid)
    }

    // ---- generic bodies against their constraints ----

    /// Compiles every generic function and type (with its methods) once with its type
    /// parameters standing for themselves: Go's errors in generic code that no instance shows.
    pub(super) fn check_generic_bodies(&mut self) -> R<()> {
        let file = self.file;
        for d in &file.decls {
            match d {
                ast::Decl::Func(f) if !f.tparams.is_empty() && f.recv.is_none() => {
                    for term in 0..self.union_terms(&f.tparams) {
                        self.generics.term = term;
                        let Some(args) = self.fresh_args(&f.tparams)? else {
                            continue;
                        };
                        self.generics.checking = true;
                        let r = self
                            .instantiate_func(&f.name.name, args, &[], f.name.pos)
                            .and_then(|_| self.compile_instances());
                        self.generics.checking = false;
                        self.generics.term = 0;
                        r?;
                    }
                }
                ast::Decl::Type(specs) => {
                    for s in specs.iter().filter(|s| !s.tparams.is_empty()) {
                        for term in 0..self.union_terms(&s.tparams) {
                            self.generics.term = term;
                            let Some(args) = self.fresh_args(&s.tparams)? else {
                                continue;
                            };
                            self.generics.checking = true;
                            let r = self
                                .instantiate_type(&s.name.name, args, &[], s.name.pos)
                                .and_then(|_| self.compile_instances());
                            self.generics.checking = false;
                            self.generics.term = 0;
                            r?;
                        }
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    /// How many times a generic declaration's body is checked: the most terms among its type
    /// parameters' union constraints (written inline or as a named interface), at least once.
    fn union_terms(&self, tparams: &[TypeParam]) -> usize {
        let terms = |elems: &[InterfaceElem]| {
            elems
                .iter()
                .map(|e| match e {
                    InterfaceElem::Union(ts) => ts.len(),
                    _ => 1,
                })
                .max()
                .unwrap_or(1)
        };
        tparams
            .iter()
            .map(|p| match &p.constraint.kind {
                TypeKind::Interface(elems) => terms(elems),
                TypeKind::Named { pkg: None, name } => {
                    match self.generics.ifaces.get(&name.name).map(|x| &x.kind) {
                        Some(TypeKind::Interface(elems)) => terms(elems),
                        _ => 1,
                    }
                }
                _ => 1,
            })
            .max()
            .unwrap_or(1)
            .clamp(1, MAX_CHECKED_TERMS)
    }

    /// A fresh type for each type parameter, its underlying type standing for its type set;
    /// None when a constraint mixes type terms and methods (not checked).
    fn fresh_args(&mut self, tparams: &[TypeParam]) -> R<Option<Vec<TypeId>>> {
        let ts: Vec<TypeId> = tparams
            .iter()
            .map(|p| self.types.new_named(&p.name.name))
            .collect();
        let binds: Vec<(String, TypeId)> = tparams
            .iter()
            .map(|p| p.name.name.clone())
            .zip(ts.iter().copied())
            .collect();
        self.generics.bindings.push(binds);
        let mut ok = true;
        let mut r = Ok(());
        for (p, &t) in tparams.iter().zip(&ts) {
            match self.representative(&p.constraint) {
                Ok(Some((under, comparable))) => {
                    self.types.set_underlying(t, under);
                    self.generics.fresh.insert(
                        t,
                        Fresh {
                            name: p.name.name.clone(),
                            constraint: constraint_string(&p.constraint),
                            comparable,
                        },
                    );
                }
                Ok(None) => ok = false,
                Err(e) => {
                    r = Err(e);
                    break;
                }
            }
        }
        self.generics.bindings.pop();
        r?;
        Ok(ok.then_some(ts))
    }

    /// The underlying type standing for constraint `c`'s type set, and whether `==` is allowed.
    fn representative(&mut self, c: &TypeExpr) -> R<Option<(TypeId, bool)>> {
        use crate::golite::types::ids;
        match &c.kind {
            TypeKind::Named { pkg: None, name } if name.name == "any" => {
                Ok(Some((ids::ANY, false)))
            }
            TypeKind::Named { pkg: None, name } if name.name == "comparable" => {
                Ok(Some((ids::ANY, true)))
            }
            TypeKind::Named { pkg: Some(p), name }
                if name.name == "Ordered"
                    && self.imports.get(&p.name).is_some_and(|x| x == "cmp") =>
            {
                Ok(Some((ids::INT, true)))
            }
            // The library's Go source names it without importing cmp (std/slices.rs's Sorted).
            TypeKind::Named { pkg: None, name } if name.name == "cmp\u{a78f}Ordered" => {
                Ok(Some((ids::INT, true)))
            }
            TypeKind::Named { pkg: None, name }
                if self.generics.ifaces.contains_key(&name.name) =>
            {
                let Some(TypeKind::Interface(elems)) =
                    self.generics.ifaces.get(&name.name).map(|x| &x.kind)
                else {
                    return Ok(None);
                };
                self.representative_of(elems)
            }
            TypeKind::Interface(elems) => self.representative_of(elems),
            _ => {
                let t = self.resolve_type(c)?;
                let u = self.types.underlying(t);
                if self.types.is_interface(t) {
                    return Ok(Some((u, false)));
                }
                Ok(Some((u, self.types.comparable(u))))
            }
        }
    }

    fn representative_of(&mut self, elems: &[InterfaceElem]) -> R<Option<(TypeId, bool)>> {
        let mut methods: Vec<(String, TypeId)> = Vec::new();
        let mut first_term: Option<TypeId> = None;
        let mut comparable = false;
        for el in elems {
            match el {
                InterfaceElem::Method { name, sig } => {
                    let st = self.func_type(sig)?;
                    self.sym(&name.name);
                    methods.push((name.name.clone(), st));
                }
                InterfaceElem::Embed(te) => match &te.kind {
                    TypeKind::Named { pkg: None, name } if name.name == "comparable" => {
                        comparable = true;
                    }
                    _ => match self.representative(te)? {
                        None => return Ok(None),
                        Some((u, cmp)) => {
                            comparable |= cmp;
                            if self.types.is_interface(u) {
                                methods.extend(self.types.iface_methods(u).to_vec());
                            } else if first_term.is_none() {
                                first_term = Some(u);
                            }
                        }
                    },
                },
                InterfaceElem::Union(terms) => {
                    if first_term.is_none()
                        && let Some(t) = terms.get(self.generics.term).or(terms.last())
                    {
                        let tt = self.resolve_type(&t.typ)?;
                        first_term = Some(self.types.underlying(tt));
                    }
                }
            }
        }
        match first_term {
            Some(_) if !methods.is_empty() => Ok(None),
            Some(t) => Ok(Some((t, self.types.comparable(t)))),
            None => {
                methods.sort_by(|a, b| a.0.cmp(&b.0));
                methods.dedup_by(|a, b| a.0 == b.0);
                Ok(Some((
                    self.types.intern(Kind::Interface(methods)),
                    comparable,
                )))
            }
        }
    }

    /// `T constrained by C` for a type parameter standing for itself in a checked body.
    pub(crate) fn type_param_desc(&self, t: TypeId) -> Option<String> {
        let f = self.generics.fresh.get(&t)?;
        Some(format!("{} constrained by {}", f.name, f.constraint))
    }

    /// Go's error for operator `op` on a value of type parameter `t` whose type set does not
    /// allow it (`y` is None for `x op= y`'s check of x alone).
    pub(crate) fn type_param_op_error(
        &self,
        x: &Expr,
        op: ast::BinaryOp,
        y: &Expr,
        t: TypeId,
    ) -> Option<String> {
        use ast::BinaryOp::*;
        let f = self.generics.fresh.get(&t)?;
        if !self.types.is_interface(t) {
            return None;
        }
        let (xs, ys, o) = (super::expr_src(x), super::expr_src(y), op.as_str());
        match op {
            Lt | Le | Gt | Ge => Some(format!(
                "invalid operation: {xs} {o} {ys} (type parameter {} cannot use operator {o})",
                f.name
            )),
            Eq | Ne if !f.comparable => Some(format!(
                "invalid operation: {xs} {o} {ys} (incomparable types in type set)"
            )),
            Eq | Ne | LAnd | LOr => None,
            _ => Some(format!(
                "invalid operation: operator {o} not defined on {xs} (variable of type {} constrained by {})",
                f.name, f.constraint
            )),
        }
    }

    // ---- constraints ----

    fn check_constraints(
        &mut self,
        tparams: &[TypeParam],
        binds: &[(String, TypeId)],
        poss: &[Pos],
        pos: Pos,
    ) -> R<()> {
        if self.generics.checking {
            return Ok(());
        }
        for (i, (tp, (_, t))) in tparams.iter().zip(binds).enumerate() {
            self.generics.bindings.push(binds.to_vec());
            let r = self.satisfies(*t, &tp.constraint);
            self.generics.bindings.pop();
            if let Some(why) = r? {
                let at = poss.get(i).copied().unwrap_or(pos);
                return err(at, why);
            }
        }
        Ok(())
    }

    /// Go's name of a type in a message (package main's types unqualified).
    pub(crate) fn msg_name(&self, t: TypeId) -> String {
        self.types.name(t).replace("main.", "")
    }

    /// None when `t` satisfies constraint `c`; otherwise types2's message.
    fn satisfies(&mut self, t: TypeId, c: &TypeExpr) -> R<Option<String>> {
        let tn = self.msg_name(t);
        let cn = constraint_string(c);
        match &c.kind {
            TypeKind::Named { pkg: None, name } if name.name == "any" => Ok(None),
            TypeKind::Named { pkg: None, name } if name.name == "comparable" => Ok((!self
                .types
                .comparable(t))
            .then(|| format!("{tn} does not satisfy comparable"))),
            TypeKind::Named { pkg, name }
                if name.name == "cmp\u{a78f}Ordered"
                    || (name.name == "Ordered"
                        && pkg.as_ref().is_some_and(|p| {
                            self.imports.get(&p.name).is_some_and(|x| x == "cmp")
                        })) =>
            {
                if let Some(p) = pkg {
                    self.used_imports.insert(p.name.clone());
                }
                let u = self.types.underlying(t);
                let ok = matches!(
                    self.types.kind(u),
                    Kind::Int(_) | Kind::Float64 | Kind::Float32 | Kind::String
                );
                Ok((!ok).then(|| {
                    format!(
                        "{tn} does not satisfy cmp.Ordered ({tn} missing in ~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string)"
                    )
                }))
            }
            TypeKind::Named { pkg: None, name }
                if self.generics.ifaces.contains_key(&name.name) =>
            {
                let Some(TypeKind::Interface(elems)) =
                    self.generics.ifaces.get(&name.name).map(|x| &x.kind)
                else {
                    return Ok(None);
                };
                self.satisfies_elems(t, elems, &name.name)
            }
            TypeKind::Interface(elems) => self.satisfies_elems(t, elems, &cn),
            _ => {
                // A constraint that is a type: the interface it names, or a single type term.
                let ct = self.resolve_type(c)?;
                if self.types.is_interface(ct) {
                    let why = self.why_not_implemented(t, ct);
                    return Ok(
                        (!why.is_empty()).then(|| format!("{tn} does not satisfy {cn} {why}"))
                    );
                }
                Ok((t != ct).then(|| format!("{tn} does not satisfy {cn} ({tn} missing in {cn})")))
            }
        }
    }

    fn satisfies_elems(
        &mut self,
        t: TypeId,
        elems: &[InterfaceElem],
        cname: &str,
    ) -> R<Option<String>> {
        let tn = self.msg_name(t);
        for el in elems {
            match el {
                InterfaceElem::Method { name, .. } => {
                    if self.find_member(t, &name.name).is_none() {
                        return Ok(Some(format!(
                            "{tn} does not satisfy {cname} (missing method {})",
                            name.name
                        )));
                    }
                }
                InterfaceElem::Embed(te) => {
                    if let Some(why) = self.satisfies(t, te)? {
                        let ct = self.resolve_type(te)?;
                        if self.types.is_interface(ct) {
                            return Ok(Some(why.replace(&ast::type_string(te), cname)));
                        }
                        let terms = ast::type_string(te);
                        return Ok(Some(format!(
                            "{tn} does not satisfy {cname} ({tn} missing in {terms})"
                        )));
                    }
                }
                InterfaceElem::Union(terms) => {
                    let mut ok = false;
                    for term in terms {
                        let tt = self.resolve_type(&term.typ)?;
                        if t == tt
                            || (term.tilde && self.types.underlying(t) == self.types.underlying(tt))
                        {
                            ok = true;
                            break;
                        }
                    }
                    if !ok {
                        let mut s = String::new();
                        ast::write_terms(&mut s, terms);
                        return Ok(Some(format!(
                            "{tn} does not satisfy {cname} ({tn} missing in {s})"
                        )));
                    }
                }
            }
        }
        Ok(None)
    }

    // ---- inference ----

    /// The type arguments of a call of generic function `g`: those written (`explicit`), then
    /// those inferred from the arguments' types, then untyped constants' default types.
    pub(crate) fn infer(
        &mut self,
        g: &str,
        explicit: Vec<TypeId>,
        args: &[Expr],
        ellipsis: bool,
        lparen: Pos,
    ) -> R<Vec<TypeId>> {
        let decl = self.generics.funcs[g];
        let names: Vec<String> = decl.tparams.iter().map(|p| p.name.name.clone()).collect();
        let mut got: Vec<Option<TypeId>> = vec![None; names.len()];
        for (i, t) in explicit.into_iter().enumerate() {
            if i < got.len() {
                got[i] = Some(t);
            }
        }
        // The arguments' types (a single multi-valued call spreads).
        let mut arg_types: Vec<TypeId> = Vec::new();
        for a in args {
            if self.is_generic_func_ref(a) {
                // Inferred from its parameter's type once the others are known.
                arg_types.push(crate::golite::types::ids::UNTYPED_NIL);
                continue;
            }
            let t = self.type_of(a)?;
            match self.types.kind(t) {
                Kind::Tuple(ts) if args.len() == 1 => arg_types.extend(ts.clone()),
                _ => arg_types.push(t),
            }
        }
        let params = &decl.sig.params;
        let param_for = |i: usize| -> Option<&TypeExpr> {
            if decl.sig.variadic && i + 1 >= params.len() {
                params.last().map(|p| &p.typ)
            } else {
                params.get(i).map(|p| &p.typ)
            }
        };
        let mut untyped: Vec<(usize, TypeId)> = Vec::new();
        for (i, &at) in arg_types.iter().enumerate() {
            let Some(pt) = param_for(i) else { break };
            if self.types.is_untyped(at) {
                if let TypeKind::Named { pkg: None, name } = &pt.kind
                    && let Some(k) = names.iter().position(|n| *n == name.name)
                {
                    untyped.push((k, at));
                }
                continue;
            }
            // `f(xs...)` passes the slice itself for `...T`.
            if ellipsis
                && i + 1 == params.len()
                && let Kind::Slice(e) = self.types.ukind(at)
            {
                let e = *e;
                self.unify(pt, e, &names, &mut got);
                continue;
            }
            self.unify(pt, at, &names, &mut got);
        }
        // Core types of constraints: `S ~[]E` gives E from S.
        for _ in 0..names.len() {
            for (k, tp) in decl.tparams.iter().enumerate() {
                let Some(bound) = got[k] else { continue };
                if let Some(core) = core_term(&tp.constraint) {
                    let u = self.types.underlying(bound);
                    self.unify(core, u, &names, &mut got);
                }
            }
        }
        // Generic functions passed without type arguments (`Map(xs, Double)` with `Double`
        // generic): their own from the parameter's types known so far, then the parameter's
        // still unknown ones from their signature. Twice, so either may feed the other.
        for _ in 0..2 {
            for (i, a) in args.iter().enumerate() {
                if let Some(pt) = param_for(i)
                    && let TypeKind::Func(want) = &pt.kind
                    && let Some(g2) = self.generic_func_name(a)
                {
                    self.infer_through_func_arg(&g2, want, &names, &mut got);
                }
            }
        }
        // Untyped constants: the default type of the largest kind among them.
        for (k, slot) in got.iter_mut().enumerate() {
            if slot.is_some() {
                continue;
            }
            let best = untyped
                .iter()
                .filter(|(j, _)| *j == k)
                .map(|(_, t)| *t)
                .max_by_key(|t| untyped_rank(self.types.kind(*t)));
            if let Some(t) = best
                && t != crate::golite::types::ids::UNTYPED_NIL
            {
                *slot = Some(self.types.default_type(t));
            }
        }
        let mut out = Vec::new();
        for (k, g2) in got.into_iter().enumerate() {
            match g2 {
                Some(t) => out.push(t),
                None => {
                    let tp = &decl.tparams[k];
                    return err(
                        lparen,
                        format!(
                            "in call to {g}, cannot infer {} (declared at ./{}:{}:{})",
                            tp.name.name,
                            super::FILE_MARK,
                            tp.name.pos.line,
                            tp.name.pos.col
                        ),
                    );
                }
            }
        }
        Ok(out)
    }

    /// The type arguments of generic function `g` used as a value of a function type with
    /// these parameters and results (generic_values.rs); None when some cannot be inferred.
    pub(crate) fn infer_from_func_type(
        &mut self,
        g: &str,
        params: &[TypeId],
        results: &[TypeId],
    ) -> Option<Vec<TypeId>> {
        let decl = self.generics.funcs[g];
        let names: Vec<String> = decl.tparams.iter().map(|p| p.name.name.clone()).collect();
        let mut got: Vec<Option<TypeId>> = vec![None; names.len()];
        if decl.sig.params.len() != params.len() || decl.sig.results.len() != results.len() {
            return None;
        }
        for (p, &t) in decl.sig.params.iter().zip(params) {
            self.unify(&p.typ, t, &names, &mut got);
        }
        for (r, &t) in decl.sig.results.iter().zip(results) {
            self.unify(&r.typ, t, &names, &mut got);
        }
        for _ in 0..names.len() {
            for (k, tp) in decl.tparams.iter().enumerate() {
                let Some(bound) = got[k] else { continue };
                if let Some(core) = core_term(&tp.constraint) {
                    let u = self.types.underlying(bound);
                    self.unify(core, u, &names, &mut got);
                }
            }
        }
        got.into_iter().collect()
    }

    /// The generic function `e` names without type arguments, if it is a program's (or a
    /// library one written in Go).
    fn generic_func_name(&mut self, e: &Expr) -> Option<String> {
        let named = match &e.unparen().kind {
            ExprKind::Ident(_) => e.unparen().clone(),
            ExprKind::Selector { x, sel } => self.library_go_name(x, sel)?,
            _ => return None,
        };
        let ExprKind::Ident(name) = &named.kind else {
            return None;
        };
        match self.peek(name) {
            Some(Entity::GenericFunc(g)) => Some(g),
            _ => None,
        }
    }

    /// One step of inference through generic function `g` passed for a parameter of function
    /// type `want` (in terms of the callee's type parameters `names`, bound so far in `got`):
    /// `g`'s type arguments from the parameter's types already known, then the callee's
    /// unknowns from `g`'s parameter and result types those make known.
    fn infer_through_func_arg(
        &mut self,
        g: &str,
        want: &ast::FuncType,
        names: &[String],
        got: &mut [Option<TypeId>],
    ) {
        let inner = self.generics.funcs[g];
        let inner_names: Vec<String> = inner.tparams.iter().map(|p| p.name.name.clone()).collect();
        let mut inner_got: Vec<Option<TypeId>> = vec![None; inner_names.len()];
        if want.variadic
            || inner.sig.variadic
            || want.params.len() != inner.sig.params.len()
            || want.results.len() != inner.sig.results.len()
        {
            return;
        }
        let pairs: Vec<(&TypeExpr, &TypeExpr)> = (want.params.iter().zip(&inner.sig.params))
            .chain(want.results.iter().zip(&inner.sig.results))
            .map(|(w, i)| (&w.typ, &i.typ))
            .collect();
        for &(w, i) in &pairs {
            if let Some(t) = self.resolve_bound(w, names, got) {
                self.unify(i, t, &inner_names, &mut inner_got);
            }
        }
        for &(w, i) in &pairs {
            if let Some(t) = self.resolve_bound(i, &inner_names, &inner_got) {
                self.unify(w, t, names, got);
            }
        }
    }

    /// Type expression `t` of a generic signature resolved with its type parameters `names`
    /// bound to `got`; None while it names one not bound yet (or does not resolve).
    fn resolve_bound(
        &mut self,
        t: &TypeExpr,
        names: &[String],
        got: &[Option<TypeId>],
    ) -> Option<TypeId> {
        let text = ast::type_string(t);
        let words = text.split(|c: char| !(c.is_alphanumeric() || c == '_'));
        let mut binds = Vec::new();
        for w in words {
            if let Some(k) = names.iter().position(|n| n == w) {
                binds.push((w.to_string(), got[k]?));
            }
        }
        self.generics.bindings.push(binds);
        let r = self.resolve_type(t);
        self.generics.bindings.pop();
        r.ok()
    }

    /// Binds the type parameters in `p` by matching it with the argument type `a`.
    fn unify(&self, p: &TypeExpr, a: TypeId, names: &[String], got: &mut [Option<TypeId>]) {
        let tys = &self.types;
        match &p.kind {
            TypeKind::Named { pkg: None, name } => {
                if let Some(k) = names.iter().position(|n| *n == name.name)
                    && got[k].is_none()
                {
                    got[k] = Some(a);
                }
            }
            TypeKind::Pointer(e) => {
                if let Kind::Pointer(x) = tys.ukind(a) {
                    self.unify(e, *x, names, got);
                }
            }
            TypeKind::Slice(e) => {
                if let Kind::Slice(x) = tys.ukind(a) {
                    self.unify(e, *x, names, got);
                }
            }
            TypeKind::Array { elem, .. } => {
                if let Kind::Array(_, x) = tys.ukind(a) {
                    self.unify(elem, *x, names, got);
                }
            }
            TypeKind::Map { key, value } => {
                if let Kind::Map(k, v) = tys.ukind(a) {
                    let (k, v) = (*k, *v);
                    self.unify(key, k, names, got);
                    self.unify(value, v, names, got);
                }
            }
            TypeKind::Chan { elem, .. } => {
                if let Kind::Chan(_, x) = tys.ukind(a) {
                    self.unify(elem, *x, names, got);
                }
            }
            TypeKind::Func(sig) => {
                if let Kind::Func(s) = tys.ukind(a) {
                    let s = s.clone();
                    let n = sig.params.len();
                    for (i, (pp, &pa)) in sig.params.iter().zip(&s.params).enumerate() {
                        let pa = if sig.variadic && i + 1 == n {
                            match tys.ukind(pa) {
                                Kind::Slice(e) => *e,
                                _ => pa,
                            }
                        } else {
                            pa
                        };
                        self.unify(&pp.typ, pa, names, got);
                    }
                    for (pr, &ra) in sig.results.iter().zip(&s.results) {
                        self.unify(&pr.typ, ra, names, got);
                    }
                }
            }
            TypeKind::Instance { name, args, .. } => {
                if let Some((g, targs)) = self.generics.origin.get(&a)
                    && g.ends_with(&name.name)
                {
                    for (pa, &ta) in args.iter().zip(targs) {
                        self.unify(pa, ta, names, got);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The single type term of a constraint like `~[]E` or `[]E` (its core type), if it has one.
/// A constraint as types2 prints it: a union written in the type parameter list
/// (`[T ~int | ~float64]`, an implicit interface the parser starts at its first term) without
/// the `interface{...}` that an explicitly written one keeps.
fn constraint_string(c: &TypeExpr) -> String {
    let s = ast::type_string(c);
    if let TypeKind::Interface(elems) = &c.kind
        && let [InterfaceElem::Union(terms)] = elems.as_slice()
        && let Some(first) = terms.first()
        && first.typ.pos.line == c.pos.line
        && first.typ.pos.col.saturating_sub(c.pos.col) <= 1
        && let Some(inner) = s
            .strip_prefix("interface{")
            .and_then(|x| x.strip_suffix('}'))
    {
        return inner.to_string();
    }
    s
}

fn core_term(c: &TypeExpr) -> Option<&TypeExpr> {
    match &c.kind {
        TypeKind::Interface(elems) => {
            let mut found = None;
            for el in elems {
                match el {
                    InterfaceElem::Union(terms) if terms.len() == 1 => found = Some(&terms[0].typ),
                    InterfaceElem::Method { .. } => {}
                    _ => return None,
                }
            }
            found
        }
        TypeKind::Slice(_)
        | TypeKind::Map { .. }
        | TypeKind::Chan { .. }
        | TypeKind::Pointer(_) => Some(c),
        _ => None,
    }
}

/// Go's order of untyped constant kinds: a mix of `1` and `2.5` defaults to float64.
fn untyped_rank(k: &Kind) -> u8 {
    match k {
        Kind::UntypedInt => 1,
        Kind::UntypedRune => 2,
        Kind::UntypedFloat => 3,
        _ => 0,
    }
}
