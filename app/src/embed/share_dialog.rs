//! The Share button and the Embed dialog: a link and an `<iframe>` snippet for the current
//! state, each with a copy button, the embed options as checkboxes, and a live preview.
//!
//! The dialog is modal: Tab and Shift+Tab cycle inside it, Escape (or Close, or a click outside)
//! closes it and focus returns to the Embed button.
//!
//! Copying uses `navigator.clipboard`. Where the browser refuses (plain http on another host, a
//! frame without clipboard permission, a denied prompt), the text is selected in its box and the
//! older `execCommand("copy")` is tried; if that fails too, the label asks for Ctrl+C.

use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use leptos::web_sys::{self, js_sys};

use crate::embed::options::{self as embed, EmbedOptions, PANES, Theme};
use crate::i18n::{self, Lang, tr};
use crate::lesson::controller::LessonController;
use lessons::golite::GoVersion;

/// How long a button says "Copied" before it reads as a button again.
const COPIED_FOR_MS: u64 = 2000;

/// The absolute URL of this page with `query` and (when not empty) `fragment`.
fn page_url(query: &str, fragment: &str) -> String {
    let loc = web_sys::window().map(|w| w.location());
    let origin = loc
        .as_ref()
        .and_then(|l| l.origin().ok())
        .unwrap_or_default();
    let path = loc
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default();
    if fragment.is_empty() {
        format!("{origin}{path}?{query}")
    } else {
        format!("{origin}{path}?{query}#{fragment}")
    }
}

/// Keeps Tab inside `dialog`: from its last focusable element to its first, and back with
/// Shift+Tab (a modal must not let focus wander to the page behind it).
fn trap_tab(ev: &web_sys::KeyboardEvent, dialog: &web_sys::HtmlElement) {
    let Ok(list) = dialog.query_selector_all(
        "button:not([disabled]), input:not([disabled]), textarea, select, a[href], [tabindex]:not([tabindex='-1'])",
    ) else {
        return;
    };
    let items: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect();
    let (Some(first), Some(last)) = (items.first(), items.last()) else {
        return;
    };
    let active = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element());
    let at = |el: &web_sys::HtmlElement| {
        active
            .as_ref()
            .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
    };
    let inside = active
        .as_ref()
        .is_some_and(|a| dialog.contains(Some(a.as_ref())));
    if ev.shift_key() && (at(first) || !inside) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && (at(last) || !inside) {
        ev.prevent_default();
        let _ = first.focus();
    }
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
fn copy_label(state: Copied, idle: &'static str, lang: Lang) -> &'static str {
    tr(
        lang,
        match state {
            Copied::No => idle,
            Copied::Yes => "Copied",
            Copied::Selected => "Press Ctrl+C to copy",
        },
    )
}

/// One radio button per choice `(key, label, value)` of group `name`, bound to `picked`; each
/// button's test id is `name-key`.
fn radios<T: Copy + PartialEq + Send + Sync + 'static, const N: usize>(
    name: &'static str,
    choices: [(&'static str, String, T); N],
    picked: RwSignal<T>,
) -> impl IntoView {
    choices
        .into_iter()
        .map(|(key, label, v)| {
            view! {
                <label>
                    <input
                        type="radio"
                        name=name
                        data-testid=format!("{name}-{key}")
                        prop:checked=move || picked.get() == v
                        on:change=move |_| picked.set(v)
                    />
                    {label}
                </label>
            }
        })
        .collect_view()
}

/// Share and Embed buttons for the lesson's current state.
#[component]
pub fn ShareButtons(ctl: LessonController) -> impl IntoView {
    let open = RwSignal::new(false);
    let lang = i18n::use_lang();
    // The frame's options, as the checkboxes set them; the language starts as the page's.
    let options = RwSignal::new(EmbedOptions {
        enabled: true,
        ..EmbedOptions::default()
    });
    let frame_lang = RwSignal::new(lang.get_untracked());
    // The Go release the frame runs; starts as the page's whenever the dialog opens.
    let frame_go = RwSignal::new(ctl.go.get_untracked());
    let go_key = move || {
        let v = frame_go.get();
        (v != ctl.lesson.go).then(|| v.as_str())
    };
    let link = move || {
        ctl.cursor.track();
        ctl.params.track();
        ctl.seed.track();
        ctl.runs.track();
        ctl.edits.track();
        page_url(&ctl.query(), &ctl.fragment())
    };
    let embed_url = move || {
        ctl.cursor.track();
        ctl.params.track();
        ctl.seed.track();
        ctl.runs.track();
        ctl.edits.track();
        let q = embed::with_options(&ctl.query(), &options.get(), frame_lang.get(), go_key());
        page_url(&q, &ctl.fragment())
    };
    // The preview follows the options and the program's state, not every step of playback
    // (each new URL reloads the frame).
    let preview_url = move || {
        ctl.params.track();
        ctl.seed.track();
        ctl.edits.track();
        let q = untrack(|| {
            embed::with_options(&ctl.query(), &options.get(), frame_lang.get(), go_key())
        });
        options.track();
        frame_lang.track();
        frame_go.track();
        page_url(&q, &untrack(|| ctl.fragment()))
    };
    let snippet = move || {
        embed::iframe_snippet(
            &embed_url(),
            &format!(
                "{} · {}",
                i18n::title(ctl.lesson, frame_lang.get()),
                tr(frame_lang.get(), "Go anti-pattern playground")
            ),
        )
    };
    let dialog = NodeRef::<leptos::html::Div>::new();
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
    Effect::new(move |_| {
        if open.get() {
            frame_lang.set(lang.get_untracked());
            // Set only when it differs: a set re-renders the preview's URL, reloading the frame.
            let go = ctl.go.get_untracked();
            if frame_go.get_untracked() != go {
                frame_go.set(go);
            }
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
    let pane_label = |p: &str| match p {
        "code" => "code",
        "charts" => "charts",
        "goroutines" => "goroutine map",
        "channels" => "channel gauges",
        _ => "output",
    };
    view! {
        <div class="share">
            <button
                data-testid="share"
                title=move || tr(lang.get(), "Copy a link to exactly this view")
                on:click=move |_| copy_into(link(), shared, || false)
            >
                {move || match shared.get() {
                    Copied::Yes => tr(lang.get(), "Link copied"),
                    _ => tr(lang.get(), "Share"),
                }}
            </button>
            <button
                data-testid="embed"
                aria-haspopup="dialog"
                title=move || tr(lang.get(), "An <iframe> snippet and a link for this view")
                node_ref=embed_button
                on:click=move |_| open.set(true)
            >
                {move || tr(lang.get(), "Embed")}
            </button>
            <Show when=move || open.get()>
                <div class="dialog-backdrop" on:click=move |_| close()></div>
                <div
                    class="dialog embed-dialog"
                    role="dialog"
                    aria-modal="true"
                    aria-labelledby="embed-title"
                    data-testid="embed-dialog"
                    node_ref=dialog
                    on:keydown=move |ev| {
                        // Escape closes; Tab stays inside; the page's own shortcuts do not see
                        // keys typed here.
                        ev.stop_propagation();
                        match ev.key().as_str() {
                            "Escape" => close(),
                            "Tab" => {
                                if let Some(d) = dialog.get_untracked() {
                                    trap_tab(&ev, &d);
                                }
                            }
                            _ => {}
                        }
                    }
                >
                    <h2 id="embed-title">{move || tr(lang.get(), "Embed or share this view")}</h2>
                    <p>
                        {move || tr(lang.get(), "The frame and the link open this lesson with these parameters, this seed and this step.")}
                    </p>
                    <div class="embed-body">
                        <div class="embed-options">
                            <fieldset>
                                <legend>{move || tr(lang.get(), "Panes")}</legend>
                                {PANES
                                    .iter()
                                    .enumerate()
                                    .map(|(i, p)| view! {
                                        <label>
                                            <input
                                                type="checkbox"
                                                data-testid=format!("embed-pane-{p}")
                                                prop:checked=move || options.with(|o| o.panes[i])
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    options.update(|o| o.panes[i] = on);
                                                }
                                            />
                                            {move || tr(lang.get(), pane_label(p))}
                                        </label>
                                    })
                                    .collect_view()}
                            </fieldset>
                            <fieldset>
                                <legend>{move || tr(lang.get(), "Programs")}</legend>
                                {[("both", [true, true]), ("bad.go", [true, false]), ("good.go", [false, true])]
                                    .into_iter()
                                    .map(|(name, sides)| view! {
                                        <label>
                                            <input
                                                type="radio"
                                                name="embed-side"
                                                data-testid=format!("embed-side-{}", name.trim_end_matches(".go"))
                                                prop:checked=move || options.with(|o| o.sides == sides)
                                                on:change=move |_| options.update(|o| o.sides = sides)
                                            />
                                            {move || tr(lang.get(), name)}
                                        </label>
                                    })
                                    .collect_view()}
                            </fieldset>
                            <fieldset>
                                <legend>{move || tr(lang.get(), "Theme")}</legend>
                                {[("auto", Theme::Auto), ("light", Theme::Light), ("dark", Theme::Dark)]
                                    .into_iter()
                                    .map(|(name, theme)| view! {
                                        <label>
                                            <input
                                                type="radio"
                                                name="embed-theme"
                                                data-testid=format!("embed-theme-{name}")
                                                prop:checked=move || options.with(|o| o.theme == theme)
                                                on:change=move |_| options.update(|o| o.theme = theme)
                                            />
                                            {move || tr(lang.get(), name)}
                                        </label>
                                    })
                                    .collect_view()}
                            </fieldset>
                            <fieldset>
                                <legend>{move || tr(lang.get(), "Playback and language")}</legend>
                                <label>
                                    <input
                                        type="checkbox"
                                        data-testid="embed-autoplay"
                                        prop:checked=move || options.with(|o| o.autoplay)
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            options.update(|o| o.autoplay = on);
                                        }
                                    />
                                    {move || tr(lang.get(), "autoplay")}
                                </label>
                                {radios(
                                    "embed-lang",
                                    [Lang::En, Lang::Zh]
                                        .map(|l| (l.key(), if l == Lang::Zh { "中文" } else { "English" }.to_string(), l)),
                                    frame_lang,
                                )}
                            </fieldset>
                            <fieldset data-testid="embed-go">
                                <legend>{move || tr(lang.get(), "Go version")}</legend>
                                {radios(
                                    "embed-go",
                                    GoVersion::ALL.map(|v| (v.as_str(), format!("Go {}", v.as_str()), v)),
                                    frame_go,
                                )}
                            </fieldset>
                            <label for="embed-snippet">{move || tr(lang.get(), "<iframe> for your docs or slides")}</label>
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
                                {move || copy_label(snippet_copied.get(), "Copy snippet", lang.get())}
                            </button>
                            <label for="embed-link">{move || tr(lang.get(), "Link")}</label>
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
                                {move || copy_label(link_copied.get(), "Copy link", lang.get())}
                            </button>
                            <p class="hint">
                                {move || tr(lang.get(), "A host page can drive the frame and hear its verdicts with postMessage, and size it from its ")}
                                <code>"resize"</code>{move || tr(lang.get(), " messages: ")}
                                <a href="public/embed-example.html" target="_blank" rel="noopener" data-testid="embed-docs">
                                    {move || tr(lang.get(), "the embedding guide and a working host page")}
                                </a>
                                {move || tr(lang.get(), " (")}<code>"docs/EMBEDDING.md"</code>{move || tr(lang.get(), " in the source).")}
                            </p>
                        </div>
                        <div class="embed-preview">
                            <span class="hint">{move || tr(lang.get(), "Preview")}</span>
                            <iframe
                                data-testid="embed-preview"
                                title=move || tr(lang.get(), "Preview of the embedded view")
                                src=preview_url
                                inert
                            ></iframe>
                        </div>
                    </div>
                    <button class="close" data-testid="embed-close" on:click=move |_| close()>
                        {move || tr(lang.get(), "Close")}
                    </button>
                </div>
            </Show>
        </div>
    }
}
