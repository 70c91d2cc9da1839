//! Issue 23 in the runtime: runs that sleep, yield or print forever end quickly with outcome
//! `limit`, and an output flood keeps 1 MiB or 10,000 lines, counting the rest.

mod runtime_support;

use lessons::runtime::{Config, MAX_OUTPUT_BYTES, Outcome, SWITCH_COST};
use runtime_support::*;

/// Sleeping an hour at a time moves the clock, not the step count: the virtual-time limit
/// (24 h) ends it at the 24th sleep, with the clock where it stood.
#[test]
fn sleeping_forever_ends_at_the_virtual_time_limit() {
    let (r, _) = run(vec![
        S::Line(7),
        S::Loop(1_000, vec![S::Sleep(3_600_000_000_000)]),
    ]);
    assert_outcome(
        &r,
        Outcome::Limit,
        "time limit: virtual time would pass 24 hours (goroutines only waited on timers; main at line 7)",
    );
    assert_eq!(r.virtual_time_ns, 24 * 3_600_000_000_000);
}

/// Each goroutine switch costs [`SWITCH_COST`] steps of the budget, so yielding forever ends
/// after `max_steps / SWITCH_COST` switches.
#[test]
fn yielding_forever_ends_after_max_steps_over_the_switch_cost() {
    let (r, _) = run_with(
        Config {
            max_steps: 100 * SWITCH_COST,
            ..Config::default()
        },
        vec![S::Line(3), S::Loop(1_000_000, vec![S::Gosched])],
    );
    assert_outcome(
        &r,
        Outcome::Limit,
        "step limit: the program ran more than 5000 steps (goroutines kept yielding; goroutine 1 at line 3)",
    );
}

/// 20,000 lines: the first 10,000 are kept; the report counts all of them.
#[test]
fn output_beyond_ten_thousand_lines_is_counted_not_kept() {
    let (r, _) = run(vec![S::Loop(20_000, vec![S::Print("ab\n")])]);
    assert_eq!(r.outcome, Outcome::Exit);
    assert_eq!(r.stdout, "ab\n".repeat(10_000));
    assert_eq!(
        (r.output_bytes, r.output_lines, r.output_truncated),
        (60_000, 20_000, true)
    );
}

/// A flood without newlines stops being kept at 1 MiB; its one open line counts as a line.
#[test]
fn output_beyond_one_mebibyte_is_counted_not_kept() {
    let (r, _) = run(vec![S::Loop(300_000, vec![S::Print("abcd")])]);
    assert_eq!(r.stdout, "abcd".repeat(MAX_OUTPUT_BYTES / 4));
    assert_eq!(
        (r.output_bytes, r.output_lines, r.output_truncated),
        (1_200_000, 1, true)
    );
}
