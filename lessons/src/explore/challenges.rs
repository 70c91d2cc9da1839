//! "You are the scheduler" challenges (issue 21): small Go programs in `lessons/scheduler/`,
//! described by `lessons/scheduler/challenges.toml`, each with a goal the learner reaches by
//! choosing who runs at every decision point (`runtime/schedule.rs`). The goal is checked on
//! the run's report ([`Goal::met`]), so the page and the tests cannot disagree.
//!
//! [`load`] parses the TOML (natively: tests and `app/build.rs`, which ships the challenges to
//! the wasm as Rust, so the page carries no TOML parser).

use serde::Deserialize;

use crate::runtime::{Outcome, RunReport};

/// What the learner must make the program do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Goal {
    /// `all goroutines are asleep - deadlock!`
    Deadlock,
    /// A goroutine still blocked when main returned.
    Leak,
    /// The race detector reports a data race.
    Race,
    /// The program panics with a message containing this text.
    Panic(String),
    /// The program prints this text.
    Output(String),
}

impl Goal {
    /// Parses `deadlock`, `leak`, `race`, `panic:TEXT` or `output:TEXT`.
    pub fn parse(s: &str) -> Result<Goal, String> {
        match s {
            "deadlock" => Ok(Goal::Deadlock),
            "leak" => Ok(Goal::Leak),
            "race" => Ok(Goal::Race),
            _ => match s.split_once(':') {
                Some(("panic", t)) if !t.is_empty() => Ok(Goal::Panic(t.to_string())),
                Some(("output", t)) if !t.is_empty() => Ok(Goal::Output(t.to_string())),
                _ => Err(format!(
                    "unknown goal {s:?} (deadlock, leak, race, panic:TEXT or output:TEXT)"
                )),
            },
        }
    }

    /// The text form [`Goal::parse`] reads.
    pub fn text(&self) -> String {
        match self {
            Goal::Deadlock => "deadlock".into(),
            Goal::Leak => "leak".into(),
            Goal::Race => "race".into(),
            Goal::Panic(t) => format!("panic:{t}"),
            Goal::Output(t) => format!("output:{t}"),
        }
    }

    /// True when the (finished) run `r` reached the goal.
    pub fn met(&self, r: &RunReport) -> bool {
        match self {
            Goal::Deadlock => r.outcome == Outcome::Deadlock,
            Goal::Leak => r.outcome == Outcome::Exit && !r.leaked.is_empty(),
            Goal::Race => !r.races.is_empty(),
            Goal::Panic(t) => r.outcome == Outcome::Panic && r.panic.contains(t.as_str()),
            Goal::Output(t) => r.stdout.contains(t.as_str()),
        }
    }
}

/// One challenge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Challenge {
    pub slug: String,
    /// The catalog lesson the challenge comes from, if any (its number).
    pub lesson: Option<u32>,
    pub title: String,
    pub title_zh: String,
    pub goal: Goal,
    /// What to do, English and Chinese (Markdown-free: backquotes only).
    pub task: String,
    pub task_zh: String,
    pub hint: String,
    pub hint_zh: String,
    /// The Go program.
    pub source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    challenge: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    slug: String,
    file: String,
    lesson: Option<u32>,
    title: String,
    title_zh: String,
    goal: String,
    task: String,
    task_zh: String,
    hint: String,
    hint_zh: String,
}

/// The challenge programs, by file name.
const PROGRAMS: &[(&str, &str)] = &[
    (
        "lost-update.go",
        include_str!("../../scheduler/lost-update.go"),
    ),
    (
        "dining-philosophers.go",
        include_str!("../../scheduler/dining-philosophers.go"),
    ),
    (
        "double-spend.go",
        include_str!("../../scheduler/double-spend.go"),
    ),
    (
        "send-on-closed.go",
        include_str!("../../scheduler/send-on-closed.go"),
    ),
    (
        "double-init.go",
        include_str!("../../scheduler/double-init.go"),
    ),
    (
        "leaked-worker.go",
        include_str!("../../scheduler/leaked-worker.go"),
    ),
];

/// Every challenge, in the file's order; `Err` names what is wrong in the TOML.
pub fn load() -> Result<Vec<Challenge>, String> {
    let text = include_str!("../../scheduler/challenges.toml");
    let file: File = toml::from_str(text).map_err(|e| format!("challenges.toml: {e}"))?;
    file.challenge
        .into_iter()
        .map(|e| {
            let source = PROGRAMS
                .iter()
                .find(|(name, _)| *name == e.file)
                .map(|(_, src)| src.to_string())
                .ok_or_else(|| format!("challenge {}: no program {}", e.slug, e.file))?;
            Ok(Challenge {
                goal: Goal::parse(&e.goal).map_err(|m| format!("challenge {}: {m}", e.slug))?,
                slug: e.slug,
                lesson: e.lesson,
                title: e.title,
                title_zh: e.title_zh,
                task: e.task,
                task_zh: e.task_zh,
                hint: e.hint,
                hint_zh: e.hint_zh,
                source,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_parse_and_print_back() {
        for s in [
            "deadlock",
            "leak",
            "race",
            "panic:send on closed",
            "output:x y",
        ] {
            assert_eq!(Goal::parse(s).map(|g| g.text()), Ok(s.to_string()));
        }
        assert!(Goal::parse("output:").is_err());
        assert!(Goal::parse("spin").is_err());
    }

    #[test]
    fn there_are_six_challenges_with_both_languages() {
        let all = load().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(all.len(), 6);
        for c in &all {
            assert!(!c.title_zh.is_empty() && !c.task_zh.is_empty() && !c.hint_zh.is_empty());
            assert!(c.source.contains("package main"), "{}", c.slug);
        }
    }
}
