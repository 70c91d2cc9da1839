//! The Share button and the Embed dialog: a link and an `<iframe>` snippet for the current
//! state, each with a copy button.

use leptos::prelude::*;
use leptos::web_sys;

use crate::controller::LessonController;
use crate::embed;

/// The absolute URL of this page with `query`.
fn page_url(query: &str) -> String {
    let loc = web_sys::window().map(|w| w.location());
    let origin = loc
        .as_ref()
        .and_then(|l| l.origin().ok())
        .unwrap_or_default();
    let path = loc
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default();
    format!("{origin}{path}?{query}")
}

/// Copies `text` to the clipboard; false when the browser refuses (then the caller selects the
/// text so the user can copy it by hand).
fn copy(text: &str) -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let clipboard = nav.clipboard();
    // A page without clipboard access (plain http on another host) has no clipboard object.
    if wasm_bindgen::JsValue::from(clipboard.clone()).is_undefined() {
        return false;
    }
    let _ = clipboard.write_text(text);
    true
}

/// Share and Embed buttons for the lesson's current state.
#[component]
pub fn ShareButtons(ctl: LessonController) -> impl IntoView {
    let open = RwSignal::new(false);
    let shared = RwSignal::new(false);
    let link = move || {
        ctl.cursor.track();
        ctl.params.track();
        ctl.seed.track();
        page_url(&ctl.query())
    };
    let embed_url = move || {
        let l = link();
        if l.contains("embed=1") {
            l
        } else {
            format!("{l}&{}=1", embed::EMBED)
        }
    };
    let snippet = move || {
        embed::iframe_snippet(
            &embed_url(),
            &format!("{} · Go anti-pattern playground", ctl.lesson.title),
        )
    };
    let link_box = NodeRef::<leptos::html::Input>::new();
    let snippet_box = NodeRef::<leptos::html::Textarea>::new();
    let copied = RwSignal::new("");
    view! {
        <div class="share">
            <button
                data-testid="share"
                title="Copy a link to exactly this view"
                on:click=move |_| {
                    shared.set(copy(&link()));
                    if !shared.get_untracked() {
                        open.set(true);
                    }
                }
            >
                {move || if shared.get() { "Link copied" } else { "Share" }}
            </button>
            <button data-testid="embed" aria-haspopup="dialog" on:click=move |_| open.set(true)>"Embed"</button>
            <Show when=move || open.get()>
                <div
                    class="dialog-backdrop"
                    on:click=move |_| open.set(false)
                ></div>
                <div
                    class="dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="embed-title"
                    data-testid="embed-dialog"
                    on:keydown=move |ev| if ev.key() == "Escape" { open.set(false) }
                >
                    <h2 id="embed-title">"Embed or share this view"</h2>
                    <p>"The link and the frame open this lesson with these parameters, this seed and this step."</p>
                    <label for="embed-snippet">"<iframe> for your docs or slides"</label>
                    <textarea id="embed-snippet" readonly rows="4" node_ref=snippet_box data-testid="embed-snippet" prop:value=snippet></textarea>
                    <button on:click=move |_| {
                        let ok = copy(&snippet());
                        if let (false, Some(t)) = (ok, snippet_box.get()) { t.select(); }
                        copied.set(if ok { "snippet" } else { "" });
                    }>{move || if copied.get() == "snippet" { "Copied" } else { "Copy snippet" }}</button>
                    <label for="embed-link">"Link"</label>
                    <input id="embed-link" readonly node_ref=link_box data-testid="embed-link" prop:value=link />
                    <button on:click=move |_| {
                        let ok = copy(&link());
                        if let (false, Some(i)) = (ok, link_box.get()) { i.select(); }
                        copied.set(if ok { "link" } else { "" });
                    }>{move || if copied.get() == "link" { "Copied" } else { "Copy link" }}</button>
                    <p class="hint">
                        "Options: add "<code>"panes=code,charts,goroutines,channels,output"</code>", "
                        <code>"side=bad|good"</code>", "<code>"autoplay=1"</code>", "<code>"theme=light|dark"</code>
                        " to the frame's URL. A host page can drive the frame with postMessage (docs/EMBEDDING.md)."
                    </p>
                    <button class="close" data-testid="embed-close" on:click=move |_| open.set(false)>"Close"</button>
                </div>
            </Show>
        </div>
    }
}
