//! The lesson page: title and claim, the parameter panel and control bar, the two programs side
//! by side (code with live badges, goroutine map, channel gauges, charts, output, verdict), and
//! the explanation.

use std::rc::Rc;

use leptos::context::Provider;
use leptos::prelude::*;
use lessons::catalog::Lesson;
use lessons::runtime::{Outcome, Snapshot};

use crate::browser;
use crate::embed::host_api;
use crate::embed::options::{self, EmbedOptions, Theme};
use crate::embed::share_dialog::ShareButtons;
use crate::i18n::{self, Lang, tr};
use crate::lesson::challenge_panel::{self, FixItLink};
use crate::lesson::control_bar::ControlBar;
use crate::lesson::controller::LessonController;
use crate::lesson::end_notice::{self, PastEnd};
use crate::lesson::go_version_switch::GoVersionSwitch;
use crate::lesson::keyboard::{self, Command};
use crate::lesson::narration_line::NarrationLine;
use crate::lesson::param_panel::ParamPanel;
use crate::lesson::race_switch::RaceSwitch;
use crate::lesson::text;
use crate::lesson::verdict_box::VerdictBox;
use crate::lesson::why_panel::WhyPanel;
use crate::nav::link::{LessonLink, Navigator};
use crate::nav::route::LessonState;
use crate::nav::visited;
use crate::panes::channel_gauges::ChannelGauges;
use crate::panes::charts::Charts;
use crate::panes::code_editor::CodeEditor;
use crate::panes::code_view::CodeView;
use crate::panes::connections::{self, Connections};
use crate::panes::goroutine_map::GoroutineMap;
use crate::panes::pick::Picker;
use crate::panes::race_marks::{self, RaceMarks};
use crate::playback::engine::{self, Side};
use crate::playback::verdict;
use crate::shell::challenge_page::ChallengePage;

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
    if challenge_panel::requested(&extra) {
        return view! { <ChallengePage lesson=lesson /> }.into_any();
    }
    let (opts, embed_notices) = options::parse(&extra);
    let ctl = LessonController::new(lesson, &state, extra);
    visited::mark(&lesson.slug);
    let past_end = PastEnd::provide();
    install_keyboard(ctl, past_end);
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
    let lang = i18n::use_lang();
    let title = move |l: &'static Lesson| i18n::title(l, lang.get());
    // On a phone one program shows at a time, picked by the tabs in the control bar.
    let tab = RwSignal::new(Side::Bad);
    scroll_into_view_on_play(ctl);
    view! {
        <main
            class="lesson-page"
            data-testid="lesson-page"
            data-slug=lesson.slug.as_str()
            data-rerun-ms=move || format!("{:.2}", ctl.rerun_ms.get())
            data-engine=move || ctl.runs_in.get().key()
        >
            <nav class="crumbs" aria-label=move || tr(lang.get(), "Lesson navigation")>
                <LessonLink slug=None class="home-link">{move || tr(lang.get(), "← All lessons")}</LessonLink>
                <span class="spacer keys">
                    <kbd>"space"</kbd>{move || tr(lang.get(), " play · ")}<kbd>"←"</kbd>" "<kbd>"→"</kbd>{move || tr(lang.get(), " step · ")}
                    <kbd>"p"</kbd>" "<kbd>"n"</kbd>{move || tr(lang.get(), " lesson")}
                </span>
                <FixItLink lesson=lesson />
                <LangSwitch on_pick=Callback::new(move |l: Lang| ctl.set_lang(l)) />
                {prev.map(|l| view! {
                    <LessonLink slug=Some(l.slug.as_str()) class="prev" title=Signal::derive(move || title(l))>
                        {move || tr(lang.get(), "← Previous")}<span class="neighbour">{move || format!(": {}", title(l))}</span>
                    </LessonLink>
                })}
                {next.map(|l| view! {
                    <LessonLink slug=Some(l.slug.as_str()) class="next" title=Signal::derive(move || title(l))>
                        {move || tr(lang.get(), "Next")}<span class="neighbour">{move || format!(": {}", title(l))}</span>" →"
                    </LessonLink>
                })}
            </nav>
            <header class="lesson-head">
                <p class="kicker">{move || i18n::kicker(lesson, lang.get())}</p>
                <h1 data-testid="lesson-title" lang=move || lang.get().key()>{move || title(lesson)}</h1>
                <p class="claim" inner_html=move || i18n::claim_html(lesson, lang.get())></p>
            </header>
            <Notices notices=embed_notices />
            <div class="params-bar">
                <ParamPanel ctl=ctl />
                <GoVersionSwitch ctl=ctl />
                <RaceSwitch ctl=ctl />
            </div>
            <div class="toolbar">
                <ControlBar ctl=ctl />
                <ShareButtons ctl=ctl />
                <SideTabs ctl=ctl tab=tab />
            </div>
            <NarrationLine ctl=ctl />
            <crate::lesson::find_schedule::FindSchedule ctl=ctl />
            <div class="sides" data-tab=move || tab.get().key()>
                <SidePanel ctl=ctl side=Side::Bad opts=opts.clone() />
                <SidePanel ctl=ctl side=Side::Good opts=opts />
            </div>
            <Explanation lesson=lesson />
        </main>
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
        let f = ctl.fragment();
        let tail = if f.is_empty() {
            String::new()
        } else {
            format!("#{f}")
        };
        format!("?{}{tail}", options::full_query(&ctl.query()))
    };
    let both = opts.sides[0] && opts.sides[1];
    let lang = i18n::use_lang();
    host_api::report_height();
    view! {
        <main
            class="lesson-page embedded"
            data-testid="lesson-page"
            data-embed="1"
            data-slug=lesson.slug.as_str()
            data-rerun-ms=move || format!("{:.2}", ctl.rerun_ms.get())
            data-engine=move || ctl.runs_in.get().key()
        >
            <Notices notices=notices />
            <header class="embed-head">
                <h1 data-testid="lesson-title">{move || i18n::title(lesson, lang.get())}</h1>
                <a class="open-full" href=full target="_blank" rel="noopener">{move || tr(lang.get(), "Open in the playground ↗")}</a>
            </header>
            <div class="toolbar">
                <ControlBar ctl=ctl />
                // The release the frame runs (`go=` in its URL fixes the start) and the switch.
                <GoVersionSwitch ctl=ctl />
                <RaceSwitch ctl=ctl />
            </div>
            <div class="sides" class:single=!both>
                {opts.sides[0].then(|| view! { <SidePanel ctl=ctl side=Side::Bad opts=opts.clone() /> })}
                {opts.sides[1].then(|| view! { <SidePanel ctl=ctl side=Side::Good opts=opts.clone() /> })}
            </div>
        </main>
    }
}

/// English / 中文: the whole interface's language, remembered and put in the URL.
#[component]
pub fn LangSwitch(
    /// Called with the language picked (after it is set and remembered).
    #[prop(optional)]
    on_pick: Option<Callback<Lang>>,
) -> impl IntoView {
    let lang = i18n::use_lang();
    let pick = move |l: Lang| {
        i18n::pick(lang, l);
        if let Some(f) = on_pick {
            f.run(l);
        }
    };
    view! {
        <div class="lang" role="group" aria-label=move || tr(lang.get(), "Language")>
            <button data-testid="lang-en" lang="en" aria-pressed=move || (lang.get() == Lang::En).to_string() on:click=move |_| pick(Lang::En)>"English"</button>
            <button data-testid="lang-zh" lang="zh" aria-label="中文 (Chinese)" aria-pressed=move || (lang.get() == Lang::Zh).to_string() on:click=move |_| pick(Lang::Zh)>"中文"</button>
        </div>
    }
}

/// Bad/good tabs (shown on a phone only), each with its side's verdict or where its run stands.
#[component]
fn SideTabs(ctl: LessonController, tab: RwSignal<Side>) -> impl IntoView {
    let lang = i18n::use_lang();
    let at_end = Memo::new(move |_| ctl.at_end());
    let status = move |side: Side| {
        let lang = lang.get();
        if ctl.running.get() {
            return tr(lang, "running…").to_string();
        }
        if at_end.get() {
            let harm = crate::catalog::harm(ctl.lesson);
            let edited = ctl.edits.with(|e| e[side.index()].is_some());
            return ctl
                .runs
                .with(|r| {
                    r.as_ref().map(|r| {
                        let reports = [&r.sides[0].report, &r.sides[1].report];
                        let zh = lang == Lang::Zh;
                        verdict::sentence(harm.as_ref(), reports, side == Side::Bad, edited, zh).0
                    })
                })
                .unwrap_or_default();
        }
        let n = ctl.snapshots[side.index()].with(|s| s.goroutines.len());
        i18n::goroutines_alive(n, lang)
    };
    view! {
        <div class="side-tabs" role="tablist" aria-label=move || tr(lang.get(), "Programs")>
            {Side::BOTH
                .into_iter()
                .map(|side| view! {
                    <button
                        role="tab"
                        class=format!("tab-{}", side.key())
                        data-testid=format!("tab-{}", side.key())
                        aria-selected=move || (tab.get() == side).to_string()
                        aria-controls=format!("side-{}", side.key())
                        on:click=move |_| tab.set(side)
                    >
                        <span class="file">{side.file()}</span>
                        <span class="tab-verdict">{move || status(side)}</span>
                    </button>
                })
                .collect_view()}
        </div>
    }
}

/// When playback starts with the programs partly below the fold (the page's head above them),
/// the page scrolls once so the sides start under the sticky control bar: what plays is then on
/// screen together. Not in an embed (the host page owns its scrolling).
fn scroll_into_view_on_play(ctl: LessonController) {
    let playing = Memo::new(move |_| ctl.cursor.get().playing);
    Effect::new(move |was: Option<bool>| {
        let now = playing.get();
        if now && was == Some(false) {
            browser::bring_sides_into_view();
        }
        now
    });
}

/// Problems with the embed options, shown in the frame.
#[component]
fn Notices(notices: Vec<String>) -> impl IntoView {
    (!notices.is_empty()).then(|| {
        view! {
            <div class="notice" role="alert" data-testid="notice">
                <ul>{notices.into_iter().map(|n| {
                    let lang = crate::i18n::use_lang();
                    view! { <li>{move || crate::nav::notice::in_lang(&n, lang.get())}</li> }
                }).collect_view()}</ul>
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
    // The most connections open at once, per end; None when the program never dialed.
    let net_peaks = Memo::new(move |_| {
        ctl.side_run(side, |r| connections::peaks(r.timeline.events()))
            .flatten()
    });
    // The most requests queued for a connection at once, per pool.
    let queue_peaks = Memo::new(move |_| {
        ctl.side_run(side, |r| connections::queue_peaks(r.timeline.events()))
            .unwrap_or_default()
    });
    let editing = RwSignal::new(false);
    let edited = Memo::new(move |_| ctl.edits.with(|e| e[side.index()].is_some()));
    // What this side's panes were asked "why is it stuck?" about; a new run starts unasked.
    // A Provider, not provide_context: both sides are siblings under one owner.
    let picker = Picker(RwSignal::new(None));
    Effect::new(move |_| {
        ctl.runs.track();
        picker.0.set(None);
    });
    // The races this side's run found, as badges on their lines; a click goes to the access.
    let races = RaceMarks {
        marks: Signal::derive(move || {
            ctl.side_run(side, |r| race_marks::marks(&r.report.races))
                .unwrap_or_default()
        }),
        jump: Callback::new(move |n: usize| {
            let bad = side == Side::Bad;
            let to = ctl.runs.with_untracked(|r| {
                r.as_ref()
                    .map(|r| race_marks::position_of(&r.lockstep, bad, n))
            });
            if let Some(k) = to {
                ctl.pause();
                ctl.seek(k);
            }
        }),
    };
    let (tag, blurb) = match side {
        Side::Bad => ("anti-pattern", "the bug as it ships"),
        Side::Good => ("fix", "the idiomatic fix"),
    };
    let lang = i18n::use_lang();
    // The output as the engine kept it, and what it printed in all once it was cut.
    let shown = Memo::new(move |_| {
        snapshot.with(|s| {
            let cut = s
                .output_truncated
                .then_some((s.output_lines as usize, s.output_bytes));
            (s.output.clone(), cut, s.outcome.is_some())
        })
    });
    view! {
        <Provider value=picker>
        <Provider value=races>
        <section
            class=format!("side side-{}", side.key())
            id=format!("side-{}", side.key())
            data-testid=format!("side-{}", side.key())
            aria-label=move || format!("{}: {}", side.file(), tr(lang.get(), blurb))
        >
            <header class="side-head">
                <h2>{side.file()}</h2>
                <span class=format!("tag tag-{}", side.key())>{move || tr(lang.get(), tag)}</span>
                {move || edited.get().then(|| view! {
                    <span class="tag tag-edited" data-testid=format!("edited-{}", side.key())>{tr(lang.get(), "edited")}</span>
                })}
                <Live ctl=ctl side=side snapshot=snapshot />
                {opts.shows("code").then(|| view! {
                    <EditButtons ctl=ctl side=side editing=editing edited=edited />
                })}
            </header>
            <VerdictBox ctl=ctl side=side />
            {move || (ctl.failed.get() == Some(side)).then(|| view! {
                <p class="engine-failed" role="alert" data-testid=format!("engine-failed-{}", side.key())>
                    {i18n::engine_failed(lang.get())}
                </p>
            })}
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
                    {opts.shows("channels").then(|| view! {
                        <Show when=move || net_peaks.with(Option::is_some)>
                            <Connections
                                side=side
                                snapshot=snapshot
                                peaks=Signal::derive(move || net_peaks.get().unwrap_or_default())
                                queue_peaks=queue_peaks
                            />
                        </Show>
                    })}
                </div>
            })}
            <WhyPanel ctl=ctl side=side snapshot=snapshot picker=picker />
            {opts.shows("charts").then(|| view! { <Charts side=side series=series scale=scale time_ns=time_ns now=now /> })}
            <div class="output" class:hidden=!opts.shows("output")>
                <h3>{move || tr(lang.get(), "Output")}</h3>
                <pre data-testid=format!("output-{}", side.key()) tabindex="0">
                    {move || {
                        shown.with(|(text, _, ended)| {
                            match (text.is_empty(), *ended) {
                                (false, _) => text.clone(),
                                (true, true) => tr(lang.get(), "(nothing printed)").to_string(),
                                (true, false) => tr(lang.get(), "(nothing printed yet)").to_string(),
                            }
                        })
                    }}
                </pre>
                {move || shown.with(|(_, cut, _)| *cut).map(|(lines, bytes)| view! {
                    <p class="truncated" data-testid=format!("output-truncated-{}", side.key()) role="status">
                        {i18n::output_truncated(
                            lessons::runtime::MAX_OUTPUT_LINES,
                            lines,
                            &crate::playback::player::format_bytes(bytes),
                            lang.get(),
                        )}
                    </p>
                })}
                {move || {
                    // The limit's reason is in the run's report; the events end without it.
                    let reason = ctl.side_run(side, |r| r.report.panic.clone()).unwrap_or_default();
                    snapshot
                        .with(|s| {
                            let msg = s.panic.as_deref().filter(|m| !m.is_empty()).unwrap_or(reason.as_str());
                            verdict::stderr(s.outcome, msg)
                        })
                        .map(|text| view! {
                            <pre class="stderr" data-testid=format!("stderr-{}", side.key()) aria-label=tr(lang.get(), "Standard error") tabindex="0">
                                {text}
                            </pre>
                        })
                }}
            </div>
        </section>
        </Provider>
        </Provider>
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
                aria-label=move || format!("{} {}", tr(crate::i18n::use_lang().get(), "Edit"), side.file())
                disabled=move || editing.get()
                on:click=move |_| editing.set(true)
            >
                {move || tr(crate::i18n::use_lang().get(), "Edit")}
            </button>
            {move || (edited.get() && !editing.get()).then(|| view! {
                <button
                    class="small"
                    data-testid=format!("revert-{}", side.key())
                    aria-label=move || format!("{} {}", tr(crate::i18n::use_lang().get(), "Revert"), side.file())
                    on:click=move |_| ctl.revert(side)
                >
                    {tr(crate::i18n::use_lang().get_untracked(), "Revert")}
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
    let lang = i18n::use_lang();
    view! {
        <span class="live" data-testid=format!("live-{}", side.key())>
            {move || {
                let lang = lang.get();
                snapshot.with(|s| {
                    format!(
                        "{} · {} {}",
                        i18n::goroutines_alive(s.goroutines.len(), lang),
                        if lang == Lang::Zh { "堆" } else { "heap" },
                        crate::playback::player::format_bytes(s.heap_bytes),
                    )
                })
            }}
        </span>
    }
}

/// The lesson's explanation, in English, or in Chinese when the lesson has it and it is chosen.
#[component]
fn Explanation(lesson: &'static Lesson) -> impl IntoView {
    let lang = i18n::use_lang();
    let zh = move || lang.get() == Lang::Zh;
    // The page shows a lesson only once its text was fetched (shell::app::LessonLoader).
    let text = text::loaded(&lesson.slug);
    let en_html = text.map_or("", |t| t.explain_en);
    let zh_html = text.and_then(|t| t.explain_zh);
    let has_zh = zh_html.is_some();
    let html = move || {
        if zh() && has_zh {
            zh_html.unwrap_or(en_html)
        } else {
            en_html
        }
    };
    view! {
        <article class="explanation" data-testid="explanation">
            <div class="explain-head">
                <h2>{move || tr(lang.get(), "Why it goes wrong, and the fix")}</h2>
            </div>
            <div class="prose" lang=move || if zh() && has_zh { "zh" } else { "en" } inner_html=html></div>
        </article>
    }
}

/// Space plays or pauses, the arrows step, n and p go to the next and previous lesson; keys
/// typed into a field or pressed on a control keep their usual meaning (see [`keyboard`]).
fn install_keyboard(ctl: LessonController, past_end: PastEnd) {
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
        // Esc belongs to dialogs and the editor unless a run is in progress.
        if cmd == Command::Stop && !ctl.running.get_untracked() {
            return;
        }
        ev.prevent_default();
        match cmd {
            Command::Stop => ctl.stop(),
            Command::Toggle => ctl.toggle(),
            Command::Step => end_notice::step(ctl, past_end),
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
