//! The lesson page: title and claim, the parameter panel and control bar, the two programs side
//! by side (code with live badges, goroutine map, channel gauges, charts, output, verdict), and
//! the explanation.

use std::rc::Rc;

use leptos::prelude::*;
use lessons::catalog::Lesson;
use lessons::runtime::{Outcome, Snapshot};

use crate::browser;
use crate::catalog;
use crate::embed::host_api;
use crate::embed::options::{self, EmbedOptions, Theme};
use crate::embed::share_dialog::ShareButtons;
use crate::lesson::control_bar::ControlBar;
use crate::lesson::controller::LessonController;
use crate::lesson::keyboard::{self, Command};
use crate::lesson::param_panel::ParamPanel;
use crate::lesson::text;
use crate::nav::link::{LessonLink, Navigator};
use crate::nav::route::LessonState;
use crate::nav::visited;
use crate::panes::channel_gauges::ChannelGauges;
use crate::panes::charts::Charts;
use crate::panes::code_editor::CodeEditor;
use crate::panes::code_view::CodeView;
use crate::panes::goroutine_map::GoroutineMap;
use crate::playback::engine::{self, Side};
use crate::playback::verdict;

/// One lesson at one state.
#[component]
pub fn LessonPage(
    /// The lesson shown.
    lesson: &'static Lesson,
    /// Parameters, seed and step from the URL.
    state: LessonState,
    /// URL keys the lesson page does not use, kept when it rewrites the URL.
    extra: Vec<(String, String)>,
) -> impl IntoView {
    let (opts, embed_notices) = options::parse(&extra);
    let ctl = LessonController::new(lesson, &state, extra);
    visited::mark(&lesson.slug);
    install_keyboard(ctl);
    host_api::install(ctl);
    apply_theme(opts.theme);
    if opts.autoplay && !browser::prefers_reduced_motion() {
        // Once, when the first run is ready.
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) {
                return true;
            }
            let ready = ctl.runs.with(|r| r.is_some());
            if ready {
                ctl.play();
            }
            ready
        });
    }
    if opts.enabled {
        return view! { <EmbedView ctl=ctl opts=opts notices=embed_notices /> }.into_any();
    }
    let all = crate::catalog::all();
    let index = all.iter().position(|l| l.slug == lesson.slug);
    let prev = index
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| all.get(i));
    let next = index.and_then(|i| all.get(i + 1));
    view! {
        <div
            class="lesson-page"
            data-testid="lesson-page"
            data-slug=lesson.slug.as_str()
            data-rerun-ms=move || format!("{:.2}", ctl.rerun_ms.get())
        >
            <nav class="crumbs" aria-label="Lesson navigation">
                <LessonLink slug=None class="home-link">"← All lessons"</LessonLink>
                <span class="spacer keys">
                    <kbd>"space"</kbd>" play · "<kbd>"←"</kbd>" "<kbd>"→"</kbd>" step · "
                    <kbd>"p"</kbd>" "<kbd>"n"</kbd>" lesson"
                </span>
                {prev.map(|l| view! {
                    <LessonLink slug=Some(l.slug.as_str()) class="prev" title=l.title.clone()>
                        "← Previous"<span class="neighbour">{format!(": {}", l.title)}</span>
                    </LessonLink>
                })}
                {next.map(|l| view! {
                    <LessonLink slug=Some(l.slug.as_str()) class="next" title=l.title.clone()>
                        "Next"<span class="neighbour">{format!(": {}", l.title)}</span>" →"
                    </LessonLink>
                })}
            </nav>
            <header class="lesson-head">
                <p class="kicker">{format!("Lesson {} · {}", lesson.number, lesson.chapter)}</p>
                <h1 data-testid="lesson-title">{lesson.title.as_str()}</h1>
                <p class="claim" inner_html=catalog::shipped(lesson).claim_html></p>
            </header>
            <Notices notices=embed_notices />
            <div class="toolbar">
                <ParamPanel ctl=ctl />
                <ControlBar ctl=ctl />
                <ShareButtons ctl=ctl />
            </div>
            <div class="sides">
                <SidePanel ctl=ctl side=Side::Bad opts=opts.clone() />
                <SidePanel ctl=ctl side=Side::Good opts=opts />
            </div>
            <Explanation lesson=lesson />
        </div>
    }
    .into_any()
}

/// The compact view for an `<iframe>` (`?embed=1`): the title, the control bar, and the chosen
/// panes of the chosen sides; a link opens the full playground.
#[component]
fn EmbedView(ctl: LessonController, opts: EmbedOptions, notices: Vec<String>) -> impl IntoView {
    let lesson = ctl.lesson;
    let full = move || {
        ctl.cursor.track();
        ctl.params.track();
        ctl.seed.track();
        ctl.runs.track();
        format!("?{}", options::full_query(&ctl.query()))
    };
    let both = opts.sides[0] && opts.sides[1];
    view! {
        <div
            class="lesson-page embedded"
            data-testid="lesson-page"
            data-embed="1"
            data-slug=lesson.slug.as_str()
            data-rerun-ms=move || format!("{:.2}", ctl.rerun_ms.get())
        >
            <Notices notices=notices />
            <header class="embed-head">
                <h1 data-testid="lesson-title">{lesson.title.as_str()}</h1>
                <a class="open-full" href=full target="_blank" rel="noopener">"Open in the playground ↗"</a>
            </header>
            <div class="toolbar">
                <ControlBar ctl=ctl />
            </div>
            <div class="sides" class:single=!both>
                {opts.sides[0].then(|| view! { <SidePanel ctl=ctl side=Side::Bad opts=opts.clone() /> })}
                {opts.sides[1].then(|| view! { <SidePanel ctl=ctl side=Side::Good opts=opts.clone() /> })}
            </div>
        </div>
    }
}

/// Problems with the embed options, shown in the frame.
#[component]
fn Notices(notices: Vec<String>) -> impl IntoView {
    (!notices.is_empty()).then(|| {
        view! {
            <div class="notice" role="alert" data-testid="notice">
                <ul>{notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </div>
        }
    })
}

/// Forces a light or dark theme on the whole document (an embed option).
fn apply_theme(theme: Theme) {
    let Some(root) = leptos::web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = match theme.attr() {
        Some(t) => root.set_attribute("data-theme", t),
        None => root.remove_attribute("data-theme"),
    };
}

/// One program with everything drawn from its run.
#[component]
fn SidePanel(ctl: LessonController, side: Side, opts: EmbedOptions) -> impl IntoView {
    let snapshot: Signal<Rc<Snapshot>, LocalStorage> = ctl.snapshots[side.index()].into();
    let series = Signal::derive_local(move || {
        ctl.runs
            .with(|r| r.as_ref().map(|r| r.series[side.index()].clone()))
            .unwrap_or_default()
    });
    let scale = Signal::derive(move || {
        ctl.runs
            .with(|r| r.as_ref().map(|r| r.scale))
            .unwrap_or_default()
    });
    let time_ns = Signal::derive(move || ctl.cursor.get().clock_ns);
    let now = Signal::derive(move || {
        snapshot.with(|s| {
            (
                u32::try_from(s.goroutines.len()).unwrap_or(u32::MAX),
                s.heap_bytes,
            )
        })
    });
    // The code on screen is the code that runs: the marked constants carry the slider values.
    let source = Memo::new(move |_| {
        let src = ctl.source(side);
        let values = engine::params_for(&src, &ctl.param_values());
        lessons::catalog::apply_params(&src, &values).unwrap_or(src)
    });
    let compile_error = Signal::derive(move || {
        ctl.side_run(side, |r| {
            (r.report.outcome == Outcome::CompileError)
                .then(|| verdict::compile_error_at(&r.report.panic))
                .flatten()
                .map(|(line, text)| (line, text.to_string()))
        })
        .flatten()
    });
    let editing = RwSignal::new(false);
    let edited = Memo::new(move |_| ctl.edits.with(|e| e[side.index()].is_some()));
    let (tag, blurb) = match side {
        Side::Bad => ("anti-pattern", "the bug as it ships"),
        Side::Good => ("fix", "the idiomatic fix"),
    };
    view! {
        <section
            class=format!("side side-{}", side.key())
            data-testid=format!("side-{}", side.key())
            aria-label=format!("{}: {}", side.file(), blurb)
        >
            <header class="side-head">
                <h2>{side.file()}</h2>
                <span class=format!("tag tag-{}", side.key())>{tag}</span>
                {move || edited.get().then(|| view! {
                    <span class="tag tag-edited" data-testid=format!("edited-{}", side.key())>"edited"</span>
                })}
                <Live ctl=ctl side=side snapshot=snapshot />
                {opts.shows("code").then(|| view! {
                    <EditButtons ctl=ctl side=side editing=editing edited=edited />
                })}
            </header>
            <Verdict ctl=ctl side=side />
            {opts.shows("code").then(|| view! {
                <Show
                    when=move || editing.get()
                    fallback=move || view! {
                        <CodeView side=side source=source snapshot=snapshot error=compile_error />
                    }
                >
                    {move || {
                        let opened = source.get_untracked();
                        view! {
                            <CodeEditor
                                side=side
                                initial=opened.clone()
                                on_run=Callback::new(move |text: String| {
                                    editing.set(false);
                                    ctl.run_edit(side, &opened, text);
                                })
                                on_cancel=Callback::new(move |()| editing.set(false))
                            />
                        }
                    }}
                </Show>
            })}
            {(opts.shows("goroutines") || opts.shows("channels")).then(|| view! {
                <div class="viz">
                    {opts.shows("goroutines").then(|| view! { <GoroutineMap side=side snapshot=snapshot /> })}
                    {opts.shows("channels").then(|| view! { <ChannelGauges side=side snapshot=snapshot /> })}
                </div>
            })}
            {opts.shows("charts").then(|| view! { <Charts side=side series=series scale=scale time_ns=time_ns now=now /> })}
            <div class="output" class:hidden=!opts.shows("output")>
                <h3>"Output"</h3>
                <pre data-testid=format!("output-{}", side.key())>
                    {move || {
                        let out = snapshot.with(|s| s.output.clone());
                        if out.is_empty() { "(nothing printed yet)".to_string() } else { out }
                    }}
                </pre>
                {move || {
                    snapshot
                        .with(|s| verdict::stderr(s.outcome, s.panic.as_deref().unwrap_or_default()))
                        .map(|text| view! {
                            <pre class="stderr" data-testid=format!("stderr-{}", side.key()) aria-label="Standard error">
                                {text}
                            </pre>
                        })
                }}
            </div>
        </section>
    }
}

/// Edit opens the program in a text box; Revert, shown once it was edited, brings back the
/// lesson's own file.
#[component]
fn EditButtons(
    ctl: LessonController,
    side: Side,
    editing: RwSignal<bool>,
    edited: Memo<bool>,
) -> impl IntoView {
    view! {
        <span class="edit-buttons">
            <button
                class="small"
                data-testid=format!("edit-{}", side.key())
                aria-label=format!("Edit {}", side.file())
                disabled=move || editing.get()
                on:click=move |_| editing.set(true)
            >
                "Edit"
            </button>
            {move || (edited.get() && !editing.get()).then(|| view! {
                <button
                    class="small"
                    data-testid=format!("revert-{}", side.key())
                    aria-label=format!("Revert {} to the lesson's code", side.file())
                    on:click=move |_| ctl.revert(side)
                >
                    "Revert"
                </button>
            })}
        </span>
    }
}

/// The live counters in a side's header: goroutines alive and the modeled heap, at the cursor.
#[component]
fn Live(
    ctl: LessonController,
    side: Side,
    snapshot: Signal<Rc<Snapshot>, LocalStorage>,
) -> impl IntoView {
    let _ = ctl;
    view! {
        <span class="live" data-testid=format!("live-{}", side.key())>
            {move || {
                snapshot.with(|s| {
                    format!(
                        "{} goroutine{} · heap {}",
                        s.goroutines.len(),
                        if s.goroutines.len() == 1 { "" } else { "s" },
                        crate::playback::player::format_bytes(s.heap_bytes),
                    )
                })
            }}
        </span>
    }
}

/// The verdict in plain words once the cursor is at the end, else where the run stands.
#[component]
fn Verdict(ctl: LessonController, side: Side) -> impl IntoView {
    // Re-evaluated only when the answer changes, not on every cursor move of playback.
    let at_end = Memo::new(move |_| ctl.at_end());
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
                let (headline, tone) = verdict::headline(&report);
                let leaks = report.leaked.clone();
                let many = leaks.len() > 1;
                view! {
                    <p class=format!("verdict tone-{}", tone.key()) data-outcome=report.outcome.as_str()>
                        {headline}
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
                }
                    .into_any()
            }}
        </div>
    }
}

/// The lesson's explanation, in English, or in Chinese when the lesson has it and it is chosen.
#[component]
fn Explanation(lesson: &'static Lesson) -> impl IntoView {
    let zh = RwSignal::new(false);
    // The page shows a lesson only once its text was fetched (shell::app::LessonLoader).
    let text = text::loaded(&lesson.slug);
    let en_html = text.map_or("", |t| t.explain_en);
    let zh_html = text.and_then(|t| t.explain_zh);
    let has_zh = zh_html.is_some();
    let html = move || {
        if zh.get() {
            zh_html.unwrap_or(en_html)
        } else {
            en_html
        }
    };
    view! {
        <article class="explanation" data-testid="explanation">
            <div class="explain-head">
                <h2>"Why it goes wrong, and the fix"</h2>
                {has_zh.then(|| view! {
                    <div class="lang" role="group" aria-label="Language">
                        <button aria-pressed=move || (!zh.get()).to_string() on:click=move |_| zh.set(false)>"English"</button>
                        <button lang="zh" aria-label="中文 (Chinese)" aria-pressed=move || zh.get().to_string() on:click=move |_| zh.set(true)>"中文"</button>
                    </div>
                })}
            </div>
            <div class="prose" lang=move || if zh.get() { "zh" } else { "en" } inner_html=html></div>
        </article>
    }
}

/// Space plays or pauses, the arrows step, n and p go to the next and previous lesson; keys
/// typed into a field or pressed on a control keep their usual meaning (see [`keyboard`]).
fn install_keyboard(ctl: LessonController) {
    let nav = use_context::<Navigator>();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let el = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<leptos::web_sys::Element>(t).ok());
        let focus = el
            .map(|e| {
                let kind = e.get_attribute("type").unwrap_or_default();
                keyboard::Focus::of(&e.tag_name(), &kind)
            })
            .unwrap_or(keyboard::Focus::Page);
        let Some(cmd) = keyboard::command(&ev.key(), focus) else {
            return;
        };
        ev.prevent_default();
        match cmd {
            Command::Toggle => ctl.toggle(),
            Command::Step => ctl.step(),
            Command::StepBack => ctl.step_back(),
            Command::NextLesson | Command::PreviousLesson => {
                let all = crate::catalog::all();
                let i = all.iter().position(|l| l.slug == ctl.lesson.slug);
                let target = match (cmd, i) {
                    (Command::NextLesson, Some(i)) => all.get(i + 1),
                    (_, Some(i)) => i.checked_sub(1).and_then(|i| all.get(i)),
                    _ => None,
                };
                if let (Some(l), Some(nav)) = (target, nav) {
                    nav.open_lesson(&l.slug);
                }
            }
        }
    });
    on_cleanup(move || handle.remove());
}
