//! `goto` (compile/goto.rs): Go's compile errors for jumps it refuses. What jumps do at run
//! time is in the oracle (`tests/oracle/programs/lang_goto_*.go`). Go words these two as below
//! (`tests/oracle/run-one`), but places a `:=` declaration at its operator and a block at its
//! brace, which golite's syntax tree does not keep: golite names the variable's own position and
//! the block's line.

fn compile_error(body: &str) -> String {
    let src = format!("package main\n\nimport \"fmt\"\n\nfunc main() {{\n{body}\n}}\n");
    match lessons::golite::compile("prog.go", &src, &[]) {
        Ok(_) => "compiled".to_string(),
        // The file's name goes into messages where a run reports them (golite::run_source).
        Err(e) => format!("{}:{}: {}", e.line, e.col, e.msg).replace("\u{1}file\u{1}", "prog.go"),
    }
}

#[test]
fn a_forward_goto_must_not_skip_a_declaration() {
    assert_eq!(
        compile_error("\tgoto done\n\tx := 1\n\tfmt.Println(x)\ndone:\n\tfmt.Println(\"end\")"),
        "6:7: goto done jumps over declaration of x at ./prog.go:7:2"
    );
}

#[test]
fn a_goto_must_not_enter_a_block() {
    assert_eq!(
        compile_error("\tgoto inner\n\tif true {\n\tinner:\n\t\tfmt.Println(\"in\")\n\t}"),
        "6:7: goto inner jumps into block starting at ./prog.go:7"
    );
}

#[test]
fn a_declaration_after_the_label_is_fine() {
    assert_eq!(
        compile_error("\tgoto done\ndone:\n\tx := 1\n\tfmt.Println(x)"),
        "compiled"
    );
}

#[test]
fn a_backward_goto_over_a_declaration_is_fine() {
    assert_eq!(
        compile_error(
            "\tn := 0\nagain:\n\tx := n\n\tn++\n\tif x < 3 {\n\t\tgoto again\n\t}\n\tfmt.Println(n)"
        ),
        "compiled"
    );
}

#[test]
fn an_unused_label_is_an_error_even_with_gotos_elsewhere() {
    assert_eq!(
        compile_error("\tgoto a\na:\nb:\n\tfmt.Println(1)"),
        "8:1: label b defined and not used"
    );
}

#[test]
fn a_label_defined_twice() {
    assert_eq!(
        compile_error("a:\n\tfmt.Println(1)\na:\n\tgoto a"),
        "8:1: label a already defined at ./prog.go:6:1"
    );
}
