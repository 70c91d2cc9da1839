//! The Share button and the Embed dialog: a link and an `<iframe>` snippet for the current
//! state, each with a copy button.
//!
//! Copying uses `navigator.clipboard`. Where the browser refuses (plain http on another host, a
//! frame without clipboard permission, a denied prompt), the text is selected in its box and the
//! older `execCommand("copy")` is tried; if that fails too, the label asks for Ctrl+C.

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use leptos::web_sys::{self, js_sys};

use crate::embed::options;
use crate::lesson::controller::LessonController;

/// How long a button says "Copied" before it reads as a button again.
const COPIED_FOR_MS: u64 = 2000;

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

/// Writes `text` to the clipboard; false when there is no clipboard or the browser refuses.
async fn clipboard_write(text: String) -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let clipboard = nav.clipboard();
    // A page in an insecure context has no clipboard object at all.
    if JsValue::from(clipboard.clone()).is_undefined() {
        return false;
    }
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
        .await
        .is_ok()
}

/// The fallback: `document.execCommand("copy")` on the current selection (deprecated, but the
/// one way left in a frame without clipboard permission). Called through `Reflect` to need no
/// further web-sys feature.
fn exec_copy() -> bool {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Ok(f) = js_sys::Reflect::get(&doc, &JsValue::from_str("execCommand")) else {
        return false;
    };
    let Ok(f) = f.dyn_into::<js_sys::Function>() else {
        return false;
    };
    f.call1(&doc, &JsValue::from_str("copy"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// How the last copy went, for one button's label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Copied {
    /// Nothing copied recently.
    No,
    /// On the clipboard.
    Yes,
    /// The browser refused: the text is selected for Ctrl+C.
    Selected,
}

/// Copies `text` and reports into `state`; on refusal `select` selects the text on screen and
/// the older copy command gets a try. The label returns to normal after [`COPIED_FOR_MS`].
fn copy_into(text: String, state: RwSignal<Copied>, select: impl Fn() -> bool + 'static) {
    leptos::task::spawn_local(async move {
        let copied = clipboard_write(text).await || (select() && exec_copy());
        let result = if copied {
            Copied::Yes
        } else {
            Copied::Selected
        };
        // `try_set` hands the value back when the page is gone (another lesson opened).
        if state.try_set(result).is_none() {
            set_timeout(
                move || {
                    let _ = state.try_set(Copied::No);
                },
                std::time::Duration::from_millis(COPIED_FOR_MS),
            );
        }
    });
}

/// A copy button's label for `state`.
fn copy_label(state: Copied, idle: &'static str) -> &'static str {
    match state {
        Copied::No => idle,
        Copied::Yes => "Copied",
        Copied::Selected => "Press Ctrl+C to copy",
    }
}

/// Share and Embed buttons for the lesson's current state.
#[component]
pub fn ShareButtons(ctl: LessonController) -> impl IntoView {
    let open = RwSignal::new(false);
    let link = move || {
        ctl.cursor.track();
        ctl.params.track();
        ctl.seed.track();
        ctl.runs.track();
        page_url(&ctl.query())
    };
    let embed_url = move || {
        ctl.cursor.track();
        ctl.params.track();
        ctl.seed.track();
        ctl.runs.track();
        page_url(&options::embed_query(&ctl.query()))
    };
    let snippet = move || {
        options::iframe_snippet(
            &embed_url(),
            &format!("{} · Go anti-pattern playground", ctl.lesson.title),
        )
    };
    let link_box = NodeRef::<leptos::html::Input>::new();
    let snippet_box = NodeRef::<leptos::html::Textarea>::new();
    let embed_button = NodeRef::<leptos::html::Button>::new();
    let shared = RwSignal::new(Copied::No);
    let snippet_copied = RwSignal::new(Copied::No);
    let link_copied = RwSignal::new(Copied::No);
    // A refused Share opens the dialog with the link selected, to copy by hand.
    Effect::new(move |_| {
        if shared.get() == Copied::Selected {
            open.set(true);
        }
    });
    // On opening, focus goes to the snippet (Escape and Tab then work inside the dialog).
    Effect::new(move |_| {
        if !open.get() {
            return;
        }
        if shared.get_untracked() == Copied::Selected {
            if let Some(i) = link_box.get() {
                let _ = i.focus();
                i.select();
            }
        } else if let Some(t) = snippet_box.get() {
            let _ = t.focus();
        }
    });
    let close = move || {
        open.set(false);
        shared.set(Copied::No);
        if let Some(b) = embed_button.get_untracked() {
            let _ = b.focus();
        }
    };
    let select_snippet = move || {
        snippet_box.get_untracked().is_some_and(|t| {
            t.select();
            true
        })
    };
    let select_link = move || {
        link_box.get_untracked().is_some_and(|i| {
            i.select();
            true
        })
    };
    view! {
        <div class="share">
            <button
                data-testid="share"
                title="Copy a link to exactly this view"
                on:click=move |_| copy_into(link(), shared, || false)
            >
                {move || match shared.get() {
                    Copied::Yes => "Link copied",
                    _ => "Share",
                }}
            </button>
            <button
                data-testid="embed"
                aria-haspopup="dialog"
                title="An <iframe> snippet and a link for this view"
                node_ref=embed_button
                on:click=move |_| open.set(true)
            >
                "Embed"
            </button>
            <Show when=move || open.get()>
                <div class="dialog-backdrop" on:click=move |_| close()></div>
                <div
                    class="dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="embed-title"
                    data-testid="embed-dialog"
                    on:keydown=move |ev| {
                        // Escape closes; the page's own shortcuts do not see keys typed here.
                        ev.stop_propagation();
                        if ev.key() == "Escape" {
                            close();
                        }
                    }
                >
                    <h2 id="embed-title">"Embed or share this view"</h2>
                    <p>
                        "The frame and the link open this lesson with these parameters, this seed and this step."
                    </p>
                    <label for="embed-snippet">"<iframe> for your docs or slides"</label>
                    <textarea
                        id="embed-snippet"
                        readonly
                        rows="4"
                        node_ref=snippet_box
                        data-testid="embed-snippet"
                        prop:value=snippet
                    ></textarea>
                    <button
                        data-testid="copy-snippet"
                        on:click=move |_| copy_into(snippet(), snippet_copied, select_snippet)
                    >
                        {move || copy_label(snippet_copied.get(), "Copy snippet")}
                    </button>
                    <label for="embed-link">"Link"</label>
                    <input
                        id="embed-link"
                        readonly
                        node_ref=link_box
                        data-testid="embed-link"
                        prop:value=link
                    />
                    <button
                        data-testid="copy-link"
                        on:click=move |_| copy_into(link(), link_copied, select_link)
                    >
                        {move || copy_label(link_copied.get(), "Copy link")}
                    </button>
                    <p class="hint">
                        "Options for the frame's URL: " <code>"panes=code,charts,goroutines,channels,output"</code>
                        ", " <code>"side=bad|good"</code> ", " <code>"autoplay=1"</code> ", "
                        <code>"theme=light|dark"</code>
                        ". A host page can drive the frame with postMessage: see docs/EMBEDDING.md."
                    </p>
                    <button class="close" data-testid="embed-close" on:click=move |_| close()>
                        "Close"
                    </button>
                </div>
            </Show>
        </div>
    }
}
