//! The few browser services the app uses (address bar, history, storage, clock), each wrapped so
//! a missing one (a sandboxed frame without storage, say) degrades quietly instead of panicking.

use leptos::web_sys;

/// The page's query string without the leading `?`.
pub fn query() -> String {
    let search = window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    search.trim_start_matches('?').to_string()
}

/// Loads the page again, from the server.
pub fn reload() {
    if let Some(w) = window() {
        let _ = w.location().reload();
    }
}

/// The page's fragment without the leading `#` (where edited programs travel).
pub fn fragment() -> String {
    let hash = window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    hash.trim_start_matches('#').to_string()
}

/// Makes `query` the current URL as a new history entry (back returns to the previous one).
pub fn push_query(query: &str) {
    set_url(query, "", false);
}

/// Makes `query` the current URL in place (no new history entry).
pub fn replace_query(query: &str) {
    set_url(query, "", true);
}

/// Makes `?query#fragment` the current URL, as a new history entry or in place.
pub fn set_url(query: &str, fragment: &str, replace: bool) {
    let mut url = query.to_string();
    if !fragment.is_empty() {
        url.push('#');
        url.push_str(fragment);
    }
    set_query(&url, query.is_empty(), replace);
}

/// Scrolls the page so a lesson's two programs start just under the sticky control bar, when
/// they start lower and do not fit below it: pressing play then shows what plays (code, map,
/// gauges, charts) together instead of below the fold.
pub fn bring_sides_into_view() {
    let Some(w) = window() else { return };
    let Some(doc) = w.document() else { return };
    let (Ok(Some(sides)), Ok(Some(bar))) = (
        doc.query_selector(".lesson-page:not(.embedded) .sides"),
        doc.query_selector(".lesson-page:not(.embedded) .toolbar"),
    ) else {
        return;
    };
    let s = sides.get_bounding_client_rect();
    let bar_height = bar.get_bounding_client_rect().height();
    let view = w
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0);
    let want = bar_height + 8.0;
    if s.top() <= want + 1.0 || s.bottom() <= view {
        return;
    }
    w.scroll_by_with_x_and_y(0.0, s.top() - want);
}

fn set_query(query: &str, home: bool, replace: bool) {
    let Some(history) = window().and_then(|w| w.history().ok()) else {
        return;
    };
    // Relative to the current document, so the app works from any sub-path; the home page keeps
    // the path as it is ("./" would drop an `index.html` the page was opened by).
    let url = if home {
        let path = window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_else(|| "./".to_string());
        format!("{path}{query}")
    } else {
        format!("?{query}")
    };
    let state = wasm_bindgen::JsValue::NULL;
    let _ = if replace {
        history.replace_state_with_url(&state, "", Some(&url))
    } else {
        history.push_state_with_url(&state, "", Some(&url))
    };
}

/// Milliseconds on the page's monotonic clock.
pub fn now_ms() -> f64 {
    window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// A value from localStorage, if storage is available.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores a value in localStorage when storage is available (private modes may refuse).
pub fn store(key: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
}

/// True when the user asked the system for less motion.
pub fn prefers_reduced_motion() -> bool {
    window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .map(|m| m.matches())
        .unwrap_or(false)
}

/// Scrolls the page to the top (after navigating to another page).
pub fn scroll_to_top() {
    if let Some(w) = window() {
        w.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

fn storage() -> Option<web_sys::Storage> {
    window()?.local_storage().ok().flatten()
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}
