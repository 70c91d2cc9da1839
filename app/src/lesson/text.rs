//! A lesson's programs and explanations, fetched when the lesson opens. The wasm holds only the
//! catalog's metadata ([`crate::catalog`]); each lesson's text is a JSON file of its own written
//! at build time, so the first load stays the same size however many lessons there are.
//!
//! A fetched lesson is kept for the life of the page (the catalog is small and fixed, so this is
//! bounded): going back to a lesson runs it at once, with no second fetch.

use std::cell::RefCell;

use leptos::wasm_bindgen::{JsCast, JsValue};
use leptos::web_sys::{self, js_sys};
use lessons::catalog::Lesson;
use wasm_bindgen_futures::JsFuture;

use crate::catalog;
use crate::playback::verdict_shown::BothShown;

/// The text of one lesson, as its file holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LessonText {
    /// The anti-pattern's source.
    pub bad_go: String,
    /// The fix's source.
    pub good_go: String,
    /// The explanation as HTML.
    pub explain_en: String,
    /// The Chinese explanation as HTML, where written.
    pub explain_zh: Option<String>,
    /// Both verdicts of the lesson at its defaults, made at build time (`app/build.rs`).
    pub verdicts: Option<BothShown>,
}

/// A lesson ready to run and to read: its metadata with its programs, and its explanations.
#[derive(Debug, Clone, Copy)]
pub struct LoadedLesson {
    /// The whole lesson, programs included.
    pub lesson: &'static Lesson,
    /// The explanation as HTML.
    pub explain_en: &'static str,
    /// The Chinese explanation as HTML, where written.
    pub explain_zh: Option<&'static str>,
    /// Both verdicts of the lesson at its defaults, made at build time with the same engine: the
    /// page shows them until its own first run of that state has finished.
    pub verdicts: Option<&'static BothShown>,
}

thread_local! {
    static LOADED: RefCell<Vec<LoadedLesson>> = const { RefCell::new(Vec::new()) };
}

/// The lesson with this slug, if its text has been fetched.
pub fn loaded(slug: &str) -> Option<LoadedLesson> {
    LOADED.with(|l| l.borrow().iter().find(|x| x.lesson.slug == slug).copied())
}

/// Joins `meta` and its fetched `text` into a lesson that lives as long as the page. Once per
/// lesson: a second call returns the first result.
pub fn complete(meta: &Lesson, text: LessonText) -> LoadedLesson {
    if let Some(l) = loaded(&meta.slug) {
        return l;
    }
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let lesson: &'static Lesson = Box::leak(Box::new(Lesson {
        bad_go: leak(text.bad_go),
        good_go: leak(text.good_go),
        ..meta.clone()
    }));
    let done = LoadedLesson {
        lesson,
        explain_en: leak(text.explain_en),
        explain_zh: text.explain_zh.map(leak),
        verdicts: text.verdicts.map(|v| &*Box::leak(Box::new(v))),
    };
    LOADED.with(|l| l.borrow_mut().push(done));
    done
}

/// Fetches `meta`'s text file (or returns the lesson fetched before). The error is a sentence
/// for the page: what failed and why.
pub async fn fetch(meta: &'static Lesson) -> Result<LoadedLesson, String> {
    if let Some(l) = loaded(&meta.slug) {
        return Ok(l);
    }
    let url = catalog::text_url(meta);
    let window = web_sys::window().ok_or("there is no window to fetch from")?;
    let response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|e| format!("fetching {url} failed ({}); are you offline?", describe(&e)))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("fetching {url} gave no response"))?;
    if !response.ok() {
        return Err(format!(
            "{url} answered HTTP {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let json = match response.json() {
        Ok(p) => JsFuture::from(p).await.ok(),
        Err(_) => None,
    }
    .ok_or_else(|| format!("{url} is not valid JSON"))?;
    let field = |name: &str| {
        js_sys::Reflect::get(&json, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
    };
    let need = |name: &str| field(name).ok_or_else(|| format!("{url} has no {name}"));
    let text = LessonText {
        bad_go: need("bad_go")?,
        good_go: need("good_go")?,
        explain_en: need("explain_en")?,
        explain_zh: field("explain_zh"),
        // Shown only until the page's own run finishes: a file without them (or with a shape
        // this page does not know) just means "running…" until then.
        verdicts: js_sys::Reflect::get(&json, &JsValue::from_str("verdicts"))
            .ok()
            .and_then(|v| js_sys::JSON::stringify(&v).ok())
            .and_then(|s| s.as_string())
            .and_then(|s| serde_json::from_str(&s).ok()),
    };
    Ok(complete(meta, text))
}

/// A thrown JS value in words.
fn describe(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nav::route::LessonState;
    use crate::playback::verdict_shown::{BothShown, shown};
    use crate::playback::wire::RunRequest;

    /// The text files as `app/build.rs` wrote them (catalog order), and the lesson pages.
    static TEXTS: &[&str] = include!(concat!(env!("OUT_DIR"), "/shipped_texts.rs"));
    static PAGES: &str = include_str!(concat!(env!("OUT_DIR"), "/prerender.json"));

    /// Both runs of `l` at its defaults, asked for exactly as the page asks the engine when it
    /// opens on the lesson (`LessonController::start_run` with `LessonState::defaults`).
    fn page_run(l: &lessons::catalog::Lesson) -> [crate::playback::engine::SideRun; 2] {
        let state = LessonState::defaults(l);
        let req = RunRequest {
            id: 0,
            bad_go: l.bad_go.to_string(),
            good_go: l.good_go.to_string(),
            params: state.overrides(l),
            seed: state.seed,
            preempt_every: l.preempt_every,
            race: l.race,
            go: state.go,
            schedule: None,
            links: crate::catalog::links(l).to_vec(),
        };
        let mut job = req.job();
        while !job.work(1_000_000) {}
        job.finish()
            .unwrap_or_else(|| panic!("{}: not finished", l.slug))
    }

    /// Every lesson's verdicts made at build time (its text file, which the app shows until its
    /// own run ends, and its static page) are those of a fresh run made as the page makes it,
    /// judged with the harm the page ships, word for word in both languages.
    #[test]
    fn every_prerendered_verdict_is_the_pages_own_run() {
        let pages: serde_json::Value =
            serde_json::from_str(PAGES).unwrap_or_else(|e| panic!("prerender.json: {e}"));
        let all = lessons::catalog::all();
        assert_eq!(TEXTS.len(), all.len());
        for (i, (l, text)) in all.iter().zip(TEXTS).enumerate() {
            let v: serde_json::Value =
                serde_json::from_str(text).unwrap_or_else(|e| panic!("{}: {e}", l.slug));
            let built: BothShown = serde_json::from_value(v["verdicts"].clone())
                .unwrap_or_else(|e| panic!("{}: verdicts: {e}", l.slug));
            let shipped = crate::catalog::all()
                .iter()
                .find(|s| s.slug == l.slug)
                .unwrap_or_else(|| panic!("{}: not shipped", l.slug));
            let runs = page_run(l);
            let harm = crate::catalog::harm(shipped);
            let fresh = [true, false].map(|bad| {
                [false, true].map(|zh| {
                    shown(
                        harm.as_ref(),
                        [&runs[0].report, &runs[1].report],
                        bad,
                        false,
                        zh,
                    )
                })
            });
            assert_eq!(built, fresh, "{}", l.slug);
            // The static page carries each side's sentence in both languages.
            let html = pages[i]["html"].as_str().unwrap_or_default();
            assert_eq!(pages[i]["slug"], l.slug.as_str());
            for side in &built {
                for (one, lang) in side.iter().zip(["en", "zh"]) {
                    let text = one
                        .text
                        .replace('&', "&amp;")
                        .replace('<', "&lt;")
                        .replace('>', "&gt;")
                        .replace('"', "&quot;");
                    let p = format!("data-source=\"build\" lang=\"{lang}\">{text}</p>");
                    assert!(html.contains(&p), "{}: {p}", l.slug);
                }
            }
        }
    }

    fn text(tag: &str) -> LessonText {
        LessonText {
            bad_go: format!("package main // bad {tag}"),
            good_go: format!("package main // good {tag}"),
            explain_en: format!("<p>{tag}</p>"),
            explain_zh: None,
            verdicts: None,
        }
    }

    #[test]
    fn a_completed_lesson_has_its_programs_and_is_kept() {
        let meta = catalog::get("range-never-closed").unwrap_or_else(|| panic!("lesson missing"));
        assert_eq!(loaded(&meta.slug).map(|l| l.lesson.number), None);
        let l = complete(meta, text("one"));
        assert_eq!(l.lesson.bad_go, "package main // bad one");
        assert_eq!(l.lesson.good_go, "package main // good one");
        assert_eq!(l.lesson.params, meta.params);
        assert_eq!(l.explain_en, "<p>one</p>");
        assert_eq!(l.explain_zh, None);
        // Once per lesson: the first text stays.
        let again = complete(meta, text("two"));
        assert_eq!(again.lesson.bad_go, "package main // bad one");
        assert!(std::ptr::eq(again.lesson, l.lesson));
        assert_eq!(
            loaded(&meta.slug).map(|l| l.lesson.bad_go),
            Some("package main // bad one")
        );
    }
}
