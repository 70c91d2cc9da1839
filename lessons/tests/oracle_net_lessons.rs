//! The goroutines a network lesson leaves when main returns, golite against real Go 1.27 on a
//! real loopback network (issue 22). `tests/oracle/net/run-lessons` made each
//! `tests/oracle/net/lessons/SLUG.SIDE.json` (real clock, settled until nothing changed for
//! 20 ms): every goroutine left but main, counted by (function, state), the function being the
//! innermost frame in the lesson's file (`main.handle bad.go:35`) or else the library function
//! the goroutine was started with (`net/http.(*persistConn).readLoop`), and by its `created by`
//! (function, file and line of the `go` statement: `net/http.(*Server).Serve
//! net/http/server.go:3604` for a handler's, Go's library's own). golite's dump at the end
//! of the same side, run as the playground runs it (the lesson's seed and `[[listener]]` links),
//! must give exactly the same groups, except the ones a record lists under `not_compared`, each
//! with its reason (differences inherent to a virtual clock against a real one).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use lessons::catalog::{self, Lesson};
use lessons::golite::{RunOptions, run_source};
use lessons::runtime::GoroutineStack;
use serde_json::Value;

fn records_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/oracle/net/lessons")
}

/// (function, state, created by) -> count.
type Groups = BTreeMap<(String, String, String), u64>;

/// A network lesson, as run-lessons picks them: `[real_go] plain = true`, or a side that
/// imports net or net/http.
fn is_network_lesson(l: &Lesson) -> bool {
    let imports_net = |src: &str| {
        src.lines().any(|line| {
            let t = line.trim().trim_start_matches("import").trim();
            t == "\"net\"" || t == "\"net/http\""
        })
    };
    l.real_go.plain || imports_net(l.bad_go) || imports_net(l.good_go)
}

/// The key run-lessons gives a goroutine of real Go's dump, from golite's frames.
fn key(g: &GoroutineStack, file: &str) -> (String, String, String) {
    let func = match g.frames.iter().find(|f| f.func.starts_with("main.")) {
        Some(f) => format!("{} {file}:{}", f.func, f.line),
        None => g.frames.last().map(|f| f.func.clone()).unwrap_or_default(),
    };
    let created_by = g.created_by.as_ref().map_or_else(String::new, |c| {
        format!(
            "{} {}:{}",
            c.func,
            c.file.as_deref().unwrap_or(file),
            c.line
        )
    });
    (func, g.state.clone(), created_by)
}

fn groups(v: &Value) -> Groups {
    v.as_array()
        .into_iter()
        .flatten()
        .map(|g| {
            (
                (
                    g["func"].as_str().unwrap_or("").to_string(),
                    g["state"].as_str().unwrap_or("").to_string(),
                    g["created_by"].as_str().unwrap_or("").to_string(),
                ),
                g["count"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

/// golite's groups for one side at its default parameters, and its stdout.
fn golite_left(l: &Lesson, side: &str) -> (Groups, String) {
    let src = if side == "bad" { l.bad_go } else { l.good_go };
    let file = format!("{side}.go");
    let opts = RunOptions {
        seed: l.seed,
        preempt_every: l.preempt_every,
        go: l.go,
        net_links: catalog::links_of(&l.slug).to_vec(),
        ..RunOptions::default()
    };
    let report = run_source(&file, src, &opts);
    let mut out = Groups::new();
    for g in &report.goroutines {
        *out.entry(key(g, &file)).or_default() += 1;
    }
    (out, report.stdout)
}

#[test]
fn golite_leaves_the_goroutines_real_go_leaves_in_every_network_lesson() {
    let lessons: Vec<&Lesson> = catalog::all()
        .iter()
        .filter(|l| is_network_lesson(l))
        .collect();
    assert!(lessons.len() >= 7, "network lessons: {}", lessons.len());
    let mut failures = Vec::new();
    for l in lessons {
        for side in ["bad", "good"] {
            let name = format!("{:02}-{}.{side}", l.number, l.slug);
            let path = records_dir().join(format!("{name}.json"));
            let Ok(text) = std::fs::read_to_string(&path) else {
                failures.push(format!("{name}: no record (tests/oracle/net/run-lessons)"));
                continue;
            };
            let record: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
            let mut want = groups(&record["goroutines_left"]);
            let (mut got, stdout) = golite_left(l, side);
            if stdout != record["stdout"].as_str().unwrap_or("") {
                failures.push(format!(
                    "{name}: stdout differs, the runs are not comparable:\n  real Go: {:?}\n  golite:  {stdout:?}",
                    record["stdout"]
                ));
            }
            // Listed differences: each must still be one (else delete it), then both sides
            // drop it.
            for nc in record["not_compared"].as_array().into_iter().flatten() {
                let k = (
                    nc["func"].as_str().unwrap_or("").to_string(),
                    nc["state"].as_str().unwrap_or("").to_string(),
                    nc["created_by"].as_str().unwrap_or("").to_string(),
                );
                if want.get(&k) == got.get(&k) {
                    failures.push(format!("{name}: not_compared {k:?} agrees now: delete it"));
                }
                want.remove(&k);
                got.remove(&k);
            }
            if got != want {
                failures.push(format!(
                    "{name}: goroutines left differ\n  real Go: {want:?}\n  golite:  {got:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Two servers (httptest's, and an `http.Server` started with `go srv.Serve(ln)`), each with a
/// handler asleep and a client waiting on it, when main returns.
const TWO_SLOW_SERVERS: &str = r#"package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"time"
)

func slow(w http.ResponseWriter, r *http.Request) {
	time.Sleep(time.Second)
	fmt.Fprint(w, "done")
}

func get(url string) {
	resp, err := http.Get(url)
	if err != nil {
		return
	}
	io.ReadAll(resp.Body)
	resp.Body.Close()
}

func main() {
	ts := httptest.NewServer(http.HandlerFunc(slow))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(slow)}
	go srv.Serve(ln)
	go get(ts.URL)
	go get("http://" + ln.Addr().String())
	time.Sleep(100 * time.Millisecond)
}
"#;

/// Every kind of goroutine golite's net/http and httptest start, with the `created by` real Go
/// 1.27.3 prints for it: `runtime.Stack(all)` at the end of this program's main (renamed, called
/// from a main that dumps, so the lines are the same), built with -trimpath, run with GOGC=off.
#[test]
fn library_goroutines_are_created_where_real_go_creates_them() {
    let report = run_source("prog.go", TWO_SLOW_SERVERS, &RunOptions::default());
    let mut got = Groups::new();
    for g in &report.goroutines {
        *got.entry(key(g, "prog.go")).or_default() += 1;
    }
    let k = |func: &str, state: &str, by: &str| (func.into(), state.into(), by.into());
    let (server, transport) = ("net/http/server.go", "net/http/transport.go");
    let want = Groups::from([
        (
            k(
                "net/http/httptest.(*Server).goServe.func1",
                "IO wait",
                "net/http/httptest.(*Server).goServe net/http/httptest/server.go:584",
            ),
            1,
        ),
        (
            k(
                "net/http.(*Server).Serve",
                "IO wait",
                "main.main prog.go:33",
            ),
            1,
        ),
        (
            k("main.get prog.go:18", "select", "main.main prog.go:34"),
            1,
        ),
        (
            k("main.get prog.go:18", "select", "main.main prog.go:35"),
            1,
        ),
        (
            k(
                "main.slow prog.go:13",
                "sleep",
                &format!("net/http.(*Server).Serve {server}:3604"),
            ),
            2,
        ),
        (
            k(
                "net/http.(*connReader).backgroundRead",
                "IO wait",
                &format!("net/http.(*connReader).startBackgroundRead {server}:742"),
            ),
            2,
        ),
        (
            k(
                "net/http.(*persistConn).readLoop",
                "IO wait",
                &format!("net/http.(*Transport).dialConn {transport}:2123"),
            ),
            2,
        ),
        (
            k(
                "net/http.(*persistConn).writeLoop",
                "select",
                &format!("net/http.(*Transport).dialConn {transport}:2124"),
            ),
            2,
        ),
    ]);
    assert_eq!(got, want);
}
