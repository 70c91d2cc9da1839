//! Range over functions (compile/range_func.rs): the compile errors, with real Go's wording and
//! position (`tests/oracle/run-one` on each program). What such loops do at run time is in the
//! oracle (`tests/oracle/programs/lang_range_func*.go`).

/// golite's first compile error for `main`'s body, as `line:col: message`.
fn compile_error(imports: &str, body: &str) -> String {
    let src = format!("package main\n\nimport (\n{imports}\n)\n\nfunc main() {{\n{body}\n}}\n");
    match lessons::golite::compile("prog.go", &src, &[]) {
        Ok(_) => "compiled".to_string(),
        Err(e) => format!("{}:{}: {}", e.line, e.col, e.msg),
    }
}

fn loop_over(yield_type: &str, vars: &str, use_vars: &str) -> String {
    compile_error(
        "\t\"fmt\"",
        &format!(
            "\tvar f func({yield_type})\n\tfor {vars} := range f {{\n\t\tfmt.Println({use_vars})\n\t}}"
        ),
    )
}

#[test]
fn two_variables_over_a_one_value_iterator() {
    assert_eq!(
        loop_over("func(int) bool", "i, j", "i, j"),
        "9:9: range over f (variable of type func(func(int) bool)) permits only one iteration variable"
    );
}

#[test]
fn a_variable_over_a_zero_value_iterator() {
    assert_eq!(
        loop_over("func() bool", "x", "x"),
        "9:6: range over f (variable of type func(func() bool)) permits no iteration variables"
    );
}

#[test]
fn yield_must_return_bool() {
    assert_eq!(
        loop_over("func(int)", "x", "x"),
        "9:17: cannot range over f (variable of type func(func(int))): func must be func(yield func(...) bool): yield func does not return bool"
    );
}

#[test]
fn yield_takes_at_most_two_values() {
    assert_eq!(
        loop_over("func(int, int, int) bool", "x", "x"),
        "9:17: cannot range over f (variable of type func(func(int, int, int) bool)): func must be func(yield func(...) bool): yield func has too many parameters"
    );
}

#[test]
fn the_argument_must_be_a_func() {
    assert_eq!(
        loop_over("int", "x", "x"),
        "9:17: cannot range over f (variable of type func(int)): func must be func(yield func(...) bool): argument is not func"
    );
}

#[test]
fn an_unused_variable_in_the_body_is_go_error() {
    assert_eq!(
        compile_error(
            "\t\"fmt\"",
            "\tvar f func(func(int) bool)\n\tfor x := range f {\n\t\ty := 1\n\t\tfmt.Println(x)\n\t}"
        ),
        "10:3: declared and not used: y"
    );
}

#[test]
fn iter_pull_and_pull2_have_go_types() {
    assert_eq!(
        compile_error(
            "\t\"fmt\"\n\t\"iter\"\n\t\"maps\"",
            "\tvar f iter.Seq[int]\n\tvar next func() (int, bool)\n\tvar stop func()\n\tnext, stop = iter.Pull(f)\n\tn2, s2 := iter.Pull2(maps.All(map[string]bool{}))\n\tvar k string\n\tvar ok bool\n\tk, ok, _ = n2()\n\tfmt.Println(next, stop, k, ok, s2)"
        ),
        "compiled"
    );
}

#[test]
fn a_labeled_continue_of_the_loop_itself_uses_its_label() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tvar f func(func(int) bool)\nouter:\n\tfor x := range f {\n\t\tif x > 1 {\n\t\t\tcontinue outer\n\t\t}\n\t\tfmt.Println(x)\n\t}\n}\n";
    assert!(lessons::golite::compile("prog.go", src, &[]).is_ok());
}
