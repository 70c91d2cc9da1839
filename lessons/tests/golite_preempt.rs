//! Seeded preemption (`RunOptions::preempt_every`, a lesson's `preempt_every`): the running
//! goroutine yields at seeded points between any two instructions, so `x++` (load, add, store)
//! from several goroutines loses updates as it does on a multi-core machine, differently for
//! each seed and identically for the same seed.

use lessons::golite::{RunOptions, run_source};
use lessons::runtime::Outcome;

const RACY: &str = include_str!("../catalog/15-racy-counter/bad.go");
const LOCKED: &str = include_str!("../catalog/15-racy-counter/good.go");

fn stdout(src: &str, seed: u64, preempt_every: Option<u64>) -> String {
    let r = run_source(
        "prog.go",
        src,
        &RunOptions {
            seed,
            preempt_every,
            ..RunOptions::default()
        },
    );
    assert_eq!(r.outcome, Outcome::Exit, "{}", r.panic);
    r.stdout
}

#[test]
fn each_seed_loses_its_own_updates_and_the_same_seed_the_same() {
    let lost = |seed| stdout(RACY, seed, Some(5));
    assert_eq!(lost(1), "counted 2570 of 4000 page views\nlost updates\n");
    assert_eq!(lost(2), "counted 2610 of 4000 page views\nlost updates\n");
    assert_eq!(lost(3), "counted 2637 of 4000 page views\nlost updates\n");
    assert_eq!(lost(2), lost(2));
}

#[test]
fn the_mutex_keeps_every_update_under_any_preemption() {
    for seed in 1..=5 {
        assert_eq!(
            stdout(LOCKED, seed, Some(5)),
            "counted 4000 of 4000 page views\n",
            "seed {seed}"
        );
    }
}

#[test]
fn without_preemption_the_seed_does_not_change_the_interleaving() {
    // Goroutines then switch only when their slice of steps ends, at the same places whatever
    // the seed (the seed still drives select and math/rand).
    assert_eq!(stdout(RACY, 1, None), stdout(RACY, 2, None));
}
