//! The fix-it page (`?lesson=SLUG&mode=fix`): the lesson's title and claim, what passing means,
//! and the work area of [`crate::lesson::challenge_panel`].

use leptos::prelude::*;
use lessons::catalog::Lesson;

use crate::i18n::{self, Lang};
use crate::lesson::challenge_panel::{ChallengePanel, runs_for};
use crate::nav::link::LessonLink;
use crate::nav::solved;
use crate::shell::lesson_page::LangSwitch;

fn t(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// The fix-it page of `lesson`, its programs fetched.
#[component]
pub fn ChallengePage(lesson: &'static Lesson) -> impl IntoView {
    let lang = i18n::use_lang();
    let solved_now = RwSignal::new(solved::all().contains(&lesson.slug));
    let total = runs_for(lesson);
    view! {
        <main class="lesson-page challenge-page" data-testid="challenge" data-slug=lesson.slug.as_str()>
            <nav class="crumbs" aria-label=move || i18n::tr(lang.get(), "Lesson navigation")>
                <LessonLink slug=None class="home-link">{move || i18n::tr(lang.get(), "← All lessons")}</LessonLink>
                <span class="spacer"></span>
                <LangSwitch />
                <LessonLink slug=Some(lesson.slug.as_str()) class="watch-link">
                    {move || t(lang.get(), "Watch the lesson →", "观看本课 →")}
                </LessonLink>
            </nav>
            <header class="lesson-head">
                <p class="kicker">
                    {move || format!("{} · {}", i18n::kicker(lesson, lang.get()), t(lang.get(), "Fix it yourself", "自己动手修复"))}
                </p>
                <h1 data-testid="lesson-title">
                    {move || i18n::title(lesson, lang.get())}
                    {move || solved_now.get().then(|| view! {
                        <span class="solved-badge" data-testid="challenge-solved">{t(lang.get(), "✓ solved", "✓ 已解决")}</span>
                    })}
                </h1>
                <p class="claim" inner_html=move || i18n::claim_html(lesson, lang.get())></p>
                <p class="challenge-intro">
                    {move || match lang.get() {
                        Lang::En => format!(
                            "Below is the anti-pattern. Change it so that it behaves like the fix: the same output, no goroutine left behind, no deadlock or panic, and no more harm than the fix. It is checked in {total} runs: every setting the lesson tries, and more seeds."
                        ),
                        Lang::Zh => format!(
                            "下面是反模式的代码。修改它，让它表现得和修复版一样：输出相同，不遗留 goroutine，不死锁也不 panic，代价不超过修复版。检查共运行 {total} 次：覆盖本课用到的每组参数，以及更多随机种子。"
                        ),
                    }}
                </p>
            </header>
            <ChallengePanel lesson=lesson solved_now=solved_now />
        </main>
    }
}
