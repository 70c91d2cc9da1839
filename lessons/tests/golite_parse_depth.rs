//! Hostile nesting must end in a clear error, never a stack overflow, even in unoptimised builds
//! on a small stack (wasm's default stack is 1 MiB; release frames are far smaller than these).

use lessons::golite::syntax::parse_file;

const N: usize = 1000;

fn shapes() -> Vec<(&'static str, String)> {
    vec![
        (
            "blocks",
            format!("package main\nfunc main() {}\n", "{".repeat(N)),
        ),
        (
            "parens",
            format!(
                "package main\nfunc main() {{\n\tx := {}1{}\n}}\n",
                "(".repeat(N),
                ")".repeat(N)
            ),
        ),
        (
            "funclits",
            format!(
                "package main\nfunc main() {{\n{}\n}}\n",
                "func() {\n".repeat(N)
            ),
        ),
        (
            "ifs",
            format!(
                "package main\nfunc main() {{\n{}\n}}\n",
                "if x {\nfor {\n".repeat(N)
            ),
        ),
        (
            "types",
            format!("package main\nvar x {}int\n", "[]".repeat(N)),
        ),
        (
            "complits",
            format!("package main\nvar x = T{}\n", "{".repeat(N)),
        ),
        (
            "unary",
            format!("package main\nvar x = {}1\n", "- ".repeat(N)),
        ),
        (
            "calls",
            format!("package main\nvar x = {}\n", "f(".repeat(N)),
        ),
        (
            "index",
            format!("package main\nvar x = {}\n", "a[".repeat(N)),
        ),
        (
            "elseif",
            format!(
                "package main\nfunc main() {{\nif x {{}}{}\n}}\n",
                " else if x {}".repeat(N)
            ),
        ),
        (
            "switch",
            format!(
                "package main\nfunc main() {{\n{}\n}}\n",
                "switch {\ncase true:\n".repeat(N)
            ),
        ),
        (
            "mixed",
            format!(
                "package main\nfunc main() {{\n{}\n}}\n",
                "if ((((x)))) {\nswitch {\ncase (((y))):\nfor (z) {\n_ = T{{{{{{(((-(a))))}}}}}}\n"
                    .repeat(N)
            ),
        ),
    ]
}

/// Parses on a thread with `kib` KiB of stack; returns the error message.
fn parse_on_stack(src: String, kib: usize) -> Option<String> {
    let h = std::thread::Builder::new()
        .stack_size(kib << 10)
        .spawn(move || parse_file(&src).err().map(|e| e.msg));
    match h {
        Ok(h) => h.join().ok().flatten(),
        Err(e) => panic!("cannot spawn: {e}"),
    }
}

#[test]
fn every_deep_shape_is_a_nesting_error_within_two_mib_of_stack() {
    for (name, src) in shapes() {
        let msg = parse_on_stack(src, 2048);
        assert_eq!(
            msg.as_deref(),
            Some("program nested too deeply (more than 50 levels)"),
            "shape {name}"
        );
    }
}

#[test]
fn realistic_nesting_depth_is_accepted() {
    // Ten nested blocks, each with a call nested five deep: far deeper than any lesson.
    let mut body = String::new();
    for _ in 0..10 {
        body.push_str("for i := range 3 {\n\tf(g(h(k(m(i)))))\n");
    }
    body.push_str(&"}\n".repeat(10));
    let src = format!("package main\nfunc main() {{\n{body}}}\n");
    assert_eq!(parse_on_stack(src, 2048), None);
}
