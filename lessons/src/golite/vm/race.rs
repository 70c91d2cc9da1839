//! golite's side of the race detector (`docs/ARCHITECTURE.md` § Race detector): which memory
//! accesses it reports to the runtime, and under which location.
//!
//! A location is an object's address plus an index: a boxed variable (a captured or
//! address-taken local, a package-level variable) is its cell; a struct field or an array or
//! slice element is its backing object and index; a map is one location for the map itself, as
//! Go's detector treats it (the accesses inside Go's runtime functions), and one per entry's
//! value (the program's own reads and writes of it). Locals that live in slots cannot be shared
//! and are not reported.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use super::value::{Key, MapObj, Obj, Value};
use crate::runtime::race_frames::{MapOp, map_frames};
use crate::runtime::{AccessKind, AtomicOp, Cx, Loc, Site, StackNode, Stacks};

/// An object the detector has a shadow for. Its address must not be reused for a new object
/// while the detector remembers it (the new one would inherit the old one's accesses), so a
/// weak reference keeps the allocation reserved; the value itself is still dropped when
/// unreachable, and then the detector forgets it ([`Pins::sweep`]).
enum Pin {
    Cell(Weak<RefCell<Value>>),
    Obj(Weak<Obj>),
    Map(Weak<RefCell<MapObj>>),
}

impl Pin {
    fn alive(&self) -> bool {
        match self {
            Pin::Cell(w) => w.strong_count() > 0,
            Pin::Obj(w) => w.strong_count() > 0,
            Pin::Map(w) => w.strong_count() > 0,
        }
    }

    fn base(&self) -> u64 {
        match self {
            Pin::Cell(w) => addr(w.as_ptr()),
            Pin::Obj(w) => addr(w.as_ptr()),
            Pin::Map(w) => addr(w.as_ptr()),
        }
    }
}

/// Pins kept before the first sweep for dead objects.
const SWEEP_AT: usize = 4096;

/// The race detector's state on golite's side for one run: the pinned objects and the
/// interned call stacks (one node per distinct caller frame, shared with the runtime, which
/// prints them in reports).
pub struct Pins {
    pinned: RefCell<Vec<Pin>>,
    /// Sweep when this many pins are held (twice the live ones after a sweep).
    sweep_at: std::cell::Cell<usize>,
    pub stacks: Stacks,
    index: RefCell<HashMap<(u32, u32, u32), u32>>,
}

impl Default for Pins {
    fn default() -> Self {
        Pins {
            pinned: RefCell::new(Vec::new()),
            sweep_at: std::cell::Cell::new(SWEEP_AT),
            stacks: Rc::new(RefCell::new(vec![StackNode::default()])),
            index: RefCell::new(HashMap::new()),
        }
    }
}

fn addr<T>(p: *const T) -> u64 {
    p as usize as u64
}

/// The location of a boxed variable.
pub fn cell_loc(c: &Rc<RefCell<Value>>) -> Loc {
    Loc {
        base: addr(Rc::as_ptr(c)),
        index: 0,
    }
}

/// The location of element or field `i` of a struct, array or backing array.
pub fn obj_loc(o: &Rc<Obj>, i: u32) -> Loc {
    Loc {
        base: addr(Rc::as_ptr(o)),
        index: i,
    }
}

/// The location of a map (one per map).
pub fn map_loc(m: &Rc<RefCell<MapObj>>) -> Loc {
    Loc {
        base: addr(Rc::as_ptr(m)),
        index: 0,
    }
}

impl Pins {
    /// The stack of a frame called from `func` at `line`, itself called as `parent` says.
    pub fn intern(&self, parent: u32, func: u32, line: u32) -> u32 {
        let mut index = self.index.borrow_mut();
        *index.entry((parent, func, line)).or_insert_with(|| {
            let mut s = self.stacks.borrow_mut();
            s.push(StackNode { parent, func, line });
            s.len() as u32 - 1
        })
    }

    fn pin(&self, cx: &mut Cx<'_, Value>, p: Pin) {
        let n = {
            let mut pinned = self.pinned.borrow_mut();
            pinned.push(p);
            pinned.len()
        };
        if n >= self.sweep_at.get() {
            self.sweep(cx);
        }
    }

    /// Forgets the objects the program dropped: the detector drops their locations, and their
    /// addresses may then be reused. Amortised O(1) per pin (the threshold doubles).
    fn sweep(&self, cx: &mut Cx<'_, Value>) {
        let mut pinned = self.pinned.borrow_mut();
        let mut dead = std::collections::HashSet::new();
        pinned.retain(|p| {
            let alive = p.alive();
            if !alive {
                dead.insert(p.base());
            }
            alive
        });
        self.sweep_at.set((2 * pinned.len()).max(SWEEP_AT));
        drop(pinned);
        if !dead.is_empty() {
            cx.race_forget(&dead);
        }
    }

    /// A variable's access.
    pub fn cell(&self, cx: &mut Cx<'_, Value>, site: Site, c: &Rc<RefCell<Value>>, k: AccessKind) {
        if cx.race_access(cell_loc(c), k, site) {
            self.pin(cx, Pin::Cell(Rc::downgrade(c)));
        }
    }

    /// An access of field or element `i` of `o`.
    pub fn obj(&self, cx: &mut Cx<'_, Value>, site: Site, o: &Rc<Obj>, i: u32, k: AccessKind) {
        if cx.race_access(obj_loc(o, i), k, site) {
            self.pin(cx, Pin::Obj(Rc::downgrade(o)));
        }
    }

    /// Accesses of elements `from..to` of `o` (copy, a growing append's read of the old array).
    pub fn range(
        &self,
        cx: &mut Cx<'_, Value>,
        site: Site,
        o: &Rc<Obj>,
        from: u32,
        to: u32,
        k: AccessKind,
    ) {
        for i in from..to {
            self.obj(cx, site, o, i, k);
        }
    }

    /// Every field or element of a struct or array, nested ones included (a copy of it reads
    /// them all, an assignment to it writes them all).
    pub fn agg(&self, cx: &mut Cx<'_, Value>, site: Site, o: &Rc<Obj>, k: AccessKind) {
        let n = o.len();
        for i in 0..n {
            let inner = match o.get(i) {
                Some(Value::Agg(x)) => Some(x.clone()),
                _ => None,
            };
            match inner {
                Some(x) => self.agg(cx, site, &x, k),
                None => self.obj(cx, site, o, i as u32, k),
            }
        }
    }

    /// A map read (index, range, `len`) or write (assignment, delete, `clear`): `op`, reported
    /// from inside the Go runtime function that does it for this map's type, as Go's report
    /// shows (`race_frames.rs`).
    pub fn map(
        &self,
        cx: &mut Cx<'_, Value>,
        site: Site,
        m: &Rc<RefCell<MapObj>>,
        k: AccessKind,
        op: MapOp,
    ) {
        let fast = m.borrow().race_key;
        let site = self.in_runtime(site, &map_frames(op, fast));
        if cx.race_access(map_loc(m), k, site) {
            self.pin(cx, Pin::Map(Rc::downgrade(m)));
        }
    }

    /// The program's read or write of the value of entry `key` (after `m[k]` found it, or
    /// assigned it, and in a `for range` that uses values): Go's compiled code touches the
    /// entry's memory itself, so a race there is a second report, with the program's frames.
    pub fn entry(
        &self,
        cx: &mut Cx<'_, Value>,
        site: Site,
        m: &Rc<RefCell<MapObj>>,
        key: &Key,
        k: AccessKind,
    ) {
        let index = {
            let mut mb = m.borrow_mut();
            let next = mb.race_slots.len() as u32 + 1;
            *mb.race_slots.entry(key.clone()).or_insert(next)
        };
        let loc = Loc {
            index,
            ..map_loc(m)
        };
        // The map's own access came first and pinned it; an entry is forgotten with its map.
        cx.race_access(loc, k, site);
    }

    /// `site` called into the runtime `frames` (innermost first): the innermost becomes the
    /// site, the rest and the program's frame its callers.
    pub fn in_runtime(&self, site: Site, frames: &[(u32, u32)]) -> Site {
        let Some((&(func, line), callers)) = frames.split_first() else {
            return site;
        };
        let mut stack = self.intern(site.stack, site.func, site.line);
        for &(f, l) in callers.iter().rev() {
            stack = self.intern(stack, f, l);
        }
        Site { func, line, stack }
    }

    /// A pointer's pointee (`*p`, `*p = v`): a variable or a field/element.
    pub fn ptr(&self, cx: &mut Cx<'_, Value>, site: Site, p: &Value, k: AccessKind) {
        match p {
            Value::Cell(c) => self.cell(cx, site, c, k),
            Value::Elem(o, i) => self.obj(cx, site, o, *i, k),
            _ => {}
        }
    }

    /// A `sync/atomic` operation through pointer `p` (`&x`, `&s.f`, or an `atomic.Int64`).
    pub fn atomic(&self, cx: &mut Cx<'_, Value>, site: Site, p: &Value, op: AtomicOp) {
        let (loc, pin) = match p {
            Value::Cell(c) => (cell_loc(c), Pin::Cell(Rc::downgrade(c))),
            Value::Elem(o, i) => (obj_loc(o, *i), Pin::Obj(Rc::downgrade(o))),
            Value::Agg(o) => (obj_loc(o, 0), Pin::Obj(Rc::downgrade(o))),
            _ => return,
        };
        if cx.race_atomic(loc, op, site) {
            self.pin(cx, pin);
        }
    }
}
