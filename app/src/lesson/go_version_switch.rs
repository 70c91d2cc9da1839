//! The "Go 1.21 / Go 1.27" switch: which release's semantics both programs run with where they
//! changed (loop variables in Go 1.22, timers in Go 1.23; see `lessons/src/runtime/version.rs`).
//! Picking one re-runs both sides and puts `go=` in the URL (`nav::route`).

use leptos::prelude::*;
use lessons::golite::GoVersion;

use crate::i18n::{tr, use_lang};
use crate::lesson::controller::LessonController;

/// Two buttons, the release in use pressed.
#[component]
pub fn GoVersionSwitch(ctl: LessonController) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div
            class="go-switch"
            role="group"
            data-testid="go-switch"
            aria-label=move || tr(lang.get(), "Go version")
            title=move || tr(lang.get(), "Run both programs with the loop variables and timers of this Go release")
        >
            <span class="go-switch-label">{move || tr(lang.get(), "Go version")}</span>
            {GoVersion::ALL
                .into_iter()
                .map(|v| {
                    view! {
                        <button
                            type="button"
                            data-testid=format!("go-{}", v.as_str())
                            aria-pressed=move || (ctl.go.get() == v).to_string()
                            on:click=move |_| ctl.set_go(v)
                        >
                            {format!("Go {}", v.as_str())}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
