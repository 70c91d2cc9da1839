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

/// Makes `query` the current URL as a new history entry (back returns to the previous one).
pub fn push_query(query: &str) {
    set_query(query, false);
}

/// Makes `query` the current URL in place (no new history entry).
pub fn replace_query(query: &str) {
    set_query(query, true);
}

fn set_query(query: &str, replace: bool) {
    let Some(history) = window().and_then(|w| w.history().ok()) else {
        return;
    };
    // Relative to the current document, so the app works from any sub-path; the home page keeps
    // the path as it is ("./" would drop an `index.html` the page was opened by).
    let url = if query.is_empty() {
        window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_else(|| "./".to_string())
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
