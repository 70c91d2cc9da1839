//! The playground's browser UI: a Leptos client-side-rendered app compiled to wasm.
//!
//! `index.html` loads the wasm-bindgen package and [`start`] mounts [`App`] into `#app`. The UI
//! only reads what the `lessons` crate produces (catalog, timelines, snapshots); it never reaches
//! into the engine.

pub mod channel_gauges;
pub mod charts;
pub mod embed;
pub mod engine;
pub mod goroutine_map;
pub mod host_api;
pub mod lesson_list;
pub mod lockstep;
pub mod query;
pub mod route;
pub mod series;
pub mod share_dialog;
pub mod verdict;

use leptos::prelude::*;
use leptos::web_sys;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::wasm_bindgen;

use lesson_list::LessonList;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <div class="shell">
            <header>
                <h1>"Go anti-pattern playground"</h1>
                <p>"Watch a Go concurrency anti-pattern and its fix run side by side."</p>
            </header>
            <main>
                <LessonList lessons=lessons::catalog::all() errors=lessons::catalog::load_errors() />
            </main>
        </div>
    }
}

/// Entry point, run by wasm-bindgen as soon as the module is instantiated: mounts [`App`] into
/// `#app` (or the body, if a host page lacks it) and removes the page's loading placeholder.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
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
