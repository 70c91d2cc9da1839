//! Issue 23 in golite: programs that once aborted the engine (and with it the page), ran without
//! end or ate gigabytes now end with Go's answer or a clear outcome. The corpus in
//! `tests/hostile/` runs every shape natively with time and memory bounds; these are the exact
//! messages, and the shapes that must also fit the page's 1 MiB stack.

use lessons::golite::{Limits, RunOptions, run_source};
use lessons::runtime::{Outcome, RunReport};

fn run(src: &str) -> RunReport {
    run_source("prog.go", src, &RunOptions::default())
}

/// Runs on a thread with `kib` KiB of stack, as the page's wasm has 1 MiB (16 times more in
/// unoptimised builds, whose frames are that much larger).
fn run_on_stack(src: String, kib: usize) -> RunReport {
    let kib = if cfg!(debug_assertions) {
        kib * 16
    } else {
        kib
    };
    let h = std::thread::Builder::new()
        .stack_size(kib << 10)
        .spawn(move || run(&src));
    match h {
        Ok(h) => h.join().unwrap_or_else(|_| panic!("the run panicked")),
        Err(e) => panic!("cannot spawn: {e}"),
    }
}

fn main_of(body: &str) -> String {
    main_with("", body)
}

/// A program importing fmt, with two lines of padding so that the body starts at line 8.
fn main_with(decls: &str, body: &str) -> String {
    let import = if body.contains("fmt.") {
        "import \"fmt\""
    } else {
        "// (no import)"
    };
    format!("package main\n\n{import}\n\n// padding\n\n{decls}func main() {{\n{body}}}\n")
}

#[test]
fn huge_float_precisions_print_every_digit_as_go_does() {
    let r = run(&main_of(
        "\tfmt.Printf(\"%.65536f|\", 1.0)\n\tfmt.Println(len(fmt.Sprintf(\"%.70000e\", 1.5)))\n",
    ));
    assert_eq!(r.outcome, Outcome::Exit, "{}", r.panic);
    assert_eq!(r.stdout, format!("1.{}|70006\n", "0".repeat(65536)));
}

#[test]
fn strings_repeat_overflow_panics_as_go_does() {
    let r = run(&main_of("\t_ = strings.Repeat(\"ab\", 1<<62)\n")
        .replace("// (no import)", "import \"strings\""));
    assert_eq!(r.outcome, Outcome::Panic);
    assert_eq!(r.panic, "strings: Repeat output length overflow");
}

#[test]
fn an_allocation_past_the_heap_limit_is_refused_before_memory_is_requested() {
    let r = run(&main_of(
        "\ts := make([]int, 1<<40)\n\tfmt.Println(len(s))\n",
    ));
    assert_eq!(r.outcome, Outcome::Limit);
    assert_eq!(
        r.panic,
        "heap limit: the modeled heap would pass 268435456 bytes (8796093022208 more bytes asked for at line 8)"
    );
}

#[test]
fn invalid_recursive_types_are_compile_errors_as_in_go() {
    let r = run("package main\n\ntype T struct{ t T }\n\nfunc main() {\n\tvar t T\n\t_ = t\n}\n");
    assert_eq!(r.outcome, Outcome::CompileError);
    assert_eq!(
        r.panic,
        "prog.go:3:6: invalid recursive type: T refers to itself"
    );
    let r =
        run("package main\n\ntype A struct{ b B }\ntype B struct{ a [2]A }\n\nfunc main() {}\n");
    assert_eq!(
        r.panic,
        "prog.go:3:6: invalid recursive type A\n\tA refers to B\n\tB refers to A"
    );
    // Through a pointer, slice, map, channel or function the type is fine.
    let r = run(
        "package main\n\ntype T struct {\n\tp *T\n\ts []T\n\tm map[int]T\n}\n\nfunc main() {\n\tvar t T\n\t_ = t\n}\n",
    );
    assert_eq!(r.outcome, Outcome::Exit, "{}", r.panic);
}

#[test]
fn main_and_init_take_no_arguments_and_return_nothing() {
    let r = run("package main\n\nfunc main(x int) {\n}\n");
    assert_eq!(
        r.panic,
        "prog.go:3:6: func main must have no arguments and no return values"
    );
    let r = run("package main\n\nfunc init() int { return 1 }\n\nfunc main() {}\n");
    assert_eq!(
        r.panic,
        "prog.go:3:6: func init must have no arguments and no return values"
    );
}

#[test]
fn constant_division_that_overflows_is_a_compile_error() {
    let r = run(&main_of("\tfmt.Println((-1 << 127) / -1)\n"));
    assert_eq!(r.outcome, Outcome::CompileError);
}

#[test]
fn more_than_65535_locals_is_a_compile_error_not_shared_slots() {
    let params: Vec<String> = (0..70_000).map(|i| format!("p{i}")).collect();
    let src = format!(
        "package main\n\nfunc f({} int) int {{ return p69999 }}\n\nfunc main() {{}}\n",
        params.join(", ")
    );
    let r = run(&src);
    assert_eq!(
        r.panic,
        "prog.go:3:1: function main.f has more than 65535 local variables (golite's limit)"
    );
}

#[test]
fn long_chains_compile_within_a_mebibyte_of_stack_or_are_a_nesting_error() {
    let ok = main_of(&format!(
        "\ty := 1\n\tfmt.Println({})\n",
        vec!["y"; 390].join(" + ")
    ));
    let r = run_on_stack(ok, 1024);
    assert_eq!(r.stdout, "390\n", "{}", r.panic);
    let calls = main_of(&format!(
        "\tfmt.Println({})\n",
        vec!["len(\"a\")"; 390].join(" + ")
    ));
    assert_eq!(run_on_stack(calls, 1024).stdout, "390\n");
    let long = main_of(&format!(
        "\tx := {}\n\t_ = x\n",
        vec!["1"; 12_000].join(" + ")
    ));
    let r = run_on_stack(long, 1024);
    assert_eq!(r.outcome, Outcome::CompileError);
    assert!(r.panic.ends_with("program nested too deeply (an expression chains more than 400 operators, calls, indexes or selectors)"), "{}", r.panic);
}

#[test]
fn deep_values_are_dropped_without_recursion() {
    // A linked list, nested closures and nested []any, a million deep, on a 1 MiB stack.
    let list = main_with(
        "type node struct{ next *node }\n\n",
        "\tvar head *node\n\tfor i := 0; i < 1000000; i++ {\n\t\thead = &node{next: head}\n\t}\n\tfmt.Println(head != nil)\n",
    );
    assert_eq!(run_on_stack(list, 1024).stdout, "true\n");
    let closures = main_of(
        "\tf := func() int { return 0 }\n\tfor i := 0; i < 100000; i++ {\n\t\tg := f\n\t\tf = func() int { return g() + 1 }\n\t}\n\tfmt.Println(f != nil)\n",
    );
    assert_eq!(run_on_stack(closures, 1024).stdout, "true\n");
    let anys = main_of(
        "\tvar x any = 0\n\tfor i := 0; i < 1000000; i++ {\n\t\tx = []any{x}\n\t}\n\tfmt.Println(x != nil)\n",
    );
    assert_eq!(run_on_stack(anys, 1024).stdout, "true\n");
}

#[test]
fn deep_equality_and_map_keys_need_no_recursion() {
    let src = main_with(
        "type box struct{ v any }\n\n",
        "\tvar x, y any = 0, 0\n\tfor i := 0; i < 100000; i++ {\n\t\tx = box{x}\n\t\ty = box{y}\n\t}\n\tm := map[any]int{x: 1}\n\tfmt.Println(x == y, len(m))\n",
    );
    let r = run_on_stack(src, 1024);
    assert_eq!(r.stdout, "true 1\n", "{}", r.panic);
}

#[test]
fn work_inside_one_instruction_counts_against_the_step_limit() {
    let src = main_of(
        "\ts := strings.Repeat(\"x\", 1<<20)\n\tn := 0\n\tfor {\n\t\tif strings.Contains(s, \"y\") {\n\t\t\tn++\n\t\t}\n\t}\n",
    )
    .replace("// (no import)", "import \"strings\"");
    let opts = RunOptions {
        limits: Limits {
            steps: 1_000_000,
            ..Limits::default()
        },
        ..RunOptions::default()
    };
    let r = run_source("prog.go", &src, &opts);
    assert_eq!(r.outcome, Outcome::Limit);
    assert_eq!(
        r.panic,
        "step limit: the program ran more than 1000000 steps (goroutine 1 at line 11, in a library call)"
    );
    // 1 MiB read per call is 65536 steps: the limit comes after 16 calls, not a million.
    assert!(r.steps < 1_100_000, "{}", r.steps);
}

#[test]
fn a_defer_in_an_endless_loop_ends_at_the_heap_limit() {
    // Pending defers are bounded like the heap they take in Go (128 bytes each): with 64 MB,
    // 524,288 of them; with the default 256 MB the step limit comes first (2,097,152 defers
    // would take more than its 48 M steps).
    let src = main_of("\tfor {\n\t\tdefer func() {}()\n\t}\n");
    let mut small = RunOptions::default();
    small.limits.heap_bytes = 64 << 20;
    let r = run_source("prog.go", &src, &small);
    assert_eq!(r.outcome, Outcome::Limit);
    assert_eq!(
        r.panic,
        "heap limit: more than 524288 deferred calls pending in one function call (defer at line 9)"
    );
    let r = run(&src);
    assert_eq!(r.outcome, Outcome::Limit);
    assert_eq!(
        r.panic,
        "step limit: the program ran more than 48000000 steps (goroutine 1 at line 9, in defer)"
    );
}
