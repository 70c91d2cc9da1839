//! Slices and maps as they grow: `append` (with Go's capacity growth and size classes, which the
//! heap ledger shows), slicing, and a map's growth accounted on the heap.

use super::{GoTask, NIL_DEREF};
use crate::golite::types::TypeId;
use crate::golite::vm::value::{MapObj, Obj, Value};
use crate::runtime::{AllocKind, Cx, Yield};
use std::cell::RefCell;
use std::rc::Rc;

/// Go's malloc size classes (bytes), for growslice's rounding.
pub(super) const SIZE_CLASSES: [u64; 68] = [
    0, 8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320,
    352, 384, 416, 448, 480, 512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792,
    2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728,
    10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576, 27264, 28672,
    32768,
];

/// A new backing array of at least this many bytes of golite's memory is fresh memory from the
/// operating system (smaller ones reuse freed memory): its pages fault in as the copy writes
/// them, so copying into it costs a step per [`FRESH_BYTES_PER_STEP`] bytes (a `[]byte` or an
/// `[]int` appended to forever measured 1.3 to 1.7 ns a byte of user and system time at
/// 100 MB). Lesson 24's bodies, grown by `io.ReadAll`, fit the step limit at 16 uploads of
/// 2 MiB.
const FRESH_FROM_BYTES: u64 = 1 << 20;
const FRESH_BYTES_PER_STEP: u64 = super::CONVERT_BYTES_PER_STEP;

/// `roundupsize`: the size malloc really hands out for a request.
pub(crate) fn round_up_size(bytes: u64) -> u64 {
    if bytes <= 32768 {
        return SIZE_CLASSES
            .iter()
            .copied()
            .find(|c| *c >= bytes)
            .unwrap_or(bytes);
    }
    bytes.div_ceil(8192).saturating_mul(8192)
}

/// Decodes one UTF-8 rune as Go's range does: invalid bytes give U+FFFD with width 1.
pub(crate) fn decode_rune(b: &[u8]) -> (u32, usize) {
    if b.is_empty() {
        return (0xFFFD, 0);
    }
    let w = match b[0] {
        0x00..=0x7F => return (u32::from(b[0]), 1),
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => return (0xFFFD, 1),
    };
    match b.get(..w).and_then(|s| std::str::from_utf8(s).ok()) {
        Some(s) => (s.chars().next().map_or(0xFFFD, |c| c as u32), w),
        None => (0xFFFD, 1),
    }
}

/// The bounds of `x[lo:hi]` or `x[lo:hi:max]` on a slice or array of length `len` and capacity
/// `cap`, checked in Go's order (max, then hi, then lo) with the runtime's messages; `of` is
/// "capacity" for a slice, "length" for an array.
fn window(
    lo: i64,
    hi: Option<i64>,
    max: Option<i64>,
    len: u32,
    cap: u32,
    of: &str,
) -> Result<(u32, u32, u32), String> {
    let cap = i64::from(cap);
    let err = |m: String| Err(format!("runtime error: slice bounds out of range {m}"));
    let (hi, max) = match max {
        Some(max) => {
            let hi = hi.unwrap_or(max);
            if max < 0 || max > cap {
                return err(format!("[::{max}] with {of} {cap}"));
            }
            if hi < 0 || hi > max {
                return err(format!("[:{hi}:{max}]"));
            }
            if lo < 0 || lo > hi {
                return err(format!("[{lo}:{hi}:]"));
            }
            (hi, max)
        }
        None => {
            let hi = hi.unwrap_or(i64::from(len));
            if hi < 0 || hi > cap {
                return err(format!("[:{hi}] with {of} {cap}"));
            }
            if lo < 0 || lo > hi {
                return err(format!("[{lo}:{hi}]"));
            }
            (hi, cap)
        }
    };
    Ok((lo as u32, hi as u32, max as u32))
}

/// What `append` appends: values already taken off the stack, or the slice or string of
/// `append(s, x...)`, read where it is (so that a big spread is not copied twice, once into a
/// list and again into the new array).
pub(super) enum Appended<'a> {
    Vals(Vec<Value>),
    Spread(&'a Value),
}

impl Appended<'_> {
    fn len(&self) -> usize {
        match self {
            Appended::Vals(v) => v.len(),
            Appended::Spread(Value::Slice(_, _, len, _)) => *len as usize,
            Appended::Spread(Value::Str(s)) => s.len(),
            Appended::Spread(_) => 0,
        }
    }

    /// Appends the values to `items`.
    fn extend(self, items: &mut Vec<Value>) {
        match self {
            Appended::Vals(v) => items.extend(v),
            Appended::Spread(Value::Slice(o, off, len, _)) => {
                o.extend_into(*off as usize, (*off + *len) as usize, items);
            }
            Appended::Spread(Value::Str(s)) => {
                items.extend(s.bytes().map(|b| Value::Int(i64::from(b))));
            }
            Appended::Spread(_) => {}
        }
    }

    /// Appends the values to the bytes of a byte array.
    fn extend_bytes(self, items: &mut Vec<u8>) {
        match self {
            Appended::Vals(v) => items.extend(v.iter().map(|x| x.as_int() as u8)),
            Appended::Spread(Value::Slice(o, off, len, _)) => {
                items.extend(o.read_bytes(*off as usize, (*off + *len) as usize));
            }
            Appended::Spread(Value::Str(s)) => items.extend_from_slice(s.as_bytes()),
            Appended::Spread(_) => {}
        }
    }

    /// Writes the values over `o`'s elements from `at` on (`o` has room for them; they may
    /// come from `o` itself).
    fn write_into(self, o: &Rc<Obj>, at: usize) {
        match self {
            Appended::Vals(v) => {
                for (i, x) in v.into_iter().enumerate() {
                    o.set(at + i, x);
                }
            }
            Appended::Spread(Value::Slice(so, off, len, _)) => {
                Obj::copy(o, at, so, *off as usize, *len as usize);
            }
            Appended::Spread(Value::Str(s)) => o.write_bytes(at, s.as_bytes()),
            Appended::Spread(_) => {}
        }
    }
}

impl GoTask {
    /// Go's `append`, growing the backing array as Go does.
    pub(super) fn append(
        &mut self,
        cx: &mut Cx<'_, Value>,
        s: Value,
        src: Appended<'_>,
        el: TypeId,
    ) -> Result<Value, Yield> {
        let (o, off, len, cap) = match s {
            Value::Slice(o, off, len, cap) => (Some(o), off as usize, len as usize, cap as usize),
            _ => (None, 0, 0, 0),
        };
        let add = src.len();
        if add == 0 {
            return Ok(match o {
                Some(o) => Value::Slice(o, off as u32, len as u32, cap as u32),
                None => Value::Nil,
            });
        }
        let need = len + add;
        let race = self.sh.race.then(|| self.user_site());
        if let Some(o) = &o
            && need <= cap
        {
            // Copied in place, as `copy` copies: a step per value past a few (a few are part of
            // the instruction's step, and charging them would move seeded preemption points).
            if add > 16 {
                self.charge(cx, o.work_units(add as u64), "append");
                if let Some(m) = cx.pending_limit() {
                    return Err(Yield::Limit(m));
                }
            }
            if let Some(site) = race {
                let (from, to) = ((off + len) as u32, (off + need) as u32);
                self.sh
                    .race_pins
                    .range(cx, site, o, from, to, crate::runtime::AccessKind::Write);
            }
            src.write_into(o, off + len);
            return Ok(Value::Slice(o.clone(), off as u32, need as u32, cap as u32));
        }
        // Go's growslice: double small slices, grow large ones by ~1.25x.
        let mut newcap = cap;
        let doublecap = newcap + newcap;
        if need > doublecap {
            newcap = need;
        } else if cap < 256 {
            newcap = doublecap;
        } else {
            while newcap < need {
                newcap += (newcap + 3 * 256) / 4;
            }
        }
        // Then round the allocation up to the malloc size class, as growslice does.
        let esize = self.types().size_of(el);
        if esize > 0 {
            let mem = round_up_size((newcap as u64).saturating_mul(esize));
            newcap = (mem / esize) as usize;
        }
        if newcap > u32::MAX as usize / 2 {
            let line = self.current_line();
            return Err(Yield::Limit(format!(
                "heap limit ({} bytes) exceeded at line {line}",
                self.sh.limits.heap_bytes
            )));
        }
        let go_bytes = (newcap as u64).saturating_mul(esize);
        let bytes_form = super::is_byte(self.types(), el);
        let slots = if bytes_form {
            (newcap as u64).div_ceil(super::SLOT_BYTES)
        } else {
            (newcap as u64).saturating_mul(super::value_slots(self.types(), el))
        };
        // A step per value copied, per WORK_BYTES_PER_STEP bytes of a byte array; into a big
        // new array, a step per FRESH_BYTES_PER_STEP bytes of golite's memory.
        let copied = (len + add) as u64;
        let unit = if bytes_form { 1 } else { super::SLOT_BYTES };
        let work = if (newcap as u64).saturating_mul(unit) >= FRESH_FROM_BYTES {
            copied.saturating_mul(unit) / FRESH_BYTES_PER_STEP
        } else if bytes_form {
            copied / super::WORK_BYTES_PER_STEP
        } else {
            copied
        };
        self.charge(cx, work, "append");
        if let Err(m) = self.reserve(cx, go_bytes, slots) {
            return Err(Yield::Limit(m));
        }
        let no = if bytes_form {
            let mut items: Vec<u8> = Vec::with_capacity(newcap);
            if let Some(o) = &o {
                items.extend(o.read_bytes(off, off + len));
            }
            src.extend_bytes(&mut items);
            items.resize(newcap, 0);
            Obj::bytes(items)
        } else {
            let mut items: Vec<Value> = Vec::with_capacity(newcap);
            if let Some(o) = &o {
                o.extend_into(off, off + len, &mut items);
            }
            src.extend(&mut items);
            let zero = match items.first() {
                Some(Value::Int(_)) => Value::Int(0),
                Some(Value::Float(_)) => Value::Float(0.0),
                Some(Value::Complex(..)) => Value::Complex(0.0, 0.0),
                Some(Value::Bool(_)) => Value::Bool(false),
                Some(Value::Str(_)) => Value::Str(self.sh.empty.clone()),
                _ => Value::Nil,
            };
            items.resize(newcap, zero);
            Obj::new(items)
        };
        let bytes = (newcap as u64) * esize.max(1);
        if bytes > self.sh.limits.heap_bytes {
            let line = self.current_line();
            return Err(Yield::Limit(format!(
                "heap limit ({} bytes) exceeded at line {line}",
                self.sh.limits.heap_bytes
            )));
        }
        if let Some(site) = race {
            // growslice reads the old elements; the new ones are written into the new array.
            let pins = &self.sh.race_pins;
            if let Some(o) = &o {
                let (from, to) = (off as u32, (off + len) as u32);
                let inside = pins.in_runtime(site, &[crate::runtime::race_frames::GROW_SLICE]);
                pins.range(cx, inside, o, from, to, crate::runtime::AccessKind::Read);
            }
            let (from, to) = (len as u32, need as u32);
            pins.range(cx, site, &no, from, to, crate::runtime::AccessKind::Write);
        }
        let id = self.alloc(cx, bytes, AllocKind::Slice);
        no.set_alloc(id);
        Ok(Value::Slice(no, 0, need as u32, newcap as u32))
    }

    /// Re-accounts a map after it grew (Go doubles its buckets as it grows).
    pub(super) fn map_grew(
        &mut self,
        cx: &mut Cx<'_, Value>,
        m: &Rc<RefCell<MapObj>>,
    ) -> Result<(), Yield> {
        let n = m.borrow().entries.len() as u64;
        let want = 48 + n.next_power_of_two().max(8) * 32;
        let had = m.borrow().bytes;
        if want > had {
            super::value::adjust_live_slots(
                (want - had) * super::value::MAP_REAL_FACTOR / super::SLOT_BYTES,
                0,
            );
            let id = self.alloc(cx, want, AllocKind::Map);
            let mut mb = m.borrow_mut();
            if let Some(old) = mb.alloc.replace(id) {
                cx.free(old);
            }
            mb.bytes = want;
        }
        Ok(())
    }

    pub(super) fn slice_op(
        &self,
        x: Value,
        lo: i64,
        hi: Option<i64>,
        max: Option<i64>,
    ) -> Result<Value, String> {
        match x {
            Value::Str(s) => {
                let hi = hi.unwrap_or(s.len() as i64);
                if hi < 0 || hi as usize > s.len() {
                    return Err(format!(
                        "runtime error: slice bounds out of range [:{hi}] with length {}",
                        s.len()
                    ));
                }
                if lo < 0 || lo > hi {
                    return Err(format!(
                        "runtime error: slice bounds out of range [{lo}:{hi}]"
                    ));
                }
                let b = &s.as_bytes()[lo as usize..hi as usize];
                Ok(Value::Str(Rc::from(String::from_utf8_lossy(b).as_ref())))
            }
            Value::Slice(o, off, len, cap) => {
                let (lo, hi, max) = window(lo, hi, max, len, cap, "capacity")?;
                // The window shares the array; a full slice expression only lowers the capacity.
                Ok(Value::Slice(o, off + lo, hi - lo, max - lo))
            }
            Value::Agg(o) => {
                let n = o.len() as u32;
                let (lo, hi, max) = window(lo, hi, max, n, n, "length")?;
                Ok(Value::Slice(o, lo, hi - lo, max - lo))
            }
            Value::Nil => {
                let hi = hi.unwrap_or(0);
                if lo != 0 || hi != 0 {
                    return Err(format!(
                        "runtime error: slice bounds out of range [:{hi}] with capacity 0"
                    ));
                }
                Ok(Value::Nil)
            }
            _ => Err(NIL_DEREF.into()),
        }
    }
}

/// `*p = a` for an array pointer into a slice's backing array (`(*[N]T)(s)`, held as the view
/// `Value::Slice(o, off, N, N)`): `a`'s elements written over the view's.
pub(super) fn store_view(o: &Rc<Obj>, off: u32, a: &Value) {
    let Value::Agg(src) = a else {
        return;
    };
    Obj::copy(
        o,
        off as usize,
        src,
        0,
        src.len().min(o.len().saturating_sub(off as usize)),
    );
}
