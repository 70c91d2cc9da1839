//! Channel semantics: rendezvous, buffering, FIFO wait queues, close, nil channels, len/cap.
//! Expectations are Go's (the language spec and the runtime's chan.go), as real Go prints them.

mod runtime_support;

use lessons::runtime::Outcome;
use runtime_support::*;

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn buffered_send_blocks_only_when_buffer_is_full() {
    let (r, log) = run(vec![
        S::MakeChan(2),
        S::Send(c(0), 1),
        S::Send(c(0), 2),
        S::Len(lessons::runtime::ChanId(0)),
        S::Go(
            "main.reader",
            7,
            vec![S::Recv(c(0)), S::Recv(c(0)), S::Recv(c(0))],
        ),
        S::Send(c(0), 3),
    ]);
    assert_outcome(&r, Outcome::Exit, "");
    assert_eq!(
        log,
        s(&[
            "t=0 g1 sent",
            "t=0 g1 sent",
            "t=0 g1 len 2 cap 2",
            "t=0 g2 recv 1 true",
            "t=0 g2 recv 2 true",
            "t=0 g2 recv 3 true",
            "t=0 g1 sent",
        ])
    );
}

#[test]
fn unbuffered_channel_reports_len_and_cap_zero() {
    let (_, log) = run(vec![S::MakeChan(0), S::Len(lessons::runtime::ChanId(0))]);
    assert_eq!(log, s(&["t=0 g1 len 0 cap 0"]));
}

#[test]
fn receivers_drain_buffer_after_close_then_get_zero_and_false() {
    let (r, log) = run(vec![
        S::MakeChan(2),
        S::Send(c(0), 5),
        S::Send(c(0), 6),
        S::Close(c(0)),
        S::Recv(c(0)),
        S::Recv(c(0)),
        S::Recv(c(0)),
    ]);
    assert_outcome(&r, Outcome::Exit, "");
    assert_eq!(
        log[2..],
        s(&[
            "t=0 g1 recv 5 true",
            "t=0 g1 recv 6 true",
            "t=0 g1 recv 0 false"
        ])
    );
}

/// The receiver that parked first (g3) runs first after the close, as in Go 1.27 under
/// synctest (receivers parked c, a, b run c, b, a).
#[test]
fn close_wakes_every_blocked_receiver_with_zero_and_false() {
    let (r, log) = run(vec![
        S::MakeChan(0),
        S::Go("main.r1", 3, vec![S::Recv(c(0))]),
        S::Go("main.r2", 4, vec![S::Recv(c(0))]),
        S::Gosched,
        S::Close(c(0)),
        S::Sleep(1),
    ]);
    assert_outcome(&r, Outcome::Exit, "");
    assert_eq!(
        log,
        s(&["t=0 g3 recv 0 false", "t=0 g2 recv 0 false", "t=1 g1 woke"])
    );
}

#[test]
fn close_makes_a_blocked_sender_panic() {
    let (r, _) = run(vec![
        S::MakeChan(0),
        S::Go("main.sender", 3, vec![S::Send(c(0), 1)]),
        S::Gosched,
        S::Close(c(0)),
        S::Sleep(1),
    ]);
    assert_outcome(&r, Outcome::Panic, "send on closed channel");
}

#[test]
fn send_on_closed_channel_panics() {
    let (r, _) = run(vec![S::MakeChan(1), S::Close(c(0)), S::Send(c(0), 1)]);
    assert_outcome(&r, Outcome::Panic, "send on closed channel");
}

#[test]
fn close_of_closed_channel_panics() {
    let (r, _) = run(vec![S::MakeChan(1), S::Close(c(0)), S::Close(c(0))]);
    assert_outcome(&r, Outcome::Panic, "close of closed channel");
}

#[test]
fn close_of_nil_channel_panics() {
    let (r, _) = run(vec![S::Close(None)]);
    assert_outcome(&r, Outcome::Panic, "close of nil channel");
}

#[test]
fn receiver_nobody_sends_to_leaks_in_chan_receive() {
    let (r, _) = run(vec![
        S::MakeChan(0),
        S::Go("main.f", 14, vec![S::Line(14), S::Recv(c(0))]),
    ]);
    assert_eq!(leaks(&r), vec![("chan receive".to_string(), 14, 1)]);
}

#[test]
fn send_on_nil_channel_blocks_forever_in_nil_chan_state() {
    let (r, _) = run(vec![S::Go("main.f", 9, vec![S::Line(9), S::Send(None, 1)])]);
    assert_outcome(&r, Outcome::Exit, "");
    assert_eq!(leaks(&r), vec![("chan send (nil chan)".to_string(), 9, 1)]);
}

#[test]
fn receive_on_nil_channel_blocks_forever_in_nil_chan_state() {
    let (r, _) = run(vec![S::Go("main.f", 8, vec![S::Line(8), S::Recv(None)])]);
    assert_eq!(
        leaks(&r),
        vec![("chan receive (nil chan)".to_string(), 8, 1)]
    );
}

#[test]
fn main_receiving_from_nil_channel_deadlocks() {
    let (r, _) = run(vec![S::Recv(None)]);
    assert_outcome(
        &r,
        Outcome::Deadlock,
        "all goroutines are asleep - deadlock!",
    );
}

/// Values go to receivers in the order they parked (g4 first: the last goroutine spawned runs
/// first); the woken receivers then run last-woken first, as Go 1.27 does under synctest
/// (receivers parked c, a, b, sent 0, 1, 2: Go prints `b2 c0 a1`).
#[test]
fn blocked_receivers_are_served_in_arrival_order() {
    let (_, log) = run(vec![
        S::MakeChan(0),
        S::Go("main.r", 3, vec![S::Recv(c(0))]),
        S::Go("main.r", 3, vec![S::Recv(c(0))]),
        S::Go("main.r", 3, vec![S::Recv(c(0))]),
        S::Gosched,
        S::Send(c(0), 1),
        S::Send(c(0), 2),
        S::Send(c(0), 3),
        S::Sleep(1),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 sent",
            "t=0 g1 sent",
            "t=0 g1 sent",
            "t=0 g3 recv 3 true",
            "t=0 g4 recv 1 true",
            "t=0 g2 recv 2 true",
            "t=1 g1 woke",
        ])
    );
}

/// g3 (spawned last) runs and parks first, so its value is received first.
#[test]
fn blocked_senders_are_served_in_arrival_order() {
    let (_, log) = run(vec![
        S::MakeChan(0),
        S::Go("main.s", 3, vec![S::Send(c(0), 10)]),
        S::Go("main.s", 4, vec![S::Send(c(0), 20)]),
        S::Gosched,
        S::Recv(c(0)),
        S::Recv(c(0)),
    ]);
    // The woken senders still run after main returns (nothing needs the clock to advance).
    assert_eq!(
        log,
        s(&[
            "t=0 g1 recv 20 true",
            "t=0 g1 recv 10 true",
            "t=0 g2 sent",
            "t=0 g3 sent"
        ])
    );
}

#[test]
fn blocked_sender_refills_the_slot_a_receive_frees() {
    let (_, log) = run(vec![
        S::MakeChan(1),
        S::Send(c(0), 1),
        S::Go("main.s", 3, vec![S::Send(c(0), 2)]),
        S::Gosched,
        S::Recv(c(0)),
        S::Len(lessons::runtime::ChanId(0)),
        S::Recv(c(0)),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 sent",
            "t=0 g1 recv 1 true",
            "t=0 g1 len 1 cap 1",
            "t=0 g1 recv 2 true",
            "t=0 g2 sent",
        ])
    );
}

#[test]
fn channel_costs_header_plus_capacity_times_element_size() {
    // main's stack (2048) + hchan header (96) + 10 slots of 8 bytes.
    let (r, _) = run(vec![S::MakeChan(10)]);
    assert_eq!(r.peak_heap_bytes, 2048 + 96 + 80);
}
