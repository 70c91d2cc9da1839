//! "Find a failing schedule" (issue 21): searches schedules of the bad program (the lesson's or
//! the learner's edit), then of the good one, with `lessons::explore`
//! ([`crate::playback::search`]) in the engine's worker (`app/src/worker.rs`), or where none
//! starts in the page, a slice of steps per animation frame. The first failing run of bad.go is
//! loaded into the player at once with its seed and schedule (`seed` and `sched` in the URL, so
//! the address is the link to that run); once the player has run it, good.go is searched, and
//! the message says whether it survived every schedule tried. "Stop searching" or Esc ends it.

use leptos::prelude::*;

use crate::browser;
use crate::i18n::Lang;
use crate::lesson::controller::LessonController;
use crate::playback::engine::{self, Side};
use crate::playback::search::{BUDGET, Program, Search, SearchRequest, Searched};
use crate::playback::wire::{WorkDone, WorkRequest};
use crate::worker::{self, Answer};

/// Wall milliseconds of search per animation frame, in the page.
const FRAME_MS: f64 = 10.0;
/// Interpreter steps between looks at the clock.
const STEPS_PER_CHECK: u64 = 20_000;
/// How long a Stop waits for the worker before ending it (as a run's Stop).
const STOP_GRACE_MS: u32 = 700;

/// Where a search stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Status {
    Idle,
    /// Searching program `i` (bad.go, good.go), `tried` schedules of it so far.
    Searching {
        i: usize,
        tried: usize,
    },
    /// bad.go's failing run is loading into the player; good.go is searched once it ran.
    Loading,
    Done,
}

fn t(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// The programs a search goes through: bad.go, then good.go, as the player runs them.
fn programs(ctl: &LessonController) -> Vec<Program> {
    Side::BOTH
        .into_iter()
        .map(|side| {
            let src = ctl.source(side);
            Program {
                file: side.file().to_string(),
                params: engine::params_for(&src, &ctl.param_values()),
                src,
            }
        })
        .collect()
}

/// Go's message on one line, ending with one stop (`deadlock!` has its own).
fn one_line(text: &str, l: Lang) -> String {
    let mut what = text.lines().next().unwrap_or("").to_string();
    if !what.ends_with(['!', '.', '。']) {
        what.push_str(if l == Lang::Zh { "。" } else { "." });
    }
    what
}

/// What the search of `file` found, as the page says it.
fn said(file: &str, done: &Searched, ms: f64, l: Lang) -> String {
    match done {
        Searched::Found(f) if file == "bad.go" => {
            let what = one_line(if l == Lang::Zh { &f.zh } else { &f.en }, l);
            let decisions = f
                .schedule
                .as_deref()
                .map(|s| lessons::runtime::parse_schedule(s).map_or(0, |v| v.len()));
            let how = match (decisions, l) {
                (None, Lang::En) => format!("seed {} in Go's order", f.seed),
                (None, Lang::Zh) => format!("种子 {}，Go 的默认顺序", f.seed),
                (Some(n), Lang::En) => format!("seed {} and a schedule of {n} decisions", f.seed),
                (Some(n), Lang::Zh) => format!("种子 {}，{n} 次调度决定", f.seed),
            };
            match l {
                Lang::En => format!(
                    "Schedule {} fails ({ms:.0} ms): {what} bad.go now shows that run ({how}); the address bar links to it.",
                    f.tried,
                ),
                Lang::Zh => format!(
                    "第 {} 个调度失败（{ms:.0} 毫秒）：{what} bad.go 现在显示这次运行（{how}）；地址栏就是它的链接。",
                    f.tried,
                ),
            }
        }
        Searched::Found(f) => {
            let what = one_line(if l == Lang::Zh { &f.zh } else { &f.en }, l);
            match l {
                Lang::En => format!(
                    "{file} fails too, at schedule {} (seed {}): {what}",
                    f.tried, f.seed
                ),
                Lang::Zh => format!(
                    "{file} 也会失败：第 {} 个调度（种子 {}）：{what}",
                    f.tried, f.seed
                ),
            }
        }
        // The anti-pattern of a lesson whose harm is a measure (a spinning loop, memory held)
        // fails no schedule: say what was looked for, so "no failure" does not read as "no bug".
        Searched::NoFailure { tried } if file == "bad.go" => match l {
            Lang::En => format!(
                "{file}: {tried} schedules, none deadlocked, panicked, raced, leaked or printed something else ({ms:.0} ms): its harm is what the verdict measures."
            ),
            Lang::Zh => format!(
                "{file}：{tried} 个调度，没有死锁、panic、数据竞争、泄漏或不同的输出（{ms:.0} 毫秒）：它的危害就是结论里量出来的那些。"
            ),
        },
        Searched::NoFailure { tried } => match l {
            Lang::En => format!("{file}: {tried} schedules, no failure ({ms:.0} ms)."),
            Lang::Zh => format!("{file}：{tried} 个调度，没有失败（{ms:.0} 毫秒）。"),
        },
        Searched::Error(e) => e.clone(),
    }
}

/// The button and what the last search found.
#[component]
pub fn FindSchedule(ctl: LessonController) -> impl IntoView {
    let lang = crate::i18n::use_lang();
    let status = RwSignal::new(Status::Idle);
    // How the search of each program so far ended, and the wall milliseconds it took.
    let results = RwSignal::new_local(Vec::<(Searched, f64)>::new());
    // The program to search next, once the player is not running.
    let next = RwSignal::new(None::<usize>);
    let search = StoredValue::new_local(None::<(Search, f64, u64)>);
    let generation = StoredValue::new(0u64);
    // When the current program's search began.
    let began = StoredValue::new(0.0f64);
    // Where the last search ran: `worker` or `page` (for tests and the curious).
    let engine = RwSignal::new("");
    // A run of the player (a new parameter, seed or edit) ends the search: the worker takes one
    // request at a time, and two golite runs must not take turns on the page's thread.
    Effect::new(move |_| {
        if ctl.running.get() && matches!(status.get_untracked(), Status::Searching { .. }) {
            generation.update_value(|g| *g += 1);
            search.set_value(None);
            next.set(None);
            status.set(Status::Idle);
        }
    });
    let ended = move |i: usize, done: Searched| {
        let ms = browser::now_ms() - began.get_value();
        let found = match &done {
            Searched::Found(f) if i == 0 => Some((f.seed, f.schedule.clone())),
            _ => None,
        };
        results.update(|r| r.push((done, ms)));
        if i + 1 >= Side::BOTH.len() {
            status.set(Status::Done);
            return;
        }
        if let Some((seed, schedule)) = found {
            status.set(Status::Loading);
            ctl.load_found(seed, schedule);
        }
        next.set(Some(i + 1));
    };
    fn pump(
        search: StoredValue<Option<(Search, f64, u64)>, LocalStorage>,
        status: RwSignal<Status>,
        ended: impl Fn(usize, Searched) + Copy + 'static,
        i: usize,
        gen_now: u64,
    ) {
        let start = browser::now_ms();
        let mut result = None;
        let mut tried = 0;
        let alive = search.try_update_value(|s| {
            let Some((ex, _, _)) = s.as_mut().filter(|(_, _, g)| *g == gen_now) else {
                return false;
            };
            while result.is_none() && browser::now_ms() - start < FRAME_MS {
                result = ex.work(STEPS_PER_CHECK).and_then(|d| d.first().cloned());
            }
            tried = ex.progress().1;
            true
        });
        if alive != Some(true) {
            return;
        }
        match result {
            None => {
                status.set(Status::Searching { i, tried });
                request_animation_frame(move || pump(search, status, ended, i, gen_now));
            }
            Some(done) => {
                search.set_value(None);
                ended(i, done);
            }
        }
    }
    // Searches program `i` (0: bad.go, 1: good.go).
    let search_one = move |i: usize| {
        let Some(program) = programs(&ctl).into_iter().nth(i) else {
            return;
        };
        let req = SearchRequest {
            programs: vec![program],
            seed: ctl.seed.get_untracked(),
            preempt_every: ctl.lesson.preempt_every,
        };
        let g = generation.get_value() + 1;
        generation.set_value(g);
        began.set_value(browser::now_ms());
        status.set(Status::Searching { i, tried: 0 });
        engine.set(if worker::available() {
            "worker"
        } else {
            "page"
        });
        if worker::available() {
            worker::work(WorkRequest::Search(req), move |answer| {
                if generation.try_get_value() != Some(g) {
                    return;
                }
                match answer {
                    Answer::Working { part, .. } => status.set(Status::Searching {
                        i,
                        tried: part as usize,
                    }),
                    Answer::Done(done) => {
                        if let WorkDone::Searched(done) = *done
                            && let Some(d) = done.into_iter().next()
                        {
                            ended(i, d);
                        }
                    }
                    Answer::Stopped => status.set(Status::Idle),
                    Answer::Failed => ended(
                        i,
                        Searched::Error(
                            "the playground's engine failed on this program".to_string(),
                        ),
                    ),
                    Answer::Progress { .. } | Answer::Finished(..) => {}
                }
            });
            return;
        }
        search.set_value(Some((Search::new(&req), 0.0, g)));
        request_animation_frame(move || pump(search, status, ended, i, g));
    };
    // The next program is searched when the player is not running (after it loaded bad.go's
    // failing run).
    Effect::new(move |_| {
        if let Some(i) = next.get()
            && !ctl.running.get()
        {
            next.set(None);
            search_one(i);
        }
    });
    let start = move || {
        results.set(Vec::new());
        next.set(Some(0));
    };
    let stop = move || {
        generation.update_value(|g| *g += 1);
        search.set_value(None);
        next.set(None);
        status.set(Status::Idle);
        worker::stop_or_kill(STOP_GRACE_MS, || {});
    };
    let searching = move || matches!(status.get(), Status::Searching { .. } | Status::Loading);
    // Esc stops a search as "Stop searching" does (as it stops a run), wherever the focus is;
    // the Embed dialog keeps its keys to itself.
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape"
            && !ev.default_prevented()
            && matches!(
                status.get_untracked(),
                Status::Searching { .. } | Status::Loading
            )
        {
            ev.prevent_default();
            stop();
        }
    });
    on_cleanup(move || esc.remove());
    let message = move || {
        let l = lang.get();
        let mut parts: Vec<String> = results.with(|r| {
            r.iter()
                .zip(Side::BOTH)
                .map(|((d, ms), side)| said(side.file(), d, *ms, l))
                .collect()
        });
        match status.get() {
            Status::Idle => return String::new(),
            Status::Searching { i, tried } => {
                let file = Side::BOTH.get(i).map_or("", |side| side.file());
                parts.push(match l {
                    Lang::En => format!("Trying schedules… {file}: {tried} of {BUDGET}"),
                    Lang::Zh => format!("正在尝试调度… {file}：{tried} / {BUDGET}"),
                });
            }
            Status::Loading | Status::Done => {}
        }
        parts.join(" ")
    };
    let found = move || results.with(|r| matches!(r.first(), Some((Searched::Found(_), _))));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_without_failure_says_what_it_looked_for_on_the_anti_pattern() {
        let none = Searched::NoFailure { tried: 300 };
        assert_eq!(
            said("bad.go", &none, 446.2, Lang::En),
            "bad.go: 300 schedules, none deadlocked, panicked, raced, leaked or printed something else (446 ms): its harm is what the verdict measures."
        );
        assert_eq!(
            said("bad.go", &none, 446.2, Lang::Zh),
            "bad.go：300 个调度，没有死锁、panic、数据竞争、泄漏或不同的输出（446 毫秒）：它的危害就是结论里量出来的那些。"
        );
        assert_eq!(
            said("good.go", &none, 189.0, Lang::En),
            "good.go: 300 schedules, no failure (189 ms)."
        );
    }
}
