//! golite against real Go: each program below ran under Go 1.27 (`tests/oracle/run-one`, i.e.
//! inside `testing/synctest`), and its outcome, panic text, output, virtual time at main's return
//! and leaked goroutines are asserted exactly. One construct or library rule per test.
//! Regenerate an expectation with `tests/oracle/run-one FILE.go` after copying the program out.

use lessons::golite::{RunOptions, run_source};
use lessons::runtime::{Leak, Outcome};

/// What real Go did with a program.
struct Expect {
    outcome: Outcome,
    panic: &'static str,
    stdout: &'static str,
    virtual_time_ns: i64,
    leaked: &'static [(&'static str, u32, u32)],
}

fn check(src: &str, want: Expect) {
    let r = run_source("prog.go", src, &RunOptions::default());
    let leaked: Vec<Leak> = want
        .leaked
        .iter()
        .map(|&(state, line, count)| Leak {
            state: state.into(),
            line,
            count,
        })
        .collect();
    assert_eq!(
        (
            r.outcome,
            r.panic.as_str(),
            r.stdout.as_str(),
            r.virtual_time_ns,
            r.leaked
        ),
        (
            want.outcome,
            want.panic,
            want.stdout,
            want.virtual_time_ns,
            leaked
        )
    );
}

#[test]
fn closures_capture_by_reference() {
    check(
        r#"package main

import "fmt"

func counter() func() int {
	n := 0
	return func() int {
		n++
		return n
	}
}

func main() {
	c := counter()
	c()
	c()
	fmt.Println(c())
	x := 1
	inc := func() { x += 10 }
	inc()
	fmt.Println(x)
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "3\n11\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn constants_iota_typed() {
    check(
        r#"package main

import (
	"fmt"
	"time"
)

type Weekday int

const (
	Sunday Weekday = iota
	Monday
	Tuesday
)

const (
	_  = iota
	KB = 1 << (10 * iota)
	MB
)

func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }

func main() {
	fmt.Println(Sunday, Tuesday, KB, MB)
	fmt.Printf("%d %v\n", Monday, Monday)
	const timeout = 1500 * time.Millisecond
	fmt.Println(timeout, time.Duration(90)*time.Second)
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "Sun Tue 1024 1048576\n1 Mon\n1.5s 1m30s\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn context_cancel_tree() {
    check(
        r#"package main

import (
	"context"
	"fmt"
	"time"
)

func worker(ctx context.Context, id int, out chan<- string) {
	for {
		select {
		case <-ctx.Done():
			out <- fmt.Sprintf("worker %d: %v", id, ctx.Err())
			return
		case <-time.After(10 * time.Millisecond):
		}
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 35*time.Millisecond)
	defer cancel()
	out := make(chan string)
	for i := 1; i <= 2; i++ {
		go worker(ctx, i, out)
	}
	a, b := <-out, <-out
	fmt.Println(min(a, b))
	fmt.Println(max(a, b))
	fmt.Println(time.Now().Sub(time.Time{}) > 0)
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "worker 1: context deadline exceeded\nworker 2: context deadline exceeded\ntrue\n",
            virtual_time_ns: 35000000,
            leaked: &[],
        },
    );
}

#[test]
fn deadlock_main_receive() {
    check(
        r#"package main

import "fmt"

func main() {
	ch := make(chan int)
	fmt.Println("waiting")
	<-ch
}
"#,
        Expect {
            outcome: Outcome::Deadlock,
            panic: "all goroutines are asleep - deadlock!",
            stdout: "waiting\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn defer_order_and_args() {
    check(
        r#"package main

import "fmt"

func f() (n int) {
	defer func() { n *= 3 }()
	for i := 0; i < 3; i++ {
		defer fmt.Print(i, " ")
	}
	return 5
}

func main() {
	fmt.Println(f())
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "2 1 0 15\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn embedded_fields() {
    check(
        r#"package main

import (
	"fmt"
	"sync"
)

type Base struct{ ID int }

func (b Base) Describe() string { return fmt.Sprintf("base %d", b.ID) }

type Store struct {
	sync.Mutex
	Base
	data map[string]int
}

func main() {
	s := &Store{Base: Base{7}, data: map[string]int{}}
	s.Lock()
	s.data["a"] = 1
	s.Unlock()
	fmt.Println(s.ID, s.Describe(), s.data)
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "7 base 7 map[a:1]\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn errors_wrapping() {
    check(
        r#"package main

import (
	"errors"
	"fmt"
)

var ErrNotFound = errors.New("not found")

type QueryErr struct{ Q string }

func (e *QueryErr) Error() string { return "query " + e.Q }
func (e *QueryErr) Unwrap() error { return ErrNotFound }

func main() {
	e1 := fmt.Errorf("layer1: %w", ErrNotFound)
	e2 := fmt.Errorf("layer2: %w", e1)
	fmt.Println(e2, errors.Is(e2, ErrNotFound), errors.Unwrap(e2) == e1)
	var qe error = &QueryErr{"users"}
	wrapped := fmt.Errorf("db: %w", qe)
	var target *QueryErr
	fmt.Println(errors.Is(wrapped, ErrNotFound), errors.As(wrapped, &target), target.Q)
	joined := errors.Join(ErrNotFound, errors.New("other"))
	fmt.Println(errors.Is(joined, ErrNotFound))
	fmt.Println(joined)
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "layer2: layer1: not found true true\ntrue true users\ntrue\nnot found\nother\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn fmt_print_spacing() {
    check(
        r#"package main

import "fmt"

type P struct {
	Name string
	Age  int
	Tags []string
	M    map[string]bool
	Next *P
}

func main() {
	fmt.Print("a", "b", 1, 2, "c", 3.5, true, "\n")
	fmt.Println("a", 1, nil, []string{"x"}, [2]bool{})
	p := P{Name: "ann", Age: 30, Tags: []string{"a", "b"}, M: map[string]bool{"z": true, "k": false}}
	fmt.Printf("%v\n%+v\n", p, p)
	var e error
	var ip *int
	fmt.Println(e, ip, []int(nil), map[string]int(nil))
	fmt.Printf("%T %T %T %T\n", p, &p, e, []any{1})
	fmt.Printf("%6.2f|%-6.1f|%06.2f|%+d|%x|%q\n", 3.14159, 2.0, 3.5, 5, "hi", 'x')
	fmt.Println(fmt.Sprint("x", 1, 2, "y"), fmt.Sprintln("end"))
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "ab1 2c3.5 true\na 1 <nil> [x] [false false]\n{ann 30 [a b] map[k:false z:true] <nil>}\n{Name:ann Age:30 Tags:[a b] M:map[k:false z:true] Next:<nil>}\n<nil> <nil> [] map[]\nmain.P *main.P <nil> []interface {}\n  3.14|2.0   |003.50|+5|6869|'x'\nx1 2y end\n\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn goroutines_waitgroup_mutex() {
    check(
        r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	total := 0
	for i := 1; i <= 100; i++ {
		wg.Add(1)
		go func(n int) {
			defer wg.Done()
			mu.Lock()
			total += n
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	fmt.Println(total)
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "5050\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn integer_wraparound() {
    check(
        r#"package main

import "fmt"

func main() {
	var a int8 = 100
	a += 100
	var b uint16 = 0
	b--
	var c uint64 = 1 << 63
	c *= 2
	var d int32 = -2147483648
	d = -d
	var e uint = 3
	fmt.Println(a, b, c, d, e-4 > 0, uint8(300+0*int(e)), int8(-129+0*int(e)))
	x := 0.1
	y := 0.2
	fmt.Println(x+y, float32(x)+float32(y), 7.0/2, int(x*39.9), int(-x*39.9))
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "-56 65535 0 -2147483648 true 44 127\n0.30000000000000004 0.3 3.5 3 -3\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn interfaces_and_assertions() {
    check(
        r#"package main

import (
	"fmt"
	"strconv"
)

type Animal interface{ Sound() string }
type Dog struct{}
type Cat struct{ name string }

func (Dog) Sound() string  { return "woof" }
func (c Cat) Sound() string { return c.name + " meows" }
func (c Cat) String() string { return "Cat(" + c.name + ")" }

func main() {
	as := []Animal{Dog{}, Cat{"tom"}}
	for _, a := range as {
		fmt.Println(a.Sound())
		if s, ok := a.(fmt.Stringer); ok {
			fmt.Println(s.String())
		}
	}
	var x any = 42
	n, ok := x.(int)
	s, ok2 := x.(string)
	fmt.Println(n, ok, s == "", ok2, strconv.Itoa(n))
	fmt.Println(as[1])
	var a Animal
	fmt.Println(a == nil)
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "woof\ntom meows\nCat(tom)\n42 true true false 42\nCat(tom)\ntrue\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn labeled_break_in_select() {
    check(
        r#"package main

import "fmt"

func main() {
	ch := make(chan int)
	done := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			ch <- i
		}
		close(done)
	}()
loop:
	for {
		select {
		case v := <-ch:
			fmt.Println("got", v)
		case <-done:
			break loop
		}
	}
	fmt.Println("out")
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "got 0\ngot 1\ngot 2\nout\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn leak_blocked_receivers() {
    check(
        r#"package main

import (
	"fmt"
	"runtime"
)

func main() {
	ch := make(chan int)
	for i := 0; i < 3; i++ {
		go func() {
			<-ch
		}()
	}
	var nilch chan int
	go func() {
		nilch <- 1
	}()
	runtime.Gosched()
	fmt.Println(runtime.NumGoroutine())
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "5\n",
            virtual_time_ns: 0,
            leaked: &[("chan receive", 12, 3), ("chan send (nil chan)", 17, 1)],
        },
    );
}

#[test]
fn loopvar_per_iteration() {
    check(
        r#"package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, v := range []int{7, 8} {
		fs = append(fs, func() int { return v })
	}
	for _, f := range fs {
		fmt.Print(f(), " ")
	}
	fmt.Println()
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "0 1 2 7 8 \n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn maps_reference_semantics() {
    check(
        r#"package main

import "fmt"

func add(m map[string][]int, k string, v int) {
	m[k] = append(m[k], v)
}

func main() {
	m := map[string][]int{}
	add(m, "a", 1)
	add(m, "a", 2)
	add(m, "b", 3)
	fmt.Println(m, len(m))
	delete(m, "a")
	v, ok := m["a"]
	fmt.Println(v, ok, m)
	type key struct{ x, y int }
	grid := map[key]string{{1, 2}: "p"}
	fmt.Println(grid[key{1, 2}], grid)
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "map[a:[1 2] b:[3]] 2\n[] false map[b:[3]]\np map[{1 2}:p]\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn methods_value_and_pointer() {
    check(
        r#"package main

import "fmt"

type Counter struct{ n int }

func (c *Counter) Inc()     { c.n++ }
func (c Counter) Get() int  { return c.n }
func (c Counter) IncCopy()  { c.n++ }

type Num int

func (n *Num) Double() { *n *= 2 }

func main() {
	var c Counter
	c.Inc()
	c.Inc()
	c.IncCopy()
	p := &c
	p.Inc()
	fmt.Println(c.Get(), p.Get())
	var x Num = 4
	x.Double()
	fmt.Println(x)
	get := c.Get
	c.Inc()
	fmt.Println(get(), c.Get())
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "3 3\n8\n3 4\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn panic_custom_error() {
    check(
        r#"package main

import "fmt"

type E struct{ n int }

func (e E) Error() string { return fmt.Sprintf("bad %d", e.n) }

func main() {
	panic(E{3})
}
"#,
        Expect {
            outcome: Outcome::Panic,
            panic: "bad 3",
            stdout: "",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn range_forms() {
    check(
        r#"package main

import "fmt"

func main() {
	for i := range 3 {
		fmt.Print(i)
	}
	fmt.Println()
	arr := [3]string{"a", "b", "c"}
	for i, s := range arr {
		fmt.Print(i, s)
	}
	fmt.Println()
	m := map[string]int{"x": 1, "y": 2}
	sum := 0
	for _, v := range m {
		sum += v
	}
	fmt.Println(sum)
	for i, r := range "aé" {
		fmt.Println(i, r)
	}
	ch := make(chan int, 3)
	ch <- 1
	ch <- 2
	close(ch)
	for v := range ch {
		fmt.Print(v)
	}
	fmt.Println()
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "012\n0a1b2c\n3\n0 97\n1 233\n12\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn recover_only_in_defer() {
    check(
        r#"package main

import "fmt"

func safe() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("caught: %v", r)
		}
	}()
	var m map[string]int
	m["x"] = 1
	return nil
}

func main() {
	fmt.Println(safe())
	fmt.Println(recover())
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "caught: assignment to entry in nil map\n<nil>\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn runtime_error_divide() {
    check(
        r#"package main

import "fmt"

func main() {
	a, b := 10, 0
	fmt.Println(a / b)
}
"#,
        Expect {
            outcome: Outcome::Panic,
            panic: "runtime error: integer divide by zero",
            stdout: "",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn runtime_error_index() {
    check(
        r#"package main

import "fmt"

func main() {
	s := []int{1, 2, 3}
	i := 5
	fmt.Println("before")
	fmt.Println(s[i])
}
"#,
        Expect {
            outcome: Outcome::Panic,
            panic: "runtime error: index out of range [5] with length 3",
            stdout: "before\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn runtime_error_nil_map() {
    check(
        r#"package main

func main() {
	var m map[string]int
	m["a"] = 1
}
"#,
        Expect {
            outcome: Outcome::Panic,
            panic: "assignment to entry in nil map",
            stdout: "",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn runtime_error_nil_pointer() {
    check(
        r#"package main

import "fmt"

type T struct{ x int }

func main() {
	var p *T
	fmt.Println(p.x)
}
"#,
        Expect {
            outcome: Outcome::Panic,
            panic: "runtime error: invalid memory address or nil pointer dereference",
            stdout: "",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn runtime_error_type_assertion() {
    check(
        r#"package main

import "fmt"

func main() {
	var v any = "text"
	n := v.(int)
	fmt.Println(n)
}
"#,
        Expect {
            outcome: Outcome::Panic,
            panic: "interface conversion: interface {} is string, not int",
            stdout: "",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn select_default_and_timeout() {
    check(
        r#"package main

import (
	"fmt"
	"time"
)

func main() {
	ch := make(chan int, 1)
	select {
	case v := <-ch:
		fmt.Println("got", v)
	default:
		fmt.Println("empty")
	}
	ch <- 1
	select {
	case ch <- 2:
		fmt.Println("sent")
	default:
		fmt.Println("full")
	}
	start := time.Now()
	select {
	case <-make(chan int):
	case <-time.After(30 * time.Millisecond):
		fmt.Println("timeout after", time.Since(start))
	}
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "empty\nfull\ntimeout after 30ms\n",
            virtual_time_ns: 30000000,
            leaked: &[],
        },
    );
}

#[test]
fn slices_share_backing_array() {
    check(
        r#"package main

import "fmt"

func main() {
	a := make([]int, 3, 10)
	b := append(a, 4)
	c := append(a, 5)
	fmt.Println(b[3], c[3], len(a), cap(b))
	d := a[1:2]
	d[0] = 99
	fmt.Println(a, d, len(d), cap(d))
	var s []int
	for i := 0; i < 5; i++ {
		s = append(s, i)
		fmt.Print(cap(s), " ")
	}
	fmt.Println()
	n := copy(s, []int{7, 7})
	fmt.Println(n, s, s == nil)
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "5 5 3 10\n[0 99 0] [99] 1 9\n1 2 4 4 8 \n2 [7 7 2 3 4] false\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn strings_and_strconv() {
    check(
        r#"package main

import (
	"fmt"
	"strconv"
	"strings"
)

func main() {
	fmt.Println(strings.Split("a,b,c", ","), strings.Join([]string{"x", "y"}, "-"))
	fmt.Println(strings.Contains("gopher", "ph"), strings.HasPrefix("go", "g"), strings.Index("chicken", "ken"))
	fmt.Println(strings.Fields("  a b  c "), strings.TrimSpace("  x "), strings.Replace("aaa", "a", "b", 2))
	var sb strings.Builder
	for i := 0; i < 3; i++ {
		sb.WriteString(strconv.Itoa(i))
	}
	fmt.Println(sb.String(), sb.Len())
	n, err := strconv.Atoi("12a")
	fmt.Println(n, err)
	v, _ := strconv.ParseInt("-42", 10, 64)
	fmt.Println(v, strconv.Quote("hi\n"), strconv.FormatInt(255, 16))
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "[a b c] x-y\ntrue true 4\n[a b c] x bba\n012 3\n0 strconv.Atoi: parsing \"12a\": invalid syntax\n-42 \"hi\\n\" ff\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn strings_last_index_any() {
    // The worked example of lessons/src/golite/README.md, "Adding a library function".
    check(
        r#"package main

import (
	"fmt"
	"strings"
)

func main() {
	fmt.Println(strings.LastIndexAny("go gopher", "go"), strings.LastIndexAny("go gopher", "rodent"))
	fmt.Println(strings.LastIndexAny("go gopher", "fail"), strings.LastIndexAny("chicken", ""))
	fmt.Println(strings.LastIndexAny("héllo wörld", "éö"))
	f := strings.LastIndexAny
	fmt.Println(f("a,b;c", ",;"))
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "4 8\n-1 -1\n8\n3\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn struct_copy_semantics() {
    check(
        r#"package main

import "fmt"

type Inner struct{ V int }
type Outer struct {
	In  Inner
	Arr [2]int
	P   *Inner
}

func main() {
	a := Outer{In: Inner{1}, Arr: [2]int{1, 2}, P: &Inner{5}}
	b := a
	b.In.V = 10
	b.Arr[0] = 10
	b.P.V = 50
	fmt.Println(a.In.V, a.Arr, a.P.V, b.In.V, b.Arr)
	list := []Inner{{1}, {2}}
	for _, it := range list {
		it.V = 100
	}
	for i := range list {
		list[i].V++
	}
	fmt.Println(list, a == a, Inner{1} == Inner{1})
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "1 [1 2] 50 10 [10 2]\n[{2} {3}] true true\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn type_switch_forms() {
    check(
        r#"package main

import "fmt"

func kind(v any) string {
	switch x := v.(type) {
	case nil:
		return "nil"
	case int, int64:
		return fmt.Sprintf("integer %v", x)
	case string:
		return "string of " + fmt.Sprint(len(x))
	case error:
		return "error " + x.Error()
	case []int:
		return fmt.Sprint("slice ", len(x))
	default:
		return fmt.Sprintf("other %T", x)
	}
}

func main() {
	fmt.Println(kind(nil), kind(3), kind(int64(4)), kind("abc"))
	fmt.Println(kind(fmt.Errorf("x")), kind([]int{1}), kind(2.5))
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "nil integer 3 integer 4 string of 3\nerror x slice 1 other float64\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

#[test]
fn variadic_calls() {
    check(
        r#"package main

import "fmt"

func sum(xs ...int) (total int, count int) {
	for _, x := range xs {
		total += x
	}
	return total, len(xs)
}

func main() {
	fmt.Println(sum())
	fmt.Println(sum(1, 2, 3))
	nums := []int{4, 5}
	fmt.Println(sum(nums...))
	t, _ := sum(9)
	fmt.Println(t)
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "0 0\n6 3\n9 2\n9\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}

/// golite's compile error message for `body` in a program importing bytes and bufio (its
/// column is not always Go's for a selector, so the message alone is compared).
fn library_compile_error(body: &str) -> String {
    let src = format!(
        "package main\n\nimport (\n\t\"bufio\"\n\t\"bytes\"\n)\n\nvar _ bufio.Scanner\n\nfunc main() {{\n\tvar b bytes.Buffer\n\t{body}\n}}\n"
    );
    match lessons::golite::compile("prog.go", &src, &[]) {
        Ok(_) => "compiled".to_string(),
        Err(e) => e.msg,
    }
}

#[test]
fn packages_written_in_go_keep_their_unexported_names_and_name_their_gaps() {
    // Go: `b.buf undefined (cannot refer to unexported field buf)`; golite says it is undefined.
    assert_eq!(
        library_compile_error("_ = b.buf"),
        "b.buf undefined (type bytes.Buffer has no field or method buf)"
    );
    assert_eq!(
        library_compile_error("b.empty()"),
        "b.empty undefined (type bytes.Buffer has no field or method empty)"
    );
    assert_eq!(
        library_compile_error("_ = bytes.list; _ = b"),
        "undefined: bytes.list"
    );
    // Go has these; golite does not yet.
    assert_eq!(
        library_compile_error("b.AvailableBuffer()"),
        "golite does not support (bytes.Buffer).AvailableBuffer yet"
    );
    assert_eq!(
        library_compile_error("_ = bufio.NewReadWriter; _ = b"),
        "golite does not support bufio.NewReadWriter yet"
    );
    assert_eq!(library_compile_error("b.WriteString(\"x\")"), "compiled");
}

/// golite's compile error message for `body` in a program importing the hash packages.
fn hash_compile_error(body: &str) -> String {
    let src = format!(
        "package main\n\nimport (\n\t\"crypto/sha256\"\n\t\"hash\"\n\t\"hash/crc32\"\n\t\"hash/fnv\"\n)\n\nvar _ hash.Hash = sha256.New()\nvar _ = crc32.IEEETable\nvar _ = fnv.New32\n\nfunc main() {{\n\t{body}\n}}\n"
    );
    match lessons::golite::compile("prog.go", &src, &[]) {
        Ok(_) => "compiled".to_string(),
        Err(e) => e.msg,
    }
}

#[test]
fn hash_packages_hide_their_unexported_names() {
    // Real Go 1.27.3: `name digest not exported by package crc32` where Go has the name,
    // `undefined: sha256.digest` where it has not; golite says undefined for both. Before,
    // a library package's unexported type was the program's to use (`crc32.digest{}` ran).
    assert_eq!(
        hash_compile_error("_ = crc32.digest{}"),
        "undefined: crc32.digest"
    );
    assert_eq!(
        hash_compile_error("var d sha256.digest; _ = d"),
        "undefined: sha256.digest"
    );
    assert_eq!(
        hash_compile_error("_ = fnv.sum32(1)"),
        "undefined: fnv.sum32"
    );
    // `%T` of sha256.New() is Go's `*sha256.Digest`, a type of an internal package.
    assert_eq!(
        hash_compile_error("var d *sha256.Digest; _ = d"),
        "undefined: sha256.Digest"
    );
    assert_eq!(
        hash_compile_error("_ = fnv.offset32"),
        "undefined: fnv.offset32"
    );
    assert_eq!(
        hash_compile_error("_ = sha256.Sum512"),
        "undefined: sha256.Sum512"
    );
    assert_eq!(
        hash_compile_error("var h hash.Hash32 = crc32.NewIEEE(); h.Clone()"),
        "h.Clone undefined (type hash.Hash32 has no field or method Clone)"
    );
    assert_eq!(
        hash_compile_error("var t crc32.Table; _ = crc32.Checksum(nil, &t)"),
        "compiled"
    );
    assert_eq!(
        hash_compile_error("var x hash.XOF; var c hash.Cloner; _, _ = x, c"),
        "compiled"
    );
}

#[test]
fn main_goexit_lets_the_others_finish_then_go_reports_no_goroutines() {
    // Real Go 1.27.3 (`go run`, outside the oracle's harness, whose test goroutine a Goexit in
    // main would end): the deferred call, the worker's line, then
    // `fatal error: no goroutines (main called runtime.Goexit) - deadlock!`, exit status 2.
    check(
        r#"package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	go func() {
		time.Sleep(time.Millisecond)
		fmt.Println("worker still runs")
	}()
	defer fmt.Println("main's deferred call runs")
	runtime.Goexit()
}
"#,
        Expect {
            outcome: Outcome::Fatal,
            panic: "no goroutines (main called runtime.Goexit) - deadlock!",
            stdout: "main's deferred call runs\nworker still runs\n",
            virtual_time_ns: 1_000_000,
            leaked: &[],
        },
    );
}

/// `append(s, x...)` reads `x` where it is (issue 23: a big spread was copied into a list
/// first): appending a slice to a window of itself, in place and into a new array, gives what
/// Go's memmove gives, for ints, bytes (a string spread too) and strings. Real Go 1.27.
#[test]
fn append_spread_of_an_overlapping_slice() {
    check(
        r#"package main

import "fmt"

func main() {
	s := make([]int, 3, 10)
	s[0], s[1], s[2] = 1, 2, 3
	t := append(s[:1], s...)
	fmt.Println(t, s)
	b := make([]byte, 0, 40)
	b = append(b, "0123456789abcdefghij"...)
	c := append(b[:5], b[2:22]...)
	fmt.Println(string(c), len(c), cap(c))
	d := append(c[:30], c...)
	fmt.Println(len(d), cap(d), string(d[28:34]))
	var n []string
	n = append(n, []string{"x", "y"}...)
	n = append(n[:1], n...)
	fmt.Println(n, len(n))
}
"#,
        Expect {
            outcome: Outcome::Exit,
            panic: "",
            stdout: "[1 1 2 3] [1 1 2]\n0123423456789abcdefghij\x00\x00 25 40\n55 80 \x00\x000123\n[x x y] 3\n",
            virtual_time_ns: 0,
            leaked: &[],
        },
    );
}
