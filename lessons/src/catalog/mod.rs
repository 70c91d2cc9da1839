//! The lesson catalog, compiled in: every folder under `lessons/catalog/NN-slug/` (embedded by
//! `build.rs`, so adding a lesson needs no Rust edit), its parameters and expected verdicts.

pub mod challenge;
pub mod harm;
pub mod lesson;
pub mod links;
pub mod verdict;
pub mod zh;

use std::sync::OnceLock;

pub use crate::golite::syntax::params::{Param, ParamError, apply_params, parse_params};
pub use harm::{Harm, HarmMeasure, LessonVerdict, SideVerdict, Tone, judge};
pub use lesson::{Lesson, REAL_GO_FIELDS, RawLesson, RealGo};
pub use links::links_of;
pub use verdict::{
    Bound, Expectation, LeakGroup, Observed, ObservedMeasures, ObservedWaits, Outcome, Verdict,
};

/// The embedded folders, in folder-name order.
pub static RAW: &[RawLesson] = include!(concat!(env!("OUT_DIR"), "/catalog_files.rs"));

struct Loaded {
    lessons: Vec<Lesson>,
    errors: Vec<String>,
}

fn loaded() -> &'static Loaded {
    static CELL: OnceLock<Loaded> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut lessons = Vec::new();
        let mut errors = Vec::new();
        for raw in RAW {
            match lesson::load(raw) {
                Ok(l) => lessons.push(l),
                Err(e) => errors.extend(e),
            }
        }
        lessons.sort_by_key(|l| l.number);
        for w in lessons.windows(2) {
            if w[0].slug == w[1].slug || w[0].number == w[1].number {
                errors.push(format!(
                    "{} and {} share a slug or number",
                    w[0].slug, w[1].slug
                ));
            }
        }
        Loaded { lessons, errors }
    })
}

/// Every lesson that loaded, by number. A broken folder is left out (and listed by
/// [`load_errors`]) rather than taking the app down; the catalog test keeps that list empty.
pub fn all() -> &'static [Lesson] {
    &loaded().lessons
}

/// The lesson with this slug.
pub fn get(slug: &str) -> Option<&'static Lesson> {
    all().iter().find(|l| l.slug == slug)
}

/// Why folders failed to load, one message per problem.
pub fn load_errors() -> &'static [String] {
    &loaded().errors
}

/// The `[harm]` table of the lesson with this slug: the measures that name what its
/// anti-pattern costs (see [`harm::judge`]).
pub fn harm_of(slug: &str) -> Option<&'static Harm> {
    #[derive(serde::Deserialize)]
    struct Only {
        slug: String,
        harm: Option<Harm>,
    }
    static CELL: OnceLock<Vec<(String, Harm)>> = OnceLock::new();
    CELL.get_or_init(|| {
        RAW.iter()
            .filter_map(|r| toml::from_str::<Only>(r.toml?).ok())
            .filter_map(|o| Some((o.slug, o.harm?)))
            .collect()
    })
    .iter()
    .find(|(s, _)| s == slug)
    .map(|(_, h)| h)
}
