//! A panic chain as Go prints it when it kills the program: a panic in a deferred call while
//! another unwinds, a panic after `recover`, a re-panic of the same value, and
//! `sync.WaitGroup.Go`'s re-panic. Each expected text is what `go run` (Go 1.27) printed after
//! the first `panic: ` for the same program; the report carries it whole, so the page can show
//! stderr as Go does, and its first line is the verdict.

use lessons::golite::{RunOptions, run_source};
use lessons::runtime::Outcome;

fn ends(src: &str, outcome: Outcome, stdout: &str, panic: &str) {
    let r = run_source("prog.go", src, &RunOptions::default());
    assert_eq!(
        (r.outcome, r.stdout.as_str(), r.panic.as_str()),
        (outcome, stdout, panic)
    );
}

fn dies(src: &str, stdout: &str, panic: &str) {
    ends(src, Outcome::Panic, stdout, panic);
}

#[test]
fn a_panic_in_a_deferred_call_prints_after_the_one_it_replaced() {
    dies(
        r#"package main

import "fmt"

func main() {
	ch := make(chan int)
	close(ch)
	defer func() {
		close(ch)
	}()
	fmt.Println("start")
	ch <- 1
}
"#,
        "start\n",
        "send on closed channel\n\tpanic: close of closed channel",
    );
}

#[test]
fn a_new_panic_after_recover_keeps_the_recovered_one_marked() {
    dies(
        r#"package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		panic("second")
	}()
	panic("first")
}
"#,
        "recovered first\n",
        "first [recovered]\n\tpanic: second",
    );
}

#[test]
fn re_panicking_the_recovered_value_prints_it_once() {
    dies(
        r#"package main

import "fmt"

func main() {
	defer func() {
		r := recover()
		fmt.Println("recovered", r)
		panic(r)
	}()
	var s []int
	_ = s[3]
}
"#,
        "recovered runtime error: index out of range [3] with length 0\n",
        "runtime error: index out of range [3] with length 0 [recovered, repanicked]",
    );
}

#[test]
fn waitgroup_go_re_panics_what_its_function_panicked_with() {
    dies(
        r#"package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	var wg sync.WaitGroup
	wg.Go(func() {
		defer func() { panic("in defer") }()
		panic("in f")
	})
	time.Sleep(time.Second)
	wg.Wait()
	fmt.Println("unreachable")
}
"#,
        "",
        "in f\n\tpanic: in defer [recovered, repanicked]",
    );
}

#[test]
fn a_recovered_panic_is_gone_once_the_deferred_call_returns() {
    ends(
        r#"package main

import "fmt"

func main() {
	defer func() {
		fmt.Println("outer", recover())
	}()
	defer func() {
		r := recover()
		fmt.Println("inner", r)
		panic(fmt.Sprint("again: ", r))
	}()
	panic("first")
}
"#,
        Outcome::Exit,
        "inner first\nouter again: first\n",
        "",
    );
}

#[test]
fn waitgroup_go_without_a_panic_still_counts_done() {
    ends(
        r#"package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	n := 0
	var mu sync.Mutex
	for range 3 {
		wg.Go(func() {
			mu.Lock()
			n++
			mu.Unlock()
		})
	}
	wg.Wait()
	fmt.Println(n)
}
"#,
        Outcome::Exit,
        "3\n",
        "",
    );
}
