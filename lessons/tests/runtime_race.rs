//! The race detector's happens-before edges, one sync primitive at a time: each scenario races
//! without the edge and is clean with it (scripted goroutines; `S::Read`/`S::Write` report
//! accesses of a variable at the current line). The Go programs doing the same are checked
//! against real Go in `tests/oracle/race/`.

mod runtime_support;

use lessons::runtime::{AtomicOp, Outcome, SelectCase};
use runtime_support::*;

const MS: i64 = 1_000_000;

/// `go` runs `body` (from line 10) in a new goroutine; main goes on at line 3.
fn go(body: Vec<S>) -> S {
    let mut b = vec![S::Line(10)];
    b.extend(body);
    S::Go("main.f", 5, b)
}

fn pairs(main: Vec<S>) -> Vec<String> {
    let (r, races) = run_race(main);
    assert_eq!(r.outcome, Outcome::Exit, "{r:?}");
    race_pairs(&races)
}

const RACE: &str = "read 3 g1 / write 10 g2";

#[test]
fn go_statement_orders_what_came_before() {
    assert!(
        pairs(vec![
            S::Line(2),
            S::Write(0),
            go(vec![S::Read(0)]),
            S::Sleep(MS)
        ])
        .is_empty()
    );
}

#[test]
fn nothing_orders_a_goroutine_and_main_after_it_started() {
    let p = pairs(vec![
        go(vec![S::Write(0)]),
        S::Sleep(MS),
        S::Line(3),
        S::Read(0),
    ]);
    assert_eq!(p, [RACE]);
}

#[test]
fn unbuffered_channel_send_before_receive() {
    let main = |write_after_send: bool| {
        let body = if write_after_send {
            vec![S::Send(c(0), 1), S::Write(0)]
        } else {
            vec![S::Write(0), S::Send(c(0), 1)]
        };
        vec![
            S::MakeChan(0),
            go(body),
            S::Recv(c(0)),
            S::Sleep(MS),
            S::Line(3),
            S::Read(0),
        ]
    };
    assert!(pairs(main(false)).is_empty());
    assert_eq!(pairs(main(true)), [RACE]);
}

/// Unbuffered: the receive is synchronized before the send completes, both ways.
#[test]
fn unbuffered_channel_receive_before_send_completes() {
    let p = pairs(vec![
        S::MakeChan(0),
        go(vec![S::Send(c(0), 1), S::Write(0)]),
        S::Sleep(MS),
        S::Line(3),
        S::Read(0),
        S::Recv(c(0)),
        S::Sleep(MS),
    ]);
    assert!(p.is_empty(), "{p:?}");
}

#[test]
fn buffered_channel_send_before_receive() {
    let main = |edge: bool| {
        let body = if edge {
            vec![S::Write(0), S::Send(c(0), 1)]
        } else {
            vec![S::Send(c(0), 1), S::Write(0)]
        };
        vec![
            S::MakeChan(2),
            go(body),
            S::Sleep(MS),
            S::Recv(c(0)),
            S::Line(3),
            S::Read(0),
        ]
    };
    assert!(pairs(main(true)).is_empty());
    assert_eq!(pairs(main(false)), [RACE]);
}

/// A buffered channel of capacity C as a semaphore: the k-th receive happens before the
/// (k+C)-th send completes, so with C = 1 the critical sections are ordered; with C = 2 the
/// second goroutine gets in while the first is still inside.
#[test]
fn buffered_channel_kth_receive_before_k_plus_cap_send() {
    let main = |cap: usize| {
        let worker = |line: u32| {
            S::Go(
                "main.f",
                5,
                vec![
                    S::Send(c(0), 1),
                    S::Line(line),
                    S::Read(0),
                    S::Write(0),
                    S::Sleep(2 * MS),
                    S::Recv(c(0)),
                ],
            )
        };
        vec![
            S::MakeChan(cap),
            worker(10),
            S::Sleep(MS),
            worker(20),
            S::Sleep(10 * MS),
        ]
    };
    assert!(pairs(main(1)).is_empty());
    assert_eq!(pairs(main(2)), ["read 20 g3 / write 10 g2"]);
}

#[test]
fn close_before_receive_of_the_zero_value() {
    let main = |edge: bool| {
        let body = if edge {
            vec![S::Write(0), S::Close(c(0))]
        } else {
            vec![S::Close(c(0)), S::Write(0)]
        };
        vec![
            S::MakeChan(0),
            go(body),
            S::Recv(c(0)),
            S::Sleep(MS),
            S::Line(3),
            S::Read(0),
        ]
    };
    assert!(pairs(main(true)).is_empty());
    assert_eq!(pairs(main(false)), [RACE]);
}

/// Go models a send as a read of the channel and close as a write: unordered, they race.
#[test]
fn close_races_with_an_unordered_send() {
    let p = pairs(vec![
        S::MakeChan(1),
        go(vec![S::Send(c(0), 1)]),
        S::Sleep(MS),
        S::Line(3),
        S::Close(c(0)),
    ]);
    assert_eq!(p, ["write 3 g1 / read 10 g2"]);
}

#[test]
fn select_case_carries_the_edge() {
    let p = pairs(vec![
        S::MakeChan(0),
        S::MakeChan(0),
        go(vec![
            S::Write(0),
            S::Select(
                vec![SelectCase::Send(c(0), V(1)), SelectCase::Send(c(1), V(2))],
                false,
            ),
        ]),
        S::Sleep(MS),
        S::Select(vec![SelectCase::Recv(c(0)), SelectCase::Recv(c(1))], false),
        S::Line(3),
        S::Read(0),
    ]);
    assert!(p.is_empty(), "{p:?}");
}

#[test]
fn mutex_unlock_before_next_lock() {
    let main = |m2: u32| {
        vec![
            S::MutexNew,
            S::MutexNew,
            go(vec![S::Lock(0), S::Write(0), S::Unlock(0)]),
            S::Sleep(MS),
            S::Lock(m2),
            S::Line(3),
            S::Read(0),
            S::Unlock(m2),
        ]
    };
    assert!(pairs(main(0)).is_empty());
    assert_eq!(pairs(main(1)), [RACE]);
}

#[test]
fn rwmutex_writer_before_reader_but_readers_unordered() {
    let clean = pairs(vec![
        S::RwNew,
        go(vec![S::WLock(0), S::Write(0), S::WUnlock(0)]),
        S::Sleep(MS),
        S::RLock(0),
        S::Line(3),
        S::Read(0),
        S::RUnlock(0),
    ]);
    assert!(clean.is_empty());
    let racy = pairs(vec![
        S::RwNew,
        go(vec![S::RLock(0), S::Write(0), S::RUnlock(0)]),
        S::Sleep(MS),
        S::RLock(0),
        S::Line(3),
        S::Read(0),
        S::RUnlock(0),
    ]);
    assert_eq!(racy, [RACE]);
}

#[test]
fn rwmutex_readers_before_next_writer() {
    let p = pairs(vec![
        S::RwNew,
        go(vec![S::RLock(0), S::Read(0), S::RUnlock(0)]),
        S::Sleep(MS),
        S::WLock(0),
        S::Line(3),
        S::Write(0),
        S::WUnlock(0),
    ]);
    assert!(p.is_empty(), "{p:?}");
}

#[test]
fn waitgroup_done_before_wait_returns() {
    let main = |read_first: bool| {
        let mut m = vec![
            S::WgNew,
            S::WgAdd(0, 1),
            go(vec![S::Write(0), S::WgAdd(0, -1)]),
        ];
        m.push(S::Sleep(MS));
        if read_first {
            m.extend([S::Line(3), S::Read(0), S::WgWait(0)]);
        } else {
            m.extend([S::WgWait(0), S::Line(3), S::Read(0)]);
        }
        m
    };
    assert!(pairs(main(false)).is_empty());
    assert_eq!(pairs(main(true)), [RACE]);
}

#[test]
fn once_function_before_every_do_returns() {
    let main = |use_once: bool| {
        let mut m = vec![
            S::OnceNew,
            go(vec![S::OnceBegin(0), S::Write(0), S::OnceEnd(0)]),
            S::Sleep(MS),
        ];
        if use_once {
            m.push(S::OnceBegin(0));
        }
        m.extend([S::Line(3), S::Read(0)]);
        m
    };
    assert!(pairs(main(true)).is_empty());
    assert_eq!(pairs(main(false)), [RACE]);
}

/// Cond.Wait orders through its mutex only: a flag set without the lock races.
#[test]
fn cond_orders_through_its_mutex() {
    let main = |locked: bool| {
        let mut signal = vec![S::Sleep(MS)];
        if locked {
            signal.extend([
                S::Lock(0),
                S::Line(3),
                S::Write(0),
                S::Signal(0),
                S::Unlock(0),
            ]);
        } else {
            signal.extend([
                S::Line(3),
                S::Write(0),
                S::Lock(0),
                S::Signal(0),
                S::Unlock(0),
            ]);
        }
        let mut m = vec![
            S::MutexNew,
            S::CondNew(0),
            go(vec![S::Lock(0), S::CondWait(0), S::Read(0), S::Unlock(0)]),
        ];
        m.extend(signal);
        m.push(S::Sleep(MS));
        m
    };
    assert!(pairs(main(true)).is_empty());
    // Unlocked, main's write is still before its Lock/Unlock, which the woken waiter
    // acquires: Go sees no race either (the write must come after the Unlock to race).
    assert!(pairs(main(false)).is_empty());
    let racy = pairs(vec![
        S::MutexNew,
        S::CondNew(0),
        go(vec![S::Lock(0), S::CondWait(0), S::Unlock(0), S::Read(0)]),
        S::Sleep(MS),
        S::Lock(0),
        S::Signal(0),
        S::Unlock(0),
        S::Line(3),
        S::Write(0),
        S::Sleep(MS),
    ]);
    assert_eq!(racy, ["read 10 g2 / write 3 g1"]);
}

#[test]
fn atomic_store_before_load_that_sees_it() {
    let main = |atomic: bool| {
        let (store, load) = if atomic {
            (S::Atomic(1, AtomicOp::Store), S::Atomic(1, AtomicOp::Load))
        } else {
            (S::Write(1), S::Read(1))
        };
        vec![
            go(vec![S::Write(0), store]),
            S::Sleep(MS),
            S::Line(3),
            load,
            S::Read(0),
        ]
    };
    assert!(pairs(main(true)).is_empty());
    assert_eq!(pairs(main(false)), [RACE]);
}

#[test]
fn atomic_and_plain_access_race() {
    let p = pairs(vec![
        go(vec![S::Atomic(0, AtomicOp::Rmw)]),
        S::Sleep(MS),
        S::Line(3),
        S::Read(0),
    ]);
    assert_eq!(p, ["read 3 g1 / atomic write 10 g2"]);
}

#[test]
fn context_cancel_before_done_receive() {
    let main = |edge: bool| {
        let body = if edge {
            vec![S::Write(0), S::CtxCancel(1)]
        } else {
            vec![S::CtxCancel(1), S::Write(0)]
        };
        vec![
            S::CtxBackground,
            S::CtxWithCancel(0),
            go(body),
            S::CtxWait(1),
            S::Sleep(MS),
            S::Line(3),
            S::Read(0),
        ]
    };
    assert!(pairs(main(true)).is_empty());
    assert_eq!(pairs(main(false)), [RACE]);
}

#[test]
fn after_func_sees_writes_before_it_was_set() {
    let clean = pairs(vec![
        S::Line(3),
        S::Write(0),
        S::AfterFunc(MS, vec![S::Line(10), S::Read(0)]),
        S::Sleep(5 * MS),
    ]);
    assert!(clean.is_empty(), "{clean:?}");
    let racy = pairs(vec![
        S::AfterFunc(MS, vec![S::Line(10), S::Write(0)]),
        S::Sleep(5 * MS),
        S::Line(3),
        S::Read(0),
    ]);
    assert_eq!(racy, [RACE]);
}

/// Printing goes through stdout's mutex, which Go takes with atomic operations: under -race it
/// orders goroutines (checked: `print_orders_goroutines.go` is clean under real Go).
#[test]
fn printing_orders_goroutines() {
    let p = pairs(vec![
        go(vec![S::Write(0), S::Print("a\n")]),
        S::Sleep(MS),
        S::Print("b\n"),
        S::Line(3),
        S::Write(0),
    ]);
    assert!(p.is_empty(), "{p:?}");
}

/// A race is reported once per pair of source locations (the second read 3 / write 10 is
/// found but not reported); after a race the location starts afresh (Go clears its shadow),
/// so a later pair at other lines is reported too.
#[test]
fn once_per_pair_and_the_location_starts_afresh() {
    let p = pairs(vec![
        go(vec![
            S::Write(0),
            S::Sleep(2 * MS),
            S::Write(0),
            S::Sleep(2 * MS),
            S::Line(11),
            S::Write(0),
        ]),
        S::Sleep(MS),
        S::Line(3),
        S::Read(0),
        S::Sleep(2 * MS),
        S::Read(0),
        S::Sleep(2 * MS),
        S::Read(0),
    ]);
    assert_eq!(p, [RACE, "read 3 g1 / write 11 g2"]);
}

#[test]
fn report_text_has_go_shape() {
    let (_, races) = run_race(vec![
        go(vec![S::Write(0)]),
        S::Sleep(MS),
        S::Line(3),
        S::Read(0),
    ]);
    assert_eq!(
        races[0].text,
        "==================\n\
         WARNING: DATA RACE\n\
         Read by main goroutine:\n  main.f()\n      prog.go:3\n\n\
         Previous write by goroutine 2:\n  main.f()\n      prog.go:10\n\n\
         Goroutine 2 (finished) created at:\n  main.?()\n      prog.go:5\n\
         ==================\n"
    );
    let a = &races[0].access;
    assert_eq!((a.goroutine, a.line, a.op.as_str()), (1, 3, "read"));
    assert!(races[0].previous.step < a.step);
}

/// 100,000 goroutines that each lock one mutex and write one variable: clocks stay small
/// because exited goroutines no shadow cell names are retired from them.
#[test]
fn many_short_goroutines_through_one_mutex_stay_cheap() {
    let worker = S::Go(
        "main.f",
        5,
        vec![
            S::Lock(0),
            S::Line(10),
            S::Read(0),
            S::Write(0),
            S::Unlock(0),
            S::WgAdd(0, -1),
        ],
    );
    let main = vec![
        S::MutexNew,
        S::WgNew,
        S::Loop(100_000, vec![S::WgAdd(0, 1), worker]),
        S::WgWait(0),
        S::Line(3),
        S::Read(0),
    ];
    let t = std::time::Instant::now();
    let p = pairs(main);
    assert!(p.is_empty(), "{p:?}");
    assert!(t.elapsed().as_secs() < 20, "took {:?}", t.elapsed());
}
