//! Randomised consistency checks: for many generated programs (channels, select, sleeps, nested
//! goroutines, mutexes, WaitGroups, closes) the Timeline folded from the events must agree with
//! the runtime's own report (leaks by state and line, peaks, output), and every run must repeat
//! exactly for its seed. A disagreement means an event is missing or wrong.

mod runtime_support;

use lessons::runtime::{Config, GState, Outcome, Rng, SelectCase, Timeline};
use runtime_support::*;

/// A random goroutine body of about `len` steps; `depth` bounds nested `go` statements.
fn body(rng: &mut Rng, len: usize, depth: u32, line: u32) -> Vec<S> {
    let mut ops = Vec::new();
    for k in 0..len {
        ops.push(S::Line(line + k as u32));
        let pick = rng.below(14);
        let chan = |r: &mut Rng| c(r.below(3) as u32);
        match pick {
            0 | 1 => ops.push(S::Send(chan(rng), rng.below(100) as i64)),
            2 | 3 => ops.push(S::Recv(chan(rng))),
            4 => ops.push(S::Select(
                vec![
                    SelectCase::Recv(chan(rng)),
                    SelectCase::Send(chan(rng), V(rng.below(100) as i64)),
                ],
                rng.below(2) == 0,
            )),
            5 => ops.push(S::Sleep(1 + rng.below(30) as i64)),
            6 if depth > 0 => {
                let n = 1 + rng.below(4) as usize;
                let inner = body(rng, n, depth - 1, line + 100);
                ops.push(S::Go("main.f", line + k as u32, inner));
            }
            7 => ops.push(S::Gosched),
            8 => {
                ops.push(S::Lock(0));
                ops.push(S::Sleep(rng.below(5) as i64));
                ops.push(S::Unlock(0));
            }
            9 => ops.push(S::WgAdd(0, 1)),
            10 => ops.push(S::WgAdd(0, -1)),
            11 => ops.push(S::WgWait(0)),
            12 if rng.below(8) == 0 => ops.push(S::Close(chan(rng))),
            13 => ops.push(S::Print("x")),
            _ => ops.push(S::Len(lessons::runtime::ChanId(0))),
        }
    }
    ops
}

fn program(seed: u64) -> Vec<S> {
    let mut rng = Rng::new(seed);
    let mut main = vec![
        S::MakeChan(0),
        S::MakeChan(1),
        S::MakeChan(2),
        S::MutexNew,
        S::WgNew,
    ];
    for g in 0..(2 + rng.below(5)) {
        let n = 2 + rng.below(6) as usize;
        let inner = body(&mut rng, n, 2, 10 + 20 * g as u32);
        main.push(S::Go("main.worker", 10 + 20 * g as u32, inner));
    }
    let n = 3 + rng.below(6) as usize;
    main.extend(body(&mut rng, n, 1, 200));
    main
}

#[test]
fn timeline_agrees_with_the_report_and_runs_repeat_for_300_random_programs() {
    let mut outcomes = [0u32; 6];
    for seed in 0..300u64 {
        let cfg = Config {
            seed,
            max_steps: 50_000,
            ..Config::default()
        };
        let (mut rt, _) = start(cfg.clone(), program(seed));
        let report = rt.run_to_end();
        let events = rt.take_events();
        let (mut again, _) = start(cfg, program(seed));
        again.run_to_end();
        assert_eq!(
            events,
            again.take_events(),
            "seed {seed}: not deterministic"
        );

        let tl = Timeline::from_events(events);
        let last = tl.last();
        assert_eq!(last.outcome, Some(report.outcome), "seed {seed}");
        assert_eq!(last.output, report.stdout, "seed {seed}");
        assert_eq!(last.heap_peak_bytes, report.peak_heap_bytes, "seed {seed}");
        let peak = tl.series(usize::MAX).iter().map(|p| p.goroutines).max();
        assert_eq!(
            peak.map(u64::from),
            Some(report.peak_goroutines),
            "seed {seed}"
        );
        outcomes[report.outcome as usize] += 1;
        if report.outcome == Outcome::Exit {
            let mut folded: Vec<(String, u32, u32)> = last
                .by_line
                .iter()
                .map(|g| (g.state.as_str().to_string(), g.line, g.count))
                .collect();
            folded.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)));
            assert_eq!(folded, leaks(&report), "seed {seed}: leaks");
            assert!(
                last.by_state.iter().all(|s| s.state != GState::Running),
                "seed {seed}"
            );
        }
        for c in &last.chans {
            assert!(c.len <= c.cap.max(1), "seed {seed}: {c:?}");
        }
    }
    // The generator reaches every ordinary ending.
    assert!(outcomes[Outcome::Exit as usize] > 0, "{outcomes:?}");
    assert!(outcomes[Outcome::Deadlock as usize] > 0, "{outcomes:?}");
    assert!(outcomes[Outcome::Panic as usize] > 0, "{outcomes:?}");
}
