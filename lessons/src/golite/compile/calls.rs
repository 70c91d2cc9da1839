//! Calls: functions, methods, closures, library functions and natives, each plain, `go` or
//! `defer`, with their arguments (variadic, multi-value).

use super::expr::reads_only;
use super::expr::{Mode, Sel};
use super::{Compiler, Entity, Member, R, describe, err};
use crate::golite::code::{Native, Op};
use crate::golite::syntax::ast::{Expr, ExprKind};
use crate::golite::types::{Kind, Sig, TypeId, ids};

impl<'a> Compiler<'a> {
    /// Compiles a call (or conversion, or builtin) in `mode`; returns the result types pushed.
    pub(crate) fn call(&mut self, e: &Expr, mode: Mode, want: Option<TypeId>) -> R<Vec<TypeId>> {
        let ExprKind::Call {
            func,
            args,
            ellipsis,
        } = &e.kind
        else {
            return err(
                e.pos,
                format!(
                    "expression in {} must be function call",
                    if mode == Mode::Go { "go" } else { "defer" }
                ),
            );
        };
        let ellipsis = *ellipsis;
        let line = self.line;
        self.line = e.pos.line;
        let r = self.call_inner(e, func, args, ellipsis, mode, want);
        self.line = line;
        r
    }

    pub(super) fn call_inner(
        &mut self,
        e: &Expr,
        func: &Expr,
        args: &[Expr],
        ellipsis: bool,
        mode: Mode,
        want: Option<TypeId>,
    ) -> R<Vec<TypeId>> {
        if let Some(t) = self.type_expr_of(func)? {
            if mode != Mode::Call {
                return err(e.pos, "expression in go/defer must be function call");
            }
            if args.len() != 1 {
                return err(
                    e.pos,
                    format!(
                        "wrong argument count in conversion to {}",
                        self.types.name(t)
                    ),
                );
            }
            self.conversion(t, &args[0])?;
            return Ok(vec![t]);
        }
        if let Some(src) = self.instantiated_src(func)? {
            // `errors.AsType[T](err)`: the library function written in Go for this T.
            let (sig, _) = self.parse_func_lit(&src, e.pos)?;
            let ft = self.func_type(&sig)?;
            let s = self.sig_of(ft);
            let n = self.push_args(&s, args, ellipsis, e, describe(func))?;
            self.compile_wrapper(&src, e.pos)?;
            self.emit(match mode {
                Mode::Call => Op::CallValue(n),
                Mode::Go => Op::GoValue(n),
                Mode::Defer => Op::DeferValue(n),
            });
            return Ok(self.results(&s, mode));
        }
        if let Some((fid, sig)) = self.generic_call_target(func, args, ellipsis)? {
            let s = self.sig_of(sig);
            let n = self.push_args(&s, args, ellipsis, e, describe(func))?;
            self.emit(match mode {
                Mode::Call => Op::Call(fid, n),
                Mode::Go => Op::Go(fid, n),
                Mode::Defer => Op::Defer(fid, n),
            });
            return Ok(self.results(&s, mode));
        }
        let mut f = func.unparen();
        let library_name = match &f.kind {
            ExprKind::Selector { x, sel } => self.library_go_name(x, sel),
            _ => None,
        };
        if let Some(name) = &library_name {
            f = name;
        }
        if let ExprKind::Ident(n) = &f.kind {
            match self.peek(n) {
                Some(Entity::Builtin(b)) => return self.builtin(b, args, ellipsis, mode, want, e),
                Some(Entity::Func(fid, sig)) => {
                    let s = self.sig_of(sig);
                    let n = self.push_args(&s, args, ellipsis, e, describe(func))?;
                    self.emit(match mode {
                        Mode::Call => Op::Call(fid, n),
                        Mode::Go => Op::Go(fid, n),
                        Mode::Defer => Op::Defer(fid, n),
                    });
                    return Ok(self.results(&s, mode));
                }
                _ => {}
            }
        }
        if let ExprKind::Selector { x, sel } = &f.kind {
            if let ExprKind::Ident(p) = &x.kind
                && let Some(Entity::Package(path)) = self.peek(p)
            {
                return match self.member(&path, &sel.name) {
                    Some(Member::Func(native, sig)) => {
                        let s = self.sig_of(sig);
                        let n =
                            self.push_args(&s, args, ellipsis, e, format!("{p}.{}", sel.name))?;
                        self.native_call(native, n, mode);
                        Ok(self.results(&s, mode))
                    }
                    Some(Member::Generic(g)) => (self.lib.generic_call)(self, g, args, mode, e),
                    Some(_) => err(sel.pos, format!("{p}.{} is not a function", sel.name)),
                    None => err(sel.pos, (self.lib.missing_member)(p, &path, &sel.name)),
                };
            }
            let xt = self.type_of(x)?;
            match self.find_member(xt, &sel.name) {
                Some(Sel::GoMethod {
                    path,
                    fid,
                    ptr,
                    sig,
                }) => {
                    self.sel_base(x, &path, ptr)?;
                    let s = self.sig_of(sig);
                    let n = self.push_args(&s, args, ellipsis, e, describe(func))? + 1;
                    self.emit(match mode {
                        Mode::Call => Op::Call(fid, n),
                        Mode::Go => Op::Go(fid, n),
                        Mode::Defer => Op::Defer(fid, n),
                    });
                    return Ok(self.results(&s, mode));
                }
                Some(Sel::NativeMethod {
                    path,
                    native,
                    ptr,
                    sig,
                }) => {
                    if native == Native::ONCE_DO {
                        return self.once_do(x, &path, args, mode, e);
                    }
                    self.sel_base(x, &path, ptr)?;
                    let s = self.sig_of(sig);
                    let n = self.push_args(&s, args, ellipsis, e, describe(func))? + 1;
                    self.native_call(native, n, mode);
                    return Ok(self.results(&s, mode));
                }
                Some(Sel::IfaceMethod { path, sym, sig }) => {
                    self.sel_base(x, &path, false)?;
                    let s = self.sig_of(sig);
                    let n = self.push_args(&s, args, ellipsis, e, describe(func))?;
                    self.emit(match mode {
                        Mode::Call => Op::CallIface(sym, n),
                        Mode::Go => Op::GoIface(sym, n),
                        Mode::Defer => Op::DeferIface(sym, n),
                    });
                    return Ok(self.results(&s, mode));
                }
                Some(Sel::Field { .. }) => {}
                None => {
                    return err(
                        sel.pos,
                        (self.lib.missing_method)(&describe(x), &self.types.name(xt), &sel.name),
                    );
                }
            }
        }
        // A function value.
        let ft = self.type_of(func)?;
        let Some(s) = self.types.sig(ft).cloned() else {
            return err(
                e.pos,
                format!(
                    "invalid operation: cannot call non-function {} (variable of type {})",
                    describe(func),
                    self.types.name(ft)
                ),
            );
        };
        // The spec evaluates calls left to right: in `a()(b())`, a() runs before b(). A callee
        // that only reads names is evaluated after the arguments (no temporary needed).
        let n = if reads_only(func) {
            let n = self.push_args(&s, args, ellipsis, e, describe(func))?;
            self.expr(func, None)?;
            n
        } else {
            let callee = self.temp(ft);
            self.expr(func, None)?;
            self.init_var(callee);
            let n = self.push_args(&s, args, ellipsis, e, describe(func))?;
            self.load_var(callee);
            n
        };
        self.emit(match mode {
            Mode::Call => Op::CallValue(n),
            Mode::Go => Op::GoValue(n),
            Mode::Defer => Op::DeferValue(n),
        });
        Ok(self.results(&s, mode))
    }

    /// `once.Do(f)`: begin, call f if this goroutine runs it, end.
    pub(super) fn once_do(
        &mut self,
        x: &Expr,
        path: &[u32],
        args: &[Expr],
        mode: Mode,
        e: &Expr,
    ) -> R<Vec<TypeId>> {
        if mode != Mode::Call || args.len() != 1 {
            return err(
                e.pos,
                "sync.Once.Do is supported as a plain call with one argument",
            );
        }
        let once = self.temp(ids::ANY);
        self.sel_base(x, path, true)?;
        self.init_var(once);
        let fty = self.types.func(vec![], vec![], false);
        let fv = self.temp(fty);
        self.value_to(&args[0], fty)?;
        self.init_var(fv);
        self.load_var(once);
        self.emit(Op::CallNative(Native::ONCE_BEGIN, 1));
        let j = self.emit(Op::JumpIfNot(0));
        self.load_var(fv);
        self.emit(Op::CallValue(0));
        self.load_var(once);
        self.emit(Op::CallNative(Native::ONCE_END, 1));
        let end = self.here();
        self.patch(j, end);
        Ok(vec![])
    }

    pub(crate) fn native_call(&mut self, n: Native, argc: u16, mode: Mode) {
        self.emit(match mode {
            Mode::Call => Op::CallNative(n, argc),
            Mode::Go => Op::GoNative(n, argc),
            Mode::Defer => Op::DeferNative(n, argc),
        });
    }

    pub(crate) fn sig_of(&self, t: TypeId) -> Sig {
        self.types.sig(t).cloned().unwrap_or(Sig {
            params: vec![],
            results: vec![],
            variadic: false,
        })
    }

    pub(super) fn results(&self, s: &Sig, mode: Mode) -> Vec<TypeId> {
        if mode == Mode::Call {
            s.results.clone()
        } else {
            Vec::new()
        }
    }

    /// Go's error for `f(g())` when a result of `g`, of type `from`, cannot be passed as a
    /// parameter of type `to`: `cannot use g() (value of type int) as string value in argument
    /// to f`.
    fn check_multi_arg(&mut self, call: &Expr, from: TypeId, to: TypeId, what: &str) -> R<()> {
        if self.check_assignable(from, to, call).is_ok() {
            return Ok(());
        }
        err(
            call.pos,
            format!(
                "cannot use {} (value of type {}) as {} value in argument to {what}",
                super::expr_src(call),
                self.types.name(from),
                self.types.name(to)
            ),
        )
    }

    /// Pushes call arguments per signature (packing variadics); returns how many values.
    pub(crate) fn push_args(
        &mut self,
        s: &Sig,
        args: &[Expr],
        ellipsis: bool,
        e: &Expr,
        what: String,
    ) -> R<u16> {
        let np = s.params.len();
        // f(g()) with a multi-valued g.
        if args.len() == 1 && !ellipsis {
            let at = self.type_of(&args[0])?;
            if let Kind::Tuple(ts) = self.types.kind(at).clone()
                && ts.len() > 1
            {
                self.multi(&args[0])?;
                let temps: Vec<usize> = ts.iter().map(|t| self.temp(*t)).collect();
                for v in temps.iter().rev() {
                    self.init_var(*v);
                }
                let fixed = if s.variadic { np - 1 } else { np };
                if (!s.variadic && ts.len() != np) || (s.variadic && ts.len() < fixed) {
                    return err(
                        e.pos,
                        format!("wrong number of arguments in call to {what}"),
                    );
                }
                for (i, v) in temps.iter().enumerate().take(fixed) {
                    self.check_multi_arg(&args[0], ts[i], s.params[i], &what)?;
                    self.load_var(*v);
                    self.coerce(ts[i], s.params[i]);
                }
                if s.variadic {
                    let el = match self.types.ukind(s.params[np - 1]) {
                        Kind::Slice(el) => *el,
                        _ => ids::ANY,
                    };
                    for (i, v) in temps.iter().enumerate().skip(fixed) {
                        self.check_multi_arg(&args[0], ts[i], el, &what)?;
                        self.load_var(*v);
                        self.coerce(ts[i], el);
                    }
                    self.emit(Op::MakeSlice((ts.len() - fixed) as u32, el));
                }
                return Ok(np as u16);
            }
        }
        let fixed = if s.variadic { np - 1 } else { np };
        if args.len() < fixed || (!s.variadic && args.len() > np) || (ellipsis && args.len() != np)
        {
            // Go points at the first argument too many (at the call when some are missing).
            let (kind, at) = if args.len() < fixed {
                ("not enough", e.pos)
            } else {
                ("too many", args.get(np).map_or(e.pos, |a| a.pos))
            };
            return err(at, format!("{kind} arguments in call to {what}"));
        }
        if ellipsis && !s.variadic {
            return err(
                e.pos,
                format!("have (...) arguments in call to non-variadic {what}"),
            );
        }
        for (i, a) in args.iter().enumerate().take(fixed) {
            self.value_to(a, s.params[i])?;
        }
        if s.variadic {
            let st = s.params[np - 1];
            if ellipsis {
                self.value_to(&args[np - 1], st)?;
            } else {
                let el = match self.types.ukind(st) {
                    Kind::Slice(el) => *el,
                    _ => ids::ANY,
                };
                let rest = &args[fixed..];
                if rest.is_empty() {
                    self.emit(Op::PushNil);
                } else {
                    let fmt_like = el == ids::ANY;
                    for a in rest {
                        self.value_to(a, el)?;
                        if fmt_like {
                            let _ = fmt_like;
                        }
                    }
                    self.emit(Op::MakeSlice(rest.len() as u32, el));
                }
            }
        }
        Ok(np as u16)
    }

    /// Pushes every result of a multi-valued expression; returns their types.
    pub(crate) fn multi(&mut self, e: &Expr) -> R<Vec<TypeId>> {
        match &e.unparen().kind {
            ExprKind::Call { .. } => self.call(e.unparen(), Mode::Call, None),
            _ => Ok(vec![self.value(e, None)?]),
        }
    }
}
