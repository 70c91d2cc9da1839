//! "Fix it yourself" (`?lesson=SLUG&mode=fix`, issue 21): the lesson's anti-pattern opens in a
//! text box, the fix hidden; "Check my fix" grades the learner's version with
//! `lessons::catalog::challenge` (the same functions as `golite check`, driven a slice at a time
//! by [`crate::playback::grading`]) in the engine's worker (`app/src/worker.rs`), or in the page
//! with a pause between slices where no worker starts, and says which check failed at which
//! parameters. Stop (or Esc) ends a check. A hint and the fix are a click away; a solved lesson
//! is remembered ([`crate::nav::solved`]) and marked on the home page.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::web_sys::KeyboardEvent;
use lessons::catalog::Lesson;
use lessons::catalog::challenge::{Exam, Grade};
use lessons::runtime::RunReport;

use crate::browser;
use crate::i18n::{self, Lang};
use crate::nav::link::Navigator;
use crate::nav::{query, route, solved};
use crate::playback::grading::{ExamData, Grading};
use crate::playback::wire::{WorkDone, WorkRequest};
use crate::worker::{self, Answer};

/// The URL key of the page's mode, and the value of the fix-it mode.
pub const MODE_KEY: &str = "mode";
pub const FIX: &str = "fix";

/// Whether the URL's extra keys ask for the fix-it mode.
pub fn requested(extra: &[(String, String)]) -> bool {
    extra
        .iter()
        .rev()
        .find(|(k, _)| k == MODE_KEY)
        .is_some_and(|(_, v)| v == FIX)
}

/// The query of `slug`'s fix-it mode, keeping the language when one is in the URL.
pub fn fix_query(slug: &str) -> String {
    query::build(&[
        (route::LESSON.to_string(), slug.to_string()),
        (MODE_KEY.to_string(), FIX.to_string()),
    ])
}

fn t(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// Where grading stands.
#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    /// Running case `.0` of `.1`.
    Checking(usize, usize),
    /// Graded in `.1` milliseconds; `.2` is the longest stretch the engine ran without a pause
    /// (the runs go in slices of [`SLICE_STEPS`], with a pause every [`BUSY_MS`] in the page,
    /// about 30 ms in the worker); `.3` says where it ran (`worker` or `page`).
    Done(Grade, f64, f64, &'static str),
    /// The engine died on the program (in its worker: the page lives on).
    Failed,
}

/// How long a Stop waits for the worker before ending it (as a run's Stop).
const STOP_GRACE_MS: u32 = 700;

/// A button that opens `lesson`'s fix-it mode, for the lesson page.
#[component]
pub fn FixItLink(lesson: &'static Lesson) -> impl IntoView {
    let nav = use_context::<Navigator>();
    let q = fix_query(&lesson.slug);
    let lang = i18n::use_lang();
    view! {
        <a
            class="fix-it-link"
            data-testid="fix-it-link"
            href=format!("?{q}")
            on:click=move |ev| {
                let plain = ev.button() == 0 && !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() && !ev.alt_key();
                if let (true, Some(nav)) = (plain, nav) {
                    ev.prevent_default();
                    nav.go(&q);
                }
            }
        >
            {move || t(lang.get(), "Fix it yourself", "自己动手修复")}
        </a>
    }
}

/// The work area of `lesson`'s fix-it mode (its programs fetched): the editor, its buttons, the
/// hint, the grade and the fix. `solved_now` turns true when a check passes.
#[component]
pub fn ChallengePanel(lesson: &'static Lesson, solved_now: RwSignal<bool>) -> impl IntoView {
    let lang = i18n::use_lang();
    let harm = crate::catalog::harm(lesson);
    let (sets, hint_en, hint_zh) =
        crate::catalog::challenge(lesson).unwrap_or((Vec::new(), "", ""));
    let total = exam_for(lesson, harm.as_ref(), &sets).map_or(0, |e| e.cases().len());
    let text = RwSignal::new(lesson.bad_go.to_string());
    let status = RwSignal::new(Status::Idle);
    let show_hint = RwSignal::new(false);
    let show_fix = RwSignal::new(false);
    // The fix's run at each case: the same at every check, so it runs once per page (the
    // worker keeps its own).
    let fix_runs = StoredValue::new_local(Vec::<Option<RunReport>>::new());
    // Which check is current: a Stop or a newer check ends an older one.
    let generation = StoredValue::new(0u64);
    let area = NodeRef::<leptos::html::Textarea>::new();
    // The engine's worker starts now, so it is ready by the time a learner checks.
    worker::warm_up();
    Effect::new(move |_| {
        if let Some(a) = area.get() {
            a.set_value(&text.get_untracked());
        }
    });
    let sets_for_check = sets.clone();
    let finished = move |g: Grade, ms: f64, longest: f64, engine: &'static str| {
        if g.passed {
            solved::mark(&lesson.slug);
            let _ = solved_now.try_set(true);
        }
        let _ = status.try_set(Status::Done(g, ms, longest, engine));
    };
    let check = Callback::new(move |()| {
        if matches!(status.get_untracked(), Status::Checking(..)) {
            return;
        }
        let src = area
            .get_untracked()
            .map(|a| a.value())
            .unwrap_or_else(|| text.get_untracked());
        text.set(src.clone());
        let Some(harm) = harm.clone() else {
            return;
        };
        let data = ExamData {
            lesson,
            harm,
            sets: sets_for_check.clone(),
            fix: lesson.good_go.to_string(),
        };
        let g = generation.get_value() + 1;
        generation.set_value(g);
        status.set(Status::Checking(0, total));
        let started = browser::now_ms();
        if worker::available() {
            let what = WorkRequest::Grade {
                slug: lesson.slug.clone(),
                fix: lesson.good_go.to_string(),
                src,
            };
            worker::work(what, move |answer| {
                if generation.try_get_value() != Some(g) {
                    return;
                }
                match answer {
                    Answer::Working { part, of } => {
                        let _ = status.try_set(Status::Checking(part as usize, of as usize));
                    }
                    Answer::Done(done) => {
                        if let WorkDone::Graded { grade, longest_ms } = *done {
                            let ms = browser::now_ms() - started;
                            finished(grade, ms, longest_ms, "worker");
                        }
                    }
                    Answer::Stopped => {
                        let _ = status.try_set(Status::Idle);
                    }
                    Answer::Failed => {
                        let _ = status.try_set(Status::Failed);
                    }
                    Answer::Progress { .. } | Answer::Finished(..) => {}
                }
            });
            return;
        }
        leptos::task::spawn_local(async move {
            let kept = fix_runs
                .try_update_value(std::mem::take)
                .unwrap_or_default();
            let mut grading = Grading::new(data, src, kept);
            let mut longest = 0f64;
            let grade = loop {
                gloo_timers::future::TimeoutFuture::new(0).await;
                // The page went away, or a Stop or a newer check ended this one.
                if generation.try_get_value() != Some(g) {
                    return;
                }
                let start = browser::now_ms();
                let mut grade = None;
                while grade.is_none() && browser::now_ms() - start < BUSY_MS {
                    grade = grading.work(SLICE_STEPS).cloned();
                }
                longest = longest.max(browser::now_ms() - start);
                if let Some(grade) = grade {
                    break grade;
                }
                let (i, n) = grading.progress();
                let _ = status.try_set(Status::Checking(i, n));
            };
            fix_runs.try_set_value(grading.into_fix_runs());
            finished(grade, browser::now_ms() - started, longest, "page");
        });
    });
    // Stop (or Esc): the check in progress ends, in the page at its next pause, in the worker
    // at the end of its slice, or by ending the worker when it does not answer in time.
    let stop = move || {
        if !matches!(status.get_untracked(), Status::Checking(..)) {
            return;
        }
        generation.update_value(|g| *g += 1);
        status.set(Status::Idle);
        worker::stop_or_kill(STOP_GRACE_MS, || {});
    };
    let reset = move || {
        text.set(lesson.bad_go.to_string());
        if let Some(a) = area.get_untracked() {
            a.set_value(lesson.bad_go);
        }
        status.set(Status::Idle);
    };
    let keydown = move |ev: KeyboardEvent| {
        let Some(a) = area.get_untracked() else {
            return;
        };
        match ev.key().as_str() {
            "Enter" if ev.ctrl_key() || ev.meta_key() => {
                ev.prevent_default();
                check.run(());
            }
            "Tab" if !(ev.ctrl_key() || ev.meta_key() || ev.alt_key() || ev.shift_key()) => {
                ev.prevent_default();
                if let (Ok(Some(s)), Ok(Some(e))) = (a.selection_start(), a.selection_end()) {
                    let _ = a.set_range_text_with_start_and_end_and_mode("\t", s, e, "end");
                }
            }
            "Escape" if matches!(status.get_untracked(), Status::Checking(..)) => {
                ev.prevent_default();
                stop();
            }
            "Escape" => {
                let _ = a.blur();
            }
            _ => {}
        }
    };
    let checking = move || matches!(status.get(), Status::Checking(..));
    let rows = (lesson.bad_go.lines().count() + 1).min(40);
    view! {
            <section class="challenge-work">
                <div class="editor">
                    <textarea
                        node_ref=area
                        class="code-edit"
                        data-testid="challenge-editor"
                        rows=rows
                        spellcheck="false"
                        autocapitalize="off"
                        autocomplete="off"
                        wrap="off"
                        aria-label=move || t(lang.get(), "Your version of bad.go", "你修改的 bad.go")
                        on:keydown=keydown
                    ></textarea>
                    <div class="editor-bar">
                        <button class="primary" data-testid="challenge-check" disabled=checking on:click=move |_| check.run(())>
                            {move || t(lang.get(), "Check my fix", "检查我的修复")}
                        </button>
                        {move || checking().then(|| view! {
                            <button data-testid="challenge-stop" on:click=move |_| stop()>
                                {move || t(lang.get(), "Stop", "停止")}
                            </button>
                        })}
                        <button data-testid="challenge-reset" disabled=checking on:click=move |_| reset()>
                            {move || t(lang.get(), "Start over", "重新开始")}
                        </button>
                        <button
                            data-testid="challenge-hint-button"
                            aria-expanded=move || show_hint.get().to_string()
                            on:click=move |_| show_hint.update(|s| *s = !*s)
                        >
                            {move || t(lang.get(), "Show a hint", "显示提示")}
                        </button>
                        <button
                            data-testid="challenge-fix-button"
                            aria-expanded=move || show_fix.get().to_string()
                            on:click=move |_| show_fix.update(|s| *s = !*s)
                        >
                            {move || if show_fix.get() { t(lang.get(), "Hide the fix", "隐藏修复版") } else { t(lang.get(), "Show the fix", "显示修复版") }}
                        </button>
                        <span class="hint"><kbd>"Ctrl"</kbd>"+"<kbd>"Enter"</kbd>{move || t(lang.get(), " checks", " 检查")}</span>
                    </div>
                </div>
                <div class="challenge-side">
                    {move || show_hint.get().then(|| view! {
                        <div class="challenge-hint" data-testid="challenge-hint" role="note">
                            <strong>{t(lang.get(), "Hint: ", "提示：")}</strong>
                            {if lang.get() == Lang::Zh && !hint_zh.is_empty() { hint_zh } else { hint_en }}
                        </div>
                    })}
                    <GradeView status=status />
                </div>
            </section>
            {move || show_fix.get().then(|| view! {
                <section class="challenge-fix" data-testid="challenge-fix">
                    <h2>{t(lang.get(), "The fix (good.go)", "修复版（good.go）")}</h2>
                    <pre class="code-plain" tabindex="0">{lesson.good_go}</pre>
                </section>
            })}
    }
}

/// The grade, or where grading stands.
#[component]
fn GradeView(status: RwSignal<Status>) -> impl IntoView {
    let lang = i18n::use_lang();
    move || {
        let lang = lang.get();
        match status.get() {
            Status::Idle => view! {
                <div class="challenge-result idle" data-testid="challenge-result" data-state="idle">
                    {t(lang, "Edit the program, then check it.", "修改程序，然后检查。")}
                </div>
            }
            .into_any(),
            Status::Checking(i, n) => view! {
                <div class="challenge-result checking" data-testid="challenge-result" data-state="checking" role="status" aria-busy="true">
                    {match lang {
                        Lang::En => format!("Checking run {} of {n}…", i + 1),
                        Lang::Zh => format!("正在检查第 {} 次运行，共 {n} 次…", i + 1),
                    }}
                </div>
            }
            .into_any(),
            Status::Failed => view! {
                <div class="challenge-result failed" data-testid="challenge-result" data-state="crashed" role="status">
                    {t(lang, "The playground's engine failed on this program; the next check starts a fresh one.", "演练场的引擎在这个程序上出错了；下次检查会启动一个新的引擎。")}
                </div>
            }
            .into_any(),
            Status::Done(g, ms, longest, engine) => {
                let (en, zh) = g.summary();
                let sentence = if lang == Lang::Zh { zh } else { en };
                let state = if g.passed { "passed" } else { "failed" };
                let cases = g.cases.clone();
                let total = g.total;
                view! {
                    <div
                        class=format!("challenge-result {state}")
                        data-testid="challenge-result"
                        data-state=state
                        data-grade-ms=format!("{ms:.0}")
                        data-longest-case-ms=format!("{longest:.0}")
                        data-engine=engine
                        role="status"
                    >
                        <p class="verdict-line" data-testid="challenge-verdict">
                            <strong>{if g.passed { t(lang, "Fixed: ", "修好了：") } else { t(lang, "Not yet: ", "还没有：") }}</strong>
                            {sentence}
                        </p>
                        <ol class="challenge-cases">
                            {cases.into_iter().map(|c| {
                                let ok = c.passed();
                                let at = c.case.params.iter().map(|(n, v)| format!("{n}={v}")).collect::<Vec<_>>().join(", ");
                                let failed: Vec<String> = c.checks.iter().filter(|k| !k.passed).map(|k| if lang == Lang::Zh { k.zh.clone() } else { k.en.clone() }).collect();
                                view! {
                                    <li class:ok=ok class:bad=!ok>
                                        <span class="mark" aria-hidden="true">{if ok { "✓" } else { "✗" }}</span>
                                        <span class="case-at">{at}</span>
                                        <span class="case-seed">{format!(" · {} {}", t(lang, "seed", "种子"), c.case.seed)}</span>
                                        {(!failed.is_empty()).then(|| view! { <ul>{failed.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}</ul> })}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                        <p class="challenge-meta">
                            {match lang {
                                Lang::En => format!("{} of {total} runs checked in {:.1} s", g.cases.len(), ms / 1000.0),
                                Lang::Zh => format!("检查了 {} 次运行（共 {total} 次），用时 {:.1} 秒", g.cases.len(), ms / 1000.0),
                            }}
                        </p>
                    </div>
                }
                .into_any()
            }
        }
    }
}

/// How many runs a check of `lesson` makes (every case of its exam).
pub fn runs_for(lesson: &Lesson) -> usize {
    let harm = crate::catalog::harm(lesson);
    let sets = crate::catalog::challenge(lesson).map_or(Vec::new(), |c| c.0);
    exam_for(lesson, harm.as_ref(), &sets).map_or(0, |e| e.cases().len())
}

/// Interpreter steps per slice of a run.
const SLICE_STEPS: u64 = 20_000;
/// The page pauses (lets the browser paint and handle input) after this many milliseconds of
/// grading at a stretch.
const BUSY_MS: f64 = 40.0;

/// The exam of a lesson as the page ships it (its `[harm]` table and `[[expect]]` sets).
fn exam_for<'a>(
    lesson: &'a Lesson,
    harm: Option<&'a lessons::catalog::Harm>,
    sets: &[BTreeMap<String, i64>],
) -> Option<Exam<'a>> {
    Some(Exam {
        params: &lesson.params,
        fix: lesson.good_go,
        harm: harm?,
        seed: lesson.seed,
        preempt_every: lesson.preempt_every,
        race: lesson.race,
        go: lesson.go,
        param_sets: sets.to_vec(),
        links: crate::catalog::links(lesson),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fix_mode_is_asked_for_by_mode_fix_and_the_last_value_wins() {
        let kv = |k: &str, v: &str| (k.to_string(), v.to_string());
        assert!(requested(&[kv("mode", "fix")]));
        assert!(!requested(&[kv("mode", "watch")]));
        assert!(!requested(&[kv("mode", "fix"), kv("mode", "x")]));
        assert!(!requested(&[]));
        assert_eq!(fix_query("racy-counter"), "lesson=racy-counter&mode=fix");
    }
}
