//! Run-time values of golite. Small on purpose (no type tag per value: the compiler's static types
//! decide how to treat the bits); only interface values carry their dynamic type.

use crate::golite::code::{Const, FuncRef};
use crate::golite::types::{Kind, TypeId, Types};
use crate::runtime::race_frames::MapKey;
use crate::runtime::{AllocId, ChanId};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

pub use super::obj::{Cells, Obj, adjust_live_slots, live_slots};
use super::obj::{drop_deep, owns_last_ref};

/// A channel as values hold it: the runtime's id, shared by every copy of the value. When the
/// last copy of a channel the program made goes away, no goroutine can reach it any more (Go's
/// garbage collector would free it), so the runtime is told ([`heap::defer_release`]).
#[derive(Debug)]
pub struct ChanRef {
    pub id: ChanId,
    /// Made by the program (`make`, `time.After`, a cancellable context's Done channel, which
    /// the context value holds): released when unreachable. A copy handed out without its
    /// owner (an ancestor's Done channel reached through a `WithValue` context) is not.
    owned: bool,
}

impl ChanRef {
    /// A channel the program made and owns.
    pub fn made(id: ChanId) -> Rc<ChanRef> {
        Rc::new(ChanRef { id, owned: true })
    }

    /// A channel owned elsewhere (an ancestor context's Done channel), handed out as a value.
    pub fn runtime_owned(id: ChanId) -> Rc<ChanRef> {
        Rc::new(ChanRef { id, owned: false })
    }
}

impl Drop for ChanRef {
    fn drop(&mut self) {
        if self.owned {
            heap::defer_release(self.id);
        }
    }
}

/// Frees of dropped objects and releases of unreachable channels, queued because `Drop` cannot
/// reach the runtime; the VM hands them to the ledger at its next runtime call.
pub mod heap {
    use crate::runtime::{AllocId, ChanId};
    use std::cell::RefCell;

    thread_local! {
        static FREED: RefCell<Vec<AllocId>> = const { RefCell::new(Vec::new()) };
        static RELEASED: RefCell<Vec<ChanId>> = const { RefCell::new(Vec::new()) };
    }

    pub fn defer_free(id: AllocId) {
        FREED.with(|f| f.borrow_mut().push(id));
    }

    /// Queues the release of a channel nothing refers to any more.
    pub fn defer_release(id: ChanId) {
        RELEASED.with(|r| r.borrow_mut().push(id));
    }

    /// Hands every queued channel release to `release` (cheap when nothing is queued).
    pub fn drain_releases(mut release: impl FnMut(ChanId)) {
        RELEASED.with(|r| {
            if r.borrow().is_empty() {
                return;
            }
            let ids: Vec<ChanId> = std::mem::take(&mut *r.borrow_mut());
            for id in ids {
                release(id);
            }
        });
    }

    /// Hands every queued free to `free` (cheap when nothing is queued).
    pub fn drain_into(mut free: impl FnMut(AllocId)) {
        FREED.with(|f| {
            if f.borrow().is_empty() {
                return;
            }
            let ids: Vec<AllocId> = std::mem::take(&mut *f.borrow_mut());
            for id in ids {
                free(id);
            }
        });
    }

    /// Drops queued frees without reporting them (a new run starts with a fresh ledger).
    pub fn clear() {
        FREED.with(|f| f.borrow_mut().clear());
        RELEASED.with(|r| r.borrow_mut().clear());
    }
}

/// One golite value.
#[derive(Clone, Debug, Default)]
pub enum Value {
    /// nil pointer, slice, map, chan, func or interface; also "no value yet".
    #[default]
    Nil,
    Bool(bool),
    /// Every integer kind, as its i64 bit pattern (uint64 included).
    Int(i64),
    Float(f64),
    /// complex128 and complex64 (each part rounded to float32): two floats fit beside the tag
    /// in the value's three words.
    Complex(f64, f64),
    Str(Rc<str>),
    /// A struct or array. The compiler copies it wherever Go copies a value.
    Agg(Cells),
    /// A slice: backing array, offset, length and capacity. The capacity is the slice's own
    /// (`a[lo:hi:max]` shares `a`'s array with a smaller one), at most the array's length less
    /// the offset.
    Slice(Cells, u32, u32, u32),
    Map(Rc<RefCell<MapObj>>),
    Chan(Rc<ChanRef>),
    Func(Rc<Closure>),
    /// A boxed variable: the storage of a captured or address-taken local, and `&x` of it.
    Cell(Rc<RefCell<Value>>),
    /// `&elems[i]`: a pointer to one field of a struct or one element of an array or slice.
    Elem(Cells, u32),
    /// A non-nil interface value: its dynamic type and value.
    Iface(Rc<(TypeId, Value)>),
    /// Several results of a call, as one value (only inside the VM).
    Tuple(Rc<[Value]>),
}

impl Value {
    #[inline]
    pub fn as_int(&self) -> i64 {
        match self {
            Value::Int(i) => *i,
            Value::Float(f) => *f as i64,
            Value::Bool(b) => i64::from(*b),
            _ => 0,
        }
    }
    #[inline]
    pub fn as_float(&self) -> f64 {
        match self {
            Value::Float(f) => *f,
            Value::Int(i) => *i as f64,
            _ => 0.0,
        }
    }
    #[inline]
    pub fn as_complex(&self) -> (f64, f64) {
        match self {
            Value::Complex(re, im) => (*re, *im),
            Value::Float(f) => (*f, 0.0),
            Value::Int(i) => (*i as f64, 0.0),
            _ => (0.0, 0.0),
        }
    }
    #[inline]
    pub fn as_bool(&self) -> bool {
        matches!(self, Value::Bool(true))
    }
    pub fn as_str(&self) -> &str {
        match self {
            Value::Str(s) => s,
            _ => "",
        }
    }
    pub fn is_nil(&self) -> bool {
        matches!(self, Value::Nil)
    }
    /// The value of a program constant.
    pub(crate) fn from_const(c: &Const) -> Value {
        match c {
            Const::Float(f) => Value::Float(*f),
            Const::Complex(re, im) => Value::Complex(*re, *im),
            Const::Str(s) => Value::Str(s.clone()),
            Const::Func(f) => Value::Func(Rc::new(Closure {
                func: *f,
                captures: Vec::new(),
                bound: false,
            })),
        }
    }
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }
    pub fn agg(v: Vec<Value>) -> Value {
        Value::Agg(Obj::new(v))
    }
    /// A slice over a new array of exactly these items (length and capacity their count).
    pub fn slice(v: Vec<Value>) -> Value {
        let n = v.len() as u32;
        Value::Slice(Obj::new(v), 0, n, n)
    }

    /// A copy as Go copies values: structs and arrays are copied deeply (their nested structs and
    /// arrays too), everything else shares.
    pub fn copy_value(&self) -> Value {
        match self {
            Value::Agg(c) => Value::Agg(c.duplicate(Value::copy_value)),
            other => other.clone(),
        }
    }

    /// The key of this value in a map (Go's `==` on comparable values).
    pub fn key(&self) -> Key {
        self.key_at(0)
    }

    /// [`Value::key`] at nesting `depth`: past [`MAX_KEY_DEPTH`] a nested value is keyed by its
    /// identity, so a key nested a million deep costs no native stack.
    fn key_at(&self, depth: usize) -> Key {
        if depth > MAX_KEY_DEPTH {
            return match self {
                Value::Agg(c) => Key::Addr(Rc::as_ptr(c) as *const u8 as usize),
                Value::Iface(b) => Key::Addr(Rc::as_ptr(b) as *const u8 as usize),
                other => other.key_at(0),
            };
        }
        match self {
            Value::Nil => Key::Nil,
            Value::Bool(b) => Key::Bool(*b),
            Value::Int(i) => Key::Int(*i),
            Value::Float(f) if f.is_nan() => nan_key(),
            Value::Float(f) => Key::Float(float_order(*f)),
            Value::Complex(re, im) if re.is_nan() || im.is_nan() => nan_key(),
            Value::Complex(re, im) => Key::Complex(float_order(*re), float_order(*im)),
            Value::Str(s) => Key::Str(s.clone()),
            Value::Agg(c) => match c.bytes_ref() {
                Some(b) => Key::Agg(b.iter().map(|&x| Key::Int(i64::from(x))).collect()),
                None => Key::Agg(c.borrow().iter().map(|v| v.key_at(depth + 1)).collect()),
            },
            Value::Chan(c) => Key::Addr(c.id.0 as usize),
            Value::Cell(c) => Key::Addr(Rc::as_ptr(c) as *const u8 as usize),
            Value::Elem(c, i) => Key::Addr((Rc::as_ptr(c) as *const u8 as usize) + *i as usize),
            Value::Map(m) => Key::Addr(Rc::as_ptr(m) as *const u8 as usize),
            Value::Func(f) => Key::Addr(Rc::as_ptr(f) as *const u8 as usize),
            Value::Slice(c, o, ..) => Key::Addr(Rc::as_ptr(c) as *const u8 as usize + *o as usize),
            Value::Iface(b) => Key::Iface(b.0, Box::new(b.1.key_at(depth + 1))),
            Value::Tuple(_) => Key::Nil,
        }
    }

    /// Go's `==` for comparable values of one static type. Nested structs, arrays and
    /// interfaces are compared with a work list, not recursion, whatever their depth.
    pub fn equals(&self, other: &Value) -> bool {
        let mut work: Vec<(Value, Value)> = Vec::new();
        if !self.equals_step(other, &mut work) {
            return false;
        }
        while let Some((a, b)) = work.pop() {
            if !a.equals_step(&b, &mut work) {
                return false;
            }
        }
        true
    }

    /// One level of [`Value::equals`]: false if `self != other` at this level; pairs still to
    /// compare go to `work`.
    fn equals_step(&self, other: &Value, work: &mut Vec<(Value, Value)>) -> bool {
        match (self, other) {
            (Value::Agg(a), Value::Agg(b)) => {
                if Rc::ptr_eq(a, b) {
                    return true;
                }
                if let Some(same) = Obj::same_bytes(a, b) {
                    return same;
                }
                let (a, b) = (a.borrow(), b.borrow());
                if a.len() != b.len() {
                    return false;
                }
                for (x, y) in a.iter().zip(b.iter()) {
                    match (x, y) {
                        (Value::Agg(_), _) | (Value::Iface(_), _) => {
                            work.push((x.clone(), y.clone()));
                        }
                        _ => {
                            if !x.equals_flat(y) {
                                return false;
                            }
                        }
                    }
                }
                true
            }
            (Value::Iface(a), Value::Iface(b)) => {
                if Rc::ptr_eq(a, b) {
                    return true;
                }
                if a.0 != b.0 {
                    return false;
                }
                work.push((a.1.clone(), b.1.clone()));
                true
            }
            _ => self.equals_flat(other),
        }
    }

    /// `==` of two values that are not structs, arrays or interfaces.
    fn equals_flat(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Nil, Value::Nil) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a == b,
            (Value::Complex(a, b), Value::Complex(c, d)) => a == c && b == d,
            (Value::Str(a), Value::Str(b)) => a == b,
            (Value::Agg(_), Value::Agg(_)) | (Value::Iface(_), Value::Iface(_)) => {
                self.equals(other)
            }
            (Value::Chan(a), Value::Chan(b)) => a.id == b.id,
            (Value::Cell(a), Value::Cell(b)) => Rc::ptr_eq(a, b),
            (Value::Elem(a, i), Value::Elem(b, j)) => Rc::ptr_eq(a, b) && i == j,
            (Value::Map(a), Value::Map(b)) => Rc::ptr_eq(a, b),
            (Value::Func(a), Value::Func(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// Nesting of a map key past which nested values are keyed by identity (see [`Value::key`]).
const MAX_KEY_DEPTH: usize = 200;

/// Maps a float to an integer with the same order (so map keys sort numerically).
fn float_order(f: f64) -> u64 {
    if f == 0.0 {
        return 1 << 63;
    }
    let b = f.to_bits();
    if b >> 63 == 1 { !b } else { b | (1 << 63) }
}

/// A key made from a NaN: a new one each time, so that, as in Go (NaN != NaN), every insertion
/// with a NaN key adds an entry, and lookups and deletes with one never find any (`clear` and
/// `range` still reach them). The counter is the thread's, not the run's, yet runs stay
/// deterministic: only the order of the numbers shows (NaN entries sort among themselves in
/// the order they were inserted, after every integer and before every other float), and a run
/// makes its keys in the same order every time, whatever another run on the thread made.
fn nan_key() -> Key {
    thread_local!(static NANS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) });
    Key::NaN(NANS.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    }))
}

/// A map key: the comparable projection of a value, ordered so iteration is deterministic.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    Nil,
    Bool(bool),
    Int(i64),
    /// A NaN, never equal to another key (see [`nan_key`]).
    NaN(u64),
    Float(u64),
    /// Real and imaginary parts, each as [`float_order`] orders it.
    Complex(u64, u64),
    Str(Rc<str>),
    Agg(Vec<Key>),
    Addr(usize),
    Iface(TypeId, Box<Key>),
}

impl Key {
    /// The key holds a NaN somewhere: no lookup finds its entry.
    pub(crate) fn has_nan(&self) -> bool {
        match self {
            Key::NaN(_) => true,
            Key::Agg(ks) => ks.iter().any(Key::has_nan),
            Key::Iface(_, k) => k.has_nan(),
            _ => false,
        }
    }
}

/// A Go map: keys in a deterministic order (golite's iteration order is the key order).
#[derive(Debug, Default)]
pub struct MapObj {
    pub entries: BTreeMap<Key, (Value, Value)>,
    /// The key type when keys must be made from it (`typed_key`): a pointer to a struct is
    /// the struct's own storage, so only the type tells `map[*T]V`'s keys (addresses) from
    /// `map[T]V`'s (contents). None for keys whose value alone says it.
    pub key_type: Option<TypeId>,
    /// The heap-ledger allocation of this map, if accounted.
    pub alloc: Option<AllocId>,
    /// Bytes accounted for it so far.
    pub bytes: u64,
    /// Times `clear` emptied it: the only way an entry with a NaN key goes, so a range reaches
    /// such an entry when this has not changed since it began (`Op::MapRangeNext`).
    pub clears: u64,
    /// The goroutine preempted in the middle of writing this map (Go's `hashWriting` flag), 0
    /// when none: another goroutine touching the map then is Go's fatal error.
    pub writing: u32,
    /// The runtime functions Go calls for this map's type, which race reports name.
    pub race_key: MapKey,
    /// The race detector's location of each entry's value (1, 2, ... in order of first
    /// access; 0 is the map itself), kept when an entry is deleted, as Go's slot is reused
    /// by the same key. Empty when the detector is off.
    pub race_slots: HashMap<Key, u32>,
}

/// The key of `k` in map `m`: made from the map's key type when it has one (`MapObj::key_type`).
pub(crate) fn key_in(types: &Types, m: &MapObj, k: &Value) -> Key {
    match m.key_type {
        Some(t) => typed_key(types, t, k, 0),
        None => k.key(),
    }
}

/// [`Value::key`] guided by the static type `t`: a pointer is keyed by its address even when it
/// points to a struct or array (stored as that value's own storage), inside structs, arrays and
/// interfaces too.
fn typed_key(types: &Types, t: TypeId, v: &Value, depth: usize) -> Key {
    if depth > MAX_KEY_DEPTH {
        return v.key();
    }
    match (types.ukind(t), v) {
        (Kind::Pointer(_), Value::Agg(o)) => Key::Addr(Rc::as_ptr(o) as *const u8 as usize),
        (Kind::Struct(fields), Value::Agg(o)) => Key::Agg(
            o.borrow()
                .iter()
                .zip(fields)
                .map(|(x, f)| typed_key(types, f.ty, x, depth + 1))
                .collect(),
        ),
        (Kind::Array(..), Value::Agg(o)) if o.is_bytes() => v.key(),
        (Kind::Array(_, el), Value::Agg(o)) => Key::Agg(
            o.borrow()
                .iter()
                .map(|x| typed_key(types, *el, x, depth + 1))
                .collect(),
        ),
        (Kind::Interface(_), Value::Iface(b)) => {
            Key::Iface(b.0, Box::new(typed_key(types, b.0, &b.1, depth + 1)))
        }
        _ => v.key(),
    }
}

/// Real bytes a map takes per modeled byte (its B-tree nodes hold keys and both values).
pub const MAP_REAL_FACTOR: u64 = 3;

impl Drop for MapObj {
    fn drop(&mut self) {
        if let Some(id) = self.alloc {
            heap::defer_free(id);
        }
        adjust_live_slots(0, self.bytes * MAP_REAL_FACTOR / 24);
        if self
            .entries
            .values()
            .any(|(k, v)| owns_last_ref(k) || owns_last_ref(v))
        {
            let entries = std::mem::take(&mut self.entries);
            drop_deep(entries.into_values().flat_map(|(k, v)| [k, v]).collect());
        }
    }
}

/// A function value: code plus captured variables, or a bound receiver (method values and
/// native closures such as a context's cancel function).
#[derive(Debug)]
pub struct Closure {
    pub func: FuncRef,
    pub captures: Vec<Value>,
    /// Method value: `captures[0]` is the receiver, passed as the first argument.
    pub bound: bool,
}

impl Drop for Closure {
    fn drop(&mut self) {
        if self.captures.iter().any(owns_last_ref) {
            drop_deep(std::mem::take(&mut self.captures));
        }
    }
}

#[cfg(test)]
mod size_tests {
    /// A slice's own capacity fits beside its offset and length: a value stays three words on
    /// 64-bit targets (the heap limit counts values by this size, `SLOT_BYTES`).
    #[test]
    #[cfg(target_pointer_width = "64")]
    fn a_value_is_three_words() {
        assert_eq!(std::mem::size_of::<super::Value>(), 24);
    }
}
