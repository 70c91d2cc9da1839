//! The playground's browser UI.
use leptos::prelude::*;
use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point called by the page's module script once the wasm is loaded.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(|| view! { <p>"Go anti-pattern playground"</p> });
}
