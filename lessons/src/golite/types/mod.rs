//! Static types of the golite subset: an interned arena that the compiler consults for zero values,
//! untyped constants, integer wrap-around per size, struct layouts, method sets and `%T` names.

use std::collections::HashMap;

pub(crate) mod layout;
pub(crate) mod ratio;

/// Index of a type in [`Types`]; equal ids mean identical types (structural types are interned).
///
/// `pub` (not `pub(crate)`) only because the public [`Value`](crate::golite::Value) carries it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, PartialOrd, Ord, Default)]
pub struct TypeId(pub(crate) u32);

/// Sized integer kinds: the static type decides how results wrap and whether they are unsigned.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum IntKind {
    Int,
    Int8,
    Int16,
    Int32,
    Int64,
    Uint,
    Uint8,
    Uint16,
    Uint32,
    Uint64,
    Uintptr,
}

impl IntKind {
    /// True for the unsigned kinds (comparison, division and shifts differ).
    pub(crate) fn unsigned(self) -> bool {
        matches!(
            self,
            IntKind::Uint
                | IntKind::Uint8
                | IntKind::Uint16
                | IntKind::Uint32
                | IntKind::Uint64
                | IntKind::Uintptr
        )
    }

    /// Bit width on a 64-bit platform.
    pub(crate) fn bits(self) -> u32 {
        match self {
            IntKind::Int8 | IntKind::Uint8 => 8,
            IntKind::Int16 | IntKind::Uint16 => 16,
            IntKind::Int32 | IntKind::Uint32 => 32,
            _ => 64,
        }
    }

    /// Reduces an i64 bit pattern to this kind's range, as Go's arithmetic wraps.
    #[inline]
    pub(crate) fn wrap(self, v: i64) -> i64 {
        match self {
            IntKind::Int8 => v as i8 as i64,
            IntKind::Int16 => v as i16 as i64,
            IntKind::Int32 => v as i32 as i64,
            IntKind::Uint8 => v as u8 as i64,
            IntKind::Uint16 => v as u16 as i64,
            IntKind::Uint32 => v as u32 as i64,
            _ => v,
        }
    }

    /// Whether the mathematical value `v` is representable (for constant overflow errors).
    pub(crate) fn fits(self, v: i128) -> bool {
        let (lo, hi): (i128, i128) = match self {
            IntKind::Int8 => (i8::MIN.into(), i8::MAX.into()),
            IntKind::Int16 => (i16::MIN.into(), i16::MAX.into()),
            IntKind::Int32 => (i32::MIN.into(), i32::MAX.into()),
            IntKind::Int | IntKind::Int64 => (i64::MIN.into(), i64::MAX.into()),
            IntKind::Uint8 => (0, u8::MAX.into()),
            IntKind::Uint16 => (0, u16::MAX.into()),
            IntKind::Uint32 => (0, u32::MAX.into()),
            IntKind::Uint | IntKind::Uint64 | IntKind::Uintptr => (0, u64::MAX.into()),
        };
        v >= lo && v <= hi
    }

    /// Go's spelling of the kind.
    pub(crate) fn name(self) -> &'static str {
        match self {
            IntKind::Int => "int",
            IntKind::Int8 => "int8",
            IntKind::Int16 => "int16",
            IntKind::Int32 => "int32",
            IntKind::Int64 => "int64",
            IntKind::Uint => "uint",
            IntKind::Uint8 => "uint8",
            IntKind::Uint16 => "uint16",
            IntKind::Uint32 => "uint32",
            IntKind::Uint64 => "uint64",
            IntKind::Uintptr => "uintptr",
        }
    }
}

/// Channel direction of a channel type.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum ChanDir {
    Both,
    Send,
    Recv,
}

/// One struct field.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub(crate) struct Field {
    pub(crate) name: String,
    pub(crate) ty: TypeId,
    pub(crate) embedded: bool,
}

/// A function signature.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub(crate) struct Sig {
    pub(crate) params: Vec<TypeId>,
    pub(crate) results: Vec<TypeId>,
    pub(crate) variadic: bool,
}

/// The shape of a type.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub(crate) enum Kind {
    Bool,
    Int(IntKind),
    Float64,
    Float32,
    /// A complex number: two float64s, or two float32s (`complex64`, each part rounded).
    Complex128,
    Complex64,
    String,
    UntypedInt,
    UntypedRune,
    UntypedFloat,
    UntypedComplex,
    UntypedBool,
    UntypedString,
    UntypedNil,
    Slice(TypeId),
    Array(u64, TypeId),
    Map(TypeId, TypeId),
    Chan(ChanDir, TypeId),
    Pointer(TypeId),
    Func(Sig),
    Struct(Vec<Field>),
    /// Methods sorted by name: (name, signature type id).
    Interface(Vec<(String, TypeId)>),
    /// A defined type; `id` keeps two named types with one name apart.
    Named(u32),
    Tuple(Vec<TypeId>),
}

/// A defined (named) type: its name for `%T` and its underlying type.
#[derive(Clone, Debug)]
pub(crate) struct NamedInfo {
    /// Qualified name as `%T` prints it, e.g. `main.Counter`, `time.Duration`.
    pub(crate) name: String,
    pub(crate) underlying: TypeId,
}

/// The type arena.
pub(crate) struct Types {
    kinds: Vec<Kind>,
    intern: HashMap<Kind, TypeId>,
    pub(crate) named: Vec<NamedInfo>,
}

/// Well-known type ids, fixed at arena creation.
pub(crate) mod ids {
    use super::TypeId;
    pub(crate) const BOOL: TypeId = TypeId(0);
    pub(crate) const INT: TypeId = TypeId(1);
    pub(crate) const INT8: TypeId = TypeId(2);
    pub(crate) const INT16: TypeId = TypeId(3);
    pub(crate) const INT32: TypeId = TypeId(4);
    pub(crate) const INT64: TypeId = TypeId(5);
    pub(crate) const UINT: TypeId = TypeId(6);
    pub(crate) const UINT8: TypeId = TypeId(7);
    pub(crate) const UINT16: TypeId = TypeId(8);
    pub(crate) const UINT32: TypeId = TypeId(9);
    pub(crate) const UINT64: TypeId = TypeId(10);
    pub(crate) const UINTPTR: TypeId = TypeId(11);
    pub(crate) const FLOAT64: TypeId = TypeId(12);
    pub(crate) const FLOAT32: TypeId = TypeId(13);
    pub(crate) const STRING: TypeId = TypeId(14);
    pub(crate) const UNTYPED_INT: TypeId = TypeId(15);
    pub(crate) const UNTYPED_RUNE: TypeId = TypeId(16);
    pub(crate) const UNTYPED_FLOAT: TypeId = TypeId(17);
    pub(crate) const UNTYPED_BOOL: TypeId = TypeId(18);
    pub(crate) const UNTYPED_STRING: TypeId = TypeId(19);
    pub(crate) const UNTYPED_NIL: TypeId = TypeId(20);
    /// `interface{}` / `any`.
    pub(crate) const ANY: TypeId = TypeId(21);
    /// The empty tuple (no results).
    pub(crate) const VOID: TypeId = TypeId(22);
    /// `error` (named, with method `Error() string`).
    pub(crate) const ERROR: TypeId = TypeId(23);
    // 24 and 25 are error's method signature and interface.
    pub(crate) const COMPLEX128: TypeId = TypeId(26);
    pub(crate) const COMPLEX64: TypeId = TypeId(27);
    pub(crate) const UNTYPED_COMPLEX: TypeId = TypeId(28);
}

impl Default for Types {
    fn default() -> Self {
        Self::new()
    }
}

impl Types {
    /// An arena holding the predeclared types at the ids of [`ids`].
    pub(crate) fn new() -> Self {
        let mut t = Types {
            kinds: Vec::new(),
            intern: HashMap::new(),
            named: Vec::new(),
        };
        use IntKind::*;
        let base = [
            Kind::Bool,
            Kind::Int(Int),
            Kind::Int(Int8),
            Kind::Int(Int16),
            Kind::Int(Int32),
            Kind::Int(Int64),
            Kind::Int(Uint),
            Kind::Int(Uint8),
            Kind::Int(Uint16),
            Kind::Int(Uint32),
            Kind::Int(Uint64),
            Kind::Int(Uintptr),
            Kind::Float64,
            Kind::Float32,
            Kind::String,
            Kind::UntypedInt,
            Kind::UntypedRune,
            Kind::UntypedFloat,
            Kind::UntypedBool,
            Kind::UntypedString,
            Kind::UntypedNil,
            Kind::Interface(Vec::new()),
            Kind::Tuple(Vec::new()),
        ];
        for k in base {
            t.intern(k);
        }
        let err = t.new_named("error");
        let sig = t.intern(Kind::Func(Sig {
            params: vec![],
            results: vec![ids::STRING],
            variadic: false,
        }));
        let iface = t.intern(Kind::Interface(vec![("Error".into(), sig)]));
        t.set_underlying(err, iface);
        debug_assert_eq!(err, ids::ERROR);
        // After error, so that the ids above stay as they were before complex numbers.
        let c128 = t.intern(Kind::Complex128);
        let c64 = t.intern(Kind::Complex64);
        let uc = t.intern(Kind::UntypedComplex);
        debug_assert_eq!(
            (c128, c64, uc),
            (ids::COMPLEX128, ids::COMPLEX64, ids::UNTYPED_COMPLEX)
        );
        t
    }

    /// The id of a structural type, creating it once.
    pub(crate) fn intern(&mut self, k: Kind) -> TypeId {
        if let Some(&id) = self.intern.get(&k) {
            return id;
        }
        let id = TypeId(self.kinds.len() as u32);
        self.kinds.push(k.clone());
        self.intern.insert(k, id);
        id
    }

    /// A fresh defined type; its underlying type is set later (types may refer to themselves).
    pub(crate) fn new_named(&mut self, name: &str) -> TypeId {
        let n = self.named.len() as u32;
        self.named.push(NamedInfo {
            name: name.to_string(),
            underlying: ids::VOID,
        });
        let id = TypeId(self.kinds.len() as u32);
        self.kinds.push(Kind::Named(n));
        id
    }

    pub(crate) fn set_underlying(&mut self, named: TypeId, under: TypeId) {
        if let Kind::Named(n) = self.kinds[named.0 as usize] {
            let u = self.underlying(under);
            self.named[n as usize].underlying = u;
        }
    }

    pub(crate) fn kind(&self, t: TypeId) -> &Kind {
        &self.kinds[t.0 as usize]
    }

    /// The named-type record of `t`, if `t` is a defined type.
    pub(crate) fn named_info(&self, t: TypeId) -> Option<&NamedInfo> {
        match self.kind(t) {
            Kind::Named(n) => self.named.get(*n as usize),
            _ => None,
        }
    }

    /// The underlying type (itself for non-named types).
    pub(crate) fn underlying(&self, t: TypeId) -> TypeId {
        match self.kind(t) {
            Kind::Named(n) => self.named[*n as usize].underlying,
            _ => t,
        }
    }

    /// Go's "invalid recursive type": the named types on a cycle from `t` back to itself
    /// through struct fields and array elements only (a pointer, slice, map, channel or function
    /// breaks the cycle), `t` first; `None` when there is none. Iterative, so no type shape can
    /// overflow the stack.
    pub(crate) fn cycle_through_values(&self, t: TypeId) -> Option<Vec<String>> {
        let parts = |x: TypeId| -> Vec<TypeId> {
            match self.ukind(x) {
                Kind::Struct(fs) => fs.iter().map(|f| f.ty).collect(),
                Kind::Array(_, e) => vec![*e],
                _ => Vec::new(),
            }
        };
        // Depth-first, with the path of types from `t`.
        let mut seen = std::collections::HashSet::new();
        let mut stack: Vec<(TypeId, Vec<TypeId>)> = vec![(t, parts(t))];
        while let Some((_, todo)) = stack.last_mut() {
            let Some(next) = todo.pop() else {
                stack.pop();
                continue;
            };
            if next == t {
                let names = stack
                    .iter()
                    .map(|(x, _)| x)
                    .filter(|x| self.named_info(**x).is_some())
                    .map(|x| self.name(*x).trim_start_matches("main.").to_string())
                    .collect();
                return Some(names);
            }
            if seen.insert(next) {
                let p = parts(next);
                stack.push((next, p));
            }
        }
        None
    }

    /// The kind of the underlying type.
    pub(crate) fn ukind(&self, t: TypeId) -> &Kind {
        self.kind(self.underlying(t))
    }

    pub(crate) fn slice(&mut self, elem: TypeId) -> TypeId {
        self.intern(Kind::Slice(elem))
    }
    pub(crate) fn pointer(&mut self, elem: TypeId) -> TypeId {
        self.intern(Kind::Pointer(elem))
    }
    /// `*elem` if the program ever used it (at run time the arena is read-only).
    pub(crate) fn existing_pointer(&self, elem: TypeId) -> Option<TypeId> {
        self.intern.get(&Kind::Pointer(elem)).copied()
    }
    pub(crate) fn chan(&mut self, dir: ChanDir, elem: TypeId) -> TypeId {
        self.intern(Kind::Chan(dir, elem))
    }
    pub(crate) fn map(&mut self, k: TypeId, v: TypeId) -> TypeId {
        self.intern(Kind::Map(k, v))
    }
    pub(crate) fn tuple(&mut self, ts: Vec<TypeId>) -> TypeId {
        if ts.len() == 1 {
            return ts[0];
        }
        self.intern(Kind::Tuple(ts))
    }
    pub(crate) fn func(
        &mut self,
        params: Vec<TypeId>,
        results: Vec<TypeId>,
        variadic: bool,
    ) -> TypeId {
        self.intern(Kind::Func(Sig {
            params,
            results,
            variadic,
        }))
    }

    pub(crate) fn is_untyped(&self, t: TypeId) -> bool {
        matches!(
            self.kind(t),
            Kind::UntypedInt
                | Kind::UntypedRune
                | Kind::UntypedFloat
                | Kind::UntypedComplex
                | Kind::UntypedBool
                | Kind::UntypedString
                | Kind::UntypedNil
        )
    }

    /// The type an untyped constant takes when nothing else decides (`x := 1` is an int).
    pub(crate) fn default_type(&self, t: TypeId) -> TypeId {
        match self.kind(t) {
            Kind::UntypedInt => ids::INT,
            Kind::UntypedRune => ids::INT32,
            Kind::UntypedFloat => ids::FLOAT64,
            Kind::UntypedComplex => ids::COMPLEX128,
            Kind::UntypedBool => ids::BOOL,
            Kind::UntypedString => ids::STRING,
            _ => t,
        }
    }

    pub(crate) fn int_kind(&self, t: TypeId) -> Option<IntKind> {
        match self.ukind(t) {
            Kind::Int(k) => Some(*k),
            _ => None,
        }
    }
    pub(crate) fn is_integer(&self, t: TypeId) -> bool {
        matches!(
            self.ukind(t),
            Kind::Int(_) | Kind::UntypedInt | Kind::UntypedRune
        )
    }
    pub(crate) fn is_float(&self, t: TypeId) -> bool {
        matches!(
            self.ukind(t),
            Kind::Float64 | Kind::Float32 | Kind::UntypedFloat
        )
    }
    pub(crate) fn is_complex(&self, t: TypeId) -> bool {
        matches!(
            self.ukind(t),
            Kind::Complex128 | Kind::Complex64 | Kind::UntypedComplex
        )
    }
    /// Integers, floats and complex numbers: the operands of `+ - * /` and unary `-`.
    pub(crate) fn is_numeric(&self, t: TypeId) -> bool {
        self.is_integer(t) || self.is_float(t) || self.is_complex(t)
    }
    pub(crate) fn is_string(&self, t: TypeId) -> bool {
        matches!(self.ukind(t), Kind::String | Kind::UntypedString)
    }
    pub(crate) fn is_bool(&self, t: TypeId) -> bool {
        matches!(self.ukind(t), Kind::Bool | Kind::UntypedBool)
    }
    pub(crate) fn is_interface(&self, t: TypeId) -> bool {
        matches!(self.ukind(t), Kind::Interface(_))
    }
    /// Struct and array values are copied on assignment.
    pub(crate) fn is_aggregate(&self, t: TypeId) -> bool {
        matches!(self.ukind(t), Kind::Struct(_) | Kind::Array(..))
    }
    pub(crate) fn pointer_elem(&self, t: TypeId) -> Option<TypeId> {
        match self.ukind(t) {
            Kind::Pointer(e) => Some(*e),
            _ => None,
        }
    }
    pub(crate) fn struct_fields(&self, t: TypeId) -> Option<&[Field]> {
        match self.ukind(t) {
            Kind::Struct(fs) => Some(fs),
            _ => None,
        }
    }
    pub(crate) fn sig(&self, t: TypeId) -> Option<&Sig> {
        match self.ukind(t) {
            Kind::Func(s) => Some(s),
            _ => None,
        }
    }
    pub(crate) fn iface_methods(&self, t: TypeId) -> &[(String, TypeId)] {
        match self.ukind(t) {
            Kind::Interface(ms) => ms,
            _ => &[],
        }
    }

    /// Go's spelling of a type, as `%T` prints it.
    pub(crate) fn name(&self, t: TypeId) -> String {
        match self.kind(t) {
            Kind::Bool | Kind::UntypedBool => "bool".into(),
            Kind::Int(k) => k.name().into(),
            Kind::Float64 | Kind::UntypedFloat => "float64".into(),
            Kind::Float32 => "float32".into(),
            Kind::Complex128 | Kind::UntypedComplex => "complex128".into(),
            Kind::Complex64 => "complex64".into(),
            Kind::String | Kind::UntypedString => "string".into(),
            Kind::UntypedInt => "int".into(),
            Kind::UntypedRune => "int32".into(),
            Kind::UntypedNil => "nil".into(),
            Kind::Slice(e) => format!("[]{}", self.name(*e)),
            Kind::Array(n, e) => format!("[{n}]{}", self.name(*e)),
            Kind::Map(k, v) => format!("map[{}]{}", self.name(*k), self.name(*v)),
            Kind::Chan(d, e) => match d {
                ChanDir::Both => format!("chan {}", self.name(*e)),
                ChanDir::Send => format!("chan<- {}", self.name(*e)),
                ChanDir::Recv => format!("<-chan {}", self.name(*e)),
            },
            Kind::Pointer(e) => format!("*{}", self.name(*e)),
            Kind::Func(s) => {
                let ps: Vec<String> = s
                    .params
                    .iter()
                    .enumerate()
                    .map(|(i, p)| {
                        if s.variadic && i + 1 == s.params.len() {
                            match self.kind(*p) {
                                Kind::Slice(e) => format!("...{}", self.name(*e)),
                                _ => self.name(*p),
                            }
                        } else {
                            self.name(*p)
                        }
                    })
                    .collect();
                let rs: Vec<String> = s.results.iter().map(|r| self.name(*r)).collect();
                match rs.len() {
                    0 => format!("func({})", ps.join(", ")),
                    1 => format!("func({}) {}", ps.join(", "), rs[0]),
                    _ => format!("func({}) ({})", ps.join(", "), rs.join(", ")),
                }
            }
            Kind::Struct(fs) => {
                let parts: Vec<String> = fs
                    .iter()
                    .map(|f| {
                        if f.embedded {
                            self.name(f.ty)
                        } else {
                            format!("{} {}", f.name, self.name(f.ty))
                        }
                    })
                    .collect();
                if parts.is_empty() {
                    "struct {}".into()
                } else {
                    format!("struct {{ {} }}", parts.join("; "))
                }
            }
            Kind::Interface(ms) => {
                if ms.is_empty() {
                    "interface {}".into()
                } else {
                    let parts: Vec<String> = ms
                        .iter()
                        .map(|(n, s)| format!("{n}{}", self.name(*s).trim_start_matches("func")))
                        .collect();
                    format!("interface {{ {} }}", parts.join("; "))
                }
            }
            Kind::Named(n) => self.named[*n as usize].name.clone(),
            Kind::Tuple(ts) => {
                let parts: Vec<String> = ts.iter().map(|x| self.name(*x)).collect();
                format!("({})", parts.join(", "))
            }
        }
    }

    /// Modeled size in bytes of one value of `t` on a 64-bit Go (for the heap ledger).
    pub(crate) fn size_of(&self, t: TypeId) -> u64 {
        match self.ukind(t) {
            Kind::Bool => 1,
            Kind::Int(k) => u64::from(k.bits() / 8),
            Kind::Float64 => 8,
            Kind::Float32 => 4,
            Kind::Complex128 => 16,
            Kind::Complex64 => 8,
            Kind::String => 16,
            Kind::Slice(_) => 24,
            Kind::Array(n, e) => n.saturating_mul(self.size_of(*e)),
            Kind::Map(..) | Kind::Chan(..) | Kind::Pointer(_) | Kind::Func(_) => 8,
            Kind::Interface(_) => 16,
            Kind::Struct(fs) => {
                let s: u64 = fs.iter().map(|f| self.size_of(f.ty).max(1)).sum();
                s.div_ceil(8) * 8
            }
            _ => 8,
        }
    }

    /// Whether values of `t` can be compared with `==` (map keys, switch).
    pub(crate) fn comparable(&self, t: TypeId) -> bool {
        match self.ukind(t) {
            Kind::Slice(_) | Kind::Map(..) | Kind::Func(_) => false,
            Kind::Struct(fs) => fs.iter().all(|f| self.comparable(f.ty)),
            Kind::Array(_, e) => self.comparable(*e),
            _ => true,
        }
    }
}
