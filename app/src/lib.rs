//! The playground's browser UI: a Leptos client-side-rendered app compiled to wasm.
//!
//! `index.html` loads the wasm-bindgen package and [`start`] mounts [`App`] into `#app`. The UI
//! only reads what the `lessons` crate produces (catalog, timelines, snapshots); it never reaches
//! into the engine.
//!
//! The folders, each importing only those below it: [`shell`] (the page frame and the pages) over
//! [`embed`] over [`lesson`] over [`panes`] over [`playback`] (no Leptos); [`nav`] (URL state and
//! links) under `lesson`. At the root, what any of them may use: [`browser`] and [`catalog`];
//! and [`worker`], the engine's Web Worker, which the lesson page sends its runs to.

pub mod browser;
pub mod catalog;
pub mod embed;
pub mod i18n;
pub mod lesson;
#[cfg(test)]
mod markdown;
pub mod nav;
pub mod panes;
pub mod playback;
pub mod sched_catalog;
pub mod shell;
pub mod worker;

use leptos::prelude::*;
use leptos::web_sys;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::wasm_bindgen;

use shell::app::App;

/// Entry point, run by wasm-bindgen as soon as the module is instantiated: mounts [`App`] into
/// `#app` (or the body, if a host page lacks it) and removes the page's loading placeholder.
#[wasm_bindgen(start)]
pub fn start() {
    // In the engine's worker (src/worker.rs) there is no page to mount.
    if web_sys::window().is_none() {
        return;
    }
    // The panic reaches the console (with its message and location) and the page says so with a
    // way out: a wasm panic stops the app, and a page that silently stops responding is worse.
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash();
    }));
    let doc = document();
    match doc
        .get_element_by_id("app")
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(root) => leptos::mount::mount_to(root, App).forget(),
        None => leptos::mount::mount_to_body(App),
    }
    if let Some(loading) = doc.get_element_by_id("loading") {
        loading.remove();
    }
}

/// Shows that the app stopped, with a Reload button, without relying on the (stopped) app.
fn show_crash() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id("crash").is_some() {
        return;
    }
    if let (Ok(el), Some(body)) = (doc.create_element("div"), doc.body()) {
        el.set_id("crash");
        el.set_class_name("crash");
        let _ = el.set_attribute("role", "alert");
        el.set_inner_html(
            "Something went wrong inside the playground, and it stopped. The details are in the \
             browser console. <button onclick=\"location.reload()\">Reload</button>",
        );
        let _ = body.append_child(&el);
    }
}
