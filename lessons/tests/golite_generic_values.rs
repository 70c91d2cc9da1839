//! Generic functions as values (compile/generic_values.rs): the compile errors, with real Go's
//! wording and position (`tests/oracle/run-one`). What such values do at run time is in the
//! oracle (`tests/oracle/programs/lang_generic_func_values.go`).

fn compile_error(src: &str) -> String {
    match lessons::golite::compile("prog.go", src, &[]) {
        Ok(_) => "compiled".to_string(),
        Err(e) => format!("{}:{}: {}", e.line, e.col, e.msg),
    }
}

const DOUBLE: &str = "package main\n\nimport \"fmt\"\n\nfunc Double[T ~int | ~float64](x T) T { return x * 2 }\n\nfunc main() {\n";

#[test]
fn a_generic_function_needs_type_arguments_or_a_function_type() {
    let src = format!("{DOUBLE}\tf := Double\n\tfmt.Println(f)\n}}\n");
    assert_eq!(
        compile_error(&src),
        "8:7: cannot use generic function Double without instantiation"
    );
}

#[test]
fn a_library_generic_function_too() {
    let src = "package main\n\nimport (\n\t\"cmp\"\n\t\"fmt\"\n)\n\nfunc main() {\n\tf := cmp.Compare\n\tfmt.Println(f)\n}\n";
    assert_eq!(
        compile_error(src),
        "9:7: cannot use generic function cmp.Compare without instantiation"
    );
}

#[test]
fn the_function_type_gives_the_type_arguments() {
    let src = format!(
        "{DOUBLE}\tvar f func(int) int = Double\n\tg := Double[float64]\n\tfmt.Println(f(1), g(2))\n}}\n"
    );
    assert_eq!(compile_error(&src), "compiled");
}

#[test]
fn an_inferred_type_argument_must_satisfy_the_constraint() {
    let src = "package main\n\nimport \"fmt\"\n\ntype Number interface{ ~int | ~float64 }\n\nfunc Double[T Number](x T) T { return x * 2 }\n\nfunc main() {\n\tvar f func(string) string = Double\n\tfmt.Println(f)\n}\n";
    assert_eq!(
        compile_error(src),
        "10:30: string does not satisfy Number (string missing in ~int | ~float64)"
    );
}
