//! Run order and timing through the whole stack: Go programs whose output depends on which
//! goroutine runs when and on the virtual clock (worker pools, fan-in, pipelines, close fan-out,
//! Cond, mutexes, timeouts, tickers, context trees, AfterFunc, leaks of every kind), run by golite
//! on this runtime, must print exactly what real Go 1.27 printed under `testing/synctest`
//! (`tests/oracle/runtime/testdata/records/`, made with `tests/oracle/run-one`; each program gave the same
//! record in 4 runs). The runtime with a plain FIFO run queue and mutex handoff got 8 of these
//! 10 wrong; with Go's runnext order and barging it gets all 10.

use std::path::Path;

use lessons::golite::{RunOptions, run_source};

fn check(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/oracle/runtime/testdata");
    let src = std::fs::read_to_string(dir.join("programs").join(format!("{name}.go")))
        .unwrap_or_default();
    let record = std::fs::read_to_string(dir.join("records").join(format!("{name}.json")))
        .unwrap_or_default();
    let want: serde_json::Value = serde_json::from_str(&record).unwrap_or_default();
    let got = serde_json::to_value(run_source(
        &format!("{name}.go"),
        &src,
        &RunOptions::default(),
    ))
    .unwrap_or_default();
    for field in ["outcome", "panic", "stdout", "virtual_time_ns", "leaked"] {
        assert_eq!(got[field], want[field], "{name}: {field}");
    }
}

#[test]
fn worker_pool_prints_in_go_order() {
    check("order_pool");
}

#[test]
fn fan_in_select_prints_in_go_order() {
    check("order_fanin");
}

#[test]
fn two_consumers_of_an_unbuffered_channel_print_in_go_order() {
    check("order_consumers");
}

#[test]
fn mutex_protected_counter_prints_in_go_order() {
    check("order_mutex");
}

#[test]
fn timeouts_with_time_after_print_in_go_order() {
    check("order_timeouts");
}

#[test]
fn cond_broadcast_waiters_proceed_in_go_order() {
    check("order_cond");
}

#[test]
fn pipeline_stages_print_in_go_order() {
    check("order_pipeline");
}

#[test]
fn ticker_against_a_done_channel_prints_in_go_order() {
    check("order_ticker");
}

#[test]
fn goroutines_started_in_a_loop_print_in_go_order() {
    check("order_wgprint");
}

#[test]
fn close_fan_out_wakes_runners_in_go_order() {
    check("order_closefanout");
}

#[test]
fn abandoned_fetches_after_timeouts_leak_as_chan_send() {
    check("time_timeout_leak");
}

#[test]
fn context_tree_deadlines_fire_in_go_order_and_time() {
    check("time_ctx_tree");
}

#[test]
fn ticker_reset_and_stop_against_a_timer_match_go() {
    check("time_ticker_stop");
}

#[test]
fn fast_producer_and_slow_consumer_interleave_as_in_go() {
    check("time_producer_slow");
}

#[test]
fn leaks_of_every_blocking_kind_match_go() {
    check("time_leak_mix");
}

#[test]
fn time_and_context_after_funcs_match_go() {
    check("time_afterfunc");
}

#[test]
fn select_loop_with_idle_timeouts_matches_go() {
    check("time_select_loop");
}

#[test]
fn goroutine_panicking_after_main_returns_ends_the_run_in_a_panic() {
    check("end_post_main_panic");
}

#[test]
fn goroutine_stuck_on_a_mutex_makes_main_deadlock() {
    check("end_deadlock_mutex");
}

#[test]
fn goroutines_run_until_blocked_after_main_returns() {
    check("end_post_main_runs");
}

#[test]
fn second_done_in_a_goroutine_panics_with_negative_counter() {
    check("end_wg_negative_goroutine");
}
