//! net/http on the virtual network (std/http.rs), one behaviour each, with exact virtual times
//! and connection counts from the runtime's snapshot: a full pool queues the next request, an
//! idle connection closes after IdleConnTimeout, an unread body keeps its connection out of the
//! pool, and the transport's goroutines are named and parked as Go's are.

use lessons::golite::{self, RunOptions};
use lessons::runtime::{ConnCounts, EventKind, PoolView, Timeline};

fn src(name: &str) -> String {
    let p = format!("{}/tests/golite_http/{name}.go", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(p).expect("program")
}

#[test]
fn a_full_pool_queues_the_next_request_until_a_body_is_closed() {
    let r = golite::run_source(
        "pool_queues.go",
        &src("pool_queues"),
        &RunOptions::default(),
    );
    // First response at 10ms, its body closed at 30ms, then the second request's 10ms.
    assert_eq!(
        (r.outcome.as_str(), r.stdout.as_str()),
        ("exit", "/b 40ms\n")
    );
}

#[test]
fn the_pool_reports_its_limits_and_the_requests_it_queues() {
    let prog = golite::compile("pool_queues.go", &src("pool_queues"), &[]).expect("compiles");
    let mut rt = golite::start(&prog, &RunOptions::default());
    let r = rt.run_to_end();
    assert_eq!(r.stdout, "/b 40ms\n");
    let events = rt.take_events();
    let pools: Vec<(i64, u32, u32, u32, u32)> = events
        .iter()
        .filter_map(|e| match e.kind {
            EventKind::Pool {
                pool,
                max_conns,
                max_idle,
                queued,
            } => Some((e.time_ns, pool, max_conns, max_idle, queued)),
            _ => None,
        })
        .collect();
    // MaxConnsPerHost 1, MaxIdleConnsPerHost's default 2: the second request queues from
    // 10ms (the first response) until the first body is closed at 30ms.
    assert_eq!(
        pools,
        vec![
            (0, 0, 1, 2, 0),
            (10_000_000, 0, 1, 2, 1),
            (30_000_000, 0, 1, 2, 0)
        ]
    );
    let last = Timeline::from_events(events).last();
    assert_eq!(
        last.pools,
        vec![PoolView {
            pool: 0,
            max_conns: 1,
            max_idle: 2,
            queued: 0
        }]
    );
}

#[test]
fn an_idle_connection_closes_after_idle_conn_timeout() {
    let r = golite::run_source(
        "idle_timeout.go",
        &src("idle_timeout"),
        &RunOptions::default(),
    );
    assert_eq!(r.stdout, "idle: 5\nat 49ms: 5\nat 51ms: 2\n");
}

#[test]
fn an_unread_body_keeps_its_connection_out_of_the_pool() {
    let prog = golite::compile("unread_body.go", &src("unread_body"), &[]).expect("compiles");
    let mut rt = golite::start(&prog, &RunOptions::default());
    let r = rt.run_to_end();
    assert_eq!(r.stdout, "body\nbody\n3\n");
    let net = Timeline::from_events(rt.take_events()).last().net;
    // Three connections held by unread bodies, a fourth dialled for the reads to EOF and
    // reused by the fifth request, idle in the pool at the end.
    assert_eq!(
        net.client,
        ConnCounts {
            open: 4,
            active: 3,
            idle: 1,
            closed: 0
        }
    );
}

#[test]
fn the_transport_goroutines_are_named_and_parked_as_in_go() {
    let r = golite::run_source(
        "unread_body.go",
        &src("unread_body"),
        &RunOptions::default(),
    );
    // (innermost frame's function, where it is, state): where Go parks them where golite
    // knows it (Go 1.27.3's lines, -trimpath files), else the goroutine's function at `?:0`.
    let mut seen: Vec<(String, String, String)> = r
        .goroutines
        .iter()
        .map(|g| {
            let at = g.frames.first().map_or(String::new(), |f| {
                format!(
                    "{}:{}",
                    f.file.as_deref().unwrap_or("unread_body.go"),
                    f.line
                )
            });
            let f = g.frames.first().map(|f| f.func.clone()).unwrap_or_default();
            (f, at, g.state.clone())
        })
        .collect();
    seen.sort();
    seen.dedup();
    let s = |f: &str, at: &str, state: &str| (f.to_string(), at.to_string(), state.to_string());
    assert_eq!(
        seen,
        vec![
            s("net/http.(*conn).serve", "?:0", "IO wait"),
            // Waiting for a response: Go's frames of the read are not modelled.
            s("net/http.(*persistConn).readLoop", "?:0", "IO wait"),
            s(
                "net/http.(*persistConn).readLoop",
                "net/http/transport.go:2616",
                "select"
            ),
            s(
                "net/http.(*persistConn).writeLoop",
                "net/http/transport.go:2833",
                "select"
            ),
            s(
                "net/http/httptest.(*Server).goServe.func1",
                "?:0",
                "IO wait"
            ),
        ]
    );
    // Library goroutines are not the program's leaks (the real-Go oracle's rule).
    assert!(r.leaked.is_empty(), "{:?}", r.leaked);
}
