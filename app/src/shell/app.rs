//! The page frame: which page the URL asks for (re-read on back and forward), the home page, and
//! the notices a bad URL produces. Moving between pages without reloading is
//! [`crate::nav::link`]'s.

use leptos::prelude::*;
use lessons::catalog::Lesson;

use crate::browser;
use crate::lesson::text;
use crate::nav::link::{LessonLink, Navigator, read_route};
use crate::nav::route::{LessonState, Page};
use crate::shell::lesson_list::LessonList;
use crate::shell::lesson_page::LessonPage;

/// The whole app: the page the URL names, re-read on back and forward.
#[component]
pub fn App() -> impl IntoView {
    let route = RwSignal::new(read_route());
    let nav = Navigator::new(route);
    provide_context(nav);
    let popstate = window_event_listener(leptos::ev::popstate, move |_| route.set(read_route()));
    on_cleanup(move || popstate.remove());
    view! {
        {move || {
            let r = route.get();
            let notices = r.notices.clone();
            let page = match r.page {
                Page::Lesson(state) => match crate::catalog::get(&state.slug) {
                    Some(meta) => {
                        set_title(&format!("{} · Go anti-pattern playground", meta.title));
                        view! { <LessonLoader meta=meta state=state extra=r.extra /> }.into_any()
                    }
                    None => view! { <Home /> }.into_any(),
                },
                Page::Home => {
                    set_title("Go anti-pattern playground");
                    view! { <Home /> }.into_any()
                }
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
    let claim = crate::catalog::shipped(meta).claim_html;
    (move || match result.get() {
        None => view! {
            <div class="lesson-head lesson-loading" aria-busy="true" data-testid="lesson-loading">
                <h1>{meta.title.clone()}</h1>
                <p class="claim" inner_html=claim></p>
                <p class="loading-note">"Loading the two programs…"</p>
            </div>
        }
        .into_any(),
        Some(Ok(lesson)) => {
            view! { <LessonPage lesson=lesson state=state.clone() extra=extra.clone() /> }
                .into_any()
        }
        Some(Err(why)) => view! {
            <div class="notice load-failed" role="alert" data-testid="lesson-load-failed">
                <p>{format!("The programs of “{}” could not be loaded: {why}.", meta.title)}</p>
                <p>
                    <button type="button" on:click=|_| browser::reload()>"Reload"</button>
                    " or "
                    <LessonLink slug=None>"go to all lessons"</LessonLink>
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
    (!notices.is_empty()).then(|| {
        view! {
            <div class="notice" role="alert" data-testid="notice">
                <ul>{notices.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </div>
        }
    })
}

/// The home page: what the playground shows, and every lesson by chapter.
#[component]
fn Home() -> impl IntoView {
    view! {
        <header class="home-head">
            <h1>"Go anti-pattern playground"</h1>
            <p class="intro">
                "Each lesson runs a real Go program with a concurrency bug next to its fix, on a deterministic Go interpreter with a virtual clock. "
                "Press play or step through them together and watch what the bug costs: goroutines piling up, channels filling, memory growing, deadlocks and panics, "
                "down to the exact line where goroutines are stuck. Drag a parameter and both programs re-run at once."
            </p>
        </header>
        <main>
            <LessonList lessons=crate::catalog::all() />
        </main>
        <footer class="foot">
            <p>"Keyboard: space plays or pauses, ← → step, n / p next or previous lesson."</p>
        </footer>
    }
}

fn set_title(title: &str) {
    if let Some(doc) = leptos::web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}
