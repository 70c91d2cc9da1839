//! Events, snapshots, the seekable timeline, driving a run in slices, seeded preemption and
//! determinism (same program and seed, identical event stream).

mod runtime_support;

use lessons::runtime::{
    ChanId, ChanView, Config, Cx, Event, EventKind, GState, Gid, LineGroup, Progress, Runtime,
    Seeker, SelectCase, StateCount, Task, Timeline, TimerView, Yield,
};
use runtime_support::*;

fn render(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .map(|e| {
            let k = serde_json::to_value(&e.kind).unwrap_or_default();
            format!("{} g{} l{} {}", e.step, e.gid.0, e.line, k)
        })
        .collect()
}

fn events_of(cfg: Config, main: Vec<S>) -> Vec<Event> {
    let (mut rt, _) = start(cfg, main);
    rt.run_to_end();
    rt.take_events()
}

#[test]
fn a_handoff_records_every_state_change_in_order() {
    let ev = events_of(
        Config::default(),
        vec![
            S::MakeChan(0),
            S::Go("main.func1", 3, vec![S::Line(3), S::Send(c(0), 7)]),
            S::Line(4),
            S::Recv(c(0)),
        ],
    );
    let expect = [
        r#"0 g0 l0 {"child":1,"kind":"spawn","name":"main"}"#,
        r#"0 g1 l1 {"bytes":2048,"kind":"alloc"}"#,
        r#"1 g1 l1 {"bytes":96,"kind":"alloc"}"#,
        r#"1 g1 l1 {"cap":0,"chan":0,"kind":"chan_make"}"#,
        r#"2 g1 l1 {"child":2,"kind":"spawn","name":"main.func1"}"#,
        r#"2 g2 l3 {"bytes":2048,"kind":"alloc"}"#,
        r#"4 g1 l4 {"kind":"block","on":{"chan":0},"state":"chan receive"}"#,
        r#"6 g2 l3 {"chan":0,"kind":"send","len":0}"#,
        r#"6 g1 l4 {"chan":0,"kind":"recv","len":0}"#,
        r#"6 g1 l4 {"kind":"unblock"}"#,
        r#"6 g2 l3 {"kind":"exit"}"#,
        r#"6 g2 l3 {"bytes":2048,"kind":"free"}"#,
        r#"6 g1 l4 {"kind":"exit"}"#,
        r#"6 g1 l4 {"bytes":2048,"kind":"free"}"#,
        r#"6 g0 l0 {"kind":"end","outcome":"exit"}"#,
    ];
    assert_eq!(render(&ev), expect);
}

#[test]
fn events_serialize_flat_with_a_kind_tag() {
    let e = Event {
        step: 4,
        time_ns: 10,
        gid: Gid(1),
        line: 4,
        kind: EventKind::Block {
            state: GState::ChanRecv,
            on: Some(lessons::runtime::ObjId::Chan(ChanId(0))),
            cases: None,
        },
    };
    assert_eq!(
        serde_json::to_string(&e).unwrap_or_default(),
        r#"{"step":4,"time_ns":10,"gid":1,"line":4,"kind":"block","state":"chan receive","on":{"chan":0}}"#
    );
}

fn racy_program() -> Vec<S> {
    let worker = |n: i64| {
        vec![S::Loop(
            20,
            vec![
                S::Select(
                    vec![SelectCase::Send(c(0), V(n)), SelectCase::Send(c(1), V(n))],
                    false,
                ),
                S::Sleep(n),
            ],
        )]
    };
    vec![
        S::MakeChan(1),
        S::MakeChan(1),
        S::Go("main.w", 3, worker(1)),
        S::Go("main.w", 3, worker(2)),
        S::Go("main.w", 3, worker(3)),
        S::Loop(
            60,
            vec![S::Select(
                vec![SelectCase::Recv(c(0)), SelectCase::Recv(c(1))],
                false,
            )],
        ),
    ]
}

#[test]
fn same_seed_gives_an_identical_event_stream() {
    let cfg = Config {
        seed: 9,
        ..Config::default()
    };
    let a = events_of(cfg.clone(), racy_program());
    let b = events_of(cfg, racy_program());
    assert!(a.len() > 300, "{} events", a.len());
    assert_eq!(a, b);
}

#[test]
fn another_seed_gives_another_interleaving() {
    let a = events_of(
        Config {
            seed: 9,
            ..Config::default()
        },
        racy_program(),
    );
    let b = events_of(
        Config {
            seed: 10,
            ..Config::default()
        },
        racy_program(),
    );
    assert_ne!(a, b);
}

/// Goroutines of several states on one line, their ids interleaved: one group per state, in
/// the order of Go's state names ("chan receive" before "chan send", unlike the states' own
/// order), each with its ids ascending.
#[test]
fn groups_on_one_line_follow_state_names_and_keep_ids_in_order() {
    let ev = events_of(
        Config::default(),
        vec![
            S::MakeChan(0),
            S::MakeChan(0),
            S::Loop(
                2,
                vec![
                    S::Go("main.send", 7, vec![S::Line(7), S::Send(c(0), 1)]),
                    S::Go("main.nap", 7, vec![S::Line(7), S::Sleep(99)]),
                    S::Go("main.recv", 7, vec![S::Line(7), S::Recv(c(1))]),
                ],
            ),
            S::Line(20),
        ],
    );
    let groups: Vec<(String, Vec<u32>)> = Timeline::from_events(ev)
        .last()
        .by_line
        .iter()
        .map(|g| {
            assert_eq!((g.line, g.count as usize), (7, g.gids.len()));
            (
                g.state.as_str().to_string(),
                g.gids.iter().map(|g| g.0).collect(),
            )
        })
        .collect();
    assert_eq!(
        groups,
        [
            ("chan receive".to_string(), vec![4, 7]),
            ("chan send".to_string(), vec![2, 5]),
            ("sleep".to_string(), vec![3, 6]),
        ]
    );
}

#[test]
fn final_snapshot_groups_leaked_goroutines_by_line_with_their_ids() {
    let ev = events_of(
        Config::default(),
        vec![
            S::MakeChan(0),
            S::Loop(
                3,
                vec![S::Go(
                    "main.worker",
                    12,
                    vec![S::Line(12), S::Send(c(0), 1)],
                )],
            ),
            S::Go("main.sleeper", 15, vec![S::Line(15), S::Sleep(99)]),
            S::Line(20),
        ],
    );
    let snap = Timeline::from_events(ev).last();
    assert_eq!(
        snap.by_line,
        vec![
            LineGroup {
                state: GState::ChanSend,
                line: 12,
                count: 3,
                gids: vec![Gid(2), Gid(3), Gid(4)]
            },
            LineGroup {
                state: GState::Sleep,
                line: 15,
                count: 1,
                gids: vec![Gid(5)]
            },
        ]
    );
    assert_eq!(
        snap.by_state,
        vec![
            StateCount {
                state: GState::ChanSend,
                count: 3
            },
            StateCount {
                state: GState::Sleep,
                count: 1
            },
        ]
    );
    assert_eq!(snap.goroutines.len(), 4);
    assert_eq!(&*snap.goroutines[0].name, "main.worker");
    assert_eq!(snap.chans[0].senders, 3);
    assert_eq!(snap.outcome, Some(lessons::runtime::Outcome::Exit));
}

#[test]
fn snapshot_shows_buffer_fill_and_waiting_senders() {
    let ev = events_of(
        Config::default(),
        vec![
            S::MakeChan(2),
            S::Send(c(0), 1),
            S::Send(c(0), 2),
            S::Go("main.s", 5, vec![S::Send(c(0), 3)]),
        ],
    );
    let snap = Timeline::from_events(ev).last();
    assert_eq!(
        snap.chans,
        vec![ChanView {
            chan: ChanId(0),
            cap: 2,
            len: 2,
            closed: false,
            senders: 1,
            receivers: 0
        }]
    );
}

#[test]
fn snapshot_mid_run_shows_pending_timers_heap_output_and_the_running_goroutine() {
    let ev = events_of(
        Config::default(),
        vec![
            S::Print("hello\n"),
            S::NewTimer(50),
            S::Sleep(10),
            S::Print("late\n"),
        ],
    );
    let tl = Timeline::from_events(ev);
    // Everything before the clock moves past 0: the timer is pending, main is asleep.
    let snap = tl.snapshot_at(tl.index_at_time(0));
    assert_eq!(snap.time_ns, 0);
    assert_eq!(
        snap.timers,
        vec![TimerView {
            timer: lessons::runtime::TimerId(0),
            at: 50
        }]
    );
    assert_eq!(snap.output, "hello\n");
    // main's stack, the timer channel (96 + 24) and the pending timer (64).
    assert_eq!(snap.heap_bytes, 2048 + 120 + 64);
    assert_eq!(
        snap.by_state,
        vec![StateCount {
            state: GState::Sleep,
            count: 1
        }]
    );
    assert_eq!(snap.running, None);
    let first = tl.snapshot_at(3);
    assert_eq!(first.running, Some(Gid(1)));
    assert_eq!(tl.last().output, "hello\nlate\n");
}

#[test]
fn seeking_with_checkpoints_matches_replaying_from_the_start() {
    let ev = events_of(
        Config::default(),
        vec![
            S::MakeChan(0),
            S::Go("main.pong", 3, vec![S::Loop(3000, vec![S::Recv(c(0))])]),
            S::Loop(3000, vec![S::Send(c(0), 1)]),
        ],
    );
    assert!(ev.len() > 12_000, "{} events", ev.len());
    let tl = Timeline::from_events(ev.clone());
    for i in [0, 1, 1023, 1024, 1025, 5000, 8191, 8192, 12_000, ev.len()] {
        let replayed = Timeline::from_events(ev[..i].to_vec()).last();
        assert_eq!(tl.snapshot_at(i), replayed, "index {i}");
    }
}

#[test]
fn a_seeker_moving_forward_and_jumping_back_matches_snapshot_at() {
    let ev = events_of(
        Config::default(),
        vec![
            S::MakeChan(0),
            S::Go("main.pong", 3, vec![S::Loop(3000, vec![S::Recv(c(0))])]),
            S::Loop(3000, vec![S::Send(c(0), 1)]),
        ],
    );
    let tl = Timeline::from_events(ev.clone());
    let mut seeker = Seeker::default();
    // Small steps forward (playback), a jump past the spacing, then back (step back, scrub).
    for i in [
        0,
        1,
        2,
        40,
        1023,
        1024,
        1500,
        9000,
        9001,
        8999,
        3,
        ev.len(),
        ev.len() + 5,
    ] {
        assert_eq!(
            tl.snapshot_with(&mut seeker, i),
            tl.snapshot_at(i),
            "index {i}"
        );
    }
}

#[test]
fn streaming_events_into_a_timeline_matches_building_it_at_once() {
    let (mut rt, _) = start(Config::default(), racy_program());
    let mut streamed = Timeline::default();
    let mut slices = 0;
    while rt.run_slice(7) == Progress::Running {
        streamed.extend(rt.take_events());
        slices += 1;
    }
    streamed.extend(rt.take_events());
    let whole = Timeline::from_events(events_of(Config::default(), racy_program()));
    assert!(slices > 10);
    assert_eq!(streamed.events(), whole.events());
    assert_eq!(streamed.last(), whole.last());
}

#[test]
fn run_until_stops_before_the_clock_passes_the_target() {
    let (mut rt, log) = start(Config::default(), vec![S::Sleep(100), S::Now]);
    assert_eq!(rt.run_until(60, u64::MAX), Progress::Running);
    assert_eq!(rt.now(), 60);
    assert!(log.borrow().is_empty());
    assert_eq!(rt.run_until(100, u64::MAX), Progress::Finished);
    assert_eq!(*log.borrow(), vec!["t=100 g1 woke", "t=100 g1 now 100"]);
}

/// Counts the preemption points seen over 1,000 steps.
struct Preemptee(std::rc::Rc<std::cell::Cell<u32>>);

impl Task<V> for Preemptee {
    fn resume(&mut self, cx: &mut Cx<'_, V>) -> Yield {
        for _ in 0..1000 {
            cx.step(1);
            if cx.preempt_due() {
                self.0.set(self.0.get() + 1);
            }
        }
        Yield::Exit
    }
}

fn preemptions(preempt_every: Option<u64>, seed: u64) -> u32 {
    let n = std::rc::Rc::new(std::cell::Cell::new(0));
    let mut rt = Runtime::new(Config {
        seed,
        preempt_every,
        ..Config::default()
    });
    rt.spawn_main(Box::new(Preemptee(n.clone())), 1);
    rt.run_to_end();
    n.get()
}

#[test]
fn preemption_points_are_off_by_default() {
    assert_eq!(preemptions(None, 1), 0);
}

#[test]
fn preemption_points_come_every_n_steps_on_average_and_repeat_per_seed() {
    let a = preemptions(Some(10), 3);
    assert!((70..=140).contains(&a), "{a} preemptions");
    assert_eq!(a, preemptions(Some(10), 3));
}

#[test]
fn goroutines_parked_in_a_select_count_as_waiting_on_each_case_channel() {
    let ev = events_of(
        Config::default(),
        vec![
            S::MakeChan(0),
            S::MakeChan(0),
            S::Go(
                "main.f",
                4,
                vec![S::Select(
                    vec![SelectCase::Recv(c(0)), SelectCase::Send(c(1), V(1))],
                    false,
                )],
            ),
            S::Gosched,
            S::Send(c(0), 5),
        ],
    );
    let tl = Timeline::from_events(ev.clone());
    let block = ev
        .iter()
        .position(|e| matches!(e.kind, EventKind::Block { .. }))
        .unwrap_or(0);
    assert_eq!(
        serde_json::to_string(&ev[block].kind).unwrap_or_default(),
        r#"{"kind":"block","state":"select","on":null,"cases":[{"chan":0,"send":false},{"chan":1,"send":true}]}"#
    );
    let parked = tl.snapshot_at(block + 1);
    let gauges: Vec<(u32, u32)> = parked
        .chans
        .iter()
        .map(|c| (c.senders, c.receivers))
        .collect();
    assert_eq!(gauges, vec![(0, 1), (1, 0)]);
    let after = tl.last();
    let gauges: Vec<(u32, u32)> = after
        .chans
        .iter()
        .map(|c| (c.senders, c.receivers))
        .collect();
    assert_eq!(gauges, vec![(0, 0), (0, 0)]);
}

#[test]
fn switching_event_recording_off_keeps_the_report_and_records_nothing() {
    let (mut on, _) = start(Config::default(), racy_program());
    let (mut off, _) = start(
        Config {
            record_events: false,
            ..Config::default()
        },
        racy_program(),
    );
    let a = on.run_to_end();
    let b = off.run_to_end();
    assert_eq!(a, b);
    assert!(!on.events().is_empty());
    assert!(off.events().is_empty());
}

#[test]
fn series_tracks_goroutines_blocked_and_heap_over_the_run() {
    let ev = events_of(
        Config::default(),
        vec![
            S::Loop(3, vec![S::Go("main.f", 3, vec![S::Sleep(10)])]),
            S::Sleep(20),
        ],
    );
    let tl = Timeline::from_events(ev.clone());
    let all = tl.series(usize::MAX);
    assert_eq!(all.len(), ev.len() + 1);
    let peak = all.iter().map(|p| p.goroutines).max();
    assert_eq!(peak, Some(4));
    // All four asleep at t=0, before the clock moves.
    let asleep = all
        .iter()
        .filter(|p| p.time_ns == 0)
        .map(|p| p.blocked)
        .max();
    assert_eq!(asleep, Some(4));
    let last = all[all.len() - 1];
    assert_eq!(
        (last.goroutines, last.blocked, last.heap_bytes, last.time_ns),
        (0, 0, 0, 20)
    );
    assert_eq!(all.iter().map(|p| p.heap_bytes).max(), Some(4 * 2048));
    let few = tl.series(5);
    assert!(few.len() <= 5, "{} points", few.len());
    assert_eq!(few[0].index, 0);
    assert_eq!(few[few.len() - 1], last);
}

/// A program that did not compile has no events: its empty timeline seeks like any other (the
/// page seeks both sides at every cursor move), to the state before anything ran.
#[test]
fn an_empty_timeline_seeks_to_the_empty_state() {
    let tl = Timeline::default();
    let empty = Timeline::from_events(Vec::new()).last();
    assert!(empty.goroutines.is_empty());
    assert_eq!(tl.snapshot_at(0), empty);
    assert_eq!(tl.snapshot_at(3), empty);
    assert_eq!(tl.snapshot_with(&mut Seeker::default(), 0), empty);
}
