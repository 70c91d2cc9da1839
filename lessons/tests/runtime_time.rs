//! The virtual clock and timers. Times were checked against Go 1.27 under `testing/synctest`
//! (same rule: the clock jumps to the next timer only when every goroutine is blocked).

mod runtime_support;

use lessons::runtime::{ChanId, EventKind, Outcome, SelectCase, TimerId};
use runtime_support::*;

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn sleep_jumps_the_clock_to_the_wake_time() {
    let (r, log) = run(vec![S::Sleep(100), S::Now]);
    assert_eq!(log, s(&["t=100 g1 woke", "t=100 g1 now 100"]));
    assert_eq!(r.virtual_time_ns, 100);
}

#[test]
fn sleepers_wake_in_order_of_wake_time() {
    let (_, log) = run(vec![
        S::Go("main.a", 3, vec![S::Sleep(30)]),
        S::Go("main.b", 4, vec![S::Sleep(10)]),
        S::Sleep(50),
    ]);
    assert_eq!(log, s(&["t=10 g3 woke", "t=30 g2 woke", "t=50 g1 woke"]));
}

#[test]
fn timers_due_at_the_same_instant_fire_in_creation_order() {
    let (_, log) = run(vec![
        S::Go("main.a", 3, vec![S::Sleep(10)]),
        S::Go("main.b", 4, vec![S::Sleep(10)]),
        S::Sleep(10),
    ]);
    // Timers fire in creation order: main's (it sleeps before g3 and g2 first run), g3's, g2's;
    // each woken goroutine takes `runnext`, so the last one woken runs first. (Go's order for
    // simultaneous timers varies from run to run; ours is fixed.)
    assert_eq!(log, s(&["t=10 g2 woke", "t=10 g1 woke", "t=10 g3 woke"]));
}

#[test]
fn non_positive_sleep_returns_without_blocking() {
    let (_, log) = run(vec![S::Sleep(0), S::Sleep(-5), S::Now]);
    assert_eq!(log, s(&["t=0 g1 woke", "t=0 g1 woke", "t=0 g1 now 0"]));
}

#[test]
fn clock_does_not_move_while_a_goroutine_can_run() {
    let (_, log) = run(vec![
        S::Go("main.a", 3, vec![S::Work(500), S::Now]),
        S::Sleep(5),
    ]);
    assert_eq!(log, s(&["t=0 g2 now 0", "t=5 g1 woke"]));
}

#[test]
fn pending_timer_prevents_deadlock_and_wakes_the_receiver() {
    let (r, log) = run(vec![
        S::MakeChan(0),
        S::Go("main.f", 3, vec![S::Sleep(100), S::Send(c(0), 1)]),
        S::Recv(c(0)),
    ]);
    assert_outcome(&r, Outcome::Exit, "");
    assert_eq!(
        log,
        s(&["t=100 g2 woke", "t=100 g2 sent", "t=100 g1 recv 1 true"])
    );
}

#[test]
fn timer_channel_delivers_the_fire_time() {
    let (_, log) = run(vec![S::NewTimer(50), S::Recv(c(0))]);
    assert_eq!(log, s(&["t=0 g1 timer 0 chan 0", "t=50 g1 recv 50 true"]));
}

/// Go 1.23+: a timer channel reports len 0 and cap 0 even while a fired value waits.
#[test]
fn timer_channel_reports_len_and_cap_zero_after_firing() {
    let (_, log) = run(vec![S::NewTimer(10), S::Sleep(20), S::Len(ChanId(0))]);
    assert_eq!(log[2], "t=20 g1 len 0 cap 0");
}

/// Go 1.27 under synctest: `select { case <-time.NewTimer(0).C: ... default: }` takes the
/// timer case (a due timer runs when its channel is polled), while a ticker that is not yet due
/// gives `default`.
#[test]
fn polling_the_channel_of_a_due_timer_fires_it_at_once() {
    let (_, log) = run(vec![
        S::NewTimer(0),
        S::Select(vec![SelectCase::Recv(c(0))], true),
        S::NewTicker(10),
        S::Select(vec![SelectCase::Recv(c(1))], true),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 timer 0 chan 0",
            "t=0 g1 select 0 0 true",
            "t=0 g1 ticker 1 chan 1",
            "t=0 g1 select default"
        ])
    );
}

#[test]
fn receiving_from_a_due_timer_does_not_wait_for_other_goroutines() {
    let (_, log) = run(vec![
        S::Go("main.busy", 3, vec![S::Log("busy runs")]),
        S::NewTimer(0),
        S::Recv(c(0)),
        S::Log("main got it"),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 timer 0 chan 0",
            "t=0 g1 recv 0 true",
            "t=0 g1 main got it",
            "t=0 g2 busy runs"
        ])
    );
}

#[test]
fn stopping_a_pending_timer_returns_true_and_nothing_is_delivered() {
    let (_, log) = run(vec![
        S::NewTimer(50),
        S::TimerStop(0),
        S::Sleep(100),
        S::Select(vec![SelectCase::Recv(c(0))], true),
    ]);
    assert_eq!(
        log[1..],
        s(&[
            "t=0 g1 stop true",
            "t=100 g1 woke",
            "t=100 g1 select default"
        ])
    );
}

/// Go 1.27 (real time, no synctest): `t.Stop()` on a timer that expired unread returns true,
/// and the stale value is gone: `stop after expiry unread: true 0 0` then `none`.
#[test]
fn stopping_an_expired_unread_timer_returns_true_and_drops_the_value() {
    let (_, log) = run(vec![
        S::NewTimer(10),
        S::Sleep(50),
        S::TimerStop(0),
        S::Select(vec![SelectCase::Recv(c(0))], true),
    ]);
    assert_eq!(
        log[2..],
        s(&["t=50 g1 stop true", "t=50 g1 select default"])
    );
}

/// Go 1.27: `stop after read: false`, `stop pending: true false`, `reset stopped: false`.
#[test]
fn stop_and_reset_report_go_results_after_read_and_after_stop() {
    let (_, log) = run(vec![
        S::NewTimer(10),
        S::Recv(c(0)),
        S::TimerStop(0),
        S::NewTimer(1000),
        S::TimerStop(1),
        S::TimerStop(1),
        S::TimerReset(1, 5),
        S::Recv(c(1)),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 timer 0 chan 0",
            "t=10 g1 recv 10 true",
            "t=10 g1 stop false",
            "t=10 g1 timer 1 chan 1",
            "t=10 g1 stop true",
            "t=10 g1 stop false",
            "t=10 g1 reset false",
            "t=15 g1 recv 15 true",
        ])
    );
}

/// Go 1.27: `reset after expiry unread: true`, and the next receive sees the new fire time.
#[test]
fn reset_of_an_expired_unread_timer_returns_true_and_delivers_only_the_new_time() {
    let (_, log) = run(vec![
        S::NewTimer(10),
        S::Sleep(50),
        S::TimerReset(0, 10),
        S::Recv(c(0)),
    ]);
    assert_eq!(log[2..], s(&["t=50 g1 reset true", "t=60 g1 recv 60 true"]));
}

#[test]
fn ticker_ticks_every_period() {
    let (_, log) = run(vec![
        S::NewTicker(10),
        S::Recv(c(0)),
        S::Recv(c(0)),
        S::Recv(c(0)),
    ]);
    assert_eq!(
        log[1..],
        s(&[
            "t=10 g1 recv 10 true",
            "t=20 g1 recv 20 true",
            "t=30 g1 recv 30 true"
        ])
    );
}

/// Go 1.27 under synctest: a reader that sleeps 35ns on a 10ns ticker gets the 10ns tick,
/// and the next tick at 40ns (ticks at 20 and 30 were dropped).
#[test]
fn ticker_drops_ticks_a_slow_reader_misses() {
    let (_, log) = run(vec![
        S::NewTicker(10),
        S::Sleep(35),
        S::Recv(c(0)),
        S::Recv(c(0)),
    ]);
    assert_eq!(
        log[2..],
        s(&["t=35 g1 recv 10 true", "t=40 g1 recv 40 true"])
    );
}

#[test]
fn ticker_reset_restarts_the_period_from_now() {
    let (_, log) = run(vec![
        S::NewTicker(10),
        S::Recv(c(0)),
        S::Sleep(5),
        S::TickerReset(0, 30),
        S::Recv(c(0)),
        S::Recv(c(0)),
    ]);
    assert_eq!(
        log[1..],
        s(&[
            "t=10 g1 recv 10 true",
            "t=15 g1 woke",
            "t=45 g1 recv 45 true",
            "t=75 g1 recv 75 true"
        ])
    );
}

#[test]
fn stopped_ticker_stops_ticking() {
    let (r, _) = run(vec![
        S::NewTicker(10),
        S::Recv(c(0)),
        S::TimerStop(0),
        S::Recv(c(0)),
    ]);
    assert_outcome(
        &r,
        Outcome::Deadlock,
        "all goroutines are asleep - deadlock!",
    );
}

/// Go 1.27 under synctest: `time.AfterFunc(20, f)` runs f in its own goroutine at 20ns.
#[test]
fn after_func_starts_a_goroutine_when_it_fires() {
    let (r, log) = run(vec![
        S::AfterFunc(20, vec![S::Log("fired"), S::NumGoroutine]),
        S::Sleep(30),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 afterfunc 0",
            "t=20 g2 fired",
            "t=20 g2 goroutines 2",
            "t=30 g1 woke"
        ])
    );
    assert_eq!(r.peak_goroutines, 2);
}

/// Go 1.27 under synctest: AfterFunc(20, f) runs f at 20; after that Stop returns false and
/// Reset(5) returns false and runs f again 5 later (`afterfunc at 60ns` ... `afterfunc at 75ns`).
#[test]
fn after_func_reset_after_firing_runs_the_function_again() {
    let (_, log) = run(vec![
        S::AfterFunc(20, vec![S::Log("fired")]),
        S::Sleep(30),
        S::TimerStop(0),
        S::TimerReset(0, 5),
        S::Sleep(10),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 afterfunc 0",
            "t=20 g2 fired",
            "t=30 g1 woke",
            "t=30 g1 stop false",
            "t=30 g1 reset false",
            "t=35 g3 fired",
            "t=40 g1 woke"
        ])
    );
}

#[test]
fn stopped_after_func_never_runs() {
    let (_, log) = run(vec![
        S::AfterFunc(20, vec![S::Log("fired")]),
        S::TimerStop(0),
        S::Sleep(30),
    ]);
    assert_eq!(
        log,
        s(&["t=0 g1 afterfunc 0", "t=0 g1 stop true", "t=30 g1 woke"])
    );
}

#[test]
fn virtual_time_is_the_clock_when_main_returned() {
    let (r, _) = run(vec![
        S::Go("main.f", 3, vec![S::Sleep(1_000)]),
        S::Sleep(250),
    ]);
    assert_eq!(r.virtual_time_ns, 250);
    assert_eq!(leaks(&r), vec![("sleep".to_string(), 3, 1)]);
}

#[test]
fn timer_events_record_set_fire_and_stop() {
    let (mut rt, _) = start(
        lessons::runtime::Config::default(),
        vec![
            S::NewTimer(10),
            S::Recv(c(0)),
            S::NewTimer(5),
            S::TimerStop(1),
        ],
    );
    rt.run_to_end();
    let kinds: Vec<EventKind> = rt
        .events()
        .iter()
        .filter(|e| {
            matches!(
                e.kind,
                EventKind::TimerSet { .. }
                    | EventKind::TimerFire { .. }
                    | EventKind::TimerStop { .. }
            )
        })
        .map(|e| e.kind.clone())
        .collect();
    assert_eq!(
        kinds,
        vec![
            EventKind::TimerSet {
                timer: TimerId(0),
                at: 10
            },
            EventKind::TimerFire { timer: TimerId(0) },
            EventKind::TimerSet {
                timer: TimerId(1),
                at: 15
            },
            EventKind::TimerStop { timer: TimerId(1) },
        ]
    );
}

/// tests/oracle/programs/deadlock_unread_ticker.go (real Go 1.27): an unread ticker and timer
/// do not keep a blocked program alive; Go reports the deadlock at once.
#[test]
fn unread_ticker_and_timer_do_not_keep_a_blocked_main_alive() {
    let (r, _) = run(vec![S::NewTicker(1_000), S::NewTimer(3_600), S::Recv(None)]);
    assert_outcome(
        &r,
        Outcome::Deadlock,
        "all goroutines are asleep - deadlock!",
    );
    assert_eq!(r.virtual_time_ns, 0);
}

#[test]
fn unread_timer_does_not_move_the_clock_but_still_fires_in_order() {
    let (_, log) = run(vec![
        S::NewTimer(10),
        S::Sleep(100),
        S::Select(vec![SelectCase::Recv(c(0))], true),
    ]);
    // The clock jumps straight to the sleep's end; the timer's value is its own fire time.
    assert_eq!(log[1..], s(&["t=100 g1 woke", "t=100 g1 select 0 10 true"]));
}

#[test]
fn goroutine_blocked_on_a_timer_channel_keeps_the_timer_running() {
    let (r, log) = run(vec![
        S::NewTimer(3_600),
        S::Go("main.f", 3, vec![S::Recv(c(0))]),
        S::Recv(None),
    ]);
    assert_eq!(log[1..], s(&["t=3600 g2 recv 3600 true"]));
    assert_outcome(
        &r,
        Outcome::Deadlock,
        "all goroutines are asleep - deadlock!",
    );
    assert_eq!(r.virtual_time_ns, 3_600);
}

/// Go's lazy ticker: read at 100 after ticks were due from 10, it yields the 10 tick and the
/// next one comes at 110.
#[test]
fn late_ticker_catches_up_with_go_formula() {
    let (_, log) = run(vec![
        S::NewTicker(10),
        S::Sleep(100),
        S::Recv(c(0)),
        S::Recv(c(0)),
    ]);
    assert_eq!(
        log[1..],
        s(&[
            "t=100 g1 woke",
            "t=100 g1 recv 10 true",
            "t=110 g1 recv 110 true"
        ])
    );
}

#[test]
fn a_crowded_instant_spreads_over_slices_and_runs_the_same() {
    // 300 goroutines asleep until t=10, plus main: 301 timers due at one instant. A slice
    // fires at most its budget of them, and the next slice goes on with the rest before any
    // woken goroutine runs, so the sliced run is the unsliced one, event for event.
    let program = || {
        let mut main: Vec<S> = (0..300)
            .map(|_| S::Go("main.sleeper", 3, vec![S::Sleep(10)]))
            .collect();
        main.push(S::Sleep(10));
        main
    };
    let (mut whole, whole_log) = start(lessons::runtime::Config::default(), program());
    whole.run_to_end();
    let (mut sliced, sliced_log) = start(lessons::runtime::Config::default(), program());
    let mut most_woken = 0;
    let mut seen = 0;
    loop {
        let progress = sliced.run_slice(7);
        let woken = sliced.events()[seen..]
            .iter()
            .filter(|e| matches!(e.kind, EventKind::Unblock))
            .count();
        most_woken = most_woken.max(woken);
        seen = sliced.events().len();
        if progress == lessons::runtime::Progress::Finished {
            break;
        }
    }
    assert_eq!(sliced.events(), whole.events());
    assert_eq!(*sliced_log.borrow(), *whole_log.borrow());
    assert_eq!(most_woken, 7);
    assert_eq!(whole_log.borrow().len(), 301);
}
