//! "Fix it yourself" (`?lesson=SLUG&mode=fix`, issue 21): the lesson's anti-pattern opens in a
//! text box, the fix hidden; "Check my fix" grades the learner's version with
//! `lessons::catalog::challenge` (the same functions as `golite check`), one case at a time with a
//! pause between cases so the tab stays responsive, and says which check failed at which
//! parameters. A hint and the fix are a click away; a solved lesson is remembered
//! ([`crate::nav::solved`]) and marked on the home page.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos::web_sys::KeyboardEvent;
use lessons::catalog::Lesson;
use lessons::catalog::challenge::{CaseResult, Exam, Grade};
use lessons::runtime::RunReport;

use crate::browser;
use crate::i18n::{self, Lang};
use crate::nav::link::Navigator;
use crate::nav::{query, route, solved};

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
    /// Graded in `.1` milliseconds; `.2` is the longest stretch the tab was busy without a
    /// pause (the runs go in slices of [`SLICE_STEPS`], with a pause every [`BUSY_MS`]).
    Done(Grade, f64, f64),
}

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
    // The fix's run at each case: the same at every check, so it runs once per page.
    let fix_runs = StoredValue::new_local(Vec::<Option<RunReport>>::new());
    let area = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        if let Some(a) = area.get() {
            a.set_value(&text.get_untracked());
        }
    });
    let sets_for_check = sets.clone();
    let check = Callback::new(move |()| {
        if matches!(status.get_untracked(), Status::Checking(..)) {
            return;
        }
        let src = area
            .get_untracked()
            .map(|a| a.value())
            .unwrap_or_else(|| text.get_untracked());
        text.set(src.clone());
        let harm = harm.clone();
        let sets = sets_for_check.clone();
        status.set(Status::Checking(0, total));
        leptos::task::spawn_local(async move {
            let Some(exam) = exam_for(lesson, harm.as_ref(), &sets) else {
                return;
            };
            let cases = exam.cases();
            // Grading stops when the page goes: golite keeps one run's heap at a time, and the
            // next page may run programs of its own.
            let alive = move || status.try_get_untracked().is_some();
            let started = browser::now_ms();
            let mut results: Vec<CaseResult> = Vec::new();
            let mut longest = 0f64;
            for (i, case) in cases.iter().enumerate() {
                if status.try_set(Status::Checking(i, cases.len())).is_some() {
                    return; // the page is gone
                }
                let Some(mine) = run_yielding(&exam, &src, case, alive, &mut longest).await else {
                    return;
                };
                let cached = fix_runs.try_with_value(|f| f.get(i).cloned().flatten());
                let fix = match cached {
                    None => return,
                    Some(Some(r)) => r,
                    Some(None) => {
                        let Some(r) =
                            run_yielding(&exam, exam.fix, case, alive, &mut longest).await
                        else {
                            return;
                        };
                        fix_runs.try_update_value(|f| {
                            f.resize(cases.len(), None);
                            f[i] = Some(r.clone());
                        });
                        r
                    }
                };
                let r = exam.grade_case(case, &mine, &fix);
                let failed = !r.passed();
                results.push(r);
                if failed {
                    break;
                }
            }
            let ms = browser::now_ms() - started;
            let g = Grade::new(results, cases.len());
            if g.passed {
                solved::mark(&lesson.slug);
                let _ = solved_now.try_set(true);
            }
            let _ = status.try_set(Status::Done(g, ms, longest));
        });
    });
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
            Status::Done(g, ms, longest) => {
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

/// Runs `src` at `case` in slices, pausing every [`BUSY_MS`]; `longest` keeps the longest
/// stretch without a pause. `None` when the page went away meanwhile (`alive` turned false).
async fn run_yielding(
    exam: &Exam<'_>,
    src: &str,
    case: &lessons::catalog::challenge::Case,
    alive: impl Fn() -> bool,
    longest: &mut f64,
) -> Option<RunReport> {
    let mut run = exam.begin(src, case);
    loop {
        gloo_timers::future::TimeoutFuture::new(0).await;
        if !alive() {
            return None;
        }
        let start = browser::now_ms();
        loop {
            if let Some(r) = run.advance(SLICE_STEPS) {
                *longest = longest.max(browser::now_ms() - start);
                return Some(r);
            }
            if browser::now_ms() - start >= BUSY_MS {
                break;
            }
        }
        *longest = longest.max(browser::now_ms() - start);
    }
}

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
