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

    fn text(tag: &str) -> LessonText {
        LessonText {
            bad_go: format!("package main // bad {tag}"),
            good_go: format!("package main // good {tag}"),
            explain_en: format!("<p>{tag}</p>"),
            explain_zh: None,
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
