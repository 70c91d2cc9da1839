//! A side's verdict once the cursor is at the end: the lesson's harm judged on both runs
//! ([`lessons::catalog::judge`], the same function the CLI's `verdict` comes from, so the page
//! and `golite run --json` cannot disagree), leaks, deadlocks and panics first; then "In Go",
//! what the real toolchain would show for this run ([`crate::playback::in_go`]).
//!
//! The lesson's `[harm]` table ships compiled in ([`crate::catalog::harm`]); an edited program
//! is judged the same way, on its own run.

use leptos::prelude::*;
use lessons::catalog::{LessonVerdict, Tone, judge};
use lessons::runtime::Outcome;

use crate::catalog;
use crate::lesson::controller::LessonController;
use crate::lesson::run_names::RunNames;
use crate::panes::pick;
use crate::playback::engine::Side;
use crate::playback::in_go::{self, InGo};
use crate::playback::verdict;

/// CSS key of a tone: `ok`, `warn`, `bad`; runs that could not finish keep `problem`.
fn tone_key(tone: Tone, outcome: Outcome) -> &'static str {
    match (outcome, tone) {
        (Outcome::CompileError | Outcome::Limit, _) => "problem",
        (_, Tone::Ok) => "ok",
        (_, Tone::Warn) => "warn",
        (_, Tone::Bad) => "bad",
    }
}

/// The verdict box of one side.
#[component]
pub fn VerdictBox(ctl: LessonController, side: Side) -> impl IntoView {
    // Re-evaluated only when the answer changes, not on every cursor move of playback.
    let at_end = Memo::new(move |_| ctl.at_end());
    let judged = Memo::new(move |_| -> Option<LessonVerdict> {
        let harm = catalog::harm(ctl.lesson)?;
        ctl.runs.with(|r| {
            r.as_ref()
                .map(|r| judge(&harm, &r.sides[0].report, &r.sides[1].report))
        })
    });
    view! {
        <div class="verdict-box" data-testid=format!("verdict-{}", side.key()) aria-live="polite">
            {move || {
                if !at_end.get() {
                    if ctl.running.get() {
                        return view! { <p class="verdict pending">"running…"</p> }.into_any();
                    }
                    return view! {
                        <p class="verdict pending">
                            "The verdict shows at the end of the run. "
                            <button
                                class="linkish"
                                data-testid=format!("to-end-{}", side.key())
                                on:click=move |_| ctl.seek(ctl.len())
                            >
                                "Jump to the end"
                            </button>
                        </p>
                    }
                        .into_any();
                }
                let report = ctl.side_run(side, |r| r.report.clone());
                let Some(report) = report else {
                    return view! { <p class="verdict pending">"running…"</p> }.into_any();
                };
                let (headline, old_tone) = verdict::headline(&report);
                let zh = pick::zh();
                let (sentence, tone, figures) = match judged.get() {
                    Some(v) => {
                        let s = if side == Side::Bad { v.bad } else { v.good };
                        let mut text = if zh { s.zh } else { s.en };
                        let edited = ctl.edits.with(|e| e[side.index()].is_some());
                        if edited && side == Side::Bad {
                            text = verdict::for_edit(&text, zh);
                        }
                        (text, tone_key(s.tone, report.outcome), s.figures)
                    }
                    None => (headline, old_tone.key(), Vec::new()),
                };
                // The figures as data for tests and tools: `PeakHeap=3040256/145408/bad;...`.
                let figures = figures
                    .iter()
                    .map(|f| {
                        let tone = match f.tone {
                            Tone::Ok => "ok",
                            Tone::Warn => "warn",
                            Tone::Bad => "bad",
                        };
                        format!("{:?}={}/{}/{tone}", f.measure, f.value, f.fix)
                    })
                    .collect::<Vec<_>>()
                    .join(";");
                let leaks = report.leaked.clone();
                let leaked: u32 = leaks.iter().map(|l| l.count).sum();
                let many = leaks.len() > 1;
                view! {
                    <p
                        class=format!("verdict tone-{tone}")
                        data-outcome=report.outcome.as_str()
                        data-tone=tone
                        data-leaks=leaked
                        data-figures=figures
                        lang=if zh { "zh" } else { "en" }
                    >
                        {sentence}
                    </p>
                    <ul class="leaks" class:hidden=!many>
                        {leaks
                            .into_iter()
                            .map(|l| {
                                view! {
                                    <li
                                        data-testid="leak"
                                        data-state=l.state.clone()
                                        data-line=l.line
                                        data-count=l.count
                                    >
                                        {verdict::leak_line(&l)}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                    <InGoPanel ctl=ctl side=side />
                }
                    .into_any()
            }}
        </div>
    }
}

/// "In Go": a collapsed panel with what `go run`, pprof and goleak would show for this run.
#[component]
fn InGoPanel(ctl: LessonController, side: Side) -> impl IntoView {
    let open = RwSignal::new(false);
    let names = RunNames::new(ctl);
    // Built when opened, from the run's end: at 20,000 goroutines it is a big text.
    let text = move || -> Option<InGo> {
        if !open.get() {
            return None;
        }
        let n = names.side(side.index());
        ctl.side_run(side, |r| {
            let end = r.timeline.last();
            in_go::in_go(&r.report, &end, r.timeline.events(), &n)
        })
    };
    let block = |title: &'static str, key: &'static str, body: String| {
        view! {
            <h4>{title}</h4>
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
            <summary>"In Go"</summary>
            <p class="in-go-note">
                "What the Go toolchain would show for this run. golite's approximation: each \
                 stack is its innermost frame only, with no addresses, in "<code>{in_go::FILE}</code>"."
            </p>
            {move || text().map(|t| {
                let clean = t.go_run.is_none() && t.goleak.is_none();
                view! {
                    {clean.then(|| view! {
                        <p class="in-go-clean" data-part="clean">
                            "go run prints nothing more: main returned and no goroutine is left                              for goleak to report."
                        </p>
                    })}
                    {t.go_run.map(|s| block("go run (stderr)", "go-run", s))}
                    {block("pprof goroutine profile (debug=1), at the end", "pprof", t.pprof)}
                    {t.goleak.map(|s| block("goleak.VerifyNone(t)", "goleak", s))}
                }
            })}
        </details>
    }
}
