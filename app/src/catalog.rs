//! The lessons as the app ships them. `app/build.rs` loads `lessons/catalog/` with the lessons
//! crate and renders the Markdown, so the wasm holds plain values and needs no TOML parser and
//! no Markdown renderer. Only what the home page and the URL checks need is compiled in: each
//! lesson's programs and explanation are a file of their own (`lessons/SLUG.HASH.json` next to
//! the page), fetched when the lesson opens ([`crate::lesson::text`]), so the first load does not
//! grow with the catalog. A lesson that does not load fails the build.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use lessons::catalog::{Harm, HarmMeasure, Lesson, Param, RealGo};
use lessons::golite::GoVersion;
use lessons::runtime::Link;

/// What the build produced for one lesson beside its metadata.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shipped {
    /// The one-line claim as inline HTML (no paragraph around it); raw HTML in the Markdown
    /// source was escaped: lesson text is data, not markup.
    pub claim_html: &'static str,
    /// The Chinese claim (`claim_zh`) the same way, where written.
    pub claim_zh_html: Option<&'static str>,
    /// The file with the lesson's programs and explanations, under `lessons/`.
    pub text_file: &'static str,
}

/// Each lesson's [`Shipped`], in catalog order (the order of [`all`]).
static SHIPPED: &[Shipped] = include!(concat!(env!("OUT_DIR"), "/shipped_html.rs"));

/// Every lesson's metadata, by number. The programs (`bad_go`, `good_go`) and explanations are
/// empty until [`crate::lesson::text`] fetches them; the test-only fields (`expect`, `real_go`)
/// are defaults: the app never checks expectations.
pub fn all() -> &'static [Lesson] {
    static CELL: OnceLock<Vec<Lesson>> = OnceLock::new();
    CELL.get_or_init(|| include!(concat!(env!("OUT_DIR"), "/shipped_lessons.rs")))
}

/// The lesson with this slug.
pub fn get(slug: &str) -> Option<&'static Lesson> {
    all().iter().find(|l| l.slug == slug)
}

/// What was shipped for `lesson` beside its metadata.
pub fn shipped(lesson: &Lesson) -> Shipped {
    all()
        .iter()
        .position(|l| l.slug == lesson.slug)
        .and_then(|i| SHIPPED.get(i))
        .copied()
        .unwrap_or(Shipped {
            claim_html: "",
            claim_zh_html: None,
            text_file: "",
        })
}

/// A `[harm]` table as build.rs ships it: measures, output pattern, hint, hint in Chinese.
type ShippedHarm = (
    &'static [HarmMeasure],
    Option<&'static str>,
    &'static str,
    &'static str,
);

/// Each lesson's `[harm]` table, in catalog order.
static HARMS: &[Option<ShippedHarm>] = include!(concat!(env!("OUT_DIR"), "/shipped_harm.rs"));

/// Each lesson's `[[listener]]` links, in catalog order.
static LINKS: &[&[Link]] = include!(concat!(env!("OUT_DIR"), "/shipped_links.rs"));

/// The links of the listeners `lesson`'s programs make (`[[listener]]`,
/// `lessons::catalog::links_of`): the page runs and grades with them, as the CLI does.
pub fn links(lesson: &Lesson) -> &'static [Link] {
    all()
        .iter()
        .position(|l| l.slug == lesson.slug)
        .and_then(|i| LINKS.get(i).copied())
        .unwrap_or(&[])
}

/// The `[harm]` table of `lesson`: what its anti-pattern costs, for
/// [`lessons::catalog::judge`]. Shipped as data by `app/build.rs` (`harm_of` parses TOML).
pub fn harm(lesson: &Lesson) -> Option<Harm> {
    let i = all().iter().position(|l| l.slug == lesson.slug)?;
    let (measures, output, hint, hint_zh) = (*HARMS.get(i)?)?;
    Some(Harm {
        measures: measures.to_vec(),
        output: output.map(str::to_string),
        hint: hint.to_string(),
        hint_zh: hint_zh.to_string(),
    })
}

/// A lesson's fix-it data as build.rs ships it: the `[[expect]]` parameter sets, and the hint
/// in English and Chinese.
type ShippedChallenge = (
    &'static [&'static [(&'static str, i64)]],
    &'static str,
    &'static str,
);

/// Each lesson's fix-it data, in catalog order.
static CHALLENGES: &[ShippedChallenge] =
    include!(concat!(env!("OUT_DIR"), "/shipped_challenge.rs"));

/// A lesson's fix-it data for the page: parameter sets, hint, hint in Chinese.
pub type Challenge = (Vec<BTreeMap<String, i64>>, &'static str, &'static str);

/// The parameter sets the fix-it mode grades `lesson` at (its `[[expect]]` table's, in order)
/// and its hint in English and Chinese (`lessons::catalog::challenge`).
pub fn challenge(lesson: &Lesson) -> Option<Challenge> {
    let i = all().iter().position(|l| l.slug == lesson.slug)?;
    let (sets, hint, hint_zh) = *CHALLENGES.get(i)?;
    let sets = sets
        .iter()
        .map(|s| s.iter().map(|(k, v)| (k.to_string(), *v)).collect())
        .collect();
    Some((sets, hint, hint_zh))
}

/// The URL of `lesson`'s text file, relative to the page (so the site works from any sub-path).
pub fn text_url(lesson: &Lesson) -> String {
    format!("lessons/{}", shipped(lesson).text_file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown;

    /// The text files as build.rs wrote them, in catalog order.
    static TEXTS: &[&str] = include!(concat!(env!("OUT_DIR"), "/shipped_texts.rs"));

    #[test]
    fn ships_every_lesson_of_the_catalog_as_loaded_from_source() {
        let source = lessons::catalog::all();
        assert_eq!(all().len(), source.len());
        assert!(all().len() >= 24, "{}", all().len());
        for (shipped, src) in all().iter().zip(source) {
            let expected = Lesson {
                bad_go: "",
                good_go: "",
                explain_en: "",
                explain_zh: None,
                expect: Vec::new(),
                real_go: RealGo::default(),
                ..src.clone()
            };
            assert_eq!(shipped, &expected, "{}", src.slug);
        }
    }

    #[test]
    fn ships_each_lessons_programs_and_rendered_explanations_in_its_own_file() {
        assert_eq!(TEXTS.len(), lessons::catalog::all().len());
        for (src, text) in lessons::catalog::all().iter().zip(TEXTS) {
            let v: serde_json::Value =
                serde_json::from_str(text).unwrap_or_else(|e| panic!("{}: {e}", src.slug));
            assert_eq!(v["bad_go"], src.bad_go, "{}", src.slug);
            assert_eq!(v["good_go"], src.good_go, "{}", src.slug);
            assert_eq!(
                v["explain_en"],
                markdown::to_html(src.explain_en),
                "{}",
                src.slug
            );
            match src.explain_zh {
                Some(zh) => assert_eq!(v["explain_zh"], markdown::to_html(zh), "{}", src.slug),
                None => assert!(v["explain_zh"].is_null(), "{}", src.slug),
            }
            let file = shipped(src).text_file;
            assert!(
                file.starts_with(&format!("{}.", src.slug)) && file.ends_with(".json"),
                "{file}"
            );
            assert_eq!(file.len(), src.slug.len() + 1 + 16 + 5, "{file}");
        }
        let sender = &TEXTS[0];
        assert!(
            sender.contains(
                r#""explain_en":"<h2>Why it goes wrong</h2>\n<p><code>fetchProfile</code> starts"#
            ),
            "{sender}"
        );
    }

    #[test]
    fn ships_each_lessons_challenge_sets_and_hint_as_in_source() {
        for src in lessons::catalog::all() {
            let (sets, hint, hint_zh) = challenge(src).unwrap_or_else(|| panic!("{}", src.slug));
            let want: Vec<_> = src.expect.iter().map(|e| e.params.clone()).collect();
            assert_eq!(sets, want, "{}", src.slug);
            let h = lessons::catalog::challenge::hint_of(&src.slug);
            assert_eq!(
                Some((hint, hint_zh)),
                h.map(|h| (h.hint.as_str(), h.hint_zh.as_str()))
            );
        }
    }

    #[test]
    fn ships_the_claims_rendered_inline() {
        for src in lessons::catalog::all() {
            assert_eq!(
                shipped(src).claim_html,
                markdown::inline_html(&src.claim),
                "{}",
                src.slug
            );
            assert_eq!(
                shipped(src).claim_zh_html.map(str::to_string),
                src.claim_zh.as_deref().map(markdown::inline_html),
                "{}",
                src.slug
            );
        }
    }

    #[test]
    fn ships_every_lessons_harm_as_the_catalog_reads_it() {
        for src in lessons::catalog::all() {
            assert_eq!(
                harm(src).as_ref(),
                lessons::catalog::harm_of(&src.slug),
                "{}",
                src.slug
            );
            assert!(harm(src).is_some(), "{}", src.slug);
        }
    }

    #[test]
    fn finds_lessons_by_slug() {
        assert_eq!(get("forgotten-sender").map(|l| l.number), Some(1));
        assert_eq!(get("no-such-lesson"), None);
        let sender = get("forgotten-sender").map(text_url).unwrap_or_default();
        assert!(sender.starts_with("lessons/forgotten-sender."), "{sender}");
    }
}
