//! sync: Mutex, RWMutex (writer preference), WaitGroup, Cond, Once, and their fatal errors.
//! Sync objects are numbered in creation order per kind.

mod runtime_support;

use lessons::runtime::Outcome;
use runtime_support::*;

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn contended_lock_waits_until_unlock() {
    let (_, log) = run(vec![
        S::MutexNew,
        S::Lock(0),
        S::Go("main.f", 5, vec![S::Lock(0), S::Unlock(0)]),
        S::Sleep(10),
        S::Unlock(0),
        S::Sleep(1),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 locked",
            "t=10 g1 woke",
            "t=10 g2 locked",
            "t=11 g1 woke"
        ])
    );
}

#[test]
fn unlock_of_unlocked_mutex_is_fatal() {
    let (r, _) = run(vec![S::MutexNew, S::Unlock(0)]);
    assert_outcome(&r, Outcome::Fatal, "sync: unlock of unlocked mutex");
}

#[test]
fn goroutine_stuck_on_a_held_mutex_leaks_in_mutex_lock() {
    let (r, _) = run(vec![
        S::MutexNew,
        S::Lock(0),
        S::Go("main.f", 7, vec![S::Line(7), S::Lock(0)]),
    ]);
    assert_eq!(leaks(&r), vec![("sync.Mutex.Lock".to_string(), 7, 1)]);
}

/// g3 (spawned last) runs and parks on the lock first, so it gets the lock first.
#[test]
fn mutex_waiters_acquire_in_arrival_order() {
    let (_, log) = run(vec![
        S::MutexNew,
        S::Lock(0),
        S::Go("main.a", 5, vec![S::Lock(0), S::Unlock(0)]),
        S::Go("main.b", 6, vec![S::Lock(0), S::Unlock(0)]),
        S::Gosched,
        S::Unlock(0),
        S::Sleep(1),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 locked",
            "t=0 g3 locked",
            "t=0 g2 locked",
            "t=1 g1 woke"
        ])
    );
}

/// Go 1.27 under synctest prints `A A A B`: main unlocks and relocks twice while B waits; the
/// woken B finds the lock taken each time and only gets it once main blocks.
#[test]
fn unlocking_goroutine_can_take_the_lock_again_before_the_woken_waiter() {
    let (_, log) = run(vec![
        S::MutexNew,
        S::Lock(0),
        S::Go("main.b", 5, vec![S::Lock(0), S::Log("B"), S::Unlock(0)]),
        S::Gosched,
        S::Log("A"),
        S::Unlock(0),
        S::Lock(0),
        S::Log("A"),
        S::Unlock(0),
        S::Lock(0),
        S::Log("A"),
        S::Unlock(0),
        S::Sleep(1),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 locked",
            "t=0 g1 A",
            "t=0 g1 locked",
            "t=0 g1 A",
            "t=0 g1 locked",
            "t=0 g1 A",
            "t=0 g2 locked",
            "t=0 g2 B",
            "t=1 g1 woke",
        ])
    );
}

#[test]
fn readers_share_a_rwmutex() {
    let (_, log) = run(vec![
        S::RwNew,
        S::RLock(0),
        S::RLock(0),
        S::RUnlock(0),
        S::RUnlock(0),
    ]);
    assert_eq!(log, s(&["t=0 g1 locked", "t=0 g1 locked"]));
}

#[test]
fn writer_waits_for_readers_and_blocks_new_readers() {
    let (_, log) = run(vec![
        S::RwNew,
        S::RLock(0),
        S::Go(
            "main.w",
            5,
            vec![S::WLock(0), S::Log("writing"), S::WUnlock(0)],
        ),
        S::Gosched,
        // A reader arriving while the writer waits must wait too (writer preference).
        S::Go("main.r", 6, vec![S::RLock(0), S::RUnlock(0)]),
        S::Gosched,
        S::Sleep(10),
        S::RUnlock(0),
        S::Sleep(1),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 locked",
            "t=10 g1 woke",
            "t=10 g2 locked",
            "t=10 g2 writing",
            "t=10 g3 locked",
            "t=11 g1 woke",
        ])
    );
}

/// tests/oracle/records/leak_rwmutex.json (real Go): readers stranded by a writer show
/// `sync.RWMutex.RLock`; a second writer waits on the inner writer mutex: `sync.Mutex.Lock`.
#[test]
fn reader_blocked_by_a_writer_leaks_in_rwmutex_rlock() {
    let (r, _) = run(vec![
        S::RwNew,
        S::WLock(0),
        S::Go("main.r", 9, vec![S::Line(9), S::RLock(0)]),
        S::Go("main.w", 10, vec![S::Line(10), S::WLock(0)]),
    ]);
    assert_eq!(
        leaks(&r),
        vec![
            ("sync.RWMutex.RLock".to_string(), 9, 1),
            ("sync.Mutex.Lock".to_string(), 10, 1)
        ]
    );
}

#[test]
fn writer_waiting_for_readers_to_leave_is_in_rwmutex_lock() {
    let (r, _) = run(vec![
        S::RwNew,
        S::RLock(0),
        S::Go("main.w", 12, vec![S::Line(12), S::WLock(0)]),
    ]);
    assert_eq!(leaks(&r), vec![("sync.RWMutex.Lock".to_string(), 12, 1)]);
}

#[test]
fn queued_writer_gets_the_lock_after_the_first_writer_and_its_readers() {
    let (_, log) = run(vec![
        S::RwNew,
        S::WLock(0),
        S::Go(
            "main.r",
            5,
            vec![S::RLock(0), S::Log("reading"), S::Sleep(10), S::RUnlock(0)],
        ),
        S::Go(
            "main.w",
            6,
            vec![S::WLock(0), S::Log("writing"), S::WUnlock(0)],
        ),
        S::Gosched,
        S::WUnlock(0),
        S::Sleep(20),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 locked",
            "t=0 g2 locked",
            "t=0 g2 reading",
            "t=10 g2 woke",
            "t=10 g3 locked",
            "t=10 g3 writing",
            "t=20 g1 woke",
        ])
    );
}

#[test]
fn rw_try_lock_and_try_rlock_follow_the_lock_state() {
    let (_, log) = run(vec![
        S::RwNew,
        S::RwTryRLock(0),
        S::RwTryLock(0),
        S::RUnlock(0),
        S::RwTryLock(0),
        S::RwTryRLock(0),
        S::RwTryLock(0),
        S::WUnlock(0),
        S::RwTryRLock(0),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 tryrlock true",
            "t=0 g1 trylock false",
            "t=0 g1 trylock true",
            "t=0 g1 tryrlock false",
            "t=0 g1 trylock false",
            "t=0 g1 tryrlock true",
        ])
    );
}

#[test]
fn runlock_of_unlocked_rwmutex_is_fatal() {
    let (r, _) = run(vec![S::RwNew, S::RUnlock(0)]);
    assert_outcome(&r, Outcome::Fatal, "sync: RUnlock of unlocked RWMutex");
}

#[test]
fn unlock_of_unlocked_rwmutex_is_fatal() {
    let (r, _) = run(vec![S::RwNew, S::WUnlock(0)]);
    assert_outcome(&r, Outcome::Fatal, "sync: Unlock of unlocked RWMutex");
}

#[test]
fn waitgroup_wait_returns_when_the_counter_reaches_zero() {
    let (_, log) = run(vec![
        S::WgNew,
        S::WgAdd(0, 2),
        S::Go("main.a", 4, vec![S::Sleep(10), S::WgAdd(0, -1)]),
        S::Go("main.b", 5, vec![S::Sleep(20), S::WgAdd(0, -1)]),
        S::WgWait(0),
    ]);
    assert_eq!(log, s(&["t=10 g2 woke", "t=20 g3 woke", "t=20 g1 waited"]));
}

#[test]
fn waitgroup_wait_with_zero_counter_returns_at_once() {
    let (_, log) = run(vec![S::WgNew, S::WgWait(0)]);
    assert_eq!(log, s(&["t=0 g1 waited"]));
}

#[test]
fn negative_waitgroup_counter_panics() {
    let (r, _) = run(vec![S::WgNew, S::WgAdd(0, 1), S::WgAdd(0, -2)]);
    assert_outcome(&r, Outcome::Panic, "sync: negative WaitGroup counter");
}

#[test]
fn waitgroup_waiter_that_is_never_released_leaks_in_waitgroup_wait() {
    let (r, _) = run(vec![
        S::WgNew,
        S::WgAdd(0, 1),
        S::Go("main.f", 11, vec![S::Line(11), S::WgWait(0)]),
    ]);
    assert_eq!(leaks(&r), vec![("sync.WaitGroup.Wait".to_string(), 11, 1)]);
}

#[test]
fn main_waiting_on_a_waitgroup_nobody_releases_deadlocks() {
    let (r, _) = run(vec![S::WgNew, S::WgAdd(0, 1), S::WgWait(0)]);
    assert_outcome(
        &r,
        Outcome::Deadlock,
        "all goroutines are asleep - deadlock!",
    );
}

#[test]
fn cond_wait_releases_the_mutex_and_reacquires_it_after_signal() {
    let (_, log) = run(vec![
        S::MutexNew,
        S::CondNew(0),
        S::Go(
            "main.waiter",
            5,
            vec![S::Lock(0), S::CondWait(0), S::Log("has lock"), S::Unlock(0)],
        ),
        S::Sleep(5),
        S::Lock(0),
        S::Signal(0),
        S::Sleep(5),
        S::Unlock(0),
        S::Sleep(1),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g2 locked",
            "t=5 g1 woke",
            "t=5 g1 locked",
            "t=10 g1 woke",
            "t=10 g2 signalled",
            "t=10 g2 has lock",
            "t=11 g1 woke",
        ])
    );
}

#[test]
fn cond_broadcast_wakes_every_waiter_in_arrival_order() {
    let waiter = || vec![S::Lock(0), S::CondWait(0), S::Unlock(0)];
    let (_, log) = run(vec![
        S::MutexNew,
        S::CondNew(0),
        S::Go("main.w", 5, waiter()),
        S::Go("main.w", 5, waiter()),
        S::Sleep(5),
        S::Broadcast(0),
        S::Sleep(5),
    ]);
    // g3 (spawned last) waits first; Broadcast readies g3 then g2, and the last readied runs
    // first (Go 1.27: waiters c, a, b released by one call run b, c, a).
    assert_eq!(
        log,
        s(&[
            "t=0 g3 locked",
            "t=0 g2 locked",
            "t=5 g1 woke",
            "t=5 g2 signalled",
            "t=5 g3 signalled",
            "t=10 g1 woke"
        ])
    );
}

#[test]
fn unsignalled_cond_waiter_leaks_in_cond_wait() {
    let (r, _) = run(vec![
        S::MutexNew,
        S::CondNew(0),
        S::Go("main.w", 8, vec![S::Line(8), S::Lock(0), S::CondWait(0)]),
        S::Sleep(1),
    ]);
    assert_eq!(leaks(&r), vec![("sync.Cond.Wait".to_string(), 8, 1)]);
}

#[test]
fn cond_wait_without_holding_the_lock_is_fatal() {
    let (r, _) = run(vec![S::MutexNew, S::CondNew(0), S::CondWait(0)]);
    assert_outcome(&r, Outcome::Fatal, "sync: unlock of unlocked mutex");
}

#[test]
fn once_caller_waits_while_another_goroutine_runs_the_function() {
    let (r, log) = run(vec![
        S::OnceNew,
        S::Go("main.waiter", 5, vec![S::Line(5), S::OnceBegin(0)]),
        S::Go(
            "main.runner",
            4,
            vec![S::OnceBegin(0), S::Sleep(10), S::OnceEnd(0)],
        ),
        S::Sleep(20),
    ]);
    // g3 (spawned last) runs first and so runs f; g2 waits until f is done.
    assert_eq!(
        log,
        s(&[
            "t=0 g3 once run",
            "t=10 g3 woke",
            "t=10 g2 once waited",
            "t=20 g1 woke"
        ])
    );
    assert_eq!(leaks(&r), vec![]);
}

#[test]
fn goroutine_waiting_for_a_running_once_is_in_mutex_lock() {
    let (r, _) = run(vec![
        S::OnceNew,
        S::OnceBegin(0),
        S::Go("main.f", 7, vec![S::Line(7), S::OnceBegin(0)]),
        S::Gosched,
    ]);
    assert_eq!(leaks(&r), vec![("sync.Mutex.Lock".to_string(), 7, 1)]);
}

#[test]
fn once_runs_the_function_exactly_once() {
    let (_, log) = run(vec![
        S::OnceNew,
        S::OnceDo(0, "init"),
        S::Go("main.f", 4, vec![S::OnceDo(0, "init")]),
        S::OnceDo(0, "init"),
        S::Sleep(1),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 init",
            "t=0 g1 once skipped",
            "t=0 g2 once skipped",
            "t=1 g1 woke"
        ])
    );
}
