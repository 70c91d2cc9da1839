//! First end-to-end checks of the runtime core: a handoff, a deadlock and a leak.

mod runtime_support;

use lessons::runtime::Outcome;
use runtime_support::*;

/// Real Go: `ch := make(chan int); go func(){ ch <- 7 }(); fmt.Println(<-ch)` prints 7.
#[test]
fn unbuffered_send_hands_value_to_receiver() {
    let (r, log) = run(vec![
        S::MakeChan(0),
        S::Go("main.func1", 3, vec![S::Line(3), S::Send(c(0), 7)]),
        S::Line(4),
        S::Recv(c(0)),
    ]);
    assert_outcome(&r, Outcome::Exit, "");
    assert_eq!(log, vec!["t=0 g2 sent", "t=0 g1 recv 7 true"]);
    assert_eq!(leaks(&r), vec![]);
}

#[test]
fn main_receiving_alone_is_a_deadlock() {
    let (r, _) = run(vec![S::MakeChan(0), S::Line(5), S::Recv(c(0))]);
    assert_outcome(
        &r,
        Outcome::Deadlock,
        "all goroutines are asleep - deadlock!",
    );
}

#[test]
fn blocked_senders_after_main_returns_are_leaks_grouped_by_line() {
    let (r, _) = run(vec![
        S::MakeChan(0),
        S::Loop(
            3,
            vec![S::Go(
                "main.worker",
                12,
                vec![S::Line(12), S::Send(c(0), 1)],
            )],
        ),
        S::Line(20),
    ]);
    assert_outcome(&r, Outcome::Exit, "");
    assert_eq!(leaks(&r), vec![("chan send".to_string(), 12, 3)]);
    assert_eq!(r.peak_goroutines, 4);
}
