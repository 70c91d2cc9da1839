//! Run-time values of golite. Small on purpose (no type tag per value: the compiler's static types
//! decide how to treat the bits); only interface values carry their dynamic type.

use crate::golite::code::{Const, FuncRef};
use crate::golite::types::TypeId;
use crate::runtime::{AllocId, ChanId};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// Shared storage of struct fields or array/slice elements.
pub type Cells = Rc<Obj>;

/// Storage of a struct, array or slice backing array, with its heap-ledger entry (if accounted).
#[derive(Debug, Default)]
pub struct Obj {
    items: RefCell<Vec<Value>>,
    alloc: std::cell::Cell<Option<AllocId>>,
}

impl Obj {
    pub fn new(items: Vec<Value>) -> Rc<Obj> {
        Rc::new(Obj {
            items: RefCell::new(items),
            alloc: std::cell::Cell::new(None),
        })
    }
    #[inline]
    pub fn borrow(&self) -> std::cell::Ref<'_, Vec<Value>> {
        self.items.borrow()
    }
    #[inline]
    pub fn borrow_mut(&self) -> std::cell::RefMut<'_, Vec<Value>> {
        self.items.borrow_mut()
    }
    /// Ties this object to a heap-ledger entry, freed when the object is dropped.
    pub fn set_alloc(&self, id: AllocId) {
        if let Some(old) = self.alloc.replace(Some(id)) {
            heap::defer_free(old);
        }
    }
}

impl Drop for Obj {
    fn drop(&mut self) {
        if let Some(id) = self.alloc.get() {
            heap::defer_free(id);
        }
    }
}

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
    Str(Rc<str>),
    /// A struct or array. The compiler copies it wherever Go copies a value.
    Agg(Cells),
    /// A slice: backing array (its Vec length is the capacity), offset and length.
    Slice(Cells, u32, u32),
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

    /// A copy as Go copies values: structs and arrays are copied deeply (their nested structs and
    /// arrays too), everything else shares.
    pub fn copy_value(&self) -> Value {
        match self {
            Value::Agg(c) => {
                let v: Vec<Value> = c.borrow().iter().map(Value::copy_value).collect();
                Value::Agg(Obj::new(v))
            }
            other => other.clone(),
        }
    }

    /// The key of this value in a map (Go's `==` on comparable values).
    pub fn key(&self) -> Key {
        match self {
            Value::Nil => Key::Nil,
            Value::Bool(b) => Key::Bool(*b),
            Value::Int(i) => Key::Int(*i),
            Value::Float(f) => Key::Float(float_order(*f)),
            Value::Str(s) => Key::Str(s.clone()),
            Value::Agg(c) => Key::Agg(c.borrow().iter().map(Value::key).collect()),
            Value::Chan(c) => Key::Addr(c.id.0 as usize),
            Value::Cell(c) => Key::Addr(Rc::as_ptr(c) as *const u8 as usize),
            Value::Elem(c, i) => Key::Addr((Rc::as_ptr(c) as *const u8 as usize) + *i as usize),
            Value::Map(m) => Key::Addr(Rc::as_ptr(m) as *const u8 as usize),
            Value::Func(f) => Key::Addr(Rc::as_ptr(f) as *const u8 as usize),
            Value::Slice(c, o, _) => Key::Addr(Rc::as_ptr(c) as *const u8 as usize + *o as usize),
            Value::Iface(b) => Key::Iface(b.0, Box::new(b.1.key())),
            Value::Tuple(_) => Key::Nil,
        }
    }

    /// Go's `==` for comparable values of one static type.
    pub fn equals(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Nil, Value::Nil) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a == b,
            (Value::Str(a), Value::Str(b)) => a == b,
            (Value::Agg(a), Value::Agg(b)) => {
                Rc::ptr_eq(a, b) || {
                    let (a, b) = (a.borrow(), b.borrow());
                    a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.equals(y))
                }
            }
            (Value::Iface(a), Value::Iface(b)) => {
                Rc::ptr_eq(a, b) || (a.0 == b.0 && a.1.equals(&b.1))
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

/// Maps a float to an integer with the same order (so map keys sort numerically).
fn float_order(f: f64) -> u64 {
    if f == 0.0 {
        return 1 << 63;
    }
    let b = f.to_bits();
    if b >> 63 == 1 { !b } else { b | (1 << 63) }
}

/// A map key: the comparable projection of a value, ordered so iteration is deterministic.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Key {
    Nil,
    Bool(bool),
    Int(i64),
    Float(u64),
    Str(Rc<str>),
    Agg(Vec<Key>),
    Addr(usize),
    Iface(TypeId, Box<Key>),
}

/// A Go map: keys in a deterministic order (golite's iteration order is the key order).
#[derive(Debug, Default)]
pub struct MapObj {
    pub entries: BTreeMap<Key, (Value, Value)>,
    /// The heap-ledger allocation of this map, if accounted.
    pub alloc: Option<AllocId>,
    /// Bytes accounted for it so far.
    pub bytes: u64,
}

impl Drop for MapObj {
    fn drop(&mut self) {
        if let Some(id) = self.alloc {
            heap::defer_free(id);
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
