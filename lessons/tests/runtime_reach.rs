//! Reachability (runtime/reach.rs): a parked goroutine is leaked for certain only when nothing
//! that can run, no pending timer and no global can reach what it waits on. Scripts stand for
//! golite's programs: what a goroutine's script still has ahead of it is what its stack holds,
//! `Hold` keeps an object on its stack, `Global` stores one in a global, and `V(1000 + n)` is
//! channel `n` as a value.

mod runtime_support;

use lessons::runtime::{ChanId, Gid, LeakVerdict, MutexId, Ref, SelectCase, WgId};
use runtime_support::{S, c, start};

use LeakVerdict::{Certain, Waiting};

/// Runs `main` to the end; every live goroutine's id and verdict.
fn verdicts(main: Vec<S>) -> Vec<(u32, Option<LeakVerdict>)> {
    let (mut rt, _log) = start(Default::default(), main);
    rt.run_to_end();
    let reach = rt.reachability();
    rt.goroutine_stacks(Some(&reach))
        .into_iter()
        .map(|g| (g.gid, g.leak))
        .collect()
}

const MS: i64 = 1_000_000;

#[test]
fn a_sender_nobody_can_receive_from_is_certain() {
    let v = verdicts(vec![S::MakeChan(0), S::Go("g", 5, vec![S::Send(c(0), 1)])]);
    assert_eq!(v, vec![(2, Some(Certain))]);
}

#[test]
fn a_channel_in_a_global_keeps_its_sender_waiting() {
    let v = verdicts(vec![
        S::MakeChan(0),
        S::Global(Ref::Chan(ChanId(0))),
        S::Go("g", 5, vec![S::Send(c(0), 1)]),
    ]);
    assert_eq!(v, vec![(2, Some(Waiting))]);
}

#[test]
fn a_pending_after_func_that_receives_keeps_the_sender_waiting() {
    let v = verdicts(vec![
        S::MakeChan(0),
        S::AfterFunc(1000 * MS, vec![S::Recv(c(0))]),
        S::Go("g", 5, vec![S::Send(c(0), 1)]),
    ]);
    assert_eq!(v, vec![(2, Some(Waiting))]);
}

#[test]
fn a_sleeping_goroutine_that_will_receive_keeps_the_sender_waiting() {
    let v = verdicts(vec![
        S::MakeChan(0),
        S::Go("sleeper", 4, vec![S::Sleep(1000 * MS), S::Recv(c(0))]),
        S::Go("g", 5, vec![S::Send(c(0), 1)]),
    ]);
    assert_eq!(v, vec![(2, Some(Waiting)), (3, Some(Waiting))]);
}

#[test]
fn a_select_on_a_running_tickers_channel_is_waiting_and_on_a_stopped_timers_certain() {
    // ticker 0 delivers on chan 0; chan 1 is nobody's.
    let ticking = verdicts(vec![
        S::NewTicker(10 * MS),
        S::MakeChan(0),
        S::Go(
            "g",
            5,
            vec![S::Select(
                vec![SelectCase::Recv(c(0)), SelectCase::Recv(c(1))],
                false,
            )],
        ),
    ]);
    assert_eq!(ticking, vec![(2, Some(Waiting))]);
    let stopped = verdicts(vec![
        S::NewTimer(10 * MS),
        S::TimerStop(0),
        S::Go("g", 5, vec![S::Recv(c(0))]),
    ]);
    assert_eq!(stopped, vec![(2, Some(Certain))]);
}

#[test]
fn goroutines_referenced_only_by_leaked_goroutines_are_certain() {
    // g2 waits on chan 0 and would then send on chan 1, which g3 waits for: nobody reaches
    // chan 0, so both are leaked. With chan 0 in a global, both may still wake.
    let prog = |global: bool| {
        let mut main = vec![S::MakeChan(0), S::MakeChan(0)];
        if global {
            main.push(S::Global(Ref::Chan(ChanId(0))));
        }
        main.push(S::Go("g2", 5, vec![S::Recv(c(0)), S::Send(c(1), 1)]));
        main.push(S::Go("g3", 6, vec![S::Recv(c(1))]));
        main
    };
    assert_eq!(
        verdicts(prog(false)),
        vec![(2, Some(Certain)), (3, Some(Certain))]
    );
    assert_eq!(
        verdicts(prog(true)),
        vec![(2, Some(Waiting)), (3, Some(Waiting))]
    );
}

#[test]
fn a_channel_inside_a_reachable_channels_buffer_is_reachable() {
    let v = verdicts(vec![
        S::MakeChan(1),
        S::MakeChan(0),
        S::Send(c(0), 1001), // chan 1 travels in chan 0's buffer
        S::Global(Ref::Chan(ChanId(0))),
        S::Go("g", 5, vec![S::Recv(c(1))]),
    ]);
    assert_eq!(v, vec![(2, Some(Waiting))]);
}

#[test]
fn the_value_a_leaked_sender_offers_keeps_nothing_alive() {
    // g2 offers chan 1 on chan 0, which nobody reaches; g3 waits on chan 1. Go's collector may
    // keep chan 1 alive through the blocked send; it can never be delivered, so both leak.
    let v = verdicts(vec![
        S::MakeChan(0),
        S::MakeChan(0),
        S::Go("g2", 5, vec![S::Send(c(0), 1001)]),
        S::Go("g3", 6, vec![S::Recv(c(1))]),
    ]);
    assert_eq!(v, vec![(2, Some(Certain)), (3, Some(Certain))]);
}

#[test]
fn a_mutex_nobody_can_unlock_is_certain_unless_a_global_holds_it() {
    let prog = |global: bool| {
        let mut main = vec![S::MutexNew, S::Lock(0)];
        if global {
            main.push(S::Global(Ref::Mutex(MutexId(0))));
        }
        main.push(S::Go("g", 5, vec![S::Lock(0)]));
        main
    };
    assert_eq!(verdicts(prog(false)), vec![(2, Some(Certain))]);
    assert_eq!(verdicts(prog(true)), vec![(2, Some(Waiting))]);
}

#[test]
fn a_wait_group_a_sleeper_will_release_is_waiting() {
    let prog = |sleeper: bool| {
        let mut main = vec![S::WgNew, S::WgAdd(0, 1), S::Go("g", 5, vec![S::WgWait(0)])];
        if sleeper {
            main.push(S::Go("s", 6, vec![S::Sleep(1000 * MS), S::WgAdd(0, -1)]));
        }
        main
    };
    assert_eq!(verdicts(prog(false)), vec![(2, Some(Certain))]);
    assert_eq!(
        verdicts(prog(true)),
        vec![(2, Some(Waiting)), (3, Some(Waiting))]
    );
}

#[test]
fn holding_a_conds_mutex_does_not_reach_the_cond() {
    // Cond.L is reachable from the Cond, not the other way round: a global holding only the
    // mutex cannot Signal.
    let v = verdicts(vec![
        S::MutexNew,
        S::CondNew(0),
        S::Global(Ref::Mutex(MutexId(0))),
        S::Go("g", 5, vec![S::Lock(0), S::CondWait(0)]),
    ]);
    assert_eq!(v, vec![(2, Some(Certain))]);
}

#[test]
fn a_wait_on_a_nil_channel_is_certain_even_next_to_globals() {
    let v = verdicts(vec![
        S::MakeChan(0),
        S::Global(Ref::Chan(ChanId(0))),
        S::Go("g", 5, vec![S::Recv(None)]),
    ]);
    assert_eq!(v, vec![(2, Some(Certain))]);
}

#[test]
fn a_context_with_a_pending_deadline_keeps_its_waiters_and_its_childrens_waiting() {
    // ctx 0 Background; ctx 1 WithTimeout(ctx 0): its deadline timer is pending; ctx 2
    // WithCancel(ctx 1) is cancelled with it; ctx 3 WithCancel(ctx 0) is never cancelled and
    // held by nobody: Background keeps no children (as in Go, where it never cancels).
    let v = verdicts(vec![
        S::CtxBackground,
        S::CtxWithTimeout(0, 1000 * MS),
        S::CtxWithCancel(1),
        S::CtxWithCancel(0),
        S::Go("deadline", 5, vec![S::CtxWait(1)]),
        S::Go("child", 6, vec![S::CtxWait(2)]),
        S::Go("never", 7, vec![S::CtxWait(3)]),
    ]);
    assert_eq!(
        v,
        vec![(2, Some(Waiting)), (3, Some(Waiting)), (4, Some(Certain))]
    );
}

#[test]
fn at_a_deadlock_every_goroutine_is_certain_unless_a_global_reaches_it() {
    let v = verdicts(vec![
        S::MakeChan(0),
        S::MakeChan(0),
        S::Global(Ref::Chan(ChanId(1))),
        S::Go("g", 5, vec![S::Recv(c(1))]),
        S::Recv(c(0)),
    ]);
    assert_eq!(v, vec![(1, Some(Certain)), (2, Some(Waiting))]);
}

#[test]
fn the_walk_lists_what_each_goroutine_waits_on() {
    let (mut rt, _log) = start(
        Default::default(),
        vec![
            S::MakeChan(0),
            S::WgNew,
            S::WgAdd(0, 1),
            S::Go(
                "g",
                5,
                vec![S::Select(
                    vec![
                        SelectCase::Recv(c(0)),
                        SelectCase::Send(c(0), runtime_support::V(1)),
                    ],
                    false,
                )],
            ),
            S::Go("w", 6, vec![S::WgWait(0)]),
        ],
    );
    rt.run_to_end();
    let waits = rt.wait_refs();
    assert_eq!(waits[2], vec![Ref::Chan(ChanId(0))]);
    assert_eq!(waits[3], vec![Ref::WaitGroup(WgId(0))]);
    let reach = rt.reachability();
    assert_eq!(reach.certain().collect::<Vec<_>>(), vec![Gid(2), Gid(3)]);
}

#[test]
fn pending_timers_say_what_they_will_wake_or_run() {
    use lessons::runtime::{TimerId, TimerTarget};
    let (mut rt, _log) = start(
        Default::default(),
        vec![
            S::NewTicker(10 * MS),
            S::AfterFunc(30 * MS, vec![]),
            S::Go("sleeper", 4, vec![S::Sleep(20 * MS)]),
            S::Sleep(1),
        ],
    );
    rt.run_until(1, 1_000);
    let pending = rt.pending_timers();
    let targets: Vec<(i64, TimerTarget)> = pending.iter().map(|t| (t.when, t.target)).collect();
    assert_eq!(
        targets,
        vec![
            (
                10 * MS,
                TimerTarget::Chan {
                    chan: ChanId(0),
                    period: 10 * MS
                }
            ),
            (20 * MS, TimerTarget::Sleep(Gid(2))),
            (30 * MS, TimerTarget::Func { line: 1 }),
        ]
    );
    assert_eq!(pending[0].timer, TimerId(0));
}
