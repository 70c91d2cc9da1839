//! Go's builtin functions: len, cap, append, make, new, delete, copy, panic, recover, print,
//! min, max, clear, close.

use super::expr::Mode;
use super::{Builtin, Compiler, ConstVal, R, describe, err};
use crate::golite::code::{Native, Op};
use crate::golite::syntax::ast::Expr;
use crate::golite::types::{ChanDir, Kind, TypeId, ids};

impl<'a> Compiler<'a> {
    pub(super) fn builtin(
        &mut self,
        b: Builtin,
        args: &[Expr],
        ellipsis: bool,
        mode: Mode,
        want: Option<TypeId>,
        e: &Expr,
    ) -> R<Vec<TypeId>> {
        let need = |n: usize, name: &str| -> R<()> {
            if args.len() < n {
                return err(e.pos, format!("not enough arguments for {name}"));
            }
            Ok(())
        };
        if mode != Mode::Call && !super::go_wrapper::runs_as_native(b) {
            return self.go_defer_builtin(b, args, mode, e);
        }
        match b {
            Builtin::Complex | Builtin::Real | Builtin::Imag => {
                self.complex_builtin_call(b, args, e.pos, &super::expr_src(e))
            }
            Builtin::Len | Builtin::Cap => {
                need(1, "len")?;
                if let Some((ConstVal::Str(s), _)) = self.constant(&args[0])? {
                    self.emit(Op::PushInt(s.len() as i64));
                    return Ok(vec![ids::INT]);
                }
                let t = self.expr(&args[0], None)?;
                let okk = matches!(
                    self.types.ukind(t),
                    Kind::String
                        | Kind::Slice(_)
                        | Kind::Array(..)
                        | Kind::Map(..)
                        | Kind::Chan(..)
                        | Kind::Pointer(_)
                );
                if !okk
                    || (b == Builtin::Cap
                        && matches!(self.types.ukind(t), Kind::String | Kind::Map(..)))
                {
                    return err(
                        args[0].pos,
                        format!(
                            "invalid argument: {} (variable of type {}) for built-in {}",
                            describe(&args[0]),
                            self.types.name(t),
                            if b == Builtin::Len { "len" } else { "cap" }
                        ),
                    );
                }
                if let Some(n) = self.array_len(t) {
                    // An array's length is in its type, even behind a nil *[N]T.
                    self.emit(Op::Pop);
                    self.emit(Op::PushInt(n as i64));
                    return Ok(vec![ids::INT]);
                }
                self.emit(if b == Builtin::Len { Op::Len } else { Op::Cap });
                Ok(vec![ids::INT])
            }
            Builtin::Append => {
                need(1, "append")?;
                let st = self.type_of(&args[0])?;
                let st = if st == ids::UNTYPED_NIL {
                    want.unwrap_or(st)
                } else {
                    st
                };
                let Kind::Slice(el) = self.types.ukind(st).clone() else {
                    return err(
                        args[0].pos,
                        format!(
                            "invalid argument: {} (variable of type {}) is not a slice",
                            describe(&args[0]),
                            self.types.name(st)
                        ),
                    );
                };
                self.expr(&args[0], Some(st))?;
                if ellipsis {
                    if args.len() != 2 {
                        return err(e.pos, "can only use ... with final argument");
                    }
                    let at = self.type_of(&args[1])?;
                    if self.types.is_string(at) {
                        self.expr(&args[1], Some(ids::STRING))?;
                    } else {
                        self.value_to(&args[1], st)?;
                    }
                    self.emit(Op::AppendSpread(el));
                } else {
                    for a in &args[1..] {
                        self.value_to(a, el)?;
                    }
                    self.emit(Op::Append((args.len() - 1) as u16, el));
                }
                Ok(vec![st])
            }
            Builtin::Make => {
                need(1, "make")?;
                let Some(t) = self.type_expr_of(&args[0])? else {
                    return err(args[0].pos, format!("{} is not a type", describe(&args[0])));
                };
                match self.types.ukind(t).clone() {
                    Kind::Chan(..) => {
                        match args.get(1) {
                            Some(n) => self.index_value(n)?,
                            None => {
                                self.emit(Op::PushInt(0));
                            }
                        }
                        self.emit(Op::MakeChan(t));
                    }
                    Kind::Slice(el) => {
                        let Some(n) = args.get(1) else {
                            return err(
                                e.pos,
                                format!(
                                    "invalid operation: make({}) expects 2 or 3 arguments; found 1",
                                    self.types.name(t)
                                ),
                            );
                        };
                        self.index_value(n)?;
                        if let Some(c) = args.get(2) {
                            self.index_value(c)?;
                        }
                        self.emit(Op::MakeSliceLen(el, args.len() == 3));
                    }
                    Kind::Map(k, _) => {
                        if let Some(n) = args.get(1) {
                            self.index_value(n)?;
                            self.emit(Op::Pop);
                        }
                        let kt = self.typed_map_key(k);
                        self.emit(Op::MakeMapEmpty(kt, t));
                    }
                    _ => {
                        return err(
                            args[0].pos,
                            format!("invalid argument: cannot make {}", self.types.name(t)),
                        );
                    }
                }
                Ok(vec![t])
            }
            Builtin::New => {
                need(1, "new")?;
                let Some(t) = self.type_expr_of(&args[0])? else {
                    return err(args[0].pos, format!("{} is not a type", describe(&args[0])));
                };
                self.emit(Op::New(t));
                Ok(vec![self.types.pointer(t)])
            }
            Builtin::Delete => {
                need(2, "delete")?;
                let mt = self.expr(&args[0], None)?;
                let Kind::Map(k, _) = self.types.ukind(mt).clone() else {
                    return err(args[0].pos, "invalid argument: delete of non-map");
                };
                self.value_to(&args[1], k)?;
                self.emit(Op::Delete);
                Ok(vec![])
            }
            Builtin::Copy => {
                need(2, "copy")?;
                self.expr(&args[0], None)?;
                self.expr(&args[1], None)?;
                self.emit(Op::Copy);
                Ok(vec![ids::INT])
            }
            Builtin::Panic => {
                need(1, "panic")?;
                self.value_to(&args[0], ids::ANY)?;
                match mode {
                    Mode::Call => {
                        self.emit(Op::Dup);
                        self.emit(Op::Stringify);
                        self.emit(Op::Panic);
                    }
                    _ => self.native_call(Native::PANIC_VALUE, 1, mode),
                }
                Ok(vec![])
            }
            Builtin::Recover => {
                self.emit(Op::Recover);
                Ok(vec![ids::ANY])
            }
            Builtin::Print | Builtin::Println => {
                for a in args {
                    self.value_to(a, ids::ANY)?;
                }
                self.emit(Op::MakeSlice(args.len() as u32, ids::ANY));
                let n = if b == Builtin::Print {
                    Native::BUILTIN_PRINT
                } else {
                    Native::BUILTIN_PRINTLN
                };
                self.native_call(n, 1, mode);
                Ok(vec![])
            }
            Builtin::Close => {
                need(1, "close")?;
                let t = self.expr(&args[0], None)?;
                match self.types.ukind(t) {
                    Kind::Chan(ChanDir::Recv, _) => {
                        return err(
                            args[0].pos,
                            format!(
                                "invalid operation: cannot close receive-only channel {}",
                                describe(&args[0])
                            ),
                        );
                    }
                    Kind::Chan(..) => {}
                    _ => {
                        return err(
                            args[0].pos,
                            format!(
                                "invalid operation: non-chan argument {} to close",
                                describe(&args[0])
                            ),
                        );
                    }
                }
                match mode {
                    Mode::Call => {
                        self.emit(Op::Close);
                    }
                    _ => self.native_call(Native::CLOSE, 1, mode),
                }
                Ok(vec![])
            }
            Builtin::Min | Builtin::Max => {
                need(1, if b == Builtin::Min { "min" } else { "max" })?;
                let mut t = ids::UNTYPED_INT;
                for a in args {
                    let at = self.type_of(a)?;
                    if self.types.is_complex(at) {
                        let what = match self.constant(a)? {
                            Some((v, _)) if self.types.is_untyped(at) => format!(
                                "{} (untyped complex constant {})",
                                super::expr_src(a),
                                v.go_text()
                            ),
                            _ => self.operand(a, at),
                        };
                        return err(a.pos, format!("invalid argument: {what} cannot be ordered"));
                    }
                    if !self.types.is_untyped(at)
                        || (self.types.is_untyped(t)
                            && matches!(at, ids::UNTYPED_FLOAT | ids::UNTYPED_STRING))
                    {
                        t = at;
                    }
                }
                let t = self.types.default_type(t);
                for a in args {
                    self.value_to(a, t)?;
                }
                let float = self.types.is_float(t);
                let n = args.len() as u16;
                self.emit(if b == Builtin::Min {
                    Op::Min(n, float)
                } else {
                    Op::Max(n, float)
                });
                Ok(vec![t])
            }
            Builtin::Clear => {
                need(1, "clear")?;
                let t = self.expr(&args[0], None)?;
                match self.types.ukind(t).clone() {
                    Kind::Map(..) => self.emit(Op::CallNative(Native::CLEAR, 1)),
                    // A slice's elements become their type's zero value, which only the
                    // compiler knows (a struct's is a struct of zeros, not nil).
                    Kind::Slice(elem) => {
                        self.zero_of(elem);
                        self.emit(Op::CallNative(Native::CLEAR, 2))
                    }
                    _ => {
                        return err(
                            args[0].pos,
                            format!(
                                "invalid argument: cannot clear {} (variable of type {}): argument must be (or constrained by) map or slice",
                                describe(&args[0]),
                                self.types.name(t),
                            ),
                        );
                    }
                };
                Ok(vec![])
            }
        }
    }
}
