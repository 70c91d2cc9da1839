//! A side's verdict once the cursor is at the end: the lesson's harm judged on both runs
//! ([`lessons::catalog::judge`], the same function the CLI's `verdict` comes from, so the page
//! and `golite run --json` cannot disagree), leaks, deadlocks and panics first; then "In Go",
//! what the real toolchain would show for this run ([`crate::playback::in_go`]).
//!
//! The lesson's `[harm]` table ships compiled in ([`crate::catalog::harm`]); an edited program
//! is judged the same way, on its own run.

use leptos::prelude::*;

use crate::catalog;
use crate::i18n;
use crate::lesson::controller::LessonController;
use crate::playback::engine::Side;
use crate::playback::in_go::{self, InGo};
use crate::playback::verdict_shown::{self, Shown};

/// The verdict box of one side.
#[component]
pub fn VerdictBox(ctl: LessonController, side: Side) -> impl IntoView {
    // Re-evaluated only when the answer changes, not on every cursor move of playback.
    let at_end = Memo::new(move |_| ctl.at_end());
    let harm = catalog::harm(ctl.lesson);
    let lang = i18n::use_lang();
    view! {
        <div class="verdict-box" data-testid=format!("verdict-{}", side.key()) aria-live="polite">
            {move || {
                if !at_end.get() {
                    let zh = lang.get() == i18n::Lang::Zh;
                    if let Some(shown) = ctl.built_verdict(side, zh) {
                        return view! {
                            {verdict_view(shown, zh, "build")}
                            <p class="verdict-note" data-testid=format!("verdict-note-{}", side.key())>
                                {verdict_shown::BUILT_NOTE[usize::from(zh)]}
                            </p>
                        }
                            .into_any();
                    }
                    if ctl.running.get() {
                        return view! { <p class="verdict pending">{i18n::tr(lang.get(), "running…")}</p> }.into_any();
                    }
                    return view! {
                        <p class="verdict pending">
                            {i18n::tr(lang.get(), "The verdict shows at the end of the run. ")}
                            <button
                                class="linkish"
                                data-testid=format!("to-end-{}", side.key())
                                on:click=move |_| ctl.seek(ctl.len())
                            >
                                {i18n::tr(lang.get(), "Jump to the end")}
                            </button>
                        </p>
                    }
                        .into_any();
                }
                let zh = lang.get() == i18n::Lang::Zh;
                let edited = ctl.edits.with(|e| e[side.index()].is_some());
                let shown = ctl.runs.with(|r| {
                    r.as_ref().map(|r| {
                        verdict_shown::shown(
                            harm.as_ref(),
                            [&r.sides[0].report, &r.sides[1].report],
                            side == Side::Bad,
                            edited,
                            zh,
                        )
                    })
                });
                let Some(shown) = shown else {
                    return view! { <p class="verdict pending">{i18n::tr(lang.get(), "running…")}</p> }.into_any();
                };
                view! {
                    {verdict_view(shown, zh, "engine")}
                    <InGoPanel ctl=ctl side=side />
                }
                    .into_any()
            }}
        </div>
    }
}

/// A verdict sentence and, when there are several, its leak groups. `source` says where it
/// came from (`data-source`): `engine` (this page's run) or `build` (the same run made when the
/// site was built, shown until this page's own run has finished; `playback::verdict_shown`).
fn verdict_view(shown: Shown, zh: bool, source: &'static str) -> impl IntoView {
    let many = shown.leak_lines.len() > 1;
    view! {
        <p
            class=format!("verdict tone-{}", shown.tone)
            data-outcome=shown.outcome
            data-tone=shown.tone.clone()
            data-leaks=shown.leaks
            data-figures=shown.figures
            data-source=source
            lang=if zh { "zh" } else { "en" }
        >
            {shown.text}
        </p>
        <ul class="leaks" class:hidden=!many>
            {shown
                .leak_lines
                .into_iter()
                .map(|l| {
                    view! {
                        <li data-testid="leak" data-state=l.state data-line=l.line data-count=l.count>
                            {l.text}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// "In Go": a collapsed panel with what `go run`, pprof and goleak would show for this run.
#[component]
fn InGoPanel(ctl: LessonController, side: Side) -> impl IntoView {
    let open = RwSignal::new(false);
    // Built when opened, from the run's end: at 20,000 goroutines it is a big text.
    let text = move || -> Option<InGo> {
        if !open.get() {
            return None;
        }
        ctl.side_run(side, |r| in_go::in_go(&r.report))
    };
    let lang = i18n::use_lang();
    let block = move |title: &'static str, key: &'static str, body: String| {
        view! {
            <h4>{i18n::tr(lang.get_untracked(), title)}</h4>
            <pre class="in-go-text" data-part=key>{body}</pre>
        }
    };
    view! {
        <details
            class="in-go"
            data-testid=format!("in-go-{}", side.key())
            // `toggle` fires once per change, and the panel starts closed.
            on:toggle=move |_| open.update(|o| *o = !*o)
        >
            <summary>{move || i18n::tr(lang.get(), "In Go")}</summary>
            <p class="in-go-note">
                {move || i18n::tr(lang.get(), "What the Go toolchain would show for this run, from golite's goroutine stacks. golite's approximation: no addresses, offsets or argument values, in ")}
                <code>{in_go::FILE}</code>{move || i18n::tr(lang.get(), ".")}
            </p>
            {move || text().map(|t| {
                let clean = t.go_run.is_none() && t.goleak.is_none() && t.race.is_none();
                view! {
                    {clean.then(|| view! {
                        <p class="in-go-clean" data-part="clean">
                            {i18n::tr(lang.get(), "go run prints nothing more: main returned and no goroutine is left for goleak to report.")}
                        </p>
                    })}
                    {t.race.map(|s| block("go run -race (stderr)", "race", s))}
                    {t.go_run.map(|s| block("go run (stderr)", "go-run", s))}
                    {t.leak_profile.map(|s| block("goroutineleak profile (debug=1), Go 1.26+", "leak-profile", s))}
                    {t.pprof.map(|s| block("pprof goroutine profile (debug=1), at the end", "pprof", s))}
                    {t.dump.map(|s| block("goroutine dump (debug=2), at the end", "dump", s))}
                    {t.goleak.map(|s| block("goleak.VerifyNone(t)", "goleak", s))}
                }
            })}
        </details>
    }
}
