//! Grading a learner's fix (issue 21's fix-it mode) as a job that runs a slice at a time, so the
//! engine's worker (`app/src/worker.rs`) can report progress and hear a Stop between slices, and
//! the page can run it in slices where no worker starts. It runs the same functions as
//! `golite check` (`lessons::catalog::challenge`, `docs/ARCHITECTURE.md` § Fix-it challenges):
//! each case of the lesson's exam, the learner's version then the fix's, stopping at the first
//! failing case.

use std::collections::BTreeMap;

use lessons::catalog::challenge::{Case, CaseResult, CaseRun, Exam, Grade};
use lessons::catalog::{Harm, Lesson};
use lessons::runtime::RunReport;

/// What an exam needs of a lesson, owned: the page and the worker each build it from the
/// metadata the app ships and the fix's source.
#[derive(Clone, Debug)]
pub struct ExamData {
    pub lesson: &'static Lesson,
    pub harm: Harm,
    pub sets: Vec<BTreeMap<String, i64>>,
    pub fix: String,
}

impl ExamData {
    pub fn exam(&self) -> Exam<'_> {
        Exam {
            params: &self.lesson.params,
            fix: &self.fix,
            harm: &self.harm,
            seed: self.lesson.seed,
            preempt_every: self.lesson.preempt_every,
            race: self.lesson.race,
            go: self.lesson.go,
            param_sets: self.sets.clone(),
            links: crate::catalog::links(self.lesson),
        }
    }
}

/// Which program of a case runs now.
enum Running {
    Mine(Box<CaseRun>),
    /// The learner's report is in; the fix runs.
    Fix(Box<(RunReport, CaseRun)>),
    /// Between cases.
    Next,
}

/// One grading in progress.
pub struct Grading {
    data: ExamData,
    src: String,
    cases: Vec<Case>,
    /// The fix's report at each case: the same at every check of the same fix, so a caller
    /// keeps them for the next check ([`Grading::into_fix_runs`]).
    fix_runs: Vec<Option<RunReport>>,
    at: usize,
    running: Running,
    results: Vec<CaseResult>,
    grade: Option<Grade>,
}

impl Grading {
    /// Grades `src` against `data`; `fix_runs` are the fix's reports of an earlier check (or
    /// none).
    pub fn new(data: ExamData, src: String, mut fix_runs: Vec<Option<RunReport>>) -> Self {
        let cases = data.exam().cases();
        fix_runs.resize(cases.len(), None);
        Grading {
            data,
            src,
            cases,
            fix_runs,
            at: 0,
            running: Running::Next,
            results: Vec::new(),
            grade: None,
        }
    }

    /// Runs up to about `steps` interpreter steps; the grade once every case needed has run.
    pub fn work(&mut self, steps: u64) -> Option<&Grade> {
        if self.grade.is_some() {
            return self.grade.as_ref();
        }
        let Some(case) = self.cases.get(self.at).cloned() else {
            self.grade = Some(Grade::new(
                std::mem::take(&mut self.results),
                self.cases.len(),
            ));
            return self.grade.as_ref();
        };
        let exam = self.data.exam();
        let both = match std::mem::replace(&mut self.running, Running::Next) {
            Running::Next => {
                self.running = Running::Mine(Box::new(exam.begin(&self.src, &case)));
                None
            }
            Running::Mine(mut run) => match run.advance(steps) {
                None => {
                    self.running = Running::Mine(run);
                    None
                }
                Some(mine) => match self.fix_runs[self.at].clone() {
                    Some(fix) => Some((mine, fix)),
                    None => {
                        let fix = exam.begin(exam.fix, &case);
                        self.running = Running::Fix(Box::new((mine, fix)));
                        None
                    }
                },
            },
            Running::Fix(mut both) => match both.1.advance(steps) {
                None => {
                    self.running = Running::Fix(both);
                    None
                }
                Some(fix) => {
                    self.fix_runs[self.at] = Some(fix.clone());
                    Some((both.0, fix))
                }
            },
        };
        if let Some((mine, fix)) = both {
            // The case is graded; the grade is done at its first failure.
            let r = exam.grade_case(&case, &mine, &fix);
            let failed = !r.passed();
            self.results.push(r);
            self.at += 1;
            if failed {
                self.grade = Some(Grade::new(
                    std::mem::take(&mut self.results),
                    self.cases.len(),
                ));
            }
        }
        self.grade.as_ref()
    }

    /// The case running now (from 0) and how many there are.
    pub fn progress(&self) -> (usize, usize) {
        (
            self.at.min(self.cases.len().saturating_sub(1)),
            self.cases.len(),
        )
    }

    /// The lesson graded.
    pub fn slug(&self) -> &str {
        &self.data.lesson.slug
    }

    /// The fix graded against.
    pub fn fix(&self) -> &str {
        &self.data.fix
    }

    /// The fix's reports so far, for the next check of the same fix.
    pub fn into_fix_runs(self) -> Vec<Option<RunReport>> {
        self.fix_runs
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lessons::catalog::challenge::grade;

    fn data_of(slug: &str) -> (ExamData, &'static Lesson) {
        let l = lessons::catalog::all()
            .iter()
            .find(|l| l.slug == slug)
            .unwrap_or_else(|| panic!("no lesson {slug}"));
        let harm = lessons::catalog::harm_of(&l.slug)
            .cloned()
            .unwrap_or_else(|| panic!("no harm"));
        let sets = l.expect.iter().map(|e| e.params.clone()).collect();
        let data = ExamData {
            lesson: l,
            harm,
            sets,
            fix: l.good_go.to_string(),
        };
        (data, l)
    }

    fn sliced(data: ExamData, src: &str, fix_runs: Vec<Option<RunReport>>) -> (Grade, Grading) {
        let mut g = Grading::new(data, src.to_string(), fix_runs);
        loop {
            if let Some(done) = g.work(5_000) {
                return (done.clone(), g);
            }
        }
    }

    /// In slices, the grade is exactly `golite check`'s: the anti-pattern fails at its first
    /// case with the same checks, and the fix passes every case; the fix's runs, kept from the
    /// first check, give the same grade again.
    #[test]
    fn a_sliced_grade_is_golite_checks_grade() {
        let (data, l) = data_of("forgotten-sender");
        let whole = grade(&data.exam(), l.bad_go);
        let (g, _) = sliced(data.clone(), l.bad_go, Vec::new());
        assert!(!g.passed);
        assert_eq!(g, whole);
        let (g, kept) = sliced(data.clone(), l.good_go, Vec::new());
        assert_eq!(g, grade(&data.exam(), l.good_go));
        assert!(g.passed);
        assert_eq!(g.cases.len(), g.total);
        let fix_runs = kept.into_fix_runs();
        assert!(fix_runs.iter().all(Option::is_some));
        let (again, _) = sliced(data, l.bad_go, fix_runs);
        assert_eq!(again, whole);
    }
}
