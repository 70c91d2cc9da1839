//! Go's `sort`: `Slice`, `Sort` on a `sort.Interface`, the typed sorts and searches. Sorting
//! compiles inline to an insertion sort (stable, as Go's `SliceStable`); `slices.Sort`/`SortFunc`
//! share it.

use super::support::*;

natives! {
    Pkg::Sort;
    // slices.BinarySearch shares sort.SearchInts's native.
    SlicesBinarySearch,
    SortSlice,
    SortSearch,
}

const PATH: &str = "sort";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Sort,
    path: PATH,
    extra_steps,
    go: GO,
    ..Package::NONE
};

/// The member `name` of the package.
pub(super) fn member(c: &mut Compiler, name: &str) -> Option<Member> {
    let std = c.std.clone();
    let f = |c: &mut Compiler, s: &str, n: Native| Some(Member::Func(n, sig(c, PATH, s)));
    match name {
        "Slice" | "SliceStable" => Some(Member::Generic(G::SortSlice)),
        "Sort" | "Stable" => Some(Member::Generic(G::SortInterface)),
        "Interface" => Some(Member::Type(std.sort_iface)),
        "Ints" => Some(Member::Generic(G::SortInts)),
        "Strings" => Some(Member::Generic(G::SortStrings)),
        "Float64s" => Some(Member::Generic(G::SortFloat64s)),
        "SearchInts" => f(c, "func([]int, int) int", N::SortSearch),
        "SearchStrings" => f(c, "func([]string, string) int", N::SortSearch),
        "IntsAreSorted" => Some(Member::Generic(Generic::Source(
            "func(x []int) bool { for i := len(x) - 1; i > 0; i-- { if x[i] < x[i-1] { return false } }; return true }",
        ))),
        "StringsAreSorted" => Some(Member::Generic(Generic::Source(
            "func(x []string) bool { for i := len(x) - 1; i > 0; i-- { if x[i] < x[i-1] { return false } }; return true }",
        ))),
        "Search" => Some(Member::Generic(Generic::Source(
            "func(n int, f func(int) bool) int { i, j := 0, n; \
             for i < j { h := int(uint(i+j) >> 1); if !f(h) { i = h + 1 } else { j = h } }; return i }",
        ))),
        _ => None,
    }
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, _cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    match n {
        N::SortSlice => {
            if let Value::Slice(o, off, len, _) = arg(0) {
                let mut b = o.borrow_mut();
                let w = &mut b[off as usize..(off + len) as usize];
                w.sort_by(|x, y| match (x, y) {
                    (Value::Int(a), Value::Int(b)) => a.cmp(b),
                    (Value::Float(a), Value::Float(b)) => {
                        a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal)
                    }
                    (Value::Str(a), Value::Str(b)) => a.cmp(b),
                    _ => std::cmp::Ordering::Equal,
                });
            }
        }
        N::SortSearch | N::SlicesBinarySearch => {
            let items = slice_items(&arg(0));
            let x = arg(1);
            let less = |a: &Value, b: &Value| match (a, b) {
                (Value::Str(p), Value::Str(q)) => p < q,
                (Value::Float(p), Value::Float(q)) => p < q,
                _ => a.as_int() < b.as_int(),
            };
            let i = items.partition_point(|v| less(v, &x));
            push!(t, Value::Int(i as i64));
            if n == N::SlicesBinarySearch {
                push!(t, Value::Bool(items.get(i).is_some_and(|v| v.equals(&x))));
            }
        }
        _ => {}
    }
    NRes::Ok
}

/// Emits Go's insertion sort over `n` elements (n on the stack):
/// `for i := 1; i < n; i++ { for j := i; j > 0 && less(j); j-- { swap(j) } }`, where `less`
/// pushes whether element j sorts before element j-1 and `swap` exchanges them. It is stable,
/// and the algorithm Go's sort uses for short inputs, so it makes the same calls in order.
fn insertion_sort(
    c: &mut Compiler,
    less: impl Fn(&mut Compiler, usize),
    swap: impl Fn(&mut Compiler, usize),
) {
    let n = c.temp(ids::INT);
    c.init_var(n);
    let i = c.temp(ids::INT);
    c.emit(Op::PushInt(1));
    c.init_var(i);
    let j = c.temp(ids::INT);
    c.emit(Op::PushInt(0));
    c.init_var(j);
    let outer = c.here();
    c.load_var(i);
    c.load_var(n);
    c.emit(Op::LtI);
    let exit = c.emit(Op::JumpIfNot(0));
    c.load_var(i);
    c.store_var(j);
    let inner = c.here();
    c.load_var(j);
    c.emit(Op::PushInt(0));
    c.emit(Op::GtI);
    let inner_exit = c.emit(Op::JumpIfNot(0));
    less(c, j);
    let inner_exit2 = c.emit(Op::JumpIfNot(0));
    swap(c, j);
    c.load_var(j);
    c.emit(Op::PushInt(1));
    c.emit(Op::SubI);
    c.store_var(j);
    c.emit(Op::Jump(inner as u32));
    let after_inner = c.here();
    c.patch(inner_exit, after_inner);
    c.patch(inner_exit2, after_inner);
    c.load_var(i);
    c.emit(Op::PushInt(1));
    c.emit(Op::AddI);
    c.store_var(i);
    c.emit(Op::Jump(outer as u32));
    let end = c.here();
    c.patch(exit, end);
}

generics! {
    Pkg::Sort;
    SortSlice,
    SortInterface,
    SortInts,
    SortStrings,
    SortFloat64s,
    SlicesSortFunc,
    SlicesSort,
}

/// Compiles one of the package's calls compiled inline; returns the result types pushed.
pub(super) fn generic_call(
    c: &mut Compiler,
    g: Generic,
    args: &[Expr],
    _mode: Mode,
    e: &Expr,
) -> R<Vec<TypeId>> {
    match g {
        G::SortSlice | G::SlicesSortFunc => {
            need(args, 2, e)?;
            let st = c.type_of(&args[0])?;
            let Kind::Slice(el) = c.types.ukind(st).clone() else {
                return err(
                    args[0].pos,
                    format!("{} is not a slice", describe(&args[0])),
                );
            };
            let sv = c.temp(st);
            c.expr(&args[0], None)?;
            if g == G::SortSlice && c.types.is_interface(st) {
                c.emit(Op::IfaceValue);
            }
            c.init_var(sv);
            let ft = if g == G::SlicesSortFunc {
                let want = c.types.func(vec![el, el], vec![ids::INT], false);
                c.func_arg_type(&args[1], want)?
            } else {
                c.type_of(&args[1])?
            };
            let fv = c.temp(ft);
            c.value_to(&args[1], ft)?;
            c.init_var(fv);
            c.load_var(sv);
            c.emit(Op::Len);
            let tmp = c.temp(el);
            insertion_sort(
                c,
                |c, j| {
                    if g == G::SortSlice {
                        // less(j, j-1)
                        c.load_var(j);
                        c.load_var(j);
                        c.emit(Op::PushInt(1));
                        c.emit(Op::SubI);
                        c.load_var(fv);
                        c.emit(Op::CallValue(2));
                    } else {
                        // cmp(s[j], s[j-1]) < 0
                        for k in [0, 1] {
                            c.load_var(sv);
                            c.load_var(j);
                            if k == 1 {
                                c.emit(Op::PushInt(1));
                                c.emit(Op::SubI);
                            }
                            c.emit(Op::Index);
                        }
                        c.load_var(fv);
                        c.emit(Op::CallValue(2));
                        c.emit(Op::PushInt(0));
                        c.emit(Op::LtI);
                    }
                },
                |c, j| {
                    // s[j], s[j-1] = s[j-1], s[j]
                    c.load_var(sv);
                    c.load_var(j);
                    c.emit(Op::Index);
                    c.init_var(tmp);
                    c.load_var(sv);
                    c.load_var(j);
                    c.load_var(sv);
                    c.load_var(j);
                    c.emit(Op::PushInt(1));
                    c.emit(Op::SubI);
                    c.emit(Op::Index);
                    c.emit(Op::SetIndex);
                    c.load_var(sv);
                    c.load_var(j);
                    c.emit(Op::PushInt(1));
                    c.emit(Op::SubI);
                    c.load_var(tmp);
                    c.emit(Op::SetIndex);
                },
            );
            Ok(vec![])
        }
        G::SortInterface => {
            // Insertion sort through the interface: what Go's sort.Sort does for fewer than 13
            // elements (and sort.Stable for fewer than 21), call for call; for longer inputs Go
            // switches to pdqsort, so equal elements may end in another order than Go's.
            need(args, 1, e)?;
            let it = c.std.sort_iface;
            let dv = c.temp(it);
            c.value_to(&args[0], it)?;
            c.init_var(dv);
            let (len, less, swap) = (c.sym("Len"), c.sym("Less"), c.sym("Swap"));
            c.load_var(dv);
            c.emit(Op::CallIface(len, 0));
            // data.Less(j, j-1), data.Swap(j, j-1)
            let call = move |c: &mut Compiler, j: usize, sym: u32| {
                c.load_var(dv);
                c.load_var(j);
                c.load_var(j);
                c.emit(Op::PushInt(1));
                c.emit(Op::SubI);
                c.emit(Op::CallIface(sym, 2));
            };
            insertion_sort(c, |c, j| call(c, j, less), |c, j| call(c, j, swap));
            Ok(vec![])
        }
        G::SortInts | G::SortStrings | G::SortFloat64s | G::SlicesSort => {
            need(args, 1, e)?;
            let t = c.expr(&args[0], None)?;
            // slices.Sort's E is constrained by cmp.Ordered (complex numbers are not ordered).
            if g == G::SlicesSort
                && let Kind::Slice(el) = c.types.ukind(t).clone()
            {
                require_ordered(c, el, e)?;
            }
            c.emit(Op::CallNative(N::SortSlice, 1));
            Ok(vec![])
        }
        _ => err(
            e.pos,
            format!("golite does not support {} yet", describe_call(e)),
        ),
    }
}

/// Steps a sort costs beyond the bytes it reads and writes: about 4 steps an element
/// (`work_in` being 4 bytes an element).
fn extra_steps(n: Native, work_in: u64, _work_out: u64) -> u64 {
    if n == N::SortSlice { work_in } else { 0 }
}

/// sort.Reverse and the slice types IntSlice, StringSlice and Float64Slice, written in Go
/// (std/mod.rs's `go_source`) as Go has them.
const GO: &str = r#"
type sortꞏreverse struct{ sortꞏ.Interface }

func (r sortꞏreverse) Less(i, j int) bool { return r.Interface.Less(j, i) }

func sortꞏReverse(data sortꞏ.Interface) sortꞏ.Interface { return &sortꞏreverse{data} }

type sortꞏIntSlice []int

func (x sortꞏIntSlice) Len() int           { return len(x) }
func (x sortꞏIntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x sortꞏIntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }
func (x sortꞏIntSlice) Sort()              { sortꞏ.Sort(x) }
func (x sortꞏIntSlice) Search(v int) int   { return sortꞏ.SearchInts(x, v) }

type sortꞏStringSlice []string

func (x sortꞏStringSlice) Len() int             { return len(x) }
func (x sortꞏStringSlice) Less(i, j int) bool   { return x[i] < x[j] }
func (x sortꞏStringSlice) Swap(i, j int)        { x[i], x[j] = x[j], x[i] }
func (x sortꞏStringSlice) Sort()                { sortꞏ.Sort(x) }
func (x sortꞏStringSlice) Search(v string) int { return sortꞏ.SearchStrings(x, v) }

type sortꞏFloat64Slice []float64

func (x sortꞏFloat64Slice) Len() int { return len(x) }
func (x sortꞏFloat64Slice) Less(i, j int) bool {
	return x[i] < x[j] || (x[i] != x[i] && x[j] == x[j])
}
func (x sortꞏFloat64Slice) Swap(i, j int) { x[i], x[j] = x[j], x[i] }
func (x sortꞏFloat64Slice) Sort()         { sortꞏ.Sort(x) }
"#;
