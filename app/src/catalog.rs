//! The lessons as the app ships them. `app/build.rs` loads `lessons/catalog/` with the lessons
//! crate and renders each claim and explanation to HTML, so the wasm builds the lessons from
//! plain values: it needs no TOML parser and no Markdown renderer. A lesson that does not load
//! fails the build, so there is no "broken lesson" state to show.

use std::sync::OnceLock;

use lessons::catalog::{Lesson, Param, RealGo};

/// A lesson's text as HTML, rendered at build time. Raw HTML in the Markdown source was escaped
/// (lesson text is data, not markup).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonHtml {
    /// The one-line claim, inline (no paragraph around it).
    pub claim: &'static str,
    /// The English explanation.
    pub explain_en: &'static str,
    /// The Chinese explanation, where written.
    pub explain_zh: Option<&'static str>,
}

/// Each lesson's HTML, in catalog order (the order of [`all`]).
static HTML: &[LessonHtml] = include!(concat!(env!("OUT_DIR"), "/shipped_html.rs"));

/// Every lesson, by number. The Markdown fields (`explain_en`, `explain_zh`) are empty and the
/// test-only fields (`expect`, `real_go`) are defaults: the app reads [`html`] and never checks
/// expectations.
pub fn all() -> &'static [Lesson] {
    static CELL: OnceLock<Vec<Lesson>> = OnceLock::new();
    CELL.get_or_init(|| include!(concat!(env!("OUT_DIR"), "/shipped_lessons.rs")))
}

/// The lesson with this slug.
pub fn get(slug: &str) -> Option<&'static Lesson> {
    all().iter().find(|l| l.slug == slug)
}

/// The claim and explanation of `lesson` as HTML.
pub fn html(lesson: &Lesson) -> LessonHtml {
    all()
        .iter()
        .position(|l| l.slug == lesson.slug)
        .and_then(|i| HTML.get(i))
        .copied()
        .unwrap_or(LessonHtml {
            claim: "",
            explain_en: "",
            explain_zh: None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown;

    #[test]
    fn ships_every_lesson_of_the_catalog_as_loaded_from_source() {
        let source = lessons::catalog::all();
        assert_eq!(all().len(), source.len());
        assert_eq!(all().len(), 24);
        for (shipped, src) in all().iter().zip(source) {
            let expected = Lesson {
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
    fn ships_the_text_rendered_from_the_markdown_source() {
        for src in lessons::catalog::all() {
            let h = html(src);
            assert_eq!(h.claim, markdown::inline_html(&src.claim), "{}", src.slug);
            assert_eq!(
                h.explain_en,
                markdown::to_html(src.explain_en),
                "{}",
                src.slug
            );
            assert_eq!(
                h.explain_zh.map(str::to_string),
                src.explain_zh.map(markdown::to_html),
                "{}",
                src.slug
            );
        }
        let sender = get("forgotten-sender").map(html);
        assert!(
            sender.is_some_and(|h| h
                .explain_en
                .starts_with("<h2>Why it goes wrong</h2>\n<p><code>fetchProfile</code> starts")),
            "{sender:?}"
        );
    }

    #[test]
    fn finds_lessons_by_slug() {
        assert_eq!(get("forgotten-sender").map(|l| l.number), Some(1));
        assert_eq!(get("no-such-lesson"), None);
    }
}
