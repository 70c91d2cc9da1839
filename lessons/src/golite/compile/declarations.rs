//! Declarations: package-level constants, variables, types and functions, methods and their
//! receivers, and type expressions resolved to types.

use super::assign_mismatch;
use super::{
    Compiler, ConstVal, Entity, Local, Member, R, SigParams, SigResults, describe, err,
    terminates_block,
};
use crate::golite::code::{ClosureInfo, FuncCode, FuncId, Op};
use crate::golite::syntax::ast::ExprKind;
use crate::golite::syntax::ast::{self, Block, Expr, FuncDecl, Pos, TypeExpr, TypeKind};
use crate::golite::types::{ChanDir, Field, Kind, TypeId, ids};

impl<'a> Compiler<'a> {
    pub(crate) fn const_decl(&mut self, specs: &[ast::ConstSpec], global: bool) -> R<()> {
        for s in specs {
            self.line = s.pos.line;
            let declared = match &s.typ {
                Some(t) => Some(self.resolve_type(t)?),
                None => None,
            };
            if s.values.len() != s.names.len() {
                return err(s.pos, "missing init expr for const declaration");
            }
            let old = self.iota.replace(i128::from(s.iota));
            for (n, e) in s.names.iter().zip(&s.values) {
                let Some((mut v, mut t)) = self.constant(e)? else {
                    self.iota = old;
                    return err(e.pos, format!("{} is not constant", describe(e)));
                };
                if let Some(ov) = self.overrides.get(&n.name)
                    && global
                {
                    v = ConstVal::Int(i128::from(*ov));
                }
                if let Some(d) = declared {
                    v = self.convert_const(v, t, d, e.pos)?;
                    t = d;
                }
                if n.name == "_" {
                    continue;
                }
                let ent = Entity::Const(v, t);
                if global {
                    self.pkg_scope.insert(n.name.clone(), ent);
                } else {
                    self.local_const(&n.name, ent);
                }
            }
            self.iota = old;
        }
        Ok(())
    }

    /// Declares a local constant or type in the current scope.
    pub(crate) fn local_const(&mut self, name: &str, ent: Entity) {
        if let Some(s) = self.f().scopes.last_mut() {
            s.push((name.to_string(), Local::Ent(ent)));
        }
    }

    pub(super) fn global_var(&mut self, s: &ast::VarSpec) -> R<()> {
        self.line = s.pos.line;
        let declared = match &s.typ {
            Some(t) => Some(self.resolve_type(t)?),
            None => None,
        };
        let names: Vec<String> = s.names.iter().map(|n| n.name.clone()).collect();
        let tys = self.init_values(&s.values, declared, names.len(), s.pos)?;
        for (n, t) in names.iter().zip(tys.iter()).rev() {
            let g = self.nglobals;
            self.nglobals += 1;
            self.emit(Op::StoreGlobal(g));
            if n != "_" {
                self.pkg_scope.insert(n.clone(), Entity::Global(g, *t));
            }
        }
        Ok(())
    }

    /// Pushes the initial values of a var declaration (zero values when none); returns the types.
    pub(crate) fn init_values(
        &mut self,
        values: &[Expr],
        declared: Option<TypeId>,
        n: usize,
        pos: Pos,
    ) -> R<Vec<TypeId>> {
        if values.is_empty() {
            let Some(t) = declared else {
                return err(pos, "missing type or init expr");
            };
            for _ in 0..n {
                self.zero_of(t);
            }
            return Ok(vec![t; n]);
        }
        if values.len() == n {
            let mut tys = Vec::new();
            for v in values {
                let t = match declared {
                    Some(d) => {
                        self.value_to(v, d)?;
                        d
                    }
                    None => {
                        let t = self.value(v, None)?;
                        if t == ids::UNTYPED_NIL {
                            return err(v.pos, "use of untyped nil in variable declaration");
                        }
                        self.types.default_type(t)
                    }
                };
                tys.push(t);
            }
            return Ok(tys);
        }
        if values.len() == 1 {
            let tys = self.multi(&values[0])?;
            if tys.len() != n {
                return assign_mismatch(n, values, tys.len(), pos);
            }
            if let Some(d) = declared {
                for (k, &vt) in tys.iter().enumerate() {
                    self.check_multi_assign(values, k, vt, d)?;
                }
            }
            return Ok(match declared {
                Some(d) => vec![d; n],
                None => tys,
            });
        }
        assign_mismatch(n, values, values.len(), pos)
    }

    pub(super) fn func_decl(&mut self, f: &FuncDecl, fid: FuncId) -> R<()> {
        let mut params: Vec<(String, TypeId)> = Vec::new();
        let mut name = format!("main.{}", f.name.name);
        if let Some(r) = &f.recv {
            let Some(Entity::Type(t)) = self.pkg_scope.get(&r.type_name.name).cloned() else {
                return err(r.type_name.pos, format!("undefined: {}", r.type_name.name));
            };
            let rt = if r.pointer { self.types.pointer(t) } else { t };
            let rn = r.name.as_ref().map_or("_".to_string(), |n| n.name.clone());
            params.push((rn, rt));
            name = if r.pointer {
                format!("main.(*{}).{}", r.type_name.name, f.name.name)
            } else {
                format!("main.{}.{}", r.type_name.name, f.name.name)
            };
        }
        let (ps, rs) = self.sig_parts(&f.sig)?;
        params.extend(ps);
        let Some(body) = &f.body else {
            return err(f.pos, format!("missing function body for {}", f.name.name));
        };
        self.begin_fn(fid, &name, f.pos.line, &params, &rs, None)?;
        self.block_stmts(&body.stmts)?;
        self.line = body.end.line;
        self.check_missing_return(body, f.pos)?;
        self.end_fn(fid)
    }

    pub(super) fn check_missing_return(&mut self, body: &Block, _pos: Pos) -> R<()> {
        if !self.f().results.is_empty() && !terminates_block(&body.stmts) {
            return err(body.end, "missing return");
        }
        Ok(())
    }

    /// Parameters and results of a signature, resolved.
    pub(crate) fn sig_parts(&mut self, sig: &ast::FuncType) -> R<(SigParams, SigResults)> {
        let mut ps = Vec::new();
        let n = sig.params.len();
        for (i, p) in sig.params.iter().enumerate() {
            let mut t = self.resolve_type(&p.typ)?;
            if sig.variadic && i + 1 == n {
                t = self.types.slice(t);
            }
            ps.push((p.name.as_ref().map_or("_".into(), |n| n.name.clone()), t));
        }
        let mut rs = Vec::new();
        for r in &sig.results {
            let t = self.resolve_type(&r.typ)?;
            rs.push((r.name.as_ref().map(|n| n.name.clone()), t));
        }
        Ok((ps, rs))
    }

    pub(crate) fn func_type(&mut self, sig: &ast::FuncType) -> R<TypeId> {
        let (ps, rs) = self.sig_parts(sig)?;
        Ok(self.types.func(
            ps.into_iter().map(|p| p.1).collect(),
            rs.into_iter().map(|r| r.1).collect(),
            sig.variadic,
        ))
    }

    /// Compiles a function literal and pushes the closure.
    pub(crate) fn func_lit(&mut self, sig: &ast::FuncType, body: &Block, pos: Pos) -> R<TypeId> {
        let ty = self.func_type(sig)?;
        let (ps, rs) = self.sig_parts(sig)?;
        let fid = self.funcs.len() as FuncId;
        self.funcs.push(FuncCode::default());
        let parent = self.f();
        parent.closure_count += 1;
        let name = format!("{}.func{}", parent.code.name, parent.closure_count);
        let saved_line = self.line;
        self.begin_fn(fid, &name, pos.line, &ps, &rs, None)?;
        self.block_stmts(&body.stmts)?;
        self.line = body.end.line;
        self.check_missing_return(body, pos)?;
        let caps = self.f().cap_src.clone();
        self.end_fn(fid)?;
        self.line = saved_line;
        let idx = {
            let f = self.f();
            f.code.closures.push(ClosureInfo {
                func: fid,
                captures: caps,
            });
            (f.code.closures.len() - 1) as u32
        };
        self.emit(Op::Closure(idx));
        Ok(ty)
    }

    // ---- types ----

    pub(crate) fn resolve_type(&mut self, t: &TypeExpr) -> R<TypeId> {
        Ok(match &t.kind {
            TypeKind::Instance { pkg, name, args } => {
                self.resolve_instance(pkg, name, args, t.pos)?
            }
            TypeKind::Named { pkg: None, name } => match self.lookup(&name.name) {
                Some(Entity::Type(t)) => t,
                Some(Entity::GenericType(g)) => {
                    return err(
                        name.pos,
                        format!("cannot use generic type {g} without instantiation"),
                    );
                }
                Some(_) => return err(name.pos, format!("{} is not a type", name.name)),
                None => return err(name.pos, format!("undefined: {}", name.name)),
            },
            TypeKind::Named { pkg: Some(p), name } => {
                self.used_imports.insert(p.name.clone());
                let Some(path) = self.imports.get(&p.name).cloned() else {
                    return err(p.pos, format!("undefined: {}", p.name));
                };
                // A library package's unexported types (`crc32.digest`) are not the program's.
                let library_name = super::go_name(&path, &name.name);
                if name.name.starts_with(char::is_uppercase)
                    && let Some(Entity::Type(t)) = self.pkg_scope.get(&library_name)
                {
                    return Ok(*t);
                }
                match self.member(&path, &name.name) {
                    Some(Member::Type(t)) => t,
                    _ => {
                        return err(
                            name.pos,
                            (self.lib.missing_member)(&p.name, &path, &name.name),
                        );
                    }
                }
            }
            TypeKind::Pointer(e) => {
                let e = self.resolve_type(e)?;
                self.types.pointer(e)
            }
            TypeKind::Slice(e) => {
                let e = self.resolve_type(e)?;
                self.types.slice(e)
            }
            TypeKind::Array { len, elem } => {
                let e = self.resolve_type(elem)?;
                let Some(len) = len else {
                    return err(t.pos, "[...] array outside a composite literal");
                };
                let n = match self.constant(len)? {
                    Some((v, _)) => v.as_i128().unwrap_or(-1),
                    None => -1,
                };
                if n < 0 {
                    return err(
                        len.pos,
                        "array length must be a non-negative integer constant",
                    );
                }
                self.types.intern(Kind::Array(n as u64, e))
            }
            TypeKind::Map { key, value } => {
                let k = self.resolve_type(key)?;
                let v = self.resolve_type(value)?;
                if !self.types.comparable(k) {
                    return err(
                        key.pos,
                        format!("invalid map key type {}", self.types.name(k)),
                    );
                }
                self.types.map(k, v)
            }
            TypeKind::Chan { dir, elem } => {
                let e = self.resolve_type(elem)?;
                let d = match dir {
                    ast::ChanDir::Both => ChanDir::Both,
                    ast::ChanDir::Send => ChanDir::Send,
                    ast::ChanDir::Recv => ChanDir::Recv,
                };
                self.types.chan(d, e)
            }
            TypeKind::Func(sig) => self.func_type(sig)?,
            TypeKind::Struct(fields) => {
                let mut fs: Vec<Field> = Vec::new();
                for f in fields {
                    let ty = self.resolve_type(&f.typ)?;
                    let (name, embedded) = match &f.name {
                        Some(n) => (n.name.clone(), false),
                        None => (embedded_name(&f.typ), true),
                    };
                    if name != "_" && fs.iter().any(|x| x.name == name) {
                        return err(f.pos, format!("{name} redeclared"));
                    }
                    fs.push(Field { name, ty, embedded });
                }
                self.types.intern(Kind::Struct(fs))
            }
            TypeKind::Interface(elems) => {
                let mut ms: Vec<(String, TypeId)> = Vec::new();
                for e in elems {
                    match e {
                        ast::InterfaceElem::Method { name, sig } => {
                            let st = self.func_type(sig)?;
                            self.sym(&name.name);
                            ms.push((name.name.clone(), st));
                        }
                        ast::InterfaceElem::Embed(te) => {
                            // A type that is not an interface is a constraint's type term:
                            // generics.rs reads those from the syntax.
                            let it = self.resolve_type(te)?;
                            ms.extend(self.types.iface_methods(it).to_vec());
                        }
                        ast::InterfaceElem::Union(_) => {}
                    }
                }
                ms.sort_by(|a, b| a.0.cmp(&b.0));
                ms.dedup_by(|a, b| a.0 == b.0);
                self.types.intern(Kind::Interface(ms))
            }
        })
    }

    /// Emits the zero value of `t`.
    pub(crate) fn zero_of(&mut self, t: TypeId) {
        match self.types.ukind(t) {
            Kind::Int(_) => {
                self.emit(Op::PushInt(0));
            }
            Kind::Bool => {
                self.emit(Op::PushBool(false));
            }
            Kind::Struct(_)
            | Kind::Array(..)
            | Kind::String
            | Kind::Float32
            | Kind::Float64
            | Kind::Complex128
            | Kind::Complex64 => {
                self.emit(Op::Zero(t));
            }
            _ => {
                self.emit(Op::PushNil);
            }
        }
    }
}

/// Package variables in Go's initialization order: declaration order, except that a variable
/// comes after the variables its initializer names (directly: references through function bodies
/// are not followed). A cycle keeps declaration order, and the compiler reports what it finds.
pub(super) fn init_order<'s>(specs: &[&'s ast::VarSpec]) -> Vec<&'s ast::VarSpec> {
    let declares = |s: &ast::VarSpec, name: &str| s.names.iter().any(|n| n.name == name);
    let deps: Vec<Vec<usize>> = specs
        .iter()
        .map(|s| {
            let mut names = Vec::new();
            for v in &s.values {
                expr_names(v, &mut names);
            }
            (0..specs.len())
                .filter(|&j| names.iter().any(|n| declares(specs[j], n)))
                .collect()
        })
        .collect();
    let mut done = vec![false; specs.len()];
    let mut order = Vec::with_capacity(specs.len());
    while order.len() < specs.len() {
        // The first variable in declaration order whose dependencies are all initialized.
        let next = (0..specs.len())
            .find(|&i| !done[i] && deps[i].iter().all(|&j| done[j] || j == i))
            .or_else(|| (0..specs.len()).find(|&i| !done[i]));
        let Some(i) = next else { break };
        done[i] = true;
        order.push(specs[i]);
    }
    order
}

/// Every name an expression mentions, outside function literals.
fn expr_names(e: &Expr, out: &mut Vec<String>) {
    match &e.kind {
        ExprKind::Ident(n) => out.push(n.clone()),
        ExprKind::CompositeLit { elems, .. } => {
            for el in elems {
                if let Some(k) = &el.key {
                    expr_names(k, out);
                }
                expr_names(&el.value, out);
            }
        }
        ExprKind::Paren(x)
        | ExprKind::Selector { x, .. }
        | ExprKind::TypeAssert { x, .. }
        | ExprKind::Star(x)
        | ExprKind::Unary { x, .. } => expr_names(x, out),
        ExprKind::Index { x, index } => {
            expr_names(x, out);
            expr_names(index, out);
        }
        ExprKind::Slice { x, lo, hi, max } => {
            expr_names(x, out);
            for b in [lo, hi, max].into_iter().flatten() {
                expr_names(b, out);
            }
        }
        ExprKind::Call { func, args, .. } => {
            expr_names(func, out);
            for a in args {
                expr_names(a, out);
            }
        }
        ExprKind::Binary { x, y, .. } => {
            expr_names(x, out);
            expr_names(y, out);
        }
        _ => {}
    }
}

/// The name an embedded field gets: its type's name without package or `*`.
pub(super) fn embedded_name(t: &TypeExpr) -> String {
    match &t.kind {
        TypeKind::Named { name, .. } | TypeKind::Instance { name, .. } => name.name.clone(),
        TypeKind::Pointer(e) => embedded_name(e),
        _ => "?".into(),
    }
}
