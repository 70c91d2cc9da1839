//! select: ready cases, default, blocking on several channels, nil cases, `select {}`, closed
//! channels, and the seeded uniform choice among ready cases.

mod runtime_support;

use lessons::runtime::{
    ChanId, Config, Cx, Op, Outcome, Runtime, SelectCase, Selected, Task, Yield,
};
use runtime_support::*;

fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

#[test]
fn select_runs_the_only_ready_receive_case() {
    let (_, log) = run(vec![
        S::MakeChan(0),
        S::MakeChan(1),
        S::Send(c(1), 4),
        S::Select(vec![SelectCase::Recv(c(0)), SelectCase::Recv(c(1))], false),
    ]);
    assert_eq!(log, s(&["t=0 g1 sent", "t=0 g1 select 1 4 true"]));
}

#[test]
fn select_takes_default_when_no_case_is_ready() {
    let (_, log) = run(vec![
        S::MakeChan(0),
        S::Select(
            vec![SelectCase::Recv(c(0)), SelectCase::Send(c(0), V(1))],
            true,
        ),
    ]);
    assert_eq!(log, s(&["t=0 g1 select default"]));
}

#[test]
fn empty_select_blocks_forever_in_select_no_cases() {
    let (r, _) = run(vec![S::Go(
        "main.f",
        6,
        vec![S::Line(6), S::Select(vec![], false)],
    )]);
    assert_eq!(leaks(&r), vec![("select (no cases)".to_string(), 6, 1)]);
}

#[test]
fn empty_select_in_main_deadlocks() {
    let (r, _) = run(vec![S::Select(vec![], false)]);
    assert_outcome(
        &r,
        Outcome::Deadlock,
        "all goroutines are asleep - deadlock!",
    );
}

#[test]
fn select_on_only_nil_channels_blocks_in_select() {
    let (r, _) = run(vec![S::Go(
        "main.f",
        7,
        vec![
            S::Line(7),
            S::Select(
                vec![SelectCase::Recv(None), SelectCase::Send(None, V(1))],
                false,
            ),
        ],
    )]);
    assert_eq!(leaks(&r), vec![("select".to_string(), 7, 1)]);
}

/// Go compiles `select { case <-ch: }` to `<-ch`: its dump state is `chan receive`
/// (tests/oracle/runtime TestLeakStates).
#[test]
fn single_case_select_parks_in_the_plain_channel_state() {
    let (r, log) = run(vec![
        S::MakeChan(0),
        S::Go(
            "main.r",
            4,
            vec![S::Line(4), S::Select(vec![SelectCase::Recv(c(0))], false)],
        ),
        S::Go(
            "main.s",
            5,
            vec![
                S::Line(5),
                S::Select(vec![SelectCase::Send(None, V(1))], false),
            ],
        ),
        S::Gosched,
        S::Go("main.t", 6, vec![S::Send(c(0), 8)]),
    ]);
    assert_eq!(leaks(&r), vec![("chan send (nil chan)".to_string(), 5, 1)]);
    assert_eq!(log, s(&["t=0 g4 sent", "t=0 g2 select 0 8 true"]));
}

#[test]
fn single_case_receive_select_leaks_as_chan_receive() {
    let (r, _) = run(vec![
        S::MakeChan(0),
        S::Go(
            "main.r",
            4,
            vec![S::Line(4), S::Select(vec![SelectCase::Recv(c(0))], false)],
        ),
    ]);
    assert_eq!(leaks(&r), vec![("chan receive".to_string(), 4, 1)]);
}

#[test]
fn ready_send_case_on_closed_channel_panics() {
    let (r, _) = run(vec![
        S::MakeChan(0),
        S::Close(c(0)),
        S::Select(vec![SelectCase::Send(c(0), V(1))], true),
    ]);
    assert_outcome(&r, Outcome::Panic, "send on closed channel");
}

#[test]
fn receive_case_on_closed_channel_is_ready_with_zero_and_false() {
    let (_, log) = run(vec![
        S::MakeChan(0),
        S::Close(c(0)),
        S::Select(vec![SelectCase::Recv(c(0))], true),
    ]);
    assert_eq!(log, s(&["t=0 g1 select 0 0 false"]));
}

#[test]
fn parked_select_fires_the_case_that_becomes_ready_and_leaves_the_others() {
    let (_, log) = run(vec![
        S::MakeChan(0),
        S::MakeChan(0),
        S::Go(
            "main.f",
            5,
            vec![S::Select(
                vec![SelectCase::Recv(c(0)), SelectCase::Recv(c(1))],
                false,
            )],
        ),
        S::Gosched,
        S::Send(c(1), 9),
        // The select no longer waits on c0, so a send there finds nobody.
        S::Select(vec![SelectCase::Send(c(0), V(1))], true),
    ]);
    assert_eq!(
        log,
        s(&[
            "t=0 g1 sent",
            "t=0 g1 select default",
            "t=0 g2 select 1 9 true"
        ])
    );
}

#[test]
fn parked_select_send_case_completes_when_a_receiver_arrives() {
    let (_, log) = run(vec![
        S::MakeChan(0),
        S::Go(
            "main.f",
            5,
            vec![S::Select(vec![SelectCase::Send(c(0), V(3))], false)],
        ),
        S::Gosched,
        S::Recv(c(0)),
        S::Sleep(1),
    ]);
    assert_eq!(
        log,
        s(&["t=0 g1 recv 3 true", "t=0 g2 select 0 sent", "t=1 g1 woke"])
    );
}

#[test]
fn close_wakes_a_parked_select_with_the_receive_case() {
    let (_, log) = run(vec![
        S::MakeChan(0),
        S::MakeChan(0),
        S::Go(
            "main.f",
            5,
            vec![S::Select(
                vec![SelectCase::Recv(c(1)), SelectCase::Recv(c(0))],
                false,
            )],
        ),
        S::Gosched,
        S::Close(c(0)),
        S::Sleep(1),
    ]);
    assert_eq!(log, s(&["t=0 g2 select 1 0 false", "t=1 g1 woke"]));
}

/// Counts which of three always-ready receive cases each of `n` selects picks.
struct Chooser {
    n: u32,
    counts: std::rc::Rc<std::cell::RefCell<[u32; 3]>>,
}

impl Task<V> for Chooser {
    fn resume(&mut self, cx: &mut Cx<'_, V>) -> Yield {
        let chans: Vec<ChanId> = (0..3).map(|_| cx.make_chan(1, 8, V(0))).collect();
        let cases: Vec<SelectCase<V>> = chans.iter().map(|c| SelectCase::Recv(Some(*c))).collect();
        for _ in 0..self.n {
            for ch in &chans {
                if cx.chan_len(*ch) == 0 {
                    let _ = cx.send(Some(*ch), V(1));
                }
            }
            if let Op::Ready(Selected { case: Some(i), .. }) = cx.select(&cases, false) {
                self.counts.borrow_mut()[i] += 1;
            }
        }
        Yield::Exit
    }
}

fn choices(seed: u64, n: u32) -> [u32; 3] {
    let counts = std::rc::Rc::new(std::cell::RefCell::new([0; 3]));
    let mut rt = Runtime::new(Config {
        seed,
        ..Config::default()
    });
    rt.spawn_main(
        Box::new(Chooser {
            n,
            counts: counts.clone(),
        }),
        1,
    );
    rt.run_to_end();
    *counts.borrow()
}

#[test]
fn select_chooses_uniformly_among_ready_cases() {
    let counts = choices(7, 30_000);
    assert_eq!(counts.iter().sum::<u32>(), 30_000);
    for c in counts {
        assert!((9_500..=10_500).contains(&c), "counts {counts:?}");
    }
}

#[test]
fn select_choices_repeat_for_the_same_seed_and_differ_across_seeds() {
    assert_eq!(choices(42, 300), choices(42, 300));
    assert_ne!(choices(42, 300), choices(43, 300));
}

#[test]
fn select_waiters_woken_by_one_channel_are_never_served_by_the_other() {
    // 2,000 selects wait on c0 and c1; all are woken through c1, leaving stale entries on c0.
    let (r, log) = run(vec![
        S::MakeChan(0),
        S::MakeChan(0),
        S::Loop(
            2_000,
            vec![S::Go(
                "main.w",
                3,
                vec![S::Select(
                    vec![SelectCase::Recv(c(0)), SelectCase::Recv(c(1))],
                    false,
                )],
            )],
        ),
        S::Gosched,
        S::Loop(2_000, vec![S::Send(c(1), 1)]),
        S::Select(vec![SelectCase::Send(c(0), V(7))], true),
    ]);
    assert_eq!(
        log.iter()
            .filter(|l| l.ends_with("select 1 1 true"))
            .count(),
        2_000
    );
    assert!(log.contains(&"t=0 g1 select default".to_string()));
    assert_eq!(leaks(&r), vec![]);
}
