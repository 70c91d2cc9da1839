//! Storage of a struct, an array or a slice's backing array: golite values, or, for arrays of
//! bytes, the bytes themselves (`docs/ARCHITECTURE.md` § Runtime, limits: a `[]byte` of 10 MB
//! takes 10 MB, not 240 MB of 24-byte values, so real memory tracks the modeled heap and copying
//! bytes is a `memcpy`).
//!
//! Code that needs the elements as values (`borrow`, `borrow_mut`) gets them: a byte array is
//! turned into values in place the first time, and stays so. That keeps every operation correct
//! on both forms; the operations that meet big byte arrays (indexing, `append`, `copy`,
//! conversions, formatting, equality, the reachability scan) read the bytes where they are.

use super::value::Value;
use crate::runtime::AllocId;
use std::cell::{Cell, Ref, RefCell, RefMut};
use std::rc::Rc;

/// Shared storage of struct fields or array/slice elements.
pub type Cells = Rc<Obj>;

/// The elements, in one of two forms.
#[derive(Debug)]
enum Items {
    Vals(Vec<Value>),
    /// The elements of an array of `byte` (`uint8`): each is `Value::Int(0..=255)`.
    Bytes(Vec<u8>),
}

impl Default for Items {
    fn default() -> Self {
        Items::Vals(Vec::new())
    }
}

/// Storage of a struct, array or slice backing array, with its heap-ledger entry (if accounted).
#[derive(Debug, Default)]
pub struct Obj {
    items: RefCell<Items>,
    alloc: Cell<Option<AllocId>>,
    /// Values counted in [`live_slots`] for this object.
    slots: Cell<u64>,
}

thread_local! {
    /// Values held by live objects: golite's real memory, bounded by `GoTask::reserve`.
    static LIVE_SLOTS: Cell<u64> = const { Cell::new(0) };
    /// True while [`drop_deep`] drains [`DROP_LATER`].
    static DROPPING: Cell<bool> = const { Cell::new(false) };
    /// Contents of dropped objects waiting to be dropped, so that dropping a linked list of a
    /// million nodes is a loop, not a million nested `Drop` calls (a stack overflow).
    static DROP_LATER: RefCell<Vec<Vec<Value>>> = const { RefCell::new(Vec::new()) };
}

/// What an object costs beyond its values, in values: its `Rc` box (counts, `RefCell`, the
/// `Vec` header, ledger id: 72 bytes) and the two allocations' malloc headers.
const OBJ_OVERHEAD_SLOTS: u64 = 4;

/// Bytes of one golite value, the unit of [`live_slots`].
const SLOT_BYTES: u64 = std::mem::size_of::<Value>() as u64;

/// Counts `slots` more (or fewer) values of real memory held outside objects (maps' entries).
pub fn adjust_live_slots(more: u64, fewer: u64) {
    LIVE_SLOTS.with(|l| l.set((l.get() + more).saturating_sub(fewer)));
}

/// Values held by live objects (structs, arrays, slices' backing arrays).
pub fn live_slots() -> u64 {
    LIVE_SLOTS.with(Cell::get)
}

/// Drops `items` without recursing: objects they own that die too queue their own contents
/// here instead of dropping them inside this call.
pub(super) fn drop_deep(items: Vec<Value>) {
    if DROPPING.with(Cell::get) {
        DROP_LATER.with(|l| l.borrow_mut().push(items));
        return;
    }
    DROPPING.with(|d| d.set(true));
    drop(items);
    while let Some(next) = DROP_LATER.with(|l| l.borrow_mut().pop()) {
        drop(next);
    }
    DROPPING.with(|d| d.set(false));
}

/// True if dropping `v` would drop an object that owns other values.
pub(super) fn owns_last_ref(v: &Value) -> bool {
    match v {
        Value::Agg(o) | Value::Slice(o, ..) | Value::Elem(o, _) => Rc::strong_count(o) == 1,
        Value::Cell(c) => Rc::strong_count(c) == 1,
        Value::Iface(b) => Rc::strong_count(b) == 1,
        Value::Func(f) => Rc::strong_count(f) == 1,
        Value::Map(m) => Rc::strong_count(m) == 1,
        Value::Tuple(t) => Rc::strong_count(t) == 1,
        _ => false,
    }
}

/// Real memory of `items`, in values.
fn slots_of(items: &Items) -> u64 {
    OBJ_OVERHEAD_SLOTS
        + match items {
            Items::Vals(v) => v.capacity() as u64,
            Items::Bytes(b) => (b.capacity() as u64).div_ceil(SLOT_BYTES),
        }
}

impl Obj {
    /// An object holding `items`.
    pub fn new(items: Vec<Value>) -> Rc<Obj> {
        Self::of(Items::Vals(items))
    }

    /// A byte array holding `bytes`.
    pub fn bytes(bytes: Vec<u8>) -> Rc<Obj> {
        Self::of(Items::Bytes(bytes))
    }

    fn of(items: Items) -> Rc<Obj> {
        // The object's own header, reference count and allocation count too.
        let slots = slots_of(&items);
        LIVE_SLOTS.with(|l| l.set(l.get() + slots));
        Rc::new(Obj {
            items: RefCell::new(items),
            alloc: Cell::new(None),
            slots: Cell::new(slots),
        })
    }

    /// Re-counts this object's real memory after its storage changed form or size.
    fn recount(&self, items: &Items) {
        let now = slots_of(items);
        adjust_live_slots(now, self.slots.replace(now));
    }

    /// The elements as values: a byte array becomes values first (see the module's comment).
    pub fn borrow(&self) -> Ref<'_, Vec<Value>> {
        self.inflate();
        Ref::map(self.items.borrow(), |items| match items {
            Items::Vals(v) => v,
            // Only when `inflate` found the bytes borrowed, which no caller does.
            Items::Bytes(_) => empty_values(),
        })
    }

    /// [`Obj::borrow`], to change them.
    pub fn borrow_mut(&self) -> RefMut<'_, Vec<Value>> {
        self.inflate();
        let items = self.items.borrow_mut();
        RefMut::map(items, |items| match items {
            Items::Vals(v) => v,
            Items::Bytes(_) => Box::leak(Box::default()),
        })
    }

    /// Turns a byte array into values, once.
    fn inflate(&self) {
        let Ok(mut items) = self.items.try_borrow_mut() else {
            return;
        };
        if let Items::Bytes(b) = &*items {
            let vals: Vec<Value> = b.iter().map(|&x| Value::Int(i64::from(x))).collect();
            *items = Items::Vals(vals);
            self.recount(&items);
        }
    }

    /// The bytes of a byte array still held as bytes; `None` for values.
    pub fn bytes_ref(&self) -> Option<Ref<'_, [u8]>> {
        Ref::filter_map(self.items.borrow(), |items| match items {
            Items::Bytes(b) => Some(b.as_slice()),
            Items::Vals(_) => None,
        })
        .ok()
    }

    /// [`Obj::bytes_ref`], to change them.
    pub fn bytes_mut(&self) -> Option<RefMut<'_, Vec<u8>>> {
        RefMut::filter_map(self.items.borrow_mut(), |items| match items {
            Items::Bytes(b) => Some(b),
            Items::Vals(_) => None,
        })
        .ok()
    }

    /// True if the elements are held as bytes.
    pub fn is_bytes(&self) -> bool {
        matches!(&*self.items.borrow(), Items::Bytes(_))
    }

    /// Number of elements.
    pub fn len(&self) -> usize {
        match &*self.items.borrow() {
            Items::Vals(v) => v.len(),
            Items::Bytes(b) => b.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Element `i`, whatever the form.
    pub fn get(&self, i: usize) -> Option<Value> {
        match &*self.items.borrow() {
            Items::Vals(v) => v.get(i).cloned(),
            Items::Bytes(b) => b.get(i).map(|&x| Value::Int(i64::from(x))),
        }
    }

    /// Sets element `i` (a byte keeps the low 8 bits of an integer, as a `uint8` store does);
    /// false when `i` is out of range.
    pub fn set(&self, i: usize, v: Value) -> bool {
        match &mut *self.items.borrow_mut() {
            Items::Vals(vals) => match vals.get_mut(i) {
                Some(slot) => {
                    *slot = v;
                    true
                }
                None => false,
            },
            Items::Bytes(b) => match b.get_mut(i) {
                Some(slot) => {
                    *slot = v.as_int() as u8;
                    true
                }
                None => false,
            },
        }
    }

    /// Elements `from..to` as values (a copy; the storage keeps its form).
    pub fn values(&self, from: usize, to: usize) -> Vec<Value> {
        match &*self.items.borrow() {
            Items::Vals(v) => v.get(from..to).map(<[Value]>::to_vec).unwrap_or_default(),
            Items::Bytes(b) => b
                .get(from..to)
                .map(|s| s.iter().map(|&x| Value::Int(i64::from(x))).collect())
                .unwrap_or_default(),
        }
    }

    /// A new object of elements `from..to` (shared, not copied), in the same form.
    pub fn part(&self, from: usize, to: usize) -> Rc<Obj> {
        match &*self.items.borrow() {
            Items::Vals(v) => Obj::new(v.get(from..to).map(<[Value]>::to_vec).unwrap_or_default()),
            Items::Bytes(b) => Obj::bytes(b.get(from..to).map(<[u8]>::to_vec).unwrap_or_default()),
        }
    }

    /// A new object with the same elements in the same form (an array copied by value).
    pub fn duplicate(&self, copy: impl Fn(&Value) -> Value) -> Rc<Obj> {
        match &*self.items.borrow() {
            Items::Vals(v) => Obj::new(v.iter().map(copy).collect()),
            Items::Bytes(b) => Obj::bytes(b.clone()),
        }
    }

    /// Overwrites every element with `src`'s (same length), keeping this object's identity.
    pub fn assign_from(&self, src: &Obj) {
        let items = match &*src.items.borrow() {
            Items::Vals(v) => Items::Vals(v.clone()),
            Items::Bytes(b) => Items::Bytes(b.clone()),
        };
        let mut mine = self.items.borrow_mut();
        *mine = items;
        self.recount(&mine);
    }

    /// Appends the elements in place: bytes stay bytes when every value is an integer.
    pub fn extend(&self, vals: impl IntoIterator<Item = Value>) {
        let mut items = self.items.borrow_mut();
        match &mut *items {
            Items::Vals(v) => v.extend(vals),
            Items::Bytes(b) => b.extend(vals.into_iter().map(|x| x.as_int() as u8)),
        }
        self.recount(&items);
    }

    /// Ties this object to a heap-ledger entry, freed when the object is dropped.
    pub fn set_alloc(&self, id: AllocId) {
        if let Some(old) = self.alloc.replace(Some(id)) {
            super::value::heap::defer_free(old);
        }
    }
}

/// An empty list of values to lend when there are none to lend (see [`Obj::borrow`]).
fn empty_values() -> &'static Vec<Value> {
    thread_local!(static EMPTY: &'static Vec<Value> = Box::leak(Box::default()));
    EMPTY.with(|e| *e)
}

impl Drop for Obj {
    fn drop(&mut self) {
        if let Some(id) = self.alloc.get() {
            super::value::heap::defer_free(id);
        }
        LIVE_SLOTS.with(|l| l.set(l.get().saturating_sub(self.slots.get())));
        if let Items::Vals(items) = self.items.get_mut() {
            // A big array goes to `drop_deep` unscanned: the scan would read every value once
            // more before the drop reads them again (a tenth of a `make([]byte, 2<<20)` loop's
            // time).
            if items.len() > 64 || items.iter().any(owns_last_ref) {
                drop_deep(std::mem::take(items));
            }
        }
    }
}

impl Obj {
    /// Steps of work to copy, compare or format `n` of this object's elements: a step a value,
    /// a step per [`super::WORK_BYTES_PER_STEP`] bytes.
    pub fn work_units(&self, n: u64) -> u64 {
        if self.is_bytes() {
            n / super::WORK_BYTES_PER_STEP
        } else {
            n
        }
    }

    /// Go's `copy(dst[doff:], src[soff:])` of `n` elements (the two may be one array, the
    /// ranges overlapping); returns `n`.
    pub fn copy(dst: &Rc<Obj>, doff: usize, src: &Rc<Obj>, soff: usize, n: usize) -> usize {
        if Rc::ptr_eq(dst, src) {
            match &mut *dst.items.borrow_mut() {
                Items::Vals(v) => {
                    let tmp = v.get(soff..soff + n).map(<[Value]>::to_vec);
                    if let (Some(tmp), Some(to)) = (tmp, v.get_mut(doff..doff + n)) {
                        to.clone_from_slice(&tmp);
                    }
                }
                Items::Bytes(b) => {
                    if soff + n <= b.len() && doff + n <= b.len() {
                        b.copy_within(soff..soff + n, doff);
                    }
                }
            }
            return n;
        }
        let from = src.items.borrow();
        let mut to = dst.items.borrow_mut();
        match (&*from, &mut *to) {
            (Items::Bytes(f), Items::Bytes(t)) => {
                if let (Some(f), Some(t)) = (f.get(soff..soff + n), t.get_mut(doff..doff + n)) {
                    t.copy_from_slice(f);
                }
            }
            (Items::Vals(f), Items::Vals(t)) => {
                if let (Some(f), Some(t)) = (f.get(soff..soff + n), t.get_mut(doff..doff + n)) {
                    t.clone_from_slice(f);
                }
            }
            (Items::Bytes(f), Items::Vals(t)) => {
                if let (Some(f), Some(t)) = (f.get(soff..soff + n), t.get_mut(doff..doff + n)) {
                    for (t, &f) in t.iter_mut().zip(f) {
                        *t = Value::Int(i64::from(f));
                    }
                }
            }
            (Items::Vals(f), Items::Bytes(t)) => {
                if let (Some(f), Some(t)) = (f.get(soff..soff + n), t.get_mut(doff..doff + n)) {
                    for (t, f) in t.iter_mut().zip(f) {
                        *t = f.as_int() as u8;
                    }
                }
            }
        }
        n
    }

    /// Writes `bytes` over elements `at..` (`copy(dst, "string")`).
    pub fn write_bytes(&self, at: usize, bytes: &[u8]) {
        match &mut *self.items.borrow_mut() {
            Items::Bytes(b) => {
                if let Some(t) = b.get_mut(at..at + bytes.len()) {
                    t.copy_from_slice(bytes);
                }
            }
            Items::Vals(v) => {
                if let Some(t) = v.get_mut(at..at + bytes.len()) {
                    for (t, &f) in t.iter_mut().zip(bytes) {
                        *t = Value::Int(i64::from(f));
                    }
                }
            }
        }
    }

    /// Elements `from..to` of a byte array as bytes, whatever the form (`string(b)`).
    pub fn read_bytes(&self, from: usize, to: usize) -> Vec<u8> {
        match &*self.items.borrow() {
            Items::Bytes(b) => b.get(from..to).map(<[u8]>::to_vec).unwrap_or_default(),
            Items::Vals(v) => v
                .get(from..to)
                .map(|s| s.iter().map(|x| x.as_int() as u8).collect())
                .unwrap_or_default(),
        }
    }
}

impl Obj {
    /// `a == b` element by element when both hold bytes; `None` otherwise.
    pub fn same_bytes(a: &Obj, b: &Obj) -> Option<bool> {
        let (x, y) = (a.bytes_ref()?, b.bytes_ref()?);
        Some(*x == *y)
    }
}

impl Obj {
    /// Appends elements `from..to` to `out` as values (one copy, whatever the form).
    pub fn extend_into(&self, from: usize, to: usize, out: &mut Vec<Value>) {
        match &*self.items.borrow() {
            Items::Vals(v) => {
                if let Some(s) = v.get(from..to) {
                    out.extend_from_slice(s);
                }
            }
            Items::Bytes(b) => {
                if let Some(s) = b.get(from..to) {
                    out.extend(s.iter().map(|&x| Value::Int(i64::from(x))));
                }
            }
        }
    }

    /// Elements `from..to` of a byte array as a string (invalid UTF-8 replaced, as golite's
    /// strings are UTF-8), read where they are.
    pub fn string_of_bytes(&self, from: usize, to: usize) -> Rc<str> {
        match &*self.items.borrow() {
            Items::Bytes(b) => {
                Rc::from(String::from_utf8_lossy(b.get(from..to).unwrap_or(&[])).as_ref())
            }
            Items::Vals(_) => {
                Rc::from(String::from_utf8_lossy(&self.read_bytes(from, to)).as_ref())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(o: &Obj) -> Vec<i64> {
        o.values(0, o.len()).iter().map(Value::as_int).collect()
    }

    #[test]
    fn a_byte_array_counts_one_slot_per_24_bytes() {
        let before = live_slots();
        let o = Obj::bytes(vec![0; 240]);
        assert_eq!(live_slots() - before, 10 + OBJ_OVERHEAD_SLOTS);
        drop(o);
        assert_eq!(live_slots(), before);
    }

    #[test]
    fn borrowing_values_turns_bytes_into_values_once_and_recounts() {
        let before = live_slots();
        let o = Obj::bytes(vec![1, 2, 3]);
        assert_eq!(o.borrow().len(), 3);
        assert!(!o.is_bytes());
        assert_eq!(ints(&o), [1, 2, 3]);
        assert_eq!(live_slots() - before, 3 + OBJ_OVERHEAD_SLOTS);
    }

    #[test]
    fn a_byte_keeps_the_low_8_bits_of_what_is_stored() {
        let o = Obj::bytes(vec![0; 2]);
        assert!(o.set(0, Value::Int(300)));
        assert!(!o.set(2, Value::Int(1)));
        assert_eq!(ints(&o), [44, 0]);
        assert!(o.is_bytes());
    }

    #[test]
    fn copy_within_one_byte_array_moves_overlapping_ranges() {
        let o = Obj::bytes(b"abcdef".to_vec());
        assert_eq!(Obj::copy(&o, 1, &o, 0, 4), 4);
        assert_eq!(o.read_bytes(0, 6), b"aabcdf");
    }

    #[test]
    fn copy_between_bytes_and_values_converts_each_element() {
        let b = Obj::bytes(vec![7, 8]);
        let v = Obj::new(vec![Value::Int(0); 3]);
        Obj::copy(&v, 1, &b, 0, 2);
        assert_eq!(ints(&v), [0, 7, 8]);
        let w = Obj::new(vec![Value::Int(258), Value::Int(-1)]);
        Obj::copy(&b, 0, &w, 0, 2);
        assert_eq!(b.read_bytes(0, 2), [2, 255]);
        assert!(b.is_bytes());
    }

    #[test]
    fn equal_bytes_compare_without_becoming_values() {
        let (a, b) = (Obj::bytes(vec![1, 2]), Obj::bytes(vec![1, 2]));
        assert_eq!(Obj::same_bytes(&a, &b), Some(true));
        b.set(1, Value::Int(3));
        assert_eq!(Obj::same_bytes(&a, &b), Some(false));
        assert_eq!(Obj::same_bytes(&a, &Obj::new(vec![])), None);
        assert!(a.is_bytes() && b.is_bytes());
    }
}
