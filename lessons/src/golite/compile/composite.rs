//! Composite literals: structs, arrays, slices and maps, keyed or positional.

use super::{Compiler, R, err};
use crate::golite::code::Op;
use crate::golite::syntax::ast::{Element, Expr, ExprKind, Pos, TypeExpr};
use crate::golite::types::{Kind, TypeId, ids};

/// Elements (gaps included) a slice or array literal may have: each one is compiled to code.
const MAX_LITERAL_ELEMS: usize = 1 << 16;

impl<'a> Compiler<'a> {
    /// Composite literals `T{...}`.
    pub(crate) fn composite(
        &mut self,
        typ: Option<&TypeExpr>,
        elems: &[Element],
        want: Option<TypeId>,
        e: &Expr,
    ) -> R<TypeId> {
        let t = match typ {
            Some(t) => self.lit_type(t, e)?,
            None => match want {
                Some(w) => w,
                None => return err(e.pos, "invalid composite literal type: missing type"),
            },
        };
        // `[]*T{{...}}`: an elided `&T{...}`.
        if typ.is_none()
            && let Some(el) = self.types.pointer_elem(t)
        {
            let inner = self.composite(None, elems, Some(el), e)?;
            self.emit(Op::Escape(inner));
            return Ok(t);
        }
        match self.types.ukind(t).clone() {
            Kind::Struct(fields) => {
                let keyed = elems.first().is_some_and(|el| el.key.is_some());
                if keyed {
                    let mut given: Vec<Option<&Expr>> = vec![None; fields.len()];
                    for el in elems {
                        let Some(ExprKind::Ident(k)) = el.key.as_ref().map(|k| &k.kind) else {
                            return err(
                                el.value.pos,
                                "mixture of field:value and value elements in struct literal",
                            );
                        };
                        let Some(i) = fields.iter().position(|f| &f.name == k) else {
                            return err(
                                el.value.pos,
                                format!(
                                    "unknown field {k} in struct literal of type {}",
                                    self.types.name(t)
                                ),
                            );
                        };
                        given[i] = Some(&el.value);
                    }
                    for (f, g) in fields.iter().zip(given) {
                        match g {
                            Some(v) => self.value_to(v, f.ty)?,
                            None => self.zero_of(f.ty),
                        }
                    }
                } else {
                    if !elems.is_empty() && elems.len() != fields.len() {
                        return err(
                            e.pos,
                            format!(
                                "too few values in struct literal of type {}",
                                self.types.name(t)
                            ),
                        );
                    }
                    if elems.is_empty() {
                        for f in &fields {
                            self.zero_of(f.ty);
                        }
                    }
                    for (f, el) in fields.iter().zip(elems) {
                        self.value_to(&el.value, f.ty)?;
                    }
                }
                self.emit(Op::MakeStruct(fields.len() as u32));
            }
            Kind::Slice(el) => {
                let n = self.indexed_elems(elems, el, None)?;
                self.emit(Op::MakeSlice(n as u32, el));
            }
            Kind::Array(_, _) if elems.is_empty() => self.zero_of(t),
            Kind::Array(len, el) => {
                let n = self.indexed_elems(elems, el, Some(len as usize))?;
                self.emit(Op::MakeArray(n as u32));
            }
            Kind::Map(k, v) => {
                for el in elems {
                    let Some(key) = &el.key else {
                        return err(el.value.pos, "missing key in map literal");
                    };
                    self.value_to(key, k)?;
                    self.value_to(&el.value, v)?;
                }
                let kt = self.typed_map_key(k);
                self.emit(Op::MakeMap(elems.len() as u32, kt, t));
            }
            _ => {
                return err(
                    e.pos,
                    format!("invalid composite literal type {}", self.types.name(t)),
                );
            }
        }
        Ok(t)
    }

    /// Elements of a slice or array literal (keys must be constant indexes); returns the count.
    /// Every element is code, so a literal has at most [`MAX_LITERAL_ELEMS`] of them.
    pub(super) fn indexed_elems(
        &mut self,
        elems: &[Element],
        el: TypeId,
        len: Option<usize>,
    ) -> R<usize> {
        let mut slots: Vec<Option<&Expr>> = Vec::new();
        let mut next = 0usize;
        for e in elems {
            if let Some(k) = &e.key {
                let Some((v, _)) = self.constant(k)? else {
                    return err(k.pos, "index must be non-negative integer constant");
                };
                next = v.as_i128().unwrap_or(0).clamp(0, MAX_LITERAL_ELEMS as i128) as usize;
            }
            if next >= MAX_LITERAL_ELEMS {
                return err(
                    e.value.pos,
                    format!(
                        "composite literal too large for golite: more than {MAX_LITERAL_ELEMS} elements"
                    ),
                );
            }
            if slots.len() <= next {
                slots.resize(next + 1, None);
            }
            slots[next] = Some(&e.value);
            next += 1;
        }
        let n = len.unwrap_or(slots.len());
        if n > MAX_LITERAL_ELEMS {
            return err(
                elems.last().map_or(Pos::default(), |e| e.value.pos),
                format!(
                    "composite literal too large for golite: more than {MAX_LITERAL_ELEMS} elements"
                ),
            );
        }
        if slots.len() > n {
            return err(
                elems.last().map_or(Pos::default(), |e| e.value.pos),
                format!("index {} out of bounds [0:{n}]", slots.len() - 1),
            );
        }
        for i in 0..n {
            match slots.get(i).copied().flatten() {
                Some(v) => self.value_to(v, el)?,
                None => self.zero_of(el),
            }
        }
        Ok(n)
    }
}

impl<'a> Compiler<'a> {
    /// The key type a map of keys `k` must be told (`Op::MakeMap`, `Op::MakeMapEmpty`): `k`
    /// when a key may hold a pointer (directly, in a field or element, or in an interface),
    /// whose identity the value alone does not show; `ids::VOID` otherwise.
    pub(crate) fn typed_map_key(&self, k: TypeId) -> TypeId {
        fn holds_pointer(types: &crate::golite::types::Types, t: TypeId, depth: u32) -> bool {
            if depth > 64 {
                return true;
            }
            match types.ukind(t) {
                Kind::Pointer(_) | Kind::Interface(_) => true,
                Kind::Struct(fields) => {
                    fields.iter().any(|f| holds_pointer(types, f.ty, depth + 1))
                }
                Kind::Array(_, el) => holds_pointer(types, *el, depth + 1),
                _ => false,
            }
        }
        if holds_pointer(&self.types, k, 0) {
            k
        } else {
            ids::VOID
        }
    }
}
