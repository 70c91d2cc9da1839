//! "Find a failing schedule" (issue 21) as a job that runs a slice at a time, in the engine's
//! worker (`app/src/worker.rs`) or, where none starts, in the page: `lessons::explore` over the
//! bad program, then over the good one (so the learner sees the fix survive every schedule
//! tried), and what the page shows of the result, small enough to cross the wire as JSON.

use lessons::explore::{Explored, Explorer};
use lessons::golite::{self, RunOptions};
use serde::{Deserialize, Serialize};

/// Schedules tried at most per program searched.
pub const BUDGET: usize = 300;

/// One program to search, as the player runs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Program {
    /// `bad.go` or `good.go`: how messages name it.
    pub file: String,
    pub src: String,
    /// The program's parameter values (`engine::params_for`).
    pub params: Vec<(String, String)>,
}

/// What to search: the programs in turn (bad.go, then good.go), each with the player's seed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchRequest {
    pub programs: Vec<Program>,
    pub seed: u64,
    pub preempt_every: Option<u64>,
}

/// A failing run found: enough to load it into the player and to say what failed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoundRun {
    /// Runs tried, this one included.
    pub tried: usize,
    pub seed: u64,
    /// The explicit schedule, `None` for a seeded run in Go's order.
    pub schedule: Option<String>,
    /// What failed, in English and in Chinese (`Failure::describe`, `describe_zh`).
    pub en: String,
    pub zh: String,
}

/// How the search of one program ended.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Searched {
    Found(FoundRun),
    /// Every run of the budget behaved like the first.
    NoFailure {
        tried: usize,
    },
    /// The program does not compile: `bad.go:LINE: message`.
    Error(String),
}

/// The search of one program.
struct One {
    explorer: Option<Explorer>,
    done: Option<Searched>,
}

impl One {
    fn new(p: &Program, seed: u64, preempt_every: Option<u64>) -> Self {
        match golite::compile(&p.file, &p.src, &p.params) {
            Err(e) => One {
                explorer: None,
                done: Some(Searched::Error(format!("{}:{}: {}", p.file, e.line, e.msg))),
            },
            Ok(program) => {
                let base = RunOptions {
                    seed,
                    params: p.params.clone(),
                    preempt_every,
                    race: true,
                    ..RunOptions::default()
                };
                One {
                    explorer: Some(Explorer::new(program, base, BUDGET)),
                    done: None,
                }
            }
        }
    }

    fn work(&mut self, steps: u64) {
        if self.done.is_none()
            && let Some(ex) = self.explorer.as_mut()
        {
            self.done = match ex.step(steps) {
                Explored::Running => None,
                Explored::Exhausted { tried } => Some(Searched::NoFailure { tried }),
                Explored::Found(f) => Some(Searched::Found(FoundRun {
                    tried: f.tried,
                    seed: f.seed,
                    schedule: f.schedule.clone(),
                    en: f.failure.describe(),
                    zh: f.failure.describe_zh(),
                })),
            };
        }
    }

    fn tried(&self) -> usize {
        self.explorer.as_ref().map_or(0, Explorer::tried)
    }
}

/// A search in progress: the programs one after the other.
pub struct Search {
    req: SearchRequest,
    /// The searches begun: the finished ones, then the one under way.
    ones: Vec<One>,
    done: Option<Vec<Searched>>,
}

impl Search {
    pub fn new(req: &SearchRequest) -> Self {
        Search {
            req: req.clone(),
            ones: Vec::new(),
            done: None,
        }
    }

    /// Runs up to `steps` interpreter steps; how the search of each program ended, in the
    /// request's order, once all have.
    pub fn work(&mut self, steps: u64) -> Option<&[Searched]> {
        if self.done.is_none() {
            let next = match self.ones.last() {
                None => Some(0),
                Some(one) if one.done.is_some() => Some(self.ones.len()),
                Some(_) => None,
            };
            match next {
                Some(i) if i == self.req.programs.len() => {
                    self.done = Some(self.ones.iter_mut().filter_map(|o| o.done.take()).collect());
                }
                Some(i) => {
                    let one =
                        One::new(&self.req.programs[i], self.req.seed, self.req.preempt_every);
                    self.ones.push(one);
                }
                None => {
                    if let Some(one) = self.ones.last_mut() {
                        one.work(steps);
                    }
                }
            }
        }
        self.done.as_deref()
    }

    /// Where the search is: `(program, schedules tried of it)`.
    pub fn progress(&self) -> (usize, usize) {
        let i = self.ones.len().saturating_sub(1);
        (i, self.ones.last().map_or(0, One::tried))
    }

    /// The search's progress as one number of [`Search::total`]: `BUDGET` a program before
    /// the current one, plus the schedules tried of it.
    pub fn part(&self) -> usize {
        let (i, tried) = self.progress();
        i * BUDGET + tried
    }

    /// What [`Search::part`] counts up to.
    pub fn total(&self) -> usize {
        self.req.programs.len() * BUDGET
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lesson(slug: &str) -> &'static lessons::catalog::Lesson {
        lessons::catalog::all()
            .iter()
            .find(|l| l.slug == slug)
            .unwrap_or_else(|| panic!("no {slug}"))
    }

    fn request(l: &lessons::catalog::Lesson) -> SearchRequest {
        SearchRequest {
            programs: vec![
                Program {
                    file: "bad.go".into(),
                    src: l.bad_go.to_string(),
                    params: Vec::new(),
                },
                Program {
                    file: "good.go".into(),
                    src: l.good_go.to_string(),
                    params: Vec::new(),
                },
            ],
            seed: l.seed,
            preempt_every: l.preempt_every,
        }
    }

    fn finish(s: &mut Search) -> Vec<Searched> {
        loop {
            if let Some(d) = s.work(20_000) {
                break d.to_vec();
            }
        }
    }

    /// The search finds what `lessons::explore` finds: a lost update in the racy counter is a
    /// data race, found by the first run that has the race detector on; then the next program
    /// (here one that cannot fail) runs every schedule of the budget without a failure.
    #[test]
    fn the_search_finds_the_racy_counters_race_then_searches_the_next_program() {
        let mut req = request(lesson("racy-counter"));
        req.programs[1].src =
            "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(1) }\n".into();
        let mut s = Search::new(&req);
        let done = finish(&mut s);
        let [Searched::Found(f), good] = &done[..] else {
            panic!("not a failure of bad.go, then good.go's result: {done:?}")
        };
        assert!(f.en.starts_with("data race at line "), "{}", f.en);
        assert!(f.zh.contains("数据竞争"), "{}", f.zh);
        assert_eq!(f.tried, 1);
        assert_eq!(good, &Searched::NoFailure { tried: BUDGET });
        assert_eq!(s.part(), s.total());
    }

    #[test]
    fn a_program_that_does_not_compile_is_an_error_at_once() {
        let mut req = request(lesson("forgotten-sender"));
        req.programs[0].src = "package main\n\nfunc main() { x }\n".into();
        req.programs.truncate(1);
        let mut s = Search::new(&req);
        let done = finish(&mut s);
        let [Searched::Error(e)] = &done[..] else {
            panic!("not an error: {done:?}")
        };
        assert!(e.starts_with("bad.go:3: "), "{e}");
    }
}
