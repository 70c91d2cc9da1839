//! "Find a failing schedule" (issue 21): searches schedules of the bad program (the lesson's or
//! the learner's edit) with `lessons::explore`, a slice of steps per animation frame so the
//! page stays responsive, and loads the first failing run into the player with its seed and
//! schedule (`seed` and `sched` in the URL, so the address is the link to that run).

use leptos::prelude::*;
use lessons::explore::{Explored, Explorer, Found};
use lessons::golite::{self, RunOptions};

use crate::browser;
use crate::i18n::Lang;
use crate::lesson::controller::LessonController;
use crate::playback::engine::{self, Side};

/// Schedules tried at most per search.
pub const BUDGET: usize = 300;
/// Wall milliseconds of search per animation frame.
const FRAME_MS: f64 = 10.0;
/// Interpreter steps between looks at the clock.
const STEPS_PER_CHECK: u64 = 20_000;

/// Where a search stands.
#[derive(Clone, Debug)]
enum Status {
    Idle,
    Searching { tried: usize },
    Found(Box<Found>, f64),
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
    let search = StoredValue::new_local(None::<(Explorer, f64, u64)>);
    let generation = StoredValue::new(0u64);
    // A run of the player (a new parameter, seed or edit) ends the search: two golite runs
    // must not take turns on one thread (see `playback::engine`).
    Effect::new(move |_| {
        if ctl.running.get() && search.with_value(|s| s.is_some()) {
            search.set_value(None);
            status.set(Status::Idle);
        }
    });
    fn pump(
        search: StoredValue<Option<(Explorer, f64, u64)>, LocalStorage>,
        status: RwSignal<Status, LocalStorage>,
        ctl: LessonController,
        gen_now: u64,
    ) {
        let start = browser::now_ms();
        let mut result = None;
        let mut tried = 0;
        let alive = search.try_update_value(|s| {
            let Some((ex, spent, g)) = s.as_mut().filter(|(_, _, g)| *g == gen_now) else {
                return false;
            };
            let _ = g;
            while browser::now_ms() - start < FRAME_MS {
                match ex.step(STEPS_PER_CHECK) {
                    Explored::Running => {}
                    done => {
                        result = Some(done);
                        break;
                    }
                }
            }
            *spent += browser::now_ms() - start;
            tried = ex.tried();
            true
        });
        if alive != Some(true) {
            return;
        }
        let spent = search.with_value(|s| s.as_ref().map_or(0.0, |(_, ms, _)| *ms));
        match result {
            None => {
                status.set(Status::Searching { tried });
                request_animation_frame(move || pump(search, status, ctl, gen_now));
            }
            Some(done) => {
                search.set_value(None);
                match done {
                    Explored::Found(f) => {
                        let (seed, sched) = (f.seed, f.schedule.clone());
                        status.set(Status::Found(f, spent));
                        ctl.load_found(seed, sched);
                    }
                    Explored::Exhausted { tried } => {
                        status.set(Status::NoFailure { tried, ms: spent })
                    }
                    Explored::Running => {}
                }
            }
        }
    }
    let start = move || {
        let src = ctl.source(Side::Bad);
        let params = engine::params_for(&src, &ctl.param_values());
        let program = match golite::compile("bad.go", &src, &params) {
            Ok(p) => p,
            Err(e) => {
                status.set(Status::Error(format!("bad.go:{}: {}", e.line, e.msg)));
                return;
            }
        };
        let base = RunOptions {
            seed: ctl.seed.get_untracked(),
            params,
            preempt_every: ctl.lesson.preempt_every,
            race: true,
            ..RunOptions::default()
        };
        let g = generation.get_value() + 1;
        generation.set_value(g);
        search.set_value(Some((Explorer::new(program, base, BUDGET), 0.0, g)));
        status.set(Status::Searching { tried: 0 });
        request_animation_frame(move || pump(search, status, ctl, g));
    };
    let stop = move || {
        search.set_value(None);
        status.set(Status::Idle);
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
                    Lang::En => f.failure.describe(),
                    Lang::Zh => f.failure.describe_zh(),
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
        <div class="find-schedule" data-testid="find-schedule">
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
