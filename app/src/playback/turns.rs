//! "You are the scheduler" (issue 21) without Leptos: a challenge's program replayed with the
//! learner's choices so far, paused at the next decision (`lessons::runtime` schedules), with
//! the goroutines that can run there and the line each runs next, and whether the goal is met.
//!
//! Every click re-runs the program from the start with one more choice: the programs are a few
//! dozen lines, the run is exact (same program, seed and choices: the same run), and the page
//! keeps nothing but the list of choices, which is also what the link holds.

use lessons::explore::challenges::Goal;
use lessons::golite::{self, RunOptions};
use lessons::runtime::{Decision, Gid, Progress, Replay, RunReport, Snapshot, Timeline};

/// Decisions one "run until it blocks" may take at most.
pub const MAX_RUN_ON: usize = 2_000;

/// Where the learner's schedule has brought the program.
#[derive(Clone, Debug)]
pub struct Turn {
    /// The choices the run followed (a link's invalid choices replaced by Go's).
    pub picks: Vec<Gid>,
    /// The decision waiting for the learner; `None` once the run is over.
    pub decision: Option<Decision>,
    /// The state now (goroutines, output).
    pub snapshot: Snapshot,
    /// The report, once the run is over.
    pub report: Option<RunReport>,
    /// True once the run is over and reached the goal.
    pub goal_met: bool,
    /// The compile error, if the program does not compile.
    pub error: Option<String>,
}

/// Runs `source` with `picks`, pausing at the first decision past them (or to the end when
/// `finish`: Go's order decides the rest).
pub fn play(source: &str, goal: &Goal, picks: &[Gid], finish: bool) -> Turn {
    let program = match golite::compile("prog.go", source, &[]) {
        Ok(p) => p,
        Err(e) => {
            return Turn {
                picks: Vec::new(),
                decision: None,
                snapshot: Timeline::default().last(),
                report: None,
                goal_met: false,
                error: Some(format!("prog.go:{}:{}: {}", e.line, e.col, e.msg)),
            };
        }
    };
    let opts = RunOptions {
        race: true,
        decide: true,
        ..RunOptions::default()
    };
    let mut rt = golite::start(&program, &opts);
    rt.set_chooser(Box::new(Replay {
        choices: picks.to_vec(),
        pause_after: !finish,
    }));
    let mut tl = Timeline::default();
    while rt.run_slice(1_000_000) == Progress::Running && rt.decision().is_none() {
        tl.extend(rt.take_events());
    }
    tl.extend(rt.take_events());
    let decision = rt.decision().cloned();
    let report = rt.is_finished().then(|| rt.report());
    let picks = rt.schedule().to_vec();
    golite::discard(rt);
    Turn {
        goal_met: report.as_ref().is_some_and(|r| goal.met(r)),
        picks,
        decision,
        snapshot: tl.last(),
        report,
        error: None,
    }
}

/// Picks `gid` at the current decision and keeps picking it while it can go on running (each
/// new line of its own), so one click runs it until it blocks, ends, or another goroutine is
/// the only one left to run.
pub fn run_on(source: &str, goal: &Goal, picks: &[Gid], gid: Gid) -> Turn {
    let mut picks = picks.to_vec();
    picks.push(gid);
    let mut turn = play(source, goal, &picks, false);
    for _ in 0..MAX_RUN_ON {
        match &turn.decision {
            Some(d) if d.current == gid && d.allows(gid) => {
                picks = turn.picks.clone();
                picks.push(gid);
                turn = play(source, goal, &picks, false);
            }
            _ => break,
        }
    }
    turn
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lost_update() -> (&'static str, Goal) {
        let c = crate::sched_catalog::get("lost-update").unwrap_or_else(|| panic!("missing"));
        (c.source, c.goal())
    }

    #[test]
    fn the_first_turn_waits_with_main_and_the_first_goroutine_runnable() {
        let (src, goal) = lost_update();
        let t = play(src, &goal, &[], false);
        let d = t.decision.unwrap_or_else(|| panic!("no decision"));
        let opts: Vec<(u32, u32)> = d.options.iter().map(|o| (o.gid.0, o.line)).collect();
        assert_eq!(opts, vec![(1, 23), (2, 22)]);
        assert!(t.report.is_none() && !t.goal_met);
    }

    /// Both goroutines read `hits` (line 15) before either writes it (line 16): an update is
    /// lost, which is the goal.
    #[test]
    fn reading_twice_before_writing_loses_an_update() {
        let (src, goal) = lost_update();
        // main runs until both goroutines exist, then each runs to its read.
        let mut t = run_on(src, &goal, &[], Gid(1));
        for g in [2, 3] {
            while let Some(d) = &t.decision {
                let me = d.options.iter().find(|o| o.gid == Gid(g));
                if me.is_some_and(|o| o.line == 16) || me.is_none() {
                    break;
                }
                let mut p = t.picks.clone();
                p.push(Gid(g));
                t = play(src, &goal, &p, false);
            }
        }
        let t = play(src, &goal, &t.picks, true);
        let r = t.report.unwrap_or_else(|| panic!("not finished"));
        assert_eq!(r.stdout, "hits: 1\nlost an update\n");
        assert!(t.goal_met);
    }

    #[test]
    fn go_order_alone_does_not_lose_the_update() {
        let (src, goal) = lost_update();
        let t = play(src, &goal, &[], true);
        assert_eq!(t.report.map(|r| r.stdout), Some("hits: 2\n".to_string()));
        assert!(!t.goal_met);
    }
}
