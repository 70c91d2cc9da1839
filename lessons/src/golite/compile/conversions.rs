//! Conversions `T(x)`: between numeric kinds, strings, byte and rune slices, and to interfaces.

use super::{Compiler, ConstVal, R, describe, err};
use crate::golite::code::Native;
use crate::golite::code::Op;
use crate::golite::syntax::ast::Expr;
use crate::golite::types::{IntKind, Kind, TypeId, ids};
use std::rc::Rc;

impl<'a> Compiler<'a> {
    /// `T(x)`.
    pub(crate) fn conversion(&mut self, t: TypeId, x: &Expr) -> R<()> {
        let ft = self.type_of(x)?;
        // `[N]T(s)` copies the slice's first N elements, `(*[N]T)(s)` points into its backing
        // array (a panic when it is shorter; Go checks that the element types are identical).
        if let Kind::Slice(el) = self.types.ukind(ft).clone() {
            let n = match self.types.ukind(t).clone() {
                Kind::Array(n, ael) if ael == el => Some((n, Native::SLICE_TO_ARRAY)),
                Kind::Pointer(p) => match self.types.ukind(p).clone() {
                    Kind::Array(n, ael) if ael == el => Some((n, Native::SLICE_TO_ARRAY_PTR)),
                    _ => None,
                },
                _ => None,
            };
            if let Some((n, native)) = n {
                self.value(x, None)?;
                self.emit(Op::PushInt(n as i64));
                self.emit(Op::CallNative(native, 2));
                return Ok(());
            }
        }
        let basic_target = matches!(
            self.types.ukind(t),
            Kind::Int(_)
                | Kind::Float64
                | Kind::Float32
                | Kind::Complex128
                | Kind::Complex64
                | Kind::String
                | Kind::Bool
                | Kind::Interface(_)
        );
        if self.types.is_untyped(ft)
            && ft != ids::UNTYPED_NIL
            && basic_target
            && let Some((v, _)) = self.constant(x)?
        {
            if self.types.is_interface(t) {
                let d = self.types.default_type(ft);
                self.emit_const(&v, d);
                self.emit(Op::ToIface(d));
                return Ok(());
            }
            if self.types.is_string(t) && self.types.is_integer(ft) {
                let c = v
                    .as_i128()
                    .and_then(|i| u32::try_from(i).ok())
                    .and_then(char::from_u32)
                    .unwrap_or('\u{FFFD}');
                self.emit_const(&ConstVal::Str(Rc::from(c.to_string())), t);
                return Ok(());
            }
            let v2 = self.convert_const(v, ft, t, x.pos)?;
            self.emit_const(&v2, t);
            return Ok(());
        }
        let from = self.value(x, None)?;
        let (fk, tk) = (self.types.ukind(from).clone(), self.types.ukind(t).clone());
        match (&fk, &tk) {
            (_, Kind::Interface(_)) => self.coerce(from, t),
            (Kind::Int(a), Kind::Int(b)) => {
                if a != b {
                    self.emit(Op::Wrap(*b));
                }
            }
            (Kind::Int(a), Kind::Float64 | Kind::Float32) => {
                self.emit(if a.unsigned() && a.bits() == 64 {
                    Op::UintToFloat
                } else {
                    Op::IntToFloat
                });
                if matches!(tk, Kind::Float32) {
                    self.emit(Op::F32);
                }
            }
            (Kind::Float64 | Kind::Float32, Kind::Int(b)) => {
                self.emit(Op::FloatToInt(*b));
            }
            (Kind::Float64, Kind::Float32) => {
                self.emit(Op::F32);
            }
            (Kind::Float32 | Kind::Float64, Kind::Float64 | Kind::Float32) => {}
            (Kind::Complex128, Kind::Complex64) => {
                self.emit(Op::C64);
            }
            (Kind::Complex64 | Kind::Complex128, Kind::Complex128 | Kind::Complex64) => {}
            (Kind::Int(_), Kind::String) => {
                self.emit(Op::RuneToString);
            }
            (Kind::String, Kind::Slice(el)) => {
                if self.types.int_kind(*el) == Some(IntKind::Uint8) {
                    self.emit(Op::StringToBytes);
                } else if self.types.int_kind(*el) == Some(IntKind::Int32) {
                    self.emit(Op::StringToRunes);
                } else {
                    return err(
                        x.pos,
                        format!(
                            "cannot convert {} to type {}",
                            describe(x),
                            self.types.name(t)
                        ),
                    );
                }
            }
            (Kind::Slice(el), Kind::String) => {
                if self.types.int_kind(*el) == Some(IntKind::Uint8) {
                    self.emit(Op::BytesToString);
                } else if self.types.int_kind(*el) == Some(IntKind::Int32) {
                    self.emit(Op::RunesToString);
                } else {
                    return err(
                        x.pos,
                        format!(
                            "cannot convert {} to type {}",
                            describe(x),
                            self.types.name(t)
                        ),
                    );
                }
            }
            (Kind::String, Kind::String) | (Kind::Bool, Kind::Bool) => {}
            (Kind::UntypedNil, _) => {}
            _ => {
                let same = self.types.underlying(from) == self.types.underlying(t)
                    || matches!((&fk, &tk), (Kind::Pointer(a), Kind::Pointer(b)) if self.types.underlying(*a) == self.types.underlying(*b))
                    || matches!((&fk, &tk), (Kind::Chan(..), Kind::Chan(..)));
                if !same {
                    return err(
                        x.pos,
                        format!(
                            "cannot convert {} (variable of type {}) to type {}",
                            describe(x),
                            self.types.name(from),
                            self.types.name(t)
                        ),
                    );
                }
            }
        }
        Ok(())
    }
}
