//! The compiled form of a program: a compact stack-machine instruction set, per-function code with
//! a parallel line table, and the tables the VM consults (constants, methods, select layouts).

use crate::golite::types::{IntKind, TypeId, Types};
use std::collections::HashMap;
use std::rc::Rc;

/// Index of a function in [`Program::funcs`].
pub(crate) type FuncId = u32;

/// One VM instruction. Operands are slots, indices into tables, or jump targets (absolute pcs).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Op {
    Nop,
    /// Push `consts[i]`.
    Const(u32),
    PushInt(i64),
    PushNil,
    PushBool(bool),
    /// Push a fresh zero value of a type (structs and arrays get new storage).
    Zero(TypeId),
    Pop,
    /// Panic with a nil dereference if the top (a pointer, kept) is nil: `p[i]` on a nil *[N]T.
    NilCheck,
    Dup,
    /// Push a copy of the value `n` below the top (0 = top).
    Pick(u16),

    // Variables.
    Load(u16),
    Store(u16),
    /// Declares a boxed variable: slot = new cell holding the popped value.
    InitCell(u16),
    LoadCell(u16),
    StoreCell(u16),
    /// Turns a parameter into a boxed variable in place.
    BoxSlot(u16),
    /// Gives a boxed loop variable a fresh cell holding its current value (Go 1.22 loops).
    Rebox(u16),
    LoadCap(u16),
    StoreCap(u16),
    /// Push the cell of a boxed local (for closures capturing it and `&x`).
    CellOf(u16),
    CapCell(u16),
    LoadGlobal(u32),
    StoreGlobal(u32),
    GlobalCell(u32),
    /// Deep-copy the struct/array on top (Go value semantics).
    CopyAgg(TypeId),

    // Arithmetic on ints (i64 bit patterns), followed by `Wrap` for sized kinds.
    AddI,
    SubI,
    MulI,
    DivI,
    RemI,
    DivU,
    RemU,
    And,
    Or,
    Xor,
    AndNot,
    Shl,
    ShrS,
    ShrU,
    NegI,
    BitNot,
    Wrap(IntKind),
    AddF,
    SubF,
    MulF,
    DivF,
    NegF,
    /// Round to float32 precision.
    F32,
    /// Complex arithmetic in float64 (`vm/complex.rs`); complex64 results follow with `C64`,
    /// as Go's compiler computes them in float64 and narrows once.
    AddC,
    SubC,
    MulC,
    DivC,
    NegC,
    /// Round both parts of the complex number on top to float32 precision.
    C64,
    /// Pop the imaginary part, then the real part (floats); push the complex number.
    MakeComplex,
    /// Pop a complex number, push its real part.
    RealPart,
    /// Pop a complex number, push its imaginary part.
    ImagPart,
    Concat,
    Not,
    EqI,
    NeI,
    LtI,
    LeI,
    GtI,
    GeI,
    LtU,
    LeU,
    GtU,
    GeU,
    LtF,
    LeF,
    GtF,
    GeF,
    LtS,
    LeS,
    GtS,
    GeS,
    /// Generic `==` / `!=` (strings, pointers, structs, interfaces, ...).
    Eq,
    Ne,
    /// `==` / `!=` on operands of this type where identity matters: pointers compare by
    /// address, interfaces by dynamic type then value, structs and arrays field by field.
    EqTyped(TypeId),
    NeTyped(TypeId),

    // Control flow.
    Jump(u32),
    JumpIf(u32),
    JumpIfNot(u32),

    // Aggregates and pointers.
    /// Pop struct (or pointer to struct), push field i.
    Field(u32),
    /// Stack [agg, value]: agg[i] = value.
    SetField(u32),
    /// Pop struct pointer, push `&p.f` (an element pointer), or the field's own storage for
    /// aggregate fields.
    FieldAddr(u32),
    /// Pop pointer, push pointee (copied when it is an aggregate: the compiler adds CopyAgg).
    Deref,
    /// Stack [ptr, value]: *ptr = value.
    StoreDeref,
    /// Stack [storage, value]: copies the struct or array `value` of this type into the
    /// storage already there, recursing into inline structs and arrays, so pointers taken into
    /// it (`&s`, `&a[1]`, `&o.f`) see the new value, as in Go.
    AssignInto(TypeId),
    /// Stack [collection, index]: push element; `Index` works for slices, arrays and strings.
    Index,
    /// Stack [collection, index, value].
    SetIndex,
    /// Stack [collection, index]: push `&x[i]`.
    IndexAddr,
    /// Stack [map, key]: push value or zero (`consts[zero]`-like: the type gives the zero).
    MapIndex(TypeId),
    MapIndexOk(TypeId),
    /// Range's step: stack [map, snapshot from `MapKeys`, i] -> [key i, its value or zero, ok]:
    /// the entry is looked up again (one deleted meanwhile is skipped, one changed shows its new
    /// value). An entry whose key holds a NaN, which no lookup finds and only `clear` removes,
    /// is there with its snapshot value unless the map was cleared since. Not a lookup for the
    /// race detector (Go's iterator reads the map in mapIterStart and mapIterNext), but a read of
    /// the entry's value when the loop uses it (flag).
    MapRangeNext(TypeId, bool),
    /// Stack [map]: a `for range` over the map moves on after a body (Go's
    /// `runtime.mapIterNext`, a read of the map for the race detector).
    MapIterNext,
    /// Stack [map, key, value].
    MapSet,
    /// Stack [x, lo?, hi?, max?] per flags bit0 lo, bit1 hi, bit2 max; slices a slice, array ptr or string.
    Slice(u8),
    /// Pop n values, push a struct with them as fields.
    MakeStruct(u32),
    /// Pop n values, push a slice (elem type for the heap ledger).
    MakeSlice(u32, TypeId),
    /// Pop n values, push an array.
    MakeArray(u32),
    /// Pop 2n values (k, v pairs), push a map.
    /// Stack [k1, v1, ..., kn, vn]: a map literal; its key type when keys are typed (see
    /// `MakeMapEmpty`), else `ids::VOID`; the map's type.
    MakeMap(u32, TypeId, TypeId),

    // Interfaces.
    /// Wrap the value on top in an interface with dynamic type t (nil pointers stay typed).
    ToIface(TypeId),
    /// Type assertion to a concrete type: panics on failure.
    AssertType(TypeId),
    AssertTypeOk(TypeId),
    /// Assertion to an interface type (checks the method set).
    AssertIface(TypeId),
    AssertIfaceOk(TypeId),
    /// Push whether the interface on top (kept) has dynamic type t / implements interface t.
    IsType(TypeId),
    IsIface(TypeId),
    /// Push the dynamic value of the interface on top (popped).
    IfaceValue,

    // Calls.
    /// Call function `f` with `argc` arguments on the stack.
    Call(FuncId, u16),
    /// Call the function value on top of the stack (below it the arguments).
    CallValue(u16),
    /// Call method `sym` on the interface value `argc` below the top.
    CallIface(u32, u16),
    CallNative(Native, u16),
    /// Return from the current function (runs deferred calls first).
    Ret,
    /// Build a closure from `closures[i]`.
    Closure(u32),
    /// `go`: like the calls, on a new goroutine.
    Go(FuncId, u16),
    GoValue(u16),
    GoIface(u32, u16),
    GoNative(Native, u16),
    /// `defer`: like the calls, recorded for return time.
    Defer(FuncId, u16),
    DeferValue(u16),
    DeferIface(u32, u16),
    DeferNative(Native, u16),
    /// Replace the interface on top by the result of its Error()/String() method, marked for fmt.
    Stringify,

    // Channels.
    MakeChan(TypeId),
    Send,
    Recv,
    RecvOk,
    Close,
    /// Run `selects[i]` with its operands on the stack.
    Select(u32),

    // Builtins.
    Len,
    Cap,
    /// Stack [slice, v1..vn]: append n values of the element type.
    Append(u16, TypeId),
    /// Stack [slice, other]: append all of `other` (slice or string).
    AppendSpread(TypeId),
    /// Pop a receiver, push the method value `recv.M` of Go method `f`.
    BindMethod(FuncId),
    BindNative(Native),
    /// A composite literal whose address is taken: account it on the heap (it escapes).
    Escape(TypeId),
    /// Pop a value, push a pointer to a fresh variable holding it.
    BoxValue,
    Copy,
    Delete,
    /// Stack [len, cap?]: new slice of elem type t (flag: cap given).
    MakeSliceLen(TypeId, bool),
    /// `make(map[K]V)`: K when a key's identity depends on its static type (a pointer to a
    /// struct is stored like the struct, so `map[*T]V` keys by address only when told), else
    /// `ids::VOID`; then the map's type (the race detector names Go's runtime functions for a
    /// map by its key and value types).
    MakeMapEmpty(TypeId, TypeId),
    /// Push a pointer to a fresh zero value of t.
    New(TypeId),
    Panic,
    Recover,
    /// Push the index of the current frame on the goroutine's stack (a range-over-func loop's
    /// function, whose frame its body's defers join).
    FrameIndex,
    /// Pop a frame index: move the call just deferred to that frame (a `defer` in a
    /// range-over-func body), if it is a frame of function `f` (the body may run on another
    /// goroutine, whose stack is not the loop's: the call then stays with the body).
    DeferMove(FuncId),
    /// Pop a range-over-func loop's state at its body's entry: panic as Go does unless ready.
    RangeFuncCheck,
    /// Pop the state once the iterator returned: panic if it swallowed the body's panic.
    RangeFuncDone,
    Min(u16, bool),
    Max(u16, bool),
    /// Range helpers: [map] -> [slice of key, value, key, value..., times the map was cleared]
    /// in the run's seeded order (`MapRangeNext` reads it).
    MapKeys,
    /// Stack [string, byte offset]: push (rune, width) for range over string.
    DecodeRune,

    // Conversions.
    IntToFloat,
    UintToFloat,
    FloatToInt(IntKind),
    RuneToString,
    StringToBytes,
    BytesToString,
    StringToRunes,
    RunesToString,
}

/// A closure literal: its function and where each captured variable comes from.
#[derive(Clone, Debug)]
pub(crate) struct ClosureInfo {
    pub(crate) func: FuncId,
    /// `(from_capture, index)`: a cell of the enclosing function's local slot or capture.
    pub(crate) captures: Vec<(bool, u16)>,
}

/// One `select` statement's layout: for each case, whether it sends; the jump targets.
#[derive(Clone, Debug)]
pub(crate) struct SelectInfo {
    /// Per case: true for a send case (operands: chan, value), false for a receive (chan).
    pub(crate) sends: Vec<bool>,
    /// Per case: whether the receive's result is used with `, ok`.
    pub(crate) targets: Vec<u32>,
    pub(crate) default_target: Option<u32>,
}

/// One compiled function.
#[derive(Clone, Debug, Default)]
pub(crate) struct FuncCode {
    /// Name for traces and goroutine names (`main.handle`, `main.handle.func1`).
    pub(crate) name: String,
    pub(crate) code: Vec<Op>,
    /// Source line of each instruction.
    pub(crate) lines: Vec<u32>,
    pub(crate) nparams: u16,
    pub(crate) nresults: u16,
    /// Total slots: params, results, then other locals.
    pub(crate) nlocals: u16,
    pub(crate) closures: Vec<ClosureInfo>,
    pub(crate) selects: Vec<SelectInfo>,
    /// Line of the declaration (goroutine creation sites and function entry).
    pub(crate) line: u32,
    /// Whether the function belongs to the built-in prelude (its lines are not the user's).
    pub(crate) prelude: bool,
    /// Bit i set: result i lives in a boxed cell (captured by a closure).
    pub(crate) boxed_results: u64,
    /// The `go` and `defer` instructions Go runs through a wrapper function (see
    /// `compile/go_wrapper.rs`).
    pub(crate) go_wraps: Vec<GoWrap>,
}

/// A `go` or `defer` statement whose call Go runs in a wrapper function `NAME.gowrapN` or
/// `NAME.deferwrapN`: Go's dumps show a goroutine there until it runs, and race reports show
/// the wrapper as the goroutine's outermost frame, or under the deferred call's frames.
#[derive(Clone, Debug)]
pub(crate) struct GoWrap {
    /// The index of the `go` or `defer` instruction.
    pub(crate) pc: u32,
    /// A `defer` statement's wrapper (`deferwrapN`), else a `go` statement's (`gowrapN`).
    pub(crate) defer: bool,
    /// N in `gowrapN` (counted in the enclosing function).
    pub(crate) n: u32,
    /// This wrapper's number in the whole program, from 0: its race frame names function
    /// `funcs.len() + id` (`golite/mod.rs` names it).
    pub(crate) id: u32,
    /// The line of the call's `(`, which Go gives the wrapper's frame: `}(p)` for a function
    /// literal called with arguments.
    pub(crate) line: u32,
}

/// How a method found through an interface gets its receiver.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RecvAdjust {
    /// Pass the dynamic value as is.
    AsIs,
    /// The method has a value receiver and the interface holds a pointer: pass a copy of the pointee.
    Deref,
}

/// The implementation of a method for dynamic dispatch.
#[derive(Clone, Copy, Debug)]
pub(crate) enum MethodImpl {
    Go(FuncId, RecvAdjust),
    Native(Native),
}

/// A compiled program, ready to start.
pub(crate) struct Program {
    pub(crate) types: Types,
    pub(crate) funcs: Vec<FuncCode>,
    pub(crate) consts: Vec<Const>,
    /// Method table for interface calls: (dynamic type, method symbol) -> implementation.
    pub(crate) methods: HashMap<(TypeId, u32), MethodImpl>,
    /// The signature (a func type, no receiver) of each entry of `methods`: a type has an
    /// interface's method only with its name and its signature, as Go's itabs match.
    pub(crate) method_sigs: HashMap<(TypeId, u32), TypeId>,
    /// Method symbols by name.
    pub(crate) syms: HashMap<String, u32>,
    pub(crate) sym_names: Vec<String>,
    pub(crate) nglobals: u32,
    /// Runs package-level variable initializers, then `main.main`.
    pub(crate) entry: FuncId,
    pub(crate) main_line: u32,
    pub(crate) wk: WellKnown,
    /// Static interface type of each concrete type assertion, for Go's panic message.
    pub(crate) assert_src: HashMap<(FuncId, u32), TypeId>,
}

impl Program {
    /// Symbol number of a method name, if any method or interface uses that name.
    pub(crate) fn sym(&self, name: &str) -> Option<u32> {
        self.syms.get(name).copied()
    }
}

/// An operand of [`Op::Const`], as the compiler builds it; the VM makes each a value once per
/// run (so code.rs needs nothing of the VM).
#[derive(Clone, Debug)]
pub(crate) enum Const {
    Float(f64),
    /// A complex128 or complex64 constant (complex64: each part already rounded to float32).
    Complex(f64, f64),
    Str(Rc<str>),
    /// A function value without captures (a top-level function or a library function).
    Func(FuncRef),
}

/// What a function value runs (`pub` because the public [`Value`](crate::golite::Value) carries
/// it).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FuncRef {
    Go(FuncId),
    Native(Native),
}

/// A native function: one the VM runs in Rust. `pkg` numbers the library package that owns it
/// (std/mod.rs's table, 0 for the builtins and VM steps below), `index` the function within that
/// package (its `natives!` list): code.rs names only the natives the compiler and the VM emit
/// themselves, so adding a library function touches its package's file alone. `pub` because
/// the public [`Value`](crate::golite::Value) carries it (in a function value).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Native {
    pub(crate) pkg: u8,
    pub(crate) index: u16,
}

impl Native {
    /// The natives of package 0 (std/builtin.rs), by index.
    const fn builtin(index: u16) -> Native {
        Native { pkg: 0, index }
    }
    pub(crate) const NOP: Native = Native::builtin(0);
    /// Calling a nil function value.
    pub(crate) const NIL_FUNC_CALL: Native = Native::builtin(1);
    pub(crate) const CLOSE: Native = Native::builtin(2);
    pub(crate) const PANIC_VALUE: Native = Native::builtin(3);
    pub(crate) const BUILTIN_PRINT: Native = Native::builtin(4);
    pub(crate) const BUILTIN_PRINTLN: Native = Native::builtin(5);
    pub(crate) const CLEAR: Native = Native::builtin(6);
    /// `sync.Once.Do`, and the two steps the compiler wraps around its function.
    pub(crate) const ONCE_DO: Native = Native::builtin(7);
    pub(crate) const ONCE_BEGIN: Native = Native::builtin(8);
    pub(crate) const ONCE_END: Native = Native::builtin(9);
    /// `[N]T(s)`: [slice, N].
    pub(crate) const SLICE_TO_ARRAY: Native = Native::builtin(10);
    /// context's cancel functions (`CancelFunc`, `CancelCauseFunc`): native closures that hold a
    /// context id as a plain integer, which vm/reach.rs follows. std/context.rs runs them.
    pub(crate) const CTX_CANCEL: Native = Native::builtin(11);
    pub(crate) const CTX_CANCEL_CAUSE: Native = Native::builtin(12);
    /// `(*[N]T)(s)`: [slice, N].
    pub(crate) const SLICE_TO_ARRAY_PTR: Native = Native::builtin(13);
}

/// The library's named types.
#[derive(Clone, Debug, Default)]
pub(crate) struct Std {
    pub(crate) duration: TypeId,
    pub(crate) time: TypeId,
    pub(crate) month: TypeId,
    pub(crate) weekday: TypeId,
    pub(crate) timer: TypeId,
    pub(crate) ticker: TypeId,
    pub(crate) mutex: TypeId,
    pub(crate) rwmutex: TypeId,
    pub(crate) waitgroup: TypeId,
    pub(crate) once: TypeId,
    pub(crate) cond: TypeId,
    pub(crate) locker: TypeId,
    pub(crate) context: TypeId,
    pub(crate) ctx_impl: TypeId,
    pub(crate) cancel_func: TypeId,
    pub(crate) cancel_cause_func: TypeId,
    pub(crate) error_string: TypeId,
    pub(crate) wrap_error: TypeId,
    /// `fmt.wrapErrors`: fmt.Errorf's error with several `%w` (same fields as `wrap_error`).
    pub(crate) wrap_errors: TypeId,
    pub(crate) join_error: TypeId,
    pub(crate) runtime_error: TypeId,
    pub(crate) ctx_deadline_error: TypeId,
    pub(crate) stringified: TypeId,
    pub(crate) builder: TypeId,
    pub(crate) atomic_int64: TypeId,
    pub(crate) atomic_int32: TypeId,
    pub(crate) atomic_bool: TypeId,
    pub(crate) stringer: TypeId,
    pub(crate) empty_struct: TypeId,
    pub(crate) unwrapper: TypeId,
    /// `interface{ Unwrap() []error }`: an error wrapping several (errors.Join's, fmt.Errorf's
    /// with several `%w`, a program's own).
    pub(crate) multi_unwrapper: TypeId,
    /// `sort.Interface`: Len, Less, Swap.
    pub(crate) sort_iface: TypeId,
    /// `interface{ Is(error) bool }`: an error with its own matching for errors.Is.
    pub(crate) isser: TypeId,
    /// `interface{ As(any) bool }`: an error with its own conversion for errors.As.
    pub(crate) aser: TypeId,
}

/// Well-known ids the VM needs at run time.
#[derive(Clone, Debug, Default)]
pub(crate) struct WellKnown {
    pub(crate) runtime_error: TypeId,
    pub(crate) stringified: TypeId,
    pub(crate) sym_error: u32,
    pub(crate) sym_string: u32,
    pub(crate) std: Std,
    pub(crate) error_string_ptr: TypeId,
    pub(crate) wrap_error_ptr: TypeId,
    pub(crate) wrap_errors_ptr: TypeId,
    pub(crate) join_error_ptr: TypeId,
    pub(crate) ctx_ptr: TypeId,
}

/// Calls a library package compiles itself at each use, as the compiler hands them back to the
/// library (std/mod.rs dispatches them): the compiler never looks inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Generic {
    /// fmt-style formatting of the arguments into native `.0` (fmt.Print*, log.Print*); `.1`:
    /// the first argument is a format.
    Fmt(Native, bool),
    /// `fmt.Fprint*(w, ...)`: the writer, then as `Fmt`.
    Fprint(Native, bool),
    /// A library function written in Go (`P.` for its package), compiled at each use.
    Source(&'static str),
    /// The same for a generic function: `$M` (the first argument's type), `$K`/`$V` (its key
    /// and value types) are replaced at each call.
    TypedSource(&'static str),
    /// Compiled by package `pkg` (its `generic_call`); `index` is the package's own number for
    /// the call (its `generics!` list).
    Call(u8, u16),
}

/// Library types made by their packages' `register` (std/os.rs, std/atomic.rs, std/strings.rs), once
/// per compilation.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct MoreTypes {
    /// `os.File` (a struct holding the file descriptor); `os.Stdout` is a `*os.File`.
    pub(crate) os_file: TypeId,
    pub(crate) atomic_uint64: TypeId,
    pub(crate) atomic_uint32: TypeId,
    /// `strings.Replacer`: the old/new pairs.
    pub(crate) replacer: TypeId,
    /// `time.Location` (its name: every time is UTC).
    pub(crate) location: TypeId,
}
