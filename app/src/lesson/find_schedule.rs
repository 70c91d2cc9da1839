//! "Find a failing schedule" (issue 21): searches schedules of the bad program (the lesson's or
//! the learner's edit) with `lessons::explore` ([`crate::playback::search`]) in the engine's
//! worker (`app/src/worker.rs`), or where none starts in the page, a slice of steps per
//! animation frame, and loads the first failing run into the player with its seed and schedule
//! (`seed` and `sched` in the URL, so the address is the link to that run). "Stop searching"
//! ends it.

use leptos::prelude::*;

use crate::browser;
use crate::i18n::Lang;
use crate::lesson::controller::LessonController;
use crate::playback::engine::{self, Side};
use crate::playback::search::{BUDGET, FoundRun, Search, SearchRequest, Searched};
use crate::playback::wire::{WorkDone, WorkRequest};
use crate::worker::{self, Answer};

/// Wall milliseconds of search per animation frame, in the page.
const FRAME_MS: f64 = 10.0;
/// Interpreter steps between looks at the clock.
const STEPS_PER_CHECK: u64 = 20_000;
/// How long a Stop waits for the worker before ending it (as a run's Stop).
const STOP_GRACE_MS: u32 = 700;

/// Where a search stands.
#[derive(Clone, Debug)]
enum Status {
    Idle,
    Searching { tried: usize },
    Found(Box<FoundRun>, f64),
    NoFailure { tried: usize, ms: f64 },
    Error(String),
}

fn t(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// The button and what the last search found.
#[component]
pub fn FindSchedule(ctl: LessonController) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let status = RwSignal::new_local(Status::Idle);
    let search = StoredValue::new_local(None::<(Search, f64, u64)>);
    let generation = StoredValue::new(0u64);
    // Where the last search ran: `worker` or `page` (for tests and the curious).
    let engine = RwSignal::new("");
    // A run of the player (a new parameter, seed or edit) ends the search: the worker takes one
    // request at a time, and two golite runs must not take turns on the page's thread.
    Effect::new(move |_| {
        if ctl.running.get() && status.with_untracked(|s| matches!(s, Status::Searching { .. })) {
            generation.update_value(|g| *g += 1);
            search.set_value(None);
            status.set(Status::Idle);
        }
    });
    let ended = move |done: Searched, spent: f64| match done {
        Searched::Found(f) => {
            let (seed, sched) = (f.seed, f.schedule.clone());
            status.set(Status::Found(Box::new(f), spent));
            ctl.load_found(seed, sched);
        }
        Searched::NoFailure { tried } => status.set(Status::NoFailure { tried, ms: spent }),
        Searched::Error(e) => status.set(Status::Error(e)),
    };
    fn pump(
        search: StoredValue<Option<(Search, f64, u64)>, LocalStorage>,
        status: RwSignal<Status, LocalStorage>,
        ended: impl Fn(Searched, f64) + Copy + 'static,
        gen_now: u64,
    ) {
        let start = browser::now_ms();
        let mut result = None;
        let mut tried = 0;
        let mut spent = 0.0;
        let alive = search.try_update_value(|s| {
            let Some((ex, ms, _)) = s.as_mut().filter(|(_, _, g)| *g == gen_now) else {
                return false;
            };
            while result.is_none() && browser::now_ms() - start < FRAME_MS {
                result = ex.work(STEPS_PER_CHECK).cloned();
            }
            *ms += browser::now_ms() - start;
            spent = *ms;
            tried = ex.tried();
            true
        });
        if alive != Some(true) {
            return;
        }
        match result {
            None => {
                status.set(Status::Searching { tried });
                request_animation_frame(move || pump(search, status, ended, gen_now));
            }
            Some(done) => {
                search.set_value(None);
                ended(done, spent);
            }
        }
    }
    let start = move || {
        let src = ctl.source(Side::Bad);
        let req = SearchRequest {
            params: engine::params_for(&src, &ctl.param_values()),
            src,
            seed: ctl.seed.get_untracked(),
            preempt_every: ctl.lesson.preempt_every,
        };
        let g = generation.get_value() + 1;
        generation.set_value(g);
        status.set(Status::Searching { tried: 0 });
        engine.set(if worker::available() {
            "worker"
        } else {
            "page"
        });
        if worker::available() {
            let started = browser::now_ms();
            worker::work(WorkRequest::Search(req), move |answer| {
                if generation.try_get_value() != Some(g) {
                    return;
                }
                match answer {
                    Answer::Working { part, .. } => status.set(Status::Searching {
                        tried: part as usize,
                    }),
                    Answer::Done(done) => {
                        if let WorkDone::Searched(done) = *done {
                            ended(done, browser::now_ms() - started);
                        }
                    }
                    Answer::Stopped => status.set(Status::Idle),
                    Answer::Failed => status.set(Status::Error(
                        "the playground's engine failed on this program".to_string(),
                    )),
                    Answer::Progress { .. } | Answer::Finished(..) => {}
                }
            });
            return;
        }
        search.set_value(Some((Search::new(&req), 0.0, g)));
        request_animation_frame(move || pump(search, status, ended, g));
    };
    let stop = move || {
        generation.update_value(|g| *g += 1);
        search.set_value(None);
        status.set(Status::Idle);
        worker::stop_or_kill(STOP_GRACE_MS, || {});
    };
    let searching = move || status.with(|s| matches!(s, Status::Searching { .. }));
    let message = move || {
        let l = lang.get();
        status.with(|s| match s {
            Status::Idle => String::new(),
            Status::Searching { tried } => match l {
                Lang::En => format!("Trying schedules… {tried} of {BUDGET}"),
                Lang::Zh => format!("正在尝试调度… {tried} / {BUDGET}"),
            },
            Status::Found(f, ms) => {
                // Go's message on one line, ending with one stop (`deadlock!` has its own).
                let text = match l {
                    Lang::En => f.en.clone(),
                    Lang::Zh => f.zh.clone(),
                };
                let mut what = text.lines().next().unwrap_or("").to_string();
                if !what.ends_with(['!', '.', '。']) {
                    what.push_str(if l == Lang::Zh { "。" } else { "." });
                }
                let how = match (&f.schedule, l) {
                    (None, Lang::En) => format!("seed {} in Go's order", f.seed),
                    (None, Lang::Zh) => format!("种子 {}，Go 的默认顺序", f.seed),
                    (Some(s), Lang::En) => format!(
                        "seed {} and a schedule of {} decisions",
                        f.seed,
                        lessons::runtime::parse_schedule(s).map_or(0, |v| v.len())
                    ),
                    (Some(s), Lang::Zh) => format!(
                        "种子 {}，{} 次调度决定",
                        f.seed,
                        lessons::runtime::parse_schedule(s).map_or(0, |v| v.len())
                    ),
                };
                match l {
                    Lang::En => format!(
                        "Schedule {} fails ({:.0} ms): {what} bad.go now shows that run ({how}); the address bar links to it.",
                        f.tried,
                        ms,
                    ),
                    Lang::Zh => format!(
                        "第 {} 个调度失败（{:.0} 毫秒）：{what} bad.go 现在显示这次运行（{how}）；地址栏就是它的链接。",
                        f.tried,
                        ms,
                    ),
                }
            }
            Status::NoFailure { tried, ms } => match l {
                Lang::En => format!("{tried} schedules, no failure ({ms:.0} ms)."),
                Lang::Zh => format!("{tried} 个调度，没有失败（{ms:.0} 毫秒）。"),
            },
            Status::Error(e) => e.clone(),
        })
    };
    let found = move || status.with(|s| matches!(s, Status::Found(..)));
    view! {
        <div class="find-schedule" data-testid="find-schedule" data-engine=move || engine.get()>
            <button
                type="button"
                data-testid="find-schedule-button"
                disabled=move || ctl.running.get()
                on:click=move |_| if searching() { stop() } else { start() }
            >
                {move || if searching() {
                    t(lang.get(), "Stop searching", "停止搜索")
                } else {
                    t(lang.get(), "Find a failing schedule", "寻找失败的调度")
                }}
            </button>
            <span class="find-schedule-msg" class:found=found role="status" data-testid="find-schedule-status">
                {message}
            </span>
        </div>
    }
}
