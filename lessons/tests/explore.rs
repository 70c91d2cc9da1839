//! Explicit schedules and the search for a failing one (issue 21, `lessons/src/explore/`,
//! `lessons/src/runtime/schedule.rs`).

use lessons::explore::challenges;
use lessons::explore::pct::Pct;
use lessons::explore::{Explored, Explorer, Found, failure_of, replay};
use lessons::golite::{self, Program, RunOptions};
use lessons::runtime::{
    DecisionKind, Gid, Progress, Replay, RunReport, format_schedule, parse_schedule,
};

fn lesson(number: u32) -> &'static lessons::catalog::Lesson {
    lessons::catalog::all()
        .iter()
        .find(|l| l.number == number)
        .unwrap_or_else(|| panic!("no lesson {number}"))
}

fn lesson_opts(l: &lessons::catalog::Lesson) -> RunOptions {
    RunOptions {
        seed: l.seed,
        preempt_every: l.preempt_every,
        race: l.race,
        ..RunOptions::default()
    }
}

fn compile(src: &str) -> Program {
    golite::compile("prog.go", src, &[]).unwrap_or_else(|e| panic!("{}", e.msg))
}

fn challenge(slug: &str) -> challenges::Challenge {
    challenges::load()
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .find(|c| c.slug == slug)
        .unwrap_or_else(|| panic!("no challenge {slug}"))
}

/// Replays `f` as the page does (events recorded) and returns the report and the events.
fn replay_found(p: &Program, base: &RunOptions, f: &Found) -> (RunReport, Vec<String>) {
    let sched = f
        .schedule
        .as_deref()
        .map(|s| parse_schedule(s).unwrap_or_else(|e| panic!("{e}")));
    let mut rt = replay(p, base, f.seed, sched.as_deref());
    while rt.run_slice(100_000) == Progress::Running {}
    let events = rt.events().iter().map(|e| format!("{e:?}")).collect();
    (rt.report(), events)
}

fn explore(p: &Program, base: &RunOptions, budget: usize) -> (Explored, u128) {
    let t = std::time::Instant::now();
    let r = Explorer::new(p.clone(), base.clone(), budget).run();
    (r, t.elapsed().as_millis())
}

/// The lessons whose bad program fails because of how its goroutines interleave: a send on a
/// closed channel (6), an unbuffered deadlock (7), a channel used as a lock that is never
/// released (10), a data race (15) and `wg.Add` inside the goroutine (16, Wait returns early
/// and leaves the uploads blocked). Exploration must report each one's known failure, and the
/// run it found must replay identically from its seed and schedule.
#[test]
fn exploration_finds_each_interleaving_lessons_failure_and_it_replays() {
    let cases: [(u32, &str); 5] = [
        (6, "panic"),
        (7, "deadlock"),
        (10, "deadlock"),
        (15, "race"),
        (16, "leak"),
    ];
    for (n, kind) in cases {
        let l = lesson(n);
        let p = compile(l.bad_go);
        let base = lesson_opts(l);
        let (r, ms) = explore(&p, &base, 50);
        let Explored::Found(f) = r else {
            panic!("lesson {n}: no failure found in 50 schedules");
        };
        eprintln!(
            "lesson {n}: {} after {} schedule(s), {ms} ms (debug build)",
            f.failure.kind(),
            f.tried
        );
        assert_eq!(f.failure.kind(), kind, "lesson {n}: {:?}", f.failure);
        let (again, _) = replay_found(&p, &base, &f);
        assert_eq!(again.outcome, f.report.outcome, "lesson {n}");
        assert_eq!(again.stdout, f.report.stdout, "lesson {n}");
        assert_eq!(again.steps, f.report.steps, "lesson {n}");
        assert_eq!(failure_of(&again, None), Some(f.failure.clone()));
    }
}

/// Programs free of data races whose first run (Go's order) is fine but some interleaving is
/// not: only a search finds them. Each found schedule replays to the same failure, step for step.
#[test]
fn exploration_finds_failures_the_first_run_hides() {
    let cases: [(&str, &str); 3] = [
        ("double-spend", "output"),
        ("dining-philosophers", "deadlock"),
        ("leaked-worker", "leak"),
    ];
    for (slug, kind) in cases {
        let c = challenge(slug);
        let p = compile(&c.source);
        let base = RunOptions::default();
        let first = golite::run_source("prog.go", &c.source, &base);
        assert_eq!(
            failure_of(&first, None),
            None,
            "{slug}: the first run fails"
        );
        let (r, ms) = explore(&p, &base, 200);
        let Explored::Found(f) = r else {
            panic!("{slug}: no failure in 200 schedules");
        };
        eprintln!(
            "{slug}: {} after {} schedule(s) ({:?}), {ms} ms (debug build)",
            f.failure.kind(),
            f.tried,
            f.strategy
        );
        assert_eq!(f.failure.kind(), kind, "{slug}: {:?}", f.failure);
        assert!(f.tried > 1);
        let (a, ea) = replay_found(&p, &base, &f);
        let (_, eb) = replay_found(&p, &base, &f);
        assert_eq!(
            (&a.stdout, a.outcome, a.steps),
            (&f.report.stdout, f.report.outcome, f.report.steps)
        );
        assert_eq!(ea, eb, "{slug}: two replays differ");
    }
}

#[test]
fn a_correct_program_explores_to_no_failure() {
    let l = lesson(7);
    let p = compile(l.good_go);
    let (r, _) = explore(&p, &lesson_opts(l), 30);
    match r {
        Explored::Exhausted { tried } => assert_eq!(tried, 30),
        Explored::Found(f) => panic!("good.go fails: {:?} ({:?})", f.failure, f.schedule),
        Explored::Running => panic!("still running"),
    }
}

/// The learner's turn: with a pausing replay the run stops at each decision and lists the
/// runnable goroutines with the line each runs next; choosing continues it.
#[test]
fn a_paused_run_lists_the_runnable_goroutines_and_their_lines() {
    let c = challenge("lost-update");
    let p = compile(&c.source);
    let opts = RunOptions {
        race: true,
        decide: true,
        ..RunOptions::default()
    };
    let mut rt = golite::start(&p, &opts);
    rt.set_chooser(Box::new(Replay {
        choices: Vec::new(),
        pause_after: true,
    }));
    assert_eq!(rt.run_slice(1_000_000), Progress::Running);
    let d = rt
        .decision()
        .cloned()
        .unwrap_or_else(|| panic!("no decision"));
    assert_eq!(d.index, 0);
    // main has started the first goroutine (line 22) and is about to run line 23.
    assert_eq!(d.kind, DecisionKind::Preempt);
    let opts: Vec<(u32, u32)> = d.options.iter().map(|o| (o.gid.0, o.line)).collect();
    // A goroutine that has not started yet shows its `go` statement's line.
    assert_eq!(opts, vec![(1, 23), (2, 22)]);
    assert!(!rt.choose(Gid(9)), "not an option");
    assert!(rt.choose(Gid(2)));
    assert_eq!(rt.schedule(), &[Gid(2)]);
    assert_eq!(rt.run_slice(1_000_000), Progress::Running);
    let d = rt
        .decision()
        .cloned()
        .unwrap_or_else(|| panic!("no second decision"));
    assert_eq!(d.index, 1);
    let opts: Vec<(u32, u32)> = d.options.iter().map(|o| (o.gid.0, o.line)).collect();
    assert_eq!(opts, vec![(1, 23), (2, 13)]);
}

/// Plays a challenge as a learner would, one click per decision, with `pick` choosing from the
/// options; returns the run's report and the schedule.
fn play(
    c: &challenges::Challenge,
    mut pick: impl FnMut(&lessons::runtime::Decision) -> Gid,
) -> (RunReport, String) {
    let p = compile(&c.source);
    let opts = RunOptions {
        race: true,
        decide: true,
        ..RunOptions::default()
    };
    let mut rt = golite::start(&p, &opts);
    rt.set_chooser(Box::new(Replay {
        choices: Vec::new(),
        pause_after: true,
    }));
    for _ in 0..500 {
        if rt.run_slice(1_000_000) == Progress::Finished {
            break;
        }
        let d = rt
            .decision()
            .cloned()
            .unwrap_or_else(|| panic!("running, no decision"));
        assert!(rt.choose(pick(&d)));
    }
    assert!(rt.is_finished(), "{}: more than 500 decisions", c.slug);
    (rt.report(), format_schedule(rt.schedule()))
}

/// Every challenge can be solved by clicking: a search (PCT, the goal as its test) finds a
/// schedule that reaches the goal, a learner clicking those choices one decision at a time
/// reaches it too, and the schedule's text (the link) replays to the same run.
#[test]
fn every_challenge_is_solvable_by_clicks_and_its_schedule_replays() {
    for c in challenges::load().unwrap_or_else(|e| panic!("{e}")) {
        let p = compile(&c.source);
        let opts = RunOptions {
            race: true,
            decide: true,
            ..RunOptions::default()
        };
        let mut found = None;
        for seed in 0..2000u64 {
            let mut rt = golite::start(&p, &opts);
            rt.set_chooser(Box::new(Pct::new(seed, 1 + (seed % 3) as usize, 40)));
            let r = rt.run_to_end();
            if c.goal.met(&r) {
                found = Some(rt.schedule().to_vec());
                break;
            }
        }
        let Some(choices) = found else {
            panic!("{}: no schedule reaches {:?} in 2000 tries", c.slug, c.goal);
        };
        let mut clicks = choices.iter();
        let (r, sched) = play(&c, |d| *clicks.next().unwrap_or(&d.default));
        assert!(
            c.goal.met(&r),
            "{}: clicks miss {:?}: {:?}",
            c.slug,
            c.goal,
            r.stdout
        );
        assert_eq!(sched, format_schedule(&choices), "{}", c.slug);
        eprintln!("{}: {} decisions: {sched}", c.slug, choices.len());
        let choices = parse_schedule(&sched).unwrap_or_else(|e| panic!("{e}"));
        let mut rt = replay(&p, &RunOptions::default(), 0, Some(&choices));
        while rt.run_slice(100_000) == Progress::Running {}
        let again = rt.report();
        assert_eq!(
            (again.outcome, &again.stdout, again.steps),
            (r.outcome, &r.stdout, r.steps),
            "{}",
            c.slug
        );
        assert!(c.goal.met(&again));
    }
}

/// Go's order alone (every decision taking the default) does not reach the goals that need a
/// learner: the challenge is not solved before it starts.
#[test]
fn go_order_alone_reaches_no_goal_but_the_send_on_closed() {
    for c in challenges::load().unwrap_or_else(|e| panic!("{e}")) {
        let (r, _) = play(&c, |d| d.default);
        let met = c.goal.met(&r);
        assert_eq!(
            met,
            c.slug == "send-on-closed",
            "{}: {:?} {:?}",
            c.slug,
            r.outcome,
            r.stdout
        );
    }
}
