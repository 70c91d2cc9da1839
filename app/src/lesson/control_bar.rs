//! The one control bar that drives both programs in lockstep: play/pause, step, step back,
//! reset, the scrubber, the speed, the seed, and where the cursor stands in virtual time.

use leptos::prelude::*;

use crate::lesson::controller::LessonController;
use crate::lesson::end_notice::{self, PastEnd};
use crate::playback::player::{SPEEDS_NS, format_time};

/// The control bar.
#[component]
pub fn ControlBar(ctl: LessonController) -> impl IntoView {
    let len = Signal::derive(move || ctl.len());
    let ready = Signal::derive(move || ctl.runs.with(|r| r.is_some()));
    // Memos, not derived signals: the cursor's clock moves every frame, and what hangs off these
    // (the play icon is rebuilt when it changes) should only run when they change.
    let playing = Memo::new(move |_| ctl.cursor.get().playing);
    let pos = Memo::new(move |_| ctl.cursor.get().pos);
    let lang = crate::i18n::use_lang();
    let t = move |en: &'static str| crate::i18n::tr(lang.get(), en);
    let past = PastEnd::get();
    view! {
        <div class="controls" role="group" aria-label=move || t("Playback (both programs in lockstep)")>
            <div class="buttons">
                <button
                    class="ctl"
                    data-testid="reset"
                    aria-label=move || t("Back to the start")
                    title=move || t("Back to the start")
                    disabled=move || !ready.get()
                    on:click=move |_| ctl.reset()
                >
                    {icon(Icon::Reset)}
                </button>
                <button
                    class="ctl"
                    data-testid="step-back"
                    aria-label=move || t("Step back one event (left arrow)")
                    title=move || t("Step back (←)")
                    disabled=move || { !ready.get() || pos.get() == 0 }
                    on:click=move |_| ctl.step_back()
                >
                    {icon(Icon::Back)}
                </button>
                <button
                    class="ctl play"
                    data-testid="play"
                    aria-label=move || t(if playing.get() { "Pause (space)" } else { "Play (space)" })
                    title=move || t(if playing.get() { "Pause (space)" } else { "Play (space)" })
                    aria-pressed=move || playing.get().to_string()
                    disabled=move || !ready.get()
                    on:click=move |_| ctl.toggle()
                >
                    {move || icon(if playing.get() { Icon::Pause } else { Icon::Play })}
                </button>
                <button
                    class="ctl"
                    data-testid="step"
                    aria-label=move || t("Step forward one event (right arrow)")
                    title=move || t("Step (→)")
                    // Live at the end too: a step there says the run is over.
                    disabled=move || !ready.get()
                    on:click=move |_| end_notice::step(ctl, past)
                >
                    {icon(Icon::Step)}
                </button>
            </div>
            <input
                type="range"
                class="scrubber"
                data-testid="scrubber"
                aria-label=move || t("Position in the run (events of both programs)")
                min="0"
                max=move || len.get().to_string()
                prop:value=move || pos.get().to_string()
                disabled=move || !ready.get()
                on:input=move |ev| {
                    if let Ok(k) = event_target_value(&ev).parse::<usize>() {
                        ctl.seek(k);
                    }
                }
            />
            <span class="where" data-testid="step-label" aria-live="off">
                <span class="t">{move || format!("t = {}", format_time(ctl.cursor.get().clock_ns))}</span>
                <span class="k">{move || format!("{} {} / {}", t("event"), pos.get(), len.get())}</span>
            </span>
            <Show when=move || past.shown(ctl)>
                <span class="end-notice" data-testid="end-notice" role="status">
                    {move || end_notice::text(lang.get())}
                </span>
            </Show>
            <label class="speed">
                <span>{move || t("Speed")}</span>
                <select
                    data-testid="speed"
                    aria-label=move || t("Playback speed: virtual time per real second")
                    on:change=move |ev| {
                        if let Ok(i) = event_target_value(&ev).parse::<usize>() {
                            ctl.set_speed(i);
                        }
                    }
                >
                    {SPEEDS_NS
                        .iter()
                        .enumerate()
                        .map(|(i, ns)| {
                            view! {
                                <option value=i.to_string() selected=move || ctl.speed.get() == i>
                                    {format!("{}/s", format_time(*ns))}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="seed">
                <span>{move || t("Seed")}</span>
                <input
                    type="number"
                    min="0"
                    data-testid="seed"
                    aria-label=move || t("Seed of the run")
                    prop:value=move || ctl.seed.get().to_string()
                    on:change=move |ev| {
                        match event_target_value(&ev).trim().parse::<u64>() {
                            Ok(s) => ctl.set_seed(s),
                            Err(_) => ctl.seed.notify(),
                        }
                    }
                />
                <button
                    class="ctl small"
                    data-testid="new-seed"
                    title=move || t("Run with a new random seed")
                    aria-label=move || t("New random seed")
                    on:click=move |_| ctl.new_seed()
                >
                    {move || t("New")}
                </button>
            </label>
            // Past half a second: the Stop button and the progress, kept on one line.
            <Show when=move || ctl.running.get() && ctl.slow.get()>
                <span class="run-status">
                    <button
                        class="ctl stop"
                        data-testid="stop"
                        title=move || t("Stop the run (Esc)")
                        aria-keyshortcuts="Escape"
                        on:click=move |_| ctl.stop()
                    >
                        {move || t("Stop")}
                    </button>
                    <span class="running" data-testid="running" role="status">
                        {move || ctl.progress_text()}
                    </span>
                </span>
            </Show>
        </div>
    }
}

/// The control bar's icons, drawn as SVG so they look the same with any font.
#[derive(Clone, Copy)]
enum Icon {
    Reset,
    Back,
    Play,
    Pause,
    Step,
}

fn icon(i: Icon) -> impl IntoView {
    let d = match i {
        Icon::Reset => "M3 2h2v12H3zM14 2v12L6 8z",
        Icon::Back => "M11 2h2v12h-2zM10 2v12L3 8z",
        Icon::Play => "M4 2v12l10-6z",
        Icon::Pause => "M4 2h3v12H4zM9 2h3v12H9z",
        Icon::Step => "M3 2h2v12H3zM6 2v12l7-6z",
    };
    view! {
        <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d=d fill="currentColor" />
        </svg>
    }
}
