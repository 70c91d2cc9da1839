//! The page frame: which page the URL asks for (re-read on back and forward), the home page, and
//! the notices a bad URL produces. Moving between pages without reloading is
//! [`crate::nav::link`]'s.

use leptos::prelude::*;
use lessons::catalog::Lesson;

use crate::browser;
use crate::i18n;
use crate::lesson::text;
use crate::nav::link::{LessonLink, Navigator, read_route};
use crate::nav::query;
use crate::nav::route::{LessonState, Page};
use crate::shell::lesson_list::LessonList;
use crate::shell::lesson_page::{LangSwitch, LessonPage};
use crate::shell::scheduler_page::{SchedulerList, SchedulerPage};

/// The whole app: the page the URL names, re-read on back and forward.
#[component]
pub fn App() -> impl IntoView {
    let route = RwSignal::new(read_route());
    let nav = Navigator::new(route);
    provide_context(nav);
    let lang = RwSignal::new(i18n::initial(&query::parse(&browser::query())));
    provide_context(i18n::LangSignal(lang));
    Effect::new(move |_| i18n::set_document_lang(lang.get()));
    // A link that names a language wins over the one remembered.
    Effect::new(move |_| {
        route.track();
        if let Some(l) = query::parse(&browser::query())
            .iter()
            .rev()
            .find(|(k, _)| k == i18n::KEY)
            .and_then(|(_, v)| i18n::Lang::parse(v))
        {
            lang.set(l);
        }
    });
    let popstate = window_event_listener(leptos::ev::popstate, move |_| route.set(read_route()));
    on_cleanup(move || popstate.remove());
    view! {
        {move || {
            let r = route.get();
            let notices = r.notices.clone();
            let page = match r.page {
                Page::Lesson(state) => match crate::catalog::get(&state.slug) {
                    Some(meta) => {
                        set_title(&format!(
                            "{} · {}",
                            i18n::title(meta, lang.get_untracked()),
                            i18n::tr(lang.get_untracked(), "Go anti-pattern playground")
                        ));
                        view! { <LessonLoader meta=meta state=state extra=r.extra /> }.into_any()
                    }
                    None => view! { <Home /> }.into_any(),
                },
                Page::Home => {
                    set_title(i18n::tr(lang.get_untracked(), "Go anti-pattern playground"));
                    view! { <Home /> }.into_any()
                }
                Page::Scheduler { slug, picks } => match crate::sched_catalog::get(&slug) {
                    Some(c) => {
                        set_title(&format!("{} · {}", c.title, i18n::tr(lang.get_untracked(), "Go anti-pattern playground")));
                        view! { <SchedulerPage challenge=c picks=picks /> }.into_any()
                    }
                    None => view! { <Home /> }.into_any(),
                },
            };
            view! {
                <div class="shell">
                    <Notices notices=notices />
                    {page}
                </div>
            }
        }}
    }
}

/// A lesson page once the lesson's programs are here: at once when they were fetched before,
/// else a placeholder with the title while they load, or what failed and a way to retry.
#[component]
fn LessonLoader(
    /// The lesson's metadata, from the catalog compiled in.
    meta: &'static Lesson,
    /// Parameters, seed and step from the URL.
    state: LessonState,
    /// URL keys the lesson page does not use.
    extra: Vec<(String, String)>,
) -> impl IntoView {
    if let Some(l) = text::loaded(&meta.slug) {
        return view! { <LessonPage lesson=l.lesson state=state extra=extra /> }.into_any();
    }
    let result = RwSignal::new(None::<Result<&'static Lesson, String>>);
    leptos::task::spawn_local(async move {
        let r = text::fetch(meta).await.map(|l| l.lesson);
        // The page may have moved on while the file was on its way.
        let _ = result.try_set(Some(r));
    });
    let lang = crate::i18n::use_lang();
    let t = move |en: &'static str| crate::i18n::tr(lang.get(), en);
    (move || match result.get() {
        None => view! {
            <div class="lesson-head lesson-loading" aria-busy="true" data-testid="lesson-loading">
                <h1>{move || crate::i18n::title(meta, lang.get())}</h1>
                <p class="claim" inner_html=move || crate::i18n::claim_html(meta, lang.get())></p>
                <p class="loading-note">{move || t("Loading the two programs…")}</p>
            </div>
        }
        .into_any(),
        Some(Ok(lesson)) => {
            view! { <LessonPage lesson=lesson state=state.clone() extra=extra.clone() /> }
                .into_any()
        }
        Some(Err(why)) => view! {
            <div class="notice load-failed" role="alert" data-testid="lesson-load-failed">
                <p>{move || match lang.get() {
                    crate::i18n::Lang::En => format!("The programs of “{}” could not be loaded: {why}.", meta.title),
                    crate::i18n::Lang::Zh => format!("“{}”的程序无法加载：{why}。", crate::i18n::title(meta, crate::i18n::Lang::Zh)),
                }}</p>
                <p>
                    <button type="button" on:click=|_| browser::reload()>{move || t("Reload")}</button>
                    {move || t(" or ")}
                    <LessonLink slug=None>{move || t("go to all lessons")}</LessonLink>
                </p>
            </div>
        }
        .into_any(),
    })
    .into_any()
}

/// What is wrong with the URL, shown above the page (which fell back to defaults).
#[component]
fn Notices(notices: Vec<String>) -> impl IntoView {
    // In a landmark of its own: everything on the page is in one (axe `region`).
    (!notices.is_empty()).then(|| {
        view! {
            <section aria-label=move || crate::i18n::tr(crate::i18n::use_lang().get(), "Problems with this link")>
                <div class="notice" role="alert" data-testid="notice">
                    <ul>{notices.into_iter().map(|n| {
                    let lang = crate::i18n::use_lang();
                    view! { <li>{move || crate::nav::notice::in_lang(&n, lang.get())}</li> }
                }).collect_view()}</ul>
                </div>
            </section>
        }
    })
}

/// The home page: what the playground shows, and every lesson by chapter.
#[component]
fn Home() -> impl IntoView {
    let lang = i18n::use_lang();
    let t = move |en: &'static str| move || i18n::tr(lang.get(), en);
    view! {
        <header class="home-head">
            <div class="home-top">
                <h1>{t("Go anti-pattern playground")}</h1>
                <LangSwitch on_pick=Callback::new(move |l: i18n::Lang| {
                    browser::replace_query(&query::build(&[(i18n::KEY.to_string(), l.key().to_string())]));
                }) />
            </div>
            <p class="intro">
                {t("Each lesson runs a real Go program with a concurrency bug next to its fix, on a deterministic Go interpreter with a virtual clock. ")}
                {t("Press play or step through them together and watch what the bug costs: goroutines piling up, channels filling, memory growing, deadlocks and panics, ")}
                {t("down to the exact line where goroutines are stuck. Drag a parameter and both programs re-run at once.")}
            </p>
        </header>
        <main>
            <LessonList lessons=crate::catalog::all() />
            <SchedulerList />
        </main>
        <footer class="foot">
            <p>{t("Keyboard: space plays or pauses, ← → step, n / p next or previous lesson.")}</p>
        </footer>
    }
}

fn set_title(title: &str) {
    if let Some(doc) = leptos::web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}
