//! The context tree: cancellation, deadlines, causes, values, WithoutCancel and AfterFunc.
//! Context ids are numbered in creation order; `S::CtxBackground` is always context 0 here.

mod runtime_support;

use lessons::runtime::{EventKind, Outcome};
use runtime_support::*;

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn background_is_never_done_and_has_a_nil_done_channel() {
    let (_, log) = run(vec![S::CtxBackground, S::CtxInfo(0)]);
    assert_eq!(
        log,
        s(&["t=0 g1 err nil; cause nil; deadline none; done nil"])
    );
}

#[test]
fn cancel_closes_done_and_sets_context_canceled() {
    let (r, log) = run(vec![
        S::CtxBackground,
        S::CtxWithCancel(0),
        S::Go("main.worker", 4, vec![S::CtxWait(1)]),
        S::Gosched,
        S::CtxCancel(1),
        S::CtxInfo(1),
        S::Sleep(1),
    ]);
    assert_outcome(&r, Outcome::Exit, "");
    assert_eq!(
        log,
        s(&[
            "t=0 g1 err context canceled; cause context canceled; deadline none; done 0",
            "t=0 g2 done 0 false",
            "t=1 g1 woke",
        ])
    );
}

#[test]
fn cancel_propagates_down_through_value_contexts_but_not_up() {
    let (_, log) = run(vec![
        S::CtxBackground,
        S::CtxWithCancel(0),      // 1
        S::CtxWithCancel(1),      // 2
        S::CtxWithValue(2, 1, 1), // 3
        S::CtxWithCancel(3),      // 4
        S::CtxCancel(2),
        S::CtxInfo(4),
        S::CtxInfo(1),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 err context canceled; cause context canceled; deadline none; done 2",
            "t=0 g1 err nil; cause nil; deadline none; done 0",
        ])
    );
}

#[test]
fn without_cancel_cuts_propagation_and_has_a_nil_done_channel() {
    let (_, log) = run(vec![
        S::CtxBackground,
        S::CtxWithCancel(0),    // 1
        S::CtxWithoutCancel(1), // 2
        S::CtxWithCancel(2),    // 3
        S::CtxCancel(1),
        S::CtxInfo(2),
        S::CtxInfo(3),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 err nil; cause nil; deadline none; done nil",
            "t=0 g1 err nil; cause nil; deadline none; done 1",
        ])
    );
}

#[test]
fn timeout_expires_with_deadline_exceeded_at_the_deadline() {
    let (_, log) = run(vec![
        S::CtxBackground,
        S::CtxWithTimeout(0, 50),
        S::CtxWait(1),
        S::CtxInfo(1),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=50 g1 done 0 false",
            "t=50 g1 err context deadline exceeded; cause context deadline exceeded; deadline 50; done 0",
        ])
    );
}

#[test]
fn cancelling_a_timeout_early_stops_its_timer() {
    let (mut rt, log) = start(
        lessons::runtime::Config::default(),
        vec![
            S::CtxBackground,
            S::CtxWithTimeout(0, 50),
            S::CtxCancel(1),
            S::Sleep(100),
            S::CtxInfo(1),
        ],
    );
    rt.run_to_end();
    assert_eq!(
        log.borrow()[1],
        "t=100 g1 err context canceled; cause context canceled; deadline 50; done 0"
    );
    let fired = rt
        .events()
        .iter()
        .filter(|e| matches!(e.kind, EventKind::TimerFire { .. }))
        .count();
    let stopped = rt
        .events()
        .iter()
        .filter(|e| matches!(e.kind, EventKind::TimerStop { .. }))
        .count();
    assert_eq!((fired, stopped), (0, 1));
}

#[test]
fn child_deadline_cannot_outlive_the_parent_deadline() {
    let (_, log) = run(vec![
        S::CtxBackground,
        S::CtxWithTimeout(0, 50),
        S::CtxWithTimeout(1, 100),
        S::CtxWait(2),
        S::CtxInfo(2),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=50 g1 done 0 false",
            "t=50 g1 err context deadline exceeded; cause context deadline exceeded; deadline 50; done 1",
        ])
    );
}

#[test]
fn timeout_already_past_is_done_at_once() {
    let (_, log) = run(vec![
        S::CtxBackground,
        S::CtxWithTimeout(0, 0),
        S::CtxInfo(1),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 err context deadline exceeded; cause context deadline exceeded; deadline 0; done 0"
        ])
    );
}

#[test]
fn cancel_cause_is_reported_by_cause_while_err_stays_canceled() {
    let (_, log) = run(vec![
        S::CtxBackground,
        S::CtxWithCancel(0),
        S::CtxWithCancel(1),
        S::CtxCancelCause(1, 42),
        S::CtxInfo(1),
        S::CtxInfo(2),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 err context canceled; cause value 42; deadline none; done 0",
            "t=0 g1 err context canceled; cause value 42; deadline none; done 1",
        ])
    );
}

#[test]
fn second_cancel_keeps_the_first_cause() {
    let (_, log) = run(vec![
        S::CtxBackground,
        S::CtxWithCancel(0),
        S::CtxCancelCause(1, 1),
        S::CtxCancelCause(1, 2),
        S::CtxInfo(1),
    ]);
    assert_eq!(
        log,
        s(&["t=0 g1 err context canceled; cause value 1; deadline none; done 0"])
    );
}

#[test]
fn child_of_a_cancelled_parent_is_born_cancelled() {
    let (_, log) = run(vec![
        S::CtxBackground,
        S::CtxWithCancel(0),
        S::CtxCancel(1),
        S::CtxWithCancel(1),
        S::CtxInfo(2),
    ]);
    assert_eq!(
        log,
        s(&["t=0 g1 err context canceled; cause context canceled; deadline none; done 1"])
    );
}

#[test]
fn deadline_cause_is_reported_when_the_deadline_passes_for_the_context_and_its_children() {
    let (_, log) = run(vec![
        S::CtxBackground,
        S::CtxWithTimeoutCause(0, 30, 7),
        S::CtxWithCancel(1),
        S::CtxWait(2),
        S::CtxInfo(1),
        S::CtxInfo(2),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=30 g1 done 0 false",
            "t=30 g1 err context deadline exceeded; cause value 7; deadline 30; done 0",
            "t=30 g1 err context deadline exceeded; cause value 7; deadline 30; done 1",
        ])
    );
}

#[test]
fn cancelling_a_deadline_cause_context_early_reports_canceled() {
    let (_, log) = run(vec![
        S::CtxBackground,
        S::CtxWithTimeoutCause(0, 30, 7),
        S::CtxCancel(1),
        S::CtxInfo(1),
    ]);
    assert_eq!(
        log,
        s(&["t=0 g1 err context canceled; cause context canceled; deadline 30; done 0"])
    );
}

#[test]
fn value_lookup_finds_the_nearest_matching_key_through_any_context() {
    let (_, log) = run(vec![
        S::CtxBackground,
        S::CtxWithValue(0, 1, 10), // 1
        S::CtxWithValue(1, 2, 20), // 2
        S::CtxWithValue(2, 1, 11), // 3 shadows key 1
        S::CtxWithCancel(3),       // 4
        S::CtxWithoutCancel(4),    // 5
        S::CtxValue(5, 1),
        S::CtxValue(5, 2),
        S::CtxValue(5, 3),
    ]);
    assert_eq!(
        log,
        s(&["t=0 g1 value 11", "t=0 g1 value 20", "t=0 g1 value nil"])
    );
}

#[test]
fn context_after_func_runs_in_a_new_goroutine_when_cancelled() {
    let (_, log) = run(vec![
        S::CtxBackground,
        S::CtxWithCancel(0),
        S::CtxAfterFunc(1, vec![S::Log("cleanup")]),
        S::Sleep(5),
        S::CtxCancel(1),
        S::Sleep(5),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 ctx afterfunc 0",
            "t=5 g1 woke",
            "t=5 g2 cleanup",
            "t=10 g1 woke"
        ])
    );
}

#[test]
fn stopped_context_after_func_never_runs() {
    let (_, log) = run(vec![
        S::CtxBackground,
        S::CtxWithCancel(0),
        S::CtxAfterFunc(1, vec![S::Log("cleanup")]),
        S::CtxAfterFuncStop(0),
        S::CtxCancel(1),
        S::CtxAfterFuncStop(0),
        S::Sleep(5),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 ctx afterfunc 0",
            "t=0 g1 afterfunc stop true",
            "t=0 g1 afterfunc stop false",
            "t=5 g1 woke"
        ])
    );
}

#[test]
fn goroutine_waiting_on_background_done_leaks_on_a_nil_channel() {
    let (r, _) = run(vec![
        S::CtxBackground,
        S::Go("main.f", 6, vec![S::Line(6), S::CtxWait(0)]),
    ]);
    assert_eq!(
        leaks(&r),
        vec![("chan receive (nil chan)".to_string(), 6, 1)]
    );
}
