//! Fix-it challenges (issue 21, part 1): the learner gets a lesson's anti-pattern in the editor
//! and rewrites it; [`grade`] says whether the rewrite fixes the bug on the lesson's own terms.
//!
//! A rewrite passes when, at every parameter set of the lesson's `[[expect]]` table (and at the
//! defaults under a few more seeds, so a race or a `select` cannot pass by luck), it
//! - compiles and keeps the lesson's parameters,
//! - ends by returning from main: no deadlock, panic, fatal error or playground limit,
//! - leaves no goroutine alive at the end,
//! - has no data race, in lessons that run the race detector,
//! - prints exactly what the fix prints,
//! - and costs no more than the fix by the lesson's `[harm]` measures: a measure the verdict
//!   would call `bad` ([`super::harm::BAD_RATIO`] times the fix or more, or any amount where
//!   the fix has none) fails; a little more than the fix (`warn`) passes.
//!
//! Grading is pure Rust over [`crate::golite::run_source`]: the CLI (`golite check`) and the page
//! call the same functions, so they cannot disagree. The page runs one [`Case`] at a time
//! ([`Exam::run`], [`Exam::grade_case`], then [`Grade::new`]) to keep the tab responsive; the
//! CLI and the tests call [`grade`].

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::harm::{Harm, HarmMeasure, Tone, judge};
use super::lesson::Lesson;
use crate::golite::syntax::params::Param;
use crate::golite::{self, GoVersion, RunOptions, run_source};
use crate::runtime::{Link, Outcome, Progress, RunReport, Runtime};

/// A lesson's `[challenge]` table: a hint that points toward the fix without giving it away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hint {
    /// English, one or two sentences.
    pub hint: String,
    /// The same in Chinese.
    pub hint_zh: String,
}

/// The `[challenge]` table of the lesson with this slug (read from `lesson.toml` like
/// [`super::harm_of`], so [`Lesson`] and its builders in the app stay unchanged).
pub fn hint_of(slug: &str) -> Option<&'static Hint> {
    #[derive(Deserialize)]
    struct Only {
        slug: String,
        challenge: Option<Hint>,
    }
    static CELL: OnceLock<Vec<(String, Hint)>> = OnceLock::new();
    CELL.get_or_init(|| {
        super::RAW
            .iter()
            .filter_map(|r| toml::from_str::<Only>(r.toml?).ok())
            .filter_map(|o| Some((o.slug, o.challenge?)))
            .collect()
    })
    .iter()
    .find(|(s, _)| s == slug)
    .map(|(_, h)| h)
}

/// Extra seeds tried at the default parameters, beyond the lesson's own.
pub const EXTRA_SEEDS: u64 = 2;

/// One run to grade: a full parameter set and a seed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    /// Every parameter of the lesson, with its value in this case, in declaration order.
    pub params: Vec<(String, i64)>,
    pub seed: u64,
}

impl Case {
    /// `requests=10, timeoutMs=50`, then ` (seed 3)` when the seed is not the lesson's.
    fn at(&self, lesson_seed: u64) -> String {
        let mut s = self
            .params
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join(", ");
        if self.seed != lesson_seed {
            s.push_str(&format!(" (seed {})", self.seed));
        }
        s
    }

    fn at_zh(&self, lesson_seed: u64) -> String {
        let mut s = self
            .params
            .iter()
            .map(|(n, v)| format!("{n}={v}"))
            .collect::<Vec<_>>()
            .join("，");
        if self.seed != lesson_seed {
            s.push_str(&format!("（种子 {}）", self.seed));
        }
        s
    }
}

/// What a check looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// It compiles and keeps the lesson's parameters.
    Compiles,
    /// main returns: no deadlock, panic, fatal error or limit.
    Ends,
    /// No goroutine is alive when main returns.
    NoLeak,
    /// The race detector reports nothing (race lessons only).
    NoRace,
    /// The output is the fix's.
    Output,
    /// Each `[harm]` measure is within the fix's range.
    Harm,
}

/// One check at one case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub kind: CheckKind,
    pub passed: bool,
    /// What was found, in a sentence naming the parameters: `leaks 6 goroutines at
    /// requests=10, timeoutMs=50 (line 27, chan send)`.
    pub en: String,
    pub zh: String,
}

/// Every check run at one case (checks that need a finished run are left out when it did
/// not finish).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseResult {
    pub case: Case,
    pub checks: Vec<Check>,
}

impl CaseResult {
    pub fn passed(&self) -> bool {
        self.checks.iter().all(|c| c.passed)
    }
}

/// The grade of a rewrite: the cases run, in order, up to and including the first that failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grade {
    pub passed: bool,
    /// How many cases the exam has.
    pub total: usize,
    pub cases: Vec<CaseResult>,
}

impl Grade {
    /// A grade from the results of the cases run so far (the page runs them one by one and
    /// stops at the first failure); it passes when all `total` cases ran and passed.
    pub fn new(cases: Vec<CaseResult>, total: usize) -> Grade {
        let passed = cases.len() == total && cases.iter().all(CaseResult::passed);
        Grade {
            passed,
            total,
            cases,
        }
    }

    /// The first failed check, the answer the learner reads first.
    pub fn failure(&self) -> Option<&Check> {
        self.cases
            .iter()
            .flat_map(|c| c.checks.iter())
            .find(|c| !c.passed)
    }

    /// One sentence: the first failure, or that every case passed.
    pub fn summary(&self) -> (String, String) {
        match self.failure() {
            Some(c) => (c.en.clone(), c.zh.clone()),
            None => (
                format!(
                    "the same output as the fix, nothing leaked or stuck, and no more harm, in all {} runs",
                    self.total
                ),
                format!(
                    "全部 {} 次运行的输出与修复版相同，没有泄漏或卡住，代价不超过修复版",
                    self.total
                ),
            ),
        }
    }
}

/// What the checker needs of a lesson. The app builds it from what it ships (its `Lesson`s carry
/// no `[[expect]]` table and no programs until fetched); the tests and the CLI from the catalog
/// with [`Exam::of_lesson`].
#[derive(Debug, Clone)]
pub struct Exam<'a> {
    /// The lesson's parameters, as declared in `bad.go`.
    pub params: &'a [Param],
    /// The fix, `good.go`.
    pub fix: &'a str,
    pub harm: &'a Harm,
    /// The lesson's seed.
    pub seed: u64,
    pub preempt_every: Option<u64>,
    pub race: bool,
    /// The Go release the lesson runs under (its `go`): a fix is graded where the bug bites.
    pub go: GoVersion,
    /// The `[[expect]]` parameter sets, in table order (the defaults first).
    pub param_sets: Vec<BTreeMap<String, i64>>,
    /// The links of the listeners the programs make (`[[listener]]`, [`super::links_of`]).
    pub links: &'a [Link],
}

impl<'a> Exam<'a> {
    /// The exam of a catalog lesson.
    pub fn of_lesson(lesson: &'a Lesson, harm: &'a Harm) -> Exam<'a> {
        Exam {
            params: &lesson.params,
            fix: lesson.good_go,
            harm,
            seed: lesson.seed,
            preempt_every: lesson.preempt_every,
            race: lesson.race,
            go: lesson.go,
            param_sets: lesson.expect.iter().map(|e| e.params.clone()).collect(),
            links: super::links_of(&lesson.slug),
        }
    }

    /// The cases, in the order they run: each parameter set at the lesson's seed (the defaults
    /// first), then the defaults at [`EXTRA_SEEDS`] more seeds.
    pub fn cases(&self) -> Vec<Case> {
        let full = |set: &BTreeMap<String, i64>| -> Vec<(String, i64)> {
            self.params
                .iter()
                .map(|p| {
                    (
                        p.name.clone(),
                        set.get(&p.name).copied().unwrap_or(p.default),
                    )
                })
                .collect()
        };
        let mut sets: Vec<&BTreeMap<String, i64>> = self.param_sets.iter().collect();
        // The defaults first: the setting the learner sees.
        sets.sort_by_key(|s| !s.is_empty());
        let mut out: Vec<Case> = Vec::new();
        for s in sets {
            let c = Case {
                params: full(s),
                seed: self.seed,
            };
            if !out.contains(&c) {
                out.push(c);
            }
        }
        if out.is_empty() {
            out.push(Case {
                params: full(&BTreeMap::new()),
                seed: self.seed,
            });
        }
        let defaults = out[0].params.clone();
        for k in 1..=EXTRA_SEEDS {
            out.push(Case {
                params: defaults.clone(),
                seed: self.seed.wrapping_add(k),
            });
        }
        out
    }

    /// Runs `src` at `case` with the lesson's options.
    pub fn run(&self, src: &str, case: &Case) -> RunReport {
        run_source("prog.go", src, &self.options(case))
    }

    /// Starts `src` at `case`, to be driven slice by slice with [`CaseRun::advance`] (the page
    /// does so between frames); it reports exactly what [`Exam::run`] does. One run at a time:
    /// golite's heap is per run, so finish one before beginning the next.
    pub fn begin(&self, src: &str, case: &Case) -> CaseRun {
        let opts = self.options(case);
        match golite::compile_for("prog.go", src, &opts.params, opts.go) {
            Err(e) => CaseRun {
                rt: None,
                done: Some(golite::compile_error_report("prog.go", &e)),
            },
            Ok(p) => CaseRun {
                rt: Some(golite::start_unrecorded(&p, &opts)),
                done: None,
            },
        }
    }

    fn options(&self, case: &Case) -> RunOptions {
        RunOptions {
            seed: case.seed,
            params: case
                .params
                .iter()
                .map(|(n, v)| (n.clone(), v.to_string()))
                .collect(),
            preempt_every: self.preempt_every,
            race: self.race,
            go: self.go,
            net_links: self.links.to_vec(),
            ..RunOptions::default()
        }
    }

    /// The checks of the learner's run `mine` against the fix's run `fix` at `case`.
    pub fn grade_case(&self, case: &Case, mine: &RunReport, fix: &RunReport) -> CaseResult {
        let at = case.at(self.seed);
        let at_zh = case.at_zh(self.seed);
        let mut checks = Vec::new();
        let first = |s: &str| s.lines().next().unwrap_or("").to_string();
        if mine.outcome == Outcome::CompileError {
            let p = first(&mine.panic);
            checks.push(fail(
                CheckKind::Compiles,
                format!("does not compile: {p}"),
                format!("无法编译：{p}"),
            ));
            return CaseResult {
                case: case.clone(),
                checks,
            };
        }
        checks.push(pass(
            CheckKind::Compiles,
            "compiles".into(),
            "可以编译".into(),
        ));
        let p = first(&mine.panic);
        let ended = match mine.outcome {
            Outcome::Exit => None,
            Outcome::Deadlock => Some((
                format!("deadlocks at {at}: all goroutines are asleep"),
                format!("在 {at_zh} 时死锁：所有 goroutine 都在休眠"),
            )),
            Outcome::Panic => Some((
                format!("panics at {at}: {p}"),
                format!("在 {at_zh} 时 panic：{p}"),
            )),
            Outcome::Fatal => Some((
                format!("dies at {at}: fatal error: {p}"),
                format!("在 {at_zh} 时崩溃：致命错误：{p}"),
            )),
            Outcome::Limit | Outcome::CompileError => Some((
                format!("is stopped by the playground at {at}: {p}"),
                format!("在 {at_zh} 时被演练场终止：{p}"),
            )),
        };
        if let Some((en, zh)) = ended {
            checks.push(fail(CheckKind::Ends, en, zh));
            return CaseResult {
                case: case.clone(),
                checks,
            };
        }
        checks.push(pass(
            CheckKind::Ends,
            format!("main returns at {at}"),
            format!("在 {at_zh} 时 main 正常返回"),
        ));
        checks.push(leak_check(mine, &at, &at_zh));
        if self.race {
            checks.push(race_check(mine, &at, &at_zh));
        }
        checks.push(output_check(mine, fix, &at, &at_zh));
        checks.extend(self.harm_checks(mine, fix, &at, &at_zh));
        CaseResult {
            case: case.clone(),
            checks,
        }
    }

    fn harm_checks(&self, mine: &RunReport, fix: &RunReport, at: &str, at_zh: &str) -> Vec<Check> {
        let v = judge(self.harm, mine, fix);
        let mut out = Vec::new();
        for f in v.bad.figures.iter() {
            // The output measure is the output check's business.
            if f.measure == HarmMeasure::Output {
                continue;
            }
            let (name, name_zh) = measure_name(f.measure);
            let (mine_v, fix_v) = (
                f.measure.describe_value(f.value),
                f.measure.describe_value(f.fix),
            );
            let c = if f.tone == Tone::Bad {
                fail(
                    CheckKind::Harm,
                    format!(
                        "{name} is {mine_v} at {at}, the fix's {fix_v}: too much more than the fix"
                    ),
                    format!("在 {at_zh} 时{name_zh}为 {mine_v}，修复版为 {fix_v}：比修复版多太多"),
                )
            } else {
                pass(
                    CheckKind::Harm,
                    format!("{name} is {mine_v} at {at}, the fix's {fix_v}"),
                    format!("在 {at_zh} 时{name_zh}为 {mine_v}，修复版为 {fix_v}"),
                )
            };
            out.push(c);
        }
        out
    }
}

/// A run of one case in progress ([`Exam::begin`]).
pub struct CaseRun {
    rt: Option<Runtime<golite::Value>>,
    done: Option<RunReport>,
}

impl CaseRun {
    /// Runs up to `steps` more interpreter steps; the report once the run has ended.
    pub fn advance(&mut self, steps: u64) -> Option<RunReport> {
        if self.done.is_none()
            && let Some(rt) = &mut self.rt
            && rt.run_slice(steps) != Progress::Running
        {
            self.done = Some(rt.report());
            self.rt = None;
        }
        self.done.clone()
    }
}

/// Runs every case of `exam` on `src`, in order, stopping at the first that fails.
pub fn grade(exam: &Exam, src: &str) -> Grade {
    let cases = exam.cases();
    let total = cases.len();
    let mut results = Vec::new();
    for case in &cases {
        let mine = exam.run(src, case);
        // The fix graded against itself (a test, a learner who pasted it) runs once.
        let r = if src == exam.fix {
            exam.grade_case(case, &mine, &mine)
        } else {
            exam.grade_case(case, &mine, &exam.run(exam.fix, case))
        };
        let failed = !r.passed();
        results.push(r);
        if failed {
            break;
        }
    }
    Grade::new(results, total)
}

fn pass(kind: CheckKind, en: String, zh: String) -> Check {
    Check {
        kind,
        passed: true,
        en,
        zh,
    }
}

fn fail(kind: CheckKind, en: String, zh: String) -> Check {
    Check {
        kind,
        passed: false,
        en,
        zh,
    }
}

fn leak_check(r: &RunReport, at: &str, at_zh: &str) -> Check {
    let total: u32 = r.leaked.iter().map(|l| l.count).sum();
    if total == 0 {
        return pass(
            CheckKind::NoLeak,
            format!("no goroutine left at {at}"),
            format!("在 {at_zh} 时没有遗留 goroutine"),
        );
    }
    let noun = if total == 1 {
        "goroutine"
    } else {
        "goroutines"
    };
    let one = r.leaked.len() == 1;
    let wher: Vec<String> = r
        .leaked
        .iter()
        .map(|l| match one {
            true => format!("line {}, {}", l.line, l.state),
            false => format!("{} at line {}, {}", l.count, l.line, l.state),
        })
        .collect();
    let wher_zh: Vec<String> = r
        .leaked
        .iter()
        .map(|l| match one {
            true => format!("第 {} 行，{}", l.line, super::zh::state(&l.state)),
            false => format!(
                "第 {} 行 {} 个，{}",
                l.line,
                l.count,
                super::zh::state(&l.state)
            ),
        })
        .collect();
    fail(
        CheckKind::NoLeak,
        format!("leaks {total} {noun} at {at} ({})", wher.join("; ")),
        format!(
            "在 {at_zh} 时泄漏了 {total} 个 goroutine（{}）",
            wher_zh.join("；")
        ),
    )
}

fn race_check(r: &RunReport, at: &str, at_zh: &str) -> Check {
    match r.races.first() {
        None => pass(
            CheckKind::NoRace,
            format!("no data race at {at}"),
            format!("在 {at_zh} 时没有数据竞争"),
        ),
        Some(x) => fail(
            CheckKind::NoRace,
            format!(
                "has a data race at {at}: {} at line {} and {} at line {}",
                x.access.op, x.access.line, x.previous.op, x.previous.line
            ),
            format!(
                "在 {at_zh} 时有数据竞争：第 {} 行的{}与第 {} 行的{}",
                x.access.line,
                op_zh(&x.access.op),
                x.previous.line,
                op_zh(&x.previous.op)
            ),
        ),
    }
}

fn op_zh(op: &str) -> &'static str {
    if op.contains("rite") { "写" } else { "读" }
}

fn output_check(mine: &RunReport, fix: &RunReport, at: &str, at_zh: &str) -> Check {
    if mine.stdout == fix.stdout {
        return pass(
            CheckKind::Output,
            format!("prints what the fix prints at {at}"),
            format!("在 {at_zh} 时输出与修复版相同"),
        );
    }
    let (a, b): (Vec<&str>, Vec<&str>) =
        (mine.stdout.lines().collect(), fix.stdout.lines().collect());
    let i = a.iter().zip(b.iter()).take_while(|(x, y)| x == y).count();
    let shown = |l: Option<&&str>| match l {
        Some(l) => format!("{:?}", short(l)),
        None => "nothing".to_string(),
    };
    let shown_zh = |l: Option<&&str>| match l {
        Some(l) => format!("{:?}", short(l)),
        None => "（无）".to_string(),
    };
    fail(
        CheckKind::Output,
        format!(
            "prints something else than the fix at {at}: line {} is {}, the fix prints {}",
            i + 1,
            shown(a.get(i)),
            shown(b.get(i))
        ),
        format!(
            "在 {at_zh} 时输出与修复版不同：第 {} 行是 {}，修复版是 {}",
            i + 1,
            shown_zh(a.get(i)),
            shown_zh(b.get(i))
        ),
    )
}

/// A line cut to 80 characters for a sentence.
fn short(l: &str) -> String {
    if l.chars().count() <= 80 {
        l.to_string()
    } else {
        let mut s: String = l.chars().take(79).collect();
        s.push('…');
        s
    }
}

fn measure_name(m: HarmMeasure) -> (&'static str, &'static str) {
    use HarmMeasure as H;
    match m {
        H::PeakHeap => ("peak heap", "堆峰值"),
        H::FinalHeap => ("heap still held at the end", "结束时仍占用的堆"),
        H::Allocated => ("memory allocated", "累计分配内存"),
        H::PeakGoroutines => ("peak goroutines", "goroutine 峰值"),
        H::Time => ("time to finish", "完成耗时"),
        H::LifetimeP50 => ("median goroutine lifetime", "goroutine 存活时间中位数"),
        H::LifetimeP99 => ("p99 goroutine lifetime", "goroutine 存活时间 p99"),
        H::WaitMutex => ("time queued on mutexes", "互斥锁排队时间"),
        H::WaitRwmutex => ("time queued on RWMutexes", "读写锁排队时间"),
        H::WaitChannel => ("time waiting on channels", "通道等待时间"),
        H::WaitSelect => ("time waiting in select", "select 等待时间"),
        H::Contention => ("time waiting on locks and channels", "锁和通道等待时间"),
        H::Spin => ("steps spent spinning", "空转步数"),
        H::Steps => ("CPU steps", "CPU 步数"),
        H::Output => ("output", "输出"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn param(name: &str, default: i64) -> Param {
        Param {
            name: name.into(),
            default,
            lo: 1,
            hi: 100,
            label: name.into(),
            line: 1,
        }
    }

    fn harm() -> Harm {
        Harm {
            measures: vec![HarmMeasure::PeakHeap],
            output: None,
            hint: "x".into(),
            hint_zh: "x".into(),
        }
    }

    #[test]
    fn cases_put_the_defaults_first_drop_repeats_and_add_two_seeds() {
        let params = [param("n", 10), param("ms", 50)];
        let h = harm();
        let set = |kv: &[(&str, i64)]| -> BTreeMap<String, i64> {
            kv.iter().map(|(k, v)| (k.to_string(), *v)).collect()
        };
        let exam = Exam {
            params: &params,
            fix: "",
            harm: &h,
            seed: 7,
            preempt_every: None,
            race: false,
            go: GoVersion::default(),
            param_sets: vec![
                set(&[("n", 1)]),
                set(&[]),
                set(&[("n", 10)]),
                set(&[("ms", 99)]),
            ],
            links: &[],
        };
        let got: Vec<(Vec<(String, i64)>, u64)> = exam
            .cases()
            .into_iter()
            .map(|c| (c.params, c.seed))
            .collect();
        let p = |n: i64, ms: i64| vec![("n".to_string(), n), ("ms".to_string(), ms)];
        assert_eq!(
            got,
            [
                (p(10, 50), 7),
                (p(1, 50), 7),
                (p(10, 99), 7),
                (p(10, 50), 8),
                (p(10, 50), 9),
            ]
        );
        let c = Case {
            params: p(10, 50),
            seed: 8,
        };
        assert_eq!(c.at(7), "n=10, ms=50 (seed 8)");
        assert_eq!(c.at(8), "n=10, ms=50");
    }

    #[test]
    fn a_run_in_slices_reports_what_a_run_in_one_go_does() {
        let l = crate::catalog::get("forgotten-sender").expect("lesson 1");
        let h = crate::catalog::harm_of(&l.slug).expect("its harm");
        let exam = Exam::of_lesson(l, h);
        // 10,000 requests: many goroutines, so many slices.
        let case = &Case {
            params: vec![("requests".into(), 10_000), ("timeoutMs".into(), 50)],
            seed: 1,
        };
        let whole = exam.run(l.bad_go, case);
        let mut run = exam.begin(l.bad_go, case);
        let mut slices = 0;
        let sliced = loop {
            slices += 1;
            if let Some(r) = run.advance(1_000) {
                break r;
            }
        };
        assert!(slices > 10, "{slices}");
        assert_eq!(sliced, whole);
        let mut broken = exam.begin("package main\nfunc main() { x }\n", case);
        assert_eq!(
            broken.advance(1).map(|r| r.outcome),
            Some(Outcome::CompileError)
        );
    }

    #[test]
    fn a_grade_passes_only_when_every_case_ran_and_passed() {
        let ok = CaseResult {
            case: Case {
                params: Vec::new(),
                seed: 1,
            },
            checks: vec![pass(CheckKind::Ends, "e".into(), "z".into())],
        };
        assert!(Grade::new(vec![ok.clone(), ok.clone()], 2).passed);
        assert!(!Grade::new(vec![ok.clone()], 2).passed);
        let mut bad = ok.clone();
        bad.checks
            .push(fail(CheckKind::NoLeak, "leaks".into(), "泄漏".into()));
        let g = Grade::new(vec![ok, bad], 2);
        assert!(!g.passed);
        assert_eq!(g.summary(), ("leaks".to_string(), "泄漏".to_string()));
    }
}
