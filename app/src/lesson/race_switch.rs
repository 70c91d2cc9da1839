//! The "Race detector" switch: both programs run as `go run -race` runs them, every data race
//! reported (issue 17). On by default in a lesson that declares `race = true`; any lesson and
//! any edit can turn it on. Toggling it re-runs both sides and puts `race=` in the URL when it
//! is not the lesson's default (`nav::route::RACE`).

use leptos::prelude::*;

use crate::i18n::{tr, use_lang};
use crate::lesson::controller::LessonController;

/// A checkbox, checked while the detector is on.
#[component]
pub fn RaceSwitch(ctl: LessonController) -> impl IntoView {
    let lang = use_lang();
    view! {
        <label
            class="race-switch"
            data-testid="race-switch"
            title=move || tr(lang.get(), "Run both programs as go run -race does: every data race is reported")
        >
            <input
                type="checkbox"
                data-testid="race-toggle"
                prop:checked=move || ctl.race.get()
                on:change=move |ev| ctl.set_race(event_target_checked(&ev))
            />
            <span>{move || tr(lang.get(), "Race detector")}</span>
        </label>
    }
}
