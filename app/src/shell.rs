//! The page frame: which page the URL asks for, navigation between pages without reloading, and
//! the notices a bad URL produces.

use leptos::prelude::*;

use crate::browser;
use crate::lesson_list::LessonList;
use crate::lesson_page::LessonPage;
use crate::query;
use crate::route::{self, Page, Route};

/// Moves between pages: pushes a history entry and shows the page it names.
#[derive(Clone, Copy)]
pub struct Navigator {
    route: RwSignal<Route>,
}

impl Navigator {
    /// Opens the lesson `slug` at its defaults (the home page for `None`).
    pub fn open_lesson(&self, slug: &str) {
        self.go(&lesson_query(Some(slug)));
    }

    /// Shows the page of `query` as a new history entry.
    pub fn go(&self, query: &str) {
        browser::push_query(query);
        self.route.set(read_route());
        browser::scroll_to_top();
    }
}

/// The query string of a lesson at its defaults, or of the home page.
pub fn lesson_query(slug: Option<&str>) -> String {
    match slug {
        Some(s) => query::build(&[(route::LESSON.to_string(), s.to_string())]),
        None => String::new(),
    }
}

fn read_route() -> Route {
    let pairs = query::parse(&browser::query());
    route::resolve(&pairs, crate::catalog::get)
}

/// The whole app: the page the URL names, re-read on back and forward.
#[component]
pub fn App() -> impl IntoView {
    let route = RwSignal::new(read_route());
    let nav = Navigator { route };
    provide_context(nav);
    let popstate = window_event_listener(leptos::ev::popstate, move |_| route.set(read_route()));
    on_cleanup(move || popstate.remove());
    view! {
        {move || {
            let r = route.get();
            let notices = r.notices.clone();
            let page = match r.page {
                Page::Lesson(state) => match crate::catalog::get(&state.slug) {
                    Some(lesson) => {
                        set_title(&format!("{} · Go anti-pattern playground", lesson.title));
                        view! { <LessonPage lesson=lesson state=state extra=r.extra /> }.into_any()
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

/// A link to a lesson (or home) that navigates in place on a plain click and still opens in a
/// new tab on a middle or modified click.
#[component]
pub fn LessonLink(
    /// The lesson, or `None` for the home page.
    slug: Option<&'static str>,
    /// CSS class.
    #[prop(optional, into)]
    class: String,
    /// Tooltip.
    #[prop(optional, into)]
    title: String,
    children: Children,
) -> impl IntoView {
    let nav = use_context::<Navigator>();
    let q = lesson_query(slug);
    let href = if q.is_empty() {
        "./".to_string()
    } else {
        format!("?{q}")
    };
    view! {
        <a
            href=href
            class=class
            title=title
            on:click=move |ev| {
                let plain = ev.button() == 0 && !ev.ctrl_key() && !ev.meta_key() && !ev.shift_key() && !ev.alt_key();
                if let (true, Some(nav)) = (plain, nav) {
                    ev.prevent_default();
                    nav.go(&q);
                }
            }
        >
            {children()}
        </a>
    }
}

fn set_title(title: &str) {
    if let Some(doc) = leptos::web_sys::window().and_then(|w| w.document()) {
        doc.set_title(title);
    }
}
