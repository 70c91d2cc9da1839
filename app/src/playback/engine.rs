//! Running a lesson's two programs through the engine's public API, a budget of steps at a time,
//! so the page can spread a long run over many animation frames and never freeze.
//!
//! The sides run one after the other, never interleaved: golite keeps one per-thread queue of
//! pending heap frees, and each run's `start` resets it, so a runtime is dropped before the next
//! one starts.

use lessons::golite::{self, GoVersion, Program, RunOptions, Value};
use lessons::runtime::{Gid, Link, Progress, RunReport, Runtime, Timeline};

/// The two programs of a lesson, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The anti-pattern, `bad.go`.
    Bad,
    /// The fix, `good.go`.
    Good,
}

impl Side {
    /// Both sides, bad first.
    pub const BOTH: [Side; 2] = [Side::Bad, Side::Good];

    /// The file name shown and used in messages.
    pub fn file(self) -> &'static str {
        match self {
            Side::Bad => "bad.go",
            Side::Good => "good.go",
        }
    }

    /// `bad` or `good`, for CSS classes and test hooks.
    pub fn key(self) -> &'static str {
        match self {
            Side::Bad => "bad",
            Side::Good => "good",
        }
    }

    /// Position in arrays indexed by side.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The parameter values `src` declares, out of `values`. A learner's edit may drop a marked
/// constant; the program then runs with what it declares. When the markers do not parse, all of
/// `values` go through, so that compiling reports the marker's line.
pub fn params_for(src: &str, values: &[(String, String)]) -> Vec<(String, String)> {
    match lessons::catalog::parse_params(src) {
        Ok(declared) => values
            .iter()
            .filter(|(name, _)| declared.iter().any(|p| &p.name == name))
            .cloned()
            .collect(),
        Err(_) => values.to_vec(),
    }
}

/// The marked constants of `after` whose value differs from the same constant in `before`
/// (or that `before` does not declare), with their values in `after`: what a learner changed by
/// typing. Nothing when `after`'s markers do not parse (compiling then reports where).
pub fn changed_params(before: &str, after: &str) -> Vec<(String, i64)> {
    let Ok(now) = lessons::catalog::parse_params(after) else {
        return Vec::new();
    };
    let was = lessons::catalog::parse_params(before).unwrap_or_default();
    now.into_iter()
        .filter(|p| {
            !was.iter()
                .any(|w| w.name == p.name && w.default == p.default)
        })
        .map(|p| (p.name, p.default))
        .collect()
}

/// One finished run: its events (seekable) and its report.
#[derive(Clone, Debug)]
pub struct SideRun {
    /// Every event of the run.
    pub timeline: Timeline,
    /// The report golite gives (the same as `golite run --json`).
    pub report: RunReport,
}

/// What a run stopped by the learner says: `Stop pressed after 38,584,320 steps`.
pub fn stop_message(steps: u64) -> String {
    let digits = steps.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("Stop pressed after {grouped} steps")
}

/// A side that was stopped with nothing to show for it (its worker ended while it ran, or
/// before it started): outcome `limit` after `steps` steps, with `reason`, and one `End` event.
pub fn stopped(reason: String, steps: u64) -> SideRun {
    let error = golite::Error {
        line: 0,
        col: 0,
        msg: reason,
    };
    let mut report = golite::compile_error_report("", &error);
    report.outcome = lessons::runtime::Outcome::Limit;
    report.steps = steps;
    let mut timeline = Timeline::default();
    timeline.extend([lessons::runtime::Event {
        step: steps,
        time_ns: 0,
        gid: Gid(0),
        line: 0,
        kind: lessons::runtime::EventKind::End {
            outcome: lessons::runtime::Outcome::Limit,
        },
    }]);
    SideRun { timeline, report }
}

/// Where a side stands. The report and timeline are boxed: they are large, and a stage moves on
/// every slice.
enum Stage {
    /// Compiled, not started yet (or failed to compile: the report is ready).
    Ready(Result<Program, Box<RunReport>>),
    /// Running.
    Running(Box<Runtime<Value>>, Box<Timeline>),
    /// Finished.
    Done(Box<SideRun>),
}

/// A run of both programs with one set of parameters and one seed.
pub struct Job {
    stages: [Option<Stage>; 2],
    opts: RunOptions,
    /// The explicit schedule the bad side follows (a found failing run, `lessons::explore`).
    schedule: Option<Vec<Gid>>,
}

impl Job {
    /// Compiles both programs (cheap) for Go 1.27; nothing runs until [`Job::work`].
    /// `preempt_every` is the lesson's seeded preemption (race lessons), `None` for the others.
    pub fn new(
        bad_go: &str,
        good_go: &str,
        params: Vec<(String, String)>,
        seed: u64,
        preempt_every: Option<u64>,
    ) -> Self {
        Self::for_go(
            bad_go,
            good_go,
            params,
            seed,
            preempt_every,
            GoVersion::default(),
        )
    }

    /// [`Job::new`] with the semantics of the Go release `go` (the page's version switch):
    /// loop variables and timers compile and run as that release had them.
    pub fn for_go(
        bad_go: &str,
        good_go: &str,
        params: Vec<(String, String)>,
        seed: u64,
        preempt_every: Option<u64>,
        go: GoVersion,
    ) -> Self {
        let opts = RunOptions {
            seed,
            params,
            preempt_every,
            go,
            ..RunOptions::default()
        };
        // A compile error is reported once per run: the report travels unboxed.
        #[allow(clippy::result_large_err)]
        let compile = |file: &str, src: &str| {
            golite::compile_for(file, src, &params_for(src, &opts.params), go)
                .map_err(|e| Box::new(golite::compile_error_report(file, &e)))
        };
        Job {
            stages: [
                Some(Stage::Ready(compile(Side::Bad.file(), bad_go))),
                Some(Stage::Ready(compile(Side::Good.file(), good_go))),
            ],
            opts,
            schedule: None,
        }
    }

    /// Runs the bad side with an explicit schedule, as `lessons::explore::replay` does (the race
    /// detector on, as in the search that found it); `None`: Go's order.
    pub fn schedule(mut self, choices: Option<Vec<Gid>>) -> Self {
        self.schedule = choices;
        self
    }

    /// Runs both sides with Go's race detector (`RunOptions::race`): a lesson's `race = true`
    /// turns it on; edits can too. Each side's report then lists its races.
    pub fn race(mut self, on: bool) -> Self {
        self.opts.race = on;
        self
    }

    /// Gives the listeners the programs make the lesson's links (`[[listener]]`: round-trip
    /// time, bandwidth), as `golite run` on a lesson's file does.
    pub fn links(mut self, links: &[Link]) -> Self {
        self.opts.net_links = links.to_vec();
        self
    }

    /// Runs about `budget` interpreter steps of the first unfinished side (several sides when
    /// they finish early). Returns true once both sides are done.
    pub fn work(&mut self, budget: u64) -> bool {
        let mut left = budget.max(1);
        for (i, slot) in self.stages.iter_mut().enumerate() {
            let Some(stage) = slot.take() else { continue };
            let stage = match stage {
                Stage::Ready(Err(report)) => Stage::Done(Box::new(SideRun {
                    timeline: Timeline::default(),
                    report: *report,
                })),
                Stage::Ready(Ok(program)) => {
                    let rt = match (&self.schedule, i) {
                        (Some(s), 0) => {
                            lessons::explore::replay(&program, &self.opts, self.opts.seed, Some(s))
                        }
                        _ => golite::start(&program, &self.opts),
                    };
                    advance(Box::new(rt), Box::default(), &mut left)
                }
                Stage::Running(rt, tl) => advance(rt, tl, &mut left),
                done @ Stage::Done(_) => done,
            };
            let finished = matches!(stage, Stage::Done(_));
            *slot = Some(stage);
            if !finished {
                return false;
            }
        }
        true
    }

    /// Which side is running and how many steps it has taken (for the progress message).
    pub fn progress(&self) -> (Side, u64) {
        for (side, stage) in Side::BOTH.iter().zip(&self.stages) {
            match stage {
                Some(Stage::Running(rt, _)) => return (*side, rt.steps()),
                Some(Stage::Ready(_)) => return (*side, 0),
                _ => {}
            }
        }
        (Side::Good, 0)
    }

    /// Ends the side that is running now (the learner's Stop, Esc): it finishes at its next
    /// [`Job::work`] with outcome `limit`, its events up to here kept; a side not started yet
    /// still runs.
    pub fn stop(&mut self) {
        for stage in self.stages.iter_mut().flatten() {
            if let Stage::Running(rt, _) = stage {
                rt.interrupt(stop_message(rt.steps()));
            }
        }
    }

    /// `side`'s run, once it has finished (the worker sends each side as soon as it is done).
    pub fn finished(&self, side: Side) -> Option<&SideRun> {
        match &self.stages[side.index()] {
            Some(Stage::Done(run)) => Some(run),
            _ => None,
        }
    }

    /// Both runs, once [`Job::work`] returned true.
    pub fn finish(self) -> Option<[SideRun; 2]> {
        let [bad, good] = self.stages;
        match (bad, good) {
            (Some(Stage::Done(b)), Some(Stage::Done(g))) => Some([*b, *g]),
            _ => None,
        }
    }
}

/// Runs `rt` for up to `left` steps, streaming its events into `tl`; the runtime is dropped as
/// soon as it finishes (see the module note).
fn advance(mut rt: Box<Runtime<Value>>, mut tl: Box<Timeline>, left: &mut u64) -> Stage {
    let before = rt.steps();
    let progress = rt.run_slice(*left);
    *left = left.saturating_sub(rt.steps() - before).max(1);
    tl.extend(rt.take_events());
    match progress {
        Progress::Running => Stage::Running(rt, tl),
        Progress::Finished => {
            let report = rt.report();
            drop(rt);
            Stage::Done(Box::new(SideRun {
                timeline: *tl,
                report,
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lessons::runtime::Outcome;

    fn run_all(job: &mut Job, budget: u64) -> usize {
        let mut calls = 1;
        while !job.work(budget) {
            calls += 1;
        }
        calls
    }

    fn forgotten_sender() -> &'static lessons::catalog::Lesson {
        lessons::catalog::get("forgotten-sender").unwrap_or_else(|| panic!("lesson missing"))
    }

    #[test]
    fn both_sides_report_what_golite_run_reports() {
        let l = forgotten_sender();
        let params = vec![("requests".to_string(), "20".to_string())];
        let mut job = Job::new(l.bad_go, l.good_go, params.clone(), 1, None);
        run_all(&mut job, 500);
        let runs = job.finish().unwrap_or_else(|| panic!("not finished"));
        let opts = RunOptions {
            seed: 1,
            params,
            ..RunOptions::default()
        };
        assert_eq!(
            runs[0].report,
            golite::run_source("bad.go", l.bad_go, &opts)
        );
        assert_eq!(
            runs[1].report,
            golite::run_source("good.go", l.good_go, &opts)
        );
    }

    /// Lesson 15 declares `race = true`: its job runs with the detector, and the bad side's
    /// report has the race on `s.hits++` (line 19) with the event index of each access.
    #[test]
    fn a_race_lesson_runs_with_the_detector() {
        let l = lessons::catalog::get("racy-counter").unwrap_or_else(|| panic!("lesson missing"));
        assert!(l.race);
        let mut job =
            Job::new(l.bad_go, l.good_go, Vec::new(), l.seed, l.preempt_every).race(l.race);
        run_all(&mut job, 5000);
        let runs = job.finish().unwrap_or_else(|| panic!("not finished"));
        let race = runs[0]
            .report
            .races
            .first()
            .unwrap_or_else(|| panic!("no race"));
        assert_eq!((race.access.line, race.previous.line), (19, 19));
        assert!(race.previous.event < race.access.event);
        assert!(race.access.event as usize <= runs[0].timeline.events().len());
        assert!(runs[1].report.races.is_empty());
    }

    /// The version switch reaches both programs: lesson 11 under Go 1.21 reports what
    /// `golite run --go 1.21` does, and its bad side holds more heap than under Go 1.27.
    #[test]
    fn a_job_for_go_1_21_runs_both_programs_with_its_semantics() {
        let l =
            lessons::catalog::get("time-after-in-loop").unwrap_or_else(|| panic!("lesson missing"));
        let mut peaks = Vec::new();
        for go in GoVersion::ALL {
            let mut job = Job::for_go(l.bad_go, l.good_go, Vec::new(), l.seed, None, go);
            run_all(&mut job, 5000);
            let runs = job.finish().unwrap_or_else(|| panic!("not finished"));
            let opts = RunOptions {
                seed: l.seed,
                go,
                ..RunOptions::default()
            };
            assert_eq!(
                runs[0].report,
                golite::run_source("bad.go", l.bad_go, &opts)
            );
            assert_eq!(
                runs[1].report,
                golite::run_source("good.go", l.good_go, &opts)
            );
            peaks.push(runs[0].report.measures.heap_peak_bytes);
        }
        assert_eq!(peaks, [5_552, 4_632]);
    }

    /// Stop ends the running side with outcome `limit` and the step count in its message, its
    /// events up to there kept; the other side still runs to its end.
    #[test]
    fn stop_ends_the_running_side_and_the_other_still_runs() {
        let spin = "package main\n\nfunc main() {\n\tn := 0\n\tfor {\n\t\tn++\n\t}\n}\n";
        let l = forgotten_sender();
        let mut job = Job::new(spin, l.good_go, Vec::new(), 1, None);
        assert!(!job.work(5_000));
        assert!(!job.work(5_000));
        let (side, steps) = job.progress();
        assert_eq!(side, Side::Bad);
        // Where two budgets of 5,000 steps leave the loop (the same on every run).
        assert_eq!(steps, 20_096);
        job.stop();
        run_all(&mut job, 1000);
        let runs = job.finish().unwrap_or_else(|| panic!("not finished"));
        assert_eq!(runs[0].report.outcome, Outcome::Limit);
        assert_eq!(runs[0].report.panic, stop_message(steps));
        assert_eq!(
            stop_message(steps),
            format!("Stop pressed after 20,096 steps")
        );
        assert_eq!(stop_message(999), "Stop pressed after 999 steps");
        assert_eq!(stop_message(1_000), "Stop pressed after 1,000 steps");
        assert_eq!(runs[0].timeline.last().outcome, Some(Outcome::Limit));
        assert_eq!(runs[1].report.outcome, Outcome::Exit);
    }

    #[test]
    fn a_small_budget_spreads_the_run_over_many_calls() {
        let l = forgotten_sender();
        let mut job = Job::new(l.bad_go, l.good_go, Vec::new(), 1, None);
        assert!(run_all(&mut job, 100) > 10);
    }

    #[test]
    fn the_timeline_holds_every_event_up_to_the_end() {
        let l = forgotten_sender();
        let mut job = Job::new(l.bad_go, l.good_go, Vec::new(), 1, None);
        run_all(&mut job, 1000);
        let runs = job.finish().unwrap_or_else(|| panic!("not finished"));
        let last = runs[0].timeline.last();
        assert_eq!(last.outcome, Some(Outcome::Exit));
        assert_eq!(
            runs[0].timeline.events().last().map(|e| e.time_ns),
            Some(1_050_000_000)
        );
    }

    #[test]
    fn a_compile_error_is_a_finished_side_with_the_message() {
        let mut job = Job::new(
            "package main\nfunc main() { x }\n",
            "package main\nfunc main() {}\n",
            Vec::new(),
            1,
            None,
        );
        run_all(&mut job, 1000);
        let runs = job.finish().unwrap_or_else(|| panic!("not finished"));
        assert_eq!(runs[0].report.outcome, Outcome::CompileError);
        assert!(
            runs[0].report.panic.starts_with("bad.go:2:"),
            "{}",
            runs[0].report.panic
        );
        assert_eq!(runs[1].report.outcome, Outcome::Exit);
    }

    #[test]
    fn a_program_gets_only_the_parameters_it_declares() {
        // An edit that drops `timeoutMs` (and so its marker) still runs with `requests`.
        let bad = "package main\n\nimport \"fmt\"\n\nconst requests = 3 // param: 1..9 \"R\"\n\nfunc main() { fmt.Println(requests) }\n";
        let good = "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"none\") }\n";
        let params = vec![
            ("requests".to_string(), "7".to_string()),
            ("timeoutMs".to_string(), "50".to_string()),
        ];
        let mut job = Job::new(bad, good, params, 1, None);
        run_all(&mut job, 1000);
        let runs = job.finish().unwrap_or_else(|| panic!("not finished"));
        assert_eq!(
            runs.iter()
                .map(|r| r.report.stdout.as_str())
                .collect::<Vec<_>>(),
            ["7\n", "none\n"]
        );
    }

    #[test]
    fn only_the_constants_a_learner_changed_count_as_typed() {
        let before = "const a = 1 // param: 0..9 \"A\"\nconst b = 2 // param: 0..9 \"B\"\n";
        assert_eq!(changed_params(before, before), []);
        let after = before.replace("const b = 2", "const b = 7");
        assert_eq!(changed_params(before, &after), [("b".to_string(), 7)]);
        let added = format!("{before}const c = 3 // param: 0..9 \"C\"\n");
        assert_eq!(changed_params(before, &added), [("c".to_string(), 3)]);
        let broken = before.replace("0..9 \"B\"", "9..0 \"B\"");
        assert_eq!(changed_params(before, &broken), []);
    }

    #[test]
    fn a_broken_parameter_marker_is_a_compile_error_at_its_line() {
        let bad = "package main\n\nconst requests = 300 // param: 1..9 \"R\"\n\nfunc main() {}\n";
        let params = vec![("requests".to_string(), "7".to_string())];
        let mut job = Job::new(bad, bad, params, 1, None);
        run_all(&mut job, 1000);
        let runs = job.finish().unwrap_or_else(|| panic!("not finished"));
        assert_eq!(runs[0].report.outcome, Outcome::CompileError);
        assert_eq!(
            runs[0].report.panic,
            "bad.go:3:1: default 300 of requests is outside 1..9"
        );
    }
}
