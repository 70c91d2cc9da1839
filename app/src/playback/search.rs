//! "Find a failing schedule" (issue 21) as a job that runs a slice at a time, in the engine's
//! worker (`app/src/worker.rs`) or, where none starts, in the page: `lessons::explore` over the
//! bad program, and what the page shows of the result, small enough to cross the wire as JSON.

use lessons::explore::{Explored, Explorer};
use lessons::golite::{self, RunOptions};
use serde::{Deserialize, Serialize};

/// Schedules tried at most per search.
pub const BUDGET: usize = 300;

/// What to search: the bad program as the player runs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchRequest {
    pub src: String,
    /// The program's parameter values (`engine::params_for`).
    pub params: Vec<(String, String)>,
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

/// How a search ended.
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

/// A search in progress.
pub struct Search {
    explorer: Option<Explorer>,
    done: Option<Searched>,
}

impl Search {
    pub fn new(req: &SearchRequest) -> Self {
        match golite::compile("bad.go", &req.src, &req.params) {
            Err(e) => Search {
                explorer: None,
                done: Some(Searched::Error(format!("bad.go:{}: {}", e.line, e.msg))),
            },
            Ok(program) => {
                let base = RunOptions {
                    seed: req.seed,
                    params: req.params.clone(),
                    preempt_every: req.preempt_every,
                    race: true,
                    ..RunOptions::default()
                };
                Search {
                    explorer: Some(Explorer::new(program, base, BUDGET)),
                    done: None,
                }
            }
        }
    }

    /// Runs up to `steps` interpreter steps; how the search ended, once it has.
    pub fn work(&mut self, steps: u64) -> Option<&Searched> {
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
        self.done.as_ref()
    }

    /// Schedules tried so far.
    pub fn tried(&self) -> usize {
        self.explorer.as_ref().map_or(0, Explorer::tried)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The search finds what `lessons::explore` finds: a lost update in the racy counter is a
    /// data race, found by the first run that has the race detector on.
    #[test]
    fn the_search_finds_the_racy_counters_race_and_says_so_in_both_languages() {
        let l = lessons::catalog::all()
            .iter()
            .find(|l| l.slug == "racy-counter")
            .unwrap_or_else(|| panic!("no racy-counter"));
        let req = SearchRequest {
            src: l.bad_go.to_string(),
            params: Vec::new(),
            seed: l.seed,
            preempt_every: l.preempt_every,
        };
        let mut s = Search::new(&req);
        let done = loop {
            if let Some(d) = s.work(20_000) {
                break d.clone();
            }
        };
        let Searched::Found(f) = done else {
            panic!("no failure found: {done:?}")
        };
        assert!(f.en.starts_with("data race at line "), "{}", f.en);
        assert!(f.zh.contains("数据竞争"), "{}", f.zh);
        assert_eq!(f.tried, s.tried());
    }

    #[test]
    fn a_program_that_does_not_compile_is_an_error_at_once() {
        let req = SearchRequest {
            src: "package main\n\nfunc main() { x }\n".into(),
            params: Vec::new(),
            seed: 1,
            preempt_every: None,
        };
        let mut s = Search::new(&req);
        let Some(Searched::Error(e)) = s.work(1) else {
            panic!("not an error")
        };
        assert!(e.starts_with("bad.go:3: "), "{e}");
    }
}
