//! The "You are the scheduler" challenges (`lessons/scheduler/`), shipped by `app/build.rs` as
//! static data; their goals are parsed and checked by `lessons::explore::challenges`.

use lessons::explore::challenges::Goal;

/// One challenge as shipped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SchedChallenge {
    pub slug: &'static str,
    /// The catalog lesson it comes from (its number), if any.
    pub lesson: Option<u32>,
    pub title: &'static str,
    pub title_zh: &'static str,
    /// The goal's text (`Goal::parse`).
    pub goal: &'static str,
    pub task: &'static str,
    pub task_zh: &'static str,
    pub hint: &'static str,
    pub hint_zh: &'static str,
    pub source: &'static str,
}

impl SchedChallenge {
    /// The goal (checked at build time, so it parses).
    pub fn goal(&self) -> Goal {
        Goal::parse(self.goal).unwrap_or(Goal::Deadlock)
    }
}

static ALL: &[SchedChallenge] = include!(concat!(env!("OUT_DIR"), "/shipped_scheduler.rs"));

/// Every challenge, in the order of `lessons/scheduler/challenges.toml`.
pub fn all() -> &'static [SchedChallenge] {
    ALL
}

/// The challenge called `slug`.
pub fn get(slug: &str) -> Option<&'static SchedChallenge> {
    ALL.iter().find(|c| c.slug == slug)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_shipped_challenges_are_the_files() {
        let files = lessons::explore::challenges::load().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(super::all().len(), files.len());
        for (s, f) in super::all().iter().zip(&files) {
            assert_eq!(
                (s.slug, s.source, s.goal()),
                (f.slug.as_str(), f.source.as_str(), f.goal.clone())
            );
        }
    }
}
