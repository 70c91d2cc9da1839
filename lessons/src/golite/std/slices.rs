//! Go's `slices`: the generic functions, compiled inline per element type, or natives where no Go
//! code runs.

use super::support::*;

natives! {
    Pkg::Slices;
    SlicesReverse,
    SlicesIndex,
    SlicesMax,
    SlicesMin,
    SlicesIsSorted,
    SlicesIsSortedU,
    SlicesClone,
    SlicesCompact,
    SlicesEqual,
    SlicesInsert,
    SlicesDelete,
}

const PATH: &str = "slices";

pub(super) const PACKAGE: Package = Package {
    pkg: Pkg::Slices,
    path: PATH,
    go: GO,
    needs: &["iter"],
    ..Package::NONE
};

/// The member `name` of the package.
pub(super) fn member(_c: &mut Compiler, name: &str) -> Option<Member> {
    let typed = |src: &'static str| Some(Member::Generic(Generic::TypedSource(src)));
    match name {
        "Sort" => Some(Member::Generic(super::sort::G::SlicesSort)),
        "SortFunc" | "SortStableFunc" => Some(Member::Generic(super::sort::G::SlicesSortFunc)),
        "Contains" => Some(Member::Generic(G::SlicesContains)),
        "Index" => Some(Member::Generic(G::SlicesIndex)),
        "Reverse" => Some(Member::Generic(G::SlicesReverse)),
        "Clone" => Some(Member::Generic(G::SlicesClone)),
        "Equal" => Some(Member::Generic(G::SlicesEqual)),
        "Compact" => Some(Member::Generic(G::SlicesCompact)),
        "BinarySearch" => Some(Member::Generic(G::SlicesBinarySearch)),
        "Insert" => Some(Member::Generic(G::SlicesInsert)),
        "Delete" => Some(Member::Generic(G::SlicesDelete)),
        "IndexFunc" => Some(Member::Generic(G::SlicesIndexFunc)),
        "ContainsFunc" => Some(Member::Generic(G::SlicesContainsFunc)),
        "Max" => Some(Member::Generic(G::SlicesMax)),
        "Min" => Some(Member::Generic(G::SlicesMin)),
        "Repeat" => typed(
            "func(x $M, count int) $M { if count < 0 { panic(\"cannot be negative\") }; \
             out := make($M, 0, len(x)*count); for range count { out = append(out, x...) }; return out }",
        ),
        "Concat" => typed(
            "func(ss ...$M) $M { n := 0; for _, s := range ss { n += len(s) }; out := make($M, 0, n); \
             for _, s := range ss { out = append(out, s...) }; return out }",
        ),
        "IsSorted" => Some(Member::Generic(G::SlicesIsSorted)),
        _ => None,
    }
}

/// Runs native `n` on its arguments `a`.
pub(super) fn call(t: &mut GoTask, _cx: &mut Cx<'_, Value>, n: Native, a: &[Value]) -> NRes {
    let arg = |i: usize| a.get(i).cloned().unwrap_or_default();
    match n {
        N::SlicesReverse => {
            if let Value::Slice(o, off, len, _) = arg(0) {
                o.borrow_mut()[off as usize..(off + len) as usize].reverse();
            }
        }
        N::SlicesIndex => {
            let items = slice_items(&arg(0));
            let x = arg(1);
            push!(
                t,
                Value::Int(
                    items
                        .iter()
                        .position(|v| v.equals(&x))
                        .map_or(-1, |i| i as i64)
                )
            );
        }
        N::SlicesMax | N::SlicesMin => {
            let items = slice_items(&arg(0));
            if items.is_empty() {
                return NRes::Panic(format!(
                    "slices.{}: empty list",
                    if n == N::SlicesMax { "Max" } else { "Min" }
                ));
            }
            let mut best = items[0].clone();
            for v in items.into_iter().skip(1) {
                let gt = match (&v, &best) {
                    (Value::Int(a), Value::Int(b)) => a > b,
                    (Value::Float(a), Value::Float(b)) => a > b,
                    (Value::Str(a), Value::Str(b)) => a > b,
                    _ => false,
                };
                let lt = match (&v, &best) {
                    (Value::Int(a), Value::Int(b)) => a < b,
                    (Value::Float(a), Value::Float(b)) => a < b,
                    (Value::Str(a), Value::Str(b)) => a < b,
                    _ => false,
                };
                if (n == N::SlicesMax && gt) || (n == N::SlicesMin && lt) {
                    best = v;
                }
            }
            push!(t, best);
        }
        N::SlicesClone => {
            let v = arg(0);
            match &v {
                Value::Slice(..) => {
                    let items = slice_items(&v);
                    push!(t, Value::slice(items));
                }
                _ => push!(t, Value::Nil),
            }
        }
        N::SlicesCompact => {
            let v = arg(0);
            if let Value::Slice(o, off, len, cap) = &v {
                let items = slice_items(&v);
                let mut out: Vec<Value> = Vec::new();
                for x in items {
                    if !out.last().is_some_and(|l| l.equals(&x)) {
                        out.push(x);
                    }
                }
                let k = out.len();
                let mut b = o.borrow_mut();
                for (i, x) in out.into_iter().enumerate() {
                    b[*off as usize + i] = x;
                }
                drop(b);
                let _ = len;
                push!(t, Value::Slice(o.clone(), *off, k as u32, *cap));
            } else {
                push!(t, v);
            }
        }
        N::SlicesEqual => {
            let (x, y) = (slice_items(&arg(0)), slice_items(&arg(1)));
            push!(
                t,
                Value::Bool(x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| p.equals(q)))
            );
        }
        N::SlicesInsert => {
            let mut items = slice_items(&arg(0));
            let i = arg(1).as_int();
            if i < 0 || i as usize > items.len() {
                return NRes::Panic(format!(
                    "runtime error: slice bounds out of range [{i}:{}]",
                    items.len()
                ));
            }
            let add = slice_items(&arg(2));
            let tail = items.split_off(i as usize);
            items.extend(add);
            items.extend(tail);
            push!(t, Value::slice(items));
        }
        N::SlicesDelete => {
            let v = arg(0);
            let (i, j) = (arg(1).as_int(), arg(2).as_int());
            let items = slice_items(&v);
            if i < 0 || j < i || j as usize > items.len() {
                return NRes::Panic(format!(
                    "runtime error: slice bounds out of range [{i}:{j}]"
                ));
            }
            if let Value::Slice(o, off, len, cap) = &v {
                let mut out = items.clone();
                out.drain(i as usize..j as usize);
                let k = out.len();
                let mut b = o.borrow_mut();
                for (x, val) in out.into_iter().enumerate() {
                    b[*off as usize + x] = val;
                }
                // Go 1.22 zeroes the tail.
                for x in k..*len as usize {
                    let z = match &b[*off as usize + x] {
                        Value::Int(_) => Value::Int(0),
                        Value::Str(_) => strv(""),
                        Value::Float(_) => Value::Float(0.0),
                        Value::Complex(..) => Value::Complex(0.0, 0.0),
                        Value::Bool(_) => Value::Bool(false),
                        _ => Value::Nil,
                    };
                    b[*off as usize + x] = z;
                }
                drop(b);
                push!(t, Value::Slice(o.clone(), *off, k as u32, *cap));
            } else {
                push!(t, v);
            }
        }
        N::SlicesIsSorted | N::SlicesIsSortedU => {
            let items = slice_items(&arg(0));
            let u = n == N::SlicesIsSortedU;
            push!(
                t,
                Value::Bool(
                    items
                        .windows(2)
                        .all(|w| super::cmp::go_cmp(&w[1], &w[0], u) != -1)
                )
            )
        }
        _ => {}
    }
    NRes::Ok
}

generics! {
    Pkg::Slices;
    SlicesReverse,
    SlicesContains,
    SlicesIndex,
    SlicesMax,
    SlicesMin,
    SlicesClone,
    SlicesCompact,
    SlicesEqual,
    SlicesBinarySearch,
    SlicesInsert,
    SlicesDelete,
    SlicesIndexFunc,
    SlicesContainsFunc,
    SlicesIsSorted,
}

/// Compiles one of the package's calls compiled inline; returns the result types pushed.
pub(super) fn generic_call(
    c: &mut Compiler,
    g: Generic,
    args: &[Expr],
    mode: Mode,
    e: &Expr,
) -> R<Vec<TypeId>> {
    match g {
        G::SlicesReverse => {
            need(args, 1, e)?;
            c.expr(&args[0], None)?;
            c.emit(Op::CallNative(N::SlicesReverse, 1));
            Ok(vec![])
        }
        G::SlicesContains | G::SlicesIndex => {
            need(args, 2, e)?;
            let st = c.expr(&args[0], None)?;
            let Kind::Slice(el) = c.types.ukind(st).clone() else {
                return err(args[0].pos, "first argument must be a slice");
            };
            c.value_to(&args[1], el)?;
            c.emit(Op::CallNative(N::SlicesIndex, 2));
            if g == G::SlicesContains {
                c.emit(Op::PushInt(0));
                c.emit(Op::GeI);
                return Ok(vec![ids::BOOL]);
            }
            Ok(vec![ids::INT])
        }
        G::SlicesMax | G::SlicesMin => {
            need(args, 1, e)?;
            let st = c.expr(&args[0], None)?;
            let Kind::Slice(el) = c.types.ukind(st).clone() else {
                return err(args[0].pos, "argument must be a slice");
            };
            require_ordered(c, el, e)?;
            c.emit(Op::CallNative(
                if g == G::SlicesMax {
                    N::SlicesMax
                } else {
                    N::SlicesMin
                },
                1,
            ));
            Ok(vec![el])
        }
        G::SlicesClone | G::SlicesCompact => {
            need(args, 1, e)?;
            let st = c.expr(&args[0], None)?;
            let n = if g == G::SlicesClone {
                N::SlicesClone
            } else {
                N::SlicesCompact
            };
            c.emit(Op::CallNative(n, 1));
            Ok(vec![st])
        }
        G::SlicesEqual => {
            need(args, 2, e)?;
            let st = c.expr(&args[0], None)?;
            c.value_to(&args[1], st)?;
            c.emit(Op::CallNative(N::SlicesEqual, 2));
            Ok(vec![ids::BOOL])
        }
        G::SlicesBinarySearch => {
            need(args, 2, e)?;
            let st = c.expr(&args[0], None)?;
            let Kind::Slice(el) = c.types.ukind(st).clone() else {
                return err(args[0].pos, "first argument must be a slice");
            };
            require_ordered(c, el, e)?;
            c.value_to(&args[1], el)?;
            c.emit(Op::CallNative(super::sort::N::SlicesBinarySearch, 2));
            Ok(vec![ids::INT, ids::BOOL])
        }
        G::SlicesInsert => {
            if args.len() < 2 {
                return err(e.pos, "not enough arguments in call to slices.Insert");
            }
            let st = c.expr(&args[0], None)?;
            let Kind::Slice(el) = c.types.ukind(st).clone() else {
                return err(args[0].pos, "first argument must be a slice");
            };
            c.value_to(&args[1], ids::INT)?;
            for a in &args[2..] {
                c.value_to(a, el)?;
            }
            c.emit(Op::MakeSlice((args.len() - 2) as u32, el));
            c.emit(Op::CallNative(N::SlicesInsert, 3));
            Ok(vec![st])
        }
        G::SlicesDelete => {
            need(args, 3, e)?;
            let st = c.expr(&args[0], None)?;
            c.value_to(&args[1], ids::INT)?;
            c.value_to(&args[2], ids::INT)?;
            c.emit(Op::CallNative(N::SlicesDelete, 3));
            Ok(vec![st])
        }
        G::SlicesIndexFunc | G::SlicesContainsFunc => {
            need(args, 2, e)?;
            let st = c.type_of(&args[0])?;
            let sv = c.temp(st);
            c.expr(&args[0], None)?;
            c.init_var(sv);
            let ft = c.type_of(&args[1])?;
            let fv = c.temp(ft);
            c.value_to(&args[1], ft)?;
            c.init_var(fv);
            let n = c.temp(ids::INT);
            c.load_var(sv);
            c.emit(Op::Len);
            c.init_var(n);
            let i = c.temp(ids::INT);
            c.emit(Op::PushInt(0));
            c.init_var(i);
            let top = c.here();
            c.load_var(i);
            c.load_var(n);
            c.emit(Op::LtI);
            let exit = c.emit(Op::JumpIfNot(0));
            c.load_var(sv);
            c.load_var(i);
            c.emit(Op::Index);
            c.load_var(fv);
            c.emit(Op::CallValue(1));
            let found = c.emit(Op::JumpIf(0));
            c.load_var(i);
            c.emit(Op::PushInt(1));
            c.emit(Op::AddI);
            c.store_var(i);
            c.emit(Op::Jump(top as u32));
            let h = c.here();
            c.patch(exit, h);
            c.emit(Op::PushInt(-1));
            c.store_var(i);
            let h = c.here();
            c.patch(found, h);
            c.load_var(i);
            if g == G::SlicesContainsFunc {
                c.emit(Op::PushInt(0));
                c.emit(Op::GeI);
                return Ok(vec![ids::BOOL]);
            }
            Ok(vec![ids::INT])
        }
        G::SlicesIsSorted => {
            let name = describe_call(e);
            shared_type(c, args, e)?;
            let Some(a) = args.first().filter(|_| args.len() == 1) else {
                return err(
                    e.pos,
                    format!("wrong number of arguments in call to {name}"),
                );
            };
            let st = c.type_of(a)?;
            let el = match c.types.ukind(st) {
                Kind::Slice(el) => *el,
                _ => return err(a.pos, format!("{name} needs a slice")),
            };
            c.value_to(a, st)?;
            let n = if c.types.int_kind(el).is_some_and(IntKind::unsigned) {
                N::SlicesIsSortedU
            } else {
                N::SlicesIsSorted
            };
            c.native_call(n, 1, mode);
            Ok(vec![ids::BOOL])
        }
        _ => err(
            e.pos,
            format!("golite does not support {} yet", describe_call(e)),
        ),
    }
}
/// The type of one of the package's calls compiled inline.
pub(super) fn generic_result(c: &mut Compiler, g: Generic, args: &[Expr], pos: Pos) -> R<TypeId> {
    Ok(match g {
        G::SlicesContains | G::SlicesEqual | G::SlicesContainsFunc | G::SlicesIsSorted => ids::BOOL,
        G::SlicesIndexFunc | G::SlicesIndex => ids::INT,
        G::SlicesBinarySearch => {
            let int_bool = vec![ids::INT, ids::BOOL];
            c.types.tuple(int_bool)
        }
        G::SlicesClone | G::SlicesCompact | G::SlicesInsert | G::SlicesDelete => match args.first()
        {
            Some(a) => c.type_of(a)?,
            None => return err(pos, "not enough arguments"),
        },
        G::SlicesMax | G::SlicesMin => {
            let Some(a) = args.first() else {
                return err(pos, "not enough arguments");
            };
            let t = c.type_of(a)?;
            match c.types.ukind(t) {
                Kind::Slice(e) => *e,
                _ => return err(a.pos, "argument must be a slice"),
            }
        }
        _ => ids::VOID,
    })
}

/// slices' generic functions written in Go as Go's own package writes them (compile/generics.rs
/// makes one instance per element type, as for a program's generic functions).
const GO: &str = r#"
func slicesꞏAll[S ~[]E, E any](s S) iterꞏSeq2[int, E] {
	return func(yield func(int, E) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func slicesꞏBackward[S ~[]E, E any](s S) iterꞏSeq2[int, E] {
	return func(yield func(int, E) bool) {
		for i := len(s) - 1; i >= 0; i-- {
			if !yield(i, s[i]) {
				return
			}
		}
	}
}

func slicesꞏValues[S ~[]E, E any](s S) iterꞏSeq[E] {
	return func(yield func(E) bool) {
		for _, v := range s {
			if !yield(v) {
				return
			}
		}
	}
}

func slicesꞏAppendSeq[S ~[]E, E any](s S, seq iterꞏSeq[E]) S {
	for v := range seq {
		s = append(s, v)
	}
	return s
}

func slicesꞏCollect[E any](seq iterꞏSeq[E]) []E {
	var s []E
	for v := range seq {
		s = append(s, v)
	}
	return s
}

func slicesꞏSorted[E cmpꞏOrdered](seq iterꞏSeq[E]) []E {
	s := slicesꞏCollect(seq)
	slicesꞏ.Sort(s)
	return s
}

func slicesꞏSortedFunc[E any](seq iterꞏSeq[E], cmp func(E, E) int) []E {
	s := slicesꞏCollect(seq)
	slicesꞏ.SortFunc(s, cmp)
	return s
}

func slicesꞏSortedStableFunc[E any](seq iterꞏSeq[E], cmp func(E, E) int) []E {
	s := slicesꞏCollect(seq)
	slicesꞏ.SortStableFunc(s, cmp)
	return s
}

func slicesꞏChunk[S ~[]E, E any](s S, n int) iterꞏSeq[S] {
	if n < 1 {
		panic("cannot be less than 1")
	}
	return func(yield func(S) bool) {
		for i := 0; i < len(s); i += n {
			end := min(n, len(s[i:]))
			if !yield(s[i : i+end : i+end]) {
				return
			}
		}
	}
}

func slicesꞏDeleteFunc[S ~[]E, E any](s S, del func(E) bool) S {
	i := -1
	for j, v := range s {
		if del(v) {
			i = j
			break
		}
	}
	if i == -1 {
		return s
	}
	for j := i + 1; j < len(s); j++ {
		if v := s[j]; !del(v) {
			s[i] = v
			i++
		}
	}
	clear(s[i:])
	return s[:i]
}

func slicesꞏEqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, eq func(E1, E2) bool) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i, v1 := range s1 {
		if !eq(v1, s2[i]) {
			return false
		}
	}
	return true
}

func slicesꞏMinFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E {
	if len(x) < 1 {
		panic("slices.MinFunc: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmp(x[i], m) < 0 {
			m = x[i]
		}
	}
	return m
}

func slicesꞏMaxFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E {
	if len(x) < 1 {
		panic("slices.MaxFunc: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmp(x[i], m) > 0 {
			m = x[i]
		}
	}
	return m
}

func slicesꞏCompactFunc[S ~[]E, E any](s S, eq func(E, E) bool) S {
	if len(s) < 2 {
		return s
	}
	for k := 1; k < len(s); k++ {
		if eq(s[k], s[k-1]) {
			s2 := s[k:]
			for k2 := 1; k2 < len(s2); k2++ {
				if !eq(s2[k2], s2[k2-1]) {
					s[k] = s2[k2]
					k++
				}
			}
			clear(s[k:])
			return s[:k]
		}
	}
	return s
}

func slicesꞏGrow[S ~[]E, E any](s S, n int) S {
	if n < 0 {
		panic("cannot be negative")
	}
	if n -= cap(s) - len(s); n > 0 {
		s = append(s[:cap(s)], make([]E, n)...)[:len(s)]
	}
	return s
}

func slicesꞏClip[S ~[]E, E any](s S) S {
	return s[:len(s):len(s)]
}

func slicesꞏIsSortedFunc[S ~[]E, E any](x S, cmp func(a, b E) int) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp(x[i], x[i-1]) < 0 {
			return false
		}
	}
	return true
}

func slicesꞏBinarySearchFunc[S ~[]E, E, T any](x S, target T, cmp func(E, T) int) (int, bool) {
	n := len(x)
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp(x[h], target) < 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && cmp(x[i], target) == 0
}

func slicesꞏCompareFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, cmp func(E1, E2) int) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return +1
		}
		v2 := s2[i]
		if c := cmp(v1, v2); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}
"#;
