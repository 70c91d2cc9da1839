//! Parser tests: structure of parsed programs, Go's error messages, and robustness.

use lessons::golite::syntax::ast::*;
use lessons::golite::syntax::parse_file;

/// A lesson-shaped program touching most of the subset.
const PROGRAM: &str = r#"package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// requests is tunable.
const requests = 50 // param: 1..2000 "Incoming requests"

const (
	A = iota * 10
	B
	C
)

type State int

type Worker struct {
	sync.Mutex
	name  string
	count int `json:"count"`
	next  *Worker
}

type Namer interface {
	fmt.Stringer
	Name() string
}

func (w *Worker) Name() string { return w.name }

func fetch(ctx context.Context, id int, out chan<- int, in <-chan int) (n int, err error) {
	select {
	case <-ctx.Done():
		return 0, ctx.Err()
	case v, ok := <-in:
		if !ok {
			return
		}
		out <- v + id
	case <-time.After(50 * time.Millisecond):
	default:
	}
	return n, nil
}

func sum(xs ...int) (total int) {
	for _, x := range xs {
		total += x
	}
	return
}

func main() {
	var wg sync.WaitGroup
	ch := make(chan int, 3)
	m := map[string][]int{"a": {1, 2}, "b": nil}
	pts := []struct{ X, Y int }{{1, 2}, {X: 3}}
	for i := range 10 {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			ch <- i
		}(i)
	}
	if w := (Worker{name: "w"}); w.name != "" {
		fmt.Println(w.name)
	} else if len(m) > 0 {
	}
	switch x := sum(1, 2, 3); {
	case x > 3, x < 0:
		fallthrough
	default:
	}
	var v interface{} = 3
	switch t := v.(type) {
	case nil:
	case int, *Worker:
		_ = t
	}
outer:
	for i := 0; i < 3; i++ {
		for j := range pts {
			if j == 1 {
				continue outer
			}
			break outer
		}
	}
	s := []int{1, 2, 3}[1:2:3]
	x := -s[0] &^ 3 << 2
	_ = x
	wg.Wait()
}
"#;

fn parse_ok(src: &str) -> File {
    match parse_file(src) {
        Ok(f) => f,
        Err(e) => panic!("unexpected error: {e}"),
    }
}

fn err_of(src: &str) -> String {
    match parse_file(src) {
        Ok(_) => panic!("expected an error for:\n{src}"),
        Err(e) => e.in_file("a.go"),
    }
}

fn func<'f>(f: &'f File, name: &str) -> &'f FuncDecl {
    f.decls
        .iter()
        .find_map(|d| match d {
            Decl::Func(fd) if fd.name.name == name => Some(&**fd),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no func {name}"))
}

fn main_body(src: &str) -> Vec<Stmt> {
    let f = parse_ok(src);
    func(&f, "main")
        .body
        .clone()
        .map(|b| b.stmts)
        .unwrap_or_default()
}

#[test]
fn program_parses_with_imports_in_order() {
    let f = parse_ok(PROGRAM);
    let paths: Vec<&str> = f.imports.iter().map(|i| i.path.as_str()).collect();
    assert_eq!(paths, ["context", "fmt", "sync", "time"]);
    assert_eq!(f.package.name, "main");
}

#[test]
fn expr_ids_are_unique_and_below_expr_count() {
    // Every `ExprId(n)` in the tree appears once and is below `expr_count`.
    let f = parse_ok(PROGRAM);
    let dbg = format!("{f:?}");
    let mut ids: Vec<u32> = dbg
        .split("ExprId(")
        .skip(1)
        .filter_map(|s| s.split(')').next()?.parse().ok())
        .collect();
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids");
    assert!(ids.iter().all(|&i| i < f.expr_count));
    assert!(n > 100);
}

#[test]
fn const_param_comment_and_doc_are_kept() {
    let f = parse_ok(PROGRAM);
    let Decl::Const(specs) = &f.decls[0] else {
        panic!("first decl is not const")
    };
    assert_eq!(specs[0].names[0].name, "requests");
    assert_eq!(
        specs[0].comment.as_deref(),
        Some(r#"param: 1..2000 "Incoming requests""#)
    );
    assert_eq!(specs[0].doc.as_deref(), Some("requests is tunable."));
    assert_eq!(specs[0].pos, Pos::new(11, 7));
}

#[test]
fn const_group_repeats_previous_expression_with_iota() {
    let f = parse_ok(PROGRAM);
    let Decl::Const(specs) = &f.decls[1] else {
        panic!("second decl is not const")
    };
    let summary: Vec<(String, u32, bool, usize)> = specs
        .iter()
        .map(|s| (s.names[0].name.clone(), s.iota, s.implicit, s.values.len()))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("A".to_string(), 0, false, 1),
            ("B".to_string(), 1, true, 1),
            ("C".to_string(), 2, true, 1)
        ]
    );
    assert!(matches!(
        specs[2].values[0].kind,
        ExprKind::Binary {
            op: BinaryOp::Mul,
            ..
        }
    ));
    assert_ne!(specs[1].values[0].id, specs[0].values[0].id);
}

#[test]
fn struct_fields_embedded_and_tagged() {
    let f = parse_ok(PROGRAM);
    let ty = f
        .decls
        .iter()
        .find_map(|d| match d {
            Decl::Type(ts) if ts[0].name.name == "Worker" => Some(ts[0].typ.clone()),
            _ => None,
        })
        .expect("Worker declared");
    let TypeKind::Struct(fields) = ty.kind else {
        panic!("not a struct")
    };
    let names: Vec<Option<String>> = fields
        .iter()
        .map(|f| f.name.as_ref().map(|n| n.name.clone()))
        .collect();
    assert_eq!(
        names,
        vec![
            None,
            Some("name".into()),
            Some("count".into()),
            Some("next".into())
        ]
    );
    assert_eq!(fields[2].tag.as_deref(), Some(r#"json:"count""#));
    assert!(
        matches!(&fields[0].typ.kind, TypeKind::Named { pkg: Some(p), name } if p.name == "sync" && name.name == "Mutex")
    );
}

#[test]
fn interface_with_embedded_and_method() {
    let f = parse_ok(PROGRAM);
    let ty = f
        .decls
        .iter()
        .find_map(|d| match d {
            Decl::Type(ts) if ts[0].name.name == "Namer" => Some(ts[0].typ.clone()),
            _ => None,
        })
        .expect("Namer declared");
    let TypeKind::Interface(elems) = ty.kind else {
        panic!("not an interface")
    };
    assert_eq!(elems.len(), 2);
    assert!(matches!(&elems[0], InterfaceElem::Embed(_)));
    assert!(
        matches!(&elems[1], InterfaceElem::Method { name, sig } if name.name == "Name" && sig.results.len() == 1)
    );
}

#[test]
fn method_receiver_pointer() {
    let f = parse_ok(PROGRAM);
    let m = func(&f, "Name");
    let r = m.recv.as_ref().expect("receiver");
    assert!(r.pointer);
    assert_eq!(r.type_name.name, "Worker");
    assert_eq!(r.name.as_ref().map(|n| n.name.as_str()), Some("w"));
}

#[test]
fn params_grouped_names_share_type_and_channel_directions() {
    let f = parse_ok(PROGRAM);
    let sig = &func(&f, "fetch").sig;
    let names: Vec<&str> = sig
        .params
        .iter()
        .filter_map(|p| p.name.as_ref().map(|n| n.name.as_str()))
        .collect();
    assert_eq!(names, ["ctx", "id", "out", "in"]);
    assert!(matches!(
        sig.params[2].typ.kind,
        TypeKind::Chan {
            dir: ChanDir::Send,
            ..
        }
    ));
    assert!(matches!(
        sig.params[3].typ.kind,
        TypeKind::Chan {
            dir: ChanDir::Recv,
            ..
        }
    ));
    let results: Vec<&str> = sig
        .results
        .iter()
        .filter_map(|p| p.name.as_ref().map(|n| n.name.as_str()))
        .collect();
    assert_eq!(results, ["n", "err"]);
}

#[test]
fn unnamed_params_are_types() {
    let f = parse_ok("package main\nfunc f(int, string) (bool, error) { return false, nil }\n");
    let sig = &func(&f, "f").sig;
    assert!(sig.params.iter().all(|p| p.name.is_none()));
    assert_eq!(sig.params.len(), 2);
    assert_eq!(sig.results.len(), 2);
}

#[test]
fn variadic_param_flagged_with_element_type() {
    let f = parse_ok(PROGRAM);
    let sig = &func(&f, "sum").sig;
    assert!(sig.variadic);
    assert!(matches!(&sig.params[0].typ.kind, TypeKind::Named { name, .. } if name.name == "int"));
}

#[test]
fn select_clauses_shapes() {
    let f = parse_ok(PROGRAM);
    let body = func(&f, "fetch").body.clone().expect("body");
    let StmtKind::Select(clauses) = &body.stmts[0].kind else {
        panic!("not a select")
    };
    assert_eq!(clauses.len(), 4);
    assert!(matches!(
        clauses[0].comm.as_deref().map(|s| &s.kind),
        Some(StmtKind::Expr(_))
    ));
    assert!(matches!(
        clauses[1].comm.as_deref().map(|s| &s.kind),
        Some(StmtKind::Assign {
            op: AssignOp::Define,
            ..
        })
    ));
    assert!(clauses[3].comm.is_none());
}

#[test]
fn range_over_int_with_define() {
    let stmts =
        main_body("package main\nfunc main() {\n\tfor i := range 10 {\n\t\t_ = i\n\t}\n}\n");
    assert!(
        matches!(&stmts[0].kind, StmtKind::Range { key: Some(_), value: None, define: true, x, .. } if x.kind == ExprKind::Int(10))
    );
}

#[test]
fn bare_range_without_variables() {
    let stmts = main_body("package main\nfunc main() {\n\tfor range ch {\n\t}\n}\n");
    assert!(matches!(
        &stmts[0].kind,
        StmtKind::Range {
            key: None,
            value: None,
            define: false,
            ..
        }
    ));
}

#[test]
fn three_clause_for_loop() {
    let stmts = main_body("package main\nfunc main() {\n\tfor i := 0; i < 3; i++ {\n\t}\n}\n");
    assert!(matches!(
        &stmts[0].kind,
        StmtKind::For {
            init: Some(_),
            cond: Some(_),
            post: Some(_),
            ..
        }
    ));
}

#[test]
fn composite_literal_in_if_header_needs_parens() {
    // `T{}` in a header is a block start; parenthesised it is a literal (Go's rule).
    let stmts = main_body(
        "package main\nfunc main() {\n\tif w := (Worker{name: \"w\"}); w.name != \"\" {\n\t}\n}\n",
    );
    let StmtKind::If {
        init: Some(init), ..
    } = &stmts[0].kind
    else {
        panic!("not an if with init")
    };
    let StmtKind::Assign { rhs, .. } = &init.kind else {
        panic!("init is not an assignment")
    };
    assert!(
        matches!(&rhs[0].unparen().kind, ExprKind::CompositeLit { typ: Some(_), elems } if elems.len() == 1)
    );
}

#[test]
fn slice_literal_allowed_in_for_header() {
    let stmts = main_body(
        "package main\nfunc main() {\n\tfor _, x := range []int{1, 2} {\n\t\t_ = x\n\t}\n}\n",
    );
    assert!(
        matches!(&stmts[0].kind, StmtKind::Range { x, .. } if matches!(&x.kind, ExprKind::CompositeLit { elems, .. } if elems.len() == 2))
    );
}

#[test]
fn elided_composite_literal_elements() {
    let stmts =
        main_body("package main\nfunc main() {\n\tm := map[string][]int{\"a\": {1, 2}}\n}\n");
    let StmtKind::Assign { rhs, .. } = &stmts[0].kind else {
        panic!("not an assignment")
    };
    let ExprKind::CompositeLit { elems, .. } = &rhs[0].kind else {
        panic!("not a literal")
    };
    assert!(
        matches!(&elems[0].value.kind, ExprKind::CompositeLit { typ: None, elems } if elems.len() == 2)
    );
    assert!(matches!(&elems[0].key.as_ref().map(|k| &k.kind), Some(ExprKind::Str(s)) if s == "a"));
}

#[test]
fn type_switch_with_binding_and_nil_case() {
    let stmts = main_body(
        "package main\nfunc main() {\n\tswitch t := v.(type) {\n\tcase nil:\n\tcase int, *W:\n\t\t_ = t\n\t}\n}\n",
    );
    let StmtKind::TypeSwitch {
        bind, x, clauses, ..
    } = &stmts[0].kind
    else {
        panic!("not a type switch")
    };
    assert_eq!(bind.as_ref().map(|b| b.name.as_str()), Some("t"));
    assert_eq!(x.kind, ExprKind::Ident("v".into()));
    assert_eq!(clauses[0].types, vec![None]);
    assert_eq!(clauses[1].types.len(), 2);
    assert!(matches!(
        &clauses[1].types[1],
        Some(TypeExpr {
            kind: TypeKind::Pointer(_),
            ..
        })
    ));
}

#[test]
fn precedence_follows_go() {
    // a + b*c << d == e && f || g  parses as  ((a + ((b*c) << d)) == e && f) || g
    let stmts = main_body("package main\nfunc main() {\n\t_ = a + b*c<<d == e && f || g\n}\n");
    let StmtKind::Assign { rhs, .. } = &stmts[0].kind else {
        panic!("not an assignment")
    };
    fn show(e: &Expr) -> String {
        match &e.kind {
            ExprKind::Ident(n) => n.clone(),
            ExprKind::Binary { op, x, y } => format!("({} {} {})", show(x), op.as_str(), show(y)),
            _ => "?".into(),
        }
    }
    assert_eq!(show(&rhs[0]), "((((a + ((b * c) << d)) == e) && f) || g)");
}

#[test]
fn binary_expression_position_is_the_operator() {
    let stmts = main_body("package main\nfunc main() {\n\t_ = a + b\n}\n");
    let StmtKind::Assign { rhs, .. } = &stmts[0].kind else {
        panic!("not an assignment")
    };
    assert_eq!(rhs[0].pos, Pos::new(3, 8));
}

#[test]
fn labeled_continue_and_break() {
    let stmts = main_body(
        "package main\nfunc main() {\nouter:\n\tfor {\n\t\tcontinue outer\n\t\tbreak outer\n\t}\n}\n",
    );
    let StmtKind::Labeled { label, stmt } = &stmts[0].kind else {
        panic!("not labeled")
    };
    assert_eq!(label.name, "outer");
    let StmtKind::For { body, .. } = &stmt.kind else {
        panic!("not a for")
    };
    assert!(matches!(&body.stmts[0].kind, StmtKind::Continue(Some(l)) if l.name == "outer"));
    assert!(matches!(&body.stmts[1].kind, StmtKind::Break(Some(l)) if l.name == "outer"));
}

#[test]
fn three_index_slice() {
    let stmts = main_body("package main\nfunc main() {\n\t_ = s[1:2:3]\n}\n");
    let StmtKind::Assign { rhs, .. } = &stmts[0].kind else {
        panic!("not an assignment")
    };
    assert!(matches!(
        &rhs[0].kind,
        ExprKind::Slice {
            lo: Some(_),
            hi: Some(_),
            max: Some(_),
            ..
        }
    ));
}

#[test]
fn go_and_defer_hold_calls() {
    let stmts = main_body("package main\nfunc main() {\n\tgo f(1)\n\tdefer func() {}()\n}\n");
    assert!(matches!(&stmts[0].kind, StmtKind::Go(e) if matches!(e.kind, ExprKind::Call { .. })));
    assert!(
        matches!(&stmts[1].kind, StmtKind::Defer(e) if matches!(e.kind, ExprKind::Call { .. }))
    );
}

#[test]
fn make_with_type_arguments_as_type_literals() {
    let stmts =
        main_body("package main\nfunc main() {\n\tc := make(chan int, 3)\n\tp := new(*T)\n}\n");
    let StmtKind::Assign { rhs, .. } = &stmts[0].kind else {
        panic!("not an assignment")
    };
    let ExprKind::Call { args, .. } = &rhs[0].kind else {
        panic!("not a call")
    };
    assert!(matches!(
        args[0].as_type(),
        Some(TypeExpr {
            kind: TypeKind::Chan {
                dir: ChanDir::Both,
                ..
            },
            ..
        })
    ));
    let StmtKind::Assign { rhs, .. } = &stmts[1].kind else {
        panic!("not an assignment")
    };
    let ExprKind::Call { args, .. } = &rhs[0].kind else {
        panic!("not a call")
    };
    assert!(matches!(
        args[0].as_type(),
        Some(TypeExpr {
            kind: TypeKind::Pointer(_),
            ..
        })
    ));
}

#[test]
fn ellipsis_call() {
    let stmts = main_body("package main\nfunc main() {\n\tsum(xs...)\n}\n");
    assert!(
        matches!(&stmts[0].kind, StmtKind::Expr(e) if matches!(e.kind, ExprKind::Call { ellipsis: true, .. }))
    );
}

#[test]
fn receive_only_channel_type_in_conversion() {
    let stmts = main_body("package main\nfunc main() {\n\tr := (<-chan int)(c)\n}\n");
    let StmtKind::Assign { rhs, .. } = &stmts[0].kind else {
        panic!("not an assignment")
    };
    let ExprKind::Call { func, .. } = &rhs[0].kind else {
        panic!("not a call")
    };
    assert!(matches!(
        func.as_type(),
        Some(TypeExpr {
            kind: TypeKind::Chan {
                dir: ChanDir::Recv,
                ..
            },
            ..
        })
    ));
}

#[test]
fn func_decl_body_end_position() {
    let f = parse_ok("package main\n\nfunc main() {\n\tx()\n}\n");
    let body = func(&f, "main").body.clone().expect("body");
    assert_eq!(body.end, Pos::new(5, 1));
}

// ---- errors, checked against `go build` (Go 1.27) output ------------------------------------

#[test]
fn error_missing_comma_in_argument_list() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\tx := f(1, 2\n\ty := 3\n}\n"),
        "a.go:4:13: syntax error: unexpected newline in argument list; possibly missing comma or )"
    );
}

#[test]
fn error_missing_brace_after_for_clause() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\tfor i := 0; i < 3; i++\n\t{\n\t}\n}\n"),
        "a.go:4:24: syntax error: unexpected newline, expected { after for clause"
    );
}

#[test]
fn error_statement_outside_function() {
    assert_eq!(
        err_of("package main\n\nx := 1\n\nfunc main() {\n}\n"),
        "a.go:3:1: syntax error: non-declaration statement outside function body"
    );
}

#[test]
fn error_unexpected_name_at_end_of_statement() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\ta b\n}\n"),
        "a.go:4:4: syntax error: unexpected name b at end of statement"
    );
}

#[test]
fn error_missing_expression() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\tx := \n}\n"),
        "a.go:5:1: syntax error: unexpected }, expected expression"
    );
}

#[test]
fn error_newline_in_string() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\tx := \"abc\n}\n"),
        "a.go:4:7: newline in string"
    );
}

#[test]
fn error_if_header_statement_used_as_value() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\tif x := 1 {\n}\n}\n"),
        "a.go:4:7: syntax error: cannot use x := 1 as value"
    );
}

#[test]
fn error_unexpected_eof() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n"),
        "a.go:4:1: syntax error: unexpected EOF, expected }"
    );
}

#[test]
fn error_missing_if_condition() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\tif {}\n}\n"),
        "a.go:4:5: syntax error: missing condition in if statement"
    );
}

#[test]
fn error_type_guard_outside_switch() {
    assert_eq!(
        err_of("package main\nimport \"fmt\"\nfunc main() {\n\tfmt.Println(x.(type))\n}\n"),
        "a.go:4:14: use of .(type) outside type switch"
    );
}

#[test]
fn error_assignment_chain() {
    assert_eq!(
        err_of("package main\nfunc main() {\n\tx = y = 3\n}\n"),
        "a.go:3:8: syntax error: unexpected = at end of statement"
    );
}

#[test]
fn error_grouped_declaration_missing_newline() {
    assert_eq!(
        err_of("package main\n\nconst (\n\ta = 1 b = 2\n)\n"),
        "a.go:4:8: syntax error: unexpected name b in grouped declaration; possibly missing semicolon or newline or )"
    );
}

#[test]
fn error_parameter_list_missing_comma() {
    assert_eq!(
        err_of("package main\n\nfunc f(a int b int) {}\n"),
        "a.go:3:14: syntax error: unexpected name b in parameter list; possibly missing comma or )"
    );
}

#[test]
fn error_composite_literal_missing_comma() {
    assert_eq!(
        err_of("package main\n\nvar x = []int{1, 2\n}\n"),
        "a.go:3:19: syntax error: unexpected newline in composite literal; possibly missing comma or }"
    );
}

#[test]
fn error_statement_in_switch_without_case() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\tswitch {\n\tfoo()\n\t}\n}\n"),
        "a.go:5:2: syntax error: unexpected name foo, expected case or default or }"
    );
}

#[test]
fn error_else_followed_by_for() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\tif true {\n\t} else for {}\n}\n"),
        "a.go:5:9: syntax error: else must be followed by if or statement block"
    );
}

#[test]
fn error_go_parenthesized() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\tgo (f())\n}\n"),
        "a.go:4:5: expression in go must not be parenthesized"
    );
}

#[test]
fn error_go_not_a_call() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\tgo 1\n}\n"),
        "a.go:4:5: expression in go must be function call"
    );
}

#[test]
fn error_declare_in_for_post() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\tfor i := 0; i < 3; i := 1 {}\n}\n"),
        "a.go:4:23: syntax error: cannot declare in post statement of for loop"
    );
}

#[test]
fn error_struct_missing_newline() {
    assert_eq!(
        err_of("package main\n\ntype T struct {\n\ta int b\n}\n"),
        "a.go:4:8: syntax error: unexpected name b in struct type; possibly missing semicolon or newline or }"
    );
}

#[test]
fn error_missing_parameter_type() {
    assert_eq!(
        err_of("package main\n\nfunc f(a int, b) {}\n"),
        "a.go:3:16: syntax error: missing parameter type"
    );
}

#[test]
fn error_final_index_of_3_index_slice() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\tx[1:2:]\n}\n"),
        "a.go:4:8: final index required in 3-index slice"
    );
}

#[test]
fn error_map_literal_missing_colon() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\tx := map[string]int{\"a\" 1}\n}\n"),
        "a.go:4:26: syntax error: unexpected literal 1 in composite literal; possibly missing comma or }"
    );
}

#[test]
fn error_brace_on_next_line_after_func() {
    assert_eq!(
        err_of("package main\n\nfunc main()\n{\n}\n"),
        "a.go:4:1: syntax error: unexpected semicolon or newline before {"
    );
}

#[test]
fn error_package_must_be_first() {
    assert_eq!(
        err_of("func main() {}\n"),
        "a.go:1:1: syntax error: package statement must be first"
    );
}

#[test]
fn error_lexical_beats_later_syntax() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\tx := 0x\n\t)\n}\n"),
        "a.go:4:9: hexadecimal literal has no digits"
    );
}

// ---- constructs outside the subset ------------------------------------------------------

#[test]
fn generic_function_type_parameters_grouped_with_their_constraints() {
    let f = parse_ok("package main\n\nfunc Map[T, U any, K comparable](xs []T) {}\n");
    let names: Vec<(String, String)> = func(&f, "Map")
        .tparams
        .iter()
        .map(|p| (p.name.name.clone(), type_string(&p.constraint)))
        .collect();
    assert_eq!(
        names,
        [("T", "any"), ("U", "any"), ("K", "comparable")]
            .map(|(a, b)| (a.to_string(), b.to_string()))
    );
}

#[test]
fn generic_type_with_a_union_constraint() {
    let f = parse_ok("package main\n\ntype List[T ~int | string] struct{}\n");
    let Decl::Type(ts) = &f.decls[0] else {
        panic!("not a type declaration")
    };
    assert_eq!(ts[0].tparams.len(), 1);
    assert_eq!(
        type_string(&ts[0].tparams[0].constraint),
        "interface{~int | string}"
    );
}

#[test]
fn generic_instantiation_in_a_type() {
    let f = parse_ok("package main\n\nimport \"sync/atomic\"\n\nvar p atomic.Pointer[int]\n");
    let Decl::Var(vs) = &f.decls[0] else {
        panic!("not a var declaration")
    };
    assert_eq!(
        vs[0].typ.as_ref().map(type_string).as_deref(),
        Some("atomic.Pointer[int]")
    );
}

#[test]
fn generic_instantiation_in_a_composite_literal_and_a_call() {
    let f = parse_ok(
        "package main\n\nfunc main() {\n\t_ = Pair[int, string]{1, \"a\"}\n\t_ = F[[]int, *T](nil)\n}\n",
    );
    let body = &func(&f, "main").body.as_ref().map(|b| b.stmts.len());
    assert_eq!(*body, Some(2));
}

#[test]
fn receiver_of_a_generic_type_names_its_type_parameters() {
    let f = parse_ok("package main\n\nfunc (s *Stack[E]) Push(v E) {}\n");
    let r = func(&f, "Push").recv.as_ref().map(|r| {
        (
            r.type_name.name.clone(),
            r.pointer,
            r.tparams.iter().map(|i| i.name.clone()).collect::<Vec<_>>(),
        )
    });
    assert_eq!(r, Some(("Stack".to_string(), true, vec!["E".to_string()])));
}

#[test]
fn array_type_declaration_is_not_generic() {
    let f = parse_ok("package main\n\nconst N = 3\n\ntype A [N]int\n");
    assert!(
        matches!(&f.decls[1], Decl::Type(ts) if matches!(ts[0].typ.kind, TypeKind::Array { .. }))
    );
}

#[test]
fn goto_names_its_label() {
    let body = main_body("package main\n\nfunc main() {\n\tgoto L\nL:\n}\n");
    assert!(
        matches!(&body[0].kind, StmtKind::Goto(l) if l.name == "L"),
        "{body:?}"
    );
    assert!(matches!(&body[1].kind, StmtKind::Labeled { label, .. } if label.name == "L"));
}

#[test]
fn imaginary_literal_is_its_imaginary_part() {
    let f = parse_ok("package main\n\nvar c = 0x1p-2i\n");
    let Decl::Var(vs) = &f.decls[0] else {
        panic!("not a var declaration")
    };
    assert!(
        matches!(vs[0].values[0].kind, ExprKind::Imag(v) if v == 0.25),
        "{:?}",
        vs[0].values
    );
}

#[test]
fn cgo_rejected_by_name() {
    assert_eq!(
        err_of("package main\n\nimport \"C\"\n"),
        "a.go:3:8: cgo (import \"C\") is outside the golite subset"
    );
}

#[test]
fn type_constraint_with_tilde_and_methods() {
    let f =
        parse_ok("package main\n\ntype Num interface {\n\t~int | ~float64\n\tString() string\n}\n");
    let Decl::Type(ts) = &f.decls[0] else {
        panic!("not a type declaration")
    };
    assert_eq!(
        type_string(&ts[0].typ),
        "interface{~int | ~float64; String() string}"
    );
}

// ---- robustness --------------------------------------------------------------------------

#[test]
fn every_prefix_of_a_real_program_errors_without_panicking() {
    // Every cut after main's `{` leaves it unclosed, so each must be an error (not a panic).
    // (Cutting before the `{` leaves a body-less declaration, which is valid syntax.)
    let body_start = PROGRAM.rfind("func main() {").unwrap_or(0) + "func main() ".len();
    let body_end = PROGRAM.trim_end().len() - 1; // the closing brace of main
    let parsed: Vec<usize> = PROGRAM
        .char_indices()
        .map(|(i, _)| i)
        .filter(|&i| i > body_start && i <= body_end)
        .filter(|&i| parse_file(&PROGRAM[..i]).is_ok())
        .collect();
    assert_eq!(parsed, Vec::<usize>::new());
    // Every prefix at all returns (Ok or Err) instead of panicking; cuts inside the package
    // clause leave a valid file ("package m"), so at least those parse.
    let ok_cuts: Vec<usize> = PROGRAM
        .char_indices()
        .filter(|&(i, _)| parse_file(&PROGRAM[..i]).is_ok())
        .map(|(i, _)| i)
        .collect();
    assert_eq!(&ok_cuts[..3], &[9, 10, 11]);
}

#[test]
fn garbled_inputs_never_panic_and_highlight_still_covers_them() {
    // Insert, delete and truncate at random (including multi-byte characters and half-made
    // literals); every input must give Ok or Err, and highlighting must cover it exactly.
    let pieces = [
        "{",
        "}",
        "(",
        ")",
        "[",
        "]",
        "\"",
        "'",
        "`",
        "/*",
        "*/",
        "//",
        "\n",
        "\\",
        "世",
        "é",
        ":=",
        "<-",
        "...",
        ".",
        ",",
        ";",
        "0x",
        "1e",
        "_",
        "func",
        "go",
        "chan",
        "select",
        "case",
        "type",
        "interface",
        "struct",
        "map",
        "*",
        "&",
        "~",
        "|",
        "@",
        "\u{feff}",
        "\r",
        "\\u",
        "\\x",
        "0b",
        "9",
        "i",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..2000 {
        let mut chars: Vec<char> = PROGRAM.chars().collect();
        for _ in 0..1 + rnd() % 5 {
            let at = (rnd() as usize) % (chars.len() + 1);
            match rnd() % 3 {
                0 if at < chars.len() => {
                    chars.remove(at);
                }
                1 => {
                    let p = pieces[(rnd() as usize) % pieces.len()];
                    for (k, c) in p.chars().enumerate() {
                        chars.insert(at + k, c);
                    }
                }
                _ => chars.truncate(at),
            }
        }
        let src: String = chars.into_iter().collect();
        let _ = parse_file(&src);
        let lines = lessons::golite::syntax::highlight::highlight(&src);
        let text: Vec<String> = lines
            .iter()
            .map(|l| l.iter().map(|(_, t)| t.as_str()).collect())
            .collect();
        assert_eq!(text.join("\n"), src);
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let src = format!(
        "package main\nfunc main() {{\n\tx := {}1{}\n}}\n",
        "(".repeat(100_000),
        ")".repeat(100_000)
    );
    let e = parse_file(&src).expect_err("too deep");
    assert!(e.msg.starts_with("program nested too deeply"), "{}", e.msg);
}

#[test]
fn deep_block_nesting_is_an_error_not_a_stack_overflow() {
    let src = format!("package main\nfunc main() {}\n", "{".repeat(50_000));
    let e = parse_file(&src).expect_err("too deep");
    assert!(e.msg.starts_with("program nested too deeply"), "{}", e.msg);
}

// ---- the real programs of this repository ------------------------------------------------

/// Every `.go` file directly inside `dir`'s subfolders (lesson folders) or inside `dir`.
fn go_files(dir: &std::path::Path, depth: usize) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    let Ok(rd) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() && depth > 0 {
            out.extend(go_files(&p, depth - 1));
        } else if p.extension().is_some_and(|x| x == "go") {
            out.push(p);
        }
    }
    out.sort();
    out
}

#[test]
fn every_lesson_and_oracle_program_parses() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = go_files(&root.join("catalog"), 1);
    // Oracle programs golite does not support yet (generics, complex numbers...) are listed in
    // KNOWN_GAPS.txt with their reason; every other one must parse.
    let gaps =
        std::fs::read_to_string(root.join("../tests/oracle/KNOWN_GAPS.txt")).unwrap_or_default();
    let known: Vec<&str> = gaps
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    files.extend(
        go_files(&root.join("../tests/oracle/programs"), 1)
            .into_iter()
            .filter(|p| {
                let stem = p.file_stem().map(|s| s.to_string_lossy().into_owned());
                !stem.is_some_and(|s| known.contains(&s.as_str()))
            }),
    );
    let failures: Vec<String> = files
        .iter()
        .filter_map(|p| {
            let src = std::fs::read_to_string(p).ok()?;
            parse_file(&src)
                .err()
                .map(|e| e.in_file(&p.display().to_string()))
        })
        .collect();
    assert!(files.len() >= 20, "only {} programs found", files.len());
    assert_eq!(failures, Vec::<String>::new());
}

#[test]
fn lexical_errors_are_reported_where_go_reports_them() {
    // `var x = LIT` with the literal at column 9; expectations from `go tool compile` (Go 1.27).
    let cases = [
        ("0x", "3:11: hexadecimal literal has no digits"),
        ("1__0", "3:11: '_' must separate successive digits"),
        ("0b102", "3:13: invalid digit '2' in binary literal"),
        ("1e", "3:11: exponent has no digits"),
        ("0o1.5", "3:12: invalid radix point in octal literal"),
        (
            "0x1.5",
            "3:14: hexadecimal mantissa requires a 'p' exponent",
        ),
        ("09", "3:10: invalid digit '9' in octal literal"),
        ("'ab'", "3:9: more than one character in rune literal"),
        ("''", "3:10: empty rune literal or unescaped '"),
        (r#""\q""#, "3:11: unknown escape"),
        (
            r#""\x4""#,
            "3:13: invalid character '\"' in hexadecimal escape",
        ),
        (
            r"'\u12'",
            "3:14: invalid character '\\'' in hexadecimal escape",
        ),
        ("1_", "3:10: '_' must separate successive digits"),
        ("`abc", "3:9: string not terminated"),
        ("\"abc", "3:9: string not terminated"),
        ("/* abc", "3:9: comment not terminated"),
        ("@", "3:9: invalid character U+0040 '@'"),
        (r#""\400""#, "3:14: octal escape value 256 > 255"),
        (
            r#""\uD800""#,
            "3:16: escape is invalid Unicode code point U+D800",
        ),
        (
            r#""\U00110000""#,
            "3:20: escape is invalid Unicode code point U+110000",
        ),
    ];
    let got: Vec<(&str, String)> = cases
        .iter()
        .map(|(lit, _)| {
            let src = format!("package main\n\nvar x = {lit}");
            (
                *lit,
                parse_file(&src).map_or_else(|e| e.to_string(), |_| "ok".into()),
            )
        })
        .collect();
    let want: Vec<(&str, String)> = cases.iter().map(|(l, w)| (*l, w.to_string())).collect();
    assert_eq!(got, want);
}

#[test]
fn type_checker_level_error_yields_to_a_later_syntax_error() {
    // Go reports "expression in go must be function call" only once the file parses.
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\tgo f\n\tx := \n}\n"),
        "a.go:6:1: syntax error: unexpected }, expected expression"
    );
}

#[test]
fn error_missing_parameter_name() {
    assert_eq!(
        err_of("package main\n\nfunc f(a int, []string) {}\n"),
        "a.go:3:15: syntax error: missing parameter name"
    );
}

#[test]
fn error_plain_assignment_in_if_condition_is_spelled_out() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\tif a+1 = b {\n\t}\n}\n"),
        "a.go:4:9: syntax error: cannot use assignment (a + 1) = b as value"
    );
}

#[test]
fn error_var_in_if_header() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\tif var x = 1; x > 0 {\n\t}\n}\n"),
        "a.go:4:9: syntax error: var declaration not allowed in if initializer"
    );
}

#[test]
fn error_empty_index() {
    assert_eq!(
        err_of("package main\n\nfunc main() {\n\t_ = a[]\n}\n"),
        "a.go:4:8: syntax error: unexpected ], expected operand"
    );
}

#[test]
fn error_var_declared_with_define() {
    assert_eq!(
        err_of("package main\n\nvar x := 1\n"),
        "a.go:3:7: syntax error: unexpected :=, expected ="
    );
}

#[test]
fn grouped_const_params_keep_their_own_trailing_comments() {
    let f = parse_ok(
        "package main\n\nconst (\n\t// How many.\n\trequests = 50 // param: 1..2000 \"Requests\"\n\ttimeoutMs = 10 // param: 1..100 \"Timeout (ms)\"\n\tplain = 3\n)\n",
    );
    let Decl::Const(specs) = &f.decls[0] else {
        panic!("not a const group")
    };
    let got: Vec<(String, Option<String>, Option<String>, u32)> = specs
        .iter()
        .map(|s| {
            (
                s.names[0].name.clone(),
                s.doc.clone(),
                s.comment.clone(),
                s.pos.line,
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "requests".to_string(),
                Some("How many.".to_string()),
                Some("param: 1..2000 \"Requests\"".to_string()),
                5
            ),
            (
                "timeoutMs".to_string(),
                None,
                Some("param: 1..100 \"Timeout (ms)\"".to_string()),
                6
            ),
            ("plain".to_string(), None, None, 7),
        ]
    );
}

#[test]
fn func_doc_comment_is_kept() {
    let f = parse_ok(
        "package main\n\n// worker drains jobs.\n// It never returns.\nfunc worker() {}\n",
    );
    assert_eq!(
        func(&f, "worker").doc.as_deref(),
        Some("worker drains jobs.\nIt never returns.")
    );
}

#[test]
fn error_stray_semicolon_at_top_level() {
    assert_eq!(
        err_of("package main\n\nfunc f() {}\n\n; func g() {}\n"),
        "a.go:5:1: syntax error: non-declaration statement outside function body"
    );
}

#[test]
fn expr_string_is_gos_short_form() {
    let stmts = main_body(
        "package main\nfunc main() {\n\t_ = f(a+b*c, []int{1, 2}, func() { g() }, x.(*T), m[k][1:n], <-ch, &S{})\n}\n",
    );
    let StmtKind::Assign { rhs, .. } = &stmts[0].kind else {
        panic!("not an assignment")
    };
    assert_eq!(
        expr_string(&rhs[0]),
        "f(a + b * c, []int{…}, func() {…}, x.(*T), m[k][1:n], <-ch, &S{})"
    );
}
