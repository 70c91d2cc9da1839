//! "You are the scheduler" (issue 21): the learner picks which runnable goroutine runs at each
//! decision point of a small Go program until the runtime says the goal is met (a deadlock, a
//! panic, a leak, a line printed). The code marks the line each runnable goroutine runs next;
//! the goroutine list has a button per runnable goroutine. The choices so far are the URL's
//! `picks` (`lessons::runtime::format_schedule`), so a link replays the same run.

use leptos::prelude::*;
use lessons::explore::challenges::Goal;
use lessons::golite::highlight::highlight;
use lessons::runtime::{Gid, GoroutineView, Outcome, format_schedule, parse_schedule};

use crate::browser;
use crate::i18n::{self, Lang};
use crate::nav::link::LessonLink;
use crate::nav::query;
use crate::nav::route::{PICKS, SCHEDULER};
use crate::playback::turns::{self, Turn};
use crate::sched_catalog::SchedChallenge;
use crate::shell::lesson_page::LangSwitch;

/// English or Chinese.
fn t(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// `text` with its backquoted parts as code.
fn with_code(text: &'static str) -> impl IntoView {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                view! { <code>{part}</code> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view()
}

/// The goal in words.
fn goal_words(goal: &Goal, lang: Lang) -> String {
    match (goal, lang) {
        (Goal::Deadlock, Lang::En) => "Go reports a deadlock.".into(),
        (Goal::Deadlock, Lang::Zh) => "Go 报告死锁。".into(),
        (Goal::Leak, Lang::En) => "a goroutine is left blocked when main returns.".into(),
        (Goal::Leak, Lang::Zh) => "main 返回时有 goroutine 仍然阻塞。".into(),
        (Goal::Race, Lang::En) => "the race detector reports a data race.".into(),
        (Goal::Race, Lang::Zh) => "竞态检测器报告数据竞争。".into(),
        (Goal::Panic(m), Lang::En) => format!("the program panics: {m}."),
        (Goal::Panic(m), Lang::Zh) => format!("程序 panic：{m}。"),
        (Goal::Output(m), Lang::En) => format!("the program prints “{m}”."),
        (Goal::Output(m), Lang::Zh) => format!("程序打印“{m}”。"),
    }
}

/// How a finished run ended, in words.
fn ending(turn: &Turn, lang: Lang) -> String {
    let Some(r) = &turn.report else {
        return String::new();
    };
    match r.outcome {
        Outcome::Deadlock => t(lang, "deadlock", "死锁").to_string(),
        Outcome::Panic | Outcome::Fatal => format!("panic{} {}", t(lang, ":", "："), r.panic),
        Outcome::Exit if !r.leaked.is_empty() => {
            let n: u32 = r.leaked.iter().map(|l| l.count).sum();
            match lang {
                Lang::En => format!("main returned, {n} goroutine(s) leaked"),
                Lang::Zh => format!("main 返回，{n} 个 goroutine 泄漏"),
            }
        }
        Outcome::Exit => t(lang, "main returned", "main 返回").to_string(),
        Outcome::Limit => t(lang, "stopped by the playground", "被演练场终止").to_string(),
        _ => r.outcome.as_str().to_string(),
    }
}

/// The challenge page.
#[component]
pub fn SchedulerPage(challenge: &'static SchedChallenge, picks: String) -> impl IntoView {
    let lang = i18n::use_lang();
    let goal = challenge.goal();
    let start = parse_schedule(&picks).unwrap_or_default();
    let turn = RwSignal::new_local(turns::play(challenge.source, &goal, &start, false));
    let rows = highlight(challenge.source);
    // Every change of the choices: re-run, then put them in the URL (a new history entry, so
    // Back undoes a click).
    let apply = move |next: Turn| {
        let text = format_schedule(&next.picks);
        turn.set(next);
        let mut pairs = vec![(SCHEDULER.to_string(), challenge.slug.to_string())];
        if !text.is_empty() {
            pairs.push((PICKS.to_string(), text));
        }
        if lang.get_untracked() == Lang::Zh {
            pairs.push((i18n::KEY.to_string(), "zh".to_string()));
        }
        browser::set_url(&query::build(&pairs), "", false);
    };
    let goal_sv = StoredValue::new(goal.clone());
    let src = challenge.source;
    let pick_one = move |g: Gid| {
        let mut p = turn.with_untracked(|t| t.picks.clone());
        p.push(g);
        apply(goal_sv.with_value(|goal| turns::play(src, goal, &p, false)));
    };
    let pick_on = move |g: Gid| {
        let p = turn.with_untracked(|t| t.picks.clone());
        apply(goal_sv.with_value(|goal| turns::run_on(src, goal, &p, g)));
    };
    let undo = move || {
        let mut p = turn.with_untracked(|t| t.picks.clone());
        p.pop();
        apply(goal_sv.with_value(|goal| turns::play(src, goal, &p, false)));
    };
    let restart = move || apply(goal_sv.with_value(|goal| turns::play(src, goal, &[], false)));
    let finish = move || {
        let p = turn.with_untracked(|t| t.picks.clone());
        apply(goal_sv.with_value(|goal| turns::play(src, goal, &p, true)));
    };
    let show_hint = RwSignal::new(false);

    // The goroutines that can run at the decision, with the line each runs next.
    let options = move || {
        turn.with(|t| {
            t.decision
                .as_ref()
                .map(|d| {
                    d.options
                        .iter()
                        .map(|o| (o.gid, o.line))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    let goal_text = move || goal_sv.with_value(|g| goal_words(g, lang.get()));
    let status = move || {
        let l = lang.get();
        turn.with(|tn| {
            if let Some(e) = &tn.error {
                return ("sched-status bad", e.clone());
            }
            match &tn.decision {
                Some(d) => (
                    "sched-status",
                    match l {
                        Lang::En => format!(
                            "Decision {}: {} goroutines can run. Pick the one that runs next.",
                            d.index + 1,
                            d.options.len()
                        ),
                        Lang::Zh => format!(
                            "第 {} 次决定：{} 个 goroutine 可以运行。选择下一个运行的。",
                            d.index + 1,
                            d.options.len()
                        ),
                    },
                ),
                None if tn.goal_met => (
                    "sched-status good",
                    format!(
                        "{} {} ({} {})",
                        t(l, "Goal reached:", "目标达成："),
                        ending(tn, l),
                        tn.picks.len(),
                        t(l, "decisions", "次决定")
                    ),
                ),
                None => (
                    "sched-status problem",
                    format!(
                        "{} {}. {}",
                        t(
                            l,
                            "The program ended without reaching the goal:",
                            "程序结束了，但没有达成目标："
                        ),
                        ending(tn, l),
                        t(
                            l,
                            "Undo some choices or restart.",
                            "撤销几次选择或重新开始。"
                        )
                    ),
                ),
            }
        })
    };
    let lines = rows
        .into_iter()
        .enumerate()
        .map(|(i, toks)| {
            let n = (i + 1) as u32;
            let here = move || {
                options()
                    .into_iter()
                    .filter(|(_, line)| *line == n)
                    .map(|(g, _)| g)
                    .collect::<Vec<_>>()
            };
            let parked = move || {
                turn.with(|tn| {
                    tn.snapshot
                        .goroutines
                        .iter()
                        .filter(|g| g.line == n && g.state.is_blocked())
                        .map(|g| (g.gid, i18n::state(g.state.as_str(), lang.get())))
                        .collect::<Vec<_>>()
                })
            };
            view! {
                <div class="ln" class:next=move || !here().is_empty() class:parked=move || !parked().is_empty() data-line=n>
                    <span class="no" aria-hidden="true">{n}</span>
                    <code class="src">
                        {toks.into_iter().map(|(c, s)| view! { <span class=c.css()>{s}</span> }).collect_view()}
                    </code>
                    <span class="badges">
                        {move || here().into_iter().map(|g| view! {
                            <button type="button" class="badge fam-running sched-chip" data-testid="sched-chip" data-gid=g.0
                                title=move || format!("{} G{} {}", t(lang.get(), "Run", "运行"), g.0, t(lang.get(), "one line", "一行"))
                                on:click=move |_| pick_one(g)>
                                {format!("G{} ▶", g.0)}
                            </button>
                        }).collect_view()}
                        {move || parked().into_iter().map(|(g, st)| view! {
                            <span class="badge fam-sync">{format!("G{} {st}", g.0)}</span>
                        }).collect_view()}
                    </span>
                </div>
            }
        })
        .collect_view();
    let goroutines = move || {
        let opts = options();
        turn.with(|tn| tn.snapshot.goroutines.clone())
            .into_iter()
            .map(|g: GoroutineView| {
                let next = opts.iter().find(|(id, _)| *id == g.gid).map(|(_, l)| *l);
                let gid = g.gid;
                let label = format!("G{} {}", g.gid.0, if g.gid == Gid(1) { "main" } else { &g.name });
                match next {
                    Some(line) => view! {
                        <li class="sched-g runnable" data-testid="sched-goroutine" data-gid=gid.0>
                            <span class="sched-g-name">{label}</span>
                            <span class="sched-g-where">{move || format!("{} {line}", t(lang.get(), "runs line", "将运行第"))}{move || t(lang.get(), "", " 行")}</span>
                            <span class="sched-g-actions">
                                <button type="button" class="primary" data-testid="sched-run" data-gid=gid.0 on:click=move |_| pick_one(gid)>
                                    {move || t(lang.get(), "Run one line", "运行一行")}
                                </button>
                                <button type="button" data-testid="sched-run-on" data-gid=gid.0 on:click=move |_| pick_on(gid)>
                                    {move || t(lang.get(), "Run until it blocks", "运行到阻塞")}
                                </button>
                            </span>
                        </li>
                    }
                    .into_any(),
                    None => view! {
                        <li class="sched-g" data-testid="sched-goroutine" data-gid=gid.0>
                            <span class="sched-g-name">{label}</span>
                            <span class="sched-g-where">{move || format!("{} · {}", i18n::state(g.state.as_str(), lang.get()), i18n::line(g.line, lang.get()))}</span>
                        </li>
                    }
                    .into_any(),
                }
            })
            .collect_view()
    };
    let output = move || turn.with(|tn| tn.snapshot.output.clone());
    let lesson_link = challenge.lesson.and_then(|n| {
        crate::catalog::all()
            .iter()
            .find(|l| l.number == n)
            .map(|l| l.slug.as_str())
    });
    view! {
        <div class="sched-page" data-testid="scheduler-page">
            <header class="lesson-head">
                <div class="home-top">
                    <p class="kicker">
                        <LessonLink slug=None>{move || t(lang.get(), "All lessons", "全部课程")}</LessonLink>
                        {move || t(lang.get(), " · You are the scheduler", " · 你来当调度器")}
                    </p>
                    <LangSwitch />
                </div>
                <h1>{move || t(lang.get(), challenge.title, challenge.title_zh)}</h1>
                <p class="claim">{move || with_code(t(lang.get(), challenge.task, challenge.task_zh))}</p>
                <p class="sched-goal" data-testid="sched-goal">
                    <b>{move || t(lang.get(), "Goal: ", "目标：")}</b>{goal_text}
                    {lesson_link.map(|slug| view! {
                        " "<LessonLink slug=Some(slug)>{move || t(lang.get(), "See the lesson", "查看课程")}</LessonLink>
                    })}
                </p>
            </header>
            <main>
                <p class=move || status().0 role="status" data-testid="sched-status">{move || status().1}</p>
                <div class="sched-bar">
                    <button type="button" data-testid="sched-undo" disabled=move || turn.with(|t| t.picks.is_empty()) on:click=move |_| undo()>
                        {move || t(lang.get(), "Undo", "撤销")}
                    </button>
                    <button type="button" data-testid="sched-restart" on:click=move |_| restart()>
                        {move || t(lang.get(), "Restart", "重新开始")}
                    </button>
                    <button type="button" data-testid="sched-finish" disabled=move || turn.with(|t| t.decision.is_none()) on:click=move |_| finish()>
                        {move || t(lang.get(), "Let Go decide the rest", "剩下的交给 Go")}
                    </button>
                    <button type="button" aria-expanded=move || show_hint.get().to_string() on:click=move |_| show_hint.update(|h| *h = !*h)>
                        {move || t(lang.get(), "Hint", "提示")}
                    </button>
                    <span class="sched-count" data-testid="sched-picks">
                        {move || format!("{} {}", turn.with(|t| t.picks.len()), t(lang.get(), "choices", "次选择"))}
                    </span>
                </div>
                {move || show_hint.get().then(|| view! {
                    <p class="sched-hint" data-testid="sched-hint">{with_code(t(lang.get(), challenge.hint, challenge.hint_zh))}</p>
                })}
                <div class="sched-body">
                    <section class="code sched-code" aria-label=move || t(lang.get(), "The program", "程序")>{lines}</section>
                    <section class="sched-side">
                        <h2>{move || t(lang.get(), "Goroutines", "Goroutine")}</h2>
                        <ul class="sched-gs">{goroutines}</ul>
                        <div class="output">
                            <h3>{move || t(lang.get(), "Output", "输出")}</h3>
                            <pre data-testid="sched-output">{output}</pre>
                            {move || output().is_empty().then(|| view! {
                                <p class="sched-none">{t(lang.get(), "Nothing printed yet.", "还没有输出。")}</p>
                            })}
                        </div>
                    </section>
                </div>
            </main>
        </div>
    }
}

/// The challenges as links, for the home page.
#[component]
pub fn SchedulerList() -> impl IntoView {
    let lang = i18n::use_lang();
    view! {
        <section class="sched-list" data-testid="scheduler-list">
            <h2>{move || t(lang.get(), "You are the scheduler", "你来当调度器")}</h2>
            <p class="intro">{move || t(lang.get(),
                "Pick which goroutine runs next, one line at a time, and make the bug happen.",
                "一行一行地选择下一个运行的 goroutine，让 bug 发生。")}</p>
            <ul>
                {crate::sched_catalog::all().iter().map(|c| {
                    let href = format!("?{}", query::build(&[(SCHEDULER.to_string(), c.slug.to_string())]));
                    view! {
                        <li><a href=href data-testid="scheduler-link">{move || t(lang.get(), c.title, c.title_zh)}</a></li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
