//! Union constraints are checked term by term (compile/generics.rs's `check_generic_bodies`),
//! and unary `-`/`^` need numbers/integers. Go's wording where golite has it (`run-one`).

fn compile_error(src: &str) -> String {
    match lessons::golite::compile("prog.go", src, &[]) {
        Ok(_) => "compiled".to_string(),
        Err(e) => format!("{}:{}: {}", e.line, e.col, e.msg),
    }
}

#[test]
fn negating_a_type_parameter_whose_union_holds_a_string() {
    let src = "package main\n\nimport \"fmt\"\n\ntype Num interface {\n\t~int | ~float64 | ~string\n}\n\nfunc Neg[T Num](x T) T { return -x }\n\nfunc main() {\n\tfmt.Println(Neg(2))\n}\n";
    assert_eq!(
        compile_error(src),
        "9:34: invalid operation: operator - not defined on x (variable of type T constrained by Num)"
    );
}

#[test]
fn an_operation_only_the_first_term_allows_is_refused() {
    // Go: "invalid operation: x * 2 (mismatched types T and untyped int)" at 5:44.
    let src = "package main\n\nimport \"fmt\"\n\nfunc Twice[T int | string](x T) T { return x * 2 }\n\nfunc main() {\n\tfmt.Println(Twice(2))\n}\n";
    assert_ne!(compile_error(src), "compiled");
}

#[test]
fn every_term_allowing_it_compiles() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc Twice[T int | int64 | float64](x T) T { return -x * 2 }\n\nfunc main() {\n\tfmt.Println(Twice(2))\n}\n";
    assert_eq!(compile_error(src), "compiled");
}

#[test]
fn negating_a_string_is_go_error() {
    let src =
        "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := \"a\"\n\tfmt.Println(-x)\n}\n";
    assert_eq!(
        compile_error(src),
        "7:15: invalid operation: operator - not defined on x (variable of type string)"
    );
}

#[test]
fn complementing_a_float_is_go_error() {
    let src = "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tx := 1.5\n\tfmt.Println(^x)\n}\n";
    assert_eq!(
        compile_error(src),
        "7:15: invalid operation: operator ^ not defined on x (variable of type float64)"
    );
}
