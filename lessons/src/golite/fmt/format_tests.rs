//! The formatting engine's case table: each case's expected text is what real Go printed
//! (the Go program that produced it is kept below, beside the cases).

use super::*;

/// A test value: enough shapes to mirror the Go program the expectations come from.
enum V {
    Nil,
    NilIface(&'static str),
    Bool(bool),
    Int(i64, &'static str),
    Uint(u64, &'static str),
    F32(f32),
    F64(f64),
    Str(&'static str, &'static str),
    Bytes(Option<Vec<u8>>),
    Ptr(&'static str, u64, Option<Box<V>>),
    Struct(&'static str, Vec<(&'static str, V)>),
    Slice(&'static str, Option<Vec<V>>),
    Array(&'static str, Vec<V>),
    Map(&'static str, Option<Vec<(V, V)>>),
    Chan(&'static str, u64),
    /// A value of a named type with `Error()` or `String()`.
    Methods {
        inner: Box<V>,
        error: Option<String>,
        string: Option<String>,
    },
}

impl FmtValue for V {
    fn kind(&self) -> Kind<'_> {
        match self {
            V::Nil | V::NilIface(_) => Kind::Nil,
            V::Bool(b) => Kind::Bool(*b),
            V::Int(v, _) => Kind::Int(*v),
            V::Uint(v, _) => Kind::Uint(*v),
            V::F32(v) => Kind::Float32(*v),
            V::F64(v) => Kind::Float64(*v),
            V::Str(s, _) => Kind::Str(Cow::Borrowed(s)),
            V::Bytes(b) => Kind::Bytes {
                nil: b.is_none(),
                array: false,
                data: Cow::Borrowed(b.as_deref().unwrap_or(&[])),
            },
            V::Ptr(_, addr, elem) => Kind::Pointer {
                addr: *addr,
                elem: elem.as_deref().map(child),
            },
            V::Struct(_, fields) => Kind::Struct(
                fields
                    .iter()
                    .map(|(n, v)| (Cow::Borrowed(*n), child(v)))
                    .collect(),
            ),
            V::Slice(_, items) => Kind::Slice {
                nil: items.is_none(),
                addr: 0xc000020000,
                items: items.iter().flatten().map(child).collect(),
            },
            V::Array(_, items) => Kind::Array(items.iter().map(child).collect()),
            V::Map(_, entries) => Kind::Map {
                nil: entries.is_none(),
                addr: 0xc000030000,
                entries: entries
                    .iter()
                    .flatten()
                    .map(|(k, v)| (child(k), child(v)))
                    .collect(),
            },
            V::Chan(_, addr) => Kind::Chan(*addr),
            V::Methods { inner, .. } => inner.kind(),
        }
    }

    fn type_name(&self) -> String {
        match self {
            V::Nil => "<nil>".into(),
            V::NilIface(t) => (*t).into(),
            V::Bool(_) => "bool".into(),
            V::Int(_, t) | V::Uint(_, t) | V::Str(_, t) => (*t).into(),
            V::F32(_) => "float32".into(),
            V::F64(_) => "float64".into(),
            V::Bytes(_) => "[]uint8".into(),
            V::Ptr(t, ..)
            | V::Struct(t, _)
            | V::Slice(t, _)
            | V::Array(t, _)
            | V::Map(t, _)
            | V::Chan(t, _) => (*t).into(),
            V::Methods { inner, .. } => inner.type_name(),
        }
    }

    fn error(&self) -> Option<String> {
        match self {
            V::Methods { error, .. } => error.clone(),
            _ => None,
        }
    }

    fn string(&self) -> Option<String> {
        match self {
            V::Methods { string, .. } => string.clone(),
            _ => None,
        }
    }
}

fn child(v: &V) -> Child<'_> {
    v
}

fn point(x: i64, y: i64) -> V {
    V::Struct(
        "main.Point",
        vec![("X", V::Int(x, "int")), ("Y", V::Int(y, "int"))],
    )
}

fn errors_new(msg: &'static str) -> V {
    V::Methods {
        inner: Box::new(V::Ptr(
            "*errors.errorString",
            0xc000014000,
            Some(Box::new(V::Struct(
                "errors.errorString",
                vec![("s", V::Str(msg, "string"))],
            ))),
        )),
        error: Some(msg.to_string()),
        string: None,
    }
}

fn state(n: i64) -> V {
    V::Methods {
        inner: Box::new(V::Int(n, "main.State")),
        error: None,
        string: Some(format!("S{n}")),
    }
}

fn wrap(msg: Option<&'static str>) -> V {
    let err = match msg {
        Some(m) => errors_new(m),
        None => V::NilIface("error"),
    };
    V::Struct("main.Wrap", vec![("Err", err)])
}

fn hidden(n: i64) -> V {
    V::Struct("main.hidden", vec![("s", state(n))])
}

enum Call {
    Printf,
    Errorf,
    Sprint,
    Sprintln,
}

/// The Go program the expectations below were generated from: it prints each case, in the
/// same order, as one JSON string per line (`matches_go_program_when_go_is_available` reruns
/// it).
const GO_PROGRAM: &str = r##"package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
)

type Point struct{ X, Y int }

type State int

func (s State) String() string { return fmt.Sprintf("S%d", int(s)) }

type Wrap struct{ Err error }

type hidden struct{ s State }

type Name string

var _ = math.Pi

func out(s string) { b, _ := json.Marshal(s); fmt.Println(string(b)) }

func main() {
	out(fmt.Sprintf("%d", 42))
	out(fmt.Sprintf("%5d", 42))
	out(fmt.Sprintf("%-5d|", 42))
	out(fmt.Sprintf("%05d", 42))
	out(fmt.Sprintf("%+d", 42))
	out(fmt.Sprintf("% d", 42))
	out(fmt.Sprintf("%x", 42))
	out(fmt.Sprintf("%X", 42))
	out(fmt.Sprintf("%#x", 42))
	out(fmt.Sprintf("%o", 42))
	out(fmt.Sprintf("%#o", 42))
	out(fmt.Sprintf("%O", 42))
	out(fmt.Sprintf("%b", 42))
	out(fmt.Sprintf("%#b", 42))
	out(fmt.Sprintf("%c", 42))
	out(fmt.Sprintf("%q", 42))
	out(fmt.Sprintf("%U", 42))
	out(fmt.Sprintf("%#U", 42))
	out(fmt.Sprintf("%.3d", 42))
	out(fmt.Sprintf("%8.3d", 42))
	out(fmt.Sprintf("%08.3d", 42))
	out(fmt.Sprintf("%v", 42))
	out(fmt.Sprintf("%#v", 42))
	out(fmt.Sprintf("%t", 42))
	out(fmt.Sprintf("%s", 42))
	out(fmt.Sprintf("%e", 42))
	out(fmt.Sprintf("%+05d", 42))
	out(fmt.Sprintf("%-08d|", 42))
	out(fmt.Sprintf("%x", 42))
	out(fmt.Sprintf("%d", (-42)))
	out(fmt.Sprintf("%05d", (-42)))
	out(fmt.Sprintf("%x", (-42)))
	out(fmt.Sprintf("%+d", (-42)))
	out(fmt.Sprintf("% d", (-42)))
	out(fmt.Sprintf("%b", (-42)))
	out(fmt.Sprintf("%o", (-42)))
	out(fmt.Sprintf("%d %d", int64(-9223372036854775808), uint64(18446744073709551615)))
	out(fmt.Sprintf("%v %#v %x", uint8(255), uint8(255), uint8(255)))
	out(fmt.Sprintf("%.0d|%5.0d|", 0, 0))
	out(fmt.Sprintf("%c|%c|%q|%q|%U", int32(19990), int32(65), int32(39), int32(10), int32(128512)))
	out(fmt.Sprintf("%#q %+q", int32(19990), int32(19990)))
	out(fmt.Sprintf("%v", float64(12.34567)))
	out(fmt.Sprintf("%f", float64(12.34567)))
	out(fmt.Sprintf("%.2f", float64(12.34567)))
	out(fmt.Sprintf("%8.3f", float64(12.34567)))
	out(fmt.Sprintf("%-8.3f|", float64(12.34567)))
	out(fmt.Sprintf("%08.3f", float64(12.34567)))
	out(fmt.Sprintf("%+.1f", float64(12.34567)))
	out(fmt.Sprintf("%e", float64(12.34567)))
	out(fmt.Sprintf("%E", float64(12.34567)))
	out(fmt.Sprintf("%.3e", float64(12.34567)))
	out(fmt.Sprintf("%g", float64(12.34567)))
	out(fmt.Sprintf("%G", float64(12.34567)))
	out(fmt.Sprintf("%.3g", float64(12.34567)))
	out(fmt.Sprintf("%10.4g|", float64(12.34567)))
	out(fmt.Sprintf("%#g", float64(12.34567)))
	out(fmt.Sprintf("%#.3g", float64(12.34567)))
	out(fmt.Sprintf("%#v", float64(12.34567)))
	out(fmt.Sprintf("%x", float64(12.34567)))
	out(fmt.Sprintf("%b", float64(12.34567)))
	out(fmt.Sprintf("%s", float64(12.34567)))
	out(fmt.Sprintf("%d", float64(12.34567)))
	out(fmt.Sprintf("% f", float64(12.34567)))
	out(fmt.Sprintf("%+e", float64(12.34567)))
	out(fmt.Sprintf("%v|%g|%f|%e|%.2g", float64(0.0), float64(0.0), float64(0.0), float64(0.0), float64(0.0)))
	out(fmt.Sprintf("%v|%g|%f|%e|%.2g", float64(1.0), float64(1.0), float64(1.0), float64(1.0), float64(1.0)))
	out(fmt.Sprintf("%v|%g|%f|%e|%.2g", float64(100000.0), float64(100000.0), float64(100000.0), float64(100000.0), float64(100000.0)))
	out(fmt.Sprintf("%v|%g|%f|%e|%.2g", float64(1000000.0), float64(1000000.0), float64(1000000.0), float64(1000000.0), float64(1000000.0)))
	out(fmt.Sprintf("%v|%g|%f|%e|%.2g", float64(1e21), float64(1e21), float64(1e21), float64(1e21), float64(1e21)))
	out(fmt.Sprintf("%v|%g|%f|%e|%.2g", float64(1e20), float64(1e20), float64(1e20), float64(1e20), float64(1e20)))
	out(fmt.Sprintf("%v|%g|%f|%e|%.2g", float64(0.0001), float64(0.0001), float64(0.0001), float64(0.0001), float64(0.0001)))
	out(fmt.Sprintf("%v|%g|%f|%e|%.2g", float64(0.00001), float64(0.00001), float64(0.00001), float64(0.00001), float64(0.00001)))
	out(fmt.Sprintf("%v|%g|%f|%e|%.2g", float64(123456789.0), float64(123456789.0), float64(123456789.0), float64(123456789.0), float64(123456789.0)))
	out(fmt.Sprintf("%v|%g|%f|%e|%.2g", float64(1.5e-7), float64(1.5e-7), float64(1.5e-7), float64(1.5e-7), float64(1.5e-7)))
	out(fmt.Sprintf("%v|%g|%f|%e|%.2g", float64(-2.5), float64(-2.5), float64(-2.5), float64(-2.5), float64(-2.5)))
	out(fmt.Sprintf("%v|%g|%f|%e|%.2g", float64(2.5), float64(2.5), float64(2.5), float64(2.5), float64(2.5)))
	out(fmt.Sprintf("%v|%g|%f|%e|%.2g", float64(0.1), float64(0.1), float64(0.1), float64(0.1), float64(0.1)))
	out(fmt.Sprintf("%v|%g|%f|%e|%.2g", float64(1e100), float64(1e100), float64(1e100), float64(1e100), float64(1e100)))
	out(fmt.Sprintf("%v|%g|%f|%e|%.2g", float64(5e-324), float64(5e-324), float64(5e-324), float64(5e-324), float64(5e-324)))
	out(fmt.Sprintf("%v|%g|%f|%e|%.2g", float64(1.7976931348623157e308), float64(1.7976931348623157e308), float64(1.7976931348623157e308), float64(1.7976931348623157e308), float64(1.7976931348623157e308)))
	out(fmt.Sprintf("%v %v %.2f %g", float32(0.1), float32(3.4028235e38), float32(2.675), float32(1e-7)))
	out(fmt.Sprintf("%v %f %5.1f %+v %05.1f|%-6v|", float64(math.Inf(1)), float64(math.Inf(-1)), float64(math.NaN()), float64(math.NaN()), float64(math.Inf(1)), float64(math.NaN())))
	out(fmt.Sprintf("%.1f %.1f %.1f %.0f %.0f", float64(0.05), float64(0.15), float64(0.25), float64(0.5), float64(1.5)))
	out(fmt.Sprintf("%v %.1f %+g", float64(math.Copysign(0, -1)), float64(math.Copysign(0, -1)), float64(math.Copysign(0, -1))))
	out(fmt.Sprintf("%#.0f %#.0e %#x", float64(3), float64(3), float64(1)))
	out(fmt.Sprintf("%x %X %.3x %b", float64(1), float64(-0.5), float64(12.34567), float32(1)))
	out(fmt.Sprintf("%s", "héllo"))
	out(fmt.Sprintf("%q", "héllo"))
	out(fmt.Sprintf("%v", "héllo"))
	out(fmt.Sprintf("%#v", "héllo"))
	out(fmt.Sprintf("%x", "héllo"))
	out(fmt.Sprintf("%X", "héllo"))
	out(fmt.Sprintf("% x", "héllo"))
	out(fmt.Sprintf("%# x", "héllo"))
	out(fmt.Sprintf("%#x", "héllo"))
	out(fmt.Sprintf("%10s|", "héllo"))
	out(fmt.Sprintf("%-10s|", "héllo"))
	out(fmt.Sprintf("%.2s", "héllo"))
	out(fmt.Sprintf("%5.1s|", "héllo"))
	out(fmt.Sprintf("%d", "héllo"))
	out(fmt.Sprintf("%010s", "héllo"))
	out(fmt.Sprintf("%+q", "héllo"))
	out(fmt.Sprintf("%#q", "héllo"))
	out(fmt.Sprintf("%T", "héllo"))
	out(fmt.Sprintf("%c", "héllo"))
	out(fmt.Sprintf("%q %q %q %#q %#q", "a\"b\\c\n\t\u0001\x7f", "", "\u00a0\u200b\ufeff", "back`tick", "ok"))
	out(fmt.Sprintf("%+q %q", "日本😀", "日本😀"))
	out(fmt.Sprintf("%s %v %d %x %X %q", []byte("hi"), []byte("hi"), []byte("hi"), []byte("hi"), []byte("hi"), []byte("hi")))
	out(fmt.Sprintf("%#v %#v %s|", []byte("hi"), []byte(nil), []byte(nil)))
	out(fmt.Sprintf("%v|%s|%x|%5x|%-5x|", "", "", "", "", ""))
	out(fmt.Sprintf("%t %v %5t %-6t| %d %s %#v", true, false, true, false, true, true, false))
	out(fmt.Sprintf("%v %d %s %T", nil, nil, nil, nil))
	out(fmt.Sprintf("%d %d", 1))
	out(fmt.Sprintf("%d", 1, 2, "x", nil))
	out(fmt.Sprintf(fmtstr("%!")))
	out(fmt.Sprintf(fmtstr("%"), 1))
	out(fmt.Sprintf("%z %5z", 3, "s"))
	out(fmt.Sprintf(fmtstr("%-"), 1))
	out(fmt.Sprintf("100%% %d%%", 5))
	out(fmt.Sprintf("%*d|%-*d|%.*f|%*s", 5, 42, 5, 42, 2, float64(12.34567), (-4), "ab"))
	out(fmt.Sprintf("%*d", "x", 1))
	out(fmt.Sprintf("%.*d", "x", 1))
	out(fmt.Sprintf(fmtstr("%w"), errors.New("wrapped")))
	out(fmt.Errorf(fmtstr("op %d: %w"), 3, errors.New("disk full")).Error())
	out(fmt.Errorf(fmtstr("%w and %w"), errors.New("a"), errors.New("b")).Error())
	out(fmt.Errorf(fmtstr("%w"), 1).Error())
	out(fmt.Errorf(fmtstr("%w"), nil).Error())
	out(fmt.Errorf(fmtstr("%v %w"), errors.New("plain"), errors.New("wrapped")).Error())
	out(fmt.Sprintf(fmtstr("%[1]d"), 1))
	out(fmt.Sprintf(fmtstr("%[2]d %[1]d"), 1, 2))
	out(fmt.Sprintf(fmtstr("%[3]d %d"), 1, 2, 3))
	out(fmt.Sprintf(fmtstr("%[5]d|%[0]d|%[x]d|%[1]"), 1))
	out(fmt.Sprintf(fmtstr("%[1]*d|%[2]*[1]d"), 3, 7))
	out(fmt.Sprintf(fmtstr("%d %d %[1]d %d"), 1, 2))
	out(fmt.Sprintf(fmtstr("%5.2%|")))
	out(fmt.Sprintf("%v", Point{1, -2}))
	out(fmt.Sprintf("%+v", Point{1, -2}))
	out(fmt.Sprintf("%#v", Point{1, -2}))
	out(fmt.Sprintf("%d", Point{1, -2}))
	out(fmt.Sprintf("%s", Point{1, -2}))
	out(fmt.Sprintf("%x", Point{1, -2}))
	out(fmt.Sprintf("%T", Point{1, -2}))
	out(fmt.Sprintf("%5v", Point{1, -2}))
	out(fmt.Sprintf("%05d", Point{1, -2}))
	out(fmt.Sprintf("%v", &Point{3, 4}))
	out(fmt.Sprintf("%+v", &Point{3, 4}))
	out(fmt.Sprintf("%#v", &Point{3, 4}))
	out(fmt.Sprintf("%T", &Point{3, 4}))
	out(fmt.Sprintf("%d", &Point{3, 4}))
	out(fmt.Sprintf("%s", &Point{3, 4}))
	out(fmt.Sprintf("%v", (*Point)(nil)))
	out(fmt.Sprintf("%+v", (*Point)(nil)))
	out(fmt.Sprintf("%#v", (*Point)(nil)))
	out(fmt.Sprintf("%d", (*Point)(nil)))
	out(fmt.Sprintf("%T", (*Point)(nil)))
	out(fmt.Sprintf("%s", (*Point)(nil)))
	out(fmt.Sprintf("%v", []int{1, 20, 300}))
	out(fmt.Sprintf("%d", []int{1, 20, 300}))
	out(fmt.Sprintf("%x", []int{1, 20, 300}))
	out(fmt.Sprintf("%#v", []int{1, 20, 300}))
	out(fmt.Sprintf("%T", []int{1, 20, 300}))
	out(fmt.Sprintf("%03d", []int{1, 20, 300}))
	out(fmt.Sprintf("%q", []int{1, 20, 300}))
	out(fmt.Sprintf("%s", []int{1, 20, 300}))
	out(fmt.Sprintf("%v %#v %d", []int(nil), []int(nil), []int{}))
	out(fmt.Sprintf("%v %q %#v %x %s %5s|", []string{"a", "b c"}, []string{"a", "b c"}, []string{"a", "b c"}, []string{"a", "b c"}, []string{"a", "b c"}, []string{"a", "b"}))
	out(fmt.Sprintf("%v %#v %T", [3]int{1, 2, 3}, [3]int{1, 2, 3}, [3]int{1, 2, 3}))
	out(fmt.Sprintf("%v %#v %d %T", map[string]int{"zeta": 1, "alpha": 2, "mid": 3}, map[string]int{"b": 1, "a": 2}, map[string]int{"b": 1, "a": 2}, map[string]int{"b": 1}))
	out(fmt.Sprintf("%v %v", map[int]string{10: "ten", -1: "neg", 2: "two"}, map[string]int(nil)))
	out(fmt.Sprintf("%#v %v", map[string]int(nil), map[string]int{}))
	out(fmt.Sprintf("%v %+v %s %d %q %x %T %#v", errors.New("boom"), errors.New("boom"), errors.New("boom"), errors.New("boom"), errors.New("boom"), errors.New("boom"), errors.New("boom"), errors.New("boom")))
	out(fmt.Sprintf("%v %d %s %x %q %T %#v %5v| %-5s|", State(2), State(2), State(2), State(2), State(2), State(2), State(2), State(2), State(2)))
	out(fmt.Sprintf("%v %+v %s", Wrap{Err: errors.New("inner")}, Wrap{Err: errors.New("inner")}, Wrap{Err: errors.New("inner")}))
	out(fmt.Sprintf("%v %+v %#v", Wrap{}, Wrap{}, Wrap{}))
	out(fmt.Sprintf("%v %+v %#v", hidden{s: State(3)}, hidden{s: State(3)}, hidden{s: State(3)}))
	out(fmt.Sprintf("%v %d %s", []State{State(1), State(2)}, []State{State(1), State(2)}, []State{State(1), State(2)}))
	out(fmt.Sprintf("%v %d %#v", []any{1, "a", nil, float64(2.5)}, []any{1, "a", nil}, []any{1, "a", nil}))
	out(fmt.Sprintf("%v %p %d %#v %T", (chan int)(nil), (chan int)(nil), (chan int)(nil), (chan int)(nil), (chan int)(nil)))
	out(fmt.Sprintf("%p %d", 1, (*Point)(nil)))
	out(fmt.Sprintf("%s %v %q %x %T", Name("n"), Name("n"), Name("n"), Name("n"), Name("n")))
	out(fmt.Sprintf("%6.2v|%-8v|%08v|", float64(12.34567), Point{1, 2}, (-7)))
	out(fmt.Sprintf("%v", map[string]int{"a": 1}))
	out(fmt.Sprint(1, 2, "a", "b", 3, float64(4.5), "c", nil, nil, true))
	out(fmt.Sprint("a", 1, 2, "b"))
	out(fmt.Sprint(Name("x"), 1, State(1), 2, errors.New("e"), "s"))
	out(fmt.Sprint())
	out(fmt.Sprintln(1, "a", nil, Point{1, 2}, []int{1}, errors.New("e"), State(3)))
	out(fmt.Sprintln())
	out(fmt.Sprintf("%x %X %#x %o %b", (-255), (-255), (-255), (-8), (-5)))
	out(fmt.Sprintf("%x|%X|% x|%#X", uint32(3735928559), uint32(3735928559), uint32(3735928559), uint32(3735928559)))
	out(fmt.Sprintf("%c|%c|%q|%U|%#U|%.6U", int32(-1), int32(1114112), int32(1114112), int32(128512), int32(128512), int32(65)))
	out(fmt.Sprintf("%5s|%-5s|%5q|%.1q|%x", "日本", "日本", "日本", "日本", "日本"))
	out(fmt.Sprintf("%08.3f|%-8.2f|%+08.2f|% 08.2f|%+.3e|%.0e", float64(-3.5), float64(-3.5), float64(3.5), float64(3.5), float64(123456.789), float64(5.5)))
	out(fmt.Sprintf("%g|%g|%g|%g|%G|%.10g", float64(1e-05), float64(123456789012.0), float64(1.2345e-05), float64(1e+300), float64(1e-300), float64(0.3333333333333333)))
	out(fmt.Sprintf("%v|%.3v|%10.3v|%-10v|", float64(0.6666666666666666), float64(0.6666666666666666), float64(0.6666666666666666), float64(0.6666666666666666)))
	out(fmt.Sprintf("%v %v %v %v", float32(1.1), float32(16777217), float32(10000000000.0), float32(-0.25)))
	out(fmt.Sprintf("%e %f %g", float32(1.1), float32(1.1), float32(1.1)))
	out(fmt.Sprintf("%6.2f%%|%3c|%-4c|", float64(99.5), int32(65), int32(66)))
	out(fmt.Sprintf("%t|%5t|%q", "true", true, true))
	out(fmt.Sprintf("%d|%s|%v", []string{"a"}, []int{1, 2}, []string{}))
	out(fmt.Sprintf("%x|%X|% x", []string{"hi", "yo"}, []int{10, 255}, []int{10, 255}))
	out(fmt.Sprintf("%v|%+v|%#v", []any{Point{1, 2}, (*Point)(nil)}, []any{Point{1, 2}}, []any{Point{1, 2}}))
	out(fmt.Sprintf("%v|%d|%+v", map[int]string{3: "c", 1: "a"}, map[int]string{3: "c"}, map[string]int{"k": 1}))
	out(fmt.Sprintf("%v %v", map[string]int{"b": 2, "a": 1, "c": 3, "A": 0, "_": 9}, map[int]string{0: "z", -10: "m", 10: "p"}))
	out(fmt.Sprintf("%08v|%-8v|%8v", "ab", (-5), false))
	out(fmt.Sprintf("%s|%v|%d", errors.New(""), State(0), State(-1)))
	out(fmt.Sprintf("%6v|%-6v|%6s", errors.New("e"), State(7), State(7)))
	out(fmt.Sprintf("%v %s", []any{errors.New("x"), State(5)}, []any{errors.New("x"), State(5)}))
	out(fmt.Sprintf("%v|%+v", hidden{s: State(9)}, []any{hidden{s: State(9)}}))
	out(fmt.Sprintf("%3d|%-3d|%03d", []int{1, 22}, []int{1, 22}, []int{1, 22}))
	out(fmt.Sprintf("%.2f|%5.1f", []any{float64(1.234), float64(5.678)}, []int{1}))
	out(fmt.Sprintf("%T %T %T %T %T %T", int8(1), uint16(1), float32(1), []byte("a"), []any{1}, map[int]string{1: "a"}))
	out(fmt.Sprintf("%d %d %d", int8(127), int8(-128), uint16(65535)))
	out(fmt.Sprintf("%v %v", uint64(18446744073709551615), int64(9223372036854775807)))
	out(fmt.Sprintf("%#o %#x %#X %#b %O", 0, 0, 0, 0, 0))
	out(fmt.Sprintf("%+d|% d|%+ d|%x", 0, 0, 0, 0))
	out(fmt.Sprintf("%q %q %+q %#q", int32(9786), int32(7), int32(9786), int32(96)))
	out(fmt.Sprintf("%s %q", "tab\there", "tab\there"))
	out(fmt.Sprintf("%x % X %#x", []byte("\u0000ÿ"), []byte("ab"), []byte("")))
	out(fmt.Sprintf("%v %s", []any{nil}, []any{}))
	out(fmt.Sprintf("%5.2v|%.0v|%.1v", "hello", "hello", Point{12, 34}))
	out(fmt.Sprintf("%v|%v", float64(1000000.0), float64(1e-06)))
	out(fmt.Sprintf("%v|%v|%v", float64(100000000.0), float64(123456.0), float64(1234567.0)))
	out(fmt.Sprintf("%.3g|%.3g|%.3g|%.1g", float64(1234.5), float64(0.00012345), float64(100.0), float64(0.05)))
	out(fmt.Sprintf("%#.3x %#.3b", float64(1.0), float64(2.0)))
	out(fmt.Sprint(float64(1.5), float64(2), 3, []byte("x")))
	out(fmt.Sprint(errors.New("a"), errors.New("b")))
	out(fmt.Sprint(State(1), State(2)))
	out(fmt.Sprint(Name("a"), Name("b"), 1))
	out(fmt.Sprint(nil, "s", nil))
	out(fmt.Sprintln((*Point)(nil), map[string]int(nil), []int(nil), (chan int)(nil), nil))
	out(fmt.Sprintln(float64(1e+21), float64(math.Copysign(0, -1)), float32(0.3)))
}

// fmtstr hides a format from vet's printf check.
func fmtstr(s string) string { return s }
"##;

fn case_table() -> Vec<(&'static str, Call, Vec<V>, &'static str)> {
    vec![
        ("%d", Call::Printf, vec![V::Int(42, "int")], "42"),
        ("%5d", Call::Printf, vec![V::Int(42, "int")], "   42"),
        ("%-5d|", Call::Printf, vec![V::Int(42, "int")], "42   |"),
        ("%05d", Call::Printf, vec![V::Int(42, "int")], "00042"),
        ("%+d", Call::Printf, vec![V::Int(42, "int")], "+42"),
        ("% d", Call::Printf, vec![V::Int(42, "int")], " 42"),
        ("%x", Call::Printf, vec![V::Int(42, "int")], "2a"),
        ("%X", Call::Printf, vec![V::Int(42, "int")], "2A"),
        ("%#x", Call::Printf, vec![V::Int(42, "int")], "0x2a"),
        ("%o", Call::Printf, vec![V::Int(42, "int")], "52"),
        ("%#o", Call::Printf, vec![V::Int(42, "int")], "052"),
        ("%O", Call::Printf, vec![V::Int(42, "int")], "0o52"),
        ("%b", Call::Printf, vec![V::Int(42, "int")], "101010"),
        ("%#b", Call::Printf, vec![V::Int(42, "int")], "0b101010"),
        ("%c", Call::Printf, vec![V::Int(42, "int")], "*"),
        ("%q", Call::Printf, vec![V::Int(42, "int")], "'*'"),
        ("%U", Call::Printf, vec![V::Int(42, "int")], "U+002A"),
        ("%#U", Call::Printf, vec![V::Int(42, "int")], "U+002A '*'"),
        ("%.3d", Call::Printf, vec![V::Int(42, "int")], "042"),
        ("%8.3d", Call::Printf, vec![V::Int(42, "int")], "     042"),
        ("%08.3d", Call::Printf, vec![V::Int(42, "int")], "     042"),
        ("%v", Call::Printf, vec![V::Int(42, "int")], "42"),
        ("%#v", Call::Printf, vec![V::Int(42, "int")], "42"),
        ("%t", Call::Printf, vec![V::Int(42, "int")], "%!t(int=42)"),
        ("%s", Call::Printf, vec![V::Int(42, "int")], "%!s(int=42)"),
        ("%e", Call::Printf, vec![V::Int(42, "int")], "%!e(int=42)"),
        ("%+05d", Call::Printf, vec![V::Int(42, "int")], "+0042"),
        ("%-08d|", Call::Printf, vec![V::Int(42, "int")], "42      |"),
        ("%x", Call::Printf, vec![V::Int(42, "int")], "2a"),
        ("%d", Call::Printf, vec![V::Int(-42, "int")], "-42"),
        ("%05d", Call::Printf, vec![V::Int(-42, "int")], "-0042"),
        ("%x", Call::Printf, vec![V::Int(-42, "int")], "-2a"),
        ("%+d", Call::Printf, vec![V::Int(-42, "int")], "-42"),
        ("% d", Call::Printf, vec![V::Int(-42, "int")], "-42"),
        ("%b", Call::Printf, vec![V::Int(-42, "int")], "-101010"),
        ("%o", Call::Printf, vec![V::Int(-42, "int")], "-52"),
        (
            "%d %d",
            Call::Printf,
            vec![
                V::Int(-9223372036854775808, "int64"),
                V::Uint(18446744073709551615, "uint64"),
            ],
            "-9223372036854775808 18446744073709551615",
        ),
        (
            "%v %#v %x",
            Call::Printf,
            vec![
                V::Uint(255, "uint8"),
                V::Uint(255, "uint8"),
                V::Uint(255, "uint8"),
            ],
            "255 0xff ff",
        ),
        (
            "%.0d|%5.0d|",
            Call::Printf,
            vec![V::Int(0, "int"), V::Int(0, "int")],
            "|     |",
        ),
        (
            "%c|%c|%q|%q|%U",
            Call::Printf,
            vec![
                V::Int(19990, "int32"),
                V::Int(65, "int32"),
                V::Int(39, "int32"),
                V::Int(10, "int32"),
                V::Int(128512, "int32"),
            ],
            "世|A|'\\''|'\\n'|U+1F600",
        ),
        (
            "%#q %+q",
            Call::Printf,
            vec![V::Int(19990, "int32"), V::Int(19990, "int32")],
            "'世' '\\u4e16'",
        ),
        ("%v", Call::Printf, vec![V::F64(12.34567_f64)], "12.34567"),
        ("%f", Call::Printf, vec![V::F64(12.34567_f64)], "12.345670"),
        ("%.2f", Call::Printf, vec![V::F64(12.34567_f64)], "12.35"),
        (
            "%8.3f",
            Call::Printf,
            vec![V::F64(12.34567_f64)],
            "  12.346",
        ),
        (
            "%-8.3f|",
            Call::Printf,
            vec![V::F64(12.34567_f64)],
            "12.346  |",
        ),
        (
            "%08.3f",
            Call::Printf,
            vec![V::F64(12.34567_f64)],
            "0012.346",
        ),
        ("%+.1f", Call::Printf, vec![V::F64(12.34567_f64)], "+12.3"),
        (
            "%e",
            Call::Printf,
            vec![V::F64(12.34567_f64)],
            "1.234567e+01",
        ),
        (
            "%E",
            Call::Printf,
            vec![V::F64(12.34567_f64)],
            "1.234567E+01",
        ),
        (
            "%.3e",
            Call::Printf,
            vec![V::F64(12.34567_f64)],
            "1.235e+01",
        ),
        ("%g", Call::Printf, vec![V::F64(12.34567_f64)], "12.34567"),
        ("%G", Call::Printf, vec![V::F64(12.34567_f64)], "12.34567"),
        ("%.3g", Call::Printf, vec![V::F64(12.34567_f64)], "12.3"),
        (
            "%10.4g|",
            Call::Printf,
            vec![V::F64(12.34567_f64)],
            "     12.35|",
        ),
        ("%#g", Call::Printf, vec![V::F64(12.34567_f64)], "12.34567"),
        ("%#.3g", Call::Printf, vec![V::F64(12.34567_f64)], "12.3"),
        ("%#v", Call::Printf, vec![V::F64(12.34567_f64)], "12.34567"),
        (
            "%x",
            Call::Printf,
            vec![V::F64(12.34567_f64)],
            "0x1.8b0fba8826aa9p+03",
        ),
        (
            "%b",
            Call::Printf,
            vec![V::F64(12.34567_f64)],
            "6949994351454889p-49",
        ),
        (
            "%s",
            Call::Printf,
            vec![V::F64(12.34567_f64)],
            "%!s(float64=12.34567)",
        ),
        (
            "%d",
            Call::Printf,
            vec![V::F64(12.34567_f64)],
            "%!d(float64=12.34567)",
        ),
        (
            "% f",
            Call::Printf,
            vec![V::F64(12.34567_f64)],
            " 12.345670",
        ),
        (
            "%+e",
            Call::Printf,
            vec![V::F64(12.34567_f64)],
            "+1.234567e+01",
        ),
        (
            "%v|%g|%f|%e|%.2g",
            Call::Printf,
            vec![
                V::F64(0.0_f64),
                V::F64(0.0_f64),
                V::F64(0.0_f64),
                V::F64(0.0_f64),
                V::F64(0.0_f64),
            ],
            "0|0|0.000000|0.000000e+00|0",
        ),
        (
            "%v|%g|%f|%e|%.2g",
            Call::Printf,
            vec![
                V::F64(1.0_f64),
                V::F64(1.0_f64),
                V::F64(1.0_f64),
                V::F64(1.0_f64),
                V::F64(1.0_f64),
            ],
            "1|1|1.000000|1.000000e+00|1",
        ),
        (
            "%v|%g|%f|%e|%.2g",
            Call::Printf,
            vec![
                V::F64(100000.0_f64),
                V::F64(100000.0_f64),
                V::F64(100000.0_f64),
                V::F64(100000.0_f64),
                V::F64(100000.0_f64),
            ],
            "100000|100000|100000.000000|1.000000e+05|1e+05",
        ),
        (
            "%v|%g|%f|%e|%.2g",
            Call::Printf,
            vec![
                V::F64(1000000.0_f64),
                V::F64(1000000.0_f64),
                V::F64(1000000.0_f64),
                V::F64(1000000.0_f64),
                V::F64(1000000.0_f64),
            ],
            "1e+06|1e+06|1000000.000000|1.000000e+06|1e+06",
        ),
        (
            "%v|%g|%f|%e|%.2g",
            Call::Printf,
            vec![
                V::F64(1e21_f64),
                V::F64(1e21_f64),
                V::F64(1e21_f64),
                V::F64(1e21_f64),
                V::F64(1e21_f64),
            ],
            "1e+21|1e+21|1000000000000000000000.000000|1.000000e+21|1e+21",
        ),
        (
            "%v|%g|%f|%e|%.2g",
            Call::Printf,
            vec![
                V::F64(1e20_f64),
                V::F64(1e20_f64),
                V::F64(1e20_f64),
                V::F64(1e20_f64),
                V::F64(1e20_f64),
            ],
            "1e+20|1e+20|100000000000000000000.000000|1.000000e+20|1e+20",
        ),
        (
            "%v|%g|%f|%e|%.2g",
            Call::Printf,
            vec![
                V::F64(0.0001_f64),
                V::F64(0.0001_f64),
                V::F64(0.0001_f64),
                V::F64(0.0001_f64),
                V::F64(0.0001_f64),
            ],
            "0.0001|0.0001|0.000100|1.000000e-04|0.0001",
        ),
        (
            "%v|%g|%f|%e|%.2g",
            Call::Printf,
            vec![
                V::F64(0.00001_f64),
                V::F64(0.00001_f64),
                V::F64(0.00001_f64),
                V::F64(0.00001_f64),
                V::F64(0.00001_f64),
            ],
            "1e-05|1e-05|0.000010|1.000000e-05|1e-05",
        ),
        (
            "%v|%g|%f|%e|%.2g",
            Call::Printf,
            vec![
                V::F64(123456789.0_f64),
                V::F64(123456789.0_f64),
                V::F64(123456789.0_f64),
                V::F64(123456789.0_f64),
                V::F64(123456789.0_f64),
            ],
            "1.23456789e+08|1.23456789e+08|123456789.000000|1.234568e+08|1.2e+08",
        ),
        (
            "%v|%g|%f|%e|%.2g",
            Call::Printf,
            vec![
                V::F64(1.5e-7_f64),
                V::F64(1.5e-7_f64),
                V::F64(1.5e-7_f64),
                V::F64(1.5e-7_f64),
                V::F64(1.5e-7_f64),
            ],
            "1.5e-07|1.5e-07|0.000000|1.500000e-07|1.5e-07",
        ),
        (
            "%v|%g|%f|%e|%.2g",
            Call::Printf,
            vec![
                V::F64(-2.5_f64),
                V::F64(-2.5_f64),
                V::F64(-2.5_f64),
                V::F64(-2.5_f64),
                V::F64(-2.5_f64),
            ],
            "-2.5|-2.5|-2.500000|-2.500000e+00|-2.5",
        ),
        (
            "%v|%g|%f|%e|%.2g",
            Call::Printf,
            vec![
                V::F64(2.5_f64),
                V::F64(2.5_f64),
                V::F64(2.5_f64),
                V::F64(2.5_f64),
                V::F64(2.5_f64),
            ],
            "2.5|2.5|2.500000|2.500000e+00|2.5",
        ),
        (
            "%v|%g|%f|%e|%.2g",
            Call::Printf,
            vec![
                V::F64(0.1_f64),
                V::F64(0.1_f64),
                V::F64(0.1_f64),
                V::F64(0.1_f64),
                V::F64(0.1_f64),
            ],
            "0.1|0.1|0.100000|1.000000e-01|0.1",
        ),
        (
            "%v|%g|%f|%e|%.2g",
            Call::Printf,
            vec![
                V::F64(1e100_f64),
                V::F64(1e100_f64),
                V::F64(1e100_f64),
                V::F64(1e100_f64),
                V::F64(1e100_f64),
            ],
            "1e+100|1e+100|10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104.000000|1.000000e+100|1e+100",
        ),
        (
            "%v|%g|%f|%e|%.2g",
            Call::Printf,
            vec![
                V::F64(5e-324_f64),
                V::F64(5e-324_f64),
                V::F64(5e-324_f64),
                V::F64(5e-324_f64),
                V::F64(5e-324_f64),
            ],
            "5e-324|5e-324|0.000000|4.940656e-324|4.9e-324",
        ),
        (
            "%v|%g|%f|%e|%.2g",
            Call::Printf,
            vec![
                V::F64(1.7976931348623157e308_f64),
                V::F64(1.7976931348623157e308_f64),
                V::F64(1.7976931348623157e308_f64),
                V::F64(1.7976931348623157e308_f64),
                V::F64(1.7976931348623157e308_f64),
            ],
            "1.7976931348623157e+308|1.7976931348623157e+308|179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.000000|1.797693e+308|1.8e+308",
        ),
        (
            "%v %v %.2f %g",
            Call::Printf,
            vec![
                V::F32(0.1_f32),
                V::F32(3.4028235e38_f32),
                V::F32(2.675_f32),
                V::F32(1e-7_f32),
            ],
            "0.1 3.4028235e+38 2.67 1e-07",
        ),
        (
            "%v %f %5.1f %+v %05.1f|%-6v|",
            Call::Printf,
            vec![
                V::F64(f64::INFINITY),
                V::F64(f64::NEG_INFINITY),
                V::F64(f64::NAN),
                V::F64(f64::NAN),
                V::F64(f64::INFINITY),
                V::F64(f64::NAN),
            ],
            "+Inf -Inf   NaN NaN  +Inf|NaN   |",
        ),
        (
            "%.1f %.1f %.1f %.0f %.0f",
            Call::Printf,
            vec![
                V::F64(0.05_f64),
                V::F64(0.15_f64),
                V::F64(0.25_f64),
                V::F64(0.5_f64),
                V::F64(1.5_f64),
            ],
            "0.1 0.1 0.2 0 2",
        ),
        (
            "%v %.1f %+g",
            Call::Printf,
            vec![V::F64(-0.0_f64), V::F64(-0.0_f64), V::F64(-0.0_f64)],
            "-0 -0.0 -0",
        ),
        (
            "%#.0f %#.0e %#x",
            Call::Printf,
            vec![V::F64(3_f64), V::F64(3_f64), V::F64(1_f64)],
            "3. 3.e+00 0x1.0000p+00",
        ),
        (
            "%x %X %.3x %b",
            Call::Printf,
            vec![
                V::F64(1_f64),
                V::F64(-0.5_f64),
                V::F64(12.34567_f64),
                V::F32(1_f32),
            ],
            "0x1p+00 -0X1P-01 0x1.8b1p+03 8388608p-23",
        ),
        ("%s", Call::Printf, vec![V::Str("héllo", "string")], "héllo"),
        (
            "%q",
            Call::Printf,
            vec![V::Str("héllo", "string")],
            "\"héllo\"",
        ),
        ("%v", Call::Printf, vec![V::Str("héllo", "string")], "héllo"),
        (
            "%#v",
            Call::Printf,
            vec![V::Str("héllo", "string")],
            "\"héllo\"",
        ),
        (
            "%x",
            Call::Printf,
            vec![V::Str("héllo", "string")],
            "68c3a96c6c6f",
        ),
        (
            "%X",
            Call::Printf,
            vec![V::Str("héllo", "string")],
            "68C3A96C6C6F",
        ),
        (
            "% x",
            Call::Printf,
            vec![V::Str("héllo", "string")],
            "68 c3 a9 6c 6c 6f",
        ),
        (
            "%# x",
            Call::Printf,
            vec![V::Str("héllo", "string")],
            "0x68 0xc3 0xa9 0x6c 0x6c 0x6f",
        ),
        (
            "%#x",
            Call::Printf,
            vec![V::Str("héllo", "string")],
            "0x68c3a96c6c6f",
        ),
        (
            "%10s|",
            Call::Printf,
            vec![V::Str("héllo", "string")],
            "     héllo|",
        ),
        (
            "%-10s|",
            Call::Printf,
            vec![V::Str("héllo", "string")],
            "héllo     |",
        ),
        ("%.2s", Call::Printf, vec![V::Str("héllo", "string")], "hé"),
        (
            "%5.1s|",
            Call::Printf,
            vec![V::Str("héllo", "string")],
            "    h|",
        ),
        (
            "%d",
            Call::Printf,
            vec![V::Str("héllo", "string")],
            "%!d(string=héllo)",
        ),
        (
            "%010s",
            Call::Printf,
            vec![V::Str("héllo", "string")],
            "00000héllo",
        ),
        (
            "%+q",
            Call::Printf,
            vec![V::Str("héllo", "string")],
            "\"h\\u00e9llo\"",
        ),
        (
            "%#q",
            Call::Printf,
            vec![V::Str("héllo", "string")],
            "`héllo`",
        ),
        (
            "%T",
            Call::Printf,
            vec![V::Str("héllo", "string")],
            "string",
        ),
        (
            "%c",
            Call::Printf,
            vec![V::Str("héllo", "string")],
            "%!c(string=héllo)",
        ),
        (
            "%q %q %q %#q %#q",
            Call::Printf,
            vec![
                V::Str("a\"b\\c\n\t\u{1}\u{7f}", "string"),
                V::Str("", "string"),
                V::Str("\u{a0}\u{200b}\u{feff}", "string"),
                V::Str("back`tick", "string"),
                V::Str("ok", "string"),
            ],
            "\"a\\\"b\\\\c\\n\\t\\x01\\x7f\" \"\" \"\\u00a0\\u200b\\ufeff\" \"back`tick\" `ok`",
        ),
        (
            "%+q %q",
            Call::Printf,
            vec![V::Str("日本😀", "string"), V::Str("日本😀", "string")],
            "\"\\u65e5\\u672c\\U0001f600\" \"日本😀\"",
        ),
        (
            "%s %v %d %x %X %q",
            Call::Printf,
            vec![
                V::Bytes(Some("hi".as_bytes().to_vec())),
                V::Bytes(Some("hi".as_bytes().to_vec())),
                V::Bytes(Some("hi".as_bytes().to_vec())),
                V::Bytes(Some("hi".as_bytes().to_vec())),
                V::Bytes(Some("hi".as_bytes().to_vec())),
                V::Bytes(Some("hi".as_bytes().to_vec())),
            ],
            "hi [104 105] [104 105] 6869 6869 \"hi\"",
        ),
        (
            "%#v %#v %s|",
            Call::Printf,
            vec![
                V::Bytes(Some("hi".as_bytes().to_vec())),
                V::Bytes(None),
                V::Bytes(None),
            ],
            "[]byte{0x68, 0x69} []byte(nil) |",
        ),
        (
            "%v|%s|%x|%5x|%-5x|",
            Call::Printf,
            vec![
                V::Str("", "string"),
                V::Str("", "string"),
                V::Str("", "string"),
                V::Str("", "string"),
                V::Str("", "string"),
            ],
            "|||     |     |",
        ),
        (
            "%t %v %5t %-6t| %d %s %#v",
            Call::Printf,
            vec![
                V::Bool(true),
                V::Bool(false),
                V::Bool(true),
                V::Bool(false),
                V::Bool(true),
                V::Bool(true),
                V::Bool(false),
            ],
            "true false  true false | %!d(bool=true) %!s(bool=true) false",
        ),
        (
            "%v %d %s %T",
            Call::Printf,
            vec![V::Nil, V::Nil, V::Nil, V::Nil],
            "<nil> %!d(<nil>) %!s(<nil>) <nil>",
        ),
        (
            "%d %d",
            Call::Printf,
            vec![V::Int(1, "int")],
            "1 %!d(MISSING)",
        ),
        (
            "%d",
            Call::Printf,
            vec![
                V::Int(1, "int"),
                V::Int(2, "int"),
                V::Str("x", "string"),
                V::Nil,
            ],
            "1%!(EXTRA int=2, string=x, <nil>)",
        ),
        ("%!", Call::Printf, vec![], "%!!(MISSING)"),
        (
            "%",
            Call::Printf,
            vec![V::Int(1, "int")],
            "%!(NOVERB)%!(EXTRA int=1)",
        ),
        (
            "%z %5z",
            Call::Printf,
            vec![V::Int(3, "int"), V::Str("s", "string")],
            "%!z(int=3) %!z(string=    s)",
        ),
        (
            "%-",
            Call::Printf,
            vec![V::Int(1, "int")],
            "%!(NOVERB)%!(EXTRA int=1)",
        ),
        (
            "100%% %d%%",
            Call::Printf,
            vec![V::Int(5, "int")],
            "100% 5%",
        ),
        (
            "%*d|%-*d|%.*f|%*s",
            Call::Printf,
            vec![
                V::Int(5, "int"),
                V::Int(42, "int"),
                V::Int(5, "int"),
                V::Int(42, "int"),
                V::Int(2, "int"),
                V::F64(12.34567_f64),
                V::Int(-4, "int"),
                V::Str("ab", "string"),
            ],
            "   42|42   |12.35|ab  ",
        ),
        (
            "%*d",
            Call::Printf,
            vec![V::Str("x", "string"), V::Int(1, "int")],
            "%!(BADWIDTH)1",
        ),
        (
            "%.*d",
            Call::Printf,
            vec![V::Str("x", "string"), V::Int(1, "int")],
            "%!(BADPREC)1",
        ),
        (
            "%w",
            Call::Printf,
            vec![errors_new("wrapped")],
            "%!w(*errors.errorString=&{wrapped})",
        ),
        (
            "op %d: %w",
            Call::Errorf,
            vec![V::Int(3, "int"), errors_new("disk full")],
            "op 3: disk full",
        ),
        (
            "%w and %w",
            Call::Errorf,
            vec![errors_new("a"), errors_new("b")],
            "a and b",
        ),
        ("%w", Call::Errorf, vec![V::Int(1, "int")], "%!w(int=1)"),
        ("%w", Call::Errorf, vec![V::Nil], "%!w(<nil>)"),
        (
            "%v %w",
            Call::Errorf,
            vec![errors_new("plain"), errors_new("wrapped")],
            "plain wrapped",
        ),
        ("%[1]d", Call::Printf, vec![V::Int(1, "int")], "1"),
        (
            "%[2]d %[1]d",
            Call::Printf,
            vec![V::Int(1, "int"), V::Int(2, "int")],
            "2 1",
        ),
        (
            "%[3]d %d",
            Call::Printf,
            vec![V::Int(1, "int"), V::Int(2, "int"), V::Int(3, "int")],
            "3 %!d(MISSING)",
        ),
        (
            "%[5]d|%[0]d|%[x]d|%[1]",
            Call::Printf,
            vec![V::Int(1, "int")],
            "%!d(BADINDEX)|%!d(BADINDEX)|%!d(BADINDEX)|%!(NOVERB)",
        ),
        (
            "%[1]*d|%[2]*[1]d",
            Call::Printf,
            vec![V::Int(3, "int"), V::Int(7, "int")],
            "  7|      3",
        ),
        (
            "%d %d %[1]d %d",
            Call::Printf,
            vec![V::Int(1, "int"), V::Int(2, "int")],
            "1 2 1 2",
        ),
        ("%5.2%|", Call::Printf, vec![], "%|"),
        ("%v", Call::Printf, vec![point(1, -2)], "{1 -2}"),
        ("%+v", Call::Printf, vec![point(1, -2)], "{X:1 Y:-2}"),
        (
            "%#v",
            Call::Printf,
            vec![point(1, -2)],
            "main.Point{X:1, Y:-2}",
        ),
        ("%d", Call::Printf, vec![point(1, -2)], "{1 -2}"),
        (
            "%s",
            Call::Printf,
            vec![point(1, -2)],
            "{%!s(int=1) %!s(int=-2)}",
        ),
        ("%x", Call::Printf, vec![point(1, -2)], "{1 -2}"),
        ("%T", Call::Printf, vec![point(1, -2)], "main.Point"),
        ("%5v", Call::Printf, vec![point(1, -2)], "{    1    -2}"),
        ("%05d", Call::Printf, vec![point(1, -2)], "{00001 -0002}"),
        (
            "%v",
            Call::Printf,
            vec![V::Ptr(
                "*main.Point",
                0xc000012000,
                Some(Box::new(point(3, 4))),
            )],
            "&{3 4}",
        ),
        (
            "%+v",
            Call::Printf,
            vec![V::Ptr(
                "*main.Point",
                0xc000012000,
                Some(Box::new(point(3, 4))),
            )],
            "&{X:3 Y:4}",
        ),
        (
            "%#v",
            Call::Printf,
            vec![V::Ptr(
                "*main.Point",
                0xc000012000,
                Some(Box::new(point(3, 4))),
            )],
            "&main.Point{X:3, Y:4}",
        ),
        (
            "%T",
            Call::Printf,
            vec![V::Ptr(
                "*main.Point",
                0xc000012000,
                Some(Box::new(point(3, 4))),
            )],
            "*main.Point",
        ),
        (
            "%d",
            Call::Printf,
            vec![V::Ptr(
                "*main.Point",
                0xc000012000,
                Some(Box::new(point(3, 4))),
            )],
            "&{3 4}",
        ),
        (
            "%s",
            Call::Printf,
            vec![V::Ptr(
                "*main.Point",
                0xc000012000,
                Some(Box::new(point(3, 4))),
            )],
            "&{%!s(int=3) %!s(int=4)}",
        ),
        (
            "%v",
            Call::Printf,
            vec![V::Ptr("*main.Point", 0, None)],
            "<nil>",
        ),
        (
            "%+v",
            Call::Printf,
            vec![V::Ptr("*main.Point", 0, None)],
            "<nil>",
        ),
        (
            "%#v",
            Call::Printf,
            vec![V::Ptr("*main.Point", 0, None)],
            "(*main.Point)(nil)",
        ),
        (
            "%d",
            Call::Printf,
            vec![V::Ptr("*main.Point", 0, None)],
            "0",
        ),
        (
            "%T",
            Call::Printf,
            vec![V::Ptr("*main.Point", 0, None)],
            "*main.Point",
        ),
        (
            "%s",
            Call::Printf,
            vec![V::Ptr("*main.Point", 0, None)],
            "%!s(*main.Point=<nil>)",
        ),
        (
            "%v",
            Call::Printf,
            vec![V::Slice(
                "[]int",
                Some(vec![
                    V::Int(1, "int"),
                    V::Int(20, "int"),
                    V::Int(300, "int"),
                ]),
            )],
            "[1 20 300]",
        ),
        (
            "%d",
            Call::Printf,
            vec![V::Slice(
                "[]int",
                Some(vec![
                    V::Int(1, "int"),
                    V::Int(20, "int"),
                    V::Int(300, "int"),
                ]),
            )],
            "[1 20 300]",
        ),
        (
            "%x",
            Call::Printf,
            vec![V::Slice(
                "[]int",
                Some(vec![
                    V::Int(1, "int"),
                    V::Int(20, "int"),
                    V::Int(300, "int"),
                ]),
            )],
            "[1 14 12c]",
        ),
        (
            "%#v",
            Call::Printf,
            vec![V::Slice(
                "[]int",
                Some(vec![
                    V::Int(1, "int"),
                    V::Int(20, "int"),
                    V::Int(300, "int"),
                ]),
            )],
            "[]int{1, 20, 300}",
        ),
        (
            "%T",
            Call::Printf,
            vec![V::Slice(
                "[]int",
                Some(vec![
                    V::Int(1, "int"),
                    V::Int(20, "int"),
                    V::Int(300, "int"),
                ]),
            )],
            "[]int",
        ),
        (
            "%03d",
            Call::Printf,
            vec![V::Slice(
                "[]int",
                Some(vec![
                    V::Int(1, "int"),
                    V::Int(20, "int"),
                    V::Int(300, "int"),
                ]),
            )],
            "[001 020 300]",
        ),
        (
            "%q",
            Call::Printf,
            vec![V::Slice(
                "[]int",
                Some(vec![
                    V::Int(1, "int"),
                    V::Int(20, "int"),
                    V::Int(300, "int"),
                ]),
            )],
            "['\\x01' '\\x14' 'Ĭ']",
        ),
        (
            "%s",
            Call::Printf,
            vec![V::Slice(
                "[]int",
                Some(vec![
                    V::Int(1, "int"),
                    V::Int(20, "int"),
                    V::Int(300, "int"),
                ]),
            )],
            "[%!s(int=1) %!s(int=20) %!s(int=300)]",
        ),
        (
            "%v %#v %d",
            Call::Printf,
            vec![
                V::Slice("[]int", None),
                V::Slice("[]int", None),
                V::Slice("[]int", Some(vec![])),
            ],
            "[] []int(nil) []",
        ),
        (
            "%v %q %#v %x %s %5s|",
            Call::Printf,
            vec![
                V::Slice(
                    "[]string",
                    Some(vec![V::Str("a", "string"), V::Str("b c", "string")]),
                ),
                V::Slice(
                    "[]string",
                    Some(vec![V::Str("a", "string"), V::Str("b c", "string")]),
                ),
                V::Slice(
                    "[]string",
                    Some(vec![V::Str("a", "string"), V::Str("b c", "string")]),
                ),
                V::Slice(
                    "[]string",
                    Some(vec![V::Str("a", "string"), V::Str("b c", "string")]),
                ),
                V::Slice(
                    "[]string",
                    Some(vec![V::Str("a", "string"), V::Str("b c", "string")]),
                ),
                V::Slice(
                    "[]string",
                    Some(vec![V::Str("a", "string"), V::Str("b", "string")]),
                ),
            ],
            "[a b c] [\"a\" \"b c\"] []string{\"a\", \"b c\"} [61 622063] [a b c] [    a     b]|",
        ),
        (
            "%v %#v %T",
            Call::Printf,
            vec![
                V::Array(
                    "[3]int",
                    vec![V::Int(1, "int"), V::Int(2, "int"), V::Int(3, "int")],
                ),
                V::Array(
                    "[3]int",
                    vec![V::Int(1, "int"), V::Int(2, "int"), V::Int(3, "int")],
                ),
                V::Array(
                    "[3]int",
                    vec![V::Int(1, "int"), V::Int(2, "int"), V::Int(3, "int")],
                ),
            ],
            "[1 2 3] [3]int{1, 2, 3} [3]int",
        ),
        (
            "%v %#v %d %T",
            Call::Printf,
            vec![
                V::Map(
                    "map[string]int",
                    Some(vec![
                        (V::Str("zeta", "string"), V::Int(1, "int")),
                        (V::Str("alpha", "string"), V::Int(2, "int")),
                        (V::Str("mid", "string"), V::Int(3, "int")),
                    ]),
                ),
                V::Map(
                    "map[string]int",
                    Some(vec![
                        (V::Str("b", "string"), V::Int(1, "int")),
                        (V::Str("a", "string"), V::Int(2, "int")),
                    ]),
                ),
                V::Map(
                    "map[string]int",
                    Some(vec![
                        (V::Str("b", "string"), V::Int(1, "int")),
                        (V::Str("a", "string"), V::Int(2, "int")),
                    ]),
                ),
                V::Map(
                    "map[string]int",
                    Some(vec![(V::Str("b", "string"), V::Int(1, "int"))]),
                ),
            ],
            "map[alpha:2 mid:3 zeta:1] map[string]int{\"a\":2, \"b\":1} map[%!d(string=a):2 %!d(string=b):1] map[string]int",
        ),
        (
            "%v %v",
            Call::Printf,
            vec![
                V::Map(
                    "map[int]string",
                    Some(vec![
                        (V::Int(10, "int"), V::Str("ten", "string")),
                        (V::Int(-1, "int"), V::Str("neg", "string")),
                        (V::Int(2, "int"), V::Str("two", "string")),
                    ]),
                ),
                V::Map("map[string]int", None),
            ],
            "map[-1:neg 2:two 10:ten] map[]",
        ),
        (
            "%#v %v",
            Call::Printf,
            vec![
                V::Map("map[string]int", None),
                V::Map("map[string]int", Some(vec![])),
            ],
            "map[string]int(nil) map[]",
        ),
        (
            "%v %+v %s %d %q %x %T %#v",
            Call::Printf,
            vec![
                errors_new("boom"),
                errors_new("boom"),
                errors_new("boom"),
                errors_new("boom"),
                errors_new("boom"),
                errors_new("boom"),
                errors_new("boom"),
                errors_new("boom"),
            ],
            "boom boom boom &{%!d(string=boom)} \"boom\" 626f6f6d *errors.errorString &errors.errorString{s:\"boom\"}",
        ),
        (
            "%v %d %s %x %q %T %#v %5v| %-5s|",
            Call::Printf,
            vec![
                state(2),
                state(2),
                state(2),
                state(2),
                state(2),
                state(2),
                state(2),
                state(2),
                state(2),
            ],
            "S2 2 S2 5332 \"S2\" main.State 2    S2| S2   |",
        ),
        (
            "%v %+v %s",
            Call::Printf,
            vec![
                wrap(Some("inner")),
                wrap(Some("inner")),
                wrap(Some("inner")),
            ],
            "{inner} {Err:inner} {inner}",
        ),
        (
            "%v %+v %#v",
            Call::Printf,
            vec![wrap(None), wrap(None), wrap(None)],
            "{<nil>} {Err:<nil>} main.Wrap{Err:error(nil)}",
        ),
        (
            "%v %+v %#v",
            Call::Printf,
            vec![hidden(3), hidden(3), hidden(3)],
            "{3} {s:3} main.hidden{s:3}",
        ),
        (
            "%v %d %s",
            Call::Printf,
            vec![
                V::Slice("[]main.State", Some(vec![state(1), state(2)])),
                V::Slice("[]main.State", Some(vec![state(1), state(2)])),
                V::Slice("[]main.State", Some(vec![state(1), state(2)])),
            ],
            "[S1 S2] [1 2] [S1 S2]",
        ),
        (
            "%v %d %#v",
            Call::Printf,
            vec![
                V::Slice(
                    "[]interface {}",
                    Some(vec![
                        V::Int(1, "int"),
                        V::Str("a", "string"),
                        V::NilIface("interface {}"),
                        V::F64(2.5_f64),
                    ]),
                ),
                V::Slice(
                    "[]interface {}",
                    Some(vec![
                        V::Int(1, "int"),
                        V::Str("a", "string"),
                        V::NilIface("interface {}"),
                    ]),
                ),
                V::Slice(
                    "[]interface {}",
                    Some(vec![
                        V::Int(1, "int"),
                        V::Str("a", "string"),
                        V::NilIface("interface {}"),
                    ]),
                ),
            ],
            "[1 a <nil> 2.5] [1 %!d(string=a) <nil>] []interface {}{1, \"a\", interface {}(nil)}",
        ),
        (
            "%v %p %d %#v %T",
            Call::Printf,
            vec![
                V::Chan("chan int", 0),
                V::Chan("chan int", 0),
                V::Chan("chan int", 0),
                V::Chan("chan int", 0),
                V::Chan("chan int", 0),
            ],
            "<nil> 0x0 0 (chan int)(nil) chan int",
        ),
        (
            "%p %d",
            Call::Printf,
            vec![V::Int(1, "int"), V::Ptr("*main.Point", 0, None)],
            "%!p(int=1) 0",
        ),
        (
            "%s %v %q %x %T",
            Call::Printf,
            vec![
                V::Str("n", "main.Name"),
                V::Str("n", "main.Name"),
                V::Str("n", "main.Name"),
                V::Str("n", "main.Name"),
                V::Str("n", "main.Name"),
            ],
            "n n \"n\" 6e main.Name",
        ),
        (
            "%6.2v|%-8v|%08v|",
            Call::Printf,
            vec![V::F64(12.34567_f64), point(1, 2), V::Int(-7, "int")],
            "    12|{1        2       }|-0000007|",
        ),
        (
            "%v",
            Call::Printf,
            vec![V::Map(
                "map[string]int",
                Some(vec![(V::Str("a", "string"), V::Int(1, "int"))]),
            )],
            "map[a:1]",
        ),
        (
            "",
            Call::Sprint,
            vec![
                V::Int(1, "int"),
                V::Int(2, "int"),
                V::Str("a", "string"),
                V::Str("b", "string"),
                V::Int(3, "int"),
                V::F64(4.5_f64),
                V::Str("c", "string"),
                V::Nil,
                V::Nil,
                V::Bool(true),
            ],
            "1 2ab3 4.5c<nil> <nil> true",
        ),
        (
            "",
            Call::Sprint,
            vec![
                V::Str("a", "string"),
                V::Int(1, "int"),
                V::Int(2, "int"),
                V::Str("b", "string"),
            ],
            "a1 2b",
        ),
        (
            "",
            Call::Sprint,
            vec![
                V::Str("x", "main.Name"),
                V::Int(1, "int"),
                state(1),
                V::Int(2, "int"),
                errors_new("e"),
                V::Str("s", "string"),
            ],
            "x1 S1 2 es",
        ),
        ("", Call::Sprint, vec![], ""),
        (
            "",
            Call::Sprintln,
            vec![
                V::Int(1, "int"),
                V::Str("a", "string"),
                V::Nil,
                point(1, 2),
                V::Slice("[]int", Some(vec![V::Int(1, "int")])),
                errors_new("e"),
                state(3),
            ],
            "1 a <nil> {1 2} [1] e S3\n",
        ),
        ("", Call::Sprintln, vec![], "\n"),
        (
            "%x %X %#x %o %b",
            Call::Printf,
            vec![
                V::Int(-255, "int"),
                V::Int(-255, "int"),
                V::Int(-255, "int"),
                V::Int(-8, "int"),
                V::Int(-5, "int"),
            ],
            "-ff -FF -0xff -10 -101",
        ),
        (
            "%x|%X|% x|%#X",
            Call::Printf,
            vec![
                V::Uint(3735928559, "uint32"),
                V::Uint(3735928559, "uint32"),
                V::Uint(3735928559, "uint32"),
                V::Uint(3735928559, "uint32"),
            ],
            "deadbeef|DEADBEEF| deadbeef|0XDEADBEEF",
        ),
        (
            "%c|%c|%q|%U|%#U|%.6U",
            Call::Printf,
            vec![
                V::Int(-1, "int32"),
                V::Int(1114112, "int32"),
                V::Int(1114112, "int32"),
                V::Int(128512, "int32"),
                V::Int(128512, "int32"),
                V::Int(65, "int32"),
            ],
            "�|�|'�'|U+1F600|U+1F600 '😀'|U+000041",
        ),
        (
            "%5s|%-5s|%5q|%.1q|%x",
            Call::Printf,
            vec![
                V::Str("日本", "string"),
                V::Str("日本", "string"),
                V::Str("日本", "string"),
                V::Str("日本", "string"),
                V::Str("日本", "string"),
            ],
            "   日本|日本   | \"日本\"|\"日\"|e697a5e69cac",
        ),
        (
            "%08.3f|%-8.2f|%+08.2f|% 08.2f|%+.3e|%.0e",
            Call::Printf,
            vec![
                V::F64(-3.5_f64),
                V::F64(-3.5_f64),
                V::F64(3.5_f64),
                V::F64(3.5_f64),
                V::F64(123456.789_f64),
                V::F64(5.5_f64),
            ],
            "-003.500|-3.50   |+0003.50| 0003.50|+1.235e+05|6e+00",
        ),
        (
            "%g|%g|%g|%g|%G|%.10g",
            Call::Printf,
            vec![
                V::F64(1e-05_f64),
                V::F64(123456789012.0_f64),
                V::F64(1.2345e-05_f64),
                V::F64(1e+300_f64),
                V::F64(1e-300_f64),
                V::F64(0.3333333333333333_f64),
            ],
            "1e-05|1.23456789012e+11|1.2345e-05|1e+300|1E-300|0.3333333333",
        ),
        (
            "%v|%.3v|%10.3v|%-10v|",
            Call::Printf,
            vec![
                V::F64(0.6666666666666666_f64),
                V::F64(0.6666666666666666_f64),
                V::F64(0.6666666666666666_f64),
                V::F64(0.6666666666666666_f64),
            ],
            "0.6666666666666666|0.667|     0.667|0.6666666666666666|",
        ),
        (
            "%v %v %v %v",
            Call::Printf,
            vec![
                V::F32(1.1_f32),
                V::F32(16777217_f32),
                V::F32(10000000000.0_f32),
                V::F32(-0.25_f32),
            ],
            "1.1 1.6777216e+07 1e+10 -0.25",
        ),
        (
            "%e %f %g",
            Call::Printf,
            vec![V::F32(1.1_f32), V::F32(1.1_f32), V::F32(1.1_f32)],
            "1.100000e+00 1.100000 1.1",
        ),
        (
            "%6.2f%%|%3c|%-4c|",
            Call::Printf,
            vec![V::F64(99.5_f64), V::Int(65, "int32"), V::Int(66, "int32")],
            " 99.50%|  A|B   |",
        ),
        (
            "%t|%5t|%q",
            Call::Printf,
            vec![V::Str("true", "string"), V::Bool(true), V::Bool(true)],
            "%!t(string=true)| true|%!q(bool=true)",
        ),
        (
            "%d|%s|%v",
            Call::Printf,
            vec![
                V::Slice("[]string", Some(vec![V::Str("a", "string")])),
                V::Slice("[]int", Some(vec![V::Int(1, "int"), V::Int(2, "int")])),
                V::Slice("[]string", Some(vec![])),
            ],
            "[%!d(string=a)]|[%!s(int=1) %!s(int=2)]|[]",
        ),
        (
            "%x|%X|% x",
            Call::Printf,
            vec![
                V::Slice(
                    "[]string",
                    Some(vec![V::Str("hi", "string"), V::Str("yo", "string")]),
                ),
                V::Slice("[]int", Some(vec![V::Int(10, "int"), V::Int(255, "int")])),
                V::Slice("[]int", Some(vec![V::Int(10, "int"), V::Int(255, "int")])),
            ],
            "[6869 796f]|[A FF]|[ a  ff]",
        ),
        (
            "%v|%+v|%#v",
            Call::Printf,
            vec![
                V::Slice(
                    "[]interface {}",
                    Some(vec![point(1, 2), V::Ptr("*main.Point", 0, None)]),
                ),
                V::Slice("[]interface {}", Some(vec![point(1, 2)])),
                V::Slice("[]interface {}", Some(vec![point(1, 2)])),
            ],
            "[{1 2} <nil>]|[{X:1 Y:2}]|[]interface {}{main.Point{X:1, Y:2}}",
        ),
        (
            "%v|%d|%+v",
            Call::Printf,
            vec![
                V::Map(
                    "map[int]string",
                    Some(vec![
                        (V::Int(3, "int"), V::Str("c", "string")),
                        (V::Int(1, "int"), V::Str("a", "string")),
                    ]),
                ),
                V::Map(
                    "map[int]string",
                    Some(vec![(V::Int(3, "int"), V::Str("c", "string"))]),
                ),
                V::Map(
                    "map[string]int",
                    Some(vec![(V::Str("k", "string"), V::Int(1, "int"))]),
                ),
            ],
            "map[1:a 3:c]|map[3:%!d(string=c)]|map[k:1]",
        ),
        (
            "%v %v",
            Call::Printf,
            vec![
                V::Map(
                    "map[string]int",
                    Some(vec![
                        (V::Str("b", "string"), V::Int(2, "int")),
                        (V::Str("a", "string"), V::Int(1, "int")),
                        (V::Str("c", "string"), V::Int(3, "int")),
                        (V::Str("A", "string"), V::Int(0, "int")),
                        (V::Str("_", "string"), V::Int(9, "int")),
                    ]),
                ),
                V::Map(
                    "map[int]string",
                    Some(vec![
                        (V::Int(0, "int"), V::Str("z", "string")),
                        (V::Int(-10, "int"), V::Str("m", "string")),
                        (V::Int(10, "int"), V::Str("p", "string")),
                    ]),
                ),
            ],
            "map[A:0 _:9 a:1 b:2 c:3] map[-10:m 0:z 10:p]",
        ),
        (
            "%08v|%-8v|%8v",
            Call::Printf,
            vec![V::Str("ab", "string"), V::Int(-5, "int"), V::Bool(false)],
            "000000ab|-5      |   false",
        ),
        (
            "%s|%v|%d",
            Call::Printf,
            vec![errors_new(""), state(0), state(-1)],
            "|S0|-1",
        ),
        (
            "%6v|%-6v|%6s",
            Call::Printf,
            vec![errors_new("e"), state(7), state(7)],
            "     e|S7    |    S7",
        ),
        (
            "%v %s",
            Call::Printf,
            vec![
                V::Slice("[]interface {}", Some(vec![errors_new("x"), state(5)])),
                V::Slice("[]interface {}", Some(vec![errors_new("x"), state(5)])),
            ],
            "[x S5] [x S5]",
        ),
        (
            "%v|%+v",
            Call::Printf,
            vec![hidden(9), V::Slice("[]interface {}", Some(vec![hidden(9)]))],
            "{9}|[{s:9}]",
        ),
        (
            "%3d|%-3d|%03d",
            Call::Printf,
            vec![
                V::Slice("[]int", Some(vec![V::Int(1, "int"), V::Int(22, "int")])),
                V::Slice("[]int", Some(vec![V::Int(1, "int"), V::Int(22, "int")])),
                V::Slice("[]int", Some(vec![V::Int(1, "int"), V::Int(22, "int")])),
            ],
            "[  1  22]|[1   22 ]|[001 022]",
        ),
        (
            "%.2f|%5.1f",
            Call::Printf,
            vec![
                V::Slice(
                    "[]interface {}",
                    Some(vec![V::F64(1.234_f64), V::F64(5.678_f64)]),
                ),
                V::Slice("[]int", Some(vec![V::Int(1, "int")])),
            ],
            "[1.23 5.68]|[%!f(int=    1)]",
        ),
        (
            "%T %T %T %T %T %T",
            Call::Printf,
            vec![
                V::Int(1, "int8"),
                V::Uint(1, "uint16"),
                V::F32(1_f32),
                V::Bytes(Some("a".as_bytes().to_vec())),
                V::Slice("[]interface {}", Some(vec![V::Int(1, "int")])),
                V::Map(
                    "map[int]string",
                    Some(vec![(V::Int(1, "int"), V::Str("a", "string"))]),
                ),
            ],
            "int8 uint16 float32 []uint8 []interface {} map[int]string",
        ),
        (
            "%d %d %d",
            Call::Printf,
            vec![
                V::Int(127, "int8"),
                V::Int(-128, "int8"),
                V::Uint(65535, "uint16"),
            ],
            "127 -128 65535",
        ),
        (
            "%v %v",
            Call::Printf,
            vec![
                V::Uint(18446744073709551615, "uint64"),
                V::Int(9223372036854775807, "int64"),
            ],
            "18446744073709551615 9223372036854775807",
        ),
        (
            "%#o %#x %#X %#b %O",
            Call::Printf,
            vec![
                V::Int(0, "int"),
                V::Int(0, "int"),
                V::Int(0, "int"),
                V::Int(0, "int"),
                V::Int(0, "int"),
            ],
            "0 0x0 0X0 0b0 0o0",
        ),
        (
            "%+d|% d|%+ d|%x",
            Call::Printf,
            vec![
                V::Int(0, "int"),
                V::Int(0, "int"),
                V::Int(0, "int"),
                V::Int(0, "int"),
            ],
            "+0| 0|+0|0",
        ),
        (
            "%q %q %+q %#q",
            Call::Printf,
            vec![
                V::Int(9786, "int32"),
                V::Int(7, "int32"),
                V::Int(9786, "int32"),
                V::Int(96, "int32"),
            ],
            "'☺' '\\a' '\\u263a' '`'",
        ),
        (
            "%s %q",
            Call::Printf,
            vec![V::Str("tab\there", "string"), V::Str("tab\there", "string")],
            "tab\there \"tab\\there\"",
        ),
        (
            "%x % X %#x",
            Call::Printf,
            vec![
                V::Bytes(Some("\u{0}ÿ".as_bytes().to_vec())),
                V::Bytes(Some("ab".as_bytes().to_vec())),
                V::Bytes(Some("".as_bytes().to_vec())),
            ],
            "00c3bf 61 62 ",
        ),
        (
            "%v %s",
            Call::Printf,
            vec![
                V::Slice("[]interface {}", Some(vec![V::NilIface("interface {}")])),
                V::Slice("[]interface {}", Some(vec![])),
            ],
            "[<nil>] []",
        ),
        (
            "%5.2v|%.0v|%.1v",
            Call::Printf,
            vec![
                V::Str("hello", "string"),
                V::Str("hello", "string"),
                point(12, 34),
            ],
            "   he||{12 34}",
        ),
        (
            "%v|%v",
            Call::Printf,
            vec![V::F64(1000000.0_f64), V::F64(1e-06_f64)],
            "1e+06|1e-06",
        ),
        (
            "%v|%v|%v",
            Call::Printf,
            vec![
                V::F64(100000000.0_f64),
                V::F64(123456.0_f64),
                V::F64(1234567.0_f64),
            ],
            "1e+08|123456|1.234567e+06",
        ),
        (
            "%.3g|%.3g|%.3g|%.1g",
            Call::Printf,
            vec![
                V::F64(1234.5_f64),
                V::F64(0.00012345_f64),
                V::F64(100.0_f64),
                V::F64(0.05_f64),
            ],
            "1.23e+03|0.000123|100|0.05",
        ),
        (
            "%#.3x %#.3b",
            Call::Printf,
            vec![V::F64(1.0_f64), V::F64(2.0_f64)],
            "0x1.000p+00 4503599627370496p-51",
        ),
        (
            "",
            Call::Sprint,
            vec![
                V::F64(1.5_f64),
                V::F64(2_f64),
                V::Int(3, "int"),
                V::Bytes(Some("x".as_bytes().to_vec())),
            ],
            "1.5 2 3 [120]",
        ),
        (
            "",
            Call::Sprint,
            vec![errors_new("a"), errors_new("b")],
            "a b",
        ),
        ("", Call::Sprint, vec![state(1), state(2)], "S1 S2"),
        (
            "",
            Call::Sprint,
            vec![
                V::Str("a", "main.Name"),
                V::Str("b", "main.Name"),
                V::Int(1, "int"),
            ],
            "ab1",
        ),
        (
            "",
            Call::Sprint,
            vec![V::Nil, V::Str("s", "string"), V::Nil],
            "<nil>s<nil>",
        ),
        (
            "",
            Call::Sprintln,
            vec![
                V::Ptr("*main.Point", 0, None),
                V::Map("map[string]int", None),
                V::Slice("[]int", None),
                V::Chan("chan int", 0),
                V::Nil,
            ],
            "<nil> map[] [] <nil> <nil>\n",
        ),
        (
            "",
            Call::Sprintln,
            vec![V::F64(1e+21_f64), V::F64(-0.0_f64), V::F32(0.3_f32)],
            "1e+21 -0 0.3\n",
        ),
    ]
}

fn run(format: &str, call: &Call, args: &[V]) -> String {
    let dyn_args: Vec<&dyn FmtValue> = args.iter().map(|a| a as &dyn FmtValue).collect();
    match call {
        Call::Printf => sprintf(format, &dyn_args),
        Call::Errorf => errorf(format, &dyn_args).0,
        Call::Sprint => sprint(&dyn_args),
        Call::Sprintln => sprintln(&dyn_args),
    }
}

/// Every case gives exactly the output real Go 1.27 gave (recorded in the table).
#[test]
fn matches_real_go_output() {
    let cases = case_table();
    let mut failures = Vec::new();
    for (format, call, args, want) in &cases {
        let got = run(format, call, args);
        if got != *want {
            failures.push(format!("{format:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Reruns [`GO_PROGRAM`] with real Go when it is installed (`GOLITE_GO`, or the repo's
/// `.venv/bin/go`) and checks the table still records what Go prints.
#[test]
fn table_matches_go_program_when_go_is_available() {
    let go = std::env::var("GOLITE_GO")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../.venv/bin/go").to_string());
    if !std::path::Path::new(&go).exists() {
        eprintln!("real Go not found at {go}: skipping the live comparison");
        return;
    }
    let dir = std::env::temp_dir().join(format!("golite-fmt-{}", std::process::id()));
    let setup = std::fs::create_dir_all(&dir)
        .and_then(|_| std::fs::write(dir.join("main.go"), GO_PROGRAM))
        .and_then(|_| std::fs::write(dir.join("go.mod"), "module fmtcases\ngo 1.24\n"));
    assert!(setup.is_ok(), "cannot write the Go program: {setup:?}");
    let out = std::process::Command::new(&go)
        .args(["run", "."])
        .current_dir(&dir)
        .env("GOFLAGS", "-mod=mod")
        .env("GOPROXY", "off")
        .output();
    let _ = std::fs::remove_dir_all(&dir);
    let out = match out {
        Ok(o) if o.status.success() => o.stdout,
        Ok(o) => panic!("go run failed: {}", String::from_utf8_lossy(&o.stderr)),
        Err(e) => panic!("cannot run {go}: {e}"),
    };
    let text = String::from_utf8_lossy(&out);
    let lines: Vec<String> = text
        .lines()
        .map(|l| serde_json::from_str::<String>(l).unwrap_or_default())
        .collect();
    let cases = case_table();
    assert_eq!(lines.len(), cases.len());
    for ((format, _, _, want), line) in cases.iter().zip(&lines) {
        assert_eq!(
            want, line,
            "table entry for {format:?} differs from real Go"
        );
    }
}

#[test]
fn errorf_formats_w_like_v_and_reports_wrapped_operands() {
    let e = errors_new("inner");
    let n = V::Int(7, "int");
    let (msg, wrapped) = errorf("job %d: %w", &[&n, &e]);
    assert_eq!(msg, "job 7: inner");
    assert_eq!(wrapped, vec![1]);
}

#[test]
fn percent_p_prints_the_address_in_hex_with_0x() {
    let p = V::Ptr("*main.Point", 0xc000012000, Some(Box::new(point(1, 2))));
    assert_eq!(
        sprintf("%p|%#p|%v", &[&p, &p, &p]),
        "0xc000012000|c000012000|&{1 2}"
    );
}

#[test]
fn nested_pointer_prints_as_address_not_contents() {
    let inner = V::Ptr("*main.Point", 0xc000012000, Some(Box::new(point(1, 2))));
    let outer = V::Struct("main.Node", vec![("Next", inner)]);
    assert_eq!(sprint(&[&outer]), "{0xc000012000}");
}

#[test]
fn nil_map_slice_and_func_print_like_go() {
    let m = V::Map("map[string]int", None);
    let s = V::Slice("[]int", None);
    let c = V::Chan("chan int", 0);
    assert_eq!(sprintln(&[&m, &s, &c]), "map[] [] <nil>\n");
}

#[test]
fn owned_val_tree_prints_like_go() {
    let err = Val::Methods {
        inner: Box::new(Val::Ptr("*errors.errorString".into(), 0xc000010000, None)),
        error: Some("boom".into()),
        string: None,
    };
    let job = Val::Struct(
        "main.Job".into(),
        vec![
            ("ID".into(), Val::Int(7, "int".into())),
            ("Err".into(), err),
            ("tags".into(), Val::Slice("[]string".into(), 0, None)),
        ],
    );
    let p = Val::Ptr("*main.Job".into(), 0xc000020000, Some(Box::new(job)));
    assert_eq!(
        sprintf("%v|%+v|%T", &[&p, &p, &p]),
        "&{7 boom []}|&{ID:7 Err:boom tags:[]}|*main.Job"
    );
}
