//! Editing one program in place: a plain text box in the code's place, with Run and Cancel.
//!
//! The text goes to the controller exactly as typed. What is wrong with it is golite's to say,
//! as data on the side (a syntax error with its line and column, a runaway loop as a limit),
//! so nothing a learner types can break the page.

use leptos::prelude::*;
use leptos::web_sys::{HtmlTextAreaElement, KeyboardEvent};

use crate::playback::engine::Side;

/// The most rows the box opens with; longer programs scroll inside it.
const MAX_ROWS: usize = 30;

/// A text box holding `initial`, focused when it opens. Ctrl+Enter (Cmd+Enter) runs, Tab
/// indents with a tab as gofmt does, Escape leaves the box so Tab moves focus again.
#[component]
pub fn CodeEditor(
    /// Which program is edited.
    side: Side,
    /// The text the box opens with: the program as it runs now.
    initial: String,
    /// Called with the box's text when the learner runs it.
    on_run: Callback<String>,
    /// Called when the learner gives up the edit.
    on_cancel: Callback<()>,
) -> impl IntoView {
    let area = NodeRef::<leptos::html::Textarea>::new();
    let rows = (initial.lines().count() + 1).min(MAX_ROWS);
    // The text is put in here, not as a `prop:`, so that it is in place before the caret is
    // put at the top (setting a text box's value moves its caret to the end).
    Effect::new(move |_| {
        if let Some(a) = area.get() {
            a.set_value(&initial);
            let _ = a.focus();
            a.set_selection_range(0, 0).ok();
            a.set_scroll_top(0);
        }
    });
    let run = move || {
        if let Some(a) = area.get_untracked() {
            on_run.run(a.value());
        }
    };
    let keydown = move |ev: KeyboardEvent| {
        let Some(a) = area.get_untracked() else {
            return;
        };
        let plain = !(ev.ctrl_key() || ev.meta_key() || ev.alt_key());
        match ev.key().as_str() {
            "Enter" if ev.ctrl_key() || ev.meta_key() => {
                ev.prevent_default();
                run();
            }
            "Tab" if plain && !ev.shift_key() => {
                ev.prevent_default();
                insert_tab(&a);
            }
            "Escape" => {
                let _ = a.blur();
            }
            _ => {}
        }
    };
    let hint_id = format!("editor-hint-{}", side.key());
    view! {
        <div class="editor" data-testid=format!("editor-{}", side.key())>
            <textarea
                node_ref=area
                class="code-edit"
                data-testid=format!("editor-text-{}", side.key())
                rows=rows
                spellcheck="false"
                autocapitalize="off"
                autocomplete="off"
                wrap="off"
                aria-label=format!("Edit {}", side.file())
                aria-describedby=hint_id.clone()
                on:keydown=keydown
            ></textarea>
            <div class="editor-bar">
                <button class="primary" data-testid=format!("editor-run-{}", side.key()) on:click=move |_| run()>
                    "Run both"
                </button>
                <button data-testid=format!("editor-cancel-{}", side.key()) on:click=move |_| on_cancel.run(())>
                    "Cancel"
                </button>
                <span class="hint" id=hint_id>
                    <kbd>"Ctrl"</kbd>"+"<kbd>"Enter"</kbd>" runs · "<kbd>"Esc"</kbd>" leaves the box"
                </span>
            </div>
        </div>
    }
}

/// Replaces the selection with a tab and puts the caret after it.
fn insert_tab(a: &HtmlTextAreaElement) {
    let (Ok(Some(start)), Ok(Some(end))) = (a.selection_start(), a.selection_end()) else {
        return;
    };
    let _ = a.set_range_text_with_start_and_end_and_mode("\t", start, end, "end");
}
